// What an input was read as, told by its content (source.h): the one closed set both the
// ingest stage and the plan (schema/plan.h SourceInfo) hold, so it lives in this layer, in a
// header of its own that is installed with plan.h. Tested by test_names.cpp.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "names.h"  // relative: installed, under <planparse/ingest/>

namespace planparse {

enum class SourceFormat {
  text,  // plain text, tables drawn or flattened
  html,  // an HTML page (a portal page, Word saved as HTML)
  docx,  // a Word document, read from its XML parts (container.h)
};
// The names of plan.schema.json's source.format.
inline constexpr std::array<Named<SourceFormat>, 3> kSourceFormatNames = {
    {{SourceFormat::text, "text"}, {SourceFormat::html, "html"}, {SourceFormat::docx, "docx"}}};
static_assert(lists_in_order(kSourceFormatNames));

constexpr std::string_view source_format_name(SourceFormat format) { return name_in(kSourceFormatNames, format); }
constexpr std::optional<SourceFormat> source_format_from_name(std::string_view name) {
  return value_named(kSourceFormatNames, name);
}

}  // namespace planparse
