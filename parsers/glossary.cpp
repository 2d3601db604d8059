// Stage 5, glossary. See glossary.h.
#include "parsers/glossary.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "parsers/agencies.h"
#include "parsers/lookalike.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// A heading is a label: "Note: list of abbreviations used in the Plan:" is about as long as
// they come. Longer paragraphs are prose that mentions abbreviations.
constexpr size_t kMaxHeadingWords = 8;
constexpr size_t kMaxHeadingBytes = 240;
// "Примечание:", "Ескертпе:", "Notes:" standing alone.
constexpr size_t kMaxLeadBytes = 48;
// The second cell of a glossary table's heading row: "Полное наименование", "Full name".
constexpr size_t kMaxColumnLabelWords = 4;
constexpr size_t kMaxColumnLabelBytes = 80;

// The glossary words of one vocabulary, and what rules a paragraph out before it is folded:
// the table stage asks about every paragraph of the document.
struct GlossaryWords {
  std::vector<std::string> headings, strong, shortening, label, leads;
  size_t max_words = 0;     // no heading has more words
  bool heading_digits = false;  // some whole heading holds a digit
};

GlossaryWords build_glossary_words(const Vocabulary& vocabulary) {
  GlossaryWords words;
  words.headings = vocabulary.phrases("glossary.heading");
  words.strong = vocabulary.phrases("glossary.word");
  words.shortening = vocabulary.phrases("glossary.shortening");
  words.label = vocabulary.phrases("glossary.label");
  words.leads = vocabulary.phrases("glossary.lead");
  // A label of kMaxHeadingWords after a note lead of two words and its colon.
  words.max_words = kMaxHeadingWords + 3;
  words.heading_digits = false;
  for (const std::string& heading : words.headings) {
    words.max_words = std::max(words.max_words, static_cast<size_t>(std::count(heading.begin(), heading.end(), ' ')) + 1);
    words.heading_digits = words.heading_digits || std::any_of(heading.begin(), heading.end(), [](char c) {
                             return c >= '0' && c <= '9';
                           });
  }
  return words;
}

const GlossaryWords& glossary_words(const Vocabulary& vocabulary) {
  return vocabulary.compiled->get<GlossaryWords>(Compiled::glossary_words, [&] { return build_glossary_words(vocabulary); });
}

struct Entry {
  std::string abbr;
  std::string name;
  int line = 0;
};

bool is_lone_dash(std::string_view text) {
  const std::u32string chars = to_u32(trim(text));
  return chars.size() == 1 && is_dash(chars[0]);
}

// A cell that holds a dash or nothing visible (a lone U+200F): padding between a glossary's
// abbreviation and name columns, never a name.
bool is_filler(std::string_view text) {
  if (is_lone_dash(text)) return true;
  std::string visible(text);
  strip_format_characters(visible);
  return trim(visible).empty();
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Note:", "Примечание" alone: the lead of a note, which may stand before a glossary heading.
bool is_lead(std::string_view folded, const Vocabulary& vocabulary) {
  std::string_view text = trim(folded);
  while (!text.empty() && (text.back() == ':' || text.back() == '.')) text = trim(text.substr(0, text.size() - 1));
  const std::vector<std::string> words = words_of(text);
  if (words.empty() || words.size() > 2 || has_digit(text)) return false;
  const std::vector<std::string>& leads = glossary_words(vocabulary).leads;
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return in_any_family(w, leads); });
}

// A note lead standing alone ends with its colon: "Примечание:".
bool is_lead_paragraph(std::string_view paragraph, const Vocabulary& vocabulary) {
  paragraph = trim(paragraph);
  return !paragraph.empty() && paragraph.back() == ':' && paragraph.size() <= kMaxLeadBytes &&
         is_lead(fold_case(paragraph), vocabulary);
}

// True when some stem of the roles stands in the text at all: the table stage asks about every
// paragraph, and almost none holds a glossary word.
bool holds_stem(std::string_view folded, const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    const std::string_view stem = !phrase.empty() && phrase.back() == '*' ? std::string_view(phrase).substr(0, phrase.size() - 1)
                                                                          : std::string_view(phrase);
    if (!stem.empty() && folded.find(stem) != std::string_view::npos) return true;
  }
  return false;
}

// The heading's words once a note lead and the trailing colon are gone.
bool is_heading_label(std::string_view folded, const Vocabulary& vocabulary) {
  const GlossaryWords& glossary = glossary_words(vocabulary);
  const std::vector<std::string>& strong = glossary.strong;
  const std::vector<std::string>& shortening = glossary.shortening;
  if (!holds_stem(folded, strong) && !holds_stem(folded, shortening)) return false;
  std::string_view body = trim(folded);
  const size_t stop = body.find_first_of(":.");
  if (stop != std::string_view::npos && is_lead(body.substr(0, stop), vocabulary)) body = trim(body.substr(stop + 1));
  while (!body.empty() && body.back() == ':') body = trim(body.substr(0, body.size() - 1));
  if (body.empty() || has_digit(body) || body.find_first_of(".;:!?") != std::string_view::npos) return false;
  // A spaced dash makes an entry ("ЦГО – ..."), not a label.
  const std::u32string chars = to_u32(body);
  for (size_t i = 1; i + 1 < chars.size(); ++i) {
    if (is_dash(chars[i]) && chars[i - 1] == U' ' && chars[i + 1] == U' ') return false;
  }
  const std::vector<std::string> words = words_of(body);
  if (words.empty() || words.size() > kMaxHeadingWords) return false;
  if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return in_any_family(w, strong); })) return true;
  const std::vector<std::string>& label = glossary.label;
  bool said = false;
  for (const std::string& word : words) {
    const bool says = in_any_family(word, shortening);
    if (!says && !in_any_family(word, label)) return false;
    said = said || says;
  }
  return said;
}

