// Stage 3, table. See table.h.
#include "parsers/table.h"

#include <algorithm>
#include <functional>
#include <limits>

#include <unicode/uchar.h>

#include "parsers/agencies.h"
#include "parsers/align.h"
#include "parsers/cell_check.h"
#include "parsers/deadline.h"
#include "parsers/glossary.h"
#include "parsers/header.h"
#include "parsers/run_on_rows.h"
#include "parsers/sections.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// How the grid of an HTML table maps to the header's columns, so that rows are read cell by
// cell rather than aligned. Empty (table < 0) when the header came as flattened paragraphs.
struct GridLayout {
  int table = -1;
  // The last table the plan's table goes on in: a Word table broken at a page break is saved as
  // tables one after another (walk_rows, continues_in). Tables are numbered in document order.
  int last_table = -1;
  int number_column = -1;       // grid column of the activity numbers
  int first_text_column = -1;   // the first grid column a header cell names, the number column aside
  bool unnumbered = false;      // the table has no number column: each grid row is an activity
  int width = 0;                // grid columns the header spans
  std::vector<int> column_of;   // grid column -> index into the columns; -1 for none

  bool holds(const Paragraph& paragraph) const {
    return table >= 0 && paragraph.grid.table >= table && paragraph.grid.table <= last_table;
  }
  int column_index(const Paragraph& paragraph) const {
    const int grid_column = paragraph.grid.column;
    return grid_column >= 0 && grid_column < static_cast<int>(column_of.size()) ? column_of[static_cast<size_t>(grid_column)] : -1;
  }
  bool is_full_width(const Paragraph& paragraph) const {
    return width > 1 && paragraph.grid.colspan >= std::min(width, kMaxSpan);
  }
};

GridLayout grid_layout(const Header& header) {
  GridLayout layout;
  const auto first_of = [&](size_t c) { return header.cells[c].empty() ? nullptr : header.cells[c].front(); };
  const Paragraph* first = nullptr;
  for (size_t c = 0; c < header.cells.size() && !first; ++c) first = first_of(c);
  if (!first || first->grid.table < 0) return layout;
  for (size_t c = 0; c < header.cells.size(); ++c) {
    // A header split over two rows or two tables is read as flattened text.
    const Paragraph* cell = first_of(c);
    if (cell && (cell->grid.table != first->grid.table ||
                 (cell->grid.row != first->grid.row && !(header.two_level && cell->grid.row == first->grid.row + 1)))) {
      return layout;
    }
  }
  layout.table = first->grid.table;
  layout.last_table = layout.table;
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const Paragraph* cell = first_of(c);
    if (!cell) continue;
    const int end = cell->grid.column + cell->grid.colspan;
    if (end > static_cast<int>(layout.column_of.size())) layout.column_of.resize(static_cast<size_t>(end), -1);
    for (int g = cell->grid.column; g < end; ++g) layout.column_of[static_cast<size_t>(g)] = static_cast<int>(c);
    layout.width = std::max(layout.width, end);
  }
  // The number column without a header word is the first grid column no header cell names
  // (the portal leaves that header cell empty).
  for (size_t c = 0; c < header.cells.size(); ++c) {
    if (header.columns[c].role != ColumnRole::number) continue;
    if (const Paragraph* cell = first_of(c)) {
      layout.number_column = cell->grid.column;
    } else {
      int free = 0;
      while (free < static_cast<int>(layout.column_of.size()) && layout.column_of[static_cast<size_t>(free)] >= 0) ++free;
      // Every grid column is named: the table numbers no row (a municipal page's "Мероприятие |
      // Сроки | Ответственный"), and its rows are the grid's.
      layout.unnumbered = free >= static_cast<int>(layout.column_of.size());
      if (free >= static_cast<int>(layout.column_of.size())) layout.column_of.resize(static_cast<size_t>(free) + 1, -1);
      layout.column_of[static_cast<size_t>(free)] = static_cast<int>(c);
      layout.number_column = free;
      if (!layout.unnumbered) layout.width = std::max(layout.width, free + 1);
    }
  }
  for (int g = 0; g < static_cast<int>(layout.column_of.size()) && layout.first_text_column < 0; ++g) {
    if (g != layout.number_column && layout.column_of[static_cast<size_t>(g)] >= 0) layout.first_text_column = g;
  }
  return layout;
}

// Whether a heading stands where a section can: a Roman or prefixed one anywhere; "1. Title"
// and "A. Title", which could open a name cell as well, only as a row of their own in a grid
// (full width, or a heading row: see walk_rows) or, in flattened text, between rows and numbered
// in sequence.
bool is_heading_here(const SectionHeading& heading, const Paragraph& paragraph, const GridLayout& grid,
                     size_t open_length, size_t data_columns, const std::vector<Section>& sections, bool heading_row) {
  if (heading.kind == SectionHeading::Kind::roman || heading.prefixed) return true;
  if (grid.holds(paragraph)) return grid.is_full_width(paragraph) || heading_row;
  const std::optional<Section> previous = sections.empty() ? std::nullopt : std::optional<Section>(sections.back());
  return open_length >= data_columns && follows(previous, heading);
}

bool is_year_like(int value) { return value >= 1900 && value <= 2100; }

// Whether a section numbered "1", "2" stands before the rows: then "N. Title" is that table's
// heading form (or its rows were copied whole on one line, run_on_rows.h), never a row.
bool arabic_sections(const std::vector<Section>& sections) {
  return std::any_of(sections.begin(), sections.end(), [](const Section& s) {
    return !s.number.empty() && std::all_of(s.number.begin(), s.number.end(), [](char c) { return c >= '0' && c <= '9'; });
  });
}

// Whether "1. Title" at `at` (flattened text) may open a row as its number and name rather than a
// section: a section heading is followed by its first row's number ("1", "1.1", a mark, "I") or by
// a heading ("2. Title" over "2. Name …"); a row by its cells.
bool opens_named_row(const SectionHeading& heading, const std::vector<Paragraph>& paragraphs, size_t at,
                     const Vocabulary& vocabulary) {
  if (heading.kind != SectionHeading::Kind::arabic || heading.prefixed || heading.section.title.empty()) return false;
  if (at + 1 >= paragraphs.size()) return false;
  // Nor is a whole row copied on one line ("1. Name 2026 Agency", run_on_rows.h): what follows it
  // is the next row, a heading or the table's end, never a cell.
  const Paragraph& next = paragraphs[at + 1];
  // A run-on row's next is the next run-on row: its first word the next number ("2", "2.", "2)").
  const std::optional<int> number = parse_row_number(heading.section.number);
  const std::optional<int> next_lead = parse_row_number(std::string_view(next.text).substr(0, next.text.find(' ')));
  if (number && next_lead && *next_lead == *number + 1) return false;
  return !parse_row_number(next.text) && !parse_sub_number(next.text) && !is_row_mark(next.text) &&
         !parse_roman_row_number(next.text) && !is_overflowing_number(next.text) && !parse_section(next, vocabulary) &&
         !is_glossary_heading(next.text, vocabulary) && !is_published_marker(next.text, vocabulary);
}

}  // namespace

bool is_published_marker(const std::string& paragraph, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(paragraph);
  for (const std::string& phrase : vocabulary.phrases("published")) {
    if (!starts_with_words(folded, phrase) || folded.size() > phrase.size() + 40) continue;
    // The words alone (the date in the next paragraph), or a day after them: "Опубликовано в
    // районной газете" in a cell is an outcome, not the end of the table.
    std::string_view rest = trim(std::string_view(paragraph).substr(std::min(phrase.size(), paragraph.size())));
    while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || rest.front() == ' ')) rest.remove_prefix(1);
    if (folded.size() != paragraph.size() || rest.empty()) return true;
    const std::optional<Deadline> day = parse_deadline(rest, vocabulary);
    if (day && day->from && day->from == day->to) return true;
  }
  return false;
}


