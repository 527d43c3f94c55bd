/*
 * complaint.c - the complaint record: its fields, validation against the
 * reference data, insertion with its history, likely duplicates.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "lifecycle.h"
#include "phone.h"
#include "privacy.h"
#include "sla.h"
#include "timeutil.h"
#include "util.h"

#define MAX_TEXT	65536	/* body, location, attachments */
#define MAX_SHORT	256	/* names, categories, sources */
/* What a bad time's message suggests instead. */
#define TIME_EXAMPLES N_("(for example 2026-11-27 10:00, 27/11/2026 10.00 or 27 November 2026 pukul 10.00)")

const struct aduan_field aduan_fields[ADUAN_NFIELDS] = {
	[AF_ID] = {"id", AT_INT},
	[AF_UID] = {"uid", AT_TEXT},
	[AF_SOURCE_KEY] = {"source_key", AT_TEXT},
	[AF_RECEIVED_AT] = {"received_at", AT_TEXT},
	[AF_CREATED_AT] = {"created_at", AT_TEXT},
	[AF_CHANNEL] = {"channel", AT_TEXT},
	[AF_SOURCE] = {"source", AT_TEXT},
	[AF_REPORTER_NAME] = {"reporter_name", AT_TEXT},
	[AF_REPORTER_PHONE] = {"reporter_phone", AT_TEXT},
	[AF_ANONYMOUS] = {"anonymous", AT_BOOL},
	[AF_CONFIDENTIAL] = {"confidential", AT_BOOL},
	[AF_KELURAHAN] = {"kelurahan", AT_TEXT},
	[AF_RT] = {"rt", AT_TEXT},
	[AF_LOCATION] = {"location", AT_TEXT},
	[AF_LAT] = {"lat", AT_REAL},
	[AF_LON] = {"lon", AT_REAL},
	[AF_CATEGORY] = {"category", AT_TEXT},
	[AF_BODY] = {"body", AT_TEXT},
	[AF_ATTACHMENTS] = {"attachments", AT_TEXT},
	[AF_PRIORITY] = {"priority", AT_TEXT},
	[AF_STATUS] = {"status", AT_TEXT},
	[AF_AGENCY] = {"agency", AT_TEXT},
	[AF_DUE_AT] = {"due_at", AT_TEXT},
	[AF_CLOSED_AT] = {"closed_at", AT_TEXT},
	[AF_RESOLUTION] = {"resolution", AT_TEXT},
	[AF_DUPLICATE_OF] = {"duplicate_of", AT_INT},
};

const char *const aduan_channels[] = {
	"whatsapp", "facebook", "instagram", "walk-in", "phone", "sms", "email",
	"letter", "web", "other", NULL
};
const char *const aduan_priorities[] = {"urgent", "normal", "low", NULL};
const char *const aduan_statuses[] = {"open", "routed", "closed", NULL};
const char *const aduan_resolutions[] = {
	"resolved", "rejected", "duplicate", "withdrawn", NULL
};

/*
 * Words an operator types for a channel, priority, status or resolution,
 * and what they mean: the Indonesian words the programs print (po/id.po;
 * tests/words.t holds this table to the catalogue) and common spellings.
 * Compared folded: case, spaces, dashes and dots do not count.
 */
static const char *const synonyms[][2] = {
	{"wa", "whatsapp"}, {"fb", "facebook"}, {"ig", "instagram"},
	{"walkin", "walk-in"}, {"datang", "walk-in"}, {"datang langsung", "walk-in"},
	{"langsung", "walk-in"}, {"tatap muka", "walk-in"},
	{"telepon", "phone"}, {"telpon", "phone"}, {"telp", "phone"}, {"tel", "phone"},
	{"telefon", "phone"}, {"surat", "letter"}, {"e-mail", "email"}, {"surel", "email"},
	{"pesan singkat", "sms"}, {"website", "web"}, {"situs", "web"}, {"lainnya", "other"},
	{"lain", "other"},
	{"mendesak", "urgent"}, {"darurat", "urgent"}, {"segera", "urgent"},
	{"penting", "urgent"}, {"biasa", "normal"}, {"sedang", "normal"},
	{"rendah", "low"},
	{"terbuka", "open"}, {"baru", "open"}, {"diteruskan", "routed"},
	{"diteruskan ke instansi", "routed"}, {"ditutup", "closed"}, {"tutup", "closed"},
	{"selesai", "resolved"}, {"tuntas", "resolved"}, {"ditolak", "rejected"},
	{"tolak", "rejected"}, {"ganda", "duplicate"}, {"duplikat", "duplicate"},
	{"dicabut", "withdrawn"}, {"cabut", "withdrawn"},
};

