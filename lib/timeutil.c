/*
 * timeutil.c - time arguments, stored UTC stamps, local time.
 *
 * Local time is libc's: the TZ environment variable, read again (tzset)
 * on every call that needs it.  Local fields become a time_t through
 * mktime with tm_isdst = -1, so libc decides daylight saving time.
 *
 * aduan_time_span() understands these arguments; each names a span
 * [start, end) of local time unless it carries a zone:
 *
 *   2024-11          a month: the 1st 00:00 to the next 1st 00:00
 *   2024-11-28       a day: 00:00 to the next day's 00:00 (23 or 25
 *                    hours on a daylight saving change)
 *   2024-11-28T14:05, 2024-11-28 14:05
 *                    a minute (a lower-case 't' is accepted as well)
 *   2024-11-28T14:05:33, with an optional fraction ".000" (dropped)
 *                    a second
 *   any of the two above followed by a zone: Z, z, +08:00, +0800, +08,
 *                    -05:00, ...: that minute or second in that zone
 *                    (2024-11-28T06:05:00Z, 2024-11-28T14:05:00+08:00)
 *   2024-W48         an ISO 8601 week: Monday 00:00 to the next Monday
 *                    00:00.  Week 01 is the one with the year's first
 *                    Thursday, so it may start in December (2026-W01
 *                    starts 2025-12-29); W53 exists only in years whose
 *                    1 January is a Thursday, or a Wednesday in a leap
 *                    year (2020, 2026), and is an error otherwise
 *   27/11/2024, 27.11.2024, 27-11-2024, 27 Nov 2024, 27 Agustus 2024
 *                    a day written day first, the month by number or by
 *                    its English or Indonesian name (three letters or
 *                    more); a time may follow, "14:05" or "14.05"
 *                    (seconds too): that minute or second
 *   now, sekarang    the current second: [now, now + 1)
 *   today, yesterday, hari ini, kemarin
 *                    the local day
 *   this week, last week, minggu ini, minggu lalu (pekan ini, pekan lalu)
 *                    the local week, Monday 00:00 to the next Monday
 *   this month, last month, bulan ini, bulan lalu
 *                    the local month
 *                    (words in any case, spaces between them counted once)
 *   -Nd, -Nw         from 00:00 of the local day N days (N weeks: 7N
 *                    days) before today, through now: [start, now + 1).
 *                    "-0d" is today so far, "-1d" yesterday and today.
 *   -Nh              the last N hours exactly, through now:
 *                    [now - N h, now + 1).  Hours are not rounded to a
 *                    day because "the last 12 hours" means just that.
 *
 * N has one to six digits.  Everything is checked: year 1970..9999 (and
 * no relative span reaching before 1970), month 1..12, the day within
 * its month (29 February only in leap years), hour 0..23, minute 0..59,
 * second 0..60 (a leap second counts as the next minute's first),
 * offset hours 0..23 and minutes 0..59, and nothing may follow.  A
 * local minute or second that does not exist because the clocks jump
 * forward (2024-03-31 02:30 in Europe/Berlin) is an error; one that
 * exists twice when they go back is taken as libc's mktime takes it.
 * A day or month that starts in such a gap starts when the gap ends.
 *
 * Beyond the day-first dates above, the longer ways they are written in
 * Indonesia become the stamps above before they are checked:
 *
 *   Jumat, 27 November 2026    the day's name first
 *   kemarin 16.00, Jumat pukul 10.00 WITA, Senin, 09:30
 *                    without a date: a day's name is the latest such
 *                    day (today too), today, hari ini, yesterday and
 *                    kemarin theirs, a time alone today's
 *   "27 November 2026 pukul 10.00", "27/11/2026, 10:00", "... jam 10.00",
 *   "... pkl. 10.00"; and a time may end in WIB, WITA or WIT (UTC+7, +8,
 *   +9: "27/11/2026 10.00 WITA")
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aduan.h"
#include "calendar.h"
#include "timeutil.h"
#include "util.h"

enum prec { P_MONTH, P_DAY, P_MINUTE, P_SECOND, P_WEEK };

struct stamp {
	int y, mo, d, h, mi, s, week;
	enum prec prec;
	int zoned;
	long off;		/* seconds east of UTC, when zoned */
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int mo)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return mo == 2 && leap(y) ? 29 : n[mo - 1];
}

