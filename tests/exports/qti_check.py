"""Reads every quiz.qti.zip of the given build folders back with QTI readers not written by us.

- The package's shape is compared with a reference package written by `text2qti` (PyPI), whose
  packages import into Canvas: the members' layout (`imsmanifest.xml`, `<id>/<id>.xml`,
  `<id>/assessment_meta.xml`), the manifest's namespace and resource types, the assessment's
  namespace, and the item metadata fields Canvas reads (`question_type`, `points_possible`).
- Each item is read with the QTI 1.2 helpers of `qti2latex` (PyPI; a reader of Canvas's and
  text2qti's packages): its metadata, its text, its options and the identifiers its response
  processing scores as correct. What they do not read (the blanks of a fill-in-multiple-
  blanks question, matching rows, feedback) is read here with ElementTree.
- Against quiz.json: every question is there, in order, with Canvas's type for its kind, its
  text and options exactly (every escape undone: markup, quotes, ampersands survive as text),
  the right answers scored as right (every accepted answer of a blank; each matching row
  to its answer; each timeline event to its position), the explanation and every source in
  its feedback, a flashcard's front followed by what to write and its back in its feedback,
  and its points.
- Schemas: every assessment is valid against the IMS QTI ASI 1.2.1 DTD and every manifest
  against the IMS Content Packaging 1.1.4 XSD (tests/exports/qti_schema.py says which files,
  from which packages, and how the namespaces are handled), given as `--schemas DIR`.
- Canvas's import rules: every item follows the rules Canvas's QTI import applies to its type,
  read from the source of the converter Canvas runs and of Canvas's importer
  (tests/exports/qti_canvas_rules.py lists them and where each comes from).
- Identifiers: unique in a package, and the same in the packages of two builds given as
  `--same A B` (unchanged content, and content with one entry edited).
- Variant forms: each `quiz-A.qti.zip`, … is checked as above against its own `quiz-A.json`
  (so every question of the form is there, in the form's order), holds the same items as
  `quiz.qti.zip` (the same identifiers), and has an assessment, a manifest and a title of
  its own, so an LMS makes one quiz per form.

`--rules OUT` checks the packages of OUT against the schemas and Canvas's rules alone, not
their texts against quiz.json (for the markup fixture, whose quiz.json keeps the markup as
written).

Usage: qti_check.py --schemas DIR [--same OUT OUT]... [--rules OUT]... OUT...
"""

import html
import io
import json
import os
import re
import sys
import tempfile
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

import qti2latex
import qti_canvas_rules
import qti_schema
from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz

CANVAS_TYPE = {"multiple-choice": "multiple_choice_question", "who": "multiple_choice_question",
               "true-false": "true_false_question", "matching": "matching_question",
               "timeline": "matching_question", "flashcard": "essay_question"}
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
# What a recall question asks a student to write, in English and Russian (the phrases
# `q.recall*`), one of which follows the card's front as a paragraph of its own.
RECALL_HINTS = {
    "Write your answer.", "Write what it means.", "Write what goes in the blank.",
    "Write when it happened.", "Write who this is: the person's role.", "Write what it is.",
    "Write who said it.",
    "Запишите ответ.", "Запишите, что это значит.", "Запишите, что пропущено.",
    "Запишите, когда это произошло.", "Запишите, кто это: должность или роль.",
    "Запишите, что это такое.", "Запишите, кто это сказал.",
}

failures = []


def fail(where, message):
    failures.append(message)
    print(f"FAIL: {where}: {message}")


def key(text):
    """An answer as the quiz page compares it (quiz.js `key`, English): without a leading
    article, case, diacritics, spaces and punctuation."""
    text = re.sub(r"^(the|an?)\s+(?=\S)", "", text.strip(), flags=re.I)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in text.lower() if c.isalnum())


def plural_of(plural, one):
    if len(one) < 4 or not one[-1].isalpha():
        return False
    return plural in (one + "s", one + "es") or (
        re.search(r"[^aeiou]y$", one) is not None and plural == one[:-1] + "ies")


