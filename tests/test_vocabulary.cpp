// Vocabulary files load, hold no duplicates, and are in NFC.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "parsers/vocabulary.h"
#include "vocab_index.h"

using namespace planparse;

TEST_CASE("every embedded vocabulary file parses", "[vocabulary]") {
  for (const auto& [language, tsv] : generated::vocabularies) {
    INFO("vocabulary " << language);
    Result<Vocabulary> vocabulary = parse_vocabulary(tsv, language);
    REQUIRE(vocabulary.ok());
    CHECK_FALSE(vocabulary.value().entries.empty());
  }
}

TEST_CASE("a vocabulary holds no duplicate role and phrase", "[vocabulary]") {
  std::set<std::pair<std::string, std::string>> seen;
  for (const VocabEntry& entry : builtin_vocabulary().entries) {
    INFO(entry.language << ":" << entry.line << " " << entry.role << " " << entry.phrase);
    CHECK(seen.insert({entry.language + "/" + entry.role, entry.folded}).second);
  }
}

TEST_CASE("vocabulary phrases are NFC", "[vocabulary]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  for (const VocabEntry& entry : builtin_vocabulary().entries) {
    INFO(entry.language << ":" << entry.line << " " << entry.phrase);
    CHECK(nfc->isNormalized(icu::UnicodeString::fromUTF8(entry.phrase), status));
  }
}

TEST_CASE("a vocabulary row without a tab is rejected with its line", "[vocabulary]") {
  Result<Vocabulary> vocabulary = parse_vocabulary("# comment\nheader.name\tName\nbroken row\n", "xx");
  REQUIRE_FALSE(vocabulary.ok());
  CHECK(vocabulary.error().where == "line 3");
}

TEST_CASE("with_role matches a role family by its prefix", "[vocabulary]") {
  Result<Vocabulary> vocabulary = parse_vocabulary("month.1\tJanuary\nmonth.2\tFebruary\nmonthly\tx\n", "xx");
  REQUIRE(vocabulary.ok());
  CHECK(vocabulary.value().with_role("month.").size() == 2);
  CHECK(vocabulary.value().with_role("month.1").size() == 1);
}

TEST_CASE("a vocabulary directory is read file by file, each file's stem its language", "[vocabulary]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("planparse-vocab-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "xx.tsv") << "# a new language\nmonth.3\tmärz\nrecurrence.ongoing\tlaufend\n";
  std::ofstream(dir / "notes.txt") << "not a vocabulary\n";
  Result<Vocabulary> vocabulary = load_vocabulary_directory(dir.string());
  REQUIRE(vocabulary.ok());
  REQUIRE(vocabulary.value().entries.size() == 2);
  CHECK(vocabulary.value().entries[0].language == "xx");
  CHECK(vocabulary.value().phrases("recurrence.ongoing") == std::vector<std::string>{"laufend"});

  std::ofstream(dir / "yy.tsv") << "month.1\n";
  Result<Vocabulary> broken = load_vocabulary_directory(dir.string());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().code == Code::invalid_vocabulary);
  CHECK(broken.error().message.find("yy.tsv") != std::string::npos);
  CHECK(broken.error().where == "line 1");
  fs::remove_all(dir);

  CHECK(load_vocabulary_directory(dir.string()).error().code == Code::io_error);
}

TEST_CASE("a Kazakh phrase is also spelled in both Latin alphabets, a short prose word not", "[vocabulary]") {
  Result<Vocabulary> parsed = parse_vocabulary(
      "month.1\tқаңтар\nheader.deadline\tмерзім*\ndeadline.filler\tжыл\nlanguage.word\tмен\nlanguage.word\tбойынша\n"
      "language.letters\tәқ\n",
      "kk");
  REQUIRE(parsed.ok());
  const Vocabulary& vocabulary = parsed.value();
  const auto has = [&](std::string_view role, std::string_view phrase) {
    const std::vector<std::string>& phrases = vocabulary.phrases(role);
    return std::find(phrases.begin(), phrases.end(), phrase) != phrases.end();
  };
  CHECK(has("month.1", "қаңтар"));
  CHECK(has("month.1", "qańtar"));  // 2017, acute accents
  CHECK(has("month.1", "qañtar"));  // 2021
  CHECK(has("header.deadline", "merzim*"));
  CHECK(has("header.deadline", "merzım*"));
  CHECK(has("deadline.filler", "jyl"));
  CHECK(has("language.word", "boıynsha"));
  CHECK(has("language.word", "boiynşa"));
  // "men" is an English word: a frequent Kazakh word of three letters gets no Latin spelling.
  CHECK_FALSE(has("language.word", "men"));
  // Of a language's letters, only those the Latin alphabet marks: "ә" -> á, ä; not "қ" -> q.
  CHECK(has("language.letters", "á"));
  CHECK(has("language.letters", "ä"));
  // Other languages' phrases are left as written.
  Result<Vocabulary> russian = parse_vocabulary("month.1\tянварь\n", "ru");
  REQUIRE(russian.ok());
  CHECK(russian.value().phrases("month.1").size() == 1);
}
