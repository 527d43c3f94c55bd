/*
 * query.h - complaint filters shared by the programs that select
 * complaints (aduan-list, aduan-export, aduan-route, aduan-close).
 */
#ifndef ADUAN_QUERY_H
#define ADUAN_QUERY_H

#include <sqlite3.h>

#include "aduan.h"
#include "db.h"
#include "util.h"

enum aduan_filter_list {
	AQ_STATUS, AQ_AGENCY, AQ_KELURAHAN, AQ_CHANNEL, AQ_CATEGORY, AQ_PRIORITY,
	AQ_NLISTS
};

struct aduan_filter {
	struct aduan_buf list[AQ_NLISTS];	/* JSON arrays of accepted values */
	struct aduan_buf raw[AQ_NLISTS];	/* what the user typed, comma-joined */
	struct aduan_buf ids;			/* JSON array of ids */
	size_t nids;
	int ids_given;				/* ids were named (maybe none valid) */
	int not_complaints;			/* keep what a person marked not a
						 * complaint (the summary counts it apart) */
	char *rt, *reporter, *search, *fts;
	char *reporter_name;			/* folded (aduan_name_fold) */
	char *search_name;			/* --search folded, for reporter names */
	time_t since, until, now;		/* -1: not set */
	int overdue;
	char since_s[21], until_s[21], now_s[21];
};

struct aduan_filter_binds {
	int n;
	struct {
		const char *text;
		int64_t i;
		int is_int;
	} v[16];
};

void aduan_filter_init(struct aduan_filter *f);
void aduan_filter_release(struct aduan_filter *f);
/* Whether the filter looks people up: by phone, by name, or a search
 * that also matches reporters' names. */
int aduan_filter_personal(const struct aduan_filter *f);
/* A name as compared: lower case, Latin accents dropped, every run of
 * other characters than letters and digits one space, trimmed.  Caller
 * frees. */
char *aduan_name_fold(const char *s);
/* --reporter: a phone number (normalised) or else a name, or part of
 * one.  ADUAN_USAGE when it is neither. */
int aduan_filter_reporter(struct aduan_filter *f, const char *s);

/* Add comma-separated values (e.g. "open,routed") to one list. */
void aduan_filter_add(struct aduan_filter *f, enum aduan_filter_list which, const char *value);
void aduan_filter_add_id(struct aduan_filter *f, int64_t id);
/*
 * Check the values against the database and fold them to their stored
 * form: kelurahan through aliases, agency codes and words without regard
 * to case.  ADUAN_USAGE with a message for an unknown value.
 */
int aduan_filter_resolve(struct aduan_db *db, struct aduan_filter *f);
/* Append " WHERE ..." over table alias c to sql; binds receive the values
 * (borrowed from f) to bind, in order, from parameter number first. */
int aduan_filter_where(struct aduan_filter *f, struct aduan_buf *sql,
    struct aduan_filter_binds *binds);
/*
 * How many complaints pass f for each value of field (agency, kelurahan,
 * ...): fn receives each value (NULL for none) and its number, the
 * largest first.  ADUAN_USAGE for a field that groups nothing (body,
 * times, ids).
 */
int aduan_filter_count(struct aduan_db *db, struct aduan_filter *f, int field,
    int (*fn)(const char *value, long n, void *arg), void *arg);
void aduan_filter_bind(sqlite3_stmt *st, const struct aduan_filter_binds *binds, int first);

/*
 * The record query: every field (aduan_fields order) of the complaints
 * that pass f, by id.  The caller steps and finalizes *stp.
 */
int aduan_filter_prepare(struct aduan_db *db, struct aduan_filter *f, sqlite3_stmt **stp);
/*
 * Each complaint that passes f, by id: fn receives its fields
 * (ADUAN_NFIELDS of them, NULL for none; borrowed for the call).  A
 * nonzero return of fn stops the walk and is returned.
 */
int aduan_filter_each(struct aduan_db *db, struct aduan_filter *f,
    int (*fn)(const char *const *v, void *arg), void *arg);
/* After a query over f: the ids it named that no complaint has, each
 * to fn. */
int aduan_filter_missing(struct aduan_db *db, const struct aduan_filter *f,
    void (*fn)(const char *id, void *arg), void *arg);
/* A prepared statement's SQL with its values in place (what --sql
 * shows), in *sqlp for the caller to free; st is finalized. */
int aduan_stmt_sql(sqlite3_stmt *st, char **sqlp);
/* The record query's SQL with its values (aduan-export --sql); caller
 * frees *sqlp. */
int aduan_filter_sql(struct aduan_db *db, struct aduan_filter *f, char **sqlp);

#endif
