// Rows copied one a line with spaces between their cells: the header line cut into the labels
// its words name, each row cut after its number and around its deadline, and an error where
// the cells cannot be told apart.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include "parsers/blocks.h"
#include "parsers/normalise.h"
#include "parsers/run_on_rows.h"
#include "parsers/vocabulary.h"

using namespace planparse;
using planparse::testing::lines;
using planparse::testing::paragraphs;

namespace {


std::vector<std::string> texts(const RunOnTable& table) {
  std::vector<std::string> out;
  for (const Paragraph& p : table.paragraphs) out.push_back(p.text);
  return out;
}

std::vector<std::string> codes(const RunOnTable& table) {
  std::vector<std::string> out;
  for (const Diagnostic& d : table.diagnostics) {
    out.push_back(std::string(code_name(d.code)) + (d.severity == Severity::error ? "!" : "") + "@" +
                  std::to_string(d.line));
  }
  return out;
}

}  // namespace

TEST_CASE("a one-line header is cut into the labels its words name, each row around its deadline", "[run_on]") {
  const Blocks blocks = lines({"План уборки", "N п/п Наименование мероприятия Срок исполнения Ответственные",
                               "1. Уборка парков и скверов До 01.05.2026 Отдел ЖКХ",
                               "2. Посадка деревьев в 2026 году май 2026 года Отдел благоустройства"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table) == std::vector<std::string>{"План уборки", "N п/п", "Наименование мероприятия",
                                                  "Срок исполнения", "Ответственные", "1.", "Уборка парков и скверов",
                                                  "До 01.05.2026", "Отдел ЖКХ", "2.",
                                                  "Посадка деревьев в 2026 году", "май 2026 года",
                                                  "Отдел благоустройства"});
  // Each cell keeps its line.
  CHECK(table->paragraphs[7].line == 3);
  CHECK(table->paragraphs[12].line == 4);
  CHECK(codes(*table) == std::vector<std::string>{"run-on-row@2"});
}

TEST_CASE("a range whose dash was lost keeps its first date with the deadline, not the name", "[run_on]") {
  const Blocks blocks = lines({"№ Мероприятия Сроки Ответственные", "1. Освещение хода конкурса 15.06. 15.08.2026 Пресс-служба"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table) == std::vector<std::string>{"№", "Мероприятия", "Сроки", "Ответственные", "1.",
                                                  "Освещение хода конкурса", "15.06. 15.08.2026", "Пресс-служба"});
}

TEST_CASE("two columns on one side of the deadline cannot be told apart: kept whole in the first, with an error", "[run_on]") {
  const Blocks blocks = paragraphs({"No. Activity Form of completion Deadline Responsible",
                                    "1. Review the rules Report to the Government December 2026 MoF"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table) == std::vector<std::string>{"No.", "Activity", "Form of completion", "Deadline", "Responsible", "1.",
                                                  "Review the rules Report to the Government", "December 2026", "MoF"});
  CHECK(codes(*table) == std::vector<std::string>{"run-on-row@1", "run-on-row!@3"});
  CHECK(table->diagnostics[1].message.find("name and outcome") != std::string::npos);
}

TEST_CASE("a row line without a deadline is kept whole in its first column, with an error", "[run_on]") {
  const Blocks blocks = lines({"№ Наименование Срок Исполнитель", "1. Уборка парков 2026 год Отдел ЖКХ",
                               "2. Посадка деревьев по мере необходимости Отдел ЖКХ"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table).back() == "Посадка деревьев по мере необходимости Отдел ЖКХ");
  CHECK(codes(*table) == std::vector<std::string>{"run-on-row@1", "run-on-row!@3"});
}

TEST_CASE("lines that open with no expected row number stay as they are", "[run_on]") {
  // A glossary, a footer and a figure starting a line are no rows; a multi-line paragraph
  // without a row keeps its lines joined.
  const Blocks blocks = paragraphs({"№ Наименование Срок Ответственные", "1. Уборка 2026 год ОЖКХ",
                                    "ОЖКХ – отдел жилищно-коммунального хозяйства\nМВД – министерство внутренних дел",
                                    "5 марта 2026 года"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  REQUIRE(table->paragraphs.size() == 10);
  CHECK(table->paragraphs[8].breaks.size() == 1);
  CHECK(table->paragraphs[9].text == "5 марта 2026 года");
}

TEST_CASE("no one-line header, or no row 1 under it: nothing is cut", "[run_on]") {
  // A sentence in header words is no header: its labels would not be the number first.
  CHECK_FALSE(cut_run_on_rows(lines({"Наименование мероприятия и срок исполнения указаны ниже", "1. Текст"}).paragraphs,
                              builtin_vocabulary()));
  // A header line not followed by row 1.
  CHECK_FALSE(cut_run_on_rows(lines({"№ Наименование Срок Ответственные", "Текст без номера"}).paragraphs,
                              builtin_vocabulary()));
  // Without a deadline column nothing can cut a row.
  CHECK_FALSE(cut_run_on_rows(lines({"№ Наименование Ответственные", "1. Уборка ОЖКХ"}).paragraphs, builtin_vocabulary()));
}

TEST_CASE("a recurrence is the deadline only where it is all the run holds: words before it stay the name", "[run_on]") {
  const Blocks blocks = lines({"No. Measure Deadline Responsible", "1. Publish water quality data monthly MoH"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table) == std::vector<std::string>{"No.", "Measure", "Deadline", "Responsible", "1.",
                                                  "Publish water quality data", "monthly", "MoH"});
}

TEST_CASE("a label no role names stands where capitals open it, a column of its own, it never lengthens a named label",
          "[run_on]") {
  const Blocks blocks = lines({"Item Action to be taken Completion date Implementing body",
                               "1. Survey the riverbanks 2nd quarter of 2027 District Akimat"});
  const std::optional<RunOnTable> table = cut_run_on_rows(blocks.paragraphs, builtin_vocabulary());
  REQUIRE(table);
  CHECK(texts(*table) == std::vector<std::string>{"Item", "Action to be taken", "Completion date", "Implementing body", "1.",
                                                  "Survey the riverbanks", "2nd quarter of 2027", "District Akimat"});
  // A capital inside a label that adds to its role stays in it.
  const Blocks titled = lines({"No. Activity Deadline Responsible Agencies", "1. Survey the riverbanks 2027 MoE"});
  const std::optional<RunOnTable> title_case = cut_run_on_rows(titled.paragraphs, builtin_vocabulary());
  REQUIRE(title_case);
  CHECK(texts(*title_case)[3] == "Responsible Agencies");
}
