// Stage 0, ingest, step: charsets (ingest/charset.h). Every supported charset round-trips text
// encoded here with ICU; the choice follows its order (given, BOM, HTML declaration, UTF-8,
// detection, fallback); bytes a charset does not allow stop decoding at their offset; UTF-16
// is text, not binary; names and aliases resolve or fail as a usage error.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include "ingest/charset.h"
#include "ingest/source.h"

using namespace planparse;
using namespace std::string_literals;

namespace {

// A plan-like Russian paragraph with English in it, 500-odd characters: long enough for ICU's
// detector, as a real plan is.
const std::string kRussian =
    "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ утвердить прилагаемый план мероприятий по "
    "защите прав человека и верховенству закона (Follow-up Plan for Human Rights). Министерству "
    "внутренних дел совместно с Генеральной прокуратурой (по согласованию) разработать механизмы "
    "предупреждения насилия в отношении женщин и детей и внести предложения в Администрацию "
    "Президента до конца 2022 года. Министерству труда и социальной защиты населения обеспечить "
    "доступность объектов для лиц с инвалидностью. Контроль за исполнением настоящего "
    "постановления возложить на Канцелярию Премьер-Министра.\n";

// One Russian and English sentence, for the round trips.
const std::string kSentence = "План мероприятий, 2022 год: Action Plan for Human Rights.\n";

// windows-1252 holds no Cyrillic: its sentence is English with the characters it adds to
// Latin-1 (curly quotes, en dash, euro sign) and Latin-1's own (NBSP, é).
const std::string kWesternSentence = "The “Follow-up Plan” – café, 5\u00a0€, naïve.\n";

// `utf8` in `charset` by ICU (no BOM), failing the test if a character does not fit.
std::string encode(const std::string& utf8, const char* charset) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  REQUIRE(U_SUCCESS(status));
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(static_cast<size_t>(text.length()) * 4 + 8, '\0');
  const int32_t length = ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                         text.length(), &status);
  ucnv_close(converter);
  INFO("encoding to " << charset << ": " << u_errorName(status));
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

using testing::read_file;

void check_failure(const Result<Source>& result, Code code, const std::string& where, const std::string& says) {
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(code));
  CHECK(result.error().where == where);
  CHECK_THAT(result.error().message, Catch::Contains(says));
}

Result<Source> decode(const std::string& bytes, const std::string& encoding = "") {
  return decode_source("x", bytes, DecodeOptions{encoding});
}

}  // namespace

// --- Names -------------------------------------------------------------------------------

TEST_CASE("charset names and their common aliases resolve to the canonical name", "[charset]") {
  struct NameCase {
    std::string name;
    std::optional<std::string> canonical;
  };
  const NameCase cases[] = {
      {"UTF-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"UTF-16", "UTF-16"},
      {"utf-16le", "UTF-16LE"},
      {"UTF16BE", "UTF-16BE"},
      {"unicode", "UTF-16"},
      {"utf-32", "UTF-32"},
      {"UTF-32BE", "UTF-32BE"},
      {"windows-1251", "windows-1251"},
      {"cp1251", "windows-1251"},
      {"Win-1251", "windows-1251"},
      {"x-cp1251", "windows-1251"},
      {"WINDOWS-1252", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"latin1", "windows-1252"},
      {"ISO-8859-1", "windows-1252"},  // as browsers read it
      {"us-ascii", "windows-1252"},
      {"koi8-r", "KOI8-R"},
      {"KOI8_R", "KOI8-R"},
      {"iso_8859-5", "ISO-8859-5"},
      {"ISO-8859-5", "ISO-8859-5"},
      {"cyrillic", "ISO-8859-5"},
      {"gb2312", std::nullopt},
      {"utf-7", std::nullopt},
      {"koi8-u", std::nullopt},
      {"", std::nullopt},
  };
  for (const NameCase& name : cases) {
    INFO("name \"" << name.name << "\"");
    CHECK(canonical_charset(name.name) == name.canonical);
  }
}

TEST_CASE("an unknown encoding name is an unknown-encoding failure listing the known ones", "[charset]") {
  check_failure(decode("plan", "klingon-8"), Code::unknown_encoding, "", "unknown encoding \"klingon-8\"");
  CHECK_THAT(decode("plan", "klingon-8").error().message, Catch::Contains("windows-1251") && Catch::Contains("KOI8-R"));
}

TEST_CASE("read_source rejects an unknown encoding name before it opens the file", "[charset]") {
  const Result<Source> result = read_source("/no/such/file.txt", DecodeOptions{"klingon-8"});
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::unknown_encoding));
}

