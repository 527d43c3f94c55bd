/*
 * route.c - routing rules: keyword patterns over the stems of a
 * complaint's words, every matching rule scored, the rule table, and
 * loading rules from TSV.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "internal.h"
#include "refdata.h"
#include "route.h"
#include "stem.h"
#include "util.h"

/* ---- words ------------------------------------------------------------ */

static int
add_word(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg)
{
	struct aduan_words *w = arg;

	w->v = aduan_grow(w->v, &w->cap, (size_t)w->n + 1, sizeof(*w->v));
	w->v[w->n++] = aduan_xstrndup(form, formlen);
	return 0;
}

void
aduan_words_get(struct aduan_stemmer *st, const char *text, struct aduan_words *w)
{
	w->v = NULL;
	w->n = w->cap = 0;
	if (text != NULL)
		aduan_stem_words(st, text, strlen(text), add_word, w);
}

void
aduan_words_release(struct aduan_words *w)
{
	int i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	w->v = NULL;
	w->n = w->cap = 0;
}

/* ---- patterns ------------------------------------------------------------ */

static int
wordbyte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* One alternative of a pattern: its words as stems, "x*" a prefix. */
struct alt {
	char *text;		/* as written, trimmed (for explanations) */
	char **w;
	unsigned char *prefix;
	int n;
};

struct aduan_pattern {
	struct alt *v;
	int n;
};

static void alt_free(struct alt *a);

static void
pattern_free(struct aduan_pattern *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		alt_free(&p->v[i]);
	free(p->v);
	free(p);
}

/* Stem the words of one alternative (n bytes at s) into a. */
static void
alt_compile(struct aduan_stemmer *st, const char *s, size_t n, struct alt *a)
{
	size_t i = 0;

	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	a->text = aduan_xstrndup(s, n);
	a->w = NULL;
	a->prefix = NULL;
	a->n = 0;
	while (i < n) {
		struct aduan_words ws;
		size_t b;
		int star, j;

		while (i < n && (isspace((unsigned char)s[i]) || s[i] == '|'))
			i++;
		b = i;
		while (i < n && !isspace((unsigned char)s[i]))
			i++;
		if (i == b)
			break;
		star = s[i - 1] == '*';
		{
			char *word = aduan_xstrndup(s + b, i - b - (size_t)star);

			aduan_words_get(st, word, &ws);
			free(word);
		}
		for (j = 0; j < ws.n; j++) {
			a->w = aduan_xrealloc(a->w, sizeof(*a->w) * (size_t)(a->n + 1));
			a->prefix = aduan_xrealloc(a->prefix, (size_t)(a->n + 1));
			a->w[a->n] = ws.v[j];
			a->prefix[a->n++] = star && j == ws.n - 1;
		}
		free(ws.v);
	}
}

static void
alt_free(struct alt *a)
{
	int j;

	for (j = 0; j < a->n; j++)
		free(a->w[j]);
	free(a->w);
	free(a->prefix);
	free(a->text);
}

/* Is a the same stems as an earlier alternative ("jalan|jalanan")? */
static int
alt_seen(const struct aduan_pattern *p, const struct alt *a)
{
	int i, j;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].n != a->n)
			continue;
		for (j = 0; j < a->n; j++)
			if (strcmp(p->v[i].w[j], a->w[j]) != 0 || p->v[i].prefix[j] != a->prefix[j])
				break;
		if (j == a->n)
			return 1;
	}
	return 0;
}

static struct aduan_pattern *
pattern_compile(struct aduan_stemmer *st, const char *pattern)
{
	struct aduan_pattern *p = aduan_xmalloc(sizeof(*p));
	const char *s = pattern, *e;

	p->v = NULL;
	p->n = 0;
	if (*pattern == '\0')
		return p;
	for (;;) {
		e = strchr(s, '|');
		p->v = aduan_xrealloc(p->v, sizeof(*p->v) * (size_t)(p->n + 1));
		alt_compile(st, s, e ? (size_t)(e - s) : strlen(s), &p->v[p->n]);
		if (p->v[p->n].n > 0 && !alt_seen(p, &p->v[p->n]))
			p->n++;
		else
			alt_free(&p->v[p->n]);
		if (e == NULL)
			return p;
		s = e + 1;
	}
}