namespace {

// The rows' number paragraphs and bodies, the sections between them, and what lies in no row:
// the walk from the header to where the table ends.
struct Walk {
  std::vector<std::vector<Paragraph>> bodies;  // paragraphs of each row after its number
  size_t end = 0;                              // where the table ends
};

// In a grid whose number column is not the first, a row's cells before its number were walked
// before the row began: they move from the previous row (or from the unclaimed paragraphs) to
// the row their grid row starts.
void take_cells_before_number(const GridPosition& number, std::vector<std::vector<Paragraph>>& bodies,
                              std::vector<Paragraph>& unclaimed) {
  const auto same_row = [&](const Paragraph& p) { return p.grid.table == number.table && p.grid.row == number.row; };
  // They went where the walk put paragraphs before this row: the open row, or (after a section
  // heading) the unclaimed ones.
  for (std::vector<Paragraph>* from : {&unclaimed, bodies.size() >= 2 ? &bodies[bodies.size() - 2] : nullptr}) {
    if (from == nullptr) continue;
    auto first = from->end();
    while (first != from->begin() && same_row(*(first - 1))) --first;
    if (first == from->end()) continue;
    bodies.back().insert(bodies.back().begin(), std::make_move_iterator(first), std::make_move_iterator(from->end()));
    from->erase(first, from->end());
    return;
  }
}

// A glossary without a heading ends a flattened table where its entries begin ("MIA – Ministry
// …" twice in a row), but only after a whole row and when no later paragraph carries the next
// activity's number: two lines of one agency cell ("МВД – обеспечить …") look the same.
bool opens_headless_glossary(const std::vector<Paragraph>& paragraphs, size_t at, int expected,
                             const Vocabulary& vocabulary, const std::vector<std::vector<Paragraph>>& rows) {
  if (!opens_glossary(paragraphs, at, vocabulary, &rows)) return false;
  // A numbered glossary counts from 1: a line numbered as the next row is that row ("3. МВД – …").
  if (const std::optional<ListItem> item = list_item(paragraphs[at].text); item && item->number == expected) return false;
  const std::string next = std::to_string(expected);
  return std::none_of(paragraphs.begin() + static_cast<std::ptrdiff_t>(at), paragraphs.end(), [&](const Paragraph& p) {
    return p.text == next || p.text == next + "." || p.text == next + ")";
  });
}

// Whether a number other than the expected one, standing where a row could start in flattened
// text, starts one (a gap or a repeat in the numbering) rather than being a figure of the open
// row's last cells ("1200" under "Budget"): it does not jump far ahead, and the expected number
// does not follow within the next cells.
bool starts_out_of_sequence(const std::vector<Paragraph>& paragraphs, size_t at, int number, int expected,
                            size_t data_columns) {
  constexpr int kMaxNumberingJump = 100;
  if (number > expected && number - expected > kMaxNumberingJump) return false;
  const size_t window = std::max<size_t>(1, data_columns - 1);
  for (size_t k = at + 1; k < paragraphs.size() && k <= at + window; ++k) {
    if (parse_row_number(paragraphs[k].text) == expected) return false;
  }
  return true;
}

// Whether a table whose first number is the Roman "I" at `at` numbers its rows so, as indicator
// tables do ("I.", "II.", …), rather than opening a section whose title stands in a cell of its
// own ("I." | "Title" over rows "1", "2"): no Arabic number starts a row before "II" or the
// table's end (in flattened text, where a figure may stand alone, no "1"), and
// the row has two cells or more (in a grid, in its own grid row).
bool numbers_rows_in_roman(const std::vector<Paragraph>& paragraphs, size_t at, const GridLayout& grid, size_t columns,
                           const Vocabulary& vocabulary) {
  const bool in_grid = grid.holds(paragraphs[at]);
  const auto same_row = [&](const Paragraph& p) {
    return grid.holds(p) && p.grid.table == paragraphs[at].grid.table && p.grid.row == paragraphs[at].grid.row;
  };
  size_t cells = 0;
  // A number column that is not the first has the row's first cells before the number.
  for (size_t k = at; in_grid && k > 0 && same_row(paragraphs[k - 1]); --k) ++cells;
  for (size_t k = at + 1; k < paragraphs.size(); ++k) {
    const Paragraph& p = paragraphs[k];
    if (is_glossary_heading(p.text, vocabulary) || is_published_marker(p.text, vocabulary)) break;
    if (grid.table >= 0 && !grid.holds(p)) break;
    // The column numbers repeated after a page break ("1", "2", "3" …) are no Arabic row.
    if (const size_t repeat = column_number_row(paragraphs, k, columns)) {
      k += repeat - 1;
      continue;
    }
    const bool number_cell = !grid.holds(p) || p.grid.column == grid.number_column;
    // The next row's "II", not any numeral: "MDI", "CC" in the first row's cells are agencies.
    if (number_cell && parse_roman_row_number(p.text) == 2) break;
    if (number_cell && (in_grid ? parse_row_number(p.text).has_value() : parse_row_number(p.text) == 1)) return false;
    if (!in_grid || same_row(p)) ++cells;
  }
  return cells >= 2;
}

// A section heading whose numeral and title stand in cells of their own, as a Word table's
// number column and a merged cell beside it hold them ("I." | "Title"): a numeral alone at
// `at`, then one paragraph that opens nothing, then the grid row's end (a page, a Word
// document) or, in flattened text, the number of the row expected next. A Roman numeral; or an
// Arabic one whose rows are numbered within it ("2." | "Title" over "2.1"). In flattened text a
// Roman numeral must also follow the last section's ("I" first) where a row has ended: "MDI" or
// "CC" alone is an agency's abbreviation far more often.
std::optional<SectionHeading> split_section(const std::vector<Paragraph>& paragraphs, size_t at, const GridLayout& grid,
                                            int expected, bool row_whole,
                                            const std::vector<Section>& sections, const Vocabulary& vocabulary) {
  if (at + 1 >= paragraphs.size()) return std::nullopt;
  const Paragraph& numeral = paragraphs[at];
  const Paragraph& title = paragraphs[at + 1];
  const Paragraph* after = at + 2 < paragraphs.size() ? &paragraphs[at + 2] : nullptr;
  const std::optional<int> arabic = parse_row_number(numeral.text);
  const std::optional<int> roman = arabic ? std::nullopt : parse_roman_row_number(numeral.text);
  if (!arabic && !roman) return std::nullopt;
  if (arabic) {
    const std::optional<SubNumber> first = after ? parse_sub_number(after->text) : std::nullopt;
    if (!first || first->group != *arabic || first->item != 1) return std::nullopt;
  }
  if (parse_row_number(title.text) || parse_sub_number(title.text) || parse_roman_row_number(title.text) ||
      parse_section(title, vocabulary)) {
    return std::nullopt;
  }
  if (grid.holds(numeral)) {
    const auto same_row = [&](const Paragraph* p) {
      return p != nullptr && grid.holds(*p) && p->grid.table == numeral.grid.table && p->grid.row == numeral.grid.row;
    };
    if (numeral.grid.column != grid.number_column || !same_row(&title) || same_row(after)) return std::nullopt;
  } else if (roman) {
    const std::optional<int> next = after ? parse_row_number(after->text) : std::nullopt;
    if (grid.holds(title) || next != expected || !row_whole) return std::nullopt;
    const std::optional<int> last =
        sections.empty() ? std::optional<int>(0) : parse_roman_row_number(sections.back().number);
    if (!last || *roman != *last + 1) return std::nullopt;
  } else if (grid.holds(title) || !row_whole) {
    return std::nullopt;
  }
  std::string stopped = numeral.text;
  if (stopped.back() != '.' && stopped.back() != ')') stopped += '.';
  Paragraph joined{stopped + " " + title.text, numeral.line};
  return parse_section(joined, vocabulary);
}

// The length from which a row's body takes room for all the paragraphs left (walk_rows).
constexpr size_t kLongBody = 4096;

// `spend`, when given, is `paragraphs` itself, whose paragraphs the rows may take rather than
// copy (read_table: a reading that is not read again).
// The header's cells in the order they stand, one text a paragraph: what a repeat of the header
// inside the table reads.
std::vector<std::string> header_texts(const Header& header) {
  std::vector<const Paragraph*> cells;
  for (const auto& cell : header.cells) cells.insert(cells.end(), cell.begin(), cell.end());
  std::sort(cells.begin(), cells.end(), [](const Paragraph* a, const Paragraph* b) { return a->line < b->line || (a->line == b->line && a < b); });
  std::vector<std::string> texts;
  for (const Paragraph* cell : cells) texts.push_back(cell->text);
  return texts;
}

// "– 2 –", "- 12 -", "Страница 2 из 3", "стр. 2", "Page 2 of 3", "2-бет": a page's number as a
// copy across a page break prints it (vocabulary page.word; "из", "of" join two numbers). A bare
// figure is no page number: it may be an activity's number or a cell's value.
bool is_page_number(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kMaxBytes = 32;
  constexpr size_t kMaxWords = 4;
  text = trim(text);
  if (text.empty() || text.size() > kMaxBytes) return false;
  // Told apart from the short cells of a row ("1.", "2027 год", "МФ") before any folding: a page
  // number holds a figure, and one the text opens with is glued to its page word ("2-бет").
  const size_t lead = static_cast<size_t>(std::find_if(text.begin(), text.end(), [](char c) { return c < '0' || c > '9'; }) - text.begin());
  if (lead == text.size() || (lead > 0 && text[lead] != '-')) return false;
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  const std::vector<std::string> words = words_of(fold_case(text));
  if (words.empty() || words.size() > kMaxWords) return false;
  size_t numbers = 0;
  bool page_word = false;
  for (const std::string& word : words) {
    // "2-бет": the number and the word in one token.
    const size_t digits = static_cast<size_t>(std::find_if(word.begin(), word.end(), [](char c) { return c < '0' || c > '9'; }) - word.begin());
    if (digits == word.size()) {
      ++numbers;
    } else if (digits > 0 && word[digits] == '-' && vocabulary.has_word("page.word", word.substr(digits + 1))) {
      ++numbers;
      page_word = true;
    } else if (vocabulary.has_word("page.word", word)) {
      page_word = true;
    } else {
      return false;
    }
  }
  if (numbers == 0 || numbers > 2) return false;
  if (page_word) return true;
  // Digits alone count only between dashes: "– 2 –".
  return numbers == 1 && is_dash(code_point_at(text, 0)) && is_dash(code_point_before(text, text.size()));
}

// Whether a cell is the number column's header word and nothing else ("№", "No.", "№ п/п"):
// evidence for the number role and for no other.
bool opens_header_row(std::string_view cell, const Vocabulary& vocabulary) {
  constexpr size_t kMaxNumberHeaderBytes = 16;
  if (trim(cell).empty() || trim(cell).size() > kMaxNumberHeaderBytes) return false;
  if (std::any_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  const RoleScores scores = score_header_cell(cell, vocabulary);
  for (size_t role = 0; role < scores.size(); ++role) {
    if (role != role_index(ColumnRole::number) && scores[role] > 0) return false;
  }
  return scores[role_index(ColumnRole::number)] >= 2;
}

// How many paragraphs from `at` repeat the header, word for word, with the column numbers under
// it, or the column numbers alone: a copy across a page break prints them again between two
// rows. 0 for none. `row_whole`: no row is open, or the open one has a paragraph a column (in
// flattened text, "1", "2", "3" in a half-read row may be its figures).
size_t repeated_header(const std::vector<Paragraph>& paragraphs, size_t at, const std::vector<std::string>& header,
                       size_t columns, bool row_whole, const GridLayout& grid) {
  size_t length = 0;
  while (length < header.size() && at + length < paragraphs.size() && paragraphs[at + length].text == header[length]) ++length;
  if (length < header.size() || header.size() < 2) length = 0;
  // In a grid the repeat is a grid row of its own.
  const auto starts_grid_row = [&](size_t i) {
    return !grid.holds(paragraphs[i]) || i == 0 || paragraphs[i - 1].grid.table != paragraphs[i].grid.table ||
           paragraphs[i - 1].grid.row != paragraphs[i].grid.row;
  };
  if (length > 0 && !starts_grid_row(at)) length = 0;
  if (at + length < paragraphs.size() && (length > 0 || row_whole || grid.holds(paragraphs[at])) && starts_grid_row(at + length)) {
    length += column_number_row(paragraphs, at + length, columns);
  }
  return length;
}

// Where the plan's table, ended at `at`, goes on in the next table of the document: a Word table
// broken at a page break is saved as one table a page, with at most a caption or a page number
// between them. It goes on when the next table's first grid row fits in the header's grid and
// holds the next activity number in the number column, or repeats the header. The index of that
// row's first paragraph, or none. `opens_next_row`: whether a number-column text is the next
// activity's number in the table's numbering ("5", "III.", "1.3").
constexpr size_t kMaxParagraphsBetweenTables = 2;
std::optional<size_t> continues_in(const std::vector<Paragraph>& paragraphs, size_t at, const GridLayout& grid,
                                   const std::vector<std::string>& header,
                                   const std::function<bool(std::string_view)>& opens_next_row) {
  size_t next = at;
  while (next < paragraphs.size() && paragraphs[next].grid.table < 0 && next - at < kMaxParagraphsBetweenTables) ++next;
  if (next >= paragraphs.size() || paragraphs[next].grid.table != grid.last_table + 1) return std::nullopt;
  const GridPosition first = paragraphs[next].grid;
  if (first.row != 0) return std::nullopt;
  bool repeats_header = true;
  bool numbered = false;
  size_t k = next;
  for (; k < paragraphs.size() && paragraphs[k].grid.table == first.table && paragraphs[k].grid.row == 0; ++k) {
    const GridPosition& cell = paragraphs[k].grid;
    if (cell.column + cell.colspan > grid.width) return std::nullopt;
    repeats_header = repeats_header && k - next < header.size() && paragraphs[k].text == header[k - next];
    numbered = numbered || (cell.column == grid.number_column && opens_next_row(paragraphs[k].text));
  }
  repeats_header = repeats_header && k - next == header.size();
  if (!repeats_header && !numbered) return std::nullopt;
  return next;
}

// Figures only: "4 600,0", "1 500.5" (digits with spaces, no-break spaces, stops and commas).
bool is_figures(std::string_view text) {
  bool digit = false;
  for (size_t at = 0; at < text.size();) {
    const char32_t c = next_code_point(text, at);
    if (c >= U'0' && c <= U'9') {
      digit = true;
    } else if (c != U' ' && c != U',' && c != U'.' && c != U'\u00A0' && c != U'\u202F' && c != U'\u2009') {
      return false;
    }
  }
  return digit;
}

// A row of sums ("Итого", "Всего по разделу 1:", "Итого: 4 600,0", "Total", "Барлығы", "Всего по
// плану 150,0", "Total: 2 activities"): its label is a word of the vocabulary's table.total first,
// then perhaps a qualifier opened by a joining word (table.total_joiner: "по плану", "for the
// plan", up to kMaxQualifierWords words), then perhaps a colon, then nothing, figures, or — after
// a colon or a qualifier — figures and a few words of their unit ("150,0 млн тенге", "2
// activities"). No field holds it (a plan's rows are its activities).
bool is_total_label(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kMaxLabelBytes = 80;
  constexpr size_t kMaxQualifierWords = 4;
  constexpr size_t kMaxUnitWords = 3;
  text = trim(text);
  if (text.empty() || text.size() > kMaxLabelBytes) return false;
  // Asked of every paragraph of the rows: told by its first word's first letter and length
  // before it is folded (folding keeps the length in the scripts of the genre).
  const std::vector<std::string>& totals = vocabulary.phrases("table.total");
  const size_t word = std::min(text.find_first_of(" :\t"), text.size());
  size_t at = 0;
  const auto first = static_cast<char32_t>(u_tolower(static_cast<UChar32>(next_code_point(text, at))));
  if (std::none_of(totals.begin(), totals.end(), [&](const std::string& total) {
        size_t k = 0;
        return std::min(total.find(' '), total.size()) == word && next_code_point(total, k) == first;
      })) {
    return false;
  }
  const std::string folded = fold_case(text);
  const auto has_figure = [](std::string_view w) { return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  for (const std::string& total : totals) {
    if (!starts_with_words(folded, total)) continue;
    std::string_view rest = trim(std::string_view(folded).substr(total.size()));
    bool colon = !rest.empty() && rest.front() == ':';
    if (colon) rest = trim(rest.substr(1));
    std::vector<std::string_view> words;
    for (std::string_view w : split(rest, ' ')) {
      if (!w.empty()) words.push_back(w);
    }
    size_t k = 0;
    const bool qualified = !colon && !words.empty() && vocabulary.has_word("table.total_joiner", words[0]);
    if (qualified) {
      // "по плану", "по разделу 1:", "for section 2": up to a word ending in the colon, or up to
      // figures after the qualifier's first two words.
      while (k < words.size() && !colon) {
        if (k >= 2 && is_figures(words[k])) break;
        if (k >= kMaxQualifierWords) return false;  // a sentence, not a label
        colon = words[k++].back() == ':';
      }
    }
    if (k == words.size()) return true;
    // Figures, then perhaps their unit.
    size_t figures = k;
    while (figures < words.size() && is_figures(words[figures])) ++figures;
    if (figures == k) return false;
    const size_t unit = words.size() - figures;
    return unit == 0 || ((colon || qualified) && unit <= kMaxUnitWords &&
                         std::none_of(words.begin() + static_cast<std::ptrdiff_t>(figures), words.end(), has_figure));
  }
  return false;
}

// The words of a paragraph as written, a hyphenated one in its parts ("2-қосымша").
std::vector<std::string> word_parts(std::string_view text) {
  std::vector<std::string> parts;
  for (const std::string& word : words_of(text)) {
    for (std::string_view part : split(word, '-')) {
      if (!part.empty()) parts.emplace_back(part);
    }
  }
  return parts;
}

// "Приложение 2", "Appendix 2", "2-қосымша", "Приложение № 2", "Annex": an appendix's own line,
// one caption word (vocabulary caption.word) with at most a figure and the act-number sign. How
// many figures it holds, or nullopt when it is no such line.
std::optional<size_t> appendix_line_figures(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kMaxParts = 3;
  constexpr size_t kMaxBytes = 48;  // "Қосымша № 12": a few short words; told before any folding
  if (text.size() > kMaxBytes) return std::nullopt;
  const std::vector<std::string> parts = word_parts(text);
  if (parts.empty() || parts.size() > kMaxParts) return std::nullopt;
  // As written: a Roman numeral is told by its capitals.
  const auto is_figure = [](const std::string& part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
           parse_roman_row_number(part).has_value();
  };
  size_t captions = 0;
  size_t figures = 0;
  for (const std::string& part : parts) {
    const std::string folded = fold_case(part);
    if (vocabulary.has_word("caption.word", folded)) {
      ++captions;
    } else if (is_figure(part)) {
      ++figures;
    } else if (!vocabulary.has_word("act.number", folded)) {
      return std::nullopt;
    }
  }
  if (captions != 1 || figures > 1) return std::nullopt;
  return figures;
}

// A line of rule characters only ("______", "-----", "* * *"): a copy's separator or a signature's
// line, which holds no text.
bool is_rule_paragraph(std::string_view text) {
  constexpr size_t kMinRule = 3;
  text = trim(text);
  size_t marks = 0;
  for (char c : text) {
    if (c == '_' || c == '-' || c == '=' || c == '*' || c == '~') {
      ++marks;
    } else if (c != ' ') {
      return false;
    }
  }
  return marks >= kMinRule;
}

Walk walk_rows(const std::vector<Paragraph>& paragraphs, const Header& header, GridLayout& grid,
               const Vocabulary& vocabulary, TableResult& table, std::vector<Paragraph>* spend) {
  Walk walk;
  const size_t data_columns = table.columns.size() - 1;
  bool row_open = false;  // a section heading closes the row before it
  std::optional<std::string> section;
  int expected = 1;
  bool out_of_sequence = false;  // the last row started with a number other than the expected one
  bool marked_rows = false;      // the first row was marked by a dash or a bullet, not numbered
  bool roman_rows = false;       // the first row was numbered "I." (numbers_rows_in_roman): every row is
  bool named_rows = false;       // the first row's number and name shared a paragraph ("1. Ремонт школ"): every row's do
  // The first row was numbered within a group ("1.1"): every row is, and `expected_sub` is
  // the number that would continue the last row's group.
  bool sub_numbered = false;
  SubNumber expected_sub;
  // The number of the next line of a note opened under a row (is_note, is_note_lead): none while
  // no note is open, and none again once a row opens.
  std::optional<int> note_next;
  // A row starts at `number`, in the section open there, with `body` as its paragraphs so far.
  const auto open_row = [&](Paragraph number, int value, std::vector<Paragraph> body) {
    // The row before gives back the room its long body took and did not use.
    if (!walk.bodies.empty() && walk.bodies.back().size() >= kLongBody) walk.bodies.back().shrink_to_fit();
    Row row;
    row.number = std::move(number);
    row.value = value;
    row.section = section;
    table.rows.push_back(std::move(row));
    walk.bodies.push_back(std::move(body));
    row_open = true;
    note_next.reset();
  };
  // Where the number column is the first, a cell cut from the middle of a line (a tab copy: the
  // paragraph before it is on its line) is no row's number, whatever figure it holds ("2" in a
  // count column at the end of row 1 is not row 2).
  const bool number_first = number_column_of(table.columns) == 0;
  const std::vector<std::string> repeat_of_header = header_texts(header);
  // The last grid row a cell merged from above (rowspan) reaches, in table `cover_table`, over the
  // paragraphs before `covered_to`: the walk only moves on, and so does this.
  size_t covered_to = header.end;
  int cover_table = -1;
  int cover_row = -1;
  const auto merged_into = [&](const Paragraph& cell, size_t at) {
    for (; covered_to < at; ++covered_to) {
      const GridPosition& g = paragraphs[covered_to].grid;
      if (g.table < 0) continue;
      if (g.table != cover_table) {
        cover_table = g.table;
        cover_row = -1;
      }
      cover_row = std::max(cover_row, g.row + static_cast<int>(g.rowspan) - 1);
    }
    return cell.grid.table == cover_table && cover_row >= cell.grid.row;
  };
  // A grid row whose number cell is empty and whose only text stands in its first text cell
  // (spanning the rest or not), every other cell empty and none merged into it from above: a
  // heading, unless it goes on the name of the open row as a wrapped line does (lower case, after
  // a comma or a joining word) or that row has no name yet. Before, it ran on into the name.
  const auto is_heading_row = [&](size_t at, bool open) {
    const Paragraph& cell = paragraphs[at];
    if (!grid.holds(cell) || grid.unnumbered || cell.grid.column != grid.first_text_column || grid.is_full_width(cell)) {
      return false;
    }
    const auto other_cell = [&](const Paragraph& q) {
      return q.grid.table == cell.grid.table && q.grid.row == cell.grid.row && q.grid.column != cell.grid.column;
    };
    size_t before = at;
    while (before > header.end && paragraphs[before - 1].grid.table == cell.grid.table &&
           paragraphs[before - 1].grid.row == cell.grid.row && !other_cell(paragraphs[before - 1])) {
      --before;
    }
    if (before > header.end && other_cell(paragraphs[before - 1])) return false;
    size_t after = at + 1;
    while (after < paragraphs.size() && grid.holds(paragraphs[after]) && paragraphs[after].grid.table == cell.grid.table &&
           paragraphs[after].grid.row == cell.grid.row && !other_cell(paragraphs[after])) {
      ++after;
    }
    if (after < paragraphs.size() && other_cell(paragraphs[after])) return false;
    if (merged_into(cell, at)) return false;
    if (!open) return true;
    const std::vector<Paragraph>& body = walk.bodies.back();
    const auto name = std::find_if(body.rbegin(), body.rend(), [&](const Paragraph& q) {
      return q.grid.table == cell.grid.table && q.grid.column == cell.grid.column;
    });
    return name != body.rend() && !text_goes_on(name->text, cell.text, vocabulary);
  };
  size_t i = header.end;
  for (; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    const bool mid_line = number_first && !grid.holds(paragraph) && i > header.end && paragraphs[i - 1].line == paragraph.line;
    if (is_glossary_heading(paragraph.text, vocabulary) || is_published_marker(paragraph.text, vocabulary)) break;
    // A table read from HTML ends where its grid does: what follows (a glossary table, notes)
    // is not part of any row, unless the table goes on in the next one.
    if (grid.table >= 0 && !grid.holds(paragraph) && !table.rows.empty()) {
      // The next number in the table's numbering: Arabic, Roman, or within a group ("1.3", or
      // "2.1" opening the next group).
      const auto opens_next_row = [&](std::string_view text) {
        if (roman_rows) return parse_roman_row_number(text) == expected;
        if (!sub_numbered) return parse_row_number(text) == expected;
        const std::optional<SubNumber> sub = parse_sub_number(text);
        return sub && ((sub->group == expected_sub.group && sub->item == expected_sub.item) ||
                       (sub->group == expected_sub.group + 1 && sub->item == 1));
      };
      const std::optional<size_t> next = continues_in(paragraphs, i, grid, repeat_of_header, opens_next_row);
      if (!next) break;
      for (; i < *next; ++i) table.unclaimed.push_back(paragraphs[i]);  // a caption, a page number
      grid.last_table = paragraphs[i].grid.table;
      --i;
      continue;
    }
    const size_t open_length = row_open ? walk.bodies.back().size() : 0;
    if (!mid_line && !table.rows.empty() && !grid.holds(paragraph) && is_page_number(paragraph.text, vocabulary)) {
      table.diagnostics.push_back({Severity::info, Code::repeated_header,
                                   "a page number between the rows, as a copy across a page break prints it; skipped",
                                   paragraph.line});
      continue;
    }
    if (!mid_line && !table.rows.empty()) {
      if (const size_t repeat = repeated_header(paragraphs, i, repeat_of_header, table.columns.size(),
                                                !row_open || open_length >= data_columns, grid)) {
        table.diagnostics.push_back({Severity::info, Code::repeated_header,
                                     repeat > 1 && paragraphs[i].text == repeat_of_header.front()
                                         ? "the table's header is printed again here, as a page break repeats it; skipped"
                                         : "the table's column numbers are printed again here, as a page break repeats them; skipped",
                                     paragraph.line});
        i += repeat - 1;
        continue;
      }
    }
    // A second table after the plan's, in a text copy ("Целевые индикаторы" over "№\tИндикатор\t2026
    // \t2027"): a line of cells whose first is the number column's header word alone is a header
    // row, which no activity's row is. The plan's table ends there; the line before it, alone on
    // its line, is that table's caption, not a cell of the row above. What follows is read as
    // what comes after the table (a glossary after it is still found by its heading).
    if (!table.rows.empty() && !grid.holds(paragraph) && (i == 0 || paragraphs[i - 1].line != paragraph.line) &&
        i + 1 < paragraphs.size() && paragraphs[i + 1].line == paragraph.line && !grid.holds(paragraphs[i + 1]) &&
        opens_header_row(paragraph.text, vocabulary)) {
      std::vector<Paragraph>& before = row_open ? walk.bodies.back() : table.unclaimed;
      if (i > header.end + 1 && !before.empty() && before.back().line == paragraphs[i - 1].line &&
          before.back().line != paragraphs[i - 2].line && !grid.holds(before.back())) {
        if (spend != nullptr && row_open) (*spend)[i - 1] = std::move(before.back());
        before.pop_back();
        --i;
      }
      break;
    }
    if (!grid.holds(paragraph) && (!row_open || open_length >= data_columns) &&
        opens_headless_glossary(paragraphs, i, expected, vocabulary, walk.bodies)) {
      // A caption right before the entries ("Справочно:") heads them: it is no agency of the
      // row above nor an unclaimed paragraph.
      std::vector<Paragraph>& before = row_open ? walk.bodies.back() : table.unclaimed;
      // (Compared as walked: the paragraph itself may have gone into the row.)
      if (i > header.end && !before.empty() && before.back().line == paragraphs[i - 1].line &&
          before.back().grid.table == paragraphs[i - 1].grid.table && !grid.holds(before.back()) &&
          is_caption(before.back().text)) {
        // It goes back where the table's end reads it from, if the row had taken it.
        if (spend != nullptr && row_open) (*spend)[i - 1] = std::move(before.back());
        before.pop_back();
        --i;
      }
      break;
    }
    // The numbered lines of a note under the table ("Примечание:" over "1) …", "2) …"), counted
    // from the note's first: the note's, reported with it, never sections or rows (before, each
    // opened a section).
    if (note_next && !grid.holds(paragraph) && !mid_line) {
      if (const std::optional<ListItem> item = list_item(paragraph.text); item && item->number == *note_next) {
        table.unclaimed.push_back(paragraph);
        ++*note_next;
        continue;
      }
    }
    // A Roman numeral is a row's number only in a table whose first row is numbered so; there an
    // Arabic number is a figure in a cell.
    const std::optional<int> roman =
        (table.rows.empty() || roman_rows) && (!grid.holds(paragraph) || paragraph.grid.column == grid.number_column)
            ? parse_roman_row_number(paragraph.text)
            : std::nullopt;
    const int roman_value = roman.value_or(-1);  // an int: see `value` below
    const bool roman_number =
        roman_value >= 0 && (roman_rows || (roman_value == 1 && numbers_rows_in_roman(paragraphs, i, grid, table.columns.size(), vocabulary)));
    if (!roman_rows && ((!sub_numbered && !roman_number && parse_roman_row_number(paragraph.text)) ||
                        ((table.rows.empty() || sub_numbered) && parse_row_number(paragraph.text)))) {
      if (const std::optional<SectionHeading> heading =
              split_section(paragraphs, i, grid, expected, !row_open || open_length >= data_columns,
                            table.sections, vocabulary)) {
        section = heading->section.number;
        table.sections.push_back(heading->section);
        row_open = false;
        ++i;  // the title
        continue;
      }
    }
    const std::optional<SectionHeading> heading = parse_section(paragraph, vocabulary);
    if (heading && !grid.holds(paragraph) && !mid_line && paragraph.breaks.empty() && !sub_numbered && !roman_rows &&
        !marked_rows && (named_rows || (table.rows.empty() && !arabic_sections(table.sections))) &&
        opens_named_row(*heading, paragraphs, i, vocabulary)) {
      // A row whose number and name share one paragraph ("1. Ремонт школ"): the first row sets
      // it, as it sets a mark or Roman numbers; after it, only the number expected next, where the
      // open row is (nearly) whole. Else "2. Title" stays a section heading (below).
      const int named_value = parse_row_number(heading->section.number).value_or(-1);
      // The first such row is the table's first ("1."): one further down, after lines no row took,
      // is the last of rows copied whole on one line (run_on_rows.h), followed by the glossary.
      if (named_value >= 0 && named_value == expected && (table.rows.empty() || open_length + 1 >= data_columns)) {
        named_rows = true;
        Paragraph number = paragraph;
        number.text = heading->section.number + ".";
        Paragraph name = paragraph;
        name.text = heading->section.title;
        out_of_sequence = false;
        expected = named_value == std::numeric_limits<int>::max() ? named_value : named_value + 1;
        open_row(std::move(number), named_value, {std::move(name)});
        continue;
      }
    }
    const bool heading_row = grid.holds(paragraph) && is_heading_row(i, row_open);
    if (heading && is_heading_here(*heading, paragraph, grid, row_open ? open_length : data_columns, data_columns,
                                   table.sections, heading_row)) {
      section = heading->section.number;
      table.sections.push_back(heading->section);
      row_open = false;
      continue;
    }
    if (row_open && !mid_line && is_total_label(paragraph.text, vocabulary)) {
      // A row of sums closes the row above. It is reported, label and figures, not read: before,
      // its figures joined the last cell of the row above.
      table.unclaimed.push_back(paragraph);
      size_t k = i + 1;
      for (; k < paragraphs.size(); ++k) {
        const Paragraph& next = paragraphs[k];
        const bool same_row = grid.holds(paragraph) ? grid.holds(next) && next.grid.table == paragraph.grid.table &&
                                                          next.grid.row == paragraph.grid.row
                                                    : !grid.holds(next) && (next.line == paragraph.line || is_figures(trim(next.text)));
        if (!same_row) break;
        table.unclaimed.push_back(next);
      }
      i = k - 1;
      row_open = false;
      continue;
    }
    const bool after_whole_row = !grid.holds(paragraph) && !mid_line && row_open && open_length >= data_columns;
    if (after_whole_row && appendix_line_figures(paragraph.text, vocabulary)) {
      // "Приложение 2", "Appendix 2", "2-қосымша" after a whole row: the plan's table has ended and
      // an appendix begins. Before, its caption and title became the last row's agencies, and its
      // own numbered rows the plan's. Unless the plan's next row follows soon, before any row
      // numbered anew from 1: then it was a note column's cell ("Приложение 1") of a row whose
      // cells took more paragraphs than columns.
      constexpr size_t kLookAhead = 12;
      bool next_row = false;
      for (size_t k = i + 1; k < paragraphs.size() && k <= i + kLookAhead; ++k) {
        const std::optional<int> number = grid.holds(paragraphs[k]) ? std::nullopt : parse_row_number(paragraphs[k].text);
        if (number == 1 && expected != 1) break;
        if (number == expected) {
          next_row = true;
          break;
        }
      }
      if (!next_row) break;
    }
    if (after_whole_row && is_rule_paragraph(paragraph.text)) {
      // A rule under the table (a signature's line): it closes the row and holds nothing to report.
      row_open = false;
      continue;
    }
    if (after_whole_row && (is_note(paragraph.text, vocabulary) || is_note_lead(paragraph.text, vocabulary))) {
      // A note after a whole row ("Примечание: мероприятия финансируются …", or "Примечание:"
      // alone over its lines) is no cell of it: before, it became the last row's agency. It is
      // reported, and so is what follows it up to the next row or the glossary; its numbered lines
      // are its own (below). The first may share the lead's paragraph ("Note: 1. …").
      const std::string_view text = trim(std::string_view(paragraph.text));
      const size_t colon = text.find(':');
      const std::optional<ListItem> first =
          colon == std::string_view::npos ? std::nullopt : list_item(trim(text.substr(colon + 1)));
      note_next = first ? first->number + 1 : 1;
      table.unclaimed.push_back(paragraph);
      row_open = false;
      continue;
    }
    if (!grid.holds(paragraph) && row_open && open_length >= data_columns && is_group_heading(paragraph, vocabulary)) {
      // A goal or programme heading after a whole row closes it; it is reported, not read.
      table.headings.push_back(paragraph);
      row_open = false;
      continue;
    }
    if (grid.holds(paragraph) && (grid.is_full_width(paragraph) || heading_row)) {
      // A row whose one cell spans the table is a heading, but with no section number.
      table.headings.push_back(paragraph);
      row_open = false;
      continue;
    }
    if (grid.unnumbered && grid.holds(paragraph) &&
        (i == header.end || !grid.holds(paragraphs[i - 1]) || paragraphs[i - 1].grid.table != paragraph.grid.table ||
         paragraphs[i - 1].grid.row != paragraph.grid.row)) {
      // A grid row of a table with no number column: an activity numbered by its position. Its
      // number stands in the number column the header made up, empty, at the row's line.
      Paragraph number{"", paragraph.line};
      number.grid = paragraph.grid;
      number.grid.column = grid.number_column;
      number.grid.colspan = 1;
      table.diagnostics.push_back({Severity::warning, Code::unnumbered_row,
                                   "the table numbers no row; the row is numbered " + std::to_string(expected) +
                                       " by its position",
                                   paragraph.line});
      open_row(std::move(number), expected++, {paragraph});
      continue;
    }
    if (table.rows.empty() || sub_numbered) {
      if (const std::optional<SubNumber> sub = parse_sub_number(paragraph.text)) {
        // In sequence: the next item of the group, or the first of the next group or of the
        // section just opened (the sections between held no rows). Out of sequence only where
        // the open row is (nearly) whole: "1.5" may be a figure in a cell.
        const bool in_sequence = table.rows.empty() ||
                                 (sub->group == expected_sub.group && sub->item == expected_sub.item) ||
                                 (sub->item == 1 && (sub->group == expected_sub.group + 1 ||
                                                     (sub->group != expected_sub.group && section == std::to_string(sub->group))));
        const bool starts = grid.holds(paragraph)
                                ? paragraph.grid.column == grid.number_column
                                : !mid_line && (in_sequence || !row_open || open_length + 1 >= data_columns);
        if (starts) {
          if (!in_sequence) {
            const bool gap = sub->group > expected_sub.group ||
                             (sub->group == expected_sub.group && sub->item > expected_sub.item);
            table.diagnostics.push_back({Severity::warning, gap ? Code::numbering_gap : Code::numbering_repeat,
                                         "activity " + paragraph.text + (gap ? " follows" : " comes after") + " activity " +
                                             std::to_string(expected_sub.group) + "." + std::to_string(expected_sub.item - 1),
                                         paragraph.line});
          }
          // The group's number is the section's when a heading opened it ("1. …" over "1.1"):
          // the row is item `item` of that section. Else the group is in no heading here, and
          // the number read is only the item's, which the warning says.
          if (section != std::to_string(sub->group)) {
            table.diagnostics.push_back({Severity::warning, Code::group_number,
                                         "activity " + paragraph.text + " is numbered in group " +
                                             std::to_string(sub->group) + ", which no section heading opens; it is read as activity " +
                                             std::to_string(sub->item) + (section ? " of section " + *section : std::string()),
                                         paragraph.line});
          }
          sub_numbered = true;
          expected_sub = {sub->group, sub->item + 1};
          out_of_sequence = false;
          open_row(paragraph, sub->item, {});
          table.rows.back().label = std::string(number_digits(paragraph.text));
          if (grid.holds(paragraph)) take_cells_before_number(paragraph.grid, walk.bodies, table.unclaimed);
          continue;
        }
      }
    }
    // A number too long to hold still starts its row where a number may: the row is kept,
    // numbered next, and the number flagged. So does a dash or a bullet in a table whose first
    // row was marked so (a Word list copied without its numbers): in such a table it is the
    // row's mark, and in any other a lone dash is more likely an empty cell.
    const bool overflowing = is_overflowing_number(paragraph.text);
    const bool mark = is_row_mark(paragraph.text) && (table.rows.empty() || marked_rows) &&
                      (grid.holds(paragraph) || !row_open || (!table.rows.empty() && open_length >= data_columns));
    // The number the row would have: -1 for none (an int, not an optional: g++ 12 sees the
    // optional's value as maybe uninitialized through the conditions below).
    const int value = overflowing || mark ? expected
                      : roman_number      ? roman_value
                      : roman_rows        ? -1
                                          : parse_row_number(paragraph.text).value_or(-1);
    const bool number = value >= 0;
    // A figure ending a row of flattened text (a count under "Количество объектов") may be the
    // very number expected next. Where the open row lacks only its last cell, an "other" one,
    // and the same number follows at once (the row's own number), the first is the figure.
    const bool figure_of_open_row =
        number && value == expected && row_open && !grid.holds(paragraph) && open_length + 1 == data_columns &&
        table.columns.back().role == ColumnRole::other && i + 1 < paragraphs.size() && !grid.holds(paragraphs[i + 1]) &&
        parse_row_number(paragraphs[i + 1].text).value_or(-1) == value;
    // In a grid only the number column starts rows. In flattened text a bare year is a
    // deadline unless it is the very number expected next; any other number starts a row when
    // the open one already has (nearly) a paragraph per column and it reads as a numbering slip
    // rather than a figure in a cell (costs, a count: see starts_out_of_sequence).
    const bool starts_row = !sub_numbered && (
        grid.holds(paragraph)
            ? number && paragraph.grid.column == grid.number_column
            : !mid_line && !figure_of_open_row && (mark || (number && ((value == expected && !overflowing) ||
                         ((overflowing || !is_year_like(value)) && (!row_open || open_length + 1 >= data_columns) &&
                          (table.rows.empty() || overflowing ||
                           starts_out_of_sequence(paragraphs, i, value, expected, data_columns)))))));
    if (!starts_row) {
      if (row_open) {
        // The walk looks ahead, never back at a row's text: a spent paragraph is not read again.
        std::vector<Paragraph>& body = walk.bodies.back();
        // A long body takes room for every paragraph left at once (open_row gives back what
        // it did not use): grown by doubling, a row of a million cells would be held twice and
        // a half while it moves, old and new copies at once (issue 14).
        if (body.size() == body.capacity() && body.size() >= kLongBody) body.reserve(body.size() + (paragraphs.size() - i));
        body.push_back(spend != nullptr ? std::move((*spend)[i]) : paragraph);
      } else {
        table.unclaimed.push_back(paragraph);
      }
      continue;
    }
    if (table.rows.empty()) {
      marked_rows = mark;
      roman_rows = roman_number;
    }
    if (mark) {
      table.diagnostics.push_back({Severity::warning, Code::unnumbered_row,
                                   "row marked \"" + paragraph.text + "\" has no number; it is numbered " +
                                       std::to_string(expected) + " by its position",
                                   paragraph.line});
    } else if (overflowing) {
      table.diagnostics.push_back({Severity::error, Code::unreadable_number,
                                   "activity number " + paragraph.text + " is too large to read; the row is numbered " +
                                       std::to_string(expected),
                                   paragraph.line});
    } else if (!table.rows.empty() && value != expected) {
      // The first row sets the numbering: a plan may continue another and start at 101.
      const bool gap = value > expected;
      table.diagnostics.push_back({Severity::warning, gap ? Code::numbering_gap : Code::numbering_repeat,
                                   "activity " + std::to_string(value) + (gap ? " follows" : " comes after") +
                                       " activity " + std::to_string(expected - 1),
                                   paragraph.line});
    }
    out_of_sequence = !grid.holds(paragraph) && !table.rows.empty() && value != expected && !overflowing && !mark;
    expected = value == std::numeric_limits<int>::max() ? value : value + 1;
    open_row(paragraph, value, {});
    if (grid.holds(paragraph)) take_cells_before_number(paragraph.grid, walk.bodies, table.unclaimed);
  }
  // A number out of sequence that nothing follows before the table ends was the last row's
  // figure ("75" under "Budget"), not a row of its own; so was the number expected next when the
  // row before it lacked only its last cell, an "other" one (a count of 3 ending row 2).
  const bool ends_short_row = walk.bodies.size() >= 2 && grid.table < 0 &&
                              walk.bodies[walk.bodies.size() - 2].size() + 1 == data_columns &&
                              table.columns.back().role == ColumnRole::other;
  if ((out_of_sequence || ends_short_row) && walk.bodies.back().empty() && walk.bodies.size() >= 2) {
    const Paragraph figure = table.rows.back().number;
    std::erase_if(table.diagnostics, [&](const Diagnostic& d) {
      return (d.code == Code::numbering_gap || d.code == Code::numbering_repeat) && d.line == figure.line;
    });
    table.rows.pop_back();
    walk.bodies.pop_back();
    walk.bodies.back().push_back(figure);
  }
  walk.end = i;
  return walk;
}

// The merged cells (rowspan) of a grid that reach below the row that holds them, per column: a
// page that gives two activities one deadline merges their deadline cells, and the activity
// below has no cell of its own in that column. It reads the merged one, as the page shows it,
// at the line where it stands. A cell merged over the grid rows of one activity (its outcomes
// one a grid row) covers no row that opens an activity, so nothing is carried. A column whose
// header spans several grid columns ("Финансирование" over "сумма" and "источник") carries by
// grid column: a merged "источник" goes on under a "сумма" the row gives anew.
struct MergedCells {
  std::vector<std::vector<Paragraph>> cells;  // per column: paragraphs of cells that reach below their row
  int table = -1;                             // the grid table the rows are of

  static int end_of(const Paragraph& p) { return p.grid.row + p.grid.rowspan - 1; }

  // Carries the merged cells over `row` into the grid columns its cells leave empty, then keeps
  // those of `row` that reach further down.
  void carry(Row& row, std::vector<std::vector<ParagraphKind>>& cell_kinds, size_t number_column,
             const Vocabulary& vocabulary) {
    // A table that goes on in the next one numbers its grid rows afresh (a merge ends with its table).
    if (row.number.grid.table != table) cells.clear();
    table = row.number.grid.table;
    cells.resize(row.cells.size());
    const int first = row.number.grid.row;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (c == number_column) continue;
      std::vector<Paragraph>& cell = row.cells[c];
      std::vector<ParagraphKind>& kinds = cell_kinds[c];
      for (const Paragraph& p : cells[c]) {
        if (end_of(p) < first) continue;
        const auto own = [&](const Paragraph& q) { return q.grid.column == p.grid.column && q.grid.row != p.grid.row; };
        if (std::any_of(cell.begin(), cell.end(), own)) continue;
        // In grid-column order, after the paragraphs of its own cell carried before it.
        const auto at = std::find_if(cell.begin(), cell.end(), [&](const Paragraph& q) { return q.grid.column > p.grid.column; });
        const auto k = at - cell.begin();
        kinds.insert(kinds.begin() + k, classify_paragraph(p.text, vocabulary));
        cell.insert(at, p);
      }
      cells[c].clear();
      for (const Paragraph& p : cell) {
        if (p.grid.rowspan > 1 && end_of(p) > first) cells[c].push_back(p);
      }
    }
  }
};

// Each row's body into its cells: by grid column where the table is a grid, else aligned by
// the paragraphs' kinds (align.h). With `take` the paragraphs move from the body into the cells.
void fill_cells(Row& row, std::vector<Paragraph>& body, const std::vector<Column>& columns, const GridLayout& grid,
                const Vocabulary& vocabulary, bool take, MergedCells& merged) {
  const auto give = [&](Paragraph& p) { return take ? std::move(p) : Paragraph(p); };
  const size_t number_column = number_column_of(columns);
  row.cells.assign(columns.size(), {});
  // Each cell's kinds, laid end to end into row.kinds once the cells are filled.
  std::vector<std::vector<ParagraphKind>> cell_kinds(columns.size());
  const auto lay_kinds = [&] {
    size_t count = 0;
    for (const auto& kinds : cell_kinds) count += kinds.size();
    row.kinds.clear();
    row.kinds.reserve(count);
    for (const auto& kinds : cell_kinds) row.kinds.insert(row.kinds.end(), kinds.begin(), kinds.end());
  };
  const bool from_grid = grid.holds(row.number) &&
                         std::all_of(body.begin(), body.end(), [&](const Paragraph& p) { return grid.holds(p); });
  if (from_grid) {
    for (Paragraph& p : body) {
      const int c = grid.column_index(p);
      if (c >= 0 && static_cast<size_t>(c) != number_column) {
        cell_kinds[static_cast<size_t>(c)].push_back(classify_paragraph(p.text, vocabulary));
        row.cells[static_cast<size_t>(c)].push_back(give(p));
      } else {
        row.unaligned.push_back(give(p));
      }
    }
    merged.carry(row, cell_kinds, number_column, vocabulary);
    lay_kinds();
    return;
  }
  std::vector<ColumnRole> roles;
  std::vector<size_t> column_of_role;  // index into `columns` of each entry of `roles`
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c == number_column) continue;
    roles.push_back(columns[c].role);
    column_of_role.push_back(c);
  }
  // Cells cut at tabs or bars on the row's own line, one for each column: the copy kept the
  // cells' borders, so each is its column's whatever its words say ("в течение года", a form
  // no vocabulary reads, is still the deadline); the cell check then judges what each holds.
  // Lines after it (the last row's note, or more of its last cell) go on its last cell.
  const bool one_cell_each = roles.size() >= 2 && body.size() >= roles.size() &&
                             std::all_of(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(roles.size()), [&](const Paragraph& p) {
                               return p.line == row.number.line && !p.whole_line && p.breaks.empty();
                             }) &&
                             (body.size() == roles.size() || body[roles.size()].line != row.number.line);
  // A deadline wrapped over two lines is one paragraph before any is classified: its first line
  // alone is prose, and would go to the outcome or the name.
  if (!one_cell_each) join_wrapped_deadlines(body, vocabulary, true);
  std::vector<ParagraphKind> kinds;
  kinds.reserve(body.size());
  for (const Paragraph& p : body) kinds.push_back(classify_paragraph(p.text, vocabulary));
  std::vector<bool> wrapped(body.size(), false);
  for (size_t k = 1; k < body.size() && k < kMaxAlignedParagraphs && !one_cell_each; ++k) {
    wrapped[k] = kinds[k - 1] == ParagraphKind::prose && kinds[k] == ParagraphKind::prose &&
                 wraps_on(body[k - 1], body[k], vocabulary);
  }
  std::vector<std::pair<size_t, size_t>> ranges;
  if (one_cell_each) {
    for (size_t k = 0; k < roles.size(); ++k) ranges.emplace_back(k, k + 1);
    ranges.back().second = std::min(body.size(), kMaxAlignedParagraphs);
  } else {
    ranges = align_row(kinds, roles, wrapped);
  }
  for (size_t r = 0; r < ranges.size(); ++r) {
    std::vector<Paragraph>& cell = row.cells[column_of_role[r]];
    // An outcome's wrapped lines join it (with "\n", as a name's lines join): each outcome
    // pairs with a deadline, so a line of one is no outcome of its own.
    const bool joins = roles[r] == ColumnRole::outcome;
    for (size_t k = ranges[r].first; k < ranges[r].second; ++k) {
      if (joins && k > ranges[r].first && wrapped[k]) {
        Paragraph& outcome = cell.back();
        outcome.breaks.push_back({outcome.text.size() + 1, body[k].line});
        for (const LineBreak& line : body[k].breaks) outcome.breaks.push_back({line.offset + outcome.text.size() + 1, line.line});
        outcome.text += "\n" + body[k].text;
        continue;
      }
      cell.push_back(give(body[k]));
      cell_kinds[column_of_role[r]].push_back(kinds[k]);
    }
  }
  // Past the aligned run the paragraphs are unaligned. Taken, the body itself becomes that
  // list: a row of a million cells is not held twice, nor in a vector grown by doubling
  // (issue 14). Only then: a row with none keeps no room for them.
  const size_t aligned = std::min(body.size(), kMaxAlignedParagraphs);
  if (take && row.unaligned.empty() && body.size() > aligned) {
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(aligned));
    row.unaligned = std::move(body);
    body.clear();
  } else {
    row.unaligned.reserve(row.unaligned.size() + body.size() - aligned);
    for (size_t k = aligned; k < body.size(); ++k) row.unaligned.push_back(give(body[k]));
  }
  lay_kinds();
}

