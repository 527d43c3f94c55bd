/* phone.h - phone numbers in E.164, and masked (phone.c). */
#ifndef ADUAN_PHONE_H
#define ADUAN_PHONE_H

#include <stddef.h>

#include "aduan.h"

/* Normalise a phone number to E.164 ("+6281234567890"), Indonesian
 * numbers assumed when no country code is given.  out must hold 17
 * bytes.  Returns 0, or -1 when s is not a phone number. */
int aduan_phone_normalize(const char *s, char out[17]);
/* Whether s, of n bytes, is a number as aduan_phone_normalize writes
 * it, which it gives back unchanged: '+' and digits only, no 0 after
 * the '+', and 8 to 12 digits after a 62, else 7 to 15 in all. */
int aduan_phone_is_e164(const char *s, size_t n);
/* Mask for exports: "+**********890". out must hold 17 bytes. */
void aduan_phone_mask(const char *e164, char out[17]);

#endif
