/* whatsapp.c - streaming parser for WhatsApp "Export chat" text files. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "aduan.h"
#include "util.h"
#include "walines.h"
#include "whatsapp.h"
#include "zipfile.h"

#define HDR_MAX 96		/* a header never needs more bytes than this */

enum style { ST_BRACKET, ST_DASH, ST_COLON, ST_BARE, ST_N };

struct hdr {
	int n[3], nd[3];	/* date components and their digit counts */
	int hour, min, sec, has_sec;
	int ampm;		/* 0 no AM/PM mark, 1 am, 2 pm */
	enum style style;
	size_t datelen;		/* bytes of the date as written */
	size_t rest;		/* offset of the text after the header */
};

/*
 * Within one export every header is written alike: the same bytes
 * around numbers of the same number of digits ("14/11/24 09.15 - ").
 * parse_header decides a header's shape by the bytes between the numbers
 * and by how many digits each has, never by the digits' values (but for
 * the range of the time), and it reads no byte past the header.  So a
 * line with digits exactly where the last header had them and the same
 * bytes everywhere else is a header of the same shape: only its numbers
 * need reading.  This was a fifth of the parser's time.  A header with
 * no separator (ST_BARE) looks further along its line for ": ", and a
 * "]" followed by no space looks at the byte after it: those are never
 * taken as a shape.
 */
#define SHAPE_WORDS (HDR_MAX / 8)

struct shape {
	size_t len;			/* bytes of the header (its rest); 0: no shape */
	char bytes[HDR_MAX];		/* the header that set it, with the last date read */
	unsigned char at[6], nd[6];	/* where each number stands, its digits */
	struct hdr h;			/* that header's parse, with that date */
	/*
	 * For lines long enough to be read eight bytes at a time: the bytes
	 * that must be as in bytes (0xff) and those of the date's digits.
	 */
	size_t words;			/* eight-byte words the header spans */
	int time2;			/* the time's numbers have two digits each */
	/*
	 * A time of two digits a number read as one eight-byte word from
	 * its first digit (tword: the word lies in the bytes compared), its
	 * bytes less '0' each: tdig is 0xf0 at a digit's byte (whose bits
	 * there must be 0), tlim what added there passes 0x7f when the digit
	 * is past its greatest (5 for the tens of the minutes and seconds, 9
	 * for the others), ttop 0x80 at a digit's byte; hmax is the greatest
	 * hour (12 with AM/PM, else 23).  A byte that is no digit adds 0 and
	 * carries into none.
	 */
	int tword, hmax;
	unsigned char tmin, tsec;	/* where the minutes, the seconds start in it */
	unsigned long long tdig, tlim, ttop;
	unsigned long long same[SHAPE_WORDS], date[SHAPE_WORDS];
	unsigned long long fixed[SHAPE_WORDS];	/* same | date: all but the time's digits */
};

/*
 * The last date resolved, and what came of it under each order: the
 * messages of one day (hundreds in a busy group) share their date, so
 * most headers would resolve the same date again.
 */
struct date_memo {
	int n[3], nd[3];		/* the date as written */
	unsigned tried;			/* bits 1 << order */
	int r[4], y[4], m[4], d[4];	/* resolve()'s answer by order */
};

struct aduan_wa {
	FILE *in;		/* fp or the spool */
	FILE *spool;		/* owned */
	char *name;
	enum aduan_wa_order order;
	char reason[160];
	int style_ok[ST_N];

	char *line;		/* current line, in buf, NUL-terminated */
	size_t linelen;
	char *buf;		/* the input read ahead in large pieces */
	size_t bufcap, bufpos, buflen;
	int eof;
	int ranged;		/* read from fd, bytes [at, end), not from in */
	int fd;
	off_t at, end;
	long lineno;
	long skipped;

	struct shape shape;	/* of the last header read */
	struct date_memo memo;	/* of the last date resolved */
	/* ph_y, ph_m, ph_d (and date_r, what resolving said) are the shape's
	 * date resolved: a line read in the shape with its date needs no
	 * resolving (a compare of its date a line was a fortieth of the
	 * parser's work) */
	int date_known, date_r;
	/* ph is the shape's header but for its time (a line in the shape
	 * sets only the time, not the 72 bytes of a struct hdr a line) */
	int ph_shape;
	char at_date[11];	/* "YYYY-MM-DDT" of the last message */
	int at_y, at_m, at_d;	/* its date (0: none yet) */
	int pending;		/* line holds a header not yet returned */
	size_t firstlen;	/* bytes of the message's first line in body */
	struct hdr ph;
	size_t poff;		/* marks skipped at the start of line */
	long pline;
	int ph_y, ph_m, ph_d;

	struct aduan_buf body, author, attach;
	char **files;		/* a zip archive's other members' names, sorted */
	long nfiles;
	int zipped;		/* the chat came out of a zip archive */
	char *group;		/* the chat's name, or NULL */
	size_t group_len;
	int group_rule;		/* lines by that name are system lines */
	int nauthors;		/* pass one: distinct names before ": ", up to three */
};

/* ---- small byte helpers ----------------------------------------------- */

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0;
}

static int
has_suffix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* The first p in s[0..n), or NULL: memchr for its first byte, the rest
 * compared in place (the texts are short, and memmem's set-up, or a
 * memcmp call at every "h" of a text searched for "http", costs more
 * than the search). */
static inline const char *
find(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p), i;
	const char *e = s + n;

	if (k == 0)
		return s;
	while (k <= (size_t)(e - s) && (s = memchr(s, p[0], (size_t)(e - s) - k + 1)) != NULL) {
		for (i = 1; i < k && s[i] == p[i]; i++)
			;
		if (i == k)
			return s;
		s++;
	}
	return NULL;
}

/* find(s, n, ": "), where an author's name ends: 16 places at a time,
 * inline (the first colon is most often the one, in the first 16 or 32
 * bytes, found where a call to memchr would have cost more). */
static inline const char *
find_colon(const char *s, size_t n)
{
#ifdef __SSE2__
	size_t at = 0;
	unsigned m;

	if (n >= 17)	/* the last 16 places (overlapping those before) last */
		for (;;) {
			m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + at)),
			    _mm_set1_epi8(':')),
			    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + at + 1)),
			    _mm_set1_epi8(' '))));
			if (m != 0)
				return s + at + (size_t)__builtin_ctz(m);
			if (at == n - 17)
				return NULL;
			at = at + 16 < n - 17 ? at + 16 : n - 17;
		}
#endif
	return find(s, n, ": ");
}

/* Length of an invisible mark at s (BOM, U+200E/F, U+202A..E, U+2066..9), or 0. */
static size_t
mark_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n < 3)
		return 0;
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;
	if (u[0] != 0xe2)
		return 0;
	if (u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f || (u[2] >= 0xaa && u[2] <= 0xae)))
		return 3;
	if (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
		return 3;
	return 0;
}

/* Bytes of BOM/LRM/RLM at the start of s. */
static inline size_t
skip_lead_marks(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (n == 0 || (u[0] != 0xef && u[0] != 0xe2))	/* most lines */
		return 0;
	while (n - i >= 3 && ((u[i] == 0xef && u[i + 1] == 0xbb && u[i + 2] == 0xbf) ||
	    (u[i] == 0xe2 && u[i + 1] == 0x80 && (u[i + 2] == 0x8e || u[i + 2] == 0x8f))))
		i += 3;
	return i;
}

/* A space, U+00A0 or U+202F at s: its length, or 0. */
static size_t
space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && u[0] == ' ')
		return 1;
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf)
		return 3;
	return 0;
}

static int
isalpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- headers ------------------------------------------------------------ */

