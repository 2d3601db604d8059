// Benchmarks: each stage and the whole pipeline on the reference sample and on a plan 40 times
// its size (the table repeated), the pipeline on about 1, 10 and 100 MB to show time linear in
// the input, with a baseline in the same binary: ICU's NFC normalisation of
// the same text, the least any Unicode-correct reader of it must do. The ratios printed at the
// end (stage time / baseline time) cancel the machine's speed.
// Build: cmake -DPLANPARSE_BUILD_BENCHMARKS=ON; run: build/bench_pipeline.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "ingest/source.h"
#include "parsers/blocks.h"
#include "parsers/normalise.h"
#include "parsers/pipeline.h"
#include "parsers/registry.h"
#include "parsers/table.h"
#include "parsers/vocabulary.h"
#include "schema/emit.h"
#include "tools/bench_ratio.h"

using namespace planparse;

namespace {

std::string read_sample() {
  std::ifstream file(std::string(PLANPARSE_SOURCE_DIR) + "/samples/follow-up-plan-2022.en.txt", std::ios::binary);
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

// The sample with its table body (first section to glossary) repeated `times` times.
std::string scaled(int times) {
  const std::string text = read_sample();
  const size_t begin = text.find("I. ");
  const size_t end = text.find("Note: Abbreviations:");
  std::string out = text.substr(0, begin);
  for (int i = 0; i < times; ++i) out += text.substr(begin, end - begin);
  return out + text.substr(end);
}

const std::string& input(int64_t times) {
  static std::map<int64_t, std::string> cache;
  auto [it, inserted] = cache.try_emplace(times);
  if (inserted) it->second = scaled(static_cast<int>(times));
  return it->second;
}

void set_bytes(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void baseline_icu_nfc(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (auto _ : state) {
    icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
    std::string out;
    u.toUTF8String(out);
    benchmark::DoNotOptimize(out);
  }
  set_bytes(state, text);
}

void stage_normalise(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(normalise(text));
  set_bytes(state, text);
}

void stage_blocks(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const NormalText lines = normalise(text);
  for (auto _ : state) benchmark::DoNotOptimize(split_paragraphs(lines));
  set_bytes(state, text);
}

void stage_table(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Blocks blocks = split_paragraphs(normalise(text));
  for (auto _ : state) benchmark::DoNotOptimize(read_table(blocks, builtin_vocabulary()));
  set_bytes(state, text);
}

void pipeline(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Source source = decode_source("bench.txt", text).value();
  for (auto _ : state) benchmark::DoNotOptimize(parse_source(source));
  set_bytes(state, text);
}

// Stage 7 alone: every agency and glossary entry linked to the registry (ids cleared first, so
// that each run does the whole lookup).
void stage_link(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  Plan plan = parse_source(decode_source("bench.txt", text).value()).value();
  for (auto _ : state) {
    for (Activity& activity : plan.activities) {
      for (Agency& agency : activity.agencies) agency.id.reset();
    }
    link_agencies(plan, builtin_registry());
    benchmark::DoNotOptimize(plan);
  }
  set_bytes(state, text);
}

void emit_and_validate(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Plan plan = parse_source(decode_source("bench.txt", text).value()).value();
  for (auto _ : state) {
    const nlohmann::json json = to_json(plan);
    benchmark::DoNotOptimize(validate_plan(json));
  }
  set_bytes(state, text);
}

// The emitter against the path it replaced (to_json, a copy into nlohmann::json for valijson,
// validate_plan, dump), on the same parsed plan; main prints their ratio.
void emit_old_dom(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Plan plan = parse_source(decode_source("bench.txt", text).value()).value();
  for (auto _ : state) {
    const nlohmann::ordered_json json = to_json(plan);
    benchmark::DoNotOptimize(validate_plan(nlohmann::json(json)));
    benchmark::DoNotOptimize(json.dump(-1) + "\n");
  }
  set_bytes(state, text);
}

void emit_render_plan(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Plan plan = parse_source(decode_source("bench.txt", text).value()).value();
  for (auto _ : state) benchmark::DoNotOptimize(render_plan(plan, /*compact=*/true));
  set_bytes(state, text);
}

BENCHMARK(emit_old_dom)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(emit_render_plan)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);

BENCHMARK(baseline_icu_nfc)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(stage_normalise)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(stage_blocks)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(stage_table)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(stage_link)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(pipeline)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(emit_and_validate)->Arg(1)->Arg(40)->Unit(benchmark::kMicrosecond);

// Linearity: the whole pipeline on about 1, 10 and 100 MB (the table repeated 100, 1,000 and
// 10,000 times); main prints the time per byte of the larger ones against the 1 MB run.
void linear_pipeline(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const Source source = decode_source("bench.txt", text).value();
  for (auto _ : state) benchmark::DoNotOptimize(parse_source(source));
  set_bytes(state, text);
}
BENCHMARK(linear_pipeline)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);


}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::cout << "\nRatio to baseline_icu_nfc on the same input (lower is faster):\n";
  for (const auto& [name, time] : reporter.times) {
    const size_t slash = name.find('/');
    const std::string size = slash == std::string::npos ? "" : name.substr(slash);
    const auto base = reporter.times.find("baseline_icu_nfc" + size);
    const bool spread = name.ends_with("_stddev") || name.ends_with("_cv");
    if (base == reporter.times.end() || name.starts_with("baseline") || spread) continue;
    std::cout << "  " << name << ": " << time / base->second << "x\n";
  }
  std::cout << "\nrender_plan's throughput against the old to_json + copy + validate + dump (higher is faster):\n";
  for (const char* size : {"/1", "/40"}) {
    const auto old_path = reporter.times.find(std::string("emit_old_dom") + size);
    const auto render = reporter.times.find(std::string("emit_render_plan") + size);
    if (old_path != reporter.times.end() && render != reporter.times.end()) {
      std::cout << "  " << size << ": " << old_path->second / render->second << "x\n";
    }
  }
  const auto per_byte = [&](int64_t times) {
    const auto found = reporter.times.find("linear_pipeline/" + std::to_string(times) + "/iterations:1");
    return found == reporter.times.end() ? 0.0 : found->second / static_cast<double>(input(times).size());
  };
  if (per_byte(100) > 0 && per_byte(1000) > 0 && per_byte(10000) > 0) {
    std::cout << "\nLinearity, time per byte against the " << input(100).size() / 1e6 << " MB run (1.0 = linear):\n"
              << "  " << input(1000).size() / 1e6 << " MB: " << per_byte(1000) / per_byte(100) << "\n"
              << "  " << input(10000).size() / 1e6 << " MB: " << per_byte(10000) / per_byte(100) << "\n";
  }
  benchmark::Shutdown();
  return 0;
}
