//! How long a build took, stage by stage, and how much it made: for `--timings` and the
//! benchmark (`cargo xtask bench`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use decksmith_model::diag::count;
use serde::Serialize;

/// A build's costs.
#[derive(Clone, Debug, Default)]
pub struct Timings {
    /// Wall time of each stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// Per format: the time spent rendering it, summed over decks and threads, and the
    /// bytes it made.
    pub formats: BTreeMap<&'static str, (Duration, usize)>,
    /// Files timed on their own (`flashcards.pdf`), by format and name: the same sums.
    pub files: BTreeMap<(&'static str, &'static str), (Duration, usize)>,
    /// Time spent writing deck files, summed over threads.
    pub writing: Duration,
    /// Wall time of the whole build.
    pub total: Duration,
    /// Entries in the course.
    pub entries: usize,
    /// Decks in the course.
    pub decks: usize,
    /// Flashcards made.
    pub cards: usize,
}

/// The JSON form of [`Timings`] (`--timings=FILE`, `target/bench.json`): its field names are
/// an interface the benchmark and outside scripts read.
#[derive(Serialize)]
struct JsonView {
    entries: usize,
    decks: usize,
    cards: usize,
    total_ms: f64,
    peak_memory_bytes: Option<u64>,
    stages_ms: Ordered<f64>,
    writing_ms: f64,
    formats: Ordered<Cost>,
    files: Ordered<Cost>,
}

/// What rendering a format or a file cost.
#[derive(Serialize)]
struct Cost {
    render_ms: f64,
    bytes: usize,
}

impl Cost {
    fn new(&(time, bytes): &(Duration, usize)) -> Self {
        Self {
            render_ms: ms(time),
            bytes,
        }
    }
}

/// A JSON object whose keys keep their order (the stages run in order).
struct Ordered<T>(Vec<(&'static str, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// Milliseconds, to a tenth: finer is noise.
fn ms(time: Duration) -> f64 {
    (time.as_secs_f64() * 10_000.0).round() / 10.0
}

impl Timings {
    /// Records a stage that began at `started` and ends now.
    pub fn stage(&mut self, name: &'static str, started: std::time::Instant) {
        self.stages.push((name, started.elapsed()));
    }

    /// Adds what rendering one format of one deck took.
    pub fn format(&mut self, name: &'static str, time: Duration, bytes: usize) {
        let entry = self.formats.entry(name).or_default();
        entry.0 += time;
        entry.1 += bytes;
    }

    /// Adds what rendering one file of a format (a part of its cost) took.
    pub fn file(&mut self, format: &'static str, file: &'static str, time: Duration, bytes: usize) {
        let entry = self.files.entry((format, file)).or_default();
        entry.0 += time;
        entry.1 += bytes;
    }

    /// The timings as JSON, with the process's peak memory where the system tells it.
    pub fn to_json(&self) -> String {
        let view = JsonView {
            entries: self.entries,
            decks: self.decks,
            cards: self.cards,
            total_ms: ms(self.total),
            peak_memory_bytes: peak_memory_bytes(),
            stages_ms: Ordered(
                self.stages
                    .iter()
                    .map(|(name, time)| (*name, ms(*time)))
                    .collect(),
            ),
            writing_ms: ms(self.writing),
            formats: Ordered(
                self.formats
                    .iter()
                    .map(|(name, cost)| (*name, Cost::new(cost)))
                    .collect(),
            ),
            files: Ordered(
                self.files
                    .iter()
                    .map(|((_, name), cost)| (*name, Cost::new(cost)))
                    .collect(),
            ),
        };
        // Serializing plain numbers and strings into memory cannot fail.
        let mut out = serde_json::to_string_pretty(&view).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The timings as a small table for people.
    pub fn table(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out = format!(
            "{} in {}, {}: {:.0} ms",
            count(self.entries, "entry", "entries"),
            count(self.decks, "deck", "decks"),
            count(self.cards, "card", "cards"),
            ms(self.total)
        );
        if let Some(bytes) = peak_memory_bytes() {
            let _ = write!(out, ", peak memory {:.0} MB", bytes as f64 / 1_048_576.0);
        }
        out.push('\n');
        for (name, time) in &self.stages {
            let _ = writeln!(out, "  {name:<24} {:>9.1} ms", ms(*time));
        }
        out.push_str("  rendering, summed over threads:\n");
        for (name, (time, bytes)) in &self.formats {
            let _ = writeln!(
                out,
                "    {name:<22} {:>9.1} ms {:>10.1} KB",
                ms(*time),
                *bytes as f64 / 1024.0
            );
            for ((_, file), (time, bytes)) in self.files.iter().filter(|((f, _), _)| f == name) {
                let _ = writeln!(
                    out,
                    "    {:<22} {:>9.1} ms {:>10.1} KB",
                    format!("  incl. {file}"),
                    ms(*time),
                    *bytes as f64 / 1024.0
                );
            }
        }
        let _ = writeln!(
            out,
            "    {:<22} {:>9.1} ms",
            "writing files",
            ms(self.writing)
        );
        out
    }
}

/// The most memory the process has held, in bytes (Linux: `VmHWM` in `/proc/self/status`).
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests;
