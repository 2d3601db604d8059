// Stage 7, link (parsers/registry.h): the registry file, the word rules names are compared by,
// and the ids a parsed plan's agencies get.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "parsers/registry.h"
#include "tests/support.h"

using namespace planparse;

namespace {

const std::string kRegistryFile = std::string(PLANPARSE_SOURCE_DIR) + "/parsers/registry/agencies.tsv";

Plan parsed(const std::string& sample) {
  Result<Source> source = read_source(testing::sample(sample).string());
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

std::optional<std::string> id_of(const Registry& registry, std::string_view name) {
  const RegistryBody* body = find_body(registry, name);
  return body ? std::optional<std::string>(body->id) : std::nullopt;
}

}  // namespace

TEST_CASE("the registry file parses and is the one compiled in", "[registry]") {
  Result<Registry> file = load_registry_file(kRegistryFile);
  REQUIRE(file.ok());
  CHECK(file.value().bodies.size() == builtin_registry().bodies.size());
  CHECK(builtin_registry().bodies.size() >= 40);
}

TEST_CASE("every registry body has a name in English, Russian and Kazakh", "[registry]") {
  for (const RegistryBody& body : builtin_registry().bodies) {
    std::set<std::string> languages;
    for (const RegistryName& name : body.names) languages.insert(name.language);
    INFO(body.id);
    CHECK(languages == std::set<std::string>{"en", "kk", "ru"});
  }
}

TEST_CASE("no name of one registry body matches a name of another, so tolerance cannot mislink", "[registry]") {
  const Registry& registry = builtin_registry();
  for (size_t a = 0; a < registry.bodies.size(); ++a) {
    for (size_t b = a + 1; b < registry.bodies.size(); ++b) {
      for (const RegistryName& x : registry.bodies[a].names) {
        for (const RegistryName& y : registry.bodies[b].names) {
          INFO(registry.bodies[a].id << ": " << x.name << " / " << registry.bodies[b].id << ": " << y.name);
          CHECK_FALSE(names_match(x.words, y.words));
        }
      }
    }
  }
}

TEST_CASE("words match across endings, added suffixes and one-letter slips, not across other words", "[registry]") {
  CHECK(words_match("верховный", "верховном"));   // Russian case endings
  CHECK(words_match("суд", "суде"));
  CHECK(words_match("президенті", "президентінің"));  // a Kazakh suffix added
  CHECK(words_match("health", "healthcare"));
  CHECK(words_match("comission", "commission"));  // a slip in a published name
  CHECK_FALSE(words_match("energy", "economy"));
  CHECK_FALSE(words_match("экономики", "экологии"));
  CHECK_FALSE(words_match("of", "on"));            // short words must be equal
  CHECK_FALSE(words_match("finance", "justice"));
}

TEST_CASE("names are compared without case, punctuation, ignored words and with short forms expanded",
          "[registry]") {
  const Registry& registry = builtin_registry();
  CHECK(comparison_words(registry, "the Ministry of Finance of RK") ==
        std::vector<std::string>{"ministry", "of", "finance", "of", "republic", "of", "kazakhstan"});
  CHECK(id_of(registry, "MINISTRY OF FINANCE OF THE REPUBLIC OF KAZAKHSTAN") == "mf");
  CHECK(id_of(registry, "Министерство финансов РК") == "mf");
  CHECK(id_of(registry, "ҚР Қаржы министрлігі") == "mf");  // "ҚР" expanded, a Kazakh ending dropped
  CHECK(id_of(registry, "Қазақстан Республикасының Қаржы министрлігі") == "mf");
  CHECK(id_of(registry, "Ministry of Finance") == std::nullopt);  // a shorter name is another name
  CHECK(id_of(registry, "Ministry of Magic of the Republic of Kazakhstan") == std::nullopt);
}

TEST_CASE("a body keeps its id under its former name and its successor's", "[registry]") {
  const Registry& registry = builtin_registry();
  CHECK(id_of(registry, "Ministry of Information and Public Development of the Republic of Kazakhstan") == "mipd");
  CHECK(id_of(registry, "Ministry of Culture and Information of the Republic of Kazakhstan") == "mipd");
  // A split body's successors are other bodies.
  CHECK(id_of(registry, "Ministry of Education and Science of the Republic of Kazakhstan") == "meas");
  CHECK(id_of(registry, "Ministry of Education of the Republic of Kazakhstan") == "moe");
}

TEST_CASE("malformed registry rows are refused with their line", "[registry]") {
  const std::string header = "# comment\n";
  Result<Registry> columns = parse_registry(header + "mf\tbody\ten\tMF\tMinistry of Finance\n");
  REQUIRE_FALSE(columns.ok());
  CHECK(columns.error().code == Code::invalid_vocabulary);
  CHECK(columns.error().where == "line 2");
  CHECK_FALSE(parse_registry("mf\tbody\tde\tMF\tFinanzministerium\tcurrent\n").ok());
  CHECK_FALSE(parse_registry("MF!\tbody\ten\tMF\tMinistry of Finance\tcurrent\n").ok());
  CHECK_FALSE(parse_registry("mf\tbureau\ten\tMF\tMinistry of Finance\tcurrent\n").ok());
  CHECK_FALSE(parse_registry("mf\tbody\ten\tMF\tMinistry of Finance\tretired\n").ok());
  CHECK_FALSE(parse_registry("mf\tbody\ten\tMF\tMinistry of Finance\tcurrent\n"
                             "mf\tgroup\tru\tМФ\tМинистерство финансов\tcurrent\n").ok());
  CHECK(parse_registry("mf\tbody\ten\tMF\tMinistry of Finance\tcurrent\r\n").ok());
}

TEST_CASE("an abbreviation is linked by its glossary name, never by its letters alone", "[registry]") {
  Plan plan;
  plan.abbreviations = {{"SC", "State Corporation “Government for Citizens”", 30, std::nullopt},
                        {"ME", "Ministry of Education of the Republic of Kazakhstan", 31, std::nullopt}};
  Activity activity;
  activity.agencies.resize(3);
  activity.agencies[0].abbr = "SC";
  activity.agencies[0].name = "State Corporation “Government for Citizens”";
  activity.agencies[1].abbr = "ME";
  activity.agencies[1].name = "Ministry of Education of the Republic of Kazakhstan";
  activity.agencies[2].abbr = "MF";  // not in the glossary: the name stays null, and so does the id
  plan.activities.push_back(activity);
  link_agencies(plan, builtin_registry());
  CHECK(plan.abbreviations[0].id == "gov4c");  // not the Supreme Court, another plan's SC
  CHECK(plan.abbreviations[1].id == "moe");    // not the Ministry of Energy
  CHECK(plan.activities[0].agencies[0].id == "gov4c");
  CHECK(plan.activities[0].agencies[1].id == "moe");
  CHECK_FALSE(plan.activities[0].agencies[2].id.has_value());
}

TEST_CASE("a written-out name is linked with the plan's own abbreviations in it expanded", "[registry]") {
  Plan plan;
  plan.abbreviations = {{"ВС", "Верховный Суд Республики Казахстан", 40, std::nullopt}};
  Activity activity;
  activity.agencies.resize(2);
  activity.agencies[0].name = "Академия правосудия при ВС";
  activity.agencies[1].kind = AgencyKind::group;
  activity.agencies[1].name = "другие центральные государственные органы";
  plan.activities.push_back(activity);
  link_agencies(plan, builtin_registry());
  CHECK(plan.activities[0].agencies[0].id == "academy-of-justice");
  CHECK(plan.activities[0].agencies[1].id == "central-bodies");
}

TEST_CASE("the reference's agencies have the same ids in English, Russian and Kazakh", "[registry][languages]") {
  const Plan en = parsed("follow-up-plan-2022.en.txt");
  const Plan ru = parsed("follow-up-plan-2022.ru.txt");
  const Plan kk = parsed("follow-up-plan-2022.kk.txt");
  REQUIRE(en.abbreviations.size() == 26);
  for (const Plan* other : {&ru, &kk}) {
    REQUIRE(other->abbreviations.size() == en.abbreviations.size());
    for (size_t i = 0; i < en.abbreviations.size(); ++i) {
      INFO(en.abbreviations[i].abbr << " / " << other->abbreviations[i].abbr);
      REQUIRE(en.abbreviations[i].id.has_value());  // every body of the reference's glossary is known
      CHECK(other->abbreviations[i].id == en.abbreviations[i].id);
    }
    REQUIRE(other->activities.size() == en.activities.size());
    for (size_t a = 0; a < en.activities.size(); ++a) {
      REQUIRE(other->activities[a].agencies.size() == en.activities[a].agencies.size());
      for (size_t g = 0; g < en.activities[a].agencies.size(); ++g) {
        INFO("activity " << en.activities[a].number << ": " << en.activities[a].agencies[g].text);
        CHECK(en.activities[a].agencies[g].id.has_value());
        CHECK(other->activities[a].agencies[g].id == en.activities[a].agencies[g].id);
      }
    }
  }
}

TEST_CASE("local executive bodies: every region's and city's akimat has its own id", "[registry]") {
  const Registry& registry = builtin_registry();
  CHECK(id_of(registry, "Akimat of Almaty region") == "akimat-almaty-region");
  CHECK(id_of(registry, "Акимат города Алматы") == "akimat-almaty-city");
  CHECK(id_of(registry, "Алматы қаласының әкімдігі") == "akimat-almaty-city");
  CHECK(id_of(registry, "акимат Восточно-Казахстанской области") == "akimat-east-kazakhstan");
  CHECK(id_of(registry, "Акимат области Ұлытау") == "akimat-ulytau");
  size_t akimats = 0;
  for (const RegistryBody& body : registry.bodies) akimats += body.id.starts_with("akimat-") ? 1 : 0;
  CHECK(akimats == 20);  // 17 regions, 3 cities of republican significance
}
