/*
 * decide.h - is a chat message a complaint?  Weighted rules over the
 * comparable forms of its words (stem.h), each with a short reason.
 *
 * A pure function of the text: no database, no printing.  The rules are
 * described in aduan-add(1), "How messages are decided"; the lexicon is
 * written as ordinary Indonesian words in decide.c and stemmed once when
 * the decider is made.  Memory is constant: a message's first
 * ADUAN_DECIDE_WORDS words are read, the rest ignored.  A decider
 * remembers words it has read and short messages it has decided (a
 * fixed number of each), so a message repeated word for word ("Siap
 * pak", a forwarded notice) is decided once; what it remembers is
 * forgotten whenever what decides changes (home, use, learn), and the
 * verdict is always what a new decider would give.
 */
#ifndef ADUAN_DECIDE_H
#define ADUAN_DECIDE_H

#include <stddef.h>

#define ADUAN_DECIDE_WORDS 160

struct aduan_decider;

struct aduan_verdict {
	int take;		/* 1: a complaint */
	int score;		/* the rules' sum, or 3 + the model's log-odds rounded
				 * down (bayes.h); take when >= 3 */
	int followup;		/* a question about an earlier report */
	char why[192];		/* the reason, in the reader's language */
};

/* A decider (owns a stemmer); NULL with aduan_errmsg() when libstemmer
 * has no Indonesian. */
struct aduan_decider *aduan_decider_new(void);
void aduan_decider_free(struct aduan_decider *d);

/* Whether aduan_decide writes the reason (v->why); on when made.  A
 * caller that neither shows nor keeps it turns it off: the verdict is
 * the same, v->why empty. */
void aduan_decider_explain(struct aduan_decider *d, int on);

/* For tests: whether every rule is run from every word, also those a
 * word cannot start (which aduan_decide passes over), and every message
 * decided anew, none remembered; off when made.  The verdicts are the
 * same either way, only slower on. */
void aduan_decider_every_word(struct aduan_decider *d, int on);

/* The office's own town: the words of text ("Samarinda", "Pemerintah
 * Kota Samarinda") are never read as a town elsewhere, whose troubles
 * are news rather than a complaint to the office.  May be called more
 * than once; the first sixteen words count. */
void aduan_decider_home(struct aduan_decider *d, const char *text);

/* The model (bayes.h) the decider decides with (a logistic model) or adds
 * near the line (the words' naive Bayes): the shipped one when made;
 * aduan_decider_use gives it b (NULL: the rules alone) and frees the one
 * before.  aduan_decider_learn teaches b one labelled message, read into
 * the same word forms (and, for a logistic model, the same rules) as
 * aduan_decide reads. */
struct aduan_bayes;
void aduan_decider_use(struct aduan_decider *d, struct aduan_bayes *b);
void aduan_decider_learn(struct aduan_decider *d, struct aduan_bayes *b, const char *text,
    size_t len, int complaint);

/*
 * Decide on text[0..len), the sender's own words.  media: the message
 * carried a photo, file or location (so empty text is "media only").
 * Fills *v and returns v->take.
 */
int aduan_decide(struct aduan_decider *d, const char *text, size_t len, int media,
    struct aduan_verdict *v);

#endif
