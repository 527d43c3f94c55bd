/* refdata.h - kelurahan, agencies, settings, presets. */
#ifndef ADUAN_REFDATA_H
#define ADUAN_REFDATA_H

#include "aduan.h"
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

/* Remove an agency no complaint refers to. */
int aduan_agency_rm(struct aduan_db *db, const char *code);

/* Where presets live: $ADUAN_DATADIR, the build tree, or the install
 * folder.  Caller frees. */
char *aduan_datadir(void);
/* Read a TSV data file with a header line; fn gets each row's fields. */
int aduan_tsv_load(const char *path, int (*fn)(char **f, int n, long line, void *arg),
    void *arg);
/*
 * Load DIR/NAME.*.tsv into the reference data, merging: the preset's
 * kelurahan, agencies and holidays are added or updated, its rules added
 * or put in the place of the office's rule with the same pattern and
 * category, and the office's own rows kept.  With replace the preset's
 * rules replace all rules.  report() is told, per part, how many rows
 * were new and how many were there already (updated).  What the tables
 * held before is kept for aduan_preset_undo().
 */
int aduan_preset_load(struct aduan_db *db, const char *dir, const char *name, int replace,
    void (*report)(const char *part, long added, long updated, void *arg), void *arg);

/*
 * Undo of the preset load of invocation inv (aduan_undo calls it): the
 * kelurahan, aliases, agencies, rules and holidays as they were before.
 * *done is 0 when inv loaded no preset.  ADUAN_DATAERR, saying why, when
 * those tables changed after inv or a complaint or WhatsApp group refers
 * to a row inv added.
 */
int aduan_preset_undo(struct aduan_db *db, int64_t inv, int *done);

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
