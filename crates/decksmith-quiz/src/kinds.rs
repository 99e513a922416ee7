//! Question candidates, one module per kind.
//!
//! Each kind turns entries into [`Candidate`]s: questions in a canonical form (the correct
//! option first, matching pairs aligned, timeline items in order). The quiz is chosen from
//! candidates and only then put in a seeded order, so that forms A, B, … of one quiz are the
//! same questions shuffled differently.

pub mod choice;
pub mod cloze;
mod cue;
pub mod flashcard;
pub mod matching;
pub mod timeline;
pub mod truefalse;
pub mod who;

pub use cue::{Cue, Cues};

use std::rc::Rc;

use decksmith_model::hash::fnv1a;
use decksmith_model::{
    Course, Deck, Diagnostic, Entry, EntryKind, Event, Location, Locator, Precision,
};

use crate::HashMap;
use crate::facts::BlankSite;

use crate::cite;
use crate::explain::Explanation;
use crate::phrases::Phrasebook;
use crate::types::{Body, CitationView, QuestionKind};
use crate::values::{Pools, text};

/// A question before it is placed in a quiz.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Stable id.
    pub id: String,
    /// Entries it draws on, the main one first.
    pub entries: Vec<String>,
    /// The question in canonical form.
    pub body: Body,
    /// Why the answer is right.
    pub explanation: Explanation,
    /// The teacher's note on the entries (answer keys only).
    pub note: Option<String>,
    /// Where its content comes from.
    pub sources: Vec<CitationView>,
    /// Where the main entry is written.
    pub origin: Location,
    /// What the student sees, normalized and padded with spaces (to spot questions that give
    /// each other away; see [`reveals`]): the question, and what its explanation says of its
    /// own entry.
    pub shows: Vec<String>,
    /// What the question asks for, normalized and padded (answers under 3 characters left
    /// out: they appear everywhere without giving anything away).
    pub asks: Vec<String>,
    /// For true/false: whether the statement is true.
    pub truth: Option<bool>,
    /// The wrong options it shows, normalized and padded: they give away the answer of a
    /// question that asks it to be recalled (a cloze, a flashcard), not of one that offers
    /// it among options or asks whether a statement holds.
    pub offers: Vec<String>,
    /// Whether its wrong options are values the course pairs one to one with what they
    /// are (the teacher's own wrong options, a class's values): a text that shows one of them
    /// with its own fact rules it out, as a matching set does.
    pub paired_offers: bool,
    /// The acronyms it asks for, as written: a text holding words whose initials spell one
    /// gives it away ("международная информационная безопасность" spells МИБ).
    pub spelled: Vec<String>,
    /// Each wrong option with what the course says it is (a term's meaning or full form, an
    /// organization's description, a person's role), normalized and padded: a text showing
    /// both rules that option out ("SCO stands for Shanghai Cooperation Organization" beside
    /// "Which term means a UN group of experts?"), as a matching pair would.
    pub defines_offers: Vec<(String, String)>,
    /// Hashes of every word in `shows`, sorted: an answer can only be revealed by a text
    /// that has its first word, which this finds without searching strings. Built by
    /// [`Candidate::indexed`], as are the initials below.
    pub show_words: Vec<u64>,
    /// The first letters of the words in `shows`, sorted: an acronym can only be spelled by
    /// a text with a word starting with its first letter.
    pub show_initials: Vec<char>,
    /// For a choice question, what each option stands for, in the order of its options: the
    /// entry it names or translates, else its own normalized text. Two questions whose
    /// options stand for the same things answer each other, in whatever language.
    pub option_entries: Vec<String>,
    /// The first letters of the words of its wrong options, upper case and sorted, as
    /// [`crate::facts::spelled_in`] reads them: an option can only spell an acronym with a
    /// word starting with its first letter.
    pub offer_initials: Vec<char>,
}

