/*
 * template.c - message templates: which there are, where their text
 * comes from (the office's own in the database, else the file shipped
 * with the preset), and filling their placeholders from a complaint.
 *
 * What a placeholder may show is decided in fill(), by the audience,
 * before any text is filled: a template cannot ask for more.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "internal.h"
#include "phone.h"
#include "privacy.h"
#include "refdata.h"
#include "template.h"
#include "timeutil.h"
#include "util.h"

const struct aduan_template_def aduan_templates[] = {
	{"forward", N_("the text forwarded to an agency (message, link, mail body)")},
	{"forward-subject", N_("the subject of forwarded mail (one line)")},
	{"letter", N_("the text of a covering letter, for one complaint")},
	{"letter-list", N_("the text of a covering letter that lists complaints")},
	{"reply-open", N_("the answer to a complaint received and not forwarded yet")},
	{"reply-routed", N_("the answer to a complaint forwarded to an agency")},
	{"reply-resolved", N_("the answer to a complaint closed as resolved")},
	{"reply-rejected", N_("the answer to a complaint closed as rejected")},
	{"reply-duplicate", N_("the answer to a complaint closed as a duplicate")},
	{"reply-withdrawn", N_("the answer to a complaint withdrawn by its reporter")},
	{"reply-group", N_("the answer to paste in the WhatsApp group it came from")},
	{"public", N_("the status anyone with the number may see (aduan-list --public)")},
	{NULL, NULL}
};

const char *const aduan_template_langs[] = {"id", "en", NULL};

enum ph {
	PH_ID, PH_RECEIVED, PH_CHANNEL, PH_SOURCE, PH_REPORTER, PH_PHONE, PH_KELURAHAN,
	PH_RT, PH_LOCATION, PH_MAPS, PH_CATEGORY, PH_PRIORITY, PH_TEXT, PH_EXCERPT,
	PH_ATTACHMENTS, PH_STATUS, PH_AGENCY, PH_AGENCY_NAME, PH_OFFICER, PH_OFFICER_TITLE,
	PH_DUE, PH_CLOSED, PH_RESOLUTION, PH_NOTE, PH_DUPLICATE_OF, PH_OFFICE,
	PH_OFFICE_ADDRESS, PH_OFFICE_PHONE, PH_OFFICE_EMAIL, PH_TODAY, PH_REPLY,
	PH_N
};

const struct aduan_placeholder_def aduan_placeholders[PH_N + 1] = {
	[PH_ID] = {"id", "the tracking number"},
	[PH_RECEIVED] = {"received", "when it came in: date, time and zone"},
	[PH_CHANNEL] = {"channel", "how it came in (WhatsApp, walk-in, ...)"},
	[PH_SOURCE] = {"source", "where it came in: the WhatsApp group, the page"},
	[PH_REPORTER] = {"reporter", "the reporter's name, by the privacy rules"},
	[PH_PHONE] = {"phone", "the reporter's phone, by the privacy rules"},
	[PH_KELURAHAN] = {"kelurahan", "the kelurahan"},
	[PH_RT] = {"rt", "the RT"},
	[PH_LOCATION] = {"location", "the place described"},
	[PH_MAPS] = {"maps", "a map link, when there are coordinates"},
	[PH_CATEGORY] = {"category", "the category"},
	[PH_PRIORITY] = {"priority", "the priority, in words"},
	[PH_TEXT] = {"text", "the complaint's text"},
	[PH_EXCERPT] = {"excerpt", "its first words"},
	[PH_ATTACHMENTS] = {"attachments", "the names of its photos and files"},
	[PH_STATUS] = {"status", "its status, in words"},
	[PH_AGENCY] = {"agency", "the agency's code"},
	[PH_AGENCY_NAME] = {"agency_name", "the agency's name"},
	[PH_OFFICER] = {"officer", "the agency's officer"},
	[PH_OFFICER_TITLE] = {"officer_title", "the officer's title"},
	[PH_DUE] = {"due", "the date it is due"},
	[PH_CLOSED] = {"closed", "the date it was closed"},
	[PH_RESOLUTION] = {"resolution", "how it was closed, in words"},
	[PH_NOTE] = {"note", "the latest note of a route, close or follow-up"},
	[PH_DUPLICATE_OF] = {"duplicate_of", "the complaint it duplicates"},
	[PH_OFFICE] = {"office", "the office's name (office.name)"},
	[PH_OFFICE_ADDRESS] = {"office_address", "its address (office.address)"},
	[PH_OFFICE_PHONE] = {"office_phone", "its phone (office.phone)"},
	[PH_OFFICE_EMAIL] = {"office_email", "its email (office.email)"},
	[PH_TODAY] = {"today", "today's date"},
	[PH_REPLY] = {"reply", "in reply-group: the answer for the complaint's state"},
	[PH_N] = {NULL, NULL}
};

/* The data's words in each template language: {value, id, en}. */
static const char *const words[][3] = {
	{"open", "diterima", "received"},
	{"routed", "diteruskan", "forwarded"},
	{"closed", "selesai", "closed"},
	{"resolved", "sudah ditangani", "resolved"},
	{"rejected", "ditolak", "rejected"},
	{"duplicate", "sama dengan aduan lain", "a duplicate"},
	{"withdrawn", "dicabut pelapor", "withdrawn"},
	{"urgent", "mendesak", "urgent"},
	{"normal", "biasa", "normal"},
	{"low", "rendah", "low"},
	{"whatsapp", "WhatsApp", "WhatsApp"},
	{"facebook", "Facebook", "Facebook"},
	{"instagram", "Instagram", "Instagram"},
	{"walk-in", "datang langsung", "in person"},
	{"phone", "telepon", "telephone"},
	{"sms", "SMS", "SMS"},
	{"email", "email", "email"},
	{"letter", "surat", "letter"},
	{"web", "situs web", "website"},
	{"other", "lainnya", "other"},
};

