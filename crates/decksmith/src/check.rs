//! `decksmith check`: validate a course without building it.

use decksmith_model::{Diagnostics, load};
use decksmith_quiz::{GenerateOptions, generate};

use crate::build::load_options;
use crate::content::{ContentDir, check_source_quotes, read_content};

/// What checking found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every diagnostic, in the order found.
    pub diagnostics: Diagnostics,
    /// Decks and entries in the course, when it loaded.
    pub counts: Option<(usize, usize)>,
    /// What generation could not make well, deck by deck.
    pub generation: Vec<decksmith_quiz::DeckReport>,
}

/// Reads and validates the course in `dir`, then generates its quizzes to report what
/// cannot be generated (the same warnings a build gives, without writing anything).
pub fn check(dir: &ContentDir) -> CheckReport {
    let input = match read_content(dir) {
        Ok(input) => input,
        Err(diagnostics) => {
            return CheckReport {
                diagnostics,
                counts: None,
                generation: Vec::new(),
            };
        }
    };
    let loaded = load(&input, &load_options());
    let mut diagnostics = loaded.diagnostics;
    let mut generation = Vec::new();
    let counts = loaded.course.as_ref().map(|course| {
        diagnostics.extend(check_source_quotes(dir, course));
        let (generated, warnings) = generate(course, &GenerateOptions::default());
        generation = generated.reports;
        diagnostics.extend(warnings);
        (
            course.decks.len(),
            course.decks.iter().map(|d| d.entries.len()).sum(),
        )
    });
    CheckReport {
        diagnostics,
        counts,
        generation,
    }
}
