// Stage 3, table, step: the header row. See header.h.
#include "parsers/header.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "parsers/deadline.h"
#include "parsers/sections.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// A header is a handful of short labels: wider runs or longer cells are prose or data.
constexpr size_t kMaxHeaderCells = 16;
constexpr size_t kMaxLabelWords = 16;
constexpr size_t kMaxLabelBytes = 240;
constexpr size_t kMaxAbbreviatedLabelWords = 3;  // "No.", "Ед. изм.": a stop ends an abbreviation
constexpr int kStrong = 2;
constexpr int kWeak = 1;
// number .. agencies, the roles before other: at most one column each.
constexpr size_t kUniqueRoles = role_index(ColumnRole::other);

// A header cell's words, folded (text.h words_of).
std::vector<std::string> cell_words(std::string_view text) { return words_of(fold_case(text)); }

// One word family pattern of a role: its words as in_family() reads them ("срок*", "п/п").
struct Pattern {
  std::vector<std::string> words;
  ColumnRole role = ColumnRole::number;
  int weight = kStrong;
};

std::vector<Pattern> build_patterns(const Vocabulary& vocabulary) {
  std::vector<Pattern> patterns;
  for (const Named<ColumnRole>& role : kColumnRoleNames) {
    for (const int weight : {kStrong, kWeak}) {
      const std::string name = "header." + std::string(role.name) + (weight == kWeak ? ".weak" : "");
      for (const std::string& phrase : vocabulary.phrases(name)) {
        Pattern pattern;
        pattern.role = role.value;
        pattern.weight = weight;
        for (std::string_view piece : split(phrase, ' ')) {
          // "срок*" stays one stem; a piece the splitter cuts ("№п/п") gives whole words.
          const bool stem = piece.ends_with('*');
          std::vector<std::string> words = words_of(stem ? piece.substr(0, piece.size() - 1) : piece);
          if (stem && !words.empty()) words.back() += '*';
          for (std::string& word : words) pattern.words.push_back(std::move(word));
        }
        if (!pattern.words.empty()) patterns.push_back(std::move(pattern));
      }
    }
  }
  return patterns;
}

// Compiled once per vocabulary, as the deadline reader's phrase table is.
const std::vector<Pattern>& patterns_for(const Vocabulary& vocabulary) {
  return vocabulary.compiled->get<std::vector<Pattern>>(Compiled::header_patterns, [&] { return build_patterns(vocabulary); });
}

RoleScores score_words(const std::vector<std::string>& words, const Vocabulary& vocabulary) {
  // Each word counts once per role, at the best weight of the patterns that cover it.
  std::array<std::vector<int>, kColumnRoleNames.size()> covered;
  for (auto& weights : covered) weights.assign(words.size(), 0);
  for (const Pattern& pattern : patterns_for(vocabulary)) {
    const size_t n = pattern.words.size();
    for (size_t at = 0; at + n <= words.size(); ++at) {
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) match = in_family(words[at + k], pattern.words[k]);
      if (!match) continue;
      std::vector<int>& weights = covered[role_index(pattern.role)];
      for (size_t k = 0; k < n; ++k) weights[at + k] = std::max(weights[at + k], pattern.weight);
    }
  }
  RoleScores scores{};
  for (size_t role = 0; role < covered.size(); ++role) {
    for (int weight : covered[role]) scores[role] += weight;
  }
  // "№" names the number column only as the whole cell ("№ п/п", "Р/с №"): in "Приложение № 1"
  // or a sentence it is an act's number.
  const std::vector<int>& number = covered[role_index(ColumnRole::number)];
  if (std::find(number.begin(), number.end(), 0) != number.end()) scores[role_index(ColumnRole::number)] = 0;
  return scores;
}

