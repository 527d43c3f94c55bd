/*
 * t-learn.c - the migration that starts learning from an existing
 * database (schema 2), and the scores of the rules over stems.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "internal.h"
#include "lifecycle.h"
#include "route.h"
#include "schema.h"
#include "util.h"
#include "tap.h"

static const char old_data[] =
    "INSERT INTO agency(code, name) VALUES ('PUPR', 'PU'), ('DLH', 'LH');\n"
    "INSERT INTO invocation(id, at, actor, command) VALUES (1, '2024-11-18T00:00:00Z', 't', 'x');\n"
    "INSERT INTO complaint(id, uid, received_at, created_at, channel, body, status, agency) VALUES\n"
    " (1, 'u1', '2024-11-18T00:00:00Z', '2024-11-18T00:00:00Z', 'web', 'Jalannya berlubang2', 'routed', 'PUPR'),\n"
    " (2, 'u2', '2024-11-18T00:00:00Z', '2024-11-18T00:00:00Z', 'web', 'sampah menumpuk', 'routed', 'DLH'),\n"
    " (3, 'u3', '2024-11-18T00:00:00Z', '2024-11-18T00:00:00Z', 'web', 'sampah di got', 'routed', 'PUPR'),\n"
    " (4, 'u4', '2024-11-18T00:00:00Z', '2024-11-18T00:00:00Z', 'web', 'belum diteruskan', 'open', NULL);\n"
    "INSERT INTO event(complaint, at, actor, action, new_agency, old_agency, note, invocation) VALUES\n"
    " (1, 'x', 't', 'route', 'PUPR', NULL, NULL, 1),\n"
    " (2, 'x', 't', 'route', 'DLH', NULL, 'rule 3: sampah', 1),\n"
    " (3, 'x', 't', 'route', 'DLH', NULL, 'rule 3: sampah', 1),\n"
    " (3, 'x', 't', 'route', 'PUPR', 'DLH', 'bukan wewenang', 1);\n";

static int
one_text(void *arg, int n, char **v, char **names)
{
	struct aduan_buf *b = arg;

	aduan_buf_printf(b, "%s%s", b->len ? "|" : "", v[0] ? v[0] : "NULL");
	return 0;
}

static const char *
query(sqlite3 *sq, const char *sql)
{
	static struct aduan_buf b;
	char *err = NULL;

	aduan_buf_reset(&b);
	if (sqlite3_exec(sq, sql, one_text, &b, &err) != SQLITE_OK) {
		aduan_buf_printf(&b, "error: %s", err);
		sqlite3_free(err);
	}
	return b.s ? b.s : "";
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	struct aduan_db *db;
	struct aduan_rules rules;
	struct aduan_hits h;
	sqlite3 *sq;
	int fd, i, rc;

	snprintf(path, sizeof(path), "%s/t-learn.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	ok(sqlite3_open(path, &sq) == SQLITE_OK, "a database at schema 2");
	for (i = 0; i < 2; i++)
		ok(sqlite3_exec(sq, aduan_migrations[i], NULL, NULL, NULL) == SQLITE_OK,
		    "migration %d", i + 1);
	ok(sqlite3_exec(sq, old_data, NULL, NULL, NULL) == SQLITE_OK, "with routed complaints");
	ok(sqlite3_exec(sq, "PRAGMA user_version = 2", NULL, NULL, NULL) == SQLITE_OK, "version 2");
	sqlite3_close(sq);

	rc = aduan_db_open(&db, path, ADUAN_RDWR);
	is_int(rc, 0, "aduan opens and migrates it");
	sq = aduan_db_sqlite(db);
	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
		is_str(query(sq, tr.col[0]), tr.col[1], tr.col[2]);

	ok(sqlite3_exec(sq, "INSERT INTO rule(position, pattern, agency, weight) VALUES "
	    "(1, 'jalan rusak|jalan|lubang', 'PUPR', 1), (2, 'sampah menumpuk', 'DLH', 2), "
	    "(3, 'gorong*', 'PUPR', 0.5)", NULL, NULL, NULL) == SQLITE_OK, "three rules");
	is_int(aduan_rules_get(db, &rules), 0, "read with their stems");
	{
		for (tap_rows_open(&tr, "scores"); tap_rows_next(&tr);) {
			char got[128] = "", sc[32];

			aduan_rules_score(&rules, tr.col[0], NULL, &h);
			if (h.n > 0)
				snprintf(got, sizeof(got), "%s %s %s", h.v[0].rule->agency,
				    aduan_decimal(h.v[0].score, 1, sc), h.v[0].match);
			is_str(got, tr.col[1], tr.col[0]);
			aduan_hits_release(&h);
		}
	}
	aduan_rules_release(&rules);
	aduan_db_close(db);
	unlink(path);
	{
		char p2[sizeof(path) + 8];

		snprintf(p2, sizeof(p2), "%s-wal", path);
		unlink(p2);
		snprintf(p2, sizeof(p2), "%s-shm", path);
		unlink(p2);
	}
	return tap_done();
}
