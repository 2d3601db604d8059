// Generated plans for property tests (tests/test_generated.cpp): draw a random plan of the
// genre as the planparse::Plan the parser should output for it (the truth), render it as a
// document in one of the layouts people publish, encode it, and compare what planparse reads
// back with the truth. The truth is filled per schema/README.md, field by field; the lines
// and `source` depend on the rendering and are left 0 / empty.
//
// The words come from small built-in lists (English and Russian), not from the samples, so
// that a passing run says the parser reads the genre rather than the samples' sentences.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "schema/plan.h"

namespace planparse::gen {

using Plan = planparse::Plan;

struct Options {
  std::string language;      // "en", "ru", or empty for either at random
  int max_activities = 300;  // drawn 1..max, small plans far more often than large ones
  int max_sections = 12;     // drawn 0..max; 0 leaves every activity's section null
  // Constructs only a table grid (HTML) states unambiguously: a flattened copy cannot tell
  // which outcome lacks its deadline, which cell an empty costs column had, or whether
  // "2. Title" is a heading or a name. The test turns them on for HTML renderings.
  bool missing_deadlines = false;  // the last part of a multi-part row without a deadline
  bool extra_columns = false;      // "Expected costs" / "Funding source" columns kept in `extra`
  bool bare_sections = false;      // sections "1. Title" and "A. Title" as full-width rows
};

// A random plan with every field as planparse should emit it (lines 0, source empty).
Plan draw_plan(std::mt19937_64& rng, const Options& options = {});

enum class Format { text, portal_html, word_html };
enum class Encoding { utf8, legacy, utf16le };  // legacy: windows-1251 (ru) or windows-1252 (en)

struct Rendering {
  Format format = Format::text;
  Encoding encoding = Encoding::utf8;
  std::uint64_t style = 0;  // picks among equivalent layouts (glossary heading, dashes, spacing)
  // Layouts the parser reads wrongly today (see the report in tests/test_generated.cpp); off
  // by default, on to reproduce.
  bool conjunction_chains = false;  // "MIA and MJ and MF", "MIA and MJ and other bodies" in one agency cell
};

// "text/windows-1251 style 12345" for messages and file names.
std::string describe(const Rendering& rendering);
const char* extension(Format format);  // "txt", "html", "htm"

// The plan as plain text copied from a portal: one paragraph per cell paragraph, a blank line
// between paragraphs, NBSP-only paragraphs sprinkled as the portal leaves them.
std::string render_text(const Plan& plan, const Rendering& rendering = {});
// The plan as a portal page: <h1> title, <p> intro, <table> with <thead>, section rows as one
// <td colspan=N>, cells with <p>s; the glossary as paragraphs or a two-column table.
// <meta charset> names the rendering's charset.
std::string render_portal_html(const Plan& plan, const Rendering& rendering = {});
// The plan as Word's "Save as Web Page": MsoNormal paragraphs, <o:p>, runs split in spans, a
// multi-part row as several <tr> with rowspan on the number and agencies cells; the charset
// declared in <meta http-equiv=Content-Type>.
std::string render_word_html(const Plan& plan, const Rendering& rendering = {});

// The charset a rendering's encoding means for a plan's language ("UTF-8", "windows-1251", ...).
std::string charset_name(const Plan& plan, Encoding encoding);
// UTF-8 text in `charset` (an ICU converter name), with a BOM for UTF-16; nullopt when a
// character has no byte form there.
std::optional<std::string> encode(std::string_view utf8, std::string_view charset);

// Render and encode in one step; nullopt when the text is not representable in the charset.
std::optional<std::string> render(const Plan& plan, const Rendering& rendering);

}  // namespace planparse::gen
