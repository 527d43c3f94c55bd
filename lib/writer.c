/*
 * writer.c - complaint records out: table, TSV, CSV (libcsv), JSON Lines.
 *
 * Rows arrive as arrays of borrowed strings indexed by field (NULL for
 * absent), whether they come from a database row or a parsed record.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "timeutil.h"
#include "util.h"
#include "writer.h"

static size_t width(const char *s);

struct aduan_writer {
	enum aduan_outfmt fmt;
	FILE *out;
	int fields[ADUAN_NFIELDS];
	int nfields;
	int flags;
	int width;			/* table: terminal width */
	struct aduan_buf line;
	/* table: rows kept until the end to size the columns */
	char **cells;
	size_t ncells, capcells;
	size_t colw[ADUAN_NFIELDS];
	long rows;
};

/* A column's name and type: a complaint field, or the computed AF_LATE. */
static const char *
col_name(int field)
{
	return field == AF_LATE ? "late" : field == AF_COUNT ? "count" : aduan_fields[field].name;
}

static enum aduan_ftype
col_type(int field)
{
	return field >= ADUAN_NFIELDS ? AT_INT : aduan_fields[field].type;
}

int
aduan_outfmt_lookup(const char *name)
{
	static const char *const names[] = {"table", "tsv", "csv", "jsonl", NULL};

	return aduan_format_index(names, name);
}

/* A field by the name a table shows for it in the reader's language
 * ("tenggat" for due_at), case and spaces aside; -1 when none. */
static int
field_by_label(const char *s, size_t len)
{
	char *want = aduan_xstrndup(s, len), *fw = aduan_fold(want), *fl;
	int i, found = -1;

	for (i = 0; i < ADUAN_NFIELDS + 1 && found < 0; i++) {
		fl = aduan_fold(aduan_label("field", col_name(i)));
		if (strcmp(fl, fw) == 0)
			found = i;
		free(fl);
	}
	free(fw);
	free(want);
	return found;
}

int
aduan_fields_parse(const char *list, int *fields, int *n)
{
	const char *p = list, *e;

	*n = 0;
	while (*p != '\0') {
		size_t len;
		int f;

		e = strchr(p, ',');
		len = e ? (size_t)(e - p) : strlen(p);
		if ((f = aduan_field_lookup(p, len)) == -1 && len == 4 && memcmp(p, "late", 4) == 0)
			f = AF_LATE;
		if (f == -1 && (f = field_by_label(p, len)) == -1)
			return aduan_fail(ADUAN_USAGE, "unknown field \"%.*s\"", (int)len, p);
		if (*n < ADUAN_NFIELDS)
			fields[(*n)++] = f;
		if (e == NULL)
			break;
		p = e + 1;
	}
	if (*n == 0)
		return aduan_fail(ADUAN_USAGE, "no fields named");
	return 0;
}

int
aduan_writer_open(struct aduan_writer **wp, enum aduan_outfmt fmt, FILE *out,
    const int *fields, int nfields, int flags)
{
	struct aduan_writer *w = aduan_xmalloc(sizeof(*w));
	const char *cols = getenv("COLUMNS");
	int i;

	memset(w, 0, sizeof(*w));
	w->fmt = fmt;
	w->out = out;
	w->flags = flags;
	w->nfields = nfields;
	memcpy(w->fields, fields, sizeof(int) * (size_t)nfields);
	w->width = cols && atoi(cols) > 20 ? atoi(cols) : 100;
	*wp = w;
	if (fmt == AOUT_CSV && (flags & AW_EXCEL))
		fputs("\xef\xbb\xbf", out);
	if (((flags & AW_HEADER) && fmt == AOUT_TSV) || fmt == AOUT_CSV) {
		for (i = 0; i < nfields; i++) {
			if (i > 0)
				fputc(fmt == AOUT_TSV ? '	' : flags & AW_SEMICOLON ? ';' : ',', out);
			fputs(col_name(fields[i]), out);
		}
		fputs(fmt == AOUT_CSV ? "\r\n" : "\n", out);
	}
	if (fmt == AOUT_TABLE)
		for (i = 0; i < nfields; i++)
			w->colw[i] = width(aduan_label("field", col_name(fields[i])));
	return ferror(out) ? aduan_fail(ADUAN_IOERR, "write error") : 0;
}

/* A plain decimal number: [-+]digits[.digits]. */
static int
plain_number(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	size_t n = strspn(p, "0123456789");

	if (n == 0)
		return 0;
	p += n;
	if (*p == '.')
		p += 1 + strspn(p + 1, "0123456789");
	return *p == '\0';
}

