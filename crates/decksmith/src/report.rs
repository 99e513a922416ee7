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

/// The generation report: for each deck, how many questions its quiz has, which kinds gave
/// fewer than their weights ask for, and which possible questions were not made. Those a change to the course could fix are listed with their
/// place, why, and what would help; the others (a free phrase asked only as a typed answer,
/// say) are counted by kind, or listed too when `full`. Empty when nothing was left out and
/// every kind gave its share.
pub fn generation_report(reports: &[DeckReport], full: bool) -> String {
    use std::collections::BTreeMap;
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
        if !report.short_kinds.is_empty() {
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
        let mut counts: BTreeMap<decksmith_quiz::DropKind, usize> = BTreeMap::new();
        for dropped in &report.dropped {
            *counts.entry(dropped.kind).or_default() += 1;
        }
        for (kind, n) in &counts {
            let _ = writeln!(out, "    {n} not made: {}", kind.describe());
        }
        // The lines that one help answers stand together, the help right under them.
        let mut groups: Vec<(Option<&str>, Vec<&decksmith_quiz::Dropped>)> = Vec::new();
        for dropped in &report.dropped {
            if !full && !dropped.kind.actionable() {
                hidden += 1;
                continue;
            }
            let help = dropped
                .help
                .as_deref()
                .filter(|_| dropped.kind.actionable());
            match groups.iter_mut().find(|(h, _)| *h == help) {
                Some((_, lines)) => lines.push(dropped),
                None => groups.push((help, vec![dropped])),
            }
        }
        if report.dropped.is_empty() && report.questions < report.wanted {
            let _ = writeln!(
                out,
                "    no question left out for its entries: the deck's warning above says why the quiz is short"
            );
        }
        for (help, lines) in groups {
            for dropped in lines {
                let _ = writeln!(
                    out,
                    "    {}: {}: {}",
                    dropped.origin, dropped.question, dropped.reason
                );
            }
            if let Some(help) = help {
                let _ = writeln!(out, "      = help: {help}");
            }
        }
    }
    if hidden > 0 {
        let _ = writeln!(
            out,
            "  ({hidden} more not listed: run `decksmith check --report` to see every one)"
        );
    }
    out
}
