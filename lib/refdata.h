/* refdata.h - kelurahan, agencies, settings, the data files they come from (refdata.c). */
#ifndef ADUAN_REFDATA_H
#define ADUAN_REFDATA_H

#include "db.h"

struct aduan_setting_def {
	const char *key, *value, *help;
};
/* Every known setting with its default; NULL-terminated. */
extern const struct aduan_setting_def aduan_settings[];
const struct aduan_setting_def *aduan_setting_def(const char *key);
/* Whether value is one that setting key takes (numbers in range for
 * route.*); ADUAN_USAGE with a message when not. */
int aduan_setting_check(const char *key, const char *value);
/* The value in force: the stored one, else the default (borrowed). */
const char *aduan_config(struct aduan_db *db, const char *key);

/* Add or update a kelurahan; aliases comma-separated (may be NULL). */
int aduan_kelurahan_add(struct aduan_db *db, const char *name, const char *code,
    const char *aliases);
/* Add or update an agency; sla_days 0 for "the priority's default". */
int aduan_agency_add(struct aduan_db *db, const char *code, const char *name,
    int sla_days, const char *contact);
/*
 * An agency's contacts, one column each.  aduan_agency_set() changes
 * those whose value is not NULL ("" clears one): the WhatsApp number is
 * normalised to E.164, the email must be one plain address, and no
 * field may hold a line break or other control character.
 */
enum aduan_agency_field { AG_WHATSAPP, AG_EMAIL, AG_ADDRESS, AG_OFFICER, AG_TITLE, AG_NFIELDS };
extern const char *const aduan_agency_fields[AG_NFIELDS];	/* the column names */
struct aduan_agency {
	char *code, *name, *contact;
	char *f[AG_NFIELDS];	/* NULL when not known */
	int sla_days;		/* 0: the priority's default */
};
int aduan_agency_set(struct aduan_db *db, const char *code, const char *const v[AG_NFIELDS]);
/* The agency with this code (any case); ADUAN_NOMATCH when there is
 * none.  a owns its strings: aduan_agency_release(). */
int aduan_agency_get(struct aduan_db *db, const char *code, struct aduan_agency *a);
void aduan_agency_release(struct aduan_agency *a);
/* Check an email address as aduan_agency_set() does: 0 or ADUAN_USAGE. */
int aduan_email_check(const char *s);

/* An agency named by an operator (code, any case) to its stored code
 * (owned).  ADUAN_USAGE naming the known codes when there is none. */
int aduan_agency_resolve(struct aduan_db *db, const char *name, char **code);

/* Remove an agency no complaint refers to. */
int aduan_agency_rm(struct aduan_db *db, const char *code);

/* Where presets live: $ADUAN_DATADIR, the build tree, or the install
 * folder.  Caller frees. */
char *aduan_datadir(void);
/* Read a TSV data file with a header line; fn gets each row's fields. */
int aduan_tsv_load(const char *path, int (*fn)(char **f, int n, long line, void *arg),
    void *arg);
/* The same, each row to fn with db, and path and line for its messages;
 * *n is the number of rows fn took (returned 0 for). */
typedef int aduan_tsv_row_fn(struct aduan_db *db, char **f, int n, const char *path, long line);
int aduan_tsv_rows(struct aduan_db *db, const char *path, aduan_tsv_row_fn *fn, long *n);

/*
 * A listing's rows, each handed to fn as n text cells (NULL for an
 * absent value; borrowed for the call), the column names first.  A
 * non-zero return of fn stops the listing and is returned.
 */
typedef int aduan_row_fn(const char *const *cell, int n, void *arg);
/* The rows of a query without parameters (for listings in lib/). */
int aduan_rows(struct aduan_db *db, const char *sql, aduan_row_fn *fn, void *arg);
/* What 'aduan agency list' and the like print. */
enum aduan_listing { ADUAN_LIST_AGENCY, ADUAN_LIST_KELURAHAN, ADUAN_LIST_RULE, ADUAN_LIST_HOLIDAY };
int aduan_refdata_list(struct aduan_db *db, enum aduan_listing which, aduan_row_fn *fn, void *arg);

#endif
