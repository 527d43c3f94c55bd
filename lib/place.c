/*
 * place.c - kelurahan and RT read from text and from WhatsApp groups
 * (see place.h).
 *
 * The text is cut into runs of ASCII letters and digits, lower case.  An
 * RT is "rt" followed by a number of one to three digits ("RT 5",
 * "rt.05", "RT:012", "rt05"); a kelurahan is one, two or three runs in a
 * row that, joined, are a folded name or alias ("Gn. Elai" -> "gnelai",
 * "Api-Api" -> "apiapi", "api2").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "place.h"
#include "stem.h"	/* aduan_alnum_bits16 */
#include "util.h"

#define RUNS 3		/* a spelling spans at most this many runs */

struct spelling {
	char *folded;
	char *name;
};

struct aduan_places {
	struct spelling *v;	/* sorted by folded */
	size_t n, cap;
	size_t minlen, maxlen;
	unsigned char first[256];	/* the first letters of the spellings */
	/* the first two bytes of a run worth a closer look (worth_a_look), as
	 * pair_of(first | 0x20, second | 0x20), one bit each: a spelling's
	 * first two letters; "rt"; a spelling's first letter then a byte not
	 * a letter or digit (a letter alone), or then any byte when a
	 * spelling is one letter */
	unsigned char pair[65536 / 8];
	unsigned char triple[65536 / 8];	/* their first three, hashed (triple_of) */
	int short_one;		/* a spelling of one letter */
	/* v by the hash of folded: open addressing, index + 1 or 0 */
	unsigned *slot;
	size_t nslot;		/* a power of two, at least twice n */
};

/* ASCII alone, whatever the locale: the runs are ASCII by definition, and
 * the <ctype.h> calls were a third of the reading's time.  A table
 * written out (none filled on first use, which two threads reading at
 * once would both write): 1 for a digit or a letter of either case. */
static const unsigned char alnum_table[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int
alnum_ascii(int c)
{
	return alnum_table[c];
}

static unsigned
pair_of(int a, int b)
{
	return (unsigned)(unsigned char)a << 8 | (unsigned char)b;
}

/* Three letters hashed to sixteen bits (two triples may share them: the
 * bit is then a look further for nothing, never a spelling missed). */
static unsigned
triple_of(int a, int b, int c)
{
	return ((pair_of(a, b) << 8 | (unsigned char)c) * 2654435761u & 0xffffffffu) >> 16;
}

static void
add_pair(struct aduan_places *p, int a, int b)
{
	p->pair[pair_of(a, b) / 8] |= (unsigned char)(1u << pair_of(a, b) % 8);
}

/* Every spelling in the hash table, anew. */
static void
index_spellings(struct aduan_places *p)
{
	size_t i;

	if (p->nslot < 2 * p->n) {
		while (p->nslot < 2 * p->n)
			p->nslot = p->nslot ? 2 * p->nslot : 64;
		free(p->slot);
		p->slot = aduan_xmalloc(p->nslot * sizeof(*p->slot));
	}
	memset(p->slot, 0, p->nslot * sizeof(*p->slot));
	for (i = 0; i < p->n; i++) {
		const char *f = p->v[i].folded;
		size_t h = aduan_fnv_step(ADUAN_FNV_START, f, strlen(f)) & (p->nslot - 1);

		while (p->slot[h] != 0)
			h = (h + 1) & (p->nslot - 1);
		p->slot[h] = (unsigned)i + 1;
	}
}

struct aduan_places *
aduan_places_new(void)
{
	struct aduan_places *p = aduan_xmalloc(sizeof(*p));

	memset(p, 0, sizeof(*p));
	return p;
}

void
aduan_places_add(struct aduan_places *p, const char *spelling, const char *name)
{
	char *f = aduan_fold(spelling);
	size_t i;
	int c = 1;

	for (i = 0; i < p->n && (c = strcmp(p->v[i].folded, f)) < 0; i++)
		;
	if (*f == '\0' || c == 0) {	/* the first spelling wins */
		free(f);
		return;
	}
	p->v = aduan_grow(p->v, &p->cap, p->n + 1, sizeof(*p->v));
	memmove(p->v + i + 1, p->v + i, (p->n - i) * sizeof(*p->v));
	p->v[i].folded = f;
	p->v[i].name = aduan_xstrdup(name);
	p->n++;
	if (p->minlen == 0 || strlen(f) < p->minlen)
		p->minlen = strlen(f);
	if (strlen(f) > p->maxlen)
		p->maxlen = strlen(f);
	p->first[(unsigned char)f[0]] = 1;
	add_pair(p, 'r', 't');
	if (f[1] == '\0')
		p->short_one = 1;
	else
		add_pair(p, f[0], f[1]);
	for (c = 0; c < 256; c++)	/* its first letter alone */
		if (!alnum_ascii(c))
			add_pair(p, f[0], c | 0x20);
	for (i = 0; p->short_one && i < p->n; i++)	/* any run starting so */
		for (c = 0; c < 256; c++)
			add_pair(p, p->v[i].folded[0], c);
	if (f[1] != '\0' && f[2] != '\0')
		p->triple[triple_of(f[0], f[1], f[2]) / 8] |=
		    (unsigned char)(1u << triple_of(f[0], f[1], f[2]) % 8);
	index_spellings(p);
}

void
aduan_places_free(struct aduan_places *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->v[i].folded);
		free(p->v[i].name);
	}
	free(p->v);
	free(p->slot);
	free(p);
}

