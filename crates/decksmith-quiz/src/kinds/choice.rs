//! Multiple choice: one correct option among wrong options of the same type.
//!
//! The teacher's own wrong options come first (a hand-written question's `distractors:`, a
//! fact's `blanks:`); the rest are drawn from the course by type ([`crate::values`]). An
//! item is made only when enough wrong options exist that are certainly wrong and read like
//! the answer, and when no option gives the answer away; otherwise the generation report (or,
//! for a hand-written question, a warning) says why.

use decksmith_model::{Entry, EntryKind, Event, Organization, Person, Question, Term};

use super::{Candidate, Ctx, Cues, DropKind, without_cue};
use crate::explain::{self, Explanation};
use crate::facts::BlankSite;
use crate::types::{Body, Choice};
use crate::values::dates::Months;
use crate::values::{Ask, Named, ValueType, text};

/// The plan of one multiple-choice question on a part of an entry: what it asks, the answer,
/// and what its wrong options must be.
struct ChoicePlan {
    part: String,
    prompt: String,
    /// The prompt's own content, without the question's fixed words ("Which organization
    /// does this describe?"): what the options may not repeat.
    stem: String,
    answer: String,
    ty: ValueType,
    /// The teacher's wrong options, used first.
    given: Vec<String>,
    /// Answers that are also right, never offered as wrong options.
    also_right: Vec<String>,
    /// The sentence around a fact's blank, up to the blank.
    before: Option<String>,
    /// Only wrong options whose letters spell this acronym may be offered (a question on
    /// what an acronym stands for).
    spelled: Option<String>,
    /// Only positions of people in this class of the course may be offered (the teacher's
    /// `classes:` groups them: astronauts, cosmonauts).
    peers: Option<String>,
    explanation: Explanation,
    lang: Option<String>,
    /// Why the item cannot be asked with options at all, if so.
    refused: Option<(DropKind, String)>,
}

impl ChoicePlan {
    fn new(
        part: &str,
        prompt: String,
        answer: &str,
        ty: ValueType,
        explanation: Explanation,
    ) -> ChoicePlan {
        ChoicePlan {
            part: part.to_owned(),
            stem: prompt.clone(),
            prompt,
            answer: answer.to_owned(),
            ty,
            given: Vec::new(),
            also_right: Vec::new(),
            before: None,
            spelled: None,
            peers: None,
            explanation,
            lang: None,
            refused: None,
        }
    }
}

/// The multiple-choice items of an entry.
pub fn candidates(ctx: &mut Ctx<'_>, entry: &Entry) -> Vec<Candidate> {
    let mut out = Vec::new();
    if let EntryKind::Event(event) = &entry.kind {
        out.extend(event_candidate(ctx, entry, event));
        return out;
    }
    let teacher = matches!(entry.kind, EntryKind::Question(_));
    for item in items(ctx, entry) {
        let id = format!("{}:multiple-choice:{}", entry.id, item.part);
        if let Some(before) = &item.before {
            the_misfits(ctx, entry, before, &item.answer, &item.given);
        }
        if let Some((kind, reason)) = item.refused {
            if teacher {
                ctx.warn(
                    entry,
                    format!("question `{}` cannot be asked: {reason}", entry.id),
                    "reword the question so that it does not give its answer away",
                );
                continue;
            }
            let help = match kind {
                DropKind::GivesAway => {
                    "reword the entry so that the question does not give the answer"
                }
                _ => {
                    "give wrong options with `blanks: { <answer>: [...] }` if some are certainly wrong"
                }
            };
            let reason = if item.part.starts_with("blank") {
                format!("blank \"{}\": {reason}", super::short(&item.answer))
            } else {
                reason
            };
            ctx.drop(entry, id, kind, reason, Some(help));
            continue;
        }
        match options(ctx, entry, &item) {
            Ok(distractors) => {
                let mut options = vec![item.answer.clone()];
                options.extend(distractors);
                let shows: Vec<&str> = vec![item.prompt.as_str()];
                let explanation =
                    explain::with_wrong_options(ctx, item.explanation, &item.ty, &options[1..]);
                let body = Body::MultipleChoice(natural_order(
                    ctx.pools.months(),
                    Choice {
                        prompt: item.prompt.clone(),
                        options: options.clone(),
                        answer: 0,
                        lang: item.lang.clone(),
                        ordered: false,
                    },
                ));
                let mut names = super::answer_and_aliases(ctx, &item.answer);
                // The teacher's other spellings of the answer ("Russia and the US") give it
                // away as surely when another question shows them.
                if teacher {
                    names.extend(item.also_right.iter().cloned());
                }
                let asks: Vec<&str> = names.iter().map(String::as_str).collect();
                // A translation stands for one term, a position for the person who holds it, a
                // class's value for one thing: "In Russian, “X” is “Y”" in another explanation
                // rules the option Y out.
                let paired = !item.given.is_empty()
                    || matches!(
                        item.ty,
                        ValueType::Class(_) | ValueType::Translation(..) | ValueType::Role
                    );
                out.push(
                    ctx.candidate(entry, id, body, explanation, &shows, &asks)
                        .offering(&options[1..])
                        .defining_offers(ctx, &options[1..])
                        .paired(paired),
                );
            }
            Err((_, reason, help)) if teacher => {
                ctx.warn(
                    entry,
                    format!("question `{}` cannot be asked: {reason}", entry.id),
                    help,
                );
            }
            Err((kind, reason, help)) => ctx.drop(entry, id, kind, reason, Some(help)),
        }
    }
    out
}

