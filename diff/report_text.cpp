// Diff, step 4, the text report: the PlanDiff for a reader on a terminal, git's word-diff
// markers or ANSI colours, every string from the plans made printable first. External
// interface: diff_to_text, printable_text (diff/diff.h). Tested by test_diff.cpp and
// test_diff_cli.cpp.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.h"

namespace planparse {
namespace {

// Every string of the diff made printable (printable_text), for the text report: the renderers
// below then need not remember which of their strings came from a document. Declared first,
// since the templates call overloads defined after them.
void make_printable(std::string& text);
void make_printable(std::optional<std::string>& text);
void make_printable(std::pair<std::string, std::string>& cell);
void make_printable(WordEdit& edit);
void make_printable(TextDiff& diff);
void make_printable(ListDiff& diff);
void make_printable(Act& act);
void make_printable(Deadline& deadline);
void make_printable(Outcome& outcome);
void make_printable(Agency& agency);
void make_printable(Activity& activity);
void make_printable(Section& section);
void make_printable(Abbreviation& entry);
void make_printable(OutcomeDiff& diff);
void make_printable(AgenciesDiff& diff);
void make_printable(SectionMove& move);
void make_printable(SectionChange& change);
void make_printable(AbbreviationChange& change);
void make_printable(ActivityChange& change);
template <class T>
void make_printable(std::vector<T>& values);
template <class T>
void make_printable(std::optional<T>& value);
template <class T>
void make_printable(Change<T>& change);

void make_printable(std::string& text) {
  if (std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2;
      })) {
    text = printable_text(text);
  }
}
void make_printable(std::optional<std::string>& text) {
  if (text) make_printable(*text);
}
template <class T>
void make_printable(std::vector<T>& values) {
  for (T& value : values) make_printable(value);
}
template <class T>
void make_printable(std::optional<T>& value) {
  if (value) make_printable(*value);
}
template <class T>
void make_printable(Change<T>& change) {
  make_printable(change.old_value);
  make_printable(change.new_value);
}
void make_printable(std::pair<std::string, std::string>& cell) {
  make_printable(cell.first);
  make_printable(cell.second);
}
void make_printable(WordEdit& edit) { make_printable(edit.text); }
void make_printable(TextDiff& diff) {
  make_printable(diff.old_text);
  make_printable(diff.new_text);
  make_printable(diff.words);
}
void make_printable(ListDiff& diff) {
  make_printable(diff.old_list);
  make_printable(diff.new_list);
  make_printable(diff.words);
}
void make_printable(Act& act) {
  make_printable(act.date);
  make_printable(act.number);
}
void make_printable(Deadline& deadline) {
  make_printable(deadline.text);
  make_printable(deadline.from);
  make_printable(deadline.to);
}
void make_printable(Outcome& outcome) {
  make_printable(outcome.text);
  make_printable(outcome.task);
  make_printable(outcome.deadline);
}
void make_printable(Agency& agency) {
  make_printable(agency.text);
  make_printable(agency.abbr);
  make_printable(agency.name);
  make_printable(agency.id);
}
void make_printable(Activity& activity) {
  make_printable(activity.section);
  make_printable(activity.name);
  make_printable(activity.items);
  make_printable(activity.outcomes);
  make_printable(activity.agencies);
  make_printable(activity.extra);
}
void make_printable(Section& section) {
  make_printable(section.number);
  make_printable(section.title);
}
void make_printable(Abbreviation& entry) {
  make_printable(entry.abbr);
  make_printable(entry.name);
  make_printable(entry.id);
}
void make_printable(OutcomeDiff& diff) {
  make_printable(diff.text);
  make_printable(diff.task);
  if (diff.deadline) {
    make_printable(diff.deadline->old_deadline);
    make_printable(diff.deadline->new_deadline);
  }
}
void make_printable(AgenciesDiff& diff) {
  make_printable(diff.added);
  make_printable(diff.removed);
  make_printable(diff.as_agreed_gained);
  make_printable(diff.as_agreed_lost);
  make_printable(diff.reworded);
}
void make_printable(SectionMove& move) {
  make_printable(move.old_number);
  make_printable(move.new_number);
  make_printable(move.old_title);
  make_printable(move.new_title);
}
void make_printable(SectionChange& change) {
  make_printable(change.old_section);
  make_printable(change.new_section);
}
void make_printable(AbbreviationChange& change) {
  make_printable(change.old_entry);
  make_printable(change.new_entry);
}
void make_printable(ActivityChange& change) {
  make_printable(change.old_activity);
  make_printable(change.new_activity);
  make_printable(change.name);
  make_printable(change.items);
  make_printable(change.outcomes);
  make_printable(change.agencies);
  make_printable(change.section);
  make_printable(change.extra);
}
void make_printable(PlanDiff& diff) {
  make_printable(diff.old_side.name);
  make_printable(diff.new_side.name);
  make_printable(diff.old_side.language);
  make_printable(diff.new_side.language);
  make_printable(diff.title);
  make_printable(diff.intro);
  make_printable(diff.act);
  make_printable(diff.published);
  make_printable(diff.sections);
  make_printable(diff.abbreviations);
  make_printable(diff.changes);
}

