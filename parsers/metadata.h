// Stage 8, metadata: the adopting act's date and number from the intro ("dated April 28, 2022
// No. 258"), the publication date from the footer ("Дата публикации" + "28 апреля 2022") or,
// when the document's text has none, from the page around it (its footer, a <time datetime>,
// a date <meta>), and the document's language. Words come from the vocabulary (act.*,
// published, month.*); the act-number pattern is compiled once per vocabulary (vocabulary.h
// Compiled). Tested by test_metadata.cpp, and its memory by test_memory.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/blocks.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// The adopting act's "<date> <No.> <number>" among the paragraphs whose date is a whole day, in
// any word order the deadline grammar reads ("dated April 28, 2022 No. 258", "от 28 апреля 2022
// года № 258", "2022 жылғы 28 сәуірдегі № 258"): the last one, references to other acts coming
// first ("Pursuant to the Decree dated ...", the plan's own act last). An act a citation governs
// ("В соответствии с Законом … № 339 «О ветеринарии»", "… № 319 Заңына сәйкес") is never the
// plan's, even when it comes last, nor one that amended the plan later ("(с изменениями,
// внесенными … № 240)"): nullopt when only such acts are named. An adoption word ("the
// Government adopted", "Утвержден", "… қаулысымен бекітілген") ends a citation's reach
// (vocabulary act.*). The day may stand in quotes ("от «5» марта"), a numeric date's month be a
// Roman numeral ("5.III.2026"), and the number hold letters, slashes and words in capitals
// ("№ ҚР ДСМ-27", "№ 04-1/123"), ending at the first word, quote, bracket or comma not its own.
std::optional<Act> find_act(const std::vector<Paragraph>& intro, const Vocabulary& vocabulary);

struct Footer {
  std::optional<std::string> published;
  std::vector<Paragraph> unclaimed;  // footer paragraphs that are not the publication date
};

// Reads the paragraphs after the table and glossary.
// Takes the paragraphs by value: the unclaimed ones move into the Footer (a page of stray
// paragraphs is not copied).
Footer read_footer(std::vector<Paragraph> paragraphs, const Vocabulary& vocabulary);

// The publication date a page carries outside its document (PageMetadata, from the HTML
// reader): a footer paragraph holding the published words anywhere ("… Publication date of
// this page: 28 April 2022") with a day in the few words after them or in the next paragraph;
// else the first stamp that reads as one day: ISO "2025-04-28", with or without a time part
// ("2025-04-28T09:30:00+05:00" is the 28th as published, whatever the zone), or any day the
// deadline grammar reads. nullopt when none does.
std::optional<std::string> page_published(const PageMetadata& page, const Vocabulary& vocabulary);

// "2025-04-28" and "2025-04-28T10:00:00Z" / "2025-04-28 10:00" -> "2025-04-28"; nullopt for
// anything else, an impossible day (2025-02-30) included.
std::optional<std::string> read_iso_day(std::string_view text, const Vocabulary& vocabulary = builtin_vocabulary());

// The language of the table's text ("en", "ru", "kk"): the script (Latin or Cyrillic) first,
// then, among the vocabularies of that script, the one whose frequent words (language.word)
// and own letters (language.letters: Kazakh's ә ғ қ ң ө ұ ү һ і) the text shows most.
std::string detect_language(const std::vector<std::string>& texts, const Vocabulary& vocabulary);

}  // namespace planparse
