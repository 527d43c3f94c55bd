/*
 * aduan-export - files for others: a period summary as CSV (the weekly
 * cron job), or complaint records as CSV, TSV, JSON Lines or Open311
 * GeoReport v2 JSON, without personal data unless --personal.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aduan.h"
#include "archive.h"
#include "db.h"
#include "export.h"
#include "outfile.h"
#include "phone.h"
#include "privacy.h"
#include "query.h"
#include "report.h"
#include "summary.h"
#include "util.h"
#include "writer.h"
#include "cli.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-export [--db FILE] --summary [--week YYYY-Www | this | last]\n"
	    "                    [--since TIME] [--until TIME] [--by KEY,...] [--excel]\n"
	    "                    [--semicolon] [--sql] [--format csv | xlsx] [-o FILE]\n"
	    "                    [FILTER ...] [ID ... | -]\n"
	    "       aduan-export [--db FILE] [--format csv | tsv | jsonl | open311 | xlsx]\n"
	    "                    [--personal] [--excel] [--semicolon] [--sql] [-o FILE]\n"
	    "                    [FILTER ...] [ID ... | -]\n"
	    "       aduan-export [--db FILE] --report html [--week YYYY-Www | this | last]\n"
	    "                    [--since TIME] [--until TIME] [-o FILE] [FILTER ...]\n"
	    "       aduan-export [--db FILE] --subject PHONE [-o FILE]\n"), fp);
}

enum {
	OPT_FORMAT = OPT_FIRST_LOCAL, OPT_SUMMARY, OPT_WEEK, OPT_GROUP, OPT_EXCEL,
	OPT_PERSONAL, OPT_SQL, OPT_SUBJECT, OPT_REPORT, OPT_SEMICOLON
};

/* Every mode's options: the common ones and the filters. */
static const struct option common_opts[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	CLI_FILTER_OPTIONS,
	{"output", required_argument, NULL, 'o'},
	{NULL, 0, NULL, 0}
};

/* What a summary and records write to: a table file, or its SQL. */
#define TABLE_OPTIONS \
	{"format", required_argument, NULL, OPT_FORMAT}, \
	{"excel", no_argument, NULL, OPT_EXCEL}, \
	{"semicolon", no_argument, NULL, OPT_SEMICOLON}, \
	{"sql", no_argument, NULL, OPT_SQL}

/* Each mode's own.  No common --by here: in aduan-export it groups a
 * summary (see the manual). */
static const struct option summary_opts[] = {
	{"summary", no_argument, NULL, OPT_SUMMARY},
	{"week", required_argument, NULL, OPT_WEEK},
	{"by", required_argument, NULL, OPT_GROUP},
	TABLE_OPTIONS,
	{NULL, 0, NULL, 0}
};
static const struct option records_opts[] = {
	{"personal", no_argument, NULL, OPT_PERSONAL},
	TABLE_OPTIONS,
	{NULL, 0, NULL, 0}
};
static const struct option report_opts[] = {
	{"report", required_argument, NULL, OPT_REPORT},
	{"week", required_argument, NULL, OPT_WEEK},
	{NULL, 0, NULL, 0}
};
static const struct option subject_opts[] = {
	{"subject", required_argument, NULL, OPT_SUBJECT},
	{NULL, 0, NULL, 0}
};

/* What the command line says. */
struct export_opts {
	struct cli_common common;
	struct aduan_filter f;
	struct aduan_summary s;
	struct aduan_buf what;	/* the filter as typed, for a --personal export's history */
	const char *outpath, *week, *group;
	int fmt, fmt_given, summary, report, excel, semicolon, personal, showsql;
	char subject[17];
};

struct mode;

/* An output file or stdout, and the database it comes from. */
struct export_run {
	struct export_opts *o;
	struct aduan_db *db;
	struct aduan_outfile of;
	FILE *out;
	long rows;
};

/*
 * One mode of aduan-export: its own options; what it checks of the
 * command line; for --sql, its statement's text; what it writes (into run->out,
 * or the temporary file of run->of for a workbook).
 */
struct mode {
	const struct option *opts;
	void (*check)(struct export_opts *o);
	int (*sql)(struct export_run *run, char **sqlp);
	int (*write)(struct export_run *run);
	int counts;	/* exit 1 when it wrote no record */
};

