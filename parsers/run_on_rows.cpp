// Stage 3, table, before the header: rows copied one a line. See run_on_rows.h.
#include "parsers/run_on_rows.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "parsers/deadline.h"
#include "parsers/glossary.h"
#include "parsers/header.h"
#include "parsers/sections.h"
#include "parsers/table.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// A one-line header is a handful of labels: a longer line is prose, and the cut below tries
// every split of it.
constexpr size_t kMaxHeaderWords = 16;
constexpr size_t kMaxLabelWords = 6;
// The longest deadline a row line is searched for ("с 1 июля по 31 декабря 2026 года").
constexpr size_t kMaxDeadlineWords = 10;
// Lines between a header line and its first row: a column-number line, section headings.
constexpr size_t kMaxLookahead = 64;
// A row line longer than this is not searched (each word may open a deadline of up to
// kMaxDeadlineWords): kept whole, with the error, so a hostile line costs linear time.
constexpr size_t kMaxRowWords = 400;

std::vector<std::string_view> words_in(std::string_view line) {
  std::vector<std::string_view> words;
  for (std::string_view word : split(line, ' ')) {
    if (!trim(word).empty()) words.push_back(trim(word));
  }
  return words;
}

std::string join(const std::vector<std::string_view>& words, size_t begin, size_t end) {
  std::string text;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) text += ' ';
    text += words[k];
  }
  return text;
}

// The role one label names: the role its words give more evidence for than any other.
// None when no role has evidence, or two share the most.
std::optional<ColumnRole> role_of_label(std::string_view label, const Vocabulary& vocabulary) {
  const RoleScores scores = score_header_cell(label, vocabulary);
  size_t best = 0;
  int top = 0;
  bool draw = false;
  for (size_t role = 0; role < scores.size(); ++role) {
    if (scores[role] > top) {
      top = scores[role];
      best = role;
      draw = false;
    } else if (scores[role] == top && top > 0) {
      draw = true;
    }
  }
  if (draw || top == 0) return std::nullopt;
  return static_cast<ColumnRole>(best);
}

struct Label {
  size_t begin = 0, end = 0;  // words
  ColumnRole role = ColumnRole::other;
};

