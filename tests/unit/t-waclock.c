/*
 * t-waclock.c - the time of a WhatsApp header in the shape and with the
 * date of the header before it, which the parser reads as one word (its
 * digits and their ranges checked at once), against the same line read
 * alone, parsed in full: every byte at every place of the time and of
 * the bytes around it, and every two digits of each of its numbers, in
 * headers with and without seconds, with and without AM/PM, and with an
 * hour of one digit (read number by number).
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "util.h"
#include "whatsapp.h"
#include "tap.h"

/* The messages of s[0..n) read in day-first order: their count, -1 when
 * the reader fails; the first two's times in at[] and the first's body
 * in body (its first 64 bytes). */
static int
read_chat(const char *s, size_t n, char at[2][20], char *body)
{
	struct aduan_wa *w = NULL;
	struct aduan_wa_msg m;
	FILE *fp = tmpfile();
	int k = 0, r;

	fwrite(s, 1, n, fp);
	rewind(fp);
	if (aduan_wa_open(&w, fp, "mem", AWA_DMY) != 0) {
		fclose(fp);
		return -1;
	}
	while ((r = aduan_wa_next(w, &m)) == 1) {
		if (k < 2)
			memcpy(at[k], m.at, sizeof(m.at));
		if (k == 0 && body != NULL)
			snprintf(body, 64, "%.*s", (int)(m.body_len < 63 ? m.body_len : 63), m.body);
		k++;
	}
	aduan_wa_close(w);
	fclose(fp);
	return r == 0 ? k : -1;
}

/*
 * line (its header in the shape of first's, with its date) after first,
 * as when read alone: a header or not alike, at the same time.
 */
static int
same_alone(const char *first, const char *line)
{
	struct aduan_buf file = { 0 };
	char at[2][20], one[2][20], body[64];
	int n, alone;

	aduan_buf_adds(&file, first);
	aduan_buf_addc(&file, '\n');
	aduan_buf_adds(&file, line);
	aduan_buf_addc(&file, '\n');
	n = read_chat(file.s, file.len, at, body);
	aduan_buf_release(&file);
	alone = read_chat(line, strlen(line), one, NULL);
	if (alone == 1)
		return n == 2 && strcmp(at[1], one[0]) == 0;
	return n == 1 && strchr(body, '\n') != NULL;	/* the first message's text */
}

struct shape {
	const char *first;	/* a header and its text */
	const char *line;	/* another in its shape, its time changed below */
	size_t t, tlen;		/* where its time stands, and its bytes */
};

static const struct shape shapes[] = {
	{ "14/11/24 09.15 - Siti: a", "14/11/24 10.16 - Budi: b", 9, 5 },
	{ "[14/11/24 09.15.33] Siti: a", "[14/11/24 10.16.34] Budi: b", 10, 8 },
	{ "14/11/24, 09:15 PM - Siti: a", "14/11/24, 10:16 PM - Budi: b", 10, 5 },
	{ "[14/11/24, 09:15:33 AM] Siti: a", "[14/11/24, 10:16:34 AM] Budi: b", 11, 8 },
	{ "14/11/24, 9:15 PM - Siti: a", "14/11/24, 8:16 PM - Budi: b", 10, 4 },
	{ "14.11.24 09:15 - Siti: a", "14.11.24 10:16 - Budi: b", 9, 5 },
};

int
main(void)
{
	char line[64];
	size_t i, p, bad, cases;
	int c, v;

	for (i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		const struct shape *s = &shapes[i];

		bad = cases = 0;
		/* every byte at every place of the time and the two after it */
		for (p = s->t; p < s->t + s->tlen + 2; p++)
			for (c = 0; c < 256; c++) {
				if (c == '\n')
					continue;
				snprintf(line, sizeof(line), "%s", s->line);
				line[p] = (char)c;
				if (c == 0)	/* a NUL ends the string: the line so far */
					continue;
				cases++;
				if (!same_alone(s->first, line) && bad++ == 0)
					printf("# %s: byte 0x%02x at %zu\n", s->first, c, p);
			}
		/* every two digits of each number of the time */
		for (p = s->t; p + 1 < s->t + s->tlen; p++) {
			if (s->line[p] < '0' || s->line[p] > '9' || s->line[p + 1] < '0' ||
			    s->line[p + 1] > '9')
				continue;
			for (v = 0; v < 100; v++) {
				snprintf(line, sizeof(line), "%s", s->line);
				line[p] = (char)('0' + v / 10);
				line[p + 1] = (char)('0' + v % 10);
				cases++;
				if (!same_alone(s->first, line) && bad++ == 0)
					printf("# %s: %02d at %zu\n", s->first, v, p);
			}
		}
		ok(bad == 0, "%s: a header in its shape read as alone (%zu cases, %zu wrong)",
		    s->first, cases, bad);
	}
	return tap_done();
}
