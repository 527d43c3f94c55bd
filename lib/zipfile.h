/*
 * zipfile.h - members of a zip archive read as streams (libzip): an .xlsx
 * workbook, an iPhone's WhatsApp export.  Nothing is unpacked to disk
 * and no member is held in memory whole.
 */
#ifndef ADUAN_ZIPFILE_H
#define ADUAN_ZIPFILE_H

#include <stdio.h>

struct aduan_zip;

/*
 * Open the archive at path ("-": standard input, copied to a temporary
 * file first because a zip is read from its end).  name is used in
 * messages.  ADUAN_DATAERR when it is not a zip archive, ADUAN_IOERR
 * when it cannot be read.
 */
int aduan_zip_open(struct aduan_zip **zp, const char *path, const char *name);
/* The same over an open file, read from its start, or over what is left
 * of a stream that cannot seek (a pipe); fp stays the caller's. */
int aduan_zip_open_fp(struct aduan_zip **zp, FILE *fp, const char *name);
void aduan_zip_close(struct aduan_zip *z);

/* Members: their number, and each one's name (borrowed; NULL if none). */
long aduan_zip_count(struct aduan_zip *z);
const char *aduan_zip_name(struct aduan_zip *z, long i);
/* Index of the member named name (exact, or without regard to case when
 * nocase is set), or -1. */
long aduan_zip_find(struct aduan_zip *z, const char *name, int nocase);

/*
 * Open member i as a read-only stream; fclose() it when done (the
 * archive must stay open meanwhile).  At most limit bytes are read out
 * of it (0: no limit); past that the stream fails with a read error, so
 * that a small archive cannot unpack into gigabytes.  NULL with a
 * message on failure.
 */
FILE *aduan_zip_member(struct aduan_zip *z, long i, unsigned long long limit);

#endif
