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
/*
 * The complaint described once (complaint.c): every place that names the
 * fields (the INSERT, the writers' columns, the readers' headers, the
 * masking of exports, aduan-edit's options, -f lists) takes them from
 * aduan_fields[]; tests/unit/t-field.c holds it against the schema.
 */
enum aduan_ftype { AT_TEXT, AT_INT, AT_REAL, AT_BOOL };
enum {
	AFF_REQUIRED = 1,	/* NOT NULL in the table: never made empty */
	AFF_ENTERED = 2,	/* a person enters it; else the record's own bookkeeping */
	AFF_TIME = 4,		/* a UTC stamp, shown in local time */
	AFF_LONG = 8,		/* text of up to 64 KiB (else 256 bytes) */
	AFF_DUE = 16,		/* a change moves the due date */
	AFF_PRIOR = 32		/* kept in every event's prior: undo puts it back */
};
/* How a file meant for others shows a field (UU PDP No. 27/2022). */
enum aduan_fprivacy {
	APV_PUBLIC,	/* as stored */
	APV_PLACE,	/* left out of a confidential complaint; a purge keeps it */
	APV_SPOT,	/* left out of a confidential complaint; a purge removes it */
	APV_IDENTITY,	/* left out of an anonymous or confidential complaint (the
			   body: "(withheld)"); a purge removes it */
	APV_MASKED,	/* masked (initials, phone); else as APV_IDENTITY */
	APV_KEY		/* never shown to others; a purge keeps a hash of it */
};
struct aduan_field {
	const char *name;	/* the SQL column, CSV header and JSON key */
	enum aduan_ftype type;
	const char *const *words;	/* the allowed words (the CHECK), or NULL */
	const char *dflt;	/* the word when none is given, or NULL */
	int flags;		/* AFF_* */
	enum aduan_fprivacy privacy;
	const char *edit;	/* aduan-edit's option, or NULL: not corrected there */
	int width;		/* a worksheet column's width, in characters */
};
extern const struct aduan_field aduan_fields[ADUAN_NFIELDS];
/* Field index by name, or -1. */
int aduan_field_lookup(const char *name, size_t len);
/* Bind s, a value of field i as text, to parameter col by the field's
 * type (NULL binds null; s must outlive the statement's step). */

extern const char *const aduan_channels[];	/* NULL-terminated */
extern const char *const aduan_priorities[];
extern const char *const aduan_statuses[];	/* indexed by enum aduan_status */
extern const char *const aduan_resolutions[];
/* A complaint's status: aduan_statuses[AS_OPEN] is "open", and so on. */
enum aduan_status { AS_OPEN, AS_ROUTED, AS_CLOSED, AS_NSTATUS };
/* Whether s (a stored status, may be NULL) is status st. */
int aduan_status_is(const char *s, enum aduan_status st);
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