static const char *const months[2][12] = {
	{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
	    "September", "Oktober", "November", "Desember"},
	{"January", "February", "March", "April", "May", "June", "July", "August",
	    "September", "October", "November", "December"},
};

#define EXCERPT_WORDS 12

const struct aduan_template_def *
aduan_template_def(const char *name)
{
	size_t n = sizeof(aduan_templates) / sizeof(aduan_templates[0]);
	int i = aduan_row_named(aduan_templates, n, sizeof(aduan_templates[0]), name, strlen(name));

	return i < 0 ? NULL : &aduan_templates[i];
}

static int
lang_index(const char *lang)
{
	return strcmp(lang, "en") == 0 ? 1 : 0;
}

static const char *
word(const char *value, const char *lang)
{
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i][0], value) == 0)
			return words[i][1 + lang_index(lang)];
	return value;
}

int
aduan_template_lang(struct aduan_db *db, const char *lang, const char **out)
{
	int i;

	if (lang == NULL)
		lang = aduan_config(db, "template.lang");
	if (lang == NULL || *lang == '\0')
		lang = aduan_template_langs[0];
	if ((i = aduan_word_index(aduan_template_langs, lang)) < 0)
		return aduan_fail(ADUAN_USAGE, "no templates in language \"%s\" (id or en)", lang);
	*out = aduan_template_langs[i];
	return 0;
}

static int
placeholder(const char *s, size_t n)
{
	return aduan_row_named(aduan_placeholders, PH_N, sizeof(aduan_placeholders[0]), s, n);
}

int
aduan_template_check(const char *text)
{
	const char *p, *e, *q;
	long line;

	for (p = text; (p = strchr(p, '{')) != NULL; p = e + 1) {
		if (p[1] == '{') {
			e = p + 1;
			continue;
		}
		if ((e = strchr(p, '}')) == NULL || memchr(p, '\n', (size_t)(e - p)) != NULL ||
		    placeholder(p + 1, (size_t)(e - p - 1)) < 0) {
			int n = (int)strcspn(p, "}\n");

			for (line = 1, q = text; q < p; q++)
				line += *q == '\n';
			return aduan_fail(ADUAN_USAGE, "line %ld: unknown placeholder %.*s%s "
			    "(see 'man aduan-template'; write {{ for a brace)", line,
			    n > 40 ? 40 : n, p, p[n] == '}' && n <= 40 ? "}" : "");
		}
	}
	return 0;
}

