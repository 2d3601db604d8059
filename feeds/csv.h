// Feeds, CSV: the rows of relational.h as one RFC 4180 file per table (`<table>.csv`: a header
// row, then the rows; UTF-8; CRLF line ends; a field quoted when it holds a comma, a quote, CR
// or LF, quotes doubled; NULL as an empty field). A text field that a spreadsheet would run as
// a formula (one starting with = + - @, a tab or CR) gets a leading ' unless it is a plain
// number such as "-5"; `raw` keeps every field as it is. The files go into a folder that may
// hold other files: only the table files are replaced, each atomically (output.h), and a
// table file planparse did not write (its first line is not that table's header row, as this
// version writes it or as an earlier one did: relational.h earlier_layouts) is refused with
// nothing changed. Tested by test_feeds.cpp and test_output.cpp.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_set>

#include "feeds/output.h"
#include "feeds/relational.h"
#include "ingest/diagnostic.h"

namespace planparse::feeds {

// One CSV field, quoted when it must be, and neutralised (above) unless `raw`.
std::string csv_field(const Value& value, bool raw = false);
// One CSV record with its CRLF.
std::string csv_record(const Row& row, bool raw = false);

// The table files of one export, being written beside their final names in `directory`.
struct CsvFiles {
  std::string directory;
  bool raw = false;
  std::array<AtomicFile, kTableCount> files;
  std::unordered_set<std::string> documents;  // the sha256s written: one row per document, as SQLite keeps
  bool created = false;  // `directory` did not exist before this export: removed again if it ends empty
  int directory_slot = -1;  // its registration for removal on a signal (output.h), while it may end empty
};

// Creates `directory` when it is missing (one level: its parent must exist), checks that no
// table file in it is someone else's, and starts every file with its header row. Failures:
// io_error naming the directory or the file; then nothing in the directory has changed (and a
// directory this call created is gone). A folder it created is removed again if the run is
// killed (SIGINT, SIGTERM, SIGHUP) or discard_csv is called while it is empty; one that
// existed before is never removed.
Result<CsvFiles> open_csv(const std::string& directory, bool raw = false);
// Appends the rows to their files.
void write_csv(CsvFiles& csv, const Rows& rows);
// Replaces every table file with its new version. Failures: io_error naming the file (then as
// discard_csv).
std::optional<Failure> close_csv(CsvFiles& csv);
// Drops the export: removes the temporary table files, and the directory if open_csv created
// it and it is empty.
void discard_csv(CsvFiles& csv);

}  // namespace planparse::feeds