static int
number(const char *s, size_t n, size_t *i, int maxd, int *val, int *nd)
{
	int d = 0, v = 0;

	while (*i < n && isdig(s[*i])) {
		if (++d > maxd)
			return -1;
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	if (d == 0)
		return -1;
	*val = v;
	if (nd != NULL)
		*nd = d;
	return 0;
}

/* An AM/PM mark at s[*i]: 1 am, 2 pm, 0 none (i unchanged). */
static int
ampm(const char *s, size_t n, size_t *i)
{
	size_t j = *i;
	int r;

	j += space_len(s + j, n - j);
	if (j >= n)
		return 0;
	if (s[j] == 'a' || s[j] == 'A')
		r = 1;
	else if (s[j] == 'p' || s[j] == 'P')
		r = 2;
	else
		return 0;
	j++;
	if (j < n && s[j] == '.') {
		j++;
		j += space_len(s + j, n - j);
	}
	if (j >= n || (s[j] != 'm' && s[j] != 'M'))
		return 0;
	j++;
	if (j < n && s[j] == '.')
		j++;
	else if (j < n && (isalpha_ascii((unsigned char)s[j]) || isdig(s[j])))
		return 0;
	*i = j;
	return r;
}

/* The separator after the time: sets h->style and h->rest; -1 if none. */
static int
terminator(const char *s, size_t n, size_t i, int bracket, struct hdr *h)
{
	if (bracket) {
		if (i < n && s[i] == ']') {
			i++;
			if (i < n && s[i] == ' ')
				i++;
			h->style = ST_BRACKET;
			h->rest = i;
			return 0;
		}
		return -1;
	}
	if (has_prefix(s + i, n - i, " - ")) {
		h->style = ST_DASH;
		h->rest = i + 3;
		return 0;
	}
	if (has_prefix(s + i, n - i, ": ")) {
		h->style = ST_COLON;
		h->rest = i + 2;
		return 0;
	}
	if (h->has_sec && i < n && s[i] == ' ' && i + 1 < n && s[i + 1] != ' ' &&
	    find(s + i + 1, n - i - 1, ": ") != NULL) {
		h->style = ST_BARE;
		h->rest = i + 1;
		return 0;
	}
	return -1;
}

/*
 * Parse the header at the start of s (marks already skipped).  Checks
 * shape and time, not the date (that needs the order).  0 or -1.
 */
static int
parse_header(const char *s, size_t n, struct hdr *h)
{
	size_t i = 0, lim = n < HDR_MAX ? n : HDR_MAX, t, k;
	int bracket = 0, c, four = 0, pm;
	char seps[2] = { 0, 0 };

	memset(h, 0, sizeof(*h));
	if (lim > 0 && s[0] == '[') {
		bracket = 1;
		i++;
	}
	for (c = 0; c < 3; c++) {
		if (number(s, lim, &i, 4, &h->n[c], &h->nd[c]) == -1)
			return -1;
		if (h->nd[c] == 3 || (h->nd[c] == 4 && four++ > 0))
			return -1;
		if (c == 2)
			break;
		if (i >= lim)
			return -1;
		seps[c] = s[i];
		if (seps[c] != '/' && seps[c] != '.' && seps[c] != '-')
			return -1;
		i++;
		if (seps[c] == '.' && i < lim && s[i] == ' ')
			i++;
	}
	if (seps[0] != seps[1])
		return -1;
	if (seps[0] == '.' && i < lim && s[i] == '.')
		i++;
	h->datelen = i - (size_t)bracket;
	if (i < lim && s[i] == ',')
		i++;
	if ((k = space_len(s + i, lim - i)) == 0)
		return -1;
	i += k;
	if (has_prefix(s + i, lim - i, "klo "))
		i += 4;
	else if (has_prefix(s + i, lim - i, "\xc3\xa0 "))
		i += 3;
	if (number(s, lim, &i, 2, &h->hour, NULL) == -1)
		return -1;
	if (i >= lim || (s[i] != ':' && s[i] != '.'))
		return -1;
	i++;
	if (i + 2 > lim || !isdig(s[i]) || !isdig(s[i + 1]) ||
	    (i + 2 < lim && isdig(s[i + 2])))
		return -1;
	h->min = (s[i] - '0') * 10 + (s[i + 1] - '0');
	i += 2;
	if (i + 3 <= lim && (s[i] == ':' || s[i] == '.') && isdig(s[i + 1]) &&
	    isdig(s[i + 2]) && (i + 3 == lim || !isdig(s[i + 3]))) {
		h->sec = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		h->has_sec = 1;
		i += 3;
	}
	if (h->min > 59 || h->sec > 59)
		return -1;
	t = i;
	if ((pm = ampm(s, lim, &t)) != 0 && terminator(s, n, t, bracket, h) == 0) {
		h->ampm = pm;
		if (h->hour > 12)
			return -1;
		if (h->hour == 12)
			h->hour = 0;
		if (pm == 2)
			h->hour += 12;
	} else if (terminator(s, n, i, bracket, h) == -1)
		return -1;
	if (h->hour > 23)
		return -1;
	return 0;
}

/* The shape's tword, tdig, tlim, ttop, hmax, tmin and tsec (tword 0 when
 * its time cannot be read as one word). */
static void
shape_clock_set(struct shape *sh, const struct hdr *h)
{
	unsigned char dig[8] = { 0 }, lim[8] = { 0 }, top[8] = { 0 };
	size_t t = sh->at[3], end = (size_t)sh->at[h->has_sec ? 5 : 4] + 2, k;

	sh->tword = 0;
	if (!sh->time2 || end - t > 8 || t + 8 > sh->words * 8)
		return;
	for (k = 3; k < (h->has_sec ? 6u : 5u); k++) {
		size_t a = sh->at[k] - t;

		dig[a] = dig[a + 1] = 0xf0;
		top[a] = top[a + 1] = 0x80;
		lim[a] = (unsigned char)(0x80 - (k == 3 ? 10 : 6));
		lim[a + 1] = 0x80 - 10;
	}
	memcpy(&sh->tdig, dig, 8);
	memcpy(&sh->tlim, lim, 8);
	memcpy(&sh->ttop, top, 8);
	sh->tmin = (unsigned char)(sh->at[4] - t);
	sh->tsec = (unsigned char)(h->has_sec ? sh->at[5] - t : 0);
	sh->hmax = h->ampm != 0 ? 12 : 23;
	sh->tword = 1;
}

/* Make s (a header parsed into h) the shape to compare with. */
static void
shape_set(struct shape *sh, const char *s, const struct hdr *h)
{
	size_t i = 0, k = 0;

	sh->len = 0;
	if (h->style == ST_BARE || h->rest > HDR_MAX ||
	    (h->style == ST_BRACKET && s[h->rest - 1] != ' '))
		return;
	while (i < h->rest) {
		if (!isdig(s[i])) {
			i++;
			continue;
		}
		if (k == 6)
			return;
		sh->at[k] = (unsigned char)i;
		while (i < h->rest && isdig(s[i]))
			i++;
		sh->nd[k] = (unsigned char)(i - sh->at[k]);
		k++;
	}
	if (k != (h->has_sec ? 6u : 5u))
		return;
	memcpy(sh->bytes, s, h->rest);
	sh->h = *h;
	sh->len = h->rest;
	sh->words = (h->rest + 7) / 8;
	sh->time2 = sh->nd[3] == 2 && sh->nd[4] == 2 && (!h->has_sec || sh->nd[5] == 2);
	shape_clock_set(sh, h);
	memset(sh->same, 0, sizeof(sh->same));
	memset(sh->date, 0, sizeof(sh->date));
	k = (size_t)sh->at[2] + sh->nd[2];	/* the date's end */
	for (i = 0; i < h->rest; i++)
		if (!isdig(s[i]) || i < k)
			((unsigned char *)(isdig(s[i]) ? sh->date : sh->same))[i] = 0xff;
	for (i = 0; i < SHAPE_WORDS; i++)
		sh->fixed[i] = sh->same[i] | sh->date[i];
}

/*
 * Are the bytes of s (at least sh->words * 8 of them) those of
 * sh->bytes everywhere but where the numbers stand?  Eight bytes at a
 * time; *newdate then says whether the date's digits differ.
 */
static inline int
shape_same(const struct shape *sh, const char *s, int *newdate)
{
	unsigned long long x, d, bad = 0, diff = 0;
	size_t j;

	for (j = 0; j < sh->words; j++) {
		memcpy(&x, s + 8 * j, 8);
		memcpy(&d, sh->bytes + 8 * j, 8);
		d ^= x;
		bad |= d & sh->same[j];
		diff |= d & sh->date[j];
	}
	*newdate = diff != 0;
	return bad == 0;
}

/* The bytes of the eight at s and at t that differ where mask says. */
static inline unsigned long long
differ8(const char *s, const char *t, unsigned long long mask)
{
	unsigned long long x, y;

	memcpy(&x, s, 8);
	memcpy(&y, t, 8);
	return (x ^ y) & mask;
}

/* Are the bytes of s (at least sh->words * 8 of them) those of
 * sh->bytes everywhere but where the time's digits stand? */
static inline int
shape_fixed(const struct shape *sh, const char *s)
{
	unsigned long long bad;
	size_t j;

	if (sh->words == 3)	/* most headers: 17 to 24 bytes */
		return (differ8(s, sh->bytes, sh->fixed[0]) | differ8(s + 8, sh->bytes + 8, sh->fixed[1]) |
		    differ8(s + 16, sh->bytes + 16, sh->fixed[2])) == 0;
	for (bad = 0, j = 0; j < sh->words; j++)
		bad |= differ8(s + 8 * j, sh->bytes + 8 * j, sh->fixed[j]);
	return bad == 0;
}

/* The numbers k.. of the header s in the shape sh into v (zeroes): 0, or
 * -1 when one of them is not all digits. */
static inline int
shape_numbers(const struct shape *sh, const char *s, int k, int v[6])
{
	int nnum = sh->h.has_sec ? 6 : 5;
	size_t i, end;
	unsigned d;

	for (; k < nnum; k++) {
		const unsigned char *p = (const unsigned char *)s + sh->at[k];
		unsigned a = p[0] - (unsigned)'0', b = p[1] - (unsigned)'0';

		if (sh->nd[k] == 2 && a <= 9 && b <= 9) {	/* most are */
			v[k] = (int)(a * 10 + b);
			continue;
		}
		for (i = sh->at[k], end = i + sh->nd[k]; i < end; i++) {
			if ((d = (unsigned)(s[i] - '0')) > 9)
				return -1;
			v[k] = v[k] * 10 + (int)d;
		}
	}
	return 0;
}

/* The time v[3..5] written in a header like h into t (hour on the 24
 * hours, minutes, seconds): 0, or -1 when there is no such time. */
static inline int
shape_clock(const struct hdr *h, const int v[6], int t[3])
{
	t[0] = v[3];
	t[1] = v[4];
	t[2] = v[5];
	if (t[1] > 59 || t[2] > 59)
		return -1;
	if (h->ampm != 0) {
		if (t[0] > 12)
			return -1;
		if (t[0] == 12)
			t[0] = 0;
		if (h->ampm == 2)
			t[0] += 12;
	}
	return t[0] > 23 ? -1 : 0;
}

/*
 * The quick look: is s a header in the shape sh with sh's own date (the
 * last header's, as most are)?  1 when it is not (or s is too short to
 * tell, or its time cannot be); otherwise 0 with its hour (on the 24
 * hours), minutes and seconds in t, the rest of its header sh->h, or -1
 * when that time cannot be (as parse_header gives).  The six digits of
 * the usual time are checked at once, as one word: a check and a compare
 * for each of them were a third of the look.  Inline where it is used, so
 * that pass one, which wants no time, reads none.
 */
static inline __attribute__((always_inline)) int
shape_date(const struct shape *sh, const char *s, size_t n, int t[3])
{
	const unsigned char *u;
	unsigned long long x;
	int v[6];

	if (sh->len == 0 || n < sh->words * 8 || !shape_fixed(sh, s))
		return 1;
	if (sh->tword) {	/* hh mm (ss): the usual time */
		u = (const unsigned char *)s + sh->at[3];
		memcpy(&x, u, 8);
		x ^= 0x3030303030303030ULL;	/* a digit's byte less '0' */
		if (((x & sh->tdig) | ((x + sh->tlim) & sh->ttop)) != 0)
			return 1;
		t[0] = (u[0] - '0') * 10 + (u[1] - '0');
		t[1] = (u[sh->tmin] - '0') * 10 + (u[sh->tmin + 1] - '0');
		t[2] = sh->h.has_sec ? (u[sh->tsec] - '0') * 10 + (u[sh->tsec + 1] - '0') : 0;
		if (t[0] > sh->hmax)
			return 1;
		if (sh->h.ampm != 0)
			t[0] = t[0] % 12 + (sh->h.ampm == 2 ? 12 : 0);
		return 0;
	}
	v[3] = v[4] = v[5] = 0;
	if (shape_numbers(sh, s, 3, v) == -1)
		return 1;
	return shape_clock(&sh->h, v, t);
}

/*
 * parse_header for a line in the shape sh: 0 or -1 as parse_header
 * gives; 1 when the line is not in the shape (parse it in full).
 */
static int
shape_header(struct shape *sh, const char *s, size_t n, struct hdr *h)
{
	int v[6] = { 0 }, t[3], k = 0, nnum = sh->h.has_sec ? 6 : 5, r;
	size_t i = 0, end, dend = (size_t)sh->at[2] + sh->nd[2];
	unsigned d;

	if (sh->len == 0 || n < sh->len)
		return 1;
	if (n >= sh->words * 8) {	/* a new date */
		if (!shape_same(sh, s, &k) || shape_numbers(sh, s, 0, v) == -1)
			return 1;
		i = sh->len;
		k = nnum;
	} else if (memcmp(s, sh->bytes, dend) == 0) {
		/* the date of the last header again (hundreds of messages a
		 * day): its numbers as they were */
		memcpy(v, sh->h.n, sizeof(sh->h.n));
		k = 3;
		i = dend;
	}
	for (; k < nnum; k++) {
		for (; i < sh->at[k]; i++)	/* the bytes before the number */
			if (s[i] != sh->bytes[i])
				return 1;
		for (end = i + sh->nd[k]; i < end; i++) {
			if ((d = (unsigned)(s[i] - '0')) > 9)
				return 1;
			v[k] = v[k] * 10 + (int)d;
		}
	}
	for (; i < sh->len; i++)
		if (s[i] != sh->bytes[i])
			return 1;
	if (memcmp(sh->h.n, v, sizeof(sh->h.n)) != 0) {	/* a new date */
		memcpy(sh->bytes, s, dend);
		memcpy(sh->h.n, v, sizeof(sh->h.n));
	}
	*h = sh->h;
	r = shape_clock(h, v, t);
	h->hour = t[0];
	h->min = t[1];
	h->sec = t[2];
	return r;
}

/* parse_header, through the shape of the last header read. */
static int
read_header_slow(struct shape *sh, const char *s, size_t n, struct hdr *h)
{
	int r = shape_header(sh, s, n, h);

	if (r != 1)
		return r;
	if (parse_header(s, n, h) == -1)
		return -1;
	shape_set(sh, s, h);
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : dm[m - 1];
}

/* Where the year stands: the 4-digit component, else by order. */
static int
year_index(const struct hdr *h, enum aduan_wa_order order)
{
	int c;

	for (c = 0; c < 3; c++)
		if (h->nd[c] == 4)
			return c;
	return order == AWA_YMD ? 0 : 2;
}

/* The two components that are not the year, in written order. */
static void
pair(const struct hdr *h, int yi, int *a, int *b, int *ad, int *bd)
{
	int c, k = 0, v[2] = { 0, 0 }, d[2] = { 0, 0 };

	for (c = 0; c < 3; c++)
		if (c != yi) {
			v[k] = h->n[c];
			d[k++] = h->nd[c];
		}
	*a = v[0];
	*b = v[1];
	*ad = d[0];
	*bd = d[1];
}

static int
resolve(const struct hdr *h, enum aduan_wa_order order, int *y, int *m, int *d)
{
	int yi = year_index(h, order), a, b, ad, bd;

	pair(h, yi, &a, &b, &ad, &bd);
	if (ad > 2 || bd > 2 || h->nd[yi] == 1)
		return -1;
	*y = h->nd[yi] == 2 ? 2000 + h->n[yi] : h->n[yi];
	if (order == AWA_DMY) {
		*d = a;
		*m = b;
	} else {
		*m = a;
		*d = b;
	}
	if (*y < 1000 || *m < 1 || *m > 12 || *d < 1 || *d > days_in(*y, *m))
		return -1;
	return 0;
}

/* Is h's date written n, nd? */
static int
same_date(const struct hdr *h, const int n[3], const int nd[3])
{
	return memcmp(h->n, n, sizeof(h->n)) == 0 && memcmp(h->nd, nd, sizeof(h->nd)) == 0;
}

/* resolve(), remembering the last date's answers. */
static inline int
resolve_memo(struct date_memo *dm, const struct hdr *h, enum aduan_wa_order order,
    int *y, int *m, int *d)
{
	if (!same_date(h, dm->n, dm->nd)) {
		memcpy(dm->n, h->n, sizeof(dm->n));
		memcpy(dm->nd, h->nd, sizeof(dm->nd));
		dm->tried = 0;
	}
	if (!(dm->tried & 1u << order)) {
		dm->r[order] = resolve(h, order, &dm->y[order], &dm->m[order], &dm->d[order]);
		dm->tried |= 1u << order;
	}
	*y = dm->y[order];
	*m = dm->m[order];
	*d = dm->d[order];
	return dm->r[order];
}

/* ---- reading ------------------------------------------------------------ */

#define READ_AHEAD (256 * 1024)	/* bytes read at once; a longer line grows it */

/* Read more of the input behind what is left in w->buf: 0, or -1 on an
 * error (errno says which, or is 0).  w->eof at the end. */
static int
refill(struct aduan_wa *w)
{
	size_t n;

	errno = 0;
	if (w->bufpos > 0) {
		memmove(w->buf, w->buf + w->bufpos, w->buflen - w->bufpos);
		w->buflen -= w->bufpos;
		w->bufpos = 0;
	}
	if (w->bufcap - w->buflen < READ_AHEAD / 2) {	/* a long line */
		w->bufcap = w->bufcap ? w->bufcap * 2 : READ_AHEAD;
		w->buf = aduan_xrealloc(w->buf, w->bufcap);
	}
	/* one byte kept for the NUL after a last line without LF */
	n = w->bufcap - w->buflen - 1;
	if (w->ranged) {
		ssize_t k = 0;

		if ((off_t)n > w->end - w->at)
			n = (size_t)(w->end - w->at);
		while (n > 0 && (k = pread(w->fd, w->buf + w->buflen, n, w->at)) < 0)
			if (errno != EINTR)
				return -1;
		n = (size_t)k;
		w->at += (off_t)n;
	} else if ((n = fread(w->buf + w->buflen, 1, n, w->in)) == 0 && ferror(w->in))
		return -1;
	w->buflen += n;
	if (n == 0)
		w->eof = 1;
	return 0;
}

/* Start reading lines again from where w->in stands. */
static void
reread(struct aduan_wa *w)
{
	w->bufpos = w->buflen = 0;
	w->eof = 0;
	w->line = NULL;
	w->linelen = 0;
}

/*
 * Next line into w->line (in w->buf, valid until the next call) without
 * its LF and the CR before it, NUL-terminated: 1, 0 at EOF, -1 error.
 */
static inline int
line_at(struct aduan_wa *w, char *line, char *nl)
{
	w->line = line;
	w->lineno++;
	if (nl > line && nl[-1] == '\r')
		nl--;
	*nl = '\0';
	w->linelen = (size_t)(nl - line);
	return 1;
}

/* read_line when the line is not whole in what was read ahead */
static int
read_line_more(struct aduan_wa *w)
{
	char *line, *nl;
	size_t left;

	for (;;) {
		if (!w->eof && refill(w) == -1)
			return -1;
		line = w->buf + w->bufpos;
		left = w->buflen - w->bufpos;
		if ((nl = memchr(line, '\n', left)) != NULL) {
			w->bufpos += (size_t)(nl - line) + 1;
			return line_at(w, line, nl);
		}
		if (w->eof) {	/* the last line, without LF */
			if (left == 0)
				return 0;
			w->bufpos = w->buflen;
			return line_at(w, line, line + left);
		}
	}
}

static inline int
read_line(struct aduan_wa *w)
{
	char *line = w->buf + w->bufpos, *nl;

	if ((nl = memchr(line, '\n', w->buflen - w->bufpos)) == NULL)
		return read_line_more(w);
	w->bufpos += (size_t)(nl - line) + 1;
	return line_at(w, line, nl);
}

/* read_header for a line not in the shape with the shape's date (one line
 * in eight), out of line: the date read anew. */
static __attribute__((noinline)) int
line_header_slow(struct aduan_wa *w, size_t off)
{
	w->date_known = 0;
	w->ph_shape = 0;
	return read_header_slow(&w->shape, w->line + off, w->linelen - off, &w->ph);
}

/*
 * Is the current line a message header under the file's rules?  Inline
 * in the reading of a message, the full parse out of line: a call for
 * every line was 2.4M instructions in reading 100,000 messages.
 */
static inline __attribute__((always_inline)) int
line_header(struct aduan_wa *w)
{
	size_t off = skip_lead_marks(w->line, w->linelen);
	int r, t[3];

	if ((r = shape_date(&w->shape, w->line + off, w->linelen - off, t)) == 1)
		r = line_header_slow(w, off);
	else {	/* the shape's header at its own time */
		if (!w->ph_shape) {
			w->ph = w->shape.h;
			w->ph_shape = 1;
		}
		w->ph.hour = t[0];
		w->ph.min = t[1];
		w->ph.sec = t[2];
	}
	if (r == -1 || !w->style_ok[w->ph.style])
		return 0;
	if (!w->date_known) {
		w->date_r = resolve_memo(&w->memo, &w->ph, w->order, &w->ph_y, &w->ph_m,
		    &w->ph_d);
		w->date_known = 1;
	}
	if (w->date_r == -1)
		return 0;
	w->poff = off;
	w->pline = w->lineno;
	return 1;
}

struct scan {
	long headers, style[ST_N], yfirst;
	long ev[2], evline[2], adv[2], yfline;
	char evdate[2][24], yfdate[24];
	int have_prev, py, pa, pb, pyi;
	int pn[3], pnd[3], pk;	/* the last header's date, its evidence (ev[pk]) */
	int shape_prev;		/* the shape's date is pn, pnd (a line in it has that date) */
	long run;		/* headers in the shape after it, not counted yet (scan_run) */
	int fy, fa, fb, fyi;	/* the first header's (see join_parts) */
	struct shape shape;
	struct date_memo memo;
};

static void
copy_date(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < cap; i++)
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f)
			dst[k++] = s[i];
	dst[k] = '\0';
}

