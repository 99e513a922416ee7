//! The PDFs read back with a real PDF reader (lopdf): every piece of text with its font,
//! size and position, its width taken from the PDF's own `/W` widths as a viewer takes it.
//! Cards are found by where their text is, not only by what it says.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers of tests: a failed expectation is a failed test

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use decksmith_model::{
    CardLayout, ContentInput, Course, Diagnostic, Duplex, LoadOptions, Location, Paper, Pos,
    SourceFile, load,
};
use decksmith_pdf::fonts::Fonts;
use decksmith_pdf::plan::{Grid, MM, Rect};
use decksmith_pdf::worksheet::Sheet;
use decksmith_pdf::{Context, Pdfs, PrintOverrides, deck_files, quiz_pdf};
use decksmith_quiz::{Body, DeckOutput, GenerateOptions, Generated, Question, Quiz, generate};
use lopdf::{Document, Object};

// ---------------------------------------------------------------------------------------
// Reading PDFs

/// A piece of text shown with one `Tj`/`TJ`.
#[derive(Clone, Debug)]
struct Run {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    width: f32,
    text: String,
}

#[derive(Debug)]
struct ReadPage {
    width: f32,
    height: f32,
    runs: Vec<Run>,
}

impl ReadPage {
    /// The runs that start inside `rect`, top to bottom then left to right.
    fn runs_in(&self, rect: Rect) -> Vec<&Run> {
        let mut runs: Vec<&Run> = self
            .runs
            .iter()
            .filter(|r| rect.contains((r.x + 0.01, r.y)))
            .collect();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        runs
    }

    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

struct FontInfo {
    encoding: lopdf::Encoding<'static>,
    widths: BTreeMap<u16, f32>,
    bold: bool,
}

fn number(o: &Object) -> f32 {
    o.as_float()
        .unwrap_or_else(|_| o.as_i64().map(|i| i as f32).unwrap_or(0.0))
}

/// The `/W` array of a Type0 font's descendant: code → width in thousandths of an em.
fn widths(doc: &Document, font: &lopdf::Dictionary) -> BTreeMap<u16, f32> {
    let mut out = BTreeMap::new();
    let Ok(desc) = font.get(b"DescendantFonts").and_then(Object::as_array) else {
        return out;
    };
    let Some(first) = desc.first() else {
        return out;
    };
    let (_, first) = doc.dereference(first).expect("descendant");
    let Ok(dict) = first.as_dict() else {
        return out;
    };
    let Ok(w) = dict.get(b"W").and_then(Object::as_array) else {
        return out;
    };
    let mut i = 0;
    while i + 1 < w.len() {
        let start = number(&w[i]) as u16;
        if let Ok(list) = w[i + 1].as_array() {
            for (k, v) in list.iter().enumerate() {
                out.insert(start + k as u16, number(v));
            }
            i += 2;
        } else {
            let end = number(&w[i + 1]) as u16;
            let v = number(&w[i + 2]);
            for c in start..=end {
                out.insert(c, v);
            }
            i += 3;
        }
    }
    out
}

/// A page's attribute, from the page or the nearest node of the page tree above it that has it
/// (media box and resources are inherited: ISO 32000-1, 7.7.3.4).
fn inherited<'a>(
    doc: &'a Document,
    mut node: &'a lopdf::Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn read(bytes: &[u8]) -> Vec<ReadPage> {
    // The encodings borrow from the document: keep it for the test's life.
    let doc: &'static Document = Box::leak(Box::new(
        Document::load_mem(bytes).expect("lopdf reads the PDF"),
    ));
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).expect("page");
        let media = inherited(doc, page, b"MediaBox")
            .and_then(|o| o.as_array().ok())
            .expect("media box");
        let mut fonts: BTreeMap<Vec<u8>, FontInfo> = BTreeMap::new();
        for (name, dict) in doc.get_page_fonts(id).expect("fonts") {
            let base = dict
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .unwrap_or(b"");
            fonts.insert(
                name,
                FontInfo {
                    encoding: dict.get_font_encoding(doc).expect("an encoding"),
                    widths: widths(doc, dict),
                    bold: String::from_utf8_lossy(base).contains("Bold"),
                },
            );
        }
        let content = doc.get_and_decode_page_content(id).expect("content");
        let mut font: Option<&FontInfo> = None;
        let mut size = 0.0;
        let (mut x, mut y) = (0.0, 0.0);
        let mut runs = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0].as_name().ok().and_then(|n| fonts.get(n));
                    size = number(&op.operands[1]);
                }
                // The start of the line: set by Tm, moved by Td from the previous line's
                // start (the text is never scaled or rotated), reset by BT.
                "BT" => (x, y) = (0.0, 0.0),
                "Tm" => {
                    x = number(&op.operands[4]);
                    y = number(&op.operands[5]);
                }
                "Td" => {
                    x += number(&op.operands[0]);
                    y += number(&op.operands[1]);
                }
                "Tj" | "TJ" => {
                    let f = font.expect("a font is set before text");
                    let strings: Vec<&[u8]> = match op.operator.as_str() {
                        "Tj" => vec![op.operands[0].as_str().expect("a string")],
                        _ => op.operands[0]
                            .as_array()
                            .expect("an array")
                            .iter()
                            .filter_map(|o| o.as_str().ok())
                            .collect(),
                    };
                    let mut text = String::new();
                    let mut width = 0.0;
                    for s in strings {
                        text.push_str(&Document::decode_text(&f.encoding, s).expect("decodes"));
                        for pair in s.chunks(2) {
                            let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                            width += f.widths.get(&code).copied().unwrap_or(1000.0) * size / 1000.0;
                        }
                    }
                    runs.push(Run {
                        x,
                        y,
                        size,
                        bold: f.bold,
                        width,
                        text,
                    });
                }
                _ => {}
            }
        }
        pages.push(ReadPage {
            width: number(&media[2]),
            height: number(&media[3]),
            runs,
        });
    }
    pages
}

/// Text with all whitespace removed, for comparing wrapped text with its source.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---------------------------------------------------------------------------------------
// Courses

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load().expect("fonts"))
}

fn course_from(files: &[(&str, &str)]) -> Course {
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, t)| SourceFile::new(*n, *t))
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let input = ContentInput {
        course: file("course.yaml"),
        sources: file("sources.yaml"),
        decks: files
            .iter()
            .filter(|(n, _)| n.starts_with("decks/"))
            .map(|(n, t)| SourceFile::new(*n, *t))
            .collect(),
    };
    let loaded = load(&input, &LoadOptions::default());
    let errors: Vec<String> = loaded.diagnostics.iter().map(|d| d.headline()).collect();
    loaded
        .course
        .unwrap_or_else(|| panic!("the fixture course loads: {errors:#?}"))
}

