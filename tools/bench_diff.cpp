// Benchmark: `diff` of two generated versions of a plan (tools/generator/versions.h) of 1,000,
// 2,000, 4,000 and 8,000 activities, the whole diff and the alignment alone; the 1,000-activity
// diff is the baseline, and each size prints its time as a ratio to it (target: 8,000 under 10x)
// with the activity pairs scored and the peak memory of a diff run alone in a child process
// (target: 8,000 under 300 MB). align_exact_* is the exact pairing (every pair scored), which
// plans above 500 x 500 no longer use, for comparison.
// Build: cmake -DPLANPARSE_BUILD_BENCHMARKS=ON; run: build/bench_diff.
// build/bench_diff --write N DIR writes the two versions of N activities as DIR/old-N.json and
// DIR/new-N.json, to time the command itself: /usr/bin/time -v planparse diff DIR/old-N.json
// DIR/new-N.json.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <string>

#include "diff/diff.h"
#include "schema/emit.h"
#include "tools/bench_ratio.h"
#include "tools/generator/versions.h"

using namespace planparse;

namespace {

constexpr std::size_t kSizes[] = {1000, 2000, 4000, 8000};

const gen::PlanVersions& versions(std::size_t activities) {
  static std::map<std::size_t, gen::PlanVersions> drawn;
  auto found = drawn.find(activities);
  if (found == drawn.end()) found = drawn.emplace(activities, gen::draw_plan_versions(activities)).first;
  return found->second;
}

void run_diff(benchmark::State& state) {
  const gen::PlanVersions& plans = versions(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(diff_plans(plans.old_plan, plans.new_plan));
}

void run_align(benchmark::State& state, std::size_t max_exact_cells) {
  const gen::PlanVersions& plans = versions(static_cast<std::size_t>(state.range(0)));
  AlignStats stats;
  for (auto _ : state) {
    benchmark::DoNotOptimize(align_activities(plans.old_plan.activities, plans.new_plan.activities,
                                              AlignOptions{max_exact_cells}, &stats));
  }
  state.counters["comparisons"] = static_cast<double>(stats.comparisons);
}

// Peak resident memory of one diff of `activities`, plans drawn in the child, in KiB.
long child_peak_kib(std::size_t activities) {
  const pid_t child = ::fork();
  if (child == 0) {
    const gen::PlanVersions plans = gen::draw_plan_versions(activities);
    const PlanDiff diff = diff_plans(plans.old_plan, plans.new_plan);
    ::_exit(has_differences(diff) ? 0 : 1);
  }
  int status = 0;
  rusage usage{};
  ::wait4(child, &status, 0, &usage);
  return usage.ru_maxrss;
}

int write_plans(std::size_t activities, const std::string& directory) {
  const gen::PlanVersions plans = gen::draw_plan_versions(activities);
  const std::string n = std::to_string(activities);
  std::ofstream(directory + "/old-" + n + ".json", std::ios::binary) << to_json(plans.old_plan).dump(2) << "\n";
  std::ofstream(directory + "/new-" + n + ".json", std::ios::binary) << to_json(plans.new_plan).dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--write") return write_plans(std::stoul(argv[2]), argv[3]);
  std::map<std::size_t, long> peak;
  for (const std::size_t size : kSizes) peak[size] = child_peak_kib(size);
  benchmark::RegisterBenchmark("baseline_diff", run_diff)->Arg(1000)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("diff", run_diff)->Arg(2000)->Arg(4000)->Arg(8000)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("align", run_align, kMaxExactAlignCells)
      ->Arg(1000)->Arg(2000)->Arg(4000)->Arg(8000)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("align_exact", run_align, std::numeric_limits<std::size_t>::max())
      ->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& t = reporter.times;
  std::cout << "\n";
  if (t.count("baseline_diff/1000")) {
    const double base = t.at("baseline_diff/1000");
    for (const std::size_t size : kSizes) {
      const std::string name = size == 1000 ? "baseline_diff/1000" : "diff/" + std::to_string(size);
      if (!t.count(name)) continue;
      std::cout << "diff " << size << " activities: " << t.at(name) / base << "x the 1000-activity time"
                << (size == 8000 ? " (target < 10x)" : "") << ", peak " << peak[size] / 1024 << " MiB"
                << (size == 8000 ? " (target < 300 MB)" : "") << "\n";
    }
  }
  benchmark::Shutdown();
  return 0;
}
