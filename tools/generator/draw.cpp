// draw_plan: a random plan of measures as the truth planparse should output. See generator.h.
#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "parsers/registry.h"
#include "tools/generator/generator.h"
#include "tools/generator/words.h"

namespace planparse::gen {
namespace {

int uniform(std::mt19937_64& rng, int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
bool chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }
template <class T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& list) {
  return list[static_cast<size_t>(uniform(rng, 0, static_cast<int>(list.size()) - 1))];
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}
std::string iso(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}
std::string first_of(int year, int month) { return iso(year, month, 1); }
std::string last_of(int year, int month) { return iso(year, month, days_in_month(year, month)); }

Deadline make(std::string text, std::optional<std::string> from, std::optional<std::string> to,
              std::optional<Recurrence> recurrence = std::nullopt) {
  return Deadline{std::move(text), std::move(from), std::move(to), recurrence};
}

std::string capitalise_ascii(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// Year ranges in the dashes and spacings plans print; every one reads as the same range.
std::string year_range(std::mt19937_64& rng, int from, int to) {
  static const std::vector<std::string> dashes = {"-", "–", " – ", "- ", "—"};
  return std::to_string(from) + pick(rng, dashes) + std::to_string(to);
}

// The deadline forms of tests/test_deadline.cpp with their dates (English).
Deadline english_deadline(std::mt19937_64& rng) {
  const int y = uniform(rng, 2021, 2031);
  const int m = uniform(rng, 1, 12);
  const std::string month = words::en_months[static_cast<size_t>(m - 1)];
  switch (uniform(rng, 0, 19)) {
    case 0:
      return make((chance(rng, 0.5) ? "By the end of " : "by the end of ") + std::to_string(y), std::nullopt, iso(y, 12, 31));
    case 1:
      return make(month + " " + std::to_string(y), first_of(y, m), last_of(y, m));
    case 2:
      return make(std::to_string(y), iso(y, 1, 1), iso(y, 12, 31));
    case 3: {
      const int to = y + uniform(rng, 1, 4);
      return make(year_range(rng, y, to), iso(y, 1, 1), iso(to, 12, 31));
    }
    case 4: {
      const int half = uniform(rng, 1, 2);
      static const std::vector<std::string> first = {"First half of ", "first half of ", "1st half of ", "H1 "};
      static const std::vector<std::string> second = {"Second half of ", "second half of ", "2nd half of ", "H2 "};
      return make(pick(rng, half == 1 ? first : second) + std::to_string(y), first_of(y, half == 1 ? 1 : 7),
                  last_of(y, half == 1 ? 6 : 12));
    }
    case 5: {
      const int q = uniform(rng, 1, 4);
      static const std::vector<std::string> ordinals = {"first", "second", "third", "fourth"};
      static const std::vector<std::string> numerals = {"1st", "2nd", "3rd", "4th"};
      std::string text;
      switch (uniform(rng, 0, 2)) {
        case 0: text = "Q" + std::to_string(q) + " " + std::to_string(y); break;
        case 1: text = ordinals[static_cast<size_t>(q - 1)] + " quarter of " + std::to_string(y); break;
        default: text = numerals[static_cast<size_t>(q - 1)] + " quarter of " + std::to_string(y); break;
      }
      return make(text, first_of(y, 3 * q - 2), last_of(y, 3 * q));
    }
    case 6:
      return make("by " + month + " " + std::to_string(y), std::nullopt, last_of(y, m));
    case 7: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      const std::string text = chance(rng, 0.5) ? "no later than " + std::to_string(d) + " " + month + " " + std::to_string(y)
                                                : "by " + month + " " + std::to_string(d) + ", " + std::to_string(y);
      return make(text, std::nullopt, iso(y, m, d));
    }
    case 8: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      const std::string text = chance(rng, 0.5) ? month + " " + std::to_string(d) + ", " + std::to_string(y)
                                                : std::to_string(d) + " " + month + " " + std::to_string(y);
      return make(text, iso(y, m, d), iso(y, m, d));
    }
    case 9: {
      const auto& [text, recurrence] = pick(rng, words::english().recurrences);
      return make(chance(rng, 0.3) ? capitalise_ascii(text) : text, std::nullopt, std::nullopt, recurrence);
    }
    case 10: {
      const int to = y + uniform(rng, 1, 3);
      return make("annually, " + year_range(rng, y, to), iso(y, 1, 1), iso(to, 12, 31), Recurrence::annual);
    }
    case 11:
      return make("in " + std::to_string(y), iso(y, 1, 1), iso(y, 12, 31));
    case 12:
      return make("by the end of " + month + " " + std::to_string(y), std::nullopt, last_of(y, m));
    case 13: {
      static const std::vector<std::string> short_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      const std::string abbreviated = short_months[static_cast<size_t>(m - 1)] + (m != 5 && chance(rng, 0.5) ? "." : "");
      return make(abbreviated + " " + std::to_string(y), first_of(y, m), last_of(y, m));
    }
    case 14: {
      const int to = y + uniform(rng, 0, 2);
      const int m2 = to == y ? uniform(rng, m, 12) : uniform(rng, 1, 12);
      const std::string to_month = words::en_months[static_cast<size_t>(m2 - 1)];
      const std::string text = to == y && chance(rng, 0.5) ? month + " – " + to_month + " " + std::to_string(y)
                                                           : month + " " + std::to_string(y) + " - " + to_month + " " + std::to_string(to);
      return make(text, first_of(y, m), last_of(to, m2));
    }
    case 15: {
      const int h = uniform(rng, 1, 2);
      return make(std::string("by the end of the ") + (h == 1 ? "first" : "second") + " half of " + std::to_string(y),
                  std::nullopt, last_of(y, h == 1 ? 6 : 12));
    }
    case 16: {
      const int q = uniform(rng, 1, 4);
      return make("until the end of Q" + std::to_string(q) + " " + std::to_string(y), std::nullopt, last_of(y, 3 * q));
    }
    case 17: {
      const int to = y + uniform(rng, 1, 3);
      return make(std::to_string(y) + "-" + std::to_string(to) + " years", iso(y, 1, 1), iso(to, 12, 31));
    }
    case 18:
      return make("quarterly by the end of " + std::to_string(y), std::nullopt, iso(y, 12, 31), Recurrence::quarterly);
    default:
      return make(month + " of " + std::to_string(y), first_of(y, m), last_of(y, m));
  }
}

