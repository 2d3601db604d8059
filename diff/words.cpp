// Diff: the word-level diff of two texts (names, items, outcome texts, titles). External
// interface: word_diff (diff/diff.h). Tested by test_diff.cpp.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff.h"

namespace planparse {
namespace {

// Beyond this many cells (old words x new words, after the common ends are cut) the texts are
// too far apart for a word diff to help a reader: the whole middle is deleted and inserted.
// A name cell of 300 words against one of 300 is 90,000 cells; this allows ~2,000 x 2,000.
constexpr std::size_t kMaxWordDiffCells = 4'000'000;

// Words split on ASCII white space: the normalise stage has made every space ASCII, and a
// paragraph break ('\n') separates words like a space.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

void append(std::vector<WordEdit>& edits, EditOp op, std::string_view word) {
  if (!edits.empty() && edits.back().op == op) {
    edits.back().text += ' ';
    edits.back().text += word;
  } else {
    edits.push_back(WordEdit{op, std::string(word)});
  }
}

}  // namespace

std::vector<WordEdit> word_diff(std::string_view old_text, std::string_view new_text) {
  const std::vector<std::string_view> a = words_of(old_text);
  const std::vector<std::string_view> b = words_of(new_text);
  // The common ends cost nothing and usually make up most of an edited name.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail;
  const std::size_t m = b.size() - head - tail;

  std::vector<WordEdit> edits;
  for (std::size_t k = 0; k < head; ++k) append(edits, EditOp::equal, a[k]);
  if (n * m > kMaxWordDiffCells) {
    for (std::size_t i = 0; i < n; ++i) append(edits, EditOp::erase, a[head + i]);
    for (std::size_t j = 0; j < m; ++j) append(edits, EditOp::insert, b[head + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of the middles' suffixes a[i..], b[j..]; walking
    // forwards then puts a hunk's deletions before its insertions.
    const std::size_t width = m + 1;
    std::vector<std::uint32_t> lcs((n + 1) * width, 0);
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i * width + j] = a[head + i] == b[head + j]
                                 ? lcs[(i + 1) * width + j + 1] + 1
                                 : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        append(edits, EditOp::equal, a[head + i]);
        ++i, ++j;
      } else if (j == m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
        append(edits, EditOp::erase, a[head + i]);
        ++i;
      } else {
        append(edits, EditOp::insert, b[head + j]);
        ++j;
      }
    }
  }
  for (std::size_t k = a.size() - tail; k < a.size(); ++k) append(edits, EditOp::equal, a[k]);
  return edits;
}

}  // namespace planparse
