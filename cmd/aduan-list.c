/*
 * aduan-list - find complaints and print them as a table, TSV, CSV,
 * JSON Lines or ids; -l prints each in full with its history.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "cli.h"
#include "forward.h"
#include "history.h"
#include "lifecycle.h"
#include "writer.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-list [--db FILE] [--status S] [--agency A] [--kelurahan K] [--rt RT]\n"
	    "                  [--channel C] [--category C] [--priority P] [--since TIME]\n"
	    "                  [--until TIME] [--overdue] [--search TEXT] [--reporter WHO]\n"
	    "                  [--format table|tsv|csv|jsonl] [--header] [-f FIELD,...]\n"
	    "                  [-q [-0] | -l | --count-by FIELD] [ID ... | -]\n"
	    "       aduan-list [--db FILE] --public [--lang id|en] ID ... | -\n"
	    "       aduan-list [--db FILE] --messages [--left | --taken] [--group NAME]\n"
	    "                  [--since TIME] [--until TIME] [--search TEXT] [--format tsv|jsonl]\n"
	    "                  [--header]\n"), fp);
}

enum {
	OPT_FORMAT = OPT_FIRST_LOCAL, OPT_HEADER, OPT_PUBLIC, OPT_LANG, OPT_MESSAGES, OPT_LEFT,
	OPT_TAKEN, OPT_GROUP, OPT_COUNT_BY
};

static const struct option longopts[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	CLI_FILTER_OPTIONS,
	{"format", required_argument, NULL, OPT_FORMAT},
	{"header", no_argument, NULL, OPT_HEADER},
	{"fields", required_argument, NULL, 'f'},
	{"quiet", no_argument, NULL, 'q'},
	{"null", no_argument, NULL, '0'},
	{"long", no_argument, NULL, 'l'},
	{"public", no_argument, NULL, OPT_PUBLIC},
	{"lang", required_argument, NULL, OPT_LANG},
	{"messages", no_argument, NULL, OPT_MESSAGES},
	{"left", no_argument, NULL, OPT_LEFT},
	{"taken", no_argument, NULL, OPT_TAKEN},
	{"group", required_argument, NULL, OPT_GROUP},
	{"count-by", required_argument, NULL, OPT_COUNT_BY},
	{NULL, 0, NULL, 0}
};

/* ---- --messages: the archive of WhatsApp messages ---------------------- */

struct message_out {
	int jsonl;	/* else TSV */
	int visible;	/* a terminal: control characters made visible */
};

static int
print_message(const struct aduan_message *m, void *arg)
{
	const struct message_out *o = arg;
	struct aduan_buf b = {0}, t = {0};
	const char *v[] = {
		m->source_key, m->source, m->received_at, m->author, m->kind, m->decision,
		m->reason, m->body
	};
	static const char *const keys[] = {
		"source_key", "source", "received_at", "author", "kind", "decision", "reason",
		"body"
	};
	size_t i;

	if (o->jsonl) {
		aduan_buf_printf(&b, "{\"id\":%lld,\"complaint\":", (long long)m->id);
		if (m->complaint > 0)
			aduan_buf_printf(&b, "%lld", (long long)m->complaint);
		else
			aduan_buf_adds(&b, "null");
		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			aduan_buf_printf(&b, ",\"%s\":", keys[i]);
			if (v[i] != NULL)
				aduan_json_quote(&b, v[i], strlen(v[i]));
			else
				aduan_buf_adds(&b, "null");
		}
		aduan_buf_adds(&b, "}");
		if (o->visible) {
			aduan_visible(&t, b.s, 1);
			fwrite(t.s, 1, t.len, stdout);
		} else
			fwrite(b.s, 1, b.len, stdout);
		putchar('\n');
	} else {
		aduan_buf_printf(&b, "%lld\t", (long long)m->id);
		if (m->complaint > 0)
			aduan_buf_printf(&b, "%lld", (long long)m->complaint);
		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			aduan_buf_addc(&b, '\t');
			aduan_buf_reset(&t);
			aduan_tsv_escape(&t, v[i] ? v[i] : "");
			if (o->visible)
				aduan_visible(&b, t.s ? t.s : "", 1);
			else if (t.len > 0)
				aduan_buf_add(&b, t.s, t.len);
		}
		aduan_buf_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stdout);
	}
	aduan_buf_release(&b);
	aduan_buf_release(&t);
	return ferror(stdout) ? ADUAN_IOERR : 0;
}

