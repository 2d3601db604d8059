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
              std::optional<std::string> recurrence = std::nullopt) {
  return Deadline{std::move(text), std::move(from), std::move(to), std::move(recurrence)};
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
      const auto& [text, recurrence] = pick(rng, words::en_recurrences);
      return make(chance(rng, 0.3) ? capitalise_ascii(text) : text, std::nullopt, std::nullopt, recurrence);
    }
    case 10: {
      const int to = y + uniform(rng, 1, 3);
      return make("annually, " + year_range(rng, y, to), iso(y, 1, 1), iso(to, 12, 31), "annual");
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
      return make("quarterly by the end of " + std::to_string(y), std::nullopt, iso(y, 12, 31), "quarterly");
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
      const auto& [text, recurrence] = pick(rng, words::ru_recurrences);
      return make(text, std::nullopt, std::nullopt, recurrence);
    }
    case 9: {
      const int to = y + uniform(rng, 1, 3);
      return make("ежегодно, " + year_range(rng, y, to) + " годы", iso(y, 1, 1), iso(to, 12, 31), "annual");
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
                  std::nullopt, iso(y, m, d), "annual");
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

Deadline draw_deadline(std::mt19937_64& rng, bool russian) {
  return russian ? russian_deadline(rng) : english_deadline(rng);
}

std::string sentence(std::mt19937_64& rng, const words::Language& lang) {
  return pick(rng, lang.name_heads) + " " + pick(rng, lang.name_objects) + " " + pick(rng, lang.name_links) + " " +
         pick(rng, lang.topics);
}

