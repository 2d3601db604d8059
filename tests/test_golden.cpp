// Golden samples, end to end. Every samples/X.expected.json is the output written by hand for
// samples/X.txt (or X.html / X.htm / X.docx): read, parse, emit, and compare with it. Diagnostics are
// compared by severity, code and line; their messages are free wording and are left out on
// both sides. On a mismatch the differing JSON pointers are listed, one sample per section.
// samples/README.md says where each sample comes from and what it exercises.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

using namespace planparse;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExpectedSuffix = ".expected.json";
constexpr std::size_t kMaxReportedDifferences = 60;
constexpr std::size_t kMaxShownValue = 240;

struct Sample {
  std::string stem;    // "follow-up-plan-2022.en"
  fs::path expected;   // samples/<stem>.expected.json
  fs::path input;      // samples/<stem>.txt, .html, .htm or .docx; empty when there is none
};

fs::path samples_dir() { return fs::path(PLANPARSE_SOURCE_DIR) / "samples"; }

// Every samples/*.expected.json with the input of the same stem, sorted by stem.
std::vector<Sample> find_samples() {
  std::vector<Sample> samples;
  std::error_code error;
  if (!fs::is_directory(samples_dir(), error)) return samples;
  for (const fs::directory_entry& entry : fs::directory_iterator(samples_dir())) {
    if (!entry.is_regular_file()) continue;
    const std::string file = entry.path().filename().string();
    if (file.size() <= kExpectedSuffix.size() || !file.ends_with(kExpectedSuffix)) continue;
    Sample sample;
    sample.stem = file.substr(0, file.size() - kExpectedSuffix.size());
    sample.expected = entry.path();
    for (const char* extension : {".txt", ".html", ".htm", ".docx"}) {
      const fs::path candidate = samples_dir() / (sample.stem + extension);
      if (fs::is_regular_file(candidate)) {
        sample.input = candidate;
        break;
      }
    }
    samples.push_back(std::move(sample));
  }
  std::sort(samples.begin(), samples.end(),
            [](const Sample& a, const Sample& b) { return a.stem < b.stem; });
  return samples;
}

using testing::read_file;

// Diagnostic messages are wording, not data: the golden files do not pin them.
template <class Json>
void drop_diagnostic_messages(Json& plan) {
  if (!plan.is_object() || !plan.contains("diagnostics") || !plan["diagnostics"].is_array()) return;
  for (auto& diagnostic : plan["diagnostics"]) {
    if (diagnostic.is_object()) diagnostic.erase("message");
  }
}

std::string shown(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > kMaxShownValue) text = text.substr(0, kMaxShownValue) + "...";
  return text;
}

std::string shown_at(const nlohmann::json& document, const std::string& pointer) {
  try {
    return shown(document.at(nlohmann::json::json_pointer(pointer)));
  } catch (const nlohmann::json::exception&) {
    return "(nothing)";
  }
}

// One line per JSON pointer where `actual` differs from `expected`.
std::string describe_differences(const nlohmann::json& expected, const nlohmann::json& actual) {
  const nlohmann::json patch = nlohmann::json::diff(expected, actual);
  std::ostringstream out;
  out << patch.size() << " difference(s), expected -> actual:\n";
  std::size_t reported = 0;
  for (const nlohmann::json& operation : patch) {
    if (reported++ == kMaxReportedDifferences) {
      out << "  ... and " << (patch.size() - kMaxReportedDifferences) << " more\n";
      break;
    }
    const std::string op = operation.value("op", "");
    const std::string path = operation.value("path", "");
    out << "  " << (path.empty() ? "(root)" : path) << ": ";
    if (op == "replace") {
      out << shown_at(expected, path) << " -> " << shown(operation.at("value"));
    } else if (op == "remove") {
      out << "expected " << shown_at(expected, path) << ", missing";
    } else if (op == "add") {
      out << "unexpected " << shown(operation.at("value"));
    } else {
      out << shown(operation);
    }
    out << "\n";
  }
  return out.str();
}

