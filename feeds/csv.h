// Feeds, CSV: the rows of relational.h as one RFC 4180 file per table (`<table>.csv`: a header
// row, then the rows; UTF-8; CRLF line ends; a field quoted when it holds a comma, a quote, CR
// or LF, quotes doubled; NULL as an empty field). Tested by test_feeds.cpp.
#pragma once

#include <array>
#include <fstream>
#include <optional>
#include <string>

#include "feeds/relational.h"
#include "ingest/diagnostic.h"

namespace planparse::feeds {

// One CSV field, quoted when it must be.
std::string csv_field(const Value& value);
// One CSV record with its CRLF.
std::string csv_record(const Row& row);

// The nine files of one export, open in `directory` (which must exist).
struct CsvFiles {
  std::string directory;
  std::array<std::ofstream, kTableCount> files;
};

// Creates every file with its header row. Failures: io_error naming the file.
Result<CsvFiles> open_csv(const std::string& directory);
// Appends the rows to their files. Failures: io_error naming the file.
std::optional<Failure> write_csv(CsvFiles& csv, const Rows& rows);
// Flushes and closes every file. Failures: io_error naming the file.
std::optional<Failure> close_csv(CsvFiles& csv);

}  // namespace planparse::feeds
