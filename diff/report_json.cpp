// Diff, step 4, the JSON report: the PlanDiff as JSON, keys in the order of
// schema/diff.schema.json. Rendering only: render_diff (report.cpp) checks the result against
// the schema (validate.cpp) before anything is written. External interface: diff_to_json
// (diff/diff.h). Tested by test_diff.cpp and test_diff_cli.cpp.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "schema/emit.h"

namespace planparse {
namespace {

using ordered_json = nlohmann::ordered_json;

// Activities, outcomes, agencies, deadlines and acts keep exactly the shape of the plan JSON:
// schema/emit.h writes them (activity_json, agency_json, deadline_json, act_json).

ordered_json agencies_json(const std::vector<Agency>& agencies) {
  ordered_json out = ordered_json::array();
  for (const Agency& agency : agencies) out.push_back(agency_json(agency));
  return out;
}

ordered_json words_json(const std::vector<WordEdit>& words) {
  ordered_json out = ordered_json::array();
  for (const WordEdit& edit : words) {
    ordered_json run = ordered_json::object();
    run["op"] = std::string(edit_op_name(edit.op));
    run["text"] = edit.text;
    out.push_back(std::move(run));
  }
  return out;
}

ordered_json text_change_json(const TextDiff& diff) {
  ordered_json out = ordered_json::object();
  out["old"] = diff.old_text;
  out["new"] = diff.new_text;
  out["words"] = words_json(diff.words);
  return out;
}

ordered_json extra_json(const std::vector<std::pair<std::string, std::string>>& extra) {
  ordered_json out = ordered_json::object();
  for (const auto& [header, text] : extra) out[header] = text;
  return out;
}

ordered_json outcome_change_json(const OutcomeDiff& diff) {
  ordered_json out = ordered_json::object();
  out["change"] = !diff.old_index ? "added" : !diff.new_index ? "removed" : "changed";
  out["old"] = diff.old_index ? ordered_json(*diff.old_index) : ordered_json(nullptr);
  out["new"] = diff.new_index ? ordered_json(*diff.new_index) : ordered_json(nullptr);
  out["text"] = diff.text ? text_change_json(*diff.text) : ordered_json(nullptr);
  if (diff.task) {
    ordered_json task = ordered_json::object();
    task["old"] = json_or_null(diff.task->old_value);
    task["new"] = json_or_null(diff.task->new_value);
    out["task"] = std::move(task);
  } else {
    out["task"] = nullptr;
  }
  if (diff.deadline) {
    ordered_json deadline = ordered_json::object();
    deadline["old"] = deadline_json(diff.deadline->old_deadline);
    deadline["new"] = deadline_json(diff.deadline->new_deadline);
    const std::optional<long>& shift = diff.deadline->shift_days;
    deadline["shift_days"] = shift ? ordered_json(*shift) : ordered_json(nullptr);
    deadline["shift"] = shift ? ordered_json(describe_shift(*shift)) : ordered_json(nullptr);
    out["deadline"] = std::move(deadline);
  } else {
    out["deadline"] = nullptr;
  }
  return out;
}

ordered_json fields_json(const ActivityChange& change) {
  ordered_json fields = ordered_json::array();
  if (change.name) {
    ordered_json field = ordered_json::object();
    field["field"] = "name";
    field["old"] = change.name->old_text;
    field["new"] = change.name->new_text;
    field["words"] = words_json(change.name->words);
    fields.push_back(std::move(field));
  }
  if (change.items) {
    ordered_json field = ordered_json::object();
    field["field"] = "items";
    field["old"] = change.items->old_list;
    field["new"] = change.items->new_list;
    field["words"] = words_json(change.items->words);
    fields.push_back(std::move(field));
  }
  if (!change.outcomes.empty()) {
    ordered_json field = ordered_json::object();
    field["field"] = "outcomes";
    field["old"] = activity_json(*change.old_activity)["outcomes"];
    field["new"] = activity_json(*change.new_activity)["outcomes"];
    ordered_json changes = ordered_json::array();
    for (const OutcomeDiff& diff : change.outcomes) changes.push_back(outcome_change_json(diff));
    field["changes"] = std::move(changes);
    fields.push_back(std::move(field));
  }
  if (change.agencies) {
    const AgenciesDiff& diff = *change.agencies;
    ordered_json field = ordered_json::object();
    field["field"] = "agencies";
    field["old"] = agencies_json(change.old_activity->agencies);
    field["new"] = agencies_json(change.new_activity->agencies);
    field["added"] = agencies_json(diff.added);
    field["removed"] = agencies_json(diff.removed);
    field["as_agreed_gained"] = agencies_json(diff.as_agreed_gained);
    field["as_agreed_lost"] = agencies_json(diff.as_agreed_lost);
    ordered_json reworded = ordered_json::array();
    for (const Change<Agency>& pair : diff.reworded) {
      ordered_json entry = ordered_json::object();
      entry["old"] = agency_json(pair.old_value);
      entry["new"] = agency_json(pair.new_value);
      reworded.push_back(std::move(entry));
    }
    field["reworded"] = std::move(reworded);
    field["reordered"] = diff.reordered;
    fields.push_back(std::move(field));
  }
  if (change.section) {
    ordered_json field = ordered_json::object();
    field["field"] = "section";
    field["old"] = json_or_null(change.section->old_number);
    field["new"] = json_or_null(change.section->new_number);
    field["old_title"] = json_or_null(change.section->old_title);
    field["new_title"] = json_or_null(change.section->new_title);
    fields.push_back(std::move(field));
  }
  if (change.extra) {
    ordered_json field = ordered_json::object();
    field["field"] = "extra";
    field["old"] = extra_json(change.extra->old_value);
    field["new"] = extra_json(change.extra->new_value);
    fields.push_back(std::move(field));
  }
  return fields;
}

ordered_json change_json(const ActivityChange& change) {
  const Activity& shown = change.new_activity ? *change.new_activity : *change.old_activity;
  ordered_json out = ordered_json::object();
  out["kind"] = std::string(change_kind_name(change.kind));
  out["old"] = change.old_activity ? ordered_json(change.old_activity->number) : ordered_json(nullptr);
  out["new"] = change.new_activity ? ordered_json(change.new_activity->number) : ordered_json(nullptr);
  out["name"] = shown.name;
  out["section"] = json_or_null(shown.section);
  ordered_json lines = ordered_json::object();
  lines["old"] = change.old_activity ? ordered_json(change.old_activity->line) : ordered_json(nullptr);
  lines["new"] = change.new_activity ? ordered_json(change.new_activity->line) : ordered_json(nullptr);
  out["lines"] = std::move(lines);
  const bool single = change.kind == ChangeKind::added || change.kind == ChangeKind::removed;
  out["activity"] = single ? activity_json(shown) : ordered_json(nullptr);
  out["fields"] = fields_json(change);
  return out;
}

// "added" when only the new side has a value, "removed" when only the old, else "changed".
template <class T>
std::string presence_change(const std::optional<T>& old_value, const std::optional<T>& new_value) {
  if (!old_value) return "added";
  if (!new_value) return "removed";
  return "changed";
}

ordered_json plan_json(const PlanDiff& diff) {
  ordered_json plan = ordered_json::array();
  auto entry = [](const char* field, const std::string& change) {
    ordered_json out = ordered_json::object();
    out["field"] = field;
    out["change"] = change;
    return out;
  };
  if (diff.title) {
    ordered_json out = entry("title", "changed");
    out["old"] = diff.title->old_text;
    out["new"] = diff.title->new_text;
    out["words"] = words_json(diff.title->words);
    plan.push_back(std::move(out));
  }
  if (diff.intro) {
    ordered_json out = entry("intro", "changed");
    out["old"] = diff.intro->old_list;
    out["new"] = diff.intro->new_list;
    out["words"] = words_json(diff.intro->words);
    plan.push_back(std::move(out));
  }
  if (diff.act) {
    ordered_json out = entry("act", presence_change(diff.act->old_value, diff.act->new_value));
    out["old"] = act_json(diff.act->old_value);
    out["new"] = act_json(diff.act->new_value);
    plan.push_back(std::move(out));
  }
  if (diff.published) {
    ordered_json out = entry("published", presence_change(diff.published->old_value, diff.published->new_value));
    out["old"] = json_or_null(diff.published->old_value);
    out["new"] = json_or_null(diff.published->new_value);
    plan.push_back(std::move(out));
  }
  auto section_value = [](const std::optional<Section>& section) -> ordered_json {
    if (!section) return nullptr;
    ordered_json out = ordered_json::object();
    out["number"] = section->number;
    out["title"] = section->title;
    return out;
  };
  for (const SectionChange& change : diff.sections) {
    std::string kind = presence_change(change.old_section, change.new_section);
    if (kind == "changed") kind = change.old_section->title != change.new_section->title ? "renamed" : "renumbered";
    ordered_json out = entry("section", kind);
    out["old"] = section_value(change.old_section);
    out["new"] = section_value(change.new_section);
    plan.push_back(std::move(out));
  }
  auto abbreviation_value = [](const std::optional<Abbreviation>& abbreviation) -> ordered_json {
    if (!abbreviation) return nullptr;
    ordered_json out = ordered_json::object();
    out["abbr"] = abbreviation->abbr;
    out["name"] = abbreviation->name;
    out["id"] = json_or_null(abbreviation->id);
    return out;
  };
  for (const AbbreviationChange& change : diff.abbreviations) {
    ordered_json out = entry("abbreviation", presence_change(change.old_entry, change.new_entry));
    out["old"] = abbreviation_value(change.old_entry);
    out["new"] = abbreviation_value(change.new_entry);
    plan.push_back(std::move(out));
  }
  return plan;
}

ordered_json side_json(const DiffSide& side) {
  ordered_json out = ordered_json::object();
  out["name"] = side.name;
  out["sha256"] = side.sha256;
  out["format"] = side.format;
  out["language"] = side.language;
  out["activities"] = side.activities;
  return out;
}

}  // namespace

nlohmann::ordered_json diff_to_json(const PlanDiff& diff) {
  ordered_json out = ordered_json::object();
  out["schema_version"] = kDiffSchemaVersion;
  out["mode"] = std::string(diff_mode_name(diff.mode));
  out["old"] = side_json(diff.old_side);
  out["new"] = side_json(diff.new_side);
  ordered_json summary = ordered_json::object();
  summary["added"] = diff.summary.added;
  summary["removed"] = diff.summary.removed;
  summary["changed"] = diff.summary.changed;
  summary["moved"] = diff.summary.moved;
  summary["renumbered"] = diff.summary.renumbered;
  out["summary"] = std::move(summary);
  out["plan"] = plan_json(diff);
  ordered_json changes = ordered_json::array();
  for (const ActivityChange& change : diff.changes) changes.push_back(change_json(change));
  out["changes"] = std::move(changes);
  return out;
}

}  // namespace planparse
