// Diff: what changed between two versions of a plan, activity by activity and field by field.
// The whole public API of `planparse diff` is in this header:
//   1. load       (load.cpp)        a side: any document planparse parses, or its JSON output
//   2. align      (align.cpp)       activities paired by content (similarity.cpp), not by number
//   3. compare    (compare.cpp)     field-level changes of every pair, plan-level changes
//   4. render     (report_json.cpp) JSON, keys in the order of schema/diff.schema.json;
//                 (report_text.cpp) text for a terminal;
//                 (report_html.cpp) one self-contained HTML page, old and new side by side,
//                                   built so that text is escaped by construction (html.h);
//                 (report.cpp)      render_diff: the format's renderer, and for JSON the
//                                   schema check (validate.cpp) before anything is written
// word_diff (words.cpp) is the word-level diff of names, items and outcome texts.
// Tested by test_diff.cpp (the core), test_diff_html.cpp (the HTML page), test_diff_cli.cpp
// (the command) and tests/chromium/render_report.sh (the page in a real browser).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/diagnostic.h"
#include "ingest/names.h"
#include "parsers/context.h"
#include "schema/emit.h"
#include "schema/plan.h"

namespace planparse {

inline constexpr const char* kDiffSchemaVersion = "1.1";

// ---- Thresholds ------------------------------------------------------------------------------
// How alike two activities are is a weighted Dice coefficient, 2 w(A ∩ B) / (w(A) + w(B)), over
// their tokens, one coefficient per part of the row, the parts then averaged with the weights
// below. Tokens are case-folded runs of letters and digits (agencies: one token per agency key,
// see AgenciesDiff). A token weighs its inverse document frequency over the activities of both
// plans, ln(1 + N / df): "the", "Republic" or an outcome every other row has ("Proposal to the
// Presidential Administration") says little about which activity a row is, so it counts little,
// in any language. A part empty on both sides is left out and the others scaled up; a part
// empty on one side only scores 0. The name cell says what the activity *is*, so it weighs
// most; outcomes and agencies repeat across rows and only tell near-twins apart.
inline constexpr double kNameWeight = 0.7;      // name and items (the whole name cell)
inline constexpr double kOutcomesWeight = 0.2;  // outcome texts (not deadlines: they are what moves)
inline constexpr double kAgenciesWeight = 0.1;  // agency keys

// Two activities in the same order on both sides are the same activity when they are at least
// this alike; below it the pair is `removed` + `added`. Measured on the six parsed samples (EN,
// RU, KK; text and Word HTML), each compared with a copy of itself: two different rows score
// at most 0.49 (the Russian Word plan's 6 and 9, both on rural entrepreneurship with the same
// outcome and agencies; in the other samples at most 0.36), while a row against itself with
// every second word of its name replaced, its deadline moved and an agency added scores at
// least 0.59 (every third word replaced: 0.71). 0.55 sits in that gap, a little nearer the
// edited rows, since pairing two different activities misleads more than splitting one.
inline constexpr double kMatchThreshold = 0.55;

// A pair out of order (an activity that moved past others, e.g. into another section) must be
// more alike: it has no position to support it, so a coincidental likeness costs more there.
// A moved activity that kept its name scores at least kNameWeight (0.7) whatever else changed,
// so it is always found.
inline constexpr double kMoveThreshold = 0.65;

// Outcomes of a matched pair are paired by position when both sides have as many; otherwise by
// the Dice of their texts, in order, at least this alike; the rest are added or removed.
inline constexpr double kOutcomeMatchThreshold = 0.5;

// Sections are paired by the Dice of their titles, in order, at least this alike (a renamed
// heading keeps most of its words); an unpaired section left with the same number on both
// sides is the same section renamed.
inline constexpr double kSectionMatchThreshold = 0.5;

// ---- Versions and translations -------------------------------------------------------------------
// Two plans in different languages are translations of one plan: wording cannot be compared,
// so the diff compares what a translation must keep. Activities are paired by number;
// sections by number; per activity the section, the number of items and outcomes, each
// outcome's deadline as dates (from, to, recurrence, not its text), the agencies by registry
// id (parsers/registry.h) and their "as agreed" flags; the act and the publication date; the
// glossary by the ids of its bodies. Titles, intro, names, item and outcome texts, tasks and
// other columns' cells are not compared. An agency the registry does not know has no id to
// compare by: such entries are paired with the other side's unknown entries of the same cell
// in order, and only their "as agreed" flags are compared; likewise glossary entries without
// an id are left out.
enum class DiffMode { versions, translations };
inline constexpr std::array<Named<DiffMode>, 2> kDiffModeNames = {
    {{DiffMode::versions, "versions"}, {DiffMode::translations, "translations"}}};
static_assert(lists_in_order(kDiffModeNames));
constexpr std::string_view diff_mode_name(DiffMode mode) { return name_in(kDiffModeNames, mode); }
// The CLI's and the Python module's --mode; nullopt also for "auto", which names no mode.
constexpr std::optional<DiffMode> diff_mode_from_name(std::string_view name) { return value_named(kDiffModeNames, name); }

// ---- The result --------------------------------------------------------------------------------

// Kinds of an activity change. A matched pair is `moved` when its section changed (other fields
// may have changed too), else `changed` when any field changed (its number may have changed
// too: both numbers are given), else `renumbered` when only its number changed.
enum class ChangeKind { added, removed, changed, moved, renumbered };
inline constexpr std::array<Named<ChangeKind>, 5> kChangeKindNames = {{{ChangeKind::added, "added"},
                                                                       {ChangeKind::removed, "removed"},
                                                                       {ChangeKind::changed, "changed"},
                                                                       {ChangeKind::moved, "moved"},
                                                                       {ChangeKind::renumbered, "renumbered"}}};
static_assert(lists_in_order(kChangeKindNames));
constexpr std::string_view change_kind_name(ChangeKind kind) { return name_in(kChangeKindNames, kind); }

// One run of a word-level diff. JSON writes erase as "delete" (a C++ keyword).
enum class EditOp { equal, insert, erase };
inline constexpr std::array<Named<EditOp>, 3> kEditOpNames = {
    {{EditOp::equal, "equal"}, {EditOp::insert, "insert"}, {EditOp::erase, "delete"}}};
static_assert(lists_in_order(kEditOpNames));
constexpr std::string_view edit_op_name(EditOp op) { return name_in(kEditOpNames, op); }

struct WordEdit {
  EditOp op = EditOp::equal;
  std::string text;  // the run's words joined by single spaces
};

// The words of `old_text` and `new_text` (split on white space: a paragraph break counts as a
// space) aligned by a longest common subsequence; deletions come before insertions in a hunk.
// Adjacent runs are meant to be shown with one space between them.
std::vector<WordEdit> word_diff(std::string_view old_text, std::string_view new_text);

template <class T>
struct Change {
  T old_value;
  T new_value;
};

struct TextDiff {
  std::string old_text;
  std::string new_text;
  std::vector<WordEdit> words;
};

// A list of paragraphs (items, intro) with the word diff of its paragraphs joined.
struct ListDiff {
  std::vector<std::string> old_list;
  std::vector<std::string> new_list;
  std::vector<WordEdit> words;
};

struct DeadlineDiff {
  std::optional<Deadline> old_deadline;
  std::optional<Deadline> new_deadline;
  // new `to` minus old `to` in days, > 0 postponed; null when either `to` is unknown.
  std::optional<long> shift_days;
};

// "postponed by 122 days", "brought forward by 1 day", "same end date".
std::string describe_shift(long days);

// One outcome of a matched activity that was added, removed or changed.
struct OutcomeDiff {
  std::optional<std::size_t> old_index;  // in the old activity's outcomes; null when added
  std::optional<std::size_t> new_index;  // in the new activity's outcomes; null when removed
  std::optional<TextDiff> text;          // set when both sides exist and the text differs
  std::optional<Change<std::optional<std::string>>> task;
  std::optional<DeadlineDiff> deadline;
};

// Agencies are the same entry when they have the same key: the registry id (a body renamed
// between versions is one agency, reworded), else the glossary abbreviation, else the
// case-folded name (or text). A glossary's new name for an abbreviation is a plan-level change
// (an abbreviation entry), not a change of every activity that names the agency.
struct AgenciesDiff {
  std::vector<Agency> added;
  std::vector<Agency> removed;
  std::vector<Agency> as_agreed_gained;  // the new entries that now carry "(as agreed)"
  std::vector<Agency> as_agreed_lost;    // the new entries that no longer do
  std::vector<Change<Agency>> reworded;  // same key and marker, other text or kind
  bool reordered = false;                // the entries both sides share stand in another order
};

struct SectionMove {
  std::optional<std::string> old_number;
  std::optional<std::string> new_number;
  std::optional<std::string> old_title;
  std::optional<std::string> new_title;
};

// One listed activity: added, removed, or a matched pair that differs. Fields are set only when
// they changed; `section` is set exactly for `moved`.
struct ActivityChange {
  ChangeKind kind = ChangeKind::changed;
  std::optional<Activity> old_activity;  // null when added
  std::optional<Activity> new_activity;  // null when removed
  std::optional<TextDiff> name;
  std::optional<ListDiff> items;
  std::vector<OutcomeDiff> outcomes;  // empty when the outcomes did not change
  std::optional<AgenciesDiff> agencies;
  std::optional<SectionMove> section;
  std::optional<Change<std::vector<std::pair<std::string, std::string>>>> extra;
};

// A section heading added, removed, or paired with another title or number.
struct SectionChange {
  std::optional<Section> old_section;  // null when added
  std::optional<Section> new_section;  // null when removed
};

// A glossary entry added, removed, or given another name (keyed by the abbreviation).
struct AbbreviationChange {
  std::optional<Abbreviation> old_entry;
  std::optional<Abbreviation> new_entry;
};

// Where a side came from: the file as given to diff (for a JSON side, the JSON file).
struct DiffSide {
  std::string name;
  std::string sha256;
  // source_format_name of the document, or "json" for a plan read back from its JSON: a set of
  // its own (diff.schema.json), so a string written from the names, not a SourceFormat.
  std::string format;
  std::size_t activities = 0;
  std::string language;  // the plan's, as detected ("en", "ru", "kk"; "" when unknown)
};

struct DiffSummary {
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t changed = 0;
  std::size_t moved = 0;
  std::size_t renumbered = 0;
};

struct PlanDiff {
  DiffMode mode = DiffMode::versions;
  DiffSide old_side;
  DiffSide new_side;
  DiffSummary summary;
  // Plan level; a missing title counts as "".
  std::optional<TextDiff> title;
  std::optional<ListDiff> intro;
  std::optional<Change<std::optional<Act>>> act;
  std::optional<Change<std::optional<std::string>>> published;
  std::vector<SectionChange> sections;
  std::vector<AbbreviationChange> abbreviations;
  // Activity level, in the new plan's order, each removed activity after the activity that
  // preceded it in the old plan.
  std::vector<ActivityChange> changes;
};

// True when anything at all differs (the exit status of `planparse diff`).
bool has_differences(const PlanDiff& diff);

// ---- 1. Load -----------------------------------------------------------------------------------

struct LoadedPlan {
  Plan plan;
  DiffSide side;
};

// Reads `path` ("-" for stdin) as planparse's JSON output when its first non-space character is
// '{' and it parses as JSON; otherwise as a document through the parse pipeline with the
// context's vocabulary and registry (parsers/context.h). JSON is taken as written, except that
// a plan of schema 1.0 (no agency ids) has its agencies linked with the context's registry.
// Failures: those of read_source and parse_source, and not_a_plan for JSON that breaks the plan
// schema (the message names the first violation's pointer).
Result<LoadedPlan> load_plan(const std::string& path, const ParseContext& context = {});

// The same from bytes already in memory; `name` is used as given.
Result<LoadedPlan> load_plan_bytes(std::string name, std::string bytes, const ParseContext& context = {});

// ---- 2. Align ----------------------------------------------------------------------------------

// How alike each old activity is to each new one, in [0, 1] (see the thresholds above), row
// major: [i * new_activities.size() + j]. 1 for identical content. The token weights come from
// both lists, so a pair's score depends on the plans it is compared in.
std::vector<double> similarity_matrix(const std::vector<Activity>& old_activities,
                                      const std::vector<Activity>& new_activities);

// The score of two activities compared on their own: similarity_matrix({a}, {b}), which is
// what diff_plans uses for two one-activity plans.
double activity_similarity(const Activity& a, const Activity& b);

// One step of the alignment: a pair (both set), an added (old null) or a removed (new null).
struct ActivityPair {
  std::optional<std::size_t> old_index;
  std::optional<std::size_t> new_index;
};

// Up to this many old x new pairs (500 x 500) every pair is scored and the pairing is exact;
// above it the alignment is anchored (below), so that time and memory grow about linearly.
inline constexpr std::size_t kMaxExactAlignCells = 500 * 500;

struct AlignOptions {
  std::size_t max_exact_cells = kMaxExactAlignCells;
};

// What an alignment cost, for tests and benchmarks that pin its growth.
struct AlignStats {
  std::size_t comparisons = 0;  // activity pairs scored
  std::size_t anchors = 0;      // anchored: the unique identical name cells paired in order
  bool anchored = false;        // the plans were too large for the exact pairing
};

// Pairs the activities: first the in-order pairs that maximise the total similarity among pairs
// of at least kMatchThreshold (Needleman-Wunsch with free gaps), then the leftover rows by a
// global assignment (Hungarian method) among pairs of at least kMoveThreshold. Every index of
// both plans appears exactly once, in the order PlanDiff::changes uses.
// Above options.max_exact_cells pairs the same steps run on a sparse set of pairs: activities
// whose name cell is unique and identical on both sides anchor the in-order pairing, the rows
// between two anchors are aligned exactly (or, in a long stretch, within a band around its
// diagonal), and leftover rows are compared only with those sharing a rare name word. That
// gives the exact result on ordinary revisions (the tests check it on generated ones) but
// not for every input: see align.cpp.
std::vector<ActivityPair> align_activities(const std::vector<Activity>& old_activities,
                                           const std::vector<Activity>& new_activities,
                                           const AlignOptions& options = {}, AlignStats* stats = nullptr);

// An activity's number as the plan prints it: its label when the number has parts ("2.1"),
// else the number. Two rows numbered 1.1 and 2.1 are different rows, though both are number 1.
std::string printed_number(const Activity& activity);

// Translations of one plan are the same activity by number: in order, so a row missing in one
// translation is `removed` or `added` and the rows after it still pair. The number is the one
// printed (printed_number): 1.1 and 2.1 never pair.
std::vector<ActivityPair> align_by_number(const std::vector<Activity>& old_activities,
                                          const std::vector<Activity>& new_activities);

// ---- 3. Compare --------------------------------------------------------------------------------

// translations when both plans' languages are known and differ; versions otherwise.
DiffMode diff_mode_for(const Plan& old_plan, const Plan& new_plan);

// Everything that differs between the plans, in `mode` (by default diff_mode_for). `source`,
// `language`, `columns`, `diagnostics` and lines are not compared: they describe the file, not
// the plan. The sides come from each plan's `source`, or from the loaded files in the second form.
PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, std::optional<DiffMode> mode = std::nullopt);
PlanDiff diff_plans(const LoadedPlan& old_plan, const LoadedPlan& new_plan, std::optional<DiffMode> mode = std::nullopt);

