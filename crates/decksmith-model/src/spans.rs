//! Where each YAML node is: a position index for errors that serde cannot place.
//!
//! serde_yaml reports positions only for syntax and type errors it meets while parsing. A
//! dangling source reference or a duplicate id is found later, on typed values, so we parse
//! the same text a second time with saphyr's event parser, which gives spans, and remember
//! where every key and value starts under its path (`entries[3].source`). Paths are written as
//! [`serde_path_to_error`] writes them, so a path from a type error finds its place here too.

use std::cell::RefCell;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use crate::diag::Pos;
use crate::limits::MAX_NESTING;
use crate::source::SourceFile;

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
    nodes: HashMap<String, NodePlace>,
    duplicates: Vec<Duplicate>,
    too_deep: Option<Place>,
    /// Whether the parse stopped at a syntax error.
    stopped: bool,
    /// Where the parse stopped: at a syntax error, or where a second document starts.
    stopped_at: Option<Pos>,
    /// Paths read under another name than written (a misspelt key read as the key it
    /// stands for), to the path as written.
    aliases: RefCell<HashMap<String, String>>,
}

/// A key that appears twice in one mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The path of the repeated key.
    pub path: String,
    /// The first occurrence.
    pub first: Place,
    /// The second occurrence.
    pub second: Place,
}

enum Frame {
    Map {
        path: String,
        /// The key waiting for its value, with where it is.
        key: Option<(String, Place)>,
        seen: HashMap<String, Place>,
    },
    Seq {
        path: String,
        next: usize,
    },
    /// A complex key (a mapping used as a key): nothing under it is indexed.
    Skip {
        depth: usize,
    },
}

