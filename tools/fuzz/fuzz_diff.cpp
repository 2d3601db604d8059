// libFuzzer target: two plans (documents or parse's JSON) through planparse diff: the diff
// validates against schema/diff.schema.json and renders as text and HTML, as versions and as
// translations; a plan equals itself.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_diff, data, size);
}
