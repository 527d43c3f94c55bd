/*
 * phone.c - phone numbers to E.164, and masked for exports.
 *
 * Accepted (Indonesia, country code 62, assumed when none is given):
 *
 *   0812-3456-7890  (0541) 123456  081234567890   trunk prefix 0
 *   +62 812 3456 7890  +62 (812) 3456-7890          country code
 *   +62 (0) 812 3456 7890                           "(0)" after a country code is dropped
 *   62812...  0062 812...                           without '+', or with the 00 prefix
 *   81234567890                                     a mobile (8...) written without any prefix
 *   +44 20 7946 0958                                foreign numbers, kept as they are
 *
 * Separators, ignored anywhere: space, tab, '.', '-', '/', one pair of
 * parentheses, no-break spaces (U+00A0, U+2007, U+202F), thin space
 * U+2009, the dashes U+2010..U+2015, and the invisible direction marks
 * that WhatsApp puts around numbers (U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069) and U+FEFF.
 *
 * Rejected: anything else (letters, '#', '*', ',', a '+' not at the
 * start), no digits, a national number starting with 0 after the
 * country code ("+620...", "620..."), a number without prefix that does
 * not start with 8 (a landline needs its area code with the 0), and a
 * number outside these lengths:
 *
 *   Indonesia: 8 to 12 digits after the 62.  8 is the shortest real
 *     number (a 3-digit area code and a 5-digit line, "(0627) 12345");
 *     12 the longest (13-digit mobiles "0812-3456-78901").  Short
 *     service numbers such as 112 are not reporters' phones.
 *   Elsewhere: 7 to 15 digits including the country code (E.164 allows
 *     at most 15).
 *
 * Carrier prefixes (001, 007, 008, 01017) are not understood: "00" is
 * taken as the international prefix, as ITU recommends.
 */
#include <stdint.h>
#include <string.h>

#include "aduan.h"
#include "phone.h"

#define MAXDIGITS 15

/* Length of an ignorable separator at s (n bytes left), or 0. */
static size_t
separator(const unsigned char *s, size_t n)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '.' || s[0] == '-' || s[0] == '/')
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;				/* U+00A0 */
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    (s[2] == 0x87 || s[2] == 0x89 ||		/* U+2007, U+2009 */
	    (s[2] >= 0x8e && s[2] <= 0x95) ||		/* U+200E, U+200F, U+2010..U+2015 */
	    (s[2] >= 0xaa && s[2] <= 0xaf)))		/* U+202A..U+202E, U+202F */
		return 3;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return 3;				/* U+2066..U+2069 */
	if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		return 3;				/* U+FEFF */
	return 0;
}

static int
bad(const char *s, const char *why)
{
	aduan_fail(ADUAN_DATAERR, "invalid phone number \"%.40s\": %s", s, why);
	return -1;
}

/*
 * The digits of s into d (NUL-terminated, d holds MAXDIGITS + 8 bytes),
 * separators dropped, and whether it began with '+'.  0, or -1 with the
 * reason when s is not written as a phone number.
 */
