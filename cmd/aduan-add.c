/*
 * aduan-add - record complaints: one from options and text, or many from
 * CSV, TSV, JSON Lines or a WhatsApp chat export.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "archive.h"
#include "complaint.h"
#include "db.h"
#include "intake.h"
#include "outfile.h"
#include "place.h"
#include "reader.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"
#include "cli.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-add [-q] [--db FILE] [--by NAME] [-c CHANNEL] [-n NAME] [-p PHONE]\n"
	    "                 [-k KELURAHAN] [-r RT] [-L LOCATION] [--category CATEGORY]\n"
	    "                 [--urgent | --priority PRIORITY] [--anonymous] [--confidential]\n"
	    "                 [--at TIME] [--source SOURCE] [--dry-run [--format jsonl]]\n"
	    "                 [TEXT ...]\n"
	    "       aduan-add [--db FILE] [--by NAME] --from csv|tsv|jsonl|whatsapp|xlsx\n"
	    "                 [--rejects FILE] [--strict] [--dry-run [--format jsonl]] [-q]\n"
	    "                 [--sheet NAME | N] [--delimiter C] [--map HEADER=FIELD,...]\n"
	    "                 [--group NAME] [--tz ZONE] [--date-order dmy|mdy|ymd] [--all]\n"
	    "                 [--match REGEX] [--join MINUTES] [--messages] [-v]\n"
	    "                 [record options] [FILE | -]\n"
	    "       aduan-add [--db FILE] [--by NAME] --take MESSAGE ... | -\n"), fp);
}

enum {
	OPT_CATEGORY = OPT_FIRST_LOCAL, OPT_URGENT, OPT_PRIORITY, OPT_ANONYMOUS,
	OPT_CONFIDENTIAL, OPT_AT, OPT_SOURCE, OPT_FROM, OPT_REJECTS, OPT_STRICT,
	OPT_DRY_RUN, OPT_FORMAT, OPT_GROUP, OPT_TZ, OPT_DATE_ORDER, OPT_ALL,
	OPT_MATCH, OPT_JOIN, OPT_MESSAGES, OPT_SHEET, OPT_DELIMITER, OPT_MAP, OPT_TAKE
};

static const struct option longopts[] = {
	CLI_COMMON_OPTIONS,
	{"channel", required_argument, NULL, 'c'},
	{"name", required_argument, NULL, 'n'},
	{"phone", required_argument, NULL, 'p'},
	{"kelurahan", required_argument, NULL, 'k'},
	{"rt", required_argument, NULL, 'r'},
	{"location", required_argument, NULL, 'L'},
	{"quiet", no_argument, NULL, 'q'},
	{"verbose", no_argument, NULL, 'v'},
	{"category", required_argument, NULL, OPT_CATEGORY},
	{"urgent", no_argument, NULL, OPT_URGENT},
	{"priority", required_argument, NULL, OPT_PRIORITY},
	{"anonymous", no_argument, NULL, OPT_ANONYMOUS},
	{"confidential", no_argument, NULL, OPT_CONFIDENTIAL},
	{"at", required_argument, NULL, OPT_AT},
	{"source", required_argument, NULL, OPT_SOURCE},
	{"from", required_argument, NULL, OPT_FROM},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"group", required_argument, NULL, OPT_GROUP},
	{"tz", required_argument, NULL, OPT_TZ},
	{"date-order", required_argument, NULL, OPT_DATE_ORDER},
	{"all", no_argument, NULL, OPT_ALL},
	{"match", required_argument, NULL, OPT_MATCH},
	{"join", required_argument, NULL, OPT_JOIN},
	{"messages", no_argument, NULL, OPT_MESSAGES},
	{"sheet", required_argument, NULL, OPT_SHEET},
	{"delimiter", required_argument, NULL, OPT_DELIMITER},
	{"map", required_argument, NULL, OPT_MAP},
	{"take", no_argument, NULL, OPT_TAKE},
	{NULL, 0, NULL, 0}
};

struct opts {
	struct cli_common common;	/* --db, --by */
	const char *from, *rejects, *format;
	int strict, dry_run, quiet, take;
	struct aduan_intake_opts wa;
	struct aduan_reader_opts table;
	struct aduan_complaint defaults;
};

