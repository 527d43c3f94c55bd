/* cli.c - the shared behaviour of the aduan programs (see cli.h). */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "cli.h"
#include "complaint.h"
#include "db.h"
#include "outfile.h"
#include "query.h"
#include "timeutil.h"
#include "util.h"

const char *progname = "aduan";
static struct aduan_buf command;	/* the command line, personal data left out */
static int saved_argc;
static char **saved_argv;

/*
 * Terminal safety.  Messages on stderr, and everything on stdout when it
 * is a terminal, pass through aduan_visible_n(): no escape sequence in a
 * complaint, a file name or a CSV header reaches the terminal raw.  Data
 * written to a file or a pipe stays byte for byte.  The filter is a
 * stdio stream of its own over the descriptor, so that every printf of
 * every view goes through it.
 */
struct visible_stream {
	int fd;
	size_t ncarry;
	char carry[4];	/* a UTF-8 sequence or CR cut by the end of a chunk */
	struct aduan_buf out;
};
static struct visible_stream vis_out = {.fd = STDOUT_FILENO}, vis_err = {.fd = STDERR_FILENO};

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t
visible_write(void *cookie, const char *buf, size_t n)
{
	struct visible_stream *v = cookie;
	struct aduan_buf in = {0};
	size_t used;
	int rc;

	aduan_buf_add(&in, v->carry, v->ncarry);
	aduan_buf_add(&in, buf, n);
	aduan_buf_reset(&v->out);
	used = aduan_visible_n(&v->out, in.s, in.len, AV_PARTIAL);
	v->ncarry = in.len - used;
	memcpy(v->carry, in.s + used, v->ncarry);
	aduan_buf_release(&in);
	rc = write_all(v->fd, v->out.s, v->out.len);
	return rc == 0 ? (ssize_t)n : -1;
}

/* At exit: what was cut at the very end is shown too. */
static void
visible_end(void)
{
	struct visible_stream *all[] = {&vis_out, &vis_err};
	size_t i;

	fflush(stdout);
	fflush(stderr);
	for (i = 0; i < 2; i++) {
		aduan_buf_reset(&all[i]->out);
		aduan_visible_n(&all[i]->out, all[i]->carry, all[i]->ncarry, 0);
		all[i]->ncarry = 0;
		if (all[i]->out.len > 0)
			(void)write_all(all[i]->fd, all[i]->out.s, all[i]->out.len);
		aduan_buf_release(&all[i]->out);
	}
}

static FILE *
visible_stream(struct visible_stream *v, const char *mode)
{
	cookie_io_functions_t io = {.write = visible_write};
	FILE *fp = fopencookie(v, mode, io);

	if (fp != NULL)
		setvbuf(fp, NULL, _IOLBF, 0);
	return fp;
}

static void
visible_init(void)
{
	FILE *fp;

	if ((fp = visible_stream(&vis_err, "w")) != NULL)
		stderr = fp;
	if (isatty(STDOUT_FILENO) && (fp = visible_stream(&vis_out, "w")) != NULL)
		stdout = fp;
	atexit(visible_end);
}

void
cli_init(int argc, char *argv[])
{
	const char *slash;

	if (setlocale(LC_ALL, "") == NULL) {
		/*
		 * The locale asked for is not installed (a fresh machine often
		 * has only C.UTF-8): keep UTF-8, and let messages follow its
		 * language all the same.
		 */
		const char *l = getenv("LC_ALL");

		if (l == NULL || *l == '\0')
			l = getenv("LC_MESSAGES");
		if (l == NULL || *l == '\0')
			l = getenv("LANG");
		setlocale(LC_ALL, "C.UTF-8");
		if (l != NULL && *l != '\0' &&
		    (getenv("LANGUAGE") == NULL || *getenv("LANGUAGE") == '\0')) {
			char lang[32];

			snprintf(lang, sizeof(lang), "%.*s", (int)strcspn(l, ".@"), l);
			setenv("LANGUAGE", lang, 1);
		}
	}
	aduan_i18n_init();
	textdomain(ADUAN_TEXTDOMAIN);
	visible_init();
	/*
	 * Without TZ, libc looks at /etc/localtime again at every local
	 * time conversion; naming it once makes that a string compare.
	 */
	if (getenv("TZ") == NULL && access("/etc/localtime", R_OK) == 0)
		setenv("TZ", ":/etc/localtime", 1);
	if (argv[0] != NULL && *argv[0] != '\0')
		progname = (slash = strrchr(argv[0], '/')) ? slash + 1 : argv[0];
	argv[0] = (char *)progname;	/* getopt's messages name the program, not its path */
	/* kept before getopt permutes argv, for the invocation's record */
	saved_argc = argc;
	saved_argv = argv;
}

