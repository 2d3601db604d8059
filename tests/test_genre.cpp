// The catalogue of the genre (docs/genre.md), form by form: each test is a small plan written in
// our own words showing one form that real published plans use, parsed through the whole
// pipeline (decode_source + parse_source), with checks on the fields that form affects. A form
// planparse does not read yet is pinned too: it is refused, or it comes with warnings or errors,
// never as silently wrong data. The tests tagged [!shouldfail] describe forms that ARE read
// wrongly without a diagnostic today (docs/genre.md, "Forms planparse does not read yet"): they
// state the behaviour wanted, fail now, and report themselves once the reading is fixed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/source.h"
#include "parsers/pipeline.h"

using namespace planparse;

namespace {

Result<Plan> try_parse(const std::string& name, const std::string& text) {
  Result<Source> source = decode_source(name, text);
  REQUIRE(source.ok());
  return parse_source(source.value());
}

Plan parse_document(const std::string& name, const std::string& text) {
  Result<Plan> plan = try_parse(name, text);
  if (!plan.ok()) FAIL(plan.error().message);
  return plan.value();
}

// The portal's text copy: one paragraph per argument, a blank line between (paragraph k stands
// on line 2k-1).
std::string paragraphs(const std::vector<std::string>& texts) {
  std::string text;
  for (const std::string& t : texts) text += t + "\n\n";
  return text;
}

// A copy that kept a line per paragraph, no blank lines (paragraph k on line k).
std::string lines(const std::vector<std::string>& texts) {
  std::string text;
  for (const std::string& t : texts) text += t + "\n";
  return text;
}

Plan parse_paragraphs(const std::vector<std::string>& texts) { return parse_document("plan.txt", paragraphs(texts)); }
Plan parse_lines(const std::vector<std::string>& texts) { return parse_document("plan.txt", lines(texts)); }
Plan parse_page(const std::string& html) { return parse_document("plan.html", html); }

// A page whose article holds one table: the rows given as cells (HTML inside a cell allowed),
// each row on a line of its own; the header row is line 4, the next rows 5, 6, ...
std::string page(const std::vector<std::vector<std::string>>& rows, const std::string& title = "План") {
  std::string html = "<!DOCTYPE html>\n<html><body><article><h1>" + title + "</h1>\n<table>\n";
  for (const auto& row : rows) {
    html += "<tr>";
    // A cell written with its own "<td …>" keeps its attributes (colspan, rowspan).
    for (const std::string& cell : row) html += (cell.rfind("<td", 0) == 0 ? cell : "<td>" + cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</table></article></body></html>\n";
}

std::vector<std::string> codes(const Plan& plan) {
  std::vector<std::string> out;
  for (const Diagnostic& d : plan.diagnostics) out.push_back(std::string(code_name(d.code)) + "@" + std::to_string(d.line));
  return out;
}

bool has_code(const Plan& plan, Code code, int line) {
  return std::any_of(plan.diagnostics.begin(), plan.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code && d.line == line; });
}

std::string roles(const Plan& plan) {
  std::string out;
  for (const Column& c : plan.columns) out += (out.empty() ? "" : ",") + std::string(column_role_name(c.role));
  return out;
}

std::vector<std::string> agency_texts(const Activity& activity) {
  std::vector<std::string> out;
  for (const Agency& a : activity.agencies) out.push_back(a.text);
  return out;
}

const Deadline& deadline_of(const Activity& activity, size_t i = 0) {
  REQUIRE(activity.outcomes.size() > i);
  REQUIRE(activity.outcomes[i].deadline.has_value());
  return *activity.outcomes[i].deadline;
}

// A header in one language and one row under it, written out agencies so that no glossary is
// needed: a header cell is swapped for a wording of real plans and the row must read the same.
struct Template {
  std::vector<std::string> header;  // number, name, [outcome,] deadline, agencies
  std::vector<std::string> row;
  std::string to;                   // the row's deadline, its last day
};

const Template kRussian{{"№", "Мероприятие", "Срок", "Ответственные"},
                        {"1", "Открыть читальный зал", "2026 год", "Отдел культуры"},
                        "2026-12-31"};
const Template kRussianOutcome{{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"},
                               {"1", "Открыть читальный зал", "Информация в акимат", "2026 год", "Отдел культуры"},
                               "2026-12-31"};
const Template kKazakh{{"№", "Іс-шараның атауы", "Орындау мерзімі", "Жауапты орындаушылар"},
                       {"1", "Оқу залын ашу", "2026 жыл", "Мәдениет бөлімі"},
                       "2026-12-31"};
const Template kKazakhOutcome{{"№", "Іс-шараның атауы", "Аяқтау нысаны", "Орындау мерзімі", "Жауапты орындаушылар"},
                              {"1", "Оқу залын ашу", "Әкімдікке ақпарат", "2026 жыл", "Мәдениет бөлімі"},
                              "2026-12-31"};
const Template kEnglish{{"No.", "Activity", "Deadline", "Responsible agencies"},
                        {"1", "Open a reading room", "2026", "Culture office"},
                        "2026-12-31"};
const Template kEnglishOutcome{{"No.", "Activity", "Outcome", "Deadline", "Responsible agencies"},
                               {"1", "Open a reading room", "Report to the akimat", "2026", "Culture office"},
                               "2026-12-31"};

// Parses the template with header cell `cell` worded `wording` and checks that the cell names
// `role`, keeps its text as published (trimmed), and that the row is read exactly.
void check_wording(const Template& t, size_t cell, const std::string& wording, const std::string& role) {
  INFO("header cell \"" << wording << "\"");
  std::vector<std::string> texts = {"План мероприятий"};
  for (size_t i = 0; i < t.header.size(); ++i) texts.push_back(i == cell ? wording : t.header[i]);
  texts.insert(texts.end(), t.row.begin(), t.row.end());
  const Plan plan = parse_paragraphs(texts);
  REQUIRE(plan.columns.size() == t.header.size());
  CHECK(column_role_name(plan.columns[cell].role) == role);
  std::string trimmed = wording;
  while (trimmed.size() >= 2 && trimmed.compare(trimmed.size() - 2, 2, "\u00a0") == 0) trimmed.resize(trimmed.size() - 2);
  CHECK(plan.columns[cell].header == trimmed);
  REQUIRE(plan.activities.size() == 1);
  const Activity& a = plan.activities[0];
  CHECK(a.number == 1);
  CHECK(a.name == t.row[1]);
  CHECK(deadline_of(a).to == t.to);
  if (t.header.size() == 5) CHECK(a.outcomes[0].text == t.row[2]);
  REQUIRE(a.agencies.size() == 1);
  CHECK(a.agencies[0].name == t.row.back());
  CHECK(codes(plan).empty());
}

}  // namespace

// --- 1. Header wordings -------------------------------------------------------------------------

TEST_CASE("number header wordings of real plans name the number column of a parsed plan", "[genre]") {
  for (const char* wording : {"№", "№ п/п", "N п/п", "N", "Р/с №", "Р/с№", "#"}) check_wording(kRussian, 0, wording, "number");
  check_wording(kEnglish, 0, "No.", "number");
  check_wording(kKazakh, 0, "Р/с №", "number");
}

TEST_CASE("a number header wrapped over two lines, \"N\" then \"п/п\", is one cell in a line-a-paragraph copy and in a page",
          "[genre]") {
  const Plan text = parse_lines({"План", "N", "п/п", "Мероприятие", "Срок", "Ответственные", "1", "Открыть читальный зал",
                                 "2026 год", "Отдел культуры"});
  CHECK(roles(text) == "number,name,deadline,agencies");
  CHECK(text.columns[0].header == "N п/п");
  CHECK(text.activities.size() == 1);
  const Plan html = parse_page(page({{"N<br>п/п", "Мероприятие", "Срок", "Ответственные"},
                                     {"1", "Открыть читальный зал", "2026 год", "Отдел культуры"}}));
  CHECK(html.columns[0].header == "N п/п");
  CHECK(html.activities.size() == 1);
  CHECK(codes(html).empty());
  // Two lines that each name the number column, the second not in lower case: before, "Р/с" went
  // to the intro and the header was "№".
  const Plan kazakh = parse_lines({"Жоспар", "Р/с", "№", "Іс-шара", "Мерзімі", "Жауаптылар", "1", "Оқу залын ашу", "2026 жыл",
                                   "Мәдениет бөлімі"});
  CHECK(kazakh.columns[0].header == "Р/с №");
  CHECK(kazakh.intro.empty());
  CHECK(kazakh.activities.size() == 1);
}

TEST_CASE("a number header no vocabulary names heads the number column when it shares the header's row, never the title",
          "[genre]") {
  // A tab copy: "Шифр" stands on the header's line, before its first named cell.
  const Plan tab = parse_document("plan.txt", "План\n\nШифр\tМероприятие\tСрок\tОтветственные\n"
                                              "1\tПочинить кровлю клуба\t2027 год\tОтдел культуры\n");
  CHECK(roles(tab) == "number,name,deadline,agencies");
  CHECK(tab.columns[0].header == "Шифр");
  CHECK(tab.intro.empty());
  CHECK(codes(tab) == std::vector<std::string>{"unknown-column@3"});
  const Plan html = parse_page(page({{"Шифр", "Мероприятие", "Срок", "Ответственные"},
                                     {"1", "Починить кровлю клуба", "2027 год", "Отдел культуры"}}));
  CHECK(html.columns[0].header == "Шифр");
  CHECK(codes(html) == std::vector<std::string>{"unknown-column@4"});
  // A label alone on the line before a header of paragraphs may be the title's: it stays out.
  const Plan flat = parse_paragraphs({"План", "Шифр", "Мероприятие", "Срок", "Ответственные", "1", "Починить кровлю клуба",
                                      "2027 год", "Отдел культуры"});
  CHECK_FALSE(flat.columns[0].header.has_value());
  CHECK(flat.activities.size() == 1);
}

TEST_CASE("flattened text whose rows have no number column is refused as no plan, not misread", "[genre]") {
  const Result<Plan> plan = try_parse("plan.txt", paragraphs({"План", "Наименование мероприятий", "Сроки", "Ответственный",
                                                              "Уборка сквера", "май", "Отдел благоустройства",
                                                              "Покраска скамеек", "июнь", "Отдел благоустройства"}));
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().code == Code::not_a_plan);
  CHECK_THAT(plan.error().message, Catch::Contains("--vocab"));
}

TEST_CASE("a page table with no number column reads each grid row as an activity numbered by position, each flagged",
          "[genre]") {
  // Where the cells are a grid, its rows are the rows: no number is needed to find them. A
  // full-width row still opens a section, and a cell of two paragraphs stays one cell.
  const Plan plan = parse_page(page({{"Наименование мероприятий", "Сроки", "Ответственный"},
                                     {"<td colspan=\"3\">1. Памятники</td>"},
                                     {"Уборка сквера у памятника", "май 2026 года", "Отдел благоустройства"},
                                     {"<td><p>Покраска скамеек</p><p>и ограды</p></td>", "июнь 2026 года",
                                      "Отдел благоустройства, отдел культуры"}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].number == 1);
  CHECK(plan.activities[1].number == 2);
  CHECK(plan.activities[1].name == "Покраска скамеек\nи ограды");
  CHECK(plan.activities[1].section == "1");
  CHECK(deadline_of(plan.activities[1]).from == "2026-06-01");
  CHECK(plan.activities[1].agencies.size() == 2);
  CHECK(codes(plan) == std::vector<std::string>{"unnumbered-row@" + std::to_string(plan.activities[0].line),
                                                "unnumbered-row@" + std::to_string(plan.activities[1].line)});
  // A table whose number column has no header word still takes its numbers from that column.
  const Plan numbered = parse_page(page({{"", "Наименование мероприятий", "Сроки", "Ответственный"},
                                         {"7", "Уборка сквера", "май 2026 года", "Отдел благоустройства"}}));
  REQUIRE(numbered.activities.size() == 1);
  CHECK(numbered.activities[0].number == 7);
  CHECK(codes(numbered).empty());
}

TEST_CASE("name header wordings of real plans name the name column of a parsed plan", "[genre]") {
  for (const char* wording : {"Наименование", "Наименование мероприятия", "Наименование мероприятий", "Мероприятие",
                              "Мероприятия", "Проводимые мероприятия", "Содержание мероприятия"}) {
    check_wording(kRussian, 1, wording, "name");
  }
  check_wording(kKazakh, 1, "Іс-шараның атауы", "name");
  for (const char* wording : {"Name", "Activity"}) check_wording(kEnglish, 1, wording, "name");
}

TEST_CASE("the header words of a hierarchical table (project, sub-task) name no column: each is kept in extra with a warning, "
          "and its confirming documents are the outcome",
          "[genre]") {
  // Paragraph k on line 2k-1: the header cells on lines 3 … 13.
  const Plan plan = parse_paragraphs({"Жоспар", "№", "Жоба", "Міндеттер", "Қосымша міндеттер", "Орындау мерзімі",
                                      "Растайтын құжаттар", "1", "Ашық деректер жобасы", "Деректерді жариялау",
                                      "Жинақтарды жаңарту", "2026 жылғы желтоқсан", "Бұйрық"});
  CHECK(roles(plan) == "number,other,name,other,deadline,outcome");
  REQUIRE(plan.activities.size() == 1);
  const Activity& a = plan.activities[0];
  CHECK(a.name == "Деректерді жариялау");
  CHECK(deadline_of(a).to == "2026-12-31");
  CHECK(a.outcomes.at(0).text == "Бұйрық");
  CHECK(a.agencies.empty());
  CHECK(a.extra == std::vector<std::pair<std::string, std::string>>{{"Жоба", "Ашық деректер жобасы"},
                                                                    {"Қосымша міндеттер", "Жинақтарды жаңарту"}});
  CHECK(codes(plan) == std::vector<std::string>{"unknown-column@5", "unknown-column@9"});
}

TEST_CASE("outcome header wordings of real plans name the outcome column of a parsed plan", "[genre]") {
  for (const char* wording : {"Форма завершения", "Ожидаемые результаты", "Ожидаемый результат"}) {
    check_wording(kRussianOutcome, 2, wording, "outcome");
  }
  for (const char* wording : {"Аяқтау нысаны", "Аяқталу нысаны"}) check_wording(kKazakhOutcome, 2, wording, "outcome");
  for (const char* wording : {"Outcome", "Form of completion", "Expected output"}) {
    check_wording(kEnglishOutcome, 2, wording, "outcome");
  }
}

TEST_CASE("an outcome header that names the document or the proof of completion names the outcome column", "[genre]") {
  // The report or document that shows an activity done is its form of completion, whatever the
  // header calls it; a reporting period stays a deadline.
  for (const char* wording : {"Вид отчетного документа", "Чем подтверждается исполнение", "Документ, подтверждающий исполнение",
                              "Отчётная форма"}) {
    check_wording(kRussianOutcome, 2, wording, "outcome");
  }
  for (const char* wording : {"Растайтын құжат", "Есеп беру түрі", "Құжаттың түрі"}) {
    check_wording(kKazakhOutcome, 2, wording, "outcome");
  }
  for (const char* wording : {"Evidence of completion", "Means of verification", "Reporting document", "Proof"}) {
    check_wording(kEnglishOutcome, 2, wording, "outcome");
  }
  check_wording(kRussianOutcome, 3, "Отчетный период", "deadline");
  check_wording(kKazakhOutcome, 3, "Есепті кезең", "deadline");
  check_wording(kEnglishOutcome, 3, "Reporting date", "deadline");
}

TEST_CASE("deadline header wordings of real plans name the deadline column of a parsed plan", "[genre]") {
  for (const char* wording : {"Срок", "Сроки", "Срок исполнения", "Сроки исполнения", "Срок проведения", "Сроки проведения",
                              "Срок представления"}) {
    check_wording(kRussian, 2, wording, "deadline");
  }
  // The portal prints "Орындау мерзімі" with a trailing no-break space.
  for (const char* wording : {"Орындау мерзімі\u00a0", "Орындалу мерзімі"}) check_wording(kKazakh, 2, wording, "deadline");
  for (const char* wording : {"Deadline", "Implementation timeframe"}) check_wording(kEnglish, 2, wording, "deadline");
}

TEST_CASE("agencies header wordings of real plans name the agencies column of a parsed plan", "[genre]") {
  for (const char* wording : {"Ответственные исполнители", "Ответственные", "Ответственный", "Ответственный исполнитель",
                              "Ответственные за исполнение", "Ответственные за выполнение", "Исполнители", "Исполнитель"}) {
    check_wording(kRussian, 3, wording, "agencies");
  }
  for (const char* wording : {"Жауапты орындаушылар", "Орындауға жауаптылар"}) check_wording(kKazakh, 3, wording, "agencies");
  for (const char* wording : {"Agencies in charge", "Responsible agencies"}) check_wording(kEnglish, 3, wording, "agencies");
}

TEST_CASE("header cells asked as questions (what, with what result, when, who) name their columns", "[genre]") {
  check_wording(kRussianOutcome, 1, "Что сделать", "name");
  check_wording(kRussianOutcome, 2, "Чем завершится", "outcome");
  check_wording(kRussianOutcome, 3, "Когда", "deadline");
  check_wording(kRussianOutcome, 4, "Кто отвечает", "agencies");
  check_wording(kEnglishOutcome, 1, "What will be done", "name");
  check_wording(kEnglishOutcome, 2, "What result", "outcome");
  check_wording(kEnglishOutcome, 3, "By when", "deadline");
  check_wording(kEnglishOutcome, 4, "Who", "agencies");
  check_wording(kKazakhOutcome, 1, "Не істеледі", "name");
  check_wording(kKazakhOutcome, 3, "Қашан", "deadline");
  check_wording(kKazakhOutcome, 4, "Кім жауап береді", "agencies");
}

TEST_CASE("a column whose header names nothing is the deadline or agencies column the header lacks when its rows say so",
          "[genre]") {
  // "Загадка" and "Кому поручено" are in no vocabulary; their cells are dates and bodies.
  const std::string text =
      "План благоустройства\n\n№\tМероприятие\tРезультат\tЗагадка\tКому поручено\n"
      "1\tПокрасить скамейки\tАкт приёмки\tмай 2026 года\tОтдел ЖКХ\n"
      "2\tВысадить деревья\tОтчёт в акимат\tдо 1 октября 2026 года\tОтдел благоустройства, акимат района\n";
  const Plan plan = parse_document("plan.txt", text);
  CHECK(roles(plan) == "number,name,outcome,deadline,agencies");
  REQUIRE(plan.activities.size() == 2);
  CHECK(deadline_of(plan.activities[0]).to == "2026-05-31");
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Отдел благоустройства", "акимат района"});
  CHECK(plan.activities[0].extra.empty());
  // Each column read by its rows keeps its unknown-column warning, which says what it was read as.
  REQUIRE(codes(plan) == std::vector<std::string>{"unknown-column@3", "unknown-column@3"});
  CHECK_THAT(plan.diagnostics[0].message, Catch::Contains("read as the deadline column"));
  CHECK_THAT(plan.diagnostics[1].message, Catch::Contains("read as the agencies column"));

  SECTION("in a page too") {
    const Plan page_plan = parse_page(page({{"№", "Мероприятие", "Результат", "Загадка", "Кому поручено"},
                                            {"1", "Покрасить скамейки", "Акт", "май 2026 года", "Отдел ЖКХ"},
                                            {"2", "Высадить деревья", "Отчёт", "2027 год", "Ministry of Ecology"}}));
    CHECK(roles(page_plan) == "number,name,outcome,deadline,agencies");
    CHECK(agency_texts(page_plan.activities[1]) == std::vector<std::string>{"Ministry of Ecology"});
  }
  SECTION("a column of prose stays in extra, and so does one the header already names") {
    const Plan kept = parse_document("plan.txt",
                                     "План\n\n№\tМероприятие\tЗагадка\tСрок\tОтветственные\n"
                                     "1\tПокрасить скамейки\tиюнь 2026 года\tмай 2026 года\tОтдел ЖКХ\n"
                                     "2\tВысадить деревья\tкрасиво и быстро\t2027 год\tОтдел ЖКХ\n");
    CHECK(roles(kept) == "number,name,other,deadline,agencies");
    REQUIRE(kept.activities[0].extra.size() == 1);
    CHECK(kept.activities[0].extra[0].second == "июнь 2026 года");
    const Plan prose = parse_document("plan.txt",
                                      "План\n\n№\tМероприятие\tЗагадка\tОтветственные\n"
                                      "1\tПокрасить скамейки\tкрасиво и быстро\tОтдел ЖКХ\n"
                                      "2\tВысадить деревья\tс любовью\tОтдел ЖКХ\n");
    CHECK(roles(prose) == "number,name,other,agencies");
  }
}

TEST_CASE("a title line above a header copied as one line of tab-separated cells is no header cell", "[genre]") {
  // "План мероприятий" holds a name word; the header line names its columns by itself.
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий по благоустройству дворов\n\n№\tЧто сделать\tКогда\tКто отвечает\n"
                                   "1\tПокрасить скамейки\tмай 2026 года\tОтдел ЖКХ\n");
  CHECK(roles(plan) == "number,name,deadline,agencies");
  REQUIRE(plan.title.has_value());
  CHECK(*plan.title == "План мероприятий по благоустройству дворов");
  CHECK(codes(plan).empty());
}

TEST_CASE("a header cell cut at its first line, \"Ответствен-\", still names the agencies", "[genre]") {
  // A legal-database export: every cell on lines of its own ending with " |", the header cells
  // cut to their first line, a column-number row, agencies before the deadline.
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\nN |\nНаименование |\nОтветствен- |\nСрок |\n1 | 2 | 3 | 4 |\n1. |\n"
                                   "Открытие музея\nремесел |\nОтдел культуры |\n2026 год, |\n2. |\nВыпуск каталога |\n"
                                   "Отдел культуры |\n2027 год |\n");
  CHECK(roles(plan) == "number,name,agencies,deadline");
  CHECK(plan.columns[2].header == "Ответствен-");
  REQUIRE(plan.activities.size() == 2);
  const Activity& a = plan.activities[0];
  CHECK(a.name == "Открытие музея ремесел");  // a cell wrapped over lines runs on to its bar
  CHECK(agency_texts(a) == std::vector<std::string>{"Отдел культуры"});
  CHECK(deadline_of(a).text == "2026 год,");
  CHECK(deadline_of(a).from == "2026-01-01");
  CHECK(deadline_of(a).to == "2026-12-31");
  CHECK(deadline_of(plan.activities[1]).to == "2027-12-31");
  CHECK(codes(plan).empty());
}

