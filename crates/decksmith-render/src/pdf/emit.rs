//! Laid-out pages to PDF bytes, through printpdf.
//!
//! Layout code produces [`Page`]s of positioned text and lines; this module turns them into
//! printpdf operations, embeds a subset of each font used, and pins everything printpdf
//! would otherwise make up per run: font resource names (printpdf draws them from a
//! process-wide counter), the trailer's document id (the same counter) and the dates.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::Object;
use lopdf::StringFormat;
use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LineCapStyle, LineDashPattern, LinePoint, Mm, Op,
    PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    TextItem, TextMatrix,
};

use super::fonts::{Face, Fonts, Weight};
use super::hash::Fnv;
use super::plan::MM;

/// Text placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Left end of the baseline, in points from the page's left edge.
    pub x: f32,
    /// The baseline, in points from the page's bottom edge.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Weight.
    pub weight: Weight,
    /// Grey level, 0 black, 1 white.
    pub grey: f32,
    /// What it says, on one line.
    pub text: String,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(Text),
    /// A straight line.
    Line {
        /// One end.
        from: (f32, f32),
        /// The other end.
        to: (f32, f32),
        /// Stroke width in points.
        width: f32,
        /// Grey level.
        grey: f32,
        /// Dash and gap lengths in points, for a dashed line.
        dash: Option<(f32, f32)>,
    },
    /// A rectangle's outline.
    Rect {
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// Stroke width in points.
        stroke: f32,
        /// Grey level.
        grey: f32,
    },
}

/// A laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is on it, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// An empty page.
    pub fn new(width: f32, height: f32) -> Page {
        Page {
            width,
            height,
            items: Vec::new(),
        }
    }

    /// Adds a line of text.
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        grey: f32,
        text: impl Into<String>,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.items.push(Item::Text(Text {
                x,
                y,
                size,
                weight,
                grey,
                text,
            }));
        }
    }

    /// Adds a solid line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, grey: f32) {
        self.items.push(Item::Line {
            from,
            to,
            width,
            grey,
            dash: None,
        });
    }

    /// Adds a rectangle's outline.
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, stroke: f32, grey: f32) {
        self.items.push(Item::Rect {
            x,
            y,
            width,
            height,
            stroke,
            grey,
        });
    }
}

/// Document information.
#[derive(Clone, Debug)]
pub struct Info<'a> {
    /// The title viewers show.
    pub title: &'a str,
    /// The subject line.
    pub subject: &'a str,
    /// The language of the text (`en`, `ru`).
    pub language: &'a str,
}

/// The creation and modification date of every PDF: the Unix epoch, as reproducible builds
/// do, so the same content always gives the same bytes.
const FIXED_DATE: i64 = 0;

/// The PDF of `pages`.
pub fn write(fonts: &Fonts, info: &Info<'_>, pages: &[Page]) -> Result<Vec<u8>, String> {
    // Characters each weight shows, with those the fonts lack replaced (content warnings
    // have named them already); and the document id, hashed from everything drawn.
    let mut used: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    let mut id = (Fnv::new(), Fnv::with_basis(0x84222325cbf29ce4));
    let mut feed = |bytes: &[u8]| {
        id.0.write(bytes);
        id.1.write(bytes);
    };
    feed(info.title.as_bytes());
    for page in pages {
        feed(&page.width.to_bits().to_le_bytes());
        feed(&page.height.to_bits().to_le_bytes());
        for item in &page.items {
            match item {
                Item::Text(t) => {
                    let face = fonts.face(t.weight);
                    let chars = used.entry(t.weight).or_default();
                    chars.extend(t.text.chars().map(|c| shown(face, c)));
                    for v in [t.x, t.y, t.size] {
                        feed(&v.to_bits().to_le_bytes());
                    }
                    feed(t.text.as_bytes());
                }
                Item::Line { from, to, .. } => {
                    for v in [from.0, from.1, to.0, to.1] {
                        feed(&v.to_bits().to_le_bytes());
                    }
                }
                Item::Rect {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => {
                    for v in [*x, *y, *width, *height] {
                        feed(&v.to_bits().to_le_bytes());
                    }
                }
            }
        }
    }

    let mut doc = PdfDocument::new(info.title);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(FIXED_DATE)
        .map_err(|e| format!("bad fixed date ({e})"))?;
    let meta = &mut doc.metadata.info;
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    meta.subject = info.subject.to_owned();
    meta.creator = "decksmith".to_owned();
    meta.producer = "decksmith (printpdf)".to_owned();

    let mut ids: BTreeMap<Weight, FontId> = BTreeMap::new();
    for (weight, chars) in &used {
        let font_id = FontId(match weight {
            Weight::Regular => "F1".to_owned(),
            Weight::Bold => "F2".to_owned(),
        });
        let subset = fonts.face(*weight).subset(chars)?;
        doc.resources
            .fonts
            .map
            .insert(font_id.clone(), PdfFont::new(subset));
        ids.insert(*weight, font_id);
    }

    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|page| page_ops(fonts, &ids, page))
        .collect();
    doc.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(format!("printpdf reported: {}", w.msg));
    }
    // The id's two halves (the file's first and latest version) are the same: each build
    // writes the file anew.
    let mut document_id = id.0.finish().to_be_bytes().to_vec();
    document_id.extend_from_slice(&id.1.finish().to_be_bytes());
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(document_id.clone(), StringFormat::Hexadecimal),
            Object::String(document_id, StringFormat::Hexadecimal),
        ]),
    );
    tidy_info(&mut lo, info.language);
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| format!("failed to write the PDF ({e})"))?;
    Ok(bytes)
}

