// Stage 4, fields: agency lists. See agencies.h.
#include "parsers/agencies.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "parsers/lookalike.h"
#include "parsers/sections.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// Longer than any abbreviation or legal-form name with its quoted proper name and marker
// ("NCE “Atameken” (as agreed)", "НАО «Государственная корпорация «…»»"): such a stretch is
// no short entry.
constexpr size_t kMaxShortEntry = 500;
// Longer than any legal form alone ("ШЖҚ КМК", "RSE on REM" are far shorter).
constexpr size_t kMaxLegalForm = 64;
// Bytes of an entry enough to tell a group by its first words (the longest group phrase is
// shorter; the rest only shows the word boundary).
constexpr size_t kGroupLookahead = 400;

bool is_open_quote(char32_t c) { return c == U'“' || c == U'"' || c == U'«' || c == U'„' || c == U'\'' || c == U'‘'; }
bool is_close_quote(char32_t c) { return c == U'”' || c == U'"' || c == U'»' || c == U'“' || c == U'\'' || c == U'’'; }

// Where brackets and quotes hide separators in a text. The quote marks that hide them: «…»
// (nested in Russian names: «…«…»»), “…” (English), „…“ or „…” (Russian handwriting), and ASCII
// "…", which closes itself. Single quotes hide nothing: they are apostrophes as often.
struct Shelter {
  std::vector<bool> hidden;      // per byte: inside brackets or a closed quote
  std::vector<size_t> unclosed;  // byte offsets of quote marks that open and never close
  bool balanced = true;          // every opening bracket closes
};

// One pass over the bytes with a stack of open quote marks. A closing mark closes the nearest
// open mark it can close, and any marks opened inside that never closed go with it (they are
// inside a quote anyway). A mark still open at the end hides nothing: it is reported, and the
// separators after it split as if it were not there, so that it cannot swallow the rest of the
// cell. Counts per kind tell in constant time whether a closing mark has a partner, so the
// pass stays linear however the marks are strewn.
Shelter shelter(std::string_view text) {
  enum Kind { guillemet, curly, low, ascii, kinds };
  struct Open {
    Kind kind;
    size_t at;
  };
  Shelter result;
  result.hidden.assign(text.size(), false);
  std::vector<int> delta;  // +1 where a closed quote starts, -1 past its end (made at the first close)
  std::vector<Open> open;
  // Where each closed «…» and “…” starts and ends (for names nested at the end, below).
  std::vector<std::pair<size_t, size_t>> closed_guillemets;
  std::vector<std::pair<size_t, size_t>> closed_curly;
  int open_count[kinds] = {};
  // Closes the nearest open mark of one of the kinds, when there is one.
  const auto close = [&](std::initializer_list<Kind> closes, size_t end) {
    int available = 0;
    for (Kind kind : closes) available += open_count[kind];
    if (available == 0) return false;
    while (true) {
      const Open top = open.back();
      open.pop_back();
      --open_count[top.kind];
      if (std::find(closes.begin(), closes.end(), top.kind) != closes.end()) {
        if (top.kind == guillemet) closed_guillemets.push_back({top.at, end});
        if (top.kind == curly) closed_curly.push_back({top.at, end});
        if (delta.empty()) delta.assign(text.size() + 1, 0);
        ++delta[top.at];
        --delta[end];
        return true;
      }
    }
  };
  const auto push = [&](Kind kind, size_t at) {
    open.push_back({kind, at});
    ++open_count[kind];
  };
  int depth = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '(' || byte == '[') ++depth;
    if (depth > 0) result.hidden[i] = true;
    if ((byte == ')' || byte == ']') && depth > 0) --depth;
    // The marks by their UTF-8 bytes: « » are C2 AB / C2 BB, “ ” „ are E2 80 9C / 9D / 9E.
    if (byte == '"') {
      if (!close({ascii}, i + 1)) push(ascii, i);
    } else if (byte == 0xC2 && i + 1 < n) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if (second == 0xAB) push(guillemet, i);
      if (second == 0xBB) close({guillemet}, i + 2);
    } else if (byte == 0xE2 && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x9C) {
        // “ closes „ (the Russian pair „…“) and opens otherwise.
        if (!close({low}, i + 3)) push(curly, i);
      }
      if (third == 0x9D) close({curly, low}, i + 3);
      if (third == 0x9E) push(low, i);
    }
  }
  if (!delta.empty()) {
    int inside = 0;
    for (size_t i = 0; i < n; ++i) {
      inside += delta[i];
      if (inside > 0) result.hidden[i] = true;
    }
  }
  // "АО «ФНБ «Самрук-Казына»", "JSC “NC “Kazakhstan Temir Zholy”": a name quoted inside a quoted
  // name at its end shares the closing mark with it (the "»»" written once). A guillemet or “
  // left open closes with the first «…» or “…” opened after it, when no comma or semicolon
  // stands between them. From the last such mark back, each hides up to where the one after it
  // starts, so the pass stays linear.
  std::vector<size_t> unclosed;
  if (!open.empty() && (!closed_guillemets.empty() || !closed_curly.empty())) {
    std::sort(closed_guillemets.begin(), closed_guillemets.end());
    std::sort(closed_curly.begin(), closed_curly.end());
    size_t limit = n;              // where the bytes hidden by a later mark start
    size_t separator = n;          // the first comma or semicolon at or after `scanned`
    size_t scanned = n;
    for (auto mark = open.rbegin(); mark != open.rend(); ++mark) {
      const std::vector<std::pair<size_t, size_t>>& closed = mark->kind == curly ? closed_curly : closed_guillemets;
      const auto pair = std::upper_bound(closed.begin(), closed.end(), std::make_pair(mark->at, n));
      if ((mark->kind == guillemet || mark->kind == curly) && pair != closed.end()) {
        while (scanned > mark->at) {
          --scanned;
          if (text[scanned] == ',' || text[scanned] == ';') separator = scanned;
        }
        if (separator >= pair->first) {
          for (size_t k = mark->at; k < std::min(pair->first, limit); ++k) result.hidden[k] = true;
          limit = mark->at;
          continue;
        }
      }
      unclosed.push_back(mark->at);
    }
    std::reverse(unclosed.begin(), unclosed.end());
  } else {
    for (const Open& mark : open) unclosed.push_back(mark.at);
  }
  // 'АО "НК "КТЖ"': ASCII marks close themselves, so the nested name's shared closing mark is
  // left over, in a closing place: after a word, before the end, a space or a separator. It
  // closes the name it ends; only an opening left open is reported.
  std::erase_if(unclosed, [&](size_t at) {
    if (text[at] != '"' || at == 0 || text[at - 1] == ' ') return false;
    const char after = at + 1 < n ? text[at + 1] : ' ';
    return after == ' ' || after == ',' || after == ';' || after == ')';
  });
  result.unclosed = std::move(unclosed);
  result.balanced = depth == 0;
  return result;
}

bool is_lower_letter(char32_t c) { return c != 0 && is_letter(c) && !is_upper(c); }

// A slash glued to lower-case words on both sides joins them into one ("и/или", "and/or",
// "және/немесе"); any other slash outside quotes and brackets separates two entries ("MIA / MJ",
// "МВД/МЮ", "Кәсіпорынның комплаенс-офицері / жұмыс тобы").
bool slash_joins_words(std::string_view text, size_t at) {
  return is_lower_letter(code_point_before(text, at)) && is_lower_letter(code_point_at(text, at + 1));
}

struct Piece {
  std::string text;
  bool unclosed_quote = false;  // holds a quote mark that never closes
  bool after_slash = false;     // follows a slash, not a comma or semicolon ("A / B": B)
  bool after_comma = false;     // follows a comma (join_continued_pieces joins only across one)
};

// Splits on commas, semicolons and slashes outside brackets and quotes. Empty pieces are kept
// so that the caller can report them.
std::vector<Piece> split_top_level(std::string_view cell, bool* balanced) {
  const Shelter sheltered = shelter(cell);
  *balanced = sheltered.balanced;
  std::vector<Piece> pieces;
  size_t unclosed = 0;  // the next of sheltered.unclosed, in order of offset
  size_t start = 0;
  bool after_slash = false;
  bool after_comma = false;
  const auto cut = [&](size_t end) {
    Piece piece{std::string(trim(cell.substr(start, end - start)))};
    piece.after_slash = after_slash;
    piece.after_comma = after_comma;
    while (unclosed < sheltered.unclosed.size() && sheltered.unclosed[unclosed] < end) {
      piece.unclosed_quote = true;
      ++unclosed;
    }
    pieces.push_back(std::move(piece));
    start = end + 1;
    after_slash = end < cell.size() && cell[end] == '/';
    after_comma = end < cell.size() && cell[end] == ',';
  };
  for (size_t i = 0; i < cell.size(); ++i) {
    if (sheltered.hidden[i]) continue;
    const char c = cell[i];
    if (c == ',' || c == ';' || (c == '/' && !slash_joins_words(cell, i))) cut(i);
  }
  cut(cell.size());
  return pieces;
}

// Finds a folded phrase in `text` (case-insensitively; `folded` is fold_case(text), folded once
// for every phrase sought) and returns its byte range in `text`. Folding keeps byte lengths for
// the scripts of the genre; when it does not, only an exact match counts.
std::optional<std::pair<size_t, size_t>> find_folded(std::string_view text, std::string_view folded,
                                                     std::string_view folded_phrase) {
  if (folded.size() == text.size()) {
    const size_t at = folded.find(folded_phrase);
    if (at != std::string::npos) return std::make_pair(at, folded_phrase.size());
    return std::nullopt;
  }
  const size_t at = text.find(folded_phrase);
  if (at != std::string_view::npos) return std::make_pair(at, folded_phrase.size());
  return std::nullopt;
}

// Runs of white space as one space: a marker broken over a line ("(по\nсогласованию)") or
// spaced twice still reads as the marker, and a name keeps no double space.
std::string collapse_spaces(std::string_view text) {
  text = trim(text);
  if (text.find_first_of("\t\n\r\f\v") == std::string_view::npos && text.find("  ") == std::string_view::npos) {
    return std::string(text);  // the common case: nothing to collapse
  }
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (is_space) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The words of a marker written in brackets ("(as agreed)" -> "as agreed"); none for a marker a
// vocabulary writes without them.
std::optional<std::string_view> bracketed_words(const std::string& marker) {
  if (marker.size() < 3 || marker.front() != '(' || marker.back() != ')') return std::nullopt;
  return std::string_view(marker).substr(1, marker.size() - 2);
}

bool all_bracketed(const std::vector<std::string>& markers) {
  return std::all_of(markers.begin(), markers.end(), [](const std::string& marker) { return bracketed_words(marker).has_value(); });
}

// What a folded text must open or end with to match one phrase of a list: the phrases' first
// (or last) two bytes, a bit each. A text that fails the filter matches no phrase, and most
// entries fail it ("mne" opens no legal form and no group phrase); one that passes is matched
// phrase by phrase as before. A phrase under two bytes turns the filter off.
struct EdgeFilter {
  std::vector<bool> bits = std::vector<bool>(1 << 16, false);
  bool all = false;  // every text passes

  static size_t key(unsigned char first, unsigned char second) { return (size_t{first} << 8) | second; }
  void add(std::string_view phrase, bool at_end) {
    if (phrase.size() < 2) {
      all = true;
      return;
    }
    const size_t at = at_end ? phrase.size() - 2 : 0;
    bits[key(static_cast<unsigned char>(phrase[at]), static_cast<unsigned char>(phrase[at + 1]))] = true;
  }
  bool may_match(std::string_view folded, bool at_end) const {
    if (all || folded.size() < 2) return true;
    const size_t at = at_end ? folded.size() - 2 : 0;
    return bits[key(static_cast<unsigned char>(folded[at]), static_cast<unsigned char>(folded[at + 1]))];
  }
};

struct AgencyFilters {
  bool markers_bracketed = true;                // every marker.as_agreed is written in brackets
  std::unordered_set<std::string> marker_ends;  // the last word inside each marker's brackets
  EdgeFilter legal_form_opening;                // agency.legal_form, from the front
  EdgeFilter legal_form_ending;                 // and from the back
  EdgeFilter group_opening;                     // group.lead and group.phrase, from the front
  // Each conjunction between its spaces (" and "), and whether a partner follows it (conjunction.with).
  std::vector<std::pair<std::string, bool>> conjunctions;
  EdgeFilter conjunction_opening;  // the conjunctions, from the front
  EdgeFilter etc_ending;           // agency.etc, from the back
};

AgencyFilters build_agency_filters(const Vocabulary& vocabulary) {
  AgencyFilters filters;
  const std::vector<std::string>& markers = vocabulary.phrases("marker.as_agreed");
  filters.markers_bracketed = all_bracketed(markers);
  for (const std::string& marker : markers) {
    const std::string_view words = bracketed_words(marker).value_or(std::string_view());
    const size_t space = words.rfind(' ');
    filters.marker_ends.emplace(words.substr(space == std::string_view::npos ? 0 : space + 1));
  }
  for (const std::string& form : vocabulary.phrases("agency.legal_form")) {
    filters.legal_form_opening.add(form, false);
    filters.legal_form_ending.add(form, true);
  }
  for (const std::string& conjunction : vocabulary.phrases("conjunction")) {
    filters.conjunctions.emplace_back(" " + conjunction + " ", vocabulary.has_word("conjunction.with", conjunction));
    // A conjunction of one sign ("&", "+") stands before a space wherever it opens an entry.
    filters.conjunction_opening.add(conjunction.size() == 1 ? conjunction + " " : conjunction, false);
  }
  for (const std::string& etc : vocabulary.phrases("agency.etc")) filters.etc_ending.add(etc, true);
  for (const char* role : {"group.lead", "group.phrase"}) {
    for (const std::string& phrase : vocabulary.phrases(role)) filters.group_opening.add(phrase, false);
  }
  return filters;
}

const AgencyFilters& agency_filters(const Vocabulary& vocabulary) {
  return vocabulary.compiled->get<AgencyFilters>(Compiled::agency_filters, [&] { return build_agency_filters(vocabulary); });
}

// Whether the words inside a bracket say "by agreement" in a wording no phrase lists: a word of
// the agreement family (vocabulary marker.word: agree*, согл*, келіс*) among the small words
// such markers are made of (marker.filler: "if", "upon", "по", "при", "бойынша"), and nothing
// else: "(if agreed)", "(по согл.)", "(при согласовании)", "(келісілген жағдайда)". A bracket
// that also names someone ("(по согласованию с МИО)") is a note, not the marker.
bool says_agreement(std::string_view inside, const Vocabulary& vocabulary) {
  constexpr size_t kMaxMarkerBytes = 64;
  if (inside.size() > kMaxMarkerBytes) return false;
  const std::vector<std::string> words = words_of(fold_case(inside));
  const std::vector<std::string>& agreement = vocabulary.phrases("marker.word");
  const std::vector<std::string>& filler = vocabulary.phrases("marker.filler");
  bool agreed = false;
  for (const std::string& word : words) {
    const bool says = in_any_family(word, agreement);
    if (!says && !in_any_family(word, filler) && !vocabulary.has_word("marker.all", word)) return false;
    agreed = agreed || says;
  }
  return agreed;
}

// The first bracket of `text` whose words say "by agreement" (says_agreement): its start and
// length, brackets included.
std::optional<std::pair<size_t, size_t>> find_bracketed_marker(std::string_view text, const Vocabulary& vocabulary) {
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.find('(') == std::string_view::npos && says_agreement(inside, vocabulary)) {
      return std::make_pair(open, close + 1 - open);
    }
  }
  return std::nullopt;
}