int
aduan_template_get(struct aduan_db *db, const char *name, const char *lang,
    char **text, const char **origin)
{
	struct aduan_buf path = {0}, b = {0};
	sqlite3_stmt *st;
	char chunk[4096], *dir;
	size_t n;
	FILE *fp;
	int rc;

	*text = NULL;
	if (aduan_template_def(name) == NULL)
		return aduan_fail(ADUAN_USAGE, "no template \"%s\" ('aduan template list')", name);
	if ((rc = aduan_template_lang(db, lang, &lang)) != 0)
		return rc;
	if ((st = aduan_db_stmt(db, "SELECT body FROM template WHERE name = ?1 AND lang = ?2")) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*text = aduan_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		if (origin != NULL)
			*origin = "office";
		return 0;
	}
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "reading a template");
	dir = aduan_datadir();
	aduan_buf_printf(&path, "%s/templates/%s.%s.txt", dir, name, lang);
	free(dir);
	if ((fp = fopen(path.s, "r")) == NULL) {
		rc = aduan_fail(ADUAN_IOERR, "cannot open template %s: %s", path.s, strerror(errno));
		aduan_buf_release(&path);
		return rc;
	}
	aduan_buf_adds(&b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		aduan_buf_add(&b, chunk, n);
	rc = ferror(fp) ? aduan_fail(ADUAN_IOERR, "%s: read error", path.s) : 0;
	fclose(fp);
	aduan_buf_release(&path);
	if (rc != 0) {
		aduan_buf_release(&b);
		return rc;
	}
	*text = b.s;
	if (origin != NULL)
		*origin = "preset";
	return 0;
}

int
aduan_template_set(struct aduan_db *db, const char *name, const char *lang, const char *text)
{
	int rc;

	if (aduan_template_def(name) == NULL)
		return aduan_fail(ADUAN_USAGE, "no template \"%s\" ('aduan template list')", name);
	if ((rc = aduan_template_lang(db, lang, &lang)) != 0)
		return rc;
	if (text == NULL)
		return aduan_db_run(db, "storing a template",
		    "DELETE FROM template WHERE name = ?1 AND lang = ?2", "tt", name, lang);
	if (aduan_utf8_valid(text, strlen(text)) != strlen(text))
		return aduan_fail(ADUAN_USAGE, "template %s: not UTF-8 text", name);
	if ((rc = aduan_template_check(text)) != 0)
		return rc;
	return aduan_db_run(db, "storing a template", "INSERT INTO template(name, lang, body) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET body = excluded.body",
	    "ttt", name, lang, text);
}

void
aduan_date_words(struct aduan_buf *b, time_t t, const char *lang, int with_time)
{
	struct tm tm;
	char zone[16];
	int l = lang_index(lang);

	tzset();
	localtime_r(&t, &tm);
	aduan_buf_printf(b, "%d %s %d", tm.tm_mday, months[l][tm.tm_mon], tm.tm_year + 1900);
	if (with_time) {
		strftime(zone, sizeof(zone), "%Z", &tm);
		aduan_buf_printf(b, l ? ", %02d:%02d %s" : ", %02d.%02d %s", tm.tm_hour, tm.tm_min,
		    zone);
	}
}

/* ---- filling ------------------------------------------------------------ */

struct fill {
	char *v[PH_N];		/* owned; NULL when empty */
};

static void
put(struct fill *f, int i, const char *s)
{
	free(f->v[i]);
	f->v[i] = s != NULL && *s != '\0' ? aduan_xstrdup(s) : NULL;
}

static void
put_date(struct fill *f, int i, const char *utc, const char *lang, int with_time)
{
	struct aduan_buf b = {0};
	time_t t;

	if (utc == NULL || aduan_time_from_utc(utc, &t) != 0)
		return;
	aduan_date_words(&b, t, lang, with_time);
	put(f, i, b.s);
	aduan_buf_release(&b);
}

/* The first EXCERPT_WORDS words of s on one line, "…" when there is more. */
static char *
excerpt(const char *s)
{
	struct aduan_buf b = {0};
	int n = 0;

	aduan_buf_adds(&b, "");
	while (*s != '\0') {
		size_t sp = strspn(s, " \t\r\n"), w;

		s += sp;
		if (*s == '\0')
			break;
		if (n == EXCERPT_WORDS) {
			aduan_buf_adds(&b, "…");
			break;
		}
		w = strcspn(s, " \t\r\n");
		if (n++ > 0)
			aduan_buf_addc(&b, ' ');
		aduan_buf_add(&b, s, w);
		s += w;
	}
	return b.s;
}

/* The columns the placeholders need, in this order. */
static const char complaint_sql[] =
    "SELECT c.id, c.received_at, c.channel, c.source, c.reporter_name, c.reporter_phone, "
    "c.anonymous, c.confidential, c.kelurahan, c.rt, c.location, c.lat, c.lon, c.category, "
    "c.priority, c.body, c.attachments, c.status, c.agency, a.name, a.officer, a.title, "
    "c.due_at, c.closed_at, c.resolution, c.duplicate_of, "
    "(SELECT e.note FROM event e WHERE e.complaint = c.id AND e.note IS NOT NULL "
    " AND e.action IN ('route', 'note', 'close', 'reopen') ORDER BY e.id DESC LIMIT 1) "
    "FROM complaint c LEFT JOIN agency a ON a.code = c.agency WHERE c.id = ?1";
