// The public API (api/planparse.h) as a library user calls it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "api/planparse.h"
#include "support.h"

TEST_CASE("the library parses a file and prints what the CLI prints", "[api]") {
  planparse::Result<planparse::Plan> plan = planparse::parse_file(planparse::testing::sample("follow-up-plan-2022.en.txt").string());
  REQUIRE(plan.ok());
  CHECK(plan.value().activities.size() == 27);
  const std::string json = planparse::to_json_text(plan.value());
  CHECK(planparse::validate_json_text(json).empty());
  const std::string compact = planparse::to_json_text(plan.value(), true);
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
  CHECK(compact.back() == '\n');
}

TEST_CASE("the library reports bad input as a failure value, never by throwing", "[api]") {
  planparse::Result<planparse::Plan> empty = planparse::parse_bytes("empty.txt", "");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == planparse::Code::empty_input);
  planparse::Options options;
  options.encoding = "no-such-charset";
  CHECK(planparse::parse_bytes("x.txt", "x", options).error().code == planparse::Code::unknown_encoding);
  options = {};
  options.vocabulary_directory = "/no/such/dir";
  CHECK(planparse::parse_bytes("x.txt", "x", options).error().code == planparse::Code::io_error);
}

TEST_CASE("validate_json_text names each violation by its pointer, and non-JSON at the root", "[api]") {
  CHECK(planparse::validate_json_text("{nope") == std::vector<std::string>{": not JSON at byte 2"});
  const std::vector<std::string> violations = planparse::validate_json_text(R"({"schema_version": "1.0"})");
  CHECK_FALSE(violations.empty());
  CHECK(planparse::version() == PLANPARSE_VERSION);
}

TEST_CASE("render_json checks the plan as the CLI does: a hand-built plan that breaks the schema is a failure value", "[api]") {
  planparse::Result<planparse::Plan> plan = planparse::parse_file(planparse::testing::sample("follow-up-plan-2022.en.txt").string());
  REQUIRE(plan.ok());
  const planparse::Result<std::string> good = planparse::render_json(plan.value());
  REQUIRE(good.ok());
  CHECK(good.value() == planparse::to_json_text(plan.value()));
  planparse::Plan broken = plan.value();
  broken.activities[3].number = -1;
  const planparse::Result<std::string> bad = planparse::render_json(broken, true);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == planparse::Code::internal_error);
  CHECK(bad.error().where == "/activities/3/number");
  CHECK(planparse::to_json_text(broken).empty());
}
