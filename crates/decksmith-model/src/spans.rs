//! Where each YAML node is: a position index for errors that serde cannot place.
//!
//! serde_yaml reports positions only for syntax and type errors it meets while parsing. A
//! dangling source reference or a duplicate id is found later, on typed values, so we parse
//! the same text a second time with saphyr's event parser, which gives spans, and remember
//! where every key and value starts under its [`Path`] (`entries[3].source`). A path is a
//! list of keys and list indexes, never a string split on dots: `strings: { q.expansion: … }`
//! has the one key `q.expansion`. Paths from [`serde_path_to_error`] convert to the same
//! [`Path`], so a type error finds its place here too.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diag::Pos;
use crate::limits::MAX_NESTING;
use crate::source::SourceFile;

/// One step of a [`Path`]: a mapping's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// The value under a key of a mapping (the key as written, dots and all).
    Key(String),
    /// An item of a list, from 0.
    Index(usize),
}

/// Where a node is in a document: keys and list indexes from the root.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The document's root.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// The path of a key at the root (`title`, `entries`).
    pub fn top(key: &str) -> Path {
        Path::root().key(key)
    }

    /// The path of `key` under this one.
    pub fn key(&self, key: &str) -> Path {
        self.with(Segment::Key(key.to_owned()))
    }

    /// The path of item `index` of the list here.
    pub fn index(&self, index: usize) -> Path {
        self.with(Segment::Index(index))
    }

    /// This path followed by `rest`.
    pub fn join(&self, rest: &[Segment]) -> Path {
        let mut segments = Vec::with_capacity(self.0.len() + rest.len());
        segments.extend_from_slice(&self.0);
        segments.extend_from_slice(rest);
        Path(segments)
    }

    fn with(&self, segment: Segment) -> Path {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(segment);
        Path(segments)
    }

    /// Its steps from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The path one level up (the root's is the root).
    pub fn parent(&self) -> Path {
        Path(self.0[..self.0.len().saturating_sub(1)].to_vec())
    }

    /// The last key of the path, if it has one (`tags` in `entries[3].tags[1]`).
    pub fn last_key(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|segment| match segment {
            Segment::Key(key) => Some(key.as_str()),
            Segment::Index(_) => None,
        })
    }

    /// The path up to its last key: `quiz.kinds[2]` → `quiz.kinds`, `a.b[2].c` → itself.
    pub fn up_to_last_key(&self) -> Path {
        let end = self
            .0
            .iter()
            .rposition(|segment| matches!(segment, Segment::Key(_)))
            .map_or(0, |i| i + 1);
        Path(self.0[..end].to_vec())
    }

    /// The path's first step alone: `strings.x` → `strings`, `tags[3]` → `tags`.
    pub fn first(&self) -> Path {
        Path(self.0.iter().take(1).cloned().collect())
    }
}

impl Borrow<[Segment]> for Path {
    fn borrow(&self) -> &[Segment] {
        &self.0
    }
}

impl From<Vec<Segment>> for Path {
    fn from(segments: Vec<Segment>) -> Path {
        Path(segments)
    }
}

impl fmt::Display for Path {
    /// As people read it: `entries[3].source`, a key with a dot, a bracket or a space in
    /// quotes (`strings."q.expansion"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if key.is_empty() || key.contains(['.', '[', ']', '"', ' ']) {
                        write!(f, "{key:?}")?;
                    } else {
                        f.write_str(key)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Where a node starts, and how wide its first line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Where it starts.
    pub pos: Pos,
    /// Characters to underline (at least 1).
    pub width: u32,
}

/// The places of a mapping value and of its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodePlace {
    /// The key, for values in a mapping.
    pub key: Option<Place>,
    /// The value.
    pub value: Place,
}