/* Fill the fields a record left empty with what the options say. */
static void
apply_defaults(struct aduan_complaint *c, const struct aduan_complaint *d)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		if (c->v[i] == NULL && d->v[i] != NULL)
			aduan_complaint_sets(c, i, d->v[i]);
}

struct dupctx {
	int64_t id;
	struct aduan_buf msg;
};

static void
dup_found(int64_t other, const char *why, void *arg)
{
	struct dupctx *d = arg;

	aduan_buf_printf(&d->msg, "%s%lld (%s)", d->msg.len ? ", " : "", (long long)other, why);
}

static void
warn_duplicates(struct aduan_db *db, int64_t id)
{
	struct dupctx d = {id, {0}};

	if (aduan_complaint_similar(db, id, dup_found, &d) == 0 && d.msg.len > 0)
		cli_warn("complaint %lld may duplicate %s", (long long)id, d.msg.s);
	aduan_buf_release(&d.msg);
}

/* A writer of every field as JSON Lines on stdout (--dry-run --format jsonl). */
static struct aduan_writer *
jsonl_writer(void)
{
	struct aduan_writer *w;
	int fields[ADUAN_NFIELDS], i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		fields[i] = i;
	aduan_writer_open(&w, AOUT_JSONL, stdout, fields, ADUAN_NFIELDS, 0);
	return w;
}

/* The new ids must reach stdout before the commit: if they cannot,
 * nothing is added, and the same import run again duplicates nothing. */
static void
ids_written(struct aduan_db *db, int many)
{
	const char *why;

	if (fflush(stdout) != EOF && !ferror(stdout))
		return;
	why = strerror(errno ? errno : EIO);
	aduan_db_rollback(db);
	if (many)
		cli_die(ADUAN_IOERR, "cannot write the new ids: %s; nothing added", why);
	cli_die(ADUAN_IOERR, "cannot write the new id: %s; nothing added", why);
}

/* Read all of stdin as the complaint text. */
static char *
read_stdin(void)
{
	struct aduan_buf b = {0};
	char chunk[8192];
	size_t n;

	if (isatty(STDIN_FILENO))
		cli_warn("type the complaint, then Ctrl-D");
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		aduan_buf_add(&b, chunk, n);
	if (ferror(stdin))
		cli_die(ADUAN_IOERR, "stdin: read error");
	aduan_buf_add(&b, "", 0);
	return b.s;
}

/* Empty kelurahan and RT from what the text states. */
static int
fill_place(struct aduan_db *db, struct aduan_complaint *c)
{
	struct aduan_places *p;
	int rc;

	if ((rc = aduan_places_load(db, &p)) != 0)
		return rc;
	aduan_place_fill(p, c, NULL);
	aduan_places_free(p);
	return 0;
}

static int
add_one(struct opts *o, int argc, char *argv[])
{
	struct aduan_complaint c;
	struct aduan_db *db;
	struct aduan_buf text = {0};
	int64_t id;
	int i, rc;

	aduan_complaint_init(&c);
	apply_defaults(&c, &o->defaults);
	if (argc > 0) {
		for (i = 0; i < argc; i++) {
			if (i > 0)
				aduan_buf_addc(&text, ' ');
			aduan_buf_adds(&text, argv[i]);
		}
		aduan_complaint_give(&c, AF_BODY, text.s);
	} else
		aduan_complaint_give(&c, AF_BODY, read_stdin());
	db = cli_open(o->common.db, o->dry_run ? ADUAN_RDONLY : ADUAN_RDWR);
	if ((rc = fill_place(db, &c)) != 0 || (rc = aduan_complaint_check(db, &c, time(NULL))) != 0)
		cli_die(rc, "%s", aduan_errmsg());
	if (o->dry_run) {
		if (o->format != NULL) {
			struct aduan_writer *w = jsonl_writer();

			aduan_writer_row(w, (const char *const *)c.v);
			aduan_writer_close(w);
		}
		aduan_complaint_release(&c);
		aduan_db_close(db);
		return 0;
	}
	cli_begin(db, o->common.by);
	if ((rc = aduan_complaint_insert(db, &c, &id)) != 0)
		cli_abort(db, rc);
	if (id == 0) {
		aduan_db_rollback(db);
		cli_die(ADUAN_NOMATCH, "already present: a complaint with uid or source_key %s",
		    c.v[AF_SOURCE_KEY] ? c.v[AF_SOURCE_KEY] : c.v[AF_UID]);
	}
	if (!o->quiet)
		warn_duplicates(db, id);
	printf("%lld\n", (long long)id);
	ids_written(db, 0);
	cli_commit(db);
	aduan_complaint_release(&c);
	aduan_db_close(db);
	return 0;
}