/// The wrong options of an item, or why it cannot have good ones.
fn options(
    ctx: &Ctx<'_>,
    entry: &Entry,
    item: &ChoicePlan,
) -> Result<Vec<String>, (DropKind, String, &'static str)> {
    let n = ctx.distractors;
    let given: Vec<String> = item.given.iter().take(n).cloned().collect();
    let teacher = matches!(entry.kind, EntryKind::Question(_));
    let fact = matches!(entry.kind, EntryKind::Fact(_));
    let pooled = given.len() < n && item.ty.has_distractors();
    // Wrong options of the answer's type from the course, `extra` more than are needed.
    let pool = |extra: usize| {
        let mut also_right = item.also_right.clone();
        also_right.extend(given.iter().cloned());
        let key = [
            ctx.deck.id.as_str(),
            entry.id.as_str(),
            "multiple-choice",
            item.part.as_str(),
        ];
        let wanted = if item.spelled.is_some() || item.peers.is_some() {
            4 * n
        } else {
            n - given.len()
        };
        let mut ask = Ask::new(&item.answer, &item.ty, wanted + extra, ctx.seed, &key);
        ask.also_right = &also_right;
        ask.stem = &item.stem;
        if let Some(before) = &item.before {
            ask = ask.before_blank(before);
        }
        let mut more = ctx.pools.distractors(&ask);
        if let Some(acronym) = &item.spelled {
            more.retain(|d| text::spells(acronym, d));
        }
        if let Some(class) = &item.peers {
            more.retain(|role| {
                ctx.pools
                    .sharing("role", role)
                    .iter()
                    .any(|holder| matches!(ctx.pools.classify(holder), ValueType::Class(c) if c == *class))
            });
        }
        more
    };
    let mut distractors = given.clone();
    if pooled {
        let mut more = pool(0);
        more.truncate(n - given.len());
        distractors.extend(more);
    }
    if distractors.len() < n {
        return Err(too_few(ctx, entry, item, distractors.len()));
    }
    // Whether a student reads each option by sight is worked out once per option, as the
    // search below tries many sets of them.
    let read_by_sight = std::cell::RefCell::new(crate::HashMap::default());
    let cues = Cues::new(&item.stem, &item.answer);
    let stands_out = |options: &[String]| {
        cues.find(options)
            .or_else(|| transparent(ctx, item, options, &read_by_sight))
            .or_else(|| read_as_acronyms(ctx, item, options))
            .or_else(|| spelled_out_in_stem(ctx, item, options))
    };
    if let Some(cue) = stands_out(&distractors) {
        // Other wrong options of the type may not stand out.
        if pooled
            && cue.other_options_may_help
            && let Some(fair) = without_cue(&given, &pool(3 * n), n, |o| stands_out(o).is_none())
        {
            return Ok(fair);
        }
        return Err((
            DropKind::GivesAway,
            cue.why,
            if teacher {
                "reword the question or the options so that no option stands out"
            } else if fact {
                "give wrong options of the answer's length and form with `blanks:`"
            } else {
                "reword the entry so that the question does not point at the answer, or add entries of its type of a like length and form"
            },
        ));
    }
    Ok(distractors)
}

