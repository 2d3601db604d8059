// Stage 8, metadata. See metadata.h.
#include "parsers/metadata.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_set>

#include <re2/re2.h>

#include "parsers/deadline.h"
#include "parsers/sections.h"
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

// The act number's pattern: its number words (act.number) standing alone, and the spaces after
// them; the number itself is read by read_act_number. Null when the vocabulary has no number
// word or the pattern does not compile.
std::unique_ptr<const RE2> build_act_number_pattern(const Vocabulary& vocabulary) {
  const std::string number = alternation(vocabulary.phrases("act.number"));
  if (number.empty()) return nullptr;
  // The number word must stand alone ("No" in "November" is no number word).
  auto pattern = std::make_unique<const RE2>("(?i)(?:^|[^\\pL])((?:" + number + ")(?:\\b|\\s|$)\\s*)");
  if (!pattern->ok()) return nullptr;
  return pattern;
}

// The most letters a number may open with ("№ А-1/15", "№ ДСМ-27") and the most words in
// capitals before it ("№ ҚР ДСМ-27"), each of at most kMaxCodeLetters.
constexpr size_t kMaxCodeLetters = 6;
constexpr size_t kMaxCodeWords = 2;

// The act's number that opens `text` (what follows its number word): a run of letters, digits
// and inner "-", "/", "." holding a digit, opening with at most kMaxCodeLetters letters and a
// separator ("57", "04-1/123", "123-р", "57-ө", "12-ք", "А-1/15", "ДСМ-27"), perhaps after a
// word or two in capitals ("ҚР ДСМ-27"). It ends at anything else: a space ("№ 57 «О …»",
// "№ 57 қаулысымен"), a comma, a bracket, a quote, a stop ("No. 57."). Its length in bytes;
// nullopt when no number opens the text ("No later than", "№ от …").
std::optional<size_t> read_act_number(std::string_view text) {
  // One word: letters, digits and a "-", "/" or "." between two of them; where it ends, whether
  // it holds a digit, and how many letters open it.
  struct Word {
    size_t end = 0;
    bool digit = false;
    bool capitals = true;  // letters only, all of them capitals
    size_t opening_letters = 0;
  };
  const auto is_part = [](char32_t c) { return (c >= '0' && c <= '9') || is_letter(c); };
  const auto read_word = [&](size_t at) {
    Word word{at, false, true, 0};
    bool opening = true;
    while (word.end < text.size()) {
      size_t next = word.end;
      const char32_t c = next_code_point(text, next);
      if (c == '-' || c == '/' || c == '.') {
        size_t after = next;
        if (word.end == at || after >= text.size() || !is_part(next_code_point(text, after))) break;
        // "." only between digits ("1.2"), never before a letter: "No. 57.Approved" ends at 57.
        if (c == '.' && !(code_point_before(text, word.end) >= '0' && code_point_before(text, word.end) <= '9' &&
                          code_point_at(text, next) >= '0' && code_point_at(text, next) <= '9'))
          break;
        word.capitals = false;
        opening = false;
      } else if (c >= '0' && c <= '9') {
        word.digit = true;
        word.capitals = false;
        opening = false;
      } else if (is_letter(c)) {
        if (opening) ++word.opening_letters;
        word.capitals = word.capitals && is_upper(c);
      } else {
        break;
      }
      word.end = next;
    }
    return word;
  };
  size_t at = 0;
  for (size_t capitals = 0;; ++capitals) {
    const Word word = read_word(at);
    if (word.end == at) return std::nullopt;
    if (word.digit) return word.opening_letters <= kMaxCodeLetters ? std::optional<size_t>(word.end) : std::nullopt;
    // A word in capitals before the number ("ҚР" in "№ ҚР ДСМ-27"), a space after it.
    if (!word.capitals || word.opening_letters > kMaxCodeLetters || capitals == kMaxCodeWords || word.end >= text.size() ||
        text[word.end] != ' ')
      return std::nullopt;
    at = word.end + 1;
  }
}

