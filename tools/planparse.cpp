// planparse: the command line. It parses arguments, calls the core and is the only place that
// prints to stderr or picks an exit code; it writes no output at all when an input fails.
//   planparse parse FILE|- [-o OUT] [--compact] [--encoding NAME] [--vocab DIR]   a plan -> JSON
//   planparse validate FILE.json     check a JSON document against the schema
//   planparse schema                 print the JSON Schema
// --encoding names the input's charset and wins over a BOM and a <meta> declaration; without
// it the charset is detected (ingest/charset.h).
// Exit codes: 0 ok; 1 the input is not a plan, or the JSON is invalid; 2 usage (an unknown
// --encoding name and an unreadable or malformed --vocab directory included); 3 I/O;
// 4 internal error (planparse's output broke its own schema). Tested by test_cli.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

namespace {

enum Exit { kOk = 0, kInvalid = 1, kUsage = 2, kIo = 3, kInternal = 4 };

int fail(const std::string& file, const std::string& what, const std::string& where, int code) {
  std::cerr << "planparse: " << file << ": " << what;
  if (!where.empty()) std::cerr << " at " << where;
  std::cerr << "\n";
  return code;
}

// Writes `text` to `path` through a temporary file in the same directory and a rename, so a
// reader never sees a half-written file and a failure leaves nothing behind.
bool write_atomically(const std::string& path, const std::string& text, std::string* error) {
  std::string pattern = path + ".tmp.XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  // mkstemp creates 0600; the file should get what a shell redirect gives (0666 less umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ::close(fd);
      ::unlink(pattern.c_str());
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    *error = std::strerror(errno);
    ::unlink(pattern.c_str());
    return false;
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    *error = std::strerror(errno);
    ::unlink(pattern.c_str());
    return false;
  }
  return true;
}

int run_parse(const std::string& input, const std::string& output, bool compact, const std::string& encoding,
              const std::string& vocab_directory) {
  planparse::Result<planparse::Vocabulary> custom = planparse::Vocabulary{};
  if (!vocab_directory.empty()) {
    custom = planparse::load_vocabulary_directory(vocab_directory);
    if (!custom.ok()) return fail(vocab_directory, custom.error().message, custom.error().where, kUsage);
  }
  const planparse::Vocabulary& vocabulary = vocab_directory.empty() ? planparse::builtin_vocabulary() : custom.value();
  planparse::Result<planparse::Source> source = planparse::read_source(input, planparse::DecodeOptions{encoding});
  const std::string shown = input == "-" ? "<stdin>" : input;
  if (!source.ok()) {
    const planparse::Failure& failure = source.error();
    if (failure.code == planparse::Code::unknown_encoding) return fail("--encoding", failure.message, "", kUsage);
    return fail(shown, failure.message, failure.where, failure.code == planparse::Code::io_error ? kIo : kInvalid);
  }
  planparse::Result<planparse::Plan> plan = planparse::parse_source(source.value(), vocabulary);
  if (!plan.ok()) return fail(shown, plan.error().message, plan.error().where, kInvalid);

  const nlohmann::ordered_json json = planparse::to_json(plan.value());
  const std::vector<planparse::SchemaViolation> violations = planparse::validate_plan(nlohmann::json(json));
  if (!violations.empty()) {
    return fail(shown, "internal error: output breaks the schema at \"" + violations.front().pointer + "\": " +
                           violations.front().message,
                "", kInternal);
  }
  const std::string text = json.dump(compact ? -1 : 2) + "\n";
  if (output.empty()) {
    std::cout << text << std::flush;
    return std::cout ? kOk : fail("<stdout>", "cannot write", "", kIo);
  }
  std::string error;
  if (!write_atomically(output, text, &error)) return fail(output, "cannot write: " + error, "", kIo);
  return kOk;
}

int run_validate(const std::string& path) {
  std::string text;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return fail(path, std::string("cannot open: ") + std::strerror(errno), "", kIo);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    return fail(path, "not JSON", "byte " + std::to_string(error.byte), kInvalid);
  }
  const std::vector<planparse::SchemaViolation> violations = planparse::validate_plan(document);
  for (const planparse::SchemaViolation& violation : violations) {
    std::cout << path << ": " << (violation.pointer.empty() ? "/" : violation.pointer) << ": " << violation.message << "\n";
  }
  if (!violations.empty()) return kInvalid;
  std::cout << path << ": valid\n";
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"planparse: turns a published plan of measures into validated JSON"};
  app.set_version_flag("--version", std::string("planparse ") + PLANPARSE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 the input is not a plan or the JSON is invalid; 2 usage (an unknown\n"
      "--encoding or a bad --vocab included); 3 I/O error; 4 internal error.");

  std::string input;
  std::string output;
  bool compact = false;
  std::string encoding;
  CLI::App* parse = app.add_subcommand("parse", "Parse a plan (plain text or HTML) and print its JSON");
  parse->add_option("FILE", input, "The document to read; - reads stdin")->required();
  parse->add_option("-o,--output", output, "Write the JSON to this file (atomically) instead of stdout");
  parse->add_flag("--compact", compact, "Print the JSON on one line");
  parse->add_option("--encoding", encoding,
                    "The input's charset (UTF-8, UTF-16, windows-1251, windows-1252, KOI8-R, ISO-8859-5, ...); "
                    "it wins over a BOM and a <meta> declaration. Default: detect")
      ->type_name("NAME");
  std::string vocab_directory;
  parse->add_option("--vocab", vocab_directory,
                    "Read the vocabularies (header words, month names, deadline phrases, markers) from the "
                    "<language>.tsv files in DIR instead of the built-in ones; start from a copy of parsers/vocab/")
      ->type_name("DIR");

  std::string json_path;
  CLI::App* validate = app.add_subcommand("validate", "Check a JSON document against the plan schema");
  validate->add_option("FILE", json_path, "The JSON document; - reads stdin")->required();

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kOk : kUsage;
  }
  if (parse->parsed()) return run_parse(input, output, compact, encoding, vocab_directory);
  if (validate->parsed()) return run_validate(json_path);
  if (schema->parsed()) {
    std::cout << planparse::plan_schema_text();
    return kOk;
  }
  return kUsage;
}
