//! `quiz.json` matches its published schema, `crates/decksmith-quiz/quiz.schema.json`, which
//! is derived from the types that write it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decksmith_model::{ContentInput, LoadOptions, SourceFile, load};
use decksmith_quiz::{GenerateOptions, generate};
use serde_json::{Value, json};

const PUBLISHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/quiz.schema.json");

/// The published schema is what the types say; this test is its generator. With
/// `UPDATE_EXPECT=1` it rewrites the file; otherwise any difference fails.
#[test]
fn published_schema_matches_the_types() {
    let schema = decksmith_quiz::schema::quiz_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::fs::read_to_string(PUBLISHED).ok().as_deref() == Some(text.as_str()) {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(PUBLISHED, text).unwrap();
    } else {
        panic!(
            "quiz.schema.json is out of date: run `UPDATE_EXPECT=1 cargo test -p decksmith-quiz --test schema`"
        );
    }
}

#[test]
fn the_schema_is_valid_draft_07() {
    let schema = serde_json::to_value(decksmith_quiz::schema::quiz_schema()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap();
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(PUBLISHED).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

/// Every form of every deck of a course with every entry kind, serialized.
fn quizzes() -> Vec<Value> {
    let course = decksmith_synth::course(400, 3);
    let file = |p: &str| {
        let (path, text) = course.files.iter().find(|(f, _)| f == p).unwrap();
        SourceFile::new(path.clone(), text.clone())
    };
    let mut course_yaml = course.files[0].1.clone();
    course_yaml.push_str(
        "  kinds: [flashcard, cloze, multiple-choice, true-false, matching, timeline, who]\n",
    );
    let input = ContentInput {
        course: SourceFile::new("course.yaml", course_yaml),
        sources: file("sources.yaml"),
        decks: course
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("decks/"))
            .map(|(p, t)| SourceFile::new(p.clone(), t.clone()))
            .collect(),
    };
    let course = load(&input, &LoadOptions::default()).course.unwrap();
    let (generated, _) = generate(
        &course,
        &GenerateOptions {
            seed: None,
            variants: 2,
        },
    );
    generated
        .decks
        .iter()
        .flat_map(|d| std::iter::once(&d.quiz).chain(&d.variants))
        .map(|q| serde_json::to_value(q).unwrap())
        .collect()
}

#[test]
fn every_generated_quiz_is_valid() {
    let validator = validator();
    let quizzes = quizzes();
    assert_eq!(quizzes.len(), 9);
    let mut kinds = std::collections::BTreeSet::new();
    for quiz in &quizzes {
        let errors: Vec<String> = validator
            .iter_errors(quiz)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        for q in quiz["questions"].as_array().unwrap() {
            kinds.insert(q["kind"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(kinds.len(), 7, "every kind is checked: {kinds:?}");
}

/// The golden `quiz.json` files of the end-to-end tests, as the driver wrote them.
#[test]
fn written_quiz_files_are_valid() {
    let validator = validator();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/quiz");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let quiz: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&quiz)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        checked += 1;
    }
    assert!(checked >= 4, "{checked} golden quizzes");
}

#[test]
fn the_schema_rejects_what_is_not_a_quiz() {
    let validator = validator();
    let quiz = quizzes().remove(0);
    let question = |kind: &str| {
        quiz["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["kind"] == kind)
            .unwrap()
            .clone()
    };
    let with = |q: Value| {
        let mut broken = quiz.clone();
        broken["questions"] = json!([q]);
        broken
    };
    let mut mc = question("multiple-choice");
    mc["answer"] = json!("B");
    assert!(
        !validator.is_valid(&with(mc)),
        "an answer that is not an index"
    );
    let mut mc = question("multiple-choice");
    mc.as_object_mut().unwrap().remove("options");
    assert!(!validator.is_valid(&with(mc)), "a choice without options");
    let mut tf = question("true-false");
    tf["statement"] = json!("");
    assert!(!validator.is_valid(&with(tf)), "an empty statement");
    let mut cloze = question("cloze");
    cloze["text"] = json!("no blank here");
    assert!(!validator.is_valid(&with(cloze)), "a cloze without a blank");
    let mut extra = question("cloze");
    extra["options"] = json!(["a", "b"]);
    assert!(!validator.is_valid(&with(extra)), "keys of another kind");
    let mut unknown = question("true-false");
    unknown["kind"] = json!("essay");
    assert!(
        !validator.is_valid(&with(unknown)),
        "a kind that does not exist"
    );
    let mut top = quiz.clone();
    top["variant"] = json!("form A");
    assert!(!validator.is_valid(&top), "a variant that is not a letter");
}
