/*
 * aduan - the front door: "aduan add ..." runs aduan-add, and the admin
 * verbs for reference data and settings live here.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/wait.h>

#include "aduan.h"
#include "archive.h"
#include "complaint.h"
#include "db.h"
#include "forward.h"
#include "internal.h"
#include "lifecycle.h"
#include "place.h"
#include "privacy.h"
#include "refdata.h"
#include "route.h"
#include "sla.h"
#include "template.h"
#include "timeutil.h"
#include "util.h"
#include "cli.h"

static const char *verb_now;	/* the admin verb running: its usage alone */

static void usage_all(FILE *fp);

/* The usage of the verb running (its lines of the whole usage), else all. */
static void
usage(FILE *fp)
{
	struct aduan_buf out = {0}, key = {0};
	const char *s, *e, *body;
	char *text = NULL;
	size_t n;
	FILE *mem;
	int in = 0;

	if (verb_now == NULL || (mem = open_memstream(&text, &n)) == NULL) {
		usage_all(fp);
		return;
	}
	usage_all(mem);
	fclose(mem);
	aduan_buf_printf(&key, "aduan %s ", verb_now);
	for (s = text; *s != '\0'; s = e) {
		e = strchr(s, '\n');
		e = e ? e + 1 : s + strlen(s);
		body = strncmp(s, "usage: ", 7) == 0 ? s + 7 : s + strspn(s, " ");
		if (strncmp(body, "aduan ", 6) == 0)	/* a verb's first line */
			in = strncmp(body, key.s, key.len) == 0;
		if (in)
			aduan_buf_add(&out, s, (size_t)(e - s));
	}
	if (out.len > 7 && strncmp(out.s, "       ", 7) == 0)
		memcpy(out.s, "usage: ", 7);
	fputs(out.len > 0 ? out.s : text, fp);
	free(text);
	aduan_buf_release(&out);
	aduan_buf_release(&key);
}

static void
usage_all(FILE *fp)
{
	fputs(_("usage: aduan add|list|route|close|export [ARG ...]\n"
	    "       aduan init [--db FILE] [--by NAME] [--preset NAME [--replace]]\n"
	    "       aduan config [--db FILE] [--unset] [KEY [VALUE]]\n"
	    "       aduan agency [--db FILE] list | add CODE NAME [--sla DAYS] [--contact TEXT] |\n"
	    "                    rm CODE | set CODE [--whatsapp NUMBER] [--email ADDRESS]\n"
	    "                    [--address TEXT] [--officer NAME] [--title TEXT]\n"
	    "       aduan kelurahan [--db FILE] list | add NAME [--code CODE] [--alias ALIAS,...]\n"
	    "       aduan rule [--db FILE] list | add PATTERN AGENCY [--category C]\n"
	    "                  [--set-category C] [--priority P] [--weight W] [--at N] | rm N |\n"
	    "                  test [--category C] TEXT | load FILE\n"
	    "       aduan holiday [--db FILE] list | add DAY NAME | rm DAY | load FILE\n"
	    "       aduan template [--db FILE] [--lang id|en] list | show NAME |\n"
	    "                      set NAME FILE|- | set --unset NAME | edit NAME\n"
	    "       aduan reply [--db FILE] [--by NAME] [--lang id|en] ID ...\n"
	    "       aduan group [--db FILE] list | add NAME --kelurahan K [--rt R] | rm NAME\n"
	    "       aduan undo [--db FILE] [--by NAME] [--list]\n"
	    "       aduan purge [--db FILE] [--by NAME] --older-than YEARS [--dry-run]\n"
	    "       aduan help [COMMAND]\n"), fp);
}

static const char *const programs[] = {"add", "list", "route", "close", "edit", "export", NULL};

static const char *const overview = N_(
    "aduan records public complaints and follows them up to their close.\n"
    "\n"
    "  aduan add       record a complaint, or import CSV, TSV, JSON Lines, WhatsApp\n"
    "  aduan list      find and show complaints\n"
    "  aduan route     forward complaints to an agency, add follow-up notes\n"
    "  aduan close     close complaints, or reopen them\n"
    "  aduan edit      correct a complaint: place, reporter, text, priority...\n"
    "  aduan export    weekly summaries and record exports\n"
    "  aduan init      create the database, load a preset (bontang-utara)\n"
    "  aduan config    show or change settings\n"
    "  aduan agency    list, add, change or remove agencies and their contacts\n"
    "  aduan kelurahan list or add kelurahan and their aliases\n"
    "  aduan rule      list, add, remove, test or load the routing rules\n"
    "  aduan holiday   list, add, remove or load holidays (for due dates)\n"
    "  aduan template  list, show, change or edit the message templates\n"
    "  aduan reply     the answer to a citizen, with a WhatsApp link\n"
    "  aduan group     map WhatsApp groups to a kelurahan and RT\n"
    "  aduan undo      revert the last command that changed complaints\n"
    "  aduan purge     anonymise old closed complaints (retention, UU PDP)\n"
    "\n"
    "'aduan help COMMAND' shows a command's options; 'man aduan' tells the whole story.\n");

/* Run aduan-VERB from our own folder, else from PATH. */
static _Noreturn void
run_program(const char *verb, char *argv[])
{
	char exe[PATH_MAX], name[64], *slash;
	ssize_t n;

	snprintf(name, sizeof(name), "aduan-%s", verb);
	argv[0] = name;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - sizeof(name) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			strcpy(slash + 1, name);
			if (access(exe, X_OK) == 0)
				execv(exe, argv);
		}
	}
	execvp(name, argv);
	cli_die(ADUAN_IOERR, "cannot run %s: %s", name, strerror(errno));
}

