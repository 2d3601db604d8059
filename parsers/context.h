// The parse context: what every document of a run is parsed with, the vocabulary and the
// registry of bodies, loaded once from the user's files (`--vocab DIR`, `--registry FILE`) or
// the built-in ones, and then shared read-only by every input and every thread of `parse`,
// `batch` and `diff`, and by the library's parse_file (issue 16: before, only `parse` read the
// options, and `batch` and `diff` always used the built-in words). The Vocabulary's compiled
// parts are built on first use under std::call_once, so one context serves any number of
// threads. External interface: load_parse_context. Tested by test_pipeline.cpp, test_cli.cpp,
// test_batch.cpp and test_diff_cli.cpp.
#pragma once

#include <memory>
#include <string>

#include "ingest/diagnostic.h"
#include "parsers/registry.h"
#include "parsers/vocabulary.h"

namespace planparse {

struct ParseContext {
  std::shared_ptr<const Vocabulary> custom_vocabulary;  // null: builtin_vocabulary()
  std::shared_ptr<const Registry> custom_registry;      // null: builtin_registry()

  const Vocabulary& vocabulary() const { return custom_vocabulary ? *custom_vocabulary : builtin_vocabulary(); }
  const Registry& registry() const { return custom_registry ? *custom_registry : builtin_registry(); }
};

// The context of a run: the vocabularies of `vocabulary_directory` (load_vocabulary_directory)
// and the registry of `registry_file` (load_registry_file); an empty string keeps the built-in
// one. Failures, their message naming the directory or file and `where` the line: those of
// load_vocabulary_directory (io_error, invalid_vocabulary), then those of load_registry_file
// (io_error, binary_input, limit_exceeded, invalid_vocabulary). The CLI reports any of them as
// a usage error (exit 2).
Result<ParseContext> load_parse_context(const std::string& vocabulary_directory, const std::string& registry_file);

}  // namespace planparse