static void
vwarn(const char *fmt, va_list ap)
{
	struct aduan_buf b = {0};
	char *msg = NULL;
	va_list aq;
	int n;

	fflush(stdout);
	/* one line whatever the quoted text holds: a newline in a file name
	 * or a header cannot forge a second message */
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, _(fmt), aq);
	va_end(aq);
	if (n >= 0) {
		msg = aduan_xmalloc((size_t)n + 1);
		vsnprintf(msg, (size_t)n + 1, _(fmt), ap);
	}
	aduan_visible(&b, msg ? msg : "", 1);
	fprintf(stderr, "%s: %s\n", progname, b.s);
	free(msg);
	aduan_buf_release(&b);
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
cli_die(int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(rc);
}

void
cli_fail(int rc)
{
	cli_die(rc, "%s", aduan_errmsg());
}

void
cli_abort(struct aduan_db *db, int rc)
{
	aduan_db_rollback(db);
	cli_fail(rc);
}

void
cli_usage_error(void (*usage)(FILE *), const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	usage(stderr);
	exit(ADUAN_USAGE);
}

int
cli_finish(int status)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, _("%s: cannot write output: %s\n"), progname,
		    errno ? strerror(errno) : _("write error"));
		return ADUAN_IOERR;
	}
	return status;
}

static struct aduan_outfile *outfiles[4];

static void
outfiles_abort(void)
{
	size_t i;

	for (i = 0; i < sizeof(outfiles) / sizeof(outfiles[0]); i++)
		if (outfiles[i] != NULL)
			aduan_outfile_abort(outfiles[i]);
}

void
cli_outfile_open(struct aduan_outfile *o, const char *path, int private_,
    FILE *in, const char *inname, void (*usage)(FILE *))
{
	static int registered;
	size_t i;
	int rc;

	if (aduan_outfile_is_input(path, in, inname) != 0)
		cli_usage_error(usage, "%s", aduan_errmsg());
	if ((rc = aduan_outfile_open(o, path, private_)) != 0)
		cli_fail(rc);
	if (!registered++)
		atexit(outfiles_abort);
	for (i = 0; i < sizeof(outfiles) / sizeof(outfiles[0]); i++)
		if (outfiles[i] == NULL || outfiles[i] == o) {
			outfiles[i] = o;
			return;
		}
}

static void
outfile_forget(struct aduan_outfile *o)
{
	size_t i;

	for (i = 0; i < sizeof(outfiles) / sizeof(outfiles[0]); i++)
		if (outfiles[i] == o)
			outfiles[i] = NULL;
}

int
cli_outfile_commit(struct aduan_outfile *o)
{
	outfile_forget(o);
	return aduan_outfile_commit(o);
}

void
cli_outfile_abort(struct aduan_outfile *o)
{
	outfile_forget(o);
	aduan_outfile_abort(o);
}

/*
 * The database a program opened, kept here so that a program that ends
 * through cli_die() with it open (the transaction rolled back by the
 * exit) leaves it reachable rather than leaked in a leak checker's eyes.
 */
static struct aduan_db *volatile cli_db;

struct aduan_db *
cli_open(const char *path, enum aduan_open mode)
{
	struct aduan_db *db;
	int rc;

	if ((rc = aduan_db_open(&db, path, mode)) != 0)
		cli_fail(rc);
	cli_db = db;
	return db;
}

/*
 * What is personal in a command line: the values of these options, and
 * with text_operands the operands (aduan-add's complaint text).  The
 * invocation's record, shown by 'aduan undo --list', keeps the rest.
 */
static const char *const personal_options[] = {
	"name", "phone", "location", "lat", "lon", "at-maps", "body", "note", "search",
	"reporter", "subject", "match", NULL
};
#define REDACTED "***"

static int
personal_option(const char *name)
{
	return name != NULL && aduan_word_index(personal_options, name) != -1;
}

/* The long option that arg (after "--", up to '=') names, getopt's way:
 * exactly, else as the unique start of one. */
static const struct option *
long_option(const struct option *longopts, const char *arg, size_t len)
{
	const struct option *o, *found = NULL;

	for (o = longopts; o != NULL && o->name != NULL; o++) {
		if (strncmp(o->name, arg, len) != 0)
			continue;
		if (o->name[len] == '\0')
			return o;
		if (found != NULL)
			return NULL;
		found = o;
	}
	return found;
}

