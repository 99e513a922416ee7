//! Writing the output folder all at once, or not at all.
//!
//! A build writes every file into a fresh folder beside the output folder, then swaps the two
//! with renames. Until the swap, the previous output is untouched; a failed render, a full
//! disk or an interrupt leaves it exactly as it was. The swap itself is two renames; if a
//! run dies between them, the next run puts the previous output back before it reads
//! anything from the output folder (the Anki revision history included).
//!
//! One build at a time: [`OutputDir::open`] takes an exclusive lock on a file beside the
//! output folder (`.NAME.decksmith-lock`, an OS file lock, released when the process ends
//! however it ends) and holds it for the whole build. A second build into the same folder
//! waits for it; leftovers of an interrupted build (its staging folder, the previous output
//! moved aside) are dealt with only under the lock, so never while a live build writes them.
//!
//! Every file and folder of the new output is flushed to disk (`fsync`) before the swap, and
//! the parent folder after each rename, so a power cut leaves either output whole.
//!
//! decksmith lists the files it made in `.decksmith-manifest`. Any other file found in the
//! output folder is the user's: it is carried into the new folder, never deleted. A folder
//! that is not empty and has no manifest was not made by decksmith, and is refused.
//!
//! Placements that cannot work are refused before anything is built, in words: a symbolic
//! link is followed to its folder, and a mount point, a parent folder that cannot be written,
//! a read-only output folder and a name too long for the folders beside it are errors with a
//! help line.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The file that lists what decksmith wrote.
pub const MANIFEST: &str = ".decksmith-manifest";

/// The suffixes of the files and folders kept beside the output folder `NAME`, as
/// `.NAME<suffix>`: the new output while it is written, the previous one during the swap, and
/// the lock file.
const STAGING_SUFFIX: &str = ".decksmith-new";
const RETIRED_SUFFIX: &str = ".decksmith-old";
const LOCK_SUFFIX: &str = ".decksmith-lock";

/// The longest file name most file systems allow, in bytes (ext4, XFS, Btrfs, APFS, NTFS in
/// UTF-16 units).
const NAME_MAX: usize = 255;

/// The longest output folder name that leaves room for `.NAME.decksmith-lock` beside it.
pub const MAX_NAME_BYTES: usize = NAME_MAX - 1 - LOCK_SUFFIX.len();

/// Why the output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files decksmith did not make, and no manifest.
    NotOurs(PathBuf),
    /// `--out` names a file, not a folder.
    NotAFolder(PathBuf),
    /// `--out` is a symbolic link whose target does not exist.
    DanglingLink {
        /// The link.
        link: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The output folder's name leaves no room for the names decksmith makes beside it.
    NameTooLong {
        /// The output folder.
        out: PathBuf,
        /// The length of its name, in bytes.
        bytes: usize,
    },
    /// The output folder is a mount point (or the root), which cannot be renamed.
    MountPoint(PathBuf),
    /// The folder that holds the output folder cannot be written.
    ParentNotWritable {
        /// The output folder.
        out: PathBuf,
        /// The folder it is in, or the nearest one that exists on the way to it (then the
        /// folders after that one are still to be made).
        parent: PathBuf,
        /// Why, in a few words.
        reason: String,
    },
    /// A folder on the way to the output folder cannot be entered by this user.
    CannotEnter {
        /// The output folder.
        out: PathBuf,
        /// The folder this user may not enter.
        dir: PathBuf,
    },
    /// The output folder, or a folder in it, is read-only, so its old files cannot be removed.
    ReadOnly {
        /// The output folder.
        out: PathBuf,
        /// The read-only folder.
        dir: PathBuf,
    },
    /// The output folder, or a folder in it, is not read-only but this user may not write in
    /// it (it belongs to another user, e.g. it was built with `sudo`), so its old files
    /// cannot be removed.
    NotWritable {
        /// The output folder.
        out: PathBuf,
        /// The folder this user cannot write in.
        dir: PathBuf,
        /// Its owner's user id, when that is not this user.
        owner: Option<u32>,
    },
    /// The lock file beside the output folder exists but this user may not open it for
    /// writing (it belongs to another user, e.g. a build run with `sudo` made it).
    LockNotWritable {
        /// The output folder.
        out: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// Its owner's user id, when that is not this user.
        owner: Option<u32>,
        /// Whether the output folder belongs to another user too.
        out_not_ours: bool,
    },
    /// The lock that keeps two builds apart could not be taken.
    Lock(PathBuf, io::Error),
    /// An earlier build left the previous output beside the output folder (it was stopped in
    /// its swap, or could not remove it), and it could not be dealt with.
    Leftover {
        /// The output folder.
        out: PathBuf,
        /// The previous output, moved aside.
        retired: PathBuf,
        /// Why it is in the way.
        reason: String,
    },
    /// The swap failed half-way and the previous output could not be put back: the output
    /// folder is missing until the next build restores it.
    SwapBroken {
        /// The output folder.
        out: PathBuf,
        /// Where the previous output is.
        retired: PathBuf,
        /// The failure.
        error: io::Error,
    },
    /// The file system failed.
    Io {
        /// What was being done: `write`, `read`, `remove`, …
        action: &'static str,
        /// To which path.
        path: PathBuf,
        /// The failure.
        error: io::Error,
    },
}

