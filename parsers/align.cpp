// Table, step: aligning a flattened row. See align.h.
#include "parsers/align.h"

#include <algorithm>
#include <limits>

#include "parsers/agencies.h"
#include "parsers/deadline.h"
#include "parsers/text.h"

namespace planparse {
namespace {

constexpr int kOutcomePairing = 5;  // per outcome more or fewer than the row's deadlines
// Per paragraph past the first in a column of role other (costs, notes, an unnamed column):
// such cells hold a figure or a line, while the name cell is the one that runs long. Without it
// an unnamed column between prose columns could take a paragraph of its neighbour for free.
constexpr int kOtherParagraph = 3;

int kind_index(ParagraphKind kind) { return static_cast<int>(kind); }

// Cost of a paragraph of each kind (prose, bullet, deadline, agencies) in a column of a role.
// Prose is the fallback kind, so it is cheap almost everywhere: an unparseable deadline or a
// written-out agency is still prose.
struct RoleCosts {
  ColumnRole role;
  int cost[4];
};
// A paragraph that contradicts its column (cell_check.h) costs more than leaving a cell empty:
// a missing cell is a warning, a contradiction an error, so the cut never makes one to avoid
// the other.
constexpr RoleCosts kCosts[] = {
    {ColumnRole::name, {0, 0, 70, 70}},
    {ColumnRole::outcome, {0, 10, 70, 70}},
    {ColumnRole::deadline, {40, 40, 0, 70}},
    {ColumnRole::agencies, {20, 40, 70, 0}},
    {ColumnRole::other, {0, 5, 5, 5}},
};

const int* costs_of(ColumnRole role) {
  for (const RoleCosts& entry : kCosts) {
    if (entry.role == role) return entry.cost;
  }
  // The number column, which a row's cut leaves out: it takes anything, as an other column does.
  return kCosts[4].cost;
}

// Deadline cells are short; a longer paragraph is prose, and the joined parse is skipped for it.
constexpr size_t kMaxDeadlineLine = 80;

bool on_next_line(const Paragraph& before, const Paragraph& paragraph) {
  if (!before.whole_line || !paragraph.whole_line) return false;
  const int last_line = before.breaks.empty() ? before.line : before.breaks.back().line;
  return paragraph.line == last_line + 1;
}

// A deadline with a date has its year in digits; most prose lines have none.
bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `text` ends in a year's word that leads on to what follows it (vocabulary
// deadline.year_first: "2026 жылғы").
bool leads_on_from_year(std::string_view text, const Vocabulary& vocabulary) {
  const size_t space = text.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string last = fold_case(text.substr(space + 1));
  const std::vector<std::string>& words = vocabulary.phrases("deadline.year_first");
  return std::find(words.begin(), words.end(), last) != words.end();
}

bool joins_as_deadline(const Paragraph& first, const Paragraph& second, const Vocabulary& vocabulary) {
  if (first.text.size() > kMaxDeadlineLine || second.text.size() > kMaxDeadlineLine) return false;
  // Two whole deadlines are two ("2026 год," / "2027 год"); the Kazakh year goes first and may be
  // the whole first line ("2026 жылғы" / "желтоқсан").
  if (parse_whole_deadline(first.text, vocabulary) && parse_whole_deadline(second.text, vocabulary)) return false;
  const std::optional<Deadline> joined = parse_whole_deadline(first.text + "\n" + second.text, vocabulary);
  return joined && (joined->from || joined->to);
}

}  // namespace

int kind_cost(ColumnRole role, ParagraphKind kind) { return costs_of(role)[kind_index(kind)]; }

std::string_view strip_bullet(std::string_view paragraph) {
  for (std::string_view bullet : {"- ", "• ", "– ", "— ", "* ", "· ", "▪ ", "◦ "}) {
    if (paragraph.starts_with(bullet)) return trim(paragraph.substr(bullet.size()));
  }
  return paragraph;
}

ParagraphKind classify_paragraph(std::string_view paragraph, const Vocabulary& vocabulary) {
  if (strip_bullet(paragraph).size() != paragraph.size()) return ParagraphKind::bullet;
  if (parse_deadline(paragraph, vocabulary)) return ParagraphKind::deadline;
  if (looks_like_agency_list(paragraph, vocabulary)) return ParagraphKind::agencies;
  return ParagraphKind::prose;
}

bool text_goes_on(std::string_view before, std::string_view text, const Vocabulary& vocabulary) {
  if (before.empty() || text.empty()) return false;
  const std::u32string first = to_u32(text.substr(0, 4));
  if (!first.empty() && is_letter(first.front()) && !is_upper(first.front())) return true;
  const char end = before.back();
  if (end == ',' || end == '-') return true;
  const size_t space = before.rfind(' ');
  if (space == std::string::npos) return false;
  const std::string last = fold_case(before.substr(space + 1));
  const std::vector<std::string>& joins = vocabulary.phrases("wrap.join");
  return std::find(joins.begin(), joins.end(), last) != joins.end();
}

bool wraps_on(const Paragraph& before, const Paragraph& paragraph, const Vocabulary& vocabulary) {
  return on_next_line(before, paragraph) && text_goes_on(before.text, paragraph.text, vocabulary);
}

std::vector<size_t> join_wrapped_deadlines(std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary,
                                           bool next_lines_only) {
  std::vector<size_t> origin;
  size_t out = 0;
  for (size_t k = 0; k < paragraphs.size(); ++k) {
    // "2027" / "16 December" / "2030": "16 December" could end the deadline before it or begin
    // the one after it. A line break the author put inside a page's paragraph ties it to its
    // side ("<p>16 December<br>2030</p>"); where none tells, the year before it does: only a
    // year whose word leads on ("2026 жылғы" ⏎ "желтоқсан") stands first.
    const auto joins_next_instead = [&] {
      // Only a whole deadline before can do without the line ("3rd quarter of" needs "2031").
      if (k + 1 >= paragraphs.size() || paragraphs[k].after_line_break ||
          !parse_whole_deadline(paragraphs[out - 1].text, vocabulary)) {
        return false;
      }
      const Paragraph& next = paragraphs[k + 1];
      if (!next.after_line_break && (leads_on_from_year(paragraphs[out - 1].text, vocabulary) ||
                                     (next_lines_only && !on_next_line(paragraphs[k], next)))) {
        return false;
      }
      return joins_as_deadline(paragraphs[k], next, vocabulary);
    };
    if (out > 0 && (has_digit(paragraphs[out - 1].text) || has_digit(paragraphs[k].text)) && (!next_lines_only || on_next_line(paragraphs[out - 1], paragraphs[k])) &&
        joins_as_deadline(paragraphs[out - 1], paragraphs[k], vocabulary) && !joins_next_instead()) {
      Paragraph& first = paragraphs[out - 1];
      const size_t offset = first.text.size() + 1;
      first.breaks.push_back({offset, paragraphs[k].line});
      for (const LineBreak& line : paragraphs[k].breaks) first.breaks.push_back({line.offset + offset, line.line});
      first.text += "\n" + paragraphs[k].text;
      continue;
    }
    if (out != k) paragraphs[out] = std::move(paragraphs[k]);
    origin.push_back(k);
    ++out;
  }
  paragraphs.resize(out);
  return origin;
}

std::vector<std::pair<size_t, size_t>> align_row(const std::vector<ParagraphKind>& kinds,
                                                 const std::vector<ColumnRole>& roles,
                                                 const std::vector<bool>& wrapped) {
  const size_t n = std::min(kinds.size(), kMaxAlignedParagraphs);
  const size_t m = roles.size();
  std::vector<std::pair<size_t, size_t>> cells(m, {n, n});
  if (m == 0) return cells;

  const bool has_deadline_column = std::find(roles.begin(), roles.end(), ColumnRole::deadline) != roles.end();
  const long deadlines = std::count(kinds.begin(), kinds.begin() + static_cast<std::ptrdiff_t>(n), ParagraphKind::deadline);
  const long wanted_outcomes = std::max<long>(1, deadlines);

  // prefix[c][i]: cost of paragraphs [0, i) in column c.
  std::vector<std::vector<int>> prefix(m, std::vector<int>(n + 1, 0));
  for (size_t c = 0; c < m; ++c) {
    const int* cost = costs_of(roles[c]);
    for (size_t i = 0; i < n; ++i) prefix[c][i + 1] = prefix[c][i] + cost[kind_index(kinds[i])];
  }
  std::vector<char> pairs_outcomes(m), is_other(m);
  for (size_t c = 0; c < m; ++c) {
    pairs_outcomes[c] = roles[c] == ColumnRole::outcome && has_deadline_column;
    is_other[c] = costs_of(roles[c]) == costs_of(ColumnRole::other);
  }
  // wraps[i]: how many of paragraphs [0, i) go on the line before them.
  std::vector<size_t> wraps(n + 1, 0);
  for (size_t i = 0; i < n; ++i) wraps[i + 1] = wraps[i] + (i < wrapped.size() && wrapped[i] ? 1 : 0);
  const auto is_wrapped = [&](size_t i) { return i < n && i < wrapped.size() && wrapped[i]; };
  auto segment = [&](size_t c, size_t begin, size_t end) {
    if (begin == end) return is_other[c] ? kMissingOtherCell : kMissingCellCost;
    int cost = prefix[c][end] - prefix[c][begin];
    // Columns of figures and indicators ("не менее 80 %", "at least 80 %") open in lower
    // case as often as not: there a lower-case line tells nothing.
    if (is_wrapped(begin) && !is_other[c]) cost += kWrapCut;
    if (pairs_outcomes[c]) {
      // A wrapped line is part of the outcome above it, not an outcome.
      const long outcomes = static_cast<long>(end - begin - (wraps[end] - wraps[begin + 1]));
      cost += kOutcomePairing * static_cast<int>(std::labs(outcomes - wanted_outcomes));
    }
    if (is_other[c]) cost += kOtherParagraph * static_cast<int>(end - begin - 1);
    return cost;
  };

  constexpr int kInf = std::numeric_limits<int>::max() / 2;
  // best[c][i]: least cost of putting paragraphs [0, i) into columns [0, c); from[c][i]: where
  // column c-1 begins in that solution.
  std::vector<std::vector<int>> best(m + 1, std::vector<int>(n + 1, kInf));
  std::vector<std::vector<size_t>> from(m + 1, std::vector<size_t>(n + 1, 0));
  best[0][0] = 0;
  for (size_t c = 1; c <= m; ++c) {
    for (size_t end = 0; end <= n; ++end) {
      for (size_t begin = 0; begin <= end; ++begin) {
        if (best[c - 1][begin] >= kInf) continue;
        const int cost = best[c - 1][begin] + segment(c - 1, begin, end);
        // Ties go to the later cut: earlier columns (the name) take the prose.
        if (cost <= best[c][end]) {
          best[c][end] = cost;
          from[c][end] = begin;
        }
      }
    }
  }
  size_t end = n;
  for (size_t c = m; c >= 1; --c) {
    cells[c - 1] = {from[c][end], end};
    end = from[c][end];
  }
  return cells;
}

}  // namespace planparse
