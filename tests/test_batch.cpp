// `planparse batch` as a user runs it: a folder of releases into JSON Lines, CSV or SQLite, in
// parallel and in sorted order, failures recorded without stopping the rest, a database that a
// re-run completes and that a SIGKILL leaves whole.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "cli_support.h"
#include "feeds/batch.h"

namespace fs = std::filesystem;
using namespace planparse::testing;

namespace {

const fs::path kSamples = fs::path(PLANPARSE_SOURCE_DIR) / "samples";

// Copies the samples' documents (not their expected JSON) into `dir`, plus `extra` files.
void copy_samples(const fs::path& dir) {
  fs::create_directories(dir);
  for (const fs::directory_entry& entry : fs::directory_iterator(kSamples)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".txt") || name.ends_with(".htm") || name.ends_with(".html")) fs::copy_file(entry.path(), dir / name);
  }
}

long long query(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const long long value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

// The number of stored documents while another process creates the database: 0 until its
// tables exist.
long long documents_so_far(const fs::path& database) {
  sqlite3* db = nullptr;
  long long value = 0;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM documents", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return value;
}

std::string query_text(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  std::string value(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string all_csv(const Sandbox& box, const std::string& dir) {
  std::string out;
  for (const char* table : {"documents", "intro", "columns", "sections", "activities", "items", "outcomes", "agencies",
                            "extras", "abbreviations", "diagnostics", "failures"}) {
    out += box.read(dir + "/" + table + ".csv");
  }
  return out;
}

}  // namespace

TEST_CASE("batch --to jsonl prints, in sorted order, exactly what parse --compact prints for each file", "[batch]") {
  Sandbox box;
  copy_samples(box.file("in"));
  const Run batch = box.run({"batch", "in"});
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(box.file("in"))) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  const std::vector<std::string> lines = lines_of(batch.out);
  REQUIRE(lines.size() == names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    const Run parse = box.run({"parse", "--compact", "in/" + names[i]});
    CHECK(lines[i] + "\n" == parse.out);
  }
  // Not a terminal, so no progress line: stderr holds the summary only.
  CHECK(is_one_line(batch.err));
  CHECK(batch.err.find(std::to_string(names.size()) + " parsed") != std::string::npos);
}

TEST_CASE("batch -j1 and -j4 give byte-identical JSON Lines and CSV", "[batch]") {
  Sandbox box;
  box.environment = "SOURCE_DATE_EPOCH=0";
  copy_samples(box.file("in"));
  box.write("in/broken.txt", "not a plan at all\n");
  const Run one = box.run({"batch", "in", "-j1"});
  const Run four = box.run({"batch", "in", "-j4"});
  CHECK(one.exit_code == 1);
  CHECK(one.out == four.out);
  CHECK(box.run({"batch", "in", "-j1", "--to", "csv", "-o", "csv1"}).exit_code == 1);
  CHECK(box.run({"batch", "in", "-j4", "--to", "csv", "-o", "csv4"}).exit_code == 1);
  CHECK(all_csv(box, "csv1") == all_csv(box, "csv4"));
  CHECK(box.read("csv1/documents.csv").find("1970-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("a failed input is named on stderr and recorded, and the others are written", "[batch]") {
  Sandbox box;
  box.environment = "SOURCE_DATE_EPOCH=0";
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / "follow-up-plan-2022.en.txt", box.file("in/a.txt"));
  box.write("in/b.txt", std::string("\x00\x01binary", 8));
  fs::copy_file(kSamples / "water-supply-plan-2025.en.txt", box.file("in/c.txt"));
  box.write("in/notes.pdf", "ignored");

  const Run jsonl = box.run({"batch", "in", "--verbose"});
  CHECK(jsonl.exit_code == 1);
  CHECK(lines_of(jsonl.out).size() == 2);
  CHECK(jsonl.err.find("in/b.txt: ") != std::string::npos);
  CHECK(jsonl.err.find("in/notes.pdf: ignored") != std::string::npos);
  CHECK(jsonl.err.find("2 parsed, 0 unchanged, 1 failed, 1 ignored") != std::string::npos);

  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db"}).exit_code == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM documents") == 2);
  CHECK(query_text(box.file("plans.db"), "SELECT path FROM failures") == "in/b.txt");

  CHECK(box.run({"batch", "in", "--to", "csv", "-o", "csv"}).exit_code == 1);
  CHECK(lines_of(box.read("csv/failures.csv")).size() == 2);  // header and b.txt
  CHECK(lines_of(box.read("csv/documents.csv")).size() == 3);

  const Run fast = box.run({"batch", "in", "--fail-fast"});
  CHECK(fast.exit_code == 1);
  CHECK(lines_of(fast.out).size() == 1);  // a.txt, then b.txt stops it
  CHECK(fast.err.find("stopped at the first failure") != std::string::npos);
}

