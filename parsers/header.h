// Stage 3, table, step: the header row. Finds which paragraphs are the table's header and which
// column role each header cell names, by structure first and words as evidence:
//
//  - Where: in a grid (HTML) the header is one grid row; in flattened text it is the run of
//    short label paragraphs that ends where the rows begin (a row number, a section heading or
//    a column-number row). A label that starts in lower case continues the cell before it (a
//    header cell wrapped over two lines: "Ответственные" / "исполнители").
//  - What: each cell is scored per role by the word families of parsers/vocab/*.tsv
//    (`header.<role>`, strong evidence, and `header.<role>.weak`, a generic word such as
//    "мероприятие" that names the activity only when nothing more specific is there). A
//    pattern is one or more words; a word ending in "*" is a stem ("срок*" reads срок, сроки,
//    срока). Roles are then assigned to cells at the best total score, each of number, name,
//    outcome, deadline and agencies at most once. Labels before the first assigned cell are the
//    title's and intro's; a cell inside the header that no role takes becomes a column of role
//    "other" with an unknown-column warning (never merged into its neighbour), except the one
//    unnamed cell of a header that names the other columns but not the activity's, which is
//    read as the name column (with the warning too: its place, not its words, says so). A
//    cell no role takes while the header lacks the deadline or agencies column may still be
//    that column: the rows decide (table.cpp, named_by_rows), with the warning saying so.
//  - A header copied as one line of cells (tabs, bars) is whole on its line: a label alone on
//    the line before it is the title's or the intro's, whatever words it holds.
//  - A column-number row under the header ("1 2 3 4 5") is part of the header, not a row.
//
// When no header is found the failure names the nearest candidate line, what each of its cells
// was read as, and --vocab. Tested by test_header.cpp.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"
#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// Evidence per column role for one header cell, indexed by role_index: the summed weights of its
// words that the role's word families hold (2 for `header.<role>`, 1 for `header.<role>.weak`).
using RoleScores = std::array<int, kColumnRoleNames.size()>;

// Where a role's evidence stands in RoleScores and in the bit masks of roles taken: the
// enumerator's value, which kColumnRoleNames pins to the table's order.
constexpr size_t role_index(ColumnRole role) { return static_cast<size_t>(role); }
RoleScores score_header_cell(std::string_view text, const Vocabulary& vocabulary);

struct Header {
  size_t begin = 0;  // first header paragraph
  size_t end = 0;    // one past the last, and past a column-number row under it
  std::vector<Column> columns;
  // The paragraphs of each column's header cell (a wrapped cell has several); none for a number
  // column the header does not print (added in front).
  std::vector<std::vector<const Paragraph*>> cells;
  // The column's header cell names no role: kept as "other", or, the one cell a header naming the
  // other columns leaves, read as the name column; either way with an unknown-column warning.
  std::vector<bool> unknown;
  // Per column: the role its header cell names that another column already has (a second agencies
  // column, "Соисполнители" after "Ответственный исполнитель"), if any. Such a column is kept as
  // "other", and its warning says which role it names again.
  std::vector<std::optional<ColumnRole>> repeats;
  // Pairs of columns whose roles the header's words give equally well either way ("Дата" and
  // "Срок" both read as the deadline, one of them taken for unknown): the rows under them decide
  // (table.h), and the reading with fewer contradictions wins.
  std::vector<std::pair<size_t, size_t>> ties;
  // A grid header of two rows: cells spanning columns over a row of sub-headers (read_sub_headers).
  // Its columns' cells stand in either row.
  bool two_level = false;
};

// A grid header whose cells span columns over a row of sub-headers ("Объем финансирования" over
// "всего" / "2027" / "2028"): the sub-header row becomes part of the header. An "other" column
// splits into a column per sub-header, headed "parent: sub", so each figure keeps its key; a
// column of another role stays one column over its grid columns, headed "parent: sub / sub".
// Leaves any other header as it is.
void read_sub_headers(Header& header, const std::vector<Paragraph>& paragraphs);

// The header with the roles of the columns of one of its `ties` swapped.
Header swapped(const Header& header, std::pair<size_t, size_t> tie);

// The unknown-column warnings of a header, one per column whose header cell names no role.
std::vector<Diagnostic> unknown_column_warnings(const Header& header);

// Failures: not_a_plan, with the nearest candidate explained (see above).
Result<Header> find_header(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary);

// The column numbers of a table of `columns` columns at `at` ("1 2 3 4 5" in one paragraph, or
// "1", "2", "3" … one paragraph each, in a grid one row): how many paragraphs they take, or 0.
size_t column_number_row(const std::vector<Paragraph>& paragraphs, size_t at, size_t columns);


}  // namespace planparse
