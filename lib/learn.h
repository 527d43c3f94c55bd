/* learn.h - agencies suggested from what the office routed before (learn.c). */
#ifndef ADUAN_LEARN_H
#define ADUAN_LEARN_H

#include "aduan.h"
#include "db.h"

#define ADUAN_SUGGEST_K_MAX 50

/*
 * A complaint teaches when a person routed it (aduan_route_to: by hand,
 * confirming the agency it has, or re-routing it, a correction).  Its
 * stems go into the complaint_stem index; a later complaint is compared
 * with them (FTS5, bm25), and its k nearest taught complaints vote for
 * their agencies by similarity.
 */
int aduan_learn(struct aduan_db *db, int64_t id, const char *agency, const char *body,
    const char *how);

struct aduan_suggest {
	char *agency;		/* NULL: nothing similar was taught */
	double confidence;	/* 0..1 */
	int64_t from[ADUAN_SUGGEST_K_MAX];	/* the taught complaints that voted for it */
	int nfrom;
};
/* Suggest an agency for text (the complaint self, 0 for none, is left
 * out of its own neighbours); k from the setting route.learned_k. */
int aduan_suggest(struct aduan_db *db, int64_t self, const char *body, struct aduan_suggest *s);
void aduan_suggest_release(struct aduan_suggest *s);

#endif
