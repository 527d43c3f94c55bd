/* fuzz-args.c - libFuzzer target: time arguments and phone numbers. */
#include <stdlib.h>
#include <string.h>

#include "phone.h"
#include "timeutil.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = aduan_xstrndup((const char *)data, size);
	char phone[17], mask[17], buf[32];
	time_t start, end, t;

	if (aduan_time_span(s, 1732780800, &start, &end) == 0) {
		aduan_time_utc(start, buf);
		if (aduan_time_from_utc(buf, &t) != 0 || t != start)
			abort();	/* what we write we must read back */
		aduan_time_local(end, buf);
	}
	if (aduan_phone_normalize(s, phone) == 0) {
		if (phone[0] != '+' || strlen(phone) > 16)
			abort();
		aduan_phone_mask(phone, mask);
	}
	free(s);
	return 0;
}
