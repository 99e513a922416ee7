"""Checks every quiz.moodle.xml of the given build folders against Moodle's import rules.

What Moodle's XML import (question/format/xml) and its question types require, as far as a
file can be checked without a Moodle server:
- well-formed XML, a <quiz> root, known question types, a category question first;
- every question a name, a question text and a general feedback (decksmith's own rule: the
  explanation and the source), in a known text format;
- answer fractions from Moodle's list of allowed grades;
- multichoice with <single>true</single>: exactly one 100% answer, at least two answers;
- truefalse: the answers `true` and `false`, one at 100%, the other at 0%;
- shortanswer: at least one 100% answer, none empty;
- matching: at least two sub-questions and three answers, each sub-question with an answer;
- ordering (qtype_ordering::import_from_xml and save_question_options, Moodle 4.4+): at least
  two non-empty answers, taken in the order written as the right order (the fractions are
  renumbered 1, 2, … on import, so they are positions, not grades); <layouttype>,
  <selecttype>, <gradingtype> and <showgrading> each one of the words
  set_layout_select_count_grading() knows (else it silently falls back to a default), and
  <selectcount> a number; decksmith's own rules: every event shown (ALL, the count of the
  answers) and the answers in the chronological order quiz.json gives;
- every question is named for a teacher: its number, then text, then the deck's title (not
  an internal id such as `oewg:cloze`);
- the question counts by type match the generated quiz (quiz.json), and the questions (by
  the stable id in the comment before each) are its questions in its order;
- teacher text is escaped: no <script> element reaches a question;
- variant forms (`quiz-A.moodle.xml`, …, beside `quiz-A.json`): each checked as above against
  its own quiz-A.json, so every question of the form is there in the form's order; the same
  questions as quiz.moodle.xml; its category one level below the deck's (Moodle's importer,
  qformat_default::create_category_path, finds or makes each category of the path in turn,
  so the form lands inside the deck's category), a category of its own; question names
  that differ from the main quiz's (a teacher sees both in the bank).

Usage: moodle_check.py OUT...
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# question_bank::fraction_options_full(), as percentages.
ALLOWED = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
           16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0}
FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown"}
TYPES = {"category", "multichoice", "truefalse", "shortanswer", "matching", "essay",
         "numerical", "cloze", "description", "ordering"}
KIND_TO_TYPE = {"multiple-choice": "multichoice", "who": "multichoice", "true-false": "truefalse",
                "cloze": "shortanswer", "matching": "matching", "timeline": "ordering",
                "flashcard": "essay"}

# The words qtype_ordering::set_layout_select_count_grading() maps (upper-cased).
ORDERING_LAYOUT = {"HORIZONTAL", "HORI", "H", "1", "VERTICAL", "VERT", "V", "0"}
ORDERING_SELECT = {"ALL", "EXACT", "RANDOM", "REL", "CONTIGUOUS", "CONTIG"}
ORDERING_GRADING = {"ALL_OR_NOTHING", "ABS", "ABSOLUTE", "ABSOLUTE_POSITION", "REL", "RELATIVE",
                    "RELATIVE_NEXT_EXCLUDE_LAST", "RELATIVE_NEXT_INCLUDE_LAST",
                    "RELATIVE_ONE_PREVIOUS_AND_NEXT", "RELATIVE_ALL_PREVIOUS_AND_NEXT",
                    "LONGEST_ORDERED_SUBSET", "LONGEST_CONTIGUOUS_SUBSET", "RELATIVE_TO_CORRECT"}
ORDERING_SHOW = {"SHOW", "TRUE", "YES", "HIDE", "FALSE", "NO"}

failures = []


def fail(where, message):
    failures.append(message)
    print(f"FAIL: {where}: {message}")


def text_of(element, path):
    found = element.find(path)
    return None if found is None or found.text is None else found.text


def fraction(answer):
    value = float(answer.get("fraction", "nan"))
    return value


def allowed(value):
    return any(abs(value - a) < 1e-4 for a in ALLOWED) or any(abs(value + a) < 1e-4 for a in ALLOWED)


def html_to_text(html):
    """The text Moodle shows for an escaped HTML fragment."""
    return (html.replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&"))


def markup_to_html(text):
    """The HTML a teacher's inline markup is written as, for the constructs the markup
    fixture uses (nothing nested, no escapes): `**bold**`, `*italics*`, `H~2~O`, `x^2^`."""
    text = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"\*(\S(?:.*?\S)?)\*", r"<em>\1</em>", text)
    text = re.sub(r"~([^~\s]+)~", r"<sub>\1</sub>", text)
    return re.sub(r"\^([^^\s]+)\^", r"<sup>\1</sup>", text)


def check_ordering(where, q, question_json):
    answers = q.findall("answer")
    texts = [(text_of(a, "text") or "").strip() for a in answers]
    if len([t for t in texts if t]) < 2:
        fail(where, f"an ordering question needs two non-empty answers, has {len(texts)}")
    for tag, words in (("layouttype", ORDERING_LAYOUT), ("selecttype", ORDERING_SELECT),
                       ("gradingtype", ORDERING_GRADING), ("showgrading", ORDERING_SHOW)):
        value = (text_of(q, tag) or "").strip().upper()
        if value not in words:
            fail(where, f"<{tag}> {value!r} is not a word Moodle knows; it would fall back to a default")
    count = (text_of(q, "selectcount") or "").strip()
    if not count.isdigit():
        fail(where, f"<selectcount> {count!r} is not a number")
    elif (text_of(q, "selecttype") or "").strip().upper() != "ALL" or int(count) != len(answers):
        fail(where, "not every event is shown: <selecttype> must be ALL and <selectcount> the answers' count")
    if question_json is not None:
        expected = [markup_to_html(question_json["items"][i]) for i in question_json["order"]]
        if [html_to_text(t) for t in texts] != expected:
            fail(where, f"answers {texts} are not the events in chronological order {expected}")


def split_path(path):
    """A category path's names, as qformat_default::split_category_path reads them."""
    return [name.strip().replace("//", "/") for name in re.split(r"(?<!/)/(?!/)", path)]