impl WriteError {
    /// Whether the output folder is as it was before the build (true of every error but a
    /// swap that broke half-way).
    pub fn out_unchanged(&self) -> bool {
        !matches!(self, WriteError::SwapBroken { .. })
    }

    /// What the user can do about it, when there is something to say.
    pub fn help(&self) -> Option<String> {
        let help = match self {
            WriteError::NotOurs(_) => "choose another --out folder, or empty this one".to_owned(),
            WriteError::NotAFolder(_) => "choose another --out, or move that file away".to_owned(),
            WriteError::DanglingLink { target, .. } => format!(
                "create the folder `{}`, or point --out at another folder",
                target.display()
            ),
            WriteError::NameTooLong { .. } => {
                format!("choose an --out whose last part is at most {MAX_NAME_BYTES} bytes long")
            }
            WriteError::MountPoint(out) => format!(
                "build into a folder inside it, e.g. --out {}",
                out.join("decks").display()
            ),
            WriteError::ParentNotWritable { parent, .. } => format!(
                "make `{}` writable for you, or choose an --out in a folder you can write to",
                parent.display()
            ),
            WriteError::CannotEnter { dir, .. } => format!(
                "choose an --out in a folder you can open, or have the owner of `{}` let you in",
                dir.display()
            ),
            WriteError::ReadOnly { out, .. } => format!(
                "make it writable (e.g. `chmod -R u+w {}`), or choose another --out",
                out.display()
            ),
            WriteError::NotWritable { out, .. } => format!(
                "make it yours (e.g. `sudo chown -R \"$USER\" {}`), or choose another --out",
                out.display()
            ),
            WriteError::LockNotWritable {
                out,
                lock,
                out_not_ours,
                ..
            } => {
                if *out_not_ours {
                    format!(
                        "make both yours (e.g. `sudo chown -R \"$USER\" {} {}`), or choose another --out",
                        lock.display(),
                        out.display()
                    )
                } else {
                    format!(
                        "make it yours (e.g. `sudo chown \"$USER\" {}`) or delete it while no build runs: decksmith makes it again",
                        lock.display()
                    )
                }
            }
            WriteError::Lock(..) => {
                "the file system may not support file locks; choose an --out on a local disk"
                    .to_owned()
            }
            WriteError::Leftover { out, retired, .. } => format!(
                "delete `{}` yourself (everything of yours in it is also in `{}`), then build again",
                retired.display(),
                out.display()
            ),
            WriteError::SwapBroken { out, retired, .. } => format!(
                "the next build puts the previous output back; or rename `{}` to `{}` yourself",
                retired.display(),
                out.display()
            ),
            WriteError::Io { .. } => return None,
        };
        Some(help)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotOurs(path) => write!(
                f,
                "`{}` already holds files that decksmith did not make",
                path.display()
            ),
            WriteError::NotAFolder(path) => {
                write!(f, "`{}` is a file, not a folder", path.display())
            }
            WriteError::DanglingLink { link, target } => write!(
                f,
                "`{}` is a symbolic link to `{}`, which does not exist",
                link.display(),
                target.display()
            ),
            WriteError::NameTooLong { out, bytes } => write!(
                f,
                "the name of `{}` is too long ({bytes} bytes): decksmith writes the new output beside it as `.NAME{STAGING_SUFFIX}`, and a name can have at most {NAME_MAX} bytes",
                out.display()
            ),
            WriteError::MountPoint(out) => write!(
                f,
                "`{}` is a mount point (a disk or volume, such as a Docker volume, is mounted there), and decksmith replaces the output folder whole by renaming it",
                out.display()
            ),
            WriteError::ParentNotWritable {
                out,
                parent,
                reason,
            } => fmt_parent_not_writable(f, out, parent, reason),
            WriteError::CannotEnter { out, dir } => write!(
                f,
                "you cannot open the folder `{}` (Permission denied), so decksmith cannot reach `{}`",
                dir.display(),
                out.display()
            ),
            WriteError::ReadOnly { out, dir } => {
                if out == dir {
                    write!(
                        f,
                        "`{}` is read-only, so decksmith cannot replace it",
                        out.display()
                    )
                } else {
                    write!(
                        f,
                        "`{}` is read-only, so decksmith cannot replace `{}`",
                        dir.display(),
                        out.display()
                    )
                }
            }
            WriteError::NotWritable { out, dir, owner } => fmt_not_writable(f, out, dir, *owner),
            WriteError::LockNotWritable {
                out, lock, owner, ..
            } => fmt_lock_not_writable(f, out, lock, *owner),
            WriteError::Lock(path, e) => write!(
                f,
                "failed to lock `{}` ({}), which keeps two builds from writing the same output at once",
                path.display(),
                crate::content::io_reason(e)
            ),
            WriteError::Leftover {
                out,
                retired,
                reason,
            } => write!(
                f,
                "an earlier build left the previous output of `{}` in `{}` (it was stopped during its swap, or could not remove it), and {reason}",
                out.display(),
                retired.display()
            ),
            WriteError::SwapBroken {
                out,
                retired,
                error,
            } => write!(
                f,
                "failed to move the new output to `{}` ({}), and to move the previous output back from `{}`",
                out.display(),
                crate::content::io_reason(error),
                retired.display()
            ),
            WriteError::Io {
                action,
                path,
                error,
            } => write!(
                f,
                "failed to {action} `{}` ({})",
                path.display(),
                crate::content::io_reason(error)
            ),
        }
    }
}

