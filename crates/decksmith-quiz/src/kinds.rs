//! Question candidates, one module per kind.
//!
//! Each kind turns entries into [`Candidate`]s: questions in a canonical form (the correct
//! option first, matching pairs aligned, timeline items in order). The quiz is chosen from
//! candidates and only then put in a seeded order, so that forms A, B, … of one quiz are the
//! same questions shuffled differently.

pub mod choice;
pub mod cloze;
pub mod flashcard;
pub mod matching;
pub mod timeline;
pub mod truefalse;
pub mod who;

use decksmith_model::{Course, Deck, Diagnostic, Entry, Location};

use crate::cite;
use crate::phrases::Phrasebook;
use crate::types::{Body, CitationView, QuestionKind};
use crate::values::Pools;

/// A question before it is placed in a quiz.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Stable id.
    pub id: String,
    /// Entries it draws on, the main one first.
    pub entries: Vec<String>,
    /// The question in canonical form.
    pub body: Body,
    /// Why the answer is right.
    pub explanation: String,
    /// Where its content comes from.
    pub sources: Vec<CitationView>,
    /// Where the main entry is written.
    pub origin: Location,
    /// What the student sees, normalized and padded with spaces (to spot questions that give
    /// each other away; see [`reveals`]).
    pub shows: Vec<String>,
    /// What the question asks for, normalized and padded (answers under 3 characters left
    /// out: they appear everywhere without giving anything away).
    pub asks: Vec<String>,
    /// For true/false: whether the statement is true.
    pub truth: Option<bool>,
    /// Hashes of every word in `shows`, sorted: an answer can only be revealed by a text
    /// that has its first word, which this finds without searching strings.
    pub show_words: Vec<u64>,
}

impl Candidate {
    /// The candidate with its word index built (after `shows` is final).
    pub fn indexed(mut self) -> Candidate {
        self.show_words = show_words(&self.shows);
        self
    }

    /// The kind of question.
    pub fn kind(&self) -> QuestionKind {
        self.body.kind()
    }

    /// Whether this question's visible text gives away an answer `other` asks for.
    pub fn gives_away(&self, other: &Candidate) -> bool {
        other.asks.iter().any(|answer| {
            let first = answer.split_whitespace().next().unwrap_or_default();
            self.show_words.binary_search(&word_hash(first)).is_ok()
                && self.shows.iter().any(|shown| reveals(shown, answer))
        })
    }
}

/// A 64-bit FNV-1a hash of a word.
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn show_words(shows: &[String]) -> Vec<u64> {
    let mut words: Vec<u64> = shows
        .iter()
        .flat_map(|s| s.split_whitespace().map(word_hash))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// What every kind's generator needs.
pub struct Ctx<'a> {
    /// The course.
    pub course: &'a Course,
    /// The deck the quiz is for.
    pub deck: &'a Deck,
    /// Values of the course by type.
    pub pools: &'a Pools,
    /// Question wording.
    pub phrases: &'a Phrasebook<'a>,
    /// The seed.
    pub seed: u64,
    /// How many distractors a choice question needs.
    pub distractors: usize,
    /// Entries whose kinds could not be made, reported to the teacher.
    pub warnings: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// The course language.
    pub fn language(&self) -> &str {
        &self.course.language
    }

    /// A candidate about one entry.
    pub fn candidate(
        &self,
        entry: &Entry,
        id: String,
        body: Body,
        explanation: String,
        shows: &[&str],
        asks: &[&str],
    ) -> Candidate {
        Candidate {
            id,
            entries: vec![entry.id.clone()],
            body,
            explanation: with_note(explanation, entry.explain.as_deref()),
            sources: cite::resolve(self.course, &entry.citations),
            origin: entry.origin.clone(),
            shows: shows.iter().map(|s| padded(s)).collect(),
            asks: asked(asks),
            truth: None,
            show_words: Vec::new(),
        }
        .indexed()
    }

    /// A candidate drawing on several entries (matching, timeline).
    pub fn group_candidate(
        &self,
        entries: &[&Entry],
        id: String,
        body: Body,
        explanation: String,
        shows: &[&str],
        asks: &[&str],
    ) -> Candidate {
        let mut sources: Vec<CitationView> = Vec::new();
        for entry in entries {
            for source in cite::resolve(self.course, &entry.citations) {
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
        }
        Candidate {
            id,
            entries: entries.iter().map(|e| e.id.clone()).collect(),
            body,
            explanation,
            sources,
            origin: entries
                .first()
                .map(|e| e.origin.clone())
                .unwrap_or_default(),
            shows: shows.iter().map(|s| padded(s)).collect(),
            asks: asked(asks),
            truth: None,
            show_words: Vec::new(),
        }
        .indexed()
    }

    /// Reports that `entry` cannot give a kind of question it was asked for.
    pub fn warn(&mut self, entry: &Entry, message: String, help: &str) {
        self.warnings
            .push(Diagnostic::warning(entry.origin.clone(), message).with_help(help.to_owned()));
    }
}

/// An explanation followed by the teacher's note, if any.
pub fn with_note(explanation: String, note: Option<&str>) -> String {
    match note {
        Some(note) if !explanation.is_empty() => format!("{explanation} {note}"),
        Some(note) => note.to_owned(),
        None => explanation,
    }
}

/// Text for "does one question give another away": lowercase words separated by single
/// spaces, punctuation dropped.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Normalized text with a space at each end, so whole-word search is a substring search.
pub fn padded(text: &str) -> String {
    format!(" {} ", normalize_text(text))
}

fn asked(answers: &[&str]) -> Vec<String> {
    answers
        .iter()
        .map(|a| padded(a))
        .filter(|a| a.chars().count() >= 5)
        .collect()
}

/// Whether a padded answer appears in a padded text as whole words.
pub fn reveals(shown: &str, answer: &str) -> bool {
    answer.len() <= shown.len() && shown.contains(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_is_by_whole_words() {
        let shown =
            padded("In November 2021, Russia and the US submitted a draft to the First Committee.");
        assert!(reveals(&shown, &padded("First Committee")));
        assert!(reveals(&shown, &padded("November 2021")));
        assert!(!reveals(&shown, &padded("Committees")));
        // Answers under three characters are not tracked at all.
        assert_eq!(asked(&["US", "First Committee"]), [" first committee "]);
    }
}
