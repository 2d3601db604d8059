// Stage 1-2 for HTML. See html.h.
#include "parsers/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/ascii.h"
#include "parsers/normalise.h"
#include "parsers/text.h"

namespace planparse {
namespace {

// HTML's own vocabulary: which elements hold no content, which end a paragraph, and the class
// and role words that mark site chrome. Words of the plans themselves live in parsers/vocab/.
constexpr std::array kSkippedElements = {"head", "script", "style", "noscript", "nav", "header", "footer", "template",
                                         "iframe", "object", "svg", "select", "button", "aside", "menu", "title"};
// Of those, the ones that are site chrome rather than no content at all: they give way to the
// plan when they hold it (plan_in_chrome below).
constexpr std::array kChromeElements = {"nav", "header", "footer", "aside", "menu"};
constexpr std::array kBlockElements = {"p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6",
                                       "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote",
                                       "section", "article", "main", "dl", "dt", "dd", "pre", "hr", "address",
                                       "figure", "figcaption", "center", "body", "html", "form", "fieldset"};
// Chrome words are whole parts of a class or id token split at '-' and '_' ("site-footer" has
// the part "footer"; "shareholders-table" has none), never substrings. "footer" and "header"
// are page parts: the date walk still reads them.
constexpr std::array kChromeClassWords = {"breadcrumb", "breadcrumbs", "menu", "menus", "mainmenu", "navbar", "nav",
                                          "navigation", "lang", "langs", "language", "languages", "sidebar",
                                          "cookie", "cookies", "share", "sharing", "social", "skip", "footer",
                                          "header"};
constexpr std::array kPageClassWords = {"footer", "header"};
constexpr std::array kChromeRoles = {"navigation", "banner", "contentinfo", "menu", "menubar", "search", "complementary"};
// The parts of a page that hold its dates though they are no content: the head (date <meta>s),
// the header and the footer ("Publication date: …", <time>).
constexpr std::array kPageElements = {"head", "header", "footer"};
constexpr std::array kPageRoles = {"banner", "contentinfo"};
// <meta> names and properties that give the page's publication date (lower case): Open Graph
// and article markup, Dublin Core, and the names news and legal portals use.
constexpr std::array kDateMetaNames = {"article:published_time", "og:published_time", "published_time",
                                      "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created",
                                      "dcterms.date", "dcterms.issued", "dcterms.created", "pubdate",
                                      "publishdate", "publish_date", "publish-date", "publication_date",
                                      "publication-date", "citation_publication_date", "citation_date",
                                      "sailthru.date", "parsely-pub-date"};

// The HTML standard's limits for spans.
constexpr long kMaxColspan = 1000;
constexpr long kMaxRowspan = 65534;
// Grid positions (rows x columns) one table may lay out: a plan of thousands of activities
// uses well under a million; the cap keeps a hostile page of spans from costing more.
constexpr long kMaxGridCells = 20'000'000;
// Elements the content walk may nest: libxml2 stops at 256 unless told XML_PARSE_HUGE, and then
// drops the rest of the page without a word; planparse parses with XML_PARSE_HUGE and refuses
// a page deeper than this (Word and portal pages nest a few dozen).
constexpr int kMaxDepth = 1024;

// --- The page's tree ------------------------------------------------------------------
// libxml2's HTML parser reads the page (its recovery from broken markup, its implied and
// auto-closed elements, its entities) and tells its events to the handlers below (parse_page),
// which keep the tree here rather than in libxml2's DOM: there an element or a text is a node
// of 120 bytes, a malloc each, with its text and every attribute (a node, a text node and a
// string) apart. A table cell was some 290 bytes of tree for 16 bytes of page, and a row of a
// million cells peaked at 502,816 KiB against a bound of 313,803 (issue 14). Here a node is 40
// bytes, held in chunks, its links are indices, its text and attribute values lie in one
// string and names are kept once.
using NodeId = uint32_t;
// Node 0 is the document: no element's sibling or child, so 0 also means "none".
constexpr NodeId kNone = 0;
enum class NodeType : uint8_t { document, element, text, cdata, other };  // other: comments, processing instructions

struct Node {
  NodeId parent = kNone;
  NodeId first = kNone;  // first child
  NodeId last = kNone;   // last child
  NodeId next = kNone;
  NodeId prev = kNone;
  uint32_t begin = 0;  // text, cdata: first byte in Page::text_; element: first in Page::attributes_
  uint32_t size = 0;   // bytes of text, or attributes
  uint32_t name = 0;   // element: index in Page::names_
  uint16_t line = 0;   // as libxml2 counts it: at most 65535
  NodeType type = NodeType::other;
};

struct Attribute {
  uint32_t name = 0;   // index in Page::names_
  uint32_t begin = 0;  // value in Page::text_
  uint32_t size = 0;
};

class Page {
 public:
  Page() { append(Node{.type = NodeType::document}); }

