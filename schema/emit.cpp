// Emit: Plan -> JSON in the order of schema/README.md, and validation of any JSON document
// against the embedded schema/plan.schema.json with valijson, and render_plan, the streaming
// emitter that does both at once. External interface: schema/emit.h. Tested by test_schema.cpp
// ([schema], [render]) and test_golden.cpp.
#include "schema/emit.h"

#include <algorithm>
#include <charconv>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "plan_schema.h"
#include "schema/file_name.h"
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

namespace {

// Each part of the plan JSON once, for either kind of nlohmann document: to_json builds an
// ordered one (the contract's key order, for printing and the diff); render_plan builds a plain
// one per activity to hand valijson, whose adapter takes nothing else.
template <class J>
J null_or(const std::optional<std::string>& value) {
  return value ? J(*value) : J(nullptr);
}

template <class J>
J recurrence_or_null(const std::optional<Recurrence>& recurrence) {
  return recurrence ? J(recurrence_name(*recurrence)) : J(nullptr);
}

template <class J>
J act_dom(const std::optional<Act>& act) {
  if (!act) return nullptr;
  J out = J::object();
  out["date"] = null_or<J>(act->date);
  out["number"] = null_or<J>(act->number);
  return out;
}

template <class J>
J deadline_dom(const std::optional<Deadline>& deadline) {
  if (!deadline) return nullptr;
  J out = J::object();
  out["text"] = deadline->text;
  out["from"] = null_or<J>(deadline->from);
  out["to"] = null_or<J>(deadline->to);
  out["recurrence"] = recurrence_or_null<J>(deadline->recurrence);
  return out;
}

template <class J>
J outcome_dom(const Outcome& outcome) {
  J out = J::object();
  out["text"] = outcome.text;
  out["task"] = null_or<J>(outcome.task);
  out["deadline"] = deadline_dom<J>(outcome.deadline);
  return out;
}

template <class J>
J agency_dom(const Agency& agency) {
  J out = J::object();
  out["text"] = agency.text;
  out["kind"] = agency_kind_name(agency.kind);
  out["abbr"] = null_or<J>(agency.abbr);
  out["name"] = null_or<J>(agency.name);
  out["id"] = null_or<J>(agency.id);
  out["as_agreed"] = agency.as_agreed;
  return out;
}

template <class J>
J activity_dom(const Activity& activity) {
  J out = J::object();
  out["number"] = activity.number;
  if (activity.label) out["label"] = *activity.label;
  out["section"] = null_or<J>(activity.section);
  out["name"] = activity.name;
  out["items"] = activity.items;
  J outcomes = J::array();
  for (const Outcome& outcome : activity.outcomes) outcomes.push_back(outcome_dom<J>(outcome));
  out["outcomes"] = std::move(outcomes);
  J agencies = J::array();
  for (const Agency& agency : activity.agencies) agencies.push_back(agency_dom<J>(agency));
  out["agencies"] = std::move(agencies);
  J extra = J::object();
  for (const auto& [header, text] : activity.extra) extra[header] = text;
  out["extra"] = std::move(extra);
  out["line"] = activity.line;
  return out;
}

}  // namespace

// The parts of the plan JSON (emit.h), public for the documents that embed them: the diff.
ordered_json json_or_null(const std::optional<std::string>& value) { return null_or<ordered_json>(value); }
ordered_json act_json(const std::optional<Act>& act) { return act_dom<ordered_json>(act); }
ordered_json deadline_json(const std::optional<Deadline>& deadline) { return deadline_dom<ordered_json>(deadline); }
ordered_json outcome_json(const Outcome& outcome) { return outcome_dom<ordered_json>(outcome); }
ordered_json agency_json(const Agency& agency) { return agency_dom<ordered_json>(agency); }
ordered_json activity_json(const Activity& activity) { return activity_dom<ordered_json>(activity); }

