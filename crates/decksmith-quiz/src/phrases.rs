//! The words generated questions are made of, in English and Russian, and [`Phrasebook`],
//! the lookup every table of built-in words goes through (these, the PDF's, the pages').
//! The words around values are phrases too: quotation marks, citations' locators, month
//! names and how dates are written ([`Phrasebook::date`]).
//!
//! A course may replace any of them in `course.yaml` under `strings:` with the same key
//! (`q.expansion: "What is the full form of {term}?"`). Placeholders in braces are filled in.

mod dates;

use std::collections::BTreeMap;

use decksmith_model::{Course, is_russian};

use crate::types::{Body, Question};

pub use dates::MonthNames;

/// No overrides: the built-in text alone.
pub static BUILT_IN: BTreeMap<String, String> = BTreeMap::new();

/// Phrase keys that were renamed, old → new, so that a course overriding an old key is told
/// its new name. The recall instructions were the worksheet's alone (`pdf.how.recall*`)
/// until the LMS exports used them too.
pub const RENAMED: &[(&str, &str)] = &[
    ("pdf.how.recall", "q.recall"),
    ("pdf.how.recall.term", "q.recall.term"),
    ("pdf.how.recall.fact", "q.recall.fact"),
    ("pdf.how.recall.event", "q.recall.event"),
    ("pdf.how.recall.person", "q.recall.person"),
    ("pdf.how.recall.organization", "q.recall.organization"),
    ("pdf.how.recall.quote", "q.recall.quote"),
];

