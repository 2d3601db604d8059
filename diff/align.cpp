// Diff, step 2: pairing the activities of two plans by content. External interface:
// align_activities (diff/diff.h). Tested by test_diff.cpp.
//   a. similarity of every old row with every new row (similarity.cpp)
//   b. the in-order pairs: the monotone pairing of most total similarity (align_in_order), so
//      an insertion leaves every later row paired with itself, only renumbered
//   c. the leftover rows: a global assignment (Hungarian method) among pairs alike enough to be
//      one activity that moved past others
//   d. the order of the result: new rows in order, each removed row after its old predecessor
// align_by_number pairs translations of one plan, whose rows are the same by number.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <tuple>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "diff/similarity.h"

namespace planparse {
namespace {

// Above this many leftover rows on the smaller side, the O(k^3) assignment gives way to a
// greedy one (best pair first). A plan revision moves a handful of rows, not hundreds.
constexpr std::size_t kMaxAssignmentRows = 400;

// The assignment of most total weight between rows (size r) and cols (size c), r <= c, as
// col_of_row; weights <= 0 mean "not a pair". The Hungarian method on costs -weight, after
// e-maxx's O(r^2 c) formulation with potentials.
std::vector<std::optional<std::size_t>> hungarian(const std::vector<std::vector<double>>& weight, std::size_t cols) {
  const std::size_t rows = weight.size();
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<double> u(rows + 1, 0.0);
  std::vector<double> v(cols + 1, 0.0);
  std::vector<std::size_t> row_of_col(cols + 1, 0);  // 1-based rows, 0 = none
  std::vector<std::size_t> way(cols + 1, 0);
  for (std::size_t row = 1; row <= rows; ++row) {
    row_of_col[0] = row;
    std::size_t col0 = 0;
    std::vector<double> min_v(cols + 1, kInfinity);
    std::vector<bool> used(cols + 1, false);
    do {
      used[col0] = true;
      const std::size_t row0 = row_of_col[col0];
      double delta = kInfinity;
      std::size_t col1 = 0;
      for (std::size_t col = 1; col <= cols; ++col) {
        if (used[col]) continue;
        const double cost = -std::max(0.0, weight[row0 - 1][col - 1]) - u[row0] - v[col];
        if (cost < min_v[col]) {
          min_v[col] = cost;
          way[col] = col0;
        }
        if (min_v[col] < delta) {
          delta = min_v[col];
          col1 = col;
        }
      }
      for (std::size_t col = 0; col <= cols; ++col) {
        if (used[col]) {
          u[row_of_col[col]] += delta;
          v[col] -= delta;
        } else {
          min_v[col] -= delta;
        }
      }
      col0 = col1;
    } while (row_of_col[col0] != 0);
    do {
      const std::size_t col1 = way[col0];
      row_of_col[col0] = row_of_col[col1];
      col0 = col1;
    } while (col0 != 0);
  }
  std::vector<std::optional<std::size_t>> col_of_row(rows);
  for (std::size_t col = 1; col <= cols; ++col) {
    if (row_of_col[col] != 0 && weight[row_of_col[col] - 1][col - 1] > 0.0) col_of_row[row_of_col[col] - 1] = col - 1;
  }
  return col_of_row;
}

// Pairs among `olds` x `news` (indices into the plans) of weight similarity >= kMoveThreshold
// with the most total similarity.
using Similarity = std::function<double(std::size_t, std::size_t)>;

std::vector<std::pair<std::size_t, std::size_t>> assign(const std::vector<std::size_t>& olds,
                                                        const std::vector<std::size_t>& news,
                                                        const Similarity& similarity, std::size_t n, std::size_t m) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (olds.empty() || news.empty()) return pairs;
  auto weight_of = [&](std::size_t i, std::size_t j) {
    const double s = similarity(i, j);
    return s >= kMoveThreshold ? s : 0.0;
  };
  if (std::min(olds.size(), news.size()) > kMaxAssignmentRows) {
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    for (std::size_t i : olds) {
      for (std::size_t j : news) {
        if (weight_of(i, j) > 0.0) candidates.emplace_back(-weight_of(i, j), i, j);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<bool> old_taken(n, false);
    std::vector<bool> new_taken(m, false);
    for (const auto& [negative, i, j] : candidates) {
      if (old_taken[i] || new_taken[j]) continue;
      old_taken[i] = new_taken[j] = true;
      pairs.emplace_back(i, j);
    }
    return pairs;
  }
  // The method wants no more rows than columns: transpose when the old side is longer.
  const bool transposed = olds.size() > news.size();
  const std::vector<std::size_t>& rows = transposed ? news : olds;
  const std::vector<std::size_t>& cols = transposed ? olds : news;
  std::vector<std::vector<double>> weight(rows.size(), std::vector<double>(cols.size(), 0.0));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      weight[r][c] = transposed ? weight_of(cols[c], rows[r]) : weight_of(rows[r], cols[c]);
    }
  }
  const std::vector<std::optional<std::size_t>> col_of_row = hungarian(weight, cols.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (!col_of_row[r]) continue;
    if (transposed) {
      pairs.emplace_back(cols[*col_of_row[r]], rows[r]);
    } else {
      pairs.emplace_back(rows[r], cols[*col_of_row[r]]);
    }
  }
  return pairs;
}

// d. Order: a new row's key is (j, 0); a removed row goes right after the new row paired in
// order with its nearest old predecessor, key (that j, 1, i), or first of all (-1).
std::vector<ActivityPair> in_new_order(const std::vector<std::optional<std::size_t>>& new_of_old,
                                       const std::vector<std::optional<std::size_t>>& old_of_new,
                                       const std::vector<bool>& in_order) {
  struct Keyed {
    long anchor;
    int rank;
    std::size_t index;
    ActivityPair pair;
  };
  std::vector<Keyed> keyed;
  for (std::size_t j = 0; j < old_of_new.size(); ++j) keyed.push_back({static_cast<long>(j), 0, j, {old_of_new[j], j}});
  long anchor = -1;
  for (std::size_t i = 0; i < new_of_old.size(); ++i) {
    if (in_order[i]) {
      anchor = static_cast<long>(*new_of_old[i]);
    } else if (!new_of_old[i]) {
      keyed.push_back({anchor, 1, i, {i, std::nullopt}});
    }
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.anchor, a.rank, a.index) < std::tie(b.anchor, b.rank, b.index);
  });
  std::vector<ActivityPair> pairs;
  pairs.reserve(keyed.size());
  for (const Keyed& k : keyed) pairs.push_back(k.pair);
  return pairs;
}

