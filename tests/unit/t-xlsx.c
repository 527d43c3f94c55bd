/* t-xlsx.c - workbooks written (xlsxout.c) and read back (xlsx.c) with their types. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "xlsx.h"
#include "xlsxout.h"
#include "tap.h"

static const char *
serial(double v, int d1904)
{
	static char buf[32];

	return aduan_xlsx_serial(v, d1904, buf) == 0 ? buf : "ERR";
}

static const char *
col(size_t i)
{
	static char buf[8];

	return aduan_xlsx_column(i, buf);
}

int
main(void)
{
	char path[] = "/tmp/t-xlsx.XXXXXX";
	static const char *const names[] = {"when", "phone", "rt", "n", "body"};
	static const enum aduan_cell kinds[] = {ACELL_UTC, ACELL_TEXT, ACELL_TEXT, ACELL_NUMBER,
		ACELL_LONGTEXT};
	static const double widths[] = {17, 16, 6, 8, 40};
	const char *row[] = {"2024-11-28T06:05:00Z", "081234567890", "005", "42.5",
		"Jalan \"berlubang\"\nbaris dua <&>"};
	struct aduan_sheet *s;
	struct aduan_xlsx *x;
	char **cells;
	size_t n;
	long r;
	FILE *fp;
	int fd;

	setenv("TZ", "Asia/Makassar", 1);
	tzset();

	/* date serials: the 1900 system with its phantom 29 February, and 1904 */
	is_str(serial(1, 0), "1900-01-01", "serial 1 is 1900-01-01");
	is_str(serial(59, 0), "1900-02-28", "59 is 28 February 1900");
	is_str(serial(60, 0), "ERR", "60 is the 29 February 1900 that never was");
	is_str(serial(61, 0), "1900-03-01", "61 is 1 March 1900");
	is_str(serial(45988.416666666664, 0), "2025-11-27T10:00:00", "a date and time");
	is_str(serial(44526.416666666664, 1), "2025-11-27T10:00:00", "the same in the 1904 system");
	is_str(serial(0, 1), "00:00:00", "a time alone below 1");
	is_str(serial(0.90694444445, 0), "21:46:00", "21:46 as a fraction of a day");
	is_str(serial(45988.99999999, 0), "2025-11-28", "rounding to the second carries into the next day");
	is_str(serial(-1, 0), "ERR", "negative serials are no dates");
	is_str(serial(3e6, 0), "ERR", "nor those past 9999");
	is_str(col(0), "A", "column 0 is A");
	is_str(col(25), "Z", "25 is Z");
	is_str(col(26), "AA", "26 is AA");
	is_str(col(16383), "XFD", "the last column is XFD");

	/* a workbook written and read back */
	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	is_int(aduan_sheet_open(&s, path, "aduan", names, kinds, widths, 5), 0, "a sheet opens");
	is_int(aduan_sheet_row(s, row), 0, "a row is written");
	is_int(aduan_sheet_close(s), 0, "the workbook is written");
	fp = fopen(path, "rb");
	is_int(aduan_xlsx_open(&x, fp, "t.xlsx", NULL), 0, "and opens to be read");
	is_str(aduan_xlsx_sheet(x), "aduan", "its sheet keeps its name");
	is_int(aduan_xlsx_row(x, &cells, &n, &r), 1, "the header row");
	ok(n == 5 && r == 1 && strcmp(cells[0], "when") == 0 && strcmp(cells[4], "body") == 0,
	    "names the columns");
	is_int(aduan_xlsx_row(x, &cells, &n, &r), 1, "the data row");
	is_int(r, 2, "is row 2");
	is_str(cells[0], "2024-11-28T14:05:00", "a UTC stamp comes back as a local date and time");
	is_str(cells[1], "081234567890", "a phone number stays text, 0 kept");
	is_str(cells[2], "005", "RT 005 stays text");
	is_str(cells[3], "42.5", "a number is a number");
	is_str(cells[4], row[4], "text with quotes, a newline and <&> comes back as it was");
	is_int(aduan_xlsx_row(x, &cells, &n, &r), 0, "then the end");
	aduan_xlsx_free(x);
	fclose(fp);

	is_int(aduan_sheet_open(&s, path, "aduan", names, kinds, widths, 5), 0, "again");
	fp = fopen(path, "rb");
	aduan_sheet_close(s);
	is_int(aduan_xlsx_open(&x, fp, "t.xlsx", "2"), ADUAN_DATAERR, "a sheet that is not there");
	ok(strstr(aduan_errmsg(), "sheets: 1 \"aduan\"") != NULL, "lists those there: %s",
	    aduan_errmsg());
	aduan_xlsx_free(x);
	fclose(fp);
	unlink(path);
	return tap_done();
}
