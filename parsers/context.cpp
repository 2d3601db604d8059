// The parse context. See context.h.
#include "parsers/context.h"

#include <utility>

namespace planparse {

Result<ParseContext> load_parse_context(const std::string& vocabulary_directory, const std::string& registry_file) {
  ParseContext context;
  if (!vocabulary_directory.empty()) {
    Result<Vocabulary> vocabulary = load_vocabulary_directory(vocabulary_directory);
    if (!vocabulary.ok()) return vocabulary.error();
    context.custom_vocabulary = std::make_shared<const Vocabulary>(std::move(vocabulary).value());
  }
  if (!registry_file.empty()) {
    Result<Registry> registry = load_registry_file(registry_file);
    if (!registry.ok()) return registry.error();
    context.custom_registry = std::make_shared<const Registry>(std::move(registry).value());
  }
  return context;
}

}  // namespace planparse