  const Node& operator[](NodeId id) const { return chunks_[id / kChunk][id % kChunk]; }
  std::string_view name(NodeId id) const {
    const Node& node = (*this)[id];
    return node.type == NodeType::element ? std::string_view(names_[node.name]) : std::string_view();
  }
  std::string_view text(NodeId id) const {
    const Node& node = (*this)[id];
    if (node.type != NodeType::text && node.type != NodeType::cdata) return {};
    return std::string_view(text_).substr(node.begin, node.size);
  }
  // The value of an element's attribute, as xmlGetProp gives it; nullopt when it has none.
  std::optional<std::string_view> attribute(NodeId id, std::string_view name) const {
    const Node& node = (*this)[id];
    if (node.type != NodeType::element) return std::nullopt;
    for (uint32_t at = node.begin; at < node.begin + node.size; ++at) {
      if (names_[attributes_[at].name] == name) return std::string_view(text_).substr(attributes_[at].begin, attributes_[at].size);
    }
    return std::nullopt;
  }
  std::span<const Attribute> attributes(NodeId id) const {
    const Node& node = (*this)[id];
    if (node.type != NodeType::element) return {};
    return std::span<const Attribute>(attributes_).subspan(node.begin, node.size);
  }
  std::string_view attribute_name(const Attribute& attribute) const { return names_[attribute.name]; }
  std::string_view text_at(const Attribute& attribute) const { return std::string_view(text_).substr(attribute.begin, attribute.size); }
  // The line xmlGetLineNo gives: its own for elements, texts, comments; a CDATA block's is its
  // previous sibling's, else its parent's.
  int line(NodeId id) const {
    const Node& node = (*this)[id];
    if (node.type != NodeType::cdata) return node.line;
    if (node.prev != kNone && (*this)[node.prev].type != NodeType::cdata) return line(node.prev);
    if (node.parent != kNone && (*this)[node.parent].type == NodeType::element) return (*this)[node.parent].line;
    return -1;
  }
  // The first element of the document (xmlDocGetRootElement); kNone when there is none.
  NodeId root() const {
    for (NodeId id = (*this)[kNone].first; id != kNone; id = (*this)[id].next) {
      if ((*this)[id].type == NodeType::element) return id;
    }
    return kNone;
  }

  // Building, as libxml2's SAX2 handlers build its tree (parse_page).
  Node& at(NodeId id) { return chunks_[id / kChunk][id % kChunk]; }
  // A new last child of `parent`.
  NodeId add(NodeId parent, Node node) {
    node.parent = parent;
    node.prev = at(parent).last;
    const NodeId id = append(node);
    if (node.prev != kNone) {
      at(node.prev).next = id;
    } else {
      at(parent).first = id;
    }
    at(parent).last = id;
    return id;
  }
  uint32_t intern(std::string_view name) {
    const auto found = name_ids_.find(name);
    if (found != name_ids_.end()) return found->second;
    names_.emplace_back(name);
    const auto id = static_cast<uint32_t>(names_.size() - 1);
    name_ids_.emplace(names_.back(), id);
    return id;
  }
  // Bytes at the end of the text; their offset.
  uint32_t store(std::string_view bytes) {
    if (bytes.size() > std::numeric_limits<uint32_t>::max() - text_.size()) throw std::length_error("HTML text too long");
    const auto begin = static_cast<uint32_t>(text_.size());
    text_ += bytes;
    return begin;
  }
  // More bytes for a text node, which libxml2 joins with the text before it.
  void extend(NodeId id, std::string_view bytes) {
    Node& node = at(id);
    if (node.begin + node.size != text_.size()) {  // not at the end: moved there first
      const std::string before = text_.substr(node.begin, node.size);
      node.begin = store(before);
    }
    store(bytes);
    node.size += static_cast<uint32_t>(bytes.size());
  }
  uint32_t add_attribute(Attribute attribute) {
    attributes_.push_back(attribute);
    return static_cast<uint32_t>(attributes_.size() - 1);
  }
  void reserve_text(size_t bytes) { text_.reserve(bytes); }

 private:
  // Chunks of 8192 nodes (320 KiB): never moved, never more than one chunk of slack.
  static constexpr size_t kChunk = 8192;
  NodeId append(const Node& node) {
    if (count_ == std::numeric_limits<NodeId>::max()) throw std::length_error("too many HTML nodes");
    if (count_ % kChunk == 0) chunks_.push_back(std::make_unique<Node[]>(kChunk));
    chunks_.back()[count_ % kChunk] = node;
    return static_cast<NodeId>(count_++);
  }

  std::vector<std::unique_ptr<Node[]>> chunks_;
  size_t count_ = 0;
  std::string text_;
  std::vector<Attribute> attributes_;
  std::deque<std::string> names_;  // a deque: the views of name_ids_ stay valid
  std::unordered_map<std::string_view, uint32_t> name_ids_;
};

// A node of a page: what the walks pass around, as they passed libxml2's node pointers.
// Default-constructed it is none (a null pointer).
class Ref {
 public:
  Ref() = default;
  Ref(const Page* page, NodeId id) : page_(page), id_(id) {}
  explicit operator bool() const { return id_ != kNone; }
  bool operator==(const Ref& other) const { return id_ == other.id_; }
  NodeId id() const { return id_; }
  const Page& page() const { return *page_; }
  NodeType type() const { return node().type; }
  Ref parent() const { return at(node().parent); }
  Ref children() const { return at(node().first); }
  Ref last() const { return at(node().last); }
  Ref next() const { return at(node().next); }
  Ref prev() const { return at(node().prev); }
  int line() const { return page_->line(id_); }
  std::string_view text() const { return page_->text(id_); }

 private:
  const Node& node() const { return (*page_)[id_]; }
  Ref at(NodeId id) const { return Ref(id == kNone ? nullptr : page_, id); }
  const Page* page_ = nullptr;
  NodeId id_ = kNone;
};

std::string_view name_of(Ref node) { return node ? node.page().name(node.id()) : std::string_view(); }

template <size_t N>
bool is_one_of(std::string_view name, const std::array<const char*, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* entry) { return name == entry; });
}

std::string attribute(Ref node, const char* name) {
  const std::optional<std::string_view> value = node.page().attribute(node.id(), name);
  return value ? std::string(*value) : std::string();
}

std::string lower_ascii(std::string text) {
  for (char& c : text) c = ascii::lower(c);
  return text;
}