TEST_CASE("a table with neither an agencies nor an outcome column reads its rows, with no agency and no warning", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Наименование мероприятий", "Срок исполнения", "1.", "Уборка сквера",
                                      "апрель 2026 г.", "2.", "Покраска скамеек", "май 2026 г."});
  CHECK(roles(plan) == "number,name,deadline");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].name == "Покраска скамеек");
  CHECK(deadline_of(plan.activities[1]).from == "2026-05-01");
  CHECK(deadline_of(plan.activities[1]).to == "2026-05-31");
  CHECK(plan.activities[1].agencies.empty());
  CHECK(plan.activities[1].outcomes[0].text.empty());
  CHECK(codes(plan).empty());
}

TEST_CASE("agencies before the deadline, then money columns: every cell stays in its column, a volume column in extra with a "
          "warning",
          "[genre]") {
  // Header cells on lines 3 … 15 (paragraph k on line 2k-1).
  const Plan plan = parse_paragraphs({"План", "N", "Наименование мероприятий", "Объем работ", "Ответственные",
                                      "Срок исполнения", "Источник финансирования", "Предполагаемые расходы", "1.",
                                      "Озеленение бульвара", "40 деревьев", "Отдел благоустройства", "2026 год",
                                      "местный бюджет", "1200", "2.", "Ремонт фонтана", "1 объект", "Отдел ЖКХ", "2027 год",
                                      "местный бюджет", "800"});
  CHECK(roles(plan) == "number,name,other,agencies,deadline,other,other");
  REQUIRE(plan.activities.size() == 2);
  const Activity& a = plan.activities[0];
  CHECK(a.name == "Озеленение бульвара");
  CHECK(agency_texts(a) == std::vector<std::string>{"Отдел благоустройства"});
  CHECK(deadline_of(a).to == "2026-12-31");
  CHECK(a.extra == std::vector<std::pair<std::string, std::string>>{
                       {"Объем работ", "40 деревьев"}, {"Источник финансирования", "местный бюджет"}, {"Предполагаемые расходы", "1200"}});
  CHECK(plan.activities[1].extra[2].second == "800");
  CHECK(codes(plan) == std::vector<std::string>{"unknown-column@7"});
}

TEST_CASE("a two-level financing header in a page is read: each sub-header is a column of its own, headed with its "
          "parent",
          "[genre]") {
  // P10. Before: the sub-headers were three unclaimed-paragraph warnings and the per-year
  // figures joined in one extra cell ("30\n10\n20").
  const std::string html =
      "<!DOCTYPE html>\n<html><body><article><h1>План</h1>\n<table>\n"
      "<tr><td rowspan=\"2\">№</td><td rowspan=\"2\">Наименование</td><td rowspan=\"2\">Срок</td>"
      "<td rowspan=\"2\">Ответственные</td><td colspan=\"3\">Объем финансирования</td></tr>\n"
      "<tr><td>всего</td><td>2026 год</td><td>2027 год</td></tr>\n"
      "<tr><td>1</td><td>Ремонт фонтана</td><td>2026 год</td><td>Отдел ЖКХ</td><td>30</td><td>10</td><td>20</td></tr>\n"
      "</table></article></body></html>\n";
  const Plan plan = parse_page(html);
  CHECK(roles(plan) == "number,name,deadline,agencies,other,other,other");
  REQUIRE(plan.columns.size() == 7);
  CHECK(plan.columns[5].header == "Объем финансирования: 2026 год");
  REQUIRE(plan.activities.size() == 1);
  CHECK(deadline_of(plan.activities[0]).to == "2026-12-31");
  CHECK(plan.activities[0].extra == std::vector<std::pair<std::string, std::string>>{{"Объем финансирования: всего", "30"},
                                                                                      {"Объем финансирования: 2026 год", "10"},
                                                                                      {"Объем финансирования: 2027 год", "20"}});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a deadline header over start and end sub-headers reads each row's two dates as one range", "[genre]") {
  const std::string html =
      "<!DOCTYPE html>\n<html><body><article><h1>План</h1>\n<table>\n"
      "<tr><th rowspan=\"2\">№</th><th rowspan=\"2\">Наименование</th><th rowspan=\"2\">Форма завершения</th>"
      "<th colspan=\"2\">Срок</th><th rowspan=\"2\">Ответственные</th></tr>\n"
      "<tr><th>начало</th><th>окончание</th></tr>\n"
      "<tr><td>1</td><td>Замена ламп</td><td>Акт</td><td>апрель 2027 г.</td><td>декабрь 2028 г.</td><td>Отдел ЖКХ</td></tr>\n"
      "<tr><td>2</td><td>Ремонт крыши</td><td>Акт</td><td>2027 год</td><td></td><td>Отдел ЖКХ</td></tr>\n"
      "</table></article></body></html>\n";
  const Plan plan = parse_page(html);
  CHECK(roles(plan) == "number,name,outcome,deadline,agencies");
  CHECK(plan.columns[3].header == "Срок: начало / окончание");
  REQUIRE(plan.activities.size() == 2);
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(plan.activities[0].outcomes[0].deadline->text == "апрель 2027 г. \u2013 декабрь 2028 г.");
  CHECK(plan.activities[0].outcomes[0].deadline->from == "2027-04-01");
  CHECK(plan.activities[0].outcomes[0].deadline->to == "2028-12-31");
  // A start with no end is the one date the row gives.
  CHECK(deadline_of(plan.activities[1]).to == "2027-12-31");
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a merged cell under one sub-header of a two-level header goes on in the rows below, beside their own cells",
          "[genre]") {
  // "источник" merged over two rows under "Финансирование", whose "сумма" each row gives anew:
  // the second row reads both, as the page shows them (before: the merged cell was lost there).
  const std::string html =
      "<!DOCTYPE html>\n<html><body><article><h1>План</h1>\n<table>\n"
      "<tr><td rowspan=\"2\">№</td><td rowspan=\"2\">Наименование</td><td rowspan=\"2\">Срок</td>"
      "<td rowspan=\"2\">Ответственные</td><td colspan=\"2\">Финансирование</td></tr>\n"
      "<tr><td>сумма</td><td>источник</td></tr>\n"
      "<tr><td>1</td><td>Ремонт фонтана</td><td>2026 год</td><td>Отдел ЖКХ</td><td>30</td><td rowspan=\"2\">местный бюджет</td></tr>\n"
      "<tr><td>2</td><td>Ремонт сквера</td><td>2026 год</td><td>Отдел ЖКХ</td><td>40</td></tr>\n"
      "<tr><td>3</td><td>Ремонт моста</td><td>2027 год</td><td>Отдел ЖКХ</td><td>50</td><td>республиканский бюджет</td></tr>\n"
      "</table></article></body></html>\n";
  const Plan plan = parse_page(html);
  REQUIRE(plan.activities.size() == 3);
  using Extra = std::vector<std::pair<std::string, std::string>>;
  CHECK(plan.activities[0].extra == Extra{{"Финансирование: сумма", "30"}, {"Финансирование: источник", "местный бюджет"}});
  CHECK(plan.activities[1].extra == Extra{{"Финансирование: сумма", "40"}, {"Финансирование: источник", "местный бюджет"}});
  CHECK(plan.activities[2].extra ==
        Extra{{"Финансирование: сумма", "50"}, {"Финансирование: источник", "республиканский бюджет"}});
}

TEST_CASE("status, mark and comment columns are kept in extra, as columns the vocabulary names", "[genre]") {
  // Before stop 30 no vocabulary named them: each had an unknown-column warning.
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Статус", "Комментарии", "1",
                                      "Ремонт фонтана", "2026 год", "Отдел ЖКХ", "в работе", "подрядчик выбран"});
  CHECK(roles(plan) == "number,name,deadline,agencies,other,other");
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].extra ==
        std::vector<std::pair<std::string, std::string>>{{"Статус", "в работе"}, {"Комментарии", "подрядчик выбран"}});
  CHECK(codes(plan).empty());
  for (const char* header : {"Отметка о выполнении", "Status", "Орындалуы туралы белгі", "Түсініктемелер"}) {
    INFO(header);
    const Plan other = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", header, "1", "Ремонт фонтана",
                                         "2026 год", "Отдел ЖКХ", "выполнено"});
    CHECK(roles(other) == "number,name,deadline,agencies,other");
    CHECK(codes(other).empty());
  }
}

TEST_CASE("the deadline before the outcome (№ / name / deadline / outcome / agencies) reads each cell in its column", "[genre]") {
  const Plan plan = parse_paragraphs({"Жоспар", "№", "Іс-шараның атауы", "Орындау мерзімі", "Аяқтау нысаны",
                                      "Жауапты орындаушылар", "1", "Ішкі ережелерді қайта қарау", "2026 жылғы желтоқсан",
                                      "Бұйрық", "Заң бөлімі", "2", "Қызметкерлерді оқыту", "Тоқсанына 1 рет", "Хаттама",
                                      "Кадр бөлімі"});
  CHECK(roles(plan) == "number,name,deadline,outcome,agencies");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].outcomes[0].text == "Бұйрық");
  CHECK(deadline_of(plan.activities[0]).from == "2026-12-01");
  CHECK(plan.activities[1].outcomes[0].text == "Хаттама");
  CHECK(deadline_of(plan.activities[1]).recurrence == Recurrence::quarterly);
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Кадр бөлімі"});
  CHECK(plan.language == "kk");
  CHECK(codes(plan).empty());
}

TEST_CASE("the outcome as the last column after the agencies, its header over two lines of a line-a-paragraph copy, reads "
          "each cell in its column",
          "[genre]") {
  const Plan plan = parse_lines({"План", "N", "п/п", "Содержание мероприятия", "Срок", "Ответственные за", "выполнение",
                                 "Ожидаемые", "результаты", "1.", "Проверка качества товаров", "2026 год",
                                 "Отдел торговли", "Снижение жалоб"});
  CHECK(roles(plan) == "number,name,deadline,agencies,outcome");
  CHECK(plan.columns[3].header == "Ответственные за выполнение");
  CHECK(plan.columns[4].header == "Ожидаемые результаты");
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].outcomes[0].text == "Снижение жалоб");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел торговли"});
  CHECK(codes(plan).empty());
}

TEST_CASE("a header cell split over two blank-line-separated paragraphs leaves its first paragraph unclaimed, with a "
          "warning, and the rows in their columns",
          "[genre]") {
  // Paragraph k on line 2k-1: "Ожидаемые" on 11, "результаты" on 13, the row's number on 15.
  const Plan plan = parse_paragraphs({"План", "№", "Содержание мероприятия", "Срок", "Ответственные", "Ожидаемые",
                                      "результаты", "1.", "Проверка качества товаров", "2026 год", "Отдел торговли",
                                      "Снижение жалоб"});
  // "Ожидаемые" names no role: a column no row fills (an empty optional column costs little), so
  // it is dropped and its header word reported; "результаты" names the outcome.
  CHECK(roles(plan) == "number,name,deadline,agencies,outcome");
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@11"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].outcomes.at(0).text == "Снижение жалоб");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел торговли"});
}

// --- 3. Sections and grouping rows --------------------------------------------------------------

TEST_CASE("'Глава N.' between rows opens a section", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Глава 1. Дороги", "1)",
                                      "Ремонт улиц", "к 1 сентября 2026 г.", "Отдел дорог", "Глава 2. Мосты", "2)",
                                      "Ремонт моста", "2027 год", "Отдел дорог"});
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[1].number == "2");
  CHECK(plan.sections[1].title == "Мосты");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].section == "2");
  CHECK(deadline_of(plan.activities[0]).to == "2026-09-01");
  CHECK(codes(plan).empty());
}

TEST_CASE("a goal row in a page is an unclaimed paragraph, never a row or a cell", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"<td colspan=\"4\">Цель: доступная связь в сёлах"},
                                     {"1.", "Задача 1. Подключить школы", "2026 год", "Отдел связи"},
                                     {"2.", "Провести конкурс", "2027 год", "Отдел связи"}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Задача 1. Подключить школы");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел связи"});
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@5"});
}

TEST_CASE("a full-width heading row with no number in a page opens no section, and its warning says so and where the "
          "rows stay", "[genre]") {
  // A section is known by its number (an activity's `section` names it): a heading without one
  // is reported as a heading, not as a stray paragraph, and the rows after it keep their section.
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"<td colspan=\"4\">I. Культура"},
                                     {"1", "Открыть читальный зал", "2026 год", "Отдел культуры"},
                                     {"<td colspan=\"4\">Работа с молодёжью"},
                                     {"2", "Провести форум", "2027 год", "Отдел спорта"}}));
  REQUIRE(plan.sections.size() == 1);
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].section == "I");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел культуры"});
  REQUIRE(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@7"});
  CHECK(plan.diagnostics[0].message ==
        "heading row inside the table has no number, so it opens no section (a section is known by its number); "
        "the rows after it stay in section I: Работа с молодёжью");
  // Before any section the rows stay in none.
  const Plan first = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                      {"<td colspan=\"4\">Работа с молодёжью"},
                                      {"1", "Провести форум", "2027 год", "Отдел спорта"}}));
  REQUIRE(first.diagnostics.size() == 1);
  CHECK(first.diagnostics[0].message.ends_with("the rows after it stay in no section: Работа с молодёжью"));
}

TEST_CASE("a goal row between the rows of flattened text is no agency of the row above", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1.", "Подключить школы",
                                      "2026 год", "Отдел связи", "Цель: доступная связь в городах", "2.",
                                      "Провести конкурс", "2027 год", "Отдел связи"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел связи"});
}

TEST_CASE("a goal row right under the header of flattened text leaves the header and the first row as they are",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Цель: доступная связь в сёлах",
                                      "1.", "Задача 1. Подключить школы", "2026 год", "Отдел связи", "2.",
                                      "Провести конкурс", "2027 год", "Отдел связи"});
  CHECK(plan.columns.size() == 4);
  CHECK(plan.columns[3].header == "Ответственные");
  CHECK(plan.activities.size() == 2);
}

TEST_CASE("a Kazakh goal and task row between rows of flattened text is no agency of the row above", "[genre]") {
  const Plan plan = parse_paragraphs({"Жоспар", "Р/с №", "Іс-шараның атауы", "Орындалу мерзімі", "Жауапты орындаушылар",
                                      "1", "Мектептерді желіге қосу", "2026 жыл", "Байланыс бөлімі",
                                      "1.2-мақсат. Ауылдардағы байланыс", "1.2.1-міндет. Ауылдарды қосу", "2",
                                      "Ауруханаларды қосу", "2027 жыл", "Байланыс бөлімі"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Байланыс бөлімі"});
}

TEST_CASE("an upper-case group row with placeholder cells right under the header is no header cell: the group row and "
          "its placeholders are unclaimed-paragraph warnings, the row is whole",
          "[genre]") {
  // Paragraph k on line 2k-1: the group row on 11, its placeholders on 13 and 15, the row on 17.
  // (Before: the group row was taken for one more header cell, the row's agencies went to it.)
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "ПОДПРОГРАММА 2 РАЗВИТИЕ СВЯЗИ",
                                      "х", "х", "1.", "Подключить школы", "2026 год", "Отдел связи"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.columns.size() == 4);
  CHECK(plan.activities[0].name == "Подключить школы");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел связи"});
  CHECK(codes(plan) ==
        std::vector<std::string>{"unclaimed-paragraph@11", "unclaimed-paragraph@13", "unclaimed-paragraph@15"});
}

TEST_CASE("a section or group heading right under the header opens the rows, never a column", "[genre]") {
  // "Раздел 2: …" (a colon after the section word), "І бөлім. …" (the Kazakh section word after
  // a Roman numeral), "Раздел 1 – …" (a dash): sections. "Цель 1. …", "Objective 1: …",
  // "Подраздел 1.1. …": group headings, unclaimed with a warning. None is a header cell.
  struct Case {
    std::string first, second;
    std::vector<std::string> sections;
  };
  for (const Case& c : std::vector<Case>{{"Раздел 1: Кадры", "Раздел 2: Финансы", {"1", "2"}},
                                         {"І бөлім. Кадрлар", "ІІ бөлім. Қаржы", {"I", "II"}},
                                         {"1 бөлім: Кадрлар", "2 бөлім: Қаржы", {"1", "2"}},
                                         {"1-бөлім: Кадрлар", "2-бөлім: Қаржы", {"1", "2"}},
                                         {"Раздел 1 – Кадры", "Раздел 2 – Финансы", {"1", "2"}},
                                         {"Block 1. Staff", "Block 2. Money", {"1", "2"}},
                                         {"Цель 1. Кадры", "Цель 2. Финансы", {}},
                                         {"Objective 1. Staff", "Objective 2: Money", {}},
                                         {"Подраздел 1.1. Кадры", "Подраздел 1.2. Финансы", {}}}) {
    INFO(c.first);
    const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", c.first, "1.", "Обучение учителей",
                                        "2026 год", "Отдел образования", c.second, "2.", "Анализ бюджета", "2026 год",
                                        "Отдел финансов"});
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.columns.size() == 4);
    std::vector<std::string> sections;
    for (const Section& section : plan.sections) sections.push_back(section.number);
    CHECK(sections == c.sections);
    CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел образования"});
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Отдел финансов"});
    if (!c.sections.empty()) {
      CHECK(plan.sections[1].title == c.second.substr(c.second.rfind(' ') + 1));
      CHECK(plan.activities[1].section == c.sections[1]);
      CHECK(codes(plan).empty());
    } else {
      CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@11", "unclaimed-paragraph@21"});
    }
  }
}

TEST_CASE("an upper-case group row with placeholder cells between rows of flattened text is no agency of the row above",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1.", "Подключить школы",
                                      "2026 год", "Отдел связи", "ПОДПРОГРАММА 2 РАЗВИТИЕ СВЯЗИ", "х", "х", "2.",
                                      "Провести конкурс", "2027 год", "Отдел связи"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел связи"});
}

TEST_CASE("a numbered project heading between rows of flattened text is no agency of the row above", "[genre]") {
  const Plan plan = parse_paragraphs({"Жоспар", "№", "Іс-шараның атауы", "Орындау мерзімі", "Жауапты орындаушылар",
                                      "№1 жоба «Ашық деректер»", "1", "Деректер жинағын жариялау", "2026 жылғы желтоқсан",
                                      "Ақпарат бөлімі", "№2 жоба «Ашық бюджет»", "2", "Бюджетті жариялау",
                                      "2027 жылғы желтоқсан", "Қаржы бөлімі"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Ақпарат бөлімі"});
}

// --- 4. Activity numbering ----------------------------------------------------------------------

TEST_CASE("numbers \"1.\" and \"3\" mixed in one table are all activities, with no numbering diagnostic", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "N п/п", "Мероприятие", "Срок исполнения", "Исполнители", "1.",
                                      "Инвентаризация архива", "01.03.2026", "Отдел архива", "2", "Оцифровка описей",
                                      "30.09.2026", "Отдел архива", "3.", "Передача описей", "15.12.2026", "Отдел архива"});
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[1].number == 2);
  CHECK(plan.activities[2].number == 3);
  CHECK(deadline_of(plan.activities[1]).from == "2026-09-30");
  CHECK(codes(plan).empty());
}

TEST_CASE("a number cell with a no-break space before the number starts its row, in text and in a page", "[genre]") {
  const Plan text = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "\u00a0 1", "Уборка сквера",
                                      "2026 год", "Отдел благоустройства", "\u00a02", "Покраска скамеек", "2027 год",
                                      "Отдел благоустройства"});
  REQUIRE(text.activities.size() == 2);
  CHECK(text.activities[0].number == 1);
  CHECK(text.activities[0].line == 11);
  CHECK(text.activities[1].number == 2);
  CHECK(codes(text).empty());
  const Plan html = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"&nbsp; 1", "Уборка сквера", "2026 год", "Отдел благоустройства"},
                                     {"&nbsp;2", "Покраска скамеек", "2027 год", "Отдел благоустройства"}}));
  REQUIRE(html.activities.size() == 2);
  CHECK(html.activities[1].number == 2);
  CHECK(codes(html).empty());
}

