// `planparse diff` as a user meets it: the real binary (PLANPARSE_CLI) run in a fresh temporary
// directory, its exit status, stdout and stderr checked against the contract in
// tools/planparse.cpp: 0 the plans are the same, 1 they differ, 2 trouble (an input that
// cannot be read or is no plan, a usage error, an output that cannot be written), like diff(1).
// JSON when stdout is not a terminal, coloured text when it is one (run under a pseudo-terminal
// here); `-o` writes atomically. Every test name starts with "diff" (ctest -R diff).
#include <catch2/catch.hpp>

#include "cli_support.h"

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/diff.h"

namespace fs = std::filesystem;
using planparse::testing::is_one_line;
using planparse::testing::parse_json;
using planparse::testing::read_bytes;
using planparse::testing::Run;
using planparse::testing::Sandbox;

namespace {

const fs::path kSamples = fs::path(PLANPARSE_SOURCE_DIR) / "samples";
const fs::path kReference = kSamples / "follow-up-plan-2022.en.txt";
const fs::path kOld = kSamples / "diff" / "digital-services-plan-2024.en.old.txt";
const fs::path kNew = kSamples / "diff" / "digital-services-plan-2024.en.new.txt";
const fs::path kExpected = kSamples / "diff" / "digital-services-plan-2024.en.expected.json";

// `planparse ARGS...` in the sandbox's work/ with stdout and stderr on a pseudo-terminal, as on
// a user's screen; NO_COLOR set to `no_color` unless null. Both streams come back in `out`,
// with the terminal's "\r\n" line ends made "\n".
Run run_on_terminal(const Sandbox& box, const std::vector<std::string>& args, const char* no_color = nullptr) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // The child. Strictly only async-signal-safe calls belong after a fork, but the test
    // process runs no other threads; a failure here exits with a status the test reports.
    if (::chdir(box.work().c_str()) != 0) ::_exit(126);
    if (no_color) {
      ::setenv("NO_COLOR", no_color, 1);
    } else {
      ::unsetenv("NO_COLOR");
    }
    std::string program = PLANPARSE_CLI;
    std::vector<std::string> copies = args;
    std::vector<char*> argv{program.data()};
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  std::string output;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  output.erase(std::remove(output.begin(), output.end(), '\r'), output.end());
  run.out = output;
  return run;
}

}  // namespace

// ---- Exit statuses and the default output ---------------------------------------------------------

TEST_CASE("diff of a plan with itself exits 0 and, off a terminal, prints a JSON diff with no changes",
          "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", kReference.string(), kReference.string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const nlohmann::json diff = parse_json(run.out);
  CHECK(planparse::validate_diff(diff).empty());
  CHECK(diff["changes"].empty());
  CHECK(diff["plan"].empty());
  CHECK(diff["old"]["activities"] == 27);
}

TEST_CASE("diff of two versions exits 1 and prints the expected JSON diff", "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", kOld.string(), kNew.string()});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.empty());
  CHECK(parse_json(run.out) == parse_json(read_bytes(kExpected)));
}

TEST_CASE("diff --format text prints the summary line first", "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", "--format", "text", kOld.string(), kNew.string()});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.out.starts_with("digital-services-plan-2024.en.old.txt → digital-services-plan-2024.en.new.txt\n"
                            "12 → 13 activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered\n"));
  CHECK(run.out.find('\x1b') == std::string::npos);
}

TEST_CASE("diff finds no differences between a document and the JSON that parse wrote of it", "[diff][cli]") {
  Sandbox box;
  const Run parsed = box.run({"parse", kReference.string(), "-o", "plan.json"});
  REQUIRE(parsed.exit_code == 0);
  SECTION("document first") {
    const Run run = box.run({"diff", kReference.string(), "plan.json"});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(parse_json(run.out)["new"]["format"] == "json");
  }
  SECTION("JSON first") {
    const Run run = box.run({"diff", "plan.json", kReference.string()});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(parse_json(run.out)["old"]["format"] == "json");
  }
}

TEST_CASE("diff - reads one side from stdin and names it <stdin>", "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", "-", kNew.string()}, read_bytes(kOld));
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json diff = parse_json(run.out);
  CHECK(diff["old"]["name"] == "<stdin>");
  CHECK(diff["summary"]["added"] == 1);
}

// ---- Trouble: exit 2 ------------------------------------------------------------------------------

