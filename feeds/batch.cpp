// Feeds, the batch. See batch.h.
//
// run_batch is three steps: open the sink (sink.h), run process_input over the inputs on the
// workers with the ordered map (ordered_map.h), which hands each result to the calling thread
// in input order for the sink to write, and close the sink, keeping its output only when
// nothing failed to be written.
#include "feeds/batch.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>
#include <unordered_set>

#include "feeds/ordered_map.h"
#include "feeds/relational.h"
#include "feeds/sink.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

namespace planparse::feeds {
namespace {

namespace fs = std::filesystem;

bool is_document_name(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return extension == ".txt" || extension == ".text" || extension == ".htm" || extension == ".html" ||
         extension == ".docx";
}

std::string failure_line(const std::string& path, const Failure& failure) {
  return path + ": " + failure.message + (failure.where.empty() ? "" : " at " + failure.where);
}

Result<Sink> open_sink(const BatchOptions& options, const BatchHooks& hooks) {
  switch (options.target) {
    case Target::jsonl: return open_jsonl_sink(options.output, hooks.jsonl_out);
    case Target::csv: return open_csv_sink(options.output, options.csv_raw);
    case Target::sqlite: return open_sqlite_sink(options.output);
  }
  return Failure{Code::internal_error, "unknown batch target", ""};
}

}  // namespace

BatchItem process_input(const std::string& path, const BatchOptions& options, const std::unordered_set<std::string>& stored) {
  BatchItem item;
  Result<Source> source = read_source(path, options.decode);
  if (!source.ok()) {
    item.error = failure_line(path, source.error());
    item.code = source.error().code;
    return item;
  }
  item.bytes = source.value().bytes.size();
  item.sha256 = source.value().sha256;
  if (stored.count(source.value().sha256)) {
    item.unchanged = true;
    return item;
  }
  Result<Plan> plan = parse_source(source.value(), options.context);
  if (!plan.ok()) {
    item.error = failure_line(path, plan.error());
    item.code = plan.error().code;
    return item;
  }
  if (std::optional<Failure> doubtful = options.strict ? strict_failure(plan.value()) : std::nullopt) {
    item.error = failure_line(path, *doubtful);
    item.code = doubtful->code;
    return item;
  }
  // The same check `parse` makes, by the same emitter: nothing leaves planparse that breaks its
  // schema. csv and sqlite keep the plan and drop the bytes.
  Result<std::string> rendered = render_plan(plan.value(), /*compact=*/true);
  if (!rendered.ok()) {
    item.error = path + ": internal error: " + rendered.error().message;
    item.code = Code::internal_error;
    return item;
  }
  if (options.target == Target::jsonl) {
    item.json = std::move(rendered.value());
    item.json.pop_back();  // the line's end is the writer's
  } else {
    item.plan = std::move(plan.value());
  }
  return item;
}

Result<std::vector<std::string>> collect_inputs(const std::vector<std::string>& arguments, std::istream& paths_in,
                                                std::vector<std::string>* ignored) {
  std::vector<std::string> given;
  for (const std::string& argument : arguments) {
    if (argument != "-") {
      given.push_back(argument);
      continue;
    }
    // One a line, or NUL-separated as `find -print0` gives them (a name may hold a newline):
    // any NUL in the list says which.
    std::stringstream list;
    list << paths_in.rdbuf();
    const std::string paths = list.str();
    const char separator = paths.find('\0') != std::string::npos ? '\0' : '\n';
    std::istringstream lines(paths);
    for (std::string line; std::getline(lines, line, separator);) {
      if (separator == '\n' && !line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) given.push_back(line);
    }
  }
  std::vector<std::string> inputs;
  for (const std::string& path : given) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      inputs.push_back(path);  // a file, or a path that will fail to read and be reported
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) return Failure{Code::io_error, "cannot read the directory " + path + ": " + error.message(), ""};
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
      if (error) return Failure{Code::io_error, "cannot read the directory " + path + ": " + error.message(), ""};
      if (!it->is_regular_file(error)) continue;
      if (is_document_name(it->path())) {
        inputs.push_back(it->path().string());
      } else if (ignored) {
        ignored->push_back(it->path().string());
      }
    }
  }
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  if (ignored) std::sort(ignored->begin(), ignored->end());
  return inputs;
}

BatchReport run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, const BatchHooks& hooks) {
  const auto started = std::chrono::steady_clock::now();
  BatchReport report;
  Result<Sink> opened = open_sink(options, hooks);
  if (!opened.ok()) {
    report.output_error = opened.error();
    return report;
  }
  Sink& sink = opened.value();
  const std::string ingested_at = timestamp_now();

  BatchProgress progress;
  progress.total = inputs.size();
  // Results wait for the writer in a window of this many: memory stays bounded whatever the
  // number of inputs, while a slow input does not idle the other workers.
  const unsigned jobs = std::max(1u, options.jobs);
  const size_t window = 4 * static_cast<size_t>(jobs) + 16;
  ordered_map(
      inputs.size(), jobs, window, [&](size_t i) { return process_input(inputs[i], options, sink.stored); },
      [&](size_t i, BatchItem item) {
        std::optional<Failure> failure;
        if (item.error) {
          ++report.failed;
          if (hooks.on_failure) hooks.on_failure(*item.error);
          failure = sink.write_failure(failure_row(inputs[i], item.sha256, item.code, *item.error, timestamp_now()));
        } else if (item.unchanged) {
          ++report.unchanged;
        } else if (Result<bool> written = sink.write(Provenance{inputs[i], ingested_at}, item); !written.ok()) {
          failure = written.error();
        } else {
          ++(written.value() ? report.parsed : report.unchanged);
        }
        if (failure) report.output_error = failure;
        progress.done = i + 1;
        progress.failed = report.failed;
        progress.unchanged = report.unchanged;
        progress.bytes += item.bytes;
        progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (hooks.on_progress) hooks.on_progress(progress);
        if (item.error && options.fail_fast && i + 1 < inputs.size()) report.stopped = true;
        return !report.output_error && !report.stopped;
      });

  if (std::optional<Failure> failure = sink.close(!report.output_error)) {
    if (!report.output_error) report.output_error = failure;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace planparse::feeds
