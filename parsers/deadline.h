// Fields step (pipeline stage 4): one paragraph of a deadline cell read into inclusive ISO
// dates and a recurrence. Every word it knows comes from the vocabulary (month.*,
// deadline.*, recurrence.*), so a new phrase is a data change. Tested by test_deadline.cpp.
#pragma once

#include <optional>
#include <string_view>

#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// Reads a deadline cell ("By the end of 2022", "August 2022", "2022-2025", "до 13.12.2025",
// "01.07.2025 – 31.12.2025", "2025 жылдың бірінші жартыжылдығы", "тоқсанына 1 рет") into inclusive
// dates. nullopt when the text has no known form: the caller keeps the text and warns
// (unparsed-deadline); no date is guessed.
//
// Deadline::text is the input trimmed, as published. A period is YEAR, MONTH YEAR, DAY MONTH YEAR,
// MONTH DAY[,] YEAR, DD.MM.YYYY (D.M.YYYY too), YYYY-MM-DD, HALF YEAR, QUARTER YEAR, or year first
// (YEAR MONTH, YEAR DAY MONTH, YEAR HALF, YEAR QUARTER). The grammar over periods:
//   - "by"/"до"/"по" before one, or "дейін"/"кешіктірмей" after it: open start, to its last day;
//   - PERIOD dash|"to"|"по" PERIOD, "from"/"с" before the first, "from … until"/"с … до", and the
//     Kazakh start "1 шілдеден (бастап) 31 желтоқсанға дейін": a range; an end without a year
//     takes the other end's ("January – June 2023", "2025 жылғы шілде – желтоқсан"), and two
//     numerals may share the unit after them ("III–IV кварталы 2025 года");
//   - a start with no end ("с 1 июля 2025 года") is no deadline;
//   - filler words anywhere, punctuation at either end ("2025 год,");
//   - a recurrence phrase leading or trailing (or trailing in brackets), alone or with any of the
//     above, the rest perhaps in brackets ("ежегодно (2026–2028 годы)"); a dash or a word that leads
//     on to a trailing one ("IV квартал 2026 года, далее ежегодно") may stand before it. A recurrence
//     with an unreadable rest ("ежегодно, до 20 января") keeps the recurrence and leaves the dates
//     null (the caller warns when that rest writes a year); a point in each year with no year of
//     its own beside a span, across a comma ("ежегодно до 1 февраля, 2026–2028 годы"), reads as
//     the span; beside a recurrence a start with no end reads as from its first day, `to` null
//     ("ежегодно, начиная с 2026 года", "annually from 2026 on").
// Vocabulary roles: month.N (month.N.from: an ablative that starts a range), deadline.by,
// deadline.by_end, deadline.from, deadline.to, deadline.half.N, deadline.quarter.N,
// deadline.part.N (a bare numeral), deadline.halves, deadline.quarters (the unit after two
// numerals), deadline.filler, deadline.then, deadline.onward, recurrence.X. Linear in the text; the forms and their dates are the table
// of docs/deadlines.md.
std::optional<Deadline> parse_deadline(std::string_view text, const Vocabulary& vocabulary);

// The same, but nullopt unless every word of the text is read: a recurrence with an unreadable
// rest ("report monthly") is no whole deadline. For cutting a deadline out of running text
// (run_on_rows.h), where the rest belongs to other cells.
std::optional<Deadline> parse_whole_deadline(std::string_view text, const Vocabulary& vocabulary);

}  // namespace planparse
