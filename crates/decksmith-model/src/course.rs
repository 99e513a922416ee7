//! The validated course: typed, with ids resolved and every entry knowing where it came from.
//!
//! Generation and rendering see only these types, never YAML. A value of [`Course`] exists
//! only when validation found no errors, so its invariants hold: ids are unique in the
//! course, every citation names a source that exists, every `see` names an entry that exists,
//! dates are real dates and cloze markup is balanced.

use std::collections::{BTreeMap, HashMap};

pub use crate::cloze::{Blank, Cloze, ClozePart};
pub use crate::date::{PartialDate, Precision};
use crate::diag::Location;
pub use crate::raw::{CardLayout, ClozeMode, Duplex, Paper, QuestionKind, SourceKind};

/// A whole course.
#[derive(Clone, Debug)]
pub struct Course {
    /// The title.
    pub title: String,
    /// A paragraph about the course.
    pub description: Option<String>,
    /// The language code of the course text and interface (`en`, `ru`, ...).
    pub language: String,
    /// The default seed for question generation.
    pub seed: u64,
    /// The course-wide quiz settings (each deck has its own, resolved, copy).
    pub quiz: QuizSettings,
    /// Print settings.
    pub print: PrintSettings,
    /// Interface strings the course overrides, by key.
    pub strings: BTreeMap<String, String>,
    /// The bibliography, in file order.
    pub sources: Vec<Source>,
    /// The decks to build, in course order.
    pub decks: Vec<Deck>,
    /// Named sets of values of one type (`malware: [TrickBot, Emotet]`), for wrong options.
    pub classes: BTreeMap<String, Vec<String>>,
    /// Where each entry is, by id (deck index, entry index): built once by validation so that
    /// looking an entry up is not a scan of the course.
    entry_index: HashMap<String, (usize, usize)>,
}

impl Course {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The deck with this id.
    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id == id)
    }

    /// Every entry of every deck, with its deck, in course order.
    pub fn entries(&self) -> impl Iterator<Item = (&Deck, &Entry)> {
        self.decks
            .iter()
            .flat_map(|deck| deck.entries.iter().map(move |entry| (deck, entry)))
    }

    /// The entry with this id, and its deck.
    pub fn entry(&self, id: &str) -> Option<(&Deck, &Entry)> {
        let indexed = self.entry_index.get(id).and_then(|&(d, e)| {
            let deck = self.decks.get(d)?;
            let entry = deck.entries.get(e)?;
            (entry.id == id).then_some((deck, entry))
        });
        // The fields are public; if the decks were changed after validation, look again.
        indexed.or_else(|| self.entries().find(|(_, entry)| entry.id == id))
    }

    /// A course from its parts, indexing its entries (validation is the usual way to make one).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        title: String,
        description: Option<String>,
        language: String,
        seed: u64,
        quiz: QuizSettings,
        print: PrintSettings,
        strings: BTreeMap<String, String>,
        sources: Vec<Source>,
        decks: Vec<Deck>,
    ) -> Course {
        let mut entry_index = HashMap::new();
        for (d, deck) in decks.iter().enumerate() {
            for (e, entry) in deck.entries.iter().enumerate() {
                entry_index.entry(entry.id.clone()).or_insert((d, e));
            }
        }
        Course {
            title,
            description,
            language,
            seed,
            quiz,
            print,
            strings,
            sources,
            decks,
            classes: BTreeMap::new(),
            entry_index,
        }
    }

    /// The language of `deck`: its own, else the course's.
    pub fn language_of<'a>(&'a self, deck: &'a Deck) -> &'a str {
        deck.language.as_deref().unwrap_or(&self.language)
    }
}

/// The built-in types a fact's blank can be given with `blanks: { answer: type }`, besides
/// the course's own classes.
pub const VALUE_TYPES: &[&str] = &[
    "year",
    "month",
    "date",
    "number",
    "ordinal",
    "person",
    "organization",
    "place",
    "country",
    "city",
    "region",
    "continent",
    "term",
    "acronym",
    "title",
    "language",
    "role",
    "phrase",
];

/// Whether `language` (a course's or a text's code) is Russian: `ru` or `ru-…` (`ru-RU`).
/// Russian is the one language besides English with built-in words, dates and quotation
/// marks; every other code gets the English ones.
pub fn is_russian(language: &str) -> bool {
    language == "ru" || language.starts_with("ru-")
}

