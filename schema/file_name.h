// File names in the output: a name is whatever bytes the file system holds, but JSON text, CSV
// and SQLite TEXT are UTF-8. Every output shows a name with each stray byte as U+FFFD and, only
// when there was one, keeps its exact bytes beside it percent-encoded (`name_bytes` in JSON,
// the `*_bytes` columns of schema/plan.sql), so that the file can still be found. One rule for
// the JSON emitter (emit.cpp), its reader (plan_json.cpp) and the relational rows
// (feeds/relational.cpp). Tested by test_output.cpp and test_feeds.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planparse {

// The length of the UTF-8 sequence at `i`, or 0 when the bytes there are not one (overlong
// forms, surrogates and values past U+10FFFF included).
size_t utf8_length(std::string_view text, size_t i);

struct ShownName {
  std::string name;                  // valid UTF-8: each byte outside a UTF-8 sequence as U+FFFD
  std::optional<std::string> bytes;  // only when the name is not UTF-8: every byte outside printable
                                     // ASCII (and '%') as %HH, e.g. "pl%E0n.txt"
};
ShownName shown_name(std::string_view name);

// `bytes` of a ShownName back to the name: %HH is one byte, anything else itself (a '%' not
// followed by two hex digits stays, so no text is lost).
std::string name_from_bytes(std::string_view bytes);

}  // namespace planparse