// True when a class or id value has a token with a part (split at '-' and '_') that is a chrome
// word; with `page_parts`, the page's header and footer words do not count.
bool has_chrome_word(std::string_view value, bool page_parts) {
  for (std::string_view token : split(value, ' ')) {
    size_t start = 0;
    while (start <= token.size()) {
      size_t end = token.find_first_of("-_", start);
      if (end == std::string_view::npos) end = token.size();
      const std::string_view part = token.substr(start, end - start);
      for (const char* word : kChromeClassWords) {
        if (part == word && !(page_parts && is_one_of(part, kPageClassWords))) return true;
      }
      start = end + 1;
    }
  }
  return false;
}

// Elements a reader never sees, or that belong to the site rather than the document. One pass
// over the attributes: it runs for every element of the page. With `page_parts`, the page's
// banner and footer (role banner, contentinfo, a "footer" class) are not chrome: the date walk
// reads them. Without `chrome_words`, class and id words are not read (inside a plan's table,
// where "row-social-support" is a row of the plan).
// Without `chrome_roles`, neither roles nor class and id words are read: only hidden counts.
bool is_hidden_or_chrome(Ref node, bool page_parts, bool chrome_words = true, bool chrome_roles = true) {
  const Page& page = node.page();
  for (const Attribute& attr : page.attributes(node.id())) {
    const std::string_view name = page.attribute_name(attr);
    if (name == "hidden") return true;
    if (name != "aria-hidden" && name != "style" && name != "role" && name != "class" && name != "id") continue;
    std::string value = lower_ascii(std::string(page.text_at(attr)));
    if (name == "aria-hidden" && value == "true") return true;
    if (name == "role" && chrome_roles && is_one_of(value, kChromeRoles) && !(page_parts && is_one_of(value, kPageRoles))) {
      return true;
    }
    if (name == "style") {
      value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
      if (value.find("display:none") != std::string::npos || value.find("visibility:hidden") != std::string::npos ||
          value.find("mso-hide:all") != std::string::npos)
        return true;
    }
    if ((name == "class" || name == "id") && chrome_words && chrome_roles && has_chrome_word(value, page_parts)) {
      return true;
    }
  }
  return false;
}

using NodeSet = std::unordered_set<NodeId>;

const NodeSet& no_plan_holders() {
  static const NodeSet none;
  return none;
}

// `plan_holders` (plan_in_chrome) are chrome elements that hold the plan: only what hides them
// (hidden, display:none) skips them.
bool is_skipped(Ref node, bool chrome_words = true, const NodeSet* plan_holders = nullptr) {
  if (plan_holders != nullptr && plan_holders->contains(node.id())) {
    const std::string_view name = name_of(node);
    return (is_one_of(name, kSkippedElements) && !is_one_of(name, kChromeElements)) ||
           is_hidden_or_chrome(node, false, false, false);
  }
  return is_one_of(name_of(node), kSkippedElements) || is_hidden_or_chrome(node, false, chrome_words);
}

// What the date walk does not enter: what is skipped, but for the page's head, header and
// footer, which hold its dates.
bool hides_dates(Ref node) {
  const std::string_view name = name_of(node);
  if (is_one_of(name, kSkippedElements) && !is_one_of(name, kPageElements)) return true;
  return is_hidden_or_chrome(node, true);
}

// A footer of the page or of its article: <footer>, role=contentinfo, or a class or id word
// holding "footer" ("site-footer", "footer-bottom").
bool is_footer(Ref node) {
  if (name_of(node) == "footer" || lower_ascii(attribute(node, "role")) == "contentinfo") return true;
  for (const char* name : {"class", "id"}) {
    const std::string value = lower_ascii(attribute(node, name));  // outlives the tokens
    for (std::string_view token : split(value, ' ')) {
      if (token.find("footer") != std::string_view::npos) return true;
    }
  }
  return false;
}

long span_attribute(Ref cell, const char* name, long fallback) {
  const std::string text = attribute(cell, name);
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || text.empty()) return fallback;
  (void)end;
  return value;
}

bool has_attribute(Ref node, const char* name) {
  return node.page().attribute(node.id(), name).has_value();
}

bool is_element(Ref node, std::string_view name) {
  return node.type() == NodeType::element && name_of(node) == name;
}

// The rows of a table: its tr children and those of its thead, tbody and tfoot, in order.
std::vector<Ref> table_rows(Ref table) {
  std::vector<Ref> rows;
  for (Ref child = table.children(); child; child = child.next()) {
    if (is_element(child, "tr")) {
      rows.push_back(child);
    } else if (is_element(child, "thead") || is_element(child, "tbody") || is_element(child, "tfoot")) {
      for (Ref row = child.children(); row; row = row.next()) {
        if (is_element(row, "tr")) rows.push_back(row);
      }
    }
  }
  return rows;
}

// The first text of a cell, trimmed, at most `limit` bytes of it: enough to see a row number
// without copying a cell that holds a whole layout.
std::string leading_text(Ref cell, size_t limit) {
  std::string text;
  std::vector<Ref> stack{cell.children()};
  while (!stack.empty() && text.size() < limit) {
    Ref node = stack.back();
    stack.pop_back();
    if (!node) continue;
    stack.push_back(node.next());
    if (node.type() == NodeType::text) {
      text += node.text().substr(0, limit);
    } else if (node.type() == NodeType::element) {
      stack.push_back(node.children());
    }
  }
  return std::string(trim(text));
}

// True when some row of the table opens with an activity number ("1", "12.", "3)"): the plan's
// own table, whose classes are the plan's business, not chrome.
bool holds_numbered_rows(Ref table) {
  for (Ref row : table_rows(table)) {
    for (Ref cell = row.children(); cell; cell = cell.next()) {
      if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
      if (parse_row_number(leading_text(cell, 32))) return true;
      break;  // only the first cell of a row holds its number
    }
  }
  return false;
}

