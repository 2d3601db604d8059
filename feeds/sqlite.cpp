// Feeds, SQLite. See sqlite.h.
#include "feeds/sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <new>
#include <vector>

#include "plan_sql.h"

namespace planparse::feeds {
namespace {

struct StatementFree {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFree>;

Failure sql_failure(sqlite3* db, const std::string& doing) {
  return Failure{Code::io_error, "database: " + doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), ""};
}

std::optional<Failure> exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
  Failure failure{Code::io_error, "database: " + std::string(message ? message : sqlite3_errmsg(db)), ""};
  sqlite3_free(message);
  return failure;
}

Result<Statement> prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) return sql_failure(db, "prepare");
  return Statement(raw);
}

bool bind(sqlite3_stmt* statement, int index, const Value& value) {
  if (const long long* number = std::get_if<long long>(&value)) return sqlite3_bind_int64(statement, index, *number) == SQLITE_OK;
  if (const std::string* text = std::get_if<std::string>(&value)) {
    return sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT) == SQLITE_OK;
  }
  return sqlite3_bind_null(statement, index) == SQLITE_OK;
}

std::string insert_sql(const TableSpec& table) {
  std::string sql = "INSERT INTO " + std::string(table.name) + " (";
  std::string marks;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    sql += (c ? ", " : "") + std::string(table.columns[c]);
    marks += c ? ", ?" : "?";
  }
  return sql + ") VALUES (" + marks + ")";
}

std::optional<Failure> insert_rows(Database& database, size_t table, const std::vector<Row>& rows) {
  sqlite3* db = database.handle;
  sqlite3_stmt*& s = database.inserts[table];
  if (s == nullptr && sqlite3_prepare_v2(db, insert_sql(table_specs()[table]).c_str(), -1, &s, nullptr) != SQLITE_OK) {
    return sql_failure(db, "prepare");
  }
  for (const Row& row : rows) {
    sqlite3_reset(s);
    for (size_t c = 0; c < row.size(); ++c) {
      if (!bind(s, static_cast<int>(c + 1), row[c])) return sql_failure(db, "bind");
    }
    if (sqlite3_step(s) != SQLITE_DONE) return sql_failure(db, "insert into " + std::string(table_specs()[table].name));
  }
  return std::nullopt;
}

// Opens a transaction when none is open.
std::optional<Failure> begin(Database& database) {
  if (database.pending > 0 || !sqlite3_get_autocommit(database.handle)) return std::nullopt;
  database.opened = std::chrono::steady_clock::now();
  return exec(database.handle, "BEGIN IMMEDIATE");
}

Result<long long> next_id(sqlite3* db, const std::string& table) {
  Result<Statement> statement = prepare(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
  if (!statement.ok()) return statement.error();
  if (sqlite3_step(statement.value().get()) != SQLITE_ROW) return sql_failure(db, "read ids");
  return static_cast<long long>(sqlite3_column_int64(statement.value().get(), 0));
}

// Nothing when the database is empty or holds exactly schema/plan.sql's tables and columns,
// or an earlier layout of some (added to `*earlier`).
std::optional<Failure> check_tables(sqlite3* db, const std::string& path, std::vector<const EarlierLayout*>* earlier) {
  earlier->clear();
  Result<Statement> tables = prepare(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  if (!tables.ok()) return tables.error();
  std::vector<std::string> present;
  int rc;
  while ((rc = sqlite3_step(tables.value().get())) == SQLITE_ROW) {
    present.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(tables.value().get(), 0)));
  }
  if (rc != SQLITE_DONE) return sql_failure(db, "read " + path);
  if (present.empty()) return std::nullopt;
  const Failure foreign{Code::io_error, "not a planparse database of this version (its tables differ from schema/plan.sql; "
                          "write to a new file): " + path, ""};
  if (present.size() != kTableCount) return foreign;
  for (const TableSpec& table : table_specs()) {
    Result<Statement> info = prepare(db, "PRAGMA table_info(" + std::string(table.name) + ")");
    if (!info.ok()) return info.error();
    std::vector<std::string> columns;
    while (sqlite3_step(info.value().get()) == SQLITE_ROW) {
      columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.value().get(), 1)));
    }
    if (columns == std::vector<std::string>(table.columns.begin(), table.columns.end())) continue;
    const auto known = std::find_if(earlier_layouts().begin(), earlier_layouts().end(), [&](const EarlierLayout& layout) {
      return spec(layout.table).name == table.name &&
             std::equal(layout.columns.begin(), layout.columns.end(), columns.begin(), columns.end());
    });
    if (known == earlier_layouts().end()) return foreign;
    earlier->push_back(&*known);
  }
  return std::nullopt;
}

// One transaction: an earlier `failures` is renamed aside, plan.sql makes the new one, and
// its rows are copied over; `documents` and `activities` are altered in place.
std::string migrate_sql(const std::vector<const EarlierLayout*>& earlier) {
  std::string sql = "BEGIN IMMEDIATE; ";
  for (const EarlierLayout* layout : earlier) {
    if (layout->table == Table::failures) sql += "ALTER TABLE failures RENAME TO failures_before; ";
  }
  sql += std::string(generated::plan_sql) + "; ";
  for (const EarlierLayout* layout : earlier) {
    sql += std::string(layout->migration) + "; ";
    if (layout->table == Table::failures) sql += "DROP TABLE failures_before; ";
  }
  return sql + "COMMIT;";
}

