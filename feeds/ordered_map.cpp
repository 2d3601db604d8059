// Feeds, the ordered parallel map. See ordered_map.h.
//
// Workers take inputs by index; the calling thread consumes them strictly in index order.
// Workers stay within a window ahead of the consumer. The mutex orders each work(i) before
// consume(i), and each consume(i) before the work(i + window) that reuses its slot.
#include "feeds/ordered_map.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace planparse::feeds {

std::size_t run_ordered(std::size_t count, unsigned jobs, std::size_t window, const std::function<void(std::size_t)>& work,
                        const std::function<bool(std::size_t)>& consume) {
  window = std::max<std::size_t>(window, 1);
  std::vector<char> done(std::min(count, window), 0);  // by i % window: work(i) has returned
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // the next input a worker takes
  std::size_t consumed = 0;  // inputs the consumer is done with
  bool stop = false;

  const auto worker = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        if (stop || next >= count) return;
        index = next++;
      }
      work(index);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        done[index % window] = 1;
      }
      changed.notify_all();
    }
  };
  // Stops and joins the workers however the consumer leaves, a thrown exception included
  // (a std::thread destroyed unjoined would terminate the program).
  struct Workers {
    std::vector<std::thread> threads;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~Workers() {
      {
        const std::lock_guard<std::mutex> lock(mutex);
        stop = true;
      }
      changed.notify_all();
      for (std::thread& thread : threads) thread.join();
    }
  } workers{{}, mutex, changed, stop};
  for (std::size_t w = 0; w < std::min<std::size_t>(std::max(jobs, 1u), count); ++w) workers.threads.emplace_back(worker);

  for (std::size_t i = 0; i < count; ++i) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return done[i % window] != 0; });
      done[i % window] = 0;
    }
    const bool go_on = consume(i);
    {
      const std::lock_guard<std::mutex> lock(mutex);
      consumed = i + 1;
      if (!go_on) stop = true;
    }
    changed.notify_all();
    if (!go_on) return i + 1;
  }
  return count;
}

}  // namespace planparse::feeds
