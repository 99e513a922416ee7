//! From YAML text to raw types, reporting every problem with its place.
//!
//! serde stops at the first error, which would make a teacher fix one typo per run. So each
//! file is parsed once into a `serde_yaml::Value`, and then every mapping is read on its own:
//! unknown keys and empty values are reported and dropped before serde sees the mapping, and
//! when serde still fails on a key, that key is reported and dropped and the mapping is read
//! again. Entries are read one by one. serde_path_to_error gives the path of each failure,
//! and the [`SpanIndex`] turns the path into `line:col`.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::de::{self, DeserializeOwned, Visitor};
use serde_yaml::{Mapping, Value};

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::names::did_you_mean;
use crate::raw::{
    EntryKindName, RawCommon, RawEvent, RawFact, RawOrganization, RawPerson, RawQuestion, RawQuote,
    RawTerm,
};
use crate::source::SourceFile;
use crate::spans::{SpanIndex, join_index, join_key};

/// A parsed YAML document with its positions.
pub(crate) struct Doc<'a> {
    pub(crate) file: &'a SourceFile,
    pub(crate) index: SpanIndex,
    pub(crate) root: Mapping,
}

/// Parses a file as one YAML mapping. `needs` completes "a … file needs …" for empty files.
pub(crate) fn parse<'a>(
    file: &'a SourceFile,
    needs: &str,
    diags: &mut Diagnostics,
) -> Option<Doc<'a>> {
    match serde_yaml::from_str::<Value>(file.text()) {
        Ok(Value::Mapping(root)) => Some(Doc {
            file,
            index: SpanIndex::build(file),
            root,
        }),
        Ok(Value::Null) => {
            diags.push(
                file.error(Pos::START, 1, "file is empty")
                    .with_help(format!("this file needs {needs}")),
            );
            None
        }
        Ok(other) => {
            diags.push(
                file.error(
                    Pos::START,
                    1,
                    format!(
                        "the file should be a mapping of keys such as `title:`, not {}",
                        describe(&other)
                    ),
                )
                .with_help(format!("this file needs {needs}")),
            );
            None
        }
        Err(error) => {
            diags.push(syntax_error(file, &error));
            None
        }
    }
}

/// A YAML syntax error as a teacher can act on it.
fn syntax_error(file: &SourceFile, error: &serde_yaml::Error) -> Diagnostic {
    let raw = error.to_string();
    let pos = error
        .location()
        .map_or(Pos::START, |l| Pos::new(l.line() as u32, l.column() as u32));
    let mut message = strip_positions(&raw);
    let mut help = None;
    let mut pos = pos;
    let line = file.line_text(pos.line).unwrap_or("");
    if raw.contains("duplicate entry with key") {
        let index = SpanIndex::build(file);
        if let Some(dup) = index.duplicates().first() {
            let key = dup.path.rsplit(['.', '[']).next().unwrap_or(&dup.path);
            return file
                .error(
                    dup.second.pos,
                    dup.second.width,
                    format!("`{key}:` appears twice in the same mapping"),
                )
                .with_note(file.location(dup.first.pos), "the first one is")
                .with_help("keep one of them: YAML keys must be unique within a mapping");
        }
    } else if raw.contains("repetition limit exceeded") {
        message = "the file's YAML aliases expand to far too much data".into();
        help = Some(
            "write the entries out instead of repeating them through anchors (`&name`) and aliases (`*name`)".into(),
        );
    } else if raw.contains("recursion limit exceeded") {
        message = "the YAML is nested too deeply".into();
        help = Some(
            "entries need only a few levels of nesting; look for unbalanced `[` or `{`".into(),
        );
    } else if line.contains('\t') && (raw.contains("cannot start any token") || raw.contains("tab"))
    {
        message = "tab character in the indentation".into();
        help = Some("YAML does not allow tabs for indentation; indent with spaces".into());
        if let Some(col) = line.find('\t') {
            pos = Pos::new(pos.line, line[..col].chars().count() as u32 + 1);
        }
    } else if raw.contains("mapping values are not allowed") {
        help = Some(
            "a text that contains `: ` must be put in quotes: `meaning: \"OEWG: a UN group\"`"
                .into(),
        );
    } else if raw.contains("cannot start any token") {
        help = Some("a text that starts with `@`, `` ` `` or `%` must be put in quotes".into());
    } else if raw.contains("did not find expected key")
        || raw.contains("did not find expected '-' indicator")
    {
        help = Some("check that this line is indented like the lines of the same level above it; a text with `#` or a leading `-` may need quotes".into());
    } else if raw.contains("more than one document") {
        message = "the file holds more than one YAML document".into();
        help = Some("remove the `---` line that starts a second document".into());
    } else if raw.contains("unknown anchor") || raw.contains("undefined alias") {
        help = Some(
            "an alias `*name` needs an anchor `&name` earlier in the file; a text starting with `*` must be put in quotes".into(),
        );
    } else if raw.contains("found unexpected end of stream") {
        help = Some("a quotation mark or bracket is probably never closed".into());
    }
    let mut diagnostic = file
        .error(pos, 1, format!("invalid YAML: {message}"))
        .with_help_opt(help);
    if let Some((what, at)) = context_position(&raw)
        && at != pos
    {
        let (what, help) = match what.as_str() {
            "a flow sequence" => ("the `[` list", "close the list with `]`"),
            "a flow mapping" => ("the `{` mapping", "close the mapping with `}`"),
            "a quoted scalar" => (
                "the quoted text",
                "close the quotation with the same mark it opens with",
            ),
            _ => ("the value", ""),
        };
        diagnostic = diagnostic.with_note(file.location(at), format!("{what} starts"));
        if diagnostic.help.is_none() && !help.is_empty() {
            diagnostic.help = Some(help.into());
        }
    }
    diagnostic
}

