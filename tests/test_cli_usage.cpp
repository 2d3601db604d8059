// How the command line answers a mistake (tools/cli_usage.h): one `planparse:` line with exit 2,
// a did-you-mean when a known command or option is close, `planparse help [COMMAND]`, and sizes
// that refuse what is not a positive size instead of reading it as "no limit".
#include <catch2/catch.hpp>

#include "cli_support.h"
#include "tools/cli_usage.h"

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace planparse::testing;

namespace {

const fs::path kSample = fs::path(PLANPARSE_SOURCE_DIR) / "samples" / "follow-up-plan-2022.en.txt";

// The one stderr line a usage error must be: prefixed, and nothing after its newline.
void check_one_usage_line(const Run& run, const std::string& expected_part) {
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.rfind("planparse", 0) == 0);
  CHECK(line_count(run.err) == 1);
  CHECK_THAT(run.err, Catch::Contains(expected_part));
}

}  // namespace

TEST_CASE("nearest finds a name in another case, a unique prefix or one within an edit a third of its length",
          "[cli_usage]") {
  const std::vector<std::string> commands = {"parse", "validate", "schema", "batch", "diff", "help"};
  CHECK(planparse::cli::nearest("Parse", commands) == "parse");
  CHECK(planparse::cli::nearest("pars", commands) == "parse");
  CHECK(planparse::cli::nearest("prase", commands) == "parse");  // a swapped pair is one edit
  CHECK(planparse::cli::nearest("val", commands) == "validate");
  CHECK(planparse::cli::nearest("bacth", commands) == "batch");
  CHECK_FALSE(planparse::cli::nearest("frobnicate", commands));
  CHECK_FALSE(planparse::cli::nearest("-x", {"-h", "-o"}));  // two letters are near everything
  CHECK(planparse::cli::nearest("--colr", {"--color", "--format"}) == "--color");
}

TEST_CASE("parse_size reads whole bytes above zero with k, M or G and refuses signs, fractions and overflow",
          "[cli_usage]") {
  CHECK(planparse::cli::parse_size("1") == 1u);
  CHECK(planparse::cli::parse_size("64k") == 64u * 1024);
  CHECK(planparse::cli::parse_size("2MiB") == 2u * 1024 * 1024);
  CHECK(planparse::cli::parse_size("1G") == size_t{1} << 30);
  CHECK(planparse::cli::parse_size("3mb") == 3u * 1024 * 1024);
  CHECK_FALSE(planparse::cli::parse_size("-1"));
  CHECK_FALSE(planparse::cli::parse_size("0"));
  CHECK_FALSE(planparse::cli::parse_size("1.5M"));
  CHECK_FALSE(planparse::cli::parse_size("12T"));
  CHECK_FALSE(planparse::cli::parse_size(""));
  CHECK_FALSE(planparse::cli::parse_size("99999999999999999999999"));
  CHECK_FALSE(planparse::cli::parse_size(std::to_string(std::numeric_limits<size_t>::max() / 1024 + 1) + "k"));
}

TEST_CASE("a mistyped command is one planparse: line that says which command was meant", "[cli][cli_usage]") {
  Sandbox box;
  check_one_usage_line(box.run({"pars", kSample.string()}), "unknown command \"pars\"; did you mean \"parse\"?");
  check_one_usage_line(box.run({"Parse", kSample.string()}), "did you mean \"parse\"?");
  check_one_usage_line(box.run({"frobnicate"}), "the commands are parse, validate");
  check_one_usage_line(box.run({}), "no command given");
}

TEST_CASE("a mistyped option is one planparse: line naming the command and the option meant", "[cli][cli_usage]") {
  Sandbox box;
  check_one_usage_line(box.run({"parse", "--encodng", "cp1251", kSample.string()}),
                       "planparse parse: unknown option \"--encodng\"; did you mean \"--encoding\"?");
  check_one_usage_line(box.run({"diff", "a", "b", "--formt", "text"}), "did you mean \"--format\"?");
  check_one_usage_line(box.run({"--verison"}), "did you mean \"--version\"?");
  check_one_usage_line(box.run({"parse"}), "planparse parse: FILE is required");
}

TEST_CASE("a newline inside a mistyped word cannot start a second stderr line", "[cli][cli_usage]") {
  Sandbox box;
  const Run run = box.run({"pa\nplanparse: forged", kSample.string()});
  check_one_usage_line(run, "\\x0a");
}

TEST_CASE("planparse help lists the commands and planparse help COMMAND shows that command's options",
          "[cli][cli_usage]") {
  Sandbox box;
  const Run all = box.run({"help"});
  CHECK(all.exit_code == 0);
  CHECK_THAT(all.out, Catch::Contains("batch") && Catch::Contains("diff") && Catch::Contains("validate"));
  const Run parse = box.run({"help", "parse"});
  CHECK(parse.exit_code == 0);
  CHECK_THAT(parse.out, Catch::Contains("Usage: planparse parse") && Catch::Contains("--encoding"));
  check_one_usage_line(box.run({"help", "pasre"}), "did you mean \"parse\"?");
}

TEST_CASE("max-bytes refuses -1, zero, fractions and sizes that overflow instead of reading them as no limit",
          "[cli][cli_usage]") {
  Sandbox box;
  for (const char* size : {"-1", "0", "1.5M", "99999999999999999999999"}) {
    INFO(size);
    check_one_usage_line(box.run({"parse", kSample.string(), "--max-bytes", size}), "is not a size");
    check_one_usage_line(box.run({"batch", kSample.string(), "--max-bytes", size}), "is not a size");
  }
  CHECK(box.run({"parse", kSample.string(), "--max-bytes", "1M"}).exit_code == 0);
  const Run small = box.run({"parse", kSample.string(), "--max-bytes", "1k"});
  CHECK(small.exit_code == 1);
  CHECK_THAT(small.err, Catch::Contains("limit"));
}

TEST_CASE("batch -j 0 means one worker per hardware thread, and --colour is --color", "[cli][cli_usage]") {
  Sandbox box;
  CHECK(box.run({"batch", "-q", "-j", "0", kSample.string()}).exit_code == 0);
  const Run colour = box.run({"diff", "--colour", "never", kSample.string(), kSample.string()});
  CHECK(colour.exit_code == 0);
  CHECK(colour.err.empty());
}
