// libFuzzer target: one cell's text through every field reader at once: deadline, agency list,
// paragraph classification, and the glossary over its paragraphs (crashes only; the
// deadline, agencies and glossary targets check each reader's invariants).
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_fields, data, size);
}