enum {
	OPT_PRESET = OPT_FIRST_LOCAL, OPT_UNSET, OPT_SLA, OPT_CONTACT, OPT_CODE, OPT_ALIAS,
	OPT_CATEGORY, OPT_SET_CATEGORY, OPT_PRIORITY, OPT_AT, OPT_LIST, OPT_OLDER_THAN,
	OPT_DRY_RUN, OPT_WEIGHT, OPT_REPLACE
};

/* Each verb takes its own options: any other is a usage error naming it. */
static const struct option init_opts[] = {
	CLI_COMMON_OPTIONS,
	{"preset", required_argument, NULL, OPT_PRESET},
	{"replace", no_argument, NULL, OPT_REPLACE},
	{NULL, 0, NULL, 0}
};
static const struct option config_opts[] = {
	CLI_COMMON_OPTIONS,
	{"unset", no_argument, NULL, OPT_UNSET},
	{NULL, 0, NULL, 0}
};
static const struct option agency_opts[] = {
	CLI_COMMON_OPTIONS,
	{"sla", required_argument, NULL, OPT_SLA},
	{"contact", required_argument, NULL, OPT_CONTACT},
	{NULL, 0, NULL, 0}
};
static const struct option kelurahan_opts[] = {
	CLI_COMMON_OPTIONS,
	{"code", required_argument, NULL, OPT_CODE},
	{"alias", required_argument, NULL, OPT_ALIAS},
	{NULL, 0, NULL, 0}
};
static const struct option rule_opts[] = {
	CLI_COMMON_OPTIONS,
	{"category", required_argument, NULL, OPT_CATEGORY},
	{"set-category", required_argument, NULL, OPT_SET_CATEGORY},
	{"priority", required_argument, NULL, OPT_PRIORITY},
	{"at", required_argument, NULL, OPT_AT},
	{"weight", required_argument, NULL, OPT_WEIGHT},
	{NULL, 0, NULL, 0}
};
static const struct option holiday_opts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
static const struct option undo_opts[] = {
	CLI_COMMON_OPTIONS,
	{"list", no_argument, NULL, OPT_LIST},
	{NULL, 0, NULL, 0}
};
static const struct option purge_opts[] = {
	CLI_COMMON_OPTIONS,
	{"older-than", required_argument, NULL, OPT_OLDER_THAN},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{NULL, 0, NULL, 0}
};
/* what the front door itself takes (for the record of a command line) */
static const struct option longopts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};

struct opts {
	const char *db, *by, *preset, *contact, *code, *alias;
	const char *category, *set_category, *priority, *weight;
	int unset, sla, at, list, older_than, dry_run, replace;
};

/* The options of an admin verb, from its own table. */
static void
parse(int *argcp, char ***argvp, struct opts *o, const struct option *table)
{
	int ch;
	char *end;
	long v;

	cli_options("", table, 0);
	optind = 1;
	while ((ch = getopt_long(*argcp, *argvp, "", table, NULL)) != -1) {
		switch (ch) {
		case OPT_DB: o->db = optarg; break;
		case OPT_BY: o->by = optarg; break;
		case OPT_PRESET: o->preset = optarg; break;
		case OPT_UNSET: o->unset = 1; break;
		case OPT_CONTACT: o->contact = optarg; break;
		case OPT_CODE: o->code = optarg; break;
		case OPT_ALIAS: o->alias = optarg; break;
		case OPT_CATEGORY: o->category = optarg; break;
		case OPT_SET_CATEGORY: o->set_category = optarg; break;
		case OPT_PRIORITY: o->priority = optarg; break;
		case OPT_WEIGHT: o->weight = optarg; break;
		case OPT_LIST: o->list = 1; break;
		case OPT_DRY_RUN: o->dry_run = 1; break;
		case OPT_REPLACE: o->replace = 1; break;
		case OPT_OLDER_THAN:
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 100)
				cli_usage_error(usage, "--older-than: years from 1 to 100, not \"%s\"",
				    optarg);
			o->older_than = (int)v;
			break;
		case OPT_AT:
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 100000)
				cli_usage_error(usage, "--at: a rule position from 1, not \"%s\"", optarg);
			o->at = (int)v;
			break;
		case OPT_SLA:
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 365)
				cli_usage_error(usage, "--sla: working days from 1 to 365, not \"%s\"",
				    optarg);
			o->sla = (int)v;
			break;
		case OPT_HELP: usage(stdout); exit(cli_finish(0));
		case OPT_VERSION: printf("aduan %s\n", ADUAN_VERSION); exit(cli_finish(0));
		default: usage(stderr); exit(ADUAN_USAGE);
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

/* The first operand of a verb's arguments (its sub-verb), skipping
 * options and the values of those in opts that take one. */
static const char *
first_operand(int argc, char *argv[], const struct option *opts)
{
	const struct option *o;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1 < argc ? argv[i + 1] : NULL;
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			return argv[i];
		if (argv[i][1] != '-' || strchr(argv[i], '=') != NULL)
			continue;
		for (o = opts; o->name != NULL; o++)
			if (strcmp(o->name, argv[i] + 2) == 0 && o->has_arg == required_argument)
				i++;
	}
	return NULL;
}

/* What a preset changed, part by part. */
static void
report_part(const char *part, long added, long updated, void *arg)
{
	if (strcmp(part, "kelurahan") == 0)
		cli_warn("kelurahan: %ld added, %ld updated", added, updated);
	else if (strcmp(part, "agency") == 0)
		cli_warn("agencies: %ld added, %ld updated", added, updated);
	else if (strcmp(part, "rule") == 0)
		cli_warn("routing rules: %ld added, %ld updated", added, updated);
	else if (strcmp(part, "holiday") == 0)
		cli_warn("holidays: %ld added, %ld updated", added, updated);
	else
		cli_warn("%s: %ld added, %ld updated", part, added, updated);
}

