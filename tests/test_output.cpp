// Output hygiene, as a user meets it: -o never replaces a device, a FIFO or a folder; a CSV
// export writes only its table files into a folder that may hold others; file names of any
// bytes come out as valid JSON and single stderr lines; a full stdout is an error; a killed
// run leaves no temporary behind; re-runs do not grow `failures`. Covers feeds/output.h.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_support.h"
#include "feeds/csv.h"
#include "feeds/output.h"
#include "schema/file_name.h"

namespace fs = std::filesystem;
using namespace planparse::testing;
using planparse::feeds::csv_field;
using planparse::feeds::one_line;
using planparse::feeds::Value;

namespace {

const fs::path kSamples = fs::path(PLANPARSE_SOURCE_DIR) / "samples";
const char* const kPlan = "follow-up-plan-2022.en.txt";

mode_t mode_of(const fs::path& path) {
  struct stat status {};
  REQUIRE(::lstat(path.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

bool is_named_pipe(const fs::path& path) {
  struct stat status {};
  return ::lstat(path.c_str(), &status) == 0 && S_ISFIFO(status.st_mode);
}

long long query(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const long long value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

void execute(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Every value of `sql`'s first column, as text.
std::vector<std::string> query_texts(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  std::vector<std::string> values;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  std::sort(values.begin(), values.end());
  return values;
}

bool is_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = planparse::utf8_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool has_temporary(const Sandbox& box) {
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(box.work())) {
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) return true;
  }
  return false;
}

// Runs planparse in the sandbox's folder with stdout sent to /dev/full (written to, never replaced).
int exit_code_into_full_stdout(const Sandbox& box, const std::string& args, std::string* err) {
  const std::string command = "cd " + shell_quote(box.work().string()) + " && " + shell_quote(PLANPARSE_CLI) + " " + args +
                              " >/dev/full 2>" + shell_quote((box.io() / "stderr").string());
  const int status = std::system(command.c_str());
  *err = read_bytes(box.io() / "stderr");
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("one_line escapes what could break or forge a stderr line and keeps every other letter", "[output]") {
  CHECK(one_line("plan.txt") == "plan.txt");
  CHECK(one_line("Қысқартулар план.txt") == "Қысқартулар план.txt");
  CHECK(one_line("a\nplanparse: b") == "a\\nplanparse: b");
  CHECK(one_line("a\tb\rc") == "a\\tb\\rc");
  CHECK(one_line(std::string("\x1b[31mred\x7f", 9)) == "\\x1B[31mred\\x7F");
  CHECK(one_line("pl\xE0n") == "pl\\xE0n");                    // not UTF-8
  CHECK(one_line("\xC0\xAF") == "\\xC0\\xAF");                  // overlong '/'
  CHECK(one_line("x\xC2\x85y") == "x\\u0085y");                 // C1 NEL
  CHECK(one_line("txt.\xE2\x80\xAE" "exe") == "txt.\\u202Eexe");   // right-to-left override
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas get a leading quote unless raw", "[output]") {
  CHECK(csv_field(Value(std::string("=HYPERLINK(\"x\")"))) == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field(Value(std::string("+1+1"))) == "'+1+1");
  CHECK(csv_field(Value(std::string("- item"))) == "'- item");
  CHECK(csv_field(Value(std::string("@SUM(A1)"))) == "'@SUM(A1)");
  CHECK(csv_field(Value(std::string("\tx"))) == "'\tx");
  CHECK(csv_field(Value(std::string("\rx"))) == "\"'\rx\"");
  // Plain numbers stay numbers.
  CHECK(csv_field(Value(std::string("-5"))) == "-5");
  CHECK(csv_field(Value(std::string("+7,5"))) == "\"+7,5\"");
  CHECK(csv_field(Value(std::string("-"))) == "'-");
  CHECK(csv_field(Value(std::string("a=b"))) == "a=b");
  CHECK(csv_field(Value(std::string("=1+1")), /*raw=*/true) == "=1+1");
}

TEST_CASE("batch --to csv into the folder it reads keeps the plans and every other file there", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("rel"));
  fs::copy_file(kSamples / kPlan, box.file("rel/plan.txt"));
  box.write("rel/notes.md", "my notes");
  fs::permissions(box.file("rel"), fs::perms(0755));
  const Run run = box.run({"batch", "rel", "--to", "csv", "-o", "rel", "--quiet"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(box.read("rel/plan.txt") == read_bytes(kSamples / kPlan));
  CHECK(box.read("rel/notes.md") == "my notes");
  CHECK(mode_of(box.file("rel")) == 0755);
  CHECK(line_count(box.read("rel/documents.csv")) == 2);
  CHECK_FALSE(has_temporary(box));

  // A second run replaces its own files (their first line is the table's header).
  box.write("rel/notes.md", "changed notes");
  CHECK(box.run({"batch", "rel/plan.txt", "--to", "csv", "-o", "rel", "--quiet"}).exit_code == 0);
  CHECK(box.read("rel/notes.md") == "changed notes");
  CHECK(line_count(box.read("rel/documents.csv")) == 2);
}

TEST_CASE("batch --to csv creates a missing folder, named with a trailing slash or not, with the umask's mode",
          "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  CHECK(box.run({"batch", "plan.txt", "--to", "csv", "-o", "plans-csv/", "--quiet"}).exit_code == 0);
  CHECK(fs::exists(box.file("plans-csv/activities.csv")));
  CHECK(mode_of(box.file("plans-csv")) == (0777 & ~current_umask()));
  CHECK(mode_of(box.file("plans-csv/documents.csv")) == (0666 & ~current_umask()));
  CHECK(box.run({"batch", "plan.txt", "--to", "csv", "-o", "plans-csv", "--quiet"}).exit_code == 0);
  // One level only, as mkdir without -p.
  const Run deep = box.run({"batch", "plan.txt", "--to", "csv", "-o", "no/such/folder", "--quiet"});
  CHECK(deep.exit_code == 3);
  CHECK(is_one_line(deep.err));
}

TEST_CASE("batch --to csv refuses, with nothing changed, a folder holding a table file planparse did not write",
          "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  fs::create_directories(box.file("out"));
  box.write("out/documents.csv", "my own spreadsheet\r\n");
  const Run run = box.run({"batch", "plan.txt", "--to", "csv", "-o", "out", "--quiet"});
  CHECK(run.exit_code == 3);
  CHECK(is_one_line(run.err));
  CHECK(run.err.find("documents.csv") != std::string::npos);
  CHECK(box.read("out/documents.csv") == "my own spreadsheet\r\n");
  CHECK(std::distance(fs::directory_iterator(box.file("out")), fs::directory_iterator()) == 1);
}

TEST_CASE("batch --to csv replaces table files an earlier planparse wrote, headed by the columns it had", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  fs::create_directories(box.file("out"));
  box.write("out/documents.csv",
            "id,sha256,name,path,bytes,format,encoding,language,title,act_date,act_number,published,schema_version,"
            "ingested_at\r\n1,abc,old.txt,old.txt,1,text,UTF-8,en,,,,,1.1,2024-01-01T00:00:00Z\r\n");
  box.write("out/failures.csv", "path,sha256,code,error,at\r\nold.txt,,io-error,e,2024-01-01T00:00:00Z\r\n");
  const Run run = box.run({"batch", "plan.txt", "--to", "csv", "-o", "out", "--quiet"});
  CHECK(run.exit_code == 0);
  CHECK(box.read("out/documents.csv").find(",ingested_at,name_bytes,path_bytes\r\n") != std::string::npos);
  CHECK(box.read("out/failures.csv") == "path,path_bytes,sha256,code,error,at\r\n");
}

TEST_CASE("batch --to csv -o x.csv is a usage error that asks for a folder", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  const Run run = box.run({"batch", "plan.txt", "--to", "csv", "-o", "x.csv"});
  CHECK(run.exit_code == 2);
  CHECK(is_one_line(run.err));
  CHECK(run.err.find("folder") != std::string::npos);
  CHECK_FALSE(fs::exists(box.file("x.csv")));
}

TEST_CASE("an output (-o) naming a FIFO or a folder is refused untouched by parse, diff and batch", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  REQUIRE(::mkfifo(box.file("pipe").c_str(), 0644) == 0);
  fs::create_directories(box.file("folder"));
  for (const char* target : {"pipe", "folder"}) {
    INFO(target);
    const Run parse = box.run({"parse", "plan.txt", "-o", target});
    CHECK(parse.exit_code == 3);
    CHECK(is_one_line(parse.err));
    const Run diff = box.run({"diff", "plan.txt", "plan.txt", "-o", target});
    CHECK(diff.exit_code == 2);
    CHECK(is_one_line(diff.err));
    for (const char* to : {"jsonl", "sqlite"}) {
      const Run batch = box.run({"batch", "plan.txt", "--to", to, "-o", target, "--quiet"});
      CHECK(batch.exit_code == 3);
      CHECK(is_one_line(batch.err));
    }
  }
  CHECK(is_named_pipe(box.file("pipe")));
  CHECK(fs::is_empty(box.file("folder")));
  CHECK_FALSE(has_temporary(box));
}

TEST_CASE("an output (-o) naming a character device is refused untouched (a device made with mknod, as root)", "[output]") {
  if (::geteuid() != 0) {
    WARN("not root: mknod is not allowed, skipped");
    return;
  }
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  // The null device's numbers, in the sandbox: the system's /dev/null is never a target here.
  REQUIRE(::mknod(box.file("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
  const Run parse = box.run({"parse", "plan.txt", "-o", "null"});
  CHECK(parse.exit_code == 3);
  CHECK(parse.err.find("device") != std::string::npos);
  CHECK(box.run({"batch", "plan.txt", "-o", "null", "--quiet"}).exit_code == 3);
  CHECK(box.run({"diff", "plan.txt", "plan.txt", "-o", "null"}).exit_code == 2);
  struct stat status {};
  REQUIRE(::lstat(box.file("null").c_str(), &status) == 0);
  CHECK(S_ISCHR(status.st_mode));
}

TEST_CASE("an output (-o) through a symlink replaces the link's target, keeping the link and the target's mode", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  fs::create_directories(box.file("real"));
  box.write("real/out.json", "old");
  fs::permissions(box.file("real/out.json"), fs::perms(0640));
  fs::create_symlink("real/out.json", box.file("link.json"));
  CHECK(box.run({"parse", "plan.txt", "-o", "link.json"}).exit_code == 0);
  CHECK(fs::is_symlink(box.file("link.json")));
  CHECK(parse_json(box.read("real/out.json"))["source"]["name"] == "plan.txt");
  CHECK(mode_of(box.file("real/out.json")) == 0640);
  // A dangling link creates its target.
  fs::create_symlink("real/new.json", box.file("dangling.json"));
  CHECK(box.run({"parse", "plan.txt", "-o", "dangling.json"}).exit_code == 0);
  CHECK(fs::is_regular_file(box.file("real/new.json")));
  CHECK(mode_of(box.file("real/new.json")) == (0666 & ~current_umask()));
  CHECK_FALSE(has_temporary(box));
}

TEST_CASE("a file name that is not UTF-8 parses: U+FFFD in name and its exact bytes in name_bytes", "[output]") {
  Sandbox box;
  const std::string bad = "pl\xE0n 1.txt";
  box.write(bad, read_bytes(kSamples / kPlan));
  box.write("good.txt", read_bytes(kSamples / kPlan));
  const Run parse = box.run({"parse", bad});
  REQUIRE(parse.exit_code == 0);
  const nlohmann::json json = parse_json(parse.out);
  CHECK(json["source"]["name"] == "pl\xEF\xBF\xBDn 1.txt");
  CHECK(json["source"]["name_bytes"] == "pl%E0n%201.txt");
  const Run valid = box.run({"validate", "-"}, parse.out);
  CHECK(valid.exit_code == 0);
  CHECK_FALSE(parse_json(box.run({"parse", "good.txt"}).out)["source"].contains("name_bytes"));
  // A batch keeps every good file when one name is bad.
  const Run batch = box.run({"batch", ".", "--quiet"});
  CHECK(batch.exit_code == 0);
  CHECK(line_count(batch.out) == 2);
}

TEST_CASE("a file name that is not UTF-8 is UTF-8 text in CSV and SQLite, its exact bytes in name_bytes and path_bytes",
          "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  box.write("in/pl\xE0n.txt", read_bytes(kSamples / kPlan));
  // Two failing names that show alike (U+FFFD) with the same bytes in them stay two failures.
  box.write("in/bad\xFF.txt", "no plan in here");
  box.write("in/bad\xFE.txt", "no plan in here");
  for (int run = 0; run < 2; ++run) {
    CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 1);
  }
  const fs::path db = box.file("plans.db");
  CHECK(query_texts(db, "SELECT name || '|' || path || '|' || name_bytes || '|' || path_bytes FROM documents") ==
        std::vector<std::string>{"pl\xEF\xBF\xBDn.txt|in/pl\xEF\xBF\xBDn.txt|pl%E0n.txt|in/pl%E0n.txt"});
  CHECK(query_texts(db, "SELECT path || '|' || path_bytes FROM failures") ==
        std::vector<std::string>{"in/bad\xEF\xBF\xBD.txt|in/bad%FE.txt", "in/bad\xEF\xBF\xBD.txt|in/bad%FF.txt"});
  for (const std::string& error : query_texts(db, "SELECT error FROM failures")) {
    CHECK(is_utf8(error));
    CHECK(error.find("in/bad\\xF") == 0);  // as printed on stderr
  }
  const Run csv = box.run({"batch", "in", "--to", "csv", "-o", "out/", "--quiet"});
  CHECK(csv.exit_code == 1);
  const std::string documents = box.read("out/documents.csv");
  const std::string failures = box.read("out/failures.csv");
  CHECK(is_utf8(documents));
  CHECK(is_utf8(failures));
  CHECK(documents.find(",pl\xEF\xBF\xBDn.txt,in/pl\xEF\xBF\xBDn.txt,") != std::string::npos);
  CHECK(documents.find(",pl%E0n.txt,in/pl%E0n.txt\r\n") != std::string::npos);
  CHECK(failures.find("in/bad\xEF\xBF\xBD.txt,in/bad%FF.txt,") != std::string::npos);
}

TEST_CASE("a database from before name_bytes and path_bytes is migrated in place, its rows kept", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / kPlan, box.file("in/good.txt"));
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 0);
  execute(box.file("plans.db"),
          "CREATE TABLE documents_before AS SELECT id, sha256, name, path, bytes, format, encoding, language, title, "
          "act_date, act_number, published, schema_version, ingested_at FROM documents; DROP TABLE documents; "
          "ALTER TABLE documents_before RENAME TO documents; "
          "DROP TABLE failures; CREATE TABLE failures (path TEXT NOT NULL, sha256 TEXT NOT NULL, code TEXT NOT NULL, "
          "error TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (path, sha256)); "
          "INSERT INTO failures VALUES ('in/old.txt', '', 'io-error', 'e', '2024-01-01T00:00:00Z');");
  box.write("in/bad.txt", "no plan in here");
  for (int run = 0; run < 2; ++run) {
    CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 1);
  }
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM documents WHERE name_bytes IS NULL AND path_bytes IS NULL") == 1);
  CHECK(query_texts(box.file("plans.db"), "SELECT path || '|' || path_bytes || '|' || code FROM failures") ==
        std::vector<std::string>{"in/bad.txt||not-a-plan", "in/old.txt||io-error"});
}

TEST_CASE("a database from before activities.label is migrated in place, its rows kept", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / kPlan, box.file("in/good.txt"));
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 0);
  execute(box.file("plans.db"),
          "CREATE TABLE activities_before (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), "
          "position INTEGER NOT NULL, number INTEGER NOT NULL, section TEXT, name TEXT NOT NULL, line INTEGER NOT NULL); "
          "INSERT INTO activities_before SELECT id, document_id, position, number, section, name, line FROM activities; "
          "DROP TABLE activities; ALTER TABLE activities_before RENAME TO activities;");
  const long long before = query(box.file("plans.db"), "SELECT COUNT(*) FROM activities");
  box.write("in/roads.txt", "Plan on roads\n\nNo.\tActivity\tOutcome\tDeadline\tResponsible\n1. Bridges\n"
                            "1.1\tRepairing bridges\tAct\t2026\tMinistry of Transport\n2. Signs\n"
                            "2.1\tPutting up signs\tAct\t2027\tMinistry of Transport\n");
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 0);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM activities WHERE label IS NULL") == before);
  CHECK(query_texts(box.file("plans.db"), "SELECT label FROM activities WHERE label IS NOT NULL ORDER BY id") ==
        std::vector<std::string>{"1.1", "2.1"});
}

TEST_CASE("a newline or escape in a file name cannot forge a second stderr line", "[output]") {
  Sandbox box;
  const Run parse = box.run({"parse", "missing\nplanparse: all good\x1b[2K.txt"});
  CHECK(parse.exit_code == 3);
  CHECK(is_one_line(parse.err));
  CHECK(parse.err.find("missing\\nplanparse: all good\\x1B[2K.txt") != std::string::npos);
  box.write("bad\nname.txt", "no plan here");
  const Run batch = box.run({"batch", ".", "--quiet"});
  CHECK(batch.exit_code == 1);
  CHECK(is_one_line(batch.err));
}

TEST_CASE("a full stdout is an I/O error with one line, never exit 0", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  std::string err;
  CHECK(exit_code_into_full_stdout(box, "schema", &err) == 3);
  CHECK(is_one_line(err));
  CHECK(err.find("planparse: <stdout>: cannot write") == 0);
  CHECK(exit_code_into_full_stdout(box, "parse plan.txt", &err) == 3);
  CHECK(is_one_line(err));
  CHECK(exit_code_into_full_stdout(box, "batch plan.txt --quiet", &err) == 3);
  CHECK(is_one_line(err));
  CHECK(exit_code_into_full_stdout(box, "diff plan.txt plan.txt --format json", &err) == 2);  // diff(1)'s trouble
  CHECK(is_one_line(err));
}

TEST_CASE("batch --to sqlite opens a name starting with file: as a file, never as a URI", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  const Run run = box.run({"batch", "plan.txt", "--to", "sqlite", "-o", "file:plans.db?mode=memory", "--quiet"});
  CHECK(run.exit_code == 0);
  REQUIRE(fs::exists(box.file("file:plans.db?mode=memory")));
  CHECK(query(box.file("file:plans.db?mode=memory"), "SELECT COUNT(*) FROM documents") == 1);
}

TEST_CASE("batch --to sqlite -o :memory: writes a file of that name, never a database that vanishes", "[output]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSamples / kPlan));
  const Run run = box.run({"batch", "plan.txt", "--to", "sqlite", "-o", ":memory:", "--quiet"});
  CHECK(run.exit_code == 0);
  REQUIRE(fs::exists(box.file(":memory:")));
  CHECK(query(box.file(":memory:"), "SELECT COUNT(*) FROM documents") == 1);
}

TEST_CASE("failures keeps one row per input and sha256 however many runs fail it", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  box.write("in/bad.txt", "no plan in here");
  fs::copy_file(kSamples / kPlan, box.file("in/good.txt"));
  for (int run = 0; run < 3; ++run) CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures") == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures WHERE code = 'not-a-plan' AND length(sha256) = 64") == 1);
  // Other bytes under the same path are another failure.
  box.write("in/bad.txt", "still no plan in here");
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures") == 2);
}

