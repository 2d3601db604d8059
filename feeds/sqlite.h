// Feeds, SQLite: the rows of relational.h stored in a database with schema/plan.sql's tables.
// Documents are committed in groups (a transaction per kDocumentsPerCommit documents or
// kSecondsPerCommit, whichever comes first, and at close), never half a document, so that a
// killed run leaves whole documents only and the next run (which skips every sha256 already
// stored) completes the rest. WAL mode. Tested by test_feeds.cpp and, with a SIGKILL, by
// test_batch.cpp.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>

#include "feeds/relational.h"
#include "ingest/diagnostic.h"

#include <array>
#include <chrono>

struct sqlite3;
struct sqlite3_stmt;

namespace planparse::feeds {

// One commit per this many documents: a commit costs about as much as storing a document.
inline constexpr int kDocumentsPerCommit = 64;
inline constexpr double kSecondsPerCommit = 1.0;

// An open database; the destructor commits what is pending and closes it.
struct Database {
  sqlite3* handle = nullptr;
  std::array<sqlite3_stmt*, kTableCount> inserts{};  // prepared once, per table
  int pending = 0;                                   // documents in the open transaction
  std::chrono::steady_clock::time_point opened{};    // when that transaction began
  Database() = default;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();
};

// Opens or creates the database and its tables (schema/plan.sql, idempotent). Failures:
// io_error with SQLite's message (not a database, read-only, no such directory).
Result<Database> open_database(const std::string& path);

// Whether a document with this sha256 is stored.
Result<bool> has_document(Database& database, const std::string& sha256);

// Adds the sha256 of every stored document to `hashes`. Failures: io_error.
std::optional<Failure> stored_hashes(Database& database, std::unordered_set<std::string>& hashes);

// Stores one parsed document (all of its rows or none), its ids after the largest stored.
// False when a document with its sha256 is already there (nothing written). Failures: io_error.
Result<bool> store_document(Database& database, const Plan& plan, const Provenance& provenance);

// Stores one row of `failures`. Failures: io_error.
std::optional<Failure> store_failure(Database& database, const Row& failure);

// Commits the open transaction, if any. Failures: io_error.
std::optional<Failure> commit(Database& database);

}  // namespace planparse::feeds
