/* t-json.c - aduan_json_object(): one flat JSON object per call. */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "json.h"
#include "util.h"
#include "tap.h"

static struct aduan_buf got;
static int calls, stop_at;

/* Collect members as key=T:value; with T one of n f t # s. */
static int
collect(const char *key, size_t klen, enum aduan_json_type t, const char *val, size_t vlen,
    void *arg)
{
	static const char tc[] = { 'n', 'f', 't', '#', 's' };

	calls++;
	if (strlen(key) != klen)
		aduan_buf_adds(&got, "[klen mismatch]");
	if (t == AJ_NULL && (val != NULL || vlen != 0))
		aduan_buf_adds(&got, "[null with a value]");
	if (val != NULL && (strlen(val) != vlen || val[vlen] != '\0'))
		aduan_buf_adds(&got, "[vlen mismatch]");
	aduan_buf_add(&got, key, klen);
	aduan_buf_addc(&got, '=');
	aduan_buf_addc(&got, tc[t]);
	aduan_buf_addc(&got, ':');
	if (val != NULL)
		aduan_buf_add(&got, val, vlen);
	aduan_buf_addc(&got, ';');
	if (stop_at != 0 && calls == stop_at) {
		aduan_fail(ADUAN_DATAERR, "stopped by the callback");
		return 1;
	}
	return 0;
}

/* The members, or "ERR: message". */
static const char *
parsen(const char *s, size_t n)
{
	aduan_buf_reset(&got);
	aduan_buf_add(&got, "", 0);
	calls = 0;
	if (aduan_json_object(s, n, collect, NULL) != 0) {
		if (calls != 0)
			return "ERR after callbacks";
		aduan_buf_reset(&got);
		aduan_buf_adds(&got, "ERR: ");
		aduan_buf_adds(&got, aduan_errmsg());
	}
	return got.s;
}

static const char *
parse(const char *s)
{
	return parsen(s, strlen(s));
}

