//! Loading and validation over fixture cases.
//!
//! Each file in `tests/data/ok` and `tests/data/err` is a case: sections headed
//! `#### <path>` give content files that replace or join those in `tests/data/base`, and the
//! `#### expect` section lists every diagnostic the case must produce in the files it gives,
//! sorted, each as `path:line:col: severity: message` with its `help:` and `note:` lines
//! indented below. Run with `UPDATE_EXPECT=1` to rewrite the expectations from what the
//! loader says (then read the diff).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use decksmith_model::{ContentInput, Diagnostic, LoadOptions, Loaded, SourceFile, load};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// The base course's files by path, as bytes.
fn base_files() -> BTreeMap<String, Vec<u8>> {
    let base = data().join("base");
    let mut files = BTreeMap::new();
    for name in ["course.yaml", "sources.yaml"] {
        files.insert(name.to_owned(), fs::read(base.join(name)).unwrap());
    }
    for entry in fs::read_dir(base.join("decks")).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("decks/{}", path.file_name().unwrap().to_string_lossy());
        files.insert(name, fs::read(&path).unwrap());
    }
    files
}

/// Loads a course from files by path, decoding them as the driver does.
fn load_files(files: &BTreeMap<String, Vec<u8>>) -> Loaded {
    let mut early = Vec::new();
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
    let mut loaded = load(
        &ContentInput {
            course: course.unwrap_or_else(|| SourceFile::new("course.yaml", "title: x")),
            sources: sources.unwrap_or_else(|| SourceFile::new("sources.yaml", "sources: []")),
            decks,
        },
        &LoadOptions::default(),
    );
    if !early.is_empty() {
        loaded.course = None;
        loaded.diagnostics.extend(early);
    }
    loaded
}

/// A diagnostic written as in the expect sections.
fn show(d: &Diagnostic) -> String {
    let mut out = d.headline();
    if let Some((location, note)) = &d.note {
        out.push_str(&format!("\n  note: {note} at {location}"));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("\n  help: {help}"));
    }
    out
}

struct Case {
    text: String,
    files: Vec<(String, Vec<u8>)>,
    expect: String,
}

fn parse_case(path: &Path) -> Case {
    let bytes = fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut files = Vec::new();
    let mut expect = String::new();
    // Split on the raw bytes so BOMs, CRLF and tabs in a section survive.
    let marker = b"#### ";
    let mut starts: Vec<usize> = Vec::new();
    for i in 0..bytes.len() {
        if bytes[i..].starts_with(marker) && (i == 0 || bytes[i - 1] == b'\n') {
            starts.push(i);
        }
    }
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
        let header_end = start
            + bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(end - start);
        let name = String::from_utf8_lossy(&bytes[start + marker.len()..header_end])
            .trim()
            .to_owned();
        let body = bytes[(header_end + 1).min(end)..end].to_vec();
        if name == "expect" {
            expect = String::from_utf8(body).unwrap().trim_end().to_owned();
        } else {
            files.push((name, body));
        }
    }
    assert!(
        !files.is_empty(),
        "{}: a case needs at least one `#### <file>` section",
        path.display()
    );
    Case {
        text,
        files,
        expect,
    }
}

