// Resolve, step: look-alike letters. Abbreviations copied between Russian and English texts
// pick up Cyrillic letters that look Latin ("МEGNR" with a Cyrillic М) or stay Russian
// ("АСПР" for ASPR). ICU's confusable skeletons (uspoof) and transliterator fold them.
// Tested by test_resolve.cpp.
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

}  // namespace planparse
