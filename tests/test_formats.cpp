// One plan, every format: each rendering of the reference in samples/ (plain text, the portal
// page, Word HTML, other charsets) gives the same title, act, publication date, sections,
// activities and abbreviations. Lines differ by nature between formats and are left out.
#include <catch2/catch.hpp>

#include <filesystem>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

using namespace planparse;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kReference = "follow-up-plan-2022.en";

void drop_lines(json& value) {
  if (value.is_object()) {
    value.erase("line");
    for (auto& [key, child] : value.items()) drop_lines(child);
  } else if (value.is_array()) {
    for (json& child : value) drop_lines(child);
  }
}

json shared_part(const fs::path& input) {
  Result<Source> source = read_source(input.string());
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  const json full = json(to_json(plan.value()));
  json part;
  for (const char* key : {"title", "act", "published", "sections", "activities", "abbreviations"}) part[key] = full[key];
  drop_lines(part);
  return part;
}

}  // namespace

TEST_CASE("every rendering of the reference plan gives the same plan", "[formats]") {
  const fs::path samples = fs::path(PLANPARSE_SOURCE_DIR) / "samples";
  const json text = shared_part(samples / (std::string(kReference) + ".txt"));
  int renderings = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(samples)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(std::string(kReference) + ".") || name.ends_with(".json") || name.ends_with(".md")) continue;
    // The windows-1252 text copy cannot hold the plan's Cyrillic letters and is its own sample.
    if (name == std::string(kReference) + ".txt" || name.find(".cp1252.") != std::string::npos) continue;
    DYNAMIC_SECTION(name) {
      const json patch = json::diff(text, shared_part(entry.path()));
      INFO("differences: " << patch.dump(1).substr(0, 2000));
      CHECK(patch.empty());
    }
    ++renderings;
  }
  CHECK(renderings >= 1);
}
