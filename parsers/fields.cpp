// Stage 4, fields. See fields.h.
#include "parsers/fields.h"

#include <algorithm>

#include "parsers/agencies.h"
#include "parsers/align.h"
#include "parsers/cell_check.h"
#include "parsers/deadline.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// Whether the text writes a year (four digits, 1900-2100, standing apart from other digits).
bool writes_year(std::string_view text) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    int value = 0;
    for (; j < text.size() && is_digit(text[j]); ++j) value = j - i < 4 ? value * 10 + (text[j] - '0') : 0;
    if (j - i == 4 && value >= 1900 && value <= 2100) return true;
    i = j;
  }
  return false;
}

// `contradicted`: the paragraph is no deadline at all, and the table stage said so (cell_check.h).
Deadline read_deadline(const Paragraph& paragraph, bool contradicted, const Vocabulary& vocabulary,
                       std::vector<Diagnostic>& diagnostics) {
  if (std::optional<Deadline> deadline = parse_deadline(paragraph.text, vocabulary)) {
    // A recurrence read with its dates left null is exact only when the text names no year
    // ("ежегодно, до 20 января"); a year beside it that was not read is a doubt to show.
    if (deadline->recurrence && !deadline->from && !deadline->to && writes_year(paragraph.text)) {
      diagnostics.push_back({Severity::warning, Code::unparsed_deadline,
                             "deadline \"" + paragraph.text + "\" is read as a recurrence only: its years have no known form; from and to left null",
                             paragraph.line});
    }
    return *deadline;
  }
  if (!contradicted) {
    diagnostics.push_back({Severity::warning, Code::unparsed_deadline,
                           "deadline \"" + paragraph.text + "\" has no known form; from and to left null", paragraph.line});
  }
  return Deadline{paragraph.text, std::nullopt, std::nullopt, std::nullopt};
}

std::string join_text(const std::vector<Paragraph>& paragraphs) {
  std::string joined;
  for (const Paragraph& paragraph : paragraphs) {
    if (!joined.empty()) joined += '\n';
    joined += paragraph.text;
  }
  return joined;
}

// An agency cell's paragraphs, each joined with the next when a bracket or quote it opens is
// closed there (a marker broken over a line: "МВД (по" + "согласованию)"), or when the next is
// a marker alone ("ДСЭК" + "(по согласованию)", a <br> before the marker): it marks the entry
// it follows, as on one line; or when a name goes on in it ("акиматы городов и" + "районов",
// agencies.h continues_entry).
std::vector<Paragraph> join_broken_entries(const std::vector<Paragraph>& cell, const Vocabulary& vocabulary) {
  std::vector<Paragraph> joined;
  for (const Paragraph& paragraph : cell) {
    if (!joined.empty() && (continues_in(joined.back().text, paragraph.text) || is_marker(paragraph.text, vocabulary) ||
                            continues_entry(joined.back().text, paragraph.text, vocabulary))) {
      joined.back().text += ' ';
      joined.back().text += paragraph.text;
    } else {
      joined.push_back(paragraph);
    }
  }
  return joined;
}

// A deadline cell over two grid columns, a header of two levels ("Срок" over "начало" /
// "окончание"): a date in each is the start and the end of one deadline, read as the range
// "start – end" when both ends read. Returns whether the two paragraphs became one.
bool join_start_and_end(std::vector<Paragraph>& cell, const Vocabulary& vocabulary) {
  if (cell.size() != 2 || cell[0].grid.table < 0 || cell[0].grid.column == cell[1].grid.column) return false;
  const std::string range = cell[0].text + " \u2013 " + cell[1].text;
  const std::optional<Deadline> start = parse_whole_deadline(cell[0].text, vocabulary);
  const std::optional<Deadline> both = parse_whole_deadline(range, vocabulary);
  if (!start || !both || !both->from || !both->to || both->recurrence) return false;
  cell[0].text = range;
  cell.pop_back();
  return true;
}

// The key of an other column in Activity::extra: its header, made unique when two columns
// print the same header (or none).
std::string extra_key(const std::vector<Column>& columns, size_t c) {
  const auto key_of = [&](size_t k) { return columns[k].header.value_or("column " + std::to_string(k + 1)); };
  std::string key = key_of(c);
  int same = 0;
  for (size_t k = 0; k < c; ++k) same += columns[k].role == ColumnRole::other && key_of(k) == key;
  return same == 0 ? key : key + " (" + std::to_string(same + 1) + ")";
}

}  // namespace

