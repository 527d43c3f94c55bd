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

	/* Masking. */
	for (tap_rows_open(&tr, "2"); tap_rows_next(&tr);)
		is_str(mask(tr.col[0]), tr.col[1], tr.col[2]);
	is_str(mask(norm("0812-3456-7890")), "+**********890", "normalise then mask");

	return tap_done();
}
