//! `decksmith build`: content folder in, output folder out.
//!
//! The stages run in order: read the files, load and validate the course, generate the cards
//! and quizzes, render every file in memory, and only then write them all at once
//! ([`crate::output`]). Any failure before the write leaves the previous output untouched.

use std::time::Instant;

use decksmith_model::{Course, Deck};
use decksmith_quiz::DeckOutput;
use rayon::prelude::*;
use std::path::PathBuf;

use decksmith_export::anki::{Revision, Revisions};
use decksmith_files::{Audience, OutFile};
use decksmith_html::{DeckSummary, FileLink, Theme, file_label};
use decksmith_model::names::did_you_mean;
use decksmith_model::{CardLayout, Diagnostics, Duplex, LoadOptions, Paper, load};
use decksmith_pdf::logo::Logo;
use decksmith_quiz::{GenerateOptions, Generated, generate};

use crate::content::{ContentDir, check_source_quotes, read_content, read_logo, read_theme};
use crate::output::{Carried, OutputDir, Staging, WriteError};
use crate::render::{Cost, Format, RenderError, RenderOptions, Renderer};
use crate::timings::Timings;

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
    /// Build for students (`--student`): only what holds no answers (flashcards, worksheets,
    /// the Anki package and `cards.tsv`), no teacher page; safe to publish.
    pub student: bool,
    /// The folder of the pages' own stylesheet (`--theme`); by default the course's `theme/`
    /// folder, if it has one.
    pub theme: Option<PathBuf>,
    /// Shows a line to the user while the build runs: that it waits for another build into
    /// the same output folder, or that it put back an interrupted build's previous output.
    pub notify: Option<fn(&str)>,
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

impl BuildError {
    /// The error with `diagnostics`, the warnings found before it, when it carries them.
    fn with(self, diagnostics: Diagnostics) -> BuildError {
        match self {
            BuildError::Render(e, _) => BuildError::Render(e, diagnostics),
            BuildError::Write(e, _) => BuildError::Write(e, diagnostics),
            other => other,
        }
    }
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
    /// The teacher page (none in a student build).
    pub teacher: Option<PathBuf>,
    /// Warnings.
    pub diagnostics: Diagnostics,
    /// What happened to files already in the output folder.
    pub carried: Carried,
    /// How long each stage took, and how much each format made.
    pub timings: Timings,
    /// What generation could not make well, deck by deck (of the decks built).
    pub generation: Vec<decksmith_quiz::DeckReport>,
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
            .chain(decksmith_html::strings::keys())
            .chain(decksmith_pdf::words::WORDS.iter().map(|(key, ..)| *key))
            .map(str::to_owned)
            .collect(),
        renamed_string_keys: decksmith_quiz::phrases::RENAMED
            .iter()
            .map(|(old, new)| ((*old).to_owned(), (*new).to_owned()))
            .collect(),
    }
}

/// Builds the decks.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut timings = Timings::default();
    // First of all, and held to the end: the output folder locked against other builds, and
    // put back whole if an earlier build died in its swap. Everything read from it below (the
    // revision history, the manifest) is read after that.
    let out = OutputDir::open(&options.out, &|line| {
        if let Some(notify) = options.notify {
            notify(line);
        }
    })
    .map_err(|e| BuildError::Write(e, Diagnostics::new()))?;
    let Input {
        course,
        mut diagnostics,
        theme,
        logo,
    } = read_and_load(options, started, &mut timings)?;
    check_deck_ids(&course, &options.decks)?;

    let generated = generate_decks(&course, options, &mut diagnostics, &mut timings)?;

    let history = match read_history(&out) {
        Ok(history) => history,
        Err(error) => return Err(error.with(diagnostics)),
    };
    // Read before the new output is started: decks not rebuilt keep their earlier files, and
    // the index links to whatever each has.
    let previous = previous_files(out.path());
    let stage = Instant::now();
    let renderer = renderer(options, theme, logo)?;
    timings.stage("prepare renderers", stage);

    let staging = match out.begin() {
        Ok(staging) => staging,
        Err(e) => return Err(BuildError::Write(e, diagnostics)),
    };
    let stage = Instant::now();
    let selected = |id: &str| options.decks.is_empty() || options.decks.iter().any(|d| d == id);
    let jobs: Vec<(&Deck, &DeckOutput)> = course
        .decks
        .iter()
        .zip(&generated.decks)
        .filter(|(deck, _)| selected(&deck.id))
        .collect();
    let results = render_decks(&renderer, &course, &jobs, &history, &staging);
    let mut revisions = history;
    let lines = match gather(results, &mut diagnostics, &mut revisions, &mut timings) {
        Ok(lines) => lines,
        Err(error) => return Err(error.with(diagnostics)),
    };
    timings.stage("render and write decks", stage);
    if options.deny_warnings && diagnostics.warning_count() > 0 {
        return Err(BuildError::Content(diagnostics));
    }

    let stage = Instant::now();
    let previous: Vec<String> = previous
        .into_iter()
        .filter(|path| !options.student || for_students(path))
        .collect();
    let summaries = deck_summaries(&course, &generated.decks, &lines, &previous);
    // Decks not built this time keep their earlier files; in a student build, only those
    // that hold no answers (an earlier full build's answer keys are not carried over).
    let kept = |path: &str| {
        !options.decks.is_empty()
            && course
                .decks
                .iter()
                .any(|d| !selected(&d.id) && path.starts_with(&format!("{}/", d.id)))
            && (!options.student || for_students(path))
    };
    let (carried, teacher) = match finish(&renderer, &course, &summaries, &revisions, staging, kept)
    {
        Ok(done) => done,
        Err(error) => return Err(error.with(diagnostics)),
    };
    timings.stage("index and swap", stage);
    timings.total = started.elapsed();
    timings.entries = course.entries().count();
    timings.decks = course.decks.len();
    timings.cards = generated.decks.iter().map(|d| d.cards.len()).sum();
    let generation = generated
        .reports
        .iter()
        .filter(|r| selected(&r.deck))
        .cloned()
        .collect();
    Ok(BuildReport {
        decks: lines,
        index: options.out.join("index.html"),
        teacher: teacher.map(|name| options.out.join(name)),
        diagnostics,
        carried,
        timings,
        generation,
    })
}

