use super::*;
use crate::limits::{MAX_QUOTED_CHARS, MAX_SHOWN_PER_FILE};

fn at(file: &str, line: u32, col: u32) -> Location {
    Location {
        file: file.into(),
        pos: Pos::new(line, col),
    }
}

#[test]
fn renders_headline_snippet_note_and_help() {
    let d = Diagnostic::error(
        at("content/decks/un.yaml", 42, 13),
        "unknown source \"riac-brif\"",
    )
    .with_snippet(Some(Snippet::line("    source: riac-brif", 9)))
    .with_note(at("content/sources.yaml", 3, 7), "sources are defined")
    .with_help("did you mean \"riac-brief\"?");
    assert_eq!(
        d.to_string(),
        "content/decks/un.yaml:42:13: error: unknown source \"riac-brif\"\n   |\n42 |     source: riac-brif\n   |             ^^^^^^^^^\n   = note: sources are defined at content/sources.yaml:3:7\n   = help: did you mean \"riac-brief\"?"
    );
}

#[test]
fn sorts_by_file_line_column_and_drops_exact_duplicates() {
    let mut all = Diagnostics::new();
    all.push(Diagnostic::warning(at("b.yaml", 1, 1), "w"));
    all.push(Diagnostic::error(at("a.yaml", 10, 2), "second"));
    all.push(Diagnostic::error(at("a.yaml", 2, 5), "first"));
    all.push(Diagnostic::error(at("a.yaml", 2, 5), "first"));
    let order: Vec<String> = all.sorted().iter().map(Diagnostic::headline).collect();
    assert_eq!(
        order,
        [
            "a.yaml:2:5: error: first",
            "a.yaml:10:2: error: second",
            "b.yaml:1:1: warning: w"
        ]
    );
    assert_eq!(all.summary(), "3 errors, 1 warning");
}

#[test]
fn keeps_a_hundred_per_file_and_counts_the_rest() {
    let mut all = Diagnostics::new();
    for line in 1..=150 {
        all.push(Diagnostic::error(at("a.yaml", line, 1), "e"));
    }
    all.push(Diagnostic::warning(at("a.yaml", 151, 1), "w"));
    all.push(Diagnostic::error(at("b.yaml", 1, 1), "e"));
    assert_eq!(all.len(), MAX_SHOWN_PER_FILE + 1);
    assert_eq!(all.summary(), "151 errors, 1 warning");
    assert!(all.is_full("a.yaml") && !all.is_full("b.yaml"));
    let rendered = all.render();
    assert!(
        rendered
            .contains("a.yaml: … and 50 more errors and 1 more warning in this file, not shown")
    );
    assert!(rendered.ends_with("b.yaml:1:1: error: e\n\n"));
}

#[test]
fn appending_is_pushing_each_in_turn() {
    let part = |file: &str, lines: std::ops::RangeInclusive<u32>| -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = lines
            .map(|line| Diagnostic::error(at(file, line, 1), "e"))
            .collect();
        found.push(Diagnostic::warning(at(file, 999, 1), "w"));
        found
    };
    let parts = [
        part("a.yaml", 1..=40),
        // More than a file shows on its own: this part left some out before it was added.
        part("a.yaml", 41..=160),
        part("b.yaml", 1..=3),
    ];
    let mut pushed = Diagnostics::new();
    let mut appended = Diagnostics::new();
    for found in &parts {
        let mut apart = Diagnostics::new();
        for d in found {
            pushed.push(d.clone());
            apart.push(d.clone());
        }
        appended.append(apart);
    }
    assert_eq!(appended.summary(), "163 errors, 3 warnings");
    assert_eq!(appended.summary(), pushed.summary());
    assert_eq!(appended.render(), pushed.render());
    assert!(
        appended
            .render()
            .contains("a.yaml: … and 61 more errors and 1 more warning in this file, not shown")
    );
}

#[test]
fn long_and_invisible_text_is_quoted_short() {
    assert_eq!(short("riac-brief"), "riac-brief");
    assert_eq!(short("a\u{1b}[31mred"), "a\\u{1b}[31mred");
    let long = "x".repeat(10_000);
    assert_eq!(short(&long).chars().count(), MAX_QUOTED_CHARS);
    assert_eq!(listing(["a", "b", "c"], 2), "a, b and 1 more");
}
