//! Diagnostics: problems in a teacher's content, each with a place and, where we can, a fix.
//!
//! Every stage reports through [`Diagnostic`]. A diagnostic names a file and a 1-based line and
//! column, says what is wrong in lower case without a trailing period, and may carry a `help`
//! line and a `note` pointing at a second place (the first definition of a duplicate id, say).
//! [`Diagnostics::render`] prints them sorted by file, line and column, as
//! `path:line:col: error: message`, so editors and terminals can jump to them.

use std::fmt::{self, Write as _};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build cannot go on; exit code 1.
    Error,
    /// Worth fixing, but the build goes on (unless warnings are denied).
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A place in a content file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1.
    pub col: u32,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };

    /// A position from 1-based line and column.
    pub fn new(line: u32, col: u32) -> Pos {
        Pos {
            line: line.max(1),
            col: col.max(1),
        }
    }
}

/// A file and a position in it: where a diagnostic points, or where an entry came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as shown to the user, with `/` separators (e.g. `content/decks/un.yaml`).
    pub file: String,
    /// The position in that file.
    pub pos: Pos,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.pos.line, self.pos.col)
    }
}

/// One problem, with a place and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub location: Location,
    /// What is wrong: lower case, no trailing period.
    pub message: String,
    /// How to fix it, when we can say.
    pub help: Option<String>,
    /// A second place that explains the first, with what it is.
    pub note: Option<(Location, String)>,
    /// The source line at `location`, and how many characters to underline there.
    pub snippet: Option<Snippet>,
}

/// The line of source a diagnostic points into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text of the line, without its line break.
    pub line_text: String,
    /// Characters to underline from the diagnostic's column (at least 1).
    pub width: u32,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, location, message)
    }

    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, location, message)
    }

    /// A diagnostic of the given severity.
    pub fn new(severity: Severity, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            location,
            message: message.into(),
            help: None,
            note: None,
            snippet: None,
        }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a `help:` line when there is one.
    pub fn with_help_opt(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }

    /// Adds a note pointing at another place.
    pub fn with_note(mut self, location: Location, note: impl Into<String>) -> Diagnostic {
        self.note = Some((location, note.into()));
        self
    }

    /// Adds the source line to show under the message.
    pub fn with_snippet(mut self, snippet: Option<Snippet>) -> Diagnostic {
        self.snippet = snippet;
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        format!("{}: {}: {}", self.location, self.severity, self.message)
    }
}

impl fmt::Display for Diagnostic {
    /// The diagnostic as printed for a teacher:
    ///
    /// ```text
    /// content/decks/un.yaml:42:13: error: unknown source "riac-brif"
    ///    |
    /// 42 |     source: riac-brif
    ///    |             ^^^^^^^^^
    ///    = help: did you mean "riac-brief"?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        let gutter = self.location.pos.line.to_string().len();
        let pad = " ".repeat(gutter);
        if let Some(snippet) = &self.snippet {
            let line_text = snippet.line_text.replace('\t', " ");
            let col = self.location.pos.col as usize;
            let indent: String = line_text
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| if c.is_whitespace() { c } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{} | {}\n{pad} | {}{}",
                self.location.pos.line,
                line_text,
                indent,
                "^".repeat(snippet.width.max(1) as usize)
            )?;
        }
        if let Some((location, note)) = &self.note {
            write!(f, "\n{pad} = note: {note} at {location}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// All the diagnostics of a run, in the order found; [`Diagnostics::sorted`] orders them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds one and returns it, to add a help line or a note.
    pub fn push_mut(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        let at = self.items.len();
        self.items.push(diagnostic);
        &mut self.items[at]
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Whether there are none at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many in all.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The diagnostics in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// The diagnostics sorted by file, line, column, then errors before warnings; exact
    /// duplicates (the same message at the same place) are dropped.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.location, a.severity, &a.message).cmp(&(&b.location, b.severity, &b.message))
        });
        items.dedup_by(|a, b| {
            a.location == b.location && a.severity == b.severity && a.message == b.message
        });
        items
    }

    /// Every diagnostic, sorted, as the terminal shows them, followed by a summary line when
    /// there is anything to summarize.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for diagnostic in self.sorted() {
            let _ = writeln!(out, "{diagnostic}\n");
        }
        out
    }

    /// A one-line summary such as `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        fn count(n: usize, what: &str) -> String {
            if n == 1 {
                format!("1 {what}")
            } else {
                format!("{n} {what}s")
            }
        }
        format!(
            "{}, {}",
            count(self.error_count(), "error"),
            count(self.warning_count(), "warning")
        )
    }

    /// Takes the diagnostics out.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<T: IntoIterator<Item = Diagnostic>>(&mut self, iter: T) {
        self.items.extend(iter);
    }
}

#[cfg(test)]
mod tests;