def page_accepts(typed, answer):
    """Whether the quiz page of an English quiz marks `typed` right for `answer` (quiz.js
    `same`): an LMS must accept no more than that."""
    a, b = key(typed), key(answer)
    return a == b or plural_of(a, b) or plural_of(b, a)


def check_typed(where, typed, want):
    """Every listed answer is accepted, and every accepted answer is one the quiz page takes
    (its other forms: without or with "the", in the other number)."""
    missing = want - typed
    if missing:
        fail(where, f"listed answers not accepted: {sorted(missing)}")
    extra = {t for t in typed - want if not any(page_accepts(t, w) for w in want)}
    if extra:
        fail(where, f"accepts {sorted(extra)}, which the quiz page does not")


def local(tag):
    return tag.split("}")[-1]


def text_from_html(fragment):
    """The text a browser shows for one of our HTML fragments (escaped text, <br>, <p>)."""
    fragment = re.sub(r"<br\s*/?>", "\n", fragment or "")
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return html.unescape(fragment)


def flat(text):
    return " ".join((text or "").split())


def reference_package():
    """A Canvas-importable package written by text2qti, as members by name."""
    source = ("Quiz title: Reference\n\n1.  Which?\n*a) right\nb) wrong\n\n"
              "2.  Capital of France?\n*   Paris\n\n3.  Explain.\n____\n")
    with tempfile.TemporaryDirectory() as tmp:
        config = Config()
        config.loaded_config_file = True
        quiz = Quiz(source, config=config, source_name="reference.txt")
        data = QTI(quiz).zip_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def shape(members):
    """What must match between two packages: the member layout and the namespaces."""
    manifest = ET.fromstring(members["imsmanifest.xml"])
    resources = sorted(r.get("type") for r in manifest.iter() if local(r.tag) == "resource")
    qti_files = [r for r in manifest.iter() if local(r.tag) == "resource"
                 and r.get("type") == "imsqti_xmlv1p2"]
    ident = (qti_files[0].get("identifier") if qti_files else None) or "?"
    layout = sorted(name.replace(ident, "ID") for name in members
                    if not name.endswith("/"))
    assessment = ET.fromstring(members.get(f"{ident}/{ident}.xml", b"<missing/>"))
    labels = sorted({qti2latex.text_of(l) for l in qti2latex.findall_anyns(assessment, "fieldlabel")
                     if qti2latex.text_of(l) in ("question_type", "points_possible")})
    return {"manifest namespace": manifest.tag.split("}")[0], "resource types": resources,
            "layout": layout, "assessment namespace": assessment.tag.split("}")[0],
            "item metadata": labels}, ident


def items_of(path):
    members = {}
    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None:
            fail(path, "a member's CRC does not match")
        members = {name: archive.read(name) for name in archive.namelist()}
    found, ident = shape(members)
    manifest = ET.fromstring(members["imsmanifest.xml"])
    for f in manifest.iter():
        if local(f.tag) == "file" and f.get("href") not in members:
            fail(path, f"the manifest names {f.get('href')}, which the package does not hold")
    deps = [d.get("identifierref") for d in manifest.iter() if local(d.tag) == "dependency"]
    ids = {r.get("identifier") for r in manifest.iter() if local(r.tag) == "resource"}
    if any(d not in ids for d in deps):
        fail(path, f"a dependency {deps} names no resource")
    missing = [name for name in (f"{ident}/assessment_meta.xml", f"{ident}/{ident}.xml")
               if name not in members]
    if missing:
        fail(path, f"no {', '.join(missing)}: the manifest names no QTI resource the package holds")
        return found, []
    ET.fromstring(members[f"{ident}/assessment_meta.xml"])  # well-formed
    root = ET.fromstring(members[f"{ident}/{ident}.xml"])
    return found, [i for i in root.iter() if local(i.tag) == "item"]


