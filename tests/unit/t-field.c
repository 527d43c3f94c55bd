/*
 * t-field.c - the field table (aduan_fields[], complaint.c) against the
 * schema of a freshly migrated database: every column in the table's
 * order with its type and NOT NULL, the words each CHECK allows (parsed
 * from sqlite_master, and tried: each accepted, a wrong one refused),
 * what the table says of editing, privacy and history; and the status
 * transitions.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "tap.h"

static const char *const sqltype[] = {
	[AT_TEXT] = "TEXT", [AT_INT] = "INTEGER", [AT_REAL] = "REAL", [AT_BOOL] = "INTEGER"
};

/* PRAGMA table_info: each column is the table's field of its position. */
static void
columns(sqlite3 *db)
{
	sqlite3_stmt *st;
	char what[128];
	int n = 0, i;

	ok(sqlite3_prepare_v2(db, "SELECT cid, name, type, \"notnull\" FROM pragma_table_info('complaint') "
	    "ORDER BY cid", -1, &st, NULL) == SQLITE_OK, "table_info");
	while (sqlite3_step(st) == SQLITE_ROW) {
		i = sqlite3_column_int(st, 0);
		n++;
		if (!ok(i < ADUAN_NFIELDS, "column %d has a field", i))
			continue;
		snprintf(what, sizeof(what), "column %d is %s", i, aduan_fields[i].name);
		is_str((const char *)sqlite3_column_text(st, 1), aduan_fields[i].name, what);
		snprintf(what, sizeof(what), "%s: its type", aduan_fields[i].name);
		is_str((const char *)sqlite3_column_text(st, 2), sqltype[aduan_fields[i].type], what);
		snprintf(what, sizeof(what), "%s: NOT NULL as and only as AFF_REQUIRED",
		    aduan_fields[i].name);
		is_int(sqlite3_column_int(st, 3), !!(aduan_fields[i].flags & AFF_REQUIRED), what);
	}
	sqlite3_finalize(st);
	is_int(n, ADUAN_NFIELDS, "as many columns as fields");
}

/* The words of "name ... CHECK (name = 'a' OR name = 'b' ...)" in the table's SQL. */
static int
check_words(const char *sql, const char *name, char words[][32], int max)
{
	char key[64];
	const char *p, *q = sql;
	int n = 0;

	snprintf(key, sizeof(key), "%s = '", name);
	while ((p = strstr(q, key)) != NULL && n < max) {
		q = p + strlen(key);
		if (p > sql && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
			continue;	/* the end of a longer name */
		p = q;
		q = strchr(p, '\'');
		snprintf(words[n++], 32, "%.*s", (int)(q - p), p);
	}
	return n > 0 ? n : -1;
}

/* A row to try words on: 1 for accepted, 0 for refused by a CHECK. */
static int
try_word(sqlite3 *db, const char *col, const char *word)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "UPDATE complaint SET %s = ?1 WHERE id = 1", col);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 1 : (rc & 0xff) == SQLITE_CONSTRAINT ? 0 : -1;
}

static void
words(sqlite3 *db)
{
	char w[16][32], what[160];
	sqlite3_stmt *st;
	const char *sql;
	int i, k, n;

	ok(sqlite3_exec(db, "INSERT INTO complaint(id, uid, received_at, created_at, channel, body) "
	    "VALUES (1, 'u', '2024-11-28T06:05:00Z', '2024-11-28T06:05:00Z', 'other', 'x')",
	    NULL, NULL, NULL) == SQLITE_OK, "a row to try words on");
	ok(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = 'complaint'", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW, "the table's SQL");
	sql = (const char *)sqlite3_column_text(st, 0);
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		const char *const *list = aduan_fields[i].words;
		const char *name = aduan_fields[i].name;

		n = check_words(sql, name, w, 16);
		if (list == NULL) {
			ok(n == -1 || aduan_fields[i].type == AT_BOOL, "%s: no word list, no CHECK of words",
			    name);
			continue;
		}
		for (k = 0; k < n; k++)
			ok(aduan_word_index(list, w[k]) >= 0, "%s: the CHECK's word '%s' is in the table",
			    name, w[k]);
		for (k = 0; list[k] != NULL; k++)
			is_int(try_word(db, name, list[k]), 1, list[k]);
		is_int(k, n, "as many words as the CHECK has");
		snprintf(what, sizeof(what), "%s: a wrong word is refused", name);
		is_int(try_word(db, name, "nonsense"), 0, what);
		ok(aduan_fields[i].dflt == NULL || aduan_word_index(list, aduan_fields[i].dflt) >= 0,
		    "%s: the default is one of its words", name);
	}
	sqlite3_finalize(st);
	is_str(aduan_statuses[AS_OPEN], "open", "AS_OPEN");
	is_str(aduan_statuses[AS_ROUTED], "routed", "AS_ROUTED");
	is_str(aduan_statuses[AS_CLOSED], "closed", "AS_CLOSED");
	is_int(aduan_statuses[AS_NSTATUS] == NULL, 1, "three statuses");
}

