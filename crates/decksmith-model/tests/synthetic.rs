//! The synthetic courses of `decksmith-synth` load without a diagnostic and never change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decksmith_model::{ContentInput, LoadOptions, SourceFile, load};
use decksmith_synth::{SynthCourse, course};

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

#[test]
fn synthetic_courses_load_cleanly_and_are_deterministic() {
    for (entries, decks) in [(10, 1), (300, 3), (1000, 7)] {
        let synthetic = course(entries, decks);
        assert_eq!(synthetic.files.len(), decks + 2);
        let loaded = load(&input(&synthetic), &LoadOptions::default());
        let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let loaded = loaded.course.unwrap();
        assert_eq!(loaded.entries().count(), entries);
        let kinds: std::collections::BTreeSet<&str> =
            loaded.entries().map(|(_, e)| e.kind_name()).collect();
        if entries >= 300 {
            assert_eq!(kinds.len(), 7, "{kinds:?}");
        }
        assert_eq!(synthetic.files, course(entries, decks).files);
    }
}
