/*
 * whatsapp.h - a streaming reader for WhatsApp "Export chat" .txt files.
 *
 * A pure parser: bytes in, messages out; no database, no printing, no
 * exit.  Memory stays constant in the size of the file (the longest
 * message excepted).
 *
 * Ownership:
 *  - aduan_wa_open() borrows fp (the caller closes it after
 *    aduan_wa_close()) and copies name.  When fp cannot seek (a pipe)
 *    the input is spooled to a tmpfile() owned by the reader.
 *  - Every pointer in a struct aduan_wa_msg filled by aduan_wa_next()
 *    (author, body, text, attachment) is borrowed: it lives until the
 *    next aduan_wa_next() or aduan_wa_close() on the same reader.
 *  - aduan_wa_order_reason() is borrowed until aduan_wa_close().
 *  - aduan_wa_group_from_filename() returns a malloc'd string the
 *    caller frees.
 *
 * What is read: one message per header line of any of these shapes
 * (after BOM, U+200E and U+200F marks at the start of the line):
 *
 *	28/11/24 14.05 - Name: text		Android (also 4-digit years,
 *	11/28/24, 2:05 PM - Name: text		 dot, slash and dash dates,
 *	2021/11/18, 11:35 - Name: text		 ", " or " " after the date)
 *	[28/11/24 14.05.33] Name: text		iOS (seconds optional)
 *	[11/28/24, 2:05:33 PM] Name: text
 *	12.07.2017, 22:35:22: Name: text	old iOS (colon separator)
 *	13. 6. 2018. 21:25:15 Name: text	no separator (needs seconds)
 *
 * 12-hour marks: AM/PM, am/pm, a.m./p.m., a. m./p. m., after a plain
 * space, U+00A0, U+202F or nothing.  "klo" and "à" between date and
 * time are skipped.  A two-digit year is 20yy.  The old-iOS colon
 * form and the no-separator form count only in files where they are
 * the most common header shape, so that a pasted "28/11/24 14.05:
 * rapat" inside an Android message stays text.  A line that does not
 * parse as a whole header (or whose date is impossible under the
 * file's date order) continues the message before it; lines before the
 * first header are ignored.
 *
 * Not read (their lines are taken as continuation text, and a file with
 * nothing else fails with "no WhatsApp messages found"): non-Gregorian
 * calendars (Buddhist "2565 BE", Japanese "R4"), Arabic-Indic digits,
 * time-first iOS ("[14:56:01, 3/18/22]"), AM/PM words written before
 * the time (CJK, Korean) and localized ones (Arabic).
 */
#ifndef ADUAN_WHATSAPP_H
#define ADUAN_WHATSAPP_H

#include <stddef.h>
#include <stdio.h>

enum aduan_wa_kind { AWA_TEXT, AWA_MEDIA, AWA_DELETED, AWA_LOCATION, AWA_SYSTEM };

/*
 * The order of day and month in the dates.  AWA_YMD: the year comes
 * first, then month, then day.  A four-digit component is always the
 * year wherever it stands; the order then says which of the two others
 * is the day (DMY: the first of them; MDY and YMD: the second).
 */
enum aduan_wa_order { AWA_AUTO, AWA_DMY, AWA_MDY, AWA_YMD };

