// Stage 3, table. See table.h.
#include "parsers/table.h"

#include <algorithm>
#include <charconv>

#include <re2/re2.h>

#include "parsers/align.h"
#include "parsers/glossary.h"
#include "parsers/text.h"

namespace planparse {
namespace {

constexpr std::string_view kRoles[] = {"number", "name", "outcome", "deadline", "agencies", "other"};
// A header cell is a short label; longer paragraphs that start with a header word are prose.
constexpr size_t kMaxHeaderExtra = 40;

// The column role named by a header paragraph, or empty.
std::string header_role(const std::string& paragraph, const Vocabulary& vocabulary) {
  std::string folded = fold_case(trim(paragraph));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == '*')) folded.pop_back();
  std::string best_role;
  size_t best_length = 0;
  for (std::string_view role : kRoles) {
    for (const std::string& phrase : vocabulary.phrases("header." + std::string(role))) {
      const bool match = folded == phrase ||
                         (starts_with_words(folded, phrase) && folded.size() <= phrase.size() + kMaxHeaderExtra);
      if (match && phrase.size() > best_length) {
        best_role = role;
        best_length = phrase.size();
      }
    }
  }
  return best_role;
}

struct Header {
  size_t begin = 0;  // first header paragraph
  size_t end = 0;    // one past the last
  std::vector<Column> columns;
  std::vector<const Paragraph*> cells;  // the header paragraph of each column; null for an added one
};

// The first run of two or more header paragraphs, with distinct roles, that names the
// activity column and at least one of outcome, deadline, agencies.
std::optional<Header> find_header(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  for (size_t begin = 0; begin < paragraphs.size(); ++begin) {
    Header header;
    header.begin = begin;
    size_t i = begin;
    for (; i < paragraphs.size(); ++i) {
      std::string role = header_role(paragraphs[i].text, vocabulary);
      if (role.empty()) {
        // In a grid the header is the whole row: a cell no header word names is a column of
        // its own ("Примечание"), and a second paragraph of a named cell belongs to that cell.
        const Paragraph* last = header.cells.empty() ? nullptr : header.cells.back();
        const GridPosition& at = paragraphs[i].grid;
        if (!last || at.table < 0 || at.table != last->grid.table || at.row != last->grid.row) break;
        if (at.column == last->grid.column) continue;
        role = "other";
      }
      const bool repeated = role != "other" && std::any_of(header.columns.begin(), header.columns.end(),
                                                           [&](const Column& c) { return c.role == role; });
      if (repeated) break;
      header.columns.push_back(Column{role, paragraphs[i].text});
      header.cells.push_back(&paragraphs[i]);
    }
    header.end = i;
    auto has = [&](std::string_view role) {
      return std::any_of(header.columns.begin(), header.columns.end(), [&](const Column& c) { return c.role == role; });
    };
    if (header.columns.size() >= 2 && has("name") && (has("outcome") || has("deadline") || has("agencies"))) {
      if (!has("number")) {
        header.columns.insert(header.columns.begin(), Column{"number", std::nullopt});
        header.cells.insert(header.cells.begin(), nullptr);
      }
      return header;
    }
  }
  return std::nullopt;
}

// How the grid of an HTML table maps to the header's columns, so that rows are read cell by
// cell rather than aligned. Empty (table < 0) when the header came as flattened paragraphs.
struct GridLayout {
  int table = -1;
  int number_column = -1;       // grid column of the activity numbers
  int width = 0;                // grid columns the header spans
  std::vector<int> column_of;   // grid column -> index into the columns; -1 for none

  bool holds(const Paragraph& paragraph) const { return table >= 0 && paragraph.grid.table == table; }
  int column_index(const Paragraph& paragraph) const {
    const int grid_column = paragraph.grid.column;
    return grid_column >= 0 && grid_column < static_cast<int>(column_of.size()) ? column_of[static_cast<size_t>(grid_column)] : -1;
  }
  bool is_full_width(const Paragraph& paragraph) const { return width > 1 && paragraph.grid.colspan >= width; }
};

