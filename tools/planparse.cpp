// planparse: the command line. It parses arguments, calls the core and is the only place that
// prints to stderr or picks an exit code; it writes no output at all when an input fails.
//   planparse parse FILE|- [-o OUT] [--compact] [--strict] [--encoding NAME] [--vocab DIR]
//                   [--registry FILE] [--max-bytes SIZE]
//   planparse validate FILE.json     check a JSON document against the schema
//   planparse schema                 print the JSON Schema
//   planparse batch INPUT... [--to jsonl|csv|sqlite] [-o OUT] [-j N] [--vocab DIR] [--registry FILE]
//                                    many plans -> JSONL, CSV, SQLite
//   planparse diff OLD NEW [--format json|text|html] [-o OUT] [--color WHEN] [--mode MODE]
//                  [--vocab DIR] [--registry FILE]   what changed between two versions, or where
//                                    two translations disagree; exit 0 same, 1 different, 2 trouble
//                                    (like diff(1))
// --encoding names the input's charset and wins over a BOM and a <meta> declaration; without
// it the charset is detected (ingest/charset.h). --vocab and --registry mean the same to parse,
// batch and diff: they are loaded once, by load_parse_context (parsers/context.h), into the
// context every document of the run is parsed with (diff: the sides that are documents, and
// the agency ids of a 1.0 JSON side).
// Exit codes: 0 ok; 1 the input is not a plan, or the JSON is invalid, or (--strict) the plan has
// error-severity diagnostics; 2 usage (an unknown
// --encoding name and an unreadable or malformed --vocab directory or --registry included); 3 I/O;
// 4 internal error (planparse's output broke its own schema). A bad --vocab or --registry is exit 2
// for batch as for parse (and for diff, whose trouble is 2). Tested by test_cli.cpp,
// test_batch.cpp, test_diff_cli.cpp.
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "ingest/charset.h"
#include "ingest/source.h"
#include "diff/diff.h"
#include "feeds/batch.h"
#include "feeds/output.h"
#include "parsers/context.h"
#include "parsers/pipeline.h"
#include "planparse/version.h"
#include "schema/emit.h"
#include "schema/json_input.h"
#include "tools/cli_usage.h"