// A table that may hold the plan: a row opening with an activity number has three cells or
// more (the number, the activity, its outcome, deadline or agencies). A sidebar's numbered
// list of links has one or two.
bool holds_plan_rows(Ref table) {
  for (Ref row : table_rows(table)) {
    int cells = 0;
    bool numbered = false;
    for (Ref cell = row.children(); cell; cell = cell.next()) {
      if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
      if (cells++ == 0 && !(numbered = parse_row_number(leading_text(cell, 32)).has_value())) break;
    }
    if (numbered && cells >= 3) return true;
  }
  return false;
}

// Chrome never hides the only plan. Where every table that may hold the plan sits inside
// chrome (an <aside>, a "sidebar" div or a <footer> wrapped around the article, a
// role=complementary block), the chrome elements around those tables are read as content:
// returned here, for is_skipped. Where one such table stands outside chrome, that is the plan
// and chrome stays skipped, whatever numbered tables it holds. Hidden tables count for
// nothing. One walk over the page; an element's attributes are read only outside chrome.
NodeSet plan_in_chrome(Ref root) {
  struct Frame {
    Ref node;
    bool in_chrome;
  };
  std::vector<Ref> tables;
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    Ref node = frame.node;
    if (node.type() != NodeType::element) continue;
    const std::string_view name = name_of(node);
    if (is_one_of(name, kSkippedElements) && !is_one_of(name, kChromeElements)) continue;  // no content at all
    if (!frame.in_chrome && is_skipped(node)) {
      if (!is_one_of(name, kChromeElements) && is_hidden_or_chrome(node, false, false, false)) continue;  // hidden
      frame.in_chrome = true;
    }
    if (name == "table" && holds_plan_rows(node) && !(frame.in_chrome && is_hidden_or_chrome(node, false, false, false))) {
      if (!frame.in_chrome) return {};
      tables.push_back(node);
      continue;
    }
    for (Ref child = node.last(); child; child = child.prev()) stack.push_back({child, frame.in_chrome});
  }
  NodeSet holders;
  for (Ref table : tables) {
    for (Ref node = table; node && holders.insert(node.id()).second; node = node.parent()) {
    }
  }
  return holders;
}

// Lays the cells of one table out on its grid (the HTML table model, simplified to what a
// plan needs): each cell goes to the first column of its row not covered by a rowspan above.
// `covered_until[c]` is the last row a rowspan from above covers in column c, so that a row
// costs at most the grid's width: the whole layout is bounded by rows x width, which
// kMaxGridCells caps. False when the table is larger than that. The cells go to `positions` in
// the order they come in the page, which is the order of their ids (position_of).
using CellPositions = std::vector<std::pair<NodeId, GridPosition>>;
bool lay_out_table(Ref table, int table_id, CellPositions& positions) {
  const std::vector<Ref> rows = table_rows(table);
  std::vector<long> covered_until;
  long width = 0;
  const long row_count = static_cast<long>(rows.size());
  for (long r = 0; r < row_count; ++r) {
    long column = 0;
    for (Ref cell = rows[static_cast<size_t>(r)].children(); cell; cell = cell.next()) {
      if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
      while (column < static_cast<long>(covered_until.size()) && covered_until[static_cast<size_t>(column)] >= r) ++column;
      const long colspan = std::clamp(span_attribute(cell, "colspan", 1), 1L, kMaxColspan);
      long rowspan = span_attribute(cell, "rowspan", 1);
      rowspan = rowspan == 0 ? row_count - r : std::clamp(rowspan, 1L, kMaxRowspan);
      rowspan = std::min(rowspan, row_count - r);
      width = std::max(width, column + colspan);
      if ((r + 1) * width > kMaxGridCells) return false;
      positions.emplace_back(cell.id(), GridPosition{table_id, static_cast<int>(r), static_cast<int>(column),
                                                     static_cast<uint16_t>(colspan), static_cast<uint16_t>(rowspan)});
      if (rowspan > 1) {
        if (static_cast<long>(covered_until.size()) < column + colspan) covered_until.resize(static_cast<size_t>(column + colspan), -1);
        for (long c = column; c < column + colspan; ++c) covered_until[static_cast<size_t>(c)] = r + rowspan - 1;
      }
      column += colspan;
    }
  }
  return true;
}

// The element that holds the document: the first article or main (or role=main) that holds a
// table, else the first of them, else the body.
Ref content_root(Ref root, const NodeSet& plan_holders) {
  Ref first_candidate;
  Ref body;
  std::vector<Ref> stack{root};
  while (!stack.empty()) {
    Ref node = stack.back();
    stack.pop_back();
    if (node.type() != NodeType::element) continue;
    if (is_skipped(node, true, &plan_holders)) continue;
    const std::string_view name = name_of(node);
    if (name == "body" && !body) body = node;
    const bool candidate = name == "article" || name == "main" || lower_ascii(attribute(node, "role")) == "main";
    if (candidate) {
      std::vector<Ref> inner{node.children()};
      bool has_table = false;
      while (!inner.empty() && !has_table) {
        Ref n = inner.back();
        inner.pop_back();
        for (; n; n = n.next()) {
          if (is_element(n, "table")) has_table = true;
          if (n.type() == NodeType::element && n.children()) inner.push_back(n.children());
        }
      }
      if (has_table) return node;
      if (!first_candidate) first_candidate = node;
    }
    // Children pushed in reverse so that the walk goes in document order.
    for (Ref child = node.last(); child; child = child.prev()) stack.push_back(child);
  }
  if (first_candidate) return first_candidate;
  return body ? body : root;
}