/// Positions of every node in one YAML document, by path.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    nodes: HashMap<Path, NodePlace>,
    duplicates: Vec<Duplicate>,
    too_deep: Option<Place>,
    /// Whether the parse stopped at a syntax error.
    stopped: bool,
    /// Where the parse stopped: at a syntax error, or where a second document starts.
    stopped_at: Option<Pos>,
    /// Paths read under another name than written (a misspelt key read as the key it
    /// stands for), to the path as written.
    aliases: RefCell<HashMap<Path, Path>>,
    /// Unquoted texts that a `#` cut short, in the order found (at most
    /// [`MAX_CUT_TEXTS`]).
    cut_texts: Vec<CutText>,
    /// The last quoted text read over more than one line before the parse stopped, or the
    /// one it stopped in.
    quote_over_lines: Option<QuoteOverLines>,
}

/// A quoted text that YAML read over more than one line: a quotation mark never closed on
/// its line, often enough, that the next quotation mark, lines later, closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteOverLines {
    /// Where its opening quotation mark is.
    pub start: Pos,
    /// `"` or `'`.
    pub quote: char,
    /// The line where it ends; `None` when the parse stopped inside it because a line in it
    /// is indented less than its mapping's keys, or the file ended.
    pub end_line: Option<u32>,
}

/// Unquoted texts cut short by a `#` recorded per file: more could not all be shown.
const MAX_CUT_TEXTS: usize = 100;

/// An unquoted text followed on its line by ` #` and a word (`context: Lecture #3`): YAML
/// reads the rest of the line as a comment, which the writer hardly meant, since a comment
/// is written with a space after its `#`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutText {
    /// Where the `#` is, the rest of the line underlined.
    pub place: Place,
    /// The text as YAML reads it (`Lecture`).
    pub text: String,
    /// What the comment took (`#3`).
    pub comment: String,
}

/// Where a scan of the text has got to: a character index and its byte offset.
#[derive(Default)]
struct Cursor {
    chars: usize,
    bytes: usize,
}

/// A key that appears twice in one mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The path of the repeated key.
    pub path: Path,
    /// The first occurrence.
    pub first: Place,
    /// The second occurrence.
    pub second: Place,
}

enum Frame {
    Map {
        path: Path,
        /// The key waiting for its value, with where it is.
        key: Option<(String, Place)>,
        seen: HashMap<String, Place>,
    },
    Seq {
        path: Path,
        next: usize,
    },
    /// A complex key (a mapping used as a key): nothing under it is indexed.
    Skip {
        depth: usize,
    },
}

impl SpanIndex {
    /// Indexes the first document of `file`. The parse stops quietly at a syntax error:
    /// serde_yaml reports those, and whatever was indexed before the error still helps.
    pub fn build(file: &SourceFile) -> SpanIndex {
        SpanIndex::build_text(file.text())
    }

