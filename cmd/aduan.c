/*
 * aduan - the front door: "aduan add ..." runs aduan-add, and the admin
 * verbs for reference data and settings live here: one handler and one
 * option table for each command (a verb, or a verb's sub-command), found
 * in the table cmds[] at the end.
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
#include "lifecycle.h"
#include "place.h"
#include "preset.h"
#include "privacy.h"
#include "refdata.h"
#include "route.h"
#include "sla.h"
#include "template.h"
#include "timeutil.h"
#include "util.h"
#include "cli.h"

/* What a command's handler gets: its options and its operands. */
enum {	/* the admin verbs' own options: their values are OPT_FIRST_LOCAL + K_... */
	K_WHATSAPP, K_EMAIL, K_ADDRESS, K_OFFICER, K_TITLE,	/* aduan_agency_fields' order */
	K_PRESET, K_REPLACE, K_UNSET, K_SLA, K_CONTACT, K_CODE, K_ALIAS, K_CATEGORY,
	K_SET_CATEGORY, K_PRIORITY, K_WEIGHT, K_AT, K_LIST, K_OLDER_THAN, K_DRY_RUN,
	K_LANG, K_KELURAHAN, K_RT, K_N
};
struct cmd;
struct args {
	const struct cmd *cmd;
	struct cli_common c;	/* --db, --by */
	const char *v[K_N];	/* each option given: its value ("" for a flag), else NULL */
	int argc;
	char **argv;		/* the operands after the command's name */
};
struct cmd {
	const char *verb, *sub;	/* sub NULL: a verb without sub-commands */
	int (*fn)(struct args *a);
	const char *opts;	/* its own options, by name (see all_opts) */
	const char *shortopts;
	int nargs;		/* operands it takes (-1: the handler checks) */
	const char *need;	/* the usage error for another number of them */
	const char *usage;	/* its lines of the SYNOPSIS, without "usage: " */
	int listing;		/* the listing it prints (enum aduan_listing) */
	int (*rm)(struct aduan_db *db, const char *key);	/* what cmd_rm calls */
};
static const char *verb_now;	/* the verb running, and the command: their usage */
static const struct cmd *cmd_now;
static void usage(FILE *fp);

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

/* ---- options ---------------------------------------------------------------- */

#define END_OPTIONS {NULL, 0, NULL, 0}

/* Every option of the admin verbs, once; each command names its own. */
static const struct option all_opts[] = {
	CLI_COMMON_OPTIONS,
	{"preset", required_argument, NULL, OPT_FIRST_LOCAL + K_PRESET},
	{"replace", no_argument, NULL, OPT_FIRST_LOCAL + K_REPLACE},
	{"unset", no_argument, NULL, OPT_FIRST_LOCAL + K_UNSET},
	{"sla", required_argument, NULL, OPT_FIRST_LOCAL + K_SLA},
	{"contact", required_argument, NULL, OPT_FIRST_LOCAL + K_CONTACT},
	{"whatsapp", required_argument, NULL, OPT_FIRST_LOCAL + K_WHATSAPP},
	{"email", required_argument, NULL, OPT_FIRST_LOCAL + K_EMAIL},
	{"address", required_argument, NULL, OPT_FIRST_LOCAL + K_ADDRESS},
	{"officer", required_argument, NULL, OPT_FIRST_LOCAL + K_OFFICER},
	{"title", required_argument, NULL, OPT_FIRST_LOCAL + K_TITLE},
	{"code", required_argument, NULL, OPT_FIRST_LOCAL + K_CODE},
	{"alias", required_argument, NULL, OPT_FIRST_LOCAL + K_ALIAS},
	{"category", required_argument, NULL, OPT_FIRST_LOCAL + K_CATEGORY},
	{"set-category", required_argument, NULL, OPT_FIRST_LOCAL + K_SET_CATEGORY},
	{"priority", required_argument, NULL, OPT_FIRST_LOCAL + K_PRIORITY},
	{"weight", required_argument, NULL, OPT_FIRST_LOCAL + K_WEIGHT},
	{"at", required_argument, NULL, OPT_FIRST_LOCAL + K_AT},
	{"lang", required_argument, NULL, OPT_FIRST_LOCAL + K_LANG},
	{"kelurahan", required_argument, NULL, OPT_FIRST_LOCAL + K_KELURAHAN},
	{"rt", required_argument, NULL, OPT_FIRST_LOCAL + K_RT},
	{"list", no_argument, NULL, OPT_FIRST_LOCAL + K_LIST},
	{"older-than", required_argument, NULL, OPT_FIRST_LOCAL + K_OLDER_THAN},
	{"dry-run", no_argument, NULL, OPT_FIRST_LOCAL + K_DRY_RUN},
	END_OPTIONS
};