/*
 * Cells a spreadsheet would run as a formula or mangle as a number.
 * field is a complaint field, or -1 for a cell of another table (a
 * summary), where numbers are meant as numbers.
 */
static int
excel_unsafe(int field, const char *s, int flags)
{
	int numeric = field == -1 || field == AF_LAT || field == AF_LON;

	if (s[0] == '\0')
		return 0;
	if (numeric && plain_number(s) && !(s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return 0;	/* -0.5 is a number, not a formula; 007 is not a number */
	if (strchr("=+-@\t\r", s[0]) != NULL)
		return 1;
	if (!(flags & AW_EXCEL))
		return 0;	/* AW_NOFORMULA: formulas only */
	if (field == AF_REPORTER_PHONE || field == AF_RT)
		return 1;
	return s[0] == '0' && s[1] != '\0';
}

static int
time_field(int field)
{
	return field >= 0 && field < ADUAN_NFIELDS && (aduan_fields[field].flags & AFF_TIME);
}

static void
csv_cell(FILE *out, int flags, int field, const char *s)
{
	char local[32];
	time_t when;

	if (s == NULL)
		return;
	/* a spreadsheet reads local "2024-11-28 21:46:00" as a date and time;
	 * "...T13:46:00Z" it shows as text, and in UTC */
	if ((flags & AW_EXCEL) && time_field(field) && aduan_time_from_utc(s, &when) == 0) {
		struct tm tm;

		localtime_r(&when, &tm);
		strftime(local, sizeof(local), "%Y-%m-%d %H:%M:%S", &tm);
		s = local;
	}
	if ((flags & (AW_EXCEL | AW_NOFORMULA)) && excel_unsafe(field, s, flags)) {
		/* a leading apostrophe is what spreadsheets use for "text" */
		size_t n = strlen(s) + 2;
		char *t = aduan_xmalloc(n);

		t[0] = '\'';
		memcpy(t + 1, s, n - 1);
		csv_fwrite(out, t, n - 1);
		free(t);
		return;
	}
	/* 12.5 as 12,5 where the comma is the decimal sign */
	if ((flags & AW_SEMICOLON) && (field == -1 || field == AF_LAT || field == AF_LON) &&
	    plain_number(s) && strchr(s, '.') != NULL && strlen(s) < sizeof(local)) {
		strcpy(local, s);
		*strchr(local, '.') = ',';
		s = local;
	}
	/* quoted only when it must be, as most CSV writers do */
	if (s[strcspn(s, flags & AW_SEMICOLON ? ";\"\r\n" : ",\"\r\n")] != '\0' || s[0] == ' ' ||
	    (s[0] != '\0' && s[strlen(s) - 1] == ' '))
		csv_fwrite(out, s, strlen(s));
	else
		fputs(s, out);
}

int
aduan_csv_row(FILE *out, const char *const *cells, int n, int flags)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(flags & AW_SEMICOLON ? ';' : ',', out);
		csv_cell(out, flags, -1, cells[i]);
	}
	fputs("\r\n", out);
	return ferror(out) ? aduan_fail(ADUAN_IOERR, "write error") : 0;
}

static void
json_value(struct aduan_buf *b, int field, const char *s)
{
	if (s == NULL)
		aduan_buf_adds(b, "null");
	else if (col_type(field) == AT_BOOL)
		aduan_buf_adds(b, strcmp(s, "0") == 0 ? "false" : "true");
	else if (col_type(field) == AT_INT || col_type(field) == AT_REAL)
		aduan_buf_adds(b, s);
	else
		aduan_json_quote(b, s, strlen(s));
}

/* The computed columns' headers (the fields' are marked in complaint.c). */
static const char *const labels[] __attribute__((unused)) = {
	C_("field", "late"), C_("field", "count"),
};

/* Display form of a value for people: local times, visible controls,
 * the words of the data in the reader's language. */
void
aduan_display(struct aduan_buf *b, int field, const char *s, int oneline, int visible)
{
	time_t t;
	char buf[32];

	if (s == NULL)
		return;
	if (time_field(field) && aduan_time_from_utc(s, &t) == 0) {
		aduan_buf_adds(b, aduan_time_local(t, buf));
		return;
	}
	if (field < ADUAN_NFIELDS && aduan_fields[field].words != NULL) {
		aduan_buf_adds(b, aduan_label(aduan_fields[field].name, s));
		return;
	}
	if (visible)
		aduan_visible(b, s, oneline);
	else
		aduan_buf_adds(b, s);
}