int
aduan_field_lookup(const char *name, size_t len)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		if (strlen(aduan_fields[i].name) == len &&
		    memcmp(aduan_fields[i].name, name, len) == 0)
			return i;
	return -1;
}

int
aduan_word_index(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcasecmp(list[i], s) == 0)
			return i;
	return -1;
}

void
aduan_complaint_init(struct aduan_complaint *c)
{
	memset(c, 0, sizeof(*c));
}

void
aduan_complaint_release(struct aduan_complaint *c)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++) {
		free(c->v[i]);
		c->v[i] = NULL;
	}
}

void
aduan_complaint_set(struct aduan_complaint *c, int i, const char *s, size_t n)
{
	free(c->v[i]);
	c->v[i] = s ? aduan_xstrndup(s, n) : NULL;
}

void
aduan_complaint_sets(struct aduan_complaint *c, int i, const char *s)
{
	aduan_complaint_set(c, i, s, s ? strlen(s) : 0);
}

/* Trim white space at both ends in place; an empty result clears the field. */
static void
trim(struct aduan_complaint *c, int i)
{
	char *s = c->v[i], *e;
	size_t lead;

	if (s == NULL)
		return;
	lead = strspn(s, " \t\r\n");
	e = s + strlen(s);
	while (e > s + lead && strchr(" \t\r\n", e[-1]) != NULL)
		e--;
	if (e == s + lead) {
		free(s);
		c->v[i] = NULL;
		return;
	}
	memmove(s, s + lead, (size_t)(e - s - lead));
	s[e - s - lead] = '\0';
}

/* The catalogue context of a word list (its labels), or "". */
static const char *
list_context(const char *const *list)
{
	if (list == aduan_channels)
		return "channel";
	if (list == aduan_priorities)
		return "priority";
	if (list == aduan_statuses)
		return "status";
	if (list == aduan_resolutions)
		return "resolution";
	return "";
}

static int
folded_eq(const char *a, const char *folded)
{
	char *f = aduan_fold(a);
	int eq = strcmp(f, folded) == 0;

	free(f);
	return eq;
}

const char *
aduan_word_canon(const char *const *list, const char *s)
{
	const char *w = NULL;
	char *fs;
	size_t i;
	int k;

	if ((k = aduan_word_index(list, s)) >= 0)
		return list[k];
	fs = aduan_fold(s);
	/* the word itself, or as this reader's language shows it */
	for (k = 0; list[k] != NULL && w == NULL; k++)
		if (folded_eq(list[k], fs) || folded_eq(aduan_label(list_context(list), list[k]), fs))
			w = list[k];
	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]) && w == NULL; i++)
		if (folded_eq(synonyms[i][0], fs) && (k = aduan_word_index(list, synonyms[i][1])) >= 0)
			w = list[k];
	free(fs);
	return w;
}

static void
list_words(struct aduan_buf *b, const char *const *list)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		aduan_buf_printf(b, "%s%s", i ? ", " : "", list[i]);
}

static int
bad_word(const char *field, const char *value, const char *const *list)
{
	struct aduan_buf b = {0};
	int rc;

	list_words(&b, list);
	rc = aduan_fail(ADUAN_DATAERR, "unknown %s \"%s\" (one of: %s)", field, value, b.s);
	aduan_buf_release(&b);
	return rc;
}

static int
check_bool(struct aduan_complaint *c, int i)
{
	static const char *const yes[] = {"1", "true", "yes", "y", "ya", NULL};
	static const char *const no[] = {"0", "false", "no", "n", "tidak", "", NULL};
	const char *s = c->v[i];

	if (s == NULL || aduan_word_index(no, s) >= 0)
		aduan_complaint_sets(c, i, "0");
	else if (aduan_word_index(yes, s) >= 0)
		aduan_complaint_sets(c, i, "1");
	else
		return aduan_fail(ADUAN_DATAERR, "%s must be 0 or 1, not \"%s\"",
		    aduan_fields[i].name, s);
	return 0;
}

