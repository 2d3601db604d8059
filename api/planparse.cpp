// The library's public API (api/planparse.h): a thin layer over ingest, the pipeline and the
// schema, so that the headers a user includes stay few and free of third-party types.
#include "api/planparse.h"

#include <new>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "ingest/source.h"
#include "parsers/context.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "schema/json_input.h"

namespace planparse {
namespace {

Result<Plan> parse_with(Result<Source> source, const Options& options) {
  if (!source.ok()) return source.error();
  // The CLI's one way to load the settings (parsers/context.h).
  Result<ParseContext> context = load_parse_context(options.vocabulary_directory, options.registry_file);
  if (!context.ok()) return context.error();
  return parse_source(source.value(), context.value());
}

// Reading and decoding hold the input two or three times over: memory may run out there too,
// and a library caller gets a value, never an exception (parse_source guards the stages).
template <class Read>
Result<Plan> guarded(Read read, const Options& options) {
  try {
    return parse_with(read(), options);
  } catch (const std::bad_alloc&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  } catch (const std::length_error&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  }
}

}  // namespace

Result<Plan> parse_file(const std::string& path, const Options& options) {
  return guarded([&] { return read_source(path, DecodeOptions{options.encoding, options.max_bytes}); }, options);
}

Result<Plan> parse_bytes(const std::string& name, std::string bytes, const Options& options) {
  return guarded(
      [&] { return decode_source(name, std::move(bytes), DecodeOptions{options.encoding, options.max_bytes}); },
      options);
}

// The CLI's emitter, with its check (schema/emit.h). Memory may run out while the bytes grow:
// a value here too, never an exception.
Result<std::string> render_json(const Plan& plan, bool compact) {
  try {
    return render_plan(plan, compact);
  } catch (const std::bad_alloc&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  } catch (const std::length_error&) {
    return Failure{Code::out_of_memory, "out of memory", ""};
  }
}

std::string to_json_text(const Plan& plan, bool compact) {
  Result<std::string> rendered = render_json(plan, compact);
  return rendered.ok() ? std::move(rendered.value()) : std::string();
}

std::vector<std::string> validate_json_text(std::string_view json) {
  const Result<nlohmann::ordered_json> document = parse_json_input(json);
  if (!document.ok()) return {": " + document.error().message + " at " + document.error().where};
  std::vector<std::string> out;
  for (const SchemaViolation& violation : validate_plan(nlohmann::json(document.value()))) {
    out.push_back(violation.pointer + ": " + violation.message);
  }
  return out;
}

std::string_view version() { return PLANPARSE_VERSION; }

}  // namespace planparse