/// From `... while parsing a flow sequence at line 2 column 7`: what was being parsed and
/// where it started.
fn context_position(message: &str) -> Option<(String, Pos)> {
    let rest = &message[message.find("while parsing ")? + "while parsing ".len()..];
    let (what, place) = rest.split_once(" at line ")?;
    let mut numbers = place
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.parse::<u32>().unwrap_or(1));
    let line = numbers.next()?;
    let col = numbers.next().unwrap_or(1);
    Some((what.to_owned(), Pos::new(line, col)))
}

/// serde_yaml writes `at line 2 column 2` into its messages; we print the position in front.
fn strip_positions(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + " at line ".len()..];
        let skip = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(tail.len());
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out.trim().trim_end_matches(',').to_owned()
}

/// How a YAML value looks, for messages ("a list", "the number 5").
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text \"{}\"", shorten(s)),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping of keys".into(),
        Value::Tagged(t) => format!("a value tagged `{}`", t.tag),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// Reads mappings of one document into raw types, collecting diagnostics.
pub(crate) struct Reader<'a, 'd> {
    pub(crate) file: &'a SourceFile,
    pub(crate) index: &'a SpanIndex,
    pub(crate) diags: &'d mut Diagnostics,
}

impl Reader<'_, '_> {
    /// An error at the value under `path`.
    pub(crate) fn error_at(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        let place = self.index.value(path);
        self.push(self.file.error(place.pos, place.width, message))
    }

    /// An error at the key of `path` (where a mapping entry starts).
    pub(crate) fn error_at_key(
        &mut self,
        path: &str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let place = self.index.key(path);
        self.push(self.file.error(place.pos, place.width, message))
    }

    /// A warning at the value under `path`.
    pub(crate) fn warning_at(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        let place = self.index.value(path);
        self.push(self.file.warning(place.pos, place.width, message))
    }

    fn push(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.diags.push_mut(diagnostic)
    }

    /// Reads the mapping `map` (at `path`) as `T`. Unknown keys, empty values and values of
    /// the wrong type are each reported and left out; `None` when `T` cannot be made even
    /// so (a required key is missing or wrong). `what` names the thing in messages: "this
    /// term", "the course".
    pub(crate) fn read<T: DeserializeOwned + JsonSchema>(
        &mut self,
        map: &Mapping,
        path: &str,
        what: &str,
    ) -> Option<T> {
        let fields = struct_fields::<T>();
        let mut map = self.known_keys(map, path, fields, what, &|_| None);
        let mut dropped: BTreeSet<String> = BTreeSet::new();
        loop {
            let result: Result<T, _> =
                serde_path_to_error::deserialize(&Value::Mapping(map.clone()));
            let error = match result {
                Ok(value) => return Some(value),
                Err(error) => error,
            };
            let inner = error.inner().to_string();
            let rel = path_string(error.path());
            let full = if rel.is_empty() {
                path.to_owned()
            } else if rel.starts_with('[') {
                format!("{path}{rel}")
            } else {
                join_key(path, &rel)
            };
            if let Some(field) = missing_field(&inner) {
                let missing = join_key(&rel, field);
                if dropped.contains(&missing) {
                    // Its value was wrong and is already reported; give up on the mapping
                    // that needs it, keeping the rest.
                    if !rel.is_empty() && remove_key(&mut map, &rel) {
                        dropped.insert(rel);
                        continue;
                    }
                    return None;
                }
                if rel.is_empty() {
                    let help = field_help::<T>(field);
                    self.error_at(path, format!("{what} has no `{field}:`"))
                        .help = Some(help);
                    return None;
                }
                self.error_at(&full, format!("{} has no `{field}:`", describe_path(&full)));
                if remove_key(&mut map, &rel) {
                    dropped.insert(rel);
                    continue;
                }
                return None;
            }
            self.report_type_error(&full, &inner);
            // Drop the innermost key that holds the bad value, and read the rest again.
            let key = innermost_key(&rel);
            if key.is_empty() || !remove_key(&mut map, &key) {
                return None;
            }
            dropped.insert(key);
        }
    }

