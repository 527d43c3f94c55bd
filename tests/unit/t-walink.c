/*
 * t-walink.c - a message's name and text as the WhatsApp parser copies
 * them 16 bytes at a time, looking for "ht" on the way (the quick way),
 * against the same read with memcpy and a search of every text for
 * "http" (the plain way, aduan_wa_plain_text): texts of every length to
 * 80 with a maps link at every place, "h" and "t" around it (and, in a
 * third of them, "htt" too), names of every length to 33, in one chat
 * and each message alone (its line the last of the file, with nothing
 * read ahead behind it); names with "~" and spaces; names that are not
 * plain ASCII (the quick way checks them as it copies them).
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "util.h"
#include "whatsapp.h"
#include "tap.h"

#define LINK "http://goo.gl/?q=1,2"	/* 20 bytes: latitude 1, longitude 2 */
#define LINK_LEN 20
#define MAXLEN 80

/* A reader of s[0..n) (its file in *fp), read in order (DMY). */
static struct aduan_wa *
reader(const char *s, size_t n, FILE **fp)
{
	struct aduan_wa *w = NULL;

	*fp = tmpfile();
	fwrite(s, 1, n, *fp);
	rewind(*fp);
	if (aduan_wa_open(&w, *fp, "mem", AWA_DMY) != 0)
		w = NULL;
	return w;
}

static int
same_msg(const struct aduan_wa_msg *a, const struct aduan_wa_msg *b)
{
	return a->author_len == b->author_len && (a->author == NULL) == (b->author == NULL) &&
	    (a->author == NULL || strcmp(a->author, b->author) == 0) &&
	    a->body_len == b->body_len && memcmp(a->body, b->body, a->body_len) == 0 &&
	    a->body[a->body_len] == '\0' && a->text_len == b->text_len &&
	    memcmp(a->text, b->text, a->text_len) == 0 && a->kind == b->kind &&
	    a->has_location == b->has_location && a->lat == b->lat && a->lon == b->lon;
}

/*
 * Whether the chat s reads alike both ways, two readers side by side
 * (the first difference told); *msgs: its messages, *located: those
 * found to hold LINK (latitude 1, longitude 2), *wrong: those said to
 * hold a link that hold no "http".
 */
static int
both_ways(const char *s, size_t n, size_t *msgs, size_t *located, size_t *wrong)
{
	struct aduan_wa *q, *p;
	struct aduan_wa_msg a, b;
	FILE *qf, *pf;
	int rq, rp, good;

	q = reader(s, n, &qf);
	p = reader(s, n, &pf);
	good = q != NULL && p != NULL;
	*msgs = *located = *wrong = 0;
	while (good) {
		aduan_wa_plain_text(0);
		rq = aduan_wa_next(q, &a);
		aduan_wa_plain_text(1);
		rp = aduan_wa_next(p, &b);
		aduan_wa_plain_text(0);
		if (rq != rp || rq != 1) {
			good = rq == 0 && rp == 0;
			break;
		}
		++*msgs;
		*located += a.has_location && a.lat == 1 && a.lon == 2;
		*wrong += a.has_location && strstr(a.body, "http") == NULL;
		if (!same_msg(&a, &b)) {
			printf("#   message %zu: quick '%s' '%s' location %d, plain '%s' '%s' location %d\n",
			    *msgs, a.author ? a.author : "(none)", a.body, a.has_location,
			    b.author ? b.author : "(none)", b.body, b.has_location);
			good = 0;
		}
	}
	aduan_wa_close(q);
	aduan_wa_close(p);
	fclose(qf);
	fclose(pf);
	return good;
}

/*
 * The message of case (len, at, how): a name of 1 to 33 bytes, a text
 * of len bytes with LINK at at (none when at + LINK_LEN > len) and "h"
 * and "t" before and after it, no "ht" but the link's; with how 1, the
 * link on a line of its own after the text as well; with how 2, "htt"
 * around the link.  Returns the line's bytes.
 */
static size_t
message(char *out, size_t len, size_t at, int how)
{
	static const char *const fillers[] = { "h th tp hh a ", "h th tp hh a ", "htt tp h " };
	const char *filler = fillers[how];
	char name[40], text[MAXLEN + 1];
	size_t i, k, nlen = (len * 7 + at) % 33 + 1;

	for (i = 0; i < nlen; i++)
		name[i] = "Budi h t"[i % 8];
	name[0] = 'B';
	name[nlen] = '\0';
	for (i = 0; i < len; i++)
		text[i] = filler[(i + at) % strlen(filler)];
	text[0] = 'x';	/* (no line of the catalogue) */
	if (at + LINK_LEN <= len)
		memcpy(text + at, LINK, LINK_LEN);
	text[len] = '\0';
	k = (size_t)sprintf(out, "14/11/24 09.%02zu - %s: %s\n", len % 60, name, text);
	if (how == 1)
		k += (size_t)sprintf(out + k, "%s\n", LINK);
	return k;
}

