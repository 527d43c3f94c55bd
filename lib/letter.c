/*
 * letter.c - the covering letter (surat pengantar) that goes with
 * forwarded complaints: one self-contained HTML page, A4 pages when
 * printed, well-formed XML so that it can be checked by machine.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "db.h"
#include "forward.h"
#include "internal.h"
#include "letter.h"
#include "refdata.h"
#include "template.h"
#include "util.h"

/* The letter's own words: {id, en}. */
enum { L_TITLE, L_NUMBER, L_NATURE, L_URGENT, L_ORDINARY, L_ENCLOSURE, L_SUBJECT,
	L_SUBJECT_ONE, L_SUBJECT_LIST, L_TO, L_AT, L_PLACE, L_RECEIVED, L_PLACE_COL,
	L_TEXT, L_DUE, L_NO, L_ID_NO, L_N };
static const char *const lw[L_N][2] = {
	[L_TITLE] = {"Surat pengantar aduan masyarakat", "Covering letter: public complaints"},
	[L_NUMBER] = {"Nomor", "Number"},
	[L_NATURE] = {"Sifat", "Nature"},
	[L_URGENT] = {"Segera", "Urgent"},
	[L_ORDINARY] = {"Biasa", "Ordinary"},
	[L_ENCLOSURE] = {"Lampiran", "Enclosure"},
	[L_SUBJECT] = {"Perihal", "Subject"},
	[L_SUBJECT_ONE] = {"Penerusan aduan masyarakat No. %lld",
	    "Forwarding public complaint No. %lld"},
	[L_SUBJECT_LIST] = {"Penerusan %zu aduan masyarakat", "Forwarding %zu public complaints"},
	[L_TO] = {"Kepada Yth.", "To"},
	[L_AT] = {"di", "at"},
	[L_PLACE] = {"Tempat", "its office"},
	[L_RECEIVED] = {"Diterima", "Received"},
	[L_PLACE_COL] = {"Kelurahan / RT", "Kelurahan / RT"},
	[L_TEXT] = {"Isi aduan", "Complaint"},
	[L_DUE] = {"Batas waktu", "Due"},
	[L_NO] = {"No.", "No."},
	[L_ID_NO] = {"No. aduan", "Complaint no."},
};

static const char style[] =
    "@page { size: A4; margin: 20mm 20mm 20mm 25mm; }\n"
    "body { font-family: 'Times New Roman', Times, serif; font-size: 12pt; line-height: 1.4;"
    " color: #000; margin: 0; }\n"
    ".page { break-after: page; page-break-after: always; }\n"
    ".page:last-child { break-after: auto; page-break-after: auto; }\n"
    "@media screen { body { background: #ccc; } .page { background: #fff; width: 210mm;"
    " min-height: 297mm; box-sizing: border-box; padding: 20mm 20mm 20mm 25mm;"
    " margin: 5mm auto; } }\n"
    ".kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 2mm;"
    " margin-bottom: 5mm; }\n"
    ".kop .parent { font-size: 14pt; text-transform: uppercase; }\n"
    ".kop .office { font-size: 16pt; font-weight: bold; text-transform: uppercase; }\n"
    ".kop .contact { font-size: 10pt; }\n"
    ".date { text-align: right; }\n"
    "table.meta td { vertical-align: top; padding: 0 2mm 0 0; }\n"
    ".to { margin: 5mm 0; }\n"
    ".body p { text-align: justify; margin: 0 0 3mm; }\n"
    "table.list { border-collapse: collapse; width: 100%; font-size: 10.5pt; }\n"
    "table.list th, table.list td { border: 1px solid #000; padding: 1mm 2mm;"
    " vertical-align: top; text-align: left; }\n"
    ".sign { margin: 12mm 0 0 55%; }\n"
    ".sign .name { margin-top: 20mm; font-weight: bold; text-decoration: underline; }\n";


