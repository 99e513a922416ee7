//! `decksmith init` and `decksmith schemas` as a new teacher runs them: a course that checks
//! clean with warnings denied and builds, in English and in Russian; a folder with something
//! in it refused and left as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn decksmith(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `init`, then `check --deny-warnings`, then `build --deny-warnings`; returns the output
/// folder.
fn init_check_build(tmp: &Path, language: &str) -> std::path::PathBuf {
    let course = tmp.join("my course");
    let out = decksmith(&["init", path(&course), "--language", language]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for file in [
        "course.yaml",
        "sources.yaml",
        "decks/double-helix.yaml",
        "schemas/course.schema.json",
        "schemas/deck.schema.json",
        "schemas/sources.schema.json",
    ] {
        assert!(course.join(file).is_file(), "{file} missing; {stdout}");
        assert!(stdout.contains(&format!("  {file}\n")), "{stdout}");
    }
    // The next steps are printed so that they can be pasted, space and all.
    assert!(
        stdout.contains(&format!("decksmith check --content '{}'", course.display())),
        "{stdout}"
    );

    // The example deck is the teacher's first sight of `check`: nothing to fix, no warning and
    // no generation report, only the count.
    let check = decksmith(&["check", "--content", path(&course), "--deny-warnings"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert_eq!(
        text(&check.stderr),
        "",
        "check warned about the example deck"
    );
    assert_eq!(
        text(&check.stdout),
        format!(
            "{}: 1 deck, 20 entries; 0 errors, 0 warnings\n",
            course.display()
        ),
        "check printed more than the count"
    );
    // Whatever the seed: the teacher is told to change it for new questions.
    let yaml = fs::read_to_string(course.join("course.yaml")).unwrap();
    assert!(yaml.contains("\nseed: 1\n"), "{yaml}");
    for seed in 2..=6 {
        fs::write(
            course.join("course.yaml"),
            yaml.replace("\nseed: 1\n", &format!("\nseed: {seed}\n")),
        )
        .unwrap();
        let check = decksmith(&["check", "--content", path(&course), "--deny-warnings"]);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
        assert_eq!(
            text(&check.stdout).lines().count(),
            1,
            "seed {seed}: {}",
            text(&check.stdout)
        );
    }
    fs::write(course.join("course.yaml"), &yaml).unwrap();

    let decks = tmp.join("decks");
    let build = decksmith(&[
        "build",
        "--content",
        path(&course),
        "--out",
        path(&decks),
        "--deny-warnings",
    ]);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    decks
}

#[test]
fn an_english_course_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let decks = init_check_build(tmp.path(), "en");
    let quiz: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(decks.join("double-helix/quiz.json")).unwrap())
            .unwrap();
    let questions = quiz["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 8);
    // Every kind the deck asks for is in its quiz.
    for kind in [
        "multiple-choice",
        "cloze",
        "true-false",
        "matching",
        "timeline",
        "who",
    ] {
        assert!(
            questions.iter().any(|q| q["kind"] == kind),
            "no {kind} question in {quiz}"
        );
    }
    // The deck's `source:` is every entry's that names none; explanations name the
    // published source as evidence, never the teacher's own notes.
    let explanations: Vec<&str> = questions
        .iter()
        .filter_map(|q| q["explanation"].as_str())
        .collect();
    assert!(
        explanations.iter().all(|e| !e.contains("Lecture notes")),
        "{explanations:?}"
    );
    assert!(
        questions
            .iter()
            .all(|q| !q["sources"].as_array().unwrap().is_empty()),
        "a question without a source: {quiz}"
    );
    let index = fs::read_to_string(decks.join("index.html")).unwrap();
    assert!(index.contains("The structure of DNA"));
    assert!(index.contains("lang=\"en\""));
}

#[test]
fn a_russian_course_checks_clean_and_builds_in_russian() {
    let tmp = tempfile::tempdir().unwrap();
    let decks = init_check_build(tmp.path(), "ru");
    let index = fs::read_to_string(decks.join("index.html")).unwrap();
    assert!(index.contains("Строение ДНК"), "{index}");
    assert!(index.contains("lang=\"ru\""));
    let cards = fs::read_to_string(decks.join("double-helix/cards.tsv")).unwrap();
    assert!(cards.contains("Розалинд Франклин"), "{cards}");
}

#[test]
fn a_folder_with_anything_in_it_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    fs::create_dir(&course).unwrap();
    fs::write(course.join(".notes"), "mine").unwrap();
    let out = decksmith(&["init", path(&course)]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "error: the folder `{}` is not empty (it holds `.notes`)",
            course.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("= help: give the name of a new folder"),
        "{err}"
    );
    let left: Vec<_> = fs::read_dir(&course).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert_eq!(fs::read_to_string(course.join(".notes")).unwrap(), "mine");

    // An empty folder is fine.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let out = decksmith(&["init", path(&empty)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn schemas_are_the_published_ones_and_are_rewritten() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path();
    let published = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/schemas");
    let out = decksmith(&["schemas", path(course)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for name in [
        "course.schema.json",
        "deck.schema.json",
        "sources.schema.json",
    ] {
        assert_eq!(
            fs::read_to_string(course.join("schemas").join(name)).unwrap(),
            fs::read_to_string(published.join(name)).unwrap(),
            "{name}"
        );
    }
    // An old schema is replaced; the others are said to be unchanged.
    fs::write(course.join("schemas/deck.schema.json"), "{}").unwrap();
    let out = decksmith(&["schemas", path(course)]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("wrote ") && stdout.contains("/schemas/deck.schema.json\n"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("unchanged ").count(), 2, "{stdout}");

    let out = decksmith(&["schemas", path(&course.join("nowhere"))]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("does not exist"),
        "{}",
        text(&out.stderr)
    );
}
