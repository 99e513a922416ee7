//! Who said it, who is it: a person's name among other people's names.

use decksmith_model::{Entry, EntryKind};

use super::{Candidate, Ctx};
use crate::types::{Body, Choice};
use crate::values::Class;

/// The who-questions of an entry: for a quote, who said it; for a person, who holds a role.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let (part, prompt, answer, explanation) = match &entry.kind {
        EntryKind::Quote(q) => {
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
            let explanation = ctx.phrases.get("e.correct", &[("value", &speaker)]);
            ("said", prompt, speaker, explanation)
        }
        EntryKind::Person(p) => {
            let prompt = ctx.phrases.get("q.who-is", &[("role", &p.role)]);
            let explanation = ctx
                .phrases
                .get("s.role", &[("name", &p.name), ("role", &p.role)]);
            ("is", prompt, p.name.clone(), explanation)
        }
        _ => return Vec::new(),
    };
    let key = [ctx.deck.id.as_str(), entry.id.as_str(), "who"];
    let mut avoid = ctx.pools.aliases(&answer);
    if let EntryKind::Quote(q) = &entry.kind {
        avoid.push(q.by.clone());
    }
    let distractors = ctx.pools.distractors(
        &answer,
        &Class::Person,
        &avoid,
        ctx.distractors,
        ctx.seed,
        &key,
    );
    if distractors.len() < ctx.distractors {
        if matches!(entry.kind, EntryKind::Quote(_)) {
            ctx.warn(
                entry,
                format!(
                    "quote `{}` cannot be a who-said-it question: the course names {} other people, and {} options need {}",
                    entry.id,
                    distractors.len(),
                    ctx.distractors + 1,
                    ctx.distractors
                ),
                "add person entries, or lower `options:` in the quiz settings",
            );
        }
        return Vec::new();
    }
    let mut options = vec![answer.clone()];
    options.extend(distractors);
    let body = Body::Who(Choice {
        prompt: prompt.clone(),
        options,
        answer: 0,
        lang: None,
    });
    vec![ctx.candidate(
        entry,
        format!("{}:who:{part}", entry.id),
        body,
        explanation,
        &[&prompt],
        &[&answer],
    )]
}
