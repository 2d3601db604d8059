// Diff, step 2a: the measures behind the alignments, shared by align.cpp and compare.cpp (the
// public API is diff/diff.h): word tokens, the Dice coefficient, and the in-order pairing of two
// sequences by a score. Tested through test_diff.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/plan.h"

namespace planparse::diff_detail {

// The distinct case-folded runs of letters and digits of `text`, sorted:
// "Draft Law (2022)" -> {"2022", "draft", "law"}.
std::vector<std::string> word_tokens(std::string_view text);

// 2|A ∩ B| / (|A| + |B|) of two sorted sets of distinct elements; 1 when both are empty.
template <class T>
double dice(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// The pairs (i, j), i < n, j < m, increasing in both, whose scores are all at least `threshold`
// and add up to the most (Needleman-Wunsch with free gaps). On a tie the earlier pairing of
// the old side wins, so equal rows pair in order. O(n m) time and memory.
std::vector<std::pair<std::size_t, std::size_t>> align_in_order(
    std::size_t n, std::size_t m, const std::function<double(std::size_t, std::size_t)>& score, double threshold);

// align_in_order within a band around the diagonal from (0, 0) to (n, m): row i may pair
// only with the columns within `half_width` (plus the diagonal's slope) of i * m / n. The same
// tie rule; equal to align_in_order when the band covers the whole table, and O((n + m) *
// half_width) time and memory. Pairs far off the diagonal are not found: the anchored
// alignment (align.cpp) leaves them to the out-of-order pass. `comparisons` counts the scores
// taken.
std::vector<std::pair<std::size_t, std::size_t>> align_in_band(
    std::size_t n, std::size_t m, const std::function<double(std::size_t, std::size_t)>& score, double threshold,
    std::size_t half_width);

// The similarity of any old row with any new row on demand, equal to bit for bit
// similarity_matrix(olds, news)[i * m + j] (the same token weights over both plans, the same
// sums in the same order), without the n x m table: for plans too large to score every pair.
class ActivityScorer {
 public:
  ActivityScorer(const std::vector<Activity>& olds, const std::vector<Activity>& news);
  double score(std::size_t i, std::size_t j) const;

  // The name-cell tokens of a row, as sorted ids (the same id for the same token on both
  // sides), for finding which rows may be alike without scoring every pair.
  const std::vector<int>& old_name_tokens(std::size_t i) const { return olds_[i].tokens[0]; }
  const std::vector<int>& new_name_tokens(std::size_t j) const { return news_[j].tokens[0]; }
  std::size_t name_token_ids() const { return weights_[0].size(); }

 private:
  static constexpr int kParts = 3;  // name, outcomes, agencies, as in similarity.cpp
  struct Row {
    std::array<std::vector<int>, kParts> tokens;
    std::array<double, kParts> total{};
  };
  std::vector<Row> olds_;
  std::vector<Row> news_;
  std::array<std::vector<double>, kParts> weights_;
};

}  // namespace planparse::diff_detail
