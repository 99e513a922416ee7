//! Timeline: 3–5 dated events to put in order, never two whose order is uncertain at the
//! precision their dates are given.

use decksmith_model::{Entry, EntryKind, Event};

use super::{Candidate, Ctx};
use crate::rng;
use crate::types::{Body, Timeline};

/// The fewest events in a timeline question.
pub const MIN_EVENTS: usize = 3;
/// The most events in a timeline question.
pub const MAX_EVENTS: usize = 5;

/// Timeline questions over a deck's events, each event in at most one.
pub fn candidates(ctx: &Ctx<'_>, entries: &[&Entry]) -> Vec<Candidate> {
    let key = [ctx.deck.id.as_str(), "timeline"];
    let mut events: Vec<(&Entry, &Event)> = entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Event(event) => Some((*e, event)),
            _ => None,
        })
        .collect();
    events.sort_by_key(|(e, _)| (rng::rank(ctx.seed, &key, &e.id), e.id.clone()));
    let mut groups: Vec<Vec<(&Entry, &Event)>> = Vec::new();
    for (entry, event) in events {
        let fits = groups.iter().position(|g| {
            g.len() < MAX_EVENTS
                && g.iter()
                    .all(|(_, other)| event.date.certain_order(&other.date).is_some())
        });
        match fits {
            Some(i) => groups[i].push((entry, event)),
            None => groups.push(vec![(entry, event)]),
        }
    }
    let language = ctx.language().to_owned();
    groups
        .into_iter()
        .filter(|g| g.len() >= MIN_EVENTS)
        .map(|mut group| {
            group.sort_by_key(|(_, e)| e.date.sort_key());
            let items: Vec<String> = group.iter().map(|(_, e)| e.text.clone()).collect();
            let dates: Vec<String> = group
                .iter()
                .map(|(_, e)| match &e.end {
                    Some(end) => {
                        format!("{} – {}", e.date.display(&language), end.display(&language))
                    }
                    None => e.date.display(&language),
                })
                .collect();
            let explanation = items
                .iter()
                .zip(&dates)
                .map(|(item, date)| format!("{date}: {item}"))
                .collect::<Vec<_>>()
                .join("; ");
            let entries: Vec<&Entry> = group.iter().map(|(e, _)| *e).collect();
            let shown: Vec<&str> = items.iter().map(String::as_str).collect();
            let asks: Vec<&str> = dates.iter().map(String::as_str).collect();
            let body = Body::Timeline(Timeline {
                prompt: ctx.phrases.get("q.timeline", &[]),
                order: (0..items.len()).collect(),
                items: items.clone(),
                dates: dates.clone(),
            });
            let id = format!("{}:timeline", entries[0].id);
            ctx.group_candidate(&entries, id, body, explanation, &shown, &asks)
        })
        .collect()
}
