/* gen.c - the shared part of the generators of synthetic data (gen.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static uint64_t rng_state;

const char *const gen_landmarks[15] = {
	"depan Masjid Al-Ikhlas", "dekat SDN 004", "samping Puskesmas", "depan pasar",
	"dekat jembatan", "di ujung gang", "depan kantor lurah", "dekat musholla",
	"samping lapangan", "depan Indomaret", "dekat TPS", "belakang sekolah",
	"depan posyandu", "dekat pos ronda", "di tikungan",
};

void
gen_seed(uint64_t seed)
{
	rng_state = seed;
}

uint64_t
rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

unsigned
pick(unsigned n)
{
	return (unsigned)(rng() % n);
}

/* A decimal number, all of s; -1 when s is not one. */
static int
number(const char *s, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *s == '\0' || *end != '\0' ? -1 : 0;
}

unsigned long long
gen_args(int argc, char *argv[], const char *name, unsigned long long min)
{
	unsigned long long seed = 20241128, n;
	int i = 1;

	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		if (number(argv[2], &seed) != 0)
			goto usage;
		i = 3;
	}
	if (argc != i + 1 || number(argv[i], &n) != 0 || n < min)
		goto usage;
	gen_seed(seed);
	return n;
usage:
	fprintf(stderr, "usage: %s [-s SEED] N\n", name);
	exit(2);
}

int
gen_flush(const char *name)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "%s: stdout: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}