int
aduan_places_load(struct aduan_db *db, struct aduan_places **pp)
{
	struct aduan_places *p = aduan_places_new();
	sqlite3_stmt *st;
	int rc;

	st = aduan_db_stmt(db, "SELECT name, name FROM kelurahan UNION ALL "
	    "SELECT alias, kelurahan FROM kelurahan_alias");
	if (st == NULL) {
		aduan_places_free(p);
		return aduan_db_fail(db, "reading the kelurahan");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		aduan_places_add(p, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		aduan_places_free(p);
		return aduan_db_fail(db, "reading the kelurahan");
	}
	*pp = p;
	return 0;
}

struct run {
	const char *s;
	size_t n;
};

/* The end of the run of ASCII letters and digits at text[i]. */
static size_t
run_end(const char *text, size_t len, size_t i)
{
	while (i < len && alnum_ascii((unsigned char)text[i]))
		i++;
	return i;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* "005" from one to three digits that are not all zero. */
static int
rt_number(const char *s, size_t n, char rt[8])
{
	long v = 0;
	size_t i;

	if (n == 0 || n > 3 || !all_digits(s, n))
		return 0;
	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	if (v == 0)
		return 0;
	snprintf(rt, 8, "%03ld", v);
	return 1;
}

/* Whether a spelling may start with the run at text[i]: its first
 * letter, and when the run has two, its first two, when three, its first
 * three (a spelling is the runs joined whole: one that starts with the
 * run starts with its letters).  (The other bits of p->pair are a look
 * further for nothing, never a spelling missed.) */
static int
may_spell(const struct aduan_places *p, const char *text, size_t len, size_t i)
{
	int a = aduan_lower_ascii((unsigned char)text[i]), b, c;
	unsigned k;

	if (!p->first[a])
		return 0;
	if (i + 1 == len || !alnum_ascii((unsigned char)text[i + 1]) || p->short_one)
		return 1;
	b = aduan_lower_ascii((unsigned char)text[i + 1]);
	k = pair_of(a, b);
	if (!((p->pair[k / 8] >> (k % 8)) & 1))
		return 0;
	if (i + 2 == len || !alnum_ascii((unsigned char)text[i + 2]))
		return 1;
	c = aduan_lower_ascii((unsigned char)text[i + 2]);
	k = triple_of(a, b, c);
	return (p->triple[k / 8] >> (k % 8)) & 1;
}

/* The runs at text[i] and after it, RUNS at most, into r: how many. */
static int
runs_at(const char *text, size_t len, size_t i, struct run r[RUNS])
{
	int k;

	for (k = 0; k < RUNS; k++) {
		while (i < len && !alnum_ascii((unsigned char)text[i]))
			i++;
		if (i == len)
			break;
		r[k].s = text + i;
		i = run_end(text, len, i);
		r[k].n = (size_t)(text + i - r[k].s);
	}
	return k;
}

/* The kelurahan the first k runs of r spell (k from most to fewest,
 * the first found; *used set to k), or NULL: the runs lower-cased,
 * joined, and looked up by their hash, each shorter join's hash a step
 * of the longer's. */
static const char *
spelled(const struct aduan_places *p, const struct run *r, int kmax, int *used)
{
	char f[64];
	unsigned h[RUNS] = {0};
	size_t end[RUNS], n = 0, i;
	int j, k;

	for (k = 0; k < kmax && n + r[k].n < sizeof(f); k++) {
		for (i = 0; i < r[k].n; i++)
			f[n++] = (char)aduan_lower_ascii((unsigned char)r[k].s[i]);
		h[k] = aduan_fnv_step(k == 0 ? ADUAN_FNV_START : h[k - 1], f + n - r[k].n, r[k].n);
		end[k] = n;
	}
	for (j = k - 1; j >= 0; j--) {
		size_t slot;

		if (end[j] < p->minlen || end[j] > p->maxlen)
			continue;
		for (slot = h[j] & (p->nslot - 1); p->slot[slot] != 0;
		    slot = (slot + 1) & (p->nslot - 1)) {
			const char *g = p->v[p->slot[slot] - 1].folded;

			if (strncmp(g, f, end[j]) == 0 && g[end[j]] == '\0') {
				*used = j + 1;
				return p->v[p->slot[slot] - 1].name;
			}
		}
	}
	return NULL;
}

/* The run after text[i] with only bytes of skip before it, as *w and
 * *n (0 when there is none); its end. */
static size_t
next_run(const char *text, size_t len, size_t i, const char *skip, const char **w,
    size_t *n)
{
	size_t e;

	while (i < len && text[i] != '\0' && strchr(skip, text[i]) != NULL)
		i++;
	*n = 0;
	if (i == len || !alnum_ascii((unsigned char)text[i]))
		return i;
	e = run_end(text, len, i);
	*w = text + i;
	*n = e - i;
	return e;
}

/* Whether the run w of n bytes is one of the lower-case words of list. */
static int
one_of(const char *w, size_t n, const char *const *list)
{
	size_t i;

	for (; *list != NULL; list++) {
		for (i = 0; i < n && (*list)[i] == aduan_lower_ascii((unsigned char)w[i]); i++)
			;
		if (i == n && (*list)[n] == '\0')
			return 1;
	}
	return 0;
}

/* Units a number of times or of time is counted in ("2 minggu", "3 kali"),
 * and the words after one that make it a day or a time ahead instead
 * ("hari ini", "hari Minggu", "minggu pagi", "bulan depan"). */
static const char *const units[] = {
	"menit", "jam", "hari", "hr", "minggu", "mgg", "bulan", "bln", "tahun", "thn", "th",
	"kali", "kl", "x", NULL
};
static const char *const day_units[] = {"hari", "hr", NULL};
static const char *const days[] = {
	"ini", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", NULL
};
static const char *const week_units[] = {"minggu", "mgg", NULL};
static const char *const sunday[] = {
	"pagi", "siang", "sore", "malam", "besok", "kemarin", "depan", NULL
};
static const char *const ahead[] = {"depan", NULL};
static const char *const times[] = {"kali", "kl", "x", NULL};	/* (no time ahead) */
static const char *const and[] = {"dan", "atau", "sampai", "hingga", NULL};

/* Whether the number of an RT, ending at text[i], counts something
 * rather than naming the RT ("ke pak RT 2 minggu lalu": two weeks; "lapor
 * ke RT 3 kali": three times), or is one of several RTs ("RT 4 5 6",
 * "RT 4 dan 5", "RT 4 & 5", "RT 4, 5 dan 6"), none of them the place.
 * A unit before a number names a time ("RT 3 jam 7 malam"): the RT stays.
 * A number that another thing follows counts it ("RT 9, 3 rumah", "RT 3
 * 1 minggu"): the RT stays. */
static int
not_one_rt(const char *text, size_t len, size_t i)
{
	const char *w, *w2;
	size_t n, n2, e;

	e = next_run(text, len, i, " ", &w, &n);
	if (n > 0 && one_of(w, n, units)) {
		next_run(text, len, e, " ", &w2, &n2);
		if (n2 > 0 && all_digits(w2, n2))	/* "jam 7", "tahun 2024": when */
			return 0;
		if (one_of(w, n, day_units))
			return !(n2 > 0 && one_of(w2, n2, days));
		if (one_of(w, n, week_units))
			return !(n2 > 0 && one_of(w2, n2, sunday));
		return !(n2 > 0 && one_of(w2, n2, ahead) && !one_of(w, n, times));
	}
	e = next_run(text, len, i, " ,", &w, &n);
	if ((n == 0 && e < len && text[e] == '&') || (n > 0 && one_of(w, n, and))) {
		next_run(text, len, n == 0 ? e + 1 : e, " ", &w2, &n2);
		return n2 > 0 && all_digits(w2, n2);
	}
	if (n > 0 && all_digits(w, n)) {	/* "4 5 6", "4, 5 dan 6" */
		e = next_run(text, len, e, " ,", &w2, &n2);
		return (n2 > 0 && (all_digits(w2, n2) || one_of(w2, n2, and))) ||
		    (n2 == 0 && e < len && text[e] == '&');
	}
	return 0;
}

/* The RT a run at text[i] names ("RT 5": the run "RT" and the next within
 * three bytes; "rt05": the rest of the run) into rt, if it names one
 * (not_one_rt: not when its number counts something or is one of
 * several); the run's end. */
static size_t
rt_of_run(const char *text, size_t len, size_t i, char rt[8])
{
	size_t e = run_end(text, len, i), j, k;

	if (e - i > 2) {
		if (rt_number(text + i + 2, e - i - 2, rt) && not_one_rt(text, len, e))
			rt[0] = '\0';
		return e;
	}
	for (j = e; j < len && !alnum_ascii((unsigned char)text[j]); j++)
		;
	if (j < len && j - e <= 3) {
		k = run_end(text, len, j);
		if (rt_number(text + j, k - j, rt) && not_one_rt(text, len, k))
			rt[0] = '\0';
	}
	return e;
}

/* Whether the word before text[i] makes the kelurahan spelled there
 * something else: a route ("angkot jurusan Loktuan", "trayek ..."), or
 * a school's counselling ("guru BK"). */
static int
not_the_place(const char *text, size_t i)
{
	static const char *const before[] = {"jurusan", "jrsn", "trayek", "guru", NULL};
	size_t e = i, b;

	while (e > 0 && !alnum_ascii((unsigned char)text[e - 1]) && i - e < 3)
		e--;
	for (b = e; b > 0 && alnum_ascii((unsigned char)text[b - 1]); b--)
		;
	return e > b && one_of(text + b, e - b, before);
}

/* The high bit of each of the eight bytes at s that is c (a lower-case
 * letter) in either case. */
static unsigned long long
byte_is(const char *s, int c)
{
	const unsigned long long low7 = 0x7f7f7f7f7f7f7f7fULL;
	unsigned long long w;

	memcpy(&w, s, 8);
	w = (w | 0x2020202020202020ULL) ^ (0x0101010101010101ULL * (unsigned)c);
	return ~(((w & low7) + low7) | w | low7);
}

/* The RT of the first run at or after text[i] that names one, when only
 * the RT is still looked for: only the runs that start with "rt" are
 * read.  Where it stopped. */
static size_t
rt_scan(const char *text, size_t len, size_t i, char rt[8])
{
	while (i + 1 < len && rt[0] == '\0') {
		/* eight bytes none of which starts an "rt" of either case passed
		 * at once */
		if (i + 9 <= len && (byte_is(text + i, 'r') & byte_is(text + i + 1, 't')) == 0) {
			i += 8;
			continue;
		}
		if ((text[i] | 0x20) == 'r' && (text[i + 1] | 0x20) == 't' &&
		    (i == 0 || !alnum_ascii((unsigned char)text[i - 1])))
			i = rt_of_run(text, len, i, rt);
		i++;
	}
	return i;
}

/* Whether text names an RT other than rt ("RT 11 dan RT 12"): then the
 * text states none. */
static int
rt_other(const char *text, size_t len, const char rt[8])
{
	char other[8];
	size_t i = 0;

	while (i + 1 < len) {
		other[0] = '\0';
		i = rt_scan(text, len, i, other);
		if (other[0] != '\0' && strcmp(other, rt) != 0)
			return 1;
	}
	return 0;
}

#define LOW7	0x7f7f7f7f7f7f7f7fULL
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The high bit of each of the eight bytes of w that is an ASCII letter
 * or digit: two ranges tested on the low seven bits of each byte at
 * once (no sum carries into the next byte), bytes above 0x7f excluded. */
static unsigned long long
alnum8(unsigned long long w)
{
	unsigned long long t = w & LOW7, l = t | ONES * 0x20;
	unsigned long long digit = (t + ONES * (0x80 - '0')) & ~(t + ONES * (0x7f - '9'));
	unsigned long long letter = (l + ONES * (0x80 - 'a')) & ~(l + ONES * (0x7f - 'z'));

	return (digit | letter) & ~w & HIGHS;
}

/* The eight bytes at s, the first in the lowest bits. */
static unsigned long long
load8(const char *s)
{
	unsigned long long w;

	memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* One bit for each byte of w that is an ASCII letter or digit, the
 * first byte's lowest: the high bits of alnum8 gathered by a product
 * that moves each into the top byte. */
static unsigned
alnum_bits8(unsigned long long w)
{
	return (unsigned)((alnum8(w) * 0x0002040810204081ULL) >> 56);
}

/* The place of the lowest bit set in m (not 0): the bit alone
 * times a de Bruijn number, whose top five bits then differ for each. */
static int
lowest_bit(unsigned m)
{
	static const unsigned char place[32] = {
		0, 1, 28, 2, 29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4, 8,
		31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6, 11, 5, 10, 9
	};

	return place[(unsigned)(((m & -m) * 0x077cb531UL) & 0xffffffffUL) >> 27];
}

/* Whether the run at text[i] is worth a closer look (run_says): its
 * first two bytes, in either case, are a bit of p->pair (a spelling's
 * first two letters, "rt" of an RT, or a spelling's first letter alone).
 * One look in a table, without a branch: most runs are none of these,
 * and a test of their first byte then of the rest was mispredicted a
 * run in three. */
static int
worth_a_look(const struct aduan_places *p, const char *text, size_t len, size_t i)
{
	unsigned a = (unsigned char)text[i] | 0x20, b;

	if (i + 1 == len)	/* a letter alone, ending the text */
		return p->first[a];
	b = (unsigned char)text[i + 1];
	/* (pair_of(a, b | 0x20) / 8 and % 8: b's low bits as they are) */
	return (p->pair[a << 5 | (b | 0x20) >> 3] >> (b & 7)) & 1;
}

/* What the run at text[i] says: an RT ("RT 5", "rt05") while none is
 * known, a kelurahan (it and the runs after it).  1 once the kelurahan
 * is known (the RT then too, if the text states one).  A kelurahan that
 * is not the place (not_the_place) is passed by: *skip is set to its
 * end. */
static int
run_says(const struct aduan_places *p, const char *text, size_t len, size_t i,
    const char **kel, char rt[8], size_t *skip)
{
	struct run r[RUNS];
	int k, used = 0;

	if (rt[0] == '\0' && (text[i] | 0x20) == 'r' && i + 1 < len &&
	    (text[i + 1] | 0x20) == 't')
		rt_of_run(text, len, i, rt);
	if (!may_spell(p, text, len, i))
		return 0;
	k = runs_at(text, len, i, r);
	if ((*kel = spelled(p, r, k, &used)) == NULL)
		return 0;
	if (not_the_place(text, i)) {
		*kel = NULL;
		*skip = (size_t)(r[used - 1].s + r[used - 1].n - text);
		return 0;
	}
	if (rt[0] == '\0')	/* the RT alone is looked for, after this run */
		rt_scan(text, len, run_end(text, len, i), rt);
	return 1;
}

/*
 * The runs are visited in order, thirty-two, sixteen or eight bytes at
 * a time: the runs' starts (a letter or digit after none) found at once,
 * and only those worth a look (worth_a_look) read (most runs are passed
 * by one look in a table; reading run after run was a twentieth of a dry
 * run).
 */
static int
place_read(const struct aduan_places *p, const char *text, size_t len,
    const char **kel, char rt[8])
{
	unsigned long long w;
	unsigned bits, starts, before = 0;	/* before: the byte before text[i] is one */
	size_t i, j, step, skip = 0;	/* skip: the end of a name passed by */

	*kel = NULL;
	rt[0] = '\0';
	if (p == NULL || p->n == 0) {	/* no kelurahan to find */
		rt_scan(text, len, 0, rt);
		return rt[0] != '\0';
	}
	for (i = 0; i < len; i += step) {
		/* bits, one a byte from text[i] on: a letter or digit */
#ifdef __SSE2__
		/* (the last bytes moved down, zeros above, as below; the more
		 * bytes a step, the fewer times the loop below ends) */
		if (len >= 32) {
			size_t from = len - i >= 32 ? i : len - 32;

			bits = (aduan_alnum_bits16(text + from, NULL) |
			    aduan_alnum_bits16(text + from + 16, NULL) << 16) >> (i - from);
			step = 32;
		} else if (len >= 16) {
			size_t from = len - i >= 16 ? i : len - 16;

			bits = aduan_alnum_bits16(text + from, NULL) >> (i - from);
			step = 16;
		} else
#endif
		{
			if (len - i >= 8)
				w = load8(text + i);
			else if (len >= 8)	/* the last bytes, moved down: zeros above */
				w = load8(text + len - 8) >> 8 * (8 - (len - i));
			else
				for (w = 0, j = len; j-- > i;)
					w = w << 8 | (unsigned char)text[j];
			bits = alnum_bits8(w);
			step = 8;
		}
		/* a run starts where a letter or digit follows none */
		starts = bits & ~(bits << 1 | before);
		before = bits >> (step - 1) & 1;
		for (; starts != 0; starts &= starts - 1) {
			size_t at = i + (size_t)lowest_bit(starts);

			if (at >= skip && worth_a_look(p, text, len, at) &&
			    run_says(p, text, len, at, kel, rt, &skip))
				return 1 + (rt[0] != '\0');
		}
	}
	return rt[0] != '\0';
}

/* The place read, and an RT kept only when the text names no other. */
int
aduan_place_read(const struct aduan_places *p, const char *text, size_t len,
    const char **kel, char rt[8])
{
	int n = place_read(p, text, len, kel, rt);

	if (rt[0] != '\0' && rt_other(text, len, rt)) {
		rt[0] = '\0';
		n--;
	}
	return n;
}

void
aduan_place_fill(const struct aduan_places *p, struct aduan_complaint *c, const char **from)
{
	const char *kel;
	char rt[8];
	int filled = 0;

	if ((c->v[AF_KELURAHAN] != NULL && c->v[AF_RT] != NULL) || c->v[AF_BODY] == NULL)
		return;
	if (aduan_place_read(p, c->v[AF_BODY], strlen(c->v[AF_BODY]), &kel, rt) == 0)
		return;
	if (c->v[AF_KELURAHAN] == NULL && kel != NULL) {
		aduan_complaint_sets(c, AF_KELURAHAN, kel);
		filled = 1;
	}
	if (c->v[AF_RT] == NULL && rt[0] != '\0') {
		aduan_complaint_sets(c, AF_RT, rt);
		filled = 1;
	}
	if (filled && from != NULL)
		*from = "text";
}

/* ---- groups ------------------------------------------------------------ */

/* The canonical kelurahan that name (or an alias) names, into out. */
static int
kelurahan_name(struct aduan_db *db, const char *name, struct aduan_buf *out)
{
	sqlite3_stmt *st;
	char *folded = aduan_fold(name);
	int rc;

	st = aduan_db_stmt(db, "SELECT name FROM kelurahan WHERE folded = ?1 UNION ALL "
	    "SELECT kelurahan FROM kelurahan_alias WHERE folded = ?1 LIMIT 1");
	if (st != NULL)
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	free(folded);
	if (st == NULL)
		return aduan_db_fail(db, "looking up a kelurahan");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		aduan_buf_adds(out, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up a kelurahan");
	return aduan_fail(ADUAN_USAGE, _("unknown kelurahan \"%s\" (see 'aduan kelurahan list')"),
	    name);
}

int
aduan_group_add(struct aduan_db *db, const char *name, const char *kelurahan, const char *rt)
{
	struct aduan_buf kel = {0};
	sqlite3_stmt *st;
	char rtbuf[8], *folded;
	int rc;

	if (*name == '\0')
		return aduan_fail(ADUAN_USAGE, _("a group needs a name"));
	if (rt != NULL && aduan_rt_normalize(rt, rtbuf) == -1)
		return aduan_fail(ADUAN_USAGE, _("bad rt: \"%s\" (a number such as 005)"), rt);
	if ((rc = kelurahan_name(db, kelurahan, &kel)) != 0)
		return rc;
	st = aduan_db_stmt(db, "INSERT INTO wa_group(name, folded, kelurahan, rt) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(folded) DO UPDATE SET name = excluded.name, "
	    "kelurahan = excluded.kelurahan, rt = excluded.rt");
	if (st == NULL) {
		aduan_buf_release(&kel);
		return aduan_db_fail(db, "adding a group");
	}
	folded = aduan_fold(name);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, folded, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, kel.s, -1, SQLITE_TRANSIENT);
	if (rt != NULL)
		sqlite3_bind_text(st, 4, rtbuf, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 4);
	free(folded);
	aduan_buf_release(&kel);
	return aduan_db_step(db, st, "adding a group");
}

int
aduan_group_rm(struct aduan_db *db, const char *name)
{
	sqlite3_stmt *st;
	char *folded = aduan_fold(name);
	int rc;

	if ((st = aduan_db_stmt(db, "DELETE FROM wa_group WHERE folded = ?1")) == NULL) {
		free(folded);
		return aduan_db_fail(db, "removing a group");
	}
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	free(folded);
	if ((rc = aduan_db_step(db, st, "removing a group")) != 0)
		return rc;
	if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
		return aduan_fail(ADUAN_NOMATCH, _("no such group: %s"), name);
	return 0;
}

int
aduan_group_list(struct aduan_db *db, int (*fn)(const struct aduan_group *g, void *arg),
    void *arg)
{
	sqlite3_stmt *st;
	struct aduan_group g;
	int rc, stop = 0;

	st = aduan_db_stmt(db, "SELECT name, kelurahan, rt FROM wa_group ORDER BY name");
	if (st == NULL)
		return aduan_db_fail(db, "listing the groups");
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		g.name = (const char *)sqlite3_column_text(st, 0);
		g.kelurahan = (const char *)sqlite3_column_text(st, 1);
		g.rt = (const char *)sqlite3_column_text(st, 2);
		stop = fn(&g, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc != SQLITE_DONE ? aduan_db_fail(db, "listing the groups") : 0;
}

int
aduan_group_place(struct aduan_db *db, const struct aduan_places *p, const char *name,
    const char **kel, char rt[8], const char **from)
{
	static struct aduan_buf kelbuf;
	sqlite3_stmt *st;
	char *folded = aduan_fold(name);
	int rc;

	*kel = NULL;
	rt[0] = '\0';
	st = aduan_db_stmt(db, "SELECT kelurahan, rt FROM wa_group WHERE folded = ?1");
	if (st == NULL) {
		free(folded);
		return -aduan_db_fail(db, "looking up a group");
	}
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	free(folded);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		aduan_buf_reset(&kelbuf);
		aduan_buf_adds(&kelbuf, (const char *)sqlite3_column_text(st, 0));
		*kel = kelbuf.s;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(rt, 8, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		*from = "group";
		return 1 + (rt[0] != '\0');
	}
	if (rc != SQLITE_DONE)
		return -aduan_db_fail(db, "looking up a group");
	*from = "group name";
	return aduan_place_read(p, name, strlen(name), kel, rt);
}
