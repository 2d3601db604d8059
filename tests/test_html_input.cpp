// Bad and big HTML input: no plan, a truncated page, a binary file named .html, and a 50 MB
// page, each handled without a crash, a hang or runaway memory.
#include <catch2/catch.hpp>

#include "tests/support.h"

#include <sys/resource.h>

#include <fstream>
#include <sstream>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

using namespace planparse;

namespace {

using testing::read_file;

const std::string kPortal = std::string(PLANPARSE_SOURCE_DIR) + "/samples/follow-up-plan-2022.en.portal.html";

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("an HTML page without a plan table is not a plan", "[html-input]") {
  Result<Source> source = decode_source("news.html", "<html><body><h1>News</h1><p>Name</p><table><tr><td>Weather</td></tr></table></body></html>");
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().code == Code::not_a_plan);
}

TEST_CASE("a portal page cut off inside the table still gives the rows before the cut", "[html-input]") {
  const std::string page = read_file(kPortal);
  const size_t cut = page.find(">14<");
  REQUIRE(cut != std::string::npos);
  Result<Source> source = decode_source("cut.html", page.substr(0, cut));
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  CHECK(plan.value().activities.size() == 13);
  CHECK(validate_plan(nlohmann::json(to_json(plan.value()))).empty());
}

TEST_CASE("a binary file named .html is rejected as binary", "[html-input]") {
  Result<Source> source = decode_source("image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  REQUIRE_FALSE(source.ok());
  CHECK(source.error().code == Code::binary_input);
}

TEST_CASE("a 50 MB page is read in bounded memory", "[html-input][slow]") {
  // The portal sample's table rows repeated until the page holds 50 MB.
  const std::string portal = read_file(kPortal);
  const size_t rows_begin = portal.find("<tr", portal.find("<tbody"));
  const size_t rows_end = portal.find("</tbody>");
  REQUIRE(rows_begin < rows_end);
  const std::string rows = portal.substr(rows_begin, rows_end - rows_begin);
  std::string page = portal.substr(0, rows_end);
  while (page.size() < 50u * 1000 * 1000) page += rows;
  page += portal.substr(rows_end);
  const long before = peak_rss_kib();
  Result<Source> source = decode_source("big.html", std::move(page));
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  CHECK(plan.value().activities.size() > 27 * 1000);
  const double growth = static_cast<double>(peak_rss_kib() - before) * 1024.0 / 50e6;
  INFO("peak memory grew by " << growth << "x the input");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's redzones and quarantine triple the footprint; the bound is for real builds.
  CHECK(growth < 60);
#else
  CHECK(growth < 20);
#endif
}

TEST_CASE("a page declaring UTF-8 but holding windows-1251 bytes is an error naming the offset", "[html-input]") {
  // "Дата" in windows-1251 is C4 E0 F2 E0: not UTF-8.
  const std::string page = "<html><head><meta charset=\"utf-8\"></head><body><p>\xC4\xE0\xF2\xE0</p></body></html>";
  Result<Source> source = decode_source("liar.html", page);
  REQUIRE_FALSE(source.ok());
  CHECK(source.error().code == Code::invalid_utf8);
  CHECK(source.error().where == "byte " + std::to_string(page.find('\xC4')));
}

TEST_CASE("a page declaring windows-1251 but holding UTF-8 is read as declared, and its plan still parses", "[html-input]") {
  // As a browser would: the declaration wins. The English plan survives; its Cyrillic turns to
  // mojibake and shows as an unknown abbreviation.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>"
      "<table><tr><td>No.</td><td>Name</td><td>Deadline</td><td>Agencies in charge</td></tr>"
      "<tr><td>1</td><td>Do it</td><td>2024</td><td>MIA, \xD0\x9C\xD0\x92\xD0\x94</td></tr></table></body></html>";
  Result<Source> source = decode_source("liar.html", page);
  REQUIRE(source.ok());
  CHECK(source.value().encoding == "windows-1251");
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  REQUIRE(plan.value().activities.size() == 1);
  CHECK(plan.value().activities[0].outcomes[0].deadline->to == "2024-12-31");
}

TEST_CASE("a plan table inside layout tables is found and read", "[html-input]") {
  const std::string page =
      "<html><body><table class=layout><tr><td><table><tr><td>Menu</td></tr></table></td><td>"
      "<h1>The plan</h1><p>Intro.</p>"
      "<table><tr><td></td><td>Name</td><td>Outcome</td><td>Deadline</td><td>Agencies in charge</td></tr>"
      "<tr><td colspan=5>I. Part</td></tr>"
      "<tr><td>1</td><td>Do it</td><td>Report</td><td>2024</td><td>MIA</td></tr></table>"
      "<p>Abbreviations:</p><p>MIA – Ministry of Internal Affairs</p>"
      "</td></tr></table></body></html>";
  Result<Source> source = decode_source("layout.html", page);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  CHECK(plan.value().title == "The plan");
  REQUIRE(plan.value().activities.size() == 1);
  CHECK(plan.value().activities[0].section == "I");
  CHECK(plan.value().activities[0].agencies[0].name == "Ministry of Internal Affairs");
}

TEST_CASE("10,000 nested divs give a clear limit-exceeded, not a crash or a cut page", "[html-input]") {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "Name Outcome";
  Result<Source> source = decode_source("deep.html", page);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().code == Code::limit_exceeded);
}

