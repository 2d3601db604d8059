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

// Where a paragraph stood in an HTML table, after rowspan and colspan are laid out: the grid
// the table stage reads cells from instead of guessing them. table < 0 for running text and
// for the text path, where the table arrives flattened.
struct GridPosition {
  int table = -1;    // which table of the document, in order
  int row = -1;      // grid row where the cell starts
  int column = -1;   // grid column where the cell starts
  int colspan = 1;   // grid columns it covers
};

struct Paragraph {
  std::string text;  // normalised, never empty
  int line = 0;      // 1-based line of its first character (HTML: of its element) in the decoded input
  GridPosition grid{};
};

struct Blocks {
  std::vector<Paragraph> paragraphs;
};

Blocks split_paragraphs(const NormalText& text);

}  // namespace planparse
