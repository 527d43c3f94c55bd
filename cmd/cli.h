/*
 * cli.h - what every aduan program does the same way: messages on
 * stderr with the program name, exit statuses, opening the database,
 * ids from operands or stdin, checking stdout before exiting.
 */
#ifndef ADUAN_CLI_H
#define ADUAN_CLI_H

#include <getopt.h>

#include "db.h"
#include "outfile.h"
#include "query.h"
#include "util.h"

extern const char *progname;

/* Locale and program name; call first. */
void cli_init(int argc, char *argv[]);
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "prog: msg" and exit rc. */
_Noreturn void cli_die(int rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print the library's last message and exit rc. */
_Noreturn void cli_fail(int rc);
/* Roll the invocation's transaction back, then cli_fail(rc). */
_Noreturn void cli_abort(struct aduan_db *db, int rc);
/* Print "prog: msg" and the usage, exit 2. */
_Noreturn void cli_usage_error(void (*usage)(FILE *), const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Flush stdout; exit 74 when it could not be written, else return status. */
int cli_finish(int status);

/*
 * Open an output file (see aduan_outfile_open) or die with its message;
 * until committed, its temporary file is removed at exit, however the
 * program ends.  The input in (NULL if none), named inname, must not be
 * the same file: that is a usage error.
 */
void cli_outfile_open(struct aduan_outfile *o, const char *path, int private_,
    FILE *in, const char *inname, void (*usage)(FILE *));
/* Put it in place (0 or the failure's code and message), or leave the
 * old file alone; either way it is done with. */
int cli_outfile_commit(struct aduan_outfile *o);
void cli_outfile_abort(struct aduan_outfile *o);

/* Open the database or die with its message. */
struct aduan_db *cli_open(const char *path, enum aduan_open mode);
/*
 * The program's options, given before getopt runs: the invocation's
 * record (what 'aduan undo --list' shows) keeps the command line with the
 * values of personal options (names, phones, notes, search terms) and,
 * with text_operands, the operands replaced by "***".
 */
void cli_options(const char *shortopts, const struct option *longopts, int text_operands);
/*
 * getopt_long over *argcp, *argvp, the options recorded first (see
 * cli_options); at the end (-1), *argcp and *argvp are left with the
 * operands.  Call it until it returns -1, and no more.
 */
int cli_getopt_long(int *argcp, char ***argvp, const char *shortopts,
    const struct option *longopts, int text_operands);
/* Begin the invocation's one write transaction or die. */
void cli_begin(struct aduan_db *db, const char *by);
/* Commit or die (after rolling back). */
void cli_commit(struct aduan_db *db);

/*
 * Ids from operands: numbers, or "-" for one id per line on stdin (the
 * first tab-separated field; blank lines skipped).  Each id goes to fn;
 * a bad id is a usage error.
 */
void cli_ids(int argc, char *argv[], void (*usage)(FILE *),
    void (*fn)(int64_t id, void *arg), void *arg);
/* Ids to work on, each once, in the order given: cli_idlist_add is a
 * callback for cli_ids(); free(v) when done. */
struct cli_idlist {
	int64_t *v;
	size_t n, cap;
	int64_t max;	/* the largest so far: a larger id is new without a search */
};
void cli_idlist_add(int64_t id, void *arg);

/* Parse a time argument or exit with a usage error naming the option. */
void cli_time_span(const char *opt, const char *arg, time_t *start, time_t *end,
    void (*usage)(FILE *));

/*
 * The complaint filters of aduan-list and aduan-export, the same in both
 * (aduan-list(1), "Filters"): their long options, and their handling.  --since sets
 * f->since to the start of its span, --until f->until to the end of its.
 */
enum {
	OPT_F_STATUS = 0x200, OPT_F_AGENCY, OPT_F_KELURAHAN, OPT_F_RT, OPT_F_CHANNEL,
	OPT_F_CATEGORY, OPT_F_PRIORITY, OPT_F_SINCE, OPT_F_UNTIL, OPT_F_OVERDUE,
	OPT_F_SEARCH, OPT_F_REPORTER
};
#define CLI_FILTER_OPTIONS \
	{"status", required_argument, NULL, OPT_F_STATUS}, \
	{"agency", required_argument, NULL, OPT_F_AGENCY}, \
	{"kelurahan", required_argument, NULL, OPT_F_KELURAHAN}, \
	{"rt", required_argument, NULL, OPT_F_RT}, \
	{"channel", required_argument, NULL, OPT_F_CHANNEL}, \
	{"category", required_argument, NULL, OPT_F_CATEGORY}, \
	{"priority", required_argument, NULL, OPT_F_PRIORITY}, \
	{"since", required_argument, NULL, OPT_F_SINCE}, \
	{"until", required_argument, NULL, OPT_F_UNTIL}, \
	{"overdue", no_argument, NULL, OPT_F_OVERDUE}, \
	{"search", required_argument, NULL, OPT_F_SEARCH}, \
	{"reporter", required_argument, NULL, OPT_F_REPORTER}
/* 1 when ch is a filter option (applied to f), else 0. */
int cli_filter_option(int ch, const char *arg, struct aduan_filter *f, void (*usage)(FILE *));

/* Standard long options. */
enum {
	OPT_DB = 0x100, OPT_BY, OPT_HELP, OPT_VERSION, OPT_FIRST_LOCAL
};
#define CLI_COMMON_OPTIONS \
	{"db", required_argument, NULL, OPT_DB}, \
	{"by", required_argument, NULL, OPT_BY}, \
	{"help", no_argument, NULL, OPT_HELP}, \
	{"version", no_argument, NULL, OPT_VERSION}

/* What CLI_COMMON_OPTIONS set. */
struct cli_common {
	const char *db, *by;
};
/*
 * The last case of a program's option switch: --db and --by kept in c,
 * --help prints the usage and --version "name VERSION" (both exit 0);
 * any other option (getopt has named it) prints the usage and exits 2.
 */
void cli_common_option(int ch, const char *arg, struct cli_common *c, const char *name,
    void (*usage)(FILE *));
/* --note TEXT: arg, or a usage error when it is empty. */
const char *cli_note(const char *arg, void (*usage)(FILE *));
/* --at TIME of what a command records (aduan_db_at): the time, or a usage
 * error when arg is no time or later than now. */
time_t cli_done_at(const char *arg, void (*usage)(FILE *));
/* The ids of the operands into l (see cli_ids); none is a usage error. */
void cli_ids_required(int argc, char *argv[], void (*usage)(FILE *), struct cli_idlist *l);
/*
 * The outcome rc of one complaint's work in the invocation's transaction:
 * 0 returns 0; ADUAN_NOMATCH (and also, when not 0) is a complaint that
 * cannot be done: its message goes to stderr, *skipped counts it, and 1
 * is returned; any other failure rolls the transaction back and exits.
 */
int cli_outcome(struct aduan_db *db, int rc, int also, long *skipped);
/* Append s as one TSV cell (escaped; with visible, control characters
 * made visible, for a terminal). */
void cli_tsv_cell(struct aduan_buf *b, const char *s, int visible);

#endif
