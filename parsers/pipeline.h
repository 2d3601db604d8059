// The driver: runs the stages in order on one decoded source and assembles the Plan.
//   1. normalise  (parsers/normalise.h)  NFC, spaces, line ends; lines keep their numbers
//   2. blocks     (parsers/blocks.h)     paragraphs with the line where each starts (HTML:
//                                        parsers/html.h, with grid positions and page metadata;
//                                        Word: parsers/docx.h, the same from a .docx)
//   3. table      (parsers/table.h)      title, intro, the header and its column roles
//                                        (header.h), sections (sections.h), rows, and every
//                                        cell checked against its column (cell_check.h)
//   4. fields     (parsers/deadline.h, parsers/agencies.h)  deadlines and agency lists
//   5. glossary   (parsers/glossary.h)   the abbreviations block after the table
//   6. resolve    (parsers/resolve.h)    abbreviations expanded with the glossary
//   7. link       (parsers/registry.h)   agencies linked to ids in the registry of bodies
//   8. metadata   (parsers/metadata.h)   act date and number, publication date
// Tested end to end by test_golden.cpp (every sample) and test_pipeline.cpp.
#pragma once

#include <optional>

#include "ingest/source.h"
#include "parsers/context.h"
#include "parsers/registry.h"
#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// Failures: not_a_plan when no table header is found; the failures of read_html (html.h) and
// read_docx (docx.h);
// out_of_memory when memory runs out (std::bad_alloc, std::length_error) on the way. Problems
// inside the plan become diagnostics in Plan::diagnostics, at most 100 unclaimed-paragraph,
// 100 extra-paragraph and 100 unknown-abbreviation warnings each, then one of the code counting
// the rest and their lines.
// `vocabulary` holds every word the stages know; builtin_vocabulary() unless the user gave
// their own (load_vocabulary_directory). `registry` likewise (load_registry_file).
Result<Plan> parse_source(const Source& source, const Vocabulary& vocabulary = builtin_vocabulary(),
                          const Registry& registry = builtin_registry());

// The same with the run's context (parsers/context.h): its vocabulary and registry.
Result<Plan> parse_source(const Source& source, const ParseContext& context);

// For pipelines that must not ingest doubtful data (`parse --strict`, `batch --strict`): a plan
// with error-severity diagnostics as a failure that counts them and names the first (its code,
// message and line); nullopt when the plan has none.
std::optional<Failure> strict_failure(const Plan& plan);

}  // namespace planparse