// The text in which an act's date is looked for, its day and month as the deadline grammar
// reads them: a day in quotes loses them ("от «5» марта", "от \"5\" марта", "2026 жылғы «5»
// наурыздағы", as official documents print the day), and a numeric date's Roman month is a
// figure ("5.III.2026" -> "5.3.2026", Cyrillic "І" and "Х" read as Latin). Only the act's line
// is read so; the paragraph keeps its text.
std::string act_date_text(std::string_view text) {
  static constexpr std::string_view kOpening[] = {"«", "\"", "“", "„", "'", "‘"};
  static constexpr std::string_view kClosing[] = {"»", "\"", "”", "“", "'", "’"};
  const auto is_digit = [&](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // A day of one or two digits between an opening quote and a closing one.
    bool quoted_day = false;
    for (const std::string_view open : kOpening) {
      if (!text.substr(i).starts_with(open)) continue;
      const size_t digits = i + open.size();
      size_t end = digits;
      while (end < digits + 2 && is_digit(end)) ++end;
      if (end == digits || is_digit(end)) continue;
      for (const std::string_view close : kClosing) {
        if (!text.substr(end).starts_with(close)) continue;
        out.append(text.substr(digits, end - digits));
        i = end + close.size();
        quoted_day = true;
        break;
      }
      if (quoted_day) break;
    }
    if (quoted_day) continue;
    // A Roman month between the dots of a numeric date: a day before it, a figure after it.
    if (text[i] == '.' && i > 0 && is_digit(i - 1)) {
      const size_t second = text.find('.', i + 1);
      // "XII" in Cyrillic look-alikes is six bytes, "VIII" four.
      constexpr size_t kMaxMonthBytes = 8;
      if (second != std::string_view::npos && second > i + 1 && second - i - 1 <= kMaxMonthBytes && is_digit(second + 1)) {
        const std::string_view numeral = text.substr(i + 1, second - i - 1);
        const std::optional<int> month =
            numeral.find(' ') == std::string_view::npos ? parse_roman_row_number(numeral) : std::nullopt;
        if (month && *month >= 1 && *month <= 12) {
          out += '.';
          out += std::to_string(*month);
          i = second;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
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

// What a dated act's mention is to the plan, told by the words around it (vocabulary act.*).
enum class Mention {
  adopting,  // an adoption word governs it: "Утвержден приказом …", "… қаулысымен бекітілген", "Resolution … dated"
  plain,     // no word tells
  cited,     // a citation governs it: "В соответствии с Законом …", "… Заңына сәйкес", "… No. 5 “On …”"
  amending,  // a later act that amended the plan: "(с изменениями, внесенными …)", "(as amended by …)"
};

// A date's or number's mention reads no further than a few words after the number: "№ 41
// қаулысымен бекітілген", "№ 319 Заңына сәйкес".
constexpr size_t kMaxWordsAfterNumber = 4;

// Where the clause or sentence holding `at` opens, not before `floor`: after a semicolon or an
// opening bracket, a stop ending a sentence (". " and a capital), and for a clause a comma or a
// colon too. A closing bracket ends nothing: "подпунктом 8) статьи 10 Закона".
size_t clause_begin(std::string_view text, size_t floor, size_t at, bool sentence) {
  for (size_t i = at; i > floor; --i) {
    const char c = text[i - 1];
    if (c == ';' || c == '(' || (!sentence && (c == ',' || c == ':'))) return i;
    if (c == '.' && i + 1 < text.size() && text[i] == ' ' && is_upper(code_point_at(text, i + 1))) return i;
  }
  return floor;
}

// Where the first phrase of `role` stands in folded text as whole words (a stem ending in "*"
// as a word it begins); npos for none. `last` finds the last instead.
size_t find_role(std::string_view folded, std::string_view role, const Vocabulary& vocabulary, bool last = false) {
  size_t best = std::string_view::npos;
  const auto take = [&](size_t at) {
    if (at == std::string_view::npos) return;
    if (best == std::string_view::npos || (last ? at > best : at < best)) best = at;
  };
  for (const std::string& phrase : vocabulary.phrases(role)) {
    if (phrase.find(' ') == std::string::npos) continue;
    for (size_t from = 0; from < folded.size();) {
      const size_t at = find_words(folded.substr(from), phrase);
      if (at == std::string_view::npos) break;
      take(from + at);
      if (!last) break;
      from += at + 1;
    }
  }
  // Single words, stems among them, word by word.
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !is_ascii_word_byte(folded[i])) ++i;
    const size_t begin = i;
    while (i < folded.size() && (is_ascii_word_byte(folded[i]) || folded[i] == '-')) ++i;
    if (i == begin) break;
    for (const std::string& word : words_of(folded.substr(begin, i - begin))) {
      if (vocabulary.has_word(role, word)) take(begin);
    }
  }
  return best;
}

bool names_role(std::string_view folded, std::string_view role, const Vocabulary& vocabulary) {
  return find_role(folded, role, vocabulary) != std::string_view::npos;
}

// The text outside quotes: a cited act's name ("«О внесении изменений в Указ …»", "«… туралы»")
// tells nothing of the act after it.
std::string unquoted(std::string_view text) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < text.size();) {
    size_t next = i;
    const char32_t c = next_code_point(text, next);
    if (c == U'«' || c == U'“' || c == U'„') {
      ++depth;
    } else if ((c == U'»' || c == U'”') && depth > 0) {
      // An English closing quote closes them all: a name nested in “…” is often left unclosed
      // ("“On amendments to the Decree … “On further actions …”, the Government adopted …").
      depth = c == U'”' ? 0 : depth - 1;
      out += ' ';
    } else if (depth == 0) {
      out.append(text.substr(i, next - i));
    }
    i = next;
  }
  return out;
}

// The plan's own act is the one an adoption word governs ("Утвержден приказом …", "the
// Government adopted …", "… № 41 қаулысымен бекітілген", "… № 173 бұйрығына қосымша", a name
// "«Об утверждении …»"), never one a citation governs: the
// nearest governing word before it in its sentence a citing one ("в соответствии с", "pursuant
// to", "Во исполнение Плана, утвержденного …"), a citing word after it (Kazakh "… Заңына
// сәйкес"), or a name in quotes after its number that nothing calls adopted ("№ 339 «О
// ветеринарии»"). Nor is a later act that amended the plan ("с изменениями, внесенными …").
// `text` is the paragraph (perhaps after the one before it), `paragraph` where it opens, the
// mention from `mention` (its date, or its number first) to `number_end`.
Mention read_mention(std::string_view text, size_t paragraph, size_t mention, size_t number_end, const Vocabulary& vocabulary) {
  const size_t clause_at = clause_begin(text, paragraph, mention, false);
  const size_t sentence_at = clause_begin(text, paragraph, mention, true);
  const std::string clause = fold_case(unquoted(text.substr(clause_at, mention - clause_at)));
  const auto adoption = [&](std::string_view folded) {
    return names_role(folded, "act.adopting", vocabulary) || names_role(folded, "caption.word", vocabulary);
  };
  // What follows the number: a name in quotes and the words after it ("№ 339 «О ветеринарии»",
  // "№ 258 «… жоспарын» қабылдады", "«…» Заңына сәйкес"), else the few words up to its clause's
  // end ("№ 41 қаулысымен бекітілген", "№ 319 Заңына сәйкес"). A name's words tell nothing of
  // amendments or citations: "… к изменению климата" is a plan's subject.
  const std::string_view rest = trim(text.substr(number_end));
  std::string name;
  bool quoted = false;
  size_t tail_at = 0;
  for (const std::string_view quote : {"«", "“", "„", "\""}) {
    if (!rest.starts_with(quote)) continue;
    quoted = true;
    tail_at = rest.size();
    for (const std::string_view closing : {"»", "”", "“", "\""}) {
      const size_t close = rest.find(closing, quote.size());
      if (close != std::string_view::npos && close < tail_at) tail_at = close;
    }
    name = fold_case(rest.substr(0, tail_at));
    break;
  }
  std::string_view tail = rest.substr(tail_at);
  size_t tail_end = 0;
  for (size_t words = 0; tail_end < tail.size(); ++tail_end) {
    const char c = tail[tail_end];
    if (c == ',' || c == ';' || c == '(' || c == ')' || (c == '.' && (tail_end + 1 == tail.size() || tail[tail_end + 1] == ' ')))
      break;
    if (c == ' ' && ++words == kMaxWordsAfterNumber) break;
  }
  const std::string after = fold_case(tail.substr(0, tail_end));
  const std::vector<std::string> after_words = words_of(after);

  if (names_role(clause, "act.amending", vocabulary) || names_role(after, "act.amending", vocabulary)) return Mention::amending;
  // After the number: a citing word (Kazakh "… Заңына сәйкес"); an adoption word right after it
  // ("№ 310 утвержден", "№ 41 қаулысымен", "№ 173 бұйрығына қосымша"), or in the name.
  if (names_role(after, "act.citing_after", vocabulary)) return Mention::cited;
  const auto is_adoption = [&](const std::string& word) {
    return vocabulary.has_word("act.adopting", word) || vocabulary.has_word("caption.word", word);
  };
  if ((!after_words.empty() && is_adoption(after_words[0])) ||
      (after_words.size() > 1 && vocabulary.has_word("caption.word", after_words[1])) || adoption(name)) {
    return Mention::adopting;
  }
  // Before it, in its sentence, the nearest word governing it: a citing one ("in accordance with
  // …") or an adoption one ("the Government approved …", "Утвержден приказом …"). An adoption word
  // opening a clause after a comma is a participle describing a cited act ("…, approved by the
  // resolution …", "…, утвержденного …"): it governs nothing.
  const std::string region = fold_case(unquoted(text.substr(sentence_at, mention - sentence_at)));
  const size_t citing = find_role(region, "act.citing", vocabulary, true);
  size_t adopted = std::string_view::npos;
  bool clause_opening = false;
  for (size_t i = 0; i < region.size();) {
    if (region[i] == ',') clause_opening = true;
    if (!is_ascii_word_byte(region[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < region.size() && (is_ascii_word_byte(region[i]) || region[i] == '-')) ++i;
    const std::vector<std::string> words = words_of(std::string_view(region).substr(begin, i - begin));
    if (!clause_opening && std::any_of(words.begin(), words.end(), is_adoption)) adopted = begin;
    clause_opening = false;
  }
  if (citing != std::string_view::npos && (adopted == std::string_view::npos || adopted < citing)) return Mention::cited;
  if (adopted != std::string_view::npos) return Mention::adopting;
  return quoted ? Mention::cited : Mention::plain;
}

}  // namespace

std::optional<Act> find_act(const std::vector<Paragraph>& intro, const Vocabulary& vocabulary) {
  const RE2* compiled = act_number_pattern(vocabulary);
  if (compiled == nullptr) return std::nullopt;
  const RE2& pattern = *compiled;
  // The last act no citation governs and no amendment names: references to other acts come
  // first ("Pursuant to the Decree dated ..."), the plan's own act last.
  std::optional<Act> act;
  for (size_t p = 0; p < intro.size(); ++p) {
    // A caption broken over lines (a page's <br>: "… әкімдігінің" / "2026 жылғы 12 қаңтардағы" /
    // "№ А-1/15 қаулысына қосымша") puts the date in the paragraph before the number's: it is read
    // after the previous paragraph, and only numbers in this one are taken.
    // Each paragraph as act_date_text reads it: a day in quotes, a Roman month.
    const std::string here = act_date_text(intro[p].text);
    const std::string joined = p > 0 ? act_date_text(intro[p - 1].text) + " " + here : here;
    const size_t own = joined.size() - here.size();
    const re2::StringPiece text(joined);
    re2::StringPiece match[2];
    size_t at = own > 0 ? own - 1 : 0;  // from the joining space, which may stand before the number word
    while (at < text.size() && pattern.Match(text, at, text.size(), RE2::UNANCHORED, match, 2)) {
      at = static_cast<size_t>(match[0].data() + match[0].size() - text.data());
      const std::optional<size_t> number_length = read_act_number(std::string_view(joined).substr(at));
      if (!number_length) continue;
      const std::string number = joined.substr(at, *number_length);
      at += *number_length;
      // The date is the longest run of the few words before the number that reads as one day:
      // that skips "dated", "от" and whatever else precedes it in any language.
      const std::string_view before = trim(std::string_view(text.data(), static_cast<size_t>(match[1].data() - text.data())));
      std::vector<size_t> starts;  // where each of the last words begins
      for (size_t i = before.size(); i > 0 && starts.size() < kMaxDateWords; --i) {
        if (before[i - 1] == ' ') starts.push_back(i);
      }
      if (starts.size() < kMaxDateWords) starts.push_back(0);
      std::optional<Act> found;
      size_t mention = static_cast<size_t>(match[1].data() - text.data());  // where its date or number begins
      for (auto start = starts.rbegin(); start != starts.rend(); ++start) {
        if (std::optional<std::string> date = read_day(before.substr(*start), vocabulary)) {
          found = Act{date, number};
          mention = static_cast<size_t>(before.data() + *start - text.data());
          break;
        }
      }
      // Or the number first and its date right after it, behind at most one word ("№ 215 от
      // 17 апреля 2026 года", "No. 215 dated 17 April 2026", "No. 215 of 17 April 2026").
      if (!found) {
        const std::string_view after = std::string_view(joined).substr(at);
        if (std::optional<std::string> date = day_among_words(after, vocabulary, 1)) {
          found = Act{date, number};
        }
      }
      if (!found) continue;
      switch (read_mention(std::string_view(joined), mention >= own ? own : 0, mention, at, vocabulary)) {
        case Mention::adopting:
        case Mention::plain: act = std::move(found); break;
        case Mention::cited:
        case Mention::amending: break;
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
