// Stage 2, blocks: lines -> paragraphs. A paragraph is a run of non-blank lines; its lines join
// with one space; it keeps the number of its first line and where each later line begins, so
// that a stage reading one item a line (a glossary of one entry a line) can split it again.
// Three kinds of copy change that: a text with (almost) no blank lines, and a table copied with
// tabs between its cells; there every line, and every tab-separated cell, is a paragraph; and a
// legal-database export that ends each table cell with a bar ("Срок |", "1. |", "1 | 2 | 3 |"),
// where a cell runs from line to line until its bar. A table drawn with borders ("│1. │…│",
// "|1.  |…|") is read on its grid by text_grid.h. A
// tab after a list marker at the start of a line ("I.\tTitle", "-\tItem", the way Word copies
// its numbered and bulleted lists) is a space, not a cell separator. This is the seam every
// source format feeds: the HTML reader produces the same paragraphs from elements, and what
// it finds about the page around them (footers, date stamps). Tested by test_blocks.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parsers/normalise.h"
#include "parsers/vocabulary.h"

namespace planparse {

// Where a paragraph stood in an HTML table, after rowspan and colspan are laid out: the grid
// the table stage reads cells from instead of guessing them. table < 0 for running text and
// for the text path, where the table arrives flattened.
// A cell's spans are cut to kMaxSpan (a page's colspan is at most 1000 and its rowspan at most
// 65534 already; only a drawn text table's heading row may be wider), so that the position stays
// 16 bytes: a million-row table holds millions of paragraphs.
inline constexpr int kMaxSpan = 65535;
struct GridPosition {
  int table = -1;           // which table of the document, in order
  int row = -1;             // grid row where the cell starts
  int column = -1;          // grid column where the cell starts
  uint16_t colspan = 1;     // grid columns it covers
  uint16_t rowspan = 1;     // grid rows it covers: a merged cell over the rows below
};

// Where a source line joined into a paragraph begins.
struct LineBreak {
  size_t offset = 0;  // byte offset in Paragraph::text, just after the joining space
  int line = 0;       // the line's number in the decoded input
};

// The line breaks of a paragraph joined from several lines, in order. One pointer, allocated
// only for a paragraph of several lines: most are one line, and a million-row table holds
// millions of paragraphs (issue 14: memory in proportion to the input).
class LineBreaks {
 public:
  LineBreaks() = default;
  LineBreaks(const LineBreaks& other) : list_(other.list_ ? std::make_unique<std::vector<LineBreak>>(*other.list_) : nullptr) {}
  LineBreaks& operator=(const LineBreaks& other) {
    if (this != &other) list_ = other.list_ ? std::make_unique<std::vector<LineBreak>>(*other.list_) : nullptr;
    return *this;
  }
  LineBreaks(LineBreaks&&) noexcept = default;
  LineBreaks& operator=(LineBreaks&&) noexcept = default;
  ~LineBreaks() = default;

  bool empty() const { return !list_ || list_->empty(); }
  size_t size() const { return list_ ? list_->size() : 0; }
  const LineBreak& operator[](size_t at) const { return (*list_)[at]; }
  const LineBreak& back() const { return list_->back(); }
  const LineBreak* begin() const { return list_ ? list_->data() : nullptr; }
  const LineBreak* end() const { return list_ ? list_->data() + list_->size() : nullptr; }
  void push_back(LineBreak line) {
    if (!list_) list_ = std::make_unique<std::vector<LineBreak>>();
    list_->push_back(line);
  }

 private:
  std::unique_ptr<std::vector<LineBreak>> list_;
};

struct Paragraph {
  std::string text;  // normalised, never empty
  int line = 0;      // 1-based line of its first character (HTML: of its element) in the decoded input
  GridPosition grid{};
  // One whole line of a text that made every line a paragraph: where a cell was hard-wrapped,
  // the next line may go on the same cell (align.h, wraps_on). False for cells cut at tabs or
  // bars, whose borders are known.
  bool whole_line = false;
  // A page's or Word file's paragraph begun by a line break (<br>, w:br) inside its block, not
  // by a block of its own: where a deadline wrapped in a cell could join the paragraph before or
  // the one after it, the author's line break tells which (align.h, join_wrapped_deadlines).
  bool after_line_break = false;
  LineBreaks breaks{};  // one per joined line after the first, in order; empty for one line
};

// What a page holds around its content that is not part of the document's text, for the
// metadata stage: the text path has none of it.
struct PageMetadata {
  // Paragraphs of the page's footers (<footer>, role=contentinfo, a "footer" class): the
  // content's own first, then the page's; grid positions are not kept.
  std::vector<Paragraph> footer;
  // Machine-readable dates, as written, each with its element's line: those marked as the
  // publication date (itemprop="datePublished", <time pubdate>), then the <time> values of the
  // content outside its tables, then those of footers, then the content of date <meta>s
  // (article:published_time, DC.date, dcterms.date, ...).
  std::vector<Paragraph> stamps;
};

struct Blocks {
  std::vector<Paragraph> paragraphs;
  PageMetadata page;
};

// The vocabulary tells a drawn table's heading rows from its wrapped lines (text_grid.h).
Blocks split_paragraphs(const NormalText& text, const Vocabulary& vocabulary = builtin_vocabulary());

// The lines of a paragraph: its text cut at its breaks, each piece with its line. One piece,
// the whole text, for a paragraph without breaks.
std::vector<Paragraph> paragraph_lines(const Paragraph& paragraph);

}  // namespace planparse
