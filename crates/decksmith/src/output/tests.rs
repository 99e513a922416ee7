use super::*;

fn files<'a>(list: &'a [(&'a str, &'a str)]) -> Vec<NewFile<'a>> {
    list.iter()
        .map(|(path, text)| NewFile {
            path,
            bytes: text.as_bytes(),
        })
        .collect()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
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

fn quiet(_: &str) {}

#[test]
fn writes_a_fresh_folder_with_a_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("index.html", "i"), ("a/quiz.json", "q")]),
        |_| false,
    )
    .unwrap();
    assert_eq!(read(&out.join("a/quiz.json")), "q");
    assert_eq!(read(&out.join(MANIFEST)), "a/quiz.json\nindex.html\n");
    // Nothing is left beside it but the lock file.
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
}

#[test]
fn a_rebuild_drops_stale_files_and_keeps_the_users() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("index.html", "1"), ("old/quiz.json", "q")]),
        |_| false,
    )
    .unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    fs::create_dir_all(out.join("old/extra")).unwrap();
    fs::write(out.join("old/extra/keep.md"), "also mine").unwrap();
    let carried = write_all(&out, &files(&[("index.html", "2")]), |_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "2");
    assert!(!out.join("old/quiz.json").exists());
    assert_eq!(read(&out.join("notes.txt")), "mine");
    assert_eq!(read(&out.join("old/extra/keep.md")), "also mine");
    assert_eq!(carried.user_files, ["notes.txt", "old/extra/keep.md"]);
    assert_eq!(read(&out.join(MANIFEST)), "index.html\n");
}

#[test]
fn kept_files_of_decks_not_rebuilt_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("a/quiz.json", "a1"), ("b/quiz.json", "b1")]),
        |_| false,
    )
    .unwrap();
    write_all(&out, &files(&[("a/quiz.json", "a2")]), |p| {
        p.starts_with("b/")
    })
    .unwrap();
    assert_eq!(read(&out.join("a/quiz.json")), "a2");
    assert_eq!(read(&out.join("b/quiz.json")), "b1");
    assert_eq!(read(&out.join(MANIFEST)), "a/quiz.json\nb/quiz.json\n");
}

#[test]
fn a_user_file_with_our_name_is_kept_beside_ours() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap();
    fs::write(out.join("quiz.json"), "hand-made").unwrap();
    let carried = write_all(
        &out,
        &files(&[("index.html", "2"), ("quiz.json", "made")]),
        |_| false,
    )
    .unwrap();
    assert_eq!(read(&out.join("quiz.json")), "made");
    assert_eq!(read(&out.join("quiz.json.user")), "hand-made");
    assert_eq!(
        carried.renamed,
        [("quiz.json".to_owned(), "quiz.json.user".to_owned())]
    );
}

#[test]
fn refuses_a_folder_decksmith_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("home");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("thesis.tex"), "precious").unwrap();
    let err = write_all(&out, &files(&[("index.html", "i")]), |_| false).unwrap_err();
    assert!(matches!(err, WriteError::NotOurs(_)), "{err}");
    assert_eq!(read(&out.join("thesis.tex")), "precious");
    assert!(!out.join("index.html").exists());
    // An empty folder is fine.
    let empty = tmp.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    write_all(&empty, &files(&[("index.html", "i")]), |_| false).unwrap();
}

#[test]
fn recovers_from_a_run_that_died_between_the_renames_before_reading_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("index.html", "1"), (".decksmith-revisions", "history")]),
        |_| false,
    )
    .unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    // The state a kill after the first rename leaves: the old output moved aside, and a
    // whole new one not yet in its place.
    fs::rename(&out, tmp.path().join(".decks.decksmith-old")).unwrap();
    fs::create_dir_all(tmp.path().join(".decks.decksmith-new")).unwrap();
    fs::write(tmp.path().join(".decks.decksmith-new/index.html"), "2").unwrap();

    // Opening the folder is enough: it is whole again before a build reads from it.
    let said = std::cell::RefCell::new(Vec::new());
    let dir = OutputDir::open(&out, &|line| said.borrow_mut().push(line.to_owned())).unwrap();
    assert_eq!(read(&dir.path().join(".decksmith-revisions")), "history");
    assert_eq!(read(&out.join("index.html")), "1");
    assert_eq!(read(&out.join("notes.txt")), "mine");
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
    let said = said.into_inner();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("put back the previous output"),
        "{said:?}"
    );
    drop(dir);

    write_all(&out, &files(&[("index.html", "3")]), |_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "3");
    assert_eq!(read(&out.join("notes.txt")), "mine");
}

#[test]
fn a_run_that_died_after_the_swap_leaves_the_new_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("index.html", "new")]), |_| false).unwrap();
    // Killed while removing the previous output.
    let retired = tmp.path().join(".decks.decksmith-old");
    fs::create_dir_all(retired.join("a")).unwrap();
    fs::write(retired.join("a/quiz.json"), "old").unwrap();
    drop(OutputDir::open(&out, &quiet).unwrap());
    assert_eq!(read(&out.join("index.html")), "new");
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
}

