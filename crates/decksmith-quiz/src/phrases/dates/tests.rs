use std::collections::BTreeMap;

use decksmith_model::PartialDate;

use crate::phrases::{PHRASES, Phrasebook};

fn d(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

#[test]
fn dates_in_english_and_russian() {
    let none = BTreeMap::new();
    let en = Phrasebook::new(PHRASES, "en", &none);
    let ru = Phrasebook::new(PHRASES, "ru", &none);
    assert_eq!(en.date(&d("2021-06-16")), "16 June 2021");
    assert_eq!(en.date(&d("2021-11")), "November 2021");
    assert_eq!(en.date(&d("2021")), "2021");
    assert_eq!(ru.date(&d("2021-06-16")), "16 июня 2021 г.");
    assert_eq!(ru.date(&d("2021-11")), "ноябрь 2021 г.");
    assert_eq!(ru.date(&d("2024")), "2024 г.");
}

#[test]
fn ranges_read_as_people_write_them() {
    let none = BTreeMap::new();
    let en = Phrasebook::new(PHRASES, "en", &none);
    let ru = Phrasebook::new(PHRASES, "ru", &none);
    let r = |p: &Phrasebook<'_>, a: &str, b: &str| p.date_range(&d(a), Some(&d(b)));
    assert_eq!(r(&en, "1968-12-21", "1968-12-27"), "21–27 December 1968");
    assert_eq!(
        r(&en, "1968-11-30", "1968-12-02"),
        "30 November – 2 December 1968"
    );
    assert_eq!(r(&en, "2021-11", "2021-12"), "November–December 2021");
    assert_eq!(r(&en, "2019", "2021"), "2019–2021");
    assert_eq!(r(&en, "1968-12", "1969-01"), "December 1968 – January 1969");
    assert_eq!(r(&ru, "1968-12-21", "1968-12-27"), "21–27 декабря 1968 г.");
    assert_eq!(r(&ru, "2021-11", "2021-12"), "ноябрь–декабрь 2021 г.");
    assert_eq!(r(&ru, "2019", "2021"), "2019–2021 гг.");
    assert_eq!(en.date_range(&d("2021-06-16"), None), "16 June 2021");
    assert_eq!(
        en.date_range(&d("2021-06-16"), Some(&d("2021-06-16"))),
        "16 June 2021"
    );
}

#[test]
fn a_course_writes_dates_its_own_way() {
    let strings: BTreeMap<String, String> = [
        ("month.6", "Juni"),
        ("month.12", "Dezember"),
        ("date.day", "{day}. {month} {year}"),
        ("dates.days", "{day}.–{end-day}. {month} {year}"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let de = Phrasebook::new(PHRASES, "de", &strings);
    assert_eq!(de.date(&d("2021-06-16")), "16. Juni 2021");
    assert_eq!(de.date(&d("2021-12")), "Dezember 2021");
    assert_eq!(
        de.date_range(&d("1968-12-21"), Some(&d("1968-12-27"))),
        "21.–27. Dezember 1968"
    );
    // A month the course does not name stays the built-in one.
    assert_eq!(de.month_after_day(5), "May");
}
