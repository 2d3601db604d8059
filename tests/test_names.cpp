// The name tables of the closed sets (ingest/names.h): every value has exactly one name, read
// back to the same value; any other text is no value; and each table names what the JSON
// schema lists, no more and no less, so the emitter and the readers cannot drift from it.
#include <catch2/catch.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diff/diff.h"
#include "ingest/diagnostic.h"
#include "ingest/names.h"
#include "ingest/source_format.h"
#include "parsers/vocabulary.h"
#include "schema/emit.h"
#include "schema/plan.h"

using namespace planparse;

namespace {

// Every enumerator from the first to `last` (the one declared last, so that one added after it
// without a row in the table fails here) has a name that reads back to it, and no two share one.
template <class E, std::size_t N>
void check_round_trip(const std::array<Named<E>, N>& table, E last) {
  CHECK(static_cast<std::size_t>(last) + 1 == N);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i <= static_cast<std::size_t>(last); ++i) {
    const E value = static_cast<E>(i);
    const std::string_view name = name_in(table, value);
    INFO("enumerator " << i << " named \"" << name << "\"");
    CHECK_FALSE(name.empty());
    CHECK(seen.insert(name).second);
    CHECK(value_named(table, name) == value);
  }
}

// Text that is almost a name: empty, other case, padded, a prefix, and a name of another set.
template <class E, std::size_t N>
void check_unknown_names(const std::array<Named<E>, N>& table) {
  for (const Named<E>& entry : table) {
    const std::string name(entry.name);
    INFO("near \"" << name << "\"");
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    CHECK_FALSE(value_named(table, upper));
    CHECK_FALSE(value_named(table, name + " "));
    CHECK_FALSE(value_named(table, " " + name));
    CHECK_FALSE(value_named(table, name.substr(0, name.size() - 1)));
  }
  CHECK_FALSE(value_named(table, ""));
  CHECK_FALSE(value_named(table, "json"));
  CHECK_FALSE(value_named(table, "unknown"));
}

// The "enum" of the plan schema at `pointer` (nulls left out), as a set.
std::set<std::string> schema_enum(const std::string& pointer) {
  const nlohmann::json schema = nlohmann::json::parse(plan_schema_text());
  std::set<std::string> out;
  for (const nlohmann::json& value : schema.at(nlohmann::json::json_pointer(pointer)).at("enum")) {
    if (!value.is_null()) out.insert(value.get<std::string>());
  }
  return out;
}

template <class E, std::size_t N>
std::set<std::string> table_names(const std::array<Named<E>, N>& table) {
  std::set<std::string> out;
  for (const Named<E>& entry : table) out.emplace(entry.name);
  return out;
}

}  // namespace

TEST_CASE("every severity round-trips through its name", "[names]") {
  check_round_trip(kSeverityNames, Severity::info);
  CHECK(severity_name(Severity::warning) == "warning");
  CHECK(severity_from_name("info") == Severity::info);
}

TEST_CASE("an unknown severity name gives no severity", "[names]") {
  check_unknown_names(kSeverityNames);
  CHECK_FALSE(severity_from_name("fatal"));
}

TEST_CASE("every source format round-trips through its name", "[names]") {
  check_round_trip(kSourceFormatNames, SourceFormat::docx);
  CHECK(source_format_name(SourceFormat::html) == "html");
  CHECK(source_format_from_name("docx") == SourceFormat::docx);
}

TEST_CASE("an unknown source format name gives no format", "[names]") {
  check_unknown_names(kSourceFormatNames);
  CHECK_FALSE(source_format_from_name("txt"));
}

TEST_CASE("the source format names are those the plan schema lists", "[names]") {
  CHECK(table_names(kSourceFormatNames) == schema_enum("/properties/source/properties/format"));
}

TEST_CASE("the severity names are those the plan schema lists", "[names]") {
  CHECK(table_names(kSeverityNames) == schema_enum("/properties/diagnostics/items/properties/severity"));
}

TEST_CASE("every recurrence round-trips through its name", "[names]") {
  check_round_trip(kRecurrenceNames, Recurrence::ongoing);
  CHECK(recurrence_name(Recurrence::semiannual) == "semiannual");
  CHECK(recurrence_from_name("quarterly") == Recurrence::quarterly);
}

TEST_CASE("an unknown recurrence name gives no recurrence", "[names]") {
  check_unknown_names(kRecurrenceNames);
  CHECK_FALSE(recurrence_from_name("weekly"));
  CHECK_FALSE(recurrence_from_name("annually"));
}

