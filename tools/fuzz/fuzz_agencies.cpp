// libFuzzer target: one agency cell through split_agencies: entries trimmed and non-empty,
// each an abbreviation or a name, nothing silently dropped.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_agencies, data, size);
}
