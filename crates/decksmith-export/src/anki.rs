//! What Anki knows a deck's notes by, shared by `deck.apkg` ([`crate::apkg`]) and
//! `cards.tsv` ([`crate::tsv`]): the deck's name, the notes' GUIDs and ids, their tags, and
//! the revision history that gives every note its modification time.
//!
//! # Identity, so that importing again updates instead of duplicating
//!
//! Anki matches an imported note to one it has by GUID, and replaces it only when the
//! imported note's modification time is *later* than its own (its default "update if
//! newer"). So:
//!
//! - the GUID is a hash of the course title, the deck id and the entry id, so it stays the
//!   same from build to build (and a fact's derived id only changes when its text does);
//! - note-type, deck and note ids are hashes of names, fixed from build to build;
//! - every modification time comes from the **revision history**, [`Revisions`].
//!
//! A modification time cannot be a function of the content alone and still grow with every
//! edit: edit an entry from A to B and back to A, and determinism would give the third build
//! the first one's time, older than the second's, so Anki would keep B. So the build keeps a
//! history: for every note, a hash of what it holds and the time it was given. A note that
//! holds the same as last time keeps its time; a changed note gets its last time plus one
//! second (and never less than the floor); a new note gets the floor. The floor is a fixed
//! date unless the build is given `SOURCE_DATE_EPOCH` (the reproducible-builds convention),
//! and never the clock. The driver reads the history from the output folder and writes it
//! back (`.decksmith-revisions`), so the same content built over the same output gives the
//! same bytes, and an edited entry reaches Anki on the next import, where the edited note is
//! updated and no note is duplicated (Anki never replaces the cards of a note it already
//! has, so progress is kept).

use std::fmt::{self, Write as _};

use decksmith_model::hash::Fnv;
use decksmith_model::{Course, Deck};
use decksmith_quiz::Card;

/// A time in seconds since 1970, as Anki stores modification times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Revision(pub i64);

impl Revision {
    /// The floor when none is given: 2024-01-01T00:00:00Z.
    pub const DEFAULT: Revision = Revision(1_704_067_200);

    /// The floor from the value of `SOURCE_DATE_EPOCH`, if one was given.
    pub fn from_source_date_epoch(value: Option<&str>) -> Result<Revision, SourceDateEpochError> {
        match value.map(str::trim) {
            None | Some("") => Ok(Revision::DEFAULT),
            Some(v) => match v.parse::<i64>() {
                Ok(secs) if (0..=253_402_300_799).contains(&secs) => Ok(Revision(secs)),
                _ => Err(SourceDateEpochError {
                    value: v.to_owned(),
                }),
            },
        }
    }
}

/// What a note held at its last build, and the time it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteRevision {
    /// A hash of the note's type, fields, tags and deck.
    pub hash: u64,
    /// Its modification time.
    pub time: Revision,
}

/// The revision history of every note, by GUID, and the floor for new times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revisions {
    /// No time is earlier than this.
    pub floor: Revision,
    /// The notes of earlier builds.
    pub notes: std::collections::BTreeMap<String, NoteRevision>,
}

impl Default for Revisions {
    fn default() -> Revisions {
        Revisions {
            floor: Revision::DEFAULT,
            notes: std::collections::BTreeMap::new(),
        }
    }
}

/// The revision each note of a package was given, by GUID.
pub type Given = Vec<(String, NoteRevision)>;

/// The first line of the history file.
const HISTORY_HEADER: &str = "# decksmith: Anki note revisions (GUID, content hash, time); keep this file so edits reach Anki as updates";

impl Revisions {
    /// The time a note gets now: its old time if it holds the same, one second after its old
    /// time if it changed, the floor if it is new.
    pub fn time(&self, guid: &str, hash: u64) -> Revision {
        match self.notes.get(guid) {
            Some(old) if old.hash == hash => old.time,
            Some(old) => Revision((old.time.0 + 1).max(self.floor.0)),
            None => self.floor,
        }
    }

    /// Reads the history file's text. Lines that cannot be read are skipped: the worst a
    /// damaged history does is to give some notes the floor again.
    pub fn parse(text: &str, floor: Revision) -> Revisions {
        let notes = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let guid = fields.next()?;
                let hash = u64::from_str_radix(fields.next()?, 16).ok()?;
                let time = fields.next()?.parse().ok()?;
                Some((
                    guid.to_owned(),
                    NoteRevision {
                        hash,
                        time: Revision(time),
                    },
                ))
            })
            .collect();
        Revisions { floor, notes }
    }

    /// The history file's text: one line per note, sorted by GUID.
    pub fn to_text(&self) -> String {
        let mut out = String::from(HISTORY_HEADER);
        out.push('\n');
        for (guid, note) in &self.notes {
            let _ = writeln!(out, "{guid}\t{:016x}\t{}", note.hash, note.time.0);
        }
        out
    }
}

