// Fields step (pipeline stage 4): one paragraph of a deadline cell read into inclusive ISO
// dates and a recurrence. Every word it knows comes from the vocabulary (month.*,
// deadline.*, recurrence.*), so a new phrase is a data change. Tested by test_deadline.cpp.
#pragma once

#include <optional>
#include <string_view>

#include "parsers/vocabulary.h"
#include "schema/plan.h"

namespace planparse {

// Reads a deadline cell ("By the end of 2022", "August 2022", "2022-2025", "First half of 2022",
// "annually", "до конца 2022 года", "2022 жылдың соңына дейін") into inclusive dates. nullopt when the text has no known form.
//
// Deadline::text is the input trimmed, as published. The forms: YEAR, MONTH YEAR, DAY MONTH YEAR,
// MONTH DAY[,] YEAR, HALF YEAR, QUARTER YEAR, and year first (YEAR MONTH, YEAR DAY MONTH,
// YEAR HALF, YEAR QUARTER); "by"/"by the end of" before one of them or after it (open start);
// PERIOD dash PERIOD (a year-less first period borrows the second's year); filler words anywhere;
// a recurrence phrase leading or trailing, alone or with any of the above. A recurrence with an
// unreadable rest keeps the recurrence and leaves the dates null.
std::optional<Deadline> parse_deadline(std::string_view text, const Vocabulary& vocabulary);

}  // namespace planparse
