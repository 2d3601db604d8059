#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs them: tools/fuzz.sh [TARGET] [SECONDS].
# TARGET is parse, html or fields (all when omitted); SECONDS per target, 30 by default.
# Seeds come from samples/; findings land in build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-"parse html fields"}
seconds=${2:-30}
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANPARSE_FUZZ=ON \
  -DPLANPARSE_BUILD_TESTS=OFF > /dev/null
cmake --build build-fuzz -j"$(nproc)"
mkdir -p build-fuzz/findings
for target in $targets; do
  corpus="build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  cp samples/*.txt samples/*.htm* "$corpus"/ 2>/dev/null || true
  echo "fuzz_$target: ${seconds}s"
  "build-fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=10 \
    -artifact_prefix=build-fuzz/findings/"$target"- -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
done
