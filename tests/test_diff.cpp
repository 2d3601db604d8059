// planparse diff, the core (diff/diff.h): activities paired by content, the kinds of change,
// field-level details, plan-level changes, the thresholds, JSON that validates against
// schema/diff.schema.json, the text report, reading a plan back from its JSON, and the golden
// pairs in samples/diff/. Plans come from the reference sample, edited as text (then parsed) or
// as a Plan, or are built in code. Every test name starts with "diff" (ctest -R diff).
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/diff.h"
#include "diff/similarity.h"
#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "schema/plan_json.h"
#include "tools/generator/versions.h"

using namespace planparse;
namespace fs = std::filesystem;

namespace {

const char* const kSampleName = "follow-up-plan-2022.en.txt";

Plan parse_text(const std::string& text, const std::string& name = "plan.txt") {
  Result<Source> source = decode_source(name, text);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  INFO((plan.ok() ? std::string() : plan.error().message));
  REQUIRE(plan.ok());
  return std::move(plan).value();
}

const std::string& reference_text() {
  static const std::string text = testing::read_file(testing::sample(kSampleName));
  return text;
}

const Plan& reference() {
  static const Plan plan = parse_text(reference_text(), kSampleName);
  return plan;
}

// The diff of the sample pair samples/diff/<stem>.old.txt and <stem>.new.txt.
PlanDiff diff_of_sample_pair(const std::string& stem) {
  const fs::path directory = fs::path(PLANPARSE_SOURCE_DIR) / "samples" / "diff";
  const Result<LoadedPlan> old_plan = load_plan((directory / (stem + ".old.txt")).string());
  const Result<LoadedPlan> new_plan = load_plan((directory / (stem + ".new.txt")).string());
  REQUIRE(old_plan.ok());
  REQUIRE(new_plan.ok());
  return diff_plans(old_plan.value(), new_plan.value());
}

// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

// The activity numbers `from` and above moved by `by`: a number paragraph is a line holding
// only a number up to 100 (the sample's bare-year deadlines, 2022 and 2023, are larger).
std::string renumbered(const std::string& text, int from, int by) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const bool number = !line.empty() && line.size() <= 3 && std::all_of(line.begin(), line.end(), ::isdigit);
    if (number && std::stoi(line) >= from && std::stoi(line) <= 100) {
      out += std::to_string(std::stoi(line) + by);
    } else {
      out += line;
    }
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

// Numbers 1, 2, ... in order, as a document renumbered after an edit.
void number_in_order(Plan& plan) {
  for (std::size_t k = 0; k < plan.activities.size(); ++k) plan.activities[k].number = static_cast<int>(k) + 1;
}

// A new empty section "I. General provisions" first, the others renumbered II..IX with their
// activities, as a revision that adds a section at the top would read.
void insert_first_section(Plan& plan) {
  static const std::map<std::string, std::string> kNext = {{"I", "II"},   {"II", "III"}, {"III", "IV"},
                                                           {"IV", "V"},   {"V", "VI"},   {"VI", "VII"},
                                                           {"VII", "VIII"}, {"VIII", "IX"}};
  for (Section& section : plan.sections) section.number = kNext.at(section.number);
  for (Activity& activity : plan.activities) activity.section = kNext.at(*activity.section);
  plan.sections.insert(plan.sections.begin(), Section{"I", "General provisions", 20});
}

// One line per listed change, "kind old→new" with "-" for a missing side, in diff order.
std::string outline(const PlanDiff& diff) {
  std::string out;
  for (const ActivityChange& change : diff.changes) {
    if (!out.empty()) out += ", ";
    out += std::string(change_kind_name(change.kind)) + " " +
           (change.old_activity ? std::to_string(change.old_activity->number) : "-") + "→" +
           (change.new_activity ? std::to_string(change.new_activity->number) : "-");
  }
  return out;
}

// "renumbered from→to" for every activity numbered `first` to `last` (old numbers), shifted by `by`.
std::string renumbered_outline(int first, int last, int by) {
  std::string out;
  for (int n = first; n <= last; ++n) {
    if (!out.empty()) out += ", ";
    out += "renumbered " + std::to_string(n) + "→" + std::to_string(n + by);
  }
  return out;
}

// A word diff on one line: "=kept|-deleted|+inserted".
std::string dump(const std::vector<WordEdit>& words) {
  std::string out;
  for (const WordEdit& edit : words) {
    if (!out.empty()) out += "|";
    out += (edit.op == EditOp::equal ? "=" : edit.op == EditOp::insert ? "+" : "-") + edit.text;
  }
  return out;
}

Activity row(int number, const std::string& name, const std::string& outcome = "",
             const std::vector<std::string>& agencies = {}) {
  Activity activity;
  activity.number = number;
  activity.name = name;
  if (!outcome.empty()) activity.outcomes.push_back(Outcome{outcome, std::nullopt, std::nullopt});
  for (const std::string& abbr : agencies) activity.agencies.push_back(Agency{abbr, AgencyKind::agency, abbr, std::nullopt, false, std::nullopt});
  activity.line = 100 + number;  // lines are 1-based
  return activity;
}

Plan plan_of(std::vector<Activity> activities) {
  Plan plan;
  plan.source = SourceInfo{"plan.txt", std::string(64, '0'), 1, SourceFormat::text, "UTF-8"};
  plan.activities = std::move(activities);
  return plan;
}

// Made-up words "<seed>a", "<seed>b", ... from the `skip`th to the `count`th: names built from
// different seeds share nothing.
std::string words(const std::string& seed, int count, int skip = 0) {
  std::string out;
  for (int k = skip; k < count; ++k) out += (out.empty() ? "" : " ") + seed + std::string(1, static_cast<char>('a' + k));
  return out;
}

// The name of `seed`'s 12 words with the first k replaced by other words.
std::string edited_name(const std::string& seed, int k) {
  return k == 0 ? words(seed, 12) : words("z" + seed, k) + " " + words(seed, 12, k);
}

// A copy, so that it outlives a diff made in the same expression.
ActivityChange only_change(const PlanDiff& diff) {
  REQUIRE(diff.changes.size() == 1);
  return diff.changes.front();
}

}  // namespace

// ---- Kinds of change ----------------------------------------------------------------------------

TEST_CASE("diff of a plan with itself finds no differences", "[diff]") {
  const PlanDiff diff = diff_plans(reference(), reference());
  CHECK_FALSE(has_differences(diff));
  CHECK(diff.changes.empty());
  CHECK(diff.summary.added + diff.summary.removed + diff.summary.changed + diff.summary.moved +
            diff.summary.renumbered ==
        0);
  CHECK(diff.old_side.activities == 27);
}

TEST_CASE("diff shows an activity inserted in the middle as one added and the rest renumbered, not changed",
          "[diff]") {
  // The text as a revised document would read: a new 14 in section V, 14..27 become 15..28.
  const std::string block =
      "14\n\nEstablishing a register of complaints about torture\n\nOrder of the Minister of Justice\n\n"
      "2023\n\nMJ, GPO (as agreed)\n\n";
  std::string text = renumbered(reference_text(), 14, +1);
  text = replaced(text, "\n15\n\nProposals on investigating", "\n" + block + "15\n\nProposals on investigating");
  const PlanDiff diff = diff_plans(reference(), parse_text(text));
  CHECK(outline(diff) == "added -→14, " + renumbered_outline(14, 27, +1));
  CHECK(diff.summary.added == 1);
  CHECK(diff.summary.renumbered == 14);
  CHECK(diff.summary.changed + diff.summary.removed + diff.summary.moved == 0);
  CHECK(diff.changes.front().new_activity->name == "Establishing a register of complaints about torture");
}

