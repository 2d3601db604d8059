// Stage 2, blocks. See blocks.h.
#include "parsers/blocks.h"

#include <string_view>

#include "parsers/text.h"
#include "parsers/text_grid.h"

namespace planparse {

namespace {

// Text copied from a web page sometimes comes with one line per paragraph and no blank lines
// at all; joining its lines would make the whole table one paragraph. When blank-separated
// paragraphs run this many lines long on average, each line is taken as a paragraph.
constexpr size_t kMaxMeanLinesPerParagraph = 4;
// A table copied from a browser puts a row on a line with tabs between the cells, and a cell's
// own line breaks on lines of their own: then too every line is a paragraph.
constexpr size_t kMinTabbedLines = 2;
// The longest list number before a tab ("12.", "1.2.3.") and Roman numeral ("XVIII.").
constexpr size_t kMaxMarkerNumber = 9;
constexpr size_t kMaxRomanNumeral = 7;

enum class Marker { none, number, bullet, other };

// Bullets Word and web pages put before list items: dashes, dots, squares, arrows, ticks, the
// "o" of a second level, and the private-use code points of Word's Symbol and Wingdings fonts.
bool is_bullet(char32_t c) {
  switch (c) {
    case U'*': case U'o': case U'\u00b7': case U'\u2022': case U'\u2023': case U'\u2043': case U'\u25aa':
    case U'\u25ab': case U'\u25a0': case U'\u25a1': case U'\u25cf': case U'\u25cb': case U'\u25e6': case U'\u25ba':
    case U'\u25b8': case U'\u27a2': case U'\u27a4': case U'\u2713': case U'\u2714':
      return true;
    default:
      return is_dash(c) || (c >= 0xf000 && c <= 0xf0ff);
  }
}

// Latin Roman digits and the Cyrillic look-alikes Kazakh and Russian copies use for them.
bool is_roman_digit(char32_t c) {
  return c == U'I' || c == U'V' || c == U'X' || c == U'L' || c == U'C' || c == U'\u0406' || c == U'\u0425';
}

// What stands before the first tab of a line when it is a list marker: a bullet, a Roman
// numeral or one letter closed by "." or ")" (other), or a number closed by "." or ")".
Marker marker_before_tab(std::string_view line, size_t tab) {
  const std::u32string head = to_u32(line.substr(0, tab));
  if (head.size() == 1 && is_bullet(head[0])) return Marker::bullet;
  if (head.size() < 2 || (head.back() != U'.' && head.back() != U')')) return Marker::none;
  const std::u32string body = head.substr(0, head.size() - 1);
  if (body.size() == 1 && is_letter(body[0])) return Marker::other;
  bool roman = body.size() <= kMaxRomanNumeral;
  for (char32_t c : body) roman = roman && is_roman_digit(c);
  if (roman) return Marker::other;
  // "1", "12", "1.2": digits, dots only between them.
  bool number = body.size() <= kMaxMarkerNumber && body.front() != U'.' && body.back() != U'.';
  for (size_t i = 0; i < body.size() && number; ++i) {
    number = (body[i] >= U'0' && body[i] <= U'9') || (body[i] == U'.' && body[i - 1] != U'.');
  }
  return number ? Marker::number : Marker::none;
}

// Where the tab after a line's list marker stands, to be read as a space; npos when there is
// none. A number's tab stays a cell separator when more tabs follow (a copied table row
// "1.\tName\tOutcome") or when the text is a tabbed table (`numbers` false), where "1.\tName"
// is a row whose next cell broke onto the following line. A bullet's stays one when more tabs
// follow in a table whose rows are marked by bullets, not numbered (`bullet_rows`): elsewhere
// "-\tsecond\tReport" is a bulleted last line of a cell.
size_t marker_tab(const std::string& line, bool numbers, bool bullet_rows = false) {
  const size_t tab = line.find('\t');
  if (tab == std::string::npos) return tab;
  const Marker marker = marker_before_tab(line, tab);
  if (marker == Marker::none) return std::string::npos;
  const bool more_cells = line.find('\t', tab + 1) != std::string::npos;
  if (marker == Marker::number && (!numbers || more_cells)) return std::string::npos;
  if (marker == Marker::bullet && bullet_rows && more_cells) return std::string::npos;
  return tab;
}

// True when the line holds a tab between cells once its marker's tab is a space.
bool has_cell_tab(const std::string& line, bool numbers) {
  const size_t tab = line.find('\t');
  if (tab == std::string::npos) return false;
  return marker_tab(line, numbers) != tab || line.find('\t', tab + 1) != std::string::npos;
}

// True when a tabbed table's rows open with a bullet cell and none with a number cell
// ("-\tName\tOutcome\t…" a row): a Word list copied without its numbers.
bool has_bullet_rows(const NormalText& text) {
  size_t bullets = 0;
  for (const Line& line : text.lines) {
    const size_t tab = line.text.find('\t');
    if (tab == std::string::npos || line.text.find('\t', tab + 1) == std::string::npos) continue;
    const Marker marker = marker_before_tab(line.text, tab);
    if (marker == Marker::number || parse_row_number(line.text.substr(0, tab))) return false;
    bullets += marker == Marker::bullet;
  }
  return bullets >= kMinTabbedLines;
}

// A legal-database export writes each table cell on a line of its own ended by a bar ("Срок |",
// "1. |"); a cell wrapped over several lines ends at the line that carries the bar, and a few
// cells may share a line ("1 | 2 | 3 |"). This many barred lines make such a copy.
constexpr size_t kMinBarredLines = 3;

bool ends_with_bar(std::string_view line) { return !line.empty() && line.back() == '|'; }

struct Layout {
  bool numbers = true;             // a tab after a list number is a space
  bool bullet_rows = false;        // a tabbed table's rows open with bullet cells (has_bullet_rows)
  bool line_per_paragraph = false;
  // The lines [bars_begin, bars_end) are a barred table (none when equal): there a bar ends a
  // cell, and a line without one runs on into the next.
  size_t bars_begin = 0;
  size_t bars_end = 0;
};

// Where a drawn table that starts at line `at` ends: a run of grid and rule lines holding two
// grid lines at least; `at` when none starts there.
size_t drawn_table_end(const std::vector<Line>& lines, size_t at) {
  constexpr size_t kMinGridLines = 2;
  size_t end = at;
  size_t grid_lines = 0;
  while (end < lines.size() && (is_grid_line(lines[end].text) || is_rule_line(lines[end].text))) {
    grid_lines += is_grid_line(lines[end].text);
    ++end;
  }
  return grid_lines >= kMinGridLines ? end : at;
}

Layout choose_layout(const NormalText& text) {
  Layout layout;
  // Lines that are table rows whatever their list markers say: when a text holds enough, it is
  // a copied table, and a tab after a number separates its number cell.
  size_t rows = 0;
  for (const Line& line : text.lines) rows += has_cell_tab(line.text, true);
  layout.numbers = rows < kMinTabbedLines;
  layout.bullet_rows = has_bullet_rows(text);

  // A drawn table's lines are its own (text_grid.h): they count neither as lines nor as
  // paragraphs, or a long table would make the prose around it look like a line-a-paragraph copy.
  size_t text_lines = 0;
  size_t paragraphs = 0;
  size_t tabbed = 0;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    if (const size_t end = drawn_table_end(text.lines, i); end > i) {
      i = end - 1;
      continue;
    }
    const std::string& line = text.lines[i].text;
    if (line.empty()) continue;
    ++text_lines;
    paragraphs += i == 0 || text.lines[i - 1].text.empty() || drawn_table_end(text.lines, i - 1) > i - 1;
    tabbed += has_cell_tab(line, layout.numbers);
  }
  layout.line_per_paragraph =
      tabbed >= kMinTabbedLines || (paragraphs > 0 && text_lines > kMaxMeanLinesPerParagraph * paragraphs);

