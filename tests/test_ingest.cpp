// Stage 0, ingest: reading files and stdin, the SHA-256 fingerprint, rejecting empty, binary
// and ill-formed UTF-8 input with the byte at fault, and telling text from HTML.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <unicode/utf8.h>
#include <unistd.h>

#include "ingest/source.h"

using namespace planparse;
using namespace std::string_literals;

namespace {

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "planparse-ingest-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct FailureCase {
  std::string bytes;
  Code code;
  std::string where;
  std::string message;  // the message contains this
};

void check_failure(const Result<Source>& result, const FailureCase& expected) {
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(expected.code));
  CHECK(result.error().where == expected.where);
  CHECK_THAT(result.error().message, Catch::Contains(expected.message));
}

std::string escaped(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    }
  }
  return out;
}

}  // namespace

// --- SHA-256 -----------------------------------------------------------------------------

TEST_CASE("sha256 matches the FIPS 180-2 test vectors", "[ingest]") {
  struct Vector {
    std::string input;
    std::string digest;
  };
  const Vector vectors[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
  };
  for (const Vector& vector : vectors) {
    INFO("input \"" << vector.input << "\"");
    CHECK(sha256_hex(vector.input) == vector.digest);
  }
}

TEST_CASE("sha256 of a million 'a' matches the FIPS 180-2 vector", "[ingest]") {
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 pads correctly at every block boundary", "[ingest]") {
  // Digests of n x 'a' from coreutils sha256sum; 55/56 and 119/120 straddle the length field.
  struct Vector {
    size_t length;
    std::string digest;
  };
  const Vector vectors[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
      {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
  };
  for (const Vector& vector : vectors) {
    INFO(vector.length << " x 'a'");
    CHECK(sha256_hex(std::string(vector.length, 'a')) == vector.digest);
  }
}

// --- Decoding ----------------------------------------------------------------------------

TEST_CASE("UTF-8 text decodes unchanged and is fingerprinted", "[ingest]") {
  const std::string bytes = "План мероприятий\n1. Принять меры\n";
  Result<Source> result = decode_source("plan.txt", bytes);
  REQUIRE(result.ok());
  const Source& source = result.value();
  CHECK(source.name == "plan.txt");
  CHECK(source.bytes == bytes);
  CHECK(source.text == bytes);
  CHECK(source.encoding == "UTF-8");
  CHECK(source.format == SourceFormat::text);
  CHECK(source.sha256 == sha256_hex(bytes));
}

TEST_CASE("a UTF-8 BOM is removed from the text and kept in the bytes", "[ingest]") {
  const std::string bytes = "\xEF\xBB\xBFplan\n";
  Result<Source> result = decode_source("bom.txt", bytes);
  REQUIRE(result.ok());
  CHECK(result.value().bytes == bytes);
  CHECK(result.value().text == "plan\n");
  CHECK(result.value().sha256 == sha256_hex(bytes));
  CHECK(result.value().encoding == "UTF-8");
}

TEST_CASE("only the leading BOM is removed", "[ingest]") {
  Result<Source> result = decode_source("x", "\xEF\xBB\xBF" "a\xEF\xBB\xBF" "b");
  REQUIRE(result.ok());
  CHECK(result.value().text == "a\xEF\xBB\xBF" "b");
}

TEST_CASE("empty input is rejected", "[ingest]") {
  check_failure(decode_source("x", ""), {"", Code::empty_input, "", "input is empty"});
}

TEST_CASE("input of only white space or a BOM is rejected as empty", "[ingest]") {
  const std::string inputs[] = {
      " ", "\n", " \t\r\n\f\v ", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n",
      "\xC2\xA0",      // NO-BREAK SPACE
      "\xE3\x80\x80",  // IDEOGRAPHIC SPACE
  };
  for (const std::string& input : inputs) {
    INFO("input " << escaped(input));
    Result<Source> result = decode_source("x", input);
    REQUIRE_FALSE(result.ok());
    CHECK(code_name(result.error().code) == code_name(Code::empty_input));
    CHECK(result.error().where.empty());
  }
}

TEST_CASE("invalid UTF-8 is rejected naming the byte offset", "[ingest]") {
  // The offset is that of the byte where the ill-formed sequence starts, BOM included.
  const FailureCase cases[] = {
      {"ab\x80", Code::invalid_utf8, "byte 2", "stray continuation byte"},
      {"\xC0\xAF", Code::invalid_utf8, "byte 0", "overlong form"},
      {"\xC1\xBF", Code::invalid_utf8, "byte 0", "overlong form"},
      {"x\xE0\x80\xAF", Code::invalid_utf8, "byte 1", "overlong form"},
      {"\xE0\x9F\xBF", Code::invalid_utf8, "byte 0", "overlong form"},
      {"\xF0\x82\x82\xAC", Code::invalid_utf8, "byte 0", "overlong form"},
      {"\xED\xA0\x80", Code::invalid_utf8, "byte 0", "surrogate"},
      {"ok \xED\xBF\xBF", Code::invalid_utf8, "byte 3", "surrogate"},
      {"\xF4\x90\x80\x80", Code::invalid_utf8, "byte 0", "beyond U+10FFFF"},
      {"\xF5\x80\x80\x80", Code::invalid_utf8, "byte 0", "beyond U+10FFFF"},
      {"\xF8\x88\x80\x80\x80", Code::invalid_utf8, "byte 0", "byte not used in UTF-8"},
      {"\xFF", Code::invalid_utf8, "byte 0", "byte not used in UTF-8"},
      {"\xFE", Code::invalid_utf8, "byte 0", "byte not used in UTF-8"},
      {"abc\xE2\x82", Code::invalid_utf8, "byte 3", "truncated at end of input"},
      {"\xF0\x9F\x98", Code::invalid_utf8, "byte 0", "truncated at end of input"},
      {"\xC3", Code::invalid_utf8, "byte 0", "truncated at end of input"},
      {"\xE2\x82" "A", Code::invalid_utf8, "byte 0", "missing continuation byte"},
      {"\xC3 ", Code::invalid_utf8, "byte 0", "missing continuation byte"},
      {"\xEF\xBB\xBF\x80", Code::invalid_utf8, "byte 3", "stray continuation byte"},
      {"\xEF\xBB", Code::invalid_utf8, "byte 0", "truncated at end of input"},
      {"\xC0\xA0", Code::invalid_utf8, "byte 0", "invalid UTF-8 sequence"},
      // cp1251 "План" read as UTF-8
      {"\xCF\xEB\xE0\xED", Code::invalid_utf8, "byte 0", "missing continuation byte"},
  };
  for (const FailureCase& failure : cases) {
    INFO("input " << escaped(failure.bytes));
    check_failure(decode_source("x", failure.bytes), failure);
  }
}

TEST_CASE("UTF-8 at the edges of each byte range is accepted", "[ingest]") {
  const std::string inputs[] = {
      "\xC2\x80",          // U+0080
      "\xDF\xBF",          // U+07FF
      "\xE0\xA0\x80",      // U+0800
      "\xED\x9F\xBF",      // U+D7FF, the last code point before the surrogates
      "\xEE\x80\x80",      // U+E000, the first after them
      "\xEF\xBF\xBF",      // U+FFFF
      "\xF0\x90\x80\x80",  // U+10000
      "\xF4\x8F\xBF\xBF",  // U+10FFFF
      "Қазақстан Республикасы",
      "\x7F",  // DEL is not a C0 control
  };
  for (const std::string& input : inputs) {
    INFO("input " << escaped(input));
    Result<Source> result = decode_source("x", input);
    REQUIRE(result.ok());
    CHECK(result.value().text == input);
  }
}

TEST_CASE("NUL bytes and control characters are rejected as binary naming the byte offset", "[ingest]") {
  const FailureCase cases[] = {
      {"a\0b"s, Code::binary_input, "byte 1", "input is binary (NUL byte)"},
      {"\0"s, Code::binary_input, "byte 0", "NUL byte"},
      {"\x1B[31mred", Code::binary_input, "byte 0", "input is binary (control byte 0x1B)"},
      {"text\x01", Code::binary_input, "byte 4", "control byte 0x01"},
      {"page\x1A", Code::binary_input, "byte 4", "control byte 0x1A"},
      {"\xEF\xBB\xBFx\x08", Code::binary_input, "byte 4", "control byte 0x08"},
  };
  for (const FailureCase& failure : cases) {
    INFO("input " << escaped(failure.bytes));
    check_failure(decode_source("x", failure.bytes), failure);
  }
}

TEST_CASE("binary input is reported before invalid UTF-8", "[ingest]") {
  const FailureCase cases[] = {
      {"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, Code::binary_input, "byte 6", "control byte 0x1A"},
      // A ZIP and a PDF are told by their signature first (container.h): not "binary" but what they are.
      {"PK\x03\x04\x14\0\0\0\x08\0"s, Code::unsupported_format, "", "a ZIP archive that cannot be opened"},
      {"%PDF-1.7\n\xE2\xE3\xCF\xD3\n1 0 obj\x02", Code::unsupported_format, "", "a PDF is not read"},
      // UTF-16 without a BOM: its NULs make it binary.
      {"<\0h\0"s, Code::binary_input, "byte 1", "NUL byte"},
  };
  for (const FailureCase& failure : cases) {
    INFO("input " << escaped(failure.bytes));
    check_failure(decode_source("x", failure.bytes), failure);
  }
}

TEST_CASE("UTF-16 behind a BOM is decoded, not rejected as binary", "[ingest]") {
  // The NULs of UTF-16 are half code units; test_charset.cpp covers the charsets in full.
  Result<Source> little = decode_source("x", "\xFF\xFE<\0h\0"s);
  REQUIRE(little.ok());
  CHECK(little.value().text == "<h");
  CHECK(little.value().encoding == "UTF-16LE");
  Result<Source> big = decode_source("x", "\xFE\xFF\0<\0h"s);
  REQUIRE(big.ok());
  CHECK(big.value().text == "<h");
  CHECK(big.value().encoding == "UTF-16BE");
}

TEST_CASE("tab, line feed, vertical tab, form feed and carriage return are text", "[ingest]") {
  Result<Source> result = decode_source("x", "a\tb\nc\vd\fe\r\n");
  REQUIRE(result.ok());
  CHECK(result.value().text == "a\tb\nc\vd\fe\r\n");
}

TEST_CASE("decoding agrees with ICU's UTF-8 validation on random bytes", "[ingest]") {
  // Bytes chosen to hit every branch of the decoder; no controls, so nothing is binary.
  const unsigned char alphabet[] = {' ',  'a',  0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                    0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xBB, 0xF0, 0xF1, 0xF4,
                                    0xF5, 0xF8, 0xFE, 0xFF};
  std::mt19937 random(20240501);
  std::uniform_int_distribution<size_t> pick(0, sizeof alphabet - 1);
  std::uniform_int_distribution<size_t> length(1, 10);
  for (int round = 0; round < 200000; ++round) {
    std::string bytes;
    for (size_t n = length(random); n > 0; --n) bytes += static_cast<char>(alphabet[pick(random)]);
    // A UTF-16 BOM (FF FE, FE FF) makes the input UTF-16, which test_charset.cpp covers.
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) continue;

    // ICU's answer: the offset of the first ill-formed sequence, or -1.
    int32_t bad = -1;
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto size = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < size;) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(data, i, size, c);
      if (c < 0) {
        bad = start;
        break;
      }
    }

    INFO("input " << escaped(bytes));
    Result<Source> result = decode_source("x", bytes);
    if (bad >= 0) {
      REQUIRE_FALSE(result.ok());
      REQUIRE(code_name(result.error().code) == code_name(Code::invalid_utf8));
      REQUIRE(result.error().where == "byte " + std::to_string(bad));
    } else if (!result.ok()) {
      REQUIRE(code_name(result.error().code) == code_name(Code::empty_input));
    }
  }
}

