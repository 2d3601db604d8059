// Stage 7, metadata: the adopting act's date and number from the intro ("dated April 28, 2022
// No. 258"), the publication date from the footer ("Дата публикации" + "28 апреля 2022"), and
// the document's language. Words come from the vocabulary (act.*, published, month.*).
// Tested by test_metadata.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// The last "<date> <No.> <number>" of the paragraphs whose date is a whole day, in any word
// order the deadline grammar reads ("dated April 28, 2022 No. 258", "от 28 апреля 2022 года
// № 258", "2022 жылғы 28 сәуірдегі № 258"): references to earlier acts come first ("Pursuant
// to the Decree dated ..."), the plan's own act last.
std::optional<Act> find_act(const std::vector<Paragraph>& intro, const Vocabulary& vocabulary);

struct Footer {
  std::optional<std::string> published;
  std::vector<Paragraph> unclaimed;  // footer paragraphs that are not the publication date
};

// Reads the paragraphs after the table and glossary.
Footer read_footer(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary);

// The language of the table's text ("en", "ru", "kk"): the script (Latin or Cyrillic) first,
// then, among the vocabularies of that script, the one whose frequent words (language.word)
// and own letters (language.letters: Kazakh's ә ғ қ ң ө ұ ү һ і) the text shows most.
std::string detect_language(const std::vector<std::string>& texts, const Vocabulary& vocabulary);

}  // namespace planparse