namespace {

template <class J>
J source_dom(const SourceInfo& source) {
  J out = J::object();
  ShownName shown = shown_name(source.name);
  out["name"] = std::move(shown.name);
  if (shown.bytes) out["name_bytes"] = std::move(*shown.bytes);
  out["sha256"] = source.sha256;
  out["bytes"] = source.bytes;
  out["format"] = source_format_name(source.format);
  out["encoding"] = source.encoding;
  return out;
}

template <class J>
J column_dom(const Column& column) {
  J out = J::object();
  out["role"] = column_role_name(column.role);
  out["header"] = null_or<J>(column.header);
  return out;
}

template <class J>
J section_dom(const Section& section) {
  J out = J::object();
  out["number"] = section.number;
  out["title"] = section.title;
  out["line"] = section.line;
  return out;
}

template <class J>
J abbreviation_dom(const Abbreviation& abbreviation) {
  J out = J::object();
  out["abbr"] = abbreviation.abbr;
  out["name"] = abbreviation.name;
  out["id"] = null_or<J>(abbreviation.id);
  out["line"] = abbreviation.line;
  return out;
}

template <class J>
J diagnostic_dom(const Diagnostic& diagnostic) {
  J out = J::object();
  out["severity"] = std::string(severity_name(diagnostic.severity));
  out["code"] = std::string(code_name(diagnostic.code));
  out["message"] = diagnostic.message;
  out["line"] = diagnostic.line;
  return out;
}

template <class J>
J string_dom(const std::string& text) {
  return J(text);
}

template <class J, class T, class F>
J array_dom(const std::vector<T>& values, F element_dom) {
  J out = J::array();
  for (const T& value : values) out.push_back(element_dom(value));
  return out;
}

// The plan's scalars and objects, each array empty unless `with_arrays`.
template <class J>
J plan_dom(const Plan& plan, bool with_arrays) {
  J out = J::object();
  out["schema_version"] = kSchemaVersion;
  out["source"] = source_dom<J>(plan.source);
  out["language"] = plan.language;
  out["title"] = null_or<J>(plan.title);
  out["intro"] = with_arrays ? array_dom<J>(plan.intro, string_dom<J>) : J::array();
  out["act"] = act_dom<J>(plan.act);
  out["published"] = null_or<J>(plan.published);
  out["columns"] = with_arrays ? array_dom<J>(plan.columns, column_dom<J>) : J::array();
  out["sections"] = with_arrays ? array_dom<J>(plan.sections, section_dom<J>) : J::array();
  out["activities"] = with_arrays ? array_dom<J>(plan.activities, activity_dom<J>) : J::array();
  out["abbreviations"] = with_arrays ? array_dom<J>(plan.abbreviations, abbreviation_dom<J>) : J::array();
  out["diagnostics"] = with_arrays ? array_dom<J>(plan.diagnostics, diagnostic_dom<J>) : J::array();
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

nlohmann::ordered_json to_json(const Plan& plan) { return plan_dom<ordered_json>(plan, /*with_arrays=*/true); }

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

// --- The streaming emitter ------------------------------------------------------------------

namespace {

// The C1 controls (U+0080-U+009F, UTF-8 C2 80-C2 9F) in JSON text from `from` on, as \u0080-
// \u009f: the same JSON data, but a terminal never sees them raw (U+009B is CSI, which starts
// an escape sequence as ESC [ does). C0 controls are escaped by every JSON serializer already.
// In UTF-8 JSON text C2 is only ever a lead byte, and JSON's structure is ASCII, so this is
// an escape inside strings and nothing else. The one place the rule lives: the streaming
// writer below and dump_json (every nlohmann dump planparse prints) both call it, so a plan
// prints the same bytes whether stdout is a terminal or a file.
void escape_c1_controls(std::string& json, size_t from) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t at = json.find('\xC2', from);
  if (at == std::string::npos) return;
  std::string out;  // the text from `at` on, escaped: only that part is copied
  for (size_t i = at; i < json.size(); ++i) {
    const auto next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
    if (json[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0x0F];
      ++i;
    } else {
      out += json[i];
    }
  }
  json.resize(at);
  json += out;
}

// JSON text byte for byte as dump_json prints an ordered_json (nlohmann's dump(), C1 controls
// escaped): indent 2 with ": " after a key when pretty, no spaces at all when compact, "{}"
// and "[]" for empty containers, strings escaped as its serializer does without ensure_ascii
// (the six short escapes, other controls, C0 and C1, as \u00xx in lower-case hex, everything
// else as it is). Where nlohmann throws on text that is not UTF-8, the writer notes it and
// render_plan reports it.
class JsonWriter {
 public:
  JsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name) {
    next();
    text(name);
    out_ += pretty_ ? ": " : ":";
    keyed_ = true;
  }
  void string(std::string_view value) {
    next();
    text(value);
  }
  void optional(const std::optional<std::string>& value) {
    if (value) {
      string(*value);
    } else {
      null();
    }
  }
  void number(long long value) {
    next();
    char digits[24];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, end.ptr);
  }
  void boolean(bool value) {
    next();
    out_ += value ? "true" : "false";
  }
  void null() {
    next();
    out_ += "null";
  }
  void newline() { out_ += '\n'; }
  // False once some text written was not UTF-8; reset by the caller.
  bool& utf8() { return utf8_; }

