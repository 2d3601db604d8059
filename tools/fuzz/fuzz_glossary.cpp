// libFuzzer target: the lines of the input as paragraphs through read_glossary: entries
// with both sides, and what is left a tail of the input.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_glossary, data, size);
}