// The first h1 (else the first h2 outside tables) in the content: the document's title, read
// first whatever stands before it (a date line, a print button, a layout table's menu).
Ref title_heading(Ref root, const NodeSet& plan_holders) {
  for (const char* level : {"h1", "h2"}) {
    std::vector<Ref> stack{root};
    while (!stack.empty()) {
      Ref node = stack.back();
      stack.pop_back();
      if (node.type() != NodeType::element || is_skipped(node, true, &plan_holders)) continue;
      if (name_of(node) == level) return node;
      // Layout tables may hold the page's h1; an h2 inside a table is more likely a section.
      if (name_of(node) == "table" && std::string_view(level) == "h2") continue;
      for (Ref child = node.last(); child; child = child.prev()) stack.push_back(child);
    }
  }
  return Ref();
}

// What the content walk meets that the page's metadata needs, so that the date walk need not
// go over the content (and its big table) again: the skipped parts of the content that may
// hold its dates (its header and footer), and its <time> and <meta> elements outside tables.
struct Sightings {
  std::vector<Ref> parts;
  std::vector<Ref> stamps;
};

class Walker {
 public:
  Walker(const NodeSet& plan_holders, const Vocabulary& vocabulary) : plan_holders_(&plan_holders), vocabulary_(&vocabulary) {}

  Result<Blocks> walk(Ref root) {
    if (Ref heading = title_heading(root, *plan_holders_)) {
      visit(heading);
      title_ = heading;
    }
    visit(root);
    if (too_large_) return *too_large_;
    if (too_deep_) return *too_deep_;
    return std::move(blocks_);
  }

  // The paragraphs of one part of the page (a footer), read as the content is; a table too
  // large is left out rather than refused, since the part is not the document.
  std::vector<Paragraph> read_part(Ref part) {
    visit(part);
    return std::move(blocks_.paragraphs);
  }

  const Sightings& sightings() const { return sightings_; }

 private:
  struct Frame {
    Ref node;
    bool leaving;
    int depth;     // elements from the start of the walk
    bool in_plan;  // inside a table of numbered rows: class words are no chrome there
  };

  void visit(Ref start) {
    std::vector<Frame> stack{{start, false, 0, false}};
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      Ref node = frame.node;
      if (frame.leaving) {
        leave(node);
        continue;
      }
      if (node.type() == NodeType::text || node.type() == NodeType::cdata) {
        text(node);
        continue;
      }
      if (node.type() != NodeType::element) continue;  // comments, Word's conditional ones included
      if (node == title_) continue;
      if (frame.depth > kMaxDepth) {
        // Never a silent cut: the rest of the page could hold the rest of the plan.
        if (!too_deep_) {
          too_deep_ = Failure{Code::limit_exceeded,
                              "elements nested more than " + std::to_string(kMaxDepth) + " deep",
                              "line " + std::to_string(node.line())};
        }
        break;
      }
      const bool in_plan = frame.in_plan || (name_of(node) == "table" && holds_numbered_rows(node));
      if (node != start && is_skipped(node, !in_plan, plan_holders_)) {
        if (!hides_dates(node)) sightings_.parts.push_back(node);
        continue;
      }
      enter(node);
      stack.push_back({node, true, frame.depth, in_plan});
      for (Ref child = node.last(); child; child = child.prev()) {
        stack.push_back({child, false, frame.depth + 1, in_plan});
      }
    }
    flush();
  }

  void enter(Ref node) {
    const std::string_view name = name_of(node);
    if (name == "table") {
      tables_.emplace_back();
      if (!lay_out_table(node, table_count_, tables_.back()) && !too_large_) {
        too_large_ = Failure{Code::limit_exceeded,
                             "table " + std::to_string(table_count_ + 1) + " has more than " +
                                 std::to_string(kMaxGridCells) + " grid cells (rows x columns)",
                             "line " + std::to_string(node.line())};
      }
      ++table_count_;
      ++table_depth_;
    }
    if (table_depth_ == 0 && (name == "time" || name == "meta" || has_attribute(node, "itemprop"))) {
      sightings_.stamps.push_back(node);
    }
    if (!is_one_of(name, kBlockElements)) return;
    flush();
    // Only text after a <br> and before the next block boundary is a line of the same block.
    after_line_break_ = name == "br";
    line_ = static_cast<int>(node.line());
    if (name == "pre") ++pre_depth_;
    if (name == "td" || name == "th") {
      grids_.push_back(grid_);
      grid_ = position_of(node);
    } else if (name == "table") {
      grids_.push_back(grid_);
      grid_ = GridPosition{};  // text between rows belongs to no cell
    }
  }

  // Where a cell of the innermost open table sits; nowhere for a td or th outside its rows.
  GridPosition position_of(Ref cell) const {
    if (tables_.empty()) return GridPosition{};
    const CellPositions& cells = tables_.back();
    const auto found = std::lower_bound(cells.begin(), cells.end(), cell.id(),
                                        [](const auto& entry, NodeId id) { return entry.first < id; });
    return found != cells.end() && found->first == cell.id() ? found->second : GridPosition{};
  }

  void leave(Ref node) {
    const std::string_view name = name_of(node);
    if (name == "table") {
      --table_depth_;
      if (!tables_.empty()) tables_.pop_back();
    }
    if (!is_one_of(name, kBlockElements)) return;
    flush();
    if (name != "br") after_line_break_ = false;
    if (name == "pre" && pre_depth_ > 0) --pre_depth_;
    line_ = -1;
    if ((name == "td" || name == "th" || name == "table") && !grids_.empty()) {
      grid_ = grids_.back();
      grids_.pop_back();
    }
  }

  void text(Ref node) {
    std::string_view content = node.text();
    // Word wraps list bullets in "downlevel-revealed" conditionals, <![if !supportLists]> ...
    // <![endif]>, which libxml2 keeps as text; the markers go, the bullet between them stays.
    std::string without_markers;
    if (content.find("<![") != std::string_view::npos) {
      for (size_t at = 0; at < content.size();) {
        const size_t open = content.find("<![", at);
        const size_t close = open == std::string_view::npos ? open : content.find("]>", open);
        if (close == std::string_view::npos) {
          without_markers += content.substr(at);
          break;
        }
        without_markers += content.substr(at, open - at);
        at = close + 2;
      }
      content = without_markers;
    }
    if (current_.empty()) {
      if (trim(content).empty()) return;
      start_line_ = line_ > 0 ? line_ : static_cast<int>(node.line());
    }
    current_ += content;
  }

  void flush() {
    if (current_.empty()) return;
    if (pre_depth_ > 0) return flush_preformatted();
    std::string paragraph = normalise_fragment(current_);
    current_.clear();
    if (paragraph.empty()) return;
    Paragraph& made = blocks_.paragraphs.emplace_back(Paragraph{std::move(paragraph), std::max(start_line_, 1), grid_});
    made.after_line_break = after_line_break_;
    after_line_break_ = false;
  }

  // A <pre> keeps its lines as a text copy does (a table copied one row a line, as old portals
  // print it, reads as that copy reads: run_on_rows.h): its text is split into paragraphs by
  // the text path's own rules, each on its line of the page.
  void flush_preformatted() {
    if (current_.empty()) return;
    NormalText text = normalise(current_);
    current_.clear();
    const int first = std::max(start_line_, 1);
    for (Line& line : text.lines) line.number += first - 1;
    for (Paragraph& paragraph : split_paragraphs(text, *vocabulary_).paragraphs) {
      paragraph.grid = grid_;
      blocks_.paragraphs.push_back(std::move(paragraph));
    }
  }

  const NodeSet* plan_holders_ = &no_plan_holders();  // chrome that holds the plan (plan_in_chrome)
  const Vocabulary* vocabulary_;
  Blocks blocks_;
  // The cells of the tables open around the walk, laid out (lay_out_table) when each is
  // entered; a cell belongs to the innermost. A table's cells in one vector, in the order of
  // their ids, rather than a map of every cell's node: a row of a million cells held 32 MB of
  // map nodes.
  std::vector<CellPositions> tables_;
  std::vector<GridPosition> grids_;
  GridPosition grid_{};
  int pre_depth_ = 0;  // inside <pre>: its text keeps its line breaks
  bool after_line_break_ = false;  // the paragraph being read follows a <br> of its block
  Ref title_;
  std::string current_;
  int line_ = -1;        // line of the block element that opened the paragraph being read
  int start_line_ = 1;
  int table_count_ = 0;
  int table_depth_ = 0;  // tables open around the element being read
  Sightings sightings_;
  std::optional<Failure> too_large_;  // the first table over kMaxGridCells
  std::optional<Failure> too_deep_;   // the first element deeper than kMaxDepth
};

