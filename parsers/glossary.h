// Stage 5, glossary: the abbreviations block after the table ("Note: Abbreviations:").
//
// The heading is told by its words, not by whole phrases: a short label (at most a few words,
// no sentence punctuation, no digits) whose words say "abbreviations" in any form and language
// (vocabulary role glossary.word: "abbreviation*", "аббревиатур*"), with or without a note lead
// ("Note:", "Примечание:", glossary.lead) and a trailing colon. Words that also mean
// "reduction" (glossary.shortening: "сокращени*", "қысқарт*") make a heading only when every
// other word of the label is a glossary word or a label word (glossary.label: "список",
// "принятые", "толық"), so that "Сокращение сроков" stays an activity. Whole headings of
// glossary.heading are still taken as they are.
//
// Layouts read from the paragraphs that follow the heading:
//   - one entry a paragraph: "MIA – Ministry of Internal Affairs" (any dash with a space after
//     it, or a colon), the first separator deciding: names hold dashes of their own;
//   - one entry a line inside one paragraph (a copy whose entries have no blank line between
//     them), a line that is no entry continuing the name above it; the heading may be the
//     paragraph's first line;
//   - a flattened two-column table: "MIA", ["–"], "Ministry of ...", "MJ", ..., with or
//     without a heading row ("Аббревиатура", "Полное наименование"), which is no entry;
//   - a flattened table read column by column: all abbreviations, then all dashes, then all
//     names (the portal's layout), paired by position whatever empty paragraphs lie between.
// A trailing ";", "." or "," ends an entry and is not part of the name. An abbreviation that
// mixes Latin letters with look-alike Cyrillic ones ("МEGNR") is folded to the majority script
// with a warning. Tested by test_glossary.cpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

struct GlossaryResult {
  std::vector<Abbreviation> entries;
  std::vector<Paragraph> rest;  // paragraphs after the glossary (footer), in order: a tail of the input
  size_t rest_start = 0;        // where `rest` begins in the input
  std::vector<Diagnostic> diagnostics;
  bool headed = false;          // a glossary heading opened it
};

// `paragraphs` starts where the table ends, at the glossary heading or at the first entry of a
// glossary without one, and runs to the end of the document. The heading and a heading row are
// read over; what follows the entries is `rest`.
GlossaryResult read_glossary(const std::vector<Paragraph>& paragraphs,
                             const Vocabulary& vocabulary = builtin_vocabulary());

// The same, but `rest` is left empty and only rest_start says where it begins: the pipeline
// moves the tail out of its own paragraphs rather than copy a page of them.
GlossaryResult read_glossary_entries(const std::vector<Paragraph>& paragraphs,
                                     const Vocabulary& vocabulary = builtin_vocabulary());

// True when the paragraph is a glossary heading (see above). The table stage's test: the
// table ends at a glossary heading.
bool is_glossary_heading(std::string_view paragraph, const Vocabulary& vocabulary);

// For the table stage: true when a glossary starts at paragraphs[at], so that the table ends
// there rather than swallowing it into its last row. That is a glossary heading (alone, after
// a lone "Note:" paragraph, or as the first line of a paragraph whose next lines are entries),
// or a glossary without a heading: two entries in a row ("ABBR – name", "ABBR: name"), as two
// paragraphs or as two lines of one. Whether a headless glossary's abbreviations occur among
// the table's agencies is checked by the pipeline once the agencies are read. One entry alone
// opens it too, bare or after a lead-in in its paragraph ("Справочно: ОЦТ = отдел …"), when its
// name reads as a body's and its abbreviation is used above it, in
// `paragraphs` before `at` or in `rows` (the paragraphs of the rows read so far, which the table
// stage may have moved out of `paragraphs`). A glossary in one paragraph after its heading
// ("Note: abbreviations: MIA – …; MJ – …") opens one as well.
bool opens_glossary(const std::vector<Paragraph>& paragraphs, size_t at, const Vocabulary& vocabulary,
                    const std::vector<std::vector<Paragraph>>* rows = nullptr);

// True when the paragraph is a note after the table: a note lead and its colon, then text
// that is no glossary ("Примечание: мероприятия финансируются …", "Note: costs are …",
// "Ескертпе: …"). No cell of a row opens so: the table stage closes the row above at it.
bool is_note(std::string_view paragraph, const Vocabulary& vocabulary);

// "Примечание:", "Notes:", "Ескерту:": a note lead standing alone, its colon last. After the table
// it heads the note under it (numbered lines "1) …" included), never a cell of the last row.
bool is_note_lead(std::string_view paragraph, const Vocabulary& vocabulary);

// "* по согласованию", "* as agreed", "*келісім бойынша": a footnote keying the "*" of entries in
// the cells to the "as agreed" marker (a note, is_note; the pipeline marks those entries).
bool is_marker_footnote(std::string_view paragraph, const Vocabulary& vocabulary);

// True when the paragraph is one glossary entry: an abbreviation, a separator, a name.
bool is_glossary_entry(std::string_view paragraph);

// True when the paragraph is a caption: a label of a few words ending in a colon, with no digit
// and no entry in it ("Справочно:", "For reference:"). Right before glossary entries it is
// their heading whatever its words, so it is neither the last row's agency nor an entry.
bool is_caption(std::string_view paragraph);

}  // namespace planparse