/* ISO 8601 weeks in year y: 53 when 1 January is a Thursday, or a
 * Wednesday in a leap year. */
static int
iso_weeks(int y)
{
	int p = (y + y / 4 - y / 100 + y / 400) % 7;
	int q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;

	return p == 4 || q == 3 ? 53 : 52;
}

/* Exactly n digits at *p into *v. */
static int
digits(const char **p, int n, int *v)
{
	int k;

	*v = 0;
	for (k = 0; k < n; k++) {
		if ((*p)[k] < '0' || (*p)[k] > '9')
			return -1;
		*v = *v * 10 + ((*p)[k] - '0');
	}
	*p += n;
	return 0;
}

static int
bad(const char *s, const char *why)
{
	aduan_fail(ADUAN_USAGE, "invalid time \"%.64s\": %s", s, why);
	return -1;
}

/* The zone at *p (after a time), if any. */
static int
zone(const char *s, const char **p, struct stamp *t)
{
	int sign, oh, om = 0;

	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		t->zoned = 1;
		t->off = 0;
		return 0;
	}
	if (**p != '+' && **p != '-')
		return 0;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (digits(p, 2, &oh) < 0)
		return bad(s, "bad UTC offset");
	if (**p == ':') {
		(*p)++;
		if (digits(p, 2, &om) < 0)
			return bad(s, "bad UTC offset");
	} else if (**p >= '0' && **p <= '9' && digits(p, 2, &om) < 0)
		return bad(s, "bad UTC offset");
	if (oh > 23 || om > 59)
		return bad(s, "UTC offset out of range");
	t->zoned = 1;
	t->off = sign * (oh * 3600L + om * 60L);
	return 0;
}

static int stamp_check(const char *s, const struct stamp *t);

/* Two digits into v after one of seps: 1, or 0 when no sep stands at p, -1 when no digits follow. */
static int
after(const char **p, const char *seps, int *v)
{
	if (**p == '\0' || strchr(seps, **p) == NULL)
		return 0;
	(*p)++;
	return digits(p, 2, v) < 0 ? -1 : 1;
}

/* YYYY-MM, YYYY-MM-DD[(T| )HH:MM[:SS[.f]][zone]], YYYY-Www; checked. */
static int
stamp(const char *s, struct stamp *t)
{
	const char *p = s;
	int k;

	memset(t, 0, sizeof(*t));
	t->d = 1;
	if (digits(&p, 4, &t->y) < 0 || *p++ != '-')
		goto form;
	if (*p == 'W') {
		p++;
		if (digits(&p, 2, &t->week) < 0 || *p != '\0')
			goto form;
		t->prec = P_WEEK;
	} else {
		if (digits(&p, 2, &t->mo) < 0)
			goto form;
		t->prec = P_MONTH;
		if ((k = after(&p, "-", &t->d)) < 0)
			goto form;
		if (k > 0) {
			t->prec = P_DAY;
			if ((k = after(&p, "Tt ", &t->h)) < 0 ||
			    (k > 0 && (*p++ != ':' || digits(&p, 2, &t->mi) < 0)))
				goto form;
			if (k > 0) {
				t->prec = P_MINUTE;
				if ((k = after(&p, ":", &t->s)) < 0)
					goto form;
				if (k > 0) {
					t->prec = P_SECOND;
					if (*p == '.') {
						if (p[1] < '0' || p[1] > '9')
							goto form;
						for (p++; *p >= '0' && *p <= '9'; p++)
							;
					}
				}
				if (zone(s, &p, t) < 0)
					return -1;
			}
		}
	}
	if (*p != '\0')
		return bad(s, "unexpected text after the time");
	return stamp_check(s, t);
form:
	return bad(s, "expected YYYY-MM-DD[THH:MM[:SS]], YYYY-Www, YYYY-MM, DD/MM/YYYY, "
	    "27 Nov 2024, today, yesterday, now, -Nd, -Nw or -Nh");
}

/* The ranges of every field of t. */
static int
stamp_check(const char *s, const struct stamp *t)
{
	if (t->y < 1970 || t->y > 9999)
		return bad(s, "year out of range (1970-9999)");
	if (t->prec == P_WEEK) {
		if (t->week < 1 || t->week > iso_weeks(t->y))
			return bad(s, "no such week in that year");
		return 0;
	}
	if (t->mo < 1 || t->mo > 12)
		return bad(s, "month out of range");
	if (t->d < 1 || t->d > mdays(t->y, t->mo))
		return bad(s, "day out of range");
	if (t->h > 23)
		return bad(s, "hour out of range");
	if (t->mi > 59)
		return bad(s, "minute out of range");
	if (t->s > 60)
		return bad(s, "second out of range");
	return 0;
}