 private:
  // Before a value: nothing after a key; else the comma and the line break of a container.
  void next() {
    if (keyed_) {
      keyed_ = false;
      return;
    }
    if (filled_.empty()) return;
    if (filled_.back()) out_ += ',';
    filled_.back() = true;
    if (pretty_) {
      out_ += '\n';
      out_.append(2 * filled_.size(), ' ');
    }
  }
  void open(char bracket) {
    next();
    out_ += bracket;
    filled_.push_back(false);
  }
  void close(char bracket) {
    const bool filled = filled_.back();
    filled_.pop_back();
    if (filled && pretty_) {
      out_ += '\n';
      out_.append(2 * filled_.size(), ' ');
    }
    out_ += bracket;
  }
  void text(std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    const size_t start = out_.size();
    bool c1 = false;
    out_ += '"';
    size_t plain = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < value.size();) {
      const auto byte = static_cast<unsigned char>(value[i]);
      if (byte >= 0x80) {
        const size_t length = utf8_length(value, i);
        if (length == 0) utf8_ = false;
        if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(value[i + 1]) <= 0x9F) c1 = true;
        i += length == 0 ? 1 : length;
        continue;
      }
      if (byte >= 0x20 && byte != '"' && byte != '\\') {
        ++i;
        continue;
      }
      out_.append(value, plain, i - plain);
      switch (byte) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[byte >> 4];
          out_ += kHex[byte & 0x0F];
      }
      plain = ++i;
    }
    out_.append(value, plain, value.size() - plain);
    out_ += '"';
    if (c1) escape_c1_controls(out_, start);
  }

  std::string& out_;
  bool pretty_;
  bool keyed_ = false;
  bool utf8_ = true;
  std::vector<bool> filled_;  // per open container: has it a member yet
};

// Each part written in the order and with the keys of the *_dom builders above; test_schema's
// [render] cases hold the two to the same bytes.
void write_deadline(JsonWriter& w, const std::optional<Deadline>& deadline) {
  if (!deadline) return w.null();
  w.begin_object();
  w.key("text"), w.string(deadline->text);
  w.key("from"), w.optional(deadline->from);
  w.key("to"), w.optional(deadline->to);
  w.key("recurrence");
  if (deadline->recurrence) {
    w.string(recurrence_name(*deadline->recurrence));
  } else {
    w.null();
  }
  w.end_object();
}

