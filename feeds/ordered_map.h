// Feeds, the ordered parallel map: a function run over N inputs on J threads, its results
// handed to one consumer on the calling thread strictly in input order, so that what the
// consumer writes never depends on which thread finished first. The batch (batch.h) runs
// process_input through it. Tested by test_ordered_map.cpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace planparse::feeds {

// The threading under ordered_map, without the results: `work(i)` for every i in [0, count) on
// `jobs` threads, no i started while i - `window` is still unconsumed, and `consume(i)` on the
// calling thread for i = 0, 1, ... each once work(i) has returned. When `consume` returns false
// no further input starts, those running are finished and not consumed. Returns how many were
// consumed. A `window` of 0 counts as 1.
std::size_t run_ordered(std::size_t count, unsigned jobs, std::size_t window, const std::function<void(std::size_t)>& work,
                        const std::function<bool(std::size_t)>& consume);

// `consume(i, work(i))` for i = 0, 1, ..., count - 1, in that order on the calling thread,
// with work(i) run on up to `jobs` threads (work must be safe to call concurrently). At most
// `window` results wait for the consumer at once, which bounds the memory held whatever the
// number of inputs. `consume` returns false to stop early (see run_ordered). Returns how many
// results were consumed.
template <class Work, class Consume>
std::size_t ordered_map(std::size_t count, unsigned jobs, std::size_t window, Work&& work, Consume&& consume) {
  using Value = std::invoke_result_t<Work&, std::size_t>;
  window = std::max<std::size_t>(window, 1);
  // A ring: input i's slot was last used by i - window, which the consumer is done with
  // before run_ordered lets i start.
  std::vector<std::optional<Value>> slots(std::min(count, window));
  return run_ordered(
      count, jobs, window, [&](std::size_t i) { slots[i % window].emplace(work(i)); },
      [&](std::size_t i) {
        Value value = std::move(*slots[i % window]);
        slots[i % window].reset();
        return consume(i, std::move(value));
      });
}

}  // namespace planparse::feeds
