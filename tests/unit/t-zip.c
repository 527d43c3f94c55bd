/* t-zip.c - zip members read as streams (lib/zipfile.c). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "aduan.h"
#include "util.h"
#include "zipfile.h"
#include "tap.h"

/* Write an archive of (name, text) pairs to path with libzip. */
static void
make_zip(const char *path, const char *const *members, int n)
{
	int err, i;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);

	for (i = 0; i < n; i++) {
		zip_source_t *src = zip_source_buffer(za, members[2 * i + 1],
		    strlen(members[2 * i + 1]), 0);

		zip_file_add(za, members[2 * i], src, ZIP_FL_ENC_UTF_8);
	}
	zip_close(za);
}

static char *
slurp(FILE *fp)
{
	struct aduan_buf b = {0};
	char buf[7];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		aduan_buf_add(&b, buf, n);
	aduan_buf_add(&b, "", 0);
	return b.s;
}

int
main(void)
{
	char dir[] = "/tmp/t-zip.XXXXXX", path[64], big[4096];
	static const char *const m[] = {
		"_chat.txt", "28/11/24 14.05 - Budi: jalan rusak\n",
		"xl/worksheets/sheet1.xml", "<worksheet/>",
	};
	const char *bigm[2] = {"big.txt", big};
	struct aduan_zip *z;
	FILE *fp;
	char *s;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/a.zip", dir);
	make_zip(path, m, 2);

	is_int(aduan_zip_open(&z, path, "a.zip"), 0, "an archive opens");
	is_int(aduan_zip_count(z), 2, "two members");
	is_str(aduan_zip_name(z, 1), "xl/worksheets/sheet1.xml", "members keep their names");
	is_int(aduan_zip_find(z, "_chat.txt", 0), 0, "a member found by name");
	is_int(aduan_zip_find(z, "_CHAT.TXT", 1), 0, "and without regard to case");
	is_int(aduan_zip_find(z, "_CHAT.TXT", 0), -1, "but not when case matters");
	fp = aduan_zip_member(z, 0, 0);
	ok(fp != NULL, "a member opens as a stream");
	s = slurp(fp);
	is_str(s, m[1], "and reads whole, in small pieces");
	free(s);
	ok(fclose(fp) == 0, "and closes");
	ok(aduan_zip_member(z, 5, 0) == NULL, "a member that is not there is an error");
	aduan_zip_close(z);

	/* a stream that cannot seek is copied first */
	fp = fopen(path, "rb");
	{
		char all[4096];
		size_t n = fread(all, 1, sizeof(all), fp);
		FILE *mem = fmemopen(all, n, "r");

		fclose(fp);
		is_int(aduan_zip_open_fp(&z, mem, "pipe"), 0, "an archive from a stream without a file");
		is_int(aduan_zip_find(z, "xl/worksheets/sheet1.xml", 0), 1, "reads the same");
		aduan_zip_close(z);
		fclose(mem);
	}

	/* a member larger than the limit fails to read rather than growing */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	make_zip(path, bigm, 1);
	aduan_zip_open(&z, path, "a.zip");
	fp = aduan_zip_member(z, 0, 1000);
	s = slurp(fp);
	ok(ferror(fp) && strlen(s) == 1000, "reading stops with an error at the limit");
	free(s);
	fclose(fp);
	fp = aduan_zip_member(z, 0, sizeof(big) - 1);
	s = slurp(fp);
	ok(!ferror(fp) && strlen(s) == sizeof(big) - 1, "a member just at the limit reads whole");
	free(s);
	fclose(fp);
	aduan_zip_close(z);

	/* not a zip */
	fp = fopen(path, "w");
	fputs("received_at,body\n", fp);
	fclose(fp);
	is_int(aduan_zip_open(&z, path, "x.csv"), ADUAN_DATAERR, "a text file is not an archive");
	ok(strstr(aduan_errmsg(), "x.csv: not a readable zip archive") != NULL,
	    "and the message names it: %s", aduan_errmsg());
	aduan_zip_close(z);
	is_int(aduan_zip_open(&z, "/nonexistent/a.zip", "a.zip"), ADUAN_IOERR,
	    "a missing file is an I/O error");
	aduan_zip_close(z);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
