"""The rules Canvas's QTI import applies to the QTI 1.2 items we write, checked on one item.

Canvas does not read QTI 1.2 itself: it runs instructure/QTIMigrationTool (migrate.py
--ucvars --nogui --overwrite, gems/plugins/qti_exporter/lib/qti.rb) to turn the package into
QTI 2.1, then reads that with its qti_exporter plugin (assessment_item_converter.rb and one
class per interaction). Neither can run in CI (Canvas is a Rails application; the converter
is not on any package registry), so these are the rules read from their source, as
tests/exports/moodle_check.py does for Moodle. Where they come from:

- each <conditionvar> holds one test: the converter joins several tests of one condition with
  an implicit `and` (lib/imsqtiv1.py, ConditionVar.CloseObject), so two accepted answers in
  one condition would both have to equal the typed answer;
- identifiers are QTI 2 identifiers (a letter or `_`, then letters, digits, `_`, `-`, `.`):
  the converter renames others ("replacing bad NMTOKEN") and a blank's renamed identifier no
  longer matches its `[blankN]` in the text (extended_text_interaction.rb says so);
- the general feedback is an <itemfeedback> whose ident has `general_` in it, shown by a
  condition on <other/> that goes on (`continue="Yes"`): Canvas keeps feedback whose ident
  matches /general_|_all/ as the question's neutral comments (AssessmentItemConverter
  #get_feedback), shown after any answer;
- points: `points_possible` a number, at least 0 (parse_instructure_metadata keeps
  max(points, 0); without it, 1 point);
- multiple choice and true/false: one <response_lid ident="response1" rcardinality="Single">
  whose right answer is the one label a condition sets the score above 0 for
  (choice_interaction.rb); a true/false question's two options read /true/i and /false/i, in
  that order, else Canvas imports it as a two-option multiple choice question
  (process_true_false_question) - every test course here is in English;
- short answer: a <response_str> with <render_fib>; every accepted answer is a condition of
  its own testing response1 and setting the score, and stopping (`continue="No"`): the
  converter chains such conditions as if / else-if, and Canvas takes each tested text as a
  right answer (ExtendedTextInteraction);
- essay: a <response_str> and no condition that scores: Canvas makes a question with no
  right answers an essay (ExtendedTextInteraction#parse_question_data);
- fill in multiple blanks: a <response_lid ident="response_blankN"> per blank, `[blankN]` in
  the text (Canvas's blank id is the identifier less `response_`), and every label of a blank
  an accepted answer: Canvas takes every choice of a blank as right (FillInTheBlank
  #process_canvas); each answer's condition adds its share and goes on;
- matching: every row offers the same labels in the same order, because Canvas reads the
  answers from the first row alone (AssociateInteraction#get_canvas_matches); the first run
  of digits in each label's ident is unique in the item, because Canvas takes it as the
  match id; each row has exactly one condition that adds to the score, for a label it offers,
  and goes on, so every row counts;
- all responses right, the shares added to the score come to 100.
"""

import re

IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
SCORING = ("Set", "Add")


def local(tag):
    return tag.split("}")[-1]


def find(element, name):
    return [e for e in element.iter() if isinstance(e.tag, str) and local(e.tag) == name]


def children(element, name):
    return [e for e in element if isinstance(e.tag, str) and local(e.tag) == name]


def text_of(element):
    return "".join(element.itertext()) if element is not None else ""


def score(condition):
    """The (action, value) of the condition's setvar on SCORE, or None."""
    for setvar in children(condition, "setvar"):
        if setvar.get("varname", "SCORE") == "SCORE":
            try:
                return setvar.get("action", "Set"), float(setvar.text or "")
            except ValueError:
                return setvar.get("action", "Set"), float("nan")
    return None


def tests(condition):
    var = children(condition, "conditionvar")
    return [t for t in var[0] if isinstance(t.tag, str)] if var else []


def check(where, item, qtype, fail):
    """Applies Canvas's import rules to one <item> of Canvas type `qtype`."""
    meta = {text_of(children(f, "fieldlabel")[0]): text_of(children(f, "fieldentry")[0])
            for f in find(item, "qtimetadatafield")
            if children(f, "fieldlabel") and children(f, "fieldentry")}
    try:
        if float(meta.get("points_possible", "")) < 0:
            fail(where, "points_possible is below 0")
    except ValueError:
        fail(where, f"points_possible {meta.get('points_possible')!r} is not a number")

    for element in [item, *find(item, "response_lid"), *find(item, "response_str"),
                    *find(item, "response_label")]:
        if not IDENT.match(element.get("ident", "")):
            fail(where, f"<{local(element.tag)} ident={element.get('ident')!r}> is no QTI 2 "
                        "identifier: the converter renames it")

    conditions = find(item, "respcondition")
    for condition in conditions:
        if len(tests(condition)) != 1:
            fail(where, f"a condition with {len(tests(condition))} tests: the converter "
                        "joins them with `and`")
    scoring = [c for c in conditions if score(c) and score(c)[1] > 0]
    general(where, item, conditions, fail)

    if qtype in ("multiple_choice_question", "true_false_question"):
        choice(where, item, qtype, scoring, fail)
    elif qtype == "short_answer_question":
        short_answer(where, item, scoring, fail)
    elif qtype == "essay_question":
        if not find(item, "response_str") or scoring:
            fail(where, "an essay is a <response_str> with no condition that scores")
    elif qtype == "fill_in_multiple_blanks_question":
        blanks(where, item, scoring, fail)
    elif qtype == "matching_question":
        matching(where, item, scoring, fail)
    else:
        fail(where, f"question_type {qtype!r}: not a type decksmith writes")

    # A response matches at most one of its conditions: the most each response can add.
    shares = {}
    for condition in scoring:
        if score(condition)[0] == "Add":
            for respident, _ in responses_of(condition):
                shares[respident] = max(shares.get(respident, 0), score(condition)[1])
    if shares and abs(sum(shares.values()) - 100) > 0.05:
        fail(where, f"the shares of all responses right add up to {sum(shares.values()):.2f}, "
                    "not 100")