/* tm holds that date and time, and nothing else. */
static void
broken_down(struct tm *tm, int y, int mo, int d, int h, int mi, int s)
{
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = s;
}

time_t
aduan_time_mklocal(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	broken_down(&tm, y, mo, d, h, mi, s);
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The zone's offset at t, seconds east of UTC (1 when unknown: no zone
 * is an odd second away from UTC). */
static time_t
offset_at(time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return 1;
	return (time_t)aduan_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
	    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec - t;
}

/*
 * mktime once for a span of a day or so, not once an hour.  After
 * mktime has given t for an hour, the offset is looked at 25 hours
 * before t and 48 hours after: when both are that hour's offset, it
 * holds all along, because no zone changes its clocks twice within 73
 * hours (the closest two changes in the time zone database since 1900
 * are four days apart, Freetown's in 1939).  An hour whose time t'
 * found with that offset lies at least 25 hours inside the span is then
 * what mktime would say: t' has the hour's fields, and no other moment
 * does, as none of the zone's jumps is more than 24 hours (Samoa's
 * in 2011 was one day) - so it is neither skipped nor repeated.
 */
#define HOUR_MARGIN (25 * 3600)
#define HOUR_AHEAD (48 * 3600)

time_t
aduan_time_local_hour(struct aduan_hour_cache *c, int y, int mo, int d, int h, time_t wall)
{
	time_t t = wall - c->off;

	if (c->have && t >= c->lo + HOUR_MARGIN && t <= c->hi - HOUR_MARGIN)
		return t;
	errno = 0;
	t = aduan_time_mklocal(y, mo, d, h, 0, 0);
	c->have = 0;
	if (t == (time_t)-1 && errno != 0)
		return t;
	c->off = wall - t;
	c->lo = t - HOUR_MARGIN;
	c->hi = t + HOUR_AHEAD;
	c->have = offset_at(c->lo) == c->off && offset_at(c->hi) == c->off;
	return t;
}

/* Local 00:00 of y-mo-d (normalised: d may be 0 or 32) into *t. */
static int
midnight(const char *s, int y, int mo, int d, time_t *t)
{
	errno = 0;
	*t = aduan_time_mklocal(y, mo, d, 0, 0, 0);
	if (*t == (time_t)-1 && errno != 0)
		return bad(s, "not representable");
	return 0;
}

static int
relative(const char *s, time_t now, time_t *start, time_t *end)
{
	const char *p = s + 1;
	long n = 0;
	int k;
	struct tm tm;

	for (k = 0; k < 7 && *p >= '0' && *p <= '9'; k++, p++)
		n = n * 10 + (*p - '0');
	if (k == 0 || k > 6 || p[0] == '\0' || p[1] != '\0' ||
	    (*p != 'd' && *p != 'w' && *p != 'h'))
		return bad(s, "expected -Nd, -Nw or -Nh with N of 1 to 6 digits");
	if (*p == 'h')
		*start = now - (time_t)n * 3600;
	else {
		if (localtime_r(&now, &tm) == NULL)
			return bad(s, "cannot convert the current time");
		if (*p == 'w')
			n *= 7;
		if (midnight(s, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday - (int)n, start) < 0)
			return -1;
	}
	if (localtime_r(start, &tm) == NULL || tm.tm_year + 1900 < 1970)
		return bad(s, "reaches back before 1970");
	*end = now + 1;
	return 0;
}

static int
day(const char *s, time_t now, int back, time_t *start, time_t *end)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return bad(s, "cannot convert the current time");
	if (midnight(s, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday - back, start) < 0 ||
	    midnight(s, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday - back + 1, end) < 0)
		return -1;
	return 0;
}

