/* tap.h - a minimal TAP producer for the C unit tests. */
#ifndef TAP_H
#define TAP_H
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int tap_n, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) tap_is_int((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)

static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#include <stdarg.h>

/*
 * Cases as data: a test's rows live in the file beside it (t-x.c reads
 * t-x.tab).  A section starts with a line "[NAME]"; each line after it is
 * one case, its columns separated by tabs and written with C's escapes
 * (\n \t \\ \xHH \NNN), "\N" for NULL; '#' lines and blank lines are
 * skipped.  A failing case names its file and line.
 *
 *	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
 *		is_str(parse(tr.col[0]), tr.col[1], tr.col[2]);
 */
#include <stdlib.h>

struct tap_rows {
	FILE *f;
	char path[256];
	char line[8192];
	const char *col[16];
	int ncol, lineno;
};
static struct tap_rows tr __attribute__((unused));
static const char *tap_where;	/* the case being run, for a failure */
static char tap_where_buf[300];

#define tap_rows_open(r, name) tap_rows_open_((r), __FILE__, (name))

static void __attribute__((unused))
tap_rows_open_(struct tap_rows *r, const char *src, const char *name)
{
	char want[80];
	size_t n = strlen(src);

	if (r->f != NULL)
		fclose(r->f);
	memset(r, 0, sizeof(*r));
	snprintf(r->path, sizeof(r->path), "%.*s.tab", (int)(n > 2 ? n - 2 : n), src);
	if ((r->f = fopen(r->path, "r")) == NULL) {
		printf("Bail out! cannot open %s\n", r->path);
		exit(1);
	}
	snprintf(want, sizeof(want), "[%s]\n", name);
	while (fgets(r->line, sizeof(r->line), r->f) != NULL) {
		r->lineno++;
		if (strcmp(r->line, want) == 0)
			return;
	}
	printf("Bail out! no section [%s] in %s\n", name, r->path);
	exit(1);
}

/* The C escapes of s undone in place; NULL for "\N". */
static const char * __attribute__((unused))
tap_unescape(char *s)
{
	char *w = s, *p = s;

	if (strcmp(s, "\\N") == 0)
		return NULL;
	while (*p != '\0') {
		if (*p != '\\') {
			*w++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case 'n': *w++ = '\n'; p++; break;
		case 't': *w++ = '\t'; p++; break;
		case 'r': *w++ = '\r'; p++; break;
		case 'x': *w++ = (char)strtol((char[]){p[1], p[2], '\0'}, NULL, 16); p += 3; break;
		default:
			if (*p >= '0' && *p <= '7') {
				int v = 0, k;

				for (k = 0; k < 3 && *p >= '0' && *p <= '7'; k++)
					v = v * 8 + *p++ - '0';
				*w++ = (char)v;
			} else
				*w++ = *p++;
		}
	}
	*w = '\0';
	return s;
}

/* The next case of the section: 1 with its columns in r->col, 0 at its end. */
static int __attribute__((unused))
tap_rows_next(struct tap_rows *r)
{
	char *p, *tab;

	tap_where = NULL;
	while (r->f != NULL && fgets(r->line, sizeof(r->line), r->f) != NULL) {
		r->lineno++;
		r->line[strcspn(r->line, "\n")] = '\0';
		if (r->line[0] == '#' || r->line[0] == '\0')
			continue;
		if (r->line[0] == '[')	/* the next section */
			break;
		r->ncol = 0;
		for (p = r->line; r->ncol < 16; p = tab + 1) {
			tab = strchr(p, '\t');
			if (tab != NULL)
				*tab = '\0';
			r->col[r->ncol++] = tap_unescape(p);
			if (tab == NULL)
				break;
		}
		snprintf(tap_where_buf, sizeof(tap_where_buf), "%s:%d", r->path, r->lineno);
		tap_where = tap_where_buf;
		return 1;
	}
	if (r->f != NULL)
		fclose(r->f);
	r->f = NULL;
	return 0;
}
static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
		if (tap_where != NULL)
			printf("#   the case of %s\n", tap_where);
	}
	return cond;
}

static int __attribute__((unused))
tap_is_str(const char *got, const char *want, const char *file, int line, const char *what)
{
	int cond = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	tap_ok(cond, file, line, "%s", what);
	if (!cond)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
	return cond;
}

static int __attribute__((unused))
tap_is_int(long long got, long long want, const char *file, int line, const char *what)
{
	int cond = got == want;

	tap_ok(cond, file, line, "%s", what);
	if (!cond)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return cond;
}

/*
 * A scratch folder made from the template dir ("/tmp/t-x.XXXXXX"), and
 * path set to a.db in it: whether it was made, as the first test.
 */
static int __attribute__((unused))
tap_scratch(char *dir, char *path, size_t size)
{
	int made = mkdtemp(dir) != NULL;

	ok(made, "a scratch folder");
	snprintf(path, size, "%s/a.db", dir);
	return made;
}

/* The scratch folder gone, with its database a.db and that one's journal. */
static void __attribute__((unused))
tap_scratch_remove(const char *dir)
{
	const char *const ext[] = {"", "-wal", "-shm"};
	char path[300];
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(path, sizeof(path), "%s/a.db%s", dir, ext[i]);
		unlink(path);
	}
	rmdir(dir);
}

static int __attribute__((unused))
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
#endif
