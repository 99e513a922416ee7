//! What type an answer is, and wrong answers of the same type.
//!
//! Every answer gets a [`ValueType`]: a year, a month, a date, a number (or a number that is
//! only a bound, like "more than 300"), a person, an organization, a place, a term, an
//! acronym, the title of a document, a language, a class of the course's own, or a free
//! phrase. Wrong options ("distractors") are drawn only from values of the same type: names
//! from the course, places and languages from built-in tables, near numbers and dates written
//! like the answer, the values of a class. A free phrase or a bound gets none: no value of
//! the course can be trusted to be a plausible, certainly wrong stand-in for it, so such a
//! blank is asked as a typed answer, or with the wrong options its fact gives.
//!
//! Options must read alike too ([`text`]): the same script, an article that fits the
//! sentence, no word taken from the question, a similar length. Among the values that pass,
//! those of similar length and form are preferred; ties are broken by a seeded rank, so
//! choices are reproducible and stable when unrelated entries change.

pub mod dates;
pub mod numbers;
pub mod places;
pub mod text;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use decksmith_model::names::{comparable, normalize_answer};
use decksmith_model::{Course, EntryKind, PartialDate};

use crate::kinds::{padded, reveals};
use crate::phrases::Phrasebook;
use crate::rng;
use crate::{HashMap, HashSet};
use dates::Months;
use places::PlaceKind;
use text::Article;

/// The type of an answer, which decides where its wrong options come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// A four-digit year (`2021`).
    Year,
    /// A month named alone (`December`).
    Month,
    /// A date written out (`November 2021`, `June 16, 2021`).
    Date,
    /// A number, maybe with words around it (`107`, `three years`).
    Number,
    /// A number or a date that is only a bound (`more than 300`, `over 40`, `since 1998`):
    /// a smaller bound would be true as well, so no wrong option can be made.
    Bounded,
    /// An ordinal (`76th`, `eighteenth`).
    Ordinal,
    /// A roman numeral (`XVIII`).
    Roman,
    /// A person's name.
    Person,
    /// An organization's full name.
    Organization,
    /// An acronym.
    Acronym,
    /// A term.
    Term,
    /// The title of a document (a convention, a compact, a resolution).
    Title,
    /// The full form of an acronym.
    Expansion,
    /// A person's position.
    Role,
    /// A place of a kind.
    Place(PlaceKind),
    /// The name of a language.
    Language,
    /// A text in another language (the language code), translating a name of this kind.
    Translation(String, Named),
    /// A value of one of the course's `classes:`.
    Class(String),
    /// Anything else: a free phrase.
    Phrase,
}

impl ValueType {
    /// The type in words, with its article, for the generation report ("a free phrase").
    pub fn describe(&self) -> String {
        let noun = self.noun();
        let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {noun}")
    }

    /// The type in words ("free phrase", "title of a document").
    pub fn noun(&self) -> String {
        match self {
            ValueType::Year => "year".into(),
            ValueType::Month => "month".into(),
            ValueType::Date => "date".into(),
            ValueType::Number => "number".into(),
            ValueType::Bounded => "bound (such as \"more than 300\")".into(),
            ValueType::Ordinal => "ordinal".into(),
            ValueType::Roman => "roman numeral".into(),
            ValueType::Person => "person".into(),
            ValueType::Organization => "organization".into(),
            ValueType::Acronym => "acronym".into(),
            ValueType::Term => "term".into(),
            ValueType::Title => "title of a document".into(),
            ValueType::Expansion => "full name of an acronym".into(),
            ValueType::Role => "position".into(),
            ValueType::Place(PlaceKind::Country) => "country".into(),
            ValueType::Place(PlaceKind::City) => "city".into(),
            ValueType::Place(PlaceKind::Region) => "region".into(),
            ValueType::Place(PlaceKind::Continent) => "continent".into(),
            ValueType::Language => "language".into(),
            ValueType::Translation(lang, _) => format!("name in `{lang}`"),
            ValueType::Class(name) => format!("value of class `{name}`"),
            ValueType::Phrase => "free phrase".into(),
        }
    }

    /// Whether wrong options of this type can be found or made at all.
    pub fn has_distractors(&self) -> bool {
        !matches!(self, ValueType::Phrase | ValueType::Bounded)
    }

    /// Whether a false statement may swap a value of this type: a value whose every other
    /// value of the type makes the statement false.
    pub fn can_be_swapped(&self) -> bool {
        self.has_distractors() && !matches!(self, ValueType::Role)
    }

    fn is_time(&self) -> bool {
        matches!(self, ValueType::Year | ValueType::Date | ValueType::Month)
    }
}

/// What sort of thing a translation translates: it is offered only among translations of its
/// sort (see [`Pools::translation_sort`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Sort {
    /// A person's or an organization's name outside the course's classes.
    #[default]
    Any,
    /// A value of this class of the course.
    Class(String),
    /// A document's title.
    Title,
    /// A body's acronym.
    Body,
    /// A proper name that is neither ("Summit of the Future").
    Proper,
    /// A common term, an acronym of a thing included.
    Term,
    /// A doctrine or a theory (`defensive realism`).
    Doctrine,
}

/// What a translated name names, so that a Russian term is offered among Russian terms and
/// not among Russian names of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Named {
    /// A term.
    Term,
    /// An organization.
    Organization,
    /// A person.
    Person,
}

/// How a value looks, for preferring options alike: computed once per pool value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    chars: u32,
    words: u32,
    caps: bool,
    acronym: bool,
}

impl Shape {
    fn of(text: &str) -> Shape {
        Shape {
            chars: text.chars().count() as u32,
            words: text.split_whitespace().count() as u32,
            caps: text.chars().next().is_some_and(char::is_uppercase),
            acronym: is_acronym(text),
        }
    }
}

/// A pool value, normalized and measured once.
#[derive(Clone, Debug)]
struct PoolValue {
    text: String,
    norm: String,
    shape: Shape,
    /// The text padded for whole-word search, compared loosely, and its content words: what
    /// choosing wrong options checks of every value, worked out once.
    padded: String,
    key: String,
    words: Vec<String>,
    /// What the course says of it, found on first use (see [`Pools::kin`]).
    kin: OnceLock<Kin>,
}

impl PoolValue {
    fn new(text: &str) -> PoolValue {
        PoolValue {
            text: text.to_owned(),
            norm: normalize_answer(text),
            shape: Shape::of(text),
            padded: padded(text),
            key: comparable(text),
            words: text::content_words(text),
            kin: OnceLock::new(),
        }
    }
}

/// What choosing wrong options asks of a value beyond its text: whether it is a value of
/// one of the course's classes, and its other names (aliases, acronym) padded for
/// whole-word search.
#[derive(Clone, Debug, Default)]
struct Kin {
    in_a_class: bool,
    other_names: Vec<String>,
}

/// A name with every way of writing it.
#[derive(Clone, Debug)]
struct Spelled {
    main: PoolValue,
    /// The name and its aliases, as written.
    spellings: Vec<String>,
    /// The same, normalized for comparison.
    all: Vec<String>,
    /// For the names of organizations and full forms: whether it names a body, and its
    /// sort, which every question about one compares (worked out once, not per question).
    sort: Option<(bool, OrgSort)>,
}

impl Spelled {
    fn new(main: &str, aliases: &[String]) -> Spelled {
        let spellings: Vec<String> = std::iter::once(main.to_owned())
            .chain(aliases.iter().cloned())
            .collect();
        Spelled {
            main: PoolValue::new(main),
            all: spellings.iter().map(|s| normalize_answer(s)).collect(),
            spellings,
            sort: None,
        }
    }

    /// A name of an organization or a full form, with what it names worked out.
    fn sorted(main: &str, aliases: &[String]) -> Spelled {
        Spelled {
            sort: Some((names_a_body(main), OrgSort::of(main))),
            ..Spelled::new(main, aliases)
        }
    }

