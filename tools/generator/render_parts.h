// What the renderers share (render.cpp, text_tables.cpp): a plan's cells as each layout prints
// them, its section headings and glossary entries, and the drawing of random details. Not for
// the tests: they go through generator.h.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "tools/generator/generator.h"
#include "tools/generator/words.h"

namespace planparse::gen::parts {

using Rng = std::mt19937_64;

inline bool chance(Rng& rng, double p) { return std::bernoulli_distribution(p)(rng); }
template <class T>
const T& pick(Rng& rng, const std::vector<T>& list) {
  return list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(rng)];
}

inline const words::Language& language_of(const Plan& plan) { return words::language(plan.language); }

// The text cut at its line breaks ("a\nb" -> {"a", "b"}); one piece for none.
std::vector<std::string> split_lines(const std::string& text);

// The paragraphs of each cell of one activity, in column order (number column included).
std::vector<std::vector<std::string>> activity_cells(const Plan& plan, const Activity& activity, Rng& rng,
                                                     const Rendering& rendering);

// "I. Title", "Section 2. Title", "2-бөлім. Title"; `bare` drops the prefix of an Arabic number
// ("2. Title"), which only a full-width grid row tells from a name cell; `cyrillic_numeral`
// writes a Roman numeral with the Cyrillic І and Х; `tab` writes a Word copy's "I.\tTitle".
// With `rng`, an Arabic section that keeps its prefix is sometimes headed with an ordinal or a
// stage word instead ("2-я часть. Title", "Екінші бөлім. Title", "2nd block: Title", "Stage 2 –
// Title": words::ordinal_heading); its number and title read the same.
std::string section_heading(const Plan& plan, const Section& section, bool bare = false, bool cyrillic_numeral = false,
                            bool tab = false, Rng* rng = nullptr);

// The glossary entries as "ABBR – name;" lines: the axes' separator, and their ending after
// every name but the last, which ends with a full stop when the others end at all.
std::vector<std::string> glossary_entries(const Plan& plan, const Axes& axes);

// The publication date after the glossary as paragraphs: a label and the date, or both in one.
std::vector<std::string> published_paragraphs(const Plan& plan, Rng& rng);

// Sections in order, each followed by its activities; activities before any section first.
template <class OnSection, class OnActivity>
void walk_table(const Plan& plan, OnSection on_section, OnActivity on_activity) {
  size_t a = 0;
  while (a < plan.activities.size() && !plan.activities[a].section) on_activity(plan.activities[a++]);
  for (const Section& section : plan.sections) {
    on_section(section);
    while (a < plan.activities.size() && plan.activities[a].section == section.number) on_activity(plan.activities[a++]);
  }
  while (a < plan.activities.size()) on_activity(plan.activities[a++]);
}

}  // namespace planparse::gen::parts
