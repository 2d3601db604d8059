// Helpers shared by the test files: reading a file whole and naming a sample.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace planparse::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// samples/<name> in the source tree.
inline std::filesystem::path sample(const std::string& name) {
  return std::filesystem::path(PLANPARSE_SOURCE_DIR) / "samples" / name;
}

}  // namespace planparse::testing
