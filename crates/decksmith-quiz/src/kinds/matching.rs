//! Matching: sets of 4–6 pairs (term ↔ meaning, person ↔ position, acronym ↔ full name),
//! with no pair that could be matched two ways.

use decksmith_model::names::comparable;
use decksmith_model::{Entry, EntryKind};

use super::{Candidate, Ctx, padded, reveals};
use crate::explain;
use crate::rng;
use crate::types::{Body, Matching};
use crate::values::text;

/// The smallest and largest matching sets.
pub const MIN_PAIRS: usize = decksmith_model::MIN_MATCHING_PAIRS;
/// The largest matching set.
pub const MAX_PAIRS: usize = 6;

/// A relation whose pairs can be matched.
#[derive(Clone, Copy)]
enum Relation {
    Meaning,
    Role,
    Acronym,
}

impl Relation {
    fn name(self) -> &'static str {
        match self {
            Relation::Meaning => "meaning",
            Relation::Role => "role",
            Relation::Acronym => "acronym",
        }
    }

    fn prompt_key(self) -> &'static str {
        match self {
            Relation::Meaning => "q.match-meaning",
            Relation::Role => "q.match-role",
            Relation::Acronym => "q.match-acronym",
        }
    }

    /// The pair an entry gives, unless one side gives the other away: a meaning that
    /// names its term, an acronym read off its full name's initials.
    fn pair(self, entry: &Entry) -> Option<(String, String)> {
        let (left, right) = match (self, &entry.kind) {
            (Relation::Meaning, EntryKind::Term(t)) => (t.term.clone(), t.meaning.clone()),
            (Relation::Role, EntryKind::Person(p)) => (p.name.clone(), p.role.clone()),
            (Relation::Acronym, EntryKind::Term(t)) => (t.term.clone(), t.expansion.clone()?),
            (Relation::Acronym, EntryKind::Organization(o)) => (o.acronym.clone()?, o.name.clone()),
            _ => return None,
        };
        let right_words = text::content_words(&right);
        let named = reveals(&padded(&right), &padded(&left))
            || text::content_words(&left)
                .iter()
                .any(|w| right_words.iter().any(|r| text::same_word(w, r)));
        let spelled = matches!(self, Relation::Acronym) && text::spells(&left, &right);
        (!named && !spelled).then_some((left, right))
    }
}

/// How to cut `n` pairs into sets of 4–6, as even as possible.
pub fn set_sizes(n: usize) -> Vec<usize> {
    if n < MIN_PAIRS {
        return Vec::new();
    }
    let groups = n.div_ceil(MAX_PAIRS).min(n / MIN_PAIRS).max(1);
    let used = n.min(groups * MAX_PAIRS);
    (0..groups)
        .map(|i| used / groups + usize::from(i < used % groups))
        .collect()
}