enum {
	C_ID, C_RECEIVED, C_CHANNEL, C_SOURCE, C_NAME, C_PHONE, C_ANON, C_CONF, C_KEL, C_RT,
	C_LOCATION, C_LAT, C_LON, C_CATEGORY, C_PRIORITY, C_BODY, C_ATTACH, C_STATUS,
	C_AGENCY, C_AGENCY_NAME, C_OFFICER, C_TITLE, C_DUE, C_CLOSED, C_RESOLUTION, C_DUP,
	C_NOTE
};

#define COL(i) ((const char *)sqlite3_column_text(st, (i)))

/*
 * What a person wrote in a history note, without what aduan put before
 * it: "resolved: ", "duplicate of 5: ", "rule 3: jalan; ".  NULL when
 * the note is only that.
 */
static const char *
person_note(const char *note)
{
	const char *p;
	int i;

	if (note == NULL)
		return NULL;
	if (strncmp(note, "rule ", 5) == 0)
		return (p = strstr(note, "; ")) != NULL ? p + 2 : NULL;
	for (i = 0; aduan_resolutions[i] != NULL; i++) {
		size_t n = strlen(aduan_resolutions[i]);

		if (strncmp(note, aduan_resolutions[i], n) == 0 &&
		    (note[n] == '\0' || note[n] == ':' || note[n] == ' ')) {
			p = strstr(note, ": ");
			return p != NULL ? p + 2 : NULL;
		}
	}
	return note;
}

/* The reporter's name and phone, as the audience may see them. */
static void
fill_reporter(sqlite3_stmt *st, const struct aduan_render *how, struct fill *f)
{
	char phone[17], *s;

	if (how->audience == AUD_AGENCY && how->personal) {
		put(f, PH_REPORTER, COL(C_NAME));
		put(f, PH_PHONE, COL(C_PHONE));
		return;
	}
	if (COL(C_NAME) != NULL) {
		s = aduan_name_mask(COL(C_NAME));
		put(f, PH_REPORTER, s);
		free(s);
	}
	if (COL(C_PHONE) != NULL) {
		aduan_phone_mask(COL(C_PHONE), phone);
		put(f, PH_PHONE, phone);
	}
}

/* What does not come from the complaint: the office, today, the reply. */
static void
fill_office(struct aduan_db *db, const struct aduan_render *how, const char *lang,
    struct fill *f)
{
	struct aduan_buf b = {0};

	put(f, PH_OFFICE, aduan_config(db, "office.name"));
	put(f, PH_OFFICE_ADDRESS, aduan_config(db, "office.address"));
	put(f, PH_OFFICE_PHONE, aduan_config(db, "office.phone"));
	put(f, PH_OFFICE_EMAIL, aduan_config(db, "office.email"));
	aduan_date_words(&b, time(NULL), lang, 0);
	put(f, PH_TODAY, b.s);
	put(f, PH_REPLY, how->reply);
	aduan_buf_release(&b);
}

/* Fill f for complaint id, the privacy rules first. */
static int
fill(struct aduan_db *db, int64_t id, const struct aduan_render *how, const char *lang,
    struct fill *f)
{
	sqlite3_stmt *st = aduan_db_stmt(db, complaint_sql);
	struct aduan_buf b = {0};
	char *s;
	int rc, hidden, withheld;

