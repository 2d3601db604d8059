// Stage 1-2 for Word documents: a .docx -> the same paragraphs the HTML reader makes (html.h),
// with the grid position of every table cell, so that everything after `blocks` reads a Word
// table as it reads a page's. libzip opens the package and libxml2 reads its XML parts
// (network off, no DTD loaded, no entity substituted, libxml2's default depth and size limits).
//
// The package: parts are read by exact name only (word/document.xml, word/numbering.xml,
// word/styles.xml, docProps/core.xml; no path is ever made from an entry's name); everything
// unpacked counts against `max_bytes` (--max-bytes), and an entry that inflates to more than
// kMaxInflation times its compressed size and more than kInflationFloor bytes is refused as a
// zip bomb, counted while it inflates (the header's sizes are not trusted).
//
// The body, in document order: w:p is a paragraph; its runs (w:r) are joined; w:tab is a
// space; w:br and w:cr end a paragraph as <br> does in a page; w:noBreakHyphen is "-". Tracked
// changes read as the document reads now: w:del and w:moveFrom are dropped, w:ins and w:moveTo
// kept, a row marked deleted (w:trPr/w:del) dropped. Fields give their result, never their
// code (w:instrText between w:fldChar begin and separate; w:fldSimple's w:instr attribute).
// Runs marked hidden (w:vanish) are skipped. Content controls (w:sdt), custom XML, hyperlinks,
// smart tags read through. w:tbl/w:tr/w:tc lay out on a grid as a page's table does: w:gridBefore
// skips grid columns, w:gridSpan is the colspan, a cell of w:vMerge "restart" is read once where
// it starts, as a page's rowspan, and the "continue" cells below it are read only when they
// hold text (Word hides it; planparse never drops text); a nested table is a table of its own,
// numbered in document order. Text boxes and drawings are not read.
//
// Automatic numbering (word/numbering.xml): a paragraph's w:numPr (or its style's) names a
// w:num and a level; the number Word shows is computed (w:abstractNum levels with w:start,
// w:numFmt decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter,
// russianUpper, russianLower, bullet and none, w:lvlText "%1." / "%1.%2.", w:isLgl,
// w:lvlOverride/w:startOverride) and prefixed to the paragraph's text with a space, as a
// typed number would be. Counters belong to the abstract list, shared by its w:num instances,
// except that a w:num with a w:startOverride counts on its own (Word's "restart numbering");
// using a level restarts the levels below it.
//
// Lines: a .docx has none. A paragraph's `line` is its ordinal among the document's w:p
// elements in document order (1-based, table cells included; the pieces of a paragraph cut at
// w:br share it). The first paragraph styled Title (else Heading 1) outside tables is read
// first, as a page's <h1>. docProps/core.xml gives the page metadata (blocks.h): dcterms:modified
// and dcterms:created as date stamps, and dc:title as the first paragraph (line 1) when the
// body starts inside a table. Tested by test_docx.cpp.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/diagnostic.h"
#include "parsers/blocks.h"

namespace planparse {

// An entry may inflate to this many times its compressed size (XML compresses 5-20 times; a
// zip bomb a thousand)...
inline constexpr size_t kMaxInflation = 100;
// ...unless it stays this small.
inline constexpr size_t kInflationFloor = size_t{1} << 20;

// Failures: unsupported_format for a package libzip cannot open, one without
// word/document.xml, or an encrypted or undecompressable part; limit_exceeded when the parts
// unpack to more than `max_bytes` or an entry inflates past the ratio above (where = the
// entry's name); not_a_plan when word/document.xml is not well-formed XML or has no w:body;
// out of memory as std::bad_alloc (the pipeline reports it).
Result<Blocks> read_docx(std::string_view bytes, size_t max_bytes);

}  // namespace planparse
