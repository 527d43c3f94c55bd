/*
 * report.c - the camat's weekly page: one self-contained HTML file (no
 * external files, no script) with inline SVG charts.
 *
 * Every figure comes from the period summary (summary.c), run for the
 * period, for each of its days, per kelurahan, per agency and for each
 * of the twelve weeks up to it, so that the page and
 * "aduan-export --summary" always agree; tables carry each figure as it
 * is printed and, in data-v, as the summary's CSV has it.  Words, dates
 * and numbers follow the reader's language (gettext: LANG=id_ID.UTF-8
 * gives Indonesian).  Bars and lines are told apart by pattern and
 * marker as well as colour, and carry their values as labels, so that
 * the page reads in black and white; it prints on A4.  Overdue
 * complaints are listed without any personal data.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "internal.h"
#include "query.h"
#include "report.h"
#include "summary.h"
#include "timeutil.h"
#include "util.h"

#define MAX_DAYS	62	/* a per-day chart up to this many days */
#define TREND_WEEKS	12
#define MAX_GROUPS	64	/* kelurahan or agencies on a chart */
#define MAX_OVERDUE	200	/* complaints listed */

/* The figures of one summary row. */
struct fig {
	char key[128];
	long received, routed, closed, open_end, overdue_end, on_time, not_complaint;
	double first_h, close_h;	/* medians; NAN when none */
};

struct report {
	struct aduan_db *db;
	const struct aduan_summary *s;
	struct aduan_filter *f;
	struct aduan_buf *b;
	char dec, thou;		/* the reader's decimal and thousands separators */
	int chart;		/* charts so far, for unique ids */
};

/* ---- the reader's words, dates and numbers ------------------------------- */

static const char *const weekdays[] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday")
};
static const char *const weekdays_short[] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat")
};
static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December")
};


/* An integer with the reader's thousands separator: 1,234 or 1.234. */
static void
fmt_int(struct report *r, struct aduan_buf *b, long n)
{
	char digits[32];
	size_t len, i;

	snprintf(digits, sizeof(digits), "%ld", labs(n));
	len = strlen(digits);
	if (n < 0)
		aduan_buf_addc(b, '-');
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			aduan_buf_addc(b, r->thou);
		aduan_buf_addc(b, digits[i]);
	}
}

/* A number with one decimal, in the reader's way: 45.5 or 45,5. */
static void
fmt_dec(struct report *r, struct aduan_buf *b, double v)
{
	long tenths = lround(v * 10);

	fmt_int(r, b, tenths / 10);
	if (tenths % 10 != 0) {
		aduan_buf_addc(b, r->dec);
		aduan_buf_addc(b, (char)('0' + labs(tenths % 10)));
	}
}

/* A share as a percentage ("45.5 %"), or a dash when there is no whole. */
static void
fmt_pct(struct report *r, struct aduan_buf *b, long part, long whole)
{
	if (whole <= 0) {
		aduan_buf_adds(b, "\xe2\x80\x93");	/* en dash */
		return;
	}
	fmt_dec(r, b, 100.0 * (double)part / (double)whole);
	aduan_buf_adds(b, "\xc2\xa0%");
}

/* Hours as people say them: "2 days 4 hours", "5 hours", "40 minutes". */
static void
fmt_hours(struct aduan_buf *b, double h)
{
	long m = lround(h * 60), d = m / (24 * 60), hh = m / 60 % 24;

	if (isnan(h)) {
		aduan_buf_adds(b, "\xe2\x80\x93");
		return;
	}
	if (m < 60) {
		aduan_buf_printf(b, dngettext(ADUAN_TEXTDOMAIN, "%ld minute", "%ld minutes",
		    (unsigned long)m), m);
		return;
	}
	if (d > 0)
		aduan_buf_printf(b, dngettext(ADUAN_TEXTDOMAIN, "%ld day", "%ld days",
		    (unsigned long)d), d);
	if (d > 0 && hh > 0)
		aduan_buf_addc(b, ' ');
	if (hh > 0 || d == 0)
		aduan_buf_printf(b, dngettext(ADUAN_TEXTDOMAIN, "%ld hour", "%ld hours",
		    (unsigned long)hh), hh);
}

/* A local day as people write it: "Monday, 25 November 2024". */
static void
fmt_day(struct aduan_buf *b, time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	/* TRANSLATORS: a date: weekday, day, month, year */
	aduan_buf_printf(b, _("%1$s, %2$d %3$s %4$d"), _(weekdays[tm.tm_wday]), tm.tm_mday,
	    _(months[tm.tm_mon]), tm.tm_year + 1900);
}