static int
word_match(const char *t, const char *p, int prefix)
{
	return prefix ? strncmp(t, p, strlen(p)) == 0 : strcmp(t, p) == 0;
}

/*
 * How well alternative a occurs in the words: 0 when it does not; a
 * word scores 1; a phrase of k words scores k when its words stand
 * together in its order, less a quarter for each other word between
 * them (at most ADUAN_NEAR between two of its words), less a half when
 * they stand in another order ("mati lampu" is not quite "lampu mati").
 */
static double
alt_score(const struct alt *a, const struct aduan_words *t)
{
	int i, j, k, pos[16];
	double best = 0;

	if (a->n == 1) {
		for (i = 0; i < t->n; i++)
			if (word_match(t->v[i], a->w[0], a->prefix[0]))
				return 1;
		return 0;
	}
	if (a->n > 16)
		return 0;
	for (i = 0; i < t->n; i++) {
		int window = a->n + ADUAN_NEAR * (a->n - 1), last = i, found = 0, ordered = 1;
		double sc;

		for (k = 0; k < a->n; k++)
			pos[k] = -1;
		/* the window starts with one of the phrase's words */
		for (j = i; j < t->n && j < i + window && found < a->n; j++)
			for (k = 0; k < a->n; k++)
				if (pos[k] < 0 && word_match(t->v[j], a->w[k], a->prefix[k])) {
					pos[k] = j;
					found++;
					last = j;
					break;
				}
		if (found < a->n)
			continue;
		for (k = 1; k < a->n; k++)
			if (pos[k] < pos[k - 1])
				ordered = 0;
		sc = a->n - 0.25 * (last - i + 1 - a->n) - (ordered ? 0 : 0.5);
		if (sc > best)
			best = sc;
	}
	return best;
}

int
aduan_pattern_check(const char *pattern)
{
	const char *p = pattern, *e;
	size_t i;

	if (strlen(pattern) > 4000)
		return aduan_fail(ADUAN_USAGE, "pattern too long");
	for (i = 0; pattern[i] != '\0'; i++)
		if (pattern[i] == '\t' || pattern[i] == '\n' || pattern[i] == '\r')
			return aduan_fail(ADUAN_USAGE, "pattern \"%s\": no tabs or newlines", pattern);
	for (;;) {
		size_t n;
		int words = 0, bad = 0;

		e = strchr(p, '|');
		n = e ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < n; i++) {
			if (p[i] == '*' && (i == 0 || !wordbyte((unsigned char)p[i - 1]) ||
			    (i + 1 < n && !isspace((unsigned char)p[i + 1]))))
				bad = 1;
			if (wordbyte((unsigned char)p[i]))
				words = 1;
		}
		if (bad)
			return aduan_fail(ADUAN_USAGE,
			    "pattern \"%s\": \"*\" goes only at the end of a word", pattern);
		if (words == 0)
			return aduan_fail(ADUAN_USAGE,
			    "pattern \"%s\": an empty alternative (words separated by |)", pattern);
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

/* ---- the rule table ---------------------------------------------------- */

static char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? aduan_xstrdup(s) : NULL;
}

int
aduan_rules_get(struct aduan_db *db, struct aduan_rules *rules)
{
	sqlite3_stmt *st;
	int rc;
	size_t cap = 0;

	rules->v = NULL;
	rules->n = 0;
	if ((rules->st = aduan_db_stemmer(db)) == NULL)
		return ADUAN_IOERR;
	st = aduan_db_stmt(db,
	    "SELECT id, position, pattern, category_match, agency, set_category, set_priority, "
	    "weight FROM rule ORDER BY position, id");
	if (st == NULL)
		return ADUAN_IOERR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct aduan_rule *r;

		rules->v = aduan_grow(rules->v, &cap, (size_t)rules->n + 1, sizeof(*rules->v));
		r = &rules->v[rules->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->position = sqlite3_column_int(st, 1);
		r->pattern = col(st, 2);
		r->category = col(st, 3);
		r->agency = col(st, 4);
		r->set_category = col(st, 5);
		r->set_priority = col(st, 6);
		r->weight = sqlite3_column_double(st, 7);
		r->compiled = pattern_compile(rules->st, r->pattern);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		aduan_rules_release(rules);
		return aduan_db_fail(db, "reading the rules");
	}
	return 0;
}

