// Stage 0, ingest: reads a file or stdin, rejects what is not a text document, checks the
// UTF-8 and tells plain text from HTML. External interface: read_source, decode_source and
// detect_format in source.h (sha256_hex lives in sha256.cpp). Tested by test_ingest.cpp.
#include "ingest/source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <unicode/uchar.h>

namespace planparse {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kFormatWindow = 64 * 1024;

std::string byte_where(size_t offset) { return "byte " + std::to_string(offset); }

std::string hex_byte(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0xf];
}

// --- Binary input ------------------------------------------------------------------------

// NUL and the C0 controls other than \t \n \v \f \r (ESC included) do not occur in the text
// documents we read. In UTF-8 these bytes never sit inside a multi-byte sequence, so a byte
// scan is exact; it runs before the UTF-8 check so a PNG or a zip says "binary".
bool is_binary_byte(unsigned char byte) {
  if (byte >= 0x20) return false;
  return byte != '\t' && byte != '\n' && byte != '\v' && byte != '\f' && byte != '\r';
}

std::optional<size_t> find_binary_byte(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (is_binary_byte(static_cast<unsigned char>(bytes[i]))) return i;
  }
  return std::nullopt;
}

Failure binary_failure(std::string_view bytes, size_t offset) {
  auto byte = static_cast<unsigned char>(bytes[offset]);
  std::string what = byte == 0 ? "NUL byte" : "control byte " + hex_byte(byte);
  return Failure{Code::binary_input, "input is binary (" + what + ")", byte_where(offset)};
}

// --- UTF-8 -------------------------------------------------------------------------------

// One step of a strict UTF-8 decoder (Unicode Table 3-7, "Well-Formed UTF-8 Byte
// Sequences"): either a code point and its length, or why the sequence starting here is
// ill-formed. Overlong forms, surrogates and values above U+10FFFF are rejected.
struct Utf8Step {
  char32_t code_point = 0;
  size_t length = 0;
  std::string_view error;  // empty when the sequence is well formed
};

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

Utf8Step decode_utf8_step(std::string_view bytes, size_t pos) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = at(pos);
  if (lead < 0x80) return {lead, 1, {}};
  if (in_range(lead, 0x80, 0xBF)) return {0, 0, "stray continuation byte"};
  if (lead == 0xC0 || lead == 0xC1) return {0, 0, "overlong form"};
  if (in_range(lead, 0xF5, 0xF7)) return {0, 0, "beyond U+10FFFF"};
  if (lead >= 0xF8) return {0, 0, "byte not used in UTF-8"};

  const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  // The second byte's range depends on the lead byte; that is where overlong forms,
  // surrogates and values above U+10FFFF show.
  unsigned char low = 0x80, high = 0xBF;
  std::string_view out_of_range = "missing continuation byte";
  if (lead == 0xE0) {
    low = 0xA0;
    out_of_range = "overlong form";
  } else if (lead == 0xED) {
    high = 0x9F;
    out_of_range = "surrogate";
  } else if (lead == 0xF0) {
    low = 0x90;
    out_of_range = "overlong form";
  } else if (lead == 0xF4) {
    high = 0x8F;
    out_of_range = "beyond U+10FFFF";
  }

  char32_t code_point = lead & (0xFF >> (length + 1));
  for (size_t i = 1; i < length; ++i) {
    if (pos + i >= bytes.size()) return {0, 0, "truncated at end of input"};
    const unsigned char next = at(pos + i);
    if (!in_range(next, 0x80, 0xBF)) return {0, 0, "missing continuation byte"};
    if (i == 1 && !in_range(next, low, high)) return {0, 0, out_of_range};
    code_point = (code_point << 6) | (next & 0x3F);
  }
  return {code_point, length, {}};
}

// White space for the empty-input test: Unicode White_Space, plus U+FEFF (a BOM or
// zero-width no-break space, which holds no text either).
bool is_blank(char32_t code_point) {
  return code_point == 0xFEFF || u_isUWhiteSpace(static_cast<UChar32>(code_point));
}

// --- Reading -----------------------------------------------------------------------------

