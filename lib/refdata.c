/*
 * refdata.c - reference data: kelurahan with aliases, agencies, settings
 * and their defaults; the TSV data files they come from, and listings.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "db.h"
#include "internal.h"
#include "learn.h"
#include "phone.h"
#include "refdata.h"
#include "util.h"

const struct aduan_setting_def aduan_settings[] = {
	{"intake.keywords", "#aduan",
	    "the office's own words that always make a WhatsApp message a complaint "
	    "(comma-separated, any case), besides the rules of aduan-add(1)"},
	{"intake.staff", "",
	    "names and phone numbers of staff, whose messages are never complaints"},
	{"intake.join_minutes", "5",
	    "consecutive messages by one author within this many minutes are one complaint"},
	{"sla.urgent", "1", "working days to act on an urgent complaint"},
	{"sla.normal", "5", "working days to act on a normal complaint"},
	{"sla.low", "14", "working days to act on a low-priority complaint"},
	{"office.name", "", "the office's name, shown in reports"},
	{"office.parent", "", "the government above the office, atop the letterhead "
	    "(Pemerintah Kota Bontang)"},
	{"office.address", "", "the office's address, for the letterhead and messages"},
	{"office.phone", "", "the office's telephone or WhatsApp number, for messages"},
	{"office.email", "", "the office's email address: the sender of forwarded mail"},
	{"office.city", "", "the town written before the date of a letter, and the office's own "
	    "town to the WhatsApp intake"},
	{"office.head", "", "the name of the head of the office (the camat), who signs letters"},
	{"office.head_title", "Camat", "the title under which letters are signed"},
	{"office.head_id", "", "the signer's staff number (NIP), printed under the name"},
	{"letter.number", "", "the number of a covering letter (empty: a line to fill in by hand)"},
	{"template.lang", "id", "the language of the message templates: id or en"},
	{"mail.command", "/usr/sbin/sendmail -t",
	    "the command that sends mail (reads the message on stdin; $ADUAN_SENDMAIL overrides)"},
	{"route.learned_min", "0.6",
	    "aduan-route --auto takes a learned suggestion when no rule is sure and its "
	    "confidence (0 to 1) reaches this"},
	{"route.learned_k", "10",
	    "how many similar complaints the office routed vote on a suggestion (1 to 50)"},
	{NULL, NULL, NULL}
};

const struct aduan_setting_def *
aduan_setting_def(const char *key)
{
	size_t n = sizeof(aduan_settings) / sizeof(aduan_settings[0]);
	int i = aduan_row_named(aduan_settings, n, sizeof(aduan_settings[0]), key, strlen(key));

	return i < 0 ? NULL : &aduan_settings[i];
}

int
aduan_setting_check(const char *key, const char *value)
{
	double v, lo = 0, hi = 0;
	char *end;

	if (strcmp(key, "route.learned_min") == 0)
		lo = 0, hi = 1;
	else if (strcmp(key, "route.learned_k") == 0)
		lo = 1, hi = ADUAN_SUGGEST_K_MAX;
	else
		return 0;
	v = strtod(value, &end);
	if (*value == '\0' || *end != '\0' || v < lo || v > hi ||
	    (hi > 1 && v != (double)(long)v))
		return aduan_fail(ADUAN_USAGE, "%s: a number from %g to %g, not \"%s\"", key, lo, hi,
		    value);
	return 0;
}

const char *
aduan_config(struct aduan_db *db, const char *key)
{
	const struct aduan_setting_def *d = aduan_setting_def(key);
	const char *v = aduan_setting(db, key);

	if (v != NULL)
		return v;
	return d ? d->value : NULL;
}

int
aduan_kelurahan_add(struct aduan_db *db, const char *name, const char *code,
    const char *aliases)
{
	sqlite3_stmt *st;
	char *folded = aduan_fold(name), *list, *p, *e;
	int rc;

	if (*folded == '\0') {
		free(folded);
		return aduan_fail(ADUAN_USAGE, "a kelurahan needs a name");
	}
	st = aduan_db_stmt(db,
	    "INSERT INTO kelurahan(name, code, folded) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(folded) DO UPDATE SET name = excluded.name, "
	    "code = coalesce(excluded.code, kelurahan.code)");
	if (st == NULL) {
		free(folded);
		return ADUAN_IOERR;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (code != NULL && *code != '\0')
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, folded, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(folded);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "adding a kelurahan");
	if (aliases == NULL || *aliases == '\0')
		return 0;
	list = aduan_xstrdup(aliases);
	for (p = list; p != NULL; p = e ? e + 1 : NULL) {
		if ((e = strchr(p, ',')) != NULL)
			*e = '\0';
		p += strspn(p, " ");
		if (*p == '\0')
			continue;
		folded = aduan_fold(p);
		st = aduan_db_stmt(db,
		    "INSERT INTO kelurahan_alias(folded, alias, kelurahan) "
		    "SELECT ?1, ?2, name FROM kelurahan WHERE name = ?3 "
		    "AND NOT EXISTS (SELECT 1 FROM kelurahan WHERE folded = ?1) "
		    "ON CONFLICT(folded) DO UPDATE SET alias = excluded.alias, "
		    "kelurahan = excluded.kelurahan");
		if (st == NULL) {
			free(folded);
			free(list);
			return ADUAN_IOERR;
		}
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, p, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		free(folded);
		if (rc != SQLITE_DONE) {
			free(list);
			return aduan_db_fail(db, "adding an alias");
		}
	}
	free(list);
	return 0;
}

int
aduan_agency_add(struct aduan_db *db, const char *code, const char *name, int sla_days,
    const char *contact)
{
	sqlite3_stmt *st;
	const char *p;

	aduan_db_changed(db);
	if (*code == '\0' || strlen(code) > 32)
		return aduan_fail(ADUAN_USAGE, "an agency code is 1 to 32 characters");
	for (p = code; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return aduan_fail(ADUAN_USAGE,
			    "agency code \"%s\": letters, digits, - and _ only", code);
	if (name == NULL || *name == '\0')
		return aduan_fail(ADUAN_USAGE, "agency %s needs a name", code);
	st = aduan_db_stmt(db,
	    "INSERT INTO agency(code, name, sla_days, contact) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
	    "sla_days = excluded.sla_days, contact = excluded.contact");
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sla_days > 0)
		sqlite3_bind_int(st, 3, sla_days);
	if (contact != NULL && *contact != '\0')
		sqlite3_bind_text(st, 4, contact, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return aduan_db_fail(db, "adding an agency");
	}
	sqlite3_reset(st);
	return 0;
}

const char *const aduan_agency_fields[AG_NFIELDS] = {
	"whatsapp", "email", "address", "officer", "title"
};

static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

int
aduan_email_check(const char *s)
{
	const char *at = strrchr(s, '@'), *p;

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '.') == NULL ||
	    strlen(s) > 254)
		return aduan_fail(ADUAN_USAGE, "\"%s\" is not an email address", s);
	/* one bare address: nothing a mail header would read as more */
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || strchr("<>()[]\\,;:\"", *p) != NULL)
			return aduan_fail(ADUAN_USAGE,
			    "\"%s\" is not an email address (one plain address, like dinas@example.go.id)",
			    s);
	return 0;
}

