//! The exports of the fixture course in `tests/exports/fixture` (text full of what must be
//! escaped): golden files for the text formats, and the Anki package read back with SQLite.
//!
//! The golden files are in `tests/golden/<deck>/`. After a deliberate change, rewrite them
//! with `UPDATE_EXPECT=1 cargo test -p decksmith-export --test export` and review the diff.

#![allow(clippy::expect_used)] // helpers of tests: a failed expectation is a failed test

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use decksmith_export::anki::{Revision, Revisions};
use decksmith_export::{apkg, gift, moodle, qti, tsv};
use decksmith_model::{ContentInput, Course, Deck, LoadOptions, SourceFile, load};
use decksmith_quiz::{DeckOutput, GenerateOptions, Generated, generate};
use rusqlite::{Connection, MAIN_DB};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/exports/fixture")
}

fn read(path: &Path, name: &str) -> SourceFile {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    SourceFile::new(name, text)
}

fn fixture() -> (Course, Generated) {
    let dir = fixture_dir();
    let mut decks = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir.join("decks"))
        .expect("the fixture has decks")
        .map(|e| {
            e.expect("a deck file")
                .file_name()
                .into_string()
                .expect("utf-8")
        })
        .collect();
    names.sort();
    for name in names {
        decks.push(read(
            &dir.join("decks").join(&name),
            &format!("decks/{name}"),
        ));
    }
    let input = ContentInput {
        course: read(&dir.join("course.yaml"), "course.yaml"),
        sources: read(&dir.join("sources.yaml"), "sources.yaml"),
        decks,
    };
    let loaded = load(&input, &LoadOptions::default());
    let course = loaded
        .course
        .unwrap_or_else(|| panic!("the fixture course is invalid: {:?}", loaded.diagnostics));
    // One variant form, so that the golden files hold a form's files too.
    let options = GenerateOptions {
        variants: 1,
        ..GenerateOptions::default()
    };
    let (generated, _warnings) = generate(&course, &options);
    (course, generated)
}