TEST_CASE("rows marked \"-\" instead of numbers are read, numbered by position and each flagged", "[genre]") {
  const std::vector<std::string> kazakh{"Жоспар", "Р/с №", "Іс-шараның атауы", "Орындалу мерзімі",
                                        "Жауапты орындаушылар", "-", "Мектептерді желіге қосу", "2026 жыл",
                                        "Байланыс бөлімі", "-", "Ауруханаларды қосу", "2027 жыл", "Байланыс бөлімі"};
  const Plan text = parse_paragraphs(kazakh);
  REQUIRE(text.activities.size() == 2);
  CHECK(text.activities[0].number == 1);
  CHECK(text.activities[1].number == 2);
  CHECK(text.activities[1].name == "Ауруханаларды қосу");
  CHECK(deadline_of(text.activities[1]).from == "2027-01-01");
  CHECK(codes(text) == std::vector<std::string>{"unnumbered-row@11", "unnumbered-row@19"});
  // In a tab copy.
  const Plan tabs = parse_document("plan.txt",
                               "Жоспар\n\nР/с №\tІс-шараның атауы\tОрындалу мерзімі\tЖауапты орындаушылар\n-\tМектептерді "
                               "желіге қосу\t2026 жыл\tБайланыс бөлімі\n-\tАуруханаларды қосу\t2027 жыл\tБайланыс бөлімі\n");
  REQUIRE(tabs.activities.size() == 2);
  CHECK(tabs.activities[1].name == "Ауруханаларды қосу");
  CHECK(codes(tabs) == std::vector<std::string>{"unnumbered-row@4", "unnumbered-row@5"});
  // In a page, and with bullets.
  const Plan html = parse_page(page({{"Р/с №", "Іс-шараның атауы", "Орындалу мерзімі", "Жауапты орындаушылар"},
                                     {"•", "Мектептерді желіге қосу", "2026 жыл", "Байланыс бөлімі"},
                                     {"•", "Ауруханаларды қосу", "2027 жыл", "Байланыс бөлімі"}}));
  REQUIRE(html.activities.size() == 2);
  CHECK(html.activities[1].number == 2);
  CHECK(html.diagnostics.size() == 2);
  CHECK(std::all_of(html.diagnostics.begin(), html.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == Code::unnumbered_row; }));
}

TEST_CASE("a lone dash in a numbered table is an empty cell, never a row", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Примечание", "1",
                                      "Уборка сквера", "2026 год", "Отдел благоустройства", "-", "2",
                                      "Покраска скамеек", "2027 год", "Отдел благоустройства", "-"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].number == 2);
  for (const Diagnostic& d : plan.diagnostics) CHECK(d.code != Code::unnumbered_row);
}

TEST_CASE("rows numbered with Roman numerals are activities when the first row is \"I.\", in a portal copy and a page",
          "[genre]") {
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.activities.size() == 3);
    CHECK(plan.activities[1].number == 2);
    CHECK(plan.activities[1].name == "Доля освещенных улиц");
    CHECK(plan.activities[2].number == 3);
    CHECK(deadline_of(plan.activities[2]).to == "2028-12-31");
    CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"Отдел парков"});
  };
  // An Arabic figure in a cell ("45") is no row number in such a table, in sequence or not.
  const Plan copy = parse_paragraphs({"План", "№", "Наименование показателя", "Значение", "Срок", "Ответственные", "I.",
                                      "Доля отремонтированных дорог", "45", "2026 год", "Отдел дорог", "II.",
                                      "Доля освещенных улиц", "4", "2027 год", "Отдел дорог", "III.", "Число скверов",
                                      "12", "2028 год", "Отдел парков"});
  check(copy);
  CHECK(copy.activities[1].extra.at(0).second == "4");
  CHECK(codes(copy) == std::vector<std::string>{"unknown-column@7"});
  // Cyrillic І for the Latin I, as Kazakh and Russian typists write it.
  const Plan html = parse_page(page({{"№", "Показатель", "Срок", "Ответственные"},
                                     {"І.", "Доля отремонтированных дорог", "2026 год", "Отдел дорог"},
                                     {"ІІ.", "Доля освещенных улиц", "2027 год", "Отдел дорог"},
                                     {"ІІІ", "Число скверов", "2028 год", "Отдел парков"}}));
  check(html);
  CHECK(codes(html) == std::vector<std::string>{"unknown-column@4"});  // "Показатель", read as the name column
}

TEST_CASE("a Roman-numbered table whose first row names an agency that reads as a numeral (\"MDI\") still numbers its rows "
          "in Roman",
          "[genre]") {
  // Found by the generator: "MDI" (1501) right after "I)" was taken for the next row's numeral,
  // so the first row had no cells and the table was refused.
  const Plan plan = parse_lines({"Plan", "Agencies", "Name of the measure", "Deadline", "I)", "MDI", "Review the rules",
                                 "2027", "II", "MFA", "Publish the report", "2028"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"MDI"});
  CHECK(plan.activities[0].name == "Review the rules");
  CHECK(plan.activities[1].number == 2);
}

TEST_CASE("a section whose numeral and title stand in cells of their own (\"I.\" | \"Title\") opens its section, in a "
          "portal copy and a page",
          "[genre]") {
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[0].number == "I");
    CHECK(plan.sections[0].title == "Благоустройство");
    CHECK(plan.sections[1].number == "II");
    REQUIRE(plan.activities.size() == 3);
    CHECK(plan.activities[0].name == "Уборка дворов");
    CHECK(plan.activities[1].section == "I");
    CHECK(plan.activities[2].number == 3);
    CHECK(plan.activities[2].name == "Посадка деревьев");
    CHECK(plan.activities[2].section == "II");
    CHECK(codes(plan).empty());
  };
  check(parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "I.", "Благоустройство", "1", "Уборка дворов",
                          "2026 год", "Отдел ЖКХ", "2", "Ремонт площадок", "2026 год", "Отдел ЖКХ", "ІІ", "Озеленение", "3",
                          "Посадка деревьев", "2027 год", "Отдел природы"}));
  // The Word table's way: the numeral in the number column, the title in a cell merged across.
  check(parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                         {"I.", "<td colspan=\"3\">Благоустройство"},
                         {"1", "Уборка дворов", "2026 год", "Отдел ЖКХ"},
                         {"2", "Ремонт площадок", "2026 год", "Отдел ЖКХ"},
                         {"ІІ", "<td colspan=\"3\">Озеленение"},
                         {"3", "Посадка деревьев", "2027 год", "Отдел природы"}})));
}

TEST_CASE("in a table numbered \"1\", \"2\" a Roman numeral starts no row: it falls into the row above, flagged", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка дворов", "2026 год",
                                      "Отдел ЖКХ", "II.", "Ремонт площадок", "2027 год", "Отдел ЖКХ"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(has_code(plan, Code::cell_mismatch, 15));
  CHECK(strict_failure(plan).has_value());
}

TEST_CASE("sub-items numbered \"1.1\" are no rows: they fall into the row above with cell-mismatch errors, so --strict "
          "refuses the plan",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка города", "2026 год",
                                      "Отдел ЖКХ", "1.1", "Уборка дворов", "2026 год", "Отдел ЖКХ", "1.2", "Уборка улиц",
                                      "2026 год", "Отдел дорог", "2", "Посадка деревьев", "2027 год", "Отдел ЖКХ"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].number == 2);
  // The dates of the row and of 1.1 are read as standing in the wrong column of row 1.
  CHECK(std::count_if(plan.diagnostics.begin(), plan.diagnostics.end(),
                      [](const Diagnostic& d) { return d.code == Code::cell_mismatch; }) == 2);
  CHECK(strict_failure(plan).has_value());
}

TEST_CASE("rows numbered \"1.1\" under sections \"1.\" are activities of those sections, in a portal copy, a tab copy and a page",
          "[genre]") {
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.activities.size() == 3);
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[1].title == "Озеленение");
    CHECK(plan.activities[0].number == 1);
    CHECK(plan.activities[1].number == 2);
    CHECK(plan.activities[1].name == "Ремонт площадок");
    CHECK(plan.activities[1].section == "1");
    CHECK(plan.activities[2].number == 1);
    CHECK(plan.activities[2].section == "2");
    CHECK(deadline_of(plan.activities[2]).to == "2027-12-31");
    CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"Отдел природы"});
  };
  const Plan copy = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1. Благоустройство", "1.1",
                                      "Уборка дворов", "2026 год", "Отдел ЖКХ", "1.2.", "Ремонт площадок", "2026 год",
                                      "Отдел ЖКХ", "2. Озеленение", "2.1", "Посадка деревьев", "2027 год", "Отдел природы"});
  check(copy);
  CHECK(codes(copy).empty());
  const Plan tabs = parse_document("plan.txt", "План\n\n№\tМероприятие\tСрок\tОтветственные\n1. Благоустройство\n"
                                               "1.1\tУборка дворов\t2026 год\tОтдел ЖКХ\n"
                                               "1.2.\tРемонт площадок\t2026 год\tОтдел ЖКХ\n2. Озеленение\n"
                                               "2.1\tПосадка деревьев\t2027 год\tОтдел природы\n");
  check(tabs);
  CHECK(codes(tabs).empty());
  const Plan html = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"<td colspan=\"4\">1. Благоустройство"},
                                     {"1.1", "Уборка дворов", "2026 год", "Отдел ЖКХ"},
                                     {"1.2.", "Ремонт площадок", "2026 год", "Отдел ЖКХ"},
                                     {"<td colspan=\"4\">2. Озеленение"},
                                     {"2.1", "Посадка деревьев", "2027 год", "Отдел природы"}}));
  check(html);
  CHECK(codes(html).empty());
}

TEST_CASE("sections \"1.\" whose titles stand in cells of their own open the rows \"1.1\" under them, in a page and a "
          "portal copy",
          "[genre]") {
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[1].number == "2");
    CHECK(plan.sections[1].title == "Озеленение");
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.activities[0].name == "Уборка дворов");
    CHECK(plan.activities[1].number == 1);
    CHECK(plan.activities[1].section == "2");
    CHECK(codes(plan).empty());
  };
  check(parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                         {"1.", "<td colspan=\"3\">Благоустройство"},
                         {"1.1.", "Уборка дворов", "2026 год", "Отдел ЖКХ"},
                         {"2.", "<td colspan=\"3\">Озеленение"},
                         {"2.1.", "Посадка деревьев", "2027 год", "Отдел природы"}})));
  check(parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1.", "Благоустройство", "1.1",
                          "Уборка дворов", "2026 год", "Отдел ЖКХ", "2.", "Озеленение", "2.1", "Посадка деревьев",
                          "2027 год", "Отдел природы"}));
}

TEST_CASE("rows numbered within groups no heading opens keep the item's number, each with a group-number warning", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1.1", "Уборка дворов", "2026 год",
                                      "Отдел ЖКХ", "1.2", "Ремонт площадок", "2026 год", "Отдел ЖКХ", "2.1",
                                      "Посадка деревьев", "2027 год", "Отдел природы"});
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[2].number == 1);
  CHECK_FALSE(plan.activities[2].section.has_value());
  CHECK(codes(plan) == std::vector<std::string>{"group-number@11", "group-number@19", "group-number@27"});
  CHECK_THAT(plan.diagnostics[2].message, Catch::Contains("2.1") && Catch::Contains("group 2"));
}

TEST_CASE("rows numbered within their sections (\"1.1\", \"2.1\") keep the number as printed as their label, in a tab "
          "copy, a portal copy and a page, and rows numbered \"1.\" or \"1)\" have none",
          "[genre]") {
  // Before: only the last part was kept (1.1, 1.2, 2.1 -> 1, 2, 1): the printed number was lost and
  // two rows of one plan had the same number, with no diagnostic.
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.activities.size() == 4);
    CHECK(plan.activities[0].number == 1);
    CHECK(plan.activities[0].label == "1.1");
    CHECK(plan.activities[1].number == 2);
    CHECK(plan.activities[1].label == "1.2");
    CHECK(plan.activities[2].number == 1);
    CHECK(plan.activities[2].label == "2.1");
    CHECK(plan.activities[2].section == "2");
    CHECK(plan.activities[3].label == "2.2");
    CHECK(plan.activities[3].name == "Removing old signs");
    CHECK(codes(plan).empty());
  };
  check(parse_document("plan.txt", "Plan on roads\n\nNo.\tActivity\tOutcome\tDeadline\tResponsible\n1. Bridges\n"
                                   "1.1\tRepairing bridges\tAct\tQ2 2026\tMinistry of Transport\n"
                                   "1.2.\tPainting railings\tAct\t2026\tMinistry of Transport\n2. Signs\n"
                                   "2.1)\tPutting up signs\tAct\t2027\tMinistry of Transport\n"
                                   "2.2\tRemoving old signs\tAct\t2027\tMinistry of Transport\n"));
  check(parse_paragraphs({"Plan on roads", "No.", "Activity", "Outcome", "Deadline", "Responsible", "1. Bridges", "1.1",
                          "Repairing bridges", "Act", "Q2 2026", "Ministry of Transport", "1.2.", "Painting railings", "Act", "2026", "Ministry of Transport",
                          "2. Signs", "2.1", "Putting up signs", "Act", "2027", "Ministry of Transport", "2.2", "Removing old signs", "Act",
                          "2027", "Ministry of Transport"}));
  check(parse_page(page({{"No.", "Activity", "Outcome", "Deadline", "Responsible"},
                         {"<td colspan=\"5\">1. Bridges"},
                         {"1.1", "Repairing bridges", "Act", "Q2 2026", "Ministry of Transport"},
                         {"1.2.", "Painting railings", "Act", "2026", "Ministry of Transport"},
                         {"<td colspan=\"5\">2. Signs"},
                         {"2.1", "Putting up signs", "Act", "2027", "Ministry of Transport"},
                         {"2.2", "Removing old signs", "Act", "2027", "Ministry of Transport"}})));
  const Plan plain = parse_document("plan.txt", "Plan on roads\n\nNo.\tActivity\tOutcome\tDeadline\tResponsible\n"
                                                "1.\tRepairing bridges\tAct\t2026\tMinistry of Transport\n"
                                                "2)\tPainting railings\tAct\t2026\tMinistry of Transport\n");
  REQUIRE(plain.activities.size() == 2);
  CHECK(plain.activities[0].number == 1);
  CHECK_FALSE(plain.activities[0].label.has_value());
  CHECK_FALSE(plain.activities[1].label.has_value());
}

TEST_CASE("a label printed twice, or whose first part is not its section's, keeps its row and is reported", "[genre]") {
  const Plan plan = parse_document("plan.txt", "Plan on roads\n\nNo.\tActivity\tOutcome\tDeadline\tResponsible\n1. Bridges\n"
                                               "1.1\tRepairing bridges\tAct\t2026\tMinistry of Transport\n"
                                               "1.2\tPainting railings\tAct\t2026\tMinistry of Transport\n"
                                               "1.2\tLighting bridges\tAct\t2026\tMinistry of Transport\n2. Signs\n"
                                               "1.3\tPutting up signs\tAct\t2027\tMinistry of Transport\n");
  REQUIRE(plan.activities.size() == 4);
  CHECK(plan.activities[2].label == "1.2");
  CHECK(plan.activities[2].name == "Lighting bridges");
  CHECK(plan.activities[3].label == "1.3");
  CHECK(plan.activities[3].number == 3);
  CHECK(plan.activities[3].section == "2");
  CHECK(codes(plan) == std::vector<std::string>{"numbering-repeat@7", "group-number@9"});
}

TEST_CASE("in rows numbered \"1.1\" a figure such as \"1.5\" inside a row is a cell, and a slip in the numbering is flagged",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Объем, км", "Срок", "Ответственные", "1. Дороги", "1.1",
                                      "Ремонт дорог", "1.5", "2026 год", "Отдел дорог", "1.3", "Ремонт мостов", "2.5",
                                      "2027 год", "Отдел дорог"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].extra.size() == 1);
  CHECK(plan.activities[1].number == 3);
  CHECK(has_code(plan, Code::numbering_gap, 25));
  CHECK_FALSE(has_code(plan, Code::cell_mismatch, 19));
}

// --- 5. Cell layouts ----------------------------------------------------------------------------

TEST_CASE("a blank cell under a vertically merged one is not carried down: the row reports a missing cell", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок представления", "Ответственные"},
                                     {"1", "Отчет района А", "2026 год", "Отдел района А"},
                                     {"2", "Отчет района Б", "", "Отдел района Б"}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].outcomes.empty());
  CHECK(codes(plan) == std::vector<std::string>{"missing-cell@6"});
}

TEST_CASE("an unnumbered heading between rows of flattened text runs into the agencies above, flagged as naming no body", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1", "Семинар",
                                      "Информация", "2026 год", "отдел образования", "Организационные мероприятия", "2",
                                      "Обзор", "Отчет", "2027 год", "отдел культуры"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"отдел образования", "Организационные мероприятия"});
  CHECK(codes(plan) == std::vector<std::string>{"extra-paragraph@23"});
  // A second written-out body in the cell is no heading.
  const Plan bodies = parse_paragraphs({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1", "Семинар",
                                        "Информация", "2026 год", "отдел образования", "Управление культуры", "2",
                                        "Обзор", "Отчет", "2027 год", "отдел культуры"});
  CHECK(codes(bodies).empty());
}

TEST_CASE("a header repeated between rows, as a page break repeats it, is skipped with an info, in text, tab copies and pages", "[genre]") {
  const std::vector<std::string> header{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"};
  std::vector<std::string> texts{"План"};
  texts.insert(texts.end(), header.begin(), header.end());
  for (const char* cell : {"1", "Семинар", "Информация", "2026 год", "Отдел А"}) texts.push_back(cell);
  texts.insert(texts.end(), header.begin(), header.end());
  for (const char* cell : {"2", "Обзор", "Отчет", "2027 год", "Отдел Б"}) texts.push_back(cell);
  const auto check = [](const Plan& plan, int repeat_line) {
    REQUIRE(plan.activities.size() == 2);
    CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел А"});
    CHECK(plan.activities[0].outcomes.size() == 1);
    CHECK(deadline_of(plan.activities[1]).to == "2027-12-31");
    CHECK(codes(plan) == std::vector<std::string>{"repeated-header@" + std::to_string(repeat_line)});
  };
  check(parse_paragraphs(texts), 23);
  check(parse_document("plan.txt", "План\n№\tМероприятие\tФорма завершения\tСрок\tОтветственные\n"
                                   "1\tСеминар\tИнформация\t2026 год\tОтдел А\n"
                                   "№\tМероприятие\tФорма завершения\tСрок\tОтветственные\n"
                                   "2\tОбзор\tОтчет\t2027 год\tОтдел Б\n"),
        4);
  check(parse_page(page({header, {"1", "Семинар", "Информация", "2026 год", "Отдел А"}, header,
                         {"2", "Обзор", "Отчет", "2027 год", "Отдел Б"}})),
        6);
}

TEST_CASE("a table broken at a page break goes on in the next table, its repeated header skipped", "[genre]") {
  const std::string head = "<!DOCTYPE html>\n<html><body><article><h1>План</h1>\n<table>\n"
                           "<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственные</td></tr>\n"
                           "<tr><td>1</td><td>Семинар</td><td>2026 год</td><td>Отдел А</td></tr>\n</table>\n";
  const std::string end = "</article></body></html>\n";
  // Straight on, the next activity first.
  const Plan plain = parse_page(head + "<table>\n<tr><td>2</td><td>Обзор</td><td>2027 год</td><td>Отдел Б</td></tr>\n</table>\n" +
                                end);
  REQUIRE(plain.activities.size() == 2);
  CHECK(plain.activities[1].name == "Обзор");
  CHECK(agency_texts(plain.activities[1]) == std::vector<std::string>{"Отдел Б"});
  // After a caption, the header repeated: the caption is reported, the header skipped.
  const Plan repeated = parse_page(head + "<p>Продолжение таблицы</p>\n<table>\n"
                                          "<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственные</td></tr>\n"
                                          "<tr><td>2</td><td>Обзор</td><td>2027 год</td><td>Отдел Б</td></tr>\n</table>\n" +
                                   end);
  REQUIRE(repeated.activities.size() == 2);
  CHECK(deadline_of(repeated.activities[1]).to == "2027-12-31");
  CHECK(codes(repeated) == std::vector<std::string>{"unclaimed-paragraph@7", "repeated-header@9"});
  // A table of other columns after the plan is no part of it.
  const Plan other = parse_page(head + "<table>\n<tr><td>2</td><td>x</td><td>y</td><td>z</td><td>w</td><td>v</td></tr>\n</table>\n" +
                                end);
  CHECK(other.activities.size() == 1);
}

TEST_CASE("a table broken at a page break goes on in the next table when its rows are numbered in Roman or within groups",
          "[genre]") {
  const auto split = [](const std::string& first, const std::string& second, const std::string& third) {
    return parse_page("<!DOCTYPE html>\n<html><body><article><h1>План</h1>\n<table>\n"
                      "<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственные</td></tr>\n"
                      "<tr><td>" + first + "</td><td>Семинар</td><td>2026 год</td><td>Отдел А</td></tr>\n"
                      "<tr><td>" + second + "</td><td>Обзор</td><td>2027 год</td><td>Отдел Б</td></tr>\n</table>\n<table>\n"
                      "<tr><td>" + third + "</td><td>Отчет</td><td>2028 год</td><td>Отдел В</td></tr>\n</table>\n"
                      "</article></body></html>\n");
  };
  for (const auto& [first, second, third] : {std::tuple{"I.", "II.", "III."}, std::tuple{"1.1", "1.2", "1.3"},
                                             std::tuple{"1.1", "1.2", "2.1"}}) {
    INFO(third);
    const Plan plan = split(first, second, third);
    REQUIRE(plan.activities.size() == 3);
    CHECK(plan.activities[2].name == "Отчет");
    CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"Отдел В"});
  }
}

TEST_CASE("column numbers repeated between rows numbered in Roman leave \"I\" a row", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"}, {"1", "2", "3", "4"},
                                     {"I.", "Семинар", "2026 год", "Отдел А"}, {"1", "2", "3", "4"},
                                     {"II.", "Обзор", "2027 год", "Отдел Б"}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Семинар");
  CHECK(codes(plan) == std::vector<std::string>{"repeated-header@7"});
}

TEST_CASE("column numbers repeated between rows are skipped with an info, the header's with them", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1 2 3 4 5",
                                      "1", "Семинар", "Информация", "2026 год", "Отдел А", "1 2 3 4 5",
                                      "2", "Обзор", "Отчет", "2027 год", "Отдел Б"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел А"});
  CHECK(codes(plan) == std::vector<std::string>{"repeated-header@25"});
  const Plan grid = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"}, {"1", "2", "3", "4"},
                                     {"1", "Семинар", "2026 год", "Отдел А"}, {"1", "2", "3", "4"},
                                     {"2", "Обзор", "2027 год", "Отдел Б"}}));
  REQUIRE(grid.activities.size() == 2);
  CHECK(agency_texts(grid.activities[0]) == std::vector<std::string>{"Отдел А"});
  CHECK(codes(grid) == std::vector<std::string>{"repeated-header@7"});
}

