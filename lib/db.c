/*
 * db.c - the database: where it lives, opening and creating it, schema
 * migrations, the one write transaction per invocation, settings and
 * history events.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "internal.h"
#include "schema.h"
#include "stem.h"
#include "timeutil.h"
#include "util.h"

struct aduan_db {
	sqlite3 *sq;
	int timeout;		/* ms to wait for another writer */
	struct timespec wait_start;
	char *path;
	int readonly;		/* opened read-only: this user may not write it */
	int in_tx;
	int64_t invocation;
	struct {
		const char *sql;	/* a string literal of the caller's */
		sqlite3_stmt *st;
	} *cache;
	int ncache;
	size_t capcache;
	char *setting_value;
	char *bulk_trigger;	/* the FTS trigger set aside by bulk_begin */
	void *refcache;		/* reference data kept in memory (see sla.c) */
	void (*refcache_free)(void *);
	unsigned long generation;	/* counts changes to reference data */
	char at[21];		/* the invocation's time and actor */
	int at_given;		/* at is the time of what it records (aduan_db_at) */
	char *actor;
	struct aduan_stemmer *stemmer;	/* made when first needed */
};

struct aduan_stemmer *
aduan_db_stemmer(struct aduan_db *db)
{
	if (db->stemmer == NULL)
		db->stemmer = aduan_stemmer_new();
	return db->stemmer;
}

/* SQL aduan_stems(TEXT): the stems of a text joined by spaces; for the
 * migration that indexes existing databases (never used in triggers, so
 * that other SQLite clients can still write complaints). */
static void
sql_stems(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct aduan_db *db = sqlite3_user_data(cx);
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	struct aduan_stemmer *st = aduan_db_stemmer(db);
	struct aduan_buf b = {0};

	if (st == NULL) {
		sqlite3_result_error(cx, aduan_errmsg(), -1);
		return;
	}
	if (text == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	aduan_stem_text(st, text, (size_t)sqlite3_value_bytes(argv[0]), &b);
	sqlite3_result_text(cx, b.s ? b.s : "", -1, SQLITE_TRANSIENT);
	aduan_buf_release(&b);
}

char *
aduan_db_path(const char *path)
{
	const char *s;
	struct aduan_buf b = {0};

	if (path != NULL && *path != '\0')
		return aduan_xstrdup(path);
	if ((s = getenv("ADUAN_DB")) != NULL && *s != '\0')
		return aduan_xstrdup(s);
	if ((s = getenv("XDG_DATA_HOME")) != NULL && *s == '/')
		aduan_buf_printf(&b, "%s/aduan/aduan.db", s);
	else if ((s = getenv("HOME")) != NULL && *s != '\0')
		aduan_buf_printf(&b, "%s/.local/share/aduan/aduan.db", s);
	else
		aduan_buf_adds(&b, "aduan.db");
	return b.s;
}

/* Create the folders leading to path, owner-only. */
static int
make_parents(const char *path)
{
	char *dir = aduan_xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			rc = aduan_fail(ADUAN_IOERR, "cannot create folder %s: %s", dir, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/*
 * Create the file itself so that its mode is ours to choose: owner-only,
 * or group read/write when its folder is set-group-ID (the admin's way
 * of sharing one database between the staff of a group).
 */
static int
create_file(const char *path)
{
	char *dir = aduan_xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	mode_t mode = 0600;
	int fd;

	if (slash != NULL) {
		*slash = '\0';
		if (stat(*dir ? dir : "/", &st) == 0 && (st.st_mode & S_ISGID))
			mode = 0660;
	} else if (stat(".", &st) == 0 && (st.st_mode & S_ISGID))
		mode = 0660;
	free(dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd == -1 && errno != EEXIST)
		return aduan_fail(ADUAN_IOERR, "cannot create database %s: %s", path, strerror(errno));
	if (fd != -1) {
		(void)fchmod(fd, mode);
		close(fd);
	}
	return 0;
}

int
aduan_db_fail(struct aduan_db *db, const char *what)
{
	int code = sqlite3_extended_errcode(db->sq);
	int rc = ADUAN_IOERR;

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return aduan_fail(ADUAN_BUSY,
		    "database %s is busy (another aduan program is writing); try again later",
		    db->path);
	case SQLITE_CONSTRAINT:
		rc = ADUAN_DATAERR;
		break;
	case SQLITE_FULL:
		return aduan_fail(ADUAN_IOERR, "%s: database or disk is full: %s", what, db->path);
	case SQLITE_READONLY:
		return aduan_fail(ADUAN_IOERR, "%s: cannot write database %s: permission denied "
		    "(ask its owner for write access to it and its folder)", what, db->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return aduan_fail(ADUAN_IOERR, "database %s is damaged or not an aduan database", db->path);
	}
	return aduan_fail(rc, "%s: %s", what, sqlite3_errmsg(db->sq));
}

static int
exec(struct aduan_db *db, const char *sql, const char *what)
{
	if (sqlite3_exec(db->sq, sql, NULL, NULL, NULL) != SQLITE_OK)
		return aduan_db_fail(db, what);
	return 0;
}

/* The value of an integer pragma ("PRAGMA user_version"). */
static int
pragma_int(struct aduan_db *db, const char *pragma, int *v)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sq, pragma, -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "reading schema version");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "reading schema version");
	return 0;
}

