// Feeds, the JSON Lines sink: each parsed input's compact JSON on a line of its own, into a
// file replaced atomically or onto a stream (stdout). Failed inputs leave no line: they are
// reported on stderr only. See sink.h.
#include <memory>

#include "feeds/output.h"
#include "feeds/sink.h"

namespace planparse::feeds {

Result<Sink> open_jsonl_sink(const std::string& path, std::ostream* stream) {
  Sink sink;
  sink.write_failure = [](const Row&) -> std::optional<Failure> { return std::nullopt; };
  if (path.empty()) {
    // A library caller that names neither a file nor a stream: told before any input is read.
    if (stream == nullptr) return Failure{Code::io_error, "nowhere to write JSON Lines: no output file and no stream", ""};
    sink.write = [stream](const Provenance&, const BatchItem& item) -> Result<bool> {
      *stream << item.json << '\n';
      if (!*stream) return Failure{Code::io_error, "cannot write", ""};
      return true;
    };
    sink.close = [](bool) -> std::optional<Failure> { return std::nullopt; };
    return sink;
  }
  // Shared by the functions below; the last one destroyed discards an uncommitted temporary.
  auto file = std::make_shared<AtomicFile>();
  if (std::optional<Failure> failure = file->open(path)) return *failure;
  sink.write = [file](const Provenance&, const BatchItem& item) -> Result<bool> {
    // Buffered: a failed write is kept by the file and reported when it is committed.
    file->write(item.json);
    file->write("\n");
    return true;
  };
  sink.close = [file](bool keep) -> std::optional<Failure> {
    if (keep) return file->commit();
    file->discard();
    return std::nullopt;
  };
  return sink;
}

}  // namespace planparse::feeds