/// The bundled course, generated once.
fn bundled() -> &'static (Course, Generated) {
    static BUNDLED: OnceLock<(Course, Generated)> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let read = |p: &Path| std::fs::read_to_string(p).expect("content file");
        let mut files = vec![
            ("course.yaml".to_owned(), read(&dir.join("course.yaml"))),
            ("sources.yaml".to_owned(), read(&dir.join("sources.yaml"))),
        ];
        let mut decks: Vec<_> = std::fs::read_dir(dir.join("decks"))
            .expect("decks")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        decks.sort();
        for p in decks {
            let name = format!("decks/{}", p.file_name().expect("name").to_string_lossy());
            files.push((name, read(&p)));
        }
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let course = course_from(&refs);
        let (generated, _) = generate(
            &course,
            &GenerateOptions {
                seed: None,
                variants: 2,
            },
        );
        (course, generated)
    })
}

fn generated(course: &Course) -> Generated {
    generate(
        course,
        &GenerateOptions {
            seed: None,
            variants: 0,
        },
    )
    .0
}

fn render(course: &Course, output: &DeckOutput, overrides: &PrintOverrides) -> Pdfs {
    let deck = course.deck(&output.deck).expect("deck");
    deck_files(fonts(), overrides, course, deck, output).expect("renders")
}