    /// Whether it names a body, and its sort.
    fn sort(&self) -> (bool, OrgSort) {
        self.sort
            .unwrap_or_else(|| (names_a_body(&self.main.text), OrgSort::of(&self.main.text)))
    }
}

const PERSON: u8 = 1;
const ACRONYM: u8 = 2;
const ORGANIZATION: u8 = 4;
const TERM: u8 = 8;
const EXPANSION: u8 = 16;
const TITLE: u8 = 32;
/// An acronym of a body (see `Pools::body_acronyms`).
const BODY_ACRONYM: u8 = 64;

/// Words that make a term the title of a document.
const DOCUMENT_WORDS: &[&str] = &[
    "convention",
    "compact",
    "treaty",
    "agreement",
    "accord",
    "resolution",
    "declaration",
    "charter",
    "protocol",
    "pact",
    "covenant",
    "strategy",
    "act",
    "конвенция",
    "договор",
    "соглашение",
    "резолюция",
    "декларация",
    "хартия",
    "протокол",
    "пакт",
    "стратегия",
];

/// What sort of thing an organization entry names, by its name: an agreement, a
/// publication, a directory, or (most often) a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrgSort {
    Agreement,
    Publication,
    Directory,
    Body,
}

impl OrgSort {
    fn of(name: &str) -> OrgSort {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        if has(&[
            "accord",
            "agreement",
            "compact",
            "treaty",
            "pact",
            "convention",
            "charter",
        ]) {
            OrgSort::Agreement
        } else if has(&["journal", "magazine", "review", "bulletin", "newspaper"]) {
            OrgSort::Publication
        } else if has(&["directory", "register", "registry", "database", "list"]) {
            OrgSort::Directory
        } else {
            OrgSort::Body
        }
    }
}

/// Whether a full name names a body: an organization, a council, a committee…
pub(crate) fn names_a_body(name: &str) -> bool {
    const BODIES: &[&str] = &[
        "organization",
        "organisation",
        "council",
        "committee",
        "assembly",
        "union",
        "nations",
        "commonwealth",
        "institute",
        "association",
        "agency",
        "forum",
        "group",
        "consortium",
        "ministry",
        "court",
        "bank",
        "fund",
        "alliance",
        "community",
        "league",
        "commission",
        "parliament",
        "secretariat",
        "office",
        "department",
        "teams",
        "cooperation",
    ];
    // "autonomous non-profit organization" is a kind of body, not one: only names with
    // capitals count.
    name.chars().next().is_some_and(char::is_uppercase)
        && name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BODIES.contains(&w.to_lowercase().as_str()))
}

fn is_title(term: &str) -> bool {
    let words: Vec<String> = term
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    // A document's title is capitalized ("Global Digital Compact"), a common noun is not.
    term.chars().next().is_some_and(char::is_uppercase)
        && words.iter().any(|w| DOCUMENT_WORDS.contains(&w.as_str()))
}

/// Every value of the course by type, and what makes two answers the same.
#[derive(Debug)]
pub struct Pools<'c> {
    course: Option<&'c Course>,
    people: Vec<Spelled>,
    organizations: Vec<Spelled>,
    acronyms: Vec<Spelled>,
    /// Acronyms of bodies (organizations, councils, committees), kept apart from those of
    /// other things (`ICTs`, `PPP`): each is offered only among its own.
    body_acronyms: Vec<Spelled>,
    terms: Vec<Spelled>,
    titles: Vec<Spelled>,
    expansions: Vec<Spelled>,
    roles: Vec<PoolValue>,
    years: Vec<u16>,
    dates: Vec<PartialDate>,
    date_texts: Vec<PoolValue>,
    translations: BTreeMap<(String, Named, Sort), Vec<PoolValue>>,
    /// (language, normalized translation) → the sort of what it translates (see
    /// [`Pools::translation_sort`]): a translation is offered only among its sort's.
    translation_sorts: HashMap<(String, String), Sort>,
    /// (language, normalized translation) → the words it translates (a term with its full
    /// form, a name), for telling which wrong options a student can read as their own.
    translated_from: HashMap<(String, String), String>,
    /// What a translation into any language translates, by the translation normalized:
    /// an option and its translation stand for one entry.
    translated_any: HashMap<String, String>,
    classes: BTreeMap<String, Vec<PoolValue>>,
    /// Normalized value → the classes that list it.
    class_of: HashMap<String, Vec<String>>,
    /// Every normalized name, with the lists that hold it (flags above): classifying an
    /// answer is one lookup, not a scan of the course.
    kinds: HashMap<String, u8>,
    /// Every normalized name of a person, organization or term, with all its spellings.
    spellings: HashMap<String, Vec<String>>,
    /// Normalized values already in the value lists, by list, to keep them free of repeats.
    seen: HashSet<(u8, String)>,
    /// Normalized acronym → its full form.
    expansion_of: HashMap<String, String>,
    /// Comparable full form (see [`comparable`]) → its acronym as written.
    acronym_of: HashMap<String, String>,
    /// (what, comparable text) → the names of the entries with that text: terms by meaning,
    /// organizations by description, people by role.
    shared: HashMap<(&'static str, String), Vec<String>>,
    /// Normalized name of a person, organization or term → the id of its entry.
    named: HashMap<String, String>,
    /// Every event of the course by date, for the events around one.
    events: Vec<(PartialDate, String)>,
    /// The places the course's text names (indexes into [`places::PLACES`]), found when
    /// first needed.
    mentioned: OnceLock<HashSet<usize>>,
    /// The stems of the words the course capitalizes as names, found when first needed (see
    /// [`Pools::continuing`]).
    capitalized: OnceLock<HashSet<String>>,
    /// The month names values are read and written in.
    months: Months,
}

impl Default for Pools<'_> {
    fn default() -> Self {
        Pools {
            course: None,
            people: Vec::new(),
            organizations: Vec::new(),
            acronyms: Vec::new(),
            body_acronyms: Vec::new(),
            terms: Vec::new(),
            titles: Vec::new(),
            expansions: Vec::new(),
            roles: Vec::new(),
            years: Vec::new(),
            dates: Vec::new(),
            date_texts: Vec::new(),
            translations: BTreeMap::new(),
            translation_sorts: HashMap::default(),
            translated_from: HashMap::default(),
            translated_any: HashMap::default(),
            classes: BTreeMap::new(),
            class_of: HashMap::default(),
            kinds: HashMap::default(),
            spellings: HashMap::default(),
            seen: HashSet::default(),
            expansion_of: HashMap::default(),
            acronym_of: HashMap::default(),
            shared: HashMap::default(),
            named: HashMap::default(),
            events: Vec::new(),
            mentioned: OnceLock::new(),
            capitalized: OnceLock::new(),
            months: Months::default(),
        }
    }
}

/// Adds `value` to a value list unless the list has it already (`list` names the list).
fn push_unique(
    seen: &mut HashSet<(u8, String)>,
    list: u8,
    items: &mut Vec<PoolValue>,
    value: &str,
) {
    let item = PoolValue::new(value);
    if seen.insert((list, item.norm.clone())) {
        items.push(item);
    }
}

/// The part of a word that stays the same as it is inflected, to match a name's forms
/// (`Россия`, `России`, `Россией` → `росси`): its first five letters, lowercase.
fn name_stem(word: &str) -> String {
    word.chars().take(5).flat_map(char::to_lowercase).collect()
}

