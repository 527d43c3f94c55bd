/*
 * xlsx.h - the rows of one worksheet of an .xlsx workbook (Office Open
 * XML), read as a stream: libzip opens the members, expat parses them,
 * and one row at a time is held in memory (plus the workbook's shared
 * strings, which any row may use).
 */
#ifndef ADUAN_XLSX_H
#define ADUAN_XLSX_H

#include <stdio.h>

struct aduan_xlsx;

/*
 * Open the workbook in fp (a file or a stream; see aduan_zip_open_fp)
 * and the worksheet named by sheet: its name (exact, else without
 * regard to case), or its number from 1; NULL for the first.  name is
 * used in messages.  ADUAN_DATAERR when it is not a workbook or has no
 * such sheet (the message lists the sheets), ADUAN_IOERR when reading
 * fails.
 */
int aduan_xlsx_open(struct aduan_xlsx **xp, FILE *fp, const char *name, const char *sheet);
void aduan_xlsx_free(struct aduan_xlsx *x);
/* The worksheet's name (borrowed). */
const char *aduan_xlsx_sheet(struct aduan_xlsx *x);

/*
 * The next row that has a cell: *cells[i] is column i's value as text
 * (NULL when empty), *n the number of columns up to the last with a
 * value, *row the sheet's row number (from 1).  Values: strings as
 * written; numbers in their shortest exact form (81234567890, not
 * 8.1234567890E+10); booleans 1 and 0; numbers formatted as dates or
 * times become local "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or "HH:MM:SS"
 * (1900 or 1904 date system, as the workbook says); error cells their
 * code (#N/A).  The cells are borrowed until the next call.  Returns 1
 * for a row, 0 at the end, ADUAN_DATAERR or ADUAN_IOERR.
 */
int aduan_xlsx_row(struct aduan_xlsx *x, char ***cells, size_t *n, long *row);

/* "A", "B", ..., "Z", "AA", ... for column i (from 0); buf holds 8 bytes. */
char *aduan_xlsx_column(size_t i, char buf[8]);
/* A date serial of the workbook as local "YYYY-MM-DD[THH:MM:SS]" or, below
 * 1, "HH:MM:SS"; -1 when out of range.  buf holds 32 bytes. */
int aduan_xlsx_serial(double serial, int date1904, char buf[32]);

#endif
