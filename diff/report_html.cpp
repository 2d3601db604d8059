// Diff, step 4: the PlanDiff as one HTML page for a reader, in a browser or on paper: each change
// with its old and new versions side by side, words deleted and inserted marked <del> and <ins>.
// External interface: diff_to_html (diff/diff.h), html_escape (diff/html.h). The page is built as Html:
// every string from the plans and the files enters it through html_text, escaped, and markup
// only as literals. Tested by test_diff_html.cpp, and rendered in headless Chromium by
// tests/chromium/render_report.sh.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "diff/html.h"

namespace planparse {
namespace {

// Inline, so that the page is one file to mail, archive or print, fetching nothing. Browsers
// leave background colours out of print by default, so a change never relies on one: <del> is
// struck through and <ins> underlined on screen and on paper, and whole added or removed blocks
// carry a coloured rule.
constexpr Markup kStyle = R"css(
body { margin: 2rem auto; max-width: 84rem; padding: 0 1.5rem; color: #1a1a1a; background: #fff;
       font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 1.45rem; margin: 0 0 .6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
p { margin: 0 0 .25rem; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; }
.sides { border-collapse: collapse; margin-bottom: .6rem; }
.sides th, .sides td { text-align: left; padding: .1rem 1rem .1rem 0; overflow-wrap: anywhere; }
.summary { font-weight: bold; font-size: 1.05rem; }
.legend, .dates, .note { color: #555; font-size: .9em; }
.none { font-style: italic; }
.change { margin: 1rem 0; padding: .6rem .8rem; border: 1px solid #ccc; border-left: .4rem solid #888;
          break-inside: avoid; page-break-inside: avoid; }
.change.added { border-left-color: #2e7d32; }
.change.removed { border-left-color: #c62828; }
.change.changed { border-left-color: #b26a00; }
.change.moved { border-left-color: #00838f; }
.kind { display: inline-block; margin-right: .2rem; padding: 0 .35rem; border: 1px solid; border-radius: .2rem;
        font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; vertical-align: .1em; }
.added .kind { color: #2e7d32; }
.removed .kind { color: #c62828; }
.changed .kind { color: #b26a00; }
.moved .kind { color: #00838f; }
table.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sbs col.field { width: 8.5rem; }
.sbs th, .sbs td { padding: .3rem .5rem; border-top: 1px solid #e2e2e2; text-align: left; vertical-align: top;
                   overflow-wrap: anywhere; }
.sbs thead th { border-top: 0; color: #555; font-size: .85rem; font-weight: normal; }
.sbs tbody th { color: #555; font-size: .9rem; font-weight: normal; }
del { color: #a31515; background: #fde8e8; text-decoration: line-through; }
ins { color: #1b5e20; background: #e2f5e4; text-decoration: underline; }
del.whole, ins.whole { display: block; padding-left: .5rem; border-left: 3px solid; text-decoration: none; }
.absent { color: #888; font-style: italic; }
.shift { font-weight: bold; }
@page { margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  del, ins { background: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
)css";

constexpr Markup kAbsent = "<span class=\"absent\">—</span>";

// Which column a cell is in: its marker element and the word-diff runs only it shows.
struct Side {
  Markup tag;  // "del" or "ins"
  EditOp own;  // erase on the old side, insert on the new
};
constexpr Side kOldSide{"del", EditOp::erase};
constexpr Side kNewSide{"ins", EditOp::insert};

Html element(Markup tag, const Html& html, Markup css_class = {}) {
  Html out = Html{"<"} + tag;
  if (!css_class.empty()) out += Html{" class=\""} + css_class + "\"";
  return out + ">" + html + "</" + tag + ">";
}

Html paragraph(const Html& html, Markup css_class = {}) { return element("p", html, css_class) + "\n"; }

// `html`, or the mark of an absent value when it is empty.
Html or_absent(const Html& html) { return html.empty() ? Html(kAbsent) : html; }

Html number_html(long long number) { return html_text(std::to_string(number)); }

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A text whose paragraphs are joined with '\n' (a name, an outcome) as one <p> each.
Html paragraphs(std::string_view text) {
  Html out;
  for (const std::string& line : lines_of(text)) {
    if (!line.empty()) out += paragraph(html_text(line));
  }
  return out;
}

// --- Word diffs, one side at a time ----------------------------------------------------------------

// A word one column shows; `marked` when the other column does not have it.
struct SideWord {
  std::string_view text;
  bool marked = false;
};

std::vector<SideWord> side_words(const std::vector<WordEdit>& words, const Side& side) {
  std::vector<SideWord> out;
  for (const WordEdit& edit : words) {
    if (edit.op != EditOp::equal && edit.op != side.own) continue;
    // A run's words are joined by single spaces (diff.h), so a space is a word boundary.
    std::string_view run = edit.text;
    while (!run.empty()) {
      const std::size_t end = std::min(run.find(' '), run.size());
      if (end > 0) out.push_back(SideWord{run.substr(0, end), edit.op == side.own});
      run.remove_prefix(std::min(end + 1, run.size()));
    }
  }
  return out;
}

// How many words word_diff finds in `text`: it splits on ASCII white space (words.cpp).
std::size_t word_count(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

// Words [from, to) of one column, each maximal run of marked words in one <del> or <ins>.
Html words_html(const std::vector<SideWord>& shown, std::size_t from, std::size_t to, const Side& side) {
  const Html open = Html{"<"} + side.tag + ">";
  const Html close = Html{"</"} + side.tag + ">";
  Html html;
  for (std::size_t k = from; k < to; ++k) {
    if (k > from) html += " ";
    if (shown[k].marked && (k == from || !shown[k - 1].marked)) html += open;
    html += html_text(shown[k].text);
    if (shown[k].marked && (k + 1 == to || !shown[k + 1].marked)) html += close;
  }
  return html;
}

// One column of a one-line word diff (a section title, a glossary name), without a paragraph.
Html inline_side_html(const std::vector<WordEdit>& words, const Side& side) {
  const std::vector<SideWord> shown = side_words(words, side);
  return shown.empty() ? Html(kAbsent) : words_html(shown, 0, shown.size(), side);
}

// One column of a word diff. word_diff joins a list's paragraphs into one text; counting each
// paragraph's words splits the column into the paragraphs again, so that items and intro
// paragraphs keep their breaks (one <p> for all should the counts not add up).
Html side_html(const std::vector<WordEdit>& words, const Side& side, const std::vector<std::string>& texts) {
  const std::vector<SideWord> shown = side_words(words, side);
  if (shown.empty()) return Html(kAbsent);
  std::vector<std::size_t> counts;
  std::size_t total = 0;
  for (const std::string& text : texts) {
    counts.push_back(word_count(text));
    total += counts.back();
  }
  if (total != shown.size()) counts = {shown.size()};
  Html out;
  std::size_t from = 0;
  for (const std::size_t count : counts) {
    if (count == 0) continue;
    out += paragraph(words_html(shown, from, from + count, side));
    from += count;
  }
  return out;
}

// --- Values ----------------------------------------------------------------------------------------

Html deadline_html(const std::optional<Deadline>& deadline, std::optional<Markup> tag = {}) {
  if (!deadline) return Html{"<span class=\"absent\">no deadline</span>"};
  const Html text = html_text(deadline->text);
  Html out = tag ? element(*tag, text) : text;
  std::string dates;
  if (deadline->from && deadline->to && deadline->from != deadline->to) {
    dates = *deadline->from + " – " + *deadline->to;
  } else if (deadline->to) {
    dates = "by " + *deadline->to;
  }
  if (deadline->recurrence) dates += (dates.empty() ? "" : ", ") + std::string(recurrence_name(*deadline->recurrence));
  if (!dates.empty()) out += " " + element("span", "(" + html_text(dates) + ")", "dates");
  return out;
}

// The whole of an outcome, as an added or removed one reads.
Html outcome_html(const Outcome& outcome) {
  Html out = outcome.text.empty() ? paragraph(Html{"(no text)"}, "absent") : paragraphs(outcome.text);
  if (outcome.task) out += paragraph("Task: " + html_text(*outcome.task), "note");
  return out + paragraph("Deadline: " + deadline_html(outcome.deadline));
}

// One column of an outcome paired across the versions: what changed marked, the rest as is.
Html outcome_side_html(const Outcome& outcome, const OutcomeDiff& diff, const Side& side) {
  const bool old_side = side.own == EditOp::erase;
  Html out = diff.text ? side_html(diff.text->words, side, lines_of(outcome.text)) : paragraphs(outcome.text);
  if (diff.task) {
    const std::optional<std::string>& task = old_side ? diff.task->old_value : diff.task->new_value;
    out += paragraph("Task: " + (task ? element(side.tag, html_text(*task)) : Html(kAbsent)), "note");
  } else if (outcome.task) {
    out += paragraph("Task: " + html_text(*outcome.task), "note");
  }
  out += paragraph("Deadline: " + deadline_html(outcome.deadline, diff.deadline ? std::optional(side.tag) : std::nullopt));
  if (!old_side && diff.deadline && diff.deadline->shift_days) {
    out += paragraph(html_text(describe_shift(*diff.deadline->shift_days)), "shift");
  }
  return out;
}

// A column's agencies, those the other column lacks (`changed`) marked.
Html agencies_html(const std::vector<Agency>& agencies, const std::vector<Agency>& changed, std::optional<Markup> tag) {
  if (agencies.empty()) return Html(kAbsent);
  Html out;
  for (const Agency& agency : agencies) {
    if (!out.empty()) out += ", ";
    const bool marked = tag && std::any_of(changed.begin(), changed.end(),
                                           [&agency](const Agency& other) { return other.text == agency.text; });
    out += marked ? element(*tag, html_text(agency.text)) : html_text(agency.text);
  }
  return paragraph(out);
}

// What a list of added and removed entries cannot show: markers, rewording, order.
Html agency_notes_html(const AgenciesDiff& diff) {
  // An agency by its short form: the abbreviation, else the name.
  auto names = [](const std::vector<Agency>& agencies) {
    Html out;
    for (const Agency& agency : agencies) {
      if (!out.empty()) out += ", ";
      out += html_text(agency.abbr.value_or(agency.name.value_or(agency.text)));
    }
    return out;
  };
  Html out;
  if (!diff.as_agreed_gained.empty()) out += paragraph("now “as agreed”: " + names(diff.as_agreed_gained), "note");
  if (!diff.as_agreed_lost.empty()) out += paragraph("no longer “as agreed”: " + names(diff.as_agreed_lost), "note");
  for (const Change<Agency>& pair : diff.reworded) {
    out += paragraph("reworded: " + html_text(pair.old_value.text) + " → " + html_text(pair.new_value.text), "note");
  }
  if (diff.reordered) out += paragraph(Html{"the agencies stand in another order"}, "note");
  return out;
}

// A column's "other" cells (costs, funding), those the other column lacks or words otherwise marked.
Html extra_html(const std::vector<std::pair<std::string, std::string>>& cells,
                const std::vector<std::pair<std::string, std::string>>& other, std::optional<Markup> tag) {
  if (cells.empty()) return Html(kAbsent);
  Html out;
  for (const auto& cell : cells) {
    const bool marked = tag && std::find(other.begin(), other.end(), cell) == other.end();
    const Html value = html_text(cell.second);
    out += paragraph(element("span", html_text(cell.first) + ":", "note") + " " + (marked ? element(*tag, value) : value));
  }
  return out;
}

// An activity's section, its number marked: the number is what moved.
Html section_html(const std::optional<std::string>& number, const std::optional<std::string>& title, Markup tag) {
  if (!number) return element(tag, Html{"no section"});
  return element(tag, html_text(*number)) + (title ? " " + element("span", html_text(*title), "note") : Html());
}

// --- Side-by-side tables -------------------------------------------------------------------------

void row(Html& rows, std::string_view field, const Html& old_html, const Html& new_html) {
  rows += Html{"<tr><th scope=\"row\">"} + html_text(field) + "</th><td>" + or_absent(old_html) + "</td><td>" +
          or_absent(new_html) + "</td></tr>\n";
}

Html table(const Html& old_head, const Html& new_head, const Html& rows) {
  return Html{"<table class=\"sbs\"><colgroup><col class=\"field\"><col><col></colgroup>\n"
              "<thead><tr><th></th><th scope=\"col\">"} +
         old_head + "</th><th scope=\"col\">" + new_head + "</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n";
}

Html whole(const Side& side, const Html& html) { return element(side.tag, html, "whole"); }

// The rows of an activity that only one version has, the whole of it in that version's column.
Html whole_activity_rows(const Activity& activity, const Side& side) {
  Html rows;
  auto add = [&](std::string_view field, const Html& html) {
    if (side.own == EditOp::erase) {
      row(rows, field, whole(side, html), Html());
    } else {
      row(rows, field, Html(), whole(side, html));
    }
  };
  add("Name", paragraphs(activity.name));
  if (!activity.items.empty()) {
    Html items;
    for (const std::string& item : activity.items) items += element("li", html_text(item));
    add("Items", element("ul", items));
  }
  for (std::size_t k = 0; k < activity.outcomes.size(); ++k) {
    add("Outcome " + std::to_string(k + 1), outcome_html(activity.outcomes[k]));
  }
  if (!activity.agencies.empty()) add("Agencies", agencies_html(activity.agencies, {}, std::nullopt));
  if (!activity.extra.empty()) add("Other columns", extra_html(activity.extra, {}, std::nullopt));
  return rows;
}

// The rows of a matched pair: the fields that changed, in the order the text report lists them.
Html field_rows(const ActivityChange& change) {
  const Activity& before = *change.old_activity;
  const Activity& after = *change.new_activity;
  Html rows;
  if (change.section) {
    const SectionMove& move = *change.section;
    row(rows, "Section", section_html(move.old_number, move.old_title, "del"),
        section_html(move.new_number, move.new_title, "ins"));
  }
  if (change.name) {
    row(rows, "Name", side_html(change.name->words, kOldSide, lines_of(before.name)),
        side_html(change.name->words, kNewSide, lines_of(after.name)));
  }
  if (change.items) {
    row(rows, "Items", side_html(change.items->words, kOldSide, change.items->old_list),
        side_html(change.items->words, kNewSide, change.items->new_list));
  }
  for (const OutcomeDiff& diff : change.outcomes) {
    if (!diff.old_index) {
      row(rows, "Outcome " + std::to_string(*diff.new_index + 1), Html(),
          whole(kNewSide, outcome_html(after.outcomes[*diff.new_index])));
    } else if (!diff.new_index) {
      row(rows, "Outcome " + std::to_string(*diff.old_index + 1),
          whole(kOldSide, outcome_html(before.outcomes[*diff.old_index])), Html());
    } else {
      row(rows, "Outcome " + std::to_string(*diff.new_index + 1),
          outcome_side_html(before.outcomes[*diff.old_index], diff, kOldSide),
          outcome_side_html(after.outcomes[*diff.new_index], diff, kNewSide));
    }
  }
  if (change.agencies) {
    row(rows, "Agencies", agencies_html(before.agencies, change.agencies->removed, Markup("del")),
        agencies_html(after.agencies, change.agencies->added, Markup("ins")) + agency_notes_html(*change.agencies));
  }
  if (change.extra) {
    row(rows, "Other columns", extra_html(change.extra->old_value, change.extra->new_value, Markup("del")),
        extra_html(change.extra->new_value, change.extra->old_value, Markup("ins")));
  }
  return rows;
}

Html column_head(Markup version, const std::optional<Activity>& activity) {
  if (!activity) return version + Html{": not in this version"};
  Html out = version + Html{" · No. "} + html_text(printed_number(*activity));
  if (activity->section) out += " · section " + html_text(*activity->section);
  return out + " · line " + number_html(activity->line);
}

Html change_html(const ActivityChange& change) {
  const Activity& shown = change.new_activity ? *change.new_activity : *change.old_activity;
  const Html kind = html_text(change_kind_name(change.kind));
  Html heading = element("span", kind, "kind") + " Activity " + html_text(printed_number(shown));
  if (change.old_activity && change.new_activity &&
      printed_number(*change.old_activity) != printed_number(*change.new_activity)) {
    heading += " (was " + html_text(printed_number(*change.old_activity)) + ")";
  }
  heading += ": " + html_text(shown.name);
  Html rows;
  if (!change.old_activity) {
    rows = whole_activity_rows(shown, kNewSide);
  } else if (!change.new_activity) {
    rows = whole_activity_rows(shown, kOldSide);
  } else {
    rows = field_rows(change);
  }
  return Html{"<article class=\"change "} + kind + "\">\n" + element("h3", heading) + "\n" +
         table(column_head("Old", change.old_activity), column_head("New", change.new_activity), rows) + "</article>\n";
}

// --- Plan level --------------------------------------------------------------------------------

Html value_html(const std::optional<std::string>& value, Markup tag) {
  return value ? element(tag, html_text(*value)) : Html(kAbsent);
}

Html act_html(const std::optional<Act>& act, Markup tag) {
  if (!act) return Html(kAbsent);
  return element(tag, "dated " + html_text(act->date.value_or("?")) + ", No. " + html_text(act->number.value_or("?")));
}

Html plan_rows(const PlanDiff& diff) {
  Html rows;
  if (diff.title) {
    row(rows, "Title", side_html(diff.title->words, kOldSide, lines_of(diff.title->old_text)),
        side_html(diff.title->words, kNewSide, lines_of(diff.title->new_text)));
  }
  if (diff.intro) {
    row(rows, "Introduction", side_html(diff.intro->words, kOldSide, diff.intro->old_list),
        side_html(diff.intro->words, kNewSide, diff.intro->new_list));
  }
  if (diff.act) row(rows, "Act", act_html(diff.act->old_value, "del"), act_html(diff.act->new_value, "ins"));
  if (diff.published) {
    row(rows, "Published", value_html(diff.published->old_value, "del"), value_html(diff.published->new_value, "ins"));
  }
  for (const SectionChange& change : diff.sections) {
    const Section& shown = change.new_section ? *change.new_section : *change.old_section;
    const std::string field = "Section " + shown.number;
    auto heading_html = [](const Section& section, Markup tag) {
      return element(tag, html_text(section.number + ". " + section.title));
    };
    if (!change.old_section) {
      row(rows, field, Html(), heading_html(shown, "ins"));
    } else if (!change.new_section) {
      row(rows, field, heading_html(shown, "del"), Html());
    } else {
      // A section paired across the versions was renamed, renumbered or both.
      const bool renumbered = change.old_section->number != change.new_section->number;
      auto number = [renumbered](const Section& section, Markup tag) {
        return (renumbered ? element(tag, html_text(section.number)) : html_text(section.number)) + ". ";
      };
      const std::vector<WordEdit> words = word_diff(change.old_section->title, change.new_section->title);
      row(rows, field, number(*change.old_section, "del") + inline_side_html(words, kOldSide),
          number(*change.new_section, "ins") + inline_side_html(words, kNewSide));
    }
  }
  for (const AbbreviationChange& change : diff.abbreviations) {
    const Abbreviation& shown = change.new_entry ? *change.new_entry : *change.old_entry;
    const std::string field = "Glossary: " + shown.abbr;
    if (!change.old_entry) {
      row(rows, field, Html(), element("ins", html_text(shown.name)));
    } else if (!change.new_entry) {
      row(rows, field, element("del", html_text(shown.name)), Html());
    } else {
      const std::vector<WordEdit> words = word_diff(change.old_entry->name, change.new_entry->name);
      row(rows, field, inline_side_html(words, kOldSide), inline_side_html(words, kNewSide));
    }
  }
  return rows;
}

Html side_row(Markup version, const DiffSide& side) {
  const std::string short_hash = side.sha256.substr(0, 12);
  return Html{"<tr><th scope=\"row\">"} + version + "</th><td>" + html_text(side.name) +
         "</td><td>sha256 <code title=\"" + html_text(side.sha256) + "\">" + html_text(short_hash) +
         "</code></td><td>" + html_text(side.format) + (side.language.empty() ? Html() : ", " + html_text(side.language)) +
         ", " + number_html(static_cast<long long>(side.activities)) + " activities</td></tr>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string diff_to_html(const PlanDiff& diff) {
  const Html files = html_text(diff.old_side.name) + " → " + html_text(diff.new_side.name);
  Html out = Html{"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>planparse diff: "} +
             files + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header>\n" + element("h1", files) +
             "\n<table class=\"sides\">\n" + side_row("Old", diff.old_side) + side_row("New", diff.new_side) +
             "</table>\n";
  if (const std::string mode = describe_mode(diff); !mode.empty()) out += paragraph(html_text(mode), "mode");
  out += paragraph(html_text(describe_summary(diff)), "summary");
  if (!has_differences(diff)) {
    return std::move(out += paragraph(Html{"no differences"}, "none") + "</header>\n</body>\n</html>\n").str();
  }
  out += paragraph(Html{"Words <del>deleted</del> from the old version are struck through, words <ins>inserted</ins> "
                        "in the new one underlined."},
                   "legend") +
         "</header>\n";

  const Html plan = plan_rows(diff);
  if (!plan.empty()) {
    out += Html{"<section class=\"plan\">\n<h2>The plan</h2>\n<div class=\"change changed\">\n"} +
           table(Html{"Old"}, Html{"New"}, plan) + "</div>\n</section>\n";
  }
  Html blocks;
  for (const ActivityChange& change : diff.changes) {
    if (change.kind != ChangeKind::renumbered) blocks += change_html(change);
  }
  if (!blocks.empty()) out += Html{"<section class=\"activities\">\n<h2>Activities</h2>\n"} + blocks + "</section>\n";
  const std::string runs = describe_renumbered(diff);
  if (!runs.empty()) {
    out += Html{"<section class=\"renumbered\">\n"} +
           element("h2", "Renumbered (" + number_html(static_cast<long long>(diff.summary.renumbered)) + ")") + "\n" +
           paragraph("The same content under another number: " + html_text(runs)) + "</section>\n";
  }
  return std::move(out += "</body>\n</html>\n").str();
}

}  // namespace planparse