// The same for Russian: months in the nominative, genitive and prepositional.
Deadline russian_deadline(std::mt19937_64& rng) {
  const int y = uniform(rng, 2021, 2031);
  const int m = uniform(rng, 1, 12);
  const std::string year = std::to_string(y);
  const size_t mi = static_cast<size_t>(m - 1);
  static const std::vector<std::string> romans = {"I", "II", "III", "IV"};
  switch (uniform(rng, 0, 15)) {
    case 0:
      return make("до конца " + year + " года", std::nullopt, iso(y, 12, 31));
    case 1:
      return make(chance(rng, 0.5) ? words::ru_months_nominative[mi] + " " + year + " года"
                                   : "в " + words::ru_months_prepositional[mi] + " " + year + " года",
                  first_of(y, m), last_of(y, m));
    case 2: {
      static const std::vector<std::string> forms = {"%s год", "в %s году", "в течение %s года"};
      std::string text = pick(rng, forms);
      text.replace(text.find("%s"), 2, year);
      return make(text, iso(y, 1, 1), iso(y, 12, 31));
    }
    case 3: {
      const int to = y + uniform(rng, 1, 4);
      return make(year_range(rng, y, to) + (chance(rng, 0.7) ? " годы" : " гг."), iso(y, 1, 1), iso(to, 12, 31));
    }
    case 4: {
      const int half = uniform(rng, 1, 2);
      static const std::vector<std::string> first = {"I полугодие ", "первое полугодие ", "1 полугодие "};
      static const std::vector<std::string> second = {"II полугодие ", "второе полугодие ", "2 полугодие "};
      return make(pick(rng, half == 1 ? first : second) + year + " года", first_of(y, half == 1 ? 1 : 7),
                  last_of(y, half == 1 ? 6 : 12));
    }
    case 5: {
      const int q = uniform(rng, 1, 4);
      std::string text;
      switch (uniform(rng, 0, 2)) {
        case 0: text = romans[static_cast<size_t>(q - 1)] + " квартал " + year + " года"; break;
        case 1: text = std::to_string(q) + " квартал " + year + " года"; break;
        default: text = "в " + romans[static_cast<size_t>(q - 1)] + " квартале " + year + " года"; break;
      }
      return make(text, first_of(y, 3 * q - 2), last_of(y, 3 * q));
    }
    case 6: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      return make((chance(rng, 0.6) ? "до " : "не позднее ") + std::to_string(d) + " " + words::ru_months_genitive[mi] +
                      " " + year + " года",
                  std::nullopt, iso(y, m, d));
    }
    case 7: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      return make(std::to_string(d) + " " + words::ru_months_genitive[mi] + " " + year + " года", iso(y, m, d), iso(y, m, d));
    }
    case 8: {
      const auto& [text, recurrence] = pick(rng, words::russian().recurrences);
      return make(text, std::nullopt, std::nullopt, recurrence);
    }
    case 9: {
      const int to = y + uniform(rng, 1, 3);
      return make("ежегодно, " + year_range(rng, y, to) + " годы", iso(y, 1, 1), iso(to, 12, 31), Recurrence::annual);
    }
    case 10:
      return make("до конца I полугодия " + year + " года", std::nullopt, iso(y, 6, 30));
    case 12: {
      const int to = y + uniform(rng, 1, 2);
      const int m2 = uniform(rng, 1, 12);
      return make(words::ru_months_nominative[mi] + " " + year + " – " + words::ru_months_nominative[static_cast<size_t>(m2 - 1)] +
                      " " + std::to_string(to) + " года",
                  first_of(y, m), last_of(to, m2));
    }
    case 13: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      return make("ежегодно, до " + std::to_string(d) + " " + words::ru_months_genitive[mi] + " " + year + " года",
                  std::nullopt, iso(y, m, d), Recurrence::annual);
    }
    case 14:
      return make(words::ru_months_nominative[mi] + " " + year + " г.", first_of(y, m), last_of(y, m));
    default: {
      // "до конца N квартала Y года" closes at the quarter's last day.
      const int q = uniform(rng, 1, 4);
      return make("до конца " + romans[static_cast<size_t>(q - 1)] + " квартала " + year + " года", std::nullopt,
                  last_of(y, 3 * q));
    }
  }
}

// The forms tests/test_deadline.cpp pinned for Kazakh: the year first, "дейін" after the date.
Deadline kazakh_deadline(std::mt19937_64& rng) {
  const int y = uniform(rng, 2021, 2031);
  const int m = uniform(rng, 1, 12);
  const std::string year = std::to_string(y);
  const size_t mi = static_cast<size_t>(m - 1);
  switch (uniform(rng, 0, 9)) {
    case 0:
      return make(year + " жылдың соңына дейін", std::nullopt, iso(y, 12, 31));
    case 1:
      return make(year + " жылғы " + words::kk_months_nominative[mi], first_of(y, m), last_of(y, m));
    case 2:
      return make(year + " жыл", iso(y, 1, 1), iso(y, 12, 31));
    case 3: {
      const int to = y + uniform(rng, 1, 4);
      return make(year_range(rng, y, to) + " жылдар", iso(y, 1, 1), iso(to, 12, 31));
    }
    case 4: {
      // Typists write the Roman numeral with the Cyrillic І as often as with the Latin I.
      const int half = uniform(rng, 1, 2);
      const bool cyrillic = chance(rng, 0.5);
      const std::string numeral = half == 1 ? (cyrillic ? "І" : "I") : (cyrillic ? "ІІ" : "II");
      return make(year + " жылғы " + numeral + " жартыжылдық", first_of(y, half == 1 ? 1 : 7), last_of(y, half == 1 ? 6 : 12));
    }
    case 5: {
      static const std::vector<std::string> romans = {"I", "II", "III", "IV"};
      const int q = uniform(rng, 1, 4);
      const std::string numeral = chance(rng, 0.5) ? romans[static_cast<size_t>(q - 1)] : std::to_string(q);
      return make(year + " жылғы " + numeral + " тоқсан", first_of(y, 3 * q - 2), last_of(y, 3 * q));
    }
    case 6: {
      const auto& [text, recurrence] = pick(rng, words::kazakh().recurrences);
      return make(text, std::nullopt, std::nullopt, recurrence);
    }
    case 7: {
      const int d = uniform(rng, 1, days_in_month(y, m));
      return make(year + " жылғы " + std::to_string(d) + " " + words::kk_months_dative[mi] + " дейін", std::nullopt, iso(y, m, d));
    }
    case 8:
      return make(year + " жылғы " + words::kk_months_dative[mi] + " дейін", std::nullopt, last_of(y, m));
    default: {
      const int to = y + uniform(rng, 1, 3);
      return make("жыл сайын, " + year_range(rng, y, to) + " жылдар", iso(y, 1, 1), iso(to, 12, 31), Recurrence::annual);
    }
  }
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }
std::string numeric_date(int year, int month, int day) { return two_digits(day) + "." + two_digits(month) + "." + std::to_string(year); }

// Numeric dates (issue 13): "15.06.2025" is that day, "до 13.12.2025" / "by 13.12.2025" /
// "13.12.2025 дейін" closes at it, "01.07.2025 – 31.12.2025" is the range, both days included.
Deadline numeric_deadline(std::mt19937_64& rng, const std::string& language) {
  const int y = uniform(rng, 2021, 2031);
  const int m = uniform(rng, 1, 12);
  const int d = uniform(rng, 1, days_in_month(y, m));
  const std::string date = numeric_date(y, m, d);
  switch (uniform(rng, 0, 2)) {
    case 0:
      return make(date, iso(y, m, d), iso(y, m, d));
    case 1: {
      std::string text;
      if (language == "ru") text = (chance(rng, 0.7) ? "до " : "не позднее ") + date;
      else if (language == "kk") text = date + " дейін";
      else text = "by " + date;
      return make(text, std::nullopt, iso(y, m, d));
    }
    default: {
      // The second day on or after the first, up to two years on.
      const int y2 = y + uniform(rng, 0, 2);
      const int m2 = y2 == y ? uniform(rng, m, 12) : uniform(rng, 1, 12);
      const int d2 = y2 == y && m2 == m ? uniform(rng, d, days_in_month(y2, m2)) : uniform(rng, 1, days_in_month(y2, m2));
      static const std::vector<std::string> dashes = {" – ", " - ", "–", " — "};
      return make(date + pick(rng, dashes) + numeric_date(y2, m2, d2), iso(y, m, d), iso(y2, m2, d2));
    }
  }
}

