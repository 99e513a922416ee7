//! A teacher's inline markup (`*italics*`, `**bold**`, `H~2~O`, `x^2^`, backslash escapes)
//! followed into every format of the markup fixture (`tests/fixtures/markup`): HTML elements
//! in the pages and the exports, faces and sizes in the PDFs, plain text wherever a student
//! types or picks from a menu. (The browser suite checks the pages' DOM, the export suite
//! Anki's and gift-pegjs's reading, the PDF suite pdffonts and pdftotext.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use decksmith_tests::{build_ok, fixture, options, read_tree};

fn text(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} built"))
            .clone(),
    )
    .unwrap()
}

/// The base fonts a PDF uses, by name without the subset tag.
fn pdf_fonts(bytes: &[u8]) -> BTreeSet<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut names = BTreeSet::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && let Ok(name) = dict.get(b"BaseFont").and_then(|n| n.as_name())
        {
            let name = String::from_utf8_lossy(name);
            names.insert(name.split_once('+').map_or(&*name, |(_, n)| n).to_owned());
        }
    }
    names
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

#[test]
fn markup_is_html_in_pages_and_exports_and_plain_where_typed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_ok(&options(&fixture("markup"), &out));
    let files = read_tree(&out);

    let cards = text(&files, "lab/flashcards.html");
    assert!(cards.contains(r#"<p class="main"><em>Escherichia coli</em></p>"#));
    assert!(cards.contains("the <strong>workhorse</strong> of molecular biology"));
    assert!(cards.contains("C<sub>6</sub>H<sub>12</sub>O<sub>6</sub>, the sugar"));
    assert!(
        !cards.contains("*Escherichia"),
        "no stars left on the cards"
    );

    let quiz = text(&files, "lab/quiz.html");
    assert!(quiz.contains("disproved the <em>spontaneous generation</em> of life"));
    // Escapes are the characters themselves.
    assert!(quiz.contains("An asterisk is written * and a caret ^ when they are not markup"));
    // A menu's options and the answers checked against what a student types are plain.
    assert!(
        quiz.contains(">c. C6H12O6, the sugar most cells burn for energy</option>")
            || quiz.contains(". C6H12O6, the sugar most cells burn for energy</option>")
    );
    assert!(quiz.contains(r#""accept":[["CO2"]]"#));
    assert!(!quiz.contains("CO~2~") && !quiz.contains("*Penicillium"));

    // Anki (TSV and the package): fields are HTML.
    let tsv = text(&files, "lab/cards.tsv");
    assert!(tsv.contains("<em>Escherichia coli</em>"));
    assert!(tsv.contains("H<sub>2</sub>O, the solvent of every cell"));
    let apkg = String::from_utf8_lossy(&{
        let bytes = files.get("lab/deck.apkg").unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut all = Vec::new();
        for i in 0..zip.len() {
            std::io::Read::read_to_end(&mut zip.by_index(i).unwrap(), &mut all).unwrap();
        }
        all
    })
    .into_owned();
    assert!(apkg.contains("<em>Escherichia coli</em>"));

    // Moodle XML and GIFT: HTML in the texts, plain typed answers and menu answers.
    let moodle = text(&files, "lab/quiz.moodle.xml");
    assert!(moodle.contains("<em>spontaneous generation</em>"));
    assert!(moodle.contains("<text>CO2</text>"));
    assert!(moodle.contains("<text>C6H12O6, the sugar most cells burn for energy</text>"));
    assert!(!moodle.contains("CO~2~") && !moodle.contains("&lt;em&gt;"));
    let gift = text(&files, "lab/quiz.gift");
    assert!(gift.contains("\t=CO2\n"));
    assert!(gift.contains("<em>spontaneous generation</em>"));
    // The names a question bank lists them by are plain.
    assert!(!moodle.contains("<name>\n      <text>*") && !gift.contains("::*"));

    // The PDFs: italics in the oblique face, no markup characters in the text.
    let worksheet = files.get("lab/worksheet.pdf").unwrap();
    let fonts = pdf_fonts(worksheet);
    assert!(fonts.contains("DejaVuSans-Oblique"), "{fonts:?}");
    let printed = pdf_text(worksheet);
    assert!(
        !printed.contains("*Penicillium") && !printed.contains("~2~"),
        "{printed}"
    );
    assert!(pdf_fonts(files.get("lab/flashcards.pdf").unwrap()).contains("DejaVuSans-Oblique"));
}

#[test]
fn a_course_without_markup_embeds_no_oblique_face() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut opts = options(&fixture("course"), &out);
    opts.formats = vec![decksmith::render::Format::Pdf];
    build_ok(&opts);
    for (path, bytes) in read_tree(&out) {
        if path.ends_with(".pdf") {
            let fonts = pdf_fonts(&bytes);
            assert!(
                fonts.iter().all(|f| !f.contains("Oblique")),
                "{path}: {fonts:?}"
            );
        }
    }
}
