//! A course's own look: the pages' theme (`theme/study.css`, or `--theme DIR`) extends or
//! replaces their stylesheet, a bad theme is a clear error that changes nothing, and the
//! print header is on every worksheet and answer key page, and a recall question says what to
//! write, on the worksheet and in the question banks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use base64::Engine;
use decksmith::build::{BuildError, build};
use decksmith::check::check;
use decksmith::content::ContentDir;
use decksmith_tests::{build_ok, copy_tree, fixture, options, read_tree};
use sha2::{Digest, Sha256};

/// The text of the page's one `<style>` element.
fn style(page: &str) -> &str {
    let start = page.find("<style>").expect("a <style> element") + "<style>".len();
    let end = start + page[start..].find("</style>").expect("its end");
    &page[start..end]
}

/// The style hash the page's Content-Security-Policy allows.
fn allowed_style(page: &str) -> &str {
    let start = page.find("style-src ").expect("a style-src") + "style-src ".len();
    let end = start + page[start..].find(';').expect("its end");
    &page[start..end]
}

fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn page(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap()
}

#[test]
fn a_theme_folder_extends_or_replaces_the_pages_stylesheet() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("course");
    copy_tree(&fixture("course"), &content);
    let out = tmp.path().join("decks");
    let mut plain = options(&content, &out);
    plain.formats = vec![decksmith::render::Format::Html];
    build_ok(&plain);
    let built_in = style(&page(&out, "index.html")).to_owned();

    // Extends: the built-in rules, then the course's, which win; the browser is told to
    // allow exactly that stylesheet, on every page.
    fs::create_dir(content.join("theme")).unwrap();
    let rule = ":root { --accent: #7a1f3d; }\n";
    fs::write(content.join("theme/study.css"), rule).unwrap();
    build_ok(&plain);
    for path in [
        "index.html",
        "un-basics/flashcards.html",
        "un-basics/quiz.html",
        "teacher.html",
    ] {
        let html = page(&out, path);
        let css = style(&html);
        assert!(
            css.starts_with(&built_in),
            "{path}: the built-in stylesheet first"
        );
        assert!(css.ends_with(rule), "{path}: the theme last");
        assert_eq!(
            allowed_style(&html),
            sha256(css),
            "{path}: the CSP allows it"
        );
    }

    // Replaces, when it says so on its first line.
    let own = "/* decksmith: replace */\nbody { font-family: serif; }\n";
    fs::write(content.join("theme/study.css"), own).unwrap();
    build_ok(&plain);
    let html = page(&out, "un-basics/flashcards.html");
    assert_eq!(style(&html), own);
    assert_eq!(allowed_style(&html), sha256(own));

    // --theme names another folder, which wins over the course's own.
    let elsewhere = tmp.path().join("school-look");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join("study.css"), "h1 { color: navy; }\n").unwrap();
    let mut themed = plain;
    themed.theme = Some(elsewhere);
    build_ok(&themed);
    let html = page(&out, "index.html");
    assert!(style(&html).ends_with("h1 { color: navy; }\n"));
    assert!(!style(&html).contains("font-family: serif"));
}

#[test]
fn a_bad_theme_is_an_error_at_its_place_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("course");
    copy_tree(&fixture("course"), &content);
    let out = tmp.path().join("decks");
    build_ok(&options(&content, &out));
    let before = read_tree(&out);

    // Text that would end the page's <style> element, and a broken deck: both reported.
    fs::create_dir(content.join("theme")).unwrap();
    fs::write(
        content.join("theme/study.css"),
        "h1 { color: red; }\n  /* </STYLE><script>alert(1)</script> */\n",
    )
    .unwrap();
    let deck = content.join("decks/un-basics.yaml");
    let text = fs::read_to_string(&deck).unwrap();
    fs::write(&deck, text.replace("tags: [un]", "tags: [un")).unwrap();
    match build(&options(&content, &out)) {
        Err(BuildError::Content(diagnostics)) => {
            let shown = diagnostics.render();
            assert_eq!(diagnostics.error_count(), 2, "{shown}");
            assert!(shown.contains("theme/study.css:2:6"), "{shown}");
            assert!(shown.contains("cannot hold `</style`"), "{shown}");
            assert!(shown.contains("decks/un-basics.yaml:"), "{shown}");
        }
        other => panic!("expected content errors, got {other:?}"),
    }
    assert_eq!(read_tree(&out), before, "the previous output changed");
    // `decksmith check` finds the same.
    let checked = check(&ContentDir::new(&content), None).diagnostics.render();
    assert!(checked.contains("theme/study.css:2:6"), "{checked}");

    // A theme folder with a stylesheet by another name, and a --theme that is not there.
    fs::write(&deck, text).unwrap();
    fs::rename(
        content.join("theme/study.css"),
        content.join("theme/style.css"),
    )
    .unwrap();
    let error = |options| match build(&options) {
        Err(BuildError::Content(diagnostics)) => diagnostics.render(),
        other => panic!("expected a content error, got {other:?}"),
    };
    let shown = error(options(&content, &out));
    assert!(
        shown.contains("theme/study.css") && shown.contains("has no `study.css`"),
        "{shown}"
    );
    let mut missing = options(&content, &out);
    missing.theme = Some(tmp.path().join("no-such-theme"));
    let shown = error(missing);
    assert!(
        shown.contains("no-such-theme") && shown.contains("does not exist"),
        "{shown}"
    );
    assert_eq!(read_tree(&out), before, "the previous output changed");

    // A theme folder with no stylesheet at all (it holds the logo, say) is no theme.
    fs::remove_file(content.join("theme/style.css")).unwrap();
    fs::write(content.join("theme/logo.txt"), "not a stylesheet").unwrap();
    build_ok(&options(&content, &out));
}