/* Text as paragraphs: a blank line between them, <br/> within. */
static void
paragraphs(struct aduan_buf *b, const char *s)
{
	const char *p = s, *e;
	int open = 0;

	for (; *p != '\0'; p = *e ? e + 1 : e) {
		char *line;

		e = p + strcspn(p, "\n");
		if (e == p) {
			if (open)
				aduan_buf_adds(b, "</p>\n");
			open = 0;
			continue;
		}
		aduan_buf_adds(b, open ? "<br/>\n" : "<p>");
		open = 1;
		line = aduan_xstrndup(p, (size_t)(e - p));
		aduan_buf_add_xml(b, line);
		free(line);
	}
	if (open)
		aduan_buf_adds(b, "</p>\n");
}

/* Text with its line breaks kept (a table cell). */
static void
lines(struct aduan_buf *b, const char *s)
{
	const char *p, *e;
	char *line;

	for (p = s; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		if (p != s)
			aduan_buf_adds(b, "<br/>");
		line = aduan_xstrndup(p, (size_t)(e - p));
		aduan_buf_add_xml(b, line);
		free(line);
	}
}

/* The settings a letter shows, read once: a setting's value is borrowed
 * only until the next is read. */
enum { S_PARENT, S_NAME, S_ADDRESS, S_PHONE, S_EMAIL, S_CITY, S_NUMBER, S_HEAD_TITLE,
	S_HEAD, S_HEAD_ID, S_N };
static const char *const setting_keys[S_N] = {
	"office.parent", "office.name", "office.address", "office.phone", "office.email",
	"office.city", "letter.number", "office.head_title", "office.head", "office.head_id"
};

struct letter {
	const char *set[S_N];	/* never NULL */
	struct aduan_db *db;
	const char *lang;
	int l;			/* 0 id, 1 en */
	int personal;
	struct aduan_buf *b;
};

static void
kop(struct letter *x)
{
	const char *addr = x->set[S_ADDRESS];

	aduan_buf_adds(x->b, "<header class=\"kop\">\n");
	if (*x->set[S_PARENT] != '\0')
		aduan_buf_add_xml_in(x->b, "<div class=\"parent\">", x->set[S_PARENT], "</div>\n");
	aduan_buf_add_xml_in(x->b, "<div class=\"office\">", x->set[S_NAME], "</div>\n");
	aduan_buf_adds(x->b, "<div class=\"contact\">");
	aduan_buf_add_xml(x->b, addr);
	if (*x->set[S_PHONE] != '\0') {
		aduan_buf_adds(x->b, *addr != '\0' ? " · " : "");
		aduan_buf_add_xml(x->b, x->set[S_PHONE]);
	}
	if (*x->set[S_EMAIL] != '\0') {
		aduan_buf_adds(x->b, " · ");
		aduan_buf_add_xml(x->b, x->set[S_EMAIL]);
	}
	aduan_buf_adds(x->b, "</div>\n</header>\n");
}

static void
meta_row(struct letter *x, int label, const char *value)
{
	aduan_buf_printf(x->b, "<tr><td>%s</td><td>:</td>", lw[label][x->l]);
	aduan_buf_add_xml_in(x->b, "<td>", value, "</td></tr>\n");
}

/* Letterhead, date, number, addressee: the top of a page. */
static void
head(struct letter *x, const struct aduan_agency *a, int urgent, const char *subject)
{
	const char *city = x->set[S_CITY], *number = x->set[S_NUMBER];
	struct aduan_buf d = {0};

	aduan_buf_adds(x->b, "<section class=\"page\">\n");
	kop(x);
	aduan_buf_adds(&d, "");
	if (*city != '\0')
		aduan_buf_printf(&d, "%s, ", city);
	aduan_date_words(&d, time(NULL), x->lang, 0);
	aduan_buf_add_xml_in(x->b, "<p class=\"date\">", d.s, "</p>\n<table class=\"meta\">\n");
	meta_row(x, L_NUMBER, *number != '\0' ? number : "……………………");
	meta_row(x, L_NATURE, lw[urgent ? L_URGENT : L_ORDINARY][x->l]);
	meta_row(x, L_ENCLOSURE, "-");
	meta_row(x, L_SUBJECT, subject);
	aduan_buf_printf(x->b, "</table>\n<div class=\"to\">%s<br/>\n", lw[L_TO][x->l]);
	if (a->f[AG_TITLE] != NULL) {
		aduan_buf_add_xml(x->b, a->f[AG_TITLE]);
		aduan_buf_adds(x->b, "<br/>\n");
	}
	aduan_buf_add_xml(x->b, a->name);
	aduan_buf_printf(x->b, "<br/>\n%s ", lw[L_AT][x->l]);
	aduan_buf_add_xml(x->b, a->f[AG_ADDRESS] != NULL ? a->f[AG_ADDRESS] : lw[L_PLACE][x->l]);
	aduan_buf_adds(x->b, "\n</div>\n");
	aduan_buf_release(&d);
}