	if ((rc = aduan_db_complaint_row(db, st, id)) != 0)
		return rc;
	/* privacy first: who may see the reporter, and the text */
	hidden = sqlite3_column_int(st, C_ANON) || sqlite3_column_int(st, C_CONF);
	withheld = how->audience == AUD_PUBLIC && sqlite3_column_int(st, C_CONF);
	if (!hidden && how->audience != AUD_PUBLIC)
		fill_reporter(st, how, f);
	if (!withheld) {
		put(f, PH_LOCATION, COL(C_LOCATION));
		put(f, PH_TEXT, COL(C_BODY));
		s = excerpt(COL(C_BODY) ? COL(C_BODY) : "");
		put(f, PH_EXCERPT, s);
		free(s);
		if (!hidden && how->audience != AUD_PUBLIC)
			put(f, PH_ATTACHMENTS, COL(C_ATTACH));
		if (sqlite3_column_type(st, C_LAT) != SQLITE_NULL &&
		    sqlite3_column_type(st, C_LON) != SQLITE_NULL) {
			aduan_buf_printf(&b, "https://www.google.com/maps?q=%.6f,%.6f",
			    sqlite3_column_double(st, C_LAT), sqlite3_column_double(st, C_LON));
			put(f, PH_MAPS, b.s);
		}
	}
	put(f, PH_ID, COL(C_ID));
	put_date(f, PH_RECEIVED, COL(C_RECEIVED), lang, 1);
	put(f, PH_CHANNEL, word(COL(C_CHANNEL), lang));
	if (!hidden)
		put(f, PH_SOURCE, COL(C_SOURCE));
	if (!withheld) {
		put(f, PH_KELURAHAN, COL(C_KEL));
		put(f, PH_RT, COL(C_RT));
		put(f, PH_CATEGORY, COL(C_CATEGORY));
	}
	put(f, PH_PRIORITY, word(COL(C_PRIORITY), lang));
	put(f, PH_STATUS, word(COL(C_STATUS), lang));
	put(f, PH_AGENCY, COL(C_AGENCY));
	put(f, PH_AGENCY_NAME, COL(C_AGENCY_NAME));
	put(f, PH_OFFICER, COL(C_OFFICER));
	put(f, PH_OFFICER_TITLE, COL(C_TITLE));
	put_date(f, PH_DUE, COL(C_DUE), lang, 0);
	put_date(f, PH_CLOSED, COL(C_CLOSED), lang, 0);
	if (COL(C_RESOLUTION) != NULL)
		put(f, PH_RESOLUTION, word(COL(C_RESOLUTION), lang));
	if (!withheld)
		put(f, PH_NOTE, person_note(COL(C_NOTE)));
	put(f, PH_DUPLICATE_OF, COL(C_DUP));
	sqlite3_reset(st);
	aduan_buf_release(&b);
	fill_office(db, how, lang, f);
	return 0;
}

/* Append one line of a template (without its end), or nothing when it
 * names placeholders and all of them are empty. */
static void
line(struct aduan_buf *out, const char *s, size_t n, const struct fill *f)
{
	struct aduan_buf b = {0};
	const char *p = s, *e = s + n, *q;
	int named = 0, filled = 0, i;

	aduan_buf_adds(&b, "");
	while (p < e) {
		if (*p != '{') {
			aduan_buf_addc(&b, *p++);
			continue;
		}
		if (p + 1 < e && p[1] == '{') {
			aduan_buf_addc(&b, '{');
			p += 2;
			continue;
		}
		q = memchr(p, '}', (size_t)(e - p));
		if (q == NULL || (i = placeholder(p + 1, (size_t)(q - p - 1))) < 0) {
			/* not a placeholder (checked when the template was set) */
			aduan_buf_addc(&b, *p++);
			continue;
		}
		named++;
		p = q + 1;
		if (f->v[i] != NULL) {
			filled++;
			aduan_buf_adds(&b, f->v[i]);
		} else if (p < e && *p == ' ' && (b.len == 0 || b.s[b.len - 1] == ' '))
			p++;	/* "{a} {b}" with a empty: one space, not two */
	}
	while (b.len > 0 && b.s[b.len - 1] == ' ' && named > 0)
		b.s[--b.len] = '\0';
	if (named == 0 || filled > 0) {
		aduan_buf_add(out, b.s, b.len);
		aduan_buf_addc(out, '\n');
	}
	aduan_buf_release(&b);
}

int
aduan_render_text(struct aduan_db *db, const char *text, int64_t id,
    const struct aduan_render *how, struct aduan_buf *out)
{
	struct fill f;
	const char *lang, *p, *e;
	size_t start = out->len;
	int rc, i;

	memset(&f, 0, sizeof(f));
	if ((rc = aduan_template_lang(db, how->lang, &lang)) != 0)
		return rc;
	if ((rc = fill(db, id, how, lang, &f)) == 0) {
		for (p = text; *p != '\0'; p = *e ? e + 1 : e) {
			e = p + strcspn(p, "\n");
			line(out, p, (size_t)(e - p), &f);
		}
		/* no trailing blank lines */
		while (out->len > start + 1 && out->s[out->len - 1] == '\n' &&
		    out->s[out->len - 2] == '\n')
			out->s[--out->len] = '\0';
	}
	for (i = 0; i < PH_N; i++)
		free(f.v[i]);
	return rc;
}

int
aduan_render(struct aduan_db *db, const char *name, int64_t id,
    const struct aduan_render *how, struct aduan_buf *out)
{
	char *text;
	int rc;

	if ((rc = aduan_template_get(db, name, how->lang, &text, NULL)) != 0)
		return rc;
	rc = aduan_render_text(db, text, id, how, out);
	free(text);
	return rc;
}