/* A stored UTC stamp as a short local date and time: "25/11/2024 14:05". */
static void
fmt_stamp(struct aduan_buf *b, const char *utc)
{
	struct tm tm;
	time_t t;

	if (utc == NULL || aduan_time_from_utc(utc, &t) == -1) {
		aduan_buf_adds(b, "\xe2\x80\x93");
		return;
	}
	localtime_r(&t, &tm);
	aduan_buf_printf(b, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1,
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

/* ---- figures from the summary ---------------------------------------------- */

static double
column_hours(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/*
 * Run the summary over [start, end), grouped by key (-1: none), and hand
 * each row to fn (the total row last, its key "").
 */
static int
figures(struct report *r, time_t start, time_t end, int key,
    void (*fn)(const struct fig *g, void *arg), void *arg)
{
	struct aduan_summary s = *r->s;
	sqlite3_stmt *st;
	struct fig g;
	int rc, k;

	s.start = start;
	s.end = end;
	s.nby = 0;
	if (key >= 0)
		s.by[s.nby++] = key;
	if ((rc = aduan_summary_prepare(r->db, &s, r->f, &st)) != 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k = 2 + s.nby;
		memset(&g, 0, sizeof(g));
		if (s.nby > 0 && strcmp((const char *)sqlite3_column_text(st, 2), "(total)") != 0)
			snprintf(g.key, sizeof(g.key), "%s", (const char *)sqlite3_column_text(st, 2));
		g.received = sqlite3_column_int64(st, k);
		g.routed = sqlite3_column_int64(st, k + 1);
		g.closed = sqlite3_column_int64(st, k + 2);
		g.open_end = sqlite3_column_int64(st, k + 3);
		g.overdue_end = sqlite3_column_int64(st, k + 4);
		g.first_h = column_hours(st, k + 5);
		g.close_h = column_hours(st, k + 7);
		g.on_time = sqlite3_column_int64(st, k + 9);
		g.not_complaint = sqlite3_column_int64(st, k + 10);
		fn(&g, arg);
	}
	rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(r->db, "computing the report");
	sqlite3_finalize(st);
	return rc;
}

static void
keep_total(const struct fig *g, void *arg)
{
	if (g->key[0] == '\0')
		*(struct fig *)arg = *g;
}

struct figs {
	struct fig v[MAX_GROUPS + 1];
	int n;
	struct fig total;
};

static void
keep_all(const struct fig *g, void *arg)
{
	struct figs *x = arg;

	if (g->key[0] == '\0')
		x->total = *g;
	else if (x->n < MAX_GROUPS)
		x->v[x->n++] = *g;
}

/* ---- SVG --------------------------------------------------------------------- */

/* Fills that differ in pattern as well as colour. */
static const struct {
	const char *colour;
	const char *pattern;	/* the pattern's body, %s the colour; NULL: solid */
} fills[] = {
	{"#1f4e79", NULL},
	{"#c55a11", "<rect width='6' height='6' fill='#fff'/>"
	    "<line x1='0' y1='0' x2='0' y2='6' stroke='%s' stroke-width='3'/>"},
	{"#2e7d32", "<rect width='6' height='6' fill='#fff'/>"
	    "<circle cx='3' cy='3' r='1.6' fill='%s'/>"},
	{"#b71c1c", "<rect width='6' height='6' fill='#fff'/>"
	    "<path d='M0 0L6 6M6 0L0 6' stroke='%s' stroke-width='1.4'/>"},
};
#define NFILLS ((int)(sizeof(fills) / sizeof(fills[0])))

static void
svg_start(struct report *r, const char *title, int w, int h, int nser)
{
	struct aduan_buf *b = r->b;
	int i;

	r->chart++;
	aduan_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"c%d-t\" font-family=\"sans-serif\" font-size=\"11\">"
	    "<title id=\"c%d-t\">", w, h, r->chart, r->chart);
	aduan_buf_add_xml(b, title);
	aduan_buf_adds(b, "</title><defs>");
	for (i = 0; i < nser && i < NFILLS; i++) {
		if (fills[i].pattern == NULL)
			continue;
		aduan_buf_printf(b, "<pattern id=\"c%d-p%d\" width=\"6\" height=\"6\" "
		    "patternUnits=\"userSpaceOnUse\"%s>", r->chart, i,
		    i == 1 ? " patternTransform=\"rotate(45)\"" : "");
		aduan_buf_printf(b, fills[i].pattern, fills[i].colour);
		aduan_buf_adds(b, "</pattern>");
	}
	aduan_buf_adds(b, "</defs>");
}

static void
fill_attr(struct report *r, int i)
{
	if (fills[i % NFILLS].pattern == NULL)
		aduan_buf_printf(r->b, "fill=\"%s\"", fills[i % NFILLS].colour);
	else
		aduan_buf_printf(r->b, "fill=\"url(#c%d-p%d)\"", r->chart, i % NFILLS);
}

static void
legend(struct report *r, int nser, const char *const *names, int x, int y)
{
	int i;

	for (i = 0; i < nser; i++) {
		aduan_buf_printf(r->b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" "
		    "stroke=\"#000\" stroke-width=\"0.6\" ", x, y);
		fill_attr(r, i);
		aduan_buf_printf(r->b, "/><text x=\"%d\" y=\"%d\">", x + 18, y + 9);
		aduan_buf_add_xml(r->b, names[i]);
		aduan_buf_adds(r->b, "</text>");
		x += 26 + 7 * (int)strlen(names[i]);
	}
}

/* A top for an axis over values up to max, in four steps of 1, 2 or 5
 * times a power of ten, so that the grid lines fall on whole numbers. */
static double
axis_top(double max, int percent)
{
	double unit = 1;

	if (percent)
		return 100;
	while (unit * 4 < max) {
		double lead = unit / pow(10, floor(log10(unit)));

		unit *= lead > 1.5 && lead < 2.5 ? 2.5 : 2;	/* 1, 2, 5, 10, 20, 50, ... */
	}
	return unit * 4;
}

/* The grid of a chart, five lines from x0 to x1 over plot below top, labelled 0 .. ymax with unit. */
static void
grid(struct report *r, int x0, int x1, int top, int plot, double ymax, const char *unit)
{
	int k;

	for (k = 0; k <= 4; k++) {
		double y = top + plot - plot * k / 4.0;
		struct aduan_buf t = {0};

		aduan_buf_printf(r->b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bbb\" "
		    "stroke-width=\"0.5\"/>", x0, y, x1, y);
		fmt_dec(r, &t, ymax * k / 4);
		aduan_buf_printf(r->b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>",
		    x0 - 4, y + 4, t.s, unit);
		aduan_buf_release(&t);
	}
}

/*
 * Grouped bars: ncat categories, nser series each, v[cat * nser + ser];
 * percent: values are percentages, labelled so.
 */
static void
bar_chart(struct report *r, const char *title, int ncat, const char *const *cats,
    int nser, const char *const *names, const double *v, int percent)
{
	struct aduan_buf *b = r->b;
	const int w = 680, left = 44, right = 10, top = 34, plot = 170;
	int rotate = ncat > 7, h = top + plot + (rotate ? 78 : 34);
	double max = 0, ymax, gw, bw;
	int i, k;

	for (i = 0; i < ncat * nser; i++)
		if (v[i] > max)
			max = v[i];
	ymax = axis_top(max, percent);
	svg_start(r, title, w, h, nser);
	legend(r, nser, names, left, 8);
	grid(r, left, w - right, top, plot, ymax, percent ? "%" : "");
	gw = (double)(w - left - right) / (ncat > 0 ? ncat : 1);
	bw = gw * 0.8 / nser;
	for (i = 0; i < ncat; i++) {
		double x0 = left + gw * i + gw * 0.1;

		for (k = 0; k < nser; k++) {
			double val = v[i * nser + k], bh = plot * val / ymax, x = x0 + bw * k;
			struct aduan_buf t = {0};

			aduan_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			    "stroke=\"#000\" stroke-width=\"0.6\" ", x, top + plot - bh, bw, bh);
			fill_attr(r, k);
			aduan_buf_adds(b, "/>");
			if (percent && isnan(val))
				continue;
			if (percent)
				fmt_dec(r, &t, val);
			else
				fmt_int(r, &t, lround(val));
			aduan_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			    "font-size=\"%d\">%s</text>", x + bw / 2, top + plot - bh - 3,
			    bw < 14 ? 8 : 10, t.s);
			aduan_buf_release(&t);
		}
		if (rotate)
			aduan_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" "
			    "transform=\"rotate(-40 %.1f %d)\">", x0 + gw * 0.4, top + plot + 14,
			    x0 + gw * 0.4, top + plot + 14);
		else
			aduan_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
			    x0 + gw * 0.4, top + plot + 16);
		aduan_buf_add_xml(b, cats[i]);
		aduan_buf_adds(b, "</text>");
	}
	aduan_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/></svg>\n",
	    left, top + plot, w - right, top + plot);
}

