/*
 * complaint.c - the complaint record (its fields are described in
 * field.c): validation against the reference data, insertion with its
 * history, likely duplicates.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "phone.h"
#include "privacy.h"
#include "sla.h"
#include "timeutil.h"
#include "util.h"

#define MAX_TEXT	65536	/* body, location, attachments */
#define MAX_SHORT	256	/* names, categories, sources */
/* What a bad time's message suggests instead. */
#define TIME_EXAMPLES N_("(for example 2026-11-27 10:00, 27/11/2026 10.00 or 27 November 2026 pukul 10.00)")

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
		if (c->v[i] != c->room[i].s)
			free(c->v[i]);
		free(c->room[i].s);
		c->v[i] = NULL;
		c->room[i].s = NULL;
		c->room[i].size = 0;
	}
	c->set = c->stamped = c->given = 0;
}

#define BIT(i)	(UINT32_C(1) << (i))
_Static_assert(ADUAN_NFIELDS < 32, "a field's bit in a uint32_t, and one more");

/* The lowest field of the set m (not empty). */
static int
first(uint32_t m)
{
	return __builtin_ctz(m);
}

void
aduan_complaint_clear(struct aduan_complaint *c)
{
	uint32_t m;
	int i;

	/* a string of one's own: the field's from now on */
	for (m = c->given; m != 0; m &= m - 1) {
		i = first(m);
		free(c->room[i].s);
		c->room[i].s = c->v[i];
		c->room[i].size = strlen(c->v[i]) + 1;
	}
	memset(c->v, 0, sizeof(c->v));	/* a few stores, no loop */
	c->set = c->stamped = c->given = 0;
	c->looked_up = 0;
	c->kelurahan_known = 0;
}

/* Into a new string, or freeing the string of one's own that v[i] had
 * (once s, which may lie in it, is copied), or clearing the field. */
void
aduan_complaint_set_else(struct aduan_complaint *c, int i, const char *s, size_t n)
{
	struct aduan_complaint_room *r = &c->room[i];
	char *p;

	c->stamped &= ~BIT(i);
	c->given &= ~BIT(i);
	if (s == NULL) {
		if (c->v[i] != r->s)
			free(c->v[i]);
		c->v[i] = NULL;
		c->set &= ~BIT(i);
		return;
	}
	if (r->size > n)
		memmove(r->s, s, n);
	else {
		p = aduan_xmalloc(n + 1);
		memcpy(p, s, n);
		if (c->v[i] == r->s)
			c->v[i] = NULL;
		free(r->s);
		r->s = p;
		r->size = n + 1;
	}
	if (c->v[i] != r->s)
		free(c->v[i]);
	r->s[n] = '\0';
	r->len = n;
	c->v[i] = r->s;
	c->set |= BIT(i);
}

void
aduan_complaint_give(struct aduan_complaint *c, int i, char *s)
{
	if (c->given & BIT(i))
		free(c->v[i]);
	c->v[i] = s;
	c->set = s != NULL ? c->set | BIT(i) : c->set & ~BIT(i);
	c->given = s != NULL ? c->given | BIT(i) : c->given & ~BIT(i);
	c->stamped &= ~BIT(i);
}

/* Field i set to s unless it is s already: a check that finds a value
 * in its canonical form (as every record of an import is) copies nothing. */
static void
set_changed(struct aduan_complaint *c, int i, const char *s)
{
	if (c->v[i] == NULL || strcmp(c->v[i], s) != 0)
		aduan_complaint_sets(c, i, s);
}

static int
blank(char ch)
{
	/* space, tab, CR or LF: one compare and one bit of a word */
	return (unsigned char)ch <= ' ' &&
	    (1ULL << (unsigned char)ch & (1ULL << ' ' | 1ULL << '\t' | 1ULL << '\r' | 1ULL << '\n'));
}

/* Trim white space at both ends of field i, n bytes, in place; an empty
 * result clears the field.  Its length after. */