TEST_CASE("the recurrence names are those the plan schema lists", "[names]") {
  CHECK(table_names(kRecurrenceNames) ==
        schema_enum("/properties/activities/items/properties/outcomes/items/properties/deadline/properties/recurrence"));
}

TEST_CASE("every recurrence role of the built-in vocabulary names a recurrence", "[names]") {
  // parsers/deadline.cpp reads the value from the role's suffix, and skips a suffix with none.
  constexpr std::string_view kPrefix = "recurrence.";
  std::set<Recurrence> named;
  for (const auto& [role, phrases] : builtin_vocabulary().by_role) {
    if (!std::string_view(role).starts_with(kPrefix)) continue;
    INFO("role " << role);
    const std::optional<Recurrence> recurrence = recurrence_from_name(std::string_view(role).substr(kPrefix.size()));
    CHECK(recurrence);
    if (recurrence) named.insert(*recurrence);
  }
  CHECK(named.size() == kRecurrenceNames.size());
}

TEST_CASE("every agency kind round-trips through its name", "[names]") {
  check_round_trip(kAgencyKindNames, AgencyKind::group);
  CHECK(agency_kind_name(AgencyKind::agency) == "agency");
  CHECK(agency_kind_from_name("group") == AgencyKind::group);
}

TEST_CASE("an unknown agency kind name gives no kind", "[names]") {
  check_unknown_names(kAgencyKindNames);
  CHECK_FALSE(agency_kind_from_name("body"));  // the registry's word for one, not the plan's
}

TEST_CASE("the agency kind names are those the plan schema lists", "[names]") {
  CHECK(table_names(kAgencyKindNames) ==
        schema_enum("/properties/activities/items/properties/agencies/items/properties/kind"));
}

TEST_CASE("every diff mode, change kind and word edit round-trips through its name", "[names]") {
  check_round_trip(kDiffModeNames, DiffMode::translations);
  check_round_trip(kChangeKindNames, ChangeKind::renumbered);
  check_round_trip(kEditOpNames, EditOp::erase);
  CHECK(edit_op_name(EditOp::erase) == "delete");  // erase: `delete` is a C++ keyword
}

TEST_CASE("an unknown diff mode name, \"auto\" among them, gives no mode", "[names]") {
  check_unknown_names(kDiffModeNames);
  check_unknown_names(kChangeKindNames);
  check_unknown_names(kEditOpNames);
  CHECK_FALSE(diff_mode_from_name("auto"));
}

TEST_CASE("the change kind and word edit names are those the diff schema lists", "[names]") {
  const nlohmann::json schema = nlohmann::json::parse(diff_schema_text());
  const auto listed = [&](const std::string& pointer) {
    std::set<std::string> out;
    for (const nlohmann::json& value : schema.at(nlohmann::json::json_pointer(pointer)).at("enum")) out.insert(value.get<std::string>());
    return out;
  };
  CHECK(table_names(kChangeKindNames) == listed("/definitions/change/properties/kind"));
  CHECK(table_names(kEditOpNames) == listed("/definitions/words/items/properties/op"));
  CHECK(table_names(kDiffModeNames) == listed("/properties/mode"));
}

TEST_CASE("every column role round-trips through its name", "[names]") {
  check_round_trip(kColumnRoleNames, ColumnRole::other);
  CHECK(column_role_name(ColumnRole::agencies) == "agencies");
  CHECK(column_role_from_name("deadline") == ColumnRole::deadline);
}

TEST_CASE("an unknown column role name gives no role", "[names]") {
  check_unknown_names(kColumnRoleNames);
  CHECK_FALSE(column_role_from_name("title"));
  CHECK_FALSE(column_role_from_name("agency"));  // the agency kind's name, not the column's
}

TEST_CASE("the column role names are those the plan schema lists", "[names]") {
  CHECK(table_names(kColumnRoleNames) == schema_enum("/properties/columns/items/properties/role"));
}

TEST_CASE("every column role has header words in the built-in vocabulary", "[names]") {
  // parsers/header.cpp reads the word families "header.<name>" of each role by its name.
  for (const Named<ColumnRole>& role : kColumnRoleNames) {
    INFO("role " << role.name);
    CHECK_FALSE(builtin_vocabulary().phrases("header." + std::string(role.name)).empty());
  }
}