/* Lines with markers (circle, square) and their values, over n points. */
static void
line_chart(struct report *r, const char *title, int n, const char *const *cats,
    int nser, const char *const *names, const double *v)
{
	struct aduan_buf *b = r->b;
	const int w = 680, left = 44, right = 16, top = 34, plot = 170, h = top + plot + 34;
	double max = 0, ymax, gx;
	int i, k;

	for (i = 0; i < n * nser; i++)
		if (v[i] > max)
			max = v[i];
	ymax = axis_top(max, 0);
	svg_start(r, title, w, h, 0);
	for (k = 0; k < nser; k++) {	/* the legend: a line with its marker */
		int x = left + k * 150;

		aduan_buf_printf(b, "<line x1=\"%d\" y1=\"13\" x2=\"%d\" y2=\"13\" stroke=\"%s\" "
		    "stroke-width=\"2\"%s/>", x, x + 22, fills[k % NFILLS].colour,
		    k ? " stroke-dasharray=\"5 3\"" : "");
		if (k == 0)
			aduan_buf_printf(b, "<circle cx=\"%d\" cy=\"13\" r=\"3.5\" fill=\"%s\"/>",
			    x + 11, fills[0].colour);
		else
			aduan_buf_printf(b, "<rect x=\"%d\" y=\"9.5\" width=\"7\" height=\"7\" "
			    "fill=\"#fff\" stroke=\"%s\" stroke-width=\"1.5\"/>", x + 8,
			    fills[k % NFILLS].colour);
		aduan_buf_printf(b, "<text x=\"%d\" y=\"17\">", x + 28);
		aduan_buf_add_xml(b, names[k]);
		aduan_buf_adds(b, "</text>");
	}
	grid(r, left, w - right, top, plot, ymax, "");
	gx = (double)(w - left - right) / (n > 1 ? n - 1 : 1);
	for (k = 0; k < nser; k++) {
		aduan_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
		    "points=\"", fills[k % NFILLS].colour, k ? " stroke-dasharray=\"5 3\"" : "");
		for (i = 0; i < n; i++)
			aduan_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", left + gx * i,
			    top + plot - plot * v[i * nser + k] / ymax);
		aduan_buf_adds(b, "\"/>");
		for (i = 0; i < n; i++) {
			double x = left + gx * i, y = top + plot - plot * v[i * nser + k] / ymax;
			struct aduan_buf t = {0};

			if (k == 0)
				aduan_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>",
				    x, y, fills[0].colour);
			else
				aduan_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" "
				    "fill=\"#fff\" stroke=\"%s\" stroke-width=\"1.5\"/>", x - 3.5, y - 3.5,
				    fills[k % NFILLS].colour);
			fmt_int(r, &t, lround(v[i * nser + k]));
			/* the first series' values above, the second's beside */
			aduan_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
			    "font-size=\"9\">%s</text>", k == 0 ? x : x + 6, k == 0 ? y - 7 : y - 5,
			    k == 0 ? "middle" : "start", t.s);
			aduan_buf_release(&t);
		}
	}
	for (i = 0; i < n; i++) {
		aduan_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
		    left + gx * i, top + plot + 18);
		aduan_buf_add_xml(b, cats[i]);
		aduan_buf_adds(b, "</text>");
	}
	aduan_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/></svg>\n",
	    left, top + plot, w - right, top + plot);
}