/* ---- archived messages taken by a person -------------------------------- */

/* The messages named: operands, and with "-" the first field of each line
 * of stdin (the output of aduan-list --messages). */
static char **
message_refs(int argc, char *argv[], size_t *n)
{
	char **v = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int i, stdin_used = 0;

	*n = 0;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0) {
			v = aduan_xrealloc(v, sizeof(*v) * (*n + 1));
			v[(*n)++] = aduan_xstrdup(argv[i]);
			continue;
		}
		if (stdin_used++)
			continue;
		while ((len = getline(&line, &cap, stdin)) != -1) {
			size_t k = strcspn(line, "\t\r\n");

			if (k == 0)
				continue;
			v = aduan_xrealloc(v, sizeof(*v) * (*n + 1));
			v[(*n)++] = aduan_xstrndup(line, k);
		}
		if (ferror(stdin))
			cli_die(ADUAN_IOERR, "stdin: read error");
	}
	free(line);
	return v;
}

static int
take_messages(struct opts *o, int argc, char *argv[])
{
	struct aduan_places *p;
	struct aduan_db *db;
	char **refs;
	size_t n, i;
	int64_t id;
	long skipped = 0;
	int rc;

	if (argc == 0)
		cli_usage_error(usage, "which messages? name their archive ids or keys, or - to read "
		    "them from stdin");
	refs = message_refs(argc, argv, &n);
	db = cli_open(o->common.db, ADUAN_RDWR);
	cli_begin(db, o->common.by);
	if ((rc = aduan_places_load(db, &p)) != 0)
		cli_abort(db, rc);
	for (i = 0; i < n; i++)
		if (cli_outcome(db, aduan_message_take(db, p, refs[i], &id), ADUAN_DATAERR,
		    &skipped) == 0)
			printf("%lld\n", (long long)id);
	cli_commit(db);
	for (i = 0; i < n; i++)
		free(refs[i]);
	free(refs);
	aduan_places_free(p);
	aduan_db_close(db);
	return skipped ? ADUAN_NOMATCH : 0;
}

/* ---- many records ------------------------------------------------------ */

struct batch {
	struct opts *o;
	struct aduan_db *db;
	struct aduan_outfile rejfile;	/* --rejects FILE */
	FILE *rejects;
	FILE *ids;		/* new ids, shown once the work is committed */
	struct aduan_writer *dry;	/* --dry-run --format jsonl */
	struct aduan_places *places;	/* kelurahan spellings, for places in the text */
	int header_written;
	int placed;		/* the record's place was read from its text already */
	int defaults;		/* the options give a field a default */
	int looked_up;		/* --from whatsapp: each complaint was looked up
				 * when its messages were read */
	long read, added, present, rejected, checked_dups;
	time_t now;
};

/* Count a rejected record, say why (unless said already: why NULL), and
 * keep it in the rejects file. */
static void
reject(struct batch *b, const char *why, const char *header, const char *raw, size_t rawlen)
{
	b->rejected++;
	if (why != NULL)
		cli_warn("%s", why);
	if (b->rejects == NULL)
		return;
	if (!b->header_written && header != NULL)
		fputs(header, b->rejects);
	b->header_written = 1;
	fwrite(raw, 1, rawlen, b->rejects);
}

/* Each problem of a table's record, where it is: "FILE:LINE: column
 * \"No HP\": bad phone number: ...". */
static void
table_problem(int field, const char *msg, void *arg)
{
	struct aduan_reader *r = arg;
	struct aduan_buf where = {0};

	aduan_reader_where(r, field, &where);
	cli_warn("%s: %s", where.s, msg);
	aduan_buf_release(&where);
}

/* Why the record at line of a WhatsApp export, or of the table r reads,
 * was rejected: "FILE:LINE: " and the reason (aduan_errmsg()), into why.
 * Written only for a rejected record. */
static void
rejected_why(struct batch *b, struct aduan_reader *r, long line, struct aduan_buf *why)
{
	char where[64 + 256];

	if (r != NULL)
		aduan_reader_where(r, -1, why);
	else {
		snprintf(where, sizeof(where), "%s:%ld", b->o->wa.name, line);
		aduan_buf_adds(why, where);
	}
	aduan_buf_printf(why, ": %s", aduan_errmsg());
}