// In flattened text a label between the header and the first row (a stray note) looks like a
// header cell no role names; the rows tell: a column that no row fills was no column. Its
// paragraphs are unclaimed instead (a warning still reports them).
void drop_empty_unknown_columns(Header& header, TableResult& table) {
  for (size_t c = table.columns.size(); c-- > 0;) {
    if (!header.unknown[c] || table.columns[c].role != ColumnRole::other) continue;
    if (std::any_of(table.rows.begin(), table.rows.end(), [&](const Row& row) { return !row.cells[c].empty(); })) continue;
    for (const Paragraph* paragraph : header.cells[c]) table.unclaimed.push_back(*paragraph);
    const int line = header.cells[c].front()->line;
    std::erase_if(table.diagnostics, [&](const Diagnostic& d) { return d.code == Code::unknown_column && d.line == line; });
    table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(c));
    header.cells.erase(header.cells.begin() + static_cast<std::ptrdiff_t>(c));
    header.unknown.erase(header.unknown.begin() + static_cast<std::ptrdiff_t>(c));
    if (c < header.repeats.size()) header.repeats.erase(header.repeats.begin() + static_cast<std::ptrdiff_t>(c));
    for (Row& row : table.rows) {
      // The column is empty in every row: its kinds take no room in row.kinds.
      row.cells.erase(row.cells.begin() + static_cast<std::ptrdiff_t>(c));
    }
  }
}

}  // namespace

