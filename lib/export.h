/*
 * export.h - files for others (aduan-export): period summaries, record
 * exports with privacy by default.
 */
#ifndef ADUAN_EXPORT_H
#define ADUAN_EXPORT_H

#include "aduan.h"
#include "query.h"
#include "writer.h"

/* ---- summaries (summary.c) -------------------------------------------- */

/* What a summary can be grouped by, in --by order. */
enum aduan_summary_key {
	ASK_KELURAHAN, ASK_CATEGORY, ASK_AGENCY, ASK_CHANNEL, ASK_STATUS, ASK_NKEYS
};

struct aduan_summary {
	time_t start, end;	/* the period [start, end) */
	time_t now;		/* states are taken at min(end, now) */
	int by[ASK_NKEYS];	/* group keys, in order */
	int nby;
	int flags;		/* AW_EXCEL, AW_SEMICOLON */
};

/* Parse "kelurahan,category" into s->by; ADUAN_USAGE on an unknown key. */
int aduan_summary_by(struct aduan_summary *s, const char *list);
/*
 * The ISO week (Monday 00:00 local time, 7 days) named by "this", "last"
 * or "YYYY-Www".  ADUAN_USAGE when it is none of them.
 */
int aduan_summary_week(const char *arg, time_t now, time_t *start, time_t *end);
/*
 * Prepare the summary query over the complaints that pass f (whose
 * since/until must be unset: the period is s->start..end).  The caller
 * steps and finalizes *stp; columns as aduan_summary_header() names them.
 */
int aduan_summary_prepare(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, sqlite3_stmt **stp);
/* Its SQL with the values in place (aduan-export --sql); caller frees *sqlp. */
int aduan_summary_sql(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, char **sqlp);
/* The column names of a summary with these keys (n set to their number). */
void aduan_summary_header(const struct aduan_summary *s, const char **names, int *n);
/* Prepare, run and write the whole summary as CSV to out. */
int aduan_summary_write(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out);

/*
 * The camat's page for the period of s (report.c): one self-contained
 * HTML file with inline SVG charts, whose figures are the summary's.
 * The whole page is written to out at the end.
 */
int aduan_report_html(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out);

/* ---- record exports (export.c) ------------------------------------------ */

enum aduan_export_fmt { AEX_CSV, AEX_TSV, AEX_JSONL, AEX_OPEN311, AEX_XLSX };
int aduan_export_fmt_lookup(const char *name);	/* -1 when unknown */

enum {
	AEX_PERSONAL = 0x100	/* names, phones and confidential text included */
};

/*
 * Write the complaints that pass f to out in fmt.  flags: AW_EXCEL,
 * AEX_PERSONAL.  With AEX_PERSONAL the caller must have begun the
 * invocation's transaction: an 'export' event goes into each exported
 * complaint's history, its note naming the format, the destination
 * `to`, the filter `what` and the number of rows.  *rows is set to the
 * number of complaints written.
 */
int aduan_export_write(struct aduan_db *db, struct aduan_filter *f, enum aduan_export_fmt fmt,
    int flags, FILE *out, const char *to, const char *what, long *rows);

/*
 * The same as an .xlsx workbook written to path (the temporary file of
 * an aduan_outfile): one worksheet of every field, times as local dates,
 * phone numbers and RT as text.
 */
int aduan_export_xlsx(struct aduan_db *db, struct aduan_filter *f, int flags,
    const char *path, const char *to, const char *what, long *rows);
/* The summary as an .xlsx workbook written to path. */
int aduan_summary_xlsx(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, const char *path);

/* A name for an export without personal data: initials ("Sitti Hasnah"
 * -> "S.H."); "***" when the name has no letters.  Caller frees. */
char *aduan_name_mask(const char *name);
/* t as local ISO 8601 with its offset: "2024-11-28T14:05:00+08:00". */
char *aduan_time_iso_local(time_t t, char buf[32]);

/* ---- .xlsx worksheets (xlsxout.c) ------------------------------------------ */

/* What a column holds, and so how a spreadsheet shows it. */
enum aduan_cell {
	ACELL_TEXT,		/* text, as it is (phone numbers, RT, names) */
	ACELL_LONGTEXT,		/* text wrapped in its cell (a complaint's body) */
	ACELL_NUMBER,		/* a number (text when it is not one) */
	ACELL_UTC,		/* a stored UTC stamp, shown as a local date and time */
	ACELL_LOCAL		/* a local "YYYY-MM-DD HH:MM", shown as a date and time */
};
struct aduan_sheet;
/*
 * Start a workbook at path with one worksheet called title, whose header
 * row names the n columns (at most 64), of these kinds and widths (in
 * characters).  aduan_sheet_close() writes it, also after a failure.
 */
int aduan_sheet_open(struct aduan_sheet **sp, const char *path, const char *title,
    const char *const *names, const enum aduan_cell *kinds, const double *widths, int n);
/* One row of n cells (NULL or "": empty).  ADUAN_DATAERR for a text
 * longer than a cell holds, ADUAN_IOERR when writing fails. */
int aduan_sheet_row(struct aduan_sheet *s, const char *const *cells);
int aduan_sheet_close(struct aduan_sheet *s);

#endif
