// blocks: where a paragraph's lines were joined, and Word's list markers followed by a tab.
#include <catch2/catch.hpp>

#include "ingest/source.h"
#include "parsers/blocks.h"
#include "parsers/normalise.h"
#include "parsers/pipeline.h"

using namespace planparse;

namespace {

std::vector<std::string> texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Paragraph& p : split_paragraphs(normalise(text)).paragraphs) out.push_back(p.text);
  return out;
}

// "text@line" for each line of a paragraph.
std::vector<std::string> lines_of(const Paragraph& paragraph) {
  std::vector<std::string> out;
  for (const Paragraph& line : paragraph_lines(paragraph)) out.push_back(line.text + "@" + std::to_string(line.line));
  return out;
}

}  // namespace

TEST_CASE("a paragraph remembers where each of its joined lines begins and on which line", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("Heading\n\nFirst line\nsecond line\nthird\n\nAlone\n"));
  REQUIRE(blocks.paragraphs.size() == 3);
  const Paragraph& joined = blocks.paragraphs[1];
  CHECK(joined.text == "First line second line third");
  REQUIRE(joined.breaks.size() == 2);
  CHECK(joined.breaks[0].offset == 11);
  CHECK(joined.breaks[0].line == 4);
  CHECK(joined.breaks[1].line == 5);
  CHECK(lines_of(joined) == std::vector<std::string>{"First line@3", "second line@4", "third@5"});
  CHECK(blocks.paragraphs[2].breaks.empty());
  CHECK(lines_of(blocks.paragraphs[2]) == std::vector<std::string>{"Alone@7"});
}

TEST_CASE("a tab after a section numeral, a letter or a bullet at the start of a line is a space", "[blocks]") {
  CHECK(texts("Plan\n\nI.\tGeneral part\n\nIV.\tFinal part\n\nА.\tLettered part\n\n-\tfirst item\n\n"
              "\u2022\tsecond item\n\n\u2013\tthird item\n") ==
        std::vector<std::string>{"Plan", "I. General part", "IV. Final part", "А. Lettered part", "- first item",
                                 "\u2022 second item", "\u2013 third item"});
}

TEST_CASE("lines with a tab only after their list marker do not make the text a tabbed table", "[blocks]") {
  // Blank-line paragraphs stay joined: the tabs are list spacing, not cells.
  const Blocks blocks = split_paragraphs(normalise("I.\tTasks\n\n1.\tDraft the law\non time\n\n-\tfirst\n-\tsecond\n"));
  REQUIRE(blocks.paragraphs.size() == 3);
  CHECK(blocks.paragraphs[0].text == "I. Tasks");
  CHECK(blocks.paragraphs[1].text == "1. Draft the law on time");
  CHECK(blocks.paragraphs[2].text == "- first - second");
}

TEST_CASE("a tabbed table row still splits into cells, its number cell included", "[blocks]") {
  CHECK(texts("1\tName\tOutcome\t2025\tMIA\n2.\tOther name\tReport\t2026\tMJ\n") ==
        std::vector<std::string>{"1", "Name", "Outcome", "2025", "MIA", "2.", "Other name", "Report", "2026", "MJ"});
}

TEST_CASE("in a tabbed table a number's tab separates cells even where the row's next cell broke a line", "[blocks]") {
  // A browser copy: row 1's name cell holds two paragraphs, so its row spans two lines.
  CHECK(texts("Name\tOutcome\tDeadline\n1.\tDo it\nstill the cell\tReport\t2024\n2.\tAgain\tReport\t2025\n") ==
        std::vector<std::string>{"Name", "Outcome", "Deadline", "1.", "Do it", "still the cell", "Report", "2024", "2.",
                                 "Again", "Report", "2025"});
}

TEST_CASE("a bullet's tab is a space inside a tabbed table too", "[blocks]") {
  CHECK(texts("1\tTasks:\n-\tfirst\n-\tsecond\tReport\t2024\n2\tMore\tReport\t2025\n") ==
        std::vector<std::string>{"1", "Tasks:", "- first", "- second", "Report", "2024", "2", "More", "Report", "2025"});
}