impl<'c> Pools<'c> {
    /// The pools of a course.
    pub fn new(course: &'c Course) -> Pools<'c> {
        let mut pools = Pools {
            course: Some(course),
            months: Months::of_course(course),
            ..Pools::default()
        };
        pools.add_classes(course);
        for (_, entry) in course.entries() {
            pools.add_entry(entry);
        }
        pools.index_names();
        pools.add_written_answers(course);
        pools.years.sort_unstable();
        pools.years.dedup();
        pools
            .events
            .sort_by(|a, b| a.0.sort_key().cmp(&b.0.sort_key()).then(a.1.cmp(&b.1)));
        pools
    }

    /// The course's classes, and for each value the classes that list it.
    fn add_classes(&mut self, course: &Course) {
        for (name, values) in &course.classes {
            let list: Vec<PoolValue> = values.iter().map(|v| PoolValue::new(v)).collect();
            for value in &list {
                self.class_of
                    .entry(value.norm.clone())
                    .or_default()
                    .push(name.clone());
            }
            self.classes.insert(name.clone(), list);
        }
    }

    /// An entry's names, roles, dates and translations, each in its list.
    fn add_entry(&mut self, entry: &decksmith_model::Entry) {
        self.note_entry(entry);
        match &entry.kind {
            EntryKind::Person(p) => {
                self.people.push(Spelled::new(&p.name, &p.aliases));
                push_unique(&mut self.seen, 1, &mut self.roles, &p.role);
                self.add_translations(Named::Person, Sort::Any, &p.name, &p.translations);
            }
            EntryKind::Organization(o) => {
                self.organizations
                    .push(Spelled::sorted(&o.name, &o.aliases));
                self.expansions.push(Spelled::sorted(&o.name, &o.aliases));
                if let Some(acronym) = &o.acronym {
                    self.body_acronyms.push(Spelled::new(acronym, &[]));
                }
                let sort = self.class_sort(&o.name).unwrap_or_default();
                self.add_translations(Named::Organization, sort, &o.name, &o.translations);
            }
            EntryKind::Term(t) => self.add_term(t),
            EntryKind::Event(e) => {
                self.events.push((e.date, entry.id.clone()));
                self.dates.push(e.date);
                self.years.push(e.date.year);
                if let Some(end) = e.end {
                    self.dates.push(end);
                    self.years.push(end.year);
                }
            }
            EntryKind::Quote(q) => {
                if let Some(date) = q.date {
                    self.years.push(date.year);
                }
            }
            EntryKind::Fact(_) | EntryKind::Question(_) => {}
        }
    }

    /// A term: among acronyms (of bodies or of other things), titles or terms; its full form
    /// among expansions; its translations.
    fn add_term(&mut self, t: &decksmith_model::Term) {
        if is_acronym(&t.term) {
            let body = t.expansion.as_deref().is_some_and(names_a_body);
            let list = if body {
                &mut self.body_acronyms
            } else {
                &mut self.acronyms
            };
            // Sorted by what its full form names: a treaty's among treaties'.
            let full = t.expansion.as_deref().unwrap_or_default();
            list.push(Spelled {
                sort: Some((body, OrgSort::of(full))),
                ..Spelled::new(&t.term, &t.aliases)
            });
        } else if is_title(&t.term) {
            self.titles.push(Spelled::new(&t.term, &t.aliases));
        } else {
            self.terms.push(Spelled::new(&t.term, &t.aliases));
        }
        if let Some(expansion) = &t.expansion {
            self.expansions.push(Spelled::sorted(expansion, &[]));
        }
        let sort = self.translation_sort(t);
        let words = match &t.expansion {
            Some(expansion) => format!("{} {expansion}", t.term),
            None => t.term.clone(),
        };
        self.add_translations(Named::Term, sort, &words, &t.translations);
    }

    /// Written dates and years in the answers of facts and questions, pooled by form.
    fn add_written_answers(&mut self, course: &Course) {
        for (_, entry) in course.entries() {
            let answers: Vec<&str> = match &entry.kind {
                EntryKind::Fact(f) => f.cloze.blanks().map(|b| b.answer.as_str()).collect(),
                EntryKind::Question(q) => std::iter::once(q.answer.as_str())
                    .chain(q.distractors.iter().map(String::as_str))
                    .collect(),
                _ => Vec::new(),
            };
            for answer in answers {
                match classify_shape(&self.months, answer) {
                    ValueType::Date => {
                        push_unique(&mut self.seen, 3, &mut self.date_texts, answer);
                    }
                    ValueType::Year => self.years.extend(answer.trim().parse::<u16>()),
                    _ => {}
                }
            }
        }
    }

    /// The month names values are read and written in.
    pub fn months(&self) -> &Months {
        &self.months
    }

    /// The ids of the events of the course just before and just after the event `id` on
    /// `date`, of those whose order against it is certain.
    pub fn neighbours(&self, id: &str, date: &PartialDate) -> (Option<&str>, Option<&str>) {
        let at = self
            .events
            .partition_point(|(d, _)| d.sort_key() < date.sort_key());
        let certain = |other: &PartialDate, order| date.certain_order(other) == Some(order);
        let before = self.events[..at]
            .iter()
            .rev()
            .find(|(d, other)| other != id && certain(d, std::cmp::Ordering::Greater))
            .map(|(_, other)| other.as_str());
        let after = self.events[at..]
            .iter()
            .find(|(d, other)| other != id && certain(d, std::cmp::Ordering::Less))
            .map(|(_, other)| other.as_str());
        (before, after)
    }

    /// Indexes what makes answers about `entry` the same as answers about others.
    fn note_entry(&mut self, entry: &decksmith_model::Entry) {
        let mut share = |what: &'static str, text: &str, name: &str| {
            let names = self.shared.entry((what, comparable(text))).or_default();
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        };
        let (names, acronym): (Vec<&str>, Option<(&str, &str)>) = match &entry.kind {
            EntryKind::Person(p) => {
                share("role", &p.role, &p.name);
                share("role-of", &p.name, &p.role);
                (
                    std::iter::once(p.name.as_str())
                        .chain(p.aliases.iter().map(String::as_str))
                        .collect(),
                    None,
                )
            }
            EntryKind::Term(t) => {
                share("meaning", &t.meaning, &t.term);
                (
                    std::iter::once(t.term.as_str())
                        .chain(t.aliases.iter().map(String::as_str))
                        .chain(t.expansion.as_deref())
                        .collect(),
                    t.expansion.as_deref().map(|e| (t.term.as_str(), e)),
                )
            }
            EntryKind::Organization(o) => {
                share("description", &o.description, &o.name);
                (
                    std::iter::once(o.name.as_str())
                        .chain(o.aliases.iter().map(String::as_str))
                        .chain(o.acronym.as_deref())
                        .collect(),
                    o.acronym.as_deref().map(|a| (a, o.name.as_str())),
                )
            }
            EntryKind::Quote(q) => {
                share("quote", &q.text, &q.by);
                (Vec::new(), None)
            }
            _ => (Vec::new(), None),
        };
        for name in names {
            self.named
                .entry(normalize_answer(name))
                .or_insert_with(|| entry.id.clone());
        }
        if let Some((acronym, expansion)) = acronym {
            self.expansion_of
                .entry(normalize_answer(acronym))
                .or_insert_with(|| expansion.to_owned());
            self.acronym_of
                .entry(comparable(expansion))
                .or_insert_with(|| acronym.to_owned());
        }
    }

    /// `text` with a name inside it written as the acronym the course gives it, as people
    /// write it (`United Nations General Assembly` → `UN General Assembly`): each such form.
    /// The whole text is never replaced: its acronym is another answer.
    pub fn shortened(&self, text: &str) -> Vec<String> {
        let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        let mut out = Vec::new();
        for start in 0..words.len() {
            for end in (start + 2..=words.len()).rev() {
                if end - start == words.len() {
                    continue;
                }
                if let Some(acronym) = self
                    .acronym_of
                    .get(&comparable(&words[start..end].join(" ")))
                {
                    let short: Vec<&str> = words[..start]
                        .iter()
                        .copied()
                        .chain(std::iter::once(acronym.as_str()))
                        .chain(words[end..].iter().copied())
                        .collect();
                    out.push(short.join(" "));
                    break;
                }
            }
        }
        out
    }

