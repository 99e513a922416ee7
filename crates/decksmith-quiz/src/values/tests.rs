use super::*;

#[test]
fn classifies_by_form() {
    assert_eq!(classify_shape("2021"), ValueType::Year);
    assert_eq!(classify_shape("December"), ValueType::Month);
    assert_eq!(classify_shape("November 2021"), ValueType::Date);
    assert_eq!(classify_shape("September 18, 2024"), ValueType::Date);
    assert_eq!(classify_shape("XVIII"), ValueType::Roman);
    assert_eq!(classify_shape("76th"), ValueType::Ordinal);
    assert_eq!(classify_shape("three years"), ValueType::Number);
    assert_eq!(classify_shape("more than 300"), ValueType::Bounded);
    assert_eq!(classify_shape("Moscow"), ValueType::Place(PlaceKind::City));
    assert_eq!(
        classify_shape("the United States"),
        ValueType::Place(PlaceKind::Country)
    );
    assert_eq!(
        classify_shape("Latin America"),
        ValueType::Place(PlaceKind::Region)
    );
    assert_eq!(classify_shape("Russian"), ValueType::Language);
    assert_eq!(classify_shape("defensive realism"), ValueType::Phrase);
    assert_eq!(classify_shape("most active"), ValueType::Phrase);
}
