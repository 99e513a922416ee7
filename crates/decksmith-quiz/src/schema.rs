//! `quiz.json`'s JSON Schema, derived from the types that write it.
//!
//! A [`Question`] is a kind-specific [`Body`] between keys every question has; `quiz.json`
//! writes it through `QuestionJson`, a borrowed view whose serde derive gives the keys in
//! their order and whose schemars derive gives the schema, one alternative per kind with no
//! keys but its own. The schema is published as `crates/decksmith-quiz/quiz.schema.json`; a
//! test keeps the file equal to [`quiz_schema`] and checks generated quizzes against it.

use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::types::{Body, Choice, CitationView, Matching, Question, Quiz, Timeline};

/// The schema of `quiz.json` (and of the variant forms, `quiz-A.json`, …), draft-07.
pub fn quiz_schema() -> Schema {
    let mut schema = schemars::generate::SchemaSettings::draft07()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Quiz>();
    schema.insert(
        "$id".into(),
        "https://decksmith.invalid/quiz.schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "decksmith quiz (quiz.json, quiz-A.json, ...)".into(),
    );
    schema.insert(
        "description".into(),
        "The generated questions of one deck, in the order of one form of the quiz. Written by `decksmith build` as <deck>/quiz.json (the main form) and <deck>/quiz-<letter>.json (variant forms).".into(),
    );
    schema
}

/// A question as `quiz.json` writes it: its kind's keys between the keys every kind has.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "Question")]
pub(crate) enum QuestionJson<'a> {
    /// Recall, then check the back.
    Flashcard(Keys<'a, FlashcardJson<'a>>),
    /// Fill in the blanks.
    Cloze(Keys<'a, ClozeJson<'a>>),
    /// Choose the one correct option (multiple choice, or who said it or who it is).
    Choice(Keys<'a, ChoiceJson<'a>>),
    /// Judge a statement.
    TrueFalse(Keys<'a, TrueFalseJson<'a>>),
    /// Match each item on the left with one on the right.
    Matching(Keys<'a, MatchingJson<'a>>),
    /// Put events in order.
    Timeline(Keys<'a, TimelineJson<'a>>),
}

impl<'a> QuestionJson<'a> {
    /// The view of `question`.
    pub(crate) fn of(question: &'a Question) -> QuestionJson<'a> {
        let kind = question.kind().name();
        match &question.body {
            Body::Flashcard { front, back } => {
                QuestionJson::Flashcard(Keys::of(question, FlashcardJson { kind, front, back }))
            }
            Body::Cloze(cloze) => QuestionJson::Cloze(Keys::of(
                question,
                ClozeJson {
                    kind,
                    text: &cloze.text,
                    answers: cloze.blanks.iter().map(|b| b.answer.as_str()).collect(),
                    accept: cloze.blanks.iter().map(|b| b.accept.as_slice()).collect(),
                },
            )),
            Body::MultipleChoice(choice) | Body::Who(choice) => {
                QuestionJson::Choice(Keys::of(question, ChoiceJson { kind, choice }))
            }
            Body::TrueFalse { statement, answer } => QuestionJson::TrueFalse(Keys::of(
                question,
                TrueFalseJson {
                    kind,
                    statement,
                    answer: *answer,
                },
            )),
            Body::Matching(matching) => {
                QuestionJson::Matching(Keys::of(question, MatchingJson { kind, matching }))
            }
            Body::Timeline(timeline) => {
                QuestionJson::Timeline(Keys::of(question, TimelineJson { kind, timeline }))
            }
        }
    }
}

/// The keys every question has, around its kind's own (`body`, which starts with `kind`).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "{B}")]
pub(crate) struct Keys<'a, B> {
    /// Stable id: the entry's id, the kind and a part.
    #[schemars(length(min = 1))]
    id: &'a str,
    /// Position in this form, from 1.
    #[schemars(range(min = 1))]
    number: u32,
    #[serde(flatten)]
    body: B,
    /// The id of the entry the question comes from (the first, for questions over several
    /// entries).
    #[schemars(length(min = 1))]
    entry: &'a str,
    /// Every entry the question draws on.
    #[schemars(length(min = 1), inner(length(min = 1)))]
    entries: &'a [String],
    /// Why the answer is right (may be empty for a flashcard without a note).
    explanation: &'a str,
    /// The teacher's note on the entries the question asks about (for answer keys; never
    /// shown to students).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    note: Option<&'a str>,
    /// Where the content comes from.
    sources: &'a [CitationView],
    /// What the question is worth when marked (its kind's points in the deck's
    /// `quiz: points:`).
    #[schemars(range(min = 1))]
    points: u32,
}

impl<'a, B> Keys<'a, B> {
    fn of(question: &'a Question, body: B) -> Keys<'a, B> {
        Keys {
            id: &question.id,
            number: question.number,
            body,
            entry: &question.entry,
            entries: &question.entries,
            explanation: &question.explanation,
            note: question.note.as_deref(),
            sources: &question.sources,
            points: question.points,
        }
    }
}

/// A flashcard's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "FlashcardQuestion")]
pub(crate) struct FlashcardJson<'a> {
    /// `flashcard`.
    #[schemars(extend("const" = "flashcard"))]
    kind: &'static str,
    /// The side shown.
    #[schemars(length(min = 1))]
    front: &'a str,
    /// The answer side.
    #[schemars(length(min = 1))]
    back: &'a str,
}

/// A cloze question's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "ClozeQuestion")]
pub(crate) struct ClozeJson<'a> {
    /// `cloze`.
    #[schemars(extend("const" = "cloze"))]
    kind: &'static str,
    /// The statement, each blank written as ____.
    #[schemars(regex(pattern = "____"))]
    text: &'a str,
    /// The answer of each blank, in order.
    #[schemars(length(min = 1), inner(length(min = 1)))]
    answers: Vec<&'a str>,
    /// For each blank, every answer accepted when typed: the answer first, then alternatives.
    #[schemars(length(min = 1), inner(length(min = 1)))]
    accept: Vec<&'a [String]>,
}

/// A multiple-choice or who question's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "ChoiceQuestion")]
pub(crate) struct ChoiceJson<'a> {
    /// `multiple-choice` or `who`.
    #[schemars(extend("enum" = ["multiple-choice", "who"]))]
    kind: &'static str,
    #[serde(flatten)]
    choice: &'a Choice,
}

/// A true-or-false question's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "TrueFalseQuestion")]
pub(crate) struct TrueFalseJson<'a> {
    /// `true-false`.
    #[schemars(extend("const" = "true-false"))]
    kind: &'static str,
    /// The statement.
    #[schemars(length(min = 1))]
    statement: &'a str,
    /// Whether it is true.
    answer: bool,
}

/// A matching question's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "MatchingQuestion")]
pub(crate) struct MatchingJson<'a> {
    /// `matching`.
    #[schemars(extend("const" = "matching"))]
    kind: &'static str,
    #[serde(flatten)]
    matching: &'a Matching,
}

/// A timeline question's keys.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "TimelineQuestion")]
pub(crate) struct TimelineJson<'a> {
    /// `timeline`.
    #[schemars(extend("const" = "timeline"))]
    kind: &'static str,
    #[serde(flatten)]
    timeline: &'a Timeline,
}