/// Joins a key onto a path as serde_path_to_error prints it.
pub fn join_key(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Joins a sequence index onto a path.
pub fn join_index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
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
        loop {
            let (event, span) = match parser.next_event() {
                Some(Ok(next)) => next,
                Some(Err(error)) => {
                    // saphyr's scanner has a nesting limit of its own, which it meets while
                    // looking ahead, before the parser gives the events that pass ours.
                    if error.info().contains("recursion limit") {
                        let mark = error.marker();
                        index.too_deep = Some(Place {
                            pos: Pos::new(mark.line() as u32, mark.col() as u32 + 1),
                            width: 1,
                        });
                    }
                    index.stopped = true;
                    let mark = error.marker();
                    index.stopped_at = Some(Pos::new(mark.line() as u32, mark.col() as u32 + 1));
                    // A key whose value could not be read is still a place for errors
                    // about that value (serde_yaml may read what saphyr could not).
                    for frame in &stack {
                        if let Frame::Map {
                            path,
                            key: Some((name, place)),
                            ..
                        } = frame
                        {
                            index
                                .nodes
                                .entry(join_key(path, name))
                                .or_insert(NodePlace {
                                    key: Some(*place),
                                    value: *place,
                                });
                        }
                    }
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
                Event::Scalar(value, ..) => index.node(&mut stack, Some(value.as_ref()), place),
                Event::Alias(_) => index.node(&mut stack, None, place),
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    if let Some(Frame::Skip { depth }) = stack.last_mut() {
                        *depth += 1;
                        continue;
                    }
                    match index.child_path(&mut stack, place) {
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
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(Frame::Skip { depth }) = stack.last_mut() {
                        *depth -= 1;
                        if *depth > 0 {
                            continue;
                        }
                    }
                    let done = stack.pop();
                    if matches!(done, Some(Frame::Skip { .. })) {
                        // The complex key is complete: its value comes next, under a key we
                        // cannot name, so it is skipped as well.
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some(("?".into(), place));
                        }
                    }
                }
                Event::StreamEnd => break,
                _ => {}
            }
        }
        index
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
    fn child_path(&mut self, stack: &mut [Frame], place: Place) -> Option<String> {
        match stack.last_mut() {
            None => {
                self.nodes.insert(
                    String::new(),
                    NodePlace {
                        key: None,
                        value: place,
                    },
                );
                Some(String::new())
            }
            Some(Frame::Seq { path, next }) => {
                let child = join_index(path, *next);
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
                    let complex = join_key(path, "?");
                    self.nodes.entry(complex).or_insert(NodePlace {
                        key: Some(place),
                        value: place,
                    });
                    return None;
                };
                if name == "?" {
                    return None;
                }
                let child = join_key(path, &name);
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
    pub fn get(&self, path: &str) -> Option<&NodePlace> {
        self.nodes.get(path)
    }

    /// Where the value at `path` is, or the nearest enclosing node that exists (a missing
    /// key is reported at the mapping that lacks it).
    pub fn value(&self, path: &str) -> Place {
        self.nearest(path).map_or(START, |node| node.value)
    }

    /// Where the key of `path` is, falling back to its value or the nearest enclosing node.
    pub fn key(&self, path: &str) -> Place {
        self.nearest(path)
            .map_or(START, |node| node.key.unwrap_or(node.value))
    }

    /// Makes `path` find the place of `written`: the reader read a misspelt key's value as
    /// the key it stands for.
    pub fn alias(&self, path: &str, written: &str) {
        self.aliases
            .borrow_mut()
            .insert(path.to_owned(), written.to_owned());
    }

    fn nearest(&self, path: &str) -> Option<&NodePlace> {
        let mut at = path;
        loop {
            if let Some(node) = self.nodes.get(at) {
                return Some(node);
            }
            if at.is_empty() {
                return None;
            }
            let written = self.aliases.borrow().get(at).cloned();
            if let Some(written) = written {
                let renamed = format!("{written}{}", &path[at.len()..]);
                return self.nodes.get(&renamed).or_else(|| self.nearest(&written));
            }
            at = parent(at);
        }
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

/// The path one level up: `entries[3].source` → `entries[3]` → `entries` → ``.
pub fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(cut) => &path[..cut],
        None => "",
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
mod tests {
    use super::*;

    fn index(text: &str) -> SpanIndex {
        SpanIndex::build(&SourceFile::new("t.yaml", text))
    }

    #[test]
    fn finds_keys_and_values_by_path() {
        let idx = index(
            "title: Deck\nentries:\n  - term: OEWG\n    source: { id: news, quote: \"x\" }\n  - fact: y\n",
        );
        assert_eq!(idx.get("title").unwrap().value.pos, Pos::new(1, 8));
        assert_eq!(idx.get("title").unwrap().key.unwrap().pos, Pos::new(1, 1));
        assert_eq!(idx.get("entries[0]").unwrap().value.pos, Pos::new(3, 5));
        assert_eq!(
            idx.get("entries[0].term").unwrap().value.pos,
            Pos::new(3, 11)
        );
        assert_eq!(idx.get("entries[0].term").unwrap().value.width, 4);
        assert_eq!(
            idx.get("entries[0].source.id").unwrap().value.pos,
            Pos::new(4, 19)
        );
        assert_eq!(
            idx.get("entries[1].fact").unwrap().key.unwrap().pos,
            Pos::new(5, 5)
        );
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_parent() {
        let idx = index("entries:\n  - term: x\n");
        assert_eq!(idx.value("entries[0].meaning").pos, Pos::new(2, 5));
        assert_eq!(idx.value("nothing.here").pos, Pos::new(1, 1));
        assert_eq!(parent("entries[0].source.id"), "entries[0].source");
        assert_eq!(parent("entries[0]"), "entries");
        assert_eq!(parent("entries"), "");
    }

    #[test]
    fn duplicate_keys_are_recorded() {
        let idx = index("a: 1\nb:\n  c: 1\n  c: 2\n");
        assert_eq!(
            idx.duplicates(),
            &[Duplicate {
                path: "b.c".into(),
                first: Place {
                    pos: Pos::new(3, 3),
                    width: 1
                },
                second: Place {
                    pos: Pos::new(4, 3),
                    width: 1
                },
            }]
        );
    }

    #[test]
    fn complex_keys_and_aliases_do_not_confuse_the_walk() {
        let idx = index("? [a, b]\n: skipped\nx: &v 1\ny: *v\nz: [1, {k: 2}]\n");
        assert!(idx.get("x").is_some());
        assert_eq!(idx.get("y").unwrap().value.pos, Pos::new(4, 4));
        assert_eq!(idx.get("z[1].k").unwrap().value.pos, Pos::new(5, 12));
    }
}
