// Stage 3, table, step: every cell against its column. Aligning a flattened row, or reading a
// grid under a header, can put text where its column says it cannot be: a date in the name
// column, an agency list under the deadline. That is never passed off as exact: each such
// paragraph is a cell-mismatch ERROR at its line naming the column, and a column whose cells
// mostly contradict it is one column-mismatch ERROR at its header (`parse --strict` refuses
// both). What contradicts a role:
//   name, outcome  a paragraph that reads wholly as a dated deadline or as an agency list (a
//                  recurrence alone, "Тұрақты түрде", is a plausible outcome as published);
//   deadline       an agency list, or prose longer than kMaxDeadlineWords with no date in any of
//                  its parts (an unknown but short deadline form, or a long one that holds a
//                  date, "до 1 июля 2026 года (1 этап), до 1 июля 2027 года (2 этап)", stays the
//                  fields stage's unparsed-deadline warning);
//   agencies       a paragraph that reads wholly as a dated deadline, or opens a deadline
//                  relative to an event ("По мере поступления": vocabulary deadline.event);
//   number, other  nothing.
// Tested by test_table.cpp.
#pragma once

#include <vector>

#include "parsers/table.h"

namespace planparse {

inline constexpr size_t kMaxDeadlineWords = 12;

// Why a paragraph of `kind` cannot stand in a column of `role` ("reads as an agency list"), or
// empty when it can. The fields stage asks too, so that a contradiction is reported once, as
// the error, and not again as an unreadable deadline.
std::string_view contradiction(ColumnRole role, ParagraphKind kind, std::string_view text,
                               const Vocabulary& vocabulary);

// Appends the diagnostics to table.diagnostics. `header_cells` as Header::cells (null for a
// column the document prints no header for).
void check_cells(TableResult& table, const std::vector<std::vector<const Paragraph*>>& header_cells,
                 const Vocabulary& vocabulary);

}  // namespace planparse