/// Why a choice question cannot be made for want of wrong options: what is missing and how a
/// teacher gives it.
fn too_few(
    ctx: &Ctx<'_>,
    entry: &Entry,
    item: &ChoicePlan,
    have: usize,
) -> (DropKind, String, &'static str) {
    let n = ctx.distractors;
    let teacher = matches!(entry.kind, EntryKind::Question(_));
    let fact = matches!(entry.kind, EntryKind::Fact(_));
    if teacher {
        (
            DropKind::TooFew,
            format!(
                "it has {have} wrong option{} and the course has no more of its type; a {}-option item needs {n}",
                if have == 1 { "" } else { "s" },
                n + 1
            ),
            "add `distractors:` to the question, or lower `options:` in the quiz settings",
        )
    } else if item.spelled.is_some() {
        (
            DropKind::Letters,
            format!(
                "no other full name in the course fits the letters of {}, so the answer would stand out",
                item.spelled.as_deref().unwrap_or_default()
            ),
            "the typed-answer question asks for it instead; to ask it with options, write a `question:` with `distractors:` whose letters fit",
        )
    } else if !item.ty.has_distractors() {
        (
            DropKind::NoOptions,
            format!(
                "\"{}\" is {}, which has no wrong options of its own",
                super::short(&item.answer),
                item.ty.describe()
            ),
            "give wrong options with `blanks: { <answer>: [...] }`, or a type with `blanks: { <answer>: <type> }`",
        )
    } else {
        let noun = match &item.ty {
            ValueType::Translation(lang, _) => ctx.pools.translation_noun(lang, &item.answer),
            ValueType::Term if text::names_a_doctrine(&item.answer) => {
                "a doctrine's name".to_owned()
            }
            ty => ty.noun(),
        };
        (
            DropKind::TooFew,
            format!(
                "the course has {have} wrong option{} of its type ({noun}) that could stand beside \"{}\" (in the same language, of a like length and form); {n} are needed",
                if have == 1 { "" } else { "s" },
                super::short(&item.answer)
            ),
            if fact {
                "give wrong options with `blanks: { <answer>: [...] }`, or add entries of that type, or a class under `classes:` in course.yaml"
            } else {
                "add entries of that type to the course, or a class under `classes:` in course.yaml that lists it with its peers"
            },
        )
    }
}

/// Why a question asking for an abbreviation in Cyrillic letters, in a question in Latin
/// ones, leaves the answer too few rivals, if it does: the wrong options a student reads
/// letter for letter as the course's own Latin abbreviations (`АНО` as ANO, `ИКТ` as ICT)
/// are ruled out by one who knows what those stand for, and at least two must stay.
fn read_as_acronyms(ctx: &Ctx<'_>, item: &ChoicePlan, options: &[String]) -> Option<super::Cue> {
    let cyrillic = |s: &str| text::script(s) == text::Script::Cyrillic;
    if !cyrillic(&item.answer) || !crate::values::is_acronym(&item.answer) || cyrillic(&item.stem) {
        return None;
    }
    let read: Vec<String> = options
        .iter()
        .filter_map(|o| {
            let latin = text::latin_readings(o)
                .into_iter()
                .find(|l| ctx.pools.entry_named(l).is_some())?;
            Some(format!("{o} as {latin}"))
        })
        .collect();
    (options.len() - read.len() < 2).then(|| super::Cue {
        why: format!(
            "a student reads {} of the wrong options as the course's abbreviations in Latin letters ({}), which leaves the answer too few rivals",
            read.len(),
            read.join(", ")
        ),
        other_options_may_help: true,
    })
}