    /// Indexes the first document of a YAML text. The parse also stops where lists and
    /// mappings nest more than [`MAX_NESTING`] levels deep ([`SpanIndex::too_deep`]): that
    /// is checked here, on events, because YAML parsers take time quadratic in the depth
    /// to reach their own limits.
    pub fn build_text(text: &str) -> SpanIndex {
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        let mut started = false;
        let mut depth = 0usize;
        let mut cursor = Cursor::default();
        loop {
            let (event, span) = match parser.next_event() {
                Some(Ok(next)) => next,
                Some(Err(error)) => {
                    index.stop_in_quote(text, &error);
                    index.stop_at_error(&error, &stack);
                    break;
                }
                None => break,
            };
            let place = place_of(&span);
            match &event {
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        index.too_deep = Some(place);
                        break;
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
                _ => {}
            }
            match event {
                Event::DocumentStart(_) if started => {
                    index.stopped_at = Some(place.pos);
                    break;
                }
                Event::DocumentStart(_) => started = true,
                Event::Scalar(value, style, ..) => {
                    index.note_quote(style, &span);
                    if style == ScalarStyle::Plain && index.cut_texts.len() < MAX_CUT_TEXTS {
                        index.cut_by_comment(text, &mut cursor, &value, &span);
                    }
                    index.node(&mut stack, Some(value.as_ref()), place);
                }
                Event::Alias(_) => index.node(&mut stack, None, place),
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    index.start_collection(&mut stack, place, is_map);
                }
                Event::MappingEnd | Event::SequenceEnd => end_collection(&mut stack, place),
                Event::StreamEnd => break,
                _ => {}
            }
        }
        index
    }

    /// The parse stopped at `error`: where, and whether for nesting too deep; the keys
    /// whose values were being read stay places for errors about those values (serde_yaml
    /// may read what saphyr could not).
    fn stop_at_error(&mut self, error: &saphyr_parser::ScanError, stack: &[Frame]) {
        // saphyr's scanner has a nesting limit of its own, which it meets while looking
        // ahead, before the parser gives the events that pass ours.
        let mark = error.marker();
        let at = Pos::new(mark.line() as u32, mark.col() as u32 + 1);
        if error.info().contains("recursion limit") {
            self.too_deep = Some(Place { pos: at, width: 1 });
        }
        self.stopped = true;
        self.stopped_at = Some(at);
        for frame in stack {
            if let Frame::Map {
                path,
                key: Some((name, place)),
                ..
            } = frame
            {
                self.nodes.entry(path.key(name)).or_insert(NodePlace {
                    key: Some(*place),
                    value: *place,
                });
            }
        }
    }

    /// Remembers a quoted scalar in `span` that goes over more than one line.
    fn note_quote(&mut self, style: ScalarStyle, span: &Span) {
        let quote = match style {
            ScalarStyle::DoubleQuoted => '"',
            ScalarStyle::SingleQuoted => '\'',
            _ => return,
        };
        if span.end.line() != span.start.line() {
            self.quote_over_lines = Some(QuoteOverLines {
                start: place_of(span).pos,
                quote,
                end_line: Some(span.end.line() as u32),
            });
        }
    }

    /// When the parse stopped in a quoted text, or just after one with something after its
    /// closing mark, remembers that text as [`QuoteOverLines`] if it starts on an earlier line.
    fn stop_in_quote(&mut self, text: &str, error: &saphyr_parser::ScanError) {
        let mark = error.marker();
        let info = error.info();
        if info.contains("indentation in quoted scalar")
            || info.contains("while scanning a quoted scalar")
        {
            // saphyr marks where the quoted text starts.
            let start = Pos::new(mark.line() as u32, mark.col() as u32 + 1);
            let quote = text
                .chars()
                .nth(mark.index())
                .filter(|c| *c == '\'' || *c == '"');
            if let Some(quote) = quote {
                self.quote_over_lines = Some(QuoteOverLines {
                    start,
                    quote,
                    end_line: None,
                });
            }
        } else if info.contains("trailing content after") {
            // saphyr marks what follows the closing mark: find the opening one.
            let before: Vec<char> = text.chars().take(mark.index()).collect();
            if let Some(found) = opening_quote(&before) {
                self.quote_over_lines = Some(found).filter(|q| q.start.line < mark.line() as u32);
            }
        }
    }

    /// A mapping or sequence starts at `place`: a frame for it, or one more level of a
    /// complex key being skipped.
    fn start_collection(&mut self, stack: &mut Vec<Frame>, place: Place, is_map: bool) {
        if let Some(Frame::Skip { depth }) = stack.last_mut() {
            *depth += 1;
            return;
        }
        match self.child_path(stack, place) {
            Some(path) => stack.push(if is_map {
                Frame::Map {
                    path,
                    key: None,
                    seen: HashMap::new(),
                }
            } else {
                Frame::Seq { path, next: 0 }
            }),
            None => stack.push(Frame::Skip { depth: 1 }),
        }
    }

    /// Records a plain scalar ending in `span` that a comment with no space after its `#`
    /// follows on the same line. `cursor` only moves forward: scalars come in order, so the
    /// whole text is scanned once.
    fn cut_by_comment(&mut self, text: &str, cursor: &mut Cursor, value: &str, span: &Span) {
        let end = span.end.index();
        if end < cursor.chars {
            return;
        }
        let mut found = None;
        for (offset, _) in text[cursor.bytes..].char_indices() {
            if cursor.chars == end {
                found = Some(offset);
                break;
            }
            cursor.chars += 1;
        }
        cursor.bytes = found.map_or(text.len(), |offset| cursor.bytes + offset);
        if cursor.chars != end {
            return;
        }
        // Only the next few characters are looked at: a line of 200,000 items is read in
        // one pass, not once per item.
        let rest = &text[cursor.bytes..];
        let after = rest.trim_start_matches([' ', '\t']);
        let blanks = rest.len() - after.len();
        let Some(word) = after.strip_prefix('#') else {
            return;
        };
        if blanks == 0 || word.is_empty() || word.starts_with([' ', '\t', '#', '\n', '\r']) {
            return;
        }
        let comment = after
            .split(['\n', '\r'])
            .next()
            .unwrap_or_default()
            .trim_end();
        self.cut_texts.push(CutText {
            place: Place {
                pos: Pos::new(span.end.line() as u32, (span.end.col() + blanks) as u32 + 1),
                width: comment.chars().count().max(1) as u32,
            },
            text: value.to_owned(),
            comment: comment.to_owned(),
        });
    }

    /// The last quoted text read over more than one line before the parse stopped, or the
    /// one it stopped in.
    pub fn quote_over_lines(&self) -> Option<QuoteOverLines> {
        self.quote_over_lines
    }

    /// Unquoted texts a `#` cut short ([`CutText`]), in the order found.
    pub fn cut_texts(&self) -> &[CutText] {
        &self.cut_texts
    }

    /// Records a scalar or alias.
    fn node(&mut self, stack: &mut [Frame], scalar: Option<&str>, place: Place) {
        match stack.last_mut() {
            Some(Frame::Skip { .. }) => {}
            Some(Frame::Map {
                key: key @ None, ..
            }) => {
                *key = Some((scalar.unwrap_or("*").to_owned(), place));
            }
            _ => {
                self.child_path(stack, place);
            }
        }
    }

    /// Records a value at the next path under the innermost frame, and returns that path
    /// (`None` when the value belongs to a key we cannot name).
    fn child_path(&mut self, stack: &mut [Frame], place: Place) -> Option<Path> {
        match stack.last_mut() {
            None => {
                self.nodes.insert(
                    Path::root(),
                    NodePlace {
                        key: None,
                        value: place,
                    },
                );
                Some(Path::root())
            }
            Some(Frame::Seq { path, next }) => {
                let child = path.index(*next);
                *next += 1;
                self.nodes.insert(
                    child.clone(),
                    NodePlace {
                        key: None,
                        value: place,
                    },
                );
                Some(child)
            }
            Some(Frame::Map { path, key, seen }) => {
                let Some((name, key_place)) = key.take() else {
                    // A list or mapping as a key (`? kind: news`): remember where the first
                    // one is, for the error about it; nothing under it is indexed.
                    let complex = path.key("?");
                    self.nodes.entry(complex).or_insert(NodePlace {
                        key: Some(place),
                        value: place,
                    });
                    return None;
                };
                if name == "?" {
                    return None;
                }
                let child = path.key(&name);
                if let Some(first) = seen.get(&name) {
                    self.duplicates.push(Duplicate {
                        path: child.clone(),
                        first: *first,
                        second: key_place,
                    });
                    return Some(child);
                }
                seen.insert(name, key_place);
                self.nodes.insert(
                    child.clone(),
                    NodePlace {
                        key: Some(key_place),
                        value: place,
                    },
                );
                Some(child)
            }
            Some(Frame::Skip { .. }) => None,
        }
    }

    /// The node at `path`, if the document has one there.
    pub fn get(&self, path: &Path) -> Option<&NodePlace> {
        self.nodes.get(path)
    }

    /// Where the value at `path` is, or the nearest enclosing node that exists (a missing
    /// key is reported at the mapping that lacks it).
    pub fn value(&self, path: &Path) -> Place {
        self.nearest(path.segments())
            .map_or(START, |node| node.value)
    }

    /// Where the key of `path` is, falling back to its value or the nearest enclosing node.
    pub fn key(&self, path: &Path) -> Place {
        self.nearest(path.segments())
            .map_or(START, |node| node.key.unwrap_or(node.value))
    }

    /// Makes `path` find the place of `written`: the reader read a misspelt key's value as
    /// the key it stands for.
    pub fn alias(&self, path: &Path, written: &Path) {
        self.aliases
            .borrow_mut()
            .insert(path.clone(), written.clone());
    }

    fn nearest(&self, path: &[Segment]) -> Option<&NodePlace> {
        for end in (0..=path.len()).rev() {
            let at = &path[..end];
            if let Some(node) = self.nodes.get(at) {
                return Some(node);
            }
            let written = self.aliases.borrow().get(at).cloned();
            if let Some(written) = written {
                let renamed = written.join(&path[end..]);
                return self
                    .nodes
                    .get(&renamed)
                    .or_else(|| self.nearest(written.segments()));
            }
        }
        None
    }

    /// Keys that appear twice in one mapping, in document order.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Whether the parse stopped at a syntax error (the index then holds what came before).
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// Where the parse stopped early: at a syntax error, or at the start of a second
    /// document.
    pub fn stopped_at(&self) -> Option<Pos> {
        self.stopped_at
    }

    /// Where lists and mappings first nest more than [`MAX_NESTING`] levels deep, if they do
    /// (the index then stops there).
    pub fn too_deep(&self) -> Option<Place> {
        self.too_deep
    }
}

