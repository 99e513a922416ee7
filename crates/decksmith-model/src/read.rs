//! From YAML text to raw types, reporting every problem with its place.
//!
//! serde stops at the first error, which would make a teacher fix one typo per run. So each
//! file is parsed once into a `serde_yaml::Value`, and then every mapping is read on its own:
//! unknown keys and empty values are reported and dropped before serde sees the mapping, and
//! when serde still fails on a key, that key is reported and dropped and the mapping is read
//! again. Entries are read one by one. serde_path_to_error gives the path of each failure,
//! and the [`SpanIndex`] turns the path into `line:col`.

use std::borrow::Cow;
use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::de::{self, DeserializeOwned, Visitor};
use serde_yaml::{Mapping, Value};

use crate::diag::{Diagnostic, Diagnostics, Pos, short, thousands};
use crate::limits::{MAX_DECKS, MAX_ENTRIES_PER_DECK, MAX_LIST_ITEMS, MAX_NESTING};
use crate::names::did_you_mean;
use crate::raw::{
    EntryKindName, RawCommon, RawEvent, RawFact, RawOrganization, RawPerson, RawQuestion, RawQuote,
    RawTerm,
};
use crate::source::SourceFile;
use crate::spans::{CutText, Path, QuoteOverLines, Segment, SpanIndex};

/// A parsed YAML document with its positions.
pub(crate) struct Doc<'a> {
    pub(crate) file: &'a SourceFile,
    pub(crate) index: SpanIndex,
    pub(crate) root: Mapping,
}

/// Parses a file as one YAML mapping. `needs` completes "a … file needs …" for empty files.
///
/// Control characters are reported one by one and read as `�`, so the rest of the file is
/// still read. The span index is built first: it also stops at a nesting no course needs,
/// before serde_yaml's parser, which takes quadratic time to reach its own limit, sees it.
pub(crate) fn parse<'a>(
    file: &'a SourceFile,
    needs: &str,
    diags: &mut Diagnostics,
) -> Option<Doc<'a>> {
    let (text, control_lines) = without_control_characters(file, diags);
    let index = SpanIndex::build_text(&text);
    // Where saphyr stopped early at a syntax error, serde_yaml's parser may read on (it is
    // more lenient) into brackets nested deep enough to take it minutes: a count of the
    // brackets decides then.
    let too_deep = match index.too_deep() {
        Some(place) if !index.stopped() => Some(place.pos),
        found => index
            .stopped()
            .then(|| brackets_too_deep(file.text()))
            .flatten()
            .map(|byte| file.pos_of_byte(byte))
            .or(found.map(|place| place.pos)),
    };
    if let Some(pos) = too_deep {
        diags.push(
            file.error(
                pos,
                1,
                format!(
                    "invalid YAML: lists and mappings nested more than {MAX_NESTING} levels deep"
                ),
            )
            .with_help("entries need only a few levels of nesting; look for unbalanced `[` or `{`"),
        );
        return None;
    }
    match serde_yaml::from_str::<Value>(&text) {
        Ok(Value::Mapping(mut root)) => {
            check_mapping(file, &index, &mut root, &Path::root(), diags);
            for cut in index.cut_texts() {
                diags.push(cut_text_warning(file, cut));
            }
            Some(Doc { file, index, root })
        }
        Ok(Value::Null) if control_lines.is_empty() => {
            diags.push(
                file.error(Pos::START, 1, "file is empty")
                    .with_help(format!("this file needs {needs}")),
            );
            None
        }
        Ok(Value::Null) => None,
        Ok(other) => {
            let place = index.value(&Path::root());
            diags.push(
                file.error(
                    place.pos,
                    place.width,
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
            let diagnostic = syntax_error(file, &index, &error);
            // A syntax error on a line with a control character is that character's doing.
            if !control_lines.contains(&diagnostic.location.pos.line) {
                diags.push(diagnostic);
            }
            None
        }
    }
}

/// The warning for an unquoted text a `#` cut short: what YAML read, and how to keep the rest.
fn cut_text_warning(file: &SourceFile, cut: &CutText) -> Diagnostic {
    let whole = format!("{} {}", cut.text, cut.comment);
    file.warning(
        cut.place.pos,
        cut.place.width,
        format!(
            "the text ends before `{}`: YAML reads ` #` and the rest of the line as a comment",
            short(&cut.comment)
        ),
    )
    .with_help(format!(
        "put the whole text in quotes to keep it: \"{}\"; a comment needs a space after `#`",
        short(&whole.replace('\\', "\\\\").replace('"', "\\\""))
    ))
}

/// A warning for a text whose inline markup opens italics or bold that nothing closes
/// (`*E. coli`): the star would be printed as a star.
fn unclosed_markup(
    file: &SourceFile,
    index: &SpanIndex,
    text: &str,
    path: &Path,
) -> Option<Diagnostic> {
    let opening = crate::markup::unclosed(text)?;
    let place = index.value(path);
    let stars = &opening[..opening.len() - opening.trim_start_matches('*').len()];
    let what = if stars.len() >= 2 { "bold" } else { "italics" };
    Some(
        file.warning(
            place.pos,
            place.width,
            format!(
                "`{}` starts {what} that nothing ends: the PDFs and pages would show the `{stars}`",
                short(opening)
            ),
        )
        .with_help(format!(
            "end them with `{stars}` after their last word (`{stars}E. coli{stars}`), or write `\\*` for a star"
        )),
    )
}

/// Where `[` and `{` first nest more than [`MAX_NESTING`] deep, counting every bracket
/// outside quoted text and comments: brackets inside plain text count too, so this is used
/// only once the YAML is known to be broken.
fn brackets_too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut prev = b'\n';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' if matches!(prev, b' ' | b'\t' | b'\n') => {
                i += bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(bytes.len() - i);
                prev = b'\n';
                continue;
            }
            b'"' | b'\'' if matches!(prev, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':') => {
                // Skip the quoted text: `\"` escapes in double quotes, `''` in single.
                let mut j = i + 1;
                while j < bytes.len() {
                    if b == b'"' && bytes[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if bytes[j] == b {
                        if b == b'\'' && bytes.get(j + 1) == Some(&b'\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j += 1;
                }
                i = j + 1;
                prev = b;
                continue;
            }
            _ => {}
        }
        prev = b;
        i += 1;
    }
    None
}

