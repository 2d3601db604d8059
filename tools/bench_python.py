#!/usr/bin/python3
"""What planparse.parse costs in Python over the library, and what the dict costs.

For each document: the library's own time per parse (read, parse, emit, validate, compact
dump: what `planparse parse --compact` does, timed in C++ with no Python in the loop), the
time of json.loads on its JSON (the dict conversion planparse.parse does), and planparse.parse
itself. The target (issue 17): planparse.parse within 10 % of library + dict conversion.
The three are called in turn, one call each, --repeat times a round; each figure is the median
of --rounds rounds, so that another process's burst does not count.

    PYTHONPATH=build/python /usr/bin/python3 tools/bench_python.py [--repeat 20] [--rounds 5] [FILE...]

With no FILE: the reference plan, a portal page and a Word page from samples/.
"""

import argparse
import json
import os
import statistics
import sys
import time

import planparse
from planparse import _planparse

DEFAULT_FILES = [
    "samples/follow-up-plan-2022.en.txt",
    "samples/follow-up-plan-2022.ru.portal.html",
    "samples/regional-development-plan-2023.ru.word.htm",
]


def measure(path, repeat, rounds):
    """Seconds per call of the library, json.loads and planparse.parse: calls alternate one by
    one, so that a change of the machine's load hits all three alike; each is the median of
    the rounds' means, and the ratio the median of the rounds' ratios."""
    raw = os.fsencode(path)
    text = planparse.parse_json(path, compact=True)
    library, loads, parse, ratios = [], [], [], []
    for _ in range(rounds):
        t_library = t_loads = t_parse = 0.0
        for _ in range(repeat):
            t_library += _planparse.library_seconds(raw, 1)
            start = time.perf_counter()
            json.loads(text)
            t_loads += time.perf_counter() - start
            start = time.perf_counter()
            planparse.parse(path)
            t_parse += time.perf_counter() - start
        library.append(t_library / repeat)
        loads.append(t_loads / repeat)
        parse.append(t_parse / repeat)
        ratios.append(t_parse / (t_library + t_loads))
    return statistics.median(library), statistics.median(loads), statistics.median(parse), statistics.median(ratios)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = args.files or [os.path.join(root, f) for f in DEFAULT_FILES]

    print(f"{'document':44} {'KB':>6} {'library':>9} {'dict':>8} {'parse':>9} {'parse/(lib+dict)':>17} {'dict share':>10}")
    worst = 0.0
    for path in files:
        planparse.parse(path)  # warm up: the built-in vocabularies and registry load once
        library, loads, parse, ratio = measure(path, args.repeat, args.rounds)
        worst = max(worst, ratio)
        print(f"{os.path.basename(path)[:44]:44} {os.path.getsize(path) / 1024:6.0f} {library * 1e3:7.2f}ms "
              f"{loads * 1e3:6.2f}ms {parse * 1e3:7.2f}ms {ratio:17.3f} {loads / parse:9.1%}")
    print(f"worst parse/(library+dict): {worst:.3f} (target <= 1.10)")
    return 0 if worst <= 1.10 else 1


if __name__ == "__main__":
    sys.exit(main())