/* Display width of UTF-8 text (code points; good enough for Indonesian). */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
aduan_writer_row(struct aduan_writer *w, const char *const *v)
{
	struct aduan_buf *b = &w->line;
	int i;

	aduan_buf_reset(b);
	w->rows++;
	switch (w->fmt) {
	case AOUT_TSV:
		for (i = 0; i < w->nfields; i++) {
			const char *s = v[w->fields[i]];

			if (i > 0)
				aduan_buf_addc(b, '\t');
			if (s != NULL && (w->flags & AW_VISIBLE)) {
				struct aduan_buf t = {0};

				aduan_tsv_escape(&t, s);
				aduan_visible(b, t.s ? t.s : "", 1);
				aduan_buf_release(&t);
			} else if (s != NULL)
				aduan_tsv_escape(b, s);
		}
		aduan_buf_addc(b, '\n');
		fwrite(b->s, 1, b->len, w->out);
		break;
	case AOUT_CSV:
		for (i = 0; i < w->nfields; i++) {
			if (i > 0)
				fputc(w->flags & AW_SEMICOLON ? ';' : ',', w->out);
			csv_cell(w->out, w->flags, w->fields[i], v[w->fields[i]]);
		}
		fputs("\r\n", w->out);
		break;
	case AOUT_JSONL:
		aduan_buf_addc(b, '{');
		for (i = 0; i < w->nfields; i++) {
			if (i > 0)
				aduan_buf_addc(b, ',');
			aduan_buf_printf(b, "\"%s\":", col_name(w->fields[i]));
			json_value(b, w->fields[i], v[w->fields[i]]);
		}
		aduan_buf_addc(b, '}');
		if (w->flags & AW_VISIBLE) {
			struct aduan_buf t = {0};

			aduan_visible(&t, b->s, 1);
			fwrite(t.s, 1, t.len, w->out);
			aduan_buf_release(&t);
		} else
			fwrite(b->s, 1, b->len, w->out);
		fputc('\n', w->out);
		break;
	case AOUT_TABLE:
		for (i = 0; i < w->nfields; i++) {
			size_t cw;

			aduan_buf_reset(b);
			aduan_display(b, w->fields[i], v[w->fields[i]], 1, 1);
			w->cells = aduan_grow(w->cells, &w->capcells, w->ncells + 1, sizeof(*w->cells));
			w->cells[w->ncells++] = aduan_xstrdup(b->s ? b->s : "");
			if ((cw = width(b->s ? b->s : "")) > w->colw[i])
				w->colw[i] = cw;
		}
		break;
	}
	return ferror(w->out) ? aduan_fail(ADUAN_IOERR, "write error") : 0;
}

/* Print s padded or cut to exactly n columns (cut with "…"). */
static void
cell(FILE *out, const char *s, size_t n, int last)
{
	size_t cols = 0;
	const char *p = s;

	while (*p != '\0') {
		const char *q = p + 1;

		while (((unsigned char)*q & 0xc0) == 0x80)
			q++;
		if (cols + 1 == n && width(p) > 1) {
			fputs("\xe2\x80\xa6", out);
			cols++;
			break;
		}
		fwrite(p, 1, (size_t)(q - p), out);
		cols++;
		p = q;
	}
	if (!last)
		for (; cols < n; cols++)
			fputc(' ', out);
}

int
aduan_writer_close(struct aduan_writer *w)
{
	int rc = 0, i, last;
	size_t r, used = 0;

	if (w == NULL)
		return 0;
	if (w->fmt == AOUT_TABLE && w->rows > 0) {
		last = w->nfields - 1;
		for (i = 0; i < last; i++)
			used += w->colw[i] + 2;
		/* the last column (the text) takes what is left of the line */
		if (used + 10 < (size_t)w->width && w->colw[last] > (size_t)w->width - used)
			w->colw[last] = (size_t)w->width - used;
		for (i = 0; i < w->nfields; i++) {
			cell(w->out, aduan_label("field", col_name(w->fields[i])),
			    w->colw[i], i == last);
			fputs(i == last ? "\n" : "  ", w->out);
		}
		for (r = 0; r < w->ncells; r++) {
			i = (int)(r % (size_t)w->nfields);
			cell(w->out, w->cells[r], w->colw[i], i == last);
			fputs(i == last ? "\n" : "  ", w->out);
		}
	}
	for (r = 0; r < w->ncells; r++)
		free(w->cells[r]);
	free(w->cells);
	if (ferror(w->out))
		rc = aduan_fail(ADUAN_IOERR, "write error");
	aduan_buf_release(&w->line);
	free(w);
	return rc;
}
