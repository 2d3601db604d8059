// Stage 5, glossary: the abbreviations block after the table ("Note: Abbreviations:").
// Reads three layouts from the paragraphs that follow the heading:
//   - one entry a paragraph: "MIA – Ministry of Internal Affairs" (any dash, or a colon);
//   - a flattened two-column table: "MIA", ["–"], "Ministry of ...", "MJ", ...;
//   - a flattened table read column by column: all abbreviations, then all dashes, then all
//     names (the portal's layout), paired by position whatever empty paragraphs lie between.
// An abbreviation that mixes Latin letters with look-alike Cyrillic ones ("МEGNR") is folded
// to the majority script with a warning. Tested by test_glossary.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

struct GlossaryResult {
  std::vector<Abbreviation> entries;
  std::vector<Paragraph> rest;  // paragraphs after the glossary (footer), in order
  std::vector<Diagnostic> diagnostics;
};

// `paragraphs` starts after the glossary heading and runs to the end of the document.
GlossaryResult read_glossary(const std::vector<Paragraph>& paragraphs);

// True when the paragraph is a glossary heading of the vocabulary.
bool is_glossary_heading(std::string_view paragraph, const Vocabulary& vocabulary);

}  // namespace planparse