namespace {

enum Exit { kOk = 0, kInvalid = 1, kUsage = 2, kIo = 3, kInternal = 4 };

// One line on stderr, whatever bytes the file name or message hold: a newline in a name must
// not forge a second error line (feeds/output.h one_line).
int fail(const std::string& file, const std::string& what, const std::string& where, int code) {
  std::string line = file + ": " + what;
  if (!where.empty()) line += " at " + where;
  std::cerr << "planparse: " << planparse::feeds::one_line(line) << "\n";
  return code;
}

// A failure that names its file in its message (parsers/context.h): one line, `where` after it.
int fail(const planparse::Failure& failure, int code) {
  std::string line = failure.message;
  if (!failure.where.empty()) line += " at " + failure.where;
  std::cerr << "planparse: " << planparse::feeds::one_line(line) << "\n";
  return code;
}

// --vocab DIR and --registry FILE, as parse, batch and diff take them.
struct ContextRequest {
  std::string vocabulary_directory;  // empty: the built-in vocabularies
  std::string registry_file;         // empty: the built-in registry
};

void add_context_options(CLI::App* command, ContextRequest& request) {
  command
      ->add_option("--vocab", request.vocabulary_directory,
                   "Read the vocabularies (header words, month names, deadline phrases, markers) from the "
                   "<language>.tsv files in DIR instead of the built-in ones; start from a copy of parsers/vocab/")
      ->type_name("DIR");
  command
      ->add_option("--registry", request.registry_file,
                   "Link agencies to the ids of this registry of government bodies instead of the built-in "
                   "one; start from a copy of parsers/registry/agencies.tsv")
      ->type_name("FILE");
}

// Checks -o before any work: a device, FIFO, socket or directory is refused untouched.
std::optional<planparse::Failure> unusable_output(const std::string& output) {
  if (output.empty()) return std::nullopt;
  planparse::Result<planparse::feeds::OutputFile> target = planparse::feeds::resolve_output_file(output);
  if (!target.ok()) return target.error();
  return std::nullopt;
}

int run_parse(const std::string& input, const std::string& output, bool compact, bool strict, const std::string& encoding,
              const ContextRequest& settings, size_t max_bytes) {
  const planparse::Result<planparse::ParseContext> context =
      planparse::load_parse_context(settings.vocabulary_directory, settings.registry_file);
  if (!context.ok()) return fail(context.error(), kUsage);
  if (const std::optional<planparse::Failure> refused = unusable_output(output)) {
    return fail(output, "cannot write: " + refused->message, "", kIo);
  }
  planparse::Result<planparse::Source> source = planparse::read_source(input, planparse::DecodeOptions{encoding, max_bytes});
  const std::string shown = input == "-" ? "<stdin>" : input;
  if (!source.ok()) {
    const planparse::Failure& failure = source.error();
    if (failure.code == planparse::Code::unknown_encoding) return fail("--encoding", failure.message, "", kUsage);
    return fail(shown, failure.message, failure.where, failure.code == planparse::Code::io_error ? kIo : kInvalid);
  }
  planparse::Result<planparse::Plan> plan = planparse::parse_source(source.value(), context.value());
  if (!plan.ok()) {
    const bool memory = plan.error().code == planparse::Code::out_of_memory;
    return fail(shown, plan.error().message, plan.error().where, memory ? kInternal : kInvalid);
  }
  if (strict) {
    if (const std::optional<planparse::Failure> doubtful = planparse::strict_failure(plan.value())) {
      return fail(shown, doubtful->message, doubtful->where, kInvalid);
    }
  }

  // The input's bytes and text are no longer needed: the plan holds what it took from them.
  source.value() = planparse::Source{};

  // Checked against the schema, then written in pieces (schema/emit.h): nothing leaves
  // planparse that breaks it, nothing is written when it does, and the text is never held whole.
  if (output.empty()) {
    const std::optional<planparse::Failure> failure =
        planparse::stream_plan(plan.value(), compact, [](std::string_view piece) {
          std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
          return static_cast<bool>(std::cout);
        });
    if (failure && failure->code == planparse::Code::internal_error) {
      return fail(shown, "internal error: " + failure->message, "", kInternal);
    }
    return kOk;  // main() checks stdout
  }
  planparse::feeds::AtomicFile file;
  if (const std::optional<planparse::Failure> failure = file.open(output)) {
    return fail(output, "cannot write: " + failure->message, "", kIo);
  }
  const std::optional<planparse::Failure> failure = planparse::stream_plan(plan.value(), compact, [&](std::string_view piece) {
    file.write(piece);
    return true;
  });
  if (failure) {
    file.discard();
    return fail(shown, "internal error: " + failure->message, "", kInternal);
  }
  if (const std::optional<planparse::Failure> committed = file.commit()) {
    return fail(output, "cannot write: " + committed->message, "", kIo);
  }
  return kOk;
}

int run_validate(const std::string& path) {
  std::string text;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return fail(path, std::string("cannot open: ") + std::strerror(errno), "", kIo);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
  }
  const planparse::Result<nlohmann::ordered_json> document = planparse::parse_json_input(text);
  if (!document.ok()) return fail(path, document.error().message, document.error().where, kInvalid);
  const std::vector<planparse::SchemaViolation> violations = planparse::validate_plan(nlohmann::json(document.value()));
  for (const planparse::SchemaViolation& violation : violations) {
    std::cout << path << ": " << (violation.pointer.empty() ? "/" : violation.pointer) << ": " << violation.message << "\n";
  }
  if (!violations.empty()) return kInvalid;
  std::cout << path << ": valid\n";
  return kOk;
}

struct BatchRequest {
  std::vector<std::string> inputs;
  std::string to = "jsonl";
  std::string output;
  unsigned jobs = 0;  // 0: the hardware threads
  bool fail_fast = false;
  bool strict = false;
  bool csv_raw = false;
  bool progress = false;
  bool quiet = false;
  bool verbose = false;
  std::string encoding;
  size_t max_bytes = planparse::kDefaultMaxBytes;
  ContextRequest context;
};

