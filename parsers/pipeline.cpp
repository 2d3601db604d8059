// The driver. See pipeline.h for the numbered stages.
#include "parsers/pipeline.h"

#include <algorithm>
#include <map>
#include <new>
#include <stdexcept>
#include <unordered_set>

#include "parsers/blocks.h"
#include "parsers/docx.h"
#include "parsers/fields.h"
#include "parsers/glossary.h"
#include "parsers/html.h"
#include "parsers/metadata.h"
#include "parsers/normalise.h"
#include "parsers/registry.h"
#include "parsers/resolve.h"
#include "parsers/table.h"
#include "parsers/text.h"
#include "parsers/vocabulary.h"

namespace planparse {
namespace {

// Warnings of one kind listed one by one before the rest are counted in a summary: a page of
// stray paragraphs (hundreds of thousands of them) must not cost a diagnostic, a copy of its
// text and a JSON object each, and a reader learns nothing from the 101st.
constexpr size_t kMaxListed = 100;
constexpr Code kCappedCodes[] = {Code::unclaimed_paragraph, Code::extra_paragraph, Code::unknown_abbreviation};

// The diagnostics of one capped code left out of the list: how many, and their lines.
struct Unlisted {
  long count = 0;
  int first_line = 0;
  int last_line = 0;
  void add(int line) {
    first_line = count == 0 ? line : std::min(first_line, line);
    last_line = count == 0 ? line : std::max(last_line, line);
    ++count;
  }
};

// The footnotes keying a "*" to the "as agreed" marker, taken out of `paragraphs`.
std::vector<Paragraph> take_marker_keys(std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  std::vector<Paragraph> keys;
  std::erase_if(paragraphs, [&](Paragraph& paragraph) {
    if (!is_marker_footnote(paragraph.text, vocabulary)) return false;
    keys.push_back(std::move(paragraph));
    return true;
  });
  return keys;
}

// The glossary read from the first paragraph k in [from, until) that `opens(k)` accepts and from
// which entries are read, and that k; no entries and `paragraphs.size()` when there is none.
template <class Opens>
std::pair<GlossaryResult, size_t> first_glossary(const std::vector<Paragraph>& paragraphs, size_t from, size_t until,
                                                 Opens opens, const Vocabulary& vocabulary) {
  for (size_t k = from; k < std::min(until, paragraphs.size()); ++k) {
    if (!opens(k)) continue;
    GlossaryResult read = read_glossary_entries(
        std::vector<Paragraph>(paragraphs.begin() + static_cast<std::ptrdiff_t>(k), paragraphs.end()), vocabulary);
    if (!read.entries.empty()) return {std::move(read), k};
  }
  return {GlossaryResult{}, paragraphs.size()};
}

// Marks as agreed every agency whose entry carries a "*" after its name ("УДХ*", "MIA* (lead)");
// returns whether any did.
bool mark_footnoted_agencies(std::vector<Activity>& activities) {
  bool any = false;
  for (Activity& activity : activities) {
    for (Agency& agency : activity.agencies) {
      const std::string_view written = trim(std::string_view(agency.text).substr(0, agency.text.find('(')));
      if (!written.empty() && written.back() == '*') agency.as_agreed = any = true;
    }
  }
  return any;
}

void report_unclaimed(const std::vector<Paragraph>& paragraphs, std::string_view where, std::vector<Diagnostic>& out,
                      Unlisted& unlisted) {
  size_t listed = static_cast<size_t>(std::count_if(
      out.begin(), out.end(), [](const Diagnostic& d) { return d.code == Code::unclaimed_paragraph; }));
  for (const Paragraph& paragraph : paragraphs) {
    if (listed >= kMaxListed) {
      unlisted.add(paragraph.line);
      continue;
    }
    out.push_back({Severity::warning, Code::unclaimed_paragraph,
                   "paragraph " + std::string(where) + " is in no field: " + paragraph.text, paragraph.line});
    ++listed;
  }
}

// Heading rows with no number inside the table (TableResult::headings): each is said to be a
// heading that opens no section, and which section the rows after it stay in. Capped with the
// unclaimed paragraphs, whose code they share: no field took them.
void report_headings(const std::vector<Paragraph>& headings, const std::vector<Section>& sections,
                     std::vector<Diagnostic>& out, Unlisted& unlisted) {
  size_t listed = static_cast<size_t>(std::count_if(
      out.begin(), out.end(), [](const Diagnostic& d) { return d.code == Code::unclaimed_paragraph; }));
  for (const Paragraph& heading : headings) {
    if (listed >= kMaxListed) {
      unlisted.add(heading.line);
      continue;
    }
    // Sections are in document order: the last one above the heading.
    const auto after = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.line > heading.line; });
    const std::string stays = after == sections.begin() ? "in no section" : "in section " + std::prev(after)->number;
    out.push_back({Severity::warning, Code::unclaimed_paragraph,
                   "heading row inside the table has no number, so it opens no section (a section is known by its "
                   "number); the rows after it stay " + stays + ": " + heading.text,
                   heading.line});
    ++listed;
  }
}

