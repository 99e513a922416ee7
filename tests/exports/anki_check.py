"""Imports decksmith's deck.apkg with the official Anki library and checks what a student gets.

Usage: anki_check.py FIRST SAME EDITED REVERTED BUNDLED

The first four are snapshots of one output folder that the fixture course (tests/exports/
fixture) was built into again and again, as a teacher does:

- FIRST: the first build;
- SAME: a second build of the same content: the package must be byte-identical, and
  importing it must change nothing;
- EDITED: a build after one entry was edited: importing it must update that note and add none;
- REVERTED: a build after the edit was undone: importing it must bring the first text back
  (the note's time grows again, though the content is the first build's);
- BUNDLED: a build of the bundled course: every deck must import.

Exits non-zero with a message naming what is wrong.
"""

import os
import shutil
import sqlite3
import sys
import tempfile
import zipfile

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

failures = []

# Every collection and copied database goes in one folder, removed when the check ends.
SCRATCH = tempfile.mkdtemp(prefix="anki-check-")


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def fresh_collection():
    folder = tempfile.mkdtemp(dir=SCRATCH)
    return Collection(os.path.join(folder, "collection.anki2"))


def import_package(col, path):
    request = ImportAnkiPackageRequest(
        package_path=os.path.abspath(path),
        options=ImportAnkiPackageOptions(
            merge_notetypes=False,
            with_scheduling=False,
            with_deck_configs=False,
        ),
    )
    return col.import_anki_package(request).log


def notes_by_guid(col):
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        out[note.guid] = note
    return out


def note_with_field(col, field_text):
    found = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        if any(field_text in value for value in note.fields):
            found.append(note)
    return found