static int
cmd_init(int argc, char *argv[])
{
	struct opts o = {0};
	struct aduan_db *db;
	char *dir;
	int rc;

	parse(&argc, &argv, &o, init_opts);
	if (argc > 0)
		cli_usage_error(usage, "init takes no operands");
	if (o.replace && o.preset == NULL)
		cli_usage_error(usage, "--replace goes with --preset");
	db = cli_open(o.db, ADUAN_CREATE);
	if (o.preset != NULL) {
		dir = aduan_datadir();
		cli_begin(db, o.by);
		if ((rc = aduan_preset_load(db, dir, o.preset, o.replace, report_part, NULL)) != 0) {
			aduan_db_rollback(db);
			free(dir);
			cli_fail(rc);
		}
		cli_commit(db);
		free(dir);
	}
	cli_warn("database ready: %s", aduan_db_filename(db));
	aduan_db_close(db);
	return 0;
}

static int
check_setting(const char *key, const char *value)
{
	char *end;
	long v;

	/* An SLA of 0 days would make a complaint late the day it arrives:
	 * the SLAs are 1 to 365 working days, as agency --sla. */
	v = strtol(value, &end, 10);
	if (strncmp(key, "sla.", 4) == 0 &&
	    (*value == '\0' || *end != '\0' || v < 1 || v > 365))
		return aduan_fail(ADUAN_USAGE, "%s: working days from 1 to 365, not \"%s\"",
		    key, value);
	if (strcmp(key, "intake.join_minutes") == 0 &&
	    (*value == '\0' || *end != '\0' || v < 0 || v > 1440))
		return aduan_fail(ADUAN_USAGE, "%s: minutes from 0 to 1440, not \"%s\"", key, value);
	return aduan_setting_check(key, value);
}

static int
cmd_config(int argc, char *argv[])
{
	const struct aduan_setting_def *d;
	struct opts o = {0};
	struct aduan_db *db;
	int i, rc;

	parse(&argc, &argv, &o, config_opts);
	if (argc > 2 || (o.unset && argc != 1))
		cli_usage_error(usage, "config takes a KEY and maybe a VALUE");
	if (argc > 0 && (d = aduan_setting_def(argv[0])) == NULL)
		cli_usage_error(usage, "unknown setting \"%s\" ('aduan config' lists them)", argv[0]);
	if (argc == 2 && check_setting(argv[0], argv[1]) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	db = cli_open(o.db, argc == 2 || o.unset ? ADUAN_RDWR : ADUAN_RDONLY);
	if (argc == 0) {
		for (i = 0; aduan_settings[i].key != NULL; i++)
			printf("%s\t%s\n", aduan_settings[i].key, aduan_config(db, aduan_settings[i].key));
	} else if (argc == 1 && !o.unset) {
		printf("%s\n", aduan_config(db, argv[0]));
	} else {
		cli_begin(db, o.by);
		if ((rc = aduan_setting_set(db, argv[0], o.unset ? NULL : argv[1])) != 0) {
			aduan_db_rollback(db);
			cli_fail(rc);
		}
		cli_commit(db);
	}
	aduan_db_close(db);
	return 0;
}

/* Print the rows of a query as TSV with a header line. */
static int
print_query(struct aduan_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int i, n, rc, rows = 0;
	struct aduan_buf b = {0};

	if (sqlite3_prepare_v2(aduan_db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		cli_fail(aduan_db_fail(db, "querying"));
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++)
		printf("%s%s", i ? "\t" : "", sqlite3_column_name(st, i));
	putchar('\n');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		for (i = 0; i < n; i++) {
			const char *s = (const char *)sqlite3_column_text(st, i);

			aduan_buf_reset(&b);
			if (s != NULL)
				aduan_tsv_escape(&b, s);
			printf("%s%s", i ? "\t" : "", b.s ? b.s : "");
		}
		putchar('\n');
	}
	aduan_buf_release(&b);
	if (rc != SQLITE_DONE)
		cli_fail(aduan_db_fail(db, "querying"));
	sqlite3_finalize(st);
	return rows;
}

static int cmd_agency_set(int argc, char *argv[]);

static int
cmd_agency(int argc, char *argv[])
{
	struct opts o = {0};
	struct aduan_db *db;
	const char *verb = first_operand(argc, argv, agency_opts);
	int rc = 0;

	if (verb != NULL && strcmp(verb, "set") == 0)
		return cmd_agency_set(argc, argv);
	parse(&argc, &argv, &o, agency_opts);
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1)
			cli_usage_error(usage, "agency list takes no operands");
		db = cli_open(o.db, ADUAN_RDONLY);
		print_query(db, "SELECT code, name, sla_days, contact, whatsapp, email, address, "
		    "officer, title FROM agency ORDER BY code");
	} else if (strcmp(argv[0], "add") == 0) {
		if (argc != 3)
			cli_usage_error(usage, "agency add needs a CODE and a NAME");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		rc = aduan_agency_add(db, argv[1], argv[2], o.sla, o.contact);
	} else if (strcmp(argv[0], "rm") == 0) {
		if (argc != 2)
			cli_usage_error(usage, "agency rm needs a CODE");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		rc = aduan_agency_rm(db, argv[1]);
	} else
		cli_usage_error(usage, "agency: list, add, set or rm, not \"%s\"", argv[0]);
	if (rc == ADUAN_USAGE)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if (rc != 0) {
		aduan_db_rollback(db);
		cli_fail(rc);
	}
	if (argc > 0 && strcmp(argv[0], "list") != 0)
		cli_commit(db);
	aduan_db_close(db);
	return 0;
}

