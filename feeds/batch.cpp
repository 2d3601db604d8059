// Feeds, the batch. See batch.h.
//
// Workers take inputs by index and leave each result in its slot; the calling thread writes
// the slots strictly in index order, so the output never depends on which worker finished
// first. Workers stay within a window ahead of the writer, which bounds the memory held by
// finished-but-unwritten results whatever the number of inputs.
#include "feeds/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "feeds/csv.h"
#include "feeds/output.h"
#include "feeds/relational.h"
#include "feeds/sqlite.h"
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

// One input's result, filled by a worker and consumed by the writer.
using Slot = BatchItem;

std::string failure_line(const std::string& path, const Failure& failure) {
  return path + ": " + failure.message + (failure.where.empty() ? "" : " at " + failure.where);
}

// The output being written, and how to make it visible (or drop it) at the end.
struct Output {
  std::optional<AtomicFile> jsonl_file;  // -o for jsonl
  std::optional<CsvFiles> csv;
  std::optional<Database> database;
  std::unordered_set<std::string> stored;
  long long next_document = 1;  // csv ids
  long long next_activity = 1;
};

std::optional<Failure> open_output(const BatchOptions& options, Output& out) {
  if (options.target == Target::sqlite) {
    // A device, a FIFO or a directory is refused before SQLite can make it a database.
    Result<OutputFile> target = resolve_output_file(options.output);
    if (!target.ok()) return target.error();
    Result<Database> database = open_database(target.value().path);
    if (!database.ok()) return database.error();
    out.database = std::move(database.value());
    // Every stored sha256 up front, so that workers skip known documents without a query.
    return stored_hashes(*out.database, out.stored);
  }
  if (options.target == Target::csv) {
    Result<CsvFiles> csv = open_csv(options.output, options.csv_raw);
    if (!csv.ok()) return csv.error();
    out.csv = std::move(csv.value());
    return std::nullopt;
  }
  if (options.output.empty()) return std::nullopt;  // jsonl to the stream
  out.jsonl_file.emplace();
  return out.jsonl_file->open(options.output);
}

// Makes the finished output visible under its name; or drops it when `keep` is false.
std::optional<Failure> close_output(Output& out, bool keep) {
  if (out.database) return commit(*out.database);
  if (out.csv) {
    if (keep) return close_csv(*out.csv);
    discard_csv(*out.csv);
    return std::nullopt;
  }
  if (out.jsonl_file) {
    if (keep) return out.jsonl_file->commit();
    out.jsonl_file->discard();
  }
  return std::nullopt;
}

}  // namespace

