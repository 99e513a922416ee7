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

use decksmith_model::{Course, Deck, Diagnostic, Entry, EntryKind};
use rayon::prelude::*;

pub use assemble::{KIND_ORDER, quotas, variant_letter};
pub use types::*;

use kinds::{Candidate, Ctx};
use phrases::{PHRASES, Phrasebook};
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
    let phrases = Phrasebook::new(PHRASES, &course.language, &course.strings);
    // Decks are independent: generate them on all cores, then gather them in course order.
    let results: Vec<(DeckOutput, Vec<Diagnostic>)> = course
        .decks
        .par_iter()
        .map(|deck| deck_output(course, deck, &pools, &phrases, seed, options))
        .collect();
    let mut warnings = Vec::new();
    let mut decks = Vec::with_capacity(results.len());
    for (output, deck_warnings) in results {
        decks.push(output);
        warnings.extend(deck_warnings);
    }
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
    phrases: &Phrasebook<'_>,
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
    let mut entries: Vec<&Entry> = deck.entries.iter().filter(|e| eligible(deck, e)).collect();
    // Entries in a seeded order keyed by their ids: single-entry kinds take candidates from
    // the front until they have plenty, so a quiz of 20 questions does not make distractors
    // for every entry of a large deck.
    entries.sort_by_cached_key(|e| (rng::rank(seed, &[&deck.id, "sample"], &e.id), e.id.clone()));
    let total_weight: u32 = deck.quiz.kinds.iter().map(|(_, w)| *w).sum::<u32>().max(1);
    let wanted = deck.quiz.questions as usize;

    // Make candidates from a sample of entries; if the quiz comes up short, first widen
    // the sample, then ask less of the kinds that use many entries at once (a second
    // timeline can cost more questions than it gives): the quiz's length comes first.
    let mut widen = 1usize;
    let mut rules = assemble::Rules {
        caps: vec![None; deck.quiz.kinds.len()],
        balance_truth: true,
    };
    let mut best: Vec<Candidate> = Vec::new();
    let mut warnings = Vec::new();
    loop {
        ctx.warnings.clear();
        let mut by_kind: Vec<(QuestionKind, u32, Vec<Candidate>)> = Vec::new();
        let mut exhausted = true;
        for &(kind, weight) in &deck.quiz.kinds {
            let share = (deck.quiz.questions * weight).div_ceil(total_weight) as usize;
            let enough = (4 * share + 8).saturating_mul(widen);
            let (candidates, all) = candidates(&mut ctx, kind, &entries, &cards, enough);
            exhausted &= all;
            by_kind.push((kind, weight, candidates));
        }
        loop {
            let mut chosen = assemble::select(seed, &deck.id, wanted, &by_kind, &rules);
            if chosen.len() < wanted {
                let relaxed = assemble::Rules {
                    balance_truth: false,
                    ..rules.clone()
                };
                let other = assemble::select(seed, &deck.id, wanted, &by_kind, &relaxed);
                if other.len() > chosen.len() {
                    chosen = other;
                }
            }
            if chosen.len() > best.len() || best.is_empty() {
                best = chosen;
                warnings = ctx.warnings.clone();
                for (kind, _, candidates) in &by_kind {
                    if candidates.is_empty() {
                        let (why, help) = shortfall(*kind);
                        warnings.push(
                            Diagnostic::warning(
                                deck.quiz_origin.clone(),
                                format!("deck `{}` asks for {kind} questions, but {why}", deck.id),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
            if best.len() >= wanted || !exhausted {
                break;
            }
            // Every entry was tried: give up one of the many-entry questions, if any.
            let many =
                |k: QuestionKind| matches!(k, QuestionKind::Matching | QuestionKind::Timeline);
            let counts: Vec<usize> = by_kind
                .iter()
                .map(|(k, ..)| best.iter().filter(|c| c.kind() == *k).count())
                .collect();
            let caps = &mut rules.caps;
            let reducible = (0..by_kind.len())
                .filter(|&i| many(by_kind[i].0) && caps[i].unwrap_or(usize::MAX) > 0)
                .filter(|&i| counts[i] > 0 || caps[i].is_some())
                .max_by_key(|&i| (caps[i].unwrap_or(counts[i]), std::cmp::Reverse(i)));
            match reducible {
                Some(i) => caps[i] = Some(caps[i].unwrap_or(counts[i]).saturating_sub(1)),
                None => break,
            }
        }
        if best.len() >= wanted || exhausted {
            break;
        }
        widen = widen.saturating_mul(4);
    }
    let chosen = best;
    ctx.warnings = warnings;
    // A kind that could be asked but was given up to reach the quiz's length is reported.
    for &(kind, weight) in &deck.quiz.kinds {
        let given = chosen.iter().filter(|c| c.kind() == kind).count();
        let possible = given == 0
            && weight > 0
            && !ctx
                .warnings
                .iter()
                .any(|w| w.message.contains(&format!("asks for {kind} questions")));
        if possible {
            ctx.warnings.push(
                Diagnostic::warning(
                    deck.quiz_origin.clone(),
                    format!(
                        "deck `{}` asks for {kind} questions, but its quiz has none: they would use entries that the other questions need to make {wanted}",
                        deck.id
                    ),
                )
                .with_help("lower `questions:`, or add entries, or remove the kind from `kinds:`"),
            );
        }
    }
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

/// The candidates of one kind. Kinds over single entries stop once they have `enough`,
/// except that entries a teacher may need to hear about (a fact without braces, a question
/// short of distractors, a quote with too few other people) are always tried, so that every
/// such entry is reported.
fn candidates(
    ctx: &mut Ctx<'_>,
    kind: QuestionKind,
    entries: &[&Entry],
    cards: &[Card],
    enough: usize,
) -> (Vec<Candidate>, bool) {
    type Make = fn(&mut Ctx<'_>, &Entry) -> Vec<Candidate>;
    let (make, reported): (Make, fn(&EntryKind) -> bool) = match kind {
        QuestionKind::Flashcard => {
            let forward: std::collections::HashMap<&str, &Card> = cards
                .iter()
                .filter(|c| !c.reverse)
                .map(|c| (c.entry.as_str(), c))
                .collect();
            let all: Vec<Card> = entries
                .iter()
                .filter_map(|e| forward.get(e.id.as_str()).map(|c| (*c).clone()))
                .collect();
            let sample = &all[..all.len().min(enough)];
            return (
                kinds::flashcard::candidates(ctx, sample),
                sample.len() == all.len(),
            );
        }
        QuestionKind::Matching => return (kinds::matching::candidates(ctx, entries), true),
        QuestionKind::Timeline => return (kinds::timeline::candidates(ctx, entries), true),
        QuestionKind::Cloze => (kinds::cloze::candidates, |k| {
            matches!(k, EntryKind::Fact(_))
        }),
        QuestionKind::MultipleChoice => (kinds::choice::candidates, |k| {
            matches!(k, EntryKind::Question(_))
        }),
        QuestionKind::TrueFalse => (|ctx, e| kinds::truefalse::candidates(ctx, e), |_| false),
        QuestionKind::Who => (kinds::who::candidates, |k| matches!(k, EntryKind::Quote(_))),
    };
    let mut out = Vec::new();
    for entry in entries.iter().filter(|e| reported(&e.kind)) {
        out.extend(make(ctx, entry));
    }
    let mut rest = entries.iter().filter(|e| !reported(&e.kind)).peekable();
    while out.len() < enough {
        match rest.next() {
            Some(entry) => out.extend(make(ctx, entry)),
            None => break,
        }
    }
    (out, rest.peek().is_none())
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
