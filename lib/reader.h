/* reader.h - complaints read from CSV, TSV, JSON Lines, WhatsApp chats and workbooks (reader.c). */
#ifndef ADUAN_READER_H
#define ADUAN_READER_H

#include "aduan.h"
#include "complaint.h"
#include "util.h"

enum aduan_format { AFMT_CSV, AFMT_TSV, AFMT_JSONL, AFMT_WHATSAPP, AFMT_XLSX };
int aduan_format_lookup(const char *name);	/* -1 when unknown */

struct aduan_reader;
/* name is used in messages ("FILE:LINE: reason"). */
int aduan_reader_open(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp, const char *name);
/*
 * The same with the options of a table: map is --map ("Isi Aduan=body,
 * No=-": a header's field, or - to leave the column out), delimiter a
 * CSV separator (0: the header line's), sheet a worksheet's name or
 * number (NULL: the first).  CSV and TSV input that is a zip archive is
 * read as a workbook.
 */
struct aduan_reader_opts {
	const char *map;
	int delimiter;
	const char *sheet;
};
int aduan_reader_open_opts(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp,
    const char *name, const struct aduan_reader_opts *o);
/*
 * Next record into c (released and refilled).  Returns 1 for a record,
 * 0 at the end, ADUAN_DATAERR for a bad record (message "NAME:LINE:
 * reason"; the reader goes on with the next), ADUAN_IOERR when reading
 * failed (stop).
 */
int aduan_reader_next(struct aduan_reader *r, struct aduan_complaint *c);
/* The first line of the last record read, and its raw text (borrowed). */
long aduan_reader_line(struct aduan_reader *r);
const char *aduan_reader_raw(struct aduan_reader *r, size_t *len);
/* Where the last record's field is, for a message: "NAME:LINE: column
 * \"No HP\"", "NAME:SHEET!C5: column \"No HP\"", or the record's
 * "NAME:LINE" / "NAME:SHEET:ROW" when field is -1 or not a column (or,
 * in CSV and TSV, a column under the field's own name, which the
 * message names). */
void aduan_reader_where(struct aduan_reader *r, int field, struct aduan_buf *b);
/* The header line (CSV/TSV) with its line end, or NULL. */
const char *aduan_reader_header(struct aduan_reader *r);
void aduan_reader_free(struct aduan_reader *r);

#endif