/// The matching sets of a deck's entries.
pub fn candidates(ctx: &Ctx<'_>, entries: &[&Entry]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let sayings = explain::Sayings::new(ctx, entries);
    // A set is named after its entry that comes first in the deck, so that the same set has
    // the same id whatever the seed (a teacher's `exclude:` or `pin:` names it).
    let place: crate::HashMap<&str, usize> = ctx
        .deck
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    for relation in [Relation::Meaning, Relation::Role, Relation::Acronym] {
        let key = [ctx.deck.id.as_str(), "matching", relation.name()];
        let mut pairs: Vec<(&Entry, String, String)> = entries
            .iter()
            .filter_map(|e| relation.pair(e).map(|(l, r)| (*e, l, r)))
            .collect();
        let ranker = rng::Ranker::new(ctx.seed, &key);
        pairs.sort_by_cached_key(|(e, ..)| (ranker.rank(&e.id), e.id.clone()));
        // No two pairs may share a left or a right item: one of them could be matched
        // either way.
        let mut unique: Vec<(&Entry, String, String)> = Vec::new();
        let mut seen = crate::HashSet::default();
        for (entry, left, right) in pairs {
            let (l, r) = (comparable(&left), comparable(&right));
            if !seen.contains(&(0, l.clone())) && !seen.contains(&(1, r.clone())) {
                seen.insert((0, l));
                seen.insert((1, r));
                unique.push((entry, left, right));
            }
        }
        for set in sets(relation, unique) {
            let set = set.as_slice();
            let group: Vec<&Entry> = set.iter().map(|(e, ..)| *e).collect();
            let left: Vec<String> = set.iter().map(|(_, l, _)| l.clone()).collect();
            let right: Vec<String> = set.iter().map(|(_, _, r)| r.clone()).collect();
            let prompt = ctx.phrases.get(relation.prompt_key(), &[]);
            // The answer is the pairs themselves, which every page and key shows: the
            // explanation says what the teacher adds about them.
            let labelled: Vec<(&Entry, String)> =
                set.iter().map(|(e, l, _)| (*e, l.clone())).collect();
            let explanation = explain::group(ctx, &labelled, &sayings);
            let shown: Vec<&str> = left.iter().chain(&right).map(String::as_str).collect();
            let asks: Vec<&str> = right.iter().map(String::as_str).collect();
            let body = Body::Matching(Matching {
                prompt,
                pairs: (0..left.len()).map(|i| (i, i)).collect(),
                left: left.clone(),
                right: right.clone(),
            });
            let first = group
                .iter()
                .min_by_key(|e| place.get(e.id.as_str()).copied().unwrap_or(usize::MAX))
                .map_or(group[0].id.as_str(), |e| e.id.as_str());
            let id = format!("{first}:matching:{}", relation.name());
            out.push(ctx.group_candidate(&group, id, body, explanation, &shown, &asks));
        }
    }
    out
}

/// The pairs cut into sets, each of one sort where the sorts allow: for meanings, bodies,
/// names, abbreviations and common words apart (a set matching `SCO` and `attribution`, or
/// `Global South` among lower-case concepts, is half matched by kind alone). A sort too
/// small for a set of its own makes none: mixed with another, its pairs would be matched by
/// their look (review 20: `Summit of the Future` and `Global South` among `ICTs`, `BRICS`
/// and `ANO`).
fn sets(
    relation: Relation,
    pairs: Vec<(&Entry, String, String)>,
) -> Vec<Vec<(&Entry, String, String)>> {
    /// Bodies, names, abbreviations, common words.
    const SORTS: usize = 4;
    let sort = |entry: &Entry| match (relation, &entry.kind) {
        (Relation::Meaning, EntryKind::Term(t)) => {
            if t.expansion
                .as_deref()
                .is_some_and(crate::values::names_a_body)
            {
                0
            } else if crate::values::is_acronym(&t.term) {
                2
            } else if decksmith_model::markup::plain(&t.term).starts_with(char::is_uppercase) {
                1
            } else {
                3
            }
        }
        _ => 3,
    };
    let mut groups: Vec<Vec<(&Entry, String, String)>> = vec![Vec::new(); SORTS];
    for pair in pairs {
        groups[sort(pair.0)].push(pair);
    }
    let mut out = Vec::new();
    for group in groups {
        let mut rest = group.into_iter();
        for size in set_sizes(rest.len()) {
            out.push(rest.by_ref().take(size).collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_four_to_six() {
        assert!(set_sizes(3).is_empty());
        assert_eq!(set_sizes(4), [4]);
        assert_eq!(set_sizes(6), [6]);
        assert_eq!(set_sizes(7), [6]);
        assert_eq!(set_sizes(8), [4, 4]);
        assert_eq!(set_sizes(13), [5, 4, 4]);
        for n in 4..200 {
            let sizes = set_sizes(n);
            assert!(
                sizes.iter().all(|s| (MIN_PAIRS..=MAX_PAIRS).contains(s)),
                "{n}: {sizes:?}"
            );
            assert!(sizes.iter().sum::<usize>() <= n);
        }
    }
}