// The bytes of a dash ending `text` ("–", "-", "—"), or 0 when none ends it.
size_t dash_length_at_end(std::string_view text) {
  if (text.empty()) return 0;
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return is_dash(code_point_at(text, start)) ? text.size() - start : 0;
}

// Removes the first "(as agreed)"-like marker from text whose spaces are collapsed; returns
// whether one was there.
bool strip_marker(std::string& text, const Vocabulary& vocabulary) {
  const std::vector<std::string>& markers = vocabulary.phrases("marker.as_agreed");
  if (markers.empty()) return false;
  // Most entries hold no marker: with no bracket, only a marker written without its brackets
  // can be there, and it ends the text with the marker's last word. Told from that word alone,
  // before the whole text is folded.
  if (const AgencyFilters& filters = agency_filters(vocabulary); text.find('(') == std::string::npos && filters.markers_bracketed) {
    const size_t space = text.rfind(' ');
    if (!filters.marker_ends.contains(fold_case(std::string_view(text).substr(space == std::string::npos ? 0 : space + 1)))) {
      return false;
    }
  }
  const std::string folded = fold_case(text);
  for (const std::string& marker : markers) {
    if (auto range = find_folded(text, folded, marker)) {
      text.erase(range->first, range->second);
      // "GPO (as agreed)" leaves no trailing space; a marker mid-entry leaves no double one.
      text = collapse_spaces(text);
      return true;
    }
  }
  if (auto range = find_bracketed_marker(text, vocabulary)) {
    text.erase(range->first, range->second);
    text = collapse_spaces(text);
    return true;
  }
  // "МНЭ по согласованию", "MNE as agreed": the marker's words without brackets, at the end of an
  // entry whose last word is an abbreviation or closes a quote or bracket. After other words
  // they may be prose ("Информация в Правительство по согласованию").
  if (folded.size() != text.size()) return false;
  for (const std::string& marker : markers) {
    const std::optional<std::string_view> bracketed = bracketed_words(marker);
    if (!bracketed) continue;
    const std::string_view words = *bracketed;
    if (folded.size() <= words.size() || !folded.ends_with(words) || folded[folded.size() - words.size() - 1] != ' ') continue;
    std::string_view before = trim(std::string_view(text).substr(0, text.size() - words.size() - 1));
    // "ДП – по согласованию", "MIA - as agreed": a dash may stand before the words. Set off so,
    // they are the marker after any entry ("Republican Bar Association – as agreed").
    const size_t dash = dash_length_at_end(before);
    if (dash > 0) before = trim(before.substr(0, before.size() - dash));
    if (before.empty()) continue;
    const size_t space = before.rfind(' ');
    const std::string_view last = before.substr(space == std::string_view::npos ? 0 : space + 1);
    const char32_t end = code_point_before(before, before.size());
    if (dash == 0 && !is_abbreviation(last) && end != U')' && !is_close_quote(end)) continue;
    text = std::string(before);
    return true;
  }
  return false;
}

// The conjunction that starts `folded` ("and other ..."), with its length, or 0.
size_t leading_conjunction(std::string_view folded, const Vocabulary& vocabulary) {
  if (!agency_filters(vocabulary).conjunction_opening.may_match(folded, false)) return 0;
  for (const std::string& conjunction : vocabulary.phrases("conjunction")) {
    if (starts_with_words(folded, conjunction) && folded.size() > conjunction.size() && folded[conjunction.size()] == ' ')
      return conjunction.size() + 1;
  }
  return 0;
}

// `nouns`: whether a bare plural noun of the kind ("организации", "institutions") alone is a
// group too. Inside a group phrase it is not ("other agencies and organizations" is one group).
// `folded`: the text, case-folded (an entry is folded once for all its tests).
bool is_group_folded(std::string_view folded, const Vocabulary& vocabulary, bool nouns = true) {
  if (nouns) {
    for (const std::string& noun : vocabulary.phrases("group.noun")) {
      if (folded == noun) return true;
    }
  }
  if (!agency_filters(vocabulary).group_opening.may_match(folded, false)) return false;
  for (const std::string& lead : vocabulary.phrases("group.lead")) {
    if (starts_with_words(folded, lead) && folded.size() > lead.size()) return true;
  }
  for (const std::string& phrase : vocabulary.phrases("group.phrase")) {
    if (starts_with_words(folded, phrase)) return true;
  }
  return false;
}

bool is_group(std::string_view text, const Vocabulary& vocabulary, bool nouns = true) {
  return is_group_folded(fold_case(text), vocabulary, nouns);
}

// "regional akimats", "акиматы районов", "облыстардың әкімдіктері": a written-out entry whose head
// is a plural of bodies (vocabulary group.plural) names bodies of a kind, a group. The head
// stands first (ru, en "akimats of districts") or last, before any conjunction (kk, and
// adjectives before it).
bool heads_a_plural(std::string_view folded, const Vocabulary& vocabulary) {
  // Words cut at spaces, ASCII punctuation at their edges dropped: whole words to compare with
  // the vocabulary's, with no conversion of the text (every piece of every list is asked).
  size_t at = 0;
  const auto next_word = [&]() -> std::string_view {
    while (at < folded.size()) {
      while (at < folded.size() && folded[at] == ' ') ++at;
      const size_t end = std::min(folded.find(' ', at), folded.size());
      std::string_view word = folded.substr(at, end - at);
      at = end;
      const auto punctuation = [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; };
      while (!word.empty() && punctuation(word.front())) word.remove_prefix(1);
      while (!word.empty() && punctuation(word.back())) word.remove_suffix(1);
      if (!word.empty()) return word;
    }
    return {};
  };
  const std::vector<std::string>& plurals = vocabulary.phrases("group.plural");
  const auto plural = [&](std::string_view word) { return std::find(plurals.begin(), plurals.end(), word) != plurals.end(); };
  const std::string_view first = next_word();
  if (first.empty()) return false;
  if (plural(first)) return true;
  // A singular head first is the name's head: "Department for coordination of law enforcement
  // bodies" is one department.
  if (vocabulary.has_word("agency.head", first)) return false;
  // The last word before a conjunction: what follows it is another body's name or a group
  // ("культуры и спорта акимата области и иные центральные государственные органы").
  const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
  std::string_view last = first;
  for (std::string_view word = next_word(); !word.empty(); word = next_word()) {
    if (std::find(conjunctions.begin(), conjunctions.end(), word) != conjunctions.end()) break;
    last = word;
  }
  return plural(last);
}

bool is_quoted(std::string_view text) {
  const std::u32string chars = to_u32(trim(text));
  return chars.size() >= 2 && is_open_quote(chars.front()) && is_close_quote(chars.back());
}

// Where an entry's legal-form word stands: "АО «…»", "РГП на ПХВ «…»", "ТОО Астана Су" before
// the name; "«Қазақтелеком» АҚ" after it (Kazakh puts the name first); "ТОО" alone. The
// longest form that fits wins ("РГП на ПХВ" over "РГП"); `length` is its length in `entry`.
enum class LegalForm { none, alone, before, after };

LegalForm legal_form_of_folded(std::string_view folded, const Vocabulary& vocabulary, size_t* length = nullptr) {
  if (const AgencyFilters& filters = agency_filters(vocabulary);
      !filters.legal_form_opening.may_match(folded, false) && !filters.legal_form_ending.may_match(folded, true)) {
    return LegalForm::none;
  }
  for (const std::string& form : vocabulary.phrases("agency.legal_form")) {
    if (length != nullptr) *length = form.size();
    if (folded == form) return LegalForm::alone;
    // The form must be a word of its own ("АҚ «…»", not "АҚДМ").
    if (starts_with_words(folded, form)) return LegalForm::before;
    if (folded.size() > form.size() && folded.back() == form.back() && folded.ends_with(form)) {
      const char32_t previous = code_point_before(folded, folded.size() - form.size());
      if (!is_letter(previous) && !(previous >= U'0' && previous <= U'9')) return LegalForm::after;
    }
  }
  return LegalForm::none;
}

LegalForm legal_form_of(std::string_view entry, const Vocabulary& vocabulary, size_t* length = nullptr) {
  return legal_form_of_folded(fold_case(entry), vocabulary, length);
}

// "АО «Национальные информационные технологии»", "«Қазақтелеком» АҚ", "JSC “Kazpost”": a legal
// form and a quoted name, the telling form of an organisation's written-out name.
bool is_legal_entity(std::string_view entry, const Vocabulary& vocabulary) {
  // Most entries quote nothing; they are told without folding.
  const auto has = [&](std::string_view mark) { return entry.find(mark) != std::string_view::npos; };
  if (!has("\"") && !has("«") && !has("“") && !has("„")) return false;
  size_t length = 0;
  const LegalForm form = legal_form_of(entry, vocabulary, &length);
  // Folding keeps byte lengths in the scripts of the genre; where it does not, no cut is sure.
  if ((form != LegalForm::before && form != LegalForm::after) || fold_case(entry).size() != entry.size()) return false;
  const std::string_view name = form == LegalForm::before ? entry.substr(length) : entry.substr(0, entry.size() - length);
  if (is_quoted(name)) return true;
  // The quoted proper name may stand on the far side from the form, the words that say what the
  // body is between them: "\"Damu\" Entrepreneurship Development Fund JSC", "АО Фонд
  // развития предпринимательства «Даму»".
  const std::u32string chars = to_u32(trim(name));
  if (chars.size() < 2) return false;
  if (form == LegalForm::after) {
    return is_open_quote(chars.front()) && std::any_of(chars.begin() + 1, chars.end(), [](char32_t c) { return is_close_quote(c); });
  }
  return is_close_quote(chars.back()) && std::any_of(chars.begin(), chars.end() - 1, [](char32_t c) { return is_open_quote(c); });
}

// "(свод)", "(lead)", "(жинақтау)": a bracketed note of lower-case words.
bool is_role_note(std::string_view text) {
  constexpr size_t kMaxNoteLetters = 40;
  if (text.size() < 3 || text.front() != '(' || text.back() != ')') return false;
  const std::u32string inside = to_u32(text.substr(1, text.size() - 2));
  return !inside.empty() && inside.size() <= kMaxNoteLetters && is_letter(inside.front()) && !is_upper(inside.front()) &&
         std::all_of(inside.begin(), inside.end(), [](char32_t c) { return (is_letter(c) && !is_upper(c)) || c == U' ' || c == U'-'; });
}

// "NCE “Atameken”" -> "NCE"; "«Атамекен» ҰКП" -> "ҰКП" (Kazakh puts the name first);
// "MIA" -> "MIA"; a written-out name, or any entry with a legal form, -> nullopt.
// `folded`: the entry, case-folded.
// Where an entry's first abbreviation ends: after its first word, or after its second when one of
// the two is the country's short form (vocabulary agency.country: "ҚР ДСМ", "МЗ РК"), which goes
// with the other as one abbreviation, as glossaries print it. npos for one word alone.
size_t first_abbreviation_end(std::string_view entry, const Vocabulary& vocabulary) {
  const size_t space = entry.find(' ');
  if (space == std::string_view::npos || !is_abbreviation(entry.substr(0, space))) return space;
  const size_t next = entry.find(' ', space + 1);
  const std::string_view second = entry.substr(space + 1, next == std::string_view::npos ? std::string_view::npos : next - space - 1);
  if (!is_abbreviation(second)) return space;
  const std::vector<std::string>& countries = vocabulary.phrases("agency.country");
  const auto is_country = [&](std::string_view word) {
    return std::find(countries.begin(), countries.end(), fold_case(word)) != countries.end();
  };
  return is_country(entry.substr(0, space)) != is_country(second) ? next : space;
}