TEST_CASE("a bullet's tab separates cells in a tabbed table whose rows open with bullets, not numbers", "[blocks]") {
  CHECK(texts("Name\tOutcome\tDeadline\n-\tDo it\tReport\t2024\n-\tAgain\tReport\t2025\n") ==
        std::vector<std::string>{"Name", "Outcome", "Deadline", "-", "Do it", "Report", "2024", "-", "Again", "Report",
                                 "2025"});
}

TEST_CASE("a word before a tab is no list marker", "[blocks]") {
  CHECK(texts("Name\tOutcome\nMIA\tReport\n") == std::vector<std::string>{"Name", "Outcome", "MIA", "Report"});
}

TEST_CASE("a Word copy with tabs after its section numerals and bullets keeps sections and items", "[blocks][pipeline]") {
  // Word's plain-text copy: a paragraph a line, no blank lines, a tab after each list marker.
  const std::string text =
      "Plan\nName\nOutcome\nDeadline\nAgencies in charge\nI.\tLaws\n1\nAmend the codes:\n-\tthe first;\n"
      "\u2022\tthe second.\nDraft law\n2025\nMJ\nII.\tTraining\n2\nTrain the staff\nReport\n2026\nMJ\n"
      "Abbreviations:\nMJ – Ministry of Justice\n";
  Result<Source> source = decode_source("word.txt", text);
  REQUIRE(source.ok());
  Result<Plan> result = parse_source(source.value());
  REQUIRE(result.ok());
  const Plan& plan = result.value();
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[0].title == "Laws");
  CHECK(plan.sections[1].number == "II");
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[0].section == "I");
  CHECK(plan.activities[1].section == "II");
  CHECK(plan.activities[0].name == "Amend the codes:");
  CHECK(plan.activities[0].items == std::vector<std::string>{"the first;", "the second."});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a barred export ends each cell at its bar, a cell wrapped over lines runs on to it", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("План\nN п/п |\nСрок |\n1 | 2 |\n1. |\nПровести\nинвентаризацию |\n"
                                                   "II квартал |\nПримечание:\n"));
  std::vector<std::string> got;
  for (const Paragraph& p : blocks.paragraphs) got.push_back(p.text + "@" + std::to_string(p.line));
  CHECK(got == std::vector<std::string>{"План@1", "N п/п@2", "Срок@3", "1@4", "2@4", "1.@5", "Провести инвентаризацию@6",
                                        "II квартал@8", "Примечание:@9"});
}

TEST_CASE("two bars in a text are no barred table", "[blocks]") {
  CHECK(texts("a |\n\nb |\n\nc\n") == std::vector<std::string>{"a |", "b |", "c"});
}

TEST_CASE("a table drawn with box characters is read on its grid: a row's lines joined per cell", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("План\n"
                                                   "┌──┬───────┐\n"
                                                   "│N │Срок   │\n"
                                                   "├──┼───────┤\n"
                                                   "│1.│2026   │\n"
                                                   "│  │год    │\n"
                                                   "└──┴───────┘\n"));
  std::vector<std::string> got;
  for (const Paragraph& p : blocks.paragraphs) {
    got.push_back(p.text + "@" + std::to_string(p.line) + " r" + std::to_string(p.grid.row) + "c" + std::to_string(p.grid.column));
  }
  CHECK(got == std::vector<std::string>{"План@1 r-1c-1", "N@3 r0c0", "Срок@3 r0c1", "1.@5 r1c0", "2026 год@5 r1c1"});
}

TEST_CASE("an ASCII bar table without rules starts a row at each activity number, a one-cell line spans it", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("|N  |Наименование |\n"
                                                   "|п/п|мероприятий  |\n"
                                                   "|I. Раздел        |\n"
                                                   "|1. |Уборка парков|\n"
                                                   "|   |и скверов    |\n"));
  std::vector<std::string> got;
  for (const Paragraph& p : blocks.paragraphs) got.push_back(p.text + " r" + std::to_string(p.grid.row) + "x" + std::to_string(p.grid.colspan));
  CHECK(got == std::vector<std::string>{"N п/п r0x1", "Наименование мероприятий r0x1", "I. Раздел r1x2", "1. r2x1",
                                        "Уборка парков и скверов r2x1"});
}

