#!/usr/bin/env bash
# Installs planparse from BUILD_DIR into a temporary prefix, then builds a ten-line program
# against it twice, with CMake's find_package and with pkg-config, and runs both on a sample.
# Usage: tests/package/check.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" > /dev/null
sample="$source_dir/samples/follow-up-plan-2022.en.txt"

test -x "$work/prefix/bin/planparse"
test -f "$work/prefix/share/planparse/plan.schema.json"
test -f "$work/prefix/share/planparse/plan.sql"
test -f "$work/prefix/share/planparse/agencies.tsv"
"$work/prefix/bin/planparse" parse "$sample" --compact > /dev/null

cmake -S "$source_dir/tests/package" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
cmake --build "$work/cmake-build" > /dev/null
"$work/cmake-build/consumer" "$sample" | grep -q "^27 activities"

flags=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --cflags --libs planparse)
# shellcheck disable=SC2086
c++ -std=c++20 "$source_dir/tests/package/consumer.cpp" -o "$work/pkg-consumer" $flags
"$work/pkg-consumer" "$sample" | grep -q "^27 activities"
echo "package: installed, found by CMake and by pkg-config, consumers run"
