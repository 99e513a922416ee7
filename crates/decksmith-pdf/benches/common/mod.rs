//! What the rendering benchmarks share: a synthetic course of one deck, generated, and the
//! binary's allocator.

use decksmith_model::{ContentInput, Course, LoadOptions, SourceFile, load};
use decksmith_quiz::{GenerateOptions, Generated, generate};

/// The allocator of the `decksmith` binary, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A synthetic course of `entries` entries in one deck, loaded and generated.
pub fn course(entries: usize) -> (Course, Generated) {
    let files = decksmith_synth::course(entries, 1).files;
    let file = |(path, text): &(String, String)| SourceFile::new(path.clone(), text.clone());
    let input = ContentInput {
        course: file(&files[0]),
        sources: file(&files[1]),
        decks: files[2..].iter().map(file).collect(),
    };
    let course = load(&input, &LoadOptions::default())
        .course
        .expect("the synthetic course loads");
    let (generated, _) = generate(&course, &GenerateOptions::default());
    (course, generated)
}
