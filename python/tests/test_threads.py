"""The GIL is released while the core parses: four threads parse a folder faster than one.

The machine may have two cores shared with other builds, so the test compares throughput,
not a fixed speed-up: one thread and four threads are timed in turns (so that a change in the
machine's load hits both alike), several rounds, and the best round of each is kept. On two
free cores four threads approach 2x; the test asks for 1.25x, which a GIL held across parsing
(1.0x at best, less with the switching) cannot reach. ctest runs it alone (RUN_SERIAL)."""

import concurrent.futures
import os
import time

import pytest

import planparse
from conftest import sample_documents


def usable_cpus():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def throughput(paths, threads):
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        for plan in pool.map(planparse.parse_json, paths):
            assert plan
    return len(paths) / (time.perf_counter() - start)


@pytest.mark.skipif(usable_cpus() < 2, reason="one CPU: threads cannot run at once")
def test_four_threads_parse_a_folder_faster_than_one():
    paths = sample_documents() * 4
    throughput(paths[:8], 4)  # warm up: the built-in vocabularies and registry load once
    one, four = [], []
    for _round in range(5):
        one.append(throughput(paths, 1))
        four.append(throughput(paths, 4))
        if max(four) >= 1.25 * max(one) and len(one) >= 2:
            break
    assert max(four) >= 1.25 * max(one), f"documents/s with 1 thread: {one}, with 4: {four}"