static int
check_time(struct aduan_complaint *c, int i, time_t now)
{
	char buf[21];
	time_t t;

	if (c->v[i] == NULL)
		return 0;
	if (aduan_time_parse(c->v[i], now, &t) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad time in %s: \"%s\" %s",
		    aduan_fields[i].name, c->v[i], _(TIME_EXAMPLES));
	if (t > now + 86400)
		return aduan_fail(ADUAN_DATAERR, "%s is in the future: \"%s\"",
		    aduan_fields[i].name, c->v[i]);
	aduan_complaint_sets(c, i, aduan_time_utc(t, buf));
	return 0;
}

static int
check_number(struct aduan_complaint *c, int i, double lo, double hi)
{
	char *end;
	double d;
	char buf[32];

	if (c->v[i] == NULL)
		return 0;
	errno = 0;
	d = strtod(c->v[i], &end);
	if (errno != 0 || *end != '\0' || end == c->v[i] || !isfinite(d) || d < lo || d > hi)
		return aduan_fail(ADUAN_DATAERR, "bad %s: \"%s\"", aduan_fields[i].name, c->v[i]);
	snprintf(buf, sizeof(buf), "%.15g", d);	/* 7 decimals and more kept */
	aduan_complaint_sets(c, i, buf);
	return 0;
}

/* An imported id as every program would take it. */
static int
check_id(struct aduan_complaint *c, int i)
{
	char buf[24];
	int64_t id;

	if (c->v[i] == NULL)
		return 0;
	if (aduan_id_parse(c->v[i], strlen(c->v[i]), &id) == 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)id);
		aduan_complaint_sets(c, i, buf);
		return 0;
	}
	return aduan_fail(ADUAN_DATAERR, "bad %s: \"%s\" (a number from 1 to %lld)",
	    aduan_fields[i].name, c->v[i], (long long)ADUAN_ID_MAX);
}

int
aduan_rt_normalize(const char *s, char out[8])
{
	long n;
	char *end;

	if (strncasecmp(s, "rt", 2) == 0)
		s += 2;
	s += strspn(s, " .:");
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || n <= 0 || n > 999)
		return -1;
	snprintf(out, 8, "%03ld", n);
	return 0;
}

static int
check_rt(struct aduan_complaint *c)
{
	char buf[8];

	if (c->v[AF_RT] == NULL)
		return 0;
	if (aduan_rt_normalize(c->v[AF_RT], buf) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad rt: \"%s\" (a number such as 005)",
		    c->v[AF_RT]);
	aduan_complaint_sets(c, AF_RT, buf);
	return 0;
}

