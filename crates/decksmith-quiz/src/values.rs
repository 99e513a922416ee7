//! What type an answer is, and wrong answers of the same type.
//!
//! Distractors come from the whole course by type: a person for a person, an organization
//! for an organization, a term for a term. Years, dates and numbers are also made near the
//! answer and written the way the answer is written (`more than 300` → `more than 400`,
//! `November 2021` → `September 2021`). Among candidates, those of similar length and form
//! are preferred; ties are broken by a seeded rank, so choices are reproducible and stable
//! when unrelated entries change.

use std::collections::{BTreeMap, HashMap, HashSet};

use decksmith_model::names::normalize_answer;
use decksmith_model::{Course, EntryKind, PartialDate, Precision};

use crate::rng;

/// The type of an answer, which decides where its distractors come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// A person's name.
    Person,
    /// An organization's full name.
    Organization,
    /// An acronym.
    Acronym,
    /// A term.
    Term,
    /// The full form of an acronym.
    Expansion,
    /// A person's position.
    Role,
    /// A four-digit year.
    Year,
    /// A date written out (`November 2021`, `June 16, 2021`).
    Date,
    /// A number, maybe with words around it (`107`, `more than 300`).
    Number,
    /// A roman numeral (`XVIII`).
    Roman,
    /// An ordinal (`76th`).
    Ordinal,
    /// A text in another language (the language code), translating a name of this kind.
    Translation(String, Named),
    /// Anything else.
    Text,
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
struct Item {
    text: String,
    norm: String,
    shape: Shape,
}

impl Item {
    fn new(text: &str) -> Item {
        Item {
            text: text.to_owned(),
            norm: normalize_answer(text),
            shape: Shape::of(text),
        }
    }
}

/// A name with every way of writing it.
#[derive(Clone, Debug)]
struct Spelled {
    main: Item,
    /// The name and its aliases, as written.
    spellings: Vec<String>,
    /// The same, normalized for comparison.
    all: Vec<String>,
}

impl Spelled {
    fn new(main: &str, aliases: &[String]) -> Spelled {
        let spellings: Vec<String> = std::iter::once(main.to_owned())
            .chain(aliases.iter().cloned())
            .collect();
        Spelled {
            main: Item::new(main),
            all: spellings.iter().map(|s| normalize_answer(s)).collect(),
            spellings,
        }
    }
}

/// Every value of the course by type.
#[derive(Clone, Debug, Default)]
pub struct Pools {
    people: Vec<Spelled>,
    organizations: Vec<Spelled>,
    acronyms: Vec<Spelled>,
    terms: Vec<Spelled>,
    expansions: Vec<Spelled>,
    roles: Vec<Item>,
    years: Vec<u16>,
    dates: Vec<PartialDate>,
    translations: BTreeMap<(String, Named), Vec<Item>>,
    texts: Vec<Item>,
    date_texts: Vec<Item>,
    /// Every normalized name, with the lists that hold it (flags below): classifying an
    /// answer is one lookup, not a scan of the course.
    kinds: HashMap<String, u8>,
    /// Every normalized name of a person, organization or term, with all its spellings.
    spellings: HashMap<String, Vec<String>>,
    /// Normalized values already in the value lists, by list, to keep them free of repeats.
    seen: HashSet<(u8, String)>,
}

const PERSON: u8 = 1;
const ACRONYM: u8 = 2;
const ORGANIZATION: u8 = 4;
const TERM: u8 = 8;
const EXPANSION: u8 = 16;

/// Adds `value` to a value list unless the list has it already (`list` names the list).
fn push_unique(seen: &mut HashSet<(u8, String)>, list: u8, items: &mut Vec<Item>, value: &str) {
    let item = Item::new(value);
    if seen.insert((list, item.norm.clone())) {
        items.push(item);
    }
}

