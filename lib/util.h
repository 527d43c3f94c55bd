/* util.h - memory, growable buffers, text for terminals, names and ids (util.c). */
#ifndef ADUAN_UTIL_H
#define ADUAN_UTIL_H

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "aduan.h"

void *aduan_xmalloc(size_t n);	/* abort on out-of-memory: nothing to roll back */
void *aduan_xrealloc(void *p, size_t n);
/*
 * Room for need elements of size bytes at p, which has room for *cap of
 * them: the room is doubled (from 16) until they fit, and *cap set.
 * Returns p or where it moved; abort on out-of-memory, as above.
 */
void *aduan_grow(void *p, size_t *cap, size_t need, size_t size);
char *aduan_xstrdup(const char *s);
char *aduan_xstrndup(const char *s, size_t n);
/* The index of the row named name (len bytes) in table, n rows of size
 * bytes that each begin with their name (a const char *; NULL, as a
 * table's last row has it, names nothing), or -1. */
int aduan_row_named(const void *table, size_t n, size_t size, const char *name, size_t len);
/* FNV-1a over n bytes of s, going on from h (ADUAN_FNV_START for a new
 * hash): the one hash of the in-memory tables of words and places. */
#define ADUAN_FNV_START 2166136261u
static inline unsigned
aduan_fnv_step(unsigned h, const char *s, size_t n)
{
	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}
/* c with an ASCII capital letter in lower case, whatever the locale
 * (text here is UTF-8, whose other bytes are no letters to fold). */
static inline int
aduan_lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}
/* "00" to "99": the two digits of v at aduan_digits2 + 2 * v. */
extern const char aduan_digits2[201];
/* v, 0 to 99, as two digits at p: two bytes copied, no division. */
static inline void
aduan_put2(char *p, int v)
{
	memcpy(p, aduan_digits2 + 2 * v, 2);
}
/* "HH:MM:SSZ" of a stored stamp at p (its NUL after). */
static inline void
aduan_put_hms(char *p, int h, int mi, int s)
{
	aduan_put2(p, h);
	p[2] = ':';
	aduan_put2(p + 3, mi);
	p[5] = ':';
	aduan_put2(p + 6, s);
	p[8] = 'Z';
	p[9] = '\0';
}
/* free(3) each of the n pointers at v (any of them may be NULL). */
void aduan_free_each(void *const *v, size_t n);
#define ADUAN_FREE_EACH(...) \
	aduan_free_each((void *const[]){__VA_ARGS__}, \
	    sizeof((void *const[]){__VA_ARGS__}) / sizeof(void *))

/* memmove(d, s, n), inline up to 32 bytes (the short fields of a
 * record, its stamps and keys): all that is moved read before any of it
 * is written, so that s and d may overlap as memmove allows. */
static inline void
aduan_move(char *d, const char *s, size_t n)
{
	uint64_t a, b, g, h;
	uint32_t x, y;
	char f, m;

	if (n > 32)
		memmove(d, s, n);
	else if (n > 16) {	/* the first 16 and the last 16, which overlap */
		memcpy(&a, s, 8);
		memcpy(&b, s + 8, 8);
		memcpy(&g, s + n - 16, 8);
		memcpy(&h, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + 8, &b, 8);
		memcpy(d + n - 16, &g, 8);
		memcpy(d + n - 8, &h, 8);
	} else if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else if (n > 0) {	/* the first, middle and last of 1 to 3 */
		f = s[0];
		m = s[n / 2];
		d[n - 1] = s[n - 1];
		d[n / 2] = m;
		d[0] = f;
	}
}

/* Whether a[0..n) and b[0..n) are the same: inline, eight bytes at a
 * time and a last part as the eight that end with it (four and four
 * under eight), for the short names and messages compared once each
 * (memcmp would be a call). */
static inline int
aduan_same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t p, q;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		if (p != q)
			return 0;
		memcpy(&p, a + n - 4, 4);
		memcpy(&q, b + n - 4, 4);
		return p == q;
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* A growable byte buffer, always NUL-terminated. */
struct aduan_buf {
	char *s;
	size_t len, cap;
};
/* Room in b for n more bytes and the NUL (aduan_buf_add's slow path). */
void aduan_buf_grow(struct aduan_buf *b, size_t n);

/* Inline: the buffers of a message's strings are added to a few times a
 * message, a call each was a tenth of the work around the decision. */
