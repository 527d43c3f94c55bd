/* fuzz-reader.h - shared body of the reader fuzz targets. */
#include <stdio.h>
#include <stdlib.h>

#include "aduan.h"
#include "complaint.h"
#include "reader.h"

static int
fuzz_reader(enum aduan_format fmt, const unsigned char *data, size_t size)
{
	FILE *fp = fmemopen((void *)data, size, "r");
	struct aduan_reader *r;
	struct aduan_complaint c;
	size_t len;
	int rc, n = 0;

	if (fp == NULL)
		return 0;
	aduan_complaint_init(&c);
	if (aduan_reader_open(&r, fmt, fp, "fuzz") == 0) {
		while ((rc = aduan_reader_next(r, &c)) != 0 && rc != ADUAN_IOERR && n++ < 100000)
			(void)aduan_reader_raw(r, &len);
	}
	aduan_complaint_release(&c);
	aduan_reader_free(r);
	fclose(fp);
	return 0;
}
