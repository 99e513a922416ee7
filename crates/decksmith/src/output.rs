//! Writing the output folder all at once, or not at all.
//!
//! A build writes every file into a fresh folder beside the output folder, then swaps the two
//! with renames. Until the swap, the previous output is untouched; a failed render, a full
//! disk or an interrupt leaves it exactly as it was. The swap itself is two renames; if a
//! run dies between them, the next run puts the previous output back first.
//!
//! decksmith lists the files it made in `.decksmith-manifest`. Any other file found in the
//! output folder is the user's: it is carried into the new folder, never deleted. A folder
//! that is not empty and has no manifest was not made by decksmith, and is refused.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file that lists what decksmith wrote.
pub const MANIFEST: &str = ".decksmith-manifest";

/// Why the output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files decksmith did not make, and no manifest.
    NotOurs(PathBuf),
    /// The file system failed.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotOurs(path) => write!(
                f,
                "`{}` already holds files that decksmith did not make; choose another --out folder, or empty this one",
                path.display()
            ),
            WriteError::Io(path, e) => write!(
                f,
                "failed to write `{}` ({})",
                path.display(),
                crate::content::io_reason(e)
            ),
        }
    }
}

impl std::error::Error for WriteError {}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |e| WriteError::Io(path.to_path_buf(), e)
}

/// A file decksmith writes, relative to the output folder.
pub struct NewFile<'a> {
    /// The path with `/` separators.
    pub path: &'a str,
    /// The contents.
    pub bytes: &'a [u8],
}

/// What happened to files that were already there.
#[derive(Debug, Default)]
pub struct Carried {
    /// The user's files carried into the new output.
    pub user_files: Vec<String>,
    /// User files that had the name of a file decksmith now makes, kept under a new name.
    pub renamed: Vec<(String, String)>,
}

/// Writes `files` as the new contents of `out` (see [`Staging`], which this wraps).
pub fn write_all(
    out: &Path,
    files: &[NewFile<'_>],
    keep: impl Fn(&str) -> bool,
) -> Result<Carried, WriteError> {
    let staging = Staging::begin(out)?;
    for file in files {
        staging.write(file.path, file.bytes)?;
    }
    staging.commit(keep)
}

/// A new output folder being written beside the old one. Files go in as they are made (so a
/// large course is never held in memory whole); [`Staging::commit`] swaps the folders. If
/// the staging is dropped without a commit (an error, a panic), the new folder is removed
/// and the old output is untouched.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    previous: Option<BTreeSet<String>>,
    made: std::sync::Mutex<BTreeSet<String>>,
    committed: bool,
}

impl Staging {
    /// Starts a new output for `out`: checks that `out` is ours (or empty or missing),
    /// recovers from an interrupted earlier swap, and makes the staging folder.
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out
            .file_name()
            .map_or_else(|| "decks".into(), |n| n.to_string_lossy().into_owned());
        fs::create_dir_all(&parent).map_err(io_at(&parent))?;
        let staging = parent.join(format!(".{name}.decksmith-new"));
        let retired = parent.join(format!(".{name}.decksmith-old"));

        // An earlier run that died between its two renames left the old output here.
        if !out.exists() && retired.exists() {
            fs::rename(&retired, out).map_err(io_at(out))?;
        }
        if retired.exists() {
            fs::remove_dir_all(&retired).map_err(io_at(&retired))?;
        }
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_at(&staging))?;
        }
        let previous = if out.exists() {
            Some(previous_manifest(out)?)
        } else {
            None
        };
        fs::create_dir_all(&staging).map_err(io_at(&staging))?;
        Ok(Staging {
            out: out.to_path_buf(),
            staging,
            retired,
            previous,
            made: std::sync::Mutex::new(BTreeSet::new()),
            committed: false,
        })
    }

    /// Writes one file of the new output (`path` relative, with `/`). Safe to call from
    /// several threads at once.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.staging.join(path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(io_at(dir))?;
        }
        fs::write(&target, bytes).map_err(io_at(&target))?;
        self.made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_owned());
        Ok(())
    }

    /// Carries over the files to keep (the user's always; decksmith's earlier files where
    /// `keep` says so), writes the manifest, and swaps the new output in.
    pub fn commit(mut self, keep: impl Fn(&str) -> bool) -> Result<Carried, WriteError> {
        let made = std::mem::take(
            &mut *self
                .made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let carried = carry(
            &self.out,
            &self.staging,
            made,
            self.previous.as_ref(),
            &keep,
        )?;
        if self.previous.is_some() {
            fs::rename(&self.out, &self.retired).map_err(io_at(&self.out))?;
            if let Err(e) = fs::rename(&self.staging, &self.out) {
                let _ = fs::rename(&self.retired, &self.out);
                return Err(WriteError::Io(self.out.clone(), e));
            }
            self.committed = true;
            fs::remove_dir_all(&self.retired).map_err(io_at(&self.retired))?;
        } else {
            fs::rename(&self.staging, &self.out).map_err(io_at(&self.out))?;
            self.committed = true;
        }
        Ok(carried)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The files decksmith made in `out` last time. An empty folder counts as ours.
fn previous_manifest(out: &Path) -> Result<BTreeSet<String>, WriteError> {
    match fs::read_to_string(out.join(MANIFEST)) {
        Ok(text) => Ok(text.lines().map(str::to_owned).collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let empty = fs::read_dir(out).map_err(io_at(out))?.next().is_none();
            if empty {
                Ok(BTreeSet::new())
            } else {
                Err(WriteError::NotOurs(out.to_path_buf()))
            }
        }
        Err(e) => Err(WriteError::Io(out.join(MANIFEST), e)),
    }
}

/// Copies what is kept from the old output into the staging folder, and writes the
/// manifest of everything decksmith made.
fn carry(
    out: &Path,
    staging: &Path,
    mut made: BTreeSet<String>,
    previous: Option<&BTreeSet<String>>,
    keep: &impl Fn(&str) -> bool,
) -> Result<Carried, WriteError> {
    let mut carried = Carried::default();
    if let Some(previous) = previous {
        for relative in walk(out).map_err(io_at(out))? {
            if relative == MANIFEST || made.contains(&relative) && previous.contains(&relative) {
                continue;
            }
            let ours = previous.contains(&relative);
            if ours && !keep(&relative) {
                continue;
            }
            let mut destination = relative.clone();
            if made.contains(&relative) {
                // The user's file has the name of one we now make: keep both.
                destination = format!("{relative}.user");
                carried
                    .renamed
                    .push((relative.clone(), destination.clone()));
            } else if !ours {
                carried.user_files.push(relative.clone());
            }
            let from = out.join(&relative);
            let to = staging.join(&destination);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(io_at(dir))?;
            }
            if fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to).map_err(io_at(&to))?;
            }
            if ours {
                made.insert(destination);
            }
        }
    }
    let mut manifest: String = made.iter().map(|p| format!("{p}\n")).collect();
    if manifest.is_empty() {
        manifest.push('\n');
    }
    let path = staging.join(MANIFEST);
    fs::write(&path, manifest).map_err(io_at(&path))?;
    Ok(carried)
}

/// Every file under `dir`, as relative paths with `/`, sorted. Symbolic links are listed as
/// files and not followed.
pub fn walk(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, prefix)) = stack.pop() {
        for entry in fs::read_dir(&path)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if entry.file_type()?.is_dir() {
                stack.push((entry.path(), relative));
            } else {
                out.push(relative);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests;
