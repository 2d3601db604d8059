// Feeds, step 1: one parsed plan flattened into the rows of the relational form that
// schema/plan.sql defines (documents, intro, columns, sections, activities, items, outcomes,
// agencies, extras, abbreviations, diagnostics; failures for inputs that did not parse). The CSV and SQLite
// writers (csv.h, sqlite.h) both take these rows, so the two forms cannot drift apart.
// Tested by test_feeds.cpp.
#pragma once

#include <array>
#include <optional>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/diagnostic.h"
#include "schema/plan.h"

namespace planparse::feeds {

// SQL NULL (an empty CSV field), an integer, or text.
using Value = std::variant<std::monostate, long long, std::string>;
using Row = std::vector<Value>;

// In the order of schema/plan.sql.
enum class Table {
  documents, intro, columns, sections, activities, items, outcomes, agencies, extras, abbreviations, diagnostics, failures
};
inline constexpr size_t kTableCount = 12;

struct TableSpec {
  std::string_view name;
  std::vector<std::string_view> columns;  // as in schema/plan.sql, in its order
};

// The tables' names and columns; test_feeds.cpp checks them against schema/plan.sql.
const std::array<TableSpec, kTableCount>& table_specs();
const TableSpec& spec(Table table);

// A table's columns as an earlier planparse wrote them. A database holding one is migrated
// (sqlite.cpp runs `migration` after plan.sql, with an earlier `failures` renamed
// failures_before); a CSV file headed by one is planparse's and is replaced (csv.cpp).
struct EarlierLayout {
  Table table;
  std::vector<std::string_view> columns;
  std::string_view migration;
};
// Oldest first.
const std::vector<EarlierLayout>& earlier_layouts();

struct Rows {
  std::array<std::vector<Row>, kTableCount> tables;
  std::vector<Row>& operator[](Table table) { return tables[static_cast<size_t>(table)]; }
  const std::vector<Row>& operator[](Table table) const { return tables[static_cast<size_t>(table)]; }
};

// Where the document came from and when it was read, which the plan itself does not hold.
struct Provenance {
  std::string path;
  std::string ingested_at;  // UTC ISO 8601
};

// The rows of one document, with `document_id` and activity ids from `first_activity_id` on.
Rows flatten(const Plan& plan, const Provenance& provenance, long long document_id, long long first_activity_id);

// The plan back from the rows of one document (the inverse of flatten, `line`s and all):
// every field of the output has its column. nullopt when the rows are not one document's.
std::optional<Plan> unflatten(const Rows& rows);

// The row of an input that failed: its path (as documents' path: U+FFFD for a stray byte, its
// exact bytes beside it, "" when it is UTF-8), the sha256 of its bytes ("" when they could
// not be read), the failure's code, the error as one_line() prints it, and when.
Row failure_row(const std::string& path, const std::string& sha256, Code code, const std::string& error,
                const std::string& at);

// Now in UTC as "YYYY-MM-DDTHH:MM:SSZ", or the time SOURCE_DATE_EPOCH names when it is set
// (reproducible exports: two runs give the same bytes).
std::string timestamp_now();

}  // namespace planparse::feeds
