/*
 * learn.c - suggestions learned from the office's own routing: the
 * complaints a person routed are kept with their stems (complaint_stem,
 * FTS5), and a new complaint's nearest ones by bm25 vote for their
 * agencies.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "internal.h"
#include "learn.h"
#include "refdata.h"
#include "route.h"
#include "stem.h"
#include "util.h"

#define ADUAN_SUGGEST_WORDS 24	/* distinct words of a text looked at */
#define ADUAN_SUGGEST_TERMS 6	/* the rarest of them searched for */
#define ADUAN_SUGGEST_RECENT 5000	/* taught complaints compared, the most recent */

int
aduan_learn(struct aduan_db *db, int64_t id, const char *agency, const char *body,
    const char *how)
{
	struct aduan_stemmer *stm = aduan_db_stemmer(db);
	struct aduan_buf b = {0};
	const char *what = "learning from a route";
	int rc;

	if (stm == NULL)
		return ADUAN_IOERR;
	/* the stems row goes with the old route_learn row (trigger) */
	if ((rc = aduan_db_run(db, what, "DELETE FROM route_learn WHERE complaint = ?",
	    "i", id)) != 0 ||
	    (rc = aduan_db_run(db, what, "INSERT INTO route_learn(complaint, agency, how) "
	    "VALUES (?, ?, ?)", "itt", id, agency, how)) != 0)
		return rc;
	aduan_stem_text(stm, body, strlen(body), &b);
	rc = aduan_db_run(db, what, "INSERT INTO complaint_stem(rowid, stems) VALUES (?, ?)",
	    "it", id, b.s ? b.s : "");
	aduan_buf_release(&b);
	return rc;
}

void
aduan_suggest_release(struct aduan_suggest *s)
{
	free(s->agency);
	memset(s, 0, sizeof(*s));
}

/*
 * Words that say nothing about who must act: greetings, pronouns,
 * particles, the office's own words (as stems).
 */
static const char *const stopwords[] = {
	"ada", "adalah", "agar", "akan", "aku", "amp", "apa", "assalamualaikum", "atas", "atau",
	"bagaimana", "bahwa", "banget", "bapak", "beberapa", "belum", "berapa", "bisa", "buat",
	"dalam", "dan", "dari", "daerah", "dengan", "depan", "di", "dia", "dong", "gang", "harap",
	"hari", "ibu", "ini", "itu", "jadi", "juga", "kalau", "kami", "kampung", "kan", "karena",
	"ke", "kelurahan", "kemarin", "kita", "kok", "lagi", "lama", "lapor", "mana", "masih",
	"mau", "minta", "mohon", "nya", "oleh", "pada", "pagi", "pak", "para", "rt", "rw", "saja",
	"sama", "sampai", "sangat", "saya", "sejak", "sekali", "sekarang", "selama", "sudah",
	"tapi", "tolong", "terima", "kasih", "tidak", "untuk", "warga", "wr", "wb", "ya", "yang",
	NULL
};

static int
is_stopword(const char *w)
{
	int i;

	for (i = 0; stopwords[i] != NULL; i++)
		if (strcmp(w, stopwords[i]) == 0)
			return 1;
	return 0;
}

/* A telling word of the text and how many of the recent taught
 * complaints have it. */
struct term {
	const char *s;
	long df;
};

static int
term_cmp(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	return (x->df > y->df) - (x->df < y->df);
}

/*
 * The FTS5 query for a text: of its distinct telling stems, the
 * ADUAN_SUGGEST_TERMS that the fewest taught complaints since id lo
 * have (and some have), ORed.  bm25 then ranks only what they match.
 */
static int
build_query(struct aduan_db *db, const struct aduan_words *w, int64_t lo, struct aduan_buf *q)
{
	struct term t[ADUAN_SUGGEST_WORDS];
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT count(*) FROM complaint_stem "
	    "WHERE complaint_stem MATCH ?1 AND rowid >= ?2");
	struct aduan_buf one = {0};
	int i, j, n = 0, rc = 0;

	if (st == NULL)
		return ADUAN_IOERR;
	for (i = 0; i < w->n && n < ADUAN_SUGGEST_WORDS; i++) {
		const char *s = w->v[i];

		if (strlen(s) < 3 || is_stopword(s) || strchr(s, '"') != NULL)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(t[j].s, s) == 0)
				break;
		if (j < n)
			continue;
		aduan_buf_reset(&one);
		aduan_buf_printf(&one, "\"%s\"", s);
		sqlite3_bind_text(st, 1, one.s, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, lo);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			sqlite3_reset(st);
			aduan_buf_release(&one);
			return aduan_db_fail(db, "finding similar complaints");
		}
		t[n].s = s;
		t[n].df = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (t[n].df > 0)
			n++;
	}
	aduan_buf_release(&one);
	qsort(t, (size_t)n, sizeof(t[0]), term_cmp);
	for (i = 0; i < n && i < ADUAN_SUGGEST_TERMS; i++)
		aduan_buf_printf(q, "%s\"%s\"", i ? " OR " : "", t[i].s);
	return 0;
}

