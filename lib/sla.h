/*
 * sla.h - due dates in working days: the calendar, holidays, the
 * working days an agency or a priority is given (sla.c).
 */
#ifndef ADUAN_SLA_H
#define ADUAN_SLA_H

#include "aduan.h"
#include "db.h"

/*
 * The day n working days after day: Monday to Friday, skipping the days
 * for which is_holiday() returns 1 (it may be NULL).  The start day
 * itself never counts.  Pure: no database.
 */
long aduan_workdays_add(long day, int n, int (*is_holiday)(long day, void *arg), void *arg);

/*
 * Working days a complaint is given: the agency's sla_days when it has
 * one, else the setting sla.PRIORITY; an urgent complaint never gets
 * more than sla.urgent.  agency may be NULL.
 */
int aduan_sla_days(struct aduan_db *db, const char *priority, const char *agency, int *days);
/* Due date for a complaint received at received (UTC stamp): the end
 * (23:59:59 local) of the days-th working day after the day of receipt,
 * holidays from the holiday table.  out holds 21 bytes. */
int aduan_sla_due(struct aduan_db *db, const char *received, int days, char out[21]);

/* Working days a complaint due at due (UTC stamp) is late at now: the
 * working days after the due day up to today, at least 1 once past due;
 * 0 when not yet due. */
int aduan_sla_late(struct aduan_db *db, const char *due, time_t now, long *days);

/* Holidays: "YYYY-MM-DD" checked, name non-empty. */
int aduan_holiday_add(struct aduan_db *db, const char *day, const char *name);
int aduan_holiday_rm(struct aduan_db *db, const char *day);
/* Add or update every row (day, name) of a TSV file; *n rows read. */
int aduan_holiday_load(struct aduan_db *db, const char *path, long *n);

#endif
