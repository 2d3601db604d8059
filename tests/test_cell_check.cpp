// Cells against their columns: what contradicts a column is an error at its line (and a
// column mostly contradicted, one at its header); what is merely unread stays a warning.
#include <catch2/catch.hpp>

#include "parsers/blocks.h"
#include "parsers/table.h"

using namespace planparse;

namespace {

// A grid table: the header row, then rows of cells, each a paragraph on a line of its own.
Blocks grid(std::initializer_list<std::vector<std::string>> rows) {
  Blocks blocks;
  int line = 1;
  int r = 0;
  for (const std::vector<std::string>& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (!row[c].empty()) blocks.paragraphs.push_back(Paragraph{row[c], line++, GridPosition{0, r, static_cast<int>(c)}});
    }
    ++r;
  }
  return blocks;
}

std::vector<std::string> codes(const TableResult& table) {
  std::vector<std::string> out;
  for (const Diagnostic& d : table.diagnostics) {
    out.push_back(std::string(code_name(d.code)) + "@" + std::to_string(d.line) +
                  (d.severity == Severity::error ? "!" : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("agency lists under the deadline and dates under the agencies are errors at their lines", "[cell-check]") {
  const Blocks blocks = grid({{"No.", "Activity", "Deadline", "Responsible agencies"},
                              {"1", "Open a room", "2025", "MCS"},
                              {"2", "Close a room", "MCS, MF (as agreed)", "December 2026"},
                              {"3", "Paint a room", "2027", "MF"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  // Row 2's deadline cell (line 11) and agency cell (line 12); one bad row is no column's fault.
  CHECK(codes(table.value()) == std::vector<std::string>{"cell-mismatch@11!", "cell-mismatch@12!"});
}

TEST_CASE("a column whose cells mostly contradict it is one column error at its header", "[cell-check]") {
  const Blocks blocks = grid({{"No.", "Activity", "Deadline", "Responsible agencies"},
                              {"1", "Open a room", "MCS", "2025"},
                              {"2", "Close a room", "MF", "2026"},
                              {"3", "Paint a room", "2027", "MF"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  const std::vector<std::string> found = codes(table.value());
  CHECK(std::count(found.begin(), found.end(), "column-mismatch@3!") == 1);  // "Deadline"
  CHECK(std::count(found.begin(), found.end(), "column-mismatch@4!") == 1);  // "Responsible agencies"
  CHECK(std::count_if(found.begin(), found.end(), [](const std::string& c) { return c.starts_with("cell-mismatch"); }) == 4);
}

TEST_CASE("an unknown deadline form and a recurrence standing as an outcome are no contradiction", "[cell-check]") {
  const Blocks blocks = grid({{"No.", "Activity", "Outcome", "Deadline", "Responsible agencies"},
                              {"1", "Open a room", "ongoing", "as soon as the law is adopted", "MCS"},
                              {"2", "Close a room", "Report", "2026", "MF"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(codes(table.value()).empty());
}

TEST_CASE("prose longer than a deadline under the deadline is a contradiction", "[cell-check]") {
  const Blocks blocks = grid({{"No.", "Activity", "Deadline", "Responsible agencies"},
                              {"1", "Open a room", "the room is to be opened once the repairs of the whole building are finished and paid", "MCS"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(codes(table.value()) == std::vector<std::string>{"cell-mismatch@7!"});
}

TEST_CASE("a long deadline cell with a date in one of its parts is an unread deadline, no contradiction", "[cell-check]") {
  // Before: both were cell-mismatch errors, so --strict refused real deadlines.
  const Blocks blocks = grid({{"№", "Мероприятие", "Срок", "Ответственные"},
                              {"1", "Открыть зал", "до 1 июля 2026 года (1 этап), до 1 июля 2027 года (2 этап)", "МФ"},
                              {"2", "Закрыть зал", "в течение 3 месяцев после принятия закона, но не позднее 1 июля 2027 года", "МФ"},
                              {"3", "Сдать зал", "после завершения ремонта всего здания и оплаты всех работ подрядчику по заключённому договору подряда", "МФ"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  // The third, with no date in any part, is still prose.
  REQUIRE(codes(table.value()).size() == 1);
  CHECK(codes(table.value())[0].rfind("cell-mismatch@", 0) == 0);
  CHECK(table.value().diagnostics[0].message.find("после завершения") != std::string::npos);
}

TEST_CASE("in flattened text an agency paragraph goes to the agencies, not into an empty deadline", "[cell-check]") {
  // Two agency paragraphs and no deadline: a missing deadline is a warning; putting an agency
  // list under the deadline would be a contradiction the alignment must not make.
  std::string text;
  for (const char* p : {"Plan", "No.", "Activity", "Deadline", "Responsible agencies", "1", "Open a room", "MCS", "MF (as agreed)"})
    text += std::string(p) + "\n\n";
  const Result<TableResult> table = read_table(split_paragraphs(normalise(text)), builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(codes(table.value()) == std::vector<std::string>{"missing-cell@11"});
  CHECK(table.value().rows[0].cells[3].size() == 2);
}

TEST_CASE("in a grid whose number column stands in the middle, the cells before the number are its row's", "[table]") {
  const Blocks blocks = grid({{"Activity", "Deadline", "No.", "Responsible agencies"},
                              {"I. First part"},
                              {"Open a room", "2025", "1", "MCS"},
                              {"Close a room", "2026", "2", "MF"}});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[0].cells[0].at(0).text == "Open a room");
  CHECK(table.value().rows[1].cells[0].at(0).text == "Close a room");
  CHECK(table.value().rows[1].cells[1].at(0).text == "2026");
  CHECK(table.value().unclaimed.empty());
  CHECK(codes(table.value()).empty());
}
