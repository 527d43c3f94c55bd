/* t-stem.c - the comparable forms of Indonesian words (stem.h). */
#include <stdio.h>
#include <string.h>

#include "stem.h"
#include "util.h"
#include "tap.h"

static struct aduan_stemmer *st;

static const char *
text(const char *s)
{
	static struct aduan_buf b;

	aduan_buf_reset(&b);
	aduan_stem_text(st, s, strlen(s), &b);
	return b.s != NULL ? b.s : "";
}

/* The forms of s word by word: each word aduan_stem_next finds, its bytes
 * stemmed alone (what a cache of words by their bytes gives). */
static const char *
by_words(const char *s)
{
	static struct aduan_buf b;
	size_t pos = 0, start, n, len = strlen(s);

	aduan_buf_reset(&b);
	while ((n = aduan_stem_next(st, s, len, &pos, &start)) > 0)
		aduan_stem_text(st, s + start, n, &b);
	return b.s != NULL ? b.s : "";
}

/* Whether aduan_stem_next_inline finds the words aduan_stem_next finds
 * in s, at the same places. */
static int
same_inline(const char *s)
{
	size_t pos = 0, start, n, ipos = 0, istart, in, len = strlen(s);

	do {
		n = aduan_stem_next(st, s, len, &pos, &start);
		in = aduan_stem_next_inline(st, s, len, &ipos, &istart);
		if (in != n || ipos != pos || (n > 0 && istart != start))
			return 0;
	} while (n > 0);
	return 1;
}

static void
same_by_words(const char *s)
{
	char whole[512];

	snprintf(whole, sizeof(whole), "%s", text(s));
	is_str(by_words(s), whole, s);
	ok(same_inline(s), "read inline as by aduan_stem_next: %s", s);
}

struct place {
	size_t start, len;
	int n;
};

static int
first_place(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg)
{
	struct place *p = arg;

	if (p->n++ == 1) {
		p->start = start;
		p->len = wordlen;
	}
	return 0;
}

int
main(void)
{
	struct place p = { 0, 0, 0 };
	const char *s = "ada pohon2 tumbang";

	st = aduan_stemmer_new();
	if (!ok(st != NULL, "the Indonesian stemmer is available")) {
		return tap_done();
	}
	for (tap_rows_open(&tr, "words"); tap_rows_next(&tr);) {
		is_str(text(tr.col[0]), tr.col[1], tr.col[0]);
		same_by_words(tr.col[0]);
	}
	/* word by word as in one go: dashes that join and that do not, marks,
	 * emoji, accents, digits, a dash at either end */
	same_by_words("Anak-anak main-main di Gg. 5, kos2an \xf0\x9f\x98\x82 D\xc3\xa9sa");
	same_by_words("bermain-main sayur-mayur -a- x- -y Api-Api rt.05 tdk-tdk gpp-gpp");
	same_by_words("kebanjiran-kebanjiran, \xc4\x9f" "a-\xc4\x9f" "a!! dsb... 2-2 a-2");

	{	/* from every byte of a line: words and runs of signs that start and
		 * end at every place of the sixteen bytes read at once inline */
		const char *line = "Jl. Poros   no.5, tergenang-genang \xc3\xa9t\xc3\xa9 ... (x) a-b"
		    "                   supercalifragilisticexpialidocious 1234567890123456789 "
		    "kos2an D\xc3\xa9sa-desa!! \xf0\x9f\x98\x82wkwk rt.05/rw.3 Api-Api -";
		size_t k;
		int same = 1;

		for (k = 0; line[k] != '\0'; k++)
			same &= same_inline(line + k);
		ok(same, "read inline as by aduan_stem_next from every byte of a line");
	}
	{	/* a letter written three or four times in a row, at every place of
		 * a word, is written once; digits and letters written twice stay */
		const char *w = "banjir";
		char e[16];
		size_t k, r, n = strlen(w);
		int same = 1;

		for (k = 0; k < n; k++)
			for (r = 3; r <= 4; r++) {
				memcpy(e, w, k);
				memset(e + k, w[k], r);
				memcpy(e + k + r, w + k + 1, n - k);
				same &= strcmp(text(e), text(w)) == 0;
			}
		ok(same, "a letter written three or four times in a row is written once");
		is_str(text("2000"), "2000", "digits in a row stay");
		is_str(text("jalan 1000"), "jalan 1000", "after a word too");
		is_str(text("tolooong"), text("tolong"), "elongation within a word");
	}
	aduan_stem_words(st, s, strlen(s), first_place, &p);
	is_int(p.n, 3, "three words");
	is_int(p.start, 4, "the second word starts at byte 4");
	is_int(p.len, 6, "and is six bytes long (\"pohon2\")");
	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(aduan_stem_word(st, tr.col[1], atoll(tr.col[2])), tr.col[3], tr.col[4]);
		else
			is_str(text(tr.col[1]), tr.col[2], tr.col[3]);
	{
		struct aduan_buf b = { 0 };

		aduan_stem_text(st, "banjir besar", 6, &b);
		is_str(b.s, "banjir", "only the first len bytes");
		aduan_buf_release(&b);
	}
	aduan_stemmer_free(st);
	return tap_done();
}