TEST_CASE("diff shows a removed activity as one removed, in its old place, and the rest renumbered", "[diff]") {
  Plan edited = reference();
  edited.activities.erase(edited.activities.begin() + 5);  // number 6
  number_in_order(edited);
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(outline(diff) == "removed 6→-, " + renumbered_outline(7, 27, -1));
  CHECK(diff.summary.removed == 1);
  CHECK(diff.summary.renumbered == 21);
}

TEST_CASE("diff reports a deadline moved from the end of 2022 to 2023 as postponed by 365 days", "[diff]") {
  const std::string text = replaced(reference_text(), "Proposal to the Presidential Administration\n\nBy the end of 2022\n\nMIA,",
                                    "Proposal to the Presidential Administration\n\n2023\n\nMIA,");
  const PlanDiff diff = diff_plans(reference(), parse_text(text));
  const ActivityChange change = only_change(diff);
  CHECK(outline(diff) == "changed 1→1");
  REQUIRE(change.outcomes.size() == 1);
  const OutcomeDiff& outcome = change.outcomes.front();
  CHECK(outcome.old_index == 0u);
  CHECK(outcome.new_index == 0u);
  CHECK_FALSE(outcome.text);
  REQUIRE(outcome.deadline);
  CHECK(outcome.deadline->old_deadline->text == "By the end of 2022");
  CHECK(outcome.deadline->old_deadline->to == "2022-12-31");
  CHECK(outcome.deadline->new_deadline->text == "2023");
  CHECK(outcome.deadline->new_deadline->to == "2023-12-31");
  CHECK(outcome.deadline->shift_days == 365);
  CHECK(describe_shift(*outcome.deadline->shift_days) == "postponed by 365 days");
  CHECK_FALSE(change.name);
  CHECK_FALSE(change.agencies);
}

TEST_CASE("diff reports August 2022 moved to the end of 2022 as postponed by 122 days", "[diff]") {
  const std::string text = replaced(reference_text(), "August 2022", "By the end of 2022");
  const ActivityChange change = only_change(diff_plans(reference(), parse_text(text)));
  REQUIRE(change.outcomes.size() == 1);
  REQUIRE(change.outcomes.front().deadline);
  CHECK(change.outcomes.front().deadline->shift_days == 122);
}

TEST_CASE("diff words a deadline shift in days, forwards and back", "[diff]") {
  CHECK(describe_shift(122) == "postponed by 122 days");
  CHECK(describe_shift(1) == "postponed by 1 day");
  CHECK(describe_shift(-1) == "brought forward by 1 day");
  CHECK(describe_shift(-30) == "brought forward by 30 days");
  CHECK(describe_shift(0) == "same end date");
}

TEST_CASE("diff reports an agency added and an as-agreed marker lost, and nothing else", "[diff]") {
  const std::string text = replaced(reference_text(), "MIA, GPO (as agreed), MEAS, MLSP\n", "MIA, GPO, MEAS, MLSP, MF\n");
  const ActivityChange change = only_change(diff_plans(reference(), parse_text(text)));
  CHECK(change.kind == ChangeKind::changed);
  REQUIRE(change.agencies);
  const AgenciesDiff& agencies = *change.agencies;
  REQUIRE(agencies.added.size() == 1);
  CHECK(agencies.added.front().abbr == "MF");
  CHECK(agencies.removed.empty());
  REQUIRE(agencies.as_agreed_lost.size() == 1);
  CHECK(agencies.as_agreed_lost.front().abbr == "GPO");
  CHECK(agencies.as_agreed_gained.empty());
  CHECK(agencies.reworded.empty());
  CHECK_FALSE(agencies.reordered);
  CHECK(change.outcomes.empty());
}

TEST_CASE("diff notices agencies that only changed order", "[diff]") {
  Plan edited = reference();
  std::swap(edited.activities[0].agencies[0], edited.activities[0].agencies[1]);
  const ActivityChange change = only_change(diff_plans(reference(), edited));
  REQUIRE(change.agencies);
  CHECK(change.agencies->reordered);
  CHECK(change.agencies->added.empty());
  CHECK(change.agencies->removed.empty());
}

TEST_CASE("diff shows an activity moved to another section as moved, the rows it passed renumbered", "[diff]") {
  Plan edited = reference();
  Activity second = edited.activities[1];  // 2, section I
  second.section = "II";
  edited.activities.erase(edited.activities.begin() + 1);
  edited.activities.insert(edited.activities.begin() + 3, second);  // after 4, the last of section II
  number_in_order(edited);
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(outline(diff) == "renumbered 3→2, renumbered 4→3, moved 2→4");
  CHECK(diff.summary.moved == 1);
  const ActivityChange& moved = diff.changes.back();
  REQUIRE(moved.section);
  CHECK(moved.section->old_number == "I");
  CHECK(moved.section->new_number == "II");
  CHECK(moved.section->old_title == "Elimination of discrimination against women");
  CHECK(moved.section->new_title == "Promoting equal rights and opportunities for men and women");
  CHECK_FALSE(moved.name);
}

TEST_CASE("diff shows two activities swapped in order as two renumbered", "[diff]") {
  Plan edited = reference();
  std::swap(edited.activities[0], edited.activities[1]);
  number_in_order(edited);
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(outline(diff) == "renumbered 2→1, renumbered 1→2");
  CHECK(diff.summary.renumbered == 2);
}

TEST_CASE("diff shows a reworded name as changed, with a word diff", "[diff]") {
  const std::string text =
      replaced(reference_text(), "Developing mechanisms to prevent violence against women and children",
               "Developing effective mechanisms to prevent domestic violence against women and children");
  const ActivityChange change = only_change(diff_plans(reference(), parse_text(text)));
  CHECK(change.kind == ChangeKind::changed);
  REQUIRE(change.name);
  CHECK(dump(change.name->words) ==
        "=Developing|+effective|=mechanisms to prevent|+domestic|=violence against women and children");
}

TEST_CASE("diff shows a changed activity that was also renumbered as changed with both numbers", "[diff]") {
  Plan edited = reference();
  edited.activities.insert(edited.activities.begin(), row(0, "A new first activity", "Report", {"MJ"}));
  edited.activities.front().section = "I";
  edited.activities[3].name += " and their families";  // was 3
  number_in_order(edited);
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(diff.summary.changed == 1);
  const auto changed = std::find_if(diff.changes.begin(), diff.changes.end(),
                                    [](const ActivityChange& c) { return c.kind == ChangeKind::changed; });
  REQUIRE(changed != diff.changes.end());
  CHECK(changed->old_activity->number == 3);
  CHECK(changed->new_activity->number == 4);
}

