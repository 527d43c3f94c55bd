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

#include "archive.h"
#include "cli.h"
#include "export.h"
#include "privacy.h"

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

/* No common --by here: in aduan-export it groups a summary (see the manual). */
static const struct option longopts[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	CLI_FILTER_OPTIONS,
	{"subject", required_argument, NULL, OPT_SUBJECT},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"summary", no_argument, NULL, OPT_SUMMARY},
	{"report", required_argument, NULL, OPT_REPORT},
	{"week", required_argument, NULL, OPT_WEEK},
	{"by", required_argument, NULL, OPT_GROUP},
	{"excel", no_argument, NULL, OPT_EXCEL},
	{"semicolon", no_argument, NULL, OPT_SEMICOLON},
	{"personal", no_argument, NULL, OPT_PERSONAL},
	{"sql", no_argument, NULL, OPT_SQL},
	{"output", required_argument, NULL, 'o'},
	{NULL, 0, NULL, 0}
};

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

/* Everything held about one reporter, for their access request. */
static int
subject_access(const char *dbpath, const char *phone, const char *outpath)
{
	struct aduan_outfile of;
	struct aduan_db *db = cli_open(dbpath, ADUAN_RDONLY);
	FILE *out = stdout;
	long n = 0, nmsg = 0;
	int rc;

	if (outpath != NULL) {
		cli_outfile_open(&of, outpath, 1, NULL, aduan_db_filename(db), usage);
		out = of.fp;
	}
	cli_begin(db, NULL);
	rc = aduan_subject_write(db, phone, out, &n);
	if (rc == 0 && (rc = aduan_messages_subject(db, phone, out, &nmsg)) == 0)
		n += nmsg;
	if (rc == 0 && out == stdout && (fflush(stdout) == EOF || ferror(stdout)))
		rc = aduan_fail(ADUAN_IOERR, "cannot write output");
	if (rc == 0)
		rc = aduan_db_commit(db);
	if (outpath != NULL) {
		if (rc == 0)
			rc = cli_outfile_commit(&of);
		else
			cli_outfile_abort(&of);
	}
	aduan_db_close(db);
	if (rc != 0)
		cli_fail(rc);
	if (n == 0)
		cli_warn("no complaint from %s", phone);
	return cli_finish(n > 0 ? 0 : ADUAN_NOMATCH);
}

