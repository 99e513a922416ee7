//! The print-ready PDFs of decksmith: `flashcards.pdf`, `worksheet.pdf` and
//! `answer-key.pdf`, and `worksheet-A.pdf`, `answer-key-A.pdf`, … for the quiz's variant
//! forms.
//!
//! [`deck_files`] turns a generated deck into its PDFs and the warnings about its content;
//! [`DeckPdfs`] makes the same files one step at a time, for a caller that times them. Both
//! return values ([`OutFile`]s) and do no IO.
//!
//! The layout is ours, in three steps: [`plan`] decides where every card goes (as data, so it
//! is tested without a PDF), [`text`] fits text into boxes with the font's real advances,
//! and [`flashcards`] and [`worksheet`] draw pages that [`emit`] writes through printpdf.
//! The fonts ([`fonts`]) are compiled in and parsed once per build ([`Fonts::load`]).
//!
//! Content problems become warnings, never silent damage: a card whose text does not fit
//! even at the minimum size, a character the font lacks, a question taller than a page.

pub mod emit;
mod file;
pub mod flashcards;
pub mod fonts;
pub mod logo;
pub mod plan;
pub mod styled;
pub mod text;
pub mod words;
pub mod worksheet;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use decksmith_files::OutFile;
use decksmith_model::{CardLayout, Course, Deck, Diagnostic, Duplex, Location, Paper, Pos};
use decksmith_quiz::phrases::Phrasebook;
use decksmith_quiz::{Body, Card, DeckOutput, Question, Quiz};

use emit::EmitError;
use fonts::{FontError, Fonts};
use logo::Logo;
use plan::PrintSetup;
use words::WORDS;
use worksheet::Sheet;

/// A PDF could not be made: a bug, not a content mistake (those are warnings).
#[derive(Debug)]
pub enum PdfError {
    /// The embedded fonts could not be read.
    Fonts(FontError),
    /// A document could not be written.
    Document {
        /// The file, relative to the output folder.
        path: String,
        /// Why.
        source: EmitError,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Fonts(e) => write!(f, "failed to render PDF fonts ({e})"),
            PdfError::Document { path, source } => {
                write!(f, "failed to render {path} ({source})")
            }
        }
    }
}

impl std::error::Error for PdfError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PdfError::Fonts(e) => Some(e),
            PdfError::Document { source, .. } => Some(source),
        }
    }
}

impl From<FontError> for PdfError {
    fn from(e: FontError) -> PdfError {
        PdfError::Fonts(e)
    }
}

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
    /// The course's logo (`print: logo:`), decoded by the caller.
    pub logo: Option<&'a Logo>,
}

impl<'a> Context<'a> {
    /// The context for one deck.
    pub fn new(fonts: &'a Fonts, course: &'a Course, deck: &'a Deck) -> Context<'a> {
        Context {
            fonts,
            words: Phrasebook::new(WORDS, course.language_of(deck), &course.strings),
            course,
            deck,
            logo: None,
        }
    }
}

/// `flashcards.pdf`'s bytes; warnings for cards that do not fit.
pub fn flashcards_pdf(
    ctx: &Context<'_>,
    setup: &PrintSetup,
    cards: &[Card],
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<u8>, EmitError> {
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
            logo: ctx.logo,
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
) -> Result<Vec<u8>, EmitError> {
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
            logo: ctx.logo,
        },
        &pages,
    )
}

/// A deck's PDFs and the warnings about its content.
#[derive(Debug, Default)]
pub struct Pdfs {
    /// The files: `flashcards.pdf`, then the worksheet and answer key of each form.
    pub files: Vec<OutFile>,
    /// Text that does not fit, characters the fonts lack: one warning per problem.
    pub warnings: Vec<Diagnostic>,
}

/// Every PDF of one deck, with warnings about its content.
pub fn deck_files(
    fonts: &Fonts,
    overrides: &PrintOverrides,
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
) -> Result<Pdfs, PdfError> {
    let mut pdfs = DeckPdfs::new(fonts, overrides, course, deck, output);
    let mut files = vec![pdfs.flashcards()?];
    files.extend(pdfs.quiz_sheets()?);
    Ok(Pdfs {
        files,
        warnings: pdfs.warnings(),
    })
}

/// The PDFs of one deck, made one step at a time; the warnings gather until
/// [`DeckPdfs::warnings`].
#[derive(Debug)]
pub struct DeckPdfs<'a> {
    ctx: Context<'a>,
    setup: PrintSetup,
    /// The deck's output, its texts' markup made style markers ([`styled`]) when it has any.
    output: Cow<'a, DeckOutput>,
    warnings: Vec<Diagnostic>,
}

