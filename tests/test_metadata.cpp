// metadata: the publication date a page carries outside its document (footer, <time>, <meta>).
#include <catch2/catch.hpp>

#include "parsers/metadata.h"

using namespace planparse;

namespace {

PageMetadata page(std::vector<Paragraph> footer, std::vector<Paragraph> stamps) {
  PageMetadata out;
  out.footer = std::move(footer);
  out.stamps = std::move(stamps);
  return out;
}

// The act find_act reads from the intro's paragraphs, as "<date> <number>", or "none".
std::string act_read(std::vector<std::string> texts) {
  std::vector<Paragraph> intro;
  for (std::string& text : texts) intro.push_back(Paragraph{std::move(text), 1});
  const std::optional<Act> act = find_act(intro, builtin_vocabulary());
  return act ? act->date.value_or("?") + " " + act->number.value_or("?") : std::string("none");
}

}  // namespace

TEST_CASE("an ISO day is read with or without a time part, and an impossible day is not", "[metadata]") {
  CHECK(read_iso_day("2025-04-28") == "2025-04-28");
  CHECK(read_iso_day("2025-04-28T09:30:00+05:00") == "2025-04-28");
  CHECK(read_iso_day("2025-04-28 23:59") == "2025-04-28");
  CHECK(read_iso_day(" 2024-02-29 ") == "2024-02-29");
  CHECK_FALSE(read_iso_day("2025-02-29"));
  CHECK_FALSE(read_iso_day("2025-13-01"));
  CHECK_FALSE(read_iso_day("2025-04-00"));
  CHECK_FALSE(read_iso_day("2025-04"));
  CHECK_FALSE(read_iso_day("2025-04-28x"));
  CHECK_FALSE(read_iso_day("28.04.2025"));
}

TEST_CASE("a page footer's published words give the day after them, other words between or not", "[metadata]") {
  const Vocabulary& v = builtin_vocabulary();
  CHECK(page_published(page({{"Publication date: April 28, 2025", 40}}, {}), v) == "2025-04-28");
  CHECK(page_published(page({{"Site owner: the ministry. Publication date of this page: 3 May 2024. All rights reserved", 40}}, {}),
                       v) == "2024-05-03");
  CHECK(page_published(page({{"Дата публикации:", 40}, {"5 марта 2023", 41}}, {}), v) == "2023-03-05");
  CHECK(page_published(page({{"Жарияланған күні: 2022 жылғы 28 сәуір", 40}}, {}), v) == "2022-04-28");
}

TEST_CASE("a page's date stamps are read when its footer names no day, the first readable winning", "[metadata]") {
  const Vocabulary& v = builtin_vocabulary();
  CHECK(page_published(page({{"Views: 1 734", 40}, {"Publication date: soon", 41}}, {{"2025-04-28T10:00:00Z", 9}}), v) ==
        "2025-04-28");
  CHECK(page_published(page({}, {{"yesterday", 3}, {"2025-04-27", 4}, {"2025-04-28", 5}}), v) == "2025-04-27");
  CHECK(page_published(page({}, {{"April 28, 2025", 3}}), v) == "2025-04-28");
  CHECK_FALSE(page_published(page({{"Contact centre: 1414", 40}}, {{"2025", 3}}), v));
}

TEST_CASE("a footer date is preferred to a stamp", "[metadata]") {
  CHECK(page_published(page({{"Publication date: 1 June 2024", 40}}, {{"2025-04-28", 5}}), builtin_vocabulary()) ==
        "2024-06-01");
}

TEST_CASE("a legal portal's \"Дата опубликования\" names the publication date", "[metadata]") {
  CHECK(page_published(page({{"Дата опубликования: 23 января 2007", 40}}, {}), builtin_vocabulary()) == "2007-01-23");
}

