/*
 * t-whatsapp.c - the WhatsApp export parser against the project's own
 * fixtures (tests/fixtures/whatsapp), hostile input, and, when the
 * checkout has ../shared/fixtures/whatsapp beside it, the expectations
 * of three public parsers.
 *
 * Debugging: t-whatsapp FILE [dmy|mdy|ymd] prints the messages of FILE
 * as JSON Lines and exits.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aduan.h"
#include "util.h"
#include "walines.h"
#include "whatsapp.h"
#include "tap.h"

#define LRM "\xe2\x80\x8e"
#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"
#define LRE "\xe2\x80\xaa"
#define PDF "\xe2\x80\xac"

static const char *const kinds[] = { "text", "media", "deleted", "location", "system" };

/* An owned copy of one message. */
struct msg {
	long line;
	char at[20];
	char *author, *body, *text, *attachment;
	size_t body_len;
	int kind, has_location, edited, unknown;
	double lat, lon;
};

static const char *chat_group;	/* given to aduan_wa_set_group(), or NULL */

struct chat {
	int rc;			/* of aduan_wa_open, or ADUAN_IOERR from next */
	char err[256];
	enum aduan_wa_order order;
	char reason[160];
	struct msg *m;
	size_t n;
};

static void
chat_free(struct chat *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->m[i].author);
		free(c->m[i].body);
		free(c->m[i].text);
		free(c->m[i].attachment);
	}
	free(c->m);
	memset(c, 0, sizeof(*c));
}

static void
chat_read(struct chat *c, FILE *fp, const char *name, enum aduan_wa_order order)
{
	struct aduan_wa *w;
	struct aduan_wa_msg m;
	size_t cap = 0;
	int r;

	memset(c, 0, sizeof(*c));
	if ((c->rc = aduan_wa_open(&w, fp, name, order)) != 0) {
		snprintf(c->err, sizeof(c->err), "%s", aduan_errmsg());
		return;
	}
	c->order = aduan_wa_date_order(w);
	aduan_wa_set_group(w, chat_group);
	snprintf(c->reason, sizeof(c->reason), "%s", aduan_wa_order_reason(w));
	while ((r = aduan_wa_next(w, &m)) == 1) {
		struct msg *o;

		if (c->n == cap) {
			cap = cap ? cap * 2 : 16;
			c->m = aduan_xrealloc(c->m, cap * sizeof(*c->m));
		}
		o = &c->m[c->n++];
		memset(o, 0, sizeof(*o));
		o->line = m.line;
		memcpy(o->at, m.at, sizeof(o->at));
		o->author = m.author ? aduan_xstrdup(m.author) : NULL;
		if (m.author_len != (m.author ? strlen(m.author) : 0) && c->rc == 0) {
			c->rc = -1;	/* every chat read fails its test */
			snprintf(c->err, sizeof(c->err), "line %ld: author_len %zu", m.line,
			    m.author_len);
		}
		o->body = aduan_xstrndup(m.body, m.body_len);
		o->body_len = m.body_len;
		o->text = aduan_xstrndup(m.text, m.text_len);
		o->attachment = m.attachment ? aduan_xstrdup(m.attachment) : NULL;
		o->kind = m.kind;
		o->has_location = m.has_location;
		o->lat = m.lat;
		o->lon = m.lon;
		o->edited = m.edited;
		o->unknown = m.unknown;
	}
	if (r != 0) {
		c->rc = r;
		snprintf(c->err, sizeof(c->err), "%s", aduan_errmsg());
	}
	aduan_wa_close(w);
}

static void
chat_file(struct chat *c, const char *path, enum aduan_wa_order order)
{
	FILE *fp = fopen(path, "rb");

	if (fp == NULL) {
		memset(c, 0, sizeof(*c));
		c->rc = -1;
		snprintf(c->err, sizeof(c->err), "%s: cannot open", path);
		return;
	}
	chat_read(c, fp, path, order);
	fclose(fp);
}

static void
chat_pipe(struct chat *c, const char *path, enum aduan_wa_order order)
{
	struct aduan_buf cmd = { 0 };
	const char *p;
	FILE *fp;

	aduan_buf_adds(&cmd, "cat '");
	for (p = path; *p; p++) {
		if (*p == '\'')
			aduan_buf_adds(&cmd, "'\\''");
		else
			aduan_buf_addc(&cmd, *p);
	}
	aduan_buf_adds(&cmd, "'");
	fp = popen(cmd.s, "r");
	aduan_buf_release(&cmd);
	if (fp == NULL) {
		memset(c, 0, sizeof(*c));
		c->rc = -1;
		return;
	}
	chat_read(c, fp, path, order);
	pclose(fp);
}

/* From a string (which may hold NUL bytes), through a temporary file. */
static void
chat_mem(struct chat *c, const char *s, size_t n, enum aduan_wa_order order)
{
	FILE *fp = tmpfile();

	fwrite(s, 1, n, fp);
	rewind(fp);
	chat_read(c, fp, "mem", order);
	fclose(fp);
}

#define CHAT_STR(c, s) chat_mem((c), (s), sizeof(s) - 1, AWA_AUTO)

static void
dump_msg(struct aduan_buf *b, const struct msg *m)
{
	aduan_buf_printf(b, "{\"line\":%ld,\"at\":\"%s\",\"author\":", m->line, m->at);
	if (m->author)
		aduan_json_quote(b, m->author, strlen(m->author));
	else
		aduan_buf_adds(b, "null");
	aduan_buf_printf(b, ",\"kind\":\"%s\",\"body\":", kinds[m->kind]);
	aduan_json_quote(b, m->body, m->body_len);
	if (strcmp(m->text, m->body) != 0) {
		aduan_buf_adds(b, ",\"text\":");
		aduan_json_quote(b, m->text, strlen(m->text));
	}
	if (m->attachment) {
		aduan_buf_adds(b, ",\"attachment\":");
		aduan_json_quote(b, m->attachment, strlen(m->attachment));
	}
	if (m->has_location)
		aduan_buf_printf(b, ",\"lat\":%.7f,\"lon\":%.7f", m->lat, m->lon);
	if (m->edited)
		aduan_buf_adds(b, ",\"edited\":true");
	aduan_buf_adds(b, "}\n");
}

static void
dump(struct aduan_buf *b, const struct chat *c)
{
	size_t i;

	aduan_buf_printf(b, "rc=%d order=%d reason=%s\n", c->rc, (int)c->order, c->reason);
	for (i = 0; i < c->n; i++)
		dump_msg(b, &c->m[i]);
}

/* The debugging main: stream FILE as JSON Lines (memory stays flat). */
static int
debug_dump(const char *file, enum aduan_wa_order o)
{
	FILE *fp = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	struct aduan_wa *w;
	struct aduan_wa_msg m;
	struct aduan_buf b = { 0 };
	int r;

	if (fp == NULL) {
		perror(file);
		return 1;
	}
	if ((r = aduan_wa_open(&w, fp, file, o)) != 0) {
		fprintf(stderr, "%s\n", aduan_errmsg());
		return 1;
	}
	printf("order=%d reason=%s\n", (int)aduan_wa_date_order(w), aduan_wa_order_reason(w));
	while ((r = aduan_wa_next(w, &m)) == 1) {
		struct msg t;

		memset(&t, 0, sizeof(t));
		t.line = m.line;
		memcpy(t.at, m.at, sizeof(t.at));
		t.author = (char *)m.author;
		t.body = (char *)m.body;
		t.body_len = m.body_len;
		t.text = (char *)m.text;
		t.attachment = (char *)m.attachment;
		t.kind = m.kind;
		t.has_location = m.has_location;
		t.lat = m.lat;
		t.lon = m.lon;
		t.edited = m.edited;
		aduan_buf_reset(&b);
		dump_msg(&b, &t);
		fwrite(b.s, 1, b.len, stdout);
	}
	if (r != 0)
		fprintf(stderr, "%s\n", aduan_errmsg());
	aduan_wa_close(w);
	aduan_buf_release(&b);
	if (fp != stdin)
		fclose(fp);
	return r != 0;
}

/* ---- expectations ------------------------------------------------------ */