// All the text under a node, in order (xmlNodeGetContent).
std::string text_content(Ref node) {
  std::string out;
  std::vector<Ref> stack{node.children()};
  while (!stack.empty()) {
    const Ref at = stack.back();
    stack.pop_back();
    if (!at) continue;
    stack.push_back(at.next());
    if (at.type() == NodeType::text || at.type() == NodeType::cdata) {
      out += at.text();
    } else if (at.type() == NodeType::element) {
      stack.push_back(at.children());
    }
  }
  return out;
}

// The value of a date stamp: the datetime or content attribute, else (a <time>) its text.
std::string stamp_value(Ref node) {
  std::string value = attribute(node, "datetime");
  if (value.empty()) value = attribute(node, "content");
  if (value.empty() && name_of(node) == "time") {
    value = text_content(node);
  }
  return normalise_fragment(value);
}

// The page around the content (blocks.h, PageMetadata): its footers, and its date stamps by
// how surely each dates the document: one marked as the publication date
// (itemprop="datePublished", <time pubdate>), a <time> of the content, one of a footer, a date
// <meta>. One walk over the page outside the content, and over the parts of the content the
// content walk skipped (its header and footer); the rest of the content the content walk has
// seen (`seen`). A <time> inside a table of the content dates a row, not the page.
PageMetadata read_page(Ref root, Ref content, const Sightings& seen, const NodeSet& plan_holders,
                       const Vocabulary& vocabulary) {
  struct Frame {
    Ref node;
    bool in_content;
    bool in_footer;
  };
  std::vector<Paragraph> marked, in_content, in_footer, metas;
  std::vector<Ref> footers;
  const auto stamp = [&](Ref node, const Frame& frame) {
    const std::string_view name = name_of(node);
    const int line = std::max(static_cast<int>(node.line()), 1);
    if (name == "meta") {
      std::string key = attribute(node, "name");
      if (key.empty()) key = attribute(node, "property");
      if (key.empty()) key = attribute(node, "itemprop");
      std::string value = normalise_fragment(attribute(node, "content"));
      if (value.empty()) return;
      key = lower_ascii(std::move(key));
      if (key == "datepublished") {
        marked.push_back(Paragraph{std::move(value), line});
      } else if (is_one_of(key, kDateMetaNames)) {
        metas.push_back(Paragraph{std::move(value), line});
      }
      return;
    }
    const bool published = lower_ascii(attribute(node, "itemprop")) == "datepublished" ||
                           (name == "time" && has_attribute(node, "pubdate"));
    // A <time> elsewhere on the page (a site header, a list of other news) dates something else.
    if (!published && (name != "time" || (!frame.in_content && !frame.in_footer))) return;
    std::string value = stamp_value(node);
    if (value.empty()) return;
    (published ? marked : frame.in_content ? in_content : in_footer).push_back(Paragraph{std::move(value), line});
  };

  for (Ref node : seen.stamps) stamp(node, Frame{node, true, false});
  std::vector<Frame> stack;
  // The content's skipped parts first (its own footer comes before the site's), then the page.
  stack.push_back({root, false, false});
  for (auto part = seen.parts.rbegin(); part != seen.parts.rend(); ++part) stack.push_back({*part, true, false});
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    Ref node = frame.node;
    if (node.type() != NodeType::element || node == content || hides_dates(node)) continue;
    const std::string_view name = name_of(node);
    // A footer wrapped around the plan is no footer of it: its other parts are walked on.
    if (!frame.in_footer && is_footer(node) && !plan_holders.contains(node.id())) {
      footers.push_back(node);
      frame.in_footer = true;
    }
    if (name == "meta" || name == "time" || has_attribute(node, "itemprop")) stamp(node, frame);
    if (name == "table" && frame.in_content) continue;
    for (Ref child = node.last(); child; child = child.prev()) stack.push_back({child, frame.in_content, frame.in_footer});
  }
  PageMetadata page;
  for (Ref footer : footers) {
    Walker walker(no_plan_holders(), vocabulary);
    for (Paragraph& paragraph : walker.read_part(footer)) {
      paragraph.grid = GridPosition{};
      page.footer.push_back(std::move(paragraph));
    }
  }
  for (std::vector<Paragraph>* stamps : {&marked, &in_content, &in_footer, &metas}) {
    page.stamps.insert(page.stamps.end(), stamps->begin(), stamps->end());
  }
  return page;
}

