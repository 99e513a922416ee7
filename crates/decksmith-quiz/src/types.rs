//! What generation produces: flashcards and quizzes, ready for any renderer.
//!
//! These types are the boundary between generation and rendering. They hold plain strings in
//! the course's language, never YAML or markup; every renderer (HTML, PDF, JSON, exports)
//! reads the same values. Serializing a [`Quiz`] gives `quiz.json`, documented by
//! `crates/decksmith-quiz/quiz.schema.json`.

use decksmith_model::Location;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::phrases::{BUILT_IN, PHRASES, Phrasebook};

pub use decksmith_model::QuestionKind;

/// Everything generated for a course.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The seed used.
    pub seed: u64,
    /// One set per deck, in course order.
    pub decks: Vec<DeckOutput>,
    /// What could not be made, per deck, in course order.
    pub reports: Vec<crate::DeckReport>,
}

/// The cards and quizzes of one deck.
#[derive(Clone, Debug)]
pub struct DeckOutput {
    /// The deck's id.
    pub deck: String,
    /// Flashcards, numbered from 1 in deck order (a reverse card follows its forward card).
    pub cards: Vec<Card>,
    /// The quiz.
    pub quiz: Quiz,
    /// Forms A, B, …: the same questions as `quiz`, in other orders (empty unless variants
    /// were asked for).
    pub variants: Vec<Quiz>,
}

/// A flashcard.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    /// Stable id: the entry's id, with `-reverse` for a reverse card.
    pub id: String,
    /// Position in the deck, from 1.
    pub number: u32,
    /// The entry it comes from.
    pub entry: String,
    /// The entry's kind (`term`, `person`, …).
    pub kind: &'static str,
    /// Whether this is the reverse of another card.
    pub reverse: bool,
    /// The side shown first.
    pub front: Side,
    /// The side with the answer.
    pub back: Side,
    /// The entry's tags.
    pub tags: Vec<String>,
    /// Where the content comes from.
    pub sources: Vec<CitationView>,
    /// Where the entry is written (for warnings from renderers).
    #[serde(skip)]
    pub origin: Location,
}

/// One side of a card: a main text and further lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The main text, shown large.
    pub text: String,
    /// The language of `text` when it is not the course's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Further lines, shown smaller.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Line>,
}

impl Side {
    /// A side with only a main text.
    pub fn new(text: impl Into<String>) -> Side {
        Side {
            text: text.into(),
            lang: None,
            lines: Vec::new(),
        }
    }

    /// The side as one plain string: the main text, then each line on its own line.
    pub fn plain(&self) -> String {
        let mut out = self.text.clone();
        for line in &self.lines {
            out.push('\n');
            out.push_str(&line.text);
        }
        out
    }
}

/// A secondary line on a card side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Its language, when not the course's (a translation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// What the line is.
    pub role: LineRole,
}

/// What a secondary line is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineRole {
    /// More of the answer (a meaning under an expansion, a date range).
    Detail,
    /// The same in another language.
    Translation,
    /// The teacher's explanation.
    Note,
}

/// A citation, resolved for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitationView {
    /// The source's id.
    pub id: String,
    /// Its short name, for footers.
    pub short: String,
    /// Its full title.
    pub title: String,
    /// Where in the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<LocatorView>,
    /// Where it is online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where in a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocatorView {
    /// A short phrase quoted from the passage.
    Quote(String),
    /// A paragraph, from 1.
    Paragraph(u32),
    /// A page.
    Page(String),
}

impl CitationView {
    /// The citation for a footer, worded by `phrases` (`cite.quote`, `cite.paragraph`,
    /// `cite.page`): `RIAC/EWI brief, “escalating for three years”`.
    pub fn label(&self, phrases: &Phrasebook<'_>) -> String {
        let source = ("source", self.short.as_str());
        match &self.locator {
            None => self.short.clone(),
            Some(LocatorView::Quote(quote)) => {
                phrases.get("cite.quote", &[source, ("quote", quote)])
            }
            Some(LocatorView::Paragraph(p)) => {
                phrases.get("cite.paragraph", &[source, ("paragraph", &p.to_string())])
            }
            Some(LocatorView::Page(page)) => phrases.get("cite.page", &[source, ("page", page)]),
        }
    }

    /// The citation for a footer in `language`'s built-in words, without a course's
    /// `strings:`. Renderers should call [`CitationView::label`] with the course's
    /// phrasebook instead; this stays until they do.
    pub fn display(&self, language: &str) -> String {
        self.label(&Phrasebook::new(PHRASES, language, &BUILT_IN))
    }
}