/* ---- the page ------------------------------------------------------------------ */

/* A table cell: the figure as printed, and as the summary has it. */
static void
cell_n(struct report *r, const char *col, long n)
{
	aduan_buf_printf(r->b, "<td data-col=\"%s\" data-v=\"%ld\">", col, n);
	fmt_int(r, r->b, n);
	aduan_buf_adds(r->b, "</td>");
}

static void
cell_pct(struct report *r, const char *col, long part, long whole)
{
	aduan_buf_printf(r->b, "<td data-col=\"%s\">", col);
	fmt_pct(r, r->b, part, whole);
	aduan_buf_adds(r->b, "</td>");
}

/* A table row of a group (its key as the summary has it, its label), or
 * of the total (key NULL), and its first cell. */
static void
row_start(struct report *r, const char *key, const char *label)
{
	aduan_buf_adds(r->b, key ? "<tr data-key=\"" : "<tr class=\"total\" data-key=\"");
	aduan_buf_add_xml(r->b, key ? key : "(total)");
	aduan_buf_adds(r->b, "\"><td>");
	aduan_buf_add_xml(r->b, key ? label : _("Total"));
	aduan_buf_adds(r->b, "</td>");
}

static void
heading(struct report *r, const char *id, const char *text)
{
	aduan_buf_printf(r->b, "<section id=\"%s\"><h2>", id);
	aduan_buf_add_xml(r->b, text);
	aduan_buf_adds(r->b, "</h2>\n");
}

