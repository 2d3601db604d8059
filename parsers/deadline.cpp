// Deadline cells in three steps: fold the text, cut it into tokens where each vocabulary phrase
// becomes one symbol (longest phrase wins), then match a small grammar over the symbols.
// External interface: parse_deadline (parsers/deadline.h). Tested by test_deadline.cpp.
#include "parsers/deadline.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <compare>
#include <map>
#include <memory>
#include <mutex>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parsers/text.h"

namespace planparse {
namespace {

enum class Sym : uint8_t {
  number,      // a run of ASCII digits
  dash,        // any hyphen or dash between two periods
  comma,
  stop,        // "." or ";" outside a phrase: allowed only at the end
  month,       // month.N
  half,        // deadline.half.N
  quarter,     // deadline.quarter.N
  by_end,      // deadline.by_end
  by,          // deadline.by
  recurrence,  // recurrence.X
  filler,      // deadline.filler, dropped before the grammar runs
  word,        // letters that start no known phrase
  other,       // any other character
};

struct Token {
  Sym sym = Sym::other;
  int value = 0;                // number: its value (-1 when too long); month/half/quarter: N
  int digits = 0;               // number: how many digits, since a year must have four
  std::string_view recurrence;  // recurrence: the role suffix, which is the schema's value
};

struct Phrase {
  std::string folded;  // a copy: a vocabulary may be copied and its original destroyed
  Token token;
  bool needs_boundary = false;  // ends in a letter or digit, so the input must not go on with one
};

// Phrases bucketed by their first byte, longest first in each bucket, so that the first phrase
// that matches is the longest one ("до конца" before "до", "march" before "mar").
struct PhraseTable {
  std::array<std::vector<Phrase>, 256> by_first_byte;
};

bool is_word_char(char32_t c) { return is_letter(c) || u_isdigit(static_cast<UChar32>(c)); }

// The code point at `at` and its length in bytes.
std::pair<char32_t, size_t> decode_at(std::string_view s, size_t at) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), c);
  return {c < 0 ? U'\uFFFD' : static_cast<char32_t>(c), static_cast<size_t>(i) - at};
}

// Cells reach us normalised, but a caller may hand raw text with no-break spaces.
bool is_space(char32_t c) { return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : u_isUWhiteSpace(static_cast<UChar32>(c)); }

std::optional<int> suffix_number(std::string_view role, std::string_view prefix, int max) {
  if (!role.starts_with(prefix)) return std::nullopt;
  const std::string_view digits = role.substr(prefix.size());
  int n = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (error != std::errc() || end != digits.data() + digits.size() || n < 1 || n > max) return std::nullopt;
  return n;
}

std::optional<Token> symbol_of_role(std::string_view role) {
  if (auto n = suffix_number(role, "month.", 12)) return Token{Sym::month, *n, 0, {}};
  if (auto n = suffix_number(role, "deadline.half.", 2)) return Token{Sym::half, *n, 0, {}};
  if (auto n = suffix_number(role, "deadline.quarter.", 4)) return Token{Sym::quarter, *n, 0, {}};
  if (role == "deadline.by_end") return Token{Sym::by_end, 0, 0, {}};
  if (role == "deadline.by") return Token{Sym::by, 0, 0, {}};
  if (role == "deadline.filler") return Token{Sym::filler, 0, 0, {}};
  constexpr std::string_view kRecurrence = "recurrence.";
  if (role.starts_with(kRecurrence) && role.size() > kRecurrence.size()) {
    return Token{Sym::recurrence, 0, 0, role.substr(kRecurrence.size())};
  }
  return std::nullopt;
}

PhraseTable build_table(const Vocabulary& vocabulary) {
  PhraseTable table;
  for (const VocabEntry& entry : vocabulary.entries) {
    if (entry.folded.empty()) continue;
    const std::optional<Token> token = symbol_of_role(entry.role);
    if (!token) continue;
    const std::u32string code_points = to_u32(entry.folded);
    table.by_first_byte[static_cast<uint8_t>(entry.folded[0])].push_back(
        Phrase{entry.folded, *token, is_word_char(code_points.back())});
  }
  for (std::vector<Phrase>& bucket : table.by_first_byte) {
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Phrase& a, const Phrase& b) { return a.folded.size() > b.folded.size(); });
  }
  return table;
}