TEST_CASE("a cell merged down over the next activities' rows is each one's cell, at the line where it stands", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"},
                                     {"1", "Семинар", "Информация", "<td rowspan=\"3\">2026 год", "<td rowspan=\"2\">Отдел А"},
                                     {"2", "Обзор", "Отчет"},
                                     {"3", "Реестр", "Приказ", "Отдел Б"}}));
  REQUIRE(plan.activities.size() == 3);
  for (const Activity& activity : plan.activities) {
    REQUIRE(activity.outcomes.size() == 1);
    CHECK(deadline_of(activity).to == "2026-12-31");
  }
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел А"});
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Отдел А"});
  CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"Отдел Б"});
  CHECK(codes(plan).empty());
}

TEST_CASE("a cell merged over one activity's own rows (an outcome a row) is read once, not carried to the next", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"},
                                     {"<td rowspan=\"2\">1", "<td rowspan=\"2\">Семинар", "Информация", "2026 год",
                                      "<td rowspan=\"2\">Отдел А"},
                                     {"Отчет", "2027 год"},
                                     {"2", "Реестр", "Приказ", "2028 год", ""}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].outcomes.size() == 2);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел А"});
  CHECK(plan.activities[1].agencies.empty());
  CHECK(codes(plan) == std::vector<std::string>{"missing-cell@7"});
}

TEST_CASE("a word split by an inline tag and a line break is kept as the page shows it, with a space", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Іс-шараның атауы", "Орындау мерзімі", "Жауапты орындаушылар"},
                                     {"1", "Ереженің <em>мониторинг</em>\nін жүргізу", "2026 жыл", "Заң бөлімі"}}));
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Ереженің мониторинг ін жүргізу");
  CHECK(codes(plan).empty());
}

TEST_CASE("a hard-wrapped name cell of a line-a-paragraph copy keeps every line, in order, joined by line breaks", "[genre]") {
  const Plan plan = parse_lines({"План", "№", "Содержание мероприятия", "Срок", "Ответственные", "1.", "Проверка качества",
                                 "товаров в торговых", "сетях города", "2026 год", "Отдел торговли", "2.", "Ярмарка",
                                 "2027 год", "Отдел торговли"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Проверка качества\nтоваров в торговых\nсетях города");
  CHECK(deadline_of(plan.activities[0]).to == "2026-12-31");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел торговли"});
  CHECK(codes(plan).empty());
}

TEST_CASE("a hard-wrapped outcome cell stays the outcome, not the end of the name", "[genre]") {
  const Plan plan = parse_lines({"План", "№", "Содержание мероприятия", "Форма завершения", "Срок", "Ответственные", "1.",
                                 "Проверка качества", "товаров", "Информация в", "акимат области", "2026 год",
                                 "Отдел торговли"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Проверка качества\nтоваров");
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(plan.activities[0].outcomes[0].text == "Информация в\nакимат области");
  CHECK(deadline_of(plan.activities[0]).to == "2026-12-31");
  CHECK(codes(plan).empty());
}

TEST_CASE("a deadline hard-wrapped over two lines of a line-a-paragraph copy is one deadline, not a line of the outcome",
          "[genre]") {
  const Plan plan = parse_lines({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1.",
                                 "Озеленение дворов", "Акт", "III квартал", "2027 года", "Отдел торговли", "2.",
                                 "Покраска скамеек", "Справка", "не позднее 1 мая", "2027 г.", "Отдел торговли", "3.",
                                 "Уборка парков", "Отчет", "декабрь", "2027 года", "Отдел торговли"});
  REQUIRE(plan.activities.size() == 3);
  const Activity& first = plan.activities[0];
  CHECK(first.name == "Озеленение дворов");
  REQUIRE(first.outcomes.size() == 1);
  CHECK(first.outcomes[0].text == "Акт");
  CHECK(deadline_of(first).text == "III квартал\n2027 года");
  CHECK(deadline_of(first).from == "2027-07-01");
  CHECK(deadline_of(first).to == "2027-09-30");
  CHECK(plan.activities[1].outcomes[0].text == "Справка");
  CHECK(deadline_of(plan.activities[1]).from == std::nullopt);
  CHECK(deadline_of(plan.activities[1]).to == "2027-05-01");
  CHECK(deadline_of(plan.activities[2]).from == "2027-12-01");
  CHECK(codes(plan).empty());
}

TEST_CASE("a deadline broken by a line break inside its page cell is one deadline, with no empty outcome", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"},
                                     {"1", "Озеленение дворов", "Акт", "III квартал<br>2027 года", "Отдел торговли"},
                                     {"2", "Покраска скамеек", "Справка", "до 1 мая<br>2027 г.", "Отдел торговли"}}));
  REQUIRE(plan.activities.size() == 2);
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(deadline_of(plan.activities[0]).text == "III квартал\n2027 года");
  CHECK(deadline_of(plan.activities[0]).from == "2027-07-01");
  CHECK(deadline_of(plan.activities[0]).to == "2027-09-30");
  REQUIRE(plan.activities[1].outcomes.size() == 1);
  CHECK(deadline_of(plan.activities[1]).to == "2027-05-01");
  CHECK(codes(plan).empty());
}

TEST_CASE("two whole deadlines on two lines of one cell stay two deadlines", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"},
                                     {"1", "Озеленение дворов", "Акт<br>Справка", "III квартал 2027 года<br>2028 год",
                                      "Отдел торговли"}}));
  REQUIRE(plan.activities.size() == 1);
  REQUIRE(plan.activities[0].outcomes.size() == 2);
  CHECK(deadline_of(plan.activities[0], 0).to == "2027-09-30");
  CHECK(deadline_of(plan.activities[0], 1).to == "2028-12-31");
}

TEST_CASE("wrapped lines of an English outcome, and two outcomes each wrapped, pair with their deadlines", "[genre]") {
  const Plan plan = parse_lines({"Plan", "No.", "Measure", "Form of completion", "Deadline", "Responsible", "1.",
                                 "Review of the", "water tariffs", "Report to the", "Government", "Order of", "the Minister",
                                 "June 2026", "December 2026", "MEGNR"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Review of the\nwater tariffs");
  REQUIRE(plan.activities[0].outcomes.size() == 2);
  CHECK(plan.activities[0].outcomes[0].text == "Report to the\nGovernment");
  CHECK(plan.activities[0].outcomes[1].text == "Order of\nthe Minister");
  CHECK(deadline_of(plan.activities[0]).to == "2026-06-30");
}

TEST_CASE("an outcome cell that opens in lower case in a line-a-paragraph copy still starts its cell", "[genre]") {
  const Plan plan = parse_lines({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1.",
                                 "Разработка плана", "информация в акимат", "2026 год", "Отдел торговли"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Разработка плана");
  CHECK(plan.activities[0].outcomes.at(0).text == "информация в акимат");
}

TEST_CASE("a word whose line-end hyphen was lost when lines were joined is kept as published, with no diagnostic", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Ремонт сетей водоснабжения",
                                      "2026 год", "Отдел водоотведения"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Ремонт сетей водоснабжения");
  CHECK(codes(plan).empty());
}

TEST_CASE("units, an inline definition and a placeholder stay in their cells as published, a footnote mark leaves a deadline "
          "unparsed, with a warning",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1.",
                                      "Проведение ярмарки (далее - ярмарка)", "х", "2026 год*", "Отдел торговли", "2.",
                                      "Посадка деревьев (шт.)", "Отчет *(1)", "2027 год", "Отдел благоустройства"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Проведение ярмарки (далее - ярмарка)");
  CHECK(plan.activities[0].outcomes[0].text == "х");
  CHECK(deadline_of(plan.activities[0]).text == "2026 год*");
  CHECK_FALSE(deadline_of(plan.activities[0]).to.has_value());
  CHECK(plan.activities[1].name == "Посадка деревьев (шт.)");
  CHECK(plan.activities[1].outcomes[0].text == "Отчет *(1)");
  CHECK(deadline_of(plan.activities[1]).to == "2027-12-31");
  CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@19"});
}

TEST_CASE("an abbreviation with a footnote mark ('МТИ<1>') is still the abbreviation", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Проведение ярмарки",
                                      "2026 год", "МТИ<1>", "Сокращения:", "МТИ – министерство торговли и интеграции"});
  const auto& agencies = plan.activities.at(0).agencies;
  REQUIRE(agencies.size() == 1);
  CHECK(agencies[0].abbr == "МТИ");
}

TEST_CASE("a bar table whose wrapped cells continue on the next lines is read on its grid, fragments joined", "[genre]") {
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\n"
                                   "|N   |Наименование      |Ответствен- |Срок        |\n"
                                   "|п/п |мероприятий       |ные         |            |\n"
                                   "|1.  |Уборка парков и   |Отдел ЖКХ   |2026 год    |\n"
                                   "|    |скверов           |            |            |\n"
                                   "|2.  |Посадка деревьев  |Отдел ЖКХ   |2027 год    |\n");
  CHECK(roles(plan) == "number,name,agencies,deadline");
  CHECK(plan.columns[0].header == "N п/п");
  CHECK(plan.columns[2].header == "Ответственные");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Уборка парков и скверов");
  CHECK(plan.activities[0].line == 4);
  CHECK(deadline_of(plan.activities[1]).to == "2027-12-31");
  CHECK(plan.diagnostics.empty());
}

// --- 6. Glossaries: see test_glossary.cpp and the samples. 7. Deadlines: docs/deadlines.md. ---

TEST_CASE("deadline forms outside the deadline table stay unparsed-deadline warnings: a month alone, two months, a month range "
          "without a year, a day and month without a year, a year range whose dash was lost, a span of days",
          "[genre]") {
  for (const char* form : {"август", "май, сентябрь", "март - апрель", "12.03", "2026 2027 годы", "в течение декады"}) {
    INFO(form);
    const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", form,
                                        "Отдел благоустройства"});
    const Deadline& d = deadline_of(plan.activities.at(0));
    CHECK(d.text == form);
    CHECK_FALSE(d.from.has_value());
    CHECK_FALSE(d.to.has_value());
    CHECK_FALSE(d.recurrence.has_value());
    CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@15"});
  }
}

// --- 8. Agency forms ----------------------------------------------------------------------------

TEST_CASE("legal forms ООО, МКУ and КГП на ПХВ before a quoted name make written-out names, a quoted comma, 'им.' and "
          "initials do not split",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "ООО \"Чистый город\", МКУ «Дирекция парков», КГП на ПХВ «Городская больница»", "2",
                                      "Поверка приборов", "2027 год",
                                      "ТОО «Центр стандартизации, метрологии им. А.Б. Петрова» (по согласованию)"});
  REQUIRE(plan.activities.size() == 2);
  const auto& first = plan.activities[0].agencies;
  REQUIRE(first.size() == 3);
  for (const Agency& a : first) {
    CHECK(a.kind == AgencyKind::agency);
    CHECK_FALSE(a.abbr.has_value());
    CHECK(a.name == a.text);
  }
  CHECK(first[1].text == "МКУ «Дирекция парков»");
  const auto& second = plan.activities[1].agencies;
  REQUIRE(second.size() == 1);
  CHECK(second[0].name == "ТОО «Центр стандартизации, метрологии им. А.Б. Петрова»");
  CHECK(second[0].as_agreed);
  CHECK(codes(plan).empty());
}

TEST_CASE("a legal form the vocabulary lacks (ФГУ) before a quoted name reads as an unknown abbreviation, with a warning",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Поверка приборов",
                                      "2026 год", "ФГУ \"Центр стандартизации, метрологии\""});
  const auto& agencies = plan.activities.at(0).agencies;
  REQUIRE(agencies.size() == 1);  // the comma inside the quotes does not split
  CHECK(agencies[0].abbr == "ФГУ");
  CHECK_FALSE(agencies[0].name.has_value());
  CHECK(codes(plan) == std::vector<std::string>{"unknown-abbreviation@17"});
}

TEST_CASE("people by surname and initials separated by a comma are two entries, a group with a condition and a marker after "
          "a group are kept whole",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Петрова А.Б., Сидоров В.Г.", "2", "Инструктаж", "2027 год",
                                      "руководители подразделений согласно графику", "3", "Сход граждан", "2027 год",
                                      "главы сельских округов (по согласованию)"});
  REQUIRE(plan.activities.size() == 3);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Петрова А.Б.", "Сидоров В.Г."});
  REQUIRE(plan.activities[1].agencies.size() == 1);
  CHECK(plan.activities[1].agencies[0].name == "руководители подразделений согласно графику");
  REQUIRE(plan.activities[2].agencies.size() == 1);
  CHECK(plan.activities[2].agencies[0].name == "главы сельских округов");
  CHECK(plan.activities[2].agencies[0].as_agreed);
  CHECK(codes(plan).empty());
}

TEST_CASE("two people by surname and initials without a separator are two entries", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Петрова А.Б. Сидоров В.Г."});
  CHECK(agency_texts(plan.activities.at(0)) == std::vector<std::string>{"Петрова А.Б.", "Сидоров В.Г."});
  // Initials written apart and a Latin chain split alike; a chain with a word that is no person
  // stays one entry.
  const Plan apart = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                       "Петрова А. Б. Сидоров В."});
  CHECK(agency_texts(apart.activities.at(0)) == std::vector<std::string>{"Петрова А. Б.", "Сидоров В."});
  const Plan office = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                        "Отдел Петрова А.Б."});
  CHECK(agency_texts(office.activities.at(0)) == std::vector<std::string>{"Отдел Петрова А.Б."});
}

TEST_CASE("abbreviations before a bare group word ('ДСР, ОМС и организации') keep the last abbreviation", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "ДСР, ОМС и организации", "Сокращения:", "ДСР – департамент связи",
                                      "ОМС – органы местного самоуправления"});
  const auto& agencies = plan.activities.at(0).agencies;
  REQUIRE(agencies.size() >= 2);
  CHECK(agencies[1].abbr == "ОМС");
  CHECK(agencies[1].name == "органы местного самоуправления");
  REQUIRE(agencies.size() == 3);
  CHECK(agencies[2].kind == AgencyKind::group);
  CHECK(agencies[2].text == "и организации");
}

TEST_CASE("a head noun shared across a comma ('Администрации Северного, Южного районов') keeps the names whole",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Администрации Северного, Южного районов города, отдел полиции"});
  const auto& agencies = plan.activities.at(0).agencies;
  REQUIRE(agencies.size() == 2);
  CHECK(agencies[0].text == "Администрации Северного, Южного районов города");
  CHECK(agencies[1].text == "отдел полиции");
  CHECK(codes(plan).empty());
}

TEST_CASE("an event phrase alone in the agency cell is reported, not taken for an agency", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Рассмотрение обращений",
                                      "2026 год", "По мере поступления"});
  CHECK(codes(plan) == std::vector<std::string>{"cell-mismatch@17"});
  // An agency cell that merely holds the words later on is an agency as before.
  const Plan named = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Рассмотрение обращений",
                                       "2026 год", "Отдел по работе с обращениями"});
  CHECK(codes(named).empty());
}

// --- 9. Page and copy forms ---------------------------------------------------------------------

TEST_CASE("rows copied on one line with spaces between cells are cut at their deadlines (P6, P15)", "[genre]") {
  for (const std::string& text :
       {lines({"План мероприятий по уборке", "N Наименование мероприятий Срок исполнения Ответственные",
               "1. Уборка парков До 01.05.2026 Отдел ЖКХ", "2. Посадка деревьев До 01.06.2026 Отдел благоустройства"}),
        paragraphs({"План мероприятий по уборке", "N Наименование мероприятий Срок исполнения Ответственные",
                    "1. Уборка парков До 01.05.2026 Отдел ЖКХ", "2. Посадка деревьев До 01.06.2026 Отдел благоустройства"})}) {
    const Plan plan = parse_document("plan.txt", text);
    CHECK(plan.title == "План мероприятий по уборке");
    CHECK(roles(plan) == "number,name,deadline,agencies");
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.activities[1].number == 2);
    CHECK(plan.activities[1].name == "Посадка деревьев");
    REQUIRE(plan.activities[1].outcomes.size() == 1);
    REQUIRE(plan.activities[1].outcomes[0].deadline);
    CHECK(plan.activities[1].outcomes[0].deadline->to == "2026-06-01");
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Отдел благоустройства"});
    // The cut is said once, at the header; the rows read exactly.
    REQUIRE(plan.diagnostics.size() == 1);
    CHECK(plan.diagnostics[0].code == Code::run_on_row);
    CHECK(plan.diagnostics[0].severity == Severity::warning);
  }
  // Three columns, no agencies (P15): the deadline ends the row.
  const Plan three = parse_lines({"Мероприятия по месячнику чистоты", "№ Мероприятие Срок",
                                  "1. Субботник в парке апрель 2026 года", "2. Вывоз мусора до 30 апреля 2026 года"});
  REQUIRE(three.activities.size() == 2);
  CHECK(three.activities[0].name == "Субботник в парке");
  CHECK(three.activities[1].outcomes[0].deadline->to == "2026-04-30");
  CHECK(codes(three) == std::vector<std::string>{"run-on-row@2"});
  // A header cell in words no vocabulary holds ("Executing party") is a column of its own, which
  // the rows name as the agencies (the before-stop read: it was taken into the deadline's label).
  const Plan unnamed = parse_lines({"Roadmap for cleaner rivers", "Item Action to be taken Completion date Executing party",
                                    "1. Survey the riverbanks 2nd quarter of 2027 District Akimat",
                                    "2. Install warning signs by 30 June 2027 Department of Natural Resources"});
  CHECK(roles(unnamed) == "number,name,deadline,agencies");
  REQUIRE(unnamed.activities.size() == 2);
  CHECK(agency_texts(unnamed.activities[1]) == std::vector<std::string>{"Department of Natural Resources"});
  CHECK(codes(unnamed) == std::vector<std::string>{"run-on-row@2", "unknown-column@2"});
}

TEST_CASE("rows on one line whose name and outcome stand side by side keep them together, with an error, and --strict refuses", "[genre]") {
  const Plan plan = parse_lines({"Action plan", "No. Activity Form of completion Deadline Responsible",
                                 "1. Review the rules Report to the Government December 2026 MoF"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Review the rules Report to the Government");
  CHECK(plan.activities[0].outcomes[0].deadline->to == "2026-12-31");
  CHECK(has_code(plan, Code::run_on_row, 3));
  CHECK(strict_failure(plan).has_value());
}

TEST_CASE("a box-drawing text table is read on its grid, a marker broken at a hyphen whole again", "[genre]") {
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\n\n"
                                   "┌───┬──────────────────┬──────────┬──────────────┐\n"
                                   "│ N │  Наименование    │   Срок   │Ответственные │\n"
                                   "├───┼──────────────────┼──────────┼──────────────┤\n"
                                   "│ I. Благоустройство                             │\n"
                                   "├───┼──────────────────┼──────────┼──────────────┤\n"
                                   "│1. │Уборка парков     │2026 год  │Отдел ЖКХ     │\n"
                                   "│   │и скверов         │          │(по согласова-│\n"
                                   "│   │                  │          │нию)          │\n"
                                   "├───┼──────────────────┼──────────┼──────────────┤\n"
                                   "│2. │Посадка деревьев  │2027 год  │Отдел ЖКХ     │\n"
                                   "└───┴──────────────────┴──────────┴──────────────┘\n");
  CHECK(roles(plan) == "number,name,deadline,agencies");
  REQUIRE(plan.sections.size() == 1);
  CHECK(plan.sections[0].number == "I");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].section == "I");
  CHECK(plan.activities[0].name == "Уборка парков и скверов");
  REQUIRE(plan.activities[0].agencies.size() == 1);
  CHECK(plan.activities[0].agencies[0].as_agreed);
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a table in a web-framework page, header in td/strong with className attributes, is read cell by cell", "[genre]") {
  const Plan plan = parse_page(
      "<div className=\"page\">\n<h2 className=\"title\">Ішкі бақылау жоспары</h2>\n<table className=\"table\"><tbody>\n"
      "<tr><td className=\"border\"><strong>№</strong></td><td className=\"border\"><strong>Іс-шараның атауы</strong></td>"
      "<td className=\"border\"><strong>Орындау мерзімі</strong></td><td className=\"border\"><strong>Аяқтау нысаны</strong></td>"
      "<td className=\"border\"><strong>Жауапты орындаушылар</strong></td></tr>\n"
      "<tr><td className=\"border\">1</td><td className=\"border\">Ішкі ережелерді қайта қарау</td>"
      "<td className=\"border\">Тоқсанына 1 рет</td><td className=\"border\">Ақпарат</td>"
      "<td className=\"border\">Заң бөлімі / Кадр бөлімі</td></tr>\n"
      "</tbody></table></div>\n");
  CHECK(plan.title == "Ішкі бақылау жоспары");
  CHECK(roles(plan) == "number,name,deadline,outcome,agencies");
  REQUIRE(plan.activities.size() == 1);
  CHECK(deadline_of(plan.activities[0]).recurrence == Recurrence::quarterly);
  CHECK(plan.activities[0].outcomes[0].text == "Ақпарат");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Заң бөлімі", "Кадр бөлімі"});
  CHECK(codes(plan).empty());
}