static int
cmd_kelurahan(int argc, char *argv[])
{
	struct opts o = {0};
	struct aduan_db *db;
	int rc;

	parse(&argc, &argv, &o, kelurahan_opts);
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1)
			cli_usage_error(usage, "kelurahan list takes no operands");
		db = cli_open(o.db, ADUAN_RDONLY);
		print_query(db, "SELECT k.name, k.code, group_concat(a.alias, ',') AS aliases "
		    "FROM kelurahan k LEFT JOIN kelurahan_alias a ON a.kelurahan = k.name "
		    "GROUP BY k.name ORDER BY k.code, k.name");
		aduan_db_close(db);
		return 0;
	}
	if (strcmp(argv[0], "add") != 0)
		cli_usage_error(usage, "kelurahan: list or add, not \"%s\"", argv[0]);
	if (argc != 2)
		cli_usage_error(usage, "kelurahan add needs a NAME");
	db = cli_open(o.db, ADUAN_RDWR);
	cli_begin(db, o.by);
	if ((rc = aduan_kelurahan_add(db, argv[1], o.code, o.alias)) != 0) {
		aduan_db_rollback(db);
		if (rc == ADUAN_USAGE)
			cli_usage_error(usage, "%s", aduan_errmsg());
		cli_fail(rc);
	}
	cli_commit(db);
	aduan_db_close(db);
	return 0;
}

/* End an admin change: a usage error, a failure, or commit. */
static void
finish_change(struct aduan_db *db, int rc)
{
	if (rc == 0) {
		cli_commit(db);
		return;
	}
	aduan_db_rollback(db);
	if (rc == ADUAN_USAGE)
		cli_usage_error(usage, "%s", aduan_errmsg());
	cli_fail(rc);
}

static int
cmd_rule(int argc, char *argv[])
{
	struct aduan_rules rules;
	struct opts o = {0};
	struct aduan_db *db;
	double weight;
	long n = 0;
	int rc;

	parse(&argc, &argv, &o, rule_opts);
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1)
			cli_usage_error(usage, "rule list takes no operands");
		db = cli_open(o.db, ADUAN_RDONLY);
		print_query(db, "SELECT position, pattern, category_match AS category, agency, "
		    "set_category, set_priority, weight FROM rule ORDER BY position");
	} else if (strcmp(argv[0], "test") == 0) {
		struct aduan_hits hits;
		char sc[32];
		int i;

		if (argc != 2)
			cli_usage_error(usage, "rule test needs one TEXT (quote it)");
		db = cli_open(o.db, ADUAN_RDONLY);
		if ((rc = aduan_rules_get(db, &rules)) != 0)
			cli_fail(rc);
		aduan_rules_score(&rules, argv[1], o.category, &hits);
		if (hits.n == 0) {
			aduan_rules_release(&rules);
			aduan_db_close(db);
			cli_die(ADUAN_NOMATCH, "no rule matches");
		}
		/* the winner, then the best rule of every other agency */
		for (i = 0; i < hits.n; i++) {
			const struct aduan_rule *r = hits.v[i].rule;

			printf("rule %d\t%s\t%s\t%s", r->position, r->agency,
			    aduan_decimal(hits.v[i].score, 1, sc), hits.v[i].match);
			if (r->set_category != NULL)
				printf("\tcategory=%s", r->set_category);
			if (r->set_priority != NULL)
				printf("\tpriority=%s", r->set_priority);
			putchar('\n');
		}
		if (!aduan_hits_sure(&hits))
			cli_warn("close call between %s and %s: no rule is sure",
			    hits.v[0].rule->agency, hits.v[1].rule->agency);
		aduan_hits_release(&hits);
		aduan_rules_release(&rules);
	} else if (strcmp(argv[0], "add") == 0) {
		if (argc != 3)
			cli_usage_error(usage, "rule add needs a PATTERN and an AGENCY "
			    "(an empty PATTERN with --category matches on the category)");
		if (aduan_weight_parse(o.weight, &weight) != 0)
			cli_usage_error(usage, "--weight: %s", aduan_errmsg());
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		finish_change(db, aduan_rule_add(db, o.at, argv[1], o.category, argv[2],
		    o.set_category, o.priority, weight));
	} else if (strcmp(argv[0], "rm") == 0) {
		char *end;
		long pos;

		if (argc != 2)
			cli_usage_error(usage, "rule rm needs a rule number (see 'aduan rule list')");
		pos = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0' || pos < 1 || pos > 100000)
			cli_usage_error(usage, "rule rm: a rule number, not \"%s\"", argv[1]);
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		finish_change(db, aduan_rule_rm(db, (int)pos));
	} else if (strcmp(argv[0], "load") == 0) {
		if (argc != 2)
			cli_usage_error(usage, "rule load needs a FILE");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		finish_change(db, aduan_rule_load(db, argv[1], &n));
		cli_warn("%ld rules loaded", n);
	} else
		cli_usage_error(usage, "rule: list, add, rm, test or load, not \"%s\"", argv[0]);
	aduan_db_close(db);
	return 0;
}

