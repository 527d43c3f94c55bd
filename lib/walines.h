/*
 * walines.h - the catalogue of the lines WhatsApp itself writes into a
 * chat export (system lines, calls, media and document placeholders,
 * deleted messages, locations, polls, edit marks), in every language
 * the catalogue knows, as one table of data (walines.c).  Where each
 * language's strings come from: doc/whatsapp-lines.md.
 *
 * A pure look-up: no state but the table, no allocation.  Matching folds
 * ASCII letters only; the table holds the accented forms as WhatsApp
 * writes them.
 */
#ifndef ADUAN_WALINES_H
#define ADUAN_WALINES_H

#include <stddef.h>

/* What a line is. */
enum wl_class {
	WLC_SYSTEM,	/* a group event: created, joined, subject, admin, ... */
	WLC_NOTICE,	/* a system notice whoever it is attributed to (encryption) */
	WLC_CALL,	/* a voice or video call, missed or with its duration */
	WLC_MEDIA,	/* a media placeholder: image, video, sticker, contact, ... */
	WLC_DELETED,	/* a deleted message, the sender's own or another's */
	WLC_LOCATION,	/* "location: " before a maps link */
	WLC_LIVE,	/* a live location */
	WLC_POLL,	/* a poll: the text of its author */
	WLC_EDITED,	/* the mark after an edited message */
	WLC_ATTACHED,	/* "NAME (file attached)" */
	WLC_TAG,	/* "<attached: NAME>" */
	WLC_QUOTING	/* in the would-be author of a line quoting a subject */
};

/* How an entry's text is compared with a line. */
enum wl_how {
	WL_EXACT,	/* the whole line (one "." at its end is optional) */
	WL_PREFIX,	/* the line begins with it */
	WL_SUFFIX,	/* the line ends with it */
	WL_PHRASE,	/* somewhere in the line (only where a system line is likely) */
	WL_NHOW
};

struct wl_entry {
	const char *lang;	/* "id", "en", "ms", "de", "es", "pt", "fr", "nl", "it", "tr" */
	enum wl_class cls;
	enum wl_how how;
	const char *text;
};

/* The whole table, and its length. */
const struct wl_entry *wl_table(size_t *n);

/*
 * The first entry of one of the classes in mask (bits 1 << WLC_...)
 * that s (n bytes) matches the way the entry says, among the entries
 * compared with how; NULL when none.
 */
const struct wl_entry *wl_match(const char *s, size_t n, enum wl_how how, unsigned mask);

#define WL_BIT(c) (1u << (c))

/*
 * For each way of comparing (may[WL_EXACT] ... may[WL_PHRASE]), the
 * classes (bits 1 << WLC_...) that s (n bytes) may match: wl_match()
 * finds no entry of any other class.  One quick look for the several
 * questions asked of one line, most of which (typed text) match
 * nothing; WL_PHRASE is not filtered (all bits set).
 */
void wl_may(const char *s, size_t n, unsigned may[WL_NHOW]);

#endif