std::optional<std::string> abbreviation_of(std::string_view entry, std::string_view folded, const Vocabulary& vocabulary) {
  const size_t space = first_abbreviation_end(entry, vocabulary);
  const std::string_view token = entry.substr(0, space);
  const bool first = is_abbreviation(token.substr(0, token.find(' ')));
  const size_t last_space = entry.rfind(' ');
  const std::string_view last = last_space == std::string_view::npos ? entry : entry.substr(last_space + 1);
  const bool final = space != std::string_view::npos && is_abbreviation(last);
  if (!first && !final) return std::nullopt;
  if (legal_form_of_folded(folded, vocabulary) != LegalForm::none) return std::nullopt;
  if (space == std::string_view::npos) return std::string(token);
  if (first && is_quoted(entry.substr(space))) return std::string(token);
  // "МФ (созыв)", "MNE (lead)": a note in lower case on the body's role in the activity; the
  // entry's text keeps it.
  if (first && is_role_note(trim(entry.substr(space)))) return std::string(token);
  if (final && is_quoted(entry.substr(0, last_space))) return std::string(last);
  return std::nullopt;
}

// Commas inside a group phrase ("акиматы областей, городов Астаны, Алматы и Шымкента") do
// not separate entries: they are hidden behind a private-use character while the cell is split.
constexpr std::string_view kHiddenComma = "\uE000";

// The word of `text` (letters and hyphens) that ends at byte `end` or starts at byte `begin`,
// as a byte range; empty when no letter is there.
std::pair<size_t, size_t> word_ending_at(std::string_view text, size_t end) {
  size_t begin = end;
  while (begin > 0) {
    const char32_t c = code_point_before(text, begin);
    if (!is_letter(c) && c != U'-') break;
    begin -= to_utf8(std::u32string(1, c)).size();
  }
  return {begin, end};
}
std::pair<size_t, size_t> word_starting_at(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size()) {
    const char32_t c = code_point_at(text, end);
    if (!is_letter(c) && c != U'-') break;
    end += to_utf8(std::u32string(1, c)).size();
  }
  return {begin, end};
}

// "Администрации Северного, Южного районов города": adjectives in one case share the noun
// after the last of them, so the commas between them separate no agencies. Told by inflection
// (vocabulary agency.shared_ending, Russian adjective endings): the words on both sides of a
// comma end in the same adjective ending ("Северного, Южного"; "Северный, Южный отделы" as
// well), and the last is followed by a word (the shared noun). Endings that nouns share
// ("Теплоснабжение, городские отделы") are not in the list. Kazakh and English adjectives do
// not inflect: there the rule never fires, and the cell splits at its commas as before. Marks
// the commas in `hidden`; true when it marked one.
bool hide_shared_head_commas(std::string_view folded, const Vocabulary& vocabulary, std::vector<bool>& hidden) {
  const std::vector<std::string>& endings = vocabulary.phrases("agency.shared_ending");
  if (endings.empty() || folded.find(',') == std::string_view::npos) return false;
  // Both words end in the same ending, each leaving a stem of two letters or more.
  auto alike = [&](std::string_view first, std::string_view second) {
    for (const std::string& ending : endings) {
      const size_t least = ending.size() + 4;
      if (first.size() >= least && second.size() >= least && first.ends_with(ending) && second.ends_with(ending)) return true;
    }
    return false;
  };
  bool any = false;
  std::vector<size_t> chain;  // the commas of the chain being read
  for (size_t at = folded.find(','); at != std::string_view::npos; at = folded.find(',', at + 1)) {
    const auto [before_begin, before_end] = word_ending_at(folded, at);
    size_t next = at + 1;
    while (next < folded.size() && folded[next] == ' ') ++next;
    const auto [after_begin, after_end] = word_starting_at(folded, next);
    const std::string_view before = folded.substr(before_begin, before_end - before_begin);
    const std::string_view after = folded.substr(after_begin, after_end - after_begin);
    if (!alike(before, after)) {
      chain.clear();
      continue;
    }
    chain.push_back(at);
    // The chain ends where the adjective after the comma is followed by its noun.
    if (after_end + 1 < folded.size() && folded[after_end] == ' ' && is_letter(code_point_at(folded, after_end + 1))) {
      for (size_t comma : chain) hidden[comma] = any = true;
      chain.clear();
    }
  }
  return any;
}

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
  any = hide_shared_head_commas(folded, vocabulary, hidden) || any;
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

// Whether a folded word is an agency's head noun (vocabulary agency.head: "отдел*", "бөлім*").
bool is_head_word(std::string_view word, const Vocabulary& vocabulary) {
  return vocabulary.has_word("agency.head", word);
}

// The folded words of a name before any bracket: a note in brackets ("(по согласованию с МНЭ)")
// holds no head of the name.
std::vector<std::string> name_words(std::string_view text) { return words_of(fold_case(text.substr(0, text.find('(')))); }

// Whether folded words name their head only behind an owner link after words that head nothing:
// "sport of the almaty akimat", "culture and sports of the akimat" (vocabulary agency.owner_link,
// English "of"). Such words are fields of the name before them, and the body after the link
// owns that name: they name no body of their own. `listed`: a conjunction must stand before the
// link (the fields are listed in the words themselves).
bool heads_only_an_owner(const std::vector<std::string>& words, const Vocabulary& vocabulary, bool listed) {
  if (words.size() < 3) return false;
  const std::vector<std::string>& links = vocabulary.phrases("agency.owner_link");
  // The link first, by plain comparison: most pieces have none, and head words cost more to test.
  size_t link = 1;
  while (link + 1 < words.size() && std::find(links.begin(), links.end(), words[link]) == links.end()) ++link;
  if (link + 1 >= words.size()) return false;
  if (listed) {
    const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
    const auto end = words.begin() + static_cast<std::ptrdiff_t>(link);
    if (std::find_first_of(words.begin(), end, conjunctions.begin(), conjunctions.end()) == end) return false;
  }
  for (size_t k = 0; k < link; ++k) {
    if (is_head_word(words[k], vocabulary)) return false;
  }
  return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(link) + 1, words.end(),
                     [&](const std::string& word) { return is_head_word(word, vocabulary); });
}

// "КГД МФ", "ДЭ МИО": a body's abbreviation and its owner's, which glossaries list as one entry.
bool is_abbreviation_run(std::string_view text) {
  constexpr size_t kMaxRun = 3;
  const std::vector<std::string_view> words = split(text, ' ');
  return words.size() >= 2 && words.size() <= kMaxRun &&
         std::all_of(words.begin(), words.end(), [](std::string_view word) { return is_abbreviation(word); });
}

// "Ministry of Energy (ME)", "Министерство здравоохранения (МЗ РК)", "Статистика агенттігі (СА)":
// where the " (" of a body's own abbreviation in brackets after its name stands; npos when there is
// none. The name must be a body's: its head noun opens it (in its first two words, "Генеральная
// прокуратура") or closes it (Kazakh); "отчет в Министерство здравоохранения (МЗ РК)" is prose
// that cites a body.
size_t own_abbreviation_at(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kHeadWithin = 2;
  if (text.size() < 5 || text.back() != ')') return std::string_view::npos;
  const size_t open = text.rfind(" (");
  if (open == std::string_view::npos || open == 0) return std::string_view::npos;
  const std::string_view inside = text.substr(open + 2, text.size() - open - 3);
  if (inside.empty() || !(is_abbreviation(inside) || is_abbreviation_run(inside))) return std::string_view::npos;
  const std::vector<std::string> words = words_of(fold_case(text.substr(0, open)));
  if (words.empty()) return std::string_view::npos;
  const bool headed = is_head_word(words.back(), vocabulary) ||
                      std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min(words.size(), kHeadWithin)),
                                  [&](const std::string& word) { return is_head_word(word, vocabulary); });
  return headed ? open : std::string_view::npos;
}

// Splits "MJ and other interested agencies", "MIA and MJ" or "MIA and MJ and NB" at its
// conjunctions; a written-out name with "and" inside ("Ministry of Labor and Social Protection")
// stays whole, and so does a conjunction inside quotes or brackets ("ТОО «Рога и копыта»"). A
// conjunction cuts before a group (which keeps the conjunction and the rest, its own "and"s
// included), or between two entries that each name a body (abbreviations, legal forms with a
// quoted name, or names that open or close with a head noun: "отдел образования и отдел
// культуры"): what precedes it since the last cut and what follows it up to the next conjunction.
// Whether a folded word ends in one of a vocabulary role's endings, a stem of two letters or more
// before it.
bool ends_in_one_of(std::string_view word, std::string_view role, const Vocabulary& vocabulary) {
  for (const std::string& ending : vocabulary.phrases(role)) {
    if (word.size() >= ending.size() + 4 && word.ends_with(ending)) return true;
  }
  return false;
}

// "Kazpost JSC", "АО КазНИИСА": a capitalised name of one or two words with its legal form
// before or after it, unquoted: a company named in full, short enough to end an entry before
// "and".
bool is_named_company(std::string_view text, const Vocabulary& vocabulary) {
  size_t length = 0;
  const LegalForm form = legal_form_of(text, vocabulary, &length);
  if (form != LegalForm::before && form != LegalForm::after) return false;
  const std::string_view name = trim(form == LegalForm::before ? text.substr(length) : text.substr(0, text.size() - length));
  const std::vector<std::string_view> words = split(name, ' ');
  return !name.empty() && words.size() <= 2 && std::all_of(words.begin(), words.end(), [](std::string_view word) {
    return !word.empty() && is_upper(code_point_at(word, 0));
  });
}

bool names_a_body(std::string_view piece, const Vocabulary& vocabulary);  // below: it reads pieces the way this splits them

bool plural_by_form(std::string_view text, const Vocabulary& vocabulary);  // below
bool has_quote_mark(std::string_view text);                                // below
std::string_view without_footnote_mark(std::string_view entry);            // below
bool ends_in_places(std::string_view piece, const Vocabulary& vocabulary);  // below
bool opens_with_places(std::string_view piece, const Vocabulary& vocabulary);  // below