// The cut of a line into labels that each name one role, every role but "other" at most once,
// the number column first, at the most evidence (then the fewest labels). Empty when the line
// has no such cut or names no name and no deadline column: the rows could not be cut then.
std::vector<Label> cut_header(const std::vector<std::string_view>& words, const Vocabulary& vocabulary) {
  const size_t n = words.size();
  if (n < 3 || n > kMaxHeaderWords) return {};
  // Where the line has both, capitals mark where labels open ("Срок исполнения", "Form of
  // completion"): a label opens on one, and holds one further on only where that word adds to
  // its role's evidence ("Responsible Agencies"). Else "Срок" | "исполнения Ответственные" would
  // name as much, and "Completion date Implementing body" be one deadline label.
  const bool any_lower = std::any_of(words.begin(), words.end(), [](std::string_view w) { return starts_in_lower_case(w); });
  const bool any_upper = std::any_of(words.begin(), words.end(), [](std::string_view w) { return !starts_in_lower_case(w); });
  const bool capitals_tell = any_lower && any_upper;
  const auto capital = [&](size_t k) { return capitals_tell && !starts_in_lower_case(words[k]); };
  // role_at[b][len-1]: the role of words[b, b+len) (other for a label no role names, where
  // capitals tell), none for no label; score_at its evidence.
  std::vector<std::array<std::optional<ColumnRole>, kMaxLabelWords>> role_at(n);
  std::vector<std::array<int, kMaxLabelWords>> score_at(n);
  for (size_t b = 0; b < n; ++b) {
    std::array<RoleScores, kMaxLabelWords> scores{};
    for (size_t len = 1; len <= kMaxLabelWords; ++len) {
      role_at[b][len - 1] = std::nullopt;
      score_at[b][len - 1] = 0;
      if (b + len > n) continue;
      const std::string label = join(words, b, b + len);
      scores[len - 1] = score_header_cell(label, vocabulary);
      std::optional<ColumnRole> role = role_of_label(label, vocabulary);
      for (size_t k = b + 1; k < b + len && role; ++k) {
        const size_t r = role_index(*role);
        if (capital(k) && scores[k - b][r] <= scores[k - b - 1][r]) role = std::nullopt;
      }
      if (role) {
        role_at[b][len - 1] = role;
        score_at[b][len - 1] = scores[len - 1][role_index(*role)];
        continue;
      }
      // A label no role names ("Implementing body"): a column of its own, as header.h keeps one,
      // where capitals tell its borders; it costs, so that a cut naming more wins.
      bool one_label = b > 0 && capital(b);
      for (size_t k = b + 1; k < b + len; ++k) one_label = one_label && !capital(k);
      if (one_label && std::all_of(scores[len - 1].begin(), scores[len - 1].end(), [](int v) { return v == 0; })) {
        role_at[b][len - 1] = ColumnRole::other;
        score_at[b][len - 1] = -1;
      }
    }
  }
  std::vector<bool> opens(n, true);
  if (capitals_tell) {
    for (size_t i = 0; i < n; ++i) opens[i] = !starts_in_lower_case(words[i]);
  }
  // best[i][mask]: the most evidence for words[i, n) with the roles of `mask` already taken.
  // The mask holds the roles before other, each at most once.
  constexpr size_t kMasks = size_t{1} << role_index(ColumnRole::other);
  struct Step {
    bool cut = false;  // words[i, n) cut into labels at all
    int score = 0;
    int labels = 0;
    size_t len = 0;
  };
  std::vector<std::array<Step, kMasks>> best(n + 1);
  for (size_t mask = 0; mask < kMasks; ++mask) best[n][mask] = Step{true, 0, 0, 0};
  for (size_t i = n; i-- > 0;) {
    if (!opens[i]) continue;
    for (size_t mask = 0; mask < kMasks; ++mask) {
      for (size_t len = 1; len <= kMaxLabelWords && i + len <= n; ++len) {
        const std::optional<ColumnRole> role = role_at[i][len - 1];
        if (!role) continue;
        if ((i == 0) != (*role == ColumnRole::number)) continue;
        const size_t bit = size_t{1} << role_index(*role);
        const size_t next_mask = *role == ColumnRole::other ? mask : mask | bit;
        if (*role != ColumnRole::other && (mask & bit)) continue;
        const Step& rest = best[i + len][next_mask];
        if (!rest.cut) continue;
        const Step step{true, rest.score + score_at[i][len - 1], rest.labels + 1, len};
        Step& here = best[i][mask];
        if (!here.cut || step.score > here.score || (step.score == here.score && step.labels < here.labels)) here = step;
      }
    }
  }
  if (!best[0][0].cut) return {};
  std::vector<Label> labels;
  size_t mask = 0;
  for (size_t i = 0; i < n;) {
    const size_t len = best[i][mask].len;
    const ColumnRole role = *role_at[i][len - 1];  // the best cut passes only labels with a role
    labels.push_back(Label{i, i + len, role});
    if (role != ColumnRole::other) mask |= size_t{1} << role_index(role);
    i += len;
  }
  const auto has = [&](ColumnRole role) {
    return std::any_of(labels.begin(), labels.end(), [&](const Label& label) { return label.role == role; });
  };
  if (labels.size() < 3 || !has(ColumnRole::name) || !has(ColumnRole::deadline)) return {};
  return labels;
}

// A row line's number: "1", "1.", "1)", or "1.1" within a group. 0 when the line opens with none
// or has nothing after it.
struct RowStart {
  int number = 0;  // the item; for "2.3" the 3
  bool sub = false;
};
RowStart row_start(const std::vector<std::string_view>& words) {
  if (words.size() < 2) return {};
  if (const std::optional<int> number = parse_row_number(words[0])) return {*number, false};
  if (const std::optional<SubNumber> sub = parse_sub_number(words[0])) return {sub->item, true};
  return {};
}

