/*
 * zipfile.c - zip members as stdio streams, over libzip.
 *
 * A member's stream is a fopencookie() FILE whose read function pulls
 * from zip_fread(), so that a parser that reads a FILE (the WhatsApp
 * reader, expat fed in chunks) reads a member as it would a file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "aduan.h"
#include "util.h"
#include "zipfile.h"

struct aduan_zip {
	zip_t *za;
	char *name;
};

struct member {
	zip_file_t *zf;
	unsigned long long left;	/* bytes that may still be read */
	int limited;
};

static int
zip_failed(const char *name, int code)
{
	zip_error_t e;
	int rc;

	zip_error_init_with_code(&e, code);
	rc = aduan_fail(code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS ? ADUAN_DATAERR : ADUAN_IOERR,
	    "%s: not a readable zip archive: %s", name, zip_error_strerror(&e));
	zip_error_fini(&e);
	return rc;
}

static int
open_fd(struct aduan_zip *z, int fd)
{
	int err = 0, dfd;

	if ((dfd = dup(fd)) == -1 || lseek(dfd, 0, SEEK_SET) == -1) {
		int e = errno;

		if (dfd != -1)
			close(dfd);
		return aduan_fail(ADUAN_IOERR, "%s: %s", z->name, strerror(e));
	}
	if ((z->za = zip_fdopen(dfd, ZIP_RDONLY | ZIP_CHECKCONS, &err)) == NULL) {
		close(dfd);
		return zip_failed(z->name, err);
	}
	return 0;
}

static struct aduan_zip *
zip_new(const char *name)
{
	struct aduan_zip *z = aduan_xmalloc(sizeof(*z));

	memset(z, 0, sizeof(*z));
	z->name = aduan_xstrdup(name);
	return z;
}

/* Copy what is left of fp into a temporary file: a pipe cannot be sought.
 * The archive keeps a descriptor of its own, so the copy lives as long
 * as the archive is open. */
static int
copy_to_tmp(struct aduan_zip *z, FILE *fp)
{
	char buf[65536];
	FILE *tmp;
	size_t n;
	int rc = 0;

	if ((tmp = tmpfile()) == NULL)
		return aduan_fail(ADUAN_IOERR, "cannot create a temporary file: %s", strerror(errno));
	while (rc == 0 && (n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (fwrite(buf, 1, n, tmp) != n)
			rc = aduan_fail(ADUAN_IOERR, "temporary file: %s", strerror(errno));
	if (rc == 0 && ferror(fp))
		rc = aduan_fail(ADUAN_IOERR, "%s: read error", z->name);
	if (rc == 0 && fflush(tmp) == EOF)
		rc = aduan_fail(ADUAN_IOERR, "temporary file: %s", strerror(errno));
	if (rc == 0)
		rc = open_fd(z, fileno(tmp));
	fclose(tmp);
	return rc;
}

int
aduan_zip_open_fp(struct aduan_zip **zp, FILE *fp, const char *name)
{
	struct aduan_zip *z = zip_new(name);
	int fd = fileno(fp);

	*zp = z;
	if (fd == -1 || lseek(fd, 0, SEEK_SET) == -1)
		return copy_to_tmp(z, fp);
	return open_fd(z, fd);
}

int
aduan_zip_open(struct aduan_zip **zp, const char *path, const char *name)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return aduan_zip_open_fp(zp, stdin, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		*zp = zip_new(name);
		return aduan_fail(ADUAN_IOERR, "cannot open %s: %s", path, strerror(errno));
	}
	rc = aduan_zip_open_fp(zp, fp, name);
	fclose(fp);
	return rc;
}

void
aduan_zip_close(struct aduan_zip *z)
{
	if (z == NULL)
		return;
	if (z->za != NULL)
		zip_discard(z->za);
	free(z->name);
	free(z);
}

long
aduan_zip_count(struct aduan_zip *z)
{
	return z->za ? (long)zip_get_num_entries(z->za, 0) : 0;
}

const char *
aduan_zip_name(struct aduan_zip *z, long i)
{
	if (z->za == NULL || i < 0 || i >= aduan_zip_count(z))
		return NULL;
	return zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
}

long
aduan_zip_find(struct aduan_zip *z, const char *name, int nocase)
{
	if (z->za == NULL)
		return -1;
	return (long)zip_name_locate(z->za, name, nocase ? ZIP_FL_NOCASE : 0);
}

static ssize_t
member_read(void *cookie, char *buf, size_t size)
{
	struct member *m = cookie;
	zip_int64_t n;

	if (m->limited && size > m->left) {
		if (m->left == 0) {
			char probe;

			/* at the limit: a member that has more is too big */
			if ((n = zip_fread(m->zf, &probe, 1)) == 0)
				return 0;
			errno = EFBIG;
			return -1;
		}
		size = (size_t)m->left;
	}
	if ((n = zip_fread(m->zf, buf, size)) < 0) {
		errno = EIO;
		return -1;
	}
	if (m->limited)
		m->left -= (unsigned long long)n;
	return (ssize_t)n;
}

static int
member_close(void *cookie)
{
	struct member *m = cookie;
	int rc = zip_fclose(m->zf);

	free(m);
	return rc == 0 ? 0 : EOF;
}

FILE *
aduan_zip_member(struct aduan_zip *z, long i, unsigned long long limit)
{
	static const cookie_io_functions_t io = {member_read, NULL, NULL, member_close};
	struct member *m;
	zip_file_t *zf;
	FILE *fp;

	if (z->za == NULL || i < 0 || i >= aduan_zip_count(z)) {
		aduan_fail(ADUAN_DATAERR, "%s: no such member", z->name);
		return NULL;
	}
	if ((zf = zip_fopen_index(z->za, (zip_uint64_t)i, 0)) == NULL) {
		zip_error_t *e = zip_get_error(z->za);

		aduan_fail(ADUAN_DATAERR, "%s: cannot read %s: %s", z->name,
		    aduan_zip_name(z, i), zip_error_strerror(e));
		return NULL;
	}
	m = aduan_xmalloc(sizeof(*m));
	m->zf = zf;
	m->left = limit;
	m->limited = limit != 0;
	if ((fp = fopencookie(m, "r", io)) == NULL) {
		zip_fclose(zf);
		free(m);
		aduan_fail(ADUAN_IOERR, "%s: %s", z->name, strerror(errno));
	}
	return fp;
}
