/*
 * xlsx.c - one worksheet of an .xlsx workbook as rows of text.
 *
 * What is read, and from where (ECMA-376 / ISO 29500 SpreadsheetML):
 *
 *   xl/workbook.xml             the sheets' names and relationship ids;
 *                               workbookPr date1904 (the Mac system)
 *   xl/_rels/workbook.xml.rels  which part holds each sheet
 *   xl/sharedStrings.xml        the shared strings (<si>, its <t> runs;
 *                               phonetic <rPh> runs left out)
 *   xl/styles.xml               cellXfs: the number format of each style,
 *                               to tell a date serial from a number
 *   the worksheet               <row r>, <c r t s>, <v>, <is><t>
 *
 * Element names are matched without their namespace prefix, so that
 * "x:row" reads as "row".  The worksheet is parsed as a stream: expat
 * stops at the end of each row (XML_StopParser, resumable) and resumes
 * on the next call.  Every member is read through a size limit, and a
 * cell's text through another.
 */
#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aduan.h"
#include "calendar.h"
#include "util.h"
#include "xlsx.h"
#include "zipfile.h"

#define MEMBER_LIMIT	(256ULL << 20)	/* bytes one member may unpack to */
#define CELL_LIMIT	(1 << 20)	/* bytes of one cell's text */
#define MAX_COLS	16384		/* XFD, the last column of a sheet */

enum fmt_kind { FK_NUMBER, FK_DATE, FK_TIME };

struct aduan_xlsx {
	struct aduan_zip *z;
	char *name;
	char *sheet;
	char *part;		/* the worksheet's member */
	int date1904;
	/* shared strings and styles */
	char **sst;
	size_t nsst, capsst;
	unsigned char *xf;	/* enum fmt_kind of each cellXfs style */
	size_t nxf, capxf;
	struct {
		long id;
		unsigned char kind;
	} *numfmt;
	size_t nnumfmt;
	/* the workbook's sheets */
	char **sheets, **rids;
	size_t nsheets;
	char *target;		/* rels: the chosen sheet's part */
	const char *want_rid;
	/* parsing state, shared by the members */
	XML_Parser p;
	FILE *fp;
	char buf[16384];
	int suspended, eof, failed;
	int depth_skip;		/* inside <rPh> or a formula: text not taken */
	int in_text, in_cellxfs, in_numfmts;
	struct aduan_buf text;
	/* the current row */
	char **cells;
	size_t ncells, capcells;
	long rowno, nextrow;
	int row_ready;
	/* the current cell */
	size_t col, nextcol;
	char ctype[16];
	long style;
	int has_value;
};

static const char *
local_name(const char *n)
{
	const char *c = strrchr(n, ':');

	return c ? c + 1 : n;
}

static const char *
attr(const char **a, const char *name)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(local_name(a[0]), name) == 0)
			return a[1];
	return NULL;
}

/* Stop the parse with a message (the handlers cannot return one). */
static void
stop(struct aduan_xlsx *x, int rc, const char *fmt, const char *arg)
{
	if (!x->failed) {
		aduan_fail(rc, fmt, x->name, arg);
		x->failed = rc;
	}
	XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL
on_text(void *arg, const XML_Char *s, int len)
{
	struct aduan_xlsx *x = arg;

	if (!x->in_text || x->depth_skip > 0)
		return;
	if (x->text.len + (size_t)len > CELL_LIMIT) {
		stop(x, ADUAN_DATAERR, N_("%s: %s: a cell longer than 1 MiB"), x->part ? x->part : "");
		return;
	}
	aduan_buf_add(&x->text, s, (size_t)len);
}

/* Member i open at x->fp, and a parser for it through the handlers: 0, or ADUAN_DATAERR. */
static int
member_open(struct aduan_xlsx *x, long i, XML_StartElementHandler start, XML_EndElementHandler end)
{
	if ((x->fp = aduan_zip_member(x->z, i, MEMBER_LIMIT)) == NULL)
		return ADUAN_DATAERR;
	x->p = XML_ParserCreate(NULL);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, on_text);
	return 0;
}

/*
 * Parse member path through the handlers; a missing member is fine
 * when optional.  The worksheet is not read here but by sheet_more().
 */
