/*
 * route.h - routing rules: keyword patterns matched by their stems,
 * scored per agency; the rules kept in the database (route.c).
 */
#ifndef ADUAN_ROUTE_H
#define ADUAN_ROUTE_H

#include "aduan.h"
#include "db.h"

struct aduan_stemmer;

/* The words of a text in the form stem.h gives them, in order (owned). */
struct aduan_words {
	char **v;
	int n;
	size_t cap;
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

#endif