static void
sign(struct letter *x)
{
	const char *title = x->set[S_HEAD_TITLE], *office = x->set[S_NAME];

	aduan_buf_adds(x->b, "<div class=\"sign\">");
	aduan_buf_add_xml(x->b, title);
	/* "Camat" under "Kecamatan Bontang Utara" reads "Camat Bontang Utara" */
	if (strncmp(office, "Kecamatan ", 10) == 0 && strcmp(title, "Camat") == 0) {
		aduan_buf_addc(x->b, ' ');
		aduan_buf_add_xml(x->b, office + 10);
	}
	aduan_buf_add_xml_in(x->b, "<div class=\"name\">",
	    *x->set[S_HEAD] != '\0' ? x->set[S_HEAD] : "……………………", "</div>\n");
	if (*x->set[S_HEAD_ID] != '\0')
		aduan_buf_add_xml_in(x->b, "<div class=\"nip\">NIP ", x->set[S_HEAD_ID], "</div>\n");
	aduan_buf_adds(x->b, "</div>\n</section>\n");
}

/* Agency and priority of complaint id. */
static int
lookup(struct aduan_db *db, int64_t id, struct aduan_agency *a, int *urgent)
{
	int64_t yes;
	char *code;
	int rc;

	if ((rc = aduan_forward_check(db, id, &code)) != 0)
		return rc;
	rc = aduan_agency_get(db, code, a);
	free(code);
	if (rc != 0)
		return rc;
	if ((rc = aduan_db_value(db, &yes, "reading a complaint",
	    "SELECT priority = 'urgent' FROM complaint WHERE id = ?1", "i", id)) != 0)
		aduan_agency_release(a);
	*urgent = yes != 0;
	return rc;
}

static int
one(struct letter *x, int64_t id)
{
	struct aduan_render how = {AUD_AGENCY, x->personal, x->lang, NULL};
	struct aduan_agency a;
	struct aduan_buf text = {0}, subject = {0};
	int urgent, rc;

	if ((rc = lookup(x->db, id, &a, &urgent)) != 0)
		return rc;
	if ((rc = aduan_render(x->db, "letter", id, &how, &text)) == 0) {
		aduan_buf_printf(&subject, lw[L_SUBJECT_ONE][x->l], (long long)id);
		head(x, &a, urgent, subject.s);
		aduan_buf_adds(x->b, "<div class=\"body\">\n");
		paragraphs(x->b, text.s);
		aduan_buf_adds(x->b, "</div>\n");
		sign(x);
		rc = aduan_forward_record(x->db, id, a.code, "letter", a.name, x->personal);
	}
	aduan_agency_release(&a);
	aduan_buf_release(&text);
	aduan_buf_release(&subject);
	return rc;
}