/* After a migration: every reference still names a row. */
static int
foreign_keys_hold(struct aduan_db *db)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sq, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "updating schema");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rc = aduan_fail(ADUAN_IOERR, "database %s: table %s refers to a missing row; "
		    "schema not updated", db->path, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "updating schema");
}

/* Bring the schema up to date, forward only; refuse a newer one untouched. */
static int
migrate(struct aduan_db *db)
{
	int v, rc, i;
	char sql[64];

	if ((rc = pragma_int(db, "PRAGMA user_version", &v)) != 0)
		return rc;
	if (v > aduan_nmigrations)
		return aduan_fail(ADUAN_IOERR,
		    "database %s has schema version %d, newer than this aduan understands (%d); "
		    "upgrade aduan", db->path, v, aduan_nmigrations);
	if (v == aduan_nmigrations)
		return 0;
	if (db->readonly)
		return aduan_fail(ADUAN_IOERR, "database %s was made by an older aduan and needs "
		    "updating, which needs write access: run any aduan command as its owner once",
		    db->path);
	if (v == 0 && (rc = exec(db, "PRAGMA journal_mode=WAL", "setting WAL mode")) != 0)
		return rc;
	/* A migration may rebuild a table: no cascades meanwhile (checked below). */
	if ((rc = exec(db, "PRAGMA foreign_keys=OFF", "updating schema")) != 0)
		return rc;
	if ((rc = exec(db, "BEGIN IMMEDIATE", "updating schema")) != 0)
		goto fail;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = pragma_int(db, "PRAGMA user_version", &v)) != 0)
		goto fail;
	for (i = v; i < aduan_nmigrations; i++)
		if ((rc = exec(db, aduan_migrations[i], "updating schema")) != 0)
			goto fail;
	if ((rc = foreign_keys_hold(db)) != 0)
		goto fail;
	/* a migration may edit a table's definition in place (writable_schema):
	 * a new schema version makes every other connection read it again */
	if ((rc = pragma_int(db, "PRAGMA schema_version", &v)) != 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA schema_version=%d", v + 1);
	if ((rc = exec(db, sql, "updating schema")) != 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", aduan_nmigrations);
	if ((rc = exec(db, sql, "updating schema")) != 0 ||
	    (rc = exec(db, "COMMIT", "updating schema")) != 0)
		goto fail;
	return exec(db, "PRAGMA foreign_keys=ON", "updating schema");
fail:
	sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(db->sq, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	return rc;
}

/*
 * Waiting for another writer.  SQLite's own handler sleeps ever longer
 * (up to 100 ms a time), so among many waiters the lucky ones get in and
 * a slow one can wait past its timeout; short random sleeps keep every
 * waiter close to the moment the lock is free.
 */
static int
busy_wait(void *arg, int n)
{
	struct aduan_db *db = arg;
	struct timespec now, nap;
	long ms;
	unsigned r;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (n == 0)
		db->wait_start = now;
	ms = (now.tv_sec - db->wait_start.tv_sec) * 1000 +
	    (now.tv_nsec - db->wait_start.tv_nsec) / 1000000;
	if (ms >= db->timeout)
		return 0;
	sqlite3_randomness(sizeof(r), &r);
	nap.tv_sec = 0;
	nap.tv_nsec = (long)(1 + r % 8) * 1000000L;
	nanosleep(&nap, NULL);
	return 1;
}

/* Whether this user may write path and the folder it is in (WAL's files). */
static int
writable(const char *path)
{
	char *dir = aduan_xstrdup(path), *slash = strrchr(dir, '/');
	int yes;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	yes = access(path, W_OK) == 0 && access(slash ? dir : ".", W_OK) == 0;
	free(dir);
	return yes;
}

static int
fail_errno(struct aduan_db *db, int e)
{
	if (e == ENOENT)
		return aduan_fail(ADUAN_IOERR,
		    "no database at %s (create it with 'aduan init' or name another with --db)",
		    db->path);
	if (e == EACCES || e == EPERM)
		return aduan_fail(ADUAN_IOERR, "cannot open database %s: permission denied "
		    "(ask its owner for access, or name another with --db)", db->path);
	return aduan_fail(ADUAN_IOERR, "cannot open database %s: %s", db->path, strerror(e));
}

/* Find (or, for aduan init, make) the file; decide whether to open it read-only. */
static int
locate(struct aduan_db *db, enum aduan_open mode, int *readonly)
{
	struct stat st;
	int rc;

	*readonly = 0;
	if (stat(db->path, &st) == -1) {
		if (errno != ENOENT || mode != ADUAN_CREATE)
			return fail_errno(db, errno);
		if ((rc = make_parents(db->path)) != 0 || (rc = create_file(db->path)) != 0)
			return rc;
		return 0;
	}
	if (!S_ISREG(st.st_mode))
		return aduan_fail(ADUAN_IOERR, "database %s is not a regular file", db->path);
	if (writable(db->path))
		return 0;
	if (mode == ADUAN_RDONLY) {
		*readonly = 1;
		return 0;
	}
	return aduan_fail(ADUAN_IOERR, "cannot write database %s: permission denied "
	    "(you may read it; ask its owner for write access to it and its folder)", db->path);
}

/* Read-only, with a plain open, else as an immutable file (when WAL's
 * shared-memory file can be neither found nor made). */
static int
open_sqlite(struct aduan_db *db, int readonly, int immutable)
{
	struct aduan_buf uri = {0};
	const char *p;
	int rc;

	if (!immutable)
		rc = sqlite3_open_v2(db->path, &db->sq, (readonly ? SQLITE_OPEN_READONLY :
		    SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, NULL);
	else {
		aduan_buf_adds(&uri, "file:");
		for (p = db->path; *p; p++)
			if (*p == '%' || *p == '?' || *p == '#')
				aduan_buf_printf(&uri, "%%%02X", (unsigned char)*p);
			else
				aduan_buf_addc(&uri, *p);
		aduan_buf_adds(&uri, "?immutable=1");
		rc = sqlite3_open_v2(uri.s, &db->sq, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
		    SQLITE_OPEN_NOMUTEX, NULL);
		aduan_buf_release(&uri);
	}
	if (rc != SQLITE_OK)
		return aduan_fail(ADUAN_IOERR, "cannot open database %s: %s", db->path,
		    db->sq ? sqlite3_errmsg(db->sq) : "out of memory");
	sqlite3_extended_result_codes(db->sq, 1);
	return 0;
}

/*
 * An aduan database, or an empty file that only aduan init may fill;
 * never another program's.  Nothing is written before this holds.
 */
static int
identify(struct aduan_db *db, enum aduan_open mode)
{
	sqlite3_stmt *st;
	int v, rc, tables = 0, ours = 0;

	if ((rc = pragma_int(db, "PRAGMA user_version", &v)) != 0)
		return rc;
	if (sqlite3_prepare_v2(db->sq, "SELECT count(*), count(*) FILTER (WHERE name = 'complaint') "
	    "FROM sqlite_master WHERE type = 'table'", -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "opening database");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tables = sqlite3_column_int(st, 0);
		ours = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "opening database");
	if (tables == 0 && v == 0) {
		if (mode == ADUAN_CREATE)
			return 0;
		return aduan_fail(ADUAN_IOERR, "%s is empty, not an aduan database "
		    "(make one with 'aduan init' or name another with --db)", db->path);
	}
	if (!ours || v == 0)
		return aduan_fail(ADUAN_IOERR, "%s is not an aduan database (another program's "
		    "SQLite file?); it was left untouched", db->path);
	return 0;
}

static void
set_timeout(struct aduan_db *db)
{
	const char *s = getenv("ADUAN_BUSY_TIMEOUT");
	char *end;
	long t;

	db->timeout = 5000;
	if (s != NULL && *s != '\0') {
		t = strtol(s, &end, 10);
		if (*end == '\0' && t >= 0 && t <= 86400000)
			db->timeout = (int)t;
	}
	sqlite3_busy_handler(db->sq, busy_wait, db);
}

int
aduan_db_open(struct aduan_db **dbp, const char *path, enum aduan_open mode)
{
	struct aduan_db *db;
	int rc, readonly;

	*dbp = NULL;
	db = aduan_xmalloc(sizeof(*db));
	memset(db, 0, sizeof(*db));
	db->path = aduan_db_path(path);
	if ((rc = locate(db, mode, &readonly)) != 0 || (rc = open_sqlite(db, readonly, 0)) != 0)
		goto fail;
	set_timeout(db);
	if ((rc = identify(db, mode)) != 0 && readonly &&
	    ((sqlite3_extended_errcode(db->sq) & 0xff) == SQLITE_CANTOPEN ||
	    (sqlite3_extended_errcode(db->sq) & 0xff) == SQLITE_READONLY)) {
		sqlite3_close(db->sq);
		db->sq = NULL;
		if ((rc = open_sqlite(db, readonly, 1)) == 0) {
			set_timeout(db);
			rc = identify(db, mode);
		}
	}
	if (rc != 0)
		goto fail;
	db->readonly = readonly;
	if (sqlite3_create_function(db->sq, "aduan_stems", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	    db, sql_stems, NULL, NULL) != SQLITE_OK) {
		rc = aduan_db_fail(db, "opening database");
		goto fail;
	}
	if ((rc = exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
	    "PRAGMA temp_store=MEMORY", "opening database")) != 0 || (rc = migrate(db)) != 0)
		goto fail;
	*dbp = db;
	return 0;
fail:
	aduan_db_close(db);
	return rc;
}

int
aduan_db_vacuum(struct aduan_db *db)
{
	int rc, logged = 0, moved = 0;

	if ((rc = exec(db, "PRAGMA secure_delete = ON; VACUUM", "compacting the database")) != 0)
		return rc;
	rc = sqlite3_wal_checkpoint_v2(db->sq, NULL, SQLITE_CHECKPOINT_TRUNCATE, &logged, &moved);
	if (rc != SQLITE_OK)
		return aduan_db_fail(db, "emptying the write-ahead log");
	return 0;
}

void
aduan_db_close(struct aduan_db *db)
{
	int i;

	if (db == NULL)
		return;
	if (db->in_tx)
		aduan_db_rollback(db);
	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	sqlite3_close(db->sq);
	if (db->refcache_free != NULL)
		db->refcache_free(db->refcache);
	free(db->bulk_trigger);
	aduan_stemmer_free(db->stemmer);
	free(db->actor);
	free(db->setting_value);
	free(db->path);
	free(db);
}

sqlite3 *
aduan_db_sqlite(struct aduan_db *db)
{
	return db->sq;
}

const char *
aduan_db_filename(struct aduan_db *db)
{
	return db->path;
}

sqlite3_stmt *
aduan_db_stmt(struct aduan_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql || strcmp(db->cache[i].sql, sql) == 0) {
			st = db->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	if (sqlite3_prepare_v3(db->sq, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		aduan_db_fail(db, "preparing a query");
		return NULL;
	}
	db->cache = aduan_grow(db->cache, &db->capcache, (size_t)db->ncache + 1, sizeof(*db->cache));
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].st = st;
	db->ncache++;
	return st;
}

int
aduan_db_begin(struct aduan_db *db, const char *actor, const char *command)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	if ((rc = exec(db, "BEGIN IMMEDIATE", "starting a write")) != 0)
		return rc;
	db->in_tx = 1;
	st = aduan_db_stmt(db, "INSERT INTO invocation(at, actor, command) VALUES (?, ?, ?)");
	if (st == NULL) {
		rc = ADUAN_IOERR;
		goto fail;
	}
	aduan_time_utc(time(NULL), now);
	memcpy(db->at, now, sizeof(db->at));
	db->at_given = 0;
	free(db->actor);
	db->actor = aduan_xstrdup(actor);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, command, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = aduan_db_fail(db, "recording the invocation");
		goto fail;
	}
	sqlite3_reset(st);
	db->invocation = sqlite3_last_insert_rowid(db->sq);
	return 0;
fail:
	aduan_db_rollback(db);
	return rc;
}