fn file<'a>(rendered: &'a Pdfs, name: &str) -> &'a [u8] {
    rendered
        .files
        .iter()
        .find(|f| f.path.ends_with(&format!("/{name}")))
        .map(|f| f.bytes.as_slice())
        .unwrap_or_else(|| {
            panic!(
                "no {name} among {:?}",
                rendered.files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
}

fn headlines(warnings: &[Diagnostic]) -> Vec<String> {
    warnings.iter().map(|d| d.headline()).collect()
}

const SOURCES: &str =
    "sources:\n  - id: src\n    title: A source\n    short: Src short\n    kind: news\n";

// ---------------------------------------------------------------------------------------
// Flashcards

/// Checks every card's front in its cell and its back in the cell behind it.
fn check_flashcards(
    course: &Course,
    output: &DeckOutput,
    layout: CardLayout,
    duplex: Duplex,
    calibration_pages: usize,
) -> Vec<ReadPage> {
    let overrides = PrintOverrides {
        paper: Some(Paper::A4),
        layout: Some(layout),
        duplex: Some(duplex),
    };
    let rendered = render(course, output, &overrides);
    let pages = read(file(&rendered, "flashcards.pdf"));
    let grid = Grid::new(layout, Paper::A4);
    let per_page = grid.columns * grid.rows;
    assert_eq!(
        pages.len(),
        calibration_pages + 2 * output.cards.len().div_ceil(per_page),
        "{layout:?}"
    );
    for (i, card) in output.cards.iter().enumerate() {
        let sheet = i / per_page;
        let (row, column) = ((i % per_page) / grid.columns, (i % per_page) % grid.columns);
        // The sheet turns over its long edge: columns swap; over its short edge: rows.
        let (back_row, back_column) = match duplex {
            Duplex::LongEdge => (row, grid.columns - 1 - column),
            Duplex::ShortEdge => (grid.rows - 1 - row, column),
        };
        let front_page = &pages[calibration_pages + 2 * sheet];
        let back_page = &pages[calibration_pages + 2 * sheet + 1];
        for (page, cell, side, what) in [
            (front_page, grid.cell(row, column), &card.front, "front"),
            (
                back_page,
                grid.cell(back_row, back_column),
                &card.back,
                "back",
            ),
        ] {
            let runs = page.runs_in(cell);
            let text = squash(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
            for part in std::iter::once(&side.text).chain(side.lines.iter().map(|l| &l.text)) {
                assert!(
                    text.contains(&squash(part)),
                    "{layout:?} {duplex:?}: card {} {what} `{part}` not in its cell; the cell has `{text}`",
                    card.number
                );
            }
            // The card's number, in the footer, on both sides.
            assert!(
                runs.iter().any(|r| r.text == card.number.to_string()
                    && r.bold
                    && r.y < cell.y + 6.0 * MM),
                "{layout:?}: card {} {what} has no number",
                card.number
            );
            // Nothing runs over the cell's edges.
            for r in &runs {
                assert!(
                    r.x >= cell.x + 1.0 && r.x + r.width <= cell.x + cell.width - 1.0,
                    "{layout:?}: `{}` of card {} runs over its cell ({} to {} in {:?})",
                    r.text,
                    card.number,
                    r.x,
                    r.x + r.width,
                    cell
                );
                assert!(r.y - 0.3 * r.size >= cell.y && r.y + r.size <= cell.y + cell.height);
            }
        }
    }
    pages
}

/// The main text's size of each card on a card sheet: the largest run in its cell above the
/// footer.
fn main_sizes(page: &ReadPage, grid: &Grid) -> Vec<f32> {
    let mut sizes = Vec::new();
    for row in 0..grid.rows {
        for column in 0..grid.columns {
            let cell = grid.cell(row, column);
            let size = page
                .runs_in(cell)
                .iter()
                .filter(|r| r.y > cell.y + 6.0 * MM)
                .map(|r| r.size)
                .fold(0.0f32, f32::max);
            if size > 0.0 {
                sizes.push(size);
            }
        }
    }
    sizes
}

/// On every sheet of every bundled deck, the fronts share one size and the backs another,
/// but for a card that must shrink (smaller than the rest, never larger); every card's main
/// text of one side of a deck has one weight.
#[test]
fn a_sheet_sets_its_fronts_in_one_size_and_its_backs_in_another() {
    let (course, generated) = bundled();
    let grid = Grid::new(CardLayout::Grid2x4, Paper::A4);
    let overrides = PrintOverrides {
        paper: Some(Paper::A4),
        layout: Some(CardLayout::Grid2x4),
        duplex: Some(Duplex::LongEdge),
    };
    let mut sheets = 0;
    for output in &generated.decks {
        let rendered = render(course, output, &overrides);
        let pages = read(file(&rendered, "flashcards.pdf"));
        for (i, page) in pages.iter().enumerate() {
            let sizes = main_sizes(page, &grid);
            if sizes.len() < 2 {
                continue;
            }
            sheets += 1;
            let largest = sizes.iter().copied().fold(0.0f32, f32::max);
            let at_largest = sizes
                .iter()
                .filter(|&&s| (s - largest).abs() < 0.01)
                .count();
            assert!(
                at_largest * 4 >= sizes.len() * 3,
                "{} page {}: sizes {sizes:?}",
                output.deck,
                i + 1
            );
            let mut sorted = sizes.clone();
            sorted.sort_by(f32::total_cmp);
            let median = sorted[sorted.len() / 2];
            for s in &sizes {
                assert!(
                    (s - largest).abs() < 0.01 || *s < median * 0.6,
                    "{} page {}: a card at {s} pt beside the sheet's {largest} pt, though it is no outlier: {sizes:?}",
                    output.deck,
                    i + 1
                );
            }
        }
        // One weight for each side's main text across the deck.
        for side in 0..2 {
            let weights: std::collections::BTreeSet<bool> = pages
                .iter()
                .skip(side)
                .step_by(2)
                .flat_map(|page| {
                    let size = main_sizes(page, &grid).into_iter().fold(0.0f32, f32::max);
                    page.runs
                        .iter()
                        .filter(move |r| (r.size - size).abs() < 0.01)
                        .map(|r| r.bold)
                        .collect::<Vec<_>>()
                })
                .collect();
            assert_eq!(
                weights.len(),
                1,
                "{}: side {side} mixes weights",
                output.deck
            );
        }
    }
    assert!(sheets > 20, "{sheets} sheets checked");
}

/// A card's footer shows the deck's short name and its source's whole, in the cell.
#[test]
fn card_footers_show_the_deck_and_source_short_names_whole() {
    let (course, generated) = bundled();
    let grid = Grid::new(CardLayout::Grid2x4, Paper::A4);
    let overrides = PrintOverrides {
        paper: Some(Paper::A4),
        layout: Some(CardLayout::Grid2x4),
        duplex: Some(Duplex::LongEdge),
    };
    for output in &generated.decks {
        let deck = course.deck(&output.deck).expect("deck");
        let rendered = render(course, output, &overrides);
        let pages = read(file(&rendered, "flashcards.pdf"));
        let footers: Vec<String> = pages
            .iter()
            .flat_map(|page| page.runs.iter().filter(|r| r.size < 7.0))
            .map(|r| r.text.clone())
            .collect();
        assert!(footers.contains(&deck.short), "{}: {footers:?}", deck.id);
        assert!(
            !footers.iter().any(|t| t.ends_with('…')),
            "{}: a footer is cut: {:?}",
            deck.id,
            footers.iter().find(|t| t.ends_with('…'))
        );
        for card in output.cards.iter().take(grid.columns * grid.rows) {
            if let Some(source) = card.sources.first() {
                assert!(footers.iter().any(|t| t.starts_with(&source.short)));
            }
        }
    }
}

#[test]
fn a_number_and_its_unit_stay_on_one_line() {
    let text = decksmith_pdf::text::keep_units(
        "Water boils at 100 °C, a flight of 5 km, 2021 г., 10 млн человек and 3 apples",
    );
    assert_eq!(
        text,
        "Water boils at 100\u{a0}°C, a flight of 5\u{a0}km, 2021\u{a0}г., 10\u{a0}млн человек and 3 apples"
    );
    // Measured as one word: no line may break inside it.
    let measured = decksmith_pdf::text::Measured::new(
        fonts(),
        decksmith_pdf::fonts::Weight::Regular,
        "at 25 °C",
    );
    let words: Vec<&str> = measured
        .tokens
        .iter()
        .map(|t| measured.text_of(t))
        .collect();
    assert_eq!(words, ["at", "25\u{a0}°C"]);
}

#[test]
fn every_card_front_is_in_its_cell_and_its_back_behind_it_in_every_layout() {
    let (course, generated) = bundled();
    let deck = generated
        .decks
        .iter()
        .find(|d| d.deck == "naiis-2024")
        .expect("deck");
    assert!(deck.cards.len() > 30);
    for layout in [
        CardLayout::Grid2x4,
        CardLayout::Grid2x5,
        CardLayout::Grid3x3,
        CardLayout::Index3x5,
        CardLayout::A6,
        CardLayout::A7,
    ] {
        for duplex in [Duplex::LongEdge, Duplex::ShortEdge] {
            check_flashcards(course, deck, layout, duplex, 0);
        }
    }
}

#[test]
fn the_bundled_course_fits_its_cards_without_a_warning() {
    let (course, generated) = bundled();
    for deck in &generated.decks {
        let rendered = render(course, deck, &PrintOverrides::default());
        assert!(
            rendered.warnings.is_empty(),
            "{}: {:#?}",
            deck.deck,
            headlines(&rendered.warnings)
        );
        for f in &rendered.files {
            let pages = read(&f.bytes);
            assert!(!pages.is_empty(), "{} has pages", f.path);
        }
        check_flashcards(course, deck, CardLayout::Grid2x4, Duplex::LongEdge, 0);
    }
}

#[test]
fn cyrillic_cards_come_back_as_cyrillic_text() {
    let course = course_from(&[
        (
            "course.yaml",
            "title: Международная информационная безопасность\nlanguage: ru\n",
        ),
        ("sources.yaml", SOURCES),
        (
            "decks/ru.yaml",
            "title: Термины\nentries:\n  - term: МИБ\n    meaning: Международная информационная безопасность — «безопасность государств»\n    source: src\n  - term: ГПЭ\n    meaning: Группа правительственных экспертов ООН\n    source: src\n",
        ),
    ]);
    let output = &generated(&course).decks[0];
    let pages = check_flashcards(&course, output, CardLayout::Grid2x4, Duplex::LongEdge, 0);
    assert!(pages[0].text().contains("МИБ"));
    assert!(pages[1].text().contains("Группа правительственных"));
}

#[test]
fn the_back_offset_moves_every_back_and_the_calibration_sheet_comes_first() {
    let deck = "title: Deck\nentries:\n  - term: alpha\n    meaning: first letter\n    source: src\n  - term: beta\n    meaning: second letter\n    source: src\n";
    let plain = course_from(&[
        ("course.yaml", "title: T\n"),
        ("sources.yaml", SOURCES),
        ("decks/d.yaml", deck),
    ]);
    let shifted = course_from(&[
        (
            "course.yaml",
            "title: T\nprint:\n  back_offset: { x: 1.5, y: -2 }\n  calibration: true\n",
        ),
        ("sources.yaml", SOURCES),
        ("decks/d.yaml", deck),
    ]);
    let a = read(file(
        &render(
            &plain,
            &generated(&plain).decks[0],
            &PrintOverrides::default(),
        ),
        "flashcards.pdf",
    ));
    let pages = check_flashcards(
        &shifted,
        &generated(&shifted).decks[0],
        CardLayout::Grid2x4,
        Duplex::LongEdge,
        2,
    );
    assert!(pages[0].text().contains("Calibration sheet"));
    assert!(
        pages[0].text().contains("x = 1.5, y = -2"),
        "{}",
        pages[0].text()
    );
    // The back's scales: 0 at the centre, moved by the offset.
    let zero = pages[1]
        .runs
        .iter()
        .find(|r| r.text == "0" && r.y < pages[1].height / 2.0 - 10.0 * MM)
        .expect("the x scale's 0");
    let centre = pages[1].width / 2.0 + 1.5 * MM;
    assert!(
        (zero.x + zero.width / 2.0 - centre).abs() < 0.5,
        "0 at {} not {centre}",
        zero.x
    );
    // Fronts stay put, backs move by exactly the offset.
    for (before, after) in a[0].runs.iter().zip(&pages[2].runs) {
        assert_eq!(
            (before.x, before.y, &before.text),
            (after.x, after.y, &after.text)
        );
    }
    for (before, after) in a[1].runs.iter().zip(&pages[3].runs) {
        assert!(
            (after.x - before.x - 1.5 * MM).abs() < 0.01
                && (after.y - before.y + 2.0 * MM).abs() < 0.01
        );
    }
}

#[test]
fn a_card_that_cannot_fit_is_a_warning_naming_the_entry_and_stays_in_its_cell() {
    let long = "a sentence that goes on and on ".repeat(60);
    let course = course_from(&[
        ("course.yaml", "title: T\nprint:\n  layout: 3x3\n"),
        ("sources.yaml", SOURCES),
        (
            "decks/long.yaml",
            &format!(
                "title: Deck\nentries:\n  - term: short\n    meaning: fine\n    source: src\n  - term: long\n    meaning: {long}\n    source: src\n"
            ),
        ),
    ]);
    let output = &generated(&course).decks[0];
    let rendered = render(&course, output, &PrintOverrides::default());
    let warnings = headlines(&rendered.warnings);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("decks/long.yaml:6:5: warning: the back of card 2"),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].contains("does not fit on a card of the `3x3` layout even at 8 pt"));
    let pages = read(file(&rendered, "flashcards.pdf"));
    let grid = Grid::new(CardLayout::Grid3x3, Paper::A4);
    // Card 2 is in the middle column on the front: on the back of a 3-column sheet turned
    // over its long edge, it is in the middle column too.
    let cell = grid.cell(0, 1);
    let runs = pages[1].runs_in(cell);
    assert!(
        runs.iter().any(|r| r.text.ends_with('…')),
        "cut short visibly"
    );
    for r in &runs {
        assert!(
            r.x >= cell.x && r.x + r.width <= cell.x + cell.width && r.y >= cell.y,
            "{r:?} outside {cell:?}"
        );
    }
}

#[test]
fn a_character_the_font_lacks_is_a_warning_with_the_entry() {
    let course = course_from(&[
        ("course.yaml", "title: T\n"),
        ("sources.yaml", SOURCES),
        (
            "decks/cjk.yaml",
            "title: Deck\nentries:\n  - term: fine\n    meaning: fine\n    source: src\n  - term: 信息安全\n    meaning: information security in Chinese\n    source: src\n",
        ),
    ]);
    let output = &generated(&course).decks[0];
    let rendered = render(&course, output, &PrintOverrides::default());
    let warnings = headlines(&rendered.warnings);
    assert_eq!(
        warnings.len(),
        1,
        "one warning for the entry, whatever shows it: {warnings:#?}"
    );
    assert!(
        warnings[0].starts_with("decks/cjk.yaml:6:5: warning: the PDF font"),
        "{}",
        warnings[0]
    );
    for c in ["U+4FE1", "U+606F", "U+5B89", "U+5168"] {
        assert!(warnings[0].contains(c), "{}", warnings[0]);
    }
    // Drawn as a visible replacement, not an empty box.
    let pages = read(file(&rendered, "flashcards.pdf"));
    assert!(
        pages[0].text().contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        "{}",
        pages[0].text()
    );
}

// ---------------------------------------------------------------------------------------
// Worksheets and answer keys

/// The text of each question of a worksheet or key, found by the numbers in the left
/// column (panics if a question is on two pages): once in reading order, and once column
/// by column (matching items are in two columns whose lines interleave in reading order).
fn questions(pages: &[ReadPage]) -> Vec<(String, String)> {
    let mut found: Vec<(u32, usize, Vec<&Run>)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        // Points (`/ 2`) are checked on their own: here they would cut into the text.
        let mut runs: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| r.y > 15.0 * MM && !r.text.starts_with("/ "))
            .collect();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        for r in runs {
            let number = r.text.strip_suffix('.').and_then(|n| n.parse::<u32>().ok());
            match number {
                Some(n) if r.bold && r.x < 27.0 * MM => found.push((n, p, Vec::new())),
                _ => {
                    if let Some(last) = found.last_mut() {
                        assert_eq!(
                            last.1, p,
                            "question {} is split across pages at `{}`",
                            last.0, r.text
                        );
                        last.2.push(r);
                    }
                }
            }
        }
    }
    let numbers: Vec<u32> = found.iter().map(|f| f.0).collect();
    let expected: Vec<u32> = (1..=found.len() as u32).collect();
    assert_eq!(numbers, expected, "numbered 1, 2, 3, … in order");
    found
        .into_iter()
        .map(|(_, _, runs)| {
            let reading: String = runs.iter().map(|r| r.text.as_str()).collect();
            let mut by_column = runs.clone();
            by_column.sort_by(|a, b| a.x.total_cmp(&b.x).then(b.y.total_cmp(&a.y)));
            let columns: String = by_column.iter().map(|r| r.text.as_str()).collect();
            (squash(&reading), squash(&columns))
        })
        .collect()
}