impl Candidate {
    /// The candidate with its word indexes built, once it is final and may be chosen: the
    /// selection compares every pair of the candidates it weighs, and most candidates of a
    /// large deck are never weighed.
    pub fn indexed(mut self) -> Candidate {
        self.show_words = show_words(&self.shows);
        let mut initials: Vec<char> = self
            .shows
            .iter()
            .flat_map(|s| s.split_whitespace().filter_map(|w| w.chars().next()))
            .collect();
        initials.sort_unstable();
        initials.dedup();
        self.show_initials = initials;
        let mut initials: Vec<char> = self
            .offers
            .iter()
            .flat_map(|o| o.split(|c: char| !c.is_alphanumeric()))
            .filter_map(|w| w.chars().next())
            .filter_map(|c| c.to_uppercase().next())
            .collect();
        initials.sort_unstable();
        initials.dedup();
        self.offer_initials = initials;
        self
    }

    /// The candidate with this explanation, whose own part counts as shown: the quiz page
    /// shows it once the question is checked, while the other questions are still open.
    pub fn explained(mut self, explanation: Explanation) -> Candidate {
        self.shows.extend(explanation.own.iter().map(|s| padded(s)));
        self.explanation = explanation;
        self
    }

    /// The kind of question.
    pub fn kind(&self) -> QuestionKind {
        self.body.kind()
    }

    /// Whether this question's visible text gives away an answer `other` asks for; or, for
    /// a matching set, whether it pairs one of `other`'s wrong options with what it really
    /// is, so that the option can be ruled out.
    pub fn gives_away(&self, other: &Candidate) -> bool {
        if self.kind() == QuestionKind::Matching
            && other
                .offers
                .iter()
                .any(|offered| self.shows.contains(offered))
        {
            return true;
        }
        if other.spelled.iter().any(|acronym| self.spells(acronym)) {
            return true;
        }
        let recall = matches!(other.kind(), QuestionKind::Cloze | QuestionKind::Flashcard);
        other.asks.iter().any(|answer| {
            let first = answer.split_whitespace().next().unwrap_or_default();
            (self
                .show_words
                .binary_search(&fnv1a(first.as_bytes()))
                .is_ok()
                && self.shows.iter().any(|shown| reveals(shown, answer)))
                || (recall && self.offers.iter().any(|offered| reveals(offered, answer)))
        })
    }

    /// The candidate with the wrong options it shows.
    pub fn offering(mut self, options: &[String]) -> Candidate {
        self.offers = options.iter().map(|o| padded(o)).collect();
        self
    }

    /// Which of `other`'s wrong options (by their place in `offers`) this question's text
    /// rules out: one the course pairs one to one with what it is, shown by this text
    /// ("Bilateral agreements enable information sharing" rules "Bilateral agreements" out of
    /// "Which channel works with companies?"), or one this text shows with what the course
    /// says it is ("SCO stands for Shanghai Cooperation Organization"). A quiz may rule out
    /// some of a question's wrong options, never so many that a guess between the answer
    /// and one option is left (see [`Candidate::tolerates`]).
    pub fn rules_out(&self, other: &Candidate) -> Vec<usize> {
        rules_out(&self.shows, &self.show_words, &other.offered())
    }

