//! Who said it, who is it: a person's name among other people's names.
//!
//! No other option may fit the prompt too: for "whom do the sources name as X", nobody else
//! in the course holds X; for a quote, nobody else is recorded saying the same words.

use decksmith_model::diag::count;
use decksmith_model::{Entry, EntryKind, Person, Quote};

use super::{Candidate, Ctx, Cues, DropKind, without_cue};
use crate::explain::{self, Explanation};
use crate::types::{Body, Choice};
use crate::values::{Ask, ValueType};

/// What a who-question asks: the part of its id, the prompt, the text the options must not
/// echo, the right name, the explanation, and the other names that would be right too.
struct Asked {
    part: &'static str,
    prompt: String,
    stem: String,
    answer: String,
    explanation: Explanation,
    also_right: Vec<String>,
}

/// The who-questions of an entry: for a quote, who said it; for a person, who holds a role.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let asked = match &entry.kind {
        EntryKind::Quote(q) => who_said(ctx, entry, q),
        EntryKind::Person(p) => match who_is(ctx, entry, p) {
            Some(asked) => asked,
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let Asked {
        part,
        prompt,
        stem,
        answer,
        explanation,
        mut also_right,
    } = asked;
    let id = format!("{}:who:{part}", entry.id);
    let key = [ctx.deck.id.as_str(), entry.id.as_str(), "who"];
    also_right.extend(ctx.pools.aliases(&answer));
    // A person the teacher put in a class (astronauts, cosmonauts) among that class only.
    let ty = match ctx.pools.classify(&answer) {
        ValueType::Class(class) => ValueType::Class(class),
        _ => ValueType::Person,
    };
    let mut ask = Ask::new(&answer, &ty, ctx.distractors, ctx.seed, &key);
    ask.also_right = &also_right;
    ask.stem = &stem;
    let mut distractors = ctx.pools.distractors(&ask);
    if distractors.len() < ctx.distractors {
        too_few(ctx, entry, id, distractors.len());
        return Vec::new();
    }
    let cues = Cues::new(&stem, &answer);
    if let Some(cue) = cues.find(&distractors) {
        // Other people may not stand out.
        let fair = cue.other_options_may_help.then(|| {
            ask.n = 4 * ctx.distractors;
            without_cue(&[], &ctx.pools.distractors(&ask), ctx.distractors, |o| {
                cues.find(o).is_none()
            })
        });
        match fair.flatten() {
            Some(fair) => distractors = fair,
            None => {
                ctx.drop(entry, id, DropKind::GivesAway, cue.why, None);
                return Vec::new();
            }
        }
    }
    let explanation =
        explain::with_wrong_options(ctx, explanation, &ValueType::Person, &distractors);
    let mut options = vec![answer.clone()];
    options.extend(distractors);
    let shows: Vec<&str> = vec![prompt.as_str()];
    let body = Body::Who(Choice {
        prompt: prompt.clone(),
        options: options.clone(),
        answer: 0,
        lang: None,
        ordered: false,
    });
    let names = super::answer_and_aliases(ctx, &answer);
    let asks: Vec<&str> = names.iter().map(String::as_str).collect();
    vec![
        ctx.candidate(entry, id, body, explanation, &shows, &asks)
            .offering(&options[1..])
            .defining_offers(ctx, &options[1..]),
    ]
}

/// Who said a quote: its speaker (the person entry it names, or its `by:`).
fn who_said(ctx: &Ctx<'_>, entry: &Entry, q: &Quote) -> Asked {
    let speaker = q
        .person
        .as_ref()
        .and_then(|id| ctx.course.entry(id))
        .and_then(|(_, e)| match &e.kind {
            EntryKind::Person(p) => Some(p.name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| q.by.clone());
    let prompt = ctx.phrases.get("q.who-said", &[("quote", &q.text)]);
    let explanation = explain::quote(ctx, entry, &speaker);
    // Anyone else the course records saying the same words.
    let same = ctx.pools.sharing("quote", &q.text);
    Asked {
        part: "said",
        prompt,
        stem: q.text.clone(),
        answer: speaker,
        explanation,
        also_right: same,
    }
}

/// Who holds a person's role; none (and a note in the report) when others of the course
/// hold it too.
fn who_is(ctx: &mut Ctx<'_>, entry: &Entry, p: &Person) -> Option<Asked> {
    let prompt = ctx.phrases.get(
        "q.who-is",
        &[("role", &crate::values::text::continuing(&p.role))],
    );
    let explanation = explain::entry_about(ctx, entry);
    let holders = ctx.pools.sharing("role", &p.role);
    if holders.len() > 1 {
        ctx.drop(
            entry,
            format!("{}:who:is", entry.id),
            DropKind::TwoRight,
            format!(
                "{} people of the course have the position \"{}\" ({}), so the question would have {} right answers",
                holders.len(),
                p.role,
                holders.join(", "),
                holders.len()
            ),
            Some("make each person's role say what sets them apart"),
        );
        return None;
    }
    Some(Asked {
        part: "is",
        prompt,
        stem: p.role.clone(),
        answer: p.name.clone(),
        explanation,
        also_right: holders,
    })
}

/// Other people, counted: "no other people", "1 other person", "3 other people".
fn others(found: usize) -> String {
    match found {
        0 => "no other people".to_owned(),
        n => count(n, "other person", "other people"),
    }
}

/// Why a who-question was not made: too few other people to offer (`found` of them). A
/// quote's is a warning, since the quote's other questions stand; a person's is in the
/// generation report.
fn too_few(ctx: &mut Ctx<'_>, entry: &Entry, id: String, found: usize) {
    if matches!(entry.kind, EntryKind::Quote(_)) {
        ctx.warn(
            entry,
            format!(
                "quote `{}` cannot be a who-said-it question: the course names {}, and {} options need {}",
                entry.id,
                others(found),
                ctx.distractors + 1,
                ctx.distractors
            ),
            "add person entries, or lower `options:` in the quiz settings",
        );
    } else {
        ctx.drop(
            entry,
            id,
            DropKind::TooFew,
            match found {
                0 => "the course names no other people who fit as options".to_owned(),
                1 => "the course names only 1 other person who fits as options".to_owned(),
                n => format!("the course names only {n} other people who fit as options"),
            },
            Some("add person entries"),
        );
    }
}