static void
th(struct report *r, const char *text)
{
	aduan_buf_adds(r->b, "<th>");
	aduan_buf_add_xml(r->b, text);
	aduan_buf_adds(r->b, "</th>");
}

/*
 * The figures of the period per group (ask), after the section's heading;
 * cats[i] names group i, none the group without one.
 */
static int
group_figures(struct report *r, int ask, const char *id, const char *title, struct figs *x,
    const char **cats, const char *none)
{
	int i, rc;

	memset(x, 0, sizeof(*x));
	if ((rc = figures(r, r->s->start, r->s->end, ask, keep_all, x)) != 0)
		return rc;
	heading(r, id, title);
	for (i = 0; i < x->n; i++)
		cats[i] = strcmp(x->v[i].key, "(none)") == 0 ? none : x->v[i].key;
	return 0;
}

/* The rest of a table's head: n columns named heads. */
static void
heads_end(struct report *r, int n, const char *const *heads)
{
	int i;

	for (i = 0; i < n; i++)
		th(r, heads[i]);
	aduan_buf_adds(r->b, "</tr></thead><tbody>\n");
}

/* The chart of the groups (when there are any), then the table's head: first, then n heads. */
static void
group_chart(struct report *r, const char *title, const struct figs *x, const char *const *cats,
    int nser, const char *const *names, const double *v, int pct, const char *first,
    int n, const char *const *heads)
{
	if (x->n > 0)
		bar_chart(r, title, x->n, cats, nser, names, v, pct);
	aduan_buf_adds(r->b, "<table><thead><tr>");
	th(r, first);
	heads_end(r, n, heads);
}

/* Row i of a group table: a group, or the total after the last one. */
static const struct fig *
group_row(struct report *r, const struct figs *x, int i, const char *const *cats)
{
	const struct fig *g = i < x->n ? &x->v[i] : &x->total;

	row_start(r, i < x->n ? g->key : NULL, i < x->n ? cats[i] : NULL);
	return g;
}

static const char style[] =
    "@page{size:A4;margin:14mm 12mm}"
    "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#111;background:#fff;"
    "max-width:186mm;margin:0 auto;padding:8px;font-size:10.5pt;line-height:1.35}"
    "h1{font-size:17pt;margin:0 0 2px}h2{font-size:12.5pt;margin:14px 0 6px;"
    "border-bottom:1.5px solid #1f4e79}"
    ".sub{color:#333;margin:0 0 10px}"
    ".cards{display:flex;flex-wrap:wrap;gap:6px}"
    ".card{flex:1 1 22%;border:1px solid #555;border-radius:4px;padding:5px 8px;min-width:34mm}"
    ".card b{display:block;font-size:16pt}"
    "table{border-collapse:collapse;width:100%;margin:6px 0}"
    "th,td{border:1px solid #777;padding:2px 5px;text-align:right}"
    "th:first-child,td:first-child{text-align:left}"
    "th{background:#e8eef5}"
    "tr.total td{font-weight:bold;border-top:2px solid #000}"
    "svg{width:100%;height:auto;display:block}"
    "section{break-inside:avoid;page-break-inside:avoid}"
    ".note{font-size:9pt;color:#333}"
    "@media print{body{padding:0}}";

static void
card(struct report *r, const char *id, const char *label, long n)
{
	aduan_buf_printf(r->b, "<div class=\"card\" id=\"card-%s\" data-v=\"%ld\"><b>", id, n);
	fmt_int(r, r->b, n);
	aduan_buf_adds(r->b, "</b>");
	aduan_buf_add_xml(r->b, label);
	aduan_buf_adds(r->b, "</div>");
}

static void
card_hours(struct report *r, const char *label, double h)
{
	aduan_buf_adds(r->b, "<div class=\"card\"><b>");
	fmt_hours(r->b, h);
	aduan_buf_adds(r->b, "</b>");
	aduan_buf_add_xml(r->b, label);
	aduan_buf_adds(r->b, "</div>");
}

/* The days of the period, each [t[i], t[i+1]); their number, or 0 when
 * the period is too long for a chart by day. */