// The name without the end of its entry in a list ("…;", "….", "…,").
size_t separator_at(std::string_view text);  // below

std::string strip_name(std::string_view text) {
  std::string_view name = trim(text);
  // "– Министерство финансов" in a glossary table's name cell: the dash is the separator the
  // table's column already is.
  if (const size_t dash = separator_at(name); dash > 0 && dash < name.size() && name[dash] == ' ') name = trim(name.substr(dash));
  while (!name.empty() && (name.back() == ';' || name.back() == '.' || name.back() == ',')) {
    name = trim(name.substr(0, name.size() - 1));
  }
  return std::string(name);
}

// The byte length of the separator that `text` starts with: ":", "=" or a dash; 0 for none.
size_t separator_at(std::string_view text) {
  if (text.empty()) return 0;
  if (text[0] == ':' || text[0] == '-' || text[0] == '=') return 1;
  // U+2010..U+2015 (hyphens, dashes) and U+2212 (minus), the dashes is_dash knows besides "-".
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xE2) {
    const auto b1 = static_cast<unsigned char>(text[1]);
    const auto b2 = static_cast<unsigned char>(text[2]);
    if ((b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92)) return 3;
  }
  return 0;
}

// «НИТ», "НИТ": an abbreviation in quotes, a company's short name after its legal form ("АО «НИТ»").
bool is_quoted_abbreviation(std::string_view word) {
  const std::u32string chars = to_u32(word);
  if (chars.size() < 4) return false;
  const char32_t open = chars.front();
  const char32_t close = chars.back();
  const bool quoted = (open == U'\u00AB' && close == U'\u00BB') || (open == U'"' && close == U'"') ||
                      ((open == U'\u201C' || open == U'\u201E') && (close == U'\u201D' || close == U'\u201C'));
  return quoted && is_abbreviation(to_utf8(chars.substr(1, chars.size() - 2)));
}

// An abbreviation of several words, as legal forms are written ("ГКП на ПХВ", "ШЖҚ РМК"):
// abbreviations joined by short lower-case words, first and last an abbreviation; the last may be
// quoted, a company's short name after its legal form ("АО «НИТ»", "ТОО \"КТЖ\"").
bool is_abbreviation_phrase(std::string_view text) {
  constexpr size_t kMaxJoinerLetters = 3;  // "на", "и", "of"
  const std::vector<std::string_view> words = split(text, ' ');
  if (words.size() == 1) return is_abbreviation(words[0]);
  if (words.empty() || !is_abbreviation(words.front()) ||
      !(is_abbreviation(words.back()) || is_quoted_abbreviation(words.back()))) {
    return false;
  }
  return std::all_of(words.begin(), words.end(), [](std::string_view word) {
    if (is_abbreviation(word) || is_quoted_abbreviation(word)) return true;
    const std::u32string letters = to_u32(word);
    return !letters.empty() && letters.size() <= kMaxJoinerLetters &&
           std::all_of(letters.begin(), letters.end(), [](char32_t c) { return is_letter(c) && !is_upper(c); });
  });
}

// "MIA – Ministry", "MIA - Ministry", "МВД– Министерство", "MIA: Ministry", "ГКП на ПХВ – …"
// -> {abbr, name}. The abbreviation comes first, one word or a few (is_abbreviation_phrase); the
// first separator decides, since a name may hold separators of its own ("LEB – Local executive
// bodies – akimats"). A separator closes a word ("MIA:", "МВД–") or stands alone between two,
// and needs a space after it: "ABBR-Name" is one word.
// With `short_names` (under a glossary heading) the first side may also be one capitalised word
// of letters, a short name rather than an abbreviation ("Минздрав – Министерство
// здравоохранения", "MinFin – Ministry of Finance"), when the name it expands to is longer.
bool is_short_name(std::string_view word, std::string_view name) {
  constexpr size_t kMaxLetters = 20;
  const std::u32string letters = to_u32(word);
  return letters.size() >= 3 && letters.size() <= kMaxLetters && is_upper(letters.front()) &&
         std::all_of(letters.begin(), letters.end(), [](char32_t c) { return is_letter(c) || c == U'-'; }) &&
         name.find(' ') != std::string_view::npos && name.size() > word.size();
}

// A name glued to the dash before it ("МФ–Министерство финансов", "МФ —Министерство …"): it
// starts with a capital and a small letter and runs to more than one word, so that "ГКП-1",
// "UN-Habitat" or "Северо-Казахстанская" are no entry.
bool starts_glued_name(std::string_view rest) {
  const std::u32string head = to_u32(rest.substr(0, std::min<size_t>(rest.size(), 8)));
  return head.size() >= 2 && is_upper(head[0]) && is_letter(head[1]) && !is_upper(head[1]) &&
         rest.find(' ') != std::string_view::npos;
}