// --- Round trips -------------------------------------------------------------------------

TEST_CASE("each supported charset round-trips a Russian and English sentence when it is given", "[charset]") {
  struct RoundTrip {
    const char* icu;       // ICU converter used to encode
    std::string given;     // the name passed to decode_source
    std::string canonical; // Source::encoding
    std::string text;
  };
  const RoundTrip cases[] = {
      {"UTF-8", "utf-8", "UTF-8", kSentence},
      {"UTF-16LE", "UTF-16LE", "UTF-16LE", kSentence},
      {"UTF-16BE", "utf-16be", "UTF-16BE", kSentence},
      {"UTF-16LE", "UTF-16", "UTF-16LE", kSentence},  // no BOM, no byte order: little-endian
      {"UTF-32LE", "utf-32le", "UTF-32LE", kSentence},
      {"UTF-32BE", "UTF-32BE", "UTF-32BE", kSentence},
      {"windows-1251", "cp1251", "windows-1251", kSentence},
      {"KOI8-R", "koi8-r", "KOI8-R", kSentence},
      {"ISO-8859-5", "iso-8859-5", "ISO-8859-5", kSentence},
      {"windows-1252", "windows-1252", "windows-1252", kWesternSentence},
  };
  for (const RoundTrip& trip : cases) {
    INFO("charset " << trip.given);
    const std::string bytes = encode(trip.text, trip.icu);
    const Result<Source> result = decode(bytes, trip.given);
    INFO((result.ok() ? "ok" : result.error().message + " at " + result.error().where));
    REQUIRE(result.ok());
    CHECK(result.value().text == trip.text);
    CHECK(result.value().encoding == trip.canonical);
    CHECK(result.value().bytes == bytes);
    CHECK(result.value().sha256 == sha256_hex(bytes));
  }
}

// --- BOM ---------------------------------------------------------------------------------

TEST_CASE("a BOM chooses the charset and is removed from the text but kept in the bytes", "[charset]") {
  struct BomCase {
    std::string bom;
    const char* icu;
    std::string canonical;
  };
  const BomCase cases[] = {
      {"\xEF\xBB\xBF", "UTF-8", "UTF-8"},
      {"\xFF\xFE", "UTF-16LE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE", "UTF-16BE"},
      {"\xFF\xFE\0\0"s, "UTF-32LE", "UTF-32LE"},
      {"\0\0\xFE\xFF"s, "UTF-32BE", "UTF-32BE"},
  };
  for (const BomCase& bom : cases) {
    INFO("charset " << bom.canonical);
    const std::string bytes = bom.bom + encode(kSentence, bom.icu);
    const Result<Source> result = decode(bytes);
    REQUIRE(result.ok());
    CHECK(result.value().encoding == bom.canonical);
    CHECK(result.value().text == kSentence);
    CHECK(result.value().bytes == bytes);
  }
}

TEST_CASE("a second BOM is text: only the leading one is removed", "[charset]") {
  const Result<Source> result = decode("\xFF\xFE" + encode("a\uFEFFb", "UTF-16LE"));
  REQUIRE(result.ok());
  CHECK(result.value().text == "a\uFEFFb");
}

TEST_CASE("a BOM alone is empty input in any charset", "[charset]") {
  for (const std::string& bom : {"\xFF\xFE"s, "\xFE\xFF"s, "\xFF\xFE\0\0"s, "\0\0\xFE\xFF"s}) {
    check_failure(decode(bom), Code::empty_input, "", "white space");
  }
  check_failure(decode("\xFF\xFE" + encode(" \n\u00a0", "UTF-16LE")), Code::empty_input, "", "white space");
}