size_t best_role(const RoleScores& scores) {
  return static_cast<size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// One header cell: its paragraphs (a grid cell's, or a label and its continuations).
struct Cell {
  std::vector<const Paragraph*> parts;
  std::string text;
  RoleScores scores{};
};

// The roles of a candidate's cells at the best total score: none (a cell no role takes), other,
// or one of number .. agencies, each at most once. Among equal totals the one that starts latest
// wins, so that a title such as "План мероприятий" before the header does not take the name column.
std::vector<std::optional<ColumnRole>> assign_roles(const std::vector<Cell>& cells) {
  const size_t n = cells.size();
  constexpr size_t kMasks = size_t{1} << kUniqueRoles;
  // best[i][mask]: the best score cells [i, n) can add when the roles in `mask` are taken.
  std::vector<std::array<int, kMasks>> best(n + 1);
  best[n].fill(0);
  const auto other_score = [&](size_t i) { return cells[i].scores[role_index(ColumnRole::other)]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t mask = 0; mask < kMasks; ++mask) {
      int value = other_score(i) + best[i + 1][mask];
      for (size_t role = 0; role < kUniqueRoles; ++role) {
        if ((mask >> role & 1) || cells[i].scores[role] == 0) continue;
        value = std::max(value, cells[i].scores[role] + best[i + 1][mask | (size_t{1} << role)]);
      }
      best[i][mask] = value;
    }
  }
  std::vector<std::optional<ColumnRole>> roles(n);
  size_t mask = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::optional<ColumnRole> none =
        other_score(i) > 0 ? std::optional<ColumnRole>(ColumnRole::other) : std::nullopt;
    // "None" first while nothing is assigned yet (the later start wins a tie), a role first after.
    bool chosen = other_score(i) + best[i + 1][mask] == best[i][mask] && mask == 0;
    if (chosen) roles[i] = none;
    for (size_t role = 0; role < kUniqueRoles && !chosen; ++role) {
      if ((mask >> role & 1) || cells[i].scores[role] == 0) continue;
      if (cells[i].scores[role] + best[i + 1][mask | (size_t{1} << role)] == best[i][mask]) {
        roles[i] = static_cast<ColumnRole>(role);
        mask |= size_t{1} << role;
        chosen = true;
      }
    }
    if (!chosen) roles[i] = none;
  }
  return roles;
}

bool is_unique_role(std::optional<ColumnRole> role) { return role && role_index(*role) < kUniqueRoles; }

// A candidate read: the header it makes, or why not.
struct Reading {
  std::optional<Header> header;
  int evidence = 0;  // summed best scores, to tell the nearest candidate of a refused document
  std::string explained;  // "\"Срок\" deadline, \"Когда\" ?"
  int line = 0;
};

std::string explain(const std::vector<Cell>& cells, const std::vector<std::optional<ColumnRole>>& roles) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!out.empty()) out += ", ";
    out += "\"" + cells[i].text + "\" ";
    out += roles[i] ? std::string(column_role_name(*roles[i])) : std::string("?");
  }
  return out;
}