enum { M_REPORT, M_SUBJECT, M_SUMMARY, M_RECORDS, M_NMODES };
static const struct mode modes[M_NMODES];

/* The options of all modes, each once. */
static const struct option *
all_options(void)
{
	static struct option v[64];
	const struct option *o;
	size_t n = 0, i, k;

	for (o = common_opts; o->name != NULL; o++)
		v[n++] = *o;
	for (i = 0; i < M_NMODES; i++)
		for (o = modes[i].opts; o->name != NULL; o++) {
			for (k = 0; k < n && strcmp(v[k].name, o->name) != 0; k++)
				;
			if (k == n)
				v[n++] = *o;
		}
	v[n] = (struct option){NULL, 0, NULL, 0};
	return v;
}

struct ids {
	struct aduan_filter *f;
	struct aduan_buf *what;
	int n;
};

static void
add_id(int64_t id, void *arg)
{
	struct ids *x = arg;

	aduan_filter_add_id(x->f, id);
	if (x->n++ < 20)
		aduan_buf_printf(x->what, " %lld", (long long)id);
	else if (x->n == 21)
		aduan_buf_adds(x->what, " ...");
}

/* A filter option as typed, for the history of a --personal export. */
static void
note_filter(struct export_opts *o, const struct option *longopts, int ch, const char *arg)
{
	const char *name = NULL;

	for (; longopts->name; longopts++)
		if (longopts->val == ch)
			name = longopts->name;
	aduan_buf_printf(&o->what, "%s--%s%s%s", o->what.len ? " " : "", name,
	    arg ? " " : "", arg ? arg : "");
}

/* The options into o; *argcp and *argvp left with the operands. */
static void
parse_options(struct export_opts *o, int *argcp, char ***argvp)
{
	const struct option *longopts = all_options();
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "o:", longopts, 0)) != -1) {
		if (ch >= OPT_F_STATUS && ch <= OPT_F_REPORTER)
			note_filter(o, longopts, ch, optarg);
		if (cli_filter_option(ch, optarg, &o->f, usage))
			continue;
		switch (ch) {
		case OPT_FORMAT:
			if ((o->fmt = aduan_export_fmt_lookup(optarg)) == -1)
				cli_usage_error(usage, "--format: csv, tsv, jsonl, open311 or xlsx, not \"%s\"",
				    optarg);
			o->fmt_given = 1;
			break;
		case OPT_SUMMARY: o->summary = 1; break;
		case OPT_REPORT:
			if (strcmp(optarg, "html") != 0)
				cli_usage_error(usage, "--report: html, not \"%s\"", optarg);
			o->report = 1;
			break;
		case OPT_WEEK: o->week = optarg; break;
		case OPT_GROUP: o->group = optarg; break;
		case OPT_EXCEL: o->excel = 1; break;
		case OPT_SEMICOLON: o->semicolon = AW_SEMICOLON; break;
		case OPT_PERSONAL: o->personal = 1; break;
		case OPT_SQL: o->showsql = 1; break;
		case OPT_SUBJECT:
			if (aduan_phone_normalize(optarg, o->subject) == -1)
				cli_usage_error(usage, "--subject: not a phone number: \"%s\"", optarg);
			break;
		case 'o': o->outpath = optarg; break;
		default: cli_common_option(ch, optarg, &o->common, "aduan-export", usage);
		}
	}
}

/* ---- what each mode takes ------------------------------------------------ */

/* A summary's period is its own (--week, or --since/--until), not a filter. */
static void
check_period(struct export_opts *o)
{
	struct aduan_summary *s = &o->s;
	time_t since = o->f.since, until = o->f.until;

	o->f.since = o->f.until = -1;
	if ((o->fmt_given && o->fmt != AEX_CSV && o->fmt != AEX_XLSX) || o->personal)
		cli_usage_error(usage, "--summary has no records: no --personal, and "
		    "--format csv or xlsx");
	if (o->week != NULL && (since != -1 || until != -1))
		cli_usage_error(usage, "--week or --since/--until, not both");
	if (o->group != NULL && aduan_summary_by(s, o->group) != 0)
		cli_usage_error(usage, "--by: %s", aduan_errmsg());
	if (o->week == NULL && since == -1 && until == -1)
		o->week = "this";
	if (o->week != NULL) {
		if (aduan_summary_week(o->week, s->now, &s->start, &s->end) != 0)
			cli_usage_error(usage, "%s", aduan_errmsg());
	} else {
		s->start = since != -1 ? since : 0;
		s->end = until != -1 ? until : s->now + 1;
	}
	if (s->end <= s->start)
		cli_usage_error(usage, "the period ends before it starts");
	s->flags = (o->excel ? AW_EXCEL : 0) | o->semicolon;
}