TEST_CASE("HTML in UTF-16 is told from text after decoding", "[charset]") {
  const Result<Source> result = decode("\xFF\xFE" + encode("<!DOCTYPE html><html><body>План</body></html>", "UTF-16LE"));
  REQUIRE(result.ok());
  CHECK(result.value().format == SourceFormat::html);
  CHECK(result.value().encoding == "UTF-16LE");
}

// --- Precedence --------------------------------------------------------------------------

TEST_CASE("a given encoding wins over a BOM, which stays text unless it is the given charset's own", "[charset]") {
  SECTION("another charset's BOM is read as text of the given charset") {
    const Result<Source> result = decode("\xEF\xBB\xBF" "abc", "windows-1252");
    REQUIRE(result.ok());
    CHECK(result.value().encoding == "windows-1252");
    CHECK(result.value().text == "\u00ef\u00bb\u00bf" "abc");  // ï»¿abc, as an editor shows it
  }
  SECTION("the given charset's own BOM is removed") {
    const Result<Source> result = decode("\xEF\xBB\xBF" "abc", "utf-8");
    REQUIRE(result.ok());
    CHECK(result.value().text == "abc");
  }
  SECTION("UTF-16 without a byte order takes the BOM's") {
    const Result<Source> result = decode("\xFE\xFF" + encode(kSentence, "UTF-16BE"), "UTF-16");
    REQUIRE(result.ok());
    CHECK(result.value().encoding == "UTF-16BE");
    CHECK(result.value().text == kSentence);
  }
  SECTION("UTF-32 without a byte order takes the BOM's, and is little-endian without one") {
    const Result<Source> big = decode("\0\0\xFE\xFF"s + encode(kSentence, "UTF-32BE"), "utf-32");
    REQUIRE(big.ok());
    CHECK(big.value().encoding == "UTF-32BE");
    CHECK(big.value().text == kSentence);
    const Result<Source> little = decode(encode(kSentence, "UTF-32LE"), "utf-32");
    REQUIRE(little.ok());
    CHECK(little.value().encoding == "UTF-32LE");
  }
  SECTION("a given 8-bit charset reads UTF-16's NULs as binary") {
    check_failure(decode("\xFF\xFE" "a\0"s, "windows-1251"), Code::binary_input, "byte 3", "NUL byte");
  }
}

TEST_CASE("a given encoding wins over an HTML declaration and over detection", "[charset]") {
  const std::string page = "<html><head><meta charset=\"koi8-r\"></head><body>" + kRussian + "</body></html>";
  const Result<Source> result = decode(encode(page, "windows-1251"), "windows-1251");
  REQUIRE(result.ok());
  CHECK(result.value().encoding == "windows-1251");
  CHECK(result.value().text == page);
}

TEST_CASE("a <meta charset> declaration in HTML wins over detection", "[charset]") {
  // The body is windows-1251 (detection would say so); the page declares KOI8-R and is read
  // as KOI8-R, mojibake and all, as a browser would.
  const std::string page = "<!DOCTYPE html><html><head><meta charset=koi8-r><title>План</title></head><body><p>" +
                           kRussian + "</p></body></html>";
  const std::string bytes = encode(page, "windows-1251");
  REQUIRE(choose_charset(encode(kRussian, "windows-1251"), "", false).name == "windows-1251");
  const Result<Source> result = decode(bytes);
  REQUIRE(result.ok());
  CHECK(result.value().encoding == "KOI8-R");
  CHECK(result.value().format == SourceFormat::html);
  CHECK(result.value().text != page);
}

TEST_CASE("a <meta http-equiv=Content-Type> declaration in HTML is read too", "[charset]") {
  // Word's "Save as Web Page" form, upper case, before any detection would have enough text.
  const std::string page =
      "<html>\r\n<head>\r\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">\r\n"
      "</head>\r\n<body><p class=MsoNormal>План мероприятий</p></body></html>";
  const Result<Source> result = decode(encode(page, "windows-1251"));
  REQUIRE(result.ok());
  CHECK(result.value().encoding == "windows-1251");
  CHECK(result.value().text == page);
}

