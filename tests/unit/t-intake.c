/*
 * t-intake.c - the intake decision (decide.h) and the place reading
 * (place.h) against the labelled messages in tests/intake/.
 *
 *   t-intake                 TAP: floor figures for each labelled set
 *   t-intake -f FILE...      the figures of each file (bench/intake-quality)
 *   t-intake -v FILE...      the same, and every message decided or placed wrongly
 *
 * A labelled file is TSV with a header: label (complaint or chatter),
 * kelurahan, rt (empty when the text states none), text.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "decide.h"
#include "place.h"
#include "refdata.h"
#include "util.h"
#include "tap.h"

struct figures {
	long n, tp, fp, fn, tn;
	long stated, placed, wrong, complaints;
};

struct run {
	struct aduan_decider *d;
	struct aduan_places *p;
	struct figures f;
	int verbose;
	const char *name;
};

static int
add_kelurahan(char **f, int n, long line, void *arg)
{
	struct aduan_places *p = arg;
	char *a, *save = NULL;

	aduan_places_add(p, f[0], f[0]);
	if (n > 2)
		for (a = strtok_r(f[2], ",", &save); a != NULL; a = strtok_r(NULL, ",", &save))
			aduan_places_add(p, a, f[0]);
	return 0;
}

static int
one(char **f, int n, long line, void *arg)
{
	struct run *r = arg;
	struct aduan_verdict v;
	const char *kel;
	char rt[8], want_rt[8] = "";
	int complaint, stated, right, wrong;

	if (n < 4)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: four fields wanted", r->name, line);
	complaint = strcmp(f[0], "complaint") == 0;
	aduan_decide(r->d, f[3], strlen(f[3]), 0, &v);
	r->f.n++;
	if (complaint && v.take)
		r->f.tp++;
	else if (complaint)
		r->f.fn++;
	else if (v.take)
		r->f.fp++;
	else
		r->f.tn++;
	if (r->verbose && complaint != v.take)
		printf("%s:%ld: %s, taken as %s (%d: %s): %s\n", r->name, line, f[0],
		    v.take ? "complaint" : "chatter", v.score, v.why, f[3]);
	if (!complaint)
		return 0;
	if (*f[2] != '\0')
		aduan_rt_normalize(f[2], want_rt);
	aduan_place_read(r->p, f[3], strlen(f[3]), &kel, rt);
	stated = *f[1] != '\0' || want_rt[0] != '\0';
	right = strcmp(kel ? kel : "", f[1]) == 0 && strcmp(rt, want_rt) == 0;
	wrong = (kel != NULL && strcmp(kel, f[1]) != 0) ||
	    (rt[0] != '\0' && strcmp(rt, want_rt) != 0);
	r->f.complaints++;
	r->f.stated += stated;
	r->f.placed += stated && right;
	r->f.wrong += wrong;
	if (r->verbose && ((stated && !right) || wrong))
		printf("%s:%ld: place %s/%s, read %s/%s: %s\n", r->name, line, f[1], want_rt,
		    kel ? kel : "", rt, f[3]);
	return 0;
}

static double
ratio(long a, long b)
{
	return b > 0 ? (double)a / (double)b : 0.0;
}

static int
measure(struct run *r, const char *path)
{
	memset(&r->f, 0, sizeof(r->f));
	r->name = path;
	return aduan_tsv_load(path, one, r);
}

static void
print_figures(const struct run *r)
{
	const struct figures *f = &r->f;

	printf("%s: %ld messages, %ld complaints: precision %.3f, recall %.3f; "
	    "place found %ld of %ld (%.1f %%), wrong %ld (%.1f %%)\n", r->name, f->n,
	    f->tp + f->fn, ratio(f->tp, f->tp + f->fp), ratio(f->tp, f->tp + f->fn),
	    f->placed, f->stated, 100 * ratio(f->placed, f->stated), f->wrong,
	    100 * ratio(f->wrong, f->complaints));
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char *file;
		double precision, recall, place, wrong;
	} floors[] = {
		/* the set the rules were written against, and those written after */
		{ "tests/intake/messages.tsv", 0.97, 0.97, 0.95, 0.02 },
		{ "tests/intake/heldout.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-2.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-3.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-4.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-5.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-6.tsv", 0.95, 0.95, 0.90, 0.02 },
		{ "tests/intake/heldout-7.tsv", 0.95, 0.95, 0.90, 0.02 },
	};
	struct run r;
	struct aduan_buf path = {0};
	const char *build = getenv("ADUAN_BUILD");
	int i;

	memset(&r, 0, sizeof(r));
	if ((r.d = aduan_decider_new()) == NULL) {
		printf("1..0 # SKIP %s\n", aduan_errmsg());
		return 0;
	}
	r.p = aduan_places_new();
	aduan_buf_printf(&path, "%s/data/bontang-utara.kelurahan.tsv", build ? build : ".");
	if (aduan_tsv_load(path.s, add_kelurahan, r.p) != 0) {
		printf("Bail out! %s\n", aduan_errmsg());
		return 1;
	}
	if (argc > 2 && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-v") == 0)) {
		r.verbose = strcmp(argv[1], "-v") == 0;
		for (i = 2; i < argc; i++) {
			if (measure(&r, argv[i]) != 0) {
				fprintf(stderr, "t-intake: %s\n", aduan_errmsg());
				return 1;
			}
			print_figures(&r);
		}
		return 0;
	}
	for (i = 0; i < (int)(sizeof(floors) / sizeof(floors[0])); i++) {
		const struct figures *f = &r.f;

		aduan_buf_reset(&path);
		aduan_buf_printf(&path, "%s/%s", build ? build : ".", floors[i].file);
		if (!ok(measure(&r, path.s) == 0, "%s read", floors[i].file))
			continue;
		ok(f->n >= 90, "%s: %ld messages", floors[i].file, f->n);
		ok(ratio(f->tp, f->tp + f->fp) >= floors[i].precision, "%s: precision %.3f >= %.2f",
		    floors[i].file, ratio(f->tp, f->tp + f->fp), floors[i].precision);
		ok(ratio(f->tp, f->tp + f->fn) >= floors[i].recall, "%s: recall %.3f >= %.2f",
		    floors[i].file, ratio(f->tp, f->tp + f->fn), floors[i].recall);
		ok(ratio(f->placed, f->stated) >= floors[i].place, "%s: place found %.3f >= %.2f",
		    floors[i].file, ratio(f->placed, f->stated), floors[i].place);
		ok(ratio(f->wrong, f->complaints) <= floors[i].wrong, "%s: place wrong %.3f <= %.2f",
		    floors[i].file, ratio(f->wrong, f->complaints), floors[i].wrong);
	}
	aduan_buf_release(&path);
	aduan_places_free(r.p);
	aduan_decider_free(r.d);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
