// Diff, step 2a: the measures behind the alignments, shared by align.cpp and compare.cpp (the
// public API is diff/diff.h): word tokens, the Dice coefficient, and the in-order pairing of two
// sequences by a score. Tested through test_diff.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

}  // namespace planparse::diff_detail