/// What a worksheet must show of a question.
fn asked(q: &Question) -> Vec<String> {
    match &q.body {
        Body::MultipleChoice(c) | Body::Who(c) => std::iter::once(&c.prompt)
            .chain(&c.options)
            .cloned()
            .collect(),
        Body::TrueFalse { statement, .. } => vec![statement.clone()],
        Body::Cloze(c) => c.text.split("____").map(str::to_owned).collect(),
        Body::Matching(m) => std::iter::once(&m.prompt)
            .chain(&m.left)
            .chain(&m.right)
            .cloned()
            .collect(),
        Body::Timeline(t) => std::iter::once(&t.prompt)
            .chain(&t.items)
            .cloned()
            .collect(),
        Body::Flashcard { front, .. } => vec![front.clone()],
    }
}

fn letter(i: usize) -> char {
    char::from(b'A' + i as u8)
}

fn check_quiz(course: &Course, output: &DeckOutput, quiz: &Quiz, rendered: &Pdfs) {
    let suffix = quiz
        .variant
        .as_ref()
        .map(|v| format!("-{v}"))
        .unwrap_or_default();
    let worksheet = read(file(rendered, &format!("worksheet{suffix}.pdf")));
    let key = read(file(rendered, &format!("answer-key{suffix}.pdf")));
    check_furniture(course, quiz, &worksheet, &key);
    check_points(quiz, &worksheet);
    check_grid(quiz, &key);
    let on_sheet = questions(&worksheet);
    // The grid has the key's first page; the explanations start on the next.
    let in_key = questions(&key[1..]);
    assert_eq!(
        on_sheet.len(),
        quiz.questions.len(),
        "{}: every question on the worksheet",
        output.deck
    );
    assert_eq!(in_key.len(), quiz.questions.len());
    for (q, ((sheet, sheet_columns), (key, key_columns))) in
        quiz.questions.iter().zip(on_sheet.iter().zip(&in_key))
    {
        check_on_worksheet(q, sheet, sheet_columns);
        check_in_key(q, key, key_columns);
    }
}

