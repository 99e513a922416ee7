//! `cargo xtask bench`: the whole pipeline at scale, against its targets.
//!
//! Builds the release binary, then synthetic courses of 1,000, 10,000 and 100,000 entries
//! (200 entries per deck) into fresh temporary folders, reading each build's own timings
//! (`decksmith build --timings=FILE`). Two more builds measure the targets that concern one
//! document: a deck of 10,000 entries as flashcards.pdf, and as deck.apkg. Where Python's
//! `genanki` and LaTeX's `flashcards` class are installed, they make the same notes and cards
//! for comparison. Prints a table, writes `target/bench.json`, and fails if a target is
//! missed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

/// Entries per deck in the course runs.
const PER_DECK: usize = 200;

/// One build of a synthetic course.
struct Run {
    label: String,
    entries: usize,
    decks: usize,
    wall: Duration,
    timings: Value,
    files: Vec<(String, u64)>,
}

/// Options of `cargo xtask bench`.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Course sizes to build, in entries.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    pub sizes: Vec<usize>,
    /// The Python that has `genanki`, for the comparison (skipped if it has not).
    #[arg(long, default_value = "python3")]
    pub python: String,
}

/// Builds the release binary: the target folder and the binary's path.
pub fn release_binary(root: &Path) -> Result<(PathBuf, PathBuf)> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("building the release binary…");
    let status = Command::new(&cargo)
        .args([
            "build",
            "--release",
            "--locked",
            "--quiet",
            "-p",
            "decksmith",
        ])
        .current_dir(root)
        .status()
        .context("failed to run cargo build")?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let binary = target.join("release/decksmith");
    Ok((target, binary))
}

/// Runs the benchmark.
pub fn bench(root: &Path, args: &BenchArgs) -> Result<bool> {
    let (target, binary) = release_binary(root)?;
    let work = tempfile::tempdir().context("failed to make a temporary folder")?;

    let mut runs = Vec::new();
    for &entries in &args.sizes {
        let decks = entries.div_ceil(PER_DECK).max(1);
        eprintln!("building a course of {entries} entries in {decks} decks…");
        runs.push(run(
            &binary,
            work.path(),
            &format!("{entries} entries"),
            entries,
            decks,
            &[],
        )?);
    }
    eprintln!("one deck of 10,000 cards, as flashcards.pdf and as deck.apkg…");
    // One document each, best of three (as for genanki): the machine's noise is not ours.
    let pdf = best_of(3, "files.flashcards.pdf", || {
        run(
            &binary,
            work.path(),
            "10,000 cards, PDF only",
            10_000,
            1,
            &["--format", "pdf"],
        )
    })?;
    let apkg = best_of(3, "formats.apkg", || {
        run(
            &binary,
            work.path(),
            "10,000 notes, Anki only",
            10_000,
            1,
            &["--format", "apkg", "--format", "tsv", "--keep"],
        )
    })?;
    // genanki packages the same notes, read from decksmith's deck.apkg.
    let genanki = genanki(&args.python, &work.path().join("deck.apkg"));
    let latex = latex(work.path(), &work.path().join("cards.tsv"));

    let (table, report, ok) = report(&runs, &pdf, &apkg, genanki, latex);
    print!("{table}");
    let path = target.join("bench.json");
    std::fs::create_dir_all(&target)?;
    std::fs::write(&path, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("failed to write {}", path.display()))?;
    println!("\nwritten to {}", path.display());
    Ok(ok)
}

/// The run, of `times`, in which `what` (`formats.apkg`, `files.flashcards.pdf`) was made
/// fastest.
fn best_of(times: usize, what: &str, mut once: impl FnMut() -> Result<Run>) -> Result<Run> {
    let (group, name) = what.split_once('.').context("a group and a name")?;
    let mut best: Option<Run> = None;
    for _ in 0..times {
        let run = once()?;
        let time = |r: &Run| ms(&r.timings[group][name]["render_ms"]);
        if best.as_ref().is_none_or(|b| time(&run) < time(b)) {
            best = Some(run);
        }
    }
    best.context("no run")
}