std::vector<ActivityPair> align_exact(const std::vector<Activity>& old_activities,
                                      const std::vector<Activity>& new_activities);

}  // namespace

std::string printed_number(const Activity& activity) {
  return activity.label ? *activity.label : std::to_string(activity.number);
}

std::vector<ActivityPair> align_by_number(const std::vector<Activity>& old_activities,
                                          const std::vector<Activity>& new_activities) {
  std::vector<std::optional<std::size_t>> new_of_old(old_activities.size());
  std::vector<std::optional<std::size_t>> old_of_new(new_activities.size());
  std::vector<bool> in_order(old_activities.size(), false);
  const auto same_number = [&](std::size_t i, std::size_t j) {
    return printed_number(old_activities[i]) == printed_number(new_activities[j]) ? 1.0 : 0.0;
  };
  for (const auto& [i, j] : diff_detail::align_in_order(old_activities.size(), new_activities.size(), same_number, 1.0)) {
    new_of_old[i] = j;
    old_of_new[j] = i;
    in_order[i] = true;
  }
  return in_new_order(new_of_old, old_of_new, in_order);
}

namespace {

std::vector<ActivityPair> align_exact(const std::vector<Activity>& old_activities,
                                      const std::vector<Activity>& new_activities) {
  const std::size_t n = old_activities.size();
  const std::size_t m = new_activities.size();

  // a. Every pair's similarity, once.
  const std::vector<double> similarity = similarity_matrix(old_activities, new_activities);

  // b. In order.
  std::vector<std::optional<std::size_t>> new_of_old(n);
  std::vector<std::optional<std::size_t>> old_of_new(m);
  std::vector<bool> in_order(n, false);
  const auto ordered = diff_detail::align_in_order(
      n, m, [&](std::size_t i, std::size_t j) { return similarity[i * m + j]; }, kMatchThreshold);
  for (const auto& [i, j] : ordered) {
    new_of_old[i] = j;
    old_of_new[j] = i;
    in_order[i] = true;
  }

  // c. Out of order.
  std::vector<std::size_t> olds_left;
  std::vector<std::size_t> news_left;
  for (std::size_t i = 0; i < n; ++i) {
    if (!new_of_old[i]) olds_left.push_back(i);
  }
  for (std::size_t j = 0; j < m; ++j) {
    if (!old_of_new[j]) news_left.push_back(j);
  }
  const auto similar = [&](std::size_t i, std::size_t j) { return similarity[i * m + j]; };
  for (const auto& [i, j] : assign(olds_left, news_left, similar, n, m)) {
    new_of_old[i] = j;
    old_of_new[j] = i;
  }

  return in_new_order(new_of_old, old_of_new, in_order);
}

// ---- Plans too large to score every pair ------------------------------------------------------
// The exact alignment scores all n x m pairs and fills an n x m table: 8,000 rows a side is
// 64 million cells, half a gigabyte each. Above AlignOptions::max_exact_cells the same steps
// run on a sparse set of pairs instead:
//   b1. anchors: rows whose name cell is unique on each side and identical across them, alike
//       enough to pair, the longest chain of them in order on both sides (longest increasing
//       subsequence). An edit touches few rows, so anchors are most of the plan.
//   b2. between two anchors, the rows left are aligned in order as in the exact method; a
//       stretch too large for that is aligned within a band around its diagonal
//       (diff_detail::align_in_band).
//   c.  the leftover rows: every pair is scored when they make no more pairs than the plans
//       have rows; otherwise a new row only with the old rows that have its name cell or hold
//       its rarest name words (about kCandidateBudget rows), among which a row that kept its
//       name always is. Then the assignment as in the exact method, or greedy.
// The result equals the exact method's whenever the exact pairing keeps every anchor and its
// in-order pairs stay in the band, which holds for ordinary revisions; it is not guaranteed in
// general (a plan whose rows are all rewritten or shuffled may pair fewer rows).

constexpr std::size_t kBandHalfWidth = 64;
// Leftover old rows scored against one leftover new row, at most (about).
constexpr std::size_t kCandidateBudget = 128;
// The Hungarian method costs rows^2 * cols; above this the greedy assignment is used.
constexpr double kMaxAssignmentWork = 5e7;

// The name cell as the key of an anchor: its paragraphs as published.
std::string name_cell(const Activity& activity) {
  std::string cell = activity.name;
  for (const std::string& item : activity.items) cell += "\n" + item;
  return cell;
}

// Pairs (i, j) with unique identical name cells, in order of i, whose j increase longest.
std::vector<std::pair<std::size_t, std::size_t>> anchors(const std::vector<Activity>& olds,
                                                         const std::vector<Activity>& news,
                                                         const std::function<double(std::size_t, std::size_t)>& score) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  constexpr std::size_t kMany = static_cast<std::size_t>(-2);
  struct Seen {
    std::size_t old_index = kNone;
    std::size_t new_index = kNone;
  };
  std::unordered_map<std::string, Seen> seen;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    Seen& entry = seen[name_cell(olds[i])];
    entry.old_index = entry.old_index == kNone ? i : kMany;
  }
  for (std::size_t j = 0; j < news.size(); ++j) {
    auto found = seen.find(name_cell(news[j]));
    if (found != seen.end()) found->second.new_index = found->second.new_index == kNone ? j : kMany;
  }
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  for (const auto& [key, entry] : seen) {
    if (entry.old_index >= kMany || entry.new_index >= kMany) continue;
    if (score(entry.old_index, entry.new_index) >= kMatchThreshold) candidates.emplace_back(entry.old_index, entry.new_index);
  }
  std::sort(candidates.begin(), candidates.end());
  // Longest strictly increasing run of j: tails[k] is the candidate ending the best run of
  // length k + 1 found so far, back[c] its predecessor.
  std::vector<std::size_t> tails;
  std::vector<std::size_t> back(candidates.size(), kNone);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), c, [&](std::size_t t, std::size_t) {
      return candidates[t].second < candidates[c].second;
    });
    if (at != tails.begin()) back[c] = *(at - 1);
    if (at == tails.end()) {
      tails.push_back(c);
    } else {
      *at = c;
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> chain;
  for (std::size_t c = tails.empty() ? kNone : tails.back(); c != kNone; c = back[c]) chain.push_back(candidates[c]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// c. with only the candidate pairs scored: (weight, old, new), weight >= kMoveThreshold.
std::vector<std::pair<std::size_t, std::size_t>> assign_candidates(
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates, std::size_t n, std::size_t m) {
  std::vector<std::size_t> olds;
  std::vector<std::size_t> news;
  std::unordered_map<std::size_t, double> weight;  // i * m + j
  for (const auto& [w, i, j] : candidates) {
    olds.push_back(i);
    news.push_back(j);
    weight[i * m + j] = w;
  }
  for (std::vector<std::size_t>* side : {&olds, &news}) {
    std::sort(side->begin(), side->end());
    side->erase(std::unique(side->begin(), side->end()), side->end());
  }
  const double rows = static_cast<double>(std::min(olds.size(), news.size()));
  const double cols = static_cast<double>(std::max(olds.size(), news.size()));
  if (rows <= static_cast<double>(kMaxAssignmentRows) && rows * rows * cols <= kMaxAssignmentWork) {
    const auto similarity = [&](std::size_t i, std::size_t j) {
      const auto found = weight.find(i * m + j);
      return found == weight.end() ? 0.0 : found->second;
    };
    return assign(olds, news, similarity, n, m);
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (auto& [w, i, j] : candidates) w = -w;
  std::sort(candidates.begin(), candidates.end());
  std::vector<bool> old_taken(n, false);
  std::vector<bool> new_taken(m, false);
  for (const auto& [negative, i, j] : candidates) {
    if (old_taken[i] || new_taken[j]) continue;
    old_taken[i] = new_taken[j] = true;
    pairs.emplace_back(i, j);
  }
  return pairs;
}

std::vector<ActivityPair> align_anchored(const std::vector<Activity>& old_activities,
                                         const std::vector<Activity>& new_activities, const AlignOptions& options,
                                         AlignStats& stats) {
  const std::size_t n = old_activities.size();
  const std::size_t m = new_activities.size();
  const diff_detail::ActivityScorer scorer(old_activities, new_activities);
  const auto score = [&](std::size_t i, std::size_t j) {
    ++stats.comparisons;
    return scorer.score(i, j);
  };

  std::vector<std::optional<std::size_t>> new_of_old(n);
  std::vector<std::optional<std::size_t>> old_of_new(m);
  std::vector<bool> in_order(n, false);
  const auto pair_in_order = [&](std::size_t i, std::size_t j) {
    new_of_old[i] = j;
    old_of_new[j] = i;
    in_order[i] = true;
  };

  // b1, b2. Anchors, and the stretches between them (the last one ends at (n, m)).
  std::vector<std::pair<std::size_t, std::size_t>> chain = anchors(old_activities, new_activities, score);
  stats.anchors = chain.size();
  chain.emplace_back(n, m);
  std::size_t i0 = 0;
  std::size_t j0 = 0;
  for (const auto& [i1, j1] : chain) {
    const std::size_t rows = i1 - i0;
    const std::size_t cols = j1 - j0;
    const auto local = [&](std::size_t i, std::size_t j) { return score(i0 + i, j0 + j); };
    const auto stretch = rows * cols <= options.max_exact_cells
                             ? diff_detail::align_in_order(rows, cols, local, kMatchThreshold)
                             : diff_detail::align_in_band(rows, cols, local, kMatchThreshold, kBandHalfWidth);
    for (const auto& [i, j] : stretch) pair_in_order(i0 + i, j0 + j);
    if (i1 < n) pair_in_order(i1, j1);
    i0 = i1 + 1;
    j0 = j1 + 1;
  }

  // c. Out of order.
  std::vector<std::size_t> olds_left;
  std::vector<std::size_t> news_left;
  for (std::size_t i = 0; i < n; ++i) {
    if (!new_of_old[i]) olds_left.push_back(i);
  }
  for (std::size_t j = 0; j < m; ++j) {
    if (!old_of_new[j]) news_left.push_back(j);
  }
  std::vector<std::pair<std::size_t, std::size_t>> moved;
  if (olds_left.size() * news_left.size() <= std::min(options.max_exact_cells, n + m)) {
    // Few enough to score every pair, once, as the exact method does, for a cost linear in
    // the plans' sizes.
    std::unordered_map<std::size_t, double> scored;
    for (const std::size_t i : olds_left) {
      for (const std::size_t j : news_left) scored[i * m + j] = score(i, j);
    }
    moved = assign(olds_left, news_left, [&](std::size_t i, std::size_t j) { return scored.at(i * m + j); }, n, m);
  } else {
    std::vector<std::vector<std::size_t>> postings(scorer.name_token_ids());
    std::unordered_multimap<std::string, std::size_t> by_name;
    for (const std::size_t i : olds_left) {
      for (const int id : scorer.old_name_tokens(i)) postings[static_cast<std::size_t>(id)].push_back(i);
      by_name.emplace(name_cell(old_activities[i]), i);
    }
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    std::vector<std::size_t> stamp(n, static_cast<std::size_t>(-1));
    std::vector<const std::vector<std::size_t>*> rarest;
    for (const std::size_t j : news_left) {
      std::size_t tried = 0;
      const auto consider = [&](std::size_t i) {
        if (stamp[i] == j) return;
        stamp[i] = j;
        ++tried;
        const double s = score(i, j);
        if (s >= kMoveThreshold) candidates.emplace_back(s, i, j);
      };
      // Rows that kept their name cell first, then those holding the row's rarest name words,
      // a word's rows at a time while they fit the budget (the rarest word's always).
      const auto same = by_name.equal_range(name_cell(new_activities[j]));
      for (auto at = same.first; at != same.second && tried < kCandidateBudget; ++at) consider(at->second);
      rarest.clear();
      for (const int id : scorer.new_name_tokens(j)) {
        const std::vector<std::size_t>& rows = postings[static_cast<std::size_t>(id)];
        if (!rows.empty()) rarest.push_back(&rows);
      }
      std::sort(rarest.begin(), rarest.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });
      for (std::size_t k = 0; k < rarest.size(); ++k) {
        if (k > 0 && tried + rarest[k]->size() > kCandidateBudget) break;
        for (std::size_t r = 0; r < rarest[k]->size() && (k > 0 || r < kCandidateBudget); ++r) consider((*rarest[k])[r]);
      }
    }
    moved = assign_candidates(std::move(candidates), n, m);
  }
  for (const auto& [i, j] : moved) {
    new_of_old[i] = j;
    old_of_new[j] = i;
  }
  return in_new_order(new_of_old, old_of_new, in_order);
}

}  // namespace

std::vector<ActivityPair> align_activities(const std::vector<Activity>& old_activities,
                                           const std::vector<Activity>& new_activities, const AlignOptions& options,
                                           AlignStats* stats) {
  AlignStats local;
  AlignStats& counted = stats ? *stats : local;
  counted = AlignStats{};
  const std::size_t cells = old_activities.size() * new_activities.size();
  if (cells <= options.max_exact_cells) {
    counted.comparisons = cells;
    return align_exact(old_activities, new_activities);
  }
  counted.anchored = true;
  return align_anchored(old_activities, new_activities, options, counted);
}

}  // namespace planparse
