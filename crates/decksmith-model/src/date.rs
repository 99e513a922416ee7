//! Dates at the precision the sources give them: a year, a month or a day.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::course::is_russian;

/// A year, a year and month, or a full date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: u16,
    /// The month (1–12), if known.
    pub month: Option<u8>,
    /// The day of the month, if known (only with a month).
    pub day: Option<u8>,
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// Why a date could not be read; the message completes "… is not a date: ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

const MONTHS_EN: [&str; 12] = [
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

impl PartialDate {
    /// Reads `2021`, `2021-11` or `2021-11-16`.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, digits: usize, what: &str| -> Result<u32, DateError> {
            if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse()
                    .map_err(|_| DateError(format!("the {what} is not a number")))
            } else {
                Err(DateError(format!("the {what} should have {digits} digits")))
            }
        };
        if text.chars().any(char::is_alphabetic) {
            return Err(DateError("it is written in words, not digits".into()));
        }
        if parts.len() > 3 || text.is_empty() {
            return Err(DateError("expected YYYY, YYYY-MM or YYYY-MM-DD".into()));
        }
        let year = number(parts[0], 4, "year")?;
        if year == 0 {
            return Err(DateError("there is no year 0000".into()));
        }
        let month = match parts.get(1) {
            Some(m) => {
                let m = number(m, 2, "month")?;
                if !(1..=12).contains(&m) {
                    return Err(DateError(format!("there is no month {m}")));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d = number(d, 2, "day")?;
                let last = days_in_month(year as u16, u32::from(m));
                if d == 0 || d > u32::from(last) {
                    return Err(DateError(format!(
                        "{} {year} has no day {d}",
                        MONTHS_EN[m as usize - 1]
                    )));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(PartialDate {
            year: year as u16,
            month,
            day,
        })
    }

    /// How precise the date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The date cut to a coarser precision.
    pub fn truncate(&self, precision: Precision) -> PartialDate {
        PartialDate {
            year: self.year,
            month: if precision >= Precision::Month {
                self.month
            } else {
                None
            },
            day: if precision >= Precision::Day {
                self.day
            } else {
                None
            },
        }
    }

    /// A key that sorts dates chronologically, a less precise date before the more precise
    /// dates inside it.
    pub fn sort_key(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// The order of two dates when it is certain: `None` when they are the same at the
    /// coarser of the two precisions (2021 and 2021-11 cannot be ordered).
    pub fn certain_order(&self, other: &PartialDate) -> Option<Ordering> {
        let precision = self.precision().min(other.precision());
        let (a, b) = (self.truncate(precision), other.truncate(precision));
        match a.sort_key().cmp(&b.sort_key()) {
            Ordering::Equal => None,
            order => Some(order),
        }
    }

    /// The date written out for people, in English (`16 June 2021`, `November 2021`, `2021`)
    /// or Russian (`16 июня 2021 г.`, `ноябрь 2021 г.`, `2021 г.`).
    pub fn display(&self, language: &str) -> String {
        match (self.month, self.day, is_russian(language)) {
            (Some(m), Some(d), false) => format!("{d} {} {}", MONTHS_EN[m as usize - 1], self.year),
            (Some(m), None, false) => format!("{} {}", MONTHS_EN[m as usize - 1], self.year),
            (_, _, false) => self.year.to_string(),
            (Some(m), Some(d), true) => {
                format!(
                    "{d} {} {} г.",
                    MONTHS_RU_GENITIVE[m as usize - 1],
                    self.year
                )
            }
            (Some(m), None, true) => format!("{} {} г.", MONTHS_RU[m as usize - 1], self.year),
            (_, _, true) => format!("{} г.", self.year),
        }
    }
}

/// A span of time written as people write it: `21–27 December 1968`, `30 November –
/// 2 December 1968`, `November–December 2021`, `2019–2021`, or in Russian `21–27 декабря
/// 1968 г.`, `2019–2021 гг.`; a single date when `end` is `None` or the same day.
pub fn display_range(start: &PartialDate, end: Option<&PartialDate>, language: &str) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return start.display(language);
    };
    let ru = is_russian(language);
    let month = |m: u8, genitive: bool| -> &'static str {
        let i = m as usize - 1;
        match (ru, genitive) {
            (false, _) => MONTHS_EN[i],
            (true, true) => MONTHS_RU_GENITIVE[i],
            (true, false) => MONTHS_RU[i],
        }
    };
    let year_mark = if ru { " г." } else { "" };
    let same_year = start.year == end.year;
    match (start.month, start.day, end.month, end.day) {
        (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year && m1 == m2 => {
            format!("{d1}–{d2} {} {}{year_mark}", month(m1, true), start.year)
        }
        (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year => format!(
            "{d1} {} – {d2} {} {}{year_mark}",
            month(m1, true),
            month(m2, true),
            start.year
        ),
        (Some(m1), None, Some(m2), None) if same_year => {
            format!(
                "{}–{} {}{year_mark}",
                month(m1, false),
                month(m2, false),
                start.year
            )
        }
        (None, None, None, None) => {
            let years_mark = if ru { " гг." } else { "" };
            format!("{}–{}{years_mark}", start.year, end.year)
        }
        _ => format!("{} – {}", start.display(language), end.display(language)),
    }
}

fn days_in_month(year: u16, month: u32) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    /// ISO form at the date's own precision: `2021`, `2021-11`, `2021-11-16`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_people_write_them() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let r = |a: &str, b: &str, l: &str| display_range(&d(a), Some(&d(b)), l);
        assert_eq!(r("1968-12-21", "1968-12-27", "en"), "21–27 December 1968");
        assert_eq!(
            r("1968-11-30", "1968-12-02", "en"),
            "30 November – 2 December 1968"
        );
        assert_eq!(r("2021-11", "2021-12", "en"), "November–December 2021");
        assert_eq!(r("2019", "2021", "en"), "2019–2021");
        assert_eq!(
            r("1968-12", "1969-01", "en"),
            "December 1968 – January 1969"
        );
        assert_eq!(r("1968-12-21", "1968-12-27", "ru"), "21–27 декабря 1968 г.");
        assert_eq!(r("2019", "2021", "ru"), "2019–2021 гг.");
        assert_eq!(display_range(&d("2021-06-16"), None, "en"), "16 June 2021");
    }

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(PartialDate::parse("2021").unwrap().to_string(), "2021");
        assert_eq!(
            PartialDate::parse("2021-11").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2024-02-29").unwrap().to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert_eq!(
            PartialDate::parse("2021-13").unwrap_err().0,
            "there is no month 13"
        );
        assert_eq!(
            PartialDate::parse("2023-02-29").unwrap_err().0,
            "February 2023 has no day 29"
        );
        assert_eq!(
            PartialDate::parse("November 2021").unwrap_err().0,
            "it is written in words, not digits"
        );
        assert_eq!(
            PartialDate::parse("21-11").unwrap_err().0,
            "the year should have 4 digits"
        );
    }

    #[test]
    fn orders_only_when_certain_at_the_coarser_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("2019").certain_order(&d("2021-11")), Some(Ordering::Less));
        assert_eq!(d("2021").certain_order(&d("2021-11")), None);
        assert_eq!(
            d("2021-06-16").certain_order(&d("2021-11")),
            Some(Ordering::Less)
        );
        assert_eq!(
            d("2021-11-03").certain_order(&d("2021-11-30")),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn displays_in_english_and_russian() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("2021-06-16").display("en"), "16 June 2021");
        assert_eq!(d("2021-11").display("en"), "November 2021");
        assert_eq!(d("2021-06-16").display("ru"), "16 июня 2021 г.");
        assert_eq!(d("2024").display("ru"), "2024 г.");
    }
}
