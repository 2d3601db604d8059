// Stage 0, ingest, step: charsets. Choosing the charset (given, BOM, HTML declaration, UTF-8,
// ICU's detector, fallback) and decoding to UTF-8: our own strict UTF-8 check, ICU's ucnv with
// the STOP callback for the rest. External interface in charset.h. Tested by test_charset.cpp.
#include "ingest/charset.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include "ingest/ascii.h"

namespace planparse {
namespace {

std::string byte_where(size_t offset) { return "byte " + std::to_string(offset); }

std::string hex_byte(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0xf];
}

using ascii::has_word_at;
using ascii::is_space;

// --- Names -------------------------------------------------------------------------------

// Labels compare on their lower-case letters and digits only: "ISO_8859-5:1988" is
// "iso885951988". The aliases are the WHATWG Encoding Standard's labels for these charsets
// plus the common Windows spellings (win-1251, cp1251).
struct Alias {
  std::string_view key;
  std::string_view canonical;
};

constexpr std::array kAliases = {
    Alias{"utf8", "UTF-8"}, Alias{"unicode11utf8", "UTF-8"}, Alias{"unicode20utf8", "UTF-8"},
    Alias{"xunicode20utf8", "UTF-8"},
    Alias{"utf16", "UTF-16"}, Alias{"ucs2", "UTF-16"}, Alias{"unicode", "UTF-16"}, Alias{"csunicode", "UTF-16"},
    Alias{"iso10646ucs2", "UTF-16"},
    Alias{"utf16le", "UTF-16LE"}, Alias{"unicodefeff", "UTF-16LE"},
    Alias{"utf16be", "UTF-16BE"}, Alias{"unicodefffe", "UTF-16BE"},
    Alias{"utf32", "UTF-32"},
    Alias{"utf32le", "UTF-32LE"},
    Alias{"utf32be", "UTF-32BE"},
    Alias{"windows1251", "windows-1251"}, Alias{"cp1251", "windows-1251"}, Alias{"win1251", "windows-1251"},
    Alias{"xcp1251", "windows-1251"},
    Alias{"windows1252", "windows-1252"}, Alias{"cp1252", "windows-1252"}, Alias{"win1252", "windows-1252"},
    Alias{"xcp1252", "windows-1252"}, Alias{"iso88591", "windows-1252"}, Alias{"iso885911987", "windows-1252"},
    Alias{"latin1", "windows-1252"}, Alias{"l1", "windows-1252"}, Alias{"csisolatin1", "windows-1252"},
    Alias{"isoir100", "windows-1252"}, Alias{"cp819", "windows-1252"}, Alias{"ibm819", "windows-1252"},
    Alias{"ascii", "windows-1252"}, Alias{"usascii", "windows-1252"}, Alias{"ansix341968", "windows-1252"},
    Alias{"koi8r", "KOI8-R"}, Alias{"koi8", "KOI8-R"}, Alias{"koi", "KOI8-R"}, Alias{"cskoi8r", "KOI8-R"},
    Alias{"iso88595", "ISO-8859-5"}, Alias{"iso885951988", "ISO-8859-5"}, Alias{"isoir144", "ISO-8859-5"},
    Alias{"cyrillic", "ISO-8859-5"}, Alias{"csisolatincyrillic", "ISO-8859-5"},
};

constexpr std::string_view kSupported =
    "UTF-8, UTF-16, UTF-16LE, UTF-16BE, UTF-32, UTF-32LE, UTF-32BE, windows-1251, windows-1252 "
    "(also ISO-8859-1), KOI8-R, ISO-8859-5";

std::string alias_key(std::string_view name) {
  std::string key;
  for (char c : name) {
    c = ascii::lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  return key;
}

bool is_utf16(std::string_view name) { return name.starts_with("UTF-16"); }
bool is_utf32(std::string_view name) { return name.starts_with("UTF-32"); }

CodeUnit code_unit_of(std::string_view name) {
  if (is_utf16(name)) return {2, name.ends_with("BE")};
  if (is_utf32(name)) return {4, name.ends_with("BE")};
  return {1, false};
}

// --- BOM ---------------------------------------------------------------------------------

struct Bom {
  std::string_view bytes;
  std::string_view charset;
};

// UTF-32LE's BOM begins with UTF-16LE's; it comes first so that it wins (a UTF-16 text cannot
// begin with U+0000 anyway).
constexpr std::array kBoms = {
    Bom{std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"}, Bom{std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
    Bom{"\xEF\xBB\xBF", "UTF-8"},                         Bom{"\xFF\xFE", "UTF-16LE"},
    Bom{"\xFE\xFF", "UTF-16BE"},
};

std::optional<Bom> find_bom(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) return bom;
  }
  return std::nullopt;
}

// The BOM of a canonical charset; empty for the 8-bit ones.
std::string_view bom_of(std::string_view charset) {
  for (const Bom& bom : kBoms) {
    if (bom.charset == charset) return bom.bytes;
  }
  return {};
}

// Steps 1 and 2: what is decided without looking past the first four bytes.
std::optional<CharsetChoice> choose_without_reading(std::string_view bytes, std::string_view given) {
  if (!given.empty()) {
    std::string name(given);
    // A byte-order-less name takes the byte order of its big-endian BOM, little-endian otherwise.
    if (name == "UTF-16" || name == "UTF-32") {
      const std::string big = name + "BE";
      name = bytes.starts_with(bom_of(big)) ? big : name + "LE";
    }
    // The given charset's own BOM is not text; another charset's BOM is read as it comes.
    const std::string_view own = bom_of(name);
    const size_t bom_length = !own.empty() && bytes.starts_with(own) ? own.size() : 0;
    return CharsetChoice{name, bom_length, CharsetOrigin::given, 0};
  }
  if (std::optional<Bom> bom = find_bom(bytes)) {
    return CharsetChoice{std::string(bom->charset), bom->bytes.size(), CharsetOrigin::bom, 0};
  }
  return std::nullopt;
}

// --- UTF-8 -------------------------------------------------------------------------------

// One step of a strict UTF-8 decoder (Unicode Table 3-7, "Well-Formed UTF-8 Byte
// Sequences"): the length of the sequence starting here, or why it is ill-formed. Overlong
// forms, surrogates and values above U+10FFFF are rejected.
struct Utf8Step {
  size_t length = 0;
  std::string_view error;  // empty when the sequence is well formed
};

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

Utf8Step decode_utf8_step(std::string_view bytes, size_t pos) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = at(pos);
  if (lead < 0x80) return {1, {}};
  if (in_range(lead, 0x80, 0xBF)) return {0, "stray continuation byte"};
  if (lead == 0xC0 || lead == 0xC1) return {0, "overlong form"};
  if (in_range(lead, 0xF5, 0xF7)) return {0, "beyond U+10FFFF"};
  if (lead >= 0xF8) return {0, "byte not used in UTF-8"};

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
  for (size_t i = 1; i < length; ++i) {
    if (pos + i >= bytes.size()) return {0, "truncated at end of input"};
    const unsigned char next = at(pos + i);
    if (!in_range(next, 0x80, 0xBF)) return {0, "missing continuation byte"};
    if (i == 1 && !in_range(next, low, high)) return {0, out_of_range};
  }
  return {length, {}};
}