/* A header with the date y, a, b (the year at yi) after the last one:
 * whether the dates advance in the first or the second field. */
static void
advance(struct scan *sc, int y, int yi, int a, int b)
{
	if (sc->pyi == yi && sc->py == y) {
		if (a == sc->pa && b != sc->pb)
			sc->adv[1]++;
		else if (b == sc->pb && a != sc->pa)
			sc->adv[0]++;
	}
}

/* Count the headers of sc->run: each the last one's date and evidence
 * again, in the shape's style. */
static void
scan_run(struct scan *sc)
{
	sc->headers += sc->run;
	sc->style[sc->shape.h.style] += sc->run;
	if (sc->pyi == 0)
		sc->yfirst += sc->run;
	if (sc->pk >= 0)
		sc->ev[sc->pk] += sc->run;
	sc->run = 0;
}

/* Pass one: collect evidence about the date order and the header shape.
 * Returns the offset of the text after the header, or -1 when the line
 * is not one.  A header in the shape with its date right after another
 * (most headers) is only counted, in sc->run, and the run counted as
 * headers (scan_run) before anything else is: the shape may change, or
 * a first occurrence be noted. */
static long
scan_line(struct scan *sc, const char *s, size_t n, long lineno)
{
	struct hdr h;
	const struct hdr *hp = &sc->shape.h;	/* the header but for its time */
	size_t off = skip_lead_marks(s, n);
	int r, y, m, d, yi, a, b, ad, bd, dmy, mdy, t[3];

	r = shape_date(&sc->shape, s + off, n - off, t);
	if (r == 0 && sc->shape_prev) {
		sc->run++;
		return (long)(off + hp->rest);
	}
	if (sc->run > 0)
		scan_run(sc);
	if (r == 1) {
		sc->shape_prev = 0;	/* the shape's date may change */
		r = read_header_slow(&sc->shape, s + off, n - off, &h);
		hp = &h;
	}
	if (r == -1)
		return -1;
	if (sc->shape_prev || (sc->have_prev && same_date(hp, sc->pn, sc->pnd))) {
		/* the last header's date again: the same evidence, counted again
		 * (its first occurrences are noted; no date advances) */
		sc->shape_prev = sc->shape.len != 0;
		sc->headers++;
		sc->style[hp->style]++;
		sc->yfirst += sc->pyi == 0;
		if (sc->pk >= 0)
			sc->ev[sc->pk]++;
		return (long)(off + hp->rest);
	}
	if (hp != &h)
		h = *hp;
	dmy = resolve_memo(&sc->memo, &h, AWA_DMY, &y, &m, &d) == 0;
	mdy = resolve_memo(&sc->memo, &h, AWA_MDY, &y, &m, &d) == 0;
	if (!dmy && !mdy)
		return -1;
	sc->headers++;
	sc->style[h.style]++;
	yi = year_index(&h, AWA_AUTO);
	pair(&h, yi, &a, &b, &ad, &bd);
	y = h.n[yi];
	if (yi == 0) {
		if (sc->yfirst++ == 0) {
			sc->yfline = lineno;
			copy_date(sc->yfdate, sizeof(sc->yfdate), s + off + (s[off] == '['), h.datelen);
		}
	}
	sc->pk = dmy == mdy ? -1 : dmy ? 0 : 1;
	if (sc->pk >= 0) {
		int k = sc->pk;

		if (sc->ev[k]++ == 0) {
			sc->evline[k] = lineno;
			copy_date(sc->evdate[k], sizeof(sc->evdate[k]), s + off + (s[off] == '['), h.datelen);
		}
	}
	if (sc->have_prev)
		advance(sc, y, yi, a, b);
	else {
		sc->fy = y;
		sc->fyi = yi;
		sc->fa = a;
		sc->fb = b;
	}
	sc->have_prev = 1;
	sc->py = y;
	sc->pa = a;
	sc->pb = b;
	sc->pyi = yi;
	memcpy(sc->pn, h.n, sizeof(sc->pn));
	memcpy(sc->pnd, h.nd, sizeof(sc->pnd));
	sc->shape_prev = sc->shape.len != 0;
	return (long)(off + h.rest);
}