static int
check_kelurahan(struct aduan_db *db, struct aduan_complaint *c)
{
	sqlite3_stmt *st;
	char *folded;
	int rc;

	if (c->v[AF_KELURAHAN] == NULL)
		return 0;
	st = aduan_db_stmt(db,
	    "SELECT name FROM kelurahan WHERE folded = ?1 UNION ALL "
	    "SELECT kelurahan FROM kelurahan_alias WHERE folded = ?1 LIMIT 1");
	if (st == NULL)
		return ADUAN_IOERR;
	folded = aduan_fold(c->v[AF_KELURAHAN]);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		aduan_complaint_sets(c, AF_KELURAHAN, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	free(folded);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up a kelurahan");
	return aduan_fail(ADUAN_DATAERR, "unknown kelurahan \"%s\" (see 'aduan kelurahan list')",
	    c->v[AF_KELURAHAN]);
}

static int
check_agency(struct aduan_db *db, struct aduan_complaint *c)
{
	sqlite3_stmt *st;
	int rc;

	if (c->v[AF_AGENCY] == NULL)
		return 0;
	st = aduan_db_stmt(db, "SELECT code FROM agency WHERE code = ?1 COLLATE NOCASE");
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, c->v[AF_AGENCY], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		aduan_complaint_sets(c, AF_AGENCY, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up an agency");
	return aduan_fail(ADUAN_DATAERR, "unknown agency \"%s\" (see 'aduan agency list')",
	    c->v[AF_AGENCY]);
}

static void
make_uid(char out[37])
{
	unsigned char r[16];
	int i, k = 0;

	sqlite3_randomness(sizeof(r), r);
	r[6] = (r[6] & 0x0f) | 0x40;	/* version 4 */
	r[8] = (r[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		snprintf(out + k, 3, "%02x", r[i]);
		k += 2;
	}
	out[k] = '\0';
}

/* The problems of one record, each passed on as found. */
struct problems {
	void (*fn)(int field, const char *msg, void *arg);
	void *arg;
	struct aduan_buf all;	/* joined with "; " for aduan_errmsg() */
	int bad[ADUAN_NFIELDS];
};

/* Note rc when it is a problem of the data (field -1: of the record),
 * and return 0 to go on; any other failure is returned to stop. */
static int
noted(struct problems *ps, int field, int rc)
{
	if (rc != ADUAN_DATAERR)
		return rc;
	if (field >= 0)
		ps->bad[field] = 1;
	aduan_buf_printf(&ps->all, "%s%s", ps->all.len ? "; " : "", aduan_errmsg());
	if (ps->fn != NULL)
		ps->fn(field, aduan_errmsg(), ps->arg);
	return 0;
}

/* A word of a list in canonical form, given or defaulted. */
static int
check_word(struct aduan_complaint *c, int i, const char *const *list, const char *dflt)
{
	const char *w;

	if (c->v[i] == NULL) {
		if (dflt == NULL)
			return 0;
		aduan_complaint_sets(c, i, dflt);
	}
	if ((w = aduan_word_canon(list, c->v[i])) == NULL)
		return bad_word(aduan_fields[i].name, c->v[i], list);
	aduan_complaint_sets(c, i, w);
	return 0;
}

static int
check_phone(struct aduan_complaint *c)
{
	char phone[17];

	if (c->v[AF_REPORTER_PHONE] == NULL)
		return 0;
	if (aduan_phone_normalize(c->v[AF_REPORTER_PHONE], phone) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad phone number: \"%s\"", c->v[AF_REPORTER_PHONE]);
	aduan_complaint_sets(c, AF_REPORTER_PHONE, phone);
	return 0;
}

static int
check_due(struct aduan_complaint *c, time_t now)
{
	char buf[21];
	time_t t;

	/* a due date may lie ahead: parse it without the future check */
	if (c->v[AF_DUE_AT] == NULL)
		return 0;
	if (aduan_time_parse(c->v[AF_DUE_AT], now, &t) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad time in due_at: \"%s\" %s", c->v[AF_DUE_AT],
		    _(TIME_EXAMPLES));
	aduan_complaint_sets(c, AF_DUE_AT, aduan_time_utc(t, buf));
	return 0;
}

int
aduan_complaint_check_all(struct aduan_db *db, struct aduan_complaint *c, time_t now,
    void (*fn)(int field, const char *msg, void *arg), void *arg)
{
	static const int times[] = {AF_RECEIVED_AT, AF_CREATED_AT, AF_CLOSED_AT};
	struct problems ps;
	char buf[37];
	size_t n, k;
	int i, rc;

	memset(&ps, 0, sizeof(ps));
	ps.fn = fn;
	ps.arg = arg;
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		if (c->v[i] == NULL)
			continue;
		if (i != AF_BODY)
			trim(c, i);
		if (c->v[i] == NULL)
			continue;
		n = strlen(c->v[i]);
		if (aduan_utf8_valid(c->v[i], n) != n)
			rc = aduan_fail(ADUAN_DATAERR, "%s is not valid UTF-8 (byte %zu)",
			    aduan_fields[i].name, aduan_utf8_valid(c->v[i], n) + 1);
		else if (n > ((i == AF_BODY || i == AF_LOCATION || i == AF_ATTACHMENTS ||
		    i == AF_SOURCE_KEY) ? MAX_TEXT : MAX_SHORT))
			rc = aduan_fail(ADUAN_DATAERR, "%s is too long (%zu bytes)",
			    aduan_fields[i].name, n);
		else
			continue;
		if ((rc = noted(&ps, i, rc)) != 0)
			goto out;
	}
	trim(c, AF_BODY);
	if (c->v[AF_BODY] == NULL && !ps.bad[AF_BODY] &&
	    (rc = noted(&ps, AF_BODY, aduan_fail(ADUAN_DATAERR,
	    "empty body: a complaint needs its text"))) != 0)
		goto out;

	if ((!ps.bad[AF_ID] && (rc = noted(&ps, AF_ID, check_id(c, AF_ID))) != 0) ||
	    (!ps.bad[AF_DUPLICATE_OF] &&
	    (rc = noted(&ps, AF_DUPLICATE_OF, check_id(c, AF_DUPLICATE_OF))) != 0))
		goto out;
	if (c->v[AF_RECEIVED_AT] == NULL)
		aduan_complaint_sets(c, AF_RECEIVED_AT, aduan_time_utc(now, buf));
	if (c->v[AF_CREATED_AT] == NULL)
		aduan_complaint_sets(c, AF_CREATED_AT, aduan_time_utc(now, buf));
	for (k = 0; k < sizeof(times) / sizeof(times[0]); k++)
		if (!ps.bad[times[k]] &&
		    (rc = noted(&ps, times[k], check_time(c, times[k], now))) != 0)
			goto out;
	if (!ps.bad[AF_DUE_AT] && (rc = noted(&ps, AF_DUE_AT, check_due(c, now))) != 0)
		goto out;

	if ((!ps.bad[AF_CHANNEL] &&
	    (rc = noted(&ps, AF_CHANNEL, check_word(c, AF_CHANNEL, aduan_channels, "other"))) != 0) ||
	    (!ps.bad[AF_PRIORITY] && (rc = noted(&ps, AF_PRIORITY,
	    check_word(c, AF_PRIORITY, aduan_priorities, "normal"))) != 0) ||
	    (!ps.bad[AF_STATUS] && (rc = noted(&ps, AF_STATUS, check_word(c, AF_STATUS,
	    aduan_statuses, c->v[AF_AGENCY] ? "routed" : "open"))) != 0) ||
	    (!ps.bad[AF_RESOLUTION] && (rc = noted(&ps, AF_RESOLUTION,
	    check_word(c, AF_RESOLUTION, aduan_resolutions, NULL))) != 0))
		goto out;
	if (!ps.bad[AF_STATUS] && !ps.bad[AF_CLOSED_AT] &&
	    strcmp(c->v[AF_STATUS], "closed") == 0 && c->v[AF_CLOSED_AT] == NULL &&
	    (rc = noted(&ps, AF_CLOSED_AT, aduan_fail(ADUAN_DATAERR,
	    "a closed complaint needs closed_at"))) != 0)
		goto out;
	if (!ps.bad[AF_STATUS] && !ps.bad[AF_AGENCY] &&
	    strcmp(c->v[AF_STATUS], "routed") == 0 && c->v[AF_AGENCY] == NULL &&
	    (rc = noted(&ps, AF_AGENCY, aduan_fail(ADUAN_DATAERR,
	    "a routed complaint needs an agency"))) != 0)
		goto out;

	if ((!ps.bad[AF_ANONYMOUS] &&
	    (rc = noted(&ps, AF_ANONYMOUS, check_bool(c, AF_ANONYMOUS))) != 0) ||
	    (!ps.bad[AF_CONFIDENTIAL] &&
	    (rc = noted(&ps, AF_CONFIDENTIAL, check_bool(c, AF_CONFIDENTIAL))) != 0) ||
	    (!ps.bad[AF_REPORTER_PHONE] &&
	    (rc = noted(&ps, AF_REPORTER_PHONE, check_phone(c))) != 0) ||
	    (!ps.bad[AF_RT] && (rc = noted(&ps, AF_RT, check_rt(c))) != 0) ||
	    (!ps.bad[AF_LAT] && (rc = noted(&ps, AF_LAT, check_number(c, AF_LAT, -90, 90))) != 0) ||
	    (!ps.bad[AF_LON] && (rc = noted(&ps, AF_LON, check_number(c, AF_LON, -180, 180))) != 0))
		goto out;
	if (!ps.bad[AF_LAT] && !ps.bad[AF_LON] && (c->v[AF_LAT] == NULL) != (c->v[AF_LON] == NULL) &&
	    (rc = noted(&ps, c->v[AF_LAT] ? AF_LON : AF_LAT,
	    aduan_fail(ADUAN_DATAERR, "lat and lon go together"))) != 0)
		goto out;
	if ((!ps.bad[AF_KELURAHAN] && (rc = noted(&ps, AF_KELURAHAN, check_kelurahan(db, c))) != 0) ||
	    (!ps.bad[AF_AGENCY] && (rc = noted(&ps, AF_AGENCY, check_agency(db, c))) != 0))
		goto out;
	rc = ps.all.len > 0 ? aduan_fail(ADUAN_DATAERR, "%s", ps.all.s) : 0;
out:
	aduan_buf_release(&ps.all);
	return rc;
}

int
aduan_complaint_check(struct aduan_db *db, struct aduan_complaint *c, time_t now)
{
	return aduan_complaint_check_all(db, c, now, NULL, NULL);
}

void
aduan_field_bind(sqlite3_stmt *st, int col, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, col);
	else if (aduan_fields[i].type == AT_INT || aduan_fields[i].type == AT_BOOL)
		sqlite3_bind_int64(st, col, strtoll(s, NULL, 10));
	else if (aduan_fields[i].type == AT_REAL)
		sqlite3_bind_double(st, col, strtod(s, NULL));
	else
		sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

/* The largest id ever given in this database (AUTOINCREMENT's mark). */
static int
id_mark(struct aduan_db *db, int64_t *mark)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'complaint'), 0)");
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	rc = sqlite3_step(st);
	*mark = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(db, "reading the last id");
}

