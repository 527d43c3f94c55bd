/*
 * t-check.c - a complaint's check (aduan_complaint_check): each case of
 * t-check.tab sets some fields of a complaint with the text "jalan
 * rusak" and checks it at a fixed time, then holds the first field's
 * value after the check and the message against the row.  The rows
 * follow each other as an import's records do (the check remembers the
 * day of the time before), and walk the fast ways of the check and
 * their edges: values already in the stored form, and values that only
 * look like it.  Also aduan_utf8_valid against texts made of pieces whose
 * validity is known, at every length and offset, and a field set again
 * and again into the string it had, or in place of a string of one's
 * own.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aduan.h"
#include "complaint.h"
#include "db.h"
#include "tap.h"
#include "util.h"

#define NOW 1767225600	/* 2026-01-01T00:00:00Z */

/* One row: field, value, [field, value ...], want (the first field
 * after the check, \N for none), message ("" for none). */
static void
check_row(struct aduan_db *db, struct aduan_complaint *c)
{
	int i, f, first = -1, rc;

	aduan_complaint_clear(c);
	aduan_complaint_sets(c, AF_BODY, "jalan rusak");
	for (i = 0; i + 3 < tr.ncol; i += 2) {
		if ((f = aduan_field_lookup(tr.col[i], strlen(tr.col[i]))) < 0) {
			ok(0, "no field %s", tr.col[i]);
			return;
		}
		if (first < 0)
			first = f;
		aduan_complaint_sets(c, f, tr.col[i + 1]);
	}
	rc = aduan_complaint_check(db, c, NOW);
	is_str(rc == 0 ? "" : aduan_errmsg(), tr.col[tr.ncol - 1], "the message");
	if (rc == 0)
		is_str(c->v[first], tr.col[tr.ncol - 2], aduan_fields[first].name);
}

/* Pieces of text, valid or not wherever they stand (the truncated one
 * only ends a text). */
static const struct {
	const char *s;
	int valid;
} piece[] = {
	{"a", 1}, {"jalan ", 1}, {"\xc3\xa9", 1}, {"\xe2\x82\xac", 1}, {"\xf0\x9f\x98\x80", 1},
	{"\xef\xbf\xbf", 1}, {"\xf4\x8f\xbf\xbf", 1},
	{"\xff", 0}, {"\xc0\xaf", 0}, {"\xc1\xbf", 0}, {"\xe0\x9f\xbf", 0}, {"\xed\xa0\x80", 0},
	{"\xf4\x90\x80\x80", 0}, {"\xf5\x80\x80\x80", 0}, {"\x80", 0}, {"\xc3\x28", 0},
};
#define NPIECE (sizeof(piece) / sizeof(piece[0]))

static void
utf8_texts(void)
{
	unsigned long seed = 12345;
	char s[200];
	size_t n, want, k;
	int round, bad = 0, at;
	unsigned b;

	for (round = 0; round < 20000; round++) {
		n = 0;
		want = (size_t)-1;
		/* mostly valid pieces, so that the invalid one falls anywhere */
		while (n < 120) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			k = (seed >> 33) % 64 < 62 ? (seed >> 40) % 7 : 7 + (seed >> 40) % (NPIECE - 7);
			if (!piece[k].valid && want == (size_t)-1)
				want = n;
			memcpy(s + n, piece[k].s, strlen(piece[k].s));
			n += strlen(piece[k].s);
			if ((seed >> 20) % 40 == 0)
				break;
		}
		at = (int)((seed >> 12) % 3);
		if (at == 0 && want == (size_t)-1) {	/* a sequence cut short at the end */
			want = n;
			memcpy(s + n, "\xe2\x82", 2);
			n += 2;
		}
		if (want == (size_t)-1)
			want = n;
		if (aduan_utf8_valid(s, n) != want && bad++ < 5)
			ok(0, "text %d (%zu bytes): valid up to %zu, not %zu", round, n, want,
			    aduan_utf8_valid(s, n));
	}
	ok(bad == 0, "aduan_utf8_valid on 20000 texts");
	/* every length and place of one byte from 0x80 up in ASCII (none
	 * is valid there, alone or before an 'x'): the ways of 32 and 16
	 * bytes, of two words that overlap (8 and 4 bytes), and of bytes,
	 * each seeing the top bit of every byte or not */
	bad = 0;
	for (n = 0; n <= 100; n++)
		for (k = 0; k <= n; k++)
			for (b = 0x80; b <= (k < n ? 0xff : 0x80); b++) {
				memset(s, 'x', n);
				if (k < n)
					s[k] = (char)b;
				if (aduan_utf8_valid(s, n) != k && bad++ < 5)
					ok(0, "%zu bytes, %#x at %zu: %zu", n, b, k,
					    aduan_utf8_valid(s, n));
			}
	ok(bad == 0, "aduan_utf8_valid at every length and place of every byte");
	/* a valid sequence, then a bad byte further on: the ASCII ways
	 * again after the sequence */
	bad = 0;
	for (n = 0; n <= 100; n++)
		for (k = 0; k + 4 <= n; k++)
			for (at = (int)k + 4; at <= (int)n; at++) {
				memset(s, 'x', n);
				memcpy(s + k, "\xf0\x9f\x98\x80", 4);
				if (at < (int)n)
					s[at] = (char)0xc3;	/* before an 'x' */
				if (aduan_utf8_valid(s, n) != (size_t)at && bad++ < 5)
					ok(0, "%zu bytes, U+1F600 at %zu, bad at %d: %zu", n, k, at,
					    aduan_utf8_valid(s, n));
			}
	ok(bad == 0, "aduan_utf8_valid after a sequence, at every length and place");
}

