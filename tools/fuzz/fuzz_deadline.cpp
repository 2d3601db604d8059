// libFuzzer target: one deadline cell through parse_deadline with the built-in vocabulary:
// dates must be real ISO days, from <= to, a start only with an end.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_deadline, data, size);
}
