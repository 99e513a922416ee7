//! Loading the hostile inputs of issue 14: each must end in well under a second.
//!
//! `cargo bench -p decksmith-model --bench hostile`. Each input is loaded and its report
//! rendered, as `decksmith check` does; the sizes of what is printed are checked by
//! `tests/hostile.rs`. The target is 1 s and 200 MB for every input (see the README for the
//! latest numbers, and `cargo xtask synth --hostile` to write them out for `/usr/bin/time`).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use decksmith_model::{ContentInput, LoadOptions, SourceFile, load};
use decksmith_synth::{SynthCourse, hostile};

/// The allocator of the `decksmith` binary, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for case in hostile() {
        let input = input(&case.course);
        group.bench_function(case.name, |b| {
            b.iter(|| {
                let loaded = load(std::hint::black_box(&input), &LoadOptions::default());
                loaded.diagnostics.render().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
