// Diff, step 3: what differs between two plans once their activities are paired. External
// interface: diff_plans, has_differences, describe_shift, change_kind_name (diff/diff.h).
// Tested by test_diff.cpp.
//   a. sections paired by title, then by number (their changes are plan-level)
//   b. activities paired (align.cpp); every pair compared field by field
//   c. title, intro, act, publication date and glossary compared
// Translations (DiffMode::translations) take the same steps with the rules of diff.h: by
// number and by registry id, never by wording.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "diff/similarity.h"
#include "parsers/text.h"

namespace planparse {
namespace {

using diff_detail::dice;
using diff_detail::word_tokens;

// In translations the text is in another language: the dates say what the deadline is.
bool same_deadline(const std::optional<Deadline>& a, const std::optional<Deadline>& b, bool translation) {
  if (!a || !b) return !a && !b;
  return (translation || a->text == b->text) && a->from == b->from && a->to == b->to && a->recurrence == b->recurrence;
}

bool same_act(const std::optional<Act>& a, const std::optional<Act>& b) {
  if (!a || !b) return !a && !b;
  return a->date == b->date && a->number == b->number;
}

std::string joined(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& paragraph : paragraphs) {
    if (!text.empty()) text += '\n';
    text += paragraph;
  }
  return text;
}

TextDiff text_diff(const std::string& old_text, const std::string& new_text) {
  return TextDiff{old_text, new_text, word_diff(old_text, new_text)};
}

ListDiff list_diff(const std::vector<std::string>& old_list, const std::vector<std::string>& new_list) {
  return ListDiff{old_list, new_list, word_diff(joined(old_list), joined(new_list))};
}

// Days since 1970-01-01 of an ISO date; null when it is not one.
std::optional<long> day_number(const std::optional<std::string>& iso) {
  if (!iso || iso->size() != 10) return std::nullopt;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (std::sscanf(iso->c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return static_cast<long>(std::chrono::sys_days{date}.time_since_epoch().count());
}

DeadlineDiff deadline_diff(const std::optional<Deadline>& old_deadline, const std::optional<Deadline>& new_deadline) {
  DeadlineDiff out{old_deadline, new_deadline, std::nullopt};
  // The end of the term is what a postponement moves; the start often stays open.
  const std::optional<long> old_day = day_number(old_deadline ? old_deadline->to : std::nullopt);
  const std::optional<long> new_day = day_number(new_deadline ? new_deadline->to : std::nullopt);
  if (old_day && new_day) out.shift_days = *new_day - *old_day;
  return out;
}

// a. Sections ---------------------------------------------------------------------------------

struct SectionPairing {
  std::vector<std::optional<std::size_t>> new_of_old;
  std::vector<std::optional<std::size_t>> old_of_new;
};

SectionPairing pair_sections(const std::vector<Section>& olds, const std::vector<Section>& news, bool translation) {
  SectionPairing pairing{std::vector<std::optional<std::size_t>>(olds.size()),
                         std::vector<std::optional<std::size_t>>(news.size())};
  std::vector<std::vector<std::string>> old_words;
  std::vector<std::vector<std::string>> new_words;
  for (const Section& section : olds) old_words.push_back(word_tokens(section.title));
  for (const Section& section : news) new_words.push_back(word_tokens(section.title));
  // Translated headings share no words: only the numbers below pair them.
  for (const auto& [i, j] : diff_detail::align_in_order(
           olds.size(), news.size(), [&](std::size_t i, std::size_t j) { return dice(old_words[i], new_words[j]); },
           translation ? 2.0 : kSectionMatchThreshold)) {
    pairing.new_of_old[i] = j;
    pairing.old_of_new[j] = i;
  }
  // A heading reworded beyond recognition under the same number is still that section.
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (pairing.new_of_old[i]) continue;
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (!pairing.old_of_new[j] && news[j].number == olds[i].number) {
        pairing.new_of_old[i] = j;
        pairing.old_of_new[j] = i;
        break;
      }
    }
  }
  return pairing;
}

std::optional<std::size_t> section_index(const std::vector<Section>& sections, const std::optional<std::string>& number) {
  if (!number) return std::nullopt;
  for (std::size_t k = 0; k < sections.size(); ++k) {
    if (sections[k].number == *number) return k;
  }
  return std::nullopt;
}

std::vector<SectionChange> section_changes(const Plan& old_plan, const Plan& new_plan, const SectionPairing& pairing,
                                           bool translation) {
  std::vector<SectionChange> changes;
  // In the new plan's order, each removed heading after its old predecessor's partner.
  std::size_t next_old = 0;
  auto flush_removed_before = [&](std::size_t old_limit) {
    for (; next_old < old_limit; ++next_old) {
      if (!pairing.new_of_old[next_old]) changes.push_back({old_plan.sections[next_old], std::nullopt});
    }
  };
  for (std::size_t j = 0; j < new_plan.sections.size(); ++j) {
    const Section& now = new_plan.sections[j];
    const std::optional<std::size_t> i = pairing.old_of_new[j];
    if (!i) {
      changes.push_back({std::nullopt, now});
      continue;
    }
    flush_removed_before(*i);
    if (*i >= next_old) next_old = *i + 1;
    const Section& before = old_plan.sections[*i];
    if (before.number != now.number || (!translation && before.title != now.title)) changes.push_back({before, now});
  }
  flush_removed_before(old_plan.sections.size());
  return changes;
}

// b. Activities -------------------------------------------------------------------------------

std::vector<OutcomeDiff> outcome_diffs(const std::vector<Outcome>& olds, const std::vector<Outcome>& news,
                                       bool translation) {
  // As many on both sides: paired by position, which is how a table row pairs them. Otherwise
  // by their texts, in order; translations by position as far as both go.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (olds.size() == news.size() || translation) {
    for (std::size_t k = 0; k < std::min(olds.size(), news.size()); ++k) pairs.emplace_back(k, k);
  } else {
    std::vector<std::vector<std::string>> old_words;
    std::vector<std::vector<std::string>> new_words;
    for (const Outcome& outcome : olds) old_words.push_back(word_tokens(outcome.text));
    for (const Outcome& outcome : news) new_words.push_back(word_tokens(outcome.text));
    pairs = diff_detail::align_in_order(
        olds.size(), news.size(), [&](std::size_t i, std::size_t j) { return dice(old_words[i], new_words[j]); },
        kOutcomeMatchThreshold);
  }
  std::vector<OutcomeDiff> diffs;
  std::size_t next_old = 0;
  std::size_t next_new = 0;
  auto unpaired_until = [&](std::size_t old_limit, std::size_t new_limit) {
    for (; next_old < old_limit; ++next_old) diffs.push_back(OutcomeDiff{next_old, std::nullopt, {}, {}, {}});
    for (; next_new < new_limit; ++next_new) diffs.push_back(OutcomeDiff{std::nullopt, next_new, {}, {}, {}});
  };
  for (const auto& [i, j] : pairs) {
    unpaired_until(i, j);
    const Outcome& before = olds[i];
    const Outcome& now = news[j];
    OutcomeDiff diff{i, j, {}, {}, {}};
    if (!translation && before.text != now.text) diff.text = text_diff(before.text, now.text);
    if (!translation && before.task != now.task) diff.task = Change<std::optional<std::string>>{before.task, now.task};
    if (!same_deadline(before.deadline, now.deadline, translation)) {
      diff.deadline = deadline_diff(before.deadline, now.deadline);
    }
    if (diff.text || diff.task || diff.deadline) diffs.push_back(std::move(diff));
    next_old = i + 1;
    next_new = j + 1;
  }
  unpaired_until(olds.size(), news.size());
  return diffs;
}

