/*
 * aduan-route - forward complaints to an agency, by hand (--to) or by
 * the routing rules (--auto), and record follow-up notes (--note).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lifecycle.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-route [--db FILE] [--by NAME] --to AGENCY [--note TEXT] ID ...\n"
	    "       aduan-route [--db FILE] [--by NAME] --auto [--explain] [--dry-run]\n"
	    "                   [--note TEXT] [ID ...]\n"
	    "       aduan-route [--db FILE] [--by NAME] --note TEXT ID ...\n"), fp);
}

enum { OPT_TO = OPT_FIRST_LOCAL, OPT_AUTO, OPT_EXPLAIN, OPT_DRY_RUN, OPT_NOTE };

static const struct option longopts[] = {
	CLI_COMMON_OPTIONS,
	{"to", required_argument, NULL, OPT_TO},
	{"auto", no_argument, NULL, OPT_AUTO},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"note", required_argument, NULL, OPT_NOTE},
	{NULL, 0, NULL, 0}
};

/* Every open complaint that has no agency yet. */
static void
open_ids(struct aduan_db *db, struct cli_idlist *l)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT id FROM complaint WHERE status = 'open' AND agency IS NULL ORDER BY id");
	int rc;

	if (st == NULL)
		cli_fail(ADUAN_IOERR);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cli_idlist_add(sqlite3_column_int64(st, 0), l);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		cli_fail(aduan_db_fail(db, "finding open complaints"));
}

/* A failure that stops everything: nothing of this run is kept. */
static _Noreturn void
stop(struct aduan_db *db, int rc)
{
	aduan_db_rollback(db);
	cli_fail(rc);
}

int
main(int argc, char *argv[])
{
	struct cli_idlist ids = {0};
	struct aduan_rules rules = {0};
	struct aduan_db *db;
	const char *dbpath = NULL, *by = NULL, *to = NULL, *note = NULL;
	char *agency = NULL;
	int ch, autoroute = 0, explain = 0, dry_run = 0, rc;
	long done = 0, skipped = 0, unmatched = 0;
	size_t i;

	cli_init(argc, argv);
	cli_options("", longopts, 0);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_TO: to = optarg; break;
		case OPT_AUTO: autoroute = 1; break;
		case OPT_EXPLAIN: explain = 1; break;
		case OPT_DRY_RUN: dry_run = 1; break;
		case OPT_NOTE:
			if (*optarg == '\0')
				cli_usage_error(usage, "--note: the note is empty");
			note = optarg;
			break;
		case OPT_DB: dbpath = optarg; break;
		case OPT_BY: by = optarg; break;
		case OPT_HELP: usage(stdout); return cli_finish(0);
		case OPT_VERSION: printf("aduan-route %s\n", ADUAN_VERSION); return cli_finish(0);
		default: usage(stderr); return ADUAN_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (to != NULL && autoroute)
		cli_usage_error(usage, "--to and --auto do not go together");
	if (to == NULL && !autoroute && note == NULL)
		cli_usage_error(usage, "say what to do: --to AGENCY, --auto or --note TEXT");
	if ((explain || dry_run) && !autoroute)
		cli_usage_error(usage, "--explain and --dry-run go with --auto");
	if (!autoroute && argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
	cli_ids(argc, argv, usage, cli_idlist_add, &ids);

	db = cli_open(dbpath, dry_run ? ADUAN_RDONLY : ADUAN_RDWR);
	if (to != NULL && (rc = aduan_agency_resolve(db, to, &agency)) != 0)
		cli_usage_error(usage, "--to: %s", aduan_errmsg());
	if (autoroute) {
		if ((rc = aduan_rules_get(db, &rules)) != 0)
			cli_fail(rc);
		if (rules.n == 0)
			cli_die(ADUAN_NOMATCH, "there are no routing rules "
			    "(aduan rule load FILE, or aduan init --preset bontang-utara)");
	}
	if (!dry_run)
		cli_begin(db, by);
	if (autoroute && argc == 0)
		open_ids(db, &ids);

	for (i = 0; i < ids.n; i++) {
		int64_t id = ids.v[i];
		int changed = 1;

		if (autoroute) {
			struct aduan_auto a;

			rc = aduan_route_auto(db, id, &rules, note, dry_run, &a);
			if (rc == 0 && a.rule == NULL) {
				cli_warn("complaint %lld: no rule matches; it stays open", (long long)id);
				unmatched++;
			} else if (rc == 0) {
				done++;
				if (explain || dry_run) {
					printf("%lld\t%s\trule %d\t%s", (long long)id, a.rule->agency,
					    a.rule->position, a.match);
					if (a.category != NULL)
						printf("\tcategory=%s", a.category);
					if (a.priority != NULL)
						printf("\tpriority=%s", a.priority);
					putchar('\n');
				} else
					printf("%lld\n", (long long)id);
			}
			aduan_auto_release(&a);
		} else if (agency != NULL) {
			if ((rc = aduan_route_to(db, id, agency, note, &changed)) == 0) {
				done++;
				if (changed)
					printf("%lld\n", (long long)id);
				else
					cli_warn("complaint %lld is already routed to %s", (long long)id,
					    agency);
			}
		} else if ((rc = aduan_note_add(db, id, note)) == 0) {
			done++;
			printf("%lld\n", (long long)id);
		}
		if (rc == ADUAN_NOMATCH) {
			cli_warn("%s", aduan_errmsg());
			skipped++;
		} else if (rc != 0)
			stop(db, rc);
	}
	if (!dry_run)
		cli_commit(db);
	if (autoroute && (ids.n > 1 || argc == 0))
	{
		if (dry_run && skipped)
			cli_warn("%ld would be routed, %ld left open, some skipped", done, unmatched);
		else if (dry_run)
			cli_warn("%ld would be routed, %ld left open", done, unmatched);
		else if (skipped)
			cli_warn("%ld routed, %ld left open, some skipped", done, unmatched);
		else
			cli_warn("%ld routed, %ld left open", done, unmatched);
	}
	aduan_rules_release(&rules);
	free(agency);
	free(ids.v);
	aduan_db_close(db);
	return cli_finish(skipped || unmatched ? ADUAN_NOMATCH : 0);
}
