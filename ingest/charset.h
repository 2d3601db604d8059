// Stage 0, ingest, step: charsets. Chooses the charset of a document's bytes and decodes them to
// UTF-8 with ICU (ucsdet detects, ucnv converts). External interface: canonical_charset,
// input_code_unit, find_declared_charset, choose_charset and decode_to_utf8; source.cpp is the
// caller. Tested by test_charset.cpp (and by test_ingest.cpp through decode_source).
//
// The choice, first match wins:
//   1. a charset given by the caller (the CLI's --encoding): it wins even over a BOM, which is
//      then removed only when it is the given charset's own BOM;
//   2. a byte order mark: UTF-8, UTF-16LE/BE, UTF-32LE/BE;
//   3. HTML only: a <meta charset> or <meta http-equiv="Content-Type" content="...; charset=">
//      in the first kDeclarationWindow bytes (a declared UTF-16/32 means UTF-8, as in browsers:
//      a page whose tags can be read byte by byte is not UTF-16); unsupported names are ignored;
//   4. the bytes are well-formed UTF-8 (plain ASCII included), or they hold more well-formed
//      multi-byte UTF-8 sequences than ill-formed ones (damaged UTF-8: report the damage);
//   5. ICU's detector, on inputs of at least kMinDetectionBytes, taking the most confident
//      match among the supported charsets with confidence >= kMinDetectionConfidence;
//   6. UTF-8, so that the first ill-formed byte is reported as invalid UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/diagnostic.h"

namespace planparse {

// ucsdet reports 0-100. Unlabelled Russian in windows-1251, KOI8-R or ISO-8859-5 scores 55 and
// English in windows-1252 75-85 (samples of 500 bytes and more); matches below 30 are mostly
// charsets that merely share the byte range, so they are not trusted.
inline constexpr int kMinDetectionConfidence = 30;
// Below this size the detector's letter statistics are noise: short inputs are UTF-8 or fail.
inline constexpr size_t kMinDetectionBytes = 64;
// How far into an HTML document a <meta> declaration is looked for (HTML's prescan takes 1024
// bytes; saved portal and Word pages put styles and scripts first, so we look further).
inline constexpr size_t kDeclarationWindow = 4096;

// Where the charset choice came from (the steps above).
enum class CharsetOrigin {
  given,       // 1. named by the caller
  bom,         // 2. a byte order mark
  declared,    // 3. an HTML <meta> declaration
  utf8,        // 4. the bytes are (mostly) well-formed UTF-8
  detected,    // 5. ICU's detector
  fallback,    // 6. nothing else applied
};

struct CharsetChoice {
  std::string name;       // canonical (Source::encoding), also an ICU converter name
  size_t bom_length = 0;  // bytes at the start that are the charset's BOM, not text
  CharsetOrigin origin = CharsetOrigin::fallback;
  int confidence = 0;     // the detector's confidence when origin is `detected`
};

// How the charset cuts bytes into code units: 1 byte (UTF-8 and the 8-bit charsets), 2 bytes
// (UTF-16) or 4 (UTF-32), in this byte order.
struct CodeUnit {
  size_t width = 1;
  bool big_endian = false;
};

// The canonical name of a charset name or alias, compared ignoring case and punctuation:
// "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1251", "windows-1252"
// (also for ISO-8859-1, latin1 and ASCII, as browsers do), "KOI8-R", "ISO-8859-5"; and "UTF-16"
// or "UTF-32" for a name without a byte order (then the BOM decides, little-endian without
// one). nullopt for a charset planparse does not read.
std::optional<std::string> canonical_charset(std::string_view name);

// The names canonical_charset returns, for messages: "UTF-8, UTF-16, ...".
std::string_view supported_charsets();

// The code unit the input is read in: that of the given charset (canonical, may be empty),
// else of the BOM the bytes start with, else 1 byte. Needs only the first 4 bytes.
CodeUnit input_code_unit(std::string_view bytes, std::string_view given);

// The charset named by the first <meta> declaration in the first kDeclarationWindow bytes, as
// written (not canonical); nullopt when there is none. Reads the bytes as ASCII, skips
// comments; attribute names and values compare case-insensitively, quotes are optional.
std::optional<std::string> find_declared_charset(std::string_view bytes);

// Steps 1-6. `given` is a canonical name or empty; `html` says whether step 3 applies.
CharsetChoice choose_charset(std::string_view bytes, std::string_view given, bool html);

// Decodes `bytes` (less the choice's BOM) from the chosen charset to UTF-8. A byte sequence
// that is not valid in the charset stops it, with `where` = "byte N", N counted in `bytes`:
//   invalid_utf8      for UTF-8 (overlong forms, surrogates, truncation, stray bytes);
//   invalid_encoding  for the others: an odd byte at the end of UTF-16, an unpaired surrogate,
//                     a UTF-32 value beyond U+10FFFF, or a byte of an 8-bit charset that is no
//                     text character: undefined in windows-125x (0x98 in windows-1251; 0x81,
//                     0x8D, 0x8F, 0x90, 0x9D in windows-1252) or a C1 control in ISO-8859-5;
//   internal_error    when ICU cannot open a converter it should have.
Result<std::string> decode_to_utf8(std::string_view bytes, const CharsetChoice& choice);

// Text garbled once before planparse saw it: bytes of one charset read as another by some tool
// and saved so (mojibake). Two forms are undone:
//   UTF-8 read as windows-1251 or windows-1252 ("РџР»Р°РЅ", "ÐŸÐ»Ð°Ð½" for "План";
//   "â€™" for "’"): every character of `text` is one byte of that charset, and those bytes are
//   well-formed UTF-8 with at least one character beyond ASCII. Right text never qualifies: in
//   Russian, letters follow letters, and two Cyrillic bytes of windows-1251 are no UTF-8.
//   windows-1251 read as windows-1252 ("Ïëàí ìåðîïðèÿòèé" for "План мероприятий"): no
//   character outside Latin-1, at least kMinGarbledWords words of three letters or more, and
//   every word with a letter from À to ÿ made of such letters alone (French or German words
//   mix them with ASCII letters: "développement").
// Returns the text as written and how it had been misread, or nullopt.
struct Ungarbled {
  std::string text;
  std::string misread;  // "UTF-8 read as windows-1251", "windows-1251 read as windows-1252", …
};
std::optional<Ungarbled> undo_mojibake(std::string_view text);
inline constexpr size_t kMinGarbledWords = 3;

}  // namespace planparse