TEST_CASE("diff shows a totally different activity in the same place as removed and added", "[diff]") {
  Plan edited = reference();
  Activity& fifth = edited.activities[4];
  fifth.name = "Building a network of regional veterinary laboratories";
  fifth.items.clear();
  fifth.outcomes = {Outcome{"Act of commissioning", std::nullopt, Deadline{"2024", "2024-01-01", "2024-12-31", std::nullopt}}};
  fifth.agencies = {Agency{"MA", AgencyKind::agency, "MA", "Ministry of Agriculture of the Republic of Kazakhstan", false, std::nullopt}};
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(activity_similarity(reference().activities[4], fifth) < kMatchThreshold);
  CHECK(outline(diff) == "removed 5→-, added -→5");
}

// ---- Thresholds ----------------------------------------------------------------------------------

TEST_CASE("diff weights of name, outcomes and agencies add up to 1, the name weighing most", "[diff]") {
  CHECK(kNameWeight + kOutcomesWeight + kAgenciesWeight == Approx(1.0));
  CHECK(kNameWeight > kOutcomesWeight + kAgenciesWeight);
  CHECK(kMoveThreshold > kMatchThreshold);
  CHECK(kNameWeight >= kMoveThreshold);  // a moved activity that kept its name is always found
}

TEST_CASE("diff pairs an edited activity at kMatchThreshold or above and splits it below", "[diff]") {
  // One-activity plans: the name alone decides, and k of its 12 words are replaced.
  bool paired_seen = false;
  bool split_seen = false;
  for (int k = 1; k <= 12; ++k) {
    const Activity before = row(1, words("x", 12));
    const Activity after = row(1, edited_name("x", k));
    const double similarity = activity_similarity(before, after);
    const PlanDiff diff = diff_plans(plan_of({before}), plan_of({after}));
    INFO("k = " << k << ", similarity " << similarity);
    if (similarity >= kMatchThreshold) {
      CHECK(outline(diff) == "changed 1→1");
      paired_seen = true;
    } else {
      CHECK(outline(diff) == "removed 1→-, added -→1");
      split_seen = true;
    }
  }
  CHECK(paired_seen);
  CHECK(split_seen);
}

TEST_CASE("diff pairs an activity out of order only at kMoveThreshold or above", "[diff]") {
  // The last row goes first, with k of its 12 name words replaced; the others stay in order.
  bool moved_seen = false;
  bool between_seen = false;  // alike enough in place, not out of place
  for (int k = 0; k <= 12; ++k) {
    const std::vector<Activity> olds = {row(1, words("a", 12)), row(2, words("b", 12)), row(3, words("c", 12)),
                                        row(4, words("d", 12))};
    const std::vector<Activity> news = {row(1, edited_name("d", k)), row(2, words("a", 12)),
                                        row(3, words("b", 12)), row(4, words("c", 12))};
    const double similarity = similarity_matrix(olds, news)[3 * news.size() + 0];
    const PlanDiff diff = diff_plans(plan_of(olds), plan_of(news));
    INFO("k = " << k << ", similarity " << similarity);
    const std::string rest = "renumbered 1→2, renumbered 2→3, renumbered 3→4";
    if (similarity >= kMoveThreshold) {
      CHECK(outline(diff) == (k == 0 ? "renumbered 4→1, " : "changed 4→1, ") + rest);
      moved_seen = true;
    } else {
      CHECK(outline(diff) == "added -→1, " + rest + ", removed 4→-");
      if (similarity >= kMatchThreshold) between_seen = true;
    }
  }
  CHECK(moved_seen);
  CHECK(between_seen);
}

TEST_CASE("diff pairs by the name first: same name with other outcome and agencies is one activity", "[diff]") {
  const Activity before = row(1, "Drafting a law on public councils", "Draft law", {"MJ"});
  SECTION("the name kept, outcome and agencies replaced: changed") {
    const Activity after = row(1, "Drafting a law on public councils", "Report to the Government", {"MF"});
    CHECK(activity_similarity(before, after) >= kMatchThreshold);
    CHECK(outline(diff_plans(plan_of({before}), plan_of({after}))) == "changed 1→1");
  }
  SECTION("the name replaced, outcome and agencies kept: removed and added") {
    const Activity after = row(1, "Training of judges in mediation", "Draft law", {"MJ"});
    CHECK(activity_similarity(before, after) < kMatchThreshold);
    CHECK(outline(diff_plans(plan_of({before}), plan_of({after}))) == "removed 1→-, added -→1");
  }
}

TEST_CASE("diff similarity is 1 for identical activities and 0 for ones that share nothing", "[diff]") {
  const Activity a = row(1, "Drafting a law", "Draft law", {"MJ"});
  CHECK(activity_similarity(a, a) == Approx(1.0));
  CHECK(activity_similarity(a, row(2, "Training judges", "Seminars", {"SC"})) == Approx(0.0));
}

TEST_CASE("diff pairs outcomes by text at kOutcomeMatchThreshold or above when their counts differ", "[diff]") {
  Activity before = row(1, "Drafting a law on public councils", "Draft law on public councils", {"MJ"});
  const std::string kept = "Draft law on public councils to Parliament";   // Dice 10/12
  const std::string other = "Information to the Presidential Administration";  // Dice 0
  CHECK(kOutcomeMatchThreshold <= 10.0 / 12.0);
  for (const std::string& text : {kept, other}) {
    DYNAMIC_SECTION(text) {
      Activity after = before;
      after.outcomes = {Outcome{text, std::nullopt, std::nullopt}, Outcome{"Report", std::nullopt, std::nullopt}};
      const ActivityChange change = only_change(diff_plans(plan_of({before}), plan_of({after})));
      std::string shape;  // one letter per outcome change: c(hanged), a(dded), r(emoved)
      for (const OutcomeDiff& outcome : change.outcomes) shape += !outcome.old_index ? 'a' : !outcome.new_index ? 'r' : 'c';
      CHECK(shape == (text == kept ? "ca" : "raa"));
    }
  }
}

TEST_CASE("diff pairs sections by title at kSectionMatchThreshold or above, else by number", "[diff]") {
  Plan edited = reference();
  SECTION("a renumbered heading that keeps most of its words is the same section, renamed") {
    insert_first_section(edited);
    edited.sections[2].title = "Promoting equal rights for men and women";  // II, now III
    const PlanDiff diff = diff_plans(reference(), edited);
    const auto renamed = std::find_if(diff.sections.begin(), diff.sections.end(), [](const SectionChange& c) {
      return c.old_section && c.new_section && c.old_section->title != c.new_section->title;
    });
    REQUIRE(renamed != diff.sections.end());
    CHECK(renamed->old_section->number == "II");
    CHECK(renamed->new_section->number == "III");
    CHECK(diff.changes.empty());  // its activities 3 and 4 did not move
  }
  SECTION("a heading reworded beyond recognition under the same number is still that section") {
    edited.sections[1].title = "Gender equality";
    const PlanDiff diff = diff_plans(reference(), edited);
    REQUIRE(diff.sections.size() == 1);
    CHECK(diff.sections[0].new_section->title == "Gender equality");
    CHECK(diff.changes.empty());  // its activities 3 and 4 did not move
  }
}

TEST_CASE("diff finds no differences between the text and the HTML page of one plan", "[diff]") {
  const Result<LoadedPlan> text = load_plan(testing::sample(kSampleName).string());
  const Result<LoadedPlan> html = load_plan(testing::sample("follow-up-plan-2022.en.portal.html").string());
  REQUIRE(text.ok());
  REQUIRE(html.ok());
  const PlanDiff diff = diff_plans(text.value(), html.value());
  CHECK_FALSE(has_differences(diff));
  CHECK(diff.new_side.format == "html");
}

