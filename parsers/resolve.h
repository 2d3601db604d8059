// Stage 6, resolve: every abbreviation in the agency lists expanded with the document's own
// glossary. An exact match first; then ICU's confusable skeleton (a Cyrillic "М" in "МA" is
// the Latin "M"); then Cyrillic->Latin transliteration (the Russian "АСПР" is "ASPR"). A match
// found only by folding carries an abbreviation-folded warning; none at all leaves name null
// with an unknown-abbreviation warning. Tested by test_resolve.cpp.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "schema/plan.h"

namespace planparse {

struct GlossaryIndex {
  std::vector<Abbreviation> entries;
  std::unordered_map<std::string, size_t> exact;     // abbreviation as in the glossary
  std::unordered_map<std::string, size_t> skeleton;  // ICU confusable skeleton
  std::unordered_map<std::string, size_t> latin;     // transliterated to Latin, upper case
};

GlossaryIndex index_glossary(std::vector<Abbreviation> entries);

struct Resolution {
  const Abbreviation* entry = nullptr;  // null when not found
  std::string_view how;                 // empty for an exact match; else how it was folded
};

Resolution find_abbreviation(const GlossaryIndex& index, std::string_view abbr);

// Fills abbr and name of each agency whose abbr is set (as written); `line` is where the cell
// stands, for diagnostics. Written-out names and groups are left as they are.
void resolve_agencies(std::vector<Agency>& agencies, int line, const GlossaryIndex& index,
                      std::vector<Diagnostic>& diagnostics);

}  // namespace planparse
