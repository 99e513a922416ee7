//! The files of decksmith's renderers, as values.
//!
//! The renderers (`decksmith-html`, `decksmith-pdf`, `decksmith-export`) are siblings that
//! share nothing but what they read (the course and the generated decks) and what they give
//! back: files to write, each a path in the output folder and its bytes. This crate is that
//! one type, so the driver can gather every format's files and write them itself.

/// A file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    /// The path, with `/` separators (`un-track/quiz.json`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl OutFile {
    /// The file at `path` holding `bytes`.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    /// The file's name: the last part of its path (`quiz.json`).
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}