void
aduan_db_at(struct aduan_db *db, time_t t)
{
	aduan_time_utc(t, db->at);
	db->at_given = 1;
}

const char *
aduan_db_now(const struct aduan_db *db)
{
	return db->at;
}

const char *
aduan_db_at_given(const struct aduan_db *db)
{
	return db->at_given ? db->at : NULL;
}

int
aduan_db_step(struct aduan_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, what);
	return 0;
}

int
aduan_db_complaint_row(struct aduan_db *db, sqlite3_stmt *st, int64_t id)
{
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return aduan_db_fail(db, "reading a complaint");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return 0;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "no such complaint: %lld", (long long)id);
	return aduan_db_fail(db, "reading a complaint");
}

char *
aduan_db_column(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? aduan_xstrdup((const char *)s) : NULL;
}

int
aduan_db_value(struct aduan_db *db, int64_t *v, const char *what, const char *sql,
    const char *types, ...)
{
	sqlite3_stmt *st = aduan_db_stmt(db, sql);
	va_list ap;
	int i, rc = SQLITE_OK;

	if (v != NULL)
		*v = 0;
	if (st == NULL)
		return ADUAN_IOERR;
	if ((int)strlen(types) != sqlite3_bind_parameter_count(st))
		abort();	/* a mistake in the caller's types */
	va_start(ap, types);
	for (i = 0; types[i] != '\0' && rc == SQLITE_OK; i++) {
		switch (types[i]) {
		case 't':
			rc = sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_STATIC);
			break;
		case 'i':
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_double(st, i + 1, va_arg(ap, double));
			break;
		default:
			abort();	/* a mistake in the caller's types */
		}
	}
	va_end(ap);
	if (rc == SQLITE_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW && v != NULL) {
			*v = sqlite3_column_int64(st, 0);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(st);
	}
	rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(db, what);
	sqlite3_clear_bindings(st);
	return rc;
}

