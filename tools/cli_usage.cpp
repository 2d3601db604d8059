#include "tools/cli_usage.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <limits>

namespace planparse::cli {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal string alignment distance: a swapped pair of letters ("prase") is one edit, as people
// mistype it.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// A word from the command line as it may be shown on one line of stderr: quoted, with control
// bytes escaped so that a newline in an argument cannot start a second, forged line.
std::string shown(std::string_view word) {
  std::string out = "\"";
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '"' || c == '\\') {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : commands_of(app)) names.push_back(command->get_name());
  return names;
}

const CLI::App* command_named(const CLI::App& app, std::string_view name) {
  for (const CLI::App* command : commands_of(app)) {
    if (command->get_name() == name) return command;
  }
  return nullptr;
}

// "--name" and "-n" for every option of `app`, the help flag included.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The option a command-line token names, when it names one of `app`'s: "--max-bytes=1M" and
// "-j4" name --max-bytes and -j.
const CLI::Option* option_for(const CLI::App& app, std::string_view token) {
  for (const CLI::Option* option : app.get_options()) {
    if (token.substr(0, 2) == "--") {
      const std::string_view name = token.substr(2, token.find('=') == std::string_view::npos ? std::string_view::npos
                                                                                             : token.find('=') - 2);
      for (const std::string& long_name : option->get_lnames()) {
        if (long_name == name) return option;
      }
    } else {
      for (const std::string& short_name : option->get_snames()) {
        if (short_name == token.substr(1, 1)) return option;
      }
    }
  }
  return nullptr;
}

// An option-shaped token: "--x..." or "-x" with a letter; "-" (stdin) and "-1" are values.
bool looks_like_option(std::string_view token) {
  if (token.size() < 2 || token[0] != '-') return false;
  if (token[1] == '-') return token.size() > 2;
  return std::isalpha(static_cast<unsigned char>(token[1])) != 0;
}

struct Unknown {
  std::string token;
  const CLI::App* scope = nullptr;  // where it was given: the command, or the program itself
};

// The first option token of argv that neither the program nor its command knows, read the way
// CLI11 reads argv: the command is the first word that is not an option, an option's value is
// the token after it unless given with "=", and "--" ends the options.
std::optional<Unknown> first_unknown_option(const CLI::App& app, const CLI::App* command, int argc,
                                            const char* const* argv) {
  const CLI::App* scope = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string_view token = argv[i];
    if (token == "--") break;
    if (!looks_like_option(token)) {
      if (scope == &app && command != nullptr && token == command->get_name()) scope = command;
      continue;
    }
    const CLI::Option* option = option_for(*scope, token);
    if (option == nullptr && scope != &app) option = option_for(app, token);
    if (option == nullptr) {
      const size_t equals = token.find('=');
      return Unknown{std::string(token.substr(0, token[1] == '-' ? equals : 2)), scope};
    }
    const bool value_attached = token.find('=') != std::string_view::npos || (token[1] != '-' && token.size() > 2);
    if (option->get_type_size() > 0 && !value_attached) ++i;
  }
  return std::nullopt;
}

// CLI11's own message on one line: its "Run with --help" hint dropped, lines joined.
std::string flattened(std::string_view what) {
  std::string out;
  for (const char c : what) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t') {
      out += ' ';
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> near = nearest(word, candidates);
  return near ? "; did you mean " + shown(*near) + "?" : "";
}

}  // namespace

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string folded = lower(word);
  for (const std::string& candidate : candidates) {
    if (lower(candidate) == folded) return candidate;
  }
  std::vector<std::string> prefixed;
  for (const std::string& candidate : candidates) {
    if (folded.size() >= 2 && lower(candidate).rfind(folded, 0) == 0) prefixed.push_back(candidate);
  }
  if (prefixed.size() == 1) return prefixed.front();
  // A one- or two-letter word is near every other; only its case may differ.
  const size_t allowed = word.size() < 3 ? 0 : std::max<size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const size_t d = distance(folded, lower(candidate));
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::optional<size_t> parse_size(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0) return std::nullopt;
  size_t value = 0;
  for (size_t i = 0; i < digits; ++i) {
    const size_t digit = static_cast<size_t>(text[i] - '0');
    if (value > (std::numeric_limits<size_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  const std::string unit = lower(text.substr(digits));
  size_t scale = 0;
  if (unit.empty() || unit == "b") scale = 1;
  if (unit == "k" || unit == "kb" || unit == "kib") scale = size_t{1} << 10;
  if (unit == "m" || unit == "mb" || unit == "mib") scale = size_t{1} << 20;
  if (unit == "g" || unit == "gb" || unit == "gib") scale = size_t{1} << 30;
  if (scale == 0 || value == 0 || value > std::numeric_limits<size_t>::max() / scale) return std::nullopt;
  return value * scale;
}

std::string usage_error(const CLI::App& app, std::string_view what, int argc, const char* const* argv) {
  // The command word: the first token that is not an option (the program's own options take no
  // value).
  std::optional<std::string> word;
  for (int i = 1; i < argc && !word; ++i) {
    const std::string_view token = argv[i];
    if (token == "--") break;
    if (!looks_like_option(token)) word = std::string(token);
  }
  const std::string commands = joined(command_names(app));
  const CLI::App* command = word ? command_named(app, *word) : nullptr;
  if (const std::optional<Unknown> unknown = first_unknown_option(app, command, argc, argv)) {
    const bool in_command = unknown->scope != &app;
    const std::string who = in_command ? "planparse " + unknown->scope->get_name() : "planparse";
    std::vector<std::string> known = option_names(*unknown->scope);
    if (in_command) {
      for (std::string& name : option_names(app)) known.push_back(std::move(name));
    }
    return who + ": unknown option " + shown(unknown->token) + suggestion(unknown->token, known) + " (planparse help" +
           (in_command ? " " + unknown->scope->get_name() : "") + " lists the options)";
  }
  if (!word) return "planparse: no command given; the commands are " + commands + " (planparse help COMMAND for one)";
  if (command == nullptr) {
    const std::optional<std::string> near = nearest(*word, command_names(app));
    return "planparse: unknown command " + shown(*word) +
           (near ? "; did you mean " + shown(*near) + "?" : "; the commands are " + commands) +
           " (planparse help lists them)";
  }
  return "planparse " + command->get_name() + ": " + flattened(what) + " (planparse help " + command->get_name() +
         ")";
}

}  // namespace planparse::cli