    /// What it offers as wrong, as [`rules_out`] reads it.
    pub fn offered(&self) -> Offered<'_> {
        Offered {
            offers: &self.offers,
            paired: self.paired_offers,
            defines: &self.defines_offers,
        }
    }

    /// How many of its wrong options the rest of a quiz may rule out: all but two, so that
    /// the student is never left to choose between the answer and one option.
    pub fn tolerates(&self) -> usize {
        self.offers.len().saturating_sub(2)
    }

    /// The candidate with what the course says each of its wrong options is (see
    /// `defines_offers`).
    pub fn defining_offers(mut self, ctx: &Ctx<'_>, options: &[String]) -> Candidate {
        for option in options {
            let Some((_, entry)) = ctx
                .pools
                .entry_named(option)
                .and_then(|id| ctx.course.entry(id))
            else {
                continue;
            };
            let texts: Vec<&str> = match &entry.kind {
                EntryKind::Term(t) => std::iter::once(t.meaning.as_str())
                    .chain(t.expansion.as_deref())
                    .collect(),
                EntryKind::Organization(o) => vec![o.description.as_str()],
                EntryKind::Person(p) => vec![p.role.as_str()],
                _ => Vec::new(),
            };
            let name = padded(option);
            self.defines_offers.extend(
                texts
                    .into_iter()
                    // A one-word gloss appears everywhere without defining anything.
                    .filter(|t| t.split_whitespace().count() >= 2)
                    .map(|t| (name.clone(), padded(t))),
            );
        }
        self
    }

    /// The candidate whose wrong options are paired values (see `paired_offers`), if `paired`.
    pub fn paired(mut self, paired: bool) -> Candidate {
        self.paired_offers = paired;
        self
    }

    /// Whether a text this question shows, or one of its options, holds words whose initials
    /// spell `acronym`.
    fn spells(&self, acronym: &str) -> bool {
        let Some(first) = acronym.chars().find(|c| c.is_alphanumeric()) else {
            return false;
        };
        let upper = first.to_uppercase().next().unwrap_or(first);
        let first = first.to_lowercase().next().unwrap_or(first);
        let spelled = |text: &String| crate::facts::spelled_in(text, acronym).is_some();
        (self.show_initials.binary_search(&first).is_ok() && self.shows.iter().any(spelled))
            || (self.offer_initials.binary_search(&upper).is_ok()
                && self.offers.iter().any(spelled))
    }
}

/// A question's wrong options, as texts that would rule them out read them.
#[derive(Clone, Copy, Debug)]
pub struct Offered<'c> {
    /// The wrong options, normalized and padded.
    offers: &'c [String],
    /// Whether each stands for one thing (see `Candidate::paired_offers`).
    paired: bool,
    /// Each with what the course says it is (see `Candidate::defines_offers`).
    defines: &'c [(String, String)],
}

