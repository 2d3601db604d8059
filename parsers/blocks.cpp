// Stage 2, blocks. See blocks.h.
#include "parsers/blocks.h"

namespace planparse {

Blocks split_paragraphs(const NormalText& text) {
  Blocks blocks;
  bool open = false;
  for (const Line& line : text.lines) {
    if (line.text.empty()) {
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