/// "cannot write in PARENT", and what decksmith makes there: the new output beside `out`, or
/// the first missing folder on the way to it.
fn fmt_parent_not_writable(
    f: &mut std::fmt::Formatter<'_>,
    out: &Path,
    parent: &Path,
    reason: &str,
) -> std::fmt::Result {
    let within = if parent == Path::new(".") {
        Path::new("")
    } else {
        parent
    };
    let missing = out
        .ancestors()
        .skip(1)
        .find(|dir| dir.parent() == Some(within));
    match missing {
        Some(missing) => write!(
            f,
            "cannot write in `{}` ({reason}), where decksmith makes the folder `{}` for the new output `{}`",
            parent.display(),
            missing.display(),
            out.display()
        ),
        None => write!(
            f,
            "cannot write in `{}` ({reason}), where decksmith writes the new output before it replaces `{}`",
            parent.display(),
            out.display()
        ),
    }
}

/// "you cannot write in DIR", with who owns it when that is another user.
fn fmt_not_writable(
    f: &mut std::fmt::Formatter<'_>,
    out: &Path,
    dir: &Path,
    owner: Option<u32>,
) -> std::fmt::Result {
    write!(f, "you cannot write in `{}`", dir.display())?;
    if let Some(owner) = owner {
        write!(
            f,
            " (it belongs to another user, user id {owner}: was it built with sudo?)"
        )?;
    }
    write!(f, ", so decksmith cannot replace `{}`", out.display())
}

/// "you cannot open the lock file", with who owns it when that is another user.
fn fmt_lock_not_writable(
    f: &mut std::fmt::Formatter<'_>,
    out: &Path,
    lock: &Path,
    owner: Option<u32>,
) -> std::fmt::Result {
    write!(
        f,
        "you cannot open the lock file `{}` (Permission denied), which keeps two builds from writing `{}` at once",
        lock.display(),
        out.display()
    )?;
    if let Some(owner) = owner {
        write!(
            f,
            "; it belongs to another user, user id {owner} (was a build run with sudo?)"
        )?;
    }
    Ok(())
}

impl std::error::Error for WriteError {}