int
aduan_db_snapshot(struct aduan_db *db)
{
	return exec(db, "BEGIN", "reading");
}

int
aduan_db_commit(struct aduan_db *db)
{
	int rc;

	if ((rc = exec(db, "COMMIT", "saving")) != 0) {
		aduan_db_rollback(db);
		return rc;
	}
	db->in_tx = 0;
	return 0;
}

void
aduan_db_rollback(struct aduan_db *db)
{
	int i;

	for (i = 0; i < db->ncache; i++)
		sqlite3_reset(db->cache[i].st);
	if (!sqlite3_get_autocommit(db->sq))
		sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
	db->in_tx = 0;
}

int64_t
aduan_db_invocation(struct aduan_db *db)
{
	return db->invocation;
}

const char *
aduan_setting(struct aduan_db *db, const char *key)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT value FROM setting WHERE key = ?");

	free(db->setting_value);
	db->setting_value = NULL;
	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		db->setting_value = aduan_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return db->setting_value;
}

void *
aduan_db_cache(struct aduan_db *db, unsigned long *generation)
{
	*generation = db->generation;
	return db->refcache;
}

void
aduan_db_cache_set(struct aduan_db *db, void *cache, void (*cache_free)(void *))
{
	if (db->refcache_free != NULL && db->refcache != cache)
		db->refcache_free(db->refcache);
	db->refcache = cache;
	db->refcache_free = cache_free;
}