struct exp {
	long line;
	const char *at, *author;
	int kind;
	const char *body;
	const char *attachment;
	const char *text;	/* NULL: same as body */
	int has_location;
	double lat, lon;
	int edited;
};

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
check_msg(const struct msg *m, const struct exp *e, const char *file, size_t i)
{
	const char *text = e->text ? e->text : e->body;
	int good = m->line == e->line && strcmp(m->at, e->at) == 0 &&
	    same(m->author, e->author) && m->kind == e->kind &&
	    strlen(e->body) == m->body_len && strcmp(m->body, e->body) == 0 &&
	    same(m->attachment, e->attachment) && strcmp(m->text, text) == 0 &&
	    m->has_location == e->has_location && m->edited == e->edited &&
	    (!e->has_location || (fabs(m->lat - e->lat) < 1e-9 && fabs(m->lon - e->lon) < 1e-9));

	ok(good, "%s: message %zu (line %ld, %s, %s)", file, i + 1, e->line, e->at, kinds[e->kind]);
	if (!good) {
		printf("#   got:  line %ld at %s author %s kind %s attachment %s loc %d %.7f,%.7f edited %d\n",
		    m->line, m->at, m->author ? m->author : "(null)", kinds[m->kind],
		    m->attachment ? m->attachment : "(null)", m->has_location, m->lat, m->lon, m->edited);
		printf("#   want: line %ld at %s author %s kind %s attachment %s loc %d %.7f,%.7f edited %d\n",
		    e->line, e->at, e->author ? e->author : "(null)", kinds[e->kind],
		    e->attachment ? e->attachment : "(null)", e->has_location, e->lat, e->lon, e->edited);
		printf("#   body got:  '%s'\n#   body want: '%s'\n", m->body, e->body);
		printf("#   text got:  '%s'\n#   text want: '%s'\n", m->text, text);
	}
}

static const char *root;	/* $ADUAN_BUILD or "." */

static char *
path_join(const char *a, const char *b)
{
	struct aduan_buf p = { 0 };

	aduan_buf_printf(&p, "%s/%s", a, b);
	return p.s;
}

/* The order of dates named in a data row: dmy, mdy or ymd. */
static enum aduan_wa_order
order_named(const char *s)
{
	return strcmp(s, "mdy") == 0 ? AWA_MDY : strcmp(s, "ymd") == 0 ? AWA_YMD : AWA_DMY;
}

/* The kind of message named in a data row. */
static int
kind_named(const char *s)
{
	static const char *const names[] = {
		[AWA_TEXT] = "text", [AWA_MEDIA] = "media", [AWA_DELETED] = "deleted",
		[AWA_LOCATION] = "location", [AWA_SYSTEM] = "system",
	};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (names[k] != NULL && strcmp(names[k], s) == 0)
			return (int)k;
	return -1;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* The messages t-whatsapp.tab expects of the export named file (its
 * section [file]); *n of them, to be freed with exp_free. */
static struct exp *
exp_load(const char *file, size_t *n)
{
	struct tap_rows r = { 0 };
	struct exp *e = NULL;

	*n = 0;
	for (tap_rows_open(&r, file); tap_rows_next(&r); (*n)++) {
		e = realloc(e, (*n + 1) * sizeof(*e));
		e[*n] = (struct exp){ atol(r.col[0]), dup_or_null(r.col[1]), dup_or_null(r.col[2]),
		    kind_named(r.col[3]), dup_or_null(r.col[4]), dup_or_null(r.col[5]),
		    dup_or_null(r.col[6]), atoi(r.col[7]), atof(r.col[8]), atof(r.col[9]),
		    atoi(r.col[10]) };
	}
	return e;
}

static void
exp_free(struct exp *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free((char *)e[i].at);
		free((char *)e[i].author);
		free((char *)e[i].body);
		free((char *)e[i].attachment);
		free((char *)e[i].text);
	}
	free(e);
}

static void
check_fixture(const char *file, enum aduan_wa_order want_order, const char *want_reason)
{
	char *dir = path_join(root, "tests/fixtures/whatsapp"), *path = path_join(dir, file);
	struct chat c, p;
	struct aduan_buf a = { 0 }, b = { 0 };
	size_t i, ne;
	struct exp *e = exp_load(file, &ne);

	chat_file(&c, path, AWA_AUTO);
	if (!is_int(c.rc, 0, file))
		printf("#   %s\n", c.err);
	is_int(c.n, ne, "message count");
	is_int(c.order, want_order, "date order");
	is_str(c.reason, want_reason, "date order reason");
	for (i = 0; i < ne && i < c.n; i++)
		check_msg(&c.m[i], &e[i], file, i);
	chat_pipe(&p, path, AWA_AUTO);
	dump(&a, &c);
	dump(&b, &p);
	ok(a.len > 0 && strcmp(a.s, b.s) == 0, "%s: the same through a pipe", file);
	aduan_buf_release(&a);
	aduan_buf_release(&b);
	chat_free(&c);
	chat_free(&p);
	exp_free(e, ne);
	free(path);
	free(dir);
}

#define T AWA_TEXT
#define M AWA_MEDIA
#define D AWA_DELETED
#define L AWA_LOCATION
#define S AWA_SYSTEM
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
fixtures(void)
{
	size_t f = 0;

	for (tap_rows_open(&tr, "fixtures"); tap_rows_next(&tr); f++)
		check_fixture(tr.col[0], order_named(tr.col[1]), tr.col[2]);
	is_int(f, 10, "ten fixtures in t-whatsapp.tab");

	/* the order set by the caller wins */
	{
		char *dir = path_join(root, "tests/fixtures/whatsapp");
		char *path = path_join(dir, "WhatsApp Chat with Kerja Bakti Bontang Baru.txt");
		struct chat c;

		chat_file(&c, path, AWA_DMY);
		is_int(c.order, AWA_DMY, "--date-order dmy: order");
		is_str(c.reason, "set by option", "--date-order dmy: reason");
		ok(c.n == 5 && strcmp(c.m[0].at, "2025-03-01T08:15") == 0 &&
		    strcmp(c.m[4].at, "2025-10-01T09:05") == 0, "--date-order dmy: dates read day first");
		chat_free(&c);
		free(path);
		free(dir);
	}
}

/* ---- small cases ----------------------------------------------------------- */

static void
one(const char *what, const char *s, size_t n, const char *at, const char *author,
    int kind, const char *body)
{
	struct chat c;
	int good;

	chat_mem(&c, s, n, AWA_AUTO);
	good = c.rc == 0 && c.n >= 1 && strcmp(c.m[0].at, at) == 0 &&
	    same(c.m[0].author, author) && c.m[0].kind == kind &&
	    strcmp(c.m[0].body, body) == 0;
	ok(good, "%s", what);
	if (!good) {
		if (c.rc != 0)
			printf("#   rc %d: %s\n", c.rc, c.err);
		else if (c.n > 0)
			printf("#   got: %s %s %s '%s'\n", c.m[0].at,
			    c.m[0].author ? c.m[0].author : "(null)", kinds[c.m[0].kind], c.m[0].body);
	}
	chat_free(&c);
}

#define ONE(what, s, at, author, kind, body) one((what), (s), sizeof(s) - 1, (at), (author), (kind), (body))

/* The author ends at the first ": ", wherever it stands (looked for 16
 * bytes at a time: every place in the first and second 16, and the last
 * of a line); a line without one has no author. */
static void
colon_cases(void)
{
	char line[192], name[64], body[80], what[96];
	size_t len, i;

	for (len = 1; len <= 48; len++) {
		for (i = 0; i < len; i++)
			name[i] = (char)('a' + i % 26);
		name[0] = 'A';
		name[len] = '\0';
		snprintf(body, sizeof(body), "jam 10:30%s: ya", len % 2 ? "" : " kata dia");
		snprintf(line, sizeof(line), "14/11/24 09.15 - %s: %s\n", name, body);
		snprintf(what, sizeof(what), "an author of %zu bytes ends at the first \": \"", len);
		one(what, line, strlen(line), "2024-11-14T09:15", name, T, body);
		/* no ": " at all, a colon last */
		snprintf(line, sizeof(line), "14/11/24 09.15 - %s:\n", name);
		snprintf(body, sizeof(body), "%s:", name);
		snprintf(what, sizeof(what), "%zu bytes and a colon without a space: no author", len);
		one(what, line, strlen(line), "2024-11-14T09:15", NULL, S, body);
	}
}

