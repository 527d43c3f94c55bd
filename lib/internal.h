/*
 * internal.h - what the files of lib/ share among themselves and no
 * program uses: SQLite statements and failures, the reference-data
 * cache, raw settings, the history writer.
 */
#ifndef ADUAN_INTERNAL_H
#define ADUAN_INTERNAL_H

#include <sqlite3.h>

#include "aduan.h"
#include "db.h"
#include "util.h"

/* The SQLite connection of db. */
sqlite3 *aduan_db_sqlite(struct aduan_db *db);

/* Translate the last SQLite failure on db into a return code and message. */
int aduan_db_fail(struct aduan_db *db, const char *what);

/* Step a statement that returns no rows, and reset it; 0 or the code and
 * message of the failure ("WHAT: ..."). */
int aduan_db_step(struct aduan_db *db, sqlite3_stmt *st, const char *what);

/*
 * Run one statement: sql prepared once (as aduan_db_stmt), its parameters
 * bound in order from the arguments, one letter of types each: 't' text
 * (const char *, NULL binds null), 'i' an int64_t, 'd' a double (one
 * letter for each parameter of sql); then stepped once and reset.  With
 * v, the number in the first column of its first row goes to *v (0 when
 * it returns no rows); with v NULL, it must return no rows.  0, or the
 * code and message of the failure ("WHAT: ...").
 */
int aduan_db_value(struct aduan_db *db, int64_t *v, const char *what, const char *sql,
    const char *types, ...);
/* A statement that returns no rows. */
#define aduan_db_run(db, what, sql, ...) aduan_db_value(db, NULL, what, sql, __VA_ARGS__)

/* Step st, whose ?1 is bound to complaint id, to its row: 0 with st on
 * the row (the caller resets it), ADUAN_NOMATCH "no such complaint: ID"
 * (st reset), or the failure. */
int aduan_db_complaint_row(struct aduan_db *db, sqlite3_stmt *st, int64_t id);

/* A copy of column i of st's current row (caller frees), NULL for null. */
char *aduan_db_column(sqlite3_stmt *st, int i);

/* The Indonesian stemmer (stem.h) for the life of db; NULL with a
 * message when libstemmer lacks it. */
struct aduan_stemmer;
struct aduan_stemmer *aduan_db_stemmer(struct aduan_db *db);

/* Prepared statements cached by SQL text for the life of db. */
sqlite3_stmt *aduan_db_stmt(struct aduan_db *db, const char *sql);

/*
 * One cache of reference data per database handle (settings, holidays,
 * agencies as the SLA needs them), for the life of the handle.  Every
 * change to reference data through the library calls aduan_db_changed();
 * a cache built at an older generation is stale.
 */
void *aduan_db_cache(struct aduan_db *db, unsigned long *generation);
void aduan_db_cache_set(struct aduan_db *db, void *cache, void (*cache_free)(void *));
void aduan_db_changed(struct aduan_db *db);

/* A stored setting: value or NULL (borrowed until the next call); the
 * value in force, with its default, is aduan_config() (refdata.h). */
const char *aduan_setting(struct aduan_db *db, const char *key);

/*
 * The history writer: one event on complaint id in the current invocation.
 * AEV_GIVEN records the old and new status and agency as given and no
 * prior; the others are written before the row changes and take the old
 * status and agency, and the prior (what undo puts back), from the row:
 * AEV_CHANGE with the new status and agency given, AEV_EDIT unchanged and
 * with the edited column and its new value in the prior, AEV_UNDO with
 * the status and agency of prior, the JSON being restored.
 */
enum aduan_event_kind { AEV_GIVEN, AEV_CHANGE, AEV_EDIT, AEV_UNDO };
struct aduan_event_rec {
	enum aduan_event_kind kind;
	const char *action, *note;
	const char *old_status, *new_status, *old_agency, *new_agency;
	const char *column, *value;	/* AEV_EDIT */
	const char *prior;		/* AEV_UNDO */
};
int aduan_event_write(struct aduan_db *db, int64_t id, const struct aduan_event_rec *e);

/* An AEV_GIVEN event. */
int aduan_event_add(struct aduan_db *db, int64_t id, const char *action,
    const char *old_status, const char *new_status,
    const char *old_agency, const char *new_agency, const char *note);

/* Bind s, a value of field i as text, to parameter col by the field's
 * type (NULL binds null; s must outlive the statement's step). */
void aduan_field_bind(sqlite3_stmt *st, int col, int i, const char *s);

/* For undo: the UPDATE that puts back what a prior (parameter ?2) holds
 * of complaint ?1: the lifecycle fields, and the others it names.
 * Static storage. */
const char *aduan_prior_restore_sql(void);

#endif
