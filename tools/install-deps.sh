#!/usr/bin/env bash
# Installs the Debian 12 packages planparse builds with, only those that are missing.
# Run as root (or with sudo). Used by the README's Quick start and by .ci/run.
# --bench adds Google Benchmark, for the programs in tools/bench_*.cpp; --fuzz adds clang and
# its runtime libraries (libclang-rt-dev pulls libclang-rt-14-dev, which holds libFuzzer's
# libclang_rt.fuzzer and the sanitizer runtimes: clang only recommends it, and recommends
# are not installed here), for tools/fuzz.sh. --chromium adds Chromium and a font, for the test
# that renders the HTML diff report (tests/chromium/): with no font Chromium paints no text, and
# without recommends its fonts-liberation stays out. fontconfig-config depends on some font
# (fonts-dejavu-core or an alternative); naming fonts-dejavu-core makes it the one the report's
# CSS asks for first, on every machine. --python adds what the Python module (python/, built
# with -DPLANPARSE_PYTHON=ON) builds and is tested with: pybind11 and Python's headers for the
# extension, pandas for planparse.frames, Dask and distributed for planparse.dask, pytest for
# its tests; all Debian's, for Debian's /usr/bin/python3. Flags combine.
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  libicu-dev libxml2-dev libre2-dev libsqlite3-dev libzip-dev
  nlohmann-json3-dev libvalijson-dev libcli11-dev catch2
)

for flag in "$@"; do
  case "$flag" in
    --bench) packages+=(libbenchmark-dev) ;;
    --fuzz) packages+=(clang libclang-rt-dev) ;;
    --chromium) packages+=(chromium fonts-dejavu-core) ;;
    --python) packages+=(python3 python3-dev pybind11-dev python3-pandas python3-dask python3-distributed python3-pytest) ;;
    *) echo "install-deps: unknown option $flag (known: --bench, --fuzz, --chromium, --python)" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
