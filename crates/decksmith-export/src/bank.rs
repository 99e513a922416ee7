//! The question bank that Moodle XML and GIFT both spell out.
//!
//! Each generated question becomes one or more [`BankQuestion`]s, each of one of Moodle's own
//! question types ([`MoodleType`]):
//!
//! - multiple-choice and who-questions: `multichoice`, one correct option;
//! - true/false: `truefalse`;
//! - cloze: `shortanswer`, every accepted answer at 100%. A cloze with several blanks (the
//!   deck's `cloze: all`) becomes one `shortanswer` per blank, the other blanks filled in.
//!   Moodle's embedded-answers type could ask them together, but GIFT has no form for it,
//!   and one question per blank keeps the two files the same bank;
//! - matching: `matching`;
//! - timeline: `ordering` (in Moodle's core since 4.4) in Moodle XML: the events in
//!   chronological order, each scored by its absolute position. GIFT can spell an ordering
//!   question only in a syntax the ordering plugin adds to Moodle's GIFT reader (and no other
//!   GIFT reader knows), so there it stays a `matching` of each event to its position
//!   (1 = earliest);
//! - flashcard: `essay`: the card's front and the instruction the worksheet prints under it
//!   ("Write what it means."), with the card's back as the grader's information.
//!
//! Names are what a teacher sees in the question bank: the question's number, the start of
//! what it asks (the items, for matching and timeline questions), and the deck (`03 The OEWG first met in ____… — Cyber norms`).
//!
//! Texts are kept as HTML (escaped teacher text) except typed answers, which Moodle compares
//! with what a student types and so must stay plain.

use decksmith_quiz::phrases::{Phrasebook, recall_hint};
use decksmith_quiz::{Body, ClozeBody, Matching, Question, Quiz, Timeline};

use decksmith_model::{Course, markup};

use super::{html_block, position, source_label, sources_html};

/// One question of the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankQuestion {
    /// The question's name in the bank: its number, the start of its text and the deck
    /// (`03 The OEWG first met in ____… — Cyber norms`).
    pub name: String,
    /// The question's stable id (`oewg:cloze`), with the blank for a cloze cut in several.
    pub id: String,
    /// What the question is worth.
    pub points: u32,
    /// What is asked.
    pub kind: MoodleType,
    /// The general feedback, as HTML: the explanation and the sources.
    pub feedback: String,
}

/// The Moodle question type of a [`BankQuestion`], with what is particular to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoodleType {
    /// One correct option among several.
    MultiChoice {
        /// The question, as HTML.
        text: String,
        /// The options, as HTML, in the generated order (Moodle shuffles them again).
        options: Vec<String>,
        /// The index of the correct option.
        answer: usize,
    },
    /// A statement to judge.
    TrueFalse {
        /// The statement, as HTML.
        text: String,
        /// Whether it is true.
        answer: bool,
    },
    /// A typed answer in a gap.
    ShortAnswer {
        /// The text before the gap, as HTML.
        before: String,
        /// The text after the gap, as HTML.
        after: String,
        /// Every accepted answer, plain text, the main one first.
        answers: Vec<String>,
    },
    /// Items to match with answers.
    Matching {
        /// The instruction, as HTML.
        text: String,
        /// Each item (HTML) with its answer (HTML-escaped text).
        pairs: Vec<(String, String)>,
        /// Answers that match no item.
        extra: Vec<String>,
    },
    /// Events to put in chronological order.
    Ordering {
        /// The instruction, as HTML.
        text: String,
        /// The events, as HTML, earliest first.
        events: Vec<String>,
        /// The events in the order shown (HTML), each with its position (HTML-escaped
        /// text), for GIFT, which has no ordering question.
        positions: Vec<(String, String)>,
    },
    /// Free recall, graded by a person.
    Essay {
        /// The question, as HTML.
        text: String,
        /// The expected answer, as HTML, for the grader.
        answer: String,
    },
}

impl MoodleType {
    /// Moodle's name of the question type (`multichoice`).
    pub fn name(&self) -> &'static str {
        match self {
            MoodleType::MultiChoice { .. } => "multichoice",
            MoodleType::TrueFalse { .. } => "truefalse",
            MoodleType::ShortAnswer { .. } => "shortanswer",
            MoodleType::Matching { .. } => "matching",
            MoodleType::Ordering { .. } => "ordering",
            MoodleType::Essay { .. } => "essay",
        }
    }
}

/// The longest start of a question's text in its name, in characters.
const NAME_TEXT: usize = 50;