// ---- Fields ----------------------------------------------------------------------------------------

TEST_CASE("diff word diff keeps common words and puts deletions before insertions", "[diff]") {
  struct Case {
    const char* old_text;
    const char* new_text;
    const char* expected;
  };
  const Case cases[] = {
      {"a b c", "a b c", "=a b c"},
      {"a b c", "a x c", "=a|-b|+x|=c"},
      {"", "a b", "+a b"},
      {"a b", "", "-a b"},
      {"", "", ""},
      {"Developing mechanisms to prevent violence", "Developing mechanisms for preventing violence",
       "=Developing mechanisms|-to prevent|+for preventing|=violence"},
      {"one\ntwo", "one two", "=one two"},
      {"Draft Law", "Draft law", "=Draft|-Law|+law"},
  };
  for (const Case& c : cases) {
    INFO(c.old_text << " → " << c.new_text);
    CHECK(dump(word_diff(c.old_text, c.new_text)) == c.expected);
  }
}

TEST_CASE("diff pairs outcomes by position when both sides have as many, else by text", "[diff]") {
  Activity before = row(1, "Drafting a law on public councils", "Draft law", {"MJ"});
  SECTION("an outcome added after the first") {
    Activity after = before;
    after.outcomes.push_back(Outcome{"Report to the Government", std::nullopt, std::nullopt});
    const ActivityChange change = only_change(diff_plans(plan_of({before}), plan_of({after})));
    REQUIRE(change.outcomes.size() == 1);
    CHECK_FALSE(change.outcomes[0].old_index);
    CHECK(change.outcomes[0].new_index == 1u);
  }
  SECTION("an outcome added before the first") {
    Activity after = before;
    after.outcomes.insert(after.outcomes.begin(), Outcome{"Report to the Government", std::nullopt, std::nullopt});
    const ActivityChange change = only_change(diff_plans(plan_of({before}), plan_of({after})));
    REQUIRE(change.outcomes.size() == 1);
    CHECK_FALSE(change.outcomes[0].old_index);
    CHECK(change.outcomes[0].new_index == 0u);
  }
  SECTION("an outcome reworded in place") {
    Activity after = before;
    after.outcomes[0].text = "Draft law to Parliament";
    const ActivityChange change = only_change(diff_plans(plan_of({before}), plan_of({after})));
    REQUIRE(change.outcomes.size() == 1);
    REQUIRE(change.outcomes[0].text);
    CHECK(dump(change.outcomes[0].text->words) == "=Draft law|+to Parliament");
  }
}

TEST_CASE("diff reports bullet items and other-column cells that changed", "[diff]") {
  Activity before = row(1, "Inventory of public services", "Report", {"MJ"});
  before.items = {"certificates", "archival certificates"};
  before.extra = {{"Expected costs", "100"}};
  Activity after = before;
  after.items = {"certificates", "archival certificates of length of service"};
  after.extra = {{"Expected costs", "120"}};
  const ActivityChange change = only_change(diff_plans(plan_of({before}), plan_of({after})));
  REQUIRE(change.items);
  CHECK(dump(change.items->words) == "=certificates archival certificates|+of length of service");
  REQUIRE(change.extra);
  CHECK(change.extra->new_value.front().second == "120");
}

// ---- Plan level ----------------------------------------------------------------------------------

TEST_CASE("diff reports title, act, publication date, renamed sections and glossary entries", "[diff]") {
  Plan edited = reference();
  *edited.title += " (as amended)";
  edited.act->number = "259";
  edited.published = "2022-05-01";
  edited.sections[0].title = "Elimination of all forms of discrimination against women";
  edited.abbreviations.erase(edited.abbreviations.end() - 1);  // CEC
  edited.abbreviations.push_back(Abbreviation{"MDDI", "Ministry of Digital Development", 1, std::nullopt});
  for (Abbreviation& entry : edited.abbreviations) {
    if (entry.abbr == "MF") entry.name = "Ministry of Finance";
  }
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(diff.changes.empty());
  REQUIRE(diff.title);
  CHECK(dump(diff.title->words) == "=On the approval of Follow-up Plan for Human Rights and the Rule of Law|+(as amended)");
  REQUIRE(diff.act);
  CHECK(diff.act->old_value->number == "258");
  REQUIRE(diff.published);
  CHECK(diff.published->new_value == "2022-05-01");
  REQUIRE(diff.sections.size() == 1);
  CHECK(diff.sections[0].old_section->number == "I");
  CHECK(diff.sections[0].new_section->title == "Elimination of all forms of discrimination against women");

  std::map<std::string, std::string> glossary;  // abbr -> added|removed|changed
  for (const AbbreviationChange& change : diff.abbreviations) {
    const std::string abbr = change.new_entry ? change.new_entry->abbr : change.old_entry->abbr;
    glossary[abbr] = !change.old_entry ? "added" : !change.new_entry ? "removed" : "changed";
  }
  CHECK(glossary == std::map<std::string, std::string>{{"CEC", "removed"}, {"MDDI", "added"}, {"MF", "changed"}});

  const nlohmann::ordered_json json = diff_to_json(diff);
  std::vector<std::string> entries;
  for (const auto& entry : json["plan"]) {
    entries.push_back(entry["field"].get<std::string>() + " " + entry["change"].get<std::string>());
  }
  CHECK(entries == std::vector<std::string>{"title changed", "act changed", "published changed", "section renamed",
                                            "abbreviation changed", "abbreviation added", "abbreviation removed"});
}

TEST_CASE("diff pairs sections by title, so a section inserted first moves no activity", "[diff]") {
  Plan edited = reference();
  insert_first_section(edited);
  Activity first = row(0, "Approval of the monitoring methodology", "Order", {"MJ"});
  first.section = "I";
  edited.activities.insert(edited.activities.begin(), first);
  number_in_order(edited);
  const PlanDiff diff = diff_plans(reference(), edited);
  CHECK(diff.summary.added == 1);
  CHECK(diff.summary.renumbered == 27);
  CHECK(diff.summary.moved == 0);
  REQUIRE(diff.sections.size() == 9);
  CHECK_FALSE(diff.sections[0].old_section);
  CHECK(diff.sections[1].old_section->number == "I");
  CHECK(diff.sections[1].new_section->number == "II");
}

// ---- Reading JSON back -------------------------------------------------------------------------

TEST_CASE("diff reads every sample's expected JSON back into the plan it describes", "[diff]") {
  std::size_t seen = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "samples")) {
    if (!entry.path().string().ends_with(".expected.json")) continue;
    ++seen;
    INFO(entry.path().filename().string());
    const auto document = nlohmann::ordered_json::parse(testing::read_file(entry.path()));
    const Result<Plan> plan = plan_from_json(document);
    REQUIRE(plan.ok());
    CHECK(nlohmann::json(to_json(plan.value())) == nlohmann::json(document));
    // The other columns keep the document's order, which an unordered map would lose.
    for (std::size_t k = 0; k < plan.value().activities.size(); ++k) {
      std::vector<std::string> headers;
      for (const auto& [header, text] : document["activities"][k]["extra"].items()) headers.push_back(header);
      std::vector<std::string> read;
      for (const auto& [header, text] : plan.value().activities[k].extra) read.push_back(header);
      CHECK(read == headers);
    }
  }
  CHECK(seen >= 2);
}