// Years as plans abbreviate and punctuate them (issue 13): "2025 год," "2025 г." "2025–2026 гг."
// "в течение 2025 года" "2025 ж." "2025-2026 жж." "2025 жылдың бірінші жартыжылдығы"; the text
// keeps its punctuation, the dates are the whole years.
Deadline year_deadline(std::mt19937_64& rng, const std::string& language) {
  const int y = uniform(rng, 2021, 2031);
  const int to = y + uniform(rng, 1, 3);
  const std::string year = std::to_string(y);
  const auto whole = [&](std::string text) { return make(std::move(text), iso(y, 1, 1), iso(y, 12, 31)); };
  const auto range = [&](std::string text) { return make(std::move(text), iso(y, 1, 1), iso(to, 12, 31)); };
  static const std::vector<std::string> dashes = {"–", "-", " – "};
  const std::string years = year + pick(rng, dashes) + std::to_string(to);
  // Consecutive years listed (stop 32): "2027 и 2028 годы", "2027, 2028 and 2029", "2027 және
  // 2028 жылдар"; the span of them all. And a two-digit end year: "2027–28".
  if (chance(rng, 0.2)) {
    const int last = y + uniform(rng, 1, 2);
    const std::string conjunction = language == "ru" ? " и " : language == "kk" ? " және " : " and ";
    std::string listed = year;
    for (int k = y + 1; k <= last; ++k) listed += (k == last ? conjunction : std::string(", ")) + std::to_string(k);
    if (language == "en" && chance(rng, 0.4)) {
      static const std::vector<std::string> short_dashes = {"–", "-"};
      return make(year + pick(rng, short_dashes) + two_digits(last % 100),
                  iso(y, 1, 1), iso(last, 12, 31));
    }
    const std::string word = language == "ru" ? " годы" : language == "kk" ? " жылдар" : "";
    return make(listed + word, iso(y, 1, 1), iso(last, 12, 31));
  }
  if (language == "ru") {
    switch (uniform(rng, 0, 6)) {
      case 0: return whole(year + " год,");
      case 1: return whole(year + " год;");
      case 2: return whole(year + " г.");
      case 3: return whole("в течение " + year + " года");
      case 4: return range(years + " гг.");
      case 5: return range(years + " гг. (поэтапно)");
      default: return range(years + " годы,");
    }
  }
  if (language == "kk") {
    switch (uniform(rng, 0, 7)) {
      case 0: return whole(year + " жыл,");
      case 1: return whole(year + " ж.");
      case 2: return whole(year + " жыл ішінде");
      case 3: return range(years + " жж.");
      case 4: return make(year + " жылдың бірінші жартыжылдығы", iso(y, 1, 1), iso(y, 6, 30));
      case 5: return range(years + " жылдары кезең-кезеңімен");
      case 6: return make(year + " жылғы ІІІ тоқсанның соңына дейін", std::nullopt, iso(y, 9, 30));
      default: return make(year + " жылдың екінші жартыжылдығы", iso(y, 7, 1), iso(y, 12, 31));
    }
  }
  switch (uniform(rng, 0, 3)) {
    case 0: return whole(year + ",");
    case 1: return whole("in " + year + ",");
    case 2: return range(years + " (in stages)");
    default: return range(years + ",");
  }
}

Deadline classic_deadline(std::mt19937_64& rng, const std::string& language) {
  return language == "ru" ? russian_deadline(rng) : language == "kk" ? kazakh_deadline(rng) : english_deadline(rng);
}

Deadline draw_deadline(std::mt19937_64& rng, const Axes& axes) {
  const std::string& language = axes.language;
  switch (axes.deadlines) {
    case DeadlineForm::numeric: return numeric_deadline(rng, language);
    case DeadlineForm::years: return year_deadline(rng, language);
    case DeadlineForm::recurrence: {
      const auto& [text, recurrence] = pick(rng, words::language(language).recurrence_phrases);
      return make(text, std::nullopt, std::nullopt, recurrence);
    }
    case DeadlineForm::then_recurrence: {
      // A classic date (one with dates and no recurrence of its own), then the recurrence going
      // on from it: the dates stay the date's (its first time), the recurrence the phrase's.
      const words::Language& lang = words::language(language);
      Deadline date = classic_deadline(rng, language);
      while (date.recurrence || (!date.from && !date.to)) date = classic_deadline(rng, language);
      const auto& [text, recurrence] = pick(rng, lang.then_recurrences);
      std::string stem = date.text;
      while (!stem.empty() && (stem.back() == ',' || stem.back() == ';')) stem.pop_back();
      return make(stem + pick(rng, lang.then_words) + text, date.from, date.to, recurrence);
    }
    case DeadlineForm::classic: break;
  }
  return classic_deadline(rng, language);
}

// Wraps a deadline before its year ("IV квартал" / "2026 года", "December" / "2026"), or a
// Kazakh one after its year ("2026 жылғы" / "желтоқсан"), where the first line alone names no
// whole deadline and the second no date of its own; nullopt where it has no such place.
std::optional<std::string> wrapped_deadline(const std::string& text, const std::string& language) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::vector<size_t> years;  // where each four-digit number starts
  for (size_t k = 0; k + 4 <= text.size(); ++k) {
    if ((k == 0 || !is_digit(text[k - 1])) && is_digit(text[k]) && is_digit(text[k + 1]) && is_digit(text[k + 2]) &&
        is_digit(text[k + 3]) && (k + 4 == text.size() || !is_digit(text[k + 4]))) {
      years.push_back(k);
    }
  }
  if (years.size() != 1) return std::nullopt;
  const size_t year = years.front();
  if (language == "kk") {
    const std::string after = " жылғы ";
    if (year != 0 || text.compare(4, after.size(), after) != 0) return std::nullopt;
    const std::string rest = text.substr(4 + after.size());
    if (rest.find_first_of("0123456789") != std::string::npos) return std::nullopt;  // "2026 жылғы 5 мамырға дейін"
    return text.substr(0, 4 + after.size() - 1) + "\n" + rest;
  }
  if (year < 2 || text[year - 1] != ' ') return std::nullopt;
  const std::string head = text.substr(0, year - 1);
  const std::string tail = text.substr(year);
  // The year and at most its word ("2026 года", "2026 г."), nothing more.
  static const std::vector<std::string> tails = {"", " года", " г.", " год"};
  if (std::find(tails.begin(), tails.end(), tail.substr(4)) == tails.end()) return std::nullopt;
  if (head.back() == ',' || head.find('-') != std::string::npos || head.find("–") != std::string::npos) return std::nullopt;
  return head + "\n" + tail;
}

// An activity name: "Development of mechanisms for road safety"; Kazakh puts the topic first
// and the verbal noun last.
std::string sentence(std::mt19937_64& rng, const words::Language& lang) {
  if (lang.object_first) {
    return words::capitalise(pick(rng, lang.topics) + " " + pick(rng, lang.name_links) + " " + pick(rng, lang.name_objects) + " " +
                             pick(rng, lang.name_heads));
  }
  return words::capitalise(pick(rng, lang.name_heads) + " " + pick(rng, lang.name_objects) + " " + pick(rng, lang.name_links) +
                           " " + pick(rng, lang.topics));
}

