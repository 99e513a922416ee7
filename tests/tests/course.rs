//! The bundled course in `content/`: complete, sourced, and building into good quizzes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use decksmith::check::check;
use decksmith::content::ContentDir;
use decksmith_model::{EntryKind, SourceKind, load};
use decksmith_quiz::cards::cards;
use decksmith_quiz::{GenerateOptions, LineRole, Side, generate};
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
    let report = check(&ContentDir::new(repo().join("content")), None);
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
    let glossaries: BTreeSet<&str> = course
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Glossary)
        .map(|s| s.id.as_str())
        .collect();
    let own_notes: BTreeSet<&str> = course
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Notes)
        .map(|s| s.id.as_str())
        .collect();
    let mut cited = BTreeSet::new();
    for (_, entry) in course.entries() {
        assert!(!entry.citations.is_empty(), "{} cites nothing", entry.id);
        for citation in &entry.citations {
            // The course's own glossary and its own definitions have no text to point into;
            // every other source does.
            let own = glossaries.contains(citation.source.as_str())
                || own_notes.contains(citation.source.as_str());
            assert!(
                citation.locator.is_some() || own,
                "{} cites {} without a locator",
                entry.id,
                citation.source
            );
            cited.insert(citation.source.clone());
        }
    }
    let sources: BTreeSet<String> = course.sources.iter().map(|s| s.id.clone()).collect();
    assert_eq!(
        cited, sources,
        "every source is cited, and only sources are"
    );
    // The five seed documents, the course's glossary, and the outside reports that correct
    // the seeds.
    for seed in [
        "journal-abstract",
        "riac-ewi-brief",
        "news-2021",
        "naiis-forum-2024",
        "explainer-cyber-ir",
    ] {
        assert!(
            sources.contains(seed),
            "the seed source `{seed}` is missing"
        );
    }
    assert_eq!(glossaries.len(), 1, "one glossary source: {glossaries:?}");
    assert!(
        course.sources.iter().any(
            |s| matches!(s.kind, SourceKind::News | SourceKind::Official)
                && s.url.is_some()
                && s.date.is_some()
        ),
        "the outside reports behind the errata are sources, with a date and an address"
    );
}

/// The words of a card side that a student must recall: its text and its lines, the
/// teacher's note and the other right answers ("Also right: …") aside.
fn words_to_recall(side: &Side) -> usize {
    side.text.split_whitespace().count()
        + side
            .lines
            .iter()
            .filter(|l| !matches!(l.role, LineRole::Note | LineRole::Also))
            .map(|l| l.text.split_whitespace().count())
            .sum::<usize>()
}

/// A front as a student reads it, with its lines, lowercase and without punctuation.
fn comparable_front(side: &Side) -> String {
    let mut text = side.text.clone();
    for line in &side.lines {
        text.push(' ');
        text.push_str(&line.text);
    }
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_card_asks_for_one_short_thing() {
    let course = course();
    let mut long = Vec::new();
    let mut count = 0;
    for deck in &course.decks {
        for card in cards(&course, deck) {
            count += 1;
            let words = words_to_recall(&card.back);
            if words > 20 {
                long.push(format!(
                    "{} ({words} words): {}",
                    card.id,
                    card.back.plain()
                ));
            }
        }
    }
    assert!(count >= 250, "{count} cards");
    assert!(long.is_empty(), "backs over 20 words:\n{}", long.join("\n"));
}

#[test]
fn no_two_cards_of_the_course_share_a_front() {
    let course = course();
    // The cards of each deck as written, before the course tells equal fronts apart.
    let mut fronts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for deck in &course.decks {
        for card in cards(&course, deck) {
            fronts
                .entry(comparable_front(&card.front))
                .or_default()
                .push(format!("{}/{}", deck.id, card.id));
        }
    }
    let shared: Vec<String> = fronts
        .into_iter()
        .filter(|(_, cards)| cards.len() > 1)
        .map(|(front, cards)| format!("\"{front}\": {}", cards.join(", ")))
        .collect();
    assert!(
        shared.is_empty(),
        "fronts on more than one card:\n{}",
        shared.join("\n")
    );
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