TEST_CASE("counters of a document site before the plan become the title and intro, never plan data", "[genre]") {
  const Plan plan = parse_paragraphs({"бет35/35", "жүктеу 1,01 Mb.", "Жоспар", "Р/с №", "Іс-шараның атауы",
                                      "Орындалу мерзімі", "Жауапты орындаушылар", "1", "Оқу залын ашу", "2026 жыл",
                                      "Мәдениет бөлімі"});
  CHECK(plan.title == "бет35/35");
  CHECK(plan.intro == std::vector<std::string>{"жүктеу 1,01 Mb.", "Жоспар"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Оқу залын ашу");
  CHECK(codes(plan).empty());
}

// --- 10. Other surprises ------------------------------------------------------------------------

TEST_CASE("a recurrence or an event phrase standing as the outcome of a page's row is its outcome, with no cell-mismatch",
          "[genre]") {
  const Plan plan = parse_page(page({{"№", "Іс-шараның атауы", "Орындау мерзімі", "Аяқтау нысаны", "Жауапты орындаушылар"},
                                     {"1", "Мүдделер қақтығысын тексеру", "Тұрақты түрде", "Тұрақты түрде", "Заң бөлімі"},
                                     {"2", "Өтініштерді қарау", "Түскен кезде", "Түскен кезде", "Кеңсе"}}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].outcomes[0].text == "Тұрақты түрде");
  CHECK(deadline_of(plan.activities[0]).recurrence == Recurrence::ongoing);
  CHECK(plan.activities[1].outcomes[0].text == "Түскен кезде");
  CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@6"});
  CHECK_FALSE(strict_failure(plan).has_value());
}

TEST_CASE("in flattened text an outcome that reads as a recurrence is taken for a second deadline, with missing-cell and "
          "extra-paragraph warnings",
          "[genre]") {
  // Paragraph k on line 2k-1: the row's number on 13, its cells on 15 … 21.
  const Plan plan = parse_paragraphs({"Жоспар", "№", "Іс-шараның атауы", "Орындау мерзімі", "Аяқтау нысаны",
                                      "Жауапты орындаушылар", "1", "Мүдделер қақтығысын тексеру", "Тұрақты түрде",
                                      "Тұрақты түрде", "Заң бөлімі"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(has_code(plan, Code::missing_cell, 13));
  CHECK(has_code(plan, Code::extra_paragraph, 19));
}

TEST_CASE("a Russian title over a Kazakh table gives a Kazakh plan: the table decides the language", "[genre]") {
  const Plan plan = parse_paragraphs({"План мероприятий по противодействию коррупции", "№", "Іс-шараның атауы",
                                      "Орындау мерзімі", "Жауапты орындаушылар", "1", "Қызметкерлерге оқу өткізу",
                                      "2026 жылдың бірінші жартыжылдығы", "Кадр бөлімі"});
  CHECK(plan.title == "План мероприятий по противодействию коррупции");
  CHECK(plan.language == "kk");
  CHECK(deadline_of(plan.activities.at(0)).to == "2026-06-30");
}

TEST_CASE("signature and approval cells before the plan stay in the title and intro, an act numbered after a Latin \"N\" is "
          "read",
          "[genre]") {
  const Plan plan = parse_paragraphs({"Аким района | А. Иванов |",
                                      "Утвержден постановлением акимата от 5 мая 2026 года N 100 |", "План мероприятий",
                                      "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Отдел ЖКХ"});
  CHECK(plan.title == "Аким района | А. Иванов |");
  CHECK(plan.intro.size() == 2);
  REQUIRE(plan.act.has_value());
  CHECK(plan.act->date == "2026-05-05");
  CHECK(plan.act->number == "100");
  REQUIRE(plan.activities.size() == 1);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел ЖКХ"});
  CHECK(codes(plan).empty());
}

TEST_CASE("decree points and numbered chapter headings before the plan's header stay in the intro, never rows", "[genre]") {
  const Plan plan = parse_paragraphs({"Об утверждении плана", "1. Общие положения", "1. Утвердить прилагаемый план.",
                                      "2. Контроль возложить на заместителя акима.", "Утвержден постановлением акимата от "
                                      "5 мая 2026 года № 100", "План мероприятий", "№", "Мероприятие", "Срок",
                                      "Ответственные", "1", "Уборка сквера", "2026 год", "Отдел ЖКХ", "2",
                                      "Покраска скамеек", "2027 год", "Отдел ЖКХ"});
  CHECK(plan.intro.size() == 5);
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Уборка сквера");
  REQUIRE(plan.act.has_value());
  CHECK(plan.act->number == "100");
  CHECK(codes(plan).empty());
}

TEST_CASE("a plan restated in quotes inside an amending act: the quote that closes it is an unparsed-agency warning", "[genre]") {
  const Plan plan = parse_paragraphs({"О внесении изменений в распоряжение",
                                      "Изложить приложение к распоряжению в следующей редакции:",
                                      "\"Приложение к распоряжению от 1 марта 2026 года № 15-р", "План мероприятий", "№",
                                      "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Отдел ЖКХ", "2", "Покраска скамеек", "2027 год", "Отдел ЖКХ\"."});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.act->number == "15-р");
  CHECK(has_code(plan, Code::unparsed_agency, 31));
}

TEST_CASE("a signature line after the last row of flattened text is flagged where it lands, in the last cell", "[genre]") {
  // Paragraph k on line 2k-1: the signature on 19. Nothing tells a signature from a second
  // written-out agency, so it is read into the cell and flagged, never passed off silently.
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Уборка сквера", "2026 год",
                                      "Отдел ЖКХ", "Руководитель аппарата акима города А. Петров"});
  CHECK(agency_texts(plan.activities.at(0)) ==
        std::vector<std::string>{"Отдел ЖКХ", "Руководитель аппарата акима города А. Петров"});
  CHECK(has_code(plan, Code::extra_paragraph, 19));
}

TEST_CASE("Kazakh letters replaced by look-alikes ('ӛ' for 'ө') leave sections and dates unread, with warnings", "[genre]") {
  const Plan plan = parse_paragraphs({"Жоспар", "Р/с №", "Іс-шараның атауы", "Орындалу мерзімі", "Жауапты орындаушылар",
                                      "1-бӛлім. Білім беру", "1", "Мектептерге кӛмек кӛрсету", "2026 жылғы кӛкек",
                                      "Білім бӛлімі"});
  CHECK(plan.sections.empty());
  REQUIRE(plan.activities.size() == 1);
  CHECK(deadline_of(plan.activities[0]).text == "2026 жылғы кӛкек");
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@11", "unparsed-deadline@17"});
}

TEST_CASE("a Kazakh plan in the Latin alphabet, 2017's acute accents or 2021's, reads as in Cyrillic", "[genre]") {
  // The words are the Kazakh vocabulary's, spelled in each Latin alphabet (vocabulary.h): the
  // header, the month and year words of a deadline, the marker, the glossary heading.
  const Plan acute = parse_paragraphs({"Is-sharalar jospary", "№", "Is-sharanyń ataýy", "Oryndaý merzimi",
                                       "Jaýapty oryndaýshylar", "1", "Mektepterge kómek kórsetý",
                                       "2026 jylǵy qańtar", "AÁ (kelisim boıynsha)", "2", "Kitaphanalardy jańartý",
                                       "2026 jyl", "BB", "Qysqartýlardyń tolyq jazylýy:", "AÁ – aýdan ákimdigi",
                                       "BB – bilim bólimi"});
  const Plan dotted = parse_paragraphs({"İs-şaralar jospary", "№", "İs-şaranyñ atauy", "Oryndau merzımı",
                                        "Jauapty oryndauşylar", "1", "Mektepterge kömek körsetu", "2026 jylğy qañtar",
                                        "AÄ (kelısım boiynşa)", "2", "Kıtaphanalardy jañartu", "2026 jyl", "BB",
                                        "Qysqartulardyñ tolyq jazyluy:", "AÄ – audan äkımdıgı", "BB – bılım bölımı"});
  for (const Plan* plan : {&acute, &dotted}) {
    CHECK(roles(*plan) == "number,name,deadline,agencies");
    REQUIRE(plan->activities.size() == 2);
    CHECK(deadline_of(plan->activities[0]).from == "2026-01-01");
    CHECK(deadline_of(plan->activities[0]).to == "2026-01-31");
    CHECK(deadline_of(plan->activities[1]).to == "2026-12-31");
    REQUIRE(plan->activities[0].agencies.size() == 1);
    CHECK(plan->activities[0].agencies[0].as_agreed);
    CHECK(plan->activities[0].agencies[0].name.has_value());
    CHECK(plan->abbreviations.size() == 2);
    CHECK(plan->language == "kk");
    CHECK(codes(*plan).empty());
  }
}

TEST_CASE("text garbled by a charset mix-up before it was saved is read as written, with a garbled-text warning", "[genre]") {
  // "План мероприятий" … as UTF-8 read as windows-1251 and saved again; and as windows-1251
  // read as windows-1252 (a mis-set page). The file itself is well-formed UTF-8 both times.
  for (const std::string& text :
       {paragraphs({"РџР»Р°РЅ", "в„–", "РњРµСЂРѕРїСЂРёСЏС‚РёРµ", "РЎСЂРѕРє", "РћС‚РІРµС‚СЃС‚РІРµРЅРЅС‹Рµ", "1",
                    "РЈР±РѕСЂРєР° СЃРєРІРµСЂР°", "2026 РіРѕРґ", "РћС‚РґРµР» Р–РљРҐ"}),
        paragraphs({"Ïëàí ìåðîïðèÿòèé", "¹", "Ìåðîïðèÿòèå", "Ñðîê", "Îòâåòñòâåííûå", "1", "Óáîðêà ñêâåðà",
                    "2026 ãîä", "Îòäåë ÆÊÕ"})}) {
    const Plan plan = parse_document("plan.txt", text);
    CHECK((plan.title == "План" || plan.title == "План мероприятий"));
    REQUIRE(plan.activities.size() == 1);
    CHECK(plan.activities[0].name == "Уборка сквера");
    CHECK(deadline_of(plan.activities[0]).to == "2026-12-31");
    CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"Отдел ЖКХ"});
    CHECK(codes(plan) == std::vector<std::string>{"garbled-text@1"});
  }
}

TEST_CASE("an indicator table whose header names no activity column reads the unnamed cell after the number as the name, "
          "the other unnamed cells as extra columns",
          "[genre]") {
  const auto check = [](const Plan& plan, int header_line) {
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.activities[0].name == "Share of lit crossings");
    CHECK(plan.activities[1].extra == std::vector<std::pair<std::string, std::string>>{{"Unit", "units"}});
    CHECK(deadline_of(plan.activities[1]).to == "2029-12-31");
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Police Department (as agreed)"});
    CHECK(codes(plan) == std::vector<std::string>{"unknown-column@" + std::to_string(header_line),
                                                  "unknown-column@" + std::to_string(header_line)});
  };
  check(parse_page(page({{"Item", "Indicator", "Unit", "Target date", "Lead body"},
                         {"1", "Share of lit crossings", "%", "by 30 June 2028", "Department of Roads"},
                         {"2", "Number of speed cameras", "units", "2029", "Police Department (as agreed)"}})),
        4);
  // In flattened text each header cell is a paragraph: both warnings stand at their own lines.
  const Plan copy = parse_paragraphs({"Road safety", "Item", "Indicator", "Unit", "Target date", "Lead body", "1",
                                      "Share of lit crossings", "%", "by 30 June 2028", "Department of Roads", "2",
                                      "Number of speed cameras", "units", "2029", "Police Department (as agreed)"});
  REQUIRE(copy.activities.size() == 2);
  CHECK(copy.activities[1].name == "Number of speed cameras");
  CHECK(copy.activities[1].extra == std::vector<std::pair<std::string, std::string>>{{"Unit", "units"}});
  CHECK(codes(copy) == std::vector<std::string>{"unknown-column@5", "unknown-column@7"});
}

TEST_CASE("plain-English headers 'Step', 'Product', 'Who' name the name, outcome and agencies columns", "[genre]") {
  const Plan plan = parse_paragraphs({"Schedule of steps", "No.", "Step", "Product", "Due", "Who", "1", "Survey clinic roofs",
                                      "Survey report", "by 1 March 2027", "MoH and institutions"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].name == "Survey clinic roofs");
  CHECK(plan.activities[0].outcomes.at(0).text == "Survey report");
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"MoH", "and institutions"});
  CHECK(plan.activities[0].agencies.at(1).kind == AgencyKind::group);
}

TEST_CASE("a line-a-paragraph plan in other words: 'Суть работы', 'Кто исполняет', wrapped cells, a shared noun, an 'Обозначения:' legend",
          "[genre]") {
  const Plan plan = parse_lines({"Перечень работ по озеленению", "П/н", "Суть работы", "Итоговый документ", "Когда",
                                 "Кто исполняет", "1)", "Обследование зеленых", "насаждений вдоль", "проспектов",
                                 "Акт осмотра для", "городского управления", "до 1 сентября 2027 года",
                                 "Руководители Ленинского, Октябрьского округов, УЗН", "2)", "Посадка саженцев", "Справка",
                                 "III квартал 2027 года", "КГУ «Зеленстрой»", "Обозначения:",
                                 "УЗН - управление зеленых насаждений"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Обследование зеленых\nнасаждений вдоль\nпроспектов");
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(plan.activities[0].outcomes[0].text == "Акт осмотра для\nгородского управления");
  CHECK(deadline_of(plan.activities[0]).to == "2027-09-01");
  REQUIRE(plan.activities[0].agencies.size() == 2);
  CHECK(plan.activities[0].agencies[0].text == "Руководители Ленинского, Октябрьского округов");
  CHECK(plan.activities[0].agencies[1].name == "управление зеленых насаждений");
  REQUIRE(plan.activities[1].agencies.size() == 1);
  CHECK(plan.abbreviations.size() == 1);
  CHECK(codes(plan).empty());
}

TEST_CASE("a figure ending a tab-copied row is a cell of that row, never the next row's number", "[genre]") {
  // A count column last: row 1's count is 2, the number row 2 opens with. Only the first cell
  // of a line opens a row where the number column is the first.
  const Plan plan = parse_document(
      "plan.txt",
      "План ремонта\n\n№\tМероприятие\tСрок\tОтветственные\tКоличество объектов\n"
      "1\tРемонт кровли школ\t2026 год\tОтдел образования\t2\n"
      "2\tЗамена окон в детских садах\t2027 год\tОтдел образования\t5\n"
      "3\tУтепление фасадов\t2028 год\tОтдел строительства\t4\n");
  REQUIRE(plan.activities.size() == 3);
  for (size_t k = 0; k < 3; ++k) {
    CHECK(plan.activities[k].number == static_cast<int>(k) + 1);
    CHECK(plan.activities[k].line == static_cast<int>(k) + 4);
    REQUIRE(plan.activities[k].agencies.size() == 1);
  }
  CHECK(plan.activities[0].name == "Ремонт кровли школ");
  using Extra = std::vector<std::pair<std::string, std::string>>;
  CHECK(plan.activities[0].extra == Extra{{"Количество объектов", "2"}});
  CHECK(plan.activities[1].name == "Замена окон в детских садах");
  CHECK(plan.activities[2].extra == Extra{{"Количество объектов", "4"}});
  CHECK(codes(plan) == std::vector<std::string>{"unknown-column@3"});
}

TEST_CASE("a marker alone on the cell's next line marks the entry it follows, as on one line", "[genre]") {
  // "ДСЭК<br>(по согласованию)" in a page, the same as lines of a text copy.
  const auto check = [](const Plan& plan) {
    REQUIRE(plan.activities.size() == 2);
    const std::vector<Agency>& first = plan.activities[0].agencies;
    REQUIRE(first.size() == 2);
    CHECK(first[0].abbr == "УО");
    CHECK_FALSE(first[0].as_agreed);
    CHECK(first[1].abbr == "ДСЭК");
    CHECK(first[1].as_agreed);
    REQUIRE(plan.activities[1].agencies.size() == 1);
    CHECK(plan.activities[1].agencies[0].name == "акиматы районов");
    CHECK(plan.activities[1].agencies[0].as_agreed);
    CHECK(codes(plan).empty());
  };
  std::string html = page({{"№", "Наименование", "Срок", "Ответственные"},
                           {"1", "Приемка лагерей", "до 25 мая 2026 года", "УО,<br>ДСЭК<br>(по согласованию)"},
                           {"2", "Обследование водоемов", "до 1 июня 2026 года", "акиматы районов<br>(по согласованию)"}});
  html.replace(html.find("</article>"), 0,
               "<p>Сокращения:<br>УО – управление образования<br>ДСЭК – департамент санитарного контроля</p>");
  check(parse_page(html));
  check(parse_lines({"План", "№", "Наименование", "Срок", "Ответственные", "1", "Приемка лагерей", "до 25 мая 2026 года",
                     "УО, ДСЭК", "(по согласованию)", "2", "Обследование водоемов", "до 1 июня 2026 года", "акиматы районов",
                     "(по согласованию)", "Сокращения:", "УО – управление образования", "ДСЭК – департамент санитарного контроля"}));
}

TEST_CASE("an appendix opening with its act gives the act, more publication wordings give the date, and the words "
          "in a cell end no table",
          "[genre]") {
  const Plan plan = parse_paragraphs({"Приложение к постановлению акимата района от 2 февраля 2026 года № 58", "План",
                                      "№", "Мероприятие", "Результат", "Срок", "Ответственные", "1", "Информирование населения",
                                      "Опубликовано в районной газете", "2026 год", "Отдел внутренней политики", "2",
                                      "Проведение встреч", "Отчет", "2027 год", "Отдел внутренней политики",
                                      "Дата размещения: 13.03.2026"});
  REQUIRE(plan.act.has_value());
  CHECK(plan.act->date == "2026-02-02");
  CHECK(plan.act->number == "58");
  REQUIRE(plan.activities.size() == 2);
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(plan.activities[0].outcomes[0].text == "Опубликовано в районной газете");
  CHECK(plan.published == "2026-03-13");
  CHECK(codes(plan).empty());
  for (const std::string wording : {"Опубликовано: 13.03.2026", "Posted on 13 March 2026", "Жарияланды: 13.03.2026"}) {
    INFO(wording);
    const Plan other = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Проведение встреч",
                                         "2027 год", "Отдел внутренней политики", wording});
    CHECK(other.published == "2026-03-13");
  }
}

TEST_CASE("a publication-date line above the table is the publication date, never the title, the intro or the act's date",
          "[genre]") {
  // Before: published null and the line in the intro (the title when it stood first); only a
  // line after the table was read.
  const Plan page_plan = parse_page(
      "<!DOCTYPE html>\n<html><body><article>\n<h1>План озеленения дворов</h1>\n"
      "<div class=\"meta\">Дата публикации: 14.03.2027</div>\n<table>\n"
      "<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственные</td></tr>\n"
      "<tr><td>1</td><td>Посадка деревьев</td><td>2027 год</td><td>Отдел ЖКХ</td></tr>\n"
      "</table></article></body></html>\n");
  CHECK(page_plan.published == "2027-03-14");
  CHECK(page_plan.intro.empty());
  const std::vector<std::string> table = {"No", "Activity", "Deadline", "Responsible", "1", "Plant trees", "2027",
                                          "Housing Department"};
  const auto with_opening = [&](std::vector<std::string> opening) {
    opening.insert(opening.end(), table.begin(), table.end());
    return parse_lines(opening);
  };
  // Standing first, it is no title; its words alone, the day on the next line.
  const Plan first = with_opening({"Publication date: 14 March 2027", "Plan for greening the yards"});
  CHECK(first.published == "2027-03-14");
  CHECK(first.title == "Plan for greening the yards");
  CHECK(first.intro.empty());
  const Plan split = with_opening({"Plan for greening the yards", "Publication date:", "14 March 2027"});
  CHECK(split.published == "2027-03-14");
  CHECK(split.intro.empty());
  // Above the act's line, its day is not the act's, even where the act's number has no day of its own.
  const Plan kk = with_opening({"Ауланы көгалдандыру жоспары", "Жарияланған күні: 14.03.2027",
                                "Аудан әкімдігінің 2027 жылғы 2 наурыздағы № 31 қаулысымен бекітілген"});
  CHECK(kk.published == "2027-03-14");
  REQUIRE(kk.act.has_value());
  CHECK(kk.act->date == "2027-03-02");
  CHECK(kk.intro == std::vector<std::string>{"Аудан әкімдігінің 2027 жылғы 2 наурыздағы № 31 қаулысымен бекітілген"});
  const Plan undated = with_opening({"Plan for greening the yards", "Дата публикации: 14.03.2027", "№ 31 қаулысына қосымша"});
  CHECK(undated.published == "2027-03-14");
  CHECK_FALSE(undated.act.has_value());
}

TEST_CASE("a caption over short lines, more than one of them capitalised, is one caption back to its first line when it "
          "ends in the act's number and a caption word or opens with one",
          "[genre]") {
  // Before: the first capitalised line was the title ("Қазақстан Республикасы", "Утвержден") and
  // the real title went to the intro.
  const std::vector<std::string> table = {"№", "Мероприятие", "Срок", "Ответственные", "1", "Ремонт хранилищ", "2027 год",
                                          "Отдел сельского хозяйства"};
  const auto with_opening = [&](std::vector<std::string> opening) {
    opening.insert(opening.end(), table.begin(), table.end());
    return parse_lines(opening);
  };
  const Plan kk = with_opening({"Қазақстан Республикасы", "Су ресурстары министрінің", "2027 жылғы 3 ақпандағы",
                                "№ 58 бұйрығына қосымша", "Су қоймаларын жөндеу жөніндегі іс-шаралар жоспары"});
  CHECK(kk.title == "Су қоймаларын жөндеу жөніндегі іс-шаралар жоспары");
  CHECK(kk.intro == std::vector<std::string>{"Қазақстан Республикасы", "Су ресурстары министрінің", "2027 жылғы 3 ақпандағы",
                                             "№ 58 бұйрығына қосымша"});
  REQUIRE(kk.act.has_value());
  CHECK(kk.act->number == "58");
  const Plan ru = with_opening({"Утвержден", "приказом Министра", "Водных ресурсов", "Республики Казахстан",
                                "от 3 февраля 2027 года № 58", "План ремонта водохранилищ"});
  CHECK(ru.title == "План ремонта водохранилищ");
  CHECK(ru.intro.size() == 5);
  const Plan en = with_opening({"Approved by", "Order of the Minister of Water Resources", "of the Republic of Kazakhstan",
                                "No. 58 dated 3 February 2027", "Plan for repairing reservoirs"});
  CHECK(en.title == "Plan for repairing reservoirs");
  // A title above the caption stays the title: a line naming the plan is no caption's.
  const Plan titled = with_opening({"Іс-шаралар жоспары", "Су ресурстары министрінің", "2027 жылғы 3 ақпандағы",
                                    "№ 58 бұйрығына қосымша"});
  CHECK(titled.title == "Іс-шаралар жоспары");
  // Capitalised lines that end in no act's number are no caption.
  const Plan unnumbered = with_opening({"Утвержден", "приказом Министра", "Водных ресурсов", "Республики Казахстан",
                                        "План ремонта водохранилищ"});
  CHECK(unnumbered.title == "Утвержден");
}

