//! `deck.apkg` of a 10,000-note deck: how long the Anki package takes (the target: three
//! times faster than genanki, which `cargo xtask bench` measures when it is installed).
//!
//! `cargo bench -p decksmith-export --bench apkg`. Prints the package's size first.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use decksmith_export::anki::Revisions;
use decksmith_export::apkg::package;

mod common;

fn bench(c: &mut Criterion) {
    let (course, generated) = common::course(10_000);
    let (deck, output) = (&course.decks[0], &generated.decks[0]);
    let history = Revisions::default();
    let (bytes, notes) = package(&course, deck, output, &history).unwrap();
    println!(
        "deck.apkg: {} bytes ({:.1} MB) for {} notes",
        bytes.len(),
        bytes.len() as f64 / 1e6,
        notes.len()
    );
    assert!(notes.len() >= 10_000, "{} notes", notes.len());

    let mut group = c.benchmark_group("large deck");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    group.bench_function(format!("deck.apkg of {} notes", notes.len()), |b| {
        b.iter(|| package(&course, deck, std::hint::black_box(output), &history).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
