/*
 * aduan-close - close complaints with a resolution, or open them again.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "cli.h"
#include "lifecycle.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-close [--db FILE] [--by NAME]\n"
	    "                   [--resolution resolved|rejected|duplicate|withdrawn]\n"
	    "                   [--duplicate-of N] [--note TEXT] ID ...\n"
	    "       aduan-close [--db FILE] [--by NAME] --reopen [--note TEXT] ID ...\n"
	    "       aduan-close [--db FILE] [--by NAME] --not-complaint [--note TEXT] ID ...\n"), fp);
}

enum {
	OPT_RESOLUTION = OPT_FIRST_LOCAL, OPT_DUPLICATE_OF, OPT_NOTE, OPT_REOPEN,
	OPT_NOT_COMPLAINT
};

static const struct option longopts[] = {
	CLI_COMMON_OPTIONS,
	{"resolution", required_argument, NULL, OPT_RESOLUTION},
	{"duplicate-of", required_argument, NULL, OPT_DUPLICATE_OF},
	{"note", required_argument, NULL, OPT_NOTE},
	{"reopen", no_argument, NULL, OPT_REOPEN},
	{"not-complaint", no_argument, NULL, OPT_NOT_COMPLAINT},
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct cli_idlist ids = {0};
	struct aduan_db *db;
	const char *dbpath = NULL, *by = NULL, *note = NULL, *resolution = NULL;
	int64_t dup = 0;
	int ch, reopen = 0, rc, yes, leave = 0;
	long skipped = 0;
	size_t i;

	cli_init(argc, argv);
	cli_options("", longopts, 0);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_RESOLUTION:
			if ((resolution = aduan_word_canon(aduan_resolutions, optarg)) == NULL)
				cli_usage_error(usage, "--resolution: resolved, rejected, duplicate "
				    "or withdrawn, not \"%s\"", optarg);
			break;
		case OPT_DUPLICATE_OF:
			if (aduan_id_parse(optarg, strlen(optarg), &dup) == -1)
				cli_usage_error(usage, "--duplicate-of: a complaint id, not \"%s\"", optarg);
			break;
		case OPT_NOTE:
			if (*optarg == '\0')
				cli_usage_error(usage, "--note: the note is empty");
			note = optarg;
			break;
		case OPT_REOPEN: reopen = 1; break;
		case OPT_NOT_COMPLAINT: leave = 1; break;
		case OPT_DB: dbpath = optarg; break;
		case OPT_BY: by = optarg; break;
		case OPT_HELP: usage(stdout); return cli_finish(0);
		case OPT_VERSION: printf("aduan-close %s\n", ADUAN_VERSION); return cli_finish(0);
		default: usage(stderr); return ADUAN_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (reopen && (resolution != NULL || dup != 0))
		cli_usage_error(usage, "--reopen takes no resolution");
	if (leave && (reopen || resolution != NULL || dup != 0))
		cli_usage_error(usage, "--not-complaint takes no resolution");
	if (dup != 0 && resolution != NULL && strcmp(resolution, "duplicate") != 0)
		cli_usage_error(usage, "--duplicate-of goes with --resolution duplicate");
	if (dup != 0)
		resolution = "duplicate";
	if (resolution != NULL && strcmp(resolution, "duplicate") == 0 && dup == 0)
		cli_usage_error(usage, "a duplicate of which complaint? --duplicate-of N");
	if (resolution == NULL)
		resolution = "resolved";
	if (argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
	cli_ids(argc, argv, usage, cli_idlist_add, &ids);

	db = cli_open(dbpath, ADUAN_RDWR);
	if (dup != 0) {
		if ((rc = aduan_complaint_exists(db, dup, &yes)) != 0)
			cli_fail(rc);
		if (!yes)
			cli_die(ADUAN_NOMATCH, "--duplicate-of: no such complaint: %lld", (long long)dup);
	}
	cli_begin(db, by);
	for (i = 0; i < ids.n; i++) {
		rc = reopen ? aduan_reopen(db, ids.v[i], note) :
		    leave ? aduan_message_leave(db, ids.v[i], note) :
		    aduan_close(db, ids.v[i], resolution, dup, note);
		if (rc == 0)
			printf("%lld\n", (long long)ids.v[i]);
		else if (rc == ADUAN_NOMATCH || rc == ADUAN_DATAERR) {
			cli_warn("%s", aduan_errmsg());
			skipped++;
		} else {
			aduan_db_rollback(db);
			cli_fail(rc);
		}
	}
	cli_commit(db);
	free(ids.v);
	aduan_db_close(db);
	return cli_finish(skipped ? ADUAN_NOMATCH : 0);
}
