/*
 * forward.c - a complaint going out: checks and history of forwards and
 * replies, wa.me links, RFC 5322 mail handed to sendmail (the printable
 * covering letter is letter.c's).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "aduan.h"
#include "db.h"
#include "field.h"
#include "forward.h"
#include "internal.h"
#include "refdata.h"
#include "util.h"

int
aduan_forward_check(struct aduan_db *db, int64_t id, char **agency)
{
	sqlite3_stmt *st = aduan_db_stmt(db, "SELECT status, agency FROM complaint WHERE id = ?1");
	const char *status, *code;
	int rc;

	*agency = NULL;
	if ((rc = aduan_db_complaint_row(db, st, id)) != 0)
		return rc;
	status = (const char *)sqlite3_column_text(st, 0);
	code = (const char *)sqlite3_column_text(st, 1);
	if (aduan_status_is(status, AS_CLOSED))
		rc = aduan_fail(ADUAN_NOMATCH, "complaint %lld is closed; nothing to forward",
		    (long long)id);
	else if (code == NULL)
		rc = aduan_fail(ADUAN_NOMATCH, "complaint %lld has no agency yet "
		    "(aduan-route --to AGENCY --message %lld)", (long long)id, (long long)id);
	else {
		*agency = aduan_xstrdup(code);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int
aduan_forward_record(struct aduan_db *db, int64_t id, const char *agency, const char *how,
    const char *to, int personal)
{
	struct aduan_buf note = {0};
	int rc;

	aduan_buf_printf(&note, "%s", how);
	if (to != NULL && *to != '\0')
		aduan_buf_printf(&note, " to %s", to);
	aduan_buf_adds(&note, personal ? "; with the reporter's identity (--personal)" :
	    "; reporter's identity withheld");
	rc = aduan_event_add(db, id, "forward", NULL, NULL, NULL, agency, note.s);
	aduan_buf_release(&note);
	return rc;
}

int
aduan_reply_record(struct aduan_db *db, int64_t id, const char *what)
{
	return aduan_event_add(db, id, "reply", NULL, NULL, NULL, NULL, what);
}

void
aduan_walink(struct aduan_buf *b, const char *e164, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	aduan_buf_adds(b, "https://wa.me/");
	if (e164 != NULL)
		aduan_buf_adds(b, e164[0] == '+' ? e164 + 1 : e164);
	aduan_buf_adds(b, "?text=");
	/* everything but the unreserved characters of RFC 3986, byte by byte */
	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			aduan_buf_addc(b, *p);
		else {
			aduan_buf_addc(b, '%');
			aduan_buf_addc(b, hex[*p >> 4]);
			aduan_buf_addc(b, hex[*p & 15]);
		}
	}
}

/* One column of the complaint (owned), or NULL. */
static int
complaint_text(struct aduan_db *db, int64_t id, const char *sql, char **out)
{
	sqlite3_stmt *st = aduan_db_stmt(db, sql);
	int rc;

	*out = NULL;
	if (st == NULL)
		return ADUAN_IOERR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = aduan_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return aduan_fail(ADUAN_NOMATCH, "no such complaint: %lld", (long long)id);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(db, "reading a complaint");
}

int
aduan_reply_phone(struct aduan_db *db, int64_t id, char **phone)
{
	return complaint_text(db, id, "SELECT iif(anonymous, NULL, reporter_phone) "
	    "FROM complaint WHERE id = ?1", phone);
}

int
aduan_reply_group(struct aduan_db *db, int64_t id, char **group)
{
	/* a confidential matter is not answered in front of the group */
	return complaint_text(db, id, "SELECT iif(channel = 'whatsapp' AND NOT confidential, "
	    "source, NULL) FROM complaint WHERE id = ?1", group);
}

int
aduan_reply_template(struct aduan_db *db, int64_t id, const char **name)
{
	static const char *const names[][2] = {
		{"open", "reply-open"}, {"routed", "reply-routed"},
		{"resolved", "reply-resolved"}, {"rejected", "reply-rejected"},
		{"duplicate", "reply-duplicate"}, {"withdrawn", "reply-withdrawn"},
	};
	char *state;
	size_t i;
	int rc;

	if ((rc = complaint_text(db, id, "SELECT iif(status = 'closed', "
	    "coalesce(resolution, 'resolved'), status) FROM complaint WHERE id = ?1",
	    &state)) != 0)
		return rc;
	*name = "reply-open";
	for (i = 0; state != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], state) == 0)
			*name = names[i][1];
	free(state);
	return 0;
}

/* ---- mail ------------------------------------------------------------- */

/* Whether s can stand in a header as it is: printable ASCII only, so
 * that no line break or control character can start a header of its
 * own (an office name from a setting could hold one). */
static int
is_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

/* s as RFC 2047 encoded words ("=?UTF-8?B?...?="), each at most 75
 * characters and never splitting a character, folded onto lines. */
