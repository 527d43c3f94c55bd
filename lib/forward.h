/*
 * forward.h - the complaint going out: message templates and what fills
 * them (template.c); forwarding texts, wa.me links, mail and covering
 * letters for agencies, and replies to citizens (forward.c).
 *
 * Privacy is decided here, in C, before any template is filled: a
 * template names placeholders, never the rules.  See aduan_audience.
 */
#ifndef ADUAN_FORWARD_H
#define ADUAN_FORWARD_H

#include "aduan.h"

/* ---- templates (template.c) ------------------------------------------- */

struct aduan_template_def {
	const char *name, *help;
};
/* Every template, NULL-terminated. */
extern const struct aduan_template_def aduan_templates[];
const struct aduan_template_def *aduan_template_def(const char *name);

struct aduan_placeholder_def {
	const char *name, *help;
};
extern const struct aduan_placeholder_def aduan_placeholders[];	/* NULL-terminated */

/* The languages templates come in, the first the default. */
extern const char *const aduan_template_langs[];

/*
 * The text of template name in lang (NULL: the template.lang setting):
 * the office's own when one was set, else the one shipped in
 * DATADIR/templates/NAME.LANG.txt.  *origin (may be NULL) becomes
 * "office" or "preset".  Caller frees *text.
 */
int aduan_template_get(struct aduan_db *db, const char *name, const char *lang,
    char **text, const char **origin);
/* Store the office's own text of template name (NULL: back to the
 * shipped one).  ADUAN_USAGE for an unknown template, language or
 * placeholder, or text that is not UTF-8. */
int aduan_template_set(struct aduan_db *db, const char *name, const char *lang,
    const char *text);
/* 0 when every {placeholder} in text is known; ADUAN_USAGE naming the
 * first that is not. */
int aduan_template_check(const char *text);
/* The language in force for lang (NULL: the setting); ADUAN_USAGE
 * when it is not one of aduan_template_langs. */
int aduan_template_lang(struct aduan_db *db, const char *lang, const char **out);

/*
 * Who reads a rendered text, which decides what of the reporter it may
 * show.  Whatever the template says:
 *
 *   - an anonymous or confidential complaint never shows the reporter's
 *     name or phone: those placeholders are empty;
 *   - AUD_AGENCY shows them masked ("S.H.", "+**********890"), or as
 *     stored when personal is set (the caller records that);
 *   - AUD_REPORTER (the answer sent to the reporter) shows them masked;
 *   - AUD_PUBLIC (a WhatsApp group, the public status) shows neither,
 *     and for a confidential complaint no text, place or attachments.
 */
enum aduan_audience { AUD_AGENCY, AUD_REPORTER, AUD_PUBLIC };

struct aduan_render {
	enum aduan_audience audience;
	int personal;		/* AUD_AGENCY only */
	const char *lang;	/* NULL: the setting */
	const char *reply;	/* {reply}, for reply-group */
};

/*
 * Render template name for complaint id into out (appended).  A line
 * that names placeholders which are all empty is left out, so that
 * "Lokasi: {location}" disappears when there is no location; "{{" is a
 * literal "{".  ADUAN_NOMATCH when there is no such complaint.
 */
int aduan_render(struct aduan_db *db, const char *name, int64_t id,
    const struct aduan_render *how, struct aduan_buf *out);
/* The same over a template's text rather than its name. */
int aduan_render_text(struct aduan_db *db, const char *text, int64_t id,
    const struct aduan_render *how, struct aduan_buf *out);

/* A date as people write it in lang: "2 Desember 2024"; with time,
 * "28 November 2024, 14.05 WITA" ("14:05" in English). */
void aduan_date_words(struct aduan_buf *b, time_t t, const char *lang, int with_time);

/* ---- forwarding and answering (forward.c) ---------------------------- */

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

/*
 * A printable A4 covering letter as one self-contained HTML page: the
 * letterhead from the office.* settings, the number, the date in the
 * template language, the agency addressed, the letter template.  One
 * page per complaint; with list set, one page per agency listing its
 * complaints.  Each complaint gets a 'forward' event.
 */
int aduan_letter_write(struct aduan_db *db, const int64_t *ids, size_t n, int list,
    int personal, const char *lang, FILE *out);

#endif
