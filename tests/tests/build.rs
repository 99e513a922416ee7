//! End to end: a fixture course through the whole pipeline into an output folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

use decksmith::Format;
use decksmith::build::{BuildError, build};
use decksmith_tests::{build_ok, copy_tree, fixture, options, read_tree, repo};

/// Every file a deck gets with all formats.
const DECK_FILES: &[&str] = &[
    "answer-key.pdf",
    "cards.tsv",
    "deck.apkg",
    "flashcards.html",
    "flashcards.pdf",
    "quiz.gift",
    "quiz.html",
    "quiz.json",
    "quiz.moodle.xml",
    "quiz.qti.zip",
    "worksheet.pdf",
];

#[test]
fn builds_every_file_of_every_deck_with_real_content() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    let report = build_ok(&options(&fixture("course"), &out));
    let tree = read_tree(&out);
    let mut expected: Vec<String> = vec![
        ".decksmith-manifest".into(),
        "index.html".into(),
        "teacher.html".into(),
    ];
    for deck in ["un-basics", "people-and-dates"] {
        expected.extend(DECK_FILES.iter().map(|f| format!("{deck}/{f}")));
    }
    expected.sort();
    let mut actual: Vec<String> = tree
        .keys()
        .filter(|k| !k.starts_with(".decksmith-revisions"))
        .cloned()
        .collect();
    actual.sort();
    assert_eq!(actual, expected);
    assert_eq!(report.decks.len(), 2);

    let text = |path: &str| String::from_utf8(tree[path].clone()).unwrap();
    // The quiz holds the questions the report counted, about this deck's entries.
    let quiz: serde_json::Value = serde_json::from_str(&text("un-basics/quiz.json")).unwrap();
    let questions = quiz["questions"].as_array().unwrap();
    assert_eq!(questions.len(), report.decks[0].questions);
    assert_eq!(questions.len(), 7);
    assert_eq!(quiz["deck"], "un-basics");
    // The study pages carry every card, escaped.
    let flashcards = text("un-basics/flashcards.html");
    for front in [
        "OEWG",
        "GGE",
        "National Association for International Information Security",
    ] {
        assert!(flashcards.contains(front), "{front}");
    }
    // The teacher's `<script>alert(1)</script>` is shown as text (askama writes `<` as
    // `&#60;`), never as a tag.
    assert!(flashcards.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!flashcards.contains("<script>alert(1)"));
    assert!(flashcards.contains("РГОС"));
    // The index links the study material of every deck and no answers; the teacher page
    // links every file, and the index does not link the teacher page.
    let index = text("index.html");
    let teacher = text("teacher.html");
    for deck in ["un-basics", "people-and-dates"] {
        for file in DECK_FILES {
            let link = format!("href=\"{deck}/{file}\"");
            assert!(teacher.contains(&link), "teacher.html: {deck}/{file}");
            let answers = TEACHER_FILES.contains(file);
            assert_eq!(index.contains(&link), !answers, "index.html: {deck}/{file}");
        }
    }
    assert!(!index.contains("teacher.html"));
    assert!(teacher.contains("href=\"index.html\""));
    // Every PDF is a PDF, every package a zip.
    for (path, bytes) in &tree {
        if path.ends_with(".pdf") {
            assert!(bytes.starts_with(b"%PDF-"), "{path}");
        }
        if path.ends_with(".apkg") {
            assert!(bytes.starts_with(b"PK"), "{path}");
        }
    }
}

/// The files of a deck that hold the answers: only the teacher page links them.
const TEACHER_FILES: &[&str] = &[
    "answer-key.pdf",
    "quiz.gift",
    "quiz.json",
    "quiz.moodle.xml",
    "quiz.qti.zip",
];

/// A file's text as a reader finds it, lower case letters and digits only (so that line
/// breaks, HTML escapes and PDF layout do not hide a match): a PDF's text through lopdf, an
/// Anki package's collection unzipped (SQLite keeps short text as it is), any other file as
/// it is.
fn readable_text(path: &str, bytes: &[u8]) -> String {
    let text = if path.ends_with(".pdf") {
        let doc = lopdf::Document::load_mem(bytes).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).unwrap();
        assert!(!text.trim().is_empty(), "{path}: no text read back");
        text
    } else if path.ends_with(".apkg") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut content).unwrap();
            text.push_str(&String::from_utf8_lossy(&content));
        }
        text
    } else {
        String::from_utf8_lossy(bytes)
            .replace("&#39;", "'")
            .replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    squash(&text)
}