static int
cmd_holiday(int argc, char *argv[])
{
	struct opts o = {0};
	struct aduan_db *db;
	long n = 0;
	int rc;

	parse(&argc, &argv, &o, holiday_opts);
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1)
			cli_usage_error(usage, "holiday list takes no operands");
		db = cli_open(o.db, ADUAN_RDONLY);
		print_query(db, "SELECT day, name FROM holiday ORDER BY day");
	} else if (strcmp(argv[0], "add") == 0) {
		if (argc != 3)
			cli_usage_error(usage, "holiday add needs a DAY (YYYY-MM-DD) and a NAME");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		finish_change(db, aduan_holiday_add(db, argv[1], argv[2]));
	} else if (strcmp(argv[0], "rm") == 0) {
		if (argc != 2)
			cli_usage_error(usage, "holiday rm needs a DAY");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		finish_change(db, aduan_holiday_rm(db, argv[1]));
	} else if (strcmp(argv[0], "load") == 0) {
		if (argc != 2)
			cli_usage_error(usage, "holiday load needs a FILE");
		db = cli_open(o.db, ADUAN_RDWR);
		cli_begin(db, o.by);
		rc = aduan_holiday_load(db, argv[1], &n);
		finish_change(db, rc == ADUAN_NOMATCH ? ADUAN_IOERR : rc);
		cli_warn("%ld holidays loaded", n);
	} else
		cli_usage_error(usage, "holiday: list, add, rm or load, not \"%s\"", argv[0]);
	aduan_db_close(db);
	return 0;
}

/* ---- aduan group: WhatsApp groups mapped to a place ------------------- */

static int
print_group(const struct aduan_group *g, void *arg)
{
	const int *visible = arg;
	const char *v[] = {g->name, g->kelurahan, g->rt ? g->rt : ""};
	struct aduan_buf b = {0}, t = {0};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (i > 0)
			aduan_buf_addc(&b, '\t');
		aduan_buf_reset(&t);
		aduan_tsv_escape(&t, v[i]);
		if (*visible)	/* a terminal: control characters made visible */
			aduan_visible(&b, t.s ? t.s : "", 1);
		else if (t.len > 0)
			aduan_buf_add(&b, t.s, t.len);
	}
	aduan_buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stdout);
	aduan_buf_release(&b);
	aduan_buf_release(&t);
	return 0;
}

static int
cmd_group(int argc, char *argv[])
{
	enum { G_KELURAHAN = OPT_FIRST_LOCAL, G_RT };
	static const struct option group_opts[] = {
		CLI_COMMON_OPTIONS,
		{"kelurahan", required_argument, NULL, G_KELURAHAN},
		{"rt", required_argument, NULL, G_RT},
		{NULL, 0, NULL, 0}
	};
	const char *dbpath = NULL, *by = NULL, *kel = NULL, *rt = NULL;
	struct aduan_db *db;
	int ch, visible;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "k:r:", group_opts, NULL)) != -1) {
		switch (ch) {
		case OPT_DB: dbpath = optarg; break;
		case OPT_BY: by = optarg; break;
		case 'k': case G_KELURAHAN: kel = optarg; break;
		case 'r': case G_RT: rt = optarg; break;
		case OPT_HELP: usage(stdout); exit(cli_finish(0));
		default: usage(stderr); exit(ADUAN_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if ((kel != NULL || rt != NULL) && (argc == 0 || strcmp(argv[0], "add") != 0))
		cli_usage_error(usage, "--kelurahan and --rt go with group add");
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1)
			cli_usage_error(usage, "group list takes no operands");
		db = cli_open(dbpath, ADUAN_RDONLY);
		visible = isatty(STDOUT_FILENO);
		if ((ch = aduan_group_list(db, print_group, &visible)) != 0)
			cli_fail(ch);
	} else if (strcmp(argv[0], "add") == 0) {
		if (argc != 2 || kel == NULL)
			cli_usage_error(usage, "group add needs a NAME and --kelurahan");
		db = cli_open(dbpath, ADUAN_RDWR);
		cli_begin(db, by);
		finish_change(db, aduan_group_add(db, argv[1], kel, rt));
	} else if (strcmp(argv[0], "rm") == 0) {
		if (argc != 2)
			cli_usage_error(usage, "group rm needs a NAME");
		db = cli_open(dbpath, ADUAN_RDWR);
		cli_begin(db, by);
		finish_change(db, aduan_group_rm(db, argv[1]));
	} else
		cli_usage_error(usage, "group: list, add or rm, not \"%s\"", argv[0]);
	aduan_db_close(db);
	return 0;
}

static void
undone(int64_t id, int deleted, void *arg)
{
	if (!deleted)
		printf("%lld\n", (long long)id);
}

static int
cmd_undo(int argc, char *argv[])
{
	struct aduan_undo_result r;
	struct opts o = {0};
	struct aduan_db *db;
	char at[32];
	time_t t;
	int rc;

	parse(&argc, &argv, &o, undo_opts);
	if (argc > 0)
		cli_usage_error(usage, "undo takes no operands");
	if (o.list) {
		db = cli_open(o.db, ADUAN_RDONLY);
		print_query(db, "SELECT i.id AS invocation, "
		    "strftime('%Y-%m-%d %H:%M', i.at, 'localtime') AS at, i.actor, "
		    "coalesce((SELECT group_concat(a.action || ' ' || a.n, ', ') FROM "
		    "  (SELECT action, count(*) AS n FROM event WHERE invocation = i.id "
		    "   GROUP BY action ORDER BY min(id)) a), '') AS changes, "
		    "coalesce('#' || i.undone_by, '') AS undone_by, i.command "
		    "FROM invocation i ORDER BY i.id DESC LIMIT 20");
		aduan_db_close(db);
		return 0;
	}
	db = cli_open(o.db, ADUAN_RDWR);
	cli_begin(db, o.by);
	if ((rc = aduan_undo(db, &r, undone, NULL)) != 0) {
		aduan_db_rollback(db);
		cli_fail(rc);
	}
	cli_commit(db);
	if (aduan_time_from_utc(r.at, &t) == 0)
		aduan_time_local(t, at);
	else
		snprintf(at, sizeof(at), "%s", r.at);
	cli_warn("undid #%lld by %s at %s (%s): %ld restored, %ld removed",
	    (long long)r.invocation, r.actor, at, r.command, r.restored, r.deleted);
	aduan_db_close(db);
	return 0;
}