// A word made of digits with a stop or a dash in it ("15.06.", "01.07"): a date whose range
// lost its dash, never a word of prose.
bool is_date_shaped(std::string_view word) {
  bool digit = false, stop = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' || c == '-' || c == '/') {
      stop = true;
    } else {
      return false;
    }
  }
  return digit && stop;
}

// The words [begin, end) of a row's text (past its number) that are its deadline: of the longest
// runs the grammar reads from each word, one that leaves text on each side that has columns,
// then the one that ends last (or, with no column before it, starts first), then the longest;
// widened over date-shaped words before it. begin == end when the row reads no deadline.
// Which words a deadline is made of, so that only runs that may be one are read: every deadline
// holds an anchor (a figure, or a word of a month's, a recurrence's, a half's or a quarter's
// phrase) and begins and ends with an anchor or another word of the deadline grammar ("до",
// "года", "дейін"). Prose rarely does.
struct Anchors {
  std::unordered_set<std::string> anchors, grammar;
  explicit Anchors(const Vocabulary& vocabulary) {
    const auto add = [&](std::string_view role, std::unordered_set<std::string>& into) {
      for (const VocabEntry* entry : vocabulary.with_role(role)) {
        for (std::string_view word : split(entry->folded, ' ')) {
          if (!word.empty()) into.emplace(word);
        }
      }
    };
    for (const std::string_view role : {"month.", "recurrence.", "deadline.half.", "deadline.quarter.", "deadline.part.",
                                        "deadline.halves", "deadline.quarters"}) {
      add(role, anchors);
    }
    add("deadline.", grammar);
  }
  // The word without the punctuation and brackets around it: "(in" and "stages)" of "(in stages)".
  static std::string folded(std::string_view word) {
    std::string text = fold_case(word);
    while (!text.empty() &&
           (text.back() == ',' || text.back() == '.' || text.back() == ';' || text.back() == ':' || text.back() == ')')) {
      text.pop_back();
    }
    if (!text.empty() && text.front() == '(') text.erase(0, 1);
    return text;
  }
  bool anchor(std::string_view word) const {
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    return anchors.count(folded(word)) > 0;
  }
  bool edge(std::string_view word) const {
    return anchor(word) || grammar.count(folded(word)) > 0 || grammar.count(fold_case(word)) > 0;
  }
};

