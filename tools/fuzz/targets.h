// One invariant check per fuzz target, each a stage's contract as its header states it: what
// must hold of any output, whatever the input. tools/fuzz/fuzz_<name>.cpp runs check_<name>
// under libFuzzer; tests/test_fuzz_regressions.cpp runs the saved reproducers through
// check_target. Checks must stay cheap: they run on every fuzzer input.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <zip.h>

#include "diff/diff.h"
#include "ingest/charset.h"
#include "ingest/source.h"
#include "parsers/agencies.h"
#include "parsers/align.h"
#include "parsers/blocks.h"
#include "parsers/deadline.h"
#include "parsers/docx.h"
#include "parsers/glossary.h"
#include "parsers/html.h"
#include "parsers/normalise.h"
#include "parsers/pipeline.h"
#include "parsers/text.h"
#include "parsers/vocabulary.h"
#include "schema/emit.h"
#include "tools/fuzz/checks.h"

namespace planparse::fuzz {

// --- ingest --------------------------------------------------------------------------------

// The charsets a decode input may name: a first byte below 0x20 that is not white space picks
// one (so the fuzzer reaches the given-charset rules), any other first byte leaves the choice
// to detection. "EBCDIC-US" is unknown to planparse on purpose.
inline constexpr std::array<std::string_view, 13> kGivenCharsets = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-16",     "UTF-32",  "UTF-32LE", "UTF-32BE",
    "cp1251", "cp1252",  "koi8-r",   "ISO-8859-5", "latin1", "EBCDIC-US"};

inline constexpr std::array<std::string_view, 9> kDecodedCharsets = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1251", "windows-1252", "KOI8-R", "ISO-8859-5"};

inline bool is_selector(unsigned char byte) { return byte < 0x20 && (byte < '\t' || byte > '\r'); }

// "byte N" with N inside the input, or empty.
inline bool is_where(std::string_view where, size_t size) {
  if (where.empty()) return true;
  if (!where.starts_with("byte ") || where.size() == 5 || where.size() > 25) return false;
  size_t offset = 0;
  for (char c : where.substr(5)) {
    if (c < '0' || c > '9') return false;
    offset = offset * 10 + static_cast<size_t>(c - '0');
  }
  return offset < size;
}

inline Violation check_decode(std::string_view bytes) {
  DecodeOptions options;
  if (!bytes.empty() && is_selector(static_cast<unsigned char>(bytes[0]))) {
    options.encoding = kGivenCharsets[static_cast<unsigned char>(bytes[0]) % kGivenCharsets.size()];
    bytes.remove_prefix(1);
  }
  // Text alone never says docx: that is told from the container, before any text is decoded.
  if (detect_format(bytes) == SourceFormat::docx) return "detect_format returned docx";
  if (std::optional<std::string> declared = find_declared_charset(bytes)) (void)canonical_charset(*declared);
  if (std::optional<std::string> name = canonical_charset(bytes.substr(0, 24))) {
    if (canonical_charset(*name) != name) return "canonical_charset is not idempotent on \"" + *name + "\"";
  }

  Result<Source> decoded = decode_source("fuzz", std::string(bytes), options);
  if (!decoded.ok()) {
    const Failure& failure = decoded.error();
    const bool expected = failure.code == Code::empty_input || failure.code == Code::binary_input ||
                          failure.code == Code::invalid_utf8 || failure.code == Code::invalid_encoding ||
                          failure.code == Code::limit_exceeded || failure.code == Code::unsupported_format ||
                          (failure.code == Code::unknown_encoding && !options.encoding.empty());
    if (!expected) return "decode_source failed with " + std::string(code_name(failure.code)) + ": " + failure.message;
    if (!is_where(failure.where, bytes.size())) return "failure position \"" + failure.where + "\" is outside the input";
    return {};
  }
  const Source& source = decoded.value();
  if (source.bytes != bytes) return "Source::bytes differ from the input";
  if (source.format == SourceFormat::docx) return source.text.empty() ? Violation{} : "a docx Source holds text";
  if (source.text.empty()) return "decoded text is empty but was accepted";
  if (!is_utf8(source.text)) return "decoded text is not well-formed UTF-8 (from " + source.encoding + ")";
  if (std::find(kDecodedCharsets.begin(), kDecodedCharsets.end(), source.encoding) == kDecodedCharsets.end())
    return "Source::encoding \"" + source.encoding + "\" is not a canonical charset";
  if (source.format != detect_format(source.text)) return "Source::format is not detect_format of the text";
  if (source.sha256 != sha256_hex(bytes) || source.sha256.size() != 64) return "Source::sha256 is wrong";
  // The choice, given back as the caller's charset, must decode the same: the CLI's
  // --encoding with what a first run reported reproduces it.
  Result<Source> again = decode_source("fuzz", std::string(bytes), DecodeOptions{source.encoding});
  if (!again.ok()) return "decoding again as " + source.encoding + " failed: " + again.error().message;
  // A given charset is taken at its word, so the text comes back as garbled as it was: undone
  // again, it must be the text of the first run.
  std::string expected_text = again.value().text;
  if (!source.misread.empty()) {
    std::optional<Ungarbled> ungarbled = undo_mojibake(expected_text);
    if (!ungarbled || ungarbled->misread != source.misread) return "undo_mojibake does not repeat on the same text";
    expected_text = std::move(ungarbled->text);
  } else if (!again.value().misread.empty()) {
    return "a given charset undid garbled text";
  }
  if (expected_text != source.text) return "decoding again as " + source.encoding + " gives another text";
  return {};
}