impl Pools {
    /// The pools of a course.
    pub fn new(course: &Course) -> Pools {
        let mut pools = Pools::default();
        for (_, entry) in course.entries() {
            match &entry.kind {
                EntryKind::Person(p) => {
                    pools.people.push(Spelled::new(&p.name, &p.aliases));
                    push_unique(&mut pools.seen, 1, &mut pools.roles, &p.role);
                    pools.add_translations(Named::Person, &p.translations);
                }
                EntryKind::Organization(o) => {
                    pools.organizations.push(Spelled::new(&o.name, &o.aliases));
                    pools.expansions.push(Spelled::new(&o.name, &o.aliases));
                    if let Some(acronym) = &o.acronym {
                        pools.acronyms.push(Spelled::new(acronym, &[]));
                    }
                    pools.add_translations(Named::Organization, &o.translations);
                }
                EntryKind::Term(t) => {
                    pools.terms.push(Spelled::new(&t.term, &t.aliases));
                    if is_acronym(&t.term) {
                        pools.acronyms.push(Spelled::new(&t.term, &t.aliases));
                    }
                    if let Some(expansion) = &t.expansion {
                        pools.expansions.push(Spelled::new(expansion, &[]));
                    }
                    pools.add_translations(Named::Term, &t.translations);
                }
                EntryKind::Event(e) => {
                    pools.dates.push(e.date);
                    pools.years.push(e.date.year);
                    if let Some(end) = e.end {
                        pools.dates.push(end);
                        pools.years.push(end.year);
                    }
                }
                EntryKind::Quote(q) => {
                    if let Some(date) = q.date {
                        pools.years.push(date.year);
                    }
                }
                EntryKind::Fact(_) | EntryKind::Question(_) => {}
            }
        }
        pools.index_names();
        // Free-text answers (blanks and hand-written answers) pool by shape; values that are
        // names, dates or numbers already have their own pools.
        for (_, entry) in course.entries() {
            let answers: Vec<String> = match &entry.kind {
                EntryKind::Fact(f) => f.cloze.blanks().map(|b| b.answer.clone()).collect(),
                EntryKind::Question(q) => std::iter::once(q.answer.clone())
                    .chain(q.distractors.iter().cloned())
                    .collect(),
                _ => Vec::new(),
            };
            for answer in answers {
                match pools.classify(&answer) {
                    Class::Text => push_unique(&mut pools.seen, 2, &mut pools.texts, &answer),
                    Class::Date => push_unique(&mut pools.seen, 3, &mut pools.date_texts, &answer),
                    Class::Year => pools.years.extend(answer.trim().parse::<u16>()),
                    _ => {}
                }
            }
        }
        pools.years.sort_unstable();
        pools.years.dedup();
        pools
    }

