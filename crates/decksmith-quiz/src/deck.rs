//! One deck's quiz: every candidate question of every kind asked for, the ones pinned and
//! excluded, the selection (widened and relaxed until the quiz has its length, if it can),
//! the warnings about what it could not ask, and the forms.

use std::collections::BTreeSet;

use decksmith_model::diag::count;
use decksmith_model::{Course, Deck, Diagnostic, Entry, EntryKind};

use crate::HashMap;
use crate::assemble;
use crate::kinds::{self, Candidate, Ctx, DropKind, Dropped};
use crate::phrases::{PHRASES, Phrasebook};
use crate::rng;
use crate::types::{Card, DeckOutput, QuestionKind, Quiz};
use crate::values::Pools;
use crate::{DeckReport, GenerateOptions, MAX_VARIANTS, ShortKind, eligible, variant_letter};

/// What generating one deck gave.
pub(crate) struct DeckResult {
    pub(crate) output: DeckOutput,
    pub(crate) report: DeckReport,
    pub(crate) warnings: Vec<Diagnostic>,
    /// Every question id the deck could have (made or not), for checking `pin:`/`exclude:`.
    pub(crate) known: BTreeSet<String>,
}

/// The candidates of each kind the quiz asks for, with the kind's weight.
type ByKind = Vec<(QuestionKind, u32, Vec<Candidate>)>;

