// The header row: found by structure, its cells read by word families in three languages, an
// unnamed cell kept as a column of its own, a column-number row skipped, and a refusal that
// says what it saw. Also the activity numbers the rows start with.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include "parsers/blocks.h"
#include "parsers/header.h"
#include "parsers/normalise.h"
#include "parsers/table.h"
#include "parsers/text.h"

using namespace planparse;
using planparse::testing::lines;
using planparse::testing::paragraphs;

namespace {


std::string roles(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) out += (out.empty() ? "" : ",") + std::string(column_role_name(c.role));
  return out;
}

std::string best_role(std::string_view cell) {
  const RoleScores scores = score_header_cell(cell, builtin_vocabulary());
  size_t best = 0;
  for (size_t r = 1; r < scores.size(); ++r) {
    if (scores[r] > scores[best]) best = r;
  }
  const bool tied = std::count(scores.begin(), scores.end(), scores[best]) > 1;
  return scores[best] == 0 ? "?" : tied ? "tie" : std::string(column_role_name(static_cast<ColumnRole>(best)));
}

}  // namespace

TEST_CASE("header cells are read by word families, whatever the case ending or wording", "[header]") {
  // Each of these is a real header wording none of which the vocabulary holds as a phrase.
  CHECK(best_role("Срок") == "deadline");
  CHECK(best_role("Сроки проведения") == "deadline");
  CHECK(best_role("Ответственные") == "agencies");
  CHECK(best_role("Ответственный за исполнение") == "agencies");
  CHECK(best_role("Ответственные за выполнение") == "agencies");
  CHECK(best_role("Исполнитель(и)") == "agencies");
  CHECK(best_role("N п/п") == "number");
  CHECK(best_role("№ п/п") == "number");
  CHECK(best_role("Р/с №") == "number");
  CHECK(best_role("Содержание мероприятия") == "name");
  CHECK(best_role("Проводимые мероприятия") == "name");
  CHECK(best_role("Ожидаемые результаты") == "outcome");
  CHECK(best_role("Аяқталу нысаны") == "outcome");
  CHECK(best_role("Орындалу мерзімі") == "deadline");
  CHECK(best_role("Орындау мерзімдері") == "deadline");
  CHECK(best_role("Жауапты орындаушылар") == "agencies");
  CHECK(best_role("Іс-шараның атауы") == "name");
  CHECK(best_role("Completion date") == "deadline");
  CHECK(best_role("Lead agency") == "agencies");
  CHECK(best_role("Expected output") == "outcome");
  CHECK(best_role("Indicator") == "?");
  CHECK(best_role("№ п.п.") == "number");
  CHECK(best_role("Intervention") == "name");
  CHECK(best_role("Implementing body") == "agencies");
  CHECK(best_role("Who is accountable") == "agencies");
  CHECK(best_role("Implementation period") == "deadline");
}

TEST_CASE("a generic word names the activity only when nothing more specific does", "[header]") {
  CHECK(best_role("Мероприятие") == "name");
  CHECK(best_role("Ответственные за исполнение мероприятия") == "agencies");
  CHECK(best_role("Срок исполнения мероприятия") == "deadline");
  CHECK(best_role("Іс-шараның орындалу мерзімі") == "deadline");
}

TEST_CASE("'№' names the number column only as the whole cell", "[header]") {
  CHECK(best_role("Приложение № 1") != "number");
  CHECK(best_role("№") == "number");
}

