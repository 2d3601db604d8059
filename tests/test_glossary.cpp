// glossary and resolve: the abbreviations block in each layout, and abbreviations expanded
// with it, look-alike and Russian spellings included.
#include <catch2/catch.hpp>

#include "ingest/source.h"
#include "parsers/blocks.h"
#include "parsers/agencies.h"
#include "parsers/glossary.h"
#include "parsers/normalise.h"
#include "parsers/lookalike.h"
#include "parsers/pipeline.h"
#include "parsers/resolve.h"
#include "parsers/vocabulary.h"

using namespace planparse;

namespace {

std::vector<Paragraph> paragraphs(std::initializer_list<std::string> texts) {
  std::vector<Paragraph> out;
  int line = 10;
  for (const std::string& t : texts) out.push_back(Paragraph{t, line++});
  return out;
}

Plan parse_text(const std::string& name, const std::string& text) {
  Result<Source> source = decode_source(name, text);
  REQUIRE(source.ok());
  Result<Plan> plan = parse_source(source.value());
  REQUIRE(plan.ok());
  return plan.value();
}

// "ABBR=name" of every agency of every activity, then of the glossary.
std::vector<std::string> agencies_of(const Plan& plan) {
  std::vector<std::string> out;
  for (const Activity& activity : plan.activities) {
    for (const Agency& agency : activity.agencies) out.push_back(agency.abbr.value_or("") + "=" + agency.name.value_or("?"));
  }
  return out;
}

std::vector<std::string> codes(const Plan& plan) {
  std::vector<std::string> out;
  for (const Diagnostic& d : plan.diagnostics) out.push_back(std::string(code_name(d.code)) + "@" + std::to_string(d.line));
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

TEST_CASE("an abbreviation of two words in a cell of its own is an abbreviation, in a table read by rows or by columns",
          "[glossary]") {
  // By rows, under a heading row: the pair neither ends the glossary nor reads as a column label.
  const GlossaryResult rows = read_glossary(paragraphs({"Қысқартулар:", "Қысқарту", "Толық атауы", "СІМ", "Сыртқы істер министрлігі",
                                                        "ҚР ДСМ", "Қазақстан Республикасы Денсаулық сақтау министрлігі", "МҚА",
                                                        "Мемлекеттік қызмет істері агенттігі"}));
  CHECK(dump(rows) == std::vector<std::string>{"СІМ=Сыртқы істер министрлігі@13",
                                               "ҚР ДСМ=Қазақстан Республикасы Денсаулық сақтау министрлігі@15",
                                               "МҚА=Мемлекеттік қызмет істері агенттігі@17"});
  // By columns, the pair first under the heading.
  const GlossaryResult columns = read_glossary(paragraphs({"Список сокращений:", "МЗ РК", "МНО", "Министерство здравоохранения "
                                                           "Республики Казахстан", "Министерство науки и образования"}));
  CHECK(dump(columns) == std::vector<std::string>{"МЗ РК=Министерство здравоохранения Республики Казахстан@11",
                                                  "МНО=Министерство науки и образования@12"});
  CHECK(columns.diagnostics.empty());
}

TEST_CASE("a glossary of one entry a line accepts any dash or a colon", "[glossary]") {
  const GlossaryResult glossary = read_glossary(
      paragraphs({"MIA – Ministry of Internal Affairs", "MJ - Ministry of Justice", "MF — Ministry of Finance",
                  "ЦГО: центральные государственные органы", "LEB – Local executive bodies – akimats"}));
  CHECK(dump(glossary) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@10", "MJ=Ministry of Justice@11",
                                                   "MF=Ministry of Finance@12", "ЦГО=центральные государственные органы@13",
                                                   "LEB=Local executive bodies – akimats@14"});
}

TEST_CASE("a short lead-in with a colon before two entries opens a glossary, in one paragraph or over lines",
          "[glossary]") {
  // Before: no glossary, and the entries were read into the last row's agencies with no error.
  for (const std::string lead : {"Note:", "Hereinafter:", "* здесь и далее:", "* Здесь и далее используются сокращения:"}) {
    INFO(lead);
    const GlossaryResult one =
        read_glossary(paragraphs({lead + " MoH – Ministry of Health; MCI – Ministry of Culture, Sport and Information."}));
    CHECK(dump(one) == std::vector<std::string>{"MoH=Ministry of Health@10", "MCI=Ministry of Culture, Sport and Information@10"});
  }
  const std::vector<Paragraph> lines =
      split_paragraphs(normalise("* здесь и далее:\nМСХ – Министерство сельского хозяйства\nМИО – местные исполнительные органы\n"))
          .paragraphs;
  CHECK(read_glossary(lines).entries.size() == 2);
  // One entry after a lead-in is read as one: whether it makes a glossary is the next test's.
  CHECK(dump(read_glossary(paragraphs({"Note: MoH – Ministry of Health"}))) ==
        std::vector<std::string>{"MoH=Ministry of Health@10"});
}

TEST_CASE("one entry after a lead-in opens a glossary when the table above uses its abbreviation and it names a body",
          "[glossary]") {
  // Before: "Справочно: ОЦТ = …" after the last row of a copy became that row's agency, its
  // abbreviation unknown. A lead-in says a definition follows: a lower-case name holding a body's
  // head noun counts.
  const std::vector<Paragraph> used = paragraphs({"ОЦТ, МФ", "Справочно: ОЦТ = отдел цифровых технологий акимата района."});
  CHECK(opens_glossary(used, 1, builtin_vocabulary()));
  CHECK(dump(read_glossary({used[1]})) == std::vector<std::string>{"ОЦТ=отдел цифровых технологий акимата района@11"});
  // Not used above, a note rather than a name, or a lone word: no glossary.
  CHECK_FALSE(opens_glossary(paragraphs({"МФ", "Справочно: ОЦТ = отдел цифровых технологий."}), 1, builtin_vocabulary()));
  CHECK_FALSE(opens_glossary(paragraphs({"МВД", "Примечание: МВД – по согласованию"}), 1, builtin_vocabulary()));
  CHECK_FALSE(opens_glossary(paragraphs({"МВД", "Note: MoH – responsible"}), 1, builtin_vocabulary()));
}

TEST_CASE("a note lead before text that is no glossary is a note", "[glossary]") {
  for (const char* note : {"Примечание: мероприятия финансируются за счет местного бюджета.", "Note: costs are estimates.",
                           "* Ескертпе: іс-шаралар жергілікті бюджет есебінен қаржыландырылады."}) {
    INFO(note);
    CHECK(is_note(note, builtin_vocabulary()));
  }
  for (const char* other : {"Примечание:", "Примечание: расшифровка аббревиатур:", "МФ: Министерство финансов",
                            "Срок: 2027 год", "Notebook: one per school"}) {
    INFO(other);
    CHECK_FALSE(is_note(other, builtin_vocabulary()));
  }
}

TEST_CASE("an equals sign separates an entry as a dash does", "[glossary]") {
  const GlossaryResult glossary = read_glossary(paragraphs(
      {"МТСЗН = Министерство труда и социальной защиты населения", "MENR=Ministry of Ecology", "ЖАО= жергілікті атқарушы органдар"}));
  CHECK(dump(glossary) == std::vector<std::string>{"МТСЗН=Министерство труда и социальной защиты населения@10",
                                                   "MENR=Ministry of Ecology@11", "ЖАО=жергілікті атқарушы органдар@12"});
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

TEST_CASE("a cell of nothing but invisible characters is padding, never a name", "[glossary]") {
  // Found by fuzz_glossary: U+200F passed for a name until its format character went.
  const GlossaryResult column_wise =
      read_glossary(paragraphs({"MIA", "MJ", "\u200f", "\u2013", "Ministry of Internal Affairs", "Ministry of Justice"}));
  CHECK(dump(column_wise) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@10", "MJ=Ministry of Justice@11"});
  const GlossaryResult one_a_line = read_glossary(paragraphs({"MIA \u2013 \u200f", "MJ \u2013 Ministry of Justice"}));
  CHECK(dump(one_a_line) == std::vector<std::string>{"MJ=Ministry of Justice@11"});
  REQUIRE_FALSE(one_a_line.diagnostics.empty());
  CHECK(one_a_line.diagnostics[0].code == Code::unclaimed_paragraph);
  CHECK(one_a_line.diagnostics[0].line == 10);
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

TEST_CASE("an English plural of a glossary abbreviation is a group of that kind", "[resolve]") {
  // Before: "NGOs" an unknown abbreviation, kind agency.
  const GlossaryIndex index = index_glossary({{"NGO", "non-governmental organization", 1, std::nullopt},
                                              {"MIA", "Ministry of Internal Affairs", 2, std::nullopt}});
  std::vector<Agency> agencies(3);
  agencies[0].abbr = "NGOs";
  agencies[1].abbr = "MIAs";  // a plural the glossary defines the singular of, whatever the word
  agencies[2].abbr = "SMEs";  // and one it does not: unknown, as before
  std::vector<Diagnostic> diagnostics;
  resolve_agencies(agencies, 7, index, diagnostics);
  CHECK(agencies[0].abbr == "NGO");
  CHECK(agencies[0].name == "non-governmental organization");
  CHECK(agencies[0].kind == AgencyKind::group);
  CHECK(agencies[1].abbr == "MIA");
  CHECK(agencies[2].abbr == "SMEs");
  CHECK(agencies[2].kind == AgencyKind::agency);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == Code::unknown_abbreviation);
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

TEST_CASE("a name that gives its own abbreviation in brackets takes the glossary's entry, or defines it", "[resolve]") {
  const GlossaryIndex index = index_glossary({{"ME", "Ministry of Energy of the Republic of Kazakhstan", 1, std::nullopt}});
  std::vector<Agency> agencies = split_agencies("Ministry of Energy (ME), Agency for Atomic Energy (AAE)", builtin_vocabulary()).agencies;
  REQUIRE(agencies.size() == 2);
  std::vector<Diagnostic> diagnostics;
  resolve_agencies(agencies, 1, index, diagnostics);
  CHECK(agencies[0].abbr == "ME");
  CHECK(agencies[0].name == "Ministry of Energy of the Republic of Kazakhstan");
  CHECK(agencies[1].abbr == "AAE");
  CHECK(agencies[1].name == "Agency for Atomic Energy");
  CHECK(diagnostics.empty());
  // A note in lower case is no abbreviation, and prose that cites a body gives it none.
  CHECK_FALSE(split_agencies("Ministry of Energy (lead)", builtin_vocabulary()).agencies.at(0).abbr);
  CHECK_FALSE(split_agencies("отчет в Министерство здравоохранения (МЗ РК)", builtin_vocabulary()).agencies.at(0).abbr);
  // Kazakh closes the name with its head.
  CHECK(split_agencies("Статистика агенттігі (СА)", builtin_vocabulary()).agencies.at(0).abbr == "СА");
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

// --- headings by word family -------------------------------------------------------------------

TEST_CASE("a short label whose words say abbreviations is a glossary heading in any language", "[glossary]") {
  const Vocabulary& v = builtin_vocabulary();
  for (const char* heading :
       {"Note: list of abbreviations:", "Abbreviations and acronyms", "List of acronyms used", "Notes: abbreviations",
        "Список используемых сокращений", "Принятые сокращения:", "Сокращения", "Примечание: перечень аббревиатур",
        "Перечень сокращений и аббревиатур, используемых в плане:", "Пайдаланылған қысқартулар",
        "Аббревиатуралардың толық жазылуы:", "Ескертпе: қысқартулардың толық жазылуы", "Аббревиатура",
        "Қысқартулардың мағынасы:", "Значение сокращений", "Расшифровки сокращений:", "Glossary",
        "Short forms used:", "Shortened names", "Abbreviated names used in the plan", "Сокращенные наименования:",
        "Қысқартылған атаулар:"}) {
    INFO(heading);
    CHECK(is_glossary_heading(heading, v));
  }
}

TEST_CASE("prose that mentions abbreviations is no glossary heading", "[glossary]") {
  const Vocabulary& v = builtin_vocabulary();
  for (const char* prose :
       {"The abbreviations used by the agencies of this plan are spelled out in the list that follows below.",
        "Agencies are named by their abbreviations.", "Note:", "Примечание: сроки указаны ориентировочно",
        "MIA – abbreviation of the Ministry", "Abbreviations of 2025"}) {
    INFO(prose);
    CHECK_FALSE(is_glossary_heading(prose, v));
  }
}

TEST_CASE("a word that also means reduction makes a heading only among label words", "[glossary]") {
  const Vocabulary& v = builtin_vocabulary();
  CHECK_FALSE(is_glossary_heading("Сокращение сроков оказания услуг", v));
  CHECK_FALSE(is_glossary_heading("Программа сокращения выбросов", v));
  CHECK_FALSE(is_glossary_heading("Шығындарды қысқарту", v));
  CHECK_FALSE(is_glossary_heading("Short-term measures", v));
  CHECK_FALSE(is_glossary_heading("Abbreviated procedures for small firms", v));
  CHECK_FALSE(is_glossary_heading("Сокращенные сроки рассмотрения", v));
  CHECK(is_glossary_heading("Условные сокращения", v));
  CHECK(is_glossary_heading("Қысқартулар тізімі", v));
}

// --- layouts -----------------------------------------------------------------------------------

TEST_CASE("a glossary of one entry a line inside one paragraph is read line by line", "[glossary]") {
  // A copy whose paragraphs are blank-line separated but whose glossary entries are not.
  const std::string text =
      "Список используемых сокращений:\n\nМВД – Министерство внутренних дел;\nМЮ — Министерство юстиции;\n"
      "МФ - Министерство финансов.\n\nДата публикации\n";
  const Blocks blocks = split_paragraphs(normalise(text));
  REQUIRE(blocks.paragraphs.size() == 3);
  const GlossaryResult glossary = read_glossary(blocks.paragraphs);
  CHECK(glossary.headed);
  CHECK(dump(glossary) == std::vector<std::string>{"МВД=Министерство внутренних дел@3", "МЮ=Министерство юстиции@4",
                                                   "МФ=Министерство финансов@5"});
  REQUIRE(glossary.rest.size() == 1);
  CHECK(glossary.rest[0].text == "Дата публикации");
}

TEST_CASE("a heading on the first line of the entries' paragraph opens the glossary", "[glossary]") {
  const Blocks blocks = split_paragraphs(
      normalise("Note: list of abbreviations:\nMIA – Ministry of Internal Affairs\nMJ – Ministry of Justice\n"));
  const GlossaryResult glossary = read_glossary(blocks.paragraphs);
  CHECK(glossary.headed);
  CHECK(dump(glossary) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@2", "MJ=Ministry of Justice@3"});
  CHECK(opens_glossary(blocks.paragraphs, 0, builtin_vocabulary()));
}

TEST_CASE("a line that is no entry continues the name above it", "[glossary]") {
  const Blocks blocks = split_paragraphs(
      normalise("MIA – Ministry of Internal\nAffairs of the Republic;\nMJ – Ministry of Justice\n\nEnd of page\n"));
  const GlossaryResult glossary = read_glossary(blocks.paragraphs);
  CHECK(dump(glossary) ==
        std::vector<std::string>{"MIA=Ministry of Internal Affairs of the Republic@1", "MJ=Ministry of Justice@3"});
  REQUIRE(glossary.rest.size() == 1);
}

TEST_CASE("one entry wrapped over lines stays one entry", "[glossary]") {
  const Blocks blocks = split_paragraphs(normalise("ЦГО – центральные\nгосударственные органы\n\nEnd\n"));
  CHECK(dump(read_glossary(blocks.paragraphs)) == std::vector<std::string>{"ЦГО=центральные государственные органы@1"});
}

TEST_CASE("a trailing semicolon or full stop ends an entry and is not part of its name", "[glossary]") {
  const GlossaryResult glossary =
      read_glossary(paragraphs({"MIA – Ministry of Internal Affairs;", "MJ: Ministry of Justice.", "MF", "Ministry of Finance;"}));
  CHECK(dump(glossary) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@10", "MJ=Ministry of Justice@11",
                                                   "MF=Ministry of Finance@12"});
}

TEST_CASE("a glossary table's name cell opening with a dash keeps no dash in the name", "[glossary]") {
  // Before: "– Управление городской мобильности", and every agency's name with it.
  const GlossaryResult glossary =
      read_glossary(paragraphs({"Сокращения:", "УГМ", "– Управление городской мобильности", "ДП", "- Департамент полиции"}));
  CHECK(dump(glossary) == std::vector<std::string>{"УГМ=Управление городской мобильности@11", "ДП=Департамент полиции@13"});
}

TEST_CASE("under a heading, an entry written name first is read, with a dash or in brackets", "[glossary]") {
  // Before: both lines unclaimed, every abbreviation of the table unknown.
  CHECK(dump(read_glossary(paragraphs({"Расшифровка аббревиатур:", "Министерство транспорта Республики Казахстан – МТ",
                                       "Министерство финансов (МФ);", "Ministry of Energy - ME"}))) ==
        std::vector<std::string>{"МТ=Министерство транспорта Республики Казахстан@11", "МФ=Министерство финансов@12",
                                 "ME=Ministry of Energy@13"});
  // With no heading it is no entry: in the rows, "Ministry of Energy (ME)" is an agency giving
  // its own abbreviation.
  CHECK(read_glossary(paragraphs({"Министерство транспорта – МТ", "Министерство финансов – МФ"})).entries.empty());
}

TEST_CASE("a spaced dash separates an entry, not the hyphen inside its abbreviation", "[glossary]") {
  // The hyphen inside "ШЖҚ-РМК" is followed by no capitalised name: the spaced dash separates.
  CHECK(dump(read_glossary(paragraphs({"МВД– Министерство внутренних дел", "ШЖҚ-РМК – кәсіпорын"}))) ==
        std::vector<std::string>{"МВД=Министерство внутренних дел@10", "ШЖҚ-РМК=кәсіпорын@11"});
}

TEST_CASE("the heading row of a two-column glossary table is not an entry", "[glossary]") {
  // The table flattened row by row: the heading row's cells, then one row an entry.
  const GlossaryResult ru = read_glossary(paragraphs({"Примечание: расшифровка аббревиатур:", "Аббревиатура",
                                                      "Полное наименование", "МВД", "Министерство внутренних дел",
                                                      "МЮ", "Министерство юстиции"}));
  CHECK(ru.headed);
  CHECK(dump(ru) == std::vector<std::string>{"МВД=Министерство внутренних дел@13", "МЮ=Министерство юстиции@15"});
  CHECK(ru.diagnostics.empty());
  const GlossaryResult kk =
      read_glossary(paragraphs({"Қысқарту", "Толық атауы", "ІІМ", "Ішкі істер министрлігі"}));
  CHECK(dump(kk) == std::vector<std::string>{"ІІМ=Ішкі істер министрлігі@12"});
  const GlossaryResult en = read_glossary(paragraphs({"Abbreviation", "Full name", "MIA – Ministry of Internal Affairs"}));
  CHECK(dump(en) == std::vector<std::string>{"MIA=Ministry of Internal Affairs@12"});
}

TEST_CASE("a lone note paragraph before the heading is read over with it", "[glossary]") {
  const std::vector<Paragraph> input = paragraphs({"Примечание:", "Принятые сокращения:", "МВД – Министерство внутренних дел"});
  CHECK(opens_glossary(input, 0, builtin_vocabulary()));
  const GlossaryResult glossary = read_glossary(input);
  CHECK(glossary.headed);
  CHECK(dump(glossary) == std::vector<std::string>{"МВД=Министерство внутренних дел@12"});
}

// --- where a glossary opens, for the table stage ---------------------------------------------

TEST_CASE("two entries in a row open a glossary without a heading, one entry does not", "[glossary]") {
  const Vocabulary& v = builtin_vocabulary();
  const std::vector<Paragraph> run =
      paragraphs({"MIA", "MIA – Ministry of Internal Affairs", "MJ: Ministry of Justice", "Publication date"});
  CHECK_FALSE(opens_glossary(run, 0, v));
  CHECK(opens_glossary(run, 1, v));
  CHECK_FALSE(opens_glossary(run, 2, v));  // one entry before the footer, its abbreviation not used above
  CHECK_FALSE(opens_glossary(run, 4, v));
  // Two entries on two lines of one paragraph.
  const Blocks lines = split_paragraphs(normalise("MIA – Ministry of Internal Affairs\nMJ — Ministry of Justice;\n"));
  CHECK(opens_glossary(lines.paragraphs, 0, v));
}

TEST_CASE("activity paragraphs and agency lists open no glossary", "[glossary]") {
  const Vocabulary& v = builtin_vocabulary();
  const std::vector<Paragraph> row =
      paragraphs({"12", "Сокращение сроков рассмотрения обращений", "Приказ", "2025 год", "МВД, МЮ (по согласованию)"});
  for (size_t at = 0; at < row.size(); ++at) {
    INFO(row[at].text);
    CHECK_FALSE(opens_glossary(row, at, v));
  }
}

TEST_CASE("what follows the glossary is the rest of the input, a paragraph of lines whole", "[glossary]") {
  const Blocks blocks =
      split_paragraphs(normalise("Abbreviations:\n\nMIA – Ministry\nMJ – Justice\n\nSigned by\nthe minister\n"));
  const GlossaryResult glossary = read_glossary(blocks.paragraphs);
  CHECK(glossary.entries.size() == 2);
  REQUIRE(glossary.rest.size() == 1);
  CHECK(glossary.rest[0].text == "Signed by the minister");
}

// --- end to end ----------------------------------------------------------------------------

TEST_CASE("a Russian copy whose glossary is one entry a line resolves every agency", "[glossary][pipeline]") {
  const std::string text =
      "План мероприятий\n\nНаименование мероприятия\n\nФорма завершения\n\nСроки исполнения\n\n"
      "Ответственные исполнители\n\n1\n\nПодготовить проект закона\n\nПроект закона\n\n2025 год\n\nМЮ, МВД\n\n"
      "2\n\nПровести обучение\n\nИнформация\n\n2026 год\n\nМФ\n\n"
      "Список используемых сокращений:\n\nМЮ – Министерство юстиции;\nМВД – Министерство внутренних дел;\n"
      "МФ – Министерство финансов.\n";
  const Plan plan = parse_text("plan.txt", text);
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.abbreviations.size() == 3);
  CHECK(agencies_of(plan) == std::vector<std::string>{"МЮ=Министерство юстиции", "МВД=Министерство внутренних дел",
                                                      "МФ=Министерство финансов"});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("an English plan headed \"Note: list of abbreviations:\" keeps its glossary and its last row", "[glossary][pipeline]") {
  const std::string text =
      "Plan\n\nName\n\nOutcome\n\nDeadline\n\nAgencies in charge\n\n1\n\nDraft a law\n\nDraft law\n\n2025\n\nMJ\n\n"
      "2\n\nTrain the staff\n\nReport\n\n2026\n\nMIA\n\nNote: list of abbreviations:\n\n"
      "MJ – Ministry of Justice\n\nMIA – Ministry of Internal Affairs\n";
  const Plan plan = parse_text("plan.txt", text);
  REQUIRE(plan.activities.size() == 2);
  CHECK(plan.activities[1].name == "Train the staff");
  CHECK(agencies_of(plan) == std::vector<std::string>{"MJ=Ministry of Justice", "MIA=Ministry of Internal Affairs"});
  CHECK(plan.diagnostics.empty());
}

namespace {

const std::string kPageTable =
    "<html><body><article><h1>Plan</h1><table>"
    "<tr><th>No.</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies in charge</th></tr>"
    "<tr><td>1</td><td>Draft a law</td><td>Draft law</td><td>2025</td><td>MJ, MIA</td></tr>"
    "</table>\n";

}  // namespace

TEST_CASE("an HTML glossary in one paragraph with line breaks resolves every agency", "[glossary][pipeline][html]") {
  const Plan plan = parse_text("plan.html", kPageTable +
                                                "<p>Abbreviations:</p><p>MJ – Ministry of Justice;<br>MIA – Ministry "
                                                "of Internal Affairs.</p></article></body></html>");
  CHECK(agencies_of(plan) == std::vector<std::string>{"MJ=Ministry of Justice", "MIA=Ministry of Internal Affairs"});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("an HTML two-column glossary table with a heading row resolves every agency", "[glossary][pipeline][html]") {
  const Plan plan = parse_text(
      "plan.html", kPageTable +
                       "<p>Принятые сокращения:</p><table><tr><th>Аббревиатура</th><th>Полное наименование</th></tr>"
                       "<tr><td>MJ</td><td>Ministry of Justice</td></tr><tr><td>MIA</td><td>Ministry of Internal "
                       "Affairs</td></tr></table></article></body></html>");
  CHECK(agencies_of(plan) == std::vector<std::string>{"MJ=Ministry of Justice", "MIA=Ministry of Internal Affairs"});
  CHECK(plan.abbreviations.size() == 2);
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("entries without a heading that spell out no agency of the table are no glossary", "[glossary][pipeline][html]") {
  const Plan plan = parse_text("plan.html", kPageTable +
                                                "<p>CEO – chief executive officer</p><p>CFO – chief financial officer"
                                                "</p></article></body></html>");
  CHECK(plan.abbreviations.empty());
  CHECK(codes(plan) == std::vector<std::string>{"unknown-abbreviation@1", "unknown-abbreviation@1",
                                                "unclaimed-paragraph@2", "unclaimed-paragraph@2"});
}

TEST_CASE("entries without a heading that spell out the table's agencies are its glossary", "[glossary][pipeline][html]") {
  const Plan plan = parse_text("plan.html", kPageTable +
                                                "<p>MJ – Ministry of Justice</p><p>MIA – Ministry of Internal Affairs"
                                                "</p></article></body></html>");
  CHECK(agencies_of(plan) == std::vector<std::string>{"MJ=Ministry of Justice", "MIA=Ministry of Internal Affairs"});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("a glossary entry may define an abbreviation of several words, as legal forms are written", "[glossary]") {
  const GlossaryResult glossary = read_glossary(
      {{"ГКП на ПХВ – государственное коммунальное предприятие на праве хозяйственного ведения", 1},
       {"ШЖҚ РМК – шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорын", 3},
       {"МЧС – Министерство по чрезвычайным ситуациям", 5}});
  REQUIRE(glossary.entries.size() == 3);
  CHECK(glossary.entries[0].abbr == "ГКП на ПХВ");
  CHECK(glossary.entries[1].abbr == "ШЖҚ РМК");
  CHECK(glossary.entries[2].abbr == "МЧС");
  // A phrase of words is no abbreviation: the entry is prose, and what follows is the footer.
  CHECK_FALSE(is_glossary_entry("Проведение семинаров – по плану"));
}

TEST_CASE("a caption in unknown words right before entries heads them and is no agency of the last row",
          "[glossary][pipeline]") {
  // The same plan as a copy with tabs, as a copy of one cell a paragraph, and as a page.
  const std::string rows[2][5] = {{"1", "Обновление фондов сельских библиотек", "информация в МКС", "июнь 2026 года",
                                   "МКС, акиматы областей"},
                                  {"2", "Подключение библиотек к сети", "отчет в МЦР", "декабрь 2026 года", "МЦР, МКС"}};
  const std::string header[5] = {"№", "Наименование мероприятия", "Форма завершения", "Срок исполнения",
                                 "Ответственные исполнители"};
  const std::string tail = "Справочно:\n\nМКС – Министерство культуры и спорта\n\nМЦР – Министерство цифрового развития\n";
  std::string tabs = "План мероприятий\n\n";
  std::string flat = tabs;
  for (const auto* row : {header, rows[0], rows[1]}) {
    for (int c = 0; c < 5; ++c) {
      tabs += row[c] + (c < 4 ? "\t" : "\n\n");
      flat += row[c] + "\n\n";
    }
  }
  const std::vector<std::string> expected{"МКС=Министерство культуры и спорта", "=акиматы областей",
                                          "МЦР=Министерство цифрового развития", "МКС=Министерство культуры и спорта"};
  for (const std::string& text : {tabs + tail, flat + tail}) {
    const Plan plan = parse_text("plan.ru.txt", text);
    REQUIRE(plan.activities.size() == 2);
    CHECK(agencies_of(plan) == expected);
    CHECK(plan.abbreviations.size() == 2);
    CHECK(plan.diagnostics.empty());
  }
  const Plan page = parse_text("plan.html", kPageTable + "<p>For reference:</p><p>MJ – Ministry of Justice</p>"
                                                         "<p>MIA – Ministry of Internal Affairs</p></article></body></html>");
  CHECK(agencies_of(page) == std::vector<std::string>{"MJ=Ministry of Justice", "MIA=Ministry of Internal Affairs"});
  CHECK(page.diagnostics.empty());
}

TEST_CASE("a caption is a short label ending in a colon, with no digit and no entry in it", "[glossary]") {
  CHECK(is_caption("Справочно:"));
  CHECK(is_caption("For reference:"));
  CHECK(is_caption("  Анықтама үшін: "));
  CHECK_FALSE(is_caption("Справочно"));                          // no colon
  CHECK_FALSE(is_caption("Приложение 2:"));                     // a digit
  CHECK_FALSE(is_caption("МЮ: Министерство юстиции"));           // an entry
  CHECK_FALSE(is_caption("В рамках реализации плана предусмотрено следующее:"));  // a sentence
  // A caption over entries that spell out none of the table's agencies proves no glossary: the
  // caption and the entries stay outside the table, reported, and no agency takes the caption.
  const Plan plan = parse_text("plan.html", kPageTable + "<p>For reference:</p><p>CEO – chief executive officer</p>"
                                                         "<p>CFO – chief financial officer</p></article></body></html>");
  CHECK(plan.abbreviations.empty());
  CHECK(agencies_of(plan) == std::vector<std::string>{"MJ=?", "MIA=?"});
}

TEST_CASE("an abbreviation the glossary defines is read as one even where it is also a legal-form word",
          "[glossary][pipeline]") {
  const Plan plan = parse_text("plan.kk.html",
                               "<html><body><h1>Жоспар</h1><table><tr><th>№</th><th>Іс-шараның атауы</th>"
                               "<th>Орындау мерзімі</th><th>Жауаптылар</th></tr><tr><td>1</td><td>Кітап сатып алу</td>"
                               "<td>2026 жыл</td><td>ММБ, ҚБ (келісім бойынша)</td></tr></table><p>Анықтама үшін:</p>"
                               "<p>ММБ – мәдениет бөлімі</p><p>ҚБ – қаржы бөлімі</p></body></html>");
  CHECK(agencies_of(plan) == std::vector<std::string>{"ММБ=мәдениет бөлімі", "ҚБ=қаржы бөлімі"});
  REQUIRE(plan.activities.size() == 1);
  CHECK(plan.activities[0].agencies[1].as_agreed);
  CHECK(plan.diagnostics.empty());
}

// --- glossaries written in other ways (issue 13) -----------------------------------------------

namespace {

// A one-row plan in flattened text (a cell a paragraph) whose last cell names `agencies`, with
// `before` between its title and header and `after` below its row.
std::string one_row_plan(const std::string& agencies, const std::string& before, const std::string& after) {
  return "План работы\n\n" + before + "№\n\nМероприятие\n\nФорма завершения\n\nСрок\n\nИсполнители\n\n1\n\n"
         "Обновление парка автобусов\n\nИнформация\n\n2027 год\n\n" + agencies + "\n\n" + after;
}

std::vector<std::string> glossary_of(const Plan& plan) {
  std::vector<std::string> out;
  for (const Abbreviation& a : plan.abbreviations) out.push_back(a.abbr + "=" + a.name);
  return out;
}

}  // namespace

TEST_CASE("a glossary line that reads as no entry is reported at its line and the glossary goes on", "[glossary]") {
  const GlossaryResult glossary =
      read_glossary(paragraphs({"Список сокращений:", "УТ – управление транспорта", "Парк им. Гагарина – городской парк",
                                "ОЖКХ – отдел жилищно-коммунального хозяйства", "Дата публикации"}));
  CHECK(dump(glossary) == std::vector<std::string>{"УТ=управление транспорта@11", "ОЖКХ=отдел жилищно-коммунального хозяйства@13"});
  REQUIRE(glossary.diagnostics.size() == 1);
  CHECK(glossary.diagnostics[0].code == Code::unclaimed_paragraph);
  CHECK(glossary.diagnostics[0].line == 12);
  REQUIRE(glossary.rest.size() == 1);
  CHECK(glossary.rest[0].text == "Дата публикации");
}

TEST_CASE("a legal form before a quoted short name is the abbreviated side of an entry", "[glossary]") {
  const GlossaryResult glossary = read_glossary(paragraphs(
      {"Сокращения:", "УТ – управление транспорта", "ТОО «ГАП» – товарищество «Городской автобусный парк»",
       "АО \"РЭК\" – акционерное общество \"Региональная энергетическая компания\""}));
  CHECK(dump(glossary) == std::vector<std::string>{"УТ=управление транспорта@11",
                                                   "ТОО «ГАП»=товарищество «Городской автобусный парк»@12",
                                                   "АО \"РЭК\"=акционерное общество \"Региональная энергетическая компания\"@13"});
  CHECK(glossary.diagnostics.empty());
}

TEST_CASE("a dash with no space on one side still separates an abbreviation from its name", "[glossary]") {
  const GlossaryResult glossary = read_glossary(
      paragraphs({"Сокращения:", "УТ–Управление транспорта города", "ОЖКХ-Отдел жилищного хозяйства",
                  "ДЗ —Департамент здравоохранения области", "УО– управление образования"}));
  CHECK(dump(glossary) == std::vector<std::string>{"УТ=Управление транспорта города@11", "ОЖКХ=Отдел жилищного хозяйства@12",
                                                   "ДЗ=Департамент здравоохранения области@13",
                                                   "УО=управление образования@14"});
  // A hyphen inside an abbreviation or a name joins no entry.
  CHECK_FALSE(is_glossary_entry("ГКП-1 городская поликлиника"));
  CHECK_FALSE(is_glossary_entry("Северо-Казахстанская область"));
  CHECK_FALSE(is_glossary_entry("UN-Habitat"));
  CHECK(dump(read_glossary(paragraphs({"MIA-Ministry of Internal Affairs"}))) ==
        std::vector<std::string>{"MIA=Ministry of Internal Affairs@10"});
}

TEST_CASE("a glossary in one paragraph after its heading is read entry by entry", "[glossary][pipeline]") {
  const Plan plan = parse_text(
      "plan.txt", one_row_plan("УТ, ОЖКХ", "",
                               "Примечание: расшифровка сокращений: УТ – управление транспорта города, "
                               "района; ОЖКХ – отдел жилищно-коммунального хозяйства.\n"));
  CHECK(glossary_of(plan) == std::vector<std::string>{"УТ=управление транспорта города, района",
                                                      "ОЖКХ=отдел жилищно-коммунального хозяйства"});
  CHECK(agencies_of(plan) == std::vector<std::string>{"УТ=управление транспорта города, района",
                                                      "ОЖКХ=отдел жилищно-коммунального хозяйства"});
  CHECK(plan.diagnostics.empty());
}

TEST_CASE("one entry with no heading after the table is its glossary when the table uses its abbreviation",
          "[glossary][pipeline]") {
  const Plan plan = parse_text("plan.txt", one_row_plan("ОЖКХ", "", "ОЖКХ – Отдел жилищно-коммунального хозяйства\n"));
  CHECK(glossary_of(plan) == std::vector<std::string>{"ОЖКХ=Отдел жилищно-коммунального хозяйства"});
  CHECK(agencies_of(plan) == std::vector<std::string>{"ОЖКХ=Отдел жилищно-коммунального хозяйства"});
  CHECK(plan.diagnostics.empty());
  const Vocabulary& v = builtin_vocabulary();
  // An entry whose abbreviation nothing above uses, or whose name is no body's, opens nothing.
  CHECK_FALSE(opens_glossary(paragraphs({"УТ", "ОЖКХ – Отдел жилищного хозяйства"}), 1, v));
  CHECK_FALSE(opens_glossary(paragraphs({"ОЖКХ", "ОЖКХ – по согласованию"}), 1, v));
  CHECK(opens_glossary(paragraphs({"УТ, ОЖКХ", "ОЖКХ – Отдел жилищного хозяйства"}), 1, v));
}

TEST_CASE("a glossary before the table is read, and the intro keeps the rest", "[glossary][pipeline]") {
  const Plan headed = parse_text(
      "plan.txt", one_row_plan("ОЖКХ", "Принятые сокращения:\n\nОЖКХ – Отдел жилищно-коммунального хозяйства\n\n", ""));
  CHECK(glossary_of(headed) == std::vector<std::string>{"ОЖКХ=Отдел жилищно-коммунального хозяйства"});
  CHECK(agencies_of(headed) == std::vector<std::string>{"ОЖКХ=Отдел жилищно-коммунального хозяйства"});
  CHECK(headed.intro.empty());
  CHECK(headed.diagnostics.empty());
  // Without a heading, entries before the table are a glossary when they spell out its agencies.
  const Plan headless = parse_text(
      "plan.txt", one_row_plan("ОЖКХ", "на 2027 год\n\nОЖКХ – Отдел жилищно-коммунального хозяйства\n\n", ""));
  CHECK(glossary_of(headless) == std::vector<std::string>{"ОЖКХ=Отдел жилищно-коммунального хозяйства"});
  // "на 2027 год" goes on the title "План работы" (a title set over lines).
  CHECK(headless.title == "План работы на 2027 год");
  CHECK(headless.intro.empty());
  const Plan unrelated =
      parse_text("plan.txt", one_row_plan("ОЖКХ", "УТ – Управление транспорта города\n\n", ""));
  CHECK(unrelated.abbreviations.empty());
  CHECK(unrelated.intro == std::vector<std::string>{"УТ – Управление транспорта города"});
}

TEST_CASE("abbreviations each with the marker's words after a dash are an agency cell, no glossary", "[glossary]") {
  // Found by the generator (stop 32): a barred export's last agency cell read as two entries ended
  // the table there, and the row lost its agencies and the plan its glossary.
  CHECK_FALSE(opens_glossary(paragraphs({"ТҚМ – келісім бойынша, ІСМ — келісім бойынша", "Қысқартылған атаулар:"}), 0,
                             builtin_vocabulary()));
  CHECK_FALSE(opens_glossary(paragraphs({"МВД – по согласованию", "МФ – по согласованию"}), 0, builtin_vocabulary()));
  CHECK(opens_glossary(paragraphs({"ТҚМ – Туризм министрлігі", "ІСМ – Ішкі істер министрлігі"}), 0, builtin_vocabulary()));
}

TEST_CASE("under a heading an abbreviation with a company's quoted name is a key, however its quotes nest", "[glossary]") {
  // Before: each such line was an unclaimed paragraph, and the table's "НПП «Атамекен»" unknown.
  const GlossaryResult glossary = read_glossary(paragraphs(
      {"Список сокращений:", "МЭПР – Министерство экологии", "НПП «Атамекен» — Национальная палата предпринимателей «Атамекен»",
       "АО «НК «ҚазАвтоЖол» – акционерное общество «Национальная компания «ҚазАвтоЖол»",
       "«ҚТЖ» ҰК» АҚ — «Қазақстан темір жолы» ұлттық компаниясы» акционерлік қоғамы"}));
  CHECK(dump(glossary) ==
        std::vector<std::string>{"МЭПР=Министерство экологии@11", "НПП «Атамекен»=Национальная палата предпринимателей «Атамекен»@12",
                                 "АО «НК «ҚазАвтоЖол»=акционерное общество «Национальная компания «ҚазАвтоЖол»@13",
                                 "«ҚТЖ» ҰК» АҚ=«Қазақстан темір жолы» ұлттық компаниясы» акционерлік қоғамы@14"});
  CHECK(glossary.diagnostics.empty());
  // Without a heading a quoted name with a dash is no entry: an agency cell "АО «КТЖ» – по
  // согласованию" must stay one.
  CHECK_FALSE(is_glossary_entry("АО «Казпочта» – по согласованию"));
}