std::string errno_text(int error) {
  std::string text = std::strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// Reads `stream` to its end. Stops early at the first chunk that holds a binary byte: the
// input will be rejected at that byte anyway, and /dev/zero or a large binary file must not
// be read to the end (or forever).
Result<std::string> read_stream(std::FILE* stream) {
  std::string bytes;
  for (;;) {
    const size_t start = bytes.size();
    bytes.resize(start + kReadChunk);
    errno = 0;
    const size_t got = std::fread(bytes.data() + start, 1, kReadChunk, stream);
    bytes.resize(start + got);
    if (std::ferror(stream)) {
      const int error = errno;
      return Failure{Code::io_error, "cannot read: " + errno_text(error != 0 ? error : EIO), ""};
    }
    if (find_binary_byte(std::string_view(bytes).substr(start))) break;
    if (got < kReadChunk && std::feof(stream)) break;
  }
  return bytes;
}

Result<std::string> read_file(const std::string& path) {
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  errno = 0;
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    return Failure{Code::io_error, "cannot open: " + errno_text(error != 0 ? error : ENOENT), ""};
  }
  return read_stream(file.get());
}

std::string file_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

// --- Format ------------------------------------------------------------------------------

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// True when `text` at `pos` holds `word` (lower case; compared ASCII-case-insensitively).
bool has_word_at(std::string_view text, size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (ascii_lower(text[pos + i]) != word[i]) return false;
  }
  return true;
}

// True when `text` at `pos` holds `opening` ("<table") ending at a tag boundary: the end of
// the text, white space, '>' or '/'. So "<p>" and "<p class" count, "<plan" does not.
bool has_tag_at(std::string_view text, size_t pos, std::string_view opening) {
  if (!has_word_at(text, pos, opening)) return false;
  const size_t end = pos + opening.size();
  return end == text.size() || is_ascii_space(text[end]) || text[end] == '>' || text[end] == '/';
}

}  // namespace

Result<Source> decode_source(std::string name, std::string bytes) {
  if (bytes.empty()) return Failure{Code::empty_input, "input is empty", ""};
  if (std::optional<size_t> offset = find_binary_byte(bytes)) return binary_failure(bytes, *offset);

  const bool has_bom = bytes.starts_with(kUtf8Bom);
  bool blank = true;
  for (size_t pos = 0; pos < bytes.size();) {
    const Utf8Step step = decode_utf8_step(bytes, pos);
    if (!step.error.empty()) {
      return Failure{Code::invalid_utf8, "invalid UTF-8 sequence (" + std::string(step.error) + ")",
                     byte_where(pos)};
    }
    if (blank && !is_blank(step.code_point)) blank = false;
    pos += step.length;
  }
  if (blank) return Failure{Code::empty_input, "input is only white space", ""};

  Source source;
  source.name = std::move(name);
  source.sha256 = sha256_hex(bytes);
  source.encoding = "UTF-8";
  source.text = has_bom ? bytes.substr(kUtf8Bom.size()) : bytes;
  source.format = detect_format(source.text);
  source.bytes = std::move(bytes);
  return source;
}

Result<Source> read_source(const std::string& path) {
  const bool from_stdin = path == "-";
  Result<std::string> bytes = from_stdin ? read_stream(stdin) : read_file(path);
  if (!bytes.ok()) return bytes.error();
  Result<Source> source = decode_source(from_stdin ? "<stdin>" : file_name(path), std::move(bytes).value());
  if (source.ok()) source.value().path = path;
  return source;
}

// The rule, kept small on purpose:
//   1. Skip white space and BOMs. If the text opens with "<!doctype html", "<!--" or one of
//      the tags <html <head <body <table <meta <div <p, it is HTML.
//   2. Otherwise, if "<html", "<body" or "<table" starts within the first 64 KiB, it is HTML
//      (this covers an "<?xml ...?>" prologue before XHTML, and portal pages that open with
//      stray text).
//   3. Otherwise it is text.
// Names compare ASCII-case-insensitively and must end at a tag boundary ("<plan" is not "<p").
std::string detect_format(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    if (is_ascii_space(text[start])) {
      ++start;
    } else if (text.substr(start).starts_with(kUtf8Bom)) {
      start += kUtf8Bom.size();
    } else {
      break;
    }
  }

  if (has_tag_at(text, start, "<!doctype html") || has_word_at(text, start, "<!--")) return "html";
  for (std::string_view tag : {"<html", "<head", "<body", "<table", "<meta", "<div", "<p"}) {
    if (has_tag_at(text, start, tag)) return "html";
  }

  const size_t window = std::min(text.size(), kFormatWindow);
  for (size_t pos = text.find('<'); pos < window; pos = text.find('<', pos + 1)) {
    for (std::string_view tag : {"<html", "<body", "<table"}) {
      if (has_tag_at(text, pos, tag)) return "html";
    }
  }
  return "text";
}

}  // namespace planparse
