//! Cloze: type the blanked part of a fact (or the full form of an acronym).
//!
//! A typed answer needs no wrong options, so it is how a blank of any type can be asked;
//! only a blank that its own sentence gives away (the answer standing elsewhere in it, an
//! acronym next to its spelled-out words) is left out, with the reason in the report.
//!
//! A number blank also accepts the other ways of typing its number (`three hundred` for
//! `300`, `18` and `eighteenth` for `XVIII`: [`numbers::alike`]), in `accept`, which the
//! quiz page, `quiz.json`, Moodle XML, GIFT and QTI all check typed answers against.

use decksmith_model::names::normalize_answer;
use decksmith_model::{Blank, ClozeMode, Entry, EntryKind, Fact, Term};

use super::{Candidate, Ctx, DropKind};
use crate::cards::BLANK;
use crate::explain;
use crate::facts::BlankSite;
use crate::types::{BlankAnswer, Body, ClozeBody};
use crate::values::ValueType;
use crate::values::numbers::{self, Typed, Written};

/// Every accepted answer for a blank: the answer, its alternatives, the aliases of the
/// person, organization, term or place it names, the answer with a name inside it written
/// as its acronym (`UN General Assembly`), and for a number blank (`site`) the other ways of
/// typing its number, without repeats.
fn accept(ctx: &Ctx<'_>, blank: &Blank, site: Option<&BlankSite>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = std::iter::once(blank.answer.clone())
        .chain(blank.alternatives.iter().cloned())
        .chain(ctx.pools.aliases(&blank.answer))
        .chain(ctx.pools.shortened(&blank.answer))
        .chain(site.map(|s| number_forms(ctx, s)).unwrap_or_default());
    for answer in all {
        let other_spelling = other_spelling(&answer);
        let written_otherwise = [
            numbers::name_number_form(&answer),
            hyphenated(&answer),
            other_number(&answer),
        ];
        for answer in std::iter::once(answer)
            .chain(other_spelling)
            .chain(written_otherwise.into_iter().flatten())
        {
            if !out
                .iter()
                .any(|o| normalize_answer(o) == normalize_answer(&answer))
            {
                out.push(answer);
            }
        }
    }
    out
}

/// The answer in the other of British and American spelling, if it has words spelled
/// differently ("Shanghai Cooperation Organisation" for "… Organization"): a student
/// types the spelling they learned, and neither is wrong.
fn other_spelling(answer: &str) -> Option<String> {
    word_by_word(answer, respelled)
}

