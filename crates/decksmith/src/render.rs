//! Renderers of decksmith: generated cards and quizzes to bytes.
//!
//! Each output format is a sibling module that reads the same values (the validated
//! [`Course`] and the generated [`DeckOutput`]s) and returns bytes. Renderers do no IO; the
//! driver writes the [`OutFile`]s they return. A [`Renderer`] is made once per build and
//! holds what is expensive to prepare, so no per-deck or per-card work repeats it.
//!
//! - [`html`]: the study pages (askama templates from the top-level `templates/`).
//! - [`json`]: `quiz.json`, the generated questions, machine-readable.
//! - [`pdf`]: `flashcards.pdf`, `worksheet.pdf` and `answer-key.pdf`, ready to print.
//! - [`export`]: `deck.apkg` (Anki), `quiz.moodle.xml`, `quiz.gift` and `cards.tsv`.

pub mod export;
pub mod html;
pub mod json;
pub mod pdf;

use std::fmt;

use decksmith_model::{Course, Deck, Diagnostic};
use decksmith_quiz::DeckOutput;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `flashcards.html` and `quiz.html`.
    Html,
    /// `quiz.json` (and `quiz-A.json`, … for variants).
    Json,
    /// `flashcards.pdf`, `worksheet.pdf` and `answer-key.pdf` (and `worksheet-A.pdf`, … for
    /// variants).
    Pdf,
    /// `deck.apkg`: the flashcards as an Anki package.
    Apkg,
    /// `quiz.moodle.xml`: the quiz as a Moodle XML question bank.
    Moodle,
    /// `quiz.gift`: the quiz in Moodle's GIFT text format.
    Gift,
    /// `cards.tsv`: the flashcards as text for Anki's and Quizlet's importers.
    Tsv,
}

impl Format {
    /// Every format, in the order files are listed.
    pub const ALL: &'static [Format] = &[
        Format::Html,
        Format::Pdf,
        Format::Json,
        Format::Apkg,
        Format::Moodle,
        Format::Gift,
        Format::Tsv,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Apkg => "apkg",
            Format::Moodle => "moodle",
            Format::Gift => "gift",
            Format::Tsv => "tsv",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    /// The path, with `/` separators (`un-track/quiz.json`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// What a deck's file is, for links on the index page, in the course's interface language
/// (`quiz-A.json` → `Quiz, form A (JSON)`).
pub fn file_label(name: &str, course: &Course) -> String {
    html::strings::Ui::new(course).file_label(name)
}

/// A renderer failed: a bug or a limit, not a content mistake (those are diagnostics).
#[derive(Debug)]
pub struct RenderError {
    /// The file being made.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed to render {} ({})", self.path, self.message)
    }
}

impl std::error::Error for RenderError {}

/// A [`RenderError`] for the file at `path`.
pub fn failed(path: &str, error: impl fmt::Display) -> RenderError {
    RenderError {
        path: path.to_owned(),
        message: error.to_string(),
    }
}

/// What to render.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// The formats to make.
    pub formats: Vec<Format>,
    /// Paper size for PDFs, overriding the course's print settings.
    pub paper: Option<decksmith_model::Paper>,
    /// Flashcard layout for PDFs, overriding the course's (`--layout`).
    pub layout: Option<decksmith_model::CardLayout>,
    /// Duplex edge for PDFs, overriding the course's (`--duplex`).
    pub duplex: Option<decksmith_model::Duplex>,
    /// The Anki notes' revision history from earlier builds, with the floor for new times.
    pub revisions: export::apkg::Revisions,
}

/// Renders decks; made once per build.
#[derive(Debug)]
pub struct Renderer {
    options: RenderOptions,
    html: html::Assets,
    fonts: pdf::fonts::Fonts,
}

/// A deck's files and what rendering had to say about its content.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The files.
    pub files: Vec<OutFile>,
    /// Warnings about the content (text that does not fit a card, say).
    pub warnings: Vec<Diagnostic>,
    /// The revision each Anki note was given, by GUID (for the revision history).
    pub revisions: Vec<(String, export::apkg::NoteRevision)>,
    /// What each format took, for `--timings`.
    pub costs: Vec<Cost>,
}

/// What rendering one format of one deck took, or one file of it.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// The format.
    pub format: Format,
    /// The file, when this is the cost of one file of the format (`flashcards.pdf`, which
    /// has a target of its own) rather than of all its files.
    pub file: Option<&'static str>,
    /// The time it took.
    pub time: std::time::Duration,
    /// The bytes it made.
    pub bytes: usize,
}

impl Renderer {
    /// A renderer for the given options.
    pub fn new(options: RenderOptions) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            options,
            html: html::Assets::new(),
            fonts: pdf::fonts::Fonts::load().map_err(|e| failed("PDF fonts", e))?,
        })
    }

    /// Every file of one deck. Each format adds its files; see the format's module.
    pub fn deck(
        &self,
        course: &Course,
        deck: &Deck,
        output: &DeckOutput,
    ) -> Result<Rendered, RenderError> {
        let mut rendered = Rendered::default();
        for format in &self.options.formats {
            let started = std::time::Instant::now();
            let files_before = rendered.files.len();
            match format {
                Format::Html => html::deck_files(&self.html, course, deck, output, &mut rendered)?,
                Format::Json => json::deck_files(deck, output, &mut rendered)?,
                Format::Pdf => pdf::deck_files(
                    &self.fonts,
                    &self.pdf_overrides(),
                    course,
                    deck,
                    output,
                    &mut rendered,
                )?,
                Format::Apkg => export::apkg::deck_files(
                    course,
                    deck,
                    output,
                    &self.options.revisions,
                    &mut rendered,
                )?,
                Format::Moodle => export::moodle::deck_files(course, deck, output, &mut rendered)?,
                Format::Gift => export::gift::deck_files(course, deck, output, &mut rendered)?,
                Format::Tsv => export::tsv::deck_files(course, deck, output, &mut rendered)?,
            }
            let bytes = rendered.files[files_before..]
                .iter()
                .map(|f| f.bytes.len())
                .sum();
            rendered.costs.push(Cost {
                format: *format,
                file: None,
                time: started.elapsed(),
                bytes,
            });
        }
        Ok(rendered)
    }

    /// The print settings given on the command line.
    fn pdf_overrides(&self) -> pdf::PrintOverrides {
        pdf::PrintOverrides {
            paper: self.options.paper,
            layout: self.options.layout,
            duplex: self.options.duplex,
        }
    }

    /// The course's index page, linking to the files of each deck.
    pub fn index(
        &self,
        course: &Course,
        decks: &[html::DeckSummary<'_>],
    ) -> Result<OutFile, RenderError> {
        let page = html::index(&self.html, course, decks).map_err(|e| failed("index.html", e))?;
        Ok(OutFile {
            path: "index.html".into(),
            bytes: page.into_bytes(),
        })
    }
}
