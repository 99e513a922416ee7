//! Laid-out pages to PDF bytes, through printpdf.
//!
//! Layout code produces [`Page`]s of positioned text and lines; this module turns them into
//! printpdf operations, embeds a subset of each font used, and pins everything printpdf
//! would otherwise make up per run: font resource names (printpdf draws them from a
//! process-wide counter), the trailer's document id (the same counter) and the dates.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::Arc;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Object, ObjectId, Stream, StringFormat};
use printpdf::{
    FontId, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    TextItem,
};
use rayon::prelude::*;

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
    /// What is drawn first, the same on many pages (a card sheet's cut lines): the PDF holds
    /// it once, for every page that shares this `Arc`.
    pub background: Option<Arc<Vec<Item>>>,
    /// What is on it, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// An empty page.
    pub fn new(width: f32, height: f32) -> Page {
        Page {
            width,
            height,
            background: None,
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

/// The deflate level of page contents. Level 6 (zlib's default) makes them 30% smaller than
/// level 1 (PDF content is text with many near repeats, which the fastest levels miss) and
/// is as small as 9 within 1%, in a fraction of its time.
const CONTENT_LEVEL: u32 = 6;

/// The PDF of `pages`.
///
/// printpdf writes the document: the page tree, the fonts (each a subset, with its widths
/// and the map back to Unicode), the metadata. Page contents are ours: printpdf's own
/// translation of drawing operations formats every number and glyph through `core::fmt` and
/// compresses on one core at zlib's slowest level, which took nine tenths of the time of a
/// large deck. Here each page's content stream is written straight to bytes, shows text
/// through the same glyph codes printpdf uses (the subset font's glyph ids, two bytes each,
/// for its Identity-H encoding), and is compressed, all pages in parallel; the finished
/// streams then replace the empty ones in the document printpdf made.
pub fn write(fonts: &Fonts, info: &Info<'_>, pages: &[Page]) -> Result<Vec<u8>, String> {
    // Backgrounds shared by several pages, each written once, in order of first use.
    let mut backgrounds: Vec<&Arc<Vec<Item>>> = Vec::new();
    let mut page_background: Vec<Option<usize>> = Vec::with_capacity(pages.len());
    for page in pages {
        page_background.push(page.background.as_ref().map(|bg| {
            match backgrounds.iter().position(|b| Arc::ptr_eq(b, bg)) {
                Some(i) => i,
                None => {
                    backgrounds.push(bg);
                    backgrounds.len() - 1
                }
            }
        }));
    }

    // The characters each weight shows, with those the fonts lack replaced (content warnings
    // have named them already).
    let used = pages
        .par_iter()
        .map(|page| page.items.as_slice())
        .chain(backgrounds.par_iter().map(|bg| bg.as_slice()))
        .fold(Used::default, |mut used, items| {
            used.add(fonts, items);
            used
        })
        .reduce(Used::default, Used::merge);

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

    // One subset font per weight shown, and the codes its glyphs have.
    let mut encoders: BTreeMap<Weight, Encoder> = BTreeMap::new();
    // printpdf learns which glyphs a font shows (for its widths and its map back to
    // Unicode) from the text its pages show: the first page shows every character once,
    // and its content is replaced with the real one below. Highest first, so where two
    // characters share a glyph, the map names the lower (printpdf keeps the last).
    let mut register = vec![Op::StartTextSection];
    for (weight, chars) in used.weights() {
        let font_id = FontId(font_name(weight).to_owned());
        let subset = fonts.face(weight).subset(&chars)?;
        encoders.insert(weight, Encoder::new(fonts.face(weight), &subset));
        register.push(Op::SetFont {
            font: PdfFontHandle::External(font_id.clone()),
            size: Pt(12.0),
        });
        register.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().rev().collect())],
        });
        doc.resources
            .fonts
            .map
            .insert(font_id, PdfFont::new(subset));
    }
    register.push(Op::EndTextSection);

    // Every content stream, written and compressed in parallel.
    let streams: Vec<Content> = backgrounds
        .par_iter()
        .map_init(deflater, |z, bg| content(z, &encoders, bg))
        .chain(
            pages
                .par_iter()
                .map_init(deflater, |z, page| content(z, &encoders, &page.items)),
        )
        .collect::<Result<_, _>>()?;
    let (background_streams, page_streams) = streams.split_at(backgrounds.len());

    // The document id, hashed from everything drawn.
    let mut id = (Fnv::new(), Fnv::with_basis(0x84222325cbf29ce4));
    let mut feed = |bytes: &[u8]| {
        id.0.write(bytes);
        id.1.write(bytes);
    };
    feed(info.title.as_bytes());
    for stream in background_streams {
        feed(&stream.hash.to_le_bytes());
    }
    for ((page, stream), background) in pages.iter().zip(page_streams).zip(&page_background) {
        feed(&page.width.to_bits().to_le_bytes());
        feed(&page.height.to_bits().to_le_bytes());
        feed(&background.map_or(u64::MAX, |b| b as u64).to_le_bytes());
        feed(&stream.hash.to_le_bytes());
    }

    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let ops = if i == 0 {
                std::mem::take(&mut register)
            } else {
                Vec::new()
            };
            PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
        })
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
    put_contents(&mut lo, background_streams, page_streams, &page_background)?;
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
    // The font programs and their maps to Unicode: page contents are compressed already.
    lo.compress();
    let mut bytes = Vec::with_capacity(
        page_streams
            .iter()
            .map(|s| s.bytes.len() + 128)
            .sum::<usize>()
            + (64 << 10),
    );
    lo.save_to(&mut bytes)
        .map_err(|e| format!("failed to write the PDF ({e})"))?;
    Ok(bytes)
}

