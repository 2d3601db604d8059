// The plan's table in plain text as two kinds of copy print it: drawn with borders, every cell's
// text wrapped in its column (parsers/text_grid.h reads it), and barred, a legal-database export
// with every cell on lines of its own ended by a bar (parsers/blocks.h). See generator.h.
//
// What the readers promise bounds what is drawn. A drawn cell's lines join into one paragraph, so
// its plan has one paragraph a cell (Options::one_paragraph_cells). A line ending in a hyphen joins
// the next without a space (a word broken at the edge is whole again), so a line only ends in a
// hyphen where a word was broken between two lower-case letters, and never after a word of the
// text that ends in one ("2025- 2026"). Without rules between rows a row begins at a number in
// the first column, so there the number column stands first and no rule is drawn inside the
// table at all (a rule under the header alone would make it a ruled table). A section heading is
// one line spanning the table, never wrapped: a second line would be a second heading.
#include <algorithm>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "tools/generator/generator.h"
#include "tools/generator/render_parts.h"
#include "tools/generator/words.h"

namespace planparse::gen {
namespace {

using parts::chance;
using parts::pick;
using parts::Rng;

using Text = std::u32string;  // a character a column place: the genre's scripts are all one wide

Text to_text(std::string_view utf8) {
  Text out;
  for (size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0xFF >> (length + 1));
    for (int k = 1; k < length && i + static_cast<size_t>(k) < utf8.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + static_cast<size_t>(k)]) & 0x3F);
    }
    out.push_back(c);
    i += static_cast<size_t>(length);
  }
  return out;
}

std::string to_utf8(const Text& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// The pieces a cell's text wraps between: its words, but a word ending in a hyphen keeps the
// next on its line, since a line ending in a hyphen joins the next without a space.
std::vector<Text> units_of(const std::string& text) {
  std::vector<Text> units;
  bool glue = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      const Text word = to_text(std::string_view(text).substr(start, end - start));
      if (glue) {
        units.back() += U' ';
        units.back() += word;
      } else {
        units.push_back(word);
      }
      glue = word.back() == U'-';
    }
    start = end + 1;
  }
  return units;
}

size_t longest_unit(const std::string& text) {
  size_t longest = 0;
  for (const Text& unit : units_of(text)) longest = std::max(longest, unit.size());
  return longest;
}

bool vowel(char32_t c) {
  static const Text vowels = U"aeiouyаеёиоуыэюяәіөұү";
  return vowels.find(c) != Text::npos;
}

// A word may break after its k-th character, with a hyphen the reader takes out again, between
// two lower-case letters. Roughly where a typesetter would: a vowel on each side, the next line
// opening with a consonant and a vowel ("ин-фор-ма-ция", "ре-ко-мен-да-ции", "re-port").
bool breakable_at(const Text& word, size_t k) {
  if (k < 2 || k + 2 > word.size()) return false;
  const char32_t before = word[k - 1];
  const char32_t after = word[k];
  if (!u_islower(static_cast<UChar32>(before)) || !u_islower(static_cast<UChar32>(after))) return false;
  if (after == U'ь' || after == U'ъ' || after == U'й' || vowel(after) || !vowel(word[k + 1])) return false;
  return std::any_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(k), vowel);
}