// Building the table costs more than reading a cell, so each vocabulary's is built once and
// kept under the vocabulary's id (an address could be reused by a later vocabulary).
const PhraseTable& table_for(const Vocabulary& vocabulary) {
  static std::mutex mutex;
  static std::map<uint64_t, std::unique_ptr<PhraseTable>> tables;
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<PhraseTable>& table = tables[vocabulary.id];
  if (!table) table = std::make_unique<PhraseTable>(build_table(vocabulary));
  return *table;
}

// Where a phrase matching at `at` ends, or npos. A space in the phrase matches any run of space.
size_t match_phrase(std::string_view s, size_t at, const Phrase& phrase) {
  size_t i = at;
  for (size_t k = 0; k < phrase.folded.size(); ++k) {
    if (phrase.folded[k] == ' ') {
      size_t spaces = 0;
      while (i < s.size()) {
        const auto [c, length] = decode_at(s, i);
        if (!is_space(c)) break;
        i += length;
        ++spaces;
      }
      if (spaces == 0) return std::string_view::npos;
      continue;
    }
    if (i >= s.size() || s[i] != phrase.folded[k]) return std::string_view::npos;
    ++i;
  }
  if (phrase.needs_boundary && i < s.size() && is_word_char(decode_at(s, i).first)) return std::string_view::npos;
  return i;
}

std::vector<Token> tokenize(std::string_view s, const PhraseTable& table) {
  std::vector<Token> tokens;
  tokens.reserve(8);
  size_t i = 0;
  while (i < s.size()) {
    const auto [c, length] = decode_at(s, i);
    if (is_space(c)) {
      i += length;
      continue;
    }
    // Phrases go before numbers because some start with a digit ("1st half", "3 квартал").
    bool matched = false;
    for (const Phrase& phrase : table.by_first_byte[static_cast<uint8_t>(s[i])]) {
      const size_t end = match_phrase(s, i, phrase);
      if (end == std::string_view::npos) continue;
      tokens.push_back(phrase.token);
      i = end;
      matched = true;
      break;
    }
    if (matched) continue;
    if (c >= '0' && c <= '9') {
      Token number{Sym::number, 0, 0, {}};
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (number.digits < 9) number.value = number.value * 10 + (s[i] - '0');
        ++number.digits;
        ++i;
      }
      if (number.digits > 9) number.value = -1;
      tokens.push_back(number);
    } else if (is_dash(c)) {
      tokens.push_back(Token{Sym::dash, 0, 0, {}});
      i += length;
    } else if (c == ',') {
      tokens.push_back(Token{Sym::comma, 0, 0, {}});
      i += length;
    } else if (c == '.' || c == ';') {
      tokens.push_back(Token{Sym::stop, 0, 0, {}});
      i += length;
    } else if (is_word_char(c)) {
      // The whole word goes, so that no phrase can match from its middle.
      i += length;
      while (i < s.size()) {
        const auto [next, next_length] = decode_at(s, i);
        if (!is_word_char(next)) break;
        i += next_length;
      }
      tokens.push_back(Token{Sym::word, 0, 0, {}});
    } else {
      tokens.push_back(Token{Sym::other, 0, 0, {}});
      i += length;
    }
  }
  return tokens;
}

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

void append_padded(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(static_cast<size_t>(width) - digits.size(), '0');
  out += digits;
}

std::string iso(const Date& date) {
  std::string out;
  out.reserve(10);
  append_padded(out, date.year, 4);
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.day, 2);
  return out;
}

// One period as written; year 0 when the text leaves it to the other end of a range
// ("January – June 2023").
struct Period {
  enum class Kind { year, month, day, half, quarter } kind = Kind::year;
  int year = 0;
  int month = 0;
  int day = 0;
  int part = 0;  // half or quarter number
};

