// The command line as a user meets it: the real planparse binary (PLANPARSE_CLI) run as a
// subprocess in a fresh temporary directory, with its exit code, stdout and stderr checked
// against the contract in tools/planparse.cpp: 0 ok; 1 not a plan / invalid JSON; 2 usage;
// 3 I/O. A failing input prints nothing on stdout and one line on stderr naming the file,
// and `-o` writes atomically (no partial file, no temporary left behind). An unknown
// --encoding name is a usage error (2).
#include <catch2/catch.hpp>

#include "cli_support.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <ios>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace fs = std::filesystem;
using namespace std::string_view_literals;
using namespace planparse::testing;

namespace {

const fs::path kSample = fs::path(PLANPARSE_SOURCE_DIR) / "samples" / "follow-up-plan-2022.en.txt";
const fs::path kSampleExpected = fs::path(PLANPARSE_SOURCE_DIR) / "samples" / "follow-up-plan-2022.en.expected.json";

// The sample up to (not including) the first occurrence of `marker`, plus `keep` bytes of it.
std::string sample_cut_at(std::string_view marker, std::size_t keep) {
  const std::string text = read_bytes(kSample);
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  return text.substr(0, at + keep);
}

}  // namespace

// ---- parse: the happy path -------------------------------------------------------------