std::span<const ParagraphKind> kinds_of(const Row& row, size_t column) {
  size_t begin = 0;
  for (size_t c = 0; c < column && c < row.cells.size(); ++c) begin += row.cells[c].size();
  const size_t count = column < row.cells.size() ? row.cells[column].size() : 0;
  if (begin + count > row.kinds.size()) return {};
  return std::span<const ParagraphKind>(row.kinds).subspan(begin, count);
}

size_t number_column_of(const std::vector<Column>& columns) {
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].role == ColumnRole::number) return c;
  }
  return 0;
}

namespace {

// Whether the text holds a person's initial ("А. Петров", "Петров А.Б."): one capital and a stop.
bool holds_initial(std::string_view text) {
  const std::u32string chars = to_u32(text);
  for (size_t i = 0; i + 1 < chars.size(); ++i) {
    const bool starts_word = i == 0 || chars[i - 1] == U' ' || chars[i - 1] == U'.';
    const bool ends_initial = chars[i + 1] == U'.' && (i + 2 == chars.size() || !is_letter(chars[i + 2]) || is_upper(chars[i + 2]));
    if (starts_word && is_upper(chars[i]) && ends_initial) return true;
  }
  return false;
}

// In flattened text the last row runs to wherever the table ends, so a closing signature
// ("Руководитель аппарата … А. Петров") joins its last cell. When the row has more paragraphs
// than columns and its last paragraph, appended to a cell, names a person by initials, that
// paragraph is flagged: nothing else tells it from a second written-out agency.
// `body_size` and `last` are the last row's body as it was before its cells took it.
void flag_trailing_paragraph(size_t body_size, const Paragraph& last, TableResult& table) {
  const Row& row = table.rows.back();
  const size_t data_columns = table.columns.size() - 1;
  if (body_size <= data_columns) return;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const std::vector<Paragraph>& cell = row.cells[c];
    if (cell.size() < 2 || cell.back().line != last.line || cell.back().text != last.text) continue;
    if (kinds_of(row, c).back() != ParagraphKind::prose || !holds_initial(cell.back().text)) return;
    table.diagnostics.push_back({Severity::warning, Code::extra_paragraph,
                                 "the last paragraph of activity " + std::to_string(row.value) +
                                     ", read into its " + std::string(column_role_name(table.columns[c].role)) +
                                     " cell, may be a signature after the table: " +
                                     cell.back().text,
                                 cell.back().line});
    return;
  }
}

