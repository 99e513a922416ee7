#!/usr/bin/env bash
# Export checks with the real clients (called by .ci/run; runs on a fresh machine):
#   1. the official Anki library (PyPI `anki`) imports deck.apkg: counts, note types, fields,
#      tags, decks; re-importing a second build duplicates nothing; an edited entry updates;
#   2. a GIFT parser not written by us (npm `gift-pegjs`) parses every quiz.gift, and the
#      question counts by type match the generated quizzes;
#   3. every quiz.moodle.xml follows Moodle's import rules (tests/exports/moodle_check.py).
# Everything is installed into a temporary folder; nothing is left behind.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

fail() { printf '\nexport checks FAILED: %s\n' "$*" >&2; exit 1; }
step() { printf '\n---- %s\n' "$*"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v python3 >/dev/null || fail "python3 is needed for the Anki library"
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed for the GIFT parser"

step "install the Anki library (PyPI anki) into a venv"
python3 -m venv "$work/venv" || fail "cannot make a Python venv (install python3-venv)"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "anki==26.9.3" \
  || fail "pip could not install the anki package"

step "install the GIFT parser (npm gift-pegjs, from package-lock.json)"
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --silent --no-audit --no-fund) || fail "npm could not install gift-pegjs"

step "build the fixture course three times and the bundled course"
build() { # build CONTENT OUT [SOURCE_DATE_EPOCH]
  SOURCE_DATE_EPOCH="${3:-}" cargo run -q -p decksmith -- build --content "$1" --out "$2" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; fail "decksmith build of $1 failed"; }
}
t1=1700000000
t2=1700086400
build "$here/fixture" "$work/first" "$t1"
build "$here/fixture" "$work/same" "$t1"
cp -r "$here/fixture" "$work/edited-content"
sed -i 's/^    role: Chief Examiner$/    role: Chief Examiner (edited)/' "$work/edited-content/decks/fixture-deck.yaml"
grep -q 'Chief Examiner (edited)' "$work/edited-content/decks/fixture-deck.yaml" || fail "could not edit the fixture"
build "$work/edited-content" "$work/edited" "$t2"
build content "$work/bundled"

step "Anki: import deck.apkg with the official library"
"$work/venv/bin/python" "$here/anki_check.py" "$work/first" "$work/same" "$work/edited" "$work/bundled" \
  || fail "the Anki import check found problems (see above)"

step "GIFT: parse quiz.gift with gift-pegjs"
NODE_PATH="$work/node_modules" node "$here/gift_check.mjs" "$work/first" "$work/bundled" \
  || fail "the GIFT check found problems (see above)"

step "Moodle XML: Moodle's import rules"
python3 "$here/moodle_check.py" "$work/first" "$work/bundled" \
  || fail "the Moodle XML check found problems (see above)"

printf '\nexport checks: all passed\n'