/* reject() with rejected_why()'s reason when say (else said already):
 * out of line, so that a record taken keeps no buffer of its own. */
static __attribute__((noinline)) void
reject_at(struct batch *b, struct aduan_reader *r, long line, int say, const char *header,
    const char *raw, size_t rawlen)
{
	struct aduan_buf why = {0};

	if (say)
		rejected_why(b, r, line, &why);
	reject(b, say ? why.s : NULL, header, raw, rawlen);
	aduan_buf_release(&why);
}

/*
 * One record from any source: check it, then add it (or, on a dry run,
 * see whether it is already present).  A table's reader r names the
 * column of each problem, all of which are reported; without one, line
 * is where the record is in the WhatsApp export.  Returns 0, or a code
 * that stops the whole batch (a database failure).
 */
static int
take(struct batch *b, struct aduan_complaint *c, long line, struct aduan_reader *r,
    const char *header, const char *raw, size_t rawlen, int64_t *idp)
{
	int64_t id;
	int rc;

	b->read++;
	*idp = 0;
	if (b->defaults)
		apply_defaults(c, &b->o->defaults);
	if (!b->placed)
		aduan_place_fill(b->places, c, NULL);
	rc = r != NULL ? aduan_complaint_check_all(b->db, c, b->now, table_problem, r) :
	    aduan_complaint_check(b->db, c, b->now);
	if (rc == ADUAN_DATAERR) {	/* a table's problems said each where it is */
		reject_at(b, NULL, line, r == NULL, header, raw, rawlen);
		return 0;
	}
	if (rc != 0)
		return rc;
	if (b->o->dry_run) {
		int present = 0;

		if (!b->looked_up)
			if ((rc = aduan_complaint_present(b->db, c, &present)) != 0)
				return rc;
		if (present)
			b->present++;
		else {
			b->added++;
			if (b->dry != NULL)
				aduan_writer_row(b->dry, (const char *const *)c->v);
		}
		return 0;
	}
	rc = aduan_complaint_insert(b->db, c, &id);
	if (rc == ADUAN_DATAERR) {
		reject_at(b, r, line, 1, header, raw, rawlen);
		return 0;
	}
	if (rc != 0)
		return rc;
	if (id == 0) {
		b->present++;
		return 0;
	}
	b->added++;
	*idp = id;
	fprintf(b->ids, "%lld\n", (long long)id);
	/* Looking for duplicates costs a query per record: do it for the
	 * first thousand of a batch, which covers every clerk's import. */
	if (!b->o->quiet && b->checked_dups++ < 1000)
		warn_duplicates(b->db, id);
	return 0;
}