/// A source document.
#[derive(Clone, Debug)]
pub struct Source {
    /// The id entries cite it by.
    pub id: String,
    /// The full title.
    pub title: String,
    /// A short name for footers.
    pub short: String,
    /// Authors, if named.
    pub authors: Vec<String>,
    /// The publishing organization.
    pub publisher: Option<String>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// When it appeared.
    pub date: Option<PartialDate>,
    /// Where it is online.
    pub url: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// A note for teachers.
    pub note: Option<String>,
    /// A plain-text copy of the document to check quotes against: the path as written
    /// (relative to the course folder), and where `file:` is written.
    pub file: Option<(String, Location)>,
    /// Where it is defined.
    pub origin: Location,
}

/// A deck: one file of entries.
#[derive(Clone, Debug)]
pub struct Deck {
    /// A short name, for card footers (the title when the deck gives none).
    pub short: String,
    /// The id: the file name without `.yaml`.
    pub id: String,
    /// The title.
    pub title: String,
    /// A sentence or two about the deck.
    pub description: Option<String>,
    /// The deck's own language, when it is not the course's (see [`Course::language_of`]).
    pub language: Option<String>,
    /// Tags given to every entry (already merged into each entry's tags).
    pub tags: Vec<String>,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// Quiz settings, the course defaults merged with the deck's own.
    pub quiz: QuizSettings,
    /// Where those settings are written: the deck's `quiz:`, else the course's, else the
    /// deck file (for messages about what the quiz cannot do).
    pub quiz_origin: Location,
    /// Flashcard settings.
    pub cards: CardSettings,
    /// The file, as shown in diagnostics.
    pub file: String,
}

/// One entry of a deck.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The id, unique in the course: written by the teacher or derived from the entry's text.
    pub id: String,
    /// Whether the teacher wrote the id (a derived id changes when the text changes).
    pub explicit_id: bool,
    /// What the entry is, with its fields.
    pub kind: EntryKind,
    /// The deck's tags followed by the entry's own, without repeats.
    pub tags: Vec<String>,
    /// Where it comes from.
    pub citations: Vec<Citation>,
    /// A note to show with the answer.
    pub explain: Option<String>,
    /// A note for teachers (answer keys only).
    pub note: Option<String>,
    /// Ids of related entries.
    pub see: Vec<String>,
    /// Where the entry starts in its deck file.
    pub origin: Location,
}

impl Entry {
    /// The text that names the entry: the term, the person's name, the event, the fact as a
    /// sentence, the quote, the question.
    pub fn headline(&self) -> String {
        match &self.kind {
            EntryKind::Term(t) => t.term.clone(),
            EntryKind::Fact(f) => f.cloze.plain(),
            EntryKind::Event(e) => e.text.clone(),
            EntryKind::Person(p) => p.name.clone(),
            EntryKind::Organization(o) => o.name.clone(),
            EntryKind::Quote(q) => q.text.clone(),
            EntryKind::Question(q) => q.prompt.clone(),
        }
    }

    /// The kind's name (`term`, `fact`, ...).
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            EntryKind::Term(_) => "term",
            EntryKind::Fact(_) => "fact",
            EntryKind::Event(_) => "event",
            EntryKind::Person(_) => "person",
            EntryKind::Organization(_) => "organization",
            EntryKind::Quote(_) => "quote",
            EntryKind::Question(_) => "question",
        }
    }
}

/// The kinds of entry with their fields.
#[derive(Clone, Debug)]
pub enum EntryKind {
    /// A term or acronym.
    Term(Term),
    /// A statement with testable parts.
    Fact(Fact),
    /// Something that happened on a date.
    Event(Event),
    /// A person and their role.
    Person(Person),
    /// A body, platform or initiative.
    Organization(Organization),
    /// Words someone said.
    Quote(Quote),
    /// A hand-written question.
    Question(Question),
}

/// A text in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// Its language code (`ru`).
    pub lang: String,
    /// The text.
    pub text: String,
}

/// A term or acronym.
#[derive(Clone, Debug)]
pub struct Term {
    /// The term as written.
    pub term: String,
    /// What it means.
    pub meaning: String,
    /// The full form of an acronym.
    pub expansion: Option<String>,
    /// Other spellings accepted as the same answer.
    pub aliases: Vec<String>,
    /// The term in other languages.
    pub translations: Vec<Translation>,
}

/// A statement with testable parts.
#[derive(Clone, Debug)]
pub struct Fact {
    /// The statement, split into text and blanks.
    pub cloze: Cloze,
}

/// Something that happened.
#[derive(Clone, Debug)]
pub struct Event {
    /// What happened.
    pub text: String,
    /// When.
    pub date: PartialDate,
    /// When it ended, for something that lasted.
    pub end: Option<PartialDate>,
}

/// A person.
#[derive(Clone, Debug)]
pub struct Person {
    /// The name.
    pub name: String,
    /// Their position or role.
    pub role: String,
    /// Other spellings of the name.
    pub aliases: Vec<String>,
    /// The name in other languages.
    pub translations: Vec<Translation>,
}

