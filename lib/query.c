/*
 * query.c - the filters shared by aduan-list, aduan-export and
 * aduan-route: a WHERE clause made only of fixed fragments, every value
 * bound as a parameter.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "phone.h"
#include "query.h"
#include "timeutil.h"
#include "util.h"

void
aduan_filter_init(struct aduan_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->since = f->until = -1;
}

void
aduan_filter_release(struct aduan_filter *f)
{
	int i;

	for (i = 0; i < AQ_NLISTS; i++) {
		aduan_buf_release(&f->list[i]);
		aduan_buf_release(&f->raw[i]);
	}
	free(f->fts);
	aduan_buf_release(&f->ids);
	free(f->search);
	free(f->reporter);
	free(f->reporter_name);
	free(f->search_name);
	free(f->rt);
}

int
aduan_filter_personal(const struct aduan_filter *f)
{
	return f->reporter != NULL || f->reporter_name != NULL || f->search != NULL;
}

/* Latin-1 letters U+00C0..U+00FF without their accents, in lower case
 * (a space: not a letter). */
static const char latin1_base[] =
    "aaaaaaaceeeeiiiidnooooo ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";

char *
aduan_name_fold(const char *s)
{
	struct aduan_buf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	int space = 0;

	aduan_buf_add(&b, "", 0);
	while (*p != '\0') {
		int c = 0, len = 1;

		if (isalnum(*p))
			c = tolower(*p);
		else if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf &&
		    latin1_base[p[1] - 0x80] != ' ')
			c = latin1_base[p[1] - 0x80], len = 2;
		else if (*p >= 0x80) {
			/* other letters kept as they are, whole */
			for (len = 1; (p[len] & 0xc0) == 0x80; len++)
				;
			c = -1;
		}
		if (c == 0)
			space = b.len > 0;
		else {
			if (space)
				aduan_buf_addc(&b, ' ');
			space = 0;
			if (c > 0)
				aduan_buf_addc(&b, c);
			else
				aduan_buf_add(&b, (const char *)p, (size_t)len);
		}
		p += len;
	}
	return b.s;
}

int
aduan_filter_reporter(struct aduan_filter *f, const char *s)
{
	char phone[17], *name;

	if (aduan_phone_normalize(s, phone) == 0) {
		free(f->reporter);
		f->reporter = aduan_xstrdup(phone);
		return 0;
	}
	name = aduan_name_fold(s);
	if (*name == '\0') {
		free(name);
		return aduan_fail(ADUAN_USAGE, "--reporter: a phone number or a name, not \"%s\"", s);
	}
	free(f->reporter_name);
	f->reporter_name = name;
	return 0;
}

/* aduan_name_fold() for SQL. */
static void
sql_name_fold(sqlite3_context *cx, int n, sqlite3_value **v)
{
	const unsigned char *s = sqlite3_value_text(v[0]);

	(void)n;
	if (s == NULL)
		sqlite3_result_null(cx);
	else
		sqlite3_result_text(cx, aduan_name_fold((const char *)s), -1, free);
}