    /// The mapping without unknown keys and empty values, each reported. `elsewhere` says
    /// where an unknown key does belong, if anywhere.
    fn known_keys(
        &mut self,
        map: &Mapping,
        path: &str,
        fields: Option<&[&str]>,
        what: &str,
        elsewhere: &dyn Fn(&str) -> Option<String>,
    ) -> Mapping {
        let mut kept = Mapping::new();
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                let at = join_key(path, "?");
                self.error_at(
                    &at,
                    format!(
                        "a key must be a name such as `title`, not {}",
                        describe(key)
                    ),
                );
                continue;
            };
            let at = join_key(path, name);
            if let Some(fields) = fields
                && !fields.contains(&name)
            {
                let help = elsewhere(name)
                    .or_else(|| {
                        did_you_mean(name, fields.iter().copied())
                            .map(|s| format!("did you mean `{s}:`?"))
                    })
                    .unwrap_or_else(|| format!("{what} can have: {}", list_keys(fields)));
                self.error_at_key(&at, format!("unknown key `{name}:` in {what}"))
                    .help = Some(help);
                continue;
            }
            if value.is_null() {
                self.error_at_key(&at, format!("`{name}:` has no value"))
                    .help = Some("write the value after the colon, or remove the line".into());
                continue;
            }
            kept.insert(key.clone(), value.clone());
        }
        kept
    }

    /// Reports serde's complaint about the value at `path` in a teacher's words.
    fn report_type_error(&mut self, path: &str, inner: &str) {
        let name = describe_path(path);
        if let Some((found, expected)) = parse_invalid(inner) {
            let expected = humanize_expected(&expected);
            let found = humanize_found(&found);
            let message = if found == "empty text" {
                format!("{name} is empty")
            } else {
                format!("{name} should be {expected}, not {found}")
            };
            self.error_at(path, message);
            return;
        }
        if let Some((variant, options)) = parse_unknown(inner, "unknown variant `") {
            let suggestion = did_you_mean(&variant, options.iter().map(String::as_str));
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("use one of: {}", options.join(", ")),
            };
            self.error_at(path, format!("{name} cannot be `{variant}`"))
                .help = Some(help);
            return;
        }
        if let Some((field, options)) = parse_unknown(inner, "unknown field `") {
            let help = match did_you_mean(&field, options.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}:`?"),
                None => format!("the keys here are: {}", options.join(", ")),
            };
            self.error_at(path, format!("unknown key `{field}:` in {name}"))
                .help = Some(help);
            return;
        }
        if let Some(field) = missing_field(inner) {
            self.error_at(path, format!("{name} has no `{field}:`"));
            return;
        }
        self.error_at(path, format!("{name}: {}", strip_positions(inner)));
    }

    /// Reads one entry: picks its kind from its key, then reads the kind's keys and the
    /// common keys.
    pub(crate) fn read_entry(&mut self, value: &Value, path: &str) -> Option<RawEntry> {
        let Value::Mapping(map) = value else {
            self.error_at(
                path,
                format!(
                    "an entry should be a mapping of keys such as `term: ...`, not {}",
                    describe(value)
                ),
            )
            .help = Some("start the entry with its kind: `- term: OEWG` on one line, then its other keys indented below it".into());
            return None;
        };
        let kinds: Vec<EntryKindName> = map
            .keys()
            .filter_map(|k| k.as_str().and_then(EntryKindName::from_key))
            .collect();
        let kind = match kinds.as_slice() {
            [kind] => *kind,
            [] => {
                let keys: Vec<&str> = map.keys().filter_map(Value::as_str).collect();
                let kind_keys: Vec<&str> = EntryKindName::ALL.iter().map(|k| k.key()).collect();
                let typo = keys
                    .iter()
                    .find_map(|k| did_you_mean(k, kind_keys.iter().copied()).map(|s| (*k, s)));
                match typo {
                    Some((typed, kind)) => {
                        self.error_at_key(
                            &join_key(path, typed),
                            format!("entry has no kind; `{typed}:` is not a kind of entry"),
                        )
                        .help = Some(format!("did you mean `{kind}:`?"));
                    }
                    None => {
                        self.error_at(path, "entry has no kind").help = Some(format!(
                            "start the entry with one of {}",
                            list_keys(&kind_keys)
                        ));
                    }
                }
                return None;
            }
            [first, second, ..] => {
                self.error_at_key(
                    &join_key(path, second.key()),
                    format!("entry has both `{first}:` and `{second}:`; an entry is of one kind"),
                )
                .help = Some("split it into two entries, or remove one of the keys".into());
                return None;
            }
        };
        let own = kind_fields(kind);
        let common = struct_fields::<RawCommon>().unwrap_or(&[]);
        let all: Vec<&'static str> = own.iter().chain(common).copied().collect();
        let what = format!("this {kind} entry");
        let elsewhere = |key: &str| -> Option<String> {
            EntryKindName::ALL
                .into_iter()
                .filter(|other| *other != kind)
                .find(|other| kind_fields(*other).contains(&key))
                .map(|other| {
                    format!(
                        "`{key}:` belongs to {other} entries; {kind} entries have {}",
                        list_keys(own)
                    )
                })
        };
        let map = self.known_keys(map, path, Some(&all), &what, &elsewhere);
        let (mut common_map, mut own_map) = (Mapping::new(), Mapping::new());
        for (key, value) in map {
            if key.as_str().is_some_and(|k| own.contains(&k)) {
                own_map.insert(key, value);
            } else {
                common_map.insert(key, value);
            }
        }
        let common: RawCommon = self.read(&common_map, path, &what)?;
        let kind = match kind {
            EntryKindName::Term => RawEntryKind::Term(self.read(&own_map, path, &what)?),
            EntryKindName::Fact => RawEntryKind::Fact(self.read(&own_map, path, &what)?),
            EntryKindName::Event => RawEntryKind::Event(self.read(&own_map, path, &what)?),
            EntryKindName::Person => RawEntryKind::Person(self.read(&own_map, path, &what)?),
            EntryKindName::Organization => {
                RawEntryKind::Organization(self.read(&own_map, path, &what)?)
            }
            EntryKindName::Quote => RawEntryKind::Quote(self.read(&own_map, path, &what)?),
            EntryKindName::Question => RawEntryKind::Question(self.read(&own_map, path, &what)?),
        };
        Some(RawEntry {
            path: path.to_owned(),
            common,
            kind,
        })
    }
}

/// The path up to its last key: `quiz.kinds` → `quiz.kinds`, `tags[1]` → `tags`,
/// `a.b[2].c` → `a.b[2].c`.
fn innermost_key(path: &str) -> String {
    let mut end = path.len();
    while path[..end].ends_with(']') {
        match path[..end].rfind('[') {
            Some(open) => end = open,
            None => break,
        }
    }
    path[..end].to_owned()
}

/// Removes the key at `path` (keys and indexes below `map`); whether there was one.
fn remove_key(map: &mut Mapping, path: &str) -> bool {
    fn remove(value: &mut Value, segments: &[Seg<'_>]) -> bool {
        match (value, segments) {
            (Value::Mapping(map), [Seg::Key(key)]) => map.remove(*key).is_some(),
            (Value::Mapping(map), [Seg::Key(key), rest @ ..]) => {
                map.get_mut(*key).is_some_and(|v| remove(v, rest))
            }
            (Value::Sequence(items), [Seg::Index(i), rest @ ..]) if !rest.is_empty() => {
                items.get_mut(*i).is_some_and(|v| remove(v, rest))
            }
            _ => false,
        }
    }
    let mut root = Value::Mapping(std::mem::take(map));
    let removed = remove(&mut root, &split_path(path));
    if let Value::Mapping(m) = root {
        *map = m;
    }
    removed
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next()
            && !key.is_empty()
        {
            out.push(Seg::Key(key));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Seg::Index(i));
            }
        }
    }
    out
}

/// An entry as written, with its kind decided.
#[derive(Debug)]
pub(crate) struct RawEntry {
    pub(crate) path: String,
    pub(crate) common: RawCommon,
    pub(crate) kind: RawEntryKind,
}

/// The kind-specific part of an entry.
#[derive(Debug)]
pub(crate) enum RawEntryKind {
    Term(RawTerm),
    Fact(RawFact),
    Event(RawEvent),
    Person(RawPerson),
    Organization(RawOrganization),
    Quote(RawQuote),
    Question(RawQuestion),
}

/// The keys of one kind of entry (without the common keys).
pub(crate) fn kind_fields(kind: EntryKindName) -> &'static [&'static str] {
    let fields = match kind {
        EntryKindName::Term => struct_fields::<RawTerm>(),
        EntryKindName::Fact => struct_fields::<RawFact>(),
        EntryKindName::Event => struct_fields::<RawEvent>(),
        EntryKindName::Person => struct_fields::<RawPerson>(),
        EntryKindName::Organization => struct_fields::<RawOrganization>(),
        EntryKindName::Quote => struct_fields::<RawQuote>(),
        EntryKindName::Question => struct_fields::<RawQuestion>(),
    };
    fields.unwrap_or(&[])
}

fn list_keys(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}:`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field names serde's derive gives a struct, found by asking its `Deserialize` impl to
/// read a struct from a probe that records the names and then stops. No list to keep in sync.
pub(crate) fn struct_fields<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    struct Probe<'a>(&'a mut Option<&'static [&'static str]>);
    impl<'de> de::Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = Some(fields);
            Err(de::Error::custom("probed"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields = None;
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// The help for a missing key: the first sentence of the key's documentation.
fn field_help<T: JsonSchema>(field: &str) -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let description = schema
        .get("properties")
        .and_then(|p| p.get(field))
        .and_then(|p| p.get("description"))
        .and_then(|d| d.as_str())
        .map(|d| {
            let first = d.split(". ").next().unwrap_or(d).trim_end_matches('.');
            first.replace('\n', " ")
        });
    match description {
        Some(d) => format!("add `{field}:` ({})", lower_first(&d)),
        None => format!("add `{field}:`"),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_owned(),
    }
}

/// A path as we write it, from serde_path_to_error's segments.
fn path_string(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out = join_index(&out, *index),
            Segment::Map { key } => out = join_key(&out, key),
            Segment::Enum { variant } => out = join_key(&out, variant),
            Segment::Unknown => {}
        }
    }
    out
}