    /// The full form of an acronym the course defines.
    pub fn expansion_of(&self, acronym: &str) -> Option<&str> {
        self.expansion_of
            .get(&normalize_answer(acronym))
            .map(String::as_str)
    }

    /// The names of the entries whose `what` (`meaning`, `description`, `role`) is `text`,
    /// compared loosely; for `role-of`, the roles of the people named `text`.
    pub fn sharing(&self, what: &'static str, text: &str) -> Vec<String> {
        self.shared
            .get(&(what, comparable(text)))
            .cloned()
            .unwrap_or_default()
    }

    /// Every role the course gives the person named `name`.
    pub fn roles_of(&self, name: &str) -> Vec<String> {
        self.sharing("role-of", name)
    }

    /// The id of the entry of the person, organization or term named `name`.
    pub fn entry_named(&self, name: &str) -> Option<&str> {
        self.named.get(&normalize_answer(name)).map(String::as_str)
    }

    /// The entry an option stands for: the one it names, or the one whose name it
    /// translates («спутник» and "satellite" are one option in two languages).
    pub fn entry_of_option(&self, text: &str) -> Option<&str> {
        let norm = normalize_answer(text);
        (self.named.get(&norm).map(String::as_str)).or_else(|| {
            self.translated_any
                .get(&norm)
                .and_then(|from| self.entry_named(from))
        })
    }

    /// The words the translation `text` into `lang` translates (a term with its full form, a
    /// name), if the course has it.
    pub fn translated_from(&self, lang: &str, text: &str) -> Option<&str> {
        self.translated_from
            .get(&(lang.to_owned(), normalize_answer(text)))
            .map(String::as_str)
    }

    /// What the translation `text` into `lang` is offered among, for the generation report:
    /// "translation into `ru` of a document's title".
    pub fn translation_noun(&self, lang: &str, text: &str) -> String {
        let sort = self
            .translation_sorts
            .get(&(lang.to_owned(), normalize_answer(text)));
        let of = match sort {
            Some(Sort::Title) => "a document's title".to_owned(),
            Some(Sort::Body) => "a body's name".to_owned(),
            Some(Sort::Term) => "a term".to_owned(),
            Some(Sort::Proper) => "a proper name".to_owned(),
            Some(Sort::Doctrine) => "a doctrine's name".to_owned(),
            Some(Sort::Class(class)) => format!("a value of class `{class}`"),
            Some(Sort::Any) | None => "a name".to_owned(),
        };
        format!("translation into `{lang}` of {of}")
    }

    /// The class `value` is in, when it is in exactly one of the course's classes.
    fn class_sort(&self, value: &str) -> Option<Sort> {
        (self.only_class(&normalize_answer(value))).map(|class| Sort::Class(class.to_owned()))
    }

    /// The class a value (normalized) is of, when it is in exactly one of the course's
    /// classes: a value listed in two is of neither, since its questions could not say which.
    fn only_class(&self, norm: &str) -> Option<&str> {
        match self.class_of.get(norm).map(Vec::as_slice) {
            Some([class]) => Some(class),
            _ => None,
        }
    }

    /// What sort of thing a term is, for offering its translations only among those of its
    /// sort: a translation of a document's title among titles, of a body's acronym among
    /// bodies, of a term of one of the course's classes among its class, of another proper
    /// name among proper names, of any other term (an acronym of a thing included) among
    /// other terms.
    fn translation_sort(&self, t: &decksmith_model::Term) -> Sort {
        if let Some(class) = self.class_sort(&t.term) {
            class
        } else if is_acronym(&t.term) && t.expansion.as_deref().is_some_and(names_a_body) {
            Sort::Body
        } else if is_title(&t.term) {
            Sort::Title
        } else if text::names_a_doctrine(&t.term) {
            Sort::Doctrine
        } else if t.term.starts_with(char::is_uppercase) && !is_acronym(&t.term) {
            // A proper name ("Summit of the Future") among proper names, not common terms.
            Sort::Proper
        } else {
            Sort::Term
        }
    }

    fn add_translations(
        &mut self,
        named: Named,
        sort: Sort,
        from: &str,
        translations: &[decksmith_model::Translation],
    ) {
        for t in translations {
            let list = 4 + named as u8;
            let item = PoolValue::new(&t.text);
            self.translated_from
                .entry((t.lang.clone(), item.norm.clone()))
                .or_insert_with(|| from.to_owned());
            self.translated_any
                .entry(item.norm.clone())
                .or_insert_with(|| from.to_owned());
            self.translation_sorts
                .entry((t.lang.clone(), item.norm.clone()))
                .or_insert_with(|| sort.clone());
            let items = self
                .translations
                .entry((t.lang.clone(), named, sort.clone()))
                .or_default();
            if self
                .seen
                .insert((list, format!("{}\u{0}{}", t.lang, item.norm)))
            {
                items.push(item);
            }
        }
    }

    /// Indexes every name once the lists are complete.
    fn index_names(&mut self) {
        let lists = [
            (&self.people, PERSON, true),
            (&self.acronyms, ACRONYM, true),
            (&self.body_acronyms, ACRONYM | BODY_ACRONYM, true),
            (&self.organizations, ORGANIZATION, true),
            (&self.terms, TERM, true),
            (&self.titles, TITLE, true),
            (&self.expansions, EXPANSION, false),
        ];
        for (list, flag, spelled) in lists {
            for named in list {
                for norm in &named.all {
                    *self.kinds.entry(norm.clone()).or_default() |= flag;
                    if spelled {
                        let known = self.spellings.entry(norm.clone()).or_default();
                        for spelling in &named.spellings {
                            if !known.contains(spelling) {
                                known.push(spelling.clone());
                            }
                        }
                    }
                }
            }
        }
    }

    /// The type of `value`, by what the course knows of it and by its form.
    pub fn classify(&self, value: &str) -> ValueType {
        let norm = normalize_answer(value);
        if let Some(class) = self.only_class(&norm) {
            return ValueType::Class(class.to_owned());
        }
        let flags = self.kinds.get(&norm).copied().unwrap_or(0);
        let has = |flag: u8| flags & flag != 0;
        if has(PERSON) {
            ValueType::Person
        } else if has(ACRONYM) && is_acronym(value) {
            ValueType::Acronym
        } else if has(ORGANIZATION) {
            ValueType::Organization
        } else if has(TITLE) {
            ValueType::Title
        } else if has(TERM) {
            ValueType::Term
        } else if has(EXPANSION) {
            ValueType::Expansion
        } else {
            classify_shape(&self.months, value)
        }
    }

    /// The type of a fact's blank: the teacher's `type:` if given, else by what the course
    /// knows and by its form; a number or a date after a bound word (`more than`, `since`)
    /// is a bound. `before` is the fact's text up to the blank.
    pub fn classify_blank(&self, answer: &str, hint: Option<&str>, before: &str) -> ValueType {
        let ty = match hint {
            Some(hint) => self.of_hint(answer, hint),
            None => self.classify(answer),
        };
        let numeric = matches!(
            ty,
            ValueType::Number | ValueType::Ordinal | ValueType::Roman
        );
        if (numeric && numbers::is_bounded(before, answer, false))
            || (ty.is_time() && numbers::is_bounded(before, answer, true))
        {
            ValueType::Bounded
        } else {
            ty
        }
    }

