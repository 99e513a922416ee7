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
pub mod kinds;
pub mod phrases;
pub mod rng;
pub mod types;
pub mod values;

use decksmith_model::{Course, Deck, Diagnostic, Entry};

pub use assemble::{KIND_ORDER, quotas, variant_letter};
pub use types::*;

use kinds::{Candidate, Ctx};
use phrases::Phrases;
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

/// Generates the cards and quizzes of every deck of the course. The warnings say what could
/// not be generated and why.
pub fn generate(course: &Course, options: &GenerateOptions) -> (Generated, Vec<Diagnostic>) {
    let seed = options.seed.unwrap_or(course.seed);
    let pools = Pools::new(course);
    let phrases = Phrases::new(&course.language, &course.strings);
    let mut warnings = Vec::new();
    let decks = course
        .decks
        .iter()
        .map(|deck| {
            let (output, deck_warnings) =
                deck_output(course, deck, &pools, &phrases, seed, options);
            warnings.extend(deck_warnings);
            output
        })
        .collect();
    (Generated { seed, decks }, warnings)
}

/// Whether the deck's quiz may ask about `entry`.
pub fn eligible(deck: &Deck, entry: &Entry) -> bool {
    let quiz = &deck.quiz;
    (quiz.include_tags.is_empty() || entry.tags.iter().any(|t| quiz.include_tags.contains(t)))
        && !entry.tags.iter().any(|t| quiz.exclude_tags.contains(t))
}

fn deck_output(
    course: &Course,
    deck: &Deck,
    pools: &Pools,
    phrases: &Phrases,
    seed: u64,
    options: &GenerateOptions,
) -> (DeckOutput, Vec<Diagnostic>) {
    let cards = cards::cards(course, deck);
    let mut ctx = Ctx {
        course,
        deck,
        pools,
        phrases,
        seed,
        distractors: deck.quiz.options.saturating_sub(1) as usize,
        warnings: Vec::new(),
    };
    let entries: Vec<&Entry> = deck.entries.iter().filter(|e| eligible(deck, e)).collect();
    let mut by_kind: Vec<(QuestionKind, u32, Vec<Candidate>)> = Vec::new();
    for &(kind, weight) in &deck.quiz.kinds {
        let candidates = candidates(&mut ctx, kind, &entries, &cards);
        if candidates.is_empty() {
            let (why, help) = shortfall(kind);
            ctx.warnings.push(
                Diagnostic::warning(
                    deck.quiz_origin.clone(),
                    format!("deck `{}` asks for {kind} questions, but {why}", deck.id),
                )
                .with_help(help),
            );
        }
        by_kind.push((kind, weight, candidates));
    }
    let wanted = deck.quiz.questions as usize;
    let chosen = assemble::select(seed, &deck.id, wanted, by_kind);
    if chosen.len() < wanted {
        ctx.warnings.push(
            Diagnostic::warning(
                deck.quiz_origin.clone(),
                format!(
                    "deck `{}` asks for {wanted} questions, but only {} different {} could be made",
                    deck.id,
                    chosen.len(),
                    if chosen.len() == 1 { "one" } else { "ones" }
                ),
            )
            .with_help("add entries or kinds of question, or lower `questions:` in the deck's quiz settings"),
        );
    }
    let quiz = assemble::form(seed, &deck.id, &deck.title, &chosen, None);
    let variants = (0..options.variants.min(MAX_VARIANTS))
        .map(|n| {
            let letter = variant_letter(n);
            assemble::form(seed, &deck.id, &deck.title, &chosen, Some(&letter))
        })
        .collect();
    let warnings = ctx.warnings;
    (
        DeckOutput {
            deck: deck.id.clone(),
            cards,
            quiz,
            variants,
        },
        warnings,
    )
}

fn candidates(
    ctx: &mut Ctx<'_>,
    kind: QuestionKind,
    entries: &[&Entry],
    cards: &[Card],
) -> Vec<Candidate> {
    match kind {
        QuestionKind::Flashcard => {
            let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
            let eligible: Vec<Card> = cards
                .iter()
                .filter(|c| ids.contains(&c.entry.as_str()))
                .cloned()
                .collect();
            kinds::flashcard::candidates(ctx, &eligible)
        }
        QuestionKind::Cloze => entries
            .iter()
            .flat_map(|e| kinds::cloze::candidates(ctx, e))
            .collect(),
        QuestionKind::MultipleChoice => entries
            .iter()
            .flat_map(|e| kinds::choice::candidates(ctx, e))
            .collect(),
        QuestionKind::TrueFalse => entries
            .iter()
            .flat_map(|e| kinds::truefalse::candidates(ctx, e))
            .collect(),
        QuestionKind::Who => entries
            .iter()
            .flat_map(|e| kinds::who::candidates(ctx, e))
            .collect(),
        QuestionKind::Matching => kinds::matching::candidates(ctx, entries),
        QuestionKind::Timeline => kinds::timeline::candidates(ctx, entries),
    }
}

/// Why a kind yielded nothing, and what to do.
fn shortfall(kind: QuestionKind) -> (&'static str, &'static str) {
    match kind {
        QuestionKind::Flashcard => (
            "it has no entries to ask about",
            "check the quiz's tag filters",
        ),
        QuestionKind::Cloze => (
            "none of its facts has a part in braces",
            "mark the testable parts of facts with braces, or remove cloze from `kinds:`",
        ),
        QuestionKind::MultipleChoice => (
            "no entry has enough distractors of its type",
            "add distractors to questions, or lower `options:`",
        ),
        QuestionKind::TrueFalse => (
            "no entry gives a statement to judge",
            "add facts with braced parts, dated events, persons or quotes",
        ),
        QuestionKind::Matching => (
            "it has fewer than 4 pairs of one type to match (terms with meanings, persons with positions, acronyms with full names)",
            "add entries, or remove matching from `kinds:`",
        ),
        QuestionKind::Timeline => (
            "it has no 3 events whose order is certain from their dates",
            "add dated events (with months or days where several share a year), or remove timeline from `kinds:`",
        ),
        QuestionKind::Who => (
            "it has no quotes or persons with enough other people in the course to offer as options",
            "add person entries, or remove who from `kinds:`",
        ),
    }
}

#[cfg(test)]
mod tests;
