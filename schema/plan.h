// The data model of one parsed plan: what `planparse parse` emits (schema/emit.h) and what
// schema/plan.schema.json describes field by field. Plain structs, no behaviour.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../ingest/diagnostic.h"  // relative: installed, under <planparse/schema/>
#include "../ingest/names.h"
#include "../ingest/source_format.h"

namespace planparse {

inline constexpr const char* kSchemaVersion = "1.1";

struct SourceInfo {
  std::string name;      // file name as given ("-" reads stdin, named "<stdin>")
  std::string sha256;    // of the bytes as read, lower-case hex
  long long bytes = 0;
  SourceFormat format = SourceFormat::text;
  std::string encoding;  // the charset the bytes were decoded from, e.g. "UTF-8"
};

// How often a deadline's work repeats. The vocabulary's `recurrence.<name>` phrases
// (parsers/vocab/*.tsv) name these values by the same names.
enum class Recurrence { annual, semiannual, quarterly, monthly, ongoing };
inline constexpr std::array<Named<Recurrence>, 5> kRecurrenceNames = {{{Recurrence::annual, "annual"},
                                                                       {Recurrence::semiannual, "semiannual"},
                                                                       {Recurrence::quarterly, "quarterly"},
                                                                       {Recurrence::monthly, "monthly"},
                                                                       {Recurrence::ongoing, "ongoing"}}};
static_assert(lists_in_order(kRecurrenceNames));
constexpr std::string_view recurrence_name(Recurrence recurrence) { return name_in(kRecurrenceNames, recurrence); }
constexpr std::optional<Recurrence> recurrence_from_name(std::string_view name) {
  return value_named(kRecurrenceNames, name);
}

// Inclusive ISO dates (YYYY-MM-DD); null when open or unparsed.
struct Deadline {
  std::string text;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<Recurrence> recurrence;  // null when the work is done once
};

// One outcome/deadline pair of an activity; `task` names the part of a multi-part name
// cell it belongs to.
struct Outcome {
  std::string text;
  std::optional<std::string> task;
  std::optional<Deadline> deadline;  // null when the row has no deadline for this outcome
};

enum class AgencyKind {
  agency,  // one body, abbreviated or written out
  group,   // a class of bodies ("and other central bodies")
};
inline constexpr std::array<Named<AgencyKind>, 2> kAgencyKindNames = {
    {{AgencyKind::agency, "agency"}, {AgencyKind::group, "group"}}};
static_assert(lists_in_order(kAgencyKindNames));
constexpr std::string_view agency_kind_name(AgencyKind kind) { return name_in(kAgencyKindNames, kind); }
constexpr std::optional<AgencyKind> agency_kind_from_name(std::string_view name) {
  return value_named(kAgencyKindNames, name);
}

struct Agency {
  std::string text;                 // the entry as published, marker included
  AgencyKind kind = AgencyKind::agency;
  std::optional<std::string> abbr;  // the glossary's form of the abbreviation
  std::optional<std::string> name;  // full name: from the glossary, or as written out
  bool as_agreed = false;
  // The body's id in the registry of government bodies (parsers/registry.h); null when the
  // registry does not know it. Links the same body across languages and renamings.
  std::optional<std::string> id;
};

struct Activity {
  int number = 0;  // as printed; of a number in parts ("1.2"), its last part
  // The number as printed when it has parts ("1.2", "2.3": rows numbered within their section
  // or group), without its closing "." or ")"; none for a plain number ("1.", "1)").
  std::optional<std::string> label;
  std::optional<std::string> section;  // the section's number
  std::string name;                    // paragraphs of the name cell joined with '\n'
  std::vector<std::string> items;      // bullet paragraphs of the name cell, bullet removed
  std::vector<Outcome> outcomes;
  std::vector<Agency> agencies;
  // The cells of the columns of role `other` (expected costs, funding source), keyed by
  // the column's header, in column order; paragraphs joined with '\n'.
  std::vector<std::pair<std::string, std::string>> extra;
  int line = 0;                        // where the row's number stands
};

// What a column of the plan's table holds. Every role but `other` names at most one column.
// The vocabulary's header word families are named after these (`header.<name>`,
// parsers/vocab/*.tsv), and the parsers index per-role arrays by the enumerator, so the order is
// the table's and `other` stays last.
enum class ColumnRole { number, name, outcome, deadline, agencies, other };
inline constexpr std::array<Named<ColumnRole>, 6> kColumnRoleNames = {{{ColumnRole::number, "number"},
                                                                       {ColumnRole::name, "name"},
                                                                       {ColumnRole::outcome, "outcome"},
                                                                       {ColumnRole::deadline, "deadline"},
                                                                       {ColumnRole::agencies, "agencies"},
                                                                       {ColumnRole::other, "other"}}};
static_assert(lists_in_order(kColumnRoleNames));
constexpr std::string_view column_role_name(ColumnRole role) { return name_in(kColumnRoleNames, role); }
constexpr std::optional<ColumnRole> column_role_from_name(std::string_view name) {
  return value_named(kColumnRoleNames, name);
}

struct Column {
  ColumnRole role = ColumnRole::other;
  std::optional<std::string> header;  // header text; null when the document prints none
};

struct Section {
  std::string number;
  std::string title;
  int line = 0;
};

struct Abbreviation {
  std::string abbr;
  std::string name;
  int line = 0;
  std::optional<std::string> id;  // the named body's registry id, as Agency::id
};

struct Act {
  std::optional<std::string> date;
  std::optional<std::string> number;
};

struct Plan {
  SourceInfo source;
  std::string language = "en";
  std::optional<std::string> title;
  std::vector<std::string> intro;  // paragraphs between the title and the table
  std::optional<Act> act;
  std::optional<std::string> published;
  std::vector<Column> columns;
  std::vector<Section> sections;
  std::vector<Activity> activities;
  std::vector<Abbreviation> abbreviations;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace planparse
