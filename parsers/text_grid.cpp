// Stage 2, blocks, step: tables drawn in text. See text_grid.h.
#include "parsers/text_grid.h"

#include <algorithm>
#include <string>

#include "parsers/align.h"
#include "parsers/sections.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// Vertical borders between cells: ASCII and box drawing, light, heavy and double.
bool is_border(char32_t c) { return c == U'|' || c == U'│' || c == U'┃' || c == U'║' || c == U'¦'; }

// What else a rule line is drawn with: ASCII ("|---|", Markdown's "|:--|--:|", "+---+", "|===|"),
// dashes ("|———|"), and the box-drawing block U+2500..U+257F.
bool is_rule(char32_t c) {
  return is_border(c) || c == U'-' || c == U'+' || c == U'=' || c == U':' || c == U' ' || is_dash(c) ||
         (c >= 0x2500 && c <= 0x257F);
}

// The cells between the borders of a grid line, trimmed (empty ones kept: they hold places).
std::vector<std::string> cells_of(std::string_view line) {
  std::vector<std::string> cells;
  const std::u32string chars = to_u32(trim(line));
  std::u32string current;
  for (size_t i = 1; i < chars.size(); ++i) {
    if (is_border(chars[i])) {
      cells.emplace_back(trim(to_utf8(current)));
      current.clear();
    } else {
      current.push_back(chars[i]);
    }
  }
  return cells;
}

// Fragments of one cell joined with a space, except a word the narrow column broke at a hyphen
// between two lower-case letters: it is one word again ("согласова-" + "нию)", "Ответствен-" +
// "ные"). A compound broken at its own hyphen ("социально-" + "экономический") loses that hyphen:
// only a dictionary could tell, and the marker and header words read right matter more.
void append_fragment(std::string& cell, std::string_view fragment) {
  if (fragment.empty()) return;
  if (!cell.empty() && cell.back() == '-') {
    const std::u32string before = to_u32(cell.substr(cell.size() >= 5 ? cell.size() - 5 : 0));
    const std::u32string after = to_u32(fragment.substr(0, 4));
    const bool letters_around = before.size() >= 2 && is_letter(before[before.size() - 2]) && !after.empty() &&
                                is_letter(after.front()) && !is_upper(after.front());
    if (letters_around) {
      cell.pop_back();
      cell += fragment;
      return;
    }
    cell += fragment;  // "2025-" + "2026": a dash between numbers keeps its place
    return;
  }
  if (!cell.empty()) cell += ' ';
  cell += fragment;
}

struct GridRow {
  std::vector<std::string> cells;
  int line = 0;          // of its first line
  bool spanning = false;  // one cell across the table
  bool listing = false;   // a numbered line went on its name ("1. …" listed in the cell)
};

bool is_numbered(const std::vector<std::string>& cells) {
  return !cells.empty() &&
         (parse_row_number(cells.front()) || parse_sub_number(cells.front()) || parse_roman_row_number(cells.front()));
}

// A line whose number cell is empty and whose only text stands in the cell after it, every other
// cell empty ("|   | Раздел 2. Кадры |   |   |"): a heading row, or a name wrapped onto its own
// line (the longest cell wraps most).
bool is_lone_name_line(const std::vector<std::string>& cells, size_t width) {
  if (width < 3 || cells.size() < 3 || !cells[0].empty() || cells[1].empty()) return false;
  return std::all_of(cells.begin() + 2, cells.end(), [](const std::string& cell) { return cell.empty(); });
}

// Most lines start with a letter or digit: no border or rule can start them.
bool may_be_drawn(std::string_view line) {
  const std::string_view text = trim(line);
  if (text.empty()) return false;
  const auto first = static_cast<unsigned char>(text.front());
  return first == '|' || first == '+' || first == '-' || first == '=' || first == 0xE2 || first == 0xC2;
}

}  // namespace

bool is_grid_line(std::string_view line) {
  if (!may_be_drawn(line)) return false;
  const std::u32string chars = to_u32(trim(line));
  if (chars.size() < 3 || !is_border(chars.front()) || !is_border(chars.back())) return false;
  if (is_rule_line(line)) return false;
  return true;
}

bool is_rule_line(std::string_view line) {
  if (!may_be_drawn(line)) return false;
  const std::u32string chars = to_u32(trim(line));
  if (chars.size() < 3) return false;
  bool drawn = false;  // at least one rule character that is no border or space
  for (char32_t c : chars) {
    if (!is_rule(c)) return false;
    drawn = drawn || (!is_border(c) && c != U' ');
  }
  return drawn;
}

