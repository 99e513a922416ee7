//! One entry's own keys: its kind's fields, a fact's `blanks:`, an event's dates, a
//! question's distractors, translations and tags, each checked at its place.

use std::collections::{BTreeMap, HashSet};

use super::{clean, date, is_language_code};
use crate::cloze::{Blank, Cloze, ClozePart};
use crate::course::*;
use crate::date::PartialDate;
use crate::diag::{Pos, short};
use crate::names::{did_you_mean, normalize_answer, refers_to_other_options, slug, tag_problem};
use crate::raw::*;
use crate::read::{RawEntryKind, Reader};
use crate::spans::Path;

/// The kind-specific part of an entry at `path`, and whether it had no mistake; `None` when
/// it cannot stand in for the entry at all.
pub(super) fn kind(
    reader: &mut Reader<'_, '_>,
    raw: RawEntryKind,
    path: &Path,
    classes: &BTreeMap<String, Vec<String>>,
) -> Option<(EntryKind, bool)> {
    Some(match raw {
        RawEntryKind::Term(t) => (term(reader, t, path), true),
        RawEntryKind::Fact(f) => fact(reader, f, path, classes),
        RawEntryKind::Event(e) => event(reader, e, path)?,
        RawEntryKind::Person(p) => (person(reader, p, path), true),
        RawEntryKind::Organization(o) => (organization(reader, o, path), true),
        RawEntryKind::Quote(q) => (quote(reader, q, path), true),
        RawEntryKind::Question(q) => question(reader, q, path),
    })
}

fn list(items: &Option<Vec<Text>>) -> Vec<String> {
    items.iter().flatten().map(clean).collect()
}

fn term(reader: &mut Reader<'_, '_>, t: RawTerm, path: &Path) -> EntryKind {
    EntryKind::Term(Term {
        term: clean(&t.term),
        meaning: clean(&t.meaning),
        expansion: t.expansion.as_ref().map(clean),
        aliases: list(&t.aliases),
        translations: translations(reader, t.translation.as_ref(), &path.key("translation")),
    })
}

/// A fact: its braced parts, with what `blanks:` says of them. A fact whose braces do not
/// parse is reported and read on as plain text, so its id, citations and links still count.
fn fact(
    reader: &mut Reader<'_, '_>,
    f: RawFact,
    path: &Path,
    classes: &BTreeMap<String, Vec<String>>,
) -> (EntryKind, bool) {
    let text = clean(&f.fact);
    match Cloze::parse(&text) {
        Ok(mut cloze) => {
            let ok = match &f.blanks {
                Some(blanks) => {
                    blank_hints(reader, &mut cloze, blanks, &path.key("blanks"), classes)
                }
                None => true,
            };
            (EntryKind::Fact(Fact { cloze }), ok)
        }
        Err(e) => {
            let pos = offset_pos(reader, &path.key("fact"), &text, e.offset);
            let diagnostic = reader.file.error(pos, 1, e.message).with_help(e.help);
            reader.diags.push(diagnostic);
            let parts = vec![ClozePart::Text(text)];
            (
                EntryKind::Fact(Fact {
                    cloze: Cloze { parts },
                }),
                false,
            )
        }
    }
}

/// An event: its dates, the end not before the start. An event without a readable date is
/// reported and read on with any date, so its id and citations count.
fn event(reader: &mut Reader<'_, '_>, e: RawEvent, path: &Path) -> Option<(EntryKind, bool)> {
    let mut ok = true;
    let start = date(reader, &e.date, &path.key("date"));
    let end = e
        .end
        .as_ref()
        .and_then(|d| date(reader, d, &path.key("end")));
    if let (Some(start), Some(end)) = (start, end)
        && start.certain_order(&end) == Some(std::cmp::Ordering::Greater)
    {
        reader
            .error_at(
                &path.key("end"),
                format!("the event ends ({end}) before it starts ({start})"),
            )
            .help =
            Some("check the two dates: `date:` is when it began, `end:` when it ended".into());
        ok = false;
    }
    let date = match start {
        Some(date) => date,
        None => {
            ok = false;
            PartialDate::parse("2000").ok()?
        }
    };
    let event = EntryKind::Event(Event {
        text: clean(&e.event),
        date,
        end,
    });
    Some((event, ok))
}

fn person(reader: &mut Reader<'_, '_>, p: RawPerson, path: &Path) -> EntryKind {
    EntryKind::Person(Person {
        name: clean(&p.person),
        role: clean(&p.role),
        aliases: list(&p.aliases),
        translations: translations(reader, p.translation.as_ref(), &path.key("translation")),
    })
}

fn organization(reader: &mut Reader<'_, '_>, o: RawOrganization, path: &Path) -> EntryKind {
    EntryKind::Organization(Organization {
        name: clean(&o.organization),
        acronym: o.acronym.as_ref().map(clean),
        description: clean(&o.description),
        aliases: list(&o.aliases),
        translations: translations(reader, o.translation.as_ref(), &path.key("translation")),
    })
}

