// Stage 1-2 for Word documents. See docx.h.
#include "parsers/docx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ascii.h"
#include "parsers/normalise.h"

namespace planparse {
namespace {

// WordprocessingML's namespace, transitional (what Word writes) and strict.
constexpr std::array<std::string_view, 2> kWordNamespaces = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr std::string_view kDcNamespace = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNamespace = "http://purl.org/dc/terms/";
constexpr size_t kReadChunk = 64 * 1024;
// As a page's table (html.cpp): colspan at most 1000, at most 20 million grid positions a table.
constexpr long kMaxGridSpan = 1000;
constexpr long kMaxGridCells = 20'000'000;
constexpr int kLevels = 9;  // list levels 0-8

// --- The package ---------------------------------------------------------------------------

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Archive = std::unique_ptr<zip_t, ZipClose>;
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;

Failure damaged(std::string what) {
  return Failure{Code::unsupported_format,
                 "a damaged Word document is not read (" + what + "); open it in Word and save it again", ""};
}

Result<Archive> open_package(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return damaged("the ZIP archive cannot be opened");
  }
  Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return damaged("the ZIP archive cannot be opened: " + reason);
  }
  zip_error_fini(&error);
  return archive;
}

// Reads one part by its exact name; nullopt when the package has none. `budget` is what may
// still be unpacked (--max-bytes less the parts read before), `archive_size` the package's.
Result<std::optional<std::string>> read_part(zip_t* archive, const char* name, size_t& budget, size_t max_bytes,
                                             size_t archive_size) {
  const zip_int64_t index = zip_name_locate(archive, name, ZIP_FL_ENC_RAW);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return damaged(std::string(name) + " cannot be found in the archive");
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return Failure{Code::unsupported_format,
                   "an encrypted Word document is not read (" + std::string(name) +
                       " is encrypted); open it, remove the password and save it as Word (.docx)",
                   ""};
  }
  if ((stat.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(stat.comp_method, 0)) {
    return damaged(std::string(name) + " is compressed with a method planparse cannot unpack");
  }
  // The compressed size bounds the ratio; the header's own claim is capped by the package's size.
  size_t compressed = archive_size;
  if (stat.valid & ZIP_STAT_COMP_SIZE) compressed = static_cast<size_t>(std::min<zip_uint64_t>(stat.comp_size, archive_size));
  compressed = std::max<size_t>(compressed, 1);
  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
  if (!file) return damaged(std::string(name) + " cannot be unpacked: " + zip_strerror(archive));
  std::string out;
  for (;;) {
    const size_t start = out.size();
    out.resize(start + kReadChunk);
    const zip_int64_t got = zip_fread(file.get(), out.data() + start, kReadChunk);
    if (got < 0) return damaged(std::string(name) + " cannot be unpacked: " + zip_file_strerror(file.get()));
    out.resize(start + static_cast<size_t>(got));
    if (out.size() > budget) {
      return Failure{Code::limit_exceeded,
                     "the Word document unpacks to more than " + std::to_string(max_bytes) +
                         " bytes (the --max-bytes limit)",
                     name};
    }
    if (out.size() > kInflationFloor && out.size() / compressed > kMaxInflation) {
      return Failure{Code::limit_exceeded,
                     "a part of the Word document inflates to more than " + std::to_string(kMaxInflation) +
                         " times its compressed size (a zip bomb?)",
                     name};
    }
    if (got == 0) break;
  }
  budget -= out.size();
  return std::optional<std::string>(std::move(out));
}