void write_activity(JsonWriter& w, const Activity& activity) {
  w.begin_object();
  w.key("number"), w.number(activity.number);
  if (activity.label) w.key("label"), w.string(*activity.label);
  w.key("section"), w.optional(activity.section);
  w.key("name"), w.string(activity.name);
  w.key("items"), w.begin_array();
  for (const std::string& item : activity.items) w.string(item);
  w.end_array();
  w.key("outcomes"), w.begin_array();
  for (const Outcome& outcome : activity.outcomes) {
    w.begin_object();
    w.key("text"), w.string(outcome.text);
    w.key("task"), w.optional(outcome.task);
    w.key("deadline"), write_deadline(w, outcome.deadline);
    w.end_object();
  }
  w.end_array();
  w.key("agencies"), w.begin_array();
  for (const Agency& agency : activity.agencies) {
    w.begin_object();
    w.key("text"), w.string(agency.text);
    w.key("kind"), w.string(agency_kind_name(agency.kind));
    w.key("abbr"), w.optional(agency.abbr);
    w.key("name"), w.optional(agency.name);
    w.key("id"), w.optional(agency.id);
    w.key("as_agreed"), w.boolean(agency.as_agreed);
    w.end_object();
  }
  w.end_array();
  // An ordered_json object keeps the first of two equal keys, in its place, with the last value.
  w.key("extra"), w.begin_object();
  for (size_t i = 0; i < activity.extra.size(); ++i) {
    const std::string& header = activity.extra[i].first;
    bool first = true;
    for (size_t k = 0; k < i && first; ++k) first = activity.extra[k].first != header;
    if (!first) continue;
    const std::string* text = &activity.extra[i].second;
    for (size_t k = i + 1; k < activity.extra.size(); ++k) {
      if (activity.extra[k].first == header) text = &activity.extra[k].second;
    }
    w.key(header), w.string(*text);
  }
  w.end_object();
  w.key("line"), w.number(activity.line);
  w.end_object();
}

void write_column(JsonWriter& w, const Column& column) {
  w.begin_object();
  w.key("role"), w.string(column_role_name(column.role));
  w.key("header"), w.optional(column.header);
  w.end_object();
}

void write_section(JsonWriter& w, const Section& section) {
  w.begin_object();
  w.key("number"), w.string(section.number);
  w.key("title"), w.string(section.title);
  w.key("line"), w.number(section.line);
  w.end_object();
}

void write_abbreviation(JsonWriter& w, const Abbreviation& abbreviation) {
  w.begin_object();
  w.key("abbr"), w.string(abbreviation.abbr);
  w.key("name"), w.string(abbreviation.name);
  w.key("id"), w.optional(abbreviation.id);
  w.key("line"), w.number(abbreviation.line);
  w.end_object();
}

void write_diagnostic(JsonWriter& w, const Diagnostic& diagnostic) {
  w.begin_object();
  w.key("severity"), w.string(severity_name(diagnostic.severity));
  w.key("code"), w.string(code_name(diagnostic.code));
  w.key("message"), w.string(diagnostic.message);
  w.key("line"), w.number(diagnostic.line);
  w.end_object();
}

void write_string(JsonWriter& w, const std::string& text) { w.string(text); }

// The plan schema cut for streaming: the whole schema checks the document with its arrays
// empty, and each array's `items` schema checks its elements one by one. That is the same
// check only while those arrays say nothing but their items' schema (no minItems,
// uniqueItems, contains): load_stream_schemas refuses a schema that does.
constexpr const char* kStreamedArrays[] = {"intro", "columns", "sections", "activities", "abbreviations", "diagnostics"};

struct StreamSchemas {
  std::map<std::string, LoadedSchema> items;
  std::string error;
};

