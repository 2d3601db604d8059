// Fields: an aligned row read into an Activity (parsers/fields.h); here the cells of "other"
// columns, which are kept per activity in `extra`.
#include <catch2/catch.hpp>

#include "parsers/fields.h"

using namespace planparse;

namespace {

Paragraph at(std::string text, int line) { return Paragraph{std::move(text), line, {}}; }

}  // namespace

TEST_CASE("the cells of 'other' columns are kept in extra under their headers, in column order", "[fields]") {
  const std::vector<Column> columns{{ColumnRole::number, "№"},
                                    {ColumnRole::name, "Наименование"},
                                    {ColumnRole::other, "Источники финансирования"},
                                    {ColumnRole::deadline, "Срок"},
                                    {ColumnRole::other, "Предполагаемые расходы (млн. тенге)"}};
  Row row;
  row.number = at("1", 10);
  row.value = 1;
  row.cells = {{}, {at("Построить", 11)}, {at("Республиканский бюджет", 12), at("Местный бюджет", 13)}, {at("2024 год", 14)}, {}};
  std::vector<Diagnostic> diagnostics;
  const Activity activity = read_activity(row, columns, builtin_vocabulary(), diagnostics);
  REQUIRE(activity.extra.size() == 2);
  CHECK(activity.extra[0].first == "Источники финансирования");
  CHECK(activity.extra[0].second == "Республиканский бюджет\nМестный бюджет");
  // An empty costs cell is an empty string, not a missing key and not a diagnostic.
  CHECK(activity.extra[1].first == "Предполагаемые расходы (млн. тенге)");
  CHECK(activity.extra[1].second.empty());
  CHECK(diagnostics.empty());
}

TEST_CASE("two 'other' columns with the same header, or none, get distinct keys", "[fields]") {
  const std::vector<Column> columns{{ColumnRole::number, std::nullopt}, {ColumnRole::name, "Name"}, {ColumnRole::other, "Notes"},
                                    {ColumnRole::other, "Notes"},       {ColumnRole::other, std::nullopt}};
  Row row;
  row.number = at("1", 1);
  row.value = 1;
  row.cells = {{}, {at("Do", 2)}, {at("a", 3)}, {at("b", 4)}, {at("c", 5)}};
  std::vector<Diagnostic> diagnostics;
  const Activity activity = read_activity(row, columns, builtin_vocabulary(), diagnostics);
  REQUIRE(activity.extra.size() == 3);
  CHECK(activity.extra[0] == std::pair<std::string, std::string>{"Notes", "a"});
  CHECK(activity.extra[1] == std::pair<std::string, std::string>{"Notes (2)", "b"});
  CHECK(activity.extra[2] == std::pair<std::string, std::string>{"column 5", "c"});
}

TEST_CASE("a table without 'other' columns gives every activity an empty extra", "[fields]") {
  const std::vector<Column> columns{{ColumnRole::number, std::nullopt}, {ColumnRole::name, "Name"}, {ColumnRole::deadline, "Deadline"}};
  Row row;
  row.number = at("1", 1);
  row.value = 1;
  row.cells = {{}, {at("Do", 2)}, {at("2024", 3)}};
  std::vector<Diagnostic> diagnostics;
  CHECK(read_activity(row, columns, builtin_vocabulary(), diagnostics).extra.empty());
}

TEST_CASE("a deadline cell broken over two paragraphs, the first no whole deadline, is one deadline", "[fields]") {
  const std::vector<Column> columns{{ColumnRole::number, "№"}, {ColumnRole::name, "Name"}, {ColumnRole::outcome, "Outcome"}, {ColumnRole::deadline, "Deadline"}};
  Row row;
  row.number = at("1", 10);
  row.value = 1;
  row.cells = {{}, {at("Озеленение", 11)}, {at("Акт", 12)}, {at("IV квартал", 13), at("2027 года", 14)}};
  std::vector<Diagnostic> diagnostics;
  const Activity activity = read_activity(row, columns, builtin_vocabulary(), diagnostics);
  REQUIRE(activity.outcomes.size() == 1);
  REQUIRE(activity.outcomes[0].deadline.has_value());
  CHECK(activity.outcomes[0].deadline->text == "IV квартал\n2027 года");
  CHECK(activity.outcomes[0].deadline->from == "2027-10-01");
  CHECK(activity.outcomes[0].deadline->to == "2027-12-31");
  CHECK(diagnostics.empty());
}

TEST_CASE("a deadline read as a recurrence only, though its text writes a year, is warned of, one with no year is not",
          "[fields]") {
  const std::vector<Column> columns{{ColumnRole::number, "№"}, {ColumnRole::name, "Name"}, {ColumnRole::deadline, "Deadline"}};
  const auto read = [&](const char* deadline, std::vector<Diagnostic>& diagnostics) {
    Row row;
    row.number = at("1", 10);
    row.value = 1;
    row.cells = {{}, {at("Отчет", 11)}, {at(deadline, 12)}};
    return read_activity(row, columns, builtin_vocabulary(), diagnostics);
  };
  std::vector<Diagnostic> doubted;
  const Activity activity = read("ежегодно, до 20 января, начиная с отчета за 2026 год", doubted);
  REQUIRE(activity.outcomes.at(0).deadline.has_value());
  CHECK(activity.outcomes[0].deadline->recurrence == Recurrence::annual);
  CHECK_FALSE(activity.outcomes[0].deadline->to.has_value());
  REQUIRE(doubted.size() == 1);
  CHECK(doubted[0].code == Code::unparsed_deadline);
  CHECK(doubted[0].severity == Severity::warning);
  CHECK(doubted[0].line == 12);
  std::vector<Diagnostic> none;
  read("ежегодно, до 20 января", none);
  CHECK(none.empty());
}