/* The local week (Monday 00:00, seven days) or month back periods ago. */
static int
period(const char *s, time_t now, int month, int back, time_t *start, time_t *end)
{
	struct tm tm;
	int y, mo, d;

	if (localtime_r(&now, &tm) == NULL)
		return bad(s, "cannot convert the current time");
	y = tm.tm_year + 1900, mo = tm.tm_mon + 1, d = tm.tm_mday;
	if (month)
		return midnight(s, y, mo - back, 1, start) < 0 ||
		    midnight(s, y, mo - back + 1, 1, end) < 0 ? -1 : 0;
	d -= (tm.tm_wday + 6) % 7 + 7 * back;
	return midnight(s, y, mo, d, start) < 0 || midnight(s, y, mo, d + 7, end) < 0 ? -1 : 0;
}

/* Words for times, in English and in Indonesian. */
enum when { W_NOW, W_TODAY, W_YESTERDAY, W_THIS_WEEK, W_LAST_WEEK, W_THIS_MONTH, W_LAST_MONTH };
static const struct {
	const char *word;
	enum when when;
} when_words[] = {
	{"now", W_NOW}, {"sekarang", W_NOW},
	{"today", W_TODAY}, {"hari ini", W_TODAY},
	{"yesterday", W_YESTERDAY}, {"kemarin", W_YESTERDAY},
	{"this week", W_THIS_WEEK}, {"minggu ini", W_THIS_WEEK}, {"pekan ini", W_THIS_WEEK},
	{"last week", W_LAST_WEEK}, {"minggu lalu", W_LAST_WEEK}, {"pekan lalu", W_LAST_WEEK},
	{"this month", W_THIS_MONTH}, {"bulan ini", W_THIS_MONTH},
	{"last month", W_LAST_MONTH}, {"bulan lalu", W_LAST_MONTH},
};

/* Whether s is word, any case, spaces between words counted once. */
static int
is_word(const char *s, const char *word)
{
	s += strspn(s, " ");
	while (*word != '\0') {
		if (*word == ' ') {
			if (*s != ' ')
				return 0;
			s += strspn(s, " ");
			word++;
			continue;
		}
		if (tolower((unsigned char)*s) != *word)
			return 0;
		s++, word++;
	}
	return s[strspn(s, " ")] == '\0';
}

/* A month by its English or Indonesian name, whole or cut to three or
 * more letters ("Nov", "Agu", "Agustus", "Mei", "Okt"): 1..12, or 0. */
static int
month_name(const char *w, size_t n)
{
	static const char *const names[12][4] = {
		{"january", "januari"}, {"february", "februari", "pebruari"},
		{"march", "maret"}, {"april"}, {"may", "mei"}, {"june", "juni"},
		{"july", "juli"}, {"august", "agustus", "agt", "ags"},
		{"september", "sept"}, {"october", "oktober"},
		{"november", "nopember"}, {"december", "desember"},
	};
	int m, k;

	if (n < 3)
		return 0;
	for (m = 0; m < 12; m++)
		for (k = 0; k < 4 && names[m][k] != NULL; k++)
			if (strlen(names[m][k]) >= n && strncasecmp(names[m][k], w, n) == 0)
				return m + 1;
	return 0;
}

/* One or two digits at *p into *v. */
static int
digits12(const char **p, int *v)
{
	if (**p < '0' || **p > '9')
		return -1;
	*v = *(*p)++ - '0';
	if (**p >= '0' && **p <= '9')
		*v = *v * 10 + (*(*p)++ - '0');
	return 0;
}

/*
 * Day first, as Indonesians write dates: 27/11/2024 (or with dots or
 * dashes), 27 Nov 2024, 27 November 2024, 27 Agustus 2024; each may be
 * followed by a time, 14:05 or 14.05 (seconds too).  0 when s is none
 * of these, 1 with t filled in, -1 when it is one but bad.
 */
static int
day_first(const char *s, struct stamp *t)
{
	const char *p = s, *w;
	char sep;

	memset(t, 0, sizeof(*t));
	if (digits12(&p, &t->d) < 0)
		return 0;
	if (*p == '/' || *p == '.' || *p == '-') {
		sep = *p++;
		if (digits12(&p, &t->mo) < 0 || *p++ != sep)
			return 0;
	} else if (*p == ' ') {
		p += strspn(p, " ");
		for (w = p; isalpha((unsigned char)*p); p++)
			;
		if ((t->mo = month_name(w, (size_t)(p - w))) == 0 || *p != ' ')
			return 0;
		p += strspn(p, " ");
	} else
		return 0;
	if (digits(&p, 4, &t->y) < 0)
		return bad(s, "expected a year of four digits");
	t->prec = P_DAY;
	if (*p == ' ' || *p == 'T') {
		p += strspn(p + 1, " ") + 1;
		if (digits12(&p, &t->h) < 0 || (*p != ':' && *p != '.') || (p++, digits(&p, 2, &t->mi)) < 0)
			return bad(s, "expected a time such as 14:05 or 14.05");
		t->prec = P_MINUTE;
		if (*p == ':' || *p == '.') {
			p++;
			if (digits(&p, 2, &t->s) < 0)
				return bad(s, "bad seconds");
			t->prec = P_SECOND;
		}
	}
	if (*p != '\0')
		return bad(s, "unexpected text after the time");
	return stamp_check(s, t) < 0 ? -1 : 1;
}

