/*
 * stem.h - the words of an Indonesian text as intake and routing compare
 * them.
 *
 * A word is a run of letters and digits (UTF-8 letters included).  Each
 * word is brought to one form before it is compared:
 *
 *  1. lower case, Latin accents dropped ("Désa" -> "desa");
 *  2. letters written three or more times in a row once ("tolooong" ->
 *     "tolong", "banjiiirrr" -> "banjir");
 *  3. reduplication written with a 2 or a dash made one word ("sapi2" ->
 *     "sapi", "kos2an" -> "kosan", "anak-anak" -> "anak"; a dash between
 *     two different words separates them: "Api-Api" is one word "api",
 *     "sayur-mayur" two);
 *  4. chat abbreviations and regional forms written out ("tdk", "gk",
 *     "nggak", "kada" -> "tidak"; "jln", "jl" -> "jalan"; "sy" -> "saya");
 *  5. stemmed by Snowball's Indonesian stemmer ("kebanjiran" -> "banjir",
 *     "terbakar" -> "bakar", "pemadaman" -> "padam").
 *
 * Step 4's table is aduan_stem_abbrev[] in stem.c: language, not office
 * data.  Words of one or two letters and words with digits are not
 * stemmed ("rt", "05", "lpg3").
 */
#ifndef ADUAN_STEM_H
#define ADUAN_STEM_H

#include <stddef.h>

struct aduan_buf;
struct aduan_stemmer;

/* A stemmer; NULL when libstemmer has no Indonesian algorithm. */
struct aduan_stemmer *aduan_stemmer_new(void);
void aduan_stemmer_free(struct aduan_stemmer *st);

/*
 * Call fn for each word of text[0..len): its form (steps 1-5, borrowed
 * for the call, NUL-terminated), and where the word stands in text.  A
 * written-out abbreviation of several words ("dgn" is one, "tlg" one)
 * gives one call per word, all at the same place.  fn returns 0 to go
 * on; any other value stops the walk and is returned.
 */
int aduan_stem_words(struct aduan_stemmer *st, const char *text, size_t len,
    int (*fn)(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg),
    void *arg);

/*
 * The next word of text at or after *pos, as aduan_stem_words reads it
 * (with a reduplication a dash joins to it): its start in *start, its
 * length returned, 0 when no word is left.  *pos moves past it.  Its
 * forms are what aduan_stem_words gives for the word's bytes alone, so a
 * caller may remember them by those bytes.
 */
size_t aduan_stem_next(struct aduan_stemmer *st, const char *text, size_t len, size_t *pos,
    size_t *start);

/* 1 for the bytes that are a word character by themselves (ASCII letters
 * and digits), 2 for those from 0x80 up (which may start one), else 0. */
extern const unsigned char aduan_stem_ascii_word[256];

#ifdef __SSE2__
#include <emmintrin.h>

/* One bit for each of the sixteen bytes at s (the first byte's lowest)
 * that is an ASCII letter or digit, in one pass of vector compares
 * (signed: the bytes above 0x7f are below every bound); unless high is
 * NULL, those from 0x80 up in *high. */
static inline unsigned
aduan_alnum_bits16(const char *s, unsigned *high)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i l = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
	    _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));

	if (high != NULL)
		*high = (unsigned)_mm_movemask_epi8(v);
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter));
}
#endif

/*
 * aduan_stem_next for a caller's loop: a word of ASCII letters and digits
 * after ASCII signs and spaces, not followed by a dash or a byte from
 * 0x80 up, is read here inline; any other by aduan_stem_next.  The same
 * words either way.
 */
static inline size_t
aduan_stem_next_inline(struct aduan_stemmer *st, const char *text, size_t len, size_t *pos,
    size_t *start)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t p = *pos, s;
#ifdef __SSE2__
	unsigned word, high, k;

	/* sixteen bytes at once: where the word starts (or a byte from 0x80
	 * up), and where it ends when that is within them, as it mostly is */
	if (len - p >= 16 && ((word = aduan_alnum_bits16(text + p, &high)) | high) != 0) {
		k = (unsigned)__builtin_ctz(word | high);
		s = p + k;
		k += (unsigned)__builtin_ctz(~(word >> k));
		p += k;
		if (k < 16) {	/* the byte after it is among them: from 0x80 up? */
			if (((high >> k) & 1) || u[p] == '-')
				return aduan_stem_next(st, text, len, pos, start);
			*start = s;
			*pos = p;
			return p - s;
		}
		while (p < len && aduan_stem_ascii_word[u[p]] == 1)
			p++;	/* to their end: it may go on */
	} else
#endif
	{
		while (p < len && aduan_stem_ascii_word[u[p]] == 0)
			p++;
		s = p;
		while (p < len && aduan_stem_ascii_word[u[p]] == 1)
			p++;
	}
	if (p < len && (aduan_stem_ascii_word[u[p]] == 2 || u[p] == '-'))
		return aduan_stem_next(st, text, len, pos, start);	/* (also a word from 0x80 up) */
	*start = s;
	*pos = p;
	return p - s;
}

/* The forms of text's words joined by single spaces, appended to out. */
void aduan_stem_text(struct aduan_stemmer *st, const char *text, size_t len,
    struct aduan_buf *out);

/* The form of one word (steps 1-5); borrowed until the next call on st. */
const char *aduan_stem_word(struct aduan_stemmer *st, const char *word, size_t len);

#endif