static inline size_t
trim(struct aduan_complaint *c, int i, size_t n)
{
	char *s = c->v[i], *e;
	size_t lead;

	/* nothing to trim, as in almost every field: one look at each end */
	if (n > 0 && !blank(s[0]) && !blank(s[n - 1]))
		return n;
	for (lead = 0; blank(s[lead]); lead++)
		;
	e = s + n;
	while (e > s + lead && blank(e[-1]))
		e--;
	if (e == s + lead) {
		aduan_complaint_set(c, i, NULL, 0);
		return 0;
	}
	if (lead > 0)
		memmove(s, s + lead, (size_t)(e - s - lead));
	s[e - s - lead] = '\0';
	c->room[i].len = (size_t)(e - s - lead);	/* known only while not given */
	return (size_t)(e - s - lead);
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

	if (s != NULL && (s[0] == '0' || s[0] == '1') && s[1] == '\0')
		return 0;	/* the form already */
	if (s == NULL || aduan_word_index(no, s) >= 0)
		aduan_complaint_sets(c, i, "0");
	else if (aduan_word_index(yes, s) >= 0)
		aduan_complaint_sets(c, i, "1");
	else
		return aduan_fail(ADUAN_DATAERR, "%s must be 0 or 1, not \"%s\"",
		    aduan_fields[i].name, s);
	return 0;
}