def general(where, item, conditions, fail):
    feedback = [f for f in children(item, "itemfeedback") if "general_" in f.get("ident", "")]
    if len(feedback) != 1:
        fail(where, "no single <itemfeedback> with `general_` in its ident: Canvas keeps no "
                    "neutral comments")
        return
    ident = feedback[0].get("ident")
    shown = [c for c in conditions
             if [local(t.tag) for t in tests(c)] == ["other"]
             and any(d.get("linkrefid") == ident for d in children(c, "displayfeedback"))]
    if len(shown) != 1 or shown[0].get("continue") != "Yes":
        fail(where, f"the feedback {ident} is not shown by one condition on <other/> that goes on")


def responses_of(condition):
    return [(t.get("respident"), (t.text or "").strip()) for t in tests(condition)
            if local(t.tag) == "varequal"]


def choice(where, item, qtype, scoring, fail):
    lids = find(item, "response_lid")
    if len(lids) != 1 or lids[0].get("ident") != "response1" \
            or lids[0].get("rcardinality") != "Single" or not find(lids[0], "render_choice"):
        fail(where, "not one <response_lid ident=\"response1\" rcardinality=\"Single\"> "
                    "with a <render_choice>")
        return
    labels = [label.get("ident") for label in find(lids[0], "response_label")]
    right = [ident for c in scoring for r, ident in responses_of(c) if r == "response1"]
    if len(right) != 1 or right[0] not in labels:
        fail(where, f"{len(right)} right answers among the labels, not 1")
    if qtype == "true_false_question":
        texts = [text_of(label) for label in find(lids[0], "response_label")]
        if len(texts) != 2 or not re.search("true", texts[0], re.I) \
                or not re.search("false", texts[1], re.I):
            fail(where, f"true/false options {texts}: Canvas would import a multiple choice "
                        "question")


def short_answer(where, item, scoring, fail):
    if not find(item, "response_str") or not find(item, "render_fib"):
        fail(where, "a short answer is a <response_str> with a <render_fib>")
    if not scoring:
        fail(where, "no accepted answer")
    for condition in scoring:
        answers = responses_of(condition)
        if condition.get("continue", "No") != "No" or score(condition) != ("Set", 100.0) \
                or [r for r, _ in answers] != ["response1"] or not answers[0][1]:
            fail(where, "an accepted answer is not a condition of its own on response1 that "
                        "sets the score to 100 and stops")


def blanks(where, item, scoring, fail):
    text = " ".join(text_of(m) for m in children(children(item, "presentation")[0], "material")) \
        if children(item, "presentation") else ""
    right = {(r, ident) for c in scoring for r, ident in responses_of(c)}
    lids = find(item, "response_lid")
    if not lids:
        fail(where, "no blanks")
    for lid in lids:
        name = lid.get("ident", "")
        if not name.startswith("response_") or f"[{name[len('response_'):]}]" not in text:
            fail(where, f"{name}: no [{name[len('response_'):]}] in the text")
        for label in find(lid, "response_label"):
            if (name, label.get("ident")) not in right:
                fail(where, f"{name} offers {text_of(label)!r}, which Canvas would take as "
                            "right, and no condition scores")
    for condition in scoring:
        if condition.get("continue") != "Yes" or score(condition)[0] != "Add":
            fail(where, "a blank's condition does not add its share and go on")


def matching(where, item, scoring, fail):
    lids = find(item, "response_lid")
    if not lids:
        fail(where, "no rows")
        return
    offered = [[label.get("ident") for label in find(lid, "response_label")] for lid in lids]
    if any(row != offered[0] for row in offered):
        fail(where, "the rows do not offer the same answers in the same order (Canvas reads "
                    "the first row's)")
    numbers = [re.search(r"\d+", ident) for ident in offered[0]]
    ids = [int(n.group()) if n else None for n in numbers]
    if None in ids or len(set(ids)) != len(ids):
        fail(where, f"Canvas's match ids (first digits of each answer's ident) {ids} are not "
                    "distinct")
    for lid, row in zip(lids, offered):
        right = [ident for c in scoring for r, ident in responses_of(c) if r == lid.get("ident")]
        if len(right) != 1 or right[0] not in row:
            fail(where, f"row {lid.get('ident')} has {len(right)} right answers among its own")
    for condition in scoring:
        if condition.get("continue") != "Yes" or score(condition)[0] != "Add":
            fail(where, "a row's condition does not add its share and go on")
