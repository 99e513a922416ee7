//! A fuzz test of the loader: the fixture courses' text (the model crate's base course and
//! the end-to-end fixtures `course` and `space`), broken the ways text gets broken
//! (bytes flipped, deleted, control characters, brackets, colons and tabs put in, lines
//! repeated or indented too far), must always give a report a teacher can act on: no panic,
//! every diagnostic at a real place (never a fallback `1:1` unless the problem is there) and
//! with a `help:` line, and no more than the limit of them per file.
//!
//! The cases are drawn from a fixed seed so that CI is repeatable; set `FUZZ_SEED` to try
//! others and `PROPTEST_CASES` to try more (`FUZZ_SEED=$RANDOM PROPTEST_CASES=20000 cargo
//! test -p decksmith-model --test fuzz`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use decksmith_model::limits::MAX_SHOWN_PER_FILE;
use decksmith_model::{ContentInput, Diagnostics, LoadOptions, Loaded, SourceFile, load};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

/// Cases per run in CI: about ten seconds in a debug build.
const CASES: u32 = 2_000;

/// The files of a course folder by path, as bytes.
fn course_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for name in ["course.yaml", "sources.yaml"] {
        files.insert(name.to_owned(), fs::read(dir.join(name)).unwrap());
    }
    for entry in fs::read_dir(dir.join("decks")).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("decks/{}", path.file_name().unwrap().to_string_lossy());
        files.insert(name, fs::read(&path).unwrap());
    }
    files
}

fn courses() -> Vec<BTreeMap<String, Vec<u8>>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![
        course_files(&root.join("tests/data/base")),
        course_files(&root.join("../../tests/fixtures/course")),
        course_files(&root.join("../../tests/fixtures/space")),
    ]
}

/// Loads files as the driver does: each decoded, and if any cannot be, only that reported.
fn load_files(files: &BTreeMap<String, Vec<u8>>) -> Loaded {
    let mut early = Diagnostics::new();
    let mut decode = |path: &str, bytes: &[u8]| match SourceFile::decode(path, bytes) {
        Ok(file) => Some(file),
        Err(diagnostic) => {
            early.push(*diagnostic);
            None
        }
    };
    let course = decode("course.yaml", &files["course.yaml"]);
    let sources = decode("sources.yaml", &files["sources.yaml"]);
    let decks: Vec<SourceFile> = files
        .iter()
        .filter(|(path, _)| path.starts_with("decks/"))
        .filter_map(|(path, bytes)| decode(path, bytes))
        .collect();
    match (course, sources) {
        (Some(course), Some(sources)) if early.is_empty() => load(
            &ContentInput {
                course,
                sources,
                decks,
            },
            &LoadOptions::default(),
        ),
        _ => Loaded {
            course: None,
            diagnostics: early,
        },
    }
}

/// What gets put into text: what a slip of the keyboard, a paste or an editor can add.
const INSERTS: &[&str] = &[
    "\u{1}", "\u{7}", "\u{1b}", "\u{7f}", "\u{80}", "\u{85}", "\u{9f}", "\u{2028}", "\u{2029}",
    "\u{feff}", "[", "]", "{", "}", ":", ": ", "\t", "  ", "- ", "#", " #", "\"", "'", "&a ", "*a",
    "!x ", "|", ">", "\n", "? ", ",", "%", "@", "`", "{x}", "---\n", "\\", "ж",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Flips one bit of a byte.
    Flip { at: usize, bit: u8 },
    /// Deletes a few bytes.
    Delete { at: usize, len: usize },
    /// Puts text in.
    Insert { at: usize, what: &'static str },
    /// Repeats a line.
    Duplicate { line: usize },
    /// Indents a line two spaces further.
    Indent { line: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 1usize..8).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::sample::select(INSERTS))
            .prop_map(|(at, what)| Mutation::Insert { at, what }),
        any::<usize>().prop_map(|line| Mutation::Duplicate { line }),
        any::<usize>().prop_map(|line| Mutation::Indent { line }),
    ]
}

/// Line starts of `bytes`.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&start| start < bytes.len())
        .collect()
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match *mutation {
        Mutation::Flip { at, bit } => bytes[at % len] ^= 1 << bit,
        Mutation::Delete { at, len: n } => {
            let at = at % len;
            bytes.drain(at..(at + n).min(len));
        }
        Mutation::Insert { at, what } => {
            let at = at % (len + 1);
            bytes.splice(at..at, what.bytes());
        }
        Mutation::Duplicate { line } => {
            let starts = line_starts(bytes);
            let start = starts[line % starts.len()];
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(len, |n| start + n + 1);
            let copy = bytes[start..end].to_vec();
            bytes.splice(start..start, copy);
        }
        Mutation::Indent { line } => {
            let starts = line_starts(bytes);
            let start = starts[line % starts.len()];
            bytes.splice(start..start, *b"  ");
        }
    }
}