// --- the whole pipeline --------------------------------------------------------------------

inline Violation check_parse(std::string_view bytes) {
  Result<Source> source = decode_source("fuzz", std::string(bytes));
  if (!source.ok()) return {};
  Result<Plan> plan = parse_source(source.value());
  if (!plan.ok()) {
    // Refusing a document is fine when it is one of the documented refusals.
    if (plan.error().code == Code::not_a_plan || plan.error().code == Code::limit_exceeded ||
        plan.error().code == Code::unsupported_format)
      return {};
    return "parse_source failed with " + std::string(code_name(plan.error().code)) + ": " + plan.error().message;
  }
  const nlohmann::ordered_json document = to_json(plan.value());
  const std::vector<SchemaViolation> violations = validate_plan(nlohmann::json(document));
  if (!violations.empty()) return "output breaks the schema at " + violations[0].pointer + ": " + violations[0].message;
  // The emitter the CLI uses writes the same bytes and finds the plan as valid.
  const Rendered rendered = render_plan_checked(plan.value(), /*compact=*/true);
  if (!rendered.violations.empty()) {
    return "render_plan finds a fault validate_plan does not, at " + rendered.violations[0].pointer;
  }
  if (rendered.text != dump_json(document, -1) + "\n") return "render_plan's bytes differ from to_json's";
  return {};
}

// --- blocks from HTML ----------------------------------------------------------------------

// What every reader promises of the blocks it makes: trimmed, non-empty paragraphs at real
// lines, grid positions in range.
inline Violation check_paragraphs(const Blocks& blocks) {
  for (const Paragraph& p : blocks.paragraphs) {
    if (p.text.empty() || trim(p.text) != p.text) return "paragraph not trimmed or empty: \"" + p.text + "\"";
    if (p.line < 1) return "paragraph line " + std::to_string(p.line) + " < 1";
    const GridPosition& g = p.grid;
    if (g.table >= 0 && (g.row < 0 || g.column < 0 || g.colspan < 1 || g.colspan > 1000))
      return "grid position out of range: row " + std::to_string(g.row) + " column " + std::to_string(g.column) +
             " colspan " + std::to_string(g.colspan);
  }
  return {};
}

inline Violation check_html(std::string_view bytes) {
  const std::optional<std::string> text = as_text(bytes);
  if (!text) return {};
  const Result<Blocks> blocks = read_html(*text);
  if (!blocks.ok()) {
    const Code code = blocks.error().code;
    if (code == Code::not_a_plan || code == Code::limit_exceeded) return {};
    return "read_html failed with " + std::string(code_name(code)) + ": " + blocks.error().message;
  }
  return check_paragraphs(blocks.value());
}

// --- blocks from a Word document --------------------------------------------------------------

