/*
 * privacy.c - the data subject's rights (UU PDP No. 27/2022): everything
 * held about one reporter, for an access request; and anonymising closed
 * complaints past the retention period, keeping what the weekly summary
 * counts.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "phone.h"
#include "privacy.h"
#include "timeutil.h"
#include "util.h"

#define WITHHELD "(withheld)"	/* a personal text in a file for others */
#define PURGED "(purged)"	/* a personal text after the retention period */

/* SQL built once from the field table: head, each(i) of every field,
 * less its last ", " if trim, then tail. */
static const char *
field_sql(struct aduan_buf *sql, const char *head, void (*each)(struct aduan_buf *, int),
    int trim, const char *tail)
{
	int i;

	if (sql->len > 0)
		return sql->s;
	aduan_buf_adds(sql, head);
	for (i = 0; i < ADUAN_NFIELDS; i++)
		each(sql, i);
	if (trim) {
		sql->len -= 2;
		sql->s[sql->len] = '\0';
	}
	aduan_buf_adds(sql, tail);
	return sql->s;
}

static void
subject_field(struct aduan_buf *sql, int i)
{
	const char *n = aduan_fields[i].name;

	if (aduan_fields[i].type == AT_BOOL)
		aduan_buf_printf(sql, "'%s', json(iif(c.%s, 'true', 'false')), ", n, n);
	else
		aduan_buf_printf(sql, "'%s', c.%s, ", n, n);
}

/* The access request's query: one JSON object per complaint of the
 * reporter ?1, every field and the history inside (SQLite's JSON
 * functions do the writing), then the id. */
static const char *
subject_sql(void)
{
	static struct aduan_buf sql;

	return field_sql(&sql, "SELECT json_object(", subject_field, 0,
	    "'history', (SELECT json_group_array(json_object('at', e.at, 'actor', e.actor,"
	    "   'action', e.action, 'old_status', e.old_status, 'new_status', e.new_status,"
	    "   'old_agency', e.old_agency, 'new_agency', e.new_agency, 'note', e.note))"
	    "   FROM (SELECT * FROM event WHERE complaint = c.id ORDER BY id) e))"
	    " , c.id FROM complaint c WHERE c.reporter_phone = ?1 ORDER BY c.id");
}

