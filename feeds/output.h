// Feeds, output: the one way planparse writes a file, for every command (parse, diff, batch
// JSONL, CSV and SQLite targets). A target is checked before anything is written: a device, a
// FIFO, a socket or a directory where a file is meant is refused, never replaced; a symlink is
// followed and its target replaced; a file is written beside its target under a temporary
// name and renamed over it, so a reader sees the old file or the new one, never half of one.
// A killed run (SIGINT, SIGTERM, SIGHUP) removes its temporary files on the way out, and a
// folder it created that is still empty. Also
// one_line(), which keeps a name or message on one line of stderr. Tested by test_output.cpp.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

#include "ingest/diagnostic.h"

namespace planparse::feeds {

// `text` with what could break or forge a line escaped: \n, \r, \t as themselves, other C0
// controls, DEL and bytes that are not UTF-8 as \xHH, C1 controls and the bidirectional
// controls (U+200E/F, U+202A-E, U+2066-9, U+061C) as \uHHHH. Everything else is kept.
std::string one_line(std::string_view text);

// What a path names once its symlinks are followed.
struct OutputFile {
  std::string path;       // the file to replace (the last link's target), or to create
  bool exists = false;
  mode_t mode = 0;        // the existing file's permission bits
  uid_t owner = 0;
  gid_t group = 0;
};

// Follows `path`'s symlinks and checks that what is left is a regular file or nothing (its
// folder must exist). Failures: io_error "is a directory", "is a device", "is a FIFO", "is a
// socket" (nothing is touched), or the system's reason (a symlink loop, no such folder).
Result<OutputFile> resolve_output_file(const std::string& path);

// A file being written under a temporary name beside its target, made visible by commit().
// The temporary is registered for removal on SIGINT/SIGTERM/SIGHUP, and removed by the
// destructor unless committed. New files get the mode a shell redirect gives (0666 less the
// umask); a replaced file keeps its mode (and, when planparse may, its owner).
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // Resolves `path` (resolve_output_file) and creates the temporary. Failures: io_error.
  std::optional<Failure> open(const std::string& path);
  // Buffered; the first failure is kept and reported by commit().
  void write(std::string_view bytes);
  // Flushes, syncs and renames the temporary over the target. Failures: io_error (the
  // temporary is removed and the target left as it was).
  std::optional<Failure> commit();
  // Removes the temporary; the target is left as it was.
  void discard();

  const std::string& target() const { return target_.path; }

 private:
  bool flush();

  OutputFile target_;
  std::string temporary_;
  int fd_ = -1;
  int slot_ = -1;  // in the signal registry
  std::string buffer_;
  int error_ = 0;  // errno of the first failed write
};

// `text` written to `path` through an AtomicFile. Failures: io_error.
std::optional<Failure> write_file_atomically(const std::string& path, std::string_view text);

// Registers a temporary path for removal if SIGINT, SIGTERM or SIGHUP arrives (the handler
// removes every registered file, then every registered `directory` that is empty by then,
// then dies of the signal as it would have). -1 when the registry is full or the path too
// long: the path is then only removed by its owner.
int register_temporary(const std::string& path, bool directory = false);
void unregister_temporary(int slot);

// The directory `path` names, created (one level: its parent must exist) with the mode the
// umask gives when it is missing; `*created` says whether this call made it. With `slot`, a
// folder it makes is registered (register_temporary, as a directory) before any signal can
// arrive, for removal on a signal while it is empty; `*slot` is the registration, or -1.
// Failures: io_error when it is something else, or cannot be created.
std::optional<Failure> ensure_directory(const std::string& path, bool* created = nullptr, int* slot = nullptr);

}  // namespace planparse::feeds
