// The fuzz targets' invariant checks (tools/fuzz/targets.h) in the ordinary test run: every
// kept finding in tests/fuzz-regressions/ must pass its target's check, and so must the seeds
// the fuzzers start from, so a check that rejects good input is caught before a fuzzer runs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "support.h"
#include "tools/fuzz/targets.h"

namespace fs = std::filesystem;
using planparse::testing::read_file;

namespace {

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void check_file(std::string_view target, const fs::path& file) {
  INFO("fuzz_" << target << " on " << file.string());
  const std::optional<planparse::fuzz::Check> check = planparse::fuzz::find_check(target);
  REQUIRE(check.has_value());
  CHECK((*check)(read_file(file)) == "");
}

// The fastest of `runs` runs of the check, in seconds: the minimum is what the work costs,
// the rest is a busy machine.
double fastest(planparse::fuzz::Check check, const std::string& input, int runs) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    (void)check(input);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

TEST_CASE("every kept fuzzer finding passes its target's check", "[fuzz]") {
  for (const fs::path& file : files_in(fs::path(PLANPARSE_SOURCE_DIR) / "tests" / "fuzz-regressions")) {
    const std::string name = file.filename().string();
    check_file(name.substr(0, name.find('-')), file);
  }
}

// A finding named TARGET-slow-WHAT was too slow rather than wrong: work that grows faster than
// the input. Its check on the input repeated four times may take at most eight times as long
// as on the input once (linear work takes four times, quadratic sixteen). A ratio, not a
// deadline, so that it holds in the sanitizer build and on a slow machine alike.
TEST_CASE("kept slow findings take time about linear in their size", "[fuzz]") {
  for (const fs::path& file : files_in(fs::path(PLANPARSE_SOURCE_DIR) / "tests" / "fuzz-regressions")) {
    const std::string name = file.filename().string();
    if (name.find("-slow-") == std::string::npos) continue;
    const std::optional<planparse::fuzz::Check> check = planparse::fuzz::find_check(name.substr(0, name.find('-')));
    REQUIRE(check.has_value());
    const std::string once = read_file(file);
    std::string four_times;
    for (int i = 0; i < 4; ++i) four_times += once;
    const double small = fastest(*check, once, 3);
    const double large = fastest(*check, four_times, 3);
    INFO(name << ": " << small << " s once, " << large << " s four times as long");
    CHECK(large <= 8 * small);
  }
}

TEST_CASE("the fuzzers' seeds and the samples pass every check", "[fuzz]") {
  const fs::path root(PLANPARSE_SOURCE_DIR);
  for (const planparse::fuzz::Target& target : planparse::fuzz::kTargets) {
    for (const fs::path& file : files_in(root / "tools" / "fuzz" / "seeds" / std::string(target.name))) {
      check_file(target.name, file);
    }
  }
  for (const fs::path& file : files_in(root / "samples")) {
    if (file.extension() == ".json" || file.extension() == ".md") continue;
    for (std::string_view target : {"parse", "decode", "html", "fields", "glossary"}) check_file(target, file);
  }
}