// --- Parsing ---------------------------------------------------------------------------

// Elements whose text is read whole, white space included, rather than walked paragraph by
// paragraph: a cell's leading text (its row number, leading_text), a <time>'s value
// (stamp_value), a <pre>'s lines.
constexpr std::array kWholeTextElements = {"td", "th", "time", "pre"};
// How far up a run of white space looks for those before it is kept anyway: pages nest a few
// dozen elements, and a hostile one must not cost its depth for every run.
constexpr int kWholeTextSearchDepth = 64;

bool is_blank_run(const xmlChar* text, int length) {
  for (int i = 0; i < length; ++i) {
    if (!ascii::is_space(static_cast<char>(text[i]))) return false;
  }
  return true;
}

// True when a run of white space about to be added under `parent` is one the walk would drop
// anyway: the first text of a block element, or text straight after a block element the walk
// enters and leaves (both end the paragraph before it, so the walk starts the next one only at
// text that is not blank). A block element the walk may skip (hidden, or chrome by its
// attributes) does not end a paragraph, nor does a heading that may be the title (read apart,
// then skipped), so the run after one is kept; so is every run inside the elements whose text
// is read whole. A page of a million <p>s has a million such runs, each a libxml2 node of
// 120 bytes: a third of its tree (issue 14).
bool is_droppable_blank(Ref parent) {
  if (!parent || parent.type() != NodeType::element) return false;
  int depth = 0;
  for (Ref up = parent; up && up.type() == NodeType::element; up = up.parent()) {
    if (++depth > kWholeTextSearchDepth || is_one_of(name_of(up), kWholeTextElements)) return false;
  }
  Ref before = parent.last();
  if (!before) return is_one_of(name_of(parent), kBlockElements);
  if (before.type() != NodeType::element) return false;
  const std::string_view name = name_of(before);
  return is_one_of(name, kBlockElements) && name != "h1" && name != "h2" && !is_hidden_or_chrome(before, false);
}

// What the handlers below build: the page, and the elements open at this point of the parse
// (libxml2's own node stack, ctxt->node, which its SAX2 handlers keep and these replace).
// An exception (out of memory) must not unwind through libxml2's C frames: a handler that
// meets one stops the parser and leaves it here, and parse_page throws it again once libxml2
// has let go.
struct Builder {
  Page page;
  std::vector<NodeId> open;
  std::exception_ptr failure;
  NodeId current() const { return open.empty() ? kNone : open.back(); }
};

Builder& builder_of(void* context) { return *static_cast<Builder*>(static_cast<xmlParserCtxt*>(context)->_private); }

// Runs a handler's work, as the note on Builder says.
template <typename Work>
void guarded(void* context, Work&& work) {
  Builder& builder = builder_of(context);
  if (builder.failure) return;
  try {
    work(builder);
  } catch (...) {
    builder.failure = std::current_exception();
    xmlStopParser(static_cast<xmlParserCtxt*>(context));
  }
}

// The line the parser is on, as libxml2 records it in a node: at most 65535.
uint16_t line_of(void* context) {
  const auto* parser = static_cast<const xmlParserCtxt*>(context);
  const int line = parser->input != nullptr ? parser->input->line : 0;
  return static_cast<uint16_t>(std::clamp(line, 0, 65535));
}

// Where libxml2's xmlSAX2StartElement (and its comment and processing-instruction handlers)
// put a node when no element is open: into the document's first element when that is the
// document's first node (no doctype before it), else at the document's level.
NodeId parent_for(void* context, bool element) {
  Builder& builder = builder_of(context);
  if (builder.current() != kNone || !element) return builder.current();
  const auto* parser = static_cast<const xmlParserCtxt*>(context);
  const bool doctype = parser->myDoc != nullptr && parser->myDoc->children != nullptr;  // its DTD node
  const NodeId first = builder.page[kNone].first;
  return !doctype && first != kNone && builder.page[first].type == NodeType::element ? first : kNone;
}

