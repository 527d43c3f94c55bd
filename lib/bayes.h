/*
 * bayes.h - what the words of earlier labelled messages say: for each
 * word form, the log-odds of "complaint" against "chatter" learnt from
 * messages labelled by hand (naive Bayes over the forms of decide.c,
 * each form counted once per message).
 *
 * The intake's decision (decide.c) adds what the words say only when its
 * rules are near the line, at most 3 points either way, and names the
 * word that weighed most.  The shipped weights are bayes-words.h,
 * written by `tests/unit/t-intake -t` from every labelled set
 * in tests/intake.
 *
 * Weights are in tenths of a rule point: half the natural log-odds,
 * Laplace-smoothed, of forms seen in at least two messages.  Memory is
 * fixed when made (ADUAN_BAYES_SLOTS forms at most); nothing is
 * allocated per message.
 */
#ifndef ADUAN_BAYES_H
#define ADUAN_BAYES_H

#define ADUAN_BAYES_SLOTS 4096	/* a power of two */
#define ADUAN_BAYES_FORM 24	/* a form's bytes with its NUL, as decide.c keeps it */

struct aduan_bayes;

/* An empty model to learn into, or the shipped one. */
struct aduan_bayes *aduan_bayes_new(void);
struct aduan_bayes *aduan_bayes_builtin(void);
void aduan_bayes_free(struct aduan_bayes *b);

/* Learn one labelled message from its forms (repeats count once), then,
 * after the last, turn the counts into weights. */
void aduan_bayes_learn(struct aduan_bayes *b, const char *const *forms, int n, int complaint);
void aduan_bayes_finish(struct aduan_bayes *b);

/* The weight of the prior (complaints against chatter). */
int aduan_bayes_prior(const struct aduan_bayes *b);

/* The weight of form, or 0 when unknown or already weighed under this
 * stamp (one stamp per message: each form counts once). */
int aduan_bayes_weight(struct aduan_bayes *b, const char *form, unsigned stamp);

/* The same in two steps, for a caller that keeps each form's place: the
 * place of form in b (1 to ADUAN_BAYES_SLOTS; 0: b does not know it),
 * good until b learns; and the weight of the form at that place. */
int aduan_bayes_place(const struct aduan_bayes *b, const char *form);
int aduan_bayes_weight_at(struct aduan_bayes *b, int place, unsigned stamp);

/* Call fn for each weighed form (in no order); stops at fn's first
 * non-zero return, which is returned. */
int aduan_bayes_each(const struct aduan_bayes *b, int (*fn)(const char *form, int weight, void *arg),
    void *arg);

#endif
