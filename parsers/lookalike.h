// Resolve, step: look-alike letters. Abbreviations copied between Russian and English texts
// pick up Cyrillic letters that look Latin ("МEGNR" with a Cyrillic М) or stay Russian
// ("АСПР" for ASPR), and now and then Greek capitals that look Latin ("ΜΙΑ"). ICU's
// confusable skeletons (uspoof) and transliterator fold them. Tested by test_lookalike.cpp
// and test_glossary.cpp.
#pragma once

#include <string>
#include <string_view>

namespace planparse {

// Replaces letters of the minority script by their look-alikes in the majority script
// ("МEGNR" -> "MEGNR"; "MВД" -> "МВД"); a tie goes to Latin. Unchanged when the word is in
// one script or a letter has no single-letter look-alike.
std::string fold_lookalikes(std::string_view word);

// ICU's confusable skeleton (UTS #39): equal skeletons look alike.
std::string confusable_skeleton(std::string_view word);

// Cyrillic (and any other script) transliterated to Latin ASCII, upper-cased: "АСПР" -> "ASPR".
std::string latin_transliteration(std::string_view word);

// Plans of the genre are written in Latin and Cyrillic letters only; a letter of any other
// script is a copying accident (a Greek "Μ" typed for "M") or a foreign word.

// The first script other than Latin and Cyrillic whose letters `text` holds, by its ICU name
// ("Greek", "Armenian"); empty when there is none.
std::string foreign_script(std::string_view text);

// The Latin capital that a letter of another script looks like (Greek "Μ" -> U'M', "Ι" -> U'I'),
// or 0 when it looks like none; also 0 for Latin and Cyrillic letters themselves.
char32_t latin_lookalike(char32_t c);

// `word` with each letter of another script that has a Latin look-alike replaced by it
// ("ΜΙΑ" -> "MIA"); letters without one stay as written.
std::string fold_foreign_lookalikes(std::string_view word);

}  // namespace planparse
