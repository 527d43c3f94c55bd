/*
 * stem.c - the words of an Indonesian text in one comparable form (see
 * stem.h): folding, elongation, reduplication, chat abbreviations, and
 * Snowball's Indonesian stemmer.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "aduan.h"
#include "stem.h"
#include "util.h"

#define WORDMAX 64	/* longer words are kept as they are, not stemmed */

#define CACHE 4096	/* stems remembered (a power of two) */
#define CACHED 23	/* the longest word remembered */

struct aduan_stemmer {
	struct sb_stemmer *sb;
	/* a direct-mapped cache of Snowball's results: chat repeats its words */
	struct {
		char word[CACHED + 1], form[CACHED + 1];
		unsigned char wlen, flen;	/* wlen 0: an empty slot */
	} *cache;
	char word[WORDMAX + 1];
	char form[WORDMAX + 1];
};

/*
 * Chat abbreviations, slang and regional forms (Banjar, Bugis, Javanese
 * as written in Bontang's groups) to the standard word; sorted by the
 * short form.  Only forms that mean one thing here.
 */
struct abbrev {
	const char *short_form, *word;
};
static const struct abbrev aduan_stem_abbrev[] = {
	{ "ak", "aku" }, { "akn", "akan" }, { "ane", "saya" }, { "bgmn", "bagaimana" },
	{ "bgt", "banget" }, { "bhw", "bahwa" }, { "bkn", "bukan" }, { "blm", "belum" },
	{ "blom", "belum" }, { "blum", "belum" }, { "bngt", "banget" }, { "bnyk", "banyak" },
	{ "bpk", "bapak" }, { "brp", "berapa" }, { "bs", "bisa" }, { "bsk", "besok" },
	{ "bu", "ibu" }, { "byk", "banyak" }, { "dah", "sudah" }, { "dg", "dengan" },
	{ "dgn", "dengan" }, { "dkt", "dekat" }, { "dlm", "dalam" }, { "dmn", "dimana" },
	{ "dpn", "depan" }, { "dr", "dari" }, { "dri", "dari" }, { "dsb", "dan sebagainya" },
	{ "dst", "dan seterusnya" }, { "emg", "memang" }, { "ga", "tidak" }, { "gak", "tidak" },
	{ "gimana", "bagaimana" }, { "gk", "tidak" }, { "gpp", "tidak apa apa" },
	{ "gx", "tidak" }, { "hr", "hari" }, { "jd", "jadi" }, { "jg", "juga" },
	{ "jl", "jalan" }, { "jln", "jalan" }, { "kada", "tidak" }, { "kalo", "kalau" },
	{ "kec", "kecamatan" }, { "kel", "kelurahan" }, { "klo", "kalau" }, { "klu", "kalau" },
	{ "kmrn", "kemarin" }, { "kmrin", "kemarin" }, { "kpd", "kepada" }, { "krn", "karena" },
	{ "krna", "karena" }, { "kyk", "seperti" }, { "lg", "lagi" }, { "mhn", "mohon" },
	{ "mlm", "malam" }, { "mnt", "minta" }, { "msh", "masih" }, { "msk", "masuk" },
	{ "nda", "tidak" }, { "ndak", "tidak" }, { "ngga", "tidak" }, { "nggak", "tidak" },
	{ "nyampe", "sampai" }, { "org", "orang" }, { "pd", "pada" }, { "pdhl", "padahal" },
	{ "pk", "bapak" }, { "plg", "paling" }, { "pst", "pasti" }, { "sblm", "sebelum" },
	{ "sbg", "sebagai" }, { "sbr", "sabar" }, { "sdg", "sedang" }, { "sdh", "sudah" },
	{ "sgt", "sangat" }, { "skrg", "sekarang" }, { "skrng", "sekarang" }, { "sm", "sama" },
	{ "smp", "sampai" }, { "smpe", "sampai" }, { "spt", "seperti" }, { "sy", "saya" },
	{ "tdk", "tidak" }, { "tgl", "tanggal" }, { "tlg", "tolong" }, { "tlong", "tolong" },
	{ "tmn", "teman" }, { "tp", "tapi" }, { "trs", "terus" }, { "tsb", "tersebut" },
	{ "ttg", "tentang" }, { "udah", "sudah" }, { "udh", "sudah" }, { "ulun", "saya" },
	{ "utk", "untuk" }, { "yg", "yang" },
};

