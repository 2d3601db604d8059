// The error currency of every stage: Failure (the input cannot be read as a plan; the CLI
// exits non-zero and writes nothing) and Diagnostic (a problem inside a plan; it travels in
// the output). Each code has one line of meaning in diagnostic.cpp. Tested by test_diagnostic.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "names.h"  // relative: installed, under <planparse/ingest/>

namespace planparse {

enum class Code {
  // Failures: the whole input is rejected.
  io_error,              // the file or stdin cannot be read
  empty_input,           // no bytes, or nothing but white space
  binary_input,          // NUL bytes or control characters: not a text document
  unsupported_format,    // a document in a format planparse does not read (PDF, .doc, .xlsx, .odt, an encrypted or damaged .docx)
  invalid_utf8,          // a byte sequence that is not UTF-8
  invalid_encoding,      // a byte sequence that is not valid in the input's charset (other than UTF-8)
  unknown_encoding,      // the caller named a charset planparse does not read (a usage error)
  not_a_plan,            // no plan table (no header row naming the columns) was found
  invalid_vocabulary,    // a vocabulary file given with --vocab has a malformed row (a usage error)
  limit_exceeded,        // the input passes a documented limit (--max-bytes, cells per table)
  internal_error,        // planparse produced output that breaks its own schema
  out_of_memory,         // the input needs more memory than the process may use
  // Diagnostics: the plan is produced, the problem is reported with its line.
  numbering_gap,         // an activity number skips ahead of the previous one + 1
  numbering_repeat,      // an activity number repeats or goes backwards
  missing_cell,          // a row has no paragraph for a column
  unparsed_deadline,     // a deadline text that matches no known form; from/to stay null
  unparsed_agency,       // an agency cell entry that is neither an abbreviation, a name nor a group
  unknown_abbreviation,  // an abbreviation that the document's glossary does not define
  abbreviation_folded,   // an abbreviation matched the glossary only after folding look-alikes
  glossary_mismatch,     // the glossary's abbreviation and name columns differ in length
  unclaimed_paragraph,   // a paragraph that no field took (kept here so nothing is dropped)
  extra_paragraph,       // a row has more paragraphs in a cell than its layout explains
  unknown_column,        // a header cell no column role takes: its column is kept in `extra`
  cell_mismatch,         // a cell's content contradicts its column's role (error)
  column_mismatch,       // most cells of a column contradict its role (error)
  unreadable_number,     // an activity number too large to hold: the row keeps the next number (error)
  unnumbered_row,        // a row with a dash, a bullet or no number cell: numbered by its position (warning)
  group_number,          // a row numbered "1.1" in a group no section heading opens: read as item 1 (warning)
  foreign_script,        // letters of a script the plan's languages do not use (Greek in "ΜΙΑ")
  format_character,      // invisible format characters (bidi controls, U+202E) removed from an agency or abbreviation
  garbled_text,          // the input's text had been garbled (mojibake) and was read as written (warning)
  run_on_row,            // rows copied one a line, spaces between cells: cut at the deadline (warning), or not (error)
  repeated_header,       // the header, its column numbers or a page number inside the table (a page break): skipped (info)
};

enum class Severity { error, warning, info };
inline constexpr std::array<Named<Severity>, 3> kSeverityNames = {
    {{Severity::error, "error"}, {Severity::warning, "warning"}, {Severity::info, "info"}}};
static_assert(lists_in_order(kSeverityNames));

// The kebab-case name used in JSON and on stderr, e.g. "invalid-utf8".
std::string_view code_name(Code code);
// One line saying what the code means (for --help and the README).
std::string_view code_meaning(Code code);
std::string_view severity_name(Severity severity);
// The inverses, for output read back (feeds, diff): nullopt for a name no code has.
std::optional<Code> code_from_name(std::string_view name);
std::optional<Severity> severity_from_name(std::string_view name);

// A problem inside a document. `line` is 1-based in the decoded input; 0 when it has none.
struct Diagnostic {
  Severity severity = Severity::warning;
  Code code = Code::unclaimed_paragraph;
  std::string message;
  int line = 0;
};

// Why an input was rejected. `where` says where in the input ("byte 1234", "line 5"),
// empty when the whole input is at fault.
struct Failure {
  Code code = Code::internal_error;
  std::string message;
  std::string where;
};

// A stage's output or the failure that stopped it; the caller must look before using it.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Failure failure) : state_(std::move(failure)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Failure& error() const { return std::get<Failure>(state_); }

 private:
  std::variant<T, Failure> state_;
};

}  // namespace planparse
