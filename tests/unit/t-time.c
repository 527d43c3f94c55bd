/* t-time.c - time arguments, UTC stamps and local time, in two zones. */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
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
	is_str(local(0), "1970-01-01 08:00", "local: the epoch in WITA");

	/* Stored stamps. */
	is_str(from_utc("2024-11-28T06:05:33Z"), "1732773933", "from_utc");
	is_str(from_utc("2024-11-28T06:05:33.000Z"), "1732773933", "from_utc with .000");
	is_str(from_utc("2024-11-28T06:05:33.999999Z"), "1732773933", "fraction dropped, not rounded");
	is_str(from_utc("1970-01-01T00:00:00Z"), "0", "from_utc: the epoch");
	is_str(from_utc("2024-02-29T00:00:00Z"), "1709164800", "from_utc: leap day");
	is_str(from_utc("2016-12-31T23:59:60Z"), "1483228800", "from_utc: leap second");
	is_str(from_utc("2024-11-28T06:05:33"), "ERR", "from_utc: no Z");
	is_str(from_utc("2024-11-28T06:05:33z"), "ERR", "from_utc: lower-case z");
	is_str(from_utc("2024-11-28 06:05:33Z"), "ERR", "from_utc: space for T");
	is_str(from_utc("2024-11-28T06:05Z"), "ERR", "from_utc: no seconds");
	is_str(from_utc("2024-11-28T06:05:33+00:00"), "ERR", "from_utc: offset");
	is_str(from_utc("2024-11-28T06:05:33.Z"), "ERR", "from_utc: empty fraction");
	is_str(from_utc("2024-11-28T06:05:33Zx"), "ERR", "from_utc: trailing junk");
	is_str(from_utc("2024-11-28"), "ERR", "from_utc: date only");
	is_str(from_utc(""), "ERR", "from_utc: empty");
	is_str(from_utc("2023-02-29T00:00:00Z"), "ERR", "from_utc: 29 February 2023");
	is_str(from_utc("2024-11-31T00:00:00Z"), "ERR", "from_utc: 31 November");
	is_str(from_utc("2024-11-28T24:00:00Z"), "ERR", "from_utc: hour 24");
	is_str(from_utc("2024-11-28T06:60:00Z"), "ERR", "from_utc: minute 60");
	is_str(from_utc("2024-11-28T06:05:61Z"), "ERR", "from_utc: second 61");
	is_str(from_utc("1969-12-31T23:59:59Z"), "ERR", "from_utc: before 1970");
	is_str(from_utc("2024-1-28T06:05:33Z"), "ERR", "from_utc: one-digit month");
	is_str(aduan_errmsg(), "invalid UTC time \"2024-1-28T06:05:33Z\": expected YYYY-MM-DDTHH:MM:SSZ",
	    "from_utc: message");
	for (good = 1, t = 0; t < 253402300799; t += 86400 * 97 + 3607) {
		char b[21];
		time_t back;

		if (aduan_time_from_utc(aduan_time_utc(t, b), &back) != 0 || back != t)
			good = 0;
	}
	ok(good, "utc and from_utc round-trip from 1970 to 9999");

	/* mklocal. */
	is_str(utc(aduan_time_mklocal(2024, 11, 28, 14, 5, 0)), "2024-11-28T06:05:00Z", "mklocal");
	is_str(utc(aduan_time_mklocal(2024, 12, 32, 0, 0, 0)), "2024-12-31T16:00:00Z",
	    "mklocal normalises 32 December");
	is_str(utc(aduan_time_mklocal(2024, 3, 0, 0, 0, 0)), "2024-02-28T16:00:00Z",
	    "mklocal: day 0 is the last of the month before");

	/* Days, minutes, seconds in WITA. */
	is_str(span("2024-11-28", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z", "a day");
	is_str(span("2024-11-28T14:05", now), "2024-11-28T06:05:00Z 2024-11-28T06:06:00Z", "a minute");
	is_str(span("2024-11-28 14:05", now), "2024-11-28T06:05:00Z 2024-11-28T06:06:00Z",
	    "a minute, space");
	is_str(span("2024-11-28t14:05", now), "2024-11-28T06:05:00Z 2024-11-28T06:06:00Z",
	    "a minute, lower-case t");
	is_str(span("2024-11-28T14:05:33", now), "2024-11-28T06:05:33Z 2024-11-28T06:05:34Z",
	    "a second");
	is_str(span("2024-11-28 14:05:33.250", now), "2024-11-28T06:05:33Z 2024-11-28T06:05:34Z",
	    "a second with a fraction");
	is_str(span("2024-11-28T00:00", now), "2024-11-27T16:00:00Z 2024-11-27T16:01:00Z", "midnight");
	is_str(span("2024-11-28T23:59:59", now), "2024-11-28T15:59:59Z 2024-11-28T16:00:00Z",
	    "the day's last second");
	is_str(span("2016-12-31T23:59:60", now), "2016-12-31T16:00:00Z 2016-12-31T16:00:01Z",
	    "second 60 counts as the next minute's first");
	is_str(span("2024-02-29", now), "2024-02-28T16:00:00Z 2024-02-29T16:00:00Z", "leap day");
	is_str(span("2000-02-29", now), "2000-02-28T16:00:00Z 2000-02-29T16:00:00Z",
	    "2000 is a leap year");
	is_str(span("2024-12-31", now), "2024-12-30T16:00:00Z 2024-12-31T16:00:00Z",
	    "31 December");
	is_str(span("1970-01-01", now), "1969-12-31T16:00:00Z 1970-01-01T16:00:00Z",
	    "1 January 1970 (local, so before the epoch)");
	is_str(span("9999-12-31", now), "9999-12-30T16:00:00Z 9999-12-31T16:00:00Z", "year 9999");
	is_int(aduan_time_parse("2024-11-28T14:05", now, &t), 0, "aduan_time_parse");
	is_int(t, 1732773900, "aduan_time_parse gives the start");
	is_int(aduan_time_parse("2024-11-31", now, &t), -1, "aduan_time_parse: -1 on error");
	is_int(aduan_time_span("2025-W53", now, &s2, &e2), -1, "aduan_time_span: -1 on error");

	/* Months. */
	is_str(span("2024-11", now), "2024-10-31T16:00:00Z 2024-11-30T16:00:00Z", "a month");
	is_str(span("2024-12", now), "2024-11-30T16:00:00Z 2024-12-31T16:00:00Z", "December");
	is_str(span("2024-02", now), "2024-01-31T16:00:00Z 2024-02-29T16:00:00Z", "leap February");

	/* Words. */
	is_str(span("now", now), "2024-11-28T06:05:33Z 2024-11-28T06:05:34Z", "now");
	is_str(span("today", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z", "today");
	is_str(span("yesterday", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "yesterday");
	is_str(span("today", 1732723199), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z",
	    "today at 23:59:59 WITA (15:59:59Z)");
	is_str(span("today", 1732723200), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z",
	    "today at 00:00 WITA (16:00Z)");
	is_str(span("yesterday", 1735660800), "2024-12-30T16:00:00Z 2024-12-31T16:00:00Z",
	    "yesterday on 1 January");
	is_str(span("Today", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z", "words in any case");
	is_str(span("hari ini", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z", "hari ini");
	is_str(span("kemarin", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "kemarin");
	is_str(span("sekarang", now), "2024-11-28T06:05:33Z 2024-11-28T06:05:34Z", "sekarang");
	is_str(span("minggu ini", now), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "minggu ini: Monday 00:00 to the next Monday");
	is_str(span("this week", now), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z", "this week");
	is_str(span("Minggu  Lalu", now), "2024-11-17T16:00:00Z 2024-11-24T16:00:00Z",
	    "minggu lalu, any case and spacing");
	is_str(span("last week", now), "2024-11-17T16:00:00Z 2024-11-24T16:00:00Z", "last week");
	is_str(span("minggu ini", 1732467600), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "minggu ini on a Monday 01:00");
	is_str(span("minggu ini", 1733036399), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "minggu ini on a Sunday 23:59");
	is_str(span("bulan ini", now), "2024-10-31T16:00:00Z 2024-11-30T16:00:00Z", "bulan ini");
	is_str(span("bulan lalu", now), "2024-09-30T16:00:00Z 2024-10-31T16:00:00Z", "bulan lalu");
	is_str(span("last month", 1735660800), "2024-11-30T16:00:00Z 2024-12-31T16:00:00Z",
	    "last month in January is December");
	is_str(span("this month", now), "2024-10-31T16:00:00Z 2024-11-30T16:00:00Z", "this month");

	/* Day first, as written in Indonesia. */
	is_str(span("27/11/2024", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "27/11/2024");
	is_str(span("7/1/2025", now), "2025-01-06T16:00:00Z 2025-01-07T16:00:00Z", "7/1/2025: day first");
	is_str(span("27.11.2024", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "27.11.2024");
	is_str(span("27-11-2024", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "27-11-2024");
	is_str(span("27 Nov 2024", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z", "27 Nov 2024");
	is_str(span("27 november 2024", now), "2024-11-26T16:00:00Z 2024-11-27T16:00:00Z",
	    "27 november 2024");
	is_str(span("17 Agustus 2024", now), "2024-08-16T16:00:00Z 2024-08-17T16:00:00Z",
	    "17 Agustus 2024");
	is_str(span("17 Agt 2024", now), "2024-08-16T16:00:00Z 2024-08-17T16:00:00Z", "17 Agt 2024");
	is_str(span("1 Mei 2024", now), "2024-04-30T16:00:00Z 2024-05-01T16:00:00Z", "1 Mei 2024");
	is_str(span("5 Okt 2024", now), "2024-10-04T16:00:00Z 2024-10-05T16:00:00Z", "5 Okt 2024");
	is_str(span("25 Des 2024", now), "2024-12-24T16:00:00Z 2024-12-25T16:00:00Z", "25 Des 2024");
	is_str(span("27 Nov 2024 14.05", now), "2024-11-27T06:05:00Z 2024-11-27T06:06:00Z",
	    "27 Nov 2024 14.05: a minute");
	is_str(span("27/11/2024 14:05:33", now), "2024-11-27T06:05:33Z 2024-11-27T06:05:34Z",
	    "27/11/2024 14:05:33: a second");
	ok(rejected("31/02/2024", now, "day out of range"), "31/02/2024");
	ok(rejected("27/13/2024", now, "month out of range"), "27/13/2024");
	ok(rejected("27/11/24", now, "four digits"), "27/11/24: the year in full");
	ok(rejected("27 Foo 2024", now, "expected"), "27 Foo 2024");
	ok(rejected("27 No 2024", now, "expected"), "a month needs three letters");
	ok(rejected("27/11-2024", now, "expected"), "mixed separators");
	ok(rejected("27/11/2024 25:00", now, "hour out of range"), "27/11/2024 25:00");
	ok(rejected("tomorrow", now, "expected"), "tomorrow is not a time argument");

	/* Relative. */
	is_str(span("-7d", now), "2024-11-20T16:00:00Z 2024-11-28T06:05:34Z", "-7d: 00:00 7 days back");
	is_str(span("-0d", now), "2024-11-27T16:00:00Z 2024-11-28T06:05:34Z", "-0d: today so far");
	is_str(span("-1d", now), "2024-11-26T16:00:00Z 2024-11-28T06:05:34Z", "-1d");
	is_str(span("-30d", now), "2024-10-28T16:00:00Z 2024-11-28T06:05:34Z", "-30d across a month");
	is_str(span("-365d", now), "2023-11-28T16:00:00Z 2024-11-28T06:05:34Z", "-365d");
	is_str(span("-2w", now), "2024-11-13T16:00:00Z 2024-11-28T06:05:34Z", "-2w is -14d");
	is_str(span("-12h", now), "2024-11-27T18:05:33Z 2024-11-28T06:05:34Z", "-12h exactly");
	is_str(span("-007d", now), "2024-11-20T16:00:00Z 2024-11-28T06:05:34Z", "leading zeros");
	ok(rejected("-7", now, "expected -Nd"), "-7");
	ok(rejected("-d", now, "expected -Nd"), "-d");
	ok(rejected("-", now, "expected -Nd"), "-");
	ok(rejected("-7x", now, "expected -Nd"), "-7x");
	ok(rejected("-7m", now, "expected -Nd"), "-7m (minutes or months: neither)");
	ok(rejected("-7dd", now, "expected -Nd"), "-7dd");
	ok(rejected("-7 d", now, "expected -Nd"), "-7 d");
	ok(rejected("-1234567d", now, "expected -Nd"), "seven digits");
	ok(rejected("+7d", now, "expected"), "+7d");
	ok(rejected("7d", now, "expected"), "7d");
	ok(rejected("-99999d", now, "before 1970"), "-99999d reaches before 1970");
	ok(rejected("-999999h", now, "before 1970"), "-999999h reaches before 1970");

	/* Full stamps: the zone decides, not TZ. */
	is_str(span("2024-11-28T06:05:00Z", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z", "Z");
	is_str(span("2024-11-28T06:05:00z", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z", "z");
	is_str(span("2024-11-28T06:05:00.000Z", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "Z with .000");
	is_str(span("2024-11-28 06:05:00Z", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "space and Z");
	is_str(span("2024-11-28T14:05:00+08:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "+08:00");
	is_str(span("2024-11-28T14:05:00+0800", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "+0800");
	is_str(span("2024-11-28T14:05:00+08", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "+08");
	is_str(span("2024-11-28T01:05:00-05:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "-05:00");
	is_str(span("2024-11-28T11:50:00+05:45", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "+05:45 (Nepal)");
	is_str(span("2024-11-28T00:05:00-06:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "-06:00");
	is_str(span("2024-11-28T06:05:00-00:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "-00:00");
	is_str(span("2024-11-28T14:05+08:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:06:00Z",
	    "a minute with an offset");
	is_str(span("2024-11-28T14:05:00.123456789+08:00", now),
	    "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z", "fraction and offset");
	is_str(span("2024-01-01T02:00:00+08:00", now), "2023-12-31T18:00:00Z 2023-12-31T18:00:01Z",
	    "an offset that changes the year");
	ok(rejected("2024-11-28T14:05:00+24:00", now, "UTC offset out of range"), "+24:00");
	ok(rejected("2024-11-28T14:05:00+08:60", now, "UTC offset out of range"), "+08:60");
	ok(rejected("2024-11-28T14:05:00+8:00", now, "bad UTC offset"), "+8:00");
	ok(rejected("2024-11-28T14:05:00+08:0", now, "bad UTC offset"), "+08:0");
	ok(rejected("2024-11-28T14:05:00+", now, "bad UTC offset"), "+ alone");
	ok(rejected("2024-11-28T14:05:00+080", now, "bad UTC offset"), "+080");
	ok(rejected("2024-11-28T14:05:00ZZ", now, "unexpected text"), "ZZ");
	ok(rejected("2024-11-28T14:05:00+08:00x", now, "unexpected text"), "junk after the offset");
	ok(rejected("2024-11-28T14:05:00 Z", now, "unexpected text"), "space before Z");
	ok(rejected("2024-11-28Z", now, "unexpected text"), "a zone needs a time");
	ok(rejected("2024-11-28T14:05:00.Z", now, "expected"), "empty fraction");
	ok(rejected("2024-11-28T14:05.5", now, "unexpected text"), "fraction of a minute");

	/* Checked ranges. */
	ok(rejected("2024-13-01", now, "month out of range"), "month 13");
	ok(rejected("2024-00-10", now, "month out of range"), "month 0");
	ok(rejected("2024-13", now, "month out of range"), "month 13 alone");
	ok(rejected("2024-11-00", now, "day out of range"), "day 0");
	ok(rejected("2024-11-31", now, "day out of range"), "31 November");
	ok(rejected("2024-04-31", now, "day out of range"), "31 April");
	ok(rejected("2024-01-32", now, "day out of range"), "32 January");
	ok(rejected("2023-02-29", now, "day out of range"), "29 February 2023");
	ok(rejected("2100-02-29", now, "day out of range"), "2100 is not a leap year");
	ok(rejected("2024-11-28T24:00", now, "hour out of range"), "hour 24");
	ok(rejected("2024-11-28T14:60", now, "minute out of range"), "minute 60");
	ok(rejected("2024-11-28T14:05:61", now, "second out of range"), "second 61");
	ok(rejected("1969-12-31", now, "year out of range"), "1969");
	ok(rejected("0000-01-01", now, "year out of range"), "year 0");
	ok(rejected("1969-12-31T23:00:00Z", now, "year out of range"), "1969 with Z");
	ok(rejected("10000-01-01", now, "expected"), "five-digit year");
	is_str(span("2024-13-01", now), "ERR: invalid time \"2024-13-01\": month out of range",
	    "the message names the argument");

	/* Malformed. */
	ok(rejected("", now, "expected"), "empty");
	ok(rejected("2024", now, "expected"), "a year alone");
	ok(rejected("2024-1-5", now, "expected"), "one-digit month and day");
	ok(rejected("2024-11-5", now, "expected"), "one-digit day");
	ok(rejected("24-11-28", now, "expected"), "two-digit year");
	is_str(span("28/11/2024", now), "2024-11-27T16:00:00Z 2024-11-28T16:00:00Z",
	    "day-first slashes are a day (not an error)");
	ok(rejected("2024/11/28", now, "expected"), "slashes");
	ok(rejected(" 2024-11-28", now, "expected"), "leading space");
	ok(rejected("2024-11-28 ", now, "expected"), "trailing space");
	ok(rejected("2024-11-28T", now, "expected"), "T alone");
	ok(rejected("2024-11-28T14", now, "expected"), "an hour alone");
	ok(rejected("2024-11-28T14:5", now, "expected"), "one-digit minute");
	ok(rejected("2024-11-28T14:05:3", now, "expected"), "one-digit second");
	ok(rejected("2024-11-28x", now, "unexpected text"), "trailing junk after a day");
	ok(rejected("2024-11x", now, "unexpected text"), "trailing junk after a month");
	ok(rejected("2024-11-28T14:05:33x", now, "unexpected text"), "trailing junk after a second");
	ok(rejected("2024-11-28T14:05junk", now, "unexpected text"), "trailing junk after a minute");

	/* ISO weeks. */
	is_str(span("2024-W48", now), "2024-11-24T16:00:00Z 2024-12-01T16:00:00Z",
	    "2024-W48: Monday 25 November");
	is_str(span("2024-W01", now), "2023-12-31T16:00:00Z 2024-01-07T16:00:00Z",
	    "2024-W01 starts 2024-01-01");
	is_str(span("2026-W01", now), "2025-12-28T16:00:00Z 2026-01-04T16:00:00Z",
	    "2026-W01 starts 2025-12-29");
	is_str(span("2021-W01", now), "2021-01-03T16:00:00Z 2021-01-10T16:00:00Z",
	    "2021-W01 starts 2021-01-04");
	is_str(span("2020-W53", now), "2020-12-27T16:00:00Z 2021-01-03T16:00:00Z",
	    "2020-W53 starts 2020-12-28");
	is_str(span("2026-W53", now), "2026-12-27T16:00:00Z 2027-01-03T16:00:00Z",
	    "2026-W53 starts 2026-12-28");
	is_str(span("2015-W53", now), "2015-12-27T16:00:00Z 2016-01-03T16:00:00Z",
	    "2015-W53 (1 January a Thursday)");
	is_str(span("2025-W52", now), "2025-12-21T16:00:00Z 2025-12-28T16:00:00Z",
	    "2025-W52 is the last of 2025");
	ok(rejected("2025-W53", now, "no such week"), "2025-W53 does not exist");
	ok(rejected("2024-W53", now, "no such week"), "2024-W53 (leap, starts Monday) does not exist");
	ok(rejected("2024-W00", now, "no such week"), "W00");
	ok(rejected("2024-W54", now, "no such week"), "W54");
	ok(rejected("2024-W1", now, "expected"), "one-digit week");
	ok(rejected("2024-w48", now, "expected"), "lower-case w");
	ok(rejected("2024-W48-1", now, "expected"), "ISO week date with a day");
	ok(rejected("1969-W01", now, "year out of range"), "1969-W01");

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
	is_str(local(1711846800), "2024-03-31 03:00", "local: 01:00Z on the jump is 03:00 CEST");
	is_str(local(1711846799), "2024-03-31 01:59", "local: a second before is 01:59 CET");
	is_str(span("2024-11-28", now), "2024-11-27T23:00:00Z 2024-11-28T23:00:00Z", "a day in CET");
	is_str(span("2024-07-01", now), "2024-06-30T22:00:00Z 2024-07-01T22:00:00Z", "a day in CEST");
	is_str(span("2024-03-31", now), "2024-03-30T23:00:00Z 2024-03-31T22:00:00Z",
	    "the spring-forward day has 23 hours");
	is_str(span("2024-10-27", now), "2024-10-26T22:00:00Z 2024-10-27T23:00:00Z",
	    "the fall-back day has 25 hours");
	is_str(span("2024-03-31T01:59:59", now), "2024-03-31T00:59:59Z 2024-03-31T01:00:00Z",
	    "the last second before the jump");
	is_str(span("2024-03-31T03:00", now), "2024-03-31T01:00:00Z 2024-03-31T01:01:00Z",
	    "the first minute after the jump");
	ok(rejected("2024-03-31T02:30", now, "no such local time"), "02:30 on the jump does not exist");
	ok(rejected("2024-03-31 02:00:00", now, "no such local time"), "02:00:00 neither");
	ok(aduan_time_span("2024-10-27T02:30", now, &s2, &e2) == 0 &&
	    (s2 == 1729989000 || s2 == 1729992600) && e2 - s2 == 60,
	    "02:30 on the fall-back day is one of its two moments");
	is_str(span("2024-W13", now), "2024-03-24T23:00:00Z 2024-03-31T22:00:00Z",
	    "the week of the jump is 167 hours");
	is_str(span("2024-W44", now), "2024-10-27T23:00:00Z 2024-11-03T23:00:00Z",
	    "2024-W44 in CET");
	is_str(span("2024-03", now), "2024-02-29T23:00:00Z 2024-03-31T22:00:00Z",
	    "March: from CET to CEST");
	is_str(span("2024-11-28T14:05:00+08:00", now), "2024-11-28T06:05:00Z 2024-11-28T06:05:01Z",
	    "a stamp with an offset ignores TZ");
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
