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
#include <memory>
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
  stop,        // "." or ";" outside a phrase: inside a numeric date or at the end
  month,       // month.N (month.N.from: its ablative, which starts a range)
  half,        // deadline.half.N
  quarter,     // deadline.quarter.N
  decade,      // deadline.decade.N: a third of a month ("первая декада", "first ten days of")
  part,        // deadline.part.N: a bare Roman numeral, the first end of "III–IV кварталы"
  halves,      // deadline.halves: the half-year word after two numerals ("I–II полугодия")
  quarters,    // deadline.quarters: the quarter word after two numerals ("III–IV кварталы")
  by_end,      // deadline.by_end
  by,          // deadline.by
  from,        // deadline.from: "from", "с", and the Kazakh postposition "бастап"
  to,          // deadline.to: "to", "по" between the two ends of a range
  recurrence,  // recurrence.X
  then,        // deadline.then: "далее", "thereafter", "әрі қарай" between a date and the recurrence after it
  onward,      // deadline.onward: "on", "onwards" closing "from 2026 on", a start with no end
  open,        // "(" : a bracket around a whole part ("ежегодно (2026–2028 годы)")
  close,       // ")"
  filler,      // deadline.filler, dropped before the grammar runs
  multiplier,  // deadline.multiplier: "екі", "two" before a recurrence's unit ("екі жылда бір рет")
  and_,        // deadline.and: "и", "and", "және" between years listed one after another
  word,        // letters that start no known phrase
  other,       // any other character
};

struct Token {
  Sym sym = Sym::other;
  bool spaced = false;          // white space before it: "01.07.2025" is one date, "01. 07. 2025" is not
  bool starts = false;          // month: an ablative form ("шілдеден"), so the period starts a range
  int value = 0;                // number: its value (-1 when too long); month/half/quarter: N; stop: '.' or ';'
  int digits = 0;               // number: how many digits, since a year must have four
  Recurrence recurrence = Recurrence::annual;  // recurrence: named by the role's suffix
};

struct Phrase {
  std::string folded;  // a copy: a vocabulary may be copied and its original destroyed
  Token token;
  bool needs_boundary = false;  // ends in a letter or digit, so the input must not go on with one
};

// Phrases bucketed by their first two bytes, longest first in each bucket, so that the first
// phrase that matches is the longest one ("до конца" before "до", "march" before "mar"). Two
// bytes, not one: every Cyrillic letter starts with 0xD0-0xD3, and one bucket per first byte
// would make each Russian or Kazakh word try a hundred phrases. A one-byte phrase has its own
// bucket per byte. Buckets are hashed; a phrase in a shared bucket simply fails to match.
constexpr size_t kBuckets = 1024;
struct PhraseTable {
  std::array<std::vector<Phrase>, kBuckets> by_first_bytes;
  std::array<std::vector<Phrase>, 256> one_byte;
  // deadline.ordinal_ending, longest first: "1-е полугодие", "2-й квартал", "4-ші тоқсан" read as
  // "1 полугодие", "2 квартал", "4 тоқсан".
  std::vector<std::string> ordinal_endings;
};

size_t bucket_of(uint8_t first, uint8_t second) { return (static_cast<size_t>(first) * 131u + second) % kBuckets; }

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

std::optional<int> parse_int(std::string_view digits, int max) {
  int n = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (error != std::errc() || end != digits.data() + digits.size() || n < 1 || n > max) return std::nullopt;
  return n;
}

std::optional<int> suffix_number(std::string_view role, std::string_view prefix, int max) {
  if (!role.starts_with(prefix)) return std::nullopt;
  return parse_int(role.substr(prefix.size()), max);
}