fn run(
    binary: &Path,
    work: &Path,
    label: &str,
    entries: usize,
    decks: usize,
    extra: &[&str],
) -> Result<Run> {
    let name = format!("{entries}-{decks}-{}", extra.join("-").replace('-', ""));
    let content = work.join(format!("course-{name}"));
    if !content.exists() {
        for (path, text) in decksmith_synth::course(entries, decks).files {
            let file = content.join(path);
            std::fs::create_dir_all(file.parent().context("a file has a folder")?)?;
            std::fs::write(file, text)?;
        }
    }
    let out = work.join(format!("out-{name}"));
    let timings_file = work.join(format!("timings-{name}.json"));
    let started = Instant::now();
    let output = Command::new(binary)
        .arg("build")
        .arg("--content")
        .arg(&content)
        .arg("--out")
        .arg(&out)
        .arg(format!("--timings={}", timings_file.display()))
        .args(extra.iter().filter(|a| **a != "--keep"))
        .output()
        .context("failed to run decksmith")?;
    let wall = started.elapsed();
    if !output.status.success() {
        bail!(
            "decksmith build failed on the synthetic course:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let timings: Value = serde_json::from_str(&std::fs::read_to_string(&timings_file)?)?;
    let mut files = Vec::new();
    for entry in decksmith::output::walk(&out)? {
        let size = std::fs::metadata(out.join(&entry))?.len();
        files.push((entry, size));
    }
    if extra.contains(&"--keep") {
        for name in ["cards.tsv", "deck.apkg"] {
            if let Some((path, _)) = files.iter().find(|(p, _)| p.ends_with(name)) {
                std::fs::copy(out.join(path), work.join(name))?;
            }
        }
    }
    // Free the disk for the next run.
    let _ = std::fs::remove_dir_all(&out);
    Ok(Run {
        label: label.to_owned(),
        entries,
        decks,
        wall,
        timings,
        files,
    })
}

/// genanki packaging the same notes as decksmith's `deck.apkg` (read from its collection:
/// the note types with their fields, templates and style, every note's fields, tags and
/// GUID, so genanki makes the same cards): the time to make the notes and write the package,
/// in-process, best of 3, and the number of notes.
fn genanki(python: &str, apkg: &Path) -> Option<(Duration, usize)> {
    let script = r#"
import json, os, sqlite3, sys, tempfile, time, zipfile, genanki
with zipfile.ZipFile(sys.argv[1]) as z:
    data = z.read('collection.anki2')
path = os.path.join(tempfile.mkdtemp(), 'collection.anki2')
with open(path, 'wb') as f:
    f.write(data)
db = sqlite3.connect(path)
models = {}
for mid, m in json.loads(db.execute('select models from col').fetchone()[0]).items():
    models[int(mid)] = genanki.Model(int(mid), m['name'],
        fields=[{'name': f['name']} for f in m['flds']],
        templates=[{'name': t['name'], 'qfmt': t['qfmt'], 'afmt': t['afmt']} for t in m['tmpls']],
        css=m['css'], model_type=genanki.Model.CLOZE if m['type'] == 1 else genanki.Model.FRONT_BACK)
notes = db.execute('select guid, mid, flds, tags from notes order by id').fetchall()
deck = genanki.Deck(2059400110, 'Synthetic')
started = time.perf_counter()
for guid, mid, flds, tags in notes:
    deck.add_note(genanki.Note(model=models[mid], fields=flds.split('\x1f'), tags=tags.split(), guid=guid))
genanki.Package(deck).write_to_file(sys.argv[2])
print(time.perf_counter() - started, len(notes))
"#;
    let out = apkg.with_extension("genanki.apkg");
    let mut best: Option<(Duration, usize)> = None;
    for _ in 0..3 {
        let output = match Command::new(python)
            .args(["-c", script])
            .arg(apkg)
            .arg(&out)
            .output()
        {
            Ok(output) => output,
            Err(e) => {
                eprintln!("cannot run {python} ({e}): skipping the genanki comparison");
                return None;
            }
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            if stderr.contains("No module named") {
                eprintln!(
                    "genanki is not installed for {python}: skipping that comparison (pip install genanki)"
                );
            } else {
                eprintln!("genanki failed: {}", stderr.trim());
            }
            return None;
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut words = stdout.split_whitespace();
        let secs: Option<f64> = words.next().and_then(|w| w.parse().ok());
        let notes: Option<usize> = words.next().and_then(|w| w.parse().ok());
        match (secs, notes) {
            (Some(secs), Some(notes)) if notes > 0 => {
                let time = Duration::from_secs_f64(secs);
                best = Some(best.map_or((time, notes), |(b, _)| (b.min(time), notes)));
            }
            _ => {
                eprintln!("genanki gave an unexpected answer: {}", stdout.trim());
                return None;
            }
        }
    }
    best
}

/// pdflatex with the `flashcards` class making the same cards as decksmith (the
/// fronts and backs of `cards.tsv`, as plain text), if installed. Cyrillic text needs
/// LaTeX's Cyrillic fonts (texlive-lang-cyrillic); without them it is left out.
fn latex(work: &Path, tsv: &Path) -> Option<Duration> {
    let has = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
    };
    if !has("kpsewhich", "flashcards.cls") {
        eprintln!(
            "pdflatex with the flashcards class is not installed: skipping that comparison (texlive-latex-extra)"
        );
        return None;
    }
    let cyrillic = has("kpsewhich", "t2aenc.def");
    if !cyrillic {
        eprintln!(
            "LaTeX's Cyrillic fonts are not installed: pdflatex gets the cards without their Cyrillic text (texlive-lang-cyrillic)"
        );
    }
    let cards = std::fs::read_to_string(tsv).ok()?;
    let mut tex = String::from("\\documentclass[avery5371,grid,frame]{flashcards}\n");
    tex.push_str(if cyrillic {
        "\\usepackage[T2A,T1]{fontenc}\n"
    } else {
        "\\usepackage[T1]{fontenc}\n"
    });
    tex.push_str("\\usepackage[utf8]{inputenc}\n\\begin{document}\n");
    let mut count = 0;
    for line in cards.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(front), Some(back)) = (fields.next(), fields.next()) else {
            continue;
        };
        let _ = writeln!(
            tex,
            "\\begin{{flashcard}}{{{}}}\n{}\n\\end{{flashcard}}",
            latex_text(front, cyrillic),
            latex_text(back, cyrillic)
        );
        count += 1;
    }
    tex.push_str("\\end{document}\n");
    if count == 0 {
        eprintln!("cards.tsv has no cards: skipping the pdflatex comparison");
        return None;
    }
    std::fs::write(work.join("cards.tex"), tex).ok()?;
    // Best of two: the first run on a machine may also make the fonts' bitmaps.
    let mut best: Option<Duration> = None;
    for _ in 0..2 {
        let started = Instant::now();
        let status = Command::new("pdflatex")
            .args(["-interaction=batchmode", "cards.tex"])
            .current_dir(work)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        let time = started.elapsed();
        if !status.success() {
            let log = std::fs::read_to_string(work.join("cards.log")).unwrap_or_default();
            let error = log
                .lines()
                .find(|l| l.starts_with('!'))
                .unwrap_or("no error in its log");
            eprintln!("pdflatex failed on the cards ({error}): skipping that comparison");
            return None;
        }
        best = Some(best.map_or(time, |b| b.min(time)));
    }
    best
}

