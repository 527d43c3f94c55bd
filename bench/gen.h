/*
 * gen.h - what the generators of synthetic data (gen-complaints.c,
 * gen-whatsapp.c) share: a deterministic random source, their command
 * line, and the check of stdout.  Built with gen.c and lib/calendar.c:
 *
 *   cc -O2 -Ilib -o gen-complaints bench/gen-complaints.c bench/gen.c lib/calendar.c
 */
#ifndef GEN_H
#define GEN_H

#include <stdint.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* splitmix64: tiny, fast, good enough for test data; the same numbers on
 * every machine for the same seed (no rand(3)). */
void gen_seed(uint64_t seed);
uint64_t rng(void);
/* A uniform integer in [0, n). */
unsigned pick(unsigned n);
#define ONE(a) ((a)[pick(NELEM(a))])

/* Landmarks that people name beside a street. */
extern const char *const gen_landmarks[15];

/*
 * The command line "NAME [-s SEED] N": seeds the generator (SEED, or
 * 20241128) and returns N; prints the usage and exits 2 when the line
 * is not one, or N is below min.
 */
unsigned long long gen_args(int argc, char *argv[], const char *name, unsigned long long min);
/* Flush stdout: 0, or 1 with a message naming name when writing failed. */
int gen_flush(const char *name);

#endif