/* A command's own option table: --db, --help, --version and those it
 * names (c->opts: names separated by spaces). */
static void
cmd_options(const struct cmd *c, struct option *table, size_t size)
{
	const struct option *o;
	size_t n = 0, len;
	const char *w;

	for (o = all_opts; o->name != NULL; o++) {
		for (w = c->opts; *w != '\0'; w += len + strspn(w + len, " ")) {
			len = strcspn(w, " ");
			if (strncmp(o->name, w, len) == 0 && o->name[len] == '\0')
				break;
		}
		if ((*w != '\0' || o->val == OPT_DB || o->val == OPT_HELP || o->val == OPT_VERSION) &&
		    n + 1 < size)
			table[n++] = *o;
	}
	memset(&table[n], 0, sizeof(table[n]));
}

/* The options of the command running, from its own table: any other is
 * a usage error naming it (getopt's message). */
static void
parse(struct args *a, int argc, char *argv[], int named)
{
	const struct cmd *c = a->cmd;
	struct option table[sizeof(all_opts) / sizeof(all_opts[0])];
	int ch;

	cmd_options(c, table, sizeof(table) / sizeof(table[0]));
	optind = 1;
	while ((ch = cli_getopt_long(&argc, &argv, c->shortopts, table, 0)) != -1) {
		if (ch == 'k' || ch == 'r')	/* group add's -k K and -r R */
			ch = OPT_FIRST_LOCAL + (ch == 'k' ? K_KELURAHAN : K_RT);
		if (ch >= OPT_FIRST_LOCAL && ch < OPT_FIRST_LOCAL + K_N)
			a->v[ch - OPT_FIRST_LOCAL] = optarg != NULL ? optarg : "";
		else
			cli_common_option(ch, optarg, &a->c, "aduan", usage);
	}
	a->argc = argc - named;
	a->argv = argv + named;
	if (c->nargs >= 0 && a->argc != c->nargs)
		cli_usage_error(usage, "%s", _(c->need));
}

/* A whole number from lo to hi given to option k (0 when not given), or
 * the usage error fmt (which names the option and says what it takes). */
static int
number(const struct args *a, int k, long lo, long hi, const char *fmt)
{
	const char *s = a->v[k];
	char *end;
	long v;

	if (s == NULL)
		return 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		cli_usage_error(usage, fmt, s);
	return (int)v;
}

/* ---- what the handlers share ----------------------------------------------- */

/* Open the database for a change: the invocation's transaction begun. */
static struct aduan_db *
writer(const struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDWR);

	cli_begin(db, a->c.by);
	return db;
}

/* End a change: commit, else a usage error or a failure; 0. */
static int
change(struct aduan_db *db, int rc)
{
	if (rc != 0) {
		aduan_db_rollback(db);
		if (rc == ADUAN_USAGE)
			cli_usage_error(usage, "%s", aduan_errmsg());
		cli_fail(rc);
	}
	cli_commit(db);
	aduan_db_close(db);
	return 0;
}

/* agency rm, holiday rm, group rm: the library's remover of the table */
static int
cmd_rm(struct args *a)
{
	struct aduan_db *db = writer(a);

	return change(db, a->cmd->rm(db, a->argv[0]));
}

/* One line of tab-separated cells, escaped (see cli_tsv_cell). */
static int
print_row(const char *const *cell, int n, void *arg)
{
	struct aduan_buf b = {0};
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			aduan_buf_addc(&b, '\t');
		cli_tsv_cell(&b, cell[i], *(const int *)arg);
	}
	aduan_buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stdout);
	aduan_buf_release(&b);
	return 0;
}