/// Whether `c` is refused in a file: what YAML refuses (C0 and C1 control characters other
/// than tab and line breaks, and the noncharacters U+FFFE and U+FFFF); a byte-order mark in
/// the middle of a file, which YAML reads as the start of a new stream; and the line breaks
/// other than `\n` and `\r` (next line U+0085, line and paragraph separators U+2028 and
/// U+2029), which the YAML parser breaks lines at where an editor shows none, so that every
/// line and column after them would be wrong. Text pasted from a word processor, a PDF or a
/// web page brings them.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// The name of a line break other than `\n` and `\r`, for a message.
fn line_break_name(c: char) -> Option<&'static str> {
    match c {
        '\u{85}' => Some("a next-line character (U+0085)"),
        '\u{2028}' => Some("a line separator character (U+2028)"),
        '\u{2029}' => Some("a paragraph separator character (U+2029)"),
        _ => None,
    }
}

/// The text with every forbidden character reported and replaced by `�` (one character for
/// one, so lines and columns stay), and the lines that had one.
fn without_control_characters<'t>(
    file: &'t SourceFile,
    diags: &mut Diagnostics,
) -> (Cow<'t, str>, BTreeSet<u32>) {
    let text = file.text();
    let mut lines = BTreeSet::new();
    if !text.contains(is_forbidden) {
        return (Cow::Borrowed(text), lines);
    }
    let mut clean = String::with_capacity(text.len() + 16);
    for (byte, c) in text.char_indices() {
        if !is_forbidden(c) {
            clean.push(c);
            continue;
        }
        clean.push('\u{fffd}');
        let pos = file.pos_of_byte(byte);
        lines.insert(pos.line);
        if diags.is_full(file.path()) {
            // Counted, not shown: no need to work out where.
            diags.push(Diagnostic::error(file.location(pos), String::new()));
            continue;
        }
        let (message, help) = if c == '\u{feff}' {
            (
                "the file contains an invisible byte-order mark (U+FEFF) here".to_owned(),
                "delete it: it is invisible in most editors, so delete the characters around this place and type them again",
            )
        } else if let Some(name) = line_break_name(c) {
            (
                format!(
                    "the file contains {name} here, which YAML would read as a line break that most editors do not show"
                ),
                "replace it (shown here as �) with a newline or a space; it often comes with text pasted from a word processor, a PDF or a web page, or from a file converted from another encoding",
            )
        } else {
            (
                format!(
                    "the file contains the control character U+{:04X}, which YAML does not allow",
                    c as u32
                ),
                "delete it (shown here as �): most editors do not show it, so delete the characters around this place and type them again",
            )
        };
        diags.push(file.error(pos, 1, message).with_help(help));
    }
    (Cow::Owned(clean), lines)
}

/// Reports YAML tags (`!name value`), which content files do not use, and reads the values
/// under them as if untagged; warns about texts whose markup opens what nothing closes.
fn check_mapping(
    file: &SourceFile,
    index: &SpanIndex,
    map: &mut Mapping,
    path: &Path,
    diags: &mut Diagnostics,
) {
    for (key, value) in map.iter_mut() {
        let child = match key.as_str() {
            Some(name) => path.key(name),
            None => path.clone(),
        };
        check_value(file, index, value, &child, diags);
    }
}

fn check_value(
    file: &SourceFile,
    index: &SpanIndex,
    value: &mut Value,
    path: &Path,
    diags: &mut Diagnostics,
) {
    match value {
        Value::Tagged(tagged) => {
            let tag = short(&tagged.tag.to_string());
            let place = index.value(path);
            diags.push(
                file.error(
                    place.pos,
                    place.width,
                    format!("YAML tags such as `{tag}` are not used in content files"),
                )
                .with_help(format!(
                    "remove `{tag}`; if it is part of a text, put the whole text in quotes"
                )),
            );
            let inner = std::mem::replace(&mut tagged.value, Value::Null);
            *value = inner;
            check_value(file, index, value, path, diags);
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                check_value(file, index, item, &path.index(i), diags);
            }
        }
        Value::Mapping(map) => check_mapping(file, index, map, path, diags),
        Value::String(text) => diags.extend(unclosed_markup(file, index, text, path)),
        _ => {}
    }
}

/// A YAML syntax error as a teacher can act on it: where it really is, in words, and what
/// usually causes it there.
fn syntax_error(file: &SourceFile, index: &SpanIndex, error: &serde_yaml::Error) -> Diagnostic {
    let raw = error.to_string();
    let mut pos = error
        .location()
        .map_or(Pos::START, |l| Pos::new(l.line() as u32, l.column() as u32));
    if let Some(byte) = position_in(&raw) {
        // Reader errors give an offset ("at position 89"), and a location of 1:1.
        pos = file.pos_of_byte(byte);
    }
    if raw.contains("duplicate entry")
        && let Some(dup) = index.duplicates().first()
    {
        let key = dup.path.last_key().unwrap_or("");
        return file
            .error(
                dup.second.pos,
                dup.second.width,
                format!("`{}:` appears twice in the same mapping", short(key)),
            )
            .with_note(file.location(dup.first.pos), "the first one is")
            .with_help(DUPLICATE_KEY_HELP);
    }
    if let Some(quote) = index
        .quote_over_lines()
        .filter(|quote| quote.start < pos && runs_over_keys(file, quote))
    {
        return unclosed_quote(file, quote, pos);
    }
    let Explained { pos, message, help } = explain_syntax(file, index, &raw, pos);
    let diagnostic = file
        .error(pos, 1, format!("invalid YAML: {message}"))
        .with_help(help);
    note_unclosed(file, &raw, pos, diagnostic)
}

/// Whether the quoted text `quote`, read over several lines, took in lines that a text cannot
/// go on to: one indented no further than the key on its first line (the next key, a list
/// item, a comment), or one the parse stopped at for that.
fn runs_over_keys(file: &SourceFile, quote: &QuoteOverLines) -> bool {
    let Some(end) = quote.end_line else {
        return true;
    };
    let Some(first) = file.line_text(quote.start.line) else {
        return false;
    };
    let mut key = first.trim_start_matches(' ');
    while let Some(rest) = key.strip_prefix("- ") {
        key = rest.trim_start_matches(' ');
    }
    let mut key_col = first.len() - key.len();
    if key.starts_with(quote.quote) && first[..key_col].ends_with("- ") {
        // A list item without a key: its text may go on under the `-`.
        key_col -= 2;
    }
    (quote.start.line + 1..=end).any(|n| {
        file.line_text(n).is_some_and(|line| {
            let text = line.trim_start_matches(' ');
            !text.trim().is_empty() && line.len() - text.len() <= key_col
        })
    })
}

