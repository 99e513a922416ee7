//! Limits no real course comes near.
//!
//! A teacher writes a few hundred entries to a deck, a handful of blanks to a fact and a few
//! ids to a list. Content far past that is a mistake (a generated file, a paste gone wrong)
//! or hostile, and reading it as if it were a course would take minutes and gigabytes. Past
//! each limit the loader reports an error at the place where the limit is passed and reads
//! no further there, so every input ends fast, in memory proportional to its size, with a
//! message that says what to do.

/// Entries in one deck file (the benchmarks build decks of 10,000; tests load 20,000), and
/// sources in `sources.yaml`.
pub const MAX_ENTRIES_PER_DECK: usize = 50_000;

/// Decks listed in the course's `decks:`.
pub const MAX_DECKS: usize = 10_000;

/// Items in a list inside an entry or a source (`see:`, `tags:`, `aliases:`, `accept:`,
/// `distractors:`, `source:`, `author:`) or in settings (`include_tags:`, …).
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Blanks (`{…}` parts) in one fact.
pub const MAX_BLANKS_PER_FACT: usize = 100;

/// Answers in one blank: the main answer and its `|` alternatives.
pub const MAX_ANSWERS_PER_BLANK: usize = 100;

/// Levels of nesting of YAML lists and mappings (content needs about six).
pub const MAX_NESTING: usize = 64;

/// Diagnostics kept and shown per file; the rest are counted ("and 19,900 more errors").
pub const MAX_SHOWN_PER_FILE: usize = 100;

/// Characters of a teacher's text quoted in a message (an id, a key, a value).
pub const MAX_QUOTED_CHARS: usize = 60;

/// Characters of a source line shown under a diagnostic; a longer line is shown as a window
/// around the column.
pub const MAX_SNIPPET_CHARS: usize = 100;
