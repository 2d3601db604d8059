// planparse as a library: the whole public API, installed as <planparse/planparse.h>.
//
//   planparse::Result<planparse::Plan> plan = planparse::parse_file("plan.htm");
//   if (!plan.ok()) { std::cerr << plan.error().message << "\n"; return 1; }
//   std::cout << planparse::to_json_text(plan.value());   // or render_json, to be told why not
//
// A Result must be looked at before use: ok() then value(), or error() (a Failure with its
// code, message and where). The Plan (schema/plan.h) is what `planparse parse` prints;
// schema/README.md describes every field. Tested by test_api.cpp and, installed, by
// tests/package/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Installed, beside this file in include/planparse/ (found there first), and in the source
// tree on its root: no include path but the installed include directory is needed.
#include "ingest/diagnostic.h"
#include "planparse/version.h"
#include "schema/plan.h"

namespace planparse {

struct Options {
  std::string encoding;                   // the input's charset ("windows-1251"); empty = detect
  size_t max_bytes = size_t{256} << 20;   // larger input fails with limit_exceeded
  std::string vocabulary_directory;       // <language>.tsv files to use instead of the built-in words
  std::string registry_file;              // a registry of bodies to link agencies to instead of the built-in one
};

// Reads and parses one document (plain text or HTML in any supported charset, or a Word
// .docx, told by content). Failures: the codes of ingest/diagnostic.h (io_error, empty_input,
// unsupported_format (a PDF, .doc, .xlsx, .odt, an encrypted or damaged .docx), binary_input, invalid_utf8,
// invalid_encoding, unknown_encoding, not_a_plan, limit_exceeded, invalid_vocabulary (a malformed vocabulary or registry file too), and
// out_of_memory when memory runs out: never an exception).
Result<Plan> parse_file(const std::string& path, const Options& options = {});

// The same from bytes in memory; `name` is the file name the output records.
Result<Plan> parse_bytes(const std::string& name, std::string bytes, const Options& options = {});

// The plan as `planparse parse` prints it (compact: on one line, as `--compact`), checked against
// the plan schema on the way as the CLI checks it. Failures: internal_error for a plan that
// breaks the schema (a hand-built Plan with, say, a negative number or an unknown column role),
// `where` the JSON pointer of the first violation ("/activities/3/number").
Result<std::string> render_json(const Plan& plan, bool compact = false);

// render_json's bytes; an empty string for a plan that breaks the schema (render_json says why).
std::string to_json_text(const Plan& plan, bool compact = false);

// Checks a JSON text against the plan schema: one "pointer: message" per violation, none when
// it is valid (a text that is not JSON gives one violation at the root).
std::vector<std::string> validate_json_text(std::string_view json);

// "0.1.0".
std::string_view version();

}  // namespace planparse
