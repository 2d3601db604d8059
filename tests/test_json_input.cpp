// JSON from outside read with its limits checked (schema/json_input.h), and the commands that
// read it: validate, diff and the library's validate_json_text. Hostile documents must give one
// error with a byte, never a crash, an abort or a run of minutes.
#include <catch2/catch.hpp>

#include "cli_support.h"

#include <string>

#include "api/planparse.h"
#include "diff/diff.h"
#include "schema/json_input.h"
#include "support.h"

using planparse::Code;
using planparse::kMaxJsonDepth;
using planparse::kMaxJsonMembers;
using planparse::parse_json_input;
using planparse::testing::is_one_line;
using planparse::testing::Sandbox;

namespace {

std::string nested(std::size_t depth, char open = '[', char close = ']') {
  return std::string(depth, open) + std::string(depth, close);
}

// {"k0":0,"k1":0,...} with `members` members.
std::string wide_object(std::size_t members) {
  std::string text = "{";
  for (std::size_t i = 0; i < members; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  return text + "}";
}

}  // namespace

TEST_CASE("json input reads a document within the limits as nlohmann would", "[json_input]") {
  const auto document = parse_json_input(R"({"b": [1, 2.5e3, -0.0, "x\"[{"], "a": {"c": null}})");
  REQUIRE(document.ok());
  CHECK(document.value().dump() == R"({"b":[1,2500.0,-0.0,"x\"[{"],"a":{"c":null}})");
  CHECK(parse_json_input(nested(kMaxJsonDepth)).ok());
  CHECK(parse_json_input(wide_object(kMaxJsonMembers)).ok());
  // Underflow is no overflow: 1e-400 reads as 0, as nlohmann reads it.
  CHECK(parse_json_input("[1e-400]").ok());
}

TEST_CASE("json input refuses nesting one level past the limit at the bracket that passes it", "[json_input]") {
  const auto document = parse_json_input(nested(kMaxJsonDepth + 1, '{', '}'));
  REQUIRE_FALSE(document.ok());
  CHECK(document.error().code == Code::limit_exceeded);
  CHECK(document.error().where == "byte " + std::to_string(kMaxJsonDepth));
  // Brackets inside strings are text, not nesting.
  CHECK(parse_json_input("[\"" + std::string(2000, '[') + "\"]").ok());
}

TEST_CASE("json input refuses a 100000-deep document with an error, not a crash", "[json_input]") {
  const auto document = parse_json_input(nested(100000));
  REQUIRE_FALSE(document.ok());
  CHECK(document.error().code == Code::limit_exceeded);
  CHECK(document.error().where == "byte 512");
}

TEST_CASE("json input refuses an object with more members than the limit at the comma before the extra one",
          "[json_input]") {
  const std::string text = wide_object(kMaxJsonMembers + 1);
  const auto document = parse_json_input(text);
  REQUIRE_FALSE(document.ok());
  CHECK(document.error().code == Code::limit_exceeded);
  const std::size_t comma = text.rfind(',');
  CHECK(document.error().where == "byte " + std::to_string(comma));
  // Arrays have no such limit: a plan's activities are many.
  std::string array = "[";
  for (std::size_t i = 0; i <= kMaxJsonMembers; ++i) array += i ? ",0" : "0";
  CHECK(parse_json_input(array + "]").ok());
}

TEST_CASE("json input refuses a number beyond a double with the byte where it starts", "[json_input]") {
  for (const auto& [text, byte] : std::vector<std::pair<std::string, std::string>>{
           {"[1e400]", "byte 1"},
           {"{\"a\": -1.5E+999}", "byte 6"},
           {"[0, " + std::string(400, '9') + "]", "byte 4"}}) {
    INFO(text.substr(0, 40));
    const auto document = parse_json_input(text);
    REQUIRE_FALSE(document.ok());
    CHECK(document.error().code == Code::limit_exceeded);
    CHECK(document.error().where == byte);
  }
}

TEST_CASE("json input reports text that is not JSON at the byte the parser stopped at", "[json_input]") {
  const auto document = parse_json_input("[1, 2,, 3]");
  REQUIRE_FALSE(document.ok());
  CHECK(document.error().code == Code::not_a_plan);
  CHECK(document.error().where == "byte 6");
  CHECK_FALSE(parse_json_input("").ok());
  CHECK_FALSE(parse_json_input("[1] [2]").ok());
}

TEST_CASE("validate_json_text reports hostile JSON as one violation at the root", "[json_input][api]") {
  const std::vector<std::string> deep = planparse::validate_json_text(nested(100000));
  REQUIRE(deep.size() == 1);
  CHECK(deep.front().starts_with(": JSON nested deeper than 512 levels at byte 512"));
  const std::vector<std::string> overflow = planparse::validate_json_text("[1e400]");
  REQUIRE(overflow.size() == 1);
  CHECK(overflow.front().find("byte 1") != std::string::npos);
}

TEST_CASE("validate of [1e400] on stdin is one error line with its byte, exit 1", "[json_input][cli]") {
  Sandbox box;
  const planparse::testing::Run run = box.run({"validate", "-"}, "[1e400]\n");
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("byte 1"));
}

TEST_CASE("validate and diff of a 100000-deep JSON give one error line, not a crash", "[json_input][cli]") {
  Sandbox box;
  box.write("deep.json", nested(100000, '{', '}'));
  const planparse::testing::Run validated = box.run({"validate", "deep.json"});
  CHECK(validated.exit_code == 1);
  CHECK(is_one_line(validated.err));
  CHECK_THAT(validated.err, Catch::Contains("deep.json") && Catch::Contains("byte 512"));
  box.write("plan.json", planparse::testing::read_file(planparse::testing::sample("follow-up-plan-2022.en.expected.json")));
  const planparse::testing::Run diffed = box.run({"diff", "plan.json", "deep.json"});
  CHECK(diffed.exit_code == 2);
  CHECK(is_one_line(diffed.err));
  CHECK_THAT(diffed.err, Catch::Contains("deep.json") && Catch::Contains("byte 512"));
}