/// Why an abbreviation asked for by what it means stands out, if it does: the question says
/// the words its letters stand for (`A UN group of experts…` for GGE, Group of Governmental
/// Experts; `…form of non-profit organization` for ANO), at least two of them, or the head
/// word of its full name (`A treaty…` for MLAT), and no wrong option's full name is echoed
/// as much. A student who knows no abbreviation reads the answer off the definition.
fn spelled_out_in_stem(ctx: &Ctx<'_>, item: &ChoicePlan, options: &[String]) -> Option<super::Cue> {
    if !crate::values::is_acronym(&item.answer) || item.stem.is_empty() {
        return None;
    }
    let stem = text::content_words(&item.stem);
    // How many words of an option's full name the question says, and whether its head word
    // (the last, in an English name: Treaty, Organization) is among them.
    let echo = |option: &str| -> (usize, bool) {
        let Some(full) = ctx.pools.expansion_of(option) else {
            return (0, false);
        };
        let words = text::content_words(full);
        let said = |w: &String| stem.iter().any(|s| text::same_word(w, s));
        let hits = words.iter().filter(|w| said(w)).count();
        let latin = text::script(full) == text::Script::Latin;
        (hits, latin && words.last().is_some_and(said))
    };
    let (hits, head) = echo(&item.answer);
    let wrong: Vec<(usize, bool)> = options
        .iter()
        .filter(|o| **o != item.answer)
        .map(|o| echo(o))
        .collect();
    let most = wrong.iter().map(|(h, _)| *h).max().unwrap_or(0);
    let spelled = hits >= 2 && most < 2;
    let named = head && hits > most && !wrong.iter().any(|(_, h)| *h);
    let full = ctx.pools.expansion_of(&item.answer).unwrap_or_default();
    (spelled || named).then(|| super::Cue {
        why: format!(
            "the question says {} of \"{full}\", the full name of the answer, and no wrong option's full name is said as much",
            if spelled { "words" } else { "the head word" }
        ),
        other_options_may_help: true,
    })
}

