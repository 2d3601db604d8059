// Stage 4, fields: the agency cell. Splits a list such as
//   "MIA, GPO (as agreed), NCE “Atameken” and other central bodies"
// into entries, reads the "(as agreed)" markers as data, and tells abbreviations, written-out
// names and groups apart. Expanding the abbreviations is resolve's job. Marker, group and
// conjunction words come from the vocabulary. Tested by test_agencies.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

struct AgencyList {
  // abbr holds the abbreviation as written (resolve replaces it with the glossary's form);
  // name holds a written-out name or a group's words; null for abbreviations until resolve.
  std::vector<Agency> agencies;
  // Entries that could not be read (empty between commas, unbalanced brackets), as written.
  std::vector<std::string> unparsed;
};

AgencyList split_agencies(std::string_view cell, const Vocabulary& vocabulary);

// True when the paragraph reads as an agency list rather than prose: its entries are mostly
// abbreviations or carry an "(as agreed)" marker. Used by the table stage to classify paragraphs.
bool looks_like_agency_list(std::string_view paragraph, const Vocabulary& vocabulary);

// An abbreviation token: one word of 2-15 letters (Latin or Cyrillic, digits and "-" or "&"
// allowed) with at least two capitals that make at least half of its letters ("MIA", "МВД",
// "MDDIAI", "АСПР"; not "Order", not "RK-based").
bool is_abbreviation(std::string_view token);

}  // namespace planparse
