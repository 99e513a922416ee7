//! Multiple choice: one correct option among distractors of the same type.
//!
//! The teacher's own distractors come first; the rest are drawn from the course by type
//! ([`crate::values`]). An item is made only when enough distractors exist; a hand-written
//! question that falls short is reported, since the teacher can add distractors to it.

use decksmith_model::{Entry, EntryKind};

use super::{Candidate, Ctx};
use crate::cards::BLANK;
use crate::types::{Body, Choice};
use crate::values::{Class, Named};

/// One multiple-choice item to try to make.
struct Item<'a> {
    part: &'a str,
    prompt: String,
    answer: String,
    class: Class,
    /// The teacher's distractors, used first.
    given: Vec<String>,
    /// Answers that are also right (aliases), never offered as distractors.
    avoid: Vec<String>,
    explanation: String,
    lang: Option<String>,
}

/// The multiple-choice items of an entry.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let items = items(ctx, entry);
    let mut out = event_candidates(ctx, entry);
    for item in items {
        let key = [
            ctx.deck.id.as_str(),
            entry.id.as_str(),
            "multiple-choice",
            item.part,
        ];
        let mut distractors: Vec<String> =
            item.given.iter().take(ctx.distractors).cloned().collect();
        if distractors.len() < ctx.distractors {
            let mut avoid = item.avoid.clone();
            avoid.extend(distractors.iter().cloned());
            let more = ctx.pools.distractors(
                &item.answer,
                &item.class,
                &avoid,
                ctx.distractors - distractors.len(),
                ctx.seed,
                &key,
            );
            distractors.extend(more);
        }
        if distractors.len() < ctx.distractors {
            if matches!(entry.kind, EntryKind::Question(_)) {
                ctx.warn(
                    entry,
                    format!(
                        "question `{}` has {} distractor{} and the course has no more of its kind; a {}-option item needs {}",
                        entry.id,
                        distractors.len(),
                        if distractors.len() == 1 { "" } else { "s" },
                        ctx.distractors + 1,
                        ctx.distractors
                    ),
                    "add `distractors:` to the question, or lower `options:` in the quiz settings",
                );
            }
            continue;
        }
        let mut options = vec![item.answer.clone()];
        options.extend(distractors);
        let body = Body::MultipleChoice(Choice {
            prompt: item.prompt.clone(),
            options,
            answer: 0,
            lang: item.lang.clone(),
        });
        let id = format!("{}:multiple-choice:{}", entry.id, item.part);
        out.push(ctx.candidate(
            entry,
            id,
            body,
            item.explanation,
            &[&item.prompt],
            &[&item.answer],
        ));
    }
    out
}

