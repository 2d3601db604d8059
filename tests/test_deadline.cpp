// Deadline cells read into inclusive dates and a recurrence (parsers/deadline.h).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/deadline.h"
#include "parsers/text.h"
#include "tests/support.h"

using namespace planparse;

namespace {

// One line per deadline, so that an expectation and a failure both fit on a line:
// "from..to recurrence", "-" for null.
std::string dump(const std::optional<Deadline>& deadline) {
  if (!deadline) return "nullopt";
  const auto or_dash = [](const std::optional<std::string>& s) { return s ? *s : std::string("-"); };
  const std::string recurrence = deadline->recurrence ? std::string(recurrence_name(*deadline->recurrence)) : "-";
  return or_dash(deadline->from) + ".." + or_dash(deadline->to) + " " + recurrence;
}

struct Case {
  const char* input;
  const char* from;  // nullptr: null
  const char* to;
  const char* recurrence;
};

std::string dump(const Case& c) {
  const auto or_dash = [](const char* s) { return std::string(s ? s : "-"); };
  return or_dash(c.from) + ".." + or_dash(c.to) + " " + or_dash(c.recurrence);
}

}  // namespace

TEST_CASE("deadline cells in every known form read into inclusive dates", "[deadline]") {
  const Case cases[] = {
      // Every form of the reference document (follow-up-plan-2022.en.txt).
      {"By the end of 2022", nullptr, "2022-12-31", nullptr},
      {"By the end of 2023", nullptr, "2023-12-31", nullptr},
      {"August 2022", "2022-08-01", "2022-08-31", nullptr},
      {"September 2022", "2022-09-01", "2022-09-30", nullptr},
      {"2022", "2022-01-01", "2022-12-31", nullptr},
      {"2022-2025", "2022-01-01", "2025-12-31", nullptr},
      {"2022- 2023", "2022-01-01", "2023-12-31", nullptr},
      {"First half of 2022", "2022-01-01", "2022-06-30", nullptr},
      {"December 2023", "2023-12-01", "2023-12-31", nullptr},
      {"April 2025", "2025-04-01", "2025-04-30", nullptr},
      {"2023 – 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023", "2023-01-01", "2023-12-31", nullptr},
      // English: years, months, days.
      {"in 2024", "2024-01-01", "2024-12-31", nullptr},
      {"2024 year", "2024-01-01", "2024-12-31", nullptr},
      {"Dec 2023", "2023-12-01", "2023-12-31", nullptr},
      {"Aug. 2022", "2022-08-01", "2022-08-31", nullptr},
      {"December of 2023", "2023-12-01", "2023-12-31", nullptr},
      {"20 December 2022", "2022-12-20", "2022-12-20", nullptr},
      {"December 20, 2022", "2022-12-20", "2022-12-20", nullptr},
      {"December 20 2022", "2022-12-20", "2022-12-20", nullptr},
      // English: halves and quarters.
      {"second half of 2023", "2023-07-01", "2023-12-31", nullptr},
      {"H2 2023", "2023-07-01", "2023-12-31", nullptr},
      {"Q1 2023", "2023-01-01", "2023-03-31", nullptr},
      {"Q3 2022", "2022-07-01", "2022-09-30", nullptr},
      {"3rd quarter of 2022", "2022-07-01", "2022-09-30", nullptr},
      {"fourth quarter of 2024", "2024-10-01", "2024-12-31", nullptr},
      // English: open start.
      {"by August 2022", nullptr, "2022-08-31", nullptr},
      {"by the end of the first half of 2023", nullptr, "2023-06-30", nullptr},
      {"until the end of Q2 2024", nullptr, "2024-06-30", nullptr},
      {"no later than 1 July 2023", nullptr, "2023-07-01", nullptr},
      {"not later than the end of 2025", nullptr, "2025-12-31", nullptr},
      {"by December 20, 2022", nullptr, "2022-12-20", nullptr},
      // English: ranges, with every dash and any spacing.
      {"2023-2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 ‐ 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023‑2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 ‒2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023—2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 − 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2022-2022", "2022-01-01", "2022-12-31", nullptr},
      {"January 2022 - June 2023", "2022-01-01", "2023-06-30", nullptr},
      {"January – June 2023", "2023-01-01", "2023-06-30", nullptr},
      {"Q3 2022 – Q1 2023", "2022-07-01", "2023-03-31", nullptr},
      {"2022-2024 years", "2022-01-01", "2024-12-31", nullptr},
      // English: trailing punctuation.
      {"By the end of 2022.", nullptr, "2022-12-31", nullptr},
      {"2022;", "2022-01-01", "2022-12-31", nullptr},
      // English: recurrences, alone, with a period, with an unreadable rest.
      {"annually", nullptr, nullptr, "annual"},
      {"Annually.", nullptr, nullptr, "annual"},
      {"semi-annually", nullptr, nullptr, "semiannual"},
      {"quarterly", nullptr, nullptr, "quarterly"},
      {"monthly", nullptr, nullptr, "monthly"},
      {"on an ongoing basis", nullptr, nullptr, "ongoing"},
      {"annually, 2022-2024", "2022-01-01", "2024-12-31", "annual"},
      {"2022-2024, annually", "2022-01-01", "2024-12-31", "annual"},
      {"quarterly by the end of 2023", nullptr, "2023-12-31", "quarterly"},
      {"annually by 25 December", nullptr, nullptr, "annual"},
      // Russian.
      {"до конца 2022 года", nullptr, "2022-12-31", nullptr},
      {"2022 год", "2022-01-01", "2022-12-31", nullptr},
      {"в 2022 году", "2022-01-01", "2022-12-31", nullptr},
      {"в течение 2023 года", "2023-01-01", "2023-12-31", nullptr},
      {"август 2022 года", "2022-08-01", "2022-08-31", nullptr},
      {"декабрь 2023 г.", "2023-12-01", "2023-12-31", nullptr},
      {"в декабре 2023 года", "2023-12-01", "2023-12-31", nullptr},
      {"20 декабря 2022 года", "2022-12-20", "2022-12-20", nullptr},
      {"до 1 июля 2023 года", nullptr, "2023-07-01", nullptr},
      {"не позднее 10 января 2024 года", nullptr, "2024-01-10", nullptr},
      {"III квартал 2022 года", "2022-07-01", "2022-09-30", nullptr},
      {"в IV квартале 2023 года", "2023-10-01", "2023-12-31", nullptr},
      {"I полугодие 2023 года", "2023-01-01", "2023-06-30", nullptr},
      {"до конца I полугодия 2023 года", nullptr, "2023-06-30", nullptr},
      {"второе полугодие 2024 года", "2024-07-01", "2024-12-31", nullptr},
      {"2022-2025 годы", "2022-01-01", "2025-12-31", nullptr},
      {"2022 – 2023 гг.", "2022-01-01", "2023-12-31", nullptr},
      {"январь 2022 – июнь 2023 года", "2022-01-01", "2023-06-30", nullptr},
      {"ежегодно", nullptr, nullptr, "annual"},
      {"ежеквартально", nullptr, nullptr, "quarterly"},
      {"постоянно", nullptr, nullptr, "ongoing"},
      {"ежегодно, 2022-2024 годы", "2022-01-01", "2024-12-31", "annual"},
      {"ежегодно, до 25 декабря 2023 года", nullptr, "2023-12-25", "annual"},
      {"ежегодно, до 25 декабря", nullptr, nullptr, "annual"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("every Russian, Kazakh and English form that issue 4 lists reads into its dates", "[deadline]") {
  const Case cases[] = {
      {"до конца 2022 года", nullptr, "2022-12-31", nullptr},
      {"август 2022 года", "2022-08-01", "2022-08-31", nullptr},
      {"2022 год", "2022-01-01", "2022-12-31", nullptr},
      {"2022 – 2025 годы", "2022-01-01", "2025-12-31", nullptr},
      {"I полугодие 2022 года", "2022-01-01", "2022-06-30", nullptr},
      {"II полугодие 2025 года", "2025-07-01", "2025-12-31", nullptr},
      {"IV квартал 2024 года", "2024-10-01", "2024-12-31", nullptr},
      {"1 квартал 2023 года", "2023-01-01", "2023-03-31", nullptr},
      {"декабрь 2023 года", "2023-12-01", "2023-12-31", nullptr},
      {"до 1 июля 2025 года", nullptr, "2025-07-01", nullptr},
      {"10 декабря 2022 года", "2022-12-10", "2022-12-10", nullptr},
      {"ежегодно", nullptr, nullptr, "annual"},
      {"ежегодно, до 25 декабря", nullptr, nullptr, "annual"},
      {"ежеквартально", nullptr, nullptr, "quarterly"},
      {"постоянно", nullptr, nullptr, "ongoing"},
      {"2022 жылдың соңына дейін", nullptr, "2022-12-31", nullptr},
      {"2022 жылғы тамыз", "2022-08-01", "2022-08-31", nullptr},
      {"2022 жыл", "2022-01-01", "2022-12-31", nullptr},
      {"2022 – 2025 жылдар", "2022-01-01", "2025-12-31", nullptr},
      {"2022 жылғы І жартыжылдық", "2022-01-01", "2022-06-30", nullptr},  // Cyrillic І
      {"2022 жылғы I жартыжылдық", "2022-01-01", "2022-06-30", nullptr},  // Latin I
      {"2024 жылғы IV тоқсан", "2024-10-01", "2024-12-31", nullptr},
      {"жыл сайын", nullptr, nullptr, "annual"},
      {"тұрақты", nullptr, nullptr, "ongoing"},
      {"Q2 2025", "2025-04-01", "2025-06-30", nullptr},
      {"by 1 July 2025", nullptr, "2025-07-01", nullptr},
      {"2nd half of 2026", "2026-07-01", "2026-12-31", nullptr},
      {"on an annual basis", nullptr, nullptr, "annual"},
      {"on a permanent basis", nullptr, nullptr, "ongoing"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("Kazakh puts the year first and 'until' after the date", "[deadline]") {
  const Case cases[] = {
      {"2025 жылғы 1 шілдеге дейін", nullptr, "2025-07-01", nullptr},
      {"2023 жылғы 28 сәуірдегі", "2023-04-28", "2023-04-28", nullptr},
      {"2023 жылғы желтоқсанға дейін", nullptr, "2023-12-31", nullptr},
      {"2023 жылғы ІІІ тоқсан", "2023-07-01", "2023-09-30", nullptr},
      {"2024 жылғы 1 тоқсан", "2024-01-01", "2024-03-31", nullptr},
      {"жыл сайын, 2023-2025 жылдар", "2023-01-01", "2025-12-31", "annual"},
      {"тоқсан сайын", nullptr, nullptr, "quarterly"},
      // A postposition alone, or twice, is no date.
      {"дейін", nullptr, nullptr, nullptr},
      {"2022 дейін дейін", nullptr, nullptr, nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const std::optional<Deadline> deadline = parse_deadline(c.input, builtin_vocabulary());
    if (!c.from && !c.to && !c.recurrence) {
      CHECK_FALSE(deadline.has_value());
    } else {
      CHECK(dump(deadline) == dump(c));
    }
  }
}

TEST_CASE("deadline months have their real lengths, February 29 days in a leap year", "[deadline]") {
  const Case cases[] = {
      {"February 2024", "2024-02-01", "2024-02-29", nullptr},
      {"February 2023", "2023-02-01", "2023-02-28", nullptr},
      {"February 2000", "2000-02-01", "2000-02-29", nullptr},
      {"February 1900", "1900-02-01", "1900-02-28", nullptr},
      {"29 February 2024", "2024-02-29", "2024-02-29", nullptr},
      {"by the end of February 2028", nullptr, "2028-02-29", nullptr},
      {"June 2023", "2023-06-01", "2023-06-30", nullptr},
      {"July 2023", "2023-07-01", "2023-07-31", nullptr},
      {"November 2023", "2023-11-01", "2023-11-30", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("text that is not a deadline reads as no deadline", "[deadline]") {
  const char* inputs[] = {
      "",
      "   ",
      "Draft Law",
      "MIA, GPO (as agreed)",
      "12",
      "1.",
      "13 2022",
      "2022-2021",
      "December 2023 - 2022",
      "1899",
      "2101",
      "20222",
      "2022 2023",
      "by",
      "by the end of the year",
      "year",
      "Q5 2022",
      "29 February 2023",
      "31 April 2023",
      "32 December 2022",
      "January - June",
      "Report annually to the Government",
      "2022 (as agreed)",
  };
  for (const char* input : inputs) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("a whole deadline is read word for word: a recurrence with an unreadable rest is none", "[deadline]") {
  const Vocabulary& vocabulary = builtin_vocabulary();
  CHECK(dump(parse_whole_deadline("ежегодно", vocabulary)) == "-..- annual");
  CHECK(dump(parse_whole_deadline("ежегодно, до 20 января 2026 года", vocabulary)) == "-..2026-01-20 annual");
  CHECK(dump(parse_whole_deadline("до 13.12.2025", vocabulary)) == "-..2025-12-13 -");
  // What parse_deadline keeps as a recurrence alone is no whole deadline.
  CHECK(dump(parse_deadline("water quality data monthly", vocabulary)) == "-..- monthly");
  CHECK(dump(parse_whole_deadline("water quality data monthly", vocabulary)) == "nullopt");
  CHECK(dump(parse_whole_deadline("annually by 25 December", vocabulary)) == "nullopt");
  CHECK(dump(parse_whole_deadline("Draft Law", vocabulary)) == "nullopt");
}

TEST_CASE("deadline words are matched regardless of case", "[deadline]") {
  CHECK(dump(parse_deadline("BY THE END OF 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("by The End Of 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("AUGUST 2022", builtin_vocabulary())) == "2022-08-01..2022-08-31 -");
  CHECK(dump(parse_deadline("ДО КОНЦА 2022 ГОДА", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("iii КВАРТАЛ 2022 г.", builtin_vocabulary())) == "2022-07-01..2022-09-30 -");
  CHECK(dump(parse_deadline("ANNUALLY", builtin_vocabulary())) == "-..- annual");
}

TEST_CASE("a deadline keeps its text as published, only trimmed", "[deadline]") {
  const std::optional<Deadline> deadline = parse_deadline("  By the end of 2022.  ", builtin_vocabulary());
  REQUIRE(deadline);
  CHECK(deadline->text == "By the end of 2022.");
  const std::optional<Deadline> recurrence = parse_deadline("annually by 25 December", builtin_vocabulary());
  REQUIRE(recurrence);
  CHECK(recurrence->text == "annually by 25 December");
}

TEST_CASE("deadline phrases may be spread over several spaces, including no-break ones", "[deadline]") {
  CHECK(dump(parse_deadline("By  the\u00a0end   of 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("до\u00a0конца\u00a02022\u00a0года", builtin_vocabulary())) == "-..2022-12-31 -");
}

TEST_CASE("deadline words come from the vocabulary, not the code", "[deadline]") {
  Result<Vocabulary> german = parse_vocabulary(
      "month.3\tMärz\ndeadline.by\tbis\ndeadline.filler\tJahr\nrecurrence.annual\tjährlich\n", "de");
  REQUIRE(german.ok());
  CHECK(dump(parse_deadline("bis MÄRZ 2024", german.value())) == "-..2024-03-31 -");
  CHECK(dump(parse_deadline("Jahr 2024", german.value())) == "2024-01-01..2024-12-31 -");
  CHECK(dump(parse_deadline("jährlich", german.value())) == "-..- annual");
  CHECK(dump(parse_deadline("By the end of 2022", german.value())) == "nullopt");
  CHECK(dump(parse_deadline("August 2022", german.value())) == "nullopt");
}

namespace {

// One row of a table in docs/deadlines.md: the text as published, its language, and what it reads
// to ("null" for a null value; all three null: the form stays unparsed).
struct TableRow {
  std::string text;
  std::string language;
  std::string from;
  std::string to;
  std::string recurrence;
  int line = 0;
};

struct DeadlineTable {
  std::vector<TableRow> rows;
  std::vector<std::string> errors;  // malformed rows, each with its line
};

bool is_iso_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::vector<std::string> table_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string_view rest(line);
  rest.remove_prefix(1);  // the leading "|"
  if (!rest.empty() && rest.back() == '|') rest.remove_suffix(1);
  for (std::string_view cell : split(rest, '|')) cells.emplace_back(trim(cell));
  return cells;
}

// Every table of the file whose header is "text as published | language | from | to | recurrence".
DeadlineTable read_deadline_table(const std::string& markdown) {
  DeadlineTable table;
  std::istringstream in(markdown);
  std::string line;
  int number = 0;
  bool inside = false;
  bool separator_seen = false;
  const std::set<std::string> languages = {"en", "ru", "kk"};
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool table_line = line.starts_with("|");
    if (!table_line) {
      inside = false;
      continue;
    }
    const std::vector<std::string> cells = table_cells(line);
    if (!inside) {
      inside = cells.size() == 5 && cells[0] == "text as published" && cells[1] == "language" && cells[2] == "from" &&
               cells[3] == "to" && cells[4] == "recurrence";
      separator_seen = false;
      continue;
    }
    if (!separator_seen) {
      separator_seen = true;
      continue;
    }
    const std::string where = "docs/deadlines.md:" + std::to_string(number) + ": ";
    if (cells.size() != 5) {
      table.errors.push_back(where + "a row needs 5 cells, has " + std::to_string(cells.size()));
      continue;
    }
    TableRow row{cells[0], cells[1], cells[2], cells[3], cells[4], number};
    // The text is in backticks so that its punctuation shows; inside them it is as published.
    if (row.text.size() < 3 || row.text.front() != '`' || row.text.back() != '`') {
      table.errors.push_back(where + "the text must be in backticks: " + row.text);
      continue;
    }
    row.text = row.text.substr(1, row.text.size() - 2);
    if (row.text.empty() || row.text.find('`') != std::string::npos) table.errors.push_back(where + "bad text " + row.text);
    if (!languages.contains(row.language)) table.errors.push_back(where + "unknown language " + row.language);
    for (const std::string* date : {&row.from, &row.to}) {
      if (*date != "null" && !is_iso_day(*date)) table.errors.push_back(where + "not an ISO day or null: " + *date);
    }
    if (row.recurrence != "null" && !recurrence_from_name(row.recurrence)) table.errors.push_back(where + "unknown recurrence " + row.recurrence);
    table.rows.push_back(row);
  }
  return table;
}

std::string or_null(const std::optional<std::string>& s) { return s ? *s : std::string("null"); }

const DeadlineTable& catalogue() {
  static const DeadlineTable table =
      read_deadline_table(planparse::testing::read_file(std::filesystem::path(PLANPARSE_SOURCE_DIR) / "docs" / "deadlines.md"));
  return table;
}

std::string dump_row(const TableRow& row) { return row.from + ".." + row.to + " " + row.recurrence; }

std::string dump_read(const std::optional<Deadline>& deadline) {
  if (!deadline) return "null..null null";
  const std::string recurrence = deadline->recurrence ? std::string(recurrence_name(*deadline->recurrence)) : "null";
  return or_null(deadline->from) + ".." + or_null(deadline->to) + " " + recurrence;
}

}  // namespace

TEST_CASE("the deadline table of docs/deadlines.md is well formed and holds at least 80 forms in three languages",
          "[deadline][catalogue]") {
  const DeadlineTable& table = catalogue();
  for (const std::string& error : table.errors) FAIL_CHECK(error);
  CHECK(table.errors.empty());
  std::map<std::string, int> read_per_language;
  int read = 0;
  for (const TableRow& row : table.rows) {
    if (row.from == "null" && row.to == "null" && row.recurrence == "null") continue;
    ++read;
    ++read_per_language[row.language];
  }
  INFO("en " << read_per_language["en"] << ", ru " << read_per_language["ru"] << ", kk " << read_per_language["kk"]);
  CHECK(read >= 80);
  // Roughly a third each: no language below a quarter of the forms read.
  for (const char* language : {"en", "ru", "kk"}) CHECK(read_per_language[language] * 4 >= read);
}

TEST_CASE("every form of the deadline table reads exactly to its row", "[deadline][catalogue]") {
  const DeadlineTable& table = catalogue();
  REQUIRE_FALSE(table.rows.empty());
  std::set<std::string> seen;
  for (const TableRow& row : table.rows) {
    INFO("docs/deadlines.md:" << row.line << " \"" << row.text << "\" (" << row.language << ")");
    CHECK(seen.insert(row.text).second);  // a form is listed once
    const std::optional<Deadline> deadline = parse_deadline(row.text, builtin_vocabulary());
    CHECK(dump_read(deadline) == dump_row(row));
    if (deadline) CHECK(deadline->text == row.text);
  }
}

TEST_CASE("a malformed row of the deadline table is reported with its line", "[deadline][catalogue]") {
  const std::string markdown =
      "| text as published | language | from | to | recurrence |\n"
      "| --- | --- | --- | --- | --- |\n"
      "| `2025` | en | 2025-01-01 | 2025-12-31 | null |\n"
      "| `2025` | en | 2025-01-01 | 2025-12-31 |\n"
      "| 2025 | en | 2025-01-01 | 2025-12-31 | null |\n"
      "| `2025` | de | 2025-01-01 | 2025-12-31 | null |\n"
      "| `2025` | en | 2025-13-01 | 2025-12-31 | null |\n"
      "| `2025` | en | 2025-01-01 | 2025-12-31 | yearly |\n"
      "\n"
      "| text | not the table |\n"
      "| --- | --- |\n"
      "| anything | here |\n";
  const DeadlineTable table = read_deadline_table(markdown);
  CHECK(table.rows.size() == 4);
  REQUIRE(table.errors.size() == 5);
  CHECK(table.errors[0].starts_with("docs/deadlines.md:4: "));
  CHECK(table.errors[1].starts_with("docs/deadlines.md:5: "));
  CHECK(table.errors[4].starts_with("docs/deadlines.md:8: "));
}

TEST_CASE("a numeric date range keeps both ends", "[deadline]") {
  const Case cases[] = {
      {"01.07.2025 – 31.12.2025", "2025-07-01", "2025-12-31", nullptr},
      {"01.07.2025-31.12.2025", "2025-07-01", "2025-12-31", nullptr},
      {"с 01.07.2025 по 31.12.2025", "2025-07-01", "2025-12-31", nullptr},
      {"2025-07-01 – 2025-12-31", "2025-07-01", "2025-12-31", nullptr},
      {"from 1.7.2025 to 1.9.2025", "2025-07-01", "2025-09-01", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("a numeric date is one glued word: spaced parts, a two-digit year or a slash are no date", "[deadline]") {
  for (const char* input : {"15. 06. 2025", "15.06 .2025", "15.06.25", "15/06/2025", "06-15-2025", "2025-6-15",
                            "15.13.2025", "31.04.2025", "32.01.2025", "2025-02-30", "2025-13-01", "15.06.",
                            "15.06", "01.04. 30.06.2025", "15,06,2025"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("a numeric date before 'до' or 'дейін' leaves the start open", "[deadline]") {
  CHECK(dump(parse_deadline("до 13.12.2025", builtin_vocabulary())) == "-..2025-12-13 -");
  CHECK(dump(parse_deadline("13.12.2025 ж. дейін", builtin_vocabulary())) == "-..2025-12-13 -");
  CHECK(dump(parse_deadline("по 13.12.2025 г.", builtin_vocabulary())) == "-..2025-12-13 -");
}

TEST_CASE("a start with no end is no deadline", "[deadline]") {
  for (const char* input : {"с 1 июля 2025 года", "from July 2025", "2025 жылдан бастап", "2025 жылғы 1 шілдеден",
                            "с 01.07.2025 по", "from 2025 to", "с 2025 до"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("a range whose end comes before its start is no deadline", "[deadline]") {
  for (const char* input : {"31.12.2025 – 01.07.2025", "с 1 декабря по 1 июля 2025 года", "2025 жылғы желтоқсан – шілде",
                            "2026 жылдан 2025 жылға дейін", "Q4 2025 – Q1"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("an end of a range written without its year takes the other end's", "[deadline]") {
  CHECK(dump(parse_deadline("июль – декабрь 2025 года", builtin_vocabulary())) == "2025-07-01..2025-12-31 -");
  CHECK(dump(parse_deadline("2025 жылғы шілде – желтоқсан", builtin_vocabulary())) == "2025-07-01..2025-12-31 -");
  CHECK(dump(parse_deadline("01.07.–31.12.2025", builtin_vocabulary())) == "2025-07-01..2025-12-31 -");
  // A bare year lends its year to no month: "2025 – March" is no range.
  CHECK(dump(parse_deadline("2025 – March", builtin_vocabulary())) == "nullopt");
}

TEST_CASE("a Kazakh ablative starts a range that 'дейін' closes", "[deadline]") {
  CHECK(dump(parse_deadline("2025 жылғы 1 шілдеден 31 желтоқсанға дейін", builtin_vocabulary())) ==
        "2025-07-01..2025-12-31 -");
  CHECK(dump(parse_deadline("2025 жылғы 1 шілдеден бастап 31 желтоқсанға дейін", builtin_vocabulary())) ==
        "2025-07-01..2025-12-31 -");
  CHECK(dump(parse_deadline("2025 жылдан 2027 жылға дейін", builtin_vocabulary())) == "2025-01-01..2027-12-31 -");
  // Governed by "кешіктірмей" the ablative is the end: not later than 2025.
  CHECK(dump(parse_deadline("2025 жылдан кешіктірмей", builtin_vocabulary())) == "-..2025-12-31 -");
  // Without "дейін" the two dates are no range.
  CHECK(dump(parse_deadline("2025 жылғы 1 шілдеден 31 желтоқсан", builtin_vocabulary())) == "nullopt");
}

TEST_CASE("trailing punctuation and abbreviated year words do not hide a year", "[deadline]") {
  const Case cases[] = {
      {"2025 год,", "2025-01-01", "2025-12-31", nullptr},
      {"2025,", "2025-01-01", "2025-12-31", nullptr},
      {"2025 г.;", "2025-01-01", "2025-12-31", nullptr},
      {"2025г.", "2025-01-01", "2025-12-31", nullptr},
      {"2025-2026гг.", "2025-01-01", "2026-12-31", nullptr},
      {"2025 – 2026 гг", "2025-01-01", "2026-12-31", nullptr},
      {"2025ж.", "2025-01-01", "2025-12-31", nullptr},
      {"2025-2026 жж", "2025-01-01", "2026-12-31", nullptr},
      {"31.12.2025.", "2025-12-31", "2025-12-31", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("a recurrence with a condition but no year keeps the recurrence and no dates", "[deadline]") {
  const Case cases[] = {
      {"ежеквартально, до 10 числа месяца, следующего за отчетным", nullptr, nullptr, "quarterly"},
      {"ежегодно, до 20 января", nullptr, nullptr, "annual"},
      {"every quarter by the 10th", nullptr, nullptr, "quarterly"},
      {"тоқсан сайын, есепті тоқсаннан кейінгі айдың 10-на дейін", nullptr, nullptr, "quarterly"},
      {"1 жылда бір рет, IV тоқсаннан кешіктірмей", nullptr, nullptr, "annual"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("a recurrence's yearly point beside the span it runs in reads as that span", "[deadline]") {
  // The point ("до 1 февраля") names no year; the years beside it are the dates. It stays in the text.
  const Case cases[] = {
      {"ежегодно до 1 февраля, 2026-2028 годы", "2026-01-01", "2028-12-31", "annual"},
      {"ежегодно, до 1 февраля, 2026–2028 гг.", "2026-01-01", "2028-12-31", "annual"},
      {"annually by 1 February, 2026-2028", "2026-01-01", "2028-12-31", "annual"},
      {"annually, 2026-2028, by 1 February", "2026-01-01", "2028-12-31", "annual"},
      {"жыл сайын 1 ақпанға дейін, 2026-2028 жылдар", "2026-01-01", "2028-12-31", "annual"},
      // Not a point with no year: the span must still read whole.
      {"ежегодно до 1 февраля, и далее по запросу", nullptr, nullptr, "annual"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("a recurrence counted per period reads as its recurrence in every language", "[deadline]") {
  const Case cases[] = {
      {"тоқсанына 1 рет", nullptr, nullptr, "quarterly"},   {"Тоқсанына бір рет", nullptr, nullptr, "quarterly"},
      {"жылына бір рет", nullptr, nullptr, "annual"},       {"жылына 1 рет", nullptr, nullptr, "annual"},
      {"айына бір рет", nullptr, nullptr, "monthly"},       {"жарты жылда бір рет", nullptr, nullptr, "semiannual"},
      {"1 раз в квартал", nullptr, nullptr, "quarterly"},   {"один раз в год", nullptr, nullptr, "annual"},
      {"2 раза в год", nullptr, nullptr, "semiannual"},     {"once a quarter", nullptr, nullptr, "quarterly"},
      {"twice a year", nullptr, nullptr, "semiannual"},     {"Тұрақты түрде", nullptr, nullptr, "ongoing"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("a recurrence at either end keeps the dates of the rest", "[deadline]") {
  CHECK(dump(parse_deadline("2025 год, ежегодно", builtin_vocabulary())) == "2025-01-01..2025-12-31 annual");
  CHECK(dump(parse_deadline("ежегодно, 2025–2027 годы.", builtin_vocabulary())) == "2025-01-01..2027-12-31 annual");
  CHECK(dump(parse_deadline("2025 жыл, жыл сайын", builtin_vocabulary())) == "2025-01-01..2025-12-31 annual");
  CHECK(dump(parse_deadline("Q4 2025, quarterly;", builtin_vocabulary())) == "2025-10-01..2025-12-31 quarterly");
}

TEST_CASE("a date with a recurrence going on from it keeps its dates, whatever word leads on to the recurrence",
          "[deadline]") {
  const Case cases[] = {
      {"III квартал 2027 года, далее ежегодно", "2027-07-01", "2027-09-30", "annual"},
      {"до 1 октября 2027 года, в дальнейшем – ежеквартально", nullptr, "2027-10-01", "quarterly"},
      {"March 2027, thereafter monthly.", "2027-03-01", "2027-03-31", "monthly"},
      {"2027 жылғы II тоқсан, әрі қарай тоқсан сайын", "2027-04-01", "2027-06-30", "quarterly"},
      {"2027 жылы, кейіннен жыл сайын", "2027-01-01", "2027-12-31", "annual"},
      // The range a repetition runs in, in brackets on either side.
      {"ежеквартально (2027–2029 годы)", "2027-01-01", "2029-12-31", "quarterly"},
      {"2027-2029 (quarterly)", "2027-01-01", "2029-12-31", "quarterly"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
  // The leading word with no recurrence after it, or in the middle, reads nothing.
  for (const char* input : {"2027 год, далее", "2027, then 2028", "далее 2027 год"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("a start with no end beside a recurrence is when the repetition begins: from its first day, no end",
          "[deadline]") {
  const Case cases[] = {
      {"ежемесячно, начиная с 1 марта 2027 года", "2027-03-01", nullptr, "monthly"},
      {"с II квартала 2027 года ежегодно", "2027-04-01", nullptr, "annual"},
      {"quarterly from 2027 onwards", "2027-01-01", nullptr, "quarterly"},
      {"from 2027 on, annually", "2027-01-01", nullptr, "annual"},
      {"2027 жылдан бастап тоқсан сайын", "2027-01-01", nullptr, "quarterly"},
      // "со", the form of "с" before some consonant clusters, after "начиная" too.
      {"ежеквартально, начиная со II квартала 2028 года", "2028-04-01", nullptr, "quarterly"},
      {"со второго полугодия 2028 года ежемесячно", "2028-07-01", nullptr, "monthly"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
  // Without the recurrence it is still no deadline, and "on" closes nothing else.
  for (const char* input : {"начиная с 1 марта 2027 года", "from 2027 onwards", "2027 on"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("a deadline relative to an event stays unparsed", "[deadline]") {
  for (const char* input : {"по мере необходимости", "Шығу кезінде", "upon adoption of the law", "after the law is adopted",
                            "в течение месяца после утверждения", "заң қабылданғаннан кейін 10 жұмыс күні ішінде"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("the Cyrillic І reads as a Roman one in quarters and half-years", "[deadline]") {
  CHECK(dump(parse_deadline("І квартал 2026 года", builtin_vocabulary())) == "2026-01-01..2026-03-31 -");
  CHECK(dump(parse_deadline("ІІ полугодие 2025 г.", builtin_vocabulary())) == "2025-07-01..2025-12-31 -");
  CHECK(dump(parse_deadline("ІV кв. 2025 г.", builtin_vocabulary())) == "2025-10-01..2025-12-31 -");
  CHECK(dump(parse_deadline("2025 жылғы ІІІ тоқсан", builtin_vocabulary())) == "2025-07-01..2025-09-30 -");
}

TEST_CASE("a one-letter phrase matches across a no-break space", "[deadline]") {
  CHECK(dump(parse_deadline("I\u00a0квартал 2025 года", builtin_vocabulary())) == "2025-01-01..2025-03-31 -");
  CHECK(dump(parse_deadline("с\u00a001.07.2025 по\u00a031.12.2025", builtin_vocabulary())) == "2025-07-01..2025-12-31 -");
}

TEST_CASE("a recurrence outlives the vocabulary its phrase table was built from", "[deadline]") {
  std::optional<Vocabulary> copy;
  {
    Result<Vocabulary> original = parse_vocabulary("recurrence.annual\tjährlich\n", "de");
    REQUIRE(original.ok());
    copy = original.value();
    CHECK(dump(parse_deadline("jährlich", original.value())) == "-..- annual");
  }
  CHECK(dump(parse_deadline("jährlich", *copy)) == "-..- annual");
}

TEST_CASE("range and start words come from the vocabulary too", "[deadline]") {
  Result<Vocabulary> german = parse_vocabulary(
      "month.3\tMärz\nmonth.5\tMai\ndeadline.from\tvon\ndeadline.to\tbis\nmonth.7.from\tab Juli\n", "de");
  REQUIRE(german.ok());
  CHECK(dump(parse_deadline("von März bis Mai 2026", german.value())) == "2026-03-01..2026-05-31 -");
  CHECK(dump(parse_deadline("bis Mai 2026", german.value())) == "-..2026-05-31 -");
  CHECK(dump(parse_deadline("von März 2026", german.value())) == "nullopt");
}

TEST_CASE("a long paragraph is read in bounded memory and keeps a recurrence at either end", "[deadline]") {
  std::string prose;
  for (int i = 0; i < 5000; ++i) prose += "the ministry reports to the government on 2025 results, ";
  CHECK(dump(parse_deadline(prose, builtin_vocabulary())) == "nullopt");
  CHECK(dump(parse_deadline(prose + "annually.", builtin_vocabulary())) == "-..- annual");
  CHECK(dump(parse_deadline("quarterly: " + prose, builtin_vocabulary())) == "-..- quarterly");
  CHECK(dump(parse_deadline(prose + "annually and more", builtin_vocabulary())) == "nullopt");
}

TEST_CASE("two numerals sharing one unit word make a range of quarters or half-years", "[deadline]") {
  const Case cases[] = {
      {"III–IV кварталы 2025 года", "2025-07-01", "2025-12-31", nullptr},
      {"I-II квартал 2026 г.", "2026-01-01", "2026-06-30", nullptr},
      {"в течение II–III кварталов 2025 года", "2025-04-01", "2025-09-30", nullptr},
      {"2025 жылғы ІІІ-ІV тоқсандар", "2025-07-01", "2025-12-31", nullptr},
      {"2026 жылғы 1-2 тоқсан", "2026-01-01", "2026-06-30", nullptr},
      {"1st-2nd quarter of 2026", "2026-01-01", "2026-06-30", nullptr},
      // Digits with the plural unit, as the Roman numerals take it.
      {"3-4 кварталы 2027 года", "2027-07-01", "2027-12-31", nullptr},
      {"в 1–2 кварталах 2027 г.", "2027-01-01", "2027-06-30", nullptr},
      {"1-2 полугодия 2027 года", "2027-01-01", "2027-12-31", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
  // A numeral alone, out of order, or past the unit's count is no period.
  for (const char* input : {"III", "III 2025", "до III 2025", "IV–I кварталы 2025 года", "III–V кварталы 2025 года",
                            "II–III полугодие 2025", "I–II кварталы", "1-2 дня", "3-5 кварталы 2027 года",
                            "2-3 полугодия 2027 года"}) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}
