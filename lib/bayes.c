/*
 * bayes.c - what earlier labelled messages say (see bayes.h): word
 * log-odds (naive Bayes) or a logistic model over a message's features.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "bayes.h"
#include "util.h"

/* The model the decision uses when made (decide.c, aduan_decider_new). */
#define DEFAULT_KIND ADUAN_BAYES_LOGIT

#define LEARNT 131072	/* features a logistic model may learn (a power of two) */
#define EPOCHS 40	/* passes over the messages when learning */
#define RATE 0.3	/* AdaGrad's step */
#define PRUNE 2		/* weights under this (hundredths) are not kept */
#define MEMO_BITS 14	/* pairs of forms remembered with their features: 1 << MEMO_BITS */
#define NAMED_BITS 9	/* names remembered with their features: 1 << NAMED_BITS */
#define NONE 0	/* no feature: the number of the one that weighs nothing */
#define NUMBERS (ADUAN_BAYES_FEATS / 2 + 1)	/* the features' numbers, NONE with them */

struct slot {
	char form[ADUAN_BAYES_FORM];	/* "" when empty */
	int ncomplaint, nchatter;	/* messages holding the form */
};

/* What deciding reads of the form in a slot, in an array of its own
 * (b->word[k + 1] of b->slot[k], its place; b->word[0], of no form,
 * weighs nothing): small enough to stay in the cache. */
struct word {
	int weight;
	unsigned stamp;
};

/* A logistic model's feature, by its number (b->feat[b->fnum[k]] of
 * b->fkey[k]): its key apart, so that looking up a key, which mostly
 * finds none, reads only keys; numbered as installed, from 1, so that
 * the features lie close together (b->feat[NONE] weighs nothing). */
struct feat {
	int weight;
	unsigned stamp;
};

/* A feature being learnt (a logistic model). */
struct learnt {
	unsigned key;		/* 0: an empty entry */
	int kind, count;
	char *name;
	double w, g2;
};

struct aduan_bayes {
	int kind;
	int ncomplaint, nchatter;	/* messages learnt */
	int prior;
	unsigned stamp;
	struct slot slot[ADUAN_BAYES_SLOTS];
	struct word word[ADUAN_BAYES_SLOTS + 1];
	unsigned hash[ADUAN_BAYES_SLOTS];	/* aduan_bayes_form_hash of each slot's form */
	unsigned *fkey;		/* a logistic model's features' keys (0: an empty entry) */
	unsigned short *fnum;	/* their numbers */
	struct feat *feat;	/* and the features by number */
	/* a direct-mapped cache of pairs of forms (their places, one in the
	 * high half) and their features' numbers (NONE: no feature),
	 * forgotten whenever a feature is installed */
	struct memo {
		unsigned pair, f;
	} *memo;
	int memo_stale;
	int nfeat;
	/* the features of names that stay where they are (aduan_bayes_named),
	 * forgotten when a feature is installed after one was looked up
	 * (named_used), so that a name the model does not weigh reads
	 * nothing of fkey */
	struct named {
		const char *name;
		int kind;
		unsigned f;	/* its number, or NONE */
	} named[1 << NAMED_BITS];
	int named_used;
	char note[96];		/* aduan_bayes_note */
	/* learning a logistic model: its features, and each message as its
	 * label, its number of features and their places in lt */
	double lambda, drop;
	int shift;		/* hundredths taken from the constant learnt */
	char kinds[8];		/* the kinds of features learnt (ADUAN_FEAT_*) */
	struct learnt *lt;
	struct aduan_buf msgs;
};

_Static_assert(NUMBERS <= 65536, "a feature's number fits in fnum");

/* The shipped weights: { form, weight }, and the prior. */
static const struct {
	const char *form;
	int weight;
} builtin[] = {
#include "bayes-words.h"
};

