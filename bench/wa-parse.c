/*
 * wa-parse FILE: aduan's WhatsApp parser alone (lib/whatsapp.c), no
 * database: stream FILE's messages and print how many of each kind.  The
 * bare parse that bench/whatsapp-bench and bench/wa-ratios set against
 * the npm parser's; built against libaduan.a:
 *
 *	cc -O2 -Ilib -o wa-parse bench/wa-parse.c libaduan.a -lzip -lm
 */
#include <stdio.h>
#include <string.h>

#include "aduan.h"
#include "whatsapp.h"

int
main(int argc, char *argv[])
{
	struct aduan_wa *w;
	struct aduan_wa_msg m;
	unsigned long long n = 0, kind[5] = {0}, att = 0, loc = 0, bytes = 0;
	FILE *fp;
	int r;

	if (argc != 2)
		return fprintf(stderr, "usage: wa-parse FILE\n"), 2;
	if ((fp = fopen(argv[1], "rb")) == NULL)
		return perror(argv[1]), 1;
	if (aduan_wa_open(&w, fp, argv[1], AWA_AUTO) != 0)
		return fprintf(stderr, "%s\n", aduan_errmsg()), 1;
	while ((r = aduan_wa_next(w, &m)) == 1) {
		n++;
		kind[m.kind]++;
		att += m.attachment != NULL;
		loc += m.has_location;
		bytes += m.body_len + (m.author ? strlen(m.author) : 0);
	}
	if (r != 0)
		return fprintf(stderr, "%s\n", aduan_errmsg()), 1;
	printf("messages %llu\nsystem %llu\ntext %llu\nmedia %llu\ndeleted %llu\n"
	    "location %llu\nattachments %llu\nlatlon %llu\nbytes %llu\n", n,
	    kind[AWA_SYSTEM], kind[AWA_TEXT], kind[AWA_MEDIA], kind[AWA_DELETED],
	    kind[AWA_LOCATION], att, loc, bytes);
	aduan_wa_close(w);
	fclose(fp);
	return 0;
}