  size_t barred = 0;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    if (!ends_with_bar(text.lines[i].text) || is_grid_line(text.lines[i].text)) continue;
    if (barred++ == 0) layout.bars_begin = i;
    layout.bars_end = i + 1;
  }
  if (barred < kMinBarredLines) {
    layout.bars_begin = layout.bars_end = 0;
  } else {
    // The first cell may have wrapped before its bar: a barred line in lower case goes on from
    // the line above ("Форма завершения" / "мероприятия |").
    while (layout.bars_begin > 0 && !text.lines[layout.bars_begin - 1].text.empty() &&
           starts_in_lower_case(text.lines[layout.bars_begin].text)) {
      --layout.bars_begin;
    }
  }
  return layout;
}

// The cells of a barred line: split at the bars, trimmed, empty ones left out.
void add_barred_cells(std::string_view line, int number, std::string& pending, int pending_line,
                      std::vector<Paragraph>& out) {
  bool first = true;
  for (std::string_view cell : split(line, '|')) {
    std::string text(trim(cell));
    if (first && !pending.empty()) {
      text = text.empty() ? pending : pending + ' ' + text;
      number = pending_line;
      pending.clear();
    }
    first = false;
    if (!text.empty()) out.push_back(Paragraph{std::move(text), number});
  }
}

// A spreadsheet's copy quotes a cell that holds a line break or a quote mark: `"Отдел ЖКХ,` on
// one line, `ТОО ""Жилсервис"""` on the next. Such a cell opens with a quote mark at its start
// and closes with one followed by a tab or the line's end, every quote mark inside doubled.
// Its lines are paragraphs of the cell, on their lines, the doubled marks single. A cell that
// does not read so (`"Kazpost" JSC`) is taken as written. `i` moves past the lines taken.
constexpr size_t kMaxQuotedCellLines = 64;