// A .docx for the reader: input that opens like a ZIP is taken as it is; any other input is the
// XML of a package's parts, cut at NUL bytes into the body of word/document.xml, then the
// content of word/numbering.xml and of word/styles.xml (each wrapped in its root element
// unless it brings its own prologue), stored in a ZIP made here, so that mutations reach the
// WordprocessingML walk rather than die in the archive's CRC.
inline std::string docx_package(std::string_view bytes) {
  if (bytes.starts_with("PK")) return std::string(bytes);
  constexpr std::string_view kNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::vector<std::string> parts;
  for (size_t start = 0; parts.size() < 3;) {
    const size_t end = std::min(bytes.find('\0', start), bytes.size());
    parts.emplace_back(bytes.substr(start, end - start));
    if (end == bytes.size()) break;
    start = end + 1;
  }
  const auto wrap = [&](const std::string& text, std::string_view root, std::string_view inner) {
    if (text.starts_with("<?xml")) return text;
    return "<w:" + std::string(root) + " " + std::string(kNamespace) + ">" +
           (inner.empty() ? text : "<w:" + std::string(inner) + ">" + text + "</w:" + std::string(inner) + ">") + "</w:" +
           std::string(root) + ">";
  };
  std::vector<std::pair<std::string, std::string>> entries = {{"word/document.xml", wrap(parts[0], "document", "body")}};
  if (parts.size() > 1) entries.emplace_back("word/numbering.xml", wrap(parts[1], "numbering", ""));
  if (parts.size() > 2) entries.emplace_back("word/styles.xml", wrap(parts[2], "styles", ""));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return {};
  zip_source_keep(buffer);
  std::string out;
  if (zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error)) {
    for (const auto& [name, content] : entries) {
      zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
      const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, 0) : -1;
      if (index < 0) {
        if (source) zip_source_free(source);
        continue;
      }
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) zip_discard(archive);
    if (zip_source_open(buffer) == 0) {
      zip_source_seek(buffer, 0, SEEK_END);
      const zip_int64_t size = zip_source_tell(buffer);
      zip_source_seek(buffer, 0, SEEK_SET);
      if (size > 0) {
        out.resize(static_cast<size_t>(size));
        if (zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) != size) out.clear();
      }
      zip_source_close(buffer);
    }
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

inline Violation check_docx(std::string_view bytes) {
  const std::string package = docx_package(bytes);
  if (package.empty()) return {};
  // Small limits, so that the fuzzer meets them: 4 MiB unpacked in all.
  const Result<Blocks> blocks = read_docx(package, size_t{4} << 20);
  if (!blocks.ok()) {
    const Code code = blocks.error().code;
    if (code == Code::not_a_plan || code == Code::limit_exceeded || code == Code::unsupported_format) return {};
    return "read_docx failed with " + std::string(code_name(code)) + ": " + blocks.error().message;
  }
  return check_paragraphs(blocks.value());
}

// --- fields --------------------------------------------------------------------------------

// A cell as the pipeline hands it to the field readers: decoded, then normalised.
inline std::optional<std::string> as_cell(std::string_view bytes) {
  const std::optional<std::string> text = as_text(bytes);
  if (!text) return std::nullopt;
  return normalise_fragment(*text);
}

inline Violation check_deadline(std::string_view bytes) {
  const std::optional<std::string> cell = as_cell(bytes);
  if (!cell) return {};
  const Vocabulary& vocabulary = builtin_vocabulary();
  const std::optional<Deadline> deadline = parse_deadline(*cell, vocabulary);
  if (!deadline) return {};
  const Deadline& d = *deadline;
  if (d.text.empty() || d.text != trim(*cell)) return "Deadline::text is not the trimmed cell: \"" + d.text + "\"";
  if (!d.to && !d.recurrence) return "a deadline with neither an end nor a recurrence";
  // A recurrence may run on from a start with no end ("ежегодно, начиная с 2026 года",
  // docs/deadlines.md); a single period never does.
  if (d.from && !d.to && !d.recurrence) return "a start without an end or a recurrence: from " + *d.from;
  if (d.from && !is_iso_date(*d.from)) return "from is not a valid ISO date: " + *d.from;
  if (d.to && !is_iso_date(*d.to)) return "to is not a valid ISO date: " + *d.to;
  if (d.from && d.to && *d.from > *d.to) return "from " + *d.from + " is after to " + *d.to;
  if (d.recurrence && recurrence_name(*d.recurrence).empty()) return "a recurrence with no name";
  // Deadline::text is the published cell: reading it again gives the same deadline.
  const std::optional<Deadline> again = parse_deadline(d.text, vocabulary);
  if (!again || again->from != d.from || again->to != d.to || again->recurrence != d.recurrence)
    return "reading Deadline::text again gives another deadline";
  return {};
}

