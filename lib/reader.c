/*
 * reader.c - streaming readers for CSV (libcsv), TSV and JSON Lines.
 *
 * Each reads one record at a time into a struct aduan_complaint, keeps
 * the record's raw text (for a rejects file in the input format) and its
 * first line number (for "FILE:LINE: reason"), and holds no more than
 * one record in memory.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"

struct row {
	char **f;		/* fields; NULL for an empty one */
	size_t n, cap;
};

struct aduan_reader {
	enum aduan_format fmt;
	FILE *fp;
	char *name;
	char *line;		/* getline buffer */
	size_t linecap;
	long lineno;		/* lines read so far */
	long recline;		/* first line of the current record */
	struct aduan_buf raw;	/* raw text of the current record */
	char *header;		/* raw header line */
	int map[ADUAN_NFIELDS * 2];	/* column -> field */
	size_t ncols;
	/* CSV */
	struct csv_parser csv;
	struct row cur;		/* the row being parsed */
	int row_done;		/* cb2 has ended cur */
	int bad_nul;
};

int
aduan_format_lookup(const char *name)
{
	static const char *const names[] = {"csv", "tsv", "jsonl", "whatsapp", NULL};
	int i = aduan_word_index(names, name);

	if (i == -1 && strcmp(name, "json") == 0)
		i = AFMT_JSONL;
	return i;
}

static void
row_clear(struct row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->f[i]);
	r->n = 0;
}

static void
row_add(struct row *r, const char *s, size_t n)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->f = aduan_xrealloc(r->f, r->cap * sizeof(*r->f));
	}
	r->f[r->n++] = n ? aduan_xstrndup(s, n) : NULL;
}

static void
csv_cb_field(void *s, size_t n, void *arg)
{
	struct aduan_reader *r = arg;
	char *p, *q, *end;

	row_add(&r->cur, s, n);
	/* a spreadsheet's CRLF inside a quoted cell is a plain newline */
	if ((p = r->cur.f[r->cur.n - 1]) == NULL)
		return;
	for (q = p, end = p + n; p < end; p++)
		if (!(*p == '\r' && p + 1 < end && p[1] == '\n'))
			*q++ = *p;
	*q = '\0';
}

static void
csv_cb_row(int c, void *arg)
{
	struct aduan_reader *r = arg;

	r->row_done = 1;
}

/*
 * Read one line with its end into r->line: a line ends at LF, CR LF or a
 * lone CR (old Mac files), so that every record starts on a line of its
 * own.  -1 at the end or on error.
 */
static ssize_t
next_line(struct aduan_reader *r)
{
	size_t n = 0;
	int c;

	while ((c = getc_unlocked(r->fp)) != EOF) {
		if (n + 2 >= r->linecap) {
			r->linecap = r->linecap ? r->linecap * 2 : 4096;
			r->line = aduan_xrealloc(r->line, r->linecap);
		}
		r->line[n++] = (char)c;
		if (c == '\n')
			break;
		if (c == '\r') {
			if ((c = getc_unlocked(r->fp)) == '\n')
				r->line[n++] = '\n';
			else if (c != EOF)
				ungetc(c, r->fp);
			break;
		}
	}
	if (n == 0)
		return -1;
	r->line[n] = '\0';
	r->lineno++;
	if (r->lineno == 1 && n >= 3 && memcmp(r->line, "\xef\xbb\xbf", 3) == 0) {
		memmove(r->line, r->line + 3, n - 2);
		n -= 3;
	}
	return (ssize_t)n;
}

/* Strip the line end of r->line (n bytes). */
static size_t
chomp(char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return n;
}

static int
read_error(struct aduan_reader *r)
{
	return aduan_fail(ADUAN_IOERR, "%s: read error", r->name);
}

/*
 * CSV: feed whole lines to libcsv until it ends a row.  A parse error
 * rejects the record and restarts the parser at the next line.
 */