void
aduan_db_changed(struct aduan_db *db)
{
	db->generation++;
}

int
aduan_setting_set(struct aduan_db *db, const char *key, const char *value)
{
	aduan_db_changed(db);
	if (value == NULL)
		return aduan_db_run(db, "saving a setting",
		    "DELETE FROM setting WHERE key = ?1", "t", key);
	return aduan_db_run(db, "saving a setting",
	    "INSERT INTO setting(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", "tt", key, value);
}

/* Whether an event's prior keeps field i: every prior the lifecycle
 * fields, an edit's prior also every field aduan-edit corrects. */
static int
in_prior(int i, int edit)
{
	return (aduan_fields[i].flags & AFF_PRIOR) || (edit && aduan_fields[i].edit != NULL);
}

static void
prior_json(struct aduan_buf *b, int edit)
{
	int i, n = 0;

	aduan_buf_adds(b, "json_object(");
	for (i = 0; i < ADUAN_NFIELDS; i++)
		if (in_prior(i, edit))
			aduan_buf_printf(b, "%s'%s', c.%s", n++ ? ", " : "", aduan_fields[i].name,
			    aduan_fields[i].name);
}

const char *
aduan_prior_restore_sql(void)
{
	static struct aduan_buf sql;
	const char *n;
	int i, k = 0;

	if (sql.len > 0)
		return sql.s;
	aduan_buf_adds(&sql, "UPDATE complaint SET ");
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		n = aduan_fields[i].name;
		if (aduan_fields[i].flags & AFF_PRIOR)
			aduan_buf_printf(&sql, "%s%s = json_extract(?2, '$.%s')", k++ ? ", " : "", n, n);
		else if (in_prior(i, 1))	/* an edit's prior only */
			aduan_buf_printf(&sql, "%s%s = iif(json_type(?2, '$.%s') IS NULL, %s, "
			    "json_extract(?2, '$.%s'))", k++ ? ", " : "", n, n, n, n);
	}
	aduan_buf_adds(&sql, " WHERE id = ?1");
	return sql.s;
}

