/* t-decide.c - a decider that has decided before decides as a new one
 * does (decide.h): the messages and words it remembers never outlive
 * what decides them (media, explain, the office's town, the model). */
#include <stdio.h>
#include <string.h>

#include "bayes.h"
#include "decide.h"
#include "tap.h"

static const char *const texts[] = {
	"Banjir di Samarinda, jalan tergenang",
	"Siap pak",
	"",
	"Mohon dicek lampu jalan mati sudah 3 hari",
	"Mohon dicek lampu jalan mati sudah 3 hari, tiap malam gelap gulita di gang kami, "
	"anak-anak takut lewat, sudah lapor ke kelurahan tapi belum ada kabar sama sekali",
};
#define NTEXTS (sizeof(texts) / sizeof(texts[0]))

enum { HOME = 1, QUIET = 2, BARE = 4 };

/* The verdict of a new decider made as flags say. */
static struct aduan_verdict
fresh(const char *text, int media, int flags)
{
	struct aduan_decider *d = aduan_decider_new();
	struct aduan_verdict v;

	if (flags & HOME)
		aduan_decider_home(d, "Pemerintah Kota Samarinda");
	if (flags & QUIET)
		aduan_decider_explain(d, 0);
	if (flags & BARE)
		aduan_decider_use(d, NULL);
	aduan_decide(d, text, strlen(text), media, &v);
	aduan_decider_free(d);
	return v;
}

static int
same(const struct aduan_verdict *a, const struct aduan_verdict *b)
{
	return a->take == b->take && a->score == b->score && a->followup == b->followup &&
	    strcmp(a->why, b->why) == 0;
}

/* Each text, twice, by d as by a new decider made as flags say. */
static void
each(struct aduan_decider *d, int media, int flags, const char *what)
{
	size_t i;
	int k;

	for (k = 0; k < 2; k++)
		for (i = 0; i < NTEXTS; i++) {
			struct aduan_verdict v, want = fresh(texts[i], media, flags);

			aduan_decide(d, texts[i], strlen(texts[i]), media, &v);
			ok(same(&v, &want), "%s, time %d: \"%.30s\" (%d %d \"%s\", want %d %d \"%s\")",
			    what, k + 1, texts[i], v.take, v.score, v.why, want.take, want.score, want.why);
		}
}

int
main(void)
{
	struct aduan_decider *d = aduan_decider_new();
	struct aduan_verdict a, b;

	if (d == NULL) {
		printf("1..0 # SKIP no Indonesian stemmer\n");
		return 0;
	}
	a = fresh(texts[0], 0, 0);
	b = fresh(texts[0], 0, HOME);
	ok(!same(&a, &b), "the office's town changes a verdict (so the cases below can fail)");
	a = fresh(texts[2], 0, 0);
	b = fresh(texts[2], 1, 0);
	ok(!same(&a, &b), "media changes the verdict on an empty text");
	each(d, 0, 0, "decided again");
	each(d, 1, 0, "with media");
	aduan_decider_explain(d, 0);
	each(d, 0, QUIET, "without the reason");
	aduan_decider_explain(d, 1);
	each(d, 0, 0, "with the reason again");
	aduan_decider_home(d, "Pemerintah Kota Samarinda");
	each(d, 0, HOME, "after the office's town is told");
	aduan_decider_use(d, NULL);
	each(d, 0, HOME | BARE, "after the model is put away");
	aduan_decider_free(d);
	return tap_done();
}
