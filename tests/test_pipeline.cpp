// The pipeline end to end on small documents: fields of an activity, metadata, and problems
// inside a plan reported as diagnostics with their lines while the plan is still produced.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ingest/source.h"
#include "parsers/fields.h"
#include "parsers/metadata.h"
#include "parsers/pipeline.h"

using namespace planparse;

namespace {

// A document from paragraphs, one per argument, separated by blank lines (paragraph k stands
// on line 2k-1).
Plan parse(std::initializer_list<std::string> texts) {
  std::string text;
  for (const std::string& t : texts) text += t + "\n\n";
  Result<Source> source = decode_source("test.txt", text);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

std::vector<std::string> codes(const Plan& plan) {
  std::vector<std::string> out;
  for (const Diagnostic& d : plan.diagnostics) out.push_back(std::string(code_name(d.code)) + "@" + std::to_string(d.line));
  return out;
}

const std::initializer_list<std::string> kHeader = {"Plan title", "Name", "Outcome", "Deadline", "Agencies in charge"};

}  // namespace

TEST_CASE("a multi-part row gives one outcome per deadline, each with its task", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Build it", "Run it", "Act one",
                           "Act two", "2024", "by the end of 2025", "MIA, MJ (as agreed)"});
  REQUIRE(plan.activities.size() == 1);
  const Activity& a = plan.activities[0];
  CHECK(a.name == "Build it\nRun it");
  REQUIRE(a.outcomes.size() == 2);
  CHECK(a.outcomes[0].task == "Build it");
  CHECK(a.outcomes[1].text == "Act two");
  CHECK(a.outcomes[1].deadline->to == "2025-12-31");
  CHECK_FALSE(a.outcomes[1].deadline->from.has_value());
  CHECK(a.agencies[1].as_agreed);
}

TEST_CASE("bullet paragraphs of the name cell become items", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Amend codes:", "- the CC;",
                           "• the CAO.", "Draft Law", "2024", "MJ"});
  const Activity& a = plan.activities[0];
  CHECK(a.name == "Amend codes:");
  CHECK(a.items == std::vector<std::string>{"the CC;", "the CAO."});
  CHECK(a.outcomes.size() == 1);
}

TEST_CASE("an unparseable deadline keeps its text with null dates and a warning", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Do it", "Report",
                           "upon adoption of the law", "MIA"});
  const Deadline& d = *plan.activities[0].outcomes[0].deadline;
  CHECK(d.text == "upon adoption of the law");
  CHECK_FALSE(d.from.has_value());
  CHECK_FALSE(d.to.has_value());
  CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@17", "unknown-abbreviation@19"});
}

TEST_CASE("an abbreviation missing from the glossary keeps a null name and warns at its line", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Do it", "Report", "2024",
                           "MIA, XYZ", "Abbreviations:", "MIA – Ministry of Internal Affairs"});
  const Activity& a = plan.activities[0];
  CHECK(a.agencies[0].name == "Ministry of Internal Affairs");
  CHECK_FALSE(a.agencies[1].name.has_value());
  CHECK(codes(plan) == std::vector<std::string>{"unknown-abbreviation@19"});
}

TEST_CASE("stray paragraphs inside and after the table are reported, not dropped", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "Stray before rows", "1", "Do it",
                           "Report", "2024", "MIA", "Abbreviations:", "MIA – Ministry", "A closing remark"});
  CHECK(codes(plan) == std::vector<std::string>{"unclaimed-paragraph@11", "unclaimed-paragraph@27"});
}

TEST_CASE("more deadlines than outcomes keeps every deadline and warns", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "Do it", "Report", "2024",
                           "2025", "MIA", "Abbreviations:", "MIA – Ministry"});
  const Activity& a = plan.activities[0];
  // The report pairs with one deadline; the other stays, with an empty outcome and a warning.
  REQUIRE(a.outcomes.size() == 2);
  CHECK(std::count_if(plan.diagnostics.begin(), plan.diagnostics.end(),
                      [](const Diagnostic& d) { return d.code == Code::extra_paragraph; }) == 1);
}

TEST_CASE("diagnostics come sorted by line", "[pipeline]") {
  const Plan plan = parse({"T", "Name", "Outcome", "Deadline", "Agencies in charge", "1", "a", "b", "soon", "QQQ", "3", "c",
                           "d", "2024", "ZZZ"});
  CHECK(std::is_sorted(plan.diagnostics.begin(), plan.diagnostics.end(),
                       [](const Diagnostic& x, const Diagnostic& y) { return x.line < y.line; }));
  CHECK(codes(plan) == std::vector<std::string>{"unparsed-deadline@17", "unknown-abbreviation@19", "numbering-gap@21",
                                                "unknown-abbreviation@29"});
}

TEST_CASE("the act is the last dated act with a whole date in the intro", "[metadata]") {
  const std::vector<Paragraph> intro = {
      {"Pursuant to the Decree dated April 13, this year No. 871 and the Decree dated June 9, 2021 No. 597, the "
       "Government adopted the Plan dated April 28, 2022 No. 258.",
       3}};
  const std::optional<Act> act = find_act(intro, builtin_vocabulary());
  REQUIRE(act);
  CHECK(act->date == "2022-04-28");
  CHECK(act->number == "258");
}