// Where the first separator inside `word` (not at its ends) stands, and its length; {npos, 0}
// for none.
std::pair<size_t, size_t> separator_inside(std::string_view word) {
  for (size_t at = 1; at + 1 < word.size(); ++at) {
    if (word[at] == ':') continue;  // "MIA:Ministry" is a word of its own: no entry
    if (const size_t length = separator_at(word.substr(at)); length > 0 && at + length < word.size()) {
      return {at, length};
    }
  }
  return {std::string_view::npos, 0};
}

// "НПП «Атамекен»", "АО «НК «ҚазАвтоЖол»", "«ҚТЖ» ҰК» АҚ": under a heading, a company's short
// form with its quoted name is a key, as the table writes it (resolve.h matches the whole). Its
// words: abbreviations (a legal form is one), short lower-case joiners, and quoted words, at least
// one of each of the first and last kind; quote marks need not pair (the genre nests them).
bool is_quote_mark(char32_t c) { return c == U'«' || c == U'»' || c == U'"' || c == U'“' || c == U'”' || c == U'„'; }

bool is_quoted_key(std::string_view text) {
  constexpr size_t kMaxJoinerLetters = 3;
  bool abbreviation = false;
  bool quoted = false;
  for (std::string_view word : split(text, ' ')) {
    const std::u32string letters = to_u32(word);
    if (std::any_of(letters.begin(), letters.end(), is_quote_mark)) {
      std::u32string bare;
      for (char32_t c : letters) {
        if (!is_quote_mark(c)) bare += c;
      }
      if (bare.empty() || !std::all_of(bare.begin(), bare.end(), [](char32_t c) { return is_letter(c) || c == U'-' || (c >= U'0' && c <= U'9'); })) {
        return false;
      }
      quoted = true;
    } else if (is_abbreviation(word)) {
      abbreviation = true;
    } else if (letters.empty() || letters.size() > kMaxJoinerLetters ||
               !std::all_of(letters.begin(), letters.end(), [](char32_t c) { return is_letter(c) && !is_upper(c); })) {
      return false;
    }
  }
  return abbreviation && quoted;
}

std::optional<Entry> split_entry(std::string_view text, bool short_names = false) {
  constexpr size_t kMaxAbbreviationWords = 4;
  // A numbered glossary's list number ("1. МФ – …", "2) МЮ – …"): the entry is what follows it.
  if (const std::optional<ListItem> item = list_item(text)) text.remove_prefix(item->length);
  // The footnote mark that ties an entry to a cell marked with it ("ЦБС районов*" / "* ЦБС – …").
  if (!text.empty() && text.front() == '*') {
    while (!text.empty() && text.front() == '*') text.remove_prefix(1);
    text = trim(text);
  }
  size_t start = 0;  // of the word being looked at
  for (size_t words = 1; words <= kMaxAbbreviationWords; ++words) {
    const size_t space = text.find(' ', start);
    if (space == std::string_view::npos || space == start) return std::nullopt;
    std::string_view word = text.substr(start, space - start);
    std::string_view abbr;
    std::string_view rest;
    if (word.size() >= 2 && (word.back() == ':' || word.back() == '-' || word.back() == '=')) {
      abbr = text.substr(0, space - 1);
      rest = text.substr(space + 1);
    } else if (word.size() >= 4 && separator_at(word.substr(word.size() - 3)) == 3) {
      abbr = text.substr(0, space - 3);
      rest = text.substr(space + 1);
    } else if (const size_t next = separator_at(text.substr(space + 1));
               next > 0 && space + 1 + next < text.size() && text[space + 1 + next] == ' ') {
      abbr = text.substr(0, space);
      rest = text.substr(space + 1 + next + 1);
    } else if (next > 0 && text[space + 1] != ':' && starts_glued_name(text.substr(space + 1 + next))) {
      abbr = text.substr(0, space);  // "МФ —Министерство финансов"
      rest = text.substr(space + 1 + next);
    } else if (const auto [at, length] = separator_inside(word);
               length > 0 && word[at] != ':' && starts_glued_name(text.substr(start + at + length))) {
      abbr = text.substr(0, start + at);  // "МФ–Министерство финансов", "МФ-Министерство финансов"
      rest = text.substr(start + at + length);
    } else {
      start = space + 1;
      continue;
    }
    std::string name = strip_name(rest);
    // Under a heading an abbreviation may also be followed by one capitalised word, the country or
    // place its body serves ("УФНС России", "ДП Алматы").
    const std::string_view first = trim(abbr).substr(0, trim(abbr).find(' '));
    const bool with_place = short_names && words == 2 && is_abbreviation(first) &&
                            is_short_name(trim(trim(abbr).substr(first.size())), name);
    if (!is_abbreviation_phrase(trim(abbr)) && !with_place &&
        !(short_names && words == 1 && is_short_name(trim(abbr), name)) && !(short_names && is_quoted_key(trim(abbr)))) {
      return std::nullopt;
    }
    if (name.empty()) return std::nullopt;
    return Entry{std::string(trim(abbr)), std::move(name), 0};
  }
  return std::nullopt;
}