static inline void
aduan_buf_add(struct aduan_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		aduan_buf_grow(b, n);
	/* (memcpy, not aduan_move: its branches for lengths a caller's small
	 * array cannot have would be warned about wherever one is added) */
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
aduan_buf_adds(struct aduan_buf *b, const char *s)
{
	aduan_buf_add(b, s, strlen(s));
}

static inline void
aduan_buf_addc(struct aduan_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		aduan_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}
void aduan_buf_printf(struct aduan_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void
aduan_buf_reset(struct aduan_buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

void aduan_buf_release(struct aduan_buf *b);
/* Append s (may be NULL) with the five XML characters escaped and other
 * control characters but newline and tab, which XML 1.0 does not admit,
 * as spaces: for HTML and SVG pages. */
void aduan_buf_add_xml(struct aduan_buf *b, const char *s);
/* Append open, s as aduan_buf_add_xml does, and close: markup around a
 * text ("<p>", s, "</p>\n"). */
void aduan_buf_add_xml_in(struct aduan_buf *b, const char *open, const char *s,
    const char *close);

/* Append s as a JSON string literal (with quotes). Invalid UTF-8 bytes
 * become U+FFFD. */
void aduan_json_quote(struct aduan_buf *b, const char *s, size_t n);

/*
 * Terminal safety: the one routine every view meant for people and every
 * message that quotes user text goes through.  Appends s[0..n) with
 * every byte a terminal could take as a command made visible: C0
 * controls and DEL as \xNN (newline and tab kept, or shown as \n and \t
 * with AV_ONELINE; CR kept only right before LF), the C1 controls
 * U+0080..U+009F (U+009B is CSI) and the bidirectional overrides as
 * \uNNNN, and bytes that are not UTF-8 as \xNN.  With AV_PARTIAL an
 * incomplete UTF-8 sequence or a CR at the very end is left for the next
 * call (a stream cut into chunks); the bytes consumed are returned.
 */
enum { AV_ONELINE = 1, AV_PARTIAL = 2 };
size_t aduan_visible_n(struct aduan_buf *b, const char *s, size_t n, int flags);
/* The same for a string, all of it. */
void aduan_visible(struct aduan_buf *b, const char *s, int oneline);

/* Fold a name for comparison: ASCII lower case, spaces, dashes, dots and
 * underscores removed ("Lok Tuan" == "loktuan" == "LOK-TUAN"). */
char *aduan_fold(const char *s);	/* caller frees */

/* Whether the 16 bytes at s are all ASCII. */
static inline int
aduan_ascii16(const char *s)
{
#ifdef __SSE2__
	return _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)s)) == 0;
#else
	uint64_t w[2];

	memcpy(w, s, 16);
	return !((w[0] | w[1]) & UINT64_C(0x8080808080808080));
#endif
}

/* Whether the 32 bytes at s are all ASCII. */
static inline int
aduan_ascii32(const char *s)
{
#ifdef __SSE2__
	return _mm_movemask_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)s),
	    _mm_loadu_si128((const __m128i *)(const void *)(s + 16)))) == 0;
#else
	return aduan_ascii16(s) && aduan_ascii16(s + 16);
#endif
}

/* The same as aduan_utf8_valid, s[0..i) being ASCII. */
size_t aduan_utf8_valid_from(const char *s, size_t n, size_t i);

/*
 * Length of the valid UTF-8 prefix of s (n bytes).  Inline while it is
 * ASCII, as most fields are: 32 bytes at a time, then the last 16 (which
 * may overlap those before); a field under 16 bytes as two words that
 * overlap, or byte by byte under 4.
 */
static inline size_t
aduan_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w[2];
	uint32_t h[2];

	if (n >= 16) {
		while (n - i > 32 && aduan_ascii32(s + i))
			i += 32;
		if (n - i <= 32 && (n - i <= 16 || aduan_ascii16(s + i)) && aduan_ascii16(s + n - 16))
			return n;
	} else if (n >= 8) {
		memcpy(&w[0], s, 8);
		memcpy(&w[1], s + n - 8, 8);
		if (!((w[0] | w[1]) & UINT64_C(0x8080808080808080)))
			return n;
	} else if (n >= 4) {
		memcpy(&h[0], s, 4);
		memcpy(&h[1], s + n - 4, 4);
		if (!((h[0] | h[1]) & 0x80808080u))
			return n;
	} else
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
	return i == n ? n : aduan_utf8_valid_from(s, n, i);
}

/* The acting user: --by, else $ADUAN_USER, else the login name. */
const char *aduan_actor(const char *by);

/* The largest tracking number: every program takes ids of 1 to 18 digits. */
#define ADUAN_ID_MAX INT64_C(999999999999999999)
/* A complaint id: digits, after an optional '#' ("#42" as on a receipt),
 * from 1 to ADUAN_ID_MAX.  Every program and importer parses ids with
 * this.  Returns 0, or -1 when s[0..n) is not one. */
int aduan_id_parse(const char *s, size_t n, int64_t *id);

/* TSV escaping (\t \n \r \\). */
void aduan_tsv_escape(struct aduan_buf *b, const char *s);
/* Decode in place; returns -1 on a bad escape. */
int aduan_tsv_unescape(char *s);

#endif