// The text wrapped at `width` characters, at spaces; with `hyphens` a word that does not fit at a
// line's end is sometimes broken there with a hyphen. A unit longer than the width (the caller
// makes the widths wide enough) stands on a line of its own.
std::vector<std::string> wrap(const std::string& text, size_t width, bool hyphens, Rng& rng) {
  std::vector<std::string> lines;
  Text line;
  for (const Text& unit : units_of(text)) {
    Text rest = unit;
    while (true) {
      if (line.empty()) {
        line = rest;
        break;
      }
      if (line.size() + 1 + rest.size() <= width) {
        line += U' ';
        line += rest;
        break;
      }
      if (hyphens && rest.find(U' ') == Text::npos && chance(rng, 0.6)) {
        size_t k = width >= line.size() + 2 ? std::min(rest.size(), width - line.size() - 2) : 0;
        while (k > 0 && !breakable_at(rest, k)) --k;
        if (k > 0) {
          line += U' ';
          line += rest.substr(0, k);
          line += U'-';
          lines.push_back(to_utf8(line));
          line.clear();
          rest = rest.substr(k);
          continue;
        }
      }
      lines.push_back(to_utf8(line));
      line.clear();
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(to_utf8(line));
  return lines;
}

enum class Align { left, right, centre };

std::string padded(const std::string& text, size_t width, Align align) {
  const size_t length = to_text(text).size();
  const size_t room = width > length ? width - length : 0;
  const size_t before = align == Align::left ? 0 : align == Align::right ? room : room / 2;
  return std::string(before, ' ') + text + std::string(room - before, ' ');
}

// One row of the drawn table: cells of wrapped lines, or a section heading across the table.
struct DrawnRow {
  std::vector<std::string> cells;  // a cell's text, one paragraph ("" for an empty cell)
  std::string heading;             // a spanning row's text
  bool spanning = false;
  bool header = false;
};

// The characters a drawn table is drawn with: its outer and inner vertical borders, and whether
// it draws rules at all (bars alone draw none).
struct Pen {
  std::string outer, inner;
  bool rules = true;
};

Pen pen_of(Border border) {
  switch (border) {
    case Border::box: return {"│", "│", true};
    case Border::framed: return {"║", "│", true};
    case Border::ascii: return {"|", "|", true};
    case Border::bars: return {"|", "|", false};
  }
  return {"|", "|", false};
}

// A rule across the table of columns `spans` wide (text and padding): at the top, between two
// rows (`doubled` under the header), or at the bottom. Where a spanning row stands above or below, no column border meets the rule from that
// side.
std::string rule_line(Border border, const std::vector<size_t>& spans, bool top, bool bottom, bool spanning_above,
                      bool spanning_below, bool doubled) {
  const bool up = !top && !spanning_above;
  const bool down = !bottom && !spanning_below;
  if (border == Border::ascii) {
    const char horizontal = doubled ? '=' : '-';
    std::string out = "+";
    for (size_t c = 0; c < spans.size(); ++c) {
      out += std::string(spans[c], horizontal);
      out += c + 1 == spans.size() || up || down ? '+' : horizontal;
    }
    return out;
  }
  // Pieces: left end, horizontal, junction up and down / up / down / neither, right end.
  struct Pieces {
    const char *left, *horizontal, *cross, *up, *down, *right;
  };
  Pieces pieces{};
  const bool framed = border == Border::framed;
  if (top) {
    pieces = framed ? Pieces{"╔", "═", "╪", "╧", "╤", "╗"} : Pieces{"┌", "─", "┼", "┴", "┬", "┐"};
  } else if (bottom) {
    pieces = framed ? Pieces{"╚", "═", "╪", "╧", "╤", "╝"} : Pieces{"└", "─", "┼", "┴", "┬", "┘"};
  } else if (doubled) {
    pieces = framed ? Pieces{"╠", "═", "╪", "╧", "╤", "╣"} : Pieces{"╞", "═", "╪", "╧", "╤", "╡"};
  } else {
    pieces = framed ? Pieces{"╟", "─", "┼", "┴", "┬", "╢"} : Pieces{"├", "─", "┼", "┴", "┬", "┤"};
  }
  std::string out = pieces.left;
  for (size_t c = 0; c < spans.size(); ++c) {
    for (size_t k = 0; k < spans[c]; ++k) out += pieces.horizontal;
    out += c + 1 == spans.size() ? pieces.right : up && down ? pieces.cross : up ? pieces.up : down ? pieces.down : pieces.horizontal;
  }
  return out;
}

}  // namespace

std::string render_drawn_text(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const Axes& axes = rendering.axes;
  const Pen pen = pen_of(axes.border);

  // The table's rows first: the widths depend on all of them.
  std::vector<DrawnRow> rows;
  DrawnRow header;
  header.header = true;
  for (const Column& column : plan.columns) header.cells.push_back(column.header.value_or(""));
  rows.push_back(header);
  if (axes.column_numbers != ColumnNumbers::off) {
    DrawnRow numbers;
    for (size_t c = 1; c <= plan.columns.size(); ++c) numbers.cells.push_back(std::to_string(c));
    rows.push_back(numbers);
  }
  parts::walk_table(
      plan,
      [&](const Section& section) {
        DrawnRow row;
        row.spanning = true;
        row.heading = parts::section_heading(plan, section, chance(rng, 0.5), chance(rng, 0.3), false, &rng);
        rows.push_back(row);
      },
      [&](const Activity& activity) {
        DrawnRow row;
        for (const std::vector<std::string>& cell : parts::activity_cells(plan, activity, rng, rendering)) {
          // One paragraph a cell (Options::one_paragraph_cells); more would join into one.
          std::string text;
          for (const std::string& p : cell) text += (text.empty() ? "" : " ") + p;
          row.cells.push_back(text);
        }
        rows.push_back(row);
      });

  // Column widths: wide enough for the longest word, else as narrow as the role's cells are
  // printed, and wide enough to hold the header in three lines.
  const size_t columns = plan.columns.size();
  std::vector<size_t> widths(columns, 1);
  for (const DrawnRow& row : rows) {
    for (size_t c = 0; c < row.cells.size() && c < columns; ++c) widths[c] = std::max(widths[c], longest_unit(row.cells[c]));
  }
  for (size_t c = 0; c < columns; ++c) {
    const ColumnRole role = plan.columns[c].role;
    const int narrowest = role == ColumnRole::number ? 1 : role == ColumnRole::name ? 18 : role == ColumnRole::deadline ? 9 : 10;
    const int widest = role == ColumnRole::number ? 4 : role == ColumnRole::name ? 42 : role == ColumnRole::agencies ? 30 : 24;
    widths[c] = std::max(widths[c], static_cast<size_t>(std::uniform_int_distribution<int>(narrowest, widest)(rng)));
    Rng probe(0);
    while (wrap(header.cells[c], widths[c], false, probe).size() > 3) ++widths[c];
  }
  // Most tables pad their cells with a space each side; some put the text against the borders.
  const size_t pad = chance(rng, 0.85) ? 1 : 0;
  const std::string padding(pad, ' ');
  // A section heading stands on one line inside the outer borders: widen the name column for it.
  size_t inner = columns - 1;
  for (size_t width : widths) inner += width + 2 * pad;
  size_t widest_heading = 0;
  for (const DrawnRow& row : rows) widest_heading = std::max(widest_heading, to_text(row.heading).size());
  if (widest_heading + 2 * pad > inner) {
    size_t name = 0;
    for (size_t c = 0; c < columns; ++c) name = plan.columns[c].role == ColumnRole::name ? c : name;
    widths[name] += widest_heading + 2 * pad - inner;
    inner = widest_heading + 2 * pad;
  }
  std::vector<size_t> spans;
  for (size_t width : widths) spans.push_back(width + 2 * pad);

  static const std::vector<Align> aligns = {Align::left, Align::right, Align::centre};
  const Align number_align = pick(rng, aligns);
  const Align header_align = chance(rng, 0.5) ? Align::centre : Align::left;
  const Align heading_align = chance(rng, 0.3) ? Align::centre : Align::left;
  const bool doubled_header = axes.row_rules && chance(rng, 0.3);  // "╞═══╪═══╡" or "+===+===+" under the header

  std::vector<std::string> table;
  if (pen.rules) table.push_back(rule_line(axes.border, spans, true, false, false, rows.front().spanning, false));
  for (size_t r = 0; r < rows.size(); ++r) {
    const DrawnRow& row = rows[r];
    if (row.spanning) {
      table.push_back(pen.outer + padding + padded(row.heading, inner - 2 * pad, heading_align) + padding + pen.outer);
    } else {
      std::vector<std::vector<std::string>> lines;
      size_t height = 1;
      for (size_t c = 0; c < columns; ++c) {
        lines.push_back(row.cells[c].empty() ? std::vector<std::string>{} : wrap(row.cells[c], widths[c], axes.hyphens, rng));
        height = std::max(height, lines.back().size());
      }
      for (size_t k = 0; k < height; ++k) {
        std::string line = pen.outer;
        for (size_t c = 0; c < columns; ++c) {
          const Align align = row.header ? header_align : plan.columns[c].role == ColumnRole::number ? number_align : Align::left;
          line += padding + padded(k < lines[c].size() ? lines[c][k] : "", widths[c], align) + padding +
                  (c + 1 == columns ? pen.outer : pen.inner);
        }
        table.push_back(line);
      }
    }
    const bool last = r + 1 == rows.size();
    if (last && pen.rules) {
      table.push_back(rule_line(axes.border, spans, false, true, row.spanning, false, false));
    } else if (!last && axes.row_rules) {
      table.push_back(rule_line(axes.border, spans, false, false, row.spanning, rows[r + 1].spanning, row.header && doubled_header));
    }
  }

  // Around the table, paragraphs with blank lines between them, each on one line.
  std::vector<std::string> lines;
  const auto paragraph = [&](const std::string& text) {
    lines.push_back(text);
    lines.emplace_back();
  };
  for (const std::string& line : title_lines(plan, rendering.axes)) paragraph(line);
  for (const std::string& p : plan.intro) paragraph(p);
  // Plain-text mailings sometimes indent the whole table.
  const std::string indent(chance(rng, 0.2) ? std::uniform_int_distribution<size_t>(1, 4)(rng) : 0, ' ');
  for (std::string& line : table) lines.push_back(indent + line);
  lines.emplace_back();
  if (!axes.glossary_heading.empty()) paragraph(axes.glossary_heading);
  if (axes.glossary_layout == GlossaryLayout::lines) {
    const std::vector<std::string> entries = parts::glossary_entries(plan, axes);
    for (const std::string& entry : entries) lines.push_back(entry);
    if (!entries.empty()) lines.emplace_back();
  } else {
    for (const std::string& entry : parts::glossary_entries(plan, axes)) paragraph(entry);
  }
  for (const std::string& p : parts::published_paragraphs(plan, rng)) paragraph(p);
  const std::string eol = chance(rng, 0.3) ? "\r\n" : "\n";
  std::string out;
  for (const std::string& line : lines) out += line + eol;
  return out;
}

std::string render_barred_text(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const Axes& axes = rendering.axes;
  // The export wraps at a width of its own; a cell runs over at most three lines, its last
  // carrying the bar.
  const size_t width = std::uniform_int_distribution<size_t>(16, 64)(rng);
  std::vector<std::string> lines;
  // The table's first cell: on one line, or with Rendering::barred_first_cell_wrapped wrapped
  // over two at least where it has two words.
  bool first = true;
  const auto cell = [&](const std::string& text) {
    size_t at = width;
    if (first) at = rendering.barred_first_cell_wrapped ? std::min(width, std::max(longest_unit(text), to_text(text).size() / 2)) : text.size();
    first = false;
    std::vector<std::string> wrapped = wrap(text, at, false, rng);
    while (wrapped.size() > 3) {
      wrapped[wrapped.size() - 2] += " " + wrapped.back();
      wrapped.pop_back();
    }
    wrapped.back() += " |";
    for (std::string& line : wrapped) lines.push_back(std::move(line));
  };
  for (const std::string& line : title_lines(plan, rendering.axes)) lines.push_back(line);
  for (const std::string& p : plan.intro) lines.push_back(p);
  // An unprinted header cell is a bar alone, or nothing.
  const bool bare_bars = chance(rng, 0.5);
  for (const Column& column : plan.columns) {
    if (column.header) {
      cell(*column.header);
    } else if (bare_bars) {
      lines.emplace_back("|");
      first = false;
    }
  }
  if (axes.column_numbers == ColumnNumbers::cells) {
    for (size_t c = 1; c <= plan.columns.size(); ++c) cell(std::to_string(c));
  } else if (axes.column_numbers == ColumnNumbers::line) {
    std::string line;
    for (size_t c = 1; c <= plan.columns.size(); ++c) line += std::to_string(c) + " |" + (c < plan.columns.size() ? " " : "");
    lines.push_back(line);
  }
  parts::walk_table(
      plan, [&](const Section& section) { cell(parts::section_heading(plan, section, false, chance(rng, 0.3), false, &rng)); },
      [&](const Activity& activity) {
        // A cell of several paragraphs (a name and its bullets, a row's parts) prints each on
        // lines of its own with its bar, as the flattened copy prints each as a paragraph.
        for (const std::vector<std::string>& paragraphs : parts::activity_cells(plan, activity, rng, rendering)) {
          for (const std::string& p : paragraphs) cell(p);
        }
      });
  if (!axes.glossary_heading.empty()) lines.push_back(axes.glossary_heading);
  for (const std::string& entry : parts::glossary_entries(plan, axes)) lines.push_back(entry);
  for (const std::string& p : parts::published_paragraphs(plan, rng)) lines.push_back(p);
  const std::string eol = chance(rng, 0.3) ? "\r\n" : "\n";
  std::string out;
  for (const std::string& line : lines) out += line + eol;
  return out;
}

}  // namespace planparse::gen
