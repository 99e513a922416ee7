//! Content files as text, with the line index that turns offsets into `line:col`.
//!
//! The driver reads the bytes; [`SourceFile::decode`] decides whether they are text we can
//! read at all (UTF-8, not binary, not huge) before any YAML parser sees them.

use crate::diag::{Diagnostic, Location, Pos, Snippet};

/// The largest content file we read: bigger ones are almost certainly not hand-written YAML,
/// and refusing them keeps a stray file from stalling a build.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// A content file's text and display path.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: String,
    text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file from text already in memory (a leading byte-order mark is dropped).
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// A file from the bytes read from disk: UTF-8 text, with or without a byte-order mark.
    /// Anything else (binary data, UTF-16, a file of many megabytes) is an error that says
    /// what the file is and how to fix it.
    pub fn decode(path: impl Into<String>, bytes: &[u8]) -> Result<SourceFile, Box<Diagnostic>> {
        let path = path.into();
        let here = |pos: Pos| Location {
            file: path.clone(),
            pos,
        };
        if bytes.len() > MAX_FILE_BYTES {
            return Err(Box::new(
                Diagnostic::error(
                    here(Pos::START),
                    format!(
                        "file is too large ({:.1} MB); content files are limited to {} MB",
                        bytes.len() as f64 / 1_048_576.0,
                        MAX_FILE_BYTES / 1_048_576
                    ),
                )
                .with_help("split the entries over several deck files in the decks folder"),
            ));
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Box::new(
                Diagnostic::error(here(Pos::START), "file is UTF-16 text, not UTF-8")
                    .with_help("save the file with the UTF-8 encoding (most editors offer it under \"Save with encoding\")"),
            ));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let (valid, bad) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                (valid, Some(e.valid_up_to()))
            }
        };
        let nul = valid.find('\0');
        if bad.is_some() || nul.is_some() {
            let upto = nul.unwrap_or(valid.len());
            let prefix = SourceFile::new(path.clone(), &valid[..upto]);
            let pos = prefix.pos_of_byte(upto);
            let message = if nul.is_some() || looks_binary(bytes) {
                "file is binary data, not YAML text"
            } else {
                "file is not valid UTF-8 text"
            };
            return Err(Box::new(
                Diagnostic::error(here(pos), message)
                    .with_help("content files must be YAML saved as UTF-8 text; check that this is the file you meant"),
            ));
        }
        Ok(SourceFile::new(path, valid))
    }

    /// The path shown in diagnostics.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The text, without a byte-order mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A location in this file.
    pub fn location(&self, pos: Pos) -> Location {
        Location {
            file: self.path.clone(),
            pos,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let index = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line = self.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// The position of a byte offset (clamped to the text).
    pub fn pos_of_byte(&self, byte: usize) -> Pos {
        let byte = byte.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= byte);
        let start = self.line_starts[line.saturating_sub(1)];
        let col = self
            .text
            .get(start..byte)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        Pos::new(line as u32, col as u32)
    }

    /// The position of a character offset (as YAML parsers count them).
    pub fn pos_of_char(&self, index: usize) -> Pos {
        let byte = self
            .text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(b, _)| b);
        self.pos_of_byte(byte)
    }

    /// The line under `pos` with `width` characters to underline.
    pub fn snippet(&self, pos: Pos, width: u32) -> Option<Snippet> {
        let line_text = self.line_text(pos.line)?;
        let rest = line_text
            .chars()
            .count()
            .saturating_sub(pos.col as usize - 1) as u32;
        Some(Snippet {
            line_text: line_text.to_owned(),
            width: width.clamp(1, rest.max(1)),
        })
    }

    /// An error at `pos` with the source line shown.
    pub fn error(&self, pos: Pos, width: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.location(pos), message).with_snippet(self.snippet(pos, width))
    }

    /// A warning at `pos` with the source line shown.
    pub fn warning(&self, pos: Pos, width: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.location(pos), message).with_snippet(self.snippet(pos, width))
    }
}

/// Whether bytes look like a binary file rather than text in a legacy encoding.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_handle_crlf() {
        let file = SourceFile::new("f.yaml", "a: 1\r\nб: ж\n");
        assert_eq!(file.pos_of_byte(0), Pos::new(1, 1));
        let zhe = file.text().find('ж').unwrap();
        assert_eq!(file.pos_of_byte(zhe), Pos::new(2, 4));
        assert_eq!(file.pos_of_char(9), Pos::new(2, 4));
        assert_eq!(file.line_text(1), Some("a: 1"));
        assert_eq!(file.line_text(2), Some("б: ж"));
        assert_eq!(file.line_text(9), None);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let file = SourceFile::decode("f.yaml", b"\xEF\xBB\xBFtitle: x\n").unwrap();
        assert_eq!(file.text(), "title: x\n");
    }

    #[test]
    fn binary_and_foreign_encodings_are_refused_with_a_place() {
        let err = SourceFile::decode("f.yaml", b"title: x\n\x00\x01\x02\x03garbage").unwrap_err();
        assert_eq!(
            err.headline(),
            "f.yaml:2:1: error: file is binary data, not YAML text"
        );
        let err = SourceFile::decode("f.yaml", b"title: caf\xE9\n").unwrap_err();
        assert_eq!(
            err.headline(),
            "f.yaml:1:11: error: file is not valid UTF-8 text"
        );
        let err = SourceFile::decode("f.yaml", b"\xFF\xFEt\x00").unwrap_err();
        assert_eq!(
            err.headline(),
            "f.yaml:1:1: error: file is UTF-16 text, not UTF-8"
        );
    }

    #[test]
    fn huge_files_are_refused() {
        let err = SourceFile::decode("f.yaml", &vec![b'#'; MAX_FILE_BYTES + 1]).unwrap_err();
        assert!(
            err.message.starts_with("file is too large"),
            "{}",
            err.message
        );
    }
}
