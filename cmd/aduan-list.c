/*
 * aduan-list - find complaints and print them as a table, TSV, CSV,
 * JSON Lines or ids; -l prints each in full with its history.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "archive.h"
#include "complaint.h"
#include "db.h"
#include "history.h"
#include "query.h"
#include "sla.h"
#include "template.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"
#include "cli.h"

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
		m->reason, m->body, m->attachment
	};
	static const char *const keys[] = {
		"source_key", "source", "received_at", "author", "kind", "decision", "reason",
		"body", "attachment"
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
			cli_tsv_cell(&b, v[i], o->visible);
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
		    "decision\treason\tbody\tattachment\n", stdout);
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
	if (v[AF_DUE_AT] != NULL && !aduan_status_is(v[AF_STATUS], AS_CLOSED) &&
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

static void
say_missing(const char *id, void *arg)
{
	(void)arg;
	cli_warn("no such complaint: %s", id);
}

/* ---- the options -------------------------------------------------------- */

struct list_opts {
	struct cli_common common;
	struct aduan_filter f;
	struct aduan_message_filter mf;
	const char *fieldlist, *lang, *countby;
	int fmt, header, quiet, nul, longfmt, public, messages, filtered;
};

/* The options into o; *argcp and *argvp left with the operands. */
static void
parse_options(struct list_opts *o, int *argcp, char ***argvp)
{
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "f:q0l", longopts, 0)) != -1) {
		if (cli_filter_option(ch, optarg, &o->f, usage)) {
			o->filtered = 1;
			continue;
		}
		switch (ch) {
		case OPT_FORMAT:
			if ((o->fmt = aduan_outfmt_lookup(optarg)) == -1)
				cli_usage_error(usage, "--format: table, tsv, csv or jsonl, not \"%s\"", optarg);
			break;
		case OPT_HEADER: o->header = 1; break;
		case 'f': o->fieldlist = optarg; break;
		case 'q': o->quiet = 1; break;
		case '0': o->nul = 1; break;
		case 'l': o->longfmt = 1; break;
		case OPT_PUBLIC: o->public = 1; break;
		case OPT_LANG: o->lang = optarg; break;
		case OPT_MESSAGES: o->messages = 1; break;
		case OPT_LEFT: o->mf.left = 1; break;
		case OPT_TAKEN: o->mf.taken = 1; break;
		case OPT_GROUP: o->mf.group = optarg; break;
		case OPT_COUNT_BY: o->countby = optarg; break;
		default: cli_common_option(ch, optarg, &o->common, "aduan-list", usage);
		}
	}
}

/* What goes with --messages, --public and neither. */
static void
check_options(const struct list_opts *o, int argc)
{
	const struct aduan_filter *f = &o->f;

	if (o->lang != NULL && !o->public)
		cli_usage_error(usage, "--lang goes with --public");
	if ((o->mf.left || o->mf.taken || o->mf.group) && !o->messages)
		cli_usage_error(usage, "--left, --taken and --group go with --messages");
	if (o->messages) {
		if (o->mf.left && o->mf.taken)
			cli_usage_error(usage, "--left and --taken do not go together");
		if (argc > 0 || o->quiet || o->longfmt || o->fieldlist || f->overdue || f->rt ||
		    f->reporter || f->reporter_name || o->countby != NULL || f->nids > 0 || o->public)
			cli_usage_error(usage, "--messages takes only --left, --taken, --group, "
			    "--since, --until, --search, --format and --header");
		return;
	}
	if (o->public) {
		if (o->quiet || o->longfmt || o->fmt != -1 || o->header || o->fieldlist != NULL ||
		    o->filtered || o->countby != NULL || argc == 0)
			cli_usage_error(usage, "--public takes only ids (or - to read them from stdin)");
		return;
	}
	if (o->nul && !o->quiet)
		cli_usage_error(usage, "-0 goes with -q");
	if (o->quiet + o->longfmt + (o->countby != NULL) > 1)
		cli_usage_error(usage, "-q, -l and --count-by do not go together");
}

/* ---- complaints ---------------------------------------------------------- */

