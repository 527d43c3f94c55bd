/*
 * export.c - complaint records for others: CSV, TSV and JSON Lines
 * through the record writers, Open311 GeoReport v2 JSON; privacy by
 * default.
 *
 * Privacy (UU PDP No. 27/2022): unless AEX_PERSONAL is given, each field
 * is shown as the field table says (aduan_private_view(), privacy.c).
 *
 * With AEX_PERSONAL everything is written as stored, and every exported
 * complaint gets an 'export' event in the caller's transaction.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "export.h"
#include "internal.h"
#include "phone.h"
#include "query.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"
#include "xlsxout.h"

/* Extra columns after the complaint fields, for open311. */
enum { XC_UPDATED = ADUAN_NFIELDS, XC_AGENCY_NAME, XC_NCOLS };

int
aduan_export_fmt_lookup(const char *name)
{
	static const char *const names[] = {"csv", "tsv", "jsonl", "open311", "xlsx", NULL};

	return aduan_format_index(names, name);
}

char *
aduan_time_iso_local(time_t t, char buf[32])
{
	struct tm tm;
	long off;

	tzset();
	localtime_r(&t, &tm);
	off = labs(tm.tm_gmtoff);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + strlen(buf), 8, "%c%02d:%02d", tm.tm_gmtoff < 0 ? '-' : '+',
	    (int)(off / 3600 % 24), (int)(off % 3600 / 60));
	return buf;
}

/* A stored UTC stamp as local ISO 8601 with offset, as a JSON value. */
static void
json_time(struct aduan_buf *b, const char *utc)
{
	char buf[32];
	time_t t;

	if (utc == NULL || aduan_time_from_utc(utc, &t) == -1)
		aduan_buf_adds(b, "null");
	else
		aduan_buf_printf(b, "\"%s\"", aduan_time_iso_local(t, buf));
}

static void
json_str(struct aduan_buf *b, const char *s)
{
	if (s == NULL)
		aduan_buf_adds(b, "null");
	else
		aduan_json_quote(b, s, strlen(s));
}

/* One GeoReport v2 service request. */
static void
open311_row(struct aduan_buf *b, const char *const *v, const char *updated,
    const char *agency_name)
{
	struct aduan_buf t = {0};
	const char *st = v[AF_STATUS];

	aduan_buf_adds(b, "{\"service_request_id\":");
	json_str(b, v[AF_ID]);
	/* GeoReport v2 knows two statuses of its own: open and closed */
	aduan_buf_printf(b, ",\"status\":\"%s\",\"status_notes\":",
	    aduan_status_is(st, AS_CLOSED) ? "closed" : "open");
	/* notes for people, in the reader's language; the status stays a machine word */
	if (aduan_status_is(st, AS_CLOSED) && v[AF_RESOLUTION] != NULL) {
		aduan_buf_adds(&t, aduan_label("resolution", v[AF_RESOLUTION]));
		if (v[AF_DUPLICATE_OF] != NULL)
			aduan_buf_printf(&t, _(" (duplicate of %s)"), v[AF_DUPLICATE_OF]);
		json_str(b, t.s);
	} else if (aduan_status_is(st, AS_ROUTED) && v[AF_AGENCY] != NULL) {
		aduan_buf_printf(&t, _("forwarded to %s"), agency_name ? agency_name : v[AF_AGENCY]);
		json_str(b, t.s);
	} else
		aduan_buf_adds(b, "null");
	aduan_buf_adds(b, ",\"service_name\":");
	json_str(b, v[AF_CATEGORY] ? v[AF_CATEGORY] : "other");
	aduan_buf_adds(b, ",\"service_code\":");
	json_str(b, v[AF_CATEGORY] ? v[AF_CATEGORY] : "other");
	aduan_buf_adds(b, ",\"description\":");
	json_str(b, v[AF_BODY]);
	aduan_buf_adds(b, ",\"agency_responsible\":");
	json_str(b, agency_name ? agency_name : v[AF_AGENCY]);
	aduan_buf_adds(b, ",\"requested_datetime\":");
	json_time(b, v[AF_RECEIVED_AT]);
	aduan_buf_adds(b, ",\"updated_datetime\":");
	json_time(b, updated ? updated : v[AF_CREATED_AT]);
	aduan_buf_adds(b, ",\"expected_datetime\":");
	json_time(b, v[AF_DUE_AT]);
	/* "Jl. Pelabuhan, RT 008, Lok Tuan" */
	aduan_buf_reset(&t);
	if (v[AF_LOCATION] != NULL)
		aduan_buf_adds(&t, v[AF_LOCATION]);
	if (v[AF_RT] != NULL)
		aduan_buf_printf(&t, "%sRT %s", t.len ? ", " : "", v[AF_RT]);
	if (v[AF_KELURAHAN] != NULL)
		aduan_buf_printf(&t, "%s%s", t.len ? ", " : "", v[AF_KELURAHAN]);
	aduan_buf_adds(b, ",\"address\":");
	json_str(b, t.len ? t.s : NULL);
	aduan_buf_printf(b, ",\"lat\":%s,\"long\":%s}", v[AF_LAT] ? v[AF_LAT] : "null",
	    v[AF_LON] ? v[AF_LON] : "null");
	aduan_buf_release(&t);
}

