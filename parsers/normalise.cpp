// Stage 1, normalise. See normalise.h.
#include "parsers/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "parsers/text.h"

namespace planparse {
namespace {

bool is_line_break(char32_t c) { return c == U'\n' || c == U'\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }

// Invisible characters that copy-paste from portals and Word leaves inside words; they would
// split abbreviations and defeat every match if kept.
bool is_invisible(char32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\f' || c == U'\v' || u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

// Cleans one line (no line breaks inside): invisible characters out, spaces collapsed, trimmed,
// NFC. With `keep_tabs`, a run of spaces holding a tab becomes one tab: a table copied from a
// browser separates its cells with tabs, and blocks splits them there.
std::string clean(std::u32string_view line, bool keep_tabs) {
  std::u32string out;
  out.reserve(line.size());
  bool pending_space = false;
  bool pending_tab = false;
  for (char32_t c : line) {
    if (is_invisible(c)) continue;
    if (is_space(c) || is_line_break(c)) {
      pending_space = true;
      pending_tab = pending_tab || (keep_tabs && c == U'\t');
      continue;
    }
    if (!out.empty() && (pending_tab || pending_space)) out.push_back(pending_tab ? U'\t' : U' ');
    pending_space = pending_tab = false;
    out.push_back(c);
  }
  std::string utf8 = to_utf8(out);
  if (is_ascii(utf8)) return utf8;  // NFC leaves ASCII as it is
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return utf8;
  icu::UnicodeString normalised = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  if (U_FAILURE(status)) return utf8;
  std::string result;
  normalised.toUTF8String(result);
  return result;
}

}  // namespace

// A line at a time, decoding as it goes: the text is never held a second time as code points
// (four bytes a character), which on a large input cost more than everything after.
NormalText normalise(std::string_view text) {
  NormalText result;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t size = static_cast<int64_t>(text.size());
  std::u32string line;
  int number = 1;
  int64_t at = 0;
  for (;;) {
    line.clear();
    bool ended = false;
    while (at < size) {
      // U8_NEXT takes an int32_t length: decode from a window that never passes 2 GiB.
      int32_t i = 0;
      const int32_t window = static_cast<int32_t>(std::min<int64_t>(size - at, 4));
      UChar32 c = 0;
      U8_NEXT(bytes + at, i, window, c);
      at += i;
      if (c < 0) c = 0xFFFD;
      if (is_line_break(static_cast<char32_t>(c))) {
        if (c == U'\r' && at < size && bytes[at] == '\n') ++at;
        ended = true;
        break;
      }
      line.push_back(static_cast<char32_t>(c));
    }
    result.lines.push_back(Line{clean(line, true), number});
    if (!ended) break;
    ++number;
  }
  // A final line break ends the last line rather than opening an empty one.
  if (!result.lines.empty() && result.lines.back().text.empty()) result.lines.pop_back();
  return result;
}

std::string normalise_fragment(std::string_view text) { return clean(to_u32(text), false); }

}  // namespace planparse