std::optional<Token> symbol_of_role(std::string_view role) {
  const auto token = [](Sym sym, int value = 0) { return Token{sym, false, false, value, 0, {}}; };
  if (auto n = suffix_number(role, "month.", 12)) return token(Sym::month, *n);
  // "month.7.from": the month in the form that starts a range (Kazakh ablative "шілдеден").
  constexpr std::string_view kFrom = ".from";
  if (role.ends_with(kFrom)) {
    if (auto n = suffix_number(role.substr(0, role.size() - kFrom.size()), "month.", 12)) {
      Token month = token(Sym::month, *n);
      month.starts = true;
      return month;
    }
  }
  if (auto n = suffix_number(role, "deadline.half.", 2)) return token(Sym::half, *n);
  if (auto n = suffix_number(role, "deadline.quarter.", 4)) return token(Sym::quarter, *n);
  if (auto n = suffix_number(role, "deadline.decade.", 3)) return token(Sym::decade, *n);
  if (auto n = suffix_number(role, "deadline.part.", 4)) return token(Sym::part, *n);
  if (role == "deadline.halves") return token(Sym::halves);
  if (role == "deadline.quarters") return token(Sym::quarters);
  if (role == "deadline.by_end") return token(Sym::by_end);
  if (role == "deadline.by") return token(Sym::by);
  if (role == "deadline.from") return token(Sym::from);
  if (role == "deadline.to") return token(Sym::to);
  if (role == "deadline.filler") return token(Sym::filler);
  if (role == "deadline.then") return token(Sym::then);
  if (role == "deadline.onward") return token(Sym::onward);
  if (role == "deadline.multiplier") return token(Sym::multiplier);
  if (role == "deadline.and") return token(Sym::and_);
  constexpr std::string_view kRecurrence = "recurrence.";
  if (role.starts_with(kRecurrence)) {
    // Only the built-in roles load (vocabulary.cpp), and test_names.cpp holds their suffixes to
    // the table: an unknown suffix cannot reach here, and would teach nothing if it did.
    const std::optional<Recurrence> named = recurrence_from_name(role.substr(kRecurrence.size()));
    if (!named) return std::nullopt;
    Token recurrence = token(Sym::recurrence);
    recurrence.recurrence = *named;
    return recurrence;
  }
  return std::nullopt;
}

PhraseTable build_table(const Vocabulary& vocabulary) {
  PhraseTable table;
  for (const VocabEntry& entry : vocabulary.entries) {
    if (entry.folded.empty()) continue;
    if (entry.role == "deadline.ordinal_ending") {
      table.ordinal_endings.push_back(entry.folded);
      continue;
    }
    const std::optional<Token> token = symbol_of_role(entry.role);
    if (!token) continue;
    const std::u32string code_points = to_u32(entry.folded);
    Phrase phrase{entry.folded, *token, is_word_char(code_points.back())};
    const auto first = static_cast<uint8_t>(entry.folded[0]);
    if (entry.folded.size() == 1) {
      table.one_byte[first].push_back(std::move(phrase));
    } else {
      table.by_first_bytes[bucket_of(first, static_cast<uint8_t>(entry.folded[1]))].push_back(std::move(phrase));
    }
  }
  std::stable_sort(table.ordinal_endings.begin(), table.ordinal_endings.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (std::vector<Phrase>& bucket : table.by_first_bytes) {
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Phrase& a, const Phrase& b) { return a.folded.size() > b.folded.size(); });
  }
  return table;
}

// Building the table costs more than reading a cell: each vocabulary's is built once.
const PhraseTable& table_for(const Vocabulary& vocabulary) {
  return vocabulary.compiled->get<PhraseTable>(Compiled::deadline_phrases, [&] { return build_table(vocabulary); });
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

// The longest phrase that matches at `at`, or nullptr; `end` is set to where it ends.
const Phrase* longest_phrase(std::string_view s, size_t at, const PhraseTable& table, size_t& end) {
  const auto first = static_cast<uint8_t>(s[at]);
  if (at + 1 < s.size()) {
    auto second = static_cast<uint8_t>(s[at + 1]);
    // A phrase's space stands for any space ("i квартал" also matches "I", a no-break space and
    // "квартал"), and only a one-byte letter can be followed by one in a phrase's first two bytes.
    if (first < 0x80 && (second >= 0x80 || second <= ' ') && is_space(decode_at(s, at + 1).first)) second = ' ';
    for (const Phrase& phrase : table.by_first_bytes[bucket_of(first, second)]) {
      end = match_phrase(s, at, phrase);
      if (end != std::string_view::npos) return &phrase;
    }
  }
  for (const Phrase& phrase : table.one_byte[first]) {
    end = match_phrase(s, at, phrase);
    if (end != std::string_view::npos) return &phrase;
  }
  return nullptr;
}

// A number's ordinal ending after a hyphen ("1-е", "2-го", "4-ші") is dropped, the number kept.
void drop_ordinal_endings(std::string& s, const std::vector<std::string>& endings) {
  if (endings.empty() || s.find('-') == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] < '0' || s[i] > '9' || i + 1 >= s.size() || s[i + 1] != '-') continue;
    for (const std::string& ending : endings) {
      const size_t after = i + 2 + ending.size();
      if (s.compare(i + 2, ending.size(), ending) != 0) continue;
      if (after < s.size() && is_word_char(decode_at(s, after).first)) continue;
      i = after - 1;
      break;
    }
  }
  s = std::move(out);
}

