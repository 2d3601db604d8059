// Names and meanings of every Code, in one table.
#include "ingest/diagnostic.h"

#include <optional>

#include <array>

namespace planparse {
namespace {

struct CodeInfo {
  Code code;
  std::string_view name;
  std::string_view meaning;
};

constexpr std::array kCodes = {
    CodeInfo{Code::io_error, "io-error", "the file or stdin cannot be read"},
    CodeInfo{Code::empty_input, "empty-input", "the input holds no text"},
    CodeInfo{Code::binary_input, "binary-input", "the input holds NUL bytes or control characters"},
    CodeInfo{Code::unsupported_format, "unsupported-format",
             "the input is a document planparse does not read (PDF, .doc, .xlsx, .odt, encrypted)"},
    CodeInfo{Code::invalid_utf8, "invalid-utf8", "a byte sequence is not valid UTF-8"},
    CodeInfo{Code::invalid_encoding, "invalid-encoding", "a byte sequence is not valid in the input's charset"},
    CodeInfo{Code::unknown_encoding, "unknown-encoding", "the encoding named is not one planparse reads"},
    CodeInfo{Code::not_a_plan, "not-a-plan", "no plan table (a header row naming the columns) was found"},
    CodeInfo{Code::invalid_vocabulary, "invalid-vocabulary", "a vocabulary file given with --vocab has a malformed row"},
    CodeInfo{Code::limit_exceeded, "limit-exceeded", "the input passes a documented limit (--max-bytes, cells per table)"},
    CodeInfo{Code::internal_error, "internal-error", "the output breaks planparse's own schema"},
    CodeInfo{Code::out_of_memory, "out-of-memory", "the input needs more memory than the process may use"},
    CodeInfo{Code::numbering_gap, "numbering-gap", "an activity number skips ahead"},
    CodeInfo{Code::numbering_repeat, "numbering-repeat", "an activity number repeats or goes backwards"},
    CodeInfo{Code::missing_cell, "missing-cell", "a row has no paragraph for a column"},
    CodeInfo{Code::unparsed_deadline, "unparsed-deadline", "a deadline matches no known form"},
    CodeInfo{Code::unparsed_agency, "unparsed-agency", "an agency entry could not be read"},
    CodeInfo{Code::unknown_abbreviation, "unknown-abbreviation", "the glossary does not define an abbreviation"},
    CodeInfo{Code::abbreviation_folded, "abbreviation-folded",
             "an abbreviation matched the glossary only after folding look-alike letters"},
    CodeInfo{Code::glossary_mismatch, "glossary-mismatch", "the glossary's columns differ in length"},
    CodeInfo{Code::unclaimed_paragraph, "unclaimed-paragraph", "a paragraph that no field took"},
    CodeInfo{Code::extra_paragraph, "extra-paragraph", "a cell has more paragraphs than its layout explains"},
    CodeInfo{Code::unknown_column, "unknown-column", "a header cell names no known column; its cells are kept in extra"},
    CodeInfo{Code::cell_mismatch, "cell-mismatch", "a cell's content contradicts its column"},
    CodeInfo{Code::column_mismatch, "column-mismatch", "most cells of a column contradict its header"},
    CodeInfo{Code::unreadable_number, "unreadable-number", "an activity number is too large to read"},
    CodeInfo{Code::unnumbered_row, "unnumbered-row", "a row has no number (a dash, a bullet, no number column)"},
    CodeInfo{Code::group_number, "group-number", "a row numbered within a group (\"1.1\") that no section heading opens"},
    CodeInfo{Code::foreign_script, "foreign-script", "text holds letters of a script the plan's languages do not use"},
    CodeInfo{Code::garbled_text, "garbled-text",
             "the text had been garbled by a charset mix-up before it was saved (\"РџР»Р°РЅ\"); it is read as written"},
    CodeInfo{Code::run_on_row, "run-on-row",
             "a table's rows are copied one a line with spaces between cells: cut at the deadline (warning at the "
             "header), or, where that cannot tell the cells, kept in one (error at the row)"},
    CodeInfo{Code::repeated_header, "repeated-header",
             "the table's header or its column numbers repeated inside the table, as a page break repeats them: "
             "skipped"},
    CodeInfo{Code::format_character, "format-character",
             "invisible format characters (bidi controls, U+202E) were removed from an agency or abbreviation"},
};

const CodeInfo& info(Code code) {
  for (const CodeInfo& entry : kCodes) {
    if (entry.code == code) return entry;
  }
  return kCodes[static_cast<size_t>(Code::internal_error)];
}

}  // namespace

std::string_view code_name(Code code) { return info(code).name; }
std::string_view code_meaning(Code code) { return info(code).meaning; }

std::optional<Code> code_from_name(std::string_view name) {
  for (const CodeInfo& entry : kCodes) {
    if (entry.name == name) return entry.code;
  }
  return std::nullopt;
}

std::optional<Severity> severity_from_name(std::string_view name) { return value_named(kSeverityNames, name); }
std::string_view severity_name(Severity severity) { return name_in(kSeverityNames, severity); }

}  // namespace planparse