/// What a build reads from the course folder.
struct Input {
    course: Course,
    /// Its warnings.
    diagnostics: Diagnostics,
    theme: Option<Theme>,
    logo: Option<Logo>,
}

/// Reads the course folder and its theme, then loads the course, checks the quotes against
/// their sources and reads the logo. (`started`: when the build started, which the "read"
/// stage counts from.)
fn read_and_load(
    options: &BuildOptions,
    started: Instant,
    timings: &mut Timings,
) -> Result<Input, BuildError> {
    let theme = read_theme(&options.content, options.theme.as_deref());
    // A theme's error is reported with the content's, in the same run.
    let (theme, theme_error) = match theme {
        Ok(theme) => (theme, None),
        Err(error) => (None, Some(*error)),
    };
    let input = match read_content(&options.content) {
        Ok(input) => input,
        Err(mut diagnostics) => {
            diagnostics.extend(theme_error);
            return Err(BuildError::Content(diagnostics));
        }
    };
    timings.stage("read", started);
    let stage = Instant::now();
    let loaded = load(&input, &load_options());
    drop(input);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(theme_error);
    let Some(course) = loaded.course else {
        return Err(BuildError::Content(diagnostics));
    };
    diagnostics.extend(check_source_quotes(&options.content, &course));
    let logo = match read_logo(&options.content, &course) {
        Ok(logo) => logo,
        Err(error) => {
            diagnostics.push(*error);
            None
        }
    };
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    timings.stage("load and validate", stage);
    Ok(Input {
        course,
        diagnostics,
        theme,
        logo,
    })
}

/// The renderers of the formats asked for (all, if none), with the build's print settings.
fn renderer(
    options: &BuildOptions,
    theme: Option<Theme>,
    logo: Option<Logo>,
) -> Result<Renderer, BuildError> {
    Renderer::new(RenderOptions {
        formats: if options.formats.is_empty() {
            Format::ALL.to_vec()
        } else {
            options.formats.clone()
        },
        paper: options.paper,
        layout: options.layout,
        duplex: options.duplex,
        student: options.student,
        theme,
        logo,
    })
    .map_err(|e| BuildError::Render(e, Diagnostics::new()))
}

/// The course's cards and quizzes, with generation's warnings added to `diagnostics`; fails
/// on its errors (a pinned or excluded question that does not exist).
fn generate_decks(
    course: &Course,
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    timings: &mut Timings,
) -> Result<Generated, BuildError> {
    let stage = Instant::now();
    let (generated, warnings) = generate(
        course,
        &GenerateOptions {
            seed: options.seed,
            variants: options.variants,
        },
    );
    diagnostics.extend(warnings);
    if diagnostics.has_errors() {
        return Err(BuildError::Content(std::mem::take(diagnostics)));
    }
    timings.stage("generate", stage);
    Ok(generated)
}