// No deadline takes more tokens than this ("from 1 July 2025 until 31 December 2025" takes 9),
// but a paragraph of prose may take thousands. Past it only the first tokens and the last one
// that is neither filler nor punctuation can still matter (a recurrence at either end), so the
// last slot keeps that one and memory stays bounded whatever the paragraph's length.
constexpr size_t kMaxTokens = 64;

void tokenize(std::string_view s, const PhraseTable& table, std::vector<Token>& tokens) {
  size_t i = 0;
  bool spaced = false;
  const auto push = [&](Token token) {
    token.spaced = spaced;
    spaced = false;
    if (tokens.size() < kMaxTokens) {
      tokens.push_back(token);
    } else if (token.sym != Sym::filler && token.sym != Sym::comma && token.sym != Sym::stop && token.sym != Sym::close) {
      tokens.back() = token;
    }
  };
  while (i < s.size()) {
    const auto [c, length] = decode_at(s, i);
    if (is_space(c)) {
      i += length;
      spaced = true;
      continue;
    }
    // Phrases go before numbers because some start with a digit ("1st half", "3 квартал").
    size_t end = 0;
    if (const Phrase* phrase = longest_phrase(s, i, table, end)) {
      push(phrase->token);
      i = end;
      continue;
    }
    if (c >= '0' && c <= '9') {
      Token number{Sym::number, false, false, 0, 0, {}};
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (number.digits < 9) number.value = number.value * 10 + (s[i] - '0');
        ++number.digits;
        ++i;
      }
      if (number.digits > 9) number.value = -1;
      push(number);
    } else if (is_dash(c)) {
      push(Token{Sym::dash, false, false, 0, 0, {}});
      i += length;
    } else if (c == ',') {
      push(Token{Sym::comma, false, false, 0, 0, {}});
      i += length;
    } else if (c == '.' || c == ';') {
      push(Token{Sym::stop, false, false, static_cast<int>(c), 0, {}});
      i += length;
    } else if (c == '(' || c == ')') {
      push(Token{c == '(' ? Sym::open : Sym::close, false, false, 0, 0, {}});
      i += length;
    } else if (is_word_char(c)) {
      // The whole word goes, so that no phrase can match from its middle.
      i += length;
      while (i < s.size()) {
        const auto [next, next_length] = decode_at(s, i);
        if (!is_word_char(next)) break;
        i += next_length;
      }
      push(Token{Sym::word, false, false, 0, 0, {}});
    } else {
      push(Token{Sym::other, false, false, 0, 0, {}});
      i += length;
    }
  }
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
  // part: a half or a quarter, which of them the range's other end says ("III–IV квартал").
  // decade: a third of a month, days 1–10, 11–20 or 21 to its end ("первая декада декабря").
  enum class Kind { year, month, day, half, quarter, part, decade } kind = Kind::year;
  int year = 0;
  int month = 0;
  int day = 0;
  int part = 0;  // half, quarter or decade number
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
    case Period::Kind::part:
      return std::nullopt;
    case Period::Kind::decade: {
      const int last = p.part == 3 ? days_in_month(p.year, p.month) : p.part * 10;
      return std::pair{Date{p.year, p.month, (p.part - 1) * 10 + 1}, Date{p.year, p.month, last}};
    }
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
bool is_month_number(const Token& t) { return t.sym == Sym::number && t.digits <= 2 && t.value >= 1 && t.value <= 12; }
bool is_by(const Token& t) { return t.sym == Sym::by || t.sym == Sym::by_end; }

