//! The PDFs of a 200-card deck and `flashcards.pdf` of a 10,000-card deck: how long they take
//! and how big they are.
//!
//! `cargo bench -p decksmith-pdf --bench pdf`. Prints each file's size first and fails if
//! `flashcards.pdf` of 200 cards is not under 300 KB (the fonts are embedded as subsets;
//! the whole faces would be 1.4 MB), or if `flashcards.pdf` of 10,000 cards takes more than
//! 300 bytes a card besides the embedded font programs. Then times `flashcards.pdf` alone,
//! the worksheet and answer key, every PDF of the deck, parsing the fonts (once per build),
//! and `flashcards.pdf` of 10,000 cards (the target: at most 110 ms).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::SamplingMode;
use criterion::{Criterion, criterion_group, criterion_main};
use decksmith_pdf::fonts::Fonts;
use decksmith_pdf::worksheet::Sheet;
use decksmith_pdf::{Context, PrintOverrides, deck_files, flashcards_pdf, print_setup, quiz_pdf};

mod common;

use common::course;

/// The limit the issue sets for a 200-card deck's flashcards.pdf.
const MAX_FLASHCARDS_BYTES: usize = 300 * 1000;

/// The limit the issue sets for a large deck's flashcards.pdf, per card, besides the embedded
/// font programs.
const MAX_BYTES_PER_CARD: f64 = 300.0;

fn bench(c: &mut Criterion) {
    let (course, generated) = course(200);
    let fonts = Fonts::load().unwrap();
    let (deck, output) = (&course.decks[0], &generated.decks[0]);
    assert!(output.cards.len() >= 200, "{} cards", output.cards.len());
    let overrides = PrintOverrides::default();
    let rendered = deck_files(&fonts, &overrides, &course, deck, output).unwrap();
    for file in &rendered.files {
        println!(
            "{}: {} bytes ({:.1} KB) for {} cards and {} questions",
            file.path,
            file.bytes.len(),
            file.bytes.len() as f64 / 1000.0,
            output.cards.len(),
            output.quiz.questions.len()
        );
    }
    let flashcards = &rendered.files[0];
    assert!(flashcards.path.ends_with("flashcards.pdf"));
    assert!(
        flashcards.bytes.len() < MAX_FLASHCARDS_BYTES,
        "flashcards.pdf of {} cards is {} bytes, over {MAX_FLASHCARDS_BYTES}",
        output.cards.len(),
        flashcards.bytes.len()
    );

    let ctx = Context::new(&fonts, &course, deck);
    let setup = print_setup(&course, &overrides);
    let cards = output.cards.len();
    c.bench_function(&format!("flashcards.pdf of {cards} cards"), |b| {
        b.iter(|| {
            flashcards_pdf(
                &ctx,
                &setup,
                std::hint::black_box(&output.cards),
                &mut Vec::new(),
            )
            .unwrap()
        })
    });
    let questions = output.quiz.questions.len();
    c.bench_function(
        &format!("worksheet.pdf and answer-key.pdf of {questions} questions"),
        |b| {
            b.iter(|| {
                let quiz = std::hint::black_box(&output.quiz);
                let sheet =
                    quiz_pdf(&ctx, setup.paper, quiz, Sheet::Worksheet, &mut Vec::new()).unwrap();
                let key =
                    quiz_pdf(&ctx, setup.paper, quiz, Sheet::AnswerKey, &mut Vec::new()).unwrap();
                (sheet, key)
            })
        },
    );
    c.bench_function(&format!("every PDF of a deck of {cards} cards"), |b| {
        b.iter(|| {
            deck_files(
                &fonts,
                &overrides,
                &course,
                deck,
                std::hint::black_box(output),
            )
            .unwrap()
        })
    });
    c.bench_function("parse the fonts (once per build)", |b| {
        b.iter(|| Fonts::load().unwrap())
    });
}

/// The bytes of the embedded font programs (`/FontFile2` streams, as stored) in a PDF.
fn font_program_bytes(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut total = 0;
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && let Ok(file) = dict.get(b"FontFile2").and_then(lopdf::Object::as_reference)
            && let Ok(lopdf::Object::Stream(stream)) = doc.get_object(file)
        {
            total += stream.content.len();
        }
    }
    total
}

fn bench_large(c: &mut Criterion) {
    let (course, generated) = course(10_000);
    let fonts = Fonts::load().unwrap();
    let (deck, output) = (&course.decks[0], &generated.decks[0]);
    let cards = output.cards.len();
    assert!(cards >= 10_000, "{cards} cards");
    let ctx = Context::new(&fonts, &course, deck);
    let setup = print_setup(&course, &PrintOverrides::default());
    let bytes = flashcards_pdf(&ctx, &setup, &output.cards, &mut Vec::new()).unwrap();
    let fonts_size = font_program_bytes(&bytes);
    let per_card = (bytes.len() - fonts_size) as f64 / cards as f64;
    println!(
        "flashcards.pdf: {} bytes ({:.1} MB) for {cards} cards: {per_card:.1} bytes a card \
         besides {fonts_size} bytes of font programs",
        bytes.len(),
        bytes.len() as f64 / 1e6,
    );
    assert!(
        per_card <= MAX_BYTES_PER_CARD,
        "flashcards.pdf of {cards} cards takes {per_card:.1} bytes a card, over \
         {MAX_BYTES_PER_CARD}"
    );

    let mut group = c.benchmark_group("large deck");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    group.bench_function(format!("flashcards.pdf of {cards} cards"), |b| {
        b.iter(|| {
            flashcards_pdf(
                &ctx,
                &setup,
                std::hint::black_box(&output.cards),
                &mut Vec::new(),
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_large);
criterion_main!(benches);