static int
parse_member(struct aduan_xlsx *x, const char *path, int optional,
    XML_StartElementHandler start, XML_EndElementHandler end)
{
	long i = aduan_zip_find(x->z, path, 1);
	size_t n;
	int rc = 0;

	if (i == -1)
		return optional ? 0 : aduan_fail(ADUAN_DATAERR,
		    "%s: not an .xlsx workbook (no %s)", x->name, path);
	if (member_open(x, i, start, end) != 0)
		return ADUAN_DATAERR;
	x->failed = 0;
	for (;;) {
		n = fread(x->buf, 1, sizeof(x->buf), x->fp);
		if (ferror(x->fp)) {
			rc = aduan_fail(errno == EFBIG ? ADUAN_DATAERR : ADUAN_IOERR,
			    "%s: %s: %s", x->name, path,
			    errno == EFBIG ? _("larger than 256 MiB unpacked") : _("read error"));
			break;
		}
		if (XML_Parse(x->p, x->buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			rc = x->failed ? x->failed : aduan_fail(ADUAN_DATAERR, "%s: %s:%lu: %s",
			    x->name, path, (unsigned long)XML_GetCurrentLineNumber(x->p),
			    XML_ErrorString(XML_GetErrorCode(x->p)));
			break;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(x->p);
	x->p = NULL;
	fclose(x->fp);
	x->fp = NULL;
	return rc;
}

/* ---- workbook and relationships ----------------------------------------- */

static void XMLCALL
wb_start(void *arg, const XML_Char *el, const XML_Char **a)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el), *v;

	if (strcmp(n, "workbookPr") == 0 && (v = attr(a, "date1904")) != NULL)
		x->date1904 = strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0;
	else if (strcmp(n, "sheet") == 0 && (v = attr(a, "name")) != NULL) {
		const char *rid = attr(a, "id");

		x->sheets = aduan_xrealloc(x->sheets, (x->nsheets + 1) * sizeof(*x->sheets));
		x->rids = aduan_xrealloc(x->rids, (x->nsheets + 1) * sizeof(*x->rids));
		x->sheets[x->nsheets] = aduan_xstrdup(v);
		x->rids[x->nsheets++] = aduan_xstrdup(rid ? rid : "");
	}
}

static void XMLCALL
no_end(void *arg, const XML_Char *el)
{
}

static void XMLCALL
rels_start(void *arg, const XML_Char *el, const XML_Char **a)
{
	struct aduan_xlsx *x = arg;
	const char *id, *target;

	if (strcmp(local_name(el), "Relationship") != 0 || x->target != NULL)
		return;
	id = attr(a, "Id");
	target = attr(a, "Target");
	if (id == NULL || target == NULL || strcmp(id, x->want_rid) != 0)
		return;
	if (target[0] == '/')
		x->target = aduan_xstrdup(target + 1);
	else {
		struct aduan_buf b = {0};

		aduan_buf_printf(&b, "xl/%s", target);
		x->target = b.s;
	}
}

/* ---- styles ---------------------------------------------------------------- */

/* What a number format code shows: a date, a time of day, or a number. */
static enum fmt_kind
format_kind(const char *code)
{
	int date = 0, time = 0;
	const char *p;

	for (p = code; *p != '\0'; p++) {
		if (*p == '"') {	/* literal text */
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] == '"')
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1] != '\0')
				p++;
		} else if (*p == '[') {	/* [Red], [$-421]; [h] and [mm] are elapsed time */
			if (strchr("hHmMsS", p[1]) != NULL)
				time = 1;
			while (p[1] != '\0' && p[1] != ']')
				p++;
		} else if (strchr("dDyY", *p) != NULL)
			date = 1;
		else if (strchr("hHsS", *p) != NULL)
			time = 1;
		else if (*p == ';')	/* the format for positive numbers decides */
			break;
	}
	return date ? FK_DATE : time ? FK_TIME : FK_NUMBER;
}

static enum fmt_kind
builtin_kind(long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return FK_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return FK_TIME;
	return FK_NUMBER;
}

static void XMLCALL
st_start(void *arg, const XML_Char *el, const XML_Char **a)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el), *id = attr(a, "numFmtId"), *code;
	long fid = id ? strtol(id, NULL, 10) : 0;
	size_t i;

	if (strcmp(n, "cellXfs") == 0)
		x->in_cellxfs = 1;
	else if (strcmp(n, "numFmt") == 0 && id != NULL && (code = attr(a, "formatCode")) != NULL) {
		x->numfmt = aduan_xrealloc(x->numfmt, (x->nnumfmt + 1) * sizeof(*x->numfmt));
		x->numfmt[x->nnumfmt].id = fid;
		x->numfmt[x->nnumfmt++].kind = (unsigned char)format_kind(code);
	} else if (strcmp(n, "xf") == 0 && x->in_cellxfs) {
		enum fmt_kind k = builtin_kind(fid);

		for (i = 0; i < x->nnumfmt; i++)
			if (x->numfmt[i].id == fid)
				k = x->numfmt[i].kind;
		x->xf = aduan_grow(x->xf, &x->capxf, x->nxf + 1, 1);
		x->xf[x->nxf++] = (unsigned char)k;
	}
}