/// Drops the empty entries printpdf writes into the document information (an empty PDF/X
/// version, author, keywords, identifier) and records the language in the catalog, so
/// screen readers and `pdftotext` know what they read.
fn tidy_info(doc: &mut lopdf::Document, language: &str) {
    if let Ok(Object::Reference(info)) = doc.trailer.get(b"Info").cloned()
        && let Ok(Object::Dictionary(dict)) = doc.get_object_mut(info)
    {
        let empty: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, v)| match v {
                Object::String(s, _) => s.is_empty() || s.as_slice() == [0xFE, 0xFF],
                _ => false,
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in empty {
            dict.remove(&key);
        }
        dict.remove(b"Trapped");
    }
    if let Ok(Object::Reference(root)) = doc.trailer.get(b"Root").cloned()
        && let Ok(Object::Dictionary(dict)) = doc.get_object_mut(root)
    {
        dict.set(
            "Lang",
            Object::String(language.as_bytes().to_vec(), StringFormat::Literal),
        );
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level.clamp(0.0, 1.0),
        icc_profile: None,
    })
}

fn point((x, y): (f32, f32)) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// The character drawn for `c`: the replacement for one the font lacks (a content
/// warning has named it), a space for a stray tab or line break (layout has made lines).
fn shown(face: &Face, c: char) -> char {
    if c.is_control() {
        ' '
    } else if face.has(c) {
        c
    } else {
        face.replacement()
    }
}

/// A page's operations: lines first, then all text in one text object.
fn page_ops(fonts: &Fonts, ids: &BTreeMap<Weight, FontId>, page: &Page) -> PdfPage {
    let mut ops = Vec::new();
    // The stroke in force: width, grey, dash.
    type Pen = (f32, f32, Option<(f32, f32)>);
    let mut stroke: Option<Pen> = None;
    for item in &page.items {
        let (width, level, dash) = match item {
            Item::Line {
                width, grey, dash, ..
            } => (*width, *grey, *dash),
            Item::Rect { stroke, grey, .. } => (*stroke, *grey, None),
            Item::Text(_) => continue,
        };
        if stroke != Some((width, level, dash)) {
            if stroke.is_none() {
                ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Butt,
                });
            }
            ops.push(Op::SetOutlineColor { col: grey(level) });
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            ops.push(Op::SetLineDashPattern {
                dash: match dash {
                    Some((on, off)) => LineDashPattern::new(0.0, &[on, off]),
                    None => LineDashPattern::solid(),
                },
            });
            stroke = Some((width, level, dash));
        }
        match item {
            Item::Line { from, to, .. } => ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![point(*from), point(*to)],
                    is_closed: false,
                },
            }),
            Item::Rect {
                x,
                y,
                width,
                height,
                ..
            } => ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(*y),
                    width: Pt(*width),
                    height: Pt(*height),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            }),
            Item::Text(_) => {}
        }
    }

    let mut in_text = false;
    let mut font: Option<(Weight, f32)> = None;
    let mut fill: Option<f32> = None;
    for item in &page.items {
        let Item::Text(t) = item else { continue };
        let Some(id) = ids.get(&t.weight) else {
            continue;
        };
        if !in_text {
            ops.push(Op::StartTextSection);
            in_text = true;
        }
        if font != Some((t.weight, t.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(t.size),
            });
            font = Some((t.weight, t.size));
        }
        if fill != Some(t.grey) {
            ops.push(Op::SetFillColor { col: grey(t.grey) });
            fill = Some(t.grey);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(t.x), Pt(t.y)),
        });
        let face = fonts.face(t.weight);
        let shown: String = t.text.chars().map(|c| shown(face, c)).collect();
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(shown)],
        });
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
}
