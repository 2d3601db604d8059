// Table, step: aligning a flattened row. Copying a table as text loses the cell borders: a row
// arrives as a run of paragraphs, a cell may hold several of them, and stray empty ones carry
// no meaning. Each paragraph is classified (prose, bullet, deadline, agency list) and the run
// is cut into consecutive cells, one per column in header order, at the least cost: a
// paragraph of the wrong kind for its column costs, an empty cell costs more, and an outcome
// cell whose length differs from the number of deadlines costs a little (outcomes pair with
// deadlines). Tested by test_align.cpp.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/vocabulary.h"

namespace planparse {

enum class ParagraphKind { prose, bullet, deadline, agencies };

ParagraphKind classify_paragraph(std::string_view paragraph, const Vocabulary& vocabulary);

// "- text", "• text", "– text" -> "text"; other paragraphs unchanged.
std::string_view strip_bullet(std::string_view paragraph);

// What a paragraph of `kind` costs in a column of `role` (0 where it belongs; a contradiction
// more than an empty cell, kMissingCellCost), the measure align_row minimises and by which the
// table stage compares two readings of a header.
int kind_cost(std::string_view role, ParagraphKind kind);
inline constexpr int kMissingCellCost = 60;

// The longest run of paragraphs aligned; past it the rest of a row is left unaligned (the
// dynamic programme is quadratic in the row's length).
inline constexpr size_t kMaxAlignedParagraphs = 2000;

// Cuts `kinds` (one row's paragraphs, its number excluded) into one [begin, end) range per
// role of `roles` (the number column excluded), in order; a range may be empty.
std::vector<std::pair<size_t, size_t>> align_row(const std::vector<ParagraphKind>& kinds,
                                                 const std::vector<std::string>& roles);

}  // namespace planparse