/* Add the comma-separated words of s to a JSON array under construction. */
static void
add_words(struct aduan_buf *b, const char *s)
{
	const char *p = s, *e;

	while (*p != '\0') {
		size_t n;

		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		while (n > 0 && isspace((unsigned char)*p)) {
			p++;
			n--;
		}
		while (n > 0 && isspace((unsigned char)p[n - 1]))
			n--;
		if (n > 0) {
			aduan_buf_addc(b, b->len == 0 ? '[' : ',');
			aduan_json_quote(b, p, n);
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
}

void
aduan_filter_add(struct aduan_filter *f, enum aduan_filter_list which, const char *value)
{
	if (f->raw[which].len > 0)
		aduan_buf_addc(&f->raw[which], ',');
	aduan_buf_adds(&f->raw[which], value);
	add_words(&f->list[which], value);
}

void
aduan_filter_add_id(struct aduan_filter *f, int64_t id)
{
	aduan_buf_printf(&f->ids, "%c%lld", f->ids.len == 0 ? '[' : ',', (long long)id);
	f->nids++;
}

/* Turn what an operator typed into an FTS5 query: each word a quoted
 * string (so that no character is syntax), a trailing * kept as prefix. */
static char *
fts_query(const char *s)
{
	struct aduan_buf b = {0};
	const char *p = s;

	while (*p != '\0') {
		const char *start;
		size_t n;
		int prefix = 0;

		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		start = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		n = (size_t)(p - start);
		if (n == 0)
			break;
		if (n > 1 && start[n - 1] == '*') {
			prefix = 1;
			n--;
		}
		if (b.len > 0)
			aduan_buf_addc(&b, ' ');
		aduan_buf_addc(&b, '"');
		for (; n > 0; n--, start++) {
			if (*start == '"')
				aduan_buf_addc(&b, '"');
			aduan_buf_addc(&b, *start);
		}
		aduan_buf_addc(&b, '"');
		if (prefix)
			aduan_buf_addc(&b, '*');
	}
	return b.s;
}

static const char *const list_sql[AQ_NLISTS] = {
	[AQ_STATUS] = " AND c.status IN (SELECT value FROM json_each(?))",
	[AQ_AGENCY] = " AND c.agency IN (SELECT value FROM json_each(?))",
	[AQ_KELURAHAN] = " AND c.kelurahan IN (SELECT value FROM json_each(?))",
	[AQ_CHANNEL] = " AND c.channel IN (SELECT value FROM json_each(?))",
	[AQ_CATEGORY] = " AND c.category IN (SELECT value FROM json_each(?))",
	[AQ_PRIORITY] = " AND c.priority IN (SELECT value FROM json_each(?))",
};

int
aduan_filter_where(struct aduan_filter *f, struct aduan_buf *sql,
    struct aduan_filter_binds *binds)
{
	int i;

	memset(binds, 0, sizeof(*binds));
	aduan_buf_adds(sql, " WHERE 1");
#define BIND_TEXT(s) (binds->v[binds->n].text = (s), binds->v[binds->n].is_int = 0, binds->n++)
#define BIND_INT(x) (binds->v[binds->n].i = (x), binds->v[binds->n].is_int = 1, binds->n++)
	if (f->ids.len > 0) {
		aduan_buf_addc(&f->ids, ']');
		aduan_buf_adds(sql, " AND c.id IN (SELECT value FROM json_each(?))");
		BIND_TEXT(f->ids.s);
	} else if (f->ids_given) {
		aduan_buf_adds(sql, " AND 0");
	}
	if (!f->ids_given && !f->not_complaints)	/* what a person found not to be a complaint, unless named */
		aduan_buf_adds(sql, " AND NOT EXISTS (SELECT 1 FROM message m WHERE "
		    "m.complaint = c.id AND m.decision = 'not-complaint')");
	for (i = 0; i < AQ_NLISTS; i++) {
		if (f->list[i].len == 0)
			continue;
		if (f->list[i].s[f->list[i].len - 1] != ']')
			aduan_buf_addc(&f->list[i], ']');
		aduan_buf_adds(sql, list_sql[i]);
		BIND_TEXT(f->list[i].s);
	}
	if (f->rt != NULL) {
		aduan_buf_adds(sql, " AND c.rt = ?");
		BIND_TEXT(f->rt);
	}
	if (f->reporter != NULL) {
		aduan_buf_adds(sql, " AND c.reporter_phone = ?");
		BIND_TEXT(f->reporter);
	}
	if (f->reporter_name != NULL) {
		aduan_buf_adds(sql, " AND instr(aduan_name_fold(c.reporter_name), ?) > 0");
		BIND_TEXT(f->reporter_name);
	}
	if (f->since != -1) {
		aduan_time_utc(f->since, f->since_s);
		aduan_buf_adds(sql, " AND c.received_at >= ?");
		BIND_TEXT(f->since_s);
	}
	if (f->until != -1) {
		aduan_time_utc(f->until, f->until_s);
		aduan_buf_adds(sql, " AND c.received_at < ?");
		BIND_TEXT(f->until_s);
	}
	if (f->overdue) {
		aduan_time_utc(f->now, f->now_s);
		aduan_buf_adds(sql, " AND c.status <> 'closed' AND c.due_at < ?");
		BIND_TEXT(f->now_s);
	}
	if (f->search != NULL) {
		/* the text, location and category; or the reporter's name */
		aduan_buf_adds(sql, " AND (c.id IN (SELECT rowid FROM complaint_fts "
		    "WHERE complaint_fts MATCH ?) OR instr(aduan_name_fold(c.reporter_name), ?) > 0)");
		free(f->fts);
		f->fts = fts_query(f->search);
		BIND_TEXT(f->fts ? f->fts : "\"\"");
		free(f->search_name);
		f->search_name = aduan_name_fold(f->search);
		/* nothing to look for matches no name */
		BIND_TEXT(*f->search_name != '\0' ? f->search_name : "\x01");
	}
#undef BIND_TEXT
#undef BIND_INT
	return 0;
}

void
aduan_filter_bind(sqlite3_stmt *st, const struct aduan_filter_binds *binds, int first)
{
	int i;

	for (i = 0; i < binds->n; i++) {
		if (binds->v[i].is_int)
			sqlite3_bind_int64(st, first + i, binds->v[i].i);
		else
			sqlite3_bind_text(st, first + i, binds->v[i].text, -1, SQLITE_STATIC);
	}
}

/*
 * The end of a loop over st's rows, which it finalizes: rc is the last
 * step's, stop what the row callback returned when it stopped the loop.
 */
static int
steps_end(struct aduan_db *db, sqlite3_stmt *st, int rc, int stop, const char *what)
{
	if (rc == SQLITE_ROW)
		rc = stop;
	else if (rc != SQLITE_DONE)
		rc = aduan_db_fail(db, what);
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

/* What a count can be grouped by. */
static const int count_fields[] = {
	AF_STATUS, AF_AGENCY, AF_KELURAHAN, AF_RT, AF_CHANNEL, AF_SOURCE, AF_CATEGORY,
	AF_PRIORITY, AF_RESOLUTION, -1
};

int
aduan_filter_count(struct aduan_db *db, struct aduan_filter *f, int field,
    int (*fn)(const char *value, long n, void *arg), void *arg)
{
	struct aduan_filter_binds binds;
	struct aduan_buf sql = {0};
	sqlite3_stmt *st;
	int i, rc;

	for (i = 0; count_fields[i] >= 0 && count_fields[i] != field; i++)
		;
	if (count_fields[i] < 0) {
		struct aduan_buf b = {0};

		for (i = 0; count_fields[i] >= 0; i++)
			aduan_buf_printf(&b, "%s%s", i ? ", " : "", aduan_fields[count_fields[i]].name);
		rc = aduan_fail(ADUAN_USAGE, "cannot count by %s (one of: %s)",
		    aduan_fields[field].name, b.s);
		aduan_buf_release(&b);
		return rc;
	}
	aduan_buf_printf(&sql, "SELECT c.%s, count(*) FROM complaint c", aduan_fields[field].name);
	aduan_filter_where(f, &sql, &binds);
	aduan_buf_printf(&sql, " GROUP BY 1 ORDER BY 2 DESC, c.%s IS NULL, 1",
	    aduan_fields[field].name);
	rc = sqlite3_prepare_v2(aduan_db_sqlite(db), sql.s, -1, &st, NULL);
	aduan_buf_release(&sql);
	if (rc != SQLITE_OK)
		return aduan_db_fail(db, "counting");
	aduan_filter_bind(st, &binds, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((i = fn((const char *)sqlite3_column_text(st, 0),
		    (long)sqlite3_column_int64(st, 1), arg)) != 0)
			break;
	return steps_end(db, st, rc, i, "counting");
}

/* Check one list against the database, replacing its JSON array. */
static int
resolve_list(struct aduan_db *db, struct aduan_filter *f, enum aduan_filter_list which,
    const char *what, const char *sql, const char *hint)
{
	struct aduan_buf *raw = &f->raw[which];
	sqlite3_stmt *st;
	char *p, *e;

	if (raw->len == 0)
		return 0;
	aduan_buf_reset(&f->list[which]);
	for (p = raw->s; p != NULL; p = e ? e + 1 : NULL) {
		char *name, *key;
		int rc;

		if ((e = strchr(p, ',')) != NULL)
			*e = '\0';
		name = p + strspn(p, " ");
		if (*name == '\0')
			continue;
		if ((st = aduan_db_stmt(db, sql)) == NULL)
			return ADUAN_IOERR;
		key = which == AQ_KELURAHAN ? aduan_fold(name) : aduan_xstrdup(name);
		sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
		free(key);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			add_words(&f->list[which], (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return aduan_fail(ADUAN_USAGE, "unknown %s \"%s\" (see %s)", what, name, hint);
		if (rc != SQLITE_ROW)
			return aduan_db_fail(db, "checking a filter");
	}
	return 0;
}

static int
resolve_words(struct aduan_filter *f, enum aduan_filter_list which, const char *what,
    const char *const *list)
{
	struct aduan_buf *raw = &f->raw[which];
	char *p, *e;

	if (raw->len == 0)
		return 0;
	aduan_buf_reset(&f->list[which]);
	for (p = raw->s; p != NULL; p = e ? e + 1 : NULL) {
		char *name;

		if ((e = strchr(p, ',')) != NULL)
			*e = '\0';
		name = p + strspn(p, " ");
		if (*name == '\0')
			continue;
		if (aduan_word_canon(list, name) == NULL) {
			struct aduan_buf b = {0};
			int i;

			for (i = 0; list[i] != NULL; i++)
				aduan_buf_printf(&b, "%s%s", i ? ", " : "", list[i]);
			aduan_fail(ADUAN_USAGE, "unknown %s \"%s\" (one of: %s)", what, name, b.s);
			aduan_buf_release(&b);
			return ADUAN_USAGE;
		}
		add_words(&f->list[which], aduan_word_canon(list, name));
	}
	return 0;
}

int
aduan_filter_resolve(struct aduan_db *db, struct aduan_filter *f)
{
	int rc;

	/* the name matching of --reporter and --search */
	if (sqlite3_create_function_v2(aduan_db_sqlite(db), "aduan_name_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_name_fold,
	    NULL, NULL, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "preparing name matching");

	if ((rc = resolve_list(db, f, AQ_KELURAHAN, "kelurahan",
	    "SELECT name FROM kelurahan WHERE folded = ?1 UNION ALL "
	    "SELECT kelurahan FROM kelurahan_alias WHERE folded = ?1 LIMIT 1",
	    "'aduan kelurahan list'")) != 0 ||
	    (rc = resolve_list(db, f, AQ_AGENCY, "agency",
	    "SELECT code FROM agency WHERE code = ?1 COLLATE NOCASE", "'aduan agency list'")) != 0 ||
	    (rc = resolve_words(f, AQ_STATUS, "status", aduan_statuses)) != 0 ||
	    (rc = resolve_words(f, AQ_CHANNEL, "channel", aduan_channels)) != 0 ||
	    (rc = resolve_words(f, AQ_PRIORITY, "priority", aduan_priorities)) != 0)
		return rc;
	return 0;
}

int
aduan_filter_prepare(struct aduan_db *db, struct aduan_filter *f, sqlite3_stmt **stp)
{
	struct aduan_filter_binds binds;
	struct aduan_buf sql = {0};
	int i, rc;

	aduan_buf_adds(&sql, "SELECT c.id");
	for (i = 1; i < ADUAN_NFIELDS; i++)
		aduan_buf_printf(&sql, ", c.%s", aduan_fields[i].name);
	aduan_buf_adds(&sql, " FROM complaint c");
	aduan_filter_where(f, &sql, &binds);
	aduan_buf_adds(&sql, " ORDER BY c.id");
	rc = sqlite3_prepare_v2(aduan_db_sqlite(db), sql.s, -1, stp, NULL);
	aduan_buf_release(&sql);
	if (rc != SQLITE_OK) {
		*stp = NULL;
		return aduan_db_fail(db, "querying");
	}
	aduan_filter_bind(*stp, &binds, 1);
	return 0;
}

int
aduan_filter_each(struct aduan_db *db, struct aduan_filter *f,
    int (*fn)(const char *const *v, void *arg), void *arg)
{
	const char *v[ADUAN_NFIELDS];
	sqlite3_stmt *st;
	int i, rc, stop = 0;

	if ((rc = aduan_filter_prepare(db, f, &st)) != 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ADUAN_NFIELDS; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if ((stop = fn(v, arg)) != 0)
			break;
	}
	return steps_end(db, st, rc, stop, "querying");
}

int
aduan_filter_missing(struct aduan_db *db, const struct aduan_filter *f,
    void (*fn)(const char *id, void *arg), void *arg)
{
	sqlite3_stmt *st;
	int rc;

	if (f->ids.len == 0)
		return 0;
	if ((st = aduan_db_stmt(db, "SELECT j.value FROM json_each(?) j WHERE NOT EXISTS "
	    "(SELECT 1 FROM complaint c WHERE c.id = j.value)")) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, f->ids.s, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(st, 0), arg);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "querying");
}

int
aduan_stmt_sql(sqlite3_stmt *st, char **sqlp)
{
	char *sql = sqlite3_expanded_sql(st);

	sqlite3_finalize(st);
	*sqlp = NULL;
	if (sql == NULL)
		return aduan_fail(ADUAN_IOERR, "out of memory");
	*sqlp = aduan_xstrdup(sql);
	sqlite3_free(sql);
	return 0;
}

int
aduan_filter_sql(struct aduan_db *db, struct aduan_filter *f, char **sqlp)
{
	sqlite3_stmt *st;
	int rc;

	*sqlp = NULL;
	if ((rc = aduan_filter_prepare(db, f, &st)) != 0)
		return rc;
	return aduan_stmt_sql(st, sqlp);
}