static void
small_cases(void)
{
	struct chat c;

	/* 12-hour renderings */
	ONE("12h plain space", "11/28/24, 2:05 PM - Ani: a\n", "2024-11-28T14:05", "Ani", T, "a");
	ONE("12h U+00A0", "11/28/24, 2:05" NBSP "PM - Ani: a\n", "2024-11-28T14:05", "Ani", T, "a");
	ONE("12h U+202F iOS", "[11/28/24, 2:05:33" NNBSP "PM] Ani: a\r\n", "2024-11-28T14:05:33", "Ani", T, "a");
	ONE("12h a.m.", "23/06/2018, 01:55 a.m. - Ani: a\n", "2018-06-23T01:55", "Ani", T, "a");
	ONE("12h p. m. with U+00A0", "20/6/2017 8:28 p." NBSP "m. - Ani: a\n", "2017-06-20T20:28", "Ani", T, "a");
	ONE("12 AM is midnight", "11/28/24, 12:05 AM - Ani: a\n", "2024-11-28T00:05", "Ani", T, "a");
	ONE("12 PM is noon", "11/28/24, 12:05 pm - Ani: a\n", "2024-11-28T12:05", "Ani", T, "a");
	ONE("author starting with Am is not AM", "[13/11/24 21:25:15] Amir: a\n", "2024-11-13T21:25:15", "Amir", T, "a");
	ONE("U+200E before the bracket", LRM "[28/11/24 14.05.33] Ani: " LRM "video tidak disertakan\r\n", "2024-11-28T14:05:33", "Ani", M, "video tidak disertakan");
	ONE("BOM then header", "\xef\xbb\xbf" "28/11/24 14.05 - Ani: a\n", "2024-11-28T14:05", "Ani", T, "a");
	ONE("dd.MM.yy, HH:mm", "23.03.22, 13:31 - Ani: a\n", "2022-03-23T13:31", "Ani", T, "a");
	ONE("two-digit year is 20yy", "1/2/99 10.00 - Ani: a\n", "2099-02-01T10:00", "Ani", T, "a");

	/* system lines */
	ONE("system: created group with ': ' in the name", "28/11/24 14.05 - You created group \"RT 05: Warga\"\n", "2024-11-28T14:05", NULL, S, "You created group \"RT 05: Warga\"");
	ONE("system: Indonesian name change with ': '", "28/11/24 14.05 - Budi mengubah nama grup dari \"A: b\" ke \"C\"\n", "2024-11-28T14:05", NULL, S, "Budi mengubah nama grup dari \"A: b\" ke \"C\"");
	ONE("system: You were added", "28/11/24 14.05 - You were added\n", "2024-11-28T14:05", NULL, S, "You were added");
	ONE("system: number changed", "28/11/24 14.05 - " LRM "+62 812-1111-2222 telah diganti ke +62 813-3333-4444\n", "2024-11-28T14:05", NULL, S, "+62 812-1111-2222 telah diganti ke +62 813-3333-4444");
	ONE("system: iOS group attribution, marked", "[28/11/24 14.05.00] RT 05: " LRM "Budi menambahkan Ani\r\n", "2024-11-28T14:05:00", "RT 05", S, "Budi menambahkan Ani");
	ONE("system: iOS actor attribution, unmarked", "[28/02/2022, 9:52:58 PM] ~ AK: ~ AK created this group\n", "2022-02-28T21:52:58", "AK", S, "~ AK created this group");
	ONE("system: missed call attributed", "18/03/2022, 15:10 - Dmitry S: Missed voice call\n", "2022-03-18T15:10", "Dmitry S", S, "Missed voice call");
	ONE("system: panggilan tak terjawab", "18/03/2022 15.10 - Ani: Panggilan video tak terjawab\n", "2022-03-18T15:10", "Ani", S, "Panggilan video tak terjawab");
	ONE("system: disappearing messages", "18/03/2022 15.10 - Anda mengaktifkan pesan sementara. Pesan baru akan hilang dari chat ini 7 hari setelah dikirim.\n", "2022-03-18T15:10", NULL, S, "Anda mengaktifkan pesan sementara. Pesan baru akan hilang dari chat ini 7 hari setelah dikirim.");
	ONE("not system: citizen text with a system verb", "28/11/24 14.05 - Budi: Pak Lurah menambahkan lampu jalan?\n", "2024-11-28T14:05", "Budi", T, "Pak Lurah menambahkan lampu jalan?");
	ONE("no ': ' after the name is a system line (John Doe:.)", "20/01/19, 11:23 - John Doe:.\n", "2019-01-20T11:23", NULL, S, "John Doe:.");
	ONE("U+202A/U+202C and ~ removed from the author", "[28/11/24 14.05.00] ~ " LRE "+62 812" PDF ": x\n", "2024-11-28T14:05:00", "+62 812", T, "x");

	/* placeholders */
	ONE("deleted: This message was deleted", "28/11/24 14.05 - A: This message was deleted\n", "2024-11-28T14:05", "A", D, "This message was deleted");
	ONE("deleted: You deleted this message", "28/11/24 14.05 - A: You deleted this message\n", "2024-11-28T14:05", "A", D, "You deleted this message");
	ONE("media: stiker", "[28/11/24 14.05.00] A: " LRM "stiker tidak disertakan\n", "2024-11-28T14:05:00", "A", M, "stiker tidak disertakan");
	ONE("media: GIF omitted", "[28/11/24 14.05.00] A: " LRM "GIF omitted\n", "2024-11-28T14:05:00", "A", M, "GIF omitted");
	ONE("location: live location shared", "28/11/24 14.05 - A: live location shared\n", "2024-11-28T14:05", "A", L, "live location shared");
	ONE("text: a lone maps link is a location", "28/11/24 14.05 - A: https://maps.google.com/?q=-0.13,117.49\n", "2024-11-28T14:05", "A", L, "https://maps.google.com/?q=-0.13,117.49");

	CHAT_STR(&c, "3/6/18, 1:55 p.m. - a: 2015-08-04-PHOTO-00004762.jpg <" LRM "attached>\n"
	    "3/6/18, 1:56 p.m. - a: < attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >\n"
	    "3/6/18, 1:57 p.m. - a: Pimlico Gardens\nLondon\nhttps://foursquare.com/v/4e89?ll=51.4871,-0.1387\n"
	    "3/6/18, 1:58 p.m. - a: sebelah sini https://maps.google.com/maps?q=-0.1300%2C117.4900&z=16\n");
	ok(c.n == 4 && same(c.m[0].attachment, "2015-08-04-PHOTO-00004762.jpg") &&
	    same(c.m[1].attachment, "00000042-PHOTO-2020-06-07-15-13-20.jpg") &&
	    c.m[0].kind == M && c.m[1].kind == M, "attachments: old iOS and spaced <attached:>");
	ok(c.n == 4 && c.m[2].kind == L && c.m[2].has_location &&
	    fabs(c.m[2].lat - 51.4871) < 1e-9 && fabs(c.m[2].lon + 0.1387) < 1e-9,
	    "foursquare place with ll= is a location with coordinates");
	ok(c.n == 4 && c.m[3].kind == T && c.m[3].has_location &&
	    fabs(c.m[3].lat + 0.13) < 1e-9 && fabs(c.m[3].lon - 117.49) < 1e-9,
	    "text with a maps link: text, coordinates kept (%%2C separator)");
	chat_free(&c);

	CHAT_STR(&c, "28/11/24 14.05 - A: x <Pesan ini diedit>\n28/11/24 14.06 - A: y " LRM "<This message was edited>\n");
	ok(c.n == 2 && c.m[0].edited && strcmp(c.m[0].body, "x") == 0 &&
	    c.m[1].edited && strcmp(c.m[1].body, "y") == 0, "edit marks removed and flagged");
	chat_free(&c);

	/* errors */
	CHAT_STR(&c, "");
	is_int(c.rc, ADUAN_DATAERR, "empty input: data error");
	is_str(c.err, "mem: no WhatsApp messages found", "empty input: message");
	chat_free(&c);
	CHAT_STR(&c, "hello\nworld\n28/11/24 tadi\n");
	is_int(c.rc, ADUAN_DATAERR, "no header at all: data error");
	chat_free(&c);
	CHAT_STR(&c, "catatan\n28/11/24 14.05 - A: x\n");
	ok(c.rc == 0 && c.n == 1 && c.m[0].line == 2, "lines before the first header are skipped");
	chat_free(&c);
	{
		static const char s[] = "\n\ncatatan\n28/11/24 14.05 - A: x\n";
		FILE *fp = tmpfile();
		struct aduan_wa *w;
		struct aduan_wa_msg m;

		fwrite(s, 1, sizeof(s) - 1, fp);
		rewind(fp);
		ok(aduan_wa_open(&w, fp, "mem", AWA_AUTO) == 0 && aduan_wa_next(w, &m) == 1 &&
		    aduan_wa_skipped(w) == 3 && aduan_wa_next(w, &m) == 0 && aduan_wa_next(w, &m) == 0,
		    "aduan_wa_skipped counts them; next stays at the end");
		aduan_wa_close(w);
		fclose(fp);
	}
	CHAT_STR(&c, "28/11/24 14.05 - A: undangan rapat\n28/11/24 14.05: balai RT\n"
	    "28/11/24 19.30 - B: siap\n");
	ok(c.rc == 0 && c.n == 2 && strcmp(c.m[0].body, "undangan rapat\n28/11/24 14.05: balai RT") == 0,
	    "in an Android file a pasted old-iOS-like line stays text");
	chat_free(&c);
	CHAT_STR(&c, "28/11/24 14.05 - A: x\n12/30/24 10.00 - B: y\n");
	ok(c.rc == 0 && c.n == 1 && c.order == AWA_DMY && strchr(c.m[0].body, '\n') != NULL,
	    "a date impossible under the file's order continues the message before it");
	chat_free(&c);

	/* file names */
	{
		static const char *const fn[][2] = {
			{ "WhatsApp Chat with RT 05 Api-Api.txt", "RT 05 Api-Api" },
			{ "/tmp/x/WhatsApp Chat - Forum Warga.txt", "Forum Warga" },
			{ "WhatsApp Chat - Forum Warga.zip", "Forum Warga" },
			{ "Chat WhatsApp dengan Posko Guntung.txt", "Posko Guntung" },
			{ "_chat.txt", NULL },
			{ "WhatsApp Chat with .txt", NULL },
			{ "notes.txt", NULL },
		};
		size_t i;

		for (i = 0; i < N(fn); i++) {
			char *g = aduan_wa_group_from_filename(fn[i][0]);

			is_str(g, fn[i][1], fn[i][0]);
			free(g);
		}
	}
}

