/* t-reader.c - the CSV, TSV and JSON Lines readers on edge cases. */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "reader.h"
#include "tap.h"

/* Read all of text in fmt; the outcome of each record, one letter each
 * ('r' record, 'x' bad record), into out; the last record into *last. */
static int
read_all(enum aduan_format fmt, const char *text, size_t n, char *out, size_t outsz,
    struct aduan_complaint *last, long *lines)
{
	FILE *fp = fmemopen((void *)text, n, "r");
	struct aduan_reader *r;
	struct aduan_complaint c;
	size_t k = 0;
	int rc;

	aduan_complaint_init(&c);
	if ((rc = aduan_reader_open(&r, fmt, fp, "in")) != 0) {
		aduan_reader_free(r);
		fclose(fp);
		snprintf(out, outsz, "open:%d", rc);
		return rc;
	}
	while ((rc = aduan_reader_next(r, &c)) != 0 && rc != ADUAN_IOERR && k + 1 < outsz) {
		if (lines != NULL)
			lines[k] = aduan_reader_line(r);
		out[k++] = rc == 1 ? 'r' : 'x';
		if (rc == 1 && last != NULL) {
			int i;

			aduan_complaint_release(last);
			for (i = 0; i < ADUAN_NFIELDS; i++)
				aduan_complaint_sets(last, i, c.v[i]);
		}
	}
	out[k] = '\0';
	aduan_complaint_release(&c);
	aduan_reader_free(r);
	fclose(fp);
	return 0;
}

/* The format named in a data row: csv, tsv or jsonl. */
static enum aduan_format
format_named(const char *s)
{
	return strcmp(s, "tsv") == 0 ? AFMT_TSV : strcmp(s, "jsonl") == 0 ? AFMT_JSONL : AFMT_CSV;
}

/* What a row checks after a read: "outcome" (a letter a record), "lineN"
 * (where record N began) or a field of the last record. */
static const char *
checked(const char *what, const char *got, const struct aduan_complaint *last, const long *lines)
{
	static char buf[32];

	if (strcmp(what, "outcome") == 0)
		return got;
	if (strncmp(what, "line", 4) == 0) {
		snprintf(buf, sizeof(buf), "%ld", lines[atoi(what + 4)]);
		return buf;
	}
	return last->v[aduan_field_lookup(what, strlen(what))];
}

#define READ(fmt, s) read_all(fmt, s, sizeof(s) - 1, got, sizeof(got), &last, lines)

int
main(void)
{
	struct aduan_complaint last;
	char got[64];
	long lines[64];

	aduan_complaint_init(&last);
	for (tap_rows_open(&tr, "reads"); tap_rows_next(&tr);) {
		if (tr.col[1] != NULL)
			read_all(format_named(tr.col[0]), tr.col[1], strlen(tr.col[1]), got, sizeof(got),
			    &last, lines);
		is_str(checked(tr.col[2], got, &last, lines), tr.col[3], tr.col[4]);
	}
	{
		static const char nul[] = "body,rt\nx\0y,1\nz,2\n";

		read_all(AFMT_CSV, nul, sizeof(nul) - 1, got, sizeof(got), &last, lines);
		is_str(got, "xr", "CSV: a NUL byte rejects its record");
	}

	aduan_complaint_release(&last);
	return tap_done();
}
