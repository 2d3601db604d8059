// Feeds: a plan flattened into schema/plan.sql's tables, CSV quoting, and the SQLite store
// (one transaction per document, a sha256 stored once).
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "feeds/csv.h"
#include "feeds/relational.h"
#include "feeds/sqlite.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "support.h"

using namespace planparse;
using namespace planparse::feeds;

namespace {

Plan reference() {
  Result<Source> source = read_source(testing::sample("follow-up-plan-2022.en.txt").string());
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

// A fresh database file, removed at the end of the test.
struct TempDatabase {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("planparse-feeds-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
  ~TempDatabase() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static inline int counter = 0;
};

long long count(Database& database, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(database.handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const long long value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return value;
}

}  // namespace

TEST_CASE("CSV fields are quoted exactly when they hold a comma, a quote, CR or LF", "[feeds]") {
  CHECK(csv_field(Value()) == "");
  CHECK(csv_field(Value(42LL)) == "42");
  CHECK(csv_field(Value(std::string("MIA"))) == "MIA");
  CHECK(csv_field(Value(std::string("a, b"))) == "\"a, b\"");
  CHECK(csv_field(Value(std::string("NCE \"Atameken\""))) == "\"NCE \"\"Atameken\"\"\"");
  CHECK(csv_field(Value(std::string("one\ntwo"))) == "\"one\ntwo\"");
  CHECK(csv_field(Value(std::string("cr\r"))) == "\"cr\r\"");
  CHECK(csv_record(Row{1LL, Value(), std::string("x,y")}) == "1,,\"x,y\"\r\n");
}

TEST_CASE("the reference flattens into rows of every table with the columns plan.sql declares", "[feeds]") {
  const Plan plan = reference();
  const Rows rows = flatten(plan, Provenance{"dir/plan.txt", "2026-01-01T00:00:00Z"}, 7, 100);
  CHECK(rows[Table::documents].size() == 1);
  CHECK(rows[Table::sections].size() == 8);
  CHECK(rows[Table::activities].size() == 27);
  CHECK(rows[Table::abbreviations].size() == 26);
  CHECK(rows[Table::items].size() == 6);        // activity 12's bullets
  CHECK(rows[Table::outcomes].size() == 29);    // 25 single outcomes and two double ones
  CHECK(rows[Table::diagnostics].size() == 4);  // the look-alike warnings
  CHECK(rows[Table::intro].size() == 4);
  CHECK(rows[Table::columns].size() == 5);
  CHECK(rows[Table::extras].empty());
  for (size_t t = 0; t < kTableCount; ++t) {
    for (const Row& row : rows.tables[t]) CHECK(row.size() == table_specs()[t].columns.size());
  }
  // Ids: the document's, then activities numbered on from the first one given.
  CHECK(std::get<long long>(rows[Table::activities].front()[0]) == 100);
  CHECK(std::get<long long>(rows[Table::sections].back()[4]) == 371);  // sections keep their lines
  CHECK(std::get<long long>(rows[Table::activities].back()[0]) == 126);
  CHECK(std::get<long long>(rows[Table::activities].back()[1]) == 7);
  // Activity 16 (id 115) has 8 agencies, 7 as agreed; as_agreed is 0/1.
  long long agreed = 0;
  for (const Row& row : rows[Table::agencies]) {
    if (std::get<long long>(row[0]) == 115) agreed += std::get<long long>(row[7]);
  }
  CHECK(agreed == 7);
  // A null in the model is a null in the row: activity 1's deadline has no start.
  const Row& first_outcome = rows[Table::outcomes].front();
  CHECK(std::holds_alternative<std::monostate>(first_outcome[5]));
  CHECK(std::get<std::string>(first_outcome[6]) == "2022-12-31");
}

TEST_CASE("every sample's plan comes back whole from its rows: each field has its column", "[feeds]") {
  for (const std::filesystem::directory_entry& entry : std::filesystem::directory_iterator(testing::sample(""))) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".expected.json")) continue;
    INFO(name);
    const std::string stem = name.substr(0, name.size() - std::string(".expected.json").size());
    std::filesystem::path input;
    for (const char* extension : {".txt", ".html", ".htm", ".docx"}) {
      if (std::filesystem::exists(testing::sample(stem + extension))) input = testing::sample(stem + extension);
    }
    Result<Source> source = read_source(input.string());
    REQUIRE(source.ok());
    Result<Plan> plan = parse_source(source.value());
    REQUIRE(plan.ok());
    const std::optional<Plan> back = unflatten(flatten(plan.value(), Provenance{input.string(), "2026-01-01T00:00:00Z"}, 3, 40));
    REQUIRE(back.has_value());
    CHECK(to_json(*back).dump(1) == to_json(plan.value()).dump(1));
  }
}