/* ---- hostile input ------------------------------------------------------------ */

static void
hostile(void)
{
	struct chat c;
	struct aduan_buf b = { 0 };
	size_t big = 10u << 20, i;

	CHAT_STR(&c, "28/11/24 14.05 - A\0B: x\0y\n28/11/24 14.06 - C: \0\n\0\0\0\n");
	ok(c.rc == 0 && c.n == 2 && c.m[0].body_len >= 3 && c.m[1].body_len == 5,
	    "NUL bytes: kept in bodies, no crash");
	chat_free(&c);

	CHAT_STR(&c, "\xff\xfe" "28/11/24 14.05 - A: x\n28/11/24 14.06 - \xc3\x28\xff: \xed\xa0\x80\n");
	ok(c.rc == 0 && c.n == 1 && c.m[0].line == 2 && strcmp(c.m[0].author, "\xc3\x28\xff") == 0 &&
	    strcmp(c.m[0].body, "\xed\xa0\x80") == 0, "invalid UTF-8: bytes kept as they are");
	chat_free(&c);

	CHAT_STR(&c, "28/11/24 14.05 - A: x\ry\r\n28/11/24 14.06 - B: z\r\r\n");
	ok(c.rc == 0 && c.n == 2 && strcmp(c.m[0].body, "x\ry") == 0 &&
	    strcmp(c.m[1].body, "z\r") == 0, "lone CR kept, only the CR of CRLF removed");
	chat_free(&c);

	CHAT_STR(&c, "28/11/24 14.05 - A: x\r28/11/24 14.06 - B: y\r");
	ok(c.rc == 0 && c.n == 1, "CR-only line ends: one message, no crash");
	chat_free(&c);

	CHAT_STR(&c, "99999999999999/11/24 14.05 - A: x\n[28/11/24 99.99.99] A: x\n"
	    "28/13/24 14.05 - A: x\n31/02/24 14.05 - A: x\n[\n[28/11/24\n28/11/24 14.05 -");
	ok(c.rc == ADUAN_DATAERR && c.n == 0, "impossible and truncated headers are not headers");
	chat_free(&c);

	aduan_buf_adds(&b, "28/11/24 14.05 - A: ");
	for (i = 0; i < big; i++)
		aduan_buf_addc(&b, i % 64 == 63 ? ' ' : 'x');
	aduan_buf_adds(&b, "\n28/11/24 14.06 - B: y\n");
	for (i = 0; i < 1000; i++)
		aduan_buf_adds(&b, "28/11/24 14.07 garis lanjutan\n");
	chat_mem(&c, b.s, b.len, AWA_AUTO);
	ok(c.rc == 0 && c.n == 2 && c.m[0].body_len == big && c.m[1].line == 2 &&
	    c.m[1].body_len == 1 + 1000 * 30, "a 10 MB line and 1000 header-like continuation lines");
	chat_free(&c);

	aduan_buf_reset(&b);
	for (i = 0; i < 200000; i++)
		aduan_buf_adds(&b, "28/11/24 14.05 - ");
	aduan_buf_adds(&b, "\n");
	chat_mem(&c, b.s, b.len, AWA_AUTO);
	ok(c.rc == 0 && c.n == 1 && c.m[0].author == NULL && c.m[0].kind == S,
	    "a long line of headers is one unattributed line");
	chat_free(&c);
	aduan_buf_release(&b);
}

/* ---- conformance with public parsers' fixtures ---------------------------------- */

static char *shared;	/* ../shared/fixtures/whatsapp, or NULL */

static void
skip(int n)
{
	int i;

	for (i = 0; i < n; i++)
		printf("ok %d # skip ../shared/fixtures not present\n", ++tap_n);
}

/* The string value of "key" in s from p on (JSON escapes \" \\ \/ \n only). */
static char *
json_str(const char **pp, const char *key)
{
	char pat[64];
	const char *p;
	struct aduan_buf b = { 0 };

	snprintf(pat, sizeof(pat), "\"%s\": \"", key);
	if ((p = strstr(*pp, pat)) == NULL)
		return NULL;
	p += strlen(pat);
	aduan_buf_add(&b, "", 0);
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			aduan_buf_addc(&b, *p == 'n' ? '\n' : *p);
		} else
			aduan_buf_addc(&b, *p);
	}
	*pp = p;
	return b.s;
}

static int
count_kind(const struct chat *c, int kind)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->n; i++)
		n += c->m[i].kind == kind;
	return n;
}

static void
chat_miner(void)
{
	static const char *const files[] = {
		"test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt", "test_mmddyyyy_12hrs.txt",
		"test_yyyymmdd_24hrs.txt", "test_[mmddyy]_24hrs.txt",
	};
	char *dir = path_join(shared, "chat-miner/test/whatsapp"), *tj = path_join(dir, "target.json");
	char *want[16][3], *json;
	const char *p;
	size_t nw = 0, f, i, k, len;
	FILE *fp;

	fp = fopen(tj, "rb");
	if (fp == NULL) {
		ok(0, "chat-miner: %s", tj);
		goto out;
	}
	json = NULL;
	len = 0;
	if (getdelim(&json, &len, '\0', fp) < 0) {
		fclose(fp);
		ok(0, "chat-miner: read target.json");
		goto out;
	}
	fclose(fp);
	p = json;
	while (nw < 16 && (want[nw][0] = json_str(&p, "timestamp")) != NULL) {
		want[nw][1] = json_str(&p, "author");
		want[nw][2] = json_str(&p, "message");
		nw++;
	}
	free(json);
	is_int(nw, 6, "chat-miner: target.json has 6 messages");
	for (f = 0; f < N(files); f++) {
		char *path = path_join(dir, files[f]);
		struct chat c;
		size_t got = 0;
		int good = 1;

		chat_file(&c, path, AWA_AUTO);
		/* target.json is newest first and leaves out system lines */
		for (i = 0; i < c.n; i++) {
			struct msg *m = &c.m[i];
			char at[32], *body;

			if (m->kind == S)
				continue;
			got++;
			if (got > nw) {
				good = 0;
				break;
			}
			k = nw - got;
			snprintf(at, sizeof(at), "%s%s", m->at, strlen(m->at) == 16 ? ":00" : "");
			body = aduan_xstrdup(m->body);
			for (char *q = body; *q; q++)
				if (*q == '\n')
					*q = ' ';
			if (strcmp(at, want[k][0]) != 0 || !same(m->author, want[k][1]) ||
			    strcmp(body, want[k][2]) != 0) {
				printf("#   %s: got %s|%s|%s want %s|%s|%s\n", files[f], at,
				    m->author ? m->author : "(null)", body, want[k][0], want[k][1], want[k][2]);
				good = 0;
			}
			free(body);
		}
		ok(c.rc == 0 && good && got == nw && count_kind(&c, S) == 3,
		    "chat-miner %s: %zu messages as target.json, 3 system lines", files[f], got);
		chat_free(&c);
		free(path);
	}
	for (i = 0; i < nw; i++)
		for (k = 0; k < 3; k++)
			free(want[i][k]);
out:
	free(tj);
	free(dir);
}

