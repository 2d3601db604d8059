// Stage 2, blocks. See blocks.h.
#include "parsers/blocks.h"

#include "parsers/text.h"

namespace planparse {

namespace {

// Text copied from a web page sometimes comes with one line per paragraph and no blank lines
// at all; joining its lines would make the whole table one paragraph. When blank-separated
// paragraphs run this many lines long on average, each line is taken as a paragraph.
constexpr size_t kMaxMeanLinesPerParagraph = 4;
// A table copied from a browser puts a row on a line with tabs between the cells, and a cell's
// own line breaks on lines of their own: then too every line is a paragraph.
constexpr size_t kMinTabbedLines = 2;

bool lines_are_paragraphs(const NormalText& text) {
  size_t text_lines = 0;
  size_t paragraphs = 0;
  size_t tabbed = 0;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    const std::string& line = text.lines[i].text;
    if (line.empty()) continue;
    ++text_lines;
    paragraphs += i == 0 || text.lines[i - 1].text.empty();
    tabbed += line.find('\t') != std::string::npos;
  }
  return tabbed >= kMinTabbedLines || (paragraphs > 0 && text_lines > kMaxMeanLinesPerParagraph * paragraphs);
}

}  // namespace

Blocks split_paragraphs(const NormalText& text) {
  Blocks blocks;
  const bool line_per_paragraph = lines_are_paragraphs(text);
  bool open = false;  // the last paragraph may take the next line
  for (const Line& line : text.lines) {
    if (line.text.empty()) {
      open = false;
      continue;
    }
    if (line_per_paragraph || line.text.find('\t') != std::string::npos) {
      // Each tab-separated cell is a paragraph of its own, on the line of its row.
      for (std::string_view cell : split(line.text, '\t')) {
        if (!cell.empty()) blocks.paragraphs.push_back(Paragraph{std::string(cell), line.number});
      }
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