/* agency list, kelurahan list, rule list, holiday list */
static int
cmd_listing(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDONLY);
	int visible = isatty(STDOUT_FILENO), rc;

	if ((rc = aduan_refdata_list(db, a->cmd->listing, print_row, &visible)) != 0)
		cli_fail(rc);
	aduan_db_close(db);
	return 0;
}

/* ---- aduan init, config ------------------------------------------------------ */

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
cmd_init(struct args *a)
{
	struct aduan_db *db;
	char *dir;
	int rc;

	if (a->v[K_REPLACE] && a->v[K_PRESET] == NULL)
		cli_usage_error(usage, "--replace goes with --preset");
	db = cli_open(a->c.db, ADUAN_CREATE);
	if (a->v[K_PRESET] != NULL) {
		dir = aduan_datadir();
		cli_begin(db, a->c.by);
		rc = aduan_preset_load(db, dir, a->v[K_PRESET], a->v[K_REPLACE] != NULL, report_part,
		    NULL);
		free(dir);
		if (rc != 0)
			cli_abort(db, rc);
		cli_commit(db);
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
cmd_config(struct args *a)
{
	struct aduan_db *db;
	int i, unset = a->v[K_UNSET] != NULL;

	if (a->argc > 2 || (unset && a->argc != 1))
		cli_usage_error(usage, "config takes a KEY and maybe a VALUE");
	if (a->argc > 0 && aduan_setting_def(a->argv[0]) == NULL)
		cli_usage_error(usage, "unknown setting \"%s\" ('aduan config' lists them)",
		    a->argv[0]);
	if (a->argc == 2 && check_setting(a->argv[0], a->argv[1]) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if (a->argc == 2 || unset) {
		db = writer(a);
		return change(db, aduan_setting_set(db, a->argv[0], unset ? NULL : a->argv[1]));
	}
	db = cli_open(a->c.db, ADUAN_RDONLY);
	if (a->argc == 0)
		for (i = 0; aduan_settings[i].key != NULL; i++)
			printf("%s\t%s\n", aduan_settings[i].key, aduan_config(db, aduan_settings[i].key));
	else
		printf("%s\n", aduan_config(db, a->argv[0]));
	aduan_db_close(db);
	return 0;
}

/* ---- aduan agency, kelurahan ---------------------------------------------------- */

static int
cmd_agency_add(struct args *a)
{
	int sla = number(a, K_SLA, 1, 365, N_("--sla: working days from 1 to 365, not \"%s\""));
	struct aduan_db *db = writer(a);

	return change(db, aduan_agency_add(db, a->argv[0], a->argv[1], sla, a->v[K_CONTACT]));
}

/* An agency's contacts: each option given sets one ("" clears it). */
static int
cmd_agency_set(struct args *a)
{
	struct aduan_db *db;
	int i;

	for (i = 0; i < AG_NFIELDS && a->v[K_WHATSAPP + i] == NULL; i++)
		;
	if (i == AG_NFIELDS)
		cli_usage_error(usage, "agency set: say what to change "
		    "(--whatsapp, --email, --address, --officer, --title)");
	db = writer(a);
	return change(db, aduan_agency_set(db, a->argv[0], a->v + K_WHATSAPP));
}

static int
cmd_kelurahan_add(struct args *a)
{
	struct aduan_db *db = writer(a);

	return change(db, aduan_kelurahan_add(db, a->argv[0], a->v[K_CODE], a->v[K_ALIAS]));
}

/* ---- aduan rule ------------------------------------------------------------------ */

static int
cmd_rule_add(struct args *a)
{
	int at = number(a, K_AT, 1, 100000, N_("--at: a rule position from 1, not \"%s\""));
	struct aduan_db *db;
	double weight;

	if (aduan_weight_parse(a->v[K_WEIGHT], &weight) != 0)
		cli_usage_error(usage, "--weight: %s", aduan_errmsg());
	db = writer(a);
	return change(db, aduan_rule_add(db, at, a->argv[0], a->v[K_CATEGORY], a->argv[1],
	    a->v[K_SET_CATEGORY], a->v[K_PRIORITY], weight));
}

static int
cmd_rule_rm(struct args *a)
{
	struct aduan_db *db;
	char *end;
	long pos = strtol(a->argv[0], &end, 10);

	if (*a->argv[0] == '\0' || *end != '\0' || pos < 1 || pos > 100000)
		cli_usage_error(usage, "rule rm: a rule number, not \"%s\"", a->argv[0]);
	db = writer(a);
	return change(db, aduan_rule_rm(db, (int)pos));
}

/* Which rule would route TEXT: the winner, then the best rule of every other agency. */
static int
cmd_rule_test(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDONLY);
	struct aduan_rules rules;
	struct aduan_hits hits;
	char sc[32];
	int i, rc;

	if ((rc = aduan_rules_get(db, &rules)) != 0)
		cli_fail(rc);
	aduan_rules_score(&rules, a->argv[0], a->v[K_CATEGORY], &hits);
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
	if (hits.n > 0 && !aduan_hits_sure(&hits))
		cli_warn("close call between %s and %s: no rule is sure",
		    hits.v[0].rule->agency, hits.v[1].rule->agency);
	rc = hits.n == 0;
	aduan_hits_release(&hits);
	aduan_rules_release(&rules);
	aduan_db_close(db);
	if (rc)
		cli_die(ADUAN_NOMATCH, "no rule matches");
	return 0;
}

static int
cmd_rule_load(struct args *a)
{
	struct aduan_db *db = writer(a);
	long n = 0;

	change(db, aduan_rule_load(db, a->argv[0], &n));
	cli_warn("%ld rules loaded", n);
	return 0;
}

/* ---- aduan holiday ----------------------------------------------------------------- */

static int
cmd_holiday_add(struct args *a)
{
	struct aduan_db *db = writer(a);

	return change(db, aduan_holiday_add(db, a->argv[0], a->argv[1]));
}

static int
cmd_holiday_load(struct args *a)
{
	struct aduan_db *db = writer(a);
	long n = 0;
	int rc = aduan_holiday_load(db, a->argv[0], &n);

	change(db, rc == ADUAN_NOMATCH ? ADUAN_IOERR : rc);
	cli_warn("%ld holidays loaded", n);
	return 0;
}

/* ---- aduan group: WhatsApp groups mapped to a place ------------------------------ */

static int
print_group(const struct aduan_group *g, void *arg)
{
	const char *cell[] = {g->name, g->kelurahan, g->rt ? g->rt : ""};

	return print_row(cell, 3, arg);
}

static int
cmd_group_list(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDONLY);
	int visible = isatty(STDOUT_FILENO), rc;

	if ((rc = aduan_group_list(db, print_group, &visible)) != 0)
		cli_fail(rc);
	aduan_db_close(db);
	return 0;
}

static int
cmd_group_add(struct args *a)
{
	struct aduan_db *db;

	if (a->v[K_KELURAHAN] == NULL)
		cli_usage_error(usage, "group add needs a NAME and --kelurahan");
	db = writer(a);
	return change(db, aduan_group_add(db, a->argv[0], a->v[K_KELURAHAN], a->v[K_RT]));
}

/* ---- aduan undo, purge ------------------------------------------------------------ */

static void
undone(int64_t id, int deleted, void *arg)
{
	if (!deleted)
		printf("%lld\n", (long long)id);
}

static int
cmd_undo(struct args *a)
{
	struct aduan_undo_result r;
	struct aduan_db *db;
	char at[32];
	time_t t;
	int rc, visible = isatty(STDOUT_FILENO);

	if (a->v[K_LIST] != NULL) {
		db = cli_open(a->c.db, ADUAN_RDONLY);
		if ((rc = aduan_undo_list(db, print_row, &visible)) != 0)
			cli_fail(rc);
		aduan_db_close(db);
		return 0;
	}
	db = writer(a);
	if ((rc = aduan_undo(db, &r, undone, NULL)) != 0)
		cli_abort(db, rc);
	cli_commit(db);
	if (aduan_time_from_utc(r.at, &t) == 0)
		aduan_time_local(t, at);
	else
		snprintf(at, sizeof(at), "%s", r.at);
	if (r.refdata)
		cli_warn("undid #%lld by %s at %s (%s): the reference data is as it was before",
		    (long long)r.invocation, r.actor, at, r.command);
	else
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

/* Anonymise closed complaints past the retention period (UU PDP). */
static int
cmd_purge(struct args *a)
{
	int years = number(a, K_OLDER_THAN, 1, 100,
	    N_("--older-than: years from 1 to 100, not \"%s\""));
	int dry_run = a->v[K_DRY_RUN] != NULL, rc;
	struct aduan_db *db;
	long n = 0, nmsg = 0;

	if (years == 0)
		cli_usage_error(usage, "purge needs --older-than YEARS");
	db = dry_run ? cli_open(a->c.db, ADUAN_RDONLY) : writer(a);
	if ((rc = aduan_purge(db, years, time(NULL), dry_run, purged, &n)) != 0 ||
	    (rc = purge_messages(db, years, dry_run, &nmsg)) != 0)
		cli_abort(db, rc);
	if (!dry_run) {
		cli_commit(db);
		if ((rc = aduan_db_vacuum(db)) != 0)
			cli_fail(rc);
		cli_warn("%ld closed complaint(s) anonymised", n);
		cli_warn("%ld archived message(s) anonymised", nmsg);
	} else {
		cli_warn("%ld closed complaint(s) would be anonymised", n);
		cli_warn("%ld archived message(s) would be anonymised", nmsg);
	}
	aduan_db_close(db);
	return 0;
}

/* ---- aduan template ----------------------------------------------------------------- */

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
cmd_template_list(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDONLY);
	const char *lang, *origin;
	char *text;
	int i, rc;

	if ((rc = aduan_template_lang(db, a->v[K_LANG], &lang)) != 0)
		cli_usage_error(usage, "--lang: %s", aduan_errmsg());
	printf("name\tlang\tfrom\tdescription\n");
	for (i = 0; aduan_templates[i].name != NULL; i++) {
		if ((rc = aduan_template_get(db, aduan_templates[i].name, lang, &text, &origin)) != 0)
			cli_fail(rc);
		printf("%s\t%s\t%s\t%s\n", aduan_templates[i].name, lang, origin,
		    _(aduan_templates[i].help));
		free(text);
	}
	aduan_db_close(db);
	return 0;
}

static int
cmd_template_show(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDONLY);
	char *text;
	int rc;

	if ((rc = aduan_template_get(db, a->argv[0], a->v[K_LANG], &text, NULL)) != 0)
		change(db, rc);
	fputs(text, stdout);
	free(text);
	aduan_db_close(db);
	return 0;
}

