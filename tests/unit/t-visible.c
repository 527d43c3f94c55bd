/* t-visible.c - aduan_visible_n(): what may reach a terminal. */
#include <string.h>

#include "util.h"
#include "tap.h"

static const struct {
	const char *in, *want;
	int flags;
	size_t used;	/* with AV_PARTIAL: bytes consumed (0: all) */
} cases[] = {
	{"plain text, é and ✓", "plain text, é and ✓", 0, 0},
	{"a\033]52;c;aGk=\007b", "a\\x1b]52;c;aGk=\\x07b", 0, 0},
	{"\033[2J", "\\x1b[2J", 0, 0},
	{"x\302\2332Jy", "x\\u009b2Jy", 0, 0},
	{"\302\200\302\237", "\\u0080\\u009f", 0, 0},
	{"del\177", "del\\x7f", 0, 0},
	{"lone \233 byte", "lone \\x9b byte", 0, 0},
	{"\300\257 overlong", "\\xc0\\xaf overlong", 0, 0},
	{"rtl \342\200\256x\342\201\246", "rtl \\u202ex\\u2066", 0, 0},
	{"two\nlines\tand tab", "two\nlines\tand tab", 0, 0},
	{"two\nlines\tand tab", "two\\nlines\\tand tab", AV_ONELINE, 0},
	{"crlf\r\nlone\rcr", "crlf\r\nlone\\x0dcr", 0, 0},
	{"crlf\r\n", "crlf\\x0d\\n", AV_ONELINE, 0},
	/* a stream cut in the middle of a sequence keeps the rest */
	{"ab\302", "ab", AV_PARTIAL, 2},
	{"ab\342\200", "ab", AV_PARTIAL, 2},
	{"ab\r", "ab", AV_PARTIAL, 2},
	{"ab\302", "ab\\xc2", 0, 0},
	{"ab\302x", "ab\\xc2x", AV_PARTIAL, 0},
};

int
main(void)
{
	struct aduan_buf b = {0};
	size_t i, used;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].in);

		aduan_buf_reset(&b);
		used = aduan_visible_n(&b, cases[i].in, n, cases[i].flags);
		is_str(b.s, cases[i].want, "case");
		is_int(used, cases[i].used ? cases[i].used : n, "bytes consumed");
	}
	aduan_buf_reset(&b);
	aduan_visible(&b, "a\033b\nc", 1);
	is_str(b.s, "a\\x1bb\\nc", "aduan_visible: one line");
	aduan_buf_reset(&b);
	aduan_json_quote(&b, "a\033b\302\233c\177", 7);
	is_str(b.s, "\"a\\u001bb\\u009bc\\u007f\"", "JSON: ESC, CSI and DEL as \\u escapes");
	aduan_buf_release(&b);
	return tap_done();
}