    fn of_hint(&self, answer: &str, hint: &str) -> ValueType {
        let place = |kind: Option<PlaceKind>| {
            places::find_places(answer)
                .find(|p| kind.is_none_or(|k| p.kind == k))
                .map_or_else(
                    || kind.map_or(ValueType::Phrase, ValueType::Place),
                    |p| ValueType::Place(p.kind),
                )
        };
        match hint {
            "year" => ValueType::Year,
            "month" => ValueType::Month,
            "date" => ValueType::Date,
            "number" => ValueType::Number,
            "ordinal" => {
                if numbers::roman_value(answer.trim()).is_some() {
                    ValueType::Roman
                } else {
                    ValueType::Ordinal
                }
            }
            "person" => ValueType::Person,
            "organization" => ValueType::Organization,
            "place" => place(None),
            "country" => place(Some(PlaceKind::Country)),
            "city" => place(Some(PlaceKind::City)),
            "region" => place(Some(PlaceKind::Region)),
            "continent" => place(Some(PlaceKind::Continent)),
            "term" => ValueType::Term,
            "acronym" => ValueType::Acronym,
            "title" => ValueType::Title,
            "language" => ValueType::Language,
            "role" => ValueType::Role,
            "phrase" => ValueType::Phrase,
            class => ValueType::Class(class.to_owned()),
        }
    }

