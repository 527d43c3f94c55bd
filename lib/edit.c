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

const struct aduan_edit_field aduan_edit_fields[] = {
	{"kelurahan", AF_KELURAHAN, AEK_PLACE, 0},
	{"rt", AF_RT, AEK_RT, 0},
	{"location", AF_LOCATION, AEK_TEXT, 0},
	{"lat", AF_LAT, AEK_COORD, 0},
	{"lon", AF_LON, AEK_COORD, 0},
	{"category", AF_CATEGORY, AEK_TEXT, 0},
	{"priority", AF_PRIORITY, AEK_WORD, AE_REQUIRED | AE_DUE},
	{"channel", AF_CHANNEL, AEK_WORD, AE_REQUIRED},
	{"source", AF_SOURCE, AEK_TEXT, 0},
	{"name", AF_REPORTER_NAME, AEK_TEXT, AE_PERSONAL},
	{"phone", AF_REPORTER_PHONE, AEK_PHONE, AE_PERSONAL},
	{"anonymous", AF_ANONYMOUS, AEK_BOOL, AE_REQUIRED},
	{"confidential", AF_CONFIDENTIAL, AEK_BOOL, AE_REQUIRED},
	{"received", AF_RECEIVED_AT, AEK_TIME, AE_REQUIRED | AE_DUE},
	{"body", AF_BODY, AEK_TEXT, AE_REQUIRED},
	{NULL, 0, 0, 0}
};

/* What every event's prior holds (lifecycle.c writes the same keys). */
static const int lifecycle_fields[] = {
	AF_STATUS, AF_AGENCY, AF_DUE_AT, AF_CLOSED_AT, AF_RESOLUTION, AF_DUPLICATE_OF,
	AF_CATEGORY, AF_PRIORITY, -1
};

static int
is_lifecycle(int field)
{
	int i;

	for (i = 0; lifecycle_fields[i] >= 0; i++)
		if (lifecycle_fields[i] == field)
			return 1;
	return 0;
}

const struct aduan_edit_field *
aduan_edit_field_of(int field)
{
	const struct aduan_edit_field *f;

	for (f = aduan_edit_fields; f->option != NULL; f++)
		if (f->field == field)
			return f;
	return NULL;
}

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
	const struct aduan_edit_field *f;
	struct aduan_complaint c;
	int rc = 0;

	/* a record of just these values goes through intake's checks */
	aduan_complaint_init(&c);
	aduan_complaint_sets(&c, AF_BODY, "-");
	for (f = aduan_edit_fields; f->option != NULL; f++) {
		if (!e->set[f->field])
			continue;
		if (e->v[f->field] == NULL && (f->flags & AE_REQUIRED)) {
			rc = aduan_fail(ADUAN_USAGE, "--%s cannot be made empty", f->option);
			goto out;
		}
		aduan_complaint_sets(&c, f->field, e->v[f->field]);
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
	for (f = aduan_edit_fields; f->option != NULL; f++) {
		if (!e->set[f->field] || e->v[f->field] == NULL)
			continue;
		if (c.v[f->field] == NULL && (f->flags & AE_REQUIRED)) {
			rc = aduan_fail(ADUAN_USAGE, "--%s cannot be made empty", f->option);
			goto out;
		}
		free(e->v[f->field]);
		e->v[f->field] = c.v[f->field] ? aduan_xstrdup(c.v[f->field]) : NULL;
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

/* SQL built once from the tables (column names only, never user text). */
static struct aduan_buf select_sql, event_sql, restore_sql;

static const char *
sql_select(void)
{
	int i;

	if (select_sql.len == 0) {
		aduan_buf_adds(&select_sql, "SELECT id");
		for (i = 1; i < ADUAN_NFIELDS; i++)
			aduan_buf_printf(&select_sql, ", %s", aduan_fields[i].name);
		aduan_buf_adds(&select_sql, " FROM complaint WHERE id = ?1");
	}
	return select_sql.s;
}

/* The event: ?1 complaint, ?2 column, ?3 note, ?4 new value, ?5 invocation. */
static const char *
sql_event(void)
{
	const struct aduan_edit_field *f;
	int i;

	if (event_sql.len == 0) {
		aduan_buf_adds(&event_sql,
		    "INSERT INTO event(complaint, at, actor, action, old_status, new_status, "
		    "old_agency, new_agency, note, invocation, prior) "
		    "SELECT c.id, i.at, i.actor, 'edit', c.status, c.status, c.agency, c.agency, "
		    "?3, i.id, json_object(");
		for (i = 0; lifecycle_fields[i] >= 0; i++)
			aduan_buf_printf(&event_sql, "'%s', c.%s, ",
			    aduan_fields[lifecycle_fields[i]].name,
			    aduan_fields[lifecycle_fields[i]].name);
		for (f = aduan_edit_fields; f->option != NULL; f++)
			if (!is_lifecycle(f->field))
				aduan_buf_printf(&event_sql, "'%s', c.%s, ",
				    aduan_fields[f->field].name, aduan_fields[f->field].name);
		aduan_buf_adds(&event_sql, "'edit', ?2, 'new', ?4) "
		    "FROM complaint c, invocation i WHERE c.id = ?1 AND i.id = ?5");
	}
	return event_sql.s;
}

const char *
aduan_edit_restore_sql(void)
{
	const struct aduan_edit_field *f;

	if (restore_sql.len == 0) {
		aduan_buf_adds(&restore_sql, " ");	/* never empty once built */
		for (f = aduan_edit_fields; f->option != NULL; f++) {
			const char *n = aduan_fields[f->field].name;

			if (is_lifecycle(f->field))
				continue;
			aduan_buf_printf(&restore_sql, ", %s = iif(json_type(?2, '$.%s') IS NULL, "
			    "%s, json_extract(?2, '$.%s'))", n, n, n, n);
		}
	}
	return restore_sql.s;
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

/* Complaint id as stored, every field as text. */
static int
load(struct aduan_db *db, int64_t id, struct aduan_complaint *c)
{
	sqlite3_stmt *st = aduan_db_stmt(db, sql_select());
	int i, rc;

	aduan_complaint_init(c);
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (i = 0; i < ADUAN_NFIELDS; i++)
			aduan_complaint_sets(c, i, (const char *)sqlite3_column_text(st, i));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "no such complaint: %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "reading a complaint");
	return 0;
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
	sqlite3_stmt *st = aduan_db_stmt(db, sql_event());
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, aduan_fields[ch->field].name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ch->new_, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, aduan_db_invocation(db));
	if ((rc = aduan_db_step(db, st, "recording history")) != 0)
		return rc;
	if (sqlite3_changes(aduan_db_sqlite(db)) != 1)
		return aduan_fail(ADUAN_IOERR, "recording history: no write transaction");
	return 0;
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
	const struct aduan_edit_field *f;
	struct aduan_complaint c;
	char due[21];
	int i, rc, moves_due = 0;

	memset(r, 0, sizeof(*r));
	if ((rc = load(db, id, &c)) != 0)
		goto out;
	r->closed = strcmp(c.v[AF_STATUS], "closed") == 0;
	for (f = aduan_edit_fields; f->option != NULL; f++) {
		if (!e->set[f->field] || same(f->field, c.v[f->field], e->v[f->field]))
			continue;
		change(r, f->field, c.v[f->field], e->v[f->field]);
		aduan_complaint_sets(&c, f->field, e->v[f->field]);
		moves_due |= f->flags & AE_DUE;
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