#[test]
fn a_leftover_beside_a_folder_decksmith_did_not_make_is_not_touched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("thesis.tex"), "precious").unwrap();
    let retired = tmp.path().join(".decks.decksmith-old");
    fs::create_dir_all(&retired).unwrap();
    fs::write(retired.join("index.html"), "old").unwrap();
    let err = OutputDir::open(&out, &quiet).unwrap_err();
    assert!(matches!(err, WriteError::Leftover { .. }), "{err}");
    assert!(
        err.to_string().contains("was not made by decksmith"),
        "{err}"
    );
    assert_eq!(read(&out.join("thesis.tex")), "precious");
    assert_eq!(read(&retired.join("index.html")), "old");
}

#[test]
fn a_second_build_waits_and_never_touches_the_first_ones_staging() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("index.html", "0")]), |_| false).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();

    let first = OutputDir::open(&out, &quiet).unwrap();
    let staging = first.begin().unwrap();
    staging.write("index.html", b"1").unwrap();

    let (tx, rx) = std::sync::mpsc::channel();
    let second = {
        let out = out.clone();
        std::thread::spawn(move || {
            let notify = |line: &str| tx.send(line.to_owned()).unwrap();
            let dir = OutputDir::open(&out, &notify).unwrap();
            let staging = dir.begin().unwrap();
            staging.write("index.html", b"2").unwrap();
            staging.commit(|_| false).unwrap()
        })
    };
    let line = rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap();
    assert!(
        line.starts_with("waiting for another decksmith build"),
        "{line}"
    );
    // While it waits, the first build's new output is its own.
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(
        read(&tmp.path().join(".decks.decksmith-new/index.html")),
        "1"
    );
    staging.write("quiz.json", b"q").unwrap();
    staging.commit(|_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "1");
    drop(first);

    let carried = second.join().unwrap();
    assert_eq!(read(&out.join("index.html")), "2");
    assert_eq!(read(&out.join("notes.txt")), "mine");
    assert!(!out.join("quiz.json").exists());
    assert_eq!(carried.user_files, ["notes.txt"]);
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_to_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("real/decks");
    let link = tmp.path().join("decks");
    fs::create_dir_all(&target).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    write_all(&link, &files(&[("index.html", "1")]), |_| false).unwrap();
    fs::write(link.join("notes.txt"), "mine").unwrap();
    write_all(&link, &files(&[("index.html", "2")]), |_| false).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(&target.join("index.html")), "2");
    assert_eq!(read(&target.join("notes.txt")), "mine");
    assert_eq!(names(tmp.path()), ["decks", "real"]);
    assert_eq!(
        names(&tmp.path().join("real")),
        [".decks.decksmith-lock", "decks"]
    );

    // A link to nothing is refused, and left as it is.
    let dangling = tmp.path().join("gone");
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), &dangling).unwrap();
    let err = write_all(&dangling, &files(&[("index.html", "1")]), |_| false).unwrap_err();
    assert!(matches!(err, WriteError::DanglingLink { .. }), "{err}");
    assert!(err.to_string().contains("which does not exist"), "{err}");
    assert!(!tmp.path().join("nowhere").exists());
}

#[test]
fn a_file_is_not_an_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    fs::write(&out, "a file").unwrap();
    let err = write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap_err();
    assert!(matches!(err, WriteError::NotAFolder(_)), "{err}");
    assert_eq!(read(&out), "a file");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_refused_before_anything_changes() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("index.html", "1"), ("a/quiz.json", "q")]),
        |_| false,
    )
    .unwrap();
    for dir in [out.clone(), out.join("a")] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
        // Decided by the permission bits, so the same for root, whom the system lets write.
        let err = write_all(&out, &files(&[("index.html", "2")]), |_| false).unwrap_err();
        assert!(
            matches!(&err, WriteError::ReadOnly { dir: d, .. } if *d == dir),
            "{err}"
        );
        assert!(err.out_unchanged());
        assert!(err.help().unwrap().contains("chmod -R u+w"), "{err}");
        assert_eq!(read(&out.join("index.html")), "1");
        assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    write_all(&out, &files(&[("index.html", "3")]), |_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "3");
}

#[test]
fn a_name_with_no_room_for_the_folders_beside_it_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("d".repeat(MAX_NAME_BYTES + 1));
    let err = write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap_err();
    assert!(
        matches!(err, WriteError::NameTooLong { bytes, .. } if bytes == MAX_NAME_BYTES + 1),
        "{err}"
    );
    assert!(err.help().unwrap().contains("at most 239 bytes"), "{err}");
    assert!(names(tmp.path()).is_empty());
    // The longest name that fits works.
    let out = tmp.path().join("d".repeat(MAX_NAME_BYTES));
    write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap();
    write_all(&out, &files(&[("index.html", "2")]), |_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "2");
}

