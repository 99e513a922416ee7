//! Flashcards that follow the minimum-information principle: one card, one thing to recall.
//!
//! - a term gives a card for its meaning, one for what its acronym stands for, and one per
//!   translation, each front saying which side it asks for (an acronym's meaning and
//!   translation cards show its expansion, so they ask for one thing);
//! - a fact gives one card per blank, the other blanks filled in (as Anki's cloze notes do);
//! - a person gives their role; an organization what its acronym stands for, and what it is;
//!   an event its date; a quote who said it; a question its answer.
//!
//! A translated name is shown on the front as a gloss, not asked for. The teacher's
//! `explain:` is a note under the answer, never a second thing to recall; `see:` links never
//! join a card. The first card of an entry has the entry's id (which Anki's notes are keyed
//! by), the others the id and what they ask for (`term-oewg-meaning`, `fact-x-2`).
//!
//! Across the course, two cards with the same front get the deck's title (or, within a deck,
//! the entry's kind) as a line on the front, so each front asks one question. A back longer
//! than [`MAX_BACK_WORDS`] words, a card whose front shows its own answer, a fact without
//! a part in braces, and a term's translation that holds a full form and its abbreviation
//! are reported.

use decksmith_model::names::comparable;
use decksmith_model::{
    Course, Deck, Diagnostic, Entry, EntryKind, Fact, Organization, Quote, Term,
};

use rayon::prelude::*;

use crate::HashMap;
use crate::cite;
use crate::kinds::{padded, reveals};
use crate::phrases::{PHRASES, Phrasebook};
use crate::types::{Card, Line, LineRole, Side};

/// The blank shown in place of a cloze part.
pub const BLANK: &str = "____";

/// The most words on the back of a card (its answer and the lines under it, the teacher's
/// note aside): more is more than one thing to recall.
pub const MAX_BACK_WORDS: usize = 20;

/// The cards of every deck of the course, in course order, numbered from 1 within each
/// deck; with warnings about cards that break the minimum-information principle.
pub fn course_cards(course: &Course) -> (Vec<Vec<Card>>, Vec<Diagnostic>) {
    // Decks are independent: their cards are made on all cores, then gathered in order.
    let made: Vec<(Vec<Card>, Vec<Diagnostic>)> = course
        .decks
        .par_iter()
        .map(|d| {
            let mut warnings = Vec::new();
            (deck_cards(course, d, &mut warnings), warnings)
        })
        .collect();
    let mut warnings = Vec::new();
    let mut decks: Vec<Vec<Card>> = Vec::with_capacity(made.len());
    for (cards, said) in made {
        decks.push(cards);
        warnings.extend(said);
    }
    disambiguate(course, &mut decks);
    for (deck, cards) in course.decks.iter().zip(&decks) {
        for card in cards.iter().filter(|c| !c.reverse) {
            let words = back_words(&card.back);
            if words > MAX_BACK_WORDS {
                warnings.push(
                    Diagnostic::warning(
                        card.origin.clone(),
                        format!(
                            "the back of card `{}` has {words} words; a card should ask for one short thing ({MAX_BACK_WORDS} words at most)",
                            card.id
                        ),
                    )
                    .with_help(format!(
                        "shorten the entry's {} to what a student should recall, and put what else matters in an entry of its own",
                        what_is_on_the_back(deck, card)
                    )),
                );
            }
        }
    }
    for deck in &course.decks {
        for entry in &deck.entries {
            if let EntryKind::Fact(f) = &entry.kind
                && f.cloze.blanks().next().is_none()
            {
                warnings.push(
                    Diagnostic::warning(
                        entry.origin.clone(),
                        format!(
                            "fact `{}` has no part in braces, so it makes no card",
                            entry.id
                        ),
                    )
                    .with_help("put the part to recall in braces, as in `In {November 2021}, ...`"),
                );
            }
        }
    }
    two_things_translated(course, &mut warnings);
    (decks, warnings)
}

