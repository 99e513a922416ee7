//! The format dispatch: which renderer makes which files of a deck, each format timed.
//!
//! The renderers are sibling crates that share nothing but what they read (the [`Course`]
//! and the generated [`DeckOutput`]s) and the [`OutFile`]s they return: `decksmith-html`
//! (the study pages), `decksmith-pdf` (the print-ready PDFs) and `decksmith-export`
//! (`quiz.json`, Anki, Moodle XML, GIFT, QTI, TSV). [`Renderer::deck`] has one arm per
//! [`Format`]; a new format is a module in one of those crates (or a crate of its own) and
//! an arm here. Rendering does no IO: [`crate::build`] writes the files.

use std::fmt;
use std::time::{Duration, Instant};

use decksmith_export::anki::{Given, Revisions};
use decksmith_export::{ExportError, apkg, gift, json, moodle, qti, tsv};
use decksmith_files::{Audience, OutFile};
use decksmith_html::{Assets, DeckSummary, HtmlError, Theme};
use decksmith_model::{CardLayout, Course, Deck, Diagnostic, Duplex, Paper};
use decksmith_pdf::fonts::Fonts;
use decksmith_pdf::logo::Logo;
use decksmith_pdf::{DeckPdfs, PdfError, PrintOverrides};
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
    /// `quiz.moodle.xml`: the quiz as a Moodle XML question bank (and `quiz-A.moodle.xml`, …
    /// for variants).
    Moodle,
    /// `quiz.gift`: the quiz in Moodle's GIFT text format.
    Gift,
    /// `quiz.qti.zip`: the quiz as a QTI 1.2 package for Canvas and Brightspace
    /// (and `quiz-A.qti.zip`, … for variants).
    Qti,
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
        Format::Qti,
        Format::Tsv,
    ];

    /// Whether a student build (`--student`) makes any file of this format: not `quiz.json`
    /// and the question banks, which are the answers.
    pub fn for_students(self) -> bool {
        match self {
            Format::Html | Format::Pdf | Format::Apkg | Format::Tsv => true,
            Format::Json | Format::Moodle | Format::Gift | Format::Qti => false,
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Apkg => "apkg",
            Format::Moodle => "moodle",
            Format::Gift => "gift",
            Format::Qti => "qti",
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

/// A renderer failed: a bug or a limit, not a content mistake (those are diagnostics).
/// Boxed, so that results stay small on the way to the error's rare path.
#[derive(Debug)]
pub enum RenderError {
    /// A study page.
    Html(Box<HtmlError>),
    /// A PDF, or the PDF fonts.
    Pdf(Box<PdfError>),
    /// An export.
    Export(Box<ExportError>),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Html(e) => e.fmt(f),
            RenderError::Pdf(e) => e.fmt(f),
            RenderError::Export(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Html(e) => e.source(),
            RenderError::Pdf(e) => e.source(),
            RenderError::Export(e) => e.source(),
        }
    }
}

impl From<HtmlError> for RenderError {
    fn from(e: HtmlError) -> RenderError {
        RenderError::Html(Box::new(e))
    }
}

impl From<PdfError> for RenderError {
    fn from(e: PdfError) -> RenderError {
        RenderError::Pdf(Box::new(e))
    }
}

impl From<ExportError> for RenderError {
    fn from(e: ExportError) -> RenderError {
        RenderError::Export(Box::new(e))
    }
}

/// What to render.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// The formats to make.
    pub formats: Vec<Format>,
    /// Paper size for PDFs, overriding the course's print settings.
    pub paper: Option<Paper>,
    /// Flashcard layout for PDFs, overriding the course's (`--layout`).
    pub layout: Option<CardLayout>,
    /// Duplex edge for PDFs, overriding the course's (`--duplex`).
    pub duplex: Option<Duplex>,
    /// Make only what holds no answers (`--student`): no quiz pages, answer keys, `quiz.json`
    /// or question banks.
    pub student: bool,
    /// The course's own stylesheet for the pages, if it has one.
    pub theme: Option<Theme>,
    /// The course's logo for the printed sheets, if it has one.
    pub logo: Option<Logo>,
}

/// Renders decks; made once per build, holding what is expensive to prepare (the pages'
/// inlined assets, the parsed fonts) so that no per-deck work repeats it.
#[derive(Debug)]
pub struct Renderer {
    formats: Vec<Format>,
    student: bool,
    print: PrintOverrides,
    html: Assets,
    fonts: Fonts,
    logo: Option<Logo>,
}

