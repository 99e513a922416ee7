//! Flashcard questions: recall, then compare with the back.

use super::{Candidate, Ctx};
use crate::explain::Explanation;
use crate::types::{Body, Card};

/// A flashcard question for each forward card.
pub fn candidates(ctx: &Ctx<'_>, cards: &[Card]) -> Vec<Candidate> {
    let sayings = ctx.sayings();
    cards
        .iter()
        .filter(|card| !card.reverse)
        .filter_map(|card| {
            let (_, entry) = ctx.course.entry(&card.entry)?;
            let front = card.front.plain();
            // The teacher's note is the question's explanation, shown after the back: not
            // on the back too.
            let back = std::iter::once(card.back.text.as_str())
                .chain(
                    card.back
                        .lines
                        .iter()
                        .map(|line| line.text.as_str())
                        .filter(|line| Some(*line) != entry.explain.as_deref()),
                )
                .collect::<Vec<_>>()
                .join("\n");
            let body = Body::Flashcard {
                front: front.clone(),
                back: back.clone(),
            };
            // The back is asked for, and its other names as a choice question counts them: a
            // text showing "OEWG" gives away a back of "Open-ended Working Group".
            let mut names = super::answer_and_aliases(ctx, &card.back.text);
            // So do the teacher's other spellings of a question's answer.
            if let decksmith_model::EntryKind::Question(q) = &entry.kind {
                names.extend(q.accept.iter().cloned());
            }
            let asks: Vec<&str> = names.iter().map(String::as_str).collect();
            let candidate = ctx.candidate(
                entry,
                format!("{}:flashcard", card.id),
                body,
                // A fact's card asks for a part of its sentence: the whole sentence comes
                // first, which the teacher's note follows ("It adds…" means its subject).
                // Of another entry without a note of the teacher's, what the deck's facts say
                // of it (two at most: "The 2024 forum was opened with a speech by …
                // Miroshnikov"), each left out of a quiz whose other questions it would answer.
                match &entry.kind {
                    decksmith_model::EntryKind::Fact(_) => {
                        Explanation::own([crate::explain::summary(ctx, entry)])
                    }
                    _ if entry.explain.is_none() => {
                        let said = sayings.facts_naming(entry, 2);
                        if said.is_empty() {
                            Explanation::own([crate::explain::sources_alone(ctx, entry)])
                        } else {
                            Explanation::default()
                                .and(said.iter().map(|said| crate::values::text::sentence(said)))
                        }
                    }
                    _ => Explanation::default(),
                },
                // The back is shown once the student turns the card, while the other
                // questions are still open: with the front, as one text, which says what
                // the front names ("SCO" with its meaning rules SCO out as a wrong option).
                &[&format!("{front}\n{back}")],
                &asks,
            );
            Some(candidate)
        })
        .collect()
}