fn quote(reader: &mut Reader<'_, '_>, q: RawQuote, path: &Path) -> EntryKind {
    EntryKind::Quote(Quote {
        text: clean(&q.quote),
        by: clean(&q.by),
        person: None,
        date: q
            .date
            .as_ref()
            .and_then(|d| date(reader, d, &path.key("date"))),
        context: q.context.as_ref().map(clean),
    })
}

/// A question of the teacher's own: its distractors must be wrong, differ, and not refer to
/// the other options.
fn question(reader: &mut Reader<'_, '_>, q: RawQuestion, path: &Path) -> (EntryKind, bool) {
    let mut ok = true;
    let answer = clean(&q.answer);
    let accept = list(&q.accept);
    let distractors = list(&q.distractors);
    let taken: HashSet<String> = std::iter::once(&answer)
        .chain(&accept)
        .map(|a| normalize_answer(a))
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, d) in distractors.iter().enumerate() {
        let norm = normalize_answer(d);
        let at = path.key("distractors").index(i);
        let d = short(d);
        if refers_to_other_options(&d) {
            reader
                .error_at(&at, format!("distractor \"{d}\" refers to the other options"))
                .help = Some("options are shuffled, so \"all/none of the above\" cannot work: write a plausible wrong answer instead".into());
            ok = false;
        } else if taken.contains(&norm) {
            reader
                .error_at(&at, format!("distractor \"{d}\" is the same as the answer"))
                .help =
                Some("a distractor must be a wrong answer: replace it, or remove it".into());
            ok = false;
        } else if seen.contains(&norm) {
            reader
                .error_at(&at, format!("distractor \"{d}\" is given twice"))
                .help = Some("options must all differ: replace or remove the repeat".into());
            ok = false;
        }
        seen.insert(norm);
    }
    let question = EntryKind::Question(Question {
        prompt: clean(&q.question),
        answer,
        accept,
        distractors,
    });
    (question, ok)
}

/// The deck's tags, then the entry's own, each checked, without repeats; and whether all
/// were well formed.
pub(super) fn tags(
    reader: &mut Reader<'_, '_>,
    deck_tags: &[String],
    own: Option<&[Text]>,
    path: &Path,
) -> (Vec<String>, bool) {
    let mut ok = true;
    let mut tags: Vec<String> = deck_tags.to_vec();
    let mut has: HashSet<String> = tags.iter().cloned().collect();
    for (i, tag) in own.into_iter().flatten().enumerate() {
        let tag = clean(tag);
        if let Some(problem) = tag_problem(&tag) {
            reader
                .error_at(
                    &path.key("tags").index(i),
                    format!("tag `{}` {problem}", short(&tag)),
                )
                .help = Some("tags are single words; join words with hyphens".into());
            ok = false;
        }
        if has.insert(tag.clone()) {
            tags.push(tag);
        }
    }
    (tags, ok)
}

/// Applies a fact's `blanks:` to its blanks: each key must be a blank's answer (or one of
/// its alternatives), each type a built-in type or a class, each wrong option really wrong.
/// Returns whether all was well.
fn blank_hints(
    reader: &mut Reader<'_, '_>,
    cloze: &mut Cloze,
    hints: &BTreeMap<String, RawBlank>,
    path: &Path,
    classes: &BTreeMap<String, Vec<String>>,
) -> bool {
    let mut ok = true;
    for (key, hint) in hints {
        let at = path.key(key);
        let wanted = normalize_answer(key);
        let blank = cloze.parts.iter_mut().find_map(|part| match part {
            ClozePart::Blank(b)
                if std::iter::once(&b.answer)
                    .chain(&b.alternatives)
                    .any(|a| normalize_answer(a) == wanted) =>
            {
                Some(b)
            }
            _ => None,
        });
        let Some(blank) = blank else {
            let answers: Vec<String> = cloze.blanks().map(|b| b.answer.clone()).collect();
            let help = match did_you_mean(key, answers.iter().map(String::as_str)) {
                Some(s) => format!(
                    "did you mean `{s}`? Each key of `blanks:` is the answer of a part in braces"
                ),
                None if answers.is_empty() => "the fact has no part in braces".into(),
                None => format!(
                    "each key of `blanks:` is the answer of a part in braces: {}",
                    answers.join(", ")
                ),
            };
            reader
                .error_at_key(&at, format!("the fact has no blank `{key}`"))
                .help = Some(help);
            ok = false;
            continue;
        };
        if let Some(kind) = &hint.kind {
            let kind = clean(kind);
            if VALUE_TYPES.contains(&kind.as_str()) || classes.contains_key(&kind) {
                blank.kind = Some(kind);
            } else {
                let known = VALUE_TYPES
                    .iter()
                    .copied()
                    .chain(classes.keys().map(String::as_str));
                let help = match did_you_mean(&kind, known) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "use a built-in type ({}) or a class listed under `classes:` in course.yaml",
                        VALUE_TYPES.join(", ")
                    ),
                };
                let type_at = if reader.index.get(&at.key("type")).is_some() {
                    at.key("type")
                } else {
                    at.clone()
                };
                reader
                    .error_at(&type_at, format!("unknown type `{kind}`"))
                    .help = Some(help);
                ok = false;
            }
        }
        ok &= wrong_options(reader, blank, &hint.distractors, &at);
    }
    ok
}