// `diagnostics` sorted by line: keeps the first kMaxListed of each capped code and puts one
// summary in place of the rest (with those already counted in `unlisted`), at the line of the
// first left out. Nothing goes silently: the summary says how many and where.
void cap_listed(std::vector<Diagnostic>& diagnostics, std::map<Code, Unlisted>& unlisted) {
  std::map<Code, size_t> listed;
  std::vector<Diagnostic> kept;
  bool any_over = false;
  for (const Diagnostic& d : diagnostics) {
    if (std::find(std::begin(kCappedCodes), std::end(kCappedCodes), d.code) != std::end(kCappedCodes) &&
        ++listed[d.code] > kMaxListed) {
      any_over = true;
      break;
    }
  }
  if (any_over) {
    listed.clear();
    for (Diagnostic& d : diagnostics) {
      const bool capped = std::find(std::begin(kCappedCodes), std::end(kCappedCodes), d.code) != std::end(kCappedCodes);
      if (capped && ++listed[d.code] > kMaxListed) {
        unlisted[d.code].add(d.line);
      } else {
        kept.push_back(std::move(d));
      }
    }
    diagnostics = std::move(kept);
  }
  bool added = false;
  for (const auto& [code, left_out] : unlisted) {
    if (left_out.count == 0) continue;
    diagnostics.push_back({Severity::warning, code,
                           std::to_string(left_out.count) + " more " + std::string(code_name(code)) +
                               " warnings, lines " + std::to_string(left_out.first_line) + "-" +
                               std::to_string(left_out.last_line) + ", are not listed (only the first " +
                               std::to_string(kMaxListed) + " are)",
                           left_out.first_line});
    added = true;
  }
  if (added) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  }
}

// Frees a vector's storage: `v = {}` would not (it assigns an empty initializer_list, and the
// capacity stays), so a million-row table's paragraphs would stay allocated to the end.
template <class T>
void release(std::vector<T>& values) {
  std::vector<T>().swap(values);
}

// True when some agency of the activities is an abbreviation that the entries spell out (as
// resolve will find it: exactly, by look-alikes or by transliteration).
bool spells_out_an_agency(const std::vector<Abbreviation>& entries, const std::vector<Activity>& activities) {
  if (entries.empty()) return false;
  const GlossaryIndex index = index_glossary(entries);
  for (const Activity& activity : activities) {
    for (const Agency& agency : activity.agencies) {
      if (agency.abbr && find_abbreviation(index, *agency.abbr).entry) return true;
    }
  }
  return false;
}