inline Violation check_agencies(std::string_view bytes) {
  const std::optional<std::string> cell = as_cell(bytes);
  if (!cell) return {};
  const Vocabulary& vocabulary = builtin_vocabulary();
  const AgencyList list = split_agencies(*cell, vocabulary);
  (void)looks_like_agency_list(*cell, vocabulary);
  if (!trim(*cell).empty() && list.agencies.empty() && list.unparsed.empty())
    return "a non-empty cell gives neither agencies nor unparsed entries";
  for (const Agency& a : list.agencies) {
    if (a.text.empty() || trim(a.text) != a.text) return "agency text not trimmed or empty: \"" + a.text + "\"";
    if (agency_kind_name(a.kind).empty()) return "an agency kind with no name";
    if (!a.abbr && !a.name) return "agency \"" + a.text + "\" has neither abbr nor name";
    // Both only for a body's name written out with its own abbreviation in brackets after it
    // ("Ministry of Energy (ME)", own_abbreviation_at), whose abbreviation may be a run of a
    // body's and its owner's ("(КГД МФ РК)").
    const bool own_abbreviation = a.abbr && a.name;
    if (own_abbreviation && (a.kind != AgencyKind::agency || a.text.find("(" + *a.abbr + ")") == std::string::npos))
      return "agency \"" + a.text + "\" has abbr and name without its abbreviation in brackets";
    // One abbreviation, or two where one is the country's short form ("ҚР ДСМ", "МЗ РК").
    if (a.abbr) {
      const std::vector<std::string_view> words = split(*a.abbr, ' ');
      if (a.kind == AgencyKind::group || words.size() > (own_abbreviation ? 3u : 2u) ||
          !std::all_of(words.begin(), words.end(), [](std::string_view word) { return is_abbreviation(word); })) {
        return "abbr \"" + *a.abbr + "\" is no abbreviation";
      }
    }
  }
  for (const std::string& entry : list.unparsed) {
    if (entry.empty()) return "an empty unparsed entry";
  }
  return {};
}

// --- glossary ------------------------------------------------------------------------------

// The paragraphs the blocks stage would make of a copy with a paragraph per line: every
// non-empty line, and every tab-separated cell of one, keeps its line number.
inline std::vector<Paragraph> line_paragraphs(std::string_view text) {
  std::vector<Paragraph> paragraphs;
  for (const Line& line : normalise(text).lines) {
    for (std::string_view cell : split(line.text, '\t')) {
      if (!trim(cell).empty()) paragraphs.push_back(Paragraph{std::string(trim(cell)), line.number});
    }
  }
  return paragraphs;
}

inline Violation check_glossary(std::string_view bytes) {
  const std::optional<std::string> text = as_text(bytes);
  if (!text) return {};
  const std::vector<Paragraph> paragraphs = line_paragraphs(*text);
  const GlossaryResult glossary = read_glossary(paragraphs);
  for (const Paragraph& p : paragraphs) (void)is_glossary_heading(p.text, builtin_vocabulary());
  // A paragraph holds one entry, or several after one another ended by ";" or "," (a glossary
  // written as one paragraph): never more entries than paragraphs and separators.
  size_t separators = 0;
  for (const Paragraph& p : paragraphs) separators += static_cast<size_t>(std::count_if(p.text.begin(), p.text.end(), [](char c) { return c == ';' || c == ','; }));
  if (glossary.entries.size() > paragraphs.size() + separators) return "more glossary entries than paragraphs and separators";
  for (const Abbreviation& a : glossary.entries) {
    if (a.abbr.empty() || a.name.empty()) return "glossary entry with an empty side: \"" + a.abbr + "\" = \"" + a.name + "\"";
    if (a.line < 1) return "glossary entry line < 1";
  }
  for (const Diagnostic& d : glossary.diagnostics) {
    if (d.line < 1) return "glossary diagnostic line < 1: " + d.message;
  }
  // What the glossary did not take is the footer, in order: a suffix of its input.
  if (glossary.rest.size() > paragraphs.size()) return "GlossaryResult::rest is longer than the input";
  const size_t first = paragraphs.size() - glossary.rest.size();
  for (size_t i = 0; i < glossary.rest.size(); ++i) {
    if (glossary.rest[i].text != paragraphs[first + i].text || glossary.rest[i].line != paragraphs[first + i].line)
      return "GlossaryResult::rest is not the input's tail";
  }
  return {};
}