static int
batch_table(struct batch *b, enum aduan_format fmt, FILE *in, const char *name)
{
	struct aduan_reader *r;
	struct aduan_complaint c;
	const char *raw;
	size_t rawlen;
	int64_t id;
	int rc;

	if ((rc = aduan_reader_open_opts(&r, fmt, in, name, &b->o->table)) != 0) {
		aduan_reader_free(r);
		return rc;
	}
	aduan_complaint_init(&c);
	for (;;) {
		rc = aduan_reader_next(r, &c);
		if (rc == 0 || rc == ADUAN_IOERR)
			break;
		raw = aduan_reader_raw(r, &rawlen);
		if (rc == ADUAN_DATAERR) {	/* one line each for the row's problems */
			const char *p = aduan_errmsg(), *nl;

			for (; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
				cli_warn("%.*s", (int)(nl - p), p);
			b->read++;
			reject(b, p, aduan_reader_header(r), raw, rawlen);
			continue;
		}
		if ((rc = take(b, &c, 0, r, aduan_reader_header(r), raw, rawlen, &id)) != 0)
			break;
	}
	aduan_complaint_release(&c);
	aduan_reader_free(r);
	return rc;
}

/* --verbose: where the catalogue of WhatsApp's own lines fell short */
static void
say_unknown(const struct aduan_intake_opts *o, long line)
{
	cli_warn("%s:%ld: unknown WhatsApp line, counted as a system line", o->name, line);
}

static int
wa_complaint(struct aduan_complaint *c, long line, const char *raw, size_t rawlen,
    int64_t *id, void *arg)
{
	struct batch *b = arg;

	*id = 0;
	if (c == NULL) {	/* bad as it came: rejected with its reason */
		b->read++;
		reject_at(b, NULL, line, 1, NULL, raw, rawlen);
		return 0;
	}
	/* the intake read the place from the text (options, text, group) */
	b->placed = 1;
	return take(b, c, line, NULL, NULL, raw, rawlen, id);
}

/* The format of --from, and what goes with it. */
static int
many_format(const struct opts *o, int argc)
{
	int fmt;

	if ((fmt = aduan_format_lookup(o->from)) == -1)
		cli_usage_error(usage, "--from: unknown format \"%s\" (csv, tsv, jsonl, whatsapp or xlsx)",
		    o->from);
	if (argc > 1)
		cli_usage_error(usage, "one input file at a time");
	if (o->wa.messages && fmt != AFMT_WHATSAPP)
		cli_usage_error(usage, "--messages is for --from whatsapp");
	if ((o->table.map || o->table.sheet) && (fmt == AFMT_JSONL || fmt == AFMT_WHATSAPP))
		cli_usage_error(usage, "--map and --sheet are for tables (csv, tsv, xlsx)");
	if (o->table.delimiter && fmt != AFMT_CSV)
		cli_usage_error(usage, "--delimiter is for --from csv");
	if (o->wa.messages && !o->dry_run)
		cli_usage_error(usage, "--messages goes with --dry-run");
	return fmt;
}

/* The database and the outputs of a batch; its transaction begun. */
static void
batch_open(struct batch *b, struct opts *o, FILE *in, const char *path)
{
	int i, rc;

	memset(b, 0, sizeof(*b));
	b->o = o;
	b->now = time(NULL);
	for (i = 0; i < ADUAN_NFIELDS; i++)
		b->defaults |= o->defaults.v[i] != NULL;
	b->looked_up = o->from != NULL && strcmp(o->from, "whatsapp") == 0;
	b->db = cli_open(o->common.db, o->dry_run ? ADUAN_RDONLY : ADUAN_RDWR);
	/* a dry run writes nothing; a real one replaces FILE only if it rejects */
	if (o->rejects != NULL && !o->dry_run) {
		cli_outfile_open(&b->rejfile, o->rejects, 1, in, path, usage);
		b->rejects = b->rejfile.fp;
	}
	if ((b->ids = tmpfile()) == NULL)
		cli_die(ADUAN_IOERR, "cannot create a temporary file: %s", strerror(errno));
	if (o->dry_run && o->format != NULL && !o->wa.messages)
		b->dry = jsonl_writer();
	if (o->dry_run && (rc = aduan_db_snapshot(b->db)) != 0)
		cli_fail(rc);
	if ((rc = aduan_places_load(b->db, &b->places)) != 0)
		cli_fail(rc);
	if (!o->dry_run) {
		cli_begin(b->db, o->common.by);
		if ((rc = aduan_db_bulk_begin(b->db)) != 0)
			cli_abort(b->db, rc);
	}
}

/* Every record of in; a failure of the input as a whole stops all. */
static void
batch_read(struct batch *b, int fmt, FILE *in, const char *path)
{
	struct opts *o = b->o;
	const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
	int rc;

	if (fmt == AFMT_WHATSAPP) {
		o->wa.name = name;
		o->wa.path = path;
		o->wa.messages_out = o->wa.messages ? stdout : NULL;
		o->wa.kelurahan = o->defaults.v[AF_KELURAHAN];
		o->wa.rt = o->defaults.v[AF_RT];
		o->wa.dry_run = o->dry_run;
		o->wa.raw = b->rejects != NULL;
		rc = aduan_intake_whatsapp(b->db, in, &o->wa, wa_complaint, b);
	} else
		rc = batch_table(b, fmt, in, name);
	if (rc == 0 && ferror(in))
		rc = aduan_fail(ADUAN_IOERR, "%s: read error", path);
	if (rc != 0)
		cli_abort(b->db, rc);
}

/* What a batch added, read and left; ADUAN_DATAERR when it rejected any. */
static int
batch_end(struct batch *b, int fmt)
{
	struct opts *o = b->o;
	char buf[8192];
	size_t n;
	int rc;

	if (b->dry != NULL)
		aduan_writer_close(b->dry);
	/* the rejects are safe on disk before anything is committed */
	if (b->rejects != NULL && b->rejected > 0 && (rc = cli_outfile_commit(&b->rejfile)) != 0)
		cli_abort(b->db, rc);
	if (o->strict && b->rejected > 0) {
		aduan_db_rollback(b->db);
		cli_warn("%ld of %ld records rejected; nothing added (--strict)", b->rejected, b->read);
		return ADUAN_DATAERR;
	}
	if (!o->dry_run && (rc = aduan_db_bulk_end(b->db)) != 0)
		cli_abort(b->db, rc);
	rewind(b->ids);
	while ((n = fread(buf, 1, sizeof(buf), b->ids)) > 0)
		fwrite(buf, 1, n, stdout);
	if (!o->dry_run) {
		ids_written(b->db, 1);
		cli_commit(b->db);
	}
	if (!o->quiet && fmt != AFMT_WHATSAPP && o->dry_run)
		cli_warn("%ld read, %ld to add, %ld already present, %ld rejected",
		    b->read, b->added, b->present, b->rejected);
	else if (!o->quiet && fmt != AFMT_WHATSAPP)
		cli_warn("%ld read, %ld added, %ld already present, %ld rejected",
		    b->read, b->added, b->present, b->rejected);
	if (!o->quiet && fmt == AFMT_WHATSAPP)
		aduan_intake_summary(&o->wa, stderr, progname, b->added, b->present, b->rejected,
		    o->dry_run);
	return b->rejected > 0 ? ADUAN_DATAERR : 0;
}

static int
add_many(struct opts *o, int argc, char *argv[])
{
	struct batch b;
	const char *path = argc > 0 ? argv[0] : "-";
	int fmt = many_format(o, argc), rc;
	FILE *in;

	if (strcmp(path, "-") == 0)
		in = stdin;
	else if ((in = fopen(path, "r")) == NULL)
		cli_die(ADUAN_IOERR, "cannot open %s: %s", path, strerror(errno));
	batch_open(&b, o, in, path);
	batch_read(&b, fmt, in, path);
	rc = batch_end(&b, fmt);
	if (b.rejects != NULL && b.rejected == 0)
		cli_outfile_abort(&b.rejfile);
	fclose(b.ids);
	aduan_places_free(b.places);
	if (in != stdin)
		fclose(in);
	aduan_db_close(b.db);
	return rc;
}

/* ---- the command line ------------------------------------------------------ */

/* The options that give every record a field: the value typed, or value. */
static const struct {
	int ch, field;
	const char *value;
} field_opts[] = {
	{'c', AF_CHANNEL, NULL}, {'n', AF_REPORTER_NAME, NULL}, {'p', AF_REPORTER_PHONE, NULL},
	{'k', AF_KELURAHAN, NULL}, {'r', AF_RT, NULL}, {'L', AF_LOCATION, NULL},
	{OPT_CATEGORY, AF_CATEGORY, NULL}, {OPT_URGENT, AF_PRIORITY, "urgent"},
	{OPT_PRIORITY, AF_PRIORITY, NULL}, {OPT_ANONYMOUS, AF_ANONYMOUS, "1"},
	{OPT_CONFIDENTIAL, AF_CONFIDENTIAL, "1"}, {OPT_SOURCE, AF_SOURCE, NULL},
};

/* 1 when ch is one of field_opts (its field set in o->defaults), else 0. */
static int
field_option(struct opts *o, int ch, const char *arg)
{
	size_t i;

	for (i = 0; i < sizeof(field_opts) / sizeof(field_opts[0]); i++)
		if (field_opts[i].ch == ch) {
			aduan_complaint_sets(&o->defaults, field_opts[i].field,
			    field_opts[i].value ? field_opts[i].value : arg);
			return 1;
		}
	return 0;
}

/* The options whose values must be checked as they are read; *tz is
 * --tz's zone, for the caller to free.  1 when ch was one, else 0. */
static int
checked_option(struct opts *o, int ch, const char *arg, char **tz)
{
	time_t t;
	char stamp[21], *end;

	switch (ch) {
	case OPT_AT:
		if (aduan_time_said(arg, time(NULL), &t) == -1)
			cli_usage_error(usage, "--at: bad time \"%s\"", arg);
		aduan_complaint_sets(&o->defaults, AF_RECEIVED_AT, aduan_time_utc(t, stamp));
		return 1;
	case OPT_TZ:
		free(*tz);
		if ((*tz = aduan_tz_lookup(arg)) == NULL)
			cli_usage_error(usage, "%s", aduan_errmsg());
		o->wa.tz = *tz;
		return 1;
	case OPT_DATE_ORDER:
		if ((o->wa.date_order = aduan_intake_date_order(arg)) == -1)
			cli_usage_error(usage, "--date-order: dmy, mdy or ymd, not \"%s\"", arg);
		return 1;
	case OPT_JOIN:
		o->wa.join = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || o->wa.join < 0 || o->wa.join > 1440)
			cli_usage_error(usage, "--join: minutes from 0 to 1440, not \"%s\"", arg);
		return 1;
	case OPT_DELIMITER:
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			o->table.delimiter = '\t';
		else if (strlen(arg) == 1 && strchr(",;\t|", *arg) != NULL)
			o->table.delimiter = *arg;
		else
			cli_usage_error(usage, "--delimiter: \",\", \";\", \"|\" or tab, not \"%s\"", arg);
		return 1;
	}
	return 0;
}

