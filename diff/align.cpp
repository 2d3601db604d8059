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
#include <limits>
#include <optional>
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
std::vector<std::pair<std::size_t, std::size_t>> assign(const std::vector<std::size_t>& olds,
                                                        const std::vector<std::size_t>& news,
                                                        const std::vector<double>& similarity, std::size_t width) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (olds.empty() || news.empty()) return pairs;
  auto weight_of = [&](std::size_t i, std::size_t j) {
    const double s = similarity[i * width + j];
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
    std::vector<bool> old_taken(width == 0 ? 0 : similarity.size() / width, false);
    std::vector<bool> new_taken(width, false);
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

}  // namespace

std::vector<ActivityPair> align_by_number(const std::vector<Activity>& old_activities,
                                          const std::vector<Activity>& new_activities) {
  std::vector<std::optional<std::size_t>> new_of_old(old_activities.size());
  std::vector<std::optional<std::size_t>> old_of_new(new_activities.size());
  std::vector<bool> in_order(old_activities.size(), false);
  const auto same_number = [&](std::size_t i, std::size_t j) {
    return old_activities[i].number == new_activities[j].number ? 1.0 : 0.0;
  };
  for (const auto& [i, j] : diff_detail::align_in_order(old_activities.size(), new_activities.size(), same_number, 1.0)) {
    new_of_old[i] = j;
    old_of_new[j] = i;
    in_order[i] = true;
  }
  return in_new_order(new_of_old, old_of_new, in_order);
}

std::vector<ActivityPair> align_activities(const std::vector<Activity>& old_activities,
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
  for (const auto& [i, j] : assign(olds_left, news_left, similarity, m)) {
    new_of_old[i] = j;
    old_of_new[j] = i;
  }

  return in_new_order(new_of_old, old_of_new, in_order);
}

}  // namespace planparse