TEST_CASE("no input makes the decoder crash, hang or point outside the input", "[ingest]") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> length(0, 40);
  for (int round = 0; round < 50000; ++round) {
    std::string bytes;
    for (size_t n = length(random); n > 0; --n) bytes += static_cast<char>(byte(random));
    INFO("input " << escaped(bytes));
    Result<Source> result = decode_source("x", bytes);
    if (result.ok()) continue;
    const Failure& failure = result.error();
    // invalid_encoding: a random FF FE or FE FF start is a UTF-16 BOM.
    const bool known = failure.code == Code::empty_input || failure.code == Code::binary_input ||
                       failure.code == Code::invalid_utf8 || failure.code == Code::invalid_encoding ||
                       failure.code == Code::unsupported_format;
    REQUIRE(known);
    if (failure.code != Code::empty_input && failure.code != Code::unsupported_format) {
      REQUIRE(failure.where.starts_with("byte "));
      REQUIRE(std::stoul(failure.where.substr(5)) < bytes.size());
    }
  }
}

// --- Format ------------------------------------------------------------------------------

TEST_CASE("HTML is told from plain text by the markup it opens with", "[ingest]") {
  struct FormatCase {
    std::string text;
    SourceFormat format;
  };
  const FormatCase cases[] = {
      {"<!DOCTYPE html>\n<html>", SourceFormat::html},
      {"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", SourceFormat::html},
      {"  \n\t<HTML lang=\"ru\">", SourceFormat::html},
      {"\xEF\xBB\xBF<html>", SourceFormat::html},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", SourceFormat::html},
      {"<!-- saved from url=(0014)about:internet -->", SourceFormat::html},
      {"<head><meta charset=\"utf-8\">", SourceFormat::html},
      {"<body>", SourceFormat::html},
      {"<TABLE border=1>", SourceFormat::html},
      {"<meta http-equiv=\"Content-Type\">", SourceFormat::html},
      {"<div class=\"plan\">", SourceFormat::html},
      {"<p>План</p>", SourceFormat::html},
      {"<p class=MsoNormal>", SourceFormat::html},
      {"<p/>", SourceFormat::html},
      {"<!-- saved from url=(0014)about:internet -->\r\n<html>", SourceFormat::html},
      {"<!-- a --><!-- b -->\n<P class=MsoNormal>", SourceFormat::html},
      {"Portal menu | Search\n<table>", SourceFormat::text},
      {"Header text <BODY bgcolor=white>", SourceFormat::text},
      {"<!-- a note -->\nПлан мероприятий", SourceFormat::text},
      {"План мероприятий\n1. Принять меры", SourceFormat::text},
      {"<plan> is not a tag we know", SourceFormat::text},
      {"<?xml version=\"1.0\"?>\n<plan/>", SourceFormat::text},
      {"<!doctype svg>", SourceFormat::text},
      {"<divide and rule", SourceFormat::text},
      {"a < b and <tablet> and <htmlx>", SourceFormat::text},
      {"", SourceFormat::text},
      {"<", SourceFormat::text},
      {"   ", SourceFormat::text},
  };
  for (const FormatCase& format : cases) {
    INFO("text " << escaped(format.text));
    CHECK(detect_format(format.text) == format.format);
  }
}