static void
whats_json(void)
{
	static const char *const ios[] = {
		"czech", "deutch", "english", "french", "hindi", "indonesian", "italian",
		"japanese", "portugal", "russian", "spanish", "thai", "ukrainian",
	};
	static const char *const android[] = { "czech", "english", "russian" };
	char *dir = path_join(shared, "whats_json/test/data"), *path;
	struct chat c;
	size_t i;
	char name[128];

	path = path_join(dir, "languages/indonesian_ios.txt");
	chat_file(&c, path, AWA_AUTO);
	ok(c.rc == 0 && c.n == 23 && count_kind(&c, T) == 4 && count_kind(&c, L) == 2 &&
	    count_kind(&c, M) + count_kind(&c, D) + count_kind(&c, S) == 17 &&
	    count_kind(&c, D) == 2 && count_kind(&c, S) == 1 && c.order == AWA_MDY,
	    "whats_json indonesian_ios.txt: 23 messages, 4 text, 2 locations, 17 other");
	chat_free(&c);
	free(path);

	path = path_join(dir, "languages/english_android.txt");
	chat_file(&c, path, AWA_AUTO);
	{
		size_t att = 0;

		for (i = 0; i < c.n; i++)
			att += c.m[i].attachment != NULL;
		ok(c.rc == 0 && c.n == 60 && count_kind(&c, T) == 15 && att == 2 &&
		    count_kind(&c, L) == 3 && c.n - 15 - 2 - 3 == 40,
		    "whats_json english_android.txt: 60 messages, 15 text, 2 files, 3 locations, 40 other");
	}
	chat_free(&c);
	free(path);

	path = path_join(dir, "languages/english_android_media.txt");
	chat_file(&c, path, AWA_AUTO);
	ok(c.rc == 0 && c.n == 60 && count_kind(&c, L) == 3,
	    "whats_json english_android_media.txt: 60 messages, 3 locations");
	chat_free(&c);
	free(path);

	/* every other language: 23 messages from an iPhone, 60 from Android */
	for (i = 0; i < N(ios) + N(android); i++) {
		int iphone = i < N(ios);
		size_t want = iphone ? 23 : 60;

		snprintf(name, sizeof(name), "languages/%s_%s.txt",
		    iphone ? ios[i] : android[i - N(ios)], iphone ? "ios" : "android");
		path = path_join(dir, name);
		chat_file(&c, path, AWA_AUTO);
		ok(c.rc == 0 && c.n == want, "whats_json %s: %zu messages", name, want);
		chat_free(&c);
		free(path);
	}
	/* not supported: no crash, nothing made up */
	{
		static const char *const no[] = {
			"calendars/Buddhist iOS.txt", "calendars/Japanese iOS.txt",
			"languages/arabic_ios.txt", "languages/vietnamese_ios.txt",
		};

		for (i = 0; i < N(no); i++) {
			path = path_join(dir, no[i]);
			chat_file(&c, path, AWA_AUTO);
			is_int(c.rc, ADUAN_DATAERR, no[i]);
			chat_free(&c);
			free(path);
		}
	}
	path = path_join(dir, "calendars/Gregorian iOS.txt");
	chat_file(&c, path, AWA_AUTO);
	ok(c.rc == 0 && c.n == 25 && c.m[24].line == 25 && count_kind(&c, S) == 3,
	    "whats_json calendars/Gregorian iOS.txt: one message a line, 3 system");
	chat_free(&c);
	free(path);

	path = path_join(dir, "ios/iOS Indonesian.txt");
	chat_file(&c, path, AWA_AUTO);
	ok(c.rc == 0 && c.n == 28 && count_kind(&c, T) == 4 && count_kind(&c, L) == 2 &&
	    count_kind(&c, M) == 16 && count_kind(&c, D) == 3 && count_kind(&c, S) == 3,
	    "whats_json ios/iOS Indonesian.txt: 28 messages, 4 text, 2 locations, 16 media, 3 deleted, 3 system");
	chat_free(&c);
	free(path);

	path = path_join(dir, "android/WhatsApp Chat with Group Chat XXX Android.txt");
	chat_file(&c, path, AWA_AUTO);
	{
		int good = c.rc == 0 && c.n == 20 && count_kind(&c, S) == 16;

		for (i = 0; good && i < 16; i++)
			good = c.m[i].author == NULL && c.m[i].kind == S;
		ok(good, "whats_json Group Chat XXX Android: the 16 English group system lines");
	}
	chat_free(&c);
	free(path);
	free(dir);
}

/* Decode the \uXXXX escapes of inline_cases.tsv into UTF-8. */
static void
unescape(struct aduan_buf *b, const char *s, size_t n)
{
	size_t i;

	aduan_buf_reset(b);
	aduan_buf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		unsigned cp;

		if (s[i] == '\\' && i + 5 < n && s[i + 1] == 'u' &&
		    sscanf(s + i + 2, "%4x", &cp) == 1) {
			if (cp < 0x80)
				aduan_buf_addc(b, (int)cp);
			else if (cp < 0x800) {
				aduan_buf_addc(b, (int)(0xc0 | cp >> 6));
				aduan_buf_addc(b, (int)(0x80 | (cp & 0x3f)));
			} else {
				aduan_buf_addc(b, (int)(0xe0 | cp >> 12));
				aduan_buf_addc(b, (int)(0x80 | ((cp >> 6) & 0x3f)));
				aduan_buf_addc(b, (int)(0x80 | (cp & 0x3f)));
			}
			i += 5;
		} else
			aduan_buf_addc(b, s[i]);
	}
}

/* Field k of a TAB-separated line (not NUL-terminated). */
static const char *
field(const char *line, int k, size_t *len)
{
	const char *p = line, *e;

	while (k-- > 0) {
		if ((p = strchr(p, '\t')) == NULL)
			return NULL;
		p++;
	}
	e = strchr(p, '\t');
	*len = e ? (size_t)(e - p) : strcspn(p, "\n");
	return p;
}

/* Part i of a '|'-separated list. */
static size_t
part(const char *s, size_t n, int i, const char **out)
{
	const char *p = s, *e = s + n, *q;

	while (i-- > 0) {
		if ((q = memchr(p, '|', (size_t)(e - p))) == NULL)
			return (size_t)-1;
		p = q + 1;
	}
	q = memchr(p, '|', (size_t)(e - p));
	*out = p;
	return (size_t)((q ? q : e) - p);
}

static void
inline_cases(void)
{
	char *path = path_join(shared, "whatsapp-chat-parser/inline_cases.tsv");
	FILE *fp = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0, len = 0, dl = 0, al = 0, ml = 0, atl = 0;
	struct aduan_buf in = { 0 }, want = { 0 };
	int rows = 0;

	if (fp == NULL) {
		ok(0, "%s", path);
		free(path);
		return;
	}
	while (getline(&line, &cap, fp) > 0) {
		const char *src, *input, *dates, *authors, *msgs, *att;
		struct chat c;
		int i, nexp, good = 1;

		if (strncmp(line, "source\t", 7) == 0)
			continue;
		src = field(line, 0, &len);
		input = field(line, 1, &len);
		dates = field(line, 2, &dl);
		authors = field(line, 4, &al);
		msgs = field(line, 5, &ml);
		att = field(line, 6, &atl);
		if (src == NULL || input == NULL || dates == NULL || authors == NULL ||
		    msgs == NULL || att == NULL)
			continue;
		unescape(&in, input, len);
		chat_mem(&c, in.s, in.len, AWA_AUTO);
		if (dl == 0) {
			/* no date asserted upstream: check the attachment when there is one */
			if (atl == 0) {
				chat_free(&c);
				continue;
			}
			unescape(&want, att, atl);
			field(line, 0, &len);
			ok(c.rc == 0 && c.n == 1 && same(c.m[0].attachment, want.s) &&
			    c.m[0].kind == M, "inline %.*s: attachment", (int)len, src);
			chat_free(&c);
			rows++;
			continue;
		}
		nexp = 1;
		for (i = 0; (size_t)i < dl; i++)
			nexp += dates[i] == '|';
		if (c.rc != 0 || c.n != (size_t)nexp)
			good = 0;
		for (i = 0; good && i < nexp; i++) {
			const char *d, *a, *m;
			size_t n1 = part(dates, dl, i, &d), n2 = part(authors, al, i, &a),
			    n3 = part(msgs, ml, i, &m);
			char at[32];

			snprintf(at, sizeof(at), "%s%s", c.m[i].at, strlen(c.m[i].at) == 16 ? ":00" : "");
			if (n1 < 19 || strncmp(d, at, 19) != 0)
				good = 0;
			unescape(&want, a, n2);
			if (!(want.len == 0 ? c.m[i].author == NULL : same(c.m[i].author, want.s)))
				good = 0;
			unescape(&want, m, n3);
			if (strcmp(c.m[i].body, want.s) != 0)
				good = 0;
			if (!good)
				printf("#   got %s|%s|%s\n", at, c.m[i].author ? c.m[i].author : "(null)",
				    c.m[i].body);
		}
		field(line, 0, &len);
		ok(good, "inline %.*s", (int)len, src);
		if (!good && c.rc != 0)
			printf("#   %s\n", c.err);
		chat_free(&c);
		rows++;
	}
	ok(rows >= 15, "inline_cases.tsv: %d rows checked", rows);
	free(line);
	fclose(fp);
	aduan_buf_release(&in);
	aduan_buf_release(&want);
	free(path);
}

static void
conformance(void)
{
	const char *up[] = { "../shared/fixtures/whatsapp", "../../shared/fixtures/whatsapp" };
	struct stat st;
	size_t i;

	for (i = 0; i < N(up) && shared == NULL; i++) {
		char *p = path_join(root, up[i]);

		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			shared = p;
		else
			free(p);
	}
	if (shared == NULL) {
		skip(1);
		return;
	}
	chat_miner();
	whats_json();
	inline_cases();
	free(shared);
}

/* ---- the catalogue of WhatsApp's own lines ------------------------------- */

/* One line of an iPhone group chat by "Budi" and what it must be read as. */
struct line_case {
	const char *text;	/* after "[28/11/24 14.05.SS] AUTHOR: " */
	const char *author;	/* NULL: Budi */
	int kind, unknown;
	const char *attachment;
};