TEST_CASE("the footer's unclaimed paragraphs keep their text and lines, the claimed ones go", "[metadata]") {
  std::vector<Paragraph> after;
  int line = 30;
  for (const char* text : {"Минздрав – Министерство здравоохранения", "Дата публикации:", "13 марта 2026 года",
                           "Руководитель аппарата"}) {
    after.push_back(Paragraph{text, line += 2, {}});
  }
  const Footer footer = read_footer(std::move(after), builtin_vocabulary());
  CHECK(footer.published == "2026-03-13");
  REQUIRE(footer.unclaimed.size() == 2);
  CHECK(footer.unclaimed[0].text == "Минздрав – Министерство здравоохранения");
  CHECK(footer.unclaimed[0].line == 32);
  CHECK(footer.unclaimed[1].text == "Руководитель аппарата");
  CHECK(footer.unclaimed[1].line == 38);
}

TEST_CASE("an act's number may come before its date, and may start with a letter", "[metadata]") {
  const Vocabulary& v = builtin_vocabulary();
  const auto act_of = [&](std::string text) {
    const std::optional<Act> act = find_act({Paragraph{std::move(text), 1}}, v);
    return act ? act->date.value_or("?") + " " + act->number.value_or("?") : std::string("none");
  };
  CHECK(act_of("Утвержден решением маслихата города № 34 от 3 марта 2027 года") == "2027-03-03 34");
  CHECK(act_of("Approved by Order No. 34 dated 3 March 2027") == "2027-03-03 34");
  CHECK(act_of("Approved by Resolution No. 34 of 3 March 2027") == "2027-03-03 34");
  CHECK(act_of("Қала әкімдігінің 2027 жылғы 3 наурыздағы № Б-7/22 қаулысына қосымша") == "2027-03-03 Б-7/22");
  CHECK(act_of("Приложение к распоряжению от 3 марта 2027 года № Р-12") == "2027-03-03 Р-12");
  // The date before the number still wins; a number with no day near it is no act.
  CHECK(act_of("от 3 марта 2027 года № 34 от 5 марта 2027 года") == "2027-03-03 34");
  CHECK(act_of("в соответствии с пунктом № 4 плана") == "none");
}

TEST_CASE("an act's caption broken over lines gives its date from the line before the number", "[metadata]") {
  const Vocabulary& v = builtin_vocabulary();
  const std::optional<Act> act = find_act(
      {Paragraph{"Қала әкімдігінің", 1}, Paragraph{"2027 жылғы 3 наурыздағы", 1}, Paragraph{"№ Б-7/22 қаулысына қосымша", 1}}, v);
  REQUIRE(act);
  CHECK(act->date == "2027-03-03");
  CHECK(act->number == "Б-7/22");
  // A number whose line and the one before hold no day is no act.
  CHECK_FALSE(find_act({Paragraph{"Қала әкімдігінің", 1}, Paragraph{"№ Б-7/22 қаулысына қосымша", 1}}, v));
}