TEST_CASE("a tag after the first text does not make a document HTML, however early", "[ingest]") {
  CHECK(detect_format("x<table>") == SourceFormat::text);
  CHECK(detect_format("Plan\n<html><body><table>") == SourceFormat::text);
}

TEST_CASE("decode_source sets the format from the text", "[ingest]") {
  Result<Source> result = decode_source("page.html", "\xEF\xBB\xBF<!DOCTYPE html><html></html>");
  REQUIRE(result.ok());
  CHECK(result.value().format == SourceFormat::html);
}

// --- Reading -----------------------------------------------------------------------------

TEST_CASE("a file is read whole and named without its directories", "[ingest]") {
  TempDir dir;
  std::string bytes = "\xEF\xBB\xBFПлан\r\n";
  bytes += std::string(200000, 'a');  // more than one read chunk
  const std::string path = dir.write("plan.txt", bytes);

  Result<Source> result = read_source(path);
  REQUIRE(result.ok());
  const Source& source = result.value();
  CHECK(source.name == "plan.txt");
  CHECK(source.path == path);
  CHECK(source.bytes == bytes);
  CHECK(source.bytes.size() == bytes.size());
  CHECK(source.text == bytes.substr(3));
  CHECK(source.sha256 == sha256_hex(bytes));
}