void add_tab_cells(const std::vector<Line>& lines, size_t& i, const std::string& first, std::vector<Paragraph>& out) {
  std::string_view line = first;
  int number = lines[i].number;
  size_t at = 0;
  while (at <= line.size()) {
    size_t tab = line.find('\t', at);
    if (tab == std::string_view::npos) tab = line.size();
    if (at < line.size() && line[at] == '"') {
      // Where the quoted cell closes, over the lines after this one if need be.
      std::vector<Paragraph> parts{Paragraph{std::string(), number, {}, false}};
      size_t k = i;
      std::string_view here = line;
      size_t pos = at + 1;
      bool closed = false;
      while (true) {
        const size_t quote = here.find('"', pos);
        if (quote == std::string_view::npos) {
          parts.back().text += here.substr(pos);
          if (k + 1 >= lines.size() || k + 1 - i >= kMaxQuotedCellLines) break;
          here = lines[++k].text;
          pos = 0;
          parts.push_back(Paragraph{std::string(), lines[k].number, {}, false});
          continue;
        }
        parts.back().text += here.substr(pos, quote - pos);
        if (quote + 1 < here.size() && here[quote + 1] == '"') {
          parts.back().text += '"';
          pos = quote + 2;
          continue;
        }
        closed = quote + 1 == here.size() || here[quote + 1] == '\t';
        pos = quote + 1;
        break;
      }
      if (closed && (k > i || parts.front().text.find('"') != std::string::npos)) {
        for (Paragraph& part : parts) {
          if (std::string_view cell = trim(part.text); !cell.empty()) {
            out.push_back(Paragraph{std::string(cell), part.line, {}, false});
          }
        }
        i = k;
        line = here;
        number = lines[k].number;
        at = pos + 1;
        continue;
      }
    }
    if (tab > at) out.push_back(Paragraph{std::string(line.substr(at, tab - at)), number, {}, false});
    at = tab + 1;
  }
}

}  // namespace

Blocks split_paragraphs(const NormalText& text, const Vocabulary& vocabulary) {
  Blocks blocks;
  const Layout layout = choose_layout(text);
  bool open = false;  // the last paragraph may take the next line
  std::string pending;  // a barred cell's lines so far, before the line with its bar
  int pending_line = 0;
  int drawn_tables = 0;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    const Line& source = text.lines[i];
    if (const size_t end = drawn_table_end(text.lines, i); end > i) {
      // A table drawn with borders: read on its grid (text_grid.h).
      open = false;
      for (Paragraph& cell : read_text_grid(text.lines, i, end, drawn_tables++, vocabulary)) blocks.paragraphs.push_back(std::move(cell));
      i = end - 1;
      continue;
    }
    if (i >= layout.bars_begin && i < layout.bars_end) {
      open = false;
      if (ends_with_bar(source.text)) {
        add_barred_cells(source.text, source.number, pending, pending_line, blocks.paragraphs);
      } else if (!source.text.empty()) {
        if (pending.empty()) pending_line = source.number;
        pending += pending.empty() ? source.text : ' ' + source.text;
      }
      continue;
    }
    if (!pending.empty()) {
      blocks.paragraphs.push_back(Paragraph{std::move(pending), pending_line});
      pending.clear();
    }
    if (source.text.empty()) {
      open = false;
      continue;
    }
    std::string untabbed;
    const std::string* text_of_line = &source.text;
    if (const size_t tab = marker_tab(source.text, layout.numbers, layout.bullet_rows); tab != std::string::npos) {
      untabbed = source.text;
      untabbed[tab] = ' ';
      text_of_line = &untabbed;
    }
    const std::string& line = *text_of_line;
    if (line.find('\t') != std::string::npos) {
      // Each tab-separated cell is a paragraph of its own, on the line of its row.
      add_tab_cells(text.lines, i, line, blocks.paragraphs);
      open = false;
      continue;
    }
    if (layout.line_per_paragraph) {
      blocks.paragraphs.push_back(Paragraph{line, source.number, {}, true});  // a whole line, no tab in it
      open = false;
      continue;
    }
    if (open) {
      Paragraph& paragraph = blocks.paragraphs.back();
      paragraph.text += ' ';
      paragraph.breaks.push_back(LineBreak{paragraph.text.size(), source.number});
      paragraph.text += line;
    } else {
      blocks.paragraphs.push_back(Paragraph{line, source.number});
      open = true;
    }
  }
  return blocks;
}

std::vector<Paragraph> paragraph_lines(const Paragraph& paragraph) {
  std::vector<Paragraph> lines;
  size_t start = 0;
  int line = paragraph.line;
  for (const LineBreak& next : paragraph.breaks) {
    if (next.offset <= start || next.offset > paragraph.text.size()) continue;  // not of this text
    const std::string_view piece = trim(std::string_view(paragraph.text).substr(start, next.offset - start));
    if (!piece.empty()) lines.push_back(Paragraph{std::string(piece), line, paragraph.grid});
    start = next.offset;
    line = next.line;
  }
  const std::string_view piece = trim(std::string_view(paragraph.text).substr(start));
  if (!piece.empty()) lines.push_back(Paragraph{std::string(piece), line, paragraph.grid});
  return lines;
}

}  // namespace planparse