/* The two digits at s as a number, or -1. */
static inline int
two_digits(const char *s)
{
	unsigned a = (unsigned)(unsigned char)s[0] - '0', b = (unsigned)(unsigned char)s[1] - '0';

	return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/* The day of the stamp before (an import's times come in order): its
 * date part and its midnight as aduan_time_from_utc found them. */
static char utc_date[11];
static time_t utc_midnight;

/* Whether s is a stamp of that day as aduan_time_utc writes it,
 * "YYYY-MM-DDTHH:MM:SSZ" with no leap second; *t its time. */
static inline int
same_day_utc(const char *s, size_t n, time_t *t)
{
	int h, mi, sec;

	if (n == 20 && utc_date[0] != '\0' && memcmp(s, utc_date, 10) == 0 && s[10] == 'T' &&
	    s[13] == ':' && s[16] == ':' && s[19] == 'Z' &&
	    (h = two_digits(s + 11)) >= 0 && h <= 23 && (mi = two_digits(s + 14)) >= 0 &&
	    mi <= 59 && (sec = two_digits(s + 17)) >= 0 && sec <= 59) {
		*t = utc_midnight + h * 3600 + mi * 60 + sec;
		return 1;
	}
	return 0;
}

/* Whether s is "YYYY-MM-DDTHH:MM:SSZ" as aduan_time_utc writes it, *t
 * its time: a valid stamp of that length with no leap second (which
 * aduan_time_utc would write as the next minute). */
static int
canonical_utc(const char *s, size_t n, time_t *t)
{
	if (same_day_utc(s, n, t))
		return 1;
	if (n != 20 || (s[17] == '6' && s[18] == '0') || aduan_time_from_utc(s, t) != 0)
		return 0;
	/* that day again: the same midnight and the same seconds after it */
	memcpy(utc_date, s, 10);
	utc_midnight = *t -
	    (two_digits(s + 11) * 3600 + two_digits(s + 14) * 60 + two_digits(s + 17));
	return 1;
}

/* The stamp of t, of the day of the stamp before, at p: its date and
 * the seconds after its midnight, as aduan_time_utc writes them, and what
 * same_day_utc reads back as t. */
static inline void
same_day_stamp(char *p, time_t t)
{
	/* unsigned: the divisions by constants need no fixing of signs */
	unsigned s = (unsigned)(t - utc_midnight), h = s / 3600, mi;

	s -= h * 3600;
	mi = s / 60;
	s -= mi * 60;
	memcpy(p, utc_date, 10);
	p[10] = 'T';
	aduan_put_hms(p + 11, (int)h, (int)mi, (int)s);
}

/* aduan_complaint_set_time but for a time of that day into the field's
 * own string with room: out of line, as check_time_else. */
static __attribute__((noinline)) void
set_time_else(struct aduan_complaint *c, int i, time_t t)
{
	char buf[21];
	time_t back;

	if (utc_date[0] == '\0' || t < utc_midnight || t - utc_midnight >= 86400) {
		aduan_time_utc(t, buf);
		aduan_complaint_set(c, i, buf, strlen(buf));
		/* known good only when the check would read it back as t (and
		 * then its day is the one kept) */
		if (!canonical_utc(buf, strlen(buf), &back) || back != t)
			return;
	} else {
		same_day_stamp(buf, t);
		aduan_complaint_set(c, i, buf, 20);
	}
	c->room[i].t = t;
	c->stamped |= BIT(i);
}

void
aduan_complaint_set_time(struct aduan_complaint *c, int i, time_t t)
{
	struct aduan_complaint_room *r = &c->room[i];

	if (utc_date[0] == '\0' || t < utc_midnight || t - utc_midnight >= 86400 ||
	    r->size <= 20 || (c->v[i] != NULL && c->v[i] != r->s)) {
		set_time_else(c, i, t);
		return;
	}
	/* as aduan_complaint_set would put it, written in place */
	same_day_stamp(r->s, t);
	r->len = 20;
	r->t = t;
	c->v[i] = r->s;
	c->set |= BIT(i);
	c->stamped |= BIT(i);
}

/* check_time but for a stamp of the day before's, not ahead: out of
 * line, so that the common way saves no registers. */
static __attribute__((noinline)) int
check_time_else(struct aduan_complaint *c, int i, size_t n, time_t now, int ahead)
{
	char buf[21];
	time_t t;

	/* a time in the stored form already (an import's every record has
	 * two): read as such, and kept, since writing it again gives it back */
	if (canonical_utc(c->v[i], n, &t))
		buf[0] = '\0';
	else if (aduan_time_parse(c->v[i], now, &t) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad time in %s: \"%s\" %s",
		    aduan_fields[i].name, c->v[i], _(TIME_EXAMPLES));
	else
		aduan_time_utc(t, buf);
	if (!ahead && t > now + 86400)
		return aduan_fail(ADUAN_DATAERR, "%s is in the future: \"%s\"",
		    aduan_fields[i].name, c->v[i]);
	if (buf[0] != '\0')
		aduan_complaint_sets(c, i, buf);
	return 0;
}

/* A time, field i of n bytes, to UTC; one more than a day ahead is
 * refused unless ahead (a due date may lie ahead). */
static inline int
check_time(struct aduan_complaint *c, int i, size_t n, time_t now, int ahead)
{
	time_t t;

	/* a stamp of aduan_complaint_set_time's, its time known, or one of
	 * the day before's: kept as it is */
	if (((c->stamped & BIT(i)) ? (t = c->room[i].t, 1) : same_day_utc(c->v[i], n, &t)) &&
	    (ahead || t <= now + 86400))
		return 0;
	return check_time_else(c, i, n, now, ahead);
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

	/* three digits, not all zero: already the form ("005") */
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && s[3] == '\0' && strcmp(s, "000") != 0) {
		memcpy(out, s, 4);
		return 0;
	}
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


/* Field i as the reference data names it: sql (?1 the value, folded
 * when fold) gives the canonical name; unknown is the message of none
 * (a format of the value), what the lookup's. */
static int
check_known(struct aduan_db *db, struct aduan_complaint *c, int i, const char *sql, int fold,
    const char *what, const char *unknown)
{
	sqlite3_stmt *st;
	char *key;
	int rc;

	if (c->v[i] == NULL)
		return 0;
	if ((st = aduan_db_stmt(db, sql)) == NULL)
		return ADUAN_IOERR;
	key = fold ? aduan_fold(c->v[i]) : aduan_xstrdup(c->v[i]);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		set_changed(c, i, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	free(key);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, what);
	return aduan_fail(ADUAN_DATAERR, unknown, c->v[i]);
}

static int
check_places(struct aduan_db *db, struct aduan_complaint *c, int i)
{
	if (i == AF_KELURAHAN)
		return check_known(db, c, i,
		    "SELECT name FROM kelurahan WHERE folded = ?1 UNION ALL "
		    "SELECT kelurahan FROM kelurahan_alias WHERE folded = ?1 LIMIT 1", 1,
		    "looking up a kelurahan", N_("unknown kelurahan \"%s\" (see 'aduan kelurahan list')"));
	return check_known(db, c, i, "SELECT code FROM agency WHERE code = ?1 COLLATE NOCASE", 0,
	    "looking up an agency", N_("unknown agency \"%s\" (see 'aduan agency list')"));
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
		out[k++] = "0123456789abcdef"[r[i] >> 4];
		out[k++] = "0123456789abcdef"[r[i] & 0x0f];
	}
	out[k] = '\0';
}

/* The problems of one record, each passed on as found, and what the
 * checks know of it. */
struct problems {
	void (*fn)(int field, const char *msg, void *arg);
	void *arg;
	struct aduan_buf all;	/* joined with "; " for aduan_errmsg() */
	uint32_t bad;		/* bit i: field i has a problem */
	size_t len[ADUAN_NFIELDS];	/* the length of each field of set, as checked */
	int status;		/* the status's index in aduan_statuses, once checked */
	int rc;			/* a failure that stops the checks */
};

