// Stage 3, table, step: every cell against its column. See cell_check.h.
#include "parsers/cell_check.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "parsers/deadline.h"
#include "parsers/text.h"

namespace planparse {
namespace {

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// Why the paragraph cannot stand in a column of `role`, or empty when it can.
bool is_dated(std::string_view text, const Vocabulary& vocabulary) {
  const std::optional<Deadline> deadline = parse_deadline(text, vocabulary);
  return deadline && deadline->to;
}

// "По мере поступления", "upon request": a deadline relative to an event, which a published
// agency cell never opens with (the words are the vocabulary's deadline.event).
bool opens_with_event(std::string_view text, const Vocabulary& vocabulary) {
  const std::vector<std::string>& leads = vocabulary.phrases("deadline.event");
  if (leads.empty()) return false;
  const std::string folded = fold_case(text);
  return std::any_of(leads.begin(), leads.end(), [&](const std::string& lead) { return starts_with_words(folded, lead); });
}

// "до 1 июля 2026 года (1 этап), до 1 июля 2027 года (2 этап)", "в течение 3 месяцев после
// принятия закона, но не позднее 1 июля 2027 года": a long deadline cell whose parts, between
// commas, semicolons and brackets, hold a date is a deadline of a form not yet read (the
// unparsed-deadline warning says so), not prose. A part may open with a word that leads on to
// its date ("но не позднее …"). Each part is read once or twice, so the test is linear.
bool carries_a_date(std::string_view text, const Vocabulary& vocabulary) {
  size_t start = 0;
  for (size_t at = 0; at <= text.size(); ++at) {
    if (at < text.size() && text[at] != ',' && text[at] != ';' && text[at] != '(' && text[at] != ')') continue;
    const std::string_view part = trim(text.substr(start, at - start));
    start = at + 1;
    if (part.empty()) continue;
    if (is_dated(part, vocabulary)) return true;
    if (const size_t space = part.find(' '); space != std::string_view::npos && is_dated(trim(part.substr(space + 1)), vocabulary)) {
      return true;
    }
  }
  return false;
}

std::string column_name(const Column& column) {
  return "the " + std::string(column_role_name(column.role)) + " column" +
         (column.header ? " \"" + *column.header + "\"" : std::string());
}

}  // namespace

std::string_view contradiction(ColumnRole role, ParagraphKind kind, std::string_view text,
                               const Vocabulary& vocabulary) {
  if (role == ColumnRole::name || role == ColumnRole::outcome) {
    if (kind == ParagraphKind::deadline && is_dated(text, vocabulary)) return "reads as a deadline";
    if (kind == ParagraphKind::agencies) return "reads as an agency list";
  } else if (role == ColumnRole::deadline) {
    if (kind == ParagraphKind::agencies) return "reads as an agency list";
    if (kind == ParagraphKind::prose && word_count(text) > kMaxDeadlineWords && !carries_a_date(text, vocabulary)) {
      return "is prose, not a deadline";
    }
  } else if (role == ColumnRole::agencies) {
    if (kind == ParagraphKind::deadline && is_dated(text, vocabulary)) return "reads as a deadline";
    if (kind == ParagraphKind::prose && opens_with_event(text, vocabulary)) return "reads as a deadline relative to an event";
  }
  return {};
}

void check_cells(TableResult& table, const std::vector<std::vector<const Paragraph*>>& header_cells,
                 const Vocabulary& vocabulary) {
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    size_t filled = 0;
    size_t contradicted = 0;
    for (const Row& row : table.rows) {
      if (c >= row.cells.size() || row.cells[c].empty()) continue;
      ++filled;
      bool any = false;
      const std::span<const ParagraphKind> kinds = kinds_of(row, c);
      for (size_t k = 0; k < row.cells[c].size() && k < kinds.size(); ++k) {
        const Paragraph& paragraph = row.cells[c][k];
        const std::string_view why = contradiction(column.role, kinds[k], paragraph.text, vocabulary);
        if (why.empty()) continue;
        any = true;
        table.diagnostics.push_back({Severity::error, Code::cell_mismatch,
                                     "activity " + std::to_string(row.value) + ": \"" + paragraph.text + "\" " +
                                         std::string(why) + " but stands in " + column_name(column),
                                     paragraph.line});
      }
      contradicted += any;
    }
    // One stray cell is a row's fault; most of a column is the header's.
    if (contradicted >= 2 && contradicted * 2 > filled) {
      const bool printed = c < header_cells.size() && !header_cells[c].empty();
      table.diagnostics.push_back({Severity::error, Code::column_mismatch,
                                   std::to_string(contradicted) + " of " + std::to_string(filled) + " cells of " +
                                       column_name(column) + " contradict it",
                                   printed ? header_cells[c].front()->line : 0});
    }
  }
}

}  // namespace planparse