static int
cmd_template_set(struct args *a)
{
	int unset = a->v[K_UNSET] != NULL;
	struct aduan_db *db;
	char *text;

	if (a->argc != (unset ? 1 : 2))
		cli_usage_error(usage, unset ? "template set --unset needs a NAME" :
		    "template set needs a NAME and a FILE (- for stdin)");
	text = unset ? NULL : slurp(a->argv[1]);
	db = writer(a);
	change(db, aduan_template_set(db, a->argv[0], a->v[K_LANG], text));
	free(text);
	return 0;
}

static int
cmd_template_edit(struct args *a)
{
	struct aduan_db *db = cli_open(a->c.db, ADUAN_RDWR);
	const char *name = a->argv[0];
	char *text, *edited;
	int rc;

	if ((rc = aduan_template_get(db, name, a->v[K_LANG], &text, NULL)) != 0)
		change(db, rc);
	edited = edit_text(name, text);
	if (strcmp(edited, text) == 0)
		cli_warn("template %s unchanged", name);
	else {
		cli_begin(db, a->c.by);
		if ((rc = aduan_template_set(db, name, a->v[K_LANG], edited)) != 0) {
			aduan_db_rollback(db);
			cli_die(rc, "%s; template %s not changed", aduan_errmsg(), name);
		}
		cli_commit(db);
	}
	free(edited);
	free(text);
	aduan_db_close(db);
	return 0;
}

