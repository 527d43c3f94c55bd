/*
 * history.h - a complaint's history (the event table) read back, and
 * told in the reader's language.
 */
#ifndef ADUAN_HISTORY_H
#define ADUAN_HISTORY_H

#include "aduan.h"
#include "db.h"
#include "util.h"

/* One event; every string borrowed for the callback, NULL when absent. */
struct aduan_event {
	const char *at;			/* UTC stamp */
	const char *actor, *action;	/* create, route, note, close, reopen, edit, ... */
	const char *old_status, *new_status, *old_agency, *new_agency, *note;
	const char *field;		/* edit: the column changed */
	const char *old_value, *new_value;	/* edit: its values */
};

/* Each event of complaint id, oldest first.  fn returns 0 to go on. */
int aduan_history_each(struct aduan_db *db, int64_t id,
    int (*fn)(const struct aduan_event *e, void *arg), void *arg);
/*
 * The event as one line for people: local time, the action, the actor,
 * then what changed ("terbuka -> diteruskan", "ke PUPR",
 * "kelurahan: Lok Tuan -> Guntung") and the note in quotes, with the
 * data's words in the reader's language.  visible: control characters
 * made visible (for a terminal).
 */
void aduan_event_line(struct aduan_buf *b, const struct aduan_event *e, int visible);

#endif