std::vector<std::string> split_conjunctions(const std::string& piece, const Vocabulary& vocabulary) {
  // A conjunction stands between spaces: a piece of one word ("МФ") has none.
  if (piece.find(' ') == std::string::npos) return {piece};
  const std::string folded = fold_case(piece);
  if (folded.size() != piece.size()) return {piece};
  struct Joint {
    size_t at;          // the space before the conjunction
    size_t length;      // " and " with both spaces
    bool with = false;  // "together with", "совместно с" (conjunction.with): a partner follows
  };
  std::vector<Joint> joints;
  std::vector<bool> hidden;  // where quotes and brackets hide a conjunction, once one is found
  for (const auto& [needle, with] : agency_filters(vocabulary).conjunctions) {
    for (size_t at = folded.find(needle); at != std::string::npos; at = folded.find(needle, at + 1)) {
      if (hidden.empty()) hidden = shelter(piece).hidden;
      if (!hidden[at + 1]) joints.push_back(Joint{at, needle.size(), with});
    }
  }
  std::sort(joints.begin(), joints.end(), [](const Joint& a, const Joint& b) { return a.at < b.at; });
  // Every test below looks at a bounded stretch of text, so that a cell of a thousand "and"s
  // costs linear time: an abbreviation or a legal-form name (with its quoted name and marker)
  // is short, and a group is told by its first words.
  const auto is_short_entry = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    // "Kaspi.kz JSC*": a footnote's mark is no part of the entry.
    text = std::string(without_footnote_mark(text));
    // A legal form alone ("ҚБ" where the plan's glossary defines it, or a name lost) is as short:
    // read on its own, defined or reported, never merged into the entry after the conjunction.
    return abbreviation_of(text, fold_case(text), vocabulary).has_value() || is_legal_entity(text, vocabulary) ||
           is_abbreviation_run(text) || is_named_company(text, vocabulary) ||
           (text.size() <= kMaxLegalForm && legal_form_of(text, vocabulary) == LegalForm::alone);
  };
  // "отдел образования", "отделом архитектуры", "мәдениет бөлімі": a written-out name whose head
  // noun opens it (Russian, English) or closes it (Kazakh). Both sides of a conjunction named so
  // are two bodies; "Министерство труда и социальной защиты" has no head after its "и".
  const auto is_named_by_head = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    const std::vector<std::string> words = name_words(text);
    return words.size() >= 2 && (is_head_word(words.front(), vocabulary) || is_head_word(words.back(), vocabulary));
  };
  // "акимы районов совместно с УЗ": a group before a conjunction names its bodies as well as a
  // head does. After one it does not: "other agencies and organizations" is one group.
  const auto is_group_entry = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    return is_group(text, vocabulary) || heads_a_plural(fold_case(text), vocabulary);
  };
  const auto names_one = [&](size_t from, size_t to) { return is_short_entry(from, to) || is_named_by_head(from, to); };
  // "Department of Tourism and Sport of the Almaty akimat": after a written-out name, a capitalised
  // field whose head stands only behind an owner link is more of that name, not a second body
  // ("Department of Education and heads of district akimats" still names two).
  const auto is_owned_field = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry || !is_upper(code_point_at(piece, from))) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    return heads_only_an_owner(name_words(text), vocabulary, false);
  };
  const auto starts_group = [&](size_t from, bool nouns) {
    std::string text = collapse_spaces(std::string_view(piece).substr(from, kGroupLookahead));
    strip_marker(text, vocabulary);
    return is_group(text, vocabulary, nouns);
  };
  // "руководители КСК и ОСИ", "heads of KSK and OSI": people of a kind (a plural of group.plural)
  // before one abbreviation head the abbreviation after the conjunction as well: one group.
  const auto heads_abbreviations = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    const std::string text = collapse_spaces(piece.substr(from, to - from));
    const size_t space = text.rfind(' ');
    if (space == std::string::npos || !is_abbreviation(std::string_view(text).substr(space + 1))) return false;
    const std::string before = fold_case(std::string_view(text).substr(0, space));
    return vocabulary.has_word("group.plural", before.substr(0, before.find(' ')));
  };
  const auto is_lone_abbreviation = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    return text.find(' ') == std::string::npos && is_abbreviation(text);
  };
  // "центральные и местные исполнительные органы", "central and local executive bodies",
  // "орталық және жергілікті атқарушы органдар": one lower-case word before the conjunction that
  // names nothing by itself (no head, no plural of bodies, no abbreviation) is an adjective
  // sharing the noun after it, no entry of its own.
  const auto is_lone_modifier = [&](size_t from, size_t to) {
    if (to - from > kMaxShortEntry) return false;
    const std::string text = collapse_spaces(piece.substr(from, to - from));
    if (text.empty() || text.find(' ') != std::string::npos || !is_lower_letter(code_point_at(text, 0))) return false;
    const std::string folded = fold_case(text);
    if (vocabulary.has_word("group.plural", folded) || vocabulary.has_word("agency.position", folded)) return false;
    // A plural adjective's ending tells it where a head's word family would take it for a noun
    // ("центральные", in the family of "центр").
    return ends_in_one_of(folded, "group.opening_plural_adjective", vocabulary) ||
           (!is_head_word(folded, vocabulary) && !names_a_body(text, vocabulary));
  };
  const auto is_plural_group = [&](size_t from, size_t to) {
    if (to <= from || to - from > kMaxShortEntry) return false;
    std::string text = collapse_spaces(piece.substr(from, to - from));
    strip_marker(text, vocabulary);
    std::string folded = fold_case(text);
    // "and other agencies and organizations": the lead after the conjunction that joined it.
    if (folded.size() == text.size()) {
      if (const size_t conjunction = leading_conjunction(folded, vocabulary); conjunction > 0) {
        folded.erase(0, conjunction);
        text.erase(0, conjunction);
      }
    }
    const std::vector<std::string>& leads = vocabulary.phrases("group.lead");
    if (std::any_of(leads.begin(), leads.end(), [&](const std::string& lead) { return starts_with_words(folded, lead); })) return false;
    // Places of a kind ("Zhetysu regions", "cities of Astana") name no bodies: they end the name
    // of the group before them.
    if (ends_in_places(text, vocabulary) || opens_with_places(text, vocabulary)) return false;
    return !has_quote_mark(text) && legal_form_of(text, vocabulary) == LegalForm::none && plural_by_form(text, vocabulary);
  };
  std::vector<std::string> parts;
  size_t start = 0;
  bool in_groups = false;  // past a group, only another group starts a new entry
  for (size_t j = 0; j < joints.size(); ++j) {
    const Joint& joint = joints[j];
    if (joint.at < start) continue;  // overlapping conjunctions ("и" inside another match)
    const size_t after = joint.at + joint.length;
    if (joint.at > start && !is_lone_modifier(start, joint.at) && starts_group(after, !in_groups && is_short_entry(start, joint.at))) {
      // "and other bodies": the conjunction belongs to the group.
      parts.emplace_back(trim(piece.substr(start, joint.at - start)));
      start = joint.at + 1;
      in_groups = true;
      continue;
    }
    if (in_groups) continue;
    const size_t next = j + 1 < joints.size() ? joints[j + 1].at : piece.size();
    // "управляющие компании и объединения собственников", "district akimats and management
    // companies": two names each of bodies of a kind by the form of its plural head are two
    // groups. A group opened by a lead word ("other agencies and organizations", vocabulary
    // group.lead) runs on over its conjunction, as above.
    // "heads of condominiums and housing cooperatives": after an owner link ("of") the
    // conjunction joins what the link governs: one group.
    const auto owns_what_follows = [&] {
      const std::vector<std::string> words = name_words(piece.substr(start, std::min(joint.at - start, kMaxShortEntry)));
      const std::vector<std::string>& links = vocabulary.phrases("agency.owner_link");
      return std::find_first_of(words.begin(), words.end(), links.begin(), links.end()) != words.end();
    };
    if (!joint.with && is_plural_group(start, joint.at) && is_plural_group(after, next) && !owns_what_follows()) {
      parts.emplace_back(trim(piece.substr(start, joint.at - start)));
      start = after;
      continue;
    }
    // After "совместно с", "together with" stands a partner, named by a head or not
    // ("медицинскими организациями района", "private clinics"): the words before name one.
    if (joint.with && after < next && (names_one(start, joint.at) || is_group_entry(start, joint.at))) {
      parts.emplace_back(trim(piece.substr(start, joint.at - start)));
      start = after;
      continue;
    }
    if (!names_one(after, next) || !(names_one(start, joint.at) || is_group_entry(start, joint.at))) continue;
    if (!is_short_entry(start, joint.at) && is_owned_field(after, next)) continue;
    if (heads_abbreviations(start, joint.at) && is_lone_abbreviation(after, next)) continue;
    parts.emplace_back(trim(piece.substr(start, joint.at - start)));
    start = after;
  }
  parts.emplace_back(trim(piece.substr(start)));
  return parts;
}

// Initials in one word: "А.", "А.Б."; returns how many.
int initials_in(std::string_view word) {
  const std::u32string chars = to_u32(word);
  if (chars.empty() || chars.size() % 2 != 0) return 0;
  for (size_t k = 0; k < chars.size(); k += 2) {
    if (!is_upper(chars[k]) || chars[k + 1] != U'.') return 0;
  }
  return static_cast<int>(chars.size() / 2);
}