static void
record_word(const char *s, int personal)
{
	if (command.len > 400)
		return;
	aduan_buf_addc(&command, ' ');
	aduan_buf_adds(&command, personal ? REDACTED : s);
	if (command.len > 400)
		aduan_buf_adds(&command, " ...");
}

void
cli_options(const char *shortopts, const struct option *longopts, int text_operands)
{
	int i, operands = 0;

	aduan_buf_reset(&command);
	aduan_buf_adds(&command, progname);
	for (i = 1; i < saved_argc; i++) {
		const char *a = saved_argv[i];

		if (operands || a[0] != '-' || a[1] == '\0') {
			record_word(a, text_operands);
		} else if (strcmp(a, "--") == 0) {
			record_word(a, 0);
			operands = 1;
		} else if (a[1] == '-') {
			size_t len = strcspn(a + 2, "=");
			const struct option *o = long_option(longopts, a + 2, len);
			int personal = o != NULL && personal_option(o->name);

			if (a[2 + len] == '=') {
				if (command.len <= 400)
					aduan_buf_printf(&command, " --%.*s=%s", (int)len, a + 2,
					    personal ? REDACTED : a + 3 + len);
			} else {
				record_word(a, 0);
				if (o != NULL && o->has_arg == required_argument && i + 1 < saved_argc)
					record_word(saved_argv[++i], personal);
			}
		} else {
			/* a cluster of short options, the last maybe with its value */
			const char *p, *spec;

			for (p = a + 1; *p != '\0'; p++) {
				const struct option *o;
				int personal = 0;

				if ((spec = strchr(shortopts, *p)) == NULL || spec[1] != ':')
					continue;
				for (o = longopts; o != NULL && o->name != NULL; o++)
					if (o->val == *p)
						personal = personal_option(o->name);
				if (p[1] != '\0') {
					if (command.len <= 400)
						aduan_buf_printf(&command, " %.*s%s", (int)(p + 1 - a), a,
						    personal ? REDACTED : p + 1);
				} else {
					record_word(a, 0);
					if (i + 1 < saved_argc)
						record_word(saved_argv[++i], personal);
				}
				break;
			}
			if (*p == '\0')
				record_word(a, 0);
		}
	}
}

int
cli_getopt_long(int *argcp, char ***argvp, const char *shortopts,
    const struct option *longopts, int text_operands)
{
	int ch;

	if (command.s == NULL)
		cli_options(shortopts, longopts, text_operands);
	if ((ch = getopt_long(*argcp, *argvp, shortopts, longopts, NULL)) == -1) {
		*argcp -= optind;
		*argvp += optind;
	}
	return ch;
}

void
cli_begin(struct aduan_db *db, const char *by)
{
	int rc;

	if (command.s == NULL)	/* options unknown: every value and operand left out */
		cli_options("", NULL, 1);

	if ((rc = aduan_db_begin(db, aduan_actor(by), command.s)) != 0)
		cli_fail(rc);
}

void
cli_commit(struct aduan_db *db)
{
	int rc;

	if ((rc = aduan_db_commit(db)) != 0)
		cli_fail(rc);
}

void
cli_ids(int argc, char *argv[], void (*usage)(FILE *),
    void (*fn)(int64_t id, void *arg), void *arg)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno;
	int64_t id;
	int i, stdin_used = 0;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0) {
			if (aduan_id_parse(argv[i], strlen(argv[i]), &id) == -1)
				cli_usage_error(usage, "bad complaint id: %s", argv[i]);
			fn(id, arg);
			continue;
		}
		if (stdin_used++)
			continue;
		for (lineno = 1; (n = getline(&line, &cap, stdin)) != -1; lineno++) {
			size_t len = strcspn(line, "\t\r\n");

			if (len == 0 && strspn(line, "\r\n") == (size_t)n)
				continue;
			if (aduan_id_parse(line, len, &id) == -1)
				cli_die(ADUAN_DATAERR, "stdin:%ld: not a complaint id: %.*s",
				    lineno, (int)(len > 40 ? 40 : len), line);
			fn(id, arg);
		}
		if (ferror(stdin)) {
			free(line);
			cli_die(ADUAN_IOERR, "stdin: read error");
		}
	}
	free(line);
}