static void
purged(int64_t id, void *arg)
{
	(*(long *)arg)++;
	printf("%lld\n", (long long)id);
}

/* Anonymise closed complaints past the retention period (UU PDP). */
/* The archived messages as old as the complaints purge anonymises. */
static int
purge_messages(struct aduan_db *db, int years, int dry_run, long *n)
{
	struct tm tm;
	time_t now = time(NULL);
	char cutoff[21];

	gmtime_r(&now, &tm);
	tm.tm_year -= years;
	return aduan_messages_purge(db, aduan_time_utc(timegm(&tm), cutoff), dry_run, n);
}

static int
cmd_purge(int argc, char *argv[])
{
	struct opts o = {0};
	struct aduan_db *db;
	long n = 0, nmsg = 0;
	int rc;

	parse(&argc, &argv, &o, purge_opts);
	if (argc > 0)
		cli_usage_error(usage, "purge takes no operands");
	if (o.older_than == 0)
		cli_usage_error(usage, "purge needs --older-than YEARS");
	db = cli_open(o.db, o.dry_run ? ADUAN_RDONLY : ADUAN_RDWR);
	if (!o.dry_run)
		cli_begin(db, o.by);
	if ((rc = aduan_purge(db, o.older_than, time(NULL), o.dry_run, purged, &n)) != 0 ||
	    (rc = purge_messages(db, o.older_than, o.dry_run, &nmsg)) != 0) {
		aduan_db_rollback(db);
		cli_fail(rc);
	}
	if (!o.dry_run)
		cli_commit(db);
	if (!o.dry_run && (rc = aduan_db_vacuum(db)) != 0)
		cli_fail(rc);
	if (o.dry_run)
		cli_warn("%ld closed complaint(s) would be anonymised", n);
	else
		cli_warn("%ld closed complaint(s) anonymised", n);
	if (o.dry_run)
		cli_warn("%ld archived message(s) would be anonymised", nmsg);
	else
		cli_warn("%ld archived message(s) anonymised", nmsg);
	aduan_db_close(db);
	return 0;
}

/*
 * The options every verb with its own table shares: 1 when ch was one
 * of them (--db, --by), else help, version or a bad option end the run.
 */
static int
verb_common(int ch, const char **db, const char **by)
{
	switch (ch) {
	case OPT_DB: *db = optarg; return 1;
	case OPT_BY: *by = optarg; return 1;
	case OPT_HELP: usage(stdout); exit(cli_finish(0));
	case OPT_VERSION: printf("aduan %s\n", ADUAN_VERSION); exit(cli_finish(0));
	default: usage(stderr); exit(ADUAN_USAGE);
	}
}

/* ---- aduan agency set ---------------------------------------------------- */

static const struct option agency_set_opts[] = {
	CLI_COMMON_OPTIONS,
	{"whatsapp", required_argument, NULL, OPT_FIRST_LOCAL + AG_WHATSAPP},
	{"email", required_argument, NULL, OPT_FIRST_LOCAL + AG_EMAIL},
	{"address", required_argument, NULL, OPT_FIRST_LOCAL + AG_ADDRESS},
	{"officer", required_argument, NULL, OPT_FIRST_LOCAL + AG_OFFICER},
	{"title", required_argument, NULL, OPT_FIRST_LOCAL + AG_TITLE},
	{NULL, 0, NULL, 0}
};

/* An agency's contacts: each option given sets one ("" clears it). */
static int
cmd_agency_set(int argc, char *argv[])
{
	const char *v[AG_NFIELDS] = {0}, *db_path = NULL, *by = NULL;
	struct aduan_db *db;
	int ch, given = 0;

	cli_options("", agency_set_opts, 0);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", agency_set_opts, NULL)) != -1) {
		if (ch >= OPT_FIRST_LOCAL && ch < OPT_FIRST_LOCAL + AG_NFIELDS) {
			v[ch - OPT_FIRST_LOCAL] = optarg;
			given++;
		} else
			verb_common(ch, &db_path, &by);
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		cli_usage_error(usage, "agency set needs a CODE");
	if (given == 0)
		cli_usage_error(usage, "agency set: say what to change "
		    "(--whatsapp, --email, --address, --officer, --title)");
	db = cli_open(db_path, ADUAN_RDWR);
	cli_begin(db, by);
	finish_change(db, aduan_agency_set(db, argv[1], v));
	aduan_db_close(db);
	return 0;
}

/* ---- aduan template ------------------------------------------------------- */

enum { OPT_T_LANG = OPT_FIRST_LOCAL, OPT_T_UNSET };

static const struct option template_opts[] = {
	CLI_COMMON_OPTIONS,
	{"lang", required_argument, NULL, OPT_T_LANG},
	{"unset", no_argument, NULL, OPT_T_UNSET},
	{NULL, 0, NULL, 0}
};