TEST_CASE("an activity's label is the last column of its row, NULL for a number without parts, and comes back whole",
          "[feeds]") {
  Plan plan = reference();
  plan.activities[0].number = 1;
  plan.activities[0].label = "1.1";
  const Rows rows = flatten(plan, Provenance{"plan.txt", "2026-01-01T00:00:00Z"}, 1, 1);
  CHECK(table_specs()[static_cast<size_t>(Table::activities)].columns.back() == "label");
  CHECK(std::get<std::string>(rows[Table::activities][0].back()) == "1.1");
  CHECK(std::holds_alternative<std::monostate>(rows[Table::activities][1].back()));
  const std::optional<Plan> back = unflatten(rows);
  REQUIRE(back.has_value());
  CHECK(back->activities[0].label == "1.1");
  CHECK_FALSE(back->activities[1].label.has_value());
}

TEST_CASE("a file name that is not UTF-8 flattens to U+FFFD text with its exact bytes beside it, and comes back whole",
          "[feeds]") {
  Plan plan = reference();
  plan.source.name = "in/pl\xE0n.txt";
  const Rows rows = flatten(plan, Provenance{"in/pl\xE0n.txt", "2026-01-01T00:00:00Z"}, 1, 1);
  const Row& document = rows[Table::documents].front();
  CHECK(std::get<std::string>(document[2]) == "in/pl\xEF\xBF\xBDn.txt");  // name
  CHECK(std::get<std::string>(document[3]) == "in/pl\xEF\xBF\xBDn.txt");  // path
  CHECK(std::get<std::string>(document[14]) == "in/pl%E0n.txt");          // name_bytes
  CHECK(std::get<std::string>(document[15]) == "in/pl%E0n.txt");          // path_bytes
  const std::optional<Plan> back = unflatten(rows);
  REQUIRE(back.has_value());
  CHECK(back->source.name == "in/pl\xE0n.txt");
  // A UTF-8 name has no bytes column to read: NULL, as the JSON has no name_bytes.
  const Rows plain = flatten(reference(), Provenance{"plan.txt", "2026-01-01T00:00:00Z"}, 1, 1);
  CHECK(std::holds_alternative<std::monostate>(plain[Table::documents].front()[14]));
  CHECK(std::holds_alternative<std::monostate>(plain[Table::documents].front()[15]));
  // A failure's path likewise, '' for a UTF-8 one (a key column), and its error as printed.
  const Row failure = failure_row("in/bad\xFF.txt", "", Code::io_error, "in/bad\xFF.txt: cannot read\n", "t");
  CHECK(std::get<std::string>(failure[0]) == "in/bad\xEF\xBF\xBD.txt");
  CHECK(std::get<std::string>(failure[1]) == "in/bad%FF.txt");
  CHECK(std::get<std::string>(failure[4]) == "in/bad\\xFF.txt: cannot read\\n");
  CHECK(std::get<std::string>(failure_row("in/bad.txt", "", Code::io_error, "e", "t")[1]).empty());
}

