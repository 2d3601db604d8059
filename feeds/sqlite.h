// Feeds, SQLite: the rows of relational.h stored in a database with schema/plan.sql's tables,
// one document per transaction, so that a killed run leaves whole documents only and the next
// run (which skips every sha256 already stored) completes the rest. WAL mode. Tested by
// test_feeds.cpp and, with a SIGKILL, by test_batch.cpp.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>

#include "feeds/relational.h"
#include "ingest/diagnostic.h"

struct sqlite3;

namespace planparse::feeds {

// An open database; closing it is the destructor's job.
struct Database {
  sqlite3* handle = nullptr;
  Database() = default;
  Database(Database&& other) noexcept : handle(other.handle) { other.handle = nullptr; }
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

// Stores one parsed document in one transaction, its ids after the largest stored. False when
// a document with its sha256 is already there (nothing written). Failures: io_error.
Result<bool> store_document(Database& database, const Plan& plan, const Provenance& provenance);

// Stores one row of `failures`. Failures: io_error.
std::optional<Failure> store_failure(Database& database, const Row& failure);

}  // namespace planparse::feeds