/*
 * The lowest id to look at: the ADUAN_SUGGEST_RECENT most recent
 * complaints the office routed by hand, so that a suggestion costs the
 * same in a database of a thousand complaints or of a million (and
 * follows the office's recent decisions).
 */
static int
lowest_id(struct aduan_db *db, int64_t *lo)
{
	return aduan_db_value(db, lo, "finding similar complaints",
	    "SELECT complaint FROM route_learn ORDER BY complaint DESC LIMIT 1 OFFSET ?", "i",
	    (int64_t)ADUAN_SUGGEST_RECENT - 1);
}

static int
setting_number(struct aduan_db *db, const char *key, double lo, double hi, double *v)
{
	const char *s = aduan_config(db, key);
	char *end;

	*v = s ? strtod(s, &end) : 0;
	if (s == NULL || end == s || *end != '\0' || *v < lo || *v > hi)
		return aduan_fail(ADUAN_DATAERR, "setting %s: a number from %g to %g, not \"%s\" "
		    "(aduan config %s VALUE)", key, lo, hi, s ? s : "", key);
	return 0;
}

/* A taught complaint near the one asked about. */
struct neighbour {
	int64_t id;
	double sim;
	char agency[64];
};

/*
 * The n nearest (n > 0, nearest first) vote for their agencies, each
 * weighed by its similarity; the confidence is the winner's share, with
 * the nearest one's weight held back so that one lone neighbour gives
 * one half, three that agree three quarters.
 */
static void
vote(const struct neighbour *nb, int n, struct aduan_suggest *s)
{
	double total = 0, best = 0, top = nb[0].sim;
	int i, j;

	for (i = 0; i < n; i++) {
		double v = 0;

		total += nb[i].sim;
		for (j = 0; j < n; j++)
			if (strcmp(nb[j].agency, nb[i].agency) == 0)
				v += nb[j].sim;
		if (v > best) {
			best = v;
			free(s->agency);
			s->agency = aduan_xstrdup(nb[i].agency);
		}
	}
	s->confidence = best / (total + top);
	for (i = 0; i < n; i++)
		if (strcmp(nb[i].agency, s->agency) == 0)
			s->from[s->nfrom++] = nb[i].id;
}

int
aduan_suggest(struct aduan_db *db, int64_t self, const char *body, struct aduan_suggest *s)
{
	struct aduan_stemmer *stm = aduan_db_stemmer(db);
	struct aduan_words w;
	struct aduan_buf q = {0};
	struct neighbour nb[ADUAN_SUGGEST_K_MAX];
	sqlite3_stmt *st;
	int64_t lo = 0;
	double kd;
	int k, n = 0, rc;

	memset(s, 0, sizeof(*s));
	if (stm == NULL)
		return ADUAN_IOERR;
	if ((rc = setting_number(db, "route.learned_k", 1, ADUAN_SUGGEST_K_MAX, &kd)) != 0)
		return rc;
	k = (int)kd;
	aduan_words_get(stm, body, &w);
	if ((rc = lowest_id(db, &lo)) == 0)
		rc = build_query(db, &w, lo, &q);
	aduan_words_release(&w);
	if (rc != 0 || q.len == 0) {
		aduan_buf_release(&q);
		return rc;
	}
	/* the nearest by bm25 first, then only those whose taught agency
	 * is still the complaint's (an undone route teaches nothing) */
	st = aduan_db_stmt(db,
	    "SELECT n.rowid, -n.rank, l.agency FROM (SELECT rowid, rank FROM complaint_stem "
	    "WHERE complaint_stem MATCH ?1 AND rowid >= ?4 ORDER BY rank LIMIT ?3) n "
	    "JOIN route_learn l ON l.complaint = n.rowid "
	    "JOIN complaint c ON c.id = n.rowid AND c.agency = l.agency "
	    "WHERE n.rowid <> ?2 ORDER BY n.rank");
	if (st == NULL) {
		aduan_buf_release(&q);
		return ADUAN_IOERR;
	}
	sqlite3_bind_text(st, 1, q.s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, self);
	sqlite3_bind_int(st, 3, k * 2 + 1);
	sqlite3_bind_int64(st, 4, lo);
	while (n < k && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		nb[n].id = sqlite3_column_int64(st, 0);
		nb[n].sim = sqlite3_column_double(st, 1);
		snprintf(nb[n].agency, sizeof(nb[n].agency), "%s", sqlite3_column_text(st, 2));
		if (nb[n].sim > 0)
			n++;
	}
	if (n < k && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		aduan_buf_release(&q);
		return aduan_db_fail(db, "finding similar complaints");
	}
	sqlite3_reset(st);
	aduan_buf_release(&q);
	if (n > 0)
		vote(nb, n, s);
	return 0;
}