// "Министерство транспорта – МТ", "Министерство транспорта (МТ)": an entry written name first,
// as some glossaries are. Read under a heading only: in the rows, "Ministry of Energy (ME)" is an
// agency that gives its own abbreviation. The name has two words at least and does not open
// with an abbreviation (that is the usual order, read by split_entry).
std::optional<Entry> name_first_entry(std::string_view text) {
  constexpr size_t kMaxAbbreviationBytes = 32;
  text = trim(text);
  while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',')) text = trim(text.substr(0, text.size() - 1));
  std::string_view name;
  std::string_view abbr;
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    abbr = trim(text.substr(open + 1, text.size() - open - 2));
    name = trim(text.substr(0, open));
  } else {
    // The last separator standing between spaces: the abbreviation after it.
    size_t at = text.size();
    while (at > 0) {
      const size_t space = text.rfind(' ', at - 1);
      if (space == std::string_view::npos || space == 0) return std::nullopt;
      const size_t before = text.rfind(' ', space - 1);
      if (before == std::string_view::npos) return std::nullopt;
      const std::string_view word = text.substr(before + 1, space - before - 1);
      if (!word.empty() && separator_at(word) == word.size()) {
        abbr = trim(text.substr(space + 1));
        name = trim(text.substr(0, before));
        break;
      }
      at = space;
      if (text.size() - space > kMaxAbbreviationBytes) return std::nullopt;
    }
  }
  if (abbr.empty() || abbr.size() > kMaxAbbreviationBytes || !is_abbreviation_phrase(abbr)) return std::nullopt;
  const std::vector<std::string> words = words_of(fold_case(name));
  if (words.size() < 2 || is_abbreviation(name.substr(0, name.find(' ')))) return std::nullopt;
  return Entry{std::string(abbr), strip_name(name), 0};
}

// "Note:", "Hereinafter:", "* здесь и далее:", "Здесь и далее используются сокращения:": a short
// label ending in a colon, a footnote mark before it, that leads into entries without naming them
// in the heading words the vocabulary knows. Read as a lead only before two entries at least.
bool is_lead_in(std::string_view text) {
  constexpr size_t kMaxLeadInWords = 6;
  text = trim(text);
  while (!text.empty() && text.front() == '*') text = trim(text.substr(1));
  if (text.size() < 2 || text.back() != ':' || text.size() > kMaxColumnLabelBytes || has_digit(text)) return false;
  if (split_entry(text) || text.find('\n') != std::string_view::npos) return false;
  const std::vector<std::string> words = words_of(fold_case(text));
  return !words.empty() && words.size() <= kMaxLeadInWords;
}

// A paragraph whose lines are entries, one a line, perhaps under a heading on its first lines:
// its entries (a line that is no entry continues the name above it), and whether a heading
// stood first. Two entries at least, or one under a heading; else nothing.
struct LineEntries {
  std::vector<Entry> entries;
  bool headed = false;
};

std::optional<LineEntries> entries_by_line(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  if (paragraph.breaks.empty()) return std::nullopt;
  const std::vector<Paragraph> lines = paragraph_lines(paragraph);
  LineEntries out;
  size_t k = 0;
  for (; k < lines.size(); ++k) {
    if (is_glossary_heading(lines[k].text, vocabulary)) {
      out.headed = true;
    } else if (!is_lead_paragraph(lines[k].text, vocabulary) && !(k == 0 && is_lead_in(lines[k].text))) {
      break;
    }
  }
  for (; k < lines.size(); ++k) {
    if (std::optional<Entry> entry = split_entry(lines[k].text)) {
      entry->line = lines[k].line;
      out.entries.push_back(std::move(*entry));
    } else if (out.entries.empty()) {
      return std::nullopt;
    } else {
      std::string& name = out.entries.back().name;
      name = strip_name(name + " " + lines[k].text);
    }
  }
  if (out.entries.size() >= 2 || (out.headed && !out.entries.empty())) return out;
  return std::nullopt;
}

// A glossary written as one paragraph: its heading, a colon, then its entries one after
// another, ended by ";" or "," ("Примечание: расшифровка аббревиатур: МФ – Министерство
// финансов; МНЭ – Министерство национальной экономики."). A piece between separators that is no
// entry continues the name before it ("…, Республики Казахстан"). Two entries at least, or one
// after a heading; the first piece must be an entry.
std::optional<LineEntries> entries_in_paragraph(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  if (!paragraph.breaks.empty()) return std::nullopt;  // entries_by_line reads those
  const std::string_view text = trim(paragraph.text);
  if (text.find_first_of(";,") == std::string_view::npos && text.find(':') == std::string_view::npos) return std::nullopt;
  LineEntries out;
  std::string_view body = text;
  // The heading is the paragraph's start up to one of its first colons.
  for (size_t colon = text.find(':'); colon != std::string_view::npos && colon <= kMaxHeadingBytes;
       colon = text.find(':', colon + 1)) {
    if (is_glossary_heading(text.substr(0, colon + 1), vocabulary)) {
      out.headed = true;
      body = trim(text.substr(colon + 1));
      break;
    }
    // A lead-in that names no glossary ("Note:", "* здесь и далее:"): the entries after it count
    // as a headless glossary's, two at least.
    if (colon <= kMaxColumnLabelBytes && is_lead_in(text.substr(0, colon + 1)) && split_entry(trim(text.substr(colon + 1)))) {
      body = trim(text.substr(colon + 1));
      break;
    }
  }
  if (!out.headed && !split_entry(body)) return std::nullopt;
  size_t from = 0;
  while (from <= body.size()) {
    const size_t stop = std::min(body.find_first_of(";,", from), body.size());
    const std::string_view piece = trim(body.substr(from, stop - from));
    if (!piece.empty()) {
      if (std::optional<Entry> entry = split_entry(piece, out.headed)) {
        entry->line = paragraph.line;
        out.entries.push_back(std::move(*entry));
      } else if (out.entries.empty()) {
        return std::nullopt;
      } else {
        std::string& name = out.entries.back().name;
        name = strip_name(name + body[from - 1] + " " + std::string(piece));
      }
    }
    from = stop + 1;
  }
  if (out.entries.size() >= 2 || (out.headed && !out.entries.empty())) return out;
  return std::nullopt;
}