/* The shipped logistic model: { kind, name, weight }. */
static const struct {
	int kind;
	const char *name;
	int weight;
} builtin_logit[] = {
#include "bayes-logit.h"
};

unsigned
aduan_bayes_form_hash(const char *form)
{
	return aduan_fnv_step(ADUAN_FNV_START, form, strlen(form));
}

/* A hash of h and kind, never 0 (an empty entry). */
static unsigned
mix(unsigned h, unsigned kind)
{
	unsigned x = h ^ (kind * 0x9e3779b9u);

	x ^= x >> 16;
	x *= 0x85ebca6bu;
	x ^= x >> 13;
	x *= 0xc2b2ae35u;
	x ^= x >> 16;
	return x != 0 ? x : 1;
}

unsigned
aduan_bayes_word_key(unsigned h)
{
	return mix(h, ADUAN_FEAT_WORD);
}

unsigned
aduan_bayes_pair_key(unsigned ha, unsigned hb)
{
	return mix(ha * 16777619u ^ hb, ADUAN_FEAT_PAIR);
}

unsigned
aduan_bayes_key(int kind, const char *name)
{
	const char *sp;

	if (kind == ADUAN_FEAT_WORD)
		return aduan_bayes_word_key(aduan_bayes_form_hash(name));
	if (kind == ADUAN_FEAT_PAIR && (sp = strchr(name, ' ')) != NULL)
		return aduan_bayes_pair_key(aduan_fnv_step(ADUAN_FNV_START, name, (size_t)(sp - name)),
		    aduan_bayes_form_hash(sp + 1));
	return mix(aduan_bayes_form_hash(name), (unsigned)kind);
}

/* The slot of form[0..n), whose hash is h (aduan_bayes_form_hash), or
 * the empty one where it would go; NULL when the table is full. */
static struct slot *
find_hashed(const struct aduan_bayes *b, const char *form, size_t n, unsigned h)
{
	unsigned i = h & (ADUAN_BAYES_SLOTS - 1), k;

	for (k = 0; k < ADUAN_BAYES_SLOTS; k++, i = (i + 1) & (ADUAN_BAYES_SLOTS - 1)) {
		const char *f = b->slot[i].form;

		if (f[0] == '\0' || (n < sizeof(b->slot[i].form) && memcmp(f, form, n) == 0 &&
		    f[n] == '\0'))
			return (struct slot *)&b->slot[i];
	}
	return NULL;
}

/* The slot of form, or the empty one where it would go; NULL when the
 * table is full. */
static struct slot *
find(const struct aduan_bayes *b, const char *form)
{
	size_t n = strlen(form);

	return find_hashed(b, form, n, aduan_fnv_step(ADUAN_FNV_START, form, n));
}

/* The slot of form[0..n) (its hash h), made when new; NULL when full or
 * too long. */
static struct slot *
add_hashed(struct aduan_bayes *b, const char *form, size_t n, unsigned h)
{
	struct slot *s;

	if (n >= sizeof(s->form) || (s = find_hashed(b, form, n, h)) == NULL)
		return NULL;
	if (s->form[0] == '\0') {
		memcpy(s->form, form, n);
		s->form[n] = '\0';
		b->hash[s - b->slot] = h;
	}
	return s;
}

/* The slot of form, made when new; NULL when full or too long. */
static struct slot *
add_form(struct aduan_bayes *b, const char *form)
{
	size_t n = strlen(form);

	return add_hashed(b, form, n, aduan_fnv_step(ADUAN_FNV_START, form, n));
}

/* The place of key in a logistic model's table, or of the empty entry
 * where it would go (the table is never more than half full: install). */
static inline unsigned
find_feat(const struct aduan_bayes *b, unsigned key)
{
	unsigned i = key & (ADUAN_BAYES_FEATS - 1);

	while (b->fkey[i] != 0 && b->fkey[i] != key)
		i = (i + 1) & (ADUAN_BAYES_FEATS - 1);
	return i;
}

