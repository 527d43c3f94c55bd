/* t-time.c - time arguments, UTC stamps and local time, in two zones. */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "calendar.h"
#include "timeutil.h"
#include "tap.h"

static void
zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* "START END" as UTC stamps, or "ERR: message". */
static const char *
span(const char *s, time_t now)
{
	static char buf[1200];
	char a[21], b[21];
	time_t start = 12345, end = 12345;

	if (aduan_time_span(s, now, &start, &end) != 0) {
		snprintf(buf, sizeof(buf), "ERR: %s", aduan_errmsg());
		return buf;
	}
	snprintf(buf, sizeof(buf), "%s %s", aduan_time_utc(start, a), aduan_time_utc(end, b));
	return buf;
}

static int
rejected(const char *s, time_t now, const char *why)
{
	const char *r = span(s, now);

	if (strncmp(r, "ERR: ", 5) == 0 && strstr(r, why) != NULL)
		return 1;
	printf("#   got: %s\n", r);
	return 0;
}

static const char *
utc(time_t t)
{
	static char buf[21];

	return aduan_time_utc(t, buf);
}

static const char *
local(time_t t)
{
	static char buf[32];

	return aduan_time_local(t, buf);
}

static const char *
from_utc(const char *s)
{
	static char buf[64];
	time_t t;

	if (aduan_time_from_utc(s, &t) != 0)
		return "ERR";
	snprintf(buf, sizeof(buf), "%lld", (long long)t);
	return buf;
}

/*
 * Whether aduan_time_local_hour agrees with mktime for every hour of
 * years y0..y1 in zone tz: taken in order, then back and forth (a
 * stride through the hours), so the kept offset is reused after each
 * change of the clocks and across the ones it skips over.
 */
static int
hours_agree(const char *tz, int y0, int y1)
{
	struct aduan_hour_cache c;
	long d0 = aduan_day_from_civil(y0, 1, 1), n = (aduan_day_from_civil(y1 + 1, 1, 1) - d0) * 24;
	long i, k;
	int pass, y, mo, d, h;

	zone(tz);
	for (pass = 0; pass < 2; pass++) {
		memset(&c, 0, sizeof(c));
		for (i = 0; i < n; i++) {
			k = pass == 0 ? i : i * 7919 % n;
			aduan_day_to_civil(d0 + k / 24, &y, &mo, &d);
			h = (int)(k % 24);
			if (aduan_time_local_hour(&c, y, mo, d, h, (time_t)(d0 * 24 + k) * 3600) !=
			    aduan_time_mklocal(y, mo, d, h, 0, 0)) {
				printf("#   %s: %04d-%02d-%02d %02d:00\n", tz, y, mo, d, h);
				return 0;
			}
		}
	}
	return 1;
}