void
aduan_rules_release(struct aduan_rules *rules)
{
	int i;

	for (i = 0; i < rules->n; i++) {
		struct aduan_rule *r = &rules->v[i];

		ADUAN_FREE_EACH(r->pattern, r->category, r->agency, r->set_category, r->set_priority);
		pattern_free(r->compiled);
	}
	free(rules->v);
	rules->v = NULL;
	rules->n = 0;
}

/* Categories compare folded: "Jalan Rusak" == "jalan-rusak". */
static int
same_category(const char *a, const char *b)
{
	char *fa = aduan_fold(a), *fb = aduan_fold(b);
	int r = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return r;
}

/*
 * A rule's score over the words: its best alternative, and half of each
 * other alternative that also occurs; one more for the category it asks
 * for (a rule on the category alone scores 1); times the rule's weight.
 */
static double
rule_score(const struct aduan_rule *r, const struct aduan_words *w, const char *category,
    const char **match)
{
	double best = 0, rest = 0, sc;
	int i;

	*match = NULL;
	if (r->category != NULL && (category == NULL || !same_category(r->category, category)))
		return 0;
	for (i = 0; i < r->compiled->n; i++) {
		if ((sc = alt_score(&r->compiled->v[i], w)) <= 0)
			continue;
		if (sc > best) {
			rest += best;
			best = sc;
			*match = r->compiled->v[i].text;
		} else
			rest += sc;
	}
	if (r->pattern[0] != '\0' && best == 0)
		return 0;
	if (r->category != NULL) {
		best += 1;
		if (*match == NULL)
			*match = r->category;
	}
	return r->weight * (best + rest / 2);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct aduan_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->rule->position - y->rule->position;
}

void
aduan_rules_score_words(const struct aduan_rules *rules, const struct aduan_words *w,
    const char *category, struct aduan_hits *h)
{
	int i, j;

	h->v = NULL;
	h->n = 0;
	for (i = 0; i < rules->n; i++) {
		const struct aduan_rule *r = &rules->v[i];
		const char *match;
		double sc = rule_score(r, w, category, &match);

		if (sc <= 0)
			continue;
		/* one candidate per agency: its best rule */
		for (j = 0; j < h->n; j++)
			if (strcmp(h->v[j].rule->agency, r->agency) == 0)
				break;
		if (j < h->n && h->v[j].score >= sc)
			continue;
		if (j == h->n) {
			h->v = aduan_xrealloc(h->v, sizeof(*h->v) * (size_t)(h->n + 1));
			h->n++;
		}
		h->v[j].rule = r;
		h->v[j].score = sc;
		h->v[j].match = match;
	}
	if (h->n > 1)
		qsort(h->v, (size_t)h->n, sizeof(*h->v), hit_cmp);
}

void
aduan_rules_score(const struct aduan_rules *rules, const char *body, const char *category,
    struct aduan_hits *h)
{
	struct aduan_words w;

	aduan_words_get(rules->st, body, &w);
	aduan_rules_score_words(rules, &w, category, h);
	aduan_words_release(&w);
}

int
aduan_hits_sure(const struct aduan_hits *h)
{
	return h->n == 1 || (h->n > 1 && h->v[1].score < ADUAN_NEAR_TIE * h->v[0].score);
}

void
aduan_hits_release(struct aduan_hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = 0;
}

static int
rule_count(struct aduan_db *db, int *n)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT count(*) FROM rule");

	if (st == NULL)
		return ADUAN_IOERR;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return aduan_db_fail(db, "counting rules");
	}
	*n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