/* ---- the longer ways people write dates in Indonesia ------------------ */

static const char *const day_names[] = {
	"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
};
/* The weekday of each of day_names (Sunday 0, as struct tm counts). */
static const unsigned char day_numbers[] = {
	1, 2, 3, 4, 5, 5, 6, 0, 0,
	1, 2, 3, 4, 5, 6, 0,
	1, 2, 3, 4, 5, 6, 0
};

/* The word of letters (and ') at *p, its length. */
static size_t
word_at(const char *p)
{
	size_t n = 0;

	while (isalpha((unsigned char)p[n]) || p[n] == '\'')
		n++;
	return n;
}

static int
word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

/* 1..max digits at *p (advanced) into *v. */
static int
number(const char **p, int max, int *v)
{
	int k = 0;

	*v = 0;
	while (k < max && (*p)[k] >= '0' && (*p)[k] <= '9') {
		*v = *v * 10 + ((*p)[k] - '0');
		k++;
	}
	if (k == 0 || ((*p)[k] >= '0' && (*p)[k] <= '9'))
		return -1;
	*p += k;
	return k;
}

static const char *
spaces(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == ',')
		p++;
	return p;
}

/* The date written at *p (advanced past it) into *y, *mo, *d: "27/11/2026",
 * "27 November 2026"; -1 when there is none. */
static int
written_date(const char **pp, int *y, int *mo, int *d)
{
	const char *p = *pp;
	char sep;
	size_t n;

	if (number(&p, 2, d) < 0)
		return -1;
	if (*p == '/' || *p == '-' || *p == '.') {
		sep = *p++;
		if (number(&p, 2, mo) < 0 || *p++ != sep)
			return -1;
	} else {
		p = spaces(p);
		n = word_at(p);
		if ((*mo = month_name(p, n)) == 0)
			return -1;
		p += n;
		if (*p == '.')
			p++;
		if (*p != ' ' && *p != '-')
			return -1;
		p++;
	}
	if (number(&p, 4, y) != 4)	/* the year in full: 27/11/24 is no date here */
		return -1;
	*pp = p;
	return 0;
}

/* The local date back days before now's into *y, *mo, *d. */
static int
days_back(time_t now, int back, int *y, int *mo, int *d)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return -1;
	aduan_day_to_civil(aduan_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) -
	    back, y, mo, d);
	return 0;
}

/*
 * Rewrite an Indonesian date (and time) as ISO 8601 into out: the
 * fields are checked afterwards by stamp().  -1 when s is not one.
 * Only when said (what a person types in an option, not a record's
 * field): without a date written, a day's name is the latest such day
 * (today too), "today", "hari ini", "yesterday" and "kemarin" theirs,
 * and a time alone is today's: "kemarin 16.00", "Jumat pukul 10.00
 * WITA".  In a record those are a column taken for another ("08.30" of
 * a time column, "Senin" of a day's), never a date.
 */