static void XMLCALL
st_end(void *arg, const XML_Char *el)
{
	struct aduan_xlsx *x = arg;

	if (strcmp(local_name(el), "cellXfs") == 0)
		x->in_cellxfs = 0;
}

/* ---- shared strings --------------------------------------------------------- */

static void XMLCALL
sst_start(void *arg, const XML_Char *el, const XML_Char **a)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el);

	if (strcmp(n, "si") == 0)
		aduan_buf_reset(&x->text);
	else if (strcmp(n, "t") == 0)
		x->in_text = 1;
	else if (strcmp(n, "rPh") == 0)
		x->depth_skip++;
}

static void XMLCALL
sst_end(void *arg, const XML_Char *el)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el);

	if (strcmp(n, "t") == 0)
		x->in_text = 0;
	else if (strcmp(n, "rPh") == 0)
		x->depth_skip--;
	else if (strcmp(n, "si") == 0) {
		x->sst = aduan_grow(x->sst, &x->capsst, x->nsst + 1, sizeof(*x->sst));
		x->sst[x->nsst++] = aduan_xstrndup(x->text.s ? x->text.s : "", x->text.len);
	}
}

/* ---- the worksheet ------------------------------------------------------------ */

char *
aduan_xlsx_column(size_t i, char buf[8])
{
	char tmp[8];
	int n = 0, k = 0;

	do {
		tmp[n++] = (char)('A' + i % 26);
		i = i / 26;
	} while (i-- > 0 && n < 7);
	while (n > 0)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
	return buf;
}

/* The column of a cell reference ("AB12" -> 27), or -1. */
static long
ref_column(const char *r)
{
	long c = 0;
	int n = 0;

	while ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z')) {
		c = c * 26 + ((*r | 0x20) - 'a' + 1);
		if (++n > 3)
			return -1;
		r++;
	}
	return n == 0 ? -1 : c - 1;
}

static void
row_clear(struct aduan_xlsx *x)
{
	size_t i;

	for (i = 0; i < x->ncells; i++) {
		free(x->cells[i]);
		x->cells[i] = NULL;
	}
	x->ncells = 0;
}

static void
row_set(struct aduan_xlsx *x, size_t col, char *v)
{
	if (col >= x->capcells) {
		size_t old = x->capcells;

		x->cells = aduan_grow(x->cells, &x->capcells, col + 1, sizeof(*x->cells));
		memset(x->cells + old, 0, (x->capcells - old) * sizeof(*x->cells));
	}
	free(x->cells[col]);
	x->cells[col] = v;
	if (col + 1 > x->ncells)
		x->ncells = col + 1;
}

int
aduan_xlsx_serial(double v, int date1904, char buf[32])
{
	long days, secs;
	int y, m, d;

	if (!(v >= 0 && v < 2958466))	/* 9999-12-31 */
		return -1;
	days = (long)floor(v);
	secs = lround((v - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (days == 0) {	/* a time of day alone */
		snprintf(buf, 32, "%02ld:%02ld:%02ld", secs / 3600 % 24, secs / 60 % 60, secs % 60);
		return 0;
	}
	if (date1904)
		days += -24107;		/* 1904-01-01 */
	else if (days < 60)
		days += -25568;		/* 1899-12-31: 1 is 1900-01-01 */
	else if (days == 60)
		return -1;		/* 1900-02-29, which Lotus thought existed */
	else
		days += -25569;		/* 1899-12-30 */
	aduan_day_to_civil(days, &y, &m, &d);
	y %= 10000;	/* below 2958466 it is anyway; this tells the compiler */
	if (secs == 0)
		snprintf(buf, 32, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(buf, 32, "%04d-%02d-%02dT%02ld:%02ld:%02ld", y, m % 100, d % 100,
		    secs / 3600 % 24, secs / 60 % 60, secs % 60);
	return 0;
}

/* A number cell's text as people write the number. */
static char *
number_text(const char *s)
{
	char buf[64], *end;
	double v;

	if (strpbrk(s, ".eE") == NULL)
		return aduan_xstrdup(s);
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v))
		return aduan_xstrdup(s);
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, sizeof(buf), "%.0f", v);
	else
		snprintf(buf, sizeof(buf), "%.15g", v);
	return aduan_xstrdup(buf);
}