StreamSchemas load_stream_schemas() {
  StreamSchemas out;
  const nlohmann::json document = nlohmann::json::parse(plan_schema_text(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    out.error = "the embedded schema is not valid JSON";
    return out;
  }
  try {
    for (const char* name : kStreamedArrays) {
      const nlohmann::json& array = document.at("properties").at(name);
      for (const auto& [keyword, value] : array.items()) {
        if (keyword != "description" && keyword != "type" && keyword != "items") {
          out.error = std::string("the plan schema constrains /") + name + " by \"" + keyword +
                      "\", which an element-by-element check cannot see";
          return out;
        }
      }
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(array.at("items"));
      parser.populateSchema(adapter, *schema);
      out.items[name].schema = std::move(schema);
    }
  } catch (const std::exception& e) {
    out.error = std::string("the embedded schema cannot be cut for streaming: ") + e.what();
  }
  return out;
}

const StreamSchemas& stream_schemas() {
  static const StreamSchemas loaded = load_stream_schemas();
  return loaded;
}

// One render: the writer, the validator (it caches compiled patterns across elements) and the
// violations found so far. It checks (builds each element's DOM and validates it), writes,
// or both; written bytes are kept whole, handed on to a sink in pieces, or, when only
// checking, dropped after each element.
class Renderer {
 public:
  enum class Bytes { keep, sink, drop };

  Renderer(std::string& out, bool pretty, bool check, Bytes bytes, const std::function<bool(std::string_view)>* sink = nullptr)
      : out_(out), writer_(out, pretty), validator_(valijson::Validator::kStrongTypes), check_(check), bytes_(bytes),
        sink_(sink) {}

  JsonWriter& writer() { return writer_; }
  bool checking() const { return check_; }

  // `document` against `schema`, its pointers under `prefix` (built only for a violation).
  template <class Prefix>
  void check(const valijson::Schema& schema, const nlohmann::json& document, const Prefix& prefix) {
    try {
      valijson::ValidationResults results;
      valijson::adapters::NlohmannJsonAdapter adapter(document);
      if (validator_.validate(schema, adapter, &results)) return;
      std::vector<SchemaViolation> found = leaf_violations(results);
      if (found.empty()) found.push_back({"", "the document does not match its schema"});
      for (SchemaViolation& violation : found) schema_.push_back({prefix() + violation.pointer, std::move(violation.message)});
    } catch (const std::exception& e) {
      schema_.push_back({prefix(), std::string("the document cannot be validated: ") + e.what()});
    }
  }

  // After a part of the document: text that was not UTF-8 is a violation at `prefix`, and the
  // bytes written so far go where they go.
  template <class Prefix>
  void part_done(const Prefix& prefix) {
    if (!writer_.utf8()) {
      if (check_) schema_.push_back({prefix(), "text that is not UTF-8"});
      writer_.utf8() = true;
    }
    if (bytes_ == Bytes::drop) {
      out_.clear();
    } else if (bytes_ == Bytes::sink && out_.size() >= kPiece) {
      flush();
    }
  }

  // The bytes not yet handed to the sink; false once the sink has refused some.
  bool flush() {
    if (bytes_ == Bytes::sink && sink_ != nullptr && sink_ok_ && !out_.empty()) sink_ok_ = (*sink_)(out_);
    if (bytes_ != Bytes::keep) out_.clear();
    return sink_ok_;
  }

  // One array of the plan, element by element: written, then checked.
  template <class T, class Write, class Dom>
  void array(const char* name, const std::vector<T>& values, Write write, Dom dom) {
    JsonWriter& w = writer_;
    w.key(name);
    w.begin_array();
    const valijson::Schema* schema = check_ ? stream_schemas().items.at(name).schema.get() : nullptr;
    for (size_t i = 0; i < values.size() && sink_ok_; ++i) {
      write(w, values[i]);
      const auto prefix = [&] { return std::string("/") + name + "/" + std::to_string(i); };
      if (check_) {
        const nlohmann::json element = dom(values[i]);
        check(*schema, element, prefix);
        if constexpr (std::is_same_v<T, Activity>) {
          for (SchemaViolation& v : activity_calendar_violations(element, i)) calendar_.push_back(std::move(v));
        }
      }
      part_done(prefix);
    }
    w.end_array();
  }

  void add_schema(std::vector<SchemaViolation> found) {
    for (SchemaViolation& v : found) schema_.push_back(std::move(v));
  }
  void add_calendar(std::vector<SchemaViolation> found) {
    for (SchemaViolation& v : found) calendar_.push_back(std::move(v));
  }

  // The schema's violations, then the calendar's at places the schema did not already name
  // (as validate_plan).
  std::vector<SchemaViolation> violations() {
    for (SchemaViolation& violation : calendar_) {
      if (std::none_of(schema_.begin(), schema_.end(),
                       [&](const SchemaViolation& v) { return v.pointer == violation.pointer; })) {
        schema_.push_back(std::move(violation));
      }
    }
    calendar_.clear();
    return std::move(schema_);
  }

 private:
  static constexpr size_t kPiece = size_t{64} << 10;

  std::string& out_;
  JsonWriter writer_;
  valijson::Validator validator_;
  bool check_;
  Bytes bytes_;
  const std::function<bool(std::string_view)>* sink_;
  bool sink_ok_ = true;
  std::vector<SchemaViolation> schema_;
  std::vector<SchemaViolation> calendar_;
};

// The whole document through `renderer`, in the contract's order.
void render(const Plan& plan, Renderer& renderer) {
  JsonWriter& w = renderer.writer();
  const auto root = [] { return std::string(); };
  // The document without its arrays' elements: the schema's root, the act's and the
  // publication's dates.
  if (renderer.checking()) {
    const nlohmann::json document = plan_dom<nlohmann::json>(plan, /*with_arrays=*/false);
    renderer.add_schema(validate_against(plan_schema_text(), document));
    renderer.add_calendar(calendar_violations(document));
  }
  w.begin_object();
  w.key("schema_version"), w.string(kSchemaVersion);
  w.key("source"), w.begin_object();
  {
    const ShownName shown = shown_name(plan.source.name);
    w.key("name"), w.string(shown.name);
    if (shown.bytes) w.key("name_bytes"), w.string(*shown.bytes);
  }
  w.key("sha256"), w.string(plan.source.sha256);
  w.key("bytes"), w.number(plan.source.bytes);
  w.key("format"), w.string(source_format_name(plan.source.format));
  w.key("encoding"), w.string(plan.source.encoding);
  w.end_object();
  w.key("language"), w.string(plan.language);
  w.key("title"), w.optional(plan.title);
  renderer.part_done(root);
  renderer.array("intro", plan.intro, write_string, string_dom<nlohmann::json>);
  w.key("act");
  if (plan.act) {
    w.begin_object();
    w.key("date"), w.optional(plan.act->date);
    w.key("number"), w.optional(plan.act->number);
    w.end_object();
  } else {
    w.null();
  }
  w.key("published"), w.optional(plan.published);
  renderer.part_done(root);
  renderer.array("columns", plan.columns, write_column, column_dom<nlohmann::json>);
  renderer.array("sections", plan.sections, write_section, section_dom<nlohmann::json>);
  renderer.array("activities", plan.activities, write_activity, activity_dom<nlohmann::json>);
  renderer.array("abbreviations", plan.abbreviations, write_abbreviation, abbreviation_dom<nlohmann::json>);
  renderer.array("diagnostics", plan.diagnostics, write_diagnostic, diagnostic_dom<nlohmann::json>);
  w.end_object();
  w.newline();
  renderer.part_done(root);
}

Failure schema_failure(const SchemaViolation& first) {
  return Failure{Code::internal_error, "output breaks the schema at \"" + first.pointer + "\": " + first.message,
                 first.pointer};
}

}  // namespace