// One live line on stderr, rewritten in place: files done, rates, failures, time left.
void show_progress(const planparse::feeds::BatchProgress& p, bool last) {
  static auto shown = std::chrono::steady_clock::time_point{};
  const auto now = std::chrono::steady_clock::now();
  if (!last && now - shown < std::chrono::milliseconds(100)) return;
  shown = now;
  const double seconds = std::max(p.seconds, 1e-3);
  const double rate = static_cast<double>(p.done) / seconds;
  const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r%zu/%zu files, %.1f docs/s, %.1f MB/s, %zu failed, ETA %.0f s\033[K", p.done, p.total,
                rate, static_cast<double>(p.bytes) / 1e6 / seconds, p.failed, eta);
  std::cerr << line << (last ? "\n" : "") << std::flush;
}

// `batch` exits 0 when every input parsed (or was already stored), 1 when some failed, 2 on a
// usage error, 3 when the output cannot be written.
int run_batch_command(const BatchRequest& request) {
  namespace feeds = planparse::feeds;
  planparse::feeds::BatchOptions options;
  options.target = request.to == "csv" ? feeds::Target::csv : request.to == "sqlite" ? feeds::Target::sqlite : feeds::Target::jsonl;
  if (options.target != feeds::Target::jsonl && request.output.empty()) {
    return fail("batch", "--to " + request.to + " needs -o (a directory for csv, a database file for sqlite)", "", kUsage);
  }
  if (options.target == feeds::Target::csv) {
    // One file per table: -o names their folder. "x.csv", or an existing file, is a mistake
    // that would otherwise become a folder named like a file.
    std::string lower = request.output;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    struct stat status {};
    const bool is_file = ::stat(request.output.c_str(), &status) == 0 && !S_ISDIR(status.st_mode);
    if (is_file || (lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0)) {
      return fail(request.output, "--to csv writes one file per table into a folder: give -o a folder, e.g. plans-csv/",
                  "", kUsage);
    }
  }
  if (!request.encoding.empty() && !planparse::canonical_charset(request.encoding)) {
    return fail("--encoding", "unknown encoding \"" + request.encoding + "\"", "", kUsage);
  }
  options.output = request.output;
  options.jobs = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  options.fail_fast = request.fail_fast;
  options.strict = request.strict;
  options.csv_raw = request.csv_raw;
  options.decode = planparse::DecodeOptions{request.encoding, request.max_bytes};
  // Loaded once for every input and worker; a bad one stops the batch before any input is read.
  planparse::Result<planparse::ParseContext> context =
      planparse::load_parse_context(request.context.vocabulary_directory, request.context.registry_file);
  if (!context.ok()) return fail(context.error(), kUsage);
  options.context = std::move(context).value();

  std::vector<std::string> ignored;
  planparse::Result<std::vector<std::string>> inputs = feeds::collect_inputs(request.inputs, std::cin, &ignored);
  if (!inputs.ok()) return fail("batch", inputs.error().message, "", kIo);
  if (request.verbose) {
    for (const std::string& path : ignored) {
      std::cerr << "planparse: " << feeds::one_line(path) << ": ignored (not .txt, .text, .htm, .html or .docx)\n";
    }
  }
  const bool live = !request.quiet && (request.progress || ::isatty(STDERR_FILENO));
  feeds::BatchHooks hooks;
  hooks.jsonl_out = &std::cout;
  hooks.on_failure = [&](const std::string& line) {
    if (live) std::cerr << "\r\033[K";
    std::cerr << "planparse: " << feeds::one_line(line) << "\n";
  };
  if (live) {
    hooks.on_progress = [&](const feeds::BatchProgress& p) { show_progress(p, p.done == p.total); };
  }
  const feeds::BatchReport report = feeds::run_batch(inputs.value(), options, hooks);
  if (report.output_error) {
    const std::string target = request.output.empty() ? "<stdout>" : request.output;
    return fail(target, report.output_error->message, report.output_error->where, kIo);
  }
  if (!request.quiet) {
    std::fprintf(stderr, "planparse batch: %zu parsed, %zu unchanged, %zu failed, %zu ignored in %.1f s%s\n", report.parsed,
                 report.unchanged, report.failed, ignored.size(), report.seconds,
                 report.stopped ? " (stopped at the first failure)" : "");
  }
  return report.failed > 0 ? kInvalid : kOk;
}

// `diff` keeps diff(1)'s exit statuses rather than the ones above, so that scripts can test
// "changed or not": 0 the plans are the same, 1 they differ, 2 trouble (an input that cannot be
// read or is no plan, a usage error, an output that cannot be written, an internal error).
enum DiffExit { kSame = 0, kDiffer = 1, kTrouble = 2 };

