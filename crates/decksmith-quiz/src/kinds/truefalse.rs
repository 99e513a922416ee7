//! True/false: a statement from an entry, and a false one made by swapping exactly one typed
//! value for another value of the same type, written the same way.
//!
//! Only values whose every other value of the type makes the statement false are swapped:
//! a year, a date, a number, a person, a place, a class value… never a free phrase (a word
//! swapped into a sentence makes nonsense, not a false statement), never a bound ("more than
//! 300" stays true for 200), never one item of a list (another item could belong to it too).
//! A true statement is made only where its false twin can be, so that neither kind of
//! statement looks different from the other. The explanation of a false statement gives the
//! true one.

use decksmith_model::{Entry, EntryKind};

use super::{Candidate, Ctx, DropKind};
use crate::explain::{self, Explanation};
use crate::rng::Stream;
use crate::types::Body;
use crate::values::{Ask, ValueType};

/// A statement with one value that can be swapped.
struct Claim<'a> {
    /// The statement with `{}` where the value goes.
    render: Box<dyn Fn(&str) -> String + 'a>,
    /// The true value.
    value: String,
    /// Its type.
    ty: ValueType,
    /// Values that would make the statement true as well.
    also_right: Vec<String>,
    /// The teacher's wrong values for it, used first.
    given: Vec<String>,
    /// The statement up to the value.
    before: String,
    /// Why the entry is right, beyond the statement itself.
    why: Explanation,
}

/// The true and false statements of an entry: both, or neither.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let id = format!("{}:true-false", entry.id);
    if let Some(why) = classed(ctx, entry) {
        ctx.drop(entry, id, DropKind::Classed, why, None);
        return Vec::new();
    }
    let claim = match claim(ctx, entry) {
        Ok(claim) => claim,
        Err(reason) => {
            if let Some(reason) = reason {
                ctx.drop(entry, id, DropKind::NoSwap, reason, None);
            }
            return Vec::new();
        }
    };
    let statement = (claim.render)(&claim.value);
    let key = [ctx.deck.id.as_str(), entry.id.as_str(), "true-false"];
    let wrong = if claim.given.is_empty() {
        let mut ask = Ask::new(&claim.value, &claim.ty, 1, ctx.seed, &key);
        ask.also_right = &claim.also_right;
        ask.stem = &statement;
        ask = ask.before_blank(&claim.before);
        match (&entry.kind, &claim.ty) {
            (EntryKind::Event(e), _) => ctx
                .pools
                .false_date(&e.date, ctx.phrases, ctx.seed, &key)
                .into_iter()
                .collect(),
            (_, ValueType::Date) => ctx.pools.false_written_date(&ask).into_iter().collect(),
            _ => ctx.pools.distractors(&ask),
        }
    } else {
        let mut stream = Stream::new(ctx.seed, &key);
        vec![claim.given[stream.below(claim.given.len())].clone()]
    };
    let Some(wrong) = wrong.first() else {
        ctx.drop(
            entry,
            id,
            DropKind::TooFew,
            format!(
                "no other {} of the course could stand in for \"{}\" to make a false statement",
                claim.ty.noun(),
                crate::kinds::short(&claim.value)
            ),
            Some(if matches!(entry.kind, EntryKind::Fact(_)) {
                "give wrong values with `blanks: { <answer>: [...] }`"
            } else {
                "add entries of that type, or a class under `classes:` in course.yaml that lists it with its peers"
            }),
        );
        return Vec::new();
    };
    let p = ctx.phrases;
    let false_statement = (claim.render)(wrong);
    let mut truth = ctx.candidate(
        entry,
        format!("{id}:true"),
        Body::TrueFalse {
            statement: statement.clone(),
            answer: true,
        },
        Explanation::own([p.get("e.true", &[]), confirmed(ctx, entry, &claim.why)])
            .then(claim.why.clone()),
        &[&statement],
        &[&claim.value],
    );
    truth.truth = Some(true);
    let explanation = Explanation::own([
        p.get("e.false", &[("wrong", wrong), ("value", &claim.value)]),
        statement.clone(),
    ])
    .then(claim.why);
    let mut lie = ctx.candidate(
        entry,
        format!("{id}:false"),
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
    vec![truth, lie]
}

/// What a true statement's explanation says besides "True." when it has no sentence of its
/// own (what it adds may be left out of a quiz in which it would give another question's
/// answer away, or be empty): the entry's own statement, so that the explanation is never
/// the verdict alone.
fn confirmed(ctx: &Ctx<'_>, entry: &Entry, why: &Explanation) -> String {
    if why.own.is_empty() {
        explain::summary(ctx, entry)
    } else {
        String::new()
    }
}