// Well-formed multi-byte sequences and ill-formed ones (each resynchronising one byte on).
struct Utf8Census {
  size_t multibyte = 0;
  size_t invalid = 0;
};

Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  for (size_t pos = 0; pos < bytes.size();) {
    const Utf8Step step = decode_utf8_step(bytes, pos);
    if (!step.error.empty()) {
      ++census.invalid;
      ++pos;
      continue;
    }
    if (step.length > 1) ++census.multibyte;
    pos += step.length;
  }
  return census;
}

// --- Declaration -------------------------------------------------------------------------

// An attribute of a tag at `pos` (just after the tag name or a previous attribute): its name
// in lower case and its value as written. Moves `pos` past it; an empty name ends the tag.
struct Attribute {
  std::string name;
  std::string value;
};

Attribute next_attribute(std::string_view text, size_t& pos) {
  while (pos < text.size() && (is_space(text[pos]) || text[pos] == '/')) ++pos;
  Attribute attribute;
  while (pos < text.size() && !is_space(text[pos]) && text[pos] != '=' && text[pos] != '>' &&
         text[pos] != '/') {
    attribute.name += ascii::lower(text[pos++]);
  }
  size_t look = pos;
  while (look < text.size() && is_space(text[look])) ++look;
  if (attribute.name.empty() || look >= text.size() || text[look] != '=') return attribute;
  pos = look + 1;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
    const char quote = text[pos++];
    const size_t end = std::min(text.find(quote, pos), text.size());
    attribute.value = text.substr(pos, end - pos);
    pos = std::min(end + 1, text.size());
  } else {
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != '>') attribute.value += text[pos++];
  }
  return attribute;
}