/*
 * What each kind of event records: its old and new status and agency (SQL
 * over the row c and the parameters), its prior (-1: none, else
 * prior_json's edit), whether it must write one row (undo's complaint
 * may be gone).  The
 * parameters: ?1 complaint, ?2 action, ?3 old status, ?4 new status,
 * ?5 old agency, ?6 new agency, ?7 note, ?8 invocation, ?9 at, ?10 actor,
 * ?11 the column edited or the prior restored, ?12 the edit's new value.
 */
static const struct {
	const char *states;
	int prior, one;
} event_kinds[] = {
	[AEV_GIVEN] = { "?3, ?4, ?5, ?6", -1, 0 },
	[AEV_CHANGE] = { "c.status, ?4, c.agency, ?6", 0, 1 },
	[AEV_EDIT] = { "c.status, c.status, c.agency, c.agency", 1, 1 },
	[AEV_UNDO] = { "c.status, json_extract(?11, '$.status'), c.agency, "
	    "json_extract(?11, '$.agency')", 0, 0 },
};

/* The statement for kind k, built once (column names only, never user text). */
static const char *
event_sql(enum aduan_event_kind k)
{
	static struct aduan_buf sql[sizeof(event_kinds) / sizeof(event_kinds[0])];
	struct aduan_buf *b = &sql[k];

	if (b->len > 0)
		return b->s;
	/* a row of values alone is written without a statement journal */
	aduan_buf_printf(b, "INSERT INTO event(complaint, at, actor, action, old_status, "
	    "new_status, old_agency, new_agency, note, invocation, prior) "
	    "%s ?1, ?9, ?10, ?2, %s, ?7, ?8, ", event_kinds[k].prior < 0 ? "VALUES (" : "SELECT",
	    event_kinds[k].states);
	if (event_kinds[k].prior < 0) {
		aduan_buf_adds(b, "NULL)");
		return b->s;
	}
	prior_json(b, event_kinds[k].prior);
	aduan_buf_adds(b, k == AEV_EDIT ? ", 'edit', ?11, 'new', ?12)" : ")");
	aduan_buf_adds(b, " FROM complaint c WHERE c.id = ?1");
	return b->s;
}