def check_file(path, quiz_json):
    """Checks one file; returns its category path, its question ids and names (or None)."""
    try:
        root = ET.parse(path, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))).getroot()
    except ET.ParseError as e:
        fail(path, f"not well-formed XML: {e}")
        return None
    # The stable id in the comment before each question (a cloze cut in blanks: `id#1`, …).
    ids, comment = [], None
    for child in root:
        if child.tag is ET.Comment:
            comment = (child.text or "").strip()
        elif child.tag == "question" and child.get("type") != "category":
            ids.append((comment or "").split("#")[0].replace("- -", "--"))
            comment = None
    want = []
    for question in quiz_json["questions"]:
        n = len(question["answers"]) if question["kind"] == "cloze" else 1
        want += [question["id"]] * n
    if ids != want:
        fail(path, f"the questions are not quiz.json's in its order: {ids} for {want}")
    category = None
    names = []
    if root.tag != "quiz":
        fail(path, f"the root is <{root.tag}>, not <quiz>")
    questions = root.findall("question")
    if not questions or questions[0].get("type") != "category":
        fail(path, "the first question is not the deck's category")
    counts = {}
    timelines = iter([qj for qj in quiz_json["questions"] if qj["kind"] == "timeline"])
    for q in questions:
        qtype = q.get("type")
        counts[qtype] = counts.get(qtype, 0) + 1
        if qtype not in TYPES:
            fail(path, f"unknown question type {qtype!r}")
            continue
        if qtype == "category":
            cat = text_of(q, "category/text") or ""
            if not cat.startswith("$course$/top/"):
                fail(path, f"category path {cat!r} does not start with $course$/top/")
            category = cat
            continue
        name = text_of(q, "name/text") or ""
        names.append(name)
        where = f"{path} [{name}]"
        if not name.strip():
            fail(path, f"a {qtype} question has no name")
        number, _, rest = name.partition(" ")
        if not (number.isdigit() and f" — {quiz_json['title']}" in rest):
            fail(where, "the name is not the question's number, its text and the deck's title")
        for tag in ("questiontext", "generalfeedback"):
            element = q.find(tag)
            if element is None or element.get("format") not in FORMATS:
                fail(where, f"<{tag}> missing or with an unknown format")
            elif not (text_of(element, "text") or "").strip():
                fail(where, f"<{tag}> is empty")
        html = (text_of(q, "questiontext/text") or "") + (text_of(q, "generalfeedback/text") or "")
        if "<script" in html.lower():
            fail(where, "a <script> element reaches the question: teacher text is not escaped")
        answers = q.findall("answer")
        for a in answers:
            try:
                value = fraction(a)
            except ValueError:
                fail(where, f"answer fraction {a.get('fraction')!r} is not a number")
                continue
            if qtype != "ordering" and not allowed(value):
                fail(where, f"answer fraction {value} is not one of Moodle's grades")
            if a.get("format") is not None and a.get("format") not in FORMATS:
                fail(where, f"answer format {a.get('format')!r} is unknown")
        if qtype == "ordering":
            check_ordering(where, q, next(timelines, None))
            continue
        full = [a for a in answers if abs(fraction(a) - 100) < 1e-6]
        if qtype == "multichoice":
            if (text_of(q, "single") or "").strip() not in ("true", "1"):
                fail(where, "a single-answer multichoice needs <single>true</single>")
            if (text_of(q, "shuffleanswers") or "").strip() not in ("true", "1"):
                fail(where, "options are not shuffled")
            if len(full) != 1:
                fail(where, f"{len(full)} answers at 100%; a single-answer question needs exactly one")
            if len(answers) < 2:
                fail(where, f"only {len(answers)} options")
            if any(not (text_of(a, "text") or "").strip() for a in answers):
                fail(where, "an empty option")
        elif qtype == "truefalse":
            texts = sorted((text_of(a, "text") or "") for a in answers)
            if texts != ["false", "true"]:
                fail(where, f"true/false answers are {texts}")
            if sorted(fraction(a) for a in answers) != [0, 100]:
                fail(where, "true/false needs one answer at 100% and one at 0%")
        elif qtype == "shortanswer":
            if not full:
                fail(where, "no answer at 100%")
            if any(not (text_of(a, "text") or "").strip() for a in answers):
                fail(where, "an empty typed answer")
            if (text_of(q, "usecase") or "") not in ("0", "1"):
                fail(where, "<usecase> must be 0 or 1")
        elif qtype == "matching":
            subs = q.findall("subquestion")
            asked = [s for s in subs if (text_of(s, "text") or "").strip()]
            answers_text = [text_of(s, "answer/text") for s in subs]
            if len(asked) < 2 or len(subs) < 3:
                fail(where, f"{len(asked)} sub-questions and {len(subs)} answers; Moodle needs 2 and 3")
            if any(not (a or "").strip() for a in answers_text):
                fail(where, "a sub-question without an answer")
            if any(s.get("format") not in FORMATS for s in subs):
                fail(where, "a sub-question with an unknown format")
        elif qtype == "essay":
            if (text_of(q, "responseformat") or "") not in ("editor", "editorfilepicker", "plain", "monospaced", "noinline"):
                fail(where, "unknown <responseformat>")
    expected = {"category": 1}
    for question in quiz_json["questions"]:
        qtype = KIND_TO_TYPE[question["kind"]]
        n = len(question["answers"]) if question["kind"] == "cloze" else 1
        expected[qtype] = expected.get(qtype, 0) + n
    if counts != expected:
        fail(path, f"questions by type {sorted(counts.items())}, expected {sorted(expected.items())}")
    print(f"{path}: {dict(sorted(counts.items()))}")
    return category, ids, names


