/*
 * aduan-edit - correct what a person entered about complaints, with
 * history and undo.  The options come from the library's table of
 * editable fields (lib/edit.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "edit.h"
#include "whatsapp.h"
#include "writer.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-edit [--db FILE] [--by NAME] [--kelurahan K] [--rt RT]\n"
	    "                  [--location TEXT] [--lat LAT --lon LON | --at-maps URL]\n"
	    "                  [--category C] [--priority P] [--channel C] [--source S]\n"
	    "                  [--name NAME] [--phone PHONE] [--anonymous yes|no]\n"
	    "                  [--confidential yes|no] [--received TIME] [--body TEXT]\n"
	    "                  [--note TEXT] [--dry-run] ID ... | -\n"), fp);
}

enum { OPT_NOTE = OPT_FIRST_LOCAL, OPT_DRY_RUN, OPT_AT_MAPS, OPT_FIELD };

static const struct option fixed_opts[] = {
	CLI_COMMON_OPTIONS,
	{"note", required_argument, NULL, OPT_NOTE},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"at-maps", required_argument, NULL, OPT_AT_MAPS},
};
#define NFIXED (sizeof(fixed_opts) / sizeof(fixed_opts[0]))

/* The fixed options, then one per editable field (OPT_FIELD + its row). */
static struct option *
make_longopts(void)
{
	static struct option v[NFIXED + ADUAN_NFIELDS + 1];
	size_t n = NFIXED;
	int k;

	memcpy(v, fixed_opts, sizeof(fixed_opts));
	for (k = 0; aduan_edit_fields[k].option != NULL; k++)
		v[n++] = (struct option){aduan_edit_fields[k].option, required_argument, NULL,
		    OPT_FIELD + k};
	v[n] = (struct option){NULL, 0, NULL, 0};
	return v;
}

/* One value as people read it ("(empty)" for none). */
static void
show(struct aduan_buf *b, int field, const char *s, int visible)
{
	if (s == NULL)
		aduan_buf_adds(b, _("(empty)"));
	else
		aduan_display(b, field, s, 1, visible);
}

static void
print_changes(int64_t id, const struct aduan_edit_result *r, int visible)
{
	struct aduan_buf b = {0};
	int i;

	for (i = 0; i < r->n; i++) {
		const struct aduan_edit_change *ch = &r->v[i];

		aduan_buf_reset(&b);
		aduan_buf_printf(&b, "%lld  %s: ", (long long)id,
		    aduan_label("field", aduan_fields[ch->field].name));
		show(&b, ch->field, ch->old, visible);
		aduan_buf_adds(&b, " -> ");
		show(&b, ch->field, ch->new_, visible);
		puts(b.s);
	}
	aduan_buf_release(&b);
}

int
main(int argc, char *argv[])
{
	struct cli_idlist ids = {0};
	struct aduan_edit e;
	struct aduan_db *db;
	const char *dbpath = NULL, *by = NULL, *note = NULL, *maps = NULL;
	int ch, dry_run = 0, visible, rc, nset = 0;
	long skipped = 0;
	size_t i;
	struct option *longopts;

	cli_init(argc, argv);
	aduan_edit_init(&e);
	longopts = make_longopts();
	cli_options("", longopts, 0);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch >= OPT_FIELD) {
			aduan_edit_set(&e, aduan_edit_fields[ch - OPT_FIELD].field, optarg);
			nset++;
			continue;
		}
		switch (ch) {
		case OPT_NOTE:
			if (*optarg == '\0')
				cli_usage_error(usage, "--note: the note is empty");
			note = optarg;
			break;
		case OPT_DRY_RUN: dry_run = 1; break;
		case OPT_AT_MAPS: maps = optarg; break;
		case OPT_DB: dbpath = optarg; break;
		case OPT_BY: by = optarg; break;
		case OPT_HELP: usage(stdout); return cli_finish(0);
		case OPT_VERSION: printf("aduan-edit %s\n", ADUAN_VERSION); return cli_finish(0);
		default: usage(stderr); return ADUAN_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (maps != NULL) {
		double lat, lon;
		char buf[2][32];

		if (e.set[AF_LAT] || e.set[AF_LON])
			cli_usage_error(usage, "--at-maps or --lat and --lon, not both");
		if (aduan_maps_coords(maps, strlen(maps), &lat, &lon) == -1)
			cli_usage_error(usage, "--at-maps: no coordinates in \"%s\"", maps);
		snprintf(buf[0], sizeof(buf[0]), "%.7f", lat);
		snprintf(buf[1], sizeof(buf[1]), "%.7f", lon);
		aduan_edit_set(&e, AF_LAT, buf[0]);
		aduan_edit_set(&e, AF_LON, buf[1]);
		nset++;
	}
	if (nset == 0)
		cli_usage_error(usage, "what to correct? name a field, e.g. --kelurahan \"Lok Tuan\"");
	if (argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
	cli_ids(argc, argv, usage, cli_idlist_add, &ids);

	db = cli_open(dbpath, ADUAN_RDWR);
	if ((rc = aduan_edit_check(db, &e, time(NULL))) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	visible = isatty(STDOUT_FILENO);
	if (!dry_run)
		cli_begin(db, by);
	else if ((rc = aduan_db_snapshot(db)) != 0)
		cli_fail(rc);
	for (i = 0; i < ids.n; i++) {
		struct aduan_edit_result r;

		rc = aduan_edit_apply(db, ids.v[i], &e, note, dry_run, &r);
		if (rc == ADUAN_NOMATCH) {
			cli_warn("%s", aduan_errmsg());
			skipped++;
		} else if (rc != 0) {
			aduan_db_rollback(db);
			cli_fail(rc);
		} else if (dry_run)
			print_changes(ids.v[i], &r, visible);
		else if (r.n > 0) {
			if (r.closed)
				cli_warn("complaint %lld is closed: corrected all the same, "
				    "and its history says so", (long long)ids.v[i]);
			printf("%lld\n", (long long)ids.v[i]);
		}
		aduan_edit_result_release(&r);
	}
	if (dry_run)
		aduan_db_rollback(db);
	else
		cli_commit(db);
	free(ids.v);
	aduan_edit_release(&e);
	aduan_db_close(db);
	return cli_finish(skipped ? ADUAN_NOMATCH : 0);
}