/// Every `--deck` given names a deck of the course.
fn check_deck_ids(course: &Course, ids: &[String]) -> Result<(), BuildError> {
    for id in ids {
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
    Ok(())
}

/// The Anki notes' revision history, kept in the output folder: an edited note gets a later
/// time than the one it had, so importing the new package updates it.
fn read_history(out: &OutputDir) -> Result<Revisions, BuildError> {
    let floor =
        Revision::from_source_date_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
            .map_err(|e| BuildError::Environment(e.to_string()))?;
    let history_path = out.path().join(REVISIONS);
    match std::fs::read_to_string(&history_path) {
        Ok(text) => Ok(Revisions::parse(&text, floor)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Revisions {
            floor,
            ..Revisions::default()
        }),
        // Building without it would give edited notes times Anki does not take as updates.
        Err(error) => Err(BuildError::Write(
            WriteError::Io {
                action: "read",
                path: history_path,
                error,
            },
            Diagnostics::new(),
        )),
    }
}

/// Renders the decks on all cores; each deck's files go into the new output as soon as they
/// are made, so the whole output is never in memory at once. Results in deck order.
fn render_decks(
    renderer: &Renderer,
    course: &Course,
    jobs: &[(&Deck, &DeckOutput)],
    history: &Revisions,
    staging: &Staging<'_>,
) -> Vec<Result<DeckDone, BuildError>> {
    jobs.par_iter()
        .map(|(deck, output)| {
            let rendered = renderer
                .deck(course, deck, output, history)
                .map_err(|e| BuildError::Render(e, Diagnostics::new()))?;
            let written = Instant::now();
            for file in &rendered.files {
                staging
                    .write(&file.path, &file.bytes)
                    .map_err(|e| BuildError::Write(e, Diagnostics::new()))?;
            }
            Ok(DeckDone {
                line: DeckLine {
                    id: deck.id.clone(),
                    cards: output.cards.len(),
                    questions: output.quiz.questions.len(),
                    files: rendered.files.iter().map(|f| f.name().to_owned()).collect(),
                },
                warnings: rendered.warnings,
                anki_notes: rendered.anki_notes,
                costs: rendered.costs,
                write_time: written.elapsed(),
            })
        })
        .collect()
}

/// Writes the index page, the teacher page and the revision history into the new output,
/// then swaps it in, carrying over the files `kept` says to keep; what was carried, and the
/// teacher page's name if there is one.
fn finish(
    renderer: &Renderer,
    course: &Course,
    summaries: &[DeckSummary<'_>],
    revisions: &Revisions,
    staging: Staging<'_>,
    kept: impl Fn(&str) -> bool,
) -> Result<(Carried, Option<String>), BuildError> {
    let render = |e| BuildError::Render(e, Diagnostics::new());
    let index = renderer.index(course, summaries).map_err(render)?;
    let teacher = renderer.teacher(course, summaries).map_err(render)?;
    let teacher_name = teacher.as_ref().map(|f| f.path.clone());
    let mut last: Vec<OutFile> = vec![index];
    last.extend(teacher);
    if !revisions.notes.is_empty() {
        last.push(OutFile {
            path: REVISIONS.to_owned(),
            bytes: revisions.to_text().into_bytes(),
        });
    }
    for file in &last {
        staging
            .write(&file.path, &file.bytes)
            .map_err(|e| BuildError::Write(e, Diagnostics::new()))?;
    }
    let carried = staging
        .commit(kept)
        .map_err(|e| BuildError::Write(e, Diagnostics::new()))?;
    Ok((carried, teacher_name))
}

/// Whether the file at `path` (`un-track/worksheet.pdf`) holds no answers.
fn for_students(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    Audience::of(name) == Audience::Students
}

/// The rendered decks' lines, in deck order, with their warnings, note revisions and costs
/// added to the build's; or the first failure.
fn gather(
    results: Vec<Result<DeckDone, BuildError>>,
    diagnostics: &mut Diagnostics,
    revisions: &mut Revisions,
    timings: &mut Timings,
) -> Result<Vec<DeckLine>, BuildError> {
    let mut lines = Vec::new();
    for result in results {
        let done = result?;
        diagnostics.extend(done.warnings);
        revisions.notes.extend(done.anki_notes);
        for cost in done.costs {
            match cost.file {
                Some(file) => timings.file(cost.format.name(), file, cost.time, cost.bytes),
                None => timings.format(cost.format.name(), cost.time, cost.bytes),
            }
        }
        timings.writing += done.write_time;
        lines.push(done.line);
    }
    Ok(lines)
}

/// What the index page shows of each deck: the files made now, or for a deck not built this
/// time, the files it has from before.
fn deck_summaries<'c>(
    course: &'c Course,
    outputs: &[DeckOutput],
    lines: &[DeckLine],
    previous: &[String],
) -> Vec<DeckSummary<'c>> {
    course
        .decks
        .iter()
        .zip(outputs)
        .map(|(deck, output)| {
            let names = lines
                .iter()
                .find(|l| l.id == deck.id)
                .map(|l| l.files.clone())
                .unwrap_or_else(|| {
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
                        label: file_label(name, course),
                        href: format!("{}/{name}", deck.id),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// What rendering and writing one deck gave.
struct DeckDone {
    line: DeckLine,
    warnings: Vec<decksmith_model::Diagnostic>,
    anki_notes: decksmith_export::anki::Given,
    costs: Vec<Cost>,
    write_time: std::time::Duration,
}

/// The files listed in the output folder's manifest, if it has one.
fn previous_files(out: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(out.join(crate::output::MANIFEST))
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}