/* Note rc when it is a problem of the data (field -1: of the record),
 * and return 0 to go on; any other failure is kept and returned to stop. */
static int
noted(struct problems *ps, int field, int rc)
{
	if (rc != ADUAN_DATAERR)
		return ps->rc = rc;
	if (field >= 0)
		ps->bad |= BIT(field);
	aduan_buf_printf(&ps->all, "%s%s", ps->all.len ? "; " : "", aduan_errmsg());
	if (ps->fn != NULL)
		ps->fn(field, aduan_errmsg(), ps->arg);
	return 0;
}

/* noted() for a check's rc, which is mostly 0: nothing to note. */
static inline int
note(struct problems *ps, int field, int rc)
{
	return rc != 0 && noted(ps, field, rc) != 0;
}

/* Run a check of field f unless f already has a problem: true to stop. */
#define CHECK(ps, f, check) (!((ps)->bad & BIT(f)) && note(ps, f, check))

/* The fields of each kind the checks treat alike (bit i: field i), from
 * the field table; of a field with words, which is its default (-1:
 * none) and its length, and the length of each status (the default of
 * the status depends on the agency). */
struct kinds {
	uint32_t ints, times, words, bools;
	int dflt[ADUAN_NFIELDS];
	size_t dflt_len[ADUAN_NFIELDS], status_len[AS_NSTATUS];
};

static const struct kinds *
kinds(void)
{
	static struct kinds k;
	static int made;
	const char *const *list;
	int i, w;

	if (!made) {
		for (i = 0; i < ADUAN_NFIELDS; i++) {
			k.ints |= aduan_fields[i].type == AT_INT ? BIT(i) : 0;
			k.bools |= aduan_fields[i].type == AT_BOOL ? BIT(i) : 0;
			k.times |= aduan_fields[i].flags & AFF_TIME ? BIT(i) : 0;
			k.words |= aduan_fields[i].words != NULL ? BIT(i) : 0;
			k.dflt[i] = -1;
			if ((list = aduan_fields[i].words) == NULL || aduan_fields[i].dflt == NULL)
				continue;
			for (w = 0; list[w] != NULL; w++)
				if (strcmp(list[w], aduan_fields[i].dflt) == 0) {
					k.dflt[i] = w;
					k.dflt_len[i] = strlen(list[w]);
				}
		}
		for (w = 0; w < AS_NSTATUS; w++)
			k.status_len[w] = strlen(aduan_statuses[w]);
		made = 1;
	}
	return &k;
}

/* A word of a list, given, in canonical form; *k its index in the list. */
static int
check_word(struct aduan_complaint *c, int i, int *k)
{
	const char *const *list = aduan_fields[i].words;
	const char *w;

	/* the word as the list writes it (as every default, and every
	 * record of an import): that is its canonical form, since no two
	 * words of a list differ only in case */
	for (*k = 0; list[*k] != NULL; ++*k)
		if (strcmp(list[*k], c->v[i]) == 0)
			return 0;
	if ((w = aduan_word_canon(list, c->v[i])) == NULL)
		return bad_word(aduan_fields[i].name, c->v[i], list);
	set_changed(c, i, w);
	*k = aduan_word_index(list, w);
	return 0;
}

/* Field i in the form norm gives it ("005", "+628..."), or bad (a
 * format of the value) when it has none. */
static int
check_form(struct aduan_complaint *c, int i, int (*norm)(const char *, char *), const char *bad)
{
	char buf[32];

	if (norm(c->v[i], buf) == -1)
		return aduan_fail(ADUAN_DATAERR, bad, c->v[i]);
	set_changed(c, i, buf);
	return 0;
}

