// Validate, the checks a JSON Schema cannot state: every date of a plan document is a day of
// the calendar (the schema's pattern admits 2025-02-30) and a deadline's `from` is no later
// than its `to`. validate_plan (schema/emit.h) runs them after the schema. Tested by
// test_schema.cpp ([validate]).
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/emit.h"

namespace planparse {

// Every date that is no calendar day (pointer to the date) and every deadline that ends before
// it starts (pointer to its `from`), in document order. Values of the wrong type or shape are
// left to the schema.
std::vector<SchemaViolation> calendar_violations(const nlohmann::json& document);

// The same checks on one activity alone, the element at /activities/`index` of its plan (the
// pointers say so): render_plan (schema/emit.h) checks a plan activity by activity.
std::vector<SchemaViolation> activity_calendar_violations(const nlohmann::json& activity, std::size_t index);

}  // namespace planparse
