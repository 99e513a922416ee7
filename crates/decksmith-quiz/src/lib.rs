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
pub mod explain;
pub mod facts;
pub mod kinds;
pub mod phrases;
pub mod rng;
pub mod schema;
pub mod types;
pub mod values;

use std::collections::{BTreeSet, HashMap};

use decksmith_model::names::did_you_mean;
use decksmith_model::{Course, Deck, Diagnostic, Entry, QuestionRef};
use rayon::prelude::*;

pub use assemble::{KIND_ORDER, quotas, variant_letter};
pub use kinds::{DropKind, Dropped};
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
}

/// Generates the cards and quizzes of every deck of the course. The diagnostics say what
/// could not be generated and why (warnings), and name pinned or excluded questions that do
/// not exist (errors); the reports list the questions not made, deck by deck.
pub fn generate(course: &Course, options: &GenerateOptions) -> (Generated, Vec<Diagnostic>) {
    let seed = options.seed.unwrap_or(course.seed);
    let pools = Pools::new(course);
    let (cards, mut warnings) = cards::course_cards(course);
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
    let quiz = &deck.quiz;
    (quiz.include_tags.is_empty() || entry.tags.iter().any(|t| quiz.include_tags.contains(t)))
        && !entry.tags.iter().any(|t| quiz.exclude_tags.contains(t))
}

struct DeckResult {
    output: DeckOutput,
    report: DeckReport,
    warnings: Vec<Diagnostic>,
    /// Every question id the deck could have (made or not), for checking `pin:`/`exclude:`.
    known: BTreeSet<String>,
}

