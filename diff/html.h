// Diff, HTML built so that text cannot become markup: the HTML report (report_html.cpp) writes
// its page as Html values, into which text enters only escaped (html_text) and markup only as
// a constant written into planparse (Markup: its one constructor is consteval, so a name, a
// cell or any string read at run time does not compile as markup). Forgetting to escape is a
// compile error, not a hole. Tested by test_diff_html_builder.cpp.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace planparse {

// `text` with &, <, >, " and ' replaced by character references: safe as HTML text and inside a
// quoted attribute value.
std::string html_escape(std::string_view text);

// Markup fixed at compile time: a string literal or a constexpr string_view, never run-time text.
class Markup {
 public:
  constexpr Markup() = default;
  consteval Markup(const char* literal) : markup_(literal) {}
  consteval Markup(std::string_view literal) : markup_(literal) {}
  // A std::string is run-time text by nature: refused outright, with a clearer error.
  Markup(const std::string&) = delete;
  constexpr std::string_view view() const { return markup_; }
  constexpr bool empty() const { return markup_.empty(); }

 private:
  std::string_view markup_;
};

// A piece of HTML: markup and escaped text, joined with +.
class Html {
 public:
  Html() = default;
  explicit Html(Markup markup) : html_(markup.view()) {}

  Html& operator+=(const Html& other) {
    html_ += other.html_;
    return *this;
  }
  Html& operator+=(Markup markup) {
    html_ += markup.view();
    return *this;
  }
  friend Html operator+(Html left, const Html& right) { return std::move(left += right); }
  friend Html operator+(Html left, Markup right) { return std::move(left += right); }
  friend Html operator+(Markup left, const Html& right) { return Html(left) + right; }

  bool empty() const { return html_.empty(); }
  const std::string& str() const& { return html_; }
  std::string str() && { return std::move(html_); }

 private:
  friend Html html_text(std::string_view text);
  std::string html_;
};

// `text` as HTML: escaped (html_escape), so it reads as the same text in an element or in a
// quoted attribute value.
inline Html html_text(std::string_view text) {
  Html html;
  html.html_ = html_escape(text);
  return html;
}

}  // namespace planparse