std::pair<size_t, size_t> find_deadline(const std::vector<std::string_view>& words, size_t from, bool before,
                                        bool after, const Vocabulary& vocabulary, const Anchors& anchors) {
  const size_t m = words.size();
  std::pair<size_t, size_t> chosen{0, 0};
  int chosen_fit = -1;
  if (m > kMaxRowWords) return {0, 0};
  const std::vector<std::string>& fillers = vocabulary.phrases("deadline.filler");
  // next_anchor[i]: the first anchor at or after word i (m when none).
  std::vector<size_t> next_anchor(m + 1, m);
  std::vector<bool> edge(m, false);
  for (size_t i = m; i-- > from;) {
    next_anchor[i] = anchors.anchor(words[i]) ? i : next_anchor[i + 1];
    edge[i] = anchors.edge(words[i]);
  }
  for (size_t i = from; i < m; ++i) {
    if (!edge[i] || next_anchor[i] >= std::min(m, i + kMaxDeadlineWords)) continue;
    // "2026 году": a year's word after the year goes with it, never opens a deadline of its own.
    if (i > from && std::any_of(words[i - 1].begin(), words[i - 1].end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        std::find(fillers.begin(), fillers.end(), fold_case(words[i])) != fillers.end()) {
      continue;
    }
    for (size_t j = std::min(m, i + kMaxDeadlineWords); j > next_anchor[i]; --j) {
      if (!edge[j - 1]) continue;
      const std::optional<Deadline> deadline = parse_whole_deadline(join(words, i, j), vocabulary);
      if (!deadline || !(deadline->from || deadline->to || deadline->recurrence)) continue;
      const int fit = ((i > from) == before ? 2 : 0) + ((j < m) == after ? 2 : 0);
      // Prose before the deadline may hold a date of its own ("в 2026 году"); the cells after it
      // (agencies) hardly ever do: the run that ends last is the deadline. With nothing before
      // it, the run that starts first.
      const long place = before ? static_cast<long>(j) : -static_cast<long>(i);
      const long chosen_place = before ? static_cast<long>(chosen.second) : -static_cast<long>(chosen.first);
      const size_t length = j - i, chosen_length = chosen.second - chosen.first;
      const bool better = fit > chosen_fit || (fit == chosen_fit && (place > chosen_place ||
                                                                     (place == chosen_place && length > chosen_length)));
      if (better) {
        chosen = {i, j};
        chosen_fit = fit;
      }
      break;  // the longest run from i is the one that counts
    }
  }
  while (chosen.first > from + 1 && chosen.first < chosen.second && is_date_shaped(words[chosen.first - 1])) --chosen.first;
  return chosen;
}

Paragraph cell(std::string text, int line) {
  Paragraph paragraph;
  paragraph.text = std::move(text);
  paragraph.line = line;
  return paragraph;
}

std::string column_list(const std::vector<Label>& labels, size_t begin, size_t end) {
  std::string names;
  for (size_t k = begin; k < end; ++k) {
    if (!names.empty()) names += k + 1 == end ? " and " : ", ";
    names += column_role_name(labels[k].role);
  }
  return names;
}

// One row line cut into its cells after the header's labels; an error where its borders cannot
// be told.
void cut_row(const Paragraph& line, const std::vector<std::string_view>& words, const std::vector<Label>& labels,
             const Vocabulary& vocabulary, const Anchors& anchors, RunOnTable& out) {
  out.paragraphs.push_back(cell(std::string(words[0]), line.line));
  size_t deadline_label = 0;
  while (labels[deadline_label].role != ColumnRole::deadline) ++deadline_label;
  const bool before = deadline_label > 1, after = deadline_label + 1 < labels.size();
  const auto [begin, end] = find_deadline(words, 1, before, after, vocabulary, anchors);
  const auto side = [&](size_t from, size_t to, size_t first_label, size_t end_label) {
    if (from >= to) return;
    out.paragraphs.push_back(cell(join(words, from, to), line.line));
    if (end_label == first_label) {
      out.diagnostics.push_back({Severity::error, Code::run_on_row,
                                 "text after the last column of a row copied on one line: " + join(words, from, to),
                                 line.line});
    } else if (end_label - first_label > 1) {
      out.diagnostics.push_back({Severity::error, Code::run_on_row,
                                 "the " + column_list(labels, first_label, end_label) +
                                     " of a row copied on one line run together; all is kept as the " +
                                     std::string(column_role_name(labels[first_label].role)),
                                 line.line});
    }
  };
  if (begin == end) {
    out.paragraphs.push_back(cell(join(words, 1, words.size()), line.line));
    out.diagnostics.push_back({Severity::error, Code::run_on_row,
                               "a row copied on one line has no deadline to cut its cells at; all is kept as the " +
                                   std::string(column_role_name(labels[1].role)),
                               line.line});
    return;
  }
  side(1, begin, 1, deadline_label);
  out.paragraphs.push_back(cell(join(words, begin, end), line.line));
  side(end, words.size(), deadline_label + 1, labels.size());
}

}  // namespace

