//! Dates at the precision the sources give them: a year, a month or a day.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

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

/// English month names, for diagnostics (dates are written out for students by the
/// quiz crate's phrasebook, in the course's words).
const MONTH_NAMES: [&str; 12] = [
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
                        MONTH_NAMES[m as usize - 1]
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

    /// For a date written the other way round (`25.04.1953`, `04/1953`, `1953/04/25`), the
    /// help line that spells it as decksmith reads it: "write it as `1953-04-25` (year,
    /// month, day)". A date with slashes whose day and month could be either way round gets
    /// both readings.
    pub fn suggest(text: &str) -> Option<String> {
        let text = text.trim();
        let separator = ['.', '/', '-', ' ']
            .into_iter()
            .find(|c| text.contains(*c))?;
        let parts: Vec<&str> = text.split(separator).collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let two = |p: &str| format!("{p:0>2}");
        let valid = |iso: String| PartialDate::parse(&iso).is_ok().then_some(iso);
        let readings: Vec<String> = match parts.as_slice() {
            [year, month, day] if year.len() == 4 => {
                valid(format!("{year}-{}-{}", two(month), two(day)))
                    .into_iter()
                    .collect()
            }
            [a, b, year] if year.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
                let day_first = valid(format!("{year}-{}-{}", two(b), two(a)));
                let month_first = valid(format!("{year}-{}-{}", two(a), two(b)));
                match (separator, day_first, month_first) {
                    // Dots and dashes put the day first wherever they are used.
                    ('/', Some(d), Some(m)) if d != m => vec![d, m],
                    ('/', None, Some(m)) => vec![m],
                    (_, Some(d), _) => vec![d],
                    _ => Vec::new(),
                }
            }
            [month, year] if year.len() == 4 && month.len() <= 2 => {
                valid(format!("{year}-{}", two(month)))
                    .into_iter()
                    .collect()
            }
            [year, month] if year.len() == 4 && month.len() <= 2 && separator != '-' => {
                valid(format!("{year}-{}", two(month)))
                    .into_iter()
                    .collect()
            }
            _ => Vec::new(),
        };
        let what = |iso: &str| match iso.len() {
            7 => "year and month",
            _ => "year, month, day",
        };
        match readings.as_slice() {
            [one] => Some(format!("write it as `{one}` ({})", what(one))),
            [day_first, month_first] => Some(format!(
                "write it as `{day_first}` if the day comes first, or `{month_first}` if the month does (year, month, day)"
            )),
            _ => None,
        }
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
    fn dates_written_the_other_way_round_are_spelt_out() {
        let help = |text: &str| PartialDate::suggest(text);
        assert_eq!(
            help("25.04.1953").as_deref(),
            Some("write it as `1953-04-25` (year, month, day)")
        );
        assert_eq!(
            help("5.4.1953").as_deref(),
            Some("write it as `1953-04-05` (year, month, day)")
        );
        assert_eq!(
            help("04/25/1953").as_deref(),
            Some("write it as `1953-04-25` (year, month, day)")
        );
        assert_eq!(
            help("05/04/1953").as_deref(),
            Some(
                "write it as `1953-04-05` if the day comes first, or `1953-05-04` if the month does (year, month, day)"
            )
        );
        assert_eq!(
            help("1953/04/25").as_deref(),
            Some("write it as `1953-04-25` (year, month, day)")
        );
        assert_eq!(
            help("04.1953").as_deref(),
            Some("write it as `1953-04` (year and month)")
        );
        // Not a date either way: the general help stays.
        for text in [
            "31.02.1953",
            "2021-13",
            "21-06",
            "1953",
            "12.5",
            "next week",
        ] {
            assert_eq!(help(text), None, "{text}");
        }
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
}