/// `entries[3].tags[1]` → "item 2 of `tags:`"; `entries[3].source` → "`source:`".
fn describe_path(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    match last.split_once('[') {
        Some((key, index)) => {
            let n: usize = index
                .trim_end_matches(']')
                .split("][")
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            if key.is_empty() {
                format!("item {}", n + 1)
            } else {
                format!("item {} of `{key}:`", n + 1)
            }
        }
        None if last.is_empty() => "this value".into(),
        None => format!("`{last}:`"),
    }
}

fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// `invalid type: sequence, expected text` → ("sequence", "text").
fn parse_invalid(message: &str) -> Option<(String, String)> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    Some((found.to_owned(), strip_positions(expected)))
}

/// ``unknown variant `a5`, expected `a4` or `letter` `` → ("a5", ["a4", "letter"]).
fn parse_unknown(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    let (name, rest) = rest.split_once('`')?;
    let options = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    Some((name.to_owned(), options))
}

fn humanize_expected(expected: &str) -> String {
    match expected {
        "a string" | "text" => "text".into(),
        "text that is not empty" => "text".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".into(),
        "i8" | "i16" | "i32" | "i64" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "`true` or `false`".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping of keys".into(),
        other if other.starts_with("struct ") => "a mapping of keys".into(),
        other if other.starts_with("a sequence") => "a list".into(),
        other => other.into(),
    }
}

