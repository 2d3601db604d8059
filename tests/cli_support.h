// The command line as a user meets it, for the tests that run the real planparse binary
// (PLANPARSE_CLI): a fresh temporary directory per test, the command run in it with its
// stdin, stdout and stderr captured apart, and its exit code.
#pragma once

#include <catch2/catch.hpp>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

namespace planparse::testing {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;  // the process's exit status; 128 + N when killed by signal N
  std::string out;
  std::string err;
};

inline std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void write_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

// 'it'\''s' for the shell: every argument is passed through verbatim.
inline std::string shell_quote(std::string_view arg) {
  std::string quoted = "'";
  for (const char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

inline std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

inline bool is_one_line(const std::string& text) { return line_count(text) == 1 && text.back() == '\n'; }

inline nlohmann::json parse_json(const std::string& text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  INFO(text.substr(0, 400));
  REQUIRE_FALSE(json.is_discarded());
  return json;
}

// A fresh directory per test, removed with everything in it when the test ends. The command
// runs in work/ (where the test's files live, so their names print as given); the captured
// stdin, stdout and stderr live in io/, apart, so that work/ holds only what planparse wrote.
class Sandbox {
 public:
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "planparse-cli-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root_ = pattern;
    fs::create_directory(work());
    fs::create_directory(io());
  }
  ~Sandbox() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  fs::path work() const { return root_ / "work"; }
  fs::path io() const { return root_ / "io"; }
  fs::path file(const std::string& name) const { return work() / name; }
  void write(const std::string& name, std::string_view bytes) const { write_bytes(file(name), bytes); }
  std::string read(const std::string& name) const { return read_bytes(file(name)); }

  // The names in work/, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(work())) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  // Runs `planparse ARGS...` in work/ with `input` as its stdin (never the test's own stdin).
  Run run(std::initializer_list<std::string> args, std::string_view input = {}) const {
    write_bytes(io() / "stdin", input);
    std::string command = "cd " + shell_quote(work().string()) + " && " + environment + " exec " + shell_quote(PLANPARSE_CLI);
    for (const std::string& arg : args) command += " " + shell_quote(arg);
    command += " <" + shell_quote((io() / "stdin").string());
    command += " >" + shell_quote((io() / "stdout").string());
    command += " 2>" + shell_quote((io() / "stderr").string());
    const int status = std::system(command.c_str());
    Run run;
    if (status != -1 && WIFEXITED(status)) {
      run.exit_code = WEXITSTATUS(status);
    } else if (status != -1 && WIFSIGNALED(status)) {
      run.exit_code = 128 + WTERMSIG(status);
    }
    run.out = read_bytes(io() / "stdout");
    run.err = read_bytes(io() / "stderr");
    return run;
  }

  // "NAME=value ..." set for every run (SOURCE_DATE_EPOCH=0 for byte-comparable exports).
  std::string environment;

 private:
  fs::path root_;
};

// A copy of the built-in vocabularies (parsers/vocab/*.tsv) in `dir`, with `extra` rows added
// to en.tsv: what a user passes with --vocab after adding a word.
inline void copy_vocabulary(const fs::path& dir, const std::string& extra) {
  fs::create_directories(dir);
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(PLANPARSE_SOURCE_DIR) / "parsers" / "vocab")) {
    if (entry.path().extension() == ".tsv") fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  std::ofstream(dir / "en.tsv", std::ios::app) << extra;
}

}  // namespace planparse::testing