/// Every phrase key with its English and Russian text.
pub const PHRASES: &[(&str, &str, &str)] = &[
    (
        "q.expansion",
        "What does {term} stand for?",
        "Как расшифровывается {term}?",
    ),
    (
        "q.term-for-meaning",
        "Which term has this meaning? {meaning}",
        "Какой термин имеет такое значение? {meaning}",
    ),
    (
        "q.org-full-name",
        "What is the full name of {acronym}?",
        "Каково полное название {acronym}?",
    ),
    (
        "q.org-for-description",
        "Which organization does this describe? {description}",
        "О какой организации идёт речь? {description}",
    ),
    (
        "q.role-of",
        "What position do the sources give for {name}?",
        "{name}: какую должность называют источники?",
    ),
    (
        "q.year-of",
        "In which year did this happen? {event}",
        "В каком году это произошло? {event}",
    ),
    (
        "q.month-of",
        "In which month did this happen? {event}",
        "В каком месяце это произошло? {event}",
    ),
    (
        "q.day-of",
        "On which day did this happen? {event}",
        "В какой день это произошло? {event}",
    ),
    (
        "q.year-began",
        "In which year did this begin? {event}",
        "В каком году это началось? {event}",
    ),
    (
        "q.month-began",
        "In which month did this begin? {event}",
        "В каком месяце это началось? {event}",
    ),
    (
        "q.day-began",
        "On which day did this begin? {event}",
        "В какой день это началось? {event}",
    ),
    (
        "q.complete",
        "Which completes the statement? {text}",
        "Чем дополнить утверждение? {text}",
    ),
    (
        "q.translation",
        "What is the {language} for “{term}”?",
        "Как {language} «{term}»?",
    ),
    (
        "q.who-said",
        "Who said these words? “{quote}”",
        "Чьи это слова? «{quote}»",
    ),
    (
        "q.who-is",
        "Whom do the sources describe as “{role}”?",
        "Кого источники описывают так: «{role}»?",
    ),
    (
        "q.match-meaning",
        "Match each term with its meaning.",
        "Сопоставьте каждый термин с его значением.",
    ),
    (
        "q.match-role",
        "Match each person with their position.",
        "Сопоставьте каждого человека с его должностью.",
    ),
    (
        "q.match-acronym",
        "Match each acronym with its full name.",
        "Сопоставьте каждое сокращение с полным названием.",
    ),
    (
        "q.timeline",
        "Put these events in chronological order, earliest first.",
        "Расположите события в хронологическом порядке, начиная с самого раннего.",
    ),
    ("q.recall", "Write your answer.", "Запишите ответ."),
    (
        "q.recall.term",
        "Write what it means.",
        "Запишите, что это значит.",
    ),
    (
        "q.recall.fact",
        "Write what goes in the blank.",
        "Запишите, что пропущено.",
    ),
    (
        "q.recall.event",
        "Write when it happened.",
        "Запишите, когда это произошло.",
    ),
    (
        "q.recall.person",
        "Write who this is: the person's role.",
        "Запишите, кто это: должность или роль.",
    ),
    (
        "q.recall.organization",
        "Write what it is.",
        "Запишите, что это такое.",
    ),
    (
        "q.recall.quote",
        "Write who said it.",
        "Запишите, кто это сказал.",
    ),
    (
        "s.stands-for",
        "{term} stands for {expansion}.",
        "{term} расшифровывается как «{expansion}».",
    ),
    ("s.role", "{name}: {role}.", "{name}: {role}."),
    (
        "s.named-as",
        "The sources name {name} as {role}.",
        "{name} — {role}.",
    ),
    ("s.event-date", "{date}: {event}.", "{date}: {event}."),
    (
        "s.org-acronym",
        "{acronym} is the acronym of the {name}.",
        "{acronym} — сокращённое название организации «{name}».",
    ),
    (
        "s.said",
        "{by} said: “{quote}”",
        "{by} сказал(а): «{quote}»",
    ),
    ("e.true", "True.", "Верно."),
    (
        "e.false",
        "False: “{value}”, not “{wrong}”.",
        "Неверно: «{value}», а не «{wrong}».",
    ),
    ("e.is", "{name}: {what}.", "{name} — {what}."),
    ("e.note", "{name}: {what}.", "{name}: {what}."),
    ("e.see-also", "See also: {text}", "См. также: {text}"),
    (
        "e.other-roles",
        "The other positions are those of {names}.",
        "Другие варианты — должности таких людей: {names}.",
    ),
    (
        "e.other-options",
        "Of the other options: {list}.",
        "Из других вариантов: {list}.",
    ),
    ("e.and", "{list} and {last}", "{list} и {last}"),
    (
        "e.per-source",
        "As the source gives it: {source}.",
        "Так в источнике: {source}.",
    ),
    (
        "e.per-sources",
        "As the sources give it: {sources}.",
        "Так в источниках: {sources}.",
    ),
    (
        "e.translation",
        "In {language}: {text}.",
        "{language}: {text}.",
    ),
    (
        "e.translation-of",
        "In {language}, “{term}” is “{text}”.",
        "{language} «{term}» — «{text}».",
    ),
    (
        "e.earlier",
        "Before it in the course's timeline: {date}, {event}.",
        "Раньше в хронологии курса: {date} — {event}.",
    ),
    (
        "e.later",
        "After it: {date}, {event}.",
        "Позже: {date} — {event}.",
    ),
    (
        "c.expansion",
        "What does it stand for?",
        "Как расшифровывается?",
    ),
    ("c.translation", "In {language}?", "{language}?"),
    ("c.quote", "“{quote}”", "«{quote}»"),
    ("c.also", "Also right: {list}", "Также верно: {list}"),
    ("lang.ru", "Russian", "по-русски"),
    ("lang.en", "English", "по-английски"),
    ("x.source", "Source", "Источник"),
    ("x.sources", "Sources", "Источники"),
    ("x.earliest", "{n} (earliest)", "{n} (самое раннее)"),
    ("x.latest", "{n} (latest)", "{n} (самое позднее)"),
    ("x.true", "True", "Верно"),
    ("x.false", "False", "Неверно"),
    ("x.form", "Form {form}", "Вариант {form}"),
    ("cite.quote", "{source}, “{quote}”", "{source}, «{quote}»"),
    (
        "cite.paragraph",
        "{source}, para. {paragraph}",
        "{source}, абз. {paragraph}",
    ),
    ("cite.page", "{source}, p. {page}", "{source}, с. {page}"),
    (
        "date.day",
        "{day} {month} {year}",
        "{day} {month} {year} г.",
    ),
    ("date.month", "{month} {year}", "{month} {year} г."),
    ("date.year", "{year}", "{year} г."),
    (
        "dates.days",
        "{day}–{end-day} {month} {year}",
        "{day}–{end-day} {month} {year} г.",
    ),
    (
        "dates.days-months",
        "{day} {month} – {end-day} {end-month} {year}",
        "{day} {month} – {end-day} {end-month} {year} г.",
    ),
    (
        "dates.months",
        "{month}–{end-month} {year}",
        "{month}–{end-month} {year} г.",
    ),
    ("dates.years", "{year}–{end-year}", "{year}–{end-year} гг."),
    ("dates.span", "{start} – {end}", "{start} – {end}"),
    ("month.1", "January", "январь"),
    ("month.2", "February", "февраль"),
    ("month.3", "March", "март"),
    ("month.4", "April", "апрель"),
    ("month.5", "May", "май"),
    ("month.6", "June", "июнь"),
    ("month.7", "July", "июль"),
    ("month.8", "August", "август"),
    ("month.9", "September", "сентябрь"),
    ("month.10", "October", "октябрь"),
    ("month.11", "November", "ноябрь"),
    ("month.12", "December", "декабрь"),
    ("month.1.genitive", "January", "января"),
    ("month.2.genitive", "February", "февраля"),
    ("month.3.genitive", "March", "марта"),
    ("month.4.genitive", "April", "апреля"),
    ("month.5.genitive", "May", "мая"),
    ("month.6.genitive", "June", "июня"),
    ("month.7.genitive", "July", "июля"),
    ("month.8.genitive", "August", "августа"),
    ("month.9.genitive", "September", "сентября"),
    ("month.10.genitive", "October", "октября"),
    ("month.11.genitive", "November", "ноября"),
    ("month.12.genitive", "December", "декабря"),
];