static void
decide(struct aduan_wa *w, const struct scan *sc, enum aduan_wa_order order)
{
	int yfirst = sc->yfirst * 2 > sc->headers, k;

	if (order != AWA_AUTO) {
		w->order = order;
		snprintf(w->reason, sizeof(w->reason), "%s", _("set by option"));
		return;
	}
	if (sc->ev[0] != sc->ev[1]) {
		k = sc->ev[1] > sc->ev[0];
		w->order = k ? AWA_MDY : AWA_DMY;
		if (k && yfirst)
			w->order = AWA_YMD;
		snprintf(w->reason, sizeof(w->reason),
		    w->order == AWA_YMD ? _("year first: %s on line %ld") :
		    w->order == AWA_MDY ? _("month first: %s on line %ld") :
		    _("day first: %s on line %ld"), sc->evdate[k], sc->evline[k]);
	} else if (sc->adv[0] != sc->adv[1]) {
		k = sc->adv[1] > sc->adv[0];
		w->order = k ? (yfirst ? AWA_YMD : AWA_MDY) : AWA_DMY;
		snprintf(w->reason, sizeof(w->reason),
		    w->order == AWA_YMD ?
		    _("year first: dates advance in the second field (%ld against %ld)") :
		    w->order == AWA_MDY ?
		    _("month first: dates advance in the second field (%ld against %ld)") :
		    _("day first: dates advance in the first field (%ld against %ld)"),
		    sc->adv[k], sc->adv[!k]);
	} else if (yfirst) {
		w->order = AWA_YMD;
		snprintf(w->reason, sizeof(w->reason), _("year first: %s on line %ld"),
		    sc->yfdate, sc->yfline);
	} else {
		w->order = AWA_DMY;
		snprintf(w->reason, sizeof(w->reason), "%s", _("day first: default"));
	}
}

static int quoting(const char *s, size_t n);

/* ---- what is read before the lines: zip archives, UTF-16 ---------------- */

/* Make t (a temporary file, rewound) the input, owned by the reader. */
static void
own_input(struct aduan_wa *w, FILE *t)
{
	if (w->spool != NULL)
		fclose(w->spool);
	w->spool = w->in = t;
}

static int
tmp_fail(struct aduan_wa *w, FILE *t)
{
	int e = errno;

	if (t != NULL)
		fclose(t);
	return aduan_fail(ADUAN_IOERR, "%s: cannot write a temporary file: %s", w->name,
	    strerror(e ? e : EIO));
}

