// Benchmark: a large portal page (about 2,000 activities, ~10 MB, generated here) through
// libxml2's HTML parse alone (the baseline), the HTML reader, the whole pipeline, and the
// pipeline with JSON emission and schema validation, all in one run. Prints each throughput
// as a fraction of the baseline's, and the peak memory of one whole run as a multiple of the
// input size. Build: cmake -DPLANPARSE_BUILD_BENCHMARKS=ON; run: build/bench_html.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>
#include <sys/resource.h>

#include <iostream>
#include <map>
#include <string>

#include "ingest/source.h"
#include "parsers/html.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "tools/bench_ratio.h"

using namespace planparse;

namespace {

// Real portal and Word pages carry several kilobytes of styling per table row; the generated
// rows do too, so that the ratio to libxml2 is measured on pages of the real density.
std::string dress(std::string html) {
  const std::string td = "<td style=\"border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;"
                         "padding:0cm 5.4pt 0cm 5.4pt;vertical-align:top;width:120.5pt\" valign=\"top\" width=\"161\"";
  const std::string p = "<p class=\"MsoNormal\" style=\"margin-bottom:0cm;text-align:justify;line-height:normal\">"
                        "<span lang=\"EN-US\" style=\"font-size:12.0pt;font-family:'Times New Roman',serif;"
                        "mso-fareast-font-family:'Times New Roman';mso-ansi-language:EN-US\">";
  std::string out;
  out.reserve(html.size() * 5);
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 3, "<td") == 0) {
      out += td;
      i += 3;
    } else if (html.compare(i, 3, "<p>") == 0) {
      out += p;
      i += 3;
    } else if (html.compare(i, 4, "</p>") == 0) {
      out += "</span></p>";
      i += 4;
    } else {
      out += html[i++];
    }
  }
  return out;
}

// A portal-like page: chrome, a header row, a section every 50 rows, multi-paragraph cells,
// rowspan pairs, the usual agency lists, and a glossary table.
std::string generate_page(int activities) {
  static const char* kDeadlines[] = {"By the end of 2022", "August 2023", "2024", "2022-2025", "First half of 2023",
                                     "December 2025", "annually"};
  static const char* kAgencies[] = {"MIA, GPO (as agreed), MEAS, MLSP", "MJ, MFA, NCHR (as agreed)",
                                    "MIPD, NCWAFDP (as agreed), and other central bodies, quasi-state organizations",
                                    "MLSP, ARDFM (as agreed), MIPD, MNE, MF, NCE &#8220;Atameken&#8221;, LEB"};
  std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Plan</title><script>var menu = 1;</script></head><body>"
      "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/docs\">Documents</a></li></ul></nav></header>"
      "<article><h1>On the approval of the Plan of Measures</h1>"
      "<p>The Government adopted the Plan dated April 28, 2022 No. 258.</p>\n<table><tbody>\n"
      "<tr><td></td><td><p>Name</p></td><td><p>Outcome</p></td><td><p>Implementation timeframe</p></td>"
      "<td><p>Agencies in charge</p></td></tr>\n";
  const char* roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  for (int n = 1; n <= activities; ++n) {
    if ((n - 1) % 50 == 0) {
      page += "<tr><td colspan=\"5\"><p><strong>" + std::string(roman[((n - 1) / 50) % 10]) +
              ". Section on the protection of rights and freedoms</strong></p></td></tr>\n";
    }
    const std::string deadline = kDeadlines[n % 7];
    const std::string agencies = kAgencies[n % 4];
    if (n % 10 == 0) {
      page += "<tr><td rowspan=\"2\"><p>" + std::to_string(n) +
              "</p></td><td><p>Elaboration of proposals for the construction of institutions</p></td>"
              "<td><p>Proposal to the Presidential Administration</p></td><td><p>" + deadline +
              "</p></td><td rowspan=\"2\"><p>" + agencies + "</p></td></tr>\n"
              "<tr><td><p>Overhaul of buildings and technical means of security</p></td><td><p>Commissioning Act</p></td>"
              "<td><p>2023</p></td></tr>\n";
      continue;
    }
    page += "<tr><td><p>" + std::to_string(n) +
            "</p></td><td><p>Development of proposals to improve the procedure for considering citizens&#8217; "
            "applications, including taking into account the recommendations of the <span>International</span> "
            "<span>Labor</span> Organization</p><p>- imposing a ban on certain activities;</p>"
            "<p>&nbsp;</p></td><td><p>Information to the Presidential Administration</p></td><td><p>" + deadline +
            "</p></td><td><p>" + agencies + "</p></td></tr>\n";
  }
  page += "</tbody></table>\n<p>Note: Abbreviations:</p><table><tr><td>";
  const char* abbreviations[] = {"MIA", "GPO", "MEAS", "MLSP", "MJ", "MFA", "NCHR", "MIPD", "NCWAFDP", "ARDFM", "MNE", "MF", "NCE", "LEB"};
  for (const char* a : abbreviations) page += std::string("<p>") + a + "</p>";
  page += "</td><td>";
  for (size_t i = 0; i < std::size(abbreviations); ++i) page += "<p>-</p>";
  page += "</td><td>";
  for (const char* a : abbreviations) page += std::string("<p>Ministry or agency called ") + a + " of the Republic</p>";
  page += "</td></tr></table><p>Дата публикации</p><p>28 апреля 2022</p></article><footer>© 2022</footer></body></html>\n";
  return page;
}