/// The resource name of a weight's font.
fn font_name(weight: Weight) -> &'static str {
    match weight {
        Weight::Regular => "F1",
        Weight::Bold => "F2",
    }
}

/// Puts the content streams into the document printpdf made, in place of its empty ones,
/// and leaves out what every page would repeat: their resources (all the same) and media
/// box (when all the same) go to the page tree's root, which pages inherit from (ISO
/// 32000-1, 7.7.3.4), and trim and crop boxes equal to the media box, and empty annotation
/// lists, go, being what a reader assumes without them.
fn put_contents(
    doc: &mut lopdf::Document,
    backgrounds: &[Content],
    contents: &[Content],
    page_background: &[Option<usize>],
) -> Result<(), String> {
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() != contents.len() {
        return Err(format!(
            "printpdf wrote {} pages of {}",
            page_ids.len(),
            contents.len()
        ));
    }
    let background_ids: Vec<ObjectId> = backgrounds
        .iter()
        .map(|bg| doc.add_object(bg.stream()))
        .collect();
    let mut resources: Vec<ObjectId> = Vec::new();
    let mut media_boxes: Vec<Object> = Vec::new();
    for ((&page_id, content), background) in page_ids.iter().zip(contents).zip(page_background) {
        let dict = doc
            .get_object_mut(page_id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| format!("printpdf wrote a page that is not a dictionary ({e})"))?;
        let contents_id = dict
            .get(b"Contents")
            .and_then(Object::as_reference)
            .map_err(|e| format!("printpdf wrote a page without contents ({e})"))?;
        if let Some(bg) = background.and_then(|b| background_ids.get(b)) {
            dict.set(
                "Contents",
                Object::Array(vec![Object::Reference(*bg), Object::Reference(contents_id)]),
            );
        }
        if let Ok(Object::Reference(r)) = dict.remove(b"Resources").as_ref().ok_or(()) {
            resources.push(*r);
        }
        let media = dict.remove(b"MediaBox").unwrap_or(Object::Null);
        for key in [b"TrimBox".as_slice(), b"CropBox"] {
            if dict.get(key).ok() == Some(&media) {
                dict.remove(key);
            }
        }
        if matches!(dict.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
            dict.remove(b"Annots");
        }
        media_boxes.push(media);
        doc.objects
            .insert(contents_id, Object::Stream(content.stream()));
    }
    // Resources: printpdf gives each page a dictionary of its own, all alike (references to
    // the document's one font, XObject, ExtGState and shading dictionaries).
    let shared = resources.first().copied();
    let same_resources = shared.is_some_and(|first| {
        let first = doc.get_object(first).ok();
        resources.iter().all(|r| doc.get_object(*r).ok() == first)
    });
    let same_media = media_boxes.windows(2).all(|w| w[0] == w[1]);
    let root_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| format!("printpdf wrote no page tree ({e})"))?;
    let root = doc
        .get_object_mut(root_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| format!("printpdf wrote a page tree that is not a dictionary ({e})"))?;
    if let (true, Some(shared)) = (same_resources, shared) {
        root.set("Resources", Object::Reference(shared));
    }
    if same_media && let Some(media) = media_boxes.first() {
        root.set("MediaBox", media.clone());
    }
    // Whatever could not go to the root goes back to each page.
    if !same_resources || !same_media {
        for ((page_id, resource), media) in page_ids.iter().zip(&resources).zip(&media_boxes) {
            if let Ok(dict) = doc.get_object_mut(*page_id).and_then(Object::as_dict_mut) {
                if !same_resources {
                    dict.set("Resources", Object::Reference(*resource));
                }
                if !same_media {
                    dict.set("MediaBox", media.clone());
                }
            }
        }
    }
    if same_resources {
        for r in resources.iter().skip(1) {
            doc.objects.remove(r);
        }
    }
    // The dropped objects leave gaps in the numbering, each a few bytes of cross-reference
    // table; numbering every object again to close them took a fifth of the writing time.
    Ok(())
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