// A part as XML: network off, no DTD loaded, no entity substituted, libxml2's depth and size
// limits kept (a Word document nests a few dozen elements).
Result<XmlDoc> parse_part(const std::string& text, const char* name) {
  if (text.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Failure{Code::limit_exceeded, std::string(name) + " is too large for the XML parser", name};
  }
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> context(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!context) throw std::bad_alloc();
  XmlDoc doc(xmlCtxtReadMemory(context.get(), text.data(), static_cast<int>(text.size()), name, nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    const xmlError& error = context->lastError;
    std::string message = error.message ? std::string(error.message) : std::string("no document");
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return Failure{Code::not_a_plan, std::string(name) + " is not well-formed XML: " + message,
                   error.line > 0 ? "line " + std::to_string(error.line) + " of " + name : std::string(name)};
  }
  return doc;
}

// --- XML helpers ---------------------------------------------------------------------------

std::string_view name_of(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool in_namespace(const xmlNs* ns, std::string_view href) {
  return ns != nullptr && ns->href != nullptr && std::string_view(reinterpret_cast<const char*>(ns->href)) == href;
}

bool is_word_ns(const xmlNs* ns) {
  return std::any_of(kWordNamespaces.begin(), kWordNamespaces.end(), [&](std::string_view href) { return in_namespace(ns, href); });
}

// A WordprocessingML element named `local`.
bool is_w(const xmlNode* node, std::string_view local) {
  return node->type == XML_ELEMENT_NODE && is_word_ns(node->ns) && name_of(node) == local;
}

const xmlNode* w_child(const xmlNode* node, std::string_view local) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (is_w(child, local)) return child;
  }
  return nullptr;
}

// The value of a w: attribute; nullopt when absent.
std::optional<std::string> w_attribute(const xmlNode* node, std::string_view local) {
  if (node == nullptr) return std::nullopt;
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (!is_word_ns(attr->ns) || std::string_view(reinterpret_cast<const char*>(attr->name)) != local) continue;
    std::string value;
    for (const xmlNode* text = attr->children; text; text = text->next) {
      if (text->content) value += reinterpret_cast<const char*>(text->content);
    }
    return value;
  }
  return std::nullopt;
}

std::string w_val(const xmlNode* node) { return w_attribute(node, "val").value_or(""); }

// An on/off property (<w:vanish/>, <w:vanish w:val="false"/>): on unless its value says off.
bool is_on(const xmlNode* property) {
  if (property == nullptr) return false;
  const std::optional<std::string> value = w_attribute(property, "val");
  return !value || (*value != "false" && *value != "0" && *value != "off");
}

long to_long(std::string_view text, long fallback) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return fallback;
  return value;
}

// The text of an element's text children (w:t, dc:title).
std::string text_of(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  return text;
}

// --- Numbering -----------------------------------------------------------------------------

struct Level {
  long start = 0;                  // w:start (ECMA-376's default is 0; Word writes it)
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, "%1."
  std::string suffix = "tab";      // w:suff: tab, space, nothing
  bool legal = false;              // w:isLgl: every level's number in decimal
};

struct AbstractList {
  std::array<Level, kLevels> levels{};
};

struct ListInstance {
  std::string abstract_id;
  std::array<std::optional<long>, kLevels> start_override{};
  std::array<std::optional<Level>, kLevels> level_override{};
  bool restarts = false;  // a startOverride: this instance counts on its own
};

struct Numbering {
  std::map<std::string, AbstractList> abstracts;
  std::map<std::string, ListInstance> instances;
};

Level read_level(const xmlNode* lvl) {
  Level level;
  if (const xmlNode* start = w_child(lvl, "start")) level.start = to_long(w_val(start), 0);
  if (const xmlNode* format = w_child(lvl, "numFmt")) level.format = w_val(format);
  if (const xmlNode* text = w_child(lvl, "lvlText")) level.text = w_val(text);
  if (const xmlNode* suffix = w_child(lvl, "suff")) level.suffix = w_val(suffix);
  level.legal = is_on(w_child(lvl, "isLgl"));
  return level;
}

int level_index(const xmlNode* node) {
  const long index = to_long(w_attribute(node, "ilvl").value_or("0"), 0);
  return static_cast<int>(std::clamp(index, 0L, static_cast<long>(kLevels - 1)));
}

