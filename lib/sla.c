/*
 * sla.c - due dates in working days: Monday to Friday, minus the days in
 * the holiday table, counted in local time from the day of receipt; and
 * the holiday table itself.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "calendar.h"
#include "db.h"
#include "field.h"
#include "internal.h"
#include "refdata.h"
#include "sla.h"
#include "timeutil.h"
#include "util.h"

long
aduan_workdays_add(long day, int n, int (*is_holiday)(long, void *), void *arg)
{
	int guard = 0;

	while (n > 0 && guard++ < 3700) {
		int wd;

		day++;
		wd = aduan_day_weekday(day);
		if (wd == 0 || wd == 6)
			continue;
		if (is_holiday != NULL && is_holiday(day, arg))
			continue;
		n--;
	}
	return day;
}

/*
 * What due dates need, kept per database handle: the holidays as sorted
 * day numbers and the days each priority is given.  An import computes a
 * due date for every complaint; this turns some ten queries a complaint
 * into none.
 */
struct sla_cache {
	unsigned long generation;
	long *holidays;
	size_t nholidays;
	int days[3];		/* urgent, normal, low; 0: not read yet */
};

static int config_days_read(struct aduan_db *db, const char *priority, int *days);

static void
cache_free(void *p)
{
	struct sla_cache *c = p;

	if (c != NULL)
		free(c->holidays);
	free(c);
}

static struct sla_cache *
cache(struct aduan_db *db)
{
	unsigned long gen;
	struct sla_cache *c = aduan_db_cache(db, &gen);
	sqlite3_stmt *st;
	size_t cap = 0;
	int y, m, d;

	if (c != NULL && c->generation == gen)
		return c;
	c = aduan_xmalloc(sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->generation = gen;
	if ((st = aduan_db_stmt(db, "SELECT day FROM holiday ORDER BY day")) != NULL) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *s = (const char *)sqlite3_column_text(st, 0);

			if (s == NULL || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3)
				continue;
			c->holidays = aduan_grow(c->holidays, &cap, c->nholidays + 1, sizeof(long));
			c->holidays[c->nholidays++] = aduan_day_from_civil(y, m, d);
		}
		sqlite3_reset(st);
	}
	aduan_db_cache_set(db, c, cache_free);
	return c;
}

static int
config_days(struct aduan_db *db, const char *priority, int *days)
{
	struct sla_cache *c = cache(db);
	int k = aduan_word_index(aduan_priorities, priority), rc;

	if (k >= 0 && k < 3 && c->days[k] > 0) {
		*days = c->days[k];
		return 0;
	}
	if ((rc = config_days_read(db, priority, days)) == 0 && k >= 0 && k < 3)
		c->days[k] = *days;
	return rc;
}

static int
config_days_read(struct aduan_db *db, const char *priority, int *days)
{
	char key[32];
	const char *v;
	long n;
	char *end;

	snprintf(key, sizeof(key), "sla.%s", priority);
	if ((v = aduan_config(db, key)) == NULL)
		v = aduan_config(db, "sla.normal");
	n = v ? strtol(v, &end, 10) : 0;
	if (v == NULL || *end != '\0' || n < 1 || n > 3650)
		return aduan_fail(ADUAN_DATAERR, "setting %s is not a number of days: \"%s\"",
		    key, v ? v : "");
	*days = (int)n;
	return 0;
}