/* The value of the cell just ended, or NULL when empty. */
static char *
cell_value(struct aduan_xlsx *x)
{
	const char *s = x->text.s ? x->text.s : "";
	enum fmt_kind k;
	char buf[32], *end;
	double v;
	long i;

	if (!x->has_value)
		return NULL;
	if (strcmp(x->ctype, "s") == 0) {
		errno = 0;
		i = strtol(s, &end, 10);
		if (errno != 0 || *end != '\0' || end == s || i < 0 || (size_t)i >= x->nsst) {
			stop(x, ADUAN_DATAERR, N_("%s: %s: a shared string that is not there"), x->part);
			return NULL;
		}
		return x->sst[i][0] ? aduan_xstrdup(x->sst[i]) : NULL;
	}
	if (*s == '\0')
		return NULL;
	if (strcmp(x->ctype, "b") == 0)
		return aduan_xstrdup(strcmp(s, "1") == 0 || strcasecmp(s, "true") == 0 ? "1" : "0");
	if (x->ctype[0] != '\0' && strcmp(x->ctype, "n") != 0)	/* str, inlineStr, e, d */
		return aduan_xstrndup(s, x->text.len);
	k = x->style >= 0 && (size_t)x->style < x->nxf ? (enum fmt_kind)x->xf[x->style] : FK_NUMBER;
	if (k != FK_NUMBER) {
		errno = 0;
		v = strtod(s, &end);
		if (errno == 0 && *end == '\0') {
			if (k == FK_TIME)
				v -= floor(v);
			if (aduan_xlsx_serial(v, x->date1904, buf) == 0)
				return aduan_xstrdup(buf);
		}
	}
	return number_text(s);
}

static void XMLCALL
sh_start(void *arg, const XML_Char *el, const XML_Char **a)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el), *v;
	long c;

	if (strcmp(n, "row") == 0) {
		row_clear(x);
		x->rowno = (v = attr(a, "r")) != NULL ? strtol(v, NULL, 10) : x->nextrow;
		if (x->rowno <= 0)
			x->rowno = x->nextrow;
		x->nextcol = 0;
	} else if (strcmp(n, "c") == 0) {
		if ((v = attr(a, "r")) != NULL) {
			if ((c = ref_column(v)) < 0 || c >= MAX_COLS) {
				stop(x, ADUAN_DATAERR, N_("%s: bad cell reference \"%.16s\""), v);
				return;
			}
			x->col = (size_t)c;
		} else
			x->col = x->nextcol;
		if (x->col >= MAX_COLS) {
			stop(x, ADUAN_DATAERR, N_("%s: %s: more than 16384 columns"), x->part);
			return;
		}
		v = attr(a, "t");
		snprintf(x->ctype, sizeof(x->ctype), "%s", v ? v : "");
		x->style = (v = attr(a, "s")) != NULL ? strtol(v, NULL, 10) : 0;
		x->has_value = 0;
		aduan_buf_reset(&x->text);
	} else if (strcmp(n, "v") == 0 || (strcmp(n, "t") == 0 && x->depth_skip == 0)) {
		x->in_text = 1;
		x->has_value = 1;
	} else if (strcmp(n, "rPh") == 0 || strcmp(n, "f") == 0)
		x->depth_skip++;
}

static void XMLCALL
sh_end(void *arg, const XML_Char *el)
{
	struct aduan_xlsx *x = arg;
	const char *n = local_name(el);
	char *v;

	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		x->in_text = 0;
	else if (strcmp(n, "rPh") == 0 || strcmp(n, "f") == 0)
		x->depth_skip--;
	else if (strcmp(n, "c") == 0) {
		v = cell_value(x);
		if (v != NULL)
			row_set(x, x->col, v);
		x->nextcol = x->col + 1;
	} else if (strcmp(n, "row") == 0) {
		x->nextrow = x->rowno + 1;
		if (x->ncells > 0) {
			x->row_ready = 1;
			XML_StopParser(x->p, XML_TRUE);
		}
	}
}

