//! The study pages of a 200-card deck: how long rendering takes and how big the pages are.
//!
//! `cargo bench -p decksmith-html --bench html`. Prints the size of `flashcards.html` and
//! `quiz.html` first; a page of 200 cards should stay in the low hundreds of kilobytes so it
//! opens instantly from disk or a phone.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use decksmith_html::{Assets, deck_files};

mod common;

use common::course;

fn bench(c: &mut Criterion) {
    let (course, generated) = course(200);
    let assets = Assets::new();
    let (deck, output) = (&course.decks[0], &generated.decks[0]);
    let files = deck_files(&assets, &course, deck, output).unwrap();
    for file in &files {
        println!(
            "{}: {} bytes ({:.1} KiB) for {} cards and {} questions",
            file.path,
            file.bytes.len(),
            file.bytes.len() as f64 / 1024.0,
            output.cards.len(),
            output.quiz.questions.len()
        );
    }
    c.bench_function("html pages of a deck of 200 entries", |b| {
        b.iter(|| deck_files(&assets, std::hint::black_box(&course), deck, output).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