class Cursor {
 public:
  Cursor(const Token* begin, const Token* end) : at_(begin), end_(end) {}
  bool done() const { return at_ == end_; }
  const Token* peek(size_t ahead = 0) const { return ahead < static_cast<size_t>(end_ - at_) ? at_ + ahead : nullptr; }
  bool peek_is(Sym sym, size_t ahead = 0) const { return peek(ahead) != nullptr && peek(ahead)->sym == sym; }
  bool peek_year(size_t ahead = 0) const { return peek(ahead) != nullptr && is_year(*peek(ahead)); }
  bool peek_by() const { return peek() != nullptr && is_by(*peek()); }
  // A token written right after the one before it, with no space: part of one numeric date.
  bool peek_glued(Sym sym, size_t ahead) const { return peek_is(sym, ahead) && !peek(ahead)->spaced; }
  const Token& take() {
    last_ = at_;
    return *at_++;
  }
  void skip(size_t n) {
    at_ += n;
    last_ = at_ - 1;
  }
  // Whether the last token taken was a form that starts a range (Kazakh "1 шілдеден").
  bool last_starts() const { return last_ != nullptr && last_->starts; }

  // The year that ends a period, allowing "December 20, 2022"; 0 when none follows.
  int take_year() {
    if (peek_is(Sym::comma) && peek_year(1)) take();
    return peek_year() ? take().value : 0;
  }

 private:
  const Token* at_;
  const Token* end_;
  const Token* last_ = nullptr;
};

// A numeric day: DD.MM.YYYY, D.M.YYYY, and DD.MM. or DD.MM with no year, which only the first end
// of a range may be ("01.07. – 31.12.2025"). Every part is glued to the one before it. A two-digit
// year ("12.04.25") is not read: its century is a guess. Nor are "31/12/2025" or "12-31-2025",
// which put the day and the month in an order the text does not show.
std::optional<Period> read_numeric_day(Cursor& cursor) {
  const auto is_dot = [&](size_t ahead) { return cursor.peek_glued(Sym::stop, ahead) && cursor.peek(ahead)->value == '.'; };
  if (!is_dot(1) || !cursor.peek_glued(Sym::number, 2) || !is_month_number(*cursor.peek(2))) return std::nullopt;
  const int day = cursor.peek(0)->value;
  const int month = cursor.peek(2)->value;
  if (is_dot(3) && cursor.peek_glued(Sym::number, 4)) {
    if (!cursor.peek_year(4)) return std::nullopt;
    const int year = cursor.peek(4)->value;
    cursor.skip(5);
    return Period{Period::Kind::day, year, month, day, 0};
  }
  cursor.skip(is_dot(3) ? 4 : 3);
  return Period{Period::Kind::day, 0, month, day, 0};
}

// ISO 8601: YYYY-MM-DD, each part glued to the dash before it.
std::optional<Period> read_iso_day(Cursor& cursor) {
  const auto two_digits = [&](size_t ahead) {
    return cursor.peek_glued(Sym::number, ahead) && cursor.peek(ahead)->digits == 2;
  };
  if (!cursor.peek_glued(Sym::dash, 1) || !two_digits(2) || !cursor.peek_glued(Sym::dash, 3) || !two_digits(4)) {
    return std::nullopt;
  }
  const int year = cursor.peek(0)->value;
  const int month = cursor.peek(2)->value;
  const int day = cursor.peek(4)->value;
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  cursor.skip(5);
  return Period{Period::Kind::day, year, month, day, 0};
}

// A numeral, Roman or a digit 1-4, with the unit after it ("IV кварталы", the "4 кварталы" of
// "3-4 кварталы") or after the range's other end ("III – IV квартал", "3-4 тоқсан"): the grammar
// lets a bare one stand only as a range's first end.
bool at_part(const Cursor& cursor) {
  const Token* t = cursor.peek();
  if (t == nullptr) return false;
  if (t->sym == Sym::part) return true;
  if (t->sym != Sym::number || t->digits != 1 || t->value < 1 || t->value > 4) return false;
  return cursor.peek_is(Sym::dash, 1) || cursor.peek_is(Sym::halves, 1) || cursor.peek_is(Sym::quarters, 1);
}

// A day alone as a range's first end, the month and year after the second: "1–15 мая 2026 года",
// "с 1 по 15 мая", "1-15 May 2026", "2026 жылғы 1-15 мамыр". Read as a day of month 0, which
// read_span fills from the other end.
bool at_bare_day(const Cursor& cursor) {
  const Token* t = cursor.peek();
  const Token* second = cursor.peek(2);
  return t != nullptr && is_day(*t) && (cursor.peek_is(Sym::dash, 1) || cursor.peek_is(Sym::to, 1) || cursor.peek_is(Sym::by, 1)) &&
         second != nullptr && is_day(*second) && cursor.peek_is(Sym::month, 3);
}

