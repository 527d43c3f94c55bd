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
	for (tap_rows_open(&tr, "1"); tap_rows_next(&tr);)
		is_str(parse(tr.col[0]), tr.col[1], tr.col[2]);
	is_str(parsen("{\"a\":\"x\0y\"}", 11), "ERR: control character 0x00 in string at byte 8",
	    "raw NUL byte in a string");
	for (tap_rows_open(&tr, "2"); tap_rows_next(&tr);)
		is_str(parse(tr.col[0]), tr.col[1], tr.col[2]);
	memset(big, 'k', sizeof(big));
	aduan_buf_adds(&b, "{\"");
	aduan_buf_add(&b, big, 200);
	aduan_buf_adds(&b, "\":[]}");
	ok(strstr(parse(b.s), "kkk\"... is not supported") != NULL &&
	    strlen(parse(b.s)) < 120, "a long key is cut short in the message");

	/* Structure errors. */
	for (tap_rows_open(&tr, "3"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(parse(tr.col[1]), tr.col[2], tr.col[3]);
		else
			is_str(parsen(tr.col[1], atoll(tr.col[2])), tr.col[3], tr.col[4]);
	is_str(parsen("{}\0", 3), "ERR: trailing byte 0x00 after the object at byte 3",
	    "NUL after the object");
	for (tap_rows_open(&tr, "4"); tap_rows_next(&tr);)
		if (tr.col[0][0] == '=')
			is_str(parse(tr.col[1]), tr.col[2], tr.col[3]);
		else
			is_str(parsen(tr.col[1], atoll(tr.col[2])), tr.col[3], tr.col[4]);
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