/// Each page's text of a PDF, as a reader extracts it.
fn pdf_pages(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect()
}

#[test]
fn the_print_header_is_on_every_worksheet_and_answer_key_page() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("course");
    copy_tree(&fixture("course"), &content);
    let course = content.join("course.yaml");
    let text = fs::read_to_string(&course).unwrap();
    fs::write(
        &course,
        format!("{text}print:\n  header: \"  Lyceum No. 2,   class 10B \"\n"),
    )
    .unwrap();
    let out = tmp.path().join("decks");
    let mut pdf = options(&content, &out);
    pdf.formats = vec![decksmith::render::Format::Pdf];
    build_ok(&pdf);
    for deck in ["un-basics", "people-and-dates"] {
        for file in ["worksheet.pdf", "answer-key.pdf"] {
            let pages = pdf_pages(&out.join(deck).join(file));
            assert!(!pages.is_empty());
            for (i, page) in pages.iter().enumerate() {
                assert!(
                    page.contains("Lyceum No. 2, class 10B"),
                    "{deck}/{file} page {}: {page}",
                    i + 1
                );
            }
        }
    }
    // Not on the cards, which are cut apart.
    let cards = pdf_pages(&out.join("un-basics/flashcards.pdf")).concat();
    assert!(!cards.contains("Lyceum"));

    // One line, of a length that fits.
    let long = "A".repeat(81);
    fs::write(&course, format!("{text}print:\n  header: {long}\n")).unwrap();
    match build(&pdf) {
        Err(BuildError::Content(diagnostics)) => {
            let shown = diagnostics.render();
            assert!(shown.contains("course.yaml:"), "{shown}");
            assert!(
                shown.contains("the print header is 81 characters long; at most 80"),
                "{shown}"
            );
        }
        other => panic!("expected a content error, got {other:?}"),
    }
    fs::write(&course, format!("{text}print:\n  header: \"one\\ntwo\"\n")).unwrap();
    match build(&pdf) {
        Err(BuildError::Content(diagnostics)) => {
            let shown = diagnostics.render();
            assert!(shown.contains("more than one line"), "{shown}");
        }
        other => panic!("expected a content error, got {other:?}"),
    }
}

#[test]
fn a_recall_question_says_what_to_write_on_the_worksheet_and_in_every_lms_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("decks");
    let mut opts = options(&fixture("course"), &out);
    opts.formats = vec![
        decksmith::render::Format::Pdf,
        decksmith::render::Format::Json,
        decksmith::render::Format::Moodle,
        decksmith::render::Format::Gift,
        decksmith::render::Format::Qti,
    ];
    build_ok(&opts);
    // The fixture's recall questions show an organization's name: the sheet asks what it
    // is, not only for "your answer", under each of them.
    let quiz = fs::read_to_string(out.join("un-basics/quiz.json")).unwrap();
    let recalls = quiz.matches("\"kind\": \"flashcard\"").count();
    assert!(recalls >= 1, "{quiz}");
    let text = pdf_pages(&out.join("un-basics/worksheet.pdf")).concat();
    assert_eq!(text.matches("Write what it is.").count(), recalls, "{text}");
    assert!(!text.contains("Write your answer."), "{text}");
    // An LMS shows the same front above an empty answer box: the question says it too, as a
    // paragraph after the front.
    let moodle = fs::read_to_string(out.join("un-basics/quiz.moodle.xml")).unwrap();
    let gift = fs::read_to_string(out.join("un-basics/quiz.gift")).unwrap();
    let bytes = fs::read(out.join("un-basics/quiz.qti.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    // The assessment is the member that holds the questions.
    let mut qti = String::new();
    for i in 0..zip.len() {
        let mut member = String::new();
        std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut member).unwrap();
        if member.contains("<questestinterop") {
            qti = member;
        }
    }
    for (file, text, paragraph) in [
        ("quiz.moodle.xml", &moodle, "<p>Write what it is.</p>"),
        ("quiz.gift", &gift, "<p>Write what it is.</p>"),
        ("quiz.qti.zip", &qti, "&lt;p&gt;Write what it is.&lt;/p&gt;"),
    ] {
        assert_eq!(text.matches(paragraph).count(), recalls, "{file}: {text}");
        assert!(!text.contains("Write your answer."), "{file}: {text}");
    }
}

