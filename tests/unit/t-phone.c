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
	is_str(norm("0812-3456-7890"), "+6281234567890", "0812-3456-7890");
	is_str(norm("081234567890"), "+6281234567890", "081234567890");
	is_str(norm("+62 812 3456 7890"), "+6281234567890", "+62 812 3456 7890");
	is_str(norm("+62-812-3456-7890"), "+6281234567890", "+62-812-3456-7890");
	is_str(norm("+6281234567890"), "+6281234567890", "already E.164");
	is_str(norm("6281234567890"), "+6281234567890", "62 without +");
	is_str(norm("62 812 3456 7890"), "+6281234567890", "62 with spaces");
	is_str(norm("0062 812 3456 7890"), "+6281234567890", "0062 international prefix");
	is_str(norm("+62 (812) 3456-7890"), "+6281234567890", "+62 (812) 3456-7890");
	is_str(norm("+62 (0) 812 3456 7890"), "+6281234567890", "+62 (0) 812: trunk 0 dropped");
	is_str(norm("+62(0)81234567890"), "+6281234567890", "+62(0)8...");
	is_str(norm("0062 (0) 812 3456 7890"), "+6281234567890", "0062 (0) 812");
	is_str(norm("0812.3456.7890"), "+6281234567890", "dots");
	is_str(norm("0812/3456/7890"), "+6281234567890", "slashes");
	is_str(norm("0812\xc2\xa0" "3456\xc2\xa0" "7890"), "+6281234567890", "no-break spaces");
	is_str(norm("0812\xe2\x80\xaf" "3456\xe2\x80\x87" "7890"), "+6281234567890",
	    "narrow no-break and figure spaces");
	is_str(norm("0812\xe2\x80\x93" "3456\xe2\x80\x91" "7890"), "+6281234567890",
	    "en dash and non-breaking hyphen");
	is_str(norm("\xe2\x80\xaa+62 812-3456-7890\xe2\x80\xac"), "+6281234567890",
	    "WhatsApp's U+202A ... U+202C around the number");
	is_str(norm("\xe2\x80\x8e+62 812-3456-7890"), "+6281234567890", "U+200E mark");
	is_str(norm("  0812 3456 7890\t"), "+6281234567890", "surrounding blanks");
	is_str(norm("81234567890"), "+6281234567890", "a mobile without any prefix");
	is_str(norm("812-3456-7890"), "+6281234567890", "a mobile without prefix, dashed");
	is_str(norm("0811234567"), "+62811234567", "10-digit old mobile (8 after 62: 9 digits)");
	is_str(norm("0812-3456-78901"), "+62812345678901", "13-digit mobile (12 after 62)");

	/* Landlines. */
	is_str(norm("(0541) 123456"), "+62541123456", "(0541) 123456, Samarinda");
	is_str(norm("(0548) 21234"), "+6254821234", "(0548) 21234, Bontang 5-digit line");
	is_str(norm("0548-21234"), "+6254821234", "0548-21234");
	is_str(norm("(021) 1234-5678"), "+622112345678", "Jakarta, 8-digit line");
	is_str(norm("+62 21 1234 5678"), "+622112345678", "Jakarta with country code");
	is_str(norm("(0627) 12345"), "+6262712345", "shortest: 8 digits after 62");

	/* Foreign numbers are kept. */
	is_str(norm("+44 20 7946 0958"), "+442079460958", "+44 20 7946 0958");
	is_str(norm("+44 (0)20 7946 0958"), "+442079460958", "UK (0) trunk notation");
	is_str(norm("0044 20 7946 0958"), "+442079460958", "0044 prefix");
	is_str(norm("+60 12-345 6789"), "+60123456789", "Malaysia");
	is_str(norm("+1 (212) 555-0100"), "+12125550100", "NANP with parentheses");
	is_str(norm("+683 1234"), "+6831234", "7 digits (Niue) is the foreign minimum");
	is_str(norm("+123456789012345"), "+123456789012345", "15 digits is the E.164 maximum");

	/* Rejected. */
	ok(rejected("", "no digits"), "empty");
	ok(rejected("   ", "no digits"), "blank");
	ok(rejected("+", "no digits"), "+ alone");
	ok(rejected("()", "empty parentheses"), "()");
	ok(rejected("0812-3456-abcd", "letters"), "letters");
	ok(rejected("0812 3456 7890 ext 12", "letters"), "extension");
	ok(rejected("tel:+6281234567890", "letters"), "tel: URI");
	ok(rejected("0812#3456", "unexpected character"), "#");
	ok(rejected("0812,3456,7890", "unexpected character"), "commas");
	ok(rejected("0812 3456 7890\n", "unexpected character"), "newline");
	ok(rejected("0812\xc3\xa9" "34567890", "unexpected character"), "a non-separator non-ASCII");
	ok(rejected("0812+34567890", "'+' in the middle"), "+ in the middle");
	ok(rejected("++6281234567890", "'+' in the middle"), "two +");
	ok(rejected("(0541 123456", "'(' without ')'"), "unclosed (");
	ok(rejected("0541) 123456", "')' without '('"), ") without (");
	ok(rejected("(0541) (12) 3456", "more than one '('"), "two pairs");
	ok(rejected("+620812345678", "0 after the country code 62"), "+620...");
	ok(rejected("620812345678", "0 after the country code 62"), "620...");
	ok(rejected("00620812345678", "0 after the country code 62"), "00620...");
	ok(rejected("+62 (0812) 3456 7890", "0 after the country code 62"), "+62 (0812)");
	ok(rejected("+0812345678", "country code cannot start with 0"), "+0...");
	ok(rejected("000812345678", "country code cannot start with 0"), "000...");
	ok(rejected("00", "no digits after the international prefix"), "00 alone");
	ok(rejected("0812345", "too few digits"), "7 digits after 62");
	ok(rejected("081234", "too few digits"), "0812 34");
	ok(rejected("+62 8123 456", "too few digits"), "+62 and 7 digits");
	ok(rejected("112", "no country code"), "112 emergency");
	ok(rejected("0", "too few digits"), "0 alone");
	ok(rejected("0812-3456-789012", "too many digits for an Indonesian"), "13 digits after 62");
	ok(rejected("+44 123", "too few digits"), "+44 123");
	ok(rejected("+1234567890123456", "more than 15 digits"), "16 digits");
	ok(rejected("12345678901234567890123456789", "too many digits"), "a very long number");
	ok(rejected("21 1234 5678", "no country code or leading 0"), "landline without its 0");
	ok(rejected("541123456", "no country code or leading 0"), "area code without 0");
	ok(rejected("0541) 1234 (56", "')' without '('"), ") before (");

	ok(rejected("+62", "too few digits"), "+62 alone");

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
	is_str(mask("+6281234567890"), "+**********890", "13 digits: the last 3 shown");
	is_str(mask("+62812345678901"), "+***********901", "14 digits");
	is_str(mask("+628112345678"), "+*********678", "12 digits");
	is_str(mask("+62541123456"), "+********456", "11 digits (landline)");
	is_str(mask("+442079460958"), "+*********958", "UK");
	is_str(mask("+123456789012345"), "+************345", "15 digits");
	is_str(mask("+6831234"), "+****234", "7 digits");
	is_str(mask("+123456"), "****", "too short: all masked");
	is_str(mask("+1234567890123456"), "****", "too long: all masked");
	is_str(mask("081234567890"), "****", "not E.164: all masked");
	is_str(mask("+62812-3456"), "****", "non-digits: all masked");
	is_str(mask(""), "", "empty stays empty");
	is_str(mask(NULL), "", "NULL gives empty");
	is_str(mask(norm("0812-3456-7890")), "+**********890", "normalise then mask");

	return tap_done();
}