Activity read_activity(const Row& row, const std::vector<Column>& columns, const Vocabulary& vocabulary,
                       std::vector<Diagnostic>& diagnostics, const std::unordered_set<std::string>* defined,
                       size_t listed_unaligned) {
  Activity activity;
  activity.number = row.value;
  activity.label = row.label;
  activity.section = row.section;
  activity.line = row.number.line;

  std::vector<Paragraph> name_parts;
  std::vector<Paragraph> outcomes;
  std::vector<Paragraph> deadlines;
  std::vector<bool> contradicted;  // of each deadline paragraph
  for (size_t c = 0; c < columns.size() && c < row.cells.size(); ++c) {
    const ColumnRole role = columns[c].role;
    // A marker or quote broken over two paragraphs ("МВД (по" / "согласованию)") is one entry.
    const bool agencies = role == ColumnRole::agencies;
    std::vector<Paragraph> rejoined = agencies ? join_broken_entries(row.cells[c], vocabulary) : std::vector<Paragraph>{};
    // Bidi controls and other format characters go before the list is read: "\u202EIRWM\u202C"
    // shows as "MWRI" and would match nothing.
    for (Paragraph& paragraph : rejoined) {
      const std::vector<char32_t> format = strip_format_characters(paragraph.text);
      if (format.empty()) continue;
      diagnostics.push_back({Severity::warning, Code::format_character,
                             "agency list \"" + paragraph.text + "\" held invisible format characters (" +
                                 code_point_list(format) + "); they are removed",
                             paragraph.line});
    }
    // A deadline broken over two paragraphs of its cell ("IV квартал<br>2026 года") is one.
    std::vector<size_t> origin;
    if (role == ColumnRole::deadline) {
      rejoined = row.cells[c];
      origin = join_start_and_end(rejoined, vocabulary) ? std::vector<size_t>{0} : join_wrapped_deadlines(rejoined, vocabulary, false);
    }
    const std::vector<Paragraph>& cell = agencies || role == ColumnRole::deadline ? rejoined : row.cells[c];
    for (size_t p = 0; p < cell.size(); ++p) {
      const Paragraph& paragraph = cell[p];
      if (role == ColumnRole::name) {
        const std::string_view item = strip_bullet(paragraph.text);
        if (item.size() != paragraph.text.size()) {
          activity.items.emplace_back(item);
        } else {
          name_parts.push_back(paragraph);
        }
      } else if (role == ColumnRole::outcome) {
        outcomes.push_back(paragraph);
      } else if (role == ColumnRole::deadline) {
        deadlines.push_back(paragraph);
        // A joined deadline reads, so only a paragraph left as it was can be contradicted.
        const std::span<const ParagraphKind> kinds = kinds_of(row, c);
        const size_t was = origin[p];
        const bool classified = was < kinds.size() && row.cells[c][was].text == paragraph.text;
        contradicted.push_back(classified && !contradiction(role, kinds[was], paragraph.text, vocabulary).empty());
      } else if (role == ColumnRole::agencies) {
        AgencyList list = split_agencies(paragraph.text, vocabulary, defined);
        for (Agency& agency : list.agencies) activity.agencies.push_back(std::move(agency));
        for (const std::string& entry : list.unparsed) {
          diagnostics.push_back({Severity::warning, Code::unparsed_agency,
                                 "agency list \"" + paragraph.text + "\": cannot read " + entry, paragraph.line});
        }
        for (const AgencyList::ForeignScript& foreign : list.foreign) {
          diagnostics.push_back({Severity::warning, Code::foreign_script,
                                 "agency \"" + foreign.text + "\" has " + foreign.script + " letters" +
                                     (foreign.read_as ? "; read as " + *foreign.read_as : std::string()),
                                 paragraph.line});
        }
      }
    }
    if (columns[c].role == ColumnRole::other) activity.extra.emplace_back(extra_key(columns, c), join_text(row.cells[c]));
  }
  for (size_t k = 0; k < row.unaligned.size() && k < listed_unaligned; ++k) {
    const Paragraph& paragraph = row.unaligned[k];
    diagnostics.push_back({Severity::warning, Code::extra_paragraph,
                           "paragraph of activity " + std::to_string(row.value) + " falls in no column: " + paragraph.text,
                           paragraph.line});
  }

  activity.name = join_text(name_parts);
  // A name cell split like the outcome cell names each part's task.
  const bool tasks = outcomes.size() > 1 && name_parts.size() == outcomes.size();
  const size_t pairs = std::max(outcomes.size(), deadlines.size());
  // A table without an outcome column still dates its activity: each deadline is an outcome
  // with empty text, and that is no fault of the row.
  const bool has_outcome_column =
      std::any_of(columns.begin(), columns.end(), [](const Column& column) { return column.role == ColumnRole::outcome; });
  for (size_t k = 0; k < pairs; ++k) {
    Outcome outcome;
    if (k < outcomes.size()) {
      outcome.text = outcomes[k].text;
    } else if (has_outcome_column) {
      diagnostics.push_back({Severity::warning, Code::extra_paragraph,
                             "activity " + std::to_string(row.value) + " has more deadlines than outcomes: " +
                                 deadlines[k].text + " has no outcome",
                             deadlines[k].line});
    }
    if (tasks && k < name_parts.size()) outcome.task = name_parts[k].text;
    if (k < deadlines.size()) outcome.deadline = read_deadline(deadlines[k], contradicted[k], vocabulary, diagnostics);
    activity.outcomes.push_back(std::move(outcome));
  }
  return activity;
}

}  // namespace planparse