// "text/html; charset=windows-1251" -> "windows-1251" (HTML's "extract a character encoding
// from a meta element", without its loop over several "charset" words).
std::optional<std::string> charset_in_content(std::string_view content) {
  for (size_t pos = 0; pos + 7 <= content.size(); ++pos) {
    if (!has_word_at(content, pos, "charset")) continue;
    size_t at = pos + 7;
    while (at < content.size() && is_space(content[at])) ++at;
    if (at >= content.size() || content[at] != '=') continue;
    ++at;
    while (at < content.size() && is_space(content[at])) ++at;
    std::string value;
    if (at < content.size() && (content[at] == '"' || content[at] == '\'')) {
      const char quote = content[at++];
      const size_t end = content.find(quote, at);
      if (end == std::string_view::npos) return std::nullopt;
      value = content.substr(at, end - at);
    } else {
      while (at < content.size() && !is_space(content[at]) && content[at] != ';') value += content[at++];
    }
    if (value.empty()) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

// --- Detection ---------------------------------------------------------------------------

struct DetectorClose {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// The canonical name for a name ICU's detector reports, when it is one we read.
std::optional<std::string> detected_charset(std::string_view icu_name) {
  for (std::string_view name : {"windows-1251", "windows-1252", "KOI8-R", "ISO-8859-5"}) {
    if (icu_name == name) return std::string(name);
  }
  if (icu_name == "ISO-8859-1") return "windows-1252";
  return std::nullopt;
}

std::optional<CharsetChoice> detect(std::string_view bytes, bool html) {
  if (bytes.size() < kMinDetectionBytes) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_enableInputFilter(detector.get(), html);  // leave tags out of the letter statistics
  const auto length = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Best first. UTF-16/32 without a BOM never reach here (their NULs are binary), and a UTF-8
  // match means damaged UTF-8, already handled; both are skipped with the other charsets.
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    const int32_t confidence = ucsdet_getConfidence(matches[i], &match_status);
    const char* name = ucsdet_getName(matches[i], &match_status);
    if (U_FAILURE(match_status) || confidence < kMinDetectionConfidence) break;
    if (std::optional<std::string> charset = detected_charset(name)) {
      return CharsetChoice{*charset, 0, CharsetOrigin::detected, confidence};
    }
  }
  return std::nullopt;
}

// --- Decoding ----------------------------------------------------------------------------

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

std::string_view origin_note(CharsetOrigin origin) {
  switch (origin) {
    case CharsetOrigin::given: return "charset given";
    case CharsetOrigin::bom: return "charset from the BOM";
    case CharsetOrigin::declared: return "charset declared in the page";
    case CharsetOrigin::utf8: return "charset UTF-8";
    case CharsetOrigin::detected: return "charset detected";
    case CharsetOrigin::fallback: return "no charset detected";
  }
  return "";
}

Failure invalid_sequence(const CharsetChoice& choice, const std::string& reason, size_t offset) {
  return Failure{Code::invalid_encoding,
                 "invalid " + choice.name + " sequence (" + reason + "; " + std::string(origin_note(choice.origin)) + ")",
                 byte_where(offset)};
}

// Why ICU stopped at `bad` (the bytes of the offending sequence).
std::string stop_reason(UErrorCode status, std::string_view bad, CodeUnit unit) {
  if (status == U_TRUNCATED_CHAR_FOUND) return "truncated at end of input";
  if (unit.width == 2) return "unpaired surrogate";
  if (unit.width == 4 && bad.size() == 4) {
    uint32_t value = 0;
    for (size_t i = 0; i < 4; ++i) {
      const auto byte = static_cast<unsigned char>(bad[unit.big_endian ? i : 3 - i]);
      value = (value << 8) | byte;
    }
    return value >= 0xD800 && value <= 0xDFFF ? "surrogate" : "beyond U+10FFFF";
  }
  std::string reason = "unassigned";
  for (char byte : bad) reason += " " + hex_byte(static_cast<unsigned char>(byte));
  return reason;
}

// `note` follows the reason in the message ("; no charset detected").
Result<std::string> decode_utf8(std::string_view bytes, size_t start, std::string_view note) {
  for (size_t pos = start; pos < bytes.size();) {
    const Utf8Step step = decode_utf8_step(bytes, pos);
    if (!step.error.empty()) {
      return Failure{Code::invalid_utf8, "invalid UTF-8 sequence (" + std::string(step.error) + std::string(note) + ")",
                     byte_where(pos)};
    }
    pos += step.length;
  }
  return std::string(bytes.substr(start));
}

Result<std::string> decode_with_icu(std::string_view bytes, const CharsetChoice& choice) {
  const size_t start = std::min(choice.bom_length, bytes.size());
  const std::string_view input = bytes.substr(start);
  if (input.size() > static_cast<size_t>(INT32_MAX) / 3) {
    return Failure{Code::invalid_encoding, "input too large to decode from " + choice.name, ""};
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> converter(ucnv_open(choice.name.c_str(), &status));
  if (U_FAILURE(status)) {
    return Failure{Code::internal_error, "ICU has no converter for " + choice.name + ": " + u_errorName(status), ""};
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    return Failure{Code::internal_error, "ICU cannot stop at invalid " + choice.name + ": " + u_errorName(status), ""};
  }

  // No charset here gives more UTF-16 units than it takes bytes, so one call does it all.
  std::vector<UChar> units(input.size() + 1);
  UChar* target = units.data();
  const char* source = input.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, input.data() + input.size(),
                 nullptr, /*flush=*/true, &status);
  const CodeUnit unit = code_unit_of(choice.name);
  if (U_FAILURE(status)) {
    if (status != U_TRUNCATED_CHAR_FOUND && status != U_ILLEGAL_CHAR_FOUND && status != U_INVALID_CHAR_FOUND) {
      return Failure{Code::internal_error, "ICU cannot decode " + choice.name + ": " + u_errorName(status), ""};
    }
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode bad_status = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &bad_length, &bad_status);
    if (U_FAILURE(bad_status)) bad_length = 0;
    const size_t consumed = static_cast<size_t>(source - input.data());
    const size_t offset = start + consumed - std::min(consumed, static_cast<size_t>(bad_length));
    return invalid_sequence(choice, stop_reason(status, std::string_view(bad, static_cast<size_t>(bad_length)), unit),
                            offset);
  }
  const size_t count = static_cast<size_t>(target - units.data());

  // ICU passes the bytes that windows-125x leaves undefined through as C1 controls, as
  // browsers do, and ISO-8859-5 assigns C1 controls to 0x80-0x9F. Neither is text: in an 8-bit
  // charset a C1 control means the charset is wrong. One byte made one unit, so the unit's
  // index is the byte's.
  if (unit.width == 1) {
    for (size_t i = 0; i < count; ++i) {
      if (units[i] >= 0x80 && units[i] <= 0x9F) {
        const auto byte = static_cast<unsigned char>(input[i]);
        return invalid_sequence(choice, hex_byte(byte) + " is not a text character", start + i);
      }
    }
  }

  // Measure first, so that a large input costs its UTF-8 size and no more.
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &length, units.data(), static_cast<int32_t>(count), &status);
  std::string text(static_cast<size_t>(length), '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(text.data(), length, &written, units.data(), static_cast<int32_t>(count), &status);
  if (U_FAILURE(status)) {
    return Failure{Code::internal_error, "ICU cannot encode UTF-8: " + std::string(u_errorName(status)), ""};
  }
  text.resize(static_cast<size_t>(written));
  return text;
}

// Each character of an 8-bit charset (ICU's mapping, which passes windows-125x's undefined
// bytes through as C1 controls, as browsers do) to its byte; -1 for none. Every character of
// windows-1251 and windows-1252 lies below U+2200 (™ is U+2122).
constexpr char32_t kSingleByteLimit = 0x2200;
using ByteTable = std::array<int16_t, kSingleByteLimit>;

ByteTable single_byte_table(const char* charset) {
  ByteTable table;
  table.fill(-1);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return table;
  for (int byte = 0; byte < 256; ++byte) {
    const char in = static_cast<char>(byte);
    UChar out[4];
    status = U_ZERO_ERROR;
    const int32_t length = ucnv_toUChars(converter.get(), out, 4, &in, 1, &status);
    if (U_SUCCESS(status) && length == 1 && out[0] != 0xFFFD && out[0] < kSingleByteLimit) {
      table[out[0]] = static_cast<int16_t>(byte);
    }
  }
  return table;
}

// `text` (well-formed UTF-8) as the bytes of a single-byte charset; nullopt when some character
// has no byte there.
std::optional<std::string> to_single_bytes(std::string_view text, const ByteTable& table) {
  std::string bytes;
  bytes.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (pos + length > text.size()) return std::nullopt;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) c = (c << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    if (c >= kSingleByteLimit || table[c] < 0) return std::nullopt;
    bytes += static_cast<char>(table[c]);
    pos += length;
  }
  return bytes;
}

