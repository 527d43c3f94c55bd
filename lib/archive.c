/*
 * archive.c - reading the message archive (see archive.h).
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "archive.h"
#include "complaint.h"
#include "db.h"
#include "internal.h"
#include "lifecycle.h"
#include "phone.h"
#include "place.h"
#include "privacy.h"
#include "util.h"

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
aduan_messages_list(struct aduan_db *db, const struct aduan_message_filter *f,
    int (*fn)(const struct aduan_message *m, void *arg), void *arg, long *n)
{
	sqlite3_stmt *st;
	struct aduan_message m;
	char *group = f->group ? aduan_fold(f->group) : NULL;
	int rc, stop = 0;

	*n = 0;
	st = aduan_db_stmt(db, "SELECT id, complaint, source_key, source, received_at, author, "
	    "body, kind, decision, reason, attachment FROM message WHERE "
	    "(?1 = 0 OR decision = 'filtered') AND "
	    "(?2 = 0 OR decision IN ('complaint', 'joined', 'taken')) AND "
	    "(?3 IS NULL OR replace(replace(replace(replace(lower(source), ' ', ''), '-', ''), "
	    "'.', ''), '_', '') = ?3) AND "
	    "(?4 IS NULL OR received_at >= ?4) AND (?5 IS NULL OR received_at < ?5) AND "
	    "(?6 IS NULL OR instr(lower(body), lower(?6)) > 0) ORDER BY id");
	if (st == NULL) {
		free(group);
		return aduan_db_fail(db, "reading the messages");
	}
	sqlite3_bind_int(st, 1, f->left);
	sqlite3_bind_int(st, 2, f->taken);
	if (group != NULL)
		sqlite3_bind_text(st, 3, group, -1, SQLITE_TRANSIENT);
	if (f->since != NULL)
		sqlite3_bind_text(st, 4, f->since, -1, SQLITE_STATIC);
	if (f->until != NULL)
		sqlite3_bind_text(st, 5, f->until, -1, SQLITE_STATIC);
	if (f->search != NULL)
		sqlite3_bind_text(st, 6, f->search, -1, SQLITE_STATIC);
	free(group);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.id = sqlite3_column_int64(st, 0);
		m.complaint = sqlite3_column_int64(st, 1);
		m.source_key = col(st, 2);
		m.source = col(st, 3);
		m.received_at = col(st, 4);
		m.author = col(st, 5);
		m.body = col(st, 6);
		m.kind = col(st, 7);
		m.attachment = col(st, 10);
		m.decision = col(st, 8);
		m.reason = col(st, 9);
		(*n)++;
		stop = fn(&m, arg);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "reading the messages");
	return 0;
}

/* Mark the messages of ref (archive id) or of complaint (when ref is 0)
 * with a person's decision. */
static int
decide(struct aduan_db *db, int64_t ref, int64_t complaint, const char *decision)
{
	sqlite3_stmt *st;

	st = aduan_db_stmt(db, "UPDATE message SET prior = json_object('decision', decision, "
	    "'decided_by', decided_by, 'decided_in', decided_in, 'prior', json(prior)), "
	    "decision = ?3, complaint = coalesce(?2, complaint), "
	    "decided_by = (SELECT actor FROM invocation WHERE id = ?5), decided_in = ?5 "
	    "WHERE (?1 > 0 AND id = ?1) OR (?1 = 0 AND complaint = ?2)");
	if (st == NULL)
		return aduan_db_fail(db, "recording a decision");
	sqlite3_bind_int64(st, 1, ref);
	if (complaint > 0)
		sqlite3_bind_int64(st, 2, complaint);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, decision, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, aduan_db_invocation(db));
	return aduan_db_step(db, st, "recording a decision");
}

