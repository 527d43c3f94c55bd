/* t-decide.c - a decider that has decided before decides as a new one
 * does (decide.h): the messages and words it remembers never outlive
 * what decides them (media, explain, the office's town, the model); and
 * running from each word only the rule functions it can start (decide.c's
 * starts[]) or looking back from a problem only over messages with a
 * word it looks for (decide.c's marks) changes no verdict on any labelled
 * message of tests/intake, nor on messages with each such word;
 * nor does remembering messages, of every length up to the longest
 * remembered and past it, so many that they share the cache's slots. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
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
	/* words of several forms and words too long to be remembered */
	"gpp pak, tdk apa2, tp ketidakbertanggungjawaban petugasnya bikin gpp jadi masalah",
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

/* Every text of a labelled set (its fourth field), decided with only the
 * rule functions a word can start run from it, and with every function
 * run from every word. */
static void
every_word(const char *path)
{
	struct aduan_decider *d = aduan_decider_new(), *all = aduan_decider_new();
	FILE *f = fopen(path, "r");
	char line[8192];
	long n = 0, differ = 0, lineno = 0;

	aduan_decider_every_word(all, 1);
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char *text = line;
		struct aduan_verdict a, b;
		int k;

		lineno++;
		for (k = 0; k < 3 && text != NULL; k++)
			text = (text = strchr(text, '\t')) != NULL ? text + 1 : NULL;
		if (lineno == 1 || text == NULL)
			continue;	/* the heading */
		text[strcspn(text, "\n")] = '\0';
		aduan_decide(d, text, strlen(text), 0, &a);
		aduan_decide(all, text, strlen(text), 0, &b);
		n++;
		if (!same(&a, &b) && differ++ < 3)
			printf("# %s:%ld: %d \"%s\", from every word %d \"%s\"\n", path, lineno,
			    a.score, a.why, b.score, b.why);
	}
	ok(n > 0 && differ == 0, "%s: %ld messages, the same verdicts from every word (%ld differ)",
	    strrchr(path, '/') + 1, n, differ);
	if (f != NULL)
		fclose(f);
	aduan_decider_free(d);
	aduan_decider_free(all);
}

/* Messages with each word a rule looks back for from a problem (decide.c's
 * marked[]), decided as by a decider that looks over every message. */
static void
marked(void)
{
	static const char *const msgs[] = {
		"biar tidak banjir lagi", "agar sampah tidak numpuk", "supaya jalan tidak macet",
		"ayo bantu angkut sampah", "tolong angkat sampah di depan", "bersih semak di gang",
		"bersihkan sampah bareng", "pungut sampah yuk", "sapu sampah depan rumah",
		"tebas semak sore ini", "potong semak liar", "kumpul sampah di pos",
		"warga dilarang membakar sampah", "jangan buang sampah di sungai",
		"maaf telat bales", "bapak ibu, sampah menumpuk, tolong diangkut",
		"selamat pagi bapak ibu, mohon dicek lampu jalan mati",
		"mohon bapak ibu jangan parkir di trotoar", "sampah numpuk, mohon bapak ibu",
	};
	struct aduan_decider *d = aduan_decider_new(), *all = aduan_decider_new();
	size_t i;

	aduan_decider_every_word(all, 1);
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		struct aduan_verdict a, b;

		aduan_decide(d, msgs[i], strlen(msgs[i]), 0, &a);
		aduan_decide(all, msgs[i], strlen(msgs[i]), 0, &b);
		ok(same(&a, &b), "\"%s\": %d \"%s\", over every word %d \"%s\"", msgs[i],
		    a.score, a.why, b.score, b.why);
	}
	aduan_decider_free(d);
	aduan_decider_free(all);
}

/* Texts of every length from 0 to 120 (the longest remembered is 115),
 * then as many again all 30 bytes long (a message is remembered in a slot
 * its hash gives, and only texts of one length can be taken for each
 * other: many of these share slots), words drawn at random and cut, each
 * decided twice by d among the others and once anew by a decider that
 * remembers none. */
static void
lengths(struct aduan_decider *d)
{
	static const char *const words[] = {
		"lampu", "jalan", "mati", "sudah", "tiga", "hari", "siap", "pak", "banjir",
		"mohon", "dicek", "air", "tidak", "ngalir", "terima", "kasih", "sampah",
		"belum", "diangkut", "kapan", "diperbaiki", "aamiin", "gang", "kami",
		"gelap", "tolong", "warga", "rt", "3", "bocor", "wkwk", "info", "besok",
	};
	enum { EVERY = 48000, N = 2 * EVERY, LONGEST = 120 };
	struct aduan_decider *anew = aduan_decider_new();
	struct aduan_verdict *want = calloc(N, sizeof(*want));
	char (*text)[LONGEST + 1] = calloc(N, sizeof(*text));
	unsigned long long r = 1;
	long differ = 0;
	int i, k;

	aduan_decider_every_word(anew, 1);
	for (i = 0; i < N; i++) {
		size_t len = i < EVERY ? (size_t)(i % (LONGEST + 1)) : 30, n = 0;

		while (n < len) {
			const char *w;

			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			w = words[(r >> 33) % (sizeof(words) / sizeof(words[0]))];
			n += (size_t)snprintf(text[i] + n, sizeof(text[i]) - n, "%s%s",
			    n > 0 ? " " : "", w);
		}
		text[i][len] = '\0';
		aduan_decide(anew, text[i], len, 0, &want[i]);
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < N; i++) {
			struct aduan_verdict v;

			aduan_decide(d, text[i], strlen(text[i]), 0, &v);
			if (!same(&v, &want[i]) && differ++ < 3)
				printf("# time %d: \"%s\": %d \"%s\", anew %d \"%s\"\n", k + 1,
				    text[i], v.score, v.why, want[i].score, want[i].why);
		}
	ok(differ == 0, "%d texts of every length to %d and %d of 30 bytes, twice, as decided "
	    "anew (%ld differ)", EVERY, LONGEST, N - EVERY, differ);
	free(text);
	free(want);
	aduan_decider_free(anew);
}

int
main(void)
{
	const char *build = getenv("ADUAN_BUILD");
	char pattern[1024];
	glob_t g;
	size_t i;
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
	d = aduan_decider_new();
	lengths(d);
	aduan_decider_free(d);
	marked();
	memset(&g, 0, sizeof(g));
	snprintf(pattern, sizeof(pattern), "%s/tests/intake/*.tsv", build != NULL ? build : ".");
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			every_word(g.gl_pathv[i]);
		globfree(&g);
	}
	ok(g.gl_pathc > 0 || build == NULL, "the labelled sets are found (%s)", pattern);
	return tap_done();
}
