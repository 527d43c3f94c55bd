/* json.h - one flat JSON object, as a JSON Lines line holds it (json.c). */
#ifndef ADUAN_JSON_H
#define ADUAN_JSON_H

#include "aduan.h"

/* JSON: parse one flat object; fn receives each member (value NULL for
 * null; type tells which JSON type it was).  Nested arrays and objects
 * are rejected.  Returns 0 or -1 with the reason in aduan_errmsg(). */
enum aduan_json_type { AJ_NULL, AJ_FALSE, AJ_TRUE, AJ_NUMBER, AJ_STRING };
int aduan_json_object(const char *s, size_t n,
    int (*fn)(const char *key, size_t klen, enum aduan_json_type t,
	const char *val, size_t vlen, void *arg), void *arg);

#endif
