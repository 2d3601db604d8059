// Feeds, the batch: many inputs parsed in parallel (ordered_map.h) and written in their sorted
// order to a sink (sink.h): JSON Lines, CSV (relational.h, csv.h) or SQLite (sqlite.h). A failed
// input never stops the batch (unless fail_fast): it is reported and recorded, and the others
// are written. Output order does not depend on the threads, so -j1 and -j8 give the same
// bytes. Tested by test_batch.cpp.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <istream>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/source.h"
#include "parsers/context.h"
#include "schema/plan.h"

namespace planparse::feeds {

enum class Target { jsonl, csv, sqlite };

// The files a batch reads: files as given, directories walked recursively for .txt, .text,
// .htm, .html and .docx (`ignored` gets the other files), "-" for the paths read from `paths_in`,
// one a line or NUL-separated (`find -print0`); sorted, without repeats. Failures: io_error for a path that does not exist.
Result<std::vector<std::string>> collect_inputs(const std::vector<std::string>& arguments, std::istream& paths_in,
                                                std::vector<std::string>* ignored);

struct BatchOptions {
  Target target = Target::jsonl;
  std::string output;  // jsonl: a file, or empty for `jsonl_out`; csv: a directory (created when missing,
                       // only its table files replaced); sqlite: a file. Devices, FIFOs are refused (output.h)
  unsigned jobs = 1;
  bool fail_fast = false;
  bool strict = false;  // a plan with error-severity diagnostics fails (pipeline.h strict_failure)
  bool csv_raw = false;  // csv: keep formula-leading cells as they are (csv.h)
  DecodeOptions decode;
  ParseContext context;  // the vocabulary and registry every input is parsed with (--vocab, --registry),
                         // shared read-only by the workers
};

struct BatchProgress {
  size_t done = 0;       // inputs written or recorded, in order
  size_t total = 0;
  size_t failed = 0;
  size_t unchanged = 0;  // already in the database
  unsigned long long bytes = 0;  // of the inputs done
  double seconds = 0;
};

struct BatchReport {
  size_t parsed = 0;
  size_t unchanged = 0;
  size_t failed = 0;
  bool stopped = false;                 // fail_fast stopped it before the end
  std::optional<Failure> output_error;  // the output could not be written: nothing usable was left
  double seconds = 0;
};

struct BatchHooks {
  std::function<void(const std::string& line)> on_failure;       // "path: what at where", once per failed input
  std::function<void(const BatchProgress& progress)> on_progress;  // after each input, in order
  std::ostream* jsonl_out = nullptr;                              // where JSONL goes without an output file
                                                                  // (neither: output_error, nothing read)
};

// One input as the batch handles it, on a worker: read, skipped when its sha256 is in `stored`,
// parsed, checked (--strict, the schema) and, for jsonl, rendered as its line (without the
// line feed). run_batch writes these in order; the Python binding's Dask batch (python/)
// runs it on the cluster's workers so that its lines are the batch's, byte for byte.
struct BatchItem {
  std::optional<std::string> error;  // the one line reported for a failed input
  Code code = Code::io_error;        // and what failed
  std::string sha256;                // of the input's bytes, once read ("" when they could not be)
  bool unchanged = false;            // its sha256 is already in the database
  std::string json;                  // jsonl: the compact JSON
  std::optional<Plan> plan;          // csv, sqlite
  unsigned long long bytes = 0;
};
BatchItem process_input(const std::string& path, const BatchOptions& options, const std::unordered_set<std::string>& stored);

BatchReport run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, const BatchHooks& hooks);

}  // namespace planparse::feeds