std::optional<RunOnTable> cut_run_on_rows(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  // The header: a line of flattened text that cuts into labels, followed (past a column-number
  // line and a section heading) by a row line; its number is the first (a plan continuing a
  // register starts at 10001).
  std::vector<Paragraph> lines;
  size_t header_paragraph = paragraphs.size(), header_line = 0;
  std::vector<Label> labels;
  RowStart first_number;
  for (size_t p = 0; p < paragraphs.size() && labels.empty(); ++p) {
    if (paragraphs[p].grid.table >= 0) continue;
    std::vector<Paragraph> here = paragraph_lines(paragraphs[p]);
    for (size_t k = 0; k < here.size(); ++k) {
      const std::vector<std::string_view> words = words_in(here[k].text);
      if (words.size() < 3 || words.size() > kMaxHeaderWords) continue;
      std::vector<Label> cut = cut_header(words, vocabulary);
      if (cut.empty()) continue;
      // The next line, in this paragraph or those after it, past a line of column numbers and
      // section headings (empty sections may come first), within kMaxLookahead lines.
      std::vector<Paragraph> next(here.begin() + static_cast<std::ptrdiff_t>(k) + 1, here.end());
      size_t first = 0;
      for (size_t q = p + 1;; ++q) {
        while (first < next.size() && first < kMaxLookahead &&
               (next[first].text.find_first_not_of("0123456789 ") == std::string::npos ||
                (row_start(words_in(next[first].text)).number == 0 && parse_section(next[first], vocabulary)))) {
          ++first;
        }
        if (first < next.size() || first >= kMaxLookahead || q >= paragraphs.size()) break;
        for (Paragraph& l : paragraph_lines(paragraphs[q])) next.push_back(std::move(l));
      }
      if (first >= next.size()) continue;
      first_number = row_start(words_in(next[first].text));
      if (first_number.number == 0) continue;
      header_paragraph = p;
      header_line = k;
      labels = std::move(cut);
      lines = std::move(here);
      break;
    }
  }
  if (labels.empty()) return std::nullopt;

  RunOnTable out;
  out.paragraphs.assign(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(header_paragraph));
  for (size_t k = 0; k < header_line; ++k) out.paragraphs.push_back(std::move(lines[k]));
  const Paragraph& header = lines[header_line];
  const std::vector<std::string_view> header_words = words_in(header.text);
  for (const Label& label : labels) out.paragraphs.push_back(cell(join(header_words, label.begin, label.end), header.line));
  out.diagnostics.push_back({Severity::warning, Code::run_on_row,
                             "the table's rows are copied one a line with spaces between their cells: each row is cut "
                             "after its number and around its deadline",
                             header.line});

  // The rows: each line that opens with the number expected next (or numbered within a group)
  // is cut; every other line and paragraph stays as it was, for the table stage to place.
  const Anchors anchors(vocabulary);
  int expected = first_number.number;
  // The table ends at a glossary heading or the publication footer: lines after it are no rows,
  // whatever number they open with ("21 марта 2028 года").
  bool ended = false;
  const auto take = [&](Paragraph line) {
    ended = ended || is_glossary_heading(line.text, vocabulary) || is_published_marker(line.text, vocabulary);
    const std::vector<std::string_view> words = words_in(line.text);
    const RowStart start = ended ? RowStart{} : row_start(words);
    // A line of column numbers ("1 2 3 4") under the header is the header's (header.h); a date
    // alone ("21 марта 2028 года", a publication date with no label) is no row.
    const bool column_numbers = line.text.find_first_not_of("0123456789 ") == std::string::npos;
    if (start.number > 0 && !column_numbers && (start.sub || start.number == expected) &&
        !parse_whole_deadline(line.text, vocabulary)) {
      cut_row(line, words, labels, vocabulary, anchors, out);
      if (!start.sub) ++expected;
    } else {
      out.paragraphs.push_back(std::move(line));
    }
  };
  for (size_t k = header_line + 1; k < lines.size(); ++k) take(std::move(lines[k]));
  for (size_t p = header_paragraph + 1; p < paragraphs.size(); ++p) {
    const Paragraph& paragraph = paragraphs[p];
    if (paragraph.breaks.empty()) {
      take(paragraph);
      continue;
    }
    std::vector<Paragraph> here = paragraph_lines(paragraph);
    const bool holds_row = std::any_of(here.begin(), here.end(), [&](const Paragraph& line) {
      return paragraph.grid.table < 0 && row_start(words_in(line.text)).number > 0;
    });
    if (!holds_row) {
      out.paragraphs.push_back(paragraph);
      continue;
    }
    for (Paragraph& line : here) take(std::move(line));
  }
  return out;
}

}  // namespace planparse