// "Петрова А.Б. Сидоров В.Г.": people by surname and initials, one after another with nothing
// between them (a copy that lost the line break between two names). Each person is a
// capitalised word of lower-case letters (a hyphen allowed) and one or two initials ("А.Б.",
// "А. Б.", "А."). Only an entry that is wholly such a chain of two people or more is cut, so
// that a name with initials inside ("Петров А.Б., глава района") is never touched.
std::vector<std::string> split_people(const std::string& entry) {
  if (entry.find('.') == std::string::npos || entry.size() > kMaxShortEntry) return {entry};
  const auto is_surname = [](std::string_view word) {
    const std::u32string chars = to_u32(word);
    if (chars.size() < 2 || !is_upper(chars.front())) return false;
    return std::all_of(chars.begin() + 1, chars.end(), [](char32_t c) { return c == U'-' || is_lower_letter(c); });
  };
  std::vector<std::string_view> words;
  std::string_view rest = entry;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    if (space != 0) words.push_back(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  std::vector<std::string> people;
  size_t k = 0;
  while (k < words.size()) {
    if (!is_surname(words[k])) return {entry};
    std::string person(words[k++]);
    int initials = 0;
    while (k < words.size() && initials < 2) {
      const int more = initials_in(words[k]);
      if (more == 0 || initials + more > 2) break;
      initials += more;
      person += ' ';
      person += words[k++];
    }
    if (initials == 0) return {entry};
    people.push_back(std::move(person));
  }
  if (people.size() < 2) return {entry};
  return people;
}

// An entry without a footnote mark at its end ("МТИ<1>", "МТИ*(2)", "МТИ*"): the mark points
// to a note under the table and is no part of the name.
std::string_view without_footnote_mark(std::string_view entry) {
  std::string_view rest = entry;
  const auto strip_digits_in = [&](char open, char close) {
    if (rest.size() < 3 || rest.back() != close) return false;
    const size_t at = rest.rfind(open);
    if (at == std::string_view::npos || at + 2 > rest.size() - 1) return false;
    const std::string_view digits = rest.substr(at + 1, rest.size() - at - 2);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    rest = rest.substr(0, at);
    return true;
  };
  bool marked = strip_digits_in('<', '>');
  if (!marked && strip_digits_in('(', ')') && (rest.empty() || rest.back() != '*')) return entry;  // "(2)" alone is text
  // "*", and the superscript digits a Word copy keeps ("ТҚҰБ¹").
  for (bool more = true; more && !rest.empty();) {
    more = false;
    if (rest.back() == '*') {
      rest.remove_suffix(1);
      marked = more = true;
      continue;
    }
    if (static_cast<unsigned char>(rest.back()) < 0x80) break;  // ASCII: no superscript
    for (std::string_view digit : {"¹", "²", "³", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}) {
      if (rest.size() > digit.size() && rest.ends_with(digit)) {
        rest.remove_suffix(digit.size());
        marked = more = true;
        break;
      }
    }
  }
  return marked && !trim(rest).empty() ? trim(rest) : entry;
}

bool has_initials(std::string_view text) {
  for (std::string_view word : split(text, ' ')) {
    if (initials_in(word) > 0) return true;
  }
  return false;
}

bool has_quote_mark(std::string_view text) {
  for (std::string_view mark : {"\"", "«", "»", "“", "”", "„"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// Whether words[from..] read as a group phrase ("другие заинтересованные органы").
bool starts_group_words(const std::vector<std::string>& words, size_t from, const Vocabulary& vocabulary) {
  std::string rest;
  for (size_t k = from; k < words.size(); ++k) {
    if (!rest.empty()) rest += ' ';
    rest += words[k];
  }
  return is_group_folded(rest, vocabulary, false);
}

std::string closing_abbreviation(std::string_view piece, const Vocabulary& vocabulary);  // below

// Whether a piece of a cell names a body by itself: an abbreviation first ("МФ", "НПП «…»"), a
// quoted name, a legal form, a group, a person by initials, or a head noun among its words
// ("отдел образования", "білім басқармасы"). A piece that does none of these ("городов
// Астаны", "сельского хозяйства") is words of a name (join_continued_pieces).
bool names_a_body(std::string_view piece, const Vocabulary& vocabulary) {
  // Most pieces of most cells open with an abbreviation ("МФ", "MNE (as agreed)"): told first,
  // before any copy or folding (a conjunction in capitals, "AND", is no abbreviation here).
  {
    const std::string_view trimmed = trim(piece);
    const std::string_view first = trimmed.substr(0, trimmed.find(' '));
    if (is_abbreviation(first) && (first.size() == trimmed.size() || leading_conjunction(fold_case(trimmed), vocabulary) == 0)) return true;
  }
  std::string bare = collapse_spaces(piece);
  // A marker ends an entry but names no one: "сёл (по согласованию)" still goes on a name.
  strip_marker(bare, vocabulary);
  if (bare.empty() || has_quote_mark(bare) || has_initials(bare) || own_abbreviation_at(bare, vocabulary) != std::string::npos) return true;
  std::string folded = fold_case(bare);
  // "and other central bodies": a group after its conjunction, as read_entry reads it.
  if (folded.size() == bare.size()) {
    const size_t conjunction = leading_conjunction(folded, vocabulary);
    bare.erase(0, conjunction);
    folded.erase(0, conjunction);
  }
  // A footnote's mark after an abbreviation ("ТҚҰБ*", "МФ<1>") leaves it an abbreviation.
  const std::string_view unmarked = without_footnote_mark(bare);
  if (is_abbreviation(unmarked.substr(0, unmarked.find(' ')))) return true;
  if (is_group_folded(folded, vocabulary) || legal_form_of_folded(folded, vocabulary) != LegalForm::none) return true;
  if (!closing_abbreviation(bare, vocabulary).empty()) return true;  // "… қалаларының ЖАО
  // A plural noun for bodies of a kind opening the piece ("школы района", "organizations of
  // culture") names those bodies, in lower case too: it is no word of the name before the comma.
  const std::string_view first_word = std::string_view(folded).substr(0, folded.find(' '));
  for (const std::string& noun : vocabulary.phrases("group.noun")) {
    if (first_word == noun) return true;
  }
  if (heads_a_plural(std::string_view(folded).substr(0, folded.find('(')), vocabulary)) return true;
  // "central and local executive bodies": one word and a conjunction before a group share its noun.
  if (const size_t space = folded.find(' '); space != std::string::npos) {
    for (const auto& [needle, with] : agency_filters(vocabulary).conjunctions) {
      if (with || folded.compare(space, needle.size(), needle) != 0) continue;
      const std::string_view after = std::string_view(folded).substr(space + needle.size());
      if (is_group_folded(after, vocabulary) || heads_a_plural(after.substr(0, after.find('(')), vocabulary)) return true;
    }
  }
  // The words before any bracket, from the folded text when folding kept its length.
  const std::vector<std::string> words = folded.size() == bare.size() ? words_of(std::string_view(folded).substr(0, bare.find('(')))
                                                                      : name_words(bare);
  // "Culture and Sports of the akimat" after a comma: fields of the name before it, and its owner.
  if (heads_only_an_owner(words, vocabulary, true)) return false;
  // "…, курирующий вопросы ЧС": a participle describes the entry before the comma.
  if (!words.empty() && ends_in_one_of(words.front(), "agency.participle_ending", vocabulary)) return false;
  // An adjective in the nominative opening a name of two words or more names a body by itself,
  // head noun or none ("районная библиотека", "городская больница"; vocabulary
  // agency.nominative_ending): a name's words after a comma go on in the genitive.
  if (words.size() >= 2 && ends_in_one_of(words.front(), "agency.nominative_ending", vocabulary)) return true;
  // A person's post opening the piece names that person or those people ("руководители
  // госорганов", "заместитель акима области", "executive secretary of the MoH"; vocabulary
  // agency.position), not more words of the name before the comma. Asked last: it is the rarest.
  const auto opens_with_post = [&](const std::vector<std::string>& w) {
    if (w.size() < 2) return false;
    const std::vector<std::string>& posts = vocabulary.phrases("agency.position");
    return in_any_family(w[0], posts) || in_any_family(w[1], posts);
  };
  // A head behind fields listed with a conjunction, in an inflecting language, with words after
  // it ("культуры и спорта акимата области"), is the owner of the name, in the genitive: the
  // piece lists the fields of the name before the comma and names no body of its own. A head the
  // piece opens with, or behind adjectives only, agrees with them ("местные исполнительные
  // органы"); a head that ends the piece (Kazakh puts it last: "жер бөлімі және мәдениет
  // бөлімі"), behind English words, which do not inflect, or behind a person's position with no
  // list ("руководитель управления строительства") is the piece's own.
  const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
  const std::vector<std::string>& heads = vocabulary.phrases("agency.head");
  bool agreeing = true;  // every word so far may stand before its head
  bool listed = false;   // a conjunction stood before
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k];
    if ((agreeing || !listed || k + 1 == words.size()) && in_any_family(word, heads)) return true;
    const bool conjunction = std::find(conjunctions.begin(), conjunctions.end(), word) != conjunctions.end();
    // "… акимата области и другие заинтересованные органы": a group the conjunction adds is an
    // entry of its own (split_conjunctions); its head is not the piece's.
    // A head that ends the words before it is the piece's own, as at the piece's end.
    if (conjunction && k + 1 < words.size() && starts_group_words(words, k + 1, vocabulary)) {
      return (k > 0 && is_head_word(words[k - 1], vocabulary)) || opens_with_post(words);
    }
    listed = listed || conjunction;
    agreeing = agreeing && (is_ascii(word) || conjunction || ends_in_one_of(word, "agency.shared_ending", vocabulary) ||
                            ends_in_one_of(word, "agency.nominative_ending", vocabulary));
  }
  return opens_with_post(words);
}

// Whether a written-out entry may go on past a comma with words that complete it: it names a
// body, its head comes first and words follow it ("отдел предпринимательства", "МИО областей",
// "местные исполнительные органы областей"). An entry that ends in its head ("Қаржы бөлімі",
// "областной акимат"), in a bracket, a quote or a marker is closed, and so is a word alone ("МФ").
// `names_body`: names_a_body(entry), when the caller has it already (it is the costliest test).
bool is_open_entry(std::string_view entry, const Vocabulary& vocabulary, std::optional<bool> names_body = std::nullopt) {
  std::string bare = collapse_spaces(entry);
  if (bare.find(' ') == std::string::npos || strip_marker(bare, vocabulary) || has_quote_mark(bare) ||
      has_initials(bare) || bare.back() == ')' || bare.back() == ']') {
    return false;
  }
  if (legal_form_of(bare, vocabulary) != LegalForm::none || !(names_body ? *names_body : names_a_body(bare, vocabulary))) return false;
  const std::vector<std::string> words = name_words(bare);
  return !words.empty() && !is_head_word(words.back(), vocabulary);
}

// Kazakh puts the head last: "денсаулық сақтау басқармалары", "Степногорск қалаларының
// әкімдіктері" (words before it, the head at the end, and the first word no head). `shared`:
// only a head in the plural with its possessive (vocabulary agency.head_plural_ending), which
// the pieces before it share.
bool ends_in_head(std::string_view piece, const Vocabulary& vocabulary, bool shared) {
  std::string bare = collapse_spaces(piece);
  strip_marker(bare, vocabulary);
  const std::vector<std::string> words = name_words(bare);
  return words.size() >= 2 && is_head_word(words.back(), vocabulary) && !is_head_word(words.front(), vocabulary) &&
         (!shared || ends_in_one_of(words.back(), "agency.head_plural_ending", vocabulary));
}

// Whether a piece ends in a head after fields listed with a conjunction: "архивтер және құжаттама
// басқармасы", "Archives and Documentation Department".
// Only a plain written-out name: one that opens with an abbreviation, a quoted name or a legal
// form ("MIN and other interested government agencies") names a body of its own before the head.
bool ends_in_listed_head(std::string_view piece, const Vocabulary& vocabulary) {
  if (!ends_in_head(piece, vocabulary, false)) return false;
  std::string bare = collapse_spaces(piece);
  strip_marker(bare, vocabulary);
  if (has_quote_mark(bare) || has_initials(bare) || legal_form_of(bare, vocabulary) != LegalForm::none) return false;
  for (std::string_view word : split(bare, ' ')) {
    if (is_abbreviation(word)) return false;
  }
  // A conjunction between two words at least: "A and B", never first or last (nor, for a piece
  // of no words, anywhere).
  const std::vector<std::string> words = name_words(piece);
  if (words.size() < 3) return false;
  const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
  return std::any_of(words.begin() + 1, words.end() - 1, [&](const std::string& word) {
    return std::find(conjunctions.begin(), conjunctions.end(), word) != conjunctions.end();
  });
}

// "ЖАО-мен", "ҚМ-нің": the abbreviation before a case ending glued to it by a hyphen, as Kazakh
// writes one; empty when the word is no such abbreviation.
std::string_view abbreviation_before_ending(std::string_view word) {
  const size_t hyphen = word.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return {};
  const std::string_view abbr = word.substr(0, hyphen);
  return is_abbreviation(abbr) ? abbr : std::string_view{};
}

// Whether a piece's last word is in the Kazakh genitive ("облыстардың").
bool ends_in_genitive(std::string_view piece, const Vocabulary& vocabulary) {
  const std::vector<std::string> words = name_words(piece);
  return !words.empty() && ends_in_one_of(words.back(), "agency.genitive_ending", vocabulary);
}

// "Астана, Алматы және Шымкент қалаларының ЖАО": Kazakh puts the head last, and the head may be
// an abbreviation; the words before it stand in the genitive. The abbreviation, or "" when the
// piece does not end so. The marker is stripped first, so the abbreviation is the last word
// before it, not an offset into the piece (a piece may carry the marker twice).
std::string closing_abbreviation(std::string_view piece, const Vocabulary& vocabulary) {
  std::string bare = collapse_spaces(piece);
  strip_marker(bare, vocabulary);
  const size_t space = bare.rfind(' ');
  if (space == std::string::npos || !is_abbreviation(std::string_view(bare).substr(space + 1))) return {};
  if (has_quote_mark(bare) || bare.find('(') != std::string::npos) return {};
  if (!ends_in_genitive(std::string_view(bare).substr(0, space), vocabulary)) return {};
  return bare.substr(space + 1);
}

// "Ulytau and Zhetysu regions": a piece that ends in a plural of places (vocabulary
// agency.place_plural), the last of the places a name before the comma lists ("akimats of Abai,
// Ulytau and Zhetysu regions").
bool ends_in_places(std::string_view piece, const Vocabulary& vocabulary) {
  const std::vector<std::string>& places = vocabulary.phrases("agency.place_plural");
  if (places.empty()) return false;
  std::string_view bare = trim(piece);
  const size_t bracket = bare.find('(');
  if (bracket != std::string_view::npos) bare = trim(bare.substr(0, bracket));
  const size_t space = bare.rfind(' ');
  if (space == std::string_view::npos) return false;  // a place word alone names no place
  const std::string last = fold_case(bare.substr(space + 1));
  return std::find(places.begin(), places.end(), last) != places.end();
}

// Whether a folded word is a plural of places (vocabulary agency.place_plural: "regions",
// "городов", "аудандарының").
bool is_place_plural(std::string_view word, const Vocabulary& vocabulary) {
  return vocabulary.has_word("agency.place_plural", word);
}

// "акимы городов Караганды", "акиматы районов Абай": a piece that ends in a plural of places and
// the capitalised name of the first of them (Russian puts the place word first). Capitalised
// pieces after it name more of those places ("…, Темиртау и Сарани").
bool lists_places(std::string_view piece, const Vocabulary& vocabulary) {
  std::string_view bare = trim(piece);
  const size_t space = bare.rfind(' ');
  if (space == std::string_view::npos) return false;
  // The name may stand in quotes, as districts of a city are written ("акимы районов «Алматы»").
  size_t name = space + 1;
  if (is_open_quote(code_point_at(bare, name))) next_code_point(bare, name);
  if (!is_upper(code_point_at(bare, name))) return false;
  const size_t before = bare.rfind(' ', space - 1);
  const std::string_view word = bare.substr(before == std::string_view::npos ? 0 : before + 1,
                                            space - (before == std::string_view::npos ? 0 : before + 1));
  return is_place_plural(fold_case(word), vocabulary);
}

// Whether a piece opens with the names of places and then the plural of their kind: "Auezov and
// Turksib districts", "Меркі және Шу аудандарының әкімдері" (Kazakh and English put the places
// first); not "akimats of Abai and Ulytau regions", whose head comes first.
bool opens_with_places(std::string_view piece, const Vocabulary& vocabulary) {
  const std::string_view bare = trim(piece);
  if (bare.empty() || !is_upper(code_point_at(bare, 0))) return false;
  const std::vector<std::string> words = name_words(bare);
  for (size_t k = 1; k < words.size(); ++k) {
    if (is_place_plural(words[k], vocabulary)) return true;
    if (is_head_word(words[k], vocabulary)) return false;
  }
  return false;
}

// Whether a piece is one name in quotes and nothing else («Есиль»).
bool is_quoted_name(std::string_view piece) {
  const std::string_view bare = trim(piece);
  return bare.size() > 2 && is_open_quote(code_point_at(bare, 0)) && is_close_quote(code_point_before(bare, bare.size()));
}

// A capitalised piece of a few words that names no body: a place's name ("Темиртау", "Almaly",
// "Байзақ") in a list of places.
bool is_place_name(std::string_view piece) {
  constexpr size_t kMaxPlaceWords = 3;
  std::string_view bare = trim(piece);
  // «Есиль»: a name in quotes, nothing else, as districts of a city are written.
  if (is_quoted_name(bare)) {
    size_t after = 0;
    next_code_point(bare, after);
    size_t end = bare.size() - 1;  // back to the closing mark's first byte
    while (end > 0 && (static_cast<unsigned char>(bare[end]) & 0xC0) == 0x80) --end;
    const std::string_view inner = bare.substr(after, end > after ? end - after : 0);
    if (!has_quote_mark(inner)) bare = inner;
  }
  return !bare.empty() && is_upper(code_point_at(bare, 0)) &&
         static_cast<size_t>(std::count(bare.begin(), bare.end(), ' ')) < kMaxPlaceWords && !has_quote_mark(bare) &&
         bare.find('(') == std::string_view::npos;
}

// "Ministry of Digital Development, Innovation and Aerospace Industry": an English name whose
// fields after "of" are listed over a comma, the last two joined by "and", in title case.
bool lists_title_fields(std::string_view open_piece, std::string_view piece, const Vocabulary& vocabulary) {
  const std::vector<std::string> before = name_words(open_piece);
  const std::vector<std::string> words = name_words(piece);
  const std::vector<std::string>& links = vocabulary.phrases("agency.owner_link");
  const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
  return before.size() >= 3 && std::find_first_of(before.begin() + 1, before.end(), links.begin(), links.end()) != before.end() &&
         words.size() >= 3 && std::find_first_of(words.begin() + 1, words.end() - 1, conjunctions.begin(), conjunctions.end()) != words.end() - 1 &&
         std::none_of(words.begin(), words.end(), [&](const std::string& word) { return is_head_word(word, vocabulary); });
}

// "облыс әкімінің орынбасары" (the region akim's deputy): a word in the genitive and, last, the
// noun it owns with its possessive ending. Such a piece is a noun phrase of its own, never a
// field of a head after it; "ауыл шаруашылығы" (agriculture), possessive with no genitive, is.
bool owns_its_noun(std::string_view piece, const Vocabulary& vocabulary) {
  const std::vector<std::string> words = name_words(piece);
  return words.size() >= 2 && ends_in_one_of(words.back(), "agency.possessive_ending", vocabulary) &&
         std::any_of(words.begin(), words.end() - 1,
                     [&](const std::string& word) { return ends_in_one_of(word, "agency.genitive_ending", vocabulary); });
}

// "МИО областей, городов Астаны, Алматы и Шымкента", "отдел предпринимательства, сельского
// хозяйства и ветеринарии района": commas inside one name list the words that complete its head,
// as in the group phrases and shared endings hide_group_commas knows. A piece after a comma that
// names no body (names_a_body) goes on the entry before it when that entry is open
// (is_open_entry) and the piece starts in lower case, or when the piece before it went on so
// ("Алматы и Шымкента"). Kazakh puts the head last: pieces that name no body go on with the
// piece after them that ends in a head, when the first is in the genitive ("облыстардың, ...
// органдары") or the head is plural with its possessive ending ("облыстық білім, денсаулық
// сақтау басқармалары"; vocabulary agency.genitive_ending, agency.head_plural_ending); a
// Russian name ending in its head ("Союз муниципалитетов, местные исполнительные органы") has
// neither. A singular head after fields listed with a conjunction is shared too ("облыстық
// мәдениет, архивтер және құжаттама басқармасы": the pieces before it are more of the fields),
// A shared head, plural or singular, is not shared past a piece that is a noun phrase of its own
// (owns_its_noun: "облыс әкімінің орынбасары, білім және спорт бөлімі", "облыс әкімінің
// орынбасары, аудандық ветеринария бөлімдері"). Any other piece stays an entry ("Министерство
// финансов, Казгидромет").
std::vector<Piece> join_continued_pieces(std::vector<Piece> pieces, const Vocabulary& vocabulary) {
  if (pieces.size() < 2) return pieces;
  const auto lower_start = [](const std::string& text) { return !text.empty() && is_lower_letter(code_point_at(text, 0)); };
  const auto ends_closed = [](const std::string& text) {
    const char32_t last = code_point_before(text, text.size());
    return last == U')' || last == U']' || is_close_quote(last);
  };
  std::vector<bool> bodies(pieces.size());
  for (size_t k = 0; k < pieces.size(); ++k) bodies[k] = names_a_body(pieces[k].text, vocabulary);
  // Places listed over commas, one name each, then the place word: "akims of Alatau, Almaly, Auezov
  // and Turksib districts", "Байзақ, Жуалы, Меркі және Шу аудандарының әкімдері". Whether the run
  // of place names from each piece on ends in a piece that names the kind of place: read from the
  // end, so that the pass stays linear.
  std::vector<bool> places_follow(pieces.size() + 1, false);
  for (size_t k = pieces.size(); k-- > 0;) {
    // Asked in the cheap order: a place's name names no body, and most pieces do.
    places_follow[k] = !bodies[k] && k + 1 < pieces.size() && pieces[k + 1].after_comma && is_place_name(pieces[k].text) &&
                       (places_follow[k + 1] || opens_with_places(pieces[k + 1].text, vocabulary));
  }
  const auto append = [](Piece& into, const Piece& piece) {
    into.text += ", ";
    into.text += piece.text;
    into.unclosed_quote = into.unclosed_quote || piece.unclosed_quote;
  };
  std::vector<Piece> out;
  bool open = false;       // out.back() may go on
  bool continued = false;  // out.back() ends in a piece that went on it
  bool places = false;     // out.back() ends in a list of places that more place names go on
  // The piece that ends the run of pieces without a body being read, and whether it ends in a
  // head, one any piece before it shares or one it shares only after a genitive (read once per
  // run, so that the pass stays linear).
  size_t run_end = 0;
  bool head_any = false;
  bool head_shared = false;
  bool head_listed = false;  // and it heads fields listed with a conjunction
  size_t fields_from = 0;    // the run's first piece that is a bare field of that head
  for (size_t k = 0; k < pieces.size(); ++k) {
    Piece& piece = pieces[k];
    if (!bodies[k] && k >= run_end) {
      run_end = k + 1;
      while (run_end < pieces.size() && pieces[run_end].after_comma && !bodies[run_end]) ++run_end;
      const bool closes = run_end < pieces.size() && pieces[run_end].after_comma;
      // The closing piece up to a group its conjunction adds ("… басқармасы және басқа да
      // мүдделі ұйымдар"): the head is the name's, before the group.
      const std::string closing = closes ? split_conjunctions(pieces[run_end].text, vocabulary).front() : std::string();
      head_any = closes && (ends_in_head(closing, vocabulary, false) || !closing_abbreviation(closing, vocabulary).empty());
      head_shared = closes && ends_in_head(closing, vocabulary, true);
      head_listed = head_any && ends_in_listed_head(closing, vocabulary);
      // The fields are the pieces after the last one that is a noun phrase of its own.
      fields_from = k;
      // So is one that ends in entries a conjunction joins ("… агенттігі (СЕА) және басқа да
      // мүдделі органдар").
      for (size_t m = k; m < run_end && (head_listed || head_shared); ++m) {
        if (owns_its_noun(pieces[m].text, vocabulary) || split_conjunctions(pieces[m].text, vocabulary).size() > 1) {
          fields_from = m + 1;
        }
      }
    }
    // Fields before a listed head they share are that head's, not more words of the entry before
    // them ("ҰКО және ЦИМ, облыстық мәдениет, архивтер және құжаттама басқармасы").
    const bool shares_listed_head = !bodies[k] && head_listed && k >= fields_from;
    // A piece in capitals goes on only when its words say it is fields and their owner, or the
    // last of places listed ("akimats of Abai, Ulytau and Zhetysu regions"; vocabulary
    // agency.place_plural).
    if (!bodies[k] && !shares_listed_head && piece.after_comma && !out.empty() && open &&
        (continued || lower_start(piece.text) || heads_only_an_owner(name_words(piece.text), vocabulary, true) ||
         ends_in_places(piece.text, vocabulary) || places_follow[k] || (places && is_place_name(piece.text)) ||
         lists_title_fields(out.back().text, piece.text, vocabulary)) &&
        // "председатели ОСИ, управляющие компании": a piece that names bodies of a kind by its
        // plural head is a group of its own, no words of the entry before it.
        !(lower_start(piece.text) && !continued && plural_by_form(piece.text, vocabulary))) {
      append(out.back(), piece);
      // The place word closes a list of places ("…, Ulytau and Zhetysu regions"): what follows is
      // another entry ("…, Snow Leopard Trust").
      const bool closes_places = ends_in_places(piece.text, vocabulary);
      open = !ends_closed(piece.text) && !closes_places;
      continued = !closes_places;
      continue;
    }
    // "акимы районов «Алматы», «Есиль», «Сарыарка» (по согласованию)": more places of the kind the
    // entry before lists, each a name in quotes (a quoted name names a body anywhere else).
    if (places && piece.after_comma && !out.empty()) {
      std::string bare = collapse_spaces(piece.text);
      strip_marker(bare, vocabulary);
      if (is_quoted_name(bare) && is_place_name(bare)) {
        append(out.back(), piece);
        open = false;
        continue;
      }
    }
    continued = false;
    places = false;
    if (!bodies[k] && places_follow[k] && k + 1 < pieces.size()) {
      // Place names before the piece that names their kind, as Kazakh lists them: one entry.
      size_t last = k + 1;
      while (places_follow[last] && last + 1 < pieces.size()) ++last;
      for (size_t m = k + 1; m <= last; ++m) append(piece, pieces[m]);
      open = false;
      out.push_back(std::move(piece));
      k = last;
      continue;
    }
    if (!bodies[k]) {
      if ((head_shared && k >= fields_from) || shares_listed_head || (head_any && ends_in_genitive(piece.text, vocabulary))) {
        for (size_t m = k + 1; m <= run_end; ++m) append(piece, pieces[m]);
        out.push_back(std::move(piece));
        open = false;
        k = run_end;
        continue;
      }
    }
    open = bodies[k] && is_open_entry(piece.text, vocabulary, true);
    places = (open || (bodies[k] && has_quote_mark(piece.text))) && lists_places(piece.text, vocabulary);
    out.push_back(std::move(piece));
  }
  return out;
}

// Whether a written-out entry names bodies or people of a kind by the form of its head, where
// group.plural lists no such word: a Russian name opening with a plural ("депутаты маслихата",
// "крестьянские хозяйства"; group.opening_plural_ending, in a text with no Kazakh letter), a Kazakh
// name ending in one ("аудандық мұрағаттар", "мектеп директорлары"; group.closing_plural_ending), an
// English head in lower case and in the plural before any "of", "for", … ("school principals",
// "veterinary inspectors of districts"; group.head_plural_ending, agency.head_end). Asked of an
// entry read as a body's name with no quote, legal form or person's initials.
bool plural_by_form(std::string_view text, const Vocabulary& vocabulary) {
  const std::vector<std::string> words = name_words(text);
  if (words.empty()) return false;
  if (is_ascii(text)) {
    // The head as written: a capital makes it a proper name ("Kazakh Railways"). Spaces collapsed,
    // so that the words written stand where the folded ones do.
    const std::string spaced = collapse_spaces(trim(text.substr(0, text.find('('))));
    const std::vector<std::string_view> written = split(spaced, ' ');
    // Words as written, one a space: where words_of cuts a word ("R&D centres" is two words as
    // written), the written ones, folded, are counted.
    std::vector<std::string> folded_written;
    if (written.size() != words.size()) {
      for (const std::string_view token : written) folded_written.push_back(fold_case(token));
    }
    const std::vector<std::string>& counted = folded_written.empty() ? words : folded_written;
    size_t head = 0;
    while (head + 1 < counted.size() && !vocabulary.has_word("agency.head_end", counted[head + 1])) ++head;
    if (head >= written.size() || written[head].empty() || !is_lower_letter(code_point_at(written[head], 0))) return false;
    const std::string& word = counted[head];
    for (const std::string& ending : vocabulary.phrases("group.head_singular_ending")) {
      if (word.ends_with(ending)) return false;
    }
    return std::any_of(vocabulary.phrases("group.head_plural_ending").begin(), vocabulary.phrases("group.head_plural_ending").end(),
                       [&](const std::string& ending) { return word.size() > ending.size() + 2 && word.ends_with(ending); });
  }
  // The plural noun must be one of bodies or people (a head noun, a post, a kind of institution):
  // "Организационные мероприятия", "Ұйымдастыру іс-шаралары" are headings.
  // A kind's plural may carry a possessive after it ("мектептері"): group.noun opens the word.
  const auto of_bodies = [&](const std::string& word) {
    const std::vector<std::string>& kinds = vocabulary.phrases("group.noun");
    return is_head_word(word, vocabulary) || in_any_family(word, vocabulary.phrases("agency.position")) ||
           std::any_of(kinds.begin(), kinds.end(), [&](const std::string& kind) { return word.starts_with(kind); }) ||
           ends_in_one_of(word, "group.people_ending", vocabulary);
  };
  if (ends_in_one_of(words.back(), "group.closing_plural_ending", vocabulary)) return of_bodies(words.back());
  // A Kazakh letter (language.letters) says the name is not Russian: "Алматы қаласы әкімдігі"
  // opens with a place, not a plural.
  const std::vector<std::string>& letters = vocabulary.phrases("language.letters");
  const bool own_letters = std::any_of(letters.begin(), letters.end(), [&](const std::string& set) {
    for (size_t at = 0; at < set.size();) {
      const size_t from = at;
      next_code_point(set, at);
      if (text.find(set.substr(from, at - from)) != std::string_view::npos) return true;
    }
    return false;
  });
  if (own_letters) return false;
  // Plural adjectives first ("архивные отделы"), then the noun in the plural.
  // Adjectives joined by a conjunction share the noun ("центральные и местные исполнительные органы").
  const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
  size_t noun = 0;
  while (noun + 1 < words.size() &&
         (ends_in_one_of(words[noun], "group.opening_plural_adjective", vocabulary) ||
          (noun > 0 && std::find(conjunctions.begin(), conjunctions.end(), words[noun]) != conjunctions.end() &&
           ends_in_one_of(words[noun + 1], "group.opening_plural_adjective", vocabulary)))) {
    ++noun;
  }
  if (ends_in_one_of(words[noun], "group.opening_plural_ending", vocabulary) && of_bodies(words[noun])) return true;
  // A partner after "при участии", "совместно с" stands in an oblique case: plural adjectives in
  // it, then the noun in it ("районных акиматов", "районными акиматами"; vocabulary
  // group.oblique_plural_adjective, group.oblique_plural_ending). Only after an adjective, so
  // that a name's own genitive ("Управления дел") is never taken for one.
  size_t oblique = 0;
  while (oblique + 1 < words.size() && ends_in_one_of(words[oblique], "group.oblique_plural_adjective", vocabulary)) ++oblique;
  return oblique > 0 && ends_in_one_of(words[oblique], "group.oblique_plural_ending", vocabulary) && of_bodies(words[oblique]);
}

// "MF and others", "МНЭ и др.", "ҚМ, т.б.": where an "et cetera" (vocabulary agency.etc) closes an
// entry, with its conjunction or comma or none, the byte offset where that tail starts in
// `folded` (the entry folded, its marker stripped); npos when none closes it. The tail names no
// body: the entry is read without it, and its text keeps it.
size_t etc_tail_at(std::string_view folded, const Vocabulary& vocabulary) {
  if (!agency_filters(vocabulary).etc_ending.may_match(folded, true)) return std::string_view::npos;
  for (const std::string& etc : vocabulary.phrases("agency.etc")) {
    if (folded.size() < etc.size() || !folded.ends_with(etc)) continue;
    size_t at = folded.size() - etc.size();
    if (at > 0 && folded[at - 1] != ' ' && folded[at - 1] != ',') continue;
    while (at > 0 && (folded[at - 1] == ' ' || folded[at - 1] == ',')) --at;
    const size_t word = folded.rfind(' ', at == 0 ? 0 : at - 1);
    const std::string_view before = folded.substr(word == std::string_view::npos ? 0 : word + 1, at - (word == std::string_view::npos ? 0 : word + 1));
    const std::vector<std::string>& conjunctions = vocabulary.phrases("conjunction");
    if (!before.empty() && std::find(conjunctions.begin(), conjunctions.end(), before) != conjunctions.end()) {
      at = word == std::string_view::npos ? 0 : word;
      while (at > 0 && (folded[at - 1] == ' ' || folded[at - 1] == ',')) --at;
    }
    return at;
  }
  return std::string_view::npos;
}

Agency read_entry(const std::string& text, const Vocabulary& vocabulary) {
  Agency agency;
  agency.text = text;
  std::string bare = collapse_spaces(text);
  agency.as_agreed = strip_marker(bare, vocabulary);
  const std::string folded_bare = fold_case(bare);
  // Folding keeps byte lengths in the scripts of the genre; where it does not, no conjunction
  // is cut.
  const size_t conjunction = folded_bare.size() == bare.size() ? leading_conjunction(folded_bare, vocabulary) : 0;
  std::string words(without_footnote_mark(std::string_view(bare).substr(conjunction)));
  if (folded_bare.size() == bare.size()) {
    if (const size_t tail = etc_tail_at(std::string_view(folded_bare).substr(conjunction), vocabulary);
        tail != std::string::npos && tail > 0 && tail <= words.size()) {
      words = std::string(trim(std::string_view(words).substr(0, tail)));
    }
  }
  // A cell's closing stop after an abbreviation ("МФ, МНЭ.") is no part of it; "II." is a
  // numeral with its stop, no body.
  if (words.size() > 1 && words.back() == '.') {
    const size_t space = words.rfind(' ');
    const std::string_view last = std::string_view(words).substr(space == std::string::npos ? 0 : space + 1, words.size());
    if (!parse_roman_row_number(last) && is_abbreviation(last.substr(0, last.size() - 1))) words.pop_back();
  }
  // "ЖАО-мен бірлесіп", "ПД-ның қатысуымен", "ПД қатысуымен" (split_partner): the abbreviation is
  // the partner's, without its case ending and the postposition.
  if (const size_t space = words.rfind(' '); space != std::string::npos) {
    const std::string postposition = fold_case(std::string_view(words).substr(space + 1));
    const bool genitive = vocabulary.has_word("agency.with_after_genitive", postposition);
    if (genitive || vocabulary.has_word("agency.with_after", postposition)) {
      std::string_view partner = std::string_view(words).substr(0, space);
      // "ҚР АШМ-нің": the country's short form before it (vocabulary agency.country) is kept.
      std::string_view country;
      if (const size_t gap = partner.find(' '); gap != std::string_view::npos) {
        const std::vector<std::string>& countries = vocabulary.phrases("agency.country");
        if (std::find(countries.begin(), countries.end(), fold_case(partner.substr(0, gap))) != countries.end()) {
          country = partner.substr(0, gap);
          partner = partner.substr(gap + 1);
        }
      }
      std::string_view abbr = abbreviation_before_ending(partner);
      if (abbr.empty() && genitive && is_abbreviation(partner)) abbr = partner;
      if (partner.find(' ') == std::string_view::npos && !abbr.empty()) {
        words = country.empty() ? std::string(abbr) : std::string(country) + " " + std::string(abbr);
      }
    }
  }
  const std::string folded = fold_case(words);
  if (is_group_folded(folded, vocabulary)) {
    agency.kind = AgencyKind::group;
    agency.name = words;
  } else if (auto abbr = abbreviation_of(words, folded, vocabulary)) {
    agency.abbr = *abbr;
  } else {
    agency.kind = heads_a_plural(folded, vocabulary) ? AgencyKind::group : AgencyKind::agency;
    if (agency.kind == AgencyKind::agency && !has_quote_mark(words) && !has_initials(words) &&
        legal_form_of(words, vocabulary) == LegalForm::none && plural_by_form(words, vocabulary)) {
      agency.kind = AgencyKind::group;
    }
    agency.name = words;
    // "Ministry of Health (lead)", "Министерство здравоохранения (свод)": a bracket of role words
    // (vocabulary agency.role_note) notes the body's part in the activity; the text keeps it.
    if (const size_t open = words.rfind('('); open != std::string::npos && open > 0 && words.back() == ')') {
      const std::vector<std::string> note = words_of(fold_case(std::string_view(words).substr(open + 1, words.size() - open - 2)));
      if (!note.empty() && std::all_of(note.begin(), note.end(), [&](const std::string& word) {
            return vocabulary.has_word("agency.role_note", word) || vocabulary.has_word("marker.filler", word);
          }) && std::any_of(note.begin(), note.end(), [&](const std::string& word) { return vocabulary.has_word("agency.role_note", word); })) {
        agency.name = std::string(trim(std::string_view(words).substr(0, open)));
      }
    }
    // "Ministry of Energy (ME)", "Министерство здравоохранения (МЗ РК)": the name written out and
    // the abbreviation the document gives it, a glossary entry of its own. The name stands as
    // written until the glossary is consulted.
    // The bracket as published, not one a marker stripped from inside it left behind
    // ("… (UTF-8(келісім бойынша))" gives no abbreviation; found by fuzz_agencies).
    if (const size_t open = own_abbreviation_at(words, vocabulary);
        agency.kind == AgencyKind::agency && open != std::string::npos &&
        agency.text.find(words.substr(open + 1, words.size() - open - 1)) != std::string::npos) {
      agency.abbr = words.substr(open + 2, words.size() - open - 3);
      agency.name = words.substr(0, open);
    }
  }
  return agency;
}

// "МИО областей", "КГД МФ", "МФ – свод", "МФ (по согласованию с МНЭ)": an abbreviation opening
// an entry whose other words name no body of their own (no head noun, no quote, no person): the
// body is the abbreviation's, the words qualify it (a sub-body of another body, the part of the
// country, a note on its role), and the entry's text keeps them. Read so in an agency cell only:
// prose that opens with an abbreviation ("МНЭ направит информацию") is no list of bodies.
void read_qualified_abbreviation(Agency& agency, const Vocabulary& vocabulary) {
  if (agency.abbr || agency.kind != AgencyKind::agency || !agency.name) return;
  const std::string& name = *agency.name;
  // The Kazakh order: the places in the genitive, then the abbreviation ("облыстардың, Астана,
  // Алматы және Шымкент қалаларының ЖАО"), a body of that abbreviation for those places.
  if (std::string closing = closing_abbreviation(name, vocabulary); !closing.empty()) {
    agency.abbr = std::move(closing);
    agency.name.reset();
    return;
  }
  const size_t space = first_abbreviation_end(name, vocabulary);
  if (space == std::string::npos || !is_abbreviation(std::string_view(name).substr(0, name.find(' ')))) return;
  if (legal_form_of(name, vocabulary) != LegalForm::none || has_initials(name) || has_quote_mark(name)) return;
  const std::vector<std::string> words = words_of(fold_case(name));
  if (std::any_of(words.begin(), words.end(), [&](const std::string& word) { return is_head_word(word, vocabulary); })) return;
  // The country's short form beside one abbreviation is part of it ("ҚР ДСМ"), not "ҚР"
  // qualified by "ДСМ" (first_abbreviation_end).
  agency.abbr = name.substr(0, space);
  agency.name.reset();
}

// Kazakh puts "together with" after the partner, which stands in the instrumental: "ҚМ ЖАО-мен
// бірлесіп", "білім басқармасы денсаулық сақтау басқармасымен бірлесіп" (vocabulary
// agency.with_after, agency.instrumental_ending); "with the participation of" likewise, the
// partner in the genitive: "ББ ПД-ның қатысуымен" (agency.with_after_genitive,
// agency.genitive_ending). The word before the postposition ends in that case (an abbreviation
// may stand bare before "қатысуымен"); the partner is that word when it is an abbreviation ("ЖАО-мен"), else the words
// after the last head noun before it (a Kazakh name ends with its head). Two entries, the
// partner's text as published; one when nothing names a body before the partner.
std::vector<std::string> split_partner(const std::string& part, const Vocabulary& vocabulary) {
  // Most entries hold no postposition: told by the bytes of its (lower-case) word, before any
  // copy or folding.
  const std::vector<std::string>& afters = vocabulary.phrases("agency.with_after");
  const std::vector<std::string>& genitive_afters = vocabulary.phrases("agency.with_after_genitive");
  const auto in_part = [&](const std::string& after) { return part.find(after) != std::string::npos; };
  if (std::none_of(afters.begin(), afters.end(), in_part) && std::none_of(genitive_afters.begin(), genitive_afters.end(), in_part)) {
    return {part};
  }
  std::string bare = collapse_spaces(part);
  // A marker after the postposition is the partner's: "ҚМ ЖАО-мен бірлесіп (келісім бойынша)".
  std::string marker;
  if (const auto found = find_bracketed_marker(bare, vocabulary); found && found->first + found->second == bare.size()) {
    marker = bare.substr(found->first);
    bare = std::string(trim(std::string_view(bare).substr(0, found->first)));
  }
  const std::vector<std::string_view> words = split(bare, ' ');
  const size_t n = words.size();
  if (n < 3) return {part};
  // The postposition governs its partner's case: "бірлесіп" the instrumental ("ЖАО-мен"),
  // "қатысуымен" the genitive ("ПД-ның", or an abbreviation bare: "ПД қатысуымен").
  const std::string postposition = fold_case(words[n - 1]);
  const bool genitive = vocabulary.has_word("agency.with_after_genitive", postposition);
  if (!genitive && !vocabulary.has_word("agency.with_after", postposition)) return {part};
  const std::string partner = fold_case(words[n - 2]);
  const auto is_legal_form_word = [&](std::string_view word) {
    return !word.empty() && legal_form_of(word, vocabulary) == LegalForm::alone;
  };
  const bool bare_abbreviation = genitive && is_abbreviation(words[n - 2]);
  size_t cut = 0;
  if (is_legal_form_word(words[n - 2]) || is_legal_form_word(abbreviation_before_ending(words[n - 2]))) {
    // A legal form before the postposition ("«QazTrade» АҚ қатысуымен", "«Өрлеу» АҚ-мен бірлесіп")
    // is the company's, no partner of its own: the partner starts at the company's quoted name.
    size_t k = n - 3;
    if (!is_close_quote(code_point_before(words[k], words[k].size()))) return {part};
    while (k > 0 && !is_open_quote(code_point_at(words[k], 0))) --k;
    if (k == 0 || !is_open_quote(code_point_at(words[k], 0))) return {part};
    cut = k;
  } else if (!bare_abbreviation &&
             !ends_in_one_of(partner, genitive ? "agency.genitive_ending" : "agency.instrumental_ending", vocabulary)) {
    return {part};
  } else if (bare_abbreviation || !abbreviation_before_ending(words[n - 2]).empty()) {
    cut = n - 2;
    // "ҚР СИМ ҚР АШМ-нің қатысуымен": the country's short form before the partner's abbreviation
    // is the partner's (vocabulary agency.country), as in "ҚР АШМ".
    const std::vector<std::string>& countries = vocabulary.phrases("agency.country");
    if (cut >= 2 && std::find(countries.begin(), countries.end(), fold_case(words[cut - 1])) != countries.end()) --cut;
  } else {
    // A Kazakh name closes with its head in the possessive ("басқармасы", "департаменті"); a head
    // noun bare before another ("полиция департаментімен") is an attribute of the partner's name.
    size_t bare_head = 0;
    for (size_t k = n - 2; k-- > 0;) {
      // An abbreviation closes a body's name too ("АШМ облыстардың әкімдіктерімен бірлесіп").
      if (is_abbreviation(words[k])) {
        cut = k + 1;
        break;
      }
      const std::string word = fold_case(words[k]);
      if (!is_head_word(word, vocabulary)) continue;
      if (ends_in_one_of(word, "agency.possessive_ending", vocabulary)) {
        cut = k + 1;
        break;
      }
      if (bare_head == 0) bare_head = k + 1;
    }
    if (cut == 0) cut = bare_head;
  }
  if (cut == 0) return {part};
  const auto join = [&](size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) {
      if (!out.empty()) out += ' ';
      out += words[k];
    }
    return out;
  };
  const std::string first = join(0, cut);
  if (!names_a_body(first, vocabulary) && !ends_in_head(first, vocabulary, false)) return {part};
  return {first, marker.empty() ? join(cut, n) : join(cut, n) + " " + marker};
}

// "KazNIISA JSC (as agreed)", "АО КазНИИСА": one abbreviation the plan's glossary defines, with a
// legal form before or after it and nothing else: the abbreviation's body.
std::optional<std::string> defined_with_legal_form(const Agency& agency, const Vocabulary& vocabulary,
                                                   const std::unordered_set<std::string>* defined) {
  if (defined == nullptr || !agency.name || agency.kind != AgencyKind::agency || has_quote_mark(*agency.name)) return std::nullopt;
  const std::string& name = *agency.name;
  size_t length = 0;
  const LegalForm form = legal_form_of(name, vocabulary, &length);
  if (form != LegalForm::before && form != LegalForm::after) return std::nullopt;
  const std::string abbr(trim(form == LegalForm::before ? std::string_view(name).substr(length)
                                                        : std::string_view(name).substr(0, name.size() - length)));
  if (abbr.find(' ') != std::string::npos || !is_abbreviation(abbr) || defined->count(abbr) == 0) return std::nullopt;
  return abbr;
}

// split_agencies, and for each agency the unit it belongs to: entries joined by slashes ("A / B")
// are one unit, every other entry a unit of its own (looks_like_agency_list weighs units).
// `qualifiers`: read an abbreviation with words after it as that abbreviation (an agency cell's
// reading, read_qualified_abbreviation).
AgencyList split_list(std::string_view cell, const Vocabulary& vocabulary, std::vector<size_t>* unit_of,
                      const std::unordered_set<std::string>* defined = nullptr, bool qualifiers = false) {
  AgencyList list;
  size_t unit = 0;
  bool balanced = true;
  std::vector<Piece> pieces = split_top_level(hide_group_commas(trim(cell), vocabulary), &balanced);
  for (Piece& piece : pieces) show_commas(piece.text);
  pieces = join_continued_pieces(std::move(pieces), vocabulary);
  // "MF, MNE, etc.": a piece that is an "et cetera" alone closes the entry before it.
  {
    std::vector<Piece> kept;
    kept.reserve(pieces.size());
    const EdgeFilter& etc_ending = agency_filters(vocabulary).etc_ending;
    const auto may_be_etc = [&](std::string_view text) {
      // Told by the last two bytes before any copy (ASCII lowered): most pieces end otherwise.
      text = trim(text);
      // A marker after it ("MNE, etc. (as agreed)"): the words before the bracket end it.
      if (!text.empty() && text.back() == ')') text = trim(text.substr(0, text.rfind('(') == std::string_view::npos ? 0 : text.rfind('(')));
      if (text.size() < 2) return true;
      const std::string last{static_cast<char>(std::tolower(static_cast<unsigned char>(text[text.size() - 2]))),
                             static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())))};
      return etc_ending.may_match(last, true);
    };
    for (Piece& piece : pieces) {
      if (kept.empty() || !may_be_etc(piece.text)) {
        kept.push_back(std::move(piece));
        continue;
      }
      std::string bare = collapse_spaces(piece.text);
      strip_marker(bare, vocabulary);
      if (!bare.empty() && etc_tail_at(fold_case(bare), vocabulary) == 0) {
        kept.back().text += ", " + piece.text;
      } else {
        kept.push_back(std::move(piece));
      }
    }
    pieces = std::move(kept);
  }
  if (!balanced) {
    list.unparsed.push_back(std::string(trim(cell)));
  }
  // "МФ, МНЭ (все – по согласованию)", "(both as agreed)": a marker after the last entry that says
  // it is every entry's (vocabulary marker.all) marks them all.
  bool marks_all = false;
  if (!pieces.empty() && pieces.back().text.find('(') != std::string::npos) {
    const std::string& last = pieces.back().text;
    if (const auto found = find_bracketed_marker(last, vocabulary); found && found->first + found->second == last.size()) {
      for (const std::string& word : words_of(fold_case(std::string_view(last).substr(found->first, found->second)))) {
        marks_all = marks_all || vocabulary.has_word("marker.all", word);
      }
    }
  }
  for (const Piece& piece : pieces) {
    if (piece.text.empty()) {
      // A separator closing the cell ("МНЭ;") leaves nothing out; one between entries ("МФ,, МНЭ") may.
      if (pieces.size() > 1 && &piece != &pieces.back()) list.unparsed.push_back("(empty entry)");
      continue;
    }
    // The entry is still read (its quote mark taken as plain text), and reported.
    if (piece.unclosed_quote) list.unparsed.push_back(piece.text + " (a quote that is never closed)");
    bool first_part = true;
    std::vector<std::string> entries;
    for (const std::string& part : split_conjunctions(piece.text, vocabulary)) {
      for (const std::string& body : split_partner(part, vocabulary)) {
        for (std::string& person : split_people(body)) entries.push_back(std::move(person));
      }
    }
    for (const std::string& entry : entries) {
      if (!(first_part && piece.after_slash) && !list.agencies.empty()) ++unit;
      first_part = false;
      Agency agency = read_entry(entry, vocabulary);
      if (qualifiers) read_qualified_abbreviation(agency, vocabulary);
      if (const std::optional<std::string> abbr = defined_with_legal_form(agency, vocabulary, defined)) {
        agency.abbr = abbr;  // "KazNIISA JSC": the glossary's abbreviation with its legal form
        agency.name.reset();
      } else if (agency.name && agency.kind == AgencyKind::agency && agency.name->size() <= kMaxLegalForm &&
          legal_form_of(*agency.name, vocabulary) == LegalForm::alone && defined != nullptr &&
          defined->count(*agency.name) != 0) {
        agency.abbr = std::move(agency.name);  // "ҚБ – қаржы бөлімі" in this plan's glossary
        agency.name.reset();
      } else if (agency.name && agency.kind == AgencyKind::agency && agency.name->size() <= kMaxLegalForm &&
                 legal_form_of(*agency.name, vocabulary) == LegalForm::alone) {
        // "АО" alone names no one (a name lost to a line break or a stray comma).
        list.unparsed.push_back(entry + " (a legal form with no name)");
        continue;
      }
      if (std::string script = foreign_script(entry); !script.empty()) {
        std::optional<std::string> read_as;
        if (agency.abbr) read_as = fold_foreign_lookalikes(*agency.abbr);
        list.foreign.push_back({entry, std::move(script), std::move(read_as)});
      }
      list.agencies.push_back(std::move(agency));
      if (unit_of != nullptr) unit_of->push_back(unit);
    }
  }
  if (marks_all) {
    for (Agency& agency : list.agencies) agency.as_agreed = true;
  }
  return list;
}

}  // namespace

