/* report.h - the camat's page: a summary as one HTML file with charts (report.c). */
#ifndef ADUAN_REPORT_H
#define ADUAN_REPORT_H

#include "aduan.h"
#include "db.h"
#include "query.h"
#include "summary.h"

/*
 * The camat's page for the period of s (report.c): one self-contained
 * HTML file with inline SVG charts, whose figures are the summary's.
 * The whole page is written to out at the end.
 */
int aduan_report_html(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out);

#endif