static int
human(const char *s, time_t now, int said, char out[48])
{
	const char *p = spaces(s);
	int d, mo = 0, y, h, mi, sec = -1, k, back = -1;
	size_t n, i;
	char zone[8] = "";
	struct tm tm;

	if ((n = word_at(p)) > 0) {	/* a day's name: "Jumat, 27 ..." */
		for (i = 0; day_names[i] != NULL && !word_is(p, n, day_names[i]); i++)
			;
		if (day_names[i] != NULL) {
			if (localtime_r(&now, &tm) == NULL)
				return -1;
			back = (tm.tm_wday - day_numbers[i] + 7) % 7;
		} else if (word_is(p, n, "today") || word_is(p, n, "yesterday") ||
		    word_is(p, n, "kemarin"))
			back = !word_is(p, n, "today");
		else if (word_is(p, n, "hari") && word_is(spaces(p + n), word_at(spaces(p + n)),
		    "ini")) {
			back = 0;
			p = spaces(p + n);
			n = word_at(p);
		} else
			return -1;
		p = spaces(p + n);
	}
	if (written_date(&p, &y, &mo, &d) < 0) {	/* the day of the word, or today */
		if (!said || days_back(now, back < 0 ? 0 : back, &y, &mo, &d) < 0)
			return -1;
		if (*p == '\0' && back < 0)
			return -1;
	}
	if (*p == '\0') {
		snprintf(out, 48, "%04d-%02d-%02d", y, mo, d);
		return 0;
	}
	p = spaces(p);
	if ((n = word_at(p)) > 0) {	/* "pukul 10.00", "jam 10.00", "pkl. 10.00" */
		if (!word_is(p, n, "pukul") && !word_is(p, n, "jam") && !word_is(p, n, "pkl") &&
		    !word_is(p, n, "at"))
			return -1;
		p += n;
		if (*p == '.')
			p++;
		p = spaces(p);
	}
	if (number(&p, 2, &h) < 0 || (*p != ':' && *p != '.'))
		return -1;
	k = *p++;
	if (number(&p, 2, &mi) != 2)
		return -1;
	if (*p == k) {
		p++;
		if (number(&p, 2, &sec) != 2)
			return -1;
	}
	p = spaces(p);
	if ((n = word_at(p)) > 0) {
		if (word_is(p, n, "wib"))
			strcpy(zone, "+07:00");
		else if (word_is(p, n, "wita"))
			strcpy(zone, "+08:00");
		else if (word_is(p, n, "wit"))
			strcpy(zone, "+09:00");
		else
			return -1;
		p = spaces(p + n);
	}
	if (*p != '\0')
		return -1;
	if (sec >= 0)
		snprintf(out, 48, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, sec, zone);
	else
		snprintf(out, 48, "%04d-%02d-%02dT%02d:%02d%s", y, mo, d, h, mi, zone);
	return 0;
}

