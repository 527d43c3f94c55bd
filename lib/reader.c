/*
 * reader.c - streaming readers for CSV (libcsv), TSV, JSON Lines and
 * .xlsx worksheets (xlsx.c).
 *
 * Each reads one record at a time into a struct aduan_complaint, keeps
 * the record's raw text (for a rejects file in the input format; CSV for
 * a worksheet) and its first line number or sheet row (for
 * "FILE:LINE: reason", "FILE:SHEET!C5: reason"), and holds no more than
 * one record in memory.
 *
 * A table's header row names the fields: by their own names, by the
 * headers people write (the table below), or as --map says.  A CSV file's
 * separator (comma, semicolon or tab) is the one its header line has most
 * of, outside quotes, unless given.
 */
#include <csv.h>
#include <malloc.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "complaint.h"
#include "json.h"
#include "reader.h"
#include "util.h"
#include "xlsx.h"

/* Columns that are no field: a running number to skip, a time of day
 * that completes received_at ("Tanggal" and "Jam" in two columns). */
enum { COL_SKIP = -2, COL_TIME = -3 };

/*
 * The headers that kelurahan offices and spreadsheets use, compared
 * folded (case, spaces and punctuation do not count: "No. HP/WA" is
 * "nohpwa").  Each field's own name is understood as well.
 */
static const struct {
	const char *header;
	int field;
} header_words[] = {
	{"nama", AF_REPORTER_NAME}, {"namapelapor", AF_REPORTER_NAME},
	{"pelapor", AF_REPORTER_NAME}, {"namalengkap", AF_REPORTER_NAME},
	{"namawarga", AF_REPORTER_NAME}, {"name", AF_REPORTER_NAME},
	{"reporter", AF_REPORTER_NAME},
	{"nohp", AF_REPORTER_PHONE}, {"hp", AF_REPORTER_PHONE}, {"nomorhp", AF_REPORTER_PHONE},
	{"nohandphone", AF_REPORTER_PHONE}, {"telepon", AF_REPORTER_PHONE},
	{"telp", AF_REPORTER_PHONE}, {"notelp", AF_REPORTER_PHONE},
	{"notelepon", AF_REPORTER_PHONE}, {"nomortelepon", AF_REPORTER_PHONE},
	{"wa", AF_REPORTER_PHONE}, {"nowa", AF_REPORTER_PHONE}, {"nomorwa", AF_REPORTER_PHONE},
	{"nohpwa", AF_REPORTER_PHONE}, {"hpwa", AF_REPORTER_PHONE},
	{"kontak", AF_REPORTER_PHONE}, {"phone", AF_REPORTER_PHONE},
	{"kel", AF_KELURAHAN}, {"desa", AF_KELURAHAN}, {"desakelurahan", AF_KELURAHAN},
	{"kelurahandesa", AF_KELURAHAN},
	{"nort", AF_RT}, {"rukuntetangga", AF_RT},
	{"alamat", AF_LOCATION}, {"lokasi", AF_LOCATION}, {"alamatlokasi", AF_LOCATION},
	{"lokasialamat", AF_LOCATION}, {"lokasikejadian", AF_LOCATION},
	{"tempat", AF_LOCATION}, {"address", AF_LOCATION},
	{"isi", AF_BODY}, {"isiaduan", AF_BODY}, {"aduan", AF_BODY}, {"pengaduan", AF_BODY},
	{"isipengaduan", AF_BODY}, {"keluhan", AF_BODY}, {"isikeluhan", AF_BODY},
	{"laporan", AF_BODY}, {"isilaporan", AF_BODY}, {"uraian", AF_BODY},
	{"uraianaduan", AF_BODY}, {"pesan", AF_BODY}, {"text", AF_BODY}, {"complaint", AF_BODY},
	{"tanggal", AF_RECEIVED_AT}, {"tgl", AF_RECEIVED_AT}, {"waktu", AF_RECEIVED_AT},
	{"tanggaladuan", AF_RECEIVED_AT}, {"tgladuan", AF_RECEIVED_AT},
	{"tanggallapor", AF_RECEIVED_AT}, {"tanggallaporan", AF_RECEIVED_AT},
	{"tanggalmasuk", AF_RECEIVED_AT}, {"tanggalditerima", AF_RECEIVED_AT},
	{"diterima", AF_RECEIVED_AT}, {"waktuaduan", AF_RECEIVED_AT},
	{"tanggalwaktu", AF_RECEIVED_AT}, {"date", AF_RECEIVED_AT},
	{"jam", COL_TIME}, {"pukul", COL_TIME}, {"jamaduan", COL_TIME}, {"time", COL_TIME},
	{"kategori", AF_CATEGORY}, {"jenis", AF_CATEGORY}, {"jenisaduan", AF_CATEGORY},
	{"jeniskeluhan", AF_CATEGORY}, {"jenislaporan", AF_CATEGORY}, {"bidang", AF_CATEGORY},
	{"saluran", AF_CHANNEL}, {"media", AF_CHANNEL}, {"kanal", AF_CHANNEL}, {"via", AF_CHANNEL},
	{"sumber", AF_SOURCE}, {"grup", AF_SOURCE},
	{"prioritas", AF_PRIORITY}, {"urgensi", AF_PRIORITY},
	{"instansi", AF_AGENCY}, {"dinas", AF_AGENCY}, {"opd", AF_AGENCY},
	{"dinasterkait", AF_AGENCY}, {"diteruskanke", AF_AGENCY},
	{"anonim", AF_ANONYMOUS}, {"rahasia", AF_CONFIDENTIAL},
	{"lampiran", AF_ATTACHMENTS}, {"foto", AF_ATTACHMENTS},
	{"lintang", AF_LAT}, {"latitude", AF_LAT}, {"bujur", AF_LON}, {"longitude", AF_LON},
	{"tanggalselesai", AF_CLOSED_AT}, {"bataswaktu", AF_DUE_AT}, {"tenggat", AF_DUE_AT},
	{"no", COL_SKIP}, {"nomor", COL_SKIP}, {"nourut", COL_SKIP},
};

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
	int map[ADUAN_NFIELDS * 2];	/* column -> field, COL_SKIP or COL_TIME */
	size_t ncols;
	char *colname[ADUAN_NFIELDS * 2];	/* the header's words, for messages */
	int fieldcol[ADUAN_NFIELDS];	/* field -> column, or -1 */
	int timecol;		/* the COL_TIME column, or -1 */
	struct aduan_buf problems;	/* of the row, found while reading it */
	char *map_opt;		/* --map, as given */
	/* .xlsx */
	struct aduan_xlsx *xlsx;
	FILE *tmp;		/* a workbook from a pipe, copied */
	char pb[4];		/* bytes read to look for a workbook, */
	int npb, pbi;		/* read again from pb[pbi] */
	int unget;		/* a byte put back, or -1 */
	ssize_t again;		/* r->line, looked at, to be read again */
	/* CSV */
	struct csv_parser csv;
	unsigned char delim;	/* CSV: the separator, kept when the parser restarts */
	struct row cur;		/* the row being parsed */
	int row_done;		/* cb2 has ended cur */
	int bad_nul;
};

