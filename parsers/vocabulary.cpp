// Loads the embedded vocabulary files (parsers/vocab/*.tsv).
#include "parsers/vocabulary.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/source.h"
#include "parsers/text.h"
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

void index_phrases(Vocabulary& vocabulary) {
  static std::atomic<uint64_t> next_id{1};
  vocabulary.id = next_id++;
  vocabulary.by_role.clear();
  for (const VocabEntry& entry : vocabulary.entries) vocabulary.by_role[entry.role].push_back(entry.folded);
  for (auto& [role, phrases] : vocabulary.by_role) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
}

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
  for (std::string_view column : {"number", "name", "outcome", "deadline", "agencies", "other"}) {
    if (role == "header." + std::string(column) + ".weak") return true;
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
  if (error) return Failure{Code::io_error, "cannot read the vocabulary directory: " + error.message(), ""};
  if (files.empty()) return Failure{Code::io_error, "the vocabulary directory holds no .tsv file", ""};
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
