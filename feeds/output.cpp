// Feeds, output. See output.h.
//
// The temporary files live in a fixed table of slots that a signal handler can walk without
// allocating or locking: a slot's state goes 0 (free) -> 1 (being filled) -> 2 (registered),
// and the handler only reads slots in state 2. unlink(2), rmdir(2), sigaction(2) and raise(3)
// are async-signal-safe, which is all the handler calls.
#include "feeds/output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <utility>

namespace planparse::feeds {
namespace {

constexpr int kSlots = 64;
constexpr size_t kSlotPath = 4096;
constexpr size_t kFlushAt = 1 << 20;

struct TemporarySlot {
  std::atomic<int> state{0};
  bool directory = false;
  char path[kSlotPath];
};
TemporarySlot g_temporaries[kSlots];

extern "C" void remove_temporaries(int signal_number) {
  for (TemporarySlot& slot : g_temporaries) {
    if (slot.state.load() == 2 && !slot.directory) ::unlink(slot.path);
  }
  // Folders after the files that may be in them; rmdir removes only an empty one, so a folder
  // that holds anything (another program's file, a table already committed) stays.
  for (TemporarySlot& slot : g_temporaries) {
    if (slot.state.load() == 2 && slot.directory) ::rmdir(slot.path);
  }
  // Die of the signal, as without the handler, so the parent sees why (128 + N in a shell).
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  ::sigemptyset(&fallback.sa_mask);
  ::sigaction(signal_number, &fallback, nullptr);
  ::raise(signal_number);
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (::sigaction(signal_number, nullptr, &old) != 0) continue;
      if (old.sa_handler == SIG_IGN) continue;  // nohup and friends asked to ignore it: keep that
      struct sigaction handler {};
      handler.sa_handler = remove_temporaries;
      ::sigemptyset(&handler.sa_mask);
      ::sigaction(signal_number, &handler, nullptr);
    }
  });
}

// Holds SIGINT, SIGTERM and SIGHUP back while it lives: between making a path and
// registering it, a signal would leave the path behind.
class SignalsHeld {
 public:
  SignalsHeld() {
    install_handlers();
    sigset_t stops;
    ::sigemptyset(&stops);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&stops, signal_number);
    ::pthread_sigmask(SIG_BLOCK, &stops, &before_);
  }
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &before_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t before_;
};

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

Failure io_failure(std::string message) { return Failure{Code::io_error, std::move(message), ""}; }

// The length of the UTF-8 sequence at `i` and its code point, or 0 when it is not one.
size_t utf8_sequence(std::string_view text, size_t i, char32_t* code_point) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length;
  char32_t value;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *code_point = value;
  return length;
}

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char escape[16];
  for (size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const size_t length = utf8_sequence(text, i, &c);
    if (length == 0) {
      std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned char>(text[i]));
      out += escape;
      ++i;
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(c));
      out += escape;
    } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(c));
      out += escape;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

Result<OutputFile> resolve_output_file(const std::string& path) {
  std::string current = path;
  for (int links = 0;; ++links) {
    struct stat status {};
    if (::lstat(current.c_str(), &status) != 0) {
      if (errno != ENOENT) return io_failure(std::strerror(errno));
      OutputFile file;
      file.path = current;
      return file;
    }
    if (S_ISLNK(status.st_mode)) {
      if (links >= 40) return io_failure(std::strerror(ELOOP));
      std::string target(static_cast<size_t>(status.st_size > 0 ? status.st_size : 4096) + 1, '\0');
      const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
      if (n < 0) return io_failure(std::strerror(errno));
      target.resize(static_cast<size_t>(n));
      current = target.front() == '/' ? target : folder_of(current) + target;
      continue;
    }
    if (S_ISREG(status.st_mode)) {
      OutputFile file;
      file.path = current;
      file.exists = true;
      file.mode = status.st_mode & 07777;
      file.owner = status.st_uid;
      file.group = status.st_gid;
      return file;
    }
    const char* kind = S_ISDIR(status.st_mode)                               ? "is a directory"
                       : S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode) ? "is a device"
                       : S_ISFIFO(status.st_mode)                           ? "is a FIFO"
                       : S_ISSOCK(status.st_mode)                           ? "is a socket"
                                                                            : "is not a regular file";
    return io_failure(std::string(kind) + ", not a regular file; left as it is");
  }
}

