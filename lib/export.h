/*
 * export.h - record exports for others (aduan-export), with privacy by
 * default (export.c).
 */
#ifndef ADUAN_EXPORT_H
#define ADUAN_EXPORT_H

#include "aduan.h"
#include "db.h"
#include "privacy.h"
#include "query.h"

enum aduan_export_fmt { AEX_CSV, AEX_TSV, AEX_JSONL, AEX_OPEN311, AEX_XLSX };
int aduan_export_fmt_lookup(const char *name);	/* -1 when unknown */

enum {
	AEX_PERSONAL = 0x100	/* names, phones and confidential text included */
};

/*
 * Write the complaints that pass f to out in fmt.  flags: AW_EXCEL,
 * AEX_PERSONAL.  With AEX_PERSONAL the caller must have begun the
 * invocation's transaction: an 'export' event goes into each exported
 * complaint's history, its note naming the format, the destination
 * `to`, the filter `what` and the number of rows.  *rows is set to the
 * number of complaints written.
 */
int aduan_export_write(struct aduan_db *db, struct aduan_filter *f, enum aduan_export_fmt fmt,
    int flags, FILE *out, const char *to, const char *what, long *rows);

/*
 * The same as an .xlsx workbook written to path (the temporary file of
 * an aduan_outfile): one worksheet of every field, times as local dates,
 * phone numbers and RT as text.
 */
int aduan_export_xlsx(struct aduan_db *db, struct aduan_filter *f, int flags,
    const char *path, const char *to, const char *what, long *rows);

/* t as local ISO 8601 with its offset: "2024-11-28T14:05:00+08:00". */
char *aduan_time_iso_local(time_t t, char buf[32]);

#endif
