// glossary and resolve: the abbreviations block in each layout, and abbreviations expanded
// with it, look-alike and Russian spellings included.
#include <catch2/catch.hpp>

#include "parsers/blocks.h"
#include "parsers/glossary.h"
#include "parsers/normalise.h"
#include "parsers/lookalike.h"
#include "parsers/resolve.h"

using namespace planparse;

namespace {

std::vector<Paragraph> paragraphs(std::initializer_list<std::string> texts) {
  std::vector<Paragraph> out;
  int line = 10;
  for (const std::string& t : texts) out.push_back(Paragraph{t, line++});
  return out;
}

std::vector<std::string> dump(const GlossaryResult& glossary) {
  std::vector<std::string> out;
  for (const Abbreviation& a : glossary.entries) out.push_back(a.abbr + "=" + a.name + "@" + std::to_string(a.line));
  return out;
}

}  // namespace

TEST_CASE("a glossary read column by column pairs the i-th abbreviation with the i-th name", "[glossary]") {
  // Empty paragraphs of the source are gone by now; the runs still pair by position.
  const GlossaryResult glossary = read_glossary(paragraphs({"APS", "ACC", "SC", "-", "-", "-", "Agency for Public Service",
                                                            "Anti-Corruption Agency", "Supreme Court", "Дата публикации"}));
  CHECK(dump(glossary) == std::vector<std::string>{"APS=Agency for Public Service@10", "ACC=Anti-Corruption Agency@11",
                                                   "SC=Supreme Court@12"});
  REQUIRE(glossary.rest.size() == 1);
  CHECK(glossary.rest[0].text == "Дата публикации");
  CHECK(glossary.diagnostics.empty());
}

TEST_CASE("a glossary of one entry a line accepts any dash or a colon", "[glossary]") {
  const GlossaryResult glossary = read_glossary(
      paragraphs({"MIA – Ministry of Internal Affairs", "MJ - Ministry of Justice", "MF — Ministry of Finance",
                  "ЦГО: центральные государственные органы", "LEB – Local executive bodies – akimats"}));
  CHECK(dump(glossary) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@10", "MJ=Ministry of Justice@11",
                                                   "MF=Ministry of Finance@12", "ЦГО=центральные государственные органы@13",
                                                   "LEB=Local executive bodies – akimats@14"});
}

TEST_CASE("a glossary flattened row by row alternates abbreviations and names", "[glossary]") {
  const GlossaryResult glossary =
      read_glossary(paragraphs({"MIA", "–", "Ministry of Internal Affairs", "MJ", "Ministry of Justice"}));
  CHECK(dump(glossary) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@10", "MJ=Ministry of Justice@13"});
}

TEST_CASE("fewer names than abbreviations is a glossary mismatch, and nothing is dropped silently", "[glossary]") {
  const GlossaryResult glossary = read_glossary(paragraphs({"APS", "ACC", "SC", "-", "-", "-", "Agency for Public Service"}));
  CHECK(glossary.entries.size() == 1);
  REQUIRE(glossary.diagnostics.size() == 3);
  CHECK(glossary.diagnostics[0].code == Code::glossary_mismatch);
  CHECK(glossary.diagnostics[1].code == Code::unclaimed_paragraph);
}

TEST_CASE("a glossary abbreviation mixing scripts is folded to the majority script with a warning", "[glossary]") {
  const GlossaryResult glossary = read_glossary(paragraphs({"\u041cEGNR – Ministry of Ecology"}));
  REQUIRE(glossary.entries.size() == 1);
  CHECK(glossary.entries[0].abbr == "MEGNR");
  REQUIRE(glossary.diagnostics.size() == 1);
  CHECK(glossary.diagnostics[0].code == Code::abbreviation_folded);
  CHECK(glossary.diagnostics[0].line == 10);
}

TEST_CASE("look-alike letters fold toward the majority script", "[resolve]") {
  CHECK(fold_lookalikes("\u041cEGNR") == "MEGNR");     // Cyrillic М among Latin
  CHECK(fold_lookalikes("M\u0412\u0414") == "\u041c\u0412\u0414");  // Latin M among Cyrillic: МВД
  CHECK(fold_lookalikes("MIA") == "MIA");
  CHECK(fold_lookalikes("\u0410\u0421\u041f\u0420") == "\u0410\u0421\u041f\u0420");  // all Cyrillic: unchanged
}

TEST_CASE("a Russian abbreviation transliterates to its Latin form", "[resolve]") {
  CHECK(latin_transliteration("\u0410\u0421\u041f\u0420") == "ASPR");
}

TEST_CASE("resolve expands abbreviations exactly, by look-alikes and by transliteration", "[resolve]") {
  const GlossaryIndex index = index_glossary({{"ASPR", "Agency for Strategic Planning", 1, std::nullopt},
                                              {"MA", "Ministry of Agriculture", 2, std::nullopt},
                                              {"MIA", "Ministry of Internal Affairs", 3, std::nullopt}});
  std::vector<Agency> agencies(4);
  agencies[0].abbr = "MIA";
  agencies[1].abbr = "\u041cA";                         // МA with a Cyrillic М
  agencies[2].abbr = "\u0410\u0421\u041f\u0420";       // АСПР
  agencies[3].abbr = "XYZ";
  std::vector<Diagnostic> diagnostics;
  resolve_agencies(agencies, 42, index, diagnostics);
  CHECK(agencies[0].name == "Ministry of Internal Affairs");
  CHECK(agencies[1].abbr == "MA");
  CHECK(agencies[1].name == "Ministry of Agriculture");
  CHECK(agencies[2].abbr == "ASPR");
  CHECK(agencies[2].name == "Agency for Strategic Planning");
  CHECK(agencies[3].abbr == "XYZ");
  CHECK_FALSE(agencies[3].name.has_value());
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].code == Code::abbreviation_folded);
  CHECK(diagnostics[1].code == Code::abbreviation_folded);
  CHECK(diagnostics[2].code == Code::unknown_abbreviation);
  CHECK(diagnostics[2].line == 42);
}

TEST_CASE("written-out names and groups are left alone by resolve", "[resolve]") {
  const GlossaryIndex index = index_glossary({{"MIA", "Ministry of Internal Affairs", 1, std::nullopt}});
  std::vector<Agency> agencies(1);
  agencies[0].name = "Academy of Justice";
  std::vector<Diagnostic> diagnostics;
  resolve_agencies(agencies, 1, index, diagnostics);
  CHECK(agencies[0].name == "Academy of Justice");
  CHECK(diagnostics.empty());
}

TEST_CASE("empty NBSP paragraphs sprinkled through a column-wise glossary do not shift the pairing", "[glossary]") {
  // The portal's layout: the empty paragraphs fall in different places in each column.
  const std::string text =
      "APS\n\n\u00a0\n\nACC\n\nSC\n\n-\n\n-\n\n\u00a0\n\n-\n\n\u00a0\n\nAgency for Public Service\n\n"
      "Anti-Corruption Agency\n\n\u00a0\n\nSupreme Court\n";
  const GlossaryResult glossary = read_glossary(split_paragraphs(normalise(text)).paragraphs);
  CHECK(dump(glossary) == std::vector<std::string>{"APS=Agency for Public Service@1", "ACC=Anti-Corruption Agency@5",
                                                   "SC=Supreme Court@7"});
  CHECK(glossary.diagnostics.empty());
}