    /// Other ways of writing `value` that count as the same answer: the aliases of the
    /// person, organization or term it names, or the other names of the place.
    pub fn aliases(&self, value: &str) -> Vec<String> {
        let norm = normalize_answer(value);
        let mut out: Vec<String> = self
            .spellings
            .get(&norm)
            .map(|all| {
                all.iter()
                    .filter(|s| normalize_answer(s) != norm)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if let Some(place) = places::find_place(value) {
            for name in place.names() {
                if normalize_answer(name) != norm && !out.iter().any(|o| o == name) {
                    out.push(name.to_owned());
                }
            }
        }
        out
    }

    /// Up to `ask.n` wrong options for an answer: values of its type that read like it and
    /// none of which is right too (see [`Ask`]).
    pub fn distractors(&self, ask: &Ask<'_>) -> Vec<String> {
        let mut candidates = self.candidates(ask, rng::key(ask.seed, ask.key));
        let stem = padded_stem(ask);
        let gender = matches!(ask.ty, ValueType::Role).then(|| text::gender(ask.answer));
        let fits = |d: &Distractor<'_>| {
            // A value of one of the course's classes is offered among its class only:
            // "sovereign equality of states" is a principle, not a wrong option for any term.
            if !matches!(ask.ty, ValueType::Class(_))
                && !self.class_of.is_empty()
                && self.kin_of(d).in_a_class
            {
                return false;
            }
            // "The first woman in space" is no wrong option for a man's position: a student
            // rules it out by the name.
            if let Some(gender) = gender
                && text::gender(&d.text).is_some_and(|g| Some(g) != gender)
            {
                return false;
            }
            // An option the question names by another of its names (`NAIIS` in the stem,
            // the association's full name among the options) is no wrong option.
            stem.is_empty()
                || !(self.kin_of(d).other_names.iter())
                    .any(|name| name.trim().chars().count() > 1 && reveals(&stem, name))
        };
        let months = &self.months;
        let order: Option<fn(&Months, &str) -> Option<i64>> = match ask.ty {
            ValueType::Year => Some(|_, t| t.trim().parse().ok()),
            ValueType::Date => {
                Some(|m, t| dates::parse_text_date(m, t).map(|(_, d)| dates::day_number(&d)))
            }
            ValueType::Month => Some(|m, t| m.month_alone(t).map(i64::from)),
            ValueType::Number => Some(|_, t| numbers::value(t).and_then(|v| i64::try_from(v).ok())),
            ValueType::Roman => Some(|_, t| numbers::roman_value(t.trim()).map(i64::from)),
            ValueType::Ordinal => Some(|_, t| numbers::ordinal_value(t).map(i64::from)),
            _ => None,
        };
        if let Some(order) = order
            && let Some(answer) = order(months, ask.answer)
        {
            // The spread ranks the values that may be offered, so those that may not are
            // left out first.
            candidates.retain(|d| fits(d));
            let orders: Vec<Option<i64>> =
                candidates.iter().map(|c| order(months, &c.text)).collect();
            spread(&mut candidates, answer, &orders, ask);
            return pick(ask, &stem, candidates, |_| true);
        }
        // Otherwise each value's place is its own, so only those `pick` reaches are checked.
        pick(ask, &stem, candidates, fits)
    }

    /// What the course says of a value (see [`Kin`]): whether it is in exactly one of the
    /// course's classes (what [`Pools::classify`] calls a value of a class), and its aliases
    /// and acronym, padded. Its own spelling is not among them: `pick` never offers an
    /// option the stem names.
    fn kin(&self, text: &str, norm: &str, key: &str) -> Kin {
        let aliases = (self.spellings.get(norm).into_iter().flatten()).filter(|s| *s != text);
        Kin {
            in_a_class: self.only_class(norm).is_some(),
            other_names: aliases
                .chain(self.acronym_of.get(key))
                .map(|n| padded(n))
                .collect(),
        }
    }

    /// [`Pools::kin`] of a wrong option: a pooled value's, found once.
    fn kin_of<'v>(&self, d: &'v Distractor<'_>) -> Cow<'v, Kin> {
        match d.pooled {
            Some(item) => Cow::Borrowed(
                item.kin
                    .get_or_init(|| self.kin(&item.text, &item.norm, &item.key)),
            ),
            None => Cow::Owned(self.kin(&d.text, &normalize_answer(&d.text), &comparable(&d.text))),
        }
    }

    /// Distractors for a date given as a [`PartialDate`], at its precision, written by
    /// `phrases`.
    pub fn date_distractors(
        &self,
        date: &PartialDate,
        phrases: &Phrasebook<'_>,
        n: usize,
        seed: u64,
        key: &[&str],
    ) -> Vec<String> {
        let answer = phrases.date(date);
        let mut candidates: Vec<Distractor<'_>> = Vec::new();
        let mut days: Vec<Option<i64>> = Vec::new();
        for other in dates::nearby_dates(date) {
            let distance = dates::date_distance(date, &other).min(12);
            candidates.push(Distractor::made(distance, phrases.date(&other)));
            days.push(Some(dates::day_number(&other)));
        }
        for other in window(&self.dates, rng::key(seed, key)) {
            let other = other.truncate(date.precision());
            if other.precision() == date.precision() && other != *date {
                let distance = dates::date_distance(date, &other).min(12);
                candidates.push(Distractor::made(distance, phrases.date(&other)));
                days.push(Some(dates::day_number(&other)));
            }
        }
        let ask = Ask::new(&answer, &ValueType::Date, n, seed, key);
        spread(&mut candidates, dates::day_number(date), &days, &ask);
        pick(&ask, "", candidates, |_| true)
    }

    /// A wrong date for a false statement about `date`: for a day, the same day of another
    /// month (a day or two off would be a trap), else a near date at its precision.
    pub fn false_date(
        &self,
        date: &PartialDate,
        phrases: &Phrasebook<'_>,
        seed: u64,
        key: &[&str],
    ) -> Option<String> {
        if date.precision() != decksmith_model::date::Precision::Day {
            return self.date_distractors(date, phrases, 1, seed, key).pop();
        }
        let answer = phrases.date(date);
        let others = dates::same_day_other_months(date);
        let candidates = others
            .iter()
            .map(|d| Distractor::made(dates::date_distance(date, d), phrases.date(d)))
            .collect();
        let ask = Ask::new(&answer, &ValueType::Date, 1, seed, key);
        pick(&ask, "", candidates, |_| true).pop()
    }

    /// A wrong written date (`3 November 2021`) for a false statement: the same day of
    /// another month when the answer gives the day, for the reason of
    /// [`Pools::false_date`]; else a near date of its precision.
    pub fn false_written_date(&self, ask: &Ask<'_>) -> Option<String> {
        let others = dates::same_day_written(&self.months, ask.answer);
        if others.is_empty() {
            return self.distractors(ask).pop();
        }
        let candidates = others
            .into_iter()
            .map(|(distance, text)| Distractor::made(distance, text))
            .collect();
        pick(ask, &padded_stem(ask), candidates, |_| true).pop()
    }

    /// The places named anywhere in the course's text, found once.
    fn mentioned(&self) -> &HashSet<usize> {
        self.mentioned.get_or_init(|| {
            let mut found = HashSet::default();
            let Some(course) = self.course else {
                return found;
            };
            let mut scan = |text: &str| {
                let words: Vec<&str> = text
                    .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
                    .filter(|w| !w.is_empty())
                    .collect();
                for start in 0..words.len() {
                    for len in 1..=4.min(words.len() - start) {
                        let phrase = words[start..start + len].join(" ");
                        if !phrase.starts_with(char::is_uppercase) {
                            break;
                        }
                        if let Some(place) = places::find_place(&phrase)
                            && let Some(i) = places::PLACES.iter().position(|p| p == place)
                        {
                            found.insert(i);
                        }
                    }
                }
            };
            for (_, entry) in course.entries() {
                scan(&entry.headline());
                match &entry.kind {
                    EntryKind::Person(p) => scan(&p.role),
                    EntryKind::Organization(o) => scan(&o.description),
                    EntryKind::Term(t) => scan(&t.meaning),
                    _ => {}
                }
            }
            found
        })
    }

    /// `text` made to continue a sentence (after `Спутник —`): its first letter made
    /// lowercase when its first word is a common word, capitalized only because it starts
    /// the text (`Тело, которое…` → `тело, которое…`). A word the course capitalizes where no
    /// sentence starts, or in a name, keeps its capital (`Россия`, in "…между Россией и
    /// США"), as does an abbreviation or a word with capitals or digits inside.
    pub fn continuing(&self, text: &str) -> String {
        let first = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        let mut chars = first.chars();
        let common = chars.next().is_some_and(char::is_uppercase)
            && first.chars().count() > 1
            && chars.all(|c| c.is_lowercase() || c == '-')
            && !self.capitalized().contains(&name_stem(first));
        if !common {
            return text.to_owned();
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The stems ([`name_stem`]) of the words the course writes with a capital where no
    /// sentence starts, and of every capitalized word of a name, found once.
    fn capitalized(&self) -> &HashSet<String> {
        self.capitalized.get_or_init(|| {
            let mut found = HashSet::default();
            let Some(course) = self.course else {
                return found;
            };
            // Every capitalized word of a name, wherever it stands.
            let mut name = |text: &str| {
                for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    if word.starts_with(char::is_uppercase) {
                        found.insert(name_stem(word));
                    }
                }
            };
            for (_, entry) in course.entries() {
                match &entry.kind {
                    EntryKind::Term(t) => {
                        name(&t.term);
                        t.expansion.iter().for_each(|e| name(e));
                        t.aliases.iter().for_each(|a| name(a));
                    }
                    EntryKind::Person(p) => {
                        name(&p.name);
                        p.aliases.iter().for_each(|a| name(a));
                        p.translations.iter().for_each(|t| name(&t.text));
                    }
                    EntryKind::Organization(o) => {
                        name(&o.name);
                        o.acronym.iter().for_each(|a| name(a));
                        o.aliases.iter().for_each(|a| name(a));
                        o.translations.iter().for_each(|t| name(&t.text));
                    }
                    EntryKind::Quote(q) => name(&q.by),
                    _ => {}
                }
            }
            // A word capitalized after another word, not after a sentence's end.
            let mut prose = |text: &str| {
                let mut starts = true;
                for word in text.split_whitespace() {
                    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                    if !starts && bare.starts_with(char::is_uppercase) {
                        let bare = bare
                            .split(|c: char| !c.is_alphanumeric() && c != '-')
                            .next()
                            .unwrap_or("");
                        found.insert(name_stem(bare));
                    }
                    let end = word.trim_end_matches(['"', '\u{201d}', '»', ')', '\'']);
                    starts = end.ends_with(['.', '!', '?', '…']);
                }
            };
            for (_, entry) in course.entries() {
                prose(&entry.headline());
                entry.explain.iter().for_each(|e| prose(e));
                match &entry.kind {
                    EntryKind::Person(p) => prose(&p.role),
                    EntryKind::Organization(o) => prose(&o.description),
                    EntryKind::Term(t) => prose(&t.meaning),
                    _ => {}
                }
            }
            found
        })
    }

    /// The values that could be distractors for `ask.answer`, read through a window placed
    /// by `at` (the question's key) when the pool is large.
    fn candidates(&self, ask: &Ask<'_>, at: u64) -> Vec<Distractor<'_>> {
        let answer = ask.answer;
        let shape = Shape::of(answer);
        match ask.ty {
            ValueType::Person => windowed_names(shape, &self.people, at),
            ValueType::Organization => {
                // An agreement among agreements, a journal among journals, a body among
                // bodies: a lone agreement among councils would stand out.
                let sort = OrgSort::of(answer);
                windowed_names_of_sort(shape, &self.organizations, at, |(_, s)| s == sort)
            }
            ValueType::Acronym => self.acronym_candidates(answer, shape, at),
            // A doctrine among doctrines, a practice or a thing among others of theirs.
            ValueType::Term => {
                let doctrine = text::names_a_doctrine(answer);
                let mut terms = windowed_names(shape, &self.terms, at);
                terms.retain(|d| text::names_a_doctrine(&d.text) == doctrine);
                terms
            }
            ValueType::Title => windowed_names(shape, &self.titles, at),
            ValueType::Expansion => {
                // The full name of a body among bodies' names (of its sort), of a technology
                // among other things.
                let kind = (names_a_body(answer), OrgSort::of(answer));
                windowed_names_of_sort(shape, &self.expansions, at, |k| k == kind)
            }
            ValueType::Role => windowed_values(shape, &self.roles, at),
            ValueType::Class(name) => self
                .classes
                .get(name)
                .map_or_else(Vec::new, |list| windowed_values(shape, list, at)),
            ValueType::Translation(lang, kind) => {
                let sort = self
                    .translation_sorts
                    .get(&(lang.clone(), normalize_answer(answer)))
                    .cloned()
                    .unwrap_or_default();
                self.translations
                    .get(&(lang.clone(), *kind, sort))
                    .map_or_else(Vec::new, |list| windowed_values(shape, list, at))
            }
            ValueType::Year => made_for_answer(self.near_years(answer)),
            ValueType::Month => made_for_answer(dates::month_variants(&self.months, answer)),
            ValueType::Date => {
                let mut out = made_for_answer(dates::text_date_variants(&self.months, answer));
                out.extend(
                    window(&self.date_texts, at)
                        .filter(|other| dates::same_date_format(&self.months, answer, &other.text))
                        .map(|other| Distractor::pooled(3, other)),
                );
                out
            }
            // Near numbers that would read as another type (841 → 1001, a year) are dropped.
            ValueType::Number => made_for_answer(
                numbers::variants(answer)
                    .into_iter()
                    .filter(|(_, v)| classify_shape(&self.months, v) == ValueType::Number)
                    .collect(),
            ),
            ValueType::Roman => made_for_answer(numbers::roman_variants(answer)),
            ValueType::Ordinal => made_for_answer(numbers::ordinal_variants(answer)),
            ValueType::Place(kind) => self.places(ask, *kind, shape),
            ValueType::Language => languages(answer, shape),
            ValueType::Bounded | ValueType::Phrase => Vec::new(),
        }
    }

    /// Acronyms for an acronym answer: a body's among bodies', another's among those of its
    /// sort.
    fn acronym_candidates(&self, answer: &str, shape: Shape, at: u64) -> Vec<Distractor<'_>> {
        let flags = self.kinds.get(&normalize_answer(answer)).copied();
        let body = flags.is_some_and(|f| f & BODY_ACRONYM != 0);
        if body {
            windowed_names(shape, &self.body_acronyms, at)
        } else {
            // The abbreviation of an agreement among agreements' (`MLAT` among
            // `ICTs`, `PPP`, `ANO` is the one treaty).
            let sort = OrgSort::of(self.expansion_of(answer).unwrap_or_default());
            windowed_names_of_sort(shape, &self.acronyms, at, |(_, s)| s == sort)
        }
    }
}

impl Pools<'_> {
    /// Years near a year answer: the six either side, and the course's years within 25.
    fn near_years(&self, answer: &str) -> Vec<(u32, String)> {
        let Ok(year) = answer.trim().parse::<i32>() else {
            return Vec::new();
        };
        let mut out: Vec<(u32, String)> = (1..=6)
            .flat_map(|d| [year - d, year + d])
            .filter(|y| (1000..3000).contains(y))
            .map(|y| (y.abs_diff(year), y.to_string()))
            .collect();
        for &y in &self.years {
            let d = i32::from(y).abs_diff(year);
            if d > 0 && d <= 25 {
                out.push((d.min(6), y.to_string()));
            }
        }
        out
    }

    /// Places of the answer's kind, in its language: those the course names first, then
    /// prominent ones, then capitals (which stand for their states as the answer may: "led
    /// by Washington").
    fn places(&self, ask: &Ask<'_>, kind: PlaceKind, shape: Shape) -> Vec<Distractor<'_>> {
        let answer = ask.answer;
        let russian = text::script(answer) == text::Script::Cyrillic;
        let mentioned = self.mentioned();
        let bare = !answer.trim_start().to_lowercase().starts_with("the ");
        // A small state may stand among other small states; a power (or a state the table
        // does not know, such as the Soviet Union) never among them: "launched by the
        // Marshall Islands" would be no option at all.
        let among_small = places::find_place(answer).is_some_and(|p| !places::is_prominent(p));
        places::PLACES
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == kind)
            // After "the" in the sentence, only names that take "the" fit ("by the United
            // States", never "by the Saudi Arabia"), written without it.
            .filter(|(_, p)| russian || !ask.after_the || p.takes_the())
            .filter_map(|(i, p)| {
                let name = p.name(russian);
                let name = if ask.after_the || (bare && russian) {
                    places::without_article(name)
                } else {
                    name
                };
                let near = if mentioned.contains(&i) {
                    0
                } else if places::is_prominent(p) {
                    3
                } else if places::is_capital(p) || p.kind != PlaceKind::Country {
                    6
                } else if among_small {
                    10
                } else {
                    return None;
                };
                Some(Distractor::made(
                    near + similarity(shape, Shape::of(name)),
                    name.to_owned(),
                ))
            })
            .collect()
    }
}

/// Names of languages, in the answer's language (capitalized in Russian when it is).
fn languages(answer: &str, shape: Shape) -> Vec<Distractor<'static>> {
    let russian = text::script(answer) == text::Script::Cyrillic;
    let capital = answer.trim().chars().next().is_some_and(char::is_uppercase);
    places::language_names(russian)
        .map(|name| {
            let name = if capital && russian {
                let mut c = name.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                name.to_owned()
            };
            Distractor::made(similarity(shape, Shape::of(&name)), name)
        })
        .collect()
}

