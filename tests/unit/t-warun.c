/*
 * t-warun.c - pass one over a WhatsApp chat counts a run of headers in
 * the shape with the date of the one before them once, at its end: the
 * evidence of each of them, their style and their year first must count
 * as when counted one by one.  Each chat of t-warun.tab is read in one
 * part and in two parts, split at each of its lines: the order of its
 * dates, the reason given and its messages.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "util.h"
#include "whatsapp.h"
#include "tap.h"

static const char *const orders[] = { "auto", "dmy", "mdy", "ymd" };

/* s[0..n) read: its order, reason and messages into out ("-1" when it
 * fails to read). */
static void
read_chat(const char *s, size_t n, struct aduan_buf *out)
{
	struct aduan_wa *w = NULL;
	struct aduan_wa_msg m;
	FILE *fp = tmpfile();
	int k = 0, r;

	out->len = 0;
	fwrite(s, 1, n, fp);
	rewind(fp);
	if (aduan_wa_open(&w, fp, "mem", AWA_AUTO) != 0) {
		aduan_buf_adds(out, "-1");
		fclose(fp);
		return;
	}
	while ((r = aduan_wa_next(w, &m)) == 1)
		k++;
	aduan_buf_printf(out, "%s\t%s\t%d", orders[aduan_wa_date_order(w)],
	    aduan_wa_order_reason(w), r == 0 ? k : -1);
	aduan_wa_close(w);
	fclose(fp);
}

int
main(void)
{
	struct aduan_buf want = { 0 }, got = { 0 };
	size_t n, k, splits, bad;

	for (tap_rows_open(&tr, "runs"); tap_rows_next(&tr);) {
		n = strlen(tr.col[0]);
		want.len = 0;
		aduan_buf_printf(&want, "%s\t%s\t%s", tr.col[1], tr.col[2], tr.col[3]);
		aduan_wa_split_at(0);
		read_chat(tr.col[0], n, &got);
		is_str(got.s, want.s, "read in one part");
		for (k = 1, splits = bad = 0; k < n; k++) {
			if (tr.col[0][k - 1] != '\n')
				continue;
			aduan_wa_split_at((long long)k);
			read_chat(tr.col[0], n, &got);
			splits++;
			if (strcmp(got.s, want.s) != 0 && bad++ == 0)
				printf("#   split at byte %zu: %s\n", k, got.s);
		}
		ok(splits > 0 && bad == 0, "read in two parts, split at each of %zu lines", splits);
	}
	aduan_wa_split_at(-1);
	aduan_buf_release(&want);
	aduan_buf_release(&got);
	return tap_done();
}
