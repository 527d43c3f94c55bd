/*
 * aduan.h - the aduan core library.
 *
 * Rules that hold for every function below:
 *
 *  - The library never prints and never exits.  Functions return an
 *    enum aduan_rc (0 on success; otherwise the exit status a program
 *    should use) and leave a message for aduan_errmsg().
 *  - Strings returned through a const char * are borrowed: they live
 *    until the next call on the same object.  Records filled by a
 *    function (struct aduan_complaint) own their strings and are freed
 *    with their _release function.  Records handed to a callback are
 *    borrowed for the duration of the call.
 *  - Times are stored as UTC text "YYYY-MM-DDTHH:MM:SSZ" and shown and
 *    parsed in the local time zone (TZ).
 */
#ifndef ADUAN_H
#define ADUAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <libintl.h>
#include <sqlite3.h>

#define ADUAN_VERSION "0.1.0"

/*
 * Messages are English in the source and translated through gettext
 * (text domain "aduan"); the library translates with dgettext so that
 * it does not depend on the program's textdomain().  aduan_fail() and
 * the programs' message functions translate their format themselves.
 */
#define ADUAN_TEXTDOMAIN "aduan"
#define _(s) dgettext(ADUAN_TEXTDOMAIN, s)
#define N_(s) (s)
/* Marks a word of the data (a status, channel, ...) for the catalog under
 * a context; aduan_label() looks it up at run time. */
#define C_(ctx, s) (s)
/* The translated label of a data value for people (tables), e.g.
 * aduan_label("status", "open"); the value itself when there is none. */
const char *aduan_label(const char *ctx, const char *value);
/* Find the message catalogs: $ADUAN_LOCALEDIR, the build tree, or the
 * installed locale folder. */
void aduan_i18n_init(void);

/* Return codes double as the documented exit statuses. */
enum aduan_rc {
	ADUAN_OK = 0,
	ADUAN_NOMATCH = 1,	/* nothing matched, no such complaint */
	ADUAN_USAGE = 2,	/* bad option or argument */
	ADUAN_DATAERR = 65,	/* bad input data */
	ADUAN_IOERR = 74,	/* I/O or database error */
	ADUAN_BUSY = 75		/* database busy past the timeout */
};

