//! `decksmith check`: validate a course without building it.

use std::path::Path;

use decksmith_model::{Course, Diagnostic, Diagnostics, load};
use decksmith_pdf::fonts::Fonts;
use decksmith_pdf::logo::Logo;
use decksmith_pdf::{DeckPdfs, PrintOverrides};
use decksmith_quiz::{DeckOutput, GenerateOptions, generate};
use rayon::prelude::*;

use crate::build::load_options;
use crate::content::{ContentDir, check_source_quotes, read_content, read_logo, read_theme};

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
/// cannot be generated, and lays out its PDFs to report what does not fit on them: the same
/// warnings a build gives, without writing anything. `theme`: a theme folder to check
/// instead of the course's own `theme/` (`--theme`), as a build with it would read it.
pub fn check(dir: &ContentDir, theme: Option<&Path>) -> CheckReport {
    // The theme is checked as a build would read it.
    let theme_error = read_theme(dir, theme).err().map(|error| *error);
    let input = match read_content(dir) {
        Ok(input) => input,
        Err(mut diagnostics) => {
            diagnostics.extend(theme_error);
            return CheckReport {
                diagnostics,
                counts: None,
                generation: Vec::new(),
            };
        }
    };
    let loaded = load(&input, &load_options());
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(theme_error);
    let mut generation = Vec::new();
    let counts = loaded.course.as_ref().map(|course| {
        diagnostics.extend(check_source_quotes(dir, course));
        let logo = read_logo(dir, course).unwrap_or_else(|error| {
            diagnostics.push(*error);
            None
        });
        let (generated, warnings) = generate(course, &GenerateOptions::default());
        diagnostics.extend(warnings);
        diagnostics.extend(lay_out_pdfs(course, &generated.decks, logo.as_ref()));
        generation = generated.reports;
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

/// The warnings of laying out every deck's PDFs with the course's print settings (text that
/// does not fit, characters the fonts lack), decks on all cores, in deck order.
fn lay_out_pdfs(course: &Course, decks: &[DeckOutput], logo: Option<&Logo>) -> Vec<Diagnostic> {
    // The fonts are compiled in: they fail to load only if the binary is broken, and then
    // `build` says so; `check` is about the content.
    let Ok(fonts) = Fonts::load() else {
        return Vec::new();
    };
    let overrides = PrintOverrides::default();
    course
        .decks
        .par_iter()
        .zip(decks)
        .map(|(deck, output)| {
            DeckPdfs::new(&fonts, &overrides, course, deck, output)
                .with_logo(logo)
                .lay_out()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}
