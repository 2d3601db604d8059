// Diff, step 1: a side of the diff, read as a document or as planparse's own JSON output.
// External interface: load_plan, load_plan_bytes (diff/diff.h). Tested by test_diff.cpp and
// test_diff_cli.cpp.
#include <string>
#include <utility>

#include "diff/diff.h"
#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "parsers/registry.h"
#include "schema/json_input.h"
#include "schema/plan_json.h"

namespace planparse {
namespace {

// JSON by content, not by file name: a plan saved by `parse -o` may be called anything, and a
// document never starts with '{'. A '{' that is not JSON falls through to the parser, which
// says why it is no plan.
bool starts_like_json(const std::string& text) {
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

Result<LoadedPlan> load(Result<Source> read, const ParseContext& context) {
  if (!read.ok()) return read.error();
  const Source& source = read.value();
  if (starts_like_json(source.text)) {
    // JSON past a limit is still JSON: its reason is the answer, not the parser's "no plan".
    Result<nlohmann::ordered_json> json = parse_json_input(source.text);
    if (!json.ok() && json.error().code == Code::limit_exceeded) return json.error();
    if (json.ok()) {
      const nlohmann::ordered_json& document = json.value();
      Result<Plan> plan = plan_from_json(document);
      if (!plan.ok()) return plan.error();
      // A plan saved before agencies had ids gets them now, so that it compares with a new one
      // by body, as two plans read today do: from the run's registry, the one the other side's
      // document is linked with.
      if (upgraded_from_1_0(document)) link_agencies(plan.value(), context.registry());
      DiffSide side{source.name, source.sha256, "json", plan.value().activities.size(), plan.value().language};
      return LoadedPlan{std::move(plan).value(), std::move(side)};
    }
  }
  Result<Plan> plan = parse_source(source, context);
  if (!plan.ok()) return plan.error();
  DiffSide side{source.name, source.sha256, std::string(source_format_name(source.format)), plan.value().activities.size(), plan.value().language};
  return LoadedPlan{std::move(plan).value(), std::move(side)};
}

}  // namespace

Result<LoadedPlan> load_plan(const std::string& path, const ParseContext& context) {
  return load(read_source(path), context);
}

Result<LoadedPlan> load_plan_bytes(std::string name, std::string bytes, const ParseContext& context) {
  return load(decode_source(std::move(name), std::move(bytes)), context);
}

}  // namespace planparse
