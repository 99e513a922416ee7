//! Explanations that teach: why the answer is right, from the entry and what it links to.
//!
//! An explanation never only repeats the answer. It says what the entry says in full (a
//! term's other side and meaning, an organization's description, a person's role, an event's
//! date and its neighbours in the course's timeline), what the answer itself is when the
//! course has an entry for it, and what the entry's `see:` links add. Where nothing more can
//! be said, it names the source the statement comes from.
//!
//! An [`Explanation`] keeps apart what it says of the question's own entry (its statement,
//! then the teacher's `explain:`) and what it adds about other things. The quiz page shows an
//! explanation once its question is checked, while the others are still open: the first part
//! counts as text the question shows when a quiz is put together, and each piece of the
//! second is left out of a quiz in which it would give another question's answer away.

use decksmith_model::{
    Citation, Entry, EntryKind, Event, Locator, Question, SourceKind, Term, Translation,
};

use crate::facts::BlankSite;
use crate::kinds::{Ctx, padded, reveals};
use crate::phrases::fill;
use crate::values::ValueType;
use crate::values::text::{continuing, sentence};

/// Which side of a term a question asks for.
pub enum Side<'a> {
    /// The term, given its meaning.
    Term,
    /// The full form of the acronym.
    Expansion,
    /// A translation.
    Translation(&'a Translation),
}

/// An explanation: what it says of the question's own entry, then what it adds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation {
    /// The entry's own statement and the teacher's `explain:`, always shown.
    pub own: Vec<String>,
    /// What the answer is, the entry's link, the wrong options, the neighbouring events, the
    /// sources: each left out of a quiz in which it gives another question's answer away.
    pub more: Vec<String>,
}

impl Explanation {
    /// An explanation of these sentences about the entry itself (empty ones left out).
    pub fn own(parts: impl IntoIterator<Item = String>) -> Explanation {
        Explanation {
            own: filled(parts),
            more: Vec::new(),
        }
    }

    /// The explanation with these sentences added about other things.
    pub fn and(mut self, more: impl IntoIterator<Item = String>) -> Explanation {
        self.more.extend(filled(more));
        self
    }

    /// This explanation followed by `rest`: its own sentences after these own sentences, what
    /// it adds after what this adds.
    pub fn then(mut self, rest: Explanation) -> Explanation {
        self.own.extend(rest.own);
        self.more.extend(rest.more);
        self
    }

    /// The explanation with the teacher's `explain:` right after the entry's own statement,
    /// before what it says of other things, which the note's words do not refer to.
    pub fn with_note(mut self, note: Option<&str>) -> Explanation {
        self.own.extend(filled(note.map(str::to_owned)));
        self
    }

    /// The explanation as the pages and exports print it. What it adds that the sentences
    /// before have mostly said already (a "See also" event whose date and words the note
    /// just gave) is left out: at least 70% of its content words said before.
    pub fn text(&self) -> String {
        let mut said: Vec<String> = self
            .own
            .iter()
            .flat_map(|s| crate::values::text::content_words(s))
            .collect();
        let mut out: Vec<&str> = self.own.iter().map(String::as_str).collect();
        for part in &self.more {
            let words = crate::values::text::content_words(part);
            let old = words.iter().filter(|w| said.contains(w)).count();
            if words.len() >= 4 && old * 10 >= words.len() * 7 {
                continue;
            }
            said.extend(words);
            out.push(part);
        }
        out.join(" ")
    }
}

/// `name` with what it is (`Спутник — тело, которое…`), as a sentence.
fn defines(ctx: &Ctx<'_>, name: &str, what: &str) -> String {
    sentence(&definition(ctx, name, what))
}

/// `name` with what it is, by the phrase `e.is`: what the teacher wrote continues the
/// phrase, so where the phrase puts it after a dash (as Russian does) its first word loses
/// a capital that only started it.
fn definition(ctx: &Ctx<'_>, name: &str, what: &str) -> String {
    let template = ctx.phrases.template("e.is");
    let what = if template.contains("} —") {
        ctx.pools.continuing(what)
    } else {
        what.to_owned()
    };
    fill(template, &[("name", name), ("what", &what)])
}

