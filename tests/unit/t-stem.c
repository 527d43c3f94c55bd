/* t-stem.c - the comparable forms of Indonesian words (stem.h). */
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
	for (tap_rows_open(&tr, "words"); tap_rows_next(&tr);)
		is_str(text(tr.col[0]), tr.col[1], tr.col[0]);

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
