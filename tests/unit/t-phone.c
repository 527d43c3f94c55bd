/* t-phone.c - aduan_phone_normalize() and aduan_phone_mask(). */
#include <string.h>

#include "aduan.h"
#include "phone.h"
#include "tap.h"

/* The normalised number, or "ERR: message". */
static const char *
norm(const char *s)
{
	static char buf[1200];
	char out[17];

	memset(out, 'x', sizeof(out));
	if (aduan_phone_normalize(s, out) != 0) {
		snprintf(buf, sizeof(buf), "ERR: %s", aduan_errmsg());
		return buf;
	}
	snprintf(buf, sizeof(buf), "%s", out);
	return buf;
}

static const char *
mask(const char *s)
{
	static char out[17];

	memset(out, 'x', sizeof(out));
	aduan_phone_mask(s, out);
	return out;
}

/* Is the result an error whose message contains why? */
static int
rejected(const char *s, const char *why)
{
	const char *r = norm(s);

	return strncmp(r, "ERR: ", 5) == 0 && strstr(r, why) != NULL;
}

int
main(void)
{
	/* Indonesian mobiles in every common spelling. */
	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(norm(tr.col[1]), tr.col[2], tr.col[3]);
		else
			ok(rejected(tr.col[1], tr.col[2]), "%s", tr.col[3]);

	/* Return values; out is "" after a failure. */
	{
		char out[17];

		is_int(aduan_phone_normalize("0812-3456-7890", out), 0, "0 on success");
		is_int(aduan_phone_normalize("0812", out), -1, "-1 on failure");
		is_str(out, "", "out is empty after a failure");
	}

	/* The message names the input. */
	norm("0812-3456-abcd");
	is_str(aduan_errmsg(), "invalid phone number \"0812-3456-abcd\": letters are not allowed",
	    "error message");

	/* aduan_phone_is_e164 says yes just when the normaliser gives the
	 * number back as it is: prefixes, every length, and each byte next
	 * to the digits (or with the top bit) at each place. */
	{
		static const char *const pre[] = {"", "+", "+6", "+62", "+620", "+628", "+0",
		    "+1", "+44", "+9", "62", "0", NULL};
		static const char fill[] = "1908";
		static const unsigned char odd[] = {'/', ':', '?', '@', ' ', '-', '+', 0xb0, 0xb9,
		    0xf5, 0x3f, 0x06, 0};
		char s[64], out[17];
		size_t i, k, len, at, n, bad = 0, tried = 0;
		int yes;

		for (i = 0; pre[i] != NULL; i++)
			for (len = 0; len <= 18; len++)
				for (k = 0; fill[k] != '\0'; k++)
					for (at = 0; at <= len + strlen(pre[i]); at++) {
						n = strlen(pre[i]);
						memcpy(s, pre[i], n);
						memset(s + n, fill[k], len);
						s[n + len] = '\0';
						n += len;
						/* at n: the number as it is; else one byte changed */
						if (at < n && odd[at % (sizeof(odd) - 1)] != s[at])
							s[at] = (char)odd[at % (sizeof(odd) - 1)];
						yes = aduan_phone_normalize(s, out) == 0 && strcmp(out, s) == 0;
						bad += aduan_phone_is_e164(s, n) != yes;
						tried++;
					}
		ok(tried > 10000, "many numbers tried");
		is_int(bad, 0, "is_e164 agrees with the normaliser");
		ok(aduan_phone_is_e164("+6281234567890", 14), "a mobile in E.164");
		ok(aduan_phone_is_e164("+1234567", 8), "7 digits elsewhere");
		ok(!aduan_phone_is_e164("+628123456", 10), "too few after 62");
	}

	/* Masking. */
	for (tap_rows_open(&tr, "2"); tap_rows_next(&tr);)
		is_str(mask(tr.col[0]), tr.col[1], tr.col[2]);
	is_str(mask(norm("0812-3456-7890")), "+**********890", "normalise then mask");

	return tap_done();
}
