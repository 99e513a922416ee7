//! Generation speed: one deck of a few hundred entries, and a course of a thousand.
//!
//! `cargo bench -p decksmith-quiz`. Generation runs on every build and every check, so it
//! should stay in milliseconds for a deck of a few hundred entries.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use decksmith_model::{ContentInput, Course, LoadOptions, SourceFile, load};
use decksmith_quiz::{GenerateOptions, generate};

/// The allocator of the `decksmith` binary, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn course(entries: usize, decks: usize) -> Course {
    let files = decksmith_synth::course(entries, decks).files;
    let file = |(path, text): &(String, String)| SourceFile::new(path.clone(), text.clone());
    let input = ContentInput {
        course: file(&files[0]),
        sources: file(&files[1]),
        decks: files[2..].iter().map(file).collect(),
    };
    load(&input, &LoadOptions::default())
        .course
        .expect("the synthetic course loads")
}

fn bench(c: &mut Criterion) {
    let one_deck = course(300, 1);
    c.bench_function("generate one deck of 300 entries", |b| {
        b.iter(|| generate(std::hint::black_box(&one_deck), &GenerateOptions::default()))
    });
    let with_variants = GenerateOptions {
        seed: None,
        variants: 4,
    };
    c.bench_function("generate one deck of 300 entries with 4 variants", |b| {
        b.iter(|| generate(std::hint::black_box(&one_deck), &with_variants))
    });
    let course = course(1000, 5);
    c.bench_function("generate a course of 1000 entries in 5 decks", |b| {
        b.iter(|| generate(std::hint::black_box(&course), &GenerateOptions::default()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