// ---- 4. Render ---------------------------------------------------------------------------------

// The output formats of `planparse diff --format`; each has one renderer, in report_json.cpp,
// report_text.cpp or report_html.cpp, and its name here is the one the command line takes.
enum class DiffFormat { json, text, html };
std::vector<std::string> diff_format_names();                  // {"json", "text", "html"}
std::optional<DiffFormat> diff_format_named(std::string_view name);  // nullopt for an unknown name

struct RenderOptions {
  bool color = false;  // text: ANSI colours
};

// The diff as JSON, keys in the order of schema/diff.schema.json.
nlohmann::ordered_json diff_to_json(const PlanDiff& diff);

// The diff for a reader: the two file names, a summary line ("27 → 28 activities: 1 added, …"),
// the plan-level changes, then one block per change (renumbered activities summarised in one
// line, in runs: "14–27 → 15–28"). Long unchanged stretches of a word diff are cut to a few
// words of context. Every string from the plans goes through printable_text.
std::string diff_to_text(const PlanDiff& diff, const RenderOptions& options = {});

// `text` safe to print on a terminal: control characters (C0 but the line feed, DEL, C1) and
// the bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which
// could recolour the terminal or make a line read other than it is, written as \uXXXX. The
// text report passes every string from the plans, and the file names, through it.
std::string printable_text(std::string_view text);

