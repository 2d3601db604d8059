// The HTML reader: the page's content becomes paragraphs with their lines, site chrome and
// hidden text are skipped, inline markup joins, and table cells carry their grid positions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "parsers/blocks.h"
#include "parsers/html.h"
#include "parsers/normalise.h"

using namespace planparse;

namespace {

std::vector<std::string> texts(std::string_view html) {
  Result<Blocks> blocks = read_html(html);
  REQUIRE(blocks.ok());
  std::vector<std::string> out;
  for (const Paragraph& p : blocks.value().paragraphs) out.push_back(p.text);
  return out;
}

// "text@line[table:row:column+colspan]" for each paragraph.
std::vector<std::string> dump(std::string_view html) {
  Result<Blocks> blocks = read_html(html);
  REQUIRE(blocks.ok());
  std::vector<std::string> out;
  for (const Paragraph& p : blocks.value().paragraphs) {
    std::string line = p.text + "@" + std::to_string(p.line);
    if (p.grid.table >= 0) {
      line += "[" + std::to_string(p.grid.table) + ":" + std::to_string(p.grid.row) + ":" + std::to_string(p.grid.column) +
              "+" + std::to_string(p.grid.colspan) + "]";
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("block elements end paragraphs and inline elements join words", "[html]") {
  CHECK(texts("<body><p>One <b>bold</b> w<span>or</span>d</p><div>Two<br>Three</div><ul><li>Four</li></ul></body>") ==
        std::vector<std::string>{"One bold word", "Two", "Three", "Four"});
}

TEST_CASE("entities are decoded and white space is normalised as in the text path", "[html]") {
  CHECK(texts("<p>NCE &#8220;Atameken&#8221;&nbsp;&amp;\n   MIA&nbsp;</p><p>&nbsp;</p>") ==
        std::vector<std::string>{"NCE \u201cAtameken\u201d & MIA"});
}

TEST_CASE("head, scripts, navigation, headers, footers and hidden elements are skipped", "[html]") {
  const char* page =
      "<html><head><title>T</title><style>p{}</style></head><body>"
      "<header>Site</header><nav>Menu</nav><div class='breadcrumbs'>Home</div><ul class='lang-switcher'><li>Eng</li></ul>"
      "<p>Kept</p><script>Name</script><noscript>No</noscript><div hidden>H</div><p style='display: none'>N</p>"
      "<p aria-hidden='true'>A</p><span style='mso-hide:all'>W</span><!-- comment --><footer>F</footer></body></html>";
  CHECK(texts(page) == std::vector<std::string>{"Kept"});
}

TEST_CASE("the article holding the table is the content, its heading the first paragraph", "[html]") {
  const char* page =
      "<body><p>Outside</p><article><p>News</p></article><article><p>Date 2022</p><h1>The plan</h1><p>Intro</p>"
      "<table><tr><td>x</td></tr></table></article></body>";
  CHECK(texts(page) == std::vector<std::string>{"The plan", "Date 2022", "Intro", "x"});
}

TEST_CASE("a paragraph's line is the line of the element that opens it, or of its text after a br", "[html]") {
  CHECK(dump("<body>\n<p>\nA</p>\n\n<div>B<br>\nC</div>\n</body>") == std::vector<std::string>{"A@2", "B@5", "C@6"});
}

TEST_CASE("a paragraph begun by a br of its block is marked so, one begun by a block of its own is not", "[html]") {
  Result<Blocks> blocks = read_html("<body><td><p>2027</p><p>16 December<br>2030<br><br><b>x</b></p><div>y</div>z<br></td></body>");
  REQUIRE(blocks.ok());
  std::vector<std::string> marked;
  for (const Paragraph& p : blocks.value().paragraphs) marked.push_back(p.text + (p.after_line_break ? " (br)" : ""));
  CHECK(marked == std::vector<std::string>{"2027", "16 December", "2030 (br)", "x (br)", "y", "z"});
}

TEST_CASE("rowspan and colspan lay cells out on the table's grid", "[html]") {
  const char* table =
      "<table><tr><td rowspan=2>1</td><td>a</td><td rowspan=2>z</td></tr>"
      "<tr><td>b</td></tr>"
      "<tr><td colspan=3>S</td></tr></table>";
  CHECK(dump(table) == std::vector<std::string>{"1@1[0:0:0+1]", "a@1[0:0:1+1]", "z@1[0:0:2+1]", "b@1[0:1:1+1]",
                                                "S@1[0:2:0+3]"});
}

TEST_CASE("a cell keeps the rows its rowspan covers, cut to the table's end", "[html]") {
  const Result<Blocks> blocks = read_html(
      "<table><tr><td rowspan=2>1</td><td>a</td><td rowspan=9>z</td></tr><tr><td>b</td></tr>"
      "<tr><td>c</td></tr></table>");
  REQUIRE(blocks.ok());
  std::vector<int> spans;
  for (const Paragraph& p : blocks.value().paragraphs) spans.push_back(p.grid.rowspan);
  CHECK(spans == std::vector<int>{2, 1, 3, 1, 1});
}

TEST_CASE("thead, tbody, th and upper-case tags are rows and cells alike", "[html]") {
  CHECK(dump("<TABLE><THEAD><TR><TH>h</TH></TR></THEAD><TBODY><TR><TD>d</TD></TR></TBODY></TABLE>") ==
        std::vector<std::string>{"h@1[0:0:0+1]", "d@1[0:1:0+1]"});
}

TEST_CASE("spans are clamped: colspan to 1000, rowspan to the table's end, rowspan=0 to the end", "[html]") {
  const char* table =
      "<table><tr><td colspan=99999>a</td><td>b</td></tr><tr><td rowspan=0>c</td><td rowspan=70000>d</td></tr>"
      "<tr><td>e</td></tr></table>";
  CHECK(dump(table) == std::vector<std::string>{"a@1[0:0:0+1000]", "b@1[0:0:1000+1]", "c@1[0:1:0+1]", "d@1[0:1:1+1]",
                                                "e@1[0:2:2+1]"});
}

TEST_CASE("a table whose grid passes 20 million positions is refused with its line", "[html][limits]") {
  // 30 cells of colspan 1000 make a grid 30,000 columns wide; 700 rows pass the limit.
  std::string page = "<p>x</p>\n<table><tr>";
  for (int i = 0; i < 30; ++i) page += "<td colspan=1000>w</td>";
  page += "</tr>";
  for (int r = 0; r < 700; ++r) page += "<tr><td>r</td></tr>";
  page += "</table>";
  const Result<Blocks> blocks = read_html(page);
  REQUIRE_FALSE(blocks.ok());
  CHECK(blocks.error().code == Code::limit_exceeded);
  CHECK(blocks.error().where == "line 2");
}

TEST_CASE("rows under many wide rowspans are laid out in time linear in the grid", "[html][limits]") {
  // Every row below starts past 20 spans of 1000 columns: the layout jumps them column by
  // column at most once per row (the old span list scanned every span for every column).
  std::string page = "<table><tr>";
  for (int i = 0; i < 20; ++i) page += "<td colspan=1000 rowspan=0>s</td>";
  page += "</tr>";
  for (int r = 0; r < 900; ++r) page += "<tr><td>r</td></tr>";
  page += "</table>";
  const Result<Blocks> blocks = read_html(page);
  REQUIRE(blocks.ok());
  CHECK(blocks.value().paragraphs.back().grid.column == 20000);
  CHECK(blocks.value().paragraphs.back().grid.row == 900);
}

TEST_CASE("a nested table is a grid of its own and the outer cell resumes after it", "[html]") {
  const char* page = "<table><tr><td>outer<table><tr><td>i1</td><td>i2</td></tr></table>after</td><td>o2</td></tr></table>";
  CHECK(dump(page) == std::vector<std::string>{"outer@1[0:0:0+1]", "i1@1[1:0:0+1]", "i2@1[1:0:1+1]", "after@1[0:0:0+1]",
                                               "o2@1[0:0:1+1]"});
}

TEST_CASE("Word HTML: conditional comments, o:p and mso styles leave only the text", "[html]") {
  const char* page =
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><!--[if gte mso 9]><xml><o:DocumentProperties>"
      "</o:DocumentProperties></xml><![endif]--></head><body lang=EN-US><div class=WordSection1>"
      "<p class=MsoNormal><span style='mso-bidi-font-size:11.0pt'>Draft<o:p></o:p></span></p>"
      "<p class=MsoNormal><o:p>&nbsp;</o:p></p><P CLASS=MsoNormal>Law</P></div></body></html>";
  CHECK(texts(page) == std::vector<std::string>{"Draft", "Law"});
}

TEST_CASE("broken markup is recovered: unclosed tags, a truncated page", "[html]") {
  CHECK(texts("<p>One<p>Two<div>Three") == std::vector<std::string>{"One", "Two", "Three"});
  CHECK(texts("<table><tr><td>a</td><td>b</t") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("10,000 nested divs neither crash nor hang, and are refused as too deep", "[html]") {
  std::string page;
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "deep";
  const Result<Blocks> blocks = read_html(page);
  // libxml2 parses them all (XML_PARSE_HUGE); the walk, iterative, refuses what passes 1024.
  REQUIRE_FALSE(blocks.ok());
  CHECK(blocks.error().code == Code::limit_exceeded);
}

TEST_CASE("Word's downlevel-revealed list markers are dropped and the bullet kept", "[html]") {
  const char* page =
      "<body><p class=MsoListParagraph><![if !supportLists]><span>-<span style='font:7.0pt'>&nbsp;&nbsp;</span></span>"
      "<![endif]>imposing a ban;</p></body>";
  CHECK(texts(page) == std::vector<std::string>{"- imposing a ban;"});
}

TEST_CASE("the page's footers are kept apart from the content, with their lines", "[html]") {
  const char* page =
      "<html><body><article><p>Kept</p><footer><p>Views: 12</p></footer></article>\n"
      "<footer class='site'><p>Publication date: April 28, 2025</p><nav>Menu</nav></footer>\n"
      "<div class='page-footer'><p>Contacts</p></div></body></html>";
  Result<Blocks> blocks = read_html(page);
  REQUIRE(blocks.ok());
  REQUIRE(blocks.value().paragraphs.size() == 1);
  std::vector<std::string> footer;
  for (const Paragraph& p : blocks.value().page.footer) footer.push_back(p.text + "@" + std::to_string(p.line));
  CHECK(footer == std::vector<std::string>{"Views: 12@1", "Publication date: April 28, 2025@2", "Contacts@3"});
}

TEST_CASE("date stamps come marked first, then the content's, the footer's and the meta's, none from a table", "[html]") {
  const char* page =
      "<html><head><meta name='viewport' content='width=device-width'>\n"
      "<meta property='article:published_time' content='2025-04-01T08:00:00+05:00'>\n"
      "<meta name='DC.date' content='2025-04-02'></head><body>\n"
      "<article><time datetime='2025-04-03'>3 April</time>\n"
      "<table><tr><td><time datetime='2030-01-01'>deadline</time></td></tr></table>\n"
      "<span itemprop='datePublished' content='2025-04-04'></span><time>5 April 2025</time></article>\n"
      "<aside><time datetime='2020-01-01'>other news</time></aside><div><time datetime='2021-01-01'></time></div>\n"
      "<footer><time datetime='2025-04-06'></time></footer></body></html>";
  Result<Blocks> blocks = read_html(page);
  REQUIRE(blocks.ok());
  std::vector<std::string> stamps;
  for (const Paragraph& p : blocks.value().page.stamps) stamps.push_back(p.text + "@" + std::to_string(p.line));
  CHECK(stamps == std::vector<std::string>{"2025-04-04@6", "2025-04-03@4", "5 April 2025@6", "2025-04-06@8",
                                           "2025-04-01T08:00:00+05:00@2", "2025-04-02@3"});
}

TEST_CASE("entries in one paragraph with br between them are a paragraph each", "[html]") {
  CHECK(dump("<body>\n<p>MIA – Ministry of Internal Affairs;<br>\nMJ – Ministry of Justice.</p>\n</body>") ==
        std::vector<std::string>{"MIA – Ministry of Internal Affairs;@2", "MJ – Ministry of Justice.@3"});
}

TEST_CASE("a time in the article's own header dates the content, though the header is no content", "[html]") {
  Result<Blocks> blocks = read_html(
      "<body><article><header><time datetime='2025-04-28'>28 April</time></header><p>Text</p></article>"
      "<footer><time datetime='2020-01-01'></time></footer></body>");
  REQUIRE(blocks.ok());
  REQUIRE(blocks.value().page.stamps.size() == 2);
  CHECK(blocks.value().page.stamps[0].text == "2025-04-28");
  CHECK(blocks.value().paragraphs.size() == 1);
}

TEST_CASE("a pre keeps its lines: a table copied one row a line reads as its text copy does", "[html]") {
  // Old portals print a whole act in one <pre>: its paragraphs are those the text path makes of
  // the same text (blocks.h), each on its line of the page; text after the <pre> is read as usual.
  for (const std::string text : {"Plan\nN Name Deadline\n1. Clean the park 2026\n2. Paint the  benches 2027\nEnd",
                                 "Plan\n\nN Name Deadline\n1. Clean the park 2026\n\n2. Paint the  benches\n2027"}) {
    std::vector<std::string> expected{"Intro@1"};
    for (const Paragraph& p : split_paragraphs(normalise(text)).paragraphs) {
      expected.push_back(p.text + "@" + std::to_string(p.line + 1));
    }
    expected.push_back("After@" + std::to_string(std::count(text.begin(), text.end(), '\n') + 3));
    INFO(text);
    CHECK(expected.size() >= 4);
    CHECK(dump("<body><p>Intro</p>\n<pre>" + text + "</pre>\n<p>After</p></body>") == expected);
  }
  // Inline markup inside it joins words as anywhere else.
  CHECK(texts("<body><pre>Plan\nN Name\n1. <b>Clean</b> the park\n2. Paint\nEnd</pre></body>") ==
        std::vector<std::string>{"Plan", "N Name", "1. Clean the park", "2. Paint", "End"});
}