/* Every field trimmed (the body last), valid UTF-8, not too long; a body. */
static int
check_text(struct problems *ps, struct aduan_complaint *c)
{
	size_t n, bad;
	uint32_t m;
	int i, rc;

	for (m = c->set; m != 0; m &= m - 1) {
		i = first(m);
		n = c->given & BIT(i) ? strlen(c->v[i]) : c->room[i].len;
		if (i != AF_BODY && (n == 0 || blank(c->v[i][0]) || blank(c->v[i][n - 1])) &&
		    (n = trim(c, i, n)) == 0)
			continue;
		ps->len[i] = n;
		if ((bad = aduan_utf8_valid(c->v[i], n)) != n)
			rc = aduan_fail(ADUAN_DATAERR, "%s is not valid UTF-8 (byte %zu)",
			    aduan_fields[i].name, bad + 1);
		else if (n > MAX_SHORT && n > (aduan_fields[i].flags & AFF_LONG ? MAX_TEXT : MAX_SHORT))
			rc = aduan_fail(ADUAN_DATAERR, "%s is too long (%zu bytes)",
			    aduan_fields[i].name, n);
		else
			continue;
		if (noted(ps, i, rc) != 0)
			return 1;
	}
	if (c->v[AF_BODY] != NULL && trim(c, AF_BODY, ps->len[AF_BODY]) > 0)
		return 0;
	return CHECK(ps, AF_BODY,
	    aduan_fail(ADUAN_DATAERR, "empty body: a complaint needs its text"));
}

/* now as a stored stamp, written once for each now (a batch checks all
 * its records with one); aduan_time_utc writes 20 bytes, always. */
#define STAMP_LEN 20
static const char *
now_stamp(time_t now)
{
	static char stamp[STAMP_LEN + 1];
	static time_t of;

	if (stamp[0] == '\0' || of != now) {
		aduan_time_utc(now, stamp);
		of = now;
	}
	return stamp;
}

/* Ids, times (received and created now when not given), and words. */
static int
check_forms(struct problems *ps, struct aduan_complaint *c, time_t now)
{
	const struct kinds *k = kinds();
	uint32_t m, made = 0;
	int i, w = -1;

	for (m = k->ints & c->set; m != 0; m &= m - 1)
		if (CHECK(ps, first(m), check_id(c, first(m))))
			return 1;
	/* made from now: in the stored form and not ahead, nothing to check */
	for (m = BIT(AF_RECEIVED_AT) | BIT(AF_CREATED_AT); m != 0; m &= m - 1)
		if (c->v[first(m)] == NULL) {
			aduan_complaint_set(c, first(m), now_stamp(now), STAMP_LEN);
			made |= BIT(first(m));
		}
	for (m = k->times & c->set & ~made & ~BIT(AF_DUE_AT); m != 0; m &= m - 1)
		if (CHECK(ps, first(m), check_time(c, first(m), ps->len[first(m)], now, 0)))
			return 1;
	if ((c->set & BIT(AF_DUE_AT)) &&
	    CHECK(ps, AF_DUE_AT, check_time(c, AF_DUE_AT, ps->len[AF_DUE_AT], now, 1)))
		return 1;
	for (m = k->words; m != 0; m &= m - 1) {
		i = first(m);
		if (c->v[i] != NULL) {
			if (CHECK(ps, i, check_word(c, i, &w)))
				return 1;
		} else if (i == AF_STATUS) {	/* the default: the list's own word */
			w = c->v[AF_AGENCY] ? AS_ROUTED : AS_OPEN;
			aduan_complaint_set(c, i, aduan_statuses[w], k->status_len[w]);
		} else if (k->dflt[i] >= 0) {
			w = k->dflt[i];
			aduan_complaint_set(c, i, aduan_fields[i].words[w], k->dflt_len[i]);
		}
		if (i == AF_STATUS && !(ps->bad & BIT(AF_STATUS)))
			ps->status = w;
	}
	return 0;
}

/* What the status asks of the other fields. */
static int
check_status(struct problems *ps, struct aduan_complaint *c)
{
	if (ps->bad & BIT(AF_STATUS))
		return 0;
	return (ps->status == AS_CLOSED && c->v[AF_CLOSED_AT] == NULL &&
	    CHECK(ps, AF_CLOSED_AT, aduan_fail(ADUAN_DATAERR,
	    "a closed complaint needs closed_at"))) ||
	    (ps->status == AS_ROUTED && c->v[AF_AGENCY] == NULL &&
	    CHECK(ps, AF_AGENCY, aduan_fail(ADUAN_DATAERR, "a routed complaint needs an agency")));
}

