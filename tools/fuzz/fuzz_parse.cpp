// libFuzzer target: bytes -> plan (charset and format detected), then JSON and the schema:
// an output that breaks the schema is a finding, as is any crash or sanitizer report.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_parse, data, size);
}
