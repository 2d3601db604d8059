// Diff, step 2a: word tokens, activity similarity and the in-order pairing. External interface:
// similarity_matrix, activity_similarity (diff/diff.h) and diff/similarity.h. Tested by
// test_diff.cpp.
#include "diff/similarity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <unicode/uchar.h>

#include "diff/diff.h"
#include "parsers/text.h"

namespace planparse {
namespace diff_detail {

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  const std::u32string folded = to_u32(fold_case(text));
  std::u32string word;
  auto flush = [&] {
    if (!word.empty()) tokens.push_back(to_utf8(word));
    word.clear();
  };
  for (const char32_t c : folded) {
    if (is_letter(c) || u_isdigit(static_cast<UChar32>(c))) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

std::vector<std::pair<std::size_t, std::size_t>> align_in_order(
    std::size_t n, std::size_t m, const std::function<double(std::size_t, std::size_t)>& score, double threshold) {
  // best[i][j]: the most total score pairing among the first i old and the first j new rows.
  const std::size_t width = m + 1;
  std::vector<double> best((n + 1) * width, 0.0);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      double value = std::max(best[(i - 1) * width + j], best[i * width + j - 1]);
      const double s = score(i - 1, j - 1);
      if (s >= threshold) value = std::max(value, best[(i - 1) * width + j - 1] + s);
      best[i * width + j] = value;
    }
  }
  // Walking back from the end, a gap is taken whenever it loses nothing, so of two equal
  // pairings the one that pairs the earlier rows is kept. The slack absorbs the rounding of
  // sums added up in different orders.
  constexpr double kSlack = 1e-9;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 && j > 0) {
    const double here = best[i * width + j];
    if (best[(i - 1) * width + j] >= here - kSlack) {
      --i;
    } else if (best[i * width + j - 1] >= here - kSlack) {
      --j;
    } else {
      pairs.emplace_back(i - 1, j - 1);
      --i, --j;
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<std::pair<std::size_t, std::size_t>> align_in_band(
    std::size_t n, std::size_t m, const std::function<double(std::size_t, std::size_t)>& score, double threshold,
    std::size_t half_width) {
  if (n == 0 || m == 0) return {};
  // Row i holds the columns [lo[i], hi[i]], stored from at[i]. Each row's band reaches back
  // to the one before it (the slope term), so every cell in a band is reached by a path that
  // stays inside; cells outside are unreachable (minus infinity).
  const std::size_t slope = (m + n - 1) / n;
  std::vector<std::size_t> lo(n + 1);
  std::vector<std::size_t> hi(n + 1);
  std::vector<std::size_t> at(n + 2, 0);
  for (std::size_t i = 0; i <= n; ++i) {
    const std::size_t center = i * m / n;
    lo[i] = center > half_width ? center - half_width : 0;
    hi[i] = std::min(m, center + half_width + slope);
    at[i + 1] = at[i] + (hi[i] - lo[i] + 1);
  }
  constexpr double kUnreachable = -std::numeric_limits<double>::infinity();
  std::vector<double> best(at[n + 1], 0.0);
  const auto get = [&](std::size_t i, std::size_t j) {
    return j < lo[i] || j > hi[i] ? kUnreachable : best[at[i] + (j - lo[i])];
  };
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = std::max<std::size_t>(lo[i], 1); j <= hi[i]; ++j) {
      double value = std::max(get(i - 1, j), get(i, j - 1));
      const double diagonal = get(i - 1, j - 1);
      if (diagonal != kUnreachable) {
        const double s = score(i - 1, j - 1);
        if (s >= threshold) value = std::max(value, diagonal + s);
      }
      best[at[i] + (j - lo[i])] = value;
    }
  }
  constexpr double kSlack = 1e-9;  // as in align_in_order
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 && j > 0) {
    const double here = get(i, j);
    if (get(i - 1, j) >= here - kSlack) {
      --i;
    } else if (get(i, j - 1) >= here - kSlack) {
      --j;
    } else {
      pairs.emplace_back(i - 1, j - 1);
      --i, --j;
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace diff_detail

namespace {

// The three parts of diff.h, in the order of kPartWeights.
enum Part { kName, kOutcomes, kAgencies, kParts };
constexpr double kPartWeights[kParts] = {kNameWeight, kOutcomesWeight, kAgenciesWeight};

// An activity's tokens per part, numbered (numbers compare faster than strings), sorted.
using Profile = std::array<std::vector<int>, kParts>;

// The agency key of diff.h: the glossary abbreviation, else the folded name (or text). The
// prefixes keep an abbreviation apart from a written-out name that happens to spell it.
std::vector<std::string> agency_keys(const Activity& activity) {
  std::vector<std::string> keys;
  for (const Agency& agency : activity.agencies) {
    keys.push_back(agency.abbr ? "abbr:" + *agency.abbr : "name:" + fold_case(agency.name ? *agency.name : agency.text));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

class Corpus {
 public:
  void add(const Activity& activity, Profile& profile) {
    std::string name = activity.name;
    for (const std::string& item : activity.items) name += "\n" + item;
    std::string outcomes;
    for (const Outcome& outcome : activity.outcomes) outcomes += outcome.text + "\n";
    number(kName, diff_detail::word_tokens(name), profile[kName]);
    number(kOutcomes, diff_detail::word_tokens(outcomes), profile[kOutcomes]);
    number(kAgencies, agency_keys(activity), profile[kAgencies]);
    ++documents_;
  }

  // Inverse document frequency, smoothed: ln(1 + N / df), N the activities of both plans, df
  // those whose part holds the token. A word every row has still counts a little (ln 2).
  void weigh() {
    for (int part = 0; part < kParts; ++part) {
      weights_[part].resize(frequency_[part].size());
      for (std::size_t id = 0; id < frequency_[part].size(); ++id) {
        weights_[part][id] = std::log(1.0 + static_cast<double>(documents_) / frequency_[part][id]);
      }
    }
  }

  double weight(int part, int id) const { return weights_[part][static_cast<std::size_t>(id)]; }
  std::size_t tokens(int part) const { return weights_[part].size(); }

 private:
  void number(int part, const std::vector<std::string>& tokens, std::vector<int>& out) {
    for (const std::string& token : tokens) {
      const auto [at, fresh] = ids_[part].emplace(token, static_cast<int>(ids_[part].size()));
      if (fresh) frequency_[part].push_back(0.0);
      ++frequency_[part][static_cast<std::size_t>(at->second)];
      out.push_back(at->second);
    }
    std::sort(out.begin(), out.end());
  }

  std::unordered_map<std::string, int> ids_[kParts];
  std::vector<double> frequency_[kParts];
  std::vector<double> weights_[kParts];
  std::size_t documents_ = 0;
};

}  // namespace

std::vector<double> similarity_matrix(const std::vector<Activity>& old_activities,
                                      const std::vector<Activity>& new_activities) {
  const std::size_t n = old_activities.size();
  const std::size_t m = new_activities.size();
  Corpus corpus;
  std::vector<Profile> old_profiles(n);
  std::vector<Profile> new_profiles(m);
  for (std::size_t i = 0; i < n; ++i) corpus.add(old_activities[i], old_profiles[i]);
  for (std::size_t j = 0; j < m; ++j) corpus.add(new_activities[j], new_profiles[j]);
  corpus.weigh();

  // Weighted Dice per part, 2 w(A ∩ B) / (w(A) + w(B)). The shared weight w(A ∩ B) of one new
  // row with every old row is summed through the old rows' postings (token -> rows holding it),
  // which touches only pairs that share a token instead of merging every pair's token lists.
  std::vector<double> old_total[kParts];
  std::vector<std::vector<std::size_t>> postings[kParts];
  for (int part = 0; part < kParts; ++part) {
    old_total[part].assign(n, 0.0);
    postings[part].resize(corpus.tokens(part));
    for (std::size_t i = 0; i < n; ++i) {
      for (const int id : old_profiles[i][part]) {
        old_total[part][i] += corpus.weight(part, id);
        postings[part][static_cast<std::size_t>(id)].push_back(i);
      }
    }
  }
  std::vector<double> matrix(n * m, 0.0);
  std::vector<double> shared[kParts];
  for (std::size_t j = 0; j < m; ++j) {
    double new_total[kParts] = {0.0, 0.0, 0.0};
    for (int part = 0; part < kParts; ++part) {
      shared[part].assign(n, 0.0);
      for (const int id : new_profiles[j][part]) {
        const double w = corpus.weight(part, id);
        new_total[part] += w;
        for (const std::size_t i : postings[part][static_cast<std::size_t>(id)]) shared[part][i] += w;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      // A part empty on both sides is left out, and the other parts' weights scaled up.
      double total = 0.0;
      double weights = 0.0;
      for (int part = 0; part < kParts; ++part) {
        const double sum = old_total[part][i] + new_total[part];
        if (sum == 0.0) continue;
        total += kPartWeights[part] * 2.0 * shared[part][i] / sum;
        weights += kPartWeights[part];
      }
      matrix[i * m + j] = weights > 0.0 ? total / weights : 1.0;
    }
  }
  return matrix;
}

namespace diff_detail {

ActivityScorer::ActivityScorer(const std::vector<Activity>& olds, const std::vector<Activity>& news)
    : olds_(olds.size()), news_(news.size()) {
  static_assert(kParts == ::planparse::kParts);
  Corpus corpus;
  std::vector<Profile> old_profiles(olds.size());
  std::vector<Profile> new_profiles(news.size());
  for (std::size_t i = 0; i < olds.size(); ++i) corpus.add(olds[i], old_profiles[i]);
  for (std::size_t j = 0; j < news.size(); ++j) corpus.add(news[j], new_profiles[j]);
  corpus.weigh();
  for (int part = 0; part < kParts; ++part) {
    weights_[part].resize(corpus.tokens(part));
    for (std::size_t id = 0; id < weights_[part].size(); ++id) weights_[part][id] = corpus.weight(part, static_cast<int>(id));
  }
  // Totals summed over the sorted ids, as similarity_matrix sums them.
  const auto fill = [&](std::vector<Row>& rows, std::vector<Profile>& profiles) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (int part = 0; part < kParts; ++part) {
        for (const int id : profiles[r][part]) rows[r].total[part] += weights_[part][static_cast<std::size_t>(id)];
        rows[r].tokens[part] = std::move(profiles[r][part]);
      }
    }
  };
  fill(olds_, old_profiles);
  fill(news_, new_profiles);
}

double ActivityScorer::score(std::size_t i, std::size_t j) const {
  const Row& a = olds_[i];
  const Row& b = news_[j];
  double total = 0.0;
  double weights = 0.0;
  for (int part = 0; part < kParts; ++part) {
    const double sum = a.total[part] + b.total[part];
    if (sum == 0.0) continue;
    // The shared weight added in increasing id order: the order similarity_matrix adds it in.
    double shared = 0.0;
    const std::vector<int>& x = a.tokens[part];
    const std::vector<int>& y = b.tokens[part];
    for (std::size_t p = 0, q = 0; p < x.size() && q < y.size();) {
      if (x[p] < y[q]) {
        ++p;
      } else if (y[q] < x[p]) {
        ++q;
      } else {
        shared += weights_[part][static_cast<std::size_t>(x[p])];
        ++p, ++q;
      }
    }
    total += kPartWeights[part] * 2.0 * shared / sum;
    weights += kPartWeights[part];
  }
  return weights > 0.0 ? total / weights : 1.0;
}

}  // namespace diff_detail

double activity_similarity(const Activity& a, const Activity& b) { return similarity_matrix({a}, {b}).front(); }

}  // namespace planparse