/* A field set, cleared and set again at every length up to twice its
 * first one: each time the value given, whichever string holds it. */
static void
set_again(void)
{
	struct aduan_complaint c;
	char text[200];
	size_t n, k;
	int bad = 0;

	memset(text, 'x', sizeof(text));
	aduan_complaint_init(&c);
	aduan_complaint_set(&c, AF_SOURCE, text, 60);
	for (n = 0; n < 120; n++) {
		text[n % 26] = (char)('a' + n % 26);
		aduan_complaint_clear(&c);
		if (c.v[AF_SOURCE] != NULL && bad++ < 5)
			ok(0, "cleared");
		aduan_complaint_set(&c, AF_SOURCE, text, n);
		if ((strlen(c.v[AF_SOURCE]) != n || memcmp(c.v[AF_SOURCE], text, n) != 0) && bad++ < 5)
			ok(0, "%zu bytes after a clear", n);
		aduan_complaint_set(&c, AF_SOURCE, text, 119 - n);	/* over what it holds */
		if ((strlen(c.v[AF_SOURCE]) != 119 - n ||
		    memcmp(c.v[AF_SOURCE], text, 119 - n) != 0) && bad++ < 5)
			ok(0, "%zu bytes over %zu", 119 - n, n);
	}
	ok(bad == 0, "a field set again at every length");
	aduan_complaint_sets(&c, AF_SOURCE, "  Forum Warga  ");
	aduan_complaint_set(&c, AF_SOURCE, c.v[AF_SOURCE] + 2, 5);	/* a part of itself */
	is_str(c.v[AF_SOURCE], "Forum", "a field set to a part of itself");
	/* every part of itself, the short ones moved inline (both ends
	 * read before either is written) */
	for (n = 0; n <= 40; n++)
		for (k = 0; k + n <= 40; k++) {
			aduan_complaint_sets(&c, AF_SOURCE, "abcdefghijklmnopqrstuvwxyz0123456789ABCD");
			aduan_complaint_set(&c, AF_SOURCE, c.v[AF_SOURCE] + k, n);
			if ((strlen(c.v[AF_SOURCE]) != n ||
			    memcmp(c.v[AF_SOURCE], "abcdefghijklmnopqrstuvwxyz0123456789ABCD" + k, n) != 0) &&
			    bad++ < 5)
				ok(0, "%zu bytes from %zu of itself: %s", n, k, c.v[AF_SOURCE]);
		}
	ok(bad == 0, "a field set to every part of itself");
	aduan_complaint_set(&c, AF_SOURCE, NULL, 0);
	ok(c.v[AF_SOURCE] == NULL, "a field set to NULL");
	/* strings of one's own given (freed by the complaint: valgrind
	 * and the sanitizers see any left or freed twice) */
	aduan_complaint_give(&c, AF_SOURCE, aduan_xstrdup("  Forum Warga  "));
	aduan_complaint_set(&c, AF_SOURCE, c.v[AF_SOURCE] + 2, 5);
	is_str(c.v[AF_SOURCE], "Forum", "a string of one's own set to a part of itself");
	aduan_complaint_give(&c, AF_CATEGORY, aduan_xstrdup("jalan"));
	aduan_complaint_give(&c, AF_LOCATION, aduan_xstrdup("Jl. Bhayangkara"));
	aduan_complaint_clear(&c);
	ok(c.v[AF_CATEGORY] == NULL && c.v[AF_LOCATION] == NULL, "strings of one's own cleared");
	aduan_complaint_sets(&c, AF_CATEGORY, "air");	/* into the string it had */
	aduan_complaint_sets(&c, AF_LOCATION, "Jl. Bhayangkara No. 74, Bontang Utara");
	is_str(c.v[AF_CATEGORY], "air", "a field set after a string of one's own");
	is_str(c.v[AF_LOCATION], "Jl. Bhayangkara No. 74, Bontang Utara",
	    "a field set longer after a string of one's own");
	aduan_complaint_give(&c, AF_RT, aduan_xstrdup("005"));
	aduan_complaint_set(&c, AF_RT, NULL, 0);
	ok(c.v[AF_RT] == NULL, "a string of one's own set to NULL");
	aduan_complaint_give(&c, AF_RT, aduan_xstrdup("007"));
	aduan_complaint_give(&c, AF_AGENCY, aduan_xstrdup("PUPR"));
	aduan_complaint_set(&c, AF_AGENCY, "a longer name than it had", 25);
	is_str(c.v[AF_AGENCY], "a longer name than it had", "a string of one's own set longer");
	aduan_complaint_release(&c);
}

int
main(void)
{
	struct aduan_db *db = NULL;
	struct aduan_complaint c;
	char dir[] = "/tmp/t-check.XXXXXX", path[64];

	setenv("TZ", "Asia/Makassar", 1);
	tzset();
	utf8_texts();
	set_again();
	tap_scratch(dir, path, sizeof(path));
	ok(aduan_db_open(&db, path, ADUAN_CREATE) == 0, "a database: %s", aduan_errmsg());
	if (db == NULL)
		return tap_done();
	aduan_complaint_init(&c);
	for (tap_rows_open(&tr, "check"); tap_rows_next(&tr);)
		check_row(db, &c);
	aduan_complaint_release(&c);
	aduan_db_close(db);
	tap_scratch_remove(dir);
	return tap_done();
}