/// The answer with each word `other` gives another form of in that form, if there is one.
fn word_by_word(answer: &str, other: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = answer
        .split(' ')
        .map(|word| match other(word) {
            Some(other) => {
                changed = true;
                other
            }
            None => word.to_owned(),
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Two words joined by "and" as one hyphenated word (`military and political` and
/// `military-political`), as a student may write them.
fn hyphenated(answer: &str) -> Option<String> {
    let words: Vec<&str> = answer.split(' ').collect();
    match words.as_slice() {
        [a, "and", b]
            if [a, b]
                .iter()
                .all(|w| w.len() > 2 && w.chars().all(char::is_alphabetic)) =>
        {
            Some(format!("{a}-{b}"))
        }
        _ => None,
    }
}

/// A name with its nouns used as modifiers in the other number, where usage has both
/// (`Information and Communications Technologies`, `… Communication Technologies`): a
/// student who writes either has the name.
fn other_number(answer: &str) -> Option<String> {
    const BOTH: &[(&str, &str)] = &[
        ("Communications", "Communication"),
        ("communications", "communication"),
        ("Telecommunications", "Telecommunication"),
        ("telecommunications", "telecommunication"),
    ];
    if answer.split(' ').count() < 3 {
        return None;
    }
    word_by_word(answer, |w| {
        BOTH.iter()
            .find_map(|(a, b)| (w == *a).then_some(*b).or((w == *b).then_some(*a)))
            .map(str::to_owned)
    })
}

/// One word in the other spelling, if it has one.
fn respelled(word: &str) -> Option<String> {
    // Whole words, both ways.
    const WORDS: &[(&str, &str)] = &[
        ("behavior", "behaviour"),
        ("behaviors", "behaviours"),
        ("center", "centre"),
        ("centers", "centres"),
        ("defense", "defence"),
        ("program", "programme"),
        ("programs", "programmes"),
        ("labor", "labour"),
        ("favor", "favour"),
        ("honor", "honour"),
        ("neighbor", "neighbour"),
    ];
    // Endings, both ways.
    const ENDINGS: &[(&str, &str)] = &[("ization", "isation"), ("izations", "isations")];
    // "-ize" verbs take "-ise" in British spelling ("institutionalise"); only that way, and
    // only after a stem of four letters or more, so that "size", "prize" and "seize" stay.
    const VERBS: &[(&str, &str)] = &[
        ("ize", "ise"),
        ("izes", "ises"),
        ("ized", "ised"),
        ("izing", "ising"),
    ];
    if !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    for (us, uk) in WORDS {
        for (from, to) in [(us, uk), (uk, us)] {
            if lower == *from {
                // "Center" becomes "Centre", as it was written.
                let mut chars = to.chars();
                return chars.next().map(|first| {
                    let first = if word.starts_with(char::is_uppercase) {
                        first.to_ascii_uppercase()
                    } else {
                        first
                    };
                    std::iter::once(first).chain(chars).collect()
                });
            }
        }
    }
    let ending = |from: &str, to: &str, stem: usize| {
        (lower.ends_with(from) && lower.len() >= from.len() + stem)
            .then(|| format!("{}{to}", &word[..word.len() - from.len()]))
    };
    ENDINGS
        .iter()
        .flat_map(|(us, uk)| [(us, uk), (uk, us)])
        .find_map(|(from, to)| ending(from, to, 1))
        .or_else(|| VERBS.iter().find_map(|(us, uk)| ending(us, uk, 4)))
}

/// The other ways of typing a number blank's number; none for a blank of another type.
fn number_forms(ctx: &Ctx<'_>, site: &BlankSite) -> Vec<String> {
    let answer = &site.blank.answer;
    let hint = site.blank.kind.as_deref();
    // A bound ("more than {300}") is a number too: its type without the words before it.
    let ty = match &site.ty {
        ValueType::Bounded => ctx.pools.classify_blank(answer, hint, ""),
        ty => ty.clone(),
    };
    let kind = match ty {
        ValueType::Number | ValueType::Bounded => Written::Cardinal,
        ValueType::Ordinal => Written::Ordinal,
        ValueType::Roman => Written::Roman,
        _ => return Vec::new(),
    };
    let language = ctx.course.language_of(ctx.deck);
    numbers::alike(Typed {
        answer,
        kind,
        before: &site.before,
        english: language == "en" || language.starts_with("en-"),
        declared: matches!(hint, Some("number" | "ordinal")),
    })
}

/// The cloze questions of an entry.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    match &entry.kind {
        EntryKind::Fact(fact) => fact_candidates(ctx, entry, fact),
        EntryKind::Term(term) => term_candidate(ctx, entry, term).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A fact's cloze questions: one per blank, or one with every blank, as the deck asks.
fn fact_candidates(ctx: &mut Ctx<'_>, entry: &Entry, fact: &Fact) -> Vec<Candidate> {
    let sites = ctx.sites_of(entry);
    if sites.is_empty() {
        ctx.warn(
            entry,
            format!(
                "fact `{}` has no part in braces, so no cloze question can be made from it",
                entry.id
            ),
            "put the part to test in braces, as in `In {November 2021}, ...`",
        );
        return Vec::new();
    }
    match ctx.deck.quiz.cloze {
        ClozeMode::Each => each_blank(ctx, entry, &sites),
        ClozeMode::All => all_blanks(ctx, entry, fact, &sites).into_iter().collect(),
    }
}

/// One question per blank, the other blanks filled in; none for a blank the sentence
/// gives away.
fn each_blank(ctx: &mut Ctx<'_>, entry: &Entry, sites: &[BlankSite]) -> Vec<Candidate> {
    let single = sites.len() == 1;
    let mut out = Vec::new();
    for site in sites {
        let id = if single {
            format!("{}:cloze", entry.id)
        } else {
            format!("{}:cloze:{}", entry.id, site.index + 1)
        };
        if let Some(why) = &site.gives_itself_away {
            ctx.drop(
                entry,
                id,
                DropKind::GivesAway,
                format!("blank \"{}\": {why}", site.blank.answer),
                Some("reword the fact so that the sentence does not give the answer"),
            );
            continue;
        }
        let accepted = accept(ctx, &site.blank, Some(site));
        let body = Body::Cloze(ClozeBody {
            text: site.text.clone(),
            blanks: vec![BlankAnswer {
                answer: site.blank.answer.clone(),
                accept: accepted.clone(),
            }],
        });
        let names = asked(ctx, &accepted, &site.blank.answer);
        let asks: Vec<&str> = names.iter().map(String::as_str).collect();
        let explanation = explain::fact(ctx, entry, site);
        out.push(ctx.candidate(entry, id, body, explanation, &[&site.text], &asks));
    }
    out
}

/// What a blank asks for: every answer it accepts (a question that shows any of them gives
/// the marks away, whether it is the answer written otherwise, `1st Committee`, `three
/// hundred`, or another word the teacher accepts as fair, `conduct` beside `behavior`: a
/// student who reads it in another question can copy it), and the answer's other names as a
/// multiple-choice question counts them (an organization's acronym, a term's full form),
/// which give its letters away.
fn asked(ctx: &Ctx<'_>, accepted: &[String], answer: &str) -> Vec<String> {
    let mut names: Vec<String> = accepted.to_vec();
    for name in super::answer_and_aliases(ctx, answer) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// One question with every blank of the fact; none if the sentence gives one away.
fn all_blanks(
    ctx: &mut Ctx<'_>,
    entry: &Entry,
    fact: &Fact,
    sites: &[BlankSite],
) -> Option<Candidate> {
    let id = format!("{}:cloze", entry.id);
    if let Some(site) = sites.iter().find(|s| s.gives_itself_away.is_some()) {
        let why = site.gives_itself_away.clone().unwrap_or_default();
        ctx.drop(
            entry,
            id,
            DropKind::GivesAway,
            format!("blank \"{}\": {why}", site.blank.answer),
            Some("reword the fact so that the sentence does not give the answer"),
        );
        return None;
    }
    let text = fact.cloze.render(|_, _| BLANK.to_owned());
    let blanks: Vec<BlankAnswer> = sites
        .iter()
        .map(|s| BlankAnswer {
            answer: s.blank.answer.clone(),
            accept: accept(ctx, &s.blank, Some(s)),
        })
        .collect();
    let names: Vec<String> = blanks
        .iter()
        .flat_map(|b| asked(ctx, &b.accept, &b.answer))
        .collect();
    let answers: Vec<&str> = names.iter().map(String::as_str).collect();
    let body = Body::Cloze(ClozeBody {
        text: text.clone(),
        blanks: blanks.clone(),
    });
    let explanation = explain::fact(ctx, entry, &sites[0]);
    Some(ctx.candidate(entry, id, body, explanation, &[&text], &answers))
}

/// "OEWG stands for ____." The full form is typed, so its letters give nothing away.
fn term_candidate(ctx: &Ctx<'_>, entry: &Entry, term: &Term) -> Option<Candidate> {
    let expansion = term.expansion.as_ref()?;
    let blank = Blank {
        answer: expansion.clone(),
        ..Blank::default()
    };
    let text = ctx.phrases.get(
        "s.stands-for",
        &[("term", &term.term), ("expansion", BLANK)],
    );
    let body = Body::Cloze(ClozeBody {
        text: text.clone(),
        blanks: vec![BlankAnswer {
            answer: expansion.clone(),
            accept: accept(ctx, &blank, None),
        }],
    });
    let explanation = explain::term(ctx, entry, term, explain::Side::Expansion);
    Some(ctx.candidate(
        entry,
        format!("{}:cloze", entry.id),
        body,
        explanation,
        &[&text],
        &[expansion],
    ))
}
