// libFuzzer target: any text through the HTML reader (libxml2, the walk, the grid layout).
#include <cstdint>
#include <string>

#include "parsers/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const planparse::Result<planparse::Blocks> blocks = planparse::read_html(std::string(reinterpret_cast<const char*>(data), size));
  (void)blocks;
  return 0;
}