int
aduan_format_lookup(const char *name)
{
	static const char *const names[] = {"csv", "tsv", "jsonl", "whatsapp", "xlsx", NULL};

	return aduan_format_index(names, name);
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
	r->f = aduan_grow(r->f, &r->cap, r->n + 1, sizeof(*r->f));
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

/* The next byte: one put back, then those read to look for a workbook. */
static int
rgetc(struct aduan_reader *r)
{
	int c;

	if ((c = r->unget) != -1) {
		r->unget = -1;
		return c;
	}
	if (r->pbi < r->npb)
		return (unsigned char)r->pb[r->pbi++];
	return getc_unlocked(r->fp);
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

	if (r->again > 0) {
		n = (size_t)r->again;
		r->again = 0;
		r->lineno++;
		return (ssize_t)n;
	}
	while ((c = rgetc(r)) != EOF) {
		r->line = aduan_grow(r->line, &r->linecap, n + 3, 1);
		r->line[n++] = (char)c;
		if (c == '\n')
			break;
		if (c == '\r') {
			if ((c = rgetc(r)) == '\n')
				r->line[n++] = '\n';
			else
				r->unget = c;
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
 * libcsv grows its field buffer by a fixed block (128 bytes unless told):
 * a 10 MB field meant 80,000 reallocations, each a copy under a sanitizer.
 * Its buffer grows geometrically here instead; libcsv's own count of its
 * size only decides when it asks again.
 */
static void *
csv_grow(void *p, size_t n)
{
	if (p != NULL && malloc_usable_size(p) >= n)
		return p;
	return realloc(p, n < 65536 ? 65536 : n * 2);
}

/* (Re)start the CSV parser, with the file's separator. */
static void
csv_start(struct aduan_reader *r)
{
	csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_realloc_func(&r->csv, csv_grow);
	csv_set_blk_size(&r->csv, 65536);
	csv_set_delim(&r->csv, r->delim ? r->delim : ',');
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
				csv_start(r);
				return aduan_fail(ADUAN_DATAERR, "%s:%ld: unterminated quoted field",
				    r->name, r->recline);
			}
			break;	/* the last record, without a line end */
		}
		aduan_buf_add(&r->raw, r->line, (size_t)n);
		if (memchr(r->line, '\0', (size_t)n) != NULL)
			r->bad_nul = 1;
		if (csv_parse(&r->csv, r->line, (size_t)n, csv_cb_field, csv_cb_row, r) != (size_t)n) {
			int e = csv_error(&r->csv);

			csv_free(&r->csv);
			csv_start(r);
			return aduan_fail(ADUAN_DATAERR, "%s:%ld: %s", r->name, r->recline,
			    e == CSV_EPARSE ? "malformed quoting" : csv_strerror(e));
		}
		if (r->row_done)
			break;
		if (r->cur.n == 0 && r->raw.len == (size_t)n && chomp(r->line, (size_t)n) == 0) {
			/* a blank line between records */
			aduan_buf_reset(&r->raw);
			r->recline = r->lineno + 1;
		}
	}
	if (!r->row_done)
		return 0;
	if (r->bad_nul)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: NUL byte in record", r->name, r->recline);
	return 1;
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

/* A header folded for comparison: ASCII letters and digits in lower
 * case, other bytes (letters of other scripts) as they are. */
static char *
header_fold(const char *s)
{
	char *out = aduan_xmalloc(strlen(s) + 1), *p = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80 || isalnum(c))
			*p++ = (char)tolower(c);
	}
	*p = '\0';
	return out;
}

