// Stage 7, link: every agency of the plan, and every glossary entry, linked to a stable id in the
// registry of government bodies (parsers/registry/agencies.tsv, compiled in), so that plans in
// other languages or of other years name the same body with the same id. The registry never
// decides what is shown: names and abbreviations stay the document's own.
//
// A body is found by its name only: the glossary's name for an abbreviation, else the name as
// written. An abbreviation alone is not enough: "SC" is the Supreme Court in one plan and a
// state corporation in the next, "ME" the Ministry of Energy or of Education. Names are
// compared word by word (see names_match); abbreviations of the document's glossary inside a
// written-out name ("Academy of Justice under the SC") are read as the glossary's names first.
// Tested by test_registry.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"
#include "schema/plan.h"

namespace planparse {

struct RegistryName {
  std::string language;  // "en", "ru", "kk"
  std::string abbr;      // empty when none is usual
  std::string name;
  bool former = false;   // a name no longer in use
  int line = 0;          // in the registry file
  std::vector<std::string> words;  // the name as compared: folded, short forms expanded
};

struct RegistryBody {
  std::string id;
  std::string kind;  // "body" or "group", as Agency::kind reads "agency" or "group"
  std::vector<RegistryName> names;
};

struct Registry {
  std::vector<RegistryBody> bodies;
  // Short forms expanded before comparing ("RK" -> "Republic of Kazakhstan"): folded short form,
  // then the folded words of its expansion.
  std::vector<std::pair<std::string, std::vector<std::string>>> shorthands;
  std::vector<std::string> ignored;  // folded words left out of every comparison ("the", "other")
};

// Parses a registry file (the format is described at the top of parsers/registry/agencies.tsv).
// Failures: invalid_vocabulary naming the line of a malformed row, an unknown kind, language or
// status, a malformed id, or an id given two kinds.
Result<Registry> parse_registry(std::string_view tsv);

// The embedded registry. Built once; a malformed embedded file is a build defect caught by the
// tests.
const Registry& builtin_registry();

// A registry file read from disk in place of the embedded one (`planparse parse --registry`).
// Failures: io_error, and those of parse_registry with the path in the message.
Result<Registry> load_registry_file(const std::string& path);

// The words a name is compared by: case-folded runs of letters and digits (quotes, dashes and
// punctuation separate words), the registry's short forms expanded, its ignored words left out.
std::vector<std::string> comparison_words(const Registry& registry, std::string_view name);

// Whether two words are the same word for a name: equal; or one a prefix of the other, at least
// three letters long ("Health"/"Healthcare", "Суд"/"Суде"); or sharing all but the last two
// letters of the shorter, at least four ("национальной"/"национальные": Russian and Kazakh
// names are inflected in running text); or, both at least six letters long, one letter apart
// ("Comission"/"Commission"). The registry test checks that no two bodies' names match under
// these rules, so tolerance cannot link a name to the wrong body of the registry.
bool words_match(std::string_view a, std::string_view b);

// True when two word lists have the same length and match word by word.
bool names_match(const std::vector<std::string>& a, const std::vector<std::string>& b);

// The first body (in file order) with a name matching `name`; null when none does.
const RegistryBody* find_body(const Registry& registry, std::string_view name);

// Sets Agency::id of every agency and Abbreviation::id of every glossary entry of `plan` that the
// registry knows. A written-out name has the plan's glossary abbreviations in it expanded first.
void link_agencies(Plan& plan, const Registry& registry);

}  // namespace planparse