/* What the table says beside the schema. */
static void
meaning(void)
{
	int i, k, nedit = 0;

	for (i = 0; i < ADUAN_NFIELDS; i++) {
		const struct aduan_field *f = &aduan_fields[i];

		is_int(aduan_field_lookup(f->name, strlen(f->name)), i, f->name);
		if (f->edit != NULL) {
			nedit++;
			ok(f->flags & AFF_ENTERED, "--%s corrects what a person entered", f->edit);
			for (k = 0; k < i; k++)
				if (aduan_fields[k].edit != NULL && strcmp(aduan_fields[k].edit, f->edit) == 0)
					break;
			ok(k == i, "--%s names one field", f->edit);
		}
		if (f->privacy == APV_MASKED)
			ok(i == AF_REPORTER_NAME || i == AF_REPORTER_PHONE, "%s: a mask for it", f->name);
		if (f->flags & AFF_TIME)
			ok(f->type == AT_TEXT, "%s: a time is a UTC stamp as text", f->name);
		ok(f->width > 0, "%s: a worksheet width", f->name);
	}
	is_int(nedit, 15, "aduan-edit corrects 15 fields");
	ok(aduan_fields[AF_STATUS].edit == NULL, "status is not edited (aduan-route, aduan-close)");
	ok(aduan_fields[AF_STATUS].flags & AFF_PRIOR, "every event's prior keeps the status");
}

/* The status transitions, each action from each status: as rows. */
static void
transitions(void)
{
	static const struct {
		enum aduan_action a;
		const char *from, *agency;
		const char *to;		/* NULL: refused */
	} rows[] = {
		{AA_ROUTE, "open", NULL, "routed"}, {AA_ROUTE, "routed", "PUPR", "routed"},
		{AA_ROUTE, "closed", "PUPR", NULL},
		{AA_ROUTE_AUTO, "open", NULL, "routed"}, {AA_ROUTE_AUTO, "routed", "PUPR", NULL},
		{AA_ROUTE_AUTO, "closed", NULL, NULL},
		{AA_CLOSE, "open", NULL, "closed"}, {AA_CLOSE, "routed", "DLH", "closed"},
		{AA_CLOSE, "closed", NULL, NULL},
		{AA_REOPEN, "closed", NULL, "open"}, {AA_REOPEN, "closed", "DLH", "routed"},
		{AA_REOPEN, "open", NULL, NULL}, {AA_REOPEN, "routed", "DLH", NULL},
		{AA_NOTE, "open", NULL, "open"}, {AA_NOTE, "routed", "DLH", "routed"},
		{AA_NOTE, "closed", NULL, "closed"},
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *to = NULL;
		int rc = aduan_transition(rows[i].a, 7, rows[i].from, rows[i].agency, &to);

		if (rows[i].to == NULL)
			ok(rc == ADUAN_NOMATCH && strstr(aduan_errmsg(), "complaint 7 ") != NULL,
			    "action %d refused from %s: %s", rows[i].a, rows[i].from, aduan_errmsg());
		else
			ok(rc == 0 && to != NULL && strcmp(to, rows[i].to) == 0,
			    "action %d takes %s to %s", rows[i].a, rows[i].from, rows[i].to);
	}
	aduan_transition(AA_ROUTE_AUTO, 7, "routed", "PUPR", NULL);
	ok(strstr(aduan_errmsg(), "routed to PUPR") != NULL, "the refusal names the agency: %s",
	    aduan_errmsg());
}

int
main(void)
{
	struct aduan_db *adb = NULL;
	char dir[] = "/tmp/t-field.XXXXXX", path[64];

	/* the schema as the library makes it, every migration applied */
	tap_scratch(dir, path, sizeof(path));
	ok(aduan_db_open(&adb, path, ADUAN_CREATE) == 0, "a database: %s", aduan_errmsg());
	if (adb == NULL)
		return tap_done();
	columns(aduan_db_sqlite(adb));
	words(aduan_db_sqlite(adb));
	meaning();
	transitions();
	aduan_db_close(adb);
	tap_scratch_remove(dir);
	return tap_done();
}