/// A question's name: `03 The start of the text… — Deck title`.
pub fn name(number: u32, text: &str, deck: &str) -> String {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A name is plain text: the bank's list shows no markup.
    let text = flat(&markup::plain(text));
    let start = if text.chars().count() <= NAME_TEXT {
        text
    } else {
        let cut: String = text.chars().take(NAME_TEXT).collect();
        // At a word boundary, unless the first word alone is longer.
        let cut = match cut.rfind(' ') {
            Some(space) if space > 0 => cut[..space].trim_end().to_owned(),
            _ => cut,
        };
        format!("{cut}…")
    };
    format!("{number:02} {start} — {}", flat(deck))
}

/// What a question's name shows of it: its text; for matching and timeline questions, whose
/// instructions are the same for every question of the kind, the items (the events earliest
/// first), which Moodle's bank shows beside the type's icon.
pub fn name_text(body: &Body) -> String {
    match body {
        Body::MultipleChoice(c) | Body::Who(c) => c.prompt.clone(),
        Body::TrueFalse { statement, .. } => statement.clone(),
        Body::Cloze(c) => c.text.clone(),
        Body::Matching(m) => m.left.join(", "),
        Body::Timeline(t) => t
            .order
            .iter()
            .filter_map(|&i| t.items.get(i).map(String::as_str))
            .collect::<Vec<_>>()
            .join(", "),
        Body::Flashcard { front, .. } => front.clone(),
    }
}

/// The gap shown in a short-answer question's text, as Moodle shows one.
pub const GAP: &str = "_____";

/// The blank that generation writes in cloze texts.
const BLANK: &str = "____";

/// The bank of one quiz, in the quiz's order.
/// (`phrases`: the course's words, for the labels and instructions the bank adds; `course`:
/// where a recall question's entry is looked up, for its instruction.)
pub fn questions(course: &Course, quiz: &Quiz, phrases: &Phrasebook<'_>) -> Vec<BankQuestion> {
    let mut out = Vec::with_capacity(quiz.questions.len());
    let title = super::quiz_title(quiz, phrases);
    for question in &quiz.questions {
        let feedback = full_feedback(question, phrases);
        let name = name(question.number, &name_text(&question.body), &title);
        let points = super::points(question);
        let mut push = |name: String, id: String, kind: MoodleType| {
            out.push(BankQuestion {
                name,
                id,
                points,
                kind,
                feedback: feedback.clone(),
            })
        };
        let id = question.id.clone();
        match &question.body {
            Body::MultipleChoice(choice) | Body::Who(choice) => push(
                name,
                id,
                MoodleType::MultiChoice {
                    text: html_block(&choice.prompt),
                    options: choice
                        .options
                        .iter()
                        .map(|o| match &choice.lang {
                            Some(lang) => super::html_lang(o, Some(lang)),
                            None => html_block(o),
                        })
                        .collect(),
                    answer: choice.answer,
                },
            ),
            Body::TrueFalse { statement, answer } => push(
                name,
                id,
                MoodleType::TrueFalse {
                    text: html_block(statement),
                    answer: *answer,
                },
            ),
            Body::Cloze(cloze) => {
                for (name, id, kind) in cloze_questions(cloze, &name, &id, phrases.is_english()) {
                    push(name, id, kind);
                }
            }
            Body::Matching(m) => push(name, id, matching_kind(m)),
            Body::Timeline(t) => push(name, id, timeline_kind(t, phrases)),
            Body::Flashcard { front, back } => push(
                name,
                id,
                MoodleType::Essay {
                    text: recall_text(course, question, front, phrases),
                    answer: html_block(back),
                },
            ),
        }
    }
    out
}

/// A recall question's text, as HTML: the card's front, then what to write (as the worksheet
/// says it under the front), each a paragraph. An LMS shows it above an empty answer box,
/// where a bare front ("Bob Baker") would not say what is asked.
pub fn recall_text(
    course: &Course,
    question: &Question,
    front: &str,
    phrases: &Phrasebook<'_>,
) -> String {
    let mut out = format!("<p>{}</p>", html_block(front));
    if let Some(how) = recall_hint(phrases, course, question) {
        out.push_str(&format!("<p>{}</p>", html_block(&how)));
    }
    out
}