TEST_CASE("a Russian act reference is read", "[metadata]") {
  const std::optional<Act> act = find_act({{"постановлением Правительства от 28 апреля 2022 года № 258", 1}}, builtin_vocabulary());
  REQUIRE(act);
  CHECK(act->date == "2022-04-28");
  CHECK(act->number == "258");
}

TEST_CASE("an act number keeps its letters in any script (\"15-р\", \"123-ө\")", "[metadata]") {
  const std::optional<Act> act = find_act({{"распоряжением Министра от 3 февраля 2026 года № 15-р", 1}}, builtin_vocabulary());
  REQUIRE(act);
  CHECK(act->number == "15-р");
}

TEST_CASE("a Kazakh act reference, date first and no 'dated' word, is read", "[metadata]") {
  const std::optional<Act> act = find_act(
      {{"Мемлекет басшысының биылғы 13 сәуірдегі № 871 Жарлығына сәйкес Үкімет 2022 жылғы 28 сәуірдегі № 258 "
        "қаулысымен жоспарды бекітті.",
        1}},
      builtin_vocabulary());
  REQUIRE(act.has_value());
  CHECK(act->date == "2022-04-28");
  CHECK(act->number == "258");
}

TEST_CASE("a number after something that is no whole day is no act", "[metadata]") {
  CHECK_FALSE(find_act({{"International Labor Organization Convention No. 190 of 2019", 1}}, builtin_vocabulary()));
  CHECK_FALSE(find_act({{"the Decree of 2021 No. 597", 1}}, builtin_vocabulary()));
}

TEST_CASE("no act when the intro names none", "[metadata]") {
  CHECK_FALSE(find_act({{"The Plan includes 27 activities.", 1}}, builtin_vocabulary()).has_value());
}

TEST_CASE("the publication date follows its words in the same or the next paragraph", "[metadata]") {
  const Vocabulary& v = builtin_vocabulary();
  CHECK(read_footer({{"Дата публикации", 1}, {"28 апреля 2022", 3}}, v).published == "2022-04-28");
  CHECK(read_footer({{"Publication date: March 5, 2024", 1}}, v).published == "2024-03-05");
  CHECK(read_footer({{"Жарияланған күні: 2022 жылғы 28 сәуір", 1}}, v).published == "2022-04-28");
  const Footer none = read_footer({{"Publication date", 1}, {"soon", 3}}, v);
  CHECK_FALSE(none.published.has_value());
  CHECK(none.unclaimed.size() == 2);
}

TEST_CASE("Russian and Kazakh are told apart by their words as well as Kazakh's letters", "[metadata]") {
  // No Kazakh letter here, but Kazakh words ("және", "бойынша").
  CHECK(detect_language({"Заң жобасын әзірлеу және енгізу бойынша ұсыныстар"}, builtin_vocabulary()) == "kk");
  CHECK(detect_language({"Закон о внесении изменений и дополнений в Кодекс"}, builtin_vocabulary()) == "ru");
  // A Russian text quoting one Kazakh name stays Russian.
  CHECK(detect_language({"Проведение конкурса «Үздік жоба» среди молодежи и студентов в регионах"}, builtin_vocabulary()) ==
        "ru");
}

TEST_CASE("the language is told by script and Kazakh letters", "[metadata]") {
  CHECK(detect_language({"Developing mechanisms to prevent violence"}, builtin_vocabulary()) == "en");
  CHECK(detect_language({"Разработка механизмов предотвращения насилия"}, builtin_vocabulary()) == "ru");
  CHECK(detect_language({"Әйелдерге қатысты зорлық-зомбылықтың алдын алу тетіктерін әзірлеу"}, builtin_vocabulary()) == "kk");
}

TEST_CASE("a multi-part row with more deadlines than outcomes and tasks keeps them all", "[fields]") {
  // Found by mutating the reference under AddressSanitizer: the third deadline has no task.
  Row row;
  row.number = {"1", 1};
  row.value = 1;
  row.cells = {{}, {{"Part one", 2}, {"Part two", 3}}, {{"Act one", 4}, {"Act two", 5}}, {{"2024", 6}, {"2025", 7}, {"2026", 8}}, {{"MIA", 9}}};
  const std::vector<Column> columns = {{ColumnRole::number, std::nullopt}, {ColumnRole::name, "Name"}, {ColumnRole::outcome, "Outcome"},
                                       {ColumnRole::deadline, "Deadline"}, {ColumnRole::agencies, "Agencies"}};
  std::vector<Diagnostic> diagnostics;
  const Activity a = read_activity(row, columns, builtin_vocabulary(), diagnostics);
  REQUIRE(a.outcomes.size() == 3);
  CHECK(a.outcomes[1].task == "Part two");
  CHECK_FALSE(a.outcomes[2].task.has_value());
  CHECK(a.outcomes[2].deadline->from == "2026-01-01");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == Code::extra_paragraph);
  CHECK(diagnostics[0].line == 8);
}


