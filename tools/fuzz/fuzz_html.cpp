// libFuzzer target: decoded text through the HTML reader (libxml2, the walk, the grid layout);
// every paragraph must be trimmed, non-empty and on a sane grid position.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_html, data, size);
}
