// Stage 4, fields: the agency cell. Splits a list such as
//   "MIA, GPO (as agreed), NCE “Atameken” / JSC «Kazpost» and other central bodies"
// into entries, reads the "(as agreed)" markers as data, and tells abbreviations, written-out
// names and groups apart. Commas, semicolons, slashes and conjunctions split outside quotes and
// brackets only; a legal-form word ("АО", "«…» АҚ", "РГП на ПХВ") makes a written-out name,
// never an abbreviation. Expanding the abbreviations is resolve's job. Marker, group,
// conjunction and legal-form words come from the vocabulary. Tested by test_agencies.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

struct AgencyList {
  // abbr holds the abbreviation as written (resolve replaces it with the glossary's form);
  // name holds a written-out name or a group's words; null for abbreviations until resolve.
  std::vector<Agency> agencies;
  // Entries that could not be read, as written or described: an empty entry between commas,
  // the whole cell when a bracket is unbalanced, an entry whose quote mark never closes (it
  // hides nothing and the entries around it are still read), a legal form with no name.
  std::vector<std::string> unparsed;
  // Entries holding letters of a script other than Latin and Cyrillic (the fields stage
  // reports each as a foreign-script warning at the cell's line).
  struct ForeignScript {
    std::string text;                   // the entry as written
    std::string script;                 // "Greek"
    std::optional<std::string> read_as; // its Latin look-alike, when it reads as an abbreviation ("MIA")
  };
  std::vector<ForeignScript> foreign;
};

// `defined`: the abbreviations the document's glossary spells out, when known. A legal-form word
// alone ("АО", "ҚБ") names no one, unless the glossary defines it: then it is that abbreviation.
AgencyList split_agencies(std::string_view cell, const Vocabulary& vocabulary,
                          const std::unordered_set<std::string>* defined = nullptr);

// True when `paragraph` ends inside a bracket or quote that `next` closes: "МВД (по" then
// "согласованию)", a marker broken over a line in a copy that made each line (or each <br>) a
// paragraph. The fields stage joins the two with a space before splitting the list.
bool continues_in(std::string_view paragraph, std::string_view next);

// True when `next`, the paragraph after `paragraph` in one agency cell, goes on the entry that
// `paragraph` ends, in a copy that made each line a paragraph: `paragraph` ends in a word no
// entry ends with (vocabulary wrap.join: "управление транспорта и" / "дорог области"), or `next`
// starts in lower case, names no body and the entry before it is open, as after a comma inside
// a name ("акиматы районов" / "городов областного значения"). The fields stage joins the two
// with a space.
bool continues_entry(std::string_view paragraph, std::string_view next, const Vocabulary& vocabulary);

// True when `text` is an "(as agreed)" marker alone: a phrase of the vocabulary
// (marker.as_agreed), or a bracket whose words say "by agreement" in another wording
// (marker.word among marker.filler: "(if agreed)", "(по согл.)").
bool is_marker(std::string_view text, const Vocabulary& vocabulary);

// True when the paragraph reads as an agency list rather than prose: its entries are mostly
// abbreviations or carry an "(as agreed)" marker. Used by the table stage to classify paragraphs.
bool looks_like_agency_list(std::string_view paragraph, const Vocabulary& vocabulary);

// True when every entry of the cell names a body: an abbreviation, a group, a legal entity, a
// marked entry, or words holding an agency's head noun (vocabulary agency.head: "Отдел ЖКХ",
// "Ministry of Finance", "аудан әкімдігі"). Weaker evidence than looks_like_agency_list, which
// must tell an agency list from prose in any cell: this one is asked only of a column whose
// header names nothing, where the rows decide (table.h).
bool names_bodies(std::string_view cell, const Vocabulary& vocabulary);

// An abbreviation token: one word of 2-15 letters (Latin or Cyrillic, digits and "-" or "&"
// allowed) with at least two capitals that make at least half of its letters ("MIA", "МВД",
// "MDDIAI", "АСПР"; not "Order", not "RK-based"). A letter of another script counts as the
// Latin capital it looks like (Greek "ΜΙΑ" is one; resolve folds it to the glossary's "MIA").
bool is_abbreviation(std::string_view token);

}  // namespace planparse
