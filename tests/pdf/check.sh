#!/usr/bin/env bash
# PDF checks with tools not written by us (called by .ci/run after the bundled course is
# built into OUT_DIR and poppler-utils and qpdf are installed):
#   1. qpdf --check: every PDF's structure and streams are valid, without warnings;
#   2. pdffonts: every font is embedded, as a subset, with a ToUnicode map;
#   3. pdftotext: every page has text, and the text comes back: every question of each
#      quiz*.json (Cyrillic included) on its worksheet, every answer in its answer key, and
#      every card's front and back (from cards.tsv, when it was built) in flashcards.pdf.
# Usage: bash tests/pdf/check.sh OUT_DIR
set -euo pipefail

fail() { printf '\nPDF checks FAILED: %s\n' "$*" >&2; exit 1; }
step() { printf '\n---- %s\n' "$*"; }

[ $# -eq 1 ] || fail "usage: bash tests/pdf/check.sh OUT_DIR (the folder decksmith built)"
out="$1"
[ -d "$out" ] || fail "$out is not a folder"
for tool in qpdf pdffonts pdftotext python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (bash .ci/install-packages installs poppler-utils and qpdf)"
done

mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
[ ${#pdfs[@]} -gt 0 ] || fail "no PDF under $out: was the course built with the pdf format?"
for kind in flashcards worksheet answer-key; do
  find "$out" -name "$kind.pdf" | grep -q . || fail "no $kind.pdf under $out"
done

step "qpdf --check on ${#pdfs[@]} PDFs"
for pdf in "${pdfs[@]}"; do
  # Exit 0: no errors, no warnings (2 is errors, 3 is warnings).
  if ! report=$(qpdf --check "$pdf" 2>&1); then
    printf '%s\n' "$report" >&2
    fail "qpdf --check found problems in $pdf"
  fi
  grep -q "No syntax or stream encoding errors found" <<<"$report" \
    || { printf '%s\n' "$report" >&2; fail "qpdf --check did not pass $pdf"; }
done
echo "all valid"

step "pdffonts: every font embedded, subset, with ToUnicode"
for pdf in "${pdfs[@]}"; do
  report=$(pdffonts "$pdf") || fail "pdffonts could not read $pdf"
  # Columns: name type encoding emb sub uni object ID (the type may hold spaces, so count
  # from the end: emb, sub and uni are the 5th, 4th and 3rd fields from the last).
  fonts=$(tail -n +3 <<<"$report")
  [ -n "$fonts" ] || fail "$pdf has no fonts"
  bad=$(awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") print }' <<<"$fonts")
  if [ -n "$bad" ]; then
    printf '%s\n' "$report" >&2
    fail "$pdf has a font that is not embedded as a subset with a ToUnicode map: $bad"
  fi
done
echo "all fonts embedded as subsets"

step "pdftotext: the text comes back"
python3 - "$out" <<'PY' || fail "pdftotext did not give back the text (see above)"
import html, json, pathlib, re, subprocess, sys

out = pathlib.Path(sys.argv[1])
problems = []

def text(pdf):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"pdftotext failed on {pdf}: {r.stderr.strip()}")
        return ""
    pages = r.stdout.split("\f")[:-1] or [r.stdout]
    for n, page in enumerate(pages, 1):
        if not page.strip():
            problems.append(f"{pdf}: page {n} has no text")
    return r.stdout

# Whitespace and hyphens go: lines are wrapped and broken after hyphens, and pdftotext
# joins a word broken at a hyphen. So do the characters of a teacher's inline markup
# (`*italics*`, `H~2~O`, `x^2^`, `\*`), which the PDFs show as faces and positions.
squash = lambda s: re.sub(r"[\s\-\u2010\u2011\u00ad*~^\\]+", "", s)
# An opening `*` of italics in a quiz's text (not an escaped one).
italics = re.compile(r"(?<![\\*])\*[^\s*]")
cyrillic = re.compile(r"[\u0400-\u04ff]")

def need(haystack, needle, where, what):
    if squash(needle) and squash(needle) not in haystack:
        problems.append(f"{where}: {what} `{needle[:70]}` is not in the extracted text")

checked = {"questions": 0, "cards": 0, "cyrillic": 0, "italics": 0}
for deck in sorted(p for p in out.iterdir() if p.is_dir()):
    for quiz_file in sorted(deck.glob("quiz*.json")):
        form = quiz_file.stem[len("quiz"):]  # "" or "-A"
        sheet_pdf, key_pdf = deck / f"worksheet{form}.pdf", deck / f"answer-key{form}.pdf"
        if not sheet_pdf.exists() or not key_pdf.exists():
            problems.append(f"{deck.name}: {quiz_file.name} has no worksheet{form}.pdf and answer-key{form}.pdf")
            continue
        sheet_text = text(sheet_pdf)
        sheet, key = squash(sheet_text), squash(text(key_pdf))
        quiz = json.loads(quiz_file.read_text(encoding="utf-8"))
        raw = quiz_file.read_text(encoding="utf-8")
        if italics.search(raw):
            fonts = subprocess.run(["pdffonts", str(sheet_pdf)], capture_output=True, text=True).stdout
            if "DejaVuSans-Oblique" not in fonts:
                problems.append(f"{sheet_pdf.relative_to(out)}: the quiz has italics but no oblique face is embedded")
            if re.search(r"\*\w", sheet_text):
                problems.append(f"{sheet_pdf.relative_to(out)}: a markup `*` is printed as a star")
            checked["italics"] += 1
        for q in quiz["questions"]:
            where = f"{sheet_pdf.relative_to(out)} question {q['number']}"
            asked = [q.get(k, "") for k in ("prompt", "statement", "front")]
            asked += q.get("text", "").split("____")
            for k in ("options", "left", "right", "items"):
                asked += q.get(k, [])
            for a in asked:
                need(sheet, a, where, "question text")
                checked["cyrillic"] += len(cyrillic.findall(a))
            answers = []
            if "options" in q:
                answers.append(q["options"][q["answer"]])
            answers += q.get("answers", [])
            if q["kind"] == "flashcard":
                answers.append(q["back"])
            answers.append(q.get("explanation", ""))
            for a in answers:
                need(key, a, f"{key_pdf.relative_to(out)} question {q['number']}", "answer")
            checked["questions"] += 1
    tsv = deck / "cards.tsv"
    if tsv.exists():
        cards = squash(text(deck / "flashcards.pdf"))
        columns = None
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line.startswith("#columns:"):
                columns = line[len("#columns:"):].split("\t")
            if line.startswith("#") or not columns:
                continue
            fields = dict(zip(columns, line.split("\t")))
            for side in ("Front", "Back"):
                for part in re.split(r"<div[^>]*>|</div>|<br\s*/?>", fields.get(side, "")):
                    part = html.unescape(re.sub(r"<[^>]+>", "", part)).strip()
                    need(cards, part, f"{deck.name}/flashcards.pdf", f"card {side.lower()}")
                    checked["cyrillic"] += len(cyrillic.findall(part))
            checked["cards"] += 1

if problems:
    print("\n".join(problems[:40]), file=sys.stderr)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more", file=sys.stderr)
    sys.exit(1)
if checked["questions"] == 0:
    print("no quiz*.json found: the questions could not be checked", file=sys.stderr)
    sys.exit(1)
print(f"{checked['questions']} questions and {checked['cards']} cards came back, "
      f"{checked['cyrillic']} Cyrillic letters among them, "
      f"{checked['italics']} worksheets with italics in the oblique face")
PY

echo
echo "PDF checks passed"
