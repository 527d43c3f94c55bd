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

#define READ(fmt, s) read_all(fmt, s, sizeof(s) - 1, got, sizeof(got), &last, lines)

int
main(void)
{
	struct aduan_complaint last;
	char got[64];
	long lines[64];

	aduan_complaint_init(&last);

	READ(AFMT_CSV, "body,rt\r\n\"a, \"\"b\"\"\r\nc\",5\r\nplain,6\r\n");
	is_str(got, "rr", "CSV: quoted comma, quotes and CRLF newline, then a plain row");
	is_int(lines[1], 4, "CSV: the second record starts on line 4");
	is_str(last.v[AF_BODY], "plain", "CSV: plain field");
	READ(AFMT_CSV, "body\r\n\"a\r\nb\"\r\n");
	is_str(last.v[AF_BODY], "a\nb", "CSV: CRLF inside a quoted field becomes LF");
	READ(AFMT_CSV, "\xef\xbb\xbf" "body,rt\nx,1\n");
	is_str(got, "r", "CSV: a BOM before the header is ignored");
	READ(AFMT_CSV, "body,rt\rx,1\ry,2\r");
	is_str(got, "rr", "CSV: lone CR line ends");
	is_int(lines[1], 3, "CSV: lone CRs count as lines");
	READ(AFMT_CSV, "body,rt\nx,1\n\"open,2\n");
	is_str(got, "rx", "CSV: an unterminated quote at the end is a bad record");
	READ(AFMT_CSV, "body,rt\n\"a\"b,1\ny,2\n");
	is_str(got, "xr", "CSV: a stray quote is a bad record and the next one is read");
	READ(AFMT_CSV, "body,rt\nx\ny,2,3\nz,4\n");
	is_str(got, "xxr", "CSV: too few and too many fields");
	{
		static const char nul[] = "body,rt\nx\0y,1\nz,2\n";

		read_all(AFMT_CSV, nul, sizeof(nul) - 1, got, sizeof(got), &last, lines);
		is_str(got, "xr", "CSV: a NUL byte rejects its record");
	}
	READ(AFMT_CSV, "body,rt\n\nx,1\n\n");
	is_str(got, "r", "CSV: blank lines are skipped");
	is_int(lines[0], 3, "CSV: and counted");
	READ(AFMT_CSV, "colour\nred\n");
	is_str(got, "open:65", "CSV: an unknown column fails at open");
	READ(AFMT_CSV, "body,body\nx,y\n");
	is_str(got, "open:65", "CSV: a repeated column fails at open");
	READ(AFMT_CSV, "");
	is_str(got, "open:65", "CSV: empty input fails at open");

	READ(AFMT_TSV, "body\trt\na\\tb\\nc\\\\d\t7\n");
	is_str(last.v[AF_BODY], "a\tb\nc\\d", "TSV: escapes decode");
	READ(AFMT_TSV, "body\trt\nbad\\q\t1\nok\t2\n");
	is_str(got, "xr", "TSV: a bad escape rejects the record");
	READ(AFMT_TSV, "body\trt\r\nx\t1\r\n");
	is_str(last.v[AF_RT], "1", "TSV: CRLF is stripped");
	READ(AFMT_TSV, "body\trt\nx\t\n");
	ok(last.v[AF_RT] == NULL, "TSV: an empty field is absent");

	READ(AFMT_JSONL, "{\"body\":\"a\\u00e9\\ud83d\\ude00\",\"rt\":5}\n\n{\"body\":1.5e3}\n");
	is_str(got, "rr", "JSONL: records, blank lines skipped");
	is_str(last.v[AF_BODY], "1.5e3", "JSONL: a number keeps its text");
	READ(AFMT_JSONL, "{\"body\":\"x\",\"anonymous\":true}");
	is_str(last.v[AF_ANONYMOUS], "1", "JSONL: true for a boolean field, no final newline");
	READ(AFMT_JSONL, "{\"body\":true}\n");
	is_str(got, "x", "JSONL: true for a text field is rejected");
	READ(AFMT_JSONL, "{\"body\":\"x\",\"a\":[1]}\n{\"body\":\"x\\u0000y\"}\n[1]\n{\"body\":\"x\"} x\n");
	is_str(got, "xxxx", "JSONL: unknown/nested, NUL escape, not an object, trailing garbage");
	is_int(lines[3], 4, "JSONL: line numbers");
	READ(AFMT_JSONL, "\xef\xbb\xbf{\"body\":\"x\"}\n");
	is_str(got, "r", "JSONL: a BOM on the first line is ignored");

	aduan_complaint_release(&last);
	return tap_done();
}
