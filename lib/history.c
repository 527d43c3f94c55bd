/*
 * history.c - a complaint's history read back and told for people.
 */
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "history.h"
#include "internal.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"

/* The words of the event table, for the catalogue. */
static const char *const actions[] = {
	C_("action", "create"), C_("action", "route"), C_("action", "note"),
	C_("action", "close"), C_("action", "reopen"), C_("action", "edit"),
	C_("action", "export"), C_("action", "undo"), C_("action", "purge"),
	C_("action", "forward"), C_("action", "reply"), C_("event", "to"), NULL
};

int
aduan_history_each(struct aduan_db *db, int64_t id,
    int (*fn)(const struct aduan_event *e, void *arg), void *arg)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT at, actor, action, old_status, new_status, old_agency, new_agency, note, "
	    "CASE action WHEN 'edit' THEN json_extract(prior, '$.edit') END, "
	    "CASE action WHEN 'edit' THEN "
	    "  json_extract(prior, '$.' || json_extract(prior, '$.edit')) END, "
	    "CASE action WHEN 'edit' THEN json_extract(prior, '$.new') END "
	    "FROM event WHERE complaint = ? ORDER BY id");
	struct aduan_event e;
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char **v[] = {&e.at, &e.actor, &e.action, &e.old_status, &e.new_status,
		    &e.old_agency, &e.new_agency, &e.note, &e.field, &e.old_value, &e.new_value};
		size_t i;

		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			*v[i] = (const char *)sqlite3_column_text(st, (int)i);
		if ((rc = fn(&e, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "reading history");
	return 0;
}

/* A value of the field as people read it; "(empty)" for none. */
static void
value(struct aduan_buf *b, int field, const char *s, int visible)
{
	if (s == NULL)
		aduan_buf_adds(b, _("(empty)"));
	else if (field >= 0)
		aduan_display(b, field, s, 1, visible);
	else if (visible)
		aduan_visible(b, s, 1);
	else
		aduan_buf_adds(b, s);
}

void
aduan_event_line(struct aduan_buf *b, const struct aduan_event *e, int visible)
{
	time_t t;
	char buf[32];
	int field;

	(void)actions;
	aduan_buf_printf(b, "%s  %-7s %s", aduan_time_from_utc(e->at, &t) == 0 ?
	    aduan_time_local(t, buf) : e->at, aduan_label("action", e->action), e->actor);
	if (e->field != NULL) {
		field = aduan_field_lookup(e->field, strlen(e->field));
		aduan_buf_printf(b, "  %s: ", aduan_label("field", e->field));
		value(b, field, e->old_value, visible);
		aduan_buf_adds(b, " -> ");
		value(b, field, e->new_value, visible);
		if (aduan_status_is(e->old_status, AS_CLOSED))
			aduan_buf_printf(b, " %s", _("(while closed)"));
	} else {
		if (e->new_status != NULL && (e->old_status == NULL ||
		    strcmp(e->old_status, e->new_status) != 0)) {
			aduan_buf_adds(b, "  ");
			if (e->old_status != NULL)
				aduan_buf_printf(b, "%s -> ", aduan_label("status", e->old_status));
			aduan_buf_adds(b, aduan_label("status", e->new_status));
		}
		if (e->new_agency != NULL && (e->old_agency == NULL ||
		    strcmp(e->old_agency, e->new_agency) != 0)) {
			if (e->old_agency != NULL)
				aduan_buf_printf(b, "  %s -> %s", e->old_agency, e->new_agency);
			else
				aduan_buf_printf(b, "  %s %s", aduan_label("event", "to"),
				    e->new_agency);
		}
	}
	if (e->note != NULL) {
		aduan_buf_adds(b, "  \"");
		value(b, -1, e->note, visible);
		aduan_buf_addc(b, '"');
	}
}