// Where glossary content starts: an entry, a paragraph of entries, or the first abbreviation
// of a flattened table.
bool starts_entries(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  return split_entry(paragraph.text) || is_abbreviation_phrase(paragraph.text) || entries_by_line(paragraph, vocabulary) ||
         entries_in_paragraph(paragraph, vocabulary);
}

// Whether `abbr` stands in `text` as a word of its own, not inside a longer one.
bool holds_word(const std::string& text, std::string_view abbr) {
  for (size_t found = text.find(abbr); found != std::string::npos; found = text.find(abbr, found + 1)) {
    const size_t end = found + abbr.size();
    const auto boundary = [](std::string_view side, bool before) {
      if (side.empty()) return true;
      const std::u32string chars = to_u32(before ? side.substr(side.size() - std::min<size_t>(side.size(), 4)) : side.substr(0, 4));
      if (chars.empty()) return true;
      const char32_t c = before ? chars.back() : chars.front();
      return !is_letter(c) && !(c >= U'0' && c <= U'9');
    };
    if (boundary(std::string_view(text).substr(0, found), true) && boundary(std::string_view(text).substr(end), false)) {
      return true;
    }
  }
  return false;
}

// Whether `abbr` stands as a word in one of the few hundred paragraphs above `at` (the table's
// cells above a glossary entry): an entry that spells out an abbreviation the table uses is a
// definition even alone. The table stage may have moved the rows' paragraphs out of
// `paragraphs` into `rows` (their text is then empty there): both are looked at, the nearest
// first. The window keeps the walk over a long table linear.
bool used_above(const std::vector<Paragraph>& paragraphs, size_t at, std::string_view abbr,
                const std::vector<std::vector<Paragraph>>* rows) {
  constexpr size_t kMaxLookBack = 400;
  size_t looked = 0;
  for (size_t k = at; k > 0 && looked < kMaxLookBack; --k, ++looked) {
    if (holds_word(paragraphs[k - 1].text, abbr)) return true;
  }
  if (rows == nullptr) return false;
  looked = 0;
  for (auto row = rows->rbegin(); row != rows->rend() && looked < kMaxLookBack; ++row) {
    for (auto p = row->rbegin(); p != row->rend() && looked < kMaxLookBack; ++p, ++looked) {
      if (holds_word(p->text, abbr)) return true;
    }
  }
  return false;
}

// "Справочно: ОЦТ = отдел цифровых технологий.", "Note: MoH – Ministry of Health": one entry
// after a lead-in (is_lead_in), the whole paragraph. Two entries or more are entries_in_paragraph's.
std::optional<Entry> led_entry(const Paragraph& paragraph) {
  if (!paragraph.breaks.empty()) return std::nullopt;
  const std::string_view text = trim(paragraph.text);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > kMaxColumnLabelBytes || !is_lead_in(text.substr(0, colon + 1)))
    return std::nullopt;
  return split_entry(trim(text.substr(colon + 1)));
}

// One entry with no heading and no entry after it, bare or after a lead-in: a glossary when its
// abbreviation is used above and its name reads as a body's: more than one word, a capital first
// ("МВД – по согласованию" is a note); after a lead-in, which says a definition follows, a name
// holding a body's head noun in lower case is one too ("ОЦТ = отдел цифровых технологий").
bool lone_entry_defines(const std::vector<Paragraph>& paragraphs, size_t at, const Vocabulary& vocabulary,
                        const std::vector<std::vector<Paragraph>>* rows) {
  std::optional<Entry> entry = split_entry(paragraphs[at].text);
  const bool led = !entry;
  if (led) entry = led_entry(paragraphs[at]);
  if (!entry || entry->name.find(' ') == std::string::npos) return false;
  const std::u32string first = to_u32(entry->name.substr(0, std::min<size_t>(entry->name.size(), 4)));
  if (first.empty()) return false;
  const bool body = is_upper(first[0]) || (led && !is_marker(entry->name, vocabulary) && names_bodies(entry->name, vocabulary));
  return body && used_above(paragraphs, at, entry->abbr, rows);
}