void
cli_idlist_add(int64_t id, void *arg)
{
	struct cli_idlist *l = arg;
	size_t i;

	if (id <= l->max)
		for (i = 0; i < l->n; i++)
			if (l->v[i] == id)
				return;
	if (id > l->max)
		l->max = id;
	l->v = aduan_grow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = id;
}

void
cli_time_span(const char *opt, const char *arg, time_t *start, time_t *end,
    void (*usage)(FILE *))
{
	if (aduan_time_span(arg, time(NULL), start, end) == -1)
		cli_usage_error(usage, "%s: bad time \"%s\" (try 2024-11-28, "
		    "27/11/2024, 27 Nov 2024, 2024-11-28T14:05, today, kemarin, minggu lalu, "
		    "-7d or 2024-W48)", opt, arg);
}

int
cli_filter_option(int ch, const char *arg, struct aduan_filter *f, void (*usage)(FILE *))
{
	time_t start, end;

	switch (ch) {
	case OPT_F_STATUS: aduan_filter_add(f, AQ_STATUS, arg); break;
	case OPT_F_AGENCY: aduan_filter_add(f, AQ_AGENCY, arg); break;
	case OPT_F_KELURAHAN: aduan_filter_add(f, AQ_KELURAHAN, arg); break;
	case OPT_F_CHANNEL: aduan_filter_add(f, AQ_CHANNEL, arg); break;
	case OPT_F_CATEGORY: aduan_filter_add(f, AQ_CATEGORY, arg); break;
	case OPT_F_PRIORITY: aduan_filter_add(f, AQ_PRIORITY, arg); break;
	case OPT_F_RT:
		free(f->rt);
		f->rt = aduan_xmalloc(8);
		if (aduan_rt_normalize(arg, f->rt) == -1)
			cli_usage_error(usage, "--rt: a number such as 005, not \"%s\"", arg);
		break;
	case OPT_F_SINCE:
		cli_time_span("--since", arg, &start, &end, usage);
		f->since = start;
		break;
	case OPT_F_UNTIL:
		cli_time_span("--until", arg, &start, &end, usage);
		f->until = end;
		break;
	case OPT_F_OVERDUE: f->overdue = 1; break;
	case OPT_F_SEARCH:
		free(f->search);
		f->search = aduan_xstrdup(arg);
		break;
	case OPT_F_REPORTER:
		if (aduan_filter_reporter(f, arg) != 0)
			cli_usage_error(usage, "%s", aduan_errmsg());
		break;
	default:
		return 0;
	}
	return 1;
}

void
cli_common_option(int ch, const char *arg, struct cli_common *c, const char *name,
    void (*usage)(FILE *))
{
	switch (ch) {
	case OPT_DB: c->db = arg; break;
	case OPT_BY: c->by = arg; break;
	case OPT_HELP: usage(stdout); exit(cli_finish(0));
	case OPT_VERSION: printf("%s %s\n", name, ADUAN_VERSION); exit(cli_finish(0));
	default: usage(stderr); exit(ADUAN_USAGE);
	}
}

const char *
cli_note(const char *arg, void (*usage)(FILE *))
{
	if (*arg == '\0')
		cli_usage_error(usage, "--note: the note is empty");
	return arg;
}

time_t
cli_done_at(const char *arg, void (*usage)(FILE *))
{
	time_t now = time(NULL), t;

	if (aduan_time_said(arg, now, &t) == -1)
		cli_usage_error(usage, "--at: bad time \"%s\"", arg);
	if (t > now)
		cli_usage_error(usage, "--at: %s is in the future; give the time it was done", arg);
	return t;
}

void
cli_ids_required(int argc, char *argv[], void (*usage)(FILE *), struct cli_idlist *l)
{
	if (argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
	cli_ids(argc, argv, usage, cli_idlist_add, l);
}

int
cli_outcome(struct aduan_db *db, int rc, int also, long *skipped)
{
	if (rc == 0)
		return 0;
	if (rc == ADUAN_NOMATCH || (also != 0 && rc == also)) {
		cli_warn("%s", aduan_errmsg());
		(*skipped)++;
		return 1;
	}
	cli_abort(db, rc);
}

void
cli_tsv_cell(struct aduan_buf *b, const char *s, int visible)
{
	struct aduan_buf t = {0};

	aduan_tsv_escape(&t, s != NULL ? s : "");
	if (visible)
		aduan_visible(b, t.s ? t.s : "", 1);
	else if (t.len > 0)
		aduan_buf_add(b, t.s, t.len);
	aduan_buf_release(&t);
}