static int
csv_row(struct aduan_reader *r)
{
	ssize_t n;

	row_clear(&r->cur);
	r->row_done = 0;
	r->bad_nul = 0;
	aduan_buf_reset(&r->raw);
	r->recline = r->lineno + 1;
	for (;;) {
		if ((n = next_line(r)) == -1) {
			if (ferror(r->fp))
				return read_error(r);
			if (csv_fini(&r->csv, csv_cb_field, csv_cb_row, r) != 0) {
				csv_free(&r->csv);
				csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
				return aduan_fail(ADUAN_DATAERR, "%s:%ld: unterminated quoted field",
				    r->name, r->recline);
			}
			if (r->row_done)
				return 1;
			return 0;
		}
		aduan_buf_add(&r->raw, r->line, (size_t)n);
		if (memchr(r->line, '\0', (size_t)n) != NULL)
			r->bad_nul = 1;
		if (csv_parse(&r->csv, r->line, (size_t)n, csv_cb_field, csv_cb_row, r) != (size_t)n) {
			int e = csv_error(&r->csv);

			csv_free(&r->csv);
			csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
			return aduan_fail(ADUAN_DATAERR, "%s:%ld: %s", r->name, r->recline,
			    e == CSV_EPARSE ? "malformed quoting" : csv_strerror(e));
		}
		if (r->row_done) {
			if (r->bad_nul)
				return aduan_fail(ADUAN_DATAERR, "%s:%ld: NUL byte in record",
				    r->name, r->recline);
			return 1;
		}
		if (r->cur.n == 0 && r->raw.len == (size_t)n && chomp(r->line, (size_t)n) == 0) {
			/* a blank line between records */
			aduan_buf_reset(&r->raw);
			r->recline = r->lineno + 1;
		}
	}
}

/* TSV: one line, tab-separated, backslash escapes. */
static int
tsv_row(struct aduan_reader *r)
{
	ssize_t n;
	size_t len;
	char *p, *tab;

	row_clear(&r->cur);
	aduan_buf_reset(&r->raw);
	do {
		if ((n = next_line(r)) == -1)
			return ferror(r->fp) ? read_error(r) : 0;
	} while ((len = chomp(r->line, (size_t)n)) == 0 && r->lineno > 1);
	r->recline = r->lineno;
	aduan_buf_add(&r->raw, r->line, len);
	aduan_buf_addc(&r->raw, '\n');
	if (strlen(r->line) != len)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: NUL byte in record", r->name, r->recline);
	for (p = r->line;; p = tab + 1) {
		if ((tab = strchr(p, '\t')) != NULL)
			*tab = '\0';
		if (aduan_tsv_unescape(p) == -1)
			return aduan_fail(ADUAN_DATAERR, "%s:%ld: bad backslash escape in field %zu",
			    r->name, r->recline, r->cur.n + 1);
		row_add(&r->cur, p, strlen(p));
		if (tab == NULL)
			break;
	}
	return 1;
}

/* Map a header row onto fields: unknown or repeated columns are errors. */
static int
header(struct aduan_reader *r)
{
	size_t i, j;
	int f;

	if (r->cur.n > sizeof(r->map) / sizeof(r->map[0]))
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: too many columns", r->name, r->recline);
	for (i = 0; i < r->cur.n; i++) {
		const char *name = r->cur.f[i] ? r->cur.f[i] : "";

		if ((f = aduan_field_lookup(name, strlen(name))) == -1)
			return aduan_fail(ADUAN_DATAERR, "%s:%ld: unknown column \"%s\"",
			    r->name, r->recline, name);
		for (j = 0; j < i; j++)
			if (r->map[j] == f)
				return aduan_fail(ADUAN_DATAERR, "%s:%ld: column \"%s\" appears twice",
				    r->name, r->recline, name);
		r->map[i] = f;
	}
	r->ncols = r->cur.n;
	for (i = 0; i < r->ncols; i++)
		if (r->map[i] == AF_BODY)
			break;
	if (i == r->ncols)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: no \"body\" column", r->name, r->recline);
	r->header = aduan_xstrndup(r->raw.s, r->raw.len);
	return 0;
}

int
aduan_reader_open(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp, const char *name)
{
	struct aduan_reader *r = aduan_xmalloc(sizeof(*r));
	int rc;

	memset(r, 0, sizeof(*r));
	r->fmt = fmt;
	r->fp = fp;
	r->name = aduan_xstrdup(name);
	*rp = r;
	if (fmt == AFMT_CSV) {
		csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
		rc = csv_row(r);
	} else if (fmt == AFMT_TSV)
		rc = tsv_row(r);
	else if (fmt == AFMT_JSONL)
		return 0;
	else
		return aduan_fail(ADUAN_USAGE, "this reader does not read that format");
	if (rc == 0)
		return aduan_fail(ADUAN_DATAERR, "%s: empty input: no header line", r->name);
	if (rc != 1)
		return rc;
	return header(r);
}

