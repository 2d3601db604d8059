// libFuzzer target: one cell's text through the field readers: deadline, agency list,
// paragraph classification, and the glossary over its lines.
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/agencies.h"
#include "parsers/align.h"
#include "parsers/blocks.h"
#include "parsers/deadline.h"
#include "parsers/glossary.h"
#include "parsers/normalise.h"
#include "parsers/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = planparse::normalise_fragment(std::string_view(reinterpret_cast<const char*>(data), size));
  const planparse::Vocabulary& vocabulary = planparse::builtin_vocabulary();
  (void)planparse::parse_deadline(text, vocabulary);
  (void)planparse::split_agencies(text, vocabulary);
  (void)planparse::classify_paragraph(text, vocabulary);
  const planparse::Blocks blocks =
      planparse::split_paragraphs(planparse::normalise(std::string_view(reinterpret_cast<const char*>(data), size)));
  (void)planparse::read_glossary(blocks.paragraphs);
  return 0;
}