TEST_CASE("the act a plan's opening adopts it by is its act, not a law its preamble cites", "[genre]") {
  // Before: the cited law's date and number were the act (the last dated act of the intro).
  const Plan plan = parse_paragraphs(
      {"План мероприятий по защите пастбищ", "Решение маслихата района от 3 марта 2028 года № 12",
       "В соответствии со статьей 6 Закона Республики Казахстан от 20 февраля 2017 года № 47 «О пастбищах» маслихат района "
       "РЕШИЛ:",
       "№", "Мероприятие", "Срок", "Ответственные", "1", "Обследование пастбищ", "2028 год", "Отдел сельского хозяйства"});
  REQUIRE(plan.act.has_value());
  CHECK(plan.act->date == "2028-03-03");
  CHECK(plan.act->number == "12");
}

TEST_CASE("an appendix's caption above its title is no title: the title is the paragraph after it, the caption the intro's",
          "[genre]") {
  const std::vector<std::string> table = {"№", "Мероприятие", "Срок", "Ответственные", "1", "Покраска забора", "2027 год",
                                          "Отдел культуры"};
  const auto with_opening = [&](std::vector<std::string> opening) {
    opening.insert(opening.end(), table.begin(), table.end());
    return parse_paragraphs(opening);
  };
  // Russian, its act on a line of its own; English; Kazakh, the caption word last.
  const Plan ru = with_opening({"Приложение к постановлению акимата", "от 5 мая 2027 года № 77", "План мероприятий", "Вводный текст."});
  CHECK(ru.title == "План мероприятий");
  CHECK(ru.intro == std::vector<std::string>{"Приложение к постановлению акимата", "от 5 мая 2027 года № 77", "Вводный текст."});
  REQUIRE(ru.act.has_value());
  CHECK(ru.act->number == "77");
  const Plan en = with_opening({"Approved by the order of the akim dated 5 May 2027 No. 77", "Plan of Measures"});
  CHECK(en.title == "Plan of Measures");
  const Plan kk = with_opening({"Аудан әкімдігінің 2027 жылғы 5 мамырдағы № 77 қаулысына қосымша", "Іс-шаралар жоспары"});
  CHECK(kk.title == "Іс-шаралар жоспары");
  // A title that opens with a caption word but cites no act stays the title.
  const Plan title = with_opening({"Утвержденный план работы на 2027 год", "Вводный текст."});
  CHECK(title.title == "Утвержденный план работы на 2027 год");
}

TEST_CASE("a caption broken over lines whose caption word ends its last line is no title: the title is the paragraph "
          "after it", "[genre]") {
  // Kazakh names the body and the date first and the caption word last; a page's <br> breaks it
  // before the date and the number (before: the body's line was the title, the title in the intro).
  const Plan page_plan = parse_page(
      "<!DOCTYPE html>\n<html><body><article>\n"
      "<p>Шығыс Қазақстан облысы әкімдігінің<br>2026 жылғы 5 наурыздағы<br>№ 58 қаулысымен бекітілген</p>\n"
      "<h3>Іс-шаралар жоспары</h3>\n<table>\n"
      "<tr><td>№</td><td>Іс-шараның атауы</td><td>Орындау мерзімі</td><td>Жауапты орындаушылар</td></tr>\n"
      "<tr><td>1</td><td>Сүзгілерді ауыстыру</td><td>2026 жыл</td><td>Табиғи ресурстар басқармасы</td></tr>\n"
      "</table></article></body></html>\n");
  CHECK(page_plan.title == "Іс-шаралар жоспары");
  CHECK(page_plan.intro ==
        std::vector<std::string>{"Шығыс Қазақстан облысы әкімдігінің", "2026 жылғы 5 наурыздағы", "№ 58 қаулысымен бекітілген"});
  REQUIRE(page_plan.act.has_value());
  CHECK(page_plan.act->number == "58");
  // A title whose next line goes on in lower case, with no caption word closing it, stays the title.
  const Plan title = parse_lines({"Іс-шаралар жоспары", "2026-2027 жылдарға арналған", "№", "Іс-шараның атауы",
                                  "Орындау мерзімі", "Жауапты орындаушылар", "1", "Сүзгілерді ауыстыру", "2026 жыл",
                                  "Табиғи ресурстар басқармасы"});
  CHECK(title.title == "Іс-шаралар жоспары");
}

TEST_CASE("a caption whose last line opens with the act's number ('No. 212 dated …') is no title: the title is the "
          "paragraph after it",
          "[genre]") {
  // Before: "Annex 3" was the title, and the act's line and the real title went to the intro.
  const Plan plan = parse_paragraphs({"Annex 3", "to the order of the Minister of Culture", "No. 212 dated 14 March 2027",
                                      "Roadmap for the digitisation of regional museums", "No", "Action", "Output",
                                      "Time frame", "Executors", "1", "Audit of museum collections", "Audit report",
                                      "Q2 2027", "Ministry of Culture"});
  CHECK(plan.title == "Roadmap for the digitisation of regional museums");
  CHECK(plan.intro ==
        std::vector<std::string>{"Annex 3", "to the order of the Minister of Culture", "No. 212 dated 14 March 2027"});
  REQUIRE(plan.act.has_value());
  CHECK(plan.act->number == "212");
  CHECK(plan.act->date == "2027-03-14");
}

TEST_CASE("a caption that cites no act's number is still no title when its first line is the appendix's number and it goes "
          "on below, one with a name in capitals inside it is no title when it ends in the act's number",
          "[genre]") {
  // Before: "Annex 2" was the title, and the real title went to the intro.
  for (const char* number : {"Annex 2", "Приложение № 2", "2-қосымша", "Appendix IV"}) {
    INFO(number);
    const Plan plan = parse_paragraphs({number, "to the Joint Order of the ministers", "Plan of measures for rural libraries", "No",
                                        "Activity", "Deadline", "Responsible", "1", "Buy books", "2027", "Ministry of Culture"});
    CHECK(plan.title == "Plan of measures for rural libraries");
    CHECK(plan.intro == std::vector<std::string>{number, "to the Joint Order of the ministers"});
    CHECK_FALSE(plan.act.has_value());
  }
  // A name in capitals inside a caption that ends in the act's number is still the caption's.
  const Plan named = parse_paragraphs({"Утвержден", "постановлением акимата", "Восточного района", "от 14 января 2028 года № 9",
                                       "План благоустройства дворов", "№", "Мероприятие", "Срок", "Ответственный", "1",
                                       "Ремонт площадок", "2028 год", "отдел ЖКХ района"});
  CHECK(named.title == "План благоустройства дворов");
  REQUIRE(named.act.has_value());
  CHECK(named.act->number == "9");
  // With no act's number after it, the line in capitals is not taken into the caption.
  const Plan unnumbered = parse_paragraphs({"Утвержден", "постановлением акимата", "Восточного района", "План благоустройства дворов",
                                            "№", "Мероприятие", "Срок", "Ответственный", "1", "Ремонт площадок", "2028 год",
                                            "отдел ЖКХ района"});
  CHECK(unnumbered.title == "Утвержден");
  // A title that opens with a caption word is still the title: it is more than the word and a number.
  const Plan titled = parse_paragraphs({"Annex to the Development Plan", "of rural libraries", "No", "Activity", "Deadline",
                                        "Responsible", "1", "Buy books", "2027", "Ministry of Culture"});
  CHECK(titled.title == "Annex to the Development Plan");
}

TEST_CASE("a glossary under its heading spells out short names and abbreviations of several words, and the rows' "
          "entries written so are linked",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Диспансеризация граждан",
                                      "2026 год", "Минздрав, ТФОМС", "2", "Тушение пожаров", "2027 год", "ГУ МЧС",
                                      "Сокращения:", "ТФОМС – Территориальный фонд медицинского страхования",
                                      "Минздрав – Министерство здравоохранения области", "ГУ МЧС – Главное управление МЧС",
                                      "MinFin – Ministry of Finance"});
  REQUIRE(plan.abbreviations.size() == 4);
  CHECK(plan.abbreviations[1].abbr == "Минздрав");
  CHECK(plan.abbreviations[3].abbr == "MinFin");
  REQUIRE(plan.activities.size() == 2);
  REQUIRE(plan.activities[0].agencies.size() == 2);
  CHECK(plan.activities[0].agencies[0].abbr == "Минздрав");
  CHECK(plan.activities[0].agencies[0].name == "Министерство здравоохранения области");
  REQUIRE(plan.activities[1].agencies.size() == 1);
  CHECK(plan.activities[1].agencies[0].abbr == "ГУ МЧС");
  CHECK(plan.activities[1].agencies[0].name == "Главное управление МЧС");
  CHECK(codes(plan).empty());
  // Without a heading a capitalised word before a dash is no entry: prose after a table stays prose.
  const Plan headless = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Диспансеризация граждан",
                                          "2026 год", "Минздрав", "Исполнение – по мере поступления средств"});
  CHECK(headless.abbreviations.empty());
}

// Found by the generator (deadlines.wrapped, stop 27; /tmp/gen-faults/br-wrapped-deadline-after-another.html):
// a page's <br> says which lines are one deadline, but the cell's lines are joined as a
// line-a-paragraph copy's would be, "2027" with "16 December". Read wrongly, with no diagnostic.
TEST_CASE("a deadline broken by <br> after another deadline of its page cell is that one deadline", "[genre]") {
  const Plan plan = parse_document(
      "plan.html",
      "<html><body><p>Plan of measures</p><table>\n"
      "<tr><th>No</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies in charge</th></tr>\n"
      "<tr><td>1</td><td>Drafting the programme</td><td><p>Report</p><p>Order</p></td>"
      "<td><p>2027</p><p>16 December<br>2030</p></td><td>MF</td></tr>\n"
      "<tr><td>2</td><td>Holding seminars</td><td>Report</td><td>2028</td><td>MJ</td></tr>\n"
      "</table><p>Abbreviations:</p><p>MF – Ministry of Finance</p><p>MJ – Ministry of Justice</p></body></html>\n");
  REQUIRE(plan.activities.size() == 2);
  REQUIRE(plan.activities[0].outcomes.size() == 2);
  REQUIRE(plan.activities[0].outcomes[0].deadline);
  REQUIRE(plan.activities[0].outcomes[1].deadline);
  CHECK(plan.activities[0].outcomes[0].deadline->text == "2027");
  CHECK(plan.activities[0].outcomes[1].deadline->text == "16 December\n2030");
  CHECK(plan.activities[0].outcomes[1].deadline->from == "2030-12-16");
}

TEST_CASE("a deadline wrapped over two lines after another deadline of its cell in a line-a-paragraph copy is that one "
          "deadline, unless a Kazakh year before it leads on",
          "[genre]") {
  // "декабрь" could end "2027 год" or begin "2028 года": only a year whose word leads on to what
  // follows ("2027 жылғы" ⏎ "желтоқсан") stands first.
  const Plan plan = parse_lines({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные", "1.",
                                 "Ремонт дорог", "Акт", "Отчет", "2027 год", "декабрь", "2028 года", "Отдел строительства",
                                 "2.", "Уборка парков", "Отчет", "Акт", "III квартал", "2027 года", "декабрь", "2028 года",
                                 "Отдел строительства"});
  REQUIRE(plan.activities.size() == 2);
  // A line that needs the next ("III квартал" ⏎ "2027 года") still takes it.
  REQUIRE(plan.activities[1].outcomes.size() == 2);
  REQUIRE(plan.activities[1].outcomes[1].deadline);
  CHECK(plan.activities[1].outcomes[0].deadline->text == "III квартал\n2027 года");
  CHECK(plan.activities[1].outcomes[1].deadline->text == "декабрь\n2028 года");
  REQUIRE(plan.activities[0].outcomes.size() == 2);
  REQUIRE(plan.activities[0].outcomes[1].deadline);
  CHECK(plan.activities[0].outcomes[0].deadline->text == "2027 год");
  CHECK(plan.activities[0].outcomes[1].deadline->text == "декабрь\n2028 года");
  CHECK(plan.activities[0].outcomes[1].deadline->from == "2028-12-01");

  const Plan kazakh = parse_lines({"Жоспар", "№", "Іс-шараның атауы", "Аяқталу нысаны", "Орындау мерзімі",
                                   "Жауапты орындаушылар", "1.", "Жолдарды жөндеу", "Акт", "Есеп", "2027 жылғы",
                                   "желтоқсан", "2028 жыл", "Құрылыс бөлімі", "2.", "Саябақтарды тазалау", "Есеп",
                                   "2027 жыл", "Құрылыс бөлімі"});
  REQUIRE(kazakh.activities.size() == 2);
  REQUIRE(kazakh.activities[0].outcomes.size() == 2);
  REQUIRE(kazakh.activities[0].outcomes[1].deadline);
  CHECK(kazakh.activities[0].outcomes[0].deadline->text == "2027 жылғы\nжелтоқсан");
  CHECK(kazakh.activities[0].outcomes[1].deadline->text == "2028 жыл");
}

TEST_CASE("an optional last column left empty in most rows of flattened text takes no row's agencies, agencies that "
          "name no body beside an empty note are flagged",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Примечание", "1", "Субботник",
                                      "2026 год", "отдел благоустройства", "2", "Концерт", "2027 год", "силами коллектива",
                                      "3", "Ярмарка", "2026 год", "отдел предпринимательства", "по заявкам фермеров"});
  REQUIRE(plan.activities.size() == 3);
  CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"отдел благоустройства"});
  CHECK(plan.activities[0].extra.at(0).second.empty());
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"силами коллектива"});
  CHECK(plan.activities[1].extra.at(0).second.empty());
  CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"отдел предпринимательства"});
  CHECK(plan.activities[2].extra.at(0).second == "по заявкам фермеров");
  // Row 2's "силами коллектива" could as well be a note with the agencies missing: flagged at its
  // line. (A plural of people, "волонтеры", names a group since stop 34, and is not flagged.)
  CHECK(codes(plan) == std::vector<std::string>{"missing-cell@27"});
}

TEST_CASE("a page number between the rows of a copy is skipped as the page break's, never read into a cell", "[genre]") {
  // Before: "– 2 –" became an agency of row 1, with no diagnostic.
  for (const std::string page : {"– 2 –", "- 2 -", "Страница 2 из 3", "стр. 2", "Page 2 of 3", "2-бет"}) {
    INFO(page);
    const Plan plan = parse_paragraphs({"План", "№ п/п\tМероприятие\tСрок\tОтветственные",
                                        "1.\tПосадка деревьев\tапрель 2027 года\tотдел ЖКХ", page,
                                        "2.\tРемонт скамеек\tмай 2027 года\tотдел ЖКХ"});
    REQUIRE(plan.activities.size() == 2);
    CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"отдел ЖКХ"});
    CHECK(codes(plan) == std::vector<std::string>{"repeated-header@7"});
  }
}

TEST_CASE("agencies that end with a person named by initials beside an empty note are not flagged", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Примечание", "1", "Субботник",
                                      "2026 год", "отдел благоустройства", "Сбор у парка", "2", "Концерт", "2027 год",
                                      "отдел культуры, Иванов И.И. - директор ДК"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"отдел культуры", "Иванов И.И. - директор ДК"});
  CHECK(codes(plan).empty());
}

TEST_CASE("a figure ending a row of flattened text that equals the next row's number is the row's last cell", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Количество", "1", "Замена окон",
                                      "2026 год", "отдел образования", "2", "2", "Покраска фасадов", "2027 год",
                                      "отдел культуры", "3"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].extra.at(0).second == "2");
  CHECK(plan.activities[1].number == 2);
  CHECK(plan.activities[1].name == "Покраска фасадов");
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"отдел культуры"});
  // The last row's figure, with nothing after it, is no row of its own.
  CHECK(plan.activities[1].extra.at(0).second == "3");
  CHECK(codes(plan) == std::vector<std::string>{"unknown-column@11"});
}

TEST_CASE("a second agencies column (co-executors) is kept in extra with a warning that it names the agencies again, "
          "never merged into the agencies",
          "[genre]") {
  const auto check = [](const Plan& plan, const std::string& header) {
    REQUIRE(plan.activities.size() == 1);
    CHECK(agency_texts(plan.activities[0]) == std::vector<std::string>{"отдел образования"});
    REQUIRE(plan.activities[0].extra.size() == 1);
    CHECK(plan.activities[0].extra[0].first == header);
    CHECK(plan.activities[0].extra[0].second == "отдел культуры, ТОО «Звезда» (по согласованию)");
    REQUIRE(plan.diagnostics.size() == 1);
    CHECK(plan.diagnostics[0].code == Code::unknown_column);
    CHECK(plan.diagnostics[0].line == 2);
    CHECK(plan.diagnostics[0].message.find("names the agencies column a second time") != std::string::npos);
  };
  check(parse_document("plan.txt", "План\n№\tМероприятие\tСрок\tОтветственный исполнитель\tСоисполнители\n"
                                   "1\tРемонт клуба\t2026 год\tотдел образования\tотдел культуры, ТОО «Звезда» (по согласованию)\n"),
        "Соисполнители");
  check(parse_document("plan.txt", "План\n№\tІс-шараның атауы\tОрындау мерзімі\tЖауапты орындаушы\tҚосалқы орындаушылар\n"
                                   "1\tКлубты жөндеу\t2026 жыл\tотдел образования\tотдел культуры, ТОО «Звезда» (по согласованию)\n"),
        "Қосалқы орындаушылар");
}

TEST_CASE("rows of flattened text whose number and name share one paragraph ('1. Name') read as number then name", "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Форма завершения", "Срок", "Ответственные",
                                      "1. Замена окон", "Акт", "2026 год", "отдел образования", "2. Покраска фасадов",
                                      "Отчет", "2027 год", "отдел культуры"});
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].number == 1);
  CHECK(plan.activities[0].name == "Замена окон");
  CHECK(plan.activities[0].line == 13);
  CHECK(plan.activities[1].number == 2);
  CHECK(plan.activities[1].name == "Покраска фасадов");
  CHECK(plan.activities[1].outcomes.at(0).text == "Отчет");
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"отдел культуры"});
  CHECK(plan.sections.empty());
  CHECK(codes(plan).empty());
  // "1. Title" over a row numbered on its own is still a section.
  const Plan sectioned = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1. Школы", "1",
                                           "Замена окон", "2026 год", "отдел образования"});
  REQUIRE(sectioned.sections.size() == 1);
  CHECK(sectioned.activities.at(0).name == "Замена окон");
  CHECK(sectioned.activities.at(0).section == "1");
}

TEST_CASE("a glossary entry under its heading may be an abbreviation followed by a capitalised place word, and rows "
          "written so are linked",
          "[genre]") {
  const Plan plan = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Сверка платежей",
                                      "2026 год", "УФК Москвы", "Сокращения:", "УФК Москвы – Управление казначейства по городу",
                                      "МФ – Министерство финансов"});
  REQUIRE(plan.abbreviations.size() == 2);
  CHECK(plan.abbreviations[0].abbr == "УФК Москвы");
  CHECK(plan.abbreviations[0].name == "Управление казначейства по городу");
  REQUIRE(plan.activities.size() == 1);
  REQUIRE(plan.activities[0].agencies.size() == 1);
  CHECK(plan.activities[0].agencies[0].name == "Управление казначейства по городу");
  CHECK(codes(plan).empty());
}

TEST_CASE("a title set over lines is one title: a line naming the document goes on, a lower-case line goes on it", "[genre]") {
  const std::vector<std::string> table = {"№\tМероприятие\tСрок\tОтветственные", "1\tПосадка деревьев\tапрель 2027 года\tОЖКХ"};
  const auto with = [&](std::vector<std::string> top) {
    top.insert(top.end(), table.begin(), table.end());
    return parse_paragraphs(top);
  };
  // "ПЛАН" over its words, in any case, and a title broken again after them.
  Plan plan = with({"ПЛАН", "мероприятий по озеленению улиц", "на 2027 год"});
  CHECK(plan.title == "ПЛАН мероприятий по озеленению улиц на 2027 год");
  CHECK(plan.intro.empty());
  plan = with({"ПЛАН", "МЕРОПРИЯТИЙ ПО ОЗЕЛЕНЕНИЮ УЛИЦ", "Акимат района"});
  CHECK(plan.title == "ПЛАН МЕРОПРИЯТИЙ ПО ОЗЕЛЕНЕНИЮ УЛИЦ");
  CHECK(plan.intro == std::vector<std::string>{"Акимат района"});
  // Kazakh puts the word last. The act's caption or date under the title, a title that names no
  // document first, and a title ended by a stop keep their lines apart.
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"Көшелерді көгалдандыру жөніндегі 2027 жылға арналған іс-шаралар", "ЖОСПАРЫ"},
       "Көшелерді көгалдандыру жөніндегі 2027 жылға арналған іс-шаралар ЖОСПАРЫ"},
      {{"ACTION PLAN", "for greener streets in 2027"}, "ACTION PLAN for greener streets in 2027"},
      // A word or two before the document's word say what kind of plan it is.
      {{"Комплексный план", "по озеленению улиц на 2027 год"}, "Комплексный план по озеленению улиц на 2027 год"},
      {{"National Action Plan", "for greener streets"}, "National Action Plan for greener streets"},
      // "Перечень", "Комплекс мер" name the document as "План" does (stop 32).
      {{"Перечень первоочередных мер", "по озеленению улиц на 2027 год"}, "Перечень первоочередных мер по озеленению улиц на 2027 год"},
      {{"Implementation Schedule", "for greener streets, 2027"}, "Implementation Schedule for greener streets, 2027"},
      {{"План мероприятий по озеленению улиц", "утвержден приказом акима района"}, "План мероприятий по озеленению улиц"},
      {{"План мероприятий по озеленению улиц", "от 3 марта 2027 года № 41"}, "План мероприятий по озеленению улиц"},
      {{"Об утверждении плана озеленения", "в соответствии с решением маслихата"}, "Об утверждении плана озеленения"},
      {{"План озеленения.", "на 2027 год"}, "План озеленения."}};
  for (const auto& [top, title] : cases) {
    INFO(top.front());
    CHECK(with(top).title == title);
  }
}