static int
period_days(const struct aduan_summary *s, time_t *t)
{
	struct tm tm;
	int n = 0;

	localtime_r(&s->start, &tm);
	t[0] = s->start;
	while (t[n] < s->end && n < MAX_DAYS) {
		n++;
		t[n] = aduan_time_mklocal(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday + n, 0, 0, 0);
		if (t[n] == -1)
			return 0;
		if (t[n] > s->end)
			t[n] = s->end;
	}
	return t[n] >= s->end ? n : 0;
}

static int
section_days(struct report *r)
{
	time_t t[MAX_DAYS + 1];
	double v[MAX_DAYS * 2];
	char labels[MAX_DAYS][32];
	const char *cats[MAX_DAYS];
	const char *names[2] = {_("received"), _("closed")};
	struct fig g;
	struct tm tm;
	int n = period_days(r->s, t), i, rc;

	if (n == 0)
		return 0;
	heading(r, "per-day", _("Received and closed per day"));
	for (i = 0; i < n; i++) {
		memset(&g, 0, sizeof(g));
		if ((rc = figures(r, t[i], t[i + 1], -1, keep_total, &g)) != 0)
			return rc;
		v[2 * i] = (double)g.received;
		v[2 * i + 1] = (double)g.closed;
		localtime_r(&t[i], &tm);
		snprintf(labels[i], sizeof(labels[i]), "%s %d/%d", _(weekdays_short[tm.tm_wday]),
		    tm.tm_mday, tm.tm_mon + 1);
		cats[i] = labels[i];
	}
	bar_chart(r, _("Received and closed per day"), n, cats, 2, names, v, 0);
	aduan_buf_adds(r->b, "</section>\n");
	return 0;
}

static int
section_kelurahan(struct report *r)
{
	static struct figs x;
	const char *names[4] = {_("received"), _("closed"), _("still open"), _("overdue")};
	double v[MAX_GROUPS * 4];
	const char *cats[MAX_GROUPS];
	int i, rc;

	rc = group_figures(r, ASK_KELURAHAN, "kelurahan", _("Per kelurahan"), &x, cats, _("(none)"));
	if (rc != 0)
		return rc;
	for (i = 0; i < x.n; i++) {
		v[4 * i] = (double)x.v[i].received;
		v[4 * i + 1] = (double)x.v[i].closed;
		v[4 * i + 2] = (double)x.v[i].open_end;
		v[4 * i + 3] = (double)x.v[i].overdue_end;
	}
	group_chart(r, _("Per kelurahan"), &x, cats, 4, names, v, 0, _("Kelurahan"), 4, names);
	for (i = 0; i <= x.n; i++) {
		const struct fig *g = group_row(r, &x, i, cats);

		cell_n(r, "received", g->received);
		cell_n(r, "closed", g->closed);
		cell_n(r, "open_end", g->open_end);
		cell_n(r, "overdue_end", g->overdue_end);
		aduan_buf_adds(r->b, "</tr>\n");
	}
	aduan_buf_adds(r->b, "</tbody></table></section>\n");
	return 0;
}

static int
section_agency(struct report *r)
{
	static struct figs x;
	const char *names[2] = {
		/* xgettext:no-c-format */
		_("% closed within the SLA"),
		/* xgettext:no-c-format */
		_("% overdue")
	};
	const char *heads[5] = {_("forwarded"), _("closed"), _("closed within the SLA"),
	    _("still open"), _("overdue")};
	const char *cats[MAX_GROUPS];
	double v[MAX_GROUPS * 2];
	int i, rc;

	rc = group_figures(r, ASK_AGENCY, "agency", _("Per agency"), &x, cats, _("(not forwarded)"));
	if (rc != 0)
		return rc;
	for (i = 0; i < x.n; i++) {
		const struct fig *g = &x.v[i];

		v[2 * i] = g->closed > 0 ? 100.0 * (double)g->on_time / (double)g->closed : NAN;
		v[2 * i + 1] = g->open_end > 0 ? 100.0 * (double)g->overdue_end / (double)g->open_end : 0;
	}
	group_chart(r, _("Per agency"), &x, cats, 2, names, v, 1, _("Agency"), 5, heads);
	for (i = 0; i <= x.n; i++) {
		const struct fig *g = group_row(r, &x, i, cats);

		cell_n(r, "routed", g->routed);
		cell_n(r, "closed", g->closed);
		cell_pct(r, "closed_on_time_pct", g->on_time, g->closed);
		cell_n(r, "open_end", g->open_end);
		cell_pct(r, "overdue_end_pct", g->overdue_end, g->open_end);
		aduan_buf_adds(r->b, "</tr>\n");
	}
	aduan_buf_adds(r->b, "</tbody></table>\n<p class=\"note\">");
	aduan_buf_add_xml(r->b, _("Within the SLA: of the complaints closed in the period, those closed by "
	    "their due date. Overdue: of those still open at the end, those past their due date."));
	aduan_buf_adds(r->b, "</p></section>\n");
	return 0;
}