static int
span(const char *s, time_t now, int said, time_t *start, time_t *end)
{
	char iso[48];

	struct stamp t;
	struct tm tm;
	long jan4;
	int wd;

	size_t i;
	int k;

	tzset();
	for (i = 0; i < sizeof(when_words) / sizeof(when_words[0]); i++) {
		if (!is_word(s, when_words[i].word))
			continue;
		switch (when_words[i].when) {
		case W_NOW:
			*start = now;
			*end = now + 1;
			return 0;
		case W_TODAY: return day(s, now, 0, start, end);
		case W_YESTERDAY: return day(s, now, 1, start, end);
		case W_THIS_WEEK: return period(s, now, 0, 0, start, end);
		case W_LAST_WEEK: return period(s, now, 0, 1, start, end);
		case W_THIS_MONTH: return period(s, now, 1, 0, start, end);
		case W_LAST_MONTH: return period(s, now, 1, 1, start, end);
		}
	}
	if (s[0] == '-')
		return relative(s, now, start, end);
	if ((k = day_first(s, &t)) < 0 || (k == 0 && stamp(s, &t) < 0)) {
		/* the longer ways: "Jumat, 27/11/26 pukul 10.00 WITA" */
		char *why = aduan_xstrdup(aduan_errmsg());

		if (human(s, now, said, iso) < 0 || stamp(iso, &t) < 0) {
			aduan_fail(ADUAN_USAGE, "%s", why);
			free(why);
			return -1;
		}
		free(why);
	}

	switch (t.prec) {
	case P_WEEK:
		jan4 = aduan_day_from_civil(t.y, 1, 4);
		wd = (int)(((jan4 + 3) % 7 + 7) % 7);	/* Monday 0; 1970-01-01 was a Thursday */
		return midnight(s, t.y, 1, 4 - wd + 7 * (t.week - 1), start) < 0 ||
		    midnight(s, t.y, 1, 4 - wd + 7 * t.week, end) < 0 ? -1 : 0;
	case P_MONTH:
		return midnight(s, t.y, t.mo, 1, start) < 0 ||
		    midnight(s, t.y, t.mo + 1, 1, end) < 0 ? -1 : 0;
	case P_DAY:
		return midnight(s, t.y, t.mo, t.d, start) < 0 ||
		    midnight(s, t.y, t.mo, t.d + 1, end) < 0 ? -1 : 0;
	case P_MINUTE:
	case P_SECOND:
		break;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = t.y - 1900;
	tm.tm_mon = t.mo - 1;
	tm.tm_mday = t.d;
	tm.tm_hour = t.h;
	tm.tm_min = t.mi;
	if (t.zoned)
		*start = timegm(&tm) - t.off;
	else {
		tm.tm_isdst = -1;
		errno = 0;
		*start = mktime(&tm);
		if (*start == (time_t)-1 && errno != 0)
			return bad(s, "not representable");
		/* mktime moved a time in a forward jump of the clocks. */
		if (tm.tm_hour != t.h || tm.tm_min != t.mi || tm.tm_mday != t.d)
			return bad(s, "no such local time (clocks jump forward)");
	}
	*start += t.s;
	*end = *start + (t.prec == P_MINUTE ? 60 : 1);
	return 0;
}

int
aduan_time_span(const char *s, time_t now, time_t *start, time_t *end)
{
	return span(s, now, 1, start, end);
}

int
aduan_time_parse(const char *s, time_t now, time_t *t)
{
	time_t end;

	return span(s, now, 0, t, &end);
}

int
aduan_time_said(const char *s, time_t now, time_t *t)
{
	time_t end;

	return span(s, now, 1, t, &end);
}

/* Outside years 0..9999 the stamp would not fit: "0000-00-00T00:00:00Z",
 * which no parser here accepts, is written instead. */
char *
aduan_time_utc(time_t t, char buf[21])
{
	/* gmtime once a day: the day's start and date are kept, and a time
	 * within the day's first 86400 seconds is that date, written as
	 * before, and those seconds (a leap second, where the zone counts
	 * them, ends a day: it lies outside, and is not kept) */
	static time_t day = -1;
	static char date[11];	/* "YYYY-MM-DDT" of that day */
	struct tm tm;
	int y, s;

	if (day == -1 || t < day || t - day >= 86400) {
		if (gmtime_r(&t, &tm) == NULL || tm.tm_year < -1900 ||
		    tm.tm_year > 9999 - 1900) {
			memcpy(buf, "0000-00-00T00:00:00Z", 21);
			return buf;
		}
		/* by hand, two digits at a time: strftime was a tenth of a
		 * large import's time, and a loop of divisions a digit at a
		 * time was still a tenth of this function's */
		y = tm.tm_year + 1900;
		aduan_put2(buf, y / 100);
		aduan_put2(buf + 2, y % 100);
		buf[4] = '-';
		aduan_put2(buf + 5, tm.tm_mon + 1);
		buf[7] = '-';
		aduan_put2(buf + 8, tm.tm_mday);
		buf[10] = 'T';
		if (tm.tm_sec > 59) {
			aduan_put_hms(buf + 11, tm.tm_hour, tm.tm_min, tm.tm_sec);
			return buf;
		}
		memcpy(date, buf, sizeof(date));
		day = t - (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
	} else
		memcpy(buf, date, sizeof(date));
	s = (int)(t - day);
	aduan_put_hms(buf + 11, s / 3600, s / 60 % 60, s % 60);
	return buf;
}

char *
aduan_time_local(time_t t, char buf[32])
{
	struct tm tm;

	tzset();
	if (localtime_r(&t, &tm) == NULL || strftime(buf, 32, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, 32, "?");
	return buf;
}

/* Exactly "YYYY-MM-DDTHH:MM:SSZ", a fraction of a second allowed before the Z. */
int
aduan_time_from_utc(const char *s, time_t *t)
{
	static int day_y = -1, day_m, day_d;
	static time_t day;
	const char *p = s;
	struct tm tm;
	int y, mo, d, h, mi, sec;

	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 || *p++ != '-' ||
	    digits(&p, 2, &d) < 0 || *p++ != 'T' || digits(&p, 2, &h) < 0 || *p++ != ':' ||
	    digits(&p, 2, &mi) < 0 || *p++ != ':' || digits(&p, 2, &sec) < 0)
		return aduan_fail(-1, "invalid UTC time \"%.64s\": expected YYYY-MM-DDTHH:MM:SSZ", s);
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9')
			return aduan_fail(-1, "invalid UTC time \"%.64s\": bad fraction", s);
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	if (p[0] != 'Z' || p[1] != '\0')
		return aduan_fail(-1, "invalid UTC time \"%.64s\": expected YYYY-MM-DDTHH:MM:SSZ", s);
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > mdays(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return aduan_fail(-1, "invalid UTC time \"%.64s\": out of range", s);
	/* timegm once a day: within a day the seconds add up (a leap second,
	 * where the zone counts them, ends a day) */
	if (y != day_y || mo != day_m || d != day_d) {
		broken_down(&tm, y, mo, d, 0, 0, 0);
		day = timegm(&tm);
		day_y = y;
		day_m = mo;
		day_d = d;
	}
	*t = day + h * 3600 + mi * 60 + sec;
	return 0;
}

/* ---- time zones named by people ---------------------------------------- */

/* Whether a zone file of that name exists ($TZDIR or the system's). */
static int
zone_file(const char *name)
{
	const char *dir = getenv("TZDIR");
	struct aduan_buf path = {0};
	struct stat sb;
	int ok;

	if (*name == '\0' || *name == '/' || strstr(name, "..") != NULL)
		return 0;
	aduan_buf_printf(&path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	ok = stat(path.s, &sb) == 0 && S_ISREG(sb.st_mode) && access(path.s, R_OK) == 0;
	aduan_buf_release(&path);
	return ok;
}

char *
aduan_tz_lookup(const char *name)
{
	static const char *const indonesia[][2] = {
		{"WIB", "Asia/Jakarta"}, {"WITA", "Asia/Makassar"}, {"WIT", "Asia/Jayapura"},
	};
	struct aduan_buf b = {0};
	const char *p, *zone = *name == ':' ? name + 1 : name;
	size_t i, len;
	long h;

	for (i = 0; i < sizeof(indonesia) / sizeof(indonesia[0]); i++)
		if (strcasecmp(zone, indonesia[i][0]) == 0)
			return aduan_xstrdup(indonesia[i][1]);
	if (zone_file(zone))
		return aduan_xstrdup(zone);
	/* "Makassar", "jakarta": the city of an Asian zone */
	aduan_buf_printf(&b, "Asia/%s", zone);
	if (strchr(zone, '/') == NULL && b.len > 6) {
		b.s[5] = (char)toupper((unsigned char)b.s[5]);
		if (zone_file(b.s))
			return b.s;
	}
	aduan_buf_release(&b);
	/* a POSIX TZ string: a name of 3 letters or more (or <...>), then an
	 * offset in hours WEST of Greenwich, maybe a daylight saving rule */
	p = zone;
	if (*p == '<' && (p = strchr(p, '>')) != NULL)
		p++;
	else
		for (p = zone; isalpha((unsigned char)*p); p++)
			;
	len = (size_t)(p - zone);
	if (p != NULL && len >= 3 && (*p == '+' || *p == '-' || isdigit((unsigned char)*p))) {
		h = strtol(p, NULL, 10);
		if ((len == 3 && (strncasecmp(zone, "UTC", 3) == 0 || strncasecmp(zone, "GMT", 3) == 0)) &&
		    h != 0 && h >= -24 && h <= 24) {
			const char *id = h == 7 ? "WIB (Asia/Jakarta)" : h == 8 ? "WITA (Asia/Makassar)" :
			    h == 9 ? "WIT (Asia/Jayapura)" : NULL;

			if (id != NULL)
				aduan_fail(ADUAN_USAGE, "--tz: \"%s\" is POSIX notation, which counts "
				    "hours west of Greenwich: it means UTC%+ld; for UTC%+ld write %s "
				    "or <%+03ld>%+ld", name, -h, h, id, h, -h);
			else
				aduan_fail(ADUAN_USAGE, "--tz: \"%s\" is POSIX notation, which counts "
				    "hours west of Greenwich: it means UTC%+ld; for UTC%+ld write "
				    "<%+03ld>%+ld", name, -h, h, h, -h);
			return NULL;
		}
		return aduan_xstrdup(name);	/* "WITA-8", "<+08>-8": as POSIX says */
	}
	aduan_fail(ADUAN_USAGE, "--tz: unknown time zone \"%s\" (try Asia/Makassar, WITA, WIB or WIT)",
	    name);
	return NULL;
}
