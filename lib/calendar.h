/* calendar.h - day numbers of the proleptic Gregorian calendar (calendar.c). */
#ifndef ADUAN_CALENDAR_H
#define ADUAN_CALENDAR_H

/* Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. */
long aduan_day_from_civil(int y, int m, int d);
void aduan_day_to_civil(long day, int *y, int *m, int *d);
int aduan_day_weekday(long day);	/* 0 Sunday ... 6 Saturday */

#endif
