/* fuzz-jsonl.c - libFuzzer target: the JSONL reader. */
#include "fuzz-reader.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_reader(AFMT_JSONL, data, size);
}
