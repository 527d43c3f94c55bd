/*
 * forward.h - the complaint going out: forwarding texts, wa.me links and
 * mail for agencies, and replies to citizens (forward.c).  What a text
 * shows of the reporter is decided in template.h.
 */
#ifndef ADUAN_FORWARD_H
#define ADUAN_FORWARD_H

#include "aduan.h"
#include "db.h"
#include "util.h"

/*
 * The complaint as it stands, for forwarding: its agency's code (owned,
 * NULL when it has none) and status.  ADUAN_NOMATCH with a message when
 * there is no such complaint, it is closed, or it has no agency yet.
 */
int aduan_forward_check(struct aduan_db *db, int64_t id, char **agency);

/* Record a 'forward' event: how ("message", "link", "mail", "letter"),
 * to whom, and whether the reporter's identity went with it. */
int aduan_forward_record(struct aduan_db *db, int64_t id, const char *agency,
    const char *how, const char *to, int personal);
/* Record a 'reply' event: what was made and for whom. */
int aduan_reply_record(struct aduan_db *db, int64_t id, const char *what);

/* https://wa.me/NUMBER?text=TEXT: number in E.164 (NULL: none, WhatsApp
 * asks whom to send it to), text percent-encoded as UTF-8. */
void aduan_walink(struct aduan_buf *b, const char *e164, const char *text);

/* The reporter's phone (owned) when a reply may go to it: known and
 * the complaint not anonymous; NULL otherwise. */
int aduan_reply_phone(struct aduan_db *db, int64_t id, char **phone);
/* The WhatsApp group the complaint came from (owned), or NULL. */
int aduan_reply_group(struct aduan_db *db, int64_t id, char **group);
/* The reply template for the complaint's state ("reply-routed", ...). */
int aduan_reply_template(struct aduan_db *db, int64_t id, const char **name);

/*
 * An RFC 5322 message: headers with non-ASCII words encoded (RFC 2047),
 * the UTF-8 body in quoted-printable.  Names may be NULL.  id names the
 * complaint in the Message-ID and an X-Aduan-Complaint header.
 */
struct aduan_mail {
	const char *from_name, *from, *to_name, *to, *subject, *body;
	int64_t id;
	time_t date;
};
void aduan_mail_format(struct aduan_buf *b, const struct aduan_mail *m);
/* Hand a message to the mail command ($ADUAN_SENDMAIL, else the
 * mail.command setting) through /bin/sh; ADUAN_IOERR when it fails. */
int aduan_mail_send(struct aduan_db *db, const char *message);

#endif