/* Rewind t after writing it; -1 when it failed. */
static int
tmp_done(FILE *t)
{
	return fflush(t) == EOF || ferror(t) || fseeko(t, 0, SEEK_SET) != 0 ? -1 : 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remember the names (without folders) of the archive's members other
 * than the chat: the attachments a message may name. */
static void
archive_files(struct aduan_wa *w, struct aduan_zip *z, long chat)
{
	long i, n = aduan_zip_count(z);

	w->zipped = 1;
	w->files = aduan_xmalloc((size_t)(n > 0 ? n : 1) * sizeof(*w->files));
	for (i = 0; i < n; i++) {
		const char *name = aduan_zip_name(z, i), *slash;

		if (i == chat || name == NULL || *name == '\0' || name[strlen(name) - 1] == '/')
			continue;
		slash = strrchr(name, '/');
		w->files[w->nfiles++] = aduan_xstrdup(slash != NULL ? slash + 1 : name);
	}
	qsort(w->files, (size_t)w->nfiles, sizeof(*w->files), cmp_name);
}

/* The input copied into t (read to its end): t becomes the input. */
static int
spooled(struct aduan_wa *w, FILE *t)
{
	if (ferror(w->in)) {
		fclose(t);
		return aduan_fail(ADUAN_IOERR, "%s: %s", w->name, strerror(errno));
	}
	if (tmp_done(t) == -1)
		return tmp_fail(w, t);
	own_input(w, t);
	return 0;
}

/* Past this many bytes a chat in a zip archive is taken for a zip bomb. */
#define CHAT_MAX (4ULL << 30)

/*
 * The chat of an iPhone export's zip archive: "_chat.txt", else its
 * only ".txt" member, copied into a temporary file that becomes the input.
 */
static int
unzip(struct aduan_wa *w)
{
	struct aduan_zip *z;
	FILE *m, *t;
	char buf[65536];
	long i, n, pick, ntxt = 0;
	size_t k;
	int r;

	if ((r = aduan_zip_open_fp(&z, w->in, w->name)) != 0) {
		aduan_zip_close(z);	/* made even when it fails */
		return r;
	}
	if ((pick = aduan_zip_find(z, "_chat.txt", 1)) < 0) {
		n = aduan_zip_count(z);
		for (i = 0; i < n; i++) {
			const char *name = aduan_zip_name(z, i);
			size_t len = name != NULL ? strlen(name) : 0;

			if (len > 4 && strcasecmp(name + len - 4, ".txt") == 0 && ntxt++ == 0)
				pick = i;
		}
		if (ntxt != 1) {
			r = aduan_fail(ADUAN_DATAERR, ntxt == 0 ?
			    "%s: no chat in the zip archive (no _chat.txt, no .txt file)" :
			    "%s: the zip archive holds several .txt files and no _chat.txt",
			    w->name);
			aduan_zip_close(z);
			return r;
		}
	}
	if ((m = aduan_zip_member(z, pick, CHAT_MAX)) == NULL) {
		aduan_zip_close(z);
		return ADUAN_DATAERR;
	}
	archive_files(w, z, pick);
	if ((t = tmpfile()) == NULL)
		r = tmp_fail(w, NULL);
	while (r == 0 && (k = fread(buf, 1, sizeof(buf), m)) > 0)
		if (fwrite(buf, 1, k, t) != k)
			r = tmp_fail(w, t);
	if (r == 0 && ferror(m)) {
		r = aduan_fail(ADUAN_DATAERR, "%s: cannot read the chat in the zip archive", w->name);
		fclose(t);
	} else if (r == 0 && tmp_done(t) == -1)
		r = tmp_fail(w, t);
	fclose(m);
	aduan_zip_close(z);
	if (r == 0)
		own_input(w, t);
	return r;
}

static void
put_utf8(FILE *t, unsigned long c)
{
	if (c < 0x80)
		putc((int)c, t);
	else if (c < 0x800) {
		putc((int)(0xc0 | c >> 6), t);
		putc((int)(0x80 | (c & 0x3f)), t);
	} else if (c < 0x10000) {
		putc((int)(0xe0 | c >> 12), t);
		putc((int)(0x80 | (c >> 6 & 0x3f)), t);
		putc((int)(0x80 | (c & 0x3f)), t);
	} else {
		putc((int)(0xf0 | c >> 18), t);
		putc((int)(0x80 | (c >> 12 & 0x3f)), t);
		putc((int)(0x80 | (c >> 6 & 0x3f)), t);
		putc((int)(0x80 | (c & 0x3f)), t);
	}
}

/* UTF-16 (after its BOM; le: little-endian) to UTF-8 in a temporary file
 * that becomes the input.  A lone surrogate becomes U+FFFD. */
static int
utf16(struct aduan_wa *w, int le)
{
	FILE *t = tmpfile();
	unsigned long c, hi = 0;
	int a, b;

	if (t == NULL)
		return tmp_fail(w, NULL);
	while ((a = getc(w->in)) != EOF && (b = getc(w->in)) != EOF) {
		c = le ? (unsigned long)(a | b << 8) : (unsigned long)(a << 8 | b);
		if (hi != 0) {
			if (c >= 0xdc00 && c <= 0xdfff) {
				put_utf8(t, 0x10000 + ((hi - 0xd800) << 10) + (c - 0xdc00));
				hi = 0;
				continue;
			}
			put_utf8(t, 0xfffd);
			hi = 0;
		}
		if (c >= 0xd800 && c <= 0xdbff)
			hi = c;
		else
			put_utf8(t, c >= 0xdc00 && c <= 0xdfff ? 0xfffd : c);
	}
	if (hi != 0)
		put_utf8(t, 0xfffd);
	return spooled(w, t);
}

/*
 * Make the input a seekable file of UTF-8 lines: a pipe is copied into a
 * temporary file, the chat is taken out of a zip archive, UTF-16 is
 * converted.  Constant memory.
 */
static int
prepare(struct aduan_wa *w)
{
	unsigned char head[4];
	char buf[65536];
	size_t got, k;
	off_t start = ftello(w->in);
	FILE *t;
	int r;

	if (start < 0 || fseeko(w->in, start, SEEK_SET) != 0) {
		if ((t = tmpfile()) == NULL)
			return tmp_fail(w, NULL);
		while ((k = fread(buf, 1, sizeof(buf), w->in)) > 0)
			if (fwrite(buf, 1, k, t) != k)
				return tmp_fail(w, t);
		if ((r = spooled(w, t)) != 0)
			return r;
		start = 0;
	}
	got = fread(head, 1, sizeof(head), w->in);
	if (ferror(w->in) || fseeko(w->in, start, SEEK_SET) != 0)
		return aduan_fail(ADUAN_IOERR, "%s: %s", w->name, strerror(errno));
	if (got == 4 && memcmp(head, "PK\3\4", 4) == 0) {
		if ((r = unzip(w)) != 0)
			return r;
		got = fread(head, 1, sizeof(head), w->in);
		if (ferror(w->in) || fseeko(w->in, 0, SEEK_SET) != 0)
			return aduan_fail(ADUAN_IOERR, "%s: %s", w->name, strerror(errno));
	}
	/* a BOM, then a first character that UTF-16 text of a chat starts with
	 * (ASCII, or U+200E / U+200F) */
	if (got == 4 && ((head[0] == 0xff && head[1] == 0xfe && (head[3] == 0 || head[3] == 0x20)) ||
	    (head[0] == 0xfe && head[1] == 0xff && (head[2] == 0 || head[2] == 0x20)))) {
		fseeko(w->in, ftello(w->in) + 2, SEEK_SET);
		return utf16(w, head[0] == 0xff);
	}
	return 0;
}

/*
 * A rendering of the header that is not read, named: Buddhist or
 * Japanese calendar years, Arabic-Indic digits, the time before the
 * date.  NULL when the line shows none of them.
 */
static const char *
unsupported(const char *s, size_t n)
{
	size_t i = skip_lead_marks(s, n), lim = n < 48 ? n : 48;
	const char *p;

	for (p = s + i; p + 1 < s + lim; p++)
		if ((unsigned char)p[0] == 0xd9 && (unsigned char)p[1] >= 0xa0 &&
		    (unsigned char)p[1] <= 0xa9)
			return N_("dates and times in Arabic-Indic digits");
	if (i < lim && s[i] == '[') {
		size_t j = i + 1;

		while (j < lim && isdig(s[j]))
			j++;
		if (j > i + 1 && j < lim && s[j] == ':' && find(s + j, lim - j, ", ") != NULL)
			return N_("times written before the date");
	}
	if ((p = find(s + i, lim - i, " BE")) != NULL && p >= s + i + 4 && p[-4] == '2' &&
	    (p[-3] == '5' || p[-3] == '6'))
		return N_("years of the Buddhist era");
	for (p = s + i; p + 2 < s + lim; p++)
		if ((p[0] == '/' || p[0] == '.' || p[0] == '[') && (p[1] == 'R' || p[1] == 'H') &&
		    isdig(p[2]))
			return N_("years of a Japanese era");
	return NULL;
}

/* m->at from the fields, by hand (snprintf was a tenth of a dry run);
 * the date as the last message's when it has the same (most have). */
static void
format_at(struct aduan_wa *w, struct aduan_wa_msg *m)
{
	char *p = m->at;
	int y;

	if (m->year != w->at_y || m->month != w->at_m || m->day != w->at_d) {
		y = m->year % 10000;
		aduan_put2(w->at_date, y / 100);
		aduan_put2(w->at_date + 2, y % 100);
		w->at_date[4] = '-';
		aduan_put2(w->at_date + 5, m->month % 100);
		w->at_date[7] = '-';
		aduan_put2(w->at_date + 8, m->day % 100);
		w->at_date[10] = 'T';
		w->at_y = m->year;
		w->at_m = m->month;
		w->at_d = m->day;
	}
	memcpy(p, w->at_date, 11);
	aduan_put2(p + 11, m->hour % 100);
	p[13] = ':';
	aduan_put2(p + 14, m->min % 100);
	p[16] = '\0';
	if (m->has_sec) {
		p[16] = ':';
		aduan_put2(p + 17, m->sec % 100);
		p[19] = '\0';
	}
}

/*
 * Pass one over a part of the input: the evidence of its lines, numbered
 * from the part's first.  A large file is read in two parts at once, the
 * second on a thread of its own, and what they found joined (join_parts)
 * as one pass over the whole would have found it.
 */
struct part {
	struct aduan_wa rd;	/* the part's own reader */
	struct scan sc;
	unsigned long long authors[3];	/* distinct names before ": " (hashes) */
	int nauthors;
	const char *rendering;	/* the first rendering not read, before any header */
	long rendering_line;
	int r, err;		/* read_line's last answer; errno on -1 */
};

#define SPLIT_MIN (4L << 20)	/* the least input read in two parts */

static off_t split_test = -1;	/* aduan_wa_split_at */

void
aduan_wa_split_at(long long at)
{
	split_test = (off_t)at;
}

/* Note the name before ": " on a header line, up to three names. */
static void
count_author(struct part *p, const char *s, size_t n)
{
	const char *colon;
	unsigned long long h = 0xcbf29ce484222325ULL;
	size_t i;
	int k;

	if (p->nauthors == 3 || (colon = find_colon(s, n < 256 ? n : 256)) == NULL ||
	    quoting(s, (size_t)(colon - s)))
		return;
	for (i = 0; s + i < colon; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	for (k = 0; k < p->nauthors; k++)
		if (p->authors[k] == h)
			return;
	p->authors[p->nauthors++] = h;
}

static void *
scan_part(void *arg)
{
	struct part *p = arg;
	struct aduan_wa *rd = &p->rd;
	long rest;

	while ((p->r = read_line(rd)) == 1) {
		if ((rest = scan_line(&p->sc, rd->line, rd->linelen, rd->lineno)) >= 0)
			count_author(p, rd->line + rest, rd->linelen - (size_t)rest);
		else if (p->sc.headers == 0 && p->rendering == NULL && rd->lineno <= 100 &&
		    (p->rendering = unsupported(rd->line, rd->linelen)) != NULL)
			p->rendering_line = rd->lineno;
	}
	scan_run(&p->sc);
	p->err = errno;
	return NULL;
}

/* A part read with its own buffer: bytes [from, to) of fd, or (fd -1)
 * the rest of in. */
static void
part_open(struct part *p, FILE *in, int fd, off_t from, off_t to)
{
	memset(p, 0, sizeof(*p));
	p->rd.in = in;
	p->rd.ranged = fd != -1;
	p->rd.fd = fd;
	p->rd.at = from;
	p->rd.end = to;
	p->rd.bufcap = READ_AHEAD;
	p->rd.buf = aduan_xmalloc(p->rd.bufcap);
}

/*
 * Add part b, which follows part a, to a: the counts summed, the first
 * occurrences a's unless it has none, and the advance between a's last
 * header and b's first counted.  The header a line continues never
 * matters: pass one reads every line alone.
 */
static void
join_parts(struct part *a, const struct part *b)
{
	struct scan *s = &a->sc;
	const struct scan *t = &b->sc;
	long lines = a->rd.lineno;
	int k;

	if (s->have_prev && t->have_prev)
		advance(s, t->fy, t->fyi, t->fa, t->fb);
	s->headers += t->headers;
	for (k = 0; k < ST_N; k++)
		s->style[k] += t->style[k];
	if (s->yfirst == 0 && t->yfirst > 0) {
		s->yfline = lines + t->yfline;
		memcpy(s->yfdate, t->yfdate, sizeof(s->yfdate));
	}
	s->yfirst += t->yfirst;
	for (k = 0; k < 2; k++) {
		if (s->ev[k] == 0 && t->ev[k] > 0) {
			s->evline[k] = lines + t->evline[k];
			memcpy(s->evdate[k], t->evdate[k], sizeof(s->evdate[k]));
		}
		s->ev[k] += t->ev[k];
		s->adv[k] += t->adv[k];
	}
	for (k = 0; k < b->nauthors && a->nauthors < 3; k++) {
		int j = 0;

		while (j < a->nauthors && a->authors[j] != b->authors[k])
			j++;
		if (j == a->nauthors)
			a->authors[a->nauthors++] = b->authors[k];
	}
	if (a->rendering == NULL && b->rendering != NULL && lines + b->rendering_line <= 100) {
		a->rendering = b->rendering;
		a->rendering_line = lines + b->rendering_line;
	}
	a->rd.lineno += b->rd.lineno;
	if (a->r != -1 && b->r == -1) {
		a->r = -1;
		a->err = b->err;
	}
}

/* Where a part after start may begin in fd (size bytes): after the first
 * LF from the middle, or at split_test's; size when there is none. */
static off_t
split_point(int fd, off_t start, off_t size)
{
	char buf[4096];
	off_t at = split_test >= 0 ? split_test : start + (size - start) / 2;
	ssize_t k;
	const char *nl;

	if (split_test == 0 || (split_test < 0 && size - start < SPLIT_MIN) || at <= start)
		return size;
	for (; at < size; at += k) {
		if ((k = pread(fd, buf, sizeof(buf), at)) <= 0) {
			if (k < 0 && errno == EINTR) {
				k = 0;
				continue;
			}
			return size;	/* (read in one part, which meets the error) */
		}
		if ((nl = memchr(buf, '\n', (size_t)k)) != NULL)
			return at + (nl - buf) + 1;
	}
	return size;
}

/* Pass one over the input from start: its evidence in *a (its buffer
 * freed), in two parts when it is a large file. */
static void
pass_one(struct aduan_wa *w, off_t start, struct part *a)
{
	struct part b;
	struct stat st;
	pthread_t t;
	off_t split;
	int fd = fileno(w->in), threaded;

	if (fd == -1 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < start) {
		part_open(a, w->in, -1, 0, 0);
		scan_part(a);
		free(a->rd.buf);
		return;
	}
	split = split_point(fd, start, st.st_size);
	part_open(a, NULL, fd, start, split);
	if (split == st.st_size) {
		scan_part(a);
		free(a->rd.buf);
		return;
	}
	part_open(&b, NULL, fd, split, st.st_size);
	threaded = pthread_create(&t, NULL, scan_part, &b) == 0;
	scan_part(a);
	if (threaded)
		pthread_join(t, NULL);
	else
		scan_part(&b);
	join_parts(a, &b);
	free(a->rd.buf);
	free(b.rd.buf);
}

int
aduan_wa_open(struct aduan_wa **wp, FILE *fp, const char *name, enum aduan_wa_order order)
{
	struct aduan_wa *w;
	struct part p;
	off_t start;
	int r = 0, s, best;

	*wp = NULL;
	w = aduan_xmalloc(sizeof(*w));
	memset(w, 0, sizeof(*w));
	w->name = aduan_xstrdup(name != NULL ? name : "-");
	w->in = fp;
	w->bufcap = READ_AHEAD;
	w->buf = aduan_xmalloc(w->bufcap);
	if ((r = prepare(w)) != 0 || (start = ftello(w->in)) < 0) {
		if (r == 0)
			r = aduan_fail(ADUAN_IOERR, "%s: cannot seek: %s", w->name, strerror(errno));
		aduan_wa_close(w);
		return r;
	}
	pass_one(w, start, &p);
	if (p.r == -1) {
		r = aduan_fail(ADUAN_IOERR, "%s: %s", w->name,
		    p.err ? strerror(p.err) : "read error");
		aduan_wa_close(w);
		return r;
	}
	if (fseeko(w->in, start, SEEK_SET) != 0) {
		r = aduan_fail(ADUAN_IOERR, "%s: cannot seek: %s", w->name, strerror(errno));
		aduan_wa_close(w);
		return r;
	}
	clearerr(w->in);
	reread(w);
	if (p.sc.headers == 0) {
		if (p.rendering != NULL)
			r = aduan_fail(ADUAN_DATAERR,
			    "%s:%ld: no WhatsApp messages found: %s are not supported",
			    w->name, p.rendering_line, _(p.rendering));
		else
			r = aduan_fail(ADUAN_DATAERR, "%s: no WhatsApp messages found", w->name);
		aduan_wa_close(w);
		return r;
	}
	/* bracket and dash headers always count; the others only when usual */
	best = ST_BRACKET;
	for (s = 0; s < ST_N; s++)
		if (p.sc.style[s] > p.sc.style[best])
			best = s;
	w->style_ok[ST_BRACKET] = w->style_ok[ST_DASH] = 1;
	w->style_ok[best] = 1;
	w->nauthors = p.nauthors;
	decide(w, &p.sc, order);
	*wp = w;
	return 0;
}

void
aduan_wa_set_group(struct aduan_wa *w, const char *group)
{
	free(w->group);
	w->group = group != NULL ? aduan_xstrdup(group) : NULL;
	w->group_len = group != NULL ? strlen(group) : 0;
	w->group_rule = w->group != NULL && w->nauthors >= 3;
}

enum aduan_wa_order
aduan_wa_date_order(struct aduan_wa *w)
{
	return w->order;
}

const char *
aduan_wa_order_reason(struct aduan_wa *w)
{
	return w->reason;
}

long
aduan_wa_skipped(struct aduan_wa *w)
{
	return w->skipped;
}

void
aduan_wa_close(struct aduan_wa *w)
{
	if (w == NULL)
		return;
	if (w->spool != NULL)
		fclose(w->spool);
	free(w->name);
	free(w->group);
	free(w->buf);
	aduan_buf_release(&w->body);
	aduan_buf_release(&w->author);
	aduan_buf_release(&w->attach);
	while (w->nfiles > 0)
		free(w->files[--w->nfiles]);
	free(w->files);
	free(w);
}

/* ---- message classification -------------------------------------------- */

static int
any_in(const char *s, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (find(s, n, *list) != NULL)
			return 1;
	return 0;
}

/* Trim spaces and marks at the end. */
static size_t
rtrim(const char *s, size_t n)
{
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && mark_len(s + n - 3, 3) == 3)
			n -= 3;
		else
			return n;
	}
}