Reading read_candidate(std::vector<Cell> cells, const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  Reading reading;
  for (Cell& cell : cells) reading.evidence += cell.scores[best_role(cell.scores)];
  std::vector<std::optional<ColumnRole>> roles = assign_roles(cells);
  {
    // A refusal shows the candidate from its first cell that any role's words name.
    size_t named = 0;
    while (named + 1 < cells.size() && cells[named].scores[best_role(cells[named].scores)] == 0) ++named;
    reading.explained = explain({cells.begin() + static_cast<std::ptrdiff_t>(named), cells.end()},
                                {roles.begin() + static_cast<std::ptrdiff_t>(named), roles.end()});
    reading.line = cells.empty() ? 0 : cells[named].parts.front()->line;
  }

  size_t first = 0;
  while (first < cells.size() && !is_unique_role(roles[first])) ++first;
  std::ptrdiff_t named_by_place = -1;  // the cell taken for the name column by its place
  // A header cell starts in capitals; an unnamed label in lower case after the header is a
  // stray note before the rows, not a column.
  size_t last = cells.size();
  // Nor is a section or group heading right under the header ("Раздел 1. …", "Цель 1. …"): the
  // first row's heading, not a column.
  const auto heads_rows = [&](const Cell& cell) {
    const Paragraph& paragraph = *cell.parts.front();
    return cell.parts.size() == 1 && (parse_section(paragraph, vocabulary) || is_group_heading(paragraph, vocabulary));
  };
  while (last > first && !roles[last - 1] &&
         (starts_in_lower_case(cells[last - 1].text) || heads_rows(cells[last - 1]))) {
    --last;
  }
  cells.resize(last);
  roles.resize(last);
  auto has = [&](ColumnRole role) { return std::find(roles.begin(), roles.end(), role) != roles.end(); };
  // A header that names the other columns but not the activity's, with one cell no role names
  // (inside it, or just before its first named cell): that cell is where the activities stand.
  // Structure says so, not words, so the cell keeps its unknown-column warning, which says so.
  if (!has(ColumnRole::name) && has(ColumnRole::outcome) + has(ColumnRole::deadline) + has(ColumnRole::agencies) >= 2) {
    const auto from = roles.begin() + static_cast<std::ptrdiff_t>(first);
    if (std::count(from, roles.end(), std::nullopt) == 1) {
      *std::find(from, roles.end(), std::nullopt) = ColumnRole::name;
      named_by_place = std::find(roles.begin(), roles.end(), ColumnRole::name) - roles.begin();
    } else if (std::count(from, roles.end(), std::nullopt) == 0 && first > 0 && !roles[first - 1]) {
      roles[--first] = ColumnRole::name;
      named_by_place = static_cast<std::ptrdiff_t>(first);
    } else if (roles[first] == ColumnRole::number && first + 1 < roles.size() && !roles[first + 1]) {
      // Several unnamed cells ("Indicator", "Unit"): the one right after the number column,
      // where a table's activities stand; the others stay extra columns.
      roles[first + 1] = ColumnRole::name;
      named_by_place = static_cast<std::ptrdiff_t>(first + 1);
    }
  }
  // A header copied as one row of cells (a tab copy's line, a grid row) whose first cell no role
  // names and that names no number column: that cell heads the number column the rows start
  // with ("Ref.", "Код"). It stands on the header's own row, so it is no title above it; its
  // unknown-column warning says how it was read.
  std::ptrdiff_t numbered_by_place = -1;
  const auto same_row = [](const Cell& a, const Cell& b) {
    const Paragraph& pa = *a.parts.front();
    const Paragraph& pb = *b.parts.front();
    return pa.grid.table >= 0 ? pa.grid.table == pb.grid.table && pa.grid.row == pb.grid.row : pa.line == pb.line;
  };
  const bool opens_row = first > 0 && first < cells.size() && cells[first - 1].parts.size() == 1 &&
                         same_row(cells[first - 1], cells[first]) &&
                         (first == 1 || !same_row(cells[first - 2], cells[first - 1]));
  if (!has(ColumnRole::number) && opens_row && !roles[first - 1]) {
    roles[--first] = ColumnRole::number;
    numbered_by_place = static_cast<std::ptrdiff_t>(first);
  }
  const bool named =
      has(ColumnRole::name) && (has(ColumnRole::outcome) || has(ColumnRole::deadline) || has(ColumnRole::agencies));
  const long assigned = std::count_if(roles.begin(), roles.end(), is_unique_role);
  const long unknown = std::count(roles.begin() + static_cast<std::ptrdiff_t>(first), roles.end(), std::nullopt);
  if (!named || unknown > assigned) return reading;

  Header header;
  header.begin = static_cast<size_t>(cells[first].parts.front() - paragraphs.data());
  header.end = static_cast<size_t>(cells.back().parts.back() - paragraphs.data()) + 1;
  const size_t added = has(ColumnRole::number) ? 0 : 1;  // a number column put in front
  if (added) {
    header.columns.push_back(Column{ColumnRole::number, std::nullopt});
    header.cells.emplace_back();
    header.unknown.push_back(false);
    header.repeats.emplace_back();
  }
  for (size_t i = first; i < cells.size(); ++i) {
    header.columns.push_back(Column{roles[i].value_or(ColumnRole::other), cells[i].text});
    header.cells.push_back(cells[i].parts);
    const auto at = static_cast<std::ptrdiff_t>(i);
    header.unknown.push_back(!roles[i] || at == named_by_place || at == numbered_by_place);
    // A cell that names a role another cell took is a second column of that kind, not a nameless one.
    std::optional<ColumnRole> again;
    for (size_t r = 0; r < kUniqueRoles && !roles[i]; ++r) {
      const auto role = static_cast<ColumnRole>(r);
      if (cells[i].scores[r] > 0 && has(role) && (!again || cells[i].scores[r] > cells[i].scores[role_index(*again)])) {
        again = role;
      }
    }
    header.repeats.push_back(again);
  }
  // Swapping two cells' roles (a role for the other's role, or for none) that scores the same.
  for (size_t i = first; i < cells.size(); ++i) {
    for (size_t j = i + 1; j < cells.size(); ++j) {
      const std::optional<ColumnRole> a = roles[i];
      const std::optional<ColumnRole> b = roles[j];
      const bool roles_or_none = (is_unique_role(a) && (is_unique_role(b) || !b)) || (!a && is_unique_role(b));
      if (!roles_or_none) continue;
      const auto score = [&](size_t cell, std::optional<ColumnRole> role) {
        return is_unique_role(role) ? cells[cell].scores[role_index(*role)] : 0;
      };
      const bool fits = (!is_unique_role(b) || score(i, b) > 0) && (!is_unique_role(a) || score(j, a) > 0);
      if (fits && score(i, a) + score(j, b) == score(i, b) + score(j, a)) {
        header.ties.emplace_back(i - first + added, j - first + added);
      }
    }
  }
  reading.header = std::move(header);
  return reading;
}

