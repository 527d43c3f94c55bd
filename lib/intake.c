/* intake.c - WhatsApp chat exports to complaints (see intake.h). */
#include <stdlib.h>
#include <string.h>

#include "intake.h"
#include "whatsapp.h"

void
aduan_intake_opts_init(struct aduan_intake_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->join = -1;
}

int
aduan_intake_date_order(const char *s)
{
	if (strcmp(s, "dmy") == 0)
		return AWA_DMY;
	if (strcmp(s, "mdy") == 0)
		return AWA_MDY;
	if (strcmp(s, "ymd") == 0)
		return AWA_YMD;
	return -1;
}

int
aduan_intake_whatsapp(struct aduan_db *db, FILE *in, struct aduan_intake_opts *o,
    int (*fn)(struct aduan_complaint *c, long line, const char *raw, size_t rawlen,
	void *arg), void *arg)
{
	return aduan_fail(ADUAN_USAGE, "--from whatsapp is not available yet");
}

void
aduan_intake_summary(const struct aduan_intake_opts *o, FILE *out, const char *prog,
    long added, long present, long rejected, int dry_run)
{
}
