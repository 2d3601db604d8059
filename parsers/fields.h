// Stage 4, fields: one aligned row -> an Activity. The name cell gives the name (its prose
// paragraphs) and the items (its bullets); outcome paragraphs pair in order with deadline
// paragraphs (deadline.h) and, when the name cell splits the same way, with tasks; the agency
// cell is split by agencies.h; the cells of "other" columns (costs, funding) are kept as
// Activity::extra. Abbreviations stay as written until resolve. Tested by
// test_fields.cpp.
#pragma once

#include <string>
#include <limits>
#include <unordered_set>
#include <vector>

#include "parsers/table.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// Diagnostics (unparsed deadlines and agencies, unpaired deadlines, paragraphs in no column)
// are appended to `diagnostics`.
// `defined`: the abbreviations of the document's glossary (split_agencies).
// `listed_unaligned`: how many of row.unaligned get a warning each, the first ones; the caller
// counts the rest (a row of a million cells must not cost a million messages held at once).
Activity read_activity(const Row& row, const std::vector<Column>& columns, const Vocabulary& vocabulary,
                       std::vector<Diagnostic>& diagnostics, const std::unordered_set<std::string>* defined = nullptr,
                       size_t listed_unaligned = std::numeric_limits<size_t>::max());

}  // namespace planparse
