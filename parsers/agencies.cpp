// Stage 4, fields: agency lists. See agencies.h.
#include "parsers/agencies.h"

#include <algorithm>
#include <optional>

#include "parsers/text.h"

namespace planparse {
namespace {

// Longer than any abbreviation with its quoted proper name and marker ("NCE “Atameken” (as
// agreed)"): such a stretch is no abbreviation entry.
constexpr size_t kMaxAbbreviationEntry = 300;
// Bytes of an entry enough to tell a group by its first words (the longest group phrase is
// shorter; the rest only shows the word boundary).
constexpr size_t kGroupLookahead = 400;

bool is_open_quote(char32_t c) { return c == U'“' || c == U'"' || c == U'«' || c == U'„' || c == U'\'' || c == U'‘'; }
bool is_close_quote(char32_t c) { return c == U'”' || c == U'"' || c == U'»' || c == U'“' || c == U'\'' || c == U'’'; }

// Splits on commas and semicolons outside brackets and quotes. Returns nullopt-like empty
// pieces as they are so that the caller can report them.
std::vector<std::string> split_top_level(std::string_view cell, bool* balanced) {
  std::vector<std::string> pieces;
  const std::u32string chars = to_u32(cell);
  std::u32string current;
  int depth = 0;
  bool in_quote = false;
  for (char32_t c : chars) {
    if (c == U'(' || c == U'[') ++depth;
    if ((c == U')' || c == U']') && depth > 0) --depth;
    if (c == U'“' || c == U'«' || c == U'„') in_quote = true;
    if (c == U'”' || c == U'»') in_quote = false;
    if ((c == U',' || c == U';') && depth == 0 && !in_quote) {
      pieces.push_back(std::string(trim(to_utf8(current))));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  pieces.push_back(std::string(trim(to_utf8(current))));
  *balanced = depth == 0 && !in_quote;
  return pieces;
}

// Finds a folded phrase in `text` (case-insensitively) and returns its byte range in `text`.
// Folding keeps byte lengths for the scripts of the genre; when it does not, only an exact
// match counts.
std::optional<std::pair<size_t, size_t>> find_folded(std::string_view text, std::string_view folded_phrase) {
  const std::string folded = fold_case(text);
  if (folded.size() == text.size()) {
    const size_t at = folded.find(folded_phrase);
    if (at != std::string::npos) return std::make_pair(at, folded_phrase.size());
    return std::nullopt;
  }
  const size_t at = text.find(folded_phrase);
  if (at != std::string_view::npos) return std::make_pair(at, folded_phrase.size());
  return std::nullopt;
}

// Removes the first "(as agreed)"-like marker; returns whether one was there.
bool strip_marker(std::string& text, const Vocabulary& vocabulary) {
  for (const std::string& marker : vocabulary.phrases("marker.as_agreed")) {
    if (auto range = find_folded(text, marker)) {
      text.erase(range->first, range->second);
      text = std::string(trim(text));
      // "GPO  (as agreed)" leaves no double space; a marker mid-entry leaves one.
      size_t twin;
      while ((twin = text.find("  ")) != std::string::npos) text.erase(twin, 1);
      return true;
    }
  }
  return false;
}

// The conjunction that starts `text` ("and other ..."), with its length, or 0.
size_t leading_conjunction(std::string_view text, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(text);
  for (const std::string& conjunction : vocabulary.phrases("conjunction")) {
    if (starts_with_words(folded, conjunction) && folded.size() > conjunction.size() && folded[conjunction.size()] == ' ')
      return conjunction.size() + 1;
  }
  return 0;
}

bool is_group(std::string_view text, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(text);
  for (const std::string& lead : vocabulary.phrases("group.lead")) {
    if (starts_with_words(folded, lead) && folded.size() > lead.size()) return true;
  }
  for (const std::string& phrase : vocabulary.phrases("group.phrase")) {
    if (starts_with_words(folded, phrase)) return true;
  }
  return false;
}

bool is_quoted(std::string_view text) {
  const std::u32string chars = to_u32(trim(text));
  return chars.size() >= 2 && is_open_quote(chars.front()) && is_close_quote(chars.back());
}

// "NCE “Atameken”" -> "NCE"; "«Атамекен» ҰКП" -> "ҰКП" (Kazakh puts the name first);
// "MIA" -> "MIA"; a written-out name -> nullopt.
std::optional<std::string> abbreviation_of(std::string_view entry) {
  const size_t space = entry.find(' ');
  const std::string_view token = entry.substr(0, space);
  if (space == std::string_view::npos) return is_abbreviation(token) ? std::optional<std::string>(token) : std::nullopt;
  if (is_abbreviation(token) && is_quoted(entry.substr(space))) return std::string(token);
  const size_t last_space = entry.rfind(' ');
  const std::string_view last = entry.substr(last_space + 1);
  if (is_abbreviation(last) && is_quoted(entry.substr(0, last_space))) return std::string(last);
  return std::nullopt;
}

// Commas inside a group phrase ("акиматы областей, городов Астаны, Алматы и Шымкента") do
// not separate entries: they are hidden behind a private-use character while the cell is split.
constexpr std::string_view kHiddenComma = "\uE000";

std::string hide_group_commas(std::string_view cell, const Vocabulary& vocabulary) {
  // One fold of the cell; the phrases are found in it and their commas hidden in one pass.
  const std::string folded = fold_case(cell);
  if (folded.size() != cell.size()) return std::string(cell);
  std::vector<bool> hidden(cell.size(), false);
  bool any = false;
  for (const std::string& phrase : vocabulary.phrases("group.phrase")) {
    if (phrase.find(',') == std::string::npos) continue;
    for (size_t at = folded.find(phrase); at != std::string::npos; at = folded.find(phrase, at + phrase.size())) {
      for (size_t k = at; k < at + phrase.size(); ++k) {
        if (cell[k] == ',') hidden[k] = any = true;
      }
    }
  }
  if (!any) return std::string(cell);
  std::string out;
  out.reserve(cell.size() + 16);
  for (size_t k = 0; k < cell.size(); ++k) {
    if (hidden[k]) {
      out += kHiddenComma;
    } else {
      out += cell[k];
    }
  }
  return out;
}

void show_commas(std::string& text) {
  for (size_t at; (at = text.find(kHiddenComma)) != std::string::npos;) text.replace(at, kHiddenComma.size(), ",");
}

// Splits "MJ and other interested agencies", "MIA and MJ" or "MIA and MJ and NB" at its
// conjunctions; a written-out name with "and" inside ("Ministry of Labor and Social Protection")
// stays whole. A conjunction cuts before a group (which keeps the conjunction and the rest, its
// own "and"s included), or between two abbreviations: what precedes it since the last cut and
// what follows it up to the next conjunction.
std::vector<std::string> split_conjunctions(const std::string& piece, const Vocabulary& vocabulary) {
  const std::string folded = fold_case(piece);
  if (folded.size() != piece.size()) return {piece};
  struct Joint {
    size_t at;      // the space before the conjunction
    size_t length;  // " and " with both spaces
  };
  std::vector<Joint> joints;
  for (const std::string& conjunction : vocabulary.phrases("conjunction")) {
    const std::string needle = " " + conjunction + " ";
    for (size_t at = folded.find(needle); at != std::string::npos; at = folded.find(needle, at + 1)) {
      joints.push_back(Joint{at, needle.size()});
    }
  }
  std::sort(joints.begin(), joints.end(), [](const Joint& a, const Joint& b) { return a.at < b.at; });
  // Every test below looks at a bounded stretch of text, so that a cell of a thousand "and"s
  // costs linear time: an abbreviation entry (with its quoted name and marker) is short, and
  // a group is told by its first words.
  const auto is_abbreviation_entry = [&](size_t from, size_t to) {
    if (to - from > kMaxAbbreviationEntry) return false;
    std::string text = piece.substr(from, to - from);
    strip_marker(text, vocabulary);
    return abbreviation_of(trim(text)).has_value();
  };
  const auto starts_group = [&](size_t from) {
    return is_group(std::string_view(piece).substr(from, kGroupLookahead), vocabulary);
  };
  std::vector<std::string> parts;
  size_t start = 0;
  bool in_groups = false;  // past a group, only another group starts a new entry
  for (size_t j = 0; j < joints.size(); ++j) {
    const Joint& joint = joints[j];
    if (joint.at < start) continue;  // overlapping conjunctions ("и" inside another match)
    const size_t after = joint.at + joint.length;
    if (joint.at > start && starts_group(after)) {
      // "and other bodies": the conjunction belongs to the group.
      parts.emplace_back(trim(piece.substr(start, joint.at - start)));
      start = joint.at + 1;
      in_groups = true;
      continue;
    }
    if (in_groups) continue;
    const size_t next = j + 1 < joints.size() ? joints[j + 1].at : piece.size();
    if (!is_abbreviation_entry(start, joint.at) || !is_abbreviation_entry(after, next)) continue;
    parts.emplace_back(trim(piece.substr(start, joint.at - start)));
    start = after;
  }
  parts.emplace_back(trim(piece.substr(start)));
  return parts;
}

Agency read_entry(const std::string& text, const Vocabulary& vocabulary) {
  Agency agency;
  agency.text = text;
  std::string bare = text;
  agency.as_agreed = strip_marker(bare, vocabulary);
  const size_t conjunction = leading_conjunction(bare, vocabulary);
  const std::string words = bare.substr(conjunction);
  if (is_group(words, vocabulary)) {
    agency.kind = "group";
    agency.name = words;
  } else if (auto abbr = abbreviation_of(words)) {
    agency.abbr = *abbr;
  } else {
    agency.name = words;
  }
  return agency;
}

}  // namespace

bool is_abbreviation(std::string_view token) {
  const std::u32string chars = to_u32(token);
  if (chars.size() < 2 || chars.size() > 15) return false;
  int letters = 0;
  int capitals = 0;
  for (char32_t c : chars) {
    if (is_latin_letter(c) || is_cyrillic_letter(c)) {
      ++letters;
      if (is_upper(c)) ++capitals;
    } else if (!(c >= U'0' && c <= U'9') && c != U'-' && c != U'&') {
      return false;
    }
  }
  return letters >= 2 && capitals >= 2 && capitals * 2 >= letters && is_upper(chars.front());
}

AgencyList split_agencies(std::string_view cell, const Vocabulary& vocabulary) {
  AgencyList list;
  bool balanced = true;
  std::vector<std::string> pieces = split_top_level(hide_group_commas(trim(cell), vocabulary), &balanced);
  for (std::string& piece : pieces) show_commas(piece);
  if (!balanced) {
    list.unparsed.push_back(std::string(trim(cell)));
  }
  for (const std::string& piece : pieces) {
    if (piece.empty()) {
      if (pieces.size() > 1) list.unparsed.push_back("(empty entry)");
      continue;
    }
    for (const std::string& entry : split_conjunctions(piece, vocabulary)) {
      list.agencies.push_back(read_entry(entry, vocabulary));
    }
  }
  return list;
}

bool looks_like_agency_list(std::string_view paragraph, const Vocabulary& vocabulary) {
  const AgencyList list = split_agencies(paragraph, vocabulary);
  int telling = 0;  // abbreviations and marked entries
  int prose = 0;    // written-out entries without a marker
  for (const Agency& agency : list.agencies) {
    if (agency.abbr || agency.as_agreed) {
      ++telling;
    } else if (agency.kind != "group") {
      ++prose;
    }
  }
  return telling > 0 && telling >= prose;
}

}  // namespace planparse
