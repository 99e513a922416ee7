//! The published JSON Schemas stay what the Rust types say, and accept what the loader accepts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use decksmith_model::schema::{all_schemas, deck_schema, schema_files};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `content/schemas/*.json` are generated from the raw types; this test is the generator.
/// With `UPDATE_EXPECT=1` it rewrites them; otherwise any difference fails.
#[test]
fn published_schemas_match_the_types() {
    let dir = repo().join("content/schemas");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut stale = Vec::new();
    for (name, text) in schema_files() {
        let path = dir.join(name);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if update {
                fs::create_dir_all(&dir).unwrap();
                fs::write(&path, text).unwrap();
            } else {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "content/schemas is out of date for {stale:?}: run `UPDATE_EXPECT=1 cargo test -p decksmith-model --test schemas`"
    );
}

#[test]
fn schemas_are_valid_draft_07() {
    for (name, schema) in all_schemas() {
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
        jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// Every deck the loader accepts in the valid fixtures is valid under the deck schema, so
/// an editor never underlines what decksmith would build.
#[test]
fn valid_fixture_decks_pass_the_deck_schema() {
    let validator = jsonschema::draft7::new(&deck_schema()).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut checked = 0;
    for dir in ["base/decks", "ok"] {
        for entry in fs::read_dir(data.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            // A case file holds a deck after its `#### decks/...` header.
            let body = match text.find("#### decks/") {
                Some(at) => {
                    let rest = &text[at..];
                    let start = rest.find('\n').unwrap() + 1;
                    let end = rest[start..]
                        .find("\n#### ")
                        .map_or(rest.len(), |e| start + e);
                    rest[start..end].trim_start_matches('\u{feff}').to_owned()
                }
                None if path.extension().is_some_and(|e| e == "yaml") => text.to_owned(),
                None => continue,
            };
            let value: serde_json::Value = serde_yaml::from_str(&body).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

/// The bundled course's files point editors at the schemas.
#[test]
fn bundled_content_references_the_schemas() {
    let content = repo().join("content");
    let check = |path: &Path, schema: &str| {
        let text = fs::read_to_string(path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("# yaml-language-server: $schema={schema}"),
            "{}",
            path.display()
        );
    };
    check(&content.join("course.yaml"), "schemas/course.schema.json");
    check(&content.join("sources.yaml"), "schemas/sources.schema.json");
    let mut decks = 0;
    for entry in fs::read_dir(content.join("decks")).unwrap() {
        check(&entry.unwrap().path(), "../schemas/deck.schema.json");
        decks += 1;
    }
    assert!(decks > 0);
}