static int
section_trend(struct report *r)
{
	const char *names[2] = {_("received"), _("closed")};
	char labels[TREND_WEEKS][16];
	const char *cats[TREND_WEEKS];
	double v[TREND_WEEKS * 2];
	struct fig g;
	struct tm tm;
	time_t start, end;
	int i, rc;

	localtime_r(&r->s->start, &tm);
	heading(r, "trend", _("The last 12 weeks"));
	for (i = 0; i < TREND_WEEKS; i++) {
		int back = TREND_WEEKS - 1 - i;

		start = aduan_time_mklocal(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday - 7 * back,
		    0, 0, 0);
		end = aduan_time_mklocal(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday - 7 * back + 7,
		    0, 0, 0);
		memset(&g, 0, sizeof(g));
		if ((rc = figures(r, start, end, -1, keep_total, &g)) != 0)
			return rc;
		v[2 * i] = (double)g.received;
		v[2 * i + 1] = (double)g.closed;
		{
			struct tm w;
			char iso[8];

			localtime_r(&start, &w);
			strftime(iso, sizeof(iso), "W%V", &w);
			snprintf(labels[i], sizeof(labels[i]), "%s", iso);
		}
		cats[i] = labels[i];
	}
	line_chart(r, _("The last 12 weeks"), TREND_WEEKS, cats, 2, names, v);
	aduan_buf_adds(r->b, "</section>\n");
	return 0;
}