const std::string& page() {
  static const std::string text = dress(generate_page(2000));
  return text;
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page().size()));
}

void baseline_libxml2_parse(benchmark::State& state) {
  const std::string& text = page();
  for (auto _ : state) {
    htmlDocPtr doc = htmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    benchmark::DoNotOptimize(doc);
    xmlFreeDoc(doc);
  }
  set_bytes(state);
}

void html_reader(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(read_html(page()));
  set_bytes(state);
}

void pipeline(benchmark::State& state) {
  const Source source = decode_source("bench.html", page()).value();
  for (auto _ : state) benchmark::DoNotOptimize(parse_source(source));
  set_bytes(state);
}

void pipeline_emit_validate(benchmark::State& state) {
  const Source source = decode_source("bench.html", page()).value();
  for (auto _ : state) {
    const Plan plan = parse_source(source).value();
    const nlohmann::json json = to_json(plan);
    benchmark::DoNotOptimize(validate_plan(json));
  }
  set_bytes(state);
}

// The same, emitting as the CLI does now: render_plan writes and checks in one pass.
void pipeline_render_plan(benchmark::State& state) {
  const Source source = decode_source("bench.html", page()).value();
  for (auto _ : state) {
    const Plan plan = parse_source(source).value();
    benchmark::DoNotOptimize(render_plan(plan, /*compact=*/true));
  }
  set_bytes(state);
}

// The emitter alone against the path it replaced (to_json, a copy into nlohmann::json for
// valijson, validate_plan, dump), on one parsed plan.
void emit_old_dom(benchmark::State& state) {
  const Plan plan = parse_source(decode_source("bench.html", page()).value()).value();
  for (auto _ : state) {
    const nlohmann::ordered_json json = to_json(plan);
    benchmark::DoNotOptimize(validate_plan(nlohmann::json(json)));
    benchmark::DoNotOptimize(json.dump(-1) + "\n");
  }
  set_bytes(state);
}

void emit_render_plan(benchmark::State& state) {
  const Plan plan = parse_source(decode_source("bench.html", page()).value()).value();
  for (auto _ : state) benchmark::DoNotOptimize(render_plan(plan, /*compact=*/true));
  set_bytes(state);
}

BENCHMARK(baseline_libxml2_parse)->Unit(benchmark::kMillisecond);
BENCHMARK(pipeline_render_plan)->Unit(benchmark::kMillisecond);
BENCHMARK(emit_old_dom)->Unit(benchmark::kMillisecond);
BENCHMARK(emit_render_plan)->Unit(benchmark::kMillisecond);
BENCHMARK(html_reader)->Unit(benchmark::kMillisecond);
BENCHMARK(pipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(pipeline_emit_validate)->Unit(benchmark::kMillisecond);


long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  // Peak memory first, before the benchmarks raise the high-water mark. The page itself is the
  // caller's and is made before the mark: what counts is what reading it adds.
  page();
  const long before = peak_rss_kib();
  {
    const Source source = decode_source("bench.html", page()).value();
    const Plan plan = parse_source(source).value();
    benchmark::DoNotOptimize(render_plan(plan, /*compact=*/true));
  }
  const double memory_ratio = static_cast<double>(peak_rss_kib() - before) * 1024.0 / static_cast<double>(page().size());

  benchmark::Initialize(&argc, argv);
  bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::cout << "\nInput: " << page().size() / 1e6 << " MB, 2000 activities\n";
  std::cout << "Peak memory added by one decode + parse + render_plan: " << memory_ratio << "x the input size\n";
  // With --benchmark_repetitions the names carry "_mean", "_median", ...: compare like with like.
  std::cout << "Throughput as a fraction of libxml2's parse alone (higher is faster):\n";
  for (const auto& [name, time] : reporter.times) {
    const size_t cut = name.rfind('_');
    const std::string suffix = name.starts_with("baseline") || cut == std::string::npos ? "" : name.substr(cut);
    const bool aggregate = suffix == "_mean" || suffix == "_median";
    if (name.starts_with("baseline") || name.ends_with("_stddev") || name.ends_with("_cv")) continue;
    const auto base = reporter.times.find("baseline_libxml2_parse" + (aggregate ? suffix : std::string()));
    if (base != reporter.times.end()) std::cout << "  " << name << ": " << base->second / time << "\n";
  }
  const auto old_path = reporter.times.find("emit_old_dom");
  const auto render = reporter.times.find("emit_render_plan");
  if (old_path != reporter.times.end() && render != reporter.times.end()) {
    std::cout << "render_plan's throughput against the old to_json + copy + validate + dump: "
              << old_path->second / render->second << "x (higher is faster)\n";
  }
  benchmark::Shutdown();
  return 0;
}
