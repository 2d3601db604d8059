// planparse diff --format html (diff/report_html.cpp): one self-contained page with the old and
// new versions side by side, deleted words in <del> and inserted ones in <ins>, every text
// escaped. Checked on the page's source here; tests/chromium/render_report.sh renders it in a
// browser. Every test name starts with "diff" (ctest -R diff).
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/diff.h"
#include "diff/html.h"

using namespace planparse;

namespace {

LoadedPlan loaded(const std::string& name) {
  Result<LoadedPlan> plan = load_plan(testing::sample(name).string());
  INFO(name << ": " << (plan.ok() ? std::string() : plan.error().message));
  REQUIRE(plan.ok());
  return std::move(plan).value();
}

// samples/diff's pair: one activity added, six renumbered, a deadline postponed from June to
// December 2025, an agency added, the intro's "12 activities" made "13" (its README).
const PlanDiff& sample_diff() {
  static const PlanDiff diff = diff_plans(loaded("diff/digital-services-plan-2024.en.old.txt"),
                                          loaded("diff/digital-services-plan-2024.en.new.txt"));
  return diff;
}

const std::string& sample_html() {
  static const std::string html = diff_to_html(sample_diff());
  return html;
}

std::size_t count(std::string_view text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// The <article> of the page's change block whose heading holds `words`.
std::string block_with(const std::string& html, std::string_view words) {
  const std::size_t at = html.find(words);
  REQUIRE(at != std::string::npos);
  const std::size_t start = html.rfind("<article", at);
  const std::size_t end = html.find("</article>", at);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

// `before` and `after` in one table row, `before` in an earlier cell: the old column is left of
// the new.
void check_side_by_side(const std::string& html, std::string_view before, std::string_view after) {
  const std::size_t left = html.find(before);
  REQUIRE(left != std::string::npos);
  const std::size_t right = html.find(after, left);
  REQUIRE(right != std::string::npos);
  const std::string between = html.substr(left, right - left);
  CHECK_THAT(between, Catch::Contains("</td><td>"));
  CHECK_THAT(between, !Catch::Contains("</tr>"));
}

}  // namespace

TEST_CASE("diff HTML escape replaces <, >, &, double and single quotes and leaves the rest", "[diff][html]") {
  CHECK(html_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(html_escape("&amp;") == "&amp;amp;");  // a reference in the plan's text is text, shown as written
  CHECK(html_escape("Министрлік — MDDI (келісім бойынша)") == "Министрлік — MDDI (келісім бойынша)");
  CHECK(html_escape("") == "");
}

TEST_CASE("diff HTML is one UTF-8 page that fetches nothing and runs no script", "[diff][html]") {
  const std::string& html = sample_html();
  CHECK(html.starts_with("<!DOCTYPE html>\n"));
  CHECK(html.ends_with("</html>\n"));
  CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
  CHECK(count(html, "<style>") == 1);
  for (const char* external : {"<script", "src=", "href=", "http:", "https:", "@import", "url(", "<link", "<img"}) {
    INFO(external);
    CHECK(html.find(external) == std::string::npos);
  }
}

TEST_CASE("diff HTML prints legibly: changes keep strike-through and underline, blocks stay on one page",
          "[diff][html]") {
  const std::string& html = sample_html();
  CHECK_THAT(html, Catch::Contains("@media print"));
  CHECK_THAT(html, Catch::Contains("break-inside: avoid"));
  CHECK_THAT(html, Catch::Contains("del { color: #a31515; background: #fde8e8; text-decoration: line-through; }"));
  CHECK_THAT(html, Catch::Contains("ins { color: #1b5e20; background: #e2f5e4; text-decoration: underline; }"));
}

TEST_CASE("diff HTML names both files with their short sha256 and gives the summary counts", "[diff][html]") {
  const std::string& html = sample_html();
  CHECK_THAT(html, Catch::Contains("<h1>digital-services-plan-2024.en.old.txt → digital-services-plan-2024.en.new.txt</h1>"));
  CHECK_THAT(html, Catch::Contains(">fcd0ff79eefd</code>"));
  CHECK_THAT(html, Catch::Contains(">60ff77be2c9d</code>"));
  CHECK_THAT(html, Catch::Contains("<p class=\"summary\">12 → 13 activities: 1 added, 0 removed, 2 changed, 0 moved, "
                                   "6 renumbered</p>"));
  CHECK(describe_summary(sample_diff()) == "12 → 13 activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered");
}

TEST_CASE("diff HTML shows a postponed deadline old and new side by side, with its shift in days", "[diff][html]") {
  const std::string block = block_with(sample_html(), "Activity 9 (was 8)");
  CHECK_THAT(block, Catch::Contains("<article class=\"change changed\">"));
  check_side_by_side(block, "<del>June 2025</del>", "<ins>December 2025</ins>");
  CHECK_THAT(block, Catch::Contains("<p class=\"shift\">postponed by 184 days</p>"));
  CHECK_THAT(block, Catch::Contains("Old · No. 8 · section II"));
  CHECK_THAT(block, Catch::Contains("New · No. 9 · section II"));
}

TEST_CASE("diff HTML marks deleted words on the old side and inserted words on the new", "[diff][html]") {
  const std::string& html = sample_html();
  // The intro: "contains 12 activities" became "contains 13 activities", the rest kept unmarked.
  check_side_by_side(html, "The Action Plan contains <del>12</del> activities", "The Action Plan contains <ins>13</ins> activities");
  // An agency added: the old list unmarked, the new one with MF inserted.
  const std::string block = block_with(html, "Activity 11 (was 10)");
  check_side_by_side(block, "ASPR (as agreed), MDDI, MNE</p>", "ASPR (as agreed), MDDI, MNE, <ins>MF</ins></p>");
  CHECK(block.find("<del>") == std::string::npos);
}

TEST_CASE("diff HTML shows an added activity whole on the new side, the old side empty", "[diff][html]") {
  const std::string block = block_with(sample_html(), "Launch of a single electronic signature service");
  CHECK_THAT(block, Catch::Contains("<article class=\"change added\">"));
  CHECK_THAT(block, Catch::Contains("Old: not in this version"));
  CHECK_THAT(block, Catch::Contains("New · No. 5 · section I"));
  CHECK(count(block, "<ins class=\"whole\">") == 3);  // its name, outcome and agencies
  CHECK(block.find("<del") == std::string::npos);
  CHECK_THAT(block, Catch::Contains("Q4 2025"));
  CHECK_THAT(block, Catch::Contains("MDDI, MF, NITEC (as agreed)"));
}

TEST_CASE("diff HTML summarises renumbered activities in runs, as the text report does", "[diff][html]") {
  const std::string runs = "5–7 → 6–8, 9 → 10, 11–12 → 12–13";
  CHECK(describe_renumbered(sample_diff()) == runs);
  CHECK_THAT(sample_html(), Catch::Contains("<h2>Renumbered (6)</h2>\n<p>The same content under another number: " + runs));
  CHECK_THAT(diff_to_text(sample_diff()), Catch::Contains("renumbered (6): " + runs));
  // Renumbered activities get no block of their own.
  CHECK(count(sample_html(), "<article") == 3);
}

TEST_CASE("diff HTML of a plan with itself says there are no differences", "[diff][html]") {
  const LoadedPlan plan = loaded("follow-up-plan-2022.en.txt");
  const std::string html = diff_to_html(diff_plans(plan, plan));
  CHECK_THAT(html, Catch::Contains("27 → 27 activities: 0 added, 0 removed, 0 changed, 0 moved, 0 renumbered"));
  CHECK_THAT(html, Catch::Contains("<p class=\"none\">no differences</p>"));
  CHECK(html.find("<del") == std::string::npos);
  CHECK(html.find("<ins") == std::string::npos);
  CHECK(html.find("<article") == std::string::npos);
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("diff HTML escapes every text that comes from the plans and the file names", "[diff][html]") {
  Plan before;
  before.source.name = "old <v1>.txt";
  before.source.sha256 = std::string(64, 'a');
  before.title = "Plan \"A\" & <b>B</b>";
  Activity activity;
  activity.number = 1;
  activity.name = "Keep <script>alert('x')</script> out & away";
  Agency agency;
  agency.text = "R&D <Office>";
  agency.abbr = "R&D";
  activity.agencies.push_back(agency);
  before.activities.push_back(activity);
  Plan after = before;
  after.source.name = "new \"v2\".txt";
  after.title = "Plan \"A\" & <i>C</i>";
  after.activities[0].name = "Keep <script>alert('y')</script> out & away";
  Activity added;
  added.number = 2;
  added.name = "Fund <the> \"lab\" & 'clinic'";
  after.activities.push_back(added);

  const std::string html = diff_to_html(diff_plans(before, after));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK(html.find("<Office>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("<h1>old &lt;v1&gt;.txt → new &quot;v2&quot;.txt</h1>"));
  CHECK_THAT(html, Catch::Contains("Plan &quot;A&quot; &amp; <del>&lt;b&gt;B&lt;/b&gt;</del>"));
  CHECK_THAT(html, Catch::Contains("Plan &quot;A&quot; &amp; <ins>&lt;i&gt;C&lt;/i&gt;</ins>"));
  CHECK_THAT(html, Catch::Contains("Keep <del>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</del> out &amp; away"));
  CHECK_THAT(html, Catch::Contains("Keep <ins>&lt;script&gt;alert(&#39;y&#39;)&lt;/script&gt;</ins> out &amp; away"));
  CHECK_THAT(html, Catch::Contains("Fund &lt;the&gt; &quot;lab&quot; &amp; &#39;clinic&#39;"));
  // Every '&' the page holds starts a character reference.
  for (std::size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
    const std::string_view rest = std::string_view(html).substr(at);
    INFO(rest.substr(0, 12));
    CHECK((rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
           rest.starts_with("&quot;") || rest.starts_with("&#39;")));
  }
}

TEST_CASE("diff HTML shows plan-level changes, moved and removed activities, and glossary entries", "[diff][html]") {
  const LoadedPlan original = loaded("follow-up-plan-2022.en.txt");
  LoadedPlan edited = original;
  Plan& plan = edited.plan;
  *plan.title += " (as amended)";
  plan.sections[0].title = "Elimination of all forms of discrimination against women";
  Abbreviation entry;
  entry.abbr = "MDDI";
  entry.name = "Ministry of Digital Development";
  plan.abbreviations.push_back(entry);
  plan.activities[2].section = "I";  // 3, first of section II, now last of section I
  const std::string removed_name = plan.activities[9].name;
  plan.activities.erase(plan.activities.begin() + 9);
  for (std::size_t k = 0; k < plan.activities.size(); ++k) plan.activities[k].number = static_cast<int>(k) + 1;
  const PlanDiff diff = diff_plans(original, edited);
  REQUIRE(diff.summary.moved == 1);
  REQUIRE(diff.summary.removed == 1);

  const std::string html = diff_to_html(diff);
  CHECK_THAT(html, Catch::Contains("<h2>The plan</h2>"));
  CHECK_THAT(html, Catch::Contains("<ins>(as amended)</ins>"));
  CHECK_THAT(html, Catch::Contains("<th scope=\"row\">Glossary: MDDI</th><td><span class=\"absent\">—</span></td>"
                                   "<td><ins>Ministry of Digital Development</ins></td>"));
  CHECK_THAT(html, Catch::Contains("<th scope=\"row\">Section I</th>"));
  const std::string moved = block_with(html, "<span class=\"kind\">moved</span>");
  check_side_by_side(moved, "<del>II</del>", "<ins>I</ins>");
  const std::string removed = block_with(html, removed_name.substr(0, 40));
  CHECK_THAT(removed, Catch::Contains("<article class=\"change removed\">"));
  CHECK_THAT(removed, Catch::Contains("New: not in this version"));
  CHECK_THAT(removed, Catch::Contains("<del class=\"whole\">"));
  CHECK(removed.find("<ins") == std::string::npos);
}

TEST_CASE("diff HTML is a format of its own: render_diff and the command line know it as html", "[diff][html]") {
  CHECK(diff_format_named("html") == DiffFormat::html);
  const std::vector<std::string> names = diff_format_names();
  CHECK(std::find(names.begin(), names.end(), "html") != names.end());
  const Result<std::string> rendered = render_diff(sample_diff(), DiffFormat::html);
  REQUIRE(rendered.ok());
  CHECK(rendered.value() == sample_html());
}
