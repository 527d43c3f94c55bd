/* outfile.h - files a command writes, whole or not at all (outfile.c). */
#ifndef ADUAN_OUTFILE_H
#define ADUAN_OUTFILE_H

#include "aduan.h"

/*
 * A file a command writes (--rejects, -o) is written to a temporary file
 * beside it (beside the file a symbolic link names); commit() flushes it
 * to disk and renames it over path, so that path is the old file or the
 * new one, never half of one; abort() leaves the old one untouched.
 * With private_ (personal data) the file is 0600 whatever the umask and
 * the old file's mode; otherwise it keeps the old file's mode, and a new
 * one gets 0666 less the umask.  A path that is not a regular file (a
 * device, a FIFO, /dev/stdout) is written into, not replaced.
 */
struct aduan_outfile {
	char *path, *tmp;	/* tmp NULL: writing into path itself */
	FILE *fp;
	int private_;
};
int aduan_outfile_open(struct aduan_outfile *o, const char *path, int private_);
int aduan_outfile_commit(struct aduan_outfile *o);
/* Remove the temporary file (safe after a commit, and to call twice). */
void aduan_outfile_abort(struct aduan_outfile *o);
/* ADUAN_USAGE (with a message) when path is the file open as in (named
 * inname), or with in NULL the file inname: an output must never
 * overwrite an input. */
int aduan_outfile_is_input(const char *path, FILE *in, const char *inname);

#endif
