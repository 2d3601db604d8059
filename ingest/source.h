// Stage 0, ingest: bytes in. Reads a file or stdin, fingerprints it, decodes it to UTF-8 text
// and tells plain text from HTML. Tested by test_ingest.cpp.
#pragma once

#include <string>
#include <string_view>

#include "ingest/diagnostic.h"

namespace planparse {

struct Source {
  std::string name;      // file name without directories; "<stdin>" for "-"
  std::string path;      // as given
  std::string bytes;     // exactly as read
  std::string sha256;    // lower-case hex of `bytes`
  std::string format;    // "text" or "html"
  std::string encoding;  // "UTF-8"
  std::string text;      // decoded UTF-8, BOM removed
};

// Reads `path` ("-" for stdin) and decodes it.
// Failures: io_error, empty_input, binary_input, invalid_utf8 (where = "byte N").
Result<Source> read_source(const std::string& path);

// The same from bytes already in memory (stdin, tests, fuzzers); `name` is used as given.
// Failures: empty_input, binary_input, invalid_utf8.
Result<Source> decode_source(std::string name, std::string bytes);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// "html" when the text starts (after white space and a BOM) with a doctype, a comment or a
// tag of an HTML document, or holds <html / <body / <table; otherwise "text".
std::string detect_format(std::string_view text);

}  // namespace planparse
