// libFuzzer target: bytes -> plan (charset and format detected), then JSON and the schema.
// Any crash, sanitizer report, or an output that breaks the schema is a finding.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  planparse::Result<planparse::Source> source =
      planparse::decode_source("fuzz", std::string(reinterpret_cast<const char*>(data), size));
  if (!source.ok()) return 0;
  planparse::Result<planparse::Plan> plan = planparse::parse_source(source.value());
  if (!plan.ok()) return 0;
  if (!planparse::validate_plan(nlohmann::json(planparse::to_json(plan.value()))).empty()) std::abort();
  return 0;
}
