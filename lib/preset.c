/*
 * preset.c - presets: the reference data of a kecamatan (kelurahan,
 * agencies, routing rules, holidays) loaded from DATADIR/NAME.*.tsv into
 * an office's database, and such a load undone.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "db.h"
#include "internal.h"
#include "preset.h"
#include "refdata.h"
#include "route.h"
#include "sla.h"
#include "util.h"

/* ---- loading a preset ----------------------------------------------------- */

static int refdata_snapshot(struct aduan_db *db, char **json);
static int refdata_keep(struct aduan_db *db, const char *before, const char *summary);

struct loadctx {
	struct aduan_db *db;
	long n, added;
};

/* Whether the row a preset line names is there already (key = ?1). */
static int
present(struct loadctx *x, const char *sql, const char *key)
{
	sqlite3_stmt *st = aduan_db_stmt(x->db, sql);
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		x->added++;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : aduan_db_fail(x->db, "loading a preset");
}

static int
load_kelurahan(char **f, int n, long line, void *arg)
{
	struct loadctx *x = arg;
	int rc;

	x->n++;
	if ((rc = present(x, "SELECT 1 FROM kelurahan WHERE name = ?1", f[0])) != 0)
		return rc;
	return aduan_kelurahan_add(x->db, f[0], n > 1 ? f[1] : NULL, n > 2 ? f[2] : NULL);
}

static int
load_agency(char **f, int n, long line, void *arg)
{
	struct loadctx *x = arg;

	const char *v[AG_NFIELDS] = {0};
	int i, rc;

	x->n++;
	if ((rc = present(x, "SELECT 1 FROM agency WHERE code = ?1 COLLATE NOCASE", f[0])) != 0)
		return rc;
	if ((rc = aduan_agency_add(x->db, f[0], n > 1 ? f[1] : NULL,
	    n > 2 && *f[2] ? atoi(f[2]) : 0, n > 3 ? f[3] : NULL)) != 0)
		return rc;
	/* the contact columns, when the file has them */
	for (i = 0; i < AG_NFIELDS && 4 + i < n; i++)
		v[i] = f[4 + i];
	if ((rc = aduan_agency_set(x->db, f[0], v)) != 0)
		return aduan_fail(rc == ADUAN_USAGE ? ADUAN_DATAERR : rc, "agency file:%ld: %s", line,
		    aduan_errmsg());
	return 0;
}

/*
 * A preset's rule takes the place of the office's rule with the same
 * pattern and category (an update); any other rule of the office stays.
 */
static int
load_rule(char **f, int n, long line, void *arg)
{
	struct loadctx *x = arg;
	int found, rc;

	x->n++;
	if ((rc = aduan_rule_forget(x->db, f[0], n > 1 ? f[1] : NULL, &found)) != 0)
		return rc;
	if (!found)
		x->added++;
	return aduan_rule_row(x->db, f, n, "rule file", line);
}

static int
load_holiday(char **f, int n, long line, void *arg)
{
	struct loadctx *x = arg;
	int rc;

	x->n++;
	if (n < 2)
		return aduan_fail(ADUAN_DATAERR, "holiday file:%ld: a day and a name", line);
	if ((rc = present(x, "SELECT 1 FROM holiday WHERE day = ?1", f[0])) != 0)
		return rc;
	if ((rc = aduan_holiday_add(x->db, f[0], f[1])) != 0)
		return aduan_fail(ADUAN_DATAERR, "holiday file:%ld: %s", line, aduan_errmsg());
	return 0;
}

static const struct {
	const char *part;
	int (*fn)(char **, int, long, void *);
} preset_parts[] = {
	{"kelurahan", load_kelurahan},
	{"agency", load_agency},
	{"rule", load_rule},
	{"holiday", load_holiday},
};

int
aduan_preset_load(struct aduan_db *db, const char *dir, const char *name, int replace,
    void (*report)(const char *part, long added, long updated, void *arg), void *arg)
{
	struct aduan_buf path = {0}, summary = {0};
	char *before;
	size_t i;
	int rc, found = 0;

	if ((rc = refdata_snapshot(db, &before)) != 0)
		return rc;
	for (i = 0; i < sizeof(preset_parts) / sizeof(preset_parts[0]); i++) {
		struct loadctx x = {db, 0, 0};

		aduan_buf_reset(&path);
		aduan_buf_printf(&path, "%s/%s.%s.tsv", dir, name, preset_parts[i].part);
		if (access(path.s, R_OK) == -1)
			continue;
		/* --replace: the preset's rules are all the rules there are */
		if (replace && preset_parts[i].fn == load_rule && (rc = aduan_rule_clear(db)) != 0)
			break;
		if ((rc = aduan_tsv_load(path.s, preset_parts[i].fn, &x)) != 0)
			break;
		aduan_buf_printf(&summary, "%s%s %ld", found++ ? ", " : "", preset_parts[i].part, x.n);
		if (report != NULL)
			report(preset_parts[i].part, x.added, x.n - x.added, arg);
	}
	if (rc == 0 && found == 0)
		rc = aduan_fail(ADUAN_USAGE, "no preset \"%s\" in %s", name, dir);
	if (rc == 0)
		rc = refdata_keep(db, before, summary.s);
	free(before);
	aduan_buf_release(&path);
	aduan_buf_release(&summary);
	return rc;
}

