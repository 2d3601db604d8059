// Benchmark: `batch` over 2,000 documents of the genre (the samples, each copy varied so that
// every document is new), to JSON Lines and to SQLite, on one and on two threads. Prints
// documents/s and MB/s, the speed-up of -j2 over -j1 (target >= 1.7 on two cores), the cost of
// SQLite over JSON Lines (target <= 25 %), and the peak memory of a 2,000-document run against a
// 200-document one (target within 20 %: documents are streamed, not held).
// Build: cmake -DPLANPARSE_BUILD_BENCHMARKS=ON; run: build/bench_batch.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "feeds/batch.h"
#include "tools/bench_ratio.h"

namespace fs = std::filesystem;
using namespace planparse;

namespace {

struct Corpus {
  fs::path dir;
  std::vector<std::string> files;
  unsigned long long bytes = 0;
};

// `count` documents cycling through the samples; copy k of a sample gets its own title
// suffix, so its bytes (and sha256) differ while it stays a plan of the same shape.
Corpus make_corpus(size_t count) {
  Corpus corpus;
  corpus.dir = fs::temp_directory_path() / ("planparse-bench-batch-" + std::to_string(::getpid()) + "-" + std::to_string(count));
  fs::remove_all(corpus.dir);
  fs::create_directories(corpus.dir);
  std::vector<fs::path> samples;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "samples")) {
    const std::string name = entry.path().filename().string();
    // UTF-8 text samples: a suffix appended to their first line keeps them valid.
    if (name.ends_with(".txt") && name.find("utf16") == std::string::npos && name.find("cp1252") == std::string::npos &&
        name.find(".ru.txt") == std::string::npos) {
      samples.push_back(entry.path());
    }
  }
  std::sort(samples.begin(), samples.end());
  for (size_t i = 0; i < count; ++i) {
    std::ifstream in(samples[i % samples.size()], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string document = text.str();
    document.insert(document.find('\n'), " (copy " + std::to_string(i) + ")");
    const fs::path path = corpus.dir / ("plan-" + std::to_string(100000 + i) + ".txt");
    std::ofstream(path, std::ios::binary) << document;
    corpus.files.push_back(path.string());
    corpus.bytes += document.size();
  }
  return corpus;
}

const Corpus& corpus() {
  static const Corpus kCorpus = make_corpus(2000);
  return kCorpus;
}

void run(benchmark::State& state, feeds::Target target, unsigned jobs) {
  std::ostringstream sink;
  const fs::path database = corpus().dir.parent_path() / ("planparse-bench-" + std::to_string(::getpid()) + ".db");
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(database.string() + suffix);
    sink.str("");
    state.ResumeTiming();
    feeds::BatchOptions options;
    options.target = target;
    options.jobs = jobs;
    if (target == feeds::Target::sqlite) options.output = database.string();
    feeds::BatchHooks hooks;
    hooks.jsonl_out = &sink;
    const feeds::BatchReport report = feeds::run_batch(corpus().files, options, hooks);
    if (report.parsed != corpus().files.size()) state.SkipWithError("not every document parsed");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(database.string() + suffix);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(corpus().files.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(corpus().bytes) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}

void baseline_jsonl_j1(benchmark::State& state) { run(state, feeds::Target::jsonl, 1); }
void jsonl_j2(benchmark::State& state) { run(state, feeds::Target::jsonl, 2); }
void sqlite_j1(benchmark::State& state) { run(state, feeds::Target::sqlite, 1); }
void sqlite_j2(benchmark::State& state) { run(state, feeds::Target::sqlite, 2); }

BENCHMARK(baseline_jsonl_j1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(jsonl_j2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(sqlite_j1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(sqlite_j2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The peak resident memory of a child process that runs one batch of `count` documents to JSON
// Lines on two threads, in KiB.
long child_peak_kib(size_t count) {
  const Corpus small = make_corpus(count);
  const pid_t child = ::fork();
  if (child == 0) {
    std::ofstream sink("/dev/null");
    feeds::BatchOptions options;
    options.jobs = 2;
    feeds::BatchHooks hooks;
    hooks.jsonl_out = &sink;
    const feeds::BatchReport report = feeds::run_batch(small.files, options, hooks);
    ::_exit(report.parsed == count ? 0 : 1);
  }
  int status = 0;
  rusage usage{};
  ::wait4(child, &status, 0, &usage);
  fs::remove_all(small.dir);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const long peak_200 = child_peak_kib(200);
  const long peak_2000 = child_peak_kib(2000);
  benchmark::Initialize(&argc, argv);
  bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& t = reporter.times;
  std::cout << "\nCorpus: " << corpus().files.size() << " documents, " << corpus().bytes / 1e6 << " MB\n";
  if (t.count("baseline_jsonl_j1") && t.count("jsonl_j2") && t.count("sqlite_j1") && t.count("sqlite_j2")) {
    std::cout << "-j2 over -j1, JSON Lines: " << t.at("baseline_jsonl_j1") / t.at("jsonl_j2") << "x (target >= 1.7)\n";
    std::cout << "-j2 over -j1, SQLite:     " << t.at("sqlite_j1") / t.at("sqlite_j2") << "x\n";
    std::cout << "SQLite over JSON Lines, -j1: +" << (t.at("sqlite_j1") / t.at("baseline_jsonl_j1") - 1) * 100
              << " % time (target <= 25 %)\n";
    std::cout << "SQLite over JSON Lines, -j2: +" << (t.at("sqlite_j2") / t.at("jsonl_j2") - 1) * 100 << " % time\n";
  }
  std::cout << "Peak memory, 2000 documents over 200: " << static_cast<double>(peak_2000) / static_cast<double>(peak_200)
            << "x (" << peak_2000 / 1024 << " MiB / " << peak_200 / 1024 << " MiB; target <= 1.2)\n";
  fs::remove_all(corpus().dir);
  benchmark::Shutdown();
  return 0;
}
