/*
 * field.h - the complaint described once (field.c): its fields, the words
 * of the data, the status transitions.
 */
#ifndef ADUAN_FIELD_H
#define ADUAN_FIELD_H

#include <stddef.h>
#include <stdint.h>

/*
 * The complaint described once (field.c): every place that names the
 * fields (the INSERT, the writers' columns, the readers' headers, the
 * masking of exports, aduan-edit's options, -f lists) takes them from
 * aduan_fields[]; tests/unit/t-field.c holds it against the schema.
 */
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
/* What is done to a complaint, as the status transitions know it. */
enum aduan_action {
	AA_ROUTE,	/* forwarded to an agency by hand (aduan-route --to) */
	AA_ROUTE_AUTO,	/* forwarded by the rules (aduan-route --auto) */
	AA_CLOSE,	/* closed: resolved, rejected (not a complaint), duplicate, withdrawn */
	AA_REOPEN,	/* opened again (aduan-close --reopen) */
	AA_NOTE,	/* a follow-up note: the status stays */
	AA_NACTIONS
};
/*
 * The status transitions, one table (field.c): whether action a may be
 * taken on complaint id, now in status with agency (NULL when none).
 * 0 with *to the status it leaves the complaint in (borrowed: status or
 * a word of aduan_statuses[]), or ADUAN_NOMATCH with the reason
 * ("complaint 4 is already closed").
 */
int aduan_transition(enum aduan_action a, int64_t id, const char *status, const char *agency,
    const char **to);
/* Index of s in a NULL-terminated list (any case), or -1. */
int aduan_word_index(const char *const *list, const char *s);
/* The same for a list of format names, where "json" is "jsonl". */
int aduan_format_index(const char *const *names, const char *s);
/* The list's word that s names, directly or by a synonym an operator
 * types ("wa" for whatsapp, "telepon" for phone, "darurat" for urgent);
 * NULL when none. */
const char *aduan_word_canon(const char *const *list, const char *s);

#endif
