/*
 * place.h - the kelurahan and RT a text states ("RT 5", "rt.05",
 * "Kel. Guntung", "Loktuan", "Gn Elai", "api2"), and the WhatsApp groups
 * mapped to a place (aduan group).
 *
 * The reading is pure (no database): a place list holds the kelurahan
 * names and their aliases folded as aduan_fold() does; aduan_places_load()
 * fills one from the kelurahan table.
 */
#ifndef ADUAN_PLACE_H
#define ADUAN_PLACE_H

#include <stddef.h>

struct aduan_db;
struct aduan_complaint;
struct aduan_places;

struct aduan_places *aduan_places_new(void);
/* Add a spelling (any case, spaces, dots, dashes) of the kelurahan name. */
void aduan_places_add(struct aduan_places *p, const char *spelling, const char *name);
void aduan_places_free(struct aduan_places *p);
/* A place list of the database's kelurahan and aliases (0 or a code). */
int aduan_places_load(struct aduan_db *db, struct aduan_places **pp);

/*
 * The first kelurahan (*kel: the canonical name, borrowed from p; NULL
 * when none) and the first RT ("005"; "" when none) that text[0..len)
 * states.  Returns how many of the two were found.
 */
int aduan_place_read(const struct aduan_places *p, const char *text, size_t len,
    const char **kel, char rt[8]);

/*
 * Fill c's empty kelurahan and RT from its body.  *from (may be NULL)
 * is set to "text" when something was filled, else left alone.
 */
void aduan_place_fill(const struct aduan_places *p, struct aduan_complaint *c,
    const char **from);

/* ---- WhatsApp groups mapped to a place (aduan group) ------------------ */

struct aduan_group {
	const char *name, *kelurahan, *rt;	/* rt NULL when the whole kelurahan */
};
/* Map (or map again) group name to a kelurahan (any alias) and RT. */
int aduan_group_add(struct aduan_db *db, const char *name, const char *kelurahan,
    const char *rt);
/* ADUAN_NOMATCH when no such group is mapped. */
int aduan_group_rm(struct aduan_db *db, const char *name);
/* fn gets each mapped group (borrowed), in name order. */
int aduan_group_list(struct aduan_db *db, int (*fn)(const struct aduan_group *g, void *arg),
    void *arg);
/*
 * The place of a group: its mapping, else what its name states.
 * kel and rt as in aduan_place_read (kel borrowed until the next call);
 * *from "group" or "group name".  Returns how many were found.
 */
int aduan_group_place(struct aduan_db *db, const struct aduan_places *p, const char *name,
    const char **kel, char rt[8], const char **from);

#endif
