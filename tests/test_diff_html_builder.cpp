// The HTML the diff report is built of (diff/html.h): text always escaped, markup only what
// planparse itself spells out, so that a document cannot put markup into the page.
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>

#include "diff/html.h"

using planparse::Html;
using planparse::html_text;
using planparse::Markup;

namespace {

template <class Left, class Right>
concept addable = requires(Left left, Right right) { left + right; };

template <class Left, class Right>
concept appendable = requires(Left left, Right right) { left += right; };

}  // namespace

// What must not compile: run-time text used as markup.
static_assert(!std::is_constructible_v<Markup, std::string>);
static_assert(!std::is_convertible_v<std::string, Html>);
static_assert(!std::is_convertible_v<std::string_view, Html>);
static_assert(!std::is_convertible_v<const char*, Html>);
static_assert(!addable<Html, std::string>);
static_assert(!addable<std::string, Html>);
static_assert(!appendable<Html&, std::string>);
static_assert(addable<Html, Html> && addable<Html, Markup> && addable<Markup, Html>);

TEST_CASE("html_text escapes the five characters that could open markup or end an attribute", "[diff][html]") {
  CHECK(html_text("<b>Fish & \"Chips\" 'n'</b>").str() == "&lt;b&gt;Fish &amp; &quot;Chips&quot; &#39;n&#39;&lt;/b&gt;");
  CHECK(html_text("Министерство финансов — МФ").str() == "Министерство финансов — МФ");
  CHECK(html_text("").empty());
}

TEST_CASE("Html joins literal markup and escaped text in order", "[diff][html]") {
  const std::string name = "<script>alert(1)</script>";
  Html html = Html{"<p class=\"note\">"} + html_text(name) + "</p>";
  html += "\n";
  html += "<i>" + html_text("a < b") + "</i>";
  CHECK(html.str() == "<p class=\"note\">&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<i>a &lt; b</i>");
  CHECK(std::move(html).str().find("<script>") == std::string::npos);
}
