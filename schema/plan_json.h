// Reading a plan back from its JSON: the inverse of to_json (schema/emit.h), for tools that take
// `planparse parse` output as input (`planparse diff`). Tested by test_diff.cpp (the round trip
// over every sample's expected JSON).
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/diagnostic.h"
#include "schema/plan.h"

namespace planparse {

// The plan that to_json turned into `document`: to_json(plan_from_json(to_json(p))) == to_json(p).
// The document is validated against the plan schema first. An ordered document keeps the order
// of each activity's `extra` columns; an unordered one has them sorted by header.
// A document of schema 1.0 (written before agencies had registry ids) is read as 1.1 with
// every id null; upgraded_from_1_0 says whether it was one.
// Failures: not_a_plan when the document breaks the plan schema (message: the first
// violation, where: its JSON pointer).
Result<Plan> plan_from_json(const nlohmann::ordered_json& document);
bool upgraded_from_1_0(const nlohmann::ordered_json& document);

}  // namespace planparse
