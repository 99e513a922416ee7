use super::full_form_and_abbreviation;

#[test]
fn a_full_form_with_its_abbreviation_is_found_and_nothing_else() {
    for (text, full, abbreviation) in [
        (
            "информационно-коммуникационные технологии (ИКТ)",
            "информационно-коммуникационные технологии",
            "ИКТ",
        ),
        (
            "Генеральная Ассамблея ООН (ГА ООН)",
            "Генеральная Ассамблея ООН",
            "ГА ООН",
        ),
        (
            "Open-Ended Working Group (OEWG) ",
            "Open-Ended Working Group",
            "OEWG",
        ),
    ] {
        assert_eq!(
            full_form_and_abbreviation(text),
            Some((full, abbreviation)),
            "{text}"
        );
    }
    for text in [
        "информационно-коммуникационные технологии",
        "БРИКС",
        // One word, or the brackets hold no abbreviation, or another's.
        "кибербезопасность (КБ)",
        "договор (о взаимной помощи)",
        "Группа семи (G7)",
        "Группа правительственных экспертов (ООН)",
        "глобальное информационное пространство (ГИП) и его границы",
        "(ИКТ)",
    ] {
        assert_eq!(full_form_and_abbreviation(text), None, "{text}");
    }
}
