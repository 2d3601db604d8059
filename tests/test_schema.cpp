// The emitted JSON follows schema/README.md and validates against schema/plan.schema.json;
// broken copies are rejected with the JSON pointer of the fault.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "support.h"

using namespace planparse;

namespace {

// A small plan touching every kind of field: two activities, agencies of each kind, a deadline
// with nulls, an outcome without a deadline, no adopting act.
Plan sample_plan() {
  Plan plan;
  plan.source = {"plan.txt", std::string(64, 'a'), 1234, SourceFormat::text, "UTF-8"};
  plan.language = "en";
  plan.title = "Plan of measures";
  plan.intro = {"Approved by order dated 1 April 2022 No. 12"};
  plan.act = std::nullopt;
  plan.published = "2022-04-05";
  plan.columns = {{ColumnRole::number, std::nullopt}, {ColumnRole::name, "Name of the measure"}, {ColumnRole::outcome, "Form of completion"},
                  {ColumnRole::deadline, "Deadline"}, {ColumnRole::agencies, "Responsible"}};
  plan.sections = {{"I", "Legislation", 7}};

  Activity first;
  first.number = 1;
  first.section = "I";
  first.name = "Draft a law";
  first.items = {"consult the public"};
  first.outcomes = {{"Bill to Parliament", std::nullopt, Deadline{"December 2022", std::nullopt, "2022-12-31", std::nullopt}},
                    {"Report", std::nullopt, std::nullopt}};
  first.agencies = {{"MJ", AgencyKind::agency, "MJ", "Ministry of Justice", false, "mj"},
                    {"GPO (as agreed)", AgencyKind::agency, "GPO", "General Prosecutor's Office", true, std::nullopt},
                    {"Academy of Justice under the SC", AgencyKind::agency, std::nullopt, "Academy of Justice under the SC", false, std::nullopt},
                    {"and other central bodies", AgencyKind::group, std::nullopt, "other central bodies", false, std::nullopt}};
  first.line = 9;

  Activity second;
  second.number = 2;
  second.section = std::nullopt;
  second.name = "Train judges";
  second.outcomes = {{"Training", std::nullopt, Deadline{"annually", std::nullopt, std::nullopt, Recurrence::annual}}};
  second.agencies = {{"XYZ", AgencyKind::agency, "XYZ", std::nullopt, false, std::nullopt}};
  second.line = 12;

  plan.activities = {first, second};
  plan.abbreviations = {{"MJ", "Ministry of Justice", 20, "mj"}, {"GPO", "General Prosecutor's Office", 21, std::nullopt}};
  plan.diagnostics = {{Severity::warning, Code::unknown_abbreviation, "XYZ is not in the glossary", 12},
                      {Severity::info, Code::unclaimed_paragraph, "a paragraph no field took", 0}};
  return plan;
}

nlohmann::json valid_document() { return to_json(sample_plan()); }

std::vector<std::string> pointers(const std::vector<SchemaViolation>& violations) {
  std::vector<std::string> out;
  for (const SchemaViolation& violation : violations) out.push_back(violation.pointer);
  return out;
}

std::string describe(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const SchemaViolation& violation : violations) {
    out += "'" + violation.pointer + "': " + violation.message + "\n";
  }
  return out;
}

// The violations of `document`, which must all stand at `pointer` (and be at least one).
void require_only_at(const nlohmann::json& document, const std::string& pointer) {
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  REQUIRE_FALSE(violations.empty());
  for (const std::string& at : pointers(violations)) CHECK(at == pointer);
}

}  // namespace

TEST_CASE("a hand-built plan emits JSON that validates against the schema", "[schema]") {
  std::vector<SchemaViolation> violations = validate_plan(valid_document());
  INFO(describe(violations));
  CHECK(violations.empty());
}

TEST_CASE("an empty plan with only its source validates", "[schema]") {
  Plan plan;
  plan.source = {"<stdin>", std::string(64, '0'), 0, SourceFormat::html, "windows-1251"};
  plan.language = "ru";
  std::vector<SchemaViolation> violations = validate_plan(to_json(plan));
  INFO(describe(violations));
  CHECK(violations.empty());
}

TEST_CASE("top-level keys come in the documented order", "[schema]") {
  nlohmann::ordered_json document = to_json(sample_plan());
  std::vector<std::string> keys;
  for (const auto& item : document.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"schema_version", "source", "language", "title", "intro", "act",
                                         "published", "columns", "sections", "activities", "abbreviations",
                                         "diagnostics"});
}