/// The error for a quotation mark not closed on its line: YAML read on to the next one, and
/// stumbled at `pos`.
fn unclosed_quote(file: &SourceFile, quote: QuoteOverLines, pos: Pos) -> Diagnostic {
    let start = quote.start;
    let inside = if quote.quote == '"' { "`\\\"`" } else { "`''`" };
    file.error(
        pos,
        1,
        format!(
            "invalid YAML: the quoted text opened at line {}, column {} is not closed on its line, so YAML reads the lines below as part of the text",
            start.line, start.col
        ),
    )
    .with_note(file.location(start), "the quoted text starts")
    .with_help(format!(
        "close the quote at the end of its text on line {} with `{}`; a `{}` inside the text is written {inside}",
        start.line, quote.quote, quote.quote
    ))
}

const DUPLICATE_KEY_HELP: &str = "keep one of them: YAML keys must be unique within a mapping";

/// A YAML syntax error in words: where it really is, what is wrong, what to do.
struct Explained {
    pos: Pos,
    message: String,
    help: String,
}

impl Explained {
    fn new(pos: Pos, message: impl Into<String>, help: impl Into<String>) -> Explained {
        Explained {
            pos,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// What serde_yaml's message `raw` (at `pos`) means, from the most particular cause to the
/// most general.
fn explain_syntax(file: &SourceFile, index: &SpanIndex, raw: &str, pos: Pos) -> Explained {
    let message = help_for(raw, IN_WORDS).map_or_else(|| strip_positions(raw), str::to_owned);
    let line = file.line_text(pos.line).unwrap_or("");
    let at_col = |col: u32| Pos::new(pos.line, col);
    if raw.contains("duplicate entry") {
        return duplicate_key_by_text(file, index, raw, pos);
    }
    if raw.contains("repetition limit exceeded") {
        return Explained::new(
            pos,
            "the file's YAML aliases expand to far too much data",
            "write the entries out instead of repeating them through anchors (`&name`) and aliases (`*name`)",
        );
    }
    if raw.contains("recursion limit exceeded") {
        return Explained::new(
            pos,
            "the YAML is nested too deeply",
            "entries need only a few levels of nesting; look for unbalanced `[` or `{`",
        );
    }
    if line.contains('\t') && (raw.contains("cannot start any token") || raw.contains("tab")) {
        let pos = line
            .find('\t')
            .map_or(pos, |col| at_col(line[..col].chars().count() as u32 + 1));
        return Explained::new(
            pos,
            "tab character in the indentation",
            "YAML does not allow tabs for indentation; indent with spaces",
        );
    }
    if raw.contains(" as u128") || raw.contains(" as i128") {
        let number = raw.split('`').nth(1).unwrap_or("");
        return Explained::new(
            pos,
            format!("the number {} is too large", short(number)),
            "if it is text, put it in quotes; numbers in content files are at most 18446744073709551615",
        );
    }
    if raw.contains("more than one document") {
        return more_than_one_document(file, index, pos);
    }
    if raw.contains("mapping values are not allowed") {
        return match indented_key(file, pos) {
            Some((key_col, key, above)) => Explained::new(
                at_col(key_col),
                format!("`{key}:` is indented further than the line above it"),
                format!(
                    "indent `{key}:` like `{above}:` above it if it belongs to the same entry, or put the text it continues in quotes"
                ),
            ),
            None => Explained::new(
                pos,
                message,
                "a text that contains `: ` must be put in quotes: `meaning: \"OEWG: a UN group\"`",
            ),
        };
    }
    if let Some((col, first)) = value_start(line).filter(|_| {
        raw.contains("did not find expected key")
            || raw.contains("did not find expected node content")
            || raw.contains("cannot start any token")
    }) && let Some((what, how)) = needs_quotes(first, col, pos.col, line)
    {
        return Explained::new(at_col(col), what, how);
    }
    if let Some(help) = help_for(raw, HELPS_BEFORE_COLON) {
        return Explained::new(pos, message, help);
    }
    if raw.contains("could not find expected ':'") {
        let pos = context_position(raw).map_or(pos, |(_, at)| at);
        return Explained::new(
            pos,
            "a line in a mapping has no `key:`",
            "write it as `key: value`; if the text belongs to the value above, indent it under that value, or put the value in quotes",
        );
    }
    Explained::new(pos, message, help_for(raw, HELPS).unwrap_or(GENERAL_HELP))
}

/// What serde_yaml's messages mean, in a teacher's words, by the words of the message; the
/// first match wins.
const IN_WORDS: &[(&[&str], &str)] = &[
    (
        &["did not find expected key"],
        "YAML expected a `key:` here, in line with the keys above it",
    ),
    (
        &["did not find expected '-' indicator"],
        "YAML expected a list item `- ` here, in line with the items above it",
    ),
    (
        &["did not find expected node content"],
        "YAML expected a value here",
    ),
    (
        &["mapping values are not allowed"],
        "a `: ` where YAML cannot start a new key",
    ),
    (
        &["found unexpected end of stream"],
        "the file ends inside a quoted text or a bracket",
    ),
    (
        &["cannot start any token"],
        "this character cannot start a text without quotes",
    ),
    (
        &["unknown anchor", "undefined alias"],
        "an alias `*name` without an anchor `&name` before it",
    ),
    (
        &["while scanning an anchor", "while scanning an alias"],
        "an anchor `&` or alias `*` without a name",
    ),
    (
        &["unknown escape character", "escape code"],
        "a backslash in a double-quoted text that starts no known escape",
    ),
    (
        &["document indicator"],
        "a `---` or `...` line where the document cannot end",
    ),
    (
        &["directive"],
        "a `%` directive, which content files do not use",
    ),
    (
        &["block scalar", "indentation indicator"],
        "something follows `|` or `>` on its line",
    ),
    (
        &["block sequence entries are not allowed"],
        "a list item `- ` where no list can start",
    ),
    (
        &["expected ',' or ']'"],
        "YAML expected a `,` or the `]` that closes a list here",
    ),
    (
        &["expected ',' or '}'"],
        "YAML expected a `,` or the `}` that closes a mapping here",
    ),
];

/// Help for the errors whose message says enough, by the words of serde_yaml's message; the
/// first match wins. These come before the check for a line without `key:`.
const HELPS_BEFORE_COLON: &[(&[&str], &str)] = &[
    (
        &["cannot start any token"],
        "a text that starts with `@`, `` ` `` or `%` must be put in quotes",
    ),
    (
        &[
            "did not find expected key",
            "did not find expected '-' indicator",
            "did not find expected node content",
        ],
        "check that this line is indented like the lines of the same level above it; a text with `#` or a leading `-` may need quotes",
    ),
];

/// Help for the remaining errors whose message says enough (see [`HELPS_BEFORE_COLON`]).
const HELPS: &[(&[&str], &str)] = &[
    (
        &["unknown anchor", "undefined alias"],
        "an alias `*name` needs an anchor `&name` earlier in the file; a text starting with `*` must be put in quotes",
    ),
    (
        &["while scanning an anchor", "while scanning an alias"],
        "`&` and `*` start anchors and aliases: a text that starts with them must be put in quotes",
    ),
    (
        &["found unexpected end of stream"],
        "a quotation mark or bracket is probably never closed",
    ),
    (
        &["unknown escape character", "escape code"],
        "in double quotes a backslash starts an escape such as `\\n`: write `\\\\` for a backslash, or use single quotes",
    ),
    (
        &["document indicator"],
        "a line that starts with `---` or `...` ends the document: indent it, or put its text in quotes",
    ),
    (
        &["directive"],
        "content files need no `%` directives: remove the line",
    ),
    (
        &["block scalar", "indentation indicator"],
        "after `|` or `>` write the text on the lines below, indented; nothing else may follow on the line",
    ),
    (
        &["block sequence entries are not allowed"],
        "a list item `- ` starts its own line, indented under its key; if the `- ` is part of a text, put the text in quotes",
    ),
    (
        &["expected ',' or ']'"],
        "separate the items of a `[` list with commas and close it with `]`",
    ),
    (
        &["expected ',' or '}'"],
        "separate the keys of a `{` mapping with commas and close it with `}`",
    ),
    (
        &["tag"],
        "`!` starts a YAML tag, which content files do not use: put a text that starts with `!` in quotes",
    ),
];

/// When nothing more particular is known.
const GENERAL_HELP: &str = "look for a missing or extra space, quotation mark or bracket here or on the line above; a text with `: `, ` #` or a leading `[`, `{`, `*`, `&`, `!`, `@` needs quotes";

/// The help of the first entry of `table` whose words are in `raw`.
fn help_for(raw: &str, table: &[(&[&str], &'static str)]) -> Option<&'static str> {
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| raw.contains(w)))
        .map(|&(_, help)| help)
}

/// A key given twice, when the span parser stopped before the second one: found by its text.
fn duplicate_key_by_text(file: &SourceFile, index: &SpanIndex, raw: &str, pos: Pos) -> Explained {
    let key = raw.split('"').nth(1).unwrap_or("");
    let mut lines = file.text().lines().enumerate().filter(|(_, line)| {
        line.trim_start_matches([' ', '-'])
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    });
    if let (Some(_), Some((n, line))) = (lines.next(), lines.next()) {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        return Explained::new(
            Pos::new(n as u32 + 1, indent as u32 + 1),
            format!("`{}:` appears twice in the same mapping", short(key)),
            DUPLICATE_KEY_HELP,
        );
    }
    Explained::new(
        index.stopped_at().unwrap_or(pos),
        "a key appears twice in the same mapping",
        DUPLICATE_KEY_HELP,
    )
}

/// "more than one document": a `---` or `...` line, an indented first key, or a line that
/// cannot follow the ones above.
fn more_than_one_document(file: &SourceFile, index: &SpanIndex, pos: Pos) -> Explained {
    if let Some(at) = document_marker(file) {
        return Explained::new(
            at,
            "the file holds more than one YAML document",
            "remove the `---` or `...` line that ends the first document, or put that line's text in quotes",
        );
    }
    if let Some(at) = indented_start(file) {
        // With the first key indented, the first line indented less ends the document,
        // and YAML reads what follows as another.
        return Explained::new(
            at,
            "the first key of the file is indented, and the keys after it are not",
            "start the top-level keys at the beginning of their lines, without spaces before them",
        );
    }
    // Where the span parser, which reads the same text, could not go on.
    Explained::new(
        index.stopped_at().unwrap_or(pos),
        "this line cannot follow the lines above it",
        "check the line above: a key needs a colon and a space after it (`title: …`), and text over several lines must be indented under its key",
    )
}

/// `diagnostic` with a note where something was opened and never closed: "the block mapping
/// starts" at the entry would say nothing a teacher can use, so only for `[`, `{` and quotes.
fn note_unclosed(file: &SourceFile, raw: &str, pos: Pos, diagnostic: Diagnostic) -> Diagnostic {
    let Some((what, at)) = context_position(raw).filter(|(_, at)| *at != pos) else {
        return diagnostic;
    };
    let what = match what.as_str() {
        "a flow sequence" => "the `[` list",
        "a flow mapping" => "the `{` mapping",
        "a quoted scalar" => "the quoted text",
        _ => return diagnostic,
    };
    diagnostic.with_note(file.location(at), format!("{what} starts"))
}

/// The byte offset in `... at position 89` (reader errors), if the message has one.
fn position_in(message: &str) -> Option<usize> {
    let rest = &message[message.find(" at position ")? + " at position ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Where the value on a `key: value` or `- value` line starts (1-based column), and its
/// first character.
fn value_start(line: &str) -> Option<(u32, char)> {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        if let Some(after) = trimmed.strip_prefix("- ") {
            rest = after;
        } else if let Some((key, after)) = split_key(trimmed) {
            let _ = key;
            rest = after.trim_start_matches(' ');
            break;
        } else {
            rest = trimmed;
            break;
        }
    }
    let first = rest.chars().next()?;
    let col = line[..line.len() - rest.len()].chars().count() as u32 + 1;
    Some((col, first))
}

/// `key: rest` → (`key`, `rest`), for a plain key.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let colon = text
        .find(": ")
        .or_else(|| text.strip_suffix(':').map(str::len))?;
    let key = &text[..colon];
    let plain = !key.is_empty()
        && !key.starts_with(['"', '\'', '[', '{', '-', '#', '&', '*', '!', '|', '>'])
        && !key.contains(" #");
    plain.then(|| (key, text.get(colon + 2..).unwrap_or("")))
}

/// What is wrong and what to do when a value's first character made YAML read it as
/// something other than text: `{Cellulose} is …`, `[x] y`, `"a" b`, `@x`.
fn needs_quotes(
    first: char,
    value_col: u32,
    error_col: u32,
    line: &str,
) -> Option<(String, String)> {
    let text: String = line.chars().skip(value_col as usize - 1).collect();
    let example = short(&text.replace('"', "\\\""));
    match first {
        '{' | '[' if error_col > value_col => Some((
            format!(
                "a text that starts with `{first}` must be in quotes: YAML reads `{first}` as the start of a {}",
                if first == '{' { "mapping" } else { "list" }
            ),
            format!("put the whole text in double quotes: \"{example}\""),
        )),
        '"' | '\'' if error_col > value_col => Some((
            "the quotation ends before the text does".to_owned(),
            format!(
                "put the whole text in quotes, writing a quotation mark inside it as {}",
                if first == '"' { "`\\\"`" } else { "`''`" }
            ),
        )),
        ']' | '}' | '@' | '`' | '%' if error_col == value_col => Some((
            format!("a text that starts with `{first}` must be in quotes"),
            format!("put the whole text in double quotes: \"{example}\""),
        )),
        _ => None,
    }
}

/// For "mapping values are not allowed" at `pos`: when the line holds a key indented further
/// than the key on the line above (so YAML read it as the previous value going on), the
/// key's column, the key, and the key above.
fn indented_key(file: &SourceFile, pos: Pos) -> Option<(u32, String, String)> {
    let line = file.line_text(pos.line)?;
    let indent = line.len() - line.trim_start_matches(' ').len();
    let (key, _) = split_key(&line[indent..])?;
    // A word, not a text that goes on (`that goes on: and on` needs quotes, not indenting).
    if !key
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    // The colon the error points at must be this key's.
    if indent + key.chars().count() + 1 != pos.col as usize {
        return None;
    }
    let above = (1..pos.line).rev().find_map(|n| {
        let text = file.line_text(n)?;
        let trimmed = text.trim_start();
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some(text)
    })?;
    let mut at = above.len() - above.trim_start_matches(' ').len();
    let mut rest = &above[at..];
    while let Some(after) = rest.strip_prefix("- ") {
        let inner = after.trim_start_matches(' ');
        at += rest.len() - inner.len();
        rest = inner;
    }
    let (above_key, _) = split_key(rest)?;
    (indent > at).then(|| (indent as u32 + 1, short(key), short(above_key)))
}

/// Where the first key is, if it is indented and a later line is indented less.
fn indented_start(file: &SourceFile) -> Option<Pos> {
    let mut first: Option<(usize, usize)> = None;
    for (n, line) in file.text().lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        match first {
            None if indent == 0 => return None,
            None => first = Some((n, indent)),
            Some((line, first_indent)) if indent < first_indent => {
                return Some(Pos::new(line as u32 + 1, first_indent as u32 + 1));
            }
            Some(_) => {}
        }
    }
    None
}

/// Where a second document starts: the first `---` or `...` line after some content.
fn document_marker(file: &SourceFile) -> Option<Pos> {
    let mut content = false;
    for (n, line) in file.text().lines().enumerate() {
        let marker = line.starts_with("---") || line.starts_with("...");
        if marker && content {
            return Some(Pos::new(n as u32 + 1, 1));
        }
        let trimmed = line.trim();
        content |= !marker && !trimmed.is_empty() && !trimmed.starts_with('#');
    }
    None
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
        Value::String(s) if s.trim().is_empty() => "empty text".into(),
        Value::String(s) => format!("the text \"{}\"", short(s)),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping of keys".into(),
        Value::Tagged(t) => format!("a value tagged `{}`", short(&t.tag.to_string())),
    }
}

/// Reads mappings of one document into raw types, collecting diagnostics.
pub(crate) struct Reader<'a, 'd> {
    pub(crate) file: &'a SourceFile,
    pub(crate) index: &'a SpanIndex,
    pub(crate) diags: &'d mut Diagnostics,
}

/// After this many values of the wrong type in one mapping, a bad value's whole top-level
/// key is dropped instead of the innermost one, so that reading stays linear in the size of
/// the mapping (a `translation:` of thousands of bad values is reported once per key up to
/// here, then once).
const MAX_RETRIES: usize = 16;

impl Reader<'_, '_> {
    /// An error at the value under `path`.
    pub(crate) fn error_at(&mut self, path: &Path, message: impl Into<String>) -> &mut Diagnostic {
        let place = self.index.value(path);
        self.push(self.file.error(place.pos, place.width, message))
    }

    /// Where the value under `path` is, for a diagnostic made later (by a renderer, say).
    pub(crate) fn location_of(&self, path: &Path) -> crate::Location {
        self.file.location(self.index.value(path).pos)
    }

    /// An error at the key of `path` (where a mapping entry starts).
    pub(crate) fn error_at_key(
        &mut self,
        path: &Path,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let place = self.index.key(path);
        self.push(self.file.error(place.pos, place.width, message))
    }

    /// A warning at the value under `path`.
    pub(crate) fn warning_at(
        &mut self,
        path: &Path,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let place = self.index.value(path);
        self.push(self.file.warning(place.pos, place.width, message))
    }

    fn push(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.diags.push_mut(diagnostic)
    }

    /// Whether this file's diagnostics are at their limit (more are only counted), so that
    /// working out a suggestion for another can be skipped.
    pub(crate) fn is_full(&self) -> bool {
        self.diags.is_full(self.file.path())
    }

    /// Reads the mapping `map` (at `path`) as `T`. Unknown keys, empty values and values of
    /// the wrong type are each reported and left out; `None` when `T` cannot be made even
    /// so (a required key is missing or wrong). `what` names the thing in messages: "this
    /// term", "the course".
    pub(crate) fn read<T: DeserializeOwned + JsonSchema>(
        &mut self,
        map: &Mapping,
        path: &Path,
        what: &str,
    ) -> Option<T> {
        let fields = struct_fields::<T>();
        let mut map = self.known_keys(map, path, fields, what, &|_| None);
        let mut dropped: BTreeSet<Path> = BTreeSet::new();
        loop {
            let result: Result<T, _> =
                serde_path_to_error::deserialize(&Value::Mapping(map.clone()));
            let error = match result {
                Ok(value) => return Some(value),
                Err(error) => error,
            };
            let inner = error.inner().to_string();
            let rel = path_of(error.path());
            let full = path.join(rel.segments());
            if let Some(field) = missing_field(&inner) {
                let missing = rel.key(field);
                if dropped.contains(&missing) {
                    // Its value was wrong and is already reported; give up on the mapping
                    // that needs it, keeping the rest.
                    if !rel.is_root() && remove_key(&mut map, &rel) {
                        dropped.insert(rel);
                        continue;
                    }
                    return None;
                }
                if rel.is_root() {
                    let help = field_help::<T>(field);
                    self.error_at(path, format!("{what} has no `{field}:`"))
                        .help = Some(help);
                    return None;
                }
                let name = describe_path(&full);
                let help = if field == "id" && name == "`source:`" {
                    "give the id of a source in sources.yaml: `source: { id: news-2021, quote: \"...\" }`".to_owned()
                } else {
                    format!("add `{field}:` to {name}")
                };
                self.error_at(&full, format!("{name} has no `{field}:`"))
                    .help = Some(help);
                if remove_key(&mut map, &rel) {
                    dropped.insert(rel);
                    continue;
                }
                return None;
            }
            let options = variant_options::<T>(&map, &rel, &inner);
            self.report_type_error(&full, &inner, &options);
            // Drop the key that holds the bad value, and read the rest again: the innermost
            // one, or past the retry limit the top-level one.
            let key = if dropped.len() < MAX_RETRIES {
                rel.up_to_last_key()
            } else {
                rel.first()
            };
            if key.is_root() || !remove_key(&mut map, &key) {
                return None;
            }
            dropped.insert(key);
        }
    }

    /// The mapping without unknown keys, empty values and overlong lists, each reported.
    /// `elsewhere` says where an unknown key does belong, if anywhere. A misspelt key that
    /// stands for a key the mapping lacks (`titel:` for `title:`) is read as that key, so the
    /// one mistake is not reported again as a missing key.
    fn known_keys(
        &mut self,
        map: &Mapping,
        path: &Path,
        fields: Option<&[&str]>,
        what: &str,
        elsewhere: &dyn Fn(&str) -> Option<String>,
    ) -> Mapping {
        let mut kept = Mapping::new();
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                // A number or `true` as a key is indexed by its text; a list or mapping as
                // one, as `?`.
                // An empty key (a line `? ` or `: x`) is indexed by its empty text, `null` or
                // `~` by theirs.
                let texts = match key {
                    Value::Number(n) => vec![n.to_string()],
                    Value::Bool(b) => vec![b.to_string()],
                    Value::Null => ["", "null", "~", "Null", "NULL"].map(String::from).to_vec(),
                    _ => Vec::new(),
                };
                let at = texts
                    .iter()
                    .map(|text| path.key(text))
                    .find(|at| self.index.get(at).is_some())
                    .unwrap_or_else(|| path.key("?"));
                self.error_at(
                    &at,
                    format!(
                        "a key must be a name such as `title`, not {}",
                        describe(key)
                    ),
                )
                .help = Some("write the key as a word followed by a colon: `title: …`; put a text that starts with `[`, `{` or `?` in quotes".into());
                continue;
            };
            let at = path.key(name);
            if let Some(fields) = fields
                && !fields.contains(&name)
            {
                let belongs = elsewhere(name);
                let suggestion = did_you_mean(name, fields.iter().copied());
                let help = belongs
                    .clone()
                    .or_else(|| suggestion.map(|s| format!("did you mean `{s}:`?")))
                    .unwrap_or_else(|| format!("{what} can have: {}", list_keys(fields)));
                self.error_at_key(&at, format!("unknown key `{}:` in {what}", short(name)))
                    .help = Some(help);
                if belongs.is_none()
                    && let Some(meant) = suggestion
                    && !map.contains_key(meant)
                    && !kept.contains_key(meant)
                    && !value.is_null()
                {
                    self.index.alias(&path.key(meant), &at);
                    kept.insert(Value::String(meant.to_owned()), value.clone());
                }
                continue;
            }
            if value.is_null() {
                self.error_at_key(&at, format!("`{}:` has no value", short(name)))
                    .help = Some("write the value after the colon, or remove the line".into());
                continue;
            }
            if let Value::Sequence(items) = value {
                let limit = list_limit(name);
                if items.len() > limit {
                    self.error_at(
                        &at.index(limit),
                        format!(
                            "`{}:` lists {} items; at most {} are read",
                            short(name),
                            thousands(items.len()),
                            thousands(limit)
                        ),
                    )
                    .help = Some(if matches!(name, "entries" | "sources" | "decks") {
                        "split them over several files; a list this long is not one a course needs"
                            .into()
                    } else {
                        "a list this long is not one a course needs: keep the items that matter (and check that the file is the one you meant)".into()
                    });
                    if matches!(name, "entries" | "sources" | "decks") {
                        kept.insert(key.clone(), Value::Sequence(items[..limit].to_vec()));
                    }
                    continue;
                }
            }
            kept.insert(key.clone(), value.clone());
        }
        kept
    }