/// The characters a document shows, by weight: those below [`DENSE`] in a bit set (Latin,
/// Greek, Cyrillic, punctuation), the rest in a set.
#[derive(Default)]
struct Used {
    weights: BTreeMap<Weight, (Vec<u64>, BTreeSet<char>)>,
}

/// Characters below this are kept in bit sets.
const DENSE: usize = 0x2400;

impl Used {
    /// Adds the characters of the text among `items`, as they will be drawn.
    fn add(&mut self, fonts: &Fonts, items: &[Item]) {
        for item in items {
            let Item::Text(t) = item else { continue };
            let face = fonts.face(t.weight);
            let (dense, sparse) = self
                .weights
                .entry(t.weight)
                .or_insert_with(|| (vec![0; DENSE / 64], BTreeSet::new()));
            for c in t.text.chars() {
                let c = shown(face, c);
                let i = c as usize;
                match dense.get_mut(i / 64) {
                    Some(word) => *word |= 1 << (i % 64),
                    None => {
                        sparse.insert(c);
                    }
                }
            }
        }
    }

    /// Both sets of characters together.
    fn merge(mut self, other: Used) -> Used {
        for (weight, (dense, sparse)) in other.weights {
            match self.weights.get_mut(&weight) {
                Some((d, s)) => {
                    for (a, b) in d.iter_mut().zip(dense) {
                        *a |= b;
                    }
                    s.extend(sparse);
                }
                None => {
                    self.weights.insert(weight, (dense, sparse));
                }
            }
        }
        self
    }

    /// Each weight shown, with its characters.
    fn weights(&self) -> Vec<(Weight, BTreeSet<char>)> {
        self.weights
            .iter()
            .map(|(&weight, (dense, sparse))| {
                let mut chars = sparse.clone();
                for (w, word) in dense.iter().enumerate() {
                    let mut bits = *word;
                    while bits != 0 {
                        let bit = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        chars.extend(char::from_u32((w * 64 + bit) as u32));
                    }
                }
                (weight, chars)
            })
            .collect()
    }
}

/// A character's code in a subset font, as printpdf encodes text for it: the subset's glyph
/// id for the character (`0` when it has none), two bytes, big-endian, for the font's
/// Identity-H encoding.
struct Encoder {
    /// The codes of the characters below [`DENSE`], indexed by character, each after
    /// [`shown`].
    dense: Vec<u16>,
    /// The codes of the characters the subset has.
    codes: BTreeMap<u32, u16>,
    /// The code of the face's replacement character.
    replacement: u16,
}