// Whether `bytes` are well-formed UTF-8 holding a character beyond ASCII.
bool utf8_beyond_ascii(std::string_view bytes) {
  bool beyond = false;
  for (size_t pos = 0; pos < bytes.size();) {
    const Utf8Step step = decode_utf8_step(bytes, pos);
    if (!step.error.empty()) return false;
    beyond = beyond || step.length > 1;
    pos += step.length;
  }
  return beyond;
}

// Whether Latin-1 text reads as windows-1251 shown as windows-1252: words of letters from À to
// ÿ alone (see undo_mojibake).
bool looks_like_misread_cyrillic(std::string_view text) {
  size_t garbled = 0;
  size_t letters = 0;      // in the current word
  bool high = false;       // the word has a letter from À to ÿ
  bool ascii = false;      // the word has an ASCII letter
  bool mixed = false;
  const auto end_word = [&] {
    if (high && ascii) mixed = true;
    if (high && !ascii && letters >= 3) ++garbled;
    letters = 0;
    high = ascii = false;
  };
  for (size_t pos = 0; pos < text.size();) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      if ((lead >= 'a' && lead <= 'z') || (lead >= 'A' && lead <= 'Z')) {
        ascii = true;
        ++letters;
      } else {
        end_word();
      }
      ++pos;
      continue;
    }
    if (lead != 0xC3 && lead != 0xC2) return false;  // beyond Latin-1
    if (pos + 1 >= text.size()) return false;
    const char32_t c = ((lead & 0x1F) << 6) | (static_cast<unsigned char>(text[pos + 1]) & 0x3F);
    if (c >= 0xC0 && c != 0xD7 && c != 0xF7) {
      high = true;
      ++letters;
    } else {
      end_word();
    }
    pos += 2;
  }
  end_word();
  return !mixed && garbled >= kMinGarbledWords;
}

}  // namespace