/// A cloze question's questions in the bank: one short answer per blank (named and identified by its number
/// when there are several), each with the text before and after it, the other blanks filled,
/// and every answer the quiz page accepts (see [`super::typed_answers`]; `english`: the
/// quiz's language is English).
fn cloze_questions(
    cloze: &ClozeBody,
    name: &str,
    id: &str,
    english: bool,
) -> Vec<(String, String, MoodleType)> {
    let pieces: Vec<&str> = cloze.text.split(BLANK).collect();
    let several = cloze.blanks.len() > 1;
    let mut out = Vec::with_capacity(cloze.blanks.len());
    for (i, blank) in cloze.blanks.iter().enumerate() {
        let (before, after) = if pieces.len() == cloze.blanks.len() + 1 {
            (
                filled(&pieces[..=i], &cloze.blanks[..i]),
                filled_after(&pieces[i + 1..], &cloze.blanks[i + 1..]),
            )
        } else {
            // The teacher's text has `____` of its own: ask after the whole text.
            (html_block(&cloze.text), String::new())
        };
        let (name, id) = if several {
            (
                format!("{name} (blank {})", i + 1),
                format!("{id}#{}", i + 1),
            )
        } else {
            (name.to_owned(), id.to_owned())
        };
        // What a student types is plain text: `H2O` for `H~2~O`.
        let mut answers: Vec<String> = blank
            .accept
            .iter()
            .map(|a| markup::plain(a).into_owned())
            .collect();
        if answers.is_empty() {
            answers.push(markup::plain(&blank.answer).into_owned());
        }
        let answers = super::typed_answers(&answers, english);
        out.push((
            name,
            id,
            MoodleType::ShortAnswer {
                before,
                after,
                answers,
            },
        ));
    }
    out
}

/// An answer as a menu shows it (Moodle's matching answers): plain text, escaped.
fn menu_text(text: &str) -> String {
    super::html_text(&markup::plain(text))
}

/// A matching question in the bank: its pairs, and the answers that match nothing.
fn matching_kind(m: &Matching) -> MoodleType {
    let pairs = m
        .pairs
        .iter()
        .filter_map(|&(l, r)| Some((html_block(m.left.get(l)?), menu_text(m.right.get(r)?))))
        .collect();
    let extra = m
        .right
        .iter()
        .enumerate()
        .filter(|(r, _)| !m.pairs.iter().any(|&(_, pr)| pr == *r))
        .map(|(_, text)| menu_text(text))
        .collect();
    MoodleType::Matching {
        text: html_block(&m.prompt),
        pairs,
        extra,
    }
}

/// A timeline question in the bank: the events in the right order, and (for the formats that
/// have no ordering question) each event as shown matched to its place in time.
fn timeline_kind(t: &Timeline, phrases: &Phrasebook<'_>) -> MoodleType {
    let n = t.order.len();
    let mut pairs = Vec::with_capacity(n);
    // Items in the order shown, each matched to where it falls in time.
    for (shown, item) in t.items.iter().enumerate() {
        if let Some(at) = t.order.iter().position(|&i| i == shown) {
            pairs.push((html_block(item), html_block(&position(phrases, at + 1, n))));
        }
    }
    let events = t
        .order
        .iter()
        .filter_map(|&i| t.items.get(i).map(|e| html_block(e)))
        .collect();
    MoodleType::Ordering {
        text: html_block(&t.prompt),
        events,
        positions: pairs,
    }
}

/// The general feedback of a question, as HTML: for a flashcard its back first (GIFT has no
/// grader's information), for a timeline the events with their dates (matched to positions,
/// the events lose them), then the explanation and the sources.
pub fn full_feedback(question: &Question, phrases: &Phrasebook<'_>) -> String {
    let mut feedback = feedback(question, phrases);
    if let Body::Flashcard { back, .. } = &question.body {
        feedback.insert_str(0, &format!("<p>{}</p>", html_block(back)));
    }
    if let Body::Timeline(t) = &question.body {
        let dated: Vec<String> = t
            .order
            .iter()
            .filter_map(|&i| Some(format!("{}: {}", t.dates.get(i)?, t.items.get(i)?)))
            .collect();
        feedback.insert_str(0, &format!("<p>{}</p>", html_block(&dated.join("; "))));
    }
    feedback
}

/// The pieces before blank `i`, earlier blanks filled with their answers.
fn filled(pieces: &[&str], blanks: &[decksmith_quiz::BlankAnswer]) -> String {
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        out.push_str(&html_block(piece));
        if k + 1 < pieces.len()
            && let Some(blank) = blanks.get(k)
        {
            out.push_str(&html_block(&blank.answer));
        }
    }
    out
}

/// The pieces after blank `i`, later blanks filled with their answers.
fn filled_after(pieces: &[&str], blanks: &[decksmith_quiz::BlankAnswer]) -> String {
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0
            && let Some(blank) = blanks.get(k - 1)
        {
            out.push_str(&html_block(&blank.answer));
        }
        out.push_str(&html_block(piece));
    }
    out
}

/// The explanation and the sources, as HTML paragraphs.
fn feedback(question: &Question, phrases: &Phrasebook<'_>) -> String {
    let mut out = String::new();
    if !question.explanation.trim().is_empty() {
        out.push_str(&format!("<p>{}</p>", html_block(&question.explanation)));
    }
    if !question.sources.is_empty() {
        out.push_str(&format!(
            "<p class=\"source\">{}: {}</p>",
            source_label(phrases, question.sources.len()),
            sources_html(&question.sources, phrases)
        ));
    }
    out
}