// The second cell of a glossary table's heading row: a short label, no entry, no abbreviation.
bool is_column_label(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  const std::string_view text = trim(paragraph.text);
  if (text.empty() || text.size() > kMaxColumnLabelBytes || has_digit(text)) return false;
  if (is_abbreviation_phrase(text) || split_entry(text) || is_lone_dash(text)) return false;
  const std::vector<std::string> words = words_of(fold_case(text));
  return !words.empty() && words.size() <= kMaxColumnLabelWords && !entries_by_line(paragraph, vocabulary);
}

}  // namespace

bool is_note_lead(std::string_view paragraph, const Vocabulary& vocabulary) {
  return is_lead_paragraph(paragraph, vocabulary);
}

bool is_glossary_entry(std::string_view paragraph) { return split_entry(paragraph).has_value(); }

namespace {

// The kind of mark a footnote opens with: none; a star ("*", "**", "(*)"), which a cell's entry
// carries ("УДХ*"); a superscript figure ("¹", "²³"), which no cell's bullet or number looks like.
enum class FootnoteMark { none, star, superscript };

bool is_superscript_digit(char32_t c) {
  return c == U'\u00B9' || c == U'\u00B2' || c == U'\u00B3' || c == U'\u2070' || (c >= U'\u2074' && c <= U'\u2079');
}

// The footnote mark `text` opens with, and the bytes of it: "*", "**", "(*)", "¹", "²⁾".
std::pair<FootnoteMark, size_t> footnote_mark(std::string_view text) {
  size_t at = 0;
  if (text.size() >= 3 && text[0] == '(' && text[1] == '*') {
    at = 1;
    while (at < text.size() && text[at] == '*') ++at;
    if (at < text.size() && text[at] == ')') return {FootnoteMark::star, at + 1};
    return {FootnoteMark::none, 0};
  }
  while (at < text.size() && text[at] == '*') ++at;
  if (at > 0) return {FootnoteMark::star, at};
  size_t end = 0;
  while (end < text.size()) {
    size_t next = end;
    const char32_t c = next_code_point(text, next);
    if (!is_superscript_digit(c) && !(end > 0 && c == U'\u207E')) break;  // "¹⁾"
    end = next;
  }
  return end > 0 ? std::pair{FootnoteMark::superscript, end} : std::pair{FootnoteMark::none, size_t{0}};
}

// "* отмечены исполнители, участвующие по согласованию", "* co-executors taking part as agreed",
// "* келісім бойынша қатысатын орындаушылар": a short sentence after a star that says what the
// star stands for: two words of it or more in a row are the marker's ("по согласованию"), and it
// opens with no body, names no list of bodies and is no glossary entry ("* МФ по согласованию"
// is a cell's bullet).
bool says_marker_key(std::string_view text, const Vocabulary& vocabulary) {
  constexpr size_t kMaxKeyWords = 12;
  const std::vector<std::string> words = words_of(fold_case(text));
  if (words.size() < 2 || words.size() > kMaxKeyWords) return false;
  const std::string_view opening = text.substr(0, text.find(' '));
  if (is_abbreviation(opening) || vocabulary.has_word("agency.head", words.front()) || split_entry(text) ||
      looks_like_agency_list(text, vocabulary)) {
    return false;
  }
  for (size_t from = 0; from + 1 < words.size(); ++from) {
    std::string run = words[from];
    for (size_t to = from + 1; to < words.size(); ++to) {
      run += " " + words[to];
      if (is_marker("(" + run + ")", vocabulary)) return true;
    }
  }
  return false;
}

}  // namespace

bool is_marker_footnote(std::string_view paragraph, const Vocabulary& vocabulary) {
  std::string_view text = trim(paragraph);
  // After a note lead: "Примечание: * – по согласованию", "Ескерту: * – келісім бойынша".
  if (const size_t colon = text.find(':');
      colon != std::string_view::npos && colon <= kMaxLeadBytes && is_lead(fold_case(text.substr(0, colon)), vocabulary)) {
    text = trim(text.substr(colon + 1));
  }
  const auto [mark, length] = footnote_mark(text);
  if (mark != FootnoteMark::star) return false;
  text = trim(text.substr(length));
  // "* – по согласованию", "*: as agreed", "(*) = келісім бойынша": the mark, a separator, its key.
  if (const size_t separator = separator_at(text); separator > 0 && separator < text.size() && text[separator] == ' ') {
    text = trim(text.substr(separator));
  }
  if (text.empty() || text.front() == '(') return false;
  return is_marker("(" + std::string(text) + ")", vocabulary) || says_marker_key(text, vocabulary);
}

bool is_note(std::string_view paragraph, const Vocabulary& vocabulary) {
  constexpr size_t kMinFootnoteWords = 6;
  constexpr size_t kMinSuperscriptWords = 2;
  std::string_view text = trim(paragraph);
  const auto [mark, length] = footnote_mark(text);
  text = trim(text.substr(length));
  const size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon + 1 < text.size() && colon <= kMaxLeadBytes &&
      is_lead(fold_case(text.substr(0, colon)), vocabulary)) {
    return !is_glossary_heading(text, vocabulary);
  }
  // A footnote: its mark, then a sentence that is no entry, no list of bodies and opens with no
  // body's head noun ("* subject to the availability of funds in the local budget"); "* МФ",
  // "* отдел культуры, отдел спорта …" or "* co-executors" may be a cell's bullet or a mark's key.
  // A superscript figure ("¹ в пределах средств …") opens no cell: a shorter sentence will do.
  if (mark == FootnoteMark::none) return false;
  // "* по согласованию", "* as agreed": the key of a mark in the cells, however short (before, the
  // last row's agency).
  if (is_marker_footnote(paragraph, vocabulary)) return true;
  const std::vector<std::string> words = words_of(fold_case(text));
  return words.size() >= (mark == FootnoteMark::superscript ? kMinSuperscriptWords : kMinFootnoteWords) &&
         !vocabulary.has_word("agency.head", words.front()) && !split_entry(text) &&
         !looks_like_agency_list(text, vocabulary) && !is_glossary_heading(text, vocabulary);
}

