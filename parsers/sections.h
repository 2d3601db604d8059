// Stage 3, table, step: section headings. "I. Title", "IV) Title", "Section 2. Title",
// "Раздел 2. Title", "2-бөлім. Title", "2. Title", "Б. Title"; Roman numerals written with the
// Cyrillic І and Х are read as Latin. The prefix and suffix words are the vocabulary's
// (section.prefix, section.suffix). Whether "2. Title" or "Б. Title" — which could also open a
// name cell — is a heading where it stands is the table's decision (`follows`). Tested by
// test_table.cpp.
#pragma once

#include <optional>
#include <string_view>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// A section heading as written.
struct SectionHeading {
  enum class Kind { roman, arabic, letter } kind = Kind::roman;
  bool prefixed = false;  // "Section 2.", "Раздел 2.", "2-бөлім."
  Section section;
};

std::optional<SectionHeading> parse_section(const Paragraph& paragraph, const Vocabulary& vocabulary);

// A Roman numeral standing alone as a row's number, as some indicator tables number their rows
// ("I.", "IV", "ІІ)": Latin or Cyrillic І and Х, a stop allowed) -> 1, 4, 2. Without a title
// it is no section heading (parse_section wants one); whether the table numbers its rows so is
// the table's decision.
std::optional<int> parse_roman_row_number(std::string_view text);

// A row that groups activities but is no section planparse numbers: a goal, task, project or
// programme heading ("Цель: …", "1.2-мақсат. …", "№2 жоба «…»", "Goal 3: …"; the words are the
// vocabulary's group.heading) or a heading in capitals ("ПОДПРОГРАММА 2 РАЗВИТИЕ СВЯЗИ"). In
// flattened text, after a whole row, it closes that row instead of joining its last cell.
bool is_group_heading(const Paragraph& paragraph, const Vocabulary& vocabulary);

// Whether `heading` is the next section after `previous` ("1" -> "2", "B" -> "C", "Б" -> "В");
// the first section of a kind is "1", "A" or "А". Roman headings are not checked.
bool follows(const std::optional<Section>& previous, const SectionHeading& heading);

}  // namespace planparse