/* ---- aduan reply ------------------------------------------------------------ */

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
cmd_reply(struct args *a)
{
	struct cli_idlist ids = {0};
	struct aduan_buf out = {0};
	struct aduan_db *db;
	const char *lang;
	long skipped = 0;
	size_t i;
	int rc;

	cli_ids_required(a->argc, a->argv, usage, &ids);
	db = cli_open(a->c.db, ADUAN_RDWR);
	if ((rc = aduan_template_lang(db, a->v[K_LANG], &lang)) != 0)
		cli_usage_error(usage, "--lang: %s", aduan_errmsg());
	cli_begin(db, a->c.by);
	for (i = 0; i < ids.n; i++)
		cli_outcome(db, reply_one(db, ids.v[i], lang, &out), 0, &skipped);
	cli_commit(db);
	fwrite(out.s ? out.s : "", 1, out.len, stdout);
	aduan_buf_release(&out);
	free(ids.v);
	aduan_db_close(db);
	return skipped ? ADUAN_NOMATCH : 0;
}

/* ---- the commands ----------------------------------------------------------- */

/* A verb's first command is what it does without one named. */
static const struct cmd cmds[] = {
	{"init", NULL, cmd_init, "by preset replace", "", 0, N_("init takes no operands"),
	    N_("aduan init [--db FILE] [--by NAME] [--preset NAME [--replace]]"), 0, NULL},
	{"config", NULL, cmd_config, "by unset", "", -1, NULL,
	    N_("aduan config [--db FILE] [--by NAME] [--unset] [KEY [VALUE]]"), 0, NULL},
	{"agency", "list", cmd_listing, "", "", 0, N_("agency list takes no operands"),
	    N_("aduan agency list [--db FILE]"), ADUAN_LIST_AGENCY, NULL},
	{"agency", "add", cmd_agency_add, "by sla contact", "", 2,
	    N_("agency add needs a CODE and a NAME"),
	    N_("aduan agency add [--db FILE] [--by NAME] CODE NAME [--sla DAYS] [--contact TEXT]"),
	    0, NULL},
	{"agency", "set", cmd_agency_set, "by whatsapp email address officer title", "", 1,
	    N_("agency set needs a CODE"),
	    N_("aduan agency set [--db FILE] [--by NAME] CODE [--whatsapp NUMBER]\n"
	    "                 [--email ADDRESS] [--address TEXT] [--officer NAME] [--title TEXT]"),
	    0, NULL},
	{"agency", "rm", cmd_rm, "by", "", 1, N_("agency rm needs a CODE"),
	    N_("aduan agency rm [--db FILE] [--by NAME] CODE"), 0, aduan_agency_rm},
	{"kelurahan", "list", cmd_listing, "", "", 0, N_("kelurahan list takes no operands"),
	    N_("aduan kelurahan list [--db FILE]"), ADUAN_LIST_KELURAHAN, NULL},
	{"kelurahan", "add", cmd_kelurahan_add, "by code alias", "", 1,
	    N_("kelurahan add needs a NAME"),
	    N_("aduan kelurahan add [--db FILE] [--by NAME] NAME [--code CODE] [--alias ALIAS,...]"),
	    0, NULL},
	{"rule", "list", cmd_listing, "", "", 0, N_("rule list takes no operands"),
	    N_("aduan rule list [--db FILE]"), ADUAN_LIST_RULE, NULL},
	{"rule", "add", cmd_rule_add, "by category set-category priority weight at", "", 2,
	    N_("rule add needs a PATTERN and an AGENCY "
	    "(an empty PATTERN with --category matches on the category)"),
	    N_("aduan rule add [--db FILE] [--by NAME] PATTERN AGENCY [--category C]\n"
	    "               [--set-category C] [--priority P] [--weight W] [--at N]"), 0, NULL},
	{"rule", "rm", cmd_rule_rm, "by", "", 1,
	    N_("rule rm needs a rule number (see 'aduan rule list')"),
	    N_("aduan rule rm [--db FILE] [--by NAME] N"), 0, NULL},
	{"rule", "test", cmd_rule_test, "category", "", 1,
	    N_("rule test needs one TEXT (quote it)"),
	    N_("aduan rule test [--db FILE] [--category C] TEXT"), 0, NULL},
	{"rule", "load", cmd_rule_load, "by", "", 1, N_("rule load needs a FILE"),
	    N_("aduan rule load [--db FILE] [--by NAME] FILE"), 0, NULL},
	{"holiday", "list", cmd_listing, "", "", 0, N_("holiday list takes no operands"),
	    N_("aduan holiday list [--db FILE]"), ADUAN_LIST_HOLIDAY, NULL},
	{"holiday", "add", cmd_holiday_add, "by", "", 2,
	    N_("holiday add needs a DAY (YYYY-MM-DD) and a NAME"),
	    N_("aduan holiday add [--db FILE] [--by NAME] DAY NAME"), 0, NULL},
	{"holiday", "rm", cmd_rm, "by", "", 1, N_("holiday rm needs a DAY"),
	    N_("aduan holiday rm [--db FILE] [--by NAME] DAY"), 0, aduan_holiday_rm},
	{"holiday", "load", cmd_holiday_load, "by", "", 1, N_("holiday load needs a FILE"),
	    N_("aduan holiday load [--db FILE] [--by NAME] FILE"), 0, NULL},
	{"template", "list", cmd_template_list, "lang", "", 0,
	    N_("template list takes no operands"),
	    N_("aduan template list [--db FILE] [--lang id|en]"), 0, NULL},
	{"template", "show", cmd_template_show, "lang", "", 1,
	    N_("template show needs a NAME"),
	    N_("aduan template show [--db FILE] [--lang id|en] NAME"), 0, NULL},
	{"template", "set", cmd_template_set, "by lang unset", "", -1, NULL,
	    N_("aduan template set [--db FILE] [--by NAME] [--lang id|en] NAME FILE|-\n"
	    "aduan template set --unset [--db FILE] [--by NAME] [--lang id|en] NAME"), 0, NULL},
	{"template", "edit", cmd_template_edit, "by lang", "", 1,
	    N_("template edit needs a NAME"),
	    N_("aduan template edit [--db FILE] [--by NAME] [--lang id|en] NAME"), 0, NULL},
	{"reply", NULL, cmd_reply, "by lang", "", -1, NULL,
	    N_("aduan reply [--db FILE] [--by NAME] [--lang id|en] ID ..."), 0, NULL},
	{"group", "list", cmd_group_list, "", "", 0, N_("group list takes no operands"),
	    N_("aduan group list [--db FILE]"), 0, NULL},
	{"group", "add", cmd_group_add, "by kelurahan rt", "k:r:", 1,
	    N_("group add needs a NAME and --kelurahan"),
	    N_("aduan group add [--db FILE] [--by NAME] NAME --kelurahan K [--rt R]"), 0, NULL},
	{"group", "rm", cmd_rm, "by", "", 1, N_("group rm needs a NAME"),
	    N_("aduan group rm [--db FILE] [--by NAME] NAME"), 0, aduan_group_rm},
	{"undo", NULL, cmd_undo, "by list", "", 0, N_("undo takes no operands"),
	    N_("aduan undo [--db FILE] [--by NAME] [--list]"), 0, NULL},
	{"purge", NULL, cmd_purge, "by older-than dry-run", "", 0, N_("purge takes no operands"),
	    N_("aduan purge [--db FILE] [--by NAME] --older-than YEARS [--dry-run]"), 0, NULL},
};
static const size_t ncmds = sizeof(cmds) / sizeof(cmds[0]);

