//! How long a build took, stage by stage, and how much it made: for `--timings` and the
//! benchmark (`cargo xtask bench`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

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
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out = String::from("{\n");
        let _ = writeln!(
            out,
            "  \"entries\": {},\n  \"decks\": {},\n  \"cards\": {},\n  \"total_ms\": {:.1},",
            self.entries,
            self.decks,
            self.cards,
            ms(self.total)
        );
        match peak_memory_bytes() {
            Some(bytes) => {
                let _ = writeln!(out, "  \"peak_memory_bytes\": {bytes},");
            }
            None => out.push_str("  \"peak_memory_bytes\": null,\n"),
        }
        out.push_str("  \"stages_ms\": {");
        for (i, (name, time)) in self.stages.iter().enumerate() {
            let comma = if i + 1 < self.stages.len() { "," } else { "" };
            let _ = write!(out, "\n    \"{name}\": {:.1}{comma}", ms(*time));
        }
        let _ = write!(
            out,
            "\n  }},\n  \"writing_ms\": {:.1},\n  \"formats\": {{",
            ms(self.writing)
        );
        for (i, (name, (time, bytes))) in self.formats.iter().enumerate() {
            let comma = if i + 1 < self.formats.len() { "," } else { "" };
            let _ = write!(
                out,
                "\n    \"{name}\": {{ \"render_ms\": {:.1}, \"bytes\": {bytes} }}{comma}",
                ms(*time)
            );
        }
        out.push_str("\n  },\n  \"files\": {");
        for (i, ((_, name), (time, bytes))) in self.files.iter().enumerate() {
            let comma = if i + 1 < self.files.len() { "," } else { "" };
            let _ = write!(
                out,
                "\n    \"{name}\": {{ \"render_ms\": {:.1}, \"bytes\": {bytes} }}{comma}",
                ms(*time)
            );
        }
        out.push_str("\n  }\n}\n");
        out
    }

    /// The timings as a small table for people.
    pub fn table(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out = format!(
            "{} entries in {} decks, {} cards: {:.0} ms",
            self.entries,
            self.decks,
            self.cards,
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