/// Takes a blank's wrong options from `blanks:` (at `at`): each must be wrong, given once,
/// and not refer to the other options. Returns whether all were.
fn wrong_options(
    reader: &mut Reader<'_, '_>,
    blank: &mut Blank,
    distractors: &[Text],
    at: &Path,
) -> bool {
    let mut ok = true;
    let right: Vec<String> = std::iter::once(&blank.answer)
        .chain(&blank.alternatives)
        .map(|a| normalize_answer(a))
        .collect();
    let list_at = if reader.index.get(&at.key("distractors")).is_some() {
        at.key("distractors")
    } else {
        at.clone()
    };
    let mut seen: Vec<String> = Vec::new();
    for (i, d) in distractors.iter().enumerate() {
        let d = clean(d);
        let norm = normalize_answer(&d);
        let d_at = list_at.index(i);
        if right.contains(&norm) {
            reader
                .error_at(
                    &d_at,
                    format!("wrong option \"{d}\" is an accepted answer of the blank"),
                )
                .help = Some("a wrong option must be wrong: replace it, or remove it".into());
            ok = false;
        } else if seen.contains(&norm) {
            reader
                .error_at(&d_at, format!("wrong option \"{d}\" is given twice"))
                .help = Some("options must all differ: replace or remove the repeat".into());
            ok = false;
        } else if refers_to_other_options(&d) {
            reader
                .error_at(&d_at, format!("wrong option \"{d}\" refers to the other options"))
                .help = Some("options are shuffled, so \"all/none of the above\" cannot work: write a plausible wrong answer instead".into());
            ok = false;
        } else {
            blank.distractors.push(d);
        }
        seen.push(norm);
    }
    ok
}

fn translations(
    reader: &mut Reader<'_, '_>,
    raw: Option<&Translations>,
    path: &Path,
) -> Vec<Translation> {
    let mut out = Vec::new();
    for (lang, text) in raw.into_iter().flatten() {
        if !is_language_code(lang) {
            reader
                .error_at_key(&path.key(lang), format!("`{lang}` is not a language code"))
                .help = Some("key each translation by a language code, such as `ru:`".into());
            continue;
        }
        out.push(Translation {
            lang: lang.clone(),
            text: clean(text),
        });
    }
    out
}

pub(super) fn kind_name(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Term(_) => "term",
        EntryKind::Fact(_) => "fact",
        EntryKind::Event(_) => "event",
        EntryKind::Person(_) => "person",
        EntryKind::Organization(_) => "organization",
        EntryKind::Quote(_) => "quote",
        EntryKind::Question(_) => "question",
    }
}

/// An id made from the entry's main text, prefixed with its kind: `term-oewg`,
/// `person-anatoly-antonov`, `fact-in-november-2021-russia-and`.
pub(super) fn derived_id(kind: &EntryKind) -> String {
    let (prefix, text, words) = match kind {
        EntryKind::Term(t) => ("term", t.term.clone(), 8),
        EntryKind::Fact(f) => ("fact", f.cloze.plain(), 6),
        EntryKind::Event(e) => ("event", e.text.clone(), 6),
        EntryKind::Person(p) => ("person", p.name.clone(), 6),
        EntryKind::Organization(o) => (
            "org",
            o.acronym.clone().unwrap_or_else(|| o.name.clone()),
            6,
        ),
        EntryKind::Quote(q) => ("quote", format!("{} {}", q.by, q.text), 6),
        EntryKind::Question(q) => ("question", q.prompt.clone(), 6),
    };
    let slug = slug(&text, words);
    if slug.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}-{slug}")
    }
}

/// The position of character `offset` of a (cleaned) scalar at `path`: exact when the scalar
/// sits on one line as written, else the scalar's start.
fn offset_pos(reader: &Reader<'_, '_>, path: &Path, text: &str, offset: usize) -> Pos {
    let place = reader.index.value(path);
    let Some(start) = reader.file.byte_of_pos(place.pos) else {
        return place.pos;
    };
    let from = &reader.file.text()[start..];
    let (body, shift) = match from.chars().next() {
        Some('"' | '\'') => (&from[1..], 1),
        _ => (from, 0),
    };
    let prefix: String = text.chars().take(offset).collect();
    if body.starts_with(&prefix) {
        Pos::new(place.pos.line, place.pos.col + shift + offset as u32)
    } else {
        place.pos
    }
}
