/*
 * route.c - routing rules: keyword patterns matched word by word over
 * case-folded text, the ordered rule table, and loading rules from TSV.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "lifecycle.h"
#include "refdata.h"

/* ---- words ------------------------------------------------------------ */

static int
wordbyte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* The next word of s from *pos: its start and length; 0 at the end. */
static int
next_word(const char *s, size_t *pos, size_t *start, size_t *len)
{
	size_t i = *pos;

	while (s[i] != '\0' && !wordbyte((unsigned char)s[i]))
		i++;
	if (s[i] == '\0')
		return 0;
	*start = i;
	while (wordbyte((unsigned char)s[i]))
		i++;
	*len = i - *start;
	*pos = i;
	return 1;
}

static const char *const enclitics[] = {"nya", "ku", "mu", "lah", "kah", "pun", NULL};

/* Compare n bytes without regard to ASCII case. */
static int
same(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Does text word t (tn bytes) match pattern word p (pn bytes, maybe "x*")? */
static int
word_match(const char *t, size_t tn, const char *p, size_t pn)
{
	int i;

	if (pn > 1 && p[pn - 1] == '*')
		return tn >= pn - 1 && same(t, p, pn - 1);
	if (tn < pn || !same(t, p, pn))
		return 0;
	if (tn == pn)
		return 1;
	for (i = 0; enclitics[i] != NULL; i++)
		if (tn - pn == strlen(enclitics[i]) && same(t + pn, enclitics[i], tn - pn))
			return 1;
	return 0;
}

/* Like next_word, for a pattern: a word may end in "*". */
static int
next_word_star(const char *s, size_t *pos, size_t *start, size_t *len)
{
	if (!next_word(s, pos, start, len))
		return 0;
	if (s[*pos] == '*') {
		(*pos)++;
		(*len)++;
	}
	return 1;
}

/* Does the phrase alt (n bytes of words) occur in text, word after word? */
static int
phrase_match(const char *alt, size_t n, const char *text)
{
	char *a = aduan_xstrndup(alt, n);
	size_t tpos = 0, ts, tl;
	int found = 0;

	/* the pattern's words, against each starting word of the text */
	while (!found && next_word(text, &tpos, &ts, &tl)) {
		size_t apos = 0, as, al, p2 = ts, s2 = ts, l2 = tl;
		int ok = 1, first = 1;

		while (ok && next_word_star(a, &apos, &as, &al)) {
			if (!first && !next_word(text, &p2, &s2, &l2)) {
				ok = 0;
				break;
			}
			if (first)
				p2 = ts + tl;
			first = 0;
			ok = word_match(text + s2, l2, a + as, al);
		}
		found = ok && !first;
	}
	free(a);
	return found;
}

int
aduan_pattern_match(const char *pattern, const char *text, const char **alt, size_t *altlen)
{
	const char *p = pattern, *e;

	for (;;) {
		size_t n;

		e = strchr(p, '|');
		n = e ? (size_t)(e - p) : strlen(p);
		if (phrase_match(p, n, text)) {
			while (n > 0 && isspace((unsigned char)*p))
				p++, n--;
			while (n > 0 && isspace((unsigned char)p[n - 1]))
				n--;
			if (alt != NULL)
				*alt = p;
			if (altlen != NULL)
				*altlen = n;
			return 1;
		}
		if (e == NULL)
			return 0;
		p = e + 1;
	}
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
		size_t n, pos = 0, s, l;
		char *a;
		int words = 0, bad = 0;

		e = strchr(p, '|');
		n = e ? (size_t)(e - p) : strlen(p);
		a = aduan_xstrndup(p, n);
		for (i = 0; a[i] != '\0'; i++)
			if (a[i] == '*' && (i == 0 || !wordbyte((unsigned char)a[i - 1]) ||
			    wordbyte((unsigned char)a[i + 1])))
				bad = 1;
		while (next_word_star(a, &pos, &s, &l))
			words++;
		free(a);
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
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT id, position, pattern, category_match, agency, set_category, set_priority "
	    "FROM rule ORDER BY position, id");
	int rc, cap = 0;

	rules->v = NULL;
	rules->n = 0;
	if (st == NULL)
		return ADUAN_IOERR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct aduan_rule *r;

		if (rules->n == cap) {
			cap = cap ? cap * 2 : 64;
			rules->v = aduan_xrealloc(rules->v, sizeof(*rules->v) * (size_t)cap);
		}
		r = &rules->v[rules->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->position = sqlite3_column_int(st, 1);
		r->pattern = col(st, 2);
		r->category = col(st, 3);
		r->agency = col(st, 4);
		r->set_category = col(st, 5);
		r->set_priority = col(st, 6);
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

		free(r->pattern);
		free(r->category);
		free(r->agency);
		free(r->set_category);
		free(r->set_priority);
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

const struct aduan_rule *
aduan_rules_match(const struct aduan_rules *rules, const char *body, const char *category,
    const char **alt, size_t *altlen)
{
	int i;

	for (i = 0; i < rules->n; i++) {
		const struct aduan_rule *r = &rules->v[i];

		if (r->category != NULL &&
		    (category == NULL || !same_category(r->category, category)))
			continue;
		if (r->pattern[0] == '\0') {
			*alt = r->category;
			*altlen = strlen(r->category);
			return r;
		}
		if (aduan_pattern_match(r->pattern, body ? body : "", alt, altlen))
			return r;
	}
	return NULL;
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
    const char *agency, const char *set_category, const char *set_priority)
{
	sqlite3_stmt *st;
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
	if ((st = aduan_db_stmt(db, "UPDATE rule SET position = position + 1 "
	    "WHERE position >= ?")) == NULL) {
		rc = ADUAN_IOERR;
		goto out;
	}
	sqlite3_bind_int(st, 1, position);
	if ((rc = aduan_db_step(db, st, "adding a rule")) != 0)
		goto out;
	st = aduan_db_stmt(db, "INSERT INTO rule(position, pattern, category_match, agency, "
	    "set_category, set_priority) VALUES (?, ?, ?, ?, ?, ?)");
	if (st == NULL) {
		rc = ADUAN_IOERR;
		goto out;
	}
	sqlite3_bind_int(st, 1, position);
	sqlite3_bind_text(st, 2, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, set_category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, set_priority, -1, SQLITE_STATIC);
	rc = aduan_db_step(db, st, "adding a rule");
out:
	free(code);
	return rc;
}

int
aduan_rule_rm(struct aduan_db *db, int position)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "DELETE FROM rule WHERE position = ?");
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int(st, 1, position);
	if ((rc = aduan_db_step(db, st, "removing a rule")) != 0)
		return rc;
	if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
		return aduan_fail(ADUAN_NOMATCH, "no rule %d", position);
	if ((st = aduan_db_stmt(db, "UPDATE rule SET position = position - 1 "
	    "WHERE position > ?")) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int(st, 1, position);
	return aduan_db_step(db, st, "removing a rule");
}

int
aduan_rule_row(struct aduan_db *db, char **f, int n, const char *path, long line)
{
	int rc;

	if (n == 6) {	/* the position column of 'aduan rule list' */
		f++;
		n--;
	}
	if (n < 3)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: a rule has the columns pattern, "
		    "category, agency, set_category, set_priority", path, line);
	rc = aduan_rule_add(db, 0, f[0], f[1], f[2], n > 3 ? f[3] : NULL, n > 4 ? f[4] : NULL);
	if (rc != 0)
		return aduan_fail(rc == ADUAN_USAGE ? ADUAN_DATAERR : rc, "%s:%ld: %s",
		    path, line, aduan_errmsg());
	return 0;
}

struct load_ctx {
	struct aduan_db *db;
	const char *path;
	long n;
};

static int
load_rule(char **f, int n, long line, void *arg)
{
	struct load_ctx *x = arg;
	int rc;

	if ((rc = aduan_rule_row(x->db, f, n, x->path, line)) == 0)
		x->n++;
	return rc;
}

int
aduan_rule_load(struct aduan_db *db, const char *path, long *n)
{
	struct load_ctx x = {db, path, 0};
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (access(path, R_OK) == -1)
		return aduan_fail(ADUAN_IOERR, "cannot open %s: %s", path, strerror(errno));
	if ((st = aduan_db_stmt(db, "DELETE FROM rule")) == NULL)
		return ADUAN_IOERR;
	if ((rc = aduan_db_step(db, st, "replacing the rules")) != 0)
		return rc;
	rc = aduan_tsv_load(path, load_rule, &x);
	*n = x.n;
	return rc;
}

int
aduan_rule_clear(struct aduan_db *db)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "DELETE FROM rule");

	if (st == NULL)
		return ADUAN_IOERR;
	return aduan_db_step(db, st, "replacing the rules");
}