/* The whole of a file, or of stdin for "-" (caller frees). */
static char *
slurp(const char *path)
{
	struct aduan_buf b = {0};
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		cli_die(ADUAN_IOERR, "cannot open %s: %s", path, strerror(errno));
	aduan_buf_adds(&b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		aduan_buf_add(&b, chunk, n);
	if (ferror(fp))
		cli_die(ADUAN_IOERR, "%s: read error", path);
	if (fp != stdin)
		fclose(fp);
	if (strlen(b.s) != b.len)
		cli_die(ADUAN_DATAERR, "%s: a template is text, without NUL bytes", path);
	return b.s;
}

/* Let the user change text in their editor; the new text (caller frees). */
static char *
edit_text(const char *name, const char *text)
{
	const char *tmp = getenv("TMPDIR");
	struct aduan_buf p = {0};
	char *out;
	FILE *fp;
	pid_t pid;
	int fd, status;

	aduan_buf_printf(&p, "%s/aduan-%s-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp", name);
	if ((fd = mkstemps(p.s, 4)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		cli_die(ADUAN_IOERR, "cannot create a file to edit in: %s", strerror(errno));
	if (fputs(text, fp) == EOF || fclose(fp) == EOF) {
		unlink(p.s);
		cli_die(ADUAN_IOERR, "%s: %s", p.s, strerror(errno));
	}
	fflush(NULL);
	if ((pid = fork()) == 0) {
		execl("/bin/sh", "sh", "-c", "${VISUAL:-${EDITOR:-vi}} \"$1\"", "sh", p.s,
		    (char *)NULL);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		unlink(p.s);
		cli_die(ADUAN_IOERR, "the editor failed; template %s not changed", name);
	}
	out = slurp(p.s);
	unlink(p.s);
	aduan_buf_release(&p);
	return out;
}

static int
cmd_template(int argc, char *argv[])
{
	const char *db_path = NULL, *by = NULL, *lang = NULL, *origin;
	struct aduan_db *db;
	char *text = NULL, *edited;
	int ch, unset = 0, i, rc;

	cli_options("", template_opts, 0);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", template_opts, NULL)) != -1) {
		if (ch == OPT_T_LANG)
			lang = optarg;
		else if (ch == OPT_T_UNSET)
			unset = 1;
		else
			verb_common(ch, &db_path, &by);
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 || strcmp(argv[0], "list") == 0) {
		if (argc > 1 || unset)
			cli_usage_error(usage, "template list takes no operands");
		db = cli_open(db_path, ADUAN_RDONLY);
		if ((rc = aduan_template_lang(db, lang, &lang)) != 0)
			cli_usage_error(usage, "--lang: %s", aduan_errmsg());
		printf("name\tlang\tfrom\tdescription\n");
		for (i = 0; aduan_templates[i].name != NULL; i++) {
			if ((rc = aduan_template_get(db, aduan_templates[i].name, lang, &text,
			    &origin)) != 0)
				cli_fail(rc);
			printf("%s\t%s\t%s\t%s\n", aduan_templates[i].name, lang, origin,
			    _(aduan_templates[i].help));
			free(text);
		}
	} else if (strcmp(argv[0], "show") == 0) {
		if (argc != 2 || unset)
			cli_usage_error(usage, "template show needs a NAME");
		db = cli_open(db_path, ADUAN_RDONLY);
		if ((rc = aduan_template_get(db, argv[1], lang, &text, NULL)) != 0)
			finish_change(db, rc);
		fputs(text, stdout);
		free(text);
	} else if (strcmp(argv[0], "set") == 0) {
		if (argc != (unset ? 2 : 3))
			cli_usage_error(usage, unset ? "template set --unset needs a NAME" :
			    "template set needs a NAME and a FILE (- for stdin)");
		text = unset ? NULL : slurp(argv[2]);
		db = cli_open(db_path, ADUAN_RDWR);
		cli_begin(db, by);
		finish_change(db, aduan_template_set(db, argv[1], lang, text));
		free(text);
	} else if (strcmp(argv[0], "edit") == 0) {
		if (argc != 2 || unset)
			cli_usage_error(usage, "template edit needs a NAME");
		db = cli_open(db_path, ADUAN_RDWR);
		if ((rc = aduan_template_get(db, argv[1], lang, &text, NULL)) != 0)
			finish_change(db, rc);
		edited = edit_text(argv[1], text);
		if (strcmp(edited, text) == 0)
			cli_warn("template %s unchanged", argv[1]);
		else {
			cli_begin(db, by);
			if ((rc = aduan_template_set(db, argv[1], lang, edited)) != 0) {
				aduan_db_rollback(db);
				cli_die(rc, "%s; template %s not changed", aduan_errmsg(), argv[1]);
			}
			cli_commit(db);
		}
		free(edited);
		free(text);
	} else
		cli_usage_error(usage, "template: list, show, set or edit, not \"%s\"", argv[0]);
	aduan_db_close(db);
	return 0;
}

/* ---- aduan reply ------------------------------------------------------------ */

enum { OPT_R_LANG = OPT_FIRST_LOCAL };

static const struct option reply_opts[] = {
	CLI_COMMON_OPTIONS,
	{"lang", required_argument, NULL, OPT_R_LANG},
	{NULL, 0, NULL, 0}
};

/* The answer to one complaint: for the reporter, and for its group. */
static int
reply_one(struct aduan_db *db, int64_t id, const char *lang, struct aduan_buf *out)
{
	struct aduan_render to_reporter = {AUD_REPORTER, 0, lang, NULL};
	struct aduan_render to_group = {AUD_PUBLIC, 0, lang, NULL};
	struct aduan_buf text = {0}, pub = {0}, note = {0};
	const char *name;
	char *phone = NULL, *group = NULL;
	int rc;

	if ((rc = aduan_reply_template(db, id, &name)) != 0 ||
	    (rc = aduan_render(db, name, id, &to_reporter, &text)) != 0 ||
	    (rc = aduan_reply_phone(db, id, &phone)) != 0 ||
	    (rc = aduan_reply_group(db, id, &group)) != 0)
		goto out;
	if (out->len > 0)
		aduan_buf_adds(out, "\n----------\n\n");
	aduan_buf_adds(out, text.s);
	aduan_buf_printf(&note, "answer from the template %s", name);
	if (phone != NULL) {
		while (text.len > 0 && text.s[text.len - 1] == '\n')
			text.s[--text.len] = '\0';
		aduan_buf_printf(out, "\n%s ", _("WhatsApp to the reporter:"));
		aduan_walink(out, phone, text.s);
		aduan_buf_addc(out, '\n');
		aduan_buf_adds(&note, "; WhatsApp link to the reporter");
	}
	if (group != NULL) {
		aduan_buf_reset(&text);
		if ((rc = aduan_render(db, name, id, &to_group, &text)) != 0)
			goto out;
		while (text.len > 0 && text.s[text.len - 1] == '\n')
			text.s[--text.len] = '\0';
		to_group.reply = text.s;
		if ((rc = aduan_render(db, "reply-group", id, &to_group, &pub)) != 0)
			goto out;
		aduan_buf_addc(out, '\n');
		aduan_buf_printf(out, _("For the group %s:\n"), group);
		aduan_buf_adds(out, pub.s);
		while (pub.len > 0 && pub.s[pub.len - 1] == '\n')
			pub.s[--pub.len] = '\0';
		aduan_buf_printf(out, "\n%s ", _("WhatsApp to the group:"));
		aduan_walink(out, NULL, pub.s);
		aduan_buf_addc(out, '\n');
		aduan_buf_printf(&note, "; for the group %s", group);
	}
	rc = aduan_reply_record(db, id, note.s);
out:
	free(phone);
	free(group);
	aduan_buf_release(&text);
	aduan_buf_release(&pub);
	aduan_buf_release(&note);
	return rc;
}

static int
cmd_reply(int argc, char *argv[])
{
	const char *db_path = NULL, *by = NULL, *lang = NULL;
	struct cli_idlist ids = {0};
	struct aduan_buf out = {0};
	struct aduan_db *db;
	long skipped = 0;
	size_t i;
	int ch, rc;

	cli_options("", reply_opts, 0);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", reply_opts, NULL)) != -1) {
		if (ch == OPT_R_LANG)
			lang = optarg;
		else
			verb_common(ch, &db_path, &by);
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
	cli_ids(argc, argv, usage, cli_idlist_add, &ids);
	db = cli_open(db_path, ADUAN_RDWR);
	if ((rc = aduan_template_lang(db, lang, &lang)) != 0)
		cli_usage_error(usage, "--lang: %s", aduan_errmsg());
	cli_begin(db, by);
	for (i = 0; i < ids.n; i++) {
		if ((rc = reply_one(db, ids.v[i], lang, &out)) == ADUAN_NOMATCH) {
			cli_warn("%s", aduan_errmsg());
			skipped++;
		} else if (rc != 0) {
			aduan_db_rollback(db);
			cli_fail(rc);
		}
	}
	cli_commit(db);
	fwrite(out.s ? out.s : "", 1, out.len, stdout);
	aduan_buf_release(&out);
	free(ids.v);
	aduan_db_close(db);
	return skipped ? ADUAN_NOMATCH : 0;
}

static const struct {
	const char *name;
	int (*fn)(int, char **);
} verbs[] = {
	{"init", cmd_init},
	{"config", cmd_config},
	{"agency", cmd_agency},
	{"kelurahan", cmd_kelurahan},
	{"rule", cmd_rule},
	{"holiday", cmd_holiday},
	{"template", cmd_template},
	{"reply", cmd_reply},
	{"group", cmd_group},
	{"undo", cmd_undo},
	{"purge", cmd_purge},
};

int
main(int argc, char *argv[])
{
	size_t i;
	int rc;

	cli_init(argc, argv);
	cli_options("", longopts, 0);
	if (argc < 2) {
		usage(stderr);
		return ADUAN_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return cli_finish(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("aduan %s\n", ADUAN_VERSION);
		return cli_finish(0);
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc == 2) {
			fputs(_(overview), stdout);
			return cli_finish(0);
		}
		if (aduan_word_index(programs, argv[2]) >= 0) {
			char *args[] = {argv[2], "--help", NULL};

			run_program(argv[2], args);
		}
		for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
			if (strcmp(argv[2], verbs[i].name) == 0) {
				verb_now = verbs[i].name;
				usage(stdout);
				return cli_finish(0);
			}
		cli_usage_error(usage, "no command \"%s\"", argv[2]);
	}
	if (aduan_word_index(programs, argv[1]) >= 0)
		run_program(argv[1], argv + 1);
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(argv[1], verbs[i].name) == 0) {
			char name[64], **vargv = aduan_xmalloc(sizeof(*vargv) * (size_t)argc);

			/* getopt's messages say "aduan VERB: unrecognized option" */
			snprintf(name, sizeof(name), "aduan %s", argv[1]);
			memcpy(vargv, argv + 1, sizeof(*vargv) * (size_t)argc);
			vargv[0] = name;
			verb_now = verbs[i].name;
			rc = verbs[i].fn(argc - 1, vargv);
			free(vargv);
			return cli_finish(rc);
		}
	cli_usage_error(usage, "unknown command \"%s\"", argv[1]);
}
