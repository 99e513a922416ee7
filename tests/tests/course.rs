//! The bundled course in `content/`: complete, sourced, and building into good quizzes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use decksmith::check::check;
use decksmith::content::ContentDir;
use decksmith_model::{EntryKind, load};
use decksmith_quiz::{GenerateOptions, generate};
use decksmith_tests::repo;

fn course() -> decksmith_model::Course {
    let dir = ContentDir::new(repo().join("content"));
    let input = decksmith::content::read_content(&dir).unwrap();
    let loaded = load(&input, &decksmith::build::load_options());
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.diagnostics.render()
    );
    loaded.course.unwrap()
}

#[test]
fn checks_with_no_errors_and_no_warnings() {
    let report = check(&ContentDir::new(repo().join("content")));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        report.diagnostics.render()
    );
}

#[test]
fn is_large_enough_and_uses_every_kind_of_entry() {
    let course = course();
    let entries: Vec<_> = course.entries().collect();
    assert!(entries.len() >= 150, "{} entries", entries.len());
    assert!(course.decks.len() >= 6, "{} decks", course.decks.len());
    let kinds: BTreeSet<&str> = entries.iter().map(|(_, e)| e.kind_name()).collect();
    assert_eq!(
        kinds,
        [
            "event",
            "fact",
            "organization",
            "person",
            "question",
            "quote",
            "term"
        ]
        .into()
    );
}

#[test]
fn every_entry_cites_a_source_with_a_locator_and_every_source_is_cited() {
    let course = course();
    let mut cited = BTreeSet::new();
    for (_, entry) in course.entries() {
        assert!(!entry.citations.is_empty(), "{} cites nothing", entry.id);
        for citation in &entry.citations {
            assert!(
                citation.locator.is_some(),
                "{} cites {} without a locator",
                entry.id,
                citation.source
            );
            cited.insert(citation.source.clone());
        }
    }
    let sources: BTreeSet<String> = course.sources.iter().map(|s| s.id.clone()).collect();
    assert_eq!(cited, sources);
    assert_eq!(sources.len(), 5, "one source per seed document");
}

#[test]
fn carries_russian_equivalents_in_cyrillic() {
    let course = course();
    let cyrillic = |text: &str| text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let translated = course
        .entries()
        .filter(|(_, e)| {
            let translations = match &e.kind {
                EntryKind::Term(t) => &t.translations,
                EntryKind::Person(p) => &p.translations,
                EntryKind::Organization(o) => &o.translations,
                _ => return false,
            };
            translations
                .iter()
                .any(|t| t.lang == "ru" && cyrillic(&t.text))
        })
        .count();
    assert!(
        translated >= 30,
        "{translated} entries with a Russian equivalent"
    );
}

#[test]
fn every_deck_yields_a_full_quiz_of_several_kinds() {
    let course = course();
    let (generated, warnings) = generate(
        &course,
        &GenerateOptions {
            seed: None,
            variants: 1,
        },
    );
    assert!(warnings.is_empty(), "{warnings:#?}");
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for q in &output.quiz.questions {
            *kinds.entry(q.kind().name()).or_default() += 1;
        }
        assert_eq!(
            output.quiz.questions.len(),
            deck.quiz.questions as usize,
            "{}",
            deck.id
        );
        assert!(kinds.len() >= 3, "{}: {kinds:?}", deck.id);
        assert!(output.cards.len() >= deck.entries.len(), "{}", deck.id);
    }
}