TEST_CASE("plan JSON read back gives a file name that is not UTF-8 its exact bytes from name_bytes", "[diff]") {
  const Plan plan = parse_text(reference_text(), "plan-\xFF 100%.txt");
  const nlohmann::ordered_json document = to_json(plan);
  REQUIRE(document["source"]["name"] == "plan-\xEF\xBF\xBD 100%.txt");
  REQUIRE(document["source"].contains("name_bytes"));
  const Result<Plan> read = plan_from_json(document);
  REQUIRE(read.ok());
  CHECK(read.value().source.name == "plan-\xFF 100%.txt");
  CHECK(to_json(read.value()) == document);
}

TEST_CASE("plan JSON read back keeps an activity's label", "[diff]") {
  const Plan plan = parse_text("Plan on roads\n\nNo.\tActivity\tOutcome\tDeadline\tResponsible\n1. Bridges\n"
                               "1.1\tRepairing bridges\tAct\t2026\tMinistry of Transport\n2. Signs\n"
                               "2.1\tPutting up signs\tAct\t2027\tMinistry of Transport\n");
  const nlohmann::ordered_json document = to_json(plan);
  REQUIRE(document["activities"][1]["label"] == "2.1");
  const Result<Plan> read = plan_from_json(document);
  REQUIRE(read.ok());
  CHECK(read.value().activities[1].label == "2.1");
  CHECK(to_json(read.value()) == document);
}

TEST_CASE("diff finds no differences between a document and the JSON parse made of it", "[diff]") {
  const Result<LoadedPlan> document = load_plan_bytes(kSampleName, reference_text());
  REQUIRE(document.ok());
  const std::string json = to_json(document.value().plan).dump(2) + "\n";
  const Result<LoadedPlan> from_json = load_plan_bytes("plan.json", json);
  REQUIRE(from_json.ok());
  CHECK(document.value().side.format == "text");
  CHECK(from_json.value().side.format == "json");
  CHECK(from_json.value().side.name == "plan.json");
  CHECK(from_json.value().side.sha256 == sha256_hex(json));
  const PlanDiff diff = diff_plans(document.value(), from_json.value());
  CHECK_FALSE(has_differences(diff));
  CHECK(diff.new_side.format == "json");
}

TEST_CASE("diff rejects JSON that is no planparse plan, naming the pointer of the fault", "[diff]") {
  nlohmann::ordered_json plan = to_json(reference());
  plan["activities"][0]["number"] = "one";
  const Result<LoadedPlan> loaded = load_plan_bytes("broken.json", plan.dump());
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == Code::not_a_plan);
  CHECK(loaded.error().where == "/activities/0/number");
}

TEST_CASE("diff reads a '{' that is not JSON as a document, which is no plan", "[diff]") {
  const Result<LoadedPlan> loaded = load_plan_bytes("notes.txt", "{ a note, not JSON\n\nand no table\n");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == Code::not_a_plan);
}

// ---- Output ------------------------------------------------------------------------------------------

namespace {

// Every kind of change at once: plan-level edits, an insertion, a removal, a move, a changed
// deadline, agencies, a reworded name.
PlanDiff everything_diff() {
  Plan edited = reference();
  *edited.title += " (as amended)";
  edited.sections[0].title = "Elimination of all forms of discrimination against women";
  edited.abbreviations.push_back(Abbreviation{"MDDI", "Ministry of Digital Development", 1, std::nullopt});
  edited.activities[0].name += " in the family";
  edited.activities[0].outcomes[0].deadline = Deadline{"2023", "2023-01-01", "2023-12-31", std::nullopt};
  edited.activities[0].agencies[1].as_agreed = false;
  edited.activities[0].agencies.push_back(Agency{"MF", AgencyKind::agency, "MF", "Ministry of Finance", false, std::nullopt});
  edited.activities[0].outcomes[0].task = "a task";
  edited.activities[2].section = "I";  // 3, first of section II, now last of section I
  edited.activities.erase(edited.activities.begin() + 9);
  edited.activities.insert(edited.activities.begin() + 15, row(0, "A new activity", "Report", {"MJ"}));
  edited.activities[15].section = "V";
  edited.activities[20].extra = {{"Costs", "12"}};
  edited.activities[21].items = {"one more item"};
  number_in_order(edited);
  return diff_plans(reference(), edited);
}

}  // namespace

TEST_CASE("diff JSON of every kind of change validates against the diff schema", "[diff]") {
  const PlanDiff diff = everything_diff();
  CHECK(diff.summary.added == 1);
  CHECK(diff.summary.removed == 1);
  CHECK(diff.summary.moved == 1);
  CHECK(diff.summary.changed == 3);
  CHECK(diff.summary.renumbered > 0);
  const nlohmann::ordered_json json = diff_to_json(diff);
  const std::vector<SchemaViolation> violations = validate_diff(nlohmann::json(json));
  std::string shown;
  for (const SchemaViolation& violation : violations) shown += violation.pointer + ": " + violation.message + "\n";
  INFO(shown);
  CHECK(violations.empty());
  CHECK(json["schema_version"] == "1.1");
  CHECK(json["summary"]["added"] == 1);
  const Result<std::string> rendered = render_diff(diff, DiffFormat::json);
  REQUIRE(rendered.ok());
  CHECK(nlohmann::json::parse(rendered.value()) == nlohmann::json(json));
}

TEST_CASE("diff schema rejects an unknown kind, an unknown field and a key it does not list", "[diff]") {
  const nlohmann::json valid = diff_to_json(everything_diff());
  REQUIRE(validate_diff(valid).empty());
  SECTION("kind") {
    nlohmann::json broken = valid;
    broken["changes"][0]["kind"] = "mutated";
    const std::vector<SchemaViolation> violations = validate_diff(broken);
    REQUIRE_FALSE(violations.empty());
    CHECK(violations.front().pointer == "/changes/0/kind");
  }
  SECTION("field") {
    nlohmann::json broken = valid;
    for (auto& change : broken["changes"]) {
      if (!change["fields"].empty()) {
        change["fields"][0]["field"] = "colour";
        break;
      }
    }
    CHECK_FALSE(validate_diff(broken).empty());
  }
  SECTION("extra key") {
    nlohmann::json broken = valid;
    broken["summary"]["unchanged"] = 3;
    CHECK_FALSE(validate_diff(broken).empty());
  }
}

TEST_CASE("diff schema text is the draft-07 schema published in schema/", "[diff]") {
  const nlohmann::json schema = nlohmann::json::parse(diff_schema_text());
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(std::string(diff_schema_text()) ==
        testing::read_file(fs::path(PLANPARSE_SOURCE_DIR) / "schema" / "diff.schema.json"));
}