TEST_CASE("batch - reads the paths from stdin, one a line, as find prints them", "[batch]") {
  Sandbox box;
  copy_samples(box.file("in"));
  const Run run = box.run({"batch", "-", "--quiet"}, "in/water-supply-plan-2025.en.txt\nin/digital-services-plan-2024.en.txt\n");
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("digital-services-plan-2024.en.txt") != std::string::npos);  // sorted
}

TEST_CASE("batch - reads NUL-separated paths, as find -print0 prints them, a newline inside a name kept", "[batch]") {
  Sandbox box;
  copy_samples(box.file("in"));
  fs::copy_file(box.file("in/water-supply-plan-2025.en.txt"), box.file("in/two\nlines.txt"));
  const std::string paths = std::string("in/water-supply-plan-2025.en.txt") + '\0' + "in/digital-services-plan-2024.en.txt" +
                            '\0' + "in/two\nlines.txt" + '\0';
  const Run run = box.run({"batch", "-", "--quiet"}, paths);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(lines_of(run.out).size() == 3);
}

TEST_CASE("batch --to csv replaces its table files and keeps the folder's others, --to sqlite re-runs only the new files",
          "[batch]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / "follow-up-plan-2022.en.txt", box.file("in/a.txt"));
  fs::create_directories(box.file("csv"));
  box.write("csv/stale.csv", "old");
  CHECK(box.run({"batch", "in", "--to", "csv", "-o", "csv"}).exit_code == 0);
  CHECK(box.read("csv/stale.csv") == "old");  // not a table's name: not planparse's to remove
  CHECK(box.listing() == std::vector<std::string>{"csv", "in"});  // no temporary left

  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db"}).exit_code == 0);
  fs::copy_file(kSamples / "water-supply-plan-2025.en.txt", box.file("in/b.txt"));
  const Run again = box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("1 parsed, 1 unchanged") != std::string::npos);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM documents") == 2);
  CHECK(query_text(box.file("plans.db"), "PRAGMA journal_mode") == "wal");

  CHECK(box.run({"batch", "in", "--to", "csv"}).exit_code == 2);  // csv needs -o
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "no/such/dir/plans.db"}).exit_code == 3);
  CHECK(box.run({"batch", "in", "-o", "no/such/dir/out.jsonl"}).exit_code == 3);
}

TEST_CASE("a batch killed with SIGKILL leaves a sound database of whole documents, and the next run completes it",
          "[batch][crash]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  const std::string reference = read_bytes(kSamples / "follow-up-plan-2022.en.txt");
  constexpr int kFiles = 400;
  for (int i = 0; i < kFiles; ++i) {
    // Different bytes (so different documents), the same plan: trailing blank lines.
    write_bytes(box.file("in/plan-" + std::to_string(1000 + i) + ".txt"), reference + std::string(static_cast<size_t>(i), '\n'));
  }
  const fs::path database = box.file("plans.db");
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::chdir(box.work().c_str());
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    ::execl(PLANPARSE_CLI, PLANPARSE_CLI, "batch", "in", "--to", "sqlite", "-o", "plans.db", "-j2", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it once some documents are in, well before all are.
  long long before = 0;
  for (int tries = 0; tries < 3000 && before < 5; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (fs::exists(database)) before = documents_so_far(database);
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));

  CHECK(query_text(database, "PRAGMA integrity_check") == "ok");
  const long long stored = query(database, "SELECT COUNT(*) FROM documents");
  CHECK(stored >= 5);
  CHECK(stored < kFiles);
  // Whole documents only: every stored one has all its activities, agencies and glossary.
  CHECK(query(database, "SELECT COUNT(*) FROM activities") == 27 * stored);
  CHECK(query(database, "SELECT COUNT(*) FROM abbreviations") == 26 * stored);
  CHECK(query(database, "SELECT COUNT(*) FROM outcomes") == 29 * stored);

  const Run rest = box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db"});
  CHECK(rest.exit_code == 0);
  CHECK(rest.err.find(std::to_string(kFiles - stored) + " parsed, " + std::to_string(stored) + " unchanged") !=
        std::string::npos);
  CHECK(query(database, "SELECT COUNT(*) FROM documents") == kFiles);
  CHECK(query(database, "SELECT COUNT(*) FROM activities") == 27 * kFiles);
}

