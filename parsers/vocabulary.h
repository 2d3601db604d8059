// Vocabularies: the words of the genre (header words, month names, deadline phrases, the
// "as agreed" markers, group phrases, glossary headings) kept as data in parsers/vocab/*.tsv
// and compiled in. Each line is `role<TAB>phrase`; `#` starts a comment. Adding a phrase
// needs no code change. A Kazakh file's phrases are also spelled in both Latin alphabets
// (2017: "jylǵy", "qańtar"; 2021: "jylğy", "qañtar") as entries of their own, so that a plan in
// Latin Kazakh reads with the same words. Tested by test_vocabulary.cpp.
//
// Roles used by the stages:
//   header.number|name|outcome|deadline|agencies|other   table header word families per column role
//                                                         (a word ending in "*" is a stem; header.h)
//   header.<role>.weak                                    generic words that name a column only when
//                                                         nothing more specific does ("activity")
//   section.prefix                                        words before a section number ("Section")
//   section.suffix                                        words after it, joined by a hyphen ("1-бөлім")
//   section.ordinal.1 .. section.ordinal.10               ordinal words before a section word
//                                                         ("Екінші бөлім. …", "Second block: …")
//   marker.as_agreed                                      "(as agreed)", "(по согласованию)"
//   marker.word, marker.filler                            a bracket in other words: "(if agreed)"
//   marker.all                                            a marker's word that makes it every entry's
//                                                         "(все – по согласованию)", "(both as agreed)"
//   group.lead, group.phrase                              "other ..." / whole group phrases
//   group.noun                                            a plural noun that alone is a group
//                                                         ("организации"; "ОМС и организации")
//   group.heading                                         goal, task, project, programme rows that
//                                                         group activities ("Цель:", "1.2-мақсат.")
//   conjunction                                           "and", "и"
//   conjunction.with                                      "together with", "совместно с": a partner
//                                                         follows, named by a head or not
//   wrap.join                                             prepositions and conjunctions a wrapped line
//                                                         ends with, not a cell ("в", "of"; align.h)
//   wrap.lead                                             words a line of an agency cell opens with only
//                                                         where it goes on the name above ("of", "при",
//                                                         "акимата"; agencies.h continues_entry)
//   agency.legal_form                                     "АО", "«…» АҚ", "РГП на ПХВ", "JSC": an
//                                                         organisation's legal form, never an abbreviation
//   agency.shared_ending                                  an adjective ending ("ого"): two adjectives
//                                                         ending in it around a comma share the noun
//                                                         after them, one agency ("Северного, Южного районов")
//   agency.nominative_ending                              an adjective ending of the nominative ("ая"):
//                                                         a piece after a comma opening with it names a
//                                                         body ("…, районная библиотека"; agencies.h)
//   agency.participle_ending                              a participle's ending ("ющий"): a piece after a
//                                                         comma opening with it describes the entry before
//   group.oblique_plural_adjective, group.oblique_plural_ending (ru): the same plural in an oblique
//   case, a partner's ("при участии районных акиматов")
//   group.opening_plural_ending, group.opening_plural_adjective (ru), group.closing_plural_ending
//   (kk), group.head_plural_ending,
//   group.head_singular_ending, agency.head_end (en)      a written-out name whose head is in the
//                                                         plural is a group ("депутаты маслихата",
//                                                         "мектеп директорлары", "school principals")
//   agency.place_plural                                   a plural of places ("regions", "городов",
//                                                         "аудандарының"): place names listed around it
//                                                         over commas stay in one entry
//   agency.possessive_ending                              a Kazakh possessive ("ы"): a piece ending in it
//                                                         is a noun phrase of its own, no field of the
//                                                         head after the comma (agencies.cpp)
//   agency.owner_link                                     "of" before a name's owner: fields listed before
//                                                         it are one name with the head before the comma
//                                                         or "and" ("…Culture, Culture and Sports of the akimat")
//   agency.role_note                                      words of a bracket noting a body's part in the
//                                                         activity ("(lead)", "(свод)", "(жинақтау)"): kept
//                                                         in the entry's text, not in its name
//   agency.country                                        the country's short form ("ҚР", "РК"): with one
//                                                         abbreviation beside it, one abbreviation ("ҚР ДСМ")
//   agency.genitive_ending, agency.head_plural_ending     Kazakh endings ("ның"; "лары"): pieces before
//                                                         a comma in the genitive, or before a head in
//                                                         the plural with its possessive, share that
//                                                         head ("облыстық білім, ... басқармалары")
//   agency.head                                           head nouns of bodies' names ("отдел*",
//                                                         "ministr*"): a column the header leaves
//                                                         unnamed reads as the agencies by them (table.h)
//   glossary.heading                                      "Abbreviations:", "Note: Abbreviations:"
//   glossary.word, glossary.shortening, glossary.label    word stems of glossary headings (glossary.h):
//                                                         a phrase ending in "*" matches every word it
//                                                         begins, any other a whole word
//   glossary.lead                                         "Note", "Примечание" before a heading
//   published                                             "Publication date"
//   act.number                                            "No.", "№" before an act's number
//   act.citing, act.citing_after (kk)                     words citing another act before it ("в
//                                                         соответствии с", "pursuant to") or after
//                                                         it ("… Заңына сәйкес"): no adopting act
//   act.adopting                                          adoption verbs and instrumentals ("утвердил",
//                                                         "adopted", "қаулысымен"): the plan's own act
//   act.amending                                          "изменени*", "amend*", "өзгеріс*": a later act
//                                                         that amended the plan, not its own
//   caption.word                                          an appendix's caption above its title, by its
//                                                         first or last word ("Приложение к …",
//                                                         "Утвержден …", "Approved by …", "… қосымша")
//   month.1 .. month.12                                   month names in every case form
//   month.N.from                                          a month's ablative that starts a range ("шілдеден")
//   deadline.by_end, deadline.by                          "by the end of", "by"
//   deadline.from, deadline.to                            the ends of a range: "с" … "по", "from" … "to"
//   deadline.half.1|2, deadline.quarter.1..4              "first half", "II quarter"
//   deadline.part.N, deadline.halves, deadline.quarters   two numerals sharing one unit: "III–IV кварталы"
//   deadline.filler                                       words a deadline may carry: "of", "year"
//   deadline.year_first                                   a year's word that leads on to the month after
//                                                         it ("2026 жылғы" ⏎ "желтоқсан"; align.h)
//   deadline.then                                         a word leading from a date on to the recurrence
//                                                         after it: "далее", "thereafter", "әрі қарай"
//   deadline.onward                                       a word closing a start with no end: "from 2026 on"
//   deadline.and                                          the conjunction between years listed one after
//                                                         another: "2027 и 2028 годы"
//   deadline.event                                        words that open a deadline relative to an
//                                                         event ("по мере", "upon"): read as no date,
//                                                         and never as an agency (cell_check.h)
//   recurrence.annual|semiannual|quarterly|monthly|ongoing   (parsers/deadline.h has the grammar)
//   language.word, language.letters                       frequent words and own letters, which tell
//                                                         the document's language (metadata.h)
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"

