/*
 * complaint.h - the complaint record (its fields: field.h), checked and
 * normalised on intake, inserted, found again (complaint.c).
 */
#ifndef ADUAN_COMPLAINT_H
#define ADUAN_COMPLAINT_H

#include <string.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "util.h"

/* RT numbers: "5", "05", "RT 005", "rt.5" all become "005"; -1 if not one. */
int aduan_rt_normalize(const char *s, char out[8]);

/*
 * One complaint as text fields: v[i] is NULL when absent, otherwise a
 * NUL-terminated string the complaint owns.  Booleans are "0"/"1", times
 * UTC stamps once normalised.  v[] is written only by the functions
 * here: set fields with aduan_complaint_set (a copy), or give one a
 * string of one's own from malloc with aduan_complaint_give; a string
 * in v[i] is changed or freed only by them.
 */
struct aduan_complaint {
	char *v[ADUAN_NFIELDS];
	int looked_up;	/* the caller found no complaint with this source_key
			 * or its purged hash: the insert need not look again */
	int kelurahan_known;	/* the caller took the kelurahan from the kelurahan
				 * table in this transaction, with no blank at either
				 * end: the check need not look it up again */
	/* (private) bit i: v[i] is not NULL, kept so by the functions that
	 * write v[], so that the check and the clear visit only the dozen
	 * fields a record has of its twenty-six */
	uint32_t set;
	/* (private) bit i: v[i] is the field's own string holding the stamp
	 * aduan_complaint_set_time wrote of room[i].t, which the check need
	 * not read back; any other setting of the field takes the bit away */
	uint32_t stamped;
	/* (private) bit i: v[i] is a string given with aduan_complaint_give,
	 * not the field's own */
	uint32_t given;
	/* each field's own string, of size bytes (private): what
	 * aduan_complaint_set puts in v[i] and fills again, field after
	 * field and complaint after complaint, while it has room; kept when
	 * the field is cleared; len its length while v[i] is s; t the time
	 * of its stamp while the field's bit of stamped is set */
	struct aduan_complaint_room {
		char *s;
		size_t size, len;
		time_t t;
	} room[ADUAN_NFIELDS];
};
void aduan_complaint_init(struct aduan_complaint *c);
void aduan_complaint_release(struct aduan_complaint *c);
/*
 * Every field cleared (and the flags), as after aduan_complaint_init, but
 * their strings kept for the next complaint's fields: a batch that fills
 * one complaint after another allocates little.  Release it at the end.
 */
void aduan_complaint_clear(struct aduan_complaint *c);
/* aduan_complaint_set but for the field's own string with room. */
void aduan_complaint_set_else(struct aduan_complaint *c, int i, const char *s, size_t n);
/* Set field i to a copy of s[0..n) (s NULL: clear it): inline into the
 * field's own string while it has room, as a batch's fields mostly do
 * (always: the check sets a few fields, and a call each cost more). */
static inline __attribute__((always_inline)) void
aduan_complaint_set(struct aduan_complaint *c, int i, const char *s, size_t n)
{
	struct aduan_complaint_room *r = &c->room[i];
	char *p;

	if (s != NULL && r->size > n && (c->v[i] == NULL || c->v[i] == r->s)) {
		c->v[i] = r->s;
		c->set |= UINT32_C(1) << i;
		c->stamped &= ~(UINT32_C(1) << i);
		r->len = n;
		p = r->s;
		aduan_move(p, s, n);	/* s may lie in it */
		p[n] = '\0';
	} else
		aduan_complaint_set_else(c, i, s, n);
}
static inline void
aduan_complaint_sets(struct aduan_complaint *c, int i, const char *s)
{
	aduan_complaint_set(c, i, s, s ? strlen(s) : 0);
}
/* Field i given s, a string from malloc (NULL: cleared), which the
 * complaint owns from now on. */
void aduan_complaint_give(struct aduan_complaint *c, int i, char *s);
/* Field i set to the stored stamp of t, as aduan_time_utc writes it; the
 * check knows it for a good stamp of t without reading it again. */
void aduan_complaint_set_time(struct aduan_complaint *c, int i, time_t t);

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

/* Complaint id as stored, every field as text, into c (initialised
 * here; release it also after a failure).  ADUAN_NOMATCH "no such
 * complaint: ID" when there is none. */
int aduan_complaint_get(struct aduan_db *db, int64_t id, struct aduan_complaint *c);
/* Whether complaint id exists. */
int aduan_complaint_exists(struct aduan_db *db, int64_t id, int *yes);
/* Whether a complaint with c's uid or source_key is already stored. */
int aduan_complaint_present(struct aduan_db *db, const struct aduan_complaint *c, int *present);
/* Is there a complaint whose source_key is in [lo, hi)?  Into *any. */
int aduan_complaint_key_between(struct aduan_db *db, const char *lo, const char *hi, int *any);

/* Likely duplicates of complaint id: calls fn for each earlier id. */
int aduan_complaint_similar(struct aduan_db *db, int64_t id,
    void (*fn)(int64_t other, const char *why, void *arg), void *arg);

#endif