TEST_CASE("paths with spaces, quotes and non-ASCII letters are read and recorded as they are", "[batch]") {
  Sandbox box;
  const std::string dir = "in dir/план «2024»";
  fs::create_directories(box.file(dir));
  fs::copy_file(kSamples / "water-supply-plan-2025.en.txt", box.file(dir + "/it's \"quoted\".txt"));
  CHECK(box.run({"batch", "in dir", "--to", "sqlite", "-o", "plans.db"}).exit_code == 0);
  CHECK(query_text(box.file("plans.db"), "SELECT path FROM documents") == "in dir/план «2024»/it's \"quoted\".txt");
  CHECK(box.run({"batch", "in dir", "--to", "csv", "-o", "csv"}).exit_code == 0);
  // In CSV the field is quoted and its quotes doubled.
  CHECK(box.read("csv/documents.csv").find(",\"in dir/план «2024»/it's \"\"quoted\"\".txt\",") != std::string::npos);
}

TEST_CASE("batch --strict counts a plan with error diagnostics as failed and writes the others", "[batch][strict]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / "water-supply-plan-2025.en.txt", box.file("in/a.txt"));
  box.write("in/b.html",
            "<html><body><h1>Plan</h1><table>\n"
            "<tr><th>No.</th><th>Activity</th><th>Deadline</th><th>Responsible agencies</th></tr>\n"
            "<tr><td>1</td><td>Close a room</td><td>MCS, MF</td><td>December 2026</td></tr>\n"
            "</table></body></html>\n");
  const Run lenient = box.run({"batch", "in"});
  CHECK(lenient.exit_code == 0);
  CHECK(lines_of(lenient.out).size() == 2);

  const Run strict = box.run({"batch", "in", "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK(lines_of(strict.out).size() == 1);
  CHECK(strict.err.find("in/b.html: refused under --strict") != std::string::npos);
}

TEST_CASE("process_input gives the line batch writes, a failure's line and code, or unchanged for a stored sha256", "[batch]") {
  Sandbox box;
  copy_samples(box.file("in"));
  write_bytes(box.file("in/empty.txt"), "");
  const Run batch = box.run({"batch", "in/follow-up-plan-2022.en.txt"});
  REQUIRE(batch.exit_code == 0);
  planparse::feeds::BatchOptions options;
  const planparse::feeds::BatchItem item =
      planparse::feeds::process_input(box.file("in/follow-up-plan-2022.en.txt").string(), options, {});
  CHECK_FALSE(item.error);
  CHECK(item.json + "\n" == batch.out);
  CHECK(item.sha256.size() == 64);
  CHECK_FALSE(item.plan);  // jsonl: the line only

  const planparse::feeds::BatchItem stored =
      planparse::feeds::process_input(box.file("in/follow-up-plan-2022.en.txt").string(), options, {item.sha256});
  CHECK(stored.unchanged);
  CHECK(stored.json.empty());

  options.target = planparse::feeds::Target::sqlite;
  const planparse::feeds::BatchItem plan =
      planparse::feeds::process_input(box.file("in/follow-up-plan-2022.en.txt").string(), options, {});
  REQUIRE(plan.plan);
  CHECK(plan.plan->activities.size() == 27);

  const planparse::feeds::BatchItem empty = planparse::feeds::process_input(box.file("in/empty.txt").string(), options, {});
  REQUIRE(empty.error);
  CHECK(empty.code == planparse::Code::empty_input);
  CHECK(empty.error->rfind(box.file("in/empty.txt").string() + ": ", 0) == 0);
  CHECK(empty.sha256.empty());  // read_source refused it: no bytes to fingerprint
}

// ---- --vocab and --registry: the run's context, for every input (issue 16) ----------------------

namespace {

using planparse::testing::copy_vocabulary;

}  // namespace

TEST_CASE("batch --vocab reads every input with the user's vocabulary, on every worker", "[batch][vocabulary]") {
  Sandbox box;
  // Neither the header word nor the deadline phrase is in the built-in vocabulary.
  copy_vocabulary(box.file("vocab"), "header.deadline\tTarget window\nrecurrence.annual\tyear after year\n");
  fs::create_directories(box.file("in"));
  constexpr int kPlans = 8;
  for (int i = 1; i <= kPlans; ++i) {
    box.write("in/plan" + std::to_string(i) + ".txt",
              "A plan\n\nName\n\nTarget window\n\nAgencies in charge\n\n1\n\nDo thing " + std::to_string(i) +
                  "\n\nyear after year\n\nMIA\n");
  }

  // Without it the column is kept, unnamed, with a warning, and no deadline is read.
  const Run builtin = box.run({"batch", "in", "-j4"});
  REQUIRE(builtin.exit_code == 0);
  const std::vector<std::string> unnamed = lines_of(builtin.out);
  REQUIRE(unnamed.size() == kPlans);
  for (const std::string& line : unnamed) {
    const nlohmann::json plan = parse_json(line);
    CHECK(plan["columns"][2]["role"] == "other");
    CHECK(plan["diagnostics"][0]["code"] == "unknown-column");
  }

  const Run custom = box.run({"batch", "in", "-j4", "--vocab", "vocab"});
  INFO(custom.err);
  REQUIRE(custom.exit_code == 0);
  const std::vector<std::string> lines = lines_of(custom.out);
  REQUIRE(lines.size() == kPlans);
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO(i);
    const nlohmann::json plan = parse_json(lines[i]);
    CHECK(plan["columns"][2]["role"] == "deadline");
    CHECK(plan["activities"][0]["outcomes"][0]["deadline"]["recurrence"] == "annual");
    // Each line is what `parse --vocab` prints for its file.
    const Run parse = box.run({"parse", "--compact", "--vocab", "vocab", "in/plan" + std::to_string(i + 1) + ".txt"});
    CHECK(lines[i] + "\n" == parse.out);
  }
}

TEST_CASE("batch --registry links every input's agencies with the user's registry", "[batch][registry]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
    box.write(std::string("in/") + name,
              std::string("A plan\n\nName\n\nDeadline\n\nAgencies in charge\n\n1\n\nDo ") + name +
                  "\n\nannually\n\nMMG, Ministry of Finance of the Republic of Kazakhstan\n\nAbbreviations:\n\n"
                  "MMG - Ministry of Magic of the Republic of Kazakhstan\n");
  }
  fs::copy_file(fs::path(PLANPARSE_SOURCE_DIR) / "parsers" / "registry" / "agencies.tsv", box.file("agencies.tsv"));
  std::ofstream(box.file("agencies.tsv"), std::ios::app)
      << "magic\tbody\ten\tMMG\tMinistry of Magic of the Republic of Kazakhstan\tcurrent\n";

  const Run builtin = box.run({"batch", "in", "-j2"});
  REQUIRE(builtin.exit_code == 0);
  for (const std::string& line : lines_of(builtin.out)) {
    CHECK(parse_json(line)["activities"][0]["agencies"][0]["id"].is_null());
  }

  const Run custom = box.run({"batch", "in", "-j2", "--registry", "agencies.tsv", "--to", "sqlite", "-o", "plans.db"});
  INFO(custom.err);
  REQUIRE(custom.exit_code == 0);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM agencies WHERE agency_id = 'magic'") == 3);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM agencies WHERE agency_id = 'mf'") == 3);
}