int
aduan_complaint_insert(struct aduan_db *db, struct aduan_complaint *c, int64_t *id)
{
	static const char sql[] =
	    "INSERT INTO complaint(id, uid, source_key, received_at, created_at, channel, "
	    "source, reporter_name, reporter_phone, anonymous, confidential, kelurahan, rt, "
	    "location, lat, lon, category, body, attachments, priority, status, agency, "
	    "due_at, closed_at, resolution, duplicate_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
	    "?23, ?24, ?25, ?26) ON CONFLICT DO NOTHING";
	sqlite3_stmt *st;
	int i, rc, taken = 0;

	*id = 0;
	if (c->v[AF_UID] == NULL) {	/* made here: a dry run needs none */
		char uid[37];

		make_uid(uid);
		aduan_complaint_sets(c, AF_UID, uid);
	}
	/* keep an imported tracking number only when it was never given here */
	if (c->v[AF_ID] != NULL) {
		int64_t mark;

		if ((rc = id_mark(db, &mark)) != 0)
			return rc;
		if (strtoll(c->v[AF_ID], NULL, 10) <= mark)
			aduan_complaint_set(c, AF_ID, NULL, 0);
	}
	if (c->v[AF_DUPLICATE_OF] != NULL) {
		if ((rc = aduan_complaint_exists(db, strtoll(c->v[AF_DUPLICATE_OF], NULL, 10),
		    &taken)) != 0)
			return rc;
		if (!taken)
			return aduan_fail(ADUAN_DATAERR, "duplicate_of %s: no such complaint",
			    c->v[AF_DUPLICATE_OF]);
	}
	/* A purged complaint keeps only a hash of its source_key: still present. */
	if (c->v[AF_SOURCE_KEY] != NULL) {
		sqlite3_stmt *p = aduan_db_stmt(db, "SELECT 1 FROM complaint WHERE source_key = ?1");
		char *purged = aduan_source_key_purged(c->v[AF_SOURCE_KEY]);

		if (p == NULL) {
			free(purged);
			return ADUAN_IOERR;
		}
		sqlite3_bind_text(p, 1, purged, -1, SQLITE_STATIC);
		rc = sqlite3_step(p);
		sqlite3_reset(p);
		free(purged);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return aduan_db_fail(db, "looking up a complaint");
	}
	/* Every complaint is due from the day it arrives, routed or not. */
	if (c->v[AF_DUE_AT] == NULL && strcmp(c->v[AF_STATUS], "closed") != 0) {
		char due[21];
		int days;

		if ((rc = aduan_sla_days(db, c->v[AF_PRIORITY], c->v[AF_AGENCY], &days)) != 0 ||
		    (rc = aduan_sla_due(db, c->v[AF_RECEIVED_AT], days, due)) != 0)
			return rc;
		aduan_complaint_sets(c, AF_DUE_AT, due);
	}
	if ((st = aduan_db_stmt(db, sql)) == NULL)
		return ADUAN_IOERR;
	for (i = 0; i < ADUAN_NFIELDS; i++)
		aduan_field_bind(st, i + 1, i, c->v[i]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "adding a complaint");
	if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
		return 0;	/* uid or source_key already present */
	*id = sqlite3_last_insert_rowid(aduan_db_sqlite(db));
	return aduan_event_add(db, *id, "create", NULL, c->v[AF_STATUS], NULL,
	    c->v[AF_AGENCY], NULL);
}