/* The message of the last failure in this process (never NULL). */
const char *aduan_errmsg(void);
/* Set it (printf-style); returns rc so that "return aduan_fail(...)" reads well. */
int aduan_fail(int rc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- utilities ------------------------------------------------------ */

void *aduan_xmalloc(size_t n);	/* abort on out-of-memory: nothing to roll back */
void *aduan_xrealloc(void *p, size_t n);
char *aduan_xstrdup(const char *s);
char *aduan_xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated. */
struct aduan_buf {
	char *s;
	size_t len, cap;
};
void aduan_buf_add(struct aduan_buf *b, const char *s, size_t n);
void aduan_buf_adds(struct aduan_buf *b, const char *s);
void aduan_buf_addc(struct aduan_buf *b, int c);
void aduan_buf_printf(struct aduan_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void aduan_buf_reset(struct aduan_buf *b);
void aduan_buf_release(struct aduan_buf *b);
/* Append s (may be NULL) with the five XML characters escaped and other
 * control characters but newline and tab, which XML 1.0 does not admit,
 * as spaces: for HTML and SVG pages. */
void aduan_buf_add_xml(struct aduan_buf *b, const char *s);

/* Append s as a JSON string literal (with quotes). Invalid UTF-8 bytes
 * become U+FFFD. */
void aduan_json_quote(struct aduan_buf *b, const char *s, size_t n);

/*
 * Terminal safety: the one routine every view meant for people and every
 * message that quotes user text goes through.  Appends s[0..n) with
 * every byte a terminal could take as a command made visible: C0
 * controls and DEL as \xNN (newline and tab kept, or shown as \n and \t
 * with AV_ONELINE; CR kept only right before LF), the C1 controls
 * U+0080..U+009F (U+009B is CSI) and the bidirectional overrides as
 * \uNNNN, and bytes that are not UTF-8 as \xNN.  With AV_PARTIAL an
 * incomplete UTF-8 sequence or a CR at the very end is left for the next
 * call (a stream cut into chunks); the bytes consumed are returned.
 */
enum { AV_ONELINE = 1, AV_PARTIAL = 2 };
size_t aduan_visible_n(struct aduan_buf *b, const char *s, size_t n, int flags);
/* The same for a string, all of it. */
void aduan_visible(struct aduan_buf *b, const char *s, int oneline);

/* Fold a name for comparison: ASCII lower case, spaces, dashes, dots and
 * underscores removed ("Lok Tuan" == "loktuan" == "LOK-TUAN"). */
char *aduan_fold(const char *s);	/* caller frees */

/* Length of the valid UTF-8 prefix of s (n bytes). */
size_t aduan_utf8_valid(const char *s, size_t n);

/* The acting user: --by, else $ADUAN_USER, else the login name. */
const char *aduan_actor(const char *by);

/* ---- output files (outfile.c) ------------------------------------------ */

/*
 * A file a command writes (--rejects, -o) is written to a temporary file
 * beside it (beside the file a symbolic link names); commit() flushes it
 * to disk and renames it over path, so that path is the old file or the
 * new one, never half of one; abort() leaves the old one untouched.
 * With private_ (personal data) the file is 0600 whatever the umask and
 * the old file's mode; otherwise it keeps the old file's mode, and a new
 * one gets 0666 less the umask.  A path that is not a regular file (a
 * device, a FIFO, /dev/stdout) is written into, not replaced.
 */
struct aduan_outfile {
	char *path, *tmp;	/* tmp NULL: writing into path itself */
	FILE *fp;
	int private_;
};
int aduan_outfile_open(struct aduan_outfile *o, const char *path, int private_);
int aduan_outfile_commit(struct aduan_outfile *o);
/* Remove the temporary file (safe after a commit, and to call twice). */
void aduan_outfile_abort(struct aduan_outfile *o);
/* ADUAN_USAGE (with a message) when path is the file open as in (named
 * inname), or with in NULL the file inname: an output must never
 * overwrite an input. */
int aduan_outfile_is_input(const char *path, FILE *in, const char *inname);

/* ---- phone numbers and times --------------------------------------- */

/* Normalise a phone number to E.164 ("+6281234567890"), Indonesian
 * numbers assumed when no country code is given.  out must hold 17
 * bytes.  Returns 0, or -1 when s is not a phone number. */
int aduan_phone_normalize(const char *s, char out[17]);
/* Mask for exports: "+**********890". out must hold 17 bytes. */
void aduan_phone_mask(const char *e164, char out[17]);

/*
 * Parse a time argument in local time: "2024-11-28", "2024-11-28T14:05",
 * "2024-11-28 14:05:33", "27/11/2024", "27 Nov 2024", "today", "yesterday",
 * "hari ini", "kemarin", "minggu lalu", "bulan ini", "-7d", "2024-W48", or a
 * full UTC/offset stamp ("2024-11-28T06:05:00Z", "...+08:00").  The
 * argument names a span [*start, *end): a day, a week, a minute, ...
 * Returns 0 or -1.
 */
int aduan_time_span(const char *s, time_t now, time_t *start, time_t *end);
/* The same, for one moment (the start of the span). */
int aduan_time_parse(const char *s, time_t now, time_t *t);
/* Format t as UTC "YYYY-MM-DDTHH:MM:SSZ"; buf holds 21 bytes. */
char *aduan_time_utc(time_t t, char buf[21]);
/* Format t as local "YYYY-MM-DD HH:MM"; buf holds 32 bytes. */
char *aduan_time_local(time_t t, char buf[32]);
/* Parse a stored UTC stamp; -1 on failure. */
int aduan_time_from_utc(const char *s, time_t *t);
/*
 * The TZ value for a zone a person names: WIB, WITA and WIT (any case)
 * are Asia/Jakarta, Asia/Makassar and Asia/Jayapura; a zone name must
 * name a zone file ("Asia/Makassar", "UTC"; a bare city such as
 * "Makassar" is tried under Asia/); a POSIX string ("WITA-8", "<+08>-8")
 * is taken as it is, except UTC or GMT with an offset ("UTC+8"), whose
 * sign means the opposite of what its writer meant: refused, with the
 * right spelling in the message.  Caller frees; NULL with the reason.
 */
char *aduan_tz_lookup(const char *name);
/* Local date/time fields to time_t (mktime with DST decided by libc). */
time_t aduan_time_mklocal(int y, int mo, int d, int h, int mi, int s);

/* ---- the complaint record ------------------------------------------ */

enum aduan_field_id {
	AF_ID, AF_UID, AF_SOURCE_KEY, AF_RECEIVED_AT, AF_CREATED_AT,
	AF_CHANNEL, AF_SOURCE, AF_REPORTER_NAME, AF_REPORTER_PHONE,
	AF_ANONYMOUS, AF_CONFIDENTIAL, AF_KELURAHAN, AF_RT, AF_LOCATION,
	AF_LAT, AF_LON, AF_CATEGORY, AF_BODY, AF_ATTACHMENTS, AF_PRIORITY,
	AF_STATUS, AF_AGENCY, AF_DUE_AT, AF_CLOSED_AT, AF_RESOLUTION,
	AF_DUPLICATE_OF,
	ADUAN_NFIELDS
};
enum aduan_ftype { AT_TEXT, AT_INT, AT_REAL, AT_BOOL };
struct aduan_field {
	const char *name;
	enum aduan_ftype type;
};
extern const struct aduan_field aduan_fields[ADUAN_NFIELDS];
/* Field index by name, or -1. */
int aduan_field_lookup(const char *name, size_t len);
/* Bind s, a value of field i as text, to parameter col by the field's
 * type (NULL binds null; s must outlive the statement's step). */
void aduan_field_bind(sqlite3_stmt *st, int col, int i, const char *s);

extern const char *const aduan_channels[];	/* NULL-terminated */
extern const char *const aduan_priorities[];
extern const char *const aduan_statuses[];
extern const char *const aduan_resolutions[];
/* Index of s in a NULL-terminated list (any case), or -1. */
int aduan_word_index(const char *const *list, const char *s);
/* The list's word that s names, directly or by a synonym an operator
 * types ("wa" for whatsapp, "telepon" for phone, "darurat" for urgent);
 * NULL when none. */
const char *aduan_word_canon(const char *const *list, const char *s);
/* The largest tracking number: every program takes ids of 1 to 18 digits. */
#define ADUAN_ID_MAX INT64_C(999999999999999999)
/* A complaint id: digits, after an optional '#' ("#42" as on a receipt),
 * from 1 to ADUAN_ID_MAX.  Every program and importer parses ids with
 * this.  Returns 0, or -1 when s[0..n) is not one. */
int aduan_id_parse(const char *s, size_t n, int64_t *id);
/* RT numbers: "5", "05", "RT 005", "rt.5" all become "005"; -1 if not one. */
int aduan_rt_normalize(const char *s, char out[8]);

/*
 * One complaint as text fields: v[i] is NULL when absent, otherwise an
 * owned NUL-terminated string.  Booleans are "0"/"1", times UTC stamps
 * once normalised.
 */
struct aduan_complaint {
	char *v[ADUAN_NFIELDS];
};
void aduan_complaint_init(struct aduan_complaint *c);
void aduan_complaint_release(struct aduan_complaint *c);
/* Set field i to a copy of s[0..n) (s NULL: clear it). */
void aduan_complaint_set(struct aduan_complaint *c, int i, const char *s, size_t n);
void aduan_complaint_sets(struct aduan_complaint *c, int i, const char *s);

/* ---- the database ---------------------------------------------------- */

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
sqlite3 *aduan_db_sqlite(struct aduan_db *db);
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

/* Translate the last SQLite failure on db into a return code and message. */
int aduan_db_fail(struct aduan_db *db, const char *what);

/* Step a statement that returns no rows, and reset it; 0 or the code and
 * message of the failure ("WHAT: ..."). */
int aduan_db_step(struct aduan_db *db, sqlite3_stmt *st, const char *what);

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

/* Settings: value or NULL (borrowed until the next call). */
const char *aduan_setting(struct aduan_db *db, const char *key);
int aduan_setting_set(struct aduan_db *db, const char *key, const char *value);

/* Record a history event for complaint id in the current invocation. */
int aduan_event_add(struct aduan_db *db, int64_t id, const char *action,
    const char *old_status, const char *new_status,
    const char *old_agency, const char *new_agency, const char *note);

/* ---- intake ----------------------------------------------------------- */

/*
 * Check and normalise c in place against the database: known channel,
 * priority, kelurahan (aliases folded to the canonical name), agency;
 * phone to E.164; times to UTC; defaults filled (received_at, channel,
 * priority, status; the uid is made by aduan_complaint_insert).  Returns 0 or ADUAN_DATAERR with a reason.
 */
int aduan_complaint_check(struct aduan_db *db, struct aduan_complaint *c, time_t now);
/*
 * The same, going on past a bad field to find every problem of the
 * record: fn (if not NULL) receives each one, with the field it
 * concerns (-1: the record as a whole) and its message, borrowed for the
 * call.  The return value and aduan_errmsg() are aduan_complaint_check()'s,
 * the messages joined with "; ".
 */
int aduan_complaint_check_all(struct aduan_db *db, struct aduan_complaint *c, time_t now,
    void (*fn)(int field, const char *msg, void *arg), void *arg);

/*
 * Insert a checked complaint and its "create" event.  Sets *id to the new
 * id, or to 0 when a complaint with the same uid or source_key is already
 * present (nothing written).
 */
int aduan_complaint_insert(struct aduan_db *db, struct aduan_complaint *c, int64_t *id);

/* Whether a complaint with c's uid or source_key is already stored. */
int aduan_complaint_present(struct aduan_db *db, const struct aduan_complaint *c, int *present);
/* Is there a complaint whose source_key is in [lo, hi)?  Into *any. */
int aduan_complaint_key_between(struct aduan_db *db, const char *lo, const char *hi, int *any);

/* Likely duplicates of complaint id: calls fn for each earlier id. */
int aduan_complaint_similar(struct aduan_db *db, int64_t id,
    void (*fn)(int64_t other, const char *why, void *arg), void *arg);

/* ---- readers ---------------------------------------------------------- */

enum aduan_format { AFMT_CSV, AFMT_TSV, AFMT_JSONL, AFMT_WHATSAPP, AFMT_XLSX };
int aduan_format_lookup(const char *name);	/* -1 when unknown */

struct aduan_reader;
/* name is used in messages ("FILE:LINE: reason"). */
int aduan_reader_open(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp, const char *name);
/*
 * The same with the options of a table: map is --map ("Isi Aduan=body,
 * No=-": a header's field, or - to leave the column out), delimiter a
 * CSV separator (0: the header line's), sheet a worksheet's name or
 * number (NULL: the first).  CSV and TSV input that is a zip archive is
 * read as a workbook.
 */
struct aduan_reader_opts {
	const char *map;
	int delimiter;
	const char *sheet;
};
int aduan_reader_open_opts(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp,
    const char *name, const struct aduan_reader_opts *o);
/*
 * Next record into c (released and refilled).  Returns 1 for a record,
 * 0 at the end, ADUAN_DATAERR for a bad record (message "NAME:LINE:
 * reason"; the reader goes on with the next), ADUAN_IOERR when reading
 * failed (stop).
 */
int aduan_reader_next(struct aduan_reader *r, struct aduan_complaint *c);
/* The first line of the last record read, and its raw text (borrowed). */
long aduan_reader_line(struct aduan_reader *r);
const char *aduan_reader_raw(struct aduan_reader *r, size_t *len);
/* Where the last record's field is, for a message: "NAME:LINE: column
 * \"No HP\"", "NAME:SHEET!C5: column \"No HP\"", or the record's
 * "NAME:LINE" / "NAME:SHEET:ROW" when field is -1 or not a column (or,
 * in CSV and TSV, a column under the field's own name, which the
 * message names). */
void aduan_reader_where(struct aduan_reader *r, int field, struct aduan_buf *b);
/* The header line (CSV/TSV) with its line end, or NULL. */
const char *aduan_reader_header(struct aduan_reader *r);
void aduan_reader_free(struct aduan_reader *r);

/* JSON: parse one flat object; fn receives each member (value NULL for
 * null; type tells which JSON type it was).  Nested arrays and objects
 * are rejected.  Returns 0 or -1 with the reason in aduan_errmsg(). */
enum aduan_json_type { AJ_NULL, AJ_FALSE, AJ_TRUE, AJ_NUMBER, AJ_STRING };
int aduan_json_object(const char *s, size_t n,
    int (*fn)(const char *key, size_t klen, enum aduan_json_type t,
	const char *val, size_t vlen, void *arg), void *arg);

/* TSV escaping (\t \n \r \\). */
void aduan_tsv_escape(struct aduan_buf *b, const char *s);
/* Decode in place; returns -1 on a bad escape. */
int aduan_tsv_unescape(char *s);

#endif