// First and last day of a period; nullopt for a day the month does not have.
std::optional<std::pair<Date, Date>> bounds(const Period& p) {
  switch (p.kind) {
    case Period::Kind::year:
      return std::pair{Date{p.year, 1, 1}, Date{p.year, 12, 31}};
    case Period::Kind::month:
      return std::pair{Date{p.year, p.month, 1}, Date{p.year, p.month, days_in_month(p.year, p.month)}};
    case Period::Kind::day:
      if (p.day > days_in_month(p.year, p.month)) return std::nullopt;
      return std::pair{Date{p.year, p.month, p.day}, Date{p.year, p.month, p.day}};
    case Period::Kind::half:
    case Period::Kind::quarter: {
      const int months = p.kind == Period::Kind::half ? 6 : 3;
      const int last = p.part * months;
      return std::pair{Date{p.year, last - months + 1, 1}, Date{p.year, last, days_in_month(p.year, last)}};
    }
  }
  return std::nullopt;
}

bool is_year(const Token& t) { return t.sym == Sym::number && t.digits == 4 && t.value >= 1900 && t.value <= 2100; }
bool is_day(const Token& t) { return t.sym == Sym::number && t.digits <= 2 && t.value >= 1 && t.value <= 31; }

class Cursor {
 public:
  explicit Cursor(const std::vector<Token>& tokens) : tokens_(tokens) {}
  bool done() const { return at_ == tokens_.size(); }
  const Token* peek(size_t ahead = 0) const {
    return at_ + ahead < tokens_.size() ? &tokens_[at_ + ahead] : nullptr;
  }
  bool peek_is(Sym sym, size_t ahead = 0) const { return peek(ahead) != nullptr && peek(ahead)->sym == sym; }
  bool peek_year(size_t ahead = 0) const { return peek(ahead) != nullptr && is_year(*peek(ahead)); }
  const Token& take() { return tokens_[at_++]; }

  // The year that ends a period, allowing "December 20, 2022"; 0 when none follows.
  int take_year() {
    if (peek_is(Sym::comma) && peek_year(1)) ++at_;
    return peek_year() ? take().value : 0;
  }

 private:
  const std::vector<Token>& tokens_;
  size_t at_ = 0;
};

std::optional<Period> read_period(Cursor& cursor) {
  const Token* first = cursor.peek();
  if (first == nullptr) return std::nullopt;
  if (is_year(*first)) {
    // Kazakh puts the year first: "2022 жылғы тамыз", "2022 жылғы 28 сәуір", "2024 жылғы IV тоқсан".
    const int year = cursor.take().value;
    if (cursor.peek_is(Sym::month)) return Period{Period::Kind::month, year, cursor.take().value, 0, 0};
    if (cursor.peek() != nullptr && is_day(*cursor.peek()) && cursor.peek_is(Sym::month, 1)) {
      const int day = cursor.take().value;
      return Period{Period::Kind::day, year, cursor.take().value, day, 0};
    }
    if (cursor.peek_is(Sym::half) || cursor.peek_is(Sym::quarter)) {
      const Period::Kind kind = cursor.peek_is(Sym::half) ? Period::Kind::half : Period::Kind::quarter;
      return Period{kind, year, 0, 0, cursor.take().value};
    }
    return Period{Period::Kind::year, year, 0, 0, 0};
  }
  if (first->sym == Sym::month) {
    const int month = cursor.take().value;
    if (const int year = cursor.take_year()) return Period{Period::Kind::month, year, month, 0, 0};
    // A number after a month that is not a year is its day: "December 20, 2022".
    if (cursor.peek() != nullptr && is_day(*cursor.peek())) {
      const int day = cursor.take().value;
      return Period{Period::Kind::day, cursor.take_year(), month, day, 0};
    }
    return Period{Period::Kind::month, 0, month, 0, 0};
  }
  if (is_day(*first) && cursor.peek_is(Sym::month, 1)) {
    const int day = cursor.take().value;
    const int month = cursor.take().value;
    return Period{Period::Kind::day, cursor.take_year(), month, day, 0};
  }
  if (first->sym == Sym::half || first->sym == Sym::quarter) {
    const Period::Kind kind = first->sym == Sym::half ? Period::Kind::half : Period::Kind::quarter;
    const int part = cursor.take().value;
    return Period{kind, cursor.take_year(), 0, 0, part};
  }
  return std::nullopt;
}