const START: Place = Place {
    pos: Pos::START,
    width: 1,
};

/// A mapping or sequence ends at `place`: its frame is done, or one level of a complex key.
fn end_collection(stack: &mut Vec<Frame>, place: Place) {
    if let Some(Frame::Skip { depth }) = stack.last_mut() {
        *depth -= 1;
        if *depth > 0 {
            return;
        }
    }
    let done = stack.pop();
    if matches!(done, Some(Frame::Skip { .. })) {
        // The complex key is complete: its value comes next, under a key we cannot name,
        // so it is skipped as well.
        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
            *key = Some(("?".into(), place));
        }
    }
}

fn place_of(span: &Span) -> Place {
    let (start, end) = (span.start, span.end);
    let width = if end.line() == start.line() && end.col() > start.col() {
        (end.col() - start.col()) as u32
    } else {
        1
    };
    Place {
        pos: Pos::new(start.line() as u32, start.col() as u32 + 1),
        width,
    }
}

#[cfg(test)]
mod tests;

/// For the characters up to some text after a closing quotation mark: the quoted text that
/// mark closes, found by going back to its opening mark (`\"` and `''` are not marks).
fn opening_quote(before: &[char]) -> Option<QuoteOverLines> {
    let mut i = before.len();
    while i > 0 && matches!(before[i - 1], ' ' | '\t') {
        i -= 1;
    }
    let close = i.checked_sub(1)?;
    let quote = before[close];
    if quote != '"' && quote != '\'' {
        return None;
    }
    let end_line = before[..close].iter().filter(|c| **c == '\n').count() as u32 + 1;
    let mut j = close;
    while j > 0 {
        j -= 1;
        if before[j] != quote {
            continue;
        }
        let escaped = if quote == '"' {
            before[..j].iter().rev().take_while(|c| **c == '\\').count() % 2 == 1
        } else {
            j > 0 && before[j - 1] == '\''
        };
        if escaped {
            // A doubled `''` is one quotation mark inside the text: skip both.
            j -= usize::from(quote == '\'');
            continue;
        }
        let line_start = before[..j]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |n| n + 1);
        let line = before[..j].iter().filter(|c| **c == '\n').count() as u32 + 1;
        return Some(QuoteOverLines {
            start: Pos::new(line, (j - line_start) as u32 + 1),
            quote,
            end_line: Some(end_line),
        });
    }
    None
}
