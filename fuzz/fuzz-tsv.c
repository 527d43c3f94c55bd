/* fuzz-tsv.c - libFuzzer target: the TSV reader. */
#include "fuzz-reader.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_reader(AFMT_TSV, data, size);
}
