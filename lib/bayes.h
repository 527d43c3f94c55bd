/*
 * bayes.h - what earlier labelled messages say, as one of two models:
 *
 * ADUAN_BAYES_WORDS: for each word form, the log-odds of "complaint"
 * against "chatter" (naive Bayes over the forms of decide.c, each form
 * counted once per message).  The intake's decision (decide.c) adds what
 * the words say only when its rules are near the line, at most 3 points
 * either way, and names the word that weighed most.  Weights are in
 * tenths of a rule point: half the natural log-odds, Laplace-smoothed, of
 * forms seen in at least two messages.  Shipped in bayes-words.h,
 * written by `tests/unit/t-intake -t` from every labelled set.
 *
 * ADUAN_BAYES_LOGIT: a logistic model that decides in place of the
 * rules' hand-set sum, over the message's features: the rules' sum, a
 * few of the message's shape (a question mark, a greeting first, a
 * number, capitals only), each word form and each pair of adjacent forms
 * (numbers and towns left out); it can also learn each rule's label and
 * the message's length, which the shipped one does not.  Each feature
 * counts once per message; weights are in hundredths of log-odds, learnt
 * with L2 regularisation (AdaGrad, a fixed shuffle: the same in every
 * run).  Shipped in bayes-logit.h, written by `tests/unit/t-intake -T`
 * from every labelled set.
 *
 * A feature is named by a key, a hash of its kind and its name (the
 * form; the two forms of a pair; the rule's label).  Memory is fixed when
 * made (ADUAN_BAYES_SLOTS forms, ADUAN_BAYES_FEATS features at most);
 * nothing is allocated per message when deciding.  Learning keeps the
 * messages' features until aduan_bayes_finish.
 */
#ifndef ADUAN_BAYES_H
#define ADUAN_BAYES_H

#define ADUAN_BAYES_SLOTS 8192	/* a power of two */
#define ADUAN_BAYES_FEATS 65536	/* a power of two */
#define ADUAN_BAYES_FORM 24	/* a form's bytes with its NUL, as decide.c keeps it */

enum { ADUAN_BAYES_WORDS, ADUAN_BAYES_LOGIT };

/* The kinds of a logistic model's features (the first field of its rows). */
enum {
	ADUAN_FEAT_BIAS = 'b',	/* the constant */
	ADUAN_FEAT_FOR = '+',	/* a rule for a complaint fired: its label */
	ADUAN_FEAT_AGAINST = '-',	/* a rule against */
	ADUAN_FEAT_SHAPE = 's',	/* "sum 3", "question", "number", ... */
	ADUAN_FEAT_LENGTH = 'n',	/* "words 6-12" */
	ADUAN_FEAT_WORD = 'w',	/* a form */
	ADUAN_FEAT_PAIR = 'p'	/* two adjacent forms, "air mati" */
};

struct aduan_bayes;

/* An empty model to learn into, or the shipped one: of the kind the
 * decision uses by default (aduan_bayes_builtin), or of kind. */
struct aduan_bayes *aduan_bayes_new(void);
struct aduan_bayes *aduan_bayes_builtin(void);
struct aduan_bayes *aduan_bayes_builtin_kind(int kind);
void aduan_bayes_free(struct aduan_bayes *b);
int aduan_bayes_kind(const struct aduan_bayes *b);

/* Learn one labelled message from its forms (repeats count once), then,
 * after the last, turn the counts into weights. */
void aduan_bayes_learn(struct aduan_bayes *b, const char *const *forms, int n, int complaint);
void aduan_bayes_finish(struct aduan_bayes *b);

/* The weight of the prior (complaints against chatter; of a logistic
 * model, its constant). */
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
 * non-zero return, which is returned.  Of a logistic model, each
 * feature, kind first (ADUAN_FEAT_*), the bias with an empty name. */
int aduan_bayes_each(const struct aduan_bayes *b, int (*fn)(const char *form, int weight, void *arg),
    void *arg);
int aduan_bayes_each_feature(const struct aduan_bayes *b,
    int (*fn)(int kind, const char *name, int weight, void *arg), void *arg);

/* A logistic model to learn into: lambda, the L2 regularisation; drop,
 * the share of the rules' features (labels and sum) left out of each
 * step of learning, so that words learn to decide without them; shift,
 * hundredths taken from the constant learnt (the line moved); kinds, the
 * kinds of features learnt (ADUAN_FEAT_*: "+-swpn" all but the constant). */
struct aduan_bayes *aduan_bayes_new_logit(double lambda, double drop, int shift,
    const char *kinds);

/* The key of a feature of kind named name; of a word form, the key of the
 * form's hash h (aduan_bayes_form_hash); of a pair, of its forms' hashes. */
unsigned aduan_bayes_form_hash(const char *form);
unsigned aduan_bayes_key(int kind, const char *name);
unsigned aduan_bayes_word_key(unsigned h);
unsigned aduan_bayes_pair_key(unsigned ha, unsigned hb);

/* The weight of the feature key, or 0 when unknown or already weighed
 * under this stamp. */
int aduan_bayes_feature(struct aduan_bayes *b, unsigned key, unsigned stamp);

/* The weights of a message's forms at place[0..n) (aduan_bayes_place;
 * 0: unknown), each with the pair it makes with the form before it (none
 * after an unknown one), each feature once under stamp: in tw[0..n), and
 * their sum returned. */
int aduan_bayes_words_pairs(struct aduan_bayes *b, const unsigned short *place, int n, int *tw,
    unsigned stamp);

/* The same for the feature of kind named name, a string that stays
 * where it is while b lives (a rule's label, a shape's name): its
 * feature is found once, then remembered by the name's address. */
int aduan_bayes_named(struct aduan_bayes *b, int kind, const char *name, unsigned stamp);

/* The same for n features at once, in their order: each one's weight in
 * w[0..n), and their sum returned. */
int aduan_bayes_named_all(struct aduan_bayes *b, const int *kind, const char *const *name, int n,
    int *w, unsigned stamp);

/* Learn one labelled message of a logistic model from its features
 * (keys, and the kinds and names the header is written with); repeats
 * count once. */
void aduan_bayes_learn_features(struct aduan_bayes *b, const unsigned *keys, const int *kinds,
    const char *const *names, int n, int complaint);

/* A buffer of the model for the decider's reason (a list of words). */
char *aduan_bayes_note(struct aduan_bayes *b, size_t *size);

#endif
