/*
 * lifecycle.c - a complaint after intake: forwarded to an agency (by hand
 * or by the rules), followed up with notes, closed, reopened; and undo.
 *
 * Every change records one event whose "prior" column keeps the
 * complaint's lifecycle fields as they were before it (a JSON object),
 * so that undo can put them back without guessing.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "field.h"
#include "internal.h"
#include "learn.h"
#include "lifecycle.h"
#include "preset.h"
#include "refdata.h"
#include "route.h"
#include "sla.h"
#include "timeutil.h"
#include "util.h"

/* The lifecycle fields of a complaint (borrowed from all). */
struct state {
	int64_t id;
	const char *status, *agency, *priority, *category, *received_at, *body;
	struct aduan_complaint all;
};

static void
state_release(struct state *s)
{
	aduan_complaint_release(&s->all);
	memset(s, 0, sizeof(*s));
}

static char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? aduan_xstrdup(s) : NULL;
}

/* Read complaint id; ADUAN_NOMATCH "no such complaint: ID" when absent. */
static int
state_get(struct aduan_db *db, int64_t id, struct state *s)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = aduan_complaint_get(db, id, &s->all)) != 0)
		return rc;
	s->id = id;
	s->status = s->all.v[AF_STATUS];
	s->agency = s->all.v[AF_AGENCY];
	s->priority = s->all.v[AF_PRIORITY];
	s->category = s->all.v[AF_CATEGORY];
	s->received_at = s->all.v[AF_RECEIVED_AT];
	s->body = s->all.v[AF_BODY];
	return 0;
}

/*
 * Record an event on complaint id before changing it: the old status and
 * agency and the prior state come from the row as it is now.
 */
static int
event(struct aduan_db *db, int64_t id, const char *action, const char *new_status,
    const char *new_agency, const char *note)
{
	struct aduan_event_rec e = { .kind = AEV_CHANGE, .action = action,
	    .new_status = new_status, .new_agency = new_agency, .note = note };

	return aduan_event_write(db, id, &e);
}

/* Due date for s forwarded to agency with priority. */
static int
due_for(struct aduan_db *db, const struct state *s, const char *agency, const char *priority,
    char out[21])
{
	int days, rc;

	if ((rc = aduan_sla_days(db, priority, agency, &days)) != 0)
		return rc;
	return aduan_sla_due(db, s->received_at, days, out);
}

/* s, the state of complaint id, and to, the status action leads to;
 * nothing to release on failure.  A time given for what is recorded
 * (aduan_db_at) may not be before the complaint was received, nor before
 * it was closed. */
static int
state_for(struct aduan_db *db, int64_t id, enum aduan_action action, struct state *s,
    const char **to)
{
	const char *at = aduan_db_at_given(db), *closed;
	char local[32];
	time_t t;
	int rc;

	if ((rc = state_get(db, id, s)) != 0)
		return rc;
	closed = s->all.v[AF_CLOSED_AT];
	if (at != NULL && s->received_at != NULL && strcmp(s->received_at, at) > 0 &&
	    aduan_time_from_utc(s->received_at, &t) == 0)
		rc = aduan_fail(ADUAN_NOMATCH, _("complaint %lld was received at %s, after the "
		    "time given with --at"), (long long)id, aduan_time_local(t, local));
	else if (at != NULL && closed != NULL && strcmp(closed, at) > 0 &&
	    aduan_time_from_utc(closed, &t) == 0)
		rc = aduan_fail(ADUAN_NOMATCH, _("complaint %lld was closed at %s, after the "
		    "time given with --at"), (long long)id, aduan_time_local(t, local));
	else
		rc = aduan_transition(action, id, s->status, s->agency, to);
	if (rc != 0)
		state_release(s);
	return rc;
}