/// Warns about a term's translation that holds a full form and its abbreviation
/// ("информационно-коммуникационные технологии (ИКТ)"): its card and question ask for both.
fn two_things_translated(course: &Course, warnings: &mut Vec<Diagnostic>) {
    for entry in course.decks.iter().flat_map(|d| &d.entries) {
        let EntryKind::Term(t) = &entry.kind else {
            continue;
        };
        for tr in &t.translations {
            let Some((full, abbreviation)) = full_form_and_abbreviation(&tr.text) else {
                continue;
            };
            warnings.push(
                Diagnostic::warning(
                    entry.origin.clone(),
                    format!(
                        "the `{}` translation of `{}` holds a full form and its abbreviation (\"{}\"), so its card asks for two things",
                        tr.lang, entry.id, tr.text
                    ),
                )
                .with_help(format!(
                    "give only \"{full}\" as the translation, and the abbreviation {abbreviation} in a fact of its own, as in `fact: ... is abbreviated {{{abbreviation}}}.`"
                )),
            );
        }
    }
}

/// `("информационно-коммуникационные технологии", "ИКТ")` for a text that ends with an
/// abbreviation in brackets after a full form of two words or more, the abbreviation in
/// capitals (spaces and dots allowed: "ГА ООН") and starting with the full form's letter.
fn full_form_and_abbreviation(text: &str) -> Option<(&str, &str)> {
    let inside = text.trim_end().strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let (full, abbreviation) = (inside[..open].trim_end(), inside[open + 1..].trim());
    let capitals = abbreviation.chars().filter(|c| c.is_uppercase()).count();
    let abbreviation_like = (2..=10).contains(&abbreviation.chars().count())
        && capitals >= 2
        && abbreviation
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.');
    let first = |s: &str| {
        s.chars()
            .next()
            .map(|c| c.to_lowercase().collect::<String>())
    };
    (abbreviation_like
        && full.split_whitespace().count() >= 2
        && first(full) == first(abbreviation))
    .then_some((full, abbreviation))
}

/// The cards of one deck, numbered from 1 (without the course-wide checks of
/// [`course_cards`]).
pub fn cards(course: &Course, deck: &Deck) -> Vec<Card> {
    deck_cards(course, deck, &mut Vec::new())
}

fn deck_cards(course: &Course, deck: &Deck, warnings: &mut Vec<Diagnostic>) -> Vec<Card> {
    let language = course.language_of(deck);
    let phrases = Phrasebook::new(PHRASES, language, &course.strings);
    let mut out = Vec::new();
    for entry in &deck.entries {
        let sides = sides(&phrases, entry);
        for (i, (suffix, front, back)) in sides.into_iter().enumerate() {
            let id = match suffix {
                None => entry.id.clone(),
                Some(suffix) => format!("{}-{suffix}", entry.id),
            };
            // A front that shows its own answer asks nothing.
            if back.text.chars().count() >= 3
                && reveals(&padded(&front.plain()), &padded(&back.text))
            {
                warnings.push(
                    Diagnostic::warning(
                        entry.origin.clone(),
                        format!(
                            "card `{id}` would show its own answer (\"{}\") on its front, so it is left out",
                            back.text
                        ),
                    )
                    .with_help("reword the entry so that the question does not contain the answer"),
                );
                continue;
            }
            let reverse = (deck.cards.reverse && i == 0 && reversible(entry))
                .then(|| (Side::new(back.text.clone()), Side::new(front.text.clone())));
            push(&mut out, course, entry, id.clone(), front, back, false);
            if let Some((front, back)) = reverse {
                push(
                    &mut out,
                    course,
                    entry,
                    format!("{id}-reverse"),
                    front,
                    back,
                    true,
                );
            }
        }
    }
    for card in &mut out {
        card.guid = crate::guid::guid(&course.title, &deck.id, &card.id);
    }
    out
}

fn reversible(entry: &Entry) -> bool {
    matches!(
        entry.kind,
        EntryKind::Term(_) | EntryKind::Person(_) | EntryKind::Organization(_)
    )
}

