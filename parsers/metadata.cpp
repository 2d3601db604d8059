// Stage 7, metadata. See metadata.h.
#include "parsers/metadata.h"

#include <map>
#include <memory>
#include <mutex>

#include <re2/re2.h>

#include "parsers/deadline.h"
#include "parsers/table.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// One day's date read by the deadline grammar: "April 28, 2022", "28 апреля 2022".
std::optional<std::string> read_day(std::string_view text, const Vocabulary& vocabulary) {
  const std::optional<Deadline> deadline = parse_deadline(text, vocabulary);
  if (deadline && deadline->from && deadline->to && *deadline->from == *deadline->to && !deadline->recurrence)
    return deadline->from;
  return std::nullopt;
}

std::string alternation(const std::vector<std::string>& phrases) {
  std::string out;
  for (const std::string& phrase : phrases) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(phrase);
  }
  return out;
}

// Compiling the pattern costs more than matching it; documents share a vocabulary, so each
// distinct pattern is compiled once per process.
const RE2& cached_pattern(const std::string& text) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<RE2>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<RE2>& pattern = cache[text];
  if (!pattern) pattern = std::make_unique<RE2>(text);
  return *pattern;
}

}  // namespace

std::optional<Act> find_act(const std::vector<Paragraph>& intro, const Vocabulary& vocabulary) {
  const std::string dated = alternation(vocabulary.phrases("act.dated"));
  const std::string number = alternation(vocabulary.phrases("act.number"));
  if (dated.empty() || number.empty()) return std::nullopt;
  // "dated <up to 40 characters> No. <number>"; the date is checked by the deadline grammar.
  // The number word must end at a word boundary ("No" in "November" is no number).
  const RE2& pattern = cached_pattern("(?i)(?:^|[^\\pL])(?:" + dated + ")\\s+(.{4,40}?)\\s*(?:" + number + ")(?:\\b|\\s|$)\\s*(\\d[\\w/-]*)");
  if (!pattern.ok()) return std::nullopt;
  std::optional<Act> act;
  for (const Paragraph& paragraph : intro) {
    re2::StringPiece input(paragraph.text);
    std::string date_text;
    std::string act_number;
    while (RE2::FindAndConsume(&input, pattern, &date_text, &act_number)) {
      if (std::optional<std::string> date = read_day(date_text, vocabulary)) act = Act{date, act_number};
    }
  }
  return act;
}

Footer read_footer(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  Footer footer;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    if (!footer.published && is_published_marker(paragraph.text, vocabulary)) {
      // The date follows the words in the same paragraph or stands in the next one.
      const std::string folded = fold_case(paragraph.text);
      for (const std::string& phrase : vocabulary.phrases("published")) {
        if (!starts_with_words(folded, phrase) || folded.size() != paragraph.text.size()) continue;
        std::string_view rest = trim(std::string_view(paragraph.text).substr(phrase.size()));
        if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
        footer.published = read_day(rest, vocabulary);
        break;
      }
      if (!footer.published && i + 1 < paragraphs.size()) {
        footer.published = read_day(paragraphs[i + 1].text, vocabulary);
        if (footer.published) ++i;
      }
      if (footer.published) continue;
    }
    footer.unclaimed.push_back(paragraph);
  }
  return footer;
}

std::string detect_language(const std::vector<std::string>& texts) {
  long latin = 0;
  long cyrillic = 0;
  long kazakh = 0;
  const std::u32string kazakh_letters = U"әғқңөұүһіӘҒҚҢӨҰҮҺІ";
  for (const std::string& text : texts) {
    for (char32_t c : to_u32(text)) {
      if (is_latin_letter(c)) {
        ++latin;
      } else if (is_cyrillic_letter(c)) {
        ++cyrillic;
        if (kazakh_letters.find(c) != std::u32string::npos) ++kazakh;
      }
    }
  }
  if (cyrillic <= latin) return "en";
  // Kazakh text shows its own letters every few words; a Russian text quoting a Kazakh name
  // shows them rarely.
  return kazakh * 50 >= cyrillic ? "kk" : "ru";
}

}  // namespace planparse