TEST_CASE("a title and intro before the header take no column, however their words score", "[header]") {
  const Blocks blocks = paragraphs({"План мероприятий по развитию библиотек", "Утвержден приказом от 1 марта 2025 года № 12.",
                                    "Перечень мероприятий", "Мероприятие", "Срок", "Ответственные", "1", "Открыть читальный зал",
                                    "2025 год", "МКС"});
  const Result<Header> header = find_header(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(header.ok());
  CHECK(roles(header.value().columns) == "number,name,deadline,agencies");
  CHECK(header.value().columns[1].header == "Мероприятие");
  CHECK(header.value().begin == 3);
}

TEST_CASE("a header cell that no role names is a column of its own with a warning, never a merge", "[header]") {
  const Blocks blocks = paragraphs({"Plan", "#", "Measure", "Expected output", "Indicator", "Completion date", "Lead agency",
                                    "1", "Open a reading room", "Report", "Rooms open", "2025", "MCS"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(roles(table.value().columns) == "number,name,outcome,other,deadline,agencies");
  CHECK(table.value().columns[3].header == "Indicator");
  REQUIRE(table.value().diagnostics.size() == 1);
  CHECK(table.value().diagnostics[0].code == Code::unknown_column);
  CHECK(table.value().diagnostics[0].severity == Severity::warning);
  CHECK(table.value().diagnostics[0].line == blocks.paragraphs[4].line);
  const Row& row = table.value().rows.at(0);
  CHECK(row.cells[3].at(0).text == "Rooms open");
  CHECK(row.cells[4].at(0).text == "2025");
  CHECK(row.cells[5].at(0).text == "MCS");
}

TEST_CASE("a header cell wrapped over two lines is one cell with its words joined", "[header]") {
  const Blocks blocks = lines({"План", "№", "п/п", "Наименование", "мероприятия", "Срок", "исполнения", "Ответственные",
                               "исполнители", "1", "Провести семинар", "2025 год", "МКС"});
  const Result<Header> header = find_header(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(header.ok());
  CHECK(roles(header.value().columns) == "number,name,deadline,agencies");
  CHECK(header.value().columns[0].header == "№ п/п");
  CHECK(header.value().columns[1].header == "Наименование мероприятия");
  CHECK(header.value().columns[2].header == "Срок исполнения");
  CHECK(header.value().columns[3].header == "Ответственные исполнители");
}

TEST_CASE("a wrapped header cell whose first line names nothing takes its second line's role", "[header]") {
  const Blocks blocks = lines({"Жоспар", "Р/с №", "Іс-шараның", "атауы", "Орындау", "мерзімі", "Жауапты", "орындаушылар", "1",
                               "Семинар өткізу", "2025 жыл", "МСМ"});
  const Result<Header> header = find_header(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(header.ok());
  CHECK(roles(header.value().columns) == "number,name,deadline,agencies");
  CHECK(header.value().columns[2].header == "Орындау мерзімі");
}

TEST_CASE("a column-number row under the header is skipped, never an activity", "[header]") {
  SECTION("one paragraph a number") {
    const Blocks blocks = paragraphs({"План", "N п/п", "Содержание мероприятия", "Форма завершения", "Срок", "Ответственные",
                                      "1", "2", "3", "4", "5", "1", "Провести семинар", "Информация", "2025 год", "МКС"});
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    REQUIRE(table.value().rows.size() == 1);
    CHECK(table.value().rows[0].cells[1].at(0).text == "Провести семинар");
    CHECK(table.value().diagnostics.empty());
    CHECK(table.value().unclaimed.empty());
  }
  SECTION("all in one paragraph, and with a gap where a column was left out") {
    const Blocks blocks = paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1 2 3 5", "1", "Провести семинар",
                                      "2025 год", "МКС"});
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    CHECK(table.value().rows.size() == 1);
    CHECK(table.value().unclaimed.empty());
  }
  SECTION("a first activity numbered 10001 right after them is no column number") {
    const Blocks blocks = paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "2", "3", "4", "10001",
                                      "Провести семинар", "2025 год", "МКС"});
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    REQUIRE(table.value().rows.size() == 1);
    CHECK(table.value().rows[0].value == 10001);
  }
  SECTION("in a grid") {
    Blocks blocks;
    int line = 1;
    auto cell = [&](std::string text, int row, int column) {
      blocks.paragraphs.push_back(Paragraph{std::move(text), line++, GridPosition{0, row, column}});
    };
    cell("№", 0, 0), cell("Мероприятие", 0, 1), cell("Срок", 0, 2), cell("Ответственные", 0, 3);
    cell("1", 1, 0), cell("2", 1, 1), cell("3", 1, 2), cell("4", 1, 3);
    cell("1", 2, 0), cell("Провести семинар", 2, 1), cell("2025 год", 2, 2), cell("МКС", 2, 3);
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    REQUIRE(table.value().rows.size() == 1);
    CHECK(table.value().rows[0].cells[2].at(0).text == "2025 год");
  }
}

TEST_CASE("a refused document names its nearest header candidate, what was understood, and --vocab", "[header]") {
  const Blocks blocks = paragraphs({"План", "Мероприятие", "Зачем", "Почему", "1", "Провести семинар", "2025 год", "МКС"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE_FALSE(table.ok());
  CHECK(table.error().code == Code::not_a_plan);
  CHECK(table.error().where == "line 3");
  CHECK_THAT(table.error().message, Catch::Contains("\"Мероприятие\" name") && Catch::Contains("\"Почему\" ?") &&
                                        Catch::Contains("--vocab"));
}

TEST_CASE("activity numbers of five digits and more start rows", "[header][table]") {
  CHECK(parse_row_number("10001") == 10001);
  CHECK(parse_row_number("123456789.") == 123456789);
  CHECK(parse_row_number("7)") == 7);
  CHECK_FALSE(parse_row_number("1234567890"));
  CHECK(is_overflowing_number("99999999999999999999"));
  const Blocks blocks = paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible agencies", "10001", "Open a room", "2025",
                                    "MCS", "10002", "Close a room", "2026", "MF"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[1].value == 10002);
  CHECK(table.value().diagnostics.empty());
}

TEST_CASE("a number sign before a row number is the cell's, not the number's", "[header][table]") {
  CHECK(parse_row_number("\u21161") == 1);
  CHECK(parse_row_number("\u2116 12.") == 12);
  CHECK(parse_row_number("#3") == 3);
  CHECK(parse_sub_number("\u2116 2.4")->item == 4);
  CHECK_FALSE(parse_row_number("\u2116"));
  CHECK_FALSE(parse_row_number("\u2116 \u2116 1"));
  const Blocks blocks = paragraphs({"План", "№ п/п", "Мероприятие", "Срок", "Ответственные", "\u21161", "Открыть кабинет",
                                    "2027 год", "МЗ", "\u2116 2", "Закрыть кабинет", "2028 год", "МФ"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[0].value == 1);
  CHECK(table.value().rows[1].value == 2);
  CHECK(table.value().diagnostics.empty());
}

TEST_CASE("a number within a group reads as group and item, a date, three parts or a stray dot is none", "[header][table]") {
  CHECK(parse_sub_number("1.1")->group == 1);
  CHECK(parse_sub_number("2.3.")->item == 3);
  CHECK(parse_sub_number("12.10)")->item == 10);
  CHECK_FALSE(parse_sub_number("1"));
  CHECK_FALSE(parse_sub_number("1."));
  CHECK_FALSE(parse_sub_number(".1"));
  CHECK_FALSE(parse_sub_number("1..2"));
  CHECK_FALSE(parse_sub_number("1.2.3"));
  CHECK_FALSE(parse_sub_number("01.07.2025"));
  CHECK_FALSE(parse_sub_number("1.2 Title"));
  CHECK_FALSE(parse_sub_number("1.1234567890"));
}

TEST_CASE("a number too large to read keeps its row, numbered next, with an error", "[header][table]") {
  const Blocks blocks = paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible agencies", "1", "Open a room", "2025",
                                    "MCS", "99999999999999999999", "Close a room", "2026", "MF"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[1].value == 2);
  CHECK(table.value().rows[1].cells[1].at(0).text == "Close a room");
  REQUIRE(table.value().diagnostics.size() == 1);
  CHECK(table.value().diagnostics[0].code == Code::unreadable_number);
  CHECK(table.value().diagnostics[0].severity == Severity::error);
}

TEST_CASE("in flattened text a figure at the end of a row is a cell, not the next activity's number", "[table]") {
  const Blocks blocks = paragraphs({"Plan", "No.", "Action", "Timeline", "Implementing agencies", "Budget", "1", "Replace cables",
                                    "2026", "ME", "1200", "2", "Upgrade software", "2027", "ME", "35", "3", "Publish rules",
                                    "2028", "NRA", "75", "Abbreviations:", "ME – Ministry of Energy"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 3);
  CHECK(table.value().rows[0].cells[4].at(0).text == "1200");
  CHECK(table.value().rows[1].cells[4].at(0).text == "35");
  CHECK(table.value().rows[2].cells[4].at(0).text == "75");
  CHECK(table.value().diagnostics.empty());
}

TEST_CASE("a gap in the numbering still starts a row where no figure explains it", "[table]") {
  const Blocks blocks = paragraphs({"Plan", "No.", "Action", "Timeline", "Implementing agencies", "1", "Replace cables", "2026",
                                    "ME", "3", "Upgrade software", "2027", "ME"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[1].value == 3);
  REQUIRE(table.value().diagnostics.size() == 1);
  CHECK(table.value().diagnostics[0].code == Code::numbering_gap);
}

TEST_CASE("where the header's words read two ways equally well, the rows under it decide", "[header][table]") {
  // "Срок" and "Дата" both name the deadline; the dates stand under "Дата", so that is the
  // deadline column, and "Срок" (here a note on duration) is the unnamed one.
  const Blocks blocks = paragraphs({"План", "№", "Мероприятие", "Срок", "Дата", "Ответственные", "1", "Провести семинар",
                                    "три дня", "2025 год", "МКС", "2", "Издать сборник", "один месяц", "2026 год", "МФ"});
  const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(table.value().columns[2].role == ColumnRole::other);
  CHECK(table.value().columns[3].role == ColumnRole::deadline);
  CHECK(table.value().rows[0].cells[3].at(0).text == "2025 год");
  REQUIRE(table.value().diagnostics.size() == 1);
  CHECK(table.value().diagnostics[0].code == Code::unknown_column);
  CHECK(table.value().diagnostics[0].line == blocks.paragraphs[3].line);
}

TEST_CASE("a header that names every column but the activity's reads its one unnamed cell as the name, with a warning",
          "[header][table]") {
  SECTION("the unnamed cell inside the header") {
    const Blocks blocks = paragraphs({"План", "№", "Действие", "Результат", "Срок", "Ответственные", "1", "Открыть пункт",
                                      "Отчет", "2026 год", "МСХ"});
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    CHECK(roles(table.value().columns) == "number,name,outcome,deadline,agencies");
    CHECK(table.value().rows.at(0).cells[1].at(0).text == "Открыть пункт");
    REQUIRE(table.value().diagnostics.size() == 1);
    CHECK(table.value().diagnostics[0].code == Code::unknown_column);
    CHECK(table.value().diagnostics[0].line == blocks.paragraphs[2].line);
  }
  SECTION("the unnamed cell first, the number column unprinted") {
    const Blocks blocks = paragraphs({"План", "Действие", "Срок", "Ответственные", "1", "Открыть пункт", "2026 год", "МСХ"});
    const Result<TableResult> table = read_table(blocks, builtin_vocabulary());
    REQUIRE(table.ok());
    CHECK(roles(table.value().columns) == "number,name,deadline,agencies");
    CHECK(table.value().columns[1].header == "Действие");
    CHECK(table.value().intro.empty());
  }
  SECTION("one named column besides is too little to read a header by its places") {
    const Blocks blocks = paragraphs({"План", "Действие", "Почему", "Срок", "1", "Открыть пункт", "2026 год", "МСХ"});
    CHECK_FALSE(read_table(blocks, builtin_vocabulary()).ok());
  }
}