struct aduan_stemmer *
aduan_stemmer_new(void)
{
	struct aduan_stemmer *st = aduan_xmalloc(sizeof(*st));

	st->sb = sb_stemmer_new("indonesian", "UTF_8");
	st->cache = NULL;
	if (st->sb == NULL) {
		free(st);
		aduan_fail(ADUAN_IOERR, _("the Indonesian stemmer is not available"));
		return NULL;
	}
	return st;
}

void
aduan_stemmer_free(struct aduan_stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st->cache);
	free(st);
}

/* Latin-1 letters U+00C0..U+00FF without their accents, in lower case. */
static const char latin1_fold[] =
    "aaaaaaaceeeeiiiidnooooo ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";

/* Length of the word character at s (0 when s is not one); its folded
 * ASCII byte in *c, or 0 for a letter kept as it is. */
static size_t
word_char(const unsigned char *s, size_t n, int *c)
{
	*c = 0;
	if (s[0] < 0x80) {
		if ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')) {
			*c = s[0];
			return 1;
		}
		if (s[0] >= 'A' && s[0] <= 'Z') {
			*c = s[0] - 'A' + 'a';
			return 1;
		}
		return 0;
	}
	if (n >= 2 && s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf &&
	    latin1_fold[s[1] - 0x80] != ' ') {
		*c = latin1_fold[s[1] - 0x80];
		return 2;
	}
	/* Latin Extended-A and -B: letters, kept as they are */
	if (n >= 2 && s[0] >= 0xc4 && s[0] <= 0xc9 && (s[1] & 0xc0) == 0x80)
		return 2;
	return 0;
}

#define NABBREV (sizeof(aduan_stem_abbrev) / sizeof(aduan_stem_abbrev[0]))
#define ABBREV_SLOTS 512	/* a power of two, well above NABBREV */

static unsigned
abbrev_hash(const char *w, size_t n)
{
	return aduan_fnv_step(ADUAN_FNV_START, w, n) & (ABBREV_SLOTS - 1);
}

/* The written-out form of abbreviation w (n bytes), or NULL: one probe
 * of a hash table built on first use (a word is looked up for each word
 * of every message). */
static const struct abbrev *
abbrev(const char *w, size_t n)
{
	static short slot[ABBREV_SLOTS];	/* index + 1; 0 empty */
	static size_t longest;
	const struct abbrev *a;
	unsigned h;
	size_t i;

	if (longest == 0)
		for (i = 0; i < NABBREV; i++) {
			size_t k = strlen(aduan_stem_abbrev[i].short_form);

			if (k > longest)
				longest = k;
			for (h = abbrev_hash(aduan_stem_abbrev[i].short_form, k); slot[h] != 0;
			    h = (h + 1) & (ABBREV_SLOTS - 1))
				;
			slot[h] = (short)(i + 1);
		}
	if (n > longest)
		return NULL;
	for (h = abbrev_hash(w, n); slot[h] != 0; h = (h + 1) & (ABBREV_SLOTS - 1)) {
		a = &aduan_stem_abbrev[slot[h] - 1];
		if (strncmp(a->short_form, w, n) == 0 && a->short_form[n] == '\0')
			return a;
	}
	return NULL;
}

/* Letters written three or more times in a row once ("tolooong"); in
 * place; returns the new length.  Digits are kept ("2000"). */
static size_t
collapse(char *w, size_t n)
{
	size_t i = 0, o = 0;

	/* most words have no such letters: left as they are, unwritten (the
	 * compiler makes each run's writing a call to memset) */
	for (i = 2; i < n; i++)
		if (w[i] == w[i - 1] && w[i] == w[i - 2] && !(w[i] >= '0' && w[i] <= '9'))
			break;
	if (i >= n) {
		w[n] = '\0';
		return n;
	}
	i = 0;
	while (i < n) {
		char c = w[i];
		size_t run = 1;

		while (i + run < n && w[i + run] == c)
			run++;
		i += run;
		if (run >= 3 && !(c >= '0' && c <= '9'))
			run = 1;
		while (run-- > 0)
			w[o++] = c;
	}
	w[o] = '\0';
	return o;
}