/* Extra facts per complaint for open311: its last event, its agency's name. */
static int
open311_extra(struct aduan_db *db, const char *id, const char *agency,
    char **updated, char **agency_name)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT (SELECT max(at) FROM event WHERE complaint = ?1), "
	    "(SELECT name FROM agency WHERE code = ?2)");
	int rc;

	*updated = *agency_name = NULL;
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, strtoll(id, NULL, 10));
	sqlite3_bind_text(st, 2, agency, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*updated = aduan_xstrdup((const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			*agency_name = aduan_xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(db, "reading history");
}

/* The columns of a record export as a worksheet, from the field table:
 * numbers as numbers, times as local dates, the text wrapped, other text
 * as it is (phone numbers and RT stay text). */
static void
sheet_columns(const char **names, enum aduan_cell *kinds, double *widths)
{
	const struct aduan_field *f;
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++) {
		f = &aduan_fields[i];
		names[i] = f->name;
		widths[i] = f->width;
		kinds[i] = f->type != AT_TEXT ? ACELL_NUMBER : f->flags & AFF_TIME ? ACELL_UTC :
		    i == AF_BODY ? ACELL_LONGTEXT : ACELL_TEXT;
	}
}

static int export_rows(struct aduan_db *db, struct aduan_filter *f, enum aduan_export_fmt fmt,
    int flags, FILE *out, struct aduan_sheet *sheet, const char *to, const char *what,
    long *rows);

int
aduan_export_write(struct aduan_db *db, struct aduan_filter *f, enum aduan_export_fmt fmt,
    int flags, FILE *out, const char *to, const char *what, long *rows)
{
	return export_rows(db, f, fmt, flags, out, NULL, to, what, rows);
}

int
aduan_export_xlsx(struct aduan_db *db, struct aduan_filter *f, int flags,
    const char *path, const char *to, const char *what, long *rows)
{
	const char *names[ADUAN_NFIELDS];
	enum aduan_cell kinds[ADUAN_NFIELDS];
	double widths[ADUAN_NFIELDS];
	struct aduan_sheet *sheet;
	int rc, rc2;

	*rows = 0;
	sheet_columns(names, kinds, widths);
	if ((rc = aduan_sheet_open(&sheet, path, _("complaints"), names, kinds, widths,
	    ADUAN_NFIELDS)) == 0)
		rc = export_rows(db, f, AEX_XLSX, flags, NULL, sheet, to, what, rows);
	rc2 = aduan_sheet_close(sheet);
	return rc != 0 ? rc : rc2;
}

/* One open311 service request, with its extra facts, to out. */
static int
open311_write(struct aduan_db *db, const char *const *v, long row, struct aduan_buf *b, FILE *out)
{
	char *updated, *agency_name;
	int rc;

	if ((rc = open311_extra(db, v[AF_ID], v[AF_AGENCY], &updated, &agency_name)) != 0)
		return rc;
	aduan_buf_reset(b);
	aduan_buf_adds(b, row ? ",\n" : "\n");
	open311_row(b, v, updated, agency_name);
	fwrite(b->s, 1, b->len, out);
	free(updated);
	free(agency_name);
	return ferror(out) ? aduan_fail(ADUAN_IOERR, "write error") : 0;
}

/* The 'export' event of a personal export on each complaint given out. */
static int
export_record(struct aduan_db *db, const int64_t *ids, size_t nids, enum aduan_export_fmt fmt,
    const char *to, const char *what, long rows)
{
	static const char *const fmt_names[] = {"csv", "tsv", "jsonl", "open311", "xlsx"};
	struct aduan_buf b = {0};
	size_t k;
	int rc = 0;

	aduan_buf_printf(&b, "personal data exported: %s to %s, %ld row%s; filter: %s",
	    fmt_names[fmt], to, rows, rows == 1 ? "" : "s", what && *what ? what : "(none)");
	for (k = 0; k < nids && rc == 0; k++)
		rc = aduan_event_add(db, ids[k], "export", NULL, NULL, NULL, NULL, b.s);
	aduan_buf_release(&b);
	return rc;
}

/* Where the rows go: a record writer, open311 JSON, or a worksheet. */
struct sink {
	enum aduan_export_fmt fmt;
	FILE *out;
	struct aduan_writer *w;
	struct aduan_sheet *sheet;
	struct aduan_buf b;
};

static int
sink_open(struct sink *k, int flags)
{
	static const enum aduan_outfmt wfmt[] = {
		[AEX_CSV] = AOUT_CSV, [AEX_TSV] = AOUT_TSV, [AEX_JSONL] = AOUT_JSONL
	};
	int fields[ADUAN_NFIELDS], i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		fields[i] = i;
	if (k->fmt == AEX_OPEN311)
		fputc('[', k->out);
	if (k->fmt == AEX_OPEN311 || k->fmt == AEX_XLSX)
		return 0;
	return aduan_writer_open(&k->w, wfmt[k->fmt], k->out, fields, ADUAN_NFIELDS,
	    AW_HEADER | (flags & (AW_EXCEL | AW_SEMICOLON)));
}

static int
sink_row(struct aduan_db *db, struct sink *k, const char *const *v, long row)
{
	if (k->fmt == AEX_OPEN311)
		return open311_write(db, v, row, &k->b, k->out);
	if (k->fmt == AEX_XLSX)
		return aduan_sheet_row(k->sheet, v);
	return aduan_writer_row(k->w, v);
}

static int
sink_close(struct sink *k, long rows)
{
	int rc = 0;

	if (k->fmt == AEX_OPEN311)
		fputs(rows ? "\n]\n" : "]\n", k->out);
	else if (k->fmt != AEX_XLSX) {
		rc = aduan_writer_close(k->w);
		k->w = NULL;
	}
	if (rc == 0 && k->out != NULL && ferror(k->out))
		rc = aduan_fail(ADUAN_IOERR, "write error");
	return rc;
}

static int
export_rows(struct aduan_db *db, struct aduan_filter *f, enum aduan_export_fmt fmt,
    int flags, FILE *out, struct aduan_sheet *sheet, const char *to, const char *what,
    long *rows)
{
	struct sink k = {fmt, out, NULL, sheet, {0}};
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t nids = 0, capids = 0;
	int i, rc;

	*rows = 0;
	if ((rc = aduan_filter_prepare(db, f, &st)) != 0)
		return rc;
	if ((rc = sink_open(&k, flags)) != 0)
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[ADUAN_NFIELDS];
		char phone[17], *name = NULL;

		for (i = 0; i < ADUAN_NFIELDS; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if (!(flags & AEX_PERSONAL))
			aduan_private_view(v, phone, &name);
		else {
			ids = aduan_grow(ids, &capids, nids + 1, sizeof(*ids));
			ids[nids++] = sqlite3_column_int64(st, AF_ID);
		}
		rc = sink_row(db, &k, v, *rows);
		free(name);
		(*rows)++;
		if (rc != 0)
			goto done;
	}
	if (rc != SQLITE_DONE) {
		rc = aduan_db_fail(db, "querying");
		goto done;
	}
	if ((rc = sink_close(&k, *rows)) == 0 && (flags & AEX_PERSONAL))
		rc = export_record(db, ids, nids, fmt, to, what, *rows);
done:
	if (k.w != NULL)
		aduan_writer_close(k.w);
	sqlite3_finalize(st);
	aduan_buf_release(&k.b);
	free(ids);
	return rc;
}