// An organisation named by its legal form and a name (issue 13): the form before or after a
// quoted name, before an unquoted one, or around nested quotes. Written out: abbr null, name the
// entry itself (the marker is added by the caller).
std::string legal_entry(std::mt19937_64& rng, const words::Language& lang, bool separated) {
  const std::string& form = pick(rng, lang.legal_forms);
  const auto& [open, close] = pick(rng, lang.quotes);
  if (separated) {
    const std::string quoted = open + pick(rng, lang.legal_names_separated) + close;
    return chance(rng, 0.5) ? form + " " + quoted : quoted + " " + form;
  }
  const int shape = uniform(rng, 0, lang.legal_names_nested.empty() ? 2 : 3);
  if (shape == 2) return form + " " + pick(rng, lang.legal_names_unquoted);
  if (shape == 3) {
    const std::string quoted = "«" + pick(rng, lang.legal_names_nested) + "»";
    return chance(rng, 0.5) ? form + " " + quoted : quoted + " " + form;
  }
  const std::string quoted = open + pick(rng, lang.legal_names) + close;
  return shape == 0 ? form + " " + quoted : quoted + " " + form;
}

Agency abbreviation_entry(std::mt19937_64& rng, const words::Language& lang, const words::Body& body) {
  Agency agency;
  agency.abbr = body.abbr;
  agency.name = body.name;
  agency.text = body.abbr;
  if (!body.proper.empty() && chance(rng, 0.5)) agency.text = lang.proper_first ? body.proper + " " + body.abbr : body.abbr + " " + body.proper;
  if (chance(rng, 0.2)) {
    agency.text += " " + pick(rng, lang.markers);
    agency.as_agreed = true;
  }
  return agency;
}

// AgencyForm::noted, words_after, bare_marker: the abbreviation with words after it in place of
// its proper name and marker. A note may name another body, which the glossary then spells out
// (under a heading only: a headless glossary is known by the abbreviations the cells use).
void words_after_abbreviation(std::mt19937_64& rng, const words::Language& lang, const Axes& axes, const words::Body& body,
                              Agency& agency, std::set<std::string>& used) {
  switch (axes.agencies) {
    case AgencyForm::noted: {
      std::string note = pick(rng, lang.abbreviation_notes);
      const size_t at = note.find("%s");
      if (at != std::string::npos) {
        if (axes.glossary_heading.empty()) return;
        const words::Body* other = &pick(rng, lang.bodies);
        while (other->abbr == body.abbr) other = &pick(rng, lang.bodies);
        note.replace(at, 2, other->abbr);
        used.insert(other->abbr);
      }
      agency.text = body.abbr + " " + note;
      agency.as_agreed = false;
      return;
    }
    case AgencyForm::words_after:
      agency.text = body.abbr + " " + pick(rng, lang.abbreviation_words);
      agency.as_agreed = false;
      return;
    case AgencyForm::bare_marker: {
      // The marker's words after a dash (stop 32): "ДП – по согласованию", "MIA - as agreed"; also
      // opening the cell, where "ТҚМ – келісім бойынша, …" once read as glossary entries.
      static const std::vector<std::string> dashes = {" – ", " - ", " — "};
      agency.text = body.abbr + (chance(rng, 0.4) ? pick(rng, dashes) : std::string(" ")) + pick(rng, lang.bare_markers);
      agency.as_agreed = true;
      return;
    }
    case AgencyForm::named_with_abbr:
      // A name in lower case may name several bodies ("local executive authorities"): a group.
      if (body.proper.empty() && !body.name.empty() && !(body.name[0] >= 'a' && body.name[0] <= 'z')) {
        agency.text = body.name + " (" + body.abbr + ")";
        agency.as_agreed = false;
      }
      return;
    default: return;
  }
}

// An agency list: at least one abbreviation first, and no more written-out names (legal-form
// names among them) than abbreviations and marked entries, so that a flattened copy still
// reads as an agency cell. A slash plan's cells open with two plain abbreviations, which the
// renderer joins with a slash.
std::vector<Agency> draw_agencies(std::mt19937_64& rng, const words::Language& lang, const Axes& axes, std::set<std::string>& used) {
  std::vector<Agency> agencies;
  const bool slash = axes.agencies == AgencyForm::slash;
  const int count = uniform(rng, slash ? 2 : 1, chance(rng, 0.2) ? 9 : 4);
  std::set<std::string> in_cell;
  int telling = 0;
  int prose = 0;
  for (int k = 0; k < count; ++k) {
    const int kind = k == 0 || (slash && k == 1) ? 0 : uniform(rng, 0, 19);
    Agency agency;
    const bool legal = axes.agencies == AgencyForm::legal_form || axes.agencies == AgencyForm::quoted_separators;
    if (legal && kind >= 10 && kind <= 14) {
      agency.name = legal_entry(rng, lang, axes.agencies == AgencyForm::quoted_separators);
      if (!in_cell.insert(*agency.name).second) continue;
      agency.text = *agency.name;
      if (chance(rng, 0.4)) {
        agency.text += " " + pick(rng, lang.markers);
        agency.as_agreed = true;
        ++telling;
      } else if (prose + 1 > telling) {
        continue;
      } else {
        ++prose;
      }
    } else if (kind <= 14) {
      const words::Body* drawn = &pick(rng, lang.bodies);
      // The second entry of a slash pair must be there: draw until it differs from the first.
      while (slash && k == 1 && in_cell.count(drawn->abbr)) drawn = &pick(rng, lang.bodies);
      const words::Body& body = *drawn;
      if (!in_cell.insert(body.abbr).second) continue;
      used.insert(body.abbr);
      agency = abbreviation_entry(rng, lang, body);
      if (!(slash && k == 0) && chance(rng, 0.4)) words_after_abbreviation(rng, lang, axes, body, agency, used);
      // The two entries a slash joins are plain abbreviations; the second may carry its marker.
      if (slash && k == 0) {
        agency.text = body.abbr;
        agency.as_agreed = false;
      }
      ++telling;
    } else if (axes.agencies == AgencyForm::joined_names && kind <= 17) {
      // Two written-out names, each with its head noun, that the renderer joins with the
      // conjunction: two agencies.
      if (prose + 2 > telling) continue;
      const std::string& first = pick(rng, lang.head_names);
      std::string second = pick(rng, lang.head_names);
      while (second == first) second = pick(rng, lang.head_names);
      if (in_cell.count(first) || in_cell.count(second)) continue;
      for (const std::string& name : {first, second}) {
        in_cell.insert(name);
        Agency written;
        written.name = name;
        written.text = name;
        agencies.push_back(std::move(written));
      }
      prose += 2;
      continue;
    } else if (kind <= 16) {
      if (prose + 1 > telling) continue;
      agency.name = pick(rng, lang.written_out);
      agency.text = *agency.name;
      if (chance(rng, 0.4)) {
        agency.text += " " + pick(rng, lang.markers);
        agency.as_agreed = true;
        ++telling;
      } else {
        ++prose;
      }
    } else {
      // Groups: a phrase, or "and other ..." that joins the previous entry with the conjunction.
      if (chance(rng, 0.5)) {
        const std::string& phrase = pick(rng, lang.group_phrases);
        if (!in_cell.insert(phrase).second) continue;
        agency.kind = AgencyKind::group;
        agency.name = phrase;
        agency.text = phrase;
      } else {
        const std::string& phrase = pick(rng, lang.joined_groups);
        if (!in_cell.insert(phrase).second) continue;
        agency.kind = AgencyKind::group;
        agency.name = phrase;
        agency.text = lang.conjunction + " " + phrase;
      }
      if (chance(rng, 0.3)) {
        agency.text += " " + pick(rng, lang.markers);
        agency.as_agreed = true;
      }
    }
    agencies.push_back(std::move(agency));
  }
  // A marker after the last entry that says it is every entry's (stop 32): "МФ, МНЭ (все – по
  // согласованию)", "(both as agreed)". Only over entries that carry no marker or note of their
  // own; the marker stays in the last entry's text, and every entry is agreed.
  const bool unmarked = std::none_of(agencies.begin(), agencies.end(), [](const Agency& a) {
    return a.as_agreed || a.text.find('(') != std::string::npos;
  });
  if (agencies.size() >= 2 && unmarked && !lang.all_markers.empty() && chance(rng, 0.12)) {
    const bool two = agencies.size() == 2 && chance(rng, 0.5);
    agencies.back().text += " " + pick(rng, two ? lang.both_markers : lang.all_markers);
    for (Agency& agency : agencies) agency.as_agreed = true;
  }
  return agencies;
}

}  // namespace

