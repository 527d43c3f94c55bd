/*
 * t-quote.c - aduan_move against memmove, aduan_same_bytes against memcmp; aduan_buf_printf's own way with formats of text and "%s"
 * against snprintf, and aduan_json_quote of texts made of pieces (a
 * character each, or a byte that is none) against the pieces quoted one
 * by one: a run of plain text added at once must end where the piece
 * that is escaped begins.
 */
#include <stdio.h>
#include <string.h>

#include "aduan.h"
#include "tap.h"
#include "util.h"

static unsigned long long seed = 0x9e3779b97f4a7c15ULL;

static unsigned
next(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Each format with its strings, as snprintf writes it and as aduan_buf_printf. */
static void
formats(void)
{
	static const char *const fmt[] = {"", "abc", "%s", "\"%s\":", "%s%s", "a%sb%sc", "%s%s%s",
	    "%d", "%%s", "%5s", "%.2s", "x%sy%%z", NULL};
	static const char *const arg[] = {"", "k", "received_at", "jalan \"rusak\"",
	    "a text longer than a buffer's first sixteen bytes, to make it grow", NULL};
	const char *volatile none = NULL;
	const char *a[3];
	char want[512];
	struct aduan_buf b = {0};
	int i, k, bad = 0, tried = 0;

	for (i = 0; fmt[i] != NULL; i++)
		for (k = 0; k < 200; k++) {
			a[0] = next(6) == 5 ? none : arg[next(5)];
			a[1] = next(6) == 5 ? none : arg[next(5)];
			a[2] = next(6) == 5 ? none : arg[next(5)];
			if (strcmp(fmt[i], "%d") == 0) {
				snprintf(want, sizeof(want), "pre%d", k);
				aduan_buf_reset(&b);
				aduan_buf_adds(&b, "pre");
				aduan_buf_printf(&b, "%d", k);
			} else {
				snprintf(want, sizeof(want), fmt[i], a[0], a[1], a[2]);
				aduan_buf_reset(&b);
				if (k % 2)
					aduan_buf_adds(&b, "pre");
				aduan_buf_printf(&b, fmt[i], a[0], a[1], a[2]);
				if (k % 2) {	/* after what the buffer had */
					memmove(b.s, b.s + 3, b.len - 2);
					b.len -= 3;
				}
			}
			if (b.s == NULL || strcmp(b.s, want) != 0 || strlen(b.s) != b.len) {
				if (bad++ < 3)
					printf("# \"%s\": got \"%s\", want \"%s\"\n", fmt[i], b.s, want);
			}
			tried++;
		}
	ok(bad == 0, "aduan_buf_printf writes what snprintf writes");
	ok(tried == 2400, "formats tried");
	aduan_buf_release(&b);
	aduan_buf_printf(&b, "%s", "");
	ok(b.s != NULL && b.len == 0, "an empty format still makes the string");
	aduan_buf_release(&b);
}

/* Texts of pieces, quoted whole and piece by piece. */
static void
quotes(void)
{
	static const char *const piece[] = {"a", "Jl. Bhayangkara ", "\"", "\\", "\n", "\t", "\r",
	    "\001", "\037", "\177", " ", "~", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
	    "\xc2\x80", "\xc2\x9b", "\xc2\x9f", "\xc2\xa0", "\xff", "\x80", "\xc0\xaf", "/", "}",
	    NULL};
	struct aduan_buf whole = {0}, parts = {0}, one = {0};
	char text[256];
	size_t n, k, len;
	int t, bad = 0;

	for (n = 0; piece[n] != NULL; n++)
		;
	for (t = 0; t < 20000; t++) {
		len = 0;
		aduan_buf_reset(&parts);
		aduan_buf_addc(&parts, '"');
		for (k = next(12); k > 0; k--) {
			const char *p = piece[next(4) ? next(3) == 0 ? 1 : 0 : next((unsigned)n)];

			memcpy(text + len, p, strlen(p));
			len += strlen(p);
			aduan_buf_reset(&one);
			aduan_json_quote(&one, p, strlen(p));
			aduan_buf_add(&parts, one.s + 1, one.len - 2);
		}
		aduan_buf_addc(&parts, '"');
		aduan_buf_reset(&whole);
		aduan_json_quote(&whole, text, len);
		bad += strcmp(whole.s, parts.s) != 0 || whole.len != parts.len;
	}
	ok(bad == 0, "a text quoted whole as its pieces one by one");
	/* and each piece as JSON writes it */
	{
		static const char *const want[] = {"a", "Jl. Bhayangkara ", "\\\"", "\\\\",
		    "\\n", "\\t", "\\r", "\\u0001", "\\u001f", "\\u007f", " ", "~",
		    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\\u0080", "\\u009b",
		    "\\u009f", "\xc2\xa0", "\\ufffd", "\\ufffd", "\\ufffd\\ufffd", "/", "}"};

		for (k = 0, bad = 0; k < n; k++) {
			aduan_buf_reset(&one);
			aduan_json_quote(&one, piece[k], strlen(piece[k]));
			if (one.len != strlen(want[k]) + 2 ||
			    memcmp(one.s + 1, want[k], one.len - 2) != 0)
				bad++;
		}
		ok(bad == 0 && n == sizeof(want) / sizeof(want[0]), "each piece quoted");
	}
	aduan_buf_reset(&whole);
	aduan_json_quote(&whole, "Jl. \"A\"\\b\n\xc2\x9b\xff\xc3\xa9 ok", 18);
	is_str(whole.s, "\"Jl. \\\"A\\\"\\\\b\\n\\u009b\\ufffd\xc3\xa9 ok\"", "a text quoted");
	aduan_buf_release(&whole);
	aduan_buf_release(&parts);
	aduan_buf_release(&one);
}

/* aduan_move against memmove, at every length to 40 and every overlap
 * either way. */
static void
moves(void)
{
	char a[128], b[128];
	int n, off, i, bad = 0;

	for (n = 0; n <= 40; n++)
		for (off = -20; off <= 20; off++) {
			for (i = 0; i < 128; i++)
				a[i] = b[i] = (char)('a' + i % 26 + (i / 26) * 3);
			aduan_move(a + 40 + off, a + 40, (size_t)n);
			memmove(b + 40 + off, b + 40, (size_t)n);
			bad += memcmp(a, b, sizeof(a)) != 0;
		}
	ok(bad == 0, "aduan_move moves as memmove does");
}

/* aduan_same_bytes against memcmp: two equal strings of every length to
 * 40, each then differing at every place in turn. */
static void
sames(void)
{
	char a[48], b[48];
	int n, at, bad = 0, tried = 0;

	for (n = 0; n <= 40; n++) {
		memset(a, 'x', sizeof(a));
		memset(b, 'x', sizeof(b));
		bad += aduan_same_bytes(a, b, (size_t)n) != 1;
		for (at = 0; at < n; at++) {
			b[at] = 'y';
			bad += aduan_same_bytes(a, b, (size_t)n) != (memcmp(a, b, (size_t)n) == 0);
			bad += aduan_same_bytes(a, b, (size_t)n) != 0;
			b[at] = 'x';
			tried++;
		}
		b[n] = 'y';	/* past the end: not compared */
		bad += aduan_same_bytes(a, b, (size_t)n) != 1;
	}
	ok(bad == 0, "aduan_same_bytes tells what memcmp tells");
	ok(tried == 820, "places tried");
}

int
main(void)
{
	moves();
	sames();
	formats();
	quotes();
	return tap_done();
}
