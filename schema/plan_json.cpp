// JSON -> Plan, field for field the reverse of schema/emit.cpp. External interface:
// plan_from_json (schema/plan_json.h). Tested by test_diff.cpp.
#include "schema/plan_json.h"

#include <array>
#include <cstddef>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "schema/emit.h"
#include "schema/file_name.h"

namespace planparse {
namespace {

using ordered_json = nlohmann::ordered_json;

// The value a name of one of the plan's closed sets stands for. The schema lists every name,
// so a name the table lacks means the two disagree (planparse's fault, not the document's):
// thrown, and caught by plan_from_json as an internal_error.
template <class E, std::size_t N>
E named(const std::array<Named<E>, N>& table, const ordered_json& value) {
  const std::string name = value.get<std::string>();
  if (const std::optional<E> found = value_named(table, name)) return *found;
  throw std::out_of_range("the plan schema names a value planparse does not know: \"" + name + "\"");
}

std::optional<std::string> string_or_null(const ordered_json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

std::vector<std::string> strings(const ordered_json& array) {
  std::vector<std::string> out;
  for (const ordered_json& value : array) out.push_back(value.get<std::string>());
  return out;
}

std::optional<Deadline> deadline_from(const ordered_json& value) {
  if (value.is_null()) return std::nullopt;
  const ordered_json& recurrence = value.at("recurrence");
  return Deadline{value.at("text").get<std::string>(), string_or_null(value.at("from")), string_or_null(value.at("to")),
                  recurrence.is_null() ? std::nullopt : std::optional(named(kRecurrenceNames, recurrence))};
}

Activity activity_from(const ordered_json& value) {
  Activity activity;
  activity.number = value.at("number").get<int>();
  if (value.contains("label")) activity.label = value.at("label").get<std::string>();
  activity.section = string_or_null(value.at("section"));
  activity.name = value.at("name").get<std::string>();
  activity.items = strings(value.at("items"));
  for (const ordered_json& outcome : value.at("outcomes")) {
    activity.outcomes.push_back(Outcome{outcome.at("text").get<std::string>(), string_or_null(outcome.at("task")),
                                        deadline_from(outcome.at("deadline"))});
  }
  for (const ordered_json& agency : value.at("agencies")) {
    activity.agencies.push_back(Agency{agency.at("text").get<std::string>(), named(kAgencyKindNames, agency.at("kind")),
                                       string_or_null(agency.at("abbr")), string_or_null(agency.at("name")),
                                       agency.at("as_agreed").get<bool>(), string_or_null(agency.at("id"))});
  }
  for (const auto& [header, text] : value.at("extra").items()) {
    activity.extra.emplace_back(header, text.get<std::string>());
  }
  activity.line = value.at("line").get<int>();
  return activity;
}

Result<Plan> plan_from(const ordered_json& document) {
  Plan plan;
  const ordered_json& source = document.at("source");
  // A file name that is not UTF-8 is U+FFFD in `name` and exact in `name_bytes`: the plan gets
  // the exact bytes back, as parsing gave them (the relational rows store them).
  const auto exact = source.find("name_bytes");
  std::string name = exact != source.end() && exact->is_string() ? name_from_bytes(exact->get<std::string>())
                                                                  : source.at("name").get<std::string>();
  plan.source = SourceInfo{std::move(name), source.at("sha256").get<std::string>(), source.at("bytes").get<long long>(),
                           named(kSourceFormatNames, source.at("format")), source.at("encoding").get<std::string>()};
  plan.language = document.at("language").get<std::string>();
  plan.title = string_or_null(document.at("title"));
  plan.intro = strings(document.at("intro"));
  if (const ordered_json& act = document.at("act"); !act.is_null()) {
    plan.act = Act{string_or_null(act.at("date")), string_or_null(act.at("number"))};
  }
  plan.published = string_or_null(document.at("published"));
  for (const ordered_json& column : document.at("columns")) {
    plan.columns.push_back(Column{named(kColumnRoleNames, column.at("role")), string_or_null(column.at("header"))});
  }
  for (const ordered_json& section : document.at("sections")) {
    plan.sections.push_back(Section{section.at("number").get<std::string>(), section.at("title").get<std::string>(),
                                    section.at("line").get<int>()});
  }
  for (const ordered_json& activity : document.at("activities")) plan.activities.push_back(activity_from(activity));
  for (const ordered_json& entry : document.at("abbreviations")) {
    plan.abbreviations.push_back(Abbreviation{entry.at("abbr").get<std::string>(), entry.at("name").get<std::string>(),
                                              entry.at("line").get<int>(), string_or_null(entry.at("id"))});
  }
  for (const ordered_json& diagnostic : document.at("diagnostics")) {
    // The schema lists every code and severity name, so a failed lookup means the schema and
    // ingest/diagnostic.cpp disagree.
    const std::optional<Code> code = code_from_name(diagnostic.at("code").get<std::string>());
    const std::optional<Severity> severity = severity_from_name(diagnostic.at("severity").get<std::string>());
    if (!code || !severity) {
      return Failure{Code::internal_error, "the plan schema names a diagnostic planparse does not know", "/diagnostics"};
    }
    plan.diagnostics.push_back(
        Diagnostic{*severity, *code, diagnostic.at("message").get<std::string>(), diagnostic.at("line").get<int>()});
  }
  return plan;
}

}  // namespace

bool upgraded_from_1_0(const ordered_json& document) {
  return document.is_object() && document.value("schema_version", ordered_json()) == "1.0";
}

namespace {

// 1.0 -> 1.1: the same document with "id": null on every agency and glossary entry. Anything
// else about it is left for the validator to judge.
ordered_json upgraded(ordered_json document) {
  document["schema_version"] = kSchemaVersion;
  auto add_null_ids = [](ordered_json& entries) {
    if (!entries.is_array()) return;
    for (ordered_json& entry : entries) {
      if (entry.is_object() && !entry.contains("id")) entry["id"] = nullptr;
    }
  };
  if (document.contains("abbreviations")) add_null_ids(document["abbreviations"]);
  if (document.contains("activities") && document["activities"].is_array()) {
    for (ordered_json& activity : document["activities"]) {
      if (activity.is_object() && activity.contains("agencies")) add_null_ids(activity["agencies"]);
    }
  }
  return document;
}

}  // namespace

Result<Plan> plan_from_json(const ordered_json& original) {
  const ordered_json document = upgraded_from_1_0(original) ? upgraded(original) : original;
  const std::vector<SchemaViolation> violations = validate_plan(nlohmann::json(document));
  if (!violations.empty()) {
    const SchemaViolation& first = violations.front();
    return Failure{Code::not_a_plan, "JSON that is not a planparse plan: " + first.message,
                   first.pointer.empty() ? "/" : first.pointer};
  }
  // A valid document has every key with its type, so nlohmann's accessors cannot throw here;
  // the catch keeps that promise even if the schema and this reader ever drift apart.
  try {
    return plan_from(document);
  } catch (const std::exception& e) {
    return Failure{Code::internal_error, std::string("the plan JSON cannot be read back: ") + e.what(), ""};
  }
}

}  // namespace planparse