// The contract fixes the order of keys: the first object whose keys come in another order.
std::optional<std::string> key_order_difference(const nlohmann::ordered_json& expected,
                                                const nlohmann::ordered_json& actual,
                                                const std::string& pointer = "") {
  if (expected.is_object() && actual.is_object()) {
    std::vector<std::string> expected_keys, actual_keys;
    for (auto it = expected.begin(); it != expected.end(); ++it) expected_keys.push_back(it.key());
    for (auto it = actual.begin(); it != actual.end(); ++it) actual_keys.push_back(it.key());
    if (expected_keys != actual_keys) {
      std::string message = (pointer.empty() ? "(root)" : pointer) + ": expected keys";
      for (const std::string& key : expected_keys) message += " " + key;
      message += "; got";
      for (const std::string& key : actual_keys) message += " " + key;
      return message;
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (auto found = key_order_difference(it.value(), actual.at(it.key()), pointer + "/" + it.key())) {
        return found;
      }
    }
  } else if (expected.is_array() && actual.is_array()) {
    for (std::size_t i = 0; i < expected.size() && i < actual.size(); ++i) {
      if (auto found = key_order_difference(expected[i], actual[i], pointer + "/" + std::to_string(i))) {
        return found;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("there are at least two golden samples, each with its input", "[golden]") {
  const std::vector<Sample> samples = find_samples();
  CHECK(samples.size() >= 2);
  for (const Sample& sample : samples) {
    INFO("sample " << sample.stem << ": no samples/" << sample.stem << ".txt, .html, .htm or .docx");
    CHECK_FALSE(sample.input.empty());
  }
}

TEST_CASE("every sample's expected JSON validates against the schema", "[golden]") {
  const std::vector<Sample> samples = find_samples();
  REQUIRE_FALSE(samples.empty());
  for (const Sample& sample : samples) {
    DYNAMIC_SECTION("sample " << sample.stem) {
      nlohmann::json expected;
      REQUIRE_NOTHROW(expected = nlohmann::json::parse(read_file(sample.expected)));
      const std::vector<SchemaViolation> violations = validate_plan(expected);
      std::ostringstream listing;
      for (const SchemaViolation& violation : violations) {
        listing << "  " << (violation.pointer.empty() ? "(root)" : violation.pointer) << ": "
                << violation.message << "\n";
      }
      INFO(sample.expected.filename().string() << " breaks the schema:\n" << listing.str());
      CHECK(violations.empty());
    }
  }
}

TEST_CASE("every sample parses to its expected JSON", "[golden]") {
  const std::vector<Sample> samples = find_samples();
  REQUIRE_FALSE(samples.empty());
  for (const Sample& sample : samples) {
    DYNAMIC_SECTION("sample " << sample.stem) {
      INFO("sample " << sample.stem);
      REQUIRE_FALSE(sample.input.empty());

      nlohmann::ordered_json expected;
      REQUIRE_NOTHROW(expected = nlohmann::ordered_json::parse(read_file(sample.expected)));

      Result<Source> source = read_source(sample.input.string());
      INFO("read_source: " << (source.ok() ? std::string("ok") : source.error().message));
      REQUIRE(source.ok());

      Result<Plan> plan = parse_source(source.value());
      INFO("parse_source: " << (plan.ok() ? std::string("ok") : plan.error().message));
      REQUIRE(plan.ok());

      nlohmann::ordered_json actual = to_json(plan.value());
      drop_diagnostic_messages(expected);
      drop_diagnostic_messages(actual);

      // Compare as unordered JSON for a readable list of pointers, then the key order.
      const nlohmann::json expected_value = nlohmann::json::parse(expected.dump());
      const nlohmann::json actual_value = nlohmann::json::parse(actual.dump());
      const bool same = expected_value == actual_value;
      INFO((same ? std::string() : describe_differences(expected_value, actual_value)));
      CHECK(same);
      if (same) {
        const std::optional<std::string> order = key_order_difference(expected, actual);
        INFO("keys out of the contract's order at " << order.value_or("-"));
        CHECK_FALSE(order.has_value());
      }
    }
  }
}

TEST_CASE("parsing a sample twice in one process gives the same bytes", "[golden][determinism]") {
  // Caches (the deadline phrase table, compiled patterns) must not change a second result.
  const auto parse_to_text = [](const fs::path& input) {
    Result<Source> source = read_source(input.string());
    REQUIRE(source.ok());
    Result<Plan> plan = parse_source(source.value());
    REQUIRE(plan.ok());
    return to_json(plan.value()).dump(2);
  };
  for (const Sample& sample : find_samples()) {
    INFO(sample.input.filename().string());
    const std::string first = parse_to_text(sample.input);
    CHECK(first == parse_to_text(sample.input));
  }
}