namespace {

Plan parse_page(const std::string& page) {
  Result<Source> source = decode_source("page.html", page);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

const std::string kPlanArticle =
    "<article><h1>Plan</h1><table>"
    "<tr><th>No.</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies in charge</th></tr>"
    "<tr><td>1</td><td>Draft a law</td><td>Draft law</td><td>2025</td><td>MJ</td></tr></table>"
    "<p>Abbreviations:</p><p>MJ – Ministry of Justice</p>";

}  // namespace

TEST_CASE("a page whose article has no publication date takes its footer's", "[html-input]") {
  const Plan plan = parse_page("<html><body><main>" + kPlanArticle +
                               "</article></main><footer><p>Site owner: the ministry. Publication date: April 28, 2025"
                               "</p></footer></body></html>");
  CHECK(plan.published == "2025-04-28");
  CHECK(plan.diagnostics.empty());  // the footer is no unclaimed paragraph
}

TEST_CASE("a page without a dated footer takes its time element's or its date meta's day", "[html-input]") {
  CHECK(parse_page("<html><body>" + kPlanArticle + "<footer><time datetime='2025-04-28T09:00:00+05:00'>28.04.2025</time>"
                   "</footer></article></body></html>")
            .published == "2025-04-28");
  CHECK(parse_page("<html><head><meta name='dcterms.date' content='2025-04-27'></head><body>" + kPlanArticle +
                   "</article></body></html>")
            .published == "2025-04-27");
  CHECK_FALSE(parse_page("<html><body>" + kPlanArticle + "</article></body></html>").published.has_value());
}

TEST_CASE("the article's own publication date wins over the page's", "[html-input]") {
  const Plan plan = parse_page("<html><head><meta property='article:published_time' content='2025-01-01'></head><body>" +
                               kPlanArticle + "<p>Publication date</p><p>March 5, 2024</p></article>"
                               "<footer><p>Publication date: April 28, 2025</p></footer></body></html>");
  CHECK(plan.published == "2024-03-05");
}

TEST_CASE("the same plan as text and as a page with a footer date gives the same date", "[html-input]") {
  const std::string text =
      "Plan\n\nName\n\nOutcome\n\nDeadline\n\nAgencies in charge\n\n1\n\nDraft a law\n\nDraft law\n\n2025\n\nMJ\n\n"
      "Abbreviations:\n\nMJ – Ministry of Justice\n\nPublication date: April 28, 2025\n";
  Result<Source> source = decode_source("plan.txt", text);
  REQUIRE(source.ok());
  Result<Plan> from_text = parse_source(source.value());
  REQUIRE(from_text.ok());
  const Plan from_page = parse_page("<html><body>" + kPlanArticle +
                                    "</article><footer><p>Publication date: April 28, 2025</p></footer></body></html>");
  CHECK(from_text.value().published == from_page.published);
  CHECK(from_text.value().abbreviations.size() == from_page.abbreviations.size());
}