/* One statement per contact column, in aduan_agency_fields order. */
static const char *const set_sql[AG_NFIELDS] = {
	"UPDATE agency SET whatsapp = nullif(?2, '') WHERE code = ?1 COLLATE NOCASE",
	"UPDATE agency SET email = nullif(?2, '') WHERE code = ?1 COLLATE NOCASE",
	"UPDATE agency SET address = nullif(?2, '') WHERE code = ?1 COLLATE NOCASE",
	"UPDATE agency SET officer = nullif(?2, '') WHERE code = ?1 COLLATE NOCASE",
	"UPDATE agency SET title = nullif(?2, '') WHERE code = ?1 COLLATE NOCASE",
};

int
aduan_agency_set(struct aduan_db *db, const char *code, const char *const v[AG_NFIELDS])
{
	sqlite3_stmt *st;
	char phone[17];
	const char *val;
	int i, rc;

	aduan_db_changed(db);
	for (i = 0; i < AG_NFIELDS; i++) {
		if ((val = v[i]) == NULL)
			continue;
		if (has_control(val))
			return aduan_fail(ADUAN_USAGE, "--%s: no line breaks or control characters",
			    aduan_agency_fields[i]);
		if (*val != '\0' && i == AG_WHATSAPP) {
			if (aduan_phone_normalize(val, phone) != 0)
				return aduan_fail(ADUAN_USAGE, "--whatsapp: \"%s\" is not a phone number",
				    val);
			val = phone;
		}
		if (*val != '\0' && i == AG_EMAIL && (rc = aduan_email_check(val)) != 0)
			return rc;
		if ((st = aduan_db_stmt(db, set_sql[i])) == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, val, -1, SQLITE_TRANSIENT);
		if ((rc = aduan_db_step(db, st, "changing an agency")) != 0)
			return rc;
		if (sqlite3_changes(aduan_db_sqlite(db)) == 0)
			return aduan_fail(ADUAN_NOMATCH, "no such agency: %s", code);
	}
	return 0;
}