// SGR codes, used only when RenderOptions::color asks for them.
struct Palette {
  bool on = false;
  std::string paint(const std::string& text, const char* code) const {
    return on ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
  }
  std::string bold(const std::string& text) const { return paint(text, "1"); }
  std::string added(const std::string& text) const { return paint(text, "32"); }
  std::string removed(const std::string& text) const { return paint(text, "31"); }
  std::string changed(const std::string& text) const { return paint(text, "33"); }
  std::string moved(const std::string& text) const { return paint(text, "36"); }
  std::string dim(const std::string& text) const { return paint(text, "2"); }
};

// Unchanged words kept around a change in the text output; a longer unchanged run is cut to this
// many words on each side of the cut ("…"), as diff keeps three lines of context.
constexpr std::size_t kContextWords = 6;

// Shortens an unchanged run: its start is kept only after a change, its end only before one.
std::string context_text(const std::string& run, bool after_change, bool before_change) {
  // A text whose words all stayed (only a paragraph break moved) is shown whole.
  if (!after_change && !before_change) return run;
  std::vector<std::string> words;
  for (std::size_t start = 0; start < run.size();) {
    std::size_t end = run.find(' ', start);
    if (end == std::string::npos) end = run.size();
    words.push_back(run.substr(start, end - start));
    start = end + 1;
  }
  const std::size_t head = after_change ? kContextWords : 0;
  const std::size_t tail = before_change ? kContextWords : 0;
  if (words.size() <= head + tail + 1) return run;
  std::string out;
  for (std::size_t k = 0; k < head; ++k) out += words[k] + " ";
  out += "…";
  for (std::size_t k = words.size() - tail; k < words.size(); ++k) out += " " + words[k];
  return out;
}

// Without colour, git's plain word-diff markers show what was deleted and inserted.
std::string words_text(const std::vector<WordEdit>& words, const Palette& palette) {
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const WordEdit& edit = words[k];
    if (!out.empty()) out += ' ';
    switch (edit.op) {
      case EditOp::equal: out += context_text(edit.text, k > 0, k + 1 < words.size()); break;
      case EditOp::erase: out += palette.on ? palette.removed(edit.text) : "[-" + edit.text + "-]"; break;
      case EditOp::insert: out += palette.on ? palette.added(edit.text) : "{+" + edit.text + "+}"; break;
    }
  }
  return out;
}

std::string deadline_text(const std::optional<Deadline>& deadline) {
  return deadline ? deadline->text : std::string("(no deadline)");
}

std::string agency_list(const std::vector<Agency>& agencies) {
  std::string out;
  for (const Agency& agency : agencies) {
    if (!out.empty()) out += ", ";
    out += agency.text;
  }
  return out;
}

// The agency's short form for "now as agreed" lines: its abbreviation, else its name.
std::string agency_short(const Agency& agency) {
  return agency.abbr ? *agency.abbr : agency.name ? *agency.name : agency.text;
}

std::string outcome_line(const Outcome& outcome) {
  std::string out = outcome.text.empty() ? std::string("(no text)") : outcome.text;
  out += " — " + deadline_text(outcome.deadline);
  return out;
}

std::string section_label(const std::optional<std::string>& number, const std::optional<std::string>& title) {
  if (!number) return "no section";
  return "section " + *number + (title ? " (" + *title + ")" : "");
}

void activity_lines(const Activity& activity, std::string& out) {
  for (const std::string& item : activity.items) out += "    - " + item + "\n";
  for (const Outcome& outcome : activity.outcomes) out += "    outcome: " + outcome_line(outcome) + "\n";
  if (!activity.agencies.empty()) out += "    agencies: " + agency_list(activity.agencies) + "\n";
}