/// The deck's quiz and its forms, with its cards, report and warnings.
pub(crate) fn deck_output(
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
        sites: HashMap::default(),
        sayings: Default::default(),
    }
    .with_sites();
    let wanted = deck.quiz.questions as usize;
    let (mut all, known) = all_candidates(&mut ctx, deck, &cards);
    drop_named_in_title(&mut ctx, &mut all);
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
    let asked = assemble::Asked {
        preferred: teachers_own(course, &all),
        pinned,
    };
    let (mut chosen, shortfalls) = choose(seed, deck, &all, &asked);
    let pinned = asked.pinned;
    assemble::fit_explanations(&mut chosen);
    let mut warnings = std::mem::take(&mut ctx.warnings);
    warnings.extend(shortfalls);
    warnings.extend(quiz_warnings(deck, &all, &chosen));
    warnings.extend(pin_warnings(deck, &pinned, &chosen, &ctx.dropped));
    let (quiz, variants) = forms(seed, deck, &chosen, options);
    let report = DeckReport {
        deck: deck.id.clone(),
        questions: chosen.len(),
        wanted,
        cards: cards.len(),
        dropped: std::mem::take(&mut ctx.dropped),
        short_kinds: short_kinds(deck, &all, &chosen),
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

/// Every candidate of every kind asked for, from every entry the quiz may ask about, so
/// the report says what could not be made and pinned questions are found wherever they
/// are; and the id of every question the deck could have (made or not).
fn all_candidates(ctx: &mut Ctx<'_>, deck: &Deck, cards: &[Card]) -> (ByKind, BTreeSet<String>) {
    let seed = ctx.seed;
    let mut entries: Vec<&Entry> = deck.entries.iter().filter(|e| eligible(deck, e)).collect();
    // Entries in a seeded order keyed by their ids: selection looks at the candidates of the
    // first entries first, so a quiz of 20 questions does not weigh every entry of a large
    // deck, and editing one entry does not reshuffle the others.
    entries.sort_by_cached_key(|e| (rng::rank(seed, &[&deck.id, "sample"], &e.id), e.id.clone()));
    let mut all: ByKind = Vec::new();
    for &(kind, weight) in &deck.quiz.kinds {
        all.push((kind, weight, candidates(ctx, kind, &entries, cards)));
    }
    let mut known: BTreeSet<String> = all
        .iter()
        .flat_map(|(_, _, c)| c.iter().map(|c| c.id.clone()))
        .collect();
    known.extend(ctx.dropped.iter().map(|d| d.question.clone()));
    (all, known)
}

/// The questions the teacher wrote (`question:` entries), those with the teacher's own
/// options first, in the deck's seeded order: a quiz asks them before any generated one, as
/// far as each kind's share allows.
fn teachers_own(course: &Course, all: &ByKind) -> Vec<String> {
    let own = |c: &Candidate| {
        c.entries
            .first()
            .and_then(|id| course.entry(id))
            .is_some_and(|(_, entry)| matches!(entry.kind, EntryKind::Question(_)))
    };
    let mut preferred: Vec<&Candidate> = all
        .iter()
        .flat_map(|(_, _, list)| list.iter())
        .filter(|c| own(c))
        .collect();
    preferred.sort_by_key(|c| c.kind() != QuestionKind::MultipleChoice);
    preferred.into_iter().map(|c| c.id.clone()).collect()
}

/// Drops the questions whose answer the deck's title gives away: every page, sheet and key
/// of the quiz is headed by it.
fn drop_named_in_title(ctx: &mut Ctx<'_>, all: &mut ByKind) {
    let title = kinds::padded(&ctx.deck.title);
    for (_, _, list) in all.iter_mut() {
        list.retain(|c| {
            let Some(answer) = c.asks.iter().find(|a| kinds::reveals(&title, a)) else {
                return true;
            };
            // The answer as the title writes it ("UN", not the compared "un").
            let lower = ctx.deck.title.to_lowercase();
            let answer = lower
                .find(answer.trim())
                .and_then(|at| ctx.deck.title.get(at..at + answer.trim().len()))
                .unwrap_or(answer.trim());
            let entry = c.entries.first().and_then(|id| ctx.course.entry(id));
            if let Some((_, entry)) = entry {
                ctx.drop(
                    entry,
                    c.id.clone(),
                    DropKind::GivesAway,
                    format!(
                        "the deck's title (\"{}\") gives the answer (\"{}\") away",
                        ctx.deck.title, answer
                    ),
                    Some(
                        "take the answer out of the deck's `title:`, or the question is not asked",
                    ),
                );
            }
            false
        });
    }
}

/// The questions of the quiz, chosen from the candidates of the first entries; if the quiz
/// comes up short, first from a wider sample, then asking less of the kinds that use many
/// entries at once (a second timeline can cost more questions than it gives): the quiz's
/// length comes first. With warnings for the kinds that had no candidate at all.
fn choose(
    seed: u64,
    deck: &Deck,
    all: &ByKind,
    asked: &assemble::Asked,
) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let wanted = deck.quiz.questions as usize;
    let mut widen = 1usize;
    let mut rules = assemble::Rules {
        caps: vec![None; deck.quiz.kinds.len()],
        balance_truth: true,
    };
    let mut best: Vec<Candidate> = Vec::new();
    let mut shortfalls: Vec<Diagnostic> = Vec::new();
    loop {
        let (by_kind, exhausted) = sample(deck, all, widen, asked);
        loop {
            let chosen = select(seed, deck, &by_kind, &rules, asked);
            if chosen.len() > best.len() || best.is_empty() {
                best = chosen;
                shortfalls = empty_kinds(deck, &by_kind);
            }
            if best.len() >= wanted || !exhausted || !give_up_one(&mut rules, &by_kind, &best) {
                break;
            }
        }
        if best.len() >= wanted || exhausted {
            break;
        }
        widen = widen.saturating_mul(4);
    }
    (best, shortfalls)
}

/// The candidates of the first entries of each kind, a few times the kind's share of the
/// quiz times `widen`, and the pinned and the teacher's own ones wherever they are; and
/// whether that is all of
/// them.
fn sample(deck: &Deck, all: &ByKind, widen: usize, asked: &assemble::Asked) -> (ByKind, bool) {
    let total_weight: u32 = deck.quiz.kinds.iter().map(|(_, w)| *w).sum::<u32>().max(1);
    let mut exhausted = true;
    let by_kind = all
        .iter()
        .map(|(kind, weight, list)| {
            let share = (deck.quiz.questions * weight).div_ceil(total_weight) as usize;
            let enough = (4 * share + 8).saturating_mul(widen);
            exhausted &= list.len() <= enough;
            // The teacher's own questions further on, as many as the kind's share lacks (a
            // kind asks no more of them than its share).
            let own = |c: &Candidate| asked.preferred.contains(&c.id);
            let mut more =
                share.saturating_sub(list.iter().take(enough).filter(|c| own(c)).count());
            let sample: Vec<Candidate> = list
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    *i < enough
                        || asked.pinned.contains(&c.id)
                        || (more > 0 && own(c) && {
                            more -= 1;
                            true
                        })
                })
                .map(|(_, c)| c.clone().indexed())
                .collect();
            (*kind, *weight, sample)
        })
        .collect();
    (by_kind, exhausted)
}