TEST_CASE("nested objects list their keys in the documented order", "[schema]") {
  nlohmann::ordered_json document = to_json(sample_plan());
  auto keys_of = [](const nlohmann::ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
  };
  using Keys = std::vector<std::string>;
  const auto& activity = document["activities"][0];
  CHECK(keys_of(document["source"]) == Keys{"name", "sha256", "bytes", "format", "encoding"});
  CHECK(keys_of(document["columns"][0]) == Keys{"role", "header"});
  CHECK(keys_of(document["sections"][0]) == Keys{"number", "title", "line"});
  CHECK(keys_of(activity) == Keys{"number", "section", "name", "items", "outcomes", "agencies", "extra", "line"});
  CHECK(keys_of(activity["outcomes"][0]) == Keys{"text", "task", "deadline"});
  CHECK(keys_of(activity["outcomes"][0]["deadline"]) == Keys{"text", "from", "to", "recurrence"});
  CHECK(keys_of(activity["agencies"][0]) == Keys{"text", "kind", "abbr", "name", "id", "as_agreed"});
  CHECK(keys_of(document["abbreviations"][0]) == Keys{"abbr", "name", "id", "line"});
  CHECK(keys_of(document["diagnostics"][0]) == Keys{"severity", "code", "message", "line"});
}

TEST_CASE("an activity numbered in parts has its label right after its number, and one without parts has no label key",
          "[schema]") {
  Plan plan = sample_plan();
  plan.activities[0].number = 2;
  plan.activities[0].label = "1.2";
  const nlohmann::ordered_json document = to_json(plan);
  std::vector<std::string> keys;
  for (const auto& item : document["activities"][0].items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"number", "label", "section", "name", "items", "outcomes", "agencies", "extra", "line"});
  CHECK(document["activities"][0]["label"] == "1.2");
  CHECK_FALSE(document["activities"][1].contains("label"));
  CHECK(validate_plan(document).empty());
  // The streaming emitter writes the same keys in the same order.
  const Result<std::string> rendered = render_plan(plan, true);
  REQUIRE(rendered.ok());
  CHECK(nlohmann::ordered_json::parse(rendered.value())["activities"][0] == document["activities"][0]);
}

TEST_CASE("an activity label that is not numbers joined by dots is rejected at its pointer", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["label"] = "1";
  require_only_at(document, "/activities/0/label");
  document["activities"][0]["label"] = "1.2.";
  require_only_at(document, "/activities/0/label");
}

TEST_CASE("absent optionals are emitted as null", "[schema]") {
  nlohmann::ordered_json document = to_json(sample_plan());
  const auto& first = document["activities"][0];
  CHECK(document["act"].is_null());
  CHECK(document["columns"][0]["header"].is_null());
  CHECK(first["outcomes"][0]["task"].is_null());
  CHECK(first["outcomes"][0]["deadline"]["from"].is_null());
  CHECK(first["outcomes"][0]["deadline"]["to"] == "2022-12-31");
  CHECK(first["outcomes"][0]["deadline"]["recurrence"].is_null());
  CHECK(first["outcomes"][1]["deadline"].is_null());
  CHECK(first["agencies"][2]["abbr"].is_null());
  CHECK(document["activities"][1]["section"].is_null());
  CHECK(document["activities"][1]["agencies"][0]["name"].is_null());
}

TEST_CASE("an adopting act is emitted as date and number, each nullable", "[schema]") {
  Plan plan = sample_plan();
  plan.act = Act{"2022-04-01", std::nullopt};
  nlohmann::ordered_json document = to_json(plan);
  CHECK(document["act"] == nlohmann::ordered_json::parse(R"({"date": "2022-04-01", "number": null})"));
  CHECK(validate_plan(document).empty());
}

TEST_CASE("diagnostics carry their kebab-case code and severity names", "[schema]") {
  nlohmann::ordered_json document = to_json(sample_plan());
  CHECK(document["diagnostics"][0]["code"] == "unknown-abbreviation");
  CHECK(document["diagnostics"][0]["severity"] == "warning");
  CHECK(document["diagnostics"][1]["line"] == 0);
  CHECK(document["schema_version"] == "1.1");
}

TEST_CASE("an activity number given as a string is rejected at its pointer", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["number"] = "1";
  require_only_at(document, "/activities/0/number");
}