static int
scan(const char *s, char d[MAXDIGITS + 8], int *plus)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;
	size_t nd = 0, popen = 0;
	int paren = 0;	/* 0 none yet, 1 open, 2 closed */

	*plus = 0;
	while (i < n) {
		if ((k = separator(p + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if (p[i] >= '0' && p[i] <= '9') {
			if (nd >= MAXDIGITS + 7)
				return bad(s, "too many digits");
			d[nd++] = (char)p[i];
		} else if (p[i] == '+') {
			if (*plus || nd > 0 || paren != 0)
				return bad(s, "'+' in the middle");
			*plus = 1;
		} else if (p[i] == '(') {
			if (paren != 0)
				return bad(s, "more than one '('");
			paren = 1;
			popen = nd;
		} else if (p[i] == ')') {
			if (paren != 1)
				return bad(s, "')' without '('");
			if (nd == popen)
				return bad(s, "empty parentheses");
			paren = 2;
			/* "+62 (0) 812 ...": the trunk 0 written after a country code. */
			if (nd - popen == 1 && d[popen] == '0' && popen > 0 &&
			    (*plus || (popen > 2 && d[0] == '0' && d[1] == '0')))
				nd--;
		} else if (p[i] >= 0x20 && p[i] < 0x7f)
			return bad(s, (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ?
			    "letters are not allowed" : "unexpected character");
		else
			return bad(s, "unexpected character");
		i++;
	}
	d[nd] = '\0';
	if (paren == 1)
		return bad(s, "'(' without ')'");
	if (nd == 0)
		return bad(s, "no digits");
	return 0;
}

/* Whether the 8 bytes at s are all digits: each byte 0x30 to 0x3f, and
 * still so with 6 added (which then carries into no other byte). */
static int
eight_digits(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return (w & UINT64_C(0xf0f0f0f0f0f0f0f0)) == UINT64_C(0x3030303030303030) &&
	    ((w + UINT64_C(0x0606060606060606)) & UINT64_C(0xf0f0f0f0f0f0f0f0)) ==
	    UINT64_C(0x3030303030303030);
}

int
aduan_phone_is_e164(const char *s, size_t n)
{
	size_t i;

	/* '+', no 0 after it, and 7 to 15 digits (8 to 12 after a 62) */
	if (n < 8 || n > 16 || s[0] != '+' || s[1] == '0' ||
	    (s[1] == '6' && s[2] == '2' && (s[3] == '0' || n < 11 || n > 15)))
		return 0;
	if (n > 8)	/* the digits as two words of 8 that overlap */
		return eight_digits(s + 1) && eight_digits(s + n - 8);
	for (i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
aduan_phone_normalize(const char *s, char out[17])
{
	char d[MAXDIGITS + 8];
	int plus;
	const char *intl, *nat;
	size_t n = strlen(s);

	out[0] = '\0';
	if (aduan_phone_is_e164(s, n)) {	/* "+6281234567890" as stored: itself */
		memcpy(out, s, n + 1);
		return 0;
	}
	if (scan(s, d, &plus) != 0)
		return -1;
	intl = nat = NULL;
	if (plus)
		intl = d;
	else if (d[0] == '0' && d[1] == '0')
		intl = d + 2;
	else if (d[0] == '0')
		nat = d + 1;
	else if (d[0] == '6' && d[1] == '2')
		intl = d;
	else if (d[0] == '8')
		nat = d;
	else
		return bad(s, "no country code or leading 0");

	if (intl != NULL) {
		if (intl[0] == '\0')
			return bad(s, "no digits after the international prefix");
		if (intl[0] == '0')
			return bad(s, "a country code cannot start with 0");
		if (intl[0] == '6' && intl[1] == '2')
			nat = intl + 2;
		else {
			size_t len = strlen(intl);

			if (len < 7)
				return bad(s, "too few digits");
			if (len > MAXDIGITS)
				return bad(s, "more than 15 digits");
			out[0] = '+';
			memcpy(out + 1, intl, len + 1);
			return 0;
		}
	}
	if (nat[0] == '0')
		return bad(s, "0 after the country code 62");
	if (strlen(nat) < 8)
		return bad(s, "too few digits");
	if (strlen(nat) > 12)
		return bad(s, "too many digits for an Indonesian number");
	out[0] = '+';
	out[1] = '6';
	out[2] = '2';
	memcpy(out + 3, nat, strlen(nat) + 1);
	return 0;
}

/*
 * "+6281234567890" -> "+**********890": the mask keeps the number's
 * length and only its last three digits, which let a clerk tell two
 * callers apart on the phone without saying who they are.  Anything that
 * is not '+' and 7 to 15 digits is masked whole as "****"; NULL or ""
 * gives "".
 */
void
aduan_phone_mask(const char *e164, char out[17])
{
	size_t len, nd, i;

	out[0] = '\0';
	if (e164 == NULL || *e164 == '\0')
		return;
	len = strlen(e164);
	nd = len - 1;
	if (e164[0] != '+' || nd < 7 || nd > MAXDIGITS ||
	    strspn(e164 + 1, "0123456789") != nd) {
		strcpy(out, "****");
		return;
	}
	memcpy(out, e164, len + 1);
	for (i = 1; i < len - 3; i++)
		out[i] = '*';
}
