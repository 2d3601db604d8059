// Stage 1, normalise: decoded text -> lines of clean text, each keeping its line number in the
// decoded input. NFC; \r\n, \r, U+0085, U+2028, U+2029 end lines; soft hyphens and zero-width
// characters dropped; NBSP and every other Unicode space become one ASCII space; runs of spaces
// collapse; lines are trimmed, so a line of spaces is blank. A tab between two words stays one
// tab (it separates table cells in text copied from a browser); leading and trailing ones go.
// Tested by test_normalise.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planparse {

struct Line {
  std::string text;  // normalised; empty for a blank line; may hold tabs between cells
  int number = 0;    // 1-based in the decoded input
};

struct NormalText {
  std::vector<Line> lines;
};

// Never fails: decoding has already rejected what is not text.
NormalText normalise(std::string_view text);

// The same cleaning for one fragment (a cell or an attribute of an HTML page): NFC, spaces,
// invisible characters, trimmed. Line breaks become spaces.
std::string normalise_fragment(std::string_view text);

}  // namespace planparse
