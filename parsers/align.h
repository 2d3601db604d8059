// Table, step: aligning a flattened row. Copying a table as text loses the cell borders: a row
// arrives as a run of paragraphs, a cell may hold several of them, and stray empty ones carry
// no meaning. Each paragraph is classified (prose, bullet, deadline, agency list) and the run
// is cut into consecutive cells, one per column in header order, at the least cost: a
// paragraph of the wrong kind for its column costs, an empty cell costs more, and an outcome
// cell whose length differs from the number of deadlines costs a little (outcomes pair with
// deadlines), and a cut inside a hard-wrapped line costs (wraps_on). Tested by test_table.cpp.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

enum class ParagraphKind { prose, bullet, deadline, agencies };

ParagraphKind classify_paragraph(std::string_view paragraph, const Vocabulary& vocabulary);

// "- text", "• text", "– text" -> "text"; other paragraphs unchanged.
std::string_view strip_bullet(std::string_view paragraph);

// What a paragraph of `kind` costs in a column of `role` (0 where it belongs; a contradiction
// more than an empty cell, kMissingCellCost), the measure align_row minimises and by which the
// table stage compares two readings of a header.
int kind_cost(ColumnRole role, ParagraphKind kind);
inline constexpr int kMissingCellCost = 60;
// An empty cell of a column of role other (a note, a funding source, a count): such columns are
// optional and often left empty in most rows, so an empty one costs less than prose under the
// agencies (20). Else a row with no note gives its agencies to the note column and reports the
// agencies missing, every cell from there on shifted.
inline constexpr int kMissingOtherCell = 15;

// The longest run of paragraphs aligned; past it the rest of a row is left unaligned (the
// dynamic programme is quadratic in the row's length).
inline constexpr size_t kMaxAlignedParagraphs = 2000;

// Cuts `kinds` (one row's paragraphs, its number excluded) into one [begin, end) range per
// role of `roles` (the number column excluded), in order; a range may be empty. `wrapped`, when
// given (one flag a paragraph), marks a paragraph that goes on the line before it (wraps_on):
// a cut there costs kWrapCut (but before a cell of an other column: figures and indicators
// open in lower case), and in an outcome cell it is no outcome of its own.
std::vector<std::pair<size_t, size_t>> align_row(const std::vector<ParagraphKind>& kinds,
                                                 const std::vector<ColumnRole>& roles,
                                                 const std::vector<bool>& wrapped = {});

// A copy that made every line a paragraph (blocks.h, Paragraph::whole_line) cuts a hard-wrapped
// cell into its visual lines, and the lines of two cells then differ only by where one cell
// ends. These tell: two whole-line prose paragraphs on consecutive lines where the second
// begins with a lower-case letter, or the first ends with a comma, a hyphen or a word that
// cannot end a phrase (a preposition or a conjunction: vocabulary wrap.join). More than the outcome-pairing cost, so that a cell's
// wrapped line stays in it; far less than a missing cell, so that it never empties a column.
inline constexpr int kWrapCut = 8;
bool wraps_on(const Paragraph& before, const Paragraph& paragraph, const Vocabulary& vocabulary);
// The words' half of wraps_on, wherever the two texts stand: `text` opens in lower case, or
// `before` ends with a comma, a hyphen or a wrap.join word.
bool text_goes_on(std::string_view before, std::string_view text, const Vocabulary& vocabulary);

// A deadline hard-wrapped over two paragraphs ("IV квартал" + "2026 года", "до 1 декабря" +
// "2026 года"; lines of a line-a-paragraph copy, or a <br> in a cell) reads as two: the first
// no deadline at all, the second the whole year. Two paragraphs are one deadline when one of them
// alone is no whole deadline (parse_whole_deadline: unread, or a period without its year; the
// Kazakh "2026 жылғы" + "желтоқсан" has the year first) and the two joined are a whole deadline
// with a date. Each such pair becomes one paragraph, joined with
// "\n" as a wrapped outcome's lines are, the second line kept in its breaks. `next_lines_only`:
// only whole lines on consecutive lines may join (a copy of the whole table, where the next
// paragraph may be another cell's); without it any two of the paragraphs (one cell's) may. A
// paragraph that could join either neighbour joins the one its line break (<br>) ties it to,
// else the one after it, unless the one before ends in a year that leads on ("2026 жылғы";
// vocabulary deadline.year_first).
// Returns, for each paragraph left, the index it had before.
std::vector<size_t> join_wrapped_deadlines(std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary,
                                           bool next_lines_only);

}  // namespace planparse
