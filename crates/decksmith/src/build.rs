//! `decksmith build`: content folder in, output folder out.
//!
//! The stages run in order: read the files, load and validate the course, generate the cards
//! and quizzes, render every file in memory, and only then write them all at once
//! ([`crate::output`]). Any failure before the write leaves the previous output untouched.

use std::collections::BTreeMap;
use std::path::PathBuf;

use decksmith_model::names::did_you_mean;
use decksmith_model::{CardLayout, Diagnostics, Duplex, LoadOptions, Paper, load};
use decksmith_quiz::{GenerateOptions, generate};
use decksmith_render::export::apkg::{Revision, Revisions};
use decksmith_render::html::{DeckSummary, FileLink};
use decksmith_render::{Format, OutFile, RenderError, RenderOptions, Renderer, file_label};

use crate::content::{ContentDir, read_content};
use crate::output::{Carried, NewFile, WriteError, write_all};

/// What to build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The course folder.
    pub content: ContentDir,
    /// The output folder.
    pub out: PathBuf,
    /// The seed, overriding the course's.
    pub seed: Option<u64>,
    /// Build only these decks (all when empty); the others' earlier output is kept.
    pub decks: Vec<String>,
    /// The formats to make (all when empty).
    pub formats: Vec<Format>,
    /// Paper size for PDFs, overriding the course's.
    pub paper: Option<Paper>,
    /// Flashcard layout for PDFs, overriding the course's.
    pub layout: Option<CardLayout>,
    /// Duplex edge for PDFs, overriding the course's.
    pub duplex: Option<Duplex>,
    /// How many variant forms of each quiz.
    pub variants: usize,
    /// Fail, writing nothing, if there are warnings.
    pub deny_warnings: bool,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The content has errors (or warnings, when they are denied).
    Content(Diagnostics),
    /// A `--deck` that the course does not have.
    UnknownDeck {
        /// The id given.
        id: String,
        /// A suggestion or the list of decks.
        help: String,
    },
    /// A renderer failed.
    Render(RenderError, Diagnostics),
    /// Writing the output failed.
    Write(WriteError, Diagnostics),
    /// An environment variable the build reads has a value it cannot use.
    Environment(String),
}

/// The Anki notes' revision history in the output folder.
pub const REVISIONS: &str = ".decksmith-revisions";

/// What a build made.
#[derive(Debug)]
pub struct BuildReport {
    /// One line per deck built.
    pub decks: Vec<DeckLine>,
    /// The index page.
    pub index: PathBuf,
    /// Warnings.
    pub diagnostics: Diagnostics,
    /// What happened to files already in the output folder.
    pub carried: Carried,
}

/// What was made for one deck.
#[derive(Debug)]
pub struct DeckLine {
    /// The deck's id.
    pub id: String,
    /// How many flashcards.
    pub cards: usize,
    /// How many questions in its quiz.
    pub questions: usize,
    /// The files made, relative to the deck's folder.
    pub files: Vec<String>,
}

/// The interface strings a course may override in `strings:`.
pub fn load_options() -> LoadOptions {
    LoadOptions {
        string_keys: decksmith_quiz::phrases::PHRASES
            .iter()
            .map(|(key, ..)| *key)
            .chain(decksmith_render::html::strings::keys())
            .chain(
                decksmith_render::pdf::words::WORDS
                    .iter()
                    .map(|(key, ..)| *key),
            )
            .map(str::to_owned)
            .collect(),
    }
}