    /// The item of the list or the key of the mapping at `path` written as `text`, and
    /// whether it is a key: the place of one bad name among several.
    fn item_written_as(&self, path: &Path, text: &str) -> Option<(Path, bool)> {
        let key = path.key(text);
        if self.index.get(&key).is_some() {
            return Some((key, true));
        }
        (0..crate::limits::MAX_LIST_ITEMS)
            .map(|i| path.index(i))
            .map_while(|item| self.index.get(&item).map(|node| (item, node.value)))
            .find(|(_, place)| {
                self.file
                    .line_text(place.pos.line)
                    .and_then(|line| {
                        let start = line
                            .char_indices()
                            .nth(place.pos.col.saturating_sub(1) as usize)?
                            .0;
                        Some(&line[start..])
                    })
                    .is_some_and(|rest| {
                        rest.trim_start_matches(['"', '\''])
                            .strip_prefix(text)
                            .is_some_and(|after| {
                                !after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                            })
                    })
            })
            .map(|(item, _)| (item, false))
    }

    /// Reports serde's complaint about the value at `path` in a teacher's words. `options`
    /// are the names an enum value may take, when the value should have been one.
    fn report_type_error(&mut self, path: &Path, inner: &str, options: &[String]) {
        let name = describe_path(path);
        if let Some((variant, listed)) = parse_unknown(inner, "unknown variant `") {
            let suggestion = did_you_mean(&variant, listed.iter().map(String::as_str));
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("use one of: {}", listed.join(", ")),
            };
            // A list's or a mapping's item is pointed at, not the list (`kinds: [cloze,
            // multiple-choise]`): serde names only the value it read as a whole.
            let message = format!("{name} cannot be `{}`", short(&variant));
            match self.item_written_as(path, &variant) {
                Some((item, true)) => self.error_at_key(&item, message),
                Some((item, false)) => self.error_at(&item, message),
                None => self.error_at(path, message),
            }
            .help = Some(help);
            return;
        }
        if let Some((found, expected)) = parse_invalid(inner) {
            let (message, help) = type_message(&name, &found, &expected, options);
            self.error_at(path, message).help = Some(help);
            return;
        }
        if let Some((field, listed)) = parse_unknown(inner, "unknown field `") {
            let help = match did_you_mean(&field, listed.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}:`?"),
                None => format!("the keys here are: {}", listed.join(", ")),
            };
            self.error_at(path, format!("unknown key `{}:` in {name}", short(&field)))
                .help = Some(help);
            return;
        }
        if let Some(field) = missing_field(inner) {
            self.error_at(path, format!("{name} has no `{field}:`"))
                .help = Some(format!("add `{field}:` to {name}"));
            return;
        }
        if inner.contains("a list of kinds or a mapping from kind to weight") {
            self.error_at(path, format!("{name} should be a list of kinds or a mapping from kind to weight"))
                .help = Some("write `kinds: [multiple-choice, cloze]`, or weights: `kinds: { multiple-choice: 2, cloze: 1 }`".into());
            return;
        }
        self.error_at(
            path,
            format!("{name} cannot be read: {}", short(&strip_positions(inner))),
        )
        .help = Some("see the content README for what this key takes".into());
    }

    /// Reads one entry: picks its kind from its key, then reads the kind's keys and the
    /// common keys.
    pub(crate) fn read_entry(&mut self, value: &Value, path: &Path) -> Option<RawEntry> {
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
        let (kind, renamed) = self.entry_kind(map, path)?;
        let map = renamed.as_ref().unwrap_or(map);
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
        let kind = self.read_kind(kind, &own_map, path, &what)?;
        Some(RawEntry {
            path: path.clone(),
            common,
            kind,
        })
    }

    /// The entry's kind, from its one kind key; with the mapping to read instead, when a
    /// misspelt kind key is read as the kind it most likely is ([`Reader::misspelt_kind`]).
    fn entry_kind(
        &mut self,
        map: &Mapping,
        path: &Path,
    ) -> Option<(EntryKindName, Option<Mapping>)> {
        let kinds: Vec<EntryKindName> = map
            .keys()
            .filter_map(|k| k.as_str().and_then(EntryKindName::from_key))
            .collect();
        match kinds.as_slice() {
            [kind] => Some((*kind, None)),
            [] => self.misspelt_kind(map, path),
            [first, second, ..] => {
                self.error_at_key(
                    &path.key(second.key()),
                    format!("entry has both `{first}:` and `{second}:`; an entry is of one kind"),
                )
                .help = Some("split it into two entries, or remove one of the keys".into());
                None
            }
        }
    }

    /// An entry without a kind key: reported, and if one of its keys is a misspelt kind, read
    /// as the kind it most likely is (the mapping with that key renamed), so that its other
    /// mistakes are found and links to it still resolve.
    fn misspelt_kind(
        &mut self,
        map: &Mapping,
        path: &Path,
    ) -> Option<(EntryKindName, Option<Mapping>)> {
        let keys: Vec<&str> = map.keys().filter_map(Value::as_str).collect();
        let kind_keys: Vec<&str> = EntryKindName::ALL.iter().map(|k| k.key()).collect();
        let typo = keys
            .iter()
            .find_map(|k| did_you_mean(k, kind_keys.iter().copied()).map(|s| (*k, s)));
        let Some((typed, meant)) = typo else {
            self.error_at(path, "entry has no kind").help = Some(format!(
                "start the entry with one of {}",
                list_keys(&kind_keys)
            ));
            return None;
        };
        let at = path.key(typed);
        self.error_at_key(
            &at,
            format!(
                "entry has no kind; `{}:` is not a kind of entry",
                short(typed)
            ),
        )
        .help = Some(format!("did you mean `{meant}:`?"));
        let kind = EntryKindName::from_key(meant)?;
        let mut renamed = Mapping::new();
        for (key, value) in map {
            if key.as_str() == Some(typed) {
                renamed.insert(Value::String(meant.to_owned()), value.clone());
            } else {
                renamed.insert(key.clone(), value.clone());
            }
        }
        self.index.alias(&path.key(meant), &at);
        Some((kind, Some(renamed)))
    }

    /// The keys of an entry's own kind, read.
    fn read_kind(
        &mut self,
        kind: EntryKindName,
        own: &Mapping,
        path: &Path,
        what: &str,
    ) -> Option<RawEntryKind> {
        Some(match kind {
            EntryKindName::Term => RawEntryKind::Term(self.read(own, path, what)?),
            EntryKindName::Fact => RawEntryKind::Fact(self.read(own, path, what)?),
            EntryKindName::Event => RawEntryKind::Event(self.read(own, path, what)?),
            EntryKindName::Person => RawEntryKind::Person(self.read(own, path, what)?),
            EntryKindName::Organization => RawEntryKind::Organization(self.read(own, path, what)?),
            EntryKindName::Quote => RawEntryKind::Quote(self.read(own, path, what)?),
            EntryKindName::Question => RawEntryKind::Question(self.read(own, path, what)?),
        })
    }
}

/// Removes the key at `path` (keys and indexes below `map`); whether there was one.
fn remove_key(map: &mut Mapping, path: &Path) -> bool {
    fn remove(value: &mut Value, segments: &[Segment]) -> bool {
        match (value, segments) {
            (Value::Mapping(map), [Segment::Key(key)]) => map.remove(key.as_str()).is_some(),
            (Value::Mapping(map), [Segment::Key(key), rest @ ..]) => {
                map.get_mut(key.as_str()).is_some_and(|v| remove(v, rest))
            }
            (Value::Sequence(items), [Segment::Index(i), rest @ ..]) if !rest.is_empty() => {
                items.get_mut(*i).is_some_and(|v| remove(v, rest))
            }
            _ => false,
        }
    }
    let mut root = Value::Mapping(std::mem::take(map));
    let removed = remove(&mut root, path.segments());
    if let Value::Mapping(m) = root {
        *map = m;
    }
    removed
}

/// Puts `new` in place of the value at `segments` under `value`; whether there was one.
fn replace_value(value: &mut Value, segments: &[Segment], new: Value) -> bool {
    let slot = match (value, segments) {
        (slot, []) => slot,
        (Value::Mapping(map), [Segment::Key(key), rest @ ..]) => {
            return map
                .get_mut(key.as_str())
                .is_some_and(|v| replace_value(v, rest, new));
        }
        (Value::Sequence(items), [Segment::Index(i), rest @ ..]) => {
            return items
                .get_mut(*i)
                .is_some_and(|v| replace_value(v, rest, new));
        }
        _ => return false,
    };
    *slot = new;
    true
}

/// An entry as written, with its kind decided.
#[derive(Debug)]
pub(crate) struct RawEntry {
    pub(crate) path: Path,
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

/// Our path of serde_path_to_error's segments.
fn path_of(path: &serde_path_to_error::Path) -> Path {
    use serde_path_to_error::Segment as Step;
    let segments = path
        .iter()
        .filter_map(|step| match step {
            Step::Seq { index } => Some(Segment::Index(*index)),
            Step::Map { key } => Some(Segment::Key(key.clone())),
            Step::Enum { variant } => Some(Segment::Key(variant.clone())),
            Step::Unknown => None,
        })
        .collect::<Vec<_>>();
    Path::from(segments)
}

/// `entries[3].tags[1]` → "item 2 of `tags:`"; `entries[3].source` → "`source:`";
/// `strings."q.expansion"` → "`q.expansion:`".
fn describe_path(path: &Path) -> String {
    let segments = path.segments();
    let keyed = segments
        .iter()
        .rposition(|segment| matches!(segment, Segment::Key(_)));
    let (key, indexes) = match keyed {
        Some(i) => (path.last_key(), &segments[i + 1..]),
        None => (None, segments),
    };
    let first_index = indexes.iter().find_map(|segment| match segment {
        Segment::Index(n) => Some(*n),
        Segment::Key(_) => None,
    });
    match (key, first_index) {
        (Some(key), Some(n)) => format!("item {} of `{key}:`", n + 1),
        (None, Some(n)) => format!("item {}", n + 1),
        (Some(key), None) => format!("`{key}:`"),
        (None, None) => "this value".into(),
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
        "a string" | "text" | "text that is not empty" => "text".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "`true` or `false`".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping of keys".into(),
        other if other.starts_with("struct ") => "a mapping of keys".into(),
        other if other.starts_with("a sequence") => "a list".into(),
        other if is_enum(other) => "a name".into(),
        other => short(other),
    }
}

/// How serde's "found" part reads to a teacher: `sequence` → "a list", `string "x"` → "the
/// text "x"" (shortened).
fn humanize_found(found: &str) -> String {
    if let Some(quoted) = found.strip_prefix("string ") {
        let inner = quoted.trim_matches('"');
        // serde writes the text escaped: `"\t"` is a tab.
        let blank = inner
            .replace("\\t", " ")
            .replace("\\n", " ")
            .replace("\\r", " ")
            .trim()
            .is_empty();
        return if blank {
            "empty text".into()
        } else {
            format!("the text {}", short(quoted))
        };
    }
    if let Some(n) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
    {
        return format!("the number {}", short(n.trim_end_matches('`')));
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping of keys".into(),
        "unit value" => "nothing".into(),
        "enum" => "a tagged value".into(),
        other if other.starts_with("boolean") => other.replace("boolean ", ""),
        other => short(other),
    }
}

