//! Question generation for decksmith: flashcards and quizzes from a validated course.
//!
//! [`generate`] takes a [`Course`] and a seed and gives, for each deck, its flashcards, its
//! quiz, and any variant forms of the quiz, together with a report of what could not be made
//! (a fact without a braced part when cloze questions are asked for, a question without
//! enough distractors…), each pointing at the entry's `file:line`.
//!
//! All randomness flows from the seed through [`rng`], keyed by stable ids: the same course
//! and seed give the same questions everywhere, and editing one entry does not reshuffle the
//! questions about others. Generation does no IO and never sees YAML.

mod assemble;
pub mod cards;
mod cite;
mod deck;
pub mod explain;
pub mod facts;
pub mod guid;
pub mod kinds;
pub mod phrases;
pub mod rng;
pub mod schema;
pub mod types;
pub mod values;

use std::collections::BTreeSet;

/// The generator's hash maps and sets: keyed by short texts and ids of the course, hashed
/// fast (nothing depends on their order: output is sorted or follows the course).
pub(crate) type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// See [`HashMap`].
pub(crate) type HashSet<T> = rustc_hash::FxHashSet<T>;

use decksmith_model::names::did_you_mean;
use decksmith_model::{Course, Deck, Diagnostic, Entry, QuestionRef};
use rayon::prelude::*;

pub use assemble::{KIND_ORDER, quotas, variant_letter};
pub use kinds::{DropKind, Dropped};
pub use types::*;

use deck::{DeckResult, deck_output};
use values::Pools;

/// How to generate.
#[derive(Clone, Debug, Default)]
pub struct GenerateOptions {
    /// The seed; `None` uses the course's.
    pub seed: Option<u64>,
    /// How many variant forms (A, B, …) of each quiz to make besides the main one (0–26).
    pub variants: usize,
}

/// The most variant forms: one per letter.
pub const MAX_VARIANTS: usize = 26;

/// What generation says about one deck: how many questions it made, and which it could not
/// make well, with why (so a teacher sees which entries need wrong options or a type).
#[derive(Clone, Debug, Default)]
pub struct DeckReport {
    /// The deck's id.
    pub deck: String,
    /// Questions in its quiz.
    pub questions: usize,
    /// Questions the deck asked for.
    pub wanted: usize,
    /// Flashcards made.
    pub cards: usize,
    /// Possible questions not made, in entry order.
    pub dropped: Vec<Dropped>,
    /// The kinds that gave fewer questions than their weights ask for, in the deck's order
    /// of kinds.
    pub short_kinds: Vec<ShortKind>,
}

/// A kind of question that gave a quiz fewer questions than its weight asks for.
#[derive(Clone, Debug)]
pub struct ShortKind {
    /// The kind.
    pub kind: types::QuestionKind,
    /// How many the quiz has.
    pub made: usize,
    /// How many its weight asks for.
    pub share: usize,
    /// How many could be made at all (before the quiz's rules kept some out).
    pub possible: usize,
}

/// Generates the cards and quizzes of every deck of the course. The diagnostics say what
/// could not be generated and why (warnings), and name pinned or excluded questions that do
/// not exist (errors); the reports list the questions not made, deck by deck.
pub fn generate(course: &Course, options: &GenerateOptions) -> (Generated, Vec<Diagnostic>) {
    let seed = options.seed.unwrap_or(course.seed);
    // The course's values by type and its cards are independent: made side by side.
    let (pools, (cards, mut warnings)) =
        rayon::join(|| Pools::new(course), || cards::course_cards(course));
    // Decks are independent: generate them on all cores, then gather them in course order.
    let results: Vec<DeckResult> = course
        .decks
        .par_iter()
        .zip(cards)
        .map(|(deck, cards)| deck_output(course, deck, cards, &pools, seed, options))
        .collect();
    let mut decks = Vec::with_capacity(results.len());
    let mut reports = Vec::with_capacity(results.len());
    let mut known: Vec<BTreeSet<String>> = Vec::new();
    for result in results {
        decks.push(result.output);
        reports.push(result.report);
        warnings.extend(result.warnings);
        known.push(result.known);
    }
    warnings.extend(check_question_refs(course, &known));
    (
        Generated {
            seed,
            decks,
            reports,
        },
        warnings,
    )
}

/// Whether the deck's quiz may ask about `entry`.
pub fn eligible(deck: &Deck, entry: &Entry) -> bool {
    deck.quiz.asks_about(entry)
}

/// Errors for `pin:` and `exclude:` ids that name no question any deck could have.
fn check_question_refs(course: &Course, known: &[BTreeSet<String>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported: BTreeSet<(String, String)> = BTreeSet::new();
    let everywhere: BTreeSet<&str> = known
        .iter()
        .flat_map(|k| k.iter().map(String::as_str))
        .collect();
    let entries: HashMap<&str, &Entry> =
        course.entries().map(|(_, e)| (e.id.as_str(), e)).collect();
    for (deck, ids) in course.decks.iter().zip(known) {
        let refs = deck.quiz.pin.iter().chain(&deck.quiz.exclude);
        for r in refs {
            let in_deck_file = r.origin.file == deck.file;
            let exists = if in_deck_file {
                ids.contains(&r.id)
            } else {
                everywhere.contains(r.id.as_str())
            };
            if exists || !reported.insert((r.id.clone(), r.origin.to_string())) {
                continue;
            }
            out.push(unknown_question(
                r,
                deck,
                ids,
                &everywhere,
                &entries,
                in_deck_file,
            ));
        }
    }
    out
}

fn unknown_question(
    r: &QuestionRef,
    deck: &Deck,
    ids: &BTreeSet<String>,
    everywhere: &BTreeSet<&str>,
    entries: &HashMap<&str, &Entry>,
    in_deck_file: bool,
) -> Diagnostic {
    let mut parts = r.id.split(':');
    let entry = parts.next().unwrap_or_default();
    let kind = parts.next().unwrap_or_default();
    let asked = deck.quiz.kinds.iter().any(|(k, _)| k.name() == kind);
    let (message, help) = if !entries.contains_key(entry) {
        (
            format!(
                "no generated question `{}`: there is no entry `{entry}`",
                r.id
            ),
            None,
        )
    } else if in_deck_file && everywhere.contains(r.id.as_str()) {
        (
            format!("question `{}` is not a question of deck `{}`", r.id, deck.id),
            Some("pin or exclude it in the quiz settings of the deck its entry is in, or in course.yaml".to_owned()),
        )
    } else if QuestionKind::ALL.iter().any(|k| k.name() == kind) && !asked && in_deck_file {
        (
            format!(
                "question `{}` is of kind {kind}, which the quiz of deck `{}` does not ask for",
                r.id, deck.id
            ),
            Some(format!(
                "add {kind} to the deck's `kinds:`, or remove the id"
            )),
        )
    } else {
        (format!("no generated question `{}`", r.id), None)
    };
    let pool: Vec<&str> = if in_deck_file {
        ids.iter().map(String::as_str).collect()
    } else {
        everywhere.iter().copied().collect()
    };
    let help = help.unwrap_or_else(|| match did_you_mean(&r.id, pool.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let of_entry: Vec<&str> = pool
                .iter()
                .copied()
                .filter(|id| id.split(':').next() == Some(entry))
                .collect();
            if of_entry.is_empty() {
                "question ids are listed in quiz.json and in the generation report of `decksmith check`".to_owned()
            } else {
                format!("the questions of `{entry}` are: {}", of_entry.join(", "))
            }
        }
    });
    Diagnostic::error(r.origin.clone(), message).with_help(help)
}