int
aduan_route_to(struct aduan_db *db, int64_t id, const char *agency, const char *note,
    int *changed)
{
	struct state s;
	const char *to;
	char due[21];
	int rc;

	*changed = 0;
	if ((rc = state_for(db, id, AA_ROUTE, &s, &to)) != 0)
		return rc;
	if (s.agency != NULL && strcmp(s.agency, agency) == 0 && strcmp(s.status, to) == 0) {
		/* already there: the due date stays; a note is still kept, and
		 * the office has confirmed the agency */
		if (note != NULL)
			rc = event(db, id, "note", s.status, s.agency, note);
		if (rc == 0)
			rc = aduan_learn(db, id, agency, s.body, "confirmed");
		goto out;
	}
	if ((rc = due_for(db, &s, agency, s.priority, due)) != 0 ||
	    (rc = event(db, id, "route", to, agency, note)) != 0)
		goto out;
	if ((rc = aduan_db_run(db, "routing a complaint", "UPDATE complaint SET status = ?4, "
	    "agency = ?2, due_at = ?3 WHERE id = ?1", "ittt", id, agency, due, to)) == 0)
		*changed = 1;
	if (rc == 0)
		rc = aduan_learn(db, id, agency, s.body, s.agency == NULL ? "hand" : "correction");
out:
	state_release(&s);
	return rc;
}

void
aduan_auto_release(struct aduan_auto *a)
{
	aduan_hits_release(&a->hits);
	aduan_suggest_release(&a->sug);
	free(a->category);
	free(a->priority);
	memset(a, 0, sizeof(*a));
}

const char *
aduan_decimal(double v, int places, char buf[32])
{
	long scale = places == 2 ? 100 : 10, x = (long)(v * scale + 0.5);

	snprintf(buf, 32, places == 2 ? "%ld.%02ld" : "%ld.%ld", x / scale, x % scale);
	return buf;
}

/* Decide for s: sure rule, learned suggestion, any rule. */
static int
decide(struct aduan_db *db, const struct state *s, const struct aduan_rules *rules,
    struct aduan_auto *a)
{
	const char *min;
	double learned_min;
	int rc;

	aduan_rules_score(rules, s->body, s->category, &a->hits);
	if (aduan_hits_sure(&a->hits)) {
		a->rule = a->hits.v[0].rule;
		a->agency = a->rule->agency;
		return 0;
	}
	if ((rc = aduan_suggest(db, s->id, s->body, &a->sug)) != 0)
		return rc;
	min = aduan_config(db, "route.learned_min");
	learned_min = min ? strtod(min, NULL) : 1;
	if (a->sug.agency != NULL && a->sug.confidence >= learned_min) {
		a->learned = 1;
		a->agency = a->sug.agency;
	} else if (a->hits.n > 0) {
		a->rule = a->hits.v[0].rule;
		a->agency = a->rule->agency;
	}
	return 0;
}

/* The route event of a, the automatic decision on complaint id, with its
 * reason and note. */
static int
auto_event(struct aduan_db *db, int64_t id, const struct aduan_auto *a, const char *to,
    const char *note)
{
	struct aduan_buf why = {0};
	int i, rc;

	if (a->rule != NULL)
		aduan_buf_printf(&why, "rule %d: %s", a->rule->position, a->hits.v[0].match);
	else {
		aduan_buf_adds(&why, "learned from");
		for (i = 0; i < a->sug.nfrom; i++)
			aduan_buf_printf(&why, "%s %lld", i ? "," : "", (long long)a->sug.from[i]);
	}
	if (note != NULL)
		aduan_buf_printf(&why, "; %s", note);
	rc = event(db, id, "route", to, a->agency, why.s);
	aduan_buf_release(&why);
	return rc;
}

int
aduan_route_auto(struct aduan_db *db, int64_t id, const struct aduan_rules *rules,
    const char *note, int dry_run, struct aduan_auto *a)
{
	struct state s;
	const char *priority, *to;
	int rc;

	memset(a, 0, sizeof(*a));
	if ((rc = state_for(db, id, AA_ROUTE_AUTO, &s, &to)) != 0)
		return rc;
	if ((rc = decide(db, &s, rules, a)) != 0 || a->agency == NULL)
		goto out;
	priority = s.priority;
	if (a->rule != NULL) {
		if (a->rule->set_category != NULL && s.category == NULL)
			a->category = aduan_xstrdup(a->rule->set_category);
		if (a->rule->set_priority != NULL &&
		    aduan_word_index(aduan_priorities, a->rule->set_priority) <
		    aduan_word_index(aduan_priorities, s.priority))
			priority = a->priority = aduan_xstrdup(a->rule->set_priority);
	}
	if ((rc = due_for(db, &s, a->agency, priority, a->due)) != 0 || dry_run)
		goto out;
	if ((rc = auto_event(db, id, a, to, note)) == 0)
		rc = aduan_db_run(db, "routing a complaint", "UPDATE complaint SET status = ?6, "
		    "agency = ?2, due_at = ?3, category = coalesce(?4, category), priority = ?5 "
		    "WHERE id = ?1", "ittttt", id, a->agency, a->due, a->category, priority, to);
out:
	state_release(&s);
	return rc;
}