/// A field of `cards.tsv` (HTML) as LaTeX text: tags dropped, entities decoded, LaTeX's
/// special characters escaped, and what pdflatex's fonts cannot set left out.
fn latex_text(html: &str, cyrillic: bool) -> String {
    let mut plain = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        plain.push_str(&rest[..i]);
        plain.push(' ');
        rest = rest[i..].find('>').map_or("", |end| &rest[i + end + 1..]);
    }
    plain.push_str(rest);
    let plain = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let mut out = String::with_capacity(plain.len());
    // Cyrillic is set in its own font encoding, T2A, a run at a time.
    let mut in_cyrillic = false;
    for c in plain.chars() {
        let is_cyrillic = cyrillic && ('\u{400}'..='\u{4ff}').contains(&c);
        if is_cyrillic != in_cyrillic {
            out.push_str(if is_cyrillic {
                "{\\fontencoding{T2A}\\selectfont "
            } else {
                "}"
            });
            in_cyrillic = is_cyrillic;
        }
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '%' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '<' => out.push_str("\\textless{}"),
            '>' => out.push_str("\\textgreater{}"),
            ' '..='~' | '\u{a0}'..='\u{ff}' | '“' | '”' | '‘' | '’' | '–' | '—' => {
                out.push(c)
            }
            _ if is_cyrillic => out.push(c),
            _ => {}
        }
    }
    if in_cyrillic {
        out.push('}');
    }
    out
}