def check_sqlite(path):
    """The collection inside the package must be sound to this Python's own SQLite, with
    Anki's tables and indexes."""
    folder = tempfile.mkdtemp(dir=SCRATCH)
    db = os.path.join(folder, "collection.anki2")
    with zipfile.ZipFile(path) as package, open(db, "wb") as out:
        out.write(package.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
        check(result == [("ok",)], f"{path}: SQLite's integrity check says {result}")
        names = {name for (name,) in con.execute("SELECT name FROM sqlite_schema")}
        for wanted in ("col", "notes", "cards", "revlog", "graves", "ix_notes_usn", "ix_cards_usn",
                       "ix_revlog_usn", "ix_cards_nid", "ix_cards_sched", "ix_revlog_cid",
                       "ix_notes_csum"):
            check(wanted in names, f"{path}: the collection has no {wanted}")
    finally:
        con.close()


def main():
    if len(sys.argv) != 6:
        print(__doc__)
        sys.exit(2)
    first, same, edited, reverted, bundled = sys.argv[1:]
    apkg = lambda out: os.path.join(out, "fixture-deck", "deck.apkg")

    for out in (first, edited, reverted, bundled):
        for deck in sorted(os.listdir(out)):
            path = os.path.join(out, deck, "deck.apkg")
            if os.path.isfile(path):
                check_sqlite(path)

    # The same content built again over the same output gives the same bytes.
    with open(apkg(first), "rb") as a, open(apkg(same), "rb") as b:
        check(a.read() == b.read(), "two builds of the same content gave different deck.apkg bytes")

    col = fresh_collection()
    log = import_package(col, apkg(first))
    check(len(log.new) > 0, "the first import added no note")

    # What the student has: the fixture has 6 entries: a term with reverse cards on, a person
    # (reverse too), an organization with an acronym (reverse), a fact with two blanks, an
    # event, a quote; see tests/exports/fixture/decks/fixture-deck.yaml. Each card asks one
    # thing: the term gives three notes (what it stands for, what it means, its Russian), the
    # organization two (what its acronym stands for, what it is), the fact one cloze note.
    note_count = col.note_count()
    card_count = col.card_count()
    check(note_count == 9, f"expected 9 notes (one per thing to recall), found {note_count}")
    # The first notes of the term, person and organization: 2 cards each (reversed); the
    # term's meaning and Russian and the organization's description: 1 each; the fact: 2
    # cloze cards; event, quote: 1.
    check(card_count == 13, f"expected 13 cards, found {card_count}")

    names = sorted(m.name for m in col.models.all_names_and_ids())
    for wanted in ("decksmith Basic", "decksmith Basic (and reversed card)", "decksmith Cloze"):
        check(wanted in names, f"note type {wanted!r} missing; note types: {names}")
    for model_name, fields in (
        ("decksmith Basic", ["Front", "Back", "Details", "Source"]),
        ("decksmith Basic (and reversed card)", ["Front", "Back", "Details", "Source"]),
        ("decksmith Cloze", ["Text", "Extra", "Source"]),
    ):
        model = col.models.by_name(model_name)
        if model:
            got = [f["name"] for f in model["flds"]]
            check(got == fields, f"{model_name} has fields {got}, expected {fields}")

    deck_names = sorted(d.name for d in col.decks.all_names_and_ids())
    wanted_deck = "Export Fixture & <Friends>::Escapes: \"quotes\", tabs and {braces}"
    check(wanted_deck in deck_names, f"deck {wanted_deck!r} missing; decks: {deck_names}")
    deck_id = col.decks.id_for_name(wanted_deck)
    if deck_id:
        in_deck = len(col.find_cards(f"did:{deck_id}"))
        check(in_deck == card_count, f"{in_deck} of {card_count} cards are in the fixture deck")

    # Fields: the term's notes, escaped teacher text, the source citation, tags.
    term = [n for n in note_with_field(col, "R&amp;D") if n["Front"].startswith("R&amp;D")
            and "stand for" in n["Front"]]
    if check(len(term) == 1, f"expected one note asking what 'R&D' (escaped) stands for, found {len(term)}"):
        note = term[0]
        check(note.note_type()["name"] == "decksmith Basic (and reversed card)",
              f"the term's note type is {note.note_type()['name']}")
        check(note["Back"] == "Research &amp; Development", f"the term's back is {note['Back']!r}")
        check("Fixture source" in note["Source"], f"the term's Source field is {note['Source']!r}")
        check(sorted(note.tags) == ["fixture", "research_and_development"] or
              sorted(note.tags) == ["fixture", "research-and-development"],
              f"the term's tags are {note.tags}")
    meaning = [n for n in note_with_field(col, "&lt;script&gt;") if n["Front"].startswith("Research &amp; Development")]
    if check(len(meaning) == 1, f"expected one note with the term's meaning, escaped, found {len(meaning)}"):
        check("<script>" not in meaning[0]["Back"], f"the term's meaning is not escaped: {meaning[0]['Back']!r}")
    russian = [n for n in note_with_field(col, "НИОКР")]
    if check(len(russian) == 1, f"expected one note with the Russian term, found {len(russian)}"):
        check('lang="ru"' in russian[0]["Back"] or "lang='ru'" in russian[0]["Back"],
              f"the Russian translation is not marked: {russian[0]['Back']!r}")

    cloze = [col.get_note(n) for n in col.find_notes('"note:decksmith Cloze"')]
    if check(len(cloze) == 1, f"expected one cloze note, found {len(cloze)}"):
        text = cloze[0]["Text"]
        check("{{c1::" in text and "{{c2::" in text, f"the cloze note has no c1/c2 deletions: {text!r}")
        check(len(cloze[0].cards()) == 2, f"the two-blank fact has {len(cloze[0].cards())} cards")
        question = cloze[0].cards()[0].question()
        check("[...]" in question, f"the first cloze card shows no gap: {question!r}")

    # Re-import the second, identical build: nothing new, nothing duplicated.
    before = notes_by_guid(col)
    log = import_package(col, apkg(same))
    check(len(log.new) == 0, f"re-importing the same build added {len(log.new)} notes")
    check(col.note_count() == note_count, f"re-importing the same build changed the note count to {col.note_count()}")
    check(col.card_count() == card_count, f"re-importing the same build changed the card count to {col.card_count()}")

    # Import the build with the edited entry: it updates that note, adds none.
    log = import_package(col, apkg(edited))
    check(len(log.new) == 0, f"importing the edited build added {len(log.new)} notes")
    check(col.note_count() == note_count, f"after importing the edited build there are {col.note_count()} notes, expected {note_count}")
    check(col.card_count() == card_count, f"after importing the edited build there are {col.card_count()} cards")
    after = notes_by_guid(col)
    check(set(after) == set(before), "the notes' GUIDs changed between builds")
    changed = [g for g in after if after[g].fields != before[g].fields]
    check(len(changed) == 1, f"expected exactly one note to change, {len(changed)} did")
    person = [n for n in note_with_field(col, "Jane Q. Example") if n["Front"] == "Jane Q. Example"]
    if check(len(person) == 1, "the person note is missing after the update"):
        check("Chief Examiner (edited)" in person[0]["Back"],
              f"the edited role did not reach Anki: {person[0]['Back']!r}")

    # Import the build where the edit was undone: the first text comes back.
    log = import_package(col, apkg(reverted))
    check(len(log.new) == 0, f"importing the reverted build added {len(log.new)} notes")
    check(col.note_count() == note_count, f"after importing the reverted build there are {col.note_count()} notes")
    person = [n for n in note_with_field(col, "Jane Q. Example") if n["Front"] == "Jane Q. Example"]
    if check(len(person) == 1, "the person note is missing after the revert"):
        back = person[0]["Back"]
        check("Chief Examiner" in back and "(edited)" not in back,
              f"undoing the edit did not reach Anki: {back!r}")
    reverted_notes = notes_by_guid(col)
    check(all(reverted_notes[g].fields == before[g].fields for g in before),
          "after the revert the notes differ from the first build")
    col.close()

    # cards.tsv through Anki's own text importer: its header lines give the deck, the tags
    # and the GUIDs, so a second import adds nothing.
    col = fresh_collection()
    tsv = os.path.abspath(os.path.join(first, "fixture-deck", "cards.tsv"))
    with open(tsv, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    metadata = col.get_csv_metadata(path=tsv, delimiter=None)
    log = col.import_csv(ImportCsvRequest(path=tsv, metadata=metadata)).log
    # One row per card: the ten forward cards and the three reverse ones.
    check(len(log.new) == len(rows) == 13, f"cards.tsv: {len(log.new)} notes from {len(rows)} rows, expected 13")
    tsv_decks = {col.decks.name(col.get_card(c).did) for c in col.find_cards("")}
    check(tsv_decks == {wanted_deck}, f"cards.tsv put cards in {tsv_decks}")
    term = [n for n in note_with_field(col, "R&amp;D<div") if "stand for" in n.fields[0]]
    if check(len(term) == 1, "cards.tsv: the R&D card is missing"):
        front = term[0].fields[0]
        check("<div class=" in front and "&quot;detail" not in front, f"cards.tsv: broken markup {front!r}")
        check(sorted(term[0].tags) == ["fixture", "research-and-development"], f"cards.tsv: tags {term[0].tags}")
    # The meaning's card; the Russian translation's card shows the same front with a cue.
    meaning = [n for n in note_with_field(col, "Research &amp; Development (R&amp;D)")
               if n.fields[0] == "Research &amp; Development (R&amp;D)"]
    if check(len(meaning) == 1, "cards.tsv: the card with R&D's meaning is missing"):
        back = meaning[0].fields[1]
        check("&lt;script&gt;" in back and "<script" not in back, f"cards.tsv: unescaped back {back!r}")
    log = col.import_csv(ImportCsvRequest(path=tsv, metadata=metadata)).log
    check(len(log.new) == 0 and col.note_count() == 13, f"cards.tsv: a second import added {len(log.new)} notes")
    col.close()

    # The bundled course: every deck imports, with as many notes as the deck has entries.
    col = fresh_collection()
    total_new = 0
    for deck in sorted(os.listdir(bundled)):
        path = os.path.join(bundled, deck, "deck.apkg")
        if not os.path.isfile(path):
            continue
        log = import_package(col, path)
        check(len(log.new) > 0, f"bundled deck {deck} imported no note")
        check(len(log.conflicting) == 0, f"bundled deck {deck}: {len(log.conflicting)} conflicting notes")
        total_new += len(log.new)
    check(col.note_count() == total_new, f"the bundled course gave {col.note_count()} notes for {total_new} imported")
    decks = sorted(d.name for d in col.decks.all_names_and_ids())
    print(f"bundled course: {col.note_count()} notes, {col.card_count()} cards in {len(decks)} decks")
    for name in decks:
        print(f"  {name}")
    col.close()

    if failures:
        print(f"\nAnki check: {len(failures)} problem(s)")
        sys.exit(1)
    print("Anki check: all good")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
