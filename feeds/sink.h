// Feeds, the batch's sinks: where a batch (batch.h) writes its inputs, one interface with a
// JSON Lines (jsonl_sink.cpp), a CSV (csv_sink.cpp) and a SQLite (sqlite_sink.cpp) implementation.
// The batch writes every input through it in input order, then closes it once. Tested through
// run_batch by test_batch.cpp.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_set>

#include "feeds/batch.h"
#include "feeds/relational.h"
#include "ingest/diagnostic.h"

namespace planparse::feeds {

// An open output. The functions share the output's state, which lives as long as they do;
// a Sink destroyed without close(true) leaves the target as it was (SQLite: whole documents).
struct Sink {
  // The sha256s the output already holds (SQLite): inputs with these bytes are skipped as
  // unchanged, and the workers read this set, so it is filled when opened and not changed.
  std::unordered_set<std::string> stored;
  // One parsed input (`item.json` for JSON Lines, `item.plan` otherwise). True when written,
  // false when a document with the same bytes was written before (unchanged). Failures:
  // io_error; the batch then stops.
  std::function<Result<bool>(const Provenance& provenance, const BatchItem& item)> write;
  // The `failures` row of an input that failed (failure_row); JSON Lines has no place for it.
  // Failures: io_error.
  std::function<std::optional<Failure>(const Row& failure)> write_failure;
  // With `keep`, makes what was written visible under its name; without it, drops it where the
  // target allows (JSON Lines and CSV: the old files stay; SQLite keeps its whole documents,
  // which a re-run completes). Failures: io_error.
  std::function<std::optional<Failure>(bool keep)> close;
};

// JSON Lines into `path` (replaced atomically, output.h), or to `stream` when `path` is empty.
// Failures: io_error (the file cannot be created).
Result<Sink> open_jsonl_sink(const std::string& path, std::ostream* stream);

// The CSV table files in `directory` (csv.h open_csv; `raw` keeps formula-like cells). Failures:
// io_error, as open_csv.
Result<Sink> open_csv_sink(const std::string& directory, bool raw);

// The SQLite database at `path` (sqlite.h), its stored sha256s read up front. Failures:
// io_error (not a regular file, not a database, unreadable).
Result<Sink> open_sqlite_sink(const std::string& path);

}  // namespace planparse::feeds
