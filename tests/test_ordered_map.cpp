// The ordered parallel map under `batch` (feeds/ordered_map.h): results in input order whatever
// the threads, never more than a window of them waiting, and an early stop that starts nothing new.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "feeds/ordered_map.h"

using planparse::feeds::ordered_map;

namespace {

// Later inputs finish first: a slow start, then faster and faster.
void sleep_for_index(size_t i, size_t count) {
  std::this_thread::sleep_for(std::chrono::microseconds(50 * ((count - i) % 7)));
}

}  // namespace

TEST_CASE("ordered_map hands the results over in input order on one thread and on many", "[ordered_map]") {
  const size_t count = 200;
  for (const unsigned jobs : {1u, 2u, 8u}) {
    for (const size_t window : {size_t{1}, size_t{3}, size_t{64}}) {
      std::vector<size_t> seen;
      const size_t consumed = ordered_map(
          count, jobs, window,
          [&](size_t i) {
            sleep_for_index(i, count);
            return std::to_string(i * i);
          },
          [&](size_t i, std::string square) {
            CHECK(square == std::to_string(i * i));
            seen.push_back(i);
            return true;
          });
      CHECK(consumed == count);
      REQUIRE(seen.size() == count);
      for (size_t i = 0; i < count; ++i) CHECK(seen[i] == i);
    }
  }
}

TEST_CASE("ordered_map starts no input a window or more ahead of the consumer", "[ordered_map]") {
  const size_t count = 300;
  const size_t window = 5;
  std::mutex mutex;
  size_t consumed = 0;
  size_t farthest_ahead = 0;
  ordered_map(
      count, 4, window,
      [&](size_t i) {
        {
          const std::lock_guard<std::mutex> lock(mutex);
          farthest_ahead = std::max(farthest_ahead, i - consumed);
        }
        sleep_for_index(i, count);
        return i;
      },
      [&](size_t i, size_t) {
        const std::lock_guard<std::mutex> lock(mutex);
        consumed = i + 1;
        return true;
      });
  CHECK(farthest_ahead < window);
}

TEST_CASE("ordered_map stops when the consumer says so: nothing more is consumed or started", "[ordered_map]") {
  const size_t count = 1000;
  const size_t window = 8;
  std::atomic<size_t> started{0};
  std::vector<size_t> seen;
  const size_t consumed = ordered_map(
      count, 4, window,
      [&](size_t i) {
        ++started;
        return i;
      },
      [&](size_t i, size_t) {
        seen.push_back(i);
        return i < 9;  // stop after the tenth
      });
  CHECK(consumed == 10);
  CHECK(seen == std::vector<size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(started <= 10 + window);
}

TEST_CASE("ordered_map over no inputs calls nothing, and with more threads than inputs runs each once", "[ordered_map]") {
  bool called = false;
  CHECK(ordered_map(
            0, 4, 8, [&](size_t) { return called = true; },
            [&](size_t, bool) { return called = true; }) == 0);
  CHECK_FALSE(called);

  std::atomic<int> runs{0};
  std::vector<int> values;
  ordered_map(
      3, 16, 0, [&](size_t i) { return ++runs, static_cast<int>(i) * 10; },
      [&](size_t, int value) { return values.push_back(value), true; });
  CHECK(runs == 3);
  CHECK(values == std::vector<int>{0, 10, 20});
}

TEST_CASE("ordered_map moves its results: a move-only result reaches the consumer", "[ordered_map]") {
  std::vector<int> values;
  ordered_map(
      20, 3, 4, [](size_t i) { return std::make_unique<int>(static_cast<int>(i)); },
      [&](size_t, std::unique_ptr<int> value) { return values.push_back(*value), true; });
  REQUIRE(values.size() == 20);
  for (int i = 0; i < 20; ++i) CHECK(values[static_cast<size_t>(i)] == i);
}