/// A selection under `rules` that asks the teacher's own questions first, as many as leave
/// the quiz as long and of as many kinds as it is without them: a question the teacher
/// wrote comes before a generated one, not before a kind the teacher asked for.
fn select(
    seed: u64,
    deck: &Deck,
    by_kind: &ByKind,
    rules: &assemble::Rules,
    asked: &assemble::Asked,
) -> Vec<Candidate> {
    let mut asked = asked.clone();
    if asked.preferred.is_empty() {
        return balanced(seed, deck, by_kind, rules, &asked);
    }
    let kinds = |chosen: &[Candidate]| {
        chosen
            .iter()
            .map(Candidate::kind)
            .collect::<BTreeSet<_>>()
            .len()
    };
    let first = balanced(seed, deck, by_kind, rules, &asked);
    // A full quiz with every kind that has a question to give cannot be bettered.
    let possible = by_kind
        .iter()
        .filter(|(_, weight, list)| *weight > 0 && !list.is_empty())
        .count();
    if first.len() >= deck.quiz.questions as usize && kinds(&first) >= possible {
        return first;
    }
    let preferred = std::mem::take(&mut asked.preferred);
    let plain = balanced(seed, deck, by_kind, rules, &asked);
    asked.preferred = preferred;
    let mut chosen = first;
    loop {
        if chosen.len() >= plain.len() && kinds(&chosen) >= kinds(&plain) {
            return chosen;
        }
        // The last of the teacher's questions that made it in gives its place back.
        let Some(last) = asked
            .preferred
            .iter()
            .rposition(|id| chosen.iter().any(|c| &c.id == id))
        else {
            return plain;
        };
        asked.preferred.remove(last);
        chosen = balanced(seed, deck, by_kind, rules, &asked);
    }
}

/// A selection under `rules`, or without balancing true and false statements if that gives
/// a longer quiz.
fn balanced(
    seed: u64,
    deck: &Deck,
    by_kind: &ByKind,
    rules: &assemble::Rules,
    asked: &assemble::Asked,
) -> Vec<Candidate> {
    let wanted = deck.quiz.questions as usize;
    let chosen = assemble::select(seed, &deck.id, wanted, by_kind, rules, asked);
    if chosen.len() >= wanted {
        return chosen;
    }
    let relaxed = assemble::Rules {
        balance_truth: false,
        ..rules.clone()
    };
    let other = assemble::select(seed, &deck.id, wanted, by_kind, &relaxed, asked);
    if other.len() > chosen.len() {
        other
    } else {
        chosen
    }
}

/// With every entry tried: caps the many-entry kind (matching, timeline) with the most
/// questions at one question fewer; whether there was one to cap.
fn give_up_one(rules: &mut assemble::Rules, by_kind: &ByKind, best: &[Candidate]) -> bool {
    let many = |k: QuestionKind| matches!(k, QuestionKind::Matching | QuestionKind::Timeline);
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
        Some(i) => {
            caps[i] = Some(caps[i].unwrap_or(counts[i]).saturating_sub(1));
            true
        }
        None => false,
    }
}

/// Warnings for the kinds asked for that have no candidate in the sample.
fn empty_kinds(deck: &Deck, by_kind: &ByKind) -> Vec<Diagnostic> {
    by_kind
        .iter()
        .filter(|(_, _, candidates)| candidates.is_empty())
        .map(|(kind, ..)| {
            let (why, help) = shortfall(*kind);
            Diagnostic::warning(
                deck.quiz_origin.clone(),
                format!("deck `{}` asks for {kind} questions, but {why}", deck.id),
            )
            .with_help(help)
        })
        .collect()
}

