// Two versions of one large plan, for the diff at scale (tools/bench_diff.cpp and the [scale]
// cases of test_diff.cpp): a plan of N activities drawn from made-up words, and its revision
// with some activities reworded, rescheduled, given another agency, moved to another
// section, deleted or inserted, numbered again in order. Deterministic for a seed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "schema/plan.h"

namespace planparse::gen {

struct PlanVersions {
  Plan old_plan;
  Plan new_plan;
};

// About 1 in 50 activities of each kind of edit (reworded, rescheduled, agency added, moved,
// removed) and as many inserted; sections of 40 activities.
PlanVersions draw_plan_versions(std::size_t activities, std::uint32_t seed = 1);

}  // namespace planparse::gen