static int
has_digit(const char *w, size_t n)
{
	while (n-- > 0)
		if (w[n] >= '0' && w[n] <= '9')
			return 1;
	return 0;
}

/* Stem one standard word (no abbreviation look-up) into st->form; its length. */
static size_t
stem_one(struct aduan_stemmer *st, const char *w, size_t n)
{
	const sb_symbol *s;
	size_t slot = (size_t)-1;
	int len;

	if (n < 3 || n > WORDMAX || has_digit(w, n)) {
		memcpy(st->form, w, n);
		st->form[n] = '\0';
		return n;
	}
	if (n <= CACHED) {
		slot = aduan_fnv_step(ADUAN_FNV_START, w, n) & (CACHE - 1);
		/* (calloc: a block this large comes zeroed, not written) */
		if (st->cache == NULL && (st->cache = calloc(CACHE, sizeof(*st->cache))) == NULL)
			abort();
		if (st->cache[slot].wlen == n && memcmp(st->cache[slot].word, w, n) == 0) {
			memcpy(st->form, st->cache[slot].form, (size_t)st->cache[slot].flen + 1);
			return st->cache[slot].flen;
		}
	}
	s = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
	len = sb_stemmer_length(st->sb);
	if (s == NULL || len <= 0 || len > WORDMAX) {
		memcpy(st->form, w, n);
		len = (int)n;
	} else {
		memcpy(st->form, s, (size_t)len);
	}
	st->form[len] = '\0';
	if (slot != (size_t)-1 && len <= CACHED) {
		memcpy(st->cache[slot].word, w, n);
		st->cache[slot].wlen = (unsigned char)n;
		memcpy(st->cache[slot].form, st->form, (size_t)len + 1);
		st->cache[slot].flen = (unsigned char)len;
	}
	return (size_t)len;
}

/* Remove elongation, and reduplication written with a 2 ("sapi2",
 * "kos2an", "anak2nya"); in place; returns the new length. */
static size_t
normalise(char *w, size_t n)
{
	char *two;

	n = collapse(w, n);
	two = memchr(w, '2', n);
	if (two != NULL && two - w >= 2 && !has_digit(two + 1, n - (size_t)(two + 1 - w))) {
		size_t i;
		int letters = 1;

		for (i = 0; i < (size_t)(two - w); i++)
			if (w[i] >= '0' && w[i] <= '9')
				letters = 0;
		if (letters) {
			memmove(two, two + 1, n - (size_t)(two - w));
			n--;
		}
	}
	return n;
}

/* Hand the forms of one normalised word to fn. */
static int
emit(struct aduan_stemmer *st, const char *w, size_t n, size_t start, size_t wlen,
    int (*fn)(const char *, size_t, size_t, size_t, void *), void *arg)
{
	const struct abbrev *a;
	const char *p, *sp;
	int rc;

	a = abbrev(w, n);
	if (a == NULL)
		return fn(st->form, stem_one(st, w, n), start, wlen, arg);
	for (p = a->word; *p; p = *sp ? sp + 1 : sp) {
		size_t flen;

		sp = strchr(p, ' ');
		if (sp == NULL)
			sp = p + strlen(p);
		flen = stem_one(st, p, (size_t)(sp - p));
		if ((rc = fn(st->form, flen, start, wlen, arg)) != 0)
			return rc;
	}
	return 0;
}

/* Read the word at text[*pos] into buf (folded); returns its length in
 * buf and moves *pos past it. */
static size_t
read_word(const char *text, size_t len, size_t *pos, char *buf)
{
	size_t n = 0;
	int c;

	while (*pos < len) {
		size_t k = word_char((const unsigned char *)text + *pos, len - *pos, &c);

		if (k == 0)
			break;
		if (n < WORDMAX) {
			if (c != 0) {
				buf[n++] = (char)c;
			} else if (n + k <= WORDMAX) {
				memcpy(buf + n, text + *pos, k);
				n += k;
			}
		}
		*pos += k;
	}
	buf[n] = '\0';
	return n;
}