/// `SOURCE_DATE_EPOCH` holds something other than a number of seconds since 1970 (up to the
/// year 9999).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDateEpochError {
    /// The variable's value.
    pub value: String,
}

impl fmt::Display for SourceDateEpochError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SOURCE_DATE_EPOCH is `{}`, not a number of seconds since 1970",
            self.value
        )
    }
}

impl std::error::Error for SourceDateEpochError {}

// A 64-bit hash of some strings (the first 8 bytes of their SHA-1, each string ended by a
// NUL so that `("ab", "c")` and `("a", "bc")` differ), shared with the cards' GUIDs.
pub(crate) use decksmith_quiz::guid::hash64;

/// A fast 64-bit hash (FNV-1a) of what a note holds, for the revision history: it only has
/// to tell whether a note changed since the last build.
pub(crate) fn content_hash(parts: &[&str]) -> u64 {
    let mut hash = Fnv::new();
    for part in parts {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    hash.finish()
}

/// An id in the range Anki's own ids (milliseconds since 1970) fall in, from a hash.
pub(crate) fn anki_id(parts: &[&str]) -> i64 {
    const BASE: u64 = 1_000_000_000_000;
    (BASE + hash64(parts) % (8 * BASE)) as i64
}

/// The GUID of the note of an entry (or of any other id within the deck).
pub fn guid(course: &Course, deck: &Deck, entry: &str) -> String {
    decksmith_quiz::guid::guid(&course.title, &deck.id, entry)
}

/// The deck's name in Anki: `Course::Deck`, by titles (a `::` inside a title, which would
/// nest deeper, becomes `:`).
pub fn deck_name(course: &Course, deck: &Deck) -> String {
    let part = |s: &str| s.trim().replace(['\n', '\r', '\t'], " ").replace("::", ":");
    format!("{}::{}", part(&course.title), part(&deck.title))
}

/// Anki's tag syntax: tags separated by spaces, so a space inside a tag becomes `_`.
pub fn tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    push_tag(&mut out, tag);
    out
}

/// Appends [`tag`] of `tag` to `out`.
fn push_tag(out: &mut String, tag: &str) {
    for (i, word) in tag.split_whitespace().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(word);
    }
}

/// A card's tags as a note holds them: in Anki's syntax, empty ones left out, each preceded
/// and followed by a space (` a b `), or nothing when there are none.
pub(crate) fn note_tags(card: &Card) -> String {
    let mut out = String::new();
    for tag in &card.tags {
        out.push(' ');
        let start = out.len();
        push_tag(&mut out, tag);
        if out.len() == start {
            out.pop();
        }
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// [`note_tags`] without the spaces around: the tags separated by single spaces.
pub(crate) fn unpadded(note_tags: &str) -> &str {
    note_tags
        .strip_prefix(' ')
        .and_then(|tags| tags.strip_suffix(' '))
        .unwrap_or(note_tags)
}

/// A card's tags in Anki's syntax, empty ones left out.
pub fn tags(card: &Card) -> Vec<String> {
    card.tags
        .iter()
        .map(|t| tag(t))
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_guids_stay_what_they_were() {
        // Ids and GUIDs must not change from release to release, or a new package would
        // not update the notes an old one made.
        assert_eq!(hash64(&["a", "bc"]), 0xc462_8cab_7124_ae90);
        assert_ne!(hash64(&["ab", "c"]), hash64(&["a", "bc"]));
    }

    #[test]
    fn a_notes_tags_are_anki_tags_with_a_space_at_each_end() {
        let card = |tags: &[&str]| Card {
            id: "e".into(),
            guid: "g".into(),
            number: 1,
            entry: "e".into(),
            kind: "term",
            reverse: false,
            front: Default::default(),
            back: Default::default(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            sources: Vec::new(),
            origin: Default::default(),
        };
        for tags in [
            &[][..],
            &["one"],
            &["two words", "  ", "x\ty  z", ""],
            &[" lead", "trail "],
        ] {
            let card = card(tags);
            let joined = super::tags(&card).join(" ");
            let expected = if joined.is_empty() {
                joined.clone()
            } else {
                format!(" {joined} ")
            };
            assert_eq!(note_tags(&card), expected, "{tags:?}");
            assert_eq!(unpadded(&note_tags(&card)), joined, "{tags:?}");
        }
        assert_eq!(note_tags(&card(&["two words", "x"])), " two_words x ");
    }
}
