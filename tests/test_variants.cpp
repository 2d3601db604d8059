// The reference plan rewritten in ways a copy-paste or an editor may rewrite it (line ends, BOM,
// blank lines, invisible characters, renumbering, reordered sections) must give the same plan.
// Compared with the hand-checked expected JSON, leaving out what such a rewrite changes by
// nature: the source fingerprint and the line numbers.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

using namespace planparse;
using nlohmann::json;

namespace {

using testing::read_file;

const std::string kSample = std::string(PLANPARSE_SOURCE_DIR) + "/samples/follow-up-plan-2022.en.txt";
const std::string kExpected = std::string(PLANPARSE_SOURCE_DIR) + "/samples/follow-up-plan-2022.en.expected.json";

void drop_positions(json& value) {
  if (value.is_object()) {
    value.erase("line");
    value.erase("message");
    for (auto& [key, child] : value.items()) drop_positions(child);
  } else if (value.is_array()) {
    for (json& child : value) drop_positions(child);
  }
}

json comparable(json plan) {
  plan.erase("source");
  drop_positions(plan);
  return plan;
}

json parse_text(const std::string& text) {
  Result<Source> source = decode_source("variant.txt", text);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return json(to_json(plan.value()));
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

void check_same_plan(const std::string& variant) {
  const json expected = comparable(json::parse(read_file(kExpected)));
  const json actual = comparable(parse_text(variant));
  const json patch = json::diff(expected, actual);
  INFO("differences: " << patch.dump(1).substr(0, 2000));
  CHECK(patch.empty());
}

}  // namespace

TEST_CASE("the reference with CRLF line ends gives the same plan", "[variants]") {
  check_same_plan(replace_all(read_file(kSample), "\n", "\r\n"));
}

TEST_CASE("the reference behind a UTF-8 BOM gives the same plan", "[variants]") {
  check_same_plan("\xEF\xBB\xBF" + read_file(kSample));
}

TEST_CASE("the reference with one line per paragraph and no blank lines gives the same plan", "[variants]") {
  std::string text = read_file(kSample);
  while (text.find("\n\n") != std::string::npos) text = replace_all(text, "\n\n", "\n");
  check_same_plan(text);
}

TEST_CASE("the reference with an empty NBSP paragraph between every two gives the same plan", "[variants]") {
  check_same_plan(replace_all(read_file(kSample), "\n\n", "\n\n\u00a0\n\n"));
}

TEST_CASE("the reference with invisible characters and trailing spaces gives the same plan", "[variants]") {
  std::string text = replace_all(read_file(kSample), "MIA", "M\u00adI\u200bA");
  text = replace_all(text, "\n", " \t\n");
  check_same_plan(text);
}

TEST_CASE("the reference renumbered from 101 gives the same plan with the new numbers", "[variants]") {
  std::string text = read_file(kSample);
  // Number paragraphs stand alone between blank lines: "\n\n12\n\n".
  for (int n = 27; n >= 1; --n) text = replace_all(text, "\n\n" + std::to_string(n) + "\n\n", "\n\n" + std::to_string(n + 100) + "\n\n");
  json expected = json::parse(read_file(kExpected));
  for (json& activity : expected["activities"]) activity["number"] = activity["number"].get<int>() + 100;
  const json patch = json::diff(comparable(expected), comparable(parse_text(text)));
  INFO("differences: " << patch.dump(1).substr(0, 2000));
  CHECK(patch.empty());
}

TEST_CASE("the reference with the header words reworded gives the same plan but for the header texts", "[variants]") {
  std::string text = read_file(kSample);
  text = replace_all(text, "\n\nName\n\n", "\n\nName of the activity\n\n");
  text = replace_all(text, "\n\nOutcome\n\n", "\n\nForm of completion\n\n");
  text = replace_all(text, "\n\nImplementation timeframe\n\n", "\n\nDeadline\n\n");
  text = replace_all(text, "\n\nAgencies in charge\n\n", "\n\nResponsible executors\n\n");
  json expected = json::parse(read_file(kExpected));
  expected["columns"][1]["header"] = "Name of the activity";
  expected["columns"][2]["header"] = "Form of completion";
  expected["columns"][3]["header"] = "Deadline";
  expected["columns"][4]["header"] = "Responsible executors";
  const json patch = json::diff(comparable(expected), comparable(parse_text(text)));
  INFO("differences: " << patch.dump(1).substr(0, 2000));
  CHECK(patch.empty());
}

TEST_CASE("the reference copied as a tab-separated table, a row a line, gives the same plan", "[variants]") {
  // Paragraphs from the header to the glossary are joined into lines: the header on one line,
  // each section heading on its own, each row (number and cells) on one line with tabs.
  const std::string text = read_file(kSample);
  const size_t header = text.find("\n\nName\n\n") + 2;
  const size_t glossary = text.find("Note: Abbreviations:");
  std::vector<std::string> paragraphs;
  for (size_t at = header; at < glossary;) {
    size_t end = text.find("\n\n", at);
    if (end == std::string::npos || end > glossary) end = glossary;
    paragraphs.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  auto is_number = [](const std::string& p) { return !p.empty() && p.size() <= 2 && std::isdigit(static_cast<unsigned char>(p[0])); };
  auto is_section = [](const std::string& p) { return p.find(". ") != std::string::npos && p.find_first_not_of("IVX") == p.find('.'); };
  std::string table;
  std::string line;
  for (const std::string& p : paragraphs) {
    if (is_number(p) || is_section(p)) {
      if (!line.empty()) table += line + "\n\n";
      line.clear();
    }
    line += (line.empty() ? "" : "\t") + p;
    if (is_section(p)) {
      table += line + "\n\n";
      line.clear();
    }
  }
  table += line + "\n\n";
  check_same_plan(text.substr(0, header) + table + text.substr(glossary));
}