/// The largest value of an unsigned type serde names, if `expected` is one.
fn unsigned_max(expected: &str) -> Option<u64> {
    Some(match expected {
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" | "usize" => u64::MAX,
        _ => return None,
    })
}

/// The message and help for a value of the wrong type at `name` (as "`questions:`").
fn type_message(name: &str, found: &str, expected: &str, options: &[String]) -> (String, String) {
    let shown = humanize_found(found);
    if expected == "text that is not empty" || shown == "empty text" {
        return (
            format!("{name} is empty"),
            "write the text after the colon, or remove the line".into(),
        );
    }
    if !options.is_empty() {
        return (
            format!("{name} should be a name, not {shown}"),
            format!("use one of: {}", options.join(", ")),
        );
    }
    let integer = found
        .strip_prefix("integer `")
        .map(|n| n.trim_end_matches('`'));
    if let (Some(max), Some(n)) = (unsigned_max(expected), integer) {
        return if n.starts_with('-') {
            (
                format!("{name} should be a whole number (0 or more), not the number {n}"),
                "write a whole number without a sign, such as 3".into(),
            )
        } else {
            (
                format!("{name} is too large ({n})"),
                format!("use a whole number up to {}", thousands(max as usize)),
            )
        };
    }
    let wanted = humanize_expected(expected);
    let help = match wanted.as_str() {
        "text" => "write the text on the same line after the colon; put it in quotes if it starts with `[`, `{`, `-` or `&`".to_owned(),
        "a whole number (0 or more)" | "a whole number" => "write a whole number such as 3, without quotes".to_owned(),
        "a number" => "write a number such as 2.5, without quotes".to_owned(),
        "`true` or `false`" => "write `true` or `false`, without quotes".to_owned(),
        "a list" => "write the items as a list: `[a, b]` on one line, or one `- item` per line below the key".to_owned(),
        "a mapping of keys" => "write its keys on the lines below it, indented: `key: value`".to_owned(),
        "a name" => "see the content README for the names this key takes".to_owned(),
        _ => "see the content README for what this key takes".to_owned(),
    };
    (format!("{name} should be {wanted}, not {shown}"), help)
}