/* ---- undoing a preset ------------------------------------------------------ */

/*
 * The tables a preset changes, in the order they are filled again.  A
 * table with a key keeps the rows undo finds under the same key and
 * updates them in place (complaints and groups refer to them; a renamed
 * kelurahan takes its complaints back to the old name); prep clears what
 * must not collide meanwhile.  The others are emptied and filled again.
 */
static const struct refpart {
	const char *table, *key, *order, *prep;
} refparts[] = {
	{"kelurahan", "folded", "folded", "UPDATE kelurahan SET code = NULL"},
	{"agency", "code", "code", NULL},
	{"kelurahan_alias", NULL, "folded", NULL},
	{"rule", NULL, "position, id", NULL},
	{"holiday", NULL, "day", NULL},
};
#define NREFPARTS (sizeof(refparts) / sizeof(refparts[0]))

/* Run sql (built here from the schema's own names) with ?1 = json and
 * ?2 = json2; the text of its first row's first column to *out. */
static int
refexec2(struct aduan_db *db, const char *sql, const char *json, const char *json2, char **out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(aduan_db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "undoing a preset");
	if (json != NULL)
		sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (json2 != NULL)
		sqlite3_bind_text(st, 2, json2, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && out != NULL)
		*out = aduan_db_column(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "undoing a preset");
	sqlite3_finalize(st);
	return rc;
}

static int
refexec(struct aduan_db *db, const char *sql, const char *json, char **out)
{
	return refexec2(db, sql, json, NULL, out);
}

/* The columns of table, each written by fmt (printf: name, name), joined by sep. */
static int
columns(struct aduan_db *db, const char *table, const char *fmt, const char *sep,
    struct aduan_buf *out)
{
	const char *arg[] = {table, fmt, sep};
	sqlite3_stmt *st;
	int i, rc;

	if ((st = aduan_db_stmt(db,
	    "SELECT group_concat(printf(?2, name, name), ?3) FROM pragma_table_info(?1)")) == NULL)
		return ADUAN_IOERR;
	for (i = 0; i < 3; i++)
		sqlite3_bind_text(st, i + 1, arg[i], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		aduan_buf_adds(out, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(db, "reading the schema");
}

/* The reference tables as they are: {"TABLE": [{"COLUMN": value, ...}, ...], ...}. */
static int
refdata_snapshot(struct aduan_db *db, char **json)
{
	struct aduan_buf sql = {0};
	size_t i;
	int rc = 0;

	aduan_buf_adds(&sql, "SELECT json_object(");
	for (i = 0; i < NREFPARTS && rc == 0; i++) {
		aduan_buf_printf(&sql, "%s'%s', (SELECT json_group_array(json(r)) FROM "
		    "(SELECT json_object(", i ? ", " : "", refparts[i].table);
		rc = columns(db, refparts[i].table, "'%s', %s", ", ", &sql);
		aduan_buf_printf(&sql, ") AS r FROM %s ORDER BY %s))", refparts[i].table,
		    refparts[i].order);
	}
	aduan_buf_adds(&sql, ")");
	*json = NULL;
	if (rc == 0)
		rc = refexec(db, sql.s, NULL, json);
	aduan_buf_release(&sql);
	return rc;
}

/* Keep what the invocation's preset load changed (before it and after it). */
static int
refdata_keep(struct aduan_db *db, const char *before, const char *summary)
{
	sqlite3_stmt *st;
	char *after;
	int rc;

	if ((rc = refdata_snapshot(db, &after)) != 0)
		return rc;
	st = aduan_db_stmt(db, "INSERT INTO refdata_undo(invocation, before, after, summary) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(invocation) DO UPDATE SET "
	    "after = excluded.after, summary = summary || '; ' || excluded.summary");
	if (st == NULL) {
		free(after);
		return ADUAN_IOERR;
	}
	sqlite3_bind_int64(st, 1, aduan_db_invocation(db));
	sqlite3_bind_text(st, 2, before, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, summary, -1, SQLITE_STATIC);
	rc = aduan_db_step(db, st, "keeping the reference data for undo");
	free(after);
	return rc;
}

/*
 * Whether the tables are as invocation inv left them, and no complaint or
 * group refers to a row that undo would remove: 0, else ADUAN_DATAERR
 * saying what stands in the way.
 */
static int
refdata_unchanged(struct aduan_db *db, int64_t inv, const char *before, const char *after)
{
	sqlite3_stmt *st;
	char *now, *table = NULL;
	int rc;

	if ((rc = refdata_snapshot(db, &now)) != 0)
		return rc;
	rc = refexec2(db, "SELECT a.key FROM json_each(?1) a, json_each(?2) b "
	    "WHERE a.key = b.key AND a.value IS NOT b.value", now, after, &table);
	free(now);
	if (rc == 0 && table != NULL)
		rc = aduan_fail(ADUAN_DATAERR, "the %s table changed after #%lld; undo refused: "
		    "put the later changes back by hand first",
		    table, (long long)inv);
	free(table);
	if (rc != 0 || (st = aduan_db_stmt(db,
	    "WITH k(folded) AS (SELECT value ->> 'folded' FROM json_each(?1, '$.kelurahan')), "
	    "a(code) AS (SELECT value ->> 'code' FROM json_each(?1, '$.agency')) "
	    "SELECT 1, c.id, c.kelurahan FROM complaint c JOIN kelurahan l ON l.name = c.kelurahan "
	    "WHERE l.folded NOT IN k UNION ALL "
	    "SELECT 2, c.id, c.agency FROM complaint c WHERE c.agency IS NOT NULL AND c.agency NOT IN a "
	    "UNION ALL "
	    "SELECT 2, r.complaint, r.agency FROM route_learn r WHERE r.agency NOT IN a UNION ALL "
	    "SELECT 3, g.name, g.kelurahan FROM wa_group g JOIN kelurahan l ON l.name = g.kelurahan "
	    "WHERE l.folded NOT IN k LIMIT 1")) == NULL)
		return rc ? rc : ADUAN_IOERR;
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 1);
		const char *what = (const char *)sqlite3_column_text(st, 2);

		switch (sqlite3_column_int(st, 0)) {
		case 1: rc = aduan_fail(ADUAN_DATAERR, "complaint %s is in kelurahan %s, which #%lld "
			    "added; undo refused", who, what, (long long)inv); break;
		case 2: rc = aduan_fail(ADUAN_DATAERR, "complaint %s was forwarded to %s, which #%lld "
			    "added; undo refused", who, what, (long long)inv); break;
		default: rc = aduan_fail(ADUAN_DATAERR, "WhatsApp group %s is mapped to kelurahan %s, "
			    "which #%lld added; undo refused", who, what, (long long)inv);
		}
	} else
		rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "undoing a preset");
	sqlite3_reset(st);
	return rc;
}

