/* t-named.c - the features of rules' labels and shapes in a logistic
 * model (bayes.h): aduan_bayes_named and aduan_bayes_named_all weigh
 * each as aduan_bayes_feature does its key, once a message, and a name
 * looked up before the model learnt its feature (none then) is weighed
 * once it has. */
#include <stdio.h>
#include <string.h>

#include "bayes.h"
#include "tap.h"

static const char *const labels[] = {
	"a problem: \"%s\"", "thanks for a fix", "sum 3", "question", "never learnt",
};
static const int kinds[] = {
	ADUAN_FEAT_FOR, ADUAN_FEAT_AGAINST, ADUAN_FEAT_SHAPE, ADUAN_FEAT_SHAPE, ADUAN_FEAT_FOR,
};
#define N 4	/* the labels learnt (the last never is) */
#define ALL (sizeof(labels) / sizeof(labels[0]))

/* Messages of one label each: the first and third complaints. */
static void
learn(struct aduan_bayes *b)
{
	int i, k;

	for (k = 0; k < 20; k++)
		for (i = 0; i < N; i++) {
			unsigned key = aduan_bayes_key(kinds[i], labels[i]);

			aduan_bayes_learn_features(b, &key, &kinds[i], &labels[i], 1, i % 2 == 0);
		}
	aduan_bayes_finish(b);
}

int
main(void)
{
	struct aduan_bayes *b = aduan_bayes_new_logit(0.01, 0, 0, "+-s");
	unsigned stamp = 1;
	int w[2 * ALL], want[ALL], sum, wantsum = 0, kind2[2 * ALL];
	const char *name2[2 * ALL];
	size_t i;

	for (i = 0; i < ALL; i++)
		ok(aduan_bayes_named(b, kinds[i], labels[i], stamp++) == 0,
		    "\"%s\" unweighed before the model learns", labels[i]);
	ok(aduan_bayes_named_all(b, kinds, labels, ALL, w, stamp++) == 0 && w[0] == 0,
	    "all unweighed together");
	learn(b);
	for (i = 0; i < ALL; i++) {
		want[i] = aduan_bayes_feature(b, aduan_bayes_key(kinds[i], labels[i]), stamp++);
		wantsum += want[i];
		ok((want[i] != 0) == (i < N), "\"%s\" weighs %d in the model learnt", labels[i],
		    want[i]);
		ok(aduan_bayes_named(b, kinds[i], labels[i], stamp++) == want[i],
		    "\"%s\" by its name weighs the same", labels[i]);
	}
	ok(want[0] > 0 && want[1] < 0, "a complaint's label weighs for, chatter's against");
	/* each name twice in one message: the second time weighs nothing */
	for (i = 0; i < 2 * ALL; i++) {
		kind2[i] = kinds[i % ALL];
		name2[i] = labels[i % ALL];
	}
	sum = aduan_bayes_named_all(b, kind2, name2, 2 * ALL, w, stamp++);
	ok(sum == wantsum, "all together weigh their sum (%d, want %d)", sum, wantsum);
	for (i = 0; i < 2 * ALL; i++)
		ok(w[i] == (i < ALL ? want[i] : 0), "\"%s\", time %zu: %d", labels[i % ALL],
		    i / ALL + 1, w[i]);
	ok(aduan_bayes_named(b, ADUAN_FEAT_AGAINST, labels[0], stamp++) == 0,
	    "a label of the other kind is another feature (unlearnt)");
	aduan_bayes_free(b);
	return tap_done();
}