static int
list_messages(const char *dbpath, struct aduan_message_filter *mf,
    const struct aduan_filter *f, int fmt, int header)
{
	struct aduan_db *db;
	struct message_out o = {fmt == AOUT_JSONL, isatty(STDOUT_FILENO)};
	char since[21], until[21];
	int rc;
	long n;

	if (fmt != AOUT_TSV && fmt != AOUT_JSONL && fmt != AOUT_TABLE)
		cli_usage_error(usage, "--messages: --format tsv or jsonl");
	if (f->since != -1)
		mf->since = aduan_time_utc(f->since, since);
	if (f->until != -1)
		mf->until = aduan_time_utc(f->until, until);
	mf->search = f->search;
	db = cli_open(dbpath, ADUAN_RDONLY);
	if (header && !o.jsonl)
		fputs("id\tcomplaint\tsource_key\tsource\treceived_at\tauthor\tkind\t"
		    "decision\treason\tbody\n", stdout);
	if ((rc = aduan_messages_list(db, mf, print_message, &o, &n)) != 0)
		cli_fail(rc);
	aduan_db_close(db);
	return cli_finish(n > 0 ? 0 : ADUAN_NOMATCH);
}

/* What a table shows when no -f is given; with --overdue, the morning's
 * list of who is late and by how much. */
static const int table_fields[] = {
	AF_ID, AF_RECEIVED_AT, AF_STATUS, AF_PRIORITY, AF_KELURAHAN, AF_AGENCY, AF_BODY
};
static const int overdue_fields[] = {
	AF_ID, AF_RECEIVED_AT, AF_DUE_AT, AF_LATE, AF_PRIORITY, AF_KELURAHAN, AF_AGENCY, AF_BODY
};

struct count_out {
	struct aduan_writer *w;
	int field;
	long groups;
};

static int
count_row(const char *value, long n, void *arg)
{
	struct count_out *c = arg;
	const char *v[ADUAN_NCOLUMNS] = {0};
	char num[24];

	snprintf(num, sizeof(num), "%ld", n);
	v[c->field] = value;
	v[AF_COUNT] = num;
	c->groups++;
	return aduan_writer_row(c->w, v);
}

/* --count-by FIELD: how many complaints pass f for each value; the
 * number of values. */
static long
count_by(struct aduan_db *db, struct aduan_filter *f, const char *field, int fmt, int flags)
{
	struct count_out c;
	int fields[ADUAN_NCOLUMNS], rc, n;

	/* a field by its name or the label a table shows ("instansi") */
	if (aduan_fields_parse(field, fields, &n) != 0 || n != 1 || fields[0] >= ADUAN_NFIELDS)
		cli_usage_error(usage, "--count-by: one field, not \"%s\"", field);
	c.field = fields[0];
	c.groups = 0;
	fields[1] = AF_COUNT;
	if ((rc = aduan_writer_open(&c.w, fmt, stdout, fields, 2, flags)) != 0)
		cli_fail(rc);
	rc = aduan_filter_count(db, f, c.field, count_row, &c);
	if (rc == ADUAN_USAGE)
		cli_usage_error(usage, "--count-by: %s", aduan_errmsg());
	if (rc != 0)
		cli_fail(rc);
	aduan_writer_close(c.w);
	return c.groups;
}

static void
add_id(int64_t id, void *arg)
{
	aduan_filter_add_id(arg, id);
}

static int
print_event(const struct aduan_event *e, void *arg)
{
	struct aduan_buf b = {0};

	aduan_event_line(&b, e, *(int *)arg);
	printf("  %s\n", b.s);
	aduan_buf_release(&b);
	return 0;
}

static void
add_listed(int64_t id, void *arg)
{
	cli_idlist_add(id, arg);
}

/* --public: what a citizen with the number may see, from the template. */
static int
print_public(const char *dbpath, const char *lang, int argc, char *argv[])
{
	struct aduan_render how = {AUD_PUBLIC, 0, lang, NULL};
	struct cli_idlist ids = {0};
	struct aduan_buf b = {0};
	struct aduan_db *db;
	long missing = 0, shown = 0;
	size_t i;
	int rc;

	cli_ids(argc, argv, usage, add_listed, &ids);
	db = cli_open(dbpath, ADUAN_RDONLY);
	for (i = 0; i < ids.n; i++) {
		aduan_buf_reset(&b);
		if ((rc = aduan_render(db, "public", ids.v[i], &how, &b)) == ADUAN_NOMATCH) {
			cli_warn("%s", aduan_errmsg());
			missing++;
			continue;
		}
		if (rc == ADUAN_USAGE)
			cli_usage_error(usage, "%s", aduan_errmsg());
		if (rc != 0)
			cli_fail(rc);
		/* on a terminal, stdout shows control characters (cli.c) */
		printf("%s%s", shown++ > 0 ? "\n" : "", b.s);
	}
	aduan_buf_release(&b);
	free(ids.v);
	aduan_db_close(db);
	return cli_finish(missing ? ADUAN_NOMATCH : 0);
}

