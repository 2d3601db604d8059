// JSON text from outside (a diff side, `planparse validate`, validate_json_text) read into a
// document without trusting its shape: nesting, object size and numbers are checked before
// nlohmann/json sees them, so no input can recurse deeply, go quadratic or throw out of a
// parse. External interface: parse_json_input. Tested by test_json_input.cpp.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/diagnostic.h"

namespace planparse {

// Arrays and objects nested deeper than this are refused: a plan is 5 levels deep, and the
// code that walks a document (conversion, schema validation, dumping) recurses per level.
inline constexpr std::size_t kMaxJsonDepth = 512;
// An object with more members is refused: an ordered object looks its keys up one by one, so a
// huge one costs the square of its size to read. A plan's widest object has a dozen.
inline constexpr std::size_t kMaxJsonMembers = 10000;

// The document in `text`. Failures, where = "byte N" (0-based, the offending character):
//   not_a_plan      the text is not JSON (the byte nlohmann/json stopped at)
//   limit_exceeded  nesting deeper than kMaxJsonDepth (the opening bracket past it), an object
//                   with more than kMaxJsonMembers members (the comma before the one too many)
//                   or a number beyond the range of a double, such as 1e400 (its first byte)
Result<nlohmann::ordered_json> parse_json_input(std::string_view text);

}  // namespace planparse
