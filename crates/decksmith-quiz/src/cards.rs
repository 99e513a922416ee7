//! Flashcards: one per entry, and a reverse card where the deck asks for them.

use decksmith_model::{Course, Deck, Entry, EntryKind, Translation, is_russian};

use crate::cite;
use crate::types::{Card, Line, LineRole, Side};

/// The blank shown in place of a cloze part.
pub const BLANK: &str = "____";

/// The cards of a deck, numbered from 1.
pub fn cards(course: &Course, deck: &Deck) -> Vec<Card> {
    let mut out = Vec::new();
    for entry in &deck.entries {
        let (front, back) = sides(course, entry);
        let reverse = deck.cards.reverse.then(|| reverse_sides(entry)).flatten();
        push(&mut out, course, entry, front, back, false);
        if let Some((front, back)) = reverse {
            push(&mut out, course, entry, front, back, true);
        }
    }
    out
}

fn push(
    out: &mut Vec<Card>,
    course: &Course,
    entry: &Entry,
    front: Side,
    back: Side,
    reverse: bool,
) {
    out.push(Card {
        id: if reverse {
            format!("{}-reverse", entry.id)
        } else {
            entry.id.clone()
        },
        number: out.len() as u32 + 1,
        entry: entry.id.clone(),
        kind: entry.kind_name(),
        reverse,
        front,
        back,
        tags: entry.tags.clone(),
        sources: cite::resolve(course, &entry.citations),
        origin: entry.origin.clone(),
    });
}

fn line(text: impl Into<String>, role: LineRole) -> Line {
    Line {
        text: text.into(),
        lang: None,
        role,
    }
}

fn translations(lines: &mut Vec<Line>, translations: &[Translation]) {
    for t in translations {
        lines.push(Line {
            text: t.text.clone(),
            lang: Some(t.lang.clone()),
            role: LineRole::Translation,
        });
    }
}

/// The front and back of an entry's card.
pub fn sides(course: &Course, entry: &Entry) -> (Side, Side) {
    let language = course.language.as_str();
    let (front, mut back) = match &entry.kind {
        EntryKind::Term(t) => {
            let mut back = match &t.expansion {
                Some(expansion) => Side {
                    text: expansion.clone(),
                    lang: None,
                    lines: vec![line(&t.meaning, LineRole::Detail)],
                },
                None => Side::new(&t.meaning),
            };
            translations(&mut back.lines, &t.translations);
            (Side::new(&t.term), back)
        }
        EntryKind::Person(p) => {
            let mut back = Side::new(&p.role);
            translations(&mut back.lines, &p.translations);
            (Side::new(&p.name), back)
        }
        EntryKind::Organization(o) => {
            let (front, mut back) = match &o.acronym {
                Some(acronym) => (
                    Side::new(acronym),
                    Side {
                        text: o.name.clone(),
                        lang: None,
                        lines: vec![line(&o.description, LineRole::Detail)],
                    },
                ),
                None => (Side::new(&o.name), Side::new(&o.description)),
            };
            translations(&mut back.lines, &o.translations);
            (front, back)
        }
        EntryKind::Event(e) => {
            let when = match &e.end {
                Some(end) => format!("{} – {}", e.date.display(language), end.display(language)),
                None => e.date.display(language),
            };
            (Side::new(&e.text), Side::new(when))
        }
        EntryKind::Quote(q) => {
            let mut back = Side::new(&q.by);
            if let Some(context) = &q.context {
                back.lines.push(line(context, LineRole::Detail));
            }
            if let Some(date) = &q.date {
                back.lines
                    .push(line(date.display(language), LineRole::Detail));
            }
            (Side::new(quoted(&q.text, language)), back)
        }
        EntryKind::Fact(f) => {
            let blanked = f.cloze.render(|_, _| BLANK.to_owned());
            let answers: Vec<&str> = f.cloze.blanks().map(|b| b.answer.as_str()).collect();
            if answers.is_empty() {
                // Nothing to recall but the statement itself.
                (Side::new(f.cloze.plain()), Side::new(f.cloze.plain()))
            } else {
                let back = Side {
                    text: answers.join(" · "),
                    lang: None,
                    lines: vec![line(f.cloze.plain(), LineRole::Detail)],
                };
                (Side::new(blanked), back)
            }
        }
        EntryKind::Question(q) => (Side::new(&q.prompt), Side::new(&q.answer)),
    };
    if let Some(explain) = &entry.explain {
        back.lines.push(line(explain, LineRole::Note));
    }
    (front, back)
}

/// The reverse card of terms, persons and organizations.
fn reverse_sides(entry: &Entry) -> Option<(Side, Side)> {
    match &entry.kind {
        EntryKind::Term(t) => Some(match &t.expansion {
            Some(expansion) => (Side::new(expansion), Side::new(&t.term)),
            None => (Side::new(&t.meaning), Side::new(&t.term)),
        }),
        EntryKind::Person(p) => Some((Side::new(&p.role), Side::new(&p.name))),
        EntryKind::Organization(o) => Some((
            Side::new(&o.description),
            Side::new(match &o.acronym {
                Some(acronym) => format!("{} ({acronym})", o.name),
                None => o.name.clone(),
            }),
        )),
        _ => None,
    }
}

/// Text in the course language's quotation marks.
pub fn quoted(text: &str, language: &str) -> String {
    if is_russian(language) {
        format!("«{text}»")
    } else {
        format!("\u{201c}{text}\u{201d}")
    }
}
