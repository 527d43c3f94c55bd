/*
 * summary.c - the period summary that the weekly cron job writes: one
 * SQL statement does all the counting and the percentiles, so that the
 * figures can be checked in the sqlite3 shell (aduan-export --sql).
 *
 * For a period [S, E), states taken at T = min(E, now), a complaint
 * counts in its group (its current kelurahan, category, agency,
 * channel, status) as
 *
 *   received     received_at in [S, E), unless it duplicates another
 *                (duplicate_of set, or closed as a duplicate): see
 *                COUNTS_AS_RECEIVED
 *   routed       it has a 'route' event in [S, E) (re-routes count once)
 *   closed       closed_at in [S, E)
 *   open_end     received before T and not closed at T (closed_at unset
 *                or not before T)
 *   overdue_end  open at T and due before T
 *   closed_on_time
 *                closed in [S, E) by its due date (or without one)
 *   not_complaint
 *                received in [S, E) and marked "not a complaint" by a
 *                person (aduan-close --not-complaint): counted here and
 *                in no other figure
 *
 * and contributes a duration to
 *
 *   first_action_*_h  when its first action (the first route, note or
 *                     close event) happened in [S, E): hours from
 *                     received_at to that event
 *   closure_*_h       when closed in [S, E): hours from received_at to
 *                     closed_at
 *
 * Medians and 90th percentiles are interpolated between the two nearest
 * ranks (as percentile_cont and spreadsheets' PERCENTILE.INC do),
 * computed over the sorted durations with window functions, exact in
 * integer arithmetic for the rank; hours are rounded to one decimal and
 * empty when no complaint contributed.  Groups with nothing to count are
 * left out; the total row is always there, so an empty week still gives
 * its header and a row of zeros.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "internal.h"
#include "query.h"
#include "summary.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"
#include "xlsxout.h"

static const struct {
	const char *name, *column;
} keys[ASK_NKEYS] = {
	[ASK_KELURAHAN] = {"kelurahan", "c.kelurahan"},
	[ASK_CATEGORY] = {"category", "c.category"},
	[ASK_AGENCY] = {"agency", "c.agency"},
	[ASK_CHANNEL] = {"channel", "c.channel"},
	[ASK_STATUS] = {"status", "c.status"},
};

static const char *const value_names[] = {
	"received", "routed", "closed", "open_end", "overdue_end",
	"first_action_median_h", "first_action_p90_h", "closure_median_h", "closure_p90_h",
	"closed_on_time", "not_complaint",
};

/*
 * What counts as received, over complaint c: not a duplicate of another.
 * This is the one place to leave out more from every summary and report.
 */
#define COUNTS_AS_RECEIVED \
	"c.duplicate_of IS NULL AND ifnull(c.resolution, '') <> 'duplicate'"

/* Complaint c is one a person marked as not a complaint. */
#define NOT_A_COMPLAINT \
	"EXISTS (SELECT 1 FROM message m WHERE m.complaint = c.id AND " \
	"m.decision = 'not-complaint')"

/*
 * Each complaint's part in the figures (over c, fa: its first action in
 * the period): 1/0 for the counts, hours for the durations.  A complaint
 * marked not a complaint (lo) counts in nc alone.
 */
static const struct {
	const char *name, *expr;
	int hours;		/* a duration: NULL, not 0, when it does not count */
} parts[] = {
	{"rcv", "c.received_at >= ?1 AND " COUNTS_AS_RECEIVED, 0},
	{"rtd", "c.id IN (SELECT id FROM rt)", 0},
	{"cls", "ifnull(c.closed_at >= ?1 AND c.closed_at < ?2, 0)", 0},
	{"opn", "c.received_at < ?3 AND ifnull(c.closed_at >= ?3, 1)", 0},
	{"ovd", "c.received_at < ?3 AND ifnull(c.closed_at >= ?3, 1) AND "
	    "ifnull(c.due_at < ?3, 0)", 0},
	{"ont", "ifnull(c.closed_at >= ?1 AND c.closed_at < ?2 AND "
	    "c.closed_at <= ifnull(c.due_at, c.closed_at), 0)", 0},
	{"hf", "max(0.0, (julianday(fa.at) - julianday(c.received_at)) * 24)", 1},
	{"hc", "CASE WHEN c.closed_at >= ?1 AND c.closed_at < ?2 THEN\n"
	    "      max(0.0, (julianday(c.closed_at) - julianday(c.received_at)) * 24) END", 1},
};