/// Both sheets' titles, page numbers and margins; the worksheet's name lines.
fn check_furniture(course: &Course, quiz: &Quiz, worksheet: &[ReadPage], key: &[ReadPage]) {
    for (name, pages) in [("worksheet", worksheet), ("answer key", key)] {
        assert!(pages[0].text().contains(&course.title) && pages[0].text().contains(&quiz.title));
        for (i, page) in pages.iter().enumerate() {
            let footer = format!("Page {} of {}", i + 1, pages.len());
            assert!(
                page.text().contains(&footer),
                "{name} page {} has `{footer}`",
                i + 1
            );
            for r in &page.runs {
                assert!(
                    r.x >= 18.0 * MM - 0.01 && r.x + r.width <= page.width - 18.0 * MM + 0.5,
                    "{name}: `{}` is outside the margins",
                    r.text
                );
            }
        }
    }
    assert!(
        worksheet[0].text().contains("Name")
            && worksheet[0].text().contains("Class")
            && worksheet[0].text().contains("Date")
    );
    assert!(key[0].text().contains("Answer key"));
}

/// Question `q` on the worksheet (its text `sheet`, its columns `columns`): all it asks,
/// none of its answers.
fn check_on_worksheet(q: &Question, sheet: &str, sheet_columns: &str) {
    let shown = asked(q);
    for part in &shown {
        assert!(
            sheet.contains(&squash(part)) || sheet_columns.contains(&squash(part)),
            "question {}: `{part}` missing from the worksheet",
            q.number
        );
    }
    // No answer on the worksheet.
    let question_text: String = shown.iter().map(|s| squash(s)).collect();
    let explanation = squash(&q.explanation);
    if !explanation.is_empty() && !question_text.contains(&explanation) {
        assert!(
            !sheet.contains(&explanation) && !sheet_columns.contains(&explanation),
            "question {}: the explanation is on the worksheet",
            q.number
        );
    }
    let answers: Vec<String> = match &q.body {
        Body::Cloze(c) => c.blanks.iter().map(|b| b.answer.clone()).collect(),
        Body::Flashcard { back, .. } => vec![back.clone()],
        Body::Timeline(t) => t.dates.clone(),
        _ => Vec::new(),
    };
    for a in &answers {
        if !question_text.contains(&squash(a)) {
            assert!(
                !sheet.contains(&squash(a)) && !sheet_columns.contains(&squash(a)),
                "question {}: its answer `{a}` is on the worksheet",
                q.number
            );
        }
    }
    // Every answer in the key, with the explanation and the sources.
}

/// What the answer key must show for `q`.
fn expected_in_key(q: &Question) -> Vec<String> {
    match &q.body {
        Body::MultipleChoice(c) | Body::Who(c) => {
            vec![format!("{}. {}", letter(c.answer), c.options[c.answer])]
        }
        Body::TrueFalse { answer, .. } => {
            vec![if *answer { "True" } else { "False" }.to_owned()]
        }
        Body::Cloze(c) => c.blanks.iter().map(|b| b.answer.clone()).collect(),
        Body::Matching(m) => m
            .pairs
            .iter()
            .map(|&(l, r)| format!("{} → {}", l + 1, letter(r)))
            .collect(),
        Body::Timeline(t) => {
            let mut rank = vec![0; t.items.len()];
            for (pos, &item) in t.order.iter().enumerate() {
                rank[item] = pos + 1;
            }
            let order: Vec<String> = rank.iter().map(ToString::to_string).collect();
            vec![format!("Order: {}", order.join(", "))]
        }
        Body::Flashcard { back, .. } => vec![back.clone()],
    }
}

/// Question `q` in the answer key (its text `key`, its columns `key_columns`): its answers,
/// its explanation and its sources.
fn check_in_key(q: &Question, key: &str, key_columns: &str) {
    let explanation = squash(&q.explanation);
    let expected = expected_in_key(q);
    for a in &expected {
        assert!(
            key.contains(&squash(a)) || key_columns.contains(&squash(a)),
            "question {}: answer `{a}` missing from the key `{key}`",
            q.number
        );
    }
    assert!(
        key.contains(&explanation),
        "question {}: explanation missing from the key",
        q.number
    );
    for s in &q.sources {
        assert!(
            key.contains(&squash(&s.short)),
            "question {}: source missing from the key",
            q.number
        );
    }
}

/// The runs of `pages` that show points (`/ 2`), in reading order, with their values.
fn points_shown(pages: &[ReadPage]) -> Vec<(u32, bool)> {
    let mut out = Vec::new();
    for page in pages {
        let mut runs: Vec<&Run> = page.runs.iter().collect();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        for r in runs {
            if let Some(n) = r.text.strip_prefix("/ ").and_then(|n| n.parse().ok()) {
                out.push((n, r.bold));
            }
        }
    }
    out
}

/// The worksheet shows each question's points beside it, in order, and the total at the
/// top, which is their sum.
fn check_points(quiz: &Quiz, worksheet: &[ReadPage]) {
    let shown = points_shown(worksheet);
    let per_question: Vec<u32> = quiz.questions.iter().map(|q| q.points).collect();
    let total: u32 = per_question.iter().sum();
    assert!(total > 0);
    let mut expected = vec![(total, true)];
    expected.extend(per_question.iter().map(|&p| (p, false)));
    assert_eq!(shown, expected, "the total, then each question's points");
    // Each question's points are at the right margin of its how-to line, under its text.
    let page = &worksheet[0];
    for q in quiz.questions.iter().take(3) {
        let label = format!("{}.", q.number);
        let Some(number) = page.runs.iter().find(|r| r.bold && r.text == label) else {
            continue;
        };
        let mark = format!("/ {}", q.points);
        let Some(run) = page.runs.iter().find(|r| r.text == mark && r.y < number.y) else {
            panic!("question {}: no `{mark}` under its number", q.number);
        };
        assert!(run.x + run.width > page.width - 19.0 * MM);
        assert!(
            page.runs
                .iter()
                .any(|r| (r.y - run.y).abs() < 0.5 && r.x < 30.0 * MM && r.size < 9.0 && !r.bold),
            "question {}: `{mark}` is not on its how-to line",
            q.number
        );
    }
}