struct aduan_bayes *
aduan_bayes_new(void)
{
	struct aduan_bayes *b = aduan_xmalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	b->kind = ADUAN_BAYES_WORDS;
	return b;
}

struct aduan_bayes *
aduan_bayes_new_logit(double lambda, double drop, int shift, const char *kinds)
{
	struct aduan_bayes *b = aduan_bayes_new();

	b->kind = ADUAN_BAYES_LOGIT;
	b->shift = shift;
	snprintf(b->kinds, sizeof(b->kinds), "%s", kinds);
	b->fkey = aduan_xmalloc(ADUAN_BAYES_FEATS * sizeof(*b->fkey));
	memset(b->fkey, 0, ADUAN_BAYES_FEATS * sizeof(*b->fkey));
	b->fnum = aduan_xmalloc(ADUAN_BAYES_FEATS * sizeof(*b->fnum));
	b->feat = aduan_xmalloc(NUMBERS * sizeof(*b->feat));
	memset(b->feat, 0, NUMBERS * sizeof(*b->feat));	/* (NONE's) */
	b->lambda = lambda;
	b->drop = drop;
	return b;
}

/* Put a weighed feature of a logistic model in its tables (at most half
 * of ADUAN_BAYES_FEATS: the rest are left out, the same in every run).
 * A form's or a pair's hashes are taken once, for its key and for its
 * forms' slots (loading the model is mostly this). */
static void
install(struct aduan_bayes *b, int kind, const char *name, int weight)
{
	const char *sp = kind == ADUAN_FEAT_PAIR ? strchr(name, ' ') : NULL;
	size_t n = 0, n2 = 0;
	unsigned key, f, h = 0, h2 = 0;
	struct slot *s;

	if (kind == ADUAN_FEAT_WORD) {
		n = strlen(name);
		key = aduan_bayes_word_key(h = aduan_fnv_step(ADUAN_FNV_START, name, n));
	} else if (sp != NULL) {
		n = (size_t)(sp - name);
		n2 = strlen(sp + 1);
		h = aduan_fnv_step(ADUAN_FNV_START, name, n);
		h2 = aduan_fnv_step(ADUAN_FNV_START, sp + 1, n2);
		key = aduan_bayes_pair_key(h, h2);
	} else
		key = aduan_bayes_key(kind, name);
	f = find_feat(b, key);
	if (b->fkey[f] == 0) {
		if (b->nfeat == ADUAN_BAYES_FEATS / 2)
			return;
		b->fnum[f] = (unsigned short)++b->nfeat;
	}
	b->memo_stale = 1;
	if (b->named_used) {	/* (a model is read before it is used: seldom) */
		memset(b->named, 0, sizeof(b->named));
		b->named_used = 0;
	}
	b->fkey[f] = key;
	b->feat[b->fnum[f]].weight = weight;
	if (kind == ADUAN_FEAT_BIAS)
		b->prior = weight;
	else if (kind == ADUAN_FEAT_WORD && (s = add_hashed(b, name, n, h)) != NULL)
		b->word[s - b->slot + 1].weight = weight;
	else if (sp != NULL) {
		/* known, for the pair, even unweighed; a first form too long
		 * is known by its first bytes, as many as a slot holds */
		if (n >= ADUAN_BAYES_FORM)
			h = aduan_fnv_step(ADUAN_FNV_START, name, n = ADUAN_BAYES_FORM - 1);
		add_hashed(b, name, n, h);
		add_hashed(b, sp + 1, n2, h2);
	}
}