TEST_CASE("batch with a malformed --vocab or a missing --registry exits 2 with one line naming the file and reads no input",
          "[batch][vocabulary][registry]") {
  Sandbox box;
  copy_samples(box.file("in"));
  fs::create_directory(box.file("vocab"));
  box.write("vocab/en.tsv", "header.name\tName\nno tab on this row\n");
  const Run malformed = box.run({"batch", "in", "--vocab", "vocab", "-o", "plans.jsonl"});
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.out.empty());
  CHECK(is_one_line(malformed.err));
  CHECK(malformed.err.find("en.tsv") != std::string::npos);
  CHECK(malformed.err.find("line 2") != std::string::npos);
  CHECK_FALSE(fs::exists(box.file("plans.jsonl")));

  const Run missing = box.run({"batch", "in", "--vocab", "no-such-dir"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(is_one_line(missing.err));
  CHECK(missing.err.find("no-such-dir") != std::string::npos);

  const Run registry = box.run({"batch", "in", "--registry", "no-such-registry.tsv"});
  CHECK(registry.exit_code == 2);
  CHECK(registry.out.empty());
  CHECK(is_one_line(registry.err));
  CHECK(registry.err.find("no-such-registry.tsv") != std::string::npos);
}

TEST_CASE("process_input parses with the context of its options", "[batch][registry]") {
  Sandbox box;
  box.write("plan.txt", "A plan\n\nName\n\nDeadline\n\nAgencies in charge\n\n1\n\nDo it\n\nannually\n\nMMG\n\n"
                        "Abbreviations:\n\nMMG - Ministry of Magic of the Republic of Kazakhstan\n");
  fs::copy_file(fs::path(PLANPARSE_SOURCE_DIR) / "parsers" / "registry" / "agencies.tsv", box.file("agencies.tsv"));
  std::ofstream(box.file("agencies.tsv"), std::ios::app)
      << "magic\tbody\ten\tMMG\tMinistry of Magic of the Republic of Kazakhstan\tcurrent\n";
  planparse::feeds::BatchOptions options;
  options.target = planparse::feeds::Target::sqlite;
  const planparse::feeds::BatchItem builtin = planparse::feeds::process_input(box.file("plan.txt").string(), options, {});
  REQUIRE(builtin.plan);
  CHECK_FALSE(builtin.plan->activities.at(0).agencies.at(0).id);

  planparse::Result<planparse::ParseContext> context = planparse::load_parse_context("", box.file("agencies.tsv").string());
  REQUIRE(context.ok());
  options.context = context.value();
  const planparse::feeds::BatchItem custom = planparse::feeds::process_input(box.file("plan.txt").string(), options, {});
  REQUIRE(custom.plan);
  CHECK(custom.plan->activities.at(0).agencies.at(0).id == std::optional<std::string>("magic"));
}

TEST_CASE("run_batch to JSON Lines with neither an output file nor a stream is an output error, not a crash", "[batch]") {
  Sandbox box;
  copy_samples(box.file("in"));
  planparse::feeds::BatchOptions options;  // jsonl, no output file
  planparse::feeds::BatchHooks hooks;      // and no stream
  size_t progressed = 0;
  hooks.on_progress = [&](const planparse::feeds::BatchProgress&) { ++progressed; };
  const planparse::feeds::BatchReport report =
      planparse::feeds::run_batch({box.file("in/follow-up-plan-2022.en.txt").string()}, options, hooks);
  REQUIRE(report.output_error);
  CHECK(report.output_error->code == planparse::Code::io_error);
  CHECK(report.parsed == 0);
  CHECK(progressed == 0);  // refused before any input was read

  std::ostringstream out;
  hooks.jsonl_out = &out;
  const planparse::feeds::BatchReport written =
      planparse::feeds::run_batch({box.file("in/follow-up-plan-2022.en.txt").string()}, options, hooks);
  CHECK_FALSE(written.output_error);
  CHECK(written.parsed == 1);
  CHECK(lines_of(out.str()).size() == 1);
}