Result<Plan> run_stages(const Source& source, const Vocabulary& vocabulary, const Registry& registry) {
  Plan plan;
  std::map<Code, Unlisted> unlisted;
  plan.source = SourceInfo{source.name, source.sha256, static_cast<long long>(source.bytes.size()), source.format,
                           source.encoding};

  // 1-2. normalise, blocks (an HTML page gives the same paragraphs, with their table cells)
  Blocks blocks;
  if (source.format == SourceFormat::html) {
    Result<Blocks> html = read_html(source.text, vocabulary);
    if (!html.ok()) return html.error();
    blocks = std::move(html.value());
  } else if (source.format == SourceFormat::docx) {
    Result<Blocks> docx = read_docx(source.bytes, source.max_bytes);
    if (!docx.ok()) return docx.error();
    blocks = std::move(docx.value());
  } else {
    blocks = split_paragraphs(normalise(source.text), vocabulary);
  }
  // The paragraphs were pushed one by one: up to half the vector may be slack (5 million
  // paragraphs of a million-row table sit in room for 8.4 million), held through the table
  // stage, the peak. Trimmed now, while the normalised text is gone and little else is held.
  if (blocks.paragraphs.capacity() - blocks.paragraphs.size() > blocks.paragraphs.size() / 8) {
    blocks.paragraphs.shrink_to_fit();
  }
  // 3. table
  Result<TableResult> table_result = read_table(std::move(blocks.paragraphs), vocabulary);
  if (!table_result.ok()) return table_result.error();
  TableResult& table = table_result.value();
  // The table holds the paragraphs it read (read_table spent them); only the page's metadata is
  // read again.
  release(blocks.paragraphs);
  plan.diagnostics = std::move(table.diagnostics);
  if (table.title) plan.title = table.title->text;
  plan.columns = table.columns;
  plan.sections = table.sections;
  // "* по согласованию", "* as agreed" under the table: the key of the "*" that entries carry
  // ("УДХ*"). Held back until the fields are read: it marks them, or else it is reported.
  std::vector<Paragraph> marker_keys = take_marker_keys(table.unclaimed, vocabulary);
  report_unclaimed(table.unclaimed, "inside the table", plan.diagnostics, unlisted[Code::unclaimed_paragraph]);
  release(table.unclaimed);
  report_headings(table.headings, plan.sections, plan.diagnostics, unlisted[Code::unclaimed_paragraph]);
  release(table.headings);

  // The glossary's entries are read before the fields, so that an abbreviation it defines is
  // read as one even where it is also a legal-form word ("ҚБ"); whether headless entries are a
  // glossary at all is decided after, once the agencies are known.
  GlossaryResult glossary = read_glossary_entries(table.after, vocabulary);
  // A note or a caption between the table and the glossary's heading ("Note: co-executors are
  // marked with an asterisk.", "Примечание: * – головной исполнитель."): the glossary is read from
  // its heading (or its first entry), and what stands before it is reported with the footer's paragraphs. The heading
  // may be a paragraph's first line, its entries the lines under it (a copy with no blank line
  // between them): before, such a block after a note was one unclaimed paragraph.
  size_t glossary_at = 0;
  if (glossary.entries.empty() && !glossary.headed) {
    constexpr size_t kMaxBeforeHeading = 4;
    // Entries with no heading after a note ("Примечание:" over "1) …", then "МФ – …") open one
    // too; like any headless glossary, it is kept only when it spells out an agency (step 5).
    const auto is_heading = [&](size_t k) {
      const Paragraph& paragraph = table.after[k];
      if (paragraph.breaks.empty()) return is_glossary_heading(paragraph.text, vocabulary);
      return is_glossary_heading(trim(std::string_view(paragraph.text).substr(0, paragraph.breaks[0].offset)), vocabulary);
    };
    const auto opens_with_heading = [&](size_t k) { return opens_glossary(table.after, k, vocabulary) || is_heading(k); };
    auto [read, at] = first_glossary(table.after, 1, kMaxBeforeHeading + 1, opens_with_heading, vocabulary);
    // Further down, past a second table or a long note (a target-indicator table between the plan
    // and its abbreviations), only a heading opens the glossary; what stands before it is the
    // footer's, reported. Before, such a glossary was lost.
    if (read.entries.empty()) {
      auto [further, further_at] = first_glossary(table.after, kMaxBeforeHeading + 1, table.after.size(), is_heading, vocabulary);
      read = std::move(further);
      at = further_at;
    }
    if (!read.entries.empty()) {
      glossary = std::move(read);
      glossary_at = at;
    }
  }
  // A glossary may also stand before the table, between its title and its header: read the same
  // way from where it opens, and decided the same way (a heading, or entries that spell out an
  // agency of the table).
  auto [intro_glossary, intro_glossary_at] = first_glossary(
      table.intro, 0, table.intro.size(),
      [&](size_t k) { return opens_glossary(table.intro, k, vocabulary) || is_glossary_entry(table.intro[k].text); }, vocabulary);
  std::unordered_set<std::string> defined;
  for (const Abbreviation& entry : glossary.entries) defined.insert(entry.abbr);
  for (const Abbreviation& entry : intro_glossary.entries) defined.insert(entry.abbr);

  // 4. fields
  std::vector<int> agency_lines;  // where each activity's agency cell starts, for resolve's warnings
  plan.activities.reserve(table.rows.size());
  // Paragraphs in no column are warned of one by one up to kMaxListed, then counted as they
  // come rather than held: a row of a million cells would hold a million messages (issue 14).
  // Rows come in line order, so those counted are those cap_listed would leave out.
  size_t unaligned_listed = 0;
  for (Row& row : table.rows) {
    const size_t listed = kMaxListed - std::min(kMaxListed, unaligned_listed);
    plan.activities.push_back(read_activity(row, table.columns, vocabulary, plan.diagnostics, &defined, listed));
    for (size_t k = listed; k < row.unaligned.size(); ++k) unlisted[Code::extra_paragraph].add(row.unaligned[k].line);
    unaligned_listed += std::min(listed, row.unaligned.size());
    agency_lines.push_back(row.number.line);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].role == ColumnRole::agencies && !row.cells[c].empty()) agency_lines.back() = row.cells[c].front().line;
    }
    row = Row{};  // read: a table of a million rows is not held twice, as rows and as activities
  }
  release(table.rows);
  if (!marker_keys.empty() && !mark_footnoted_agencies(plan.activities)) {
    report_unclaimed(marker_keys, "inside the table", plan.diagnostics, unlisted[Code::unclaimed_paragraph]);
  }

  // 5. glossary: after its heading, or straight after the table when it has none (a glossary
  // table right below the plan's); what follows it is the footer. Entries with no heading over
  // them are a glossary only when they spell out some agency of the table: else they are
  // paragraphs after the table like any other.
  std::vector<Paragraph> footer_paragraphs;
  {
    const bool intro_read =
        intro_glossary.headed || spells_out_an_agency(intro_glossary.entries, plan.activities);
    for (size_t k = 0; k < table.intro.size(); ++k) {
      const bool in_glossary = intro_read && k >= intro_glossary_at && k - intro_glossary_at < intro_glossary.rest_start;
      if (!in_glossary) plan.intro.push_back(table.intro[k].text);
    }
    if (intro_read) {
      plan.abbreviations = std::move(intro_glossary.entries);
      plan.diagnostics.insert(plan.diagnostics.end(), intro_glossary.diagnostics.begin(), intro_glossary.diagnostics.end());
    }
    if (glossary.headed || spells_out_an_agency(glossary.entries, plan.activities)) {
      plan.abbreviations.insert(plan.abbreviations.end(), std::make_move_iterator(glossary.entries.begin()),
                                std::make_move_iterator(glossary.entries.end()));
      plan.diagnostics.insert(plan.diagnostics.end(), glossary.diagnostics.begin(), glossary.diagnostics.end());
      table.after.erase(table.after.begin() + static_cast<std::ptrdiff_t>(glossary_at),
                        table.after.begin() + static_cast<std::ptrdiff_t>(glossary_at + glossary.rest_start));
      footer_paragraphs = std::move(table.after);
    } else {
      footer_paragraphs = std::move(table.after);
    }
  }

  // 6. resolve
  const GlossaryIndex index = index_glossary(plan.abbreviations);
  // A plan without a glossary has an unknown abbreviation in nearly every row: past the first
  // kMaxListed they are counted as they come rather than held (a million rows, two each).
  size_t unknown_listed = 0;
  std::vector<Diagnostic> found;
  for (size_t a = 0; a < plan.activities.size(); ++a) {
    found.clear();
    resolve_agencies(plan.activities[a].agencies, agency_lines[a], index, found);
    for (Diagnostic& d : found) {
      if (d.code == Code::unknown_abbreviation && unknown_listed++ >= kMaxListed) {
        unlisted[Code::unknown_abbreviation].add(d.line);
      } else {
        plan.diagnostics.push_back(std::move(d));
      }
    }
  }

  // 7. link: agencies and glossary entries to the registry's ids
  link_agencies(plan, registry);

  // 8. metadata
  plan.act = find_act(table.intro, vocabulary);
  // An appendix may open with its act ("Приложение к постановлению акимата от … № 58"), which
  // the table stage takes for the title when nothing stands before it.
  // Its lines may also run on from the title into the intro (a caption broken by <br>).
  if (!plan.act && table.title) {
    std::vector<Paragraph> opening{*table.title};
    opening.insert(opening.end(), table.intro.begin(), table.intro.end());
    plan.act = find_act(opening, vocabulary);
  }
  Footer footer = read_footer(std::move(footer_paragraphs), vocabulary);
  plan.published = footer.published;
  // Else a publication-date line before the table (a page's header, a text copy's first line).
  if (!plan.published) plan.published = read_footer(std::move(table.published), vocabulary).published;
  // A page's own date (its footer, a <time>, a date <meta>) when the document's text has none.
  if (!plan.published) plan.published = page_published(blocks.page, vocabulary);
  // The same key below the glossary or in a page's article after its table.
  if (std::vector<Paragraph> keys = take_marker_keys(footer.unclaimed, vocabulary);
      !keys.empty() && !mark_footnoted_agencies(plan.activities)) {
    footer.unclaimed.insert(footer.unclaimed.end(), keys.begin(), keys.end());
    std::sort(footer.unclaimed.begin(), footer.unclaimed.end(), [](const Paragraph& a, const Paragraph& b) { return a.line < b.line; });
  }
  report_unclaimed(footer.unclaimed, "after the table", plan.diagnostics, unlisted[Code::unclaimed_paragraph]);
  release(footer.unclaimed);
  // The table decides: the reference is an English plan with a Russian footer.
  std::vector<std::string> table_text;
  for (const Activity& activity : plan.activities) {
    table_text.push_back(activity.name);
    for (const Outcome& outcome : activity.outcomes) table_text.push_back(outcome.text);
  }
  plan.language = detect_language(table_text, vocabulary);

  if (!source.misread.empty()) {
    plan.diagnostics.push_back({Severity::warning, Code::garbled_text,
                                "the text had been garbled before it was saved (" + source.misread +
                                    "); it is read as it was written",
                                1});
  }
  std::stable_sort(plan.diagnostics.begin(), plan.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  cap_listed(plan.diagnostics, unlisted);
  return plan;
}

}  // namespace

Result<Plan> parse_source(const Source& source, const Vocabulary& vocabulary, const Registry& registry) {
  // Memory running out is an answer about this input, not a crash: the library's callers get a
  // failure like any other (the CLI exits 4).
  try {
    return run_stages(source, vocabulary, registry);
  } catch (const std::bad_alloc&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  } catch (const std::length_error&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  }
}

Result<Plan> parse_source(const Source& source, const ParseContext& context) {
  return parse_source(source, context.vocabulary(), context.registry());
}

std::optional<Failure> strict_failure(const Plan& plan) {
  const auto is_error = [](const Diagnostic& d) { return d.severity == Severity::error; };
  const auto first = std::find_if(plan.diagnostics.begin(), plan.diagnostics.end(), is_error);
  if (first == plan.diagnostics.end()) return std::nullopt;
  const long count = std::count_if(plan.diagnostics.begin(), plan.diagnostics.end(), is_error);
  return Failure{first->code,
                 "refused under --strict: " + std::to_string(count) + " error diagnostic" + (count == 1 ? "" : "s") +
                     ", the first " + std::string(code_name(first->code)) + ": " + first->message,
                 first->line > 0 ? "line " + std::to_string(first->line) : ""};
}

}  // namespace planparse