struct aduan_bayes *
aduan_bayes_builtin_kind(int kind)
{
	struct aduan_bayes *b;
	size_t i;

	if (kind == ADUAN_BAYES_LOGIT) {
		b = aduan_bayes_new_logit(0, 0, 0, "");
		for (i = 0; i < sizeof(builtin_logit) / sizeof(builtin_logit[0]); i++)
			install(b, builtin_logit[i].kind, builtin_logit[i].name, builtin_logit[i].weight);
		return b;
	}
	b = aduan_bayes_new();
	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		struct slot *s;

		if (builtin[i].form[0] == '\0') {	/* the prior */
			b->prior = builtin[i].weight;
			continue;
		}
		if ((s = add_form(b, builtin[i].form)) == NULL)
			break;
		b->word[s - b->slot + 1].weight = builtin[i].weight;
	}
	return b;
}

struct aduan_bayes *
aduan_bayes_builtin(void)
{
	return aduan_bayes_builtin_kind(DEFAULT_KIND);
}

static void
forget_learnt(struct aduan_bayes *b)
{
	size_t i;

	if (b->lt == NULL)
		return;
	for (i = 0; i < LEARNT; i++)
		free(b->lt[i].name);
	free(b->lt);
	b->lt = NULL;
	aduan_buf_release(&b->msgs);
}

void
aduan_bayes_free(struct aduan_bayes *b)
{
	if (b == NULL)
		return;
	forget_learnt(b);
	free(b->fkey);
	free(b->fnum);
	free(b->feat);
	free(b->memo);
	free(b);
}

int
aduan_bayes_kind(const struct aduan_bayes *b)
{
	return b->kind;
}

void
aduan_bayes_learn(struct aduan_bayes *b, const char *const *forms, int n, int complaint)
{
	int i;

	b->stamp++;
	if (complaint)
		b->ncomplaint++;
	else
		b->nchatter++;
	for (i = 0; i < n; i++) {
		struct slot *s;

		if (strspn(forms[i], "0123456789") == strlen(forms[i]) ||
		    (s = add_form(b, forms[i])) == NULL)
			continue;	/* a number (an RT, a price), full, or too long */
		if (b->word[s - b->slot + 1].stamp == b->stamp)
			continue;	/* once per message */
		b->word[s - b->slot + 1].stamp = b->stamp;
		if (complaint)
			s->ncomplaint++;
		else
			s->nchatter++;
	}
}

/* The place in b->lt of key (made when new, with its kind and name), or
 * -1 when full. */
