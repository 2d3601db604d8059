// Stage 6, resolve. See resolve.h.
#include "parsers/resolve.h"

#include "parsers/lookalike.h"

namespace planparse {

GlossaryIndex index_glossary(std::vector<Abbreviation> entries) {
  GlossaryIndex index;
  index.entries = std::move(entries);
  for (size_t i = 0; i < index.entries.size(); ++i) {
    const std::string& abbr = index.entries[i].abbr;
    index.exact.emplace(abbr, i);  // the first definition wins, as a reader would take it
    index.skeleton.emplace(confusable_skeleton(abbr), i);
    index.latin.emplace(latin_transliteration(abbr), i);
  }
  return index;
}

Resolution find_abbreviation(const GlossaryIndex& index, std::string_view abbr) {
  const std::string key(abbr);
  if (auto it = index.exact.find(key); it != index.exact.end()) return {&index.entries[it->second], ""};
  if (auto it = index.skeleton.find(confusable_skeleton(abbr)); it != index.skeleton.end())
    return {&index.entries[it->second], "look-alike letters"};
  if (auto it = index.latin.find(latin_transliteration(abbr)); it != index.latin.end())
    return {&index.entries[it->second], "transliteration"};
  return {};
}

void resolve_agencies(std::vector<Agency>& agencies, int line, const GlossaryIndex& index,
                      std::vector<Diagnostic>& diagnostics) {
  for (Agency& agency : agencies) {
    // An entry written word for word as a glossary abbreviation is that abbreviation, whatever its
    // shape: a short name ("Минздрав", "MinFin") or one of several words ("ГУ МЧС", "УФНС России").
    if (!agency.abbr && agency.kind == AgencyKind::agency && agency.name) {
      if (auto it = index.exact.find(*agency.name); it != index.exact.end()) {
        agency.abbr = index.entries[it->second].abbr;
        agency.name = index.entries[it->second].name;
      }
      continue;
    }
    if (!agency.abbr) continue;
    // "УФНС России" reads as the abbreviation "УФНС" with a place after it; the glossary may
    // define the whole ("УФНС России – …"), the words before any bracket (a marker).
    const std::string_view whole = std::string_view(agency.text).substr(0, agency.text.find(" ("));
    if (whole.size() > agency.abbr->size()) {
      if (auto it = index.exact.find(std::string(whole)); it != index.exact.end()) {
        agency.abbr = index.entries[it->second].abbr;
        agency.name = index.entries[it->second].name;
        continue;
      }
    }
    const Resolution found = find_abbreviation(index, *agency.abbr);
    // "NGOs" where the glossary defines "NGO": the English plural of an abbreviation names bodies
    // of that kind, a group.
    if (found.entry == nullptr && !agency.name && agency.abbr->size() > 2 && agency.abbr->back() == 's') {
      const std::string_view singular = std::string_view(*agency.abbr).substr(0, agency.abbr->size() - 1);
      if (auto it = index.exact.find(std::string(singular)); it != index.exact.end()) {
        agency.abbr = index.entries[it->second].abbr;
        agency.name = index.entries[it->second].name;
        agency.kind = AgencyKind::group;
        continue;
      }
    }
    // An entry that gives its own abbreviation ("Ministry of Energy (ME)") defines it.
    if (found.entry == nullptr && agency.name) continue;
    if (found.entry == nullptr) {
      diagnostics.push_back({Severity::warning, Code::unknown_abbreviation,
                             "abbreviation \"" + *agency.abbr + "\" is not in the document's glossary", line});
      continue;
    }
    if (!found.how.empty()) {
      diagnostics.push_back({Severity::warning, Code::abbreviation_folded,
                             "\"" + *agency.abbr + "\" read as \"" + found.entry->abbr + "\" by " + std::string(found.how),
                             line});
    }
    agency.abbr = found.entry->abbr;
    agency.name = found.entry->name;
  }
}

}  // namespace planparse