TEST_CASE("a date and number a citation governs are not the adopting act, nor is an amending act's", "[metadata]") {
  // Before: the last dated act of the intro won, a law the preamble cites or a later amendment
  // included.
  const Vocabulary& v = builtin_vocabulary();
  const auto act_of = [&](std::vector<std::string> texts) {
    std::vector<Paragraph> intro;
    for (std::string& text : texts) intro.push_back(Paragraph{std::move(text), 1});
    const std::optional<Act> act = find_act(intro, v);
    return act ? act->date.value_or("?") + " " + act->number.value_or("?") : std::string("none");
  };
  // A citing word before the law, and the law's name in quotes after its number.
  CHECK(act_of({"Решение маслихата района от 3 марта 2028 года № 12",
                "Согласно статье 6 Закона Республики Казахстан от 23 января 2001 года № 148 «О местном управлении» "
                "маслихат района РЕШИЛ утвердить план."}) == "2028-03-03 12");
  CHECK(act_of({"Approved by the order of the Minister dated 2 February 2028 No. 30",
                "In accordance with the Law dated 16 May 2014 No. 202 “On permits”, the plan sets the steps below."}) ==
        "2028-02-02 30");
  CHECK(act_of({"Resolution of the akimat dated 4 April 2028 No. 55",
                "Pursuant to the Decree dated 1 March 2027 No. 99 the akimat adopts the plan."}) == "2028-04-04 55");
  // Kazakh puts the citing word after the act it governs.
  CHECK(act_of({"Аудан әкімдігінің 2028 жылғы 9 қаңтардағы № 7 қаулысымен бекітілген",
                "Қазақстан Республикасының 2016 жылғы 6 сәуірдегі № 480 Заңына сәйкес әзірленді."}) == "2028-01-09 7");
  // An amendment note names a later act: the plan's own act is the one it amends.
  CHECK(act_of({"Постановление акимата района от 5 мая 2027 года № 121",
                "(с изменениями, внесенными постановлением акимата района от 2 октября 2027 года № 240)"}) ==
        "2027-05-05 121");
  CHECK(act_of({"Resolution of the akimat dated 5 May 2027 No. 121",
                "(as amended by the resolution dated 2 October 2027 No. 240)"}) == "2027-05-05 121");
  CHECK(act_of({"Аудан әкімдігінің 2027 жылғы 5 мамырдағы № 121 қаулысымен бекітілген",
                "(аудан әкімдігінің 2027 жылғы 2 қазандағы № 240 қаулысымен енгізілген өзгерістермен)"}) ==
        "2027-05-05 121");
  // A cited act alone is no adopting act; an adopting one after a citation in one sentence is.
  CHECK(act_of({"В соответствии с Законом от 10 июля 2002 года № 339 «О ветеринарии» разработан настоящий план."}) == "none");
  CHECK(act_of({"Во исполнение Указа от 1 марта 2027 года № 99, приказом Министра от 6 июня 2027 года № 310 утвержден план."}) ==
        "2027-06-06 310");
  // The adopting act's own name in quotes ("Об утверждении …") does not make it a cited one.
  CHECK(act_of({"Приложение к постановлению акимата от 5 мая 2027 года № 121 «Об утверждении плана мероприятий»"}) ==
        "2027-05-05 121");
}

TEST_CASE("an act's date whose day stands in quotes is read, in any quotes", "[metadata]") {
  // Official documents print the day in guillemets: «5» марта. Before: act null, no diagnostic.
  CHECK(act_read({"Утвержден приказом Министра транспорта от «5» марта 2026 года № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом Министра транспорта от \"5\" марта 2026 года № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом от “05” марта 2026 г. № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом от '5' марта 2026 года № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Қазақстан Республикасы Көлік министрінің 2026 жылғы «5» наурыздағы № 57-ө бұйрығымен бекітілген"}) ==
        "2026-03-05 57-ө");
  CHECK(act_read({"Approved by the order dated “5” March 2026 No. 57."}) == "2026-03-05 57");
  // The number first, its date after it.
  CHECK(act_read({"Утвержден приказом № 57 от «5» марта 2026 г."}) == "2026-03-05 57");
  // A caption broken over lines, the quoted day in the line before the number.
  CHECK(act_read({"Министрдің 2026 жылғы «5» наурыздағы", "№ 57-ө бұйрығымен бекітілген"}) == "2026-03-05 57-ө");
  // Quotes make no day of what is none.
  CHECK(act_read({"Утвержден приказом от «32» марта 2026 года № 57"}) == "none");
}