/// What a question needs of its wrong options.
#[derive(Clone, Debug)]
pub struct Ask<'a> {
    /// The right answer.
    pub answer: &'a str,
    /// Its type.
    pub ty: &'a ValueType,
    /// Answers that are right as well (alternatives, aliases, other entries that fit the
    /// prompt): never offered.
    pub also_right: &'a [String],
    /// What the student reads besides the options: no option may repeat its words.
    pub stem: &'a str,
    /// The article right before the blank, which every option must fit.
    pub article: Option<Article>,
    /// Whether the blank follows "the".
    pub after_the: bool,
    /// Whether the blank starts a sentence (so capitals tell nothing).
    pub sentence_start: bool,
    /// How many wrong options.
    pub n: usize,
    /// The seed.
    pub seed: u64,
    /// Labels of the decision, for the seeded rank.
    pub key: &'a [&'a str],
}

impl<'a> Ask<'a> {
    /// An ask with nothing but the answer and its type.
    pub fn new(
        answer: &'a str,
        ty: &'a ValueType,
        n: usize,
        seed: u64,
        key: &'a [&'a str],
    ) -> Ask<'a> {
        Ask {
            answer,
            ty,
            also_right: &[],
            stem: "",
            article: None,
            after_the: false,
            sentence_start: true,
            n,
            seed,
            key,
        }
    }

    /// The same ask for a blank whose sentence reads `before` up to it.
    pub fn before_blank(mut self, before: &str) -> Ask<'a> {
        let trimmed = before.trim_end();
        self.article = text::article_before(trimmed);
        self.after_the = text::ends_with_the(trimmed);
        self.sentence_start = trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':']);
        self
    }
}

/// Pools larger than this are read through a window of this many values, placed by the
/// question's key: choosing distractors then costs the same per question whatever the size
/// of the course, and questions still draw from all over the pool. A smaller pool is read
/// whole.
const WINDOW: usize = 32;

/// The values of `list` in a window of [`WINDOW`] placed by `at` (all of them if fewer).
fn window<T>(list: &[T], at: u64) -> impl Iterator<Item = &T> {
    let (start, take) = if list.len() <= WINDOW {
        (0, list.len())
    } else {
        ((at % list.len() as u64) as usize, WINDOW)
    };
    (0..take).map(move |i| &list[(start + i) % list.len()])
}

/// The names of `list` in the window, as distractors scored by their likeness to the answer.
fn windowed_names(shape: Shape, list: &[Spelled], at: u64) -> Vec<Distractor<'_>> {
    window(list, at)
        .map(|n| Distractor::pooled(similarity(shape, n.main.shape), &n.main))
        .collect()
}

/// Those of `list` in the window whose (names a body, sort) `keep` accepts.
fn windowed_names_of_sort(
    shape: Shape,
    list: &[Spelled],
    at: u64,
    keep: impl Fn((bool, OrgSort)) -> bool,
) -> Vec<Distractor<'_>> {
    window(list, at)
        .filter(|n| keep(n.sort()))
        .map(|n| Distractor::pooled(similarity(shape, n.main.shape), &n.main))
        .collect()
}

/// The values of `list` in the window, as distractors scored by their likeness to the answer.
fn windowed_values(shape: Shape, list: &[PoolValue], at: u64) -> Vec<Distractor<'_>> {
    window(list, at)
        .map(|item| Distractor::pooled(similarity(shape, item.shape), item))
        .collect()
}

/// Values made for the answer (near numbers, other dates), with their scores, as distractors.
fn made_for_answer<'a>(list: Vec<(u32, String)>) -> Vec<Distractor<'a>> {
    list.into_iter()
        .map(|(d, text)| Distractor::made(d, text))
        .collect()
}

/// A possible distractor: from a pool (already measured) or made for this answer.
struct Distractor<'a> {
    score: u32,
    text: Cow<'a, str>,
    pooled: Option<&'a PoolValue>,
}

impl<'a> Distractor<'a> {
    fn pooled(score: u32, item: &'a PoolValue) -> Distractor<'a> {
        Distractor {
            score,
            text: Cow::Borrowed(&item.text),
            pooled: Some(item),
        }
    }

    fn made(score: u32, text: String) -> Distractor<'a> {
        Distractor {
            score,
            text: Cow::Owned(text),
            pooled: None,
        }
    }
}