fn push(
    out: &mut Vec<Card>,
    course: &Course,
    entry: &Entry,
    id: String,
    front: Side,
    mut back: Side,
    reverse: bool,
) {
    if !reverse && let Some(explain) = &entry.explain {
        back.lines.push(line(explain, LineRole::Note));
    }
    out.push(Card {
        // Set once the deck's cards are made (`deck_cards`).
        guid: String::new(),
        id,
        number: out.len() as u32 + 1,
        entry: entry.id.clone(),
        kind: entry.kind_name(),
        reverse,
        front,
        back,
        tags: entry.tags.clone(),
        sources: cite::resolve(course, &entry.citations),
        origin: entry.origin.clone(),
    });
}

fn line(text: impl Into<String>, role: LineRole) -> Line {
    Line {
        text: text.into(),
        lang: None,
        role,
    }
}

/// A side with a main text and a line saying what to recall.
fn asking(text: impl Into<String>, cue: String) -> Side {
    Side {
        text: text.into(),
        lang: None,
        lines: vec![line(cue, LineRole::Detail)],
    }
}

/// The cards of an entry: (id suffix, front, back), the first without a suffix.
type Sides = Vec<(Option<String>, Side, Side)>;

/// The fronts and backs of an entry's cards.
pub fn sides(p: &Phrasebook<'_>, entry: &Entry) -> Sides {
    match &entry.kind {
        EntryKind::Term(t) => term_sides(p, t),
        EntryKind::Person(person) => {
            let mut front = Side::new(&person.name);
            glosses(&mut front, &person.translations);
            vec![(None, front, Side::new(&person.role))]
        }
        EntryKind::Organization(o) => organization_sides(p, o),
        EntryKind::Event(e) => vec![(
            None,
            Side::new(&e.text),
            Side::new(p.date_range(&e.date, e.end.as_ref())),
        )],
        EntryKind::Quote(q) => quote_sides(p, q),
        EntryKind::Fact(f) => fact_sides(p, f),
        EntryKind::Question(q) => vec![(None, Side::new(&q.prompt), Side::new(&q.answer))],
    }
}

/// A term as a card or a question shows it when it asks for something other than what the
/// term stands for: with its expansion first, if it has one ("Open-Ended Working Group
/// (OEWG)"), so that what it stands for is given, not a second thing to recall.
pub fn term_shown(t: &Term) -> String {
    match &t.expansion {
        Some(expansion) => format!("{expansion} ({})", t.term),
        None => t.term.clone(),
    }
}

/// A term's meaning (with its expansion first, if it has one), and one card per translation.
fn term_sides(p: &Phrasebook<'_>, t: &Term) -> Sides {
    let mut out: Sides = Vec::new();
    match &t.expansion {
        Some(expansion) => {
            out.push((
                None,
                asking(&t.term, p.get("c.expansion", &[])),
                Side::new(expansion),
            ));
            out.push((
                Some("meaning".into()),
                Side::new(term_shown(t)),
                Side::new(&t.meaning),
            ));
        }
        None => out.push((None, Side::new(&t.term), Side::new(&t.meaning))),
    }
    // An acronym's card asks for the translation only: the front gives what the acronym
    // stands for, which its own card asks.
    for tr in &t.translations {
        let language = p.get(&format!("lang.{}", tr.lang), &[]);
        let mut back = Side::new(&tr.text);
        back.lang = Some(tr.lang.clone());
        out.push((
            Some(tr.lang.clone()),
            asking(
                term_shown(t),
                p.get("c.translation", &[("language", &language)]),
            ),
            back,
        ));
    }
    out
}

/// What an organization's acronym stands for and what it is, or only what it is.
fn organization_sides(p: &Phrasebook<'_>, o: &Organization) -> Sides {
    match &o.acronym {
        Some(acronym) => {
            let mut front = Side::new(format!("{} ({acronym})", o.name));
            glosses(&mut front, &o.translations);
            vec![
                (
                    None,
                    asking(acronym, p.get("c.expansion", &[])),
                    Side::new(&o.name),
                ),
                (Some("description".into()), front, Side::new(&o.description)),
            ]
        }
        None => {
            let mut front = Side::new(&o.name);
            glosses(&mut front, &o.translations);
            vec![(None, front, Side::new(&o.description))]
        }
    }
}

