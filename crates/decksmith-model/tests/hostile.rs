//! Hostile sizes (issue 14): each input is small enough for the file limit, yet absurd.
//!
//! Loading each must report the mistake at its place and keep what it prints, and so what it
//! holds, proportional to what is shown, never to the input: at most 100 diagnostics per file,
//! each with a window of the line, not the line. Speed is measured by the benchmark
//! (`cargo bench -p decksmith-model --bench hostile`); here only the output's size and what it
//! says are checked.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decksmith_model::limits::{MAX_ENTRIES_PER_DECK, MAX_SHOWN_PER_FILE};
use decksmith_model::{ContentInput, LoadOptions, Loaded, SourceFile, load};
use decksmith_synth::{HostileCase, SynthCourse, hostile};

/// The course's files as the driver would hand them to `load`.
fn input(course: &SynthCourse) -> ContentInput {
    let file = |path: &str| SourceFile::new(path, course.file(path).unwrap_or_default());
    ContentInput {
        course: file("course.yaml"),
        sources: file("sources.yaml"),
        decks: course
            .decks()
            .map(|(path, text)| SourceFile::new(path, text))
            .collect(),
    }
}

fn case(name: &str) -> HostileCase {
    hostile()
        .into_iter()
        .find(|c| c.name == name)
        .expect("a hostile case of that name")
}

/// Loads a case; checks what holds for all of them; gives the load and its rendered report.
fn check(name: &str) -> (Loaded, String) {
    let loaded = load(&input(&case(name).course), &LoadOptions::default());
    assert!(loaded.course.is_none(), "{name}: a course came back");
    let rendered = loaded.diagnostics.render();
    // 100 diagnostics of a few hundred bytes each, at most.
    assert!(
        rendered.len() < 64 * 1024,
        "{name}: {} bytes of report",
        rendered.len()
    );
    assert!(loaded.diagnostics.len() <= 2 * MAX_SHOWN_PER_FILE, "{name}");
    for diagnostic in loaded.diagnostics.iter() {
        assert!(diagnostic.help.is_some(), "{name}: {diagnostic}");
        let window = diagnostic.snippet.as_ref().map_or(0, |s| s.line_text.len());
        assert!(window <= 400, "{name}: a snippet of {window} bytes");
    }
    (loaded, rendered)
}

fn headlines(loaded: &Loaded) -> Vec<String> {
    loaded
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.headline())
        .collect()
}

#[test]
fn twenty_thousand_entries_on_one_line_show_a_hundred_errors_and_count_the_rest() {
    let (loaded, rendered) = check("entries-20k");
    let shown = headlines(&loaded);
    assert_eq!(shown.len(), MAX_SHOWN_PER_FILE);
    assert_eq!(
        shown[0],
        "decks/deck.yaml:2:11: error: an entry should be a mapping of keys such as `term: ...`, not the text \"x\""
    );
    assert_eq!(loaded.diagnostics.error_count(), 20_000);
    assert!(rendered.contains(
        "decks/deck.yaml: … and 19,900 more errors in this file, not shown (at most 100 are shown per file: fix these and check again)"
    ));
    // The snippet is a window around the column, with the underline under the column.
    assert!(
        rendered.contains("2 | entries: [x, x, x,"),
        "{rendered:.400}"
    );
}

#[test]
fn two_hundred_thousand_entries_stop_at_the_limit() {
    let (loaded, rendered) = check("entries-200k");
    let col = "entries: [".len() + 3 * MAX_ENTRIES_PER_DECK + 1;
    let limit = format!(
        "decks/deck.yaml:2:{col}: error: `entries:` lists 200,000 items; at most 50,000 are read"
    );
    assert!(headlines(&loaded).contains(&limit), "{rendered:.2000}");
    // The first 50,000 are read (each a mistake); the rest are not.
    assert_eq!(loaded.diagnostics.error_count(), MAX_ENTRIES_PER_DECK + 1);
}

#[test]
fn twenty_thousand_see_ids_are_one_error() {
    let (loaded, _) = check("see-20k");
    let shown = headlines(&loaded);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].ends_with("error: `see:` lists 20,000 items; at most 1,000 are read"),
        "{}",
        shown[0]
    );
}

#[test]
fn thousands_of_blanks_are_one_error_at_the_first_too_many() {
    for name in ["blanks-10k", "blanks-20k"] {
        let (loaded, _) = check(name);
        let shown = headlines(&loaded);
        // `  - fact: "` is 11 characters; each `{a} ` is 4.
        assert_eq!(
            shown,
            [format!(
                "decks/deck.yaml:3:{}: error: a fact can have at most 100 parts in braces",
                11 + 4 * 100 + 1
            )],
            "{name}"
        );
    }
}

#[test]
fn thousands_of_answers_are_one_error_at_the_first_too_many() {
    for name in ["answers-20k", "answers-50k"] {
        let (loaded, _) = check(name);
        let shown = headlines(&loaded);
        assert_eq!(shown.len(), 1, "{name}: {shown:#?}");
        assert!(
            shown[0].ends_with("error: a part in braces can have at most 100 answers"),
            "{}",
            shown[0]
        );
    }
}

#[test]
fn deep_brackets_are_one_error_at_the_first_level_too_deep() {
    let (loaded, _) = check("brackets-200k");
    assert_eq!(
        headlines(&loaded),
        [
            "decks/deck.yaml:2:74: error: invalid YAML: lists and mappings nested more than 64 levels deep"
        ]
    );
    let (loaded, _) = check("brackets-200k-lines");
    assert_eq!(
        headlines(&loaded),
        [
            "decks/deck.yaml:66:1: error: invalid YAML: lists and mappings nested more than 64 levels deep"
        ]
    );
}

#[test]
fn a_megabyte_id_is_quoted_short_in_every_help() {
    let (loaded, rendered) = check("long-source-id");
    let unknown = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("unknown source"))
        .count();
    assert_eq!(unknown, 100);
    for diagnostic in loaded.diagnostics.iter() {
        assert!(
            diagnostic.help.as_ref().unwrap().len() < 200,
            "{diagnostic}"
        );
    }
    assert!(
        rendered.contains("help: the sources are: aaaaaaaa"),
        "{rendered:.1000}"
    );
}
