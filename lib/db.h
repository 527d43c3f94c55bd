/*
 * db.h - the database: where it lives, opening and creating it, the one
 * write transaction per invocation (db.c).
 */
#ifndef ADUAN_DB_H
#define ADUAN_DB_H

#include <time.h>

#include "aduan.h"

struct aduan_db;

/*
 * Only ADUAN_CREATE (aduan init) makes a database; every other mode
 * fails on a missing one, naming the path and 'aduan init', and refuses
 * a file that is not an aduan database (empty, or another program's)
 * without touching it.  ADUAN_RDONLY opens read-only when the user may
 * not write the file or its folder.
 */
enum aduan_open {
	ADUAN_RDONLY = 0,	/* reading: the database must exist */
	ADUAN_RDWR = 1,		/* writing: the database must exist */
	ADUAN_CREATE = 2	/* create file, folder and schema as needed */
};

/* The path in force: path if non-NULL, else $ADUAN_DB, else the XDG
 * default.  Caller frees. */
char *aduan_db_path(const char *path);
int aduan_db_open(struct aduan_db **dbp, const char *path, enum aduan_open mode);
void aduan_db_close(struct aduan_db *db);
const char *aduan_db_filename(struct aduan_db *db);

/*
 * One write per command invocation: begin() takes the write lock
 * (BEGIN IMMEDIATE, waiting up to the busy timeout) and records the
 * invocation (actor, command line); commit() ends it.  rollback() is
 * safe to call at any time.
 */
int aduan_db_begin(struct aduan_db *db, const char *actor, const char *command);
int aduan_db_commit(struct aduan_db *db);
void aduan_db_rollback(struct aduan_db *db);
int64_t aduan_db_invocation(struct aduan_db *db);
/*
 * The time of what the invocation records (its events, a close's
 * closed_at): when begin() ran, or t given after it (--at: something
 * done earlier, recorded now; the invocation keeps when it ran).
 * aduan_db_now() is that time as a UTC stamp; aduan_db_at_given() the
 * same, or NULL when no time was given.
 */
void aduan_db_at(struct aduan_db *db, time_t t);
const char *aduan_db_now(const struct aduan_db *db);
const char *aduan_db_at_given(const struct aduan_db *db);

/* Around many inserts in one invocation: index the new complaints for
 * search once, at the end, rather than row by row.  bulk_end must run
 * before commit. */
int aduan_db_bulk_begin(struct aduan_db *db);
int aduan_db_bulk_end(struct aduan_db *db);

/* A read-only snapshot for many lookups (a dry run): one read
 * transaction instead of one per statement; rollback() ends it. */
int aduan_db_snapshot(struct aduan_db *db);

/* After a commit that must leave nothing behind (a purge): rebuild the
 * file without its free pages and empty the write-ahead log. */
int aduan_db_vacuum(struct aduan_db *db);

/* Store a setting (refdata.h checks it and reads it back). */
int aduan_setting_set(struct aduan_db *db, const char *key, const char *value);

#endif