fn run_dir(dir: &str) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(data().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let case = parse_case(&path);
        let mut files = base_files();
        let mut given = Vec::new();
        for (name, body) in &case.files {
            files.insert(name.clone(), body.clone());
            given.push(name.clone());
        }
        let loaded = load_files(&files);
        let actual: Vec<String> = loaded
            .diagnostics
            .sorted()
            .iter()
            .filter(|d| given.contains(&d.location.file))
            .map(show)
            .collect();
        let actual = actual.join("\n");
        if dir == "ok" {
            if loaded.course.is_none() || !actual.is_empty() {
                failures.push(format!(
                    "{}: expected a clean load, got:\n{actual}",
                    path.display()
                ));
            }
            continue;
        }
        if loaded.course.is_some() && loaded.diagnostics.has_errors() {
            failures.push(format!(
                "{}: a course came back despite errors",
                path.display()
            ));
        }
        if actual != case.expect {
            if update {
                let cut = case.text.find("#### expect").unwrap_or(case.text.len());
                let new = format!("{}#### expect\n{actual}\n", &case.text[..cut]);
                fs::write(&path, new).unwrap();
            } else {
                failures.push(format!(
                    "{}:\n--- expected\n{}\n--- actual\n{actual}",
                    path.display(),
                    case.expect
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed (UPDATE_EXPECT=1 rewrites):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn valid_cases_load_cleanly() {
    run_dir("ok");
}

#[test]
fn invalid_cases_give_exactly_their_diagnostics() {
    run_dir("err");
}

/// Diagnostics of a load with one extra deck file, as written in expect sections.
fn load_with_deck(name: &str, bytes: Vec<u8>) -> (Loaded, Vec<String>) {
    let mut files = base_files();
    files.insert(name.to_owned(), bytes);
    let loaded = load_files(&files);
    let shown = loaded
        .diagnostics
        .sorted()
        .iter()
        .filter(|d| d.location.file == name)
        .map(show)
        .collect();
    (loaded, shown)
}

#[test]
fn binary_garbage_is_refused_with_its_place() {
    // Bytes as a stray image or archive would have them.
    let mut garbage = b"title: x\n".to_vec();
    garbage.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let (loaded, shown) = load_with_deck("decks/garbage.yaml", garbage);
    assert!(loaded.course.is_none());
    assert_eq!(
        shown,
        [
            "decks/garbage.yaml:2:1: error: file is binary data, not text\n  help: content files must be YAML saved as UTF-8 text; check that this is the file you meant"
        ]
    );
}

#[test]
fn a_file_of_many_megabytes_is_refused() {
    let mut huge = b"title: x\nentries:\n".to_vec();
    while huge.len() <= decksmith_model::source::MAX_FILE_BYTES {
        huge.extend_from_slice(b"  - term: filler\n    meaning: text that goes on and on\n");
    }
    let (loaded, shown) = load_with_deck("decks/huge.yaml", huge.clone());
    assert!(loaded.course.is_none());
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].starts_with(&format!(
            "decks/huge.yaml:1:1: error: file is too large (8,388,6{} bytes); content files are limited to 8 MB (8,388,608 bytes)",
            huge.len() - 8_388_600
        )),
        "{}",
        shown[0]
    );
}

#[test]
fn a_large_valid_deck_loads() {
    let mut text = String::from("title: Large\nentries:\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "  - id: t{i}\n    term: Term {i}\n    meaning: The meaning of term number {i}\n    source: news-2021\n"
        ));
    }
    assert!(text.len() > 2_000_000);
    let (loaded, shown) = load_with_deck("decks/large.yaml", text.into_bytes());
    assert!(shown.is_empty(), "{shown:?}");
    let course = loaded.course.expect("the course loads");
    assert_eq!(course.deck("large").unwrap().entries.len(), 20_000);
}

#[test]
fn entries_without_a_source_cite_the_decks_or_the_courses_and_notes_need_no_title() {
    let mut files = base_files();
    files.insert(
        "course.yaml".into(),
        b"title: Fixture course\nlanguage: ru\nsource: my-notes\n".to_vec(),
    );
    let mut sources = files["sources.yaml"].clone();
    sources.extend_from_slice(b"  - id: my-notes\n    kind: notes\n");
    files.insert("sources.yaml".into(), sources);
    files.insert(
        "decks/a.yaml".into(),
        b"title: A\nentries:\n  - id: notes\n    term: From the notes\n    meaning: M1\n  - id: none-at-all\n    term: None at all\n    meaning: M2\n    source: none\n".to_vec(),
    );
    files.insert(
        "decks/b.yaml".into(),
        b"title: B\nsource: { id: news-2021, page: \"12\" }\nentries:\n  - id: page-12\n    term: From page 12\n    meaning: M3\n".to_vec(),
    );
    let loaded = load_files(&files);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let course = loaded.course.expect("the course loads");
    let cited = |id: &str| -> Vec<(String, Option<String>)> {
        let (_, entry) = course.entries().find(|(_, e)| e.id == id).unwrap();
        entry
            .citations
            .iter()
            .map(|c| {
                (
                    c.source.clone(),
                    c.locator.as_ref().map(|l| format!("{l:?}")),
                )
            })
            .collect()
    };
    assert_eq!(cited("notes"), [("my-notes".into(), None)]);
    assert_eq!(cited("none-at-all"), []);
    assert_eq!(
        cited("page-12"),
        [("news-2021".into(), Some("Page(\"12\")".into()))]
    );
    let notes = course.source("my-notes").unwrap();
    assert_eq!(notes.title, "Записи преподавателя");
    assert_eq!(notes.short, notes.title);
}