void field_lines(const ActivityChange& change, const Palette& palette, std::string& out) {
  if (change.section) {
    out += "    section: " + section_label(change.section->old_number, change.section->old_title) + " → " +
           section_label(change.section->new_number, change.section->new_title) + "\n";
  }
  if (change.name) out += "    name: " + words_text(change.name->words, palette) + "\n";
  if (change.items) out += "    items: " + words_text(change.items->words, palette) + "\n";
  for (const OutcomeDiff& diff : change.outcomes) {
    if (!diff.old_index) {
      out += "    outcome " + std::to_string(*diff.new_index + 1) + " " + palette.added("added") + ": " +
             outcome_line(change.new_activity->outcomes[*diff.new_index]) + "\n";
      continue;
    }
    if (!diff.new_index) {
      out += "    outcome " + std::to_string(*diff.old_index + 1) + " " + palette.removed("removed") + ": " +
             outcome_line(change.old_activity->outcomes[*diff.old_index]) + "\n";
      continue;
    }
    const std::string label = "    outcome " + std::to_string(*diff.new_index + 1);
    if (diff.text) out += label + ": " + words_text(diff.text->words, palette) + "\n";
    if (diff.task) {
      out += label + " task: " + diff.task->old_value.value_or("(none)") + " → " +
             diff.task->new_value.value_or("(none)") + "\n";
    }
    if (diff.deadline) {
      out += label + " deadline: " + palette.removed(deadline_text(diff.deadline->old_deadline)) + " → " +
             palette.added(deadline_text(diff.deadline->new_deadline));
      if (diff.deadline->shift_days) out += " (" + describe_shift(*diff.deadline->shift_days) + ")";
      out += "\n";
    }
  }
  if (change.agencies) {
    const AgenciesDiff& diff = *change.agencies;
    std::vector<std::string> parts;
    for (const Agency& agency : diff.added) parts.push_back(palette.added("+ " + agency.text));
    for (const Agency& agency : diff.removed) parts.push_back(palette.removed("- " + agency.text));
    for (const Agency& agency : diff.as_agreed_gained) parts.push_back(agency_short(agency) + " now as agreed");
    for (const Agency& agency : diff.as_agreed_lost) parts.push_back(agency_short(agency) + " no longer as agreed");
    for (const Change<Agency>& pair : diff.reworded) parts.push_back(pair.old_value.text + " → " + pair.new_value.text);
    if (diff.reordered) parts.push_back("reordered");
    out += "    agencies:";
    for (std::size_t k = 0; k < parts.size(); ++k) out += (k == 0 ? " " : "; ") + parts[k];
    out += "\n";
  }
  if (change.extra) {
    for (const auto& [header, text] : change.extra->new_value) {
      const auto before = std::find_if(change.extra->old_value.begin(), change.extra->old_value.end(),
                                       [&header = header](const auto& cell) { return cell.first == header; });
      if (before != change.extra->old_value.end() && before->second == text) continue;
      out += "    " + header + ": " +
             (before == change.extra->old_value.end() ? std::string("(none)") : before->second) + " → " + text + "\n";
    }
    for (const auto& [header, text] : change.extra->old_value) {
      const bool kept = std::any_of(change.extra->new_value.begin(), change.extra->new_value.end(),
                                    [&header = header](const auto& cell) { return cell.first == header; });
      if (!kept) out += "    " + header + ": " + text + " → (none)\n";
    }
  }
}

std::string numbers(const ActivityChange& change) {
  const std::string old_number = change.old_activity ? printed_number(*change.old_activity) : "";
  const std::string new_number = change.new_activity ? printed_number(*change.new_activity) : "";
  if (!change.old_activity) return new_number;
  if (!change.new_activity || old_number == new_number) return old_number;
  return old_number + " → " + new_number;
}