fn ms(value: &Value) -> f64 {
    value.as_f64().unwrap_or(0.0)
}

fn report(
    runs: &[Run],
    pdf: &Run,
    apkg: &Run,
    genanki: Option<(Duration, usize)>,
    latex: Option<Duration>,
) -> (String, Value, bool) {
    let mut out = stage_table(runs);

    // The targets.
    let mut checks: Vec<(String, bool, String)> = Vec::new();
    course_checks(runs, &mut checks);
    let pdf_ms = ms(&pdf.timings["files"]["flashcards.pdf"]["render_ms"]);
    let pdf_bytes = pdf
        .files
        .iter()
        .find(|(p, _)| p.ends_with("/flashcards.pdf"))
        .map_or(0, |(_, s)| *s);
    // 10,000 entries make more than 10,000 cards (a term's meaning and its translation are
    // cards of their own): the targets are per 10,000 cards of the deck as it is.
    let cards = pdf.timings["cards"].as_f64().unwrap_or(10_000.0).max(1.0);
    let per_card = pdf_bytes as f64 / cards;
    let per_10k = pdf_ms * 10_000.0 / cards;
    checks.push((
        "flashcards.pdf for 10,000 cards: at most 110 ms".into(),
        per_10k <= 110.0,
        format!("{cards:.0} cards in {pdf_ms:.0} ms: {per_10k:.0} ms per 10,000"),
    ));
    checks.push((
        "flashcards.pdf: at most 300 bytes per card plus the font subset".into(),
        per_card <= 300.0,
        format!("{per_card:.0} bytes per card, font subset included"),
    ));
    if let Some(latex) = latex {
        let ratio = latex.as_secs_f64() * 1000.0 / pdf_ms.max(0.001);
        checks.push((
            "flashcards.pdf: 50x faster than pdflatex".into(),
            ratio >= 50.0,
            format!("{ratio:.0}x ({:.1} s)", latex.as_secs_f64()),
        ));
    }
    let apkg_ms = ms(&apkg.timings["formats"]["apkg"]["render_ms"]);
    match genanki {
        Some((genanki, notes)) => {
            let ratio = genanki.as_secs_f64() * 1000.0 / apkg_ms.max(0.001);
            checks.push((
                "deck.apkg of 10,000 entries: 3x faster than genanki on the same notes".into(),
                ratio >= 3.0,
                format!(
                    "{notes} notes, {apkg_ms:.0} ms vs genanki {:.0} ms: {ratio:.1}x",
                    genanki.as_secs_f64() * 1000.0
                ),
            ));
        }
        None => checks.push((
            "deck.apkg of 10,000 entries".into(),
            true,
            format!("{apkg_ms:.0} ms (genanki not installed)"),
        )),
    }
    let _ = writeln!(out, "\nTargets:\n");
    for (what, ok, value) in &checks {
        let _ = writeln!(
            out,
            "  [{}] {what}: {value}",
            if *ok { "ok" } else { "MISSED" }
        );
    }
    let all_ok = checks.iter().all(|(_, ok, _)| *ok);
    let json = json!({
        "runs": runs.iter().map(|r| json!({
            "label": r.label, "entries": r.entries, "decks": r.decks,
            "wall_ms": r.wall.as_secs_f64() * 1000.0, "timings": r.timings,
        })).collect::<Vec<_>>(),
        "flashcards_pdf_10k": { "render_ms": pdf_ms, "bytes": pdf_bytes, "bytes_per_card": per_card },
        "apkg_10k": { "render_ms": apkg_ms, "genanki_ms": genanki.map(|(g, _)| g.as_secs_f64() * 1000.0), "notes": genanki.map(|(_, n)| n) },
        "pdflatex_10k_ms": latex.map(|l| l.as_secs_f64() * 1000.0),
        "targets": checks.iter().map(|(what, ok, value)| json!({"target": what, "met": ok, "measured": value})).collect::<Vec<_>>(),
    });
    (out, json, all_ok)
}