int
aduan_agency_get(struct aduan_db *db, const char *code, struct aduan_agency *a)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT code, name, contact, coalesce(sla_days, 0), whatsapp, email, address, "
	    "officer, title FROM agency WHERE code = ?1 COLLATE NOCASE");
	int i, rc;

	memset(a, 0, sizeof(*a));
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->code = aduan_db_column(st, 0);
		a->name = aduan_db_column(st, 1);
		a->contact = aduan_db_column(st, 2);
		a->sla_days = sqlite3_column_int(st, 3);
		for (i = 0; i < AG_NFIELDS; i++)
			a->f[i] = aduan_db_column(st, 4 + i);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "no such agency: %s", code);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "looking up an agency");
	return 0;
}

void
aduan_agency_release(struct aduan_agency *a)
{
	ADUAN_FREE_EACH(a->code, a->name, a->contact);
	aduan_free_each((void *const *)a->f, AG_NFIELDS);
	memset(a, 0, sizeof(*a));
}

int
aduan_agency_resolve(struct aduan_db *db, const char *name, char **code)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT code FROM agency WHERE code = ? COLLATE NOCASE");
	struct aduan_buf b = {0};
	int rc;

	*code = NULL;
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*code = aduan_db_column(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "looking up an agency");
	if ((st = aduan_db_stmt(db, "SELECT code FROM agency ORDER BY code")) == NULL)
		return ADUAN_IOERR;
	while (sqlite3_step(st) == SQLITE_ROW)
		aduan_buf_printf(&b, "%s%s", b.len ? ", " : "", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	rc = aduan_fail(ADUAN_USAGE, b.len ? "unknown agency \"%s\" (one of: %s)" :
	    "unknown agency \"%s\" (no agencies yet: 'aduan init --preset NAME'%s)",
	    name, b.len ? b.s : "");
	aduan_buf_release(&b);
	return rc;
}

int
aduan_agency_rm(struct aduan_db *db, const char *code)
{
	const char *what = "removing an agency";
	int64_t complaints, rules;
	int rc;

	aduan_db_changed(db);
	if ((rc = aduan_db_value(db, &complaints, what,
	    "SELECT count(*) FROM complaint WHERE agency = ?1 COLLATE NOCASE", "t", code)) != 0 ||
	    (rc = aduan_db_value(db, &rules, what,
	    "SELECT count(*) FROM rule WHERE agency = ?1 COLLATE NOCASE", "t", code)) != 0)
		return rc;
	if (complaints > 0)
		return aduan_fail(ADUAN_DATAERR,
		    "agency %s has %d complaint(s) and stays; "
		    "'aduan agency add %s NAME' changes its name", code, (int)complaints, code);
	if (rules > 0)
		return aduan_fail(ADUAN_DATAERR,
		    "agency %s is named by %d routing rule(s); remove them first "
		    "(see 'aduan rule list')", code, (int)rules);
	if ((rc = aduan_db_run(db, what, "DELETE FROM agency WHERE code = ?1 COLLATE NOCASE", "t",
	    code)) != 0)
		return rc;
	return sqlite3_changes(aduan_db_sqlite(db)) == 0 ?
	    aduan_fail(ADUAN_NOMATCH, "no such agency: %s", code) : 0;
}