std::optional<Period> read_part(Cursor& cursor, int year) {
  const int part = cursor.take().value;
  if (cursor.peek_is(Sym::halves) || cursor.peek_is(Sym::quarters)) {
    const Period::Kind kind = cursor.take().sym == Sym::halves ? Period::Kind::half : Period::Kind::quarter;
    if (part > (kind == Period::Kind::half ? 2 : 4)) return std::nullopt;
    return Period{kind, year != 0 ? year : cursor.take_year(), 0, 0, part};
  }
  return Period{Period::Kind::part, year != 0 ? year : cursor.take_year(), 0, 0, part};
}

std::optional<Period> read_period(Cursor& cursor) {
  const Token* first = cursor.peek();
  if (first == nullptr) return std::nullopt;
  if (is_year(*first)) {
    // "2027-28" is a range whose end gives the year's last two digits (read_span), no ISO day.
    if (cursor.peek_glued(Sym::dash, 1) && cursor.peek_glued(Sym::number, 2) && cursor.peek(2)->digits == 2 &&
        cursor.peek_glued(Sym::dash, 3)) {
      return read_iso_day(cursor);
    }
    // Kazakh puts the year first: "2022 жылғы тамыз", "2022 жылғы 28 сәуір", "2024 жылғы IV тоқсан".
    const int year = cursor.take().value;
    if (cursor.peek_is(Sym::month)) {
      const int month = cursor.take().value;
      // "2026 жылғы желтоқсанның бірінші онкүндігі": the decade after its month.
      if (cursor.peek_is(Sym::decade)) return Period{Period::Kind::decade, year, month, 0, cursor.take().value};
      return Period{Period::Kind::month, year, month, 0, 0};
    }
    if (cursor.peek() != nullptr && is_day(*cursor.peek()) && cursor.peek_is(Sym::month, 1)) {
      const int day = cursor.take().value;
      return Period{Period::Kind::day, year, cursor.take().value, day, 0};
    }
    if (cursor.peek_is(Sym::half) || cursor.peek_is(Sym::quarter)) {
      const Period::Kind kind = cursor.peek_is(Sym::half) ? Period::Kind::half : Period::Kind::quarter;
      return Period{kind, year, 0, 0, cursor.take().value};
    }
    if (at_bare_day(cursor)) return Period{Period::Kind::day, year, 0, cursor.take().value, 0};
    if (at_part(cursor)) return read_part(cursor, year);
    return Period{Period::Kind::year, year, 0, 0, 0};
  }
  if (is_day(*first) && cursor.peek_is(Sym::stop, 1)) return read_numeric_day(cursor);
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
  // "первая декада декабря 2026 года", "first ten days of December 2026": a decade names its month.
  if (first->sym == Sym::decade) {
    if (!cursor.peek_is(Sym::month, 1)) return std::nullopt;
    const int part = cursor.take().value;
    const int month = cursor.take().value;
    return Period{Period::Kind::decade, cursor.take_year(), month, 0, part};
  }
  if (at_bare_day(cursor)) return Period{Period::Kind::day, 0, 0, cursor.take().value, 0};
  if (at_part(cursor)) return read_part(cursor, 0);
  return std::nullopt;
}

struct Span {
  std::optional<Date> from;
  std::optional<Date> to;  // null only for a start with no end, which only a recurrence allows
};