// What a one-line row can tell apart (Axes::run_on): the axes it holds to.
void fit_run_on(Axes& axes, const words::Language& lang) {
  if (!axes.run_on) return;
  axes.line_per_paragraph = false;
  axes.column_order = ColumnOrder::standard;
  if (axes.number_header.empty()) axes.number_header = lang.number_headers.front();
  axes.unknown_header.clear();
  axes.header_wrap = HeaderWrap::none;
  if (axes.column_numbers == ColumnNumbers::cells) axes.column_numbers = ColumnNumbers::line;
  axes.tabs = false;
  // A row "1.1" and a section "1." read alike on a line; Roman row numbers open no row line.
  // A written-out name may hold a year ("Directorate of the exhibition EXPO 2030 (EXPO-2030)"),
  // which a row on one line cannot tell from its deadline.
  if (axes.agencies == AgencyForm::named_with_abbr) axes.agencies = AgencyForm::classic;
  // "№ 1" opens a row line with a word of its own.
  if (axes.numbering == Numbering::grouped || axes.numbering == Numbering::roman || axes.numbering == Numbering::sign) {
    axes.numbering = Numbering::dot;
  }
  if (axes.deadlines == DeadlineForm::recurrence) axes.deadlines = DeadlineForm::numeric;
  if (axes.glossary_layout == GlossaryLayout::columns) axes.glossary_layout = GlossaryLayout::paragraphs;
}

Axes draw_axes(std::mt19937_64& rng, Format format) {
  Axes axes;
  const bool text = format == Format::text;
  const bool drawn = format == Format::drawn;
  const bool barred = format == Format::barred;
  // Read as a flattened run of paragraphs, cell after cell (a portal copy or a barred export).
  const bool flat = text || barred;
  static const std::vector<std::string> languages = {"en", "ru", "kk"};
  axes.language = pick(rng, languages);
  const words::Language& lang = words::language(axes.language);
  if (drawn) {
    static const std::vector<Border> borders = {Border::box, Border::box, Border::framed, Border::ascii, Border::bars};
    axes.border = pick(rng, borders);
    // Bars alone draw no rule, so no rule between rows either.
    axes.row_rules = axes.border != Border::bars && chance(rng, 0.6);
    axes.hyphens = chance(rng, 0.5);
  }

  axes.number_header = chance(rng, 0.5) ? pick(rng, lang.number_headers) : "";
  axes.name_header = pick(rng, lang.name_headers);
  axes.outcome_header = pick(rng, lang.outcome_headers);
  axes.deadline_header = pick(rng, lang.deadline_headers);
  axes.agency_header = pick(rng, lang.agency_headers);
  axes.unknown_header = chance(rng, 0.2) ? pick(rng, lang.unknown_headers) : "";
  std::vector<ColumnOrder> orders = {ColumnOrder::standard, ColumnOrder::name_second, ColumnOrder::shuffled};
  // Only a grid can place the number column among the others: a flattened row starts at its
  // number, and so does a drawn row without rules between rows.
  const bool grid_rows = !flat && !(drawn && !axes.row_rules);
  if (grid_rows && !axes.number_header.empty()) orders.push_back(ColumnOrder::number_inside);
  axes.column_order = pick(rng, orders);

  axes.line_per_paragraph = text && chance(rng, 0.25);
  if (text) {
    // A copy with a paragraph per line cannot show a cell's two lines as one paragraph.
    axes.header_wrap = !axes.line_per_paragraph && chance(rng, 0.4) ? HeaderWrap::line : HeaderWrap::none;
  } else if (!flat && !drawn) {
    static const std::vector<HeaderWrap> wraps = {HeaderWrap::none, HeaderWrap::br, HeaderWrap::paragraphs};
    axes.header_wrap = pick(rng, wraps);
  }
  // (A drawn or barred header cell wraps where its column's width wraps it.)
  if (chance(rng, 0.35)) axes.column_numbers = flat && chance(rng, 0.5) ? ColumnNumbers::line : ColumnNumbers::cells;

  axes.glossary_heading = chance(rng, 0.2) ? "" : pick(rng, lang.glossary_headings);
  std::vector<GlossaryLayout> layouts;
  if (text) {
    layouts = {GlossaryLayout::paragraphs};
    if (!axes.line_per_paragraph) layouts.push_back(GlossaryLayout::lines);
    // Flattened column by column, the entries are no "ABBR – name" lines: only a heading says
    // they are a glossary.
    if (!axes.glossary_heading.empty()) layouts.push_back(GlossaryLayout::columns);
  } else if (drawn) {
    layouts = {GlossaryLayout::paragraphs, GlossaryLayout::lines};
  } else if (barred) {
    layouts = {GlossaryLayout::paragraphs};
  } else {
    layouts = {GlossaryLayout::paragraphs, GlossaryLayout::br, GlossaryLayout::table, GlossaryLayout::table_heading};
  }
  axes.glossary_layout = pick(rng, layouts);
  static const std::vector<std::string> separators = {" – ", " - ", " — ", ": ", " = "};
  static const std::vector<std::string> endings = {"", ";", "."};
  axes.glossary_separator = pick(rng, separators);
  axes.glossary_ending = pick(rng, endings);

  static const std::vector<Numbering> numberings = {Numbering::plain, Numbering::dot, Numbering::paren, Numbering::mixed,
                                                     Numbering::grouped, Numbering::roman,   Numbering::sign};
  axes.numbering = pick(rng, numberings);
  const double start = std::uniform_real_distribution<double>(0, 1)(rng);
  axes.first_number = start < 0.8 ? 1 : start < 0.9 ? 10001 : 100000001;
  axes.tabs = text && chance(rng, 0.25);

  static const std::vector<DeadlineForm> deadline_forms = {DeadlineForm::classic, DeadlineForm::classic, DeadlineForm::numeric,
                                                           DeadlineForm::years, DeadlineForm::recurrence};
  axes.deadlines = pick(rng, deadline_forms);
  static const std::vector<AgencyForm> agency_forms = {AgencyForm::classic, AgencyForm::classic, AgencyForm::legal_form,
                                                       AgencyForm::quoted_separators, AgencyForm::slash};
  axes.agencies = pick(rng, agency_forms);
  axes.run_on = text && chance(rng, 0.15);
  fit_run_on(axes, lang);

  // The forms the parser reads since stop 26 (issue 13), each at a modest rate.
  const bool page = format == Format::portal_html || format == Format::word_html;
  if (chance(rng, 0.12)) axes.deadlines = DeadlineForm::then_recurrence;
  if (chance(rng, 0.3)) {
    static const std::vector<AgencyForm> later = {AgencyForm::noted, AgencyForm::words_after, AgencyForm::bare_marker,
                                                  AgencyForm::joined_names, AgencyForm::named_with_abbr};
    axes.agencies = pick(rng, later);
    if (axes.run_on && axes.agencies == AgencyForm::named_with_abbr) axes.agencies = AgencyForm::classic;  // fit_run_on
  }
  axes.glossary_first = text && !axes.run_on && !axes.glossary_heading.empty() && axes.glossary_layout != GlossaryLayout::columns &&
                        chance(rng, 0.25);
  if ((text && !axes.run_on) || page) {
    if (chance(rng, 0.2)) {
      axes.repeated_header = axes.column_numbers != ColumnNumbers::off && chance(rng, 0.4) ? RepeatedHeader::numbers : RepeatedHeader::header;
    }
  }
  if (page && chance(rng, 0.2)) axes.table_split = chance(rng, 0.5) ? TableSplit::split : TableSplit::split_header;
  axes.merged_cells = page && chance(rng, 0.2);
  // (A line-a-paragraph copy is rarer than a page: it wraps more often.)
  axes.wrapped_deadlines = (text && axes.line_per_paragraph && !axes.run_on && chance(rng, 0.6)) || (page && chance(rng, 0.2));
  axes.title_lines = chance(rng, 0.3);
  // A header of two rows is a page's; a header repeated inside the table stays one row.
  if (format == Format::portal_html && chance(rng, 0.25)) {
    axes.two_level_parent = pick(rng, lang.two_level_parents);
    axes.repeated_header = RepeatedHeader::off;
    if (axes.table_split == TableSplit::split_header) axes.table_split = TableSplit::split;
  }
  if (axes.run_on && axes.deadlines == DeadlineForm::then_recurrence) axes.deadlines = DeadlineForm::numeric;
  // A note after the last row, before the glossary (stop 32): text copies.
  if (text && !axes.run_on && chance(rng, 0.12)) axes.note = pick(rng, lang.notes);
  return axes;
}