Numbering read_numbering(const xmlDoc* doc) {
  Numbering numbering;
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* node = root ? root->children : nullptr; node; node = node->next) {
    if (is_w(node, "abstractNum")) {
      AbstractList& list = numbering.abstracts[w_attribute(node, "abstractNumId").value_or("")];
      for (const xmlNode* lvl = node->children; lvl; lvl = lvl->next) {
        if (is_w(lvl, "lvl")) list.levels[static_cast<size_t>(level_index(lvl))] = read_level(lvl);
      }
    } else if (is_w(node, "num")) {
      ListInstance& instance = numbering.instances[w_attribute(node, "numId").value_or("")];
      instance.abstract_id = w_val(w_child(node, "abstractNumId"));
      for (const xmlNode* over = node->children; over; over = over->next) {
        if (!is_w(over, "lvlOverride")) continue;
        const auto index = static_cast<size_t>(level_index(over));
        if (const xmlNode* start = w_child(over, "startOverride")) {
          instance.start_override[index] = to_long(w_val(start), 0);
          instance.restarts = true;
        }
        if (const xmlNode* lvl = w_child(over, "lvl")) instance.level_override[index] = read_level(lvl);
      }
    }
  }
  return numbering;
}

std::string roman(long n, bool upper) {
  static constexpr std::array<std::pair<long, const char*>, 13> kDigits = {
      {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"},
       {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Word's lettered lists: A … Z, then AA … ZZ, AAA …, the letter repeated.
std::string letters(long n, const std::vector<std::string>& alphabet) {
  const auto size = static_cast<long>(alphabet.size());
  const long repeat = std::min((n - 1) / size + 1, 50L);
  std::string out;
  for (long i = 0; i < repeat; ++i) out += alphabet[static_cast<size_t>((n - 1) % size)];
  return out;
}

const std::vector<std::string>& latin(bool upper) {
  static const std::vector<std::string> kUpper = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
                                                  "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
  static const std::vector<std::string> kLower = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                                  "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
  return upper ? kUpper : kLower;
}

// Word's Russian list letters: the alphabet without Ё, Й, Ъ, Ы and Ь.
const std::vector<std::string>& cyrillic(bool upper) {
  static const std::vector<std::string> kUpper = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О",
                                                  "П", "Р", "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Э", "Ю", "Я"};
  static const std::vector<std::string> kLower = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о",
                                                  "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"};
  return upper ? kUpper : kLower;
}

std::string format_number(long n, std::string_view format) {
  if (format == "none") return "";
  if (n >= 1 && n < 4000 && (format == "upperRoman" || format == "lowerRoman")) return roman(n, format == "upperRoman");
  if (n >= 1 && (format == "upperLetter" || format == "lowerLetter")) return letters(n, latin(format == "upperLetter"));
  if (n >= 1 && (format == "russianUpper" || format == "russianLower")) return letters(n, cyrillic(format == "russianUpper"));
  if (format == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);  // decimal, and the forms planparse does not spell (ordinal words, …)
}

// Where a paragraph's number comes from: its own w:numPr, else its style's.
struct NumberingRef {
  std::string num_id;
  int level = 0;
};

class Counters {
 public:
  explicit Counters(const Numbering& numbering) : numbering_(numbering) {}

  // The text Word shows before a paragraph of list `num_id` at `level_index` ("3.", "II.",
  // "1.2."), with its suffix; "" for no list. Advances the counters.
  std::string next(const NumberingRef& ref) {
    const auto instance = numbering_.instances.find(ref.num_id);
    if (instance == numbering_.instances.end()) return "";
    const auto abstract = numbering_.abstracts.find(instance->second.abstract_id);
    if (abstract == numbering_.abstracts.end()) return "";
    const ListInstance& list = instance->second;
    const auto level_of = [&](size_t l) -> const Level& {
      return list.level_override[l] ? *list.level_override[l] : abstract->second.levels[l];
    };
    const auto start_of = [&](size_t l) { return list.start_override[l] ? *list.start_override[l] : level_of(l).start; };
    State& state = states_[list.restarts ? "num:" + ref.num_id : "abstract:" + list.abstract_id];
    const auto at = static_cast<size_t>(ref.level);
    if (!state.used[at] || state.value[at] == std::numeric_limits<long>::max()) {
      state.value[at] = start_of(at);
    } else {
      ++state.value[at];
    }
    state.used[at] = true;
    for (size_t l = at + 1; l < kLevels; ++l) state.used[l] = false;

    const Level& level = level_of(at);
    std::string text;
    if (level.format == "bullet") {
      text = bullet(level.text);
    } else {
      const std::string& pattern = level.text;
      for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
          const auto l = static_cast<size_t>(pattern[i + 1] - '1');
          const long value = state.used[l] ? state.value[l] : start_of(l);
          text += format_number(value, level.legal ? "decimal" : level_of(l).format);
          ++i;
        } else {
          text += pattern[i];
        }
      }
    }
    if (text.empty()) return "";
    return level.suffix == "nothing" ? text : text + " ";
  }

 private:
  struct State {
    std::array<long, kLevels> value{};
    std::array<bool, kLevels> used{};
  };

  // A bullet as text: Word's symbol-font bullets (private-use code points) become "•".
  static std::string bullet(const std::string& text) {
    if (text.empty()) return "•";
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead == 0xEF && text.size() >= 3 && static_cast<unsigned char>(text[1]) >= 0x80 &&
        static_cast<unsigned char>(text[1]) <= 0xA3)
      return "•";  // U+F000-U+F8FF
    return text;
  }

  const Numbering& numbering_;
  std::map<std::string, State> states_;
};

