/*
 * edit.c - correcting a complaint's fields (see edit.h).
 *
 * Every change is an 'edit' event recorded before the row changes, so
 * its prior holds the whole complaint as it was (the lifecycle fields
 * and every editable one), plus "edit" (the column) and "new" (its new
 * value) for the history.  Undo puts back whatever columns a prior names.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "edit.h"
#include "internal.h"
#include "sla.h"
#include "util.h"

void
aduan_edit_init(struct aduan_edit *e)
{
	memset(e, 0, sizeof(*e));
}

void
aduan_edit_release(struct aduan_edit *e)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		free(e->v[i]);
	memset(e, 0, sizeof(*e));
}

void
aduan_edit_set(struct aduan_edit *e, int field, const char *value)
{
	free(e->v[field]);
	e->v[field] = value != NULL && *value != '\0' ? aduan_xstrdup(value) : NULL;
	e->set[field] = 1;
}

int
aduan_edit_check(struct aduan_db *db, struct aduan_edit *e, time_t now)
{
	struct aduan_complaint c;
	int i, rc = 0;

	/* a record of just these values goes through intake's checks */
	aduan_complaint_init(&c);
	aduan_complaint_sets(&c, AF_BODY, "-");
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		if (!e->set[i] || aduan_fields[i].edit == NULL)
			continue;
		if (e->v[i] == NULL && (aduan_fields[i].flags & AFF_REQUIRED)) {
			rc = aduan_fail(ADUAN_USAGE, "--%s cannot be made empty", aduan_fields[i].edit);
			goto out;
		}
		aduan_complaint_sets(&c, i, e->v[i]);
	}
	if (e->set[AF_LAT] != e->set[AF_LON]) {
		rc = aduan_fail(ADUAN_USAGE, "--lat and --lon go together");
		goto out;
	}
	if ((rc = aduan_complaint_check(db, &c, now)) != 0) {
		if (rc == ADUAN_DATAERR)
			rc = ADUAN_USAGE;
		goto out;
	}
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		if (!e->set[i] || e->v[i] == NULL || aduan_fields[i].edit == NULL)
			continue;
		if (c.v[i] == NULL && (aduan_fields[i].flags & AFF_REQUIRED)) {
			rc = aduan_fail(ADUAN_USAGE, "--%s cannot be made empty", aduan_fields[i].edit);
			goto out;
		}
		free(e->v[i]);
		e->v[i] = c.v[i] ? aduan_xstrdup(c.v[i]) : NULL;
	}
out:
	aduan_complaint_release(&c);
	return rc;
}

void
aduan_edit_result_release(struct aduan_edit_result *r)
{
	int i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].old);
		free(r->v[i].new_);
	}
	memset(r, 0, sizeof(*r));
}

static int
same(int field, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (aduan_fields[field].type == AT_REAL)
		return strtod(a, NULL) == strtod(b, NULL);
	return strcmp(a, b) == 0;
}

static void
change(struct aduan_edit_result *r, int field, const char *old, const char *new_)
{
	struct aduan_edit_change *ch = &r->v[r->n++];

	ch->field = field;
	ch->old = old ? aduan_xstrdup(old) : NULL;
	ch->new_ = new_ ? aduan_xstrdup(new_) : NULL;
}

/* The due date that follows the complaint's (new) priority and receipt. */
static int
new_due(struct aduan_db *db, const struct aduan_complaint *c, char out[21])
{
	int days, rc;

	if ((rc = aduan_sla_days(db, c->v[AF_PRIORITY], c->v[AF_AGENCY], &days)) != 0)
		return rc;
	return aduan_sla_due(db, c->v[AF_RECEIVED_AT], days, out);
}

static int
record(struct aduan_db *db, int64_t id, const struct aduan_edit_change *ch, const char *note)
{
	struct aduan_event_rec e = { .kind = AEV_EDIT, .action = "edit", .note = note,
	    .column = aduan_fields[ch->field].name, .value = ch->new_ };

	return aduan_event_write(db, id, &e);
}

static int
update(struct aduan_db *db, int64_t id, const struct aduan_edit_change *ch)
{
	/* the statement cache keeps the text: one lasting string per column */
	static struct aduan_buf sql[ADUAN_NFIELDS];
	sqlite3_stmt *st;

	if (sql[ch->field].len == 0)
		aduan_buf_printf(&sql[ch->field], "UPDATE complaint SET %s = ?2 WHERE id = ?1",
		    aduan_fields[ch->field].name);
	if ((st = aduan_db_stmt(db, sql[ch->field].s)) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	aduan_field_bind(st, 2, ch->field, ch->new_);
	return aduan_db_step(db, st, "correcting a complaint");
}

int
aduan_edit_apply(struct aduan_db *db, int64_t id, const struct aduan_edit *e,
    const char *note, int dry_run, struct aduan_edit_result *r)
{
	struct aduan_complaint c;
	char due[21];
	int i, rc, moves_due = 0;

	memset(r, 0, sizeof(*r));
	if ((rc = aduan_complaint_get(db, id, &c)) != 0)
		goto out;
	r->closed = aduan_status_is(c.v[AF_STATUS], AS_CLOSED);
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		if (!e->set[i] || aduan_fields[i].edit == NULL || same(i, c.v[i], e->v[i]))
			continue;
		change(r, i, c.v[i], e->v[i]);
		aduan_complaint_sets(&c, i, e->v[i]);
		moves_due |= aduan_fields[i].flags & AFF_DUE;
	}
	/* a closed complaint keeps the due date it was closed against */
	if (moves_due && !r->closed) {
		if ((rc = new_due(db, &c, due)) != 0)
			goto out;
		if (!same(AF_DUE_AT, c.v[AF_DUE_AT], due))
			change(r, AF_DUE_AT, c.v[AF_DUE_AT], due);
	}
	if (dry_run)
		goto out;
	/* every event before the first change: each prior is the whole "before" */
	for (i = 0; i < r->n && rc == 0; i++)
		rc = record(db, id, &r->v[i], note);
	for (i = 0; i < r->n && rc == 0; i++)
		rc = update(db, id, &r->v[i]);
out:
	aduan_complaint_release(&c);
	return rc;
}
