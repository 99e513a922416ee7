//! `decksmith check`: validate a course without building it.

use decksmith_model::{Diagnostics, LoadOptions, load};

use crate::content::{ContentDir, read_content};

/// What checking found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every diagnostic, in the order found.
    pub diagnostics: Diagnostics,
    /// Decks and entries in the course, when it loaded.
    pub counts: Option<(usize, usize)>,
}

/// Reads and validates the course in `dir`.
pub fn check(dir: &ContentDir) -> CheckReport {
    let input = match read_content(dir) {
        Ok(input) => input,
        Err(diagnostics) => {
            return CheckReport {
                diagnostics,
                counts: None,
            };
        }
    };
    let loaded = load(&input, &LoadOptions::default());
    let counts = loaded.course.as_ref().map(|course| {
        (
            course.decks.len(),
            course.decks.iter().map(|d| d.entries.len()).sum(),
        )
    });
    CheckReport {
        diagnostics: loaded.diagnostics,
        counts,
    }
}
