// Emit: the Plan as JSON, keys in the order of schema/plan.schema.json, and validation of any
// JSON document against that schema (valijson). Tested by test_schema.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/diagnostic.h"
#include "schema/plan.h"

namespace planparse {

// The plan as JSON (insertion-ordered keys, as the contract lists them).
nlohmann::ordered_json to_json(const Plan& plan);

// Its parts, exactly as to_json writes them inside a plan, for documents that embed them (the
// diff's JSON): null for an absent value.
nlohmann::ordered_json json_or_null(const std::optional<std::string>& value);
nlohmann::ordered_json act_json(const std::optional<Act>& act);
nlohmann::ordered_json deadline_json(const std::optional<Deadline>& deadline);
nlohmann::ordered_json outcome_json(const Outcome& outcome);
nlohmann::ordered_json agency_json(const Agency& agency);
nlohmann::ordered_json activity_json(const Activity& activity);

// The JSON Schema (draft-07) that every output satisfies, as published in schema/.
std::string_view plan_schema_text();

struct SchemaViolation {
  std::string pointer;  // JSON pointer into the checked document, e.g. "/activities/0/number"
  std::string message;
};

// JSON text as planparse prints it: nlohmann's dump(indent) (-1: compact), a byte that is not
// UTF-8 as U+FFFD, and the C1 controls (U+0080-U+009F) escaped as \u00xx as the C0 ones are,
// so that no control character in document text reaches a terminal raw. render_plan writes
// exactly these bytes for to_json(plan); every other JSON that planparse prints (the diff)
// goes through here.
std::string dump_json(const nlohmann::ordered_json& json, int indent);

// Every violation of the plan schema, then the calendar's (schema/validate.h: a date that is no
// day, a deadline ending before it starts); empty when `document` is valid.
std::vector<SchemaViolation> validate_plan(const nlohmann::json& document);

// Every violation of any draft-07 schema, the deepest reports only (valijson repeats a fault at
// each enclosing item and property). `schema_text` must live for the whole run (an embedded
// constant): it is parsed once and kept by its address. A schema that does not load is
// reported as one violation at the root.
std::vector<SchemaViolation> validate_against(std::string_view schema_text, const nlohmann::json& document);

// The plan as `planparse parse` prints it, checked: exactly dump_json(to_json(plan), compact ? -1 : 2)
// followed by "\n", written straight from the Plan, activity by activity, each element of the
// plan's arrays checked against its item schema (and each activity's deadlines against the
// calendar) as it is written, so that at most one element's JSON DOM exists at a time and the
// memory beyond the bytes themselves does not grow with the plan. The one path by which
// validated JSON leaves planparse: the CLI, `batch` and the API.
// Failures: internal_error when the plan breaks the schema (only a planparse defect or a
// hand-built Plan can): message "output breaks the schema at \"POINTER\": MESSAGE" of the first
// violation, where = its pointer ("/activities/12/number").
Result<std::string> render_plan(const Plan& plan, bool compact);

// What render_plan checks, kept: the bytes, and every violation, the same set validate_plan
// gives for to_json(plan) (bytes empty when there is one).
struct Rendered {
  std::string text;
  std::vector<SchemaViolation> violations;
};
Rendered render_plan_checked(const Plan& plan, bool compact);

// render_plan for output that need not be held whole (`planparse parse` on a million-row
// table): the plan is checked first, keeping no bytes, and only when it passes are its bytes
// written, handed to `sink` in pieces of about 64 KiB; `sink` returns false to stop. So a
// plan that breaks the schema writes nothing, and the memory is the plan's alone.
// Failures: internal_error as render_plan (nothing written); io_error when `sink` refused.
std::optional<Failure> stream_plan(const Plan& plan, bool compact, const std::function<bool(std::string_view)>& sink);


}  // namespace planparse
