/* fuzz-csv.c - libFuzzer target: the CSV reader. */
#include "fuzz-reader.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_reader(AFMT_CSV, data, size);
}