TEST_CASE("lines that merely start and end with a bar, one of them alone, are no drawn table", "[blocks]") {
  CHECK(texts("|a|b|\n\nplain\n") == std::vector<std::string>{"|a|b|", "plain"});
}

TEST_CASE("a section heading drawn over two lines is one spanning cell, the next heading is one of its own", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("|N  |Наименование |\n"
                                                   "|Раздел 1. Модернизация     |\n"
                                                   "|отопления школ             |\n"
                                                   "|2-раздел. Ремонт           |\n"
                                                   "|1. |Уборка       |\n"));
  std::vector<std::string> got;
  for (const Paragraph& p : blocks.paragraphs) got.push_back(p.text + " r" + std::to_string(p.grid.row));
  CHECK(got == std::vector<std::string>{"N r0", "Наименование r0", "Раздел 1. Модернизация отопления школ r1",
                                        "2-раздел. Ремонт r2", "1. r3", "Уборка r3"});
}

TEST_CASE("a long drawn table leaves the prose around it in its own paragraphs", "[blocks]") {
  std::string text = "A title that runs\nover two lines\n\nAn intro paragraph\nof two lines\n\n";
  text += "+--+------+\n|N |Name  |\n+--+------+\n";
  for (int r = 1; r <= 30; ++r) text += "|" + std::to_string(r) + " |Row   |\n|  |more  |\n+--+------+\n";
  text += "\nA closing note\nover two lines\n";
  const Blocks blocks = split_paragraphs(normalise(text));
  CHECK(blocks.paragraphs.front().text == "A title that runs over two lines");
  CHECK(blocks.paragraphs[1].text == "An intro paragraph of two lines");
  CHECK(blocks.paragraphs.back().text == "A closing note over two lines");
}

TEST_CASE("a barred export's first cell wrapped before its bar keeps its first line when the last goes on in lower case",
          "[blocks]") {
  CHECK(texts("План мероприятий\nФорма завершения\nмероприятия |\nСрок |\n1. |\n2025 год |\n") ==
        std::vector<std::string>{"План мероприятий", "Форма завершения мероприятия", "Срок", "1.", "2025 год"});
}

TEST_CASE("a spreadsheet's quoted cell spans its lines, its doubled quote marks single", "[blocks]") {
  // Copied from a spreadsheet: a cell holding a line break or a quote mark is quoted.
  const Blocks blocks = split_paragraphs(normalise(
      "1\tОзеленение\t2026 год\t\"Отдел ЖКХ,\nТОО \"\"Жилсервис\"\" (по согласованию)\"\n"
      "2\t\"Ремонт дворов\nпо ул. Абая\"\t2027 год\tОтдел ЖКХ\n"
      "3\t\"\"\"Казпочта\"\" АО\"\t\"Kazpost\" JSC\t2028 год\n"));
  std::vector<std::string> out;
  for (const Paragraph& p : blocks.paragraphs) out.push_back(p.text + "@" + std::to_string(p.line));
  CHECK(out == std::vector<std::string>{"1@1", "Озеленение@1", "2026 год@1", "Отдел ЖКХ,@1",
                                        "ТОО \"Жилсервис\" (по согласованию)@2", "2@3", "Ремонт дворов@3", "по ул. Абая@4",
                                        "2027 год@4", "Отдел ЖКХ@4", "3@5", "\"Казпочта\" АО@5",
                                        // Not quoted so: as written.
                                        "\"Kazpost\" JSC@5", "2028 год@5"});
  // A quote that never closes takes no line after it.
  CHECK(texts("1\t\"Озеленение\t2026 год\n2\tРемонт\t2027 год\n") ==
        std::vector<std::string>{"1", "\"Озеленение", "2026 год", "2", "Ремонт", "2027 год"});
}