#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_is_refused_before_anything_is_written() {
    // /proc is a mount point on every Linux system; it is refused before the lock file would
    // be made beside it.
    let err = OutputDir::open(Path::new("/proc"), &quiet).unwrap_err();
    assert!(matches!(err, WriteError::MountPoint(_)), "{err}");
    assert!(err.help().unwrap().contains("/proc/decks"), "{err}");
    assert!(!Path::new("/.proc.decksmith-lock").exists());
}

#[test]
fn a_busy_rename_is_said_to_be_a_mount_point() {
    // A bind mount of the same file system (a Docker volume can be one) is found only when
    // the rename fails with EBUSY.
    let tmp = tempfile::tempdir().unwrap();
    let dir = OutputDir::open(&tmp.path().join("decks"), &quiet).unwrap();
    let err = dir.rename_error(io::Error::from(io::ErrorKind::ResourceBusy));
    assert!(matches!(err, WriteError::MountPoint(_)), "{err}");
    assert!(err.to_string().contains("is a mount point"), "{err}");
}

/// Whether the file system refuses this process a write into a folder without write
/// permission (not as root).
#[cfg(unix)]
fn permissions_apply(tmp: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = tmp.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).unwrap();
    let applies = fs::write(probe.join("file"), "x").is_err();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).unwrap();
    fs::remove_dir_all(&probe).unwrap();
    applies
}

#[cfg(unix)]
#[test]
fn a_parent_folder_that_cannot_be_written_is_said_in_words() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    if !permissions_apply(tmp.path()) {
        eprintln!("skipped: running as root, where folder permissions do not apply");
        return;
    }
    let parent = tmp.path().join("shared");
    fs::create_dir(&parent).unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    let err = write_all(
        &parent.join("decks"),
        &files(&[("index.html", "1")]),
        |_| false,
    )
    .unwrap_err();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(err, WriteError::ParentNotWritable { .. }), "{err}");
    assert!(err.to_string().starts_with("cannot write in"), "{err}");
    assert!(names(&parent).is_empty());
}

#[test]
fn a_build_that_stops_midway_leaves_the_old_output_and_no_staging() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(
        &out,
        &files(&[("index.html", "1"), ("a/quiz.json", "q")]),
        |_| false,
    )
    .unwrap();
    {
        let dir = OutputDir::open(&out, &quiet).unwrap();
        let staging = dir.begin().unwrap();
        staging.write("index.html", b"half-built").unwrap();
        // A render error: the staging is dropped without a commit.
    }
    assert_eq!(read(&out.join("index.html")), "1");
    assert_eq!(read(&out.join("a/quiz.json")), "q");
    assert_eq!(names(tmp.path()), [".decks.decksmith-lock", "decks"]);
}

#[test]
fn a_users_empty_folders_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("a/quiz.json", "q")]), |_| false).unwrap();
    fs::create_dir(out.join("for-later")).unwrap();
    fs::create_dir_all(out.join("a/drafts/empty")).unwrap();
    let carried = write_all(&out, &files(&[("a/quiz.json", "2")]), |_| false).unwrap();
    assert!(out.join("for-later").is_dir());
    assert!(out.join("a/drafts/empty").is_dir());
    assert_eq!(carried.user_folders, ["a/drafts/empty", "for-later"]);
    assert!(carried.user_files.is_empty());
    // Still kept by the build after, and not in the manifest.
    write_all(&out, &files(&[("a/quiz.json", "3")]), |_| false).unwrap();
    assert!(out.join("for-later").is_dir());
    assert_eq!(read(&out.join(MANIFEST)), "a/quiz.json\n");
}

/// A file named in another encoding than UTF-8 (from an old archive, say) is the user's, and
/// kept under its very name.
#[cfg(target_os = "linux")]
#[test]
fn a_users_file_whose_name_is_not_utf8_is_kept() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap();
    let name = OsStr::from_bytes(b"caf\xe9.txt");
    let folder = OsStr::from_bytes(b"r\xe9sum\xe9s");
    fs::write(out.join(name), "mine").unwrap();
    fs::create_dir(out.join(folder)).unwrap();
    fs::write(out.join(folder).join("cv.txt"), "also mine").unwrap();
    for round in 2..4 {
        let carried = write_all(&out, &files(&[("index.html", &round.to_string())]), |_| {
            false
        })
        .unwrap();
        assert_eq!(read(&out.join(name)), "mine");
        assert_eq!(read(&out.join(folder).join("cv.txt")), "also mine");
        assert_eq!(
            carried.user_files,
            ["caf\u{fffd}.txt", "r\u{fffd}sum\u{fffd}s/cv.txt"]
        );
        assert_eq!(read(&out.join("index.html")), round.to_string());
        assert_eq!(read(&out.join(MANIFEST)), "index.html\n");
    }
}