std::optional<Ungarbled> undo_mojibake(std::string_view text) {
  static const ByteTable cp1251 = single_byte_table("windows-1251");
  static const ByteTable cp1252 = single_byte_table("windows-1252");
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::nullopt;
  }
  for (const auto& [table, name] : {std::pair{&cp1251, "windows-1251"}, std::pair{&cp1252, "windows-1252"}}) {
    std::optional<std::string> bytes = to_single_bytes(text, *table);
    if (bytes && utf8_beyond_ascii(*bytes)) return Ungarbled{std::move(*bytes), std::string("UTF-8 read as ") + name};
  }
  if (looks_like_misread_cyrillic(text)) {
    if (std::optional<std::string> bytes = to_single_bytes(text, cp1252)) {
      Result<std::string> cyrillic = decode_to_utf8(*bytes, CharsetChoice{"windows-1251", 0, CharsetOrigin::given, 0});
      if (cyrillic.ok()) return Ungarbled{std::move(cyrillic.value()), "windows-1251 read as windows-1252"};
    }
  }
  return std::nullopt;
}

std::optional<std::string> canonical_charset(std::string_view name) {
  const std::string key = alias_key(name);
  for (const Alias& alias : kAliases) {
    if (alias.key == key) return std::string(alias.canonical);
  }
  return std::nullopt;
}