TEST_CASE("a database whose failures has the earlier columns is migrated, a row per path", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / kPlan, box.file("in/good.txt"));
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 0);
  execute(box.file("plans.db"),
          "DROP TABLE failures; CREATE TABLE failures (path TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL); "
          "INSERT INTO failures VALUES ('in/bad.txt', 'e1', '2024-01-01T00:00:00Z'), "
          "('in/bad.txt', 'e2', '2024-01-02T00:00:00Z'), ('in/old.txt', 'e3', '2024-01-01T00:00:00Z');");
  box.write("in/bad.txt", "no plan in here");
  CHECK(box.run({"batch", "in", "--to", "sqlite", "-o", "plans.db", "--quiet"}).exit_code == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures") == 3);  // old.txt, bad.txt before, bad.txt now
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures WHERE path = 'in/old.txt'") == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM failures WHERE error = 'e2' AND sha256 = ''") == 1);
  CHECK(query(box.file("plans.db"), "SELECT COUNT(*) FROM documents") == 1);
}

TEST_CASE("batch --to csv writes one documents row per sha256, as SQLite does", "[output]") {
  Sandbox box;
  fs::create_directories(box.file("in"));
  fs::copy_file(kSamples / kPlan, box.file("in/a.txt"));
  fs::copy_file(kSamples / kPlan, box.file("in/b.txt"));
  const Run run = box.run({"batch", "in", "--to", "csv", "-o", "out"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("1 parsed, 1 unchanged") != std::string::npos);
  CHECK(line_count(box.read("out/documents.csv")) == 2);
}

namespace {

// Starts `planparse batch in ARGS...` (300 plans in in/), sends `signal_number` once a
// temporary file exists, and returns the wait status; `*seen` says whether one was seen.
int batch_killed_mid_write(const Sandbox& box, const std::vector<std::string>& args, int signal_number, bool* seen) {
  fs::create_directories(box.file("in"));
  const std::string reference = read_bytes(kSamples / kPlan);
  for (int i = 0; i < 300; ++i) {
    write_bytes(box.file("in/plan-" + std::to_string(1000 + i) + ".txt"), reference + std::string(static_cast<size_t>(i), '\n'));
  }
  std::vector<std::string> command{PLANPARSE_CLI, "batch", "in", "-j1"};
  command.insert(command.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : command) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::chdir(box.work().c_str());
    ::freopen("/dev/null", "w", stderr);
    ::execv(PLANPARSE_CLI, argv.data());
    ::_exit(127);
  }
  *seen = false;
  for (int tries = 0; tries < 2000 && !*seen; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    *seen = has_temporary(box);
  }
  ::kill(child, signal_number);
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("a batch stopped by SIGTERM or SIGINT mid-write leaves no temporary file and no output", "[output][crash]") {
  for (const int signal_number : {SIGTERM, SIGINT}) {
    Sandbox box;
    bool seen = false;
    const int status = batch_killed_mid_write(box, {"-o", "out.jsonl"}, signal_number, &seen);
    INFO("signal " << signal_number);
    CHECK(seen);
    CHECK(WIFSIGNALED(status));
    CHECK_FALSE(has_temporary(box));
    CHECK_FALSE(fs::exists(box.file("out.jsonl")));
  }
}

TEST_CASE("a CSV batch killed before it wrote its tables removes the folder it created, never one that was there",
          "[output][crash]") {
  for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    INFO("signal " << signal_number);
    {
      Sandbox box;
      bool seen = false;
      const int status = batch_killed_mid_write(box, {"--to", "csv", "-o", "out/"}, signal_number, &seen);
      CHECK(seen);
      CHECK(WIFSIGNALED(status));
      CHECK_FALSE(fs::exists(box.file("out")));
    }
    {
      // A folder that existed, empty, stays: this run did not make it.
      Sandbox box;
      fs::create_directories(box.file("out"));
      bool seen = false;
      const int status = batch_killed_mid_write(box, {"--to", "csv", "-o", "out"}, signal_number, &seen);
      CHECK(seen);
      CHECK(WIFSIGNALED(status));
      CHECK(fs::is_directory(box.file("out")));
      CHECK(fs::is_empty(box.file("out")));
    }
  }
}
