// The generator's word lists: small, made up for the generator (not taken from the samples),
// in English and Russian. Every header word, marker, group phrase and deadline word here is
// one that parsers/vocab/{en,ru}.tsv knows; the prose is chosen so that no name or outcome
// reads as a deadline, an agency list, a section heading or a row number.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace planparse::gen::words {

// A body that agency cells name by its abbreviation; `proper` is a quoted proper name that
// may follow the abbreviation ("SCS “Citizen Services”"), empty when it has none.
struct Body {
  std::string abbr;
  std::string name;
  std::string proper;
};

struct Language {
  bool russian = false;
  std::vector<std::string> name_heads, name_objects, name_links, topics, items, outcomes, section_titles;
  std::vector<std::string> intro_openings, intro_closings;
  std::vector<std::string> number_headers, name_headers, outcome_headers, deadline_headers, agency_headers;
  std::vector<Body> bodies;
  std::vector<std::string> markers, written_out, group_phrases, joined_groups;
  std::string conjunction;
  std::string section_prefix;
  std::vector<std::string> glossary_headings, published_words;
  std::vector<std::string> other_headers, other_cells;
};

const Language& english();
const Language& russian();

extern const std::vector<std::string> en_months;
extern const std::vector<std::string> ru_months_nominative;
extern const std::vector<std::string> ru_months_genitive;
extern const std::vector<std::string> ru_months_prepositional;
extern const std::vector<std::pair<std::string, std::string>> en_recurrences;  // text, recurrence
extern const std::vector<std::pair<std::string, std::string>> ru_recurrences;

std::string roman(int value);  // 1..39
std::string letter(const Language& lang, int value);  // 1 -> "A" / "А", skipping Ё and Й
std::string title(const Language& lang, const std::string& topic, int from_year, int to_year);
// "by the resolution dated March 3, 2024 No. 112" / "постановлением от 3 марта 2024 года № 112".
std::string act_phrase(const Language& lang, int year, int month, int day, const std::string& number);
// A whole day as the language writes it in prose: "March 5, 2024" / "5 марта 2024 года".
std::string day_words(const Language& lang, const std::string& iso_date);

}  // namespace planparse::gen::words