/* The options into o; *argcp and *argvp left with the operands. */
static void
parse_options(struct opts *o, char **tz, int *argcp, char ***argvp)
{
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "c:n:p:k:r:L:qv", longopts, 1)) != -1) {
		if (field_option(o, ch, optarg) || checked_option(o, ch, optarg, tz))
			continue;
		switch (ch) {
		case 'q': o->quiet = 1; break;
		case 'v': o->wa.on_unknown = say_unknown; break;
		case OPT_FROM: o->from = optarg; break;
		case OPT_REJECTS: o->rejects = optarg; break;
		case OPT_STRICT: o->strict = 1; break;
		case OPT_DRY_RUN: o->dry_run = 1; break;
		case OPT_FORMAT: o->format = optarg; break;
		case OPT_GROUP: o->wa.group = optarg; break;
		case OPT_ALL: o->wa.all = 1; break;
		case OPT_MATCH: o->wa.match = optarg; break;
		case OPT_MESSAGES: o->wa.messages = 1; break;
		case OPT_SHEET: o->table.sheet = optarg; break;
		case OPT_MAP: o->table.map = optarg; break;
		case OPT_TAKE: o->take = 1; break;
		default: cli_common_option(ch, optarg, &o->common, "aduan-add", usage);
		}
	}
}

