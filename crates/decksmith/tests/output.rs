//! The output folder as real `decksmith build` processes meet it: two builds at once, a build
//! killed in the middle of its swap, a symbolic link, a read-only folder, placements that
//! cannot work.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_decksmith")
}

/// The course shipped in the repository.
fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/course")
}

fn build(content: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(bin())
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    decksmith::output::walk(dir)
        .unwrap()
        .into_iter()
        .map(|path| {
            let bytes = fs::read(dir.join(&path)).unwrap();
            (path, bytes)
        })
        .collect()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn copy_course(from: &Path, to: &Path) {
    for dir in ["", "decks"] {
        fs::create_dir_all(to.join(dir)).unwrap();
        for entry in fs::read_dir(from.join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
}

/// The Anki revision history: GUID to (content hash, time).
fn revisions(out: &Path) -> BTreeMap<String, (String, i64)> {
    fs::read_to_string(out.join(".decksmith-revisions"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_owned(), (f[1].to_owned(), f[2].parse().unwrap()))
        })
        .collect()
}

/// The on-disk state of a build killed between the two renames of its swap: the previous
/// output moved aside, and the new one, whole or not, beside it.
fn kill_between_the_renames(out: &Path) {
    let parent = out.parent().unwrap();
    let name = out.file_name().unwrap().to_string_lossy();
    fs::rename(out, parent.join(format!(".{name}.decksmith-old"))).unwrap();
    let staging = parent.join(format!(".{name}.decksmith-new"));
    fs::create_dir_all(staging.join("un-basics")).unwrap();
    fs::write(staging.join("index.html"), "half").unwrap();
}

/// Every format but the PDFs, which take most of a build's time and add nothing to what is
/// tested here (how two builds meet in the output folder).
const NO_PDF: [&str; 14] = [
    "--format", "html", "--format", "json", "--format", "apkg", "--format", "moodle", "--format",
    "gift", "--format", "qti", "--format", "tsv",
];

#[test]
fn two_builds_at_once_leave_one_whole_output_and_the_users_file() {
    const ROUNDS: usize = 25;
    let tmp = tempfile::tempdir().unwrap();
    // What a single build makes.
    let reference = tmp.path().join("single/decks");
    assert_ok(&build(&bundled(), &reference, &NO_PDF));
    let expected = tree(&reference);
    assert!(expected.len() > 30, "{:?}", expected.keys());

    let work = tmp.path().join("work");
    let out = work.join("decks");
    assert_ok(&build(&bundled(), &out, &NO_PDF));
    fs::write(out.join("notes.txt"), "my notes").unwrap();
    let mut waited = 0;
    for round in 0..ROUNDS {
        let start = || {
            Command::new(bin())
                .arg("build")
                .arg("--content")
                .arg(bundled())
                .arg("--out")
                .arg(&out)
                .args(NO_PDF)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        for child in [a, b] {
            let done = child.wait_with_output().unwrap();
            let stderr = text(&done.stderr);
            assert_eq!(done.status.code(), Some(0), "round {round}: {stderr}");
            waited += usize::from(stderr.contains("note: waiting for another decksmith build"));
        }
        let mut got = tree(&out);
        assert_eq!(
            got.remove("notes.txt").as_deref(),
            Some(&b"my notes"[..]),
            "round {round}: the user's file"
        );
        // Every file the manifest lists is there, and exactly what a single build makes.
        let manifest = text(&got[".decksmith-manifest"]);
        for listed in manifest.lines() {
            assert!(
                got.contains_key(listed),
                "round {round}: {listed} is missing"
            );
        }
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "round {round}"
        );
        for (path, bytes) in &expected {
            assert!(got[path] == *bytes, "round {round}: {path} differs");
        }
        assert_eq!(
            names(&work),
            [".decks.decksmith-lock", "decks"],
            "round {round}"
        );
    }
    // Two builds started together do meet (one waits for the other) in most rounds.
    eprintln!("{waited} of {ROUNDS} rounds had a build wait for the other");
}

#[test]
fn a_build_waits_for_the_one_that_holds_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    assert_ok(&build(&fixture(), &out, &["--format", "json"]));
    let before = tree(&out);
    // Hold the lock as a running build does.
    let lock = fs::File::open(tmp.path().join(".decks.decksmith-lock")).unwrap();
    lock.lock().unwrap();
    let mut child = Command::new(bin())
        .arg("build")
        .arg("--content")
        .arg(fixture())
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let line = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(
        line,
        format!(
            "note: waiting for another decksmith build into `{}` to finish",
            out.display()
        )
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(child.try_wait().unwrap(), None, "it waits");
    assert!(tree(&out) == before, "nothing changed while it waited");
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
    drop(lock);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert!(out.join("un-basics/quiz.html").is_file());
}

#[test]
fn a_build_waiting_on_a_lock_file_deleted_meanwhile_waits_on_the_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    assert_ok(&build(&fixture(), &out, &["--format", "json"]));
    let lock_path = tmp.path().join(".decks.decksmith-lock");
    // A build holds the lock, and a second one waits for it.
    let first = fs::File::open(&lock_path).unwrap();
    first.lock().unwrap();
    let mut child = Command::new(bin())
        .arg("build")
        .arg("--content")
        .arg(fixture())
        .arg("--out")
        .arg(&out)
        .args(["--format", "json"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let line = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(line.starts_with("note: waiting for another"), "{line}");
    // Someone deletes the lock file; a third build makes it again and holds it; the first
    // build ends.
    fs::remove_file(&lock_path).unwrap();
    let third = fs::File::create(&lock_path).unwrap();
    third.lock().unwrap();
    drop(first);
    // The waiting build must now wait for the third: it neither starts writing nor ends.
    let staging = tmp.path().join(".decks.decksmith-new");
    for _ in 0..30 {
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(
            child.try_wait().unwrap(),
            None,
            "it went on without the lock"
        );
        assert!(
            !staging.exists(),
            "it writes beside a build that holds the lock"
        );
    }
    drop(third);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
}

#[test]
fn a_swap_killed_half_way_is_put_back_first_and_the_revision_history_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&fixture(), &course);
    let out = tmp.path().join("decks");
    let formats = ["--format", "apkg", "--format", "json"];
    assert_ok(&build(&course, &out, &formats));
    fs::write(out.join("notes.txt"), "my notes").unwrap();
    let first = tree(&out);
    let history = revisions(&out);
    assert!(history.len() > 10, "{history:?}");

    // Killed in its swap; the next build fails on a content error, and puts it back all the
    // same.
    kill_between_the_renames(&out);
    let deck = course.join("decks/un-basics.yaml");
    let yaml = fs::read_to_string(&deck).unwrap();
    fs::write(&deck, "title: [broken\n").unwrap();
    let failed = build(&course, &out, &formats);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(
        stderr.contains("note: put back the previous output in"),
        "{stderr}"
    );
    assert!(tree(&out) == first, "the previous output, whole");
    assert_eq!(
        names(tmp.path()),
        [".decks.decksmith-lock", "course", "decks"]
    );

    // Killed again; the next build edits a note: the history it reads is the one in the
    // previous output, so the edited note's time goes up and Anki takes it as an update.
    kill_between_the_renames(&out);
    let edited = yaml.replacen("meaning: ", "meaning: (edited) ", 1);
    assert_ne!(edited, yaml);
    fs::write(&deck, edited).unwrap();
    assert_ok(&build(&course, &out, &formats));
    let after = revisions(&out);
    let mut changed = 0;
    for (guid, (hash, time)) in &history {
        let (new_hash, new_time) = &after[guid];
        if new_hash == hash {
            assert_eq!(new_time, time, "{guid}: an unchanged note keeps its time");
        } else {
            assert!(new_time > time, "{guid}: an edited note gets a later time");
            changed += 1;
        }
    }
    assert_eq!(changed, 1, "{after:?}");
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(
        names(tmp.path()),
        [".decks.decksmith-lock", "course", "decks"]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_builds_into_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("shared/decks-2025");
    fs::create_dir_all(&target).unwrap();
    let link = tmp.path().join("decks");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_ok(&build(&fixture(), &link, &["--format", "json"]));
    fs::write(link.join("notes.txt"), "my notes").unwrap();
    let done = build(&fixture(), &link, &["--format", "json", "--format", "tsv"]);
    assert_ok(&done);
    assert!(
        text(&done.stdout).contains(&format!("open {}", link.join("index.html").display())),
        "{}",
        text(&done.stdout)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        target.join("un-basics/cards.tsv").is_file(),
        "the target is up to date"
    );
    assert_eq!(
        fs::read_to_string(target.join("notes.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(names(tmp.path()), ["decks", "shared"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_out_is_refused_and_said_so_truly() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    assert_ok(&build(&fixture(), &out, &["--format", "json"]));
    let before = tree(&out);
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    for _ in 0..2 {
        let done = build(&fixture(), &out, &["--format", "json", "--format", "tsv"]);
        assert_eq!(done.status.code(), Some(3));
        let stderr = text(&done.stderr);
        let shown = out.display();
        assert!(
            stderr.contains(&format!(
                "error: `{shown}` is read-only, so decksmith cannot replace it; {shown} was not changed\n  = help: make it writable (e.g. `chmod -R u+w {shown}`)"
            )),
            "{stderr}"
        );
        // And it was not: no new files, nothing beside it.
        assert!(tree(&out) == before);
        assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
    }
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
    assert_ok(&build(
        &fixture(),
        &out,
        &["--format", "json", "--format", "tsv"],
    ));
    assert!(out.join("un-basics/cards.tsv").is_file());
}

/// Asserts that a build was refused (exit 3) saying each of `says`; its standard error.
fn refused(done: &Output, says: &[&str]) -> String {
    assert_eq!(done.status.code(), Some(3));
    let stderr = text(&done.stderr);
    for said in says {
        assert!(stderr.contains(said), "{stderr}");
    }
    stderr
}

#[test]
fn a_name_too_long_for_the_folders_beside_it_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("d".repeat(250));
    let done = build(&fixture(), &out, &["--format", "json"]);
    let stderr = refused(
        &done,
        &[
            "is too long (250 bytes)",
            "help: choose an --out whose last part is at most 239 bytes long",
        ],
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert!(names(tmp.path()).is_empty());
}

#[test]
fn a_name_longer_than_any_file_system_allows_is_explained_too() {
    let tmp = tempfile::tempdir().unwrap();
    for length in [256, 300] {
        let out = tmp.path().join("d".repeat(length));
        let done = build(&fixture(), &out, &["--format", "json"]);
        let stderr = refused(
            &done,
            &[
                &format!("is too long ({length} bytes)"),
                "help: choose an --out whose last part is at most 239 bytes long",
            ],
        );
        assert!(!stderr.contains("File name too long"), "{stderr}");
        assert!(names(tmp.path()).is_empty());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_is_explained() {
    // /proc is a mount point on every Linux system, and refused before anything is written.
    let done = build(&fixture(), Path::new("/proc"), &["--format", "json"]);
    refused(
        &done,
        &[
            "error: `/proc` is a mount point",
            "help: build into a folder inside it, e.g. --out /proc/decks",
        ],
    );
}

/// A command that runs `decksmith` as a user the file system's permissions apply to: this
/// one, or, as root, `nobody` through `setpriv` when that can run the binary. `None` when
/// neither can be had.
#[cfg(unix)]
fn unprivileged(tmp: &Path) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    let probe = tmp.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).unwrap();
    let root = fs::write(probe.join("file"), "x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).unwrap();
    fs::remove_dir_all(&probe).unwrap();
    if !root {
        return Some(Command::new(bin()));
    }
    let nobody = || {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin()]);
        command
    };
    let works = nobody()
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    works.then(nobody)
}

#[cfg(unix)]
#[test]
fn a_parent_folder_that_cannot_be_written_is_explained() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // A folder this user cannot write in (as root, `nobody` cannot write in root's folder).
    let parent = tmp.path().join("shared");
    fs::create_dir(&parent).unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    let out = parent.join("decks");
    let done = build_unprivileged(tmp.path(), &out);
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    let Some(done) = done else {
        eprintln!("skipped: running as root without a way to drop to another user");
        return;
    };
    refused(
        &done,
        &[
            &format!(
                "error: cannot write in `{}` (Permission denied), where decksmith writes the new output before it replaces `{}`",
                parent.display(),
                out.display()
            ),
            &format!("help: make `{}` writable for you", parent.display()),
        ],
    );
    assert!(names(&parent).is_empty());
}

/// `nobody` through `setpriv`, when this test runs as root and that can run the binary: the
/// only way a test can meet an output folder of another user's.
#[cfg(unix)]
fn nobody_if_root(tmp: &Path) -> Option<Command> {
    let mut command = unprivileged(tmp)?;
    (command.get_program() == "setpriv").then(|| {
        command.arg("build");
        command
    })
}

#[cfg(unix)]
#[test]
fn an_out_built_with_sudo_is_explained_to_its_user_and_nothing_is_left_beside_it() {
    use std::os::unix::fs::{PermissionsExt, chown};
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let Some(_) = nobody_if_root(tmp.path()) else {
        eprintln!("skipped: needs root and setpriv to meet a folder of another user's");
        return;
    };
    let as_nobody = |out: &Path| {
        let mut command = nobody_if_root(tmp.path()).unwrap();
        command
            .arg("--content")
            .arg(fixture())
            .arg("--out")
            .arg(out)
            .args(["--format", "json"])
            .output()
            .unwrap()
    };
    // The teacher's own folder, where `sudo decksmith build` made the output (root's, 755)
    // and its lock file (root's, 644).
    let home = tmp.path().join("home");
    fs::create_dir(&home).unwrap();
    chown(&home, Some(65534), Some(65534)).unwrap();
    let out = home.join("decks");
    assert_ok(&build(&fixture(), &out, &["--format", "json"]));
    let lock = home.join(".decks.decksmith-lock");
    let before = tree(&out);

    // The lock file is what stops the build first, and it is named as such.
    let done = as_nobody(&out);
    assert_eq!(done.status.code(), Some(3));
    let stderr = text(&done.stderr);
    assert!(
        stderr.contains(&format!(
            "error: you cannot open the lock file `{}` (Permission denied), which keeps two builds from writing `{}` at once; it belongs to another user, user id 0",
            lock.display(),
            out.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("cannot write in"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "help: make both yours (e.g. `sudo chown -R \"$USER\" {} {}`)",
            lock.display(),
            out.display()
        )),
        "{stderr}"
    );
    assert!(tree(&out) == before);

    // Without the lock file, the folder itself is refused before the build, so nothing is
    // left beside it to block the next build.
    fs::remove_file(&lock).unwrap();
    for _ in 0..2 {
        let done = as_nobody(&out);
        assert_eq!(done.status.code(), Some(3));
        let stderr = text(&done.stderr);
        assert!(
            stderr.contains(&format!(
                "error: you cannot write in `{shown}` (it belongs to another user, user id 0: was it built with sudo?), so decksmith cannot replace `{shown}`; {shown} was not changed\n  = help: make it yours (e.g. `sudo chown -R \"$USER\" {shown}`)",
                shown = out.display()
            )),
            "{stderr}"
        );
        assert!(tree(&out) == before);
        assert_eq!(names(&home), [".decks.decksmith-lock", "decks"]);
    }

    // A folder of another user's inside the output is refused the same way.
    chown(&out, Some(65534), Some(65534)).unwrap();
    chown(home.join(".decks.decksmith-lock"), Some(65534), Some(65534)).unwrap();
    let done = as_nobody(&out);
    assert_eq!(done.status.code(), Some(3));
    let stderr = text(&done.stderr);
    assert!(
        stderr.contains(&format!("error: you cannot write in `{}/", out.display())),
        "{stderr}"
    );
    assert_eq!(names(&home), [".decks.decksmith-lock", "decks"]);

    // Made theirs, as the help says, it builds, and leaves nothing beside it.
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        chown(&dir, Some(65534), Some(65534)).unwrap();
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                chown(entry.path(), Some(65534), Some(65534)).unwrap();
            }
        }
    }
    assert_ok(&as_nobody(&out));
    assert_eq!(names(&home), [".decks.decksmith-lock", "decks"]);
    assert_ok(&as_nobody(&out));
    assert_eq!(names(&home), [".decks.decksmith-lock", "decks"]);
}

/// Runs `decksmith build` of the fixture course into `out` as a user the file system's
/// permissions apply to (see [`unprivileged`]), or `None` when there is none.
#[cfg(unix)]
fn build_unprivileged(tmp: &Path, out: &Path) -> Option<Output> {
    let mut command = unprivileged(tmp)?;
    let course = tmp.join("course");
    copy_course(&fixture(), &course);
    Some(
        command
            .arg("build")
            .arg("--content")
            .arg(&course)
            .arg("--out")
            .arg(out)
            .args(["--format", "json"])
            .output()
            .unwrap(),
    )
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_entered_is_named_with_what_to_do() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // A folder this user may not enter (as root, `nobody` may not enter root's 700 folder).
    let closed = tmp.path().join("closed");
    fs::create_dir(&closed).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    for out in [closed.join("decks"), closed.join("sub").join("decks")] {
        let done = build_unprivileged(tmp.path(), &out);
        fs::remove_dir_all(tmp.path().join("course")).unwrap();
        let Some(done) = done else {
            eprintln!("skipped: running as root without a way to drop to another user");
            return;
        };
        let stderr = refused(
            &done,
            &[
                &format!(
                    "error: you cannot open the folder `{}` (Permission denied), so decksmith cannot reach `{}`",
                    closed.display(),
                    out.display()
                ),
                &format!(
                    "help: choose an --out in a folder you can open, or have the owner of `{}` let you in",
                    closed.display()
                ),
            ],
        );
        assert!(!stderr.contains("failed to read"), "{stderr}");
    }
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(names(&closed).is_empty());
}

#[cfg(unix)]
#[test]
fn a_missing_folder_in_one_that_cannot_be_written_names_the_one_to_fix() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let shared = tmp.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o555)).unwrap();
    let out = shared.join("sub").join("decks");
    let done = build_unprivileged(tmp.path(), &out);
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
    let Some(done) = done else {
        eprintln!("skipped: running as root without a way to drop to another user");
        return;
    };
    refused(
        &done,
        &[
            &format!(
                "error: cannot write in `{}` (Permission denied), where decksmith makes the folder `{}` for the new output `{}`",
                shared.display(),
                shared.join("sub").display(),
                out.display()
            ),
            &format!("help: make `{}` writable for you", shared.display()),
        ],
    );
    assert!(names(&shared).is_empty());
}