int
aduan_suggest_id(struct aduan_db *db, int64_t id, struct aduan_suggest *sug)
{
	struct state s;
	int rc;

	memset(sug, 0, sizeof(*sug));
	if ((rc = state_get(db, id, &s)) != 0)
		return rc;
	rc = aduan_suggest(db, id, s.body, sug);
	state_release(&s);
	return rc;
}

int
aduan_open_unrouted(struct aduan_db *db, void (*fn)(int64_t id, void *arg), void *arg)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT id FROM complaint WHERE status = ?1 AND agency IS NULL ORDER BY id");
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_text(st, 1, aduan_statuses[AS_OPEN], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), arg);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "finding open complaints");
	return 0;
}

/* "rule 12 "lampu jalan" 2.0" for candidate h. */
static void
explain_hit(const struct aduan_hit *h, struct aduan_buf *out)
{
	char sc[32];

	aduan_buf_printf(out, _("rule %d \"%s\" scores %s"), h->rule->position, h->match,
	    aduan_decimal(h->score, 1, sc));
}

static void
explain_learned(const struct aduan_suggest *sug, struct aduan_buf *out)
{
	char cf[32];
	int i;

	aduan_buf_printf(out, _("like complaints the office routed to %s:"), sug->agency);
	for (i = 0; i < sug->nfrom; i++)
		aduan_buf_printf(out, "%s %lld", i ? "," : "", (long long)sug->from[i]);
	aduan_buf_printf(out, _(" (confidence %s)"), aduan_decimal(sug->confidence, 2, cf));
}

void
aduan_auto_explain(const struct aduan_auto *a, struct aduan_buf *out)
{
	char sc[32];
	int i;

	if (a->learned) {
		aduan_buf_adds(out, a->hits.n == 0 ? _("no rule matches; ") :
		    _("no rule is sure; "));
		explain_learned(&a->sug, out);
	} else if (a->rule != NULL) {
		explain_hit(&a->hits.v[0], out);
		if (a->hits.n > 1 && !aduan_hits_sure(&a->hits))
			aduan_buf_adds(out, _("; close call, check it:"));
		else if (a->hits.n > 1)
			aduan_buf_adds(out, _("; next:"));
		for (i = 1; i < a->hits.n && i < 3; i++)
			aduan_buf_printf(out, "%s %s %s (%s %d)", i > 1 ? "," : "",
			    a->hits.v[i].rule->agency, aduan_decimal(a->hits.v[i].score, 1, sc),
			    _("rule"), a->hits.v[i].rule->position);
	} else
		aduan_buf_adds(out, _("no rule matches and nothing similar was routed before"));
	if (!a->learned && a->sug.agency != NULL) {
		aduan_buf_adds(out, "; ");
		explain_learned(&a->sug, out);
	}
}

/*
 * Complaint id through action, named name in its history, with note: the
 * event and, with sql, the UPDATE that makes the change (?1 the id, ?2 the
 * status it leads to; what names it in a failure).
 */
static int
act(struct aduan_db *db, int64_t id, enum aduan_action action, const char *name,
    const char *note, const char *what, const char *sql)
{
	struct state s;
	const char *to;
	int rc;

	if ((rc = state_for(db, id, action, &s, &to)) != 0)
		return rc;
	if ((rc = event(db, id, name, to, s.agency, note)) == 0 && sql != NULL)
		rc = aduan_db_run(db, what, sql, "it", id, to);
	state_release(&s);
	return rc;
}

int
aduan_note_add(struct aduan_db *db, int64_t id, const char *note)
{
	return act(db, id, AA_NOTE, "note", note, NULL, NULL);
}