std::string_view supported_charsets() { return kSupported; }

CodeUnit input_code_unit(std::string_view bytes, std::string_view given) {
  const std::optional<CharsetChoice> choice = choose_without_reading(bytes, given);
  return choice ? code_unit_of(choice->name) : CodeUnit{};
}

std::optional<std::string> find_declared_charset(std::string_view bytes) {
  const std::string_view text = bytes.substr(0, std::min(bytes.size(), kDeclarationWindow));
  for (size_t pos = text.find('<'); pos < text.size(); pos = text.find('<', pos)) {
    if (has_word_at(text, pos, "<!--")) {
      const size_t end = text.find("-->", pos + 4);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 3;
      continue;
    }
    const size_t after = pos + 5;
    if (!has_word_at(text, pos, "<meta") || after >= text.size() ||
        !(is_space(text[after]) || text[after] == '/')) {
      ++pos;
      continue;
    }
    std::optional<std::string> charset, content;
    bool content_type = false;
    pos = after;
    for (Attribute attribute = next_attribute(text, pos); !attribute.name.empty();
         attribute = next_attribute(text, pos)) {
      if (attribute.name == "charset" && !charset) charset = attribute.value;
      if (attribute.name == "http-equiv") content_type = alias_key(attribute.value) == "contenttype";
      if (attribute.name == "content" && !content) content = attribute.value;
    }
    if (charset && !charset->empty()) return charset;
    if (content_type && content) {
      if (std::optional<std::string> declared = charset_in_content(*content)) return declared;
    }
  }
  return std::nullopt;
}

CharsetChoice choose_charset(std::string_view bytes, std::string_view given, bool html) {
  // 1-2. given, BOM
  if (std::optional<CharsetChoice> choice = choose_without_reading(bytes, given)) return *choice;
  // 3. declaration
  if (html) {
    if (std::optional<std::string> declared = find_declared_charset(bytes)) {
      if (std::optional<std::string> name = canonical_charset(*declared)) {
        if (is_utf16(*name) || is_utf32(*name)) *name = "UTF-8";
        return CharsetChoice{*name, 0, CharsetOrigin::declared, 0};
      }
    }
  }
  // 4. UTF-8, whole or damaged
  const Utf8Census census = utf8_census(bytes);
  if (census.invalid == 0 || census.multibyte > census.invalid) return CharsetChoice{"UTF-8", 0, CharsetOrigin::utf8, 0};
  // 5. detection
  if (std::optional<CharsetChoice> detected = detect(bytes, html)) return *detected;
  // 6. fallback
  return CharsetChoice{"UTF-8", 0, CharsetOrigin::fallback, 0};
}

Result<std::string> decode_to_utf8(std::string_view bytes, const CharsetChoice& choice) {
  if (choice.name == "UTF-8") {
    // When the detector had enough bytes to try and found nothing, say so: the input may be in
    // a charset the caller has to name.
    const bool undetected = choice.origin == CharsetOrigin::fallback && bytes.size() >= kMinDetectionBytes;
    return decode_utf8(bytes, std::min(choice.bom_length, bytes.size()), undetected ? "; no charset detected" : "");
  }
  return decode_with_icu(bytes, choice);
}

}  // namespace planparse