Axes baseline_axes(const std::string& language) {
  const words::Language& lang = words::language(language);
  Axes axes;
  axes.language = language;
  axes.number_header = lang.number_headers.front();
  axes.name_header = lang.name_headers.front();
  axes.outcome_header = lang.outcome_headers.front();
  axes.deadline_header = lang.deadline_headers.front();
  axes.agency_header = lang.agency_headers.front();
  axes.glossary_heading = lang.glossary_headings.front();
  return axes;
}

const std::vector<std::string>& catalogue_axes() {
  static const std::vector<std::string> names = {
      "header.number",    "header.name",     "header.outcome",      "header.deadline", "header.agencies",
      "header.unknown",   "header.wrap",     "columns.order",       "columns.numbers-row",
      "glossary.heading", "glossary.layout", "glossary.separator",  "glossary.ending", "numbering.style",
      "numbering.first",  "tabs",            "text.layout",         "deadlines",       "agencies",
      "glossary.place",   "table.repeated-header", "table.split", "cells.merged-down", "deadlines.wrapped",
      "title.lines", "header.two-level", "table.note"};
  return names;
}

Axes one_axis(const Axes& drawn, const std::string& axis) {
  Axes axes = baseline_axes(drawn.language);
  // A drawn table's drawing goes with its format, as the charset does: kept whatever the axis.
  axes.border = drawn.border;
  axes.row_rules = drawn.row_rules;
  axes.hyphens = drawn.hyphens;
  if (axis == "header.number") axes.number_header = drawn.number_header;
  if (axis == "header.name") axes.name_header = drawn.name_header;
  if (axis == "header.outcome") axes.outcome_header = drawn.outcome_header;
  if (axis == "header.deadline") axes.deadline_header = drawn.deadline_header;
  if (axis == "header.agencies") axes.agency_header = drawn.agency_header;
  if (axis == "header.unknown") axes.unknown_header = drawn.unknown_header;
  if (axis == "header.wrap") axes.header_wrap = drawn.header_wrap;
  // The number column stays among the others only with its header printed, as drawn.
  if (axis == "columns.order") axes.column_order = drawn.column_order;
  if (axis == "columns.numbers-row") axes.column_numbers = drawn.column_numbers;
  if (axis == "glossary.heading") axes.glossary_heading = drawn.glossary_heading;
  if (axis == "glossary.layout") axes.glossary_layout = drawn.glossary_layout;
  if (axis == "glossary.separator") axes.glossary_separator = drawn.glossary_separator;
  if (axis == "glossary.ending") axes.glossary_ending = drawn.glossary_ending;
  if (axis == "numbering.style") axes.numbering = drawn.numbering;
  if (axis == "numbering.first") axes.first_number = drawn.first_number;
  if (axis == "tabs") axes.tabs = drawn.tabs;
  if (axis == "text.layout") {
    axes.line_per_paragraph = drawn.line_per_paragraph;
    axes.run_on = drawn.run_on;
    fit_run_on(axes, words::language(axes.language));
  }
  if (axis == "deadlines") axes.deadlines = drawn.deadlines;
  if (axis == "agencies") axes.agencies = drawn.agencies;
  if (axis == "glossary.place") axes.glossary_first = drawn.glossary_first;
  // The column numbers repeated need the row they repeat.
  if (axis == "table.repeated-header") {
    axes.repeated_header = drawn.repeated_header;
    if (drawn.repeated_header != RepeatedHeader::off) axes.column_numbers = drawn.column_numbers;
  }
  if (axis == "table.split") axes.table_split = drawn.table_split;
  if (axis == "cells.merged-down") axes.merged_cells = drawn.merged_cells;
  // A text copy wraps a deadline over two lines only with a paragraph per line.
  if (axis == "deadlines.wrapped") {
    axes.wrapped_deadlines = drawn.wrapped_deadlines;
    if (drawn.wrapped_deadlines) axes.line_per_paragraph = drawn.line_per_paragraph;
  }
  if (axis == "title.lines") axes.title_lines = drawn.title_lines;
  if (axis == "header.two-level") axes.two_level_parent = drawn.two_level_parent;
  if (axis == "table.note") axes.note = drawn.note;
  return axes;
}

std::vector<std::string> title_lines(const Plan& plan, const Axes& axes) {
  if (!plan.title) return {};
  const std::string& title = *plan.title;
  if (!axes.title_lines) return {title};
  // Kazakh puts the document's word last; Russian's is one word first, English's two.
  size_t cut = std::string::npos;
  if (axes.language == "kk") {
    cut = title.rfind(' ');
  } else {
    cut = title.find(' ');
    if (axes.language == "en" && cut != std::string::npos) cut = title.find(' ', cut + 1);
  }
  if (cut == std::string::npos) return {title};
  return {title.substr(0, cut), title.substr(cut + 1)};
}