/* The usage lines of verb's commands (NULL: all), or of one command. */
static void
usage_of(FILE *fp, const char *verb, const struct cmd *only)
{
	const char *prefix = _("usage: "), *s, *e;
	int width = (int)strlen(prefix), first = 1;
	size_t i;

	if (verb == NULL) {
		fprintf(fp, "%s%s\n", prefix, _("aduan add|list|route|close|export [ARG ...]"));
		first = 0;
	}
	for (i = 0; i < ncmds; i++) {
		if ((verb != NULL && strcmp(cmds[i].verb, verb) != 0) ||
		    (only != NULL && &cmds[i] != only))
			continue;
		for (s = _(cmds[i].usage); *s != '\0'; s = *e ? e + 1 : e) {
			e = s + strcspn(s, "\n");
			fprintf(fp, "%*s%.*s\n", first ? 0 : width, first ? prefix : "", (int)(e - s), s);
			first = 0;
		}
	}
	if (verb == NULL)
		fprintf(fp, "%*s%s\n", width, "", _("aduan help [COMMAND]"));
}

static void
usage(FILE *fp)
{
	usage_of(fp, verb_now, cmd_now);
}


/* What the option word w is to any of verb's commands: -1 unknown, 0 a
 * flag (or with its value after "="), 1 one that takes the next word. */