/// Wraps an IO error with what was being done to which path.
fn io_at<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> WriteError + 'a {
    move |error| WriteError::Io {
        action,
        path: path.to_path_buf(),
        error,
    }
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
    /// The user's files carried into the new output (a name that is not UTF-8 shown with
    /// `�` for what cannot be read).
    pub user_files: Vec<String>,
    /// The user's empty folders carried into the new output.
    pub user_folders: Vec<String>,
    /// User files that had the name of a file decksmith now makes, kept under a new name.
    pub renamed: Vec<(String, String)>,
    /// What went wrong after the new output was in place (it is in place all the same).
    pub warnings: Vec<String>,
}

/// Writes `files` as the new contents of `out` (see [`OutputDir`] and [`Staging`], which
/// this wraps).
pub fn write_all(
    out: &Path,
    files: &[NewFile<'_>],
    keep: impl Fn(&str) -> bool,
) -> Result<Carried, WriteError> {
    let dir = OutputDir::open(out, &|_| {})?;
    let staging = dir.begin()?;
    for file in files {
        staging.write(file.path, file.bytes)?;
    }
    staging.commit(keep)
}

/// The output folder of one build: followed to its folder if it is a symbolic link, checked,
/// locked against other builds until dropped, and recovered from an interrupted earlier
/// build. Only then may anything be read from it.
#[derive(Debug)]
pub struct OutputDir {
    out: PathBuf,
    parent: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    /// Held open for the lock on it; the OS releases the lock when it is closed, also when
    /// the process is killed.
    _lock: File,
}

impl OutputDir {
    /// Opens `out` for a build: follows a symbolic link, refuses placements that cannot work,
    /// takes the lock (calling `notify` with a line to show if another build holds it, then
    /// waiting for it), puts back the previous output if an earlier build died in the middle
    /// of its swap (calling `notify` to say so), and removes an unfinished build's leftovers.
    pub fn open(out: &Path, notify: &dyn Fn(&str)) -> Result<OutputDir, WriteError> {
        let out = resolve(out)?;
        let (parent, name) = match (out.parent(), out.file_name()) {
            (Some(p), Some(name)) => (
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                },
                name.to_os_string(),
            ),
            _ => return Err(WriteError::MountPoint(out)),
        };
        if name.len() > MAX_NAME_BYTES {
            return Err(WriteError::NameTooLong {
                bytes: name.len(),
                out,
            });
        }
        fs::create_dir_all(&parent).map_err(|e| in_parent(&out, &parent, "create", e))?;
        if is_mount_point(&out, &parent) {
            return Err(WriteError::MountPoint(out));
        }
        let beside = |suffix: &str| {
            let mut file = std::ffi::OsString::from(".");
            file.push(&name);
            file.push(suffix);
            parent.join(file)
        };
        let lock_path = beside(LOCK_SUFFIX);
        let lock = take_lock(&out, &lock_path, notify)?;
        let dir = OutputDir {
            staging: beside(STAGING_SUFFIX),
            retired: beside(RETIRED_SUFFIX),
            out,
            parent,
            _lock: lock,
        };
        dir.recover(notify)?;
        Ok(dir)
    }

    /// The output folder (the folder a symbolic link `--out` points to).
    pub fn path(&self) -> &Path {
        &self.out
    }

    /// Puts back what an interrupted build left. Runs under the lock, so no live build is
    /// writing any of it.
    fn recover(&self, notify: &dyn Fn(&str)) -> Result<(), WriteError> {
        let leftover = |reason: String| WriteError::Leftover {
            out: self.out.clone(),
            retired: self.retired.clone(),
            reason,
        };
        if exists(&self.retired)? {
            if !exists(&self.out)? {
                // Died between the two renames of the swap: the previous output goes back.
                fs::rename(&self.retired, &self.out).map_err(|e| {
                    leftover(format!(
                        "it could not be moved back ({})",
                        crate::content::io_reason(&e)
                    ))
                })?;
                sync_dir(&self.parent).map_err(io_at("flush", &self.parent))?;
                notify(&format!(
                    "put back the previous output in `{}`, which an interrupted build had moved to `{}`",
                    self.out.display(),
                    self.retired.display()
                ));
            } else if self.out.join(MANIFEST).is_file() {
                // Died after the swap, while removing the previous output: the new one is
                // whole, and holds the user's files too.
                fs::remove_dir_all(&self.retired).map_err(|e| {
                    leftover(format!(
                        "it could not be removed ({})",
                        crate::content::io_reason(&e)
                    ))
                })?;
            } else {
                return Err(leftover(format!(
                    "`{}` exists too but was not made by decksmith",
                    self.out.display()
                )));
            }
        }
        if exists(&self.staging)? {
            fs::remove_dir_all(&self.staging).map_err(io_at("remove", &self.staging))?;
        }
        Ok(())
    }

    /// Starts the new output: checks that the output folder is ours (or empty or missing) and
    /// that its old files can be removed, and makes the staging folder beside it.
    pub fn begin(&self) -> Result<Staging<'_>, WriteError> {
        let previous = if exists(&self.out)? {
            let previous = previous_manifest(&self.out)?;
            check_writable(&self.out)?;
            Some(previous)
        } else {
            None
        };
        fs::create_dir(&self.staging)
            .map_err(|e| in_parent(&self.out, &self.staging, "create", e))?;
        Ok(Staging {
            dir: self,
            previous,
            made: std::sync::Mutex::new(BTreeSet::new()),
            committed: false,
        })
    }

    /// The error for a failed rename of the output folder or onto it.
    fn rename_error(&self, error: io::Error) -> WriteError {
        match error.kind() {
            io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices => {
                WriteError::MountPoint(self.out.clone())
            }
            _ => in_parent(&self.out, &self.out, "replace", error),
        }
    }
}

