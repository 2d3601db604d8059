// Stage 3, table, step: section headings. See sections.h.
#include "parsers/sections.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "parsers/text.h"

namespace planparse {
namespace {

bool is_roman(std::string_view token) {
  static const RE2 roman("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
  return !token.empty() && RE2::FullMatch(token, roman);
}

// Kazakh and Russian typists write Roman numerals with the Cyrillic І and Х ("ІІ", "ХІ"):
// they are read as Latin. Returns the token unchanged when it holds other letters.
std::string latin_numeral(std::string_view token) {
  // No numeral of the genre is longer ("MMMDCCCLXXXVIII", each "І" two bytes); a row's whole
  // text is often what is asked about, and is not converted.
  constexpr size_t kMaxNumeralBytes = 32;
  if (token.size() > kMaxNumeralBytes) return std::string(token);
  std::string out;
  for (char32_t c : to_u32(token)) {
    if (c == U'\u0406') c = 'I';
    if (c == U'\u0425') c = 'X';
    if (c >= 0x80) return std::string(token);
    out += static_cast<char>(c);
  }
  return out;
}

bool is_arabic(std::string_view token) {
  return !token.empty() && token.size() <= 3 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One capital letter of the Latin or Russian alphabet, as lettered sections use ("A.", "Б.").
std::optional<char32_t> section_letter(std::string_view token) {
  const std::u32string letters = to_u32(token);
  if (letters.size() != 1) return std::nullopt;
  const char32_t c = letters[0];
  if ((c >= 'A' && c <= 'Z') || (c >= U'\u0410' && c <= U'\u042F')) return c;
  return std::nullopt;
}

}  // namespace

// "2-я часть. Обучение", "2-ші бағыт. Оқыту", "2nd block: training", "Екінші бөлім. Оқыту": an
// ordinal, a number with its ordinal ending (deadline.ordinal_ending after a hyphen, or the
// English "st", "nd", "rd", "th") or a word (section.ordinal.N), then a section word (a prefix or
// suffix of the vocabulary). The number and the title after the section word, or nothing.
std::optional<std::pair<int, std::string_view>> ordinal_section(std::string_view text, const Vocabulary& vocabulary) {
  constexpr int kMaxOrdinalWord = 10;
  constexpr size_t kMaxOrdinalBytes = 24;  // "төртінші", "четвёртая": told before any folding
  const size_t space = text.find(' ');
  if (space == std::string_view::npos || space > kMaxOrdinalBytes) return std::nullopt;
  const std::string_view first = text.substr(0, space);
  std::string_view rest = trim(text.substr(space));
  const size_t end = rest.find(' ');
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view word = rest.substr(0, end);
  if (!word.empty() && (word.back() == '.' || word.back() == ':')) word.remove_suffix(1);
  if (word.size() > kMaxOrdinalBytes) return std::nullopt;
  const std::string folded_word = fold_case(word);
  if (!vocabulary.has_word("section.suffix", folded_word) && !vocabulary.has_word("section.prefix", folded_word)) return std::nullopt;
  std::string_view title = trim(rest.substr(end));
  for (std::string_view dash : {"– ", "— ", "- "}) {
    if (title.starts_with(dash)) title = trim(title.substr(dash.size()));
  }
  if (title.empty()) return std::nullopt;
  size_t digits = 0;
  while (digits < first.size() && first[digits] >= '0' && first[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 3) {
    const std::string ending = fold_case(first.substr(digits));
    const bool english = ending == "st" || ending == "nd" || ending == "rd" || ending == "th";
    const bool hyphened = ending.size() > 1 && ending[0] == '-' && vocabulary.has_word("deadline.ordinal_ending", ending.substr(1));
    if (!english && !hyphened) return std::nullopt;
    return std::make_pair(std::stoi(std::string(first.substr(0, digits))), title);
  }
  const std::string folded_first = fold_case(first);
  for (int n = 1; n <= kMaxOrdinalWord; ++n) {
    if (vocabulary.has_word("section.ordinal." + std::to_string(n), folded_first)) return std::make_pair(n, title);
  }
  return std::nullopt;
}

std::optional<SectionHeading> parse_section(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  std::string_view text = paragraph.text;
  if (const auto ordinal = ordinal_section(trim(text), vocabulary)) {
    return SectionHeading{SectionHeading::Kind::arabic, true,
                          Section{std::to_string(ordinal->first), std::string(ordinal->second), paragraph.line}};
  }
  const std::string folded = fold_case(text);
  bool prefixed = false;
  for (const std::string& prefix : vocabulary.phrases("section.prefix")) {
    if (starts_with_words(folded, prefix) && folded.size() == text.size()) {
      text = trim(text.substr(prefix.size()));
      prefixed = true;
      break;
    }
  }
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view token = text.substr(0, space);
  std::string_view title = trim(text.substr(space));
  // After a section word a colon stops the number too ("Раздел 2: Кадры").
  const auto is_stop = [&](char c) { return c == '.' || c == ')' || (prefixed && c == ':'); };
  bool stopped = !token.empty() && is_stop(token.back());
  if (stopped) token.remove_suffix(1);
  // The section word after the number, as a word of its own: "І бөлім. Кадрлар", "2 бөлім: …".
  if (!prefixed && !stopped) {
    const size_t end = title.find(' ');
    std::string_view word = title.substr(0, end);
    const bool word_stopped = !word.empty() && (word.back() == '.' || word.back() == ':');
    if (word_stopped) word.remove_suffix(1);
    const auto& suffixes = vocabulary.phrases("section.suffix");
    if (end != std::string_view::npos && std::find(suffixes.begin(), suffixes.end(), fold_case(word)) != suffixes.end()) {
      title = trim(title.substr(end));
      prefixed = true;
    }
  }
  // "Раздел 2 – Кадры": the dash between number and title is no part of the title.
  if (prefixed) {
    for (std::string_view dash : {"– ", "— ", "- "}) {
      if (title.starts_with(dash)) title = trim(title.substr(dash.size()));
    }
  }
  // Kazakh writes the word after the number: "1-бөлім".
  if (const size_t hyphen = token.find('-'); !prefixed && hyphen != std::string_view::npos && is_arabic(token.substr(0, hyphen))) {
    if (!stopped && token.ends_with(':')) token.remove_suffix(1);  // "1-бөлім: …"
    const std::string word = fold_case(token.substr(hyphen + 1));
    const auto& suffixes = vocabulary.phrases("section.suffix");
    if (std::find(suffixes.begin(), suffixes.end(), word) == suffixes.end()) return std::nullopt;
    token = token.substr(0, hyphen);
    prefixed = true;
  }
  if (!stopped && !prefixed) return std::nullopt;  // "I Title" without a stop is more likely prose
  if (title.empty()) return std::nullopt;
  SectionHeading heading{SectionHeading::Kind::roman, prefixed, Section{"", std::string(title), paragraph.line}};
  const std::string numeral = latin_numeral(token);
  if (is_arabic(token)) {
    heading.kind = SectionHeading::Kind::arabic;
    heading.section.number = std::string(token);
  } else if (section_letter(token) && (!is_roman(numeral) || numeral == "C" || numeral == "D")) {
    // A lone "C" or "D" is the third or fourth letter far more often than 100 or 500.
    heading.kind = SectionHeading::Kind::letter;
    heading.section.number = std::string(token);
  } else if (is_roman(numeral)) {
    heading.section.number = numeral;
  } else {
    return std::nullopt;
  }
  return heading;
}

std::optional<int> parse_roman_row_number(std::string_view text) {
  const std::string numeral = latin_numeral(without_number_end(text));
  if (!is_roman(numeral)) return std::nullopt;
  const auto value_of = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      case 'D': return 500;
      default: return 1000;
    }
  };
  int value = 0;
  for (size_t k = 0; k < numeral.size(); ++k) {
    const int here = value_of(numeral[k]);
    value += k + 1 < numeral.size() && here < value_of(numeral[k + 1]) ? -here : here;
  }
  return value;
}

bool follows(const std::optional<Section>& previous, const SectionHeading& heading) {
  const std::string& number = heading.section.number;
  if (heading.kind == SectionHeading::Kind::arabic) {
    const int value = std::stoi(number);
    return previous && is_arabic(previous->number) ? value == std::stoi(previous->number) + 1 : value == 1;
  }
  const char32_t letter = to_u32(number)[0];
  if (previous) {
    const std::optional<char32_t> last = section_letter(previous->number);
    // Russian lettered lists skip Ё and Й.
    return last && (letter == *last + 1 || (*last == U'\u0418' && letter == U'\u041A'));
  }
  return letter == 'A' || letter == U'\u0410';
}

bool is_group_heading(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  constexpr size_t kMinCapitalWords = 2;  // of kMinCapitalLetters letters or more, all capitals
  constexpr size_t kMinCapitalLetters = 5;
  const std::vector<std::string> words = words_of(fold_case(paragraph.text));
  // The first word past a "№" and the numbers: "№2 жоба", "1.2-мақсат" -> "мақсат". It heads a
  // row when it is numbered ("Задача 2.", "№2 жоба", "1.2-мақсат") or a colon follows it
  // ("Цель: …"); an outcome may start with the same word ("Задачи ведомств").
  const auto is_number = [](std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
  };
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view rest = words[k];
    while (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest.front())) || rest.front() == '.' || rest.front() == '-')) {
      rest.remove_prefix(1);
    }
    if (rest.empty() || rest == "№") continue;
    if (!vocabulary.has_word("group.heading", rest)) break;
    const size_t colon = paragraph.text.find(':');
    const bool numbered = k > 0 || rest.size() != words[k].size() || (k + 1 < words.size() && is_number(words[k + 1]));
    const bool titled = colon != std::string::npos && words_of(fold_case(paragraph.text.substr(0, colon))).size() == k + 1;
    if (numbered || titled) return true;
    break;
  }
  size_t capital_words = 0;
  for (std::string_view word : split(paragraph.text, ' ')) {
    const std::u32string letters = to_u32(word);
    size_t count = 0;
    bool all_capitals = true;
    for (char32_t c : letters) {
      if (!is_letter(c)) continue;
      ++count;
      all_capitals = all_capitals && is_upper(c);
    }
    if (count == 0) continue;
    if (!all_capitals) return false;
    capital_words += count >= kMinCapitalLetters;
  }
  return capital_words >= kMinCapitalWords;
}

}  // namespace planparse