/* Print complaint v in full, then its history. */
static int
print_long(struct aduan_db *db, const char *const *v, int visible, time_t now)
{
	struct aduan_buf b = {0};
	time_t due;
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++) {
		const char *s = v[i];

		if (s == NULL)
			continue;
		aduan_buf_reset(&b);
		aduan_display(&b, i, s, 0, visible);
		/* continuation lines of a long text are indented under the value */
		printf("%-15s ", aduan_label("field", aduan_fields[i].name));
		for (const char *p = b.s; *p; p++) {
			putchar(*p);
			if (*p == '\n' && p[1] != '\0')
				printf("%16s", "");
		}
		putchar('\n');
	}
	if (v[AF_DUE_AT] != NULL && strcmp(v[AF_STATUS], "closed") != 0 &&
	    aduan_time_from_utc(v[AF_DUE_AT], &due) == 0 && due < now) {
		long days;
		int rc;

		if ((rc = aduan_sla_late(db, v[AF_DUE_AT], now, &days)) != 0)
			return rc;
		printf("%-15s ", aduan_label("field", "late"));
		printf(dngettext(ADUAN_TEXTDOMAIN, "%ld working day past due\n",
		    "%ld working days past due\n", (unsigned long)days), days);
	}
	printf("%s\n", _("history:"));
	aduan_buf_release(&b);
	return aduan_history_each(db, strtoll(v[AF_ID], NULL, 10), print_event, &visible);
}

