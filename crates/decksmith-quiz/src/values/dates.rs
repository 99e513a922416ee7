//! Dates written out in text (`November 2021`, `June 16, 2021`, `16 June 2021`), month names,
//! and dates near a given one at its precision, written the same way.

use decksmith_model::{PartialDate, Precision};

/// English month names.
pub const MONTHS: [&str; 12] = [
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

/// The month (1–12) an English month name stands for.
pub fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|i| i as u8 + 1)
}

/// A date written out, with how it is written.
pub fn parse_text_date(text: &str) -> Option<(DateForm, PartialDate)> {
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

/// Whether two texts are dates written the same way.
pub fn same_date_format(a: &str, b: &str) -> bool {
    match (parse_text_date(a), parse_text_date(b)) {
        (Some((fa, _)), Some((fb, _))) => fa == fb,
        _ => false,
    }
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
pub fn text_date_variants(answer: &str) -> Vec<(u32, String)> {
    let Some((form, date)) = parse_text_date(answer) else {
        return Vec::new();
    };
    nearby_dates(&date)
        .into_iter()
        .map(|d| (date_distance(&date, &d).min(12), write_date(form, &d)))
        .collect()
}

/// Russian month names in the nominative, for recognising a month named alone.
const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// The month (1–12) a month name alone stands for (`December`, `декабрь`), if it is one.
pub fn month_name(text: &str) -> Option<u8> {
    let word = text.trim();
    month_of(word).or_else(|| {
        let lower = word.to_lowercase();
        MONTHS_RU
            .iter()
            .position(|m| *m == lower)
            .map(|i| i as u8 + 1)
    })
}

/// Other month names near `answer` (a month name alone), written in its language and case:
/// the nearest months first.
pub fn month_variants(answer: &str) -> Vec<(u32, String)> {
    let Some(month) = month_name(answer) else {
        return Vec::new();
    };
    let russian = answer
        .chars()
        .any(|c| ('\u{0400}'..='\u{04ff}').contains(&c));
    let capital = answer.trim().chars().next().is_some_and(char::is_uppercase);
    (1..=12u8)
        .filter(|&m| m != month)
        .map(|m| {
            let distance = u32::from(m.abs_diff(month).min(12 - m.abs_diff(month)));
            let name = if russian {
                let name = MONTHS_RU[m as usize - 1];
                if capital {
                    let mut chars = name.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                } else {
                    name.to_owned()
                }
            } else {
                MONTHS[m as usize - 1].to_owned()
            };
            (distance, name)
        })
        .collect()
}

/// Russian month names in the genitive (`декабря`), as dates are written.
const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The month (1–12) of a Russian month name in the genitive (`декабря`).
pub fn month_name_ru_genitive(text: &str) -> Option<u8> {
    let lower = text.trim().to_lowercase();
    MONTHS_RU_GENITIVE
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u8 + 1)
}