struct DiffRequest {
  std::string old_path;
  std::string new_path;
  std::string format;  // a name of diff_format_names(), or empty: text on a terminal, JSON otherwise
  std::string output;
  std::string color = "auto";  // "auto" (a terminal, unless NO_COLOR is set), "always", "never"
  std::string mode = "auto";   // "auto" (translations when the languages differ), "versions", "translations"
  ContextRequest context;
};

int run_diff(const DiffRequest& request) {
  if (request.old_path == "-" && request.new_path == "-") {
    return fail("<stdin>", "only one side of diff can be read from stdin", "", kTrouble);
  }
  const planparse::Result<planparse::ParseContext> context =
      planparse::load_parse_context(request.context.vocabulary_directory, request.context.registry_file);
  if (!context.ok()) return fail(context.error(), kTrouble);
  planparse::Result<planparse::LoadedPlan> sides[] = {planparse::load_plan(request.old_path, context.value()),
                                                      planparse::load_plan(request.new_path, context.value())};
  const std::string* paths[] = {&request.old_path, &request.new_path};
  for (int k = 0; k < 2; ++k) {
    if (sides[k].ok()) continue;
    const planparse::Failure& failure = sides[k].error();
    return fail(*paths[k] == "-" ? "<stdin>" : *paths[k], failure.message, failure.where, kTrouble);
  }
  if (const std::optional<planparse::Failure> refused = unusable_output(request.output)) {
    return fail(request.output, "cannot write: " + refused->message, "", kTrouble);
  }
  const std::optional<planparse::DiffMode> mode = planparse::diff_mode_from_name(request.mode);
  const planparse::PlanDiff diff = planparse::diff_plans(sides[0].value(), sides[1].value(), mode);

  const bool to_terminal = request.output.empty() && ::isatty(STDOUT_FILENO) == 1;
  const planparse::DiffFormat format =
      planparse::diff_format_named(request.format)
          .value_or(to_terminal ? planparse::DiffFormat::text : planparse::DiffFormat::json);
  const char* no_color = std::getenv("NO_COLOR");
  planparse::RenderOptions options;
  options.color = request.color == "always" ||
                  (request.color == "auto" && to_terminal && (no_color == nullptr || *no_color == '\0'));
  const planparse::Result<std::string> text = planparse::render_diff(diff, format, options);
  if (!text.ok()) return fail(request.new_path, text.error().message, text.error().where, kTrouble);

  if (request.output.empty()) {
    std::cout << text.value();  // main() checks stdout
  } else if (const std::optional<planparse::Failure> failure =
                 planparse::feeds::write_file_atomically(request.output, text.value())) {
    return fail(request.output, "cannot write: " + failure->message, "", kTrouble);
  }
  return planparse::has_differences(diff) ? kDiffer : kSame;
}

// What went to stdout has only arrived once it is flushed: a full disk shows here, and must
// not end as exit 0. `code` stands when it already reports an I/O error (its line is printed).
// The reason is the errno of the write that failed, which may have come before this flush;
// only the errors a write gives are trusted to be its own.
int checked_stdout(int code, int io_code) {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0) return code;
  if (code == io_code) return code;
  const int error = errno;
  const bool from_write = error == ENOSPC || error == EPIPE || error == EIO || error == EDQUOT || error == EFBIG ||
                          error == EBADF;
  return fail("<stdout>", std::string("cannot write: ") + (from_write ? std::strerror(error) : "write error"), "", io_code);
}

}  // namespace