/// Why a translation question into another alphabet leaves the answer too few rivals, if it
/// does: the wrong options a student reads as other words of the course («кибератака» as
/// "cyberattack", «компьютерный инцидент» as "computer incident", at least 60% of their
/// letters; or «оборонительный реализм» by "realism", which the question does not say) are
/// ruled out by sight, and at least two must stay.
fn transparent(
    ctx: &Ctx<'_>,
    item: &ChoicePlan,
    options: &[String],
    known: &std::cell::RefCell<crate::HashMap<String, bool>>,
) -> Option<super::Cue> {
    let ValueType::Translation(lang, _) = &item.ty else {
        return None;
    };
    if text::script(&item.answer) == text::script(&item.stem) {
        return None;
    }
    let prompt = text::content_words(&item.stem);
    let reads = |o: &String| {
        ctx.pools.translated_from(lang, o).is_some_and(|english| {
            let own = text::content_words(english);
            // Read whole, or by one word that sounds like a word of its own English
            // the question does not have («реализм»: realism, not in "capacity
            // building").
            text::echo_share(o, &own) >= 0.6
                || text::content_words(o).iter().any(|w| {
                    own.iter().any(|e| {
                        text::echoes(w, e) && !prompt.iter().any(|p| text::same_word(p, e))
                    })
                })
        })
    };
    let read: Vec<&String> = options
        .iter()
        .filter(|o| {
            if let Some(&read) = known.borrow().get(*o) {
                return read;
            }
            let read = reads(o);
            known.borrow_mut().insert((*o).clone(), read);
            read
        })
        .collect();
    let list = || {
        read.iter()
            .map(|o| format!("«{o}»"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if options.len() - read.len() < 2 {
        return Some(super::Cue {
            why: format!(
                "a student reads {} of the wrong options as other English words of the course ({}), which leaves the answer too few rivals",
                read.len(),
                list()
            ),
            other_options_may_help: true,
        });
    }
    // Among the options left, the answer alone sounds like a word of the question.
    let left: Vec<&String> = options.iter().filter(|o| !read.contains(o)).collect();
    let echoed = text::content_words(&item.answer).into_iter().find_map(|w| {
        let p = prompt.iter().find(|p| text::echoes(&w, p))?;
        let others = left
            .iter()
            .any(|o| text::content_words(o).iter().any(|ow| text::echoes(ow, p)));
        (!others).then(|| format!("`{w}` like `{p}`"))
    });
    echoed.filter(|_| !read.is_empty()).map(|echo| super::Cue {
        why: format!(
            "once a student rules out the wrong options read as other English words ({}), the answer is the only one left that sounds like a word of the question ({echo})",
            list()
        ),
        other_options_may_help: true,
    })
}

/// The multiple-choice questions an entry could give, each refused (with why) if its prompt
/// gives the answer away.
fn items(ctx: &Ctx<'_>, entry: &Entry) -> Vec<ChoicePlan> {
    let mut items = match &entry.kind {
        EntryKind::Question(q) => vec![question_plan(ctx, entry, q)],
        EntryKind::Term(t) => term_plans(ctx, entry, t),
        EntryKind::Organization(o) => organization_plans(ctx, entry, o),
        EntryKind::Person(person) => vec![person_plan(ctx, entry, person)],
        EntryKind::Fact(_) => ctx
            .sites_of(entry)
            .iter()
            .filter_map(|site| blank_item(ctx, entry, site))
            .collect(),
        EntryKind::Event(_) | EntryKind::Quote(_) => Vec::new(),
    };
    for item in &mut items {
        if item.refused.is_none() {
            item.refused = gives_away(ctx, item);
        }
    }
    items
}

/// A question of the teacher's own, with its wrong options.
fn question_plan(ctx: &Ctx<'_>, entry: &Entry, q: &Question) -> ChoicePlan {
    let mut item = ChoicePlan::new(
        "answer",
        q.prompt.clone(),
        &q.answer,
        ctx.pools.classify(&q.answer),
        explain::question(ctx, entry, q),
    );
    item.given = q.distractors.clone();
    item.also_right = q.accept.clone();
    // A hand-written answer is a free phrase unless the course knows it.
    if q.answer.split_whitespace().count() > 4 {
        item.ty = ValueType::Phrase;
    }
    item
}

/// A term's expansion (if it has one), the term for its meaning, and each translation.
fn term_plans(ctx: &Ctx<'_>, entry: &Entry, t: &Term) -> Vec<ChoicePlan> {
    let p = ctx.phrases;
    let mut items = Vec::new();
    if let Some(expansion) = &t.expansion {
        let mut item = ChoicePlan::new(
            "expansion",
            p.get("q.expansion", &[("term", &t.term)]),
            expansion,
            ValueType::Expansion,
            explain::term(ctx, entry, t, explain::Side::Expansion),
        );
        item.spelled = Some(t.term.clone());
        item.stem = t.term.clone();
        items.push(item);
    }
    let prompt = p.get(
        "q.term-for-meaning",
        &[("meaning", &text::sentence(&t.meaning))],
    );
    let mut item = ChoicePlan::new(
        "term",
        prompt,
        &t.term,
        ctx.pools.classify(&t.term),
        explain::term(ctx, entry, t, explain::Side::Term),
    );
    item.also_right = t.aliases.clone();
    item.also_right
        .extend(ctx.pools.sharing("meaning", &t.meaning));
    item.stem = t.meaning.clone();
    items.push(item);
    // An acronym is shown with its expansion: the question asks for the translation only.
    let shown = crate::cards::term_shown(t);
    for translation in &t.translations {
        let language = p.get(&format!("lang.{}", translation.lang), &[]);
        let mut item = ChoicePlan::new(
            &format!("translation-{}", translation.lang),
            p.get(
                "q.translation",
                &[("term", &shown), ("language", &language)],
            ),
            &translation.text,
            ValueType::Translation(translation.lang.clone(), Named::Term),
            explain::term(ctx, entry, t, explain::Side::Translation(translation)),
        );
        item.lang = Some(translation.lang.clone());
        item.stem = shown.clone();
        items.push(item);
    }
    items
}

/// An organization's full name for its acronym (if it has one), and the organization for
/// its description.
fn organization_plans(ctx: &Ctx<'_>, entry: &Entry, o: &Organization) -> Vec<ChoicePlan> {
    let p = ctx.phrases;
    let mut items = Vec::new();
    if let Some(acronym) = &o.acronym {
        let mut item = ChoicePlan::new(
            "name",
            p.get("q.org-full-name", &[("acronym", acronym)]),
            &o.name,
            ValueType::Organization,
            explain::entry_about(ctx, entry),
        );
        item.also_right = o.aliases.clone();
        item.spelled = Some(acronym.clone());
        item.stem = acronym.clone();
        items.push(item);
    }
    let prompt = p.get(
        "q.org-for-description",
        &[("description", &text::sentence(&o.description))],
    );
    // Among the bodies of its class, if the course puts it in one (international bodies
    // for an international one).
    let ty = match ctx.pools.classify(&o.name) {
        class @ ValueType::Class(_) => class,
        _ => ValueType::Organization,
    };
    let mut item = ChoicePlan::new(
        "description",
        prompt,
        &o.name,
        ty,
        explain::entry_about(ctx, entry),
    );
    item.also_right = o.aliases.clone();
    item.also_right
        .extend(ctx.pools.sharing("description", &o.description));
    item.stem = o.description.clone();
    items.push(item);
    items
}

/// A person's position.
fn person_plan(ctx: &Ctx<'_>, entry: &Entry, person: &Person) -> ChoicePlan {
    let mut item = ChoicePlan::new(
        "role",
        ctx.phrases.get("q.role-of", &[("name", &person.name)]),
        &person.role,
        ValueType::Role,
        explain::entry_about(ctx, entry),
    );
    item.also_right = ctx.pools.roles_of(&person.name);
    item.stem = person.name.clone();
    if let ValueType::Class(class) = ctx.pools.classify(&person.name) {
        item.peers = Some(class);
    }
    item
}

/// Why `item` cannot be asked, if its prompt names its own answer, or holds the words of
/// the acronym it asks for, or spells it out: such a question asks nothing.
fn gives_away(ctx: &Ctx<'_>, item: &ChoicePlan) -> Option<(DropKind, String)> {
    let named = item.answer.chars().count() >= 3
        && super::reveals(&super::padded(&item.prompt), &super::padded(&item.answer));
    if named {
        return Some((
            DropKind::GivesAway,
            "the question names its own answer".into(),
        ));
    }
    if let Some(expansion) = ctx
        .pools
        .expansion_of(&item.answer)
        .filter(|e| crate::facts::holds_words_of(&item.prompt, e))
    {
        return Some((
            DropKind::GivesAway,
            format!(
                "the question holds the words of {} ({expansion})",
                item.answer
            ),
        ));
    }
    crate::facts::spelled_in(&item.prompt, &item.answer).map(|phrase| {
        (
            DropKind::GivesAway,
            format!("the question spells out {} (\"{phrase}\")", item.answer),
        )
    })
}

/// Warns of the teacher's wrong options that do not read after the "the" before a blank:
/// places written without it ("the ____" with Germany, France).
fn the_misfits(ctx: &mut Ctx<'_>, entry: &Entry, before: &str, answer: &str, given: &[String]) {
    if !text::ends_with_the(before) {
        return;
    }
    let misfits: Vec<&str> = given
        .iter()
        .filter(|d| crate::values::places::find_place(d).is_some_and(|p| !p.takes_the()))
        .map(String::as_str)
        .collect();
    if !misfits.is_empty() {
        ctx.warn(
            entry,
            format!(
                "wrong option{} `{}` for \"{answer}\" do{} not read after \"the\" (\"the {}\")",
                if misfits.len() == 1 { "" } else { "s" },
                misfits.join("`, `"),
                if misfits.len() == 1 { "es" } else { "" },
                misfits[0]
            ),
            "give wrong options that take \"the\" as the answer does (the United Kingdom, the Netherlands), or reword the sentence",
        );
    }
}

/// The item of a fact's blank, unless the blank cannot be asked with options at all.
fn blank_item(ctx: &Ctx<'_>, entry: &Entry, site: &BlankSite) -> Option<ChoicePlan> {
    let prompt = ctx.phrases.get("q.complete", &[("text", &site.text)]);
    let mut item = ChoicePlan::new(
        &site.part,
        prompt,
        &site.blank.answer,
        site.ty.clone(),
        explain::fact(ctx, entry, site),
    );
    item.given = site.blank.distractors.clone();
    item.also_right = site.also_right.clone();
    item.before = Some(site.before.clone());
    item.stem = site.text.clone();
    item.refused = site.no_options();
    Some(item)
}

/// The multiple-choice item on when an event happened: the date at its own precision, with
/// wrong dates at the same precision.
fn event_candidate(ctx: &mut Ctx<'_>, entry: &Entry, event: &Event) -> Option<Candidate> {
    let key = [
        ctx.deck.id.as_str(),
        entry.id.as_str(),
        "multiple-choice",
        "date",
    ];
    let id = format!("{}:multiple-choice:date", entry.id);
    let distractors =
        ctx.pools
            .date_distractors(&event.date, ctx.phrases, ctx.distractors, ctx.seed, &key);
    // Another event of the course with the same text at another date would make two
    // options right.
    if distractors.len() < ctx.distractors {
        ctx.drop(
            entry,
            id,
            DropKind::TooFew,
            "not enough dates of its precision could be made".into(),
            None,
        );
        return None;
    }
    let answer = ctx.phrases.date(&event.date);
    let prompt = crate::kinds::date_prompt(ctx, event);
    if super::reveals(
        &super::padded(&event.text),
        &super::padded(&event.date.year.to_string()),
    ) {
        ctx.drop(
            entry,
            id,
            DropKind::GivesAway,
            "the event's own text names its year".into(),
            Some("take the date out of the event's text: the card and the question ask for it"),
        );
        return None;
    }
    let mut options = vec![answer.clone()];
    options.extend(distractors);
    let shows: Vec<&str> = vec![prompt.as_str()];
    let body = Body::MultipleChoice(natural_order(
        ctx.pools.months(),
        Choice {
            prompt: prompt.clone(),
            options: options.clone(),
            answer: 0,
            lang: None,
            ordered: false,
        },
    ));
    let explanation = explain::event(ctx, entry, event);
    // An event that lasted is written with its span elsewhere ("21–27 December 1968" in a
    // neighbour's explanation), which gives its first day away as surely.
    let span = ctx.phrases.date_range(&event.date, event.end.as_ref());
    let mut asks = vec![answer.as_str()];
    if span != answer {
        asks.push(&span);
    }
    Some(
        ctx.candidate(entry, id, body, explanation, &shows, &asks)
            .offering(&options[1..]),
    )
}

/// The choice with its options in their natural order when every option is a year, a date,
/// a month or a number (earliest or smallest first), as an exam sets them; unchanged
/// otherwise.
fn natural_order(months: &Months, mut choice: Choice) -> Choice {
    let keys: Option<Vec<(i64, i64, i64)>> = choice
        .options
        .iter()
        .map(|o| order_key(months, o))
        .collect();
    let Some(keys) = keys else { return choice };
    let answer = choice.options[choice.answer].clone();
    let mut paired: Vec<((i64, i64, i64), String)> = keys.into_iter().zip(choice.options).collect();
    paired.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    choice.options = paired.into_iter().map(|(_, o)| o).collect();
    choice.answer = choice
        .options
        .iter()
        .position(|o| *o == answer)
        .unwrap_or(0);
    choice.ordered = true;
    choice
}

/// Where a year, a date, a month or a number falls in time or in size: (year or value,
/// month, day).
fn order_key(months: &Months, option: &str) -> Option<(i64, i64, i64)> {
    use crate::values::numbers;
    let words: Vec<&str> = option
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .iter()
        .filter(|w| w.len() == 4)
        .find_map(|w| w.parse::<i64>().ok().filter(|y| (1000..3000).contains(y)));
    // Looking up month names is the costly part: done only where the key uses it (with a
    // year, or for a single word), not for every word of a phrase that is no date.
    let month = || words.iter().find_map(|w| months.month_in_date(w));
    let day = || {
        words
            .iter()
            .filter(|w| w.len() <= 2)
            .find_map(|w| w.parse::<i64>().ok().filter(|d| (1..=31).contains(d)))
    };
    let single = if year.is_none() && words.len() == 1 {
        month()
    } else {
        None
    };
    match (year, single) {
        (Some(y), _) => Some((y, month().map_or(0, i64::from), day().unwrap_or(0))),
        (None, Some(m)) => Some((0, i64::from(m), 0)),
        (None, None) => numbers::value(option)
            .filter(|_| words.len() <= 4)
            .map(|v| (v as i64, 0, 0))
            .or_else(|| numbers::ordinal_value(option).map(|v| (i64::from(v), 0, 0)))
            .or_else(|| numbers::roman_value(option.trim()).map(|v| (i64::from(v), 0, 0))),
    }
}
