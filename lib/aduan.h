/*
 * aduan.h - the aduan core library: what every part of it shares.
 *
 * Each module of lib/ has its own header with its contract (db.h,
 * complaint.h, reader.h, ...; lib/README.md lists them in their layers);
 * this one holds the rules and the return codes all of them use.
 *
 * Rules that hold for every function of the library:
 *
 *  - The library never prints and never exits.  Functions return an
 *    enum aduan_rc (0 on success; otherwise the exit status a program
 *    should use) and leave a message for aduan_errmsg().
 *  - Strings returned through a const char * are borrowed: they live
 *    until the next call on the same object.  Records filled by a
 *    function (struct aduan_complaint) own their strings and are freed
 *    with their _release function.  Records handed to a callback are
 *    borrowed for the duration of the call.
 *  - Times are stored as UTC text "YYYY-MM-DDTHH:MM:SSZ" and shown and
 *    parsed in the local time zone (TZ).
 */
#ifndef ADUAN_H
#define ADUAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <libintl.h>

#define ADUAN_VERSION "0.1.0"

/*
 * Messages are English in the source and translated through gettext
 * (text domain "aduan"); the library translates with dgettext so that
 * it does not depend on the program's textdomain().  aduan_fail() and
 * the programs' message functions translate their format themselves.
 */
#define ADUAN_TEXTDOMAIN "aduan"
#define _(s) dgettext(ADUAN_TEXTDOMAIN, s)
#define N_(s) (s)
/* Marks a word of the data (a status, channel, ...) for the catalog under
 * a context; aduan_label() looks it up at run time. */
#define C_(ctx, s) (s)
/* The translated label of a data value for people (tables), e.g.
 * aduan_label("status", "open"); the value itself when there is none. */
const char *aduan_label(const char *ctx, const char *value);
/* Find the message catalogs: $ADUAN_LOCALEDIR, the build tree, or the
 * installed locale folder. */
void aduan_i18n_init(void);

/* Return codes double as the documented exit statuses. */
enum aduan_rc {
	ADUAN_OK = 0,
	ADUAN_NOMATCH = 1,	/* nothing matched, no such complaint */
	ADUAN_USAGE = 2,	/* bad option or argument */
	ADUAN_DATAERR = 65,	/* bad input data */
	ADUAN_IOERR = 74,	/* I/O or database error */
	ADUAN_BUSY = 75		/* database busy past the timeout */
};

/* The message of the last failure in this process (never NULL). */
const char *aduan_errmsg(void);
/* Set it (printf-style); returns rc so that "return aduan_fail(...)" reads well. */
int aduan_fail(int rc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