/// Which of `offered` (by place) the texts `shows` rule out (see [`Candidate::rules_out`]);
/// `show_words` are the hashes of their words, sorted.
pub fn rules_out(shows: &[String], show_words: &[u64], offered: &Offered<'_>) -> Vec<usize> {
    let shown = |text: &str| {
        let first = text.split_whitespace().next().unwrap_or_default();
        show_words.binary_search(&fnv1a(first.as_bytes())).is_ok()
            && shows.iter().any(|s| reveals(s, text))
    };
    offered
        .offers
        .iter()
        .enumerate()
        .filter(|(_, option)| {
            (offered.paired && shown(option))
                || offered.defines.iter().any(|(name, what)| {
                    name == *option
                        && shown(name)
                        && shows.iter().any(|s| reveals(s, what) && reveals(s, name))
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The hashes of the words of `shows`, sorted and without repeats.
pub fn show_words(shows: &[String]) -> Vec<u64> {
    let mut words: Vec<u64> = shows
        .iter()
        .flat_map(|s| s.split_whitespace().map(|word| fnv1a(word.as_bytes())))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The passages the entries' sources are quoted by (`quote:` locators).
fn quoted<'e>(entries: &'e [&'e Entry]) -> impl Iterator<Item = &'e str> {
    entries
        .iter()
        .flat_map(|e| &e.citations)
        .filter_map(|c| match &c.locator {
            Some(Locator::Quote(quote)) => Some(quote.as_str()),
            _ => None,
        })
}

/// What every kind's generator needs.
pub struct Ctx<'a> {
    /// The course.
    pub course: &'a Course,
    /// The deck the quiz is for.
    pub deck: &'a Deck,
    /// Values of the course by type.
    pub pools: &'a Pools<'a>,
    /// Question wording, in the deck's language.
    pub phrases: &'a Phrasebook<'a>,
    /// The seed.
    pub seed: u64,
    /// How many distractors a choice question needs.
    pub distractors: usize,
    /// Entries whose kinds could not be made, reported to the teacher as warnings: things
    /// the teacher wrote that cannot work (a hand-written question short of options).
    pub warnings: Vec<Diagnostic>,
    /// Questions that could not be made well, with why: the generation report.
    pub dropped: Vec<Dropped>,
    /// The blanks of each fact of the deck, worked out once for every kind.
    pub sites: HashMap<String, Rc<Vec<BlankSite>>>,
    /// What the deck's facts and quotes say of its entries, found when first needed.
    pub sayings: std::cell::OnceCell<crate::explain::Sayings>,
}

impl<'a> Ctx<'a> {
    /// Works out the blanks of every fact of the deck, once for all kinds of question.
    pub fn with_sites(mut self) -> Ctx<'a> {
        let deck: &'a Deck = self.deck;
        for entry in &deck.entries {
            if let EntryKind::Fact(fact) = &entry.kind {
                let sites = crate::facts::sites(&self, fact);
                self.sites.insert(entry.id.clone(), Rc::new(sites));
            }
        }
        self
    }

    /// What the deck's facts and quotes say of its entries (see [`crate::explain::Sayings`]).
    pub fn sayings(&self) -> &crate::explain::Sayings {
        self.sayings.get_or_init(|| {
            let entries: Vec<&Entry> = self.deck.entries.iter().collect();
            crate::explain::Sayings::new(self, &entries)
        })
    }

    /// The blanks of a fact of the deck.
    pub fn sites_of(&self, entry: &Entry) -> Rc<Vec<BlankSite>> {
        match (self.sites.get(&entry.id), &entry.kind) {
            (Some(sites), _) => Rc::clone(sites),
            // A fact of another deck (not asked about here): worked out now.
            (None, EntryKind::Fact(fact)) => Rc::new(crate::facts::sites(self, fact)),
            (None, _) => Rc::new(Vec::new()),
        }
    }

    /// The deck's language.
    pub fn language(&self) -> &str {
        self.course.language_of(self.deck)
    }

    /// A candidate about one entry. What it shows is `shows` and the passages the entry's
    /// sources are quoted by (the quiz page prints them once the question is checked).
    pub fn candidate(
        &self,
        entry: &Entry,
        id: String,
        body: Body,
        explanation: Explanation,
        shows: &[&str],
        asks: &[&str],
    ) -> Candidate {
        let option_entries = match &body {
            Body::MultipleChoice(choice) | Body::Who(choice) => choice
                .options
                .iter()
                .map(|o| match self.pools.entry_of_option(o) {
                    Some(id) => id.to_owned(),
                    None => format!("={}", decksmith_model::names::normalize_answer(o)),
                })
                .collect(),
            _ => Vec::new(),
        };
        Candidate {
            id,
            entries: vec![entry.id.clone()],
            option_entries,
            body,
            explanation: Explanation::default(),
            note: entry.note.clone(),
            sources: cite::resolve(self.course, &entry.citations),
            origin: entry.origin.clone(),
            shows: shows
                .iter()
                .copied()
                .chain(quoted(std::slice::from_ref(&entry)))
                .map(padded)
                .collect(),
            asks: asked(asks),
            truth: None,
            offers: Vec::new(),
            paired_offers: false,
            spelled: acronyms(asks),
            defines_offers: Vec::new(),
            show_words: Vec::new(),
            show_initials: Vec::new(),
            offer_initials: Vec::new(),
        }
        .explained(explanation.with_note(entry.explain.as_deref()))
    }

    /// A candidate drawing on several entries (matching, timeline).
    ///
    /// Like [`Ctx::candidate`], what it shows includes the passages its sources are quoted
    /// by, which the quiz page prints once the question is checked.
    pub fn group_candidate(
        &self,
        entries: &[&Entry],
        id: String,
        body: Body,
        explanation: Explanation,
        shows: &[&str],
        asks: &[&str],
    ) -> Candidate {
        let mut sources: Vec<CitationView> = Vec::new();
        for entry in entries {
            for source in cite::resolve(self.course, &entry.citations) {
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
        }
        // Several entries' notes each say which entry they are about.
        let noted: Vec<&Entry> = entries
            .iter()
            .copied()
            .filter(|e| e.note.is_some())
            .collect();
        let notes: Vec<String> = noted
            .iter()
            .filter_map(|e| {
                let note = e.note.as_deref()?;
                Some(if noted.len() > 1 {
                    format!("On “{}”: {note}", entry_label(e))
                } else {
                    note.to_owned()
                })
            })
            .collect();
        Candidate {
            id,
            entries: entries.iter().map(|e| e.id.clone()).collect(),
            body,
            explanation: Explanation::default(),
            note: (!notes.is_empty()).then(|| notes.join(" ")),
            sources,
            origin: entries
                .first()
                .map(|e| e.origin.clone())
                .unwrap_or_default(),
            shows: shows
                .iter()
                .copied()
                .chain(quoted(entries))
                .map(padded)
                .collect(),
            asks: asked(asks),
            truth: None,
            offers: Vec::new(),
            paired_offers: false,
            spelled: acronyms(asks),
            defines_offers: Vec::new(),
            show_words: Vec::new(),
            show_initials: Vec::new(),
            offer_initials: Vec::new(),
            option_entries: Vec::new(),
        }
        .explained(explanation)
    }

    /// Reports that `entry` cannot give a kind of question it was asked for, as a warning
    /// (for what the teacher wrote and must change).
    pub fn warn(&mut self, entry: &Entry, message: String, help: &str) {
        self.warnings
            .push(Diagnostic::warning(entry.origin.clone(), message).with_help(help.to_owned()));
    }

    /// Notes in the generation report that question `id` about `entry` was not made, and why.
    pub fn drop(
        &mut self,
        entry: &Entry,
        id: String,
        kind: DropKind,
        reason: String,
        help: Option<&str>,
    ) {
        self.dropped.push(Dropped {
            question: id,
            entry: entry.id.clone(),
            origin: entry.origin.clone(),
            kind,
            reason,
            help: help.map(str::to_owned),
        });
    }
}

/// The question on when an event happened, at its date's precision ("In which month did
/// this happen?"), or began, for an event that lasted.
pub fn date_prompt(ctx: &Ctx<'_>, event: &Event) -> String {
    let key = match (event.date.precision(), event.end.is_some()) {
        (Precision::Year, false) => "q.year-of",
        (Precision::Month, false) => "q.month-of",
        (Precision::Day, false) => "q.day-of",
        (Precision::Year, true) => "q.year-began",
        (Precision::Month, true) => "q.month-began",
        (Precision::Day, true) => "q.day-began",
    };
    ctx.phrases
        .get(key, &[("event", &text::sentence(&event.text))])
}

/// Why a question was not made, by what a teacher can do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DropKind {
    /// The answer is a free phrase or a bound, which has no wrong options of its own: it is
    /// asked as a typed answer only (unless the fact lists wrong options).
    NoOptions,
    /// The answer is the full name of an acronym the question shows: wrong options would not
    /// fit its letters.
    Letters,
    /// Nothing in the statement can be swapped for a certainly wrong value.
    NoSwap,
    /// The course has too few values of the answer's type.
    TooFew,
    /// The question, its options or its own sentence would give the answer away.
    GivesAway,
    /// More than one answer would be right.
    TwoRight,
    /// A true-false statement on a person the teacher put in a class: such people are asked
    /// about in who questions and by position instead.
    Classed,
}

impl DropKind {
    /// Whether the teacher should look at it: the entry could be improved (the other kinds
    /// are how generation works, and the typed-answer question asks instead).
    pub fn actionable(self) -> bool {
        matches!(
            self,
            DropKind::TooFew | DropKind::GivesAway | DropKind::TwoRight
        )
    }

    /// What the kind means, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            DropKind::NoOptions => {
                "options for free phrases and bounds (\"more than 300\"), which have no wrong options of their own; the typed-answer questions ask for them"
            }
            DropKind::Letters => {
                "options for full names of acronyms, which other names would not fit; the typed-answer questions ask for them"
            }
            DropKind::NoSwap => {
                "false versions of statements with nothing that can be swapped; the true statements may still be asked"
            }
            DropKind::TooFew => "answers with too few wrong options of their type in the course",
            DropKind::GivesAway => "questions that would give their answer away",
            DropKind::TwoRight => "questions that would have two right answers",
            DropKind::Classed => {
                "true-false statements on people in a class, who are asked about in who questions and by position instead"
            }
        }
    }
}

/// A question that could not be made well, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// The id the question would have had.
    pub question: String,
    /// The entry it would have asked about.
    pub entry: String,
    /// Where the entry is written.
    pub origin: Location,
    /// What kind of reason it is.
    pub kind: DropKind,
    /// Why it was not made.
    pub reason: String,
    /// What the teacher can do, if anything.
    pub help: Option<String>,
}

/// A text cut to a length a one-line message can hold.
pub fn short(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The first choice of wrong options, in the order `more` gives them, that together with
/// the teacher's `given` ones make `n` and that `fair` accepts (no option stands out).
pub fn without_cue(
    given: &[String],
    more: &[String],
    n: usize,
    fair: impl Fn(&[String]) -> bool,
) -> Option<Vec<String>> {
    // Nine candidates give at most 84 choices of three: enough to find a fair set where
    // there is one, and bounded.
    const MAX_CANDIDATES: usize = 9;
    let k = n.checked_sub(given.len())?;
    let more = &more[..more.len().min(MAX_CANDIDATES)];
    if k > more.len() {
        return None;
    }
    // Index sets in lexicographic order, so the choice closest to the pool's own order wins.
    let mut picked: Vec<usize> = (0..k).collect();
    loop {
        let mut options = given.to_vec();
        options.extend(picked.iter().map(|&i| more[i].clone()));
        if fair(&options) {
            return Some(options);
        }
        // The next index set: bump the rightmost index that can still move.
        let i = (0..k).rev().find(|&i| picked[i] < more.len() - k + i)?;
        picked[i] += 1;
        for j in i + 1..k {
            picked[j] = picked[j - 1] + 1;
        }
    }
}

/// An answer and the other names the course gives it (an acronym, an alias): a question
/// that shows any of them gives it away.
pub fn answer_and_aliases(ctx: &Ctx<'_>, answer: &str) -> Vec<String> {
    let mut names = vec![answer.to_owned()];
    names.extend(ctx.pools.aliases(answer));
    let entry = ctx
        .pools
        .entry_named(answer)
        .and_then(|id| ctx.course.entry(id));
    match entry.map(|(_, e)| &e.kind) {
        Some(EntryKind::Organization(o)) => names.extend(o.acronym.clone()),
        Some(EntryKind::Term(t)) if t.term == answer => names.extend(t.expansion.clone()),
        Some(EntryKind::Term(t)) => names.push(t.term.clone()),
        _ => {}
    }
    names
}

/// What a teacher calls an entry, short: its term, name or the start of its text.
fn entry_label(entry: &Entry) -> String {
    match &entry.kind {
        EntryKind::Term(t) => t.term.clone(),
        EntryKind::Organization(o) => o.acronym.clone().unwrap_or_else(|| o.name.clone()),
        EntryKind::Person(p) => p.name.clone(),
        EntryKind::Event(e) => short(&e.text),
        EntryKind::Fact(f) => short(&f.cloze.plain()),
        EntryKind::Quote(q) => short(&q.text),
        EntryKind::Question(q) => short(&q.prompt),
    }
}

/// Text for "does one question give another away": lowercase words separated by single
/// spaces, punctuation dropped.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_normalized(&mut out, text);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Appends `text` normalized as [`normalize_text`] does, ending in a space if it ended in a
/// separator.
fn push_normalized(out: &mut String, text: &str) {
    let mut space = out.is_empty() || out.ends_with(' ');
    let bytes = text.as_bytes();
    let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if plain(b) {
            // A run of lowercase letters and digits is copied as it is, at once.
            let start = i;
            while i < bytes.len() && plain(bytes[i]) {
                i += 1;
            }
            out.push_str(&text[start..i]);
            space = false;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            space = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if matches!(c, '*' | '~' | '^' | '\\') {
            // Inline markup is not a word's end: "H~2~O" is "h2o".
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
}

/// Normalized text with a space at each end, so whole-word search is a substring search.
pub fn padded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    push_normalized(&mut out, text);
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The answers that are acronyms.
fn acronyms(answers: &[&str]) -> Vec<String> {
    answers
        .iter()
        .filter(|a| crate::values::is_acronym(a))
        .map(|a| (*a).to_owned())
        .collect()
}

/// The answers a question asks for, as other questions' texts would show them (`padded`):
/// those of three characters or more, and two-letter acronyms (`UN`, `EU`, `US`) unless
/// they spell a common word, which texts show as that word (`IT`, `IN`).
fn asked(answers: &[&str]) -> Vec<String> {
    const WORDS: [&str; 22] = [
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
        "no", "of", "on", "or", "so", "to", "we",
    ];
    answers
        .iter()
        .map(|raw| (raw.trim(), padded(raw)))
        .filter(|(raw, a)| {
            let n = a.chars().count();
            n >= 5
                || (n == 4
                    && raw.chars().count() == 2
                    && raw.chars().all(char::is_uppercase)
                    && !WORDS.contains(&a.trim()))
        })
        .map(|(_, a)| a)
        .collect()
}

/// Whether a padded answer appears in a padded text as whole words.
pub fn reveals(shown: &str, answer: &str) -> bool {
    answer.len() <= shown.len() && shown.contains(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_is_by_whole_words() {
        let shown =
            padded("In November 2021, Russia and the US submitted a draft to the First Committee.");
        assert!(reveals(&shown, &padded("First Committee")));
        assert!(reveals(&shown, &padded("November 2021")));
        assert!(!reveals(&shown, &padded("Committees")));
        // Answers under three characters are tracked when two-letter acronyms that are no
        // common word.
        assert_eq!(asked(&["us", "First Committee"]), [" first committee "]);
        assert_eq!(
            asked(&["UN", "First Committee"]),
            [" un ", " first committee "]
        );
        assert_eq!(asked(&["IT"]), Vec::<String>::new());
    }

    #[test]
    fn normalized_text_is_lowercase_words_one_space_apart() {
        // Runs of plain letters, capitals, digits, other alphabets, markup and punctuation.
        assert_eq!(
            padded("The UN's GGE, 2019–2021!"),
            " the un s gge 2019 2021 "
        );
        assert_eq!(
            padded("H~2~O and CO^2^ are *not* \\ words"),
            " h2o and co2 are not words "
        );
        assert_eq!(
            padded("Группа правительственных ЭКСПЕРТОВ (ГПЭ)"),
            " группа правительственных экспертов гпэ "
        );
        assert_eq!(padded("İstanbul Straße"), " i\u{307}stanbul straße ");
        assert_eq!(padded("  --  "), " ");
        assert_eq!(normalize_text("Côte d'Ivoire."), "côte d ivoire");
    }
}
