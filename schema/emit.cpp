// Emit: Plan -> JSON in the order of schema/README.md, and validation of any JSON document
// against the embedded schema/plan.schema.json with valijson. External interface: to_json,
// plan_schema_text, validate_plan (schema/emit.h). Tested by test_schema.cpp.
#include "schema/emit.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "plan_schema.h"
#include "schema/validate.h"

// Without exceptions valijson aborts on the odd input it cannot handle (an over-long string);
// the CMake target `valijson` defines this, and validate_plan relies on it to never throw.
#if !VALIJSON_USE_EXCEPTIONS
#error "valijson must be built with VALIJSON_USE_EXCEPTIONS=1 (link the CMake target valijson)"
#endif

namespace planparse {
namespace {
using ordered_json = nlohmann::ordered_json;
}  // namespace

// The parts of the plan JSON (emit.h), public for the documents that embed them: the diff.
ordered_json json_or_null(const std::optional<std::string>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json act_json(const std::optional<Act>& act) {
  if (!act) return nullptr;
  ordered_json out = ordered_json::object();
  out["date"] = json_or_null(act->date);
  out["number"] = json_or_null(act->number);
  return out;
}

ordered_json deadline_json(const std::optional<Deadline>& deadline) {
  if (!deadline) return nullptr;
  ordered_json out = ordered_json::object();
  out["text"] = deadline->text;
  out["from"] = json_or_null(deadline->from);
  out["to"] = json_or_null(deadline->to);
  out["recurrence"] = json_or_null(deadline->recurrence);
  return out;
}

ordered_json outcome_json(const Outcome& outcome) {
  ordered_json out = ordered_json::object();
  out["text"] = outcome.text;
  out["task"] = json_or_null(outcome.task);
  out["deadline"] = deadline_json(outcome.deadline);
  return out;
}

ordered_json agency_json(const Agency& agency) {
  ordered_json out = ordered_json::object();
  out["text"] = agency.text;
  out["kind"] = agency.kind;
  out["abbr"] = json_or_null(agency.abbr);
  out["name"] = json_or_null(agency.name);
  out["id"] = json_or_null(agency.id);
  out["as_agreed"] = agency.as_agreed;
  return out;
}

ordered_json activity_json(const Activity& activity) {
  ordered_json out = ordered_json::object();
  out["number"] = activity.number;
  out["section"] = json_or_null(activity.section);
  out["name"] = activity.name;
  out["items"] = activity.items;
  ordered_json outcomes = ordered_json::array();
  for (const Outcome& outcome : activity.outcomes) outcomes.push_back(outcome_json(outcome));
  out["outcomes"] = std::move(outcomes);
  ordered_json agencies = ordered_json::array();
  for (const Agency& agency : activity.agencies) agencies.push_back(agency_json(agency));
  out["agencies"] = std::move(agencies);
  ordered_json extra = ordered_json::object();
  for (const auto& [header, text] : activity.extra) extra[header] = text;
  out["extra"] = std::move(extra);
  out["line"] = activity.line;
  return out;
}

namespace {

// The length of the UTF-8 sequence at `i`, or 0 when the bytes there are not one (overlong
// forms, surrogates and values past U+10FFFF included).
size_t utf8_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  const size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  const unsigned char second = byte(i + 1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
      (lead == 0xF4 && second > 0x8F)) {
    return 0;
  }
  return length;
}

// A file name is whatever bytes the file system holds, but JSON text is UTF-8: each byte that
// is not part of a UTF-8 sequence is shown as U+FFFD in `name`, and `name_bytes` keeps the
// exact bytes, percent-encoded, so that the file can still be found.
ordered_json source_json(const SourceInfo& source) {
  ordered_json out = ordered_json::object();
  std::string shown;
  std::string exact;
  bool valid = true;
  for (size_t i = 0; i < source.name.size();) {
    const size_t length = utf8_length(source.name, i);
    if (length == 0) {
      valid = false;
      shown += "\xEF\xBF\xBD";
      ++i;
    } else {
      shown.append(source.name, i, length);
      i += length;
    }
  }
  out["name"] = valid ? source.name : shown;
  if (!valid) {
    static const char kHex[] = "0123456789ABCDEF";
    for (const char c : source.name) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte > 0x20 && byte < 0x7F && byte != '%') {
        exact += c;
      } else {
        exact += '%';
        exact += kHex[byte >> 4];
        exact += kHex[byte & 0x0F];
      }
    }
    out["name_bytes"] = exact;
  }
  out["sha256"] = source.sha256;
  out["bytes"] = source.bytes;
  out["format"] = source.format;
  out["encoding"] = source.encoding;
  return out;
}

ordered_json column_json(const Column& column) {
  ordered_json out = ordered_json::object();
  out["role"] = column.role;
  out["header"] = json_or_null(column.header);
  return out;
}

ordered_json section_json(const Section& section) {
  ordered_json out = ordered_json::object();
  out["number"] = section.number;
  out["title"] = section.title;
  out["line"] = section.line;
  return out;
}

ordered_json abbreviation_json(const Abbreviation& abbreviation) {
  ordered_json out = ordered_json::object();
  out["abbr"] = abbreviation.abbr;
  out["name"] = abbreviation.name;
  out["id"] = json_or_null(abbreviation.id);
  out["line"] = abbreviation.line;
  return out;
}

ordered_json diagnostic_json(const Diagnostic& diagnostic) {
  ordered_json out = ordered_json::object();
  out["severity"] = std::string(severity_name(diagnostic.severity));
  out["code"] = std::string(code_name(diagnostic.code));
  out["message"] = diagnostic.message;
  out["line"] = diagnostic.line;
  return out;
}

