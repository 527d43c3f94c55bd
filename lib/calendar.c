/*
 * calendar.c - day numbers of the proleptic Gregorian calendar.  Plain
 * arithmetic on integers that needs no other part of the library, so that
 * the generators of bench/ build with this file alone.
 */
#include "calendar.h"

/* Howard Hinnant's days_from_civil. */
long
aduan_day_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* And his civil_from_days. */
void
aduan_day_to_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
aduan_day_weekday(long day)
{
	long w = (day + 4) % 7;	/* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}