bool is_abbreviation(std::string_view token) {
  // Read in place, one code point at a time: every word of a paragraph whose reading is in doubt
  // is tried, and most are no abbreviation by their first letters.
  constexpr int kMaxLength = 15;
  int length = 0;
  int letters = 0;
  int capitals = 0;
  for (size_t at = 0; at < token.size();) {
    const char32_t c = next_code_point(token, at);
    // Invisible format characters ("\u202EIRWM\u202C") are no part of the word: the fields and
    // glossary stages remove them, with a format-character warning.
    if (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR) continue;
    if (++length > kMaxLength) return false;
    const bool first = length == 1;
    if (is_latin_letter(c) || is_cyrillic_letter(c)) {
      ++letters;
      if (is_upper(c)) {
        ++capitals;
      } else if (first) {
        return false;  // it must open with a capital
      }
    } else if ((c >= U'0' && c <= U'9') || c == U'-' || c == U'&') {
      if (first) return false;
    } else if (latin_lookalike(c) != 0) {
      // A Greek capital typed for a Latin one: it counts as that capital.
      ++letters;
      ++capitals;
    } else {
      return false;
    }
  }
  return length >= 2 && letters >= 2 && capitals >= 2 && capitals * 2 >= letters;
}

AgencyList split_agencies(std::string_view cell, const Vocabulary& vocabulary,
                          const std::unordered_set<std::string>* defined) {
  return split_list(cell, vocabulary, nullptr, defined, true);
}

