// libFuzzer target: bytes through the Word reader (libzip, libxml2, the WordprocessingML walk,
// the grid layout, automatic numbering). Input that opens like a ZIP is a package as it is;
// other input is the XML of its parts (targets.h, docx_package), so that mutations reach the
// walk. Every paragraph must be trimmed, non-empty, on a line and on a sane grid position.
// The checks live in targets.h, shared with tests/test_fuzz_regressions.cpp.
#include <cstddef>
#include <cstdint>

#include "tools/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return planparse::fuzz::run(planparse::fuzz::check_docx, data, size);
}
