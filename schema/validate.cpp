// Validate: the calendar checks of schema/validate.h. External interface: calendar_violations.
// Tested by test_schema.cpp ([validate]).
#include "schema/validate.h"

#include <chrono>
#include <optional>
#include <string>

namespace planparse {
namespace {

using json = nlohmann::json;

// "YYYY-MM-DD" with ASCII digits, as the schema's pattern requires; nullopt for anything else.
std::optional<std::chrono::year_month_day> read_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t k = starts[p]; k < starts[p] + lengths[p]; ++k) {
      if (text[k] < '0' || text[k] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[k] - '0');
    }
  }
  return std::chrono::year_month_day{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                     std::chrono::day{static_cast<unsigned>(parts[2])}};
}

// The date in `value` when it is a well-formed real day; a violation at pointer() when it is
// shaped like a date but no day of the calendar. The pointer is built only for a violation:
// render_plan checks every deadline of a million-row plan.
template <class Pointer>
std::optional<std::chrono::year_month_day> checked_date(const json& value, const Pointer& pointer,
                                                        std::vector<SchemaViolation>& out) {
  if (!value.is_string()) return std::nullopt;
  const std::string& text = value.get_ref<const std::string&>();
  const std::optional<std::chrono::year_month_day> date = read_date(text);
  if (!date) return std::nullopt;
  if (!date->ok()) {
    out.push_back({pointer(), "\"" + text + "\" is not a day of the calendar"});
    return std::nullopt;
  }
  return date;
}

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

void check_activity(const json& activity, std::size_t index, std::vector<SchemaViolation>& out) {
  const json* outcomes = member(activity, "outcomes");
  if (!outcomes || !outcomes->is_array()) return;
  for (std::size_t o = 0; o < outcomes->size(); ++o) {
    const json* deadline = member((*outcomes)[o], "deadline");
    if (!deadline) continue;
    const auto at = [&](const char* key) {
      return [=] {
        return "/activities/" + std::to_string(index) + "/outcomes/" + std::to_string(o) + "/deadline/" + key;
      };
    };
    const json* from_value = member(*deadline, "from");
    const json* to_value = member(*deadline, "to");
    const auto from = from_value ? checked_date(*from_value, at("from"), out) : std::nullopt;
    const auto to = to_value ? checked_date(*to_value, at("to"), out) : std::nullopt;
    if (from && to && *to < *from) {
      out.push_back({at("from")(), "the deadline starts (" + from_value->get<std::string>() + ") after it ends (" +
                                       to_value->get<std::string>() + ")"});
    }
  }
}

}  // namespace

std::vector<SchemaViolation> calendar_violations(const json& document) {
  std::vector<SchemaViolation> out;
  if (const json* act = member(document, "act")) {
    if (const json* date = member(*act, "date")) checked_date(*date, [] { return std::string("/act/date"); }, out);
  }
  if (const json* published = member(document, "published")) {
    checked_date(*published, [] { return std::string("/published"); }, out);
  }
  const json* activities = member(document, "activities");
  if (!activities || !activities->is_array()) return out;
  for (std::size_t a = 0; a < activities->size(); ++a) check_activity((*activities)[a], a, out);
  return out;
}

std::vector<SchemaViolation> activity_calendar_violations(const json& activity, std::size_t index) {
  std::vector<SchemaViolation> out;
  check_activity(activity, index, out);
  return out;
}

}  // namespace planparse
