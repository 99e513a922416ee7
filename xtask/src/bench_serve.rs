//! `cargo xtask bench-serve`: edit-to-reload of `decksmith serve` on the bundled course.
//!
//! Runs the release binary's `serve` on a copy of `content/` (any free port, into a
//! temporary folder), waits for its first build, then edits one deck file again and again,
//! as a teacher saving in an editor would, and times each save until `serve` says it rebuilt
//! (`built DECK in N ms`). It prints that line just before it tells the open pages, which
//! wait on the server for it and reload at once, so the time is edit to reload but for the
//! browser's own reload of one page. The target: under 300 ms (the median), for every
//! format and for `--format html` alone.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

/// The target for the median edit-to-reload time.
const TARGET: Duration = Duration::from_millis(300);

/// How many saves are timed, per set of formats.
const SAVES: usize = 15;

/// Options of `cargo xtask bench-serve`.
#[derive(Debug, clap::Args)]
pub struct BenchServeArgs {
    /// The deck file to edit (its id), in the bundled course.
    #[arg(long, default_value = "un-track")]
    pub deck: String,
}

/// Kills the server when the benchmark ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the benchmark; false when the target is missed.
pub fn bench_serve(root: &Path, args: &BenchServeArgs) -> Result<bool> {
    let (_, binary) = crate::bench::release_binary(root)?;

    let mut ok = true;
    println!("edit-to-reload of one deck ({}), {SAVES} saves:", args.deck);
    for formats in [&[][..], &["--format", "html"][..]] {
        let times = saves(root, &binary, &args.deck, formats)?;
        let mut sorted = times.clone();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        let worst = sorted[sorted.len() - 1];
        let met = median < TARGET;
        ok &= met;
        println!(
            "  {:<22} median {:>4} ms, slowest {:>4} ms, target < {} ms: {}",
            if formats.is_empty() {
                "every format"
            } else {
                "--format html"
            },
            median.as_millis(),
            worst.as_millis(),
            TARGET.as_millis(),
            if met { "met" } else { "MISSED" }
        );
    }
    Ok(ok)
}

/// The times of [`SAVES`] saves of the deck file, each until `serve` said it rebuilt.
fn saves(root: &Path, binary: &Path, deck: &str, formats: &[&str]) -> Result<Vec<Duration>> {
    let work = tempfile::tempdir().context("failed to make a temporary folder")?;
    let content = work.path().join("course");
    copy_tree(&root.join("content"), &content)?;
    let file = content.join("decks").join(format!("{deck}.yaml"));
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("no deck file {}", file.display()))?;

    let child = Command::new(binary)
        .arg("serve")
        .arg("--content")
        .arg(&content)
        .arg("--out")
        .arg(work.path().join("out"))
        .args(["--port", "0"])
        .args(formats)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("failed to start decksmith serve")?;
    let mut server = Server(child);
    let stdout = server.0.stdout.take().context("the server's output")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send((Instant::now(), line)).is_err() {
                break;
            }
        }
    });
    let built = |rx: &mpsc::Receiver<(Instant, String)>| -> Result<Instant> {
        loop {
            let (at, line) = rx
                .recv_timeout(Duration::from_secs(60))
                .context("decksmith serve said nothing for a minute")?;
            if line.starts_with("built ") {
                return Ok(at);
            }
        }
    };
    built(&rx).context("the first build")?;

    let mut times = Vec::new();
    for i in 0..SAVES {
        // Let the watcher settle, as between a teacher's saves.
        std::thread::sleep(Duration::from_millis(400));
        // Anything the server said since belongs to no save of ours.
        while rx.try_recv().is_ok() {}
        let edited = format!("{text}\n# edit {i}\n");
        let started = Instant::now();
        std::fs::write(&file, edited)?;
        let at = built(&rx)?;
        times.push(at.duration_since(started));
    }
    drop(server);
    Ok(times)
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            copy_tree(&path, &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}