/// The key's first page is the grid: every question's number once, read down two columns,
/// with its short answer and points, and no explanation; the explanations start after it.
fn check_grid(quiz: &Quiz, key: &[ReadPage]) {
    let grid = &key[0];
    assert!(grid.text().contains("Answers at a glance"));
    let mut numbers: Vec<(u32, f32, f32)> = grid
        .runs
        .iter()
        .filter(|r| r.bold)
        .filter_map(|r| {
            let n = r.text.strip_suffix('.')?.parse().ok()?;
            Some((n, r.x, r.y))
        })
        .collect();
    // Column by column, top to bottom.
    let middle = grid.width / 2.0;
    numbers.sort_by(|a, b| {
        (a.1 > middle)
            .cmp(&(b.1 > middle))
            .then(b.2.total_cmp(&a.2))
    });
    let order: Vec<u32> = numbers.iter().map(|n| n.0).collect();
    let half = quiz.questions.len().div_ceil(2) as u32;
    let expected: Vec<u32> = (1..=quiz.questions.len() as u32).collect();
    assert_eq!(order, expected, "the grid reads down two columns");
    if quiz.questions.len() > 1 {
        let first_right = numbers.iter().find(|n| n.0 == half + 1).expect("column 2");
        assert!(first_right.1 > grid.width / 2.0 - 10.0 * MM);
    }
    // The grid read cell by cell: column, then line, then left to right, without points.
    let mut runs: Vec<&Run> = grid
        .runs
        .iter()
        .filter(|r| !r.text.starts_with("/ "))
        .collect();
    runs.sort_by(|a, b| {
        (a.x > middle)
            .cmp(&(b.x > middle))
            .then(b.y.total_cmp(&a.y))
            .then(a.x.total_cmp(&b.x))
    });
    let text = squash(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
    for q in &quiz.questions {
        let answer = match &q.body {
            Body::MultipleChoice(c) | Body::Who(c) => letter(c.answer).to_string(),
            Body::TrueFalse { answer, .. } => if *answer { "True" } else { "False" }.to_owned(),
            Body::Cloze(c) if c.blanks.len() > 1 => c
                .blanks
                .iter()
                .enumerate()
                .map(|(i, b)| format!("({}) {}", i + 1, b.answer))
                .collect::<Vec<_>>()
                .join("; "),
            Body::Cloze(c) => c.blanks[0].answer.clone(),
            Body::Matching(m) => m
                .pairs
                .iter()
                .map(|&(l, r)| format!("{} → {}", l + 1, letter(r)))
                .collect::<Vec<_>>()
                .join(", "),
            Body::Timeline(t) => {
                let mut rank = vec![0; t.items.len()];
                for (pos, &item) in t.order.iter().enumerate() {
                    rank[item] = pos + 1;
                }
                rank.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Body::Flashcard { back, .. } => back.clone(),
        };
        let cell = squash(&format!("{}. {answer}", q.number));
        assert!(
            text.contains(&cell),
            "question {}: `{cell}` not in the grid",
            q.number
        );
        let explanation = squash(&q.explanation);
        if explanation.len() > 30 && !cell.contains(&explanation) {
            assert!(
                !text.contains(&explanation),
                "question {}: its explanation is on the grid page",
                q.number
            );
        }
    }
    // The grid's points are the questions' own, and the key states their total.
    let shown: Vec<u32> = points_shown(std::slice::from_ref(grid))
        .into_iter()
        .map(|p| p.0)
        .collect();
    let mut expected: Vec<u32> = quiz.questions.iter().map(|q| q.points).collect();
    let mut shown_sorted = shown.clone();
    shown_sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(shown_sorted, expected);
    let total: u32 = expected.iter().sum();
    assert!(grid.text().contains(&format!("Points in all: {total}")));
}

#[test]
fn worksheets_hold_every_question_and_no_answer_and_keys_every_answer() {
    let (course, generated) = bundled();
    let mut kinds = std::collections::BTreeSet::new();
    for output in &generated.decks {
        let rendered = render(course, output, &PrintOverrides::default());
        for quiz in std::iter::once(&output.quiz).chain(&output.variants) {
            check_quiz(course, output, quiz, &rendered);
            kinds.extend(quiz.questions.iter().map(|q| q.kind().name()));
        }
    }
    // The bundled course exercises every kind the worksheet lays out.
    for kind in [
        "multiple-choice",
        "cloze",
        "true-false",
        "matching",
        "timeline",
        "flashcard",
    ] {
        assert!(
            kinds.contains(kind),
            "no {kind} question in the bundled course: {kinds:?}"
        );
    }
}

#[test]
fn variant_forms_get_their_own_worksheet_and_key() {
    let (course, generated) = bundled();
    let output = &generated.decks[0];
    assert_eq!(output.variants.len(), 2);
    let rendered = render(course, output, &PrintOverrides::default());
    let names: Vec<&str> = rendered
        .files
        .iter()
        .map(|f| f.path.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "flashcards.pdf",
            "worksheet.pdf",
            "answer-key.pdf",
            "worksheet-A.pdf",
            "answer-key-A.pdf",
            "worksheet-B.pdf",
            "answer-key-B.pdf"
        ]
    );
    let form = read(file(&rendered, "worksheet-B.pdf"));
    assert!(form[0].text().contains("Form B"));
}

#[test]
fn russian_courses_get_russian_words() {
    let course = course_from(&[
        (
            "course.yaml",
            "title: Курс\nlanguage: ru\nquiz:\n  questions: 4\n  kinds: { true-false: 1, multiple-choice: 1 }\n",
        ),
        ("sources.yaml", SOURCES),
        (
            "decks/ru.yaml",
            "title: Термины\nentries:\n  - term: МИБ\n    expansion: международная информационная безопасность\n    meaning: безопасность государств\n    source: src\n  - term: ГПЭ\n    expansion: Группа правительственных экспертов\n    meaning: группа ООН\n    source: src\n  - term: ООН\n    expansion: Организация Объединённых Наций\n    meaning: международная организация\n    source: src\n  - term: РГОС\n    expansion: Рабочая группа открытого состава\n    meaning: рабочая группа ООН\n    source: src\n  - term: ШОС\n    expansion: Шанхайская организация сотрудничества\n    meaning: региональная организация\n    source: src\n  - event: Проект резолюции внесён в Первый комитет\n    date: 2021-10\n    source: src\n  - event: Первый комитет одобряет проект\n    date: 2021-11-03\n    source: src\n",
        ),
    ]);
    let output = &generated(&course).decks[0];
    assert!(
        output
            .quiz
            .questions
            .iter()
            .any(|q| matches!(q.body, Body::TrueFalse { .. }))
    );
    let rendered = render(&course, output, &PrintOverrides::default());
    let sheet: String = read(file(&rendered, "worksheet.pdf"))
        .iter()
        .map(ReadPage::text)
        .collect();
    for word in [
        "Фамилия, имя",
        "Группа",
        "Дата",
        "Рабочий лист",
        "Верно",
        "Неверно",
        "Страница 1 из 1",
    ] {
        assert!(sheet.contains(word), "`{word}` missing from `{sheet}`");
    }
    assert!(!sheet.contains("Name"));
    let key = read(file(&rendered, "answer-key.pdf"))[0].text();
    assert!(key.contains("Ключ ответов"));
}

#[test]
fn only_a_question_taller_than_a_page_is_split_and_that_is_a_warning() {
    let course = course_from(&[
        ("course.yaml", "title: T\n"),
        ("sources.yaml", SOURCES),
        (
            "decks/d.yaml",
            "title: Deck\nentries:\n  - term: alpha\n    meaning: first\n    source: src\n",
        ),
    ]);
    let deck = &course.decks[0];
    let ctx = Context::new(fonts(), &course, deck);
    let question = |number: u32, front: String| Question {
        id: format!("q{number}"),
        number,
        body: Body::Flashcard {
            front,
            back: "the answer".to_owned(),
        },
        entry: "alpha".to_owned(),
        entries: vec!["alpha".to_owned()],
        explanation: String::new(),
        note: None,
        sources: Vec::new(),
        origin: Location {
            file: "decks/d.yaml".to_owned(),
            pos: Pos::new(2 + number, 5),
        },
        points: 1,
    };
    // Question 2 would fit a page of its own but not what is left after question 1, so
    // it moves to the next page whole; question 3 is longer than any page.
    let quiz = Quiz {
        deck: deck.id.clone(),
        title: deck.title.clone(),
        seed: 1,
        variant: None,
        questions: vec![
            question(1, "a short question".to_owned()),
            question(2, "a long question with many words ".repeat(105)),
            question(3, "an endless question ".repeat(1200)),
        ],
    };
    let mut warnings = Vec::new();
    let bytes = quiz_pdf(&ctx, Paper::A4, &quiz, Sheet::Worksheet, &mut warnings).expect("renders");
    let warnings = headlines(&warnings);
    assert_eq!(
        warnings,
        [
            "decks/d.yaml:5:5: warning: question 3 of deck `d` is taller than a page, so it is split across pages"
        ]
    );
    let pages = read(&bytes);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let on = |page: &ReadPage, n: &str| {
        page.runs
            .iter()
            .any(|r| r.bold && r.text == n && r.x < 27.0 * MM)
    };
    assert!(on(&pages[0], "1.") && !on(&pages[0], "2."));
    assert!(on(&pages[1], "2."));
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(page.text().contains(&format!("Page {} of {total}", i + 1)));
    }
}