impl<'a> DeckPdfs<'a> {
    /// Ready to make the PDFs of `deck`; finds the characters the fonts lack first.
    pub fn new(
        fonts: &'a Fonts,
        overrides: &PrintOverrides,
        course: &'a Course,
        deck: &'a Deck,
        output: &'a DeckOutput,
    ) -> DeckPdfs<'a> {
        let ctx = Context::new(fonts, course, deck);
        let warnings = missing_glyphs(&ctx, output);
        DeckPdfs {
            setup: print_setup(course, overrides),
            ctx,
            output: styled::styled_output(output).map_or(Cow::Borrowed(output), Cow::Owned),
            warnings,
        }
    }

    /// With the course's logo on the worksheets and answer keys.
    pub fn with_logo(mut self, logo: Option<&'a Logo>) -> DeckPdfs<'a> {
        self.ctx.logo = logo;
        self
    }

    /// `flashcards.pdf`.
    pub fn flashcards(&mut self) -> Result<OutFile, PdfError> {
        let path = format!("{}/flashcards.pdf", self.ctx.deck.id);
        match flashcards_pdf(
            &self.ctx,
            &self.setup,
            &self.output.cards,
            &mut self.warnings,
        ) {
            Ok(bytes) => Ok(OutFile { path, bytes }),
            Err(source) => Err(PdfError::Document { path, source }),
        }
    }

    /// The worksheet and answer key of each form of the quiz: `worksheet.pdf`,
    /// `answer-key.pdf`, `worksheet-A.pdf`, ….
    pub fn quiz_sheets(&mut self) -> Result<Vec<OutFile>, PdfError> {
        let sheets = self.sheets();
        self.make(&sheets)
    }

    /// The worksheet of each form of the quiz, without the answer keys (a student build).
    pub fn worksheets(&mut self) -> Result<Vec<OutFile>, PdfError> {
        let mut sheets = self.sheets();
        sheets.retain(|(_, sheet)| *sheet == Sheet::Worksheet);
        self.make(&sheets)
    }

    /// The files of these sheets.
    fn make(&mut self, sheets: &[(usize, Sheet)]) -> Result<Vec<OutFile>, PdfError> {
        let mut files = Vec::new();
        for &(form, sheet) in sheets {
            let Some(quiz) = form_quiz(&self.output, form) else {
                continue;
            };
            let suffix = quiz
                .variant
                .as_ref()
                .map(|v| format!("-{v}"))
                .unwrap_or_default();
            let name = match sheet {
                Sheet::Worksheet => "worksheet",
                Sheet::AnswerKey => "answer-key",
            };
            let path = format!("{}/{name}{suffix}.pdf", self.ctx.deck.id);
            // Forms share their questions: warn about a question only for the main quiz.
            let mut quiet = Vec::new();
            let sink = if quiz.variant.is_none() {
                &mut self.warnings
            } else {
                &mut quiet
            };
            match quiz_pdf(&self.ctx, self.setup.paper, quiz, sheet, sink) {
                Ok(bytes) => files.push(OutFile { path, bytes }),
                Err(source) => return Err(PdfError::Document { path, source }),
            }
        }
        Ok(files)
    }

    /// Lays out every PDF of the deck without writing any (for `decksmith check`): the same
    /// warnings as making them (text that does not fit, characters the fonts lack), none of
    /// the cost of the files.
    pub fn lay_out(mut self) -> Vec<Diagnostic> {
        flashcards::pages(
            &self.ctx,
            &self.setup,
            &self.output.cards,
            &mut self.warnings,
        );
        for (form, sheet) in self.sheets() {
            let Some(quiz) = form_quiz(&self.output, form) else {
                continue;
            };
            let mut quiet = Vec::new();
            let sink = if quiz.variant.is_none() {
                &mut self.warnings
            } else {
                &mut quiet
            };
            worksheet::pages(&self.ctx, self.setup.paper, quiz, sheet, sink);
        }
        self.warnings()
    }

    /// Each form of the quiz (the main one first, [`form_quiz`]) with each of its sheets.
    fn sheets(&self) -> Vec<(usize, Sheet)> {
        (0..=self.output.variants.len())
            .flat_map(|form| [(form, Sheet::Worksheet), (form, Sheet::AnswerKey)])
            .collect()
    }

    /// The warnings about the deck's content, one per problem, in file order, however many
    /// files show it.
    pub fn warnings(self) -> Vec<Diagnostic> {
        let mut seen = BTreeMap::new();
        for w in self.warnings {
            seen.entry((w.location.file.clone(), w.location.pos, w.message.clone()))
                .or_insert(w);
        }
        seen.into_values().collect()
    }
}

/// Form `form` of the deck's quiz: 0 the main one, then the variants.
fn form_quiz(output: &DeckOutput, form: usize) -> Option<&Quiz> {
    match form {
        0 => Some(&output.quiz),
        n => output.variants.get(n - 1),
    }
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
    // The course's print header is on every deck's sheets: said once, with the first deck.
    if let Some(header) = &ctx.course.print.header
        && ctx
            .course
            .decks
            .first()
            .is_some_and(|d| d.id == ctx.deck.id)
    {
        note(&header.origin, &header.text);
    }
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