static int
option_kind(const char *verb, const char *w)
{
	struct option table[sizeof(all_opts) / sizeof(all_opts[0])];
	const struct option *o;
	const char *p;
	size_t i, len = strcspn(w + 2, "=");

	for (i = 0; i < ncmds; i++) {
		if (strcmp(cmds[i].verb, verb) != 0)
			continue;
		if (w[1] != '-' && w[1] != ':' && (p = strchr(cmds[i].shortopts, w[1])) != NULL)
			return p[1] == ':' && w[2] == '\0';
		cmd_options(&cmds[i], table, sizeof(table) / sizeof(table[0]));
		for (o = table; w[1] == '-' && o->name != NULL; o++)
			if (strncmp(o->name, w + 2, len) == 0 && o->name[len] == '\0')
				return o->has_arg == required_argument && w[2 + len] == '\0';
	}
	return -1;
}

/*
 * The command argv names, else verb's first (*named: 1 when it names
 * one).  A word after an option none of verb's commands knows may be its
 * value: then the option is the error, not the word.
 */
static const struct cmd *
find_cmd(const char *verb, int argc, char *argv[], int *named)
{
	const char *sub = NULL;
	size_t i, first = ncmds;
	int k, kind, unknown = 0;

	for (k = 1; k < argc && sub == NULL; k++) {
		if (strcmp(argv[k], "--") == 0)
			sub = k + 1 < argc ? argv[k + 1] : "";
		else if (argv[k][0] != '-' || argv[k][1] == '\0')
			sub = argv[k];
		else if ((kind = option_kind(verb, argv[k])) == 1)
			k++;
		else if (kind == -1)
			unknown = 1;
	}
	for (i = 0; i < ncmds; i++) {
		if (strcmp(cmds[i].verb, verb) != 0)
			continue;
		if (first == ncmds)
			first = i;
		if (cmds[i].sub != NULL && sub != NULL && strcmp(cmds[i].sub, sub) == 0) {
			*named = 1;
			return &cmds[i];
		}
	}
	*named = 0;
	if (sub != NULL && cmds[first].sub != NULL && !unknown) {
		struct aduan_buf subs = {0};

		for (i = first; i < ncmds && strcmp(cmds[i].verb, verb) == 0; i++)
			aduan_buf_printf(&subs, "%s%s", i > first ? ", " : "", cmds[i].sub);
		cli_usage_error(usage, "%s: one of %s, not \"%s\"", verb, subs.s, sub);
	}
	return &cmds[first];
}

