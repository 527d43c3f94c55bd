/*
 * t-place.c - the kelurahan and RT a text states (aduan_place_read):
 * the cases of t-place.tab, then texts made at random from pieces of
 * places, RTs, digits, spaces, marks and other bytes, each read as well
 * by the rule of place.h written plainly here (the text cut into runs,
 * each run looked at in turn) and the two answers compared.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "place.h"
#include "util.h"
#include "tap.h"

/* The spellings of t-place.tab's [places] (and their folded forms). */
#define SPELLINGS 64
static char *names[SPELLINGS];
static char *folded[SPELLINGS];
static int nspellings;

static void
add(struct aduan_places *p, const char *spelling, const char *name)
{
	char *f = aduan_fold(spelling);
	int i;

	aduan_places_add(p, spelling, name);
	for (i = 0; i < nspellings; i++)
		if (strcmp(folded[i], f) == 0 || *f == '\0') {	/* the first wins */
			free(f);
			return;
		}
	if (nspellings == SPELLINGS) {
		printf("Bail out! more than %d spellings\n", SPELLINGS);
		exit(1);
	}
	folded[nspellings] = f;
	names[nspellings++] = aduan_xstrdup(name);
}

static void
forget(void)
{
	while (nspellings > 0) {
		nspellings--;
		free(folded[nspellings]);
		free(names[nspellings]);
	}
}

/* ---- the rule, written plainly ------------------------------------- */

