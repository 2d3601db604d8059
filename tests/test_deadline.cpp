// Deadline cells read into inclusive dates and a recurrence (parsers/deadline.h).
#include <catch2/catch.hpp>

#include <string>

#include "parsers/deadline.h"

using namespace planparse;

namespace {

// One line per deadline, so that an expectation and a failure both fit on a line:
// "from..to recurrence", "-" for null.
std::string dump(const std::optional<Deadline>& deadline) {
  if (!deadline) return "nullopt";
  const auto or_dash = [](const std::optional<std::string>& s) { return s ? *s : std::string("-"); };
  return or_dash(deadline->from) + ".." + or_dash(deadline->to) + " " + or_dash(deadline->recurrence);
}

struct Case {
  const char* input;
  const char* from;  // nullptr: null
  const char* to;
  const char* recurrence;
};

std::string dump(const Case& c) {
  const auto or_dash = [](const char* s) { return std::string(s ? s : "-"); };
  return or_dash(c.from) + ".." + or_dash(c.to) + " " + or_dash(c.recurrence);
}

}  // namespace

TEST_CASE("deadline cells in every known form read into inclusive dates", "[deadline]") {
  const Case cases[] = {
      // Every form of the reference document (follow-up-plan-2022.en.txt).
      {"By the end of 2022", nullptr, "2022-12-31", nullptr},
      {"By the end of 2023", nullptr, "2023-12-31", nullptr},
      {"August 2022", "2022-08-01", "2022-08-31", nullptr},
      {"September 2022", "2022-09-01", "2022-09-30", nullptr},
      {"2022", "2022-01-01", "2022-12-31", nullptr},
      {"2022-2025", "2022-01-01", "2025-12-31", nullptr},
      {"2022- 2023", "2022-01-01", "2023-12-31", nullptr},
      {"First half of 2022", "2022-01-01", "2022-06-30", nullptr},
      {"December 2023", "2023-12-01", "2023-12-31", nullptr},
      {"April 2025", "2025-04-01", "2025-04-30", nullptr},
      {"2023 – 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023", "2023-01-01", "2023-12-31", nullptr},
      // English: years, months, days.
      {"in 2024", "2024-01-01", "2024-12-31", nullptr},
      {"2024 year", "2024-01-01", "2024-12-31", nullptr},
      {"Dec 2023", "2023-12-01", "2023-12-31", nullptr},
      {"Aug. 2022", "2022-08-01", "2022-08-31", nullptr},
      {"December of 2023", "2023-12-01", "2023-12-31", nullptr},
      {"20 December 2022", "2022-12-20", "2022-12-20", nullptr},
      {"December 20, 2022", "2022-12-20", "2022-12-20", nullptr},
      {"December 20 2022", "2022-12-20", "2022-12-20", nullptr},
      // English: halves and quarters.
      {"second half of 2023", "2023-07-01", "2023-12-31", nullptr},
      {"H2 2023", "2023-07-01", "2023-12-31", nullptr},
      {"Q1 2023", "2023-01-01", "2023-03-31", nullptr},
      {"Q3 2022", "2022-07-01", "2022-09-30", nullptr},
      {"3rd quarter of 2022", "2022-07-01", "2022-09-30", nullptr},
      {"fourth quarter of 2024", "2024-10-01", "2024-12-31", nullptr},
      // English: open start.
      {"by August 2022", nullptr, "2022-08-31", nullptr},
      {"by the end of the first half of 2023", nullptr, "2023-06-30", nullptr},
      {"until the end of Q2 2024", nullptr, "2024-06-30", nullptr},
      {"no later than 1 July 2023", nullptr, "2023-07-01", nullptr},
      {"not later than the end of 2025", nullptr, "2025-12-31", nullptr},
      {"by December 20, 2022", nullptr, "2022-12-20", nullptr},
      // English: ranges, with every dash and any spacing.
      {"2023-2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 ‐ 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023‑2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 ‒2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023—2024", "2023-01-01", "2024-12-31", nullptr},
      {"2023 − 2024", "2023-01-01", "2024-12-31", nullptr},
      {"2022-2022", "2022-01-01", "2022-12-31", nullptr},
      {"January 2022 - June 2023", "2022-01-01", "2023-06-30", nullptr},
      {"January – June 2023", "2023-01-01", "2023-06-30", nullptr},
      {"Q3 2022 – Q1 2023", "2022-07-01", "2023-03-31", nullptr},
      {"2022-2024 years", "2022-01-01", "2024-12-31", nullptr},
      // English: trailing punctuation.
      {"By the end of 2022.", nullptr, "2022-12-31", nullptr},
      {"2022;", "2022-01-01", "2022-12-31", nullptr},
      // English: recurrences, alone, with a period, with an unreadable rest.
      {"annually", nullptr, nullptr, "annual"},
      {"Annually.", nullptr, nullptr, "annual"},
      {"semi-annually", nullptr, nullptr, "semiannual"},
      {"quarterly", nullptr, nullptr, "quarterly"},
      {"monthly", nullptr, nullptr, "monthly"},
      {"on an ongoing basis", nullptr, nullptr, "ongoing"},
      {"annually, 2022-2024", "2022-01-01", "2024-12-31", "annual"},
      {"2022-2024, annually", "2022-01-01", "2024-12-31", "annual"},
      {"quarterly by the end of 2023", nullptr, "2023-12-31", "quarterly"},
      {"annually by 25 December", nullptr, nullptr, "annual"},
      // Russian.
      {"до конца 2022 года", nullptr, "2022-12-31", nullptr},
      {"2022 год", "2022-01-01", "2022-12-31", nullptr},
      {"в 2022 году", "2022-01-01", "2022-12-31", nullptr},
      {"в течение 2023 года", "2023-01-01", "2023-12-31", nullptr},
      {"август 2022 года", "2022-08-01", "2022-08-31", nullptr},
      {"декабрь 2023 г.", "2023-12-01", "2023-12-31", nullptr},
      {"в декабре 2023 года", "2023-12-01", "2023-12-31", nullptr},
      {"20 декабря 2022 года", "2022-12-20", "2022-12-20", nullptr},
      {"до 1 июля 2023 года", nullptr, "2023-07-01", nullptr},
      {"не позднее 10 января 2024 года", nullptr, "2024-01-10", nullptr},
      {"III квартал 2022 года", "2022-07-01", "2022-09-30", nullptr},
      {"в IV квартале 2023 года", "2023-10-01", "2023-12-31", nullptr},
      {"I полугодие 2023 года", "2023-01-01", "2023-06-30", nullptr},
      {"до конца I полугодия 2023 года", nullptr, "2023-06-30", nullptr},
      {"второе полугодие 2024 года", "2024-07-01", "2024-12-31", nullptr},
      {"2022-2025 годы", "2022-01-01", "2025-12-31", nullptr},
      {"2022 – 2023 гг.", "2022-01-01", "2023-12-31", nullptr},
      {"январь 2022 – июнь 2023 года", "2022-01-01", "2023-06-30", nullptr},
      {"ежегодно", nullptr, nullptr, "annual"},
      {"ежеквартально", nullptr, nullptr, "quarterly"},
      {"постоянно", nullptr, nullptr, "ongoing"},
      {"ежегодно, 2022-2024 годы", "2022-01-01", "2024-12-31", "annual"},
      {"ежегодно, до 25 декабря 2023 года", nullptr, "2023-12-25", "annual"},
      {"ежегодно, до 25 декабря", nullptr, nullptr, "annual"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("every Russian, Kazakh and English form that issue 4 lists reads into its dates", "[deadline]") {
  const Case cases[] = {
      {"до конца 2022 года", nullptr, "2022-12-31", nullptr},
      {"август 2022 года", "2022-08-01", "2022-08-31", nullptr},
      {"2022 год", "2022-01-01", "2022-12-31", nullptr},
      {"2022 – 2025 годы", "2022-01-01", "2025-12-31", nullptr},
      {"I полугодие 2022 года", "2022-01-01", "2022-06-30", nullptr},
      {"II полугодие 2025 года", "2025-07-01", "2025-12-31", nullptr},
      {"IV квартал 2024 года", "2024-10-01", "2024-12-31", nullptr},
      {"1 квартал 2023 года", "2023-01-01", "2023-03-31", nullptr},
      {"декабрь 2023 года", "2023-12-01", "2023-12-31", nullptr},
      {"до 1 июля 2025 года", nullptr, "2025-07-01", nullptr},
      {"10 декабря 2022 года", "2022-12-10", "2022-12-10", nullptr},
      {"ежегодно", nullptr, nullptr, "annual"},
      {"ежегодно, до 25 декабря", nullptr, nullptr, "annual"},
      {"ежеквартально", nullptr, nullptr, "quarterly"},
      {"постоянно", nullptr, nullptr, "ongoing"},
      {"2022 жылдың соңына дейін", nullptr, "2022-12-31", nullptr},
      {"2022 жылғы тамыз", "2022-08-01", "2022-08-31", nullptr},
      {"2022 жыл", "2022-01-01", "2022-12-31", nullptr},
      {"2022 – 2025 жылдар", "2022-01-01", "2025-12-31", nullptr},
      {"2022 жылғы І жартыжылдық", "2022-01-01", "2022-06-30", nullptr},  // Cyrillic І
      {"2022 жылғы I жартыжылдық", "2022-01-01", "2022-06-30", nullptr},  // Latin I
      {"2024 жылғы IV тоқсан", "2024-10-01", "2024-12-31", nullptr},
      {"жыл сайын", nullptr, nullptr, "annual"},
      {"тұрақты", nullptr, nullptr, "ongoing"},
      {"Q2 2025", "2025-04-01", "2025-06-30", nullptr},
      {"by 1 July 2025", nullptr, "2025-07-01", nullptr},
      {"2nd half of 2026", "2026-07-01", "2026-12-31", nullptr},
      {"on an annual basis", nullptr, nullptr, "annual"},
      {"on a permanent basis", nullptr, nullptr, "ongoing"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("Kazakh puts the year first and 'until' after the date", "[deadline]") {
  const Case cases[] = {
      {"2025 жылғы 1 шілдеге дейін", nullptr, "2025-07-01", nullptr},
      {"2023 жылғы 28 сәуірдегі", "2023-04-28", "2023-04-28", nullptr},
      {"2023 жылғы желтоқсанға дейін", nullptr, "2023-12-31", nullptr},
      {"2023 жылғы ІІІ тоқсан", "2023-07-01", "2023-09-30", nullptr},
      {"2024 жылғы 1 тоқсан", "2024-01-01", "2024-03-31", nullptr},
      {"жыл сайын, 2023-2025 жылдар", "2023-01-01", "2025-12-31", "annual"},
      {"тоқсан сайын", nullptr, nullptr, "quarterly"},
      // A postposition alone, or twice, is no date.
      {"дейін", nullptr, nullptr, nullptr},
      {"2022 дейін дейін", nullptr, nullptr, nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const std::optional<Deadline> deadline = parse_deadline(c.input, builtin_vocabulary());
    if (!c.from && !c.to && !c.recurrence) {
      CHECK_FALSE(deadline.has_value());
    } else {
      CHECK(dump(deadline) == dump(c));
    }
  }
}

TEST_CASE("deadline months have their real lengths, February 29 days in a leap year", "[deadline]") {
  const Case cases[] = {
      {"February 2024", "2024-02-01", "2024-02-29", nullptr},
      {"February 2023", "2023-02-01", "2023-02-28", nullptr},
      {"February 2000", "2000-02-01", "2000-02-29", nullptr},
      {"February 1900", "1900-02-01", "1900-02-28", nullptr},
      {"29 February 2024", "2024-02-29", "2024-02-29", nullptr},
      {"by the end of February 2028", nullptr, "2028-02-29", nullptr},
      {"June 2023", "2023-06-01", "2023-06-30", nullptr},
      {"July 2023", "2023-07-01", "2023-07-31", nullptr},
      {"November 2023", "2023-11-01", "2023-11-30", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dump(parse_deadline(c.input, builtin_vocabulary())) == dump(c));
  }
}

TEST_CASE("text that is not a deadline reads as no deadline", "[deadline]") {
  const char* inputs[] = {
      "",
      "   ",
      "Draft Law",
      "MIA, GPO (as agreed)",
      "12",
      "1.",
      "13 2022",
      "2022-2021",
      "December 2023 - 2022",
      "1899",
      "2101",
      "20222",
      "2022 2023",
      "2022,",
      "by",
      "by the end of the year",
      "year",
      "Q5 2022",
      "29 February 2023",
      "31 April 2023",
      "32 December 2022",
      "January - June",
      "Report annually to the Government",
      "2022 (as agreed)",
  };
  for (const char* input : inputs) {
    INFO("\"" << input << "\"");
    CHECK(dump(parse_deadline(input, builtin_vocabulary())) == "nullopt");
  }
}

TEST_CASE("deadline words are matched regardless of case", "[deadline]") {
  CHECK(dump(parse_deadline("BY THE END OF 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("by The End Of 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("AUGUST 2022", builtin_vocabulary())) == "2022-08-01..2022-08-31 -");
  CHECK(dump(parse_deadline("ДО КОНЦА 2022 ГОДА", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("iii КВАРТАЛ 2022 г.", builtin_vocabulary())) == "2022-07-01..2022-09-30 -");
  CHECK(dump(parse_deadline("ANNUALLY", builtin_vocabulary())) == "-..- annual");
}

TEST_CASE("a deadline keeps its text as published, only trimmed", "[deadline]") {
  const std::optional<Deadline> deadline = parse_deadline("  By the end of 2022.  ", builtin_vocabulary());
  REQUIRE(deadline);
  CHECK(deadline->text == "By the end of 2022.");
  const std::optional<Deadline> recurrence = parse_deadline("annually by 25 December", builtin_vocabulary());
  REQUIRE(recurrence);
  CHECK(recurrence->text == "annually by 25 December");
}

TEST_CASE("deadline phrases may be spread over several spaces, including no-break ones", "[deadline]") {
  CHECK(dump(parse_deadline("By  the\u00a0end   of 2022", builtin_vocabulary())) == "-..2022-12-31 -");
  CHECK(dump(parse_deadline("до\u00a0конца\u00a02022\u00a0года", builtin_vocabulary())) == "-..2022-12-31 -");
}

TEST_CASE("deadline words come from the vocabulary, not the code", "[deadline]") {
  Result<Vocabulary> german = parse_vocabulary(
      "month.3\tMärz\ndeadline.by\tbis\ndeadline.filler\tJahr\nrecurrence.annual\tjährlich\n", "de");
  REQUIRE(german.ok());
  CHECK(dump(parse_deadline("bis MÄRZ 2024", german.value())) == "-..2024-03-31 -");
  CHECK(dump(parse_deadline("Jahr 2024", german.value())) == "2024-01-01..2024-12-31 -");
  CHECK(dump(parse_deadline("jährlich", german.value())) == "-..- annual");
  CHECK(dump(parse_deadline("By the end of 2022", german.value())) == "nullopt");
  CHECK(dump(parse_deadline("August 2022", german.value())) == "nullopt");
}
