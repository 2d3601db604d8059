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

# The installed include directory is the only public path: the library's inner headers are
# reached through <planparse/planparse.h>, never by their in-tree names.
for inner in '"schema/plan.h"' '<schema/plan.h>' '"ingest/diagnostic.h"' '"planparse.h"'; do
  printf '#include %s\nint main() {}\n' "$inner" > "$work/inner.cpp"
  # shellcheck disable=SC2086
  if c++ -std=c++20 -fsyntax-only "$work/inner.cpp" $flags 2> /dev/null; then
    echo "package: #include $inner compiles against the installed package; only <planparse/...> should" >&2
    exit 1
  fi
done
# <planparse/version.h> is the version the library reports.
printf '#include <planparse/planparse.h>\n#include <iostream>\nint main() { std::cout << PLANPARSE_VERSION_MAJOR << "." << PLANPARSE_VERSION_MINOR << "." << PLANPARSE_VERSION_PATCH << " " << planparse::version() << "\\n"; }\n' > "$work/version.cpp"
# shellcheck disable=SC2086
c++ -std=c++20 "$work/version.cpp" -o "$work/version" $flags
read -r numbers reported < <("$work/version")
test "$numbers" = "$reported"
echo "package: installed, found by CMake and by pkg-config, consumers run, inner headers out of reach"
