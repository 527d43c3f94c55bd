/*
 * t-edit.c - the table of editable fields against the schema: every
 * entry names a column of the complaint table as SQLite reports it, with
 * the type the field table gives, each once; a column that may not be
 * empty is marked so.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "edit.h"
#include "internal.h"
#include "tap.h"

int
main(void)
{
	static const char *const sqltype[] = {
		[AT_TEXT] = "TEXT", [AT_INT] = "INTEGER", [AT_REAL] = "REAL", [AT_BOOL] = "INTEGER"
	};
	const struct aduan_edit_field *f, *g;
	struct aduan_db *adb = NULL;
	char dir[] = "/tmp/t-edit.XXXXXX", path[64];
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	/* the schema as the library makes it, every migration applied */
	ok(mkdtemp(dir) != NULL, "a scratch folder");
	snprintf(path, sizeof(path), "%s/a.db", dir);
	ok(aduan_db_open(&adb, path, ADUAN_CREATE) == 0, "a database: %s", aduan_errmsg());
	if (adb == NULL)
		return tap_done();
	db = aduan_db_sqlite(adb);
	ok(sqlite3_prepare_v2(db, "SELECT type, \"notnull\" FROM pragma_table_info('complaint') "
	    "WHERE name = ?", -1, &st, NULL) == SQLITE_OK, "table_info");
	for (f = aduan_edit_fields; f->option != NULL; f++, n++) {
		const char *name = aduan_fields[f->field].name;
		int found;

		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		ok(found, "--%s edits the column %s", f->option, name);
		if (found) {
			is_str((const char *)sqlite3_column_text(st, 0), sqltype[aduan_fields[f->field].type],
			    name);
			if (sqlite3_column_int(st, 1))
				ok(f->flags & AE_REQUIRED, "%s is NOT NULL: marked required", name);
		}
		sqlite3_reset(st);
		for (g = aduan_edit_fields; g != f; g++)
			if (g->field == f->field || strcmp(g->option, f->option) == 0)
				break;
		ok(g == f, "--%s is the only entry for its column and option", f->option);
		ok(aduan_edit_field_of(f->field) == f, "aduan_edit_field_of finds --%s", f->option);
		ok(f->field != AF_ID && f->field != AF_UID && f->field != AF_STATUS &&
		    f->field != AF_AGENCY && f->field != AF_DUE_AT && f->field != AF_CREATED_AT,
		    "--%s is something a person entered, not the record's own bookkeeping", f->option);
	}
	ok(n >= 15, "the editable fields: %d", n);
	is_int(aduan_edit_field_of(AF_STATUS) == NULL, 1, "status is not edited here (aduan-route, aduan-close)");
	sqlite3_finalize(st);
	aduan_db_close(adb);
	unlink(path);
	snprintf(path, sizeof(path), "%s/a.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/a.db-shm", dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
