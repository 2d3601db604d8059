// Stage 3, table, before the header: a table whose rows were copied one a line with nothing but
// spaces between their cells, as a PDF or an old portal's <pre> gives it:
//
//   N п/п Наименование мероприятия Срок исполнения Ответственные
//   1. Приём заявок на конкурс До 12.07.2026 Отдел по делам молодёжи
//
// Nothing marks where a cell ends, so the cells are cut by what can be told by shape:
//  - the header line is cut where its words fall into labels that each name one column role
//    (header.h's word families), every role at most once, the number column first; the cut
//    naming the most is taken;
//  - a row line is cut after its number, and around its deadline: the longest run of words the
//    deadline grammar reads (deadline.h), with the date-shaped words before it ("15.06.
//    15.08.2026", a range whose dash was lost). What stands before the deadline is the one
//    column before it, what stands after is the one column after.
// Where a side of the deadline has two columns (name and outcome), or a row has no deadline,
// the borders cannot be told: the text goes into the first column of that side, with a
// run-on-row error at the row's line (--strict refuses). The reading itself is a run-on-row
// warning at the header's line, so a reader knows the cells were cut, not read.
//
// The result is the paragraphs a tab copy of the same table gives (one paragraph a cell, each
// on its line), which the rest of the table stage reads as usual. Only tried where no header is
// found otherwise. Tested by test_run_on_rows.cpp.
#pragma once

#include <optional>
#include <vector>

#include "ingest/diagnostic.h"
#include "parsers/blocks.h"
#include "parsers/vocabulary.h"

namespace planparse {

struct RunOnTable {
  std::vector<Paragraph> paragraphs;  // the input's, the header and row lines cut into cells
  std::vector<Diagnostic> diagnostics;
};

// nullopt when no line of flattened text reads as a one-line header followed by a numbered row
// line.
std::optional<RunOnTable> cut_run_on_rows(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary);

}  // namespace planparse