/// The kinds that gave fewer questions than their weights ask for, with how many they gave
/// and how many the weights ask for: the quiz filled their places with other kinds, so its
/// mix is not the one the teacher set (the report says so; a kind that gave none is a
/// warning).
fn short_kinds(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Vec<ShortKind> {
    let wanted = deck.quiz.questions as usize;
    let weights: Vec<(QuestionKind, u32, usize)> = all
        .iter()
        .map(|(kind, w, _)| (*kind, *w, usize::MAX))
        .collect();
    let shares = assemble::quotas(wanted, &weights);
    all.iter()
        .zip(shares)
        .filter_map(|((kind, _, list), share)| {
            let made = chosen.iter().filter(|c| c.kind() == *kind).count();
            (made > 0 && made < share).then_some(ShortKind {
                kind: *kind,
                made,
                share,
                possible: list.len(),
            })
        })
        .collect()
}

/// What keeps a question out once it can be made: the quiz's own rules.
const KEPT_OUT: &str = "asks about an entry the quiz already asks about, or would give away another question's answer or rule out its wrong options";

/// Warnings for a kind given up to reach the quiz's length, and for a quiz shorter than
/// asked.
fn quiz_warnings(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Vec<Diagnostic> {
    let mut warnings = kinds_given_up(deck, all, chosen);
    warnings.extend(one_sided_statements(deck, all, chosen));
    warnings.extend(kinds_beyond_share(deck, all, chosen));
    warnings.extend(too_short(deck, all, chosen));
    warnings
}

/// A kind the deck asks for, with questions that could be made, of which the quiz has none.
fn kinds_given_up(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Vec<Diagnostic> {
    let wanted = deck.quiz.questions as usize;
    let short = chosen.len() < wanted;
    let mut warnings = Vec::new();
    for (kind, weight, list) in all {
        let given = chosen.iter().filter(|c| c.kind() == *kind).count();
        if given == 0 && *weight > 0 && !list.is_empty() {
            let why = if short && list.len() == 1 {
                format!("the one that could be made {KEPT_OUT}")
            } else if short {
                format!("each of the {} that could be made {KEPT_OUT}", list.len())
            } else {
                format!("they would use entries that the other questions need to make {wanted}")
            };
            warnings.push(
                Diagnostic::warning(
                    deck.quiz_origin.clone(),
                    format!(
                        "deck `{}` asks for {kind} questions, but its quiz has none: {why}",
                        deck.id
                    ),
                )
                .with_help("lower `questions:`, or add entries, or remove the kind from `kinds:`"),
            );
        }
    }
    warnings
}

/// Statements that can only be true (or only false): a student who answers so is always
/// right, in this quiz and in every other form of it.
fn one_sided_statements(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Option<Diagnostic> {
    let statements: Vec<&Candidate> = chosen.iter().filter(|c| c.truth.is_some()).collect();
    let possible: Vec<Option<bool>> = all
        .iter()
        .flat_map(|(_, _, list)| list.iter().map(|c| c.truth))
        .filter(Option::is_some)
        .collect();
    if statements.is_empty() || !possible.iter().all(|t| *t == possible[0]) {
        return None;
    }
    let word = if possible[0] == Some(true) {
        "true"
    } else {
        "false"
    };
    Some(
        Diagnostic::warning(
            deck.quiz_origin.clone(),
            format!(
                "deck `{}` has {} true-false question{}, but every statement its entries give is {word}: a student who answers {word} is always right",
                deck.id,
                statements.len(),
                if statements.len() == 1 { "" } else { "s" }
            ),
        )
        .with_help(if word == "true" {
            "give facts wrong values with `blanks: { <answer>: [...] }` so that false statements can be made, or remove true-false from `kinds:`"
        } else {
            "add facts whose statements can be asked true, or remove true-false from `kinds:`"
        }),
    )
}

/// A kind that filled in for the others well beyond its share: the teacher asked for a quiz
/// of another make.
fn kinds_beyond_share(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Vec<Diagnostic> {
    let wanted = deck.quiz.questions as usize;
    let total_weight: u32 = all.iter().map(|(_, w, _)| *w).sum();
    let mut warnings = Vec::new();
    for (kind, weight, _) in all {
        let given = chosen.iter().filter(|c| c.kind() == *kind).count();
        let share = (wanted * *weight as usize + total_weight as usize / 2)
            / (total_weight.max(1) as usize);
        if given >= share + 3 && given >= 2 * share.max(1) {
            warnings.push(
                Diagnostic::warning(
                    deck.quiz_origin.clone(),
                    format!(
                        "deck `{}` has {given} {kind} questions of its {}, where `kinds:` gives them about {share}: the other kinds had too few questions that could be made well",
                        deck.id,
                        chosen.len()
                    ),
                )
                .with_help(format!(
                    "lower `questions:` to {}, or add entries for the other kinds, or give {kind} more weight in `kinds:` if the quiz is meant so",
                    chosen.len() - (given - share)
                )),
            );
        }
    }
    warnings
}

/// A quiz shorter than asked, and why: the quiz's rules kept questions out, or too few
/// different ones could be made.
fn too_short(deck: &Deck, all: &ByKind, chosen: &[Candidate]) -> Option<Diagnostic> {
    let wanted = deck.quiz.questions as usize;
    if chosen.len() >= wanted {
        return None;
    }
    let mut made: Vec<&str> = all
        .iter()
        .flat_map(|(_, _, list)| list.iter().map(|c| c.id.as_str()))
        .collect();
    made.sort_unstable();
    made.dedup();
    let head = format!(
        "deck `{}` asks for {}",
        deck.id,
        count(wanted, "question", "questions")
    );
    let (message, help) = if made.len() > chosen.len() {
        (
            format!(
                "{head}, but its quiz has only {}: of the {} possible questions its entries give, each of the other {} {KEPT_OUT}",
                chosen.len(),
                made.len(),
                made.len() - chosen.len()
            ),
            format!(
                "lower `questions:` to {} in the deck's quiz settings, or add entries",
                chosen.len()
            ),
        )
    } else {
        (
            match chosen.len() {
                0 => format!("{head}, but none could be made"),
                1 => format!("{head}, but only 1 different one could be made"),
                n => format!("{head}, but only {n} different ones could be made"),
            },
            "add entries or kinds of question, or lower `questions:` in the deck's quiz settings; the generation report (`decksmith check --report`) lists what could not be made and why".to_owned(),
        )
    };
    Some(Diagnostic::warning(deck.quiz_origin.clone(), message).with_help(help))
}

/// The main form of the quiz and its variant forms.
fn forms(
    seed: u64,
    deck: &Deck,
    chosen: &[Candidate],
    options: &GenerateOptions,
) -> (Quiz, Vec<Quiz>) {
    let points = |kind| deck.quiz.points(kind);
    let quiz = assemble::form(seed, &deck.id, &deck.title, chosen, None, &points);
    let variants = (0..options.variants.min(MAX_VARIANTS))
        .map(|n| {
            let letter = variant_letter(n);
            assemble::form(seed, &deck.id, &deck.title, chosen, Some(&letter), &points)
        })
        .collect();
    (quiz, variants)
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
            "it has fewer than 4 pairs of one type and sort to match (terms with meanings, persons with positions, acronyms with full names; a term's names, abbreviations, bodies and common words are kept apart)",
            "add entries, or remove matching from `kinds:`",
        ),
        QuestionKind::Timeline => (
            "it has fewer than 3 events whose order is certain from their dates (none inside another's period) and that tell different stories (no two steps of one process, such as a draft and its adoption)",
            "add dated events of other stories (with months or days where several share a year), or remove timeline from `kinds:`",
        ),
        QuestionKind::Who => (
            "it has no quotes or persons with enough other people in the course to offer as options",
            "add person entries, or remove who from `kinds:`",
        ),
    }
}