/// A new output folder being written beside the old one. Files go in as they are made (so a
/// large course is never held in memory whole); [`Staging::commit`] swaps the folders. If
/// the staging is dropped without a commit (an error, a panic), the new folder is removed
/// and the old output is untouched.
#[derive(Debug)]
pub struct Staging<'a> {
    dir: &'a OutputDir,
    previous: Option<BTreeSet<String>>,
    made: std::sync::Mutex<BTreeSet<String>>,
    committed: bool,
}

impl Staging<'_> {
    /// Writes one file of the new output (`path` relative, with `/`). Safe to call from
    /// several threads at once.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.dir.staging.join(path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(io_at("create", dir))?;
        }
        fs::write(&target, bytes).map_err(io_at("write", &target))?;
        self.made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_owned());
        Ok(())
    }

    /// Carries over the files to keep (the user's always; decksmith's earlier files where
    /// `keep` says so), writes the manifest, flushes the new output to disk, and swaps it in.
    pub fn commit(mut self, keep: impl Fn(&str) -> bool) -> Result<Carried, WriteError> {
        let made = std::mem::take(
            &mut *self
                .made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let dir = self.dir;
        let mut carried = carry(&dir.out, &dir.staging, made, self.previous.as_ref(), &keep)?;
        sync_tree(&dir.staging)?;
        if self.previous.is_some() {
            fs::rename(&dir.out, &dir.retired).map_err(|e| dir.rename_error(e))?;
            if let Err(e) = fs::rename(&dir.staging, &dir.out) {
                if let Err(back) = fs::rename(&dir.retired, &dir.out) {
                    return Err(WriteError::SwapBroken {
                        out: dir.out.clone(),
                        retired: dir.retired.clone(),
                        error: back,
                    });
                }
                return Err(dir.rename_error(e));
            }
            self.committed = true;
            if let Err(e) = sync_dir(&dir.parent) {
                carried.warnings.push(format!(
                    "failed to flush `{}` to disk ({})",
                    dir.parent.display(),
                    crate::content::io_reason(&e)
                ));
            }
            if let Err(e) = fs::remove_dir_all(&dir.retired) {
                carried.warnings.push(format!(
                    "the previous output could not be removed from `{}` ({}); delete it yourself (everything of yours in it is also in `{}`)",
                    dir.retired.display(),
                    crate::content::io_reason(&e),
                    dir.out.display()
                ));
            }
        } else {
            fs::rename(&dir.staging, &dir.out).map_err(|e| dir.rename_error(e))?;
            self.committed = true;
            if let Err(e) = sync_dir(&dir.parent) {
                carried.warnings.push(format!(
                    "failed to flush `{}` to disk ({})",
                    dir.parent.display(),
                    crate::content::io_reason(&e)
                ));
            }
        }
        Ok(carried)
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir.staging);
        }
    }
}

