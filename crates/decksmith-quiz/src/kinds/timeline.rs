//! Timeline: 3–5 dated events to put in order, never two whose order is uncertain at the
//! precision their dates are given.

use decksmith_model::{Entry, EntryKind, Event};

use super::{Candidate, Ctx};
use crate::explain::Explanation;
use crate::rng;
use crate::types::{Body, Timeline};

/// The fewest events in a timeline question.
pub const MIN_EVENTS: usize = 3;
/// The most events in a timeline question.
pub const MAX_EVENTS: usize = 5;

/// Cuts events into as many sets as possible of 3–5 events whose order is certain.
///
/// Events are dealt in chronological order, round-robin, into `k` sets, each going to the next
/// set it fits; events of one year so land in different sets, where their order against the
/// others is certain. A few values of `k` are tried, from the most sets the events could
/// fill downwards, keeping the deal that fills the most sets. (Ties in date keep the seeded
/// order the events come in.)
fn group_events<'a>(mut events: Vec<(&'a Entry, &'a Event)>) -> Vec<Vec<(&'a Entry, &'a Event)>> {
    events.sort_by_key(|(_, e)| e.date.sort_key());
    let fits = |group: &[(&Entry, &Event)], event: &Event| {
        group.len() < MAX_EVENTS
            && group
                .iter()
                .all(|(_, other)| event.date.certain_order(&other.date).is_some())
    };
    let most = events.len() / MIN_EVENTS;
    let mut tries = vec![most, most * 3 / 4, most / 2, most / 4, 1];
    tries.dedup();
    let mut best: Vec<Vec<(&Entry, &Event)>> = Vec::new();
    for k in tries.into_iter().filter(|&k| k > 0) {
        if best.len() >= k {
            break;
        }
        let mut groups: Vec<Vec<(&Entry, &Event)>> = vec![Vec::new(); k];
        let mut next = 0;
        for &(entry, event) in &events {
            if let Some(g) = (0..k)
                .map(|step| (next + step) % k)
                .find(|&g| fits(&groups[g], event))
            {
                groups[g].push((entry, event));
                next = g + 1;
            }
        }
        groups.retain(|g| g.len() >= MIN_EVENTS);
        if groups.len() > best.len() {
            best = groups;
        }
    }
    best
}

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
    let ranker = rng::Ranker::new(ctx.seed, &key);
    events.sort_by_cached_key(|(e, _)| (ranker.rank(&e.id), e.id.clone()));
    let groups = group_events(events);
    groups
        .into_iter()
        .filter(|g| g.len() >= MIN_EVENTS)
        .map(|mut group| {
            group.sort_by_key(|(_, e)| e.date.sort_key());
            let items: Vec<String> = group.iter().map(|(_, e)| e.text.clone()).collect();
            let dates: Vec<String> = group
                .iter()
                .map(|(_, e)| ctx.phrases.date_range(&e.date, e.end.as_ref()))
                .collect();
            // The answer is the order, shown with each event's date by every page and key; an
            // explanation listing them again would only repeat it.
            let explanation = Explanation::default();
            let entries: Vec<&Entry> = group.iter().map(|(e, _)| *e).collect();
            let shown: Vec<&str> = items.iter().map(String::as_str).collect();
            // A timeline asks for the order, which no other question's text states; questions
            // about the dates of its events are kept out by the entry rule instead.
            let asks: Vec<&str> = Vec::new();
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