TEST_CASE("an extra top-level key is rejected at the root pointer, the empty string", "[schema]") {
  nlohmann::json document = valid_document();
  document["extra"] = true;
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].pointer == "");
  CHECK(violations[0].message.find("'extra'") != std::string::npos);
}

TEST_CASE("an extra key deep inside is rejected at the object that holds it", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][1]["agencies"][0]["registry_id"] = 7;
  require_only_at(document, "/activities/1/agencies/0");
}

TEST_CASE("a deadline date without zero padding is rejected at its pointer", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["outcomes"][0]["deadline"]["to"] = "2022-4-1";
  require_only_at(document, "/activities/0/outcomes/0/deadline/to");
}

TEST_CASE("an unknown column role is rejected at its pointer", "[schema]") {
  nlohmann::json document = valid_document();
  document["columns"][1]["role"] = "title";
  require_only_at(document, "/columns/1/role");
}

TEST_CASE("a missing title is reported at the root with the key's name", "[schema]") {
  nlohmann::json document = valid_document();
  document.erase("title");
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].pointer == "");
  CHECK(violations[0].message.find("'title'") != std::string::npos);
}

TEST_CASE("a wrong schema_version is rejected", "[schema]") {
  nlohmann::json document = valid_document();
  document["schema_version"] = "2.0";
  require_only_at(document, "/schema_version");
  document["schema_version"] = 1.0;
  require_only_at(document, "/schema_version");
}

TEST_CASE("closed vocabularies reject values outside them", "[schema]") {
  struct Case {
    const char* pointer;
    nlohmann::json value;
  };
  const std::vector<Case> cases = {
      {"/source/format", "pdf"},
      {"/source/sha256", std::string(64, 'A')},
      {"/source/sha256", "abc"},
      {"/source/bytes", -1},
      {"/language", "de"},
      {"/published", "05.04.2022"},
      {"/act", "2022-04-01"},
      {"/activities/0/number", -1},
      {"/activities/0/number", 1.5},
      {"/activities/0/line", 0},
      {"/activities/0/outcomes/0/deadline/recurrence", "weekly"},
      {"/activities/0/outcomes/0/deadline/from", "2022-04-01T00:00"},
      {"/activities/0/agencies/3/kind", "ministry"},
      {"/activities/0/agencies/0/as_agreed", "no"},
      {"/sections/0/line", 0},
      {"/abbreviations/0/name", nullptr},
      {"/diagnostics/0/severity", "fatal"},
      {"/diagnostics/0/code", "invalid-utf8"},
      {"/diagnostics/0/line", -1},
  };
  for (const Case& c : cases) {
    INFO(c.pointer << " = " << c.value.dump());
    nlohmann::json document = valid_document();
    document[nlohmann::json::json_pointer(c.pointer)] = c.value;
    require_only_at(document, c.pointer);
  }
}

TEST_CASE("every diagnostic code of the contract is accepted", "[schema]") {
  const Code codes[] = {Code::numbering_gap,        Code::numbering_repeat,    Code::missing_cell,
                        Code::unparsed_deadline,    Code::unparsed_agency,     Code::unknown_abbreviation,
                        Code::abbreviation_folded,  Code::glossary_mismatch,   Code::unclaimed_paragraph,
                        Code::extra_paragraph};
  for (Code code : codes) {
    INFO(code_name(code));
    Plan plan = sample_plan();
    plan.diagnostics = {{Severity::error, code, "message", 3}};
    CHECK(validate_plan(to_json(plan)).empty());
  }
}

TEST_CASE("several faults are each reported once, at their own pointer", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["number"] = "1";
  document["activities"][1]["outcomes"][0]["deadline"]["recurrence"] = "weekly";
  document["language"] = "fr";
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  std::vector<std::string> at = pointers(violations);
  std::sort(at.begin(), at.end());
  CHECK(at == std::vector<std::string>{"/activities/0/number", "/activities/1/outcomes/0/deadline/recurrence",
                                       "/language"});
}

TEST_CASE("every reported pointer resolves in the checked document", "[schema]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["number"] = "1";
  document["activities"][0]["outcomes"][0]["deadline"]["to"] = "2022-4-1";
  document["columns"][1]["role"] = "title";
  document["sections"][0].erase("line");
  document["unexpected"] = 1;
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  CHECK(violations.size() == 5);
  for (const SchemaViolation& violation : violations) {
    CHECK_NOTHROW(document.at(nlohmann::json::json_pointer(violation.pointer)));
  }
}