/// Builds the decks.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let input = read_content(&options.content).map_err(BuildError::Content)?;
    let loaded = load(&input, &load_options());
    let mut diagnostics = loaded.diagnostics;
    let Some(course) = loaded.course else {
        return Err(BuildError::Content(diagnostics));
    };
    for id in &options.decks {
        if course.deck(id).is_none() {
            let ids: Vec<&str> = course.decks.iter().map(|d| d.id.as_str()).collect();
            let help = match did_you_mean(id, ids.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the course's decks are: {}", ids.join(", ")),
            };
            return Err(BuildError::UnknownDeck {
                id: id.clone(),
                help,
            });
        }
    }
    let selected = |id: &str| options.decks.is_empty() || options.decks.iter().any(|d| d == id);

    let (generated, warnings) = generate(
        &course,
        &GenerateOptions {
            seed: options.seed,
            variants: options.variants,
        },
    );
    diagnostics.extend(warnings);

    let formats = if options.formats.is_empty() {
        Format::ALL.to_vec()
    } else {
        options.formats.clone()
    };
    // The Anki notes' revision history, kept in the output folder: an edited note gets a
    // later time than the one it had, so importing the new package updates it.
    let floor =
        Revision::from_source_date_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
            .map_err(BuildError::Environment)?;
    let history = std::fs::read_to_string(options.out.join(REVISIONS))
        .map(|text| Revisions::parse(&text, floor))
        .unwrap_or(Revisions {
            floor,
            ..Revisions::default()
        });
    let renderer = Renderer::new(RenderOptions {
        formats,
        paper: options.paper,
        layout: options.layout,
        duplex: options.duplex,
        revisions: history.clone(),
    })
    .map_err(|e| BuildError::Render(e, Diagnostics::new()))?;
    let mut revisions = history;

    let mut files = Vec::new();
    let mut lines = Vec::new();
    let mut deck_files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        if !selected(&deck.id) {
            continue;
        }
        let rendered = match renderer.deck(&course, deck, output) {
            Ok(rendered) => rendered,
            Err(e) => return Err(BuildError::Render(e, diagnostics)),
        };
        diagnostics.extend(rendered.warnings);
        revisions.notes.extend(rendered.revisions);
        let names: Vec<String> = rendered
            .files
            .iter()
            .map(|f| f.path.rsplit('/').next().unwrap_or(&f.path).to_owned())
            .collect();
        deck_files.insert(deck.id.clone(), names.clone());
        lines.push(DeckLine {
            id: deck.id.clone(),
            cards: output.cards.len(),
            questions: output.quiz.questions.len(),
            files: names,
        });
        files.extend(rendered.files);
    }
    if options.deny_warnings && diagnostics.warning_count() > 0 {
        return Err(BuildError::Content(diagnostics));
    }

    // Decks not rebuilt keep their earlier files; the index links to whatever each has.
    let previous = previous_files(&options.out);
    let summaries: Vec<DeckSummary<'_>> = course
        .decks
        .iter()
        .zip(&generated.decks)
        .map(|(deck, output)| {
            let names = deck_files.get(&deck.id).cloned().unwrap_or_else(|| {
                previous
                    .iter()
                    .filter_map(|p| p.strip_prefix(&format!("{}/", deck.id)))
                    .filter(|n| !n.contains('/'))
                    .map(str::to_owned)
                    .collect()
            });
            DeckSummary {
                deck,
                cards: output.cards.len(),
                questions: output.quiz.questions.len(),
                files: names
                    .iter()
                    .map(|name| FileLink {
                        label: file_label(name, &course),
                        href: format!("{}/{name}", deck.id),
                    })
                    .collect(),
            }
        })
        .collect();
    let index = match renderer.index(&course, &summaries) {
        Ok(index) => index,
        Err(e) => return Err(BuildError::Render(e, diagnostics)),
    };
    files.push(index);
    if !revisions.notes.is_empty() {
        files.push(OutFile {
            path: REVISIONS.to_owned(),
            bytes: revisions.to_text().into_bytes(),
        });
    }

    let new: Vec<NewFile<'_>> = files
        .iter()
        .map(|f| NewFile {
            path: &f.path,
            bytes: &f.bytes,
        })
        .collect();
    let kept = |path: &str| {
        !options.decks.is_empty()
            && course
                .decks
                .iter()
                .any(|d| !selected(&d.id) && path.starts_with(&format!("{}/", d.id)))
    };
    let carried = match write_all(&options.out, &new, kept) {
        Ok(carried) => carried,
        Err(e) => return Err(BuildError::Write(e, diagnostics)),
    };
    Ok(BuildReport {
        decks: lines,
        index: options.out.join("index.html"),
        diagnostics,
        carried,
    })
}

/// The files listed in the output folder's manifest, if it has one.
fn previous_files(out: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(out.join(crate::output::MANIFEST))
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}