/// The table of every course run: the stages, each format's render time, the wall time,
/// the peak memory and each format's output size.
fn stage_table(runs: &[Run]) -> String {
    let mut out = String::new();
    let stages = [
        ("read", "read"),
        ("load and validate", "load+validate"),
        ("generate", "generate"),
        ("render and write decks", "render+write"),
        ("index and swap", "index+swap"),
    ];
    let formats = [
        "html", "pdf", "json", "apkg", "moodle", "gift", "qti", "tsv",
    ];
    let _ = writeln!(
        out,
        "\nWhole course, all formats (release build, wall time in ms; 200 entries per deck):\n"
    );
    let _ = write!(out, "| {:<16} |", "stage");
    for run in runs {
        let _ = write!(out, " {:>14} |", run.label);
    }
    out.push('\n');
    let _ = write!(out, "|{}|", "-".repeat(18));
    for _ in runs {
        let _ = write!(out, "{}:|", "-".repeat(15));
    }
    out.push('\n');
    for (key, name) in stages {
        let _ = write!(out, "| {name:<16} |");
        for run in runs {
            let _ = write!(out, " {:>14.0} |", ms(&run.timings["stages_ms"][key]));
        }
        out.push('\n');
    }
    for format in formats {
        let _ = write!(out, "| {:<16} |", format!("  {format} (cpu)"));
        for run in runs {
            let _ = write!(
                out,
                " {:>14.0} |",
                ms(&run.timings["formats"][format]["render_ms"])
            );
        }
        out.push('\n');
    }
    let _ = write!(out, "| {:<16} |", "total (wall)");
    for run in runs {
        let _ = write!(out, " {:>14.0} |", run.wall.as_secs_f64() * 1000.0);
    }
    out.push('\n');
    let _ = write!(out, "| {:<16} |", "peak memory MB");
    for run in runs {
        let mb = run.timings["peak_memory_bytes"].as_f64().unwrap_or(0.0) / 1_048_576.0;
        let _ = write!(out, " {mb:>14.0} |");
    }
    out.push('\n');
    for format in formats {
        let _ = write!(out, "| {:<16} |", format!("{format} output KB"));
        for run in runs {
            let kb = run.timings["formats"][format]["bytes"]
                .as_f64()
                .unwrap_or(0.0)
                / 1024.0;
            let _ = write!(out, " {kb:>14.0} |");
        }
        out.push('\n');
    }

    out
}

/// The targets that concern whole courses (10,000 and 100,000 entries), for the runs made.
fn course_checks(runs: &[Run], checks: &mut Vec<(String, bool, String)>) {
    let find = |entries: usize| runs.iter().find(|r| r.entries == entries);
    if let Some(run) = find(10_000) {
        let secs = run.wall.as_secs_f64();
        checks.push((
            "10,000 entries, all formats: under 2 s".into(),
            secs < 2.0,
            format!("{secs:.2} s"),
        ));
    }
    if let Some(run) = find(100_000) {
        let secs = run.wall.as_secs_f64();
        let mb = run.timings["peak_memory_bytes"].as_f64().unwrap_or(0.0) / 1_048_576.0;
        checks.push((
            "100,000 entries: under 15 s".into(),
            secs < 15.0,
            format!("{secs:.1} s"),
        ));
        checks.push((
            "100,000 entries: under 1 GB peak memory".into(),
            mb < 1024.0,
            format!("{mb:.0} MB"),
        ));
        if let Some(ten) = find(10_000) {
            let ratio = secs / ten.wall.as_secs_f64();
            checks.push((
                "linear: 100k/10k at most 11x".into(),
                ratio <= 11.0,
                format!("{ratio:.1}x"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::latex_text;

    #[test]
    fn cards_reach_latex_as_escaped_plain_text() {
        let html = "R&amp;D 50% <span lang='ru'>нормы</span><div class='detail'>a_b {c} #1 &lt;x&gt; “q” 中</div>";
        assert_eq!(
            latex_text(html, true),
            "R\\&D 50\\%  {\\fontencoding{T2A}\\selectfont нормы}  a\\_b \\{c\\} \\#1 \\textless{}x\\textgreater{} “q”  "
        );
        assert_eq!(latex_text("нормы 2", false), " 2");
    }
}