#define NVALUES ((int)(sizeof(value_names) / sizeof(value_names[0])))

int
aduan_summary_by(struct aduan_summary *s, const char *list)
{
	const char *p = list, *e;

	s->nby = 0;
	for (; p != NULL; p = e ? e + 1 : NULL) {
		size_t n;
		int k, j;

		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		for (k = 0; k < ASK_NKEYS; k++)
			if (strlen(keys[k].name) == n && strncmp(keys[k].name, p, n) == 0)
				break;
		if (k == ASK_NKEYS)
			return aduan_fail(ADUAN_USAGE, "cannot group by \"%.*s\" (one of: kelurahan, "
			    "category, agency, channel, status)", (int)n, p);
		for (j = 0; j < s->nby; j++)
			if (s->by[j] == k)
				return aduan_fail(ADUAN_USAGE, "%s named twice", keys[k].name);
		s->by[s->nby++] = k;
	}
	return 0;
}

int
aduan_summary_week(const char *arg, time_t now, time_t *start, time_t *end)
{
	struct tm tm;
	int back;

	if (strcmp(arg, "this") == 0 || strcmp(arg, "last") == 0) {
		back = arg[0] == 'l' ? 7 : 0;
		tzset();
		localtime_r(&now, &tm);
		/* Monday of this week; mktime folds day numbers out of range */
		tm.tm_mday -= (tm.tm_wday + 6) % 7 + back;
		*start = aduan_time_mklocal(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0);
		*end = aduan_time_mklocal(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday + 7, 0, 0, 0);
		return *start == -1 || *end == -1 ?
		    aduan_fail(ADUAN_USAGE, "--week: cannot compute the week") : 0;
	}
	if (strlen(arg) != 8 || arg[4] != '-' || arg[5] != 'W' ||
	    strspn(arg, "0123456789") != 4 || strspn(arg + 6, "0123456789") != 2 ||
	    aduan_time_span(arg, now, start, end) == -1)
		return aduan_fail(ADUAN_USAGE, "--week: an ISO week such as 2024-W48, "
		    "\"this\" or \"last\", not \"%s\"", arg);
	return 0;
}

void
aduan_summary_header(const struct aduan_summary *s, const char **names, int *n)
{
	int i;

	*n = 0;
	names[(*n)++] = "period_start";
	names[(*n)++] = "period_end";
	for (i = 0; i < s->nby; i++)
		names[(*n)++] = keys[s->by[i]].name;
	for (i = 0; i < NVALUES; i++)
		names[(*n)++] = value_names[i];
}

/* The interpolated percentile num/den of h over ranks i (0-based) of n. */
static void
pct(struct aduan_buf *b, const char *i, const char *n, int num, int den)
{
	aduan_buf_printf(b, "round(sum(h * CASE %s - (%s - 1) * %d / %d "
	    "WHEN 0 THEN 1.0 - ((%s - 1) * %d %% %d) / %d.0 "
	    "WHEN 1 THEN ((%s - 1) * %d %% %d) / %d.0 ELSE 0 END), 1)",
	    i, n, num, den, n, num, den, den, n, num, den, den);
}

/* ", k1, k2" with a prefix ("g.") */
static void
key_list(struct aduan_buf *b, const struct aduan_summary *s, const char *prefix)
{
	int i;

	for (i = 0; i < s->nby; i++)
		aduan_buf_printf(b, ", %sk%d", prefix, i + 1);
}

