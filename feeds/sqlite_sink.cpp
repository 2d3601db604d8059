// Feeds, the SQLite sink: each parsed input stored as its rows (sqlite.h), failed inputs as
// rows of `failures`. Documents are committed in groups as they come, so a batch that fails
// or is killed leaves whole documents, which the next run skips by their sha256. See sink.h.
#include <memory>

#include "feeds/output.h"
#include "feeds/sink.h"
#include "feeds/sqlite.h"

namespace planparse::feeds {

Result<Sink> open_sqlite_sink(const std::string& path) {
  // A device, a FIFO or a directory is refused before SQLite can make it a database.
  Result<OutputFile> target = resolve_output_file(path);
  if (!target.ok()) return target.error();
  Result<Database> opened = open_database(target.value().path);
  if (!opened.ok()) return opened.error();
  auto database = std::make_shared<Database>(std::move(opened.value()));
  Sink sink;
  // Every stored sha256 up front, so that workers skip known documents without a query.
  if (std::optional<Failure> failure = stored_hashes(*database, sink.stored)) return *failure;
  sink.write = [database](const Provenance& provenance, const BatchItem& item) {
    return store_document(*database, *item.plan, provenance);  // false: the same bytes twice in one batch
  };
  sink.write_failure = [database](const Row& failure) { return store_failure(*database, failure); };
  // What is stored stays stored, kept or not: whole documents only, which a re-run completes.
  sink.close = [database](bool) { return commit(*database); };
  return sink;
}

}  // namespace planparse::feeds