int
aduan_sla_days(struct aduan_db *db, const char *priority, const char *agency, int *days)
{
	sqlite3_stmt *st;
	int rc, agency_days = 0, urgent;

	if (priority == NULL)
		priority = "normal";
	if (agency != NULL) {
		if ((st = aduan_db_stmt(db, "SELECT sla_days FROM agency WHERE code = ?")) == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_text(st, 1, agency, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			agency_days = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return aduan_db_fail(db, "looking up an agency");
	}
	if (agency_days > 0)
		*days = agency_days;
	else if ((rc = config_days(db, priority, days)) != 0)
		return rc;
	if (strcmp(priority, "urgent") == 0) {
		if ((rc = config_days(db, "urgent", &urgent)) != 0)
			return rc;
		if (urgent < *days)
			*days = urgent;
	}
	return 0;
}

static int
cmp_day(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int
db_holiday(long day, void *arg)
{
	struct sla_cache *c = arg;

	return c->nholidays > 0 &&
	    bsearch(&day, c->holidays, c->nholidays, sizeof(long), cmp_day) != NULL;
}

int
aduan_sla_due(struct aduan_db *db, const char *received, int days, char out[21])
{
	struct tm tm;
	time_t t;
	long day;
	int y, m, d;

	if (aduan_time_from_utc(received, &t) == -1 || localtime_r(&t, &tm) == NULL)
		return aduan_fail(ADUAN_DATAERR, "bad received_at: \"%s\"", received);
	day = aduan_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	day = aduan_workdays_add(day, days, db_holiday, cache(db));
	aduan_day_to_civil(day, &y, &m, &d);
	aduan_time_utc(aduan_time_mklocal(y, m, d, 23, 59, 59), out);
	return 0;
}

int
aduan_sla_late(struct aduan_db *db, const char *due, time_t now, long *days)
{
	struct sla_cache *c;
	struct tm tm;
	time_t t;
	long day, today;

	*days = 0;
	if (aduan_time_from_utc(due, &t) == -1)
		return aduan_fail(ADUAN_DATAERR, "bad due_at: \"%s\"", due);
	if (t >= now)
		return 0;
	if (localtime_r(&t, &tm) == NULL)
		return aduan_fail(ADUAN_DATAERR, "bad due_at: \"%s\"", due);
	day = aduan_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (localtime_r(&now, &tm) == NULL)
		return aduan_fail(ADUAN_IOERR, "cannot convert the current time");
	today = aduan_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	c = cache(db);
	while (++day <= today && *days < 100000) {
		int wd = aduan_day_weekday(day);

		if (wd != 0 && wd != 6 && !db_holiday(day, c))
			(*days)++;
	}
	if (*days == 0)		/* past due over a weekend: a day late all the same */
		*days = 1;
	return 0;
}

/* ---- the holiday table ---------------------------------------------- */

static int
check_day(const char *s)
{
	int y, m, d, yy, mm, dd;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    !isdigit((unsigned char)s[0]) || s[4] != '-' || s[7] != '-' ||
	    y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	aduan_day_to_civil(aduan_day_from_civil(y, m, d), &yy, &mm, &dd);
	return yy == y && mm == m && dd == d ? 0 : -1;
}

int
aduan_holiday_add(struct aduan_db *db, const char *day, const char *name)
{
	aduan_db_changed(db);
	if (check_day(day) == -1)
		return aduan_fail(ADUAN_USAGE, "bad date \"%s\" (YYYY-MM-DD)", day);
	if (name == NULL || *name == '\0')
		return aduan_fail(ADUAN_USAGE, "holiday %s needs a name", day);
	return aduan_db_run(db, "adding a holiday", "INSERT INTO holiday(day, name) "
	    "VALUES (?1, ?2) ON CONFLICT(day) DO UPDATE SET name = excluded.name", "tt", day, name);
}

int
aduan_holiday_rm(struct aduan_db *db, const char *day)
{
	int rc;

	aduan_db_changed(db);
	if ((rc = aduan_db_run(db, "removing a holiday",
	    "DELETE FROM holiday WHERE day = ?", "t", day)) != 0)
		return rc;
	if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
		return aduan_fail(ADUAN_NOMATCH, "no holiday on %s", day);
	return 0;
}

static int
holiday_row(struct aduan_db *db, char **f, int n, const char *path, long line)
{
	int rc;

	if (n < 2)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: a holiday needs a day and a name",
		    path, line);
	if ((rc = aduan_holiday_add(db, f[0], f[1])) != 0)
		return aduan_fail(rc == ADUAN_USAGE ? ADUAN_DATAERR : rc, "%s:%ld: %s",
		    path, line, aduan_errmsg());
	return 0;
}

int
aduan_holiday_load(struct aduan_db *db, const char *path, long *n)
{
	return aduan_tsv_rows(db, path, holiday_row, n);
}