GridLayout grid_layout(const Header& header) {
  GridLayout layout;
  const Paragraph* first = nullptr;
  for (const Paragraph* cell : header.cells) {
    if (cell && !first) first = cell;
  }
  if (!first || first->grid.table < 0) return layout;
  for (const Paragraph* cell : header.cells) {
    // A header split over two rows or two tables is read as flattened text.
    if (cell && (cell->grid.table != first->grid.table || cell->grid.row != first->grid.row)) return layout;
  }
  layout.table = first->grid.table;
  std::vector<bool> used;
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const Paragraph* cell = header.cells[c];
    if (!cell) continue;
    const int end = cell->grid.column + cell->grid.colspan;
    if (end > static_cast<int>(layout.column_of.size())) layout.column_of.resize(static_cast<size_t>(end), -1);
    for (int g = cell->grid.column; g < end; ++g) layout.column_of[static_cast<size_t>(g)] = static_cast<int>(c);
    layout.width = std::max(layout.width, end);
  }
  // The number column without a header word is the first grid column no header cell names
  // (the portal leaves that header cell empty).
  for (size_t c = 0; c < header.cells.size(); ++c) {
    if (header.columns[c].role != "number") continue;
    if (header.cells[c]) {
      layout.number_column = header.cells[c]->grid.column;
    } else {
      int free = 0;
      while (free < static_cast<int>(layout.column_of.size()) && layout.column_of[static_cast<size_t>(free)] >= 0) ++free;
      if (free >= static_cast<int>(layout.column_of.size())) layout.column_of.resize(static_cast<size_t>(free) + 1, -1);
      layout.column_of[static_cast<size_t>(free)] = static_cast<int>(c);
      layout.number_column = free;
      layout.width = std::max(layout.width, free + 1);
    }
  }
  return layout;
}