// In flattened text a heading between two rows that no form marks as one ("Организационные
// мероприятия", no number, no section word) runs on into the last cell of the row above. When
// that cell is the agencies' and its last paragraph (no deadline) names no body, that paragraph is
// flagged: nothing else tells it from a second written-out agency the vocabulary does not know.
void flag_heading_in_agencies(const Row& row, TableResult& table, const Vocabulary& vocabulary) {
  const size_t last = table.columns.size() - 1;
  if (table.columns[last].role != ColumnRole::agencies || last >= row.cells.size()) return;
  const std::vector<Paragraph>& cell = row.cells[last];
  if (cell.size() < 2 || kinds_of(row, last).back() == ParagraphKind::deadline) return;
  const std::u32string first = to_u32(std::string_view(cell.back().text).substr(0, 4));
  if (first.empty() || !is_upper(first.front()) || names_bodies(cell.back().text, vocabulary)) return;
  table.diagnostics.push_back({Severity::warning, Code::extra_paragraph,
                               "the last paragraph of activity " + std::to_string(row.value) +
                                   ", read into its agencies cell, names no body and may be a heading between rows: " +
                                   cell.back().text,
                               cell.back().line});
}


// How many paragraphs from `at` make a publication-date line: its words and a day
// ("Дата публикации: 11.02.2026", "Publication date 11 February 2026"), or the words alone and
// the day on the next line. 0 for none, the words without a day included.
size_t publication_lines(const std::vector<Paragraph>& paragraphs, size_t at, size_t end, const Vocabulary& vocabulary) {
  const std::string& text = paragraphs[at].text;
  if (!is_published_marker(text, vocabulary)) return 0;
  const std::string folded = fold_case(text);
  if (folded.size() != text.size()) return 0;
  const auto whole_day = [&](std::string_view day_text) {
    const std::optional<Deadline> day = parse_deadline(day_text, vocabulary);
    return day && day->from && day->from == day->to && !day->recurrence;
  };
  for (const std::string& phrase : vocabulary.phrases("published")) {
    if (!starts_with_words(folded, phrase)) continue;
    std::string_view rest = trim(std::string_view(text).substr(phrase.size()));
    while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || rest.front() == ' ')) rest.remove_prefix(1);
    if (!rest.empty()) return whole_day(rest) ? 1 : 0;
    return at + 1 < end && whole_day(trim(paragraphs[at + 1].text)) ? 2 : 0;
  }
  return 0;
}