TEST_CASE("diff exits 2 with one line naming the file when a side cannot be read or is no plan", "[diff][cli]") {
  nlohmann::json broken = parse_json(read_bytes(kSamples / "follow-up-plan-2022.en.expected.json"));
  broken["activities"][0]["number"] = "one";
  struct Bad {
    const char* file;
    std::string bytes;  // not written when empty and the file is "missing.txt"
    const char* says;
  };
  const std::vector<Bad> cases = {
      {"missing.txt", "", "missing.txt"},
      {"empty.txt", "", "empty"},
      {"prose.txt", "A note.\n\nIt has two paragraphs and no table.\n", "table"},
      {"broken.json", broken.dump(), "/activities/0/number"},
  };
  for (const Bad& bad : cases) {
    for (const bool bad_is_old : {true, false}) {
      DYNAMIC_SECTION(bad.file << (bad_is_old ? " as OLD" : " as NEW")) {
        Sandbox box;
        if (std::string_view(bad.file) != "missing.txt") box.write(bad.file, bad.bytes);
        const Run run = bad_is_old ? box.run({"diff", bad.file, kReference.string()})
                                   : box.run({"diff", kReference.string(), bad.file});
        INFO(run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(is_one_line(run.err));
        CHECK_THAT(run.err, Catch::StartsWith(std::string("planparse: ") + bad.file + ": "));
        CHECK_THAT(run.err, Catch::Contains(bad.says, Catch::CaseSensitive::No));
      }
    }
  }
}

TEST_CASE("diff exits 2 on a command line it cannot read", "[diff][cli]") {
  Sandbox box;
  const std::string a = kOld.string();
  const std::string b = kNew.string();
  SECTION("no NEW") { CHECK(box.run({"diff", a}).exit_code == 2); }
  SECTION("no sides") { CHECK(box.run({"diff"}).exit_code == 2); }
  SECTION("an unknown option") { CHECK(box.run({"diff", "--frobnicate", a, b}).exit_code == 2); }
  SECTION("an unknown format") { CHECK(box.run({"diff", "--format", "yaml", a, b}).exit_code == 2); }
  SECTION("an unknown colour mode") { CHECK(box.run({"diff", "--color=sometimes", a, b}).exit_code == 2); }
  SECTION("both sides from stdin") {
    const Run run = box.run({"diff", "-", "-"}, read_bytes(kOld));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(is_one_line(run.err));
  }
}

TEST_CASE("diff --help names its options and its exit statuses", "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", "--help"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("--format") && Catch::Contains("--color") && Catch::Contains("--output") &&
                          Catch::Contains("1 they differ"));
}

// ---- -o ---------------------------------------------------------------------------------------------

TEST_CASE("diff -o writes the JSON it would print, leaves no temporary file and still exits 1", "[diff][cli]") {
  Sandbox box;
  const Run printed = box.run({"diff", kOld.string(), kNew.string()});
  const Run written = box.run({"diff", kOld.string(), kNew.string(), "-o", "changes.json"});
  INFO(written.err);
  CHECK(written.exit_code == 1);
  CHECK(written.out.empty());
  CHECK(written.err.empty());
  CHECK(box.listing() == std::vector<std::string>{"changes.json"});
  CHECK(box.read("changes.json") == printed.out);
}

TEST_CASE("diff -o writes JSON, not text, by default even when run from a terminal", "[diff][cli]") {
  Sandbox box;
  const Run run = run_on_terminal(box, {"diff", kOld.string(), kNew.string(), "-o", "changes.json"});
  CHECK(run.exit_code == 1);
  CHECK(parse_json(box.read("changes.json")) == parse_json(read_bytes(kExpected)));
}

