//! Diagnostics: problems in a teacher's content, each with a place and, where we can, a fix.
//!
//! Every stage reports through [`Diagnostic`]. A diagnostic names a file and a 1-based line and
//! column, says what is wrong in lower case without a trailing period, and may carry a `help`
//! line and a `note` pointing at a second place (the first definition of a duplicate id, say).
//! [`Diagnostics::render`] prints them sorted by file, line and column, as
//! `path:line:col: error: message`, so editors and terminals can jump to them.
//!
//! Output stays proportional to the problems, not to the input: a diagnostic shows a window
//! of a long source line, quotes at most [`MAX_QUOTED_CHARS`] of a teacher's text (see
//! [`short`]), and [`Diagnostics`] keeps [`MAX_SHOWN_PER_FILE`] per file, counting the rest.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use crate::limits::{MAX_QUOTED_CHARS, MAX_SHOWN_PER_FILE};

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

/// The line of source a diagnostic points into, or a window of it around the column when
/// the line is long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown: the line without its line break, or the window of it.
    pub line_text: String,
    /// The column (in the whole line) of the first character of `line_text`: 1 when the line
    /// is shown from its start.
    pub first_col: u32,
    /// Whether the line goes on after `line_text`.
    pub cut_end: bool,
    /// Characters to underline from the diagnostic's column (at least 1).
    pub width: u32,
}

impl Snippet {
    /// A whole line, with `width` characters to underline.
    pub fn line(line_text: impl Into<String>, width: u32) -> Snippet {
        Snippet {
            line_text: line_text.into(),
            first_col: 1,
            cut_end: false,
            width,
        }
    }
}

/// A teacher's text as a message quotes it: at most [`MAX_QUOTED_CHARS`] characters (the
/// middle left out, `…`), on one line, with control characters shown as `\u{1}`.
pub fn short(text: &str) -> String {
    clip(text, MAX_QUOTED_CHARS).into_owned()
}

/// Names for a help line, each [`short`]: `a, b, c` or, past `max`, `a, b, c and 12 more`.
pub fn listing<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let mut shown = Vec::new();
    let mut more = 0usize;
    for name in names {
        if shown.len() < max {
            shown.push(short(name));
        } else {
            more += 1;
        }
    }
    let mut out = shown.join(", ");
    if more > 0 {
        let _ = write!(out, " and {} more", thousands(more));
    }
    out
}

/// `text` on one line, control characters escaped, at most `max` characters.
fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let plain = |c: char| !c.is_control();
    let fits = text.len() <= max || text.chars().nth(max).is_none();
    if fits && text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let escape = |c: char, out: &mut String| match c {
        '\n' | '\r' | '\t' => out.push(' '),
        c if plain(c) => out.push(c),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    };
    let mut out = String::new();
    if fits {
        text.chars().for_each(|c| escape(c, &mut out));
        return Cow::Owned(out);
    }
    let head = max * 2 / 3;
    let tail = max - head - 1;
    text.chars().take(head).for_each(|c| escape(c, &mut out));
    out.push('…');
    let count = text.chars().count();
    text.chars()
        .skip(count - tail)
        .for_each(|c| escape(c, &mut out));
    Cow::Owned(out)
}

/// The longest message, help or note printed: longer ones (only ever from a mistake in
/// building them) are cut in the middle.
const MAX_MESSAGE_CHARS: usize = 400;

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
        let message = clip(&self.message, MAX_MESSAGE_CHARS);
        // A problem of no file (the output folder, say) has no place to show.
        if self.location.file.is_empty() {
            return format!("{}: {message}", self.severity);
        }
        format!("{}: {}: {message}", self.location, self.severity)
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
            let cut_start = snippet.first_col > 1;
            let before = (self.location.pos.col.saturating_sub(snippet.first_col)) as usize;
            let indent: String = line_text
                .chars()
                .take(before)
                .map(|c| if c.is_whitespace() { c } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{} | {}{}{}\n{pad} | {}{}{}",
                self.location.pos.line,
                if cut_start { "…" } else { "" },
                line_text,
                if snippet.cut_end { "…" } else { "" },
                if cut_start { " " } else { "" },
                indent,
                "^".repeat(snippet.width.max(1) as usize)
            )?;
        }
        if let Some((location, note)) = &self.note {
            write!(
                f,
                "\n{pad} = note: {} at {location}",
                clip(note, MAX_MESSAGE_CHARS)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {}", clip(help, MAX_MESSAGE_CHARS))?;
        }
        Ok(())
    }
}

