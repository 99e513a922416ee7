//! Print-ready PDFs: `flashcards.pdf`, `worksheet.pdf` and `answer-key.pdf`, and
//! `worksheet-A.pdf`, `answer-key-A.pdf`, … for the quiz's variant forms.
//!
//! The layout is ours, in three steps: [`plan`] decides where every card goes (as data, so it
//! is tested without a PDF), [`text`] fits text into boxes with the font's real advances,
//! and [`flashcards`] and [`worksheet`] draw pages that [`emit`] writes through printpdf.
//! The fonts ([`fonts`]) are compiled in and parsed once per build, by the `Renderer`.
//!
//! Content problems become warnings, never silent damage: a card whose text does not fit
//! even at the minimum size, a character the font lacks, a question taller than a page.

pub mod emit;
mod file;
pub mod flashcards;
pub mod fonts;
mod hash;
pub mod plan;
pub mod text;
pub mod words;
pub mod worksheet;

use std::collections::BTreeMap;

use decksmith_model::{CardLayout, Course, Deck, Diagnostic, Duplex, Location, Paper, Pos};
use decksmith_quiz::phrases::Phrasebook;
use decksmith_quiz::{Body, Card, DeckOutput, Question, Quiz};

use crate::{OutFile, RenderError, Rendered, failed};
use fonts::Fonts;
use plan::PrintSetup;
use words::WORDS;
use worksheet::Sheet;

/// Print settings given on the command line, each overriding the course's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintOverrides {
    /// `--paper`.
    pub paper: Option<Paper>,
    /// `--layout`.
    pub layout: Option<CardLayout>,
    /// `--duplex`.
    pub duplex: Option<Duplex>,
}

/// How a course's flashcards are printed: its print settings with the overrides applied.
pub fn print_setup(course: &Course, overrides: &PrintOverrides) -> PrintSetup {
    let print = &course.print;
    PrintSetup {
        paper: overrides.paper.unwrap_or(print.paper),
        layout: overrides.layout.unwrap_or(print.layout),
        duplex: overrides.duplex.unwrap_or(print.duplex),
        back_offset_mm: print.back_offset_mm,
        calibration: print.calibration,
    }
}

/// What every page of a deck is drawn with.
#[derive(Debug)]
pub struct Context<'a> {
    /// The fonts.
    pub fonts: &'a Fonts,
    /// The fixed words, in the course's language.
    pub words: Phrasebook<'a>,
    /// The course.
    pub course: &'a Course,
    /// The deck.
    pub deck: &'a Deck,
}