// --- every field reader on one cell (the first fields target) ------------------------------

inline Violation check_fields(std::string_view bytes) {
  const std::optional<std::string> text = as_text(bytes);
  if (!text) return {};
  const std::string cell = normalise_fragment(*text);
  const Vocabulary& vocabulary = builtin_vocabulary();
  (void)parse_deadline(cell, vocabulary);
  (void)split_agencies(cell, vocabulary);
  (void)classify_paragraph(cell, vocabulary);
  (void)read_glossary(split_paragraphs(normalise(*text)).paragraphs);
  return {};
}

// --- diff ----------------------------------------------------------------------------------

// Two plans in one input, cut at the first "\n=====\n" (at the middle when there is none),
// each a document or parse's JSON: the diff must validate against its schema and render as
// text and HTML, in both modes (versions and translations), and a plan diffed with itself must
// show no difference in either.
inline constexpr std::string_view kDiffSeparator = "\n=====\n";

inline Violation check_diff(std::string_view bytes) {
  const size_t cut = bytes.find(kDiffSeparator);
  const std::string_view old_bytes = cut == std::string_view::npos ? bytes.substr(0, bytes.size() / 2) : bytes.substr(0, cut);
  const std::string_view new_bytes =
      cut == std::string_view::npos ? bytes.substr(bytes.size() / 2) : bytes.substr(cut + kDiffSeparator.size());
  Result<LoadedPlan> old_plan = load_plan_bytes("old", std::string(old_bytes));
  Result<LoadedPlan> new_plan = load_plan_bytes("new", std::string(new_bytes));
  if (!old_plan.ok() || !new_plan.ok()) return {};
  for (const DiffMode mode : {DiffMode::versions, DiffMode::translations}) {
    const PlanDiff diff = diff_plans(old_plan.value(), new_plan.value(), mode);
    const std::vector<SchemaViolation> violations = validate_diff(nlohmann::json(diff_to_json(diff)));
    if (!violations.empty()) return "diff breaks its schema at " + violations[0].pointer + ": " + violations[0].message;
    // Without colour the text report prints no control or bidi character a plan brought.
    const std::string text = diff_to_text(diff);
    if (text.find('\x1b') != std::string::npos || text.find("\xe2\x80\xae") != std::string::npos) {
      return "the text report prints a control or bidi character from a plan";
    }
    (void)diff_to_html(diff);
    if (has_differences(diff_plans(old_plan.value(), old_plan.value(), mode))) {
      return "a plan differs from itself as " + std::string(diff_mode_name(mode));
    }
  }
  return {};
}

// --- by name -------------------------------------------------------------------------------

struct Target {
  std::string_view name;  // fuzz_<name>, tools/fuzz/fuzz_<name>.dict, tests/fuzz-regressions/<name>-*
  Check check;
};

inline constexpr std::array<Target, 9> kTargets = {
    Target{"parse", check_parse},       Target{"html", check_html},         Target{"fields", check_fields},
    Target{"decode", check_decode},     Target{"deadline", check_deadline}, Target{"agencies", check_agencies},
    Target{"glossary", check_glossary}, Target{"diff", check_diff},         Target{"docx", check_docx}};

inline std::optional<Check> find_check(std::string_view name) {
  for (const Target& target : kTargets) {
    if (target.name == name) return target.check;
  }
  return std::nullopt;
}

}  // namespace planparse::fuzz