char *
aduan_datadir(void)
{
	const char *s = getenv("ADUAN_DATADIR");
	char exe[4096], *slash;
	ssize_t n;

	if (s != NULL && *s != '\0')
		return aduan_xstrdup(s);
	/* run from the build tree: the data folder sits beside the program */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 32);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			strcpy(slash + 1, "data/bontang-utara.agency.tsv");
			if (access(exe, R_OK) == 0) {
				slash[5] = '\0';
				return aduan_xstrdup(exe);
			}
		}
	}
	return aduan_xstrdup(ADUAN_DATADIR);
}

int
aduan_tsv_load(const char *path, int (*fn)(char **f, int n, long line, void *arg), void *arg)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[32], *p;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int n, ncols = -1, rc = 0;

	if (fp == NULL)
		return aduan_fail(errno == ENOENT ? ADUAN_NOMATCH : ADUAN_IOERR,
		    "cannot open %s: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		for (n = 0, p = line; n < 32; n++) {
			f[n] = p;
			if ((p = strchr(p, '\t')) == NULL) {
				n++;
				break;
			}
			*p++ = '\0';
		}
		if (ncols == -1) {	/* the header */
			ncols = n;
			continue;
		}
		if (n != ncols) {
			rc = aduan_fail(ADUAN_DATAERR, "%s:%ld: %d fields where the header has %d",
			    path, lineno, n, ncols);
			break;
		}
		if ((rc = fn(f, n, lineno, arg)) != 0)
			break;
	}
	if (rc == 0 && ferror(fp))
		rc = aduan_fail(ADUAN_IOERR, "%s: read error", path);
	free(line);
	fclose(fp);
	return rc;
}

struct rows_ctx {
	struct aduan_db *db;
	const char *path;
	aduan_tsv_row_fn *fn;
	long n;
};

static int
one_row(char **f, int n, long line, void *arg)
{
	struct rows_ctx *x = arg;
	int rc;

	if ((rc = x->fn(x->db, f, n, x->path, line)) == 0)
		x->n++;
	return rc;
}

int
aduan_tsv_rows(struct aduan_db *db, const char *path, aduan_tsv_row_fn *fn, long *n)
{
	struct rows_ctx x = {db, path, fn, 0};
	int rc = aduan_tsv_load(path, one_row, &x);

	*n = x.n;
	return rc;
}

/* ---- listings ------------------------------------------------------------ */

int
aduan_rows(struct aduan_db *db, const char *sql, aduan_row_fn *fn, void *arg)
{
	const char *cell[32];
	sqlite3_stmt *st;
	int i, n, rc, step = SQLITE_DONE;

	if ((st = aduan_db_stmt(db, sql)) == NULL)
		return ADUAN_IOERR;
	if ((n = sqlite3_column_count(st)) > 32)
		n = 32;
	for (i = 0; i < n; i++)
		cell[i] = sqlite3_column_name(st, i);
	rc = fn(cell, n, arg);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			cell[i] = (const char *)sqlite3_column_text(st, i);
		rc = fn(cell, n, arg);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = aduan_db_fail(db, "listing");
	sqlite3_reset(st);
	return rc;
}

static const char *const listings[] = {
	[ADUAN_LIST_AGENCY] = "SELECT code, name, sla_days, contact, whatsapp, email, address, "
	    "officer, title FROM agency ORDER BY code",
	[ADUAN_LIST_KELURAHAN] = "SELECT k.name, k.code, group_concat(a.alias, ',') AS aliases "
	    "FROM kelurahan k LEFT JOIN kelurahan_alias a ON a.kelurahan = k.name "
	    "GROUP BY k.name ORDER BY k.code, k.name",
	[ADUAN_LIST_RULE] = "SELECT position, pattern, category_match AS category, agency, "
	    "set_category, set_priority, weight FROM rule ORDER BY position",
	[ADUAN_LIST_HOLIDAY] = "SELECT day, name FROM holiday ORDER BY day",
};

int
aduan_refdata_list(struct aduan_db *db, enum aduan_listing which, aduan_row_fn *fn, void *arg)
{
	return aduan_rows(db, listings[which], fn, arg);
}