/* Run an admin verb: argv[0] is the verb. */
static int
run_verb(int argc, char *argv[])
{
	struct args a = {0};
	char name[64], **vargv;
	int named, rc;

	verb_now = argv[0];
	a.cmd = find_cmd(argv[0], argc, argv, &named);
	if (named)
		cmd_now = a.cmd;
	/* getopt's messages say "aduan VERB [SUB]: unrecognized option" */
	snprintf(name, sizeof(name), "aduan %s%s%s", argv[0], named ? " " : "",
	    named ? a.cmd->sub : "");
	vargv = aduan_xmalloc(sizeof(*vargv) * (size_t)(argc + 1));
	memcpy(vargv, argv, sizeof(*vargv) * (size_t)(argc + 1));
	vargv[0] = name;
	parse(&a, argc, vargv, named);
	rc = a.cmd->fn(&a);
	free(vargv);
	return rc;
}

static int
is_verb(const char *s)
{
	size_t i = 0;

	while (i < ncmds && strcmp(cmds[i].verb, s) != 0)
		i++;
	return i < ncmds;
}

int
main(int argc, char *argv[])
{
	cli_init(argc, argv);
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
		if (!is_verb(argv[2]))
			cli_usage_error(usage, "no command \"%s\"", argv[2]);
		verb_now = argv[2];
		usage(stdout);
		return cli_finish(0);
	}
	if (aduan_word_index(programs, argv[1]) >= 0)
		run_program(argv[1], argv + 1);
	if (!is_verb(argv[1]))
		cli_usage_error(usage, "unknown command \"%s\"", argv[1]);
	return cli_finish(run_verb(argc - 1, argv + 1));
}