/// The names an enum value may take, when serde says a value at `rel` should have been one:
/// found by reading the mapping again with a value no enum has, which makes serde list them.
fn variant_options<T: DeserializeOwned>(map: &Mapping, rel: &Path, inner: &str) -> Vec<String> {
    let Some((_, expected)) = parse_invalid(inner) else {
        return Vec::new();
    };
    if !is_enum(&expected) {
        return Vec::new();
    }
    let probe = "\u{1}";
    let mut root = Value::Mapping(map.clone());
    if !replace_value(&mut root, rel.segments(), Value::String(probe.into())) {
        return Vec::new();
    }
    match serde_path_to_error::deserialize::<_, T>(&root) {
        Err(error) => match parse_unknown(&error.inner().to_string(), "unknown variant `") {
            Some((variant, options)) if variant == probe => options,
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

/// Whether serde's "expected" part names an enum (`a Value::Tagged enum`, `enum Paper`,
/// `variant identifier`): words a teacher should never see.
fn is_enum(expected: &str) -> bool {
    expected.starts_with("enum ") || expected.ends_with(" enum") || expected.contains("variant")
}

/// The limit on items of a list under `key`.
fn list_limit(key: &str) -> usize {
    match key {
        "entries" | "sources" => MAX_ENTRIES_PER_DECK,
        "decks" => MAX_DECKS,
        _ => MAX_LIST_ITEMS,
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
        let entry = Path::top("entries").index(3);
        assert_eq!(
            describe_path(&entry.key("tags").index(1)),
            "item 2 of `tags:`"
        );
        assert_eq!(describe_path(&entry.key("source")), "`source:`");
        assert_eq!(describe_path(&Path::top("seed")), "`seed:`");
        assert_eq!(
            describe_path(&Path::top("strings").key("q.expansion")),
            "`q.expansion:`"
        );
        assert_eq!(describe_path(&Path::root().index(2)), "item 3");
        assert_eq!(describe_path(&Path::root()), "this value");
    }
}