/// All the diagnostics of a run, in the order found; [`Diagnostics::sorted`] orders them.
///
/// Of each file, the first [`MAX_SHOWN_PER_FILE`] found are kept; the rest are only counted,
/// so that a file of twenty thousand mistakes costs no more memory and output than one of a
/// hundred. Counts ([`Diagnostics::error_count`], [`Diagnostics::summary`]) include them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Made on the first push, and boxed: `Diagnostics` travels in error types, and small
    /// is what they should be.
    counts: Option<Box<Counts>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Counts {
    /// Per file: how many are kept, and how many errors and warnings were left out.
    files: BTreeMap<String, FileCount>,
    /// Where a diagnostic past its file's limit goes, so that `push_mut` can still hand out
    /// a place to add a help line to.
    spare: Option<Diagnostic>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FileCount {
    kept: usize,
    omitted_errors: usize,
    omitted_warnings: usize,
}

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one (or only counts it, past its file's limit).
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.push_mut(diagnostic);
    }

    /// Adds one and returns it, to add a help line or a note.
    pub fn push_mut(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        let counts = self.counts.get_or_insert_with(Box::default);
        let count = match counts.files.get_mut(&diagnostic.location.file) {
            Some(count) => count,
            None => counts
                .files
                .entry(diagnostic.location.file.clone())
                .or_default(),
        };
        if count.kept >= MAX_SHOWN_PER_FILE {
            if diagnostic.is_error() {
                count.omitted_errors += 1;
            } else {
                count.omitted_warnings += 1;
            }
            return counts.spare.insert(diagnostic);
        }
        count.kept += 1;
        let at = self.items.len();
        self.items.push(diagnostic);
        &mut self.items[at]
    }

    /// Whether `file` has reached its limit, so that another diagnostic in it would only be
    /// counted: callers can then skip working out a suggestion for it.
    pub fn is_full(&self, file: &str) -> bool {
        self.file_count(file)
            .is_some_and(|count| count.kept >= MAX_SHOWN_PER_FILE)
    }

    fn file_count(&self, file: &str) -> Option<&FileCount> {
        self.counts.as_ref()?.files.get(file)
    }

    fn file_counts(&self) -> impl Iterator<Item = &FileCount> {
        self.counts.iter().flat_map(|counts| counts.files.values())
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        for diagnostic in other {
            self.push(diagnostic);
        }
    }

    /// Adds all of `other`, as if each had been pushed here in turn: its kept diagnostics,
    /// then the counts of those it left out.
    pub fn append(&mut self, other: Diagnostics) {
        for diagnostic in other.items {
            self.push(diagnostic);
        }
        let Some(counts) = other.counts else { return };
        for (file, other) in counts.files {
            if other.omitted_errors + other.omitted_warnings == 0 {
                continue;
            }
            let counts = self.counts.get_or_insert_with(Box::default);
            let count = counts.files.entry(file).or_default();
            count.omitted_errors += other.omitted_errors;
            count.omitted_warnings += other.omitted_warnings;
        }
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// How many errors, those left out included.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
            + self
                .file_counts()
                .map(|count| count.omitted_errors)
                .sum::<usize>()
    }

    /// How many warnings, those left out included.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| !d.is_error()).count()
            + self
                .file_counts()
                .map(|count| count.omitted_warnings)
                .sum::<usize>()
    }

    /// Whether there are none at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many are kept (see [`Diagnostics::error_count`] for the full counts).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The kept diagnostics in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// The kept diagnostics sorted by file, line, column, then errors before warnings; exact
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

    /// Every kept diagnostic, sorted, as the terminal shows them; after a file's last one, a
    /// line saying how many more it has, if some were left out.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let sorted = self.sorted();
        for (i, diagnostic) in sorted.iter().enumerate() {
            let _ = writeln!(out, "{diagnostic}\n");
            let file = &diagnostic.location.file;
            let last_of_file = sorted
                .get(i + 1)
                .is_none_or(|next| &next.location.file != file);
            if last_of_file && let Some(more) = self.omitted(file) {
                let _ = writeln!(out, "{more}\n");
            }
        }
        out
    }

    /// `path: … and 19,900 more errors in this file, not shown`, if any were left out.
    fn omitted(&self, file: &str) -> Option<String> {
        let count = self.file_count(file)?;
        let parts: Vec<String> = [
            (count.omitted_errors, "error"),
            (count.omitted_warnings, "warning"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| plural(n, &format!("more {what}")))
        .collect();
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "{file}: … and {} in this file, not shown (at most {MAX_SHOWN_PER_FILE} are shown per file: fix these and check again)",
            parts.join(" and ")
        ))
    }

    /// A one-line summary such as `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        format!(
            "{}, {}",
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        )
    }

    /// Takes the kept diagnostics out.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// `1 error`, `19,900 more errors`.
fn plural(n: usize, what: &str) -> String {
    count(n, what, &format!("{what}s"))
}

/// A number and what it counts, in the singular for one: `count(1, "deck", "decks")` is
/// `1 deck`, `count(1200, "entry", "entries")` is `1,200 entries`. For English messages;
/// the pages' and sheets' words have their own plural forms per language.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// `19900` → `19,900`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        for diagnostic in iter {
            self.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests;
