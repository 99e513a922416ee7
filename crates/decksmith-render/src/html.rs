//! The study pages: the course index, a deck's flashcards and its quiz.
//!
//! Templates are askama files in the top-level `templates/` folder, compiled into the binary
//! (so rendering does no file IO and no template parsing at run time). Values reach the
//! templates through the view structs below; askama escapes all of them.

use askama::Template;
use decksmith_model::{Course, Deck};
use decksmith_quiz::{Card, DeckOutput, Question, Quiz};

/// A link to one of a deck's files.
#[derive(Clone, Debug)]
pub struct FileLink {
    /// What the file is ("Flashcards (PDF)").
    pub label: String,
    /// Its path relative to the index page.
    pub href: String,
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

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    course: &'a Course,
    decks: &'a [DeckSummary<'a>],
}

#[derive(Template)]
#[template(path = "flashcards.html")]
struct FlashcardsPage<'a> {
    course: &'a Course,
    deck: &'a Deck,
    cards: &'a [Card],
}

#[derive(Template)]
#[template(path = "quiz.html")]
struct QuizPage<'a> {
    course: &'a Course,
    deck: &'a Deck,
    questions: &'a [Question],
}

/// The course's index page.
pub fn index(course: &Course, decks: &[DeckSummary<'_>]) -> Result<String, askama::Error> {
    IndexPage { course, decks }.render()
}

/// A deck's flashcards page.
pub fn flashcards(
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
) -> Result<String, askama::Error> {
    FlashcardsPage {
        course,
        deck,
        cards: &output.cards,
    }
    .render()
}

/// A deck's quiz page.
pub fn quiz(course: &Course, deck: &Deck, quiz: &Quiz) -> Result<String, askama::Error> {
    QuizPage {
        course,
        deck,
        questions: &quiz.questions,
    }
    .render()
}