/* ", k2, k3": the group keys after the first */
static void
more_keys(struct aduan_buf *b, const struct aduan_summary *s)
{
	int i;

	for (i = 1; i < s->nby; i++)
		aduan_buf_printf(b, ", k%d", i + 1);
}

/* The durations of one kind with their ranks in the group and overall. */
static void
ranked(struct aduan_buf *b, const struct aduan_summary *s, const char *name, const char *col)
{
	aduan_buf_printf(b, ",\n%s AS (SELECT %s AS h", name, col);
	key_list(b, s, "");
	if (s->nby > 0) {
		/* (gn: the group's size, not the running count an ordered
		 * window gives) */
		aduan_buf_adds(b, ",\n    row_number() OVER grp - 1 AS gi, count(*) OVER (grp "
		    "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS gn");
	}
	aduan_buf_printf(b, ",\n    row_number() OVER (ORDER BY %s) - 1 AS ti, count(*) OVER () AS tn\n"
	    "  FROM y WHERE %s IS NOT NULL", col, col);
	if (s->nby > 0) {
		aduan_buf_adds(b, "\n  WINDOW grp AS (PARTITION BY k1");
		more_keys(b, s);
		aduan_buf_printf(b, " ORDER BY %s)", col);
	}
	aduan_buf_adds(b, ")");
}

/* The per-group percentiles of one kind, as a subquery joined to g. */
static void
group_pct(struct aduan_buf *b, const struct aduan_summary *s, const char *name, const char *alias)
{
	int i;

	aduan_buf_printf(b, "\n  LEFT JOIN (SELECT k1");
	more_keys(b, s);
	aduan_buf_adds(b, ", ");
	pct(b, "gi", "gn", 1, 2);
	aduan_buf_adds(b, " AS m, ");
	pct(b, "gi", "gn", 9, 10);
	aduan_buf_printf(b, " AS p FROM %s GROUP BY k1", name);
	more_keys(b, s);
	aduan_buf_printf(b, ") %s ON %s.k1 IS g.k1", alias, alias);
	for (i = 1; i < s->nby; i++)
		aduan_buf_printf(b, " AND %s.k%d IS g.k%d", alias, i + 1, i + 1);
}

int
aduan_summary_sql(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, char **sqlp)
{
	sqlite3_stmt *st;
	int rc;

	*sqlp = NULL;
	if ((rc = aduan_summary_prepare(db, s, f, &st)) != 0)
		return rc;
	return aduan_stmt_sql(st, sqlp);
}

/*
 * The period's rows, one per complaint that has something to count:
 * CTEs prm (the parameters), pe, fa, rt (the period's actions) and y.
 */
static void
period_rows(struct aduan_buf *b, const struct aduan_summary *s, struct aduan_filter *f,
    struct aduan_filter_binds *binds)
{
	size_t i;
	int k;