/// The parts that say something.
fn filled(parts: impl IntoIterator<Item = String>) -> Vec<String> {
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// What an entry says, in one or two sentences.
pub fn summary(ctx: &Ctx<'_>, entry: &Entry) -> String {
    let p = ctx.phrases;
    match &entry.kind {
        EntryKind::Term(t) => {
            let name = match &t.expansion {
                Some(expansion) => format!("{} ({expansion})", t.term),
                None => t.term.clone(),
            };
            defines(ctx, &name, &t.meaning)
        }
        EntryKind::Person(person) => defines(ctx, &person.name, &person.role),
        EntryKind::Organization(o) => {
            let name = match &o.acronym {
                Some(acronym) => format!("{} ({acronym})", o.name),
                None => o.name.clone(),
            };
            defines(ctx, &name, &o.description)
        }
        EntryKind::Event(e) => defines(ctx, &p.date_range(&e.date, e.end.as_ref()), &e.text),
        EntryKind::Fact(f) => sentence(&f.cloze.plain()),
        EntryKind::Quote(q) => sentence(&p.get("s.said", &[("by", &q.by), ("quote", &q.text)])),
        EntryKind::Question(q) => format!("{} {}", q.prompt, sentence(&q.answer)),
    }
}

/// "See also" from the entry's first link, if it has one (and it is not `except`).
fn related(ctx: &Ctx<'_>, entry: &Entry, except: Option<&str>) -> String {
    for id in &entry.see {
        if Some(id.as_str()) == except {
            continue;
        }
        if let Some((_, other)) = ctx.course.entry(id) {
            let text = summary(ctx, other);
            if text.split_whitespace().count() <= 40 {
                return ctx.phrases.get("e.see-also", &[("text", &text)]);
            }
        }
    }
    String::new()
}

/// What the course says about a value, when it has an entry for it (other than `entry`).
fn about_value(ctx: &Ctx<'_>, entry: &Entry, value: &str) -> (String, Option<String>) {
    match ctx.pools.entry_named(value) {
        Some(id) if id != entry.id => match ctx.course.entry(id) {
            Some((_, other)) => (summary(ctx, other), Some(id.to_owned())),
            None => (String::new(), None),
        },
        _ => (String::new(), None),
    }
}

/// Which of an entry's sources give the answer, named when that tells more than the source
/// line every output prints under the explanation: "As the source gives it: RIAC/EWI
/// brief." among an entry's several sources. The course's own glossary and the teacher's
/// notes are not named: they are no evidence for the answer. Nor is a source cited by a
/// quote that holds none of `answers` (when there are any): it backs another part of the
/// entry, and naming it for the answer would credit it with what it does not say. When
/// every source the entry cites would be named, the source line says it all already,
/// unless the explanation has nothing else to say (`alone`): then naming where the
/// statement comes from is what it can add.
fn per_source(ctx: &Ctx<'_>, entry: &Entry, answers: &[&str], alone: bool) -> String {
    let answers: Vec<String> = answers.iter().map(|a| padded(a)).collect();
    let holds_answer = |citation: &Citation| match &citation.locator {
        Some(Locator::Quote(quote)) if !answers.is_empty() => {
            let quote = padded(quote);
            answers.iter().any(|a| reveals(&quote, a))
        }
        _ => true,
    };
    let mut shorts: Vec<String> = Vec::new();
    for source in entry
        .citations
        .iter()
        .filter(|c| holds_answer(c))
        .filter_map(|c| ctx.course.source(&c.source))
        .filter(|s| !matches!(s.kind, SourceKind::Glossary | SourceKind::Notes))
    {
        if !shorts.contains(&source.short) {
            shorts.push(source.short.clone());
        }
    }
    if !alone {
        let mut cited: Vec<&str> = entry.citations.iter().map(|c| c.source.as_str()).collect();
        cited.sort_unstable();
        cited.dedup();
        if shorts.len() >= cited.len() {
            return String::new();
        }
    }
    match shorts.len() {
        0 => String::new(),
        1 => ctx.phrases.get("e.per-source", &[("source", &shorts[0])]),
        _ => ctx
            .phrases
            .get("e.per-sources", &[("sources", &shorts.join("; "))]),
    }
}

/// Where an entry comes from, for an explanation with nothing else to say (a recall card
/// whose entry no fact of the deck names): never an empty one.
pub fn sources_alone(ctx: &Ctx<'_>, entry: &Entry) -> String {
    per_source(ctx, entry, &[], true)
}

/// The sources, unless the teacher's `explain:` already says why.
fn per_source_unless_explained(ctx: &Ctx<'_>, entry: &Entry) -> String {
    if entry.explain.is_some() {
        String::new()
    } else {
        per_source(ctx, entry, &[], false)
    }
}

/// The explanation of a question on a fact's blank: the whole statement, what the answer is
/// (when the course has an entry for it), the entry's link; the source when that is all.
pub fn fact(ctx: &Ctx<'_>, entry: &Entry, site: &BlankSite) -> Explanation {
    let statement = match &entry.kind {
        EntryKind::Fact(f) => sentence(&f.cloze.plain()),
        _ => String::new(),
    };
    let (about, linked) = match about_value(ctx, entry, &site.blank.answer) {
        (_, None) => named_from_blank(ctx, entry, site),
        found => found,
    };
    let related = related(ctx, entry, linked.as_deref());
    let source = if about.is_empty() && related.is_empty() && entry.explain.is_none() {
        let answers: Vec<&str> = std::iter::once(site.blank.answer.as_str())
            .chain(site.blank.alternatives.iter().map(String::as_str))
            .collect();
        per_source(ctx, entry, &answers, true)
    } else {
        String::new()
    };
    Explanation::own([statement]).and([about, related, source])
}

/// What the course says about a name that starts at the blank and goes on in the sentence
/// (`the ____ of states`, answered `sovereign equality`: the term "sovereign equality of
/// states"), the longest such name first.
fn named_from_blank(ctx: &Ctx<'_>, entry: &Entry, site: &BlankSite) -> (String, Option<String>) {
    const MOST_WORDS: usize = 4;
    let Some((_, after)) = site.text.split_once(crate::cards::BLANK) else {
        return (String::new(), None);
    };
    // A name does not run on past a clause's end.
    let mut words: Vec<&str> = Vec::new();
    for word in after.split_whitespace().take(MOST_WORDS) {
        words.push(word);
        if word.ends_with([',', ';', ':', '.']) {
            break;
        }
    }
    for n in (1..=words.len()).rev() {
        let name = format!("{} {}", site.blank.answer, words[..n].join(" "));
        let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
        if let (about, Some(id)) = about_value(ctx, entry, name) {
            return (about, Some(id));
        }
    }
    (String::new(), None)
}

/// The explanation of a question on a term: the side asked for and the others.
pub fn term(ctx: &Ctx<'_>, entry: &Entry, t: &Term, side: Side<'_>) -> Explanation {
    let p = ctx.phrases;
    let translations = |skip: Option<&str>| -> Vec<String> {
        t.translations
            .iter()
            .filter(|tr| Some(tr.lang.as_str()) != skip)
            .map(|tr| {
                let language = p.get(&format!("lang.{}", tr.lang), &[]);
                sentence(&p.get(
                    "e.translation",
                    &[("language", &language), ("text", &tr.text)],
                ))
            })
            .collect()
    };
    match side {
        Side::Term => Explanation::own([summary(ctx, entry)])
            .and(translations(None))
            .and([related(ctx, entry, None)]),
        Side::Expansion => Explanation::own([
            sentence(&p.get(
                "s.stands-for",
                &[
                    ("term", &t.term),
                    ("expansion", t.expansion.as_deref().unwrap_or_default()),
                ],
            )),
            defines(ctx, &t.term, &t.meaning),
        ])
        .and(translations(None)),
        Side::Translation(tr) => {
            let language = p.get(&format!("lang.{}", tr.lang), &[]);
            Explanation::own([
                sentence(&p.get(
                    "e.translation-of",
                    &[
                        // As the question names it: an acronym with its full form.
                        ("term", &crate::cards::term_shown(t)),
                        ("language", &language),
                        ("text", &tr.text),
                    ],
                )),
                summary(ctx, entry),
            ])
            .and(translations(Some(&tr.lang)))
        }
    }
}

/// The wrong options of a choice question as the course describes them, so that the
/// explanation teaches them too: whose positions they are ("The other positions are those
/// of A, B and C."), or what each organization, person or term is. Empty when the course
/// says nothing of some of them (positions) or of any (names), or for other kinds of value.
pub fn wrong_options(ctx: &Ctx<'_>, ty: &ValueType, wrong: &[String]) -> String {
    let p = ctx.phrases;
    match ty {
        ValueType::Role => {
            let names: Vec<String> = wrong
                .iter()
                .filter_map(|role| ctx.pools.sharing("role", role).into_iter().next())
                .collect();
            if names.is_empty() || names.len() != wrong.len() {
                return String::new();
            }
            // In no particular order, so as not to suggest the order of the options.
            let mut names = names;
            names.sort();
            p.get("e.other-roles", &[("names", &and_list(ctx, &names))])
        }
        ValueType::Organization
        | ValueType::Person
        | ValueType::Term
        | ValueType::Acronym
        | ValueType::Class(_) => {
            let items: Vec<String> = wrong
                .iter()
                .filter_map(|name| {
                    let id = ctx.pools.entry_named(name)?;
                    let (_, other) = ctx.course.entry(id)?;
                    let what = match &other.kind {
                        EntryKind::Person(person) => &person.role,
                        EntryKind::Organization(o) => &o.description,
                        EntryKind::Term(t) => &t.meaning,
                        _ => return None,
                    };
                    // A long description would bury the answer's own explanation.
                    (what.split_whitespace().count() <= WRONG_OPTION_WORDS).then(|| {
                        let item = definition(ctx, name, what.trim_end_matches('.'));
                        item.trim_end_matches('.').to_owned()
                    })
                })
                .collect();
            if items.is_empty() {
                return String::new();
            }
            p.get("e.other-options", &[("list", &items.join("; "))])
        }
        _ => String::new(),
    }
}

/// `explanation`, then what [`wrong_options`] says of the wrong options.
pub fn with_wrong_options(
    ctx: &Ctx<'_>,
    explanation: Explanation,
    ty: &ValueType,
    wrong: &[String],
) -> Explanation {
    explanation.and([wrong_options(ctx, ty, wrong)])
}

/// The longest description of a wrong option an explanation gives, in words.
const WRONG_OPTION_WORDS: usize = 12;

/// "A, B and C", in the course's language.
fn and_list(ctx: &Ctx<'_>, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => ctx
            .phrases
            .get("e.and", &[("list", &rest.join(", ")), ("last", last)]),
    }
}

