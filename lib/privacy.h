/*
 * privacy.h - the data subject's rights (UU PDP No. 27/2022): access to
 * everything held about a reporter, and anonymising old closed
 * complaints.  Both write history: call inside the invocation's
 * transaction.
 */
#ifndef ADUAN_PRIVACY_H
#define ADUAN_PRIVACY_H

#include "aduan.h"
#include "db.h"

/*
 * Write every complaint whose reporter_phone is phone (E.164) as one JSON
 * object per line with its whole history, and record an export event on
 * each; *n complaints written.
 */
int aduan_subject_write(struct aduan_db *db, const char *phone, FILE *out, long *n);

/*
 * Anonymise the closed complaints closed more than years ago: reporter
 * name and phone, text, location, attachments, source and history notes
 * are removed, and so are the command lines that recorded them and the
 * reporter's name and phone wherever another note or command holds them;
 * kelurahan, RT, category, agency, channel, priority, times and statuses
 * stay for the statistics.  Runs with secure_delete and rebuilds the
 * search index; aduan_db_vacuum() after the commit frees the file of the
 * old pages.  A source_key becomes a hash of
 * itself, so that re-importing the same export does not bring the
 * complaint back.  A 'purge' event records each; fn(id) for each (also
 * on a dry run, which changes nothing).
 */
int aduan_purge(struct aduan_db *db, int years, time_t now, int dry_run,
    void (*fn)(int64_t id, void *arg), void *arg);

/*
 * A complaint's fields (v[field], borrowed) as a file meant for others
 * shows them, each as the field table's privacy says: pointers changed
 * in place, a masked phone into phone, a masked name into *name (caller
 * frees; NULL when none).
 */
void aduan_private_view(const char **v, char phone[17], char **name);
/* A name for a file without personal data: initials ("Sitti Hasnah"
 * -> "S.H."); "***" when the name has no letters.  Caller frees. */
char *aduan_name_mask(const char *name);

/* The stored form of a purged complaint's source_key (caller frees). */
char *aduan_source_key_purged(const char *key);

#endif
