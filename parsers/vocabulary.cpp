// Loads the embedded vocabulary files (parsers/vocab/*.tsv).
#include "parsers/vocabulary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ingest/source.h"
#include "parsers/text.h"
#include "schema/plan.h"
#include "vocab_index.h"

namespace planparse {

std::vector<const VocabEntry*> Vocabulary::with_role(std::string_view role) const {
  std::vector<const VocabEntry*> found;
  const bool prefix = !role.empty() && role.back() == '.';
  for (const VocabEntry& entry : entries) {
    if (prefix ? std::string_view(entry.role).starts_with(role) : entry.role == role) found.push_back(&entry);
  }
  return found;
}

const std::vector<std::string>& Vocabulary::phrases(std::string_view role) const {
  static const std::vector<std::string> kNone;
  const auto found = by_role.find(role);
  return found == by_role.end() ? kNone : found->second;
}

bool Vocabulary::has_word(std::string_view role, std::string_view folded_word) const {
  return in_any_family(folded_word, phrases(role));
}

void index_phrases(Vocabulary& vocabulary) {
  vocabulary.compiled = std::make_shared<CompiledParts>();
  vocabulary.by_role.clear();
  for (const VocabEntry& entry : vocabulary.entries) vocabulary.by_role[entry.role].push_back(entry.folded);
  for (auto& [role, phrases] : vocabulary.by_role) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
}

namespace {

// Kazakh is written in the Latin alphabet too: the 2017 alphabet with acute accents ("Qazaqstan
// Respýblıkasy", "jylǵy", "shilde") and the 2021 one ("jylğy", "şılde", "säuır"). Each maps a
// lower-case Cyrillic letter to its Latin spelling; a letter not listed is kept.
struct LatinSpelling {
  char32_t cyrillic;
  std::string_view acute;  // 2017
  std::string_view dotted;  // 2021
};
constexpr LatinSpelling kKazakhLatin[] = {
    {U'а', "a", "a"},   {U'ә', "á", "ä"},   {U'б', "b", "b"},   {U'в', "v", "v"},   {U'г', "g", "g"},
    {U'ғ', "ǵ", "ğ"},   {U'д', "d", "d"},   {U'е', "e", "e"},   {U'ё', "ıo", "io"}, {U'ж', "j", "j"},
    {U'з', "z", "z"},   {U'и', "ı", "i"},   {U'й', "ı", "i"},   {U'і', "i", "ı"},   {U'к', "k", "k"},
    {U'қ', "q", "q"},   {U'л', "l", "l"},   {U'м', "m", "m"},   {U'н', "n", "n"},   {U'ң', "ń", "ñ"},
    {U'о', "o", "o"},   {U'ө', "ó", "ö"},   {U'п', "p", "p"},   {U'р', "r", "r"},   {U'с', "s", "s"},
    {U'т', "t", "t"},   {U'у', "ý", "u"},   {U'ұ', "u", "ū"},   {U'ү', "ú", "ü"},   {U'ф', "f", "f"},
    {U'х', "h", "h"},   {U'һ', "h", "h"},   {U'ц', "ts", "ts"}, {U'ч', "ch", "ç"},  {U'ш', "sh", "ş"},
    {U'щ', "sh", "şş"}, {U'ъ', "", ""},     {U'ы', "y", "y"},   {U'ь', "", ""},     {U'э', "e", "e"},
    {U'ю', "ıý", "iu"}, {U'я', "ıa", "ia"},
};

// A folded Kazakh phrase in one Latin alphabet; empty when a letter has no spelling there.
std::string kazakh_in_latin(std::string_view folded, bool dotted) {
  std::string latin;
  for (const char32_t c : to_u32(folded)) {
    const auto found = std::find_if(std::begin(kKazakhLatin), std::end(kKazakhLatin),
                                    [&](const LatinSpelling& spelling) { return spelling.cyrillic == c; });
    if (found != std::end(kKazakhLatin)) {
      latin += dotted ? found->dotted : found->acute;
    } else if (is_cyrillic_letter(c)) {
      return {};
    } else {
      latin += to_utf8(std::u32string(1, c));
    }
  }
  return latin;
}

// The Latin spellings of a Kazakh vocabulary's phrases, added as entries of their own. Where a
// word is matched in running text (the language's frequent words, the words a wrapped line ends
// on, "and"), short spellings are left out: "мен", "да" in Latin are English and Romance words
// ("men", "da"). A letter that tells the language is one only where the Latin alphabet marks it
// ("ә" -> "á", "ä"; not "қ" -> "q").
void add_latin_spellings(Vocabulary& vocabulary) {
  constexpr size_t kMinProseLetters = 4;
  const size_t cyrillic_entries = vocabulary.entries.size();
  std::set<std::string> added;
  for (size_t e = 0; e < cyrillic_entries; ++e) {
    const VocabEntry entry = vocabulary.entries[e];
    const bool prose = entry.role == "language.word" || entry.role == "wrap.join" || entry.role == "conjunction";
    for (const bool dotted : {false, true}) {
      std::string latin = kazakh_in_latin(entry.folded, dotted);
      if (entry.role == "language.letters") {
        // Letter by letter, the marked ones only.
        latin.clear();
        for (const char32_t c : to_u32(entry.folded)) {
          const std::string letter = kazakh_in_latin(to_utf8(std::u32string(1, c)), dotted);
          if (!is_ascii(letter)) latin += letter;
        }
      }
      if (latin.empty() || latin == entry.folded) continue;
      const std::u32string code_points = to_u32(latin);
      if (prose && static_cast<size_t>(std::count_if(code_points.begin(), code_points.end(), is_letter)) < kMinProseLetters) {
        continue;
      }
      // The two alphabets spell most words alike ("mamyr"): one entry each.
      if (added.insert(entry.role + '\t' + latin).second) {
        vocabulary.entries.push_back(VocabEntry{entry.role, latin, latin, entry.language, entry.line});
      }
    }
  }
}

}  // namespace

Result<Vocabulary> parse_vocabulary(std::string_view tsv, std::string_view language) {
  Vocabulary vocabulary;
  int line_number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Failure{Code::invalid_vocabulary, "vocabulary " + std::string(language) + ": row has no tab",
                     "line " + std::to_string(line_number)};
    }
    const std::string_view role = trim(line.substr(0, tab));
    const std::string_view phrase = trim(line.substr(tab + 1));
    if (role.empty() || phrase.empty()) {
      return Failure{Code::invalid_vocabulary, "vocabulary " + std::string(language) + ": empty role or phrase",
                     "line " + std::to_string(line_number)};
    }
    vocabulary.entries.push_back(
        VocabEntry{std::string(role), std::string(phrase), fold_case(phrase), std::string(language), line_number});
  }
  if (language == "kk") add_latin_spellings(vocabulary);
  index_phrases(vocabulary);
  return vocabulary;
}