// A header cell is a label: short, not a sentence ("План утвержден ... № 236." ends with a
// stop), not a field and its value ("Срок: 2025 год"), not a number or numbered heading, not a
// date (a row's deadline cell: "2026 год").
bool is_label(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  const std::string_view text = paragraph.text;
  // A header cell starts with a word: "1-бӛлім. …" or "2. …" is a numbered heading, even where
  // its words are not read as one.
  if (text.size() > kMaxLabelBytes || (text.front() >= '0' && text.front() <= '9')) return false;
  const size_t words = cell_words(text).size();
  if (words > kMaxLabelWords) return false;
  const char last = text.back();
  if ((last == '.' || last == ';' || last == ',') && words > kMaxAbbreviatedLabelWords) return false;
  const size_t colon = text.find(':');
  if (colon != std::string_view::npos && !trim(text.substr(colon + 1)).empty()) return false;
  const std::optional<Deadline> date = parse_deadline(text, vocabulary);
  return !(date && date->to);
}

// A cell longer than a label names no column (a data row's prose), and is not scored.
Cell cell_of(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  Cell cell{{&paragraph}, paragraph.text, {}};
  if (paragraph.text.size() <= kMaxLabelBytes) cell.scores = score_words(cell_words(paragraph.text), vocabulary);
  return cell;
}

void join(Cell& cell, const Paragraph& paragraph, const Vocabulary& vocabulary) {
  cell.parts.push_back(&paragraph);
  cell.text += ' ';
  cell.text += paragraph.text;
  cell.scores = score_words(cell_words(cell.text), vocabulary);
}

// The labels before `anchor` in flattened text, as cells: a label in lower case on the next line
// continues the cell before it when either names nothing ("исполнения" after "Срок", "мерзімі"
// after "Орындау") or both name the same role ("мероприятия" after "Наименование").
// How many paragraphs share the line of paragraphs[at]: the cells of a line cut at tabs or
// bars, 1 for a paragraph of its own.
size_t cells_on_line(const std::vector<Paragraph>& paragraphs, size_t at) {
  size_t first = at;
  while (first > 0 && paragraphs[first - 1].line == paragraphs[at].line) --first;
  size_t last = at + 1;
  while (last < paragraphs.size() && paragraphs[last].line == paragraphs[at].line) ++last;
  return last - first;
}