// How many paragraphs from the first make an appendix's caption above its title ("Приложение к
// постановлению акимата …" / "от 3 февраля 2027 года № 41"; "Approved by the order … No. 214";
// "… № 9 бұйрығына қосымша"): the next go on the first in lower case or with a figure, the first
// or the last opens or ends with a caption word (vocabulary caption.word: Kazakh puts it last,
// after the body and the date, "Облысы әкімдігінің" / "2026 жылғы 5 наурыздағы" / "№ 58
// қаулысымен бекітілген"), and they cite an act by its number ("№ 41": a title may start
// "Утвержденный план…", but cites no number) or the first line is the appendix's number alone
// ("Annex 2"). 0 for none.
size_t caption_length(const std::vector<Paragraph>& paragraphs, size_t end, const Vocabulary& vocabulary) {
  if (end == 0) return 0;
  const auto captioned = [&](size_t k) {
    const std::vector<std::string> words = word_parts(fold_case(paragraphs[k].text));
    return !words.empty() && (vocabulary.has_word("caption.word", words.front()) || vocabulary.has_word("caption.word", words.back()));
  };
  // A caption's lines after the first go on in lower case, or open with a figure or with the
  // act's number ("№ 58", "No. 212 dated 14 March 2027").
  const auto opens_with_number = [&](size_t k) {
    const std::vector<std::string> words = words_of(fold_case(paragraphs[k].text));
    return !words.empty() && vocabulary.has_word("act.number", words.front());
  };
  const auto goes_on = [&](size_t k) {
    const char32_t c = code_point_at(paragraphs[k].text, 0);
    return (is_letter(c) && !is_upper(c)) || (c >= U'0' && c <= U'9') || c == U'№' || opens_with_number(k);
  };
  const auto cites_number = [&](size_t k) {
    const std::vector<std::string> words = words_of(fold_case(paragraphs[k].text));
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return vocabulary.has_word("act.number", word); });
  };
  // A caption set in short lines, some of them capitalised as names of bodies are ("Қазақстан
  // Республикасы" / "Ауыл шаруашылығы министрінің" / "2026 жылғы 27 сәуірдегі" / "№ 173 бұйрығына
  // қосымша"; "Утвержден" / "приказом Министра" / "Сельского хозяйства" / "Республики Казахстан" /
  // "от … № 173"): whatever each line's case, the lines up to the act's number are the caption's
  // when its first line opens with a caption word, or when the line citing the number ends with
  // one. A line naming the plan (vocabulary title.word) or a sentence is no caption's.
  const auto capitalised_run = [&]() -> size_t {
    constexpr size_t kMaxLines = 8;       // a body's name, a date, a number: a few lines
    constexpr size_t kMaxLineWords = 8;   // "Ауыл шаруашылығы министрінің"; a sentence is longer
    const auto short_line = [&](size_t k) {
      const std::string_view text = trim(paragraphs[k].text);
      return !text.empty() && text.back() != '.' && text.back() != ';' && text.back() != ':' &&
             words_of(fold_case(text)).size() <= kMaxLineWords;
    };
    const auto names_plan = [&](size_t k) {
      const std::vector<std::string> words = words_of(fold_case(paragraphs[k].text));
      const size_t n = std::min<size_t>(words.size(), 3);
      return (!words.empty() && vocabulary.has_word("title.word", words.back())) ||
             std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n),
                         [&](const std::string& word) { return vocabulary.has_word("title.word", word); });
    };
    const std::vector<std::string> first = word_parts(fold_case(paragraphs[0].text));
    const bool opens = !first.empty() && vocabulary.has_word("caption.word", first.front());
    if (names_plan(0) || !short_line(0)) return 0;
    bool numbered = cites_number(0);
    for (size_t k = 1; k < end && k < kMaxLines; ++k) {
      if (names_plan(k)) return 0;
      const std::vector<std::string> words = word_parts(fold_case(paragraphs[k].text));
      numbered = numbered || cites_number(k);
      const bool closes = !words.empty() && vocabulary.has_word("caption.word", words.back());
      if (numbered && (opens || closes)) {
        size_t length = k + 1;
        while (opens && length < end && goes_on(length) && !names_plan(length)) ++length;
        return length;
      }
      if (!short_line(k)) return 0;
    }
    return 0;
  };
  size_t length = 1;
  while (length < end && goes_on(length)) ++length;
  // Past the first, only the last can close the caption: its lines end there.
  if (!captioned(0)) {
    if (length < 2 || !captioned(length - 1)) return capitalised_run();
  }
  for (size_t k = 0; k < length; ++k) {
    if (cites_number(k)) return length;
  }
  // A name in capitals inside the caption ("Утвержден" / "постановлением акимата" / "Восточного
  // района" / "от 14 января 2028 года № 9"): a line in capitals with the caption going on after
  // it, as long as the caption so read ends in the act's number.
  if (captioned(0)) {
    size_t extended = length;
    while (extended + 1 < end && goes_on(extended + 1)) {
      extended += 2;
      while (extended < end && goes_on(extended)) ++extended;
      if (cites_number(extended - 1)) return extended;
    }
  }
  // Nor need it cite a number when its first line is the appendix's own number and the caption
  // goes on after it: "Annex 2" / "to the Joint Order of …", "Приложение № 2" / "к совместному
  // приказу", "2-қосымша" / "…". A title holds more words than a caption word and a number.
  if (length >= 2 && appendix_line_figures(paragraphs[0].text, vocabulary) == 1) return length;
  return capitalised_run();
}