// An agency list: at least one abbreviation first, and no more written-out names than
// abbreviations and marked entries, so that a flattened copy still reads as an agency cell.
std::vector<Agency> draw_agencies(std::mt19937_64& rng, const words::Language& lang, std::set<std::string>& used) {
  std::vector<Agency> agencies;
  const int count = uniform(rng, 1, chance(rng, 0.2) ? 9 : 4);
  std::set<std::string> in_cell;
  int telling = 0;
  int prose = 0;
  for (int k = 0; k < count; ++k) {
    const int kind = k == 0 ? 0 : uniform(rng, 0, 19);
    Agency agency;
    if (kind <= 14) {
      const words::Body& body = pick(rng, lang.bodies);
      if (!in_cell.insert(body.abbr).second) continue;
      used.insert(body.abbr);
      agency.abbr = body.abbr;
      agency.name = body.name;
      agency.text = body.abbr;
      if (!body.proper.empty() && chance(rng, 0.5)) agency.text += " " + body.proper;
      if (chance(rng, 0.2)) {
        agency.text += " " + pick(rng, lang.markers);
        agency.as_agreed = true;
      }
      ++telling;
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
        agency.kind = "group";
        agency.name = phrase;
        agency.text = phrase;
      } else {
        const std::string& phrase = pick(rng, lang.joined_groups);
        if (!in_cell.insert(phrase).second) continue;
        agency.kind = "group";
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
  return agencies;
}

}  // namespace

Plan draw_plan(std::mt19937_64& rng, const Options& options) {
  Plan plan;
  const bool russian = options.language == "ru" || (options.language.empty() && chance(rng, 0.5));
  const words::Language& lang = russian ? words::russian() : words::english();
  plan.language = russian ? "ru" : "en";

  const int first_year = uniform(rng, 2021, 2030);
  plan.title = words::title(lang, pick(rng, lang.topics), first_year, first_year + uniform(rng, 1, 5));

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

  // Columns: the number first (its header printed or not), the name, then the other three in
  // any order.
  plan.columns.push_back(Column{"number", chance(rng, 0.5) ? std::optional<std::string>(pick(rng, lang.number_headers))
                                                           : std::nullopt});
  plan.columns.push_back(Column{"name", pick(rng, lang.name_headers)});
  std::vector<std::string> rest = {"outcome", "deadline", "agencies"};
  std::shuffle(rest.begin(), rest.end(), rng);
  for (const std::string& role : rest) {
    const auto& headers = role == "outcome" ? lang.outcome_headers : role == "deadline" ? lang.deadline_headers : lang.agency_headers;
    plan.columns.push_back(Column{role, pick(rng, headers)});
  }

  std::vector<std::string> others;
  if (options.extra_columns && chance(rng, 0.4)) {
    others = lang.other_headers;
    std::shuffle(others.begin(), others.end(), rng);
    others.resize(static_cast<size_t>(uniform(rng, 1, static_cast<int>(others.size()))));
    for (const std::string& header : others) plan.columns.push_back(Column{"other", header});
  }

  // Sections: none, Roman ("I. Title"), or prefixed Arabic ("Section 2. Title").
  const int section_count = chance(rng, 0.2) ? 0 : uniform(rng, 1, options.max_sections);
  // Roman, Arabic (printed "Section 2." or, in a grid, also bare "2."), or with bare_sections
  // lettered ("A. Title"); English letters stop at H, since "I." is the Roman one.
  const int kind = uniform(rng, 0, options.bare_sections ? 2 : 1);
  const int sections = kind == 2 && !russian ? std::min(section_count, 8) : section_count;
  for (int s = 1; s <= sections; ++s) {
    std::string number = kind == 0 ? words::roman(s) : kind == 2 ? words::letter(lang, s) : std::to_string(s);
    plan.sections.push_back(Section{number, capitalise_ascii(pick(rng, lang.section_titles)), 0});
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
    activity.number = a + 1;
    if (section_of[static_cast<size_t>(a)] >= 0) activity.section = plan.sections[static_cast<size_t>(section_of[static_cast<size_t>(a)])].number;
    const int parts = chance(rng, 0.15) ? uniform(rng, 2, 3) : 1;
    // With several parts, the name has one paragraph per part (they become the tasks) or
    // another count (tasks null).
    int name_paragraphs = 1;
    if (parts > 1) {
      name_paragraphs = chance(rng, 0.6) ? parts : (chance(rng, 0.5) ? 1 : parts + 1);
    } else if (chance(rng, 0.15)) {
      name_paragraphs = 2;
    }
    std::vector<std::string> names;
    for (int k = 0; k < name_paragraphs; ++k) names.push_back(capitalise_ascii(sentence(rng, lang)));
    for (const std::string& name : names) activity.name += (activity.name.empty() ? "" : "\n") + name;
    if (chance(rng, 0.15)) {
      const int items = uniform(rng, 1, 5);
      for (int k = 0; k < items; ++k) activity.items.push_back(pick(rng, lang.items) + (k + 1 == items ? "." : ";"));
    }
    for (int k = 0; k < parts; ++k) {
      Outcome outcome;
      outcome.text = pick(rng, lang.outcomes);
      if (parts > 1 && name_paragraphs == parts) outcome.task = names[static_cast<size_t>(k)];
      outcome.deadline = draw_deadline(rng, russian);
      activity.outcomes.push_back(std::move(outcome));
    }
    if (options.missing_deadlines && parts > 1 && chance(rng, 0.3)) activity.outcomes.back().deadline.reset();
    activity.agencies = draw_agencies(rng, lang, used);
    for (const std::string& header : others) {
      std::string cell;
      const int paragraphs = uniform(rng, 0, 2);  // an empty costs cell is common
      for (int k = 0; k < paragraphs; ++k) cell += (k ? "\n" : "") + pick(rng, lang.other_cells);
      activity.extra.emplace_back(header, cell);
    }
    plan.activities.push_back(std::move(activity));
  }

  // The glossary: every abbreviation used, in the list's order, and sometimes a few unused.
  for (const words::Body& body : lang.bodies) {
    if (used.count(body.abbr) || chance(rng, 0.1)) plan.abbreviations.push_back(Abbreviation{body.abbr, body.name, 0, std::nullopt});
  }
  if (chance(rng, 0.3)) std::shuffle(plan.abbreviations.begin(), plan.abbreviations.end(), rng);

  if (chance(rng, 0.6)) {
    const int y = uniform(rng, 2021, 2031);
    const int m = uniform(rng, 1, 12);
    plan.published = iso(y, m, uniform(rng, 1, days_in_month(y, m)));
  }
  // The registry's ids for the names drawn are what a parse of any faithful rendering must give
  // (some drawn groups are real ones: "other central bodies", "local executive bodies").
  link_agencies(plan, builtin_registry());
  return plan;
}

}  // namespace planparse::gen