TEST_CASE("stdin is read whole when the path is -", "[ingest]") {
  TempDir dir;
  const std::string path = dir.write("in.txt", "from stdin\n");
  REQUIRE(std::freopen(path.c_str(), "rb", stdin) != nullptr);
  Result<Source> result = read_source("-");
  REQUIRE(std::freopen("/dev/null", "rb", stdin) != nullptr);
  REQUIRE(result.ok());
  CHECK(result.value().name == "<stdin>");
  CHECK(result.value().path == "-");
  CHECK(result.value().text == "from stdin\n");
}

TEST_CASE("a missing file is an io error naming the cause", "[ingest]") {
  TempDir dir;
  Result<Source> result = read_source((dir.path() / "missing.txt").string());
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::io_error));
  CHECK(result.error().message == "cannot open: no such file or directory");
  CHECK_THAT(result.error().message, !Catch::Contains("missing.txt"));
}

TEST_CASE("a directory is an io error", "[ingest]") {
  TempDir dir;
  Result<Source> result = read_source(dir.path().string());
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::io_error));
  CHECK_THAT(result.error().message, Catch::Contains("is a directory"));
}

TEST_CASE("a path through a file is an io error", "[ingest]") {
  TempDir dir;
  const std::string file = dir.write("plan.txt", "plan");
  Result<Source> result = read_source(file + "/inner.txt");
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::io_error));
  CHECK_THAT(result.error().message, Catch::Contains("not a directory"));
}