/// A body, platform or initiative.
#[derive(Clone, Debug)]
pub struct Organization {
    /// The full name.
    pub name: String,
    /// Its acronym.
    pub acronym: Option<String>,
    /// What it is or does.
    pub description: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// The name in other languages.
    pub translations: Vec<Translation>,
}

/// Words someone said.
#[derive(Clone, Debug)]
pub struct Quote {
    /// The words.
    pub text: String,
    /// Who said them, as written.
    pub by: String,
    /// The id of the person entry whose name is `by`, if there is one.
    pub person: Option<String>,
    /// When.
    pub date: Option<PartialDate>,
    /// Where or in what setting.
    pub context: Option<String>,
}

/// A hand-written question.
#[derive(Clone, Debug)]
pub struct Question {
    /// The question.
    pub prompt: String,
    /// The correct answer.
    pub answer: String,
    /// Other answers to accept when typed.
    pub accept: Vec<String>,
    /// The teacher's wrong options.
    pub distractors: Vec<String>,
}

/// A citation of a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The source's id (it exists in the course).
    pub source: String,
    /// Where in the source.
    pub locator: Option<Locator>,
    /// Where the citation is written.
    pub origin: Location,
}

/// Where in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locator {
    /// A short phrase quoted from the passage.
    Quote(String),
    /// A paragraph number, from 1.
    Paragraph(u32),
    /// A page.
    Page(String),
}

/// How a deck's quiz is made.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizSettings {
    /// How many questions.
    pub questions: u32,
    /// Which kinds, with their weights (all weights positive).
    pub kinds: Vec<(QuestionKind, u32)>,
    /// Whether `kinds:` is written (in course.yaml or the deck). A deck's unwritten `kinds:`
    /// is the default cut to the kinds its entries can give ([`QuizSettings::fit_kinds`]).
    pub kinds_written: bool,
    /// Options per multiple-choice and who-question, the answer included.
    pub options: u32,
    /// How facts become cloze questions.
    pub cloze: ClozeMode,
    /// Ask only about entries with one of these tags (all entries when empty).
    pub include_tags: Vec<String>,
    /// Never ask about entries with any of these tags.
    pub exclude_tags: Vec<String>,
    /// Generated questions never to ask, by id.
    pub exclude: Vec<QuestionRef>,
    /// Generated questions to ask whenever they can be made, by id.
    pub pin: Vec<QuestionRef>,
    /// Points per question of each kind, for marking (every kind has an entry).
    pub points: BTreeMap<QuestionKind, u32>,
}

impl QuizSettings {
    /// Whether the quiz asks about `entry`, by its tags (`include_tags`, `exclude_tags`).
    pub fn asks_about(&self, entry: &Entry) -> bool {
        (self.include_tags.is_empty() || entry.tags.iter().any(|t| self.include_tags.contains(t)))
            && !entry.tags.iter().any(|t| self.exclude_tags.contains(t))
    }

    /// Unless `kinds:` is written, leaves out the kinds that no entry the quiz asks about can
    /// give, for want of an entry of the sort the kind needs (see [`can_give`]): a deck of
    /// terms alone is not asked for timelines. A written `kinds:` is the teacher's, and
    /// `check` warns about a kind in it that the deck cannot give. If no kind is left (the
    /// tags leave no entry), the kinds stay as they are, and `check` says why.
    pub fn fit_kinds(&mut self, entries: &[Entry]) {
        if self.kinds_written {
            return;
        }
        let asked: Vec<&Entry> = entries.iter().filter(|e| self.asks_about(e)).collect();
        let fitting: Vec<(QuestionKind, u32)> = self
            .kinds
            .iter()
            .copied()
            .filter(|(kind, _)| can_give(*kind, &asked))
            .collect();
        if !fitting.is_empty() {
            self.kinds = fitting;
        }
    }

    /// The points a question of `kind` is worth.
    pub fn points(&self, kind: QuestionKind) -> u32 {
        self.points
            .get(&kind)
            .copied()
            .unwrap_or_else(|| default_points(kind))
    }
}

/// The points a question of `kind` is worth unless `quiz: points:` says otherwise: one per
/// answer a student gives, counting a matching or an ordering as two.
pub fn default_points(kind: QuestionKind) -> u32 {
    match kind {
        QuestionKind::Matching | QuestionKind::Timeline => 2,
        QuestionKind::Flashcard
        | QuestionKind::Cloze
        | QuestionKind::MultipleChoice
        | QuestionKind::TrueFalse
        | QuestionKind::Who => 1,
    }
}

/// The fewest pairs of one sort a matching question matches.
pub const MIN_MATCHING_PAIRS: usize = 4;

