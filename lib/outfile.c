/*
 * outfile.c - the files a command writes (--rejects, -o), replaced whole
 * or not at all: a temporary file beside the target, flushed to disk
 * and renamed over it only when the command succeeds.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aduan.h"
#include "outfile.h"
#include "util.h"

/* A path that names an open descriptor (/dev/stdout), whatever it is. */
static int
special_path(const char *path)
{
	return strncmp(path, "/dev/std", 8) == 0 || strncmp(path, "/dev/fd/", 8) == 0 ||
	    strncmp(path, "/proc/", 6) == 0;
}

static int
fail_write(const char *path, int e)
{
	if (e == EACCES || e == EPERM)
		return aduan_fail(ADUAN_IOERR, "cannot write %s: permission denied "
		    "(choose a folder you can write to)", path);
	return aduan_fail(ADUAN_IOERR, "cannot write %s: %s", path, strerror(e));
}

/* Write into what is there (a device, a FIFO, the terminal, /dev/stdout). */
static int
open_direct(struct aduan_outfile *o, const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);

	if (fd == -1 || (o->fp = fdopen(fd, "w")) == NULL) {
		int rc = fail_write(path, errno);

		if (fd != -1)
			close(fd);
		return rc;
	}
	o->path = aduan_xstrdup(path);
	return 0;
}

int
aduan_outfile_open(struct aduan_outfile *o, const char *path, int private_)
{
	char *real = NULL, *dcopy, *bcopy;
	struct aduan_buf tmpl = {0};
	struct stat st;
	int fd, exists;
	mode_t mask;

	memset(o, 0, sizeof(*o));
	o->private_ = private_;
	exists = stat(path, &st) == 0;
	if ((exists && !S_ISREG(st.st_mode)) || special_path(path))
		return open_direct(o, path);
	/* through a symbolic link: replace the file it names, keep the link */
	if (exists && (real = realpath(path, NULL)) != NULL)
		path = real;
	dcopy = aduan_xstrdup(path);
	bcopy = aduan_xstrdup(path);
	/* beside the target, so that rename() never crosses file systems */
	aduan_buf_printf(&tmpl, "%s/.%s.XXXXXX", dirname(dcopy), basename(bcopy));
	free(dcopy);
	free(bcopy);
	if ((fd = mkstemp(tmpl.s)) == -1) {
		int rc = fail_write(path, errno);

		aduan_buf_release(&tmpl);
		free(real);
		return rc;
	}
	o->path = aduan_xstrdup(path);
	o->tmp = tmpl.s;
	free(real);
	if (private_)
		(void)fchmod(fd, 0600);
	else if (exists)
		(void)fchmod(fd, st.st_mode & 07777);
	else {
		mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		int rc = fail_write(o->path, errno);

		close(fd);
		aduan_outfile_abort(o);
		return rc;
	}
	return 0;
}

int
aduan_outfile_commit(struct aduan_outfile *o)
{
	char *copy;
	int e = 0, fd;

	if (fflush(o->fp) == EOF || ferror(o->fp))
		e = errno ? errno : EIO;
	else if (o->tmp != NULL && fsync(fileno(o->fp)) == -1)
		e = errno;
	if (fclose(o->fp) == EOF && e == 0)
		e = errno;
	o->fp = NULL;
	if (e == 0 && o->tmp != NULL && rename(o->tmp, o->path) == -1)
		e = errno;
	if (e != 0) {
		int rc = fail_write(o->path, e);

		aduan_outfile_abort(o);
		return rc;
	}
	if (o->tmp != NULL) {	/* make the rename itself durable */
		copy = aduan_xstrdup(o->path);
		if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
			(void)fsync(fd);
			close(fd);
		}
		free(copy);
		free(o->tmp);
		o->tmp = NULL;
	}
	aduan_outfile_abort(o);
	return 0;
}

void
aduan_outfile_abort(struct aduan_outfile *o)
{
	if (o->fp != NULL) {
		fclose(o->fp);
		o->fp = NULL;
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->path);
	o->path = NULL;
}

int
aduan_outfile_is_input(const char *path, FILE *in, const char *inname)
{
	struct stat a, b;

	if (stat(path, &a) == -1 || (in != NULL ? fstat(fileno(in), &b) :
	    inname != NULL ? stat(inname, &b) : -1) == -1)
		return 0;
	if (!S_ISREG(a.st_mode) || a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		return 0;
	return aduan_fail(ADUAN_USAGE, "cannot write %s over the input %s: name another file for the output",
	    path, inname);
}