struct aduan_wa_msg {
	long line;		/* first line of the message in the file */
	int year, month, day, hour, min, sec, has_sec;
	char at[20];		/* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" */
	/*
	 * Display name with U+200E/F, U+202A..U+202E, U+2066..U+2069 and
	 * BOM removed anywhere, then a leading "~" and the space after it
	 * removed; NULL for an unattributed (system) line.
	 */
	const char *author;
	size_t author_len;	/* its bytes (0 when NULL) */
	/*
	 * The message text, NUL-terminated (it may hold NUL bytes itself:
	 * use body_len).  Continuation lines are joined with "\n", the CR of
	 * CRLF is removed, and so are U+200E/U+200F marks at its very start
	 * and an edit mark at its end; otherwise byte for byte, placeholder
	 * lines ("IMG-...jpg (file terlampir)", "<Media omitted>") included.
	 */
	const char *body;
	size_t body_len;
	/*
	 * The sender's own words: for media, deleted and location messages
	 * the body without its first (placeholder) line, i.e. the caption,
	 * "" when there is none; otherwise the same as body.
	 */
	const char *text;
	size_t text_len;
	enum aduan_wa_kind kind;
	const char *attachment;	/* attached file name, or NULL */
	/*
	 * Whether the attached file came with the chat: 1 when the chat was
	 * read from a zip archive holding a file of that name, 0 when the
	 * archive does not hold it, -1 when there is no archive to look in
	 * (a .txt) or no attachment.
	 */
	int attached;
	int has_location;	/* lat/lon from a maps link in the body */
	double lat, lon;
	int edited;		/* "<Pesan ini diedit>" / "<This message was edited>" */
	/*
	 * A system line no entry of the catalogue of WhatsApp's own lines
	 * knows: an iPhone line whose text began with U+200E, or a line
	 * attributed to the chat's own name (see aduan_wa_set_group).
	 */
	int unknown;
};

struct aduan_wa;

/*
 * Open a reader on fp.  Reads the whole input once to decide the date
 * order (unless order is not AWA_AUTO) and the header shape, then goes
 * back to where fp stood.  name is used in messages.  Returns 0, or
 * ADUAN_IOERR (read or spool failure) or ADUAN_DATAERR ("NAME: no
 * WhatsApp messages found") with aduan_fail(); *wp is NULL then.
 */
int aduan_wa_open(struct aduan_wa **wp, FILE *fp, const char *name,
    enum aduan_wa_order order);
/*
 * The first pass over a file of 4 MB or more reads its two halves at
 * once, on two threads, and joins what they found (the same as one pass
 * over the whole).  For tests: aduan_wa_split_at(N) splits every file
 * at the first line that starts at or after byte N (N > 0), 0 never
 * splits, -1 restores the rule.
 */
void aduan_wa_split_at(long long at);
/*
 * For tests: 1 copies a message's text with memcpy and searches all of
 * it for a link, as a build without SSE2 does; 0 restores the quick way
 * (copied 16 bytes at a time, searched only when it holds "ht").
 */
void aduan_wa_plain_text(int on);
/* The order in force: AWA_DMY, AWA_MDY or AWA_YMD. */
enum aduan_wa_order aduan_wa_date_order(struct aduan_wa *w);
/*
 * Why: "day first: 28/11/24 on line 3", "month first: dates advance in
 * the second field (4 times against 0)", "year first: 2021/11/18 on
 * line 1", "day first: default", "set by option".
 */
const char *aduan_wa_order_reason(struct aduan_wa *w);
/*
 * The chat's own name (--group, or the file name's): in a chat with more
 * than two names before ": " (a group, not a chat between two people),
 * a line attributed to it is a system line.  group is copied; NULL
 * forgets it.
 */
void aduan_wa_set_group(struct aduan_wa *w, const char *group);
/* Next message into *m: 1, 0 at the end, ADUAN_IOERR on a read error. */
int aduan_wa_next(struct aduan_wa *w, struct aduan_wa_msg *m);
/* Lines before the first message (ignored), known after the first next(). */
long aduan_wa_skipped(struct aduan_wa *w);
void aduan_wa_close(struct aduan_wa *w);

/*
 * The chat name a file name carries: "WhatsApp Chat with X.txt",
 * "WhatsApp Chat - X.txt" (also .zip), "Chat WhatsApp dengan X.txt" ->
 * "X" (malloc'd); NULL otherwise (e.g. "_chat.txt").
 */
char *aduan_wa_group_from_filename(const char *path);

/* Coordinates from the first maps link in s[0..n) that has them (Google,
 * Apple, OpenStreetMap, Foursquare): 0, or -1 when there is none. */
int aduan_maps_coords(const char *s, size_t n, double *lat, double *lon);

#endif