/* What --take, one complaint and --from each take. */
static void
check_options(const struct opts *o)
{
	int i;

	if (o->format != NULL && (strcmp(o->format, "jsonl") != 0 || !o->dry_run))
		cli_usage_error(usage, "--format jsonl goes with --dry-run");
	if (o->take) {
		for (i = 0; i < ADUAN_NFIELDS; i++)
			if (o->defaults.v[i] != NULL)
				cli_usage_error(usage, "--take takes only --db and --by");
		if (o->from || o->rejects || o->strict || o->dry_run || o->format || o->wa.group ||
		    o->wa.tz || o->wa.all || o->wa.match || o->wa.messages || o->wa.join != -1 ||
		    o->wa.date_order != 0)
			cli_usage_error(usage, "--take takes only --db and --by");
	} else if (o->from == NULL) {
		if (o->rejects || o->strict || o->wa.group || o->wa.tz || o->wa.all || o->wa.match ||
		    o->wa.messages || o->wa.join != -1 || o->wa.date_order != 0 || o->table.map ||
		    o->table.sheet || o->table.delimiter || o->wa.on_unknown)
			cli_usage_error(usage, "that option needs --from");
	}
}

int
main(int argc, char *argv[])
{
	struct opts o;
	int rc;
	char *tz = NULL;

	cli_init(argc, argv);
	memset(&o, 0, sizeof(o));
	aduan_intake_opts_init(&o.wa);
	aduan_complaint_init(&o.defaults);
	parse_options(&o, &tz, &argc, &argv);
	check_options(&o);
	if (o.take)
		rc = take_messages(&o, argc, argv);
	else if (o.from == NULL)
		rc = add_one(&o, argc, argv);
	else
		rc = add_many(&o, argc, argv);
	rc = cli_finish(rc);
	aduan_complaint_release(&o.defaults);
	free(tz);
	return rc;
}
