// fields: agency lists split into entries, markers read, groups and written-out names told apart.
#include <catch2/catch.hpp>

#include "parsers/agencies.h"

using namespace planparse;

namespace {
// One line per entry: "text|kind|abbr|name|agreed".
std::vector<std::string> dump(std::string_view cell) {
  std::vector<std::string> out;
  for (const Agency& a : split_agencies(cell, builtin_vocabulary()).agencies) {
    out.push_back(a.text + "|" + a.kind + "|" + a.abbr.value_or("-") + "|" + a.name.value_or("-") + "|" +
                  (a.as_agreed ? "agreed" : ""));
  }
  return out;
}
}  // namespace

TEST_CASE("an agency list splits on commas and reads the as-agreed marker", "[agencies]") {
  CHECK(dump("MIA, GPO (as agreed), MEAS") ==
        std::vector<std::string>{"MIA|agency|MIA|-|", "GPO (as agreed)|agency|GPO|-|agreed", "MEAS|agency|MEAS|-|"});
}

TEST_CASE("the Russian marker is read as well", "[agencies]") {
  CHECK(dump("МВД, ГП (по согласованию)") ==
        std::vector<std::string>{"МВД|agency|МВД|-|", "ГП (по согласованию)|agency|ГП|-|agreed"});
}

TEST_CASE("a group phrase after 'and' is one group entry that keeps its inner 'and'", "[agencies]") {
  CHECK(dump("MJ and other interested government agencies and organizations") ==
        std::vector<std::string>{"MJ|agency|MJ|-|",
                                 "and other interested government agencies and organizations|group|-|other interested "
                                 "government agencies and organizations|"});
}

TEST_CASE("group phrases are groups wherever they stand", "[agencies]") {
  CHECK(dump("MIPD, and other central bodies, quasi-state organizations") ==
        std::vector<std::string>{"MIPD|agency|MIPD|-|", "and other central bodies|group|-|other central bodies|",
                                 "quasi-state organizations|group|-|quasi-state organizations|"});
}

TEST_CASE("'and' between two abbreviations splits them", "[agencies]") {
  CHECK(dump("MIA and MJ (as agreed)") == std::vector<std::string>{"MIA|agency|MIA|-|", "MJ (as agreed)|agency|MJ|-|agreed"});
}

TEST_CASE("a chain of abbreviations joined by 'and' splits at every 'and'", "[agencies]") {
  CHECK(dump("MFN and MAG and NBR") == std::vector<std::string>{"MFN|agency|MFN|-|", "MAG|agency|MAG|-|", "NBR|agency|NBR|-|"});
  CHECK(dump("MFN and MAG and other interested government agencies") ==
        std::vector<std::string>{"MFN|agency|MFN|-|", "MAG|agency|MAG|-|",
                                 "and other interested government agencies|group|-|other interested government agencies|"});
  CHECK(dump("МВР (по согласованию) и МОП и другие заинтересованные организации") ==
        std::vector<std::string>{"МВР (по согласованию)|agency|МВР|-|agreed", "МОП|agency|МОП|-|",
                                 "и другие заинтересованные организации|group|-|другие заинтересованные организации|"});
  // Two groups joined: each is a group, the conjunction with the second.
  CHECK(dump("MF and other central bodies and quasi-state organizations") ==
        std::vector<std::string>{"MF|agency|MF|-|", "and other central bodies|group|-|other central bodies|",
                                 "and quasi-state organizations|group|-|quasi-state organizations|"});
  // A written-out name in the chain stops it: "Academy of Justice" is no abbreviation.
  CHECK(dump("MJ and Academy of Justice and MIA").size() == 1);
}

TEST_CASE("a written-out name keeps its own 'and' and has no abbreviation", "[agencies]") {
  CHECK(dump("Ministry of Labor and Social Protection, Academy of Justice under the SC (as agreed)") ==
        std::vector<std::string>{"Ministry of Labor and Social Protection|agency|-|Ministry of Labor and Social Protection|",
                                 "Academy of Justice under the SC (as agreed)|agency|-|Academy of Justice under the SC|agreed"});
}

TEST_CASE("an abbreviation with a quoted proper name is that abbreviation", "[agencies]") {
  CHECK(dump("NCE “Atameken”, JSC «Kazpost» (as agreed)") ==
        std::vector<std::string>{"NCE “Atameken”|agency|NCE|-|", "JSC «Kazpost» (as agreed)|agency|JSC|-|agreed"});
}