bool is_roman(std::string_view token) {
  static const RE2 roman("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
  return !token.empty() && RE2::FullMatch(token, roman);
}

// Kazakh and Russian typists write Roman numerals with the Cyrillic І and Х ("ІІ", "ХІ"):
// they are read as Latin. Returns the token unchanged when it holds other letters.
std::string latin_numeral(std::string_view token) {
  std::string out;
  for (char32_t c : to_u32(token)) {
    if (c == U'\u0406') c = 'I';
    if (c == U'\u0425') c = 'X';
    if (c >= 0x80) return std::string(token);
    out += static_cast<char>(c);
  }
  return out;
}

bool is_arabic(std::string_view token) {
  return !token.empty() && token.size() <= 3 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One capital letter of the Latin or Russian alphabet, as lettered sections use ("A.", "Б.").
std::optional<char32_t> section_letter(std::string_view token) {
  const std::u32string letters = to_u32(token);
  if (letters.size() != 1) return std::nullopt;
  const char32_t c = letters[0];
  if ((c >= 'A' && c <= 'Z') || (c >= U'\u0410' && c <= U'\u042F')) return c;
  return std::nullopt;
}

// A section heading as written; the table decides whether the kinds that a row could also
// show ("1. Title", "A. Title") are headings where they stand.
struct SectionHeading {
  enum class Kind { roman, arabic, letter } kind = Kind::roman;
  bool prefixed = false;  // "Section 2.", "Раздел 2.", "2-бөлім."
  Section section;
};

// "I. Title", "IV) Title", "Section 2. Title", "2-бөлім. Title", "2. Title", "Б. Title".
std::optional<SectionHeading> parse_section(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  std::string_view text = paragraph.text;
  const std::string folded = fold_case(text);
  bool prefixed = false;
  for (const std::string& prefix : vocabulary.phrases("section.prefix")) {
    if (starts_with_words(folded, prefix) && folded.size() == text.size()) {
      text = trim(text.substr(prefix.size()));
      prefixed = true;
      break;
    }
  }
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view token = text.substr(0, space);
  const std::string_view title = trim(text.substr(space));
  const bool stopped = !token.empty() && (token.back() == '.' || token.back() == ')');
  if (stopped) token.remove_suffix(1);
  // Kazakh writes the word after the number: "1-бөлім".
  if (const size_t hyphen = token.find('-'); !prefixed && hyphen != std::string_view::npos && is_arabic(token.substr(0, hyphen))) {
    const std::string word = fold_case(token.substr(hyphen + 1));
    const auto& suffixes = vocabulary.phrases("section.suffix");
    if (std::find(suffixes.begin(), suffixes.end(), word) == suffixes.end()) return std::nullopt;
    token = token.substr(0, hyphen);
    prefixed = true;
  }
  if (!stopped && !prefixed) return std::nullopt;  // "I Title" without a stop is more likely prose
  if (title.empty()) return std::nullopt;
  SectionHeading heading{SectionHeading::Kind::roman, prefixed, Section{"", std::string(title), paragraph.line}};
  const std::string numeral = latin_numeral(token);
  if (is_arabic(token)) {
    heading.kind = SectionHeading::Kind::arabic;
    heading.section.number = std::string(token);
  } else if (section_letter(token) && (!is_roman(numeral) || numeral == "C" || numeral == "D")) {
    // A lone "C" or "D" is the third or fourth letter far more often than 100 or 500.
    heading.kind = SectionHeading::Kind::letter;
    heading.section.number = std::string(token);
  } else if (is_roman(numeral)) {
    heading.section.number = numeral;
  } else {
    return std::nullopt;
  }
  return heading;
}

// The number a section following `previous` would carry: "1" -> "2", "B" -> "C", "Б" -> "В".
// The first section of a kind is "1", "A" or "А".
bool follows(const std::optional<Section>& previous, const SectionHeading& heading) {
  const std::string& number = heading.section.number;
  if (heading.kind == SectionHeading::Kind::arabic) {
    const int value = std::stoi(number);
    return previous && is_arabic(previous->number) ? value == std::stoi(previous->number) + 1 : value == 1;
  }
  const char32_t letter = to_u32(number)[0];
  if (previous) {
    const std::optional<char32_t> last = section_letter(previous->number);
    // Russian lettered lists skip Ё and Й.
    return last && (letter == *last + 1 || (*last == U'\u0418' && letter == U'\u041A'));
  }
  return letter == 'A' || letter == U'\u0410';
}

// Whether a heading stands where a section can: a Roman or prefixed one anywhere; "1. Title"
// and "A. Title", which could open a name cell as well, only as a row of their own in a grid
// or, in flattened text, between rows and numbered in sequence.
bool is_heading_here(const SectionHeading& heading, const Paragraph& paragraph, const GridLayout& grid,
                     size_t open_length, size_t data_columns, const std::vector<Section>& sections) {
  if (heading.kind == SectionHeading::Kind::roman || heading.prefixed) return true;
  if (grid.holds(paragraph)) return grid.is_full_width(paragraph);
  const std::optional<Section> previous = sections.empty() ? std::nullopt : std::optional<Section>(sections.back());
  return open_length >= data_columns && follows(previous, heading);
}

// "12", "12." -> 12.
std::optional<int> parse_row_number(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.back() == '.' || digits.back() == ')')) digits.remove_suffix(1);
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool is_year_like(int value) { return value >= 1900 && value <= 2100; }

}  // namespace

bool is_published_marker(const std::string& paragraph, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(paragraph);
  for (const std::string& phrase : vocabulary.phrases("published")) {
    if (starts_with_words(folded, phrase) && folded.size() <= phrase.size() + 40) return true;
  }
  return false;
}

