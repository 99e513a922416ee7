//! Repository tasks: `cargo xtask <task>`. Thin: each task calls the decksmith driver with
//! paths resolved from the workspace root, so they work from any directory.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod bench_serve;
use decksmith::cli::{BuildArgs, CheckArgs, run_build, run_check};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", max_term_width = 100)]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Build every deck of the course in content/ into target/decks/ (see --help for more).
    BuildDecks(BuildArgs),
    /// Check the course in content/ (or --content DIR) without building it.
    Check(CheckArgs),
    /// Measure the whole pipeline at 1,000, 10,000 and 100,000 entries against its targets,
    /// and compare with genanki and LaTeX's flashcards class where they are installed.
    Bench(bench::BenchArgs),
    /// Measure `decksmith serve`'s edit-to-reload on the bundled course: one deck file saved
    /// again and again, each save timed until the pages are told to reload (target < 300 ms).
    BenchServe(bench_serve::BenchServeArgs),
    /// Write a synthetic course of realistic shape (every entry kind, some Cyrillic, sources
    /// and tags) for benchmarks and scale tests. The same numbers give the same course.
    Synth(SynthArgs),
}

#[derive(Debug, clap::Args)]
struct SynthArgs {
    /// How many entries in all.
    #[arg(long, default_value_t = 1000)]
    entries: usize,
    /// How many decks to spread them over.
    #[arg(long, default_value_t = 5)]
    decks: usize,
    /// The folder to write the course into (created; must not hold a course already).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Write instead the hostile inputs of the loader's limits (issue 14), one course per
    /// folder in DIR, to time `decksmith check` on each (`/usr/bin/time -v`).
    #[arg(long)]
    hostile: bool,
}

fn main() -> ExitCode {
    let xtask = Xtask::parse();
    match xtask.task {
        Task::BuildDecks(mut args) => {
            args.content = from_root(&args.content);
            args.out = from_root(&args.out);
            args.theme = args.theme.as_deref().map(from_root);
            run_build(&args)
        }
        Task::Bench(args) => match bench::bench(&root(), &args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => {
                eprintln!("some targets were missed (see above)");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        },
        Task::BenchServe(args) => match bench_serve::bench_serve(&root(), &args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => {
                eprintln!("the target was missed (see above)");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        },
        Task::Synth(args) => match synth(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        },
        Task::Check(mut args) => {
            args.content = from_root(&args.content);
            run_check(&args)
        }
    }
}

/// The workspace root: the parent of this crate's folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// A relative path taken from the workspace root, shown relative to it when it is inside.
fn from_root(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = root();
    if cwd == root {
        path.to_path_buf()
    } else {
        root.join(path)
    }
}

/// `cargo xtask synth`.
fn synth(args: &SynthArgs) -> anyhow::Result<()> {
    use anyhow::Context;
    let out = from_root(&args.out);
    if out.join("course.yaml").exists() {
        anyhow::bail!(
            "{} already holds a course; choose an empty folder",
            out.display()
        );
    }
    let write = |out: &Path, course: &decksmith_synth::SynthCourse| {
        for (path, text) in &course.files {
            let target = out.join(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("failed to create {}", dir.display()))?;
            }
            std::fs::write(&target, text)
                .with_context(|| format!("failed to write {}", target.display()))?;
        }
        anyhow::Ok(())
    };
    if args.hostile {
        for case in decksmith_synth::hostile() {
            write(&out.join(case.name), &case.course)?;
            println!("{}/{}: {}", out.display(), case.name, case.what);
        }
        return Ok(());
    }
    let course = decksmith_synth::course(args.entries, args.decks);
    write(&out, &course)?;
    println!(
        "wrote a synthetic course of {} entries in {} decks to {}",
        args.entries,
        args.decks.max(1),
        out.display()
    );
    Ok(())
}