	/*
	 * ?1..?5 are named in the first lines so that the filter's own
	 * parameters ("?") are numbered after them.
	 */
	aduan_buf_adds(b,
	    "WITH prm(since, until, cut, pstart, pend) AS (SELECT ?1, ?2, ?3, ?4, ?5),\n"
	    /* the period's actions: one pass over the events in table order
	     * (there is no index on time; walking the complaint index and
	     * looking every event up is several times slower) */
	    "pe AS MATERIALIZED (SELECT complaint, at, action FROM event NOT INDEXED\n"
	    "  WHERE action IN ('route', 'note', 'close') AND at >= ?1 AND at < ?2),\n"
	    "fa AS (SELECT e.complaint AS id, min(e.at) AS at FROM pe e\n"
	    "  WHERE NOT EXISTS (SELECT 1 FROM event p WHERE p.complaint = e.complaint\n"
	    "      AND p.action IN ('route', 'note', 'close') AND p.at < ?1)\n"
	    "  GROUP BY e.complaint),\n"
	    "rt AS (SELECT DISTINCT complaint AS id FROM pe WHERE action = 'route'),\n"
	    "x AS (SELECT ");
	for (k = 0; k < s->nby; k++)
		aduan_buf_printf(b, "%s AS k%d, ", keys[s->by[k]].column, k + 1);
	aduan_buf_adds(b, NOT_A_COMPLAINT " AS lo, c.received_at >= ?1 AS rin");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		aduan_buf_printf(b, ",\n    %s AS %s", parts[i].expr, parts[i].name);
	aduan_buf_adds(b, "\n  FROM complaint c LEFT JOIN fa ON fa.id = c.id");
	/* the filter keeps what was marked not a complaint: counted apart */
	f->not_complaints = 1;
	aduan_filter_where(f, b, binds);
	f->not_complaints = 0;
	/* "+": a recent period covers most complaints, so a table scan beats
	 * walking the received_at index and looking every row up */
	aduan_buf_adds(b, " AND +c.received_at < ?2),\n"
	    "y AS MATERIALIZED (SELECT ");
	for (k = 0; k < s->nby; k++)
		aduan_buf_printf(b, "k%d, ", k + 1);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		aduan_buf_printf(b, parts[i].hours ? "CASE WHEN NOT lo THEN %s END AS %s, " :
		    "NOT lo AND %s AS %s, ", parts[i].name, parts[i].name);
	aduan_buf_adds(b, "lo AND rin AS nc\n  FROM x WHERE (lo AND rin) OR "
	    "(NOT lo AND (rcv OR rtd OR cls OR opn OR hf IS NOT NULL)))");
}

/* A row per group (with --by), then the total row, as r. */
static void
result_rows(struct aduan_buf *b, const struct aduan_summary *s)
{
	int i;

	aduan_buf_adds(b, "\nSELECT prm.pstart, prm.pend");
	for (i = 0; i < s->nby; i++)
		aduan_buf_printf(b, ", CASE WHEN r.t THEN '(total)' ELSE ifnull(r.k%d, '(none)') END", i + 1);
	aduan_buf_adds(b, ",\n  r.received, r.routed, r.closed, r.open_end, r.overdue_end,"
	    " r.fm, r.fp, r.cm, r.cp, r.on_time, r.not_complaint\nFROM (");
	if (s->nby > 0) {
		aduan_buf_adds(b, "SELECT 0 AS t");
		key_list(b, s, "g.");
		aduan_buf_adds(b, ", g.received, g.routed, g.closed, g.open_end, g.overdue_end,"
		    " f.m AS fm, f.p AS fp, cl.m AS cm, cl.p AS cp, g.on_time, g.not_complaint\n"
		    "  FROM (SELECT k1");
		more_keys(b, s);
		aduan_buf_adds(b, ", sum(rcv) AS received, sum(rtd) AS routed, sum(cls) AS closed,"
		    " sum(opn) AS open_end, sum(ovd) AS overdue_end, sum(ont) AS on_time,"
		    " sum(nc) AS not_complaint FROM y GROUP BY k1");
		more_keys(b, s);
		aduan_buf_adds(b, ") g");
		group_pct(b, s, "df", "f");
		group_pct(b, s, "dc", "cl");
		aduan_buf_adds(b, "\n  UNION ALL\n  ");
	}
	aduan_buf_adds(b, "SELECT 1 AS t");
	for (i = 0; i < s->nby; i++)
		aduan_buf_printf(b, ", NULL AS k%d", i + 1);
	aduan_buf_adds(b, ", ifnull(sum(rcv), 0) AS received, ifnull(sum(rtd), 0) AS routed,"
	    " ifnull(sum(cls), 0) AS closed,\n    ifnull(sum(opn), 0) AS open_end,"
	    " ifnull(sum(ovd), 0) AS overdue_end,\n    (SELECT ");
	pct(b, "ti", "tn", 1, 2);
	aduan_buf_adds(b, " FROM df) AS fm, (SELECT ");
	pct(b, "ti", "tn", 9, 10);
	aduan_buf_adds(b, " FROM df) AS fp,\n    (SELECT ");
	pct(b, "ti", "tn", 1, 2);
	aduan_buf_adds(b, " FROM dc) AS cm, (SELECT ");
	pct(b, "ti", "tn", 9, 10);
	aduan_buf_adds(b, " FROM dc) AS cp,\n    ifnull(sum(ont), 0) AS on_time,"
	    " ifnull(sum(nc), 0) AS not_complaint\n  FROM y) r, prm\nORDER BY r.t");
	for (i = 0; i < s->nby; i++)
		aduan_buf_printf(b, ", r.k%d IS NULL, r.k%d", i + 1, i + 1);
}

