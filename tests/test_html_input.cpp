// Bad and big HTML input: no plan, a truncated page, a binary file named .html, and a 50 MB
// page, each handled without a crash, a hang or runaway memory.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <fstream>
#include <sstream>

#include "ingest/source.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"

using namespace planparse;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

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
  CHECK(growth < 20);
}