void plan_lines(const PlanDiff& diff, const Palette& palette, std::string& out) {
  if (diff.title) out += "title: " + words_text(diff.title->words, palette) + "\n";
  if (diff.intro) out += "intro: " + words_text(diff.intro->words, palette) + "\n";
  if (diff.act) {
    auto act_text = [](const std::optional<Act>& act) {
      if (!act) return std::string("(none)");
      return "dated " + act->date.value_or("?") + " No. " + act->number.value_or("?");
    };
    out += "act: " + act_text(diff.act->old_value) + " → " + act_text(diff.act->new_value) + "\n";
  }
  if (diff.published) {
    out += "published: " + diff.published->old_value.value_or("(none)") + " → " +
           diff.published->new_value.value_or("(none)") + "\n";
  }
  for (const SectionChange& change : diff.sections) {
    if (!change.old_section) {
      out += palette.added("section " + change.new_section->number + " added") + ": " + change.new_section->title + "\n";
    } else if (!change.new_section) {
      out += palette.removed("section " + change.old_section->number + " removed") + ": " + change.old_section->title +
             "\n";
    } else if (change.old_section->title != change.new_section->title) {
      out += palette.changed("section " + change.old_section->number +
                             (change.old_section->number != change.new_section->number
                                  ? " → " + change.new_section->number
                                  : std::string()) +
                             " renamed") +
             ": " + words_text(word_diff(change.old_section->title, change.new_section->title), palette) + "\n";
    } else {
      out += palette.changed("section " + change.old_section->number + " → " + change.new_section->number +
                             " renumbered") +
             ": " + change.new_section->title + "\n";
    }
  }
  for (const AbbreviationChange& change : diff.abbreviations) {
    if (!change.old_entry) {
      out += palette.added("abbreviation " + change.new_entry->abbr + " added") + ": " + change.new_entry->name + "\n";
    } else if (!change.new_entry) {
      out += palette.removed("abbreviation " + change.old_entry->abbr + " removed") + ": " + change.old_entry->name +
             "\n";
    } else {
      out += palette.changed("abbreviation " + change.new_entry->abbr + " changed") + ": " +
             words_text(word_diff(change.old_entry->name, change.new_entry->name), palette) + "\n";
    }
  }
}

}  // namespace

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto escape = [&](unsigned code) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
  };
  for (std::size_t k = 0; k < text.size(); ++k) {
    const auto byte = static_cast<unsigned char>(text[k]);
    const auto next = [&](std::size_t ahead) {
      return k + ahead < text.size() ? static_cast<unsigned char>(text[k + ahead]) : 0;
    };
    if ((byte < 0x20 && byte != '\n') || byte == 0x7F) {
      escape(byte);
    } else if (byte == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {  // C1: U+0080..U+009F
      escape(next(1));
      k += 1;
    } else if (byte == 0xE2 && next(1) == 0x80 && next(2) >= 0xAA && next(2) <= 0xAE) {  // U+202A..U+202E
      escape(0x2000 + (next(2) - 0x80));
      k += 2;
    } else if (byte == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) {  // U+2066..U+2069
      escape(0x2040 + (next(2) - 0x80));
      k += 2;
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

std::string diff_to_text(const PlanDiff& document_diff, const RenderOptions& options) {
  PlanDiff diff = document_diff;
  make_printable(diff);
  const Palette palette{options.color};
  std::string out = diff.old_side.name + " → " + diff.new_side.name + "\n";
  if (const std::string mode = describe_mode(diff); !mode.empty()) out += mode + "\n";
  out += palette.bold(describe_summary(diff)) + "\n";
  if (!has_differences(diff)) return out + "no differences\n";

  std::string plan;
  plan_lines(diff, palette, plan);
  if (!plan.empty()) out += "\n" + plan;

  for (const ActivityChange& change : diff.changes) {
    const Activity& shown = change.new_activity ? *change.new_activity : *change.old_activity;
    const std::string where = shown.section ? " (section " + *shown.section + ")" : "";
    switch (change.kind) {
      case ChangeKind::renumbered: continue;  // summarised below, in runs
      case ChangeKind::added:
        out += "\n" + palette.added("+ " + numbers(change) + " added" + where) + ": " + shown.name + "\n";
        activity_lines(shown, out);
        continue;
      case ChangeKind::removed:
        out += "\n" + palette.removed("- " + numbers(change) + " removed" + where) + ": " + shown.name + "\n";
        activity_lines(shown, out);
        continue;
      case ChangeKind::changed:
        out += "\n" + palette.changed("~ " + numbers(change) + " changed" + where) + ": " + shown.name + "\n";
        break;
      case ChangeKind::moved:
        out += "\n" + palette.moved("> " + numbers(change) + " moved") + ": " + shown.name + "\n";
        break;
    }
    field_lines(change, palette, out);
  }
  const std::string runs = describe_renumbered(diff);
  if (!runs.empty()) {
    out += "\n" + palette.dim("renumbered (" + std::to_string(diff.summary.renumbered) + "): " + runs) + "\n";
  }
  return out;
}

}  // namespace planparse