TEST_CASE("rows that are not one document's give no plan", "[feeds]") {
  CHECK_FALSE(unflatten(Rows{}).has_value());
  Rows wrong = flatten(reference(), Provenance{"a.txt", "t"}, 1, 1);
  wrong[Table::items].push_back(Row{999LL, 1LL, std::string("an item of no activity")});
  CHECK_FALSE(unflatten(wrong).has_value());
}

TEST_CASE("the SQLite tables have exactly the columns the rows carry", "[feeds]") {
  TempDatabase file;
  Result<Database> database = open_database(file.path.string());
  REQUIRE(database.ok());
  for (const TableSpec& table : table_specs()) {
    INFO(table.name);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(database.value().handle, ("PRAGMA table_info(" + std::string(table.name) + ")").c_str(), -1,
                               &statement, nullptr) == SQLITE_OK);
    std::vector<std::string> columns;
    while (sqlite3_step(statement) == SQLITE_ROW) columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)));
    sqlite3_finalize(statement);
    CHECK(columns == std::vector<std::string>(table.columns.begin(), table.columns.end()));
  }
}

TEST_CASE("a document is stored once: the same sha256 again writes nothing", "[feeds]") {
  TempDatabase file;
  const Plan plan = reference();
  {
    Result<Database> database = open_database(file.path.string());
    REQUIRE(database.ok());
    Result<bool> first = store_document(database.value(), plan, Provenance{"a.txt", "2026-01-01T00:00:00Z"});
    REQUIRE(first.ok());
    CHECK(first.value());
    Result<bool> again = store_document(database.value(), plan, Provenance{"b.txt", "2026-01-01T00:00:00Z"});
    REQUIRE(again.ok());
    CHECK_FALSE(again.value());
    CHECK(count(database.value(), "SELECT COUNT(*) FROM documents") == 1);
    CHECK(count(database.value(), "SELECT COUNT(*) FROM activities") == 27);
  }
  // Reopened (the tables exist already), another version of the plan gets the next ids.
  Plan second = plan;
  second.source.sha256 = std::string(64, 'f');
  Result<Database> database = open_database(file.path.string());
  REQUIRE(database.ok());
  REQUIRE(store_document(database.value(), second, Provenance{"c.txt", "2026-01-02T00:00:00Z"}).ok());
  CHECK(count(database.value(), "SELECT MAX(id) FROM documents") == 2);
  CHECK(count(database.value(), "SELECT MIN(id) FROM activities WHERE document_id = 2") == 28);
  CHECK(count(database.value(), "SELECT COUNT(*) FROM agencies a JOIN activities t ON a.activity_id = t.id "
                                "WHERE t.document_id = 2 AND a.as_agreed = 1") ==
        count(database.value(), "SELECT COUNT(*) FROM agencies a JOIN activities t ON a.activity_id = t.id "
                                "WHERE t.document_id = 1 AND a.as_agreed = 1"));
}

TEST_CASE("a file that is not a database is an I/O failure, not a crash", "[feeds]") {
  TempDatabase file;
  std::ofstream(file.path) << "this is not a database, just some text long enough to have a header page\n";
  Result<Database> database = open_database(file.path.string());
  REQUIRE_FALSE(database.ok());
  CHECK(database.error().code == Code::io_error);
}

TEST_CASE("SOURCE_DATE_EPOCH fixes the ingestion time", "[feeds]") {
  ::setenv("SOURCE_DATE_EPOCH", "86400", 1);
  CHECK(timestamp_now() == "1970-01-02T00:00:00Z");
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK(timestamp_now().size() == 20);
}

TEST_CASE("a database made by something else is refused and left as it was", "[feeds]") {
  TempDatabase file;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE documents (id INTEGER, title TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const std::string before = testing::read_file(file.path);
  Result<Database> database = open_database(file.path.string());
  REQUIRE_FALSE(database.ok());
  CHECK(database.error().code == Code::io_error);
  CHECK(database.error().message.find("not a planparse database") != std::string::npos);
  CHECK(testing::read_file(file.path) == before);
}
