// Renderers and encodings of generated plans. See generator.h.
#include <algorithm>
#include <memory>
#include <random>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "tools/generator/generator.h"
#include "tools/generator/render_parts.h"
#include "tools/generator/words.h"

namespace planparse::gen {

namespace parts {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

namespace {

// An agency cell as published: entries joined with commas; a group led by the conjunction
// ("and other ... bodies") follows its neighbour after a space or a comma; two plain
// abbreviations are sometimes joined by the conjunction itself ("MIA and MJ"), which the
// parser splits back into two entries with the same texts. In a slash plan the first two
// entries (plain abbreviations, see draw.cpp) are joined by a slash: "MIA / MJ".
std::string agency_cell(const std::vector<Agency>& agencies, const words::Language& lang, Rng& rng, const Rendering& rendering) {
  const bool chains = rendering.conjunction_chains;
  // An abbreviation with words after it (AgencyForm::noted, words_after, bare_marker) is joined
  // by commas only.
  const AgencyForm form = rendering.axes.agencies;
  const bool words_after = form == AgencyForm::noted || form == AgencyForm::words_after || form == AgencyForm::bare_marker ||
                           form == AgencyForm::named_with_abbr;
  const auto plain = [&](const Agency& a) {
    return a.kind == AgencyKind::agency && a.abbr && a.text.find("“") == std::string::npos && a.text.find("«") == std::string::npos &&
           (a.text == *a.abbr || !words_after);
  };
  // AgencyForm::joined_names: two written-out names with their head nouns (draw.cpp) joined.
  const auto head_name = [&](const Agency& a) {
    return rendering.axes.agencies == AgencyForm::joined_names && !a.abbr && a.name && a.text == *a.name &&
           std::find(lang.head_names.begin(), lang.head_names.end(), a.text) != lang.head_names.end();
  };
  static const std::vector<std::string> slashes = {" / ", "/", " / ", "/ ", " /"};
  std::string cell;
  bool piece_joined = false;  // the comma-separated piece being written holds a conjunction
  for (size_t k = 0; k < agencies.size(); ++k) {
    const Agency& agency = agencies[k];
    if (k == 1 && rendering.axes.agencies == AgencyForm::slash) {
      cell += pick(rng, slashes);
    } else if (k > 0 && head_name(agency) && head_name(agencies[k - 1]) && !piece_joined) {
      cell += " " + lang.conjunction + " ";
      piece_joined = true;
    } else if (k > 0) {
      const bool joined_group = agency.text.starts_with(lang.conjunction + " ");
      const bool may_join = chains || !piece_joined;
      if (joined_group && may_join && chance(rng, 0.7)) {
        cell += " ";
        piece_joined = true;
      } else if (!joined_group && may_join && plain(agency) && plain(agencies[k - 1]) && chance(rng, chains ? 0.3 : 0.1)) {
        cell += " " + (chance(rng, 0.3) ? pick(rng, lang.joining_words) : lang.conjunction) + " ";
        piece_joined = true;
      } else {
        cell += ", ";
        piece_joined = joined_group;
      }
    }
    cell += agency.text;
  }
  return cell;
}

// `sign`: the number sign of the plan's language ("№"; "#" in English, whose legacy charset lacks "№").
// `glued`: "№1" only, for a column drawn in text, whose narrow cell would wrap "№ 1".
std::string row_number(const Activity& activity, Numbering numbering, const std::string& sign, bool glued, Rng& rng) {
  static const std::vector<std::string> stops = {"", ".", ")"};
  const int number = activity.number;
  switch (numbering) {
    case Numbering::grouped:
      return activity.label.value_or(activity.section.value_or("") + "." + std::to_string(number)) + pick(rng, stops);
    case Numbering::roman: return words::roman(number) + pick(rng, stops);
    case Numbering::plain: return std::to_string(number);
    case Numbering::dot: return std::to_string(number) + ".";
    case Numbering::paren: return std::to_string(number) + ")";
    case Numbering::mixed: return std::to_string(number) + pick(rng, stops);
    case Numbering::sign: return (glued || chance(rng, 0.5) ? sign : sign + " ") + std::to_string(number);
  }
  return std::to_string(number);
}

}  // namespace

std::vector<std::vector<std::string>> activity_cells(const Plan& plan, const Activity& activity, Rng& rng,
                                                     const Rendering& rendering) {
  const words::Language& lang = language_of(plan);
  std::vector<std::vector<std::string>> cells;
  // A Word copy keeps the tab Word puts after a list bullet.
  const std::string bullet = std::string(chance(rng, 0.8) ? "-" : "•") + (rendering.axes.tabs ? "\t" : " ");
  for (const Column& column : plan.columns) {
    std::vector<std::string> cell;
    if (column.role == ColumnRole::number) {
      cell.push_back(row_number(activity, rendering.axes.numbering, lang.number_sign, rendering.format == Format::drawn, rng));
    } else if (column.role == ColumnRole::name) {
      cell = split_lines(activity.name);
      for (const std::string& item : activity.items) cell.push_back(bullet + item);
    } else if (column.role == ColumnRole::outcome) {
      for (const Outcome& outcome : activity.outcomes) cell.push_back(outcome.text);
    } else if (column.role == ColumnRole::deadline) {
      for (const Outcome& outcome : activity.outcomes) {
        if (outcome.deadline) cell.push_back(outcome.deadline->text);
      }
    } else if (column.role == ColumnRole::agencies) {
      cell.push_back(agency_cell(activity.agencies, lang, rng, rendering));
    } else if (column.role == ColumnRole::other) {
      for (const auto& [header, text] : activity.extra) {
        if (header == column.header && !text.empty()) cell = split_lines(text);
      }
    }
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string section_heading(const Plan& plan, const Section& section, bool bare, bool cyrillic_numeral, bool tab, Rng* rng) {
  const words::Language& lang = language_of(plan);
  const bool arabic = !section.number.empty() && section.number[0] >= '0' && section.number[0] <= '9';
  std::string number = section.number;
  // Russian and Kazakh typists write Roman numerals with the Cyrillic І and Х; they read as Latin.
  if (cyrillic_numeral && plan.language != "en" && !arabic && number.find_first_not_of("IVX") == std::string::npos) {
    std::string cyrillic;
    for (char c : number) cyrillic += c == 'I' ? "\u0406" : c == 'X' ? "\u0425" : std::string(1, c);
    number = cyrillic;
  }
  const std::string stop = tab && !(arabic && !bare) ? ".\t" : ". ";
  if (arabic && !bare && !tab && rng != nullptr && !lang.ordinal_headings.empty() && chance(*rng, 0.3)) {
    const int value = std::stoi(number);
    std::vector<std::string> forms;
    for (const std::string& form : lang.ordinal_headings) {
      if (form.find("{w}") == std::string::npos || value <= static_cast<int>(lang.ordinal_words.size())) forms.push_back(form);
    }
    return words::ordinal_heading(lang, value, pick(*rng, forms), section.title);
  }
  if (arabic && !bare) {
    if (!lang.section_suffix.empty()) return number + "-" + lang.section_suffix + stop + section.title;
    return lang.section_prefix + " " + number + stop + section.title;
  }
  return number + stop + section.title;
}

std::vector<std::string> glossary_entries(const Plan& plan, const Axes& axes) {
  std::vector<std::string> entries;
  for (size_t k = 0; k < plan.abbreviations.size(); ++k) {
    const Abbreviation& entry = plan.abbreviations[k];
    const bool last = k + 1 == plan.abbreviations.size();
    entries.push_back(entry.abbr + axes.glossary_separator + entry.name +
                      (axes.glossary_ending.empty() ? "" : last ? "." : axes.glossary_ending));
  }
  return entries;
}

std::vector<std::string> published_paragraphs(const Plan& plan, Rng& rng) {
  if (!plan.published) return {};
  const words::Language& lang = language_of(plan);
  if (chance(rng, 0.5)) return {pick(rng, lang.published_words), words::day_words(lang, *plan.published)};
  return {pick(rng, lang.published_words) + ": " + words::day_words(lang, *plan.published)};
}

}  // namespace parts

namespace {

using parts::chance;
using parts::glossary_entries;
using parts::language_of;
using parts::pick;
using parts::Rng;
using parts::section_heading;
using parts::split_lines;
using parts::activity_cells;
using parts::walk_table;

// A header cell of two or more words wrapped over two lines, at the space nearest its middle;
// nullopt for one word.
std::optional<std::pair<std::string, std::string>> wrapped(const std::string& header) {
  size_t best = std::string::npos;
  for (size_t at = header.find(' '); at != std::string::npos; at = header.find(' ', at + 1)) {
    const auto distance = [&](size_t k) { return k > header.size() / 2 ? k - header.size() / 2 : header.size() / 2 - k; };
    if (best == std::string::npos || distance(at) < distance(best)) best = at;
  }
  if (best == std::string::npos) return std::nullopt;
  return std::make_pair(header.substr(0, best), header.substr(best + 1));
}

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// Word splits a paragraph's text over runs at arbitrary places, words included: split at a
// character boundary (never inside a UTF-8 sequence) into two spans.
std::string word_runs(std::string_view text, Rng& rng, const std::string& lang_attr) {
  if (text.size() < 4 || !chance(rng, 0.3)) return "<span lang=" + lang_attr + ">" + escape(text) + "</span>";
  size_t cut = std::uniform_int_distribution<size_t>(1, text.size() - 1)(rng);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  return "<span lang=" + lang_attr + ">" + escape(text.substr(0, cut)) + "</span><span lang=" + lang_attr +
         " style='mso-bidi-font-size:11.0pt'>" + escape(text.substr(cut)) + "</span>";
}

// The charset a page declares; a UTF-16 page's BOM says more than its declaration.
std::string meta_charset(const Plan& plan, Encoding encoding) {
  return encoding == Encoding::utf16le ? "utf-16" : encoding == Encoding::utf8 ? "utf-8" : charset_name(plan, encoding);
}

const char* name_of(HeaderWrap value) {
  switch (value) {
    case HeaderWrap::none: return "none";
    case HeaderWrap::line: return "line";
    case HeaderWrap::br: return "br";
    case HeaderWrap::paragraphs: return "paragraphs";
  }
  return "?";
}
const char* name_of(ColumnOrder value) {
  switch (value) {
    case ColumnOrder::standard: return "standard";
    case ColumnOrder::name_second: return "name-second";
    case ColumnOrder::shuffled: return "shuffled";
    case ColumnOrder::number_inside: return "number-inside";
  }
  return "?";
}
const char* name_of(ColumnNumbers value) {
  switch (value) {
    case ColumnNumbers::off: return "off";
    case ColumnNumbers::cells: return "cells";
    case ColumnNumbers::line: return "line";
  }
  return "?";
}
const char* name_of(GlossaryLayout value) {
  switch (value) {
    case GlossaryLayout::paragraphs: return "paragraphs";
    case GlossaryLayout::lines: return "lines";
    case GlossaryLayout::br: return "br";
    case GlossaryLayout::table: return "table";
    case GlossaryLayout::table_heading: return "table-heading";
    case GlossaryLayout::columns: return "columns";
  }
  return "?";
}
const char* name_of(Numbering value) {
  switch (value) {
    case Numbering::plain: return "1";
    case Numbering::dot: return "1.";
    case Numbering::paren: return "1)";
    case Numbering::mixed: return "mixed";
    case Numbering::grouped: return "1.1";
    case Numbering::roman: return "I.";
    case Numbering::sign: return "\u21161";
  }
  return "?";
}
const char* name_of(DeadlineForm value) {
  switch (value) {
    case DeadlineForm::classic: return "classic";
    case DeadlineForm::numeric: return "numeric";
    case DeadlineForm::years: return "years";
    case DeadlineForm::recurrence: return "recurrence";
    case DeadlineForm::then_recurrence: return "date-then-recurrence";
  }
  return "?";
}
const char* name_of(AgencyForm value) {
  switch (value) {
    case AgencyForm::classic: return "classic";
    case AgencyForm::legal_form: return "legal-form";
    case AgencyForm::quoted_separators: return "quoted-separators";
    case AgencyForm::slash: return "slash";
    case AgencyForm::noted: return "abbreviation-note";
    case AgencyForm::words_after: return "abbreviation-words";
    case AgencyForm::bare_marker: return "bare-marker";
    case AgencyForm::joined_names: return "joined-names";
    case AgencyForm::named_with_abbr: return "named-with-abbreviation";
  }
  return "?";
}
const char* name_of(RepeatedHeader value) {
  switch (value) {
    case RepeatedHeader::off: return "off";
    case RepeatedHeader::header: return "header";
    case RepeatedHeader::numbers: return "numbers";
  }
  return "?";
}
const char* name_of(TableSplit value) {
  switch (value) {
    case TableSplit::off: return "off";
    case TableSplit::split: return "split";
    case TableSplit::split_header: return "split-header";
  }
  return "?";
}
const char* name_of(Format value) {
  switch (value) {
    case Format::text: return "text";
    case Format::portal_html: return "portal-html";
    case Format::word_html: return "word-html";
    case Format::drawn: return "drawn";
    case Format::barred: return "barred";
  }
  return "?";
}
// How a drawn table is drawn: its border characters, and "rules" where it draws rules between rows.
std::string drawing_of(const Axes& axes) {
  const char* border = axes.border == Border::box      ? "box"
                       : axes.border == Border::framed ? "framed"
                       : axes.border == Border::ascii  ? "ascii"
                                                       : "bars";
  return std::string(border) + (axes.row_rules ? ", row rules" : "");
}
const char* name_of(Encoding value) {
  switch (value) {
    case Encoding::utf8: return "utf-8";
    case Encoding::legacy: return "legacy";
    case Encoding::utf16le: return "utf-16le";
  }
  return "?";
}

std::string quoted_or_none(const std::string& text) { return text.empty() ? "(none)" : "\"" + text + "\""; }

}  // namespace

namespace {
// Where a page break falls when `on`: the index of an activity that follows another of its own
// section (draw.cpp gives the plan its repeated-header info only where there is one), at
// random; npos for none.
size_t page_break(const Plan& plan, bool on, Rng& rng, size_t taken = std::string::npos) {
  if (!on) return std::string::npos;
  std::vector<size_t> places;
  for (size_t a = 1; a < plan.activities.size(); ++a) {
    if (plan.activities[a].section == plan.activities[a - 1].section && a != taken) places.push_back(a);
  }
  return places.empty() ? std::string::npos : pick(rng, places);
}

// Axes::merged_cells: how many rows from activity `a` on a cell of column `c` spans: the
// activities after it of its section, one part each like it, with an equal deadline or agencies
// cell and no page break before them (`breaks`); 1 for none.
size_t merged_rows(const Plan& plan, size_t a, size_t c, const std::vector<size_t>& breaks, bool on) {
  const ColumnRole role = plan.columns[c].role;
  const std::vector<Activity>& rows = plan.activities;
  if (!on || (role != ColumnRole::deadline && role != ColumnRole::agencies) || rows[a].outcomes.size() != 1) return 1;
  const auto same_agencies = [](const std::vector<Agency>& x, const std::vector<Agency>& y) {
    if (x.size() != y.size()) return false;
    for (size_t k = 0; k < x.size(); ++k) {
      if (x[k].text != y[k].text || x[k].kind != y[k].kind || x[k].abbr != y[k].abbr || x[k].name != y[k].name) return false;
    }
    return true;
  };
  size_t b = a + 1;
  for (; b < rows.size() && rows[b].section == rows[a].section && rows[b].outcomes.size() == 1 &&
         std::find(breaks.begin(), breaks.end(), b) == breaks.end();
       ++b) {
    const std::optional<Deadline>& x = rows[a].outcomes[0].deadline;
    const std::optional<Deadline>& y = rows[b].outcomes[0].deadline;
    const bool same = role == ColumnRole::deadline ? x && y && x->text == y->text && x->from == y->from && x->to == y->to && x->recurrence == y->recurrence
                                         : same_agencies(rows[a].agencies, rows[b].agencies);
    if (!same) break;
  }
  return b - a;
}

// A page cell's paragraph: its lines (a wrapped deadline) broken by <br>.
std::string html_lines(const std::string& text) {
  std::string out;
  for (const std::string& line : split_lines(text)) out += (out.empty() ? "" : "<br>") + escape(line);
  return out;
}
}  // namespace

const char* extension(Format format) {
  switch (format) {
    case Format::text: return "txt";
    case Format::portal_html: return "html";
    case Format::word_html: return "htm";
    case Format::drawn:
    case Format::barred: return "txt";
  }
  return "txt";
}

std::vector<std::pair<std::string, std::string>> axis_values(const Plan& plan, const Rendering& rendering) {
  const Axes& axes = rendering.axes;
  std::vector<std::pair<std::string, std::string>> values;
  const auto add = [&](std::string axis, std::string value) { values.emplace_back(std::move(axis), std::move(value)); };
  add("format", name_of(rendering.format));
  add("encoding", name_of(rendering.encoding));
  add("language", axes.language);
  add("header.number", axes.language + " " + quoted_or_none(axes.number_header));
  add("header.name", axes.language + " " + quoted_or_none(axes.name_header));
  add("header.outcome", axes.language + " " + quoted_or_none(axes.outcome_header));
  add("header.deadline", axes.language + " " + quoted_or_none(axes.deadline_header));
  add("header.agencies", axes.language + " " + quoted_or_none(axes.agency_header));
  add("header.unknown", axes.unknown_header.empty() ? "(none)" : axes.language + " " + quoted_or_none(axes.unknown_header));
  // A wrap takes effect only where a header cell has two words.
  const bool wrappable = std::any_of(plan.columns.begin(), plan.columns.end(),
                                     [](const Column& c) { return c.header && wrapped(*c.header).has_value(); });
  add("header.wrap", wrappable ? name_of(axes.header_wrap) : "none");
  add("columns.order", name_of(axes.column_order));
  add("columns.numbers-row", name_of(axes.column_numbers));
  add("glossary.heading", axes.glossary_heading.empty() ? "(none)" : axes.language + " " + quoted_or_none(axes.glossary_heading));
  add("glossary.layout", name_of(axes.glossary_layout));
  const bool entry_lines = axes.glossary_layout == GlossaryLayout::paragraphs || axes.glossary_layout == GlossaryLayout::lines ||
                           axes.glossary_layout == GlossaryLayout::br;
  add("glossary.separator", entry_lines ? quoted_or_none(axes.glossary_separator) : "(cells)");
  add("glossary.ending", entry_lines ? quoted_or_none(axes.glossary_ending) : "(cells)");
  add("numbering.style", name_of(axes.numbering));
  add("numbering.first", std::to_string(axes.first_number));
  add("tabs", axes.tabs ? "on" : "off");
  const bool drawn = rendering.format == Format::drawn;
  switch (rendering.format) {
    case Format::text:
      add("text.layout", axes.run_on ? "run-on-rows" : axes.line_per_paragraph ? "line-per-paragraph" : "blank-lines");
      break;
    case Format::drawn: add("text.layout", "drawn"); break;
    case Format::barred: add("text.layout", "barred"); break;
    default: add("text.layout", "(html)");
  }
  add("text.drawing", drawn ? drawing_of(axes) : "(none)");
  add("text.hyphens", drawn ? (axes.hyphens ? "on" : "off") : "(none)");
  add("deadlines", axes.language + " " + name_of(axes.deadlines));
  add("agencies", axes.language + " " + name_of(axes.agencies));
  add("glossary.place", axes.glossary_first ? "before-table" : "after-table");
  // The page breaks and merges take effect only where two activities of a section follow each other.
  size_t inner = 0;
  for (size_t a = 1; a < plan.activities.size(); ++a) inner += plan.activities[a].section == plan.activities[a - 1].section;
  const bool repeated = axes.repeated_header != RepeatedHeader::off && inner > 0;
  add("table.repeated-header", repeated || plan.activities.empty() ? name_of(axes.repeated_header) : "off");
  add("table.split", inner > (repeated ? 1u : 0u) || plan.activities.empty() ? name_of(axes.table_split) : "off");
  // "on" where the plan has a merge or a wrap to show, "drawn, none" where it has none.
  bool merged = false;
  bool wrapped_deadline = false;
  for (size_t a = 0; a < plan.activities.size(); ++a) {
    for (const Outcome& outcome : plan.activities[a].outcomes) {
      wrapped_deadline = wrapped_deadline || (outcome.deadline && outcome.deadline->text.find('\n') != std::string::npos);
    }
    for (size_t c = 0; c < plan.columns.size() && !merged; ++c) merged = merged_rows(plan, a, c, {}, axes.merged_cells) > 1;
  }
  const bool none = plan.activities.empty();
  add("cells.merged-down", !axes.merged_cells ? "off" : merged || none ? "on" : "drawn, none");
  add("deadlines.wrapped", !axes.wrapped_deadlines ? "off" : wrapped_deadline || none ? "on" : "drawn, none");
  add("conjunction-chains", rendering.conjunction_chains ? "on" : "off");
  add("title.lines", axes.title_lines ? "on" : "off");
  const bool two_level = std::any_of(plan.columns.begin(), plan.columns.end(), [&](const Column& column) {
    return column.header && !axes.two_level_parent.empty() && column.header->starts_with(axes.two_level_parent + ": ");
  });
  add("header.two-level", axes.two_level_parent.empty() ? "off" : two_level || plan.activities.empty() ? "on" : "drawn, none");
  add("table.note", axes.note.empty() ? "off" : "on");
  add("barred.first-cell-wrapped", rendering.format != Format::barred ? "(none)" : rendering.barred_first_cell_wrapped ? "on" : "off");
  return values;
}

std::string describe(const Rendering& rendering) {
  std::string out = std::string(name_of(rendering.format)) + "/" + name_of(rendering.encoding) + " style " +
                    std::to_string(rendering.style);
  Plan empty;
  for (const auto& [axis, value] : axis_values(empty, rendering)) {
    if (axis == "format" || axis == "encoding" || axis == "header.wrap") continue;
    out += "; " + axis + "=" + value;
  }
  return out + "; header.wrap=" + name_of(rendering.axes.header_wrap);
}

std::string render_text(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const Axes& axes = rendering.axes;
  std::vector<std::string> paragraphs;
  // Some copies come with a paragraph per line and no blank lines at all.
  const bool line_per_paragraph = axes.line_per_paragraph;
  // The portal leaves paragraphs holding one no-break space between and inside cells.
  const auto spacer = [&] {
    if (!line_per_paragraph && chance(rng, 0.1)) paragraphs.push_back("\u00a0");
  };
  for (const std::string& line : title_lines(plan, axes)) paragraphs.push_back(line);
  for (const std::string& p : plan.intro) {
    spacer();
    paragraphs.push_back(p);
  }
  spacer();
  const auto glossary = [&] {
    if (!axes.glossary_heading.empty()) paragraphs.push_back(axes.glossary_heading);
    if (axes.glossary_layout == GlossaryLayout::columns) {
      // A glossary table flattened column by column: the abbreviations, the dashes, the names.
      const bool with_dashes = chance(rng, 0.5);
      for (const Abbreviation& entry : plan.abbreviations) paragraphs.push_back(entry.abbr);
      for (size_t k = 0; with_dashes && k < plan.abbreviations.size(); ++k) paragraphs.push_back("–");
      for (const Abbreviation& entry : plan.abbreviations) paragraphs.push_back(entry.name);
    } else if (axes.glossary_layout == GlossaryLayout::lines) {
      // The portal copy's glossary: one entry a line, no blank line between them.
      std::string block;
      for (const std::string& entry : glossary_entries(plan, axes)) block += (block.empty() ? "" : "\n") + entry;
      if (!block.empty()) paragraphs.push_back(block);
    } else {
      for (const std::string& entry : glossary_entries(plan, axes)) {
        paragraphs.push_back(entry);
        spacer();
      }
    }
  };
  // Axes::glossary_first: the glossary after the intro, before the table.
  if (axes.glossary_first) {
    glossary();
    spacer();
  }
  // Axes::run_on: the header and each row on one line, single spaces between the cells.
  const auto numbers_row = [&] {
    if (axes.column_numbers == ColumnNumbers::cells) {
      for (size_t c = 1; c <= plan.columns.size(); ++c) paragraphs.push_back(std::to_string(c));
    } else if (axes.column_numbers == ColumnNumbers::line) {
      std::string line;
      for (size_t c = 1; c <= plan.columns.size(); ++c) line += (c > 1 ? " " : "") + std::to_string(c);
      paragraphs.push_back(line);
    }
  };
  const auto header = [&] {
    std::string header_line;
    for (const Column& column : plan.columns) {
      if (!column.header) continue;
      if (axes.run_on) {
        header_line += (header_line.empty() ? "" : " ") + *column.header;
        continue;
      }
      const auto lines = axes.header_wrap == HeaderWrap::line ? wrapped(*column.header) : std::nullopt;
      paragraphs.push_back(lines ? lines->first + "\n" + lines->second : *column.header);
    }
    if (axes.run_on) paragraphs.push_back(header_line);
    numbers_row();
  };
  header();
  // Axes::repeated_header: before one activity that follows another of its section.
  const size_t repeat_before = page_break(plan, axes.repeated_header != RepeatedHeader::off, rng);
  walk_table(
      plan,
      [&](const Section& section) {
        spacer();
        paragraphs.push_back(section_heading(plan, section, false, chance(rng, 0.3), axes.tabs, &rng));
      },
      [&](const Activity& activity) {
        if (static_cast<size_t>(&activity - plan.activities.data()) == repeat_before) {
          if (axes.repeated_header == RepeatedHeader::header) header();
          if (axes.repeated_header == RepeatedHeader::numbers) numbers_row();
        }
        spacer();
        if (axes.run_on) {
          std::string line;
          for (const std::vector<std::string>& cell : activity_cells(plan, activity, rng, rendering)) {
            for (const std::string& p : cell) line += (line.empty() ? "" : " ") + p;
          }
          paragraphs.push_back(line);
          return;
        }
        for (const std::vector<std::string>& cell : activity_cells(plan, activity, rng, rendering)) {
          for (const std::string& p : cell) {
            paragraphs.push_back(p);
            spacer();
          }
        }
      });
  spacer();
  if (!axes.note.empty()) {
    paragraphs.push_back(axes.note);
    spacer();
  }
  if (!axes.glossary_first) glossary();
  for (std::string& p : parts::published_paragraphs(plan, rng)) paragraphs.push_back(std::move(p));
  const std::string eol = chance(rng, 0.3) ? "\r\n" : "\n";
  std::string out;
  for (const std::string& p : paragraphs) {
    for (const std::string& line : split_lines(p)) out += line + eol;
    if (!line_per_paragraph) out += eol;
  }
  return out;
}

std::string render_portal_html(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const Axes& axes = rendering.axes;
  const std::string charset = meta_charset(plan, rendering.encoding);
  const words::Language& lang = language_of(plan);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + plan.language + "\">\n<head>\n<meta charset=\"" + charset +
                    "\">\n<title>" + escape(plan.title.value_or("")) + "</title>\n</head>\n<body>\n";
  out += "<header><nav><a href=\"/\">Home</a></nav></header>\n<article>\n";
  if (plan.title) {
    std::string title;
    for (const std::string& line : title_lines(plan, rendering.axes)) title += (title.empty() ? "" : "<br>") + escape(line);
    out += "<h1>" + title + "</h1>\n";
  }
  for (const std::string& p : plan.intro) out += "<p>" + escape(p) + "</p>\n";
  std::string header_row = "<tr>";
  // A two-level header: the columns headed "parent: sub" under one cell spanning them, the
  // others spanning both rows.
  const std::string parent = axes.two_level_parent.empty() ? std::string() : axes.two_level_parent + ": ";
  const auto under_parent = [&](const Column& column) { return !parent.empty() && column.header && column.header->starts_with(parent); };
  const size_t subs = static_cast<size_t>(std::count_if(plan.columns.begin(), plan.columns.end(), under_parent));
  const std::string th = subs > 0 ? "<th rowspan=\"2\">" : "<th>";
  std::string sub_row;
  for (const Column& column : plan.columns) {
    if (under_parent(column)) {
      if (sub_row.empty()) header_row += "<th colspan=\"" + std::to_string(subs) + "\">" + escape(axes.two_level_parent) + "</th>";
      sub_row += "<th>" + escape(column.header->substr(parent.size())) + "</th>";
      continue;
    }
    const std::string header = column.header.value_or("");
    const auto lines = wrapped(header);
    if (lines && axes.header_wrap == HeaderWrap::br) {
      header_row += th + escape(lines->first) + "<br>" + escape(lines->second) + "</th>";
    } else if (lines && axes.header_wrap == HeaderWrap::paragraphs) {
      header_row += th + "<p>" + escape(lines->first) + "</p><p>" + escape(lines->second) + "</p></th>";
    } else {
      header_row += th + escape(header) + "</th>";
    }
  }
  header_row += "</tr>\n";
  if (!sub_row.empty()) header_row += "<tr>" + sub_row + "</tr>\n";
  std::string numbers_row;
  if (axes.column_numbers != ColumnNumbers::off) {
    numbers_row = "<tr>";
    for (size_t c = 1; c <= plan.columns.size(); ++c) numbers_row += "<td>" + std::to_string(c) + "</td>";
    numbers_row += "</tr>\n";
  }
  out += "<table class=\"plan\">\n<thead>\n" + header_row + "</thead>\n<tbody>\n" + numbers_row;
  // Axes::repeated_header and table_split: page breaks before two activities, each following
  // another of its section; Axes::merged_cells: the rows each column's cell still spans.
  const size_t repeat_before = page_break(plan, axes.repeated_header != RepeatedHeader::off, rng);
  const size_t split_before = page_break(plan, axes.table_split != TableSplit::off, rng, repeat_before);
  const std::vector<size_t> breaks = {repeat_before, split_before};
  std::vector<size_t> covered(plan.columns.size(), 0);
  const std::string width = std::to_string(plan.columns.size());
  walk_table(
      plan,
      [&](const Section& section) {
        // A Word table's way with a Roman section: the numeral in the number column, the title
        // in a cell merged across the rest.
        const bool roman = section.number.find_first_not_of("IVXLCDM") == std::string::npos;
        if (roman && plan.columns.size() > 1 && plan.columns.front().role == ColumnRole::number && chance(rng, 0.3)) {
          out += "<tr><td>" + section.number + ".</td><td colspan=\"" + std::to_string(plan.columns.size() - 1) + "\">" +
                 escape(section.title) + "</td></tr>\n";
          return;
        }
        out += "<tr><td colspan=\"" + width + "\"><strong>" + escape(section_heading(plan, section, chance(rng, 0.5), false, false, &rng)) + "</strong></td></tr>\n";
      },
      [&](const Activity& activity) {
        const size_t a = static_cast<size_t>(&activity - plan.activities.data());
        if (a == repeat_before) out += axes.repeated_header == RepeatedHeader::header ? header_row + numbers_row : numbers_row;
        if (a == split_before) {
          out += "</tbody>\n</table>\n<table class=\"plan\">\n";
          if (axes.table_split == TableSplit::split_header) out += "<thead>\n" + header_row + "</thead>\n";
          out += "<tbody>\n";
        }
        out += "<tr>";
        const std::vector<std::vector<std::string>> cells = activity_cells(plan, activity, rng, rendering);
        for (size_t c = 0; c < cells.size(); ++c) {
          const std::vector<std::string>& cell = cells[c];
          if (covered[c] > 0) {
            --covered[c];
            continue;
          }
          const size_t span = merged_rows(plan, a, c, breaks, axes.merged_cells);
          covered[c] = span - 1;
          out += span > 1 ? "<td rowspan=\"" + std::to_string(span) + "\">" : std::string("<td>");
          if (cell.size() == 1 && chance(rng, 0.5)) {
            out += html_lines(cell[0]);
          } else {
            if (chance(rng, 0.1)) out += "<p>&nbsp;</p>";
            for (const std::string& p : cell) out += "<p>" + html_lines(p) + "</p>";
          }
          out += "</td>";
        }
        out += "</tr>\n";
      });
  out += "</tbody>\n</table>\n";
  if (!axes.glossary_heading.empty()) out += "<p>" + escape(axes.glossary_heading) + "</p>\n";
  switch (axes.glossary_layout) {
    case GlossaryLayout::table:
    case GlossaryLayout::table_heading: {
      out += "<table class=\"abbreviations\">\n";
      if (axes.glossary_layout == GlossaryLayout::table_heading) {
        const auto& [abbr, name] = pick(rng, lang.glossary_table_heads);
        out += "<tr><th>" + escape(abbr) + "</th><th>" + escape(name) + "</th></tr>\n";
      }
      for (const Abbreviation& entry : plan.abbreviations) {
        out += "<tr><td>" + escape(entry.abbr) + "</td><td>" + escape(entry.name) + "</td></tr>\n";
      }
      out += "</table>\n";
      break;
    }
    case GlossaryLayout::br: {
      std::string joined;
      for (const std::string& entry : glossary_entries(plan, axes)) joined += (joined.empty() ? "" : "<br>\n") + escape(entry);
      if (!joined.empty()) out += "<p>" + joined + "</p>\n";
      break;
    }
    default:
      for (const std::string& entry : glossary_entries(plan, axes)) out += "<p>" + escape(entry) + "</p>\n";
  }
  if (plan.published) {
    out += "<p>" + escape(pick(rng, lang.published_words)) + "</p>\n<p>" + escape(words::day_words(lang, *plan.published)) +
           "</p>\n";
  }
  out += "</article>\n<footer><p>All rights reserved</p></footer>\n</body>\n</html>\n";
  return out;
}

std::string render_word_html(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const Axes& axes = rendering.axes;
  const std::string charset = meta_charset(plan, rendering.encoding);
  const words::Language& lang = language_of(plan);
  const std::string lang_attr = plan.language == "ru" ? "RU" : plan.language == "kk" ? "KK" : "EN-US";
  const std::string eol = "\r\n";
  std::string out = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"" + eol +
                    "xmlns:w=\"urn:schemas-microsoft-com:office:word\">" + eol + "<head>" + eol +
                    "<meta http-equiv=Content-Type content=\"text/html; charset=" + charset + "\">" + eol +
                    "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">" + eol +
                    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->" + eol +
                    "<style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt;} --></style>" + eol + "</head>" + eol +
                    "<body lang=" + lang_attr + " style='tab-interval:35.4pt'>" + eol + "<div class=WordSection1>" + eol;
  const auto paragraph = [&](std::string_view text, const char* cls = "MsoNormal") {
    return std::string("<p class=") + cls + ">" + word_runs(text, rng, lang_attr) + "<o:p></o:p></p>" + eol;
  };
  // Lines of one paragraph broken by <br> (Shift+Enter in Word).
  const auto broken = [&](const std::vector<std::string>& lines) {
    std::string html = "<p class=MsoNormal>";
    for (size_t k = 0; k < lines.size(); ++k) html += (k ? "<br>" + eol : "") + word_runs(lines[k], rng, lang_attr);
    return html + "<o:p></o:p></p>" + eol;
  };
  const std::string empty = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>" + eol;
  for (const std::string& line : title_lines(plan, rendering.axes)) out += paragraph(line, "MsoTitle");
  for (const std::string& p : plan.intro) {
    out += paragraph(p);
    if (chance(rng, 0.3)) out += empty;
  }
  out += empty;
  const std::string table_open = "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>" + eol;
  out += table_open;
  std::string header_row = " <tr>" + eol;
  for (const Column& column : plan.columns) {
    std::string cell = empty;
    if (column.header) {
      const auto lines = wrapped(*column.header);
      if (lines && axes.header_wrap == HeaderWrap::br) {
        cell = broken({lines->first, lines->second});
      } else if (lines && axes.header_wrap == HeaderWrap::paragraphs) {
        cell = paragraph(lines->first) + paragraph(lines->second);
      } else {
        cell = paragraph(*column.header);
      }
    }
    header_row += "  <td valign=top>" + cell + "  </td>" + eol;
  }
  header_row += " </tr>" + eol;
  std::string numbers_row;
  if (axes.column_numbers != ColumnNumbers::off) {
    numbers_row = " <tr>" + eol;
    for (size_t c = 1; c <= plan.columns.size(); ++c) numbers_row += "  <td valign=top>" + paragraph(std::to_string(c)) + "  </td>" + eol;
    numbers_row += " </tr>" + eol;
  }
  out += header_row + numbers_row;
  // Page breaks and merged cells as in render_portal_html.
  const size_t repeat_before = page_break(plan, axes.repeated_header != RepeatedHeader::off, rng);
  const size_t split_before = page_break(plan, axes.table_split != TableSplit::off, rng, repeat_before);
  const std::vector<size_t> breaks = {repeat_before, split_before};
  std::vector<size_t> covered(plan.columns.size(), 0);
  const std::string width = std::to_string(plan.columns.size());
  const auto td = [&](const std::vector<std::string>& cell, size_t rowspan) {
    std::string html = "  <td valign=top" + (rowspan > 1 ? " rowspan=" + std::to_string(rowspan) : std::string()) + ">" + eol;
    for (const std::string& p : cell) html += p.find('\n') == std::string::npos ? paragraph(p) : broken(split_lines(p));
    if (cell.empty()) html += empty;
    return html + "  </td>" + eol;
  };
  walk_table(
      plan,
      [&](const Section& section) {
        out += " <tr>" + eol + "  <td colspan=" + width + " valign=top>" + paragraph(section_heading(plan, section, chance(rng, 0.5), false, false, &rng)) + "  </td>" +
               eol + " </tr>" + eol;
      },
      [&](const Activity& activity) {
        const size_t a = static_cast<size_t>(&activity - plan.activities.data());
        if (a == repeat_before) out += axes.repeated_header == RepeatedHeader::header ? header_row + numbers_row : numbers_row;
        if (a == split_before) {
          out += "</table>" + eol + empty + table_open;
          if (axes.table_split == TableSplit::split_header) out += header_row;
        }
        const std::vector<std::vector<std::string>> cells = activity_cells(plan, activity, rng, rendering);
        const size_t parts = std::max<size_t>(1, activity.outcomes.size());
        // One <tr> per outcome; the number and agencies span them, and so does the name unless
        // it has a paragraph per part (then each part's row holds its own, the tasks).
        const bool split_name = parts > 1 && activity.outcomes[0].task.has_value();
        for (size_t part = 0; part < parts; ++part) {
          out += " <tr>" + eol;
          for (size_t c = 0; c < plan.columns.size(); ++c) {
            const ColumnRole role = plan.columns[c].role;
            const bool per_part = role == ColumnRole::outcome || role == ColumnRole::deadline || (role == ColumnRole::name && split_name);
            if (parts == 1) {
              if (covered[c] > 0) {
                --covered[c];
                continue;
              }
              const size_t span = merged_rows(plan, a, c, breaks, axes.merged_cells);
              covered[c] = span - 1;
              out += td(cells[c], span);
            } else if (per_part) {
              std::vector<std::string> piece;
              if (role == ColumnRole::name) {
                piece.push_back(cells[c][part]);
                // Bullets go with the last part.
                if (part + 1 == parts) piece.insert(piece.end(), cells[c].begin() + static_cast<std::ptrdiff_t>(parts), cells[c].end());
              } else if (part < cells[c].size()) {
                piece.push_back(cells[c][part]);
              }
              out += td(piece, 1);
            } else if (part == 0) {
              out += td(cells[c], parts);
            }
          }
          out += " </tr>" + eol;
        }
      });
  out += "</table>" + eol + empty;
  if (!axes.glossary_heading.empty()) out += paragraph(axes.glossary_heading);
  switch (axes.glossary_layout) {
    case GlossaryLayout::table:
    case GlossaryLayout::table_heading: {
      out += "<table class=MsoTableGrid border=0>" + eol;
      if (axes.glossary_layout == GlossaryLayout::table_heading) {
        const auto& [abbr, name] = pick(rng, lang.glossary_table_heads);
        out += " <tr><td><p class=MsoNormal><b>" + word_runs(abbr, rng, lang_attr) + "</b><o:p></o:p></p></td><td><p class=MsoNormal><b>" +
               word_runs(name, rng, lang_attr) + "</b><o:p></o:p></p></td></tr>" + eol;
      }
      for (const Abbreviation& entry : plan.abbreviations) {
        out += " <tr><td>" + paragraph(entry.abbr) + "</td><td>" + paragraph(entry.name) + "</td></tr>" + eol;
      }
      out += "</table>" + eol;
      break;
    }
    case GlossaryLayout::br: {
      const std::vector<std::string> entries = glossary_entries(plan, axes);
      if (!entries.empty()) out += broken(entries);
      break;
    }
    default:
      for (const std::string& entry : glossary_entries(plan, axes)) {
        out += paragraph(entry);
        if (chance(rng, 0.1)) out += empty;
      }
  }
  if (plan.published) {
    out += empty + paragraph(pick(rng, lang.published_words)) + paragraph(words::day_words(lang, *plan.published));
  }
  out += "</div>" + eol + "</body>" + eol + "</html>" + eol;
  return out;
}

std::string charset_name(const Plan& plan, Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8: return "UTF-8";
    // Kazakh letters have no byte in windows-1251: draw no legacy encoding for a Kazakh plan.
    case Encoding::legacy: return plan.language == "en" ? "windows-1252" : "windows-1251";
    case Encoding::utf16le: return "UTF-16LE";
  }
  return "UTF-8";
}

std::optional<std::string> encode(std::string_view utf8, std::string_view charset) {
  if (charset == "UTF-8") return std::string(utf8);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(std::string(charset).c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at the first character the charset lacks instead of writing a substitute.
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(text.length()) * 4 + 16, '\0');
  const int32_t length = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                         text.length(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(length));
  if (charset == "UTF-16LE") out.insert(0, "\xFF\xFE");
  return out;
}

std::optional<std::string> render(const Plan& plan, const Rendering& rendering) {
  std::string utf8;
  switch (rendering.format) {
    case Format::text: utf8 = render_text(plan, rendering); break;
    case Format::portal_html: utf8 = render_portal_html(plan, rendering); break;
    case Format::word_html: utf8 = render_word_html(plan, rendering); break;
    case Format::drawn: utf8 = render_drawn_text(plan, rendering); break;
    case Format::barred: utf8 = render_barred_text(plan, rendering); break;
  }
  return encode(utf8, charset_name(plan, rendering.encoding));
}

}  // namespace planparse::gen