bool continues_in(std::string_view paragraph, std::string_view next) {
  const auto closed = [](std::string_view text) {
    const Shelter sheltered = shelter(text);
    return sheltered.balanced && sheltered.unclosed.empty();
  };
  return !closed(paragraph) && closed(std::string(paragraph) + " " + std::string(next));
}

bool continues_entry(std::string_view paragraph, std::string_view next, const Vocabulary& vocabulary) {
  paragraph = trim(paragraph);
  next = trim(next);
  if (paragraph.empty() || next.empty()) return false;
  const size_t space = paragraph.rfind(' ');
  const std::string last_word = fold_case(paragraph.substr(space == std::string_view::npos ? 0 : space + 1));
  const std::vector<std::string>& joins = vocabulary.phrases("wrap.join");
  if (std::find(joins.begin(), joins.end(), last_word) != joins.end()) return true;
  // The pieces of a text as split_list reads them, a separator's empty piece included.
  const auto read_pieces = [&](std::string_view text, bool& balanced) {
    std::vector<Piece> pieces = split_top_level(hide_group_commas(text, vocabulary), &balanced);
    for (Piece& piece : pieces) show_commas(piece.text);
    return join_continued_pieces(std::move(pieces), vocabulary);
  };
  // A list wrapped after a comma that follows words naming no body ("ҰБР, облыстық мәдениет,"
  // then "архивтер және құжаттама басқармасы"): those words wait for the head after the wrap.
  // The lines go on when read together they make fewer entries than read apart.
  if (paragraph.back() == ',') {
    bool balanced = true;
    const std::vector<Piece> pieces = read_pieces(paragraph, balanced);
    if (!balanced || pieces.size() < 2 || !pieces.back().text.empty() ||
        names_a_body(pieces[pieces.size() - 2].text, vocabulary)) {
      return false;
    }
    bool joined_balanced = true;
    bool next_balanced = true;
    const size_t together = read_pieces(std::string(paragraph) + " " + std::string(next), joined_balanced).size();
    const size_t apart = pieces.size() - 1 + read_pieces(next, next_balanced).size();
    return joined_balanced && together < apart;
  }
  if (!is_lower_letter(code_point_at(next, 0))) return false;
  // A line that opens with a word no entry opens with: a preposition ("of the akimat of the
  // region", "при акимате района") or an owner in the genitive ("акимата Талгарского района",
  // vocabulary wrap.lead) goes on the name above, whatever that name's last word.
  const size_t next_space = next.find(' ');
  if (next_space != std::string_view::npos && vocabulary.has_word("wrap.lead", fold_case(next.substr(0, next_space)))) return true;
  if (names_a_body(next, vocabulary)) return false;
  bool balanced = true;
  const std::vector<Piece> pieces = read_pieces(paragraph, balanced);
  return balanced && !pieces.empty() && is_open_entry(pieces.back().text, vocabulary);
}

