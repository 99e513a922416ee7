//! Dates written out in text (`November 2021`, `June 16, 2021`, `16 June 2021`), month names,
//! and dates near a given one at its precision, written the same way.
//!
//! Month names are read and written in [`Months`]: the built-in English and Russian ones
//! (the phrasebook's `month.N`), and a course's own when its `strings:` name months.

use std::sync::LazyLock;

use decksmith_model::{Course, PartialDate, Precision};

use crate::phrases::{BUILT_IN, MonthNames, PHRASES, Phrasebook};

static ENGLISH: LazyLock<MonthNames> =
    LazyLock::new(|| MonthNames::of(&Phrasebook::new(PHRASES, "en", &BUILT_IN)));
static RUSSIAN: LazyLock<MonthNames> =
    LazyLock::new(|| MonthNames::of(&Phrasebook::new(PHRASES, "ru", &BUILT_IN)));

/// The month names values are read and written in: the built-in English and Russian ones,
/// and the course's own when its `strings:` name months (`month.6: Juni`).
#[derive(Clone, Debug, Default)]
pub struct Months {
    own: Option<MonthNames>,
}

/// Which names a month was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Names {
    English,
    Russian,
    Own,
}

impl Months {
    /// The month names of `course`: its own, in its language, if its `strings:` give any.
    pub fn of_course(course: &Course) -> Months {
        let names_months = course.strings.keys().any(|key| key.starts_with("month."));
        Months {
            own: names_months.then(|| {
                MonthNames::of(&Phrasebook::new(PHRASES, &course.language, &course.strings))
            }),
        }
    }

    fn names(&self, which: Names) -> &MonthNames {
        match (which, &self.own) {
            (Names::Own, Some(own)) => own,
            (Names::Russian, _) => &RUSSIAN,
            _ => &ENGLISH,
        }
    }

    /// The month a word of a written date stands for (`June` in `June 16, 2021`), with the
    /// names it is written in: English, else the course's own.
    fn in_text_date(&self, word: &str) -> Option<(u8, Names)> {
        if let Some(month) = ENGLISH.find_alone(word, |a, b| a.eq_ignore_ascii_case(b)) {
            return Some((month, Names::English));
        }
        let own = self.own.as_ref()?;
        let lower = word.to_lowercase();
        own.find_alone_lowercase(&lower)
            .or_else(|| own.find_after_day_lowercase(&lower))
            .map(|month| (month, Names::Own))
    }

    /// Whether `word` (trimmed) is short enough to be a month name in any of the names read:
    /// most values are not, and need not be lowercased and compared with every name.
    fn may_be_month(&self, word: &str) -> bool {
        ENGLISH.may_be(word)
            || RUSSIAN.may_be(word)
            || self.own.as_ref().is_some_and(|own| own.may_be(word))
    }

    /// The month (1–12) a name standing alone stands for (`December`, `декабрь`).
    pub fn month_alone(&self, text: &str) -> Option<u8> {
        self.alone(text).map(|(month, _)| month)
    }

    /// The month a name standing alone stands for (`December`, `декабрь`), with the names it
    /// is written in.
    fn alone(&self, text: &str) -> Option<(u8, Names)> {
        let word = text.trim();
        if !self.may_be_month(word) {
            return None;
        }
        if let Some(month) = ENGLISH.find_alone(word, |a, b| a.eq_ignore_ascii_case(b)) {
            return Some((month, Names::English));
        }
        let lower = word.to_lowercase();
        if let Some(month) = RUSSIAN.find_alone_lowercase(&lower) {
            return Some((month, Names::Russian));
        }
        let own = self.own.as_ref()?;
        own.find_alone_lowercase(&lower)
            .map(|month| (month, Names::Own))
    }

    /// The month (1–12) a month name alone stands for (`December`, `декабрь`), if it is one.
    pub fn month_name(&self, text: &str) -> Option<u8> {
        self.alone(text).map(|(month, _)| month)
    }

    /// The month (1–12) a word of a date stands for, in any form (`December`, `декабрь`,
    /// `декабря`).
    pub fn month_in_date(&self, word: &str) -> Option<u8> {
        if !self.may_be_month(word.trim()) {
            return None;
        }
        self.month_name(word)
            .or_else(|| {
                let lower = word.trim().to_lowercase();
                RUSSIAN.find_after_day_lowercase(&lower)
            })
            .or_else(|| self.in_text_date(word.trim()).map(|(month, _)| month))
    }
}

/// The forms of written dates we can vary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
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

/// A date written out, with how it is written.
pub fn parse_text_date(months: &Months, text: &str) -> Option<(DateForm, PartialDate)> {
    parse_written(months, text).map(|(form, date, _)| (form, date))
}

/// A date written out, with how it is written and the month names it is written in.
fn parse_written(months: &Months, text: &str) -> Option<(DateForm, PartialDate, Names)> {
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
    let month = |w: &str| months.in_text_date(w);
    let date = |form, y: u16, (m, names): (u8, Names), d: Option<u8>| {
        let iso = match d {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        };
        PartialDate::parse(&iso).ok().map(|p| (form, p, names))
    };
    match words.as_slice() {
        [m, y] => date(DateForm::MonthYear, year(y)?, month(m)?, None),
        [m, d, y] if m.chars().next().is_some_and(char::is_alphabetic) => {
            date(DateForm::MonthDayYear, year(y)?, month(m)?, Some(day(d)?))
        }
        [d, m, y] => date(DateForm::DayMonthYear, year(y)?, month(m)?, Some(day(d)?)),
        [iso] if iso.len() == 7 || iso.len() == 10 => {
            let p = PartialDate::parse(iso).ok()?;
            let form = if p.precision() == Precision::Day {
                DateForm::IsoDay
            } else if p.precision() == Precision::Month {
                DateForm::IsoMonth
            } else {
                return None;
            };
            Some((form, p, Names::English))
        }
        _ => None,
    }
}