int
main(void)
{
	char big[300];
	struct aduan_buf b = { 0 };
	int i;

	/* The shapes of an object. */
	is_str(parse("{}"), "", "empty object");
	is_str(parse(" \t\r\n{ \t\r\n} \t\r\n"), "", "whitespace everywhere");
	is_str(parse("{\"a\":\"x\"}"), "a=s:x;", "one string member");
	is_str(parse("{ \"a\" : 1 , \"b\" : \"two\" }"), "a=#:1;b=s:two;", "spaces around : and ,");
	is_str(parse("{\"t\":true,\"f\":false,\"n\":null}"), "t=t:true;f=f:false;n=n:;",
	    "true, false, null");
	is_str(parse("{\"id\":42,\"body\":\"jalan rusak\",\"lat\":0.1316,\"anonymous\":false}\n"),
	    "id=#:42;body=s:jalan rusak;lat=#:0.1316;anonymous=f:false;", "an export line with LF");
	is_str(parse("{\"a\":1}\r\n"), "a=#:1;", "CRLF line end");
	is_str(parse("{\"\":\"empty key\"}"), "=s:empty key;", "empty key is JSON");
	is_str(parse("{\"a\":\"\"}"), "a=s:;", "empty string value");

	/* Escapes. */
	is_str(parse("{\"a\":\"q\\\"b\\\\s\\/\"}"), "a=s:q\"b\\s/;", "\\\" \\\\ \\/");
	is_str(parse("{\"a\":\"\\b\\f\\n\\r\\t\"}"), "a=s:\b\f\n\r\t;", "\\b \\f \\n \\r \\t");
	is_str(parse("{\"a\":\"\\u0041\\u00e9\\u00E9\"}"), "a=s:A\xc3\xa9\xc3\xa9;",
	    "\\u escapes, both cases of hex");
	is_str(parse("{\"a\":\"\\u20ac\"}"), "a=s:\xe2\x82\xac;", "\\u20ac is the euro sign");
	is_str(parse("{\"a\":\"\\ud83d\\ude00\"}"), "a=s:\xf0\x9f\x98\x80;",
	    "surrogate pair becomes one 4-byte character");
	is_str(parse("{\"a\":\"\\uDBFF\\uDFFF\"}"), "a=s:\xf4\x8f\xbf\xbf;", "U+10FFFF via surrogates");
	is_str(parse("{\"a\":\"\\u0001\\u001f\\u007f\"}"), "a=s:\x01\x1f\x7f;",
	    "escaped control characters are fine");
	is_str(parse("{\"k\\u0065y\":1}"), "key=#:1;", "escapes in keys are decoded");
	is_str(parse("{\"a\":\"x\\q\"}"), "ERR: bad escape \\q at byte 8", "bad escape \\q, its position");
	is_str(parse("{\"a\":\"\\x41\"}"), "ERR: bad escape \\x at byte 7", "\\x is not JSON");
	is_str(parse("{\"a\":\"\\'\"}"), "ERR: bad escape \\' at byte 7", "\\' is not JSON");
	is_str(parse("{\"a\":\"\\\x01\"}"), "ERR: bad escape \\ followed by byte 0x01 at byte 7",
	    "backslash before a control byte");
	is_str(parse("{\"a\":\"\\u12\"}"), "ERR: bad \\u escape at byte 7: four hex digits wanted",
	    "short \\u");
	is_str(parse("{\"a\":\"\\u12g4\"}"), "ERR: bad \\u escape at byte 7: four hex digits wanted",
	    "non-hex in \\u");
	is_str(parse("{\"a\":\"\\ud83d\"}"), "ERR: lone surrogate \\ud83d at byte 7",
	    "high surrogate at the end of a string");
	is_str(parse("{\"a\":\"\\ud83dx\"}"), "ERR: lone surrogate \\ud83d at byte 7",
	    "high surrogate then a plain character");
	is_str(parse("{\"a\":\"\\ud83d\\u0041\"}"), "ERR: lone surrogate \\ud83d at byte 7",
	    "high surrogate then a non-surrogate escape");
	is_str(parse("{\"a\":\"\\ud83d\\ud83d\"}"), "ERR: lone surrogate \\ud83d at byte 7",
	    "two high surrogates");
	is_str(parse("{\"a\":\"\\ude00\"}"), "ERR: lone surrogate \\ude00 at byte 7",
	    "low surrogate alone");
	is_str(parse("{\"a\":\"\\ude00\\ud83d\"}"), "ERR: lone surrogate \\ude00 at byte 7",
	    "surrogates in the wrong order");
	is_str(parse("{\"a\":\"\\ud83d\\"), "ERR: lone surrogate \\ud83d at byte 7",
	    "input ends inside the pair");
	/* Keys and values are C strings: \u0000 would cut them short. */
	is_str(parse("{\"a\":\"x\\u0000y\"}"), "ERR: \\u0000 at byte 8 is not supported",
	    "\\u0000 is rejected");
	is_str(parse("{\"\\u0000\":1}"), "ERR: \\u0000 at byte 3 is not supported",
	    "\\u0000 in a key is rejected");

	/* Raw bytes in strings. */
	is_str(parse("{\"a\":\"tab\there\"}"), "ERR: control character 0x09 in string at byte 10",
	    "raw tab in a string");
	is_str(parse("{\"a\":\"line\nbreak\"}"), "ERR: control character 0x0a in string at byte 11",
	    "raw newline in a string");
	is_str(parsen("{\"a\":\"x\0y\"}", 11), "ERR: control character 0x00 in string at byte 8",
	    "raw NUL byte in a string");
	is_str(parse("{\"a\":\"x\x7fy\"}"), "a=s:x\x7fy;", "DEL is not a JSON control character");
	is_str(parse("{\"kota\":\"Bontang \xe2\x80\x93 Kaltim \xf0\x9f\x98\x80\"}"),
	    "kota=s:Bontang \xe2\x80\x93 Kaltim \xf0\x9f\x98\x80;", "valid UTF-8 passes unchanged");
	is_str(parse("{\"a\":\"\xff\"}"), "ERR: invalid UTF-8 at byte 7", "0xff byte");
	is_str(parse("{\"a\":\"\xc3\"}"), "ERR: invalid UTF-8 at byte 7", "truncated sequence");
	is_str(parse("{\"a\":\"\xc3(\"}"), "ERR: invalid UTF-8 at byte 7", "bad continuation byte");
	is_str(parse("{\"a\":\"\xc0\xaf\"}"), "ERR: invalid UTF-8 at byte 7", "overlong 2-byte");
	is_str(parse("{\"a\":\"\xe0\x80\xaf\"}"), "ERR: invalid UTF-8 at byte 7", "overlong 3-byte");
	is_str(parse("{\"a\":\"\xed\xa0\x80\"}"), "ERR: invalid UTF-8 at byte 7",
	    "UTF-8-encoded surrogate");
	is_str(parse("{\"a\":\"\xf4\x90\x80\x80\"}"), "ERR: invalid UTF-8 at byte 7",
	    "beyond U+10FFFF");
	is_str(parse("{\"a\":\"\x80\"}"), "ERR: invalid UTF-8 at byte 7", "lone continuation byte");
	is_str(parse("{\"\xfe\":1}"), "ERR: invalid UTF-8 at byte 3", "invalid UTF-8 in a key");
	is_str(parse("{\"a\":\"abc"), "ERR: unterminated string at byte 10", "unterminated string");
	is_str(parse("{\"a\":\"abc\\"), "ERR: unterminated string at byte 11",
	    "unterminated string ending in a backslash");

	/* Numbers, passed as their text. */
	is_str(parse("{\"a\":0}"), "a=#:0;", "0");
	is_str(parse("{\"a\":-0}"), "a=#:-0;", "-0");
	is_str(parse("{\"a\":1e5}"), "a=#:1e5;", "1e5");
	is_str(parse("{\"a\":-12.50E+03}"), "a=#:-12.50E+03;", "-12.50E+03");
	is_str(parse("{\"a\":0.5e-7}"), "a=#:0.5e-7;", "0.5e-7");
	is_str(parse("{\"a\":123456789012345678901234567890}"), "a=#:123456789012345678901234567890;",
	    "a big integer is kept as text");
	is_str(parse("{\"a\":1,\"b\":2}"), "a=#:1;b=#:2;", "number followed by a comma");
	is_str(parse("{\"a\":01}"), "ERR: bad number at byte 6", "01");
	is_str(parse("{\"a\":-01}"), "ERR: bad number at byte 6", "-01");
	is_str(parse("{\"a\":1.}"), "ERR: bad number at byte 6", "1.");
	is_str(parse("{\"a\":.5}"), "ERR: expected a value, found '.' at byte 6", ".5");
	is_str(parse("{\"a\":+1}"), "ERR: expected a value, found '+' at byte 6", "+1");
	is_str(parse("{\"a\":-}"), "ERR: bad number at byte 6", "-");
	is_str(parse("{\"a\":1e}"), "ERR: bad number at byte 6", "1e");
	is_str(parse("{\"a\":1e+}"), "ERR: bad number at byte 6", "1e+");
	is_str(parse("{\"a\":1.e3}"), "ERR: bad number at byte 6", "1.e3");
	is_str(parse("{\"a\":1x}"), "ERR: expected ',' or '}', found 'x' at byte 7", "1x");
	is_str(parse("{\"a\":1 2}"), "ERR: expected ',' or '}', found '2' at byte 8", "two numbers");
	is_str(parse("{\"a\":0x10}"), "ERR: expected ',' or '}', found 'x' at byte 7", "hex number");
	is_str(parse("{\"a\":NaN}"), "ERR: expected a value, found 'N' at byte 6", "NaN");
	is_str(parse("{\"a\":Infinity}"), "ERR: expected a value, found 'I' at byte 6", "Infinity");

	/* Literals. */
	is_str(parse("{\"a\":True}"), "ERR: expected a value, found 'T' at byte 6", "True");
	is_str(parse("{\"a\":tru}"), "ERR: expected a value, found 't' at byte 6", "tru");
	is_str(parse("{\"a\":nul"), "ERR: expected a value, found 'n' at byte 6", "nul at the end");
	is_str(parse("{\"a\":truex}"), "ERR: expected ',' or '}', found 'x' at byte 10", "truex");
	is_str(parse("{\"a\":'x'}"), "ERR: expected a value, found ''' at byte 6", "single quotes");

	/* Nesting. */
	is_str(parse("{\"x\":[1,2]}"), "ERR: nested value for key \"x\" is not supported", "array");
	is_str(parse("{\"a\":1,\"geo\":{\"lat\":1}}"),
	    "ERR: nested value for key \"geo\" is not supported", "object");
	is_str(parse("{\"a\\n\\\"b\":[]}"), "ERR: nested value for key \"a\\n\\\"b\" is not supported",
	    "the key in the message is quoted as JSON");
	memset(big, 'k', sizeof(big));
	aduan_buf_adds(&b, "{\"");
	aduan_buf_add(&b, big, 200);
	aduan_buf_adds(&b, "\":[]}");
	ok(strstr(parse(b.s), "kkk\"... is not supported") != NULL &&
	    strlen(parse(b.s)) < 120, "a long key is cut short in the message");

	/* Structure errors. */
	is_str(parse(""), "ERR: empty input", "empty input");
	is_str(parsen(NULL, 0), "ERR: empty input", "NULL input");
	is_str(parse(" \t\r\n"), "ERR: empty input", "whitespace only");
	is_str(parse("[]"), "ERR: expected '{', found '[' at byte 1", "an array at the top");
	is_str(parse("\"a\""), "ERR: expected '{', found '\"' at byte 1", "a string at the top");
	is_str(parse("\xef\xbb\xbf{}"), "ERR: expected '{', found byte 0xef at byte 1",
	    "a BOM is the reader's business");
	is_str(parse("{"), "ERR: expected a key string, found end of input at byte 2", "{");
	is_str(parse("{\"a\""), "ERR: expected ':', found end of input at byte 5", "no colon");
	is_str(parse("{\"a\" 1}"), "ERR: expected ':', found '1' at byte 6", "missing colon");
	is_str(parse("{\"a\":}"), "ERR: expected a value, found '}' at byte 6", "missing value");
	is_str(parse("{\"a\":"), "ERR: expected a value, found end of input at byte 6", "cut after :");
	is_str(parse("{\"a\":1"), "ERR: expected ',' or '}', found end of input at byte 7",
	    "missing }");
	is_str(parse("{\"a\":1,}"), "ERR: expected a key string, found '}' at byte 8",
	    "trailing comma");
	is_str(parse("{,}"), "ERR: expected a key string, found ',' at byte 2", "lone comma");
	is_str(parse("{a:1}"), "ERR: expected a key string, found 'a' at byte 2", "unquoted key");
	is_str(parse("{1:1}"), "ERR: expected a key string, found '1' at byte 2", "number key");
	is_str(parse("{\"a\":1;\"b\":2}"), "ERR: expected ',' or '}', found ';' at byte 7",
	    "semicolon separator");
	is_str(parse("{\"a\":1}x"), "ERR: trailing 'x' after the object at byte 8", "trailing garbage");
	is_str(parse("{\"a\":1} {\"b\":2}"), "ERR: trailing '{' after the object at byte 9",
	    "two objects on one line");
	is_str(parse("{}}"), "ERR: trailing '}' after the object at byte 3", "extra }");
	is_str(parsen("{}\0", 3), "ERR: trailing byte 0x00 after the object at byte 3",
	    "NUL after the object");
	is_str(parse("{\"a\":1}\f"), "ERR: trailing byte 0x0c after the object at byte 8",
	    "form feed is not JSON whitespace");
	is_str(parse("{\"a\":1\xc2\xa0}"), "ERR: expected ',' or '}', found byte 0xc2 at byte 7",
	    "NBSP is not JSON whitespace");
	is_str(parsen("{\"a\":1}GARBAGE", 7), "a=#:1;", "only n bytes are read");

	/* Duplicate keys, compared decoded; nothing reaches the callback. */
	is_str(parse("{\"a\":1,\"a\":2}"), "ERR: duplicate key \"a\" at byte 8", "duplicate key");
	is_str(parse("{\"a\":1,\"b\":2,\"\\u0061\":3}"), "ERR: duplicate key \"a\" at byte 14",
	    "duplicate after decoding");
	is_str(parse("{\"z\":1,\"y\":1,\"y\":2,\"z\":2}"), "ERR: duplicate key \"y\" at byte 14",
	    "the first repetition is named");
	is_str(parse("{\"a\":1,\"ab\":2,\"A\":3}"), "a=#:1;ab=#:2;A=#:3;",
	    "keys are case-sensitive and prefixes differ");
	aduan_buf_reset(&b);
	aduan_buf_addc(&b, '{');
	for (i = 0; i < 1000; i++)
		aduan_buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i, i);
	aduan_buf_adds(&b, "}");
	parse(b.s);
	is_int(calls, 1000, "1000 members");
	aduan_buf_reset(&b);
	aduan_buf_addc(&b, '{');
	for (i = 0; i < 1000; i++)
		aduan_buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i == 999 ? 500 : i, i);
	aduan_buf_adds(&b, "}");
	ok(strncmp(parse(b.s), "ERR: duplicate key \"k500\" at byte ", 34) == 0,
	    "duplicate found among 1000 keys");
	is_int(calls, 0, "and the callback was never called");

	/* The callback stops the parse. */
	stop_at = 2;
	aduan_buf_reset(&got);
	calls = 0;
	is_int(aduan_json_object("{\"a\":1,\"b\":2,\"c\":3}", 19, collect, NULL), -1,
	    "a nonzero callback return gives -1");
	is_int(calls, 2, "and no further calls");
	is_str(aduan_errmsg(), "stopped by the callback", "the callback's message is kept");
	stop_at = 0;

	/* A syntax error late in the line: no member was handed out. */
	is_str(parse("{\"a\":1,\"b\":2,\"c\":[]}"), "ERR: nested value for key \"c\" is not supported",
	    "all or nothing");
	is_int(aduan_json_object("{\"a\":1,\"b\":x}", 13, collect, NULL), -1, "returns -1 on error");

	/* A long string goes through the growable buffer. */
	aduan_buf_reset(&b);
	aduan_buf_adds(&b, "{\"body\":\"");
	for (i = 0; i < 10000; i++)
		aduan_buf_adds(&b, "\\u00e9x");
	aduan_buf_adds(&b, "\"}");
	is_int(strlen(parse(b.s)), 7 + 3 * 10000 + 1, "a 30000-byte decoded value");

	aduan_buf_release(&b);
	aduan_buf_release(&got);
	return tap_done();
}
