/*
 * template.h - message templates and what fills them (template.c).
 *
 * Privacy is decided here, in C, before any template is filled: a
 * template names placeholders, never the rules.  See aduan_audience.
 */
#ifndef ADUAN_TEMPLATE_H
#define ADUAN_TEMPLATE_H

#include "aduan.h"
#include "db.h"
#include "util.h"

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

#endif