struct Span {
  std::optional<Date> from;
  Date to;
};

// The grammar over the tokens left once fillers, the final stop and a recurrence are gone:
//   span := (BY | BY_END) period | period (BY | BY_END) | period | period DASH period
// The second form is Kazakh's postposition: "2022 жылдың соңына дейін", "1 шілдеге дейін".
std::optional<Span> read_span(std::vector<Token> tokens) {
  const auto is_by = [](const Token& t) { return t.sym == Sym::by || t.sym == Sym::by_end; };
  if (tokens.size() > 1 && !is_by(tokens.front()) && is_by(tokens.back())) {
    std::rotate(tokens.begin(), tokens.end() - 1, tokens.end());
  }
  Cursor cursor(tokens);
  if (cursor.peek_is(Sym::by) || cursor.peek_is(Sym::by_end)) {
    // "by X" and "by the end of X" both close on the last day of X ("до 1 июля" on 1 July).
    cursor.take();
    const std::optional<Period> period = read_period(cursor);
    if (!period || period->year == 0 || !cursor.done()) return std::nullopt;
    const auto dates = bounds(*period);
    if (!dates) return std::nullopt;
    return Span{std::nullopt, dates->second};
  }
  std::optional<Period> first = read_period(cursor);
  if (!first) return std::nullopt;
  if (cursor.done()) {
    const auto dates = first->year == 0 ? std::nullopt : bounds(*first);
    if (!dates) return std::nullopt;
    return Span{dates->first, dates->second};
  }
  if (!cursor.peek_is(Sym::dash)) return std::nullopt;
  cursor.take();
  const std::optional<Period> second = read_period(cursor);
  if (!second || second->year == 0 || !cursor.done()) return std::nullopt;
  if (first->year == 0) first->year = second->year;
  const auto start = bounds(*first);
  const auto end = bounds(*second);
  if (!start || !end || end->second < start->first) return std::nullopt;
  return Span{start->first, end->second};
}

void drop_trailing(std::vector<Token>& tokens, Sym a, Sym b) {
  while (!tokens.empty() && (tokens.back().sym == a || tokens.back().sym == b)) tokens.pop_back();
}

}  // namespace

std::optional<Deadline> parse_deadline(std::string_view text, const Vocabulary& vocabulary) {
  const std::string_view published = trim(text);
  if (published.empty()) return std::nullopt;

  std::vector<Token> tokens = tokenize(fold_case(published), table_for(vocabulary));
  std::erase_if(tokens, [](const Token& t) { return t.sym == Sym::filler; });
  drop_trailing(tokens, Sym::stop, Sym::stop);

  // A recurrence counts only at either end of the cell ("annually, 2022-2024", "2022-2024,
  // annually"): in the middle of a sentence it is prose ("Report annually to the Government").
  std::optional<std::string> recurrence;
  if (!tokens.empty() && tokens.front().sym == Sym::recurrence) {
    recurrence = std::string(tokens.front().recurrence);
    tokens.erase(tokens.begin());
    while (!tokens.empty() && tokens.front().sym == Sym::comma) tokens.erase(tokens.begin());
  } else if (!tokens.empty() && tokens.back().sym == Sym::recurrence) {
    recurrence = std::string(tokens.back().recurrence);
    tokens.pop_back();
    drop_trailing(tokens, Sym::comma, Sym::stop);
  }

  Deadline deadline{std::string(published), std::nullopt, std::nullopt, recurrence};
  if (tokens.empty()) {
    if (!recurrence) return std::nullopt;
    return deadline;
  }
  const std::optional<Span> span = read_span(std::move(tokens));
  if (!span) {
    // The recurrence alone is still worth keeping: "annually by 25 December" names no year.
    if (!recurrence) return std::nullopt;
    return deadline;
  }
  if (span->from) deadline.from = iso(*span->from);
  deadline.to = iso(span->to);
  return deadline;
}

}  // namespace planparse
