/*
 * lifecycle.h - what happens to a complaint after intake: routing by
 * hand and by rules (route.c), due dates in working days (sla.c), notes,
 * closing, reopening and undo (lifecycle.c).
 *
 * The usual rules of aduan.h hold: nothing here prints or exits; every
 * function returns an enum aduan_rc with a message for aduan_errmsg().
 * Functions that change a complaint must run inside the invocation's
 * transaction (aduan_db_begin) and record one history event each.
 */
#ifndef ADUAN_LIFECYCLE_H
#define ADUAN_LIFECYCLE_H

#include "aduan.h"

/* ---- SLA: working days (sla.c) ------------------------------------- */

/* Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. */
long aduan_day_from_civil(int y, int m, int d);
void aduan_day_to_civil(long day, int *y, int *m, int *d);
int aduan_day_weekday(long day);	/* 0 Sunday ... 6 Saturday */

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

/* Holidays: "YYYY-MM-DD" checked, name non-empty. */
int aduan_holiday_add(struct aduan_db *db, const char *day, const char *name);
int aduan_holiday_rm(struct aduan_db *db, const char *day);
/* Add or update every row (day, name) of a TSV file; *n rows read. */
int aduan_holiday_load(struct aduan_db *db, const char *path, long *n);

/* ---- routing rules (route.c) ------------------------------------------ */

/*
 * Keyword patterns: alternatives separated by "|"; each is one word or a
 * phrase of words that must follow each other.  Text and pattern are
 * compared by words (letters and digits, and any non-ASCII byte; case
 * folded), so "jalan" does not match inside "jalanan" or "pejalan", but
 * does match "Jalan", "jalan-jalan" and "jalannya": a word may carry
 * one of the enclitics -nya -ku -mu -lah -kah -pun.  A word ending in
 * "*" matches every word it begins: "sampah*" matches "sampahan", not
 * "persampahan".  Returns 1 when pattern matches text, with
 * the alternative that matched (a pointer into pattern, *altlen bytes).
 */
int aduan_pattern_match(const char *pattern, const char *text,
    const char **alt, size_t *altlen);
/* Check a pattern's syntax: 0, or ADUAN_USAGE with a message. */
int aduan_pattern_check(const char *pattern);

struct aduan_rule {
	int64_t id;
	int position;
	char *pattern;		/* "" when the rule matches on category only */
	char *category;		/* category_match, or NULL */
	char *agency;
	char *set_category, *set_priority;	/* or NULL */
};

struct aduan_rules {
	struct aduan_rule *v;
	int n;
};

/* All rules in order (owned; free with aduan_rules_release). */
int aduan_rules_get(struct aduan_db *db, struct aduan_rules *rules);
void aduan_rules_release(struct aduan_rules *rules);
/* The first rule matching body and category, or NULL; *alt and *altlen
 * tell what matched (the keyword, or the category; borrowed). */
const struct aduan_rule *aduan_rules_match(const struct aduan_rules *rules,
    const char *body, const char *category, const char **alt, size_t *altlen);

/* Add a rule at position (<= 0 or past the end: last); agency by code,
 * any case.  ADUAN_USAGE for a bad pattern, agency or priority. */
int aduan_rule_add(struct aduan_db *db, int position, const char *pattern,
    const char *category, const char *agency, const char *set_category,
    const char *set_priority);
/* Remove the rule at position; ADUAN_NOMATCH when there is none. */
int aduan_rule_rm(struct aduan_db *db, int position);
/* Replace every rule by those of a TSV file (pattern, category, agency,
 * set_category, set_priority; a leading position column, as written by
 * 'aduan rule list', is allowed and ignored: file order is rule order). */
int aduan_rule_load(struct aduan_db *db, const char *path, long *n);
/* One row of such a file, appended after the others (path and line for
 * messages), and removing them all: for loading presets. */
int aduan_rule_row(struct aduan_db *db, char **f, int n, const char *path, long line);
int aduan_rule_clear(struct aduan_db *db);

/* ---- complaints through their life (lifecycle.c) ----------------------- */

/* An agency named by an operator (code, any case) to its stored code
 * (owned).  ADUAN_USAGE naming the known codes when there is none. */
int aduan_agency_resolve(struct aduan_db *db, const char *name, char **code);

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
	const struct aduan_rule *rule;	/* NULL: no rule matched */
	char *match;			/* what matched (owned) */
	char *category, *priority;	/* the new values, when the rule changed them (owned) */
	char due[21];
};
void aduan_auto_release(struct aduan_auto *a);
/*
 * Apply the first matching rule to complaint id (open and not routed),
 * or with dry_run only decide.  ADUAN_NOMATCH with a message when there
 * is no such complaint or it is routed or closed; 0 otherwise, with
 * a->rule NULL when no rule matched (nothing changed).  A rule fills an
 * empty category and raises, never lowers, the priority.
 */
int aduan_route_auto(struct aduan_db *db, int64_t id, const struct aduan_rules *rules,
    const char *note, int dry_run, struct aduan_auto *a);

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
/* Whether complaint id exists. */
int aduan_complaint_exists(struct aduan_db *db, int64_t id, int *yes);

/* ---- undo (lifecycle.c) ------------------------------------------------- */

struct aduan_undo_result {
	int64_t invocation;	/* the one undone */
	char command[512], actor[128], at[21];
	long restored, deleted;
};
/*
 * Revert the most recent invocation by the current invocation's actor
 * that changed complaints and was not undone yet (adds, routes, notes,
 * closes, reopens), within the current invocation.  ADUAN_NOMATCH when there is nothing to undo; ADUAN_DATAERR,
 * naming the later change, when a complaint it touched has changed since.
 * fn (may be NULL) receives each complaint id restored or deleted.
 */
int aduan_undo(struct aduan_db *db, struct aduan_undo_result *r,
    void (*fn)(int64_t id, int deleted, void *arg), void *arg);

#endif
