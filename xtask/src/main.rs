//! Repository tasks: `cargo xtask <task>`. Thin: each task calls the decksmith driver with
//! paths resolved from the workspace root, so they work from any directory.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let xtask = Xtask::parse();
    match xtask.task {
        Task::BuildDecks(mut args) => {
            args.content = from_root(&args.content);
            args.out = from_root(&args.out);
            run_build(&args)
        }
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