fn write_date(form: DateForm, date: &PartialDate, names: &MonthNames) -> String {
    let alone = date.month.map_or("", |m| names.alone(m));
    let after_day = date.month.map_or("", |m| names.after_day(m));
    match (form, date.day) {
        (DateForm::MonthYear, _) => format!("{alone} {}", date.year),
        (DateForm::MonthDayYear, Some(d)) => format!("{after_day} {d}, {}", date.year),
        (DateForm::DayMonthYear, Some(d)) => format!("{d} {after_day} {}", date.year),
        (DateForm::IsoMonth, _) | (DateForm::IsoDay, _) => date.to_string(),
        _ => format!("{alone} {}", date.year),
    }
}

/// Whether two texts are dates written the same way.
pub fn same_date_format(months: &Months, a: &str, b: &str) -> bool {
    match (parse_text_date(months, a), parse_text_date(months, b)) {
        (Some((fa, _)), Some((fb, _))) => fa == fb,
        _ => false,
    }
}

/// Where a date falls in time, in days (months count 31): for ordering dates alone.
pub fn day_number(date: &PartialDate) -> i64 {
    (i64::from(date.year) * 12 + i64::from(date.month.unwrap_or(1))) * 31
        + i64::from(date.day.unwrap_or(1))
}

/// Dates near `date`, at its precision.
pub fn nearby_dates(date: &PartialDate) -> Vec<PartialDate> {
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
            // Days before the 1st fall in the month before (31 October for 3 November − 3),
            // so that the nearest days are days, never the same day of another month among
            // days of this one.
            for k in [1i32, 2, 3, 5, 7, 10] {
                for sign in [-1, 1] {
                    out.extend(add_days(date, sign * k));
                }
            }
            out.extend(shift_month(-1));
            out.extend(shift_month(1));
        }
    }
    out
}

/// The same day in the months around `date` (a day-precision date), for a false statement:
/// a day or two off is a trap no student is expected to see, another month is not.
pub fn same_day_other_months(date: &PartialDate) -> Vec<PartialDate> {
    let (Some(month), Some(day)) = (date.month, date.day) else {
        return Vec::new();
    };
    [-1i32, 1, -2, 2, -3, 3]
        .into_iter()
        .filter_map(|k| {
            let m = i32::from(month) - 1 + k;
            let year = i32::from(date.year) + m.div_euclid(12);
            let month = m.rem_euclid(12) + 1;
            PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
        })
        .collect()
}

/// The days in a month of a year (February by the Gregorian rule).
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A day-precision date `k` days later (earlier when negative), across months and years.
fn add_days(date: &PartialDate, k: i32) -> Option<PartialDate> {
    let (mut year, mut month) = (i32::from(date.year), u32::from(date.month?));
    let mut day = i32::from(date.day?) + k;
    while day < 1 {
        (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        day += days_in_month(year, month) as i32;
    }
    while day > days_in_month(year, month) as i32 {
        day -= days_in_month(year, month) as i32;
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// How far apart two dates are, in units of the first one's precision.
pub fn date_distance(a: &PartialDate, b: &PartialDate) -> u32 {
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

/// Dates near a written date, written the same way, with their distance.
pub fn text_date_variants(months: &Months, answer: &str) -> Vec<(u32, String)> {
    written_like(months, answer, nearby_dates)
}

/// A written date's day in the months around it, written the same way, with their
/// distance: for a false statement (see [`same_day_other_months`]). Empty when the answer
/// gives no day.
pub fn same_day_written(months: &Months, answer: &str) -> Vec<(u32, String)> {
    written_like(months, answer, same_day_other_months)
}

/// The dates `others` gives for the written date `answer`, written as it is, with their
/// distance from it.
fn written_like(
    months: &Months,
    answer: &str,
    others: fn(&PartialDate) -> Vec<PartialDate>,
) -> Vec<(u32, String)> {
    let Some((form, date, names)) = parse_written(months, answer) else {
        return Vec::new();
    };
    let names = months.names(names);
    others(&date)
        .into_iter()
        .map(|d| {
            (
                date_distance(&date, &d).min(12),
                write_date(form, &d, names),
            )
        })
        .collect()
}

/// Other month names near `answer` (a month name alone), written in its language and case:
/// the nearest months first.
pub fn month_variants(months: &Months, answer: &str) -> Vec<(u32, String)> {
    let Some((month, which)) = months.alone(answer) else {
        return Vec::new();
    };
    let names = months.names(which);
    let capital = answer.trim().chars().next().is_some_and(char::is_uppercase);
    (1..=12u8)
        .filter(|&m| m != month)
        .map(|m| {
            let distance = u32::from(m.abs_diff(month).min(12 - m.abs_diff(month)));
            let name = names.alone(m);
            let name = if which == Names::Russian && capital {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                name.to_owned()
            };
            (distance, name)
        })
        .collect()
}