TEST_CASE("tab cells on the row's own line, one for each column, are each their column's whatever their words say",
          "[genre]") {
  // "в течение года" is no form the deadline reader knows: by its words it is prose, and the
  // alignment gave it to the name, every cell after it shifted and the text after the table
  // taken into the last cell (before, with no error). The tabs say where each cell is.
  const Plan plan = parse_paragraphs({"План мероприятий по популяризации чтения на 2027 год",
                                      "№ п/п\tНаименование мероприятия\tСрок исполнения\tОтветственные\tИсточник финансирования",
                                      "1.\tНеделя детской книги\tмарт 2027 года\tЦБС районов*\tместный бюджет\n"
                                      "2.\tПередвижные библиотеки\tв течение года\tОЦБ им. Абая\tспонсорские средства",
                                      "* ЦБС – централизованные библиотечные системы\nОЦБ – областная центральная библиотека"});
  REQUIRE(plan.activities.size() == 2);
  const Activity& second = plan.activities[1];
  CHECK(second.name == "Передвижные библиотеки");
  REQUIRE(second.outcomes.size() == 1);
  CHECK(second.outcomes[0].deadline->text == "в течение года");
  CHECK_FALSE(second.outcomes[0].deadline->to);
  CHECK(agency_texts(second) == std::vector<std::string>{"ОЦБ им. Абая"});
  CHECK(second.extra == std::vector<std::pair<std::string, std::string>>{{"Источник финансирования", "спонсорские средства"}});
  // The glossary after the table, its first entry opening with the footnote mark of "ЦБС районов*".
  REQUIRE(plan.abbreviations.size() == 2);
  CHECK(plan.abbreviations[0].abbr == "ЦБС");
  CHECK(plan.abbreviations[1].abbr == "ОЦБ");
  CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@6"});
}

TEST_CASE("a row of sums closes the row above and is reported, its figures in no cell", "[genre]") {
  // Before: "Итого:" and "4 600,0" joined the last row's funding cell ("800,0\nИтого:\n4 600,0"),
  // with no diagnostic; in a page the total's figure joined it beside an extra-paragraph warning.
  const Plan text = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Исполнитель", "Сумма, тыс. тенге", "1",
                                      "Ремонт освещения", "2027 год", "Отдел ЖКХ", "1 500,0", "2", "Озеленение площади",
                                      "2027 год", "Отдел ЖКХ", "800,0", "Итого:", "2 300,0"});
  REQUIRE(text.activities.size() == 2);
  CHECK(text.activities[1].extra == std::vector<std::pair<std::string, std::string>>{{"Сумма, тыс. тенге", "800,0"}});
  CHECK(codes(text) == std::vector<std::string>{"unclaimed-paragraph@33", "unclaimed-paragraph@35"});
  // A subtotal between sections, in a page: the rows after it are read.
  const Plan page = parse_page(
      "<html><body><table><tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Исполнитель</td><td>Сумма</td></tr>\n"
      "<tr><td>1</td><td>Ремонт освещения</td><td>2027 год</td><td>Отдел ЖКХ</td><td>1 500,0</td></tr>\n"
      "<tr><td colspan=\"4\">Всего по разделу 1:</td><td>1 500,0</td></tr>\n"
      "<tr><td>2</td><td>Озеленение площади</td><td>2027 год</td><td>Отдел ЖКХ</td><td>800,0</td></tr>\n"
      "<tr><td colspan=\"4\">Итого</td><td>2 300,0</td></tr>\n</table></body></html>\n");
  REQUIRE(page.activities.size() == 2);
  CHECK(page.activities[0].extra == std::vector<std::pair<std::string, std::string>>{{"Сумма", "1 500,0"}});
  CHECK(page.activities[1].extra == std::vector<std::pair<std::string, std::string>>{{"Сумма", "800,0"}});
  CHECK(codes(page) == std::vector<std::string>{"unclaimed-paragraph@3", "unclaimed-paragraph@3", "unclaimed-paragraph@5",
                                                "unclaimed-paragraph@5"});
  // A name that opens with such a word is no total.
  const Plan names = parse_paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible", "1", "Total renovation of the school",
                                       "2027", "MoE", "2", "Итоговый отчет", "2027", "MoE"});
  REQUIRE(names.activities.size() == 2);
  CHECK(names.activities[0].name == "Total renovation of the school");
  CHECK(names.activities[1].name == "Итоговый отчет");
}

TEST_CASE("after the last row, one glossary entry after a lead-in is the glossary and a note is reported, in no cell",
          "[genre]") {
  // Before: both became agencies of the last row ("Справочно: ОЦТ = …" an unlinked entry of its
  // own, "ОЦТ" an unknown abbreviation), with no diagnostic of their own.
  const std::vector<std::string> rows = {"План мероприятий", "",
                                         "№\tМероприятие\tСрок\tОтветственные",
                                         "1\tОцифровка архивов\t2028 год\tархивный отдел совместно с ОЦТ",
                                         "2\tКурсы для делопроизводителей\t2028 год\tОЦТ, ТОО «Цифровая школа»",
                                         ""};
  std::vector<std::string> glossed = rows;
  glossed.push_back("Справочно: ОЦТ = отдел цифровых технологий акимата района.");
  const Plan plan = parse_lines(glossed);
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"ОЦТ", "ТОО «Цифровая школа»"});
  REQUIRE(plan.abbreviations.size() == 1);
  CHECK(plan.abbreviations[0].name == "отдел цифровых технологий акимата района");
  CHECK(plan.activities[1].agencies[0].name == "отдел цифровых технологий акимата района");
  CHECK(codes(plan).empty());
  // A note there, in a tab copy or one paragraph a cell, is reported where it stands.
  std::vector<std::string> noted = rows;
  noted.push_back("Примечание: мероприятия финансируются за счет местного бюджета.");
  const Plan tab = parse_lines(noted);
  REQUIRE(tab.activities.size() == 2);
  CHECK(agency_texts(tab.activities[1]) == std::vector<std::string>{"ОЦТ", "ТОО «Цифровая школа»"});
  CHECK(codes(tab) == std::vector<std::string>{"unknown-abbreviation@4", "unknown-abbreviation@5", "unclaimed-paragraph@7"});
  const Plan flat = parse_paragraphs({"План", "№", "Activity", "Deadline", "Responsible", "1", "Archive scanning", "2028",
                                      "MoJ", "Note: the activities are paid for from the local budget."});
  REQUIRE(flat.activities.size() == 1);
  CHECK(agency_texts(flat.activities[0]) == std::vector<std::string>{"MoJ"});
  CHECK(codes(flat) == std::vector<std::string>{"unknown-abbreviation@17", "unclaimed-paragraph@19"});
}

TEST_CASE("after the last row, a rule, an appendix's caption and a footnote are no cells, a note ends the glossary",
          "[genre]") {
  // Before: each became an agency of the last row with no diagnostic ("______", "Appendix 2",
  // "List of pilot towns", "* subject to …"), and a note after the glossary an entry whose
  // abbreviation was "Примечание".
  const std::vector<std::string> head = {"Plan", "No.", "Activity", "Deadline", "Responsible", "1", "Archive scanning", "2028",
                                         "Department of Education"};
  std::vector<std::string> ruled = head;
  ruled.push_back("______________");
  const Plan rule = parse_paragraphs(ruled);
  REQUIRE(rule.activities.size() == 1);
  CHECK(agency_texts(rule.activities[0]) == std::vector<std::string>{"Department of Education"});
  CHECK(codes(rule).empty());
  std::vector<std::string> appended = head;
  for (const char* line : {"Appendix 2", "to the Plan", "List of pilot towns", "1", "Almaty", "2", "Shymkent"}) appended.push_back(line);
  const Plan appendix = parse_paragraphs(appended);
  REQUIRE(appendix.activities.size() == 1);
  CHECK(agency_texts(appendix.activities[0]) == std::vector<std::string>{"Department of Education"});
  CHECK(codes(appendix).size() == 7);  // each line of the appendix, unclaimed where it stands
  // A note column's "Приложение 1" in a row whose name took two paragraphs, the next row after it:
  // no appendix.
  const Plan noted_column = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "Примечание", "1",
                                              "Ремонт школ", "и детских садов", "2028 год", "отдел образования", "Приложение 1",
                                              "2", "Ремонт клубов", "2028 год", "отдел культуры", "Приложение 2"});
  CHECK(noted_column.activities.size() == 2);
  std::vector<std::string> footnoted = head;
  footnoted.push_back("* subject to the availability of funds in the local budget");
  const Plan footnote = parse_paragraphs(footnoted);
  CHECK(agency_texts(footnote.activities[0]) == std::vector<std::string>{"Department of Education"});
  CHECK(codes(footnote) == std::vector<std::string>{"unclaimed-paragraph@19"});
  const Plan noted = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Ремонт школ", "2028 год", "МФ",
                                       "Расшифровка аббревиатур:", "МФ – Министерство финансов",
                                       "Примечание: головной исполнитель указан первым."});
  REQUIRE(noted.abbreviations.size() == 1);
  CHECK(noted.abbreviations[0].abbr == "МФ");
  CHECK(codes(noted) == std::vector<std::string>{"unclaimed-paragraph@23"});
}

TEST_CASE("a section heading with an ordinal or a stage word opens its section, in tab copies and one paragraph a cell",
          "[genre]") {
  // Before: each was read into the agencies of the row above, with no diagnostic ("2-я часть.
  // Обучение", "2-ші бағыт. Оқыту", "Екінші бөлім. Оқыту", "2nd block: training") or with an
  // extra-paragraph warning only ("Этап 2.", "Stage 2 –", "II этап.").
  const struct {
    const char* heading;
    const char* number;
  } cases[] = {{"2-я часть. Обучение", "2"},     {"Вторая часть. Обучение", "2"}, {"Этап 2. Обучение", "2"},
               {"II этап. Обучение", "II"},      {"2-ші бағыт. Оқыту", "2"},      {"Екінші бөлім. Оқыту", "2"},
               {"2-кезең. Оқыту", "2"},          {"2nd block: training", "2"},    {"Stage 2 – Training", "2"},
               {"Second phase: training", "2"}};
  for (const auto& c : cases) {
    INFO(c.heading);
    const Plan tab = parse_lines({"План", "", "№\tМероприятие\tСрок\tОтветственные", "1\tРабота один\t2027 год\tакимат района",
                                  c.heading, "2\tРабота два\t2028 год\tакимат района"});
    REQUIRE(tab.activities.size() == 2);
    CHECK(agency_texts(tab.activities[0]) == std::vector<std::string>{"акимат района"});
    REQUIRE(tab.sections.size() == 1);
    CHECK(tab.sections[0].number == c.number);
    CHECK(tab.activities[1].section == c.number);
    const Plan flat = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Работа один", "2027 год",
                                        "акимат района", c.heading, "2", "Работа два", "2028 год", "акимат района"});
    REQUIRE(flat.sections.size() == 1);
    CHECK(flat.activities[1].section == c.number);
  }
}

TEST_CASE("a cell's paragraph that opens with a preposition or an owner in the genitive goes on the name above", "[genre]") {
  // Before: "акимата Талгарского района" and "of the akimat of the region" were agencies of their own.
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"1", "Стерилизация", "2027 год",
                                      "<p>ГКП на ПХВ «Районная ветеринарная станция»</p><p>акимата Талгарского района</p>"},
                                     {"2", "Выставка", "2027 год", "<p>Department of Culture</p><p>of the akimat of the region</p>"},
                                     {"3", "Обход", "2027 год", "<p>отдел образования</p><p>отдел культуры</p>"}}));
  REQUIRE(plan.activities.size() == 3);
  CHECK(agency_texts(plan.activities[0]) ==
        std::vector<std::string>{"ГКП на ПХВ «Районная ветеринарная станция» акимата Талгарского района"});
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Department of Culture of the akimat of the region"});
  // A line that opens with a head noun is another body.
  CHECK(agency_texts(plan.activities[2]) == std::vector<std::string>{"отдел образования", "отдел культуры"});
}


TEST_CASE("a note between the table and the glossary's heading is reported, and the glossary read after it", "[genre]") {
  // Before: the whole glossary was lost to unclaimed-paragraph and unknown-abbreviation warnings.
  std::string html = page({{"№", "Activity", "Deadline", "Responsible"}, {"1", "Census", "2027", "MENR, MIA*"}});
  html.replace(html.find("</article>"), 0,
               "<p>Note: co-executors are marked with an asterisk.</p>\n<p>Acronyms:</p>\n"
               "<p>MENR – Ministry of Ecology and Natural Resources</p>\n<p>MIA – Ministry of Internal Affairs</p>\n");
  const Plan plan = parse_page(html);
  REQUIRE(plan.abbreviations.size() == 2);
  CHECK(plan.activities[0].agencies[0].name == "Ministry of Ecology and Natural Resources");
  REQUIRE(codes(plan).size() == 1);
  CHECK(codes(plan)[0].starts_with("unclaimed-paragraph@"));
}

TEST_CASE("a glossary key with a company's quoted name links the table's entry written the same way", "[genre]") {
  const Plan plan = parse_lines({"План мероприятий по поддержке предпринимательства", "№\tМероприятие\tСрок\tИсполнители",
                                 "1\tОбучающие семинары для фермеров\t2027 год\tМСХ, НПП «Атамекен» (по согласованию)",
                                 "Список сокращений:", "МСХ – Министерство сельского хозяйства",
                                 "НПП «Атамекен» — Национальная палата предпринимателей «Атамекен»"});
  REQUIRE(plan.activities.size() == 1);
  REQUIRE(plan.activities[0].agencies.size() == 2);
  const Agency& chamber = plan.activities[0].agencies[1];
  CHECK(chamber.abbr == std::optional<std::string>("НПП «Атамекен»"));
  CHECK(chamber.name == std::optional<std::string>("Национальная палата предпринимателей «Атамекен»"));
  CHECK(chamber.as_agreed);
  CHECK(std::none_of(plan.diagnostics.begin(), plan.diagnostics.end(), [](const Diagnostic& d) {
    return d.code == Code::unknown_abbreviation || d.code == Code::unclaimed_paragraph;
  }));
}

TEST_CASE("a page's row whose number cell is empty and whose one cell spans the rest is a heading, never the name of the "
          "row above", "[genre]") {
  // Before: "Контроль рынков" ran on into the name of activity 1, with no diagnostic (only a cell
  // spanning the number column too was a heading).
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"", "<td colspan=\"3\">1. Профилактика"},
                                     {"1", "Вакцинация скота", "2027 год", "Отдел ветеринарии"},
                                     {"", "<td colspan=\"3\">Контроль рынков"},
                                     {"2", "Рейды на рынках", "2027 год", "Отдел торговли"},
                                     {"", "2. Работа с населением", "", ""},
                                     {"3", "Сходы граждан", "2028 год", "Отдел ветеринарии"}}));
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[1].number == "2");
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[0].name == "Вакцинация скота");
  CHECK(plan.activities[1].section == "1");
  CHECK(plan.activities[2].section == "2");
  REQUIRE(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@7"});
  CHECK(plan.diagnostics[0].message.ends_with("the rows after it stay in section 1: Контроль рынков"));
}

TEST_CASE("a page's row with text in its name cell only goes on the row above where it wraps: in lower case, after a "
          "joining word, or beside cells merged from above", "[genre]") {
  const Plan plan = parse_page(page({{"№", "Мероприятие", "Срок", "Ответственные"},
                                     {"1", "Уборка парков", "2027 год", "Отдел ЖКХ"},
                                     {"", "и скверов", "", ""},
                                     {"2", "Информация в", "2027 год", "Отдел ЖКХ"},
                                     {"", "Акимат района", "", ""},
                                     {"<td rowspan=\"2\">3", "Посадка деревьев", "<td rowspan=\"2\">2028 год",
                                      "<td rowspan=\"2\">Отдел ЖКХ"},
                                     {"Полив газонов"}}));
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[0].name == "Уборка парков\nи скверов");
  CHECK(plan.activities[1].name == "Информация в\nАкимат района");
  CHECK(plan.activities[2].name == "Посадка деревьев\nПолив газонов");
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a bar table's row with an empty number cell and text under the name only is a heading: a section with its "
          "word or number, else reported", "[genre]") {
  // Before: every such row ran on into the name of the row above (the one right under the header
  // into the header's name cell): the sections were lost with no diagnostic.
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\n"
                                   "\n"
                                   "| № | Мероприятие        | Срок     | Ответственные       |\n"
                                   "|   | Раздел 1. Молодёжь |          |                     |\n"
                                   "| 1 | Провести форум     | 2027 год | Отдел спорта        |\n"
                                   "|   | Работа с семьями   |          |                     |\n"
                                   "| 2 | Открыть клуб       | 2027 год | Отдел культуры      |\n"
                                   "|   | 2. Спорт           |          |                     |\n"
                                   "| 3 | Построить стадион  | 2028 год | Отдел строительства |\n");
  CHECK(plan.columns[1].header == "Мероприятие");
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[0].title == "Молодёжь");
  CHECK(plan.sections[1].number == "2");
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[0].name == "Провести форум");
  CHECK(plan.activities[1].section == "1");
  CHECK(plan.activities[2].section == "2");
  REQUIRE(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@6"});
  CHECK(plan.diagnostics[0].message.ends_with("the rows after it stay in section 1: Работа с семьями"));
}

TEST_CASE("in a bar table whose cells wrap, a line under the name only goes on the name unless it reads as a section "
          "heading", "[genre]") {
  // A copy that wraps its cells may put a capitalised word on a line of its own ("Центральный"):
  // only a section's word and number tell a heading there.
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\n"
                                   "\n"
                                   "| № | Мероприятие        | Срок     | Ответственные       |\n"
                                   "|   | Раздел 1. Молодёжь |          |                     |\n"
                                   "| 1 | Провести форум для | 2027 год | Отдел спорта и      |\n"
                                   "|   | Молодёжи района    |          | туризма             |\n"
                                   "|   | и сёл              |          |                     |\n"
                                   "| 2 | Построить стадион, | 2028 год | Отдел строительства |\n"
                                   "|   | Бассейн            |          |                     |\n"
                                   "|   | Раздел 2. Спорт    |          |                     |\n"
                                   "| 3 | Открыть клуб       | 2027 год | Отдел культуры      |\n"
                                   "|   | Центральный        |          |                     |\n");
  REQUIRE(plan.sections.size() == 2);
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[0].name == "Провести форум для Молодёжи района и сёл");
  CHECK(plan.activities[1].name == "Построить стадион, Бассейн");
  CHECK(plan.activities[1].section == "1");
  CHECK(plan.activities[2].name == "Открыть клуб Центральный");
  CHECK(plan.activities[2].section == "2");
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("in a bar table whose cells wrap, a row \"2. Title\" under the name only is a section where it numbers the next "
          "section",
          "[genre]") {
  // Before: where any cell wrapped, "|   | 2. Roads |   |" ran on into the name of the row above,
  // and every later row stayed in section 1, with no diagnostic.
  const Plan plan = parse_document("plan.txt",
                                   "Plan on transport\n"
                                   "\n"
                                   "| No. | Activity                | Outcome  | Deadline | Responsible |\n"
                                   "|-----|-------------------------|----------|----------|-------------|\n"
                                   "|     | 1. Ports                |          |          |             |\n"
                                   "| 1   | Dredging the harbour of | Act      | 2026     | Akimat      |\n"
                                   "|     | the northern port       |          |          |             |\n"
                                   "| 2   | Building a new quay     | Order    | 2027     | Akimat      |\n"
                                   "|     | 2. Roads                |          |          |             |\n"
                                   "| 3   | Widening the ring road  | Act      | 2027     | Akimat      |\n"
                                   "|     | 3. Railways             |          |          |             |\n"
                                   "| 4   | Electrifying a line     | Act      | 2028     | Akimat      |\n");
  REQUIRE(plan.sections.size() == 3);
  CHECK(plan.sections[1].number == "2");
  CHECK(plan.sections[1].title == "Roads");
  CHECK(plan.sections[2].title == "Railways");
  REQUIRE(plan.activities.size() == 4);
  CHECK(plan.activities[0].name == "Dredging the harbour of the northern port");
  CHECK(plan.activities[1].name == "Building a new quay");
  CHECK(plan.activities[1].section == "1");
  CHECK(plan.activities[2].section == "2");
  CHECK(plan.activities[3].section == "3");
  CHECK(codes(plan).empty());
}