TEST_CASE("validation never throws, whatever the document", "[schema]") {
  const std::vector<nlohmann::json> documents = {
      nullptr, 42, "text", nlohmann::json::array(), nlohmann::json::object(),
      nlohmann::json::parse(R"({"activities": [1, [2], {"number": {}}], "source": []})"),
      nlohmann::json(std::string("\xff\xfe invalid UTF-8")),
  };
  for (const nlohmann::json& document : documents) {
    INFO(document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    std::vector<SchemaViolation> violations;
    CHECK_NOTHROW(violations = validate_plan(document));
    CHECK_FALSE(violations.empty());
  }
  nlohmann::json document = valid_document();
  document["title"] = std::string("\xc3\x28 broken");
  CHECK_NOTHROW(validate_plan(document));
}

TEST_CASE("a document that is not an object is rejected at the root", "[schema]") {
  require_only_at(nlohmann::json::array(), "");
}

TEST_CASE("the schema text is valid JSON and declares draft-07", "[schema]") {
  nlohmann::json schema = nlohmann::json::parse(plan_schema_text(), nullptr, false);
  REQUIRE_FALSE(schema.is_discarded());
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(schema["properties"]["schema_version"]["const"] == "1.1");
}

TEST_CASE("every object in the schema is closed and requires all its keys", "[schema]") {
  // Parsed in file order, so `required` must also list the keys in the order of `properties`.
  nlohmann::ordered_json schema = nlohmann::ordered_json::parse(plan_schema_text());
  std::vector<std::string> checked;
  // Walks schema objects that declare properties, down through properties and items.
  auto walk = [&](auto&& self, const nlohmann::ordered_json& node, const std::string& where) -> void {
    if (node.contains("description") == false && where != "") {
      FAIL_CHECK("no description at " << where);
    }
    if (node.contains("properties")) {
      INFO(where);
      checked.push_back(where);
      CHECK(node.value("additionalProperties", true) == false);
      std::vector<std::string> keys;
      // The optional keys, each present only where a plan needs it, so that the output of every
      // ordinary file stays as it was: source.name_bytes, for a name that is not UTF-8; an
      // activity's label, for a number printed in parts ("1.2").
      for (const auto& item : node["properties"].items()) {
        const bool optional = (where == "/source" && item.key() == "name_bytes") ||
                              (where == "/activities/items" && item.key() == "label");
        if (!optional) keys.push_back(item.key());
      }
      CHECK(node["required"].get<std::vector<std::string>>() == keys);
      for (const auto& item : node["properties"].items()) {
        self(self, item.value(), where + "/" + item.key());
      }
    }
    if (node.contains("items")) self(self, node["items"], where + "/items");
  };
  walk(walk, schema, "");
  CHECK(checked.size() == 11);
}

// ---- Calendar (schema/validate.h) --------------------------------------------------------------

TEST_CASE("validate rejects a date the pattern admits but the calendar has not, at its pointer", "[schema][validate]") {
  for (const auto& [date, real] : std::vector<std::pair<std::string, bool>>{{"2025-02-30", false},
                                                                            {"2025-02-29", false},
                                                                            {"2024-02-29", true},
                                                                            {"2025-04-31", false},
                                                                            {"2025-13-01", false},
                                                                            {"2025-00-10", false},
                                                                            {"2025-01-00", false},
                                                                            {"2025-12-31", true}}) {
    INFO(date);
    nlohmann::json document = valid_document();
    document["activities"][0]["outcomes"][0]["deadline"]["to"] = date;
    if (real) {
      CHECK(validate_plan(document).empty());
    } else {
      require_only_at(document, "/activities/0/outcomes/0/deadline/to");
    }
  }
}

TEST_CASE("validate rejects an act date and a publication date that are no days", "[schema][validate]") {
  nlohmann::json document = valid_document();
  document["published"] = "2023-02-29";
  require_only_at(document, "/published");
  document = valid_document();
  document["act"] = {{"date", "2022-06-31"}, {"number", "12"}};
  require_only_at(document, "/act/date");
}

TEST_CASE("validate rejects a deadline that starts after it ends, at its from, and names both dates",
          "[schema][validate]") {
  nlohmann::json document = valid_document();
  document["activities"][0]["outcomes"][0]["deadline"]["from"] = "2023-01-01";
  std::vector<SchemaViolation> violations = validate_plan(document);
  INFO(describe(violations));
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].pointer == "/activities/0/outcomes/0/deadline/from");
  CHECK(violations[0].message.find("2023-01-01") != std::string::npos);
  CHECK(violations[0].message.find("2022-12-31") != std::string::npos);
  // A one-day term is no fault.
  document["activities"][0]["outcomes"][0]["deadline"]["from"] = "2022-12-31";
  CHECK(validate_plan(document).empty());
}