/// Who said a quote, with its context and date under the name.
fn quote_sides(p: &Phrasebook<'_>, q: &Quote) -> Sides {
    let mut back = Side::new(&q.by);
    if let Some(context) = &q.context {
        back.lines.push(line(context, LineRole::Detail));
    }
    if let Some(date) = &q.date {
        back.lines.push(line(p.date(date), LineRole::Detail));
    }
    vec![(
        None,
        Side::new(p.get("c.quote", &[("quote", &q.text)])),
        back,
    )]
}

/// One card per blank of a fact, the other blanks filled in; the back gives the answer and
/// the others the fact allows ("Also right: connected, interlinked").
fn fact_sides(p: &Phrasebook<'_>, f: &Fact) -> Sides {
    let blanks: Vec<_> = f.cloze.blanks().collect();
    blanks
        .iter()
        .enumerate()
        .map(|(i, blank)| {
            let front = f.cloze.render(|j, b| {
                if j == i {
                    BLANK.to_owned()
                } else {
                    b.answer.clone()
                }
            });
            let suffix = (i > 0).then(|| (i + 1).to_string());
            let mut back = Side::new(&blank.answer);
            // A spelling in another alphabet (MIB for МИБ) is for typing it, not to learn.
            let script = crate::values::text::script(&blank.answer);
            let also: Vec<&str> = blank
                .alternatives
                .iter()
                .filter(|a| crate::values::text::script(a) == script)
                .map(String::as_str)
                .collect();
            if !also.is_empty() {
                back.lines.push(Line {
                    text: p.get("c.also", &[("list", &also.join(", "))]),
                    lang: None,
                    role: LineRole::Also,
                });
            }
            (suffix, Side::new(front), back)
        })
        .collect()
}

/// Adds translations of a name to the front, as glosses (not asked for).
fn glosses(front: &mut Side, translations: &[decksmith_model::Translation]) {
    for t in translations {
        front.lines.push(Line {
            text: t.text.clone(),
            lang: Some(t.lang.clone()),
            role: LineRole::Translation,
        });
    }
}

/// Words on the back that count as things to recall: the answer and its lines, without the
/// teacher's note and the other answers that are right too.
pub fn back_words(back: &Side) -> usize {
    back.text.split_whitespace().count()
        + back
            .lines
            .iter()
            .filter(|l| !matches!(l.role, LineRole::Note | LineRole::Also))
            .map(|l| l.text.split_whitespace().count())
            .sum::<usize>()
}

fn what_is_on_the_back(deck: &Deck, card: &Card) -> &'static str {
    let entry = deck.entries.iter().find(|e| e.id == card.entry);
    match entry.map(|e| &e.kind) {
        Some(EntryKind::Term(_)) => "`meaning:`",
        Some(EntryKind::Person(_)) => "`role:`",
        Some(EntryKind::Organization(_)) => "`description:`",
        Some(EntryKind::Question(_)) => "`answer:`",
        Some(EntryKind::Quote(_)) => "`context:`",
        _ => "text",
    }
}

/// Gives every front that stands on more than one card of the course a line that tells them
/// apart: the deck's title, or within one deck the entry's kind.
fn disambiguate(course: &Course, decks: &mut [Vec<Card>]) {
    let keys: Vec<Vec<String>> = decks
        .par_iter()
        .map(|cards| {
            cards
                .iter()
                .map(|card| comparable(&card.front.plain()))
                .collect()
        })
        .collect();
    let mut seen: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for (d, keys) in keys.into_iter().enumerate() {
        for (c, key) in keys.into_iter().enumerate() {
            seen.entry(key).or_default().push((d, c));
        }
    }
    let mut clashes: Vec<Vec<(usize, usize)>> = seen
        .into_values()
        .filter(|places| places.len() > 1)
        .collect();
    clashes.sort();
    for places in clashes {
        let same_deck = places.iter().all(|(d, _)| *d == places[0].0);
        for (d, c) in places {
            let label = if same_deck {
                decks[d][c].kind.to_owned()
            } else {
                course.decks[d].title.clone()
            };
            decks[d][c].front.lines.push(line(label, LineRole::Detail));
        }
    }
}

#[cfg(test)]
mod tests;