/// Compares each file with its golden copy; with `UPDATE_EXPECT=1`, rewrites the copies.
fn check_golden(files: &BTreeMap<String, String>) {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut problems = Vec::new();
    for (name, actual) in files {
        let path = golden.join(name);
        if update {
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create golden dir");
            std::fs::write(&path, actual).expect("write golden file");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if &expected == actual => {}
            Ok(expected) => {
                let line = expected
                    .lines()
                    .zip(actual.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()))
                    + 1;
                problems.push(format!(
                    "{name} differs from its golden copy from line {line}:\n  golden: {:?}\n  actual: {:?}",
                    expected.lines().nth(line - 1).unwrap_or(""),
                    actual.lines().nth(line - 1).unwrap_or("")
                ));
            }
            Err(_) => problems.push(format!("{name} has no golden copy")),
        }
    }
    // A golden file that no longer matches any output is stale.
    if !update {
        for deck in std::fs::read_dir(&golden).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(deck.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = format!(
                    "{}/{}",
                    deck.file_name().to_string_lossy(),
                    file.file_name().to_string_lossy()
                );
                if !files.contains_key(&name) {
                    problems.push(format!("golden file {name} matches no output"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n\nIf the change is intended: UPDATE_EXPECT=1 cargo test -p decksmith-export --test export",
        problems.join("\n")
    );
}

#[test]
fn text_formats_match_their_golden_files() {
    let (course, generated) = fixture();
    let mut files = BTreeMap::new();
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        assert_eq!(
            output.variants.len(),
            1,
            "the fixture makes one variant form"
        );
        for file in moodle::deck_files(&course, deck, output) {
            let text = String::from_utf8(file.bytes).expect("utf-8");
            files.insert(file.path, text);
        }
        files.insert(
            format!("{}/quiz.gift", deck.id),
            gift::quiz(&course, deck, &output.quiz),
        );
        files.insert(
            format!("{}/cards.tsv", deck.id),
            tsv::cards(&course, deck, &output.cards),
        );
        // quiz.qti.zip's two texts of our own (the third, Canvas's settings, is tested below),
        // and quiz-A.qti.zip's.
        for form in std::iter::once(&output.quiz).chain(&output.variants) {
            let suffix = form
                .variant
                .as_ref()
                .map(|v| format!("-{v}"))
                .unwrap_or_default();
            files.insert(
                format!("{}/qti-assessment{suffix}.xml", deck.id),
                qti::assessment(&course, deck, form),
            );
            files.insert(
                format!("{}/qti-imsmanifest{suffix}.xml", deck.id),
                qti::manifest(&course, deck, form),
            );
        }
    }
    check_golden(&files);
}

#[test]
fn text_formats_escape_teacher_text() {
    let (course, generated) = fixture();
    let deck = &course.decks[0];
    let output = &generated.decks[0];
    let xml = moodle::quiz(&course, deck, &output.quiz);
    let tsv = tsv::cards(&course, deck, &output.cards);
    for (name, text) in [("moodle", &xml), ("tsv", &tsv)] {
        assert!(
            !text.contains("<script"),
            "{name}: a raw <script> got through"
        );
        assert!(!text.contains("R&D"), "{name}: a raw & got through");
    }
    assert!(
        tsv.contains("&lt;script&gt;"),
        "the TSV lost the escaped script text"
    );
    // Every TSV row has the header's six columns: no tab or line break leaked from the text.
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        assert_eq!(
            line.split('\t').count(),
            6,
            "row with the wrong columns: {line:?}"
        );
    }
    assert!(tsv.starts_with("#separator:tab\n#html:true\n"));
    // The category path doubles a `/` inside a title, as Moodle expects.
    let quiz_deck = &course.decks[1];
    let xml = moodle::quiz(&course, quiz_deck, &generated.decks[1].quiz);
    assert!(xml.contains("Quiz: every kind // every escape"));
}

/// The question type Moodle's GIFT importer gives a question (`qformat_gift::readquestion`,
/// for the types decksmith writes): escapes are set aside first, the general feedback cut
/// off, and then an answer block with `~` is multiple choice, one with both `=` and `->` is
/// matching, `TRUE`/`FALSE` is true/false, and anything else short answer.
fn moodle_gift_type(question: &str) -> &'static str {
    let text: String = question
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut plain = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(':' | '#' | '=' | '{' | '}' | '~' | 'n') => plain.push('\u{1}'),
                Some(other) => {
                    plain.push('\\');
                    plain.push(other);
                }
                None => plain.push('\\'),
            },
            c => plain.push(c),
        }
    }
    let (Some(start), Some(end)) = (plain.find('{'), plain.find('}')) else {
        return "description";
    };
    let mut answers = plain[start + 1..end].trim();
    if let Some(cut) = answers.rfind("####") {
        answers = answers[..cut].trim();
    }
    if answers.is_empty() {
        "essay"
    } else if answers.contains('~') {
        "multichoice"
    } else if answers.contains('=') && answers.contains("->") {
        "matching"
    } else if ["T", "TRUE", "F", "FALSE"].contains(&answers.split('#').next().unwrap_or("").trim())
    {
        "truefalse"
    } else {
        "shortanswer"
    }
}

#[test]
fn gift_questions_are_read_by_moodle_as_the_type_they_are_written_as() {
    let (course, generated) = fixture();
    let mut arrows = Vec::new();
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        let gift = gift::quiz(&course, deck, &output.quiz);
        for question in gift.split("\n\n").filter(|q| q.contains("::")) {
            // Each question starts with a comment naming its Moodle type.
            let written = question
                .lines()
                .find_map(|l| l.strip_prefix("// "))
                .expect("a type comment");
            assert_eq!(moodle_gift_type(question), written, "{question}");
            arrows.extend(
                question
                    .lines()
                    .filter(|l| l.starts_with('\t') && l.contains('>') && !l.contains("####"))
                    .map(str::to_owned),
            );
        }
    }
    // A cloze answer with an arrow, among others (here its other number, which an English
    // quiz accepts), is written with Moodle's wildcard between its `-` and `>` (alone, it is
    // written without `=`: see the unit test of `gift::typed_answers`).
    assert!(
        arrows.contains(&"\t=tilde \\~ answer -*> arrow".to_owned()),
        "{arrows:?}"
    );
    assert!(
        arrows.contains(&"\t=UNGA -*> First Committee".to_owned()),
        "{arrows:?}"
    );
    // The oracle does see the trap.
    assert_eq!(moodle_gift_type("::q::Pick {\n\t=A -> B\n}"), "matching");
    assert_eq!(moodle_gift_type("::q::Pick {\n\tA -> B\n}"), "shortanswer");
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a member");
        let name = file.name().expect("a member name").into_owned();
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Deflated,
            "{name} is not deflated"
        );
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read member");
        out.insert(name, data);
    }
    out
}

