/*
 * preset.h - presets: a kecamatan's reference data from data files,
 * loaded and undone (preset.c).
 */
#ifndef ADUAN_PRESET_H
#define ADUAN_PRESET_H

#include "db.h"

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

#endif
