/* writer.h - complaint records out (table, TSV, CSV, JSON Lines). */
#ifndef ADUAN_WRITER_H
#define ADUAN_WRITER_H

#include "aduan.h"
#include "complaint.h"
#include "util.h"

enum aduan_outfmt { AOUT_TABLE, AOUT_TSV, AOUT_CSV, AOUT_JSONL };

enum {
	AW_HEADER = 1,		/* a header line for TSV (CSV always has one) */
	AW_EXCEL = 2,		/* CSV for spreadsheets: BOM, no formulas, text kept text,
				   times local "YYYY-MM-DD HH:MM:SS" */
	AW_VISIBLE = 4,		/* for a terminal: control characters made visible */
	AW_NOFORMULA = 8,	/* of AW_EXCEL only this: no cell a spreadsheet runs as a formula */
	AW_SEMICOLON = 16	/* CSV as an Indonesian-locale spreadsheet reads it: ";"
				   between cells, decimal commas in numbers */
};

/* Computed columns after the complaint's fields: the working days a
 * complaint is past due (aduan-list --overdue), and a number of
 * complaints (aduan-list --count-by); rows then hold ADUAN_NCOLUMNS
 * values. */
enum { AF_LATE = ADUAN_NFIELDS, AF_COUNT, ADUAN_NCOLUMNS };

struct aduan_writer;

int aduan_outfmt_lookup(const char *name);	/* -1 when unknown */
/* Parse "id,body,..." into field indexes (names or the labels a table
 * shows, and "late": AF_LATE); ADUAN_USAGE on an unknown name. */
int aduan_fields_parse(const char *list, int *fields, int *n);
int aduan_writer_open(struct aduan_writer **wp, enum aduan_outfmt fmt, FILE *out,
    const int *fields, int nfields, int flags);
/* v[field] for every field (NULL when absent); borrowed for the call. */
int aduan_writer_row(struct aduan_writer *w, const char *const *v);
/* Flush (a table is printed here) and free. */
int aduan_writer_close(struct aduan_writer *w);
/*
 * One CSV row of n cells of any table (a summary, say): RFC 4180, quoted
 * only where needed, CRLF; NULL cells empty.  With AW_EXCEL a cell that
 * a spreadsheet would run as a formula gets a leading apostrophe (plain
 * numbers such as -0.5 stay numbers); with AW_NOFORMULA that alone.
 * The BOM is the caller's.
 */
int aduan_csv_row(FILE *out, const char *const *cells, int n, int flags);
/* Append a value as people read it: local times, the data's words in the
 * reader's language, and (visible) control characters made visible. */
void aduan_display(struct aduan_buf *b, int field, const char *s, int oneline, int visible);

#endif
