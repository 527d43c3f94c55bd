/* timeutil.h - times as people write them, as stored, and time zones (timeutil.c). */
#ifndef ADUAN_TIMEUTIL_H
#define ADUAN_TIMEUTIL_H

#include "aduan.h"

/*
 * Parse a time argument in local time: "2024-11-28", "2024-11-28T14:05",
 * "2024-11-28 14:05:33", "27/11/2024", "27 Nov 2024", "today", "yesterday",
 * "hari ini", "kemarin", "minggu lalu", "bulan ini", "-7d", "2024-W48", or a
 * full UTC/offset stamp ("2024-11-28T06:05:00Z", "...+08:00").  The
 * argument names a span [*start, *end): a day, a week, a minute, ...
 * Returns 0 or -1.
 */
int aduan_time_span(const char *s, time_t now, time_t *start, time_t *end);
/*
 * One moment (the start of the span) of a record's field: the forms
 * above but those that only an option takes, a day's name or a time
 * without a date ("Senin", "08.30", "kemarin 16.00": see human() in
 * timeutil.c); and of an option, aduan_time_said(), with them too.
 */
int aduan_time_parse(const char *s, time_t now, time_t *t);
int aduan_time_said(const char *s, time_t now, time_t *t);
/* Format t as UTC "YYYY-MM-DDTHH:MM:SSZ"; buf holds 21 bytes. */
char *aduan_time_utc(time_t t, char buf[21]);
/* Format t as local "YYYY-MM-DD HH:MM"; buf holds 32 bytes. */
char *aduan_time_local(time_t t, char buf[32]);
/* Parse a stored UTC stamp; -1 on failure. */
int aduan_time_from_utc(const char *s, time_t *t);
/*
 * The TZ value for a zone a person names: WIB, WITA and WIT (any case)
 * are Asia/Jakarta, Asia/Makassar and Asia/Jayapura; a zone name must
 * name a zone file ("Asia/Makassar", "UTC"; a bare city such as
 * "Makassar" is tried under Asia/); a POSIX string ("WITA-8", "<+08>-8")
 * is taken as it is, except UTC or GMT with an offset ("UTC+8"), whose
 * sign means the opposite of what its writer meant: refused, with the
 * right spelling in the message.  Caller frees; NULL with the reason.
 */
char *aduan_tz_lookup(const char *name);
/* Local date/time fields to time_t (mktime with DST decided by libc). */
time_t aduan_time_mklocal(int y, int mo, int d, int h, int mi, int s);
/*
 * The same for the whole hour y-mo-d h:00:00, asked for again and again
 * for hours near one another (an export's messages): wall is those
 * fields read as UTC.  The zone's offset is kept in *c with the span of
 * time it was found to hold over, and mktime is called only for an hour
 * outside that span.  c starts zeroed; it belongs to one TZ.
 */
struct aduan_hour_cache {
	time_t lo, hi;		/* the offset holds from lo to hi, */
	time_t off;		/* seconds east of UTC, */
	int have;		/* when have is set */
};
time_t aduan_time_local_hour(struct aduan_hour_cache *c, int y, int mo, int d, int h,
    time_t wall);

#endif