/* A decimal number without strtod (the locale may use a comma). */
static int
decimal(const char *s, size_t n, size_t *i, double *v)
{
	double x = 0, f = 1;
	int neg = 0, d = 0, fd = 0;

	if (*i < n && (s[*i] == '-' || s[*i] == '+'))
		neg = s[(*i)++] == '-';
	while (*i < n && isdig(s[*i]) && d < 4) {
		x = x * 10 + (s[(*i)++] - '0');
		d++;
	}
	if (d == 0 || (*i < n && isdig(s[*i])))
		return -1;
	if (*i < n && s[*i] == '.') {
		(*i)++;
		while (*i < n && isdig(s[*i])) {
			if (fd++ < 15) {
				f /= 10;
				x += (s[*i] - '0') * f;
			}
			(*i)++;
		}
	}
	*v = neg ? -x : x;
	return 0;
}

static int
coord_pair(const char *s, size_t n, double *lat, double *lon)
{
	size_t i = 0;

	if (decimal(s, n, &i, lat) == -1)
		return -1;
	if (i < n && s[i] == ',')
		i++;
	else if (i + 3 <= n && s[i] == '%' && s[i + 1] == '2' && (s[i + 2] == 'C' || s[i + 2] == 'c'))
		i += 3;
	else
		return -1;
	if (i < n && (s[i] == '+' || s[i] == ' ') && i + 1 < n && s[i + 1] != ' ' &&
	    (isdig(s[i + 1]) || s[i + 1] == '-'))
		i++;
	if (decimal(s, n, &i, lon) == -1)
		return -1;
	if (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)
		return -1;
	return 0;
}