impl<'a> Context<'a> {
    /// The context for one deck.
    pub fn new(fonts: &'a Fonts, course: &'a Course, deck: &'a Deck) -> Context<'a> {
        Context {
            fonts,
            words: Phrasebook::new(WORDS, course.language_of(deck), &course.strings),
            course,
            deck,
        }
    }
}

/// `flashcards.pdf`'s bytes; warnings for cards that do not fit.
pub fn flashcards_pdf(
    ctx: &Context<'_>,
    setup: &PrintSetup,
    cards: &[Card],
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<u8>, String> {
    let pages = flashcards::pages(ctx, setup, cards, warnings);
    let title = format!(
        "{}: {}",
        ctx.deck.title,
        ctx.words.get("pdf.flashcards", &[])
    );
    emit::write(
        ctx.fonts,
        &emit::Info {
            title: &title,
            subject: &ctx.course.title,
            language: ctx.course.language_of(ctx.deck),
        },
        &pages,
    )
}

/// A worksheet's or answer key's bytes.
pub fn quiz_pdf(
    ctx: &Context<'_>,
    paper: Paper,
    quiz: &Quiz,
    sheet: Sheet,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<u8>, String> {
    let pages = worksheet::pages(ctx, paper, quiz, sheet, warnings);
    let what = match sheet {
        Sheet::Worksheet => ctx.words.get("pdf.worksheet", &[]),
        Sheet::AnswerKey => ctx.words.get("pdf.answer-key", &[]),
    };
    let form = quiz
        .variant
        .as_ref()
        .map(|v| format!(", {}", ctx.words.get("pdf.form", &[("form", v)])))
        .unwrap_or_default();
    let title = format!("{}: {what}{form}", quiz.title);
    emit::write(
        ctx.fonts,
        &emit::Info {
            title: &title,
            subject: &ctx.course.title,
            language: ctx.course.language_of(ctx.deck),
        },
        &pages,
    )
}

/// Every PDF of one deck, with warnings about its content.
pub fn deck_files(
    fonts: &Fonts,
    overrides: &PrintOverrides,
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
    rendered: &mut Rendered,
) -> Result<(), RenderError> {
    let ctx = Context::new(fonts, course, deck);
    let setup = print_setup(course, overrides);
    let mut warnings = missing_glyphs(&ctx, output);

    let path = format!("{}/flashcards.pdf", deck.id);
    let started = std::time::Instant::now();
    let bytes =
        flashcards_pdf(&ctx, &setup, &output.cards, &mut warnings).map_err(|e| failed(&path, e))?;
    rendered.costs.push(crate::Cost {
        format: crate::Format::Pdf,
        file: Some("flashcards.pdf"),
        time: started.elapsed(),
        bytes: bytes.len(),
    });
    rendered.files.push(OutFile { path, bytes });

    for quiz in std::iter::once(&output.quiz).chain(&output.variants) {
        let suffix = quiz
            .variant
            .as_ref()
            .map(|v| format!("-{v}"))
            .unwrap_or_default();
        for (sheet, name) in [
            (Sheet::Worksheet, "worksheet"),
            (Sheet::AnswerKey, "answer-key"),
        ] {
            let path = format!("{}/{name}{suffix}.pdf", deck.id);
            // Forms share their questions: warn about a question only for the main quiz.
            let mut quiet = Vec::new();
            let sink = if quiz.variant.is_none() {
                &mut warnings
            } else {
                &mut quiet
            };
            let bytes =
                quiz_pdf(&ctx, setup.paper, quiz, sheet, sink).map_err(|e| failed(&path, e))?;
            rendered.files.push(OutFile { path, bytes });
        }
    }
    // One warning per problem, in file order, however many files show it.
    let mut seen = BTreeMap::new();
    for w in warnings {
        seen.entry((w.location.file.clone(), w.location.pos, w.message.clone()))
            .or_insert(w);
    }
    rendered.warnings.extend(seen.into_values());
    Ok(())
}

/// Warnings for characters the fonts lack, one per entry (its cards and questions together),
/// naming the characters.
fn missing_glyphs(ctx: &Context<'_>, output: &DeckOutput) -> Vec<Diagnostic> {
    let mut by_place: BTreeMap<(String, Pos), (Location, Vec<char>)> = BTreeMap::new();
    let mut note = |location: &Location, text: &str| {
        let missing = ctx.fonts.missing(text);
        if missing.is_empty() {
            return;
        }
        let entry = by_place
            .entry((location.file.clone(), location.pos))
            .or_insert_with(|| (location.clone(), Vec::new()));
        for c in missing {
            if !entry.1.contains(&c) {
                entry.1.push(c);
            }
        }
    };
    note(
        &Location {
            file: ctx.deck.file.clone(),
            pos: Pos::new(1, 1),
        },
        &ctx.deck.title,
    );
    for card in &output.cards {
        for side in [&card.front, &card.back] {
            note(&card.origin, &side.plain());
        }
        for source in &card.sources {
            note(&card.origin, &source.short);
        }
    }
    for quiz in std::iter::once(&output.quiz) {
        for q in &quiz.questions {
            note(&q.origin, &question_text(q));
        }
    }
    by_place
        .into_values()
        .map(|(location, chars)| {
            let list: Vec<String> = chars
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                .collect();
            Diagnostic::warning(
                location,
                format!(
                    "the PDF font (DejaVu Sans) has no {} for {}; the PDFs show `{}` in {}",
                    if chars.len() == 1 { "glyph" } else { "glyphs" },
                    list.join(", "),
                    ctx.fonts.face(fonts::Weight::Regular).replacement(),
                    if chars.len() == 1 {
                        "its place"
                    } else {
                        "their place"
                    },
                ),
            )
            .with_help(
                "write the text with other characters, or leave the PDFs out with `--format`",
            )
        })
        .collect()
}

/// All the text of a question, for checking the font covers it.
fn question_text(q: &Question) -> String {
    let mut text = q.explanation.clone();
    let mut add = |s: &str| {
        text.push('\n');
        text.push_str(s);
    };
    match &q.body {
        Body::Flashcard { front, back } => {
            add(front);
            add(back);
        }
        Body::Cloze(c) => {
            add(&c.text);
            for b in &c.blanks {
                b.accept.iter().for_each(|a| add(a));
            }
        }
        Body::MultipleChoice(c) | Body::Who(c) => {
            add(&c.prompt);
            c.options.iter().for_each(|o| add(o));
        }
        Body::TrueFalse { statement, .. } => add(statement),
        Body::Matching(m) => {
            add(&m.prompt);
            m.left.iter().chain(&m.right).for_each(|s| add(s));
        }
        Body::Timeline(t) => {
            add(&t.prompt);
            t.items.iter().chain(&t.dates).for_each(|s| add(s));
        }
    }
    for s in &q.sources {
        add(&s.short);
    }
    text
}