TEST_CASE("diff text starts with the summary line, lists renumbered rows in runs, colours only on request",
          "[diff]") {
  const PlanDiff diff = diff_of_sample_pair("digital-services-plan-2024.en");
  const std::string text = diff_to_text(diff);
  INFO(text);
  CHECK(text.starts_with("digital-services-plan-2024.en.old.txt → digital-services-plan-2024.en.new.txt\n"
                         "12 → 13 activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered\n"));
  CHECK_THAT(text, Catch::Contains("renumbered (6): 5–7 → 6–8, 9 → 10, 11–12 → 12–13"));
  CHECK_THAT(text, Catch::Contains("June 2025 → December 2025 (postponed by 184 days)"));
  CHECK_THAT(text, Catch::Contains("agencies: + MF"));
  CHECK_THAT(text, Catch::Contains("[-12-] {+13+}"));
  CHECK(text.find('\x1b') == std::string::npos);
  const std::string coloured = diff_to_text(diff, RenderOptions{true});
  CHECK_THAT(coloured, Catch::Contains("\x1b[32m"));
  CHECK_THAT(coloured, Catch::Contains("\x1b[0m"));
}

TEST_CASE("diff text of identical plans says there are no differences", "[diff]") {
  const std::string text = diff_to_text(diff_plans(reference(), reference()));
  CHECK(text == std::string(kSampleName) + " → " + kSampleName +
                    "\n27 → 27 activities: 0 added, 0 removed, 0 changed, 0 moved, 0 renumbered\nno differences\n");
}

// ---- Golden pairs ---------------------------------------------------------------------------------

// samples/diff/<stem>.old.*, <stem>.new.* and <stem>.expected.json: the diff of the two, written
// and checked by hand (samples/diff/README.md).
TEST_CASE("diff of every sample pair in samples/diff matches its expected JSON", "[diff]") {
  const fs::path directory = fs::path(PLANPARSE_SOURCE_DIR) / "samples" / "diff";
  const std::string suffix = ".expected.json";
  std::size_t pairs = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (entry.path().filename().string().ends_with(suffix)) ++pairs;
  }
  CHECK(pairs >= 1);
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(suffix)) continue;
    const std::string stem = file.substr(0, file.size() - suffix.size());
    DYNAMIC_SECTION(stem) {
      fs::path old_path;
      fs::path new_path;
      for (const fs::directory_entry& other : fs::directory_iterator(directory)) {
        const std::string name = other.path().filename().string();
        if (name.starts_with(stem + ".old.")) old_path = other.path();
        if (name.starts_with(stem + ".new.")) new_path = other.path();
      }
      REQUIRE_FALSE(old_path.empty());
      REQUIRE_FALSE(new_path.empty());
      const Result<LoadedPlan> old_plan = load_plan(old_path.string());
      const Result<LoadedPlan> new_plan = load_plan(new_path.string());
      REQUIRE(old_plan.ok());
      REQUIRE(new_plan.ok());
      const nlohmann::json actual = diff_to_json(diff_plans(old_plan.value(), new_plan.value()));
      const nlohmann::json expected = nlohmann::json::parse(testing::read_file(entry.path()));
      CHECK(validate_diff(expected).empty());
      std::string differences;
      if (actual != expected) {
        for (const auto& patch : nlohmann::json::diff(expected, actual)) differences += patch.dump() + "\n";
      }
      INFO("differences from the expected JSON (JSON Patch):\n" << differences);
      CHECK(actual == expected);
    }
  }
}

// ---- Translations -------------------------------------------------------------------------------

namespace {

const Plan& parsed_sample(const std::string& name) {
  static std::map<std::string, Plan> plans;
  auto it = plans.find(name);
  if (it == plans.end()) {
    Result<Source> source = read_source(testing::sample(name).string());
    REQUIRE(source.ok());
    Result<Plan> plan = parse_source(source.value());
    REQUIRE(plan.ok());
    it = plans.emplace(name, std::move(plan).value()).first;
  }
  return it->second;
}

}  // namespace

TEST_CASE("diff of the reference in English, Russian and Kazakh finds them equal translations", "[diff][translations]") {
  const std::vector<std::string> versions = {"follow-up-plan-2022.en.txt", "follow-up-plan-2022.ru.txt",
                                             "follow-up-plan-2022.kk.txt", "follow-up-plan-2022.ru.portal.html",
                                             "follow-up-plan-2022.kk.portal.html"};
  for (const std::string& a : versions) {
    for (const std::string& b : versions) {
      const PlanDiff diff = diff_plans(parsed_sample(a), parsed_sample(b));
      INFO(a << " → " << b << "\n" << diff_to_text(diff));
      CHECK(diff.mode == (parsed_sample(a).language == parsed_sample(b).language ? DiffMode::versions
                                                                                 : DiffMode::translations));
      if (diff.mode == DiffMode::translations) CHECK_FALSE(has_differences(diff));
    }
  }
}

TEST_CASE("diff of translations reports what a translation must keep, one change each", "[diff][translations]") {
  const Plan& en = parsed_sample("follow-up-plan-2022.en.txt");
  const Plan& ru = parsed_sample("follow-up-plan-2022.ru.txt");
  auto only_change = [&](const Plan& edited) {
    const PlanDiff diff = diff_plans(en, edited);
    INFO(diff_to_text(diff));
    REQUIRE(diff.mode == DiffMode::translations);
    REQUIRE(diff.changes.size() == 1);
    CHECK_FALSE(diff.changes[0].name.has_value());  // wording is never compared
    return diff.changes[0];
  };
  SECTION("an agency left out of the translation") {
    Plan edited = ru;
    edited.activities[0].agencies.pop_back();  // МТСЗН of activity 1
    const ActivityChange change = only_change(edited);
    CHECK(change.kind == ChangeKind::changed);
    REQUIRE(change.agencies.has_value());
    REQUIRE(change.agencies->removed.size() == 1);
    CHECK(change.agencies->removed[0].id == "mlsp");
    CHECK(change.agencies->removed[0].abbr == "MLSP");  // shown as the old side wrote it
  }
  SECTION("an \"as agreed\" marker lost in translation") {
    Plan edited = ru;
    REQUIRE(edited.activities[0].agencies[1].as_agreed);  // ГП (по согласованию)
    edited.activities[0].agencies[1].as_agreed = false;
    const ActivityChange change = only_change(edited);
    REQUIRE(change.agencies.has_value());
    REQUIRE(change.agencies->as_agreed_lost.size() == 1);
    CHECK(change.agencies->as_agreed_lost[0].id == "gpo");
  }
  SECTION("an item missing") {
    Plan edited = ru;
    REQUIRE(edited.activities[11].items.size() == 6);
    edited.activities[11].items.pop_back();
    const ActivityChange change = only_change(edited);
    REQUIRE(change.items.has_value());
    CHECK(change.items->words.empty());  // no word diff between two languages
  }
  SECTION("an activity under another section number") {
    Plan edited = ru;
    edited.activities[2].section = "III";
    CHECK(only_change(edited).kind == ChangeKind::moved);
  }
  SECTION("a recurrence instead of a date") {
    Plan edited = ru;
    edited.activities[0].outcomes[0].deadline = Deadline{"ежегодно", std::nullopt, std::nullopt, Recurrence::annual};
    const ActivityChange change = only_change(edited);
    REQUIRE(change.outcomes.size() == 1);
    CHECK(change.outcomes[0].deadline.has_value());
    CHECK_FALSE(change.outcomes[0].text.has_value());
  }
}