static void
encode_words(struct aduan_buf *b, const char *s)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), take, i;
	int first = 1;

	while (n > 0) {
		/* 45 bytes make 60 characters of base64 */
		take = n < 45 ? n : 45;
		while (take < n && take > 0 && (p[take] & 0xc0) == 0x80)
			take--;
		if (!first)
			aduan_buf_adds(b, "\n ");
		first = 0;
		aduan_buf_adds(b, "=?UTF-8?B?");
		for (i = 0; i < take; i += 3) {
			unsigned v = (unsigned)p[i] << 16 | (i + 1 < take ? (unsigned)p[i + 1] << 8 : 0) |
			    (i + 2 < take ? p[i + 2] : 0);

			aduan_buf_addc(b, b64[v >> 18 & 63]);
			aduan_buf_addc(b, b64[v >> 12 & 63]);
			aduan_buf_addc(b, i + 1 < take ? b64[v >> 6 & 63] : '=');
			aduan_buf_addc(b, i + 2 < take ? b64[v & 63] : '=');
		}
		aduan_buf_adds(b, "?=");
		p += take;
		n -= take;
	}
}

/* A header value of free text: as it is when plain ASCII, else encoded. */
static void
header_text(struct aduan_buf *b, const char *s)
{
	if (is_plain(s) && strlen(s) < 900)
		aduan_buf_adds(b, s);
	else
		encode_words(b, s);
}

/* "Name <addr>", the name quoted or encoded. */
static void
header_address(struct aduan_buf *b, const char *name, const char *addr)
{
	const char *p;

	if (name != NULL && *name != '\0') {
		if (is_plain(name) && strlen(name) < 900) {
			aduan_buf_addc(b, '"');
			for (p = name; *p != '\0'; p++) {
				if (*p == '"' || *p == '\\')
					aduan_buf_addc(b, '\\');
				aduan_buf_addc(b, *p);
			}
			aduan_buf_addc(b, '"');
		} else
			encode_words(b, name);
		aduan_buf_adds(b, " ");
	}
	aduan_buf_printf(b, "<%s>", addr);
}

/* The body in quoted-printable (RFC 2045): lines of at most 76. */
static void
quoted_printable(struct aduan_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	int col = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		int literal = (*p >= 33 && *p <= 126 && *p != '=') ||
		    ((*p == ' ' || *p == '\t') && p[1] != '\n' && p[1] != '\0');

		if (*p == '\n') {
			aduan_buf_addc(b, '\n');
			col = 0;
			continue;
		}
		if (col + (literal ? 1 : 3) > 75) {
			aduan_buf_adds(b, "=\n");
			col = 0;
		}
		if (literal) {
			aduan_buf_addc(b, *p);
			col++;
		} else {
			aduan_buf_addc(b, '=');
			aduan_buf_addc(b, hex[*p >> 4]);
			aduan_buf_addc(b, hex[*p & 15]);
			col += 3;
		}
	}
	if (col > 0)
		aduan_buf_addc(b, '\n');
}

void
aduan_mail_format(struct aduan_buf *b, const struct aduan_mail *m)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mons[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	    "Aug", "Sep", "Oct", "Nov", "Dec"};
	const char *domain = strrchr(m->from, '@');
	struct tm tm;
	long off;

	tzset();
	localtime_r(&m->date, &tm);
	off = tm.tm_gmtoff / 60;
	aduan_buf_adds(b, "From: ");
	header_address(b, m->from_name, m->from);
	aduan_buf_adds(b, "\nTo: ");
	header_address(b, m->to_name, m->to);
	aduan_buf_adds(b, "\nSubject: ");
	header_text(b, m->subject);
	/* the date in English words, whatever the locale */
	aduan_buf_printf(b, "\nDate: %s, %d %s %d %02d:%02d:%02d %c%02ld%02ld\n",
	    days[tm.tm_wday], tm.tm_mday, mons[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	aduan_buf_printf(b, "Message-ID: <aduan.%lld.%lld.%ld@%s>\n", (long long)m->id,
	    (long long)m->date, (long)getpid(), domain ? domain + 1 : "localhost");
	aduan_buf_printf(b, "X-Aduan-Complaint: %lld\n", (long long)m->id);
	aduan_buf_adds(b, "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n\n");
	quoted_printable(b, m->body);
}

int
aduan_mail_send(struct aduan_db *db, const char *message)
{
	const char *cmd = getenv("ADUAN_SENDMAIL");
	void (*old)(int);
	FILE *fp;
	int status, werr;

	if (cmd == NULL || *cmd == '\0')
		cmd = aduan_config(db, "mail.command");
	if (cmd == NULL || *cmd == '\0')
		return aduan_fail(ADUAN_USAGE, "no mail command (aduan config mail.command)");
	fflush(NULL);
	if ((fp = popen(cmd, "w")) == NULL)
		return aduan_fail(ADUAN_IOERR, "cannot run %s: %s", cmd, strerror(errno));
	/* a command that stops reading must not kill us */
	old = signal(SIGPIPE, SIG_IGN);
	werr = fputs(message, fp) == EOF || fflush(fp) == EOF;
	status = pclose(fp);
	signal(SIGPIPE, old);
	if (status == -1)
		return aduan_fail(ADUAN_IOERR, "%s: %s", cmd, strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return aduan_fail(ADUAN_IOERR, "cannot run %s (aduan config mail.command, "
		    "or ADUAN_SENDMAIL)", cmd);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return aduan_fail(ADUAN_IOERR, "%s failed (status %d); the mail was not sent", cmd,
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	if (werr)
		return aduan_fail(ADUAN_IOERR, "%s did not read the whole message", cmd);
	return 0;
}