void start_element(void* context, const xmlChar* name, const xmlChar** attributes) {
  guarded(context, [&](Builder& builder) {
    Page& page = builder.page;
    const auto view = [](const xmlChar* text) { return std::string_view(reinterpret_cast<const char*>(text)); };
    Node node{.name = page.intern(view(name)), .line = line_of(context), .type = NodeType::element};
    for (size_t at = 0; attributes != nullptr && attributes[at] != nullptr; at += 2) {
      // As xmlSAX2AttributeInternal: a boolean attribute written bare ("nowrap") has its own
      // name for value, any other bare one an empty value.
      const xmlChar* value = attributes[at + 1];
      if (value == nullptr && htmlIsBooleanAttr(attributes[at])) value = attributes[at];
      const std::string_view text = value != nullptr ? view(value) : std::string_view();
      const uint32_t index = page.add_attribute(Attribute{page.intern(view(attributes[at])), page.store(text),
                                                          static_cast<uint32_t>(text.size())});
      if (node.size++ == 0) node.begin = index;
    }
    builder.open.push_back(page.add(parent_for(context, true), node));
  });
}

void end_element(void* context, const xmlChar* /*name*/) {
  Builder& builder = builder_of(context);
  if (!builder.open.empty()) builder.open.pop_back();
}

// Text and CDATA as xmlSAX2Text adds them: nothing outside an element; joined to the text
// before it when that is the element's last child; a new node (with the line it ends on) else.
void add_text(void* context, Builder& builder, const xmlChar* text, int length, NodeType type) {
  const NodeId parent = builder.current();
  if (parent == kNone || length < 0) return;
  Page& page = builder.page;
  const std::string_view bytes(reinterpret_cast<const char*>(text), static_cast<size_t>(length));
  const NodeId last = page[parent].last;
  if (last != kNone && page[last].type == type) {
    page.extend(last, bytes);
    return;
  }
  page.add(parent, Node{.begin = page.store(bytes), .size = static_cast<uint32_t>(length), .line = line_of(context), .type = type});
}

void add_characters(void* context, const xmlChar* text, int length) {
  guarded(context, [&](Builder& builder) {
    if (is_blank_run(text, length) && is_droppable_blank(Ref(&builder.page, builder.current()))) return;
    add_text(context, builder, text, length, NodeType::text);
  });
}

void add_cdata(void* context, const xmlChar* text, int length) {
  guarded(context, [&](Builder& builder) { add_text(context, builder, text, length, NodeType::cdata); });
}

// Comments and processing instructions: the walks read neither, but they part the texts
// around them, and white space after one is kept (is_droppable_blank).
void add_other(void* context) {
  guarded(context, [&](Builder& builder) {
    builder.page.add(parent_for(context, false), Node{.line = line_of(context), .type = NodeType::other});
  });
}
void add_comment(void* context, const xmlChar* /*text*/) { add_other(context); }
void add_instruction(void* context, const xmlChar* /*target*/, const xmlChar* /*data*/) { add_other(context); }

// The page as htmlReadMemory(text, no URL, no encoding, options) reads it, into `builder`
// rather than into libxml2's DOM: the same steps (htmlReadMemory, then htmlDoRead), with
// libxml2's HTML handlers but for those that build its tree. False when libxml2 could not
// start.
bool parse_page(std::string_view text, int options, Builder& builder) {
  xmlInitParser();
  // An XML context as htmlReadMemory makes it (htmlCreateMemoryParserCtxt's would read the
  // UTF-8 as Latin-1 without an encoding named), given the HTML handlers.
  xmlParserCtxt* context = xmlCreateMemoryParserCtxt(text.data(), static_cast<int>(text.size()));
  if (context == nullptr) return false;
  htmlDefaultSAXHandlerInit();
  if (context->sax == nullptr) {
    xmlFreeParserCtxt(context);
    return false;
  }
  std::memcpy(context->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
  context->sax->startElement = start_element;
  context->sax->endElement = end_element;
  context->sax->characters = add_characters;
  context->sax->cdataBlock = add_cdata;
  context->sax->comment = add_comment;
  context->sax->processingInstruction = add_instruction;
  context->_private = &builder;
  htmlCtxtUseOptions(context, options);
  context->html = 1;
  htmlParseDocument(context);
  // libxml2's document holds only the doctype's DTD: the tree is the builder's.
  if (context->myDoc != nullptr) {
    xmlFreeDoc(context->myDoc);
    context->myDoc = nullptr;
  }
  xmlFreeParserCtxt(context);
  if (builder.failure) std::rethrow_exception(builder.failure);
  return true;
}

}  // namespace

Result<Blocks> read_html(std::string_view text, const Vocabulary& vocabulary) {
  if (text.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Failure{Code::not_a_plan, "HTML page too large for the parser", ""};
  }
  // Recover from broken markup, never touch the network, and ignore the page's own charset
  // declaration: ingest has decoded the bytes and hands over UTF-8.
  // XML_PARSE_HUGE lifts libxml2's depth limit of 256, past which it drops the rest of the page
  // in silence (and its cap on one text node's length): the walk bounds depth itself.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;
  // No encoding is named: libxml2 reads UTF-8 as it is. Named ("UTF-8"), it converted its copy
  // of the page into a second buffer grown by doubling: 33 MiB more for a 16 MiB page, at the
  // peak (issue 14). HTML_PARSE_IGNORE_ENC keeps it from switching on the page's declaration.
  Builder builder;
  // Texts and attribute values are the page's bytes less its markup (entities only shorten
  // them): room for the page's size once, rather than a string grown by doubling.
  builder.page.reserve_text(text.size());
  if (!parse_page(text, options, builder) || builder.page.root() == kNone) {
    return Failure{Code::not_a_plan, "no HTML document could be read", ""};
  }
  builder.open = {};
  const Page& page = builder.page;
  const Ref root(&page, page.root());
  const NodeSet plan_holders = plan_in_chrome(root);
  Ref content = content_root(root, plan_holders);
  Walker walker(plan_holders, vocabulary);
  Result<Blocks> blocks = walker.walk(content);
  if (blocks.ok()) blocks.value().page = read_page(root, content, walker.sightings(), plan_holders, vocabulary);
  return blocks;
}

}  // namespace planparse