/// Per page of a PDF, whether it draws the logo: its resources name the image and its
/// content shows it.
fn logo_pages(path: &Path) -> Vec<bool> {
    let doc = lopdf::Document::load(path).unwrap();
    doc.get_pages()
        .values()
        .map(|&page| {
            let content = doc.get_page_content(page);
            let shows = String::from_utf8_lossy(&content).contains("/Logo Do");
            let (resources, ids) = doc.get_page_resources(page).unwrap();
            let mut named = resources.is_some_and(|r| has_logo(&doc, r));
            for id in ids {
                named |= doc.get_dictionary(id).is_ok_and(|r| has_logo(&doc, r));
            }
            shows && named
        })
        .collect()
}

/// Whether a resource dictionary names an image `Logo`.
fn has_logo(doc: &lopdf::Document, resources: &lopdf::Dictionary) -> bool {
    let Ok(xobjects) = resources.get(b"XObject") else {
        return false;
    };
    let xobjects = match xobjects {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
        other => other.as_dict().ok(),
    };
    xobjects.is_some_and(|x| x.has(b"Logo"))
}

#[test]
fn the_logo_is_on_every_worksheet_and_answer_key_page_and_a_bad_one_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("course");
    copy_tree(&fixture("course"), &content);
    fs::create_dir(content.join("art")).unwrap();
    let images = fixture("images");
    for name in ["logo.png", "logo.jpg", "not-an-image.png"] {
        fs::copy(images.join(name), content.join("art").join(name)).unwrap();
    }
    let course = content.join("course.yaml");
    let text = fs::read_to_string(&course).unwrap();
    let with_logo = |logo: &str| {
        fs::write(
            &course,
            format!("{text}print:\n  header: Lyceum No. 2\n  logo: {logo}\n"),
        )
        .unwrap();
    };
    let out = tmp.path().join("decks");
    let mut pdf = options(&content, &out);
    pdf.formats = vec![decksmith::render::Format::Pdf];

    for logo in ["art/logo.png", "art/logo.jpg"] {
        with_logo(logo);
        build_ok(&pdf);
        for deck in ["un-basics", "people-and-dates"] {
            for file in ["worksheet.pdf", "answer-key.pdf"] {
                let pages = logo_pages(&out.join(deck).join(file));
                assert!(!pages.is_empty());
                assert!(pages.iter().all(|&p| p), "{logo}: {deck}/{file}: {pages:?}");
                // Beside it, the header.
                assert!(
                    pdf_pages(&out.join(deck).join(file))
                        .iter()
                        .all(|p| p.contains("Lyceum No. 2"))
                );
            }
        }
        // Not on the cards, which are cut apart.
        assert!(
            logo_pages(&out.join("un-basics/flashcards.pdf"))
                .iter()
                .all(|&p| !p)
        );
    }
    // The same logo, the same bytes.
    with_logo("art/logo.png");
    build_ok(&pdf);
    let first = read_tree(&out);
    build_ok(&pdf);
    assert_eq!(first, read_tree(&out));

    // A logo that cannot be printed is an error at `logo:`, with the others, and the
    // output stays as it was.
    for (logo, message) in [
        ("art/missing.png", "failed to read the logo"),
        (
            "art/not-an-image.png",
            "cannot be printed: it is not a PNG or JPEG image",
        ),
        ("../outside.png", "is not a path inside the course folder"),
        ("art/logo.gif", "is not a PNG or JPEG file"),
    ] {
        with_logo(logo);
        match build(&pdf) {
            Err(BuildError::Content(diagnostics)) => {
                let shown = diagnostics.render();
                assert!(shown.contains("course.yaml:"), "{logo}: {shown}");
                assert!(shown.contains(message), "{logo}: {shown}");
            }
            other => panic!("{logo}: expected a content error, got {other:?}"),
        }
        assert_eq!(first, read_tree(&out), "{logo}: the output changed");
        let report = check(&ContentDir::new(&content), None);
        assert!(
            report.diagnostics.render().contains(message),
            "check, {logo}"
        );
    }
}