// The registry id first: a body renamed between versions ("MIPD" → "MCI") is the same agency,
// reworded. Without one, versions key by the abbreviation, else the folded name; translations
// share one key for every unknown entry, so that those pair in order.
std::string agency_key(const Agency& agency, bool translation) {
  if (agency.id) return "id:" + *agency.id;
  if (translation) return "unknown";
  return agency.abbr ? "abbr:" + *agency.abbr : "name:" + fold_case(agency.name ? *agency.name : agency.text);
}

std::optional<AgenciesDiff> agencies_diff(const std::vector<Agency>& olds, const std::vector<Agency>& news,
                                          bool translation) {
  AgenciesDiff diff;
  // Entries with the same key pair off in order (a cell rarely names an agency twice).
  std::vector<std::optional<std::size_t>> new_of_old(olds.size());
  std::vector<bool> taken(news.size(), false);
  for (std::size_t i = 0; i < olds.size(); ++i) {
    const std::string key = agency_key(olds[i], translation);
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (!taken[j] && agency_key(news[j], translation) == key) {
        new_of_old[i] = j;
        taken[j] = true;
        break;
      }
    }
  }
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (!new_of_old[i]) {
      diff.removed.push_back(olds[i]);
      continue;
    }
    const Agency& before = olds[i];
    const Agency& now = news[*new_of_old[i]];
    // A translation may list the same bodies in its own order, in its own words.
    if (last && *new_of_old[i] < *last && !translation) diff.reordered = true;
    last = new_of_old[i];
    if (before.as_agreed != now.as_agreed) {
      (now.as_agreed ? diff.as_agreed_gained : diff.as_agreed_lost).push_back(now);
    } else if (!translation && (before.text != now.text || before.kind != now.kind)) {
      diff.reworded.push_back(Change<Agency>{before, now});
    }
  }
  for (std::size_t j = 0; j < news.size(); ++j) {
    if (!taken[j]) diff.added.push_back(news[j]);
  }
  if (diff.added.empty() && diff.removed.empty() && diff.as_agreed_gained.empty() && diff.as_agreed_lost.empty() &&
      diff.reworded.empty() && !diff.reordered) {
    return std::nullopt;
  }
  return diff;
}