impl Encoder {
    fn new(face: &Face, subset: &ParsedFont) -> Encoder {
        let codes = &subset.codepoint_to_glyph;
        let code = |c: char| codes.get(&(c as u32)).copied().unwrap_or(0);
        Encoder {
            dense: (0..DENSE as u32)
                .map(|cp| char::from_u32(cp).map_or(0, |c| code(shown(face, c))))
                .collect(),
            replacement: code(face.replacement()),
            codes: codes.clone(),
        }
    }

    /// The code of `c` as drawn.
    fn code(&self, c: char) -> u16 {
        match self.dense.get(c as usize) {
            Some(&code) => code,
            // Above the dense range the subset has every character shown that the face
            // has; any other is one the face lacks, drawn as the replacement.
            None => self
                .codes
                .get(&(c as u32))
                .copied()
                .unwrap_or(self.replacement),
        }
    }
}

/// A content stream, compressed, with a hash of it for the document id.
struct Content {
    /// The stream's bytes, deflated.
    bytes: Vec<u8>,
    /// FNV-1a of `bytes`.
    hash: u64,
}

impl Content {
    /// The stream object.
    fn stream(&self) -> Stream {
        let mut dict = lopdf::Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, self.bytes.clone())
    }
}

/// The content stream of `items`, compressed: lines first, then all text in one text
/// object, each piece of state set only when it changes.
/// A deflate compressor for page contents. Its state (window and hash tables, some 300 KB)
/// is made once per thread and reset for each page: making it anew for each of thousands of
/// pages cost more than the compressing.
fn deflater() -> Compress {
    Compress::new(Compression::new(CONTENT_LEVEL), true)
}

fn content(
    z: &mut Compress,
    encoders: &BTreeMap<Weight, Encoder>,
    items: &[Item],
) -> Result<Content, String> {
    let mut out = Ops::default();
    // The stroke in force: width, grey, dash.
    type Pen = (f32, f32, Option<(f32, f32)>);
    let mut stroke: Option<Pen> = None;
    for item in items {
        let (width, level, dash) = match item {
            Item::Line {
                width, grey, dash, ..
            } => (*width, *grey, *dash),
            Item::Rect { stroke, grey, .. } => (*stroke, *grey, None),
            Item::Text(_) => continue,
        };
        let first = stroke.is_none();
        if first {
            out.raw(b"0 J\n");
        }
        let (old_width, old_level, old_dash) = stroke.unwrap_or((f32::NAN, f32::NAN, None));
        if first || old_level != level {
            out.num(level.clamp(0.0, 1.0), 3);
            out.raw(b" G\n");
        }
        if first || old_width != width {
            out.num(width, 3);
            out.raw(b" w\n");
        }
        if first || old_dash != dash {
            match dash {
                Some((on, off)) => {
                    out.raw(b"[");
                    out.num(on, 3);
                    out.raw(b" ");
                    out.num(off, 3);
                    out.raw(b"] 0 d\n");
                }
                None => out.raw(b"[] 0 d\n"),
            }
        }
        stroke = Some((width, level, dash));
        match item {
            Item::Line { from, to, .. } => {
                out.point(*from);
                out.raw(b" m ");
                out.point(*to);
                out.raw(b" l S\n");
            }
            Item::Rect {
                x,
                y,
                width,
                height,
                ..
            } => {
                out.point((*x, *y));
                out.raw(b" ");
                out.point((*width, *height));
                out.raw(b" re S\n");
            }
            Item::Text(_) => {}
        }
    }

    let mut in_text = false;
    let mut font: Option<(Weight, f32)> = None;
    let mut fill: Option<f32> = None;
    // Where the current line starts, in hundredths of a point: text is placed with `Td`,
    // relative to the line before, from numbers rounded once, so no error adds up.
    let mut at = (0i64, 0i64);
    for item in items {
        let Item::Text(t) = item else { continue };
        let Some(encoder) = encoders.get(&t.weight) else {
            continue;
        };
        if !in_text {
            out.raw(b"BT\n");
            in_text = true;
        }
        if font != Some((t.weight, t.size)) {
            out.raw(b"/");
            out.raw(font_name(t.weight).as_bytes());
            out.raw(b" ");
            out.num(t.size, 3);
            out.raw(b" Tf\n");
            font = Some((t.weight, t.size));
        }
        if fill != Some(t.grey) {
            out.num(t.grey.clamp(0.0, 1.0), 3);
            out.raw(b" g\n");
            fill = Some(t.grey);
        }
        let to = (hundredths(t.x), hundredths(t.y));
        out.hundredths(to.0 - at.0);
        out.raw(b" ");
        out.hundredths(to.1 - at.1);
        out.raw(b" Td\n");
        at = to;
        out.text(encoder, &t.text);
        out.raw(b" Tj\n");
    }
    if in_text {
        out.raw(b"ET\n");
    }

    z.reset();
    let input = &out.0;
    let mut bytes = Vec::with_capacity(input.len() / 3 + 64);
    loop {
        let read = z.total_in() as usize;
        let status = z
            .compress_vec(&input[read..], &mut bytes, FlushCompress::Finish)
            .map_err(|e| format!("failed to compress a page ({e})"))?;
        match status {
            Status::StreamEnd => break,
            // Out of room: more, and go on.
            Status::Ok | Status::BufError => bytes.reserve(bytes.capacity().max(256)),
        }
    }
    let mut hash = Fnv::new();
    hash.write(&bytes);
    Ok(Content {
        hash: hash.finish(),
        bytes,
    })
}

