/*
 * intake.h - turning a WhatsApp chat export into complaints: the intake
 * filter, staff, joining consecutive messages, stable source keys.
 */
#ifndef ADUAN_INTAKE_H
#define ADUAN_INTAKE_H

#include "aduan.h"
#include "complaint.h"
#include "db.h"

struct aduan_intake_opts {
	const char *name;	/* for messages: the file name or "stdin" */
	const char *path;	/* the file, for the default group name */
	const char *group;	/* --group */
	const char *tz;		/* --tz */
	const char *match;	/* --match REGEX */
	int all;		/* --all */
	long join;		/* --join MINUTES; -1: the setting */
	int date_order;		/* 0 auto, else enum aduan_wa_order */
	int messages;		/* --messages */
	FILE *messages_out;	/* where --messages writes, or NULL */
	const char *kelurahan;	/* -k: before what the text and the group say */
	const char *rt;		/* -r */
	int dry_run;		/* write nothing (no archive) */
	int raw;		/* hand fn the lines of each complaint (for a rejects file) */
	/* called with the line of each unknown WhatsApp line, or NULL */
	void (*on_unknown)(const struct aduan_intake_opts *o, long line);
	/* filled in: */
	long n_messages, n_system, n_staff, n_filtered, n_joined, n_present;
	long n_unknown;		/* system lines the catalogue does not know */
	char order_reason[128];
};

void aduan_intake_opts_init(struct aduan_intake_opts *o);
/* "dmy", "mdy", "ymd" to the parser's order; -1 when none of them. */
int aduan_intake_date_order(const char *s);

/*
 * Read a chat export from in and hand each complaint to fn (borrowed
 * record, the line of its first message, and, when o->raw, the raw lines
 * it came from for a rejects file; else "" or NULL, length 0).  A complaint that cannot be taken as it came (a
 * NUL byte in its text) comes as c NULL, the reason in aduan_errmsg().
 * fn sets *id to the new complaint (0 when none was added) and returns 0
 * to go on, or a code that stops.  Unless o->dry_run, every message is
 * kept in the archive with its decision and reason; a message archived
 * before is left as it was decided.
 */
int aduan_intake_whatsapp(struct aduan_db *db, FILE *in, struct aduan_intake_opts *o,
    int (*fn)(struct aduan_complaint *c, long line, const char *raw, size_t rawlen,
	int64_t *id, void *arg), void *arg);
/*
 * The deciding thread leaves a group's place to the main thread while it
 * is 768 groups or more behind the reading.  For tests: behind groups
 * (0: every place on the main thread), or -1 for 768 again.
 */
void aduan_intake_place_later(long behind);
/*
 * In a dry run, while the deciding thread is 768 groups or more behind
 * the reading, and once the main thread has had to wait for it, the
 * main thread decides the groups it closes itself (with a decider of its
 * own, made then), rather than wait for room again.  For tests: behind
 * groups, in any run, waited or not (0: every group decided on the main
 * thread), or -1 for the rule again.
 */
void aduan_intake_early(long behind);
void aduan_intake_summary(const struct aduan_intake_opts *o, FILE *out, const char *prog,
    long added, long present, long rejected, int dry_run);

#endif