/* Coordinates from the first maps link in s that has them. */
static int
find_coords(const char *s, size_t n, double *lat, double *lon)
{
	static const char *const hosts[] = {
		"google.", "goo.gl", "foursquare.com", "maps.apple.com", "openstreetmap.org", NULL
	};
	static const char *const keys[] = { "?q=", "&q=", "query=", "ll=", "@", "?daddr=", NULL };
	const char *p = s, *e = s + n, *u;
	size_t len;
	int k;

	while ((u = memmem(p, (size_t)(e - p), "http", 4)) != NULL) {
		for (len = 0; u + len < e && u[len] != ' ' && u[len] != '\n' &&
		    u[len] != '\t' && u[len] != '\0'; len++)
			;
		p = u + len;
		if (!any_in(u, len, hosts))
			continue;
		for (k = 0; keys[k] != NULL; k++) {
			const char *q = u, *f;

			while ((f = memmem(q, len - (size_t)(q - u), keys[k], strlen(keys[k]))) != NULL) {
				f += strlen(keys[k]);
				if (coord_pair(f, len - (size_t)(f - u), lat, lon) == 0)
					return 1;
				q = f;
			}
		}
	}
	return 0;
}

int
aduan_maps_coords(const char *s, size_t n, double *lat, double *lon)
{
	return find_coords(s, n, lat, lon) ? 0 : -1;
}

/* Add the name in s[a..b) without spaces and marks around it; 0 when empty. */
static int
add_name(const char *s, size_t a, size_t b, struct aduan_buf *out)
{
	a += skip_lead_marks(s + a, b - a);
	while (a < b && s[a] == ' ')
		a++;
	b = rtrim(s, b);
	if (b <= a)
		return 0;
	aduan_buf_add(out, s + a, b - a);
	return 1;
}

/* wl_match(s, n, how, mask) when may (wl_may() of s, n) lets it find
 * anything; NULL otherwise. */
static inline const struct wl_entry *
match(const char *s, size_t n, const unsigned *may, enum wl_how how, unsigned mask)
{
	return (may[how] & mask) != 0 ? wl_match(s, n, how, mask) : NULL;
}

/*
 * The attached file of a first line: "NAME (file attached)" (a suffix
 * of the catalogue), "...<attached: NAME>" (a tag of the catalogue
 * starting at the last "<"), or "NAME <attached>".  may: wl_may() of s, n.
 */
static int
attachment(const char *s, size_t n, const unsigned *may, struct aduan_buf *out)
{
	const struct wl_entry *e;
	const char *p;

	if ((e = match(s, n, may, WL_SUFFIX, WL_BIT(WLC_ATTACHED))) != NULL)
		return add_name(s, 0, n - strlen(e->text), out);
	if (n == 0 || s[n - 1] != '>' || (p = memrchr(s, '<', n)) == NULL)
		return 0;
	if ((e = wl_match(p, n - (size_t)(p - s), WL_PREFIX, WL_BIT(WLC_TAG))) != NULL)
		return add_name(s, (size_t)(p - s) + strlen(e->text), n - 1, out);
	if (has_suffix(s, n, " <\xe2\x80\x8e" "attached>") || has_suffix(s, n, " <attached>"))
		return add_name(s, 0, (size_t)(p - s), out);
	return 0;
}

static int plain_text;	/* aduan_wa_plain_text */

void
aduan_wa_plain_text(int on)
{
	plain_text = on;
}

#ifdef __SSE2__
/*
 * add_text's quick way: s[0..n) added to b 16 bytes at a time, the last
 * 16 running past n (and the first least, a multiple of 16, whatever n
 * is) into room made behind b's NUL, reading up to least + 16 bytes
 * after s[n - 1]; whether an "h" stands before a "t" at one of the
 * places copied (or a few after them: a text without "ht" holds no
 * "http").
 */
static inline int
copy_text(struct aduan_buf *b, const char *s, size_t n, size_t least)
{
	const __m128i h = _mm_set1_epi8('h'), t = _mm_set1_epi8('t');
	__m128i a, ht = _mm_setzero_si128();
	char *d;
	size_t i;

	if (b->len + n + least + 16 + 1 > b->cap)
		aduan_buf_grow(b, n + least + 16);
	d = b->s + b->len;
	for (i = 0; i < least || i < n; i += 16) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		_mm_storeu_si128((__m128i *)(void *)(d + i), a);
		ht = _mm_or_si128(ht, _mm_and_si128(_mm_cmpeq_epi8(a, h),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), t)));
	}
	b->len += n;
	b->s[b->len] = '\0';
	return _mm_movemask_epi8(ht) != 0;
}

/* The bytes of x from 0x80 up, zero or '"', one bit each. */
static inline unsigned
odd16(__m128i x)
{
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(x, _mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_setzero_si128()))));
}

/*
 * plain_author's quick way: the name s[0..n) added to b 16 bytes at a
 * time, the first 32 whatever n is (most names are shorter), reading up
 * to 32 bytes after s[n - 1]; whether it is plain (plain_name), checked
 * on the way.
 */
static inline int
copy_name(struct aduan_buf *b, const char *s, size_t n)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s),
	    y = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
	unsigned long long odd;
	char *d;
	size_t i;

	if (b->len + n + 32 + 1 > b->cap)
		aduan_buf_grow(b, n + 32);
	d = b->s + b->len;
	_mm_storeu_si128((__m128i *)(void *)d, x);
	_mm_storeu_si128((__m128i *)(void *)(d + 16), y);
	odd = (odd16(x) | (unsigned long long)odd16(y) << 16) &
	    ((1ULL << (n < 32 ? n : 32)) - 1);	/* the name's bytes only */
	for (i = 32; i < n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		_mm_storeu_si128((__m128i *)(void *)(d + i), x);
		odd |= odd16(x) & ((1ULL << (n - i < 16 ? n - i : 16)) - 1);
	}
	b->len += n;
	b->s[b->len] = '\0';
	return odd == 0;
}
#endif

/*
 * Add s[0..n), a piece of w's current line, to b: whether it may hold
 * "http" (0 only when it holds none).  A call of memcpy for each piece
 * added, and a search of every message for a link (a call of memchr for
 * each of its "h"s), mispredicted branches on the lengths and places
 * more than once a call: a piece with 16 bytes more read ahead behind
 * it is copied 16 bytes at a time, its pairs of bytes compared with "ht"
 * in the same pass.  least: bytes to copy whatever n is (so that a
 * piece as short as most are is copied without a branch on its length),
 * a multiple of 16.
 */
static inline int
add_text(const struct aduan_wa *w, struct aduan_buf *b, const char *s, size_t n, size_t least)
{
#ifdef __SSE2__
	if (!plain_text && (size_t)(w->buf + w->buflen - s) >= n + least + 16)
		return copy_text(b, s, n, least);
#else
	(void)w;
	(void)least;
#endif
	aduan_buf_add(b, s, n);
	return 1;
}

/*
 * Whether the name s[0..n) is plain ASCII without a quotation mark or a
 * NUL: then it holds no invisible mark (U+200E and its kin, the BOM), no
 * wider space and no other quotation mark either.  Most names are: they
 * are taken as they are, without looking for any of these one by one (a
 * tenth of the parser's time went into copying names a byte at a time).
 */
/* Whether the eight bytes at s hold none from 0x80 up, no zero, no '"'. */
static inline int
plain8(const char *s)
{
	const unsigned long long ones = 0x0101010101010101ULL, highs = ones * 0x80;
	unsigned long long w, q;

	memcpy(&w, s, 8);
	q = w ^ (ones * '"');
	return ((w | ((w - ones) & ~w) | ((q - ones) & ~q)) & highs) == 0;
}