/// The explanation of a question on a person or an organization: what the entry says, and
/// its link.
pub fn entry_about(ctx: &Ctx<'_>, entry: &Entry) -> Explanation {
    Explanation::own([summary(ctx, entry)]).and(entry_context(ctx, entry))
}

/// What an explanation adds to an entry's own statement: its link, or else (unless the
/// teacher's `explain:` says more) what one of the deck's facts or quotes says of it; and its
/// source (unless the teacher's `explain:` says why).
pub fn entry_context(ctx: &Ctx<'_>, entry: &Entry) -> Vec<String> {
    let related = related(ctx, entry, None);
    let said = if related.is_empty() && entry.explain.is_none() {
        ctx.sayings()
            .facts_naming(entry, 1)
            .first()
            .map(|said| sentence(said))
            .unwrap_or_default()
    } else {
        String::new()
    };
    vec![related, said, per_source_unless_explained(ctx, entry)]
}

/// The explanation of a hand-written question: its answer, what the course says of it, and
/// where it comes from.
pub fn question(ctx: &Ctx<'_>, entry: &Entry, q: &Question) -> Explanation {
    let (about, linked) = about_value(ctx, entry, &q.answer);
    Explanation::own([about]).and([
        related(ctx, entry, linked.as_deref()),
        per_source_unless_explained(ctx, entry),
    ])
}

