// Helpers shared by the test files: reading a file whole, naming a sample, and paragraphs as
// the portal's copy gives them.
#pragma once

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "parsers/blocks.h"
#include "parsers/normalise.h"

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

// Paragraphs from texts, a blank line between each two (the portal's copy): each argument is one
// paragraph, on the line the copy puts it.
inline Blocks paragraphs(std::initializer_list<std::string> texts) {
  std::string text;
  for (const std::string& t : texts) text += t + "\n\n";
  return split_paragraphs(normalise(text));
}

// The same, one paragraph a line and no blank lines (a copy that kept a line per paragraph).
inline Blocks lines(std::initializer_list<std::string> texts) {
  std::string text;
  for (const std::string& t : texts) text += t + "\n";
  return split_paragraphs(normalise(text));
}

}  // namespace planparse::testing
