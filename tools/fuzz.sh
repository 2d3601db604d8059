#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs them: tools/fuzz.sh [TARGET] [SECONDS].
# TARGET is one of the targets below (all, one after another, when omitted or ""); SECONDS per
# target, 30 by default. Each run starts from its dictionary (tools/fuzz/fuzz_TARGET.dict), the
# seeds in tools/fuzz/seeds/TARGET/ and, for the document targets, samples/; what it learns
# stays in build-fuzz/corpus/TARGET/ for the next run. A crash, leak, timeout, out-of-memory or
# broken invariant is saved in build-fuzz/findings/ and makes the script exit 1 (after the
# other targets have run); the full log of each run is build-fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
all="parse html fields decode deadline agencies glossary diff docx"
targets=${1:-$all}
seconds=${2:-30}

for target in $targets; do
  if [ ! -f "tools/fuzz/fuzz_$target.cpp" ]; then
    echo "fuzz.sh: unknown target \"$target\" (known: $all)" >&2
    exit 2
  fi
done

# PLANPARSE_WERROR=ON in the environment (.ci/run sets it) makes warnings errors here too.
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANPARSE_FUZZ=ON \
  -DPLANPARSE_BUILD_TESTS=OFF -DPLANPARSE_WERROR="${PLANPARSE_WERROR:-OFF}" > /dev/null
cmake --build build-fuzz --target fuzzers -j"$(nproc)"
mkdir -p build-fuzz/findings build-fuzz/logs

# Inputs longer than this are cut: whole documents for the document targets (the largest
# sample is 75 KB), one cell for the cell readers, where long inputs only slow the search.
max_len() {
  case "$1" in
    parse|html|decode|diff|docx) echo 131072 ;;
    fields) echo 65536 ;;
    glossary) echo 16384 ;;
    *) echo 1024 ;;
  esac
}

# The samples a target starts from, besides its own seeds.
samples() {
  case "$1" in
    parse|decode) ls samples/*.txt samples/*.htm samples/*.html samples/*.docx ;;
    docx) ls samples/*.docx ;;
    html) ls samples/*.htm samples/*.html ;;
    fields) ls samples/*.txt ;;
  esac
}

failed=()
for target in $targets; do
  corpus="build-fuzz/corpus/$target"
  seeds="build-fuzz/seeds/$target"
  log="build-fuzz/logs/$target.log"
  rm -rf "$seeds"
  mkdir -p "$corpus" "$seeds"
  [ -d "tools/fuzz/seeds/$target" ] && cp "tools/fuzz/seeds/$target"/* "$seeds"/
  for sample in $(samples "$target"); do cp "$sample" "$seeds"/; done
  dict=()
  [ -f "tools/fuzz/fuzz_$target.dict" ] && dict=(-dict="tools/fuzz/fuzz_$target.dict")
  echo "fuzz_$target: ${seconds}s"
  # libFuzzer writes new inputs to the first directory only, so the committed seeds stay as
  # they are. Its exit status is the verdict: a pipe to tail would hide it.
  status=0
  "build-fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=2048 "${dict[@]}" -artifact_prefix="build-fuzz/findings/$target-" \
    -print_final_stats=1 "$corpus" "$seeds" > "$log" 2>&1 || status=$?
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed 's/^/  /' || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz_$target: FINDING (libFuzzer exit $status); the end of $log:"
    tail -n 60 "$log"
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]}; reproducers in build-fuzz/findings/ (rerun one: build-fuzz/fuzz_TARGET FILE)" >&2
  exit 1
fi
