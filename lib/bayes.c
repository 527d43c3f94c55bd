/*
 * bayes.c - word log-odds learnt from labelled messages (see bayes.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "bayes.h"
#include "util.h"

struct slot {
	char form[ADUAN_BAYES_FORM];	/* "" when empty */
	int ncomplaint, nchatter;	/* messages holding the form */
	int weight;
	unsigned stamp;
};

struct aduan_bayes {
	int ncomplaint, nchatter;	/* messages learnt */
	int prior;
	unsigned stamp;
	struct slot slot[ADUAN_BAYES_SLOTS];
};

/* The shipped weights: { form, weight }, and the prior. */
static const struct {
	const char *form;
	int weight;
} builtin[] = {
#include "bayes-words.h"
};

static unsigned
hash(const char *s)
{
	return aduan_fnv_step(ADUAN_FNV_START, s, strlen(s));
}

/* The slot of form, or the empty one where it would go; NULL when the
 * table is full. */
static struct slot *
find(const struct aduan_bayes *b, const char *form)
{
	unsigned i = hash(form) & (ADUAN_BAYES_SLOTS - 1), k;

	for (k = 0; k < ADUAN_BAYES_SLOTS; k++, i = (i + 1) & (ADUAN_BAYES_SLOTS - 1))
		if (b->slot[i].form[0] == '\0' || strcmp(b->slot[i].form, form) == 0)
			return (struct slot *)&b->slot[i];
	return NULL;
}

struct aduan_bayes *
aduan_bayes_new(void)
{
	struct aduan_bayes *b = aduan_xmalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	return b;
}

struct aduan_bayes *
aduan_bayes_builtin(void)
{
	struct aduan_bayes *b = aduan_bayes_new();
	size_t i;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		struct slot *s;

		if (builtin[i].form[0] == '\0') {	/* the prior */
			b->prior = builtin[i].weight;
			continue;
		}
		if ((s = find(b, builtin[i].form)) == NULL)
			break;
		snprintf(s->form, sizeof(s->form), "%s", builtin[i].form);
		s->weight = builtin[i].weight;
	}
	return b;
}

void
aduan_bayes_free(struct aduan_bayes *b)
{
	free(b);
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
		struct slot *s = find(b, forms[i]);

		if (s == NULL || strlen(forms[i]) >= sizeof(s->form) ||
		    strspn(forms[i], "0123456789") == strlen(forms[i]))
			continue;	/* full, too long, or a number (an RT, a price) */
		if (s->form[0] == '\0')
			snprintf(s->form, sizeof(s->form), "%s", forms[i]);
		else if (s->stamp == b->stamp)
			continue;	/* once per message */
		s->stamp = b->stamp;
		if (complaint)
			s->ncomplaint++;
		else
			s->nchatter++;
	}
}

/* Half the natural log of a/b, in tenths, rounded. */
static int
half_log_tenths(double a, double b)
{
	return (int)lround(5.0 * log(a / b));
}

void
aduan_bayes_finish(struct aduan_bayes *b)
{
	double nc = b->ncomplaint, nh = b->nchatter;
	int i;

	if (nc == 0 || nh == 0)
		return;
	b->prior = half_log_tenths(nc, nh);
	for (i = 0; i < ADUAN_BAYES_SLOTS; i++) {
		struct slot *s = &b->slot[i];

		if (s->form[0] == '\0')
			continue;
		s->weight = s->ncomplaint + s->nchatter < 2 ? 0 :
		    half_log_tenths((s->ncomplaint + 1.0) / (nc + 2.0),
		    (s->nchatter + 1.0) / (nh + 2.0));
		s->stamp = 0;
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
	struct slot *s;

	if (place == 0 || (s = &b->slot[place - 1])->stamp == stamp)
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
aduan_bayes_each(const struct aduan_bayes *b, int (*fn)(const char *form, int weight, void *arg),
    void *arg)
{
	int i, rc;

	for (i = 0; i < ADUAN_BAYES_SLOTS; i++)
		if (b->slot[i].form[0] != '\0' && b->slot[i].weight != 0 &&
		    (rc = fn(b->slot[i].form, b->slot[i].weight, arg)) != 0)
			return rc;
	return 0;
}
