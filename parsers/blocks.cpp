// Stage 2, blocks. See blocks.h.
#include "parsers/blocks.h"

namespace planparse {

namespace {
// Text copied from a web page sometimes comes with one line per paragraph and no blank lines
// at all; joining its lines would make the whole table one paragraph. When blank-separated
// paragraphs run this many lines long on average, each line is taken as a paragraph.
constexpr size_t kMaxMeanLinesPerParagraph = 4;
}  // namespace

Blocks split_paragraphs(const NormalText& text) {
  Blocks blocks;
  bool open = false;
  size_t text_lines = 0;
  for (const Line& line : text.lines) text_lines += !line.text.empty();
  size_t blank_runs = 0;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    const bool starts_paragraph = !text.lines[i].text.empty() && (i == 0 || text.lines[i - 1].text.empty());
    blank_runs += starts_paragraph;
  }
  const bool line_per_paragraph = blank_runs > 0 && text_lines > kMaxMeanLinesPerParagraph * blank_runs;
  for (const Line& line : text.lines) {
    if (line.text.empty() || line_per_paragraph) {
      if (line_per_paragraph && !line.text.empty()) blocks.paragraphs.push_back(Paragraph{line.text, line.number});
      open = false;
      continue;
    }
    if (open) {
      blocks.paragraphs.back().text += ' ';
      blocks.paragraphs.back().text += line.text;
    } else {
      blocks.paragraphs.push_back(Paragraph{line.text, line.number});
      open = true;
    }
  }
  return blocks;
}

}  // namespace planparse
