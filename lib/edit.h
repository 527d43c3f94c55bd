/*
 * edit.h - correcting what a person entered about a complaint
 * (aduan-edit), with history and undo.
 *
 * The fields that may be corrected are those whose entry in the field
 * table (aduan_fields[], complaint.c) names an option of aduan-edit; the
 * same entry says whether one may be left empty or moves the due date.
 * Values are checked and normalised exactly as intake does
 * (aduan_complaint_check); each change is one 'edit' event whose prior
 * keeps the complaint as it was, so that 'aduan undo' can put it back.
 *
 * The usual rules of aduan.h hold: nothing here prints or exits.
 */
#ifndef ADUAN_EDIT_H
#define ADUAN_EDIT_H

#include "aduan.h"
#include "complaint.h"
#include "db.h"

/* The corrections asked for: new values by column. */
struct aduan_edit {
	char *v[ADUAN_NFIELDS];		/* owned; NULL clears the field */
	unsigned char set[ADUAN_NFIELDS];
};
void aduan_edit_init(struct aduan_edit *e);
void aduan_edit_release(struct aduan_edit *e);
/* Ask for column field to become value ("" clears it). */
void aduan_edit_set(struct aduan_edit *e, int field, const char *value);
/*
 * Check and normalise the values as intake does (kelurahan through its
 * aliases, phone to E.164, words through their synonyms, times to UTC).
 * ADUAN_USAGE with the reason when one is bad.
 */
int aduan_edit_check(struct aduan_db *db, struct aduan_edit *e, time_t now);

struct aduan_edit_change {
	int field;
	char *old, *new_;	/* stored values (owned); NULL when empty */
};
struct aduan_edit_result {
	struct aduan_edit_change v[ADUAN_NFIELDS];
	int n;
	int closed;		/* the complaint was closed (edited all the same) */
};
void aduan_edit_result_release(struct aduan_edit_result *r);

/*
 * Apply checked corrections to complaint id, or with dry_run only tell
 * them: r lists each field that changes (a due date that follows a new
 * priority or received time among them).  Each change is one 'edit'
 * event carrying the note.  ADUAN_NOMATCH when there is no such
 * complaint.  Runs inside the invocation's transaction.
 */
int aduan_edit_apply(struct aduan_db *db, int64_t id, const struct aduan_edit *e,
    const char *note, int dry_run, struct aduan_edit_result *r);

#endif
