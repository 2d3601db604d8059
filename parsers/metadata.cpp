// Stage 8, metadata. See metadata.h.
#include "parsers/metadata.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_set>

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

// The act number's pattern: its number words (act.number) standing alone, then the number.
// The number starts with a digit, or with a letter or two before one ("№ А-1/15", "No. P-12");
// letters as a byte class, not RE2's Unicode \pL, whose tables doubled the time of this search.
// Null when the vocabulary has no number word or the pattern does not compile.
std::unique_ptr<const RE2> build_act_number_pattern(const Vocabulary& vocabulary) {
  const std::string number = alternation(vocabulary.phrases("act.number"));
  if (number.empty()) return nullptr;
  // The number word must stand alone ("No" in "November" is no number word).
  auto pattern = std::make_unique<const RE2>("(?i)(?:^|[^\\pL])((?:" + number +
                                             ")(?:\\b|\\s|$)\\s*((?:(?:[A-Za-z]|[^\\x00-\\x7f]){1,3}[-/.]?)?\\d(?:[\\w/-]|[^\\x00-\\x7f])*))");
  if (!pattern->ok()) return nullptr;
  return pattern;
}

// Compiling the pattern costs more than matching it: compiled once per vocabulary, with its
// other compiled parts, and freed with it (issue 16; before, a global cache keyed by the
// pattern's text, behind a lock, kept one for every distinct act.number list ever loaded).
const RE2* act_number_pattern(const Vocabulary& vocabulary) {
  return vocabulary.compiled
      ->get<std::unique_ptr<const RE2>>(Compiled::act_number_pattern, [&] { return build_act_number_pattern(vocabulary); })
      .get();
}

// "2022 жылғы 28 сәуірдегі", "dated April 28, 2022": a date takes at most a few words.
constexpr size_t kMaxDateWords = 6;
// Words a page footer may put between the published words and the day: "Publication date of
// this page: 28 April 2022".
constexpr size_t kMaxWordsBeforeDay = 3;

bool is_ascii_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Where `phrase` stands in `text` as whole words; npos when it does not.
size_t find_words(std::string_view text, std::string_view phrase) {
  for (size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    const size_t end = at + phrase.size();
    if ((at == 0 || !is_ascii_word_byte(text[at - 1])) && (end == text.size() || !is_ascii_word_byte(text[end])))
      return at;
  }
  return std::string_view::npos;
}

// The day in the first few words of `text`, skipping at most kMaxWordsBeforeDay words before it
// and whatever follows it.
std::optional<std::string> day_among_words(std::string_view text, const Vocabulary& vocabulary,
                                           size_t max_skip = kMaxWordsBeforeDay) {
  std::vector<std::string_view> words;
  for (std::string_view word : split(text, ' ')) {
    if (!word.empty()) words.push_back(word);
  }
  for (size_t skip = 0; skip <= max_skip && skip < words.size(); ++skip) {
    for (size_t length = std::min(kMaxDateWords, words.size() - skip); length > 0; --length) {
      const char* begin = words[skip].data();
      const char* end = words[skip + length - 1].data() + words[skip + length - 1].size();
      std::string_view candidate = trim(std::string_view(begin, static_cast<size_t>(end - begin)));
      while (!candidate.empty() && (candidate.front() == ':' || candidate.front() == '-')) candidate.remove_prefix(1);
      while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ',' || candidate.back() == ';'))
        candidate.remove_suffix(1);
      if (candidate.empty()) continue;
      if (std::optional<std::string> day = read_day(candidate, vocabulary)) return day;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Act> find_act(const std::vector<Paragraph>& intro, const Vocabulary& vocabulary) {
  const RE2* compiled = act_number_pattern(vocabulary);
  if (compiled == nullptr) return std::nullopt;
  const RE2& pattern = *compiled;
  std::optional<Act> act;
  for (size_t p = 0; p < intro.size(); ++p) {
    // A caption broken over lines (a page's <br>: "… әкімдігінің" / "2026 жылғы 12 қаңтардағы" /
    // "№ А-1/15 қаулысына қосымша") puts the date in the paragraph before the number's: it is read
    // after the previous paragraph, and only numbers in this one are taken.
    const std::string joined = p > 0 ? intro[p - 1].text + " " + intro[p].text : intro[p].text;
    const size_t own = joined.size() - intro[p].text.size();
    const re2::StringPiece text(joined);
    re2::StringPiece match[3];
    size_t at = own > 0 ? own - 1 : 0;  // from the joining space, which may stand before the number word
    while (at < text.size() && pattern.Match(text, at, text.size(), RE2::UNANCHORED, match, 3)) {
      at = static_cast<size_t>(match[0].data() + match[0].size() - text.data());
      // The date is the longest run of the few words before the number that reads as one day:
      // that skips "dated", "от" and whatever else precedes it in any language.
      const std::string_view before = trim(std::string_view(text.data(), static_cast<size_t>(match[1].data() - text.data())));
      std::vector<size_t> starts;  // where each of the last words begins
      for (size_t i = before.size(); i > 0 && starts.size() < kMaxDateWords; --i) {
        if (before[i - 1] == ' ') starts.push_back(i);
      }
      if (starts.size() < kMaxDateWords) starts.push_back(0);
      bool dated = false;
      for (auto start = starts.rbegin(); start != starts.rend(); ++start) {
        if (std::optional<std::string> date = read_day(before.substr(*start), vocabulary)) {
          act = Act{date, std::string(match[2].data(), match[2].size())};
          dated = true;
          break;
        }
      }
      // Or the number first and its date right after it, behind at most one word ("№ 215 от
      // 17 апреля 2026 года", "No. 215 dated 17 April 2026", "No. 215 of 17 April 2026").
      if (!dated) {
        const std::string_view after(match[0].data() + match[0].size(),
                                     static_cast<size_t>(text.data() + text.size() - (match[0].data() + match[0].size())));
        if (std::optional<std::string> date = day_among_words(after, vocabulary, 1)) {
          act = Act{date, std::string(match[2].data(), match[2].size())};
        }
      }
    }
  }
  return act;
}

Footer read_footer(std::vector<Paragraph> paragraphs, const Vocabulary& vocabulary) {
  Footer footer;
  std::vector<bool> claimed(paragraphs.size(), false);
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
        if (footer.published) claimed[i + 1] = true;
      }
      if (footer.published) claimed[i] = true;
    }
  }
  // The unclaimed paragraphs are the input less the few claimed: kept in place, never copied.
  size_t kept = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (claimed[i]) continue;
    // Never onto itself: a paragraph moved onto itself loses its text.
    if (kept != i) paragraphs[kept] = std::move(paragraphs[i]);
    ++kept;
  }
  paragraphs.resize(kept);
  footer.unclaimed = std::move(paragraphs);
  return footer;
}

