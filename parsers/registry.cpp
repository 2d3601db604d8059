// Stage 7, link. See registry.h.
#include "parsers/registry.h"

#include "ingest/source.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>
#include <unordered_map>

#include "parsers/text.h"
#include "registry_agencies.h"

namespace planparse {
namespace {

bool is_word_char(char32_t c) { return is_letter(c) || (c >= U'0' && c <= U'9'); }

// Calls on_word with each run of letters and digits of `text` and on_other with each code point
// between them, in order.
template <class OnWord, class OnOther>
void scan_words(std::string_view text, OnWord on_word, OnOther on_other) {
  std::u32string word;
  for (char32_t c : to_u32(text)) {
    if (is_word_char(c)) {
      word.push_back(c);
      continue;
    }
    if (!word.empty()) on_word(std::as_const(word));
    word.clear();
    on_other(c);
  }
  if (!word.empty()) on_word(std::as_const(word));
}

// Case-folded words of `text`, in order; anything that is not a letter or digit separates.
std::vector<std::string> raw_words(std::string_view text) {
  std::vector<std::string> words;
  scan_words(text, [&](const std::u32string& word) { words.push_back(fold_case(to_utf8(word))); }, [](char32_t) {});
  return words;
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Failure malformed(int line, std::string what) {
  return Failure{Code::invalid_vocabulary, "registry: " + std::move(what), "line " + std::to_string(line)};
}

// Whether two code point strings are at most one substitution, insertion or deletion apart.
bool within_one_edit(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or one letter added at the end
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);  // one substitution
  return a.substr(i) == b.substr(i + 1);                                // one insertion
}

}  // namespace

std::vector<std::string> comparison_words(const Registry& registry, std::string_view name) {
  std::vector<std::string> out;
  for (std::string& word : raw_words(name)) {
    if (std::find(registry.ignored.begin(), registry.ignored.end(), word) != registry.ignored.end()) continue;
    auto shorthand = std::find_if(registry.shorthands.begin(), registry.shorthands.end(),
                                  [&](const auto& entry) { return entry.first == word; });
    if (shorthand == registry.shorthands.end()) {
      out.push_back(std::move(word));
      continue;
    }
    for (const std::string& expanded : shorthand->second) {
      if (std::find(registry.ignored.begin(), registry.ignored.end(), expanded) == registry.ignored.end())
        out.push_back(expanded);
    }
  }
  return out;
}

bool words_match(std::string_view a, std::string_view b) {
  if (a == b) return true;
  std::u32string x = to_u32(a), y = to_u32(b);
  if (x.size() > y.size()) std::swap(x, y);
  size_t common = 0;
  while (common < x.size() && x[common] == y[common]) ++common;
  if (common == x.size() && x.size() >= 3) return true;                   // a prefix: an ending added
  if (common >= 4 && common + 2 >= x.size()) return true;                 // another ending
  return x.size() >= 6 && within_one_edit(x, y);                          // a slip of one letter
}

bool names_match(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!words_match(a[i], b[i])) return false;
  }
  return true;
}

