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

#define ADUAN_SUGGEST_K_MAX 50

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

/* Working days a complaint due at due (UTC stamp) is late at now: the
 * working days after the due day up to today, at least 1 once past due;
 * 0 when not yet due. */
int aduan_sla_late(struct aduan_db *db, const char *due, time_t now, long *days);

/* Holidays: "YYYY-MM-DD" checked, name non-empty. */
int aduan_holiday_add(struct aduan_db *db, const char *day, const char *name);
int aduan_holiday_rm(struct aduan_db *db, const char *day);
/* Add or update every row (day, name) of a TSV file; *n rows read. */
int aduan_holiday_load(struct aduan_db *db, const char *path, long *n);

/* ---- routing rules (route.c) ------------------------------------------ */

struct aduan_stemmer;

/* The words of a text in the form stem.h gives them, in order (owned). */
struct aduan_words {
	char **v;
	int n, cap;
};
void aduan_words_get(struct aduan_stemmer *st, const char *text, struct aduan_words *w);
void aduan_words_release(struct aduan_words *w);

/*
 * Keyword patterns: alternatives separated by "|"; each is one word or a
 * phrase of words.  Pattern and text are compared by their stems
 * (stem.h: folded, chat abbreviations written out, reduplication and
 * affixes removed), so "kebakaran" matches "terbakar" and "kebakar",
 * "sapi" matches "sapi2".  A word ending in "*" matches every stem it
 * begins ("gorong*").  A phrase matches when its words stand within
 * ADUAN_NEAR words of each other, in any order ("pohon tumbang" matches
 * "pohon besar tumbang" and "tumbang pohonnya").
 */
#define ADUAN_NEAR 2
/* Check a pattern's syntax: 0, or ADUAN_USAGE with a message. */
int aduan_pattern_check(const char *pattern);

struct aduan_pattern;	/* a pattern's stems (private to route.c) */

struct aduan_rule {
	int64_t id;
	int position;
	char *pattern;		/* "" when the rule matches on category only */
	char *category;		/* category_match, or NULL */
	char *agency;
	char *set_category, *set_priority;	/* or NULL */
	double weight;		/* multiplies the rule's score (1 by default) */
	struct aduan_pattern *compiled;
};

struct aduan_rules {
	struct aduan_rule *v;
	int n;
	struct aduan_stemmer *st;	/* borrowed from the database handle */
};

/* All rules in order (owned; free with aduan_rules_release). */
int aduan_rules_get(struct aduan_db *db, struct aduan_rules *rules);
void aduan_rules_release(struct aduan_rules *rules);

/*
 * Every rule that matches scores: a word 1, a phrase of k words k (less
 * a quarter for each word between its words), half of every other
 * alternative of the same rule that also matches, 1 for the category
 * the rule asks for; all times the rule's weight.  The candidates are
 * the best rule of each agency, best first (ties: the earlier rule).
 */
struct aduan_hit {
	const struct aduan_rule *rule;
	double score;
	const char *match;	/* the alternative (or category) that counted; borrowed */
};
struct aduan_hits {
	struct aduan_hit *v;
	int n;
};
void aduan_rules_score(const struct aduan_rules *rules, const char *body,
    const char *category, struct aduan_hits *h);
void aduan_rules_score_words(const struct aduan_rules *rules, const struct aduan_words *w,
    const char *category, struct aduan_hits *h);
void aduan_hits_release(struct aduan_hits *h);
/* A winner is sure when no other agency comes within ADUAN_NEAR_TIE of it. */
#define ADUAN_NEAR_TIE 0.8
int aduan_hits_sure(const struct aduan_hits *h);

/* Add a rule at position (<= 0 or past the end: last); agency by code,
 * any case; weight above 0, up to 100.  ADUAN_USAGE for a bad pattern,
 * agency, priority or weight. */
int aduan_rule_add(struct aduan_db *db, int position, const char *pattern,
    const char *category, const char *agency, const char *set_category,
    const char *set_priority, double weight);
/* A weight as typed ("" or NULL: 1); ADUAN_USAGE when not one. */
int aduan_weight_parse(const char *s, double *w);
/* Remove the rule at position; ADUAN_NOMATCH when there is none. */
int aduan_rule_rm(struct aduan_db *db, int position);
/* Replace every rule by those of a TSV file (pattern, category, agency,
 * set_category, set_priority, weight; a leading position column, as
 * written by 'aduan rule list', is allowed and ignored). */
int aduan_rule_load(struct aduan_db *db, const char *path, long *n);
/* One row of such a file, appended after the others (path and line for
 * messages), and removing them all: for loading presets. */
int aduan_rule_row(struct aduan_db *db, char **f, int n, const char *path, long line);
int aduan_rule_clear(struct aduan_db *db);
/* Remove the rules with this pattern and category (a preset's rule takes
 * their place); *found says whether there was one. */
int aduan_rule_forget(struct aduan_db *db, const char *pattern, const char *category,
    int *found);

/* ---- suggestions learned from the office (learn.c) -------------------- */

/*
 * A complaint teaches when a person routed it (aduan_route_to: by hand,
 * confirming the agency it has, or re-routing it, a correction).  Its
 * stems go into the complaint_stem index; a later complaint is compared
 * with them (FTS5, bm25), and its k nearest taught complaints vote for
 * their agencies by similarity.
 */
int aduan_learn(struct aduan_db *db, int64_t id, const char *agency, const char *body,
    const char *how);

struct aduan_suggest {
	char *agency;		/* NULL: nothing similar was taught */
	double confidence;	/* 0..1 */
	int64_t from[ADUAN_SUGGEST_K_MAX];	/* the taught complaints that voted for it */
	int nfrom;
};
/* Suggest an agency for text (the complaint self, 0 for none, is left
 * out of its own neighbours); k from the setting route.learned_k. */
int aduan_suggest(struct aduan_db *db, int64_t self, const char *body, struct aduan_suggest *s);
void aduan_suggest_release(struct aduan_suggest *s);

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