// Whether the paragraph could hold a telling entry at all: an abbreviation or a legal form (a
// word with two capitals at least), or an "(as agreed)" marker. Most paragraphs a row is classified by are prose with neither, and need not be split.
bool may_tell_agencies(std::string_view paragraph, const Vocabulary& vocabulary) {
  int capitals = 0;  // in the word being read
  for (size_t at = 0; at < paragraph.size();) {
    const char32_t c = next_code_point(paragraph, at);
    if (c == U' ') {
      capitals = 0;
    } else if (is_upper(c) && ++capitals >= 2) {
      return true;
    }
  }
  // With no capitals, only a marker tells: in brackets, or written without them (a vocabulary
  // may hold such a marker).
  const std::vector<std::string>& markers = vocabulary.phrases("marker.as_agreed");
  if (paragraph.find('(') == std::string_view::npos && all_bracketed(markers)) return false;
  const std::string folded = fold_case(paragraph);
  return std::any_of(markers.begin(), markers.end(), [&](const std::string& marker) { return folded.find(marker) != std::string::npos; }) ||
         find_bracketed_marker(paragraph, vocabulary).has_value();
}

bool is_marker(std::string_view text, const Vocabulary& vocabulary) {
  text = trim(text);
  const std::vector<std::string>& markers = vocabulary.phrases("marker.as_agreed");
  if (std::find(markers.begin(), markers.end(), fold_case(text)) != markers.end()) return true;
  return text.size() >= 2 && text.front() == '(' && text.back() == ')' && text.find('(', 1) == std::string_view::npos &&
         says_agreement(text.substr(1, text.size() - 2), vocabulary);
}

bool looks_like_agency_list(std::string_view paragraph, const Vocabulary& vocabulary) {
  if (!may_tell_agencies(paragraph, vocabulary)) return false;
  std::vector<size_t> unit_of;
  const AgencyList list = split_list(paragraph, vocabulary, &unit_of);
  // A unit is prose when one of its entries is, so that prose with a slash ("Information to
  // the MNE / MF") stays prose: a slash joins entries of a list and words of a sentence alike.
  enum class Reading { group, telling, prose };
  std::vector<Reading> units;
  for (size_t k = 0; k < list.agencies.size(); ++k) {
    const Agency& agency = list.agencies[k];
    Reading reading = Reading::group;
    if (agency.abbr || agency.as_agreed || (agency.kind == AgencyKind::agency && is_legal_entity(*agency.name, vocabulary))) {
      reading = Reading::telling;  // abbreviations, legal-form names and marked entries
    } else if (agency.kind != AgencyKind::group) {
      reading = Reading::prose;  // other written-out entries without a marker
    }
    if (unit_of[k] >= units.size()) {
      units.push_back(reading);
    } else {
      units.back() = std::max(units.back(), reading);
    }
  }
  const auto telling = std::count(units.begin(), units.end(), Reading::telling);
  const auto prose = std::count(units.begin(), units.end(), Reading::prose);
  return telling > 0 && telling >= prose;
}

bool names_bodies(std::string_view cell, const Vocabulary& vocabulary) {
  const AgencyList list = split_list(cell, vocabulary, nullptr);
  if (list.agencies.empty() || !list.unparsed.empty()) return false;
  return std::all_of(list.agencies.begin(), list.agencies.end(), [&](const Agency& agency) {
    if (agency.abbr || agency.as_agreed || agency.kind == AgencyKind::group) return true;
    if (!agency.name || is_legal_entity(*agency.name, vocabulary)) return agency.name.has_value();
    if (has_initials(*agency.name)) return true;  // a person: "Иванов И.И. - директор ДК"
    const std::vector<std::string> words = words_of(fold_case(*agency.name));
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return is_head_word(word, vocabulary); });
  });
}

}  // namespace planparse