TEST_CASE("in a bar table whose cells wrap, numbered lines a name cell lists stay in the name", "[genre]") {
  // A name may list its steps "1. …", "2. …" on lines of their own: after a colon, or after its
  // first such line, "2." is a step, not section 2.
  const Plan plan = parse_document("plan.txt",
                                   "Plan on transport\n"
                                   "\n"
                                   "| No. | Activity                | Outcome  | Deadline | Responsible |\n"
                                   "|-----|-------------------------|----------|----------|-------------|\n"
                                   "|     | 1. Ports                |          |          |             |\n"
                                   "| 1   | Dredging the harbour of | Act      | 2026     | Akimat      |\n"
                                   "|     | the northern port       |          |          |             |\n"
                                   "| 2   | Building quays:         | Order    | 2027     | Akimat      |\n"
                                   "|     | 2. a grain quay         |          |          |             |\n"
                                   "| 3   | Lighting the port       | Act      | 2027     | Akimat      |\n"
                                   "|     | 1. Quay lights          |          |          |             |\n"
                                   "|     | 2. Mast lights          |          |          |             |\n");
  REQUIRE(plan.sections.size() == 1);
  REQUIRE(plan.activities.size() == 3);
  CHECK(plan.activities[1].name == "Building quays: 2. a grain quay");
  CHECK(plan.activities[2].name == "Lighting the port 1. Quay lights 2. Mast lights");
  CHECK(plan.activities[2].section == "1");
}

TEST_CASE("in a bar table whose cells wrap, a heading row with no section word or number is reported, not the end of "
          "the name above", "[genre][!shouldfail]") {
  // Read wrongly: where cells wrap, a capitalised line under the name only may be the name's
  // last word, and nothing but its words tells a heading ("Работа с семьями") from it.
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий\n"
                                   "\n"
                                   "| № | Мероприятие        | Срок     | Ответственные  |\n"
                                   "| 1 | Провести форум для | 2027 год | Отдел спорта   |\n"
                                   "|   | молодёжи           |          |                |\n"
                                   "|   | Работа с семьями   |          |                |\n"
                                   "| 2 | Открыть клуб       | 2027 год | Отдел культуры |\n");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].name == "Провести форум для молодёжи");
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@6"});
}

TEST_CASE("a Markdown or ASCII rule in a bar table is a rule wherever it stands: under the header, between rows", "[genre]") {
  // Before: a rule under the header made the header and every row one row, and the plan was
  // refused ("the table header is followed by no numbered activity").
  for (const std::string rule : {"|---|----|----|----|", "|:--|:---|---:|:--:|", "+---+----+----+----+", "|===|====|====|====|",
                                 "|———|————|————|————|"}) {
    INFO(rule);
    const Plan plan = parse_document("plan.txt",
                                     "План мероприятий\n\n"
                                     "| № | Мероприятие        | Срок     | Ответственные  |\n" +
                                         rule + "\n"
                                         "| 1 | 2                  | 3        | 4              |\n"
                                         "|   | Раздел 1. Молодёжь |          |                |\n"
                                         "| 1 | Провести форум     | 2027 год | Отдел спорта   |\n"
                                         "|   | для молодёжи       |          |                |\n" +
                                         rule + "\n"
                                         "| 2 | Открыть клуб       | 2027 год | Отдел культуры |\n");
    CHECK(roles(plan) == "number,name,deadline,agencies");
    REQUIRE(plan.sections.size() == 1);
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.activities[0].name == "Провести форум для молодёжи");
    CHECK(plan.activities[1].section == "1");
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"Отдел культуры"});
    CHECK(plan.diagnostics.empty());
  }
}

TEST_CASE("a glossary block of one entry a line after a note under a bar table is read from its heading", "[genre]") {
  // Before: the heading and its entries, one paragraph, were one unclaimed paragraph and every
  // abbreviation was unknown.
  const Plan plan = parse_document("plan.txt",
                                   "Plan of measures\n\n"
                                   "| No. | Activity              | Deadline | Responsible |\n"
                                   "| 1   | Repair of school gyms | 2027     | MoE, MTS    |\n\n"
                                   "Note: the work is financed from the local budget.\n\n"
                                   "Abbreviations used:\n"
                                   "MoE - Ministry of Education\n"
                                   "MTS - Ministry of Tourism and Sports\n");
  REQUIRE(plan.abbreviations.size() == 2);
  CHECK(plan.abbreviations[1].name == "Ministry of Tourism and Sports");
  CHECK(plan.activities.at(0).agencies.at(0).name == "Ministry of Education");
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@6"});
}

TEST_CASE("a footnote after the last row that keys a mark with the marker's words marks the entries carrying it, and is no agency", "[genre]") {
  // Before: "* по согласованию" became the last row's agency.
  const Plan plan = parse_lines({"План мер по уходу за лесополосами", "№\tМера\tСрок\tИсполнители",
                                 "1\tПолив саженцев\t2027 год\tУЛХ, УДХ*", "", "* по согласованию", "",
                                 "Сокращения:", "УЛХ – управление лесного хозяйства", "УДХ – управление дорожного хозяйства"});
  REQUIRE(plan.activities.size() == 1);
  REQUIRE(plan.activities[0].agencies.size() == 2);
  CHECK(plan.abbreviations.size() == 2);
  // The footnote keys the mark: the marked entry is as agreed, the other not, and the footnote,
  // read, is no unclaimed paragraph.
  CHECK_FALSE(plan.activities[0].agencies[0].as_agreed);
  CHECK(plan.activities[0].agencies[1].as_agreed);
  CHECK(plan.activities[0].agencies[1].abbr == std::optional<std::string>("УДХ"));
  CHECK(plan.diagnostics.empty());
  // With no entry marked, the footnote is reported where it stands.
  const Plan unmarked = parse_lines({"План мер по уходу за лесополосами", "№\tМера\tСрок\tИсполнители",
                                     "1\tПолив саженцев\t2027 год\tУЛХ, УДХ", "", "* по согласованию", "",
                                     "Сокращения:", "УЛХ – управление лесного хозяйства", "УДХ – управление дорожного хозяйства"});
  CHECK(unmarked.activities.at(0).agencies.size() == 2);
  CHECK(std::any_of(unmarked.diagnostics.begin(), unmarked.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == Code::unclaimed_paragraph && d.line == 5; }));
}

TEST_CASE("a page's footnote under its table keys the '*' of entries to the marker", "[genre]") {
  const Plan plan = parse_page(
      "<html><body><h2>План мер по очистке берегов</h2><table>"
      "<tr><td>№</td><td>Мера</td><td>Срок</td><td>Исполнители</td></tr>"
      "<tr><td>1</td><td>Субботники на берегах реки</td><td>2027 год</td><td>ОЖКХ, ОФ «Чистая река»*</td></tr>"
      "</table><p>* по согласованию</p><p>Сокращения:</p><p>ОЖКХ – отдел жилищно-коммунального хозяйства</p></body></html>");
  REQUIRE(plan.activities.size() == 1);
  REQUIRE(plan.activities[0].agencies.size() == 2);
  CHECK_FALSE(plan.activities[0].agencies[0].as_agreed);
  CHECK(plan.activities[0].agencies[1].as_agreed);
  CHECK(plan.diagnostics.empty());
}

namespace {

// A tab copy of a small road plan, a line a paragraph, its last row on line 5, a blank line 6.
std::vector<std::string> road_plan(const std::vector<std::string>& after) {
  std::vector<std::string> out = {"План мероприятий по ремонту дорог на 2026 год", "",
                                  "№\tНаименование мероприятия\tФорма завершения\tСрок\tОтветственные",
                                  "1\tРемонт моста через реку Нура\tакт\tII квартал 2026 года\tМТ, МФ",
                                  "2\tПокраска ограждений\tакт\t2026 год\tМТ", ""};
  out.insert(out.end(), after.begin(), after.end());
  return out;
}

}  // namespace

TEST_CASE("a note lead alone after the last row heads the note: its numbered lines are the note's, no sections, no agency",
          "[genre]") {
  // Before: "Примечание:" became an agency of the last row and "1) …", "2) …" two sections, with
  // no diagnostic.
  const Plan plan = parse_lines(road_plan({"Примечание:", "1) финансирование осуществляется в пределах средств бюджета;",
                                           "2) сроки могут уточняться.", "", "МТ – Министерство транспорта Республики Казахстан",
                                           "МФ – Министерство финансов Республики Казахстан"}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.sections.empty());
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"МТ"});
  REQUIRE(plan.abbreviations.size() == 2);
  CHECK(plan.activities[1].agencies[0].name == std::optional<std::string>("Министерство транспорта Республики Казахстан"));
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@7", "unclaimed-paragraph@8", "unclaimed-paragraph@9"});
  // In English, numbered "1.", in a copy of one paragraph a cell, and with the first line on the
  // lead's own ("Note: 1. …").
  const Plan flat = parse_paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible", "1", "Bridge repair", "2026", "MoT",
                                      "Notes:", "1. Activities are financed from the local budget.",
                                      "2. Deadlines may be revised by the Government."});
  REQUIRE(flat.activities.size() == 1);
  CHECK(flat.sections.empty());
  CHECK(agency_texts(flat.activities[0]) == std::vector<std::string>{"MoT"});
  CHECK(codes(flat) == std::vector<std::string>{"unknown-abbreviation@17", "unclaimed-paragraph@19", "unclaimed-paragraph@21",
                                                "unclaimed-paragraph@23"});
  // In a page, the note under the table is reported and the headless glossary after it read.
  const Plan page = parse_page(
      "<html><body><h2>План</h2><table>\n<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственные</td></tr>\n"
      "<tr><td>1</td><td>Ремонт моста</td><td>2026 год</td><td>МТ</td></tr>\n</table><p>Примечание:</p>"
      "<p>1) финансирование из местного бюджета;</p><p>2) сроки могут уточняться.</p>\n"
      "<p>1. МТ – Министерство транспорта Республики Казахстан</p><p>2. МФ – Министерство финансов</p></body></html>\n");
  CHECK(page.sections.empty());
  REQUIRE(page.abbreviations.size() == 2);
  CHECK(page.activities.at(0).agencies.at(0).name == std::optional<std::string>("Министерство транспорта Республики Казахстан"));
  CHECK(codes(page) == std::vector<std::string>{"unclaimed-paragraph@4", "unclaimed-paragraph@4", "unclaimed-paragraph@4"});
  const Plan inline_first = parse_lines(road_plan({"Ескерту: 1) қаржыландыру жергілікті бюджет есебінен жүзеге асырылады;",
                                                   "2) мерзімдер нақтылануы мүмкін."}));
  CHECK(inline_first.sections.empty());
  CHECK(agency_texts(inline_first.activities[1]) == std::vector<std::string>{"МТ"});
  CHECK(codes(inline_first) == std::vector<std::string>{"unknown-abbreviation@4", "unknown-abbreviation@4", "unknown-abbreviation@5",
                                                        "unclaimed-paragraph@7", "unclaimed-paragraph@8"});
}

TEST_CASE("a numbered glossary ('1. ABBR – name', '1) ABBR – name') is read entry by entry, the number dropped, with or "
          "without a heading", "[genre]") {
  // Before: with no heading the entries became two sections and the glossary was lost; under a
  // heading they were unclaimed paragraphs, every abbreviation unknown.
  const std::vector<std::string> entries = {"1. МТ – Министерство транспорта Республики Казахстан",
                                            "2. МФ – Министерство финансов Республики Казахстан"};
  const std::vector<std::string> paren = {"1) МТ – Министерство транспорта Республики Казахстан;",
                                          "2) МФ – Министерство финансов Республики Казахстан."};
  std::vector<std::string> headed = {"Расшифровка аббревиатур:"};
  headed.insert(headed.end(), entries.begin(), entries.end());
  std::vector<std::string> headed_paren = {"Расшифровка аббревиатур:"};
  headed_paren.insert(headed_paren.end(), paren.begin(), paren.end());
  for (const std::vector<std::string>& after : {entries, paren, headed, headed_paren}) {
    const Plan plan = parse_lines(road_plan(after));
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.sections.empty());
    REQUIRE(plan.abbreviations.size() == 2);
    CHECK(plan.abbreviations[0].abbr == "МТ");
    CHECK(plan.abbreviations[0].name == "Министерство транспорта Республики Казахстан");
    CHECK(plan.abbreviations[1].abbr == "МФ");
    CHECK(plan.abbreviations[1].name == "Министерство финансов Республики Казахстан");
    CHECK(plan.activities[0].agencies[1].name == std::optional<std::string>("Министерство финансов Республики Казахстан"));
    CHECK(codes(plan).empty());
  }
  // A line numbered as the next row is that row, whatever follows its number.
  const Plan rows = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Ремонт школ", "2026 год", "МФ",
                                      "2", "МВД – обеспечить охрану", "2026 год", "МВД"});
  CHECK(rows.activities.size() == 2);
}

TEST_CASE("a totals row or line after the last row ('Всего по плану … 150,0', 'Total: 2 activities') is reported, in no cell",
          "[genre]") {
  // Before: "Всего по плану" and "150,0" went into the last row's cells, and "Total: 2
  // activities" became its agency, with no diagnostic.
  const Plan sums = parse_lines({"План", "№ п/п\tНаименование мероприятия\tСрок\tОтветственные\tСумма, млн тенге",
                                 "1\tРемонт моста\t2026 год\tМТ\t120,0", "2\tПокраска\t2026 год\tМТ\t30,0",
                                 "Всего по плану\t\t\t150,0"});
  REQUIRE(sums.activities.size() == 2);
  CHECK(agency_texts(sums.activities[1]) == std::vector<std::string>{"МТ"});
  CHECK(sums.activities[1].extra == std::vector<std::pair<std::string, std::string>>{{"Сумма, млн тенге", "30,0"}});
  CHECK(codes(sums) == std::vector<std::string>{"unknown-abbreviation@3", "unknown-abbreviation@4", "unclaimed-paragraph@5",
                                                "unclaimed-paragraph@5"});
  for (const char* line : {"Total: 2 activities", "Итого по разделу 1: 150,0 млн тенге", "Барлығы: 2 іс-шара",
                                  "Жиыны 150,0"}) {
    const Plan plan = parse_paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible", "1", "Bridge repair", "2026", "MoT",
                                        "2", "Painting", "2026", "MoT, MF", line});
    REQUIRE(plan.activities.size() == 2);
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"MoT", "MF"});
    CHECK(has_code(plan, Code::unclaimed_paragraph, 27));
  }
  // A name or an outcome that opens with such a word is none.
  const Plan names = parse_paragraphs({"План", "№", "Мероприятие", "Результат", "Срок", "1", "Всего проведено 5 семинаров",
                                       "Итого за год: отчет", "2026 год"});
  REQUIRE(names.activities.size() == 1);
  CHECK(names.activities[0].name == "Всего проведено 5 семинаров");
  CHECK(codes(names).empty());
}

TEST_CASE("a footnote after the last row opening with a superscript figure is a note, no agency", "[genre]") {
  // Before: "¹ в пределах средств местного бюджета" became an agency of the last row.
  const Plan plan = parse_lines(road_plan({"¹ в пределах средств местного бюджета", "",
                                           "МТ – Министерство транспорта Республики Казахстан",
                                           "МФ – Министерство финансов Республики Казахстан"}));
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"МТ"});
  CHECK(plan.abbreviations.size() == 2);
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@7"});
  const Plan two = parse_paragraphs({"Plan", "No.", "Activity", "Deadline", "Responsible", "1", "Bridge repair", "2026",
                                     "Department of Roads", "²⁾ within the local budget"});
  CHECK(agency_texts(two.activities[0]) == std::vector<std::string>{"Department of Roads"});
  CHECK(codes(two) == std::vector<std::string>{"unclaimed-paragraph@19"});
}

TEST_CASE("a star's key after a note lead, in brackets or as a sentence marks the starred entries as agreed, and is no "
          "agency", "[genre]") {
  // Before: "(*) по согласованию" was an agency of the last row, "* отмечены исполнители, …" two,
  // and after "Примечание:" the key was a note that marked nothing.
  for (const char* key : {"Примечание: * – по согласованию", "Ескерту: * – келісім бойынша", "Note: * - as agreed",
                                  "(*) по согласованию", "* отмечены исполнители, участвующие по согласованию",
                                  "* co-executors taking part as agreed", "* келісім бойынша қатысатын орындаушылар"}) {
    const Plan plan = parse_lines({"План мероприятий на 2026 год", "", "№\tНаименование мероприятия\tСрок\tОтветственные",
                                   "1\tРемонт моста\t2026 год\tМТ, АО «КТЖ»*", "2\tПокраска\t2026 год\tМТ*", "", key, "",
                                   "МТ – Министерство транспорта Республики Казахстан"});
    INFO(key);
    REQUIRE(plan.activities.size() == 2);
    REQUIRE(plan.activities[0].agencies.size() == 2);
    REQUIRE(plan.activities[1].agencies.size() == 1);
    CHECK_FALSE(plan.activities[0].agencies[0].as_agreed);
    CHECK(plan.activities[0].agencies[1].as_agreed);
    CHECK(plan.activities[1].agencies[0].as_agreed);
    CHECK(plan.activities[1].agencies[0].name == std::optional<std::string>("Министерство транспорта Республики Казахстан"));
    CHECK(codes(plan).empty());
  }
  // A bullet naming a body with the marker's words is no key: it stays the cell's.
  const Plan bullet = parse_paragraphs({"План", "№", "Мероприятие", "Срок", "Ответственные", "1", "Ремонт школ", "2026 год",
                                        "МФ*", "* МЮ по согласованию"});
  CHECK(bullet.activities.at(0).agencies.size() == 2);
}

TEST_CASE("a second table after the plan's, in a text copy, ends the plan's table and the glossary after it is still read",
          "[genre]") {
  // Before: the caption and the second table's cells became agencies of the last row, its rows
  // more activities, and the glossary after it was lost, with no diagnostic for most of it.
  for (const bool barred : {false, true}) {
    INFO((barred ? "bar table" : "tab copy"));
    const auto row = [&](const std::vector<std::string>& cells) {
      std::string line = barred ? "| " : "";
      for (size_t k = 0; k < cells.size(); ++k) line += (k > 0 ? (barred ? " | " : "\t") : "") + cells[k];
      return line + (barred ? " |" : "");
    };
    std::vector<std::string> text{"План мероприятий на 2026 год", ""};
    text.push_back(row({"№", "Мероприятие", "Форма завершения", "Срок", "Ответственные"}));
    if (barred) text.push_back("|---|---|---|---|---|");
    text.push_back(row({"1", "Электронное декларирование", "приказ", "IV квартал 2026 года", "МФ"}));
    text.push_back(row({"2", "Сокращение документов", "совместный приказ", "2026 год", "МФ, МТИ"}));
    text.insert(text.end(), {"", "Целевые индикаторы", ""});
    text.push_back(row({"№", "Индикатор", "2026", "2027"}));
    if (barred) text.push_back("|---|---|---|---|");
    text.push_back(row({"1", "Среднее время выпуска, часов", "6", "3"}));
    text.insert(text.end(), {"", "Расшифровка аббревиатур:", "МФ – Министерство финансов", "МТИ – Министерство торговли"});
    const Plan plan = parse_document("plan.txt", lines(text));
    REQUIRE(plan.activities.size() == 2);
    CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"МФ", "МТИ"});
    REQUIRE(plan.abbreviations.size() == 2);
    CHECK(plan.activities[1].agencies[1].name == "Министерство торговли");
    // The caption and every cell of the second table are reported, none dropped.
    size_t reported = 0;
    for (const Diagnostic& d : plan.diagnostics) reported += d.code == Code::unclaimed_paragraph;
    CHECK(reported == 1 + 4 + 4);
  }
}

TEST_CASE("a two-column glossary copied as tab text, with no heading, is read as the glossary, not as agencies", "[genre]") {
  // Before: its lines went on the last row as agencies, with unknown-abbreviation warnings only.
  const Plan plan = parse_document("plan.txt",
                                   "Action Plan for 2027\n\nNo.\tActivity\tForm of completion\tDeadline\tResponsible agencies\n"
                                   "1\tHold a seminar\tSeminar\t2027\tMoJ, GPO\n2\tPublish a guide\tGuide\t2027\tMoF\n\n"
                                   "MoJ\tMinistry of Justice\nGPO\tGeneral Prosecutor's Office\nMoF\tMinistry of Finance\n");
  REQUIRE(plan.activities.size() == 2);
  CHECK(agency_texts(plan.activities[1]) == std::vector<std::string>{"MoF"});
  CHECK(plan.activities[1].agencies[0].name == "Ministry of Finance");
  CHECK(plan.abbreviations.size() == 3);
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("an approval line under the title, joined to it above a drawn table, goes to the intro", "[genre]") {
  // Before: the title held both lines and the intro was empty (the act was read from the title).
  const Plan plan = parse_document("plan.txt",
                                   "План мероприятий по уборке дворов на 2026 год\n"
                                   "Утвержден распоряжением акима района от 5 января 2026 года № 3-р\n\n"
                                   "+----+---------------+----------+-----------------+-------------+\n"
                                   "| №  | Мероприятие   | Форма    | Срок            | Исполнители |\n"
                                   "+----+---------------+----------+-----------------+-------------+\n"
                                   "| 1  | Уборка дворов | справка  | II квартал 2026 | ОЖКХ        |\n"
                                   "+----+---------------+----------+-----------------+-------------+\n");
  CHECK(plan.title == "План мероприятий по уборке дворов на 2026 год");
  CHECK(plan.intro == std::vector<std::string>{"Утвержден распоряжением акима района от 5 января 2026 года № 3-р"});
  REQUIRE(plan.act);
  CHECK(plan.act->number == "3-р");
  // A title that only says "approved" and cites no act stays whole.
  const Plan titled = parse_document("plan.txt",
                                     "План мероприятий\nутвержденный на 2026 год\n\n"
                                     "| № | Мероприятие | Срок | Исполнители |\n|---|---|---|---|\n| 1 | Уборка | 2026 | ОЖКХ |\n");
  CHECK(titled.title == "План мероприятий утвержденный на 2026 год");
}
