//! The study pages of decksmith: the course index, a deck's flashcards and its quizzes.
//!
//! [`deck_files`] turns a generated deck into its pages, [`index_file`] makes the course's
//! index page (study material only) and [`teacher_file`] the teacher page (the answers);
//! all return files as values ([`OutFile`]) and do no IO. [`Assets`]
//! is made once per build.
//!
//! Templates are askama files in the top-level `templates/` folder, compiled into the binary
//! (so rendering does no file IO and no template parsing at run time). Values reach the
//! templates through the view structs in `view`; askama escapes all of them. The pages'
//! stylesheet and scripts are `templates/study.css`, `templates/flashcards.js` (after
//! `templates/fsrs.js`, its FSRS-6 scheduler) and
//! `templates/quiz.js`, put inline into every page so that each page is one file that works
//! offline, opened from disk. A Content-Security-Policy names their hashes, so the browser
//! runs no other script and loads nothing from anywhere.
//!
//! Every variant form of a quiz gets its own page (`quiz-A.html`, …) with links between the
//! forms: a form is what one student gets, printed with its own answer key, and a page per
//! form keeps each page as small as the main quiz.

mod embed;
mod marked;
pub mod strings;
mod view;

#[cfg(test)]
mod tests;

use std::fmt;

use askama::Template;
use decksmith_files::OutFile;
use decksmith_model::{Course, Deck};
use decksmith_quiz::{DeckOutput, Quiz};

pub use embed::script_json;
use strings::Ui;
use view::{CardView, FormLink, IndexDeck, Page, QuestionView};

/// A page could not be made: a bug, not a content mistake (those are diagnostics).
#[derive(Debug)]
pub enum HtmlError {
    /// A template failed to render.
    Template {
        /// The page, relative to the output folder.
        page: String,
        /// What askama said.
        source: askama::Error,
    },
    /// The data a page's script reads could not be written as JSON.
    ScriptData {
        /// The page, relative to the output folder.
        page: String,
        /// What serde_json said.
        source: serde_json::Error,
    },
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HtmlError::Template { page, source } => {
                write!(f, "failed to render {page} ({source})")
            }
            HtmlError::ScriptData { page, source } => {
                write!(f, "failed to render {page} ({source})")
            }
        }
    }
}

impl std::error::Error for HtmlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HtmlError::Template { source, .. } => Some(source),
            HtmlError::ScriptData { source, .. } => Some(source),
        }
    }
}

/// What a deck's file is, for links on the index page, in the course's interface language
/// (`quiz-A.json` → `Quiz, form A (JSON)`).
pub fn file_label(name: &str, course: &Course) -> String {
    Ui::new(course).file_label(name)
}

/// A link to one of a deck's files.
#[derive(Clone, Debug)]
pub struct FileLink {
    /// What the file is ("Flashcards (PDF)").
    pub label: String,
    /// Its path relative to the index page.
    pub href: String,
}

impl FileLink {
    /// The file's name: the last part of its path (`answer-key.pdf`).
    pub fn name(&self) -> &str {
        self.href.rsplit('/').next().unwrap_or(&self.href)
    }
}

/// A deck as the index page lists it.
#[derive(Clone, Debug)]
pub struct DeckSummary<'a> {
    /// The deck.
    pub deck: &'a Deck,
    /// How many cards.
    pub cards: usize,
    /// How many questions in the quiz.
    pub questions: usize,
    /// Its files.
    pub files: Vec<FileLink>,
}

/// The stylesheet and scripts every page carries inline, with the Content-Security-Policy
/// of each page; prepared once per build.
#[derive(Clone, Debug)]
pub struct Assets {
    css: String,
    flashcards_js: String,
    quiz_js: String,
    csp_index: String,
    csp_flashcards: String,
    csp_quiz: String,
}

/// A course's own stylesheet (its `theme/study.css`), which extends the built-in one (its
/// rules come after, so they win) or replaces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    /// The stylesheet. It must not hold `</style`, which would end the page's `<style>`
    /// element (the driver checks that, with the position, before it gets here).
    pub css: String,
    /// Whether it replaces the built-in stylesheet rather than extending it.
    pub replace: bool,
}

impl Theme {
    /// The comment that, at the start of a theme's `study.css`, makes it replace the
    /// built-in stylesheet instead of extending it.
    pub const REPLACE: &'static str = "/* decksmith: replace */";

    /// A theme from its stylesheet's text: replacing when it starts with [`Theme::REPLACE`].
    pub fn from_css(css: &str) -> Theme {
        let css = css.strip_prefix('\u{feff}').unwrap_or(css);
        Theme {
            replace: css.trim_start().starts_with(Theme::REPLACE),
            css: css.to_owned(),
        }
    }