/* The fields to print: -f, else what the format shows by default. */
static int
choose_fields(const struct list_opts *o, int fields[ADUAN_NCOLUMNS])
{
	int n = 0;

	if (o->fieldlist != NULL && aduan_fields_parse(o->fieldlist, fields, &n) != 0)
		cli_usage_error(usage, "-f: %s", aduan_errmsg());
	if (n > 0)
		return n;
	if (o->fmt == AOUT_TABLE && o->f.overdue) {
		memcpy(fields, overdue_fields, sizeof(overdue_fields));
		return (int)(sizeof(overdue_fields) / sizeof(overdue_fields[0]));
	}
	if (o->fmt == AOUT_TABLE) {
		memcpy(fields, table_fields, sizeof(table_fields));
		return (int)(sizeof(table_fields) / sizeof(table_fields[0]));
	}
	for (n = 0; n < ADUAN_NFIELDS; n++)
		fields[n] = n;
	return n;
}

struct rows {
	const struct list_opts *o;
	struct aduan_db *db;
	struct aduan_writer *w;
	int late, tty;
	long matched;
};

/* One complaint, in the form asked for; -1 stops (stdout failed). */
static int
print_row(const char *const *fv, void *arg)
{
	struct rows *r = arg;
	const struct list_opts *o = r->o;
	const char *v[ADUAN_NCOLUMNS] = {0};
	char days[24];
	long n;
	int rc;

	r->matched++;
	memcpy(v, fv, sizeof(*fv) * ADUAN_NFIELDS);
	if (r->late && v[AF_DUE_AT] != NULL && !aduan_status_is(v[AF_STATUS], AS_CLOSED)) {
		if ((rc = aduan_sla_late(r->db, v[AF_DUE_AT], o->f.now, &n)) != 0)
			cli_fail(rc);
		snprintf(days, sizeof(days), "%ld", n);
		v[AF_LATE] = n > 0 ? days : NULL;
	}
	if (o->quiet)
		printf("%s%c", v[AF_ID], o->nul ? '\0' : '\n');
	else if (o->longfmt) {
		if (r->matched > 1)
			putchar('\n');
		if (print_long(r->db, v, r->tty, o->f.now) != 0)
			cli_fail(ADUAN_IOERR);
	} else if (aduan_writer_row(r->w, v) != 0)
		return -1;
	return ferror(stdout) ? -1 : 0;
}

static int
list_complaints(struct list_opts *o, int argc, char *argv[])
{
	struct rows r = {o, NULL, NULL, 0, isatty(STDOUT_FILENO), 0};
	int fields[ADUAN_NCOLUMNS], nfields, flags = 0, i, rc;

	if (argc > 0) {
		o->f.ids_given = 1;
		cli_ids(argc, argv, usage, add_id, &o->f);
	}
	if (o->fmt == -1)
		o->fmt = r.tty ? AOUT_TABLE : AOUT_TSV;
	nfields = choose_fields(o, fields);
	flags = (o->header ? AW_HEADER : 0) | (r.tty ? AW_VISIBLE : 0);
	r.db = cli_open(o->common.db, ADUAN_RDONLY);
	if (aduan_filter_resolve(r.db, &o->f) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if (o->countby != NULL)
		r.matched = count_by(r.db, &o->f, o->countby, o->fmt, flags);
	else {
		for (i = 0; i < nfields; i++)
			r.late |= fields[i] == AF_LATE;
		if (!o->quiet && !o->longfmt &&
		    (rc = aduan_writer_open(&r.w, o->fmt, stdout, fields, nfields, flags)) != 0)
			cli_fail(rc);
		if ((rc = aduan_filter_each(r.db, &o->f, print_row, &r)) > 0)
			cli_fail(rc);
		if (o->f.nids > 0 && (size_t)r.matched < o->f.nids &&
		    (rc = aduan_filter_missing(r.db, &o->f, say_missing, NULL)) != 0)
			cli_fail(rc);
		if (r.w != NULL)
			aduan_writer_close(r.w);
	}
	aduan_db_close(r.db);
	return r.matched > 0 ? 0 : ADUAN_NOMATCH;
}

int
main(int argc, char *argv[])
{
	struct list_opts o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.fmt = -1;
	cli_init(argc, argv);
	aduan_filter_init(&o.f);
	o.f.now = time(NULL);
	parse_options(&o, &argc, &argv);
	check_options(&o, argc);
	if (o.messages)
		rc = list_messages(o.common.db, &o.mf, &o.f, o.fmt == -1 ? AOUT_TSV : o.fmt,
		    o.header);
	else if (o.public)
		rc = print_public(o.common.db, o.lang, argc, argv);
	else
		rc = cli_finish(list_complaints(&o, argc, argv));
	aduan_filter_release(&o.f);
	return rc;
}
