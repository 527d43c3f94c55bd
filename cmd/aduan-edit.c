/*
 * aduan-edit - correct what a person entered about complaints, with
 * history and undo.  The options come from the library's field table
 * (lib/complaint.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "edit.h"
#include "field.h"
#include "timeutil.h"
#include "util.h"
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

/* The fixed options, then one per editable field (OPT_FIELD + the field). */
static struct option *
make_longopts(void)
{
	static struct option v[NFIXED + ADUAN_NFIELDS + 1];
	size_t n = NFIXED;
	int k;

	memcpy(v, fixed_opts, sizeof(fixed_opts));
	for (k = 0; k < ADUAN_NFIELDS; k++)
		if (aduan_fields[k].edit != NULL)
			v[n++] = (struct option){aduan_fields[k].edit, required_argument, NULL,
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

struct edit_opts {
	struct cli_common common;
	struct aduan_edit e;
	const char *note, *maps;
	int dry_run, nset;
};

/* The options into o; *argcp and *argvp left with the operands. */
static void
parse_options(struct edit_opts *o, int *argcp, char ***argvp)
{
	const struct option *longopts = make_longopts();
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "", longopts, 0)) != -1) {
		if (ch >= OPT_FIELD) {
			char stamp[21];
			time_t t;

			/* a time as a person says it ("kemarin 16.00"), which a
			 * record's field does not take, made a stamp; else as
			 * given, for the check to judge */
			if ((aduan_fields[ch - OPT_FIELD].flags & AFF_TIME) &&
			    aduan_time_said(optarg, time(NULL), &t) == 0)
				aduan_edit_set(&o->e, ch - OPT_FIELD, aduan_time_utc(t, stamp));
			else
				aduan_edit_set(&o->e, ch - OPT_FIELD, optarg);
			o->nset++;
			continue;
		}
		switch (ch) {
		case OPT_NOTE: o->note = cli_note(optarg, usage); break;
		case OPT_DRY_RUN: o->dry_run = 1; break;
		case OPT_AT_MAPS: o->maps = optarg; break;
		default: cli_common_option(ch, optarg, &o->common, "aduan-edit", usage);
		}
	}
}

/* --at-maps URL: the position a maps link points at, as --lat and --lon. */
static void
set_maps(struct edit_opts *o)
{
	double lat, lon;
	char buf[2][32];

	if (o->e.set[AF_LAT] || o->e.set[AF_LON])
		cli_usage_error(usage, "--at-maps or --lat and --lon, not both");
	if (aduan_maps_coords(o->maps, strlen(o->maps), &lat, &lon) == -1)
		cli_usage_error(usage, "--at-maps: no coordinates in \"%s\"", o->maps);
	snprintf(buf[0], sizeof(buf[0]), "%.7f", lat);
	snprintf(buf[1], sizeof(buf[1]), "%.7f", lon);
	aduan_edit_set(&o->e, AF_LAT, buf[0]);
	aduan_edit_set(&o->e, AF_LON, buf[1]);
	o->nset++;
}

/* Correct complaint id (or, on a dry run, show what would change). */
static void
edit_one(struct aduan_db *db, const struct edit_opts *o, int64_t id, int visible,
    long *skipped)
{
	struct aduan_edit_result r;

	int rc = aduan_edit_apply(db, id, &o->e, o->note, o->dry_run, &r);

	if (cli_outcome(db, rc, 0, skipped) == 0 && o->dry_run)
		print_changes(id, &r, visible);
	else if (rc == 0 && r.n > 0) {
		if (r.closed)
			cli_warn("complaint %lld is closed: corrected all the same, "
			    "and its history says so", (long long)id);
		printf("%lld\n", (long long)id);
	}
	aduan_edit_result_release(&r);
}

int
main(int argc, char *argv[])
{
	struct edit_opts o = {0};
	struct cli_idlist ids = {0};
	struct aduan_db *db;
	int visible, rc;
	long skipped = 0;
	size_t i;

	cli_init(argc, argv);
	aduan_edit_init(&o.e);
	parse_options(&o, &argc, &argv);
	if (o.maps != NULL)
		set_maps(&o);
	if (o.nset == 0)
		cli_usage_error(usage, "what to correct? name a field, e.g. --kelurahan \"Lok Tuan\"");
	cli_ids_required(argc, argv, usage, &ids);

	db = cli_open(o.common.db, ADUAN_RDWR);
	if (aduan_edit_check(db, &o.e, time(NULL)) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	visible = isatty(STDOUT_FILENO);
	if (!o.dry_run)
		cli_begin(db, o.common.by);
	else if ((rc = aduan_db_snapshot(db)) != 0)
		cli_fail(rc);
	for (i = 0; i < ids.n; i++)
		edit_one(db, &o, ids.v[i], visible, &skipped);
	if (o.dry_run)
		aduan_db_rollback(db);
	else
		cli_commit(db);
	free(ids.v);
	aduan_edit_release(&o.e);
	aduan_db_close(db);
	return cli_finish(skipped ? ADUAN_NOMATCH : 0);
}
