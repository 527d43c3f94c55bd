/* summary.h - period summaries: counts per kelurahan, category, agency, ... (summary.c). */
#ifndef ADUAN_SUMMARY_H
#define ADUAN_SUMMARY_H

#include <sqlite3.h>

#include "aduan.h"
#include "db.h"
#include "query.h"

/* What a summary can be grouped by, in --by order. */
enum aduan_summary_key {
	ASK_KELURAHAN, ASK_CATEGORY, ASK_AGENCY, ASK_CHANNEL, ASK_STATUS, ASK_NKEYS
};

struct aduan_summary {
	time_t start, end;	/* the period [start, end) */
	time_t now;		/* states are taken at min(end, now) */
	int by[ASK_NKEYS];	/* group keys, in order */
	int nby;
	int flags;		/* AW_EXCEL, AW_SEMICOLON */
};

/* Parse "kelurahan,category" into s->by; ADUAN_USAGE on an unknown key. */
int aduan_summary_by(struct aduan_summary *s, const char *list);
/*
 * The ISO week (Monday 00:00 local time, 7 days) named by "this", "last"
 * or "YYYY-Www".  ADUAN_USAGE when it is none of them.
 */
int aduan_summary_week(const char *arg, time_t now, time_t *start, time_t *end);
/*
 * Prepare the summary query over the complaints that pass f (whose
 * since/until must be unset: the period is s->start..end).  The caller
 * steps and finalizes *stp; columns as aduan_summary_header() names them.
 */
int aduan_summary_prepare(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, sqlite3_stmt **stp);
/* Its SQL with the values in place (aduan-export --sql); caller frees *sqlp. */
int aduan_summary_sql(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, char **sqlp);
/* The column names of a summary with these keys (n set to their number). */
void aduan_summary_header(const struct aduan_summary *s, const char **names, int *n);
/* Prepare, run and write the whole summary as CSV to out. */
int aduan_summary_write(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, FILE *out);

/* The summary as an .xlsx workbook written to path. */
int aduan_summary_xlsx(struct aduan_db *db, const struct aduan_summary *s,
    struct aduan_filter *f, const char *path);

#endif