/* The field (or COL_*) a header names through --map, or -1 (-4: the map
 * names no field). */
static int
header_mapped(struct aduan_reader *r, const char *folded)
{
	const char *p = r->map_opt, *eq, *end;
	int f = -1;

	for (; p != NULL && *p != '\0' && f == -1; p = *end ? end + 1 : end) {
		char *name, *fname;

		end = p + strcspn(p, ",");
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			continue;
		name = aduan_xstrndup(p, (size_t)(eq - p));
		fname = header_fold(name);
		if (strcmp(fname, folded) == 0) {
			size_t n = (size_t)(end - eq - 1);

			if (n == 1 && eq[1] == '-')
				f = COL_SKIP;
			else if ((f = aduan_field_lookup(eq + 1, n)) == -1)
				f = -4;
		}
		free(fname);
		free(name);
	}
	return f;
}

/* The field (or COL_*) a header names, or -1. */
static int
header_field(struct aduan_reader *r, const char *name)
{
	char *folded = header_fold(name), *own;
	size_t i;
	int f;

	if ((f = aduan_field_lookup(name, strlen(name))) != -1 ||
	    (f = header_mapped(r, folded)) != -1) {
		free(folded);
		return f;
	}
	for (i = 0; i < ADUAN_NFIELDS && f == -1; i++) {
		own = header_fold(aduan_fields[i].name);
		if (strcmp(own, folded) == 0)
			f = (int)i;
		free(own);
	}
	for (i = 0; i < sizeof(header_words) / sizeof(header_words[0]) && f == -1; i++)
		if (strcmp(header_words[i].header, folded) == 0)
			f = header_words[i].field;
	free(folded);
	return f;
}

/* The known columns, for the message about an unknown one. */
static void
known_columns(struct aduan_buf *b)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		aduan_buf_printf(b, "%s%s", i ? ", " : "", aduan_fields[i].name);
}

/*
 * Map a header row onto fields.  Unknown, repeated and misnamed columns
 * are errors, all named in one message; a table needs a body column.
 */