bool is_caption(std::string_view paragraph) {
  const std::string_view text = trim(paragraph);
  if (text.size() < 2 || text.back() != ':' || text.size() > kMaxColumnLabelBytes || has_digit(text)) return false;
  if (split_entry(text) || text.find('\n') != std::string_view::npos) return false;
  const std::vector<std::string> words = words_of(fold_case(text));
  return !words.empty() && words.size() <= kMaxColumnLabelWords;
}

bool is_glossary_heading(std::string_view paragraph, const Vocabulary& vocabulary) {
  const std::string_view text = trim(paragraph);
  if (text.empty() || text.size() > kMaxHeadingBytes) return false;
  const GlossaryWords& glossary = glossary_words(vocabulary);
  if (static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1 > glossary.max_words) return false;
  if (!glossary.heading_digits && has_digit(text)) return false;  // neither a whole heading nor a label
  const std::string folded = fold_case(text);
  for (const std::string& heading : glossary.headings) {
    if (folded == heading) return true;
  }
  return is_heading_label(folded, vocabulary);
}

bool opens_glossary(const std::vector<Paragraph>& paragraphs, size_t at, const Vocabulary& vocabulary,
                    const std::vector<std::vector<Paragraph>>* rows) {
  if (at >= paragraphs.size()) return false;
  const Paragraph& here = paragraphs[at];
  if (is_glossary_heading(here.text, vocabulary)) return true;
  // "ТҚМ – келісім бойынша, ІСМ — келісім бойынша": abbreviations, each with the marker's words
  // after a dash, are an agency cell, no glossary.
  if (const std::optional<Entry> entry = split_entry(here.text)) {
    const std::string_view name = std::string_view(entry->name).substr(0, entry->name.find_first_of(",;"));
    if (is_marker("(" + std::string(trim(name)) + ")", vocabulary)) return false;
  }
  const bool has_next = at + 1 < paragraphs.size();
  if (has_next && is_lead_paragraph(here.text, vocabulary) && is_glossary_heading(paragraphs[at + 1].text, vocabulary))
    return true;
  if (entries_by_line(here, vocabulary) || entries_in_paragraph(here, vocabulary)) return true;
  // "MoJ⇥Ministry of Justice" ⏎ "GPO⇥General Prosecutor's Office": a two-column glossary table
  // copied as text, with no heading: two lines at least, each of two cells, an abbreviation and
  // a name of two words or more (before, the lines went on the last row as its agencies).
  const auto pair_line = [&](size_t k) {
    if (k + 1 >= paragraphs.size() || (k > 0 && paragraphs[k - 1].line == paragraphs[k].line)) return false;
    if (paragraphs[k + 1].line != paragraphs[k].line) return false;
    if (k + 2 < paragraphs.size() && paragraphs[k + 2].line == paragraphs[k].line) return false;
    const std::string& name = paragraphs[k + 1].text;
    return is_abbreviation_phrase(paragraphs[k].text) && !is_abbreviation_phrase(name) && name.find(' ') != std::string::npos &&
           !split_entry(name);
  };
  if (pair_line(at) && pair_line(at + 2)) return true;
  if (!split_entry(here.text)) return led_entry(here) && lone_entry_defines(paragraphs, at, vocabulary, rows);
  if (has_next && (split_entry(paragraphs[at + 1].text) || entries_by_line(paragraphs[at + 1], vocabulary))) return true;
  return lone_entry_defines(paragraphs, at, vocabulary, rows);
}

GlossaryResult read_glossary(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  GlossaryResult result = read_glossary_entries(paragraphs, vocabulary);
  result.rest.assign(paragraphs.begin() + static_cast<std::ptrdiff_t>(result.rest_start), paragraphs.end());
  return result;
}