int
aduan_event_write(struct aduan_db *db, int64_t id, const struct aduan_event_rec *e)
{
	const char *text[13] = { NULL, NULL, e->action, e->old_status, e->new_status,
	    e->old_agency, e->new_agency, e->note, NULL, db->at, db->actor,
	    e->kind == AEV_UNDO ? e->prior : e->column, e->value };
	sqlite3_stmt *st = aduan_db_stmt(db, event_sql(e->kind));
	int i, n, rc = SQLITE_OK;

	if (st == NULL)
		return ADUAN_IOERR;
	n = sqlite3_bind_parameter_count(st);
	for (i = 1; i <= n && rc == SQLITE_OK; i++)
		if (i == 1 || i == 8)
			rc = sqlite3_bind_int64(st, i, i == 1 ? id : db->invocation);
		else
			rc = sqlite3_bind_text(st, i, text[i], -1, SQLITE_STATIC);
	if (rc != SQLITE_OK) {
		sqlite3_clear_bindings(st);
		return aduan_db_fail(db, "recording history");
	}
	rc = aduan_db_step(db, st, "recording history");
	sqlite3_clear_bindings(st);
	if (rc == 0 && event_kinds[e->kind].one && sqlite3_changes(db->sq) != 1)
		return aduan_fail(ADUAN_IOERR, "recording history: no write transaction");
	return rc;
}

int
aduan_event_add(struct aduan_db *db, int64_t id, const char *action,
    const char *old_status, const char *new_status,
    const char *old_agency, const char *new_agency, const char *note)
{
	struct aduan_event_rec e = { .kind = AEV_GIVEN, .action = action,
	    .old_status = old_status, .new_status = new_status,
	    .old_agency = old_agency, .new_agency = new_agency, .note = note };

	return aduan_event_write(db, id, &e);
}

/*
 * Many complaints in one invocation.  FTS5 writes its pending terms at
 * every statement, which makes a row-by-row import several times slower
 * than it need be; so the insert trigger is set aside (inside the
 * transaction: a rollback brings it back) and the invocation's new
 * complaints are indexed in one statement at the end.  A bigger page
 * cache keeps the indexes' pages in memory meanwhile: 8 MiB, which holds a
 * million-message import under 32 MB (16 MiB: 44 MB, for about 6 % less CPU).
 */
int
aduan_db_bulk_begin(struct aduan_db *db)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sq, "SELECT sql FROM sqlite_master "
	    "WHERE type = 'trigger' AND name = 'complaint_fts_ai'", -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "preparing an import");
	if (sqlite3_step(st) == SQLITE_ROW) {
		free(db->bulk_trigger);
		db->bulk_trigger = aduan_xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (db->bulk_trigger == NULL)
		return aduan_fail(ADUAN_IOERR, "database %s lacks its search index trigger", db->path);
	if ((rc = exec(db, "DROP TRIGGER complaint_fts_ai; PRAGMA cache_size = -8192",
	    "preparing an import")) != 0)
		return rc;
	return 0;
}

int
aduan_db_bulk_end(struct aduan_db *db)
{
	sqlite3_stmt *st;
	int rc;

	if (db->bulk_trigger == NULL)
		return 0;
	if (sqlite3_prepare_v2(db->sq,
	    "INSERT INTO complaint_fts(rowid, body, location, category) "
	    "SELECT c.id, c.body, c.location, c.category FROM event e "
	    "JOIN complaint c ON c.id = e.complaint "
	    "WHERE e.invocation = ?1 AND e.action = 'create'", -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "indexing for search");
	sqlite3_bind_int64(st, 1, db->invocation);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "indexing for search");
	if ((rc = exec(db, db->bulk_trigger, "indexing for search")) != 0)
		return rc;
	free(db->bulk_trigger);
	db->bulk_trigger = NULL;
	return 0;
}
