// Stage 0, ingest: reads a file or stdin, rejects what is not a text document, decodes it to
// UTF-8 (the charset step is charset.cpp) and tells plain text from HTML. External interface:
// read_source, decode_source and detect_format in source.h (sha256_hex lives in sha256.cpp).
// Tested by test_ingest.cpp and test_charset.cpp.
#include "ingest/source.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <sys/stat.h>
#include <unicode/uchar.h>

#include "ingest/ascii.h"
#include "ingest/charset.h"
#include "ingest/container.h"

namespace planparse {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kReadChunk = 64 * 1024;
// The tags an HTML document (a saved page, a fragment, Word's export) opens with.
constexpr std::string_view kDocumentTags[] = {"<html", "<head", "<body", "<table", "<meta", "<div", "<p",
                                             "<title", "<link", "<style", "<script", "<article", "<main",
                                             "<section", "<h1", "<h2", "<h3", "<center", "<font", "<span"};

std::string byte_where(size_t offset) { return "byte " + std::to_string(offset); }

std::string hex_byte(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0xf];
}

// --- Binary input ------------------------------------------------------------------------

// NUL and the C0 controls other than \t \n \v \f \r (ESC included) do not occur in the text
// documents we read. The check runs on code units before decoding: in UTF-8 and the 8-bit
// charsets these bytes never sit inside a multi-byte sequence and mean the same control, and in
// UTF-16/32 a control is one whole unit, so a unit scan is exact and names the byte offset. It
// runs before the charset is decoded so a PNG or a zip says "binary".
bool is_binary_unit(uint32_t unit) {
  if (unit >= 0x20) return false;
  return unit != '\t' && unit != '\n' && unit != '\v' && unit != '\f' && unit != '\r';
}

uint32_t unit_at(std::string_view bytes, size_t offset, CodeUnit unit) {
  uint32_t value = 0;
  for (size_t i = 0; i < unit.width; ++i) {
    const auto byte = static_cast<unsigned char>(bytes[offset + (unit.big_endian ? i : unit.width - 1 - i)]);
    value = (value << 8) | byte;
  }
  return value;
}

// The byte offset of the first binary unit at or after `from` (a multiple of the unit width);
// a truncated last unit is left to the decoder.
std::optional<size_t> find_binary_unit(std::string_view bytes, CodeUnit unit, size_t from = 0) {
  for (size_t i = from; i + unit.width <= bytes.size(); i += unit.width) {
    if (is_binary_unit(unit_at(bytes, i, unit))) return i;
  }
  return std::nullopt;
}

Failure binary_failure(std::string_view bytes, size_t offset, CodeUnit unit) {
  const uint32_t value = unit_at(bytes, offset, unit);
  std::string what;
  if (unit.width == 1) {
    what = value == 0 ? "NUL byte" : "control byte " + hex_byte(static_cast<unsigned char>(value));
  } else {
    what = value == 0 ? "NUL character" : "control character U+00" + hex_byte(static_cast<unsigned char>(value)).substr(2);
  }
  return Failure{Code::binary_input, "input is binary (" + what + ")", byte_where(offset)};
}

// White space for the empty-input test: Unicode White_Space, plus U+FEFF (a BOM or
// zero-width no-break space, which holds no text either).
bool is_blank(UChar32 code_point) { return code_point == 0xFEFF || u_isUWhiteSpace(code_point); }

// `text` is well-formed UTF-8 (the decoder has checked it).
bool is_blank_text(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    UChar32 code_point = lead & (0xFF >> (length == 1 ? 1 : length + 1));
    for (size_t i = 1; i < length && pos + i < text.size(); ++i) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    }
    if (!is_blank(code_point)) return false;
    pos += length;
  }
  return true;
}

// The canonical name of options.encoding; empty when it is empty (detect).
Result<std::string> given_charset(const DecodeOptions& options) {
  if (options.encoding.empty()) return std::string();
  if (std::optional<std::string> name = canonical_charset(options.encoding)) return *name;
  return Failure{Code::unknown_encoding,
                 "unknown encoding \"" + options.encoding + "\" (known: " + std::string(supported_charsets()) + ")", ""};
}

// --- Reading -----------------------------------------------------------------------------