/// The entry's swappable statement, or why it has none (`None`: nothing worth reporting).
fn claim<'a>(ctx: &Ctx<'a>, entry: &'a Entry) -> Result<Claim<'a>, Option<String>> {
    let p = ctx.phrases;
    match &entry.kind {
        EntryKind::Fact(fact) => {
            let all = ctx.sites_of(entry);
            let usable: Vec<_> = all
                .iter()
                .filter(|s| {
                    s.askable_with_options(ctx, entry)
                        && (!s.blank.distractors.is_empty() || s.ty.can_be_swapped())
                })
                .collect();
            if usable.is_empty() {
                return Err(Some(
                    "no blank holds a value that can be swapped for a certainly wrong one (free phrases, bounds and list items cannot)"
                        .into(),
                ));
            }
            // Swap one blank, chosen by a seeded draw so it is stable for this entry.
            let mut stream = Stream::new(ctx.seed, &[&ctx.deck.id, &entry.id, "true-false-blank"]);
            let site = usable[stream.below(usable.len())].clone();
            let chosen = site.index;
            let cloze = fact.cloze.clone();
            Ok(Claim {
                render: Box::new(move |value: &str| {
                    cloze.render(|j, b| {
                        if j == chosen {
                            value.to_owned()
                        } else {
                            b.answer.clone()
                        }
                    })
                }),
                value: site.blank.answer.clone(),
                ty: site.ty.clone(),
                also_right: site.also_right.clone(),
                given: site.blank.distractors.clone(),
                before: site.before.clone(),
                why: explain_rest(ctx, entry, &site),
            })
        }
        EntryKind::Person(person) => {
            // Mid-sentence: "name Gus Grissom as the first…", not "as The first…".
            let role = crate::values::text::continuing(&person.role);
            Ok(Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.named-as", &[("name", value), ("role", &role)])
                }),
                value: person.name.clone(),
                ty: ValueType::Person,
                also_right: ctx.pools.sharing("role", &person.role),
                given: Vec::new(),
                before: String::new(),
                why: Explanation::default().and(explain::entry_context(ctx, entry)),
            })
        }
        EntryKind::Event(e) => {
            if e.end.is_some() {
                return Err(Some(
                    "it lasted over a span of time, so another date could fall inside it".into(),
                ));
            }
            let text = e.text.clone();
            Ok(Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.event-date", &[("date", value), ("event", &text)])
                }),
                value: ctx.phrases.date(&e.date),
                ty: ValueType::Date,
                also_right: Vec::new(),
                given: Vec::new(),
                before: String::new(),
                why: Explanation::default().and(explain::event_context(ctx, entry, e)),
            })
        }
        EntryKind::Quote(q) => {
            let words = q.text.clone();
            let mut also_right = ctx.pools.aliases(&q.by);
            also_right.push(q.by.clone());
            Ok(Claim {
                render: Box::new(move |value: &str| {
                    p.get("s.said", &[("by", value), ("quote", &words)])
                }),
                value: q.by.clone(),
                ty: ValueType::Person,
                also_right,
                given: Vec::new(),
                before: String::new(),
                why: explain::quote(ctx, entry, &q.by),
            })
        }
        // A term's or an organization's full name could only be swapped for one whose
        // letters fit its acronym; a description or a meaning for one that partly fits too.
        EntryKind::Term(_) | EntryKind::Organization(_) | EntryKind::Question(_) => Err(None),
    }
}

/// What a fact's explanation adds to the statement itself.
fn explain_rest(ctx: &Ctx<'_>, entry: &Entry, site: &crate::facts::BlankSite) -> Explanation {
    Explanation::default().and(explain::fact(ctx, entry, site).more)
}

/// A person the teacher put in a class (astronauts, cosmonauts) is asked about in who
/// questions and by position, among the class: a true statement naming them would state
/// what those questions ask and crowd them out, and a false one could only swap in someone
/// of the class, whom the who questions offer (tried: nearly every statement came out true
/// and the who questions went).
fn classed(ctx: &Ctx<'_>, entry: &Entry) -> Option<String> {
    let name = match &entry.kind {
        EntryKind::Person(person) => &person.name,
        EntryKind::Quote(q) => &q.by,
        _ => return None,
    };
    match ctx.pools.classify(name) {
        ValueType::Class(class) => Some(format!(
            "{name} is in the class `{class}`: people in a class are asked about in who questions and by position, not in true-false statements"
        )),
        _ => None,
    }
}