#[test]
fn every_fixed_word_is_defined_and_listed_in_the_content_readme() {
    use decksmith_pdf::words::WORDS;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("../../content/README.md")).expect("README");
    for (key, en, ru) in WORDS {
        let row = format!("| `{key}` | {en} | {ru} |");
        assert!(
            readme.contains(&row),
            "content/README.md lacks the row {row}"
        );
    }
    // Every key the code asks for exists (an unknown key would print as itself).
    let mut sources = String::new();
    for entry in std::fs::read_dir(root.join("src")).expect("src") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(path).expect("source"));
        }
    }
    let used: Vec<&str> = sources
        .match_indices("\"pdf.")
        .filter_map(|(i, _)| sources[i + 1..].split('"').next())
        .filter(|k| !k.ends_with('.'))
        .collect();
    assert!(used.len() > 20, "{used:?}");
    for key in used {
        assert!(
            WORDS.iter().any(|(k, ..)| *k == key),
            "`{key}` is used but not in WORDS"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Bytes

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (course, generated) = bundled();
    let first = render(course, &generated.decks[0], &PrintOverrides::default());
    // Rendering something else in between must not change anything (printpdf draws its
    // ids from a process-wide counter; ours are pinned).
    let _ = render(course, &generated.decks[1], &PrintOverrides::default());
    let again = render(course, &generated.decks[0], &PrintOverrides::default());
    assert_eq!(first.files, again.files);
    let bytes = file(&first, "flashcards.pdf");
    let doc = Document::load_mem(bytes).expect("reads");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("info");
    let info = doc.get_dictionary(info).expect("info dict");
    let date = info
        .get(b"CreationDate")
        .and_then(Object::as_str)
        .expect("a creation date");
    assert_eq!(date, b"D:19700101000000+00'00'");
    let id = doc
        .trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .expect("an id");
    assert_eq!(id[0].as_str().expect("bytes").len(), 16);
    // Different files get different ids.
    let other = Document::load_mem(file(&first, "worksheet.pdf")).expect("reads");
    assert_ne!(
        other.trailer.get(b"ID").expect("id"),
        doc.trailer.get(b"ID").expect("id")
    );
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let (course, generated) = bundled();
    let rendered = render(course, &generated.decks[0], &PrintOverrides::default());
    let doc = Document::load_mem(file(&rendered, "flashcards.pdf")).expect("reads");
    let mut names = Vec::new();
    for (_, object) in doc.objects.iter() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok()
                == Some(b"FontDescriptor".as_slice())
        {
            let name = String::from_utf8_lossy(
                dict.get(b"FontName")
                    .and_then(Object::as_name)
                    .expect("name"),
            )
            .into_owned();
            assert!(dict.has(b"FontFile2"), "{name} is embedded");
            names.push(name);
        }
    }
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|n| n.len() > 7 && n.as_bytes()[6] == b'+'),
        "subset tags: {names:?}"
    );
    assert!(file(&rendered, "flashcards.pdf").len() < 120_000);
}

// ---------------------------------------------------------------------------------------
// Glyphs: what is drawn, read through the embedded font programs themselves

/// A glyph as a font draws it: its advance and its outline, command by command.
type Shape = (u16, Vec<String>);

/// Collects an outline's commands.
struct Commands(Vec<String>);

impl ttf_parser::OutlineBuilder for Commands {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(format!("M{x} {y}"));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(format!("L{x} {y}"));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.push(format!("Q{x1} {y1} {x} {y}"));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(format!("C{x1} {y1} {x2} {y2} {x} {y}"));
    }
    fn close(&mut self) {
        self.0.push("Z".into());
    }
}

fn shape(face: &ttf_parser::Face<'_>, glyph: ttf_parser::GlyphId) -> Shape {
    let mut commands = Commands(Vec::new());
    face.outline_glyph(glyph, &mut commands);
    (face.glyph_hor_advance(glyph).unwrap_or(0), commands.0)
}