static void
check_xlsx(const struct export_opts *o)
{
	if (o->fmt == AEX_XLSX && (o->outpath == NULL || o->excel || o->semicolon))
		cli_usage_error(usage, "--format xlsx writes a workbook: it needs -o FILE (and no --excel)");
}

/* A masked export must not confirm who filed what, nor what it says. */
static void
check_personal(const struct export_opts *o)
{
	if (aduan_filter_personal(&o->f) && o->summary)
		cli_usage_error(usage, "--search and --reporter look into personal data: "
		    "not in a summary");
	if (aduan_filter_personal(&o->f) && !o->personal)
		cli_usage_error(usage, "--search and --reporter look into personal data: "
		    "only with --personal (recorded in the history)");
}

static void
check_subject(struct export_opts *o)
{
	if (o->summary || o->report || o->fmt_given || o->personal || o->excel || o->semicolon ||
	    o->showsql || o->what.len > 0)
		cli_usage_error(usage, "--subject goes alone (with -o FILE at most)");
}

static void
check_report(struct export_opts *o)
{
	if (o->summary || o->fmt_given || o->personal || o->excel || o->semicolon ||
	    o->group != NULL || o->f.ids_given)
		cli_usage_error(usage, "--report goes with --week or --since/--until and filters only");
	if (o->showsql)
		cli_usage_error(usage, "--report has no one statement to show: use --summary --sql");
	if (*o->subject != '\0')
		check_subject(o);
	check_period(o);
	check_personal(o);
}

static void
check_summary(struct export_opts *o)
{
	check_period(o);
	check_xlsx(o);
	check_personal(o);
}

static void
check_records(struct export_opts *o)
{
	if (o->week != NULL || o->group != NULL)
		cli_usage_error(usage, "--week and --by go with --summary");
	if ((o->excel || o->semicolon) && o->fmt != AEX_CSV)
		cli_usage_error(usage, "--excel and --semicolon go with CSV");
	check_xlsx(o);
	check_personal(o);
}

/* ---- what each mode writes ------------------------------------------------- */

static int
sql_summary(struct export_run *run, char **sqlp)
{
	return aduan_summary_sql(run->db, &run->o->s, &run->o->f, sqlp);
}

static int
sql_records(struct export_run *run, char **sqlp)
{
	return aduan_filter_sql(run->db, &run->o->f, sqlp);
}

static int
write_report(struct export_run *run)
{
	return aduan_report_html(run->db, &run->o->s, &run->o->f, run->out);
}

static int
write_summary(struct export_run *run)
{
	struct export_opts *o = run->o;

	if (o->fmt == AEX_XLSX)
		return aduan_summary_xlsx(run->db, &o->s, &o->f, run->of.tmp);
	return aduan_summary_write(run->db, &o->s, &o->f, run->out);
}

static int
write_records(struct export_run *run)
{
	struct export_opts *o = run->o;
	int personal = o->personal ? AEX_PERSONAL : 0;

	if (o->fmt == AEX_XLSX)
		return aduan_export_xlsx(run->db, &o->f, personal, run->of.tmp, o->outpath,
		    o->what.s, &run->rows);
	return aduan_export_write(run->db, &o->f, o->fmt, (o->excel ? AW_EXCEL : 0) |
	    o->semicolon | personal, run->out, o->outpath ? o->outpath : "stdout",
	    o->what.s, &run->rows);
}

/* Everything held about one reporter, for their access request. */
static int
write_subject(struct export_run *run)
{
	long nmsg = 0;
	int rc;

	rc = aduan_subject_write(run->db, run->o->subject, run->out, &run->rows);
	if (rc == 0 && (rc = aduan_messages_subject(run->db, run->o->subject, run->out,
	    &nmsg)) == 0)
		run->rows += nmsg;
	return rc;
}

