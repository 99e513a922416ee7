//! Cloze: fill in a blanked part of a fact (or an acronym from its full form).

use decksmith_model::names::normalize_answer;
use decksmith_model::{Blank, ClozeMode, Entry, EntryKind};

use super::{Candidate, Ctx};
use crate::cards::BLANK;
use crate::types::{BlankAnswer, Body, ClozeBody};

/// Every accepted answer for a blank: the answer, its alternatives, and the aliases of the
/// person, organization or term it names, without repeats.
fn accept(ctx: &Ctx<'_>, blank: &Blank) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = std::iter::once(blank.answer.clone())
        .chain(blank.alternatives.iter().cloned())
        .chain(ctx.pools.aliases(&blank.answer));
    for answer in all {
        if !out
            .iter()
            .any(|o| normalize_answer(o) == normalize_answer(&answer))
        {
            out.push(answer);
        }
    }
    out
}

/// The cloze questions of an entry.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    match &entry.kind {
        EntryKind::Fact(fact) => {
            let blanks: Vec<&Blank> = fact.cloze.blanks().collect();
            if blanks.is_empty() {
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
            let plain = fact.cloze.plain();
            match ctx.deck.quiz.cloze {
                ClozeMode::Each => blanks
                    .iter()
                    .enumerate()
                    .map(|(i, blank)| {
                        let text = fact.cloze.render(|j, b| {
                            if j == i {
                                BLANK.to_owned()
                            } else {
                                b.answer.clone()
                            }
                        });
                        let body = Body::Cloze(ClozeBody {
                            text: text.clone(),
                            blanks: vec![BlankAnswer {
                                answer: blank.answer.clone(),
                                accept: accept(ctx, blank),
                            }],
                        });
                        let id = if blanks.len() == 1 {
                            format!("{}:cloze", entry.id)
                        } else {
                            format!("{}:cloze:{}", entry.id, i + 1)
                        };
                        ctx.candidate(entry, id, body, plain.clone(), &[&text], &[&blank.answer])
                    })
                    .collect(),
                ClozeMode::All => {
                    let text = fact.cloze.render(|_, _| BLANK.to_owned());
                    let answers: Vec<&str> = blanks.iter().map(|b| b.answer.as_str()).collect();
                    let body = Body::Cloze(ClozeBody {
                        text: text.clone(),
                        blanks: blanks
                            .iter()
                            .map(|b| BlankAnswer {
                                answer: b.answer.clone(),
                                accept: accept(ctx, b),
                            })
                            .collect(),
                    });
                    vec![ctx.candidate(
                        entry,
                        format!("{}:cloze", entry.id),
                        body,
                        plain,
                        &[&text],
                        &answers,
                    )]
                }
            }
        }
        EntryKind::Term(term) => {
            // "The abbreviation of Open-Ended Working Group is ____."
            let Some(expansion) = &term.expansion else {
                return Vec::new();
            };
            let blank = Blank {
                answer: term.term.clone(),
                alternatives: term.aliases.clone(),
            };
            let text = ctx.phrases.get(
                "s.abbreviated",
                &[("expansion", expansion), ("blank", BLANK)],
            );
            let body = Body::Cloze(ClozeBody {
                text: text.clone(),
                blanks: vec![BlankAnswer {
                    answer: term.term.clone(),
                    accept: accept(ctx, &blank),
                }],
            });
            let explanation = ctx.phrases.get(
                "s.stands-for",
                &[("term", &term.term), ("expansion", expansion)],
            );
            vec![ctx.candidate(
                entry,
                format!("{}:cloze", entry.id),
                body,
                explanation,
                &[&text],
                &[&term.term],
            )]
        }
        _ => Vec::new(),
    }
}
