/*
 * t-query.c - the record query that aduan-list, aduan-export and the
 * export writers share: every complaint that passes a filter, in id
 * order, each field in its place; a walk that the callback stops; the
 * named ids that do not exist; the statement's text for --sql.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "query.h"
#include "tap.h"

struct seen {
	int n, stop_at;
	char ids[64];
};

static int
see(const char *const *v, void *arg)
{
	struct seen *s = arg;

	s->n++;
	snprintf(s->ids + strlen(s->ids), sizeof(s->ids) - strlen(s->ids), "%s%s",
	    s->n > 1 ? "," : "", v[AF_ID]);
	return s->n == s->stop_at ? -1 : 0;
}

static void
missing(const char *id, void *arg)
{
	char *list = arg;

	snprintf(list + strlen(list), 64 - strlen(list), "%s%s", *list ? "," : "", id);
}

/* Add a complaint with this text and place (NULL: none). */
static int
add(struct aduan_db *db, const char *body, const char *rt)
{
	struct aduan_complaint c;
	int64_t id = 0;
	int rc;

	aduan_complaint_init(&c);
	aduan_complaint_sets(&c, AF_BODY, body);
	aduan_complaint_sets(&c, AF_CHANNEL, "walk-in");
	if (rt != NULL)
		aduan_complaint_sets(&c, AF_RT, rt);
	if ((rc = aduan_complaint_check(db, &c, time(NULL))) == 0)
		rc = aduan_complaint_insert(db, &c, &id);
	aduan_complaint_release(&c);
	return rc != 0 ? -1 : (int)id;
}

int
main(void)
{
	struct aduan_db *db = NULL;
	struct aduan_filter f;
	struct seen s;
	char dir[] = "/tmp/t-query.XXXXXX", path[64], absent[64] = "", *sql = NULL;

	tap_scratch(dir, path, sizeof(path));
	ok(aduan_db_open(&db, path, ADUAN_CREATE) == 0, "a database: %s", aduan_errmsg());
	if (db == NULL)
		return tap_done();
	ok(aduan_db_begin(db, "t-query", "t-query") == 0, "a transaction");
	is_int(add(db, "jalan berlubang", "005"), 1, "complaint 1");
	is_int(add(db, "lampu mati", NULL), 2, "complaint 2");
	is_int(add(db, "sampah menumpuk", "005"), 3, "complaint 3");
	ok(aduan_db_commit(db) == 0, "committed");

	/* every complaint, in id order */
	aduan_filter_init(&f);
	memset(&s, 0, sizeof(s));
	is_int(aduan_filter_each(db, &f, see, &s), 0, "a walk over all");
	is_str(s.ids, "1,2,3", "every complaint, by id");
	aduan_filter_release(&f);

	/* a filter, and a walk stopped by its callback */
	aduan_filter_init(&f);
	f.rt = strdup("005");
	memset(&s, 0, sizeof(s));
	s.stop_at = 1;
	is_int(aduan_filter_each(db, &f, see, &s), -1, "the callback's stop is returned");
	is_str(s.ids, "1", "the walk ends where the callback stops it");
	memset(&s, 0, sizeof(s));
	is_int(aduan_filter_each(db, &f, see, &s), 0, "--rt 005");
	is_str(s.ids, "1,3", "only the complaints of RT 005");
	is_int(aduan_filter_sql(db, &f, &sql), 0, "the statement's text");
	ok(sql != NULL && strstr(sql, "c.rt = '005'") != NULL &&
	    strstr(sql, "ORDER BY c.id") != NULL, "with its value in place: %s",
	    sql ? sql : "(none)");
	free(sql);
	aduan_filter_release(&f);

	/* named ids, some of which do not exist */
	aduan_filter_init(&f);
	f.ids_given = 1;
	aduan_filter_add_id(&f, 3);
	aduan_filter_add_id(&f, 7);
	aduan_filter_add_id(&f, 2);
	aduan_filter_add_id(&f, 9);
	memset(&s, 0, sizeof(s));
	is_int(aduan_filter_each(db, &f, see, &s), 0, "a walk over named ids");
	is_str(s.ids, "2,3", "the named ids that exist, by id");
	is_int(aduan_filter_missing(db, &f, missing, absent), 0, "the missing ones looked up");
	is_str(absent, "7,9", "the named ids that do not exist");
	aduan_filter_release(&f);

	/* ids named, none valid: nothing */
	aduan_filter_init(&f);
	f.ids_given = 1;
	memset(&s, 0, sizeof(s));
	is_int(aduan_filter_each(db, &f, see, &s), 0, "no valid id named");
	is_int(s.n, 0, "matches nothing, not everything");
	aduan_filter_release(&f);

	aduan_db_close(db);
	tap_scratch_remove(dir);
	return tap_done();
}