/// A deck's files and what rendering had to say.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The files.
    pub files: Vec<OutFile>,
    /// Warnings about the content (text that does not fit a card, say).
    pub warnings: Vec<Diagnostic>,
    /// The revision each Anki note was given, by GUID (for the revision history).
    pub anki_notes: Given,
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
    pub time: Duration,
    /// The bytes it made.
    pub bytes: usize,
}

impl Renderer {
    /// A renderer for the given options.
    pub fn new(options: RenderOptions) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            formats: options.formats,
            student: options.student,
            print: PrintOverrides {
                paper: options.paper,
                layout: options.layout,
                duplex: options.duplex,
            },
            html: Assets::themed(options.theme.as_ref()),
            fonts: Fonts::load().map_err(PdfError::Fonts)?,
            logo: options.logo,
        })
    }

    /// Every file of one deck, each format timed; `anki` is the Anki notes' revision history
    /// from earlier builds.
    pub fn deck(
        &self,
        course: &Course,
        deck: &Deck,
        output: &DeckOutput,
        anki: &Revisions,
    ) -> Result<Rendered, RenderError> {
        let mut rendered = Rendered::default();
        for &format in &self.formats {
            let started = Instant::now();
            let files_before = rendered.files.len();
            if self.student && !format.for_students() {
                continue;
            }
            self.format(format, course, deck, output, anki, &mut rendered)?;
            let bytes = rendered.files[files_before..]
                .iter()
                .map(|f| f.bytes.len())
                .sum();
            rendered.costs.push(Cost {
                format,
                file: None,
                time: started.elapsed(),
                bytes,
            });
        }
        if self.student {
            // What each arm makes for a student build is chosen above and below; this is
            // the promise `--student` makes, kept whatever a renderer returns.
            rendered
                .files
                .retain(|f| Audience::of(f.name()) == Audience::Students);
        }
        Ok(rendered)
    }

    /// The files of one format: one arm per format.
    fn format(
        &self,
        format: Format,
        course: &Course,
        deck: &Deck,
        output: &DeckOutput,
        anki: &Revisions,
        rendered: &mut Rendered,
    ) -> Result<(), RenderError> {
        let files = &mut rendered.files;
        match format {
            Format::Html if self.student => files.push(OutFile::new(
                format!("{}/flashcards.html", deck.id),
                decksmith_html::flashcards(&self.html, course, deck, output)?,
            )),
            Format::Html => files.extend(decksmith_html::deck_files(
                &self.html, course, deck, output,
            )?),
            Format::Json => files.extend(json::deck_files(deck, output)?),
            Format::Pdf => self.pdfs(course, deck, output, rendered)?,
            Format::Apkg => {
                let (file, notes) = apkg::deck_file(course, deck, output, anki)?;
                files.push(file);
                rendered.anki_notes.extend(notes);
            }
            Format::Moodle => files.extend(moodle::deck_files(course, deck, output)),
            Format::Gift => files.push(gift::deck_file(course, deck, output)),
            Format::Qti => files.extend(qti::deck_files(course, deck, output)?),
            Format::Tsv => files.push(tsv::deck_file(course, deck, output)),
        }
        Ok(())
    }

    /// The PDFs, `flashcards.pdf` timed on its own (it has a target of its own).
    fn pdfs(
        &self,
        course: &Course,
        deck: &Deck,
        output: &DeckOutput,
        rendered: &mut Rendered,
    ) -> Result<(), PdfError> {
        let mut pdfs = DeckPdfs::new(&self.fonts, &self.print, course, deck, output)
            .with_logo(self.logo.as_ref());
        let started = Instant::now();
        let flashcards = pdfs.flashcards()?;
        rendered.costs.push(Cost {
            format: Format::Pdf,
            file: Some("flashcards.pdf"),
            time: started.elapsed(),
            bytes: flashcards.bytes.len(),
        });
        rendered.files.push(flashcards);
        if self.student {
            rendered.files.extend(pdfs.worksheets()?);
        } else {
            rendered.files.extend(pdfs.quiz_sheets()?);
        }
        rendered.warnings.extend(pdfs.warnings());
        Ok(())
    }

    /// The course's index page, linking to the study material of each deck.
    pub fn index(
        &self,
        course: &Course,
        decks: &[DeckSummary<'_>],
    ) -> Result<OutFile, RenderError> {
        Ok(decksmith_html::index_file(&self.html, course, decks)?)
    }

    /// The teacher page, linking to every file of each deck, the answers first; none in a
    /// student build.
    pub fn teacher(
        &self,
        course: &Course,
        decks: &[DeckSummary<'_>],
    ) -> Result<Option<OutFile>, RenderError> {
        if self.student {
            return Ok(None);
        }
        Ok(Some(decksmith_html::teacher_file(
            &self.html, course, decks,
        )?))
    }
}
