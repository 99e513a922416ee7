//! Content files as text, with the line index that turns offsets into `line:col`.
//!
//! The driver reads the bytes; [`SourceFile::decode`] decides whether they are text we can
//! read at all (UTF-8, not binary, not huge) before any YAML parser sees them.

use crate::diag::{Diagnostic, Location, Pos, Snippet, thousands};
use crate::limits::MAX_SNIPPET_CHARS;

/// The largest content file we read: bigger ones are almost certainly not hand-written YAML,
/// and refusing them keeps a stray file from stalling a build.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Every this many characters, [`SourceFile`] remembers the byte offset, so that turning a
/// column into a byte offset (or back) never walks more than this many characters, however
/// long the line.
const CHAR_STRIDE: usize = 64;

/// A content file's text and display path.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: String,
    text: String,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// Character index of each line's start.
    line_chars: Vec<usize>,
    /// Byte offset of every `CHAR_STRIDE`th character.
    strides: Vec<usize>,
}

impl SourceFile {
    /// A file from text already in memory (a leading byte-order mark is dropped).
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut line_starts = vec![0];
        let mut line_chars = vec![0];
        let mut strides = Vec::with_capacity(text.len() / CHAR_STRIDE + 1);
        for (index, (byte, c)) in text.char_indices().enumerate() {
            if index.is_multiple_of(CHAR_STRIDE) {
                strides.push(byte);
            }
            if c == '\n' {
                line_starts.push(byte + 1);
                line_chars.push(index + 1);
            }
        }
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            line_chars,
            strides,
        }
    }

    /// The error for a file of `len` bytes, over [`MAX_FILE_BYTES`]: the driver gives the
    /// size it found on disk without reading the file.
    pub fn too_large(path: impl Into<String>, len: u64) -> Diagnostic {
        let location = Location {
            file: path.into(),
            pos: Pos::START,
        };
        let megabytes = len as f64 / 1_048_576.0;
        let size = if megabytes >= 10.0 {
            format!("{megabytes:.0} MB")
        } else {
            format!("{} bytes", thousands(len as usize))
        };
        Diagnostic::error(
            location,
            format!(
                "file is too large ({size}); content files are limited to {} MB ({} bytes)",
                MAX_FILE_BYTES / 1_048_576,
                thousands(MAX_FILE_BYTES)
            ),
        )
        .with_help("split the entries over several deck files in the decks folder; if this is not a course file, move it out of the course folder")
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
            return Err(Box::new(SourceFile::too_large(path, bytes.len() as u64)));
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
                "file is binary data, not text"
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

    /// A location in this file (a position past the end of a line or of the file is moved
    /// back onto it).
    pub fn location(&self, pos: Pos) -> Location {
        Location {
            file: self.path.clone(),
            pos: self.clamp(pos),
        }
    }

    /// `pos`, or the nearest place that exists: at most one past a line's last character,
    /// on a line the file has.
    pub fn clamp(&self, pos: Pos) -> Pos {
        let line = pos.line.clamp(1, self.line_starts.len() as u32);
        let col = pos.col.min(self.line_len(line) as u32 + 1);
        Pos::new(line, col)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let (start, end) = self.line_bytes(line)?;
        self.text.get(start..end)
    }

    /// Byte range of a 1-based line, without its line break (and a `\r` before it).
    fn line_bytes(&self, line: u32) -> Option<(usize, usize)> {
        let index = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some((start, end))
    }

    /// Characters in a 1-based line, without its line break.
    fn line_len(&self, line: u32) -> usize {
        let index = line as usize - 1;
        let start = self.line_chars[index];
        let end = self
            .line_chars
            .get(index + 1)
            .map_or_else(|| self.char_count(), |next| next - 1);
        let cr = self
            .line_bytes(line)
            .is_some_and(|(_, end_byte)| self.text.as_bytes().get(end_byte) == Some(&b'\r'));
        end.saturating_sub(start) - usize::from(cr)
    }

    fn char_count(&self) -> usize {
        let last = self.strides.len().saturating_sub(1);
        let from = self.strides.get(last).copied().unwrap_or(0);
        last * CHAR_STRIDE + self.text[from..].chars().count()
    }

    /// The byte offset of character `index` (the text's length past its end).
    fn byte_of_char(&self, index: usize) -> usize {
        let Some(&from) = self.strides.get(index / CHAR_STRIDE) else {
            return self.text.len();
        };
        self.text[from..]
            .char_indices()
            .nth(index % CHAR_STRIDE)
            .map_or(self.text.len(), |(b, _)| from + b)
    }

    /// The character index of a byte offset (rounded down to a character boundary).
    fn char_of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let stride = self
            .strides
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let from = self.strides.get(stride).copied().unwrap_or(0);
        let walked = self.text[from..]
            .char_indices()
            .take_while(|(b, _)| from + b < byte)
            .count();
        stride * CHAR_STRIDE + walked
    }

    /// The position of a byte offset (clamped to the text).
    pub fn pos_of_byte(&self, byte: usize) -> Pos {
        self.pos_of_char(self.char_of_byte(byte))
    }

    /// The position of a character offset (as YAML parsers count them).
    pub fn pos_of_char(&self, index: usize) -> Pos {
        let line = self.line_chars.partition_point(|&start| start <= index);
        let start = self.line_chars[line.saturating_sub(1)];
        Pos::new(line as u32, (index - start) as u32 + 1)
    }

    /// The byte offset of a position (clamped to its line; `None` past the last line).
    pub fn byte_of_pos(&self, pos: Pos) -> Option<usize> {
        let index = (pos.line as usize).checked_sub(1)?;
        let start = *self.line_chars.get(index)?;
        let col = (pos.col as usize - 1).min(self.line_len(pos.line));
        Some(self.byte_of_char(start + col))
    }

    /// The line under `pos` with `width` characters to underline; a window of it around the
    /// column when the line is long, with control characters shown as `�`.
    pub fn snippet(&self, pos: Pos, width: u32) -> Option<Snippet> {
        let (line_start, line_end) = self.line_bytes(pos.line)?;
        let len = self.line_len(pos.line);
        let col = (pos.col as usize).clamp(1, len + 1);
        // The window: the whole line if it is short, else some context before the column
        // and the rest after it.
        let (first, last) = if len <= MAX_SNIPPET_CHARS {
            (1, len)
        } else {
            let first = col.saturating_sub(MAX_SNIPPET_CHARS / 3).max(1);
            (first, (first + MAX_SNIPPET_CHARS - 1).min(len))
        };
        let start_char = self.line_chars[pos.line as usize - 1];
        let from = self.byte_of_char(start_char + first - 1).max(line_start);
        let to = self.byte_of_char(start_char + last).min(line_end);
        let line_text = self
            .text
            .get(from..to)
            .unwrap_or("")
            .chars()
            .map(|c| {
                if c.is_control() && c != '\t' || matches!(c, '\u{2028}' | '\u{2029}') {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect();
        let rest = (last + 1).saturating_sub(col).max(1) as u32;
        Some(Snippet {
            line_text,
            first_col: first as u32,
            cut_end: last < len,
            width: width.clamp(1, rest),
        })
    }

    /// An error at `pos` with the source line shown.
    pub fn error(&self, pos: Pos, width: u32, message: impl Into<String>) -> Diagnostic {
        let pos = self.clamp(pos);
        Diagnostic::error(self.location(pos), message).with_snippet(self.snippet(pos, width))
    }

    /// A warning at `pos` with the source line shown.
    pub fn warning(&self, pos: Pos, width: u32, message: impl Into<String>) -> Diagnostic {
        let pos = self.clamp(pos);
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
            "f.yaml:2:1: error: file is binary data, not text"
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
        assert_eq!(
            err.message,
            "file is too large (8,388,609 bytes); content files are limited to 8 MB (8,388,608 bytes)"
        );
        let err = SourceFile::too_large("f.yaml", 50 * 1_048_576);
        assert_eq!(
            err.message,
            "file is too large (50 MB); content files are limited to 8 MB (8,388,608 bytes)"
        );
    }

    #[test]
    fn positions_and_offsets_agree_on_long_lines_of_many_scripts() {
        let line: String = (0..500).map(|i| ['a', 'ж', '中', '😀'][i % 4]).collect();
        let file = SourceFile::new("f.yaml", format!("x\r\n{line}\r\ny\n"));
        for (index, (byte, _)) in line.char_indices().enumerate() {
            let pos = Pos::new(2, index as u32 + 1);
            let at = 3 + byte;
            assert_eq!(file.pos_of_byte(at), pos);
            assert_eq!(file.pos_of_char(3 + index), pos);
            assert_eq!(file.byte_of_pos(pos), Some(at));
        }
        assert_eq!(file.byte_of_pos(Pos::new(2, 9999)), Some(3 + line.len()));
        assert_eq!(file.pos_of_byte(file.text().len()), Pos::new(4, 1));
        assert_eq!(file.line_text(2), Some(line.as_str()));
    }

    #[test]
    fn snippets_of_long_lines_are_windows_around_the_column() {
        let long = format!("key: [{}]", "x, ".repeat(20_000));
        let file = SourceFile::new("f.yaml", format!("title: t\n{long}\n"));
        let snippet = file.snippet(Pos::new(2, 30_001), 3).unwrap();
        assert_eq!(snippet.line_text.chars().count(), MAX_SNIPPET_CHARS);
        assert_eq!(snippet.first_col, 30_001 - MAX_SNIPPET_CHARS as u32 / 3);
        assert!(snippet.cut_end);
        assert_eq!(snippet.width, 3);
        let short = file.snippet(Pos::new(1, 8), 50).unwrap();
        assert_eq!(short, Snippet::line("title: t", 1));
        let control = SourceFile::new("f.yaml", "a: b\u{1}c\n");
        assert_eq!(
            control.snippet(Pos::new(1, 4), 1).unwrap().line_text,
            "a: b\u{fffd}c"
        );
    }
}
