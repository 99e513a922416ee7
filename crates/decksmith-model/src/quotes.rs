//! Checking `quote:` locators against the text of their source.
//!
//! A source in `sources.yaml` may name a plain-text copy of the document with `file:`. The
//! driver reads those files; [`check_quotes`] then reports every quote that does not occur in
//! its source (with the closest passage, so the teacher can copy the right words) and every
//! quote that occurs more than once (it does not point at one place). Text is compared after
//! normalising white space, quotation marks, apostrophes and dashes, which differ between a
//! PDF, a web page and what a teacher types, and without regard to case (a quote may start
//! where the source's sentence does not).

use std::collections::{BTreeMap, BTreeSet};

use crate::course::{Course, Locator};
use crate::diag::Diagnostic;

/// The text of a source document, as the driver read it.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The file as shown to the user (`content/sources/brief.txt`).
    pub file: String,
    /// Its text.
    pub text: String,
}

/// Checks every `quote:` locator of the course whose source has a text in `texts` (by source
/// id): a warning for each that does not occur in it, or occurs more than once.
pub fn check_quotes(course: &Course, texts: &BTreeMap<String, SourceText>) -> Vec<Diagnostic> {
    let prepared: BTreeMap<&str, Prepared> = texts
        .iter()
        .map(|(id, source)| (id.as_str(), Prepared::new(&source.text)))
        .collect();
    let mut out = Vec::new();
    // A deck's or the course's `source:` is every entry's citation: checked once.
    let mut checked = BTreeSet::new();
    for (_, entry) in course.entries() {
        for citation in &entry.citations {
            let Some(Locator::Quote(quote)) = &citation.locator else {
                continue;
            };
            if !checked.insert(&citation.origin) {
                continue;
            }
            let (Some(text), Some(source)) = (
                prepared.get(citation.source.as_str()),
                texts.get(&citation.source),
            ) else {
                continue;
            };
            let wanted = normalize(quote).to_lowercase();
            if wanted.is_empty() {
                continue;
            }
            match text.lowercase.matches(&wanted).count() {
                1 => {}
                0 => {
                    let mut diagnostic = Diagnostic::warning(
                        citation.origin.clone(),
                        format!(
                            "the quote \"{quote}\" does not occur in {}",
                            source.file
                        ),
                    );
                    diagnostic = match text.closest(&wanted) {
                        Some(passage) => diagnostic.with_help(format!(
                            "the closest passage is \"{passage}\": copy the source's words exactly"
                        )),
                        None => diagnostic
                            .with_help("copy a short phrase from the source's text exactly"),
                    };
                    out.push(diagnostic);
                }
                n => out.push(
                    Diagnostic::warning(
                        citation.origin.clone(),
                        format!(
                            "the quote \"{quote}\" occurs {n} times in {}, so it does not point at one place",
                            source.file
                        ),
                    )
                    .with_help("quote a few more words, so that the phrase occurs only once"),
                ),
            }
        }
    }
    out
}

/// Text with white space made single spaces and typographic marks made plain.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00ad}' | '\u{200b}' | '\u{feff}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// A source text ready for searching.
struct Prepared {
    normalized: String,
    /// The same, lowercase, for finding quotes whatever their case.
    lowercase: String,
    /// Each word of `normalized`: its byte range, and its lowercase letters and digits.
    words: Vec<(usize, usize, String)>,
}

impl Prepared {
    fn new(text: &str) -> Prepared {
        let normalized = normalize(text);
        let mut words = Vec::new();
        let mut start = 0;
        for piece in normalized.split(' ') {
            let end = start + piece.len();
            let key = word_key(piece);
            if !key.is_empty() {
                words.push((start, end, key));
            }
            start = end + 1;
        }
        Prepared {
            lowercase: normalized.to_lowercase(),
            normalized,
            words,
        }
    }

    /// The passage of the text most like `quote`: the window of as many words that shares
    /// the most words with it, closest in spelling among the best few.
    fn closest(&self, quote: &str) -> Option<String> {
        let wanted: Vec<String> = quote
            .split(' ')
            .map(word_key)
            .filter(|w| !w.is_empty())
            .collect();
        let size = wanted.len().max(1);
        if self.words.is_empty() {
            return None;
        }
        let windows = self.words.len().saturating_sub(size) + 1;
        let mut scored: Vec<(usize, usize)> = (0..windows)
            .map(|i| {
                let window = &self.words[i..(i + size).min(self.words.len())];
                let shared = wanted
                    .iter()
                    .filter(|w| window.iter().any(|(_, _, k)| k == *w))
                    .count();
                (shared, i)
            })
            .filter(|(shared, _)| *shared > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let passage = |i: usize| {
            let first = &self.words[i];
            let last = &self.words[(i + size).min(self.words.len()) - 1];
            &self.normalized[first.0..last.1]
        };
        scored
            .iter()
            .take(8)
            .map(|&(_, i)| {
                let text = passage(i);
                (strsim::normalized_levenshtein(quote, text), i)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| passage(i).to_owned())
    }
}

fn word_key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_marks_and_space() {
        assert_eq!(
            normalize("  the \u{201c}digital\u{00a0}divide\u{201d}\n  isn\u{2019}t  "),
            "the \"digital divide\" isn't"
        );
        assert_eq!(normalize("Open\u{2011}Ended"), "Open-Ended");
    }

    #[test]
    fn finds_the_closest_passage() {
        let text = Prepared::new(
            "Tensions have been escalating for three years. Both countries have imposed economic sanctions.",
        );
        assert_eq!(
            text.closest(&normalize("both countries imposed sanctions"))
                .as_deref(),
            Some("Both countries have imposed")
        );
        assert_eq!(
            text.closest(&normalize("escalating for 3 years"))
                .as_deref(),
            Some("escalating for three years.")
        );
        assert_eq!(text.closest("zzz qqq"), None);
    }
}
