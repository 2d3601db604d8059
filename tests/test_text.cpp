// The Unicode helpers every stage leans on: case folding and word-boundary prefixes.
#include <catch2/catch.hpp>

#include "parsers/text.h"

using namespace planparse;

TEST_CASE("a prefix of words ends at a word boundary, in any script", "[text]") {
  CHECK(starts_with_words("other bodies", "other"));
  CHECK_FALSE(starts_with_words("otherwise", "other"));
  CHECK(starts_with_words("no. 5", "no."));
  // A Cyrillic prefix ends in a letter too: "басқа да" is no prefix of "басқа дамыту".
  CHECK(starts_with_words("басқа да органдар", "басқа да"));
  CHECK_FALSE(starts_with_words("басқа дамыту", "басқа да"));
  CHECK_FALSE(starts_with_words("другиеи", "другие"));
}

TEST_CASE("case folding covers Cyrillic and Kazakh letters", "[text]") {
  CHECK(fold_case("ДО КОНЦА") == "до конца");
  CHECK(fold_case("ҚАЗАҚСТАН") == "қазақстан");
  CHECK(fold_case("Agencies") == "agencies");
}

TEST_CASE("a row number loses the one stop or bracket that closes it, nothing more", "[text]") {
  CHECK(without_number_end("12.") == "12");
  CHECK(without_number_end("IV)") == "IV");
  CHECK(without_number_end("1.2.") == "1.2");
  CHECK(without_number_end("7..") == "7.");
  CHECK(without_number_end("12") == "12");
  CHECK(without_number_end("") == "");
}