/* The overdue complaints at the end of the period, without personal data. */
static int
section_overdue(struct report *r)
{
	struct aduan_filter_binds binds;
	struct aduan_buf sql = {0};
	sqlite3_stmt *st;
	char cut[21];
	time_t t = r->s->end < r->s->now + 1 ? r->s->end : r->s->now + 1, due;
	long n = 0;
	int rc;

	heading(r, "overdue", _("Overdue complaints"));
	aduan_buf_adds(&sql, "WITH prm(cut) AS (SELECT ?1) SELECT c.id, c.received_at, c.kelurahan, "
	    "c.category, c.agency, c.due_at, c.confidential FROM complaint c, prm");
	aduan_filter_where(r->f, &sql, &binds);
	aduan_buf_adds(&sql, " AND c.received_at < prm.cut AND ifnull(c.closed_at >= prm.cut, 1)"
	    " AND c.due_at < prm.cut ORDER BY c.due_at, c.id");
	rc = sqlite3_prepare_v2(aduan_db_sqlite(r->db), sql.s, -1, &st, NULL);
	aduan_buf_release(&sql);
	if (rc != SQLITE_OK)
		return aduan_db_fail(r->db, "listing overdue complaints");
	sqlite3_bind_text(st, 1, aduan_time_utc(t, cut), -1, SQLITE_TRANSIENT);
	aduan_filter_bind(st, &binds, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[7];
		int i, hidden;

		for (i = 0; i < 7; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if (n == 0) {
			const char *heads[7] = {_("No."), _("Received"), _("Kelurahan"), _("Category"),
			    _("Agency"), _("Due"), _("Late by")};

			aduan_buf_adds(r->b, "<table><thead><tr>");
			heads_end(r, 7, heads);
		}
		if (++n > MAX_OVERDUE)
			continue;
		/* a confidential complaint shows no place or category (as exports) */
		hidden = v[6] != NULL && strcmp(v[6], "0") != 0;
		aduan_buf_printf(r->b, "<tr data-key=\"%s\"><td>%s</td><td>", v[0], v[0]);
		fmt_stamp(r->b, v[1]);
		aduan_buf_adds(r->b, "</td><td>");
		aduan_buf_add_xml(r->b, hidden ? _("(confidential)") : v[2] ? v[2] : "\xe2\x80\x93");
		aduan_buf_adds(r->b, "</td><td>");
		aduan_buf_add_xml(r->b, hidden ? "\xe2\x80\x93" : v[3] ? v[3] : "\xe2\x80\x93");
		aduan_buf_adds(r->b, "</td><td>");
		aduan_buf_add_xml(r->b, v[4] ? v[4] : _("(not forwarded)"));
		aduan_buf_adds(r->b, "</td><td>");
		fmt_stamp(r->b, v[5]);
		aduan_buf_adds(r->b, "</td><td>");
		if (aduan_time_from_utc(v[5], &due) == 0)
			fmt_hours(r->b, difftime(t, due) / 3600.0);
		aduan_buf_adds(r->b, "</td></tr>\n");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(r->db, "listing overdue complaints");
	if (n > 0)
		aduan_buf_adds(r->b, "</tbody></table>\n");
	aduan_buf_adds(r->b, "<p class=\"note\" id=\"overdue-count\">");
	if (n == 0)
		aduan_buf_add_xml(r->b, _("No complaint is overdue."));
	else if (n > MAX_OVERDUE)
		aduan_buf_printf(r->b, _("The first %d of %ld, by due date."), MAX_OVERDUE, n);
	aduan_buf_adds(r->b, " ");
	aduan_buf_add_xml(r->b, _("Names, phone numbers and texts are left out (UU PDP No. 27/2022)."));
	aduan_buf_adds(r->b, "</p></section>\n");
	return 0;
}

int
aduan_report_html(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out)
{
	/* TRANSLATORS: how a number is written here: give 1234.5 with your
	 * thousands separator and decimal separator, in this form */
	const char *sample = _("1,234.5");
	struct aduan_buf b = {0};
	struct report r = {db, s, f, &b, '.', ',', 0};
	struct fig total;
	char tz[16], made[32], week[16];
	struct tm tm;
	time_t last = s->end - 1;
	int rc;

	if (strlen(sample) == 7) {
		r.thou = sample[1];
		r.dec = sample[5];
	}
	memset(&total, 0, sizeof(total));
	if ((rc = figures(&r, s->start, s->end, -1, keep_total, &total)) != 0)
		return rc;
	localtime_r(&s->now, &tm);
	strftime(tz, sizeof(tz), "%Z", &tm);
	strftime(made, sizeof(made), "%d/%m/%Y %H:%M", &tm);
	localtime_r(&s->start, &tm);
	strftime(week, sizeof(week), "%G-W%V", &tm);

	aduan_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
	    /* TRANSLATORS: the language code of the page (html lang) */ _("en"));
	aduan_buf_add_xml(&b, _("Complaints report"));
	aduan_buf_printf(&b, " %s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", week, style);
	aduan_buf_add_xml(&b, _("Complaints report"));
	aduan_buf_adds(&b, "</h1>\n<p class=\"sub\" id=\"period\" data-start=\"");
	{
		char a[21], z[21];

		aduan_buf_printf(&b, "%s\" data-end=\"%s\">", aduan_time_utc(s->start, a),
		    aduan_time_utc(s->end, z));
	}
	fmt_day(&b, s->start);
	aduan_buf_adds(&b, " \xe2\x80\x93 ");
	fmt_day(&b, last);
	aduan_buf_printf(&b, " (%s)<br/>", week);
	aduan_buf_add_xml(&b, _("Made"));
	aduan_buf_printf(&b, " %s %s</p>\n", made, tz);

	heading(&r, "totals", _("The period in figures"));
	aduan_buf_adds(&b, "<div class=\"cards\">");
	card(&r, "received", _("received"), total.received);
	card(&r, "routed", _("forwarded to an agency"), total.routed);
	card(&r, "closed", _("closed"), total.closed);
	card(&r, "open_end", _("still open at the end"), total.open_end);
	card(&r, "overdue_end", _("overdue at the end"), total.overdue_end);
	card(&r, "not_complaint", _("marked not a complaint"), total.not_complaint);
	card_hours(&r, _("median time to the first action"), total.first_h);
	card_hours(&r, _("median time to closing"), total.close_h);
	aduan_buf_adds(&b, "</div>\n<p class=\"note\">");
	aduan_buf_add_xml(&b, _("Received leaves out complaints that duplicate another, and "
	    "messages a person marked not a complaint (counted apart)."));
	aduan_buf_adds(&b, "</p></section>\n");

	if ((rc = section_days(&r)) != 0 || (rc = section_kelurahan(&r)) != 0 ||
	    (rc = section_agency(&r)) != 0 || (rc = section_trend(&r)) != 0 ||
	    (rc = section_overdue(&r)) != 0) {
		aduan_buf_release(&b);
		return rc;
	}
	aduan_buf_adds(&b, "</body>\n</html>\n");
	if (fwrite(b.s, 1, b.len, out) != b.len)
		rc = aduan_fail(ADUAN_IOERR, "write error");
	aduan_buf_release(&b);
	return rc;
}
