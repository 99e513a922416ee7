use std::collections::BTreeMap;

use super::embed::{csp_hash, script_json};
use super::strings::{SCRIPT_KEYS, UI_STRINGS, Ui, fill};

fn ui_for(language: &str, overrides: &[(&str, &str)]) -> (String, BTreeMap<String, String>) {
    (
        language.to_owned(),
        overrides
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    )
}

#[test]
fn fill_replaces_named_placeholders_only() {
    assert_eq!(
        fill("{a} of {b} {c} {", &[("a", "1"), ("b", "2")]),
        "1 of 2 {c} {"
    );
    assert_eq!(fill("{a}{a}", &[("a", "<x>")]), "<x><x>");
}

#[test]
fn every_key_is_in_the_ui_namespace_once_with_both_languages() {
    let mut seen = std::collections::BTreeSet::new();
    for (key, en, ru) in UI_STRINGS {
        assert!(key.starts_with("ui."), "{key}");
        assert!(seen.insert(*key), "{key} twice");
        assert!(!en.is_empty() && !ru.is_empty(), "{key}");
        // The same placeholders in both languages, so an English override can't lose one.
        let names = |s: &str| -> Vec<String> {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(names(en), names(ru), "{key}");
    }
    for key in SCRIPT_KEYS {
        assert!(seen.contains(key), "{key} is not an interface string");
    }
}

#[test]
fn the_course_language_picks_the_strings_and_overrides_win() {
    let (lang, strings) = ui_for("ru", &[("ui.flip", "Перевернуть карточку")]);
    let ui = Ui::with(&lang, &strings);
    assert_eq!(ui.t("ui.flip"), "Перевернуть карточку");
    assert_eq!(ui.t("ui.check"), "Проверить");
    let (lang, strings) = ui_for("ru-RU", &[]);
    assert_eq!(Ui::with(&lang, &strings).t("ui.check"), "Проверить");
    let (lang, strings) = ui_for("de", &[("ui.check", "Prüfen")]);
    let ui = Ui::with(&lang, &strings);
    assert_eq!(ui.t("ui.check"), "Prüfen");
    assert_eq!(
        ui.t("ui.check-all"),
        "Check all",
        "English where a course gives no text"
    );
    assert_eq!(ui.t("ui.no-such-key"), "ui.no-such-key");
}

#[test]
fn counts_take_the_plural_form_of_the_language() {
    let (lang, strings) = ui_for("en", &[]);
    let en = Ui::with(&lang, &strings);
    assert_eq!(en.count("ui.cards-count", 1), "1 card");
    assert_eq!(en.count("ui.cards-count", 0), "0 cards");
    assert_eq!(en.count("ui.cards-count", 21), "21 cards");
    let (lang, strings) = ui_for("ru", &[]);
    let ru = Ui::with(&lang, &strings);
    let cases = [
        (1, "1 карточка"),
        (2, "2 карточки"),
        (4, "4 карточки"),
        (5, "5 карточек"),
        (11, "11 карточек"),
        (12, "12 карточек"),
        (14, "14 карточек"),
        (21, "21 карточка"),
        (22, "22 карточки"),
        (111, "111 карточек"),
        (0, "0 карточек"),
    ];
    for (n, text) in cases {
        assert_eq!(ru.count("ui.cards-count", n), text);
    }
    // An override with one form serves every number.
    let (lang, strings) = ui_for("ru", &[("ui.questions-count", "вопросов: {n}")]);
    let ui = Ui::with(&lang, &strings);
    assert_eq!(ui.count("ui.questions-count", 3), "вопросов: 3");
}

#[test]
fn file_labels_name_known_files_in_the_interface_language() {
    let (lang, strings) = ui_for("en", &[]);
    let en = Ui::with(&lang, &strings);
    assert_eq!(en.file_label("flashcards.html"), "Flashcards");
    assert_eq!(en.file_label("quiz-B.html"), "Quiz, form B");
    assert_eq!(en.file_label("quiz-A.json"), "Quiz, form A (JSON)");
    assert_eq!(en.file_label("answer-key.pdf"), "Answer key (PDF)");
    assert_eq!(en.file_label("deck.apkg"), "Anki deck");
    assert_eq!(en.file_label("quiz.moodle.xml"), "Quiz (Moodle XML)");
    assert_eq!(en.file_label("cards.tsv"), "Cards (TSV)");
    assert_eq!(
        en.file_label("quiz.qti.zip"),
        "Quiz (QTI: Canvas, Brightspace)"
    );
    // A variant form's exports: one file per form, named as its other files are.
    assert_eq!(
        en.file_label("quiz-A.qti.zip"),
        "Quiz, form A (QTI: Canvas, Brightspace)"
    );
    assert_eq!(
        en.file_label("quiz-B.moodle.xml"),
        "Quiz, form B (Moodle XML)"
    );
    assert_eq!(en.file_label("questions.gift"), "questions (GIFT)");
    assert_eq!(en.file_label("README"), "README");
    let (lang, strings) = ui_for("ru", &[]);
    let ru = Ui::with(&lang, &strings);
    assert_eq!(ru.file_label("quiz-A.html"), "Тест, вариант A");
    assert_eq!(ru.file_label("cards.pdf"), "Карточки (PDF)");
    assert_eq!(ru.file_label("quiz.gift"), "Тест (GIFT)");
    assert_eq!(
        ru.file_label("quiz-B.moodle.xml"),
        "Тест, вариант B (Moodle XML)"
    );
}

#[test]
fn script_data_cannot_end_its_element_and_reads_back_the_same() {
    let nasty = "</script><script>alert(1)</script><!-- a & b > c \u{2028}";
    let value = serde_json::json!({ "text": nasty, "list": [nasty, "</SCRIPT>"] });
    let embedded = script_json(&value).unwrap();
    for bad in ["<", ">", "&", "\u{2028}"] {
        assert!(!embedded.contains(bad), "{bad:?} in {embedded}");
    }
    let back: serde_json::Value = serde_json::from_str(&embedded).unwrap();
    assert_eq!(back, value);
}

#[test]
fn csp_hashes_are_base64_sha256() {
    // The well-known SHA-256 of the empty string, and of "abc".
    assert_eq!(
        csp_hash(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
    assert_eq!(
        csp_hash("abc"),
        "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
    );
}