fn deck_output(
    course: &Course,
    deck: &Deck,
    cards: Vec<Card>,
    pools: &Pools<'_>,
    seed: u64,
    options: &GenerateOptions,
) -> DeckResult {
    let phrases = Phrasebook::new(PHRASES, course.language_of(deck), &course.strings);
    let mut ctx = Ctx {
        course,
        deck,
        pools,
        phrases: &phrases,
        seed,
        distractors: deck.quiz.options.saturating_sub(1) as usize,
        warnings: Vec::new(),
        dropped: Vec::new(),
        sites: HashMap::new(),
    }
    .with_sites();
    let mut entries: Vec<&Entry> = deck.entries.iter().filter(|e| eligible(deck, e)).collect();
    // Entries in a seeded order keyed by their ids: selection looks at the candidates of the
    // first entries first, so a quiz of 20 questions does not weigh every entry of a large
    // deck, and editing one entry does not reshuffle the others.
    entries.sort_by_cached_key(|e| (rng::rank(seed, &[&deck.id, "sample"], &e.id), e.id.clone()));
    let total_weight: u32 = deck.quiz.kinds.iter().map(|(_, w)| *w).sum::<u32>().max(1);
    let wanted = deck.quiz.questions as usize;

    // Every candidate of every kind asked for, from every entry: the report says what could
    // not be made, and pinned questions are found wherever they are.
    let mut all: Vec<(QuestionKind, u32, Vec<Candidate>)> = Vec::new();
    for &(kind, weight) in &deck.quiz.kinds {
        all.push((kind, weight, candidates(&mut ctx, kind, &entries, &cards)));
    }
    let mut known: BTreeSet<String> = all
        .iter()
        .flat_map(|(_, _, c)| c.iter().map(|c| c.id.clone()))
        .collect();
    known.extend(ctx.dropped.iter().map(|d| d.question.clone()));
    let excluded: BTreeSet<&str> = deck.quiz.exclude.iter().map(|q| q.id.as_str()).collect();
    for (_, _, list) in &mut all {
        list.retain(|c| !excluded.contains(c.id.as_str()));
    }
    let pinned: Vec<String> = deck
        .quiz
        .pin
        .iter()
        .filter(|q| known.contains(&q.id))
        .map(|q| q.id.clone())
        .collect();

    // Choose from the candidates of the first entries; if the quiz comes up short, first
    // widen the sample, then ask less of the kinds that use many entries at once (a second
    // timeline can cost more questions than it gives): the quiz's length comes first.
    let mut widen = 1usize;
    let mut rules = assemble::Rules {
        caps: vec![None; deck.quiz.kinds.len()],
        balance_truth: true,
    };
    let mut best: Vec<Candidate> = Vec::new();
    let mut shortfalls: Vec<Diagnostic> = Vec::new();
    loop {
        let mut exhausted = true;
        let by_kind: Vec<(QuestionKind, u32, Vec<Candidate>)> = all
            .iter()
            .map(|(kind, weight, list)| {
                let share = (deck.quiz.questions * weight).div_ceil(total_weight) as usize;
                let enough = (4 * share + 8).saturating_mul(widen);
                exhausted &= list.len() <= enough;
                let sample: Vec<Candidate> = list
                    .iter()
                    .enumerate()
                    .filter(|(i, c)| *i < enough || pinned.contains(&c.id))
                    .map(|(_, c)| c.clone())
                    .collect();
                (*kind, *weight, sample)
            })
            .collect();
        loop {
            let mut chosen = assemble::select(seed, &deck.id, wanted, &by_kind, &rules, &pinned);
            if chosen.len() < wanted {
                let relaxed = assemble::Rules {
                    balance_truth: false,
                    ..rules.clone()
                };
                let other = assemble::select(seed, &deck.id, wanted, &by_kind, &relaxed, &pinned);
                if other.len() > chosen.len() {
                    chosen = other;
                }
            }
            if chosen.len() > best.len() || best.is_empty() {
                best = chosen;
                shortfalls.clear();
                for (kind, _, candidates) in &by_kind {
                    if candidates.is_empty() {
                        let (why, help) = shortfall(*kind);
                        shortfalls.push(
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
    let mut warnings = std::mem::take(&mut ctx.warnings);
    warnings.extend(shortfalls);
    // A kind that could be asked but was given up to reach the quiz's length is reported.
    for (kind, weight, list) in &all {
        let given = chosen.iter().filter(|c| c.kind() == *kind).count();
        if given == 0 && *weight > 0 && !list.is_empty() {
            warnings.push(
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
        warnings.push(
            Diagnostic::warning(
                deck.quiz_origin.clone(),
                format!(
                    "deck `{}` asks for {wanted} questions, but only {} different {} could be made",
                    deck.id,
                    chosen.len(),
                    if chosen.len() == 1 { "one" } else { "ones" }
                ),
            )
            .with_help("add entries or kinds of question, or lower `questions:` in the deck's quiz settings; the generation report (`decksmith check`) lists what could not be made and why"),
        );
    }
    warnings.extend(pin_warnings(deck, &pinned, &chosen, &ctx.dropped));
    let quiz = assemble::form(seed, &deck.id, &deck.title, &chosen, None);
    let variants = (0..options.variants.min(MAX_VARIANTS))
        .map(|n| {
            let letter = variant_letter(n);
            assemble::form(seed, &deck.id, &deck.title, &chosen, Some(&letter))
        })
        .collect();
    let report = DeckReport {
        deck: deck.id.clone(),
        questions: chosen.len(),
        wanted,
        cards: cards.len(),
        dropped: std::mem::take(&mut ctx.dropped),
    };
    DeckResult {
        output: DeckOutput {
            deck: deck.id.clone(),
            cards,
            quiz,
            variants,
        },
        report,
        warnings,
        known,
    }
}

/// Warnings for pinned questions that are not in the quiz: not made (with why), or in
/// conflict with another pinned question.
fn pin_warnings(
    deck: &Deck,
    pinned: &[String],
    chosen: &[Candidate],
    dropped: &[Dropped],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for pin in deck.quiz.pin.iter().filter(|q| pinned.contains(&q.id)) {
        if chosen.iter().any(|c| c.id == pin.id) {
            continue;
        }
        let message = match dropped.iter().find(|d| d.question == pin.id) {
            Some(d) => format!("pinned question `{}` cannot be made: {}", pin.id, d.reason),
            None => format!(
                "pinned question `{}` is not in the quiz: it asks about the same entry as another pinned question, or gives another one's answer away",
                pin.id
            ),
        };
        out.push(
            Diagnostic::warning(pin.origin.clone(), message)
                .with_help("unpin it, or change the entry so that the question can be made"),
        );
    }
    out
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

/// The candidates of one kind, from every entry, in entry order.
fn candidates(
    ctx: &mut Ctx<'_>,
    kind: QuestionKind,
    entries: &[&Entry],
    cards: &[Card],
) -> Vec<Candidate> {
    type Make = fn(&mut Ctx<'_>, &Entry) -> Vec<Candidate>;
    let make: Make = match kind {
        QuestionKind::Flashcard => {
            let order: HashMap<&str, usize> = entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect();
            let mut forward: Vec<&Card> = cards
                .iter()
                .filter(|c| !c.reverse && order.contains_key(c.entry.as_str()))
                .collect();
            forward.sort_by_key(|c| order.get(c.entry.as_str()).copied().unwrap_or(usize::MAX));
            let forward: Vec<Card> = forward.into_iter().cloned().collect();
            return kinds::flashcard::candidates(ctx, &forward);
        }
        QuestionKind::Matching => return kinds::matching::candidates(ctx, entries),
        QuestionKind::Timeline => return kinds::timeline::candidates(ctx, entries),
        QuestionKind::Cloze => kinds::cloze::candidates,
        QuestionKind::MultipleChoice => kinds::choice::candidates,
        QuestionKind::TrueFalse => kinds::truefalse::candidates,
        QuestionKind::Who => kinds::who::candidates,
    };
    let mut out = Vec::new();
    for entry in entries {
        out.extend(make(ctx, entry));
    }
    out
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