const Vocabulary& builtin_vocabulary() {
  static const Vocabulary merged = [] {
    Vocabulary all;
    for (const auto& [language, tsv] : generated::vocabularies) {
      Result<Vocabulary> one = parse_vocabulary(tsv, language);
      if (!one.ok()) continue;  // test_vocabulary.cpp parses each file and fails loudly
      for (VocabEntry& entry : one.value().entries) all.entries.push_back(std::move(entry));
    }
    index_phrases(all);
    return all;
  }();
  return merged;
}

namespace {

// The roles a vocabulary file may use: those of the built-in files, and the weak header words
// of every column role (header.h reads "header.<role>.weak" for each). A role outside them is
// a typo that would silently teach planparse nothing.
bool is_known_role(std::string_view role) {
  if (builtin_vocabulary().by_role.contains(role)) return true;
  for (const Named<ColumnRole>& column : kColumnRoleNames) {
    if (role == "header." + std::string(column.name) + ".weak") return true;
  }
  return false;
}

}  // namespace

Result<Vocabulary> load_vocabulary_directory(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return Failure{Code::io_error, "the vocabulary directory " + directory + " is not a directory", ""};
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  }
  if (error) return Failure{Code::io_error, "cannot read the vocabulary directory " + directory + ": " + error.message(), ""};
  if (files.empty()) return Failure{Code::io_error, "the vocabulary directory " + directory + " holds no .tsv file", ""};
  std::sort(files.begin(), files.end());  // the same merge order whatever the file system's
  Vocabulary all;
  for (const fs::path& file : files) {
    Result<std::string> text = read_data_file(file.string(), "vocabulary file");
    if (!text.ok()) return text.error();
    Result<Vocabulary> one = parse_vocabulary(text.value(), file.stem().string());
    if (!one.ok()) return Failure{Code::invalid_vocabulary, file.string() + ": " + one.error().message, one.error().where};
    for (const VocabEntry& entry : one.value().entries) {
      if (!is_known_role(entry.role)) {
        return Failure{Code::invalid_vocabulary,
                       file.string() + ": unknown role \"" + entry.role + "\" (parsers/vocabulary.h lists the roles)",
                       "line " + std::to_string(entry.line)};
      }
    }
    for (VocabEntry& entry : one.value().entries) all.entries.push_back(std::move(entry));
  }
  index_phrases(all);
  return all;
}

}  // namespace planparse
