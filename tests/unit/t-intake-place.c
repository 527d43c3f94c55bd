/*
 * t-intake-place.c - a group's place, and its whole verdict, are the
 * same whichever thread works them out: the deciding thread, or (while
 * it is behind the reading) the main thread.  A dry run of a generated
 * chat with --messages, with the rules as they are, with every place
 * left to the main thread, with every group decided there, and with
 * the groups shared between the threads.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "db.h"
#include "intake.h"
#include "preset.h"
#include "util.h"
#include "tap.h"

static int
counted(struct aduan_complaint *c, long line, const char *raw, size_t rawlen, int64_t *id,
    void *arg)
{
	*id = 0;
	(*(long *)arg)++;
	return 0;
}

/* A chat of n messages: complaints naming kelurahan and RTs, chatter. */
static FILE *
chat(int n)
{
	static const char *const said[] = {
		"Lampu jalan di RT %d Guntung mati sudah 3 hari, mohon diperbaiki",
		"terima kasih infonya pak (%d)",
		"Sampah menumpuk di depan pasar Lok Tuan RT %d, bau sekali",
		"Jalan rusak di Bontang Kuala dekat masjid, lubang besar (%d)",
		"siap pak %d",
		"Parit tersumbat di RT %d Api-Api, tiap hujan banjir",
		/* the office's parent town (setting office.parent, below):
		 * its own, not news from elsewhere */
		"Macet parah di Samarinda (%d)",
	};
	FILE *fp = tmpfile();
	int i;

	for (i = 0; fp != NULL && i < n; i++) {
		fprintf(fp, "%02d/03/25 %02d.%02d - Warga %d: ", 1 + i / 1440, i % 1440 / 60, i % 60,
		    i % 5);
		fprintf(fp, said[i % 7], 1 + i % 30);
		fputc('\n', fp);
	}
	if (fp != NULL)
		rewind(fp);
	return fp;
}

/* The --messages output of a dry run over in. */
static char *
dry_run(struct aduan_db *db, FILE *in, long *complaints)
{
	struct aduan_intake_opts o;
	char *out = NULL;
	size_t len = 0;

	aduan_intake_opts_init(&o);
	o.name = o.path = "chat.txt";
	o.group = "Forum Warga";
	o.messages = 1;
	o.dry_run = 1;
	o.messages_out = open_memstream(&out, &len);
	rewind(in);
	*complaints = 0;
	if (aduan_intake_whatsapp(db, in, &o, counted, complaints) != 0)
		printf("# %s\n", aduan_errmsg());
	fclose(o.messages_out);
	return out;
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR"), *build = getenv("ADUAN_BUILD");
	char path[4096], data[4096];
	struct aduan_db *db;
	long n1, n2, n3, n4;
	char *one, *two, *three, *four;
	FILE *in;
	int fd;

	snprintf(path, sizeof(path), "%s/t-intake-place.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	unlink(path);	/* (made anew by aduan_db_open) */
	snprintf(data, sizeof(data), "%s/data", build && *build ? build : ".");
	if (!ok(aduan_db_open(&db, path, ADUAN_CREATE) == 0 &&
	    aduan_db_begin(db, "test", "t-intake-place") == 0 &&
	    aduan_preset_load(db, data, "bontang-utara", 0, NULL, NULL) == 0 &&
	    aduan_setting_set(db, "office.parent", "Samarinda") == 0 &&
	    aduan_db_commit(db) == 0,
	    "a database with the Bontang Utara preset")) {
		printf("# %s\n", aduan_errmsg());
		unlink(path);
		return 1;
	}
	in = chat(6000);
	one = dry_run(db, in, &n1);
	aduan_intake_place_later(0);	/* every place on the main thread */
	two = dry_run(db, in, &n2);
	aduan_intake_place_later(-1);
	aduan_intake_early(0);	/* every group decided on the main thread */
	three = dry_run(db, in, &n3);
	/* the first groups on the deciding thread, then (as it sleeps
	 * until a batch is waiting) many on the main one, then either */
	aduan_intake_early(16);
	aduan_intake_place_later(8);
	four = dry_run(db, in, &n4);
	aduan_intake_early(-1);
	aduan_intake_place_later(-1);
	ok(n1 > 1000 && n1 == n2, "the same complaints either way (%ld, %ld)", n1, n2);
	ok(one != NULL && strstr(one, "\"kelurahan\":\"Guntung\",\"rt\":\"") != NULL &&
	    strstr(one, "\"kelurahan\":\"Lok Tuan\"") != NULL,
	    "places read from the text");
	ok(one != NULL && two != NULL && strcmp(one, two) == 0,
	    "every message, decision and place the same when the main thread reads the places");
	ok(n3 == n1 && one != NULL && three != NULL && strcmp(one, three) == 0,
	    "every message, decision, reason and place the same when the main thread decides");
	ok(n4 == n1 && one != NULL && four != NULL && strcmp(one, four) == 0,
	    "the same again when the threads share the groups");
	free(one);
	free(two);
	free(three);
	free(four);
	fclose(in);
	aduan_db_close(db);
	unlink(path);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
