// The fuzz targets' invariant checks (tools/fuzz/targets.h) in the ordinary test run: every
// kept finding in tests/fuzz-regressions/ must pass its target's check, and so must the seeds
// the fuzzers start from, so a check that rejects good input is caught before a fuzzer runs.
#include <catch2/catch.hpp>

#include <algorithm>
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

}  // namespace

TEST_CASE("every kept fuzzer finding passes its target's check", "[fuzz]") {
  for (const fs::path& file : files_in(fs::path(PLANPARSE_SOURCE_DIR) / "tests" / "fuzz-regressions")) {
    const std::string name = file.filename().string();
    check_file(name.substr(0, name.find('-')), file);
  }
}

// A finding named TARGET-slow-WHAT was too slow rather than wrong: work that grew with the
// square of the input. It is kept at 64 times its size, where linear work takes milliseconds
// and the quadratic kind took minutes; speed itself is measured by the benchmarks, not here.
TEST_CASE("kept slow findings pass their check at 64 times their size", "[fuzz]") {
  for (const fs::path& file : files_in(fs::path(PLANPARSE_SOURCE_DIR) / "tests" / "fuzz-regressions")) {
    const std::string name = file.filename().string();
    if (name.find("-slow-") == std::string::npos) continue;
    const std::optional<planparse::fuzz::Check> check = planparse::fuzz::find_check(name.substr(0, name.find('-')));
    REQUIRE(check.has_value());
    const std::string once = read_file(file);
    std::string large;
    for (int i = 0; i < 64; ++i) large += once;
    INFO(name);
    CHECK((*check)(large) == "");
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