std::vector<Cell> text_cells(const std::vector<Paragraph>& paragraphs, size_t anchor, const Vocabulary& vocabulary) {
  size_t begin = anchor;
  while (begin > 0 && anchor - begin < kMaxHeaderCells * 2 && paragraphs[begin - 1].grid.table < 0 &&
         is_label(paragraphs[begin - 1], vocabulary) && !parse_section(paragraphs[begin - 1], vocabulary)) {
    // A header copied as one line of cells is whole on its line: a label alone on the line
    // before is the title's or the intro's ("План мероприятий …" holds a name word).
    if (begin < anchor && paragraphs[begin - 1].line != paragraphs[begin].line &&
        cells_on_line(paragraphs, begin) >= 2 && cells_on_line(paragraphs, begin - 1) == 1) {
      break;
    }
    --begin;
  }
  std::vector<Cell> cells;
  for (size_t i = begin; i < anchor; ++i) {
    Cell cell = cell_of(paragraphs[i], vocabulary);
    // Only where the copy kept a line per paragraph: in a blank-line-separated copy a wrapped
    // cell is one paragraph already, and a lower-case paragraph is something else.
    // "Р/с" ⏎ "№": two lines that each name the number column are one cell whatever their case.
    if (!cells.empty() && paragraphs[i].line == cells.back().parts.back()->line + 1) {
      const size_t role = best_role(cell.scores);
      const RoleScores& before = cells.back().scores;
      const size_t role_before = best_role(before);
      const size_t number = role_index(ColumnRole::number);
      const bool both_number = role == number && role_before == number && cell.scores[role] > 0 && before[role_before] > 0;
      if (both_number || (starts_in_lower_case(paragraphs[i].text) &&
                          (cell.scores[role] == 0 || before[role_before] == 0 || role == role_before))) {
        join(cells.back(), paragraphs[i], vocabulary);
        continue;
      }
    }
    cells.push_back(std::move(cell));
  }
  if (cells.size() > kMaxHeaderCells) cells.erase(cells.begin(), cells.end() - static_cast<std::ptrdiff_t>(kMaxHeaderCells));
  return cells;
}

// The cells of the grid row that starts at `at`, one per grid column.
std::vector<Cell> grid_cells(const std::vector<Paragraph>& paragraphs, size_t at, const Vocabulary& vocabulary) {
  const GridPosition& row = paragraphs[at].grid;
  std::vector<Cell> cells;
  for (size_t i = at; i < paragraphs.size(); ++i) {
    const GridPosition& grid = paragraphs[i].grid;
    if (grid.table != row.table || grid.row != row.row) break;
    if (!cells.empty() && cells.back().parts.back()->grid.column == grid.column) {
      join(cells.back(), paragraphs[i], vocabulary);
    } else {
      cells.push_back(cell_of(paragraphs[i], vocabulary));
    }
    if (cells.size() > kMaxHeaderCells) return {};
  }
  return cells;
}

// Column numbers run 1, 2, 3 … under the header; a table that leaves columns out of the printed
// plan keeps their numbers, so gaps are allowed ("1 2 3 4 7 8"), but the run starts at 1 and
// rises by a few at a time (a first activity numbered 10001 is no column).
constexpr size_t kMinColumnNumbers = 3;
constexpr int kMaxColumnGap = 10;

bool continues_column_numbers(size_t count, int previous, int value) {
  return count == 0 ? value == 1 : value > previous && value - previous <= kMaxColumnGap;
}

// All the column numbers in one paragraph ("1 2 3 4 5").
bool is_column_number_line(std::string_view text) {
  int previous = 0;
  size_t count = 0;
  for (std::string_view number : split(text, ' ')) {
    const std::optional<int> value = number.ends_with('.') || number.ends_with(')') ? std::nullopt : parse_row_number(number);
    if (!value || !continues_column_numbers(count, previous, *value)) return false;
    previous = *value;
    ++count;
  }
  return count >= kMinColumnNumbers;
}

// Where rows begin in flattened text: a row number ("1", "1.1", "I.", or a row's dash or bullet), a
// section heading, or the column numbers.
bool is_anchor(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  return parse_row_number(paragraph.text) || parse_sub_number(paragraph.text) || parse_roman_row_number(paragraph.text) ||
         is_overflowing_number(paragraph.text) ||
         is_row_mark(paragraph.text) ||
         is_column_number_line(paragraph.text) || parse_section(paragraph, vocabulary).has_value();
}

// A paragraph that is no label right after one: where a header's labels end when something
// other than a row stands under them ("Цель: …", a note before the first row).
bool ends_label_run(const std::vector<Paragraph>& paragraphs, size_t at, const Vocabulary& vocabulary) {
  return at > 0 && paragraphs[at - 1].grid.table < 0 && !is_label(paragraphs[at], vocabulary) &&
         is_label(paragraphs[at - 1], vocabulary);
}

}  // namespace