// --- Styles --------------------------------------------------------------------------------

struct Style {
  std::string name;      // lower case: "title", "heading 1"
  std::string based_on;  // a style id
  std::optional<NumberingRef> numbering;
};

std::map<std::string, Style> read_styles(const xmlDoc* doc) {
  std::map<std::string, Style> styles;
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* node = root ? root->children : nullptr; node; node = node->next) {
    if (!is_w(node, "style") || w_attribute(node, "type").value_or("paragraph") != "paragraph") continue;
    Style& style = styles[w_attribute(node, "styleId").value_or("")];
    style.name = w_val(w_child(node, "name"));
    for (char& c : style.name) c = ascii::lower(c);
    style.based_on = w_val(w_child(node, "basedOn"));
    if (const xmlNode* num = w_child(w_child(node, "pPr"), "numPr")) {
      const long level = to_long(w_val(w_child(num, "ilvl")), 0);
      style.numbering = NumberingRef{w_val(w_child(num, "numId")), static_cast<int>(std::clamp(level, 0L, 8L))};
    }
  }
  return styles;
}

// --- The body ------------------------------------------------------------------------------

class Walker {
 public:
  Walker(const Numbering& numbering, const std::map<std::string, Style>& styles)
      : counters_(numbering), styles_(styles) {}

  Result<Blocks> walk(const xmlNode* body) {
    blocks(body);
    flush();
    if (too_large_) return *too_large_;
    // The title paragraph is read first, as a page's <h1>.
    if (title_ && title_->first > 0) {
      auto& paragraphs = blocks_.paragraphs;
      std::rotate(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(title_->first),
                  paragraphs.begin() + static_cast<std::ptrdiff_t>(title_->second));
    }
    return std::move(blocks_);
  }