std::string errno_text(int error) {
  std::string text = std::strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// Reads `stream` to its end. Stops early at the first chunk that holds a binary code unit: the
// input will be rejected there anyway, and /dev/zero or a large binary file must not be read
// to the end (or forever). The code unit (byte, or UTF-16/32 unit) follows `given` (a
// canonical charset or empty) and the BOM; chunks are a multiple of 4 bytes, so units align.
Failure too_large(size_t max_bytes) {
  return Failure{Code::limit_exceeded,
                 "input is larger than " + std::to_string(max_bytes) + " bytes (the --max-bytes limit)",
                 byte_where(max_bytes)};
}

// `expected_size` (a regular file's size, else 0) is reserved up front: grown a chunk at a
// time, the string doubles its capacity and a 64 MiB page would sit in 128 MiB through the
// whole parse (issue 14). A stream of unknown size is trimmed to its size once read.
Result<std::string> read_stream(std::FILE* stream, const std::string& given, size_t max_bytes, size_t expected_size = 0) {
  std::string bytes;
  // One chunk past the size: the read that finds the end needs room for a whole chunk.
  if (expected_size > 0 && expected_size <= max_bytes) bytes.reserve(expected_size + kReadChunk);
  for (;;) {
    // One byte past the limit is enough to know the input passes it.
    if (bytes.size() > max_bytes) return too_large(max_bytes);
    const size_t start = bytes.size();
    bytes.resize(start + kReadChunk);
    errno = 0;
    const size_t got = std::fread(bytes.data() + start, 1, kReadChunk, stream);
    bytes.resize(start + got);
    if (std::ferror(stream)) {
      const int error = errno;
      return Failure{Code::io_error, "cannot read: " + errno_text(error != 0 ? error : EIO), ""};
    }
    const CodeUnit unit = input_code_unit(bytes, given);
    // A ZIP or OLE2 file is read whole: its entries say what it is (container.h).
    if (!opens_like_container(bytes) && find_binary_unit(bytes, unit, start - start % unit.width)) break;
    if (got < kReadChunk && std::feof(stream)) break;
  }
  if (bytes.capacity() - bytes.size() > kReadChunk + bytes.size() / 8) bytes.shrink_to_fit();
  return bytes;
}

Result<std::string> read_file(const std::string& path, const std::string& given, size_t max_bytes) {
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  errno = 0;
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    return Failure{Code::io_error, "cannot open: " + errno_text(error != 0 ? error : ENOENT), ""};
  }
  struct stat status {};
  const bool sized = ::fstat(::fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0;
  return read_stream(file.get(), given, max_bytes, sized ? static_cast<size_t>(status.st_size) : 0);
}

std::string file_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

// --- Format ------------------------------------------------------------------------------

using ascii::has_word_at;
using ascii::is_space;

// True when `text` at `pos` holds `opening` ("<table") ending at a tag boundary: the end of
// the text, white space, '>' or '/'. So "<p>" and "<p class" count, "<plan" does not.
bool has_tag_at(std::string_view text, size_t pos, std::string_view opening) {
  if (!has_word_at(text, pos, opening)) return false;
  const size_t end = pos + opening.size();
  return end == text.size() || is_space(text[end]) || text[end] == '>' || text[end] == '/';
}

}  // namespace

// 1. the given charset must be known; 2. empty input; 2a. a container (container.h): a .docx
// is handed on as bytes, other kinds refused; 3. binary code units; 4. the charset
// (charset.h: given, BOM, HTML declaration, UTF-8, detection, fallback), judging "HTML" from
// the raw bytes, whose tags are ASCII in every 8-bit charset we read; 5. decoding; 6. blank text.
Result<Source> decode_source(std::string name, std::string bytes, const DecodeOptions& options) {
  Result<std::string> given = given_charset(options);
  if (!given.ok()) return given.error();
  if (bytes.empty()) return Failure{Code::empty_input, "input is empty", ""};
  if (bytes.size() > options.max_bytes) return too_large(options.max_bytes);
  // A container (a Word document, a PDF, a spreadsheet) is told by its content before the
  // binary check would call it binary: a .docx goes to parsers/docx.h undecoded.
  Container container = sniff_container(bytes);
  if (container.refusal) return *container.refusal;
  if (container.kind == ContainerKind::docx) {
    Source source;
    source.name = std::move(name);
    source.sha256 = sha256_hex(bytes);
    source.format = SourceFormat::docx;
    source.encoding = "UTF-8";  // WordprocessingML's parts are XML in UTF-8
    source.max_bytes = options.max_bytes;
    source.bytes = std::move(bytes);
    return source;
  }
  const CodeUnit unit = input_code_unit(bytes, given.value());
  if (std::optional<size_t> offset = find_binary_unit(bytes, unit)) return binary_failure(bytes, *offset, unit);

  const CharsetChoice charset = choose_charset(bytes, given.value(), detect_format(bytes) == SourceFormat::html);
  Result<std::string> text = decode_to_utf8(bytes, charset);
  if (!text.ok()) return text.error();
  if (is_blank_text(text.value())) return Failure{Code::empty_input, "input is only white space", ""};

  Source source;
  source.name = std::move(name);
  source.sha256 = sha256_hex(bytes);
  source.encoding = charset.name;
  source.text = std::move(text).value();
  // A charset the user names is taken at its word, garbled-looking text included.
  if (std::optional<Ungarbled> ungarbled =
          charset.origin == CharsetOrigin::given ? std::nullopt : undo_mojibake(source.text)) {
    source.text = std::move(ungarbled->text);
    source.misread = std::move(ungarbled->misread);
  }
  source.format = detect_format(source.text);
  source.bytes = std::move(bytes);
  return source;
}