TEST_CASE("the HTML declaration is found in its usual spellings and not elsewhere", "[charset]") {
  struct DeclarationCase {
    std::string html;
    std::optional<std::string> declared;
  };
  const std::string filler(kDeclarationWindow, ' ');
  const DeclarationCase cases[] = {
      {"<meta charset=\"windows-1251\">", "windows-1251"},
      {"<meta charset='koi8-r'>", "koi8-r"},
      {"<meta charset=utf-8>", "utf-8"},
      {"<META CHARSET = \"ISO-8859-5\" />", "ISO-8859-5"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "windows-1251"},
      {"<meta content='text/html;charset=KOI8-R' http-equiv='content-type'>", "KOI8-R"},
      {"<meta http-equiv=Content-Type content=\"text/html; charset = 'cp1251'\">", "cp1251"},
      {"<head><title>x</title><meta name=viewport content=width><meta charset=cp1251>", "cp1251"},
      {"<meta content=\"text/html; charset=koi8-r\">", std::nullopt},  // no http-equiv
      {"<meta name=\"description\" content=\"charset=koi8-r\">", std::nullopt},
      {"<!-- <meta charset=koi8-r> --><meta charset=cp1251>", "cp1251"},
      {"<metadata charset=koi8-r>", std::nullopt},
      {"<p>charset=koi8-r</p>", std::nullopt},
      {"<meta charset=\"\">", std::nullopt},
      {filler + "<meta charset=koi8-r>", std::nullopt},  // past the window
      {"<meta charset=\"koi8", "koi8"},                 // cut by the window or the file
  };
  for (const DeclarationCase& declaration : cases) {
    INFO("html " << declaration.html.substr(0, 120));
    CHECK(find_declared_charset(declaration.html) == declaration.declared);
  }
}

TEST_CASE("a declaration is ignored in plain text, and when it names UTF-16 or an unknown charset", "[charset]") {
  SECTION("plain text") {
    const Result<Source> result = decode("План: see <meta charset=koi8-r> in the page.\n");
    REQUIRE(result.ok());
    CHECK(result.value().format == SourceFormat::text);
    CHECK(result.value().encoding == "UTF-8");
  }
  SECTION("UTF-16 declared by a page whose tags are ASCII means UTF-8") {
    const Result<Source> result = decode("<html><head><meta charset=utf-16></head><body>План</body></html>");
    REQUIRE(result.ok());
    CHECK(result.value().encoding == "UTF-8");
  }
  SECTION("an unknown charset falls through to detection") {
    const std::string page = "<html><head><meta charset=x-klingon></head><body>" + kRussian + "</body></html>";
    const Result<Source> result = decode(encode(page, "KOI8-R"));
    REQUIRE(result.ok());
    CHECK(result.value().encoding == "KOI8-R");
    CHECK(result.value().text == page);
  }
}

// --- Detection ---------------------------------------------------------------------------

TEST_CASE("unlabelled Russian text is detected in windows-1251, KOI8-R and ISO-8859-5", "[charset]") {
  for (const char* charset : {"windows-1251", "KOI8-R", "ISO-8859-5"}) {
    INFO("charset " << charset);
    const std::string bytes = encode(kRussian, charset);
    REQUIRE(bytes.size() >= 500);
    const CharsetChoice choice = choose_charset(bytes, "", false);
    CHECK(choice.origin == CharsetOrigin::detected);
    CHECK(choice.confidence >= kMinDetectionConfidence);
    const Result<Source> result = decode(bytes);
    REQUIRE(result.ok());
    CHECK(result.value().encoding == charset);
    CHECK(result.value().text == kRussian);
  }
}

TEST_CASE("an unlabelled English plan in windows-1252 is detected", "[charset]") {
  const std::string bytes = read_file(std::filesystem::path(PLANPARSE_SOURCE_DIR) / "samples" /
                                      "follow-up-plan-2022.en.cp1252.txt");
  REQUIRE_FALSE(bytes.empty());
  const Result<Source> result = decode(bytes);
  REQUIRE(result.ok());
  CHECK(result.value().encoding == "windows-1252");
  CHECK_THAT(result.value().text, Catch::Contains("NCE “Atameken”") && Catch::Contains("2023 – 2024"));
}

