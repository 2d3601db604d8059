// table and align: header words give the column roles, sections and numbered rows are found,
// and a flattened row's paragraphs are cut into cells; every paragraph is accounted for.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <numeric>

#include "parsers/align.h"
#include "parsers/blocks.h"
#include "parsers/normalise.h"
#include "parsers/sections.h"
#include "parsers/table.h"

using namespace planparse;
using planparse::testing::paragraphs;

namespace {

std::string roles(const TableResult& table) {
  std::string out;
  for (const Column& c : table.columns) out += (out.empty() ? "" : ",") + std::string(column_role_name(c.role));
  return out;
}

// "name=2 outcome=1 ..." for one row.
std::string cell_sizes(const TableResult& table, size_t row) {
  std::string out;
  for (size_t c = 1; c < table.columns.size(); ++c) {
    out += (out.empty() ? "" : " ") + std::string(column_role_name(table.columns[c].role)) + "=" + std::to_string(table.rows[row].cells[c].size());
  }
  return out;
}

std::string kinds(std::initializer_list<const char*> texts) {
  std::string out;
  for (const char* t : texts) {
    switch (classify_paragraph(t, builtin_vocabulary())) {
      case ParagraphKind::prose: out += 'P'; break;
      case ParagraphKind::bullet: out += 'B'; break;
      case ParagraphKind::deadline: out += 'D'; break;
      case ParagraphKind::agencies: out += 'A'; break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("column roles come from the header words in the header's order", "[table]") {
  const auto table = read_table(paragraphs({"Title", "No.", "Activity", "Responsible agencies", "Deadline",
                                            "Form of completion", "1", "Do it", "MIA", "2024", "Report"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(roles(table.value()) == "number,name,agencies,deadline,outcome");
  CHECK(table.value().columns[1].header == "Activity");
  CHECK(cell_sizes(table.value(), 0) == "name=1 agencies=1 deadline=1 outcome=1");
}

TEST_CASE("a header without a number word gets a number column with a null header", "[table]") {
  const auto table = read_table(paragraphs({"Title", "Name", "Outcome", "Implementation timeframe", "Agencies in charge",
                                            "1", "Do it", "Report", "2024", "MIA"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(roles(table.value()) == "number,name,outcome,deadline,agencies");
  CHECK_FALSE(table.value().columns[0].header.has_value());
}

TEST_CASE("Russian header words are read too", "[table]") {
  const auto table = read_table(paragraphs({"Заголовок", "№ п/п", "Наименование мероприятия", "Форма завершения",
                                            "Сроки исполнения", "Ответственные исполнители", "1", "Сделать",
                                            "Информация", "2024 год", "МВД"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(roles(table.value()) == "number,name,outcome,deadline,agencies");
}

TEST_CASE("a document without a header row is not a plan", "[table]") {
  const auto table = read_table(paragraphs({"Some prose.", "Name", "More prose about things."}), builtin_vocabulary());
  REQUIRE_FALSE(table.ok());
  CHECK(table.error().code == Code::not_a_plan);
}

TEST_CASE("a header followed by no numbered row is not a plan", "[table]") {
  const auto table = read_table(paragraphs({"Title", "Name", "Outcome", "Deadline", "Agencies in charge"}), builtin_vocabulary());
  REQUIRE_FALSE(table.ok());
  CHECK(table.error().code == Code::not_a_plan);
}

TEST_CASE("title and intro are the paragraphs before the header", "[table]") {
  const auto table = read_table(paragraphs({"The title", "Intro one.", "Intro two.", "Name", "Outcome", "Deadline",
                                            "Agencies in charge", "1", "x", "y", "2024", "MIA"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(table.value().title->text == "The title");
  CHECK(table.value().intro.size() == 2);
}

TEST_CASE("Roman and prefixed Arabic section headings open sections, rows remember theirs", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "I. First part",
                                            "1", "a", "b", "2024", "MIA", "Section 2. Second part", "2", "c", "d",
                                            "2025", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().sections.size() == 2);
  CHECK(table.value().sections[0].number == "I");
  CHECK(table.value().sections[0].title == "First part");
  CHECK(table.value().sections[1].number == "2");
  CHECK(table.value().rows[0].section == "I");
  CHECK(table.value().rows[1].section == "2");
}

// The section numbers and each row's section, "I:1,2 II:3" style.
std::string sections_of(const TableResult& table) {
  std::string out;
  for (const Section& section : table.sections) out += (out.empty() ? "" : " ") + section.number + "=" + section.title;
  out += " |";
  for (const Row& row : table.rows) out += " " + row.section.value_or("-");
  return out;
}

TEST_CASE("'1. Title' between rows and in sequence opens a section, inside a row it is prose", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1. First part",
                                            "1", "1. Draft the rules", "Report", "2024", "MIA", "2. Second part",
                                            "2", "c", "d", "2025", "MJ", "7. Not a section", "3", "e", "f", "2025", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(sections_of(table.value()) == "1=First part 2=Second part | 1 2 2");
  CHECK(table.value().rows[0].cells[1][0].text == "1. Draft the rules");
  // "7." is out of sequence: it stays with the row before it, not made a section.
  const Row& second = table.value().rows[1];
  size_t held = second.unaligned.size();
  for (const auto& cell : second.cells) held += cell.size();
  CHECK(held == 5);
}

TEST_CASE("lettered sections read in Latin and Cyrillic, 'C' and 'D' as letters after 'B'", "[table]") {
  const auto latin = read_table(paragraphs({"T", "Name", "Deadline", "Agencies in charge", "A. One", "1", "a", "2024", "MIA",
                                            "B. Two", "2", "b", "2024", "MIA", "C. Three", "3", "c", "2024", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(latin.ok());
  CHECK(sections_of(latin.value()) == "A=One B=Two C=Three | A B C");
  const auto cyrillic = read_table(paragraphs({"T", "Наименование", "Срок исполнения", "Ответственные исполнители",
                                               "А. Первый", "1", "а", "2024 год", "МВД", "Б. Второй", "2", "б",
                                               "2024 год", "МЮ"}),
                                   builtin_vocabulary());
  REQUIRE(cyrillic.ok());
  CHECK(sections_of(cyrillic.value()) == "А=Первый Б=Второй | А Б");
}

TEST_CASE("a Roman numeral alone reads as a row number, with a title, a letter or other text it is none", "[table]") {
  CHECK(parse_roman_row_number("I.") == 1);
  CHECK(parse_roman_row_number("IV") == 4);
  CHECK(parse_roman_row_number("XIX)") == 19);
  CHECK(parse_roman_row_number("\u0406\u0406\u0406") == 3);  // Cyrillic І
  CHECK(parse_roman_row_number("\u0425\u0406.") == 11);       // Cyrillic Х and І
  CHECK_FALSE(parse_roman_row_number("I. Title"));
  CHECK_FALSE(parse_roman_row_number("IIII"));
  CHECK_FALSE(parse_roman_row_number("ix"));
  CHECK_FALSE(parse_roman_row_number("A."));
  CHECK_FALSE(parse_roman_row_number(""));
  CHECK_FALSE(parse_roman_row_number("."));
}

TEST_CASE("prefixed, Kazakh-suffixed and Cyrillic-Roman section headings", "[table]") {
  const auto table = read_table(
      paragraphs({"T", "Іс-шараның атауы", "Орындау мерзімі", "Орындауға жауаптылар", "1-бөлім. Бірінші", "1", "а",
                  "2024 жыл", "ІІМ", "ІІ. Екінші", "2", "б", "2024 жыл", "ӘМ", "Раздел 3. Третий", "3", "в",
                  "2024 жыл", "ӘМ", "Бағыт 4. Төртінші", "4", "г", "2024 жыл", "ӘМ"}),
      builtin_vocabulary());
  REQUIRE(table.ok());
  // The Cyrillic І of "ІІ" is read as the Latin numeral.
  CHECK(sections_of(table.value()) == "1=Бірінші II=Екінші 3=Третий 4=Төртінші | 1 II 3 4");
}

TEST_CASE("a plan without section headings has no sections and rows in none", "[table]") {
  const auto table = read_table(paragraphs({"T", "No.", "Activity", "Deadline", "Responsible agencies", "1", "a", "2024",
                                            "MIA", "2", "b", "2025", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(sections_of(table.value()) == " | - -");
}

TEST_CASE("a bare year inside a row is a deadline, not a new row", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Do it",
                                            "Report", "2022", "MIA", "2", "Again", "Report", "2023", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().rows.size() == 2);
  CHECK(table.value().rows[0].cells[3][0].text == "2022");
}

TEST_CASE("numbering gaps and repeats are diagnostics, and the rows are kept", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "a", "b", "2024",
                                            "MIA", "3", "c", "d", "2024", "MIA", "3", "e", "f", "2024", "MIA"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(table.value().rows.size() == 3);
  REQUIRE(table.value().diagnostics.size() == 2);
  CHECK(table.value().diagnostics[0].code == Code::numbering_gap);
  CHECK(table.value().diagnostics[1].code == Code::numbering_repeat);
}

TEST_CASE("a row without an agency paragraph reports a missing cell", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Do it",
                                            "Report", "2024", "2", "Again", "Report", "2025", "MJ"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().diagnostics.size() == 1);
  CHECK(table.value().diagnostics[0].code == Code::missing_cell);
  CHECK(table.value().diagnostics[0].line == 11);
}

TEST_CASE("the table ends at the glossary heading or the publication footer", "[table]") {
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "a", "b", "2024",
                                            "MIA", "Abbreviations:", "MIA – Ministry"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  REQUIRE(table.value().after.size() == 2);
  CHECK(table.value().after[0].text == "Abbreviations:");
}

TEST_CASE("every paragraph after the header is in a section, a row, a heading or unclaimed", "[table]") {
  const Blocks blocks = paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "stray before rows",
                                    "I. Part", "1", "Name", "- item", "Report", "2024", "MIA", "2", "n", "o1", "o2",
                                    "2024", "2025", "MJ", "extra", "Abbreviations:", "MIA – Ministry"});
  const auto table = read_table(blocks, builtin_vocabulary());
  REQUIRE(table.ok());
  const TableResult& t = table.value();
  size_t counted = t.sections.size() + t.headings.size() + t.unclaimed.size() + t.after.size();
  for (const Row& row : t.rows) {
    counted += 1 + row.unaligned.size();
    for (const auto& cell : row.cells) counted += cell.size();
  }
  CHECK(counted == blocks.paragraphs.size() - 5);  // less the title and the four header words
  CHECK(t.unclaimed.size() == 1);
}

TEST_CASE("paragraphs are classified as prose, bullet, deadline or agency list", "[align]") {
  CHECK(kinds({"Draft Law", "- imposing a ban;", "By the end of 2022", "MIA, GPO (as agreed)", "2023 – 2024",
               "Proposal to the Presidential Administration", "MIPD", "• item"}) == "PBDAD" "PAB");
}

TEST_CASE("outcome paragraphs pair with deadline paragraphs, the rest of the prose is the name", "[align]") {
  using K = ParagraphKind;
  const std::vector<ColumnRole> roles = {ColumnRole::name, ColumnRole::outcome, ColumnRole::deadline, ColumnRole::agencies};
  // Activity 20 of the reference: two name parts, two outcomes, two deadlines.
  auto cells = align_row({K::prose, K::prose, K::prose, K::prose, K::deadline, K::deadline, K::agencies}, roles);
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 2}, {2, 4}, {4, 6}, {6, 7}});
  // Activity 24: one name, two outcomes.
  cells = align_row({K::prose, K::prose, K::prose, K::deadline, K::deadline, K::agencies}, roles);
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 1}, {1, 3}, {3, 5}, {5, 6}});
  // Activity 12: a name with bullets and one outcome.
  cells = align_row({K::prose, K::bullet, K::bullet, K::prose, K::deadline, K::agencies}, roles);
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 3}, {3, 4}, {4, 5}, {5, 6}});
}

TEST_CASE("a cut before a wrapped line costs: the line stays with the cell it goes on", "[align]") {
  using K = ParagraphKind;
  const std::vector<ColumnRole> roles = {ColumnRole::name, ColumnRole::outcome, ColumnRole::deadline, ColumnRole::agencies};
  const std::vector<K> kinds = {K::prose, K::prose, K::prose, K::prose, K::deadline, K::agencies};
  // Unmarked, the outcome takes one paragraph (it pairs with one deadline).
  CHECK(align_row(kinds, roles) == std::vector<std::pair<size_t, size_t>>{{0, 3}, {3, 4}, {4, 5}, {5, 6}});
  // Lines 1 and 3 go on the lines before them: the cut falls between the two wrapped cells, and
  // the outcome's two lines count as one outcome.
  CHECK(align_row(kinds, roles, {false, true, false, true, false, false}) ==
        std::vector<std::pair<size_t, size_t>>{{0, 2}, {2, 4}, {4, 5}, {5, 6}});
}

TEST_CASE("a line goes on the line before it when it opens in lower case or the line before ends on a joining word",
          "[align]") {
  const Vocabulary& vocabulary = builtin_vocabulary();
  auto line = [](std::string text, int number) {
    Paragraph p{std::move(text), number};
    p.whole_line = true;
    return p;
  };
  CHECK(wraps_on(line("Проверка качества", 7), line("товаров", 8), vocabulary));
  CHECK(wraps_on(line("Информация в", 9), line("Акимат области", 10), vocabulary));
  CHECK(wraps_on(line("Report to the", 9), line("Government", 10), vocabulary));
  CHECK(wraps_on(line("Сбор, анализ,", 9), line("Обобщение", 10), vocabulary));
  CHECK_FALSE(wraps_on(line("Проверка качества", 7), line("Информация", 8), vocabulary));
  // Not on the next line (a blank line between), or a cell whose borders are known.
  CHECK_FALSE(wraps_on(line("Информация в", 9), line("акимат", 11), vocabulary));
  CHECK_FALSE(wraps_on(Paragraph{"Информация в", 9}, Paragraph{"акимат", 10}, vocabulary));
}

TEST_CASE("two lines are one deadline when the first alone is none and the two joined read with a date", "[align]") {
  const Vocabulary& vocabulary = builtin_vocabulary();
  auto line = [](std::string text, int number) {
    Paragraph p{std::move(text), number};
    p.whole_line = true;
    return p;
  };
  std::vector<Paragraph> body = {line("Ремонт", 5), line("Акт", 6), line("до 1 декабря", 7), line("2027 года", 8),
                                 line("Отдел", 9)};
  CHECK(join_wrapped_deadlines(body, vocabulary, true) == std::vector<size_t>{0, 1, 2, 4});
  REQUIRE(body.size() == 4);
  CHECK(body[2].text == "до 1 декабря\n2027 года");
  REQUIRE(body[2].breaks.size() == 1);
  CHECK(body[2].breaks[0].line == 8);
  CHECK(body[2].breaks[0].offset == std::string("до 1 декабря\n").size());
  // A whole deadline before another, lines not next to each other, or two that read no date stay apart.
  std::vector<Paragraph> whole = {line("2027 год", 5), line("2028 год", 6)};
  CHECK(join_wrapped_deadlines(whole, vocabulary, true).size() == 2);
  std::vector<Paragraph> apart = {line("IV квартал", 5), line("2027 года", 7)};
  CHECK(join_wrapped_deadlines(apart, vocabulary, true).size() == 2);
  std::vector<Paragraph> prose = {line("Ремонт до", 5), line("2027 года", 6)};
  CHECK(join_wrapped_deadlines(prose, vocabulary, true).size() == 2);
  // The Kazakh year first: a whole year, then a month that alone is none.
  std::vector<Paragraph> year_first = {line("2027 жылғы", 5), line("желтоқсан", 6)};
  REQUIRE(join_wrapped_deadlines(year_first, vocabulary, true).size() == 1);
  CHECK(year_first[0].text == "2027 жылғы\nжелтоқсан");
  // One cell's paragraphs need not be whole lines.
  std::vector<Paragraph> cell = {Paragraph{"IV квартал", 5}, Paragraph{"2027 года", 5}};
  CHECK(join_wrapped_deadlines(cell, vocabulary, false).size() == 1);
}

TEST_CASE("an unparseable deadline still fills the deadline column", "[align]") {
  using K = ParagraphKind;
  const auto cells = align_row({K::prose, K::prose, K::prose, K::agencies}, {ColumnRole::name, ColumnRole::outcome, ColumnRole::deadline, ColumnRole::agencies});
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 1}, {1, 2}, {2, 3}, {3, 4}});
}

TEST_CASE("a written-out agency as the last paragraph fills the agency column", "[align]") {
  using K = ParagraphKind;
  const auto cells = align_row({K::prose, K::prose, K::deadline, K::prose}, {ColumnRole::name, ColumnRole::outcome, ColumnRole::deadline, ColumnRole::agencies});
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 1}, {1, 2}, {2, 3}, {3, 4}});
}

TEST_CASE("columns in another order are aligned in that order", "[align]") {
  using K = ParagraphKind;
  const auto cells = align_row({K::prose, K::agencies, K::deadline, K::deadline, K::prose, K::prose},
                               {ColumnRole::name, ColumnRole::agencies, ColumnRole::deadline, ColumnRole::outcome});
  CHECK(cells == std::vector<std::pair<size_t, size_t>>{{0, 1}, {1, 2}, {2, 4}, {4, 6}});
}

TEST_CASE("a negative or signed number paragraph does not start a row", "[table]") {
  // Found by mutating the reference: "-5" was read as activity number -5.
  const auto table = read_table(paragraphs({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "a", "b", "2024",
                                            "MIA", "-5", "+6"}),
                                builtin_vocabulary());
  REQUIRE(table.ok());
  CHECK(table.value().rows.size() == 1);
}
