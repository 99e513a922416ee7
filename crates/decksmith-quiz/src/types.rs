//! What generation produces: flashcards and quizzes, ready for any renderer.
//!
//! These types are the boundary between generation and rendering. They hold plain strings in
//! the course's language, never YAML or markup; every renderer (HTML, PDF, JSON, exports)
//! reads the same values. Serializing a [`Quiz`] gives `quiz.json`, whose JSON Schema is
//! derived from these types ([`crate::schema`]) and published as
//! `crates/decksmith-quiz/quiz.schema.json`.

use decksmith_model::Location;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use crate::phrases::Phrasebook;

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
    /// The card's GUID ([`crate::guid::guid`] of the course title, deck id and card id): the
    /// GUID of its note in `deck.apkg`, and the key of its progress in `flashcards.html`.
    pub guid: String,
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
    /// Other answers that are right too ("Also right: connected, interlinked"): not more
    /// to recall.
    Also,
}

/// A citation, resolved for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CitationView {
    /// The source's id.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Its short name, for footers.
    #[schemars(length(min = 1))]
    pub short: String,
    /// Its full title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Where in the source: a quoted phrase, a paragraph (from 1) or a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "LocatorView")]
    pub locator: Option<LocatorView>,
    /// Where it is online.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", length(min = 1))]
    pub url: Option<String>,
}

/// Where in a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LocatorView {
    /// A short phrase quoted from the passage.
    Quote(#[schemars(length(min = 1))] String),
    /// A paragraph, from 1.
    Paragraph(#[schemars(range(min = 1))] u32),
    /// A page.
    Page(#[schemars(length(min = 1))] String),
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
}

/// A quiz: the questions of one deck, in one order.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Quiz {
    /// The deck's id (its file name without .yaml).
    #[schemars(length(min = 1))]
    pub deck: String,
    /// The deck's title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// The seed it was generated with.
    pub seed: u64,
    /// `A`, `B`, … for a variant form; `None` (null) for the main quiz.
    #[schemars(regex(pattern = r"^[A-Z]$"))]
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
    /// What it is worth when marked: its kind's points in the deck's `quiz: points:`.
    pub points: u32,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Choice {
    /// The question.
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// The options, in the order shown.
    #[schemars(length(min = 2, max = 6), inner(length(min = 1)), extend("uniqueItems" = true))]
    pub options: Vec<String>,
    /// The index of the correct option.
    #[schemars(range(max = 5))]
    pub answer: usize,
    /// The language of the options when it is not the course's.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", length(min = 1))]
    pub lang: Option<String>,
    /// Whether the options stand in their natural order (years, dates and numbers, earliest
    /// or smallest first), which every form keeps instead of shuffling them.
    #[serde(skip)]
    pub ordered: bool,
}

/// Pairs to match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Matching {
    /// The instruction.
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// Items to match, in the order shown.
    #[schemars(length(min = 4, max = 6), inner(length(min = 1)))]
    pub left: Vec<String>,
    /// What they match, in the order shown.
    #[schemars(length(min = 4, max = 6), inner(length(min = 1)))]
    pub right: Vec<String>,
    /// The correct pairs, as `[left index, right index]`, by left index.
    #[schemars(length(min = 4, max = 6))]
    pub pairs: Vec<(usize, usize)>,
}

/// Events to put in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Timeline {
    /// The instruction.
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// The events, in the (shuffled) order shown.
    #[schemars(length(min = 3, max = 5), inner(length(min = 1)))]
    pub items: Vec<String>,
    /// The item indices in chronological order, earliest first.
    #[schemars(length(min = 3, max = 5), inner(range(max = 4)), extend("uniqueItems" = true))]
    pub order: Vec<usize>,
    /// The date of each item, as shown in answer keys.
    #[schemars(length(min = 3, max = 5), inner(length(min = 1)))]
    pub dates: Vec<String>,
}

impl Serialize for Question {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::schema::QuestionJson::of(self).serialize(serializer)
    }
}

impl JsonSchema for Question {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Question".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::schema::QuestionJson::json_schema(generator)
    }
}