int
main(int argc, char *argv[])
{
	struct aduan_filter f;
	struct aduan_summary s;
	struct aduan_outfile of;
	struct aduan_buf what = {0};
	struct aduan_db *db;
	sqlite3_stmt *st;
	const char *dbpath = NULL, *outpath = NULL, *week = NULL, *group = NULL;
	int ch, fmt = AEX_CSV, summary = 0, excel = 0, personal = 0, showsql = 0;
	int fmt_given = 0, report = 0, semicolon = 0, rc;
	time_t since, until;
	long rows = 0;
	FILE *out;
	char subject[17] = "";

	cli_init(argc, argv);
	cli_options("o:", longopts, 0);
	out = stdout;	/* after cli_init: on a terminal, its safe stream */
	aduan_filter_init(&f);
	memset(&s, 0, sizeof(s));
	f.now = s.now = time(NULL);
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		/* the filter as typed, for the history of a --personal export */
		if (ch >= OPT_F_STATUS && ch <= OPT_F_REPORTER) {
			const char *name = NULL;

			for (const struct option *o = longopts; o->name; o++)
				if (o->val == ch)
					name = o->name;
			aduan_buf_printf(&what, "%s--%s%s%s", what.len ? " " : "", name,
			    optarg ? " " : "", optarg ? optarg : "");
		}
		if (cli_filter_option(ch, optarg, &f, usage))
			continue;
		switch (ch) {
		case OPT_FORMAT:
			if ((fmt = aduan_export_fmt_lookup(optarg)) == -1)
				cli_usage_error(usage, "--format: csv, tsv, jsonl, open311 or xlsx, not \"%s\"",
				    optarg);
			fmt_given = 1;
			break;
		case OPT_SUMMARY: summary = 1; break;
		case OPT_REPORT:
			if (strcmp(optarg, "html") != 0)
				cli_usage_error(usage, "--report: html, not \"%s\"", optarg);
			report = 1;
			break;
		case OPT_WEEK: week = optarg; break;
		case OPT_GROUP: group = optarg; break;
		case OPT_EXCEL: excel = 1; break;
		case OPT_SEMICOLON: semicolon = AW_SEMICOLON; break;
		case OPT_PERSONAL: personal = 1; break;
		case OPT_SQL: showsql = 1; break;
		case OPT_SUBJECT:
			if (aduan_phone_normalize(optarg, subject) == -1)
				cli_usage_error(usage, "--subject: not a phone number: \"%s\"", optarg);
			break;
		case 'o': outpath = optarg; break;
		case OPT_DB: dbpath = optarg; break;
		case OPT_HELP: usage(stdout); return cli_finish(0);
		case OPT_VERSION: printf("aduan-export %s\n", ADUAN_VERSION); return cli_finish(0);
		default: usage(stderr); return ADUAN_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0) {
		struct ids x = {&f, &what, 0};

		aduan_buf_adds(&what, what.len ? " ids" : "ids");
		f.ids_given = 1;
		cli_ids(argc, argv, usage, add_id, &x);
	}
	if (report && (summary || fmt_given || personal || excel || semicolon || group != NULL ||
	    f.ids_given))
		cli_usage_error(usage, "--report goes with --week or --since/--until and filters only");
	if (report && showsql)
		cli_usage_error(usage, "--report has no one statement to show: use --summary --sql");
	if (*subject != '\0' && (summary || report || fmt_given || personal || excel || semicolon ||
	    showsql ||
	    what.len > 0))
		cli_usage_error(usage, "--subject goes alone (with -o FILE at most)");
	if (*subject != '\0')
		return subject_access(dbpath, subject, outpath);
	/* a summary's period is its own; records take --since/--until as filters */
	since = f.since;
	until = f.until;
	if (summary || report) {
		f.since = f.until = -1;
		if ((fmt_given && fmt != AEX_CSV && fmt != AEX_XLSX) || personal)
			cli_usage_error(usage, "--summary has no records: no --personal, and "
			    "--format csv or xlsx");
		if (week != NULL && (since != -1 || until != -1))
			cli_usage_error(usage, "--week or --since/--until, not both");
		if (group != NULL && aduan_summary_by(&s, group) != 0)
			cli_usage_error(usage, "--by: %s", aduan_errmsg());
		if (week == NULL && since == -1 && until == -1)
			week = "this";
		if (week != NULL) {
			if (aduan_summary_week(week, s.now, &s.start, &s.end) != 0)
				cli_usage_error(usage, "%s", aduan_errmsg());
		} else {
			s.start = since != -1 ? since : 0;
			s.end = until != -1 ? until : s.now + 1;
		}
		if (s.end <= s.start)
			cli_usage_error(usage, "the period ends before it starts");
		s.flags = (excel ? AW_EXCEL : 0) | semicolon;
	} else {
		if (week != NULL || group != NULL)
			cli_usage_error(usage, "--week and --by go with --summary");
		if ((excel || semicolon) && fmt != AEX_CSV)
			cli_usage_error(usage, "--excel and --semicolon go with CSV");
	}
	if (fmt == AEX_XLSX && (outpath == NULL || excel || semicolon))
		cli_usage_error(usage, "--format xlsx writes a workbook: it needs -o FILE (and no --excel)");

	/* a masked export must not confirm who filed what, nor what it says */
	if (aduan_filter_personal(&f) && summary)
		cli_usage_error(usage, "--search and --reporter look into personal data: "
		    "not in a summary");
	if (aduan_filter_personal(&f) && !personal)
		cli_usage_error(usage, "--search and --reporter look into personal data: "
		    "only with --personal (recorded in the history)");
	db = cli_open(dbpath, ADUAN_RDONLY);
	if ((rc = aduan_filter_resolve(db, &f)) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());

	if (showsql) {
		char *sql;

		rc = summary ? aduan_summary_prepare(db, &s, &f, &st) : aduan_export_prepare(db, &f, &st);
		if (rc != 0)
			cli_fail(rc);
		if ((sql = sqlite3_expanded_sql(st)) == NULL)
			cli_die(ADUAN_IOERR, "out of memory");
		printf("%s;\n", sql);
		sqlite3_free(sql);
		sqlite3_finalize(st);
		aduan_db_close(db);
		aduan_filter_release(&f);
		aduan_buf_release(&what);
		return cli_finish(0);
	}

	if (outpath != NULL) {
		cli_outfile_open(&of, outpath, personal, NULL, aduan_db_filename(db), usage);
		out = of.fp;
		if (fmt == AEX_XLSX && of.tmp == NULL) {
			cli_outfile_abort(&of);
			cli_usage_error(usage, "--format xlsx writes a workbook file: -o names a file, "
			    "not a device or pipe");
		}
	}
	if (personal)
		cli_begin(db, NULL);
	if (report)
		rc = aduan_report_html(db, &s, &f, out);
	else if (summary && fmt == AEX_XLSX)
		rc = aduan_summary_xlsx(db, &s, &f, of.tmp);
	else if (summary)
		rc = aduan_summary_write(db, &s, &f, out);
	else if (fmt == AEX_XLSX)
		rc = aduan_export_xlsx(db, &f, personal ? AEX_PERSONAL : 0, of.tmp, outpath,
		    what.s, &rows);
	else
		rc = aduan_export_write(db, &f, fmt, (excel ? AW_EXCEL : 0) | semicolon |
		    (personal ? AEX_PERSONAL : 0), out, outpath ? outpath : "stdout",
		    what.s, &rows);
	if (rc == ADUAN_IOERR && outpath != NULL && ferror(out))
		rc = aduan_fail(ADUAN_IOERR, "cannot write %s: %s", outpath, strerror(errno));
	/* stdout must have taken it all before a --personal export is recorded */
	if (rc == 0 && out == stdout && (fflush(stdout) == EOF || ferror(stdout)))
		rc = aduan_fail(ADUAN_IOERR, "cannot write output");
	if (rc == 0 && personal)
		rc = aduan_db_commit(db);
	if (outpath != NULL) {
		if (rc == 0)
			rc = cli_outfile_commit(&of);
		else
			cli_outfile_abort(&of);
	}
	if (rc != 0) {
		aduan_db_close(db);	/* rolls a --personal export's history back */
		cli_fail(rc);
	}
	aduan_db_close(db);
	aduan_filter_release(&f);
	aduan_buf_release(&what);
	return cli_finish(summary || report || rows > 0 ? 0 : ADUAN_NOMATCH);
}