/// Messages about a whole file, which rightly point at its start (or at its first key).
const WHOLE_FILE: &[&str] = &[
    "file is empty",
    "the deck has no `",
    "the course has no `",
    "sources.yaml has no `",
    "the file should be a mapping",
    "deck file name",
    "the course has no decks",
    "is not listed in course.yaml",
    "file is UTF-16",
];

/// Checks one report against the texts it is about.
fn check_report(
    loaded: &Loaded,
    texts: &BTreeMap<String, String>,
    first_line_changed: &BTreeMap<String, bool>,
) -> Result<(), TestCaseError> {
    let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
    for d in loaded.diagnostics.iter() {
        let shown = || d.to_string();
        prop_assert!(d.help.is_some(), "no help line:\n{}", shown());
        let text = texts.get(&d.location.file);
        prop_assert!(text.is_some(), "unknown file:\n{}", shown());
        let text = text.map_or("", String::as_str);
        let pos = d.location.pos;
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(
            (pos.line as usize) <= lines.len(),
            "line past the end of the file:\n{}",
            shown()
        );
        let line = lines.get(pos.line as usize - 1).copied().unwrap_or("");
        prop_assert!(
            (pos.col as usize) <= line.chars().count() + 1,
            "column past the end of the line:\n{}",
            shown()
        );
        let at_start = pos.line == 1 && pos.col == 1;
        let whole_file = WHOLE_FILE.iter().any(|m| d.message.contains(m));
        let changed = first_line_changed
            .get(&d.location.file)
            .copied()
            .unwrap_or(false);
        // A message about the key that starts the file is rightly at 1:1.
        let first_key = lines[0].split(':').next().unwrap_or("");
        let about_first_key =
            !first_key.is_empty() && d.message.contains(&format!("`{first_key}:`"));
        prop_assert!(
            !at_start || whole_file || changed || about_first_key,
            "a fallback position 1:1, but the first line is as it was:\n{}",
            shown()
        );
        *per_file.entry(&d.location.file).or_default() += 1;
    }
    for (file, n) in per_file {
        prop_assert!(n <= MAX_SHOWN_PER_FILE, "{n} diagnostics kept for {file}");
    }
    // What is printed: at most the limit per file, each a few lines.
    let rendered = loaded.diagnostics.render();
    prop_assert!(
        rendered.len() <= texts.len() * (MAX_SHOWN_PER_FILE + 1) * 1024,
        "{} bytes of report",
        rendered.len()
    );
    // Each message at most the limit of times.
    let mut repeats: BTreeMap<&str, usize> = BTreeMap::new();
    for d in loaded.diagnostics.iter() {
        *repeats.entry(d.message.as_str()).or_default() += 1;
    }
    for (message, n) in repeats {
        prop_assert!(n <= MAX_SHOWN_PER_FILE, "{message:?} {n} times");
    }
    Ok(())
}

#[test]
fn broken_fixture_text_always_gets_a_report_a_teacher_can_act_on() {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(14);
    let config = Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(CASES),
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    };
    let courses = courses();
    let strategy = (
        0..courses.len(),
        any::<usize>(),
        prop::collection::vec(mutation(), 1..5),
    );
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |(course, file, mutations)| {
        let mut files = courses[course].clone();
        let name = files.keys().nth(file % files.len()).cloned().unwrap();
        let original_first = first_line(&files[&name]);
        let bytes = files.get_mut(&name).unwrap();
        for mutation in &mutations {
            apply(bytes, mutation);
        }
        let loaded = load_files(&files);
        let texts: BTreeMap<String, String> = files
            .iter()
            .map(|(path, bytes)| (path.clone(), decoded(bytes)))
            .collect();
        let changed: BTreeMap<String, bool> =
            [(name.clone(), first_line(&files[&name]) != original_first)].into();
        check_report(&loaded, &texts, &changed).map_err(|e| {
            TestCaseError::fail(format!(
                "{e}\n--- {name} after the mutations:\n{:?}",
                texts[&name]
            ))
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The text as positions count it: without a byte-order mark, invalid UTF-8 replaced.
fn decoded(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

fn first_line(bytes: &[u8]) -> Vec<u8> {
    bytes.split(|&b| b == b'\n').next().unwrap_or(&[]).to_vec()
}
