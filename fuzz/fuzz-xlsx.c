/* fuzz-xlsx.c - libFuzzer target: the .xlsx reader (zip, XML, cells). */
#include "fuzz-reader.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_reader(AFMT_XLSX, data, size);
}
