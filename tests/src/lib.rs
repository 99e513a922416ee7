//! Shared helpers for the end-to-end tests: fixture paths, building into temporary folders,
//! and reading a whole output folder back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use decksmith::build::{BuildError, BuildOptions, BuildReport, build};
use decksmith::content::ContentDir;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fixture course under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Build options for `content` into `out`, everything else at its default.
pub fn options(content: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        content: ContentDir::new(content),
        out: out.to_path_buf(),
        seed: None,
        decks: Vec::new(),
        formats: Vec::new(),
        paper: None,
        layout: None,
        duplex: None,
        variants: 0,
        deny_warnings: false,
        student: false,
        theme: None,
        notify: None,
    }
}

/// Builds, panicking with the diagnostics if the build fails.
pub fn build_ok(options: &BuildOptions) -> BuildReport {
    match build(options) {
        Ok(report) => report,
        Err(BuildError::Content(d)) => panic!("content errors:\n{}", d.render()),
        Err(e) => panic!("build failed: {e:?}"),
    }
}

/// Every file under `dir` by relative path, with its bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        for entry in fs::read_dir(&path).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(relative, fs::read(entry.path()).unwrap());
            }
        }
    }
    out
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for (relative, bytes) in read_tree(from) {
        let target = to.join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
}