int register_temporary(const std::string& path, bool directory) {
  if (path.size() >= kSlotPath) return -1;
  install_handlers();
  for (int k = 0; k < kSlots; ++k) {
    int expected = 0;
    if (!g_temporaries[k].state.compare_exchange_strong(expected, 1)) continue;
    g_temporaries[k].directory = directory;
    std::memcpy(g_temporaries[k].path, path.c_str(), path.size() + 1);
    g_temporaries[k].state.store(2);
    return k;
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot >= 0 && slot < kSlots) g_temporaries[slot].state.store(0);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)),
      temporary_(std::move(other.temporary_)),
      fd_(std::exchange(other.fd_, -1)),
      slot_(std::exchange(other.slot_, -1)),
      buffer_(std::move(other.buffer_)),
      error_(other.error_) {
  other.temporary_.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    discard();
    target_ = std::move(other.target_);
    temporary_ = std::exchange(other.temporary_, std::string());
    fd_ = std::exchange(other.fd_, -1);
    slot_ = std::exchange(other.slot_, -1);
    buffer_ = std::move(other.buffer_);
    error_ = other.error_;
  }
  return *this;
}

AtomicFile::~AtomicFile() { discard(); }

std::optional<Failure> AtomicFile::open(const std::string& path) {
  discard();
  Result<OutputFile> target = resolve_output_file(path);
  if (!target.ok()) return target.error();
  target_ = target.value();
  std::string pattern = target_.path + ".tmp.XXXXXX";
  int made = 0;
  {
    // The handlers go in first, and the signals wait until the temporary is registered.
    const SignalsHeld held;
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    made = errno;
    if (fd_ >= 0) {
      temporary_ = pattern;
      slot_ = register_temporary(temporary_);
    }
  }
  if (fd_ < 0) return io_failure(std::strerror(made));
  // mkstemp makes 0600; the file should end up as a shell redirect would leave it.
  if (target_.exists) {
    if (::geteuid() == 0) (void)::fchown(fd_, target_.owner, target_.group);
    ::fchmod(fd_, target_.mode);
  } else {
    ::fchmod(fd_, new_file_mode());
  }
  buffer_.clear();
  error_ = 0;
  return std::nullopt;
}

bool AtomicFile::flush() {
  size_t written = 0;
  while (error_ == 0 && written < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (n < 0) {
      if (errno != EINTR) error_ = errno;
      continue;
    }
    written += static_cast<size_t>(n);
  }
  buffer_.clear();
  return error_ == 0;
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0 || error_ != 0) return;
  buffer_.append(bytes);
  if (buffer_.size() >= kFlushAt) flush();
}

std::optional<Failure> AtomicFile::commit() {
  if (fd_ < 0) return io_failure("not open");
  if (!flush() || ::fsync(fd_) != 0) {
    if (error_ == 0) error_ = errno;
  }
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  fd_ = -1;
  if (error_ == 0 && std::rename(temporary_.c_str(), target_.path.c_str()) != 0) error_ = errno;
  if (error_ != 0) {
    const int error = error_;
    discard();
    return io_failure(std::strerror(error));
  }
  unregister_temporary(slot_);
  slot_ = -1;
  temporary_.clear();
  return std::nullopt;
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
  unregister_temporary(slot_);
  slot_ = -1;
  buffer_.clear();
}

std::optional<Failure> write_file_atomically(const std::string& path, std::string_view text) {
  AtomicFile file;
  if (std::optional<Failure> failure = file.open(path)) return failure;
  file.write(text);
  return file.commit();
}

std::optional<Failure> ensure_directory(const std::string& path, bool* created, int* slot) {
  if (created) *created = false;
  if (slot) *slot = -1;
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) return std::nullopt;
    return io_failure("is not a directory");
  }
  if (errno != ENOENT) return io_failure(std::strerror(errno));
  // 0777: the kernel takes the umask off, as mkdir(1) would.
  // Registered after the mkdir succeeded (a folder that was there before is never registered)
  // and before any signal can be taken.
  const SignalsHeld held;
  if (::mkdir(path.c_str(), 0777) != 0) return io_failure(std::string("cannot create the directory: ") + std::strerror(errno));
  if (created) *created = true;
  if (slot) *slot = register_temporary(path, /*directory=*/true);
  return std::nullopt;
}

}  // namespace planparse::feeds