TEST_CASE("UTF-8 text stays UTF-8 and is not second-guessed by the detector", "[charset]") {
  for (const std::string& text : {kRussian, kSentence, std::string("Plain ASCII plan.\n")}) {
    const CharsetChoice choice = choose_charset(text, "", false);
    CHECK(choice.name == "UTF-8");
    CHECK(choice.origin == CharsetOrigin::utf8);
    const Result<Source> result = decode(text);
    REQUIRE(result.ok());
    CHECK(result.value().encoding == "UTF-8");
    CHECK(result.value().text == text);
  }
}

TEST_CASE("damaged UTF-8 is reported as invalid UTF-8 at the damage, not detected as another charset", "[charset]") {
  std::string bytes = kRussian;
  const size_t at = bytes.find("прав");
  bytes[at] = '\xFF';  // the lead byte of "п"; its continuation byte is now stray
  check_failure(decode(bytes), Code::invalid_utf8, "byte " + std::to_string(at), "invalid UTF-8");
}

TEST_CASE("a short input is not guessed: below the detection size it must be UTF-8", "[charset]") {
  const std::string bytes = encode("План работ", "windows-1251");
  REQUIRE(bytes.size() < kMinDetectionBytes);
  check_failure(decode(bytes), Code::invalid_utf8, "byte 0", "invalid UTF-8");
  const Result<Source> given = decode(bytes, "windows-1251");
  REQUIRE(given.ok());
  CHECK(given.value().text == "План работ");
}

TEST_CASE("a long input in a charset planparse does not read fails as invalid UTF-8 saying none was detected",
          "[charset]") {
  std::string japanese;
  while (japanese.size() < 300) japanese += "日本国政府は人権と法の支配に関する行動計画を承認した。";
  const std::string bytes = encode(japanese, "Shift_JIS");  // ICU's detector: Shift_JIS, 100
  CHECK(choose_charset(bytes, "", false).origin == CharsetOrigin::fallback);
  const Result<Source> result = decode(bytes);
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code) == code_name(Code::invalid_utf8));
  CHECK_THAT(result.error().message, Catch::Contains("no charset detected"));
}

// --- Invalid bytes -----------------------------------------------------------------------

TEST_CASE("a byte that windows-1251 leaves undefined (0x98) stops decoding at its offset", "[charset]") {
  const std::string bytes = encode("План", "windows-1251") + "\x98" + encode(" работ", "windows-1251");
  check_failure(decode(bytes, "windows-1251"), Code::invalid_encoding, "byte 4", "0x98");
  CHECK_THAT(decode(bytes, "windows-1251").error().message, Catch::Contains("windows-1251"));
}

TEST_CASE("undefined bytes of windows-1252 and C1 controls of ISO-8859-5 are errors too", "[charset]") {
  check_failure(decode("caf\xE9 \x81", "windows-1252"), Code::invalid_encoding, "byte 5", "0x81");
  check_failure(decode("ab\x85", "iso-8859-5"), Code::invalid_encoding, "byte 2", "0x85");
  // KOI8-R defines all 256 bytes.
  CHECK(decode("\x80\x98\xFF", "koi8-r").ok());
}

TEST_CASE("UTF-16 of odd length is an error naming the offset of the lone byte", "[charset]") {
  const std::string bytes = "\xFF\xFE" + encode("План", "UTF-16LE") + "x";
  check_failure(decode(bytes), Code::invalid_encoding, "byte 10", "truncated");
  CHECK_THAT(decode(bytes).error().message, Catch::Contains("UTF-16LE"));
}

TEST_CASE("an unpaired surrogate in UTF-16 is an error naming its offset", "[charset]") {
  check_failure(decode("\xFF\xFE" "a\0" "\x00\xD8" "b\0"s), Code::invalid_encoding, "byte 4", "unpaired surrogate");
  check_failure(decode("\xFE\xFF" "\0a" "\xDC\x00"s), Code::invalid_encoding, "byte 4", "unpaired surrogate");
}

