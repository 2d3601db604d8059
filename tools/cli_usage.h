// How the command line answers a mistake. CLI11 reports a parse error in its own words, over two
// lines and without our prefix; a user who typed `planparse pars` or `--encodng` wants one
// `planparse:` line that names what was not understood and, when a known name is close, what was
// probably meant. Sizes are parsed here too, because CLI11's size transform reads "-1" as the
// largest number there is, which would turn a typo into "no limit".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace planparse::cli {

// The candidate `word` most probably stands for: the same name in another case, the only name it
// begins, or the nearest by edit distance (at most one edit per three characters, and at least
// one); none when nothing is that close.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// SIZE as the options take it: a whole number of bytes greater than zero, optionally followed by
// k, M or G (KiB, MiB, GiB; "KiB", "kB", "MB", ... are read the same way). None for anything
// else: a sign, a fraction, an unknown unit, or a value that does not fit.
std::optional<size_t> parse_size(std::string_view text);

// The one line (without the trailing newline) that reports a parse error (CLI11's `what`) met while `app` parsed
// argv: "planparse: unknown command \"pars\"; did you mean \"parse\"? ...".
std::string usage_error(const CLI::App& app, std::string_view what, int argc, const char* const* argv);

}  // namespace planparse::cli