Result<std::string> read_data_file(const std::string& path, std::string_view what, size_t max_bytes) {
  const std::string named = std::string(what) + " " + path;
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error) return Failure{Code::io_error, "cannot open the " + named + ": " + error.message(), ""};
  if (!std::filesystem::is_regular_file(status)) {
    return Failure{Code::io_error, "the " + named + " is not a regular file", ""};
  }
  Result<std::string> bytes = read_file(path, "", max_bytes);
  // read_stream reads whole chunks: the last one may pass the limit.
  if (bytes.ok() && bytes.value().size() > max_bytes) bytes = too_large(max_bytes);
  if (!bytes.ok()) {
    if (bytes.error().code == Code::limit_exceeded) {
      return Failure{Code::limit_exceeded, "the " + named + " is larger than " + std::to_string(max_bytes) + " bytes",
                     ""};
    }
    return Failure{bytes.error().code, "cannot read the " + named + ": " + bytes.error().message, ""};
  }
  // read_stream stops at the first chunk with a control byte; the file is refused, never cut.
  const std::string& text = bytes.value();
  const auto binary = std::find_if(text.begin(), text.end(), [](char c) { return is_binary_unit(static_cast<unsigned char>(c)); });
  if (binary != text.end()) {
    return Failure{Code::binary_input, "the " + named + " is binary (" + hex_byte(static_cast<unsigned char>(*binary)) + ")",
                   byte_where(static_cast<size_t>(binary - text.begin()))};
  }
  return bytes;
}

Result<Source> read_source(const std::string& path, const DecodeOptions& options) {
  Result<std::string> given = given_charset(options);
  if (!given.ok()) return given.error();
  const bool from_stdin = path == "-";
  Result<std::string> bytes = from_stdin ? read_stream(stdin, given.value(), options.max_bytes)
                                         : read_file(path, given.value(), options.max_bytes);
  if (!bytes.ok()) return bytes.error();
  Result<Source> source = decode_source(from_stdin ? "<stdin>" : file_name(path), std::move(bytes).value(), options);
  if (source.ok()) source.value().path = path;
  return source;
}

// The rule, kept small on purpose: the markup a document opens with decides, never a tag
// further in (a text plan whose intro mentions "<table>" is text).
//   1. Skip white space, BOMs, comments ("<!-- saved from url -->"), an "<?xml ...?>" prologue
//      and a doctype; a doctype that names html makes the text HTML.
//   2. Then it is HTML if it opens with a tag of an HTML document (kDocumentTags), or if the
//      markup of step 1 was all there is.
//   3. Otherwise it is text.
// Names compare ASCII-case-insensitively and must end at a tag boundary ("<plan" is not "<p").
SourceFormat detect_format(std::string_view text) {
  size_t start = 0;
  bool skipped_markup = false;
  for (;;) {
    if (start < text.size() && is_space(text[start])) {
      ++start;
    } else if (text.substr(start).starts_with(kUtf8Bom)) {
      start += kUtf8Bom.size();
    } else if (has_word_at(text, start, "<!--") || has_word_at(text, start, "<?xml")) {
      const bool comment = text[start + 1] == '!';
      const size_t end = text.find(comment ? "-->" : "?>", start + 4);
      if (end == std::string_view::npos) return comment ? SourceFormat::html : SourceFormat::text;  // an unclosed comment is markup still
      start = end + (comment ? 3 : 2);
      skipped_markup = true;
    } else if (has_word_at(text, start, "<!doctype")) {
      if (has_tag_at(text, start, "<!doctype html")) return SourceFormat::html;
      return SourceFormat::text;  // <!doctype svg>, or another vocabulary's document
    } else {
      break;
    }
  }
  if (start == text.size()) return skipped_markup ? SourceFormat::html : SourceFormat::text;
  for (std::string_view tag : kDocumentTags) {
    if (has_tag_at(text, start, tag)) return SourceFormat::html;
  }
  return SourceFormat::text;
}

}  // namespace planparse