static const struct line_case iphone_cases[] = {
	/* the lines */
	{ LRM "Siti joined using this group\xe2\x80\x99s invite link", "RT 05 Api-Api", AWA_SYSTEM, 0, NULL },
	{ "Siti joined using this group's invite link", "RT 05 Api-Api", AWA_SYSTEM, 0, NULL },
	{ "Budi changed the subject to \xe2\x80\x9cRT 05\xe2\x80\x9d", NULL, AWA_SYSTEM, 0, NULL },
	{ "Budi changed the settings so all members can edit this group's settings", NULL, AWA_SYSTEM, 0, NULL },
	{ LRM "Budi pinned a message", NULL, AWA_SYSTEM, 0, NULL },
	{ "Voice call, " LRM "No answer", NULL, AWA_SYSTEM, 0, NULL },
	{ "Video call, " LRM "12 min", NULL, AWA_SYSTEM, 0, NULL },
	{ LRM "Missed voice call", NULL, AWA_SYSTEM, 0, NULL },
	{ "Panggilan video, " LRM "Tidak ada jawaban", NULL, AWA_SYSTEM, 0, NULL },
	{ LRM "Bild weggelassen", NULL, AWA_MEDIA, 0, NULL },
	{ LRM "Diese Nachricht wurde gel\xc3\xb6scht.", NULL, AWA_DELETED, 0, NULL },
	{ LRM "Standort: https://maps.google.com/?q=0.13,117.49", NULL, AWA_LOCATION, 0, NULL },
	{ LRM "Se elimin\xc3\xb3 este mensaje.", NULL, AWA_DELETED, 0, NULL },
	{ "Laporan.pdf \xe2\x80\xa2 " LRM "3 halaman " LRM "dokumen tidak disertakan", NULL, AWA_MEDIA, 0, NULL },
	{ LRM "<attached: 00000012-PHOTO-2024-11-28-14-05-12.jpg>", NULL, AWA_MEDIA, 0,
	  "00000012-PHOTO-2024-11-28-14-05-12.jpg" },
	{ LRM "POLL:\n" LRM "Kerja bakti hari apa?\n" LRM "OPTION: Sabtu (2 votes)", NULL, AWA_TEXT, 0, NULL },
	/* never typed text: unknown to the catalogue, still a system line */
	{ LRM "Budi menciptakan sesuatu yang baru", NULL, AWA_SYSTEM, 1, NULL },
	{ "Budi did something WhatsApp will invent next year", "RT 05 Api-Api", AWA_SYSTEM, 1, NULL },
	/* typed text stays text */
	{ "Jalan rusak di depan masjid, mohon ditindaklanjuti", NULL, AWA_TEXT, 0, NULL },
	{ "Siti mau lapor, got depan rumah tersumbat", "Siti", AWA_TEXT, 0, NULL },
	{ "Voice call me later please", NULL, AWA_TEXT, 0, NULL },
};

static void
iphone_lines(void)
{
	struct aduan_buf b = { 0 };
	struct chat c;
	size_t i, n = sizeof(iphone_cases) / sizeof(iphone_cases[0]);

	for (i = 0; i < n; i++)
		aduan_buf_printf(&b, "[28/11/24 14.%02zu.%02zu] %s: %s\r\n", i / 60, i % 60,
		    iphone_cases[i].author ? iphone_cases[i].author : "Budi", iphone_cases[i].text);
	aduan_buf_adds(&b, "[28/11/24 15.00.00] Ani: ok\r\n");
	chat_group = "RT 05 Api-Api";
	chat_mem(&c, b.s, b.len, AWA_AUTO);
	chat_group = NULL;
	is_int(c.n, n + 1, "iPhone catalogue lines: every line a message");
	for (i = 0; i < n && i < c.n; i++) {
		const struct line_case *e = &iphone_cases[i];

		ok(c.m[i].kind == e->kind && c.m[i].unknown == e->unknown &&
		    same(c.m[i].attachment, e->attachment),
		    "iPhone line %zu: %s%s (%s)", i, kinds[e->kind], e->unknown ? ", unknown" : "",
		    c.m[i].body);
	}
	chat_free(&c);

	/* the same chat named after a person (a chat between two): their lines are theirs */
	aduan_buf_reset(&b);
	aduan_buf_adds(&b, "[28/11/24 14.00.00] Budi: " LRM "Messages and calls are end-to-end encrypted.\r\n"
	    "[28/11/24 14.01.00] Budi: Siti left the bag here\r\n"
	    "[28/11/24 14.02.00] Ani: ok\r\n");
	chat_group = "Budi";
	chat_mem(&c, b.s, b.len, AWA_AUTO);
	chat_group = NULL;
	ok(c.n == 3 && c.m[0].kind == AWA_SYSTEM && c.m[1].kind == AWA_TEXT && !c.m[1].unknown,
	    "a chat between two people: the other person's lines are not system lines");
	chat_free(&c);
	aduan_buf_release(&b);
}

/*
 * Every entry of the catalogue, put in a line the way WhatsApp writes it,
 * is read as its class says.
 */
static void
catalogue(void)
{
	/* each class of line as the test export writes it: the kind of
	 * message it must give, with an attachment or edited, and the line */
	static const struct {
		int kind, att, edit;
		const char *fmt;
	} as[] = {
		[WLC_MEDIA] = { AWA_MEDIA, 0, 0, LRM "%s" },
		[WLC_DELETED] = { AWA_DELETED, 0, 0, LRM "%s." },
		[WLC_CALL] = { AWA_SYSTEM, 0, 0, "%s" },
		[WLC_NOTICE] = { AWA_SYSTEM, 0, 0, "%s." },
		[WLC_LOCATION] = { AWA_LOCATION, 0, 0, LRM "%shttps://maps.google.com/?q=0.13,117.49" },
		[WLC_LIVE] = { AWA_LOCATION, 0, 0, LRM "%s" },
		[WLC_POLL] = { AWA_TEXT, 0, 0, LRM "%s\n" LRM "Rapat RT?" },
		[WLC_EDITED] = { AWA_TEXT, 0, 1, "Lampu mati " LRM "%s" },
		[WLC_ATTACHED] = { AWA_MEDIA, 1, 0, "IMG-1.jpg%s" },
		[WLC_TAG] = { AWA_MEDIA, 1, 0, LRM "%s IMG-1.jpg>" },
		[WLC_SYSTEM] = { AWA_SYSTEM, 0, 0, "Budi %s Siti" },
		[WLC_QUOTING] = { AWA_SYSTEM, 0, 0, "Budi %s \"Info: RT 5\"" },
	};
	const struct wl_entry *t;
	struct aduan_buf b = { 0 }, line = { 0 };
	struct chat c;
	size_t n, i, k = 0, bad = 0;
	int want[1024], want_att[1024], want_edit[1024];

	t = wl_table(&n);
	ok(n > 300 && n < 1024, "catalogue: %zu entries", n);
	for (i = 0; i < n && i < 1024; i++) {
		const struct wl_entry *e = &t[i];
		int kind, att, edit;

		aduan_buf_reset(&line);
		if (e->cls == WLC_MEDIA && e->how == WL_SUFFIX)
			aduan_buf_adds(&line, "Surat.pdf ");
		aduan_buf_printf(&line, as[e->cls].fmt, e->text);
		if (e->cls == WLC_CALL && e->how == WL_PREFIX)
			aduan_buf_adds(&line, LRM "5 min");
		kind = as[e->cls].kind;
		att = as[e->cls].att;
		edit = as[e->cls].edit;
		if (e->cls == WLC_QUOTING)
			aduan_buf_printf(&b, "28/11/24 14.%02zu - %s\n", k / 60, line.s);
		else
			aduan_buf_printf(&b, "28/11/24 14.%02zu - Budi: %s\n", k / 60, line.s);
		want[k] = kind;
		want_att[k] = att;
		want_edit[k++] = edit;
	}
	chat_mem(&c, b.s, b.len, AWA_AUTO);
	is_int(c.n, k, "catalogue: one message per entry");
	for (i = 0; i < k && i < c.n; i++)
		if (c.m[i].kind != want[i] || (want_att[i] && !same(c.m[i].attachment, "IMG-1.jpg")) ||
		    c.m[i].edited != want_edit[i] || c.m[i].unknown) {
			bad++;
			printf("# entry %zu (%s): read as %s: %s\n", i, t[i].lang, kinds[c.m[i].kind],
			    c.m[i].body);
		}
	is_int(bad, 0, "catalogue: every entry read as its class says");
	chat_free(&c);
	aduan_buf_release(&b);
	aduan_buf_release(&line);
}

/*
 * Every entry of the catalogue is found by wl_match in the line that is
 * its own text, and, unless it is a phrase (looked for as written), in
 * that line with the case of its ASCII letters swapped: lines are
 * compared with the entries without regard to case, and the filter in
 * front of the comparisons must not turn them away.
 */
static void
catalogue_case(void)
{
	const struct wl_entry *t;
	size_t n, i, j, bad = 0;
	char s[512];

	t = wl_table(&n);
	for (i = 0; i < n; i++) {
		size_t len = strlen(t[i].text);

		if (len >= sizeof(s))
			continue;
		for (j = 0; j <= len; j++) {
			char c = t[i].text[j];

			s[j] = c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c;
		}
		if (wl_match(t[i].text, len, t[i].how, WL_BIT(t[i].cls)) == NULL ||
		    (t[i].how != WL_PHRASE && wl_match(s, len, t[i].how, WL_BIT(t[i].cls)) == NULL)) {
			if (bad++ < 5)
				printf("# not found: %s \"%s\"\n", t[i].lang, t[i].text);
		}
	}
	ok(bad == 0, "catalogue: every entry found in its own text, in either case but phrases");
}

