/* fuzz-json.c - libFuzzer target: one JSON object (a JSON Lines line). */
#include "json.h"

static int
member(const char *key, size_t klen, enum aduan_json_type t, const char *val, size_t vlen,
    void *arg)
{
	(void)key; (void)klen; (void)t; (void)val; (void)vlen; (void)arg;
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	aduan_json_object((const char *)data, size, member, NULL);
	return 0;
}