/// Opens the lock file `lock_path` of `out` and locks it, waiting (and calling `notify` once
/// to say so) while another build holds it. A lock is on a file, not on its name: when the
/// file was deleted or replaced while this build waited, the lock taken is on a file that the
/// next build will not open, so it is taken again on the file now at the path.
fn take_lock(out: &Path, lock_path: &Path, notify: &dyn Fn(&str)) -> Result<File, WriteError> {
    let mut told = false;
    for _ in 0..100 {
        let lock = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path)
            .map_err(|e| {
                if e.kind() == io::ErrorKind::PermissionDenied && lock_path.is_file() {
                    WriteError::LockNotWritable {
                        lock: lock_path.to_path_buf(),
                        owner: other_owner(lock_path),
                        out_not_ours: other_owner(out).is_some(),
                        out: out.to_path_buf(),
                    }
                } else {
                    in_parent(out, lock_path, "create", e)
                }
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                if !told {
                    notify(&format!(
                        "waiting for another decksmith build into `{}` to finish",
                        out.display()
                    ));
                    told = true;
                }
                lock.lock()
                    .map_err(|e| WriteError::Lock(lock_path.to_path_buf(), e))?;
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(WriteError::Lock(lock_path.to_path_buf(), e));
            }
        }
        if still_at(&lock, lock_path) {
            return Ok(lock);
        }
    }
    Err(WriteError::Lock(
        lock_path.to_path_buf(),
        io::Error::other("the lock file keeps being deleted or replaced"),
    ))
}

/// Whether the open `file` is still the one at `path` (not deleted, not replaced).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(now)) => open.dev() == now.dev() && open.ino() == now.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, _path: &Path) -> bool {
    true
}

/// The folder `out` stands for: itself, or the folder it links to.
fn resolve(out: &Path) -> Result<PathBuf, WriteError> {
    // No file system has such a name, and asking for it fails without saying so in words.
    if let Some(name) = out.file_name().filter(|name| name.len() > NAME_MAX) {
        return Err(WriteError::NameTooLong {
            out: out.to_path_buf(),
            bytes: name.len(),
        });
    }
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out.to_path_buf()),
        Err(e) => return Err(cannot_enter(out).unwrap_or_else(|| io_at("read", out)(e))),
    };
    let real = if meta.file_type().is_symlink() || out.file_name().is_none() {
        match fs::canonicalize(out) {
            Ok(real) => real,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(WriteError::DanglingLink {
                    link: out.to_path_buf(),
                    target: fs::read_link(out).unwrap_or_default(),
                });
            }
            Err(e) => return Err(io_at("follow the link", out)(e)),
        }
    } else {
        out.to_path_buf()
    };
    match fs::metadata(&real) {
        Ok(meta) if !meta.is_dir() => Err(WriteError::NotAFolder(out.to_path_buf())),
        _ => Ok(real),
    }
}

/// Whether `path` exists (a dangling symbolic link does).
fn exists(path: &Path) -> Result<bool, WriteError> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_at("read", path)(e)),
    }
}

/// The error for making `path` beside `out`: a parent folder that cannot be written and a
/// name that is too long are said in words.
fn in_parent(out: &Path, path: &Path, action: &'static str, error: io::Error) -> WriteError {
    if error.kind() == io::ErrorKind::PermissionDenied
        && let Some(closed) = cannot_enter(out)
    {
        return closed;
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            // The folder to make writable is the nearest that exists: the ones after it
            // are still to be made.
            let mut parent = out.parent().unwrap_or(Path::new(""));
            while !parent.as_os_str().is_empty() && fs::symlink_metadata(parent).is_err() {
                parent = parent.parent().unwrap_or(Path::new(""));
            }
            WriteError::ParentNotWritable {
                out: out.to_path_buf(),
                parent: if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                },
                reason: crate::content::io_reason(&error),
            }
        }
        io::ErrorKind::InvalidFilename => WriteError::NameTooLong {
            out: out.to_path_buf(),
            bytes: out.file_name().map_or(0, |n| n.len()),
        },
        _ => io_at(action, path)(error),
    }
}