/// What a recall (flashcard) question asks a student to write, in `phrases`' words; `None`
/// for a question of another kind. A card's front is often a bare name or term, which does
/// not say what to write, so the instruction goes by the kind of the question's entry (looked
/// up in `course`): a term's meaning, an event's date, who said a quote. A front that asks
/// its own question ("In Russian?") gets the plain "Write your answer." Worksheets print it
/// under the front, and the question banks (Moodle XML, GIFT, QTI) after it.
pub fn recall_hint(
    phrases: &Phrasebook<'_>,
    course: &Course,
    question: &Question,
) -> Option<String> {
    let Body::Flashcard { front, .. } = &question.body else {
        return None;
    };
    let asks = front
        .lines()
        .last()
        .is_some_and(|line| line.trim_end().ends_with('?'));
    let kind = course
        .entry(&question.entry)
        .map(|(_, entry)| entry.kind_name());
    let key = match kind {
        _ if asks => "q.recall",
        Some("term") => "q.recall.term",
        Some("fact") if front.contains("____") => "q.recall.fact",
        Some("event") => "q.recall.event",
        Some("person") => "q.recall.person",
        Some("organization") => "q.recall.organization",
        Some("quote") => "q.recall.quote",
        _ => "q.recall",
    };
    Some(phrases.get(key, &[]))
}

/// Built-in text in English and Russian under a course's own: one of the tables of words
/// (these [`PHRASES`], the PDF's words, the pages' interface) for the course's language, with
/// the course's `strings:` over it.
#[derive(Clone, Copy, Debug)]
pub struct Phrasebook<'a> {
    table: &'static [(&'static str, &'static str, &'static str)],
    russian: bool,
    english: bool,
    overrides: &'a BTreeMap<String, String>,
}

impl<'a> Phrasebook<'a> {
    /// The `table` of (key, English, Russian) in `language` (`en`, `ru`, …; English for any
    /// other), with the course's `overrides` by key.
    pub fn new(
        table: &'static [(&'static str, &'static str, &'static str)],
        language: &str,
        overrides: &'a BTreeMap<String, String>,
    ) -> Phrasebook<'a> {
        Phrasebook {
            table,
            russian: is_russian(language),
            english: language == "en" || language.starts_with("en-"),
            overrides,
        }
    }

    /// Whether the course's `strings:` give their own text for `key`.
    pub fn overrides(&self, key: &str) -> bool {
        self.overrides.contains_key(key)
    }

    /// Whether the built-in text is the Russian.
    pub fn is_russian(&self) -> bool {
        self.russian
    }

    /// Whether the language is English (`en`, `en-GB`, …), whose typed answers are marked
    /// without a leading article and in either number, as the quiz page marks them.
    pub fn is_english(&self) -> bool {
        self.english
    }

    /// The text of `key` with its placeholders as they are: the course's override, else the
    /// table's in the language, else the key itself (so a typo shows instead of vanishing).
    pub fn template<'s>(&self, key: &'s str) -> &'s str
    where
        'a: 's,
    {
        if let Some(text) = self.overrides.get(key) {
            return text;
        }
        match self.table.iter().find(|(k, ..)| *k == key) {
            Some((_, _, ru)) if self.russian => ru,
            Some((_, en, _)) => en,
            None => key,
        }
    }

    /// The text of `key` with `{name}` placeholders filled from `args`.
    pub fn get(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.template(key), args)
    }
}

/// Replaces `{name}` with its value, in one pass (a value containing braces is left alone).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_key_is_gone_and_its_new_name_is_a_phrase() {
        for (old, new) in RENAMED {
            assert!(
                PHRASES.iter().all(|(key, ..)| key != old),
                "{old} still a phrase"
            );
            assert!(
                PHRASES.iter().any(|(key, ..)| key == new),
                "{new} is no phrase"
            );
        }
    }

    #[test]
    fn fills_placeholders_once() {
        assert_eq!(
            fill("What does {term} stand for?", &[("term", "{x}")]),
            "What does {x} stand for?"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
    }

    #[test]
    fn overrides_win() {
        let mut o = BTreeMap::new();
        o.insert("q.expansion".to_owned(), "Expand {term}.".to_owned());
        assert_eq!(
            Phrasebook::new(PHRASES, "en", &o).get("q.expansion", &[("term", "GGE")]),
            "Expand GGE."
        );
        assert_eq!(
            Phrasebook::new(PHRASES, "ru", &BTreeMap::new()).get("q.expansion", &[("term", "ГПЭ")]),
            "Как расшифровывается ГПЭ?"
        );
    }

    #[test]
    fn other_languages_get_english_and_unknown_keys_themselves() {
        let none = BTreeMap::new();
        assert_eq!(
            Phrasebook::new(PHRASES, "de", &none).get("e.true", &[]),
            "True."
        );
        assert_eq!(
            Phrasebook::new(PHRASES, "ru-RU", &none).get("e.true", &[]),
            "Верно."
        );
        assert_eq!(
            Phrasebook::new(PHRASES, "ru", &none).template("q.no-such-key"),
            "q.no-such-key"
        );
    }
}