// The lines the text and HTML reports share, so that both say the same: the summary
// ("27 → 28 activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered") and the
// renumbered activities in runs that shift by the same amount, in the order of `changes`
// ("14–27 → 15–28, 30 → 29"; empty when none was renumbered).
std::string describe_summary(const PlanDiff& diff);
// For translations, what was compared: "translations en → ru: compared by numbers, dates,
// agency ids and "as agreed" flags, not by wording"; empty for versions.
std::string describe_mode(const PlanDiff& diff);
std::string describe_renumbered(const PlanDiff& diff);

// The diff as one self-contained HTML page (UTF-8, inline CSS, no scripts, nothing fetched),
// readable on screen and printed: the two files with their short sha256, the summary line, the
// plan-level changes, then one block per change with the old and new versions side by side,
// deleted words in <del> on the old side and inserted ones in <ins> on the new, deadlines with
// their shift ("postponed by 184 days"); an added or removed activity whole on its one side;
// renumbered activities in runs as in the text. Every text from the plans is escaped.
std::string diff_to_html(const PlanDiff& diff);

// The diff in `format`, ready to write. JSON is validated against the diff schema first.
// Failures: internal_error when the JSON breaks the schema (a bug; nothing should be written).
Result<std::string> render_diff(const PlanDiff& diff, DiffFormat format, const RenderOptions& options = {});

// The JSON Schema (draft-07) of diff_to_json, as published in schema/diff.schema.json.
std::string_view diff_schema_text();

// Every violation of the diff schema; empty when `document` is valid.
std::vector<SchemaViolation> validate_diff(const nlohmann::json& document);

}  // namespace planparse