namespace planparse {

struct VocabEntry {
  std::string role;
  std::string phrase;    // as written in the file (NFC)
  std::string folded;    // case-folded, for matching
  std::string language;  // "en", "ru", ...
  int line = 0;          // in its file
};

// What a stage compiles from a vocabulary's phrases (the deadline reader's phrase table, the
// header's word patterns, the glossary's heading words, the metadata's act-number pattern),
// built once on first use by whichever thread asks first, then read without a lock, and freed
// with the vocabulary: a library user who loads a vocabulary for every call grows nothing
// (issue 16; before, global caches keyed by the vocabulary kept every one). The agency reader's
// filters tell most entries from the first or last bytes alone which phrase lists they cannot
// match (every cell is read twice: classified, then split).
enum class Compiled : uint8_t { deadline_phrases, header_patterns, glossary_words, act_number_pattern, agency_filters };
inline constexpr size_t kCompiledParts = static_cast<size_t>(Compiled::agency_filters) + 1;  // the enum's last, + 1
class CompiledParts {
 public:
  template <class T, class Build>
  const T& get(Compiled part, Build build) const {
    Slot& slot = slots_[static_cast<size_t>(part)];
    std::call_once(slot.once, [&] { slot.value = std::make_shared<const T>(build()); });
    return *static_cast<const T*>(slot.value.get());
  }

 private:
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const void> value;
  };
  mutable std::array<Slot, kCompiledParts> slots_;
};

struct Vocabulary {
  std::vector<VocabEntry> entries;
  // Folded phrases per role, longest first; built by index_phrases() from `entries`.
  // Hashed: every stage looks its roles up per paragraph, and a string_view finds its role
  // without a copy.
  struct RoleHash {
    using is_transparent = void;
    size_t operator()(std::string_view role) const { return std::hash<std::string_view>{}(role); }
  };
  std::unordered_map<std::string, std::vector<std::string>, RoleHash, std::equal_to<>> by_role;
  // Made anew by every index_phrases(); shared by copies, which read the same phrases.
  std::shared_ptr<CompiledParts> compiled = std::make_shared<CompiledParts>();

  // Entries whose role equals `role`, or starts with `role` when `role` ends in ".".
  std::vector<const VocabEntry*> with_role(std::string_view role) const;
  // The folded phrases of one exact role, longest first (so that matching prefers the longer
  // one); empty for a role the vocabulary lacks. Stages call this per paragraph, so it is a
  // lookup, not a scan.
  const std::vector<std::string>& phrases(std::string_view role) const;
  // Whether a folded word is in one of the role's word families (text.h in_family).
  bool has_word(std::string_view role, std::string_view folded_word) const;
};

// Rebuilds `by_role` from `entries`; parse_vocabulary and builtin_vocabulary call it.
void index_phrases(Vocabulary& vocabulary);

// Parses one vocabulary file. Failures: invalid_vocabulary naming the line of a malformed row.
Result<Vocabulary> parse_vocabulary(std::string_view tsv, std::string_view language);

// Every embedded vocabulary merged (plans mix languages: an English plan with a Russian
// footer). Built once; a malformed embedded file is a build defect caught by the tests.
const Vocabulary& builtin_vocabulary();

// Every `<language>.tsv` file in `directory` merged, in place of the embedded ones: a user adds
// a phrase to a copy of parsers/vocab/ and runs `planparse parse --vocab DIR`. Failures:
// io_error for a missing directory or unreadable file, or one with no .tsv file;
// invalid_vocabulary naming the file and line of a malformed row.
Result<Vocabulary> load_vocabulary_directory(const std::string& directory);

}  // namespace planparse