/* Read the word at text[*pos] and the reduplications a dash joins to it
 * into st->word, folded and normalised; its length there.  *pos moves
 * past what was read. */
static size_t
read_joined(struct aduan_stemmer *st, const char *text, size_t len, size_t *pos)
{
	char next[WORDMAX + 1];
	size_t n;
	int c;

	n = normalise(st->word, read_word(text, len, pos, st->word));
	/* "anak-anak", "kos-kosan", "main-main": one word */
	while (*pos + 1 < len && text[*pos] == '-' &&
	    word_char((const unsigned char *)text + *pos + 1, len - *pos - 1, &c) != 0) {
		size_t save = (*pos)++, m;

		m = normalise(next, read_word(text, len, pos, next));
		if (m >= n && strncmp(next, st->word, n) == 0) {
			memcpy(st->word, next, m + 1);
			n = m;
		} else if (n >= m && strcmp(st->word + n - m, next) == 0) {
			/* "bermain-main" keeps the first */
		} else {
			*pos = save;
			break;
		}
	}
	return n;
}

int
aduan_stem_words(struct aduan_stemmer *st, const char *text, size_t len,
    int (*fn)(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg),
    void *arg)
{
	size_t pos = 0;
	int c, rc;

	while (pos < len) {
		size_t start, n;

		if (word_char((const unsigned char *)text + pos, len - pos, &c) == 0) {
			pos++;
			continue;
		}
		start = pos;
		if ((n = read_joined(st, text, len, &pos)) == 0)
			continue;
		if ((rc = emit(st, st->word, n, start, pos - start, fn, arg)) != 0)
			return rc;
	}
	return 0;
}

/* Bytes that are a word character by themselves: ASCII letters and digits
 * (1); a byte from 0x80 up may start one, word_char decides (2). */
const unsigned char aduan_stem_ascii_word[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,	/* 0-9 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* A-O */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,	/* P-Z */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* a-o */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,	/* p-z */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};
#define ascii_word aduan_stem_ascii_word

size_t
aduan_stem_next(struct aduan_stemmer *st, const char *text, size_t len, size_t *pos,
    size_t *start)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t p = *pos, k;
	int c;

	/* ASCII bytes decided by the table, the rest by word_char */
	while (p < len && ascii_word[u[p]] != 1 &&
	    (u[p] < 0x80 || word_char(u + p, len - p, &c) == 0))
		p++;
	*start = p;
	for (;;) {
		while (p < len && ascii_word[u[p]] == 1)
			p++;
		if (p < len && u[p] >= 0x80 && (k = word_char(u + p, len - p, &c)) != 0)
			p += k;
		else
			break;
	}
	/* a dash may join a reduplication: read it as aduan_stem_words does */
	*pos = p;	/* (p itself stays in a register) */
	if (p + 1 < len && text[p] == '-' && word_char(u + p + 1, len - p - 1, &c) != 0) {
		*pos = *start;
		read_joined(st, text, len, pos);
	}
	return *pos - *start;
}

static int
add_form(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg)
{
	struct aduan_buf *out = arg;

	if (out->len > 0 && out->s[out->len - 1] != ' ')
		aduan_buf_addc(out, ' ');
	aduan_buf_add(out, form, formlen);
	return 0;
}

void
aduan_stem_text(struct aduan_stemmer *st, const char *text, size_t len, struct aduan_buf *out)
{
	aduan_stem_words(st, text, len, add_form, out);
}

const char *
aduan_stem_word(struct aduan_stemmer *st, const char *word, size_t len)
{
	char w[WORDMAX + 1];
	const struct abbrev *a;
	size_t n = 0, pos = 0;

	n = normalise(w, read_word(word, len, &pos, w));
	a = abbrev(w, n);
	if (a != NULL && strchr(a->word, ' ') == NULL)
		stem_one(st, a->word, strlen(a->word));
	else
		stem_one(st, w, n);
	return st->form;
}