int main(int argc, char** argv) {
  // Blocks of 1 MiB and more (a page's text, a big table's vectors) are mapped on their own and
  // go back to the system when freed. Left to glibc, the threshold rises past each such block
  // freed, later ones come from the heap, and the heap keeps what they leave: a row of a
  // million cells peaked at 193 MB resident for 152 MB in use (issue 14).
  ::mallopt(M_MMAP_THRESHOLD, 1 << 20);
  CLI::App app{"planparse: turns a published plan of measures into validated JSON", "planparse"};
  app.set_version_flag("--version", std::string("planparse ") + PLANPARSE_VERSION);
  app.require_subcommand(1);
  // CLI11's size transform reads "-1" as the largest size there is, which would make a typo mean
  // "no limit"; sizes are read by parse_size instead and handed on as plain numbers.
  const CLI::Validator size_value(
      [](std::string& text) -> std::string {
        const std::optional<size_t> size = planparse::cli::parse_size(text);
        if (!size) {
          return "\"" + text + "\" is not a size: give a whole number of bytes above zero, or one with k, M or G "
                 "(KiB, MiB, GiB)";
        }
        text = std::to_string(*size);
        return "";
      },
      "SIZE");
  app.footer(
      "Exit codes: 0 ok; 1 the input is not a plan or the JSON is invalid; 2 usage (an unknown\n"
      "--encoding or a bad --vocab or --registry included); 3 I/O error; 4 internal error.");

  std::string input;
  std::string output;
  bool compact = false;
  std::string encoding;
  CLI::App* parse = app.add_subcommand("parse", "Parse a plan (plain text or HTML) and print its JSON");
  parse->add_option("FILE", input, "The document to read; - reads stdin")->required();
  parse->add_option("-o,--output", output, "Write the JSON to this file (atomically) instead of stdout");
  parse->add_flag("--compact", compact, "Print the JSON on one line");
  bool strict = false;
  parse->add_flag("--strict", strict,
                  "Refuse (exit 1, nothing written) a plan with error-severity diagnostics: cells that contradict "
                  "their column, an unreadable activity number");
  parse->add_option("--encoding", encoding,
                    "The input's charset (UTF-8, UTF-16, windows-1251, windows-1252, KOI8-R, ISO-8859-5, ...); "
                    "it wins over a BOM and a <meta> declaration. Default: detect")
      ->type_name("NAME");
  size_t max_bytes = planparse::kDefaultMaxBytes;
  parse->add_option("--max-bytes", max_bytes,
                    "Refuse input larger than this (exit 1, limit-exceeded): a whole number of bytes above zero, "
                    "or with k, M, G (KiB, MiB, GiB). Default: 256M")
      ->transform(size_value)
      ->type_name("SIZE");
  ContextRequest parse_context;
  add_context_options(parse, parse_context);

  std::string json_path;
  CLI::App* validate = app.add_subcommand("validate", "Check a JSON document against the plan schema");
  validate->add_option("FILE", json_path, "The JSON document; - reads stdin")->required();

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the output");

  BatchRequest batch_request;
  CLI::App* batch = app.add_subcommand(
      "batch", "Parse many plans in parallel into JSON Lines, CSV files or a SQLite database (schema/plan.sql)");
  batch->add_option("INPUT", batch_request.inputs,
                    "Files, directories (walked for .txt, .text, .htm, .html, .docx) or - (paths on stdin, one a line or NUL-separated)")
      ->required();
  batch->add_option("--to", batch_request.to, "jsonl (default: one `parse --compact` line per plan), csv or sqlite")
      ->check(CLI::IsMember({"jsonl", "csv", "sqlite"}));
  batch->add_option("-o,--output", batch_request.output,
                    "jsonl: a file (default stdout); csv: a folder (created if missing; only its table files are "
                    "replaced); sqlite: a database, created if missing, documents already in it skipped");
  batch->add_option("-j,--jobs", batch_request.jobs, "Worker threads; 0 (the default): one per hardware thread")
      ->check(CLI::Range(0u, 1024u));
  batch->add_flag("--fail-fast", batch_request.fail_fast, "Stop at the first input that fails");
  batch->add_flag("--strict", batch_request.strict,
                  "Count a plan with error-severity diagnostics as failed: it is reported and not written");
  batch->add_flag("--csv-raw", batch_request.csv_raw,
                  "csv: keep cells that start with = + - @ as they are, instead of prefixing ' so that a "
                  "spreadsheet does not run them as formulas");
  batch->add_flag("--progress", batch_request.progress, "Show the live progress line even when stderr is not a terminal");
  batch->add_flag("-q,--quiet", batch_request.quiet, "Print errors only");
  batch->add_flag("-v,--verbose", batch_request.verbose, "Name the files skipped in directories");
  batch->add_option("--encoding", batch_request.encoding, "The inputs' charset (as for parse). Default: detect")
      ->type_name("NAME");
  batch->add_option("--max-bytes", batch_request.max_bytes, "Refuse inputs larger than this (as for parse). Default: 256M")
      ->transform(size_value)
      ->type_name("SIZE");
  add_context_options(batch, batch_request.context);
  batch->footer("Exit codes: 0 every input parsed (or was already stored); 1 some failed (each named on stderr and\n"
                "recorded in `failures`); 2 usage (a bad --vocab or --registry included); 3 the output cannot be\n"
                "written.");

  DiffRequest diff_request;
  CLI::App* diff = app.add_subcommand(
      "diff", "Show what changed between two versions of a plan: activities added, removed, changed, moved "
              "or renumbered, field by field. Each side is a document or the JSON `parse` wrote.");
  diff->add_option("OLD", diff_request.old_path, "The earlier version; - reads stdin")->required();
  diff->add_option("NEW", diff_request.new_path, "The later version; - reads stdin")->required();
  diff->add_option("--format", diff_request.format,
                   "json (validated against schema/diff.schema.json), text, or html (one self-contained page, "
                   "old and new side by side, to open in a browser or print). Default: text on a terminal, "
                   "json otherwise")
      ->check(CLI::IsMember(planparse::diff_format_names()));
  diff->add_option("-o,--output", diff_request.output, "Write the diff to this file (atomically) instead of stdout");
  diff->add_option("--color,--colour", diff_request.color, "Colour the text: auto (on a terminal, unless NO_COLOR is set), "
                                                  "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  diff->add_option("--mode", diff_request.mode,
                   "versions: compare everything; translations: plans in two languages, compared by numbers, "
                   "dates, agency ids and \"as agreed\" flags, not by wording. Default: auto (translations "
                   "when the plans' languages differ)")
      ->check(CLI::IsMember([] {
        std::vector<std::string> modes = {"auto"};
        for (const auto& entry : planparse::kDiffModeNames) modes.emplace_back(entry.name);
        return modes;
      }()));
  add_context_options(diff, diff_request.context);
  diff->footer("Exit codes: 0 the plans are the same; 1 they differ; 2 trouble (an input that cannot be read or is\n"
               "no plan, a usage error (a bad --vocab or --registry included), an output that cannot be written).");

  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Show the commands, or one command's options");
  help->add_option("COMMAND", help_topic, "The command to explain");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help and --version
    std::cerr << planparse::feeds::one_line(planparse::cli::usage_error(app, error.what(), argc, argv)) << "\n";
    return diff->parsed() ? static_cast<int>(kTrouble) : static_cast<int>(kUsage);
  }
  if (help->parsed()) {
    if (help_topic.empty()) {
      // app.help() would delegate to the parsed subcommand, which is `help` itself.
      std::cout << app.get_formatter()->make_help(&app, "planparse", CLI::AppFormatMode::Normal);
      return kOk;
    }
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (command->get_name() == help_topic) {
        std::cout << command->help("planparse");
        return kOk;
      }
    }
    const char* const words[] = {argv[0], help_topic.c_str()};
    std::cerr << planparse::feeds::one_line(planparse::cli::usage_error(app, "unknown command", 2, words)) << "\n";
    return kUsage;
  }
  // Whatever escapes the commands is reported on one line with exit 4 (diff: 2), never as an
  // abort: memory running out on a huge input above all.
  const int io_code = diff->parsed() ? static_cast<int>(kTrouble) : static_cast<int>(kIo);
  try {
    if (parse->parsed()) {
      return checked_stdout(run_parse(input, output, compact, strict, encoding, parse_context, max_bytes),
                            io_code);
    }
    if (validate->parsed()) return checked_stdout(run_validate(json_path), io_code);
    if (diff->parsed()) return checked_stdout(run_diff(diff_request), io_code);
    if (batch->parsed()) return checked_stdout(run_batch_command(batch_request), io_code);
    if (schema->parsed()) {
      std::cout << planparse::plan_schema_text();
      return checked_stdout(kOk, io_code);
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "planparse: out of memory (the input needs more memory than this process may use)\n";
    return diff->parsed() ? static_cast<int>(kTrouble) : static_cast<int>(kInternal);
  } catch (const std::exception& error) {
    std::cerr << "planparse: internal error: " << error.what() << "\n";
    return diff->parsed() ? static_cast<int>(kTrouble) : static_cast<int>(kInternal);
  }
  return kUsage;
}