std::optional<std::string> read_iso_day(std::string_view text, const Vocabulary& vocabulary) {
  // The date part of a timestamp; the deadline grammar reads ISO days and knows the calendar.
  text = trim(text);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  return read_day(text.substr(0, 10), vocabulary);
}

std::optional<std::string> page_published(const PageMetadata& page, const Vocabulary& vocabulary) {
  const std::vector<std::string>& phrases = vocabulary.phrases("published");
  for (size_t i = 0; i < page.footer.size(); ++i) {
    // Folding keeps the byte length for the scripts of the genre; a text where it does not is
    // read folded (the deadline grammar folds anyway).
    const std::string folded = fold_case(page.footer[i].text);
    const std::string_view text = folded.size() == page.footer[i].text.size() ? page.footer[i].text : folded;
    for (const std::string& phrase : phrases) {
      const size_t at = find_words(folded, phrase);
      if (at == std::string_view::npos) continue;
      const std::string_view rest = trim(text.substr(at + phrase.size()));
      if (std::optional<std::string> day = day_among_words(rest, vocabulary)) return day;
      // The words alone ("Дата публикации:"), the day in the next paragraph.
      if ((rest.empty() || rest == ":") && i + 1 < page.footer.size()) {
        if (std::optional<std::string> day = read_day(page.footer[i + 1].text, vocabulary)) return day;
      }
    }
  }
  for (const Paragraph& stamp : page.stamps) {
    if (std::optional<std::string> day = read_iso_day(stamp.text, vocabulary)) return day;
    if (std::optional<std::string> day = read_day(stamp.text, vocabulary)) return day;
  }
  return std::nullopt;
}

std::string detect_language(const std::vector<std::string>& texts, const Vocabulary& vocabulary) {
  // Each language's evidence from its vocabulary: frequent words (language.word) and letters
  // no other language of the genre uses (language.letters, Kazakh's ә ғ қ ң ө ұ ү һ і).
  // Every word of the text is looked up in each language's words: hashed, not compared along a tree.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };
  struct Evidence {
    std::unordered_set<std::string, WordHash, std::equal_to<>> words;
    std::u32string letters;
    bool cyrillic = false;  // it has words in Cyrillic letters
    bool latin = false;     // in Latin ones (English; Kazakh spelled in Latin too, vocabulary.h)
    long score = 0;
  };
  std::map<std::string, Evidence, std::less<>> languages;
  for (const VocabEntry* entry : vocabulary.with_role("language.")) {
    Evidence& evidence = languages[entry->language];
    if (entry->role == "language.word") evidence.words.insert(entry->folded);
    if (entry->role == "language.letters") evidence.letters += to_u32(entry->folded);
    for (char32_t c : to_u32(entry->folded)) {
      evidence.cyrillic = evidence.cyrillic || is_cyrillic_letter(c);
      evidence.latin = evidence.latin || is_latin_letter(c);
    }
  }
  long latin = 0;
  long cyrillic = 0;
  for (const std::string& text : texts) {
    // Words are read in place from the folded UTF-8, one code point at a time.
    const std::string folded = fold_case(text);
    std::u32string word;
    size_t i = 0;
    while (i < folded.size()) {
      size_t at = i;
      if (!is_letter(next_code_point(folded, at))) {
        i = at;
        continue;
      }
      const size_t begin = i;
      word.clear();
      while (i < folded.size()) {
        at = i;
        const char32_t c = next_code_point(folded, at);
        if (!is_letter(c)) break;
        word.push_back(c);
        i = at;
      }
      for (char32_t c : word) (is_cyrillic_letter(c) ? cyrillic : latin) += 1;
      const std::string_view utf8 = std::string_view(folded).substr(begin, i - begin);
      for (auto& [language, evidence] : languages) {
        if (evidence.words.find(utf8) != evidence.words.end()) ++evidence.score;
        if (!evidence.letters.empty() && word.find_first_of(evidence.letters) != std::u32string::npos) ++evidence.score;
      }
    }
  }
  // The script decides which languages may be the text's; the evidence among those.
  const bool cyrillic_text = cyrillic > latin;
  std::string best = cyrillic_text ? "ru" : "en";
  long best_score = 0;
  for (const auto& [language, evidence] : languages) {
    if ((cyrillic_text ? evidence.cyrillic : evidence.latin) && evidence.score > best_score) {
      best = language;
      best_score = evidence.score;
    }
  }
  return best;
}

}  // namespace planparse