static const char *
empty_null(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

int
aduan_rule_add(struct aduan_db *db, int position, const char *pattern, const char *category,
    const char *agency, const char *set_category, const char *set_priority, double weight)
{
	char *code;
	int n = 0, rc;

	pattern = pattern ? pattern : "";
	category = empty_null(category);
	set_category = empty_null(set_category);
	set_priority = empty_null(set_priority);
	if (*pattern == '\0' && category == NULL)
		return aduan_fail(ADUAN_USAGE, "a rule needs a pattern or a category");
	if (*pattern != '\0' && (rc = aduan_pattern_check(pattern)) != 0)
		return rc;
	if (!(weight > 0 && weight <= 100))
		return aduan_fail(ADUAN_USAGE, "a rule's weight is a number above 0 and up to 100");
	if (set_priority != NULL) {
		const char *w = aduan_word_canon(aduan_priorities, set_priority);

		if (w == NULL)
			return aduan_fail(ADUAN_USAGE,
			    "unknown priority \"%s\" (one of: urgent, normal, low)", set_priority);
		set_priority = w;
	}
	if ((rc = aduan_agency_resolve(db, agency ? agency : "", &code)) != 0)
		return rc;
	if ((rc = rule_count(db, &n)) != 0)
		goto out;
	if (position <= 0 || position > n + 1)
		position = n + 1;
	if ((rc = aduan_db_run(db, "adding a rule", "UPDATE rule SET position = position + 1 "
	    "WHERE position >= ?", "i", (int64_t)position)) != 0)
		goto out;
	rc = aduan_db_run(db, "adding a rule", "INSERT INTO rule(position, pattern, "
	    "category_match, agency, set_category, set_priority, weight) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)", "itttttd", (int64_t)position, pattern, category,
	    code, set_category, set_priority, weight);
out:
	free(code);
	return rc;
}

int
aduan_rule_rm(struct aduan_db *db, int position)
{
	int rc;

	if ((rc = aduan_db_run(db, "removing a rule", "DELETE FROM rule WHERE position = ?",
	    "i", (int64_t)position)) != 0)
		return rc;
	if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
		return aduan_fail(ADUAN_NOMATCH, "no rule %d", position);
	return aduan_db_run(db, "removing a rule", "UPDATE rule SET position = position - 1 "
	    "WHERE position > ?", "i", (int64_t)position);
}

int
aduan_weight_parse(const char *s, double *w)
{
	char *end;

	*w = 1;
	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	*w = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !(*w > 0 && *w <= 100))
		return aduan_fail(ADUAN_USAGE, "a rule's weight is a number above 0 and up to 100, "
		    "not \"%s\"", s);
	return 0;
}

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int
aduan_rule_row(struct aduan_db *db, char **f, int n, const char *path, long line)
{
	double weight;
	int rc;

	/* the position column of 'aduan rule list' */
	if (n == 7 || (n == 6 && all_digits(f[0]))) {
		f++;
		n--;
	}
	if (n < 3)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: a rule has the columns pattern, "
		    "category, agency, set_category, set_priority, weight", path, line);
	if ((rc = aduan_weight_parse(n > 5 ? f[5] : NULL, &weight)) == 0)
		rc = aduan_rule_add(db, 0, f[0], f[1], f[2], n > 3 ? f[3] : NULL,
		    n > 4 ? f[4] : NULL, weight);
	if (rc != 0)
		return aduan_fail(rc == ADUAN_USAGE ? ADUAN_DATAERR : rc, "%s:%ld: %s",
		    path, line, aduan_errmsg());
	return 0;
}

int
aduan_rule_load(struct aduan_db *db, const char *path, long *n)
{
	int rc;

	*n = 0;
	if (access(path, R_OK) == -1)
		return aduan_fail(ADUAN_IOERR, "cannot open %s: %s", path, strerror(errno));
	if ((rc = aduan_rule_clear(db)) != 0)
		return rc;
	return aduan_tsv_rows(db, path, aduan_rule_row, n);
}

int
aduan_rule_forget(struct aduan_db *db, const char *pattern, const char *category, int *found)
{
	sqlite3_stmt *st;
	int rc, pos;

	*found = 0;
	for (;;) {
		if ((st = aduan_db_stmt(db, "SELECT position FROM rule WHERE pattern = ?1 "
		    "AND category_match IS ?2")) == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_text(st, 1, pattern ? pattern : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, empty_null(category), -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		pos = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return 0;
		if (rc != SQLITE_ROW)
			return aduan_db_fail(db, "replacing a rule");
		if ((rc = aduan_rule_rm(db, pos)) != 0)	/* keeps positions 1, 2, 3, ... */
			return rc;
		*found = 1;
	}
}

int
aduan_rule_clear(struct aduan_db *db)
{
	return aduan_db_run(db, "replacing the rules", "DELETE FROM rule", "");
}