def identity(path):
    """The manifest's identifier, the assessment's, and the assessment's title."""
    with zipfile.ZipFile(path) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        _, ident = shape({name: archive.read(name) for name in archive.namelist()})
        if f"{ident}/{ident}.xml" not in archive.namelist():
            return manifest.get("identifier"), None, None  # reported by items_of
        root = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
    assessment = next(a for a in root.iter() if local(a.tag) == "assessment")
    return manifest.get("identifier"), assessment.get("ident"), assessment.get("title")


def feedback_of(item):
    texts = [qti2latex.text_of(m) for fb in qti2latex.findall_anyns(item, "itemfeedback")
             if fb.get("ident") == "general_fb" for m in qti2latex.findall_anyns(fb, "mattext")]
    return text_from_html(" ".join(texts))


def scored_pairs(item):
    """(response id, label id) of every condition that adds to or sets the score."""
    pairs = []
    for rc in qti2latex.findall_anyns(item, "respcondition"):
        if not any(float(s.text or 0) > 0 for s in qti2latex.findall_anyns(rc, "setvar")):
            continue
        for v in qti2latex.findall_anyns(rc, "varequal"):
            pairs.append((v.get("respident"), (v.text or "").strip()))
    return pairs


def responses(item):
    """Each response_lid: its own text, and its options as (ident, text)."""
    out = []
    for lid in qti2latex.findall_anyns(item, "response_lid"):
        own = qti2latex.child_anyns(lid, "material")
        own_text = text_from_html(qti2latex.text_of(qti2latex.first(qti2latex.findall_anyns(own, "mattext")))) if own is not None else ""
        options = [(l.get("ident"), text_from_html(qti2latex.text_of(qti2latex.first(qti2latex.findall_anyns(l, "mattext")))))
                   for l in qti2latex.findall_anyns(lid, "response_label")]
        out.append((lid.get("ident"), own_text, options))
    return out


