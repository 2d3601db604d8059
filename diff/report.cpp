// Diff, step 4: the reports' shared parts. The formats `diff --format` takes and render_diff,
// which picks the renderer (report_json.cpp, report_text.cpp, report_html.cpp) and, for JSON,
// checks the rendered document against the diff schema (validate.cpp) before it is returned;
// and the summary lines the text and HTML reports both print, so that both say the same.
// External interface: describe_summary, describe_mode, describe_renumbered, diff_format_names,
// diff_format_named, render_diff (diff/diff.h). Tested by test_diff.cpp, test_diff_html.cpp and
// test_diff_cli.cpp.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "schema/emit.h"

namespace planparse {

std::string describe_mode(const PlanDiff& diff) {
  if (diff.mode != DiffMode::translations) return "";
  return "translations " + diff.old_side.language + " → " + diff.new_side.language +
         ": compared by numbers, dates, agency ids and \"as agreed\" flags, not by wording";
}

std::string describe_summary(const PlanDiff& diff) {
  const DiffSummary& s = diff.summary;
  return std::to_string(diff.old_side.activities) + " → " + std::to_string(diff.new_side.activities) +
         " activities: " + std::to_string(s.added) + " added, " + std::to_string(s.removed) + " removed, " +
         std::to_string(s.changed) + " changed, " + std::to_string(s.moved) + " moved, " +
         std::to_string(s.renumbered) + " renumbered";
}

std::string describe_renumbered(const PlanDiff& diff) {
  std::vector<std::pair<int, int>> pairs;
  std::vector<std::pair<std::string, std::string>> printed;  // "1.2" for a number in parts
  std::vector<bool> in_parts;                                // either side's number has parts: never in a run
  for (const ActivityChange& change : diff.changes) {
    if (change.kind != ChangeKind::renumbered) continue;
    pairs.emplace_back(change.old_activity->number, change.new_activity->number);
    printed.emplace_back(printed_number(*change.old_activity), printed_number(*change.new_activity));
    in_parts.push_back(change.old_activity->label || change.new_activity->label);
  }
  std::string out;
  for (std::size_t k = 0; k < pairs.size();) {
    std::size_t end = k + 1;
    while (!in_parts[k] && end < pairs.size() && !in_parts[end] && pairs[end].first == pairs[end - 1].first + 1 &&
           pairs[end].second == pairs[end - 1].second + 1) {
      ++end;
    }
    if (!out.empty()) out += ", ";
    if (end - k == 1) {
      out += printed[k].first + " → " + printed[k].second;
    } else {
      out += std::to_string(pairs[k].first) + "–" + std::to_string(pairs[end - 1].first) + " → " +
             std::to_string(pairs[k].second) + "–" + std::to_string(pairs[end - 1].second);
    }
    k = end;
  }
  return out;
}

std::vector<std::string> diff_format_names() { return {"json", "text", "html"}; }

std::optional<DiffFormat> diff_format_named(std::string_view name) {
  if (name == "json") return DiffFormat::json;
  if (name == "text") return DiffFormat::text;
  if (name == "html") return DiffFormat::html;
  return std::nullopt;
}

Result<std::string> render_diff(const PlanDiff& diff, DiffFormat format, const RenderOptions& options) {
  switch (format) {
    case DiffFormat::text: return diff_to_text(diff, options);
    case DiffFormat::html: return diff_to_html(diff);
    case DiffFormat::json: {
      const nlohmann::ordered_json json = diff_to_json(diff);
      // A diff that breaks its own schema is a bug: reported, and nothing is written.
      const std::vector<SchemaViolation> violations = validate_diff(nlohmann::json(json));
      if (!violations.empty()) {
        return Failure{Code::internal_error,
                       "internal error: the diff breaks its schema: " + violations.front().message,
                       violations.front().pointer.empty() ? "/" : violations.front().pointer};
      }
      // As every JSON planparse prints: C1 controls escaped, a stray invalid byte U+FFFD.
      return dump_json(json, 2) + "\n";
    }
  }
  return Failure{Code::internal_error, "unknown diff format", ""};
}

}  // namespace planparse