static const struct mode modes[M_NMODES] = {
	[M_REPORT] = {report_opts, check_report, NULL, write_report, 0},
	[M_SUBJECT] = {subject_opts, check_subject, NULL, write_subject, 1},
	[M_SUMMARY] = {summary_opts, check_summary, sql_summary, write_summary, 0},
	[M_RECORDS] = {records_opts, check_records, sql_records, write_records, 1},
};

static const struct mode *
which_mode(const struct export_opts *o)
{
	if (o->report)
		return &modes[M_REPORT];
	if (*o->subject != '\0')
		return &modes[M_SUBJECT];
	return &modes[o->summary ? M_SUMMARY : M_RECORDS];
}

/* ---- running a mode -------------------------------------------------------- */

/* --sql: the statement, with its values, for sqlite3. */
static int
show_sql(struct export_run *run, const struct mode *m)
{
	char *sql;
	int rc;

	if ((rc = m->sql(run, &sql)) != 0)
		cli_fail(rc);
	printf("%s;\n", sql);
	free(sql);
	aduan_db_close(run->db);
	return cli_finish(0);
}

/* -o FILE, written whole or not at all; a workbook must be a file. */
static void
open_output(struct export_run *run, int private_, int workbook)
{
	run->out = stdout;	/* on a terminal, cli_init's safe stream */
	if (run->o->outpath == NULL)
		return;
	cli_outfile_open(&run->of, run->o->outpath, private_, NULL, aduan_db_filename(run->db),
	    usage);
	run->out = run->of.fp;
	if (workbook && run->of.tmp == NULL) {
		cli_outfile_abort(&run->of);
		cli_usage_error(usage, "--format xlsx writes a workbook file: -o names a file, "
		    "not a device or pipe");
	}
}

/* After writing: stdout must have taken it all before the history is
 * committed (commit), and the file is put in place only then. */
static int
close_output(struct export_run *run, int rc, int commit)
{
	const char *outpath = run->o->outpath;

	if (rc == ADUAN_IOERR && outpath != NULL && ferror(run->out))
		rc = aduan_fail(ADUAN_IOERR, "cannot write %s: %s", outpath, strerror(errno));
	if (rc == 0 && run->out == stdout && (fflush(stdout) == EOF || ferror(stdout)))
		rc = aduan_fail(ADUAN_IOERR, "cannot write output");
	if (rc == 0 && commit)
		rc = aduan_db_commit(run->db);
	if (outpath != NULL) {
		if (rc == 0)
			rc = cli_outfile_commit(&run->of);
		else
			cli_outfile_abort(&run->of);
	}
	aduan_db_close(run->db);	/* rolls an unfinished history back */
	if (rc != 0)
		cli_fail(rc);
	return rc;
}

static int
run_mode(struct export_opts *o, const struct mode *m)
{
	struct export_run run = {.o = o};
	int subject = m == &modes[M_SUBJECT], recorded = o->personal || subject;

	run.db = cli_open(o->common.db, ADUAN_RDONLY);
	if (!subject && aduan_filter_resolve(run.db, &o->f) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if (o->showsql)
		return show_sql(&run, m);
	open_output(&run, o->personal || subject, o->fmt == AEX_XLSX);
	if (recorded)
		cli_begin(run.db, NULL);
	close_output(&run, m->write(&run), recorded);
	if (subject && run.rows == 0)
		cli_warn("no complaint from %s", o->subject);
	return cli_finish(!m->counts || run.rows > 0 ? 0 : ADUAN_NOMATCH);
}

int
main(int argc, char *argv[])
{
	struct export_opts o;
	const struct mode *m;
	int rc;

	memset(&o, 0, sizeof(o));
	cli_init(argc, argv);
	aduan_filter_init(&o.f);
	o.f.now = o.s.now = time(NULL);
	o.fmt = AEX_CSV;
	parse_options(&o, &argc, &argv);
	if (argc > 0) {
		struct ids x = {&o.f, &o.what, 0};

		aduan_buf_adds(&o.what, o.what.len ? " ids" : "ids");
		o.f.ids_given = 1;
		cli_ids(argc, argv, usage, add_id, &x);
	}
	m = which_mode(&o);
	m->check(&o);
	rc = run_mode(&o, m);
	aduan_filter_release(&o.f);
	aduan_buf_release(&o.what);
	return rc;
}
