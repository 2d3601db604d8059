// The generator's word lists: small, made up for the generator (not taken from the samples),
// in English, Russian and Kazakh. The prose is chosen so that no name or outcome reads as a
// deadline, an agency list, a section heading or a row number. The header wordings, glossary
// headings, legal forms and deadline forms are the genre's labels as issue 13's catalogue lists
// them (more than parsers/vocab knows word for word: the parser is to read them by word family);
// the names around them are our own.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "schema/plan.h"

namespace planparse::gen::words {

// A body that agency cells name by its abbreviation; `proper` is a quoted proper name that
// goes with the abbreviation ("SCS “Citizen Services”", Kazakh "«Ашық үкімет» АҮК"), empty
// when it has none.
struct Body {
  std::string abbr;
  std::string name;
  std::string proper;
};

// A recurrence phrase as printed, with the recurrence it means (dates null).
using RecurrencePhrase = std::pair<std::string, Recurrence>;

struct Language {
  std::string code;           // "en", "ru", "kk"
  bool object_first = false;  // Kazakh: "<topic> <link> <object> <verbal noun>"
  bool proper_first = false;  // Kazakh: the quoted proper name before the abbreviation
  std::vector<std::string> name_heads, name_objects, name_links, topics, items, outcomes, section_titles;
  std::vector<std::string> intro_openings, intro_closings;
  // Header cells per role: the wordings plans print (issue 13: "Срок", "N п/п", "Р/с №", ...).
  // The first of each list, and of glossary_headings, is one the parser read before issue 13:
  // baseline_axes uses it.
  std::vector<std::string> number_headers, name_headers, outcome_headers, deadline_headers, agency_headers;
  // Header cells no role takes ("Индикатор"), with cells for their column.
  std::vector<std::string> unknown_headers, unknown_cells;
  std::vector<Body> bodies;
  std::vector<std::string> markers, written_out, group_phrases, joined_groups;
  std::string conjunction;
  std::string number_sign;  // printed before each row number by Numbering::sign
  std::vector<std::string> joining_words;  // "jointly with": joins two bodies as the conjunction does
  std::string section_prefix;  // "Section 2." / "Раздел 2."; empty: Kazakh "2-бөлім."
  std::string section_suffix;  // "бөлім"
  // Section headings with an ordinal or a stage word (stop 32): "{n} часть. " with the number and
  // its ordinal ending ("2-я", "2-ші", "2nd"), "{w} часть. " with the ordinal word
  // (ordinal_words, 1..10, capitalised), "Этап {d}. " with the bare number; the title follows.
  std::vector<std::string> ordinal_headings, ordinal_words;
  // A note after the last row, before the glossary ("Примечание: …"): no field of the plan, an
  // unclaimed-paragraph warning.
  std::vector<std::string> notes;
  std::vector<std::string> glossary_headings, published_words;
  std::vector<std::pair<std::string, std::string>> glossary_table_heads;  // a glossary table's heading row
  std::vector<std::string> other_headers, other_cells;
  // A spanning header over sub-headers (Axes::two_level_parent), and the sub-headers.
  std::vector<std::string> two_level_parents, two_level_subs;
  // Legal forms of organisations ("АО", "ЖШС", "JSC") and names for them: quoted, quoted with a
  // comma, slash or conjunction inside, unquoted, and nested-quote ones ("Холдинг «...»").
  std::vector<std::string> legal_forms, legal_names, legal_names_separated, legal_names_unquoted, legal_names_nested;
  std::vector<std::pair<std::string, std::string>> quotes;  // opening, closing
  std::vector<RecurrencePhrase> recurrences;        // the forms tests/test_deadline.cpp pinned before issue 13
  std::vector<RecurrencePhrase> recurrence_phrases;  // issue 13's: "тоқсанына 1 рет", "ежеквартально, до 10 числа ..."
  // What leads from a date on to a recurrence after it (", далее ", ", thereafter "), and the
  // recurrences that follow it.
  std::vector<std::string> then_words;
  std::vector<RecurrencePhrase> then_recurrences;
  // Words after an abbreviation that name no body of their own: a bracketed note ("(по
  // согласованию с %s)", %s another abbreviation, or none), a part of the country ("областей");
  // the marker's words without brackets ("по согласованию").
  std::vector<std::string> abbreviation_notes, abbreviation_words, bare_markers;
  // A marker after a cell's last entry that says it is every entry's ("(все – по согласованию)",
  // "(all as agreed)"), and one for a cell of two ("(both as agreed)").
  std::vector<std::string> all_markers, both_markers;
  // Written-out names that open or close with their head noun ("отдел торговли"): two of them
  // joined by the conjunction are two agencies.
  std::vector<std::string> head_names;
};

const Language& english();
const Language& russian();
const Language& kazakh();
const Language& language(const std::string& code);  // "en", "ru" or "kk"

extern const std::vector<std::string> en_months;
extern const std::vector<std::string> ru_months_nominative;
extern const std::vector<std::string> ru_months_genitive;
extern const std::vector<std::string> ru_months_prepositional;
extern const std::vector<std::string> kk_months_nominative;
extern const std::vector<std::string> kk_months_dative;    // "шілдеге": "2025 жылғы 1 шілдеге дейін"
extern const std::vector<std::string> kk_months_locative;  // "шілдедегі": "2025 жылғы 1 шілдедегі"

std::string roman(int value);  // 1..3999
std::string letter(const Language& lang, int value);  // 1 -> "A" / "А", skipping Ё and Й
// A number with its ordinal ending: "2-я" (ru), "2-ші" / "6-шы" (kk), "2nd" (en).
std::string ordinal_number(const Language& lang, int value);
// One of Language::ordinal_headings filled in for section `value` and its title ("2-я часть. Title");
// a form with the ordinal word only for 1..10.
std::string ordinal_heading(const Language& lang, int value, const std::string& form, const std::string& title);
// `over_lines`: the document's word in capitals, as a title set over lines prints it
// ("ПЛАН мероприятий …", "ACTION PLAN for …", "… іс-шаралар ЖОСПАРЫ").
std::string title(const Language& lang, const std::string& topic, int from_year, int to_year, bool over_lines = false);
// "by the resolution dated March 3, 2024 No. 112," / "постановлением от 3 марта 2024 года № 112," /
// "Үкіметтің 2024 жылғы 3 наурыздағы № 112 қаулысымен".
std::string act_phrase(const Language& lang, int year, int month, int day, const std::string& number);
// A whole day as the language writes it in prose: "March 5, 2024" / "5 марта 2024 года" /
// "2024 жылғы 5 наурыздағы".
std::string day_words(const Language& lang, const std::string& iso_date);
// The first letter upper-cased, in any script ("әзірлеу" -> "Әзірлеу").
std::string capitalise(const std::string& text);

}  // namespace planparse::gen::words
