/*
 * aduan-close - close complaints with a resolution, or open them again.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "archive.h"
#include "complaint.h"
#include "db.h"
#include "lifecycle.h"
#include "util.h"
#include "cli.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-close [--db FILE] [--by NAME]\n"
	    "                   [--resolution resolved|rejected|duplicate|withdrawn]\n"
	    "                   [--duplicate-of N] [--note TEXT] [--at TIME] ID ...\n"
	    "       aduan-close [--db FILE] [--by NAME] --reopen [--note TEXT] [--at TIME]\n"
	    "                   ID ...\n"
	    "       aduan-close [--db FILE] [--by NAME] --not-complaint [--note TEXT]\n"
	    "                   [--at TIME] ID ...\n"), fp);
}

enum { OPT_RESOLUTION = OPT_FIRST_LOCAL, OPT_DUPLICATE_OF, OPT_NOTE, OPT_AT };

struct close_opts {
	struct cli_common common;
	const char *note, *resolution;
	int64_t dup;
	time_t at;	/* --at: when it was done (0: now) */
	int reopen, leave;
};

/* The options into o; *argcp and *argvp left with the operands. */
static void
parse_options(struct close_opts *o, int *argcp, char ***argvp)
{
	const struct option longopts[] = {
		CLI_COMMON_OPTIONS,
		{"resolution", required_argument, NULL, OPT_RESOLUTION},
		{"duplicate-of", required_argument, NULL, OPT_DUPLICATE_OF},
		{"note", required_argument, NULL, OPT_NOTE},
		{"at", required_argument, NULL, OPT_AT},
		{"reopen", no_argument, &o->reopen, 1},
		{"not-complaint", no_argument, &o->leave, 1},
		{NULL, 0, NULL, 0}
	};
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "", longopts, 0)) != -1) {
		switch (ch) {
		case OPT_RESOLUTION:
			if ((o->resolution = aduan_word_canon(aduan_resolutions, optarg)) == NULL)
				cli_usage_error(usage, "--resolution: resolved, rejected, duplicate "
				    "or withdrawn, not \"%s\"", optarg);
			break;
		case OPT_DUPLICATE_OF:
			if (aduan_id_parse(optarg, strlen(optarg), &o->dup) == -1)
				cli_usage_error(usage, "--duplicate-of: a complaint id, not \"%s\"", optarg);
			break;
		case OPT_NOTE: o->note = cli_note(optarg, usage); break;
		case OPT_AT: o->at = cli_done_at(optarg, usage); break;
		case 0: break;	/* --reopen, --not-complaint: a flag set */
		default: cli_common_option(ch, optarg, &o->common, "aduan-close", usage);
		}
	}
}

/* The resolution, from --resolution and --duplicate-of. */
static void
check_options(struct close_opts *o)
{
	if (o->reopen && (o->resolution != NULL || o->dup != 0))
		cli_usage_error(usage, "--reopen takes no resolution");
	if (o->leave && (o->reopen || o->resolution != NULL || o->dup != 0))
		cli_usage_error(usage, "--not-complaint takes no resolution");
	if (o->dup != 0 && o->resolution != NULL && strcmp(o->resolution, "duplicate") != 0)
		cli_usage_error(usage, "--duplicate-of goes with --resolution duplicate");
	if (o->dup != 0)
		o->resolution = "duplicate";
	if (o->resolution != NULL && strcmp(o->resolution, "duplicate") == 0 && o->dup == 0)
		cli_usage_error(usage, "a duplicate of which complaint? --duplicate-of N");
	if (o->resolution == NULL)
		o->resolution = "resolved";
}

static int
close_one(struct aduan_db *db, const struct close_opts *o, int64_t id)
{
	if (o->reopen)
		return aduan_reopen(db, id, o->note);
	if (o->leave)
		return aduan_message_leave(db, id, o->note);
	return aduan_close(db, id, o->resolution, o->dup, o->note);
}

/* The database, and the complaint named by --duplicate-of in it. */
static struct aduan_db *
open_db(const struct close_opts *o)
{
	struct aduan_db *db = cli_open(o->common.db, ADUAN_RDWR);
	int rc, yes;

	if (o->dup != 0) {
		if ((rc = aduan_complaint_exists(db, o->dup, &yes)) != 0)
			cli_fail(rc);
		if (!yes)
			cli_die(ADUAN_NOMATCH, "--duplicate-of: no such complaint: %lld",
			    (long long)o->dup);
	}
	return db;
}

int
main(int argc, char *argv[])
{
	struct close_opts o = {0};
	struct cli_idlist ids = {0};
	struct aduan_db *db;
	long skipped = 0;

	cli_init(argc, argv);
	parse_options(&o, &argc, &argv);
	check_options(&o);
	cli_ids_required(argc, argv, usage, &ids);
	db = open_db(&o);
	cli_begin(db, o.common.by);
	if (o.at != 0)
		aduan_db_at(db, o.at);
	for (size_t i = 0; i < ids.n; i++)
		if (cli_outcome(db, close_one(db, &o, ids.v[i]), ADUAN_DATAERR, &skipped) == 0)
			printf("%lld\n", (long long)ids.v[i]);
	cli_commit(db);
	free(ids.v);
	aduan_db_close(db);
	return cli_finish(skipped ? ADUAN_NOMATCH : 0);
}
