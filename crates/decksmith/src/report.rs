//! Printing diagnostics for people.

use std::io::{self, Write};

use decksmith_model::Diagnostics;
use decksmith_model::diag::count;
use decksmith_quiz::DeckReport;

/// Prints every diagnostic, sorted, to standard error.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let text = diagnostics.render();
    if !text.is_empty() {
        let mut err = io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }
}

/// How many of a deck's questions not made that one help answers are listed, unless the
/// report is asked for in full: the rest are counted.
pub const LISTED_PER_HELP: usize = 10;

/// The generation report: for each deck, how many questions its quiz has, which kinds gave
/// fewer than their weights ask for, and which possible questions were not made. Those a
/// change to the course could fix are listed with their place, why, and what would help (the
/// first [`LISTED_PER_HELP`] that one help answers, the others counted, so that a large deck
/// with one recurring cause does not print thousands of lines); the others (a free phrase
/// asked only as a typed answer, say) are counted by kind. When `full`, every one is listed.
/// Empty when nothing was left out and every kind gave its share.
pub fn generation_report(reports: &[DeckReport], full: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if reports
        .iter()
        .all(|r| r.dropped.is_empty() && r.short_kinds.is_empty())
    {
        return out;
    }
    out.push_str("generation report: questions not made, and why\n");
    let mut hidden = 0;
    for report in reports {
        let _ = writeln!(
            out,
            "  {}: {} of {}, {}",
            report.deck,
            report.questions,
            count(report.wanted, "question", "questions"),
            count(report.cards, "card", "cards")
        );
        short_kinds(&mut out, report);
        hidden += dropped_lines(&mut out, report, full);
    }
    if hidden > 0 {
        let _ = writeln!(
            out,
            "  ({hidden} more not listed: run `decksmith check --report` to see every one)"
        );
    }
    out
}

/// A deck's kinds that gave fewer questions than their weights ask for, on one line.
fn short_kinds(out: &mut String, report: &DeckReport) {
    use std::fmt::Write as _;
    if report.short_kinds.is_empty() {
        return;
    }
    let short: Vec<String> = report
        .short_kinds
        .iter()
        .map(|s| {
            let only = if s.possible < s.share {
                format!(" (only {} can be made)", s.possible)
            } else {
                String::new()
            };
            format!("{} {} of {}{only}", s.kind, s.made, s.share)
        })
        .collect();
    let kept_out = if report.short_kinds.iter().any(|s| s.possible >= s.share) {
        ": the others would ask about entries already asked about, or give answers away"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "    fewer than the kinds' weights ask for, other kinds taking their places: {}{kept_out}",
        short.join(", ")
    );
}

/// A deck's questions not made: counted by kind, then listed grouped by the help that
/// answers them (at most [`LISTED_PER_HELP`] each unless `full`). Returns how many were left
/// unlisted because no change to the course would make them.
fn dropped_lines(out: &mut String, report: &DeckReport, full: bool) -> usize {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    let mut hidden = 0;
    let mut counts: BTreeMap<decksmith_quiz::DropKind, usize> = BTreeMap::new();
    for dropped in &report.dropped {
        *counts.entry(dropped.kind).or_default() += 1;
    }
    for (kind, n) in &counts {
        let _ = writeln!(out, "    {n} not made: {}", kind.describe());
    }
    // The lines that one help answers stand together, the help right under them.
    let mut groups: Vec<(Option<&str>, Vec<&decksmith_quiz::Dropped>)> = Vec::new();
    let mut group_of: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for dropped in &report.dropped {
        if !full && !dropped.kind.actionable() {
            hidden += 1;
            continue;
        }
        let help = dropped
            .help
            .as_deref()
            .filter(|_| dropped.kind.actionable());
        let group = *group_of.entry(help).or_insert_with(|| {
            groups.push((help, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push(dropped);
    }
    if report.dropped.is_empty() && report.questions < report.wanted {
        let _ = writeln!(
            out,
            "    no question left out for its entries: the deck's warning above says why the quiz is short"
        );
    }
    for (help, lines) in groups {
        let listed = if full {
            lines.len()
        } else {
            lines.len().min(LISTED_PER_HELP)
        };
        for dropped in &lines[..listed] {
            let _ = writeln!(
                out,
                "    {}: {}: {}",
                dropped.origin, dropped.question, dropped.reason
            );
        }
        if listed < lines.len() {
            let _ = writeln!(
                out,
                "    … and {} like these (`decksmith check --report` lists every one)",
                count(lines.len() - listed, "more", "more")
            );
        }
        if let Some(help) = help {
            let _ = writeln!(out, "      = help: {help}");
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;
    use decksmith_model::{Location, Pos};
    use decksmith_quiz::{DropKind, Dropped};

    fn dropped(line: u32, reason: &str, help: &str) -> Dropped {
        Dropped {
            question: format!("q-{line}"),
            entry: format!("e-{line}"),
            origin: Location {
                file: "decks/big.yaml".to_owned(),
                pos: Pos { line, col: 5 },
            },
            kind: DropKind::GivesAway,
            reason: reason.to_owned(),
            help: Some(help.to_owned()),
        }
    }

    /// A large deck whose entries share one cause: the report lists a few of them with the
    /// help, and counts the rest, instead of a line for each.
    #[test]
    fn one_recurring_cause_is_listed_a_few_times_and_counted() {
        let mut deck = DeckReport {
            deck: "big".to_owned(),
            questions: 3,
            wanted: 20,
            cards: 49_003,
            ..DeckReport::default()
        };
        for line in 1..=49_000 {
            deck.dropped.push(dropped(
                line,
                "the question names its own answer",
                "reword the entry",
            ));
        }
        for line in 50_000..50_003 {
            deck.dropped
                .push(dropped(line, "the question spells out X", "another help"));
        }
        let short = generation_report(std::slice::from_ref(&deck), false);
        assert_eq!(
            short.lines().count(),
            1 + 1 + 1 + 10 + 1 + 1 + 3 + 1,
            "{short}"
        );
        assert!(short.contains("    49003 not made: questions that would give their answer away"));
        assert!(short.contains(
            "decks/big.yaml:10:5: q-10: the question names its own answer\n    … and 48,990 more like these (`decksmith check --report` lists every one)\n      = help: reword the entry\n"
        ), "{short}");
        assert!(!short.contains("decks/big.yaml:11:5"), "{short}");
        // A group within the limit is listed whole, with no count.
        assert!(short.contains("decks/big.yaml:50002:5: q-50002: the question spells out X\n      = help: another help\n"), "{short}");
        // Asked for in full, every one is listed.
        let full = generation_report(std::slice::from_ref(&deck), true);
        assert_eq!(
            full.lines().count(),
            1 + 1 + 1 + 49_000 + 1 + 3 + 1,
            "{}",
            &full[..2000]
        );
        assert!(!full.contains("more like these"));
    }
}
