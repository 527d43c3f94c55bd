/* xlsxout.h - .xlsx worksheets written with libxlsxwriter (xlsxout.c). */
#ifndef ADUAN_XLSXOUT_H
#define ADUAN_XLSXOUT_H

#include "aduan.h"

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