TEST_CASE("an act's numeric date may write its month as a Roman numeral", "[metadata]") {
  // Before: act null, no diagnostic.
  CHECK(act_read({"Утвержден приказом от 5.III.2026 № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом от 05.XII.2026 г. № 57"}) == "2026-12-05 57");
  // The Cyrillic "Х" and "І" Kazakh and Russian typists use for Roman digits.
  CHECK(act_read({"Утвержден приказом от 5.ХІ.2026 № 57"}) == "2026-11-05 57");
  CHECK(act_read({"Министрдің 5.IV.2026 № 12 бұйрығымен бекітілген"}) == "2026-04-05 12");
  // No month is thirteen; a Roman numeral is no day.
  CHECK(act_read({"Утвержден приказом от 5.XIII.2026 № 57"}) == "none");
  CHECK(act_read({"Утвержден приказом от V.3.2026 № 57"}) == "none");
}

TEST_CASE("an act's number runs over its letters and capitals, and ends at the first word that is not its own", "[metadata]") {
  // A number with words in capitals before it: before, act null, no diagnostic.
  CHECK(act_read({"Утвержден приказом Министра здравоохранения от 5 марта 2026 года № ҚР ДСМ-27"}) ==
        "2026-03-05 ҚР ДСМ-27");
  CHECK(act_read({"Министрдің 2026 жылғы 5 наурыздағы № ҚР ДСМ-27 бұйрығымен бекітілген"}) == "2026-03-05 ҚР ДСМ-27");
  CHECK(act_read({"Утвержден приказом № ҚР ДСМ-27 от 05.03.2026 г."}) == "2026-03-05 ҚР ДСМ-27");
  // Letters, hyphens, slashes and stops inside the number are its own.
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № ДСМ-27"}) == "2026-03-05 ДСМ-27");
  CHECK(act_read({"Утвержден распоряжением от 5 марта 2026 года № 123-р"}) == "2026-03-05 123-р");
  CHECK(act_read({"Approved by Order No. 12-ք dated 5 March 2026"}) == "2026-03-05 12-ք");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № 1/2"}) == "2026-03-05 1/2");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № 04-1/123"}) == "2026-03-05 04-1/123");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года №57"}) == "2026-03-05 57");
  // It ends before a name in quotes, a bracket, a comma, a stop, "г." and the words after it.
  CHECK(act_read({"Приложение к приказу от 5 марта 2026 года № 04-1/123 «Об утверждении плана мероприятий»"}) ==
        "2026-03-05 04-1/123");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № ҚР ДСМ-27 (с изменениями от 1 апреля 2026 года)"}) ==
        "2026-03-05 ҚР ДСМ-27");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № 57, с изменениями"}) == "2026-03-05 57");
  CHECK(act_read({"Approved by the order dated 5 March 2026 No. 57."}) == "2026-03-05 57");
  CHECK(act_read({"Приказ Министра от 5 марта 2026 года № 57 г. Астана"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № 57 ДСП"}) == "2026-03-05 57");
  // Words in capitals with no figure after them are no number.
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № ПРИКАЗ"}) == "none");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 года № ҚР ДСМ"}) == "none");
}

TEST_CASE("an act's date with \"г.\" after its year, or in English order, is read", "[metadata]") {
  CHECK(act_read({"Утвержден приказом от 05.03.2026 г. № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Утвержден приказом от 5 марта 2026 г. № 57"}) == "2026-03-05 57");
  CHECK(act_read({"Approved by the order dated 5 March 2026 No. 57"}) == "2026-03-05 57");
  CHECK(act_read({"Approved by the order of March 5, 2026 No 57"}) == "2026-03-05 57");
}

TEST_CASE("a cited act in the new forms of the act line is still no adopting act", "[metadata]") {
  CHECK(act_read({"В соответствии с приказом от «5» марта 2026 года № ҚР ДСМ-27 «О мерах» разработан план."}) == "none");
  CHECK(act_read({"Қазақстан Республикасының 2016 жылғы «6» сәуірдегі № 480-V Заңына сәйкес әзірленді."}) == "none");
  CHECK(act_read({"Утвержден приказом от «5» марта 2026 года № 57",
                  "(с изменениями, внесенными приказом от 1.IV.2026 № ҚР ДСМ-80)"}) == "2026-03-05 57");
}