def check_item(where, item, q):
    meta = qti2latex.get_qti_metadata(item)
    kind = q["kind"]
    answers = q.get("answers", [])
    expected_type = CANVAS_TYPE.get(kind) or ("short_answer_question" if len(answers) == 1
                                              else "fill_in_multiple_blanks_question")
    qtype = qti2latex.guess_type(meta, item)
    if qtype != expected_type:
        fail(where, f"type {qtype}, expected {expected_type}")
        return
    points = float(meta.get("points_possible", "nan"))
    if points != float(q.get("points", 1)):
        fail(where, f"{points} points, expected {q.get('points', 1)}")
    if meta.get("decksmith_id") != q["id"]:
        fail(where, f"metadata id {meta.get('decksmith_id')!r}")
    stem = text_from_html(qti2latex.get_item_stem(item))
    feedback = flat(feedback_of(item))
    if q.get("explanation") and flat(q["explanation"]) not in feedback:
        fail(where, f"the explanation {q['explanation']!r} is not in the feedback {feedback!r}")
    for source in q.get("sources", []):
        if flat(source["short"]) not in feedback:
            fail(where, f"the source {source['short']!r} is not in the feedback")
    if q.get("sources") and not meta.get("decksmith_sources"):
        fail(where, "no sources in the metadata")
    correct = qti2latex.get_correct_idents(item)
    scored = scored_pairs(item)
    if kind in ("multiple-choice", "who"):
        choices = qti2latex.get_choices(item)
        if stem != q["prompt"]:
            fail(where, f"text {stem!r}, expected {q['prompt']!r}")
        if [text_from_html(t) for _, t in choices] != q["options"]:
            fail(where, f"options {[t for _, t in choices]} differ from {q['options']}")
        right = [text_from_html(t) for i, t in choices if i in correct]
        if right != [q["options"][q["answer"]]]:
            fail(where, f"scored as right: {right}")
    elif kind == "true-false":
        choices = qti2latex.get_choices(item)
        if stem != q["statement"]:
            fail(where, f"text {stem!r}, expected {q['statement']!r}")
        right = [n for n, (i, _) in enumerate(choices) if i in correct]
        if len(choices) != 2 or right != [0 if q["answer"] else 1]:
            fail(where, f"true/false options {choices}, right {right}, expected {q['answer']}")
    elif kind == "cloze":
        blanks = q["text"].split("____")
        if len(answers) == 1:
            typed = {v for r, v in scored}
            want = {a.strip() for a in [answers[0], *q["accept"][0]] if a.strip()}
            check_typed(where, typed, want)
            if stem.replace("_____", "____") != q["text"]:
                fail(where, f"text {stem!r}, expected {q['text']!r}")
        else:
            rows = responses(item)
            if len(blanks) == len(answers) + 1:
                shown = "".join(p + (f"[blank{i + 1}]" if i < len(answers) else "") for i, p in enumerate(blanks))
                if stem != shown:
                    fail(where, f"text {stem!r}, expected {shown!r}")
            for n, answer in enumerate(answers):
                name = f"response_blank{n + 1}"
                row = [r for r in rows if r[0] == name]
                if not row:
                    fail(where, f"no {name}")
                    continue
                labels = dict(row[0][2])
                right = {labels.get(v) for r, v in scored if r == name}
                want = {a.strip() for a in [answer, *q["accept"][n]] if a.strip()}
                check_typed(f"{where} {name}", right, want)
    elif kind in ("matching", "timeline"):
        rows = responses(item)
        if kind == "matching":
            want = {q["left"][l]: q["right"][r] for l, r in q["pairs"]}
            offered = sorted(q["right"])
        else:
            want = {q["items"][i]: str(p + 1) for p, i in enumerate(q["order"])}
            offered = None
        got = {}
        for rid, own, options in rows:
            labels = dict(options)
            right = [labels.get(v) for r, v in scored if r == rid]
            if len(right) != 1:
                fail(where, f"row {own!r} has {len(right)} right answers")
                continue
            got[own] = right[0] if kind == "matching" else right[0].split(" ")[0]
            if offered is not None and sorted(t for _, t in options) != offered:
                fail(where, f"row {own!r} offers {sorted(t for _, t in options)}, expected {offered}")
        if got != want:
            fail(where, f"rows {got}, expected {want}")
        if kind == "timeline":
            for i in q["order"]:
                if flat(f"{q['dates'][i]}: {q['items'][i]}") not in feedback:
                    fail(where, f"the date of {q['items'][i]!r} is not in the feedback")
    elif kind == "flashcard":
        raw = qti2latex.get_item_stem(item) or ""
        paragraphs = [text_from_html(p) for p in re.findall(r"<p>(.*?)</p>", raw, re.S)]
        if not paragraphs or paragraphs[0] != q["front"]:
            fail(where, f"text {stem!r}, expected {q['front']!r} first")
        if paragraphs[1:] not in [[hint] for hint in RECALL_HINTS]:
            fail(where, f"text {stem!r} does not say what to write after the front")
        if flat(q["back"]) not in feedback:
            fail(where, f"the back {q['back']!r} is not in the feedback")
    # Texts are compared exactly above, every escape undone: markup in the teacher's text
    # (the fixture's <script>, <tag>, quotes, ampersands) came through as text, not as markup.