TEST_CASE("parse prints the sample plan as JSON with its 27 activities", "[cli]") {
  Sandbox box;
  const Run run = box.run({"parse", kSample.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  const nlohmann::json plan = parse_json(run.out);
  CHECK(plan["schema_version"] == "1.1");
  CHECK(plan["source"]["name"] == "follow-up-plan-2022.en.txt");
  REQUIRE(plan["activities"].is_array());
  CHECK(plan["activities"].size() == 27);
}

TEST_CASE("parse --compact prints the same JSON on exactly one line", "[cli]") {
  Sandbox box;
  const Run pretty = box.run({"parse", kSample.string()});
  const Run compact = box.run({"parse", "--compact", kSample.string()});
  INFO(compact.err);
  REQUIRE(compact.exit_code == 0);
  CHECK(is_one_line(compact.out));
  CHECK(line_count(pretty.out) > 1);
  CHECK(parse_json(compact.out) == parse_json(pretty.out));
}

TEST_CASE("parse -o writes the JSON it would print, and leaves no temporary file", "[cli]") {
  Sandbox box;
  const Run printed = box.run({"parse", kSample.string()});
  REQUIRE(printed.exit_code == 0);
  const Run written = box.run({"parse", kSample.string(), "-o", "out.json"});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(written.err.empty());
  CHECK(box.listing() == std::vector<std::string>{"out.json"});
  CHECK(parse_json(box.read("out.json")) == parse_json(printed.out));
}

TEST_CASE("parse -o replaces an existing output file when the parse succeeds", "[cli]") {
  Sandbox box;
  box.write("out.json", "stale\n");
  const Run run = box.run({"parse", kSample.string(), "--output", "out.json", "--compact"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(is_one_line(box.read("out.json")));
  CHECK(parse_json(box.read("out.json"))["activities"].size() == 27);
  CHECK(box.listing() == std::vector<std::string>{"out.json"});
}

TEST_CASE("parse -o creates the output file with the permissions a shell redirect would give", "[cli]") {
  Sandbox box;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  const auto usual = static_cast<fs::perms>(0666 & ~mask);
  const Run run = box.run({"parse", kSample.string(), "-o", "out.json"});
  REQUIRE(run.exit_code == 0);
  const auto actual = fs::status(box.file("out.json")).permissions();
  INFO("mode " << std::oct << static_cast<unsigned>(actual) << ", expected " << static_cast<unsigned>(usual)
               << " (0666 less the umask)");
  CHECK(actual == usual);
}

// ---- parse: -o and failures --------------------------------------------------------------

TEST_CASE("parse -o creates no output file and no temporary file when the input is not a plan", "[cli]") {
  Sandbox box;
  box.write("empty.txt", "");
  const Run run = box.run({"parse", "empty.txt", "-o", "out.json"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_FALSE(fs::exists(box.file("out.json")));
  CHECK(box.listing() == std::vector<std::string>{"empty.txt"});
}

TEST_CASE("parse -o leaves an existing output file untouched when the parse fails", "[cli]") {
  Sandbox box;
  const std::string previous = "{\"previous\": true}\n";
  box.write("out.json", previous);
  box.write("prose.txt", "A short note.\n\nIt has two paragraphs and no table.\n");
  box.write("empty.txt", "");
  for (const char* input : {"empty.txt", "prose.txt", "missing.txt"}) {
    INFO(input);
    const Run run = box.run({"parse", input, "-o", "out.json"});
    CHECK(run.exit_code != 0);
    CHECK(run.out.empty());
    CHECK(box.read("out.json") == previous);
  }
  CHECK(box.listing() == std::vector<std::string>{"empty.txt", "out.json", "prose.txt"});
}

TEST_CASE("parse -o into a directory that does not exist is an I/O error on one line", "[cli]") {
  Sandbox box;
  const Run run = box.run({"parse", kSample.string(), "-o", "no-such-dir/out.json"});
  INFO(run.err);
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("no-such-dir/out.json"));
  CHECK(box.listing().empty());
}

// ---- parse: stdin ------------------------------------------------------------------------

TEST_CASE("parse - reads the plan from stdin and names its source <stdin>", "[cli]") {
  Sandbox box;
  const Run from_file = box.run({"parse", kSample.string()});
  const Run from_stdin = box.run({"parse", "-"}, read_bytes(kSample));
  INFO(from_stdin.err);
  REQUIRE(from_stdin.exit_code == 0);
  CHECK(from_stdin.err.empty());
  nlohmann::json piped = parse_json(from_stdin.out);
  const nlohmann::json direct = parse_json(from_file.out);
  CHECK(piped["source"]["name"] == "<stdin>");
  piped["source"]["name"] = direct["source"]["name"];
  CHECK(piped == direct);
}

TEST_CASE("parse - names <stdin> in its error when stdin is not a plan", "[cli]") {
  Sandbox box;
  const Run run = box.run({"parse", "-"}, "");
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("<stdin>"));
}

// ---- parse: inputs that are not plans ------------------------------------------------------

TEST_CASE("parse rejects each kind of non-plan with exit 1, no output and one line naming the file and the fault",
          "[cli]") {
  struct BadInput {
    const char* file;
    std::string bytes;
    std::vector<const char*> says;  // each must appear in the error line (case-insensitive)
  };
  const std::vector<BadInput> cases = {
      {"empty.txt", "", {"empty"}},
      {"blank.txt", " \n\t\n  \r\n \n", {"space"}},
      {"image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0"sv), {"binary"}},
      {"latin1.txt", "abc\xff", {"UTF-8", "byte 3"}},
      {"prose.txt",
       "Notes on the meeting\n\nThe committee met on Tuesday and discussed the budget for the coming year. "
       "Several members raised questions about staffing.\n\nNo decisions were taken. The next meeting will be "
       "held in the spring.\n\nMinutes were kept by the secretary.\n",
       {"table"}},
      {"header-only.txt", sample_cut_at("Agencies in charge\n", std::string_view("Agencies in charge\n").size()),
       {"activity"}},
  };
  for (const BadInput& bad : cases) {
    DYNAMIC_SECTION(bad.file) {
      Sandbox box;
      box.write(bad.file, bad.bytes);
      const Run run = box.run({"parse", bad.file});
      INFO(run.err);
      CHECK(run.exit_code == 1);
      CHECK(run.out.empty());
      CHECK(is_one_line(run.err));
      CHECK_THAT(run.err, Catch::StartsWith(std::string("planparse: ") + bad.file + ": "));
      for (const char* phrase : bad.says) CHECK_THAT(run.err, Catch::Contains(phrase, Catch::CaseSensitive::No));
    }
  }
}

TEST_CASE("parse accepts the sample cut inside activity 14 as a shorter plan that validates", "[cli]") {
  Sandbox box;
  // Cut halfway through the name of activity 14: no outcome, deadline or agencies cell after it.
  box.write("cut.txt", sample_cut_at("Proposals on investigating cases of torture", 26));
  const Run parsed = box.run({"parse", "cut.txt", "-o", "cut.json"});
  INFO(parsed.err);
  REQUIRE(parsed.exit_code == 0);
  const nlohmann::json plan = parse_json(box.read("cut.json"));
  REQUIRE(plan["activities"].is_array());
  const std::size_t count = plan["activities"].size();
  CHECK((count == 13 || count == 14));
  CHECK(plan["activities"].back()["number"].get<int>() == static_cast<int>(count));
  const Run validated = box.run({"validate", "cut.json"});
  INFO(validated.out);
  CHECK(validated.exit_code == 0);
}

TEST_CASE("parse of a file that does not exist is an I/O error naming the file", "[cli]") {
  Sandbox box;
  const Run run = box.run({"parse", "nowhere.txt"});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("nowhere.txt"));
}

// ---- usage, version, help, schema ----------------------------------------------------------

TEST_CASE("a command line planparse cannot read is a usage error with exit 2", "[cli]") {
  Sandbox box;
  SECTION("no subcommand") { CHECK(box.run({}).exit_code == 2); }
  SECTION("an unknown subcommand") { CHECK(box.run({"frobnicate", "x.txt"}).exit_code == 2); }
  SECTION("an unknown option") { CHECK(box.run({"parse", "--frobnicate", kSample.string()}).exit_code == 2); }
  SECTION("parse without a file") { CHECK(box.run({"parse"}).exit_code == 2); }
  SECTION("validate without a file") { CHECK(box.run({"validate"}).exit_code == 2); }
}

TEST_CASE("planparse --version prints its name and version", "[cli]") {
  Sandbox box;
  const Run run = box.run({"--version"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Matches("planparse [0-9]+(\\.[0-9]+)*\\s*"));
}

TEST_CASE("planparse --help exits 0 and names the parse, validate and schema commands", "[cli]") {
  Sandbox box;
  const Run run = box.run({"--help"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("parse") && Catch::Contains("validate") && Catch::Contains("schema"));
}

TEST_CASE("schema prints the draft-07 JSON Schema of the output", "[cli]") {
  Sandbox box;
  const Run run = box.run({"schema"});
  REQUIRE(run.exit_code == 0);
  const nlohmann::json schema = parse_json(run.out);
  REQUIRE(schema.contains("$schema"));
  CHECK_THAT(schema["$schema"].get<std::string>(), Catch::Contains("draft-07"));
}

// ---- validate ------------------------------------------------------------------------------

TEST_CASE("validate accepts the expected JSON of every sample", "[cli]") {
  Sandbox box;
  std::size_t seen = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "samples")) {
    if (!entry.path().string().ends_with(".expected.json")) continue;
    ++seen;
    const Run run = box.run({"validate", entry.path().string()});
    INFO(entry.path().filename().string() << "\n" << run.out << run.err);
    CHECK(run.exit_code == 0);
  }
  CHECK(seen >= 2);
}

TEST_CASE("validate rejects a plan whose activity number is a word and names its JSON pointer", "[cli]") {
  Sandbox box;
  nlohmann::json plan = parse_json(read_bytes(kSampleExpected));
  plan["activities"][0]["number"] = "one";
  box.write("broken.json", plan.dump(2));
  const Run run = box.run({"validate", "broken.json"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.out, Catch::Contains("/activities/0/number"));
}

TEST_CASE("validate rejects a file that is not JSON on one line naming it", "[cli]") {
  Sandbox box;
  box.write("notes.json", "this is not JSON {\n");
  const Run run = box.run({"validate", "notes.json"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("notes.json") && Catch::Contains("JSON"));
}

TEST_CASE("validate of a file that does not exist is an I/O error naming the file", "[cli]") {
  Sandbox box;
  const Run run = box.run({"validate", "nowhere.json"});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("nowhere.json"));
}

TEST_CASE("validate - reads the JSON from stdin", "[cli]") {
  Sandbox box;
  const Run run = box.run({"validate", "-"}, read_bytes(kSampleExpected));
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
}

// ---- round trip ----------------------------------------------------------------------------

TEST_CASE("what parse -o writes, validate accepts", "[cli]") {
  Sandbox box;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() != ".txt") continue;
    DYNAMIC_SECTION(entry.path().filename().string()) {
      const Run parsed = box.run({"parse", entry.path().string(), "-o", "out.json"});
      INFO(parsed.err);
      REQUIRE(parsed.exit_code == 0);
      const Run validated = box.run({"validate", "out.json"});
      INFO(validated.out << validated.err);
      CHECK(validated.exit_code == 0);
      CHECK_THAT(validated.out, Catch::Contains("valid"));
    }
  }
}

// ---- parse --encoding ----------------------------------------------------------------------

TEST_CASE("parse --encoding windows-1251 reads the sample saved in windows-1251 as the same plan", "[cli]") {
  // The reference holds Cyrillic, NBSP, curly quotes and en dashes: windows-1251 holds them all.
  // The sample's Cyrillic makes an unlabelled guess uncertain, which is what --encoding is for.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(read_bytes(kSample));
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1251", &status);
  REQUIRE(U_SUCCESS(status));
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string bytes(static_cast<std::size_t>(text.length()) + 1, '\0');
  const int32_t length = ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()), text.getBuffer(),
                                         text.length(), &status);
  ucnv_close(converter);
  REQUIRE(U_SUCCESS(status));
  bytes.resize(static_cast<std::size_t>(length));

  Sandbox box;
  box.write("plan-1251.txt", bytes);
  const Run run = box.run({"parse", "--encoding", "windows-1251", "plan-1251.txt"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  nlohmann::json plan = parse_json(run.out);
  CHECK(plan["source"]["encoding"] == "windows-1251");
  CHECK(plan["source"]["bytes"] == bytes.size());
  nlohmann::json expected = parse_json(read_bytes(kSampleExpected));
  plan.erase("source");
  expected.erase("source");
  for (nlohmann::json* document : {&plan, &expected}) {
    for (nlohmann::json& diagnostic : (*document)["diagnostics"]) diagnostic.erase("message");
  }
  CHECK(plan == expected);
}

TEST_CASE("parse --encoding with a name planparse does not know is a usage error with exit 2", "[cli]") {
  Sandbox box;
  const Run run = box.run({"parse", "--encoding", "klingon-8", kSample.string(), "-o", "out.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(is_one_line(run.err));
  CHECK_THAT(run.err, Catch::Contains("--encoding") && Catch::Contains("klingon-8"));
  CHECK(box.listing().empty());
}

TEST_CASE("parse --vocab reads a copy of the vocabularies in which the user added a phrase", "[cli][vocabulary]") {
  Sandbox box;
  // Neither the header word nor the deadline phrase is in the built-in vocabulary.
  planparse::testing::copy_vocabulary(box.file("vocab"), "header.deadline\tTarget window\nrecurrence.annual\tyear after year\n");
  box.write("plan.txt", "A plan\n\nName\n\nTarget window\n\nAgencies in charge\n\n1\n\nDo it\n\nyear after year\n\nMIA\n");

  // Without it the column is kept, unnamed, in extra, with a warning.
  const Run builtin = box.run({"parse", "plan.txt"});
  REQUIRE(builtin.exit_code == 0);
  const nlohmann::json unnamed = parse_json(builtin.out);
  CHECK(unnamed["columns"][2]["role"] == "other");
  CHECK(unnamed["diagnostics"][0]["code"] == "unknown-column");

  const Run custom = box.run({"parse", "plan.txt", "--vocab", "vocab"});
  INFO(custom.err);
  REQUIRE(custom.exit_code == 0);
  const nlohmann::json plan = parse_json(custom.out);
  CHECK(plan["columns"][2]["role"] == "deadline");
  CHECK(plan["columns"][2]["header"] == "Target window");
  CHECK(plan["activities"][0]["outcomes"][0]["deadline"]["recurrence"] == "annual");
}

TEST_CASE("parse --vocab with a malformed file or no directory is a usage error on one line", "[cli][vocabulary]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSample));
  fs::create_directory(box.file("vocab"));
  box.write("vocab/en.tsv", "header.name\tName\nno tab on this row\n");
  const Run malformed = box.run({"parse", "plan.txt", "--vocab", "vocab"});
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.out.empty());
  CHECK(is_one_line(malformed.err));
  CHECK(malformed.err.find("en.tsv") != std::string::npos);
  CHECK(malformed.err.find("line 2") != std::string::npos);

  const Run missing = box.run({"parse", "plan.txt", "--vocab", "no-such-dir"});
  CHECK(missing.exit_code == 2);
  CHECK(is_one_line(missing.err));
  CHECK(missing.err.find("no-such-dir") != std::string::npos);
}

TEST_CASE("parse --max-bytes refuses a larger input with exit 1 and one line, suffixes are binary units", "[cli][limits]") {
  Sandbox box;
  box.write("plan.txt", read_bytes(kSample));  // 12472 bytes
  const Run refused = box.run({"parse", "plan.txt", "--max-bytes", "10k"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.empty());
  CHECK(is_one_line(refused.err));
  CHECK(refused.err.find("10240 bytes") != std::string::npos);
  CHECK(box.run({"parse", "plan.txt", "--max-bytes", "13k"}).exit_code == 0);
  CHECK(box.run({"parse", "plan.txt", "--max-bytes", "lots"}).exit_code == 2);
}

TEST_CASE("every sample parses to the same bytes twice in two processes", "[cli][determinism]") {
  Sandbox box;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "samples")) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".json") || name.ends_with(".md") || !entry.is_regular_file()) continue;
    INFO(name);
    const Run first = box.run({"parse", entry.path().string()});
    const Run second = box.run({"parse", entry.path().string()});
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == second.out);
  }
}

