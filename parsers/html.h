// Stage 1-2 for HTML: a page -> the same paragraphs the text path makes, plus where each table
// cell sits in its table's grid. libxml2's HTML parser reads the page (recovering from broken
// markup, network off, no DTD, the input's own charset declaration ignored: ingest has decoded
// it already); its events build a compact tree of the page rather than libxml2's DOM (40 bytes
// a node, where libxml2's node is 120 and a malloc, its text another), so that a table of a
// million cells stays within the memory bound. The walk keeps the content (the <article> or
// <main> when there is one, else the body) and skips what is not: head, scripts, styles,
// navigation, headers and footers, menus, breadcrumbs, language switchers, hidden elements,
// comments (Word's conditional ones too).
// Chrome never hides the only plan: where every table that may hold the plan (numbered rows
// of three cells or more) sits inside chrome (an <aside> or "sidebar" wrapped around the
// article), that chrome is read as content; where one stands outside, chrome stays skipped.
// A class or id is chrome when one of its parts (split at '-' and '_') is a chrome word
// ("site-footer", not "shareholders-table"), and never inside a table whose rows are numbered.
// Elements nest at most 1024 deep in the content (libxml2 parses with XML_PARSE_HUGE).
// Block elements (p, div, li, br, headings, cells) end paragraphs; inline ones (span, b, a,
// font, o:p) join into running text. rowspan and colspan are laid out as the HTML standard
// does (colspan at most 1000, rowspan at most 65534 and never past the table's end); a spanned
// cell is read once, at the grid position where it starts; a table may lay out at most 20
// million grid positions (rows x columns). A <br> ends a paragraph as a block does, so a
// glossary of one entry a line in one <p> gives one paragraph an entry.
// A <pre> keeps its line breaks: its text is split into paragraphs as the text path splits a
// text copy (blocks.h), each on its line of the page, so a table printed one row a line in a
// <pre> reads as its text copy does.
// Besides the content, Blocks::page carries what the page says about its date (blocks.h,
// PageMetadata): the paragraphs of its footers, and its <time datetime>, itemprop
// "datePublished" and date <meta> values, which the metadata stage reads when the document's
// text names no publication date. Tested by test_html.cpp.
#pragma once

#include <string_view>

#include "ingest/diagnostic.h"
#include "parsers/blocks.h"

namespace planparse {

// Failures: not_a_plan when libxml2 finds no document at all; limit_exceeded when a table's
// grid is larger than the limit above (where = the table's line) or the content nests
// elements deeper than 1024 (where = the line of the first too deep). The vocabulary reads a
// <pre>'s text as the text path does (split_paragraphs).
Result<Blocks> read_html(std::string_view text, const Vocabulary& vocabulary = builtin_vocabulary());

}  // namespace planparse