Result<Registry> parse_registry(std::string_view tsv) {
  Registry registry;
  std::unordered_map<std::string, size_t> body_index;
  struct Pending {
    std::string id, kind;
    RegistryName name;
  };
  std::vector<Pending> rows;
  int line_number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const std::vector<std::string_view> cells = split(line, '\t');
    if (cells.size() != 6) return malformed(line_number, "a row has 6 tab-separated columns, this one " + std::to_string(cells.size()));
    const std::string id(trim(cells[0])), kind(trim(cells[1])), language(trim(cells[2]));
    const std::string abbr(trim(cells[3])), name(trim(cells[4])), status(trim(cells[5]));
    if (language != "en" && language != "ru" && language != "kk") return malformed(line_number, "unknown language \"" + language + "\"");
    if (status != "current" && status != "former") return malformed(line_number, "status is current or former, not \"" + status + "\"");
    if (kind == "shorthand") {
      if (abbr.empty() || name.empty()) return malformed(line_number, "a shorthand needs a short form and its expansion");
      registry.shorthands.emplace_back(fold_case(abbr), raw_words(name));
      continue;
    }
    if (kind == "ignore") {
      if (name.empty()) return malformed(line_number, "an ignored word is in the name column");
      registry.ignored.push_back(fold_case(name));
      continue;
    }
    if (kind != "body" && kind != "group") return malformed(line_number, "unknown kind \"" + kind + "\"");
    if (!valid_id(id)) return malformed(line_number, "an id is lower-case letters, digits and hyphens, not \"" + id + "\"");
    if (name.empty()) return malformed(line_number, "empty name");
    rows.push_back(Pending{id, kind, RegistryName{language, abbr, name, status == "former", line_number, {}}});
  }
  // Words are computed once every shorthand and ignored word is known, wherever they stand.
  for (Pending& row : rows) {
    row.name.words = comparison_words(registry, row.name.name);
    auto [it, inserted] = body_index.emplace(row.id, registry.bodies.size());
    if (inserted) registry.bodies.push_back(RegistryBody{row.id, row.kind, {}});
    RegistryBody& body = registry.bodies[it->second];
    if (body.kind != row.kind) return malformed(row.name.line, "id \"" + row.id + "\" is given two kinds");
    body.names.push_back(std::move(row.name));
  }
  return registry;
}

const Registry& builtin_registry() {
  static const Registry registry = [] {
    Result<Registry> parsed = parse_registry(generated::registry_agencies);
    return parsed.ok() ? std::move(parsed.value()) : Registry{};  // test_registry.cpp fails loudly
  }();
  return registry;
}

Result<Registry> load_registry_file(const std::string& path) {
  Result<std::string> text = read_data_file(path, "registry");
  if (!text.ok()) return text.error();
  Result<Registry> parsed = parse_registry(text.value());
  if (!parsed.ok()) return Failure{parsed.error().code, path + ": " + parsed.error().message, parsed.error().where};
  return parsed;
}

const RegistryBody* find_body(const Registry& registry, std::string_view name) {
  const std::vector<std::string> words = comparison_words(registry, name);
  for (const RegistryBody& body : registry.bodies) {
    for (const RegistryName& known : body.names) {
      if (names_match(words, known.words)) return &body;
    }
  }
  return nullptr;
}

void link_agencies(Plan& plan, const Registry& registry) {
  // Plans repeat the same few bodies in every row: each distinct name is looked up once.
  std::unordered_map<std::string, std::optional<std::string>> found;
  auto id_of = [&](const std::string& name) -> std::optional<std::string> {
    auto it = found.find(name);
    if (it == found.end()) {
      const RegistryBody* body = find_body(registry, name);
      it = found.emplace(name, body ? std::optional<std::string>(body->id) : std::nullopt).first;
    }
    return it->second;
  };
  // A written-out name may hold the plan's own abbreviations ("Academy of Justice under the SC"):
  // each word that is one is read as the glossary's name for it.
  auto expanded = [&](const std::string& name) {
    std::string out;
    scan_words(
        name,
        [&](const std::u32string& word) {
          const std::string text = to_utf8(word);
          auto entry = std::find_if(plan.abbreviations.begin(), plan.abbreviations.end(),
                                    [&](const Abbreviation& abbreviation) { return abbreviation.abbr == text; });
          out += entry == plan.abbreviations.end() ? text : entry->name;
        },
        [&](char32_t c) { out += to_utf8(std::u32string(1, c)); });
    return out;
  };
  for (Abbreviation& abbreviation : plan.abbreviations) abbreviation.id = id_of(abbreviation.name);
  for (Activity& activity : plan.activities) {
    for (Agency& agency : activity.agencies) {
      if (!agency.name) continue;
      agency.id = agency.abbr ? id_of(*agency.name) : id_of(expanded(*agency.name));
    }
  }
}

}  // namespace planparse