static long
learnt_at(struct aduan_bayes *b, unsigned key, int kind, const char *name)
{
	unsigned i = key & (LEARNT - 1), k;

	for (k = 0; k < LEARNT / 2; k++, i = (i + 1) & (LEARNT - 1)) {
		struct learnt *l = &b->lt[i];

		if (l->key == key)
			return i;
		if (l->key == 0) {
			l->key = key;
			l->kind = kind;
			l->name = aduan_xstrdup(name);
			return i;
		}
	}
	return -1;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

void
aduan_bayes_learn_features(struct aduan_bayes *b, const unsigned *keys, const int *kinds,
    const char *const *names, int n, int complaint)
{
	int *at = aduan_xmalloc(((size_t)n + 1) * sizeof(*at)), head[2], i, m = 0;

	if (b->lt == NULL) {
		b->lt = aduan_xmalloc(LEARNT * sizeof(*b->lt));
		memset(b->lt, 0, LEARNT * sizeof(*b->lt));
	}
	for (i = 0; i < n; i++) {
		long p;

		if (strchr(b->kinds, kinds[i]) == NULL ||
		    (p = learnt_at(b, keys[i], kinds[i], names[i])) < 0)
			continue;
		at[m++] = (int)p;

	}
	qsort(at, (size_t)m, sizeof(*at), cmp_int);
	for (i = n = 0; i < m; i++)	/* each once */
		if (i == 0 || at[i] != at[i - 1])
			at[n++] = at[i];
	for (i = 0; i < n; i++)
		b->lt[at[i]].count++;
	head[0] = complaint;
	head[1] = n;
	aduan_buf_add(&b->msgs, (const char *)head, sizeof(head));
	aduan_buf_add(&b->msgs, (const char *)at, (size_t)n * sizeof(*at));
	if (complaint)
		b->ncomplaint++;
	else
		b->nchatter++;
	free(at);
}

/* Half the natural log of a/b, in tenths, rounded. */
static int
half_log_tenths(double a, double b)
{
	return (int)lround(5.0 * log(a / b));
}

/* Whether feature j of message m is left out of epoch e's step: the
 * rules' features, a share drop of them, the same in every run. */
static int
dropped(const struct aduan_bayes *b, const struct learnt *l, unsigned e, unsigned m)
{
	if (b->drop <= 0 || !(l->kind == ADUAN_FEAT_FOR || l->kind == ADUAN_FEAT_AGAINST ||
	    (l->kind == ADUAN_FEAT_SHAPE && strncmp(l->name, "sum ", 4) == 0)))
		return 0;
	return mix(mix(e, m), l->key) % 1000 < (unsigned)(b->drop * 1000);
}

/* One step of AdaGrad on message m (label y, features at[0..n)). */
static void
step(struct aduan_bayes *b, double *bias, const int *at, int n, int y, unsigned e, unsigned m)
{
	static const double eps = 1e-8;
	double z = bias[0], g;
	int i;

	for (i = 0; i < n; i++)
		if (!dropped(b, &b->lt[at[i]], e, m))
			z += b->lt[at[i]].w;
	g = 1.0 / (1.0 + exp(-z)) - y;
	bias[1] += g * g;
	bias[0] -= RATE * g / (sqrt(bias[1]) + eps);
	for (i = 0; i < n; i++) {
		struct learnt *l = &b->lt[at[i]];
		double gi;

		if (dropped(b, l, e, m))
			continue;
		/* the regulariser spread over the messages holding it */
		gi = g + b->lambda * l->w / l->count;
		l->g2 += gi * gi;
		l->w -= RATE * gi / (sqrt(l->g2) + eps);
	}
}

/* Learn a logistic model's weights from the messages kept, in an order
 * shuffled the same way in every run, then keep those that weigh. */
static void
finish_logit(struct aduan_bayes *b)
{
	const int *msgs = (const int *)b->msgs.s;
	size_t nmsg = (size_t)(b->ncomplaint + b->nchatter), i, *start, *order;
	double bias[2] = { 0, 0 };
	unsigned e, seed = 1;

	start = aduan_xmalloc((nmsg + 1) * sizeof(*start));
	order = aduan_xmalloc((nmsg + 1) * sizeof(*order));
	for (i = 0, start[0] = 0; i < nmsg; i++) {
		start[i + 1] = start[i] + 2 + (size_t)msgs[start[i] + 1];
		order[i] = i;
	}
	for (e = 0; e < EPOCHS; e++) {
		for (i = nmsg; i > 1; i--) {	/* Fisher-Yates, a fixed LCG */
			size_t j, t;

			seed = seed * 1103515245u + 12345u;
			j = (seed >> 8) % i;
			t = order[i - 1], order[i - 1] = order[j], order[j] = t;
		}
		for (i = 0; i < nmsg; i++) {
			const int *m = msgs + start[order[i]];

			step(b, bias, m + 2, m[1], m[0], e, (unsigned)order[i]);
		}
	}
	install(b, ADUAN_FEAT_BIAS, "", (int)lround(100 * bias[0]) - b->shift);
	for (i = 0; i < LEARNT; i++) {
		long w = lround(100 * b->lt[i].w);

		if (b->lt[i].key == 0 || labs(w) < PRUNE)
			continue;
		install(b, b->lt[i].kind, b->lt[i].name, (int)w);
	}
	free(start);
	free(order);
}

void
aduan_bayes_finish(struct aduan_bayes *b)
{
	double nc = b->ncomplaint, nh = b->nchatter;
	int i;

	if (nc == 0 || nh == 0)
		return;
	if (b->kind == ADUAN_BAYES_LOGIT) {
		if (b->lt != NULL)
			finish_logit(b);
		return;
	}
	b->prior = half_log_tenths(nc, nh);
	for (i = 0; i < ADUAN_BAYES_SLOTS; i++) {
		struct slot *s = &b->slot[i];

		if (s->form[0] == '\0')
			continue;
		b->word[i + 1].weight = s->ncomplaint + s->nchatter < 2 ? 0 :
		    half_log_tenths((s->ncomplaint + 1.0) / (nc + 2.0),
		    (s->nchatter + 1.0) / (nh + 2.0));
		b->word[i + 1].stamp = 0;
	}
	b->stamp = 0;
}

int
aduan_bayes_prior(const struct aduan_bayes *b)
{
	return b->prior;
}

int
aduan_bayes_place(const struct aduan_bayes *b, const char *form)
{
	const struct slot *s = find(b, form);

	return s == NULL || s->form[0] == '\0' ? 0 : (int)(s - b->slot) + 1;
}

int
aduan_bayes_weight_at(struct aduan_bayes *b, int place, unsigned stamp)
{
	struct word *s;

	if (place == 0 || (s = &b->word[place])->stamp == stamp)
		return 0;
	s->stamp = stamp;
	return s->weight;
}

int
aduan_bayes_weight(struct aduan_bayes *b, const char *form, unsigned stamp)
{
	return aduan_bayes_weight_at(b, aduan_bayes_place(b, form), stamp);
}

int
aduan_bayes_feature(struct aduan_bayes *b, unsigned key, unsigned stamp)
{
	unsigned f;

	if (b->feat == NULL || b->fkey[f = find_feat(b, key)] == 0 ||
	    b->feat[f = b->fnum[f]].stamp == stamp)
		return 0;
	b->feat[f].stamp = stamp;
	return b->feat[f].weight;
}

/* The number of the feature of the pair of forms at places pair (one in
 * the high half), or NONE, remembered in m: a look-up kept out of the
 * loop below, which mostly finds the pair remembered (and has then no
 * registers to spare for it).  A first form whose hash is 0 makes no
 * pair, as decide.c's learn_features reads a message. */
#ifdef __GNUC__
__attribute__((noinline))
#endif
static unsigned
memo_pair(const struct aduan_bayes *b, struct memo *m, unsigned pair)
{
	unsigned ha = b->hash[(pair >> 16) - 1], f;

	m->pair = pair;
	if (ha == 0)
		return m->f = NONE;
	f = find_feat(b, aduan_bayes_pair_key(ha, b->hash[(pair & 0xffff) - 1]));
	return m->f = b->fkey[f] != 0 ? b->fnum[f] : NONE;
}

int
aduan_bayes_words_pairs(struct aduan_bayes *b, const unsigned short *place, int n, int *tw,
    unsigned stamp)
{
	unsigned prevplace = 0;	/* (0: no pair with the form before) */
	int i, w, sum = 0, fresh;
	struct feat *feat = b->feat;
	struct memo *memo;

	if (feat != NULL && (b->memo == NULL || b->memo_stale)) {
		if (b->memo == NULL)
			b->memo = aduan_xmalloc(sizeof(*b->memo) << MEMO_BITS);
		memset(b->memo, 0, sizeof(*b->memo) << MEMO_BITS);	/* (no pair is 0) */
		b->memo_stale = 0;
	}
	memo = b->memo;
	/* each weight taken unless weighed under stamp, without a branch on
	 * it (ANDed with 0 or all ones); no form (place 0) and no feature
	 * (NONE) weigh nothing */
	for (i = 0; i < n; i++) {
		struct word *s;
		unsigned pl = place[i];

		s = &b->word[pl];
		fresh = s->stamp != stamp;
		s->stamp = stamp;
		w = s->weight & -fresh;
		if (prevplace != 0 && pl != 0 && feat != NULL) {	/* (no pairs without features) */
			unsigned pair = prevplace << 16 | pl, f;
			struct memo *m = &memo[(pair * 0x9e3779b1u) >> (32 - MEMO_BITS)];

			f = m->pair == pair ? m->f : memo_pair(b, m, pair);
			fresh = feat[f].stamp != stamp;
			feat[f].stamp = stamp;
			w += feat[f].weight & -fresh;
		}
		prevplace = pl;
		tw[i] = w;
		sum += w;
	}
	return sum;
}

/* The number of the feature of kind named name, or NONE: found once,
 * remembered in n. */
static unsigned
named_find(struct aduan_bayes *b, struct named *n, int kind, const char *name)
{
	unsigned f = find_feat(b, aduan_bayes_key(kind, name));

	n->name = name;
	n->kind = kind;
	b->named_used = 1;
	return n->f = b->fkey[f] != 0 ? b->fnum[f] : NONE;
}

/* aduan_bayes_named of a logistic model (b->feat). */
static inline int
named_one(struct aduan_bayes *b, int kind, const char *name, unsigned stamp)
{
	struct named *n = &b->named[(((unsigned long long)(size_t)name ^ (unsigned)kind << 24) *
	    0x9e3779b97f4a7c15ULL) >> (64 - NAMED_BITS)];
	unsigned f = n->name == name && n->kind == kind ? n->f : named_find(b, n, kind, name);

	if (f == NONE || b->feat[f].stamp == stamp)
		return 0;
	b->feat[f].stamp = stamp;
	return b->feat[f].weight;
}

int
aduan_bayes_named(struct aduan_bayes *b, int kind, const char *name, unsigned stamp)
{
	return b->feat != NULL ? named_one(b, kind, name, stamp) : 0;
}

int
aduan_bayes_named_all(struct aduan_bayes *b, const int *kind, const char *const *name, int n,
    int *w, unsigned stamp)
{
	int i, sum = 0;

	if (b->feat == NULL) {
		memset(w, 0, (size_t)n * sizeof(*w));
		return 0;
	}
	for (i = 0; i < n; i++)
		sum += w[i] = named_one(b, kind[i], name[i], stamp);
	return sum;
}

int
aduan_bayes_each(const struct aduan_bayes *b, int (*fn)(const char *form, int weight, void *arg),
    void *arg)
{
	int i, rc;

	for (i = 0; i < ADUAN_BAYES_SLOTS; i++)
		if (b->slot[i].form[0] != '\0' && b->word[i + 1].weight != 0 &&
		    (rc = fn(b->slot[i].form, b->word[i + 1].weight, arg)) != 0)
			return rc;
	return 0;
}

int
aduan_bayes_each_feature(const struct aduan_bayes *b,
    int (*fn)(int kind, const char *name, int weight, void *arg), void *arg)
{
	size_t i;
	int rc;

	if ((rc = fn(ADUAN_FEAT_BIAS, "", b->prior, arg)) != 0)
		return rc;
	if (b->lt != NULL) {	/* learnt here: the names are kept */
		for (i = 0; i < LEARNT; i++)
			if (b->lt[i].key != 0 && labs(lround(100 * b->lt[i].w)) >= PRUNE &&
			    (rc = fn(b->lt[i].kind, b->lt[i].name, (int)lround(100 * b->lt[i].w),
			    arg)) != 0)
				return rc;
		return 0;
	}
	if (b->kind != ADUAN_BAYES_LOGIT)
		return 0;
	for (i = 0; i < sizeof(builtin_logit) / sizeof(builtin_logit[0]); i++)
		if (builtin_logit[i].kind != ADUAN_FEAT_BIAS &&
		    (rc = fn(builtin_logit[i].kind, builtin_logit[i].name, builtin_logit[i].weight,
		    arg)) != 0)
			return rc;
	return 0;
}

char *
aduan_bayes_note(struct aduan_bayes *b, size_t *size)
{
	*size = sizeof(b->note);
	return b->note;
}