/// The shipped fonts, read with ttf-parser (not allsorts, which made the subsets): the
/// characters `chars` by the shape of their glyph, per weight (regular, bold). Where two
/// characters share a glyph, the lower one stands for both.
fn shapes_of(chars: &std::collections::BTreeSet<char>) -> [BTreeMap<Shape, char>; 2] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map(|name| {
        let bytes = std::fs::read(dir.join(name)).expect("the shipped font");
        let face = ttf_parser::Face::parse(&bytes, 0).expect("ttf-parser reads it");
        let mut by_shape = BTreeMap::new();
        for &c in chars.iter().rev() {
            if let Some(g) = face.glyph_index(c) {
                by_shape.insert(shape(&face, g), c);
            }
        }
        by_shape
    })
}

/// Each page's text as its glyphs draw it: every glyph shown is looked up by its shape in
/// the font program embedded for it, and named by the character of the shipped font with
/// that shape (not by the PDF's map back to Unicode); glyphs with no outline (spaces) are
/// left out, and a glyph no character of `shapes` has is `¤`.
fn drawn(bytes: &[u8], shapes: &[BTreeMap<Shape, char>; 2]) -> Vec<String> {
    let doc = Document::load_mem(bytes).expect("lopdf reads the PDF");
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).expect("object").clone(),
            other => other.clone(),
        }
    };
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages() {
        // Each font of the page: its embedded program's bytes and its weight. Codes are
        // glyph ids (Identity-H, and an identity map from CIDs to glyphs).
        let mut programs: BTreeMap<Vec<u8>, (Vec<u8>, usize)> = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(id).expect("fonts") {
            assert_eq!(
                font.get(b"Encoding").and_then(Object::as_name).ok(),
                Some(b"Identity-H".as_slice())
            );
            let bold = font
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .is_ok_and(|n| String::from_utf8_lossy(n).contains("Bold"));
            let descendants = deref(font.get(b"DescendantFonts").expect("descendants"));
            let cid = deref(&descendants.as_array().expect("array")[0]);
            let cid = cid.as_dict().expect("CID font");
            if let Ok(map) = cid.get(b"CIDToGIDMap") {
                assert_eq!(deref(map).as_name().ok(), Some(b"Identity".as_slice()));
            }
            let descriptor = deref(cid.get(b"FontDescriptor").expect("descriptor"));
            let file = deref(
                descriptor
                    .as_dict()
                    .expect("dict")
                    .get(b"FontFile2")
                    .expect("an embedded TrueType program"),
            );
            let stream = file.as_stream().expect("stream");
            let bytes = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            programs.insert(name, (bytes, usize::from(bold)));
        }
        let faces: BTreeMap<&Vec<u8>, (ttf_parser::Face<'_>, usize)> = programs
            .iter()
            .map(|(name, (bytes, weight))| {
                let face = ttf_parser::Face::parse(bytes, 0).expect("ttf-parser reads the program");
                (name, (face, *weight))
            })
            .collect();
        let content = doc.get_and_decode_page_content(id).expect("content");
        let mut font = None;
        let mut text = String::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0]
                        .as_name()
                        .ok()
                        .and_then(|n| faces.get(&n.to_vec()))
                }
                "Tj" | "TJ" => {
                    let (face, weight) = font.expect("a font before text");
                    let strings: Vec<&[u8]> = match op.operator.as_str() {
                        "Tj" => vec![op.operands[0].as_str().expect("a string")],
                        _ => op.operands[0]
                            .as_array()
                            .expect("an array")
                            .iter()
                            .filter_map(|o| o.as_str().ok())
                            .collect(),
                    };
                    for s in strings {
                        for pair in s.chunks(2) {
                            let glyph = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                            let drawn = shape(face, ttf_parser::GlyphId(glyph));
                            if drawn.1.is_empty() {
                                continue;
                            }
                            text.push(shapes[*weight].get(&drawn).copied().unwrap_or('¤'));
                        }
                    }
                }
                _ => {}
            }
        }
        pages.push(text);
    }
    pages
}

#[test]
fn every_glyph_drawn_is_the_glyph_of_its_character_in_the_embedded_font() {
    // Latin with accents, Cyrillic, Greek, two characters DejaVu draws with one glyph (the
    // ohm sign and capital omega), typographic punctuation, and a character the font lacks.
    let course = course_from(&[
        ("course.yaml", "title: Glyphs\n"),
        ("sources.yaml", SOURCES),
        (
            "decks/glyphs.yaml",
            "title: Glyphs\nentries:\n\
             \x20 - term: Schrödinger’s café\n    meaning: A façade — naïve, déjà vu\n    source: src\n\
             \x20 - term: Безопасность\n    meaning: Международная информационная безопасность\n    source: src\n\
             \x20 - term: \u{2126} unit\n    meaning: The ohm, written \u{03A9}, of resistance\n    source: src\n\
             \x20 - term: 信 sign\n    meaning: A sign the font lacks\n    source: src\n",
        ),
    ]);
    let output = &generated(&course).decks[0];
    let rendered = render(&course, output, &PrintOverrides::default());
    let mut chars: std::collections::BTreeSet<char> = output
        .cards
        .iter()
        .flat_map(|c| [c.front.plain(), c.back.plain()])
        .flat_map(|t| t.chars().collect::<Vec<_>>())
        .collect();
    chars.extend("\u{FFFD}0123456789GlyphsWorksheetAnswerkey".chars());
    let shapes = shapes_of(&chars);
    let pages = drawn(file(&rendered, "flashcards.pdf"), &shapes);
    let all: String = pages.concat();
    // Every card's text is drawn with its own characters' glyphs; where two characters
    // share a glyph, the lower one stands for both; a character the font lacks is drawn as
    // the replacement character.
    let regular = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/DejaVuSans.ttf"))
        .expect("font");
    let regular = ttf_parser::Face::parse(&regular, 0).expect("face");
    // The character standing for `c`'s glyph: the lowest with the same shape.
    let shared = |c: char| match regular.glyph_index(c) {
        Some(g) => shapes[0][&shape(&regular, g)],
        None => '\u{FFFD}',
    };
    let mut checked = 0;
    for card in &output.cards {
        for side in [&card.front, &card.back] {
            let want: String = side
                .plain()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(shared)
                .collect();
            assert!(
                all.contains(&want),
                "`{want}` is not drawn with its glyphs; the pages draw: {pages:#?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} sides checked");
    // Letters of their own are drawn as themselves; the ohm sign as the omega it shares a
    // glyph with; the character the font lacks as the replacement.
    for c in ['Б', 'з', 'ö', 'ç', '’', '—', 'Ω', '\u{FFFD}'] {
        assert!(all.contains(c), "{c} in {all}");
    }
    // The worksheet and answer key too: every page draws only glyphs that are characters'.
    for name in ["worksheet.pdf", "answer-key.pdf"] {
        let text = drawn(file(&rendered, name), &shapes).concat();
        assert!(
            text.contains("Глифы") || text.contains("Glyphs"),
            "{name}: {text}"
        );
    }
}