// --- render_plan: the streaming emitter ------------------------------------------------------

namespace {

// render_plan's bytes and to_json's dump, in both layouts.
void require_same_bytes(const Plan& plan) {
  for (const bool compact : {false, true}) {
    INFO((compact ? "compact" : "indented"));
    const Rendered rendered = render_plan_checked(plan, compact);
    INFO(describe(rendered.violations));
    REQUIRE(rendered.violations.empty());
    CHECK(rendered.text == dump_json(to_json(plan), compact ? -1 : 2) + "\n");
  }
}

std::vector<std::string> sorted_lines(const std::vector<SchemaViolation>& violations) {
  std::vector<std::string> out;
  for (const SchemaViolation& v : violations) out.push_back(v.pointer + " " + v.message);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("render_plan writes every sample byte for byte as to_json dumps it", "[schema][render]") {
  namespace fs = std::filesystem;
  int rendered = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(testing::sample(""))) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".txt" && extension != ".html" && extension != ".htm")) continue;
    INFO(entry.path().filename().string());
    Result<Source> source = read_source(entry.path().string());
    REQUIRE(source.ok());
    Result<Plan> plan = parse_source(source.value());
    if (!plan.ok()) continue;  // a sample of a refused input
    require_same_bytes(plan.value());
    ++rendered;
  }
  CHECK(rendered >= 10);
}

TEST_CASE("render_plan escapes text as nlohmann does: quotes, controls, non-ASCII, a file name that is not UTF-8",
          "[schema][render]") {
  Plan plan = sample_plan();
  plan.source.name = "pl\xFF" "an \"1\".txt";
  plan.title = "Кеңес «План» \\ / \x7F \x01\x1F\b\f\n\r\t 😀 é";
  plan.intro = {"", "tab\there", "ǅ \xE2\x80\xAE RLO"};
  plan.activities[0].name = "line one\nline two \"quoted\"";
  plan.activities[0].extra = {{"Cost", "1 000 ₸"}, {"Source", ""}, {"Cost", "2 000"}, {"Notes \"n\"", "x\\y"}};
  plan.activities[1].items = {"\x02", "end\\"};
  plan.activities[1].number = 0;
  plan.abbreviations.clear();
  plan.sections.clear();
  require_same_bytes(plan);

  Plan empty;
  empty.source = {"<stdin>", std::string(64, '0'), 0, SourceFormat::html, "windows-1251"};
  require_same_bytes(empty);
}

TEST_CASE("JSON output escapes C1 controls (U+0080-U+009F) as escapes (u00XX) as it does C0 ones, in every emitter",
          "[schema][render]") {
  // U+009B is CSI: raw on a terminal it starts an escape sequence, as ESC [ does.
  Plan plan = sample_plan();
  plan.title = "clear \xC2\x9B" "2J \x1B[2J next \xC2\x85 line \xC2\xA0nbsp \xC2\x80\xC2\x9F";
  plan.activities[0].agencies[0].text = "\xC2\x9D" "0;title\x07";
  plan.source.name = "pl\xC2\x9B" "an\xFF.txt";
  require_same_bytes(plan);
  const Result<std::string> rendered = render_plan(plan, /*compact=*/true);
  REQUIRE(rendered.ok());
  const std::string& text = rendered.value();
  CHECK(text.find("clear \\u009b2J \\u001b[2J next \\u0085 line \xC2\xA0nbsp \\u0080\\u009f") != std::string::npos);
  CHECK(text.find("\\u009d0;title\\u0007") != std::string::npos);
  CHECK(text.find("\"pl\\u009ban\xEF\xBF\xBD.txt\"") != std::string::npos);
  bool raw_c1 = false;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    raw_c1 = raw_c1 || (text[i] == '\xC2' && next >= 0x80 && next <= 0x9F);
  }
  CHECK_FALSE(raw_c1);
  // The same JSON data: read back, the controls are there.
  CHECK(nlohmann::json::parse(text)["title"] == plan.title.value());
  // nlohmann's own dump (what the diff prints through dump_json) agrees.
  CHECK(dump_json(nlohmann::ordered_json{{"t", "\xC2\x9B"}}, -1) == "{\"t\":\"\\u009b\"}");
}