int
aduan_xlsx_open(struct aduan_xlsx **xp, FILE *fp, const char *name, const char *sheet)
{
	struct aduan_xlsx *x = aduan_xmalloc(sizeof(*x));
	struct aduan_buf list = {0};
	size_t i, k;
	long m;
	int rc;

	memset(x, 0, sizeof(*x));
	x->name = aduan_xstrdup(name);
	x->nextrow = 1;
	*xp = x;
	if ((rc = aduan_zip_open_fp(&x->z, fp, name)) != 0) {
		if (rc == ADUAN_DATAERR)
			rc = aduan_fail(rc, "%s: not an .xlsx workbook (not a zip archive)", name);
		return rc;
	}
	if ((rc = parse_member(x, "xl/workbook.xml", 0, wb_start, no_end)) != 0)
		return rc;
	if (x->nsheets == 0)
		return aduan_fail(ADUAN_DATAERR, "%s: the workbook has no sheet", name);
	k = 0;
	if (sheet != NULL) {
		char *end;
		long nr = strtol(sheet, &end, 10);

		k = x->nsheets;
		for (i = 0; i < x->nsheets && k == x->nsheets; i++)
			if (strcmp(x->sheets[i], sheet) == 0)
				k = i;
		for (i = 0; i < x->nsheets && k == x->nsheets; i++)
			if (strcasecmp(x->sheets[i], sheet) == 0)
				k = i;
		if (k == x->nsheets && *sheet != '\0' && *end == '\0' && nr >= 1 &&
		    (size_t)nr <= x->nsheets)
			k = (size_t)nr - 1;
		if (k == x->nsheets) {
			for (i = 0; i < x->nsheets; i++)
				aduan_buf_printf(&list, "%s%zu \"%s\"", i ? ", " : "", i + 1, x->sheets[i]);
			rc = aduan_fail(ADUAN_DATAERR, "%s: no sheet \"%s\" (sheets: %s)", name, sheet,
			    list.s);
			aduan_buf_release(&list);
			return rc;
		}
	}
	x->sheet = aduan_xstrdup(x->sheets[k]);
	x->want_rid = x->rids[k];
	if ((rc = parse_member(x, "xl/_rels/workbook.xml.rels", 0, rels_start, no_end)) != 0)
		return rc;
	if (x->target == NULL)
		return aduan_fail(ADUAN_DATAERR, "%s: sheet \"%s\" has no part", name, x->sheet);
	if ((rc = parse_member(x, "xl/styles.xml", 1, st_start, st_end)) != 0 ||
	    (rc = parse_member(x, "xl/sharedStrings.xml", 1, sst_start, sst_end)) != 0)
		return rc;
	x->in_text = x->depth_skip = 0;

	/* the worksheet, left open and parsed row by row */
	x->part = x->target;
	if ((m = aduan_zip_find(x->z, x->part, 1)) == -1)
		return aduan_fail(ADUAN_DATAERR, "%s: not an .xlsx workbook (no %s)", name, x->part);
	return member_open(x, m, sh_start, sh_end);
}

const char *
aduan_xlsx_sheet(struct aduan_xlsx *x)
{
	return x->sheet;
}

int
aduan_xlsx_row(struct aduan_xlsx *x, char ***cells, size_t *n, long *row)
{
	enum XML_Status st;
	size_t len;

	if (x->p == NULL)
		return x->failed ? x->failed : 0;
	x->row_ready = 0;
	for (;;) {
		if (x->suspended) {
			x->suspended = 0;
			st = XML_ResumeParser(x->p);
		} else if (x->eof) {
			return 0;
		} else {
			len = fread(x->buf, 1, sizeof(x->buf), x->fp);
			if (ferror(x->fp)) {
				x->failed = aduan_fail(errno == EFBIG ? ADUAN_DATAERR : ADUAN_IOERR,
				    "%s: %s: %s", x->name, x->part, errno == EFBIG ?
				    _("larger than 256 MiB unpacked") : _("read error"));
				break;
			}
			x->eof = len == 0;
			st = XML_Parse(x->p, x->buf, (int)len, x->eof);
		}
		if (st == XML_STATUS_ERROR) {
			if (!x->failed)
				x->failed = aduan_fail(ADUAN_DATAERR, "%s: %s:%lu: %s", x->name, x->part,
				    (unsigned long)XML_GetCurrentLineNumber(x->p),
				    XML_ErrorString(XML_GetErrorCode(x->p)));
			break;
		}
		if (st == XML_STATUS_SUSPENDED)
			x->suspended = 1;
		if (x->row_ready) {
			*cells = x->cells;
			*n = x->ncells;
			*row = x->rowno;
			return 1;
		}
	}
	XML_ParserFree(x->p);
	x->p = NULL;
	return x->failed;
}

void
aduan_xlsx_free(struct aduan_xlsx *x)
{
	size_t i;

	if (x == NULL)
		return;
	if (x->p != NULL)
		XML_ParserFree(x->p);
	if (x->fp != NULL)
		fclose(x->fp);
	aduan_zip_close(x->z);
	for (i = 0; i < x->nsst; i++)
		free(x->sst[i]);
	free(x->sst);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i]);
		free(x->rids[i]);
	}
	free(x->sheets);
	free(x->rids);
	row_clear(x);
	ADUAN_FREE_EACH(x->cells, x->xf, x->numfmt, x->target, x->sheet, x->name);
	aduan_buf_release(&x->text);
	free(x);
}