fn humanize_found(found: &str) -> String {
    if found == "string \"\""
        || (found.starts_with("string \"") && found[8..].trim_matches(['"', ' ']).is_empty())
    {
        return "empty text".into();
    }
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {s}");
    }
    if let Some(n) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
    {
        return format!("the number {}", n.trim_end_matches('`'));
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping of keys".into(),
        "unit value" => "nothing".into(),
        other if other.starts_with("boolean") => other.replace("boolean ", ""),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_struct_fields() {
        assert_eq!(
            struct_fields::<RawTerm>().unwrap(),
            &["term", "meaning", "expansion", "aliases", "translation"]
        );
        assert_eq!(
            struct_fields::<RawCommon>().unwrap(),
            &["id", "tags", "source", "explain", "see", "note"]
        );
    }

    #[test]
    fn strips_positions_from_messages() {
        assert_eq!(
            strip_positions(
                "did not find expected ',' or ']' at line 2 column 2, while parsing a flow sequence at line 1 column 4"
            ),
            "did not find expected ',' or ']', while parsing a flow sequence"
        );
    }

    #[test]
    fn describes_paths() {
        assert_eq!(describe_path("entries[3].tags[1]"), "item 2 of `tags:`");
        assert_eq!(describe_path("entries[3].source"), "`source:`");
        assert_eq!(describe_path("seed"), "`seed:`");
    }
}
