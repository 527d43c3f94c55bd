/*
 * t-stamp.c - a complaint's fields set by every way there is
 * (aduan_complaint_set, _give, _set_time, _clear): which fields are set
 * stays what v[] holds, whatever the order; aduan_complaint_set_time
 * writes what aduan_time_utc writes, for times in order, out of order,
 * at the ends of days and beyond the years a stamp can hold; and the
 * check takes such a stamp for good only while the field still holds it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "tap.h"
#include "timeutil.h"
#include "util.h"

#define NOW 1767225600	/* 2026-01-01T00:00:00Z */

static unsigned long long seed = 88172645463325252ULL;

static unsigned long long
next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

/* Whether the set fields of c are just those whose v[i] is not NULL,
 * and the given ones those whose v[i] is not the field's own string. */
static int
set_as_v(const struct aduan_complaint *c)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		if (!!(c->set >> i & 1) != (c->v[i] != NULL) ||
		    !!(c->given >> i & 1) != (c->v[i] != NULL && c->v[i] != c->room[i].s))
			return 0;
	return 1;
}

/* Fields set, cleared, given and stamped in a random order. */
static void
set_ways(void)
{
	static const char *const val[] = {"", "a", "005", "2026-01-01T00:00:00Z",
	    "a value longer than the sixteen bytes moved inline", NULL};
	struct aduan_complaint c;
	int k, i, bad = 0;

	aduan_complaint_init(&c);
	for (k = 0; k < 20000; k++) {
		i = (int)(next() % ADUAN_NFIELDS);
		switch (next() % 6) {
		case 0:
			aduan_complaint_sets(&c, i, val[next() % 6]);
			break;
		case 1:
			aduan_complaint_give(&c, i, next() % 4 ? aduan_xstrdup(val[next() % 5]) : NULL);
			break;
		case 2:
			aduan_complaint_set_time(&c, i, (time_t)(NOW - (long long)(next() % 5000000)));
			break;
		case 3:
			if (c.v[i] != NULL)	/* a part of itself */
				aduan_complaint_set(&c, i, c.v[i] + strlen(c.v[i]) / 2,
				    strlen(c.v[i]) - strlen(c.v[i]) / 2);
			break;
		case 4:
			if (next() % 8 == 0)
				aduan_complaint_clear(&c);
			break;
		default:
			aduan_complaint_set(&c, i, NULL, 0);
		}
		bad += !set_as_v(&c);
	}
	ok(bad == 0, "the set fields are those v[] holds, in 20000 settings");
	aduan_complaint_release(&c);
	ok(set_as_v(&c) && c.set == 0 && c.given == 0, "none after a release");
}

/* aduan_complaint_set_time against aduan_time_utc, and the check. */
static void
stamps(struct aduan_db *db)
{
	struct aduan_complaint c;
	char want[21];
	time_t t = NOW - 3 * 86400 - 1;
	int k, bad = 0, checked = 0, kept = 0;

	aduan_complaint_init(&c);
	/* times in order, across midnights and back; then anywhere */
	for (k = 0; k < 60000; k++) {
		if (k < 20000)
			t += (time_t)(next() % 61);
		else if (k < 20010)
			t = NOW + 86400 * (k - 20000) - 1 + (k & 1);
		else if (k < 40000)
			t = (time_t)(next() % 4000000000ULL) - 300000000;
		else if (k < 40064)	/* years a stamp cannot hold */
			t = (time_t)((long long)(next() % 400000000000ULL) - 100000000000LL);
		else
			t = NOW - (time_t)(next() % 1000);
		aduan_complaint_clear(&c);
		aduan_complaint_set_time(&c, AF_RECEIVED_AT, t);
		aduan_time_utc(t, want);
		bad += c.v[AF_RECEIVED_AT] == NULL || strcmp(c.v[AF_RECEIVED_AT], want) != 0;
		if (k % 16 == 0) {	/* the check keeps it, or finds what it finds of the text */
			struct aduan_complaint d;
			int rc, rd;
			char *got;

			aduan_complaint_init(&d);
			aduan_complaint_sets(&d, AF_RECEIVED_AT, want);
			aduan_complaint_sets(&c, AF_BODY, "jalan rusak");
			aduan_complaint_sets(&d, AF_BODY, "jalan rusak");
			rc = aduan_complaint_check(db, &c, NOW);
			got = aduan_xstrdup(aduan_errmsg());
			rd = aduan_complaint_check(db, &d, NOW);
			bad += rc != rd || (rc != 0 && strcmp(got, aduan_errmsg()) != 0) ||
			    (rc == 0 && strcmp(c.v[AF_RECEIVED_AT], d.v[AF_RECEIVED_AT]) != 0);
			kept += rc == 0;
			checked++;
			free(got);
			aduan_complaint_release(&d);
		}
	}
	ok(bad == 0, "set_time writes what aduan_time_utc writes, and is checked alike");
	ok(checked > 3000 && kept > 1000 && kept < checked, "checked %d, kept %d", checked, kept);
	/* a stamp replaced by any way there is: no longer taken for good */
	for (k = 0; k < 5; k++) {
		aduan_complaint_clear(&c);
		aduan_complaint_set_time(&c, AF_RECEIVED_AT, NOW - 60);
		if (k == 0)
			aduan_complaint_sets(&c, AF_RECEIVED_AT, "kemarin sore");
		else if (k == 1)
			aduan_complaint_give(&c, AF_RECEIVED_AT, aduan_xstrdup("kemarin sore"));
		else if (k == 2) {
			aduan_complaint_set(&c, AF_RECEIVED_AT, NULL, 0);
			aduan_complaint_sets(&c, AF_RECEIVED_AT, "kemarin sore");
		} else if (k == 3) {
			aduan_complaint_clear(&c);
			aduan_complaint_sets(&c, AF_RECEIVED_AT, "kemarin sore");
		} else {
			aduan_complaint_set_time(&c, AF_CREATED_AT, NOW - 60);
			aduan_complaint_sets(&c, AF_RECEIVED_AT, "kemarin sore");
		}
		aduan_complaint_sets(&c, AF_BODY, "jalan rusak");
		ok(aduan_complaint_check(db, &c, NOW) == ADUAN_DATAERR &&
		    strstr(aduan_errmsg(), "bad time in received_at") != NULL,
		    "a stamp replaced (%d) is read again: %s", k, aduan_errmsg());
	}
	/* ahead of now by more than a day: refused as the text would be */
	aduan_complaint_clear(&c);
	aduan_complaint_set_time(&c, AF_RECEIVED_AT, NOW + 86401);
	aduan_complaint_sets(&c, AF_BODY, "jalan rusak");
	ok(aduan_complaint_check(db, &c, NOW) == ADUAN_DATAERR, "a stamp ahead refused");
	is_str(aduan_errmsg(), "received_at is in the future: \"2026-01-02T00:00:01Z\"",
	    "its message");
	aduan_complaint_release(&c);
}

int
main(void)
{
	struct aduan_db *db = NULL;
	char dir[] = "/tmp/t-stamp.XXXXXX", path[64];

	setenv("TZ", "Asia/Makassar", 1);
	tzset();
	set_ways();
	tap_scratch(dir, path, sizeof(path));
	ok(aduan_db_open(&db, path, ADUAN_CREATE) == 0, "a database: %s", aduan_errmsg());
	if (db == NULL)
		return tap_done();
	stamps(db);
	aduan_db_close(db);
	tap_scratch_remove(dir);
	return tap_done();
}
