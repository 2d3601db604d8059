// One plan in three languages: the Russian (windows-1251 text, portal page) and Kazakh (text,
// portal page) versions of the reference give the structure of the English one. Also the
// header-driven columns of any plan: a header cell no vocabulary names is an "other" column.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parsers/pipeline.h"
#include "support.h"

using namespace planparse;

namespace {

Plan parse_sample(const std::string& name) {
  Result<Source> source = read_source(testing::sample(name).string());  // no --encoding: detected
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

// Everything about a plan that does not depend on its language, one line per activity.
std::vector<std::string> structure(const Plan& plan) {
  std::vector<std::string> out;
  std::string sections;
  for (const Section& section : plan.sections) sections += section.number + " ";
  out.push_back("sections " + sections + "act " + plan.act.value_or(Act{}).date.value_or("-") + " " +
                plan.act.value_or(Act{}).number.value_or("-") + " published " + plan.published.value_or("-"));
  for (const Activity& a : plan.activities) {
    std::string line = std::to_string(a.number) + " in " + a.section.value_or("-") + ": " +
                       std::to_string(a.items.size()) + " items;";
    for (const Outcome& o : a.outcomes) {
      line += " [" + std::string(o.task ? "task " : "") + (o.deadline ? o.deadline->from.value_or("-") + ".." +
                                                                              o.deadline->to.value_or("-")
                                                                        : "none") + "]";
    }
    line += " agencies";
    for (const Agency& agency : a.agencies) {
      line += " " + std::string(agency_kind_name(agency.kind).substr(0, 1)) + (agency.abbr ? "A" : "") + (agency.as_agreed ? "*" : "");
      // Every abbreviation resolves from the document's own glossary.
      if (agency.abbr && !agency.name) line += "(unresolved " + *agency.abbr + ")";
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("the Russian and Kazakh versions of the reference have the English structure", "[languages]") {
  const Plan english = parse_sample("follow-up-plan-2022.en.txt");
  REQUIRE(english.activities.size() == 27);
  REQUIRE(english.sections.size() == 8);
  const auto expected = structure(english);
  for (const auto& [name, language, encoding] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"follow-up-plan-2022.ru.txt", "ru", "windows-1251"},
           {"follow-up-plan-2022.ru.portal.html", "ru", "UTF-8"},
           {"follow-up-plan-2022.kk.txt", "kk", "UTF-8"},
           {"follow-up-plan-2022.kk.portal.html", "kk", "UTF-8"}}) {
    INFO(name);
    const Plan plan = parse_sample(name);
    CHECK(plan.language == language);
    CHECK(plan.source.encoding == encoding);
    CHECK(structure(plan) == expected);
    CHECK(plan.abbreviations.size() == english.abbreviations.size());
    CHECK(plan.diagnostics.empty());
  }
}

TEST_CASE("an English plan with a Russian footer is English: its table decides", "[languages]") {
  const Plan plan = parse_sample("follow-up-plan-2022.en.txt");
  CHECK(plan.language == "en");
  CHECK(plan.published == "2022-04-28");  // from "Дата публикации" / "28 апреля 2022"
}

TEST_CASE("a header cell no vocabulary names is a column of role other, kept in extra", "[languages][html]") {
  const std::string page =
      "<html><body><h1>План</h1><table>"
      "<tr><td>№ п/п</td><td>Наименование мероприятия</td><td>Срок исполнения</td><td>Примечание куратора</td>"
      "<td>Ответственные исполнители</td></tr>"
      "<tr><td>1</td><td>Сделать</td><td>2024 год</td><td>контроль МНЭ</td><td>МЮ</td></tr>"
      "</table></body></html>";
  Result<Source> source = decode_source("plan.html", page);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  REQUIRE(plan.value().columns.size() == 5);
  CHECK(plan.value().columns[3].role == ColumnRole::other);
  CHECK(plan.value().columns[3].header == "Примечание куратора");
  CHECK(plan.value().columns[4].role == ColumnRole::agencies);
  REQUIRE(plan.value().activities.size() == 1);
  const Activity& activity = plan.value().activities[0];
  CHECK(activity.extra == std::vector<std::pair<std::string, std::string>>{{"Примечание куратора", "контроль МНЭ"}});
  CHECK(activity.agencies.size() == 1);
}