/* Would marking id a duplicate of dup make a cycle? */
static int
makes_cycle(struct aduan_db *db, int64_t id, int64_t dup, int64_t *yes)
{
	return aduan_db_value(db, yes, "following duplicates",
	    "WITH RECURSIVE chain(id) AS (SELECT ?1 UNION "
	    "SELECT c.duplicate_of FROM complaint c JOIN chain ON c.id = chain.id "
	    "WHERE c.duplicate_of IS NOT NULL) SELECT 1 FROM chain WHERE id = ?2", "ii", dup, id);
}

/* Close complaint id (state s) for to: the resolution, the complaint it
 * duplicates (0: none; no cycle of duplicates) and the note in its event. */
static int
close_state(struct aduan_db *db, const struct state *s, const char *to,
    const char *resolution, int64_t duplicate_of, const char *note)
{
	struct aduan_buf why = {0};
	int64_t cycle = duplicate_of == s->id;
	int rc;

	if (duplicate_of != 0 && !cycle && (rc = makes_cycle(db, s->id, duplicate_of, &cycle)) != 0)
		return rc;
	if (cycle)
		return aduan_fail(ADUAN_DATAERR, "complaint %lld cannot be a duplicate of %lld: "
		    "%lld already leads back to it", (long long)s->id, (long long)duplicate_of,
		    (long long)duplicate_of);
	if (duplicate_of != 0)
		aduan_buf_printf(&why, "duplicate of %lld", (long long)duplicate_of);
	else
		aduan_buf_adds(&why, resolution);
	if (note != NULL)
		aduan_buf_printf(&why, ": %s", note);
	if ((rc = event(db, s->id, "close", to, s->agency, why.s)) == 0)
		rc = aduan_db_run(db, "closing a complaint", "UPDATE complaint SET status = ?5, "
		    "closed_at = ?2, resolution = ?3, duplicate_of = nullif(?4, 0) WHERE id = ?1",
		    "ittit", s->id, aduan_db_now(db), resolution, duplicate_of, to);
	aduan_buf_release(&why);
	return rc;
}

int
aduan_close(struct aduan_db *db, int64_t id, const char *resolution, int64_t duplicate_of,
    const char *note)
{
	struct state s;
	const char *to;
	int rc;

	if ((rc = state_for(db, id, AA_CLOSE, &s, &to)) != 0)
		return rc;
	rc = close_state(db, &s, to, resolution, duplicate_of, note);
	state_release(&s);
	return rc;
}

int
aduan_reopen(struct aduan_db *db, int64_t id, const char *note)
{
	return act(db, id, AA_REOPEN, "reopen", note, "reopening a complaint",
	    "UPDATE complaint SET status = ?2, closed_at = NULL, resolution = NULL, "
	    "duplicate_of = NULL WHERE id = ?1");
}

/* ---- undo ----------------------------------------------------------------- */

static void
copy(char *dst, size_t n, const unsigned char *src)
{
	snprintf(dst, n, "%s", src ? (const char *)src : "");
}

/* The invocation to undo: the actor's latest that changed complaints, is
 * not undone and is not itself an undo. */
static int
undo_target(struct aduan_db *db, struct aduan_undo_result *r)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT i.id, i.command, i.actor, i.at FROM invocation i "
	    "WHERE i.undone_by IS NULL AND i.id <> ?1 "
	    "AND i.actor = (SELECT actor FROM invocation WHERE id = ?1) "
	    "AND (EXISTS (SELECT 1 FROM event e WHERE e.invocation = i.id "
	    "  AND e.action IN ('create','route','note','close','reopen','edit')) "
	    "  OR EXISTS (SELECT 1 FROM refdata_undo u WHERE u.invocation = i.id)) "
	    "AND NOT EXISTS (SELECT 1 FROM event e WHERE e.invocation = i.id AND e.action = 'undo') "
	    "ORDER BY i.id DESC LIMIT 1");
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, aduan_db_invocation(db));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->invocation = sqlite3_column_int64(st, 0);
		copy(r->command, sizeof(r->command), sqlite3_column_text(st, 1));
		copy(r->actor, sizeof(r->actor), sqlite3_column_text(st, 2));
		copy(r->at, sizeof(r->at), sqlite3_column_text(st, 3));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "nothing to undo");
	if (rc != SQLITE_ROW)
		return aduan_db_fail(db, "finding what to undo");
	return 0;
}