TEST_CASE("render_plan reports a fault in activity N at /activities/N, as validate_plan does", "[schema][render]") {
  Plan plan = sample_plan();
  for (int n = 3; n <= 15; ++n) {
    Activity activity = plan.activities[1];
    activity.number = n;
    activity.line = 10 + n;
    plan.activities.push_back(activity);
  }
  plan.activities[12].number = -1;
  // A value outside the name table (only a cast makes one) is written with no name, which the
  // schema refuses: the check still stands between a corrupt plan and the output.
  plan.activities[12].agencies[0].kind = static_cast<AgencyKind>(7);
  plan.activities[5].outcomes[0].deadline = Deadline{"spring", "2022-02-30", "2022-05-31", std::nullopt};
  plan.activities[7].outcomes[0].deadline = Deadline{"later", "2023-01-01", "2022-01-01", std::nullopt};
  plan.columns[2].role = static_cast<ColumnRole>(9);
  plan.published = "2022-13-01";
  plan.diagnostics[1].line = -4;

  const Rendered rendered = render_plan_checked(plan, false);
  INFO(describe(rendered.violations));
  CHECK(rendered.text.empty());
  const std::vector<std::string> found = pointers(rendered.violations);
  for (const char* pointer : {"/activities/12/number", "/activities/12/agencies/0/kind", "/activities/5/outcomes/0/deadline/from",
                              "/activities/7/outcomes/0/deadline/from", "/columns/2/role", "/published", "/diagnostics/1/line"}) {
    CHECK(std::count(found.begin(), found.end(), pointer) == 1);
  }
  // The same faults, with the same messages, as the whole document checked at once.
  CHECK(sorted_lines(rendered.violations) == sorted_lines(validate_plan(to_json(plan))));

  Plan one_fault = sample_plan();
  for (int n = 3; n <= 15; ++n) one_fault.activities.push_back(one_fault.activities[1]);
  one_fault.activities[12].number = -1;
  const Result<std::string> failed = render_plan(one_fault, true);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code == Code::internal_error);
  CHECK(failed.error().where == "/activities/12/number");
  CHECK(failed.error().message.starts_with("output breaks the schema at \"/activities/12/number\": "));
}

TEST_CASE("the plan schema's arrays constrain nothing but their items, so render_plan may check them item by item",
          "[schema][render]") {
  // render_plan checks the document with its arrays empty and each element alone; a keyword
  // such as minItems on an array would go unchecked, so load_stream_schemas refuses it. This
  // pins that the published schema has none, and that a valid plan renders at all.
  const nlohmann::json schema = nlohmann::json::parse(plan_schema_text());
  for (const char* name : {"intro", "columns", "sections", "activities", "abbreviations", "diagnostics"}) {
    INFO(name);
    for (const auto& [keyword, value] : schema["properties"][name].items()) {
      CHECK((keyword == "description" || keyword == "type" || keyword == "items"));
    }
  }
  CHECK(render_plan(sample_plan(), false).ok());
}

TEST_CASE("stream_plan hands on render_plan's bytes in pieces, and nothing at all for a plan that breaks the schema",
          "[schema][render]") {
  Plan plan = sample_plan();
  // Enough activities for several 64 KiB pieces.
  for (int n = 3; n <= 2000; ++n) {
    Activity activity = plan.activities[0];
    activity.number = n;
    plan.activities.push_back(activity);
  }
  for (const bool compact : {false, true}) {
    std::string streamed;
    int pieces = 0;
    const std::optional<Failure> failure = stream_plan(plan, compact, [&](std::string_view piece) {
      streamed += piece;
      ++pieces;
      return true;
    });
    CHECK_FALSE(failure.has_value());
    CHECK(pieces > 2);
    CHECK(streamed == render_plan(plan, compact).value());
  }

  // A sink that refuses is told once and the run stops with io_error.
  int calls = 0;
  const std::optional<Failure> refused = stream_plan(plan, true, [&](std::string_view) {
    ++calls;
    return false;
  });
  REQUIRE(refused.has_value());
  CHECK(refused->code == Code::io_error);
  CHECK(calls == 1);

  plan.activities[1500].number = -3;
  bool written = false;
  const std::optional<Failure> broken = stream_plan(plan, true, [&](std::string_view) {
    written = true;
    return true;
  });
  REQUIRE(broken.has_value());
  CHECK(broken->code == Code::internal_error);
  CHECK(broken->where == "/activities/1500/number");
  CHECK_FALSE(written);
}
