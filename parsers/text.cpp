// ICU-backed helpers for the stages.
#include "parsers/text.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace planparse {

bool is_dash(char32_t c) { return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string fold_case(std::string_view text) {
  // Most of what the stages fold is ASCII (abbreviations, numbers, English words).
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

bool starts_with_words(std::string_view text, std::string_view prefix) {
  // The first two bytes first: most phrases tried against a text differ from it there (both, as
  // a Cyrillic letter's first byte is most Cyrillic letters' first byte).
  if (prefix.empty() || text.size() < prefix.size() || text[0] != prefix[0] || (prefix.size() > 1 && text[1] != prefix[1]) ||
      !text.starts_with(prefix)) {
    return false;
  }
  if (text.size() == prefix.size()) return true;
  // A prefix ending in punctuation ("no.") needs no boundary after it.
  const char32_t last = code_point_before(prefix, prefix.size());
  if (!is_letter(last) && !u_isdigit(static_cast<UChar32>(last))) return true;
  const char32_t next = code_point_at(text, prefix.size());
  return !(is_letter(next) || u_isdigit(static_cast<UChar32>(next)));
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t pos = text.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::u32string current;
  auto flush = [&] {
    while (!current.empty() && (current.back() == U'-' || current.back() == U'/')) current.pop_back();
    if (!current.empty()) words.push_back(to_utf8(current));
    current.clear();
  };
  for (char32_t c : to_u32(folded)) {
    if (c == U'№' || c == U'#') {
      flush();
      words.push_back(to_utf8(std::u32string(1, c)));
    } else if (is_letter(c) || u_isdigit(static_cast<UChar32>(c))) {
      current.push_back(c);
    } else if ((c == U'-' || c == U'/') && !current.empty()) {
      current.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

bool starts_in_lower_case(std::string_view text) {
  constexpr size_t kLookahead = 24;  // bytes: a few brackets and quotes, then the first letter
  for (char32_t c : to_u32(text.substr(0, kLookahead))) {
    if (c == U'(' || c == U'[' || c == U'«' || c == U'“' || c == U'„' || c == U'"' || c == U'\'' || c == U' ') continue;
    return is_letter(c) && !is_upper(c);
  }
  return false;
}

bool in_family(std::string_view word, std::string_view pattern) {
  if (pattern.empty() || pattern.back() != '*') return word == pattern;
  const std::string_view stem = pattern.substr(0, pattern.size() - 1);
  // The first byte first: most stems tried against a word differ from it there.
  return stem.empty() || (!word.empty() && word[0] == stem[0] && word.starts_with(stem));
}

bool in_any_family(std::string_view word, const std::vector<std::string>& families) {
  return std::any_of(families.begin(), families.end(), [&](const std::string& pattern) { return in_family(word, pattern); });
}

std::string_view without_number_end(std::string_view text) {
  if (!text.empty() && (text.back() == '.' || text.back() == ')')) text.remove_suffix(1);
  return text;
}

// The digits of a row number: without its end (without_number_end) and without a number sign
// before it, which some plans print in every number cell ("№1", "№ 12", "#3").
std::string_view number_digits(std::string_view text) {
  for (const std::string_view sign : {std::string_view("\u2116"), std::string_view("#")}) {
    if (text.starts_with(sign) && text.size() > sign.size()) {
      text.remove_prefix(sign.size());
      if (text.front() == ' ') text.remove_prefix(1);
      break;
    }
  }
  return without_number_end(text);
}

std::optional<int> parse_row_number(std::string_view text) {
  const std::string_view digits = number_digits(text);
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<SubNumber> parse_sub_number(std::string_view text) {
  const std::string_view digits = number_digits(text);
  const size_t dot = digits.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= digits.size()) return std::nullopt;
  const std::string_view group = digits.substr(0, dot);
  const std::string_view item = digits.substr(dot + 1);
  // Each part bare digits: "1..2", "1.2.3" and "1.2)" inside are no sub-number.
  const auto bare = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!bare(group) || !bare(item)) return std::nullopt;
  const std::optional<int> g = parse_row_number(group);
  const std::optional<int> i = parse_row_number(item);
  if (!g || !i) return std::nullopt;
  return SubNumber{*g, *i};
}

std::optional<ListItem> list_item(std::string_view text) {
  constexpr size_t kMaxDigits = 3;
  size_t at = 0;
  const bool bracketed = !text.empty() && text[0] == '(';
  if (bracketed) ++at;
  const size_t digits_at = at;
  while (at < text.size() && at - digits_at < kMaxDigits + 1 && text[at] >= '0' && text[at] <= '9') ++at;
  const size_t digits = at - digits_at;
  if (digits == 0 || digits > kMaxDigits || at >= text.size()) return std::nullopt;
  if (bracketed ? text[at] != ')' : text[at] != '.' && text[at] != ')') return std::nullopt;
  ++at;
  const size_t mark_end = at;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at == mark_end || at >= text.size()) return std::nullopt;
  int number = 0;
  std::from_chars(text.data() + digits_at, text.data() + digits_at + digits, number);
  return ListItem{number, at};
}

bool is_overflowing_number(std::string_view text) {
  const std::string_view digits = number_digits(text);
  return digits.size() > 9 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_row_mark(std::string_view text) {
  static constexpr std::string_view kMarks[] = {"-", "\u2013", "\u2014", "\u2022", "\u00b7", "\u25aa", "\u25cf", "*"};
  const std::string_view mark = trim(text);
  return std::find(std::begin(kMarks), std::end(kMarks), mark) != std::end(kMarks);
}

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

char32_t next_code_point(std::string_view text, size_t& at) {
  if (at >= text.size()) return 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  at = static_cast<size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t code_point_at(std::string_view text, size_t at) {
  size_t next = at;
  return next_code_point(text, next);
}

char32_t code_point_before(std::string_view text, size_t at) {
  if (at == 0 || at > text.size()) return 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(bytes, 0, i, c);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    uint8_t buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
    if (error) continue;
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
  return out;
}

namespace {
UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}
}  // namespace

// ASCII and the Russian alphabet answered without ICU: these run per character of every
// paragraph, and most characters of a plan are in them.
namespace {
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_russian_letter(char32_t c) { return c >= U'\u0410' && c <= U'\u044F'; }
}  // namespace

bool is_latin_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  return is_letter(c) && script_of(c) == USCRIPT_LATIN;
}
bool is_cyrillic_letter(char32_t c) {
  if (c < 0x80) return false;
  return is_russian_letter(c) || (is_letter(c) && script_of(c) == USCRIPT_CYRILLIC);
}
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  return u_isupper(static_cast<UChar32>(c));
}
bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  return is_russian_letter(c) || u_isalpha(static_cast<UChar32>(c));
}

std::vector<char32_t> strip_format_characters(std::string& text) {
  std::vector<char32_t> removed;
  if (is_ascii(text)) return removed;
  std::u32string kept;
  for (char32_t c : to_u32(text)) {
    if (u_charType(static_cast<UChar32>(c)) != U_FORMAT_CHAR) {
      kept.push_back(c);
    } else if (std::find(removed.begin(), removed.end(), c) == removed.end()) {
      removed.push_back(c);
    }
  }
  if (!removed.empty()) text = to_utf8(kept);
  return removed;
}

std::string code_point_list(const std::vector<char32_t>& code_points) {
  std::string out;
  for (char32_t c : code_points) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
    if (!out.empty()) out += ", ";
    out += hex;
  }
  return out;
}

}  // namespace planparse