// Whether every word of the paragraph is a word that names the document (vocabulary title.word:
// "ПЛАН", "ЖОСПАРЫ", "ACTION PLAN", "ДОРОЖНАЯ КАРТА"): a line of its own in a title set over
// lines ("ПЛАН" / "мероприятий по …"; Kazakh puts it last: "… іс-шаралар" / "ЖОСПАРЫ").
bool names_the_document(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kMaxWords = 3;
  if (text.size() > 64) return false;
  const std::vector<std::string> words = words_of(fold_case(text));
  return !words.empty() && words.size() <= kMaxWords &&
         std::all_of(words.begin(), words.end(), [&](const std::string& word) { return vocabulary.has_word("title.word", word); });
}

// How many paragraphs from `first`, the title's first line, make the title: a line that only
// names the document goes on with the next, whatever its case ("ПЛАН" / "МЕРОПРИЯТИЙ ПО …");
// a line that only names it ends it ("ЖОСПАРЫ"); and a line in lower case goes on a title that
// names the document among its first words and ends in no stop ("План мероприятий по развитию"
// / "туризма на 2027 год", "Комплексный план" / "по модернизации …", a title broken by <br>).
// An intro sentence starts in capitals.
size_t title_length(const std::vector<Paragraph>& paragraphs, size_t first, size_t end, const Vocabulary& vocabulary) {
  constexpr size_t kMaxWordsBefore = 2;  // "Комплексный", "National Action": what kind of plan
  const auto opens_with_document = [&](std::string_view text) {
    const std::vector<std::string> words = words_of(fold_case(text.substr(0, std::min<size_t>(text.size(), 64))));
    const size_t n = std::min(words.size(), kMaxWordsBefore + 1);
    return std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n),
                       [&](const std::string& word) { return vocabulary.has_word("title.word", word); });
  };
  const std::string_view head = trim(paragraphs[first].text);
  const bool document_first = opens_with_document(head);
  if (!document_first && !(first + 1 < end && names_the_document(paragraphs[first + 1].text, vocabulary))) return 1;
  size_t length = 1;
  if (names_the_document(head, vocabulary) && first + 1 < end) length = 2;
  while (first + length < end) {
    const std::string_view next = trim(paragraphs[first + length].text);
    const std::string_view last = trim(paragraphs[first + length - 1].text);
    if (names_the_document(next, vocabulary)) return length + 1;  // the Kazakh title's last line
    const bool stopped = !last.empty() && (last.back() == '.' || last.back() == ':' || last.back() == ';');
    if (stopped || !document_first || !starts_in_lower_case(next)) break;
    // "утвержден приказом …", "(утвержден …)", "от 3 марта 2027 года № 41": the act's caption
    // or date under the title, not more of it.
    const std::vector<std::string> words = words_of(fold_case(next.substr(0, std::min<size_t>(next.size(), 48))));
    if (words.empty() || vocabulary.has_word("caption.word", words.front()) || next.find("№") != std::string_view::npos ||
        next.find("No.") != std::string_view::npos) {
      break;
    }
    ++length;
  }
  return length;
}

// An "other" column right after the agencies (a note, a funding source) is often empty, and
// the alignment then reads a row's last paragraph as its agencies. When that paragraph names no
// body (a prose note such as "за счет спонсоров" looks the same as "сельские клубы"), nothing
// tells the two apart: the row is flagged at its line, the reading kept.
void flag_agencies_or_note(const Row& row, TableResult& table, const Vocabulary& vocabulary) {
  for (size_t c = 0; c + 1 < row.cells.size(); ++c) {
    if (table.columns[c].role != ColumnRole::agencies || table.columns[c + 1].role != ColumnRole::other) continue;
    const std::vector<Paragraph>& cell = row.cells[c];
    if (cell.empty() || !row.cells[c + 1].empty() || kinds_of(row, c).back() != ParagraphKind::prose ||
        names_bodies(cell.back().text, vocabulary)) {
      return;
    }
    const std::string header = table.columns[c + 1].header.value_or(std::string());
    table.diagnostics.push_back({Severity::warning, Code::missing_cell,
                                 "activity " + std::to_string(row.value) + " has no \"" + header +
                                     "\" cell; its agencies name no body and may be that cell: " + cell.back().text,
                                 cell.back().line});
    return;
  }
}

