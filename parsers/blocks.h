// Stage 2, blocks: lines -> paragraphs. A paragraph is a run of non-blank lines; its lines join
// with one space; it keeps the number of its first line. Two kinds of copy change that: a text
// with (almost) no blank lines, and a table copied with tabs between its cells; there every
// line, and every tab-separated cell, is a paragraph. This is the seam every source format
// feeds: the HTML reader produces the same paragraphs from elements. Tested by test_blocks.cpp.
#pragma once

#include <string>
#include <vector>

#include "parsers/normalise.h"

namespace planparse {

struct Paragraph {
  std::string text;  // normalised, never empty
  int line = 0;      // 1-based line of its first character in the decoded input
};

struct Blocks {
  std::vector<Paragraph> paragraphs;
};

Blocks split_paragraphs(const NormalText& text);

}  // namespace planparse
