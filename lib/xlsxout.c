/*
 * xlsxout.c - a table written as an .xlsx worksheet (libxlsxwriter), for
 * record exports and summaries.
 *
 * Each column has a kind: text (phone numbers and RT stay text: 0812...
 * keeps its zero), a number, or a time shown as a date and time in local
 * time (from a stored UTC stamp, or from a local "YYYY-MM-DD HH:MM").
 * The header row is bold and frozen, with an autofilter over the table;
 * widths are the caller's.  The workbook is written in libxlsxwriter's
 * constant-memory mode: one row at a time, whatever the export's size.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "aduan.h"
#include "timeutil.h"
#include "util.h"
#include "xlsxout.h"

struct aduan_sheet {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *date, *text, *wrap;
	char *path;
	enum aduan_cell kind[64];
	int ncols;
	lxw_row_t row;
};

static int
sheet_fail(struct aduan_sheet *s, lxw_error e)
{
	return aduan_fail(ADUAN_IOERR, "cannot write %s: %s", s->path, lxw_strerror(e));
}

int
aduan_sheet_open(struct aduan_sheet **sp, const char *path, const char *title,
    const char *const *names, const enum aduan_cell *kinds, const double *widths, int n)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	struct aduan_sheet *s = aduan_xmalloc(sizeof(*s));
	lxw_error e;
	int i;

	memset(s, 0, sizeof(*s));
	*sp = s;
	s->path = aduan_xstrdup(path);
	if (n > (int)(sizeof(s->kind) / sizeof(s->kind[0])))
		return aduan_fail(ADUAN_USAGE, "too many columns for a worksheet");
	if ((s->wb = workbook_new_opt(path, &opt)) == NULL ||
	    (s->ws = workbook_add_worksheet(s->wb, title)) == NULL)
		return aduan_fail(ADUAN_IOERR, "cannot write %s", path);
	s->head = workbook_add_format(s->wb);
	format_set_bold(s->head);
	format_set_bottom(s->head, LXW_BORDER_THIN);
	s->date = workbook_add_format(s->wb);
	format_set_num_format(s->date, "yyyy-mm-dd hh:mm");
	format_set_align(s->date, LXW_ALIGN_LEFT);
	s->text = workbook_add_format(s->wb);
	format_set_num_format(s->text, "@");
	s->wrap = workbook_add_format(s->wb);
	format_set_num_format(s->wrap, "@");
	format_set_text_wrap(s->wrap);
	format_set_align(s->wrap, LXW_ALIGN_VERTICAL_TOP);
	s->ncols = n;
	for (i = 0; i < n; i++) {
		s->kind[i] = kinds[i];
		worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	for (i = 0; i < n; i++)
		if ((e = worksheet_write_string(s->ws, 0, (lxw_col_t)i, names[i], s->head)) != 0)
			return sheet_fail(s, e);
	s->row = 1;
	return 0;
}

/* A stored UTC stamp or a local "YYYY-MM-DD HH:MM[:SS]" as local fields. */
static int
local_fields(const char *v, enum aduan_cell kind, lxw_datetime *dt)
{
	struct tm tm;
	time_t t;
	int n = 0;

	memset(dt, 0, sizeof(*dt));
	if (kind == ACELL_UTC) {
		if (aduan_time_from_utc(v, &t) == -1)
			return -1;
		tzset();
		localtime_r(&t, &tm);
		dt->year = tm.tm_year + 1900;
		dt->month = tm.tm_mon + 1;
		dt->day = tm.tm_mday;
		dt->hour = tm.tm_hour;
		dt->min = tm.tm_min;
		dt->sec = tm.tm_sec;
		return 0;
	}
	if (sscanf(v, "%4d-%2d-%2d %2d:%2d%n", &dt->year, &dt->month, &dt->day, &dt->hour,
	    &dt->min, &n) != 5 || (v[n] != '\0' && v[n] != ':'))
		return -1;
	return 0;
}

int
aduan_sheet_row(struct aduan_sheet *s, const char *const *cells)
{
	lxw_datetime dt;
	lxw_error e = LXW_NO_ERROR;
	char *end;
	double d;
	int i;

	for (i = 0; i < s->ncols && e == LXW_NO_ERROR; i++) {
		const char *v = cells[i];
		lxw_col_t c = (lxw_col_t)i;

		if (v == NULL || *v == '\0')
			continue;
		switch (s->kind[i]) {
		case ACELL_NUMBER:
			errno = 0;
			d = strtod(v, &end);
			if (errno == 0 && *end == '\0' && end != v) {
				e = worksheet_write_number(s->ws, s->row, c, d, NULL);
				break;
			}
			e = worksheet_write_string(s->ws, s->row, c, v, NULL);
			break;
		case ACELL_UTC:
		case ACELL_LOCAL:
			if (local_fields(v, s->kind[i], &dt) == 0) {
				e = worksheet_write_datetime(s->ws, s->row, c, &dt, s->date);
				break;
			}
			e = worksheet_write_string(s->ws, s->row, c, v, s->text);
			break;
		case ACELL_TEXT:
		case ACELL_LONGTEXT:
			e = worksheet_write_string(s->ws, s->row, c, v,
			    s->kind[i] == ACELL_LONGTEXT ? s->wrap : s->text);
			break;
		}
	}
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return aduan_fail(ADUAN_DATAERR, "row %lu: a text longer than a spreadsheet cell "
		    "holds (32767 characters); export it as CSV", (unsigned long)s->row);
	if (e != LXW_NO_ERROR)
		return sheet_fail(s, e);
	s->row++;
	return 0;
}

int
aduan_sheet_close(struct aduan_sheet *s)
{
	lxw_error e;
	int rc = 0;

	if (s == NULL)
		return 0;
	if (s->wb != NULL) {
		if (s->ws != NULL)
			worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 1,
			    (lxw_col_t)(s->ncols - 1));
		if ((e = workbook_close(s->wb)) != LXW_NO_ERROR)
			rc = sheet_fail(s, e);
	}
	free(s->path);
	free(s);
	return rc;
}