fn open_collection(bytes: &[u8]) -> Connection {
    let mut conn = Connection::open_in_memory().expect("sqlite");
    conn.deserialize_read_exact(MAIN_DB, bytes, bytes.len(), true)
        .expect("a SQLite database");
    // decksmith writes the file itself: SQLite must find nothing wrong with it.
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("an integrity check");
    assert_eq!(check, "ok");
    conn
}

fn notes(conn: &Connection) -> Vec<(String, String, i64, String)> {
    let mut stmt = conn
        .prepare("select guid, flds, mod, tags from notes order by id")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

/// Anki's schema 11, as `schema` lists it: its five tables and seven indexes.
const ANKI_SCHEMA_11: [&str; 12] = [
    "index ix_cards_nid on cards",
    "index ix_cards_sched on cards",
    "index ix_cards_usn on cards",
    "index ix_notes_csum on notes",
    "index ix_notes_usn on notes",
    "index ix_revlog_cid on revlog",
    "index ix_revlog_usn on revlog",
    "table cards on cards",
    "table col on col",
    "table graves on graves",
    "table notes on notes",
    "table revlog on revlog",
];

/// The tables and indexes of a collection.
fn schema(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("select type || ' ' || name || ' on ' || tbl_name from sqlite_schema order by 1")
        .expect("query");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

/// A deck of 900 entries, whose notes fill many pages and are made apart (by a second
/// connection, from 1,000 notes): every note and card is in the package, each note with its
/// fields, and every index holds every row (`integrity_check` compares each index with its
/// table), the same bytes every time.
#[test]
fn anki_package_of_a_large_deck_holds_every_note_and_card() {
    let files = decksmith_synth::course(900, 1).files;
    let file = |(path, text): &(String, String)| SourceFile::new(path.clone(), text.clone());
    let input = ContentInput {
        course: file(&files[0]),
        sources: file(&files[1]),
        decks: files[2..].iter().map(file).collect(),
    };
    let course = load(&input, &LoadOptions::default())
        .course
        .expect("the synthetic course loads");
    let (generated, _) = generate(&course, &GenerateOptions::default());
    let (deck, output) = (&course.decks[0], &generated.decks[0]);
    let history = Revisions::default();
    let (bytes, given) = apkg::package(&course, deck, output, &history).expect("package");
    let (again, _) = apkg::package(&course, deck, output, &history).expect("package");
    assert!(bytes == again, "the same deck gave different bytes");

    let members = unzip(&bytes);
    let conn = open_collection(&members["collection.anki2"]);
    assert_eq!(schema(&conn), ANKI_SCHEMA_11);
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("pages");
    assert!(pages > 100, "{pages} pages");
    let notes = notes(&conn);
    assert!(given.len() > 1_000, "{} notes", given.len());
    assert_eq!(notes.len(), given.len());
    let mut guids: Vec<&str> = given.iter().map(|(guid, _)| guid.as_str()).collect();
    guids.sort_unstable();
    let mut stored: Vec<&str> = notes.iter().map(|n| n.0.as_str()).collect();
    stored.sort_unstable();
    assert_eq!(stored, guids);
    // Each forward card is a note whose first field shows its front.
    for card in output
        .cards
        .iter()
        .filter(|c| !c.reverse && c.kind != "fact")
    {
        let note = notes
            .iter()
            .find(|n| n.0 == card.guid)
            .expect("the card's note");
        assert!(
            note.1
                .starts_with(&decksmith_export::side_html(&card.front)),
            "{}",
            card.id
        );
    }
    // Every card of the deck is a card of a note; a card's due is its place in the deck.
    let cards: i64 = conn
        .query_row(
            "select count(*) from cards where nid in (select id from notes)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    let reverse = output.cards.iter().filter(|c| c.reverse).count();
    assert!(cards as usize >= given.len() + reverse, "{cards} cards");
    let dues: Vec<i64> = conn
        .prepare("select due from cards order by due")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(dues, (1..=cards).collect::<Vec<_>>());
}

#[test]
fn anki_package_is_deterministic_and_keeps_identity_across_revisions() {
    let (course, generated) = fixture();
    let deck = &course.decks[0];
    let output = &generated.decks[0];
    let fresh = Revisions {
        floor: Revision(1_700_000_000),
        ..Revisions::default()
    };
    let (first, given) = apkg::package(&course, deck, output, &fresh).expect("package");
    let (again, _) = apkg::package(&course, deck, output, &fresh).expect("package");
    assert_eq!(first, again, "the same input gave different bytes");
    assert!(
        given.iter().all(|(_, r)| r.time == Revision(1_700_000_000)),
        "new notes get the floor"
    );

    // The next build, with this build's history: unchanged notes keep their time, even under
    // a later floor, so the bytes do not change.
    let mut history = Revisions {
        floor: Revision(1_700_086_400),
        notes: given.iter().cloned().collect(),
    };
    let (same, _) = apkg::package(&course, deck, output, &history).expect("package");
    assert_eq!(first, same, "an unchanged deck changed with the history");
    // A note that held something else last time (an edit, or an edit undone) gets a later
    // time than it had; the others keep theirs.
    let edited = given[0].0.clone();
    history.notes.get_mut(&edited).expect("note").hash ^= 1;
    history.floor = Revision(1_600_000_000);
    let (later, regiven) = apkg::package(&course, deck, output, &history).expect("package");
    assert_ne!(first, later);
    for (guid, revision) in &regiven {
        let expected = if *guid == edited {
            1_700_000_001
        } else {
            1_700_000_000
        };
        assert_eq!(revision.time, Revision(expected), "{guid}");
    }
    // The history file reads back what it wrote.
    let text = history.to_text();
    assert_eq!(Revisions::parse(&text, history.floor), history);
    assert!(text.starts_with("# decksmith: Anki note revisions"));

    check_collection(&first, &later, &edited);
}

/// The package's collection: its members, one note per card that asks one thing, Anki's tags,
/// the deck nested under the course, and GUIDs and fields that a revision does not change.
fn check_collection(first: &[u8], later: &[u8], edited: &str) {
    let members = unzip(first);
    assert_eq!(
        members.keys().collect::<Vec<_>>(),
        ["collection.anki2", "media"]
    );
    assert_eq!(members["media"], b"{}");
    let conn = open_collection(&members["collection.anki2"]);
    assert_eq!(schema(&conn), ANKI_SCHEMA_11);
    let before = notes(&conn);
    // One note per card that asks one thing (a fact's blanks are the cards of one cloze
    // note); every note carries its revision as its time.
    assert_eq!(
        before.len(),
        9,
        "term 3 (what it stands for, meaning, Russian), person, organization 2, fact, event, quote"
    );
    assert!(before.iter().all(|n| n.2 == 1_700_000_000));
    let cards: i64 = conn
        .query_row("select count(*) from cards", [], |r| r.get(0))
        .expect("count");
    assert_eq!(
        cards, 13,
        "term, person, organization first cards reversed (6), term meaning and Russian, organization description (3), fact 2 blanks, event, quote"
    );
    // Tags are Anki's: space-separated, with a space at each end.
    assert!(
        before
            .iter()
            .any(|n| n.3 == " fixture research-and-development ")
    );

    let later_members = unzip(later);
    let after = notes(&open_collection(&later_members["collection.anki2"]));
    let guids =
        |ns: &[(String, String, i64, String)]| ns.iter().map(|n| n.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        guids(&before),
        guids(&after),
        "GUIDs changed with the revision"
    );
    let edited_time = after.iter().find(|n| n.0 == edited).map(|n| n.2);
    assert_eq!(
        edited_time,
        Some(1_700_000_001),
        "the note's time in the package"
    );
    assert_eq!(
        before.iter().map(|n| &n.1).collect::<Vec<_>>(),
        after.iter().map(|n| &n.1).collect::<Vec<_>>(),
        "the fields changed with the revision alone"
    );

    // The deck is nested under the course, and the cloze note has its deletions.
    let decks: String = conn
        .query_row("select decks from col", [], |r| r.get(0))
        .expect("decks");
    assert!(
        decks.contains("Export Fixture & <Friends>::Escapes: \\\"quotes\\\", tabs and {braces}")
    );
    assert!(
        before
            .iter()
            .any(|n| n.1.contains("{{c1::2021}}") && n.1.contains("{{c2::First Committee}}"))
    );
}

#[test]
fn source_date_epoch_is_read_strictly() {
    assert_eq!(
        Revision::from_source_date_epoch(None),
        Ok(Revision::DEFAULT)
    );
    assert_eq!(
        Revision::from_source_date_epoch(Some("1700000000")),
        Ok(Revision(1_700_000_000))
    );
    assert!(Revision::from_source_date_epoch(Some("yesterday")).is_err());
    assert!(Revision::from_source_date_epoch(Some("-5")).is_err());
}

#[test]
fn qti_package_is_deterministic_with_stable_identifiers_and_escaped_text() {
    let (course, generated) = fixture();
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        let first = qti::package(&course, deck, &output.quiz).expect("package");
        let again = qti::package(&course, deck, &output.quiz).expect("package");
        assert_eq!(first, again, "the same input gave different bytes");
        let members = unzip(&first);
        let id = qti::assessment_ident(&output.quiz);
        assert_eq!(
            members.keys().cloned().collect::<Vec<_>>(),
            [
                format!("{id}/assessment_meta.xml"),
                format!("{id}/{id}.xml"),
                "imsmanifest.xml".to_owned()
            ]
        );
        let manifest = String::from_utf8(members["imsmanifest.xml"].clone()).expect("utf-8");
        assert!(manifest.contains(&format!("<file href=\"{id}/{id}.xml\"/>")));
        let assessment =
            String::from_utf8(members[&format!("{id}/{id}.xml")].clone()).expect("utf-8");
        assert!(
            !assessment.contains("<script"),
            "a raw <script> got through"
        );
        assert!(!assessment.contains("]]>"), "a raw ]]> got through");
        assert!(!assessment.contains("R&D"), "a raw & got through");
        // One item per question, each with its own identifier.
        let idents: Vec<&str> = assessment
            .match_indices("<item ident=\"")
            .map(|(at, m)| &assessment[at + m.len()..at + m.len() + 17])
            .collect();
        assert_eq!(idents.len(), output.quiz.questions.len());
        let mut unique = idents.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), idents.len(), "{idents:?}");
        check_form_package(&course, deck, output, &first, &unique);
    }
    // The escapes the fixture's texts need, as a QTI reader will see them: HTML escaped once
    // for the page, then once more for the XML.
    let deck = &course.decks[0];
    let assessment = qti::assessment(&course, deck, &generated.decks[0].quiz);
    assert!(
        assessment.contains(r#"The &amp;lt;treaty&amp;gt; &amp;amp; "protocol" are signed."#),
        "{assessment}"
    );
}

/// A variant form is a package of its own: the same questions in the form's order, each with
/// the same item identifier as in the main quiz (`unique`, sorted), in another assessment.
fn check_form_package(
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
    first: &[u8],
    unique: &[&str],
) {
    let id = qti::assessment_ident(&output.quiz);
    let form = &output.variants[0];
    let files = qti::deck_files(course, deck, output).expect("packages");
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        names,
        [
            format!("{}/quiz.qti.zip", deck.id),
            format!("{}/quiz-A.qti.zip", deck.id)
        ]
    );
    assert_eq!(
        files[0].bytes, first,
        "quiz.qti.zip is the main quiz's package"
    );
    let form_id = qti::assessment_ident(form);
    assert_ne!(
        form_id, id,
        "the form's assessment has the main quiz's identifier"
    );
    let form_members = unzip(&files[1].bytes);
    let form_manifest = String::from_utf8(form_members["imsmanifest.xml"].clone()).expect("utf-8");
    assert!(form_manifest.contains(&format!("<file href=\"{form_id}/{form_id}.xml\"/>")));
    assert!(
        form_manifest.contains(&format!(
            "<imsmd:string>Export Fixture &amp; &lt;Friends&gt;: {} (Form A)</imsmd:string>",
            deck.title
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        )),
        "{form_manifest}"
    );
    let form_assessment =
        String::from_utf8(form_members[&format!("{form_id}/{form_id}.xml")].clone())
            .expect("utf-8");
    let form_idents: Vec<&str> = form_assessment
        .match_indices("<item ident=\"")
        .map(|(at, m)| &form_assessment[at + m.len()..at + m.len() + 17])
        .collect();
    let expected: Vec<String> = form
        .questions
        .iter()
        .map(|q| qti::item_ident(form, q))
        .collect();
    assert_eq!(
        form_idents, expected,
        "the form's items are not in its order"
    );
    let mut sorted_form = form_idents.clone();
    sorted_form.sort_unstable();
    assert_eq!(
        sorted_form, unique,
        "the form does not hold the main quiz's items"
    );
}