/* A name's "~" and the spaces after it are left out, other spaces kept
 * but at its end. */
static void
tildes(void)
{
	static const char *const names[][2] = {
		{ "~ Budi", "Budi" }, { "~Budi", "Budi" }, { "~  Budi", "Budi" }, { " Budi", " Budi" },
		{ "~", "" }, { "~ ", "" }, { "Budi ~ ", "Budi ~" }, { "B", "B" },
		{ "~ Budi Santoso Wicaksono Pratama", "Budi Santoso Wicaksono Pratama" },
	};
	struct aduan_wa *w;
	struct aduan_wa_msg m;
	char line[128];
	FILE *fp;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(line, sizeof(line), "14/11/24 09.15 - %s: x\n14/11/24 09.16 - Ani: y\n",
		    names[i][0]);
		w = reader(line, strlen(line), &fp);
		ok(w != NULL && aduan_wa_next(w, &m) == 1 && m.author != NULL &&
		    strcmp(m.author, names[i][1]) == 0 && m.author_len == strlen(names[i][1]),
		    "the name '%s' is '%s'", names[i][0], names[i][1]);
		aduan_wa_close(w);
		fclose(fp);
	}
}

/* bytes not plain, "\0" standing for a NUL */
static const char *const odd[] = {
	"", "\"", "\\0", "\xe2\x80\x8e", "\xc2\xa0", "\xc3\xa9", "\x80", "\xff",
};
static const char *const around[][2] = {
	{ "", "" }, { "~ ", "" }, { "~", " " }, { "~  ", "  " }, { " ", "" },
};

static size_t
put(char *out, size_t k, const char *s)
{
	if (strcmp(s, "\\0") == 0) {
		out[k] = '\0';
		return k + 1;
	}
	memcpy(out + k, s, strlen(s));
	return k + strlen(s);
}

/* The line of a name of len bytes with odd[o] before its byte at (none
 * with o 0), inside around[r]: its bytes. */
static size_t
name_line(char *out, size_t len, size_t at, size_t o, size_t r)
{
	size_t i, k = (size_t)sprintf(out, "14/11/24 09.%02zu - ", len % 60);

	k = put(out, k, around[r][0]);
	for (i = 0; i < len; i++) {
		if (i == at)
			k = put(out, k, odd[o]);
		out[k++] = "Budi Sa"[i % 7];
	}
	k = put(out, k, around[r][1]);
	return put(out, k, ": x\n");
}

/*
 * Names of every length to 70 with a byte that is not plain (a quotation
 * mark, a NUL, U+200E, U+00A0, an "é", a lone 0x80 or 0xff; the quick
 * way checks for them as it copies) at every place or none, "~" and
 * spaces before and after, in one chat, and alone when that byte is
 * first or last.
 */
static void
odd_names(void)
{
	struct aduan_buf all = { 0 };
	char line[256];
	size_t len, at, k, r, n, msgs, located, wrong, cases = 0;
	int alone = 1;

	for (r = 0; r < sizeof(around) / sizeof(around[0]); r++)
		for (k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
			for (len = 1; len <= 70; len++)
				for (at = 0; at < (k == 0 ? 1 : len); at++) {
					n = name_line(line, len, at, k, r);
					aduan_buf_add(&all, line, n);
					cases++;
					if (alone && (at == 0 || at + 1 == len) &&
					    !both_ways(line, n, &msgs, &located, &wrong)) {
						printf("#   alone: %.*s", (int)n, line);
						alone = 0;
					}
				}
	ok(alone, "names not plain: each of the %zu messages alone reads alike both ways",
	    cases);
	ok(both_ways(all.s, all.len, &msgs, &located, &wrong) && msgs == cases,
	    "names not plain: %zu messages in one chat read alike both ways", cases);
	aduan_buf_release(&all);
}

int
main(void)
{
	struct aduan_buf all = { 0 };
	char line[256];
	size_t len, at, n, msgs, located, wrong, cases = 0, want = 0;
	int how, alone = 1;

	for (how = 0; how <= 2; how++)
		for (len = 0; len <= MAXLEN; len++)
			for (at = 0; at <= (len > LINK_LEN ? len - LINK_LEN + 1 : 0); at++) {
				n = message(line, len, at, how);
				aduan_buf_add(&all, line, n);
				want += how == 1 || at + LINK_LEN <= len;
				cases++;
				if (alone && !both_ways(line, n, &msgs, &located, &wrong)) {
					printf("#   alone: %.*s", (int)n, line);
					alone = 0;
				}
			}
	ok(alone, "each of %zu messages alone reads alike both ways", cases);
	ok(both_ways(all.s, all.len, &msgs, &located, &wrong) && msgs == cases,
	    "%zu messages in one chat read alike both ways", cases);
	ok(located == want && wrong == 0, "a link found in %zu messages (%zu hold one)", located,
	    want);
	aduan_buf_release(&all);
	tildes();
	odd_names();
	return tap_done();
}