int
aduan_subject_write(struct aduan_db *db, const char *phone, FILE *out, long *n)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (sqlite3_prepare_v2(aduan_db_sqlite(db), subject_sql(), -1, &st, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "reading a reporter's complaints");
	sqlite3_bind_text(st, 1, phone, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_text(st, 0);

		/* C1 controls (U+009B is CSI) as \u escapes, like every
		 * JSON aduan writes; SQLite escapes only C0 */
		for (; *p != '\0'; p++)
			if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				fprintf(out, "\\u%04x", *++p);
			else
				fputc(*p, out);
		fputc('\n', out);
		(*n)++;
		/* the access itself is part of the history (UU PDP Pasal 31) */
		rc = aduan_event_add(db, sqlite3_column_int64(st, 1), "export", NULL, NULL,
		    NULL, NULL, "personal data given to the data subject (access request)");
		if (rc != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "reading a reporter's complaints");
	if (ferror(out))
		return aduan_fail(ADUAN_IOERR, "write error");
	return 0;
}

char *
aduan_name_mask(const char *name)
{
	struct aduan_buf b = {0};
	const unsigned char *p = (const unsigned char *)(name ? name : "");

	while (*p != '\0') {
		/* the first letter or digit of each word, whatever its script */
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		while (*p != '\0' && *p < 0x80 && !((*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		if (*p == '\0')
			break;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p < 0x80) {
			aduan_buf_addc(&b, *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
			p++;
		} else {
			const unsigned char *q = p + 1;

			while ((*q & 0xc0) == 0x80)
				q++;
			aduan_buf_add(&b, (const char *)p, (size_t)(q - p));
			p = q;
		}
		aduan_buf_addc(&b, '.');
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
	}
	if (b.len == 0 || aduan_utf8_valid(b.s, b.len) != b.len) {
		aduan_buf_release(&b);
		return aduan_xstrdup("***");
	}
	return b.s;
}

void
aduan_private_view(const char **v, char phone[17], char **name)
{
	int confidential = v[AF_CONFIDENTIAL] && strcmp(v[AF_CONFIDENTIAL], "0") != 0;
	int hidden = confidential || (v[AF_ANONYMOUS] && strcmp(v[AF_ANONYMOUS], "0") != 0);
	enum aduan_fprivacy p;
	int i;

	*name = NULL;
	for (i = 0; i < ADUAN_NFIELDS; i++) {
		p = aduan_fields[i].privacy;
		if (p == APV_KEY || (confidential && (p == APV_PLACE || p == APV_SPOT)) ||
		    (hidden && (p == APV_IDENTITY || p == APV_MASKED)))
			v[i] = aduan_fields[i].flags & AFF_REQUIRED ? WITHHELD : NULL;
		else if (p != APV_MASKED || v[i] == NULL)
			continue;
		else if (i == AF_REPORTER_PHONE) {
			aduan_phone_mask(v[i], phone);
			v[i] = phone;
		} else
			v[i] = *name = aduan_name_mask(v[i]);
	}
}

char *
aduan_source_key_purged(const char *key)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	struct aduan_buf b = {0};

	for (; *key != '\0'; key++) {
		h ^= (unsigned char)*key;
		h *= 0x100000001b3ULL;
	}
	aduan_buf_printf(&b, "purged:%016llx", h);
	return b.s;
}

/* One step of a purge: sql with ?1 = the complaint's id (and ?2 = a
 * text when given); 0 or the failure. */
static int
purge_step(struct aduan_db *db, const char *sql, int64_t id, const char *text,
    const char *what)
{
	sqlite3_stmt *st = aduan_db_stmt(db, sql);

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_clear_bindings(st);
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	return aduan_db_step(db, st, what);
}

static void
purge_field(struct aduan_buf *sql, int i)
{
	const char *n = aduan_fields[i].name;

	switch (aduan_fields[i].privacy) {
	case APV_PUBLIC:
	case APV_PLACE:
		break;
	case APV_KEY:
		aduan_buf_printf(sql, "%s = coalesce(?2, %s), ", n, n);
		break;
	default:
		aduan_buf_printf(sql, "%s = %s, ", n,
		    aduan_fields[i].flags & AFF_REQUIRED ? "'" PURGED "'" : "NULL");
	}
}

/* The complaint's personal fields removed (?1 its id; ?2 the hash of
 * its source_key), as the field table says. */
static const char *
purge_sql(void)
{
	static struct aduan_buf sql;

	return field_sql(&sql, "UPDATE complaint SET ", purge_field, 1, " WHERE id = ?1");
}

/*
 * Forget one complaint's reporter and text everywhere the database keeps
 * a copy: the complaint itself, its history's notes and prior states, the
 * notes of any history naming the reporter, and the command lines that
 * held them (recorded before they were redacted).
 */
static int
purge_one(struct aduan_db *db, int64_t id, const char *key, const char *name,
    const char *phone)
{
	char *hashed = key && strncmp(key, "purged:", 7) != 0 ? aduan_source_key_purged(key) : NULL;
	char local[17] = "";
	const char *who[3];
	int rc, i;

	rc = purge_step(db, purge_sql(), id, hashed, "purging a complaint");
	free(hashed);
	if (rc != 0)
		return rc;
	/* the commands that added or changed it, as recorded then */
	if ((rc = purge_step(db,
	    "UPDATE invocation SET command = substr(command, 1, instr(command || ' ', ' ') - 1)"
	    " || ' (purged)' WHERE command NOT LIKE '% (purged)' AND id IN"
	    " (SELECT invocation FROM event WHERE complaint = ?1)",
	    id, NULL, "purging the commands that recorded a complaint")) != 0)
		return rc;
	/* notes may name people too; the history keeps its shape */
	if ((rc = purge_step(db, "UPDATE event SET note = NULL, prior = NULL "
	    "WHERE complaint = ?1 AND (note IS NOT NULL OR prior IS NOT NULL)", id, NULL,
	    "purging a complaint's history")) != 0)
		return rc;
	/* and the reporter named anywhere else: other notes, other commands */
	if (phone != NULL && strncmp(phone, "+62", 3) == 0)
		snprintf(local, sizeof(local), "0%s", phone + 3);
	who[0] = name;
	who[1] = phone;
	who[2] = local;
	for (i = 0; i < 3; i++) {
		if (who[i] == NULL || strlen(who[i]) < 4)
			continue;
		if ((rc = purge_step(db, "UPDATE event SET note = replace(note, ?2, '(purged)') "
		    "WHERE note IS NOT NULL AND instr(note, ?2) > 0 AND ?1 IS NOT NULL", id, who[i],
		    "purging notes that name a reporter")) != 0 ||
		    (rc = purge_step(db,
		    "UPDATE invocation SET command = replace(command, ?2, '(purged)') "
		    "WHERE instr(command, ?2) > 0 AND ?1 IS NOT NULL", id, who[i],
		    "purging commands that name a reporter")) != 0)
			return rc;
	}
	return aduan_event_add(db, id, "purge", NULL, NULL, NULL, NULL,
	    "reporter identity and text removed after the retention period");
}

int
aduan_purge(struct aduan_db *db, int years, time_t now, int dry_run,
    void (*fn)(int64_t id, void *arg), void *arg)
{
	struct tm tm;
	char cutoff[21];
	sqlite3_stmt *sel;
	long n = 0;
	int rc;

	if (years < 1 || years > 100)
		return aduan_fail(ADUAN_USAGE, "--older-than: years from 1 to 100");
	gmtime_r(&now, &tm);
	tm.tm_year -= years;
	aduan_time_utc(timegm(&tm), cutoff);
	/* what is deleted or overwritten from here on is zeroed in the file */
	if (!dry_run && sqlite3_exec(aduan_db_sqlite(db), "PRAGMA secure_delete = ON",
	    NULL, NULL, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "purging");
	if (sqlite3_prepare_v2(aduan_db_sqlite(db),
	    "SELECT id, source_key, reporter_name, reporter_phone FROM complaint "
	    "WHERE status = ?2 AND closed_at < ?1 "
	    "AND NOT (reporter_name IS NULL AND reporter_phone IS NULL AND body = '(purged)') "
	    "ORDER BY id", -1, &sel, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "finding complaints to purge");
	sqlite3_bind_text(sel, 1, cutoff, -1, SQLITE_STATIC);
	sqlite3_bind_text(sel, 2, aduan_statuses[AS_CLOSED], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(sel, 0);

		if (!dry_run && (rc = purge_one(db, id, (const char *)sqlite3_column_text(sel, 1),
		    (const char *)sqlite3_column_text(sel, 2),
		    (const char *)sqlite3_column_text(sel, 3))) != 0) {
			sqlite3_finalize(sel);
			return rc;
		}
		n++;
		fn(id, arg);
	}
	sqlite3_finalize(sel);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "finding complaints to purge");
	/* the search indexes keep the words of old versions in their blocks
	 * until they are merged: built again from what is left (a purged
	 * text left the stems index through its trigger: it teaches no more) */
	if (!dry_run && n > 0 && sqlite3_exec(aduan_db_sqlite(db),
	    "INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild');"
	    "INSERT INTO complaint_stem(complaint_stem) VALUES ('rebuild')",
	    NULL, NULL, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "rebuilding the search index");
	return 0;
}
