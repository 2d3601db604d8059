// JSON input with its limits checked first. External interface: parse_json_input
// (schema/json_input.h). Tested by test_json_input.cpp.
//
// The limits are checked by a scan of the bytes before parsing, rather than in a SAX handler,
// because nlohmann/json's own DOM builder and its number conversion (which throws
// out_of_range 406 on 1e400, without a byte) are then left as they are. nlohmann/json 3.11
// destroys a value iteratively, so a document that passed the scan is also freed without
// recursion.
#include "schema/json_input.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace planparse {
namespace {

std::string byte_where(std::size_t offset) { return "byte " + std::to_string(offset); }

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The first limit `text` passes, outside strings; nullopt when none. Malformed text is left
// to the parser: the scan only needs to be right about well-formed JSON.
std::optional<Failure> first_limit_passed(std::string_view text) {
  struct Open {
    bool object;
    std::size_t members;
  };
  std::vector<Open> open;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        if (open.size() == kMaxJsonDepth) {
          return Failure{Code::limit_exceeded,
                         "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", byte_where(pos)};
        }
        open.push_back({c == '{', 1});
        break;
      case '}':
      case ']':
        if (!open.empty()) open.pop_back();
        break;
      case ',':
        if (!open.empty() && open.back().object && ++open.back().members > kMaxJsonMembers) {
          return Failure{Code::limit_exceeded,
                         "JSON object with more than " + std::to_string(kMaxJsonMembers) + " members", byte_where(pos)};
        }
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          std::size_t end = pos;
          while (end < text.size() && is_number_char(text[end])) ++end;
          // strtod reads what JSON's grammar allows (and more, which the parser then refuses);
          // the program never sets a locale, so its decimal point is '.'.
          const std::string number(text.substr(pos, end - pos));
          if (std::isinf(std::strtod(number.c_str(), nullptr))) {
            return Failure{Code::limit_exceeded, "number out of the range of a double: " + number.substr(0, 40),
                           byte_where(pos)};
          }
          pos = end - 1;
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<nlohmann::ordered_json> parse_json_input(std::string_view text) {
  if (std::optional<Failure> limit = first_limit_passed(text)) return *limit;
  try {
    return nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann counts the bytes read, the offending one included.
    const std::size_t byte = error.byte > 0 ? error.byte - 1 : 0;
    return Failure{Code::not_a_plan, "not JSON", byte_where(std::min(byte, text.empty() ? 0 : text.size() - 1))};
  } catch (const nlohmann::json::exception& error) {
    return Failure{Code::not_a_plan, std::string("not JSON: ") + error.what(), ""};
  }
}

}  // namespace planparse
