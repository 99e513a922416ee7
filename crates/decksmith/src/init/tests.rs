#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
fn both_starters_have_the_same_files_each_naming_its_schema() {
    let english: Vec<&str> = ENGLISH.iter().map(|(name, _)| *name).collect();
    let russian: Vec<&str> = RUSSIAN.iter().map(|(name, _)| *name).collect();
    assert_eq!(english, russian);
    for (name, text) in ENGLISH.iter().chain(RUSSIAN) {
        let schema = match *name {
            "course.yaml" => "schemas/course.schema.json",
            "sources.yaml" => "schemas/sources.schema.json",
            _ => "../schemas/deck.schema.json",
        };
        assert_eq!(
            text.lines().next(),
            Some(format!("# yaml-language-server: $schema={schema}").as_str()),
            "{name}"
        );
    }
}

#[test]
fn a_file_in_the_way_is_not_a_folder_and_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    let err = init(&file, StarterLanguage::English).unwrap_err();
    assert!(matches!(err, InitError::NotAFolder(_)), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    let err = write_schemas(&file).unwrap_err();
    assert!(matches!(err, InitError::NotAFolder(_)), "{err}");
}

#[test]
fn schemas_rewrites_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let first = write_schemas(tmp.path()).unwrap();
    assert!(first.iter().all(|w| w.changed), "{first:?}");
    fs::write(tmp.path().join("schemas/deck.schema.json"), "{}").unwrap();
    let second = write_schemas(tmp.path()).unwrap();
    let changed: Vec<&str> = second
        .iter()
        .filter(|w| w.changed)
        .map(|w| w.name.as_str())
        .collect();
    assert_eq!(changed, ["schemas/deck.schema.json"]);
    let missing = write_schemas(&tmp.path().join("nowhere")).unwrap_err();
    assert!(matches!(missing, InitError::Missing(_)), "{missing}");
}