 private:
  // Block-level content: a body, a cell, a content control's content.
  void blocks(const xmlNode* parent) {
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE || !is_word_ns(node->ns)) continue;
      const std::string_view name = name_of(node);
      if (name == "p") {
        paragraph(node);
      } else if (name == "tbl") {
        table(node);
      } else if (name == "sdt") {
        if (const xmlNode* content = w_child(node, "sdtContent")) blocks(content);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        blocks(node);
      }
      // w:del, w:moveFrom: gone from the document as it reads now; w:sectPr and marks: no text.
    }
  }

  std::optional<NumberingRef> numbering_of(const xmlNode* properties, const std::string& style_id) const {
    std::optional<NumberingRef> ref;
    // The style's list, along its basedOn chain (a few steps; a cycle stops at the bound).
    std::string id = style_id;
    for (int step = 0; step < 16 && !id.empty() && !ref; ++step) {
      const auto style = styles_.find(id);
      if (style == styles_.end()) break;
      ref = style->second.numbering;
      id = style->second.based_on;
    }
    if (const xmlNode* num = w_child(properties, "numPr")) {
      NumberingRef own = ref.value_or(NumberingRef{});
      if (const xmlNode* id_node = w_child(num, "numId")) own.num_id = w_val(id_node);
      if (const xmlNode* level = w_child(num, "ilvl")) own.level = static_cast<int>(std::clamp(to_long(w_val(level), 0), 0L, 8L));
      ref = own;
    }
    if (ref && (ref->num_id.empty() || ref->num_id == "0")) return std::nullopt;  // numId 0: no list
    return ref;
  }

  bool is_title_style(const std::string& style_id, std::string_view wanted) const {
    const auto style = styles_.find(style_id);
    if (style != styles_.end()) return style->second.name == wanted;
    // No styles part: Word's own ids.
    return (wanted == "title" && style_id == "Title") || (wanted == "heading 1" && style_id == "Heading1");
  }

  void paragraph(const xmlNode* p) {
    flush();
    after_line_break_ = false;
    line_ = ++ordinal_;
    const size_t first = blocks_.paragraphs.size();
    const xmlNode* properties = w_child(p, "pPr");
    const std::string style_id = w_val(w_child(properties, "pStyle"));
    // A continued merged cell is not shown: its paragraphs take no number.
    if (!in_continued_cell_) {
      if (std::optional<NumberingRef> ref = numbering_of(properties, style_id)) current_ = counters_.next(*ref);
    }
    runs(p);
    flush();
    if (table_depth_ == 0 && blocks_.paragraphs.size() > first && !style_id.empty()) {
      if (is_title_style(style_id, "title") && !title_found_) {
        title_ = {first, blocks_.paragraphs.size()};
        title_found_ = true;
      } else if (is_title_style(style_id, "heading 1") && !title_) {
        title_ = {first, blocks_.paragraphs.size()};
      }
    }
  }

  // Inline content: runs and what wraps them.
  void runs(const xmlNode* parent) {
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE || !is_word_ns(node->ns)) continue;
      const std::string_view name = name_of(node);
      if (name == "r") {
        run(node);
      } else if (name == "sdt") {
        if (const xmlNode* content = w_child(node, "sdtContent")) runs(content);
      } else if (name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
                 name == "customXml" || name == "fldSimple" || name == "dir" || name == "bdo") {
        runs(node);  // a simple field's runs are its result; its code is the w:instr attribute
      }
      // w:del, w:moveFrom: dropped; w:pPr, bookmarks, comments' marks: no text.
    }
  }

  bool in_field_code() const { return std::find(fields_.begin(), fields_.end(), false) != fields_.end(); }

  void run(const xmlNode* r) {
    const xmlNode* properties = w_child(r, "rPr");
    const bool hidden = is_on(w_child(properties, "vanish")) || is_on(w_child(properties, "specVanish"));
    for (const xmlNode* node = r->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE || !is_word_ns(node->ns)) continue;
      const std::string_view name = name_of(node);
      if (name == "fldChar") {
        // begin … (code) … separate … (result) … end; fields nest.
        const std::string type = w_attribute(node, "fldCharType").value_or("");
        if (type == "begin") {
          fields_.push_back(false);
        } else if (type == "separate" && !fields_.empty()) {
          fields_.back() = true;
        } else if (type == "end" && !fields_.empty()) {
          fields_.pop_back();
        }
        continue;
      }
      if (hidden || in_field_code()) continue;
      if (name == "t") {
        current_ += text_of(node);
      } else if (name == "tab" || name == "ptab") {
        current_ += ' ';
      } else if (name == "br" || name == "cr") {
        flush();
        after_line_break_ = true;
      } else if (name == "noBreakHyphen") {
        current_ += '-';
      }
      // w:instrText, w:delText, w:delInstrText, w:sym, drawings: no text of the document.
    }
  }

  // The rows of a table, and the cells of a row, through the content controls and custom XML
  // that may wrap them.
  static void children_named(const xmlNode* parent, std::string_view local, std::vector<const xmlNode*>& out) {
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE || !is_word_ns(node->ns)) continue;
      if (name_of(node) == local) {
        out.push_back(node);
      } else if (name_of(node) == "sdt") {
        if (const xmlNode* content = w_child(node, "sdtContent")) children_named(content, local, out);
      } else if (name_of(node) == "customXml") {
        children_named(node, local, out);
      }
    }
  }

  // How many grid rows each vertically merged cell ("restart") covers: itself and the
  // "continue" cells right below it that start at its column. Counted from the last row up, so
  // that each cell is looked at once.
  static std::map<const xmlNode*, long> merged_rows(const std::vector<const xmlNode*>& rows) {
    std::map<const xmlNode*, long> spans;
    std::map<long, long> below;  // grid column -> continue cells from the row below down
    for (auto tr = rows.rbegin(); tr != rows.rend(); ++tr) {
      const xmlNode* row_properties = w_child(*tr, "trPr");
      if (w_child(row_properties, "del") != nullptr) continue;
      std::map<long, long> here;
      long column = std::clamp(to_long(w_val(w_child(row_properties, "gridBefore")), 0), 0L, kMaxGridSpan);
      std::vector<const xmlNode*> cells;
      children_named(*tr, "tc", cells);
      for (const xmlNode* tc : cells) {
        const xmlNode* cell_properties = w_child(tc, "tcPr");
        const long span = std::clamp(to_long(w_val(w_child(cell_properties, "gridSpan")), 1), 1L, kMaxGridSpan);
        if (const xmlNode* merge = w_child(cell_properties, "vMerge")) {
          const auto found = below.find(column);
          const long continuing = found == below.end() ? 0 : found->second;
          if (w_val(merge) == "restart") {
            if (continuing > 0) spans[tc] = 1 + continuing;
          } else {
            here[column] = continuing + 1;
          }
        }
        column += span;
      }
      below = std::move(here);
    }
    return spans;
  }

  void table(const xmlNode* tbl) {
    flush();
    const int id = table_count_++;
    ++table_depth_;
    const GridPosition outer = grid_;
    const bool outer_continued = in_continued_cell_;
    grid_ = GridPosition{};
    std::vector<const xmlNode*> rows;
    children_named(tbl, "tr", rows);
    const std::map<const xmlNode*, long> spans = merged_rows(rows);
    long row = 0;
    long width = 0;
    for (const xmlNode* tr : rows) {
      const xmlNode* row_properties = w_child(tr, "trPr");
      if (w_child(row_properties, "del") != nullptr) continue;  // a row deleted under tracked changes
      long column = std::clamp(to_long(w_val(w_child(row_properties, "gridBefore")), 0), 0L, kMaxGridSpan);
      std::vector<const xmlNode*> cells;
      children_named(tr, "tc", cells);
      for (const xmlNode* tc : cells) {
        const xmlNode* cell_properties = w_child(tc, "tcPr");
        const long span = std::clamp(to_long(w_val(w_child(cell_properties, "gridSpan")), 1), 1L, kMaxGridSpan);
        const xmlNode* merge = w_child(cell_properties, "vMerge");
        width = std::max(width, column + span);
        if ((row + 1) * width > kMaxGridCells) {
          if (!too_large_) {
            too_large_ = Failure{Code::limit_exceeded,
                                 "table " + std::to_string(id + 1) + " has more than " + std::to_string(kMaxGridCells) +
                                     " grid cells (rows x columns)",
                                 "paragraph " + std::to_string(ordinal_ + 1)};
          }
          break;
        }
        const auto merged = spans.find(tc);
        const long rowspan = merged == spans.end() ? 1 : std::min<long>(merged->second, kMaxSpan);
        grid_ = GridPosition{id, static_cast<int>(row), static_cast<int>(column), static_cast<uint16_t>(span),
                             static_cast<uint16_t>(rowspan)};
        in_continued_cell_ = merge != nullptr && w_val(merge) != "restart";
        blocks(tc);
        flush();
        column += span;
      }
      if (too_large_) break;
      ++row;
    }
    grid_ = outer;
    in_continued_cell_ = outer_continued;
    --table_depth_;
  }

  void flush() {
    if (current_.empty()) return;
    std::string text = normalise_fragment(current_);
    current_.clear();
    if (text.empty()) return;
    Paragraph& made = blocks_.paragraphs.emplace_back(Paragraph{std::move(text), std::max(line_, 1), grid_});
    made.after_line_break = after_line_break_;
    after_line_break_ = false;
  }

  Counters counters_;
  const std::map<std::string, Style>& styles_;
  Blocks blocks_;
  std::string current_;
  bool after_line_break_ = false;  // the paragraph being read follows a w:br of its w:p
  GridPosition grid_{};
  int ordinal_ = 0;  // w:p elements met so far: the line of the paragraph being read
  int line_ = 1;
  int table_count_ = 0;
  int table_depth_ = 0;
  bool in_continued_cell_ = false;
  std::vector<bool> fields_;  // open complex fields, innermost last: true once past "separate"
  std::optional<std::pair<size_t, size_t>> title_;  // the title paragraph's pieces in blocks_
  bool title_found_ = false;                        // a Title-styled one (a Heading 1 gives way to it)
  std::optional<Failure> too_large_;
};

