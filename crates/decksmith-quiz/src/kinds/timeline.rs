//! Timeline: 3–5 dated events to put in order, never two whose order is uncertain at the
//! precision their dates are given, nor two steps of one story, whose order a student can
//! reason out without knowing any date (a draft submitted, then adopted).

use decksmith_model::{Entry, EntryKind, Event};

use super::{Candidate, Ctx};
use crate::HashMap;
use crate::explain;
use crate::rng;
use crate::types::{Body, Timeline};
use crate::values::text;

/// The fewest events in a timeline question.
pub const MIN_EVENTS: usize = decksmith_model::MIN_TIMELINE_EVENTS;
/// The most events in a timeline question.
pub const MAX_EVENTS: usize = 5;

/// Whether one of two events certainly came first: the first ends before the other begins,
/// at the precision of their dates. A period and an event inside it (a group's term of
/// 2021–2025 and a forum of 2024) have no order, nor do two periods that overlap.
fn certain_order(a: &Event, b: &Event) -> bool {
    let before = |first: &Event, second: &Event| {
        let end = first.end.as_ref().unwrap_or(&first.date);
        end.certain_order(&second.date) == Some(std::cmp::Ordering::Less)
    };
    before(a, b) || before(b, a)
}

/// Cuts events into as many sets as possible of 3–5 events whose order is certain.
///
/// Events are dealt in chronological order, round-robin, into `k` sets, each going to the next
/// set it fits; events of one year so land in different sets, where their order against the
/// others is certain. A few values of `k` are tried, from the most sets the events could
/// fill downwards, keeping the deal that fills the most sets. (Ties in date keep the seeded
/// order the events come in.)
fn group_events<'a>(mut events: Vec<(&'a Entry, &'a Event)>) -> Vec<Vec<(&'a Entry, &'a Event)>> {
    events.sort_by_key(|(_, e)| e.date.sort_key());
    let story = stories(&events);
    let story_of = |entry: &Entry| story.get(entry.id.as_str()).copied();
    let fits = |group: &[(&Entry, &Event)], entry: &Entry, event: &Event| {
        group.len() < MAX_EVENTS
            && group.iter().all(|(other_entry, other)| {
                certain_order(event, other)
                    && (story_of(entry).is_none() || story_of(entry) != story_of(other_entry))
            })
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
                .find(|&g| fits(&groups[g], entry, event))
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

/// The story each event belongs to, by the index of its first event, for the events that
/// share one with another: events linked by `see:`, or that share two words few of the
/// deck's events say ("joint draft resolution" and "the Russia–US draft resolution", "the
/// First Committee"), tell one story, and so do events linked to the same one. Their order
/// follows from the story (proposed before adopted, agreed before put into a draft), so a
/// timeline that holds two of them asks for reasoning, not dates.
fn stories<'a>(events: &[(&'a Entry, &'a Event)]) -> HashMap<&'a str, usize> {
    let words: Vec<Vec<String>> = events
        .iter()
        .map(|(_, e)| text::content_words(&e.text))
        .collect();
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, words) in words.iter().enumerate() {
        for word in words {
            holders.entry(word.as_str()).or_default().push(i);
        }
    }
    // A word a third of the events say is the deck's subject, not one story's
    // ("information", "security"); nor is one that a dozen say (which also bounds the pairs
    // weighed in a deck of thousands of events).
    let rare = (events.len() / 3).clamp(2, 12);
    // For each pair of events, the rare words they share.
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for holders in holders.values().filter(|h| h.len() >= 2 && h.len() <= rare) {
        for (k, &a) in holders.iter().enumerate() {
            for &b in &holders[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..events.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    };
    for (&(a, b), &n) in &shared {
        if n >= 2 {
            join(&mut parent, a, b);
        }
    }
    let index: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, (entry, _))| (entry.id.as_str(), i))
        .collect();
    for (i, (entry, _)) in events.iter().enumerate() {
        for linked in entry.see.iter().filter_map(|id| index.get(id.as_str())) {
            join(&mut parent, i, *linked);
        }
    }
    let roots: Vec<usize> = (0..events.len()).map(|i| root(&mut parent, i)).collect();
    let mut size = vec![0usize; events.len()];
    for &r in &roots {
        size[r] += 1;
    }
    events
        .iter()
        .zip(&roots)
        .filter(|(_, r)| size[**r] >= 2)
        .map(|((entry, _), r)| (entry.id.as_str(), *r))
        .collect()
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
    // Events are explained by their `explain:` only: facts naming them are about something.
    let sayings = explain::Sayings::default();
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
            // The answer is the order, shown with each event's date by every page and key:
            // the explanation says what the teacher adds about the events, by their dates.
            let entries: Vec<&Entry> = group.iter().map(|(e, _)| *e).collect();
            let labelled: Vec<(&Entry, String)> =
                entries.iter().copied().zip(dates.iter().cloned()).collect();
            let explanation = explain::group(ctx, &labelled, &sayings);
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