/* One complaint the undone invocation touched. */
struct touched {
	int64_t id;
	int created;	/* it was added by that invocation: delete it */
	char *prior;	/* else its state before the invocation's first event */
};

static void
local(const char *utc, char out[32])
{
	time_t t;

	if (aduan_time_from_utc(utc, &t) == 0)
		aduan_time_local(t, out);
	else
		snprintf(out, 32, "%s", utc);
}

/* Refuse, naming it, when complaint t changed after invocation inv. */
static int
changed_since(struct aduan_db *db, int64_t inv, const struct touched *t)
{
	sqlite3_stmt *st = aduan_db_stmt(db,
	    "SELECT e.action, i.id, i.actor, i.at, i.command FROM event e "
	    "JOIN invocation i ON i.id = e.invocation "
	    "WHERE e.complaint = ?1 AND e.invocation > ?2 AND e.action NOT IN ('export','undo','forward','reply') "
	    "AND i.undone_by IS NULL ORDER BY e.id LIMIT 1");
	int64_t original;
	char at[32];
	int rc;

	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, t->id);
	sqlite3_bind_int64(st, 2, inv);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		local((const char *)sqlite3_column_text(st, 3), at);
		aduan_fail(ADUAN_DATAERR, "complaint %lld has changed since: %s by %s at %s "
		    "(#%lld: %s); undo that first", (long long)t->id, sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 2), at, (long long)sqlite3_column_int64(st, 1),
		    sqlite3_column_text(st, 4));
		sqlite3_reset(st);
		return ADUAN_DATAERR;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return aduan_db_fail(db, "checking later changes");
	if (!t->created)
		return 0;
	/* a complaint that others name as their original stays */
	if ((rc = aduan_db_value(db, &original, "checking duplicates",
	    "SELECT c.id FROM complaint c WHERE c.duplicate_of = ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM event e WHERE e.complaint = c.id "
	    "AND e.invocation = ?2 AND e.action = 'create') LIMIT 1", "ii", t->id, inv)) != 0)
		return rc;
	if (original != 0)
		return aduan_fail(ADUAN_DATAERR, "complaint %lld is named as the original of "
		    "complaint %lld; undo refused", (long long)t->id, (long long)original);
	return 0;
}

static int
restore(struct aduan_db *db, int64_t inv, const struct touched *t)
{
	sqlite3_stmt *st;
	int rc;
	char note[64];
	struct aduan_event_rec e = { .kind = AEV_UNDO, .action = "undo", .note = note,
	    .prior = t->prior };

	if (t->created) {
		/* who was given its personal data stays on record (UU PDP) */
		if ((st = aduan_db_stmt(db, "INSERT INTO export_audit(complaint, at, actor, note, "
		    "invocation) SELECT complaint, at, actor, note, invocation FROM event "
		    "WHERE complaint = ?1 AND action = 'export' ORDER BY id")) == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_int64(st, 1, t->id);
		if ((rc = aduan_db_step(db, st, "keeping the record of exports")) != 0)
			return rc;
		if ((st = aduan_db_stmt(db, "DELETE FROM complaint WHERE id = ?")) == NULL)
			return ADUAN_IOERR;
		sqlite3_bind_int64(st, 1, t->id);
		return aduan_db_step(db, st, "removing an added complaint");
	}
	snprintf(note, sizeof(note), "undo of #%lld", (long long)inv);
	/* the event first, while the row still shows the state being left */
	if ((rc = aduan_event_write(db, t->id, &e)) != 0)
		return rc;
	/* the lifecycle fields every prior has, and what an edit's prior adds */
	if ((st = aduan_db_stmt(db, aduan_prior_restore_sql())) == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, t->id);
	sqlite3_bind_text(st, 2, t->prior, -1, SQLITE_STATIC);
	return aduan_db_step(db, st, "restoring a complaint");
}

/*
 * The message archive after undoing invocation inv: a person's decisions
 * made there go back to what they replaced, and messages first archived
 * there (by an import) are forgotten, so that importing again brings
 * them back.
 */
static int
undo_messages(struct aduan_db *db, int64_t inv)
{
	static const char *const sql[] = {
		"UPDATE message SET decision = json_extract(prior, '$.decision'), "
		"complaint = CASE WHEN json_extract(prior, '$.decision') = 'filtered' THEN NULL "
		"ELSE complaint END, decided_by = json_extract(prior, '$.decided_by'), "
		"decided_in = json_extract(prior, '$.decided_in'), "
		"prior = json_extract(prior, '$.prior') WHERE decided_in = ?1",
		"DELETE FROM message WHERE invocation = ?1 AND decided_in IS NULL",
	};
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]) && rc == 0; i++) {
		if ((st = aduan_db_stmt(db, sql[i])) == NULL)
			return aduan_db_fail(db, "undoing the archive's messages");
		sqlite3_bind_int64(st, 1, inv);
		rc = aduan_db_step(db, st, "undoing the archive's messages");
	}
	return rc;
}

