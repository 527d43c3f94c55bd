/* fuzz-whatsapp.c - libFuzzer target: the WhatsApp export parser. */
#include <stdio.h>

#include "whatsapp.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	FILE *fp = fmemopen((void *)data, size, "r");
	struct aduan_wa *w;
	struct aduan_wa_msg m;
	int n = 0;

	if (fp == NULL)
		return 0;
	if (aduan_wa_open(&w, fp, "fuzz", AWA_AUTO) == 0) {
		while (aduan_wa_next(w, &m) == 1 && n++ < 100000)
			;
		aduan_wa_close(w);
	}
	fclose(fp);
	return 0;
}
