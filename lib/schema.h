/* schema.h - the append-only list of schema migrations (private). */
#ifndef ADUAN_SCHEMA_H
#define ADUAN_SCHEMA_H

/* Migration i takes the database from user_version i to i + 1. */
extern const char *const aduan_migrations[];
extern const int aduan_nmigrations;

#endif