static int
header(struct aduan_reader *r)
{
	struct aduan_buf unknown = {0}, why = {0}, known = {0};
	size_t i, j;
	int f, rc;

	if (r->cur.n > sizeof(r->map) / sizeof(r->map[0]))
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: too many columns", r->name, r->recline);
	for (i = 0; i < ADUAN_NFIELDS; i++)
		r->fieldcol[i] = -1;
	r->timecol = -1;
	for (i = 0; i < r->cur.n; i++) {
		const char *name = r->cur.f[i] ? r->cur.f[i] : "";

		r->colname[i] = aduan_xstrdup(name);
		if (*name == '\0' && r->fmt == AFMT_XLSX) {
			r->map[i] = COL_SKIP;	/* a spreadsheet's empty column */
			continue;
		}
		f = header_field(r, name);
		if (f == -4) {
			aduan_buf_printf(&why, _("%s--map names no field for column \"%s\""),
			    why.len ? "; " : "", name);
			continue;
		}
		if (f == -1) {
			aduan_buf_printf(&unknown, "%s\"%s\"", unknown.len ? ", " : "", name);
			continue;
		}
		r->map[i] = f;
		if (f == COL_SKIP)
			continue;
		for (j = 0; j < i; j++)
			if (r->map[j] == f && r->colname[j] != NULL) {
				aduan_buf_printf(&why, _("%scolumns \"%s\" and \"%s\" both give %s"),
				    why.len ? "; " : "", r->colname[j], name,
				    f == COL_TIME ? _("the time") : aduan_fields[f].name);
				break;
			}
		if (f == COL_TIME)
			r->timecol = (int)i;
		else
			r->fieldcol[f] = (int)i;
	}
	r->ncols = r->cur.n;
	if (unknown.len > 0) {
		known_columns(&known);
		aduan_buf_printf(&why, strchr(unknown.s, ',') ?
		    _("%sunknown columns %s (known: %s; and Indonesian headers such as Nama Pelapor, "
		    "No HP, Kelurahan, RT, Alamat, Isi Aduan, Tanggal, Jam, Kategori; or name them "
		    "with --map 'HEADER=FIELD')") :
		    _("%sunknown column %s (known: %s; and Indonesian headers such as Nama Pelapor, "
		    "No HP, Kelurahan, RT, Alamat, Isi Aduan, Tanggal, Jam, Kategori; or name it "
		    "with --map 'HEADER=FIELD')"), why.len ? "; " : "", unknown.s, known.s);
	} else if (why.len == 0 && r->fieldcol[AF_BODY] == -1)
		aduan_buf_adds(&why, _("no \"body\" column (the complaint's text: body, Isi Aduan, "
		    "Keluhan, Laporan, ...)"));
	else if (why.len == 0 && r->timecol != -1 && r->fieldcol[AF_RECEIVED_AT] == -1)
		aduan_buf_printf(&why, _("column \"%s\" gives a time of day but no column gives its date"),
		    r->colname[r->timecol]);
	rc = 0;
	if (why.len > 0)
		rc = r->fmt == AFMT_XLSX ?
		    aduan_fail(ADUAN_DATAERR, "%s:%s:%ld: %s", r->name, aduan_xlsx_sheet(r->xlsx),
			r->recline, why.s) :
		    aduan_fail(ADUAN_DATAERR, "%s:%ld: %s", r->name, r->recline, why.s);
	else
		r->header = aduan_xstrndup(r->raw.s, r->raw.len);
	aduan_buf_release(&unknown);
	aduan_buf_release(&why);
	aduan_buf_release(&known);
	return rc;
}

/* Append a CSV cell, quoted when it must be. */
static void
csv_cell(struct aduan_buf *b, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		aduan_buf_adds(b, s);
		return;
	}
	aduan_buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			aduan_buf_addc(b, '"');
		aduan_buf_addc(b, *s);
	}
	aduan_buf_addc(b, '"');
}

/* A worksheet's next row into r->cur, and as a CSV line into r->raw. */
static int
xlsx_row(struct aduan_reader *r)
{
	char **cells;
	size_t n, i;
	long row;
	int rc;

	row_clear(&r->cur);
	aduan_buf_reset(&r->raw);
	if ((rc = aduan_xlsx_row(r->xlsx, &cells, &n, &row)) != 1)
		return rc;
	r->recline = row;
	for (i = 0; i < n; i++) {
		row_add(&r->cur, cells[i], cells[i] ? strlen(cells[i]) : 0);
		if (i > 0)
			aduan_buf_addc(&r->raw, ',');
		csv_cell(&r->raw, cells[i]);
	}
	aduan_buf_adds(&r->raw, "\r\n");
	return 1;
}