TEST_CASE("diff of translations pairs rows numbered in parts by the number printed: 1.1 never pairs with 2.1",
          "[diff][translations]") {
  // Before: rows paired by their last part only, so a translation that left out section 1 had
  // its 2.1 and 2.2 paired with 1.1 and 1.2, and no row reported missing.
  const auto plan = [](const std::string& language, const std::vector<std::string>& labels) {
    Plan out;
    out.language = language;
    out.sections = {{"1", "Bridges", 4}, {"2", "Signs", 7}};
    int line = 5;
    for (const std::string& label : labels) {
      Activity activity;
      activity.label = label;
      activity.number = label.back() - '0';
      activity.section = label.substr(0, 1);
      activity.name = language + " " + label;
      activity.line = line++;
      out.activities.push_back(activity);
    }
    return out;
  };
  const PlanDiff diff = diff_plans(plan("en", {"1.1", "1.2", "2.1", "2.2"}), plan("ru", {"2.1", "2.2"}));
  INFO(diff_to_text(diff));
  REQUIRE(diff.mode == DiffMode::translations);
  REQUIRE(diff.changes.size() == 2);
  CHECK(diff.changes[0].kind == ChangeKind::removed);
  CHECK(diff.changes[0].old_activity->label == "1.1");
  CHECK(diff.changes[1].kind == ChangeKind::removed);
  CHECK(diff.changes[1].old_activity->label == "1.2");
  CHECK(diff_to_text(diff).find("- 1.1 removed") != std::string::npos);
}

TEST_CASE("diff of translations compares the glossary by the bodies it defines", "[diff][translations]") {
  const Plan& en = parsed_sample("follow-up-plan-2022.en.txt");
  Plan ru = parsed_sample("follow-up-plan-2022.ru.txt");
  ru.abbreviations.erase(ru.abbreviations.begin());  // АДГС
  const PlanDiff diff = diff_plans(en, ru);
  REQUIRE(diff.abbreviations.size() == 1);
  REQUIRE(diff.abbreviations[0].old_entry.has_value());
  CHECK(diff.abbreviations[0].old_entry->id == "aps");
  CHECK_FALSE(diff.abbreviations[0].new_entry.has_value());
  CHECK(diff.changes.empty());
}

TEST_CASE("diff of translations pairs activities by number, so a missing row is one removal", "[diff][translations]") {
  const Plan& en = parsed_sample("follow-up-plan-2022.en.txt");
  Plan ru = parsed_sample("follow-up-plan-2022.ru.txt");
  ru.activities.erase(ru.activities.begin() + 9);  // activity 10
  const PlanDiff diff = diff_plans(en, ru);
  REQUIRE(diff.changes.size() == 1);
  CHECK(diff.changes[0].kind == ChangeKind::removed);
  CHECK(diff.changes[0].old_activity->number == 10);
}

TEST_CASE("diff mode can be forced: one plan compared as its own translation has no differences", "[diff][translations]") {
  const Plan& en = parsed_sample("follow-up-plan-2022.en.txt");
  CHECK(diff_mode_for(en, en) == DiffMode::versions);
  const PlanDiff diff = diff_plans(en, en, DiffMode::translations);
  CHECK(diff.mode == DiffMode::translations);
  CHECK_FALSE(has_differences(diff));
  CHECK(diff_to_json(diff)["mode"] == "translations");
}

TEST_CASE("diff text and HTML say when translations were compared and what was", "[diff][translations]") {
  const PlanDiff diff = diff_plans(parsed_sample("follow-up-plan-2022.en.txt"), parsed_sample("follow-up-plan-2022.ru.txt"));
  CHECK_THAT(diff_to_text(diff), Catch::Contains("translations en → ru") && Catch::Contains("not by wording"));
  CHECK_THAT(diff_to_html(diff), Catch::Contains("translations en → ru"));
  const PlanDiff versions = diff_plans(reference(), reference());
  CHECK_THAT(diff_to_text(versions), !Catch::Contains("translations"));
}

// ---- The reference revised: the same changes in every format --------------------------------------

TEST_CASE("diff of the revised reference shows exactly its six edits in text and HTML as in JSON", "[diff][html]") {
  const PlanDiff diff = diff_of_sample_pair("follow-up-plan-2022.en");
  const std::string text = diff_to_text(diff);
  const std::string html = diff_to_html(diff);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("1 added, 1 removed, 4 changed, 0 moved, 2 renumbered"));
  CHECK_THAT(html, Catch::Contains("1 added, 1 removed, 4 changed, 0 moved, 2 renumbered"));
  // the name reworded
  CHECK_THAT(text, Catch::Contains("[-accession to-] {+ratification of+}"));
  CHECK_THAT(html, Catch::Contains("<del>accession to</del>") && Catch::Contains("<ins>ratification of</ins>"));
  // the deadline moved
  CHECK_THAT(text, Catch::Contains("August 2022 → December 2022 (postponed by 122 days)"));
  CHECK_THAT(html, Catch::Contains("postponed by 122 days"));
  // the activity inserted and the one deleted
  CHECK_THAT(text, Catch::Contains("+ 5 added (section II): Conducting a nationwide survey"));
  CHECK_THAT(text, Catch::Contains("- 9 removed (section V): Updating the list of diseases"));
  CHECK_THAT(html, Catch::Contains("Conducting a nationwide survey") && Catch::Contains("Updating the list of diseases"));
  // the agency added and the marker dropped
  CHECK_THAT(text, Catch::Contains("agencies: + MNE") && Catch::Contains("GPO no longer as agreed"));
  CHECK_THAT(html, Catch::Contains("<ins>MNE</ins>") && Catch::Contains("no longer “as agreed”: GPO"));
  // the rows that only moved in numbering, in runs
  CHECK_THAT(text, Catch::Contains("renumbered (2): 5 → 6, 7 → 8"));
  CHECK_THAT(html, Catch::Contains("5 → 6, 7 → 8"));
}

TEST_CASE("diff links a body renamed between versions by its registry id: one agency, reworded", "[diff]") {
  // The Ministry of Information and Public Development became the Ministry of Culture and
  // Information: the revision names it MCI in the cell and in the glossary.
  std::string text = reference_text();
  text = replaced(text, "MLSP, MIPD, MJ\n", "MLSP, MCI, MJ\n");
  text = replaced(text, "\nMIPD\n\nMFA\n", "\nMCI\n\nMFA\n");  // the glossary's abbreviation column
  text = replaced(text, "Ministry of Information and Public Development of the Republic of Kazakhstan",
                  "Ministry of Culture and Information of the Republic of Kazakhstan");
  const PlanDiff diff = diff_plans(reference(), parse_text(text));
  INFO(diff_to_text(diff));
  const auto changed = std::find_if(diff.changes.begin(), diff.changes.end(),
                                    [](const ActivityChange& change) { return change.old_activity->number == 6; });
  REQUIRE(changed != diff.changes.end());
  REQUIRE(changed->agencies.has_value());
  CHECK(changed->agencies->added.empty());
  CHECK(changed->agencies->removed.empty());
  REQUIRE(changed->agencies->reworded.size() == 1);
  CHECK(changed->agencies->reworded[0].old_value.abbr == "MIPD");
  CHECK(changed->agencies->reworded[0].new_value.abbr == "MCI");
  CHECK(changed->agencies->reworded[0].new_value.id == "mipd");
}

// ---- At scale ------------------------------------------------------------------------------------
// Plans above 500 x 500 activities are aligned by anchors (diff/align.cpp); generated versions
// (tools/generator/versions.h) pin that the result stays the exact one on ordinary revisions
// and that the work grows about linearly.