std::vector<Paragraph> read_text_grid(const std::vector<Line>& lines, size_t begin, size_t end, int table,
                                      const Vocabulary& vocabulary) {
  // Rules between content lines delimit rows when they stand between the rows: then an activity
  // number need not begin one. A single rule between content lines is the header's (Markdown's
  // "|---|---|"), and rules fewer than twice the numbered lines with no rule above them stand
  // between groups of rows: there an activity number begins a row, and every rule ends one. (The
  // first cell may be another column's, a "І" wrapped in a deadline: so a count, not any one.)
  size_t width = 0;
  size_t inner_rules = 0;
  size_t numbers_after_content = 0;  // numbered lines right under a content line
  bool seen_content = false;
  for (size_t i = begin; i < end; ++i) {
    if (is_rule_line(lines[i].text)) {
      inner_rules += seen_content && i + 1 < end && is_grid_line(lines[i + 1].text);
    } else if (is_grid_line(lines[i].text)) {
      const std::vector<std::string> cells = cells_of(lines[i].text);
      numbers_after_content += seen_content && is_grid_line(lines[i - 1].text) && is_numbered(cells);
      seen_content = true;
      width = std::max(width, cells.size());
    }
  }
  const bool ruled = inner_rules >= 2 && inner_rules > 2 * numbers_after_content;
  // Whether the copy wraps its cells: a line after the first that is no row's first line holds
  // text in two cells, or text under the name that goes on the line above. Where it does, a
  // capitalised word may wrap onto a line of its own ("Presidential" / "Administration").
  bool wraps = false;
  std::vector<std::string> above;
  for (size_t i = begin; i < end && !wraps; ++i) {
    if (!is_grid_line(lines[i].text)) continue;
    std::vector<std::string> cells = cells_of(lines[i].text);
    if (!above.empty() && cells.size() > 1 && !is_numbered(cells)) {
      const auto filled = std::count_if(cells.begin(), cells.end(), [](const std::string& cell) { return !cell.empty(); });
      wraps = filled >= 2 || (is_lone_name_line(cells, width) && above.size() > 1 &&
                              text_goes_on(above[1], cells[1], vocabulary));
    }
    above = std::move(cells);
  }
  std::vector<GridRow> rows;
  bool open = false;  // the last row may take the next line
  std::optional<Section> last_section;
  const std::string empty;
  // Where cells wrap, a numbered line under the name only ("2. Кадры") is a heading when it
  // numbers the grid's next section (the first, "1." or "A.", only right under the grid's first
  // row, the header) and the name above does not lead into a list: it ends in a colon, or a
  // numbered line went on it already ("1. …" / "2. …" listed in the cell).
  const auto numbers_next_section = [&](const SectionHeading& section, std::string_view text, const GridRow& above) {
    if (section.kind == SectionHeading::Kind::roman || above.listing || above.cells[1].ends_with(':')) return false;
    if (!last_section && rows.size() != 1) return false;
    return follows(last_section, section) && !text_goes_on(above.cells[1], text, vocabulary);
  };
  for (size_t i = begin; i < end; ++i) {
    const Line& line = lines[i];
    if (is_rule_line(line.text)) {
      open = false;
      continue;
    }
    if (!is_grid_line(line.text)) continue;
    std::vector<std::string> cells = cells_of(line.text);
    bool spanning = cells.size() == 1 && width > 1;
    const bool numbered = is_numbered(cells);
    if (!ruled && open && is_lone_name_line(cells, width)) {
      // Text under the name only, the number cell empty: a heading row, or a name wrapped onto a
      // line of its own. A heading when it reads as a section's ("Раздел 2. Кадры"; "2. Кадры"
      // where no cell wraps, or where it numbers the next section and no list runs in the name
      // above: a wrapping cell may list its items so), or where no cell wraps and
      // it does not go on the fragment above (lower case, after a comma or "для"); and not under
      // a row with no name yet. Before, it ran on into the row above, the name or the header.
      if (rows.back().spanning) {
        if (starts_in_lower_case(cells[1])) {
          append_fragment(rows.back().cells.front(), cells[1]);  // a heading's second line
          continue;
        }
      } else if (!rows.back().cells[1].empty()) {
        const std::optional<SectionHeading> section = parse_section(Paragraph{cells[1], line.number}, vocabulary);
        const bool strong = section && (section->kind == SectionHeading::Kind::roman || section->prefixed);
        if (strong || (!wraps && (section || !text_goes_on(rows.back().cells[1], cells[1], vocabulary))) ||
            (section && numbers_next_section(*section, cells[1], rows.back()))) {
          cells = {cells[1]};
          spanning = true;
        }
      }
      if (!spanning && parse_row_number(cells[1].substr(0, cells[1].find(' ')))) rows.back().listing = true;
    }
    // A ruled row's lines stay one row. Without rules, a line continues the row above unless
    // its first cell holds an activity number, or it spans the table and starts a new heading:
    // a heading wrapped onto a second line goes on in lower case ("… систем" / "отопления").
    const bool heading_goes_on = spanning && starts_in_lower_case(cells.front());
    const bool continues = open && spanning == rows.back().spanning && (ruled || (spanning ? heading_goes_on : !numbered));
    if (!continues) {
      rows.push_back(GridRow{std::vector<std::string>(spanning ? 1 : width), line.number, spanning});
      open = true;
    }
    GridRow& row = rows.back();
    for (size_t c = 0; c < cells.size() && c < row.cells.size(); ++c) append_fragment(row.cells[c], cells[c]);
    // The grid's last section heading: a row spanning the table or text under the name only.
    const std::string& heading_text = row.spanning ? row.cells.front() : (is_lone_name_line(cells, width) && !continues ? cells[1] : empty);
    if (!continues && !heading_text.empty()) {
      if (const auto section = parse_section(Paragraph{heading_text, line.number}, vocabulary)) last_section = section->section;
    }
  }
  std::vector<Paragraph> paragraphs;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].cells.size(); ++c) {
      if (rows[r].cells[c].empty()) continue;
      const auto colspan = static_cast<uint16_t>(rows[r].spanning ? std::min<size_t>(width, kMaxSpan) : 1);
      paragraphs.push_back(Paragraph{rows[r].cells[c], rows[r].line,
                                     GridPosition{table, static_cast<int>(r), static_cast<int>(c), colspan}});
    }
  }
  return paragraphs;
}

}  // namespace planparse