/// The fewest events a timeline question orders.
pub const MIN_TIMELINE_EVENTS: usize = 3;

/// Whether `entries` hold what a question of `kind` is made from: any entry but a quote for
/// multiple choice; a fact or an acronym's full name for cloze; a fact, event, person or
/// quote for true-false; 4 terms, 4 persons or 4 acronyms with full names for matching; 3
/// events for a timeline; a quote or a person for who. Whether the questions can then be
/// made well (options enough, a fact with braces, events of different stories) is not
/// looked at: that is what `check` warns about.
pub fn can_give(kind: QuestionKind, entries: &[&Entry]) -> bool {
    let count = |f: fn(&EntryKind) -> bool| entries.iter().filter(|e| f(&e.kind)).count();
    let any = |f: fn(&EntryKind) -> bool| count(f) > 0;
    match kind {
        QuestionKind::Flashcard => !entries.is_empty(),
        QuestionKind::MultipleChoice => any(|k| !matches!(k, EntryKind::Quote(_))),
        QuestionKind::Cloze => any(|k| match k {
            EntryKind::Fact(_) => true,
            EntryKind::Term(t) => t.expansion.is_some(),
            _ => false,
        }),
        QuestionKind::TrueFalse => any(|k| {
            matches!(
                k,
                EntryKind::Fact(_)
                    | EntryKind::Event(_)
                    | EntryKind::Person(_)
                    | EntryKind::Quote(_)
            )
        }),
        QuestionKind::Matching => {
            count(|k| matches!(k, EntryKind::Term(_))) >= MIN_MATCHING_PAIRS
                || count(|k| matches!(k, EntryKind::Person(_))) >= MIN_MATCHING_PAIRS
                || count(|k| match k {
                    EntryKind::Term(t) => t.expansion.is_some(),
                    EntryKind::Organization(o) => o.acronym.is_some(),
                    _ => false,
                }) >= MIN_MATCHING_PAIRS
        }
        QuestionKind::Timeline => {
            count(|k| matches!(k, EntryKind::Event(_))) >= MIN_TIMELINE_EVENTS
        }
        QuestionKind::Who => any(|k| matches!(k, EntryKind::Quote(_) | EntryKind::Person(_))),
    }
}

/// The most points one question can be worth.
pub const MAX_POINTS: u32 = 100;

/// A generated question named in quiz settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionRef {
    /// The question's id.
    pub id: String,
    /// Where it is written.
    pub origin: Location,
}

impl Default for QuizSettings {
    fn default() -> QuizSettings {
        QuizSettings {
            questions: 20,
            kinds: vec![
                (QuestionKind::MultipleChoice, 4),
                (QuestionKind::Cloze, 3),
                (QuestionKind::TrueFalse, 2),
                (QuestionKind::Matching, 1),
                (QuestionKind::Timeline, 1),
                (QuestionKind::Who, 1),
            ],
            kinds_written: false,
            options: 4,
            cloze: ClozeMode::Each,
            include_tags: Vec::new(),
            exclude_tags: Vec::new(),
            exclude: Vec::new(),
            pin: Vec::new(),
            points: QuestionKind::ALL
                .iter()
                .map(|&k| (k, default_points(k)))
                .collect(),
        }
    }
}

/// How a deck's flashcards are made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardSettings {
    /// Also make reverse cards.
    pub reverse: bool,
}

/// How PDFs are printed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrintSettings {
    /// Paper size.
    pub paper: Paper,
    /// Flashcard layout.
    pub layout: CardLayout,
    /// Duplex turning edge.
    pub duplex: Duplex,
    /// Back-side shift in millimetres (x rightwards, y upwards).
    pub back_offset_mm: (f32, f32),
    /// Whether to add a calibration page.
    pub calibration: bool,
    /// The line at the top of every worksheet and answer key page, if any.
    pub header: Option<PrintHeader>,
    /// The logo beside it, if any.
    pub logo: Option<PrintLogo>,
}

/// The course's `print: logo:`: which file, not what it holds (the driver reads it).
#[derive(Clone, Debug, PartialEq)]
pub struct PrintLogo {
    /// The path relative to the course folder, with `/` between folders.
    pub path: String,
    /// Where it is written, for errors about the file.
    pub origin: Location,
}

/// The course's `print: header:`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintHeader {
    /// The text: one line, at most [`MAX_PRINT_HEADER`] characters, spaces collapsed.
    pub text: String,
    /// Where it is written, for warnings about printing it.
    pub origin: Location,
}

/// The longest print header, in characters: what fits across a worksheet in its type size.
pub const MAX_PRINT_HEADER: usize = 80;