/// `v` points in hundredths, the precision of positions in content streams: a hundredth of
/// a point is 3.5 µm, a tenth of a printer's dot at 1200 dpi.
fn hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

/// A content stream being written.
#[derive(Default)]
struct Ops(Vec<u8>);

impl Ops {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// `v` with at most `decimals` decimals and no trailing zeros (`0.35`, `12`, `-3.5`).
    fn num(&mut self, v: f32, decimals: u32) {
        let scale = 10i64.pow(decimals);
        let scaled = (f64::from(v) * scale as f64).round() as i64;
        self.fixed(scaled, decimals);
    }

    /// A number given in hundredths.
    fn hundredths(&mut self, v: i64) {
        self.fixed(v, 2);
    }

    /// A point's two coordinates, to a hundredth.
    fn point(&mut self, (x, y): (f32, f32)) {
        self.hundredths(hundredths(x));
        self.raw(b" ");
        self.hundredths(hundredths(y));
    }

    /// `scaled` / 10^`decimals`, written without trailing zeros.
    fn fixed(&mut self, scaled: i64, decimals: u32) {
        if scaled < 0 {
            self.0.push(b'-');
        }
        let v = scaled.unsigned_abs();
        let scale = 10u64.pow(decimals);
        let (int, mut frac) = (v / scale, v % scale);
        self.int(int);
        if frac != 0 {
            self.0.push(b'.');
            let mut digits = decimals;
            while frac % 10 == 0 {
                frac /= 10;
                digits -= 1;
            }
            let start = self.0.len();
            self.int(frac);
            // Leading zeros of the fraction (`0.05`).
            let written = (self.0.len() - start) as u32;
            for _ in written..digits {
                self.0.insert(start, b'0');
            }
        }
    }

    fn int(&mut self, mut v: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.0.extend_from_slice(&buf[i..]);
    }

    /// `text` as a literal string of glyph codes, escaped where PDF syntax needs it:
    /// parentheses and backslashes, and carriage returns, which a reader would take for
    /// line ends.
    fn text(&mut self, encoder: &Encoder, text: &str) {
        self.0.push(b'(');
        for c in text.chars() {
            for byte in encoder.code(c).to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => self.0.extend_from_slice(&[b'\\', byte]),
                    b'\r' => self.0.extend_from_slice(b"\\r"),
                    _ => self.0.push(byte),
                }
            }
        }
        self.0.push(b')');
    }
}