/* One page for the complaints ids[0..n) that share an agency. */
static int
list(struct letter *x, const int64_t *ids, size_t n)
{
	struct aduan_render how = {AUD_AGENCY, x->personal, x->lang, NULL};
	struct aduan_agency a;
	struct aduan_buf text = {0}, row = {0}, subject = {0};
	static const char *const cells[] = {
		"{id}", "{received}", "{kelurahan}\nRT {rt}", "{text}", "{due}"
	};
	int urgent, any_urgent = 0, rc;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if ((rc = lookup(x->db, ids[i], &a, &urgent)) != 0)
			return rc;
		any_urgent |= urgent;
		if (i + 1 < n)
			aduan_agency_release(&a);
	}
	rc = aduan_render(x->db, "letter-list", ids[0], &how, &text);
	aduan_buf_printf(&subject, lw[L_SUBJECT_LIST][x->l], n);
	if (rc == 0) {
		head(x, &a, any_urgent, subject.s);
		aduan_buf_adds(x->b, "<div class=\"body\">\n");
		paragraphs(x->b, text.s);
		aduan_buf_printf(x->b, "<table class=\"list\">\n<thead><tr><th>%s</th><th>%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		    lw[L_NO][x->l], lw[L_ID_NO][x->l], lw[L_RECEIVED][x->l], lw[L_PLACE_COL][x->l],
		    lw[L_TEXT][x->l], lw[L_DUE][x->l]);
	}
	for (i = 0; i < n && rc == 0; i++) {
		aduan_buf_printf(x->b, "<tr><td>%zu</td>", i + 1);
		for (k = 0; k < sizeof(cells) / sizeof(cells[0]) && rc == 0; k++) {
			aduan_buf_reset(&row);
			rc = aduan_render_text(x->db, cells[k], ids[i], &how, &row);
			aduan_buf_adds(x->b, "<td>");
			lines(x->b, row.s);
			aduan_buf_adds(x->b, "</td>");
		}
		aduan_buf_adds(x->b, "</tr>\n");
		if (rc != 0)
			break;
		rc = aduan_forward_record(x->db, ids[i], a.code, "letter", a.name, x->personal);
	}
	if (rc == 0) {
		aduan_buf_adds(x->b, "</tbody>\n</table>\n</div>\n");
		sign(x);
	}
	aduan_agency_release(&a);
	aduan_buf_release(&text);
	aduan_buf_release(&row);
	aduan_buf_release(&subject);
	return rc;
}

int
aduan_letter_write(struct aduan_db *db, const int64_t *ids, size_t n, int list_mode,
    int personal, const char *lang, FILE *out)
{
	struct aduan_buf b = {0};
	struct letter x = {{0}, db, NULL, 0, personal, &b};
	char *set[S_N];
	int64_t *group = NULL;
	char **codes = NULL;
	size_t i, j, k;
	int rc = 0;

	if ((rc = aduan_template_lang(db, lang, &x.lang)) != 0)
		return rc;
	x.l = strcmp(x.lang, "en") == 0;
	for (i = 0; i < S_N; i++) {
		const char *v = aduan_config(db, setting_keys[i]);

		x.set[i] = set[i] = aduan_xstrdup(v != NULL ? v : "");
	}
	aduan_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	    x.lang, lw[L_TITLE][x.l], style);
	if (!list_mode) {
		for (i = 0; i < n && rc == 0; i++)
			rc = one(&x, ids[i]);
	} else {
		/* one page per agency, in the order the agencies first appear */
		codes = aduan_xmalloc(sizeof(*codes) * (n ? n : 1));
		group = aduan_xmalloc(sizeof(*group) * (n ? n : 1));
		for (i = 0; i < n; i++)
			codes[i] = NULL;
		for (i = 0; i < n && rc == 0; i++)
			rc = aduan_forward_check(db, ids[i], &codes[i]);
		for (i = 0; i < n && rc == 0; i++) {
			if (codes[i] == NULL)
				continue;
			for (k = 0, j = i; j < n; j++)
				if (codes[j] != NULL && strcmp(codes[j], codes[i]) == 0) {
					group[k++] = ids[j];
					if (j != i) {
						free(codes[j]);
						codes[j] = NULL;
					}
				}
			rc = list(&x, group, k);
		}
		for (i = 0; i < n; i++)
			free(codes[i]);
		free(codes);
		free(group);
	}
	aduan_buf_adds(&b, "</body>\n</html>\n");
	for (i = 0; i < S_N; i++)
		free(set[i]);
	if (rc == 0 && fwrite(b.s, 1, b.len, out) != b.len)
		rc = aduan_fail(ADUAN_IOERR, "write error");
	aduan_buf_release(&b);
	return rc;
}
