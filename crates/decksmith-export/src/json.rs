//! `quiz.json`: the generated questions, machine-readable.
//!
//! The format is documented by `crates/decksmith-quiz/quiz.schema.json`. Keys come in a fixed
//! order and the text ends with a newline, so the bytes are the same on every run.

use decksmith_files::OutFile;
use decksmith_model::Deck;
use decksmith_quiz::{DeckOutput, Quiz};

use crate::ExportError;

/// A quiz as pretty-printed JSON.
pub fn quiz(quiz: &Quiz) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(quiz)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `quiz.json`, and `quiz-A.json`, … for the variant forms.
pub fn deck_files(deck: &Deck, output: &DeckOutput) -> Result<Vec<OutFile>, ExportError> {
    let mut files = Vec::new();
    for form in crate::forms(output) {
        let path = crate::form_path(deck, form, "json");
        match quiz(form) {
            Ok(bytes) => files.push(OutFile { path, bytes }),
            Err(source) => return Err(ExportError::Json { path, source }),
        }
    }
    Ok(files)
}