    fn add_translations(&mut self, named: Named, translations: &[decksmith_model::Translation]) {
        for t in translations {
            let list = 4 + named as u8;
            let items = self
                .translations
                .entry((t.lang.clone(), named))
                .or_default();
            let item = Item::new(&t.text);
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
            (&self.acronyms, ACRONYM, false),
            (&self.organizations, ORGANIZATION, true),
            (&self.terms, TERM, true),
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

    /// The type of `value`.
    pub fn classify(&self, value: &str) -> Class {
        let flags = self
            .kinds
            .get(&normalize_answer(value))
            .copied()
            .unwrap_or(0);
        let has = |flag: u8| flags & flag != 0;
        if has(PERSON) {
            Class::Person
        } else if has(ACRONYM) && is_acronym(value) {
            Class::Acronym
        } else if has(ORGANIZATION) {
            Class::Organization
        } else if has(TERM) {
            Class::Term
        } else if has(EXPANSION) {
            Class::Expansion
        } else {
            classify_shape(value)
        }
    }

    /// Other ways of writing `value` that count as the same answer: the aliases of the
    /// person, organization or term it names.
    pub fn aliases(&self, value: &str) -> Vec<String> {
        let norm = normalize_answer(value);
        self.spellings
            .get(&norm)
            .map(|all| {
                all.iter()
                    .filter(|s| normalize_answer(s) != norm)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Up to `n` distractors for `answer` of type `class`, none equal to (or containing, or
    /// contained in) the answer or anything in `avoid`. `key` labels the decision for the
    /// seeded rank.
    pub fn distractors(
        &self,
        answer: &str,
        class: &Class,
        avoid: &[String],
        n: usize,
        seed: u64,
        key: &[&str],
    ) -> Vec<String> {
        let candidates = self.candidates(answer, class, rng::key(seed, key));
        pick_ranked(answer, candidates, avoid, n, seed, key)
    }

    /// Distractors for a date given as a [`PartialDate`], at its precision, written in
    /// `language`.
    pub fn date_distractors(
        &self,
        date: &PartialDate,
        language: &str,
        n: usize,
        seed: u64,
        key: &[&str],
    ) -> Vec<String> {
        let answer = date.display(language);
        let mut candidates: Vec<Candidate<'_>> = Vec::new();
        for other in nearby_dates(date) {
            let distance = date_distance(date, &other).min(12);
            candidates.push(Candidate::made(distance, other.display(language)));
        }
        for other in window(&self.dates, rng::key(seed, key)) {
            let other = other.truncate(date.precision());
            if other.precision() == date.precision() && other != *date {
                let distance = date_distance(date, &other).min(12);
                candidates.push(Candidate::made(distance, other.display(language)));
            }
        }
        pick_ranked(&answer, candidates, &[], n, seed, key)
    }

    /// The values that could be distractors for `answer`, read through a window placed by
    /// `at` (the question's key) when the pool is large.
    fn candidates(&self, answer: &str, class: &Class, at: u64) -> Vec<Candidate<'_>> {
        fn items(shape: Shape, list: &[Item], at: u64) -> Vec<Candidate<'_>> {
            window(list, at)
                .map(|item| Candidate::pooled(similarity(shape, item.shape), item))
                .collect()
        }
        fn named(shape: Shape, list: &[Spelled], at: u64) -> Vec<Candidate<'_>> {
            window(list, at)
                .map(|n| Candidate::pooled(similarity(shape, n.main.shape), &n.main))
                .collect()
        }
        fn made<'a>(list: Vec<(u32, String)>) -> Vec<Candidate<'a>> {
            list.into_iter()
                .map(|(d, text)| Candidate::made(d, text))
                .collect()
        }
        let shape = Shape::of(answer);
        match class {
            Class::Person => named(shape, &self.people, at),
            Class::Organization => named(shape, &self.organizations, at),
            Class::Acronym => named(shape, &self.acronyms, at),
            Class::Term => named(shape, &self.terms, at),
            Class::Expansion => named(shape, &self.expansions, at),
            Class::Role => items(shape, &self.roles, at),
            Class::Translation(lang, kind) => self
                .translations
                .get(&(lang.clone(), *kind))
                .map_or_else(Vec::new, |list| items(shape, list, at)),
            Class::Year => {
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
                made(out)
            }
            Class::Date => {
                let mut out = made(text_date_variants(answer));
                out.extend(
                    window(&self.date_texts, at)
                        .filter(|other| same_date_format(answer, &other.text))
                        .map(|other| Candidate::pooled(3, other)),
                );
                out
            }
            // Near numbers that would read as another type (841 → 1001, a year) are dropped.
            Class::Number => made(
                number_variants(answer)
                    .into_iter()
                    .filter(|(_, v)| classify_shape(v) == Class::Number)
                    .collect(),
            ),
            Class::Roman => made(roman_variants(answer)),
            Class::Ordinal => made(ordinal_variants(answer)),
            // Free texts are filtered by shape after the window, so the window is wider.
            Class::Text => window_of(&self.texts, at, 4 * WINDOW)
                .filter(|t| same_shape(shape, t.shape))
                .map(|t| Candidate::pooled(similarity(shape, t.shape), t))
                .collect(),
        }
    }
}

/// Pools larger than this are read through a window of this many values, placed by the
/// question's key: choosing distractors then costs the same per question whatever the size
/// of the course, and questions still draw from all over the pool. A smaller pool is read
/// whole.
const WINDOW: usize = 128;

/// The values of `list` in a window of [`WINDOW`] placed by `at` (all of them if fewer).
fn window<T>(list: &[T], at: u64) -> impl Iterator<Item = &T> {
    window_of(list, at, WINDOW)
}

fn window_of<T>(list: &[T], at: u64, size: usize) -> impl Iterator<Item = &T> {
    let (start, take) = if list.len() <= size {
        (0, list.len())
    } else {
        ((at % list.len() as u64) as usize, size)
    };
    (0..take).map(move |i| &list[(start + i) % list.len()])
}

/// A possible distractor: from a pool (already normalized) or made for this answer.
struct Candidate<'a> {
    score: u32,
    text: std::borrow::Cow<'a, str>,
    norm: Option<&'a str>,
}

impl<'a> Candidate<'a> {
    fn pooled(score: u32, item: &'a Item) -> Candidate<'a> {
        Candidate {
            score,
            text: std::borrow::Cow::Borrowed(&item.text),
            norm: Some(&item.norm),
        }
    }

    fn made(score: u32, text: String) -> Candidate<'a> {
        Candidate {
            score,
            text: std::borrow::Cow::Owned(text),
            norm: None,
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

/// The type of a value by its form alone.
pub fn classify_shape(value: &str) -> Class {
    let v = value.trim();
    if v.len() == 4
        && v.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<u16>().is_ok_and(|y| (1000..3000).contains(&y))
    {
        return Class::Year;
    }
    if parse_text_date(v).is_some() {
        return Class::Date;
    }
    if roman_value(v).is_some() {
        return Class::Roman;
    }
    if ordinal_value(v).is_some() {
        return Class::Ordinal;
    }
    if v.bytes().any(|b| b.is_ascii_digit()) && v.split_whitespace().count() <= 5 {
        return Class::Number;
    }
    Class::Text
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

/// Whether two free texts are of the same shape: similar word count, same capitalization.
fn same_shape(a: Shape, b: Shape) -> bool {
    a.words.abs_diff(b.words) <= 2.max(a.words / 2) && a.caps == b.caps
}

/// The `n` best candidates: by closeness, then by seeded rank; never equal to, containing or
/// contained in the answer, anything in `avoid`, or each other. Ranks are computed only for
/// the closeness buckets actually reached.
fn pick_ranked(
    answer: &str,
    mut candidates: Vec<Candidate<'_>>,
    avoid: &[String],
    n: usize,
    seed: u64,
    key: &[&str],
) -> Vec<String> {
    candidates.sort_by_key(|c| c.score);
    let mut taken: Vec<String> = std::iter::once(normalize_answer(answer))
        .chain(avoid.iter().map(|a| normalize_answer(a)))
        .filter(|a| !a.is_empty())
        .collect();
    let blocked = taken.len();
    let mut out = Vec::new();
    let mut start = 0;
    while start < candidates.len() && out.len() < n {
        let score = candidates[start].score;
        let end = start
            + candidates[start..]
                .iter()
                .take_while(|c| c.score == score)
                .count();
        let mut bucket: Vec<(u64, usize)> = (start..end)
            .map(|i| (rng::rank(seed, key, &candidates[i].text), i))
            .collect();
        bucket.sort_unstable();
        for (_, i) in bucket {
            if out.len() == n {
                break;
            }
            let candidate = &candidates[i];
            let owned;
            let norm = match candidate.norm {
                Some(norm) => norm,
                None => {
                    owned = normalize_answer(&candidate.text);
                    owned.as_str()
                }
            };
            if norm.is_empty() {
                continue;
            }
            let clash = taken
                .iter()
                .enumerate()
                .any(|(j, t)| t == norm || (j < blocked && overlaps(t, norm)));
            if !clash {
                taken.push(norm.to_owned());
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
            && long.match_indices(short).any(|(i, _)| {
                let before = long[..i].chars().next_back();
                let after = long[i + short.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    };
    contains(a, b) || contains(b, a)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The forms of written dates we can vary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateForm {
    /// `November 2021`
    MonthYear,
    /// `June 16, 2021`
    MonthDayYear,
    /// `16 June 2021`
    DayMonthYear,
    /// `2021-11`
    IsoMonth,
    /// `2021-11-16`
    IsoDay,
}

fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|i| i as u8 + 1)
}

fn parse_text_date(text: &str) -> Option<(DateForm, PartialDate)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let year = |w: &str| {
        w.parse::<u16>()
            .ok()
            .filter(|y| (1000..3000).contains(y) && w.len() == 4)
    };
    let day = |w: &str| {
        w.trim_end_matches(',')
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    let date = |form, y: u16, m: u8, d: Option<u8>| {
        let iso = match d {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        };
        PartialDate::parse(&iso).ok().map(|p| (form, p))
    };
    match words.as_slice() {
        [m, y] => date(DateForm::MonthYear, year(y)?, month_of(m)?, None),
        [m, d, y] if m.chars().next().is_some_and(char::is_alphabetic) => date(
            DateForm::MonthDayYear,
            year(y)?,
            month_of(m)?,
            Some(day(d)?),
        ),
        [d, m, y] => date(
            DateForm::DayMonthYear,
            year(y)?,
            month_of(m)?,
            Some(day(d)?),
        ),
        [iso] if iso.len() == 7 || iso.len() == 10 => {
            let p = PartialDate::parse(iso).ok()?;
            let form = if p.precision() == Precision::Day {
                DateForm::IsoDay
            } else if p.precision() == Precision::Month {
                DateForm::IsoMonth
            } else {
                return None;
            };
            Some((form, p))
        }
        _ => None,
    }
}

fn write_date(form: DateForm, date: &PartialDate) -> String {
    let month = date.month.map_or("", |m| MONTHS[m as usize - 1]);
    match (form, date.day) {
        (DateForm::MonthYear, _) => format!("{month} {}", date.year),
        (DateForm::MonthDayYear, Some(d)) => format!("{month} {d}, {}", date.year),
        (DateForm::DayMonthYear, Some(d)) => format!("{d} {month} {}", date.year),
        (DateForm::IsoMonth, _) | (DateForm::IsoDay, _) => date.to_string(),
        _ => format!("{month} {}", date.year),
    }
}

fn same_date_format(a: &str, b: &str) -> bool {
    match (parse_text_date(a), parse_text_date(b)) {
        (Some((fa, _)), Some((fb, _))) => fa == fb,
        _ => false,
    }
}

/// Dates near `date`, at its precision.
fn nearby_dates(date: &PartialDate) -> Vec<PartialDate> {
    let mut out = Vec::new();
    let shift_month = |k: i32| -> Option<PartialDate> {
        let m = i32::from(date.month?) - 1 + k;
        let year = i32::from(date.year) + m.div_euclid(12);
        let month = m.rem_euclid(12) as u8 + 1;
        let iso = match date.day {
            Some(d) => format!("{year:04}-{month:02}-{d:02}"),
            None => format!("{year:04}-{month:02}"),
        };
        PartialDate::parse(&iso).ok()
    };
    match date.precision() {
        Precision::Year => {
            for k in 1..=5u16 {
                for y in [date.year.saturating_sub(k), date.year + k] {
                    out.push(PartialDate {
                        year: y,
                        month: None,
                        day: None,
                    });
                }
            }
        }
        Precision::Month => {
            for k in 1..=6 {
                out.extend(shift_month(-k));
                out.extend(shift_month(k));
            }
        }
        Precision::Day => {
            for k in [1i32, 2, 3, 5, 7, 10] {
                for sign in [-1, 1] {
                    let day = i32::from(date.day.unwrap_or(1)) + sign * k;
                    if day >= 1 {
                        let iso =
                            format!("{:04}-{:02}-{:02}", date.year, date.month.unwrap_or(1), day);
                        out.extend(PartialDate::parse(&iso).ok());
                    }
                }
            }
            out.extend(shift_month(-1));
            out.extend(shift_month(1));
        }
    }
    out
}

fn date_distance(a: &PartialDate, b: &PartialDate) -> u32 {
    let months = |d: &PartialDate| i64::from(d.year) * 12 + i64::from(d.month.unwrap_or(1));
    match a.precision() {
        Precision::Year => u32::from(a.year.abs_diff(b.year)),
        Precision::Month => months(a).abs_diff(months(b)) as u32,
        Precision::Day => {
            let days = |d: &PartialDate| months(d) * 31 + i64::from(d.day.unwrap_or(1));
            (days(a).abs_diff(days(b)) as u32).div_ceil(2)
        }
    }
}

fn text_date_variants(answer: &str) -> Vec<(u32, String)> {
    let Some((form, date)) = parse_text_date(answer) else {
        return Vec::new();
    };
    nearby_dates(&date)
        .into_iter()
        .map(|d| (date_distance(&date, &d).min(12), write_date(form, &d)))
        .collect()
}

/// `more than 300` → (prefix `more than `, 300, suffix ``).
fn split_number(text: &str) -> Option<(&str, u64, &str)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    let digits = rest[..len].trim_end_matches(',');
    let value = digits.replace(',', "").parse().ok()?;
    Some((&text[..start], value, &text[start + digits.len()..]))
}

fn number_variants(answer: &str) -> Vec<(u32, String)> {
    let Some((prefix, n, suffix)) = split_number(answer) else {
        return Vec::new();
    };
    let step = if n >= 100 && n % 100 == 0 {
        100
    } else if n >= 10 && n % 10 == 0 {
        10
    } else if n < 10 {
        1
    } else {
        let tenth = (n as f64 * 0.1).round() as u64;
        let magnitude = 10u64.pow(tenth.max(1).ilog10());
        (tenth / magnitude).max(1) * magnitude
    };
    let grouped = answer.contains(',');
    (1..=5u64)
        .flat_map(|k| [n.checked_sub(k * step), n.checked_add(k * step)].map(move |v| (k, v)))
        .filter_map(|(k, v)| v.filter(|&v| v > 0).map(|v| (k, v)))
        .map(|(k, v)| {
            let digits = if grouped {
                group_thousands(v)
            } else {
                v.to_string()
            };
            (k as u32, format!("{prefix}{digits}{suffix}"))
        })
        .collect()
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || !text.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let chars: Vec<u32> = text.chars().map(value).collect();
    let mut total = 0;
    for (i, v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only canonical numerals: "IIII" is not one.
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn roman_variants(answer: &str) -> Vec<(u32, String)> {
    let Some(n) = roman_value(answer.trim()) else {
        return Vec::new();
    };
    (1..=4u32)
        .flat_map(|k| [n.checked_sub(k), Some(n + k)].map(move |v| (k, v)))
        .filter_map(|(k, v)| v.filter(|&v| v > 0).map(|v| (k, to_roman(v))))
        .collect()
}

fn ordinal_value(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let n: u32 = digits.parse().ok()?;
    (ordinal_suffix(n) == suffix).then_some(n)
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn ordinal_variants(answer: &str) -> Vec<(u32, String)> {
    let Some(n) = ordinal_value(answer.trim()) else {
        return Vec::new();
    };
    (1..=4u32)
        .flat_map(|k| [n.checked_sub(k), Some(n + k)].map(move |v| (k, v)))
        .filter_map(|(k, v)| {
            v.filter(|&v| v > 0)
                .map(|v| (k, format!("{v}{}", ordinal_suffix(v))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(answer: &str, class: Class, n: usize) -> Vec<String> {
        Pools::default().distractors(answer, &class, &[], n, 1, &["t"])
    }

    #[test]
    fn classifies_by_form() {
        assert_eq!(classify_shape("2021"), Class::Year);
        assert_eq!(classify_shape("November 2021"), Class::Date);
        assert_eq!(classify_shape("September 18, 2024"), Class::Date);
        assert_eq!(classify_shape("XVIII"), Class::Roman);
        assert_eq!(classify_shape("76th"), Class::Ordinal);
        assert_eq!(classify_shape("more than 300"), Class::Number);
        assert_eq!(classify_shape("defensive realism"), Class::Text);
        assert_eq!(classify_shape("I"), Class::Roman);
    }

    #[test]
    fn numbers_keep_their_words_and_stay_near() {
        let d = take("more than 300", Class::Number, 3);
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|x| x.starts_with("more than ")), "{d:?}");
        assert!(
            d.contains(&"more than 200".to_owned()) && d.contains(&"more than 400".to_owned()),
            "{d:?}"
        );
        let d = take("107", Class::Number, 3);
        assert!(
            d.iter().all(|x| x
                .parse::<u32>()
                .is_ok_and(|v| (57..=157).contains(&v) && v != 107)),
            "{d:?}"
        );
        let d = take("four rounds (4)", Class::Number, 2);
        assert!(d.iter().all(|x| x.starts_with("four rounds (")), "{d:?}");
    }

    #[test]
    fn dates_keep_their_form() {
        let d = take("November 2021", Class::Date, 3);
        assert!(
            d.iter()
                .all(|x| x.ends_with(" 2021") || x.ends_with(" 2022")),
            "{d:?}"
        );
        assert!(!d.contains(&"November 2021".to_owned()));
        let d = take("June 16, 2021", Class::Date, 3);
        assert!(
            d.iter()
                .all(|x| parse_text_date(x).is_some_and(|(f, _)| f == DateForm::MonthDayYear)),
            "{d:?}"
        );
    }

    #[test]
    fn numerals_and_ordinals() {
        let d = take("XVIII", Class::Roman, 2);
        assert_eq!(d.len(), 2);
        assert!(
            d.iter().all(|x| ["XVII", "XIX"].contains(&x.as_str())),
            "{d:?}"
        );
        assert_eq!(roman_value("IIII"), None);
        let d = take("76th", Class::Ordinal, 2);
        assert!(
            d.iter().all(|x| ["75th", "77th"].contains(&x.as_str())),
            "{d:?}"
        );
        assert_eq!(ordinal_value("22nd"), Some(22));
        assert_eq!(ordinal_value("22th"), None);
    }

    #[test]
    fn never_offers_the_answer_or_a_containing_option() {
        let candidates = [
            "First Committee",
            "UNGA First Committee",
            "Second Committee",
            "first committee",
            "Third Committee",
        ]
        .into_iter()
        .map(|t| Candidate::made(0, t.to_owned()))
        .collect();
        let d = pick_ranked("First Committee", candidates, &[], 5, 1, &["t"]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(
            d.contains(&"Second Committee".to_owned()) && d.contains(&"Third Committee".to_owned())
        );
    }

    #[test]
    fn aliases_of_named_things() {
        let mut pools = Pools::default();
        pools.people.push(Spelled::new(
            "Oleg V. Khramov",
            &["Oleg Khramov".to_owned()],
        ));
        pools.index_names();
        assert_eq!(pools.aliases("oleg v. khramov"), ["Oleg Khramov"]);
        assert_eq!(pools.aliases("Oleg Khramov"), ["Oleg V. Khramov"]);
        assert!(pools.aliases("nobody").is_empty());
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("OEWG"));
        assert!(is_acronym("UNGGE"));
        assert!(!is_acronym("UN GGE"));
        assert!(!is_acronym("Interpol"));
    }
}
