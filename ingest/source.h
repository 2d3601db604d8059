// Stage 0, ingest: bytes in. Reads a file or stdin, fingerprints it, decodes it to UTF-8 text
// from its charset (charset.h says how the charset is chosen) and tells plain text from HTML.
// Tested by test_ingest.cpp and test_charset.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/diagnostic.h"
#include "ingest/source_format.h"

namespace planparse {

struct Source {
  std::string name;      // file name without directories; "<stdin>" for "-"
  std::string path;      // as given
  std::string bytes;     // exactly as read
  std::string sha256;    // lower-case hex of `bytes`
  SourceFormat format = SourceFormat::text;
  std::string encoding;  // the charset decoded from, canonical: "UTF-8", "UTF-16LE", "UTF-16BE",
                         // "UTF-32LE", "UTF-32BE", "windows-1251", "windows-1252", "KOI8-R", "ISO-8859-5";
                         // "UTF-8" for docx (its XML parts)
  std::string text;      // decoded UTF-8, BOM removed; empty for docx (its reader takes `bytes`)
  // How the text had been garbled before planparse read it, when it was and `text` is the text
  // as written again (undo_mojibake, charset.h): "UTF-8 read as windows-1251", …; else empty.
  std::string misread;
  size_t max_bytes = size_t{256} << 20;  // the --max-bytes limit, which a docx's unpacked parts obey too
};

// The largest input read by default (`planparse parse --max-bytes` changes it): far above any
// real plan (the reference is 12 KB, a whole year's portal page a few MB), and small enough
// that decoding, parsing and the JSON stay well inside a desktop's memory.
inline constexpr size_t kDefaultMaxBytes = size_t{256} << 20;

struct DecodeOptions {
  std::string encoding;  // a charset name or alias ("cp1251", "utf-16"); empty = detect
  size_t max_bytes = kDefaultMaxBytes;  // larger input fails with limit_exceeded
};

// Reads `path` ("-" for stdin) and decodes it. An unknown options.encoding fails before
// anything is read.
// Failures: unknown_encoding, io_error, empty_input, unsupported_format (a PDF, .doc, .xlsx,
// .odt, an encrypted or damaged .docx: container.h), binary_input, invalid_utf8,
// invalid_encoding (where = "byte N", counted in the bytes as read), limit_exceeded (more than
// options.max_bytes; reading stops there, so a huge stream costs no more than the limit).
Result<Source> read_source(const std::string& path, const DecodeOptions& options = {});

// The same from bytes already in memory (stdin, tests, fuzzers); `name` is used as given.
// Binary means a NUL or C0 control code unit other than \t \n \v \f \r: a byte, or in
// UTF-16/32 (a BOM or the given encoding says so) a 2- or 4-byte unit. A Word document (.docx)
// is no text: it gets format docx, an empty `text` and its bytes as read.
// Failures: unknown_encoding, empty_input, unsupported_format, binary_input, invalid_utf8, invalid_encoding,
// limit_exceeded.
Result<Source> decode_source(std::string name, std::string bytes, const DecodeOptions& options = {});

// The largest data file planparse reads besides its input (--vocab's .tsv files, --registry):
// the built-in ones are a few hundred KiB.
inline constexpr size_t kMaxDataFileBytes = size_t{16} << 20;

// Reads a data file whole: it must be a regular file (not a directory, a FIFO or a device,
// which could block or never end) of at most `max_bytes`. `what` names it in messages
// ("vocabulary", "registry"). Failures: io_error (missing, not a regular file, unreadable),
// binary_input (a NUL or control byte), limit_exceeded (larger than max_bytes).
Result<std::string> read_data_file(const std::string& path, std::string_view what,
                                   size_t max_bytes = kMaxDataFileBytes);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// html when the text opens (after white space, BOMs, comments and an XML prologue) with an
// HTML doctype or a tag of an HTML document; otherwise text, whatever tags come later.
SourceFormat detect_format(std::string_view text);

}  // namespace planparse
