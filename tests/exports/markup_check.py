"""Imports the markup fixture's deck.apkg (tests/fixtures/markup) with the official Anki library
and checks that a teacher's inline markup reaches the notes as HTML: italics, bold and
subscripts, the stars and tildes gone.

Usage: markup_check.py OUT (the folder the markup fixture was built into)
"""

import os
import sys

from anki_check import check, failures, fresh_collection, import_package, note_with_field


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: markup_check.py OUT")
    col = fresh_collection()
    import_package(col, os.path.join(sys.argv[1], "lab", "deck.apkg"))
    coli = note_with_field(col, "Escherichia coli")
    check(coli, "no note shows Escherichia coli")
    for note in coli:
        fields = " | ".join(note.fields)
        check("<em>Escherichia coli</em>" in fields, f"Escherichia coli is not in italics: {fields}")
        check("*" not in fields, f"a star is left in a note: {fields}")
    glucose = note_with_field(col, "the sugar most cells burn")
    check(glucose, "no note shows the glucose card")
    for note in glucose:
        fields = " | ".join(note.fields)
        check("C<sub>6</sub>H<sub>12</sub>O<sub>6</sub>" in fields, f"no subscripts in {fields}")
    workhorse = note_with_field(col, "workhorse")
    check(any("<strong>workhorse</strong>" in " ".join(n.fields) for n in workhorse), "workhorse is not bold")
    col.close()
    if failures:
        sys.exit(f"Anki markup check: {len(failures)} problem(s)")
    print("Anki markup check: all good")


if __name__ == "__main__":
    main()