struct PlanContext {
  const Plan& old_plan;
  const Plan& new_plan;
  const SectionPairing& sections;
  bool translation = false;
};

std::optional<SectionMove> section_move(const Activity& before, const Activity& now, const PlanContext& context) {
  const std::optional<std::size_t> old_section = section_index(context.old_plan.sections, before.section);
  const std::optional<std::size_t> new_section = section_index(context.new_plan.sections, now.section);
  // The same section is the paired one, whatever its number now; a number no heading carries
  // is compared as printed.
  bool same = false;
  if (old_section && new_section) {
    same = context.sections.new_of_old[*old_section] == new_section;
  } else if (!old_section && !new_section) {
    same = before.section == now.section;
  }
  if (same) return std::nullopt;
  SectionMove move{before.section, now.section, std::nullopt, std::nullopt};
  if (old_section) move.old_title = context.old_plan.sections[*old_section].title;
  if (new_section) move.new_title = context.new_plan.sections[*new_section].title;
  return move;
}

std::optional<ActivityChange> compare_pair(const Activity& before, const Activity& now, const PlanContext& context) {
  ActivityChange change;
  change.old_activity = before;
  change.new_activity = now;
  const bool translation = context.translation;
  if (translation) {
    // Wording is not compared; a translation keeps the number of items.
    if (before.items.size() != now.items.size()) change.items = ListDiff{before.items, now.items, {}};
  } else {
    if (before.name != now.name) change.name = text_diff(before.name, now.name);
    if (before.items != now.items) change.items = list_diff(before.items, now.items);
    if (before.extra != now.extra) {
      change.extra = Change<std::vector<std::pair<std::string, std::string>>>{before.extra, now.extra};
    }
  }
  change.outcomes = outcome_diffs(before.outcomes, now.outcomes, translation);
  change.agencies = agencies_diff(before.agencies, now.agencies, translation);
  change.section = section_move(before, now, context);
  const bool content = change.name || change.items || !change.outcomes.empty() || change.agencies || change.extra;
  if (change.section) {
    change.kind = ChangeKind::moved;
  } else if (content) {
    change.kind = ChangeKind::changed;
  } else if (before.number != now.number || before.label != now.label) {
    change.kind = ChangeKind::renumbered;
  } else {
    return std::nullopt;
  }
  return change;
}

// c. The glossary -----------------------------------------------------------------------------

std::vector<AbbreviationChange> abbreviation_changes(const std::vector<Abbreviation>& olds,
                                                     const std::vector<Abbreviation>& news) {
  // Keyed by the abbreviation; a repeated one pairs off in order. New order first, then the
  // removed entries in old order (a glossary's order carries no meaning).
  std::map<std::string, std::vector<std::size_t>> old_by_abbr;
  for (std::size_t i = olds.size(); i-- > 0;) old_by_abbr[olds[i].abbr].push_back(i);
  std::vector<bool> paired(olds.size(), false);
  std::vector<AbbreviationChange> changes;
  for (const Abbreviation& now : news) {
    std::vector<std::size_t>& candidates = old_by_abbr[now.abbr];
    if (candidates.empty()) {
      changes.push_back({std::nullopt, now});
      continue;
    }
    const std::size_t i = candidates.back();
    candidates.pop_back();
    paired[i] = true;
    if (olds[i].name != now.name) changes.push_back({olds[i], now});
  }
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (!paired[i]) changes.push_back({olds[i], std::nullopt});
  }
  return changes;
}

