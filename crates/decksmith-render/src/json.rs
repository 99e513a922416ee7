//! `quiz.json`: the generated questions, machine-readable.
//!
//! The format is documented by `crates/decksmith-quiz/quiz.schema.json`. Keys come in a fixed
//! order and the text ends with a newline, so the bytes are the same on every run.

use decksmith_quiz::Quiz;

/// A quiz as pretty-printed JSON.
pub fn quiz(quiz: &Quiz) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(quiz)?;
    bytes.push(b'\n');
    Ok(bytes)
}