def validate(path, schemas):
    """The package's manifest and assessment against the IMS schemas."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    _, ident = shape(members)
    checks = [("imsmanifest.xml", schemas.manifest_errors),
              (f"{ident}/{ident}.xml", schemas.assessment_errors)]
    for name, errors in checks:
        found = errors(members.get(name, b"<missing/>"))
        for error in found:
            fail(f"{path}:{name}", f"invalid: {error}")
        if not found:
            print(f"{path}:{name}: valid")


def check_file(path, quiz_json, reference, schemas):
    validate(path, schemas)
    found, items = items_of(path)
    if found != reference:
        for key in reference:
            if found.get(key) != reference[key]:
                fail(path, f"{key}: {found.get(key)} where text2qti's package has {reference[key]}")
    questions = quiz_json["questions"]
    if len(items) != len(questions):
        fail(path, f"{len(items)} items for {len(questions)} questions")
    idents = [i.get("ident") for i in items]
    if len(set(idents)) != len(idents):
        fail(path, "two items share an identifier")
    for item, q in zip(items, questions):
        check_item(f"{path} [{q['id']}]", item, q)
        qtype = qti2latex.get_qti_metadata(item).get("question_type")
        qti_canvas_rules.check(f"{path} [{q['id']}]", item, qtype, fail)
    print(f"{path}: {len(items)} items read back")
    return idents


FORM = re.compile(r"^quiz(-[A-Z])?\.qti\.zip$")


def packages(out):
    """(deck, form, path) of every package: form "" for quiz.qti.zip, "-A" for quiz-A.qti.zip."""
    for deck in sorted(os.listdir(out)):
        folder = os.path.join(out, deck)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            match = FORM.match(name)
            if match:
                yield deck, match.group(1) or "", os.path.join(folder, name)


def check_forms(out, deck, forms):
    """The variant forms of one deck against its main quiz: the same items, their own ids."""
    main = forms.get("")
    if main is None:
        fail(f"{out}/{deck}", "variant forms without quiz.qti.zip")
        return
    main_items = sorted(i.get("ident") for i in items_of(main)[1])
    seen = {identity(main)}
    for form, path in sorted(forms.items()):
        if not form:
            continue
        if not os.path.isfile(os.path.join(out, deck, f"quiz{form}.json")):
            fail(path, f"no quiz{form}.json beside it")
        items = sorted(i.get("ident") for i in items_of(path)[1])
        if items != main_items:
            fail(path, "the form does not hold the main quiz's items (identifiers differ)")
        manifest_id, assessment_id, title = identity(path)
        for n, what in enumerate(("manifest identifier", "assessment identifier", "title")):
            if any(other[n] == (manifest_id, assessment_id, title)[n] for other in seen):
                fail(path, f"the {what} is another form's")
        seen.add((manifest_id, assessment_id, title))
        print(f"{path}: form {form[1:]}, the main quiz's {len(items)} items in its own order")


def main():
    args = sys.argv[1:]
    if args[:1] != ["--schemas"] or len(args) < 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    schemas = qti_schema.Schemas(args[1])
    args = args[2:]
    same = []
    while args[:1] == ["--same"]:
        same.append((args[1], args[2]))
        args = args[3:]
    rules_only = []
    while args[:1] == ["--rules"]:
        rules_only.append(args[1])
        args = args[2:]
    reference, _ = shape(reference_package())
    files = 0
    for out in args:
        by_deck = {}
        for deck, form, path in packages(out):
            files += 1
            by_deck.setdefault(deck, {})[form] = path
            with open(os.path.join(out, deck, f"quiz{form}.json"), encoding="utf-8") as f:
                check_file(path, json.load(f), reference, schemas)
        for deck, forms in by_deck.items():
            if len(forms) > 1:
                check_forms(out, deck, forms)
    for a, b in same:
        for deck, form, path in packages(a):
            other = os.path.join(b, deck, f"quiz{form}.qti.zip")
            if not os.path.isfile(other):
                fail(path, f"{b} has no {deck}/quiz{form}.qti.zip")
                continue
            first = [i.get("ident") for i in items_of(path)[1]]
            second = [i.get("ident") for i in items_of(other)[1]]
            if first != second:
                fail(path, f"the item identifiers differ between {a} and {b}")
            else:
                print(f"{deck}/quiz{form}: the same {len(first)} identifiers in {a} and {b}")
    for out in rules_only:
        for deck, form, path in packages(out):
            files += 1
            validate(path, schemas)
            for item in items_of(path)[1]:
                qtype = qti2latex.get_qti_metadata(item).get("question_type")
                qti_canvas_rules.check(f"{path} [{item.get('ident')}]", item, qtype, fail)
            print(f"{path}: the schemas and Canvas's rules")
    if files == 0:
        fail("-", "no quiz.qti.zip found")
    if failures:
        print(f"\nQTI check: {len(failures)} problem(s)")
        sys.exit(1)
    print("QTI check: all good")


if __name__ == "__main__":
    main()