// SQLite reads a name starting with "file:" as a URI when URI names are on, and Debian builds
// it with them on by default: "file:x?mode=memory" would not be a file at all; and ":memory:"
// is a database in memory, gone when the run ends. Such a relative name is made to start with
// "./", which is the same file and never a URI nor memory.
std::string literal_path(const std::string& path) {
  return path.rfind("file:", 0) == 0 || path.rfind(':', 0) == 0 ? "./" + path : path;
}

}  // namespace

Database::Database(Database&& other) noexcept
    : handle(other.handle), inserts(other.inserts), pending(other.pending), opened(other.opened) {
  other.handle = nullptr;
  other.inserts = {};
  other.pending = 0;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    this->~Database();
    new (this) Database(std::move(other));
  }
  return *this;
}

Database::~Database() {
  if (handle != nullptr) commit(*this);
  for (sqlite3_stmt* statement : inserts) sqlite3_finalize(statement);
  sqlite3_close(handle);
}

Result<Database> open_database(const std::string& path) {
  Database database;
  // No SQLITE_OPEN_URI, and literal_path for builds that read URIs anyway: -o names a file.
  const int rc = sqlite3_open_v2(literal_path(path).c_str(), &database.handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                 nullptr);
  if (rc != SQLITE_OK) return sql_failure(database.handle, "open " + path);
  sqlite3_busy_timeout(database.handle, 10000);
  // A database that holds other tables is someone else's: refuse it before changing anything
  // (even the journal mode is a change).
  std::vector<const EarlierLayout*> earlier;
  if (std::optional<Failure> foreign = check_tables(database.handle, path, &earlier)) return *foreign;
  // WAL: a reader never blocks the batch, and a killed writer leaves the last commit intact.
  // NORMAL sync is safe against the process dying (not against power loss), which is the
  // trade every batch loader makes.
  if (auto failure = exec(database.handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")) {
    return *failure;
  }
  if (auto failure = exec(database.handle, std::string(generated::plan_sql))) return *failure;
  if (!earlier.empty()) {
    if (auto failure = exec(database.handle, migrate_sql(earlier))) {
      exec(database.handle, "ROLLBACK");
      return *failure;
    }
  }
  return database;
}

Result<bool> has_document(Database& database, const std::string& sha256) {
  Result<Statement> statement = prepare(database.handle, "SELECT 1 FROM documents WHERE sha256 = ?");
  if (!statement.ok()) return statement.error();
  if (!bind(statement.value().get(), 1, sha256)) return sql_failure(database.handle, "bind");
  const int rc = sqlite3_step(statement.value().get());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sql_failure(database.handle, "look up a document");
  return rc == SQLITE_ROW;
}

std::optional<Failure> stored_hashes(Database& database, std::unordered_set<std::string>& hashes) {
  Result<Statement> statement = prepare(database.handle, "SELECT sha256 FROM documents");
  if (!statement.ok()) return statement.error();
  int rc;
  while ((rc = sqlite3_step(statement.value().get())) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement.value().get(), 0);
    if (text) hashes.insert(reinterpret_cast<const char*>(text));
  }
  if (rc != SQLITE_DONE) return sql_failure(database.handle, "read the stored documents");
  return std::nullopt;
}

Result<bool> store_document(Database& database, const Plan& plan, const Provenance& provenance) {
  sqlite3* db = database.handle;
  if (auto failure = begin(database)) return *failure;
  // A savepoint per document: a failure takes back this document's rows, not the group's.
  if (auto failure = exec(db, "SAVEPOINT document")) return *failure;
  const auto fail = [&](Failure failure) -> Result<bool> {
    exec(db, "ROLLBACK TO document; RELEASE document");
    return failure;
  };
  Result<bool> stored = has_document(database, plan.source.sha256);
  if (!stored.ok()) return fail(stored.error());
  if (stored.value()) {
    exec(db, "RELEASE document");
    return false;
  }
  Result<long long> document_id = next_id(db, "documents");
  if (!document_id.ok()) return fail(document_id.error());
  Result<long long> activity_id = next_id(db, "activities");
  if (!activity_id.ok()) return fail(activity_id.error());
  const Rows rows = flatten(plan, provenance, document_id.value(), activity_id.value());
  for (size_t t = 0; t < kTableCount; ++t) {
    if (auto failure = insert_rows(database, t, rows.tables[t])) return fail(*failure);
  }
  if (auto failure = exec(db, "RELEASE document")) return fail(*failure);
  ++database.pending;
  const double open_for = std::chrono::duration<double>(std::chrono::steady_clock::now() - database.opened).count();
  if (database.pending >= kDocumentsPerCommit || open_for >= kSecondsPerCommit) {
    if (auto failure = commit(database)) return *failure;
  }
  return true;
}

std::optional<Failure> store_failure(Database& database, const Row& failure) {
  // Keyed by (path, path_bytes, sha256): the same input failing again updates its row.
  Result<Statement> statement = prepare(database.handle,
                                        "INSERT INTO failures (path, path_bytes, sha256, code, error, at) VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (path, path_bytes, sha256) DO UPDATE SET code = excluded.code, "
                                        "error = excluded.error, at = excluded.at");
  if (!statement.ok()) return statement.error();
  for (size_t c = 0; c < failure.size(); ++c) {
    if (!bind(statement.value().get(), static_cast<int>(c + 1), failure[c])) return sql_failure(database.handle, "bind");
  }
  if (sqlite3_step(statement.value().get()) != SQLITE_DONE) return sql_failure(database.handle, "store a failure");
  return std::nullopt;
}

std::optional<Failure> commit(Database& database) {
  if (sqlite3_get_autocommit(database.handle)) return std::nullopt;
  database.pending = 0;
  return exec(database.handle, "COMMIT");
}

}  // namespace planparse::feeds
