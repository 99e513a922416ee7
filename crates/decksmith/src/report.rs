//! Printing diagnostics for people.

use std::io::{self, Write};

use decksmith_model::Diagnostics;

/// Prints every diagnostic, sorted, to standard error.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let text = diagnostics.render();
    if !text.is_empty() {
        let mut err = io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }
}
