//! JSON Schemas (draft-07) of the content files, generated from the raw types.
//!
//! Editors with the YAML language server read them through the
//! `# yaml-language-server: $schema=...` line at the top of each file, and then complete keys
//! and flag mistakes as the teacher types. They are generated, never edited by hand; a test
//! keeps the copies in `content/schemas/` equal to what the types say.

use schemars::JsonSchema;
use serde_json::Value;

use crate::raw::{RawCourse, RawDeck, RawSourcesFile};

/// The schema of `course.yaml`.
pub fn course_schema() -> Value {
    schema_for::<RawCourse>()
}

/// The schema of a deck file in `decks/`.
pub fn deck_schema() -> Value {
    schema_for::<RawDeck>()
}

/// The schema of `sources.yaml`.
pub fn sources_schema() -> Value {
    schema_for::<RawSourcesFile>()
}

/// Every schema with the file name it is published under.
pub fn all_schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("course.schema.json", course_schema()),
        ("deck.schema.json", deck_schema()),
        ("sources.schema.json", sources_schema()),
    ]
}

/// Every schema as the text of its file: pretty-printed JSON ending in a newline, with the
/// file name. `content/schemas/` holds exactly these files, and `decksmith init` and
/// `decksmith schemas` write them into a teacher's course.
pub fn schema_files() -> Vec<(&'static str, String)> {
    all_schemas()
        .into_iter()
        .map(|(name, schema)| {
            // A `Value` always serializes: its keys are strings and its numbers finite.
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            (name, text + "\n")
        })
        .collect()
}

fn schema_for<T: JsonSchema>() -> Value {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    drop_null(&mut value);
    value
}

/// serde reads an empty value as "absent" for optional keys, but we report empty values as
/// mistakes, so the schema should not offer `null` either.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(alternatives)) = map.get_mut(key) {
                    alternatives.retain(|a| a.get("type") != Some(&Value::String("null".into())));
                    if alternatives.len() == 1 {
                        let only = alternatives.remove(0);
                        map.remove(key);
                        if let Value::Object(inner) = only {
                            for (k, v) in inner {
                                map.entry(k).or_insert(v);
                            }
                        }
                    }
                }
            }
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            for v in map.values_mut() {
                drop_null(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}