// Translations: the bodies the glossaries define, by registry id; entries without one have
// nothing to be compared by.
std::vector<AbbreviationChange> glossary_body_changes(const std::vector<Abbreviation>& olds,
                                                      const std::vector<Abbreviation>& news) {
  auto defines = [](const std::vector<Abbreviation>& entries, const std::string& id) {
    return std::any_of(entries.begin(), entries.end(), [&](const Abbreviation& entry) { return entry.id == id; });
  };
  std::vector<AbbreviationChange> changes;
  for (const Abbreviation& now : news) {
    if (now.id && !defines(olds, *now.id)) changes.push_back({std::nullopt, now});
  }
  for (const Abbreviation& before : olds) {
    if (before.id && !defines(news, *before.id)) changes.push_back({before, std::nullopt});
  }
  return changes;
}

}  // namespace

DiffMode diff_mode_for(const Plan& old_plan, const Plan& new_plan) {
  const bool known = !old_plan.language.empty() && !new_plan.language.empty();
  return known && old_plan.language != new_plan.language ? DiffMode::translations : DiffMode::versions;
}

std::string describe_shift(long days) {
  if (days == 0) return "same end date";
  const long magnitude = days < 0 ? -days : days;
  return std::string(days > 0 ? "postponed by " : "brought forward by ") + std::to_string(magnitude) +
         (magnitude == 1 ? " day" : " days");
}

bool has_differences(const PlanDiff& diff) {
  return diff.title || diff.intro || diff.act || diff.published || !diff.sections.empty() ||
         !diff.abbreviations.empty() || !diff.changes.empty();
}

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, std::optional<DiffMode> mode) {
  PlanDiff diff;
  diff.mode = mode.value_or(diff_mode_for(old_plan, new_plan));
  const bool translation = diff.mode == DiffMode::translations;
  diff.old_side = DiffSide{old_plan.source.name, old_plan.source.sha256, std::string(source_format_name(old_plan.source.format)),
                           old_plan.activities.size(), old_plan.language};
  diff.new_side = DiffSide{new_plan.source.name, new_plan.source.sha256, std::string(source_format_name(new_plan.source.format)),
                           new_plan.activities.size(), new_plan.language};

  const std::string old_title = old_plan.title.value_or("");
  const std::string new_title = new_plan.title.value_or("");
  if (!translation && old_title != new_title) diff.title = text_diff(old_title, new_title);
  if (!translation && old_plan.intro != new_plan.intro) diff.intro = list_diff(old_plan.intro, new_plan.intro);
  if (!same_act(old_plan.act, new_plan.act)) diff.act = Change<std::optional<Act>>{old_plan.act, new_plan.act};
  if (old_plan.published != new_plan.published) {
    diff.published = Change<std::optional<std::string>>{old_plan.published, new_plan.published};
  }

  const SectionPairing sections = pair_sections(old_plan.sections, new_plan.sections, translation);
  diff.sections = section_changes(old_plan, new_plan, sections, translation);
  diff.abbreviations = translation ? glossary_body_changes(old_plan.abbreviations, new_plan.abbreviations)
                                   : abbreviation_changes(old_plan.abbreviations, new_plan.abbreviations);

  const PlanContext context{old_plan, new_plan, sections, translation};
  const std::vector<ActivityPair> pairs = translation ? align_by_number(old_plan.activities, new_plan.activities)
                                                      : align_activities(old_plan.activities, new_plan.activities);
  for (const ActivityPair& pair : pairs) {
    if (!pair.old_index || !pair.new_index) {  // one side only: added or removed, carried whole
      ActivityChange single;
      single.kind = pair.old_index ? ChangeKind::removed : ChangeKind::added;
      if (pair.old_index) single.old_activity = old_plan.activities[*pair.old_index];
      if (pair.new_index) single.new_activity = new_plan.activities[*pair.new_index];
      ++(pair.old_index ? diff.summary.removed : diff.summary.added);
      diff.changes.push_back(std::move(single));
      continue;
    }
    std::optional<ActivityChange> change =
        compare_pair(old_plan.activities[*pair.old_index], new_plan.activities[*pair.new_index], context);
    if (!change) continue;
    switch (change->kind) {
      case ChangeKind::changed: ++diff.summary.changed; break;
      case ChangeKind::moved: ++diff.summary.moved; break;
      case ChangeKind::renumbered: ++diff.summary.renumbered; break;
      case ChangeKind::added:
      case ChangeKind::removed: break;
    }
    diff.changes.push_back(std::move(*change));
  }
  return diff;
}

PlanDiff diff_plans(const LoadedPlan& old_plan, const LoadedPlan& new_plan, std::optional<DiffMode> mode) {
  PlanDiff diff = diff_plans(old_plan.plan, new_plan.plan, mode);
  diff.old_side = old_plan.side;
  diff.new_side = new_plan.side;
  return diff;
}

}  // namespace planparse
