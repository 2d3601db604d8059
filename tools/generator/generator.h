// Generated plans for property tests (tests/test_generated.cpp): draw a random plan of the
// genre as the planparse::Plan the parser should output for it (the truth), render it as a
// document in one of the layouts people publish, encode it, and compare what planparse reads
// back with the truth. The truth is filled per schema/README.md and issue 13's decided
// semantics, field by field; the lines and `source` depend on the rendering and are left 0 /
// empty. Its diagnostics are those a faithful parse must give: an unknown-column warning for a
// header cell no role names (message empty: the wording is the parser's, the test compares
// code and severity), nothing else.
//
// The words come from small built-in lists (English, Russian and Kazakh), not from the samples,
// so that a passing run says the parser reads the genre rather than the samples' sentences.
//
// Every form of the genre's catalogue (issue 13) is an axis: draw_axes picks one value of each
// per plan, draw_plan reads the plan's axes from Options and the renderers the layout's from
// Rendering (the test gives both the same Axes), and axis_values lists them for a report that
// counts failures per value.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/plan.h"

namespace planparse::gen {

using Plan = planparse::Plan;

// text: a portal copy, one paragraph per cell paragraph; drawn: the table drawn in text with
// borders, a cell's text wrapped in its column (text_grid.h reads it); barred: a legal-database
// export, every cell on lines of its own, the last ending with " |" (blocks.h reads it).
enum class Format { text, portal_html, word_html, drawn, barred };
enum class Encoding { utf8, legacy, utf16le };  // legacy: windows-1251 (ru) or windows-1252 (en); none for kk

// The order of the columns: the five roles as plans print them (number, name, outcome,
// deadline, agencies), the name second and the rest in any order, all four after the number in
// any order, or (in a grid only, its header printed) the number column among the others.
enum class ColumnOrder { standard, name_second, shuffled, number_inside };
// How a header cell of more than one word is wrapped over two lines: not at all, as two lines
// of one paragraph (text), as a <br> in the cell, or as two <p>s in the cell (HTML).
enum class HeaderWrap { none, line, br, paragraphs };
// The column-number row under the header ("1 2 3 4 5"): none, one cell (or, flattened, one
// paragraph) per number, or the numbers on one line (text).
enum class ColumnNumbers { off, cells, line };
// The glossary's layout: one entry a paragraph (text) or a <p> each (HTML); one entry a line
// inside one paragraph of a blank-line-separated copy (text); entries in one <p> with <br>s
// (HTML); a two-column table without or with a heading row (HTML); flattened column by column:
// the abbreviations, maybe a dash each, the names (text).
enum class GlossaryLayout { paragraphs, lines, br, table, table_heading, columns };
// How the activity numbers are printed: "1", "1.", "1)", or any of these row by row; or within
// numbered sections, "2.1", "2.2." under "2. Title" (each activity numbered from 1 in its
// section; the plan then has Arabic sections and no activity outside them); or in Roman
// numerals, "I.", "II", "III)" (sections then never Roman, numbering from 1).
enum class Numbering { plain, dot, paren, mixed, grouped, roman, sign };  // sign: "№1", "№ 1"
// The forms the plan's deadlines are drawn from: those the parser read before issue 13; the
// numeric ones ("15.06.2025", "до 13.12.2025", "01.07.2025 – 31.12.2025"); years abbreviated,
// with trailing punctuation or "в течение" ("2025 год,", "2025–2026 гг.", "2025 ж.",
// "2025 жылдың бірінші жартыжылдығы"); recurrence phrases ("тоқсанына 1 рет", "ежеквартально,
// до 10 числа месяца, следующего за отчетным").
// A date with a recurrence going on from it ("IV квартал 2026 года, далее ежегодно", "December
// 2026, thereafter annually", "2026 жылы, әрі қарай жыл сайын"): the dates the date's, the
// recurrence the phrase's (docs/deadlines.md).
enum class DeadlineForm { classic, numeric, years, recurrence, then_recurrence };
// The entries the plan's agency cells hold besides abbreviations, groups and written-out names:
// none; a legal form with a name, before or after, quoted or not ("АО «...»", "«...» АҚ",
// "ТОО Степной Водоканал", "АО «Холдинг «...»»"); the same with a comma, slash or "and" inside
// the quotes; two entries joined by a slash ("МФН / МЭТ").
// Or abbreviations with words after them (docs/genre.md 1.8): a bracketed note ("МНЭ (по
// согласованию с МФ)", no marker), words naming no body of their own ("МИО областей"), the
// marker's words without brackets ("МНЭ по согласованию", marked); or two written-out names,
// each with its head noun, joined by the conjunction ("отдел торговли и отдел туризма").
enum class AgencyForm { classic, legal_form, quoted_separators, slash, noted, words_after, bare_marker, joined_names, named_with_abbr };
// named_with_abbr: "Ministry of Energy (MEN)", the name written out with its abbreviation.
// The table's header (with the column-number row under it, if the table has one) or the column
// numbers alone printed again between two rows of one section, as a copy across a page break
// repeats them: the parser skips them with a repeated-header info (text copies and pages).
enum class RepeatedHeader { off, header, numbers };
// A page's table broken into two tables between two rows of one section, the second with the
// header again or without it (pages only).
enum class TableSplit { off, split, split_header };
// What a drawn table (Format::drawn) is drawn with: box-drawing characters ("┌─┬─┐", "│",
// "├─┼─┤"), the same in a double frame ("╔═╤═╗", "║ │ ║", "╟─┼─╢"), ASCII ("+---+", "|"), or
// ASCII bars alone, without any rule.
enum class Border { box, framed, ascii, bars };

struct Axes {
  std::string language = "en";  // "en", "ru", "kk"
  // The header as printed, per role; an empty number header is a number column without one.
  std::string number_header, name_header = "Name", outcome_header = "Outcome", deadline_header = "Deadline",
                             agency_header = "Agencies in charge";
  std::string unknown_header;  // a header cell no role names ("Индикатор"); empty for none
  HeaderWrap header_wrap = HeaderWrap::none;
  ColumnOrder column_order = ColumnOrder::name_second;
  ColumnNumbers column_numbers = ColumnNumbers::off;
  std::string glossary_heading = "Abbreviations:";  // empty: the glossary follows the table with no heading
  GlossaryLayout glossary_layout = GlossaryLayout::paragraphs;
  std::string glossary_separator = " – ";  // between an entry's abbreviation and name: " – ", " - ", " — ", ": "
  std::string glossary_ending;             // after each entry's name but the last: "", ";", "." (the last takes ".")
  Numbering numbering = Numbering::plain;
  int first_number = 1;  // 1, or 10001 and more: a plan continuing a long register
  bool tabs = false;     // text: a Word copy, "I.\tTitle" section numerals and "-\tItem" bullets
  bool line_per_paragraph = false;  // text: a paragraph per line and no blank lines at all
  // text: copied from a PDF or a <pre> page, the header and each row on one line with single
  // spaces between their cells (run_on_rows.h). Only what such a line can tell apart: the
  // columns number, name, deadline, agencies in this order (no outcome column: each deadline an
  // outcome with empty text), the number header printed, every cell one paragraph, deadlines
  // in forms read whole (no recurrence with prose after it); draw_axes and one_axis see to it.
  bool run_on = false;
  DeadlineForm deadlines = DeadlineForm::classic;
  AgencyForm agencies = AgencyForm::classic;
  // A drawn table's drawing (Format::drawn only): its border characters; rules between its rows
  // (else none inside the table at all, under the header neither: text_grid.h then knows a row
  // by its number in the first column, so the number column stands first); long words broken
  // at the column's edge with a hyphen between two lower-case letters.
  Border border = Border::box;
  bool row_rules = true;
  bool hyphens = false;
  // text: the glossary (its heading, entries a paragraph or a line each) after the intro,
  // before the table.
  bool glossary_first = false;
  RepeatedHeader repeated_header = RepeatedHeader::off;
  TableSplit table_split = TableSplit::off;
  // Pages: a deadline or agencies cell shared by 2-3 consecutive one-part activities of a
  // section, merged down over their rows (rowspan); each activity reads it as its own.
  bool merged_cells = false;
  // Some deadlines wrapped before their year ("IV квартал" / "2026 года", "2026 жылғы" /
  // "желтоқсан"): two lines of a line-a-paragraph copy, or a <br> in a page's cell; the
  // deadline's text keeps the break as "\n".
  bool wrapped_deadlines = false;
  // The title set over two lines, its word for the document a line of its own: "ПЛАН" /
  // "мероприятий по …" (ru), "ACTION PLAN" / "for …" (en), "… іс-шаралар" / "ЖОСПАРЫ" (kk). The
  // truth is the lines joined with a space (title_lines).
  bool title_lines = false;
  // Portal pages: the "other" columns are sub-columns under one header cell spanning them, over a
  // row of sub-headers ("Объем финансирования" over "всего" / "1-й год"), the other header cells
  // spanning both rows. The spanning cell's text; empty for none. The truth heads each column
  // "parent: sub", as the parser reads it.
  std::string two_level_parent;
  // Text copies: a note after the last row, before the glossary ("Примечание: мероприятия
  // финансируются за счет средств местного бюджета."): no field of the plan, an
  // unclaimed-paragraph warning in its diagnostics. Empty for none.
  std::string note;
};

// The lines the plan's title is printed on: one, or two under Axes::title_lines.
std::vector<std::string> title_lines(const Plan& plan, const Axes& axes);

// One value of every axis, at random, for a plan rendered in `format`.
Axes draw_axes(std::mt19937_64& rng, Format format);

// The forms the parser read before issue 13, in `language`: the first wording of each list, the
// name column second, no column-number row, a headed glossary one entry a paragraph, "1", "2"
// from 1, no tabs, the deadline and agency forms of the old generator.
Axes baseline_axes(const std::string& language);
// The names of the catalogue's axes that one_axis can vary ("header.deadline", "tabs", ...), as
// axis_values names them.
const std::vector<std::string>& catalogue_axes();
// The baseline of `drawn`'s language with one axis of `drawn` copied in: a plan that differs
// from what the parser read before issue 13 in that axis alone, so that a failure is that axis'.
Axes one_axis(const Axes& drawn, const std::string& axis);

struct Options {
  Axes axes;
  int max_activities = 300;  // drawn 1..max, small plans far more often than large ones
  int max_sections = 12;     // drawn 0..max; 0 leaves every activity's section null
  // Constructs only a table grid (HTML) states unambiguously: a flattened copy cannot tell
  // which outcome lacks its deadline, which cell an empty costs column had, or whether
  // "2. Title" is a heading or a name. The test turns them on for HTML renderings.
  bool missing_deadlines = false;  // the last part of a multi-part row without a deadline
  bool extra_columns = false;      // "Expected costs" / "Funding source" columns kept in `extra`
  bool bare_sections = false;      // sections "1. Title" and "A. Title" as full-width rows
  bool grid = false;               // an "other" column's cell may be empty or hold two paragraphs
  // Every cell one paragraph: one name paragraph and no bullets, one outcome and deadline, an
  // "other" cell of one paragraph or none. A table drawn in text joins a cell's lines into one
  // paragraph (text_grid.h): it cannot show where a cell's paragraphs, or a row's parts, part.
  bool one_paragraph_cells = false;
};

// A random plan with every field as planparse should emit it (lines 0, source empty), in the
// axes' language, header wordings, column order, numbering, deadline and agency forms.
Plan draw_plan(std::mt19937_64& rng, const Options& options = {});

struct Rendering {
  Format format = Format::text;
  Encoding encoding = Encoding::utf8;
  std::uint64_t style = 0;  // picks among equivalent details (spacer paragraphs, bullets, line ends, Word's runs)
  // Layouts the parser reads wrongly today (see the report in tests/test_generated.cpp); off
  // by default, on to reproduce.
  bool conjunction_chains = false;  // "MIA and MJ and MF", "MIA and MJ and other bodies" in one agency cell
  // A barred export's first table cell wrapped like any other (blocks.h promises a cell runs from
  // line to line until its bar): its lines before the first bar are read as text above the table.
  bool barred_first_cell_wrapped = false;
  Axes axes;                        // the axes the plan was drawn with (the layout's are read here)
};

// "text/utf-8 style 12345; language=ru; header.deadline=ru \"Срок\"; ..." for messages: every axis value.
std::string describe(const Rendering& rendering);
// Every axis of a rendering and its value, as (axis, value) pairs in a fixed order, for a
// report of failures per axis value. The plan says which values took effect (a wrapped header
// needs a header of two words; a number header may be unprinted).
std::vector<std::pair<std::string, std::string>> axis_values(const Plan& plan, const Rendering& rendering);
const char* extension(Format format);  // "txt", "html", "htm"; "txt" for drawn and barred

// The plan as plain text copied from a portal: one paragraph per cell paragraph, a blank line
// between paragraphs (or none, a paragraph per line), NBSP-only paragraphs sprinkled as the
// portal leaves them; the header, column-number row, glossary and tabs as the axes say.
std::string render_text(const Plan& plan, const Rendering& rendering = {});
// The plan as a portal page: <h1> title, <p> intro, <table> with <thead>, section rows as one
// <td colspan=N>, cells with <p>s; the glossary as the axes lay it out (<p>s, one <p> with
// <br>s, a two-column table with or without a heading row). <meta charset> names the
// rendering's charset.
std::string render_portal_html(const Plan& plan, const Rendering& rendering = {});
// The plan as Word's "Save as Web Page": MsoNormal paragraphs, <o:p>, runs split in spans, a
// multi-part row as several <tr> with rowspan on the number and agencies cells; the charset
// declared in <meta http-equiv=Content-Type>.
std::string render_word_html(const Plan& plan, const Rendering& rendering = {});

// The plan's table drawn in text (Format::drawn): title and intro as paragraphs, the table with
// the axes' border, rules and hyphenation, each column of a fixed width its cells' text wraps
// in (at spaces, long words sometimes at a hyphen), the header over 1-3 lines, a section heading
// a line with only the outer borders, the number on a row's first line; the glossary after it
// as "ABBR – name" paragraphs. The drawing characters have no byte in the legacy charsets: a box
// drawing is for UTF-8 and UTF-16 only.
std::string render_drawn_text(const Plan& plan, const Rendering& rendering = {});
// The plan as a legal-database export (Format::barred): a line per paragraph, no blank line;
// title and intro lines, then every table cell paragraph on lines of its own, wrapped over up to
// three lines, the last ending with " |" (a column-number row maybe as "1 | 2 | 3 |"), a section
// heading one such cell; the glossary after the table as "ABBR - name" lines.
std::string render_barred_text(const Plan& plan, const Rendering& rendering = {});

// The charset a rendering's encoding means for a plan's language ("UTF-8", "windows-1251", ...).
std::string charset_name(const Plan& plan, Encoding encoding);
// UTF-8 text in `charset` (an ICU converter name), with a BOM for UTF-16; nullopt when a
// character has no byte form there.
std::optional<std::string> encode(std::string_view utf8, std::string_view charset);

// Render and encode in one step; nullopt when the text is not representable in the charset.
std::optional<std::string> render(const Plan& plan, const Rendering& rendering);

}  // namespace planparse::gen