/* Flags, phone, RT, position, and the names the reference data knows. */
static int
check_rest(struct problems *ps, struct aduan_db *db, struct aduan_complaint *c)
{
	uint32_t m;

	for (m = kinds()->bools; m != 0; m &= m - 1)
		if (!(c->set & BIT(first(m))))
			aduan_complaint_set(c, first(m), "0", 1);
		else if (CHECK(ps, first(m), check_bool(c, first(m))))
			return 1;
	/* a phone in E.164 already (as the WhatsApp intake writes it) is its
	 * own normal form: nothing to do */
	if (((c->set & BIT(AF_REPORTER_PHONE)) &&
	    !aduan_phone_is_e164(c->v[AF_REPORTER_PHONE], ps->len[AF_REPORTER_PHONE]) &&
	    CHECK(ps, AF_REPORTER_PHONE,
	    check_form(c, AF_REPORTER_PHONE, aduan_phone_normalize,
	    N_("bad phone number: \"%s\"")))) ||
	    ((c->set & BIT(AF_RT)) && CHECK(ps, AF_RT, check_form(c, AF_RT, aduan_rt_normalize,
	    N_("bad rt: \"%s\" (a number such as 005)")))))
		return 1;
	if ((c->set & (BIT(AF_LAT) | BIT(AF_LON))) == 0)
		;	/* no position: nothing to check */
	else if (CHECK(ps, AF_LAT, check_number(c, AF_LAT, -90, 90)) ||
	    CHECK(ps, AF_LON, check_number(c, AF_LON, -180, 180)))
		return 1;
	else if (!(ps->bad & (BIT(AF_LAT) | BIT(AF_LON))) &&
	    (c->v[AF_LAT] == NULL) != (c->v[AF_LON] == NULL) &&
	    CHECK(ps, c->v[AF_LAT] ? AF_LON : AF_LAT,
	    aduan_fail(ADUAN_DATAERR, "lat and lon go together")))
		return 1;
	/* a kelurahan the caller read from the table is its name there */
	return ((c->set & BIT(AF_KELURAHAN)) && !c->kelurahan_known &&
	    CHECK(ps, AF_KELURAHAN, check_places(db, c, AF_KELURAHAN))) ||
	    ((c->set & BIT(AF_AGENCY)) && CHECK(ps, AF_AGENCY, check_places(db, c, AF_AGENCY)));
}

int
aduan_complaint_check_all(struct aduan_db *db, struct aduan_complaint *c, time_t now,
    void (*fn)(int field, const char *msg, void *arg), void *arg)
{
	struct problems ps;
	int rc;

	ps.fn = fn;
	ps.arg = arg;
	ps.all = (struct aduan_buf){0};
	ps.bad = 0;
	ps.status = -1;
	ps.rc = 0;

	if (check_text(&ps, c) || check_forms(&ps, c, now) || check_status(&ps, c) ||
	    check_rest(&ps, db, c))
		rc = ps.rc;
	else
		rc = ps.all.len > 0 ? aduan_fail(ADUAN_DATAERR, "%s", ps.all.s) : 0;
	if (ps.all.s != NULL)	/* a record with problems */
		aduan_buf_release(&ps.all);
	return rc;
}

int
aduan_complaint_check(struct aduan_db *db, struct aduan_complaint *c, time_t now)
{
	return aduan_complaint_check_all(db, c, now, NULL, NULL);
}

/* The largest id ever given in this database (AUTOINCREMENT's mark). */
static int
id_mark(struct aduan_db *db, int64_t *mark)
{
	return aduan_db_value(db, mark, "reading the last id",
	    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'complaint'), 0)", "");
}

/* INSERT of every field, in the table's order (?1 is id, ...). */
static const char *
insert_sql(void)
{
	static struct aduan_buf sql;	/* built once; the statement cache keeps it */
	int i;

	if (sql.len > 0)
		return sql.s;
	aduan_buf_adds(&sql, "INSERT INTO complaint(");
	for (i = 0; i < ADUAN_NFIELDS; i++)
		aduan_buf_printf(&sql, "%s%s", i ? ", " : "", aduan_fields[i].name);
	aduan_buf_adds(&sql, ") VALUES (");
	for (i = 0; i < ADUAN_NFIELDS; i++)
		aduan_buf_printf(&sql, "%s?%d", i ? ", " : "", i + 1);
	aduan_buf_adds(&sql, ") ON CONFLICT DO NOTHING");
	return sql.s;
}

/* Make c ready to store: a uid, an imported id only when never given
 * here, a duplicate_of that exists, a due date.  *skip when a purged
 * complaint had its source_key. */
