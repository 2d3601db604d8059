// Diff, the schema check of the JSON report: schema/diff.schema.json, compiled in at build
// time, and the validation render_diff runs before JSON leaves planparse. External interface:
// diff_schema_text, validate_diff (diff/diff.h). Tested by test_diff.cpp.
#include <string_view>
#include <vector>

#include "diff/diff.h"
#include "diff_schema.h"
#include "schema/emit.h"

namespace planparse {

std::string_view diff_schema_text() { return generated::diff_schema; }

std::vector<SchemaViolation> validate_diff(const nlohmann::json& document) {
  return validate_against(diff_schema_text(), document);
}

}  // namespace planparse