// The grammar over the tokens left once fillers, end punctuation and a recurrence are gone:
//   span  := (BY | BY_END | TO) period                 open start: "by 2023", "до 13.12.2025", "по 31.12.2025"
//          | period (BY | BY_END)                      the same with a postposition: "1 шілдеге дейін"
//          | period                                    "2025", "15.06.2025", "IV квартал 2025 года"
//          | [FROM] period SEP period                  "2025-2026", "с 01.07.2025 по 31.12.2025"
//          | period START period (BY | BY_END)         Kazakh: "1 шілдеден (бастап) 31 желтоқсанға дейін"
//   SEP   := DASH | TO | BY (only after FROM: "с 1 июля до 31 декабря 2025 года")
//   START := FROM ("бастап", "жылдан") | an ablative month ending the first period
// A start with no end ("с 1 июля 2025 года", "as of 1 July 2025") is no deadline, unless
// `open_end`: beside a recurrence it says when the repetition begins ("ежегодно, начиная с 2026
// года", "annually from 2026 on"), and reads as its first day with no end. An ONWARD word
// ("on", "onwards") may close such a start. One end with no year borrows the other's: "January
// – June 2023", "2025 жылғы шілде – желтоқсан"; a bare numeral as the first end borrows the
// second's unit: "III – IV квартал 2025 года", a bare day its month: "с 1 по 15 мая 2026 года",
// "May 1–15, 2026".
std::optional<Span> read_span(const Token* begin, const Token* end, bool open_end) {
  Cursor cursor(begin, end);
  bool leading_from = false;
  if (cursor.peek_is(Sym::by) || cursor.peek_is(Sym::by_end) || cursor.peek_is(Sym::to)) {
    // "by X" and "by the end of X" both close on the last day of X ("до 1 июля" on 1 July).
    cursor.take();
    const std::optional<Period> period = read_period(cursor);
    if (!period || period->year == 0 || !cursor.done()) return std::nullopt;
    const auto dates = bounds(*period);
    if (!dates) return std::nullopt;
    return Span{std::nullopt, dates->second};
  }
  if (cursor.peek_is(Sym::from)) {
    cursor.take();
    leading_from = true;
  }
  std::optional<Period> first = read_period(cursor);
  if (!first) return std::nullopt;
  bool starts = cursor.last_starts();
  if (cursor.peek_is(Sym::from)) {
    cursor.take();
    starts = true;
  }
  if (leading_from && starts) return std::nullopt;
  // "2027 onwards, every year": the onward word alone says the year starts the repetition.
  if (open_end && (leading_from || starts || cursor.peek_is(Sym::onward)) && first->year != 0) {
    if (cursor.peek_is(Sym::onward)) cursor.take();
    if (cursor.done()) {
      const auto dates = bounds(*first);
      if (!dates) return std::nullopt;
      return Span{dates->first, std::nullopt};
    }
  }

  // Years listed one after another, each the next: "2027 и 2028 годы", "2027, 2028 and 2029" are
  // the span of them all. Years with a gap between them are no span: nothing is read.
  if (!leading_from && !starts && first->kind == Period::Kind::year &&
      (cursor.peek_is(Sym::and_) || cursor.peek_is(Sym::comma)) && cursor.peek_year(1)) {
    int last = first->year;
    while ((cursor.peek_is(Sym::and_) || cursor.peek_is(Sym::comma)) && cursor.peek_year(1)) {
      cursor.take();
      if (cursor.peek()->value != last + 1) return std::nullopt;
      last = cursor.take().value;
    }
    if (!cursor.done()) return std::nullopt;
    return Span{Date{first->year, 1, 1}, Date{last, 12, 31}};
  }
  bool separated = false;
  if (cursor.peek_is(Sym::dash) || cursor.peek_is(Sym::to) || (leading_from && cursor.peek_by())) {
    cursor.take();
    separated = true;
  }
  // "2027–28", "2027-28 гг.": the end names only its year's last two digits, in the same century.
  if (separated && first->kind == Period::Kind::year && cursor.peek_is(Sym::number) && cursor.peek()->digits == 2 &&
      cursor.peek(1) == nullptr) {
    const int end_year = first->year / 100 * 100 + cursor.take().value;
    if (end_year <= first->year) return std::nullopt;
    return Span{Date{first->year, 1, 1}, Date{end_year, 12, 31}};
  }
  // An ablative governed by the postposition is an end after all: "2025 жылдан кешіктірмей" (not
  // later than 2025), "4 тоқсанынан кешіктірмей".
  if (starts && !leading_from && !separated && cursor.peek_by() && cursor.peek(1) == nullptr) starts = false;
  std::optional<Period> second;
  if (!separated && !starts) {
    // One period, perhaps closed by a postposition.
    bool open_start = false;
    if (cursor.peek_by() && !leading_from) {
      cursor.take();
      open_start = true;
    }
    if (!cursor.done() || leading_from || first->year == 0) return std::nullopt;
    const auto dates = bounds(*first);
    if (!dates) return std::nullopt;
    if (open_start) return Span{std::nullopt, dates->second};
    return Span{dates->first, dates->second};
  }
  // "May 1–15, 2026": a day alone after a month's day is a day of that month.
  if (separated && first->kind == Period::Kind::day && first->month != 0 && cursor.peek() != nullptr &&
      is_day(*cursor.peek()) && !cursor.peek_is(Sym::month, 1) && !cursor.peek_is(Sym::stop, 1)) {
    const int day = cursor.take().value;
    second = Period{Period::Kind::day, cursor.take_year(), first->month, day, 0};
  } else {
    second = read_period(cursor);
  }
  if (!second) return std::nullopt;
  if (!separated) {
    // "1 шілдеден бастап 31 желтоқсанға дейін": the Kazakh range ends with its postposition.
    if (!cursor.peek_by()) return std::nullopt;
    cursor.take();
  }
  if (!cursor.done()) return std::nullopt;
  if (first->kind == Period::Kind::part && (second->kind == Period::Kind::half || second->kind == Period::Kind::quarter)) {
    if (first->part > (second->kind == Period::Kind::half ? 2 : 4)) return std::nullopt;
    first->kind = second->kind;
  }
  // A day alone takes the month of the day that ends the range ("1–15 мая").
  if (first->kind == Period::Kind::day && first->month == 0) {
    if (second->kind != Period::Kind::day) return std::nullopt;
    first->month = second->month;
  }
  if (first->year == 0) first->year = second->year;
  // A year-first Kazakh range names the year once, at its start: "2025 жылғы шілде – желтоқсан".
  if (second->year == 0 && first->kind != Period::Kind::year) second->year = first->year;
  if (first->year == 0 || second->year == 0) return std::nullopt;
  const auto start = bounds(*first);
  const auto finish = bounds(*second);
  if (!start || !finish || finish->second < start->first) return std::nullopt;
  return Span{start->first, finish->second};
}