/* ---- headers read through the file's header shape ------------------------- */

/*
 * One file whose headers change their shape, repeat the last date, or
 * fit the last shape with an impossible time or date or a byte that is
 * no digit where a number stands.  The parser reads
 * a header in the shape of the one before by taking its numbers at
 * their places; read so, each line must give the message it gives
 * standing alone in a file (read by the general header parse), and a
 * line that is no header alone must be none in the file either.
 */
static void
shapes(void)
{
	static const char *const lines[] = {
		"14/11/24 09.15 - Siti: first",
		"14/11/24 09.16 - Siti: the same date",
		"14/11/24 09.60 - Siti: minute 60",
		"14/11/24 9.17 - Siti: a one-digit hour",
		"14/11/24 10.17 - Siti: two digits again",
		"15/11/24 24.00 - Budi: hour 24",
		"15/11/24 23.59 - Budi: a new date",
		"31/11/24 10.00 - Budi: 31 November",
		"29/02/24 10.00 - Budi: a leap day",
		"29/02/23 10.00 - Budi: no leap day",
		"1/3/24 10.00 - Budi: one-digit day and month",
		"01/03/2024 10.00 - Budi: a four-digit year",
		"01/03/24, 12:00 AM - Rina: midnight",
		"01/03/24, 12:30 PM - Rina: half past noon",
		"01/03/24, 11:59 PM - Rina: the last minute",
		"01/03/24, 13:00 PM - Rina: 13 PM",
		"01/03/24, 00:00 AM - Rina: 0 AM",
		"01/03/24, 9:05 am - Rina: a small am",
		"[01/03/24 10.00.05] Rina: seconds",
		"[01/03/24 10.00.60] Rina: second 60",
		"[01/03/24 10.01.00]Rina: no space after the bracket",
		"[01/03/24 10.02.00] Rina: a space again",
		"[02/03/24 10.01.00] Rina: the next day",
		"[02/03/24 10.01.0x] Rina: a letter in the seconds",
		"[02/03/24 10.01.61] Rina: second 61 on the same date",
		"[02/03/24 10.01.59] Rina: the same date with seconds",
		"02/03/24 10.01 -  Rina: two spaces",
		"02/03/24 10.01 - ",
		"02/03/24 10.01 -",
		"x2/03/24 10.01 - Rina: a letter in the date",
		"02/03/24 10.0x - Rina: a letter in the time",
		"02/03/24 10.011 - Rina: three digits of minutes",
		"02/03/24 1x.02 - Rina: a letter in the hour",
		"02/03/24 10.02 - R: a",
		"02/03/24 10.03 - Rina: the same date",
		"03/03/24 10.04 - Rina: a new date",
		"03/03/24 10.05 - Rina: the new date again",
		"03/03/24 25.05 - Rina: hour 25 on that date",
		"03/03/24 10.0\xd9\xa0 - Rina: not a digit",
		"02/03/24 10.02 - Rina: the end",
	};
	size_t n = sizeof(lines) / sizeof(lines[0]), i, k = 0, bad = 0, len;
	struct aduan_buf file = { 0 };
	struct chat all, one;

	for (i = 0; i < n; i++) {
		aduan_buf_adds(&file, lines[i]);
		aduan_buf_addc(&file, '\n');
	}
	chat_mem(&all, file.s, file.len, AWA_DMY);
	for (i = 0; i < n; i++) {
		const struct msg *m = k < all.n && all.m[k].line == (long)i + 1 ? &all.m[k++] : NULL;

		chat_mem(&one, lines[i], strlen(lines[i]), AWA_DMY);
		if (one.rc != 0 || one.n == 0) {
			bad += m != NULL;
		} else {
			len = strcspn(m != NULL ? m->body : "", "\n");
			bad += m == NULL || strcmp(m->at, one.m[0].at) != 0 ||
			    !same(m->author, one.m[0].author) || len != one.m[0].body_len ||
			    strncmp(m->body, one.m[0].body, len) != 0;
		}
		chat_free(&one);
		if (bad > 0) {
			printf("# line %zu: %s\n", i + 1, lines[i]);
			break;
		}
	}
	ok(all.rc == 0 && bad == 0 && k == all.n && k == 25,
	    "headers in the shape of the one before read as each alone (%zu messages)", all.n);
	chat_free(&all);
	aduan_buf_release(&file);
}

/* ---- the first pass in two parts ------------------------------------------ */

/* One chat and its error (when it has one) as text, to compare. */
static void
dump_all(struct aduan_buf *b, const struct chat *c)
{
	aduan_buf_reset(b);
	dump(b, c);
	aduan_buf_printf(b, "err=%s\n", c->err);
}

/*
 * s[0..n) read with its first pass in two parts, split at every line, is
 * read as in one part: the same order, reason, error and messages.  want
 * (when not NULL) is in what one part gives, so that the text is sure to
 * hold the evidence it was written for.
 */
static void
split_same(const char *what, const char *s, size_t n, const char *want)
{
	struct aduan_buf one = { 0 }, two = { 0 };
	struct chat c;
	size_t k, splits = 0, bad = 0;

	aduan_wa_split_at(0);
	chat_mem(&c, s, n, AWA_AUTO);
	dump_all(&one, &c);
	chat_free(&c);
	if (want != NULL && !ok(strstr(one.s, want) != NULL, "%s: read in one part: %s", what,
	    want))
		printf("#   %s", one.s);
	for (k = 1; k < n; k++) {
		if (s[k - 1] != '\n')
			continue;
		aduan_wa_split_at((long long)k);
		chat_mem(&c, s, n, AWA_AUTO);
		dump_all(&two, &c);
		chat_free(&c);
		splits++;
		if (strcmp(one.s, two.s) != 0 && bad++ == 0)
			printf("#   split at byte %zu:\n#   %s#   against\n#   %s", k, two.s, one.s);
	}
	aduan_wa_split_at(-1);
	ok(splits > 0 && bad == 0, "%s: the same read in two parts, at each of %zu lines", what,
	    splits);
	aduan_buf_release(&one);
	aduan_buf_release(&two);
}

#define SPLIT_SAME(what, lit, want) split_same((what), (lit), sizeof(lit) - 1, (want))

