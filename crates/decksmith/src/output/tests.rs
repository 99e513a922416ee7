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
    // Nothing is left beside it.
    let names: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["decks"]);
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
fn recovers_from_a_run_that_died_between_the_renames() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    write_all(&out, &files(&[("index.html", "1")]), |_| false).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    // The state a crash after the first rename leaves: the old output moved aside, and a
    // half-written new one.
    fs::rename(&out, tmp.path().join(".decks.decksmith-old")).unwrap();
    fs::create_dir_all(tmp.path().join(".decks.decksmith-new")).unwrap();
    write_all(&out, &files(&[("index.html", "2")]), |_| false).unwrap();
    assert_eq!(read(&out.join("index.html")), "2");
    assert_eq!(read(&out.join("notes.txt")), "mine");
    assert!(!tmp.path().join(".decks.decksmith-old").exists());
    assert!(!tmp.path().join(".decks.decksmith-new").exists());
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
        let staging = Staging::begin(&out).unwrap();
        staging.write("index.html", b"half-built").unwrap();
        // A render error: the staging is dropped without a commit.
    }
    assert_eq!(read(&out.join("index.html")), "1");
    assert_eq!(read(&out.join("a/quiz.json")), "q");
    let names: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["decks"]);
}
