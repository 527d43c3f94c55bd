/* letter.h - covering letters for agencies, as printable HTML (letter.c). */
#ifndef ADUAN_LETTER_H
#define ADUAN_LETTER_H

#include "aduan.h"
#include "db.h"

/*
 * A printable A4 covering letter as one self-contained HTML page: the
 * letterhead from the office.* settings, the number, the date in the
 * template language, the agency addressed, the letter template.  One
 * page per complaint; with list set, one page per agency listing its
 * complaints.  Each complaint gets a 'forward' event.
 */
int aduan_letter_write(struct aduan_db *db, const int64_t *ids, size_t n, int list,
    int personal, const char *lang, FILE *out);

#endif