fn items<'a>(ctx: &Ctx<'_>, entry: &'a Entry) -> Vec<Item<'a>> {
    let p = ctx.phrases;
    let mut items = Vec::new();
    let simple =
        |part: &'a str, prompt: String, answer: &str, class: Class, explanation: String| Item {
            part,
            prompt,
            answer: answer.to_owned(),
            class,
            given: Vec::new(),
            avoid: Vec::new(),
            explanation,
            lang: None,
        };
    match &entry.kind {
        EntryKind::Question(q) => items.push(Item {
            part: "answer",
            prompt: q.prompt.clone(),
            answer: q.answer.clone(),
            class: ctx.pools.classify(&q.answer),
            given: q.distractors.clone(),
            avoid: q.accept.clone(),
            explanation: p.get("e.correct", &[("value", &q.answer)]),
            lang: None,
        }),
        EntryKind::Term(t) => {
            if let Some(expansion) = &t.expansion {
                items.push(simple(
                    "expansion",
                    p.get("q.expansion", &[("term", &t.term)]),
                    expansion,
                    Class::Expansion,
                    p.get(
                        "s.stands-for",
                        &[("term", &t.term), ("expansion", expansion)],
                    ),
                ));
            }
            let mut item = simple(
                "term",
                p.get("q.term-for-meaning", &[("meaning", &t.meaning)]),
                &t.term,
                Class::Term,
                p.get("e.correct", &[("value", &t.term)]),
            );
            item.avoid = t.aliases.clone();
            items.push(item);
            for translation in &t.translations {
                let language = p.get(&format!("lang.{}", translation.lang), &[]);
                let mut item = simple(
                    "translation",
                    p.get(
                        "q.translation",
                        &[("term", &t.term), ("language", &language)],
                    ),
                    &translation.text,
                    Class::Translation(translation.lang.clone(), Named::Term),
                    p.get("e.correct", &[("value", &translation.text)]),
                );
                item.lang = Some(translation.lang.clone());
                items.push(item);
            }
        }
        EntryKind::Organization(o) => {
            if let Some(acronym) = &o.acronym {
                let mut item = simple(
                    "name",
                    p.get("q.org-full-name", &[("acronym", acronym)]),
                    &o.name,
                    Class::Organization,
                    p.get("s.org-acronym", &[("acronym", acronym), ("name", &o.name)]),
                );
                item.avoid = o.aliases.clone();
                items.push(item);
            }
            let mut item = simple(
                "description",
                p.get("q.org-for-description", &[("description", &o.description)]),
                &o.name,
                Class::Organization,
                p.get("e.correct", &[("value", &o.name)]),
            );
            item.avoid = o.aliases.clone();
            items.push(item);
        }
        EntryKind::Person(person) => items.push(simple(
            "role",
            p.get("q.role-of", &[("name", &person.name)]),
            &person.role,
            Class::Role,
            p.get("s.role", &[("name", &person.name), ("role", &person.role)]),
        )),
        EntryKind::Fact(fact) => {
            let blanks: Vec<_> = fact.cloze.blanks().collect();
            for (i, blank) in blanks.iter().enumerate() {
                let text = fact.cloze.render(|j, b| {
                    if j == i {
                        BLANK.to_owned()
                    } else {
                        b.answer.clone()
                    }
                });
                let part: &'a str = match i {
                    0 => "blank-1",
                    1 => "blank-2",
                    2 => "blank-3",
                    3 => "blank-4",
                    _ => continue,
                };
                let mut item = simple(
                    part,
                    p.get("q.complete", &[("text", &text)]),
                    &blank.answer,
                    ctx.pools.classify(&blank.answer),
                    fact.cloze.plain(),
                );
                item.avoid = blank.alternatives.clone();
                item.avoid.extend(ctx.pools.aliases(&blank.answer));
                items.push(item);
            }
        }
        EntryKind::Event(_) | EntryKind::Quote(_) => {}
    }
    items
}

/// Multiple-choice items about when events happened: the date at its own precision, with
/// distractors at the same precision.
fn event_candidates(ctx: &Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let EntryKind::Event(event) = &entry.kind else {
        return Vec::new();
    };
    let language = ctx.language().to_owned();
    let key = [
        ctx.deck.id.as_str(),
        entry.id.as_str(),
        "multiple-choice",
        "date",
    ];
    let distractors =
        ctx.pools
            .date_distractors(&event.date, &language, ctx.distractors, ctx.seed, &key);
    if distractors.len() < ctx.distractors {
        return Vec::new();
    }
    let answer = event.date.display(&language);
    let prompt = ctx.phrases.get("q.date-of", &[("event", &event.text)]);
    let mut options = vec![answer.clone()];
    options.extend(distractors);
    let body = Body::MultipleChoice(Choice {
        prompt: prompt.clone(),
        options,
        answer: 0,
        lang: None,
    });
    let explanation = ctx
        .phrases
        .get("s.event-date", &[("date", &answer), ("event", &event.text)]);
    vec![ctx.candidate(
        entry,
        format!("{}:multiple-choice:date", entry.id),
        body,
        explanation,
        &[&prompt],
        &[&answer],
    )]
}