namespace {

std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> as_pairs(
    const std::vector<ActivityPair>& pairs) {
  std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> out;
  for (const ActivityPair& pair : pairs) out.emplace_back(pair.old_index, pair.new_index);
  return out;
}

const gen::PlanVersions& generated_versions(std::size_t activities) {
  static std::map<std::size_t, gen::PlanVersions> drawn;
  auto found = drawn.find(activities);
  if (found == drawn.end()) found = drawn.emplace(activities, gen::draw_plan_versions(activities)).first;
  return found->second;
}

}  // namespace

TEST_CASE("diff scores a pair on demand exactly as the similarity matrix does", "[diff][scale]") {
  const gen::PlanVersions& plans = generated_versions(300);
  const std::vector<Activity>& olds = plans.old_plan.activities;
  const std::vector<Activity>& news = plans.new_plan.activities;
  const std::vector<double> matrix = similarity_matrix(olds, news);
  const diff_detail::ActivityScorer scorer(olds, news);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    for (std::size_t j = 0; j < news.size(); ++j) differing += scorer.score(i, j) != matrix[i * news.size() + j];
  }
  CHECK(differing == 0);
}

TEST_CASE("diff's banded in-order pairing equals the full one when the band covers the table", "[diff][scale]") {
  const gen::PlanVersions& plans = generated_versions(300);
  const std::vector<Activity>& olds = plans.old_plan.activities;
  const std::vector<Activity>& news = plans.new_plan.activities;
  const std::vector<double> matrix = similarity_matrix(olds, news);
  const auto score = [&](std::size_t i, std::size_t j) { return matrix[i * news.size() + j]; };
  CHECK(diff_detail::align_in_band(olds.size(), news.size(), score, kMatchThreshold, news.size()) ==
        diff_detail::align_in_order(olds.size(), news.size(), score, kMatchThreshold));
  // A narrow band still finds the pairs of a revision, whose rows stay near the diagonal.
  CHECK(diff_detail::align_in_band(olds.size(), news.size(), score, kMatchThreshold, 16) ==
        diff_detail::align_in_order(olds.size(), news.size(), score, kMatchThreshold));
}

TEST_CASE("diff aligns generated revisions of 1000 and 2000 activities by anchors exactly as by every pair",
          "[diff][scale]") {
  for (const std::size_t size : {std::size_t{1000}, std::size_t{2000}}) {
    INFO(size << " activities");
    const gen::PlanVersions& plans = generated_versions(size);
    const std::vector<Activity>& olds = plans.old_plan.activities;
    const std::vector<Activity>& news = plans.new_plan.activities;
    AlignStats exact_stats;
    const auto exact = as_pairs(align_activities(olds, news, AlignOptions{std::numeric_limits<std::size_t>::max()},
                                                 &exact_stats));
    CHECK_FALSE(exact_stats.anchored);
    AlignStats stats;
    CHECK(as_pairs(align_activities(olds, news, AlignOptions{}, &stats)) == exact);
    CHECK(stats.anchored);
    CHECK(stats.anchors > size * 9 / 10);
    // Every stretch in a band and the leftovers by their rare words only.
    CHECK(as_pairs(align_activities(olds, news, AlignOptions{0})) == exact);
  }
}

TEST_CASE("diff's alignment work grows about linearly: 8000 activities a side score under 20x the pairs of 1000",
          "[diff][scale]") {
  std::map<std::size_t, std::size_t> comparisons;
  for (const std::size_t size : {std::size_t{1000}, std::size_t{8000}}) {
    const gen::PlanVersions& plans = generated_versions(size);
    AlignStats stats;
    const std::vector<ActivityPair> pairs = align_activities(plans.old_plan.activities, plans.new_plan.activities, {}, &stats);
    CHECK(stats.anchored);
    comparisons[size] = stats.comparisons;
    // Each index of both plans exactly once.
    std::size_t olds = 0;
    std::size_t news = 0;
    for (const ActivityPair& pair : pairs) olds += pair.old_index.has_value(), news += pair.new_index.has_value();
    CHECK(olds == plans.old_plan.activities.size());
    CHECK(news == plans.new_plan.activities.size());
  }
  INFO(comparisons[1000] << " pairs scored for 1000, " << comparisons[8000] << " for 8000");
  CHECK(comparisons[8000] < 20 * comparisons[1000]);
  CHECK(comparisons[1000] < 1000 * 1000 / 10);
}

TEST_CASE("diff of two unrelated plans of 3000 activities stays within the band, without scoring every pair",
          "[diff][scale]") {
  const gen::PlanVersions first = gen::draw_plan_versions(3000, 7);
  const gen::PlanVersions second = gen::draw_plan_versions(3000, 8);
  AlignStats stats;
  const std::vector<ActivityPair> pairs =
      align_activities(first.old_plan.activities, second.new_plan.activities, {}, &stats);
  CHECK(stats.comparisons < std::size_t{3000} * 3000 / 10);
  CHECK(pairs.size() >= 3000);
}

// ---- Terminal safety -----------------------------------------------------------------------------

TEST_CASE("diff's printable text escapes C0, DEL, C1 and bidi controls and keeps other text and line feeds",
          "[diff][text]") {
  CHECK(printable_text("a\x1b[2Jb\r\tc\x7f") == "a\\u001B[2Jb\\u000D\\u0009c\\u007F");
  CHECK(printable_text("x\xc2\x85y\xc2\x9b") == "x\\u0085y\\u009B");
  CHECK(printable_text("\xe2\x80\xae" "evil\xe2\x80\xac \xe2\x81\xa6iso\xe2\x81\xa9") == "\\u202Eevil\\u202C \\u2066iso\\u2069");
  // Line feeds, "«»", "—", Cyrillic and the zero-width joiner (E2 80 8D) stay as they are.
  CHECK(printable_text("одна\nдве «x» — y\xe2\x80\x8d") == "одна\nдве «x» — y\xe2\x80\x8d");
}

TEST_CASE("diff's text report shows control and bidi characters from the plans escaped, with or without colour",
          "[diff][text]") {
  const std::string hostile = "Audit \x1b]0;owned\x07 the \xe2\x80\xae" "dlrow";
  Plan old_plan = plan_of({row(1, "Draft the budget law", "Bill", {"MF"})});
  Plan new_plan = plan_of({row(1, "Draft the budget law", "Bill", {"MF"}), row(2, hostile, "Report\x1b[8m", {"MJ"})});
  new_plan.source.name = "new\x1b[1A.txt";
  const PlanDiff diff = diff_plans(old_plan, new_plan);
  for (const bool color : {false, true}) {
    INFO("color " << color);
    const std::string text = diff_to_text(diff, RenderOptions{color});
    CHECK(text.find("\x1b]") == std::string::npos);
    CHECK(text.find("\x1b[8m") == std::string::npos);
    CHECK(text.find("\x1b[1A") == std::string::npos);
    CHECK(text.find("\xe2\x80\xae") == std::string::npos);
    CHECK(text.find("\x07") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("Audit \\u001B]0;owned\\u0007 the \\u202Edlrow") &&
                         Catch::Contains("Report\\u001B[8m") && Catch::Contains("new\\u001B[1A.txt"));
  }
  // The JSON keeps the text as it is: escaping there is JSON's.
  CHECK(diff_to_json(diff).dump().find("\\u001b]0;owned") != std::string::npos);
}