GlossaryResult read_glossary_entries(const std::vector<Paragraph>& paragraphs, const Vocabulary& vocabulary) {
  GlossaryResult result;
  auto add = [&](std::string abbr, std::string name, int line) {
    std::vector<char32_t> format = strip_format_characters(abbr);
    for (char32_t c : strip_format_characters(name)) {
      if (std::find(format.begin(), format.end(), c) == format.end()) format.push_back(c);
    }
    if (abbr.empty() || name.empty()) {
      // A side made only of invisible characters ("MIA" over a lone U+200F) names nothing;
      // an entry with an empty side would expand an agency to nothing.
      result.diagnostics.push_back({Severity::warning, Code::unclaimed_paragraph,
                                    "glossary entry \"" + abbr + "\" has nothing but invisible format characters (" +
                                        code_point_list(format) + ") on one side; it is left out of the glossary",
                                    line});
      return;
    }
    if (!format.empty()) {
      result.diagnostics.push_back({Severity::warning, Code::format_character,
                                    "glossary entry \"" + abbr + "\" held invisible format characters (" +
                                        code_point_list(format) + "); they are removed",
                                    line});
    }
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
  // A caption in words no vocabulary holds ("Справочно:") right before entries: their heading,
  // but not proof of a glossary, which the entries must still give (the pipeline's check).
  if (n >= 2 && is_caption(paragraphs[0].text) && !is_glossary_heading(paragraphs[0].text, vocabulary) &&
      opens_glossary(paragraphs, 1, vocabulary)) {
    i = 1;
  }
  // The heading: after a lone "Note:" or not; then perhaps the first cell of a glossary
  // table's heading row ("Аббревиатура"), which reads as a heading too, and its second cell.
  if (i + 1 < n && is_lead_paragraph(paragraphs[i].text, vocabulary) &&
      is_glossary_heading(paragraphs[i + 1].text, vocabulary)) {
    i += 2;
    result.headed = true;
  }
  for (int cells = 0; cells < 2 && i < n && is_glossary_heading(paragraphs[i].text, vocabulary); ++cells) {
    ++i;
    result.headed = true;
  }
  if (result.headed && i + 1 < n && is_column_label(paragraphs[i], vocabulary) &&
      starts_entries(paragraphs[i + 1], vocabulary)) {
    ++i;
  }

  while (i < n) {
    const Paragraph& paragraph = paragraphs[i];
    if (std::optional<LineEntries> lines = entries_by_line(paragraph, vocabulary)) {
      result.headed = result.headed || lines->headed;
      for (Entry& entry : lines->entries) add(std::move(entry.abbr), std::move(entry.name), entry.line);
      ++i;
      continue;
    }
    if (std::optional<LineEntries> pieces = entries_in_paragraph(paragraph, vocabulary)) {
      result.headed = result.headed || pieces->headed;
      for (Entry& entry : pieces->entries) add(std::move(entry.abbr), std::move(entry.name), entry.line);
      ++i;
      continue;
    }
    // A note after the entries ("Примечание: головной исполнитель указан первым.") ends them:
    // read as an entry, its lead became an abbreviation.
    std::optional<Entry> entry = led_entry(paragraph);
    if (!entry && is_note(paragraph.text, vocabulary)) break;
    if (!entry) entry = split_entry(paragraph.text, result.headed);
    if (!entry && result.headed) entry = name_first_entry(paragraph.text);
    if (entry) {
      add(std::move(entry->abbr), std::move(entry->name), paragraph.line);
      ++i;
      continue;
    }
    if (!is_abbreviation_phrase(paragraph.text)) {
      // A line between entries that reads as none ("АО им. Абая – …", a name split over two
      // paragraphs) does not end the glossary: it is reported at its line, and the entries
      // after it are read.
      const bool inside = result.headed || !result.entries.empty();
      if (inside && i + 1 < n && !is_glossary_heading(paragraph.text, vocabulary) &&
          (split_entry(paragraphs[i + 1].text, result.headed) || entries_by_line(paragraphs[i + 1], vocabulary))) {
        result.diagnostics.push_back({Severity::warning, Code::unclaimed_paragraph,
                                      "glossary line reads as no entry (no abbreviation, then a dash or a colon, "
                                      "before a name); it is left out of the glossary: " + paragraph.text,
                                      paragraph.line});
        ++i;
        continue;
      }
      break;
    }
    // A run of abbreviations, then maybe a run of dashes (or blanks), then as many names: a table read
    // column by column (or, with a run of one, row by row).
    size_t abbr_end = i;
    // An abbreviation of several words stands in its cell too ("ҚР ДСМ", "ШЖҚ РМК").
    while (abbr_end < n && is_abbreviation_phrase(paragraphs[abbr_end].text)) ++abbr_end;
    size_t names = abbr_end;
    while (names < n && is_filler(paragraphs[names].text)) ++names;
    const size_t wanted = abbr_end - i;
    size_t taken = 0;
    while (taken < wanted && names + taken < n) {
      const std::string& text = paragraphs[names + taken].text;
      if (is_abbreviation_phrase(text) || is_filler(text) || split_entry(text) || strip_name(text).empty()) break;
      ++taken;
    }
    if (taken < wanted) {
      result.diagnostics.push_back({Severity::warning, Code::glossary_mismatch,
                                    std::to_string(wanted) + " abbreviations but " + std::to_string(taken) +
                                        " names follow them; the unpaired ones are left out of the glossary",
                                    paragraphs[i].line});
    }
    for (size_t k = 0; k < taken; ++k) {
      add(paragraphs[i + k].text, strip_name(paragraphs[names + k].text), paragraphs[i + k].line);
    }
    for (size_t k = taken; k < wanted; ++k) {
      result.diagnostics.push_back({Severity::warning, Code::unclaimed_paragraph,
                                    "glossary abbreviation without a name: " + paragraphs[i + k].text,
                                    paragraphs[i + k].line});
    }
    i = names + taken;
  }
  result.rest_start = i;
  return result;
}

}  // namespace planparse