/// The explanation of a question on an event's date: the event with its dates, and the
/// events just before and after it in the course, and where it comes from.
pub fn event(ctx: &Ctx<'_>, entry: &Entry, event: &Event) -> Explanation {
    Explanation::own([summary(ctx, entry)]).and(event_context(ctx, entry, event))
}

/// The events just before and after an event in the course's timeline, and the sources
/// of the event (unless the teacher's `explain:` says why).
pub fn event_context(ctx: &Ctx<'_>, entry: &Entry, event: &Event) -> Vec<String> {
    let p = ctx.phrases;
    let mut parts = Vec::new();
    let (before, after) = ctx.pools.neighbours(&entry.id, &event.date);
    let show = |id: Option<&str>, key: &str| -> String {
        let Some((_, other)) = id.and_then(|id| ctx.course.entry(id)) else {
            return String::new();
        };
        let EntryKind::Event(e) = &other.kind else {
            return String::new();
        };
        sentence(&p.get(
            key,
            &[
                ("date", &p.date_range(&e.date, e.end.as_ref())),
                ("event", &continuing(&e.text)),
            ],
        ))
    };
    parts.push(show(before, "e.earlier"));
    parts.push(show(after, "e.later"));
    parts.push(per_source_unless_explained(ctx, entry));
    parts
}