/// A quiz: the questions of one deck, in one order.
#[derive(Clone, Debug, Serialize)]
pub struct Quiz {
    /// The deck's id.
    pub deck: String,
    /// The deck's title.
    pub title: String,
    /// The seed it was generated with.
    pub seed: u64,
    /// `A`, `B`, … for a variant form; `None` for the main quiz.
    pub variant: Option<String>,
    /// The questions, numbered from 1.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug)]
pub struct Question {
    /// Stable id: the entry's id, the kind and a part (`oewg:multiple-choice:expansion`).
    pub id: String,
    /// Position in its quiz, from 1.
    pub number: u32,
    /// What is asked, by kind.
    pub body: Body,
    /// The entry it comes from (the first, for questions over several entries).
    pub entry: String,
    /// Every entry it draws on.
    pub entries: Vec<String>,
    /// Why the answer is right.
    pub explanation: String,
    /// The teacher's note on its entries, for answer keys (never shown to students).
    pub note: Option<String>,
    /// Where the content comes from.
    pub sources: Vec<CitationView>,
    /// Where the (first) entry is written.
    pub origin: Location,
}

impl Question {
    /// The kind of question.
    pub fn kind(&self) -> QuestionKind {
        self.body.kind()
    }
}

/// The kind-specific part of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Recall, then check the back.
    Flashcard {
        /// The side shown.
        front: String,
        /// The answer side.
        back: String,
    },
    /// Fill in the blanks.
    Cloze(ClozeBody),
    /// Choose the one correct option.
    MultipleChoice(Choice),
    /// Judge a statement.
    TrueFalse {
        /// The statement.
        statement: String,
        /// Whether it is true.
        answer: bool,
    },
    /// Match each item on the left with one on the right.
    Matching(Matching),
    /// Put events in order.
    Timeline(Timeline),
    /// Who said it, or who is it.
    Who(Choice),
}

impl Body {
    /// The kind of question.
    pub fn kind(&self) -> QuestionKind {
        match self {
            Body::Flashcard { .. } => QuestionKind::Flashcard,
            Body::Cloze(_) => QuestionKind::Cloze,
            Body::MultipleChoice(_) => QuestionKind::MultipleChoice,
            Body::TrueFalse { .. } => QuestionKind::TrueFalse,
            Body::Matching(_) => QuestionKind::Matching,
            Body::Timeline(_) => QuestionKind::Timeline,
            Body::Who(_) => QuestionKind::Who,
        }
    }
}

/// A fill-in-the-blank question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClozeBody {
    /// The statement with each blank written as `____`.
    pub text: String,
    /// One per blank, in order.
    pub blanks: Vec<BlankAnswer>,
}

/// What fills a blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlankAnswer {
    /// The answer as the fact has it.
    pub answer: String,
    /// Every answer accepted when typed: the answer first, then alternatives and aliases.
    pub accept: Vec<String>,
}

/// A question with options, one correct.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The question.
    pub prompt: String,
    /// The options, in the order shown.
    pub options: Vec<String>,
    /// The index of the correct option.
    pub answer: usize,
    /// The language of the options when it is not the course's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Whether the options stand in their natural order (years, dates and numbers, earliest
    /// or smallest first), which every form keeps instead of shuffling them.
    #[serde(skip)]
    pub ordered: bool,
}

/// Pairs to match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Matching {
    /// The instruction.
    pub prompt: String,
    /// Items to match, in the order shown.
    pub left: Vec<String>,
    /// What they match, in the order shown.
    pub right: Vec<String>,
    /// The correct pairs, as `[left index, right index]`, by left index.
    pub pairs: Vec<(usize, usize)>,
}

/// Events to put in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The instruction.
    pub prompt: String,
    /// The events, in the (shuffled) order shown.
    pub items: Vec<String>,
    /// The item indices in chronological order, earliest first.
    pub order: Vec<usize>,
    /// The date of each item, as shown in answer keys.
    pub dates: Vec<String>,
}

impl Serialize for Question {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Question", 12)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("number", &self.number)?;
        s.serialize_field("kind", self.kind().name())?;
        match &self.body {
            Body::Flashcard { front, back } => {
                s.serialize_field("front", front)?;
                s.serialize_field("back", back)?;
            }
            Body::Cloze(cloze) => {
                s.serialize_field("text", &cloze.text)?;
                let answers: Vec<&str> = cloze.blanks.iter().map(|b| b.answer.as_str()).collect();
                let accept: Vec<&Vec<String>> = cloze.blanks.iter().map(|b| &b.accept).collect();
                s.serialize_field("answers", &answers)?;
                s.serialize_field("accept", &accept)?;
            }
            Body::MultipleChoice(choice) | Body::Who(choice) => {
                s.serialize_field("prompt", &choice.prompt)?;
                s.serialize_field("options", &choice.options)?;
                s.serialize_field("answer", &choice.answer)?;
                if let Some(lang) = &choice.lang {
                    s.serialize_field("lang", lang)?;
                }
            }
            Body::TrueFalse { statement, answer } => {
                s.serialize_field("statement", statement)?;
                s.serialize_field("answer", answer)?;
            }
            Body::Matching(m) => {
                s.serialize_field("prompt", &m.prompt)?;
                s.serialize_field("left", &m.left)?;
                s.serialize_field("right", &m.right)?;
                s.serialize_field("pairs", &m.pairs)?;
            }
            Body::Timeline(t) => {
                s.serialize_field("prompt", &t.prompt)?;
                s.serialize_field("items", &t.items)?;
                s.serialize_field("order", &t.order)?;
                s.serialize_field("dates", &t.dates)?;
            }
        }
        s.serialize_field("entry", &self.entry)?;
        s.serialize_field("entries", &self.entries)?;
        s.serialize_field("explanation", &self.explanation)?;
        if let Some(note) = &self.note {
            s.serialize_field("note", note)?;
        }
        s.serialize_field("sources", &self.sources)?;
        s.end()
    }
}