/// The error for a folder on the way to `out` that this user may not enter (`--out
/// /root/decks` for another user than root), if there is one.
fn cannot_enter(out: &Path) -> Option<WriteError> {
    let mut on_the_way: Vec<&Path> = out.ancestors().skip(1).collect();
    on_the_way.reverse();
    for dir in on_the_way {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        match may_enter(dir) {
            Some(true) => {}
            Some(false) => {
                return Some(WriteError::CannotEnter {
                    out: out.to_path_buf(),
                    dir: dir.to_path_buf(),
                });
            }
            None => return None,
        }
    }
    None
}

/// Whether this user may enter the folder `dir` (as the OS decides it for this process);
/// `None` when the OS cannot say (it does not exist).
#[cfg(unix)]
fn may_enter(dir: &Path) -> Option<bool> {
    use rustix::fs::{Access, AtFlags, CWD};
    match rustix::fs::accessat(CWD, dir, Access::EXEC_OK, AtFlags::EACCESS) {
        Ok(()) => Some(true),
        Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM) => Some(false),
        Err(_) => None,
    }
}

#[cfg(not(unix))]
fn may_enter(_dir: &Path) -> Option<bool> {
    Some(true)
}

/// Whether `out` is on another file system than its parent folder: a mount point, which
/// cannot be renamed.
#[cfg(unix)]
fn is_mount_point(out: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(out), fs::metadata(parent)) {
        (Ok(out), Ok(parent)) => out.dev() != parent.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_out: &Path, _parent: &Path) -> bool {
    false
}

/// Refuses an output folder with a folder in it whose files could not be removed after the
/// swap: a read-only one (by its permission bits, so that it holds for every user alike, root
/// included, whom the file system would let through), and one this user may not write in
/// (asked of the OS: a folder of another user's is not read-only by its bits).
fn check_writable(out: &Path) -> Result<(), WriteError> {
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let meta = fs::symlink_metadata(&dir).map_err(io_at("read", &dir))?;
        if meta.permissions().readonly() {
            return Err(WriteError::ReadOnly {
                out: out.to_path_buf(),
                dir,
            });
        }
        if !may_write_in(&dir) {
            return Err(WriteError::NotWritable {
                out: out.to_path_buf(),
                owner: other_owner(&dir),
                dir,
            });
        }
        for entry in fs::read_dir(&dir).map_err(io_at("read", &dir))? {
            let entry = entry.map_err(io_at("read", &dir))?;
            if entry.file_type().map_err(io_at("read", &dir))?.is_dir() {
                stack.push(entry.path());
            }
        }
    }
    Ok(())
}

/// Whether this user may add and remove files in the folder `dir`, as the OS decides it for
/// this process (its effective user and groups, access lists included).
#[cfg(unix)]
fn may_write_in(dir: &Path) -> bool {
    use rustix::fs::{Access, AtFlags, CWD};
    match rustix::fs::accessat(
        CWD,
        dir,
        Access::WRITE_OK | Access::EXEC_OK,
        AtFlags::EACCESS,
    ) {
        Ok(()) => true,
        // Only a refusal counts; a question the OS cannot answer leaves it to the build.
        Err(e) => !matches!(e, rustix::io::Errno::ACCESS | rustix::io::Errno::PERM),
    }
}

#[cfg(not(unix))]
fn may_write_in(_dir: &Path) -> bool {
    true
}

/// The user id of the owner of `path`, when that is not the user this process runs as.
#[cfg(unix)]
fn other_owner(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let owner = fs::symlink_metadata(path).ok()?.uid();
    (owner != rustix::process::geteuid().as_raw()).then_some(owner)
}

#[cfg(not(unix))]
fn other_owner(_path: &Path) -> Option<u32> {
    None
}

/// Flushes a folder's entries to disk (a no-op where folders cannot be opened as files).
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Flushes a file's data to disk.
fn sync_file(path: &Path) -> io::Result<()> {
    // Windows flushes only a handle opened for writing.
    let file = if cfg!(windows) {
        fs::OpenOptions::new().write(true).open(path)?
    } else {
        File::open(path)?
    };
    file.sync_all()
}

