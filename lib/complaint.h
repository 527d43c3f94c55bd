/*
 * complaint.h - the complaint record: its fields and words, checked and
 * normalised on intake, inserted, found again (complaint.c).
 */
#ifndef ADUAN_COMPLAINT_H
#define ADUAN_COMPLAINT_H

#include "aduan.h"
#include "db.h"

enum aduan_field_id {
	AF_ID, AF_UID, AF_SOURCE_KEY, AF_RECEIVED_AT, AF_CREATED_AT,
	AF_CHANNEL, AF_SOURCE, AF_REPORTER_NAME, AF_REPORTER_PHONE,
	AF_ANONYMOUS, AF_CONFIDENTIAL, AF_KELURAHAN, AF_RT, AF_LOCATION,
	AF_LAT, AF_LON, AF_CATEGORY, AF_BODY, AF_ATTACHMENTS, AF_PRIORITY,
	AF_STATUS, AF_AGENCY, AF_DUE_AT, AF_CLOSED_AT, AF_RESOLUTION,
	AF_DUPLICATE_OF,
	ADUAN_NFIELDS
};
enum aduan_ftype { AT_TEXT, AT_INT, AT_REAL, AT_BOOL };
struct aduan_field {
	const char *name;
	enum aduan_ftype type;
};
extern const struct aduan_field aduan_fields[ADUAN_NFIELDS];
/* Field index by name, or -1. */
int aduan_field_lookup(const char *name, size_t len);
/* Bind s, a value of field i as text, to parameter col by the field's
 * type (NULL binds null; s must outlive the statement's step). */

extern const char *const aduan_channels[];	/* NULL-terminated */
extern const char *const aduan_priorities[];
extern const char *const aduan_statuses[];
extern const char *const aduan_resolutions[];
/* Index of s in a NULL-terminated list (any case), or -1. */
int aduan_word_index(const char *const *list, const char *s);
/* The list's word that s names, directly or by a synonym an operator
 * types ("wa" for whatsapp, "telepon" for phone, "darurat" for urgent);
 * NULL when none. */
const char *aduan_word_canon(const char *const *list, const char *s);

/* RT numbers: "5", "05", "RT 005", "rt.5" all become "005"; -1 if not one. */
int aduan_rt_normalize(const char *s, char out[8]);

/*
 * One complaint as text fields: v[i] is NULL when absent, otherwise an
 * owned NUL-terminated string.  Booleans are "0"/"1", times UTC stamps
 * once normalised.
 */
struct aduan_complaint {
	char *v[ADUAN_NFIELDS];
};
void aduan_complaint_init(struct aduan_complaint *c);
void aduan_complaint_release(struct aduan_complaint *c);
/* Set field i to a copy of s[0..n) (s NULL: clear it). */
void aduan_complaint_set(struct aduan_complaint *c, int i, const char *s, size_t n);
void aduan_complaint_sets(struct aduan_complaint *c, int i, const char *s);

/*
 * Check and normalise c in place against the database: known channel,
 * priority, kelurahan (aliases folded to the canonical name), agency;
 * phone to E.164; times to UTC; defaults filled (received_at, channel,
 * priority, status; the uid is made by aduan_complaint_insert).  Returns 0 or ADUAN_DATAERR with a reason.
 */
int aduan_complaint_check(struct aduan_db *db, struct aduan_complaint *c, time_t now);
/*
 * The same, going on past a bad field to find every problem of the
 * record: fn (if not NULL) receives each one, with the field it
 * concerns (-1: the record as a whole) and its message, borrowed for the
 * call.  The return value and aduan_errmsg() are aduan_complaint_check()'s,
 * the messages joined with "; ".
 */
int aduan_complaint_check_all(struct aduan_db *db, struct aduan_complaint *c, time_t now,
    void (*fn)(int field, const char *msg, void *arg), void *arg);

/*
 * Insert a checked complaint and its "create" event.  Sets *id to the new
 * id, or to 0 when a complaint with the same uid or source_key is already
 * present (nothing written).
 */
int aduan_complaint_insert(struct aduan_db *db, struct aduan_complaint *c, int64_t *id);

/* Whether a complaint with c's uid or source_key is already stored. */
int aduan_complaint_present(struct aduan_db *db, const struct aduan_complaint *c, int *present);
/* Is there a complaint whose source_key is in [lo, hi)?  Into *any. */
int aduan_complaint_key_between(struct aduan_db *db, const char *lo, const char *hi, int *any);

/* Likely duplicates of complaint id: calls fn for each earlier id. */
int aduan_complaint_similar(struct aduan_db *db, int64_t id,
    void (*fn)(int64_t other, const char *why, void *arg), void *arg);

#endif