// The column numbers under a header of `columns` columns at `at`, one paragraph each (in a
// grid, one row) or all in one paragraph: how many paragraphs they take, or 0.
size_t column_number_row(const std::vector<Paragraph>& paragraphs, size_t at, size_t columns) {
  if (at >= paragraphs.size()) return 0;
  if (is_column_number_line(paragraphs[at].text)) return 1;
  size_t count = 0;
  int previous = 0;
  while (at + count < paragraphs.size() && count < columns &&
         paragraphs[at + count].text.find_first_not_of("0123456789") == std::string::npos) {
    const Paragraph& paragraph = paragraphs[at + count];
    const std::optional<int> value = parse_row_number(paragraph.text);
    if (!value || !continues_column_numbers(count, previous, *value)) break;
    if (count > 0 && (paragraph.grid.table != paragraphs[at].grid.table || paragraph.grid.row != paragraphs[at].grid.row)) break;
    previous = *value;
    ++count;
  }
  return count >= kMinColumnNumbers ? count : 0;
}

Header swapped(const Header& header, std::pair<size_t, size_t> tie) {
  Header other = header;
  auto& [a, b] = tie;
  std::swap(other.columns[a].role, other.columns[b].role);
  other.unknown[a] = header.unknown[b];
  other.unknown[b] = header.unknown[a];
  if (a < other.repeats.size() && b < other.repeats.size()) std::swap(other.repeats[a], other.repeats[b]);
  other.ties.clear();
  return other;
}

std::vector<Diagnostic> unknown_column_warnings(const Header& header) {
  std::vector<Diagnostic> warnings;
  for (size_t c = 0; c < header.columns.size(); ++c) {
    if (!header.unknown[c]) continue;
    const bool kept = header.columns[c].role == ColumnRole::other;
    const std::optional<ColumnRole> again = c < header.repeats.size() ? header.repeats[c] : std::nullopt;
    if (kept && again) {
      warnings.push_back({Severity::warning, Code::unknown_column,
                          "header cell \"" + header.columns[c].header.value_or("") + "\" names the " +
                              std::string(column_role_name(*again)) +
                              " column a second time; its cells are kept in extra, not read as " +
                              std::string(column_role_name(*again)),
                          header.cells[c].front()->line});
      continue;
    }
    warnings.push_back({Severity::warning, Code::unknown_column,
                        "header cell \"" + header.columns[c].header.value_or("") + "\" names no known column; " +
                            (kept ? std::string("its cells are kept in extra")
                                  : "read as the " + std::string(column_role_name(header.columns[c].role)) +
                                        " column, the one the header lacks"),
                        header.cells[c].front()->line});
  }
  return warnings;
}

namespace {

// Whether `sub` stands under `parent`, a header cell spanning columns but one row.
bool stands_under(const GridPosition& parent, const Paragraph& sub) {
  return parent.colspan >= 2 && parent.rowspan == 1 && sub.grid.column >= parent.column &&
         sub.grid.column < parent.column + parent.colspan;
}

// A grid header of two levels: a cell spanning columns over a row of sub-headers under it
// ("Объем финансирования" over "всего" / "2027" / "2028", "Срок" over "начало" / "окончание"),
// the other cells spanning both rows. Returns the paragraphs of that row, or none.
std::vector<const Paragraph*> sub_header_row(const std::vector<Paragraph>& paragraphs, const Header& header) {
  constexpr size_t kMaxSubLabelBytes = 80;
  std::vector<const Paragraph*> row;
  if (header.end >= paragraphs.size() || !header.ties.empty()) return row;
  const Paragraph* first = nullptr;
  for (const auto& cell : header.cells) {
    if (!cell.empty()) {
      first = cell.front();
      break;
    }
  }
  if (first == nullptr || first->grid.table < 0) return row;
  const int table = first->grid.table;
  const int below = first->grid.row + 1;
  // The spanning cells of one row's height: only under them may a sub-header stand.
  const auto parent_of = [&](const Paragraph& paragraph) -> int {
    for (size_t c = 0; c < header.cells.size(); ++c) {
      if (header.cells[c].empty()) continue;
      const GridPosition& grid = header.cells[c].front()->grid;
      if (grid.table != table || grid.row != first->grid.row) return -2;
      if (stands_under(grid, paragraph)) return static_cast<int>(c);
    }
    return -1;
  };
  for (size_t i = header.end; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    if (paragraph.grid.table != table || paragraph.grid.row != below) break;
    if (parent_of(paragraph) < 0 || paragraph.text.size() > kMaxSubLabelBytes) return {};
    row.push_back(&paragraph);
  }
  return row;
}

}  // namespace