TEST_CASE("a UTF-32 value beyond U+10FFFF is an error naming its offset", "[charset]") {
  check_failure(decode("\xFF\xFE\0\0" "a\0\0\0" "\0\0\x11\0"s), Code::invalid_encoding, "byte 8", "beyond U+10FFFF");
}

// --- Binary ------------------------------------------------------------------------------

TEST_CASE("a NUL or control character in UTF-16 is binary at the byte offset of its code unit", "[charset]") {
  check_failure(decode("\xFF\xFE" "a\0" "\0\0"s), Code::binary_input, "byte 4", "NUL character");
  check_failure(decode("\xFE\xFF" "\0a" "\0\x1B"s), Code::binary_input, "byte 4", "control character U+001B");
  check_failure(decode("a\0\x01\0"s, "utf-16le"), Code::binary_input, "byte 2", "control character U+0001");
  // Tab, line ends and NULs inside other characters (U+0100 is 00 01 in UTF-16LE) are text.
  CHECK(decode("\xFF\xFE" "\t\0\n\0\r\0\0\x01"s).ok());
}

TEST_CASE("a UTF-16 file larger than a read chunk is read whole, its NUL halves notwithstanding", "[charset]") {
  std::string text;
  while (text.size() < 300000) text += kSentence;
  const std::string bytes = "\xFF\xFE" + encode(text, "UTF-16LE");
  std::string pattern = (std::filesystem::temp_directory_path() / "planparse-charset-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  close(fd);
  const Result<Source> result = read_source(pattern);
  std::remove(pattern.c_str());
  REQUIRE(result.ok());
  CHECK(result.value().bytes.size() == bytes.size());
  CHECK(result.value().text == text);
}

TEST_CASE("a file read with a given UTF-16 encoding is read whole too", "[charset]") {
  std::string text;
  while (text.size() < 150000) text += kSentence;
  const std::string bytes = encode(text, "UTF-16BE");
  std::string pattern = (std::filesystem::temp_directory_path() / "planparse-charset-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  close(fd);
  const Result<Source> result = read_source(pattern, DecodeOptions{"utf-16be"});
  std::remove(pattern.c_str());
  REQUIRE(result.ok());
  CHECK(result.value().encoding == "UTF-16BE");
  CHECK(result.value().text == text);
}

TEST_CASE("text garbled once by a charset mix-up is undone, and saying how", "[charset]") {
  const std::optional<Ungarbled> ru = undo_mojibake("РџР»Р°РЅ РјРµСЂРѕРїСЂРёСЏС‚РёР№");  // UTF-8 as windows-1251
  REQUIRE(ru);
  CHECK(ru->text == "План мероприятий");
  CHECK(ru->misread == "UTF-8 read as windows-1251");
  const std::optional<Ungarbled> en = undo_mojibake("the Government\u00e2\u20ac\u2122s plan");  // "’" via windows-1252
  REQUIRE(en);
  CHECK(en->text == "the Government\u2019s plan");
  CHECK(en->misread == "UTF-8 read as windows-1252");
  const std::optional<Ungarbled> cp = undo_mojibake("Ïëàí ìåðîïðèÿòèé íà 2026 ãîä");  // windows-1251 as windows-1252
  REQUIRE(cp);
  CHECK(cp->text == "План мероприятий на 2026 год");
  CHECK(cp->misread == "windows-1251 read as windows-1252");
}

TEST_CASE("right text is never taken for garbled: Russian, Kazakh, French, ASCII, a lone accented word", "[charset]") {
  CHECK_FALSE(undo_mojibake("План мероприятий на 2026 год, Рё"));
  CHECK_FALSE(undo_mojibake("Іс-шаралар жоспары, әкімдік"));
  CHECK_FALSE(undo_mojibake("Plan de développement régional, année 2026"));
  CHECK_FALSE(undo_mojibake("Plan of measures 2026"));
  CHECK_FALSE(undo_mojibake("Ôôô and àèì only"));  // two all-accented words, fewer than kMinGarbledWords
  // Garbled text in which one character was lost (U+FFFD) cannot be undone.
  CHECK_FALSE(undo_mojibake("РџР»Р°Р\xef\xbf\xbd"));
}