/* The separator of a CSV header line: the most frequent of , ; and tab
 * outside quotes (a comma when there is none). */
static unsigned char
csv_delimiter(const char *line)
{
	size_t n[3] = {0, 0, 0};
	int quoted = 0;

	for (; *line != '\0' && *line != '\n' && *line != '\r'; line++) {
		if (*line == '"')
			quoted = !quoted;
		else if (!quoted)
			n[0] += *line == ',', n[1] += *line == ';', n[2] += *line == '\t';
	}
	return n[1] > n[0] && n[1] >= n[2] ? ';' : n[2] > n[0] && n[2] > n[1] ? '\t' : ',';
}

/* Whether the input is a zip archive (a workbook): its first four bytes,
 * kept to be read again when it is not. */
static int
looks_like_zip(struct aduan_reader *r)
{
	int c;

	while (r->npb < 4 && (c = getc_unlocked(r->fp)) != EOF)
		r->pb[r->npb++] = (char)c;
	return r->npb == 4 && memcmp(r->pb, "PK\003\004", 4) == 0;
}

/* Open the workbook: the file itself when it can seek back to its start,
 * else the four bytes read and the rest copied to a temporary file. */
static int
xlsx_open(struct aduan_reader *r, const char *sheet)
{
	FILE *fp = r->fp;
	char buf[65536];
	size_t n;

	if (r->npb > 0 && (fileno(fp) == -1 || lseek(fileno(fp), 0, SEEK_SET) == -1)) {
		if ((r->tmp = tmpfile()) == NULL)
			return aduan_fail(ADUAN_IOERR, "cannot create a temporary file: %s",
			    strerror(errno));
		fwrite(r->pb, 1, (size_t)r->npb, r->tmp);
		while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
			fwrite(buf, 1, n, r->tmp);
		if (ferror(fp))
			return read_error(r);
		if (fflush(r->tmp) == EOF)
			return aduan_fail(ADUAN_IOERR, "temporary file: %s", strerror(errno));
		fp = r->tmp;
	}
	r->npb = r->pbi = 0;
	return aduan_xlsx_open(&r->xlsx, fp, r->name, sheet);
}