int
aduan_message_take(struct aduan_db *db, const struct aduan_places *p, const char *ref,
    int64_t *id)
{
	struct aduan_complaint c;
	sqlite3_stmt *st;
	int64_t msg, num = 0, taken;
	const char *kel, *from;
	char rt[8], phone[17], *end;
	int rc;

	*id = 0;
	if (*ref >= '0' && *ref <= '9')
		num = strtoll(ref, &end, 10);
	st = aduan_db_stmt(db, "SELECT id, complaint, source_key, source, received_at, author, "
	    "body FROM message WHERE id = ?1 OR source_key = ?2");
	if (st == NULL)
		return aduan_db_fail(db, "looking up a message");
	sqlite3_bind_int64(st, 1, num > 0 && *end == '\0' ? num : -1);
	sqlite3_bind_text(st, 2, ref, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? aduan_fail(ADUAN_NOMATCH, _("no such message: %s"), ref) :
		    aduan_db_fail(db, "looking up a message");
	}
	msg = sqlite3_column_int64(st, 0);
	taken = sqlite3_column_int64(st, 1);
	if (taken > 0) {
		sqlite3_reset(st);
		return aduan_fail(ADUAN_NOMATCH, _("message %s is already in complaint %lld"), ref,
		    (long long)taken);
	}
	aduan_complaint_init(&c);
	aduan_complaint_sets(&c, AF_SOURCE_KEY, col(st, 2));
	aduan_complaint_sets(&c, AF_SOURCE, col(st, 3));
	aduan_complaint_sets(&c, AF_RECEIVED_AT, col(st, 4));
	aduan_complaint_sets(&c, AF_CHANNEL, "whatsapp");
	if (col(st, 5) != NULL) {
		if (aduan_phone_normalize(col(st, 5), phone) == 0)
			aduan_complaint_sets(&c, AF_REPORTER_PHONE, phone);
		else
			aduan_complaint_sets(&c, AF_REPORTER_NAME, col(st, 5));
	}
	aduan_complaint_sets(&c, AF_BODY, col(st, 6));
	sqlite3_reset(st);
	aduan_place_fill(p, &c, NULL);
	if ((c.v[AF_KELURAHAN] == NULL || c.v[AF_RT] == NULL) &&
	    (rc = aduan_group_place(db, p, c.v[AF_SOURCE], &kel, rt, &from)) > 0) {
		int same = c.v[AF_KELURAHAN] == NULL || strcmp(c.v[AF_KELURAHAN], kel ? kel : "") == 0;

		if (c.v[AF_KELURAHAN] == NULL && kel != NULL)
			aduan_complaint_sets(&c, AF_KELURAHAN, kel);
		if (c.v[AF_RT] == NULL && rt[0] != '\0' && same)
			aduan_complaint_sets(&c, AF_RT, rt);
	} else if (rc < 0) {
		aduan_complaint_release(&c);
		return -rc;
	}
	if ((rc = aduan_complaint_check(db, &c, time(NULL))) != 0 ||
	    (rc = aduan_complaint_insert(db, &c, id)) != 0) {
		aduan_complaint_release(&c);
		return rc;
	}
	if (*id == 0)
		rc = aduan_fail(ADUAN_NOMATCH, _("message %s is already a complaint (source_key %s)"),
		    ref, c.v[AF_SOURCE_KEY]);
	else
		rc = decide(db, msg, *id, "taken");
	aduan_complaint_release(&c);
	return rc;
}

int
aduan_message_leave(struct aduan_db *db, int64_t id, const char *note)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	st = aduan_db_stmt(db, "SELECT count(*) FROM message WHERE complaint = ?1");
	if (st == NULL)
		return aduan_db_fail(db, "looking up messages");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "looking up messages");
	if (n == 0)
		return aduan_fail(ADUAN_NOMATCH, _("complaint %lld came from no WhatsApp message; "
		    "close it with --resolution rejected"), (long long)id);
	if ((rc = aduan_close(db, id, "rejected", 0, note ? note : _("not a complaint"))) != 0)
		return rc;
	return decide(db, 0, id, "not-complaint");
}

int
aduan_messages_subject(struct aduan_db *db, const char *phone, FILE *out, long *n)
{
	sqlite3_stmt *st;
	char p[17];
	int rc;

	*n = 0;
	/* authors are stored as the export shows them: normalise each that
	 * may be a number */
	st = aduan_db_stmt(db, "SELECT json_object('message', id, 'source_key', source_key, "
	    "'source', source, 'received_at', received_at, 'author', author, 'body', body, "
	    "'kind', kind, 'decision', decision, 'reason', reason, 'complaint', complaint, "
	    "'attachment', attachment), "
	    "author FROM message WHERE author GLOB '*[0-9]*' ORDER BY id");
	if (st == NULL)
		return aduan_db_fail(db, "reading a reporter's messages");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (aduan_phone_normalize(col(st, 1), p) != 0 || strcmp(p, phone) != 0)
			continue;
		fputs(col(st, 0), out);
		fputc('\n', out);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "reading a reporter's messages");
	return ferror(out) ? aduan_fail(ADUAN_IOERR, "write error") : 0;
}

int
aduan_messages_purge(struct aduan_db *db, const char *cutoff, int dry_run, long *n)
{
	sqlite3_stmt *sel, *upd;
	int rc;

	*n = 0;
	if (sqlite3_prepare_v2(aduan_db_sqlite(db), "SELECT m.id, m.source_key FROM message m "
	    "LEFT JOIN complaint c ON c.id = m.complaint WHERE m.received_at < ?1 "
	    "AND m.body <> '(purged)' AND (c.id IS NULL OR (c.status = 'closed' AND "
	    "c.closed_at < ?1))", -1, &sel, NULL) != SQLITE_OK)
		return aduan_db_fail(db, "finding messages to purge");
	sqlite3_bind_text(sel, 1, cutoff, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		char *purged;

		(*n)++;
		if (dry_run)
			continue;
		upd = aduan_db_stmt(db, "UPDATE message SET author = NULL, body = '(purged)', "
		    "attachment = NULL, "
		    "source_key = ?2, prior = NULL WHERE id = ?1");
		if (upd == NULL) {
			sqlite3_finalize(sel);
			return aduan_db_fail(db, "purging a message");
		}
		purged = aduan_source_key_purged(col(sel, 1));
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		sqlite3_bind_text(upd, 2, purged, -1, SQLITE_TRANSIENT);
		free(purged);
		if ((rc = aduan_db_step(db, upd, "purging a message")) != 0) {
			sqlite3_finalize(sel);
			return rc;
		}
	}
	sqlite3_finalize(sel);
	return rc == SQLITE_DONE || rc == 0 ? 0 : aduan_db_fail(db, "finding messages to purge");
}
