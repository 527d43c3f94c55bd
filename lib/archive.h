/*
 * archive.h - every message of every WhatsApp import, with its decision
 * and reason (the table is written by intake.c; this reads it).
 */
#ifndef ADUAN_ARCHIVE_H
#define ADUAN_ARCHIVE_H

#include "aduan.h"
#include "db.h"

/* One archived message, borrowed for the callback. */
struct aduan_message {
	int64_t id, complaint;	/* complaint 0: none */
	const char *source_key, *source, *received_at, *author, *body, *kind;
	const char *decision, *reason;
	const char *attachment;	/* the file it names that came with it, or NULL */
};

struct aduan_message_filter {
	int left;		/* only messages no complaint took */
	int taken;		/* only messages that became or joined a complaint */
	const char *group;	/* the source group, any case and spacing */
	const char *since, *until;	/* UTC stamps [since, until), or NULL */
	const char *search;	/* text in the body, any case */
};

/* fn gets each message in order of receipt; returns how many matched
 * through *n.  0 or a code. */
int aduan_messages_list(struct aduan_db *db, const struct aduan_message_filter *f,
    int (*fn)(const struct aduan_message *m, void *arg), void *arg, long *n);

struct aduan_places;

/*
 * Take the archived message ref (its archive id, or its source key) as a
 * complaint: place from its text, then its group; reporter from its
 * author.  The message is marked "taken" by the current invocation's
 * actor.  *id is the new complaint.  ADUAN_NOMATCH for no such message
 * or one already a complaint (the message says which).
 */
int aduan_message_take(struct aduan_db *db, const struct aduan_places *p, const char *ref,
    int64_t *id);

/*
 * Complaint id is not a complaint: closed as rejected with note (or "not
 * a complaint"), its messages marked "not-complaint".  It leaves the
 * lists and the summary's figures (which count it apart) unless named by
 * id.  ADUAN_NOMATCH when there is no such complaint, it is closed, or
 * it came from no WhatsApp message.
 */
int aduan_message_leave(struct aduan_db *db, int64_t id, const char *note);

/*
 * The archived messages whose author is the phone number phone (E.164),
 * one JSON object per line to out (for an access request); *n written.
 */
int aduan_messages_subject(struct aduan_db *db, const char *phone, FILE *out, long *n);

/*
 * Anonymise the archived messages received before cutoff (a UTC stamp)
 * that belong to no complaint or to one closed before cutoff: author and
 * text removed, the source key hashed as a purged complaint's is (so that
 * importing the export again does not bring them back).  *n counted;
 * nothing changes on a dry run.
 */
int aduan_messages_purge(struct aduan_db *db, const char *cutoff, int dry_run, long *n);

#endif