/* ---- likely duplicates ---------------------------------------------- */

/* The set of lower-cased words of three or more letters in s. */
static int
words(const char *s, char ***out)
{
	char **w = NULL;
	int n = 0, i;
	const char *p = s;

	while (*p != '\0') {
		const char *start;
		char *t;
		size_t len;

		while (*p != '\0' && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80))
			p++;
		start = p;
		while (*p != '\0' && (isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80)))
			p++;
		len = (size_t)(p - start);
		if (len < 3)
			continue;
		t = aduan_xstrndup(start, len);
		for (i = 0; t[i]; i++)
			t[i] = (char)tolower((unsigned char)t[i]);
		for (i = 0; i < n && strcmp(w[i], t) != 0; i++)
			;
		if (i < n || n >= 200) {
			free(t);
			continue;
		}
		w = aduan_xrealloc(w, sizeof(*w) * (size_t)(n + 1));
		w[n++] = t;
	}
	*out = w;
	return n;
}

static void
words_free(char **w, int n)
{
	while (n-- > 0)
		free(w[n]);
	free(w);
}

/* Jaccard similarity of the word sets of a and b. */
static double
similarity(char **a, int na, const char *b)
{
	char **wb;
	int nb, i, j, common = 0;

	nb = words(b, &wb);
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (strcmp(a[i], wb[j]) == 0) {
				common++;
				break;
			}
	words_free(wb, nb);
	return na + nb - common == 0 ? 0 : (double)common / (na + nb - common);
}