    /// Where `</style` first occurs in `css` (any case), as a byte offset: text there would
    /// end the page's `<style>` element.
    pub fn closing_tag(css: &str) -> Option<usize> {
        css.as_bytes()
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"</style"))
    }
}

impl Assets {
    /// The assets from `templates/`, with their hashes.
    pub fn new() -> Assets {
        Assets::themed(None)
    }

    /// The assets, with a course's own stylesheet after (or instead of) the built-in one.
    pub fn themed(theme: Option<&Theme>) -> Assets {
        // The HTML parser turns CR LF into LF before the browser hashes an inline element,
        // so the text is normalized the same way (a template saved on Windows still runs).
        let normalize = |text: &str| text.replace("\r\n", "\n");
        let built_in = include_str!("../../../templates/study.css");
        let css = normalize(&match theme {
            None => built_in.to_owned(),
            Some(theme) if theme.replace => theme.css.clone(),
            Some(theme) => format!(
                "{built_in}\n/* The course's own theme (theme/study.css). */\n{}",
                theme.css
            ),
        });
        // Belt and braces: text that would end the <style> element never reaches a page.
        let css = match Theme::closing_tag(&css) {
            Some(_) => css.replace("</", "<\\/"),
            None => css,
        };
        // The scheduler first: the study script reads `DecksmithFSRS`.
        let flashcards_js = normalize(concat!(
            include_str!("../../../templates/fsrs.js"),
            "\n",
            include_str!("../../../templates/flashcards.js")
        ));
        let quiz_js = normalize(include_str!("../../../templates/quiz.js"));
        let csp = |script: Option<&str>| {
            let script = script.map_or_else(|| "'none'".to_owned(), embed::csp_hash);
            format!(
                "default-src 'none'; style-src {}; script-src {script}; base-uri 'none'; \
                 form-action 'none'",
                embed::csp_hash(&css)
            )
        };
        Assets {
            csp_index: csp(None),
            csp_flashcards: csp(Some(&flashcards_js)),
            csp_quiz: csp(Some(&quiz_js)),
            css,
            flashcards_js,
            quiz_js,
        }
    }
}

impl Default for Assets {
    fn default() -> Assets {
        Assets::new()
    }
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    page: Page<'a>,
    ui: &'a Ui<'a>,
    course: &'a Course,
    decks: Vec<IndexDeck<'a>>,
}

#[derive(Template)]
#[template(path = "teacher.html")]
struct TeacherPage<'a> {
    page: Page<'a>,
    ui: &'a Ui<'a>,
    course: &'a Course,
    decks: Vec<IndexDeck<'a>>,
}

#[derive(Template)]
#[template(path = "flashcards.html")]
struct FlashcardsPage<'a> {
    page: Page<'a>,
    ui: &'a Ui<'a>,
    course: &'a Course,
    deck: &'a Deck,
    cards: Vec<CardView<'a>>,
    total: usize,
    count: String,
    data: String,
}

#[derive(Template)]
#[template(path = "quiz.html")]
struct QuizPage<'a> {
    page: Page<'a>,
    ui: &'a Ui<'a>,
    course: &'a Course,
    heading: String,
    forms: Vec<FormLink>,
    questions: Vec<QuestionView<'a>>,
    data: String,
}