// docProps/core.xml: its title and its dates (modified, then created).
struct CoreProperties {
  std::string title;
  std::vector<std::string> dates;
};

CoreProperties read_core(const xmlDoc* doc) {
  CoreProperties core;
  std::string modified, created;
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* node = root ? root->children : nullptr; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = name_of(node);
    if (in_namespace(node->ns, kDcNamespace) && name == "title") core.title = normalise_fragment(text_of(node));
    if (in_namespace(node->ns, kDcTermsNamespace) && name == "modified") modified = normalise_fragment(text_of(node));
    if (in_namespace(node->ns, kDcTermsNamespace) && name == "created") created = normalise_fragment(text_of(node));
  }
  for (std::string* date : {&modified, &created}) {
    if (!date->empty()) core.dates.push_back(std::move(*date));
  }
  return core;
}

}  // namespace

Result<Blocks> read_docx(std::string_view bytes, size_t max_bytes) {
  Result<Archive> archive = open_package(bytes);
  if (!archive.ok()) return archive.error();
  zip_t* zip = archive.value().get();
  size_t budget = max_bytes;
  const auto read = [&](const char* name) { return read_part(zip, name, budget, max_bytes, bytes.size()); };

  Result<std::optional<std::string>> document_text = read("word/document.xml");
  if (!document_text.ok()) return document_text.error();
  if (!document_text.value()) {
    return Failure{Code::unsupported_format,
                   "a Word document without word/document.xml (its text) is not read: the file is damaged; open it in "
                   "Word and save it again",
                   ""};
  }
  Result<XmlDoc> document = parse_part(*document_text.value(), "word/document.xml");
  if (!document.ok()) return document.error();
  document_text.value().reset();

  // The optional parts: a list's numbers, the styles' lists and names, the title and dates.
  Numbering numbering;
  std::map<std::string, Style> styles;
  CoreProperties core;
  for (const char* name : {"word/numbering.xml", "word/styles.xml", "docProps/core.xml"}) {
    Result<std::optional<std::string>> text = read(name);
    if (!text.ok()) return text.error();
    if (!text.value()) continue;
    Result<XmlDoc> part = parse_part(*text.value(), name);
    if (!part.ok()) return part.error();
    const std::string_view which(name);
    if (which == "word/numbering.xml") numbering = read_numbering(part.value().get());
    if (which == "word/styles.xml") styles = read_styles(part.value().get());
    if (which == "docProps/core.xml") core = read_core(part.value().get());
  }

  const xmlNode* root = xmlDocGetRootElement(document.value().get());
  const xmlNode* body = is_w(root, "document") ? w_child(root, "body") : nullptr;
  if (body == nullptr) return Failure{Code::not_a_plan, "word/document.xml has no w:body", ""};
  Walker walker(numbering, styles);
  Result<Blocks> blocks = walker.walk(body);
  if (!blocks.ok()) return blocks;
  std::vector<Paragraph>& paragraphs = blocks.value().paragraphs;
  if (!core.title.empty() && !paragraphs.empty() && paragraphs.front().grid.table >= 0) {
    paragraphs.insert(paragraphs.begin(), Paragraph{core.title, 1});
  }
  for (std::string& date : core.dates) blocks.value().page.stamps.push_back(Paragraph{std::move(date), 1});
  return blocks;
}

}  // namespace planparse
