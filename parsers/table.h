// Stage 3, table: paragraphs -> the plan table. Finds the title (first paragraph), the intro,
// the header row and its column roles (header.h), the section headings (sections.h), and the
// activity rows (a number paragraph and the paragraphs after it, read cell by cell from an
// HTML grid or aligned to the columns by align.h), then checks every cell against its column
// (cell_check.h). The table ends at the glossary or the publication footer. Every paragraph
// after the header ends up in a section, a row or `unclaimed`. Tested by test_table.cpp.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "parsers/align.h"
#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

struct Row {
  Paragraph number;                    // the paragraph holding the activity number
  int value = 0;
  std::optional<std::string> label;    // the number as printed when it has parts ("1.2"): Activity::label
  std::optional<std::string> section;  // number of the section it stands in
  // One cell per column, in the order of TableResult::columns; the number column's cell is
  // empty (the number is above).
  std::vector<std::vector<Paragraph>> cells;
  // The kind of each paragraph of `cells` as align.h classifies it, cell after cell: one vector
  // for the row, not one per cell (a million-row table holds millions of cells). kinds_of()
  // gives one cell's.
  std::vector<ParagraphKind> kinds;
  std::vector<Paragraph> unaligned;    // in no column: past kMaxAlignedParagraphs, or a grid column the header lacks
};

// The kinds of the paragraphs of `row.cells[column]`, in order.
std::span<const ParagraphKind> kinds_of(const Row& row, size_t column);

struct TableResult {
  std::optional<Paragraph> title;
  std::vector<Paragraph> intro;
  std::vector<Column> columns;
  std::vector<Section> sections;
  std::vector<Row> rows;
  std::vector<Paragraph> unclaimed;  // inside the table but in no row or section
  // Heading rows with no number (a full-width row, a goal or programme row): no section, for a
  // section is known by its number (the rows' `section`), so they are reported, not read.
  std::vector<Paragraph> headings;
  std::vector<Paragraph> after;      // from the glossary heading or footer to the end
  // Publication-date lines before the table ("Дата публикации: 11.02.2026"): metadata, in
  // neither the title nor the intro.
  std::vector<Paragraph> published;
  std::vector<Diagnostic> diagnostics;
};

// Failures: not_a_plan when no header row is found (header.h says how the failure explains
// itself), or it is followed by no numbered row.
Result<TableResult> read_table(const Blocks& blocks, const Vocabulary& vocabulary);
// The same, the rows taking their paragraphs from `paragraphs` rather than copying them where
// the table is read once (a million-row table is then not held twice, issue 14); the texts of
// `paragraphs` are spent, whatever the result: only its title, intro and the paragraphs after
// the table are left, copied into the result.
Result<TableResult> read_table(std::vector<Paragraph>&& paragraphs, const Vocabulary& vocabulary);

// The index of the number column (every header has one; added when the document prints none).
size_t number_column_of(const std::vector<Column>& columns);

// True when the paragraph opens the publication footer ("Publication date ...").
bool is_published_marker(const std::string& paragraph, const Vocabulary& vocabulary);

}  // namespace planparse