static int
plain_name(const char *s, size_t n)
{
	size_t i;

	if (n >= 8) {	/* eight bytes at a time, the last eight too */
		for (i = 0; i + 8 <= n; i += 8)
			if (!plain8(s + i))
				return 0;
		return i == n || plain8(s + n - 8);
	}
	for (i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == '\0' || (unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The name s[0..n), a piece of a line of w, into out as it is but for a
 * "~" and the spaces after it and the spaces at its end, when it is
 * plain (plain_name): whether it is (out is to be cleaned anew when it is
 * not).  A plain name has no marks and no wider spaces, and the bytes
 * left out are plain, so the bytes copied tell: they are checked as they
 * are copied, 16 at a time (a check of their own was 3.7M instructions
 * for 100,000 messages).
 */
static inline int
plain_author(const struct aduan_wa *w, const char *s, size_t n, struct aduan_buf *out)
{
	size_t a, b;

	/* "~" and the spaces after it, without a branch on whether the name
	 * has one (a tenth of the names have; s[1] is the ":" after a name
	 * of one byte) */
	a = n > 0 && s[0] == '~';
	a += a & (s[1] == ' ');
	while (a < n && s[a] == ' ' && a > 1)
		a++;
	for (b = n; b > a && s[b - 1] == ' '; b--)
		;
	aduan_buf_reset(out);
#ifdef __SSE2__
	if (!plain_text && (size_t)(w->buf + w->buflen - (s + a)) >= b - a + 32)
		return copy_name(out, s + a, b - a);
#else
	(void)w;
#endif
	if (!plain_name(s + a, b - a))
		return 0;
	aduan_buf_add(out, s + a, b - a);
	return 1;
}

/* Clean a display name that is not plain into out. */
static void
clean_author(const char *s, size_t n, struct aduan_buf *out)
{
	size_t i = 0, k, a, b;

	aduan_buf_reset(out);
	aduan_buf_add(out, "", 0);
	while (i < n) {
		if ((k = mark_len(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		aduan_buf_addc(out, s[i]);
		i++;
	}
	a = 0;
	if (out->len > 0 && out->s[0] == '~') {
		a = 1;
		while (a < out->len && (k = space_len(out->s + a, out->len - a)) > 0)
			a += k;
	}
	b = out->len;
	while (b > a && out->s[b - 1] == ' ')
		b--;
	memmove(out->s, out->s + a, b - a);
	out->len = b - a;
	out->s[out->len] = '\0';
}

/*
 * Does the line begin with its author's name ("Budi: Budi changed the
 * subject ...", "~ AK: ~ AK created this group")?
 */
static int
names_author(const char *s, size_t n, const char *author)
{
	size_t alen, k;

	if (n > 0 && s[0] == '~') {
		s++;
		n--;
		while ((k = space_len(s, n)) > 0) {
			s += k;
			n -= k;
		}
	}
	if (n == 0 || s[0] != author[0])	/* most lines */
		return 0;
	alen = strlen(author);
	return alen > 0 && n > alen && has_prefix(s, n, author) && s[alen] == ' ';
}

/* The kind a catalogue entry gives a line, and whether that line is a placeholder. */
static enum aduan_wa_kind
kind_of(const struct wl_entry *e, int *placeholder)
{
	*placeholder = 1;
	switch (e->cls) {
	case WLC_MEDIA:
	case WLC_ATTACHED:
	case WLC_TAG:
		return AWA_MEDIA;
	case WLC_DELETED:
		return AWA_DELETED;
	case WLC_LOCATION:
	case WLC_LIVE:
		return AWA_LOCATION;
	case WLC_POLL:
	case WLC_EDITED:
		*placeholder = 0;
		return AWA_TEXT;
	default:
		*placeholder = 0;
		return AWA_SYSTEM;
	}
}

/* Whether the message's author is the group's own name (its length
 * first: a call for every line was a fiftieth of the parser's work). */
static int
by_group(const struct aduan_wa *w)
{
	return w->group_rule && w->author.len == w->group_len &&
	    memcmp(w->author.s, w->group, w->group_len) == 0;
}

/*
 * Fill in everything after the header from w->body (first line +
 * continuation): the kind from the catalogue of WhatsApp's own lines.
 * iphone: the header had the iPhone's shape; marked: the text began with
 * U+200E/U+200F; links: the body may hold "http" (add_text said so).
 */
static void
classify(struct aduan_wa *w, struct aduan_wa_msg *m, int attributed, int marked, int iphone,
    int links)
{
	char *b = w->body.s;
	size_t n = w->body.len, first, whole;
	int placeholder = 0, group_line;
	unsigned may[WL_NHOW];
	const struct wl_entry *e;
	const char *nl, *http;

	m->kind = AWA_TEXT;
	m->attachment = NULL;
	m->has_location = 0;
	m->lat = m->lon = 0;
	m->edited = 0;
	m->unknown = 0;

	/* edit mark at the end */
	whole = rtrim(b, n);
	if (whole > 0 && b[whole - 1] == '>' &&
	    (e = wl_match(b, whole, WL_SUFFIX, WL_BIT(WLC_EDITED))) != NULL) {
		m->edited = 1;
		n = rtrim(b, whole - strlen(e->text));
		b[n] = '\0';
		w->body.len = n;
		whole = rtrim(b, n);
	}

	nl = w->firstlen < n ? b + w->firstlen : NULL;	/* the first LF (rtrim stops at it) */
	first = nl != NULL ? rtrim(b, (size_t)(nl - b)) : whole;
	http = links ? find(b, n, "http") : NULL;
	wl_may(b, first, may);

	if (!attributed) {
		m->kind = AWA_SYSTEM;
	} else if ((e = match(b, first, may, WL_EXACT,
	    WL_BIT(WLC_MEDIA) | WL_BIT(WLC_DELETED) | WL_BIT(WLC_CALL))) != NULL &&
	    (e->cls != WLC_DELETED || first == whole)) {
		m->kind = kind_of(e, &placeholder);
	} else if ((e = match(b, first, may, WL_PREFIX, WL_BIT(WLC_NOTICE) | WL_BIT(WLC_CALL) |
	    WL_BIT(WLC_LOCATION) | WL_BIT(WLC_LIVE) | WL_BIT(WLC_POLL) |
	    WL_BIT(WLC_DELETED))) != NULL &&
	    (e->cls != WLC_LOCATION || find(b, first, "http") != NULL)) {
		m->kind = kind_of(e, &placeholder);
	} else if (attachment(b, first, may, &w->attach)) {
		m->kind = AWA_MEDIA;
		m->attachment = w->attach.s;
		placeholder = 1;
	} else if ((e = match(b, first, may, WL_SUFFIX, WL_BIT(WLC_MEDIA))) != NULL) {
		m->kind = kind_of(e, &placeholder);
	} else if (http != NULL && find(http, n - (size_t)(http - b), "https://foursquare.com/v/") != NULL) {
		m->kind = AWA_LOCATION;
	} else {
		/* attributed to the group, marked, or naming its author: maybe a system line */
		group_line = by_group(w);
		if (group_line || marked || (nl == NULL && names_author(b, n, w->author.s))) {
			if (wl_match(b, first, WL_PHRASE, WL_BIT(WLC_SYSTEM) | WL_BIT(WLC_NOTICE)))
				m->kind = AWA_SYSTEM;
			else if (group_line || (marked && iphone)) {
				m->kind = AWA_SYSTEM;
				m->unknown = 1;
			}
		}
	}
	if (http != NULL && m->kind != AWA_SYSTEM && m->kind != AWA_DELETED &&
	    find_coords(http, n - (size_t)(http - b), &m->lat, &m->lon)) {
		m->has_location = 1;
		if (m->kind == AWA_TEXT && has_prefix(b, whole, "http") &&
		    memchr(b, ' ', whole) == NULL && memchr(b, '\n', whole) == NULL)
			m->kind = AWA_LOCATION;
	}
	m->body = b;
	m->body_len = n;
	if (placeholder) {
		m->text = nl != NULL && (size_t)(nl - b) < n ? nl + 1 : b + n;
		m->text_len = n - (size_t)(m->text - b);
	} else {
		m->text = b;
		m->text_len = n;
	}
}

/*
 * Is the would-be author of a line rather the start of a system line
 * quoting a subject with ": " in it (Android: 'Budi changed the subject
 * to "Info: RT 5"')?  Only a part holding a quotation mark is looked at.
 */
static int
quoting(const char *s, size_t n)
{
	if (memchr(s, '"', n) == NULL && find(s, n, "\xe2\x80\x9c") == NULL &&
	    find(s, n, "\xe2\x80\x9e") == NULL && find(s, n, "\xc2\xab") == NULL)
		return 0;
	return wl_match(s, n, WL_PHRASE, WL_BIT(WLC_QUOTING)) != NULL;
}

int
aduan_wa_next(struct aduan_wa *w, struct aduan_wa_msg *m)
{
	const char *rest, *colon;
	size_t rlen, k;
	int r, attributed = 0, marked, iphone, plain, links;

	if (!w->pending) {
		for (;;) {
			if ((r = read_line(w)) == 0)
				return 0;
			if (r == -1)
				return aduan_fail(ADUAN_IOERR, "%s:%ld: %s", w->name, w->lineno + 1,
				    errno ? strerror(errno) : "read error");
			if (line_header(w))
				break;
			w->skipped++;
		}
	}
	w->pending = 0;
	/* every field is set below (and in classify()): the time's tail zeroed */
	memset(m->at + 16, 0, sizeof(m->at) - 16);
	m->line = w->pline;
	m->year = w->ph_y;
	m->month = w->ph_m;
	m->day = w->ph_d;
	m->hour = w->ph.hour;
	m->min = w->ph.min;
	m->sec = w->ph.sec;
	m->has_sec = w->ph.has_sec;
	format_at(w, m);

	iphone = w->ph.style != ST_DASH;
	/* author and first line */
	rest = w->line + w->poff + w->ph.rest;
	rlen = w->linelen - w->poff - w->ph.rest;
	aduan_buf_reset(&w->attach);
	aduan_buf_reset(&w->body);
	colon = find_colon(rest, rlen);
	plain = colon != NULL && plain_author(w, rest, (size_t)(colon - rest), &w->author);
	if (colon != NULL && (plain || (!quoting(rest, (size_t)(colon - rest)) &&
	    memchr(rest, '\0', (size_t)(colon - rest)) == NULL))) {
		attributed = 1;
		if (!plain)
			clean_author(rest, (size_t)(colon - rest), &w->author);
		rlen -= (size_t)(colon + 2 - rest);
		rest = colon + 2;
	} else {
		aduan_buf_reset(&w->author);
		aduan_buf_add(&w->author, "", 0);
	}
	k = skip_lead_marks(rest, rlen);
	marked = k > 0;
	links = add_text(w, &w->body, rest + k, rlen - k, 0);
	w->firstlen = w->body.len;

	/* continuation lines */
	for (;;) {
		if ((r = read_line(w)) == 0)
			break;
		if (r == -1)
			return aduan_fail(ADUAN_IOERR, "%s:%ld: %s", w->name, w->lineno + 1,
			    errno ? strerror(errno) : "read error");
		if (line_header(w)) {
			w->pending = 1;
			break;
		}
		aduan_buf_addc(&w->body, '\n');
		links |= add_text(w, &w->body, w->line, w->linelen, 0);
	}
	classify(w, m, attributed, marked, iphone, links);
	m->attached = m->attachment == NULL || !w->zipped ? -1 :
	    bsearch(&m->attachment, w->files, (size_t)w->nfiles, sizeof(*w->files), cmp_name) != NULL;
	m->author = attributed ? w->author.s : NULL;
	m->author_len = attributed ? w->author.len : 0;
	return 1;
}

/* ---- file names ----------------------------------------------------------- */

char *
aduan_wa_group_from_filename(const char *path)
{
	static const char *const pre[] = {
		"WhatsApp Chat with ", "WhatsApp Chat - ", "Chat WhatsApp dengan ",
		"WhatsApp-Chat mit ", NULL
	};
	static const char *const suf[] = { ".txt", ".zip", NULL };
	const char *base = strrchr(path, '/'), *s;
	size_t n, k;
	int i, j;

	base = base != NULL ? base + 1 : path;
	for (i = 0; pre[i] != NULL; i++) {
		if (strncmp(base, pre[i], strlen(pre[i])) != 0)
			continue;
		s = base + strlen(pre[i]);
		n = strlen(s);
		for (j = 0; suf[j] != NULL; j++) {
			k = strlen(suf[j]);
			if (n > k && strcmp(s + n - k, suf[j]) == 0)
				return aduan_xstrndup(s, n - k);
		}
	}
	return NULL;
}