TEST_CASE("parse --registry links agencies with a copy of the registry in which the user added a body",
          "[cli][registry]") {
  Sandbox box;
  box.write("plan.txt", "A plan\n\nName\n\nDeadline\n\nAgencies in charge\n\n1\n\nDo it\n\nannually\n\n"
                        "MMG, Ministry of Finance of the Republic of Kazakhstan\n\nAbbreviations:\n\n"
                        "MMG - Ministry of Magic of the Republic of Kazakhstan\n");
  fs::copy_file(fs::path(PLANPARSE_SOURCE_DIR) / "parsers" / "registry" / "agencies.tsv", box.file("agencies.tsv"));
  std::ofstream(box.file("agencies.tsv"), std::ios::app)
      << "magic\tbody\ten\tMMG\tMinistry of Magic of the Republic of Kazakhstan\tcurrent\n";

  const Run builtin = box.run({"parse", "plan.txt"});
  REQUIRE(builtin.exit_code == 0);
  const nlohmann::json before = parse_json(builtin.out);
  CHECK(before["activities"][0]["agencies"][0]["id"].is_null());
  CHECK(before["activities"][0]["agencies"][1]["id"] == "mf");

  const Run custom = box.run({"parse", "plan.txt", "--registry", "agencies.tsv"});
  INFO(custom.err);
  REQUIRE(custom.exit_code == 0);
  const nlohmann::json after = parse_json(custom.out);
  CHECK(after["activities"][0]["agencies"][0]["id"] == "magic");
  CHECK(after["abbreviations"][0]["id"] == "magic");
  CHECK(after["activities"][0]["agencies"][1]["id"] == "mf");

  box.write("broken.tsv", "# a registry\nmagic\tbody\ten\tMMG\n");
  const Run broken = box.run({"parse", "plan.txt", "--registry", "broken.tsv"});
  CHECK(broken.exit_code == 2);
  CHECK(is_one_line(broken.err));
  CHECK(broken.err.find("broken.tsv") != std::string::npos);
  CHECK(broken.err.find("line 2") != std::string::npos);
}

