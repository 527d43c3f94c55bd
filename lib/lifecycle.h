/*
 * lifecycle.h - what happens to a complaint after intake: routing by
 * hand and by rules, notes, closing, reopening and undo (lifecycle.c).
 *
 * The usual rules of aduan.h hold: nothing here prints or exits; every
 * function returns an enum aduan_rc with a message for aduan_errmsg().
 * Functions that change a complaint must run inside the invocation's
 * transaction (aduan_db_begin) and record one history event each.
 */
#ifndef ADUAN_LIFECYCLE_H
#define ADUAN_LIFECYCLE_H

#include "db.h"
#include "learn.h"
#include "refdata.h"
#include "route.h"
#include "util.h"

/* ---- complaints through their life (lifecycle.c) ----------------------- */

/*
 * Forward complaint id to agency (a stored code): status routed, due
 * date from the SLA, a "route" event with the old agency and the note.
 * ADUAN_NOMATCH with a message when there is no such complaint or it is
 * closed.  *changed is 0 when it was already routed to that agency.
 */
int aduan_route_to(struct aduan_db *db, int64_t id, const char *agency,
    const char *note, int *changed);

/* What --auto decided for one complaint. */
struct aduan_auto {
	const char *agency;		/* NULL: neither a rule nor the learning decided */
	const struct aduan_rule *rule;	/* the rule that decided, or NULL */
	int learned;			/* 1: the learned suggestion decided */
	struct aduan_hits hits;		/* every agency the rules name, best first */
	struct aduan_suggest sug;	/* the learned suggestion, when one was asked for */
	char *category, *priority;	/* the new values, when the rule changed them (owned) */
	char due[21];
};
void aduan_auto_release(struct aduan_auto *a);
/*
 * Route complaint id (open and not routed), or with dry_run only
 * decide: by the best-scoring rule when it is sure (aduan_hits_sure);
 * otherwise by the learned suggestion when its confidence reaches the
 * setting route.learned_min; otherwise by the best rule, if any.
 * ADUAN_NOMATCH with a message when there is no such complaint or it is
 * routed or closed; 0 otherwise, with a->agency NULL when nothing
 * decided (nothing changed).  A rule fills an empty category and
 * raises, never lowers, the priority.
 */
int aduan_route_auto(struct aduan_db *db, int64_t id, const struct aduan_rules *rules,
    const char *note, int dry_run, struct aduan_auto *a);
/* The learned suggestion for complaint id (ADUAN_NOMATCH: no such one). */
int aduan_suggest_id(struct aduan_db *db, int64_t id, struct aduan_suggest *sug);
/* Every open complaint with no agency yet, in id order. */
int aduan_open_unrouted(struct aduan_db *db, void (*fn)(int64_t id, void *arg), void *arg);
/*
 * One line for a clerk on why: the rule (its number, what matched, its
 * score) and the runner-up, or the taught complaints behind a learned
 * suggestion; in the reader's language.
 */
void aduan_auto_explain(const struct aduan_auto *a, struct aduan_buf *out);
/* A score or confidence as text with one or two decimals, whatever the
 * locale: "2.5", "0.83"; buf holds 32 bytes. */
const char *aduan_decimal(double v, int places, char buf[32]);

/* A follow-up note: a "note" event, nothing else changes. */
int aduan_note_add(struct aduan_db *db, int64_t id, const char *note);

/*
 * Close complaint id with a resolution (one of aduan_resolutions);
 * duplicate_of (0: none) goes with "duplicate" and must not lead back
 * to id.  ADUAN_NOMATCH when there is no such complaint or it is closed,
 * ADUAN_DATAERR for a cycle.
 */
int aduan_close(struct aduan_db *db, int64_t id, const char *resolution,
    int64_t duplicate_of, const char *note);
/* Open a closed complaint again: routed when it has an agency, else open. */
int aduan_reopen(struct aduan_db *db, int64_t id, const char *note);

/* ---- undo (lifecycle.c) ------------------------------------------------- */

struct aduan_undo_result {
	int64_t invocation;	/* the one undone */
	char command[512], actor[128], at[21];
	long restored, deleted;
	int refdata;		/* 1: a preset load, its reference data put back */
};
/*
 * Revert the most recent invocation by the current invocation's actor
 * that changed complaints and was not undone yet (adds, routes, notes,
 * closes, reopens) or loaded a preset (see aduan_preset_undo), within
 * the current invocation.  ADUAN_NOMATCH when there is nothing to undo; ADUAN_DATAERR,
 * naming the later change, when a complaint it touched has changed since.
 * fn (may be NULL) receives each complaint id restored or deleted.
 */
int aduan_undo(struct aduan_db *db, struct aduan_undo_result *r,
    void (*fn)(int64_t id, int deleted, void *arg), void *arg);
/* The last 20 invocations, newest first, as 'aduan undo --list' shows
 * them (see aduan_rows in refdata.h). */
int aduan_undo_list(struct aduan_db *db, aduan_row_fn *fn, void *arg);

#endif