int
aduan_summary_prepare(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, sqlite3_stmt **stp)
{
	struct aduan_buf b = {0};
	struct aduan_filter_binds binds;
	char since[21], until[21], cut[21], ps[32], pe[32];
	time_t t;
	int rc;

	*stp = NULL;
	period_rows(&b, s, f, &binds);
	ranked(&b, s, "df", "hf");
	ranked(&b, s, "dc", "hc");
	result_rows(&b, s);
	rc = sqlite3_prepare_v2(aduan_db_sqlite(db), b.s, -1, stp, NULL);
	aduan_buf_release(&b);
	if (rc != SQLITE_OK) {
		*stp = NULL;
		return aduan_db_fail(db, "preparing the summary");
	}
	t = s->end < s->now + 1 ? s->end : s->now + 1;
	sqlite3_bind_text(*stp, 1, aduan_time_utc(s->start, since), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*stp, 2, aduan_time_utc(s->end, until), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*stp, 3, aduan_time_utc(t, cut), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*stp, 4, aduan_time_local(s->start, ps), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*stp, 5, aduan_time_local(s->end, pe), -1, SQLITE_TRANSIENT);
	aduan_filter_bind(*stp, &binds, 6);
	return 0;
}

int
aduan_summary_write(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out)
{
	const char *names[2 + ASK_NKEYS + NVALUES];
	const char *cells[2 + ASK_NKEYS + NVALUES];
	sqlite3_stmt *st;
	int n, i, rc;

	if ((rc = aduan_summary_prepare(db, s, f, &st)) != 0)
		return rc;
	aduan_summary_header(s, names, &n);
	if (s->flags & AW_EXCEL)
		fputs("\xef\xbb\xbf", out);
	if ((rc = aduan_csv_row(out, names, n, s->flags & AW_SEMICOLON)) != 0)
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		/* group names come from people and files: never a formula,
		 * whether or not the file is meant for a spreadsheet */
		if ((rc = aduan_csv_row(out, cells, n, s->flags | AW_NOFORMULA)) != 0)
			goto done;
	}
	rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "computing the summary");
done:
	sqlite3_finalize(st);
	return rc;
}

int
aduan_summary_xlsx(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, const char *path)
{
	const char *names[2 + ASK_NKEYS + NVALUES];
	const char *cells[2 + ASK_NKEYS + NVALUES];
	enum aduan_cell kinds[2 + ASK_NKEYS + NVALUES];
	double widths[2 + ASK_NKEYS + NVALUES];
	struct aduan_sheet *sheet = NULL;
	sqlite3_stmt *st;
	int n, i, rc, rc2;

	if ((rc = aduan_summary_prepare(db, s, f, &st)) != 0)
		return rc;
	aduan_summary_header(s, names, &n);
	for (i = 0; i < n; i++) {
		kinds[i] = i < 2 ? ACELL_LOCAL : i < 2 + s->nby ? ACELL_TEXT : ACELL_NUMBER;
		widths[i] = i < 2 ? 17 : i < 2 + s->nby ? 16 : strlen(names[i]) + 2;
	}
	if ((rc = aduan_sheet_open(&sheet, path, _("summary"), names, kinds, widths, n)) != 0)
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		if ((rc = aduan_sheet_row(sheet, cells)) != 0)
			goto done;
	}
	rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "computing the summary");
done:
	rc2 = aduan_sheet_close(sheet);
	sqlite3_finalize(st);
	return rc != 0 ? rc : rc2;
}
