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
	static const struct {
		const char *in, *want;
	} cases[] = {
		/* affixes through Snowball */
		{ "kebanjiran", "banjir" },
		{ "terbakar", "bakar" },
		{ "pemadaman", "padam" },
		{ "Kebakaran", "bakar" },
		{ "jalan", "jalan" },
		{ "lampunya", "lampu" },
		/* elongation */
		{ "tolooong", "tolong" },
		{ "banjiiirrr", "banjir" },
		{ "maaf", "maaf" },
		/* reduplication */
		{ "sapi2", "sapi" },
		{ "anak-anak", "anak" },
		{ "kos2an", "kosan" },
		{ "kos-kosan", "kosan" },
		{ "anak2nya", "anak" },
		{ "sayur-mayur", "sayur mayur" },
		{ "Api-Api", "api" },
		/* abbreviations and regional forms */
		{ "tdk", "tidak" },
		{ "gk", "tidak" },
		{ "nggak", "tidak" },
		{ "kada", "tidak" },
		{ "jln", "jalan" },
		{ "Jl.", "jalan" },
		{ "udh", "sudah" },
		{ "mhn", "mohon" },
		{ "gpp", "tidak apa apa" },
		/* what is not stemmed */
		{ "RT05", "rt05" },
		{ "rt 5", "rt 5" },
		{ "LPG 3 kg", "lpg 3 kg" },
		/* folding, separators, emoji */
		{ "Désa", "desa" },
		{ "air\xc2\xa0mati!!", "air mati" },
		{ "\xf0\x9f\x98\xa1 banjir \xf0\x9f\x98\xa1", "banjir" },
		{ "", "" },
		{ "Tolong, jln di RT 5 berlubang2 dan kebanjiran",
		  "tolong jalan di rt 5 lubang dan banjir" },
	};
	struct place p = { 0, 0, 0 };
	const char *s = "ada pohon2 tumbang";
	size_t i;

	st = aduan_stemmer_new();
	if (!ok(st != NULL, "the Indonesian stemmer is available")) {
		return tap_done();
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(text(cases[i].in), cases[i].want, cases[i].in);

	aduan_stem_words(st, s, strlen(s), first_place, &p);
	is_int(p.n, 3, "three words");
	is_int(p.start, 4, "the second word starts at byte 4");
	is_int(p.len, 6, "and is six bytes long (\"pohon2\")");
	is_str(aduan_stem_word(st, "kebakaran", 9), "bakar", "one word");
	is_str(aduan_stem_word(st, "tlg", 3), "tolong", "one abbreviation");

	/* reading stops at len */
	is_str(text("banjir"), "banjir", "whole");
	{
		struct aduan_buf b = { 0 };

		aduan_stem_text(st, "banjir besar", 6, &b);
		is_str(b.s, "banjir", "only the first len bytes");
		aduan_buf_release(&b);
	}
	aduan_stemmer_free(st);
	return tap_done();
}
