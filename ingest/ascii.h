// ASCII helpers for reading raw bytes before their charset is known (tags, BOM-free markers):
// shared by source.cpp (format) and charset.cpp (HTML charset declarations).
#pragma once

#include <cstddef>
#include <string_view>

namespace planparse::ascii {

inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True when `text` at `pos` holds `word` (lower case; compared ASCII-case-insensitively).
inline bool has_word_at(std::string_view text, size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (lower(text[pos + i]) != word[i]) return false;
  }
  return true;
}

}  // namespace planparse::ascii