template <class T, class F>
ordered_json array_json(const std::vector<T>& values, F element_json) {
  ordered_json out = ordered_json::array();
  for (const T& value : values) out.push_back(element_json(value));
  return out;
}

// --- Validation ------------------------------------------------------------------------------

// The schema, parsed once. A schema that fails to load is a build defect, not bad input, but
// validate_plan still reports it as a violation rather than throwing.
struct LoadedSchema {
  std::unique_ptr<valijson::Schema> schema;
  std::string error;
};

LoadedSchema load_schema(std::string_view text) {
  LoadedSchema loaded;
  nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    loaded.error = "the embedded schema is not valid JSON";
    return loaded;
  }
  try {
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *schema);
    loaded.schema = std::move(schema);
  } catch (const std::exception& e) {
    loaded.error = std::string("the embedded schema cannot be loaded: ") + e.what();
  }
  return loaded;
}

// Each embedded schema, parsed on first use and kept for the run.
const LoadedSchema& schema_for(std::string_view text) {
  static std::mutex mutex;
  static std::map<const char*, std::unique_ptr<LoadedSchema>> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<LoadedSchema>& entry = loaded[text.data()];
  if (!entry) entry = std::make_unique<LoadedSchema>(load_schema(text));
  return *entry;
}

// valijson names a location as {"<root>", "[activities]", "[0]", "[number]"}; RFC 6901 wants
// "/activities/0/number", with "~" written "~0" and "/" written "~1". The root is "".
// A key and an index print alike in both notations, so the document need not be consulted.
std::string json_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& step : context) {
    if (step == "<root>") continue;
    std::string_view token = step;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    pointer += '/';
    for (char c : token) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }
  return pointer;
}

// valijson reports a failure inside an array item or a property value twice more on the way
// up ("Failed to validate item #0 in array.", "Failed to validate against schema associated
// with property name 'x'."). Those wrappers say nothing the leaf error does not.
bool is_wrapper(const std::string& description) {
  static constexpr std::string_view kWrappers[] = {
      "Failed to validate item #",
      "Failed to validate against schema associated with property name ",
      "Failed to validate against schema associated with pattern ",
      "Failed to validate against additional properties schema",
  };
  return std::any_of(std::begin(kWrappers), std::end(kWrappers), [&](std::string_view prefix) {
    return description.compare(0, prefix.size(), prefix) == 0;
  });
}

bool extends(const std::vector<std::string>& deeper, const std::vector<std::string>& context) {
  return deeper.size() > context.size() && std::equal(context.begin(), context.end(), deeper.begin());
}

std::vector<SchemaViolation> leaf_violations(const valijson::ValidationResults& results) {
  std::vector<SchemaViolation> violations;
  for (const valijson::ValidationResults::Error& error : results) {
    // A wrapper stays only if, unexpectedly, nothing deeper explains it.
    if (is_wrapper(error.description) &&
        std::any_of(results.begin(), results.end(), [&](const valijson::ValidationResults::Error& other) {
          return extends(other.context, error.context);
        })) {
      continue;
    }
    SchemaViolation violation{json_pointer(error.context), error.description};
    bool seen = std::any_of(violations.begin(), violations.end(), [&](const SchemaViolation& v) {
      return v.pointer == violation.pointer && v.message == violation.message;
    });
    if (!seen) violations.push_back(std::move(violation));
  }
  return violations;
}

}  // namespace

nlohmann::ordered_json to_json(const Plan& plan) {
  ordered_json out = ordered_json::object();
  out["schema_version"] = kSchemaVersion;
  out["source"] = source_json(plan.source);
  out["language"] = plan.language;
  out["title"] = json_or_null(plan.title);
  out["intro"] = plan.intro;
  out["act"] = act_json(plan.act);
  out["published"] = json_or_null(plan.published);
  out["columns"] = array_json(plan.columns, column_json);
  out["sections"] = array_json(plan.sections, section_json);
  out["activities"] = array_json(plan.activities, activity_json);
  out["abbreviations"] = array_json(plan.abbreviations, abbreviation_json);
  out["diagnostics"] = array_json(plan.diagnostics, diagnostic_json);
  return out;
}

std::string_view plan_schema_text() { return generated::plan_schema; }

std::vector<SchemaViolation> validate_plan(const nlohmann::json& document) {
  std::vector<SchemaViolation> violations = validate_against(plan_schema_text(), document);
  // valijson's `format: date` already refuses some dates (2025-02-30, not 2025-02-29): one
  // line per place is enough.
  for (SchemaViolation& violation : calendar_violations(document)) {
    if (std::none_of(violations.begin(), violations.end(),
                     [&](const SchemaViolation& v) { return v.pointer == violation.pointer; })) {
      violations.push_back(std::move(violation));
    }
  }
  return violations;
}

std::vector<SchemaViolation> validate_against(std::string_view schema_text, const nlohmann::json& document) {
  try {
    const LoadedSchema& loaded = schema_for(schema_text);
    if (!loaded.schema) return {SchemaViolation{"", loaded.error}};
    // A Validator caches compiled patterns and is not thread-safe; the Schema is only read.
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    if (validator.validate(*loaded.schema, adapter, &results)) return {};
    std::vector<SchemaViolation> violations = leaf_violations(results);
    if (violations.empty()) violations.push_back({"", "the document does not match its schema"});
    return violations;
  } catch (const std::exception& e) {
    return {SchemaViolation{"", std::string("the document cannot be validated: ") + e.what()}};
  } catch (...) {
    return {SchemaViolation{"", "the document cannot be validated"}};
  }
}

}  // namespace planparse