/// The explanation of a question on several entries, each shown by a label (a matching's
/// term, a timeline's date): what the course says of each beyond the pair (see
/// [`Sayings`]; the events of a timeline have only their `explain:`), after its label ("2019–2021: The General Assembly had set up both bodies
/// in December 2018…"), as long as the whole stays short. The items and their order are the
/// answer itself, which every page and key shows with the sources, so they are not listed
/// again; when the course says nothing more of them, the explanation is empty.
pub fn group(ctx: &Ctx<'_>, items: &[(&Entry, String)], sayings: &Sayings) -> Explanation {
    // An explanation of a set is read after the whole set: three notes of a few lines.
    const MOST_PARTS: usize = 3;
    const MOST_WORDS: usize = 80;
    let mut parts = Vec::new();
    let mut words = 0;
    for (entry, label) in items {
        if parts.len() == MOST_PARTS {
            break;
        }
        let Some(note) = sayings.of(entry) else {
            continue;
        };
        let note = note.trim_end().trim_end_matches('.');
        // A note that names its item first needs no label ("Oleg V. Khramov said: …").
        let part = if note.starts_with(label.as_str()) {
            sentence(note)
        } else {
            sentence(
                &ctx.phrases
                    .get("e.note", &[("name", label), ("what", note)]),
            )
        };
        let n = part.split_whitespace().count();
        if words + n > MOST_WORDS {
            continue;
        }
        words += n;
        parts.push(part);
    }
    Explanation::default().and(parts)
}

/// What a deck says of its entries beyond their own fields, for the explanations of sets
/// and recall cards: the teacher's `explain:` of the entry, or else the first of the deck's
/// facts (and quotes) that names it (a person by their name or another name the course
/// gives them). Built once per deck.
#[derive(Default)]
pub struct Sayings {
    /// The deck's facts and quotes, as compared (padded) and as shown (plain text).
    facts: Vec<(String, String)>,
    /// For each content word, the facts that say it.
    by_word: crate::HashMap<String, Vec<usize>>,
}