Result<TableResult> read_table(const Blocks& blocks, const Vocabulary& vocabulary) {
  const std::vector<Paragraph>& paragraphs = blocks.paragraphs;
  const std::optional<Header> header = find_header(paragraphs, vocabulary);
  if (!header) {
    return Failure{Code::not_a_plan, "no plan table: no header row naming the activity and its outcome, deadline or agencies", ""};
  }

  TableResult table;
  table.columns = header->columns;
  if (header->begin > 0) table.title = paragraphs[0];
  for (size_t i = 1; i < header->begin; ++i) table.intro.push_back(paragraphs[i]);

  const size_t data_columns = table.columns.size() - 1;
  const GridLayout grid = grid_layout(*header);
  std::vector<std::vector<Paragraph>> bodies;  // paragraphs of each row after its number
  bool row_open = false;                       // a section heading closes the row before it
  std::optional<std::string> section;
  int expected = 1;
  size_t i = header->end;
  for (; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    if (is_glossary_heading(paragraph.text, vocabulary) || is_published_marker(paragraph.text, vocabulary)) break;
    // A table read from HTML ends where its grid does: what follows (a glossary table, notes)
    // is not part of any row.
    if (grid.table >= 0 && !grid.holds(paragraph) && !table.rows.empty()) break;
    if (const std::optional<SectionHeading> heading = parse_section(paragraph, vocabulary);
        heading && is_heading_here(*heading, paragraph, grid, row_open ? bodies.back().size() : data_columns,
                                   data_columns, table.sections)) {
      section = heading->section.number;
      table.sections.push_back(heading->section);
      row_open = false;
      continue;
    }
    if (grid.holds(paragraph) && grid.is_full_width(paragraph)) {
      // A row whose one cell spans the table is a heading, but not one of a known form.
      table.unclaimed.push_back(paragraph);
      row_open = false;
      continue;
    }
    const std::optional<int> number = parse_row_number(paragraph.text);
    // In a grid only the number column starts rows. In flattened text a bare year is a
    // deadline unless it is the very number expected next; any other number starts a row when
    // the open one already has (nearly) a paragraph per column.
    const size_t open_length = row_open ? bodies.back().size() : 0;
    const bool starts_row =
        grid.holds(paragraph)
            ? number && paragraph.grid.column == grid.number_column
            : number && (*number == expected || (!is_year_like(*number) && (!row_open || open_length + 1 >= data_columns)));
    if (starts_row) {
      // The first row sets the numbering: a plan may continue another and start at 101.
      if (!table.rows.empty() && *number != expected) {
        const bool gap = *number > expected;
        table.diagnostics.push_back({Severity::warning, gap ? Code::numbering_gap : Code::numbering_repeat,
                                     "activity " + std::to_string(*number) + (gap ? " follows" : " comes after") +
                                         " activity " + std::to_string(expected - 1),
                                     paragraph.line});
      }
      expected = *number + 1;
      Row row;
      row.number = paragraph;
      row.value = *number;
      row.section = section;
      table.rows.push_back(std::move(row));
      bodies.emplace_back();
      row_open = true;
      continue;
    }
    if (row_open) {
      bodies.back().push_back(paragraph);
    } else {
      table.unclaimed.push_back(paragraph);
    }
  }
  table.after.assign(paragraphs.begin() + static_cast<std::ptrdiff_t>(i), paragraphs.end());

  std::vector<std::string> roles;
  for (size_t c = 1; c < table.columns.size(); ++c) roles.push_back(table.columns[c].role);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    Row& row = table.rows[r];
    const std::vector<Paragraph>& body = bodies[r];
    row.cells.assign(table.columns.size(), {});
    const bool from_grid = grid.holds(row.number) &&
                           std::all_of(body.begin(), body.end(), [&](const Paragraph& p) { return grid.holds(p); });
    if (from_grid) {
      // The cells are known: each paragraph goes to the column its grid column falls under.
      for (const Paragraph& p : body) {
        const int c = grid.column_index(p);
        if (c > 0) {
          row.cells[static_cast<size_t>(c)].push_back(p);
        } else {
          row.unaligned.push_back(p);
        }
      }
    } else {
      std::vector<ParagraphKind> kinds;
      for (const Paragraph& p : body) kinds.push_back(classify_paragraph(p.text, vocabulary));
      const auto ranges = align_row(kinds, roles);
      for (size_t c = 0; c < ranges.size(); ++c) {
        for (size_t k = ranges[c].first; k < ranges[c].second; ++k) row.cells[c + 1].push_back(body[k]);
      }
      for (size_t k = std::min(body.size(), kMaxAlignedParagraphs); k < body.size(); ++k) row.unaligned.push_back(body[k]);
    }
    for (size_t c = 1; c < row.cells.size(); ++c) {
      // An empty costs or notes cell is common and harmless; an empty field cell is not.
      if (row.cells[c].empty() && table.columns[c].role != "other") {
        table.diagnostics.push_back({Severity::warning, Code::missing_cell,
                                     "activity " + std::to_string(row.value) + " has no " + table.columns[c].role + " cell",
                                     row.number.line});
      }
    }
  }
  if (table.rows.empty()) {
    return Failure{Code::not_a_plan, "the table header is followed by no numbered activity",
                   "line " + std::to_string(paragraphs[header->begin].line)};
  }
  return table;
}

}  // namespace planparse