/* Name the ids that were asked for and do not exist. */
static void
report_missing(struct aduan_db *db, struct aduan_filter *f)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT j.value FROM json_each(?) j WHERE NOT EXISTS "
	    "(SELECT 1 FROM complaint c WHERE c.id = j.value)");

	if (st == NULL)
		return;
	sqlite3_bind_text(st, 1, f->ids.s, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		cli_warn("no such complaint: %s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

int
main(int argc, char *argv[])
{
	struct aduan_filter f;
	struct aduan_filter_binds binds;
	struct aduan_buf sql = {0};
	struct aduan_writer *w = NULL;
	struct aduan_db *db;
	sqlite3_stmt *st;
	const char *dbpath = NULL, *fieldlist = NULL, *lang = NULL, *countby = NULL;
	int ch, fmt = -1, header = 0, quiet = 0, nul = 0, longfmt = 0, public = 0, filtered = 0;
	int tty, i, rc, late = 0;
	int fields[ADUAN_NCOLUMNS], nfields = 0, flags = 0;
	long matched = 0;
	struct aduan_message_filter mf;
	int messages = 0;

	memset(&mf, 0, sizeof(mf));
	cli_init(argc, argv);
	cli_options("f:q0l", longopts, 0);
	aduan_filter_init(&f);
	f.now = time(NULL);
	while ((ch = getopt_long(argc, argv, "f:q0l", longopts, NULL)) != -1) {
		if (cli_filter_option(ch, optarg, &f, usage)) {
			filtered = 1;
			continue;
		}
		switch (ch) {
		case OPT_FORMAT:
			if ((fmt = aduan_outfmt_lookup(optarg)) == -1)
				cli_usage_error(usage, "--format: table, tsv, csv or jsonl, not \"%s\"", optarg);
			break;
		case OPT_HEADER: header = 1; break;
		case 'f': fieldlist = optarg; break;
		case 'q': quiet = 1; break;
		case '0': nul = 1; break;
		case 'l': longfmt = 1; break;
		case OPT_PUBLIC: public = 1; break;
		case OPT_LANG: lang = optarg; break;
		case OPT_MESSAGES: messages = 1; break;
		case OPT_LEFT: mf.left = 1; break;
		case OPT_TAKEN: mf.taken = 1; break;
		case OPT_GROUP: mf.group = optarg; break;
		case OPT_COUNT_BY: countby = optarg; break;
		case OPT_DB: dbpath = optarg; break;
		case OPT_HELP: usage(stdout); return cli_finish(0);
		case OPT_VERSION: printf("aduan-list %s\n", ADUAN_VERSION); return cli_finish(0);
		default: usage(stderr); return ADUAN_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (lang != NULL && !public)
		cli_usage_error(usage, "--lang goes with --public");
	if ((mf.left || mf.taken || mf.group) && !messages)
		cli_usage_error(usage, "--left, --taken and --group go with --messages");
	if (messages) {
		if (mf.left && mf.taken)
			cli_usage_error(usage, "--left and --taken do not go together");
		if (argc > 0 || quiet || longfmt || fieldlist || f.overdue || f.rt || f.reporter ||
		    f.reporter_name || countby != NULL || f.nids > 0 || public)
			cli_usage_error(usage, "--messages takes only --left, --taken, --group, "
			    "--since, --until, --search, --format and --header");
		rc = list_messages(dbpath, &mf, &f, fmt == -1 ? AOUT_TSV : fmt, header);
		aduan_filter_release(&f);
		return rc;
	}
	if (public) {
		if (quiet || longfmt || fmt != -1 || header || fieldlist != NULL || filtered ||
		    countby != NULL ||
		    argc == 0)
			cli_usage_error(usage, "--public takes only ids (or - to read them from stdin)");
		aduan_filter_release(&f);
		return print_public(dbpath, lang, argc, argv);
	}
	if (nul && !quiet)
		cli_usage_error(usage, "-0 goes with -q");
	if (quiet + longfmt + (countby != NULL) > 1)
		cli_usage_error(usage, "-q, -l and --count-by do not go together");
	if (fieldlist != NULL && aduan_fields_parse(fieldlist, fields, &nfields) != 0)
		cli_usage_error(usage, "-f: %s", aduan_errmsg());
	if (argc > 0) {
		f.ids_given = 1;
		cli_ids(argc, argv, usage, add_id, &f);
	}
	tty = isatty(STDOUT_FILENO);
	if (fmt == -1)
		fmt = tty ? AOUT_TABLE : AOUT_TSV;
	if (nfields == 0) {
		if (fmt == AOUT_TABLE && f.overdue) {
			nfields = (int)(sizeof(overdue_fields) / sizeof(overdue_fields[0]));
			memcpy(fields, overdue_fields, sizeof(overdue_fields));
		} else if (fmt == AOUT_TABLE) {
			nfields = (int)(sizeof(table_fields) / sizeof(table_fields[0]));
			memcpy(fields, table_fields, sizeof(table_fields));
		} else
			for (nfields = 0; nfields < ADUAN_NFIELDS; nfields++)
				fields[nfields] = nfields;
	}
	if (header)
		flags |= AW_HEADER;
	if (tty)
		flags |= AW_VISIBLE;

	db = cli_open(dbpath, ADUAN_RDONLY);
	if ((rc = aduan_filter_resolve(db, &f)) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if (countby != NULL) {
		matched = count_by(db, &f, countby, fmt, flags);
		aduan_filter_release(&f);
		aduan_db_close(db);
		return cli_finish(matched > 0 ? 0 : ADUAN_NOMATCH);
	}
	for (i = 0; i < nfields; i++)
		late |= fields[i] == AF_LATE;
	aduan_buf_adds(&sql, "SELECT c.id");
	for (i = 1; i < ADUAN_NFIELDS; i++)
		aduan_buf_printf(&sql, ", c.%s", aduan_fields[i].name);
	aduan_buf_adds(&sql, " FROM complaint c");
	aduan_filter_where(&f, &sql, &binds);
	aduan_buf_adds(&sql, " ORDER BY c.id");
	if (sqlite3_prepare_v2(aduan_db_sqlite(db), sql.s, -1, &st, NULL) != SQLITE_OK)
		cli_fail(aduan_db_fail(db, "querying"));
	aduan_filter_bind(st, &binds, 1);
	if (!quiet && !longfmt && (rc = aduan_writer_open(&w, fmt, stdout, fields, nfields, flags)) != 0)
		cli_fail(rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[ADUAN_NCOLUMNS] = {0};
		char days[24];
		long n;

		matched++;
		for (i = 0; i < ADUAN_NFIELDS; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if (late && v[AF_DUE_AT] != NULL && strcmp(v[AF_STATUS], "closed") != 0) {
			if ((rc = aduan_sla_late(db, v[AF_DUE_AT], f.now, &n)) != 0)
				cli_fail(rc);
			snprintf(days, sizeof(days), "%ld", n);
			v[AF_LATE] = n > 0 ? days : NULL;
		}
		if (quiet)
			printf("%s%c", v[AF_ID], nul ? '\0' : '\n');
		else if (longfmt) {
			if (matched > 1)
				putchar('\n');
			if (print_long(db, v, tty, f.now) != 0)
				cli_fail(ADUAN_IOERR);
		} else if (aduan_writer_row(w, v) != 0)
			break;
		if (ferror(stdout))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		cli_fail(aduan_db_fail(db, "querying"));
	sqlite3_finalize(st);
	if (f.nids > 0 && (size_t)matched < f.nids)
		report_missing(db, &f);
	if (w != NULL)
		aduan_writer_close(w);
	aduan_buf_release(&sql);
	aduan_filter_release(&f);
	aduan_db_close(db);
	return cli_finish(matched > 0 ? 0 : ADUAN_NOMATCH);
}