FORM = re.compile(r"^quiz(-[A-Z])?\.moodle\.xml$")


def check_forms(deck_dir, forms):
    """A deck's variant forms against its main quiz."""
    main = forms.get("")
    if main is None:
        fail(deck_dir, "variant forms without quiz.moodle.xml")
        return
    category, ids, names = main
    seen = {category}
    for form, found in sorted(forms.items()):
        if not form:
            continue
        where = os.path.join(deck_dir, f"quiz{form}.moodle.xml")
        form_category, form_ids, form_names = found
        if sorted(form_ids) != sorted(ids):
            fail(where, "the form does not hold the main quiz's questions")
        parts, main_parts = split_path(form_category or ""), split_path(category or "")
        if len(parts) != len(main_parts) + 1 or parts[:-1] != main_parts or not parts[-1]:
            fail(where, f"category {form_category!r} is not one level inside the deck's {category!r}")
        if form_category in seen:
            fail(where, f"category {form_category!r} is another form's")
        seen.add(form_category)
        if set(form_names) & set(names):
            fail(where, "questions named as the main quiz's: a teacher cannot tell them apart")
        print(f"{where}: form {form[1:]} in {parts[-1]!r}, the main quiz's {len(form_ids)} questions in its own order")


def main():
    files = 0
    for out in sys.argv[1:]:
        for deck in sorted(os.listdir(out)):
            deck_dir = os.path.join(out, deck)
            if not os.path.isdir(deck_dir):
                continue
            forms = {}
            for name in sorted(os.listdir(deck_dir)):
                match = FORM.match(name)
                if not match:
                    continue
                form = match.group(1) or ""
                files += 1
                with open(os.path.join(deck_dir, f"quiz{form}.json"), encoding="utf-8") as f:
                    found = check_file(os.path.join(deck_dir, name), json.load(f))
                if found is not None:
                    forms[form] = found
            if len(forms) > 1:
                check_forms(deck_dir, forms)
    if files == 0:
        fail("-", "no quiz.moodle.xml found")
    if failures:
        print(f"\nMoodle XML check: {len(failures)} problem(s)")
        sys.exit(1)
    print("Moodle XML check: all good")


if __name__ == "__main__":
    main()