static int
alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The runs of ASCII letters and digits: their starts and ends. */
static int
runs(const char *s, size_t len, size_t *start, size_t *end, int max)
{
	size_t i = 0;
	int n = 0;

	while (n < max) {
		while (i < len && !alnum((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		start[n] = i;
		while (i < len && alnum((unsigned char)s[i]))
			i++;
		end[n++] = i;
	}
	return n;
}

/* "005" from the digits s[0..n): one to three, not all zero. */
static void
number(const char *s, size_t n, char rt[8])
{
	int v = 0;
	size_t i;

	if (n == 0 || n > 3)
		return;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return;
		v = v * 10 + s[i] - '0';
	}
	if (v > 0) {
		rt[0] = (char)('0' + v / 100);
		rt[1] = (char)('0' + v / 10 % 10);
		rt[2] = (char)('0' + v % 10);
		rt[3] = '\0';
	}
}

/* Whether run r of s is one of the words of list, in any case. */
static int
word(const char *s, const size_t *start, const size_t *end, int n, int r,
    const char *const *list)
{
	char w[16];
	size_t m = end[r] - start[r], i;

	if (r >= n || m >= sizeof(w))
		return 0;
	for (i = 0; i < m; i++)
		w[i] = (char)aduan_lower_ascii((unsigned char)s[start[r] + i]);
	w[m] = '\0';
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static int
digits(const char *s, const size_t *start, const size_t *end, int n, int r)
{
	size_t i;

	if (r >= n)
		return 0;
	for (i = start[r]; i < end[r]; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Whether the bytes from s[a] to s[b] are all of set (a NUL byte none). */
static int
only(const char *s, size_t a, size_t b, const char *set)
{
	for (; a < b; a++)
		if (s[a] == '\0' || strchr(set, s[a]) == NULL)
			return 0;
	return 1;
}

/* The bytes after run r: up to the next run, or to the text's end. */
#define GAP(r)	end[r], ((r) + 1 < n ? start[(r) + 1] : len)

/* Whether the number that is (or ends) run q counts something or is one
 * of several (place.c's not_one_rt). */
static int
counts(const char *s, size_t len, const size_t *start, const size_t *end, int n, int q)
{
	static const char *const units[] = {"menit", "jam", "hari", "hr", "minggu", "mgg",
		"bulan", "bln", "tahun", "thn", "th", "kali", "kl", "x", NULL};
	static const char *const days[] = {"ini", "senin", "selasa", "rabu", "kamis", "jumat",
		"sabtu", "minggu", "ahad", NULL};
	static const char *const sunday[] = {"pagi", "siang", "sore", "malam", "besok",
		"kemarin", "depan", NULL};
	static const char *const hari[] = {"hari", "hr", NULL}, *const minggu[] = {"minggu", "mgg", NULL};
	static const char *const depan[] = {"depan", NULL}, *const times[] = {"kali", "kl", "x", NULL};
	static const char *const and[] = {"dan", "atau", "sampai", "hingga", NULL};
	size_t a, b;
	int spaced = q + 1 < n && only(s, GAP(q), " ");

	if (spaced && word(s, start, end, n, q + 1, units)) {
		int then = q + 2 < n && only(s, GAP(q + 1), " ");

		if (then && digits(s, start, end, n, q + 2))
			return 0;

		if (word(s, start, end, n, q + 1, hari))
			return !(then && word(s, start, end, n, q + 2, days));
		if (word(s, start, end, n, q + 1, minggu))
			return !(then && word(s, start, end, n, q + 2, sunday));
		return !(then && word(s, start, end, n, q + 2, depan) &&
		    !word(s, start, end, n, q + 1, times));
	}
	/* "& 5": the gap, past spaces and commas, an "&" then spaces */
	for (a = end[q], b = q + 1 < n ? start[q + 1] : len; a < b && (s[a] == ' ' || s[a] == ','); a++)
		;
	if (a < b && s[a] == '&')
		return q + 1 < n && only(s, a + 1, b, " ") && digits(s, start, end, n, q + 1);
	if (q + 1 >= n || !only(s, GAP(q), " ,"))
		return 0;
	if (word(s, start, end, n, q + 1, and))
		return q + 2 < n && only(s, GAP(q + 1), " ") && digits(s, start, end, n, q + 2);
	if (!digits(s, start, end, n, q + 1))
		return 0;
	for (a = end[q + 1], b = q + 2 < n ? start[q + 2] : len; a < b && (s[a] == ' ' || s[a] == ','); a++)
		;
	if (a < b && s[a] == '&')
		return 1;
	return a == b && q + 2 < n &&
	    (digits(s, start, end, n, q + 2) || word(s, start, end, n, q + 2, and));
}

/* The RT run r names, into rt ("" when none). */
static void
rt_of(const char *s, size_t len, const size_t *start, const size_t *end, int n, int r,
    char rt[8])
{
	rt[0] = '\0';
	if (end[r] - start[r] < 2 || aduan_lower_ascii((unsigned char)s[start[r]]) != 'r' ||
	    aduan_lower_ascii((unsigned char)s[start[r] + 1]) != 't')
		return;
	if (end[r] - start[r] > 2) {	/* "rt05" */
		number(s + start[r] + 2, end[r] - start[r] - 2, rt);
		if (rt[0] != '\0' && counts(s, len, start, end, n, r))
			rt[0] = '\0';
	} else if (r + 1 < n && start[r + 1] - end[r] <= 3) {	/* "RT 5" */
		number(s + start[r + 1], end[r + 1] - start[r + 1], rt);
		if (rt[0] != '\0' && counts(s, len, start, end, n, r + 1))
			rt[0] = '\0';
	}
}

static void
reference(int with_places, const char *s, size_t len, const char **kel, char rt[8])
{
	static const char *const route[] = {"jurusan", "jrsn", "trayek", "guru", NULL};
	size_t start[512], end[512];
	int n = runs(s, len, start, end, 512), r, k, i;
	char other[8];

	*kel = NULL;
	rt[0] = '\0';
	for (r = 0; r < n && (*kel == NULL || rt[0] == '\0'); r++) {
		if (rt[0] == '\0')
			rt_of(s, len, start, end, n, r, rt);
		if (*kel != NULL || !with_places)
			continue;
		/* three runs joined, then two, then one (63 bytes at most) */
		for (k = 3; k >= 1 && *kel == NULL; k--) {
			char f[64];
			size_t m = 0, j;

			if (r + k > n)
				continue;
			for (i = r; i < r + k; i++)
				for (j = start[i]; j < end[i] && m < sizeof(f) - 1; j++)
					f[m++] = (char)aduan_lower_ascii((unsigned char)s[j]);
			f[m] = '\0';
			for (i = r, j = 0; i < r + k; i++)
				j += end[i] - start[i];
			if (j >= sizeof(f))
				continue;
			for (i = 0; i < nspellings && *kel == NULL; i++)
				if (strcmp(folded[i], f) == 0)
					*kel = names[i];
		}
		/* after a route's word, the name and its runs are passed by */
		if (*kel != NULL && r > 0 && start[r] - end[r - 1] <= 3 &&
		    word(s, start, end, n, r - 1, route)) {
			*kel = NULL;
			r += k;	/* (k: one less than the runs it spans) */
		}
	}
	/* an RT only when no other is named */
	for (r = 0; r < n && rt[0] != '\0'; r++) {
		rt_of(s, len, start, end, n, r, other);
		if (other[0] != '\0' && strcmp(other, rt) != 0)
			rt[0] = '\0';
	}
}

/* ---- the comparison ------------------------------------------------- */

static const char *
show(const char *s, size_t len)
{
	static char buf[2048];
	size_t i, n = 0;

	for (i = 0; i < len && n + 5 < sizeof(buf); i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[n++] = (char)c;
		else
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\x%02x", c);
	}
	buf[n] = '\0';
	return buf;
}

/* Whether aduan_place_read agrees with the rule on s; a failure shown. */
static int
agrees(const struct aduan_places *p, const char *s, size_t len)
{
	const char *kel, *want_kel;
	char rt[8], want_rt[8];
	int got = aduan_place_read(p, s, len, &kel, rt);

	reference(p != NULL, s, len, &want_kel, want_rt);
	if ((kel == NULL) == (want_kel == NULL) && (kel == NULL || strcmp(kel, want_kel) == 0) &&
	    strcmp(rt, want_rt) == 0 &&
	    got == (want_kel != NULL) + (want_rt[0] != '\0'))
		return 1;
	printf("# \"%s\": read %s, rt \"%s\" (%d); the rule says %s, rt \"%s\"\n", show(s, len),
	    kel ? kel : "none", rt, got, want_kel ? want_kel : "none", want_rt);
	return 0;
}

/* A text of the pieces, at random (a fixed sequence: the same texts each run). */
static unsigned long seed = 16;

static unsigned
next(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(seed >> 33) % n;
}

static size_t
make_text(char *buf, size_t size, const char *const *pieces, int npieces)
{
	size_t n = 0;
	int k = (int)next(24), i;

	for (i = 0; i < k; i++) {
		const char *piece = pieces[next((unsigned)npieces)];
		size_t m = strlen(piece);

		if (strcmp(piece, "NUL") == 0) {
			piece = "";
			m = 1;
		}
		if (n + m >= size)
			break;
		memcpy(buf + n, piece, m);
		n += m;
	}
	return n;
}

int
main(void)
{
	struct aduan_places *p = aduan_places_new(), *odd = aduan_places_new();
	static const char *const pieces[] = {
		"RT", "rt", "Rt.", "RT:", "rt ", "RT  ", "rt    ", "rT-", "05", "5", "012", "0",
		"000", "1234", "rtx", "RT05", "rt7", "RTRW", "Api", "api", "-", "Api2", "api-api",
		"Gn.", "Gn", "G.", "Elai", "ELAI", "Lok", "lok", "Tuan", "Loktuan", "Bontang", "Btg",
		"Kuala", "kuala", "Baru", "Guntung", "GUNTONG", "Gunung", "kel.", "Kelurahan",
		"di", "jalan", "rusak", "x", "a", "B", "7", " ", " ", " ", "  ", "\n", ",", ".",
		"!", "/", "\t", "\xc3\xa9", "\xe2\x80\x8e", "\xf0\x9f\x99\x8f", "\xff", "NUL",
		"kurang", "bontangkuala", "lhok", "apiapi", "elay", "3", "Ulu", "tiga", "R", "T",
		"minggu", "Hari", "ini", "lalu", "depan", "pagi", "kali", "dan", "&", ", ", "jurusan",
		"guru", "BK", "bk", "bln", "12", "jam",
	};
	char text[4096];
	int i, bad;

	/* The preset's places, as aduan init loads them. */
	for (tap_rows_open(&tr, "places"); tap_rows_next(&tr);)
		add(p, tr.col[0], tr.col[1]);
	/* Written cases: text, kelurahan (\N: none), RT ("": none). */
	for (tap_rows_open(&tr, "read"); tap_rows_next(&tr);) {
		const char *kel;
		char rt[8], what[300];

		aduan_place_read(p, tr.col[0], strlen(tr.col[0]), &kel, rt);
		snprintf(what, sizeof(what), "%s: kelurahan", tr.col[3]);
		is_str(kel ? kel : "(none)", tr.col[1] ? tr.col[1] : "(none)", what);
		snprintf(what, sizeof(what), "%s: RT", tr.col[3]);
		is_str(rt, tr.col[2], what);
		ok(agrees(p, tr.col[0], strlen(tr.col[0])), "%s: as the rule says", tr.col[3]);
	}

	/* Every length and alignment: the texts at random. */
	for (i = bad = 0; i < 200000; i++) {
		size_t n = make_text(text, sizeof(text), pieces,
		    (int)(sizeof(pieces) / sizeof(pieces[0])));

		bad += !agrees(p, text, n);
		/* and from an odd address, and cut short */
		memmove(text + 1, text, n);
		bad += !agrees(p, text + 1, n);
		bad += !agrees(p, text + 1, n / 2);
		if (bad > 5)
			break;
	}
	is_int(bad, 0, "200,000 texts at random read as the rule says");

	/* No places: the RT alone. */
	forget();
	for (i = bad = 0; i < 50000 && bad <= 5; i++) {
		size_t n = make_text(text, sizeof(text), pieces,
		    (int)(sizeof(pieces) / sizeof(pieces[0])));

		bad += !agrees(NULL, text, n);
	}
	is_int(bad, 0, "without places, the RT read as the rule says");

	/* Spellings of one letter, of digits, and starting with "rt". */
	for (tap_rows_open(&tr, "odd places"); tap_rows_next(&tr);)
		add(odd, tr.col[0], tr.col[1]);
	for (i = bad = 0; i < 100000 && bad <= 5; i++) {
		size_t n = make_text(text, sizeof(text), pieces,
		    (int)(sizeof(pieces) / sizeof(pieces[0])));

		bad += !agrees(odd, text, n);
	}
	is_int(bad, 0, "odd spellings read as the rule says");

	forget();
	aduan_places_free(p);
	aduan_places_free(odd);
	return tap_done();
}