int
aduan_reader_open_opts(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp,
    const char *name, const struct aduan_reader_opts *o)
{
	struct aduan_reader *r = aduan_xmalloc(sizeof(*r));
	unsigned char delim = o && o->delimiter ? (unsigned char)o->delimiter : 0;
	int rc;

	memset(r, 0, sizeof(*r));
	r->fmt = fmt;
	r->fp = fp;
	r->name = aduan_xstrdup(name);
	r->unget = -1;
	r->map_opt = o && o->map ? aduan_xstrdup(o->map) : NULL;
	*rp = r;
	if ((fmt == AFMT_CSV || fmt == AFMT_TSV) && looks_like_zip(r))
		r->fmt = fmt = AFMT_XLSX;
	if (fmt == AFMT_XLSX) {
		if ((rc = xlsx_open(r, o ? o->sheet : NULL)) != 0)
			return rc;
		while ((rc = xlsx_row(r)) == 1 && r->cur.n == 0)
			;
	} else if (fmt == AFMT_CSV) {
		if (delim == 0) {	/* look at the header line, then read it again */
			ssize_t n = next_line(r);

			delim = n > 0 ? csv_delimiter(r->line) : ',';
			if (n > 0) {
				r->again = n;
				r->lineno--;
			}
		}
		r->delim = delim;
		csv_start(r);
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

int
aduan_reader_open(struct aduan_reader **rp, enum aduan_format fmt, FILE *fp, const char *name)
{
	return aduan_reader_open_opts(rp, fmt, fp, name, NULL);
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

/* Note a problem of the row being read (all are reported together). */
static void
row_problem(struct aduan_reader *r, size_t col, const char *what)
{
	struct aduan_buf b = {0};

	aduan_reader_where(r, -1, &b);
	if (r->fmt == AFMT_XLSX) {
		char cn[8];

		aduan_buf_reset(&b);
		aduan_buf_printf(&b, "%s:%s!%s%ld", r->name, aduan_xlsx_sheet(r->xlsx),
		    aduan_xlsx_column(col, cn), r->recline);
	}
	aduan_buf_printf(&r->problems, "%s%s: %s", r->problems.len ? "\n" : "", b.s, what);
	aduan_buf_release(&b);
}

int
aduan_reader_next(struct aduan_reader *r, struct aduan_complaint *c)
{
	size_t i;
	int rc, f;

	aduan_complaint_release(c);
	aduan_buf_reset(&r->problems);
	if (r->fmt == AFMT_JSONL)
		return jsonl_next(r, c);
	do
		rc = r->fmt == AFMT_CSV ? csv_row(r) : r->fmt == AFMT_TSV ? tsv_row(r) : xlsx_row(r);
	while (rc == 1 && r->fmt == AFMT_XLSX && r->cur.n == 0);
	if (rc != 1)
		return rc;
	if (r->fmt == AFMT_XLSX) {
		/* a row may end early; a value beyond the header's columns is kept
		 * from being lost by rejecting the row */
		for (i = r->ncols; i < r->cur.n; i++)
			if (r->cur.f[i] != NULL)
				row_problem(r, i, _("a value in a column without a header"));
		for (i = 0; i < r->ncols && i < r->cur.n; i++)
			if (r->map[i] == COL_SKIP && r->colname[i][0] == '\0' && r->cur.f[i] != NULL)
				row_problem(r, i, _("a value in a column without a header"));
		if (r->problems.len > 0)
			return aduan_fail(ADUAN_DATAERR, "%s", r->problems.s);
	} else if (r->cur.n != r->ncols)
		return aduan_fail(ADUAN_DATAERR, "%s:%ld: %zu fields where the header has %zu",
		    r->name, r->recline, r->cur.n, r->ncols);
	for (i = 0; i < r->ncols && i < r->cur.n; i++) {
		if ((f = r->map[i]) < 0)
			continue;
		aduan_complaint_give(c, f, r->cur.f[i]);
		r->cur.f[i] = NULL;
	}
	/* "Tanggal" 27/11/2026 and "Jam" 10.00: one time */
	if (r->timecol >= 0 && (size_t)r->timecol < r->cur.n && r->cur.f[r->timecol] != NULL &&
	    c->v[AF_RECEIVED_AT] != NULL) {
		struct aduan_buf t = {0};

		aduan_buf_printf(&t, "%s %s", c->v[AF_RECEIVED_AT], r->cur.f[r->timecol]);
		if (t.len > 11 && t.s[10] == ' ' && t.s[4] == '-' && t.s[7] == '-')
			t.s[10] = 'T';	/* 2026-11-27 10:00:00 from a worksheet */
		aduan_complaint_give(c, AF_RECEIVED_AT, t.s);
	}
	return 1;
}

void
aduan_reader_where(struct aduan_reader *r, int field, struct aduan_buf *b)
{
	int col = field >= 0 && field < ADUAN_NFIELDS && r->fmt != AFMT_JSONL ?
	    r->fieldcol[field] : -1;
	char cn[8];

	if (field == AF_RECEIVED_AT && col == -1 && r->fmt != AFMT_JSONL)
		col = r->timecol;
	if (r->fmt == AFMT_XLSX) {
		if (col >= 0)
			aduan_buf_printf(b, _("%s:%s!%s%ld: column \"%s\""), r->name,
			    aduan_xlsx_sheet(r->xlsx), aduan_xlsx_column((size_t)col, cn), r->recline,
			    r->colname[col]);
		else
			aduan_buf_printf(b, "%s:%s:%ld", r->name, aduan_xlsx_sheet(r->xlsx), r->recline);
	} else if (col >= 0 && strcmp(r->colname[col], aduan_fields[field].name) != 0)
		/* a column under its field's own name is named by the message */
		aduan_buf_printf(b, _("%s:%ld: column \"%s\""), r->name, r->recline, r->colname[col]);
	else if (field >= 0 && r->fmt == AFMT_JSONL)
		aduan_buf_printf(b, _("%s:%ld: field \"%s\""), r->name, r->recline, aduan_fields[field].name);
	else
		aduan_buf_printf(b, "%s:%ld", r->name, r->recline);
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
	for (size_t i = 0; i < sizeof(r->colname) / sizeof(r->colname[0]); i++)
		free(r->colname[i]);
	aduan_xlsx_free(r->xlsx);
	if (r->tmp != NULL)
		fclose(r->tmp);
	free(r->map_opt);
	aduan_buf_release(&r->problems);
	free(r->name);
	aduan_buf_release(&r->raw);
	free(r);
}