void read_sub_headers(Header& header, const std::vector<Paragraph>& paragraphs) {
  const std::vector<const Paragraph*> row = sub_header_row(paragraphs, header);
  if (row.empty()) return;
  Header two;
  two.begin = header.begin;
  two.end = static_cast<size_t>(row.back() - paragraphs.data()) + 1;
  two.two_level = true;
  for (size_t c = 0; c < header.columns.size(); ++c) {
    std::vector<const Paragraph*> subs;  // the sub-header paragraphs under this column's cell
    if (!header.cells[c].empty()) {
      for (const Paragraph* sub : row) {
        if (stands_under(header.cells[c].front()->grid, *sub)) subs.push_back(sub);
      }
    }
    const auto keep = [&](Column column, std::vector<const Paragraph*> cells) {
      two.columns.push_back(std::move(column));
      two.cells.push_back(std::move(cells));
      two.unknown.push_back(header.unknown[c]);
      two.repeats.push_back(c < header.repeats.size() ? header.repeats[c] : std::nullopt);
    };
    if (subs.empty()) {
      keep(header.columns[c], header.cells[c]);
      continue;
    }
    const std::string parent = header.columns[c].header.value_or("");
    if (header.columns[c].role != ColumnRole::other) {
      // One role, one column: the grid columns under it stay one cell of that role, and the
      // sub-headers are part of its header ("Срок: начало / окончание").
      Column column = header.columns[c];
      std::string labels;
      for (const Paragraph* sub : subs) labels += (labels.empty() ? "" : " / ") + sub->text;
      column.header = parent + ": " + labels;
      keep(std::move(column), header.cells[c]);
      continue;
    }
    // An other column splits into one column per sub-header ("Объем финансирования: 2027"), so
    // that each figure stays under its own key in extra.
    for (size_t k = 0; k < subs.size();) {
      std::vector<const Paragraph*> cells{subs[k]};
      std::string label = subs[k]->text;
      size_t next = k + 1;
      while (next < subs.size() && subs[next]->grid.column == subs[k]->grid.column) {
        label += " " + subs[next]->text;
        cells.push_back(subs[next++]);
      }
      keep(Column{ColumnRole::other, parent + ": " + label}, std::move(cells));
      k = next;
    }
  }
  header = std::move(two);
}

RoleScores score_header_cell(std::string_view text, const Vocabulary& vocabulary) {
  return score_words(cell_words(text), vocabulary);
}

Result<Header> find_header(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  Reading nearest;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const GridPosition& grid = paragraphs[i].grid;
    const bool row_start = grid.table >= 0 && (i == 0 || paragraphs[i - 1].grid.table != grid.table ||
                                               paragraphs[i - 1].grid.row != grid.row);
    std::vector<Cell> cells;
    if (row_start) {
      cells = grid_cells(paragraphs, i, vocabulary);
    } else if (grid.table < 0 && (is_anchor(paragraphs[i], vocabulary) || ends_label_run(paragraphs, i, vocabulary))) {
      cells = text_cells(paragraphs, i, vocabulary);
    }
    if (cells.empty()) continue;
    Reading reading = read_candidate(std::move(cells), paragraphs, vocabulary);
    if (reading.header) {
      Header& header = *reading.header;
      read_sub_headers(header, paragraphs);
      header.end += column_number_row(paragraphs, header.end, header.columns.size());
      return std::move(header);
    }
    if (reading.evidence > nearest.evidence) nearest = std::move(reading);
  }
  std::string message =
      "no plan table: no header row names the activity and its outcome, deadline or agencies (header words are in "
      "parsers/vocab/*.tsv: add yours to a copy and pass it with --vocab DIR)";
  if (nearest.evidence > 0) message += "; nearest candidate: " + nearest.explained;
  return Failure{Code::not_a_plan, message, nearest.evidence > 0 ? "line " + std::to_string(nearest.line) : ""};
}

}  // namespace planparse