/// The teacher page, `teacher.html`: each deck's answer keys, `quiz.json` and question banks,
/// then its study material. The index page does not link it: it is the teacher's to open.
pub fn teacher_file(
    assets: &Assets,
    course: &Course,
    decks: &[DeckSummary<'_>],
) -> Result<OutFile, HtmlError> {
    let ui = Ui::new(course);
    let page = TeacherPage {
        page: Page {
            lang: &course.language,
            title: format!("{} · {}", ui.t("ui.teacher"), course.title),
            csp: &assets.csp_index,
            css: &assets.css,
            script: "",
        },
        ui: &ui,
        course,
        decks: decks.iter().map(|d| IndexDeck::new(&ui, d)).collect(),
    }
    .render()
    .map_err(|source| HtmlError::Template {
        page: TEACHER_PAGE.to_owned(),
        source,
    })?;
    Ok(OutFile::new(TEACHER_PAGE, page))
}

/// The teacher page's name in the output folder.
pub const TEACHER_PAGE: &str = "teacher.html";

/// The course's index page, `index.html`: each deck's study material, never its answers.
pub fn index_file(
    assets: &Assets,
    course: &Course,
    decks: &[DeckSummary<'_>],
) -> Result<OutFile, HtmlError> {
    let page = index(assets, course, decks).map_err(|source| HtmlError::Template {
        page: "index.html".to_owned(),
        source,
    })?;
    Ok(OutFile::new("index.html", page))
}

/// The course's index page.
pub fn index(
    assets: &Assets,
    course: &Course,
    decks: &[DeckSummary<'_>],
) -> Result<String, askama::Error> {
    let ui = Ui::new(course);
    IndexPage {
        page: Page {
            lang: &course.language,
            title: course.title.clone(),
            csp: &assets.csp_index,
            css: &assets.css,
            script: "",
        },
        ui: &ui,
        course,
        decks: decks.iter().map(|d| IndexDeck::new(&ui, d)).collect(),
    }
    .render()
}

/// A deck's flashcards page.
pub fn flashcards(
    assets: &Assets,
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
) -> Result<String, HtmlError> {
    let path = format!("{}/flashcards.html", deck.id);
    let ui = Ui::for_deck(course, deck);
    let data = view::FlashcardsData {
        store: view::store_key(course, deck, "flashcards"),
        course: &course.title,
        deck: &deck.id,
        file_name: format!("{}-progress.json", deck.id),
        new_per_day: view::NEW_CARDS_PER_DAY,
        seed: course.seed,
        strings: ui.for_script(),
    };
    let total = output.cards.len();
    FlashcardsPage {
        page: Page {
            lang: course.language_of(deck),
            title: format!(
                "{}: {} · {}",
                ui.t("ui.flashcards"),
                deck.title,
                course.title
            ),
            csp: &assets.csp_flashcards,
            css: &assets.css,
            script: &assets.flashcards_js,
        },
        cards: output
            .cards
            .iter()
            .map(|card| CardView::new(&ui, card, total))
            .collect(),
        ui: &ui,
        course,
        deck,
        total,
        count: ui.count("ui.cards-count", total),
        data: script_json(&data).map_err(|source| HtmlError::ScriptData {
            page: path.clone(),
            source,
        })?,
    }
    .render()
    .map_err(|source| HtmlError::Template { page: path, source })
}

/// The page name of a quiz form: `quiz.html`, `quiz-A.html`, ….
pub fn quiz_page_name(quiz: &Quiz) -> String {
    match &quiz.variant {
        Some(v) => format!("quiz-{v}.html"),
        None => "quiz.html".to_owned(),
    }
}

/// A deck's quiz page, for one form of the quiz; `forms` are every form of it, for the
/// links between them.
pub fn quiz(
    assets: &Assets,
    course: &Course,
    deck: &Deck,
    quiz: &Quiz,
    forms: &[&Quiz],
) -> Result<String, HtmlError> {
    let path = format!("{}/{}", deck.id, quiz_page_name(quiz));
    let ui = Ui::for_deck(course, deck);
    let mut heading = ui.fill("ui.quiz-title", &[("deck", &deck.title)]);
    if let Some(v) = &quiz.variant {
        heading = format!("{heading} · {} {v}", ui.t("ui.form"));
    }
    let questions: Vec<QuestionView<'_>> = quiz
        .questions
        .iter()
        .map(|q| QuestionView::new(&ui, q))
        .collect();
    let data = view::QuizData {
        strings: ui.for_script(),
        questions: questions.iter().map(|q| q.data.clone()).collect(),
    };
    let form_links = if forms.len() > 1 {
        forms
            .iter()
            .map(|form| FormLink {
                label: match &form.variant {
                    Some(v) => v.clone(),
                    None => ui.t("ui.form-main").to_owned(),
                },
                href: quiz_page_name(form),
                current: form.variant == quiz.variant,
            })
            .collect()
    } else {
        Vec::new()
    };
    QuizPage {
        page: Page {
            lang: course.language_of(deck),
            title: format!("{heading} · {}", course.title),
            csp: &assets.csp_quiz,
            css: &assets.css,
            script: &assets.quiz_js,
        },
        ui: &ui,
        course,
        heading,
        forms: form_links,
        questions,
        data: script_json(&data).map_err(|source| HtmlError::ScriptData {
            page: path.clone(),
            source,
        })?,
    }
    .render()
    .map_err(|source| HtmlError::Template { page: path, source })
}

/// `flashcards.html`, `quiz.html`, and `quiz-A.html`, … for the variant forms.
pub fn deck_files(
    assets: &Assets,
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
) -> Result<Vec<OutFile>, HtmlError> {
    let mut files = vec![OutFile::new(
        format!("{}/flashcards.html", deck.id),
        flashcards(assets, course, deck, output)?,
    )];
    let forms: Vec<&Quiz> = std::iter::once(&output.quiz)
        .chain(&output.variants)
        .collect();
    for form in &forms {
        files.push(OutFile::new(
            format!("{}/{}", deck.id, quiz_page_name(form)),
            quiz(assets, course, deck, form, &forms)?,
        ));
    }
    Ok(files)
}
