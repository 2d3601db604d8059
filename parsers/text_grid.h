// Stage 2, blocks, step: tables drawn in text. Legal databases and plain-text mailings print a
// table with its borders: box-drawing characters ("│1. │Уборка парков│", "├───┼───┤") or ASCII
// bars ("|1.  |Уборка парков и   |"). A cell's text wraps onto the next lines of the same row,
// each line carrying a fragment of every cell. Such lines are read as a grid, the way an HTML
// table is: each cell's fragments joined, each cell a paragraph with its grid position, so that
// the table stage reads rows cell by cell.
//
// A grid line starts and ends with a border and holds at least two cells; a rule line holds
// only border and rule characters. Rows: where the table draws rules between rows, a rule ends a
// row; where it draws none, a line whose first cell reads as an activity number begins one (a
// header over several lines is one row). A line with one cell where the table has several spans
// it (a section heading); without rules, a spanning line in lower case goes on with the heading
// above, any other begins a heading of its own. So does a line with text under the name only,
// its number cell empty, when it reads as a section heading, or in a copy whose cells never wrap
// when it does not go on the line above (the vocabulary's words tell: a section word, a joining
// word). A single rule under the header (Markdown's "|---|") or rules before some rows only do
// not make the table ruled. Tested by test_blocks.cpp and test_genre.cpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/normalise.h"
#include "parsers/vocabulary.h"

namespace planparse {

// "│1. │Уборка│2026 год│" or "|1. |Уборка |": borders at both ends and between cells.
bool is_grid_line(std::string_view line);
// "├───┼────┤", "+---+----+", "|---|----|": no text, only borders and rules.
bool is_rule_line(std::string_view line);

// The paragraphs of the drawn table in lines [begin, end) (grid and rule lines only), on the grid
// of table `table`.
std::vector<Paragraph> read_text_grid(const std::vector<Line>& lines, size_t begin, size_t end, int table,
                                      const Vocabulary& vocabulary);

}  // namespace planparse
