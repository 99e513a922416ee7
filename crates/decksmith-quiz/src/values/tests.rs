use super::*;

#[test]
fn classifies_by_form() {
    assert_eq!(classify_shape(&Months::default(), "2021"), ValueType::Year);
    assert_eq!(
        classify_shape(&Months::default(), "December"),
        ValueType::Month
    );
    assert_eq!(
        classify_shape(&Months::default(), "November 2021"),
        ValueType::Date
    );
    assert_eq!(
        classify_shape(&Months::default(), "September 18, 2024"),
        ValueType::Date
    );
    assert_eq!(
        classify_shape(&Months::default(), "XVIII"),
        ValueType::Roman
    );
    assert_eq!(
        classify_shape(&Months::default(), "76th"),
        ValueType::Ordinal
    );
    assert_eq!(
        classify_shape(&Months::default(), "three years"),
        ValueType::Number
    );
    assert_eq!(
        classify_shape(&Months::default(), "more than 300"),
        ValueType::Bounded
    );
    assert_eq!(
        classify_shape(&Months::default(), "Moscow"),
        ValueType::Place(PlaceKind::City)
    );
    assert_eq!(
        classify_shape(&Months::default(), "the United States"),
        ValueType::Place(PlaceKind::Country)
    );
    assert_eq!(
        classify_shape(&Months::default(), "Latin America"),
        ValueType::Place(PlaceKind::Region)
    );
    assert_eq!(
        classify_shape(&Months::default(), "Russian"),
        ValueType::Language
    );
    assert_eq!(
        classify_shape(&Months::default(), "defensive realism"),
        ValueType::Phrase
    );
    assert_eq!(
        classify_shape(&Months::default(), "most active"),
        ValueType::Phrase
    );
}

#[test]
fn month_words_are_found_in_every_form_and_longer_words_are_not() {
    let months = Months::default();
    assert_eq!(months.month_in_date(" December "), Some(12));
    assert_eq!(months.month_in_date("SEPTEMBER"), Some(9));
    assert_eq!(months.month_in_date("Сентября"), Some(9));
    assert_eq!(months.month_in_date("декабрь"), Some(12));
    assert_eq!(months.month_in_date("Septembers"), None);
    assert_eq!(months.month_in_date("the December meeting"), None);
    assert_eq!(months.month_name("Сентябрь"), Some(9));
}
