// Feeds, the CSV sink: each parsed input flattened (relational.h) into the table files of one
// folder (csv.h), failed inputs as rows of failures.csv; the files replace the old ones only
// when the batch closes the sink to keep them. See sink.h.
#include <memory>

#include "feeds/csv.h"
#include "feeds/sink.h"

namespace planparse::feeds {
namespace {

// The export and the ids it has given out, which continue from document to document.
struct CsvExport {
  CsvFiles files;
  long long next_document = 1;
  long long next_activity = 1;
};

}  // namespace

Result<Sink> open_csv_sink(const std::string& directory, bool raw) {
  Result<CsvFiles> files = open_csv(directory, raw);
  if (!files.ok()) return files.error();
  auto out = std::make_shared<CsvExport>();
  out->files = std::move(files.value());
  Sink sink;
  sink.write = [out](const Provenance& provenance, const BatchItem& item) -> Result<bool> {
    // One row of `documents` per sha256, as in SQLite: the same bytes twice are unchanged.
    if (!out->files.documents.insert(item.plan->source.sha256).second) return false;
    write_csv(out->files, flatten(*item.plan, provenance, out->next_document++, out->next_activity));
    out->next_activity += static_cast<long long>(item.plan->activities.size());
    return true;
  };
  sink.write_failure = [out](const Row& failure) -> std::optional<Failure> {
    Rows rows;
    rows[Table::failures].push_back(failure);
    write_csv(out->files, rows);
    return std::nullopt;
  };
  sink.close = [out](bool keep) -> std::optional<Failure> {
    if (keep) return close_csv(out->files);
    discard_csv(out->files);
    return std::nullopt;
  };
  return sink;
}

}  // namespace planparse::feeds