namespace {

// A small page whose second row has its deadline and agencies the wrong way round.
constexpr std::string_view kContradictingPlan =
    "<html><body><h1>Plan</h1><table>\n"
    "<tr><th>No.</th><th>Activity</th><th>Deadline</th><th>Responsible agencies</th></tr>\n"
    "<tr><td>1</td><td>Open a room</td><td>2025</td><td>MCS</td></tr>\n"
    "<tr><td>2</td><td>Close a room</td><td>MCS, MF</td><td>December 2026</td></tr>\n"
    "</table></body></html>\n";

// The same with a column no header word names.
constexpr std::string_view kUnnamedColumnPlan =
    "<html><body><h1>Plan</h1><table>\n"
    "<tr><th>No.</th><th>Activity</th><th>Indicator</th><th>Deadline</th><th>Responsible agencies</th></tr>\n"
    "<tr><td>1</td><td>Open a room</td><td>Rooms open</td><td>2025</td><td>MCS</td></tr>\n"
    "</table></body></html>\n";

}  // namespace

TEST_CASE("parse --strict refuses a plan whose cells contradict their columns, and writes nothing", "[cli][strict]") {
  Sandbox box;
  box.write("plan.html", kContradictingPlan);
  const Run lenient = box.run({"parse", "plan.html"});
  REQUIRE(lenient.exit_code == 0);
  const nlohmann::json plan = parse_json(lenient.out);
  size_t errors = 0;
  for (const auto& d : plan["diagnostics"]) errors += d["severity"] == "error";
  CHECK(errors == 2);

  const Run strict = box.run({"parse", "plan.html", "--strict", "-o", "plan.json"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.empty());
  CHECK(is_one_line(strict.err));
  CHECK_THAT(strict.err, Catch::StartsWith("planparse: plan.html: refused under --strict: 2 error diagnostics") &&
                             Catch::Contains("cell-mismatch") && Catch::EndsWith("at line 4\n"));
  CHECK(box.listing() == std::vector<std::string>{"plan.html"});
}

TEST_CASE("parse --strict passes a plan with a column no header word names: that is a warning", "[cli][strict]") {
  Sandbox box;
  box.write("plan.html", kUnnamedColumnPlan);
  const Run strict = box.run({"parse", "plan.html", "--strict"});
  INFO(strict.err);
  REQUIRE(strict.exit_code == 0);
  const nlohmann::json plan = parse_json(strict.out);
  CHECK(plan["activities"][0]["extra"] == nlohmann::json::parse(R"({"Indicator": "Rooms open"})"));
  CHECK(plan["activities"][0]["outcomes"][0]["deadline"]["to"] == "2025-12-31");
  CHECK(plan["activities"][0]["agencies"][0]["abbr"] == "MCS");
  REQUIRE(plan["diagnostics"].size() >= 1);
  CHECK(plan["diagnostics"][0]["code"] == "unknown-column");
  CHECK(plan["diagnostics"][0]["severity"] == "warning");
}
