//! True/false: statements from entries, and false ones made by replacing exactly one value
//! with a distractor of the same type. The explanation of a false statement gives the true
//! value.

use decksmith_model::{Entry, EntryKind};

use super::{Candidate, Ctx};
use crate::rng::Stream;
use crate::types::Body;
use crate::values::Class;

/// A statement with one value that can be swapped.
struct Claim<'a> {
    /// The statement with `{}` where the value goes.
    render: Box<dyn Fn(&str) -> String + 'a>,
    /// The true value.
    value: String,
    /// Its type.
    class: Class,
    /// What the value is, for the explanation ("position", "date").
    what: String,
    /// Values that would make the statement true as well.
    avoid: Vec<String>,
}

/// The true and false statements of an entry (at most one of each).
pub fn candidates(ctx: &Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let Some(claim) = claim(ctx, entry) else {
        return Vec::new();
    };
    let statement = (claim.render)(&claim.value);
    let mut out = Vec::new();
    let mut truth = ctx.candidate(
        entry,
        format!("{}:true-false:true", entry.id),
        Body::TrueFalse {
            statement: statement.clone(),
            answer: true,
        },
        format!("{} {statement}", ctx.phrases.get("e.true", &[])),
        &[&statement],
        &[&claim.value],
    );
    truth.truth = Some(true);
    out.push(truth);

    let key = [ctx.deck.id.as_str(), entry.id.as_str(), "true-false"];
    let wrong = if claim.class == Class::Date && matches!(entry.kind, EntryKind::Event(_)) {
        match &entry.kind {
            EntryKind::Event(e) => {
                ctx.pools
                    .date_distractors(&e.date, ctx.language(), 1, ctx.seed, &key)
            }
            _ => Vec::new(),
        }
    } else {
        ctx.pools
            .distractors(&claim.value, &claim.class, &claim.avoid, 1, ctx.seed, &key)
    };
    if let Some(wrong) = wrong.first() {
        let false_statement = (claim.render)(wrong);
        let explanation = format!(
            "{} {statement}",
            ctx.phrases
                .get("e.false", &[("what", &claim.what), ("value", &claim.value)])
        );
        let mut lie = ctx.candidate(
            entry,
            format!("{}:true-false:false", entry.id),
            Body::TrueFalse {
                statement: false_statement.clone(),
                answer: false,
            },
            explanation,
            &[&false_statement],
            // The wrong value is tested too: a question that shows it as what it is (the
            // position of the person it really belongs to, say) would settle the statement.
            &[&claim.value, wrong],
        );
        lie.truth = Some(false);
        out.push(lie);
    }
    out
}

fn claim<'a>(ctx: &Ctx<'a>, entry: &Entry) -> Option<Claim<'a>> {
    let p = ctx.phrases;
    let what = |key: &str| ctx.phrases.get(key, &[]);
    Some(match &entry.kind {
        EntryKind::Fact(fact) => {
            let blanks: Vec<_> = fact.cloze.blanks().cloned().collect();
            if blanks.is_empty() {
                return None;
            }
            // Swap one blank, chosen by a seeded draw so it is stable for this entry.
            let mut stream = Stream::new(ctx.seed, &[&ctx.deck.id, &entry.id, "true-false-blank"]);
            let chosen = stream.below(blanks.len());
            let cloze = fact.cloze.clone();
            let blank = blanks[chosen].clone();
            let mut avoid = blank.alternatives.clone();
            avoid.extend(ctx.pools.aliases(&blank.answer));
            Claim {
                render: Box::new(move |value: &str| {
                    cloze.render(|j, b| {
                        if j == chosen {
                            value.to_owned()
                        } else {
                            b.answer.clone()
                        }
                    })
                }),
                class: ctx.pools.classify(&blank.answer),
                value: blank.answer,
                what: what("w.value"),
                avoid,
            }
        }
        EntryKind::Term(t) => {
            let expansion = t.expansion.clone()?;
            let term = t.term.clone();
            Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.stands-for", &[("term", &term), ("expansion", value)])
                }),
                value: expansion,
                class: Class::Expansion,
                what: what("w.expansion"),
                avoid: Vec::new(),
            }
        }
        EntryKind::Person(person) => {
            let name = person.name.clone();
            Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.role", &[("name", &name), ("role", value)])
                }),
                value: person.role.clone(),
                class: Class::Role,
                what: what("w.role"),
                avoid: Vec::new(),
            }
        }
        EntryKind::Organization(o) => {
            let acronym = o.acronym.clone()?;
            Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.org-acronym", &[("acronym", &acronym), ("name", value)])
                }),
                value: o.name.clone(),
                class: Class::Organization,
                what: what("w.name"),
                avoid: o.aliases.clone(),
            }
        }
        EntryKind::Event(e) => {
            let text = e.text.clone();
            Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.event-date", &[("date", value), ("event", &text)])
                }),
                value: e.date.display(ctx.language()),
                class: Class::Date,
                what: what("w.date"),
                avoid: Vec::new(),
            }
        }
        EntryKind::Quote(q) => {
            let words = q.text.clone();
            let mut avoid = ctx.pools.aliases(&q.by);
            avoid.push(q.by.clone());
            Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.said", &[("by", value), ("quote", &words)])
                }),
                value: q.by.clone(),
                class: Class::Person,
                what: what("w.speaker"),
                avoid,
            }
        }
        EntryKind::Question(_) => return None,
    })
}