TEST_CASE("a group phrase with commas inside is one entry", "[agencies]") {
  CHECK(dump("МНЭ, акиматы областей, городов Астаны, Алматы и Шымкента (по согласованию), МФ") ==
        std::vector<std::string>{
            "МНЭ|agency|МНЭ|-|",
            "акиматы областей, городов Астаны, Алматы и Шымкента (по согласованию)|group|-|акиматы областей, городов "
            "Астаны, Алматы и Шымкента|agreed",
            "МФ|agency|МФ|-|"});
}

TEST_CASE("Kazakh markers, groups and 'және' are read; a quoted name may come before the abbreviation", "[agencies]") {
  CHECK(dump("ІІМ, БП (келісім бойынша), «Атамекен» ҰКП (келісім бойынша), ӘМ және мүдделі мемлекеттік органдар") ==
        std::vector<std::string>{"ІІМ|agency|ІІМ|-|", "БП (келісім бойынша)|agency|БП|-|agreed",
                                 "«Атамекен» ҰКП (келісім бойынша)|agency|ҰКП|-|agreed", "ӘМ|agency|ӘМ|-|",
                                 "және мүдделі мемлекеттік органдар|group|-|мүдделі мемлекеттік органдар|"});
}

TEST_CASE("'и' splits two Russian abbreviations but not a written-out name", "[agencies]") {
  CHECK(dump("МФ и МНЭ") == std::vector<std::string>{"МФ|agency|МФ|-|", "МНЭ|agency|МНЭ|-|"});
  CHECK(dump("Министерство труда и социальной защиты населения") ==
        std::vector<std::string>{"Министерство труда и социальной защиты населения|agency|-|Министерство труда и "
                                 "социальной защиты населения|"});
}

TEST_CASE("every English marker form is read", "[agencies]") {
  CHECK(dump("MIA (upon agreement), MJ (by agreement), MF (as agreed)") ==
        std::vector<std::string>{"MIA (upon agreement)|agency|MIA|-|agreed", "MJ (by agreement)|agency|MJ|-|agreed",
                                 "MF (as agreed)|agency|MF|-|agreed"});
}

TEST_CASE("a comma inside brackets or quotes does not split", "[agencies]") {
  CHECK(dump("NCE “Atameken, Chamber”, MIA").size() == 2);
}

TEST_CASE("an empty entry between commas is reported, not kept", "[agencies]") {
  const AgencyList list = split_agencies("MIA, , MJ", builtin_vocabulary());
  CHECK(list.agencies.size() == 2);
  CHECK(list.unparsed.size() == 1);
}

TEST_CASE("an unbalanced bracket makes the list unparsed", "[agencies]") {
  CHECK_FALSE(split_agencies("MIA, GPO (as agreed", builtin_vocabulary()).unparsed.empty());
}

TEST_CASE("abbreviation tokens are short capitalised words in Latin or Cyrillic", "[agencies]") {
  for (const char* yes : {"MIA", "MDDIAI", "АСПР", "МEGNR", "МA", "NCWAFDP", "A&B", "NAO-2"}) {
    INFO(yes);
    CHECK(is_abbreviation(yes));
  }
  for (const char* no : {"Order", "M", "mia", "Draft Law", "2022", "MIA,", "VERYLONGABBREVIATIONX", "MinJust"}) {
    INFO(no);
    CHECK_FALSE(is_abbreviation(no));
  }
}

TEST_CASE("agency lists are told from prose", "[agencies]") {
  const Vocabulary& v = builtin_vocabulary();
  CHECK(looks_like_agency_list("MIA, GPO (as agreed), MEAS, MLSP", v));
  CHECK(looks_like_agency_list("MIPD", v));
  CHECK(looks_like_agency_list("Comission on Human Rights under the President of RK (as agreed)", v));
  CHECK_FALSE(looks_like_agency_list("Proposal to the Presidential Administration", v));
  CHECK_FALSE(looks_like_agency_list("Submitting proposals to the IMC on humanitarian law and human rights", v));
  CHECK_FALSE(looks_like_agency_list("Draft Law", v));
  CHECK_FALSE(looks_like_agency_list("Information to the MDDI", v));
}