TEST_CASE("a table without an outcome column dates each activity with empty-text outcomes", "[pipeline]") {
  const Plan plan = parse({"T", "No.", "Measure", "Deadline", "Responsible executors", "1", "Do it", "2024", "MIA",
                           "Abbreviations:", "MIA – Ministry"});
  REQUIRE(plan.activities[0].outcomes.size() == 1);
  CHECK(plan.activities[0].outcomes[0].text.empty());
  CHECK(plan.activities[0].outcomes[0].deadline->to == "2024-12-31");
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("an HTML plan is read cell by cell, a two-row activity merged by its rowspans", "[pipeline][html]") {
  const std::string page =
      "<html><body><h1>T</h1><table>"
      "<tr><th>No.</th><th>Activity</th><th>Responsible agencies</th><th>Deadline</th><th>Form of completion</th></tr>"
      "<tr><td colspan=5>I. Part</td></tr>"
      "<tr><td rowspan=2>1</td><td>First part</td><td rowspan=2>MIA</td><td>2022</td><td>Act one</td></tr>"
      "<tr><td>Second part</td><td>2023</td><td>Act two</td></tr>"
      "</table>"
      "<table><tr><td>MIA</td><td>Ministry of Internal Affairs</td></tr></table>"
      "</body></html>";
  Result<Source> source = decode_source("plan.html", page);
  REQUIRE(source.ok());
  Result<Plan> result = parse_source(source.value());
  REQUIRE(result.ok());
  const Plan& plan = result.value();
  REQUIRE(plan.activities.size() == 1);
  const Activity& a = plan.activities[0];
  CHECK(a.section == "I");
  CHECK(a.name == "First part\nSecond part");
  REQUIRE(a.outcomes.size() == 2);
  CHECK(a.outcomes[1].text == "Act two");
  CHECK(a.outcomes[1].task == "Second part");
  CHECK(a.outcomes[1].deadline->to == "2023-12-31");
  // The glossary table right after the plan's, without a heading, is still the glossary.
  REQUIRE(a.agencies.size() == 1);
  CHECK(a.agencies[0].name == "Ministry of Internal Affairs");
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("unknown abbreviations past the first 100 are counted in one summary warning", "[pipeline]") {
  // 150 rows, each naming two abbreviations no glossary defines: 300 warnings, 200 left out.
  std::string text = "Plan title\n\nNo\tName\tOutcome\tDeadline\tAgencies\n";
  for (int i = 1; i <= 150; ++i) text += std::to_string(i) + "\tActivity " + std::to_string(i) + "\tReport\t2024\tMIA, MLSP\n";
  Result<Source> source = decode_source("rows.txt", text);
  REQUIRE(source.ok());
  Result<Plan> result = parse_source(source.value());
  REQUIRE(result.ok());
  std::vector<const Diagnostic*> unknown;
  for (const Diagnostic& d : result.value().diagnostics) {
    if (d.code == Code::unknown_abbreviation) unknown.push_back(&d);
  }
  REQUIRE(unknown.size() == 101);
  const Diagnostic& summary = *unknown.back();
  INFO(summary.message);
  CHECK(summary.message.starts_with("200 more unknown-abbreviation warnings, lines "));
  // Rows 51..150 (two warnings each from row 51 on) are left out; the summary stands at the first.
  CHECK(summary.line == unknown[99]->line + 1);
  CHECK(summary.message.find("-" + std::to_string(unknown.front()->line + 149) + ",") != std::string::npos);
}

TEST_CASE("load_parse_context keeps the built-in words and registry when given no files, and names the file and line of a bad one",
          "[pipeline][context]") {
  const Result<ParseContext> builtin = load_parse_context("", "");
  REQUIRE(builtin.ok());
  CHECK(&builtin.value().vocabulary() == &builtin_vocabulary());
  CHECK(&builtin.value().registry() == &builtin_registry());
  CHECK(&ParseContext{}.vocabulary() == &builtin_vocabulary());

  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("planparse-context-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "registry.txt") << "# a registry\nmagic\tbody\ten\tMMG\n";
  const Result<ParseContext> broken = load_parse_context("", (dir / "registry.txt").string());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().code == Code::invalid_vocabulary);
  CHECK(broken.error().message.find((dir / "registry.txt").string()) != std::string::npos);
  CHECK(broken.error().where == "line 2");

  const Result<ParseContext> empty = load_parse_context(dir.string(), "");  // a directory without .tsv files
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == Code::io_error);
  CHECK(empty.error().message.find(dir.string()) != std::string::npos);

  std::ofstream(dir / "en.tsv") << "header.deadline\tTarget window\n";
  const Result<ParseContext> custom = load_parse_context(dir.string(), "");
  REQUIRE(custom.ok());
  CHECK(custom.value().vocabulary().phrases("header.deadline") == std::vector<std::string>{"target window"});
  CHECK(&custom.value().registry() == &builtin_registry());
  std::filesystem::remove_all(dir);
}
