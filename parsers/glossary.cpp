// Stage 5, glossary. See glossary.h.
#include "parsers/glossary.h"

#include <optional>

#include "parsers/agencies.h"
#include "parsers/lookalike.h"
#include "parsers/text.h"

namespace planparse {
namespace {

bool is_lone_dash(std::string_view text) {
  const std::u32string chars = to_u32(trim(text));
  return chars.size() == 1 && is_dash(chars[0]);
}

// "MIA – Ministry of ..." / "MIA - ..." / "MIA: ..." -> {abbr, name}.
std::optional<std::pair<std::string, std::string>> split_entry(std::string_view text) {
  const std::u32string chars = to_u32(text);
  for (size_t i = 1; i + 1 < chars.size(); ++i) {
    const bool dash = is_dash(chars[i]) && chars[i - 1] == U' ' && chars[i + 1] == U' ';
    const bool colon = chars[i] == U':' && chars[i + 1] == U' ';
    if (!dash && !colon) continue;
    const std::string abbr(trim(to_utf8(chars.substr(0, i))));
    const std::string name(trim(to_utf8(chars.substr(i + 1))));
    if (is_abbreviation(abbr) && !name.empty()) return std::make_pair(abbr, name);
    return std::nullopt;  // the first separator decides: names hold dashes of their own
  }
  return std::nullopt;
}

}  // namespace

bool is_glossary_heading(std::string_view paragraph, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(trim(paragraph));
  for (const std::string& heading : vocabulary.phrases("glossary.heading")) {
    if (folded == heading) return true;
  }
  return false;
}

GlossaryResult read_glossary(const std::vector<Paragraph>& paragraphs) {
  GlossaryResult result;
  auto add = [&](std::string abbr, std::string name, int line) {
    const std::string folded = fold_lookalikes(abbr);
    if (folded != abbr) {
      result.diagnostics.push_back({Severity::warning, Code::abbreviation_folded,
                                    "glossary abbreviation \"" + abbr + "\" mixes scripts; read as \"" + folded + "\"",
                                    line});
    }
    result.entries.push_back(Abbreviation{folded, std::move(name), line, std::nullopt});
  };

  size_t i = 0;
  const size_t n = paragraphs.size();
  while (i < n) {
    const Paragraph& paragraph = paragraphs[i];
    if (auto entry = split_entry(paragraph.text)) {
      add(entry->first, entry->second, paragraph.line);
      ++i;
      continue;
    }
    if (!is_abbreviation(paragraph.text)) break;
    // A run of abbreviations, then maybe a run of dashes, then as many names: a table read
    // column by column (or, with a run of one, row by row).
    size_t abbr_end = i;
    while (abbr_end < n && is_abbreviation(paragraphs[abbr_end].text)) ++abbr_end;
    size_t names = abbr_end;
    while (names < n && is_lone_dash(paragraphs[names].text)) ++names;
    const size_t wanted = abbr_end - i;
    size_t taken = 0;
    while (taken < wanted && names + taken < n && !is_abbreviation(paragraphs[names + taken].text) &&
           !is_lone_dash(paragraphs[names + taken].text) && !split_entry(paragraphs[names + taken].text)) {
      ++taken;
    }
    if (taken < wanted) {
      result.diagnostics.push_back({Severity::warning, Code::glossary_mismatch,
                                    std::to_string(wanted) + " abbreviations but " + std::to_string(taken) +
                                        " names follow them; the unpaired ones are left out of the glossary",
                                    paragraphs[i].line});
    }
    for (size_t k = 0; k < taken; ++k) {
      add(paragraphs[i + k].text, paragraphs[names + k].text, paragraphs[i + k].line);
    }
    for (size_t k = taken; k < wanted; ++k) {
      result.diagnostics.push_back({Severity::warning, Code::unclaimed_paragraph,
                                    "glossary abbreviation without a name: " + paragraphs[i + k].text,
                                    paragraphs[i + k].line});
    }
    i = names + taken;
  }
  result.rest.assign(paragraphs.begin() + static_cast<std::ptrdiff_t>(i), paragraphs.end());
  return result;
}

}  // namespace planparse