static int
insert_prepare(struct aduan_db *db, struct aduan_complaint *c, int *skip)
{
	int64_t mark;
	int rc, taken = 0;

	if (c->v[AF_UID] == NULL) {	/* made here: a dry run needs none */
		char uid[37];

		make_uid(uid);
		aduan_complaint_sets(c, AF_UID, uid);
	}
	if (c->v[AF_ID] != NULL) {
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
	if (c->v[AF_SOURCE_KEY] != NULL && !c->looked_up &&
	    ((rc = aduan_complaint_present(db, c, skip)) != 0 || *skip))
		return rc;
	/* Every complaint is due from the day it arrives, routed or not. */
	if (c->v[AF_DUE_AT] == NULL && !aduan_status_is(c->v[AF_STATUS], AS_CLOSED)) {
		char due[21];
		int days;

		if ((rc = aduan_sla_days(db, c->v[AF_PRIORITY], c->v[AF_AGENCY], &days)) != 0 ||
		    (rc = aduan_sla_due(db, c->v[AF_RECEIVED_AT], days, due)) != 0)
			return rc;
		aduan_complaint_sets(c, AF_DUE_AT, due);
	}
	return 0;
}

int
aduan_complaint_insert(struct aduan_db *db, struct aduan_complaint *c, int64_t *id)
{
	sqlite3_stmt *st;
	int i, rc, skip = 0;

	*id = 0;
	if ((rc = insert_prepare(db, c, &skip)) != 0 || skip)
		return rc;
	if ((st = aduan_db_stmt(db, insert_sql())) == NULL)
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
	aduan_free_each((void *const *)w, (size_t)n);
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

/* The body of complaint id (caller frees), NULL when there is none. */
static int
body_of(struct aduan_db *db, int64_t id, char **body)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT body FROM complaint WHERE id = ?1");

	*body = NULL;
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*body = aduan_db_column(st, 0);
	sqlite3_reset(st);
	return 0;
}

int
aduan_complaint_similar(struct aduan_db *db, int64_t id,
    void (*fn)(int64_t other, const char *why, void *arg), void *arg)
{
	sqlite3_stmt *st;
	char **w, *body;
	int nw, rc;

	if ((rc = body_of(db, id, &body)) != 0 || body == NULL)
		return rc;
	st = aduan_db_stmt(db,
	    "SELECT o.id, o.reporter_phone = c.reporter_phone, o.body FROM complaint c "
	    "JOIN complaint o ON o.id <> c.id AND o.received_at <= c.received_at "
	    " AND o.received_at >= strftime('%Y-%m-%dT%H:%M:%SZ', c.received_at, '-7 days') "
	    " AND (o.reporter_phone = c.reporter_phone OR o.kelurahan = c.kelurahan) "
	    "WHERE c.id = ?1 ORDER BY o.received_at DESC LIMIT 200");
	if (st == NULL) {
		free(body);
		return ADUAN_IOERR;
	}
	sqlite3_bind_int64(st, 1, id);
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

/* Step st, bound, for one row: *yes whether there is one. */
static int
any_row(struct aduan_db *db, sqlite3_stmt *st, const char *what, int *yes)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return aduan_db_fail(db, what);
	*yes = rc == SQLITE_ROW;
	return 0;
}

int
aduan_complaint_get(struct aduan_db *db, int64_t id, struct aduan_complaint *c)
{
	static struct aduan_buf sql;	/* every field; built once */
	sqlite3_stmt *st;
	int i, rc;

	aduan_complaint_init(c);
	if (sql.len == 0) {
		aduan_buf_adds(&sql, "SELECT id");
		for (i = 1; i < ADUAN_NFIELDS; i++)
			aduan_buf_printf(&sql, ", %s", aduan_fields[i].name);
		aduan_buf_adds(&sql, " FROM complaint WHERE id = ?1");
	}
	if ((st = aduan_db_stmt(db, sql.s)) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (i = 0; i < ADUAN_NFIELDS; i++)
			aduan_complaint_sets(c, i, (const char *)sqlite3_column_text(st, i));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "no such complaint: %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "reading a complaint");
	return 0;
}

int
aduan_complaint_exists(struct aduan_db *db, int64_t id, int *yes)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT 1 FROM complaint WHERE id = ?");

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	return any_row(db, st, "looking up a complaint", yes);
}

int
aduan_complaint_key_between(struct aduan_db *db, const char *lo, const char *hi, int *any)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT 1 FROM complaint WHERE source_key >= ?1 AND source_key < ?2 LIMIT 1");

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	return any_row(db, st, "looking up source keys", any);
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
	rc = any_row(db, st, "looking up a complaint", present);
	free(purged);
	return rc;
}