bool is_end_punctuation(const Token& t) { return t.sym == Sym::stop || t.sym == Sym::comma; }

// The point in each year that a recurrence falls due, with no year of its own: "до 1 февраля",
// "by 25 December", "1 ақпанға дейін", "20 января".
bool is_yearly_point(const Token* begin, const Token* end) {
  Cursor cursor(begin, end);
  if (cursor.peek_by() || cursor.peek_is(Sym::to)) cursor.take();
  const std::optional<Period> period = read_period(cursor);
  if (!period || period->year != 0 || period->month == 0) return false;
  if (period->kind != Period::Kind::day && period->kind != Period::Kind::month) return false;
  if (cursor.peek_by()) cursor.take();
  return cursor.done();
}

// A recurrence's yearly point beside the span it runs in, either side of a comma: "ежегодно до 1
// февраля, 2026–2028 годы", "annually, 2026-2028, by 1 February". The span is the dates; the point
// stays in the text.
std::optional<Span> read_span_beside_point(const Token* begin, const Token* end) {
  for (const Token* at = begin; at != end; ++at) {
    if (at->sym != Sym::comma) continue;
    const Token* after = at + 1;
    if (is_yearly_point(begin, at)) {
      if (std::optional<Span> span = read_span(after, end, true)) return span;
    } else if (is_yearly_point(after, end)) {
      if (std::optional<Span> span = read_span(begin, at, true)) return span;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// `whole`: nullopt unless every word is read (a recurrence with an unreadable rest is not).
std::optional<Deadline> read_deadline(std::string_view text, const Vocabulary& vocabulary, bool whole) {
  const std::string_view published = trim(text);
  if (published.empty()) return std::nullopt;

  // Every paragraph of a row comes here (align.cpp), so a thread's buffer, bounded by
  // kMaxTokens, keeps them from allocating.
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokens.reserve(kMaxTokens);
  const PhraseTable& table = table_for(vocabulary);
  std::string folded = fold_case(published);
  drop_ordinal_endings(folded, table.ordinal_endings);
  tokenize(folded, table, tokens);
  std::erase_if(tokens, [](const Token& t) { return t.sym == Sym::filler; });
  // A bracket that held fillers only ("2027–2028 гг. (поэтапно)") says nothing of the dates.
  for (auto at = tokens.begin(); (at = std::adjacent_find(at, tokens.end(), [](const Token& a, const Token& b) {
                                    return a.sym == Sym::open && b.sym == Sym::close;
                                  })) != tokens.end();) {
    at = tokens.erase(at, at + 2);
  }

  // A bracket of words alone closing the cell ("до 1 июля 2026 года (проект)", "2026 (subject to
  // funding)") is a note on the work, not on its dates: no number, month, period or recurrence in
  // it. The text keeps it; the dates are read without it. A bracket that names a period or a
  // stage ("(II полугодие)", "(1 этап)") says something of the dates and stays.
  if (tokens.size() >= 4 && tokens.back().sym == Sym::close) {
    size_t open = tokens.size() - 1;
    while (open > 0 && (tokens[open - 1].sym == Sym::word || tokens[open - 1].sym == Sym::comma)) --open;
    // The agency marker ("2022 (as agreed)") is no note on the work: an agency cell's text.
    const auto names_agreement = [&] {
      const size_t bracket = folded.rfind('(');
      if (bracket == std::string::npos) return false;
      const std::vector<std::string> words = words_of(std::string_view(folded).substr(bracket));
      return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return vocabulary.has_word("marker.word", word); });
    };
    if (open > 0 && open < tokens.size() - 1 && tokens[open - 1].sym == Sym::open && !names_agreement()) {
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(open - 1), tokens.end());
    }
  }

  // Punctuation at either end is the cell's, not the date's: "2025 год,", "2025;", "31.12.2025.";
  // so is a pair of brackets around all of it ("(2026–2028 годы)").
  const Token* begin = tokens.data();
  const Token* end = tokens.data() + tokens.size();
  const auto trim_punctuation = [&] {
    for (;;) {
      while (begin != end && is_end_punctuation(*begin)) ++begin;
      while (begin != end && is_end_punctuation(*(end - 1))) --end;
      if (end - begin < 2 || begin->sym != Sym::open || (end - 1)->sym != Sym::close) return;
      ++begin;
      --end;
    }
  };
  trim_punctuation();

  // A recurrence counts only at either end of the cell ("annually, 2022-2024", "2022-2024,
  // annually"), bracketed or not ("2026–2028 годы (ежегодно)"): in the middle of a sentence it is
  // prose ("Report annually to the Government"). Between it and the dates may stand a dash or a
  // word that leads on to it ("IV квартал 2026 года, далее – ежегодно", "December 2026, thereafter
  // annually"): the dates are the first period, or the span, the repetition runs in.
  std::optional<Recurrence> recurrence;
  const auto is_junction = [](const Token& t) {
    return is_end_punctuation(t) || t.sym == Sym::dash || t.sym == Sym::then;
  };
  if (end - begin >= 3 && (end - 1)->sym == Sym::close && (end - 2)->sym == Sym::recurrence && (end - 3)->sym == Sym::open) {
    recurrence = (end - 2)->recurrence;
    end -= 3;
    while (begin != end && is_junction(*(end - 1))) --end;
  } else if (begin != end && begin->sym == Sym::recurrence) {
    recurrence = begin->recurrence;
    ++begin;
    while (begin != end && (is_end_punctuation(*begin) || begin->sym == Sym::dash)) ++begin;
  } else if (begin != end && (end - 1)->sym == Sym::recurrence) {
    // "екі жылда бір рет" (once in two years), "2 жылда 1 рет", "half-yearly", "bi-monthly": a
    // number or a word glued by a hyphen before the recurrence changes its period; the text names
    // no recurrence the schema holds, and reading the bare one would be wrong.
    if (end - begin >= 2) {
      const Token& before = *(end - 2);
      const bool multiplied = before.sym == Sym::multiplier || (before.sym == Sym::number && before.digits <= 2 && before.value >= 2);
      const bool compound = before.sym == Sym::dash && !(end - 1)->spaced;
      if (multiplied || compound) return std::nullopt;
    }
    recurrence = (end - 1)->recurrence;
    --end;
    while (begin != end && is_junction(*(end - 1))) --end;
  }
  trim_punctuation();

  Deadline deadline{std::string(published), std::nullopt, std::nullopt, recurrence};
  if (begin == end) {
    if (!recurrence) return std::nullopt;
    return deadline;
  }
  std::optional<Span> span = read_span(begin, end, recurrence.has_value());
  if (!span && recurrence) span = read_span_beside_point(begin, end);
  if (!span) {
    // The recurrence alone is still worth keeping: "annually by 25 December" names no year.
    if (!recurrence || whole) return std::nullopt;
    return deadline;
  }
  if (span->from) deadline.from = iso(*span->from);
  if (span->to) deadline.to = iso(*span->to);
  return deadline;
}

}  // namespace

std::optional<Deadline> parse_deadline(std::string_view text, const Vocabulary& vocabulary) {
  return read_deadline(text, vocabulary, false);
}

std::optional<Deadline> parse_whole_deadline(std::string_view text, const Vocabulary& vocabulary) {
  return read_deadline(text, vocabulary, true);
}

}  // namespace planparse