TEST_CASE("diff -o leaves an existing file untouched and creates nothing when an input fails", "[diff][cli]") {
  Sandbox box;
  box.write("changes.json", "previous\n");
  const Run run = box.run({"diff", kOld.string(), "missing.txt", "-o", "changes.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(box.read("changes.json") == "previous\n");
  CHECK(box.listing() == std::vector<std::string>{"changes.json"});
}

TEST_CASE("diff -o into a directory that does not exist exits 2 and writes nothing", "[diff][cli]") {
  Sandbox box;
  const Run run = box.run({"diff", kOld.string(), kNew.string(), "-o", "no-such-dir/changes.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("no-such-dir/changes.json"));
  CHECK(box.listing().empty());
}

// ---- Colour ------------------------------------------------------------------------------------------

TEST_CASE("diff --color=always colours the text, --color=never and auto off a terminal do not", "[diff][cli]") {
  Sandbox box;
  const std::string a = kOld.string();
  const std::string b = kNew.string();
  const Run always = box.run({"diff", "--format=text", "--color=always", a, b});
  const Run never = box.run({"diff", "--format=text", "--color=never", a, b});
  const Run automatic = box.run({"diff", "--format=text", "--color", "auto", a, b});
  CHECK(always.exit_code == 1);
  CHECK_THAT(always.out, Catch::Contains("\x1b[32m"));
  CHECK(never.out.find('\x1b') == std::string::npos);
  CHECK(automatic.out == never.out);
}

TEST_CASE("diff on a terminal prints coloured text by default, plain text when NO_COLOR is set", "[diff][cli]") {
  Sandbox box;
  const Run coloured = run_on_terminal(box, {"diff", kOld.string(), kNew.string()});
  INFO(coloured.out);
  CHECK(coloured.exit_code == 1);
  CHECK_THAT(coloured.out, Catch::Contains("activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered"));
  CHECK_THAT(coloured.out, Catch::Contains("\x1b["));
  const Run plain = run_on_terminal(box, {"diff", kOld.string(), kNew.string()}, "1");
  CHECK(plain.exit_code == 1);
  CHECK_THAT(plain.out, Catch::Contains("6 renumbered"));
  CHECK(plain.out.find('\x1b') == std::string::npos);
  const Run json = run_on_terminal(box, {"diff", "--format", "json", kOld.string(), kNew.string()});
  CHECK(parse_json(json.out) == parse_json(read_bytes(kExpected)));
}

TEST_CASE("diff of the English and Russian reference exits 0, with --mode versions their wording differs",
          "[diff][cli][translations]") {
  Sandbox box;
  const fs::path russian = kSamples / "follow-up-plan-2022.ru.txt";
  const Run translations = box.run({"diff", "--format", "text", kReference.string(), russian.string()});
  INFO(translations.out << translations.err);
  CHECK(translations.exit_code == 0);
  CHECK_THAT(translations.out, Catch::Contains("translations en → ru") && Catch::Contains("no differences"));

  const Run versions = box.run({"diff", "--mode", "versions", kReference.string(), russian.string()});
  CHECK(versions.exit_code == 1);
  CHECK(parse_json(versions.out)["mode"] == "versions");

  const Run unknown = box.run({"diff", "--mode", "sideways", kReference.string(), russian.string()});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
}

TEST_CASE("diff reads JSON that an earlier planparse wrote (schema 1.0, no ids) and links its agencies",
          "[diff][cli]") {
  Sandbox box;
  const Run parsed = box.run({"parse", kReference.string()});
  REQUIRE(parsed.exit_code == 0);
  // What planparse wrote before the registry: schema 1.0, no "id" keys.
  nlohmann::ordered_json old_plan = nlohmann::ordered_json::parse(parsed.out);
  old_plan["schema_version"] = "1.0";
  for (auto& entry : old_plan["abbreviations"]) entry.erase("id");
  for (auto& activity : old_plan["activities"]) {
    for (auto& agency : activity["agencies"]) agency.erase("id");
  }
  box.write("old.json", old_plan.dump());
  const Run run = box.run({"diff", "old.json", kReference.string()});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);  // the ids it lacked are the ones the document gives today
  CHECK(planparse::validate_plan(nlohmann::json(old_plan)).size() > 0);  // as it is, 1.0 is not 1.1
}

// ---- --vocab and --registry: the sides that are documents are parsed as `parse` would (issue 16) --

namespace {

// A one-activity plan whose agency is `abbr`, defined in its glossary as `name`.
std::string magic_plan(const std::string& abbr, const std::string& name) {
  return "A plan\n\nName\n\nDeadline\n\nAgencies in charge\n\n1\n\nDo it\n\nannually\n\n" + abbr +
         ", Ministry of Finance of the Republic of Kazakhstan\n\nAbbreviations:\n\n" + abbr + " - " + name + "\n";
}

// A copy of the built-in registry with the rows `extra` added.
void copy_registry(const Sandbox& box, const std::string& extra) {
  fs::copy_file(fs::path(PLANPARSE_SOURCE_DIR) / "parsers" / "registry" / "agencies.tsv", box.file("agencies.tsv"));
  std::ofstream(box.file("agencies.tsv"), std::ios::app) << extra;
}

}  // namespace

TEST_CASE("diff --registry links the documents' agencies to the user's registry: a body renamed between versions is one agency",
          "[diff][cli][registry]") {
  Sandbox box;
  box.write("old.txt", magic_plan("MMG", "Ministry of Magic of the Republic of Kazakhstan"));
  box.write("new.txt", magic_plan("MWW", "Ministry of Wizardry of the Republic of Kazakhstan"));
  copy_registry(box, "magic\tbody\ten\tMMG\tMinistry of Magic of the Republic of Kazakhstan\tformer\n"
                     "magic\tbody\ten\tMWW\tMinistry of Wizardry of the Republic of Kazakhstan\tcurrent\n");

  // The agencies' change of the one activity.
  const auto agencies = [](const nlohmann::json& diff) {
    REQUIRE(diff["changes"].size() == 1);
    for (const nlohmann::json& field : diff["changes"][0]["fields"]) {
      if (field["field"] == "agencies") return field;
    }
    FAIL("no agencies field");
    return nlohmann::json();
  };

  // The built-in registry knows neither: one agency removed, another added.
  const Run builtin = box.run({"diff", "old.txt", "new.txt"});
  INFO(builtin.out << builtin.err);
  REQUIRE(builtin.exit_code == 1);
  const nlohmann::json apart = agencies(parse_json(builtin.out));
  CHECK(apart["removed"].size() == 1);
  CHECK(apart["added"].size() == 1);
  CHECK(apart["reworded"].empty());

  // The user's registry gives both names one id: the same agency, reworded.
  const Run custom = box.run({"diff", "old.txt", "new.txt", "--registry", "agencies.tsv"});
  INFO(custom.out << custom.err);
  CHECK(custom.exit_code == 1);
  const nlohmann::json diff = parse_json(custom.out);
  CHECK(planparse::validate_diff(diff).empty());
  const nlohmann::json same = agencies(diff);
  CHECK(same["removed"].empty());
  CHECK(same["added"].empty());
  REQUIRE(same["reworded"].size() == 1);
  CHECK(same["reworded"][0]["old"]["id"] == "magic");
  CHECK(same["reworded"][0]["new"]["id"] == "magic");
}

TEST_CASE("diff --registry links a 1.0 JSON side's agencies with the user's registry, as the document side's",
          "[diff][cli][registry]") {
  Sandbox box;
  box.write("plan.txt", magic_plan("MMG", "Ministry of Magic of the Republic of Kazakhstan"));
  copy_registry(box, "magic\tbody\ten\tMMG\tMinistry of Magic of the Republic of Kazakhstan\tcurrent\n");
  const Run parsed = box.run({"parse", "plan.txt", "--registry", "agencies.tsv"});
  REQUIRE(parsed.exit_code == 0);
  // What planparse wrote before the registry: schema 1.0, no "id" keys.
  nlohmann::ordered_json old_plan = nlohmann::ordered_json::parse(parsed.out);
  REQUIRE(old_plan["activities"][0]["agencies"][0]["id"] == "magic");
  old_plan["schema_version"] = "1.0";
  for (auto& entry : old_plan["abbreviations"]) entry.erase("id");
  for (auto& activity : old_plan["activities"]) {
    for (auto& agency : activity["agencies"]) agency.erase("id");
  }
  box.write("old.json", old_plan.dump());

  const Run run = box.run({"diff", "old.json", "plan.txt", "--registry", "agencies.tsv"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);  // both sides' MMG is "magic"
}

TEST_CASE("diff --vocab reads the document sides with the user's vocabulary", "[diff][cli][vocabulary]") {
  Sandbox box;
  planparse::testing::copy_vocabulary(box.file("vocab"), "header.deadline\tTarget window\nrecurrence.annual\tyear after year\n");
  box.write("plan.txt", "A plan\n\nName\n\nTarget window\n\nAgencies in charge\n\n1\n\nDo it\n\nyear after year\n\nMIA\n");
  const Run parsed = box.run({"parse", "plan.txt", "--vocab", "vocab", "-o", "plan.json"});
  REQUIRE(parsed.exit_code == 0);

  // Without it the document has no deadline column, and so no deadline, where the JSON has one.
  const Run builtin = box.run({"diff", "plan.json", "plan.txt"});
  INFO(builtin.out << builtin.err);
  CHECK(builtin.exit_code == 1);

  const Run custom = box.run({"diff", "plan.json", "plan.txt", "--vocab", "vocab"});
  INFO(custom.out << custom.err);
  CHECK(custom.exit_code == 0);
}

TEST_CASE("diff with a malformed --vocab or a missing --registry exits 2 with one line naming the file",
          "[diff][cli][vocabulary][registry]") {
  Sandbox box;
  fs::create_directory(box.file("vocab"));
  box.write("vocab/en.tsv", "header.name\tName\nno tab on this row\n");
  const Run malformed = box.run({"diff", kOld.string(), kNew.string(), "--vocab", "vocab", "-o", "diff.json"});
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.out.empty());
  CHECK(is_one_line(malformed.err));
  CHECK(malformed.err.find("en.tsv") != std::string::npos);
  CHECK(malformed.err.find("line 2") != std::string::npos);
  CHECK_FALSE(fs::exists(box.file("diff.json")));

  const Run missing = box.run({"diff", kOld.string(), kNew.string(), "--registry", "no-such-registry.tsv"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(is_one_line(missing.err));
  CHECK(missing.err.find("no-such-registry.tsv") != std::string::npos);
}