/// Flushes every file and folder under `root` (and `root`) to disk, many at once: a file
/// system commits flushes that wait together in one go (ext4: one journal commit for all,
/// where one after another each waits for its own, ~10x slower for a course's 60 files).
fn sync_tree(root: &Path) -> Result<(), WriteError> {
    let mut paths = vec![(root.to_path_buf(), true)];
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(io_at("read", &dir))? {
            let entry = entry.map_err(io_at("read", &dir))?;
            let is_dir = entry.file_type().map_err(io_at("read", &dir))?.is_dir();
            if is_dir {
                stack.push(entry.path());
            }
            paths.push((entry.path(), is_dir));
        }
    }
    const THREADS: usize = 32;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failed = std::sync::Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(paths.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((path, is_dir)) = paths.get(i) else {
                        break;
                    };
                    let flushed = if *is_dir {
                        sync_dir(path)
                    } else {
                        sync_file(path)
                    };
                    if let Err(e) = flushed {
                        *failed
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner) =
                            Some(io_at("flush", path)(e));
                        break;
                    }
                }
            });
        }
    });
    match failed
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The files decksmith made in `out` last time. An empty folder counts as ours.
fn previous_manifest(out: &Path) -> Result<BTreeSet<String>, WriteError> {
    let path = out.join(MANIFEST);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text.lines().map(str::to_owned).collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let empty = fs::read_dir(out)
                .map_err(io_at("read", out))?
                .next()
                .is_none();
            if empty {
                Ok(BTreeSet::new())
            } else {
                Err(WriteError::NotOurs(out.to_path_buf()))
            }
        }
        Err(e) => Err(io_at("read", &path)(e)),
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
        for found in walk_all(out).map_err(io_at("read", out))? {
            let relative = match found {
                Found::File(relative) => relative,
                Found::EmptyFolder(path) => {
                    // decksmith makes no empty folders: this one is the user's.
                    let to = staging.join(&path);
                    fs::create_dir_all(&to).map_err(io_at("create", &to))?;
                    carried.user_folders.push(shown(&path));
                    continue;
                }
                Found::NotUtf8(path) => {
                    // Not a name decksmith makes, nor one its manifest can hold: the user's.
                    let (from, to) = (out.join(&path), staging.join(&path));
                    if let Some(dir) = to.parent() {
                        fs::create_dir_all(dir).map_err(io_at("create", dir))?;
                    }
                    if fs::hard_link(&from, &to).is_err() {
                        fs::copy(&from, &to).map_err(io_at("copy to", &to))?;
                    }
                    carried.user_files.push(shown(&path));
                    continue;
                }
            };
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
                fs::create_dir_all(dir).map_err(io_at("create", dir))?;
            }
            if fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to).map_err(io_at("copy to", &to))?;
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
    fs::write(&path, manifest).map_err(io_at("write", &path))?;
    Ok(carried)
}

/// Every file under `dir`, as relative paths with `/`, sorted (a name that is not UTF-8
/// with `�` for what cannot be read). Symbolic links are listed as files and not followed.
pub fn walk(dir: &Path) -> io::Result<Vec<String>> {
    let mut files: Vec<String> = walk_all(dir)?
        .into_iter()
        .filter_map(|found| match found {
            Found::File(relative) => Some(relative),
            Found::NotUtf8(path) => Some(shown(&path)),
            Found::EmptyFolder(_) => None,
        })
        .collect();
    files.sort();
    Ok(files)
}

/// What [`walk_all`] finds in a folder.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    /// A file (or a symbolic link, not followed) whose path is UTF-8, with `/`.
    File(String),
    /// A file whose path is not UTF-8 (a name from an old archive, say): never one of
    /// decksmith's, whose names are all UTF-8.
    NotUtf8(PathBuf),
    /// A folder with nothing in it.
    EmptyFolder(PathBuf),
}

/// Every file and every empty folder under `dir`, relative to it, sorted.
fn walk_all(dir: &Path) -> io::Result<Vec<Found>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(relative_dir) = stack.pop() {
        let mut empty = true;
        for entry in fs::read_dir(dir.join(&relative_dir))? {
            let entry = entry?;
            empty = false;
            let relative = relative_dir.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                stack.push(relative);
            } else {
                out.push(match slashed(&relative) {
                    Some(text) => Found::File(text),
                    None => Found::NotUtf8(relative),
                });
            }
        }
        if empty && !relative_dir.as_os_str().is_empty() {
            out.push(Found::EmptyFolder(relative_dir));
        }
    }
    out.sort();
    Ok(out)
}

/// A relative path as text with `/` separators, if it is UTF-8.
fn slashed(path: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// A relative path to show, with `/` separators and `�` for what is not UTF-8.
fn shown(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests;
