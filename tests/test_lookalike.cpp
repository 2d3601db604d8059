// resolve, step look-alike letters: letters of other scripts than Latin and Cyrillic found and,
// where they look like Latin capitals, folded to them.
#include <catch2/catch.hpp>

#include "parsers/lookalike.h"
#include "parsers/resolve.h"

using namespace planparse;

TEST_CASE("Latin and Cyrillic text has no foreign script", "[lookalike]") {
  for (const char* text : {"MIA", "МВД", "Қазақтелеком АҚ", "МEGNR", "«Atameken» (as agreed) – 2024", ""}) {
    INFO(text);
    CHECK(foreign_script(text).empty());
  }
}

TEST_CASE("the first letter of another script names its script", "[lookalike]") {
  CHECK(foreign_script("ΜΙΑ") == "Greek");
  CHECK(foreign_script("MJ and Երևան") == "Armenian");
  CHECK(foreign_script("Ministry of Ιnternal Affairs") == "Greek");
}

TEST_CASE("Greek capitals that look Latin fold to the Latin capitals", "[lookalike]") {
  CHECK(latin_lookalike(U'Μ') == U'M');
  CHECK(latin_lookalike(U'Ι') == U'I');
  CHECK(latin_lookalike(U'Α') == U'A');
  CHECK(latin_lookalike(U'Δ') == 0);
  CHECK(latin_lookalike(U'M') == 0);  // Latin and Cyrillic letters are not foreign
  CHECK(latin_lookalike(U'М') == 0);
  CHECK(fold_foreign_lookalikes("ΜΙΑ") == "MIA");
  CHECK(fold_foreign_lookalikes("ΔΣΦ") == "ΔΣΦ");
}

TEST_CASE("a Greek look-alike abbreviation finds the glossary's Latin one by look-alike letters", "[lookalike]") {
  const GlossaryIndex index = index_glossary({Abbreviation{"MIA", "Ministry of Internal Affairs", 1, std::nullopt}});
  const Resolution found = find_abbreviation(index, "ΜΙΑ");
  REQUIRE(found.entry != nullptr);
  CHECK(found.entry->abbr == "MIA");
  CHECK_FALSE(found.how.empty());
}