TEST_CASE("an unreadable file is an io error", "[ingest]") {
  if (geteuid() == 0) {
    WARN("running as root, which can read any file: skipped");
    return;
  }
  TempDir dir;
  const std::string path = dir.write("secret.txt", "plan");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  Result<Source> result = read_source(path);
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::io_error));
  CHECK_THAT(result.error().message, Catch::Contains("permission denied"));
}

TEST_CASE("a file is rejected for the same reasons as bytes in memory", "[ingest]") {
  TempDir dir;
  const FailureCase cases[] = {
      {"", Code::empty_input, "", "input is empty"},
      {" \n", Code::empty_input, "", "white space"},
      {"ab\0"s, Code::binary_input, "byte 2", "NUL byte"},
      {"\xEF\xBB\xBF" "ab\xC0\x80", Code::invalid_utf8, "byte 5", "overlong form"},
  };
  for (const FailureCase& failure : cases) {
    INFO("input " << escaped(failure.bytes));
    check_failure(read_source(dir.write("case.txt", failure.bytes)), failure);
  }
}

TEST_CASE("an endless binary stream is rejected without reading it to the end", "[ingest]") {
  if (!std::filesystem::exists("/dev/zero")) return;
  check_failure(read_source("/dev/zero"), {"", Code::binary_input, "byte 0", "NUL byte"});
}

TEST_CASE("binary bytes far into a large file are found at their offset", "[ingest]") {
  TempDir dir;
  std::string bytes(300000, 'a');
  bytes[250001] = '\0';
  check_failure(read_source(dir.write("big.txt", bytes)), {"", Code::binary_input, "byte 250001", "NUL byte"});
}

TEST_CASE("input larger than max_bytes is refused with limit-exceeded, from memory and from a file", "[ingest][limits]") {
  const std::string text(5000, 'a');
  const Result<Source> from_memory = decode_source("big.txt", text, DecodeOptions{"", 4096});
  REQUIRE_FALSE(from_memory.ok());
  CHECK(from_memory.error().code == Code::limit_exceeded);
  CHECK(from_memory.error().where == "byte 4096");
  CHECK(decode_source("small.txt", text, DecodeOptions{"", 5000}).ok());

  const std::string path = (std::filesystem::temp_directory_path() / "planparse-max-bytes.txt").string();
  std::ofstream(path, std::ios::binary) << std::string(200 * 1024, 'b');
  const Result<Source> from_file = read_source(path, DecodeOptions{"", 100 * 1024});
  std::filesystem::remove(path);
  REQUIRE_FALSE(from_file.ok());
  CHECK(from_file.error().code == Code::limit_exceeded);
}