/* The complaints invocation inv touched, each once: created there, or
 * with the prior of its first event there (*v: caller frees). */
static int
touched_get(struct aduan_db *db, int64_t inv, struct touched **vp, int *np)
{
	struct touched *v = NULL;
	sqlite3_stmt *st;
	int n = 0, rc;
	size_t cap = 0;

	st = aduan_db_stmt(db,
	    "SELECT e.complaint, max(e.action = 'create'), "
	    "(SELECT f.prior FROM event f WHERE f.complaint = e.complaint "
	    " AND f.invocation = ?1 ORDER BY f.id LIMIT 1) "
	    "FROM event e WHERE e.invocation = ?1 GROUP BY e.complaint ORDER BY e.complaint DESC");
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, inv);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = aduan_grow(v, &cap, (size_t)n + 1, sizeof(*v));
		v[n].id = sqlite3_column_int64(st, 0);
		v[n].created = sqlite3_column_int(st, 1);
		v[n].prior = col(st, 2);
		n++;
	}
	*vp = v;
	*np = n;
	rc = rc == SQLITE_DONE ? 0 : aduan_db_fail(db, "reading history");
	sqlite3_reset(st);
	return rc;
}

int
aduan_undo(struct aduan_db *db, struct aduan_undo_result *r,
    void (*fn)(int64_t, int, void *), void *arg)
{
	struct touched *v = NULL;
	int n = 0, i, rc;

	memset(r, 0, sizeof(*r));
	if ((rc = undo_target(db, r)) != 0 || (rc = touched_get(db, r->invocation, &v, &n)) != 0)
		goto out;
	for (i = 0; i < n && rc == 0; i++) {
		if (!v[i].created && v[i].prior == NULL)
			rc = aduan_fail(ADUAN_DATAERR, "#%lld changed complaint %lld in a way "
			    "undo cannot revert", (long long)r->invocation, (long long)v[i].id);
		else
			rc = changed_since(db, r->invocation, &v[i]);
	}
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = restore(db, r->invocation, &v[i])) != 0)
			break;
		if (v[i].created)
			r->deleted++;
		else
			r->restored++;
		if (fn != NULL)
			fn(v[i].id, v[i].created, arg);
	}
	if (rc == 0)
		rc = undo_messages(db, r->invocation);
	if (rc == 0)
		rc = aduan_preset_undo(db, r->invocation, &r->refdata);
	if (rc == 0)
		rc = aduan_db_run(db, "recording the undo", "UPDATE invocation SET undone_by = ?2 "
		    "WHERE id = ?1", "ii", r->invocation, aduan_db_invocation(db));
out:
	for (i = 0; i < n; i++)
		free(v[i].prior);
	free(v);
	return rc;
}

int
aduan_undo_list(struct aduan_db *db, aduan_row_fn *fn, void *arg)
{
	return aduan_rows(db, "SELECT i.id AS invocation, "
	    "strftime('%Y-%m-%d %H:%M', i.at, 'localtime') AS at, i.actor, "
	    "coalesce((SELECT group_concat(a.action || ' ' || a.n, ', ') FROM "
	    "  (SELECT action, count(*) AS n FROM event WHERE invocation = i.id "
	    "   GROUP BY action ORDER BY min(id)) a), "
	    "  (SELECT summary FROM refdata_undo WHERE invocation = i.id), '') AS changes, "
	    "coalesce('#' || i.undone_by, '') AS undone_by, i.command "
	    "FROM invocation i ORDER BY i.id DESC LIMIT 20", fn, arg);
}