struct json_ctx {
	struct aduan_reader *r;
	struct aduan_complaint *c;
	int rc;
};

static int
json_member(const char *key, size_t klen, enum aduan_json_type t,
    const char *val, size_t vlen, void *arg)
{
	struct json_ctx *x = arg;
	int f = aduan_field_lookup(key, klen);

	if (f == -1) {
		x->rc = aduan_fail(ADUAN_DATAERR, "%s:%ld: unknown field \"%.*s\"", x->r->name,
		    x->r->recline, (int)(klen > 64 ? 64 : klen), key);
		return 1;
	}
	switch (t) {
	case AJ_NULL:
		aduan_complaint_set(x->c, f, NULL, 0);
		break;
	case AJ_TRUE:
	case AJ_FALSE:
		if (aduan_fields[f].type != AT_BOOL) {
			x->rc = aduan_fail(ADUAN_DATAERR, "%s:%ld: %s cannot be true or false",
			    x->r->name, x->r->recline, aduan_fields[f].name);
			return 1;
		}
		aduan_complaint_sets(x->c, f, t == AJ_TRUE ? "1" : "0");
		break;
	default:
		if (memchr(val, '\0', vlen) != NULL) {
			x->rc = aduan_fail(ADUAN_DATAERR, "%s:%ld: NUL character in %s",
			    x->r->name, x->r->recline, aduan_fields[f].name);
			return 1;
		}
		aduan_complaint_set(x->c, f, val, vlen);
	}
	return 0;
}

static int
jsonl_next(struct aduan_reader *r, struct aduan_complaint *c)
{
	struct json_ctx x = {r, c, 0};
	ssize_t n;
	size_t len;

	aduan_buf_reset(&r->raw);
	do {
		if ((n = next_line(r)) == -1)
			return ferror(r->fp) ? read_error(r) : 0;
		len = strspn(r->line, " \t\r\n");
	} while (len == (size_t)n);
	r->recline = r->lineno;
	aduan_buf_add(&r->raw, r->line, (size_t)n);
	if (r->line[n - 1] != '\n')
		aduan_buf_addc(&r->raw, '\n');
	if (aduan_json_object(r->line, (size_t)n, json_member, &x) != 0) {
		char *why;
		int rc;

		if (x.rc != 0)
			return x.rc;
		why = aduan_xstrdup(aduan_errmsg());
		rc = aduan_fail(ADUAN_DATAERR, "%s:%ld: %s", r->name, r->recline, why);
		free(why);
		return rc;
	}
	return 1;
}

int
aduan_reader_next(struct aduan_reader *r, struct aduan_complaint *c)
{
	size_t i;
	int rc;

	aduan_complaint_release(c);
	if (r->fmt == AFMT_JSONL)
		return jsonl_next(r, c);
	rc = r->fmt == AFMT_CSV ? csv_row(r) : tsv_row(r);
	if (rc != 1)
		return rc;
	if (r->cur.n != r->ncols)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: %zu fields where the header has %zu",
		    r->name, r->recline, r->cur.n, r->ncols);
	for (i = 0; i < r->ncols; i++) {
		c->v[r->map[i]] = r->cur.f[i];
		r->cur.f[i] = NULL;
	}
	return 1;
}

long
aduan_reader_line(struct aduan_reader *r)
{
	return r->recline;
}

const char *
aduan_reader_raw(struct aduan_reader *r, size_t *len)
{
	*len = r->raw.len;
	return r->raw.s ? r->raw.s : "";
}

const char *
aduan_reader_header(struct aduan_reader *r)
{
	return r->header;
}

void
aduan_reader_free(struct aduan_reader *r)
{
	if (r == NULL)
		return;
	if (r->fmt == AFMT_CSV)
		csv_free(&r->csv);
	row_clear(&r->cur);
	free(r->cur.f);
	free(r->line);
	free(r->header);
	free(r->name);
	aduan_buf_release(&r->raw);
	free(r);
}