Plan draw_plan(std::mt19937_64& rng, const Options& options) {
  const Axes& axes = options.axes;
  const words::Language& lang = words::language(axes.language);
  Plan plan;
  plan.language = axes.language;

  const int first_year = uniform(rng, 2021, 2030);
  plan.title = words::title(lang, pick(rng, lang.topics), first_year, first_year + uniform(rng, 1, 5), axes.title_lines);

  // Intro: 0-3 paragraphs, some naming acts; the last act named is the plan's own.
  const int intro_count = uniform(rng, 0, 3);
  for (int k = 0; k < intro_count; ++k) {
    std::string paragraph = pick(rng, lang.intro_openings);
    const int acts = uniform(rng, 0, 2);
    for (int a = 0; a < acts; ++a) {
      const int y = uniform(rng, 2015, 2030);
      const int m = uniform(rng, 1, 12);
      const int d = uniform(rng, 1, days_in_month(y, m));
      const std::string number = std::to_string(uniform(rng, 1, 999));
      paragraph += " " + words::act_phrase(lang, y, m, d, number);
      plan.act = Act{iso(y, m, d), number};
    }
    paragraph += " " + pick(rng, lang.intro_closings);
    plan.intro.push_back(paragraph);
  }

  // Columns in the axes' order, with the axes' header wordings.
  std::vector<ColumnRole> roles = {ColumnRole::number, ColumnRole::name, ColumnRole::outcome, ColumnRole::deadline,
                                   ColumnRole::agencies};
  if (axes.run_on) roles = {ColumnRole::number, ColumnRole::name, ColumnRole::deadline, ColumnRole::agencies};
  switch (axes.column_order) {
    case ColumnOrder::standard: break;
    case ColumnOrder::name_second: std::shuffle(roles.begin() + 2, roles.end(), rng); break;
    case ColumnOrder::shuffled: std::shuffle(roles.begin() + 1, roles.end(), rng); break;
    case ColumnOrder::number_inside: {
      std::shuffle(roles.begin() + 1, roles.end(), rng);
      std::swap(roles[0], roles[static_cast<size_t>(uniform(rng, 1, 4))]);
      break;
    }
  }
  for (const ColumnRole role : roles) {
    const std::string& header = role == ColumnRole::number     ? axes.number_header
                                : role == ColumnRole::name     ? axes.name_header
                                : role == ColumnRole::outcome  ? axes.outcome_header
                                : role == ColumnRole::deadline ? axes.deadline_header
                                                               : axes.agency_header;
    plan.columns.push_back(Column{role, header.empty() ? std::nullopt : std::optional<std::string>(header)});
  }
  const size_t group_at = plan.columns.size();  // where the columns under a two-level header start
  if (options.extra_columns && !axes.two_level_parent.empty()) {
    const int subs = uniform(rng, 2, static_cast<int>(lang.two_level_subs.size()));
    for (int k = 0; k < subs; ++k) {
      plan.columns.push_back(Column{ColumnRole::other, axes.two_level_parent + ": " + lang.two_level_subs[static_cast<size_t>(k)]});
    }
  } else if (options.extra_columns && chance(rng, 0.4)) {
    std::vector<std::string> others = lang.other_headers;
    std::shuffle(others.begin(), others.end(), rng);
    others.resize(static_cast<size_t>(uniform(rng, 1, static_cast<int>(others.size()))));
    for (const std::string& header : others) plan.columns.push_back(Column{ColumnRole::other, header});
  }
  if (!axes.unknown_header.empty()) {
    // Anywhere but before the first printed header cell, where it would read as intro. A
    // flattened row cannot show where a name of two paragraphs ends and a cell beside it begins
    // (no reader could), so there the column does not stand next to the name.
    const int first = axes.number_header.empty() ? 2 : 1;
    // Never among the columns under a two-level header.
    const int last = axes.two_level_parent.empty() ? static_cast<int>(plan.columns.size()) : static_cast<int>(group_at);
    std::vector<int> places;
    for (int at = first; at <= last; ++at) {
      const bool by_name = plan.columns[static_cast<size_t>(at - 1)].role == ColumnRole::name ||
                           (at < static_cast<int>(plan.columns.size()) && plan.columns[static_cast<size_t>(at)].role == ColumnRole::name);
      if (options.grid || !by_name) places.push_back(at);
    }
    const int at = pick(rng, places);
    plan.columns.insert(plan.columns.begin() + at, Column{ColumnRole::other, axes.unknown_header});
    // schema/README.md: a header cell no role takes is an "other" column with an
    // unknown-column warning (the message is the parser's; the test compares code and severity).
    plan.diagnostics.push_back(Diagnostic{Severity::warning, Code::unknown_column, "", 0});
  }

  // The one-line rows are cut, not read from cell borders: the reading says so at the header.
  if (axes.run_on) plan.diagnostics.push_back(Diagnostic{Severity::warning, Code::run_on_row, "", 0});

  // Sections: none, Roman ("I. Title"), prefixed Arabic ("Section 2. Title", "2-бөлім. Title")
  // or, with bare_sections, lettered ("A. Title"); English letters stop at H, since "I." is the
  // Roman one. A Word copy with tabs writes "I.\tTitle".
  // Rows numbered within sections ("2.1") need Arabic sections that hold every row.
  const bool grouped = axes.numbering == Numbering::grouped;
  const int section_count = !grouped && chance(rng, 0.2) ? 0 : uniform(rng, 1, std::max(1, options.max_sections));
  const bool roman_rows = axes.numbering == Numbering::roman;
  const int kind = grouped || roman_rows ? 1 : axes.tabs ? 0 : uniform(rng, 0, options.bare_sections ? 2 : 1);
  const int sections = kind == 2 && axes.language == "en" ? std::min(section_count, 8) : section_count;
  for (int s = 1; s <= sections; ++s) {
    std::string number = kind == 0 ? words::roman(s) : kind == 2 ? words::letter(lang, s) : std::to_string(s);
    plan.sections.push_back(Section{number, words::capitalise(pick(rng, lang.section_titles)), 0});
  }

  const double size = std::uniform_real_distribution<double>(0, 1)(rng);
  const int max = std::max(1, options.max_activities);
  const int activity_count = size < 0.6 ? uniform(rng, 1, std::min(20, max))
                             : size < 0.9 ? uniform(rng, 1, std::min(80, max))
                                          : uniform(rng, 1, max);
  // Which section each activity stands in: sorted draws, so sections come in order and some
  // may stay empty.
  std::vector<int> section_of;
  for (int a = 0; a < activity_count; ++a) section_of.push_back(sections == 0 ? -1 : uniform(rng, 0, sections - 1));
  std::sort(section_of.begin(), section_of.end());

  std::set<std::string> used;
  for (int a = 0; a < activity_count; ++a) {
    Activity activity;
    activity.number = roman_rows ? 1 + a : axes.first_number + a;
    if (grouped) {
      const int in_section = section_of[static_cast<size_t>(a)];
      activity.number = 1 + static_cast<int>(std::count(section_of.begin(), section_of.begin() + a, in_section));
    }
    if (section_of[static_cast<size_t>(a)] >= 0) activity.section = plan.sections[static_cast<size_t>(section_of[static_cast<size_t>(a)])].number;
    // A number within its section is printed with the section's: its label.
    if (grouped) activity.label = activity.section.value_or("") + "." + std::to_string(activity.number);
    const bool single = options.one_paragraph_cells;
    const int parts = !single && chance(rng, 0.15) ? uniform(rng, 2, 3) : 1;
    // With several parts, the name has one paragraph per part (they become the tasks) or
    // another count (tasks null).
    int name_paragraphs = 1;
    if (parts > 1) {
      name_paragraphs = chance(rng, 0.6) ? parts : (chance(rng, 0.5) ? 1 : parts + 1);
    } else if (!single && chance(rng, 0.15)) {
      name_paragraphs = 2;
    }
    std::vector<std::string> names;
    for (int k = 0; k < name_paragraphs; ++k) names.push_back(sentence(rng, lang));
    for (const std::string& name : names) activity.name += (activity.name.empty() ? "" : "\n") + name;
    if (!single && chance(rng, 0.15)) {
      const int items = uniform(rng, 1, 5);
      for (int k = 0; k < items; ++k) activity.items.push_back(pick(rng, lang.items) + (k + 1 == items ? "." : ";"));
    }
    for (int k = 0; k < parts; ++k) {
      Outcome outcome;
      outcome.text = pick(rng, lang.outcomes);
      if (axes.run_on) outcome.text.clear();  // no outcome column
      if (parts > 1 && name_paragraphs == parts) outcome.task = names[static_cast<size_t>(k)];
      outcome.deadline = draw_deadline(rng, axes);
      // Any of a cell's deadlines: after a whole one, "2027" / "16 December" / "2030" is settled
      // by a page's <br>, or by the year's word in a line-a-paragraph copy.
      if (axes.wrapped_deadlines && chance(rng, 0.3)) {
        if (std::optional<std::string> wrapped = wrapped_deadline(outcome.deadline->text, axes.language)) outcome.deadline->text = *wrapped;
      }
      activity.outcomes.push_back(std::move(outcome));
    }
    if (options.missing_deadlines && parts > 1 && chance(rng, 0.3)) activity.outcomes.back().deadline.reset();
    activity.agencies = draw_agencies(rng, lang, axes, used);
    // The "other" columns' cells, keyed by header in column order. A flattened copy shows the
    // unknown column's cell as one paragraph (an empty one would leave the row ambiguous); a
    // grid may leave it empty or give it two.
    for (const Column& column : plan.columns) {
      if (column.role != ColumnRole::other) continue;
      const bool unknown = *column.header == axes.unknown_header;
      const std::vector<std::string>& cells = unknown ? lang.unknown_cells : lang.other_cells;
      std::string cell;
      const int paragraphs = unknown && !options.grid ? 1 : uniform(rng, 0, single ? 1 : 2);  // an empty costs cell is common
      for (int k = 0; k < paragraphs; ++k) cell += (k ? "\n" : "") + pick(rng, cells);
      activity.extra.emplace_back(*column.header, cell);
    }
    plan.activities.push_back(std::move(activity));
  }

  // Axes::merged_cells: a deadline or agencies cell shared by 2-3 consecutive one-part
  // activities of a section (the renderers merge equal cells down).
  const auto one_part = [&](size_t a) { return plan.activities[a].outcomes.size() == 1; };
  for (size_t a = 0; axes.merged_cells && a + 1 < plan.activities.size(); ++a) {
    std::vector<Activity>& rows = plan.activities;
    if (!one_part(a) || !one_part(a + 1) || rows[a].section != rows[a + 1].section || !chance(rng, 0.3)) continue;
    const size_t run = a + 2 < rows.size() && one_part(a + 2) && rows[a + 2].section == rows[a].section && chance(rng, 0.4) ? 3 : 2;
    // (Agencies only under a glossary heading: a headless glossary's entries are each one a cell uses.)
    const bool deadline = rows[a].outcomes[0].deadline && (axes.glossary_heading.empty() || chance(rng, 0.5));
    for (size_t k = a + 1; k < a + run; ++k) {
      if (deadline) {
        rows[k].outcomes[0].deadline = rows[a].outcomes[0].deadline;
      } else {
        rows[k].agencies = rows[a].agencies;
      }
    }
    a += run - 1;
  }
  // Axes::repeated_header: printed again between two rows of one section, where there are two.
  size_t boundaries = 0;
  for (size_t a = 1; a < plan.activities.size(); ++a) boundaries += plan.activities[a].section == plan.activities[a - 1].section;
  const bool repeated = axes.repeated_header != RepeatedHeader::off && boundaries > 0;
  if (repeated) plan.diagnostics.push_back(Diagnostic{Severity::info, Code::repeated_header, "", 0});
  // Axes::table_split: a second table that opens with the header repeats it (the split takes
  // a boundary the repeat has not taken).
  if (axes.table_split == TableSplit::split_header && boundaries > (repeated ? 1u : 0u)) {
    plan.diagnostics.push_back(Diagnostic{Severity::info, Code::repeated_header, "", 0});
  }

  // A glossary without a heading is known by its entries: two or more, every one naming an
  // abbreviation the table uses (issue 13). Make sure the table uses two.
  const bool headed = !axes.glossary_heading.empty();
  if (!headed && used.size() < 2) {
    for (const words::Body& body : lang.bodies) {
      if (used.count(body.abbr)) continue;
      Agency agency;
      agency.abbr = body.abbr;
      agency.name = body.name;
      agency.text = body.abbr;
      std::vector<Agency>& cell = plan.activities.front().agencies;
      // Before a last entry whose marker says it is every entry's, and marked as they are.
      const bool all_marked = !cell.empty() && std::all_of(cell.begin(), cell.end(), [](const Agency& a) { return a.as_agreed; }) &&
                              std::any_of(lang.all_markers.begin(), lang.all_markers.end(), [&](const std::string& m) { return cell.back().text.ends_with(m); });
      if (all_marked) {
        agency.as_agreed = true;
        cell.insert(cell.end() - 1, agency);
      } else {
        cell.push_back(agency);
      }
      used.insert(body.abbr);
      break;
    }
  }
  // The glossary: every abbreviation used, in the list's order, and (under a heading) sometimes
  // a few unused.
  for (const words::Body& body : lang.bodies) {
    if (used.count(body.abbr) || (headed && chance(rng, 0.1))) plan.abbreviations.push_back(Abbreviation{body.abbr, body.name, 0, std::nullopt});
  }
  if (chance(rng, 0.3)) std::shuffle(plan.abbreviations.begin(), plan.abbreviations.end(), rng);

  if (chance(rng, 0.6)) {
    const int y = uniform(rng, 2021, 2031);
    const int m = uniform(rng, 1, 12);
    plan.published = iso(y, m, uniform(rng, 1, days_in_month(y, m)));
  }
  // Axes::note: a note after the last row is no field of the plan, an unclaimed-paragraph
  // warning; it stands after the header and the rows, so its warning comes last.
  if (!axes.note.empty()) plan.diagnostics.push_back(Diagnostic{Severity::warning, Code::unclaimed_paragraph, "", 0});
  // The registry's ids for the names drawn are what a parse of any faithful rendering must give
  // (some drawn groups are real ones: "other central bodies", "local executive bodies").
  link_agencies(plan, builtin_registry());
  return plan;
}

}  // namespace planparse::gen