impl Sayings {
    /// What the deck of `entries` says: its facts, and its quotes as said by their speakers
    /// ("Andrey Belousov said: “…”", in the course's words).
    pub fn new(ctx: &Ctx<'_>, entries: &[&Entry]) -> Sayings {
        let mut facts = Vec::new();
        let mut by_word: crate::HashMap<String, Vec<usize>> = crate::HashMap::default();
        for entry in entries {
            let text = match &entry.kind {
                EntryKind::Fact(f) => f.cloze.plain(),
                EntryKind::Quote(q) => ctx
                    .phrases
                    .get("s.said", &[("by", &q.by), ("quote", &q.text)]),
                _ => continue,
            };
            for word in crate::values::text::content_words(&text) {
                by_word.entry(word).or_default().push(facts.len());
            }
            facts.push((padded(&text), text));
        }
        Sayings { facts, by_word }
    }

    /// What the deck says of `entry` beyond its own fields, if anything.
    pub fn of(&self, entry: &Entry) -> Option<String> {
        if let Some(note) = &entry.explain {
            return Some(note.clone());
        }
        self.facts_naming(entry, 1).into_iter().next()
    }

    /// Up to `most` of the deck's facts and quotes that name `entry`, in deck order.
    pub fn facts_naming(&self, entry: &Entry, most: usize) -> Vec<String> {
        let names: Vec<&String> = match &entry.kind {
            EntryKind::Person(p) => std::iter::once(&p.name).chain(&p.aliases).collect(),
            EntryKind::Organization(o) => std::iter::once(&o.name).chain(&o.acronym).collect(),
            EntryKind::Term(t) => std::iter::once(&t.term).chain(&t.expansion).collect(),
            _ => return Vec::new(),
        };
        let mut found: Vec<usize> = Vec::new();
        for name in names {
            let words = crate::values::text::content_words(name);
            // The facts that say the name's rarest word, then those that say it whole.
            let Some(candidates) = words
                .iter()
                .filter_map(|w| self.by_word.get(w))
                .min_by_key(|facts| facts.len())
            else {
                continue;
            };
            let name = padded(name);
            for &i in candidates {
                if !found.contains(&i) && reveals(&self.facts[i].0, &name) {
                    found.push(i);
                }
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .take(most)
            .map(|i| self.facts[i].1.clone())
            .collect()
    }
}

/// The explanation of who said a quote: the speaker's entry, the quote's setting.
pub fn quote(ctx: &Ctx<'_>, entry: &Entry, speaker: &str) -> Explanation {
    let EntryKind::Quote(q) = &entry.kind else {
        return Explanation::default();
    };
    let (about, _) = about_value(ctx, entry, speaker);
    let about = if about.is_empty() {
        sentence(speaker)
    } else {
        about
    };
    let context = q.context.as_deref().map(sentence).unwrap_or_default();
    let date = q
        .date
        .map(|d| sentence(&ctx.phrases.date(&d)))
        .unwrap_or_default();
    Explanation::own([about, context, date])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_explanation_has_just_said_is_not_added_again() {
        let e = Explanation::own([
            "Antonov said the draft would help institutionalize what Putin and Biden had agreed."
                .to_owned(),
            "Putin and Biden reached that agreement on 16 June 2021.".to_owned(),
        ])
        .and([
            "See also: 16 June 2021: Putin and Biden reach the agreement that the draft was meant to institutionalize.".to_owned(),
            "See also: 6 December 2021: The General Assembly adopts the draft.".to_owned(),
        ]);
        assert_eq!(
            e.text(),
            "Antonov said the draft would help institutionalize what Putin and Biden had agreed. Putin and Biden reached that agreement on 16 June 2021. See also: 6 December 2021: The General Assembly adopts the draft."
        );
    }
}
