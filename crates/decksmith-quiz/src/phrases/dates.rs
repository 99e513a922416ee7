//! Dates written out in the course's words: month names and the patterns around them are
//! phrases (`month.11`, `date.day`, `dates.years`, …), so a course can write them its way.

use decksmith_model::PartialDate;

use super::Phrasebook;

/// The month names of one language: standing alone (`November 2021`, `ноябрь 2021 г.`) and
/// after a day (`16 June`, Russian's genitive `16 июня`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthNames {
    alone: [String; 12],
    after_day: [String; 12],
    /// The most characters any of the names has once lowercased: a longer word is none of
    /// them, however it is compared.
    longest: usize,
    /// The names lowercased (character by character), to compare lowercased words with.
    alone_lower: [String; 12],
    after_day_lower: [String; 12],
}

impl MonthNames {
    /// The month names of a phrasebook.
    pub fn of(phrases: &Phrasebook<'_>) -> MonthNames {
        let alone: [String; 12] = std::array::from_fn(|i| phrases.month(i as u8 + 1));
        let after_day: [String; 12] = std::array::from_fn(|i| phrases.month_after_day(i as u8 + 1));
        // Lowercasing never makes fewer characters, so this bounds a name's length both as
        // written and lowercased.
        let longest = alone
            .iter()
            .chain(&after_day)
            .map(|name| name.chars().flat_map(char::to_lowercase).count())
            .max()
            .unwrap_or(0);
        let lower = |names: &[String; 12]| -> [String; 12] {
            std::array::from_fn(|i| names[i].chars().flat_map(char::to_lowercase).collect())
        };
        MonthNames {
            alone_lower: lower(&alone),
            after_day_lower: lower(&after_day),
            alone,
            after_day,
            longest,
        }
    }

    /// Whether `word` is short enough to be one of the names, compared as written, ignoring
    /// ASCII case, or lowercased (lowercasing a word never makes it fewer characters).
    pub fn may_be(&self, word: &str) -> bool {
        word.chars().nth(self.longest).is_none()
    }

    /// The name of `month` (1–12) standing alone.
    pub fn alone(&self, month: u8) -> &str {
        &self.alone[usize::from(month.clamp(1, 12)) - 1]
    }

    /// The name of `month` (1–12) after a day.
    pub fn after_day(&self, month: u8) -> &str {
        &self.after_day[usize::from(month.clamp(1, 12)) - 1]
    }

    /// The month a name standing alone stands for, compared by `same`.
    pub fn find_alone(&self, word: &str, same: impl Fn(&str, &str) -> bool) -> Option<u8> {
        position(&self.alone, word, same)
    }

    /// The month a name standing alone stands for, given a lowercased word.
    pub fn find_alone_lowercase(&self, lower: &str) -> Option<u8> {
        position(&self.alone_lower, lower, |a, b| a == b)
    }

    /// The month a name after a day stands for, given a lowercased word.
    pub fn find_after_day_lowercase(&self, lower: &str) -> Option<u8> {
        position(&self.after_day_lower, lower, |a, b| a == b)
    }
}

fn position(names: &[String; 12], word: &str, same: impl Fn(&str, &str) -> bool) -> Option<u8> {
    names
        .iter()
        .position(|name| same(name, word))
        .map(|i| i as u8 + 1)
}

impl Phrasebook<'_> {
    /// The name of `month` (1–12) standing alone: `month.N`.
    pub fn month(&self, month: u8) -> String {
        self.get(&format!("month.{month}"), &[])
    }

    /// The name of `month` (1–12) after a day: `month.N.genitive`, or the course's own
    /// `month.N` when it gives only that (a language whose months do not decline).
    pub fn month_after_day(&self, month: u8) -> String {
        let key = format!("month.{month}.genitive");
        if !self.overrides(&key) && self.overrides(&format!("month.{month}")) {
            return self.month(month);
        }
        self.get(&key, &[])
    }

    /// A date written out at its precision: `16 June 2021`, `November 2021`, `2021`
    /// (`date.day`, `date.month`, `date.year`).
    pub fn date(&self, date: &PartialDate) -> String {
        let year = date.year.to_string();
        match (date.month, date.day) {
            (Some(month), Some(day)) => self.get(
                "date.day",
                &[
                    ("day", &day.to_string()),
                    ("month", &self.month_after_day(month)),
                    ("year", &year),
                ],
            ),
            (Some(month), None) => self.get(
                "date.month",
                &[("month", &self.month(month)), ("year", &year)],
            ),
            _ => self.get("date.year", &[("year", &year)]),
        }
    }

    /// A span of time written as people write it: `21–27 December 1968`, `30 November –
    /// 2 December 1968`, `November–December 2021`, `2019–2021`, or in Russian `21–27 декабря
    /// 1968 г.`, `2019–2021 гг.`; a single date when `end` is `None` or the same.
    pub fn date_range(&self, start: &PartialDate, end: Option<&PartialDate>) -> String {
        let Some(end) = end.filter(|e| *e != start) else {
            return self.date(start);
        };
        let year = start.year.to_string();
        let same_year = start.year == end.year;
        match (start.month, start.day, end.month, end.day) {
            (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year && m1 == m2 => self.get(
                "dates.days",
                &[
                    ("day", &d1.to_string()),
                    ("end-day", &d2.to_string()),
                    ("month", &self.month_after_day(m1)),
                    ("year", &year),
                ],
            ),
            (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year => self.get(
                "dates.days-months",
                &[
                    ("day", &d1.to_string()),
                    ("month", &self.month_after_day(m1)),
                    ("end-day", &d2.to_string()),
                    ("end-month", &self.month_after_day(m2)),
                    ("year", &year),
                ],
            ),
            (Some(m1), None, Some(m2), None) if same_year => self.get(
                "dates.months",
                &[
                    ("month", &self.month(m1)),
                    ("end-month", &self.month(m2)),
                    ("year", &year),
                ],
            ),
            (None, None, None, None) => self.get(
                "dates.years",
                &[("year", &year), ("end-year", &end.year.to_string())],
            ),
            _ => self.get(
                "dates.span",
                &[("start", &self.date(start)), ("end", &self.date(end))],
            ),
        }
    }
}

#[cfg(test)]
mod tests;