// The table under one reading of the header.
// `spend` as walk_rows takes it.
Result<TableResult> read_rows(const std::vector<Paragraph>& paragraphs, Header header, const Vocabulary& vocabulary,
                              std::vector<Paragraph>* spend = nullptr) {
  TableResult table;
  table.columns = header.columns;
  table.diagnostics = unknown_column_warnings(header);
  // An appendix may open with its caption above its title: the title is the first paragraph
  // after it, and the caption goes to the intro, where the act is read. A caption with nothing
  // after it before the header is the title itself.
  // A publication-date line before the table ("Дата публикации: 11.02.2026", a page's header,
  // a text copy's first line) is the document's metadata wherever it stands, as after the table:
  // no title, no intro, and its day never an act's date. The rest is read without it (copied
  // only when there is one).
  std::vector<Paragraph> without_published;
  for (size_t i = 0; i < header.begin; ++i) {
    const size_t lines = publication_lines(paragraphs, i, header.begin, vocabulary);
    if (lines == 0) continue;
    without_published.assign(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
    table.published.insert(table.published.end(), paragraphs.begin() + static_cast<std::ptrdiff_t>(i),
                           paragraphs.begin() + static_cast<std::ptrdiff_t>(i + lines));
    for (size_t k = i + lines; k < header.begin; ++k) {
      const size_t more = publication_lines(paragraphs, k, header.begin, vocabulary);
      if (more > 0) {
        table.published.insert(table.published.end(), paragraphs.begin() + static_cast<std::ptrdiff_t>(k),
                               paragraphs.begin() + static_cast<std::ptrdiff_t>(k + more));
        k += more - 1;
      } else {
        without_published.push_back(paragraphs[k]);
      }
    }
    break;
  }
  const std::vector<Paragraph>& opening = table.published.empty() ? paragraphs : without_published;
  const size_t opening_end = table.published.empty() ? header.begin : without_published.size();
  size_t title_at = caption_length(opening, opening_end, vocabulary);
  if (title_at >= opening_end) title_at = 0;
  const size_t title_lines = opening_end > 0 ? title_length(opening, title_at, opening_end, vocabulary) : 0;
  if (opening_end > 0) {
    table.title = opening[title_at];
    for (size_t k = 1; k < title_lines; ++k) {
      table.title->text += ' ';
      table.title->text += trim(opening[title_at + k].text);
    }
  }
  // "План мероприятий …" ⏎ "Утвержден распоряжением … от 5 января 2026 года № 3-р" joined into one
  // paragraph (a copy whose prose lines wrap, above a drawn table): the title ends where a line
  // opens with a caption word and cites an act by its number; that line and those after it are
  // the intro's, where the act is read. Before, the title held them.
  std::optional<Paragraph> caption_of_title;
  if (table.title && title_lines == 1 && !table.title->breaks.empty()) {
    for (const LineBreak& line : table.title->breaks) {
      const std::string_view rest = std::string_view(table.title->text).substr(line.offset);
      const std::vector<std::string> words = word_parts(fold_case(rest));
      if (words.empty() || !vocabulary.has_word("caption.word", words.front())) continue;
      const std::vector<std::string> all = words_of(fold_case(rest));
      if (std::none_of(all.begin(), all.end(), [&](const std::string& word) { return vocabulary.has_word("act.number", word); })) continue;
      Paragraph caption;
      caption.text = std::string(trim(rest));
      caption.line = line.line;
      caption_of_title = std::move(caption);
      table.title->text = std::string(trim(std::string_view(table.title->text).substr(0, line.offset)));
      LineBreaks kept;
      for (const LineBreak& earlier : table.title->breaks) {
        if (earlier.offset < line.offset) kept.push_back(earlier);
      }
      table.title->breaks = std::move(kept);
      break;
    }
  }
  for (size_t i = 0; i < opening_end; ++i) {
    if (i < title_at || i >= title_at + title_lines) table.intro.push_back(opening[i]);
    if (i == title_at && caption_of_title) table.intro.push_back(*caption_of_title);
  }

  GridLayout grid = grid_layout(header);
  Walk walk = walk_rows(paragraphs, header, grid, vocabulary, table, spend);
  table.after.assign(paragraphs.begin() + static_cast<std::ptrdiff_t>(walk.end), paragraphs.end());
  if (table.rows.empty()) {
    return Failure{Code::not_a_plan, "the table header is followed by no numbered activity",
                   "line " + std::to_string(paragraphs[header.begin].line)};
  }

  const size_t number_column = number_column_of(table.columns);
  // What flag_trailing_paragraph reads of the last row's body, kept before its cells take it.
  const size_t last_body_size = walk.bodies.back().size();
  const Paragraph last_paragraph = last_body_size > 0 ? walk.bodies.back().back() : Paragraph{};
  MergedCells merged;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    Row& row = table.rows[r];
    // Its paragraphs move into its cells: a table of a million rows is not held as bodies and
    // as cells at once.
    fill_cells(row, walk.bodies[r], table.columns, grid, vocabulary, true, merged);
    if (grid.table < 0 && r + 1 < table.rows.size()) flag_heading_in_agencies(row, table, vocabulary);
    if (grid.table < 0) flag_agencies_or_note(row, table, vocabulary);
    std::vector<Paragraph>().swap(walk.bodies[r]);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      // An empty costs or notes cell is common and harmless; an empty field cell is not.
      if (c != number_column && row.cells[c].empty() && table.columns[c].role != ColumnRole::other) {
        table.diagnostics.push_back({Severity::warning, Code::missing_cell,
                                     "activity " + std::to_string(row.value) + " has no " +
                                         std::string(column_role_name(table.columns[c].role)) + " cell",
                                     row.number.line});
      }
    }
  }
  if (grid.table < 0) {
    drop_empty_unknown_columns(header, table);
    flag_trailing_paragraph(last_body_size, last_paragraph, table);
  }
  check_cells(table, header.cells, vocabulary);
  return table;
}

// How badly a reading fits its rows, by the alignment's own measure: each paragraph's cost in
// its column (a date under the agencies, prose under the deadline) and each empty cell.
long misfit(const TableResult& table) {
  long cost = 0;
  for (const Row& row : table.rows) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const ColumnRole role = table.columns[c].role;
      if (role == ColumnRole::number) continue;
      if (row.cells[c].empty()) cost += role != ColumnRole::other ? kMissingCellCost : kMissingOtherCell;
      for (const ParagraphKind kind : kinds_of(row, c)) cost += kind_cost(role, kind);
    }
  }
  // A paragraph no cell took (the header cell of a column no row filled, dropped) is read worse
  // than any cell: else emptying a column, cheap for an "other" one, would win a tie.
  cost += kMissingCellCost * static_cast<long>(table.unclaimed.size() + table.headings.size());
  return cost;
}

// A header cell in words no vocabulary holds ("Кто отвечает", "By when") while the header lacks
// the deadline or the agencies column: the rows say what the column is. When its cells read as
// that role's (deadlines; lists of bodies, agencies.h names_bodies) in at least
// kRowsDecideShare of the rows that fill it, and never as something the role contradicts, it is
// read as that column; its unknown-column warning says so (header.h). The outcome and the name
// are prose, which no cell proves.
constexpr double kRowsDecideShare = 0.75;

// Whether a cell reads as `role`'s: deadlines all, or lists whose every entry names a body.
bool fits_role(ColumnRole role, const std::vector<Paragraph>& cell, std::span<const ParagraphKind> kinds,
               const Vocabulary& vocabulary) {
  if (role == ColumnRole::deadline) {
    return std::all_of(kinds.begin(), kinds.end(), [](ParagraphKind k) { return k == ParagraphKind::deadline; });
  }
  for (size_t k = 0; k < cell.size(); ++k) {
    if (kinds[k] != ParagraphKind::agencies && !names_bodies(cell[k].text, vocabulary)) return false;
  }
  return true;
}

std::optional<Header> named_by_rows(const Header& header, const TableResult& table, const Vocabulary& vocabulary) {
  const auto lacks = [&](ColumnRole role) {
    return std::none_of(header.columns.begin(), header.columns.end(), [&](const Column& c) { return c.role == role; });
  };
  for (size_t c = 0; c < header.columns.size() && c < table.columns.size(); ++c) {
    if (!header.unknown[c] || header.columns[c].role != ColumnRole::other) continue;
    for (const ColumnRole role : {ColumnRole::deadline, ColumnRole::agencies}) {
      if (!lacks(role)) continue;
      size_t filled = 0;
      size_t fitting = 0;
      bool contradicted = false;
      for (const Row& row : table.rows) {
        if (row.cells[c].empty()) continue;
        ++filled;
        if (fits_role(role, row.cells[c], kinds_of(row, c), vocabulary)) ++fitting;
        for (ParagraphKind k : kinds_of(row, c)) contradicted = contradicted || kind_cost(role, k) > kMissingCellCost;
      }
      if (filled == 0 || contradicted || static_cast<double>(fitting) < kRowsDecideShare * static_cast<double>(filled)) continue;
      Header named = header;
      named.columns[c].role = role;
      named.ties.clear();
      return named;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Whether the rows under `header` may be read again: a tie between two columns, or an unnamed
// column the rows may name (named_by_rows). Else the first reading is the table.
bool may_read_again(const Header& header) {
  if (!header.ties.empty()) return true;
  const auto lacks = [&](ColumnRole role) {
    return std::none_of(header.columns.begin(), header.columns.end(), [&](const Column& c) { return c.role == role; });
  };
  if (!lacks(ColumnRole::deadline) && !lacks(ColumnRole::agencies)) return false;
  for (size_t c = 0; c < header.columns.size(); ++c) {
    if (header.unknown[c] && header.columns[c].role == ColumnRole::other) return true;
  }
  return false;
}

// The table under the header found in `paragraphs`, its ties and its unnamed columns settled.
// `spend`, when given, is `paragraphs` itself: a reading that will not be read again takes its
// rows' paragraphs from it rather than copying them. A failed reading takes none.
Result<TableResult> read_found_table(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary,
                                     std::vector<Paragraph>* spend) {
  Result<Header> found = find_header(paragraphs, vocabulary);
  if (!found.ok()) return found.error();
  const Header& header = found.value();
  Result<TableResult> best = read_rows(paragraphs, header, vocabulary, may_read_again(header) ? nullptr : spend);
  // Where the header's words read two ways equally well, the reading the rows fit better wins;
  // the first on a draw (header.h).
  for (const std::pair<size_t, size_t>& tie : header.ties) {
    if (!best.ok()) break;
    Result<TableResult> other = read_rows(paragraphs, swapped(header, tie), vocabulary);
    if (other.ok() && misfit(other.value()) < misfit(best.value())) best = std::move(other);
  }
  // Each unnamed column the rows name is read again; a column a reading took is its role's, so
  // the loop ends after the deadline and the agencies at most.
  Header current = header;
  while (best.ok()) {
    std::optional<Header> named = named_by_rows(current, best.value(), vocabulary);
    if (!named) break;
    Result<TableResult> other = read_rows(paragraphs, *named, vocabulary);
    if (!other.ok()) break;
    best = std::move(other);
    current = std::move(*named);
  }
  return best;
}

}  // namespace

namespace {

Result<TableResult> read_paragraphs(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary,
                                    std::vector<Paragraph>* spend) {
  Result<TableResult> table = read_found_table(paragraphs, vocabulary, spend);
  if (table.ok() || table.error().code != Code::not_a_plan) return table;
  // A table with each row on one line and spaces between its cells has no header cells to find
  // (or a title taken for one, with no row under it): cut into cells where that can be told
  // (run_on_rows.h), it is read like a tab copy. When that reads nothing either, the first
  // failure is the one that explains.
  std::optional<RunOnTable> run_on = cut_run_on_rows(paragraphs, vocabulary);
  if (!run_on) return table;
  Result<TableResult> cut = read_found_table(run_on->paragraphs, vocabulary, &run_on->paragraphs);
  if (!cut.ok()) return table;
  std::vector<Diagnostic>& diagnostics = cut.value().diagnostics;
  diagnostics.insert(diagnostics.begin(), run_on->diagnostics.begin(), run_on->diagnostics.end());
  return cut;
}

}  // namespace

Result<TableResult> read_table(const Blocks& blocks, const Vocabulary& vocabulary) {
  return read_paragraphs(blocks.paragraphs, vocabulary, nullptr);
}

Result<TableResult> read_table(std::vector<Paragraph>&& paragraphs, const Vocabulary& vocabulary) {
  return read_paragraphs(paragraphs, vocabulary, &paragraphs);
}

}  // namespace planparse