static void
split_parts(void)
{
	static const char *const files[] = {
		"Chat WhatsApp dengan Pak Lurah Api-Api.txt",
		"WhatsApp Chat - Gunung Elai Neighbourhood Watch.txt",
		"WhatsApp Chat with Karang Taruna Guntung.txt",
		"WhatsApp Chat with Lok Tuan Residents.txt",
		"WhatsApp Chat with Satpol PP Bontang Utara.txt",
	};
	char *dir = path_join(root, "tests/fixtures/whatsapp");
	size_t i;

	/* the dates advance from one part's last header to the next one's first */
	SPLIT_SAME("advance between the parts",
	    "01/02/20 10.00 - Ani: satu\n02/02/20 10.00 - Budi: dua\n",
	    "reason=day first: dates advance in the first field (1 against 0)");
	/* the first evidence in the second part: its line counted from the file's start */
	SPLIT_SAME("evidence in the second part",
	    "01/02/20 10.00 - Ani: a\n01/02/20 10.05 - Ani: b\nlanjut\n"
	    "02/13/20 09.00 - Budi: c\n02/13/20 09.30 - Cici: d\n",
	    "reason=month first: 02/13/20 on line 4");
	/* lines of a date that is none (31 February) after a header: no evidence
	 * counted for them, though they are in the header's shape */
	SPLIT_SAME("lines of no date counted for none",
	    "13/02/20 10.00 - Ani: a\n31/02/20 10.00 - Ani: b\n31/02/20 10.01 - Ani: c\n"
	    "31/02/20 10.02 - Ani: d\n02/14/20 09.00 - Budi: e\n02/14/20 09.30 - Cici: f\n",
	    "reason=month first: 02/14/20 on line 5");
	SPLIT_SAME("year first in the second part",
	    "junk\nmore junk\n2020/02/01, 10:00 - Ani: a\n2020/02/01, 11:00 - Ani: b\n",
	    "reason=year first: 2020/02/01 on line 3");
	/* three names only with both parts: the group's own line is a system line */
	chat_group = "Forum";
	SPLIT_SAME("names in both parts",
	    "01/02/20 10.00 - Ani: a\n01/02/20 10.01 - Budi: b\n01/02/20 10.02 - Cici: c\n"
	    "01/02/20 10.03 - Forum: Ani menambahkan Dodi\n",
	    "\"author\":\"Forum\",\"kind\":\"system\"");
	chat_group = NULL;
	/* no header at all: the rendering named on its line in the second part */
	SPLIT_SAME("a rendering in the second part",
	    "halo\nini\nbukan\n[14:56:01, 3/18/22] Ani: x\n[14:57:01, 3/18/22] Ani: y\n",
	    "mem:4: no WhatsApp messages found: times written before the date");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *path = path_join(dir, files[i]);
		FILE *fp = fopen(path, "rb");
		struct aduan_buf b = { 0 };
		char chunk[4096];
		size_t k;

		while (fp != NULL && (k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			aduan_buf_add(&b, chunk, k);
		if (fp != NULL)
			fclose(fp);
		split_same(files[i], b.s ? b.s : "", b.len, "rc=0");
		aduan_buf_release(&b);
		free(path);
	}
	free(dir);
}

/* ---- generated renderings ------------------------------------------------- */

/* One message of the generated chat: when, who, what. */
struct gen_msg {
	int y, mo, d, h, mi, sec;
	const char *author;	/* NULL: a system line */
	int kind;
	const char *text;	/* the words (a caption for media) */
	const char *want_author;
};

static const struct gen_msg gen_msgs[] = {
	{ 2024, 11, 14, 9, 15, 12, "Siti Aminah", AWA_TEXT, "Lapor pak, lampu jalan mati", "Siti Aminah" },
	{ 2024, 11, 14, 9, 16, 40, "Siti Aminah", AWA_MEDIA, "Ini fotonya", "Siti Aminah" },
	{ 2024, 11, 14, 13, 5, 0, "+62 812-5501-2233", AWA_TEXT, "Got mampet\nair meluap ke jalan", "+62 812-5501-2233" },
	{ 2024, 11, 14, 21, 59, 59, "Budi", AWA_DELETED, "", "Budi" },
	{ 2024, 11, 28, 0, 30, 1, "Budi", AWA_LOCATION, "", "Budi" },
	{ 2024, 11, 28, 12, 0, 30, NULL, AWA_SYSTEM, NULL, NULL },
	{ 2024, 11, 28, 23, 45, 0, "~\xc2\xa0Rina", AWA_TEXT, "Terima kasih", "Rina" },
	{ 2024, 12, 1, 7, 7, 7, "Siti Aminah", AWA_TEXT, "Jalan: rusak parah", "Siti Aminah" },
};

enum { G_ANDROID, G_IPHONE };
enum { G_ID, G_EN };

/* The placeholder line a phone writes for a kind, in a language. */
static const char *
gen_placeholder(int phone, int lang, int kind)
{
	static const char *const p[2][2][4] = {
		{ { "", "IMG-20241114-WA0003.jpg (file terlampir)", "Pesan ini telah dihapus",
		    "lokasi: https://maps.google.com/?q=0.135812,117.492104" },
		  { "", "IMG-20241114-WA0003.jpg (file attached)", "This message was deleted",
		    "location: https://maps.google.com/?q=0.135812,117.492104" } },
		{ { "", LRM "gambar tidak disertakan", LRM "Pesan ini dihapus.",
		    LRM "Lokasi: https://maps.google.com/?q=0.135812,117.492104" },
		  { "", LRM "image omitted", LRM "This message was deleted.",
		    LRM "Location: https://maps.google.com/?q=0.135812,117.492104" } },
	};

	return p[phone][lang][kind];
}

/* The header of a message in one rendering. */
static void
gen_header(struct aduan_buf *b, const struct gen_msg *m, int phone, int lang, int h12,
    enum aduan_wa_order order)
{
	char date[16], time[32];
	int h = m->h;
	const char *mark = "";

	if (order == AWA_DMY)
		snprintf(date, sizeof(date), "%02d/%02d/%02d", m->d, m->mo, m->y % 100);
	else if (order == AWA_MDY)
		snprintf(date, sizeof(date), "%d/%d/%02d", m->mo, m->d, m->y % 100);
	else
		snprintf(date, sizeof(date), "%04d/%02d/%02d", m->y, m->mo, m->d);
	if (h12) {
		mark = h < 12 ? "AM" : "PM";
		h = h % 12 == 0 ? 12 : h % 12;
	}
	if (phone == G_IPHONE)
		snprintf(time, sizeof(time), lang == G_EN ? "%d:%02d:%02d%s%s" : "%02d.%02d.%02d%s%s",
		    h, m->mi, m->sec, h12 ? NNBSP : "", mark);
	else
		snprintf(time, sizeof(time), lang == G_EN ? "%d:%02d%s%s" : "%02d.%02d%s%s",
		    h, m->mi, h12 ? " " : "", mark);
	if (phone == G_IPHONE)
		aduan_buf_printf(b, "[%s%s %s] ", date, lang == G_EN ? "," : "", time);
	else
		aduan_buf_printf(b, "%s%s %s - ", date, lang == G_EN ? "," : "", time);
}

/*
 * The same chat in every rendering (Android and iPhone, Indonesian and
 * English, 12 and 24 hours, day, month or year first): every message's
 * time, author, text and kind read back.
 */
static void
renderings(void)
{
	static const char *const phones[] = { "Android", "iPhone" }, *const langs[] = { "id", "en" };
	static const enum aduan_wa_order orders[] = { AWA_DMY, AWA_MDY, AWA_YMD };
	static const char *const order_names[] = { "", "dmy", "mdy", "ymd" };
	size_t n = sizeof(gen_msgs) / sizeof(gen_msgs[0]), i;
	int phone, lang, h12, o;

	for (phone = 0; phone < 2; phone++)
	for (lang = 0; lang < 2; lang++)
	for (h12 = 0; h12 < 2; h12++)
	for (o = 0; o < 3; o++) {
		struct aduan_buf b = { 0 };
		struct chat c;
		size_t bad = 0;

		for (i = 0; i < n; i++) {
			const struct gen_msg *m = &gen_msgs[i];

			gen_header(&b, m, phone, lang, h12, orders[o]);
			if (m->kind == AWA_SYSTEM) {
				if (phone == G_IPHONE)
					aduan_buf_adds(&b, "RT 05: " LRM);
				aduan_buf_adds(&b, lang == G_EN ? "Budi added Siti" : "Budi menambahkan Siti");
			} else {
				aduan_buf_printf(&b, "%s: ", m->author);
				if (m->kind != AWA_TEXT) {
					aduan_buf_adds(&b, gen_placeholder(phone, lang, m->kind));
					if (*m->text)
						aduan_buf_addc(&b, '\n');
				}
				aduan_buf_adds(&b, m->text);
			}
			aduan_buf_adds(&b, phone == G_IPHONE ? "\r\n" : "\n");
		}
		chat_group = "RT 05";
		chat_mem(&c, b.s, b.len, AWA_AUTO);
		chat_group = NULL;
		for (i = 0; i < n && i < c.n; i++) {
			const struct gen_msg *m = &gen_msgs[i];
			char at[24];

			if (phone == G_IPHONE)
				snprintf(at, sizeof(at), "%04d-%02d-%02dT%02d:%02d:%02d", m->y, m->mo, m->d,
				    m->h, m->mi, m->sec);
			else
				snprintf(at, sizeof(at), "%04d-%02d-%02dT%02d:%02d", m->y, m->mo, m->d, m->h,
				    m->mi);
			if (strcmp(c.m[i].at, at) != 0 || c.m[i].kind != m->kind ||
			    !same(m->kind == AWA_SYSTEM && phone == G_ANDROID ? NULL :
			    m->kind == AWA_SYSTEM ? "RT 05" : m->want_author, c.m[i].author) ||
			    (m->text != NULL && strcmp(c.m[i].text, m->text) != 0) || c.m[i].unknown) {
				bad++;
				printf("# %s %s %s %s message %zu: at %s kind %s author %s text %s\n",
				    phones[phone], langs[lang], h12 ? "12h" : "24h", order_names[orders[o]],
				    i, c.m[i].at, kinds[c.m[i].kind], c.m[i].author ? c.m[i].author : "-",
				    c.m[i].text);
			}
		}
		ok(c.rc == 0 && c.n == n && c.order == orders[o] && bad == 0,
		    "rendering %s %s %s %s: %zu messages, time, author, text and kind right",
		    phones[phone], langs[lang], h12 ? "12h" : "24h", order_names[orders[o]], c.n);
		chat_free(&c);
		aduan_buf_release(&b);
	}
}

int
main(int argc, char *argv[])
{
	root = getenv("ADUAN_BUILD");
	if (root == NULL || *root == '\0')
		root = ".";
	if (argc > 1) {
		enum aduan_wa_order o = AWA_AUTO;

		if (argc > 2)
			o = strcmp(argv[2], "dmy") == 0 ? AWA_DMY :
			    strcmp(argv[2], "mdy") == 0 ? AWA_MDY : AWA_YMD;
		return debug_dump(argv[1], o);
	}
	fixtures();
	small_cases();
	colon_cases();
	hostile();
	iphone_lines();
	catalogue();
	catalogue_case();
	shapes();
	split_parts();
	renderings();
	conformance();
	return tap_done();
}
