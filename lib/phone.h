/* phone.h - phone numbers in E.164, and masked (phone.c). */
#ifndef ADUAN_PHONE_H
#define ADUAN_PHONE_H

#include "aduan.h"

/* Normalise a phone number to E.164 ("+6281234567890"), Indonesian
 * numbers assumed when no country code is given.  out must hold 17
 * bytes.  Returns 0, or -1 when s is not a phone number. */
int aduan_phone_normalize(const char *s, char out[17]);
/* Mask for exports: "+**********890". out must hold 17 bytes. */
void aduan_phone_mask(const char *e164, char out[17]);

#endif