int
aduan_complaint_similar(struct aduan_db *db, int64_t id,
    void (*fn)(int64_t other, const char *why, void *arg), void *arg)
{
	sqlite3_stmt *st;
	char **w;
	int nw, rc;
	char *body;

	st = aduan_db_stmt(db,
	    "SELECT o.id, o.reporter_phone = c.reporter_phone, o.body FROM complaint c "
	    "JOIN complaint o ON o.id <> c.id AND o.received_at <= c.received_at "
	    " AND o.received_at >= strftime('%Y-%m-%dT%H:%M:%SZ', c.received_at, '-7 days') "
	    " AND (o.reporter_phone = c.reporter_phone OR o.kelurahan = c.kelurahan) "
	    "WHERE c.id = ?1 ORDER BY o.received_at DESC LIMIT 200");
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	body = NULL;
	{
		sqlite3_stmt *b = aduan_db_stmt(db, "SELECT body FROM complaint WHERE id = ?");

		if (b == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_int64(b, 1, id);
		if (sqlite3_step(b) == SQLITE_ROW)
			body = aduan_xstrdup((const char *)sqlite3_column_text(b, 0));
		sqlite3_reset(b);
	}
	if (body == NULL)
		return 0;
	nw = words(body, &w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t other = sqlite3_column_int64(st, 0);

		if (sqlite3_column_int(st, 1))
			fn(other, "same phone", arg);
		else if (similarity(w, nw, (const char *)sqlite3_column_text(st, 2)) >= 0.5)
			fn(other, "similar text", arg);
	}
	sqlite3_reset(st);
	words_free(w, nw);
	free(body);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking for duplicates");
	return 0;
}

int
aduan_complaint_key_between(struct aduan_db *db, const char *lo, const char *hi, int *any)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT 1 FROM complaint WHERE source_key >= ?1 AND source_key < ?2 LIMIT 1");
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up source keys");
	*any = rc == SQLITE_ROW;
	return 0;
}

int
aduan_complaint_present(struct aduan_db *db, const struct aduan_complaint *c, int *present)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT 1 FROM complaint WHERE uid = ?1 OR source_key = ?2 OR source_key = ?3");
	char *purged = c->v[AF_SOURCE_KEY] ? aduan_source_key_purged(c->v[AF_SOURCE_KEY]) : NULL;
	int rc;

	if (st == NULL) {
		free(purged);
		return ADUAN_IOERR;
	}
	sqlite3_bind_text(st, 1, c->v[AF_UID], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->v[AF_SOURCE_KEY], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, purged, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(purged);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up a complaint");
	*present = rc == SQLITE_ROW;
	return 0;
}
