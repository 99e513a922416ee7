#!/usr/bin/env bash
# End-to-end tests of the HTML pages in a real browser: Debian's Chromium (installed by
# .ci/install-packages) driven by playwright-core, with axe-core for accessibility.
#
#   bash tests/browser/run.sh                 build the fixture courses and run the tests
#   SCREENSHOTS=DIR bash tests/browser/run.sh also save screenshots of every page into DIR
#   TEST_NAME=REGEX bash tests/browser/run.sh  run only the tests whose names match
#
# The npm packages are pinned by package-lock.json; node_modules stays in this folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "error: no Chromium at ${CHROMIUM:-/usr/bin/chromium}; run: bash .ci/install-packages" >&2
  exit 1
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

# The reference FSRS scheduler (PyPI fsrs, pinned in requirements.txt), which the page's own
# FSRS-6 is checked against.
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv" || { echo "error: cannot make a Python venv (install python3-venv)" >&2; exit 1; }
fi
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo run --locked -q -p decksmith -- build --content tests/browser/course --out "$work/decks" \
  --variants 2 --format html --format json --deny-warnings
cargo run --locked -q -p decksmith -- build --content tests/browser/course-ru --out "$work/decks-ru" \
  --format html --format json --deny-warnings
cargo run --locked -q -p decksmith -- build --content tests/fixtures/markup --out "$work/decks-markup" \
  --format html --format json --deny-warnings

# The binary `cargo run` just built, for the test of `decksmith serve`.
target_dir="$(cargo metadata --locked --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"

if [ -n "${SCREENSHOTS:-}" ]; then mkdir -p "$SCREENSHOTS"; fi
# node runs the file in a process of its own that counts as a test too, so the timeout caps
# the whole suite, not only one test: 10 minutes, for a slow or busy machine (a loaded
# 2-core machine took over 2 minutes), still well inside CI's limit if something hangs.
DECKS="$work/decks" DECKS_RU="$work/decks-ru" DECKS_MARKUP="$work/decks-markup" FSRS_PYTHON="$here/.venv/bin/python" \
  DECKSMITH="$target_dir/debug/decksmith" \
  node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec ${TEST_NAME:+--test-name-pattern="$TEST_NAME"} "$here/pages.test.mjs"
