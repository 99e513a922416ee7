//! The `decksmith` command as a teacher runs it: exit codes, messages, help.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/course")
}

fn decksmith(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn copy_course(to: &Path) {
    for dir in ["", "decks"] {
        fs::create_dir_all(to.join(dir)).unwrap();
        for entry in fs::read_dir(fixture().join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
}

#[test]
fn check_passes_a_good_course() {
    let out = decksmith(&["check", "--content", fixture().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 decks, 20 entries; 0 errors, 0 warnings"));
}

#[test]
fn a_renamed_interface_string_is_named_by_its_new_key() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    let file = course.join("course.yaml");
    let mut yaml = fs::read_to_string(&file).unwrap();
    yaml.push_str("strings:\n  pdf.how.recall.term: \"Say what it means.\"\n");
    fs::write(&file, yaml).unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("error: unknown interface string `pdf.how.recall.term`"),
        "{err}"
    );
    assert!(
        err.contains("= help: this string is now called `q.recall.term`: rename the key"),
        "{err}"
    );
}

#[test]
fn check_reports_every_error_with_its_place_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    let deck = course.join("decks/un-basics.yaml");
    let yaml = fs::read_to_string(&deck)
        .unwrap()
        .replace(
            "    source: forum\n  - id: sco",
            "    sorce: forum\n  - id: sco",
        )
        .replace(
            "source: { id: news, quote: \"107",
            "source: { id: newz, quote: \"107",
        );
    fs::write(&deck, yaml).unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let shown = format!("{}/decks/un-basics.yaml", course.display());
    assert!(
        err.contains(&format!(
            "{shown}:38:5: error: unknown key `sorce:` in this organization entry"
        )),
        "{err}"
    );
    assert!(err.contains("= help: did you mean `source:`?"), "{err}");
    assert!(
        err.contains(&format!("{shown}:46:19: error: unknown source `newz`")),
        "{err}"
    );
    assert!(err.contains("= help: did you mean `news`?"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
    // The source line is shown under the message, with the place marked.
    assert!(err.contains("    sorce: forum\n"), "{err}");
}

#[test]
fn a_missing_course_folder_is_explained() {
    let out = decksmith(&["check", "--content", "/nonexistent/course"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("the course folder `/nonexistent/course` does not exist"),
        "{err}"
    );
    assert!(err.contains("help: point --content at the folder"), "{err}");
}

#[test]
fn build_prints_a_line_per_deck_and_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("decks");
    let out = decksmith(&[
        "build",
        "--content",
        fixture().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("un-basics ") && lines[0].contains("quiz.json"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("people-and-dates ") && lines[1].contains("3 questions"),
        "{stdout}"
    );
    // The generation report follows: what could not be made in each deck, and why.
    assert_eq!(
        lines[2], "generation report: questions not made, and why",
        "{stdout}"
    );
    assert!(
        stdout.contains("sco:multiple-choice:description: the course has 1 wrong option of its type (organization)"),
        "{stdout}"
    );
    // Each help stands right under the lines it answers.
    let sco = lines
        .iter()
        .position(|l| l.contains("sco:multiple-choice:description"))
        .unwrap();
    let help = lines[sco..].iter().find(|l| !l.contains(".yaml:")).unwrap();
    assert!(
        help.starts_with("      = help: add entries of that type"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("open {}", out_dir.join("index.html").display())),
        "{stdout}"
    );
    assert!(out_dir.join("un-basics/quiz.json").is_file());
}

#[test]
fn variant_forms_get_a_qti_package_and_a_moodle_file_each_listed_on_the_teacher_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("decks");
    let out = decksmith(&[
        "build",
        "--content",
        fixture().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--format",
        "qti",
        "--format",
        "moodle",
        "--variants",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Question banks hold the answers: the teacher page lists them, the index never.
    let index = fs::read_to_string(out_dir.join("index.html")).unwrap();
    let teacher = fs::read_to_string(out_dir.join("teacher.html")).unwrap();
    // Its lead names each file an LMS imports, and which LMS takes it.
    for named in [
        "quiz.moodle.xml and quiz.gift for Moodle",
        "quiz.qti.zip for Canvas and Brightspace",
    ] {
        assert!(
            teacher.contains(named),
            "the teacher page does not say {named}"
        );
    }
    for deck in ["un-basics", "people-and-dates"] {
        let mut names: Vec<String> = fs::read_dir(out_dir.join(deck))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "quiz-A.moodle.xml",
                "quiz-A.qti.zip",
                "quiz-B.moodle.xml",
                "quiz-B.qti.zip",
                "quiz.moodle.xml",
                "quiz.qti.zip"
            ],
            "{deck}"
        );
        for (file, label) in [
            ("quiz.qti.zip", "Quiz (QTI: Canvas, Brightspace)"),
            ("quiz-B.qti.zip", "Quiz, form B (QTI: Canvas, Brightspace)"),
            ("quiz-A.moodle.xml", "Quiz, form A (Moodle XML)"),
        ] {
            let link = format!("<a href=\"{deck}/{file}\">{label}</a>");
            assert!(teacher.contains(&link), "{link} is not on the teacher page");
            assert!(!index.contains(&link), "{link} is on the index");
        }
        // A form's Moodle questions go to a category of its own inside the deck's.
        let moodle = fs::read_to_string(out_dir.join(deck).join("quiz-B.moodle.xml")).unwrap();
        assert!(moodle.contains("/Form B</text>"), "{moodle}");
    }
}

#[test]
fn usage_errors_exit_2_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("decks");
    let out = decksmith(&[
        "build",
        "--content",
        fixture().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--deck",
        "un-basic",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("the course has no deck `un-basic`"), "{err}");
    assert!(err.contains("did you mean `un-basics`?"), "{err}");
    assert!(!out_dir.exists(), "nothing is written on a usage error");

    let out = decksmith(&["build", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no format `docx`; the formats are: html"),
        "{}",
        text(&out.stderr)
    );
    let out = decksmith(&["build", "--variants", "40"]);
    assert_eq!(out.status.code(), Some(2));
    let out = decksmith(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_failed_build_says_the_output_was_not_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    fs::write(course.join("decks/un-basics.yaml"), "title: [broken\n").unwrap();
    let out_dir = tmp.path().join("decks");
    let out = decksmith(&[
        "build",
        "--content",
        course.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{} was not changed", out_dir.display())),
        "{err}"
    );
    assert!(!out_dir.exists());
}

#[test]
fn help_speaks_to_teachers() {
    let out = decksmith(&["build", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for words in [
        "--content <DIR>",
        "--out <DIR>",
        "--seed <N>",
        "--deck <ID>",
        "--format <FORMAT>",
        "--paper",
        "--variants <N>",
        "previous output stays exactly as it was",
    ] {
        assert!(help.contains(words), "{words} missing from:\n{help}");
    }
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    let deck = course.join("decks/un-basics.yaml");
    // An entry without a source is a warning.
    let yaml = fs::read_to_string(&deck)
        .unwrap()
        .replace("    source: forum\n  - id: sco", "  - id: sco");
    fs::write(&deck, yaml).unwrap();
    let args = ["check", "--content", course.to_str().unwrap()];
    assert_eq!(decksmith(&args).status.code(), Some(0));
    let out = decksmith(&[args[0], args[1], args[2], "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cites no source"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn timings_name_each_stage_and_format_and_flashcards_pdf_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("decks");
    let json_path = tmp.path().join("timings.json");
    let out = decksmith(&[
        "build",
        "--content",
        fixture().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--format",
        "pdf",
        "--format",
        "tsv",
        &format!("--timings={}", json_path.display()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // One line, in the columns of the formats': `  incl. flashcards.pdf    12.3 ms …`.
    let line = stdout
        .lines()
        .find(|l| l.contains("incl. flashcards.pdf"))
        .unwrap_or_else(|| panic!("no line for flashcards.pdf: {stdout}"));
    let pdf = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("pdf "))
        .unwrap();
    assert_eq!(line.find(" ms"), pdf.find(" ms"), "{stdout}");

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_path).unwrap()).unwrap();
    let size = |name: &str| -> u64 {
        ["un-basics", "people-and-dates"]
            .iter()
            .map(|deck| fs::metadata(out_dir.join(deck).join(name)).unwrap().len())
            .sum()
    };
    let pdfs = size("flashcards.pdf") + size("worksheet.pdf") + size("answer-key.pdf");
    assert_eq!(json["formats"]["pdf"]["bytes"], pdfs);
    assert_eq!(json["formats"]["tsv"]["bytes"], size("cards.tsv"));
    assert_eq!(
        json["files"]["flashcards.pdf"]["bytes"],
        size("flashcards.pdf")
    );
    let ms = |v: &serde_json::Value| v["render_ms"].as_f64().unwrap();
    assert!(ms(&json["files"]["flashcards.pdf"]) <= ms(&json["formats"]["pdf"]));
    assert!(json["formats"].get("html").is_none(), "{json}");
    for stage in [
        "read",
        "load and validate",
        "generate",
        "render and write decks",
    ] {
        assert!(json["stages_ms"][stage].is_f64(), "{stage}: {json}");
    }
    assert_eq!(json["decks"], 2);
}

#[test]
fn check_looks_every_quote_up_in_the_sources_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/quotes");
    let out = Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(["check", "--content", "."])
        .current_dir(&dir)
        .output()
        .unwrap();
    let err = text(&out.stderr);
    // A source's missing text is an error at its `file:`.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sources.yaml:10:11: error: failed to read `sources/no-such-file.txt`, the text of source `missing`"),
        "{err}"
    );
    // A quote found twice, and one not found, each at the quote, the latter with the closest
    // passage to copy.
    assert!(
        err.contains("decks/d.yaml:7:34: warning: the quote \"escalating for three years\" occurs 2 times in sources/report.txt"),
        "{err}"
    );
    assert!(
        err.contains("decks/d.yaml:11:34: warning: the quote \"participants from forty countries\" does not occur in sources/report.txt"),
        "{err}"
    );
    assert!(
        err.contains("help: the closest passage is \"participants from 40 countries.\""),
        "{err}"
    );
    // Quotes found once pass, whatever their quotation marks and case.
    assert!(!err.contains("more than 300 participants"), "{err}");
    assert!(!err.contains("digital divide"), "{err}");
}

#[test]
fn a_binary_source_text_is_an_error_that_does_not_call_it_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/quotes");
    for dir in ["", "decks", "sources"] {
        fs::create_dir_all(tmp.path().join(dir)).unwrap();
        for entry in fs::read_dir(from.join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), tmp.path().join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
    // A PDF saved where its text should be.
    fs::write(
        tmp.path().join("sources/report.txt"),
        b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe binary",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(["check", "--content", "."])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sources.yaml:6:11: error: the text of source `report` cannot be read: file is binary data, not text"),
        "{err}"
    );
    assert!(
        err.contains("help: save the source's text as plain UTF-8 text or Markdown"),
        "{err}"
    );
    assert!(!err.contains("YAML"), "{err}");
}

#[test]
fn check_lays_out_the_pdfs_and_warns_as_build_does() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    let deck = course.join("decks/un-basics.yaml");
    // A meaning far too long for a card, and a character the PDF font does not have.
    let long = "a group of experts that meets every year to discuss ".repeat(40);
    let yaml = fs::read_to_string(&deck)
        .unwrap()
        .replace(
            "meaning: The UN group on ICT security open to every member state",
            &format!("meaning: The UN group on ICT security open to every member state, {long}"),
        )
        .replace(
            "meaning: The UN group of experts on ICT security led by Washington",
            "meaning: The UN group of experts on ICT security led by Washington 漢",
        );
    fs::write(&deck, yaml).unwrap();
    let args = ["check", "--content", course.to_str().unwrap()];
    let out = decksmith(&args);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("does not fit on a"), "{said}");
    assert!(said.contains("has no glyph for `漢`"), "{said}");
    assert!(said.contains("un-basics.yaml:"), "{said}");
    // The same warnings fail `check --deny-warnings`, as they fail `build --deny-warnings`.
    let out = decksmith(&[args[0], args[1], args[2], "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

/// A teacher's own notes, named once for the whole deck: twenty entries, no `source:` on
/// any, no warning (each used to warn that it cited no source).
#[test]
fn a_deck_of_ones_own_notes_checks_without_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path();
    fs::create_dir(course.join("decks")).unwrap();
    fs::write(course.join("course.yaml"), "title: Cell biology\n").unwrap();
    fs::write(
        course.join("sources.yaml"),
        "sources:\n  - id: my-notes\n    kind: notes\n",
    )
    .unwrap();
    let organelles = [
        ("nucleus", "holds the cell's DNA"),
        ("mitochondrion", "makes most of the cell's ATP"),
        ("ribosome", "builds proteins from amino acids"),
        ("lysosome", "breaks down worn-out parts of the cell"),
        ("chloroplast", "carries out photosynthesis in plant cells"),
        ("vacuole", "stores water and salts in plant cells"),
        ("cell wall", "gives plant cells a rigid shape"),
        (
            "cytoplasm",
            "the jelly that fills the cell around the organelles",
        ),
        (
            "Golgi apparatus",
            "packs proteins for transport out of the cell",
        ),
        (
            "centriole",
            "organizes the spindle when an animal cell divides",
        ),
    ];
    let mut deck = String::from("title: Organelles\nsource: my-notes\nentries:\n");
    for (name, what) in organelles {
        deck.push_str(&format!(
            "  - term: {name}\n    meaning: The part that {what}\n"
        ));
    }
    for (name, what) in organelles {
        deck.push_str(&format!(
            "  - fact: The {{{name}}} {}.\n",
            what.trim_start_matches("the ")
        ));
    }
    deck.push_str("quiz:\n  questions: 4\n  kinds: [multiple-choice, cloze]\n");
    fs::write(course.join("decks/organelles.yaml"), deck).unwrap();
    let out = decksmith(&[
        "check",
        "--content",
        course.to_str().unwrap(),
        "--deny-warnings",
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}{stdout}", text(&out.stderr));
    assert!(
        stdout.contains("20 entries; 0 errors, 0 warnings"),
        "{stdout}"
    );
}

/// One of a thing is said in the singular: "1 deck, 1 entry", "1 other person", "asks for
/// 1 question"; and a timeline's shortfall is "fewer than 3 events", not "no 3 events".
#[test]
fn one_of_a_thing_is_said_in_the_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path();
    fs::create_dir(course.join("decks")).unwrap();
    fs::write(
        course.join("course.yaml"),
        "title: One of each\nsource: none\n",
    )
    .unwrap();
    fs::write(course.join("sources.yaml"), "sources: []\n").unwrap();
    fs::write(
        course.join("decks/one.yaml"),
        "title: One\nentries:\n  - person: Ada Lovelace\n    role: Mathematician who wrote the first published program\nquiz:\n  questions: 1\n  kinds: [timeline]\n",
    )
    .unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap()]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.contains(": 1 deck, 1 entry; 0 errors, 2 warnings"),
        "{stdout}{stderr}"
    );
    assert!(
        stderr.contains(
            "asks for timeline questions, but it has fewer than 3 events whose order is certain"
        ),
        "{stderr}"
    );

    fs::write(
        course.join("decks/one.yaml"),
        "title: One\nentries:\n  - person: Ada Lovelace\n    role: Mathematician who wrote the first published program\n  - person: Charles Babbage\n    role: Mathematician who designed the Analytical Engine\n  - quote: The Analytical Engine weaves algebraic patterns.\n    by: Ada Lovelace\nquiz:\n  questions: 1\n  kinds: [who]\n",
    )
    .unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the course names 1 other person, and 4 options need 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("asks for 1 question, but none could be made"),
        "{stderr}"
    );
    assert!(!stderr.contains("only 0"), "{stderr}");
}

/// None of a thing is said as none: "no other people", "none could be made", never "0".
#[test]
fn none_of_a_thing_is_said_as_none() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path();
    fs::create_dir(course.join("decks")).unwrap();
    fs::write(
        course.join("course.yaml"),
        "title: None of them\nsource: none\n",
    )
    .unwrap();
    fs::write(course.join("sources.yaml"), "sources: []\n").unwrap();
    fs::write(
        course.join("decks/one.yaml"),
        "title: One\nentries:\n  - person: Ada Lovelace\n    role: Mathematician who wrote the first published program\n  - quote: The Analytical Engine weaves algebraic patterns.\n    by: Ada Lovelace\nquiz:\n  questions: 1\n  kinds: [who]\n",
    )
    .unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap(), "--report"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stderr.contains("the course names no other people, and 4 options need 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("deck `one` asks for 1 question, but none could be made"),
        "{stderr}"
    );
    assert!(
        stdout.contains(
            "person-ada-lovelace:who:is: the course names no other people who fit as options"
        ),
        "{stdout}"
    );
    for zero in ["only 0", "0 other", "0 different"] {
        assert!(
            !stdout.contains(zero) && !stderr.contains(zero),
            "{stdout}{stderr}"
        );
    }
}

/// An output folder holding someone else's files is refused with exit code 3, apart from
/// content errors (1) and usage errors (2); nothing in it is touched.
#[test]
fn an_occupied_out_exits_3() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    fs::write(out_dir.join("thesis.docx"), "mine").unwrap();
    let out = decksmith(&[
        "build",
        "--content",
        fixture().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("already holds files that decksmith did not make"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(out_dir.join("thesis.docx")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 1);
}

/// `--format`'s help names every format, the exports among them, with what each is.
#[test]
fn the_format_help_lists_every_format() {
    let out = decksmith(&["build", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for format in decksmith::Format::ALL {
        assert!(
            help.contains(&format!("{} (", format.name())),
            "{} is not described in:\n{help}",
            format.name()
        );
    }
    assert!(help.contains("apkg (Anki)"), "{help}");
}

/// A quiz whose kinds could not give the share their weights ask for says so in the
/// report: here one matching set is all four terms make, so typed answers take the place
/// of the second.
#[test]
fn the_report_says_which_kinds_gave_fewer_questions_than_their_weights_ask() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path();
    fs::create_dir(course.join("decks")).unwrap();
    fs::write(course.join("course.yaml"), "title: Cells\nsource: notes\n").unwrap();
    fs::write(
        course.join("sources.yaml"),
        "sources:\n  - id: notes\n    kind: notes\n",
    )
    .unwrap();
    let mut deck = String::from("title: Organelles\nentries:\n");
    for (name, what, fact) in [
        (
            "nucleus",
            "The part that holds the DNA",
            "The nucleus holds the {DNA}.",
        ),
        (
            "ribosome",
            "The part that builds proteins",
            "Ribosomes build {proteins}.",
        ),
        (
            "vacuole",
            "The part that stores water",
            "Vacuoles store {water}.",
        ),
        (
            "chloroplast",
            "The part that captures light",
            "Chloroplasts capture {light}.",
        ),
    ] {
        deck.push_str(&format!(
            "  - term: {name}\n    meaning: {what}\n  - fact: {fact}\n"
        ));
    }
    deck.push_str("  - fact: Cells divide by {mitosis}.\n  - fact: Robert Hooke named the cell in {1665}.\n  - fact: Most cells are too small to see without a {microscope}.\n");
    deck.push_str("quiz:\n  questions: 4\n  kinds: { matching: 1, cloze: 1 }\n");
    fs::write(course.join("decks/cells.yaml"), deck).unwrap();
    let out = decksmith(&["check", "--content", course.to_str().unwrap(), "--report"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "fewer than the kinds' weights ask for, other kinds taking their places: matching 1 of 2 (only 1 can be made)"
        ),
        "{stdout}{}",
        text(&out.stderr)
    );
}

/// `check --theme DIR` checks a shared theme as `build --theme DIR` reads it, in place of the
/// course's own `theme/` folder.
#[test]
fn check_reads_the_theme_a_build_would() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_course(&course);
    let shared = tmp.path().join("shared-theme");
    fs::create_dir(&shared).unwrap();
    fs::write(shared.join("study.css"), "h1 { color: red; } </style>\n").unwrap();
    let content = course.to_str().unwrap();
    let theme = shared.to_str().unwrap();

    let out = decksmith(&["check", "--content", content, "--theme", theme]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("shared-theme/study.css:1:20: error: a stylesheet cannot hold `</style`"),
        "{stderr}"
    );

    // Fixed, it checks clean; the course's own (broken) theme is not the one read.
    fs::write(shared.join("study.css"), "h1 { color: red; }\n").unwrap();
    fs::create_dir(course.join("theme")).unwrap();
    fs::write(course.join("theme/study.css"), "</style>\n").unwrap();
    let out = decksmith(&["check", "--content", content, "--theme", theme]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = decksmith(&["check", "--content", content]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the course's theme is checked without --theme"
    );

    let missing = tmp.path().join("no-such-theme");
    let out = decksmith(&[
        "check",
        "--content",
        content,
        "--theme",
        missing.to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no-such-theme") && stderr.contains("does not exist"),
        "{stderr}"
    );
}