fn squash(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `--student`: an output with no answers in it at all. The fixture course is built twice,
/// in full and for students (with a variant form): the student output has only the files
/// that hold no answers, no teacher page, and no file of it holds the answer a key gives to
/// any question (its explanation, where the study material does not say the same), nor the
/// quiz data's answers.
#[test]
fn a_student_build_holds_no_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let (full, student) = (tmp.path().join("full"), tmp.path().join("student"));
    let mut opts = options(&fixture("course"), &full);
    opts.variants = 1;
    build_ok(&opts);
    opts.out = student.clone();
    opts.student = true;
    let report = build_ok(&opts);
    assert!(report.teacher.is_none());

    let tree = read_tree(&student);
    let mut expected: Vec<String> = vec![
        ".decksmith-manifest".into(),
        ".decksmith-revisions".into(),
        "index.html".into(),
    ];
    for deck in ["un-basics", "people-and-dates"] {
        for file in [
            "cards.tsv",
            "deck.apkg",
            "flashcards.html",
            "flashcards.pdf",
            "worksheet-A.pdf",
            "worksheet.pdf",
        ] {
            expected.push(format!("{deck}/{file}"));
        }
    }
    expected.sort();
    assert_eq!(tree.keys().cloned().collect::<Vec<_>>(), expected);

    // The study material is the same as the full build's.
    let full_tree = read_tree(&full);
    for path in tree.keys().filter(|p| p.contains('/')) {
        assert!(
            tree[path] == full_tree[path],
            "{path} differs from the full build's"
        );
    }

    // Every answer the keys give: each question's explanation, unless the study material
    // itself says it (a hand-written question's card shows its answer: that is studying).
    let texts: Vec<(&String, String)> = tree
        .iter()
        .map(|(path, bytes)| (path, readable_text(path, bytes)))
        .collect();
    let study: String = texts
        .iter()
        .filter(|(path, _)| path.contains("flashcards") || path.ends_with(".tsv"))
        .map(|(_, text)| text.as_str())
        .collect();
    let mut checked = 0;
    for (path, bytes) in &full_tree {
        if !(path.ends_with(".json")) {
            continue;
        }
        let quiz: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        for question in quiz["questions"].as_array().unwrap() {
            let explanation = squash(question["explanation"].as_str().unwrap());
            if explanation.len() < 20 || study.contains(&explanation) {
                continue;
            }
            checked += 1;
            for (file, text) in &texts {
                assert!(
                    !text.contains(&explanation),
                    "{file} holds the answer to {} of {path}",
                    question["id"]
                );
            }
        }
    }
    assert!(checked >= 10, "only {checked} answers checked");
    // And the answers a quiz page's script carries.
    for (path, bytes) in &tree {
        let text = String::from_utf8_lossy(bytes);
        for key in ["\"answer\":", "\"answers\":", "\"explanation\":"] {
            assert!(!text.contains(key), "{path} holds {key}");
        }
    }
}

/// A student build of one deck over a full build's output keeps the other decks' study
/// material, never their answers.
#[test]
fn a_student_build_of_one_deck_drops_the_others_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    build_ok(&options(&fixture("course"), &out));
    let mut opts = options(&fixture("course"), &out);
    opts.decks = vec!["people-and-dates".into()];
    opts.student = true;
    build_ok(&opts);
    let tree = read_tree(&out);
    assert!(!tree.contains_key("teacher.html"));
    for deck in ["un-basics", "people-and-dates"] {
        for file in TEACHER_FILES.iter().chain(&["quiz.html"]) {
            assert!(
                !tree.contains_key(&format!("{deck}/{file}")),
                "{deck}/{file}"
            );
        }
        assert!(tree.contains_key(&format!("{deck}/worksheet.pdf")));
    }
    let index = String::from_utf8(tree["index.html"].clone()).unwrap();
    assert!(index.contains("href=\"un-basics/flashcards.pdf\""));
    assert!(!index.contains("quiz.html"));
}

#[test]
fn the_same_content_and_seed_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut opts = options(&fixture("course"), &a);
    opts.variants = 2;
    build_ok(&opts);
    opts.out = b.clone();
    build_ok(&opts);
    let (first, second) = (read_tree(&a), read_tree(&b));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
    // Building again over the same folder changes nothing either.
    opts.out = a.clone();
    build_ok(&opts);
    assert_eq!(read_tree(&a), first);
    // And no absolute path of this machine leaks into any file.
    let here = tmp.path().to_string_lossy().into_owned();
    let root = repo()
        .canonicalize()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    for (path, bytes) in &first {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(&here) && !text.contains(&root),
            "{path} holds an absolute path"
        );
    }
}

