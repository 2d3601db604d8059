#!/usr/bin/env bash
# The HTML diff report as a browser shows it: `planparse diff --format html` of two sample pairs
# in samples/diff/ (a digital-services plan revised; the reference revised), rendered by headless
# Chromium (Debian's `chromium`) to a screenshot, a PDF and
# its parsed DOM. A check of the page's source (test_diff_html.cpp) cannot tell whether a
# browser reads it as meant: the charset, the markup around escaped text, text that actually
# paints. Registered in CMakeLists.txt; `bash tools/install-deps.sh --chromium` installs Chromium.
#   bash tests/chromium/render_report.sh PLANPARSE SAMPLE_DIR
# Exit 0 passed, 1 failed, 77 skipped: Chromium is not installed (a failure instead when
# PLANPARSE_REQUIRE_CHROMIUM=1, as in CI, so that a missing browser cannot pass unnoticed).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 PLANPARSE SAMPLE_DIR" >&2
  exit 2
fi
planparse=$1
samples=$2
old="$samples/digital-services-plan-2024.en.old.txt"
new="$samples/digital-services-plan-2024.en.new.txt"
# The reference revised with one edit of each kind (samples/diff/README.md): its DOM is checked too.
revised_old="$samples/follow-up-plan-2022.en.old.txt"
revised_new="$samples/follow-up-plan-2022.en.new.txt"

fail() {
  echo "render_report: $*" >&2
  exit 1
}

if ! command -v chromium >/dev/null 2>&1; then
  if [ "${PLANPARSE_REQUIRE_CHROMIUM:-}" = 1 ]; then
    fail "chromium is not installed, and PLANPARSE_REQUIRE_CHROMIUM=1 requires this test to run: install it with 'bash tools/install-deps.sh --chromium'"
  fi
  echo "render_report: chromium is not installed; skipped ('bash tools/install-deps.sh --chromium' installs it)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/planparse-chromium.XXXXXX")
trap 'rm -rf "$work"' EXIT

# diff(1)'s statuses: 1 says the versions differ, which they do.
status=0
"$planparse" diff --format html -o "$work/report.html" "$old" "$new" || status=$?
[ "$status" -eq 1 ] || fail "planparse diff exited $status, expected 1 (the versions differ)"
status=0
"$planparse" diff --format html -o "$work/revised.html" "$revised_old" "$revised_new" || status=$?
[ "$status" -eq 1 ] || fail "planparse diff of the revised reference exited $status, expected 1"
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n' \
  >"$work/blank.html"

# Root (CI, containers) needs --no-sandbox; --disable-gpu, --no-first-run and
# --disable-background-networking keep a headless run from probing for a GPU, showing first-run
# pages or calling Google. A fresh profile per run means no lock or state from an earlier run,
# and the timeout keeps a hung browser from hanging CI. Chromium's own log (D-Bus complaints on
# machines without a session bus) is shown only when a run fails.
run=0
chromium_run() {
  run=$((run + 1))
  local profile="$work/profile-$run" log="$work/chromium-$run.log" code=0
  mkdir "$profile"
  timeout --kill-after=10 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --user-data-dir="$profile" "$@" 2>"$log" || code=$?
  if [ "$code" -ne 0 ]; then
    cat "$log" >&2
    [ "$code" -eq 124 ] && fail "chromium $* did not finish within 120 s"
    fail "chromium $* exited $code"
  fi
}

chromium_run --screenshot="$work/report.png" --window-size=1280,2000 "file://$work/report.html"
chromium_run --screenshot="$work/blank.png" --window-size=1280,2000 "file://$work/blank.html"
chromium_run --print-to-pdf="$work/report.pdf" "file://$work/report.html"
chromium_run --dump-dom "file://$work/report.html" >"$work/dom.html"
chromium_run --dump-dom "file://$work/revised.html" >"$work/revised-dom.html"

# A page that paints text compresses far worse than an empty one of the same size, so the ratio
# of the two PNGs, from the same browser in the same run, says whether the report painted its
# text on whatever machine this is. With no font installed Chromium paints no text at all, and
# the report's rules and borders alone come to 1.1 times the blank page; with DejaVu alone the
# report is 12 times it, with DejaVu and Liberation 19 times.
[ -s "$work/report.png" ] || fail "no screenshot of the report"
[ -s "$work/blank.png" ] || fail "no screenshot of the blank page"
report_bytes=$(stat -c %s "$work/report.png")
blank_bytes=$(stat -c %s "$work/blank.png")
ratio=$((report_bytes / blank_bytes))
echo "render_report: report.png $report_bytes bytes, blank.png $blank_bytes bytes: $ratio times"
[ "$ratio" -ge 4 ] || fail "the report's screenshot is only $ratio times the blank page's: was any text painted? (no fonts installed?)"

[ -s "$work/report.pdf" ] || fail "no PDF"
[ "$(head -c 4 "$work/report.pdf")" = "%PDF" ] || fail "report.pdf does not start with %PDF"
# Fonts are embedded for the text laid out on the pages: none means no text was printed.
grep -aq '/FontDescriptor' "$work/report.pdf" || fail "report.pdf embeds no font: no text was printed"

# The DOM as Chromium parsed it: UTF-8 read as such (the arrows), the changed words inside <ins>
# and <del>, the summary.
dom_has() {
  grep -qE "$1" "${2:-$work/dom.html}" || fail "the DOM Chromium parsed (${2:-$work/dom.html}) has no match for $1"
}
dom_has '<ins[^>]*>[^<]*December 2025[^<]*</ins>'
dom_has '<del[^>]*>[^<]*June 2025[^<]*</del>'
dom_has '<del>12</del> activities'
dom_has '<ins>13</ins> activities'
dom_has '<ins>MF</ins>'
dom_has 'postponed by 184 days'
dom_has '12 → 13 activities: 1 added, 0 removed, 2 changed, 0 moved, 6 renumbered'
dom_has '5–7 → 6–8, 9 → 10, 11–12 → 12–13'
if grep -q '<script' "$work/dom.html"; then fail "the DOM holds a <script>"; fi
# The revised reference: its six edits and the two rows only renumbered.
revised="$work/revised-dom.html"
dom_has '27 → 27 activities: 1 added, 1 removed, 4 changed, 0 moved, 2 renumbered' "$revised"
dom_has '<del>accession to</del>' "$revised"
dom_has '<ins>ratification of</ins>' "$revised"
dom_has '<del[^>]*>[^<]*August 2022[^<]*</del>' "$revised"
dom_has '<ins[^>]*>[^<]*December 2022[^<]*</ins>' "$revised"
dom_has 'postponed by 122 days' "$revised"
dom_has 'Conducting a nationwide survey of the gender balance' "$revised"
dom_has 'Updating the list of diseases' "$revised"
dom_has '<ins>MNE</ins>' "$revised"
dom_has 'no longer “as agreed”: GPO' "$revised"
dom_has '5 → 6, 7 → 8' "$revised"
echo "render_report: ok"