int
main(void)
{
	/* Thursday 2024-11-28 14:05:33 WITA. */
	const time_t now = 1732773933;
	/* Sunday 2024-03-31 14:00 CEST, the day Berlin's clocks jump forward. */
	const time_t now_be = 1711886400;
	time_t t, s2, e2;
	char y[32];
	int yr, good;

	zone("Asia/Makassar");

	/* Formatting. */
	is_str(utc(0), "1970-01-01T00:00:00Z", "utc: the epoch");
	is_str(utc(now), "2024-11-28T06:05:33Z", "utc: now");
	is_str(utc(253402300799), "9999-12-31T23:59:59Z", "utc: the last second of 9999");
	is_str(utc(253402300800), "0000-00-00T00:00:00Z", "utc: year 10000 does not fit");
	is_str(local(now), "2024-11-28 14:05", "local: WITA is UTC+8");
	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(local(atoll(tr.col[1])), tr.col[2], tr.col[3]);
		else
			is_str(from_utc(tr.col[1]), tr.col[2], tr.col[3]);
	is_str(aduan_errmsg(), "invalid UTC time \"2024-1-28T06:05:33Z\": expected YYYY-MM-DDTHH:MM:SSZ",
	    "from_utc: message");
	for (good = 1, t = 0; t < 253402300799; t += 86400 * 97 + 3607) {
		char b[21];
		time_t back;

		if (aduan_time_from_utc(aduan_time_utc(t, b), &back) != 0 || back != t)
			good = 0;
	}
	ok(good, "utc and from_utc round-trip from 1970 to 9999");
	/* each function keeps its last day: times back and forth within a
	 * day, across midnight, a day apart and years apart agree with gmtime */
	for (good = 1, t = 1700000000 - 40000; t < 1700000000 + 300000; t += 997) {
		time_t v[] = {t, t + 86399, t - 1, t + 86400, t / 3, t + 3600 * 24 * 365 * 7};
		char b[21], g[21];
		struct tm tm;
		size_t k;

		for (k = 0; k < sizeof(v) / sizeof(v[0]); k++) {
			gmtime_r(&v[k], &tm);
			strftime(g, sizeof(g), "%Y-%m-%dT%H:%M:%SZ", &tm);
			if (strcmp(aduan_time_utc(v[k], b), g) != 0 ||
			    aduan_time_from_utc(g, &s2) != 0 || s2 != v[k])
				good = 0;
		}
	}
	ok(good, "utc and from_utc agree with gmtime whatever the order of the days");

	/* mklocal. */
	is_str(utc(aduan_time_mklocal(2024, 11, 28, 14, 5, 0)), "2024-11-28T06:05:00Z", "mklocal");
	is_str(utc(aduan_time_mklocal(2024, 12, 32, 0, 0, 0)), "2024-12-31T16:00:00Z",
	    "mklocal normalises 32 December");
	is_str(utc(aduan_time_mklocal(2024, 3, 0, 0, 0, 0)), "2024-02-28T16:00:00Z",
	    "mklocal: day 0 is the last of the month before");

	/* Days, minutes, seconds in WITA. */
	for (tap_rows_open(&tr, "2"); tap_rows_next(&tr);)
		is_str(span(tr.col[0], now), tr.col[1], tr.col[2]);
	is_int(aduan_time_parse("2024-11-28T14:05", now, &t), 0, "aduan_time_parse");
	is_int(t, 1732773900, "aduan_time_parse gives the start");
	is_int(aduan_time_parse("2024-11-31", now, &t), -1, "aduan_time_parse: -1 on error");
	is_int(aduan_time_span("2025-W53", now, &s2, &e2), -1, "aduan_time_span: -1 on error");
	/* What only a person says, in an option: a record's field takes none
	 * of it (a time column's "08.30" is no date). */
	{
		static const char *const said[] = {
			"08:30", "08.30", "Senin", "jumat 16:00", "kemarin 16.00", "hari ini 09:30",
			"Jumat pukul 10.00 WITA", NULL
		};
		int k;

		for (k = 0; said[k] != NULL; k++) {
			ok(aduan_time_parse(said[k], now, &t) == -1, "a record's field: not \"%s\"",
			    said[k]);
			ok(aduan_time_said(said[k], now, &t) == 0, "an option: \"%s\"", said[k]);
		}
		is_int(aduan_time_parse("Jumat, 27 November 2026", now, &t), 0,
		    "a record's field: a day's name before a written date");
		is_int(aduan_time_parse("kemarin", now, &t), 0, "a record's field: kemarin");
	}

	/* Months. */
	for (tap_rows_open(&tr, "3"); tap_rows_next(&tr);)
		is_str(span(tr.col[0], now), tr.col[1], tr.col[2]);
	for (tap_rows_open(&tr, "4"); tap_rows_next(&tr);)
		is_str(span(tr.col[0], atoll(tr.col[1])), tr.col[2], tr.col[3]);
	for (tap_rows_open(&tr, "5"); tap_rows_next(&tr);)
		is_str(span(tr.col[0], now), tr.col[1], tr.col[2]);
	is_str(span("minggu ini", 1732467600), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "minggu ini on a Monday 01:00");
	is_str(span("minggu ini", 1733036399), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "minggu ini on a Sunday 23:59");
	is_str(span("bulan ini", now), "2024-10-31T16:00:00Z 2024-11-30T16:00:00Z", "bulan ini");
	is_str(span("bulan lalu", now), "2024-09-30T16:00:00Z 2024-10-31T16:00:00Z", "bulan lalu");
	is_str(span("last month", 1735660800), "2024-11-30T16:00:00Z 2024-12-31T16:00:00Z",
	    "last month in January is December");
	for (tap_rows_open(&tr, "6"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(span(tr.col[1], now), tr.col[2], tr.col[3]);
		else
			ok(rejected(tr.col[1], now, tr.col[2]), "%s", tr.col[3]);

	/* Every year: W01 holds 4 January, the last week holds 28 December,
	 * weeks start on Monday, and W53 exists exactly when 28 December
	 * falls in it. */
	for (good = 1, yr = 1971; yr <= 2400; yr++) {
		time_t ws, we, d;
		struct tm tm;
		int last;

		snprintf(y, sizeof(y), "%d-W01", yr);
		d = aduan_time_mklocal(yr, 1, 4, 0, 0, 0);
		if (aduan_time_span(y, now, &ws, &we) != 0 || !(ws <= d && d < we) ||
		    localtime_r(&ws, &tm) == NULL || tm.tm_wday != 1 || we - ws != 7 * 86400)
			good = 0;
		d = aduan_time_mklocal(yr, 12, 28, 0, 0, 0);
		snprintf(y, sizeof(y), "%d-W53", yr);
		last = aduan_time_span(y, now, &ws, &we) == 0;
		if (!last) {
			snprintf(y, sizeof(y), "%d-W52", yr);
			if (aduan_time_span(y, now, &ws, &we) != 0)
				good = 0;
		}
		if (!(ws <= d && d < we) || localtime_r(&ws, &tm) == NULL || tm.tm_wday != 1)
			good = 0;
		if (!good) {
			printf("# failed for %d\n", yr);
			break;
		}
	}
	ok(good, "ISO weeks 1971-2400: W01, W52/W53, Mondays");

	/* A zone with daylight saving time. */
	zone("Europe/Berlin");
	is_str(local(now), "2024-11-28 07:05", "local: Berlin in winter is UTC+1");
	for (tap_rows_open(&tr, "7"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(local(atoll(tr.col[1])), tr.col[2], tr.col[3]);
		else if (tr.col[0][0] == '!')
			is_str(span(tr.col[1], now), tr.col[2], tr.col[3]);
		else
			ok(rejected(tr.col[1], now, "no such local time"), "%s", tr.col[2]);
	ok(aduan_time_span("2024-10-27T02:30", now, &s2, &e2) == 0 &&
	    (s2 == 1729989000 || s2 == 1729992600) && e2 - s2 == 60,
	    "02:30 on the fall-back day is one of its two moments");
	for (tap_rows_open(&tr, "8"); tap_rows_next(&tr);)
		is_str(span(tr.col[0], now), tr.col[1], tr.col[2]);
	is_str(span("today", now_be), "2024-03-30T23:00:00Z 2024-03-31T22:00:00Z",
	    "today on the jump day");
	is_str(span("yesterday", 1711965600), "2024-03-30T23:00:00Z 2024-03-31T22:00:00Z",
	    "yesterday, the day after the jump");
	is_str(span("-1d", now_be), "2024-03-29T23:00:00Z 2024-03-31T12:00:01Z",
	    "-1d across the jump starts at 00:00 CET");
	is_str(span("-12h", now_be), "2024-03-31T00:00:00Z 2024-03-31T12:00:01Z",
	    "-12h is 12 real hours");
	is_str(span("2026-W01", now), "2025-12-28T23:00:00Z 2026-01-04T23:00:00Z",
	    "2026-W01 in Berlin");
	is_str(utc(aduan_time_mklocal(2024, 7, 1, 12, 0, 0)), "2024-07-01T10:00:00Z",
	    "mklocal decides DST");

	/* An hour's time kept across calls is mktime's, in zones whose clocks
	 * change (by an hour, half an hour, a day; at midnight; in winter)
	 * and in one that has kept its time. */
	ok(hours_agree("Europe/Berlin", 2023, 2024), "local hours agree with mktime: Berlin");
	ok(hours_agree("America/New_York", 2006, 2008), "local hours: New York, before and after 2007");
	ok(hours_agree("Australia/Lord_Howe", 2024, 2024), "local hours: Lord Howe, half an hour");
	ok(hours_agree("Pacific/Apia", 2011, 2012), "local hours: Samoa, the day it skipped");
	ok(hours_agree("Pacific/Kwajalein", 1969, 1969), "local hours: Kwajalein, a day repeated");
	ok(hours_agree("America/Sao_Paulo", 2017, 2019), "local hours: Sao Paulo, at midnight");
	ok(hours_agree("Europe/Dublin", 2024, 2024), "local hours: Dublin, daylight saving in winter");
	ok(hours_agree("Africa/Casablanca", 2024, 2025), "local hours: Casablanca, Ramadan");
	ok(hours_agree("EST5EDT,M3.2.0,M11.1.0", 2024, 2024), "local hours: a POSIX rule");
	ok(hours_agree("Asia/Makassar", 1940, 1990), "local hours: Makassar since 1940");

	/* Back to WITA: TZ is read again on every call. */
	zone("Asia/Makassar");
	is_str(span("2024-11-28", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z",
	    "TZ changes take effect");
	is_str(local(now), "2024-11-28 14:05", "and local() follows");
	setenv("TZ", "UTC", 1);
	is_str(local(now), "2024-11-28 06:05", "even without a tzset() by the caller");

	/* Dates as people write them in Indonesia (WITA here). */
	zone("Asia/Makassar");
	{
		static const char *const cases[][2] = {
			{"27/11/2026 10:00", "2026-11-27T02:00:00Z 2026-11-27T02:01:00Z"},
			{"27-11-2026 10.00", "2026-11-27T02:00:00Z 2026-11-27T02:01:00Z"},
			{"27.11.2026 10.00.05", "2026-11-27T02:00:05Z 2026-11-27T02:00:06Z"},
			{"7/1/2026", "2026-01-06T16:00:00Z 2026-01-07T16:00:00Z"},
			{"27 Nov 2026", "2026-11-26T16:00:00Z 2026-11-27T16:00:00Z"},
			{"27 Nop. 2026", "2026-11-26T16:00:00Z 2026-11-27T16:00:00Z"},
			{"27 November 2026 pukul 10.00", "2026-11-27T02:00:00Z 2026-11-27T02:01:00Z"},
			{"Jumat, 27 November 2026 pukul 10.00", "2026-11-27T02:00:00Z 2026-11-27T02:01:00Z"},
			{"27 AGUSTUS 2026, 21:46", "2026-08-27T13:46:00Z 2026-08-27T13:47:00Z"},
			{"27/11/2026 jam 10.00 WIB", "2026-11-27T03:00:00Z 2026-11-27T03:01:00Z"},
			{"27/11/2026 10:00 WITA", "2026-11-27T02:00:00Z 2026-11-27T02:01:00Z"},
			{"1 Mei 2026 pkl. 7.05 WIT", "2026-04-30T22:05:00Z 2026-04-30T22:06:00Z"},
		};
		static const char *const bad[] = {
			"31/11/2026", "27/13/2026", "27 Brumaire 2026", "27/11-2026", "27/11/2026 25:00",
			"27/11/2026 10", "27/11/2026 10.00 PST", "Funday, 27/11/2026", "27/11/202",
			"27/11/2026 10:00 extra", "27-11-26", "27 Nov 26", "27/11/26",
		};
		size_t i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			is_str(span(cases[i][0], now), cases[i][1], cases[i][0]);
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			ok(rejected(bad[i], now, "invalid time"), "rejected: %s", bad[i]);
	}

	return tap_done();
}