/// Whether a word looks like an acronym: mostly capitals, no spaces (`OEWG`, `UN GGE` no).
pub fn is_acronym(value: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in value.chars() {
        if c == ' ' {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= 2 && upper * 4 >= letters * 3
}

/// The type of a value by its form alone, month names read in `months`.
pub fn classify_shape(months: &Months, value: &str) -> ValueType {
    let v = value.trim();
    if v.len() == 4
        && v.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<u16>().is_ok_and(|y| (1000..3000).contains(&y))
    {
        return ValueType::Year;
    }
    if months.month_name(v).is_some() {
        return ValueType::Month;
    }
    if dates::parse_text_date(months, v).is_some() {
        return ValueType::Date;
    }
    if numbers::roman_value(v).is_some() && v.len() > 1 {
        return ValueType::Roman;
    }
    if numbers::ordinal_value(v).is_some() {
        return ValueType::Ordinal;
    }
    if numbers::is_number(v) {
        return if numbers::is_bounded("", v, false) {
            ValueType::Bounded
        } else {
            ValueType::Number
        };
    }
    if let Some(place) = places::find_place(v) {
        return ValueType::Place(place.kind);
    }
    if places::is_language(v) {
        return ValueType::Language;
    }
    ValueType::Phrase
}

/// How different two options look: 0 is alike; lower is better.
fn similarity(answer: Shape, other: Shape) -> u32 {
    let (a, b) = (answer.chars.max(1), other.chars.max(1));
    let ratio = f64::from(a.max(b)) / f64::from(a.min(b));
    let mut score = ((ratio - 1.0) * 4.0).round() as u32 + answer.words.abs_diff(other.words);
    if answer.caps != other.caps {
        score += 2;
    }
    if answer.acronym != other.acronym {
        score += 3;
    }
    score.min(20)
}

/// Whether `option` reads like `ask.answer` without looking at the stem: the same script,
/// an article that fits, the same number and capitals, a plausible length. Cheap: it is
/// asked of every value before anything that allocates.
fn reads_alike(ask: &Ask<'_>, option: &str) -> bool {
    if !text::same_script(ask.answer, option) {
        return false;
    }
    if let Some(article) = ask.article
        && text::article_for(option) != article
    {
        return false;
    }
    let named = matches!(
        ask.ty,
        ValueType::Term | ValueType::Title | ValueType::Class(_) | ValueType::Phrase
    );
    if named {
        if let (Some(a), Some(b)) = (text::looks_plural(ask.answer), text::looks_plural(option))
            && a != b
        {
            return false;
        }
        let caps = |s: &str| s.trim().chars().next().is_some_and(char::is_uppercase);
        if !ask.sentence_start && caps(ask.answer) != caps(option) {
            return false;
        }
    }
    let (a, b) = (
        ask.answer.chars().count().max(1) as f64,
        option.chars().count().max(1) as f64,
    );
    let (long, short) = (a.max(b), a.min(b));
    long / short <= 2.5 || long - short <= 8.0
}

/// Wrong options of an ordered type (years, dates, numbers) on both sides of the answer in
/// a seeded proportion. Taking the nearest values on both sides would always leave the
/// answer in the middle, and a test-wise student would rule out the two ends. So the
/// answer's place among the `n + 1` options is drawn first (0 is the smallest), and that
/// many of the nearest values below it come first, the rest from above; the other values
/// follow in case some do not fit. `orders` places each candidate in time or number.
fn spread(candidates: &mut [Distractor<'_>], answer: i64, orders: &[Option<i64>], ask: &Ask<'_>) {
    const LATER: u32 = 100;
    let n = ask.n;
    let place = (rng::Ranker::new(ask.seed, ask.key).rank("\u{0}place") % (n as u64 + 1)) as usize;
    let mut below: Vec<(i64, usize)> = Vec::new();
    let mut above: Vec<(i64, usize)> = Vec::new();
    for (i, (c, order)) in candidates.iter_mut().zip(orders).enumerate() {
        match *order {
            Some(v) if v < answer => below.push((answer - v, i)),
            Some(v) if v > answer => above.push((v - answer, i)),
            _ => c.score = 2 * LATER,
        }
    }
    for (side, wanted) in [(&mut below, place), (&mut above, n - place)] {
        side.sort_unstable();
        // The same value twice (made and from the course) keeps one step.
        let mut step = 0u32;
        let mut last = None;
        for &(distance, i) in side.iter() {
            if last != Some(distance) {
                step += 1;
                last = Some(distance);
            }
            candidates[i].score = if (step as usize) <= wanted {
                step
            } else {
                LATER + step
            };
        }
    }
}

/// The question's stem as [`padded`] text, or nothing when it has none.
fn padded_stem(ask: &Ask<'_>) -> String {
    if ask.stem.is_empty() {
        String::new()
    } else {
        padded(ask.stem)
    }
}

/// The `n` best candidates that fit (`fits`, asked only of those reached): by closeness,
/// then by seeded rank; never equal to,
/// containing or contained in the answer, anything right too, or each other; never standing
/// in the stem or repeating its words. Ranks are computed only for the closeness buckets
/// actually reached.
fn pick(
    ask: &Ask<'_>,
    stem: &str,
    mut candidates: Vec<Distractor<'_>>,
    fits: impl Fn(&Distractor<'_>) -> bool,
) -> Vec<String> {
    candidates.sort_by_key(|c| c.score);
    // Words the answer shares with the stem (a unit, a statement that holds the answer) do
    // not count against the other options.
    let own = text::content_words(ask.answer);
    let stem_words: Vec<String> = text::content_words(ask.stem)
        .into_iter()
        .filter(|w| !own.contains(w))
        .collect();
    let answer_key = comparable(ask.answer);
    let mut taken: Vec<String> = std::iter::once(normalize_answer(ask.answer))
        .chain(ask.also_right.iter().map(|a| normalize_answer(a)))
        .filter(|a| !a.is_empty())
        .collect();
    let right_keys: Vec<String> = ask.also_right.iter().map(|a| comparable(a)).collect();
    let blocked = taken.len();
    let ranker = rng::Ranker::new(ask.seed, ask.key);
    let mut out = Vec::new();
    let mut start = 0;
    while start < candidates.len() && out.len() < ask.n {
        let score = candidates[start].score;
        let end = start
            + candidates[start..]
                .iter()
                .take_while(|c| c.score == score)
                .count();
        let mut bucket: Vec<(u64, usize)> = (start..end)
            .map(|i| (ranker.rank(&candidates[i].text), i))
            .collect();
        bucket.sort_unstable();
        for (_, i) in bucket {
            if out.len() == ask.n {
                break;
            }
            let candidate = &candidates[i];
            if !reads_alike(ask, &candidate.text) || !fits(candidate) {
                continue;
            }
            let made;
            let value = match candidate.pooled {
                Some(value) => value,
                None => {
                    made = PoolValue::new(&candidate.text);
                    &made
                }
            };
            if value.norm.is_empty() || value.key == answer_key || right_keys.contains(&value.key) {
                continue;
            }
            let clash = taken
                .iter()
                .enumerate()
                .any(|(j, t)| *t == value.norm || (j < blocked && overlaps(t, &value.norm)));
            let in_stem = !stem.is_empty()
                && (reveals(stem, &value.padded)
                    || value
                        .words
                        .iter()
                        .any(|w| stem_words.iter().any(|s| text::same_word(w, s))));
            if !clash && !in_stem {
                taken.push(value.norm.clone());
                out.push(candidate.text.to_string());
            }
        }
        start = end;
    }
    out
}

/// Whether one text contains the other as whole words (so neither is a fair distractor).
fn overlaps(a: &str, b: &str) -> bool {
    let contains = |long: &str, short: &str| {
        short.len() >= 3
            && short.len() <= long.len()
            && long.match_indices(short).any(|(i, _)| {
                let before = long[..i].chars().next_back();
                let after = long[i + short.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    };
    contains(a, b) || contains(b, a)
}

#[cfg(test)]
mod tests;