Rendered render_plan_checked(const Plan& plan, bool compact) {
  Rendered rendered;
  const StreamSchemas& schemas = stream_schemas();
  if (!schemas.error.empty()) {
    rendered.violations.push_back({"", schemas.error});
    return rendered;
  }
  Renderer renderer(rendered.text, !compact, /*check=*/true, Renderer::Bytes::keep);
  render(plan, renderer);
  rendered.violations = renderer.violations();
  if (!rendered.violations.empty()) rendered.text = std::string();
  return rendered;
}

Result<std::string> render_plan(const Plan& plan, bool compact) {
  Rendered rendered = render_plan_checked(plan, compact);
  if (rendered.violations.empty()) return std::move(rendered.text);
  return schema_failure(rendered.violations.front());
}

std::optional<Failure> stream_plan(const Plan& plan, bool compact, const std::function<bool(std::string_view)>& sink) {
  const StreamSchemas& schemas = stream_schemas();
  if (!schemas.error.empty()) return schema_failure({"", schemas.error});
  std::string buffer;
  {
    Renderer checker(buffer, !compact, /*check=*/true, Renderer::Bytes::drop);
    render(plan, checker);
    const std::vector<SchemaViolation> violations = checker.violations();
    if (!violations.empty()) return schema_failure(violations.front());
  }
  Renderer writer(buffer, !compact, /*check=*/false, Renderer::Bytes::sink, &sink);
  render(plan, writer);
  if (!writer.flush()) return Failure{Code::io_error, "cannot write", ""};
  return std::nullopt;
}

std::string dump_json(const nlohmann::ordered_json& json, int indent) {
  // `replace`: a stray byte that is not UTF-8 prints as U+FFFD rather than throwing.
  std::string text = json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  escape_c1_controls(text, 0);
  return text;
}

}  // namespace planparse
