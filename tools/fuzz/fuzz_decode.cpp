// libFuzzer target: bytes through the charset choice and decoding (ingest/charset.h, source.h):
// the text must be well-formed UTF-8 and decoding again with the charset chosen must agree.
// A first byte below 0x20 (not white space) gives a charset, as --encoding does.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_decode, data, size);
}