#[test]
fn another_seed_gives_other_quizzes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_ok(&options(&fixture("course"), &a));
    let mut opts = options(&fixture("course"), &b);
    opts.seed = Some(12);
    build_ok(&opts);
    let quiz = |dir: &std::path::Path| fs::read_to_string(dir.join("un-basics/quiz.json")).unwrap();
    assert_ne!(quiz(&a), quiz(&b));
}

#[test]
fn a_broken_deck_leaves_the_previous_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("course");
    copy_tree(&fixture("course"), &content);
    let out = tmp.path().join("decks");
    build_ok(&options(&content, &out));
    fs::write(out.join("my-notes.txt"), "the teacher's own file").unwrap();
    let before = read_tree(&out);

    // A syntax error in one deck, a dangling citation in the other.
    let deck = content.join("decks/un-basics.yaml");
    let text = fs::read_to_string(&deck).unwrap();
    fs::write(&deck, text.replace("tags: [un]", "tags: [un")).unwrap();
    let other = content.join("decks/people-and-dates.yaml");
    let text = fs::read_to_string(&other).unwrap();
    fs::write(&other, text.replacen("source: news", "source: newz", 1)).unwrap();
    match build(&options(&content, &out)) {
        Err(BuildError::Content(diagnostics)) => {
            let shown = diagnostics.render();
            assert_eq!(diagnostics.error_count(), 2, "{shown}");
            assert!(shown.contains("decks/un-basics.yaml:"), "{shown}");
            assert!(shown.contains("decks/people-and-dates.yaml:"), "{shown}");
            assert!(
                shown.contains("unknown source `newz`") && shown.contains("did you mean `news`?"),
                "{shown}"
            );
        }
        other => panic!("expected content errors, got {other:?}"),
    }
    assert_eq!(read_tree(&out), before, "the previous output changed");
    // Nothing was left beside the output folder either, but the lock file.
    let beside: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut beside = beside;
    beside.sort();
    assert_eq!(beside, [".decks.decksmith-lock", "course", "decks"]);
}

#[test]
fn building_one_deck_keeps_the_others_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    build_ok(&options(&fixture("course"), &out));
    let before = read_tree(&out);
    let mut opts = options(&fixture("course"), &out);
    opts.decks = vec!["people-and-dates".into()];
    opts.seed = Some(99);
    build_ok(&opts);
    let after = read_tree(&out);
    assert_eq!(after["un-basics/quiz.json"], before["un-basics/quiz.json"]);
    assert_ne!(
        after["people-and-dates/quiz.json"],
        before["people-and-dates/quiz.json"]
    );
    assert_eq!(
        after.keys().filter(|k| k.starts_with("un-basics/")).count(),
        DECK_FILES.len()
    );
}

#[test]
fn formats_and_variants_choose_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    let mut opts = options(&fixture("course"), &out);
    opts.formats = vec![Format::Json];
    opts.variants = 2;
    build_ok(&opts);
    let files: Vec<String> = read_tree(&out)
        .into_keys()
        .filter(|k| k.starts_with("un-basics/"))
        .collect();
    assert_eq!(
        files,
        [
            "un-basics/quiz-A.json",
            "un-basics/quiz-B.json",
            "un-basics/quiz.json"
        ]
    );
}

/// `quiz.json` of the fixture course, compared with `tests/golden/quiz/`: generation must not
/// change by accident (a printed exam must come out the same next year). `UPDATE_EXPECT=1`
/// rewrites the golden files after an intended change; read the diff before committing.
#[test]
fn quiz_json_matches_the_golden_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    let mut opts = options(&fixture("course"), &out);
    opts.formats = vec![Format::Json];
    opts.variants = 1;
    build_ok(&opts);
    let golden = repo().join("tests/golden/quiz");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut stale = Vec::new();
    for (path, bytes) in read_tree(&out) {
        let Some(name) = path.strip_suffix(".json") else {
            continue;
        };
        let target = golden.join(format!("{}.json", name.replace('/', "--")));
        if fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
            if update {
                fs::create_dir_all(&golden).unwrap();
                fs::write(&target, &bytes).unwrap();
            } else {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "quiz.json changed for {stale:?}; if intended, run UPDATE_EXPECT=1 cargo test -p decksmith-tests and review the diff"
    );
}