/* Put one table back as the snapshot json has it (pass 0 empties, 1 fills). */
static int
refdata_put(struct aduan_db *db, const struct refpart *p, int pass, const char *json)
{
	struct aduan_buf sql = {0};
	int rc = 0;

	if (p->key == NULL && pass == 0)
		aduan_buf_printf(&sql, "DELETE FROM %s", p->table);
	else if (pass == 0)
		return 0;
	else if (p->key != NULL) {
		aduan_buf_printf(&sql, "DELETE FROM %s WHERE %s NOT IN (SELECT value ->> '%s' "
		    "FROM json_each(?1, '$.%s'))", p->table, p->key, p->key, p->table);
		if ((rc = refexec(db, sql.s, json, NULL)) == 0 && p->prep != NULL)
			rc = refexec(db, p->prep, NULL, NULL);
		aduan_buf_reset(&sql);
	}
	if (pass == 1) {
		aduan_buf_printf(&sql, "INSERT INTO %s(", p->table);
		rc = rc ? rc : columns(db, p->table, "%s", ", ", &sql);
		aduan_buf_adds(&sql, ") SELECT ");
		rc = rc ? rc : columns(db, p->table, "value ->> '%s'", ", ", &sql);
		aduan_buf_printf(&sql, " FROM json_each(?1, '$.%s') WHERE true", p->table);
		if (p->key != NULL) {
			aduan_buf_printf(&sql, " ON CONFLICT(%s) DO UPDATE SET ", p->key);
			rc = rc ? rc : columns(db, p->table, "%s = excluded.%s", ", ", &sql);
		}
	}
	if (rc == 0)
		rc = refexec(db, sql.s, json, NULL);
	aduan_buf_release(&sql);
	return rc;
}

int
aduan_preset_undo(struct aduan_db *db, int64_t inv, int *done)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT before, after FROM refdata_undo WHERE invocation = ?1");
	char *before = NULL, *after = NULL;
	size_t i;
	int rc, pass;

	*done = 0;
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, inv);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		before = aduan_db_column(st, 0);
		after = aduan_db_column(st, 1);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "finding what to undo");
	sqlite3_reset(st);
	if (rc == 0 && before != NULL && (rc = refdata_unchanged(db, inv, before, after)) == 0) {
		aduan_db_changed(db);
		for (pass = 0; pass < 2 && rc == 0; pass++)
			for (i = 0; i < NREFPARTS && rc == 0; i++)
				rc = refdata_put(db, &refparts[i], pass, before);
		*done = rc == 0;
	}
	free(before);
	free(after);
	return rc;
}