BatchItem process_input(const std::string& path, const BatchOptions& options, const std::unordered_set<std::string>& stored) {
  BatchItem slot;
  Result<Source> source = read_source(path, options.decode);
  if (!source.ok()) {
    slot.error = failure_line(path, source.error());
    slot.code = source.error().code;
    return slot;
  }
  slot.bytes = source.value().bytes.size();
  slot.sha256 = source.value().sha256;
  if (stored.count(source.value().sha256)) {
    slot.unchanged = true;
    return slot;
  }
  Result<Plan> plan = parse_source(source.value(), options.context);
  if (!plan.ok()) {
    slot.error = failure_line(path, plan.error());
    slot.code = plan.error().code;
    return slot;
  }
  if (std::optional<Failure> doubtful = options.strict ? strict_failure(plan.value()) : std::nullopt) {
    slot.error = failure_line(path, *doubtful);
    slot.code = doubtful->code;
    return slot;
  }
  // The same check `parse` makes, by the same emitter: nothing leaves planparse that breaks its
  // schema. csv and sqlite keep the plan and drop the bytes.
  Result<std::string> rendered = render_plan(plan.value(), /*compact=*/true);
  if (!rendered.ok()) {
    slot.error = path + ": internal error: " + rendered.error().message;
    slot.code = Code::internal_error;
    return slot;
  }
  if (options.target == Target::jsonl) {
    slot.json = std::move(rendered.value());
    slot.json.pop_back();  // the line's end is the writer's
  } else {
    slot.plan = std::move(plan.value());
  }
  return slot;
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
  Output out;
  if (std::optional<Failure> failure = open_output(options, out)) {
    report.output_error = failure;
    return report;
  }
  const std::string ingested_at = timestamp_now();

  const size_t n = inputs.size();
  const unsigned jobs = std::max(1u, options.jobs);
  const size_t window = 4 * static_cast<size_t>(jobs) + 16;
  std::vector<Slot> slots(n);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0;     // the next input a worker takes
  size_t written = 0;  // inputs the writer has finished with
  bool stop = false;

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::min<size_t>(jobs, std::max<size_t>(n, 1)); ++w) {
    workers.emplace_back([&] {
      for (;;) {
        size_t index;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return stop || next >= n || next < written + window; });
          if (stop || next >= n) return;
          index = next++;
        }
        Slot slot = process_input(inputs[index], options, out.stored);
        slot.ready = true;
        {
          const std::lock_guard<std::mutex> lock(mutex);
          slots[index] = std::move(slot);
        }
        changed.notify_all();
      }
    });
  }

  BatchProgress progress;
  progress.total = n;
  for (size_t i = 0; i < n && !report.output_error; ++i) {
    Slot slot;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slots[i].ready; });
      slot = std::move(slots[i]);
      slots[i] = Slot{};
    }
    std::optional<Failure> failure;
    if (slot.error) {
      ++report.failed;
      if (hooks.on_failure) hooks.on_failure(*slot.error);
      const Row row = failure_row(inputs[i], slot.sha256, slot.code, *slot.error, timestamp_now());
      if (out.database) failure = store_failure(*out.database, row);
      if (out.csv) {
        Rows rows;
        rows[Table::failures].push_back(row);
        write_csv(*out.csv, rows);
      }
    } else if (slot.unchanged) {
      ++report.unchanged;
    } else if (options.target == Target::jsonl) {
      if (out.jsonl_file) {
        out.jsonl_file->write(slot.json);
        out.jsonl_file->write("\n");
      } else {
        *hooks.jsonl_out << slot.json << '\n';
        if (!*hooks.jsonl_out) failure = Failure{Code::io_error, "cannot write", ""};
      }
      ++report.parsed;
    } else if (out.csv) {
      // One row of `documents` per sha256, as in SQLite: the same bytes twice are unchanged.
      if (!out.csv->documents.insert(slot.plan->source.sha256).second) {
        ++report.unchanged;
      } else {
        write_csv(*out.csv, flatten(*slot.plan, Provenance{inputs[i], ingested_at}, out.next_document++, out.next_activity));
        out.next_activity += static_cast<long long>(slot.plan->activities.size());
        ++report.parsed;
      }
    } else {
      Result<bool> stored = store_document(*out.database, *slot.plan, Provenance{inputs[i], ingested_at});
      if (!stored.ok()) {
        failure = stored.error();
      } else {
        ++(stored.value() ? report.parsed : report.unchanged);  // the same bytes twice in one batch
      }
    }
    if (failure) report.output_error = failure;
    progress.done = i + 1;
    progress.failed = report.failed;
    progress.unchanged = report.unchanged;
    progress.bytes += slot.bytes;
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (hooks.on_progress) hooks.on_progress(progress);
    {
      const std::lock_guard<std::mutex> lock(mutex);
      written = i + 1;
      if (slot.error && options.fail_fast && i + 1 < n) {
        stop = true;
        report.stopped = true;
      }
    }
    changed.notify_all();
    if (report.stopped) break;
  }
  {
    const std::lock_guard<std::mutex> lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& worker : workers) worker.join();

  if (std::optional<Failure> failure = close_output(out, !report.output_error)) {
    if (!report.output_error) report.output_error = failure;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace planparse::feeds
