//! Laid-out pages to PDF bytes, through printpdf.
//!
//! Layout code produces [`Page`]s of positioned text and lines; this module writes their
//! content streams, has printpdf make the document around them (a subset of each font used,
//! the metadata), and pins everything printpdf would otherwise make up per run: font
//! resource names (printpdf draws them from a process-wide counter), the trailer's document
//! id (the same counter) and the dates.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::Arc;

use lopdf::{Object, StringFormat};
use printpdf::{
    FontId, ImageCompression, ImageOptimizationOptions, Mm, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem, XObject, XObjectId,
};
use rayon::prelude::*;

use super::file;
use super::fonts::{Face, FontError, Fonts, Weight};
use super::logo::Logo;
use super::plan::MM;
use super::styled;
use decksmith_model::hash::Fnv;

/// A document could not be written: a bug, or printpdf or a compressor failing, never the
/// content (content problems are warnings).
#[derive(Debug)]
pub enum EmitError {
    /// A document needs a page.
    NoPages,
    /// The document's fixed date is out of range (printpdf's message).
    Date(&'static str),
    /// A font could not be subset.
    Font(FontError),
    /// printpdf reported an error while making the document (its message).
    Printpdf(String),
    /// The document printpdf made is not shaped as expected.
    Unexpected {
        /// What was expected of it.
        what: &'static str,
        /// What lopdf said, if it said anything.
        source: Option<lopdf::Error>,
    },
    /// printpdf wrote an object with a generation other than 0.
    Generation {
        /// The object's number.
        number: u32,
        /// Its generation.
        generation: u16,
    },
    /// The compression level is out of range.
    Level(libdeflater::CompressionLvlError),
    /// Compressing a stream failed.
    Deflate(libdeflater::CompressionError),
    /// The file outgrew what its cross-reference stream can address.
    TooBig(&'static str),
}

impl std::fmt::Display for EmitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmitError::NoPages => f.write_str("a document without pages"),
            EmitError::Date(e) => write!(f, "bad fixed date ({e})"),
            EmitError::Font(e) => e.fmt(f),
            EmitError::Printpdf(message) => write!(f, "printpdf reported: {message}"),
            EmitError::Unexpected {
                what,
                source: Some(e),
            } => write!(f, "printpdf wrote {what} ({e})"),
            EmitError::Unexpected { what, source: None } => write!(f, "printpdf wrote {what}"),
            EmitError::Generation { number, generation } => {
                write!(f, "printpdf wrote object {number} {generation}")
            }
            EmitError::Level(e) => write!(f, "bad deflate level ({e:?})"),
            EmitError::Deflate(e) => write!(f, "failed to compress ({e})"),
            EmitError::TooBig(what) => write!(f, "{what} is too big for the PDF's offsets"),
        }
    }
}

impl std::error::Error for EmitError {}

impl From<FontError> for EmitError {
    fn from(e: FontError) -> EmitError {
        EmitError::Font(e)
    }
}

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

/// Something drawn on a page: a line of text, a line, a rectangle or the logo (one of PDF's
/// graphics objects).
#[derive(Clone, Debug, PartialEq)]
pub enum Graphic {
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
    /// The course's logo ([`Info::logo`]), its lower left corner at `x`, `y`.
    Logo {
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
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
    pub background: Option<Arc<Vec<Graphic>>>,
    /// What is on it, in drawing order.
    pub graphics: Vec<Graphic>,
}

impl Page {
    /// An empty page.
    pub fn new(width: f32, height: f32) -> Page {
        Page {
            width,
            height,
            background: None,
            graphics: Vec::new(),
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
            self.graphics.push(Graphic::Text(Text {
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
        self.graphics.push(Graphic::Line {
            from,
            to,
            width,
            grey,
            dash: None,
        });
    }

    /// Adds a rectangle's outline.
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, stroke: f32, grey: f32) {
        self.graphics.push(Graphic::Rect {
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
    /// The course's logo, which [`Graphic::Logo`] draws.
    pub logo: Option<&'a Logo>,
}

/// The creation and modification date of every PDF: the Unix epoch, as reproducible builds
/// do, so the same content always gives the same bytes.
const FIXED_DATE: i64 = 0;

/// The deflate level of page contents: libdeflate's fastest, whose output is a little larger
/// than its level 6's (and smaller than zlib's fastest) in much less time; the object
/// streams of [`file`] win those bytes back.
const CONTENT_LEVEL: i32 = 1;

/// The PDF of `pages`.
///
/// printpdf makes the document objects: the fonts (each a subset, with its widths and the
/// map back to Unicode), the catalog, the metadata, and the page tree with the first page.
/// Page contents are ours: printpdf's own translation of drawing operations formats every
/// number and glyph through `core::fmt` and compresses on one core at zlib's slowest level,
/// which took nine tenths of the time of a large deck. Here each page's content stream is
/// written straight to bytes, shows text through the same glyph codes printpdf uses (the
/// subset font's glyph ids, two bytes each, for its Identity-H encoding), and is
/// compressed, all pages in parallel. The other pages' dictionaries are ours too, and
/// [`file`] writes the whole file.
pub fn write(fonts: &Fonts, info: &Info<'_>, pages: &[Page]) -> Result<Vec<u8>, EmitError> {
    let first = pages.first().ok_or(EmitError::NoPages)?;
    let (backgrounds, page_background) = shared_backgrounds(pages);
    let used = used_chars(fonts, pages, &backgrounds);
    let mut doc = new_document(info)?;
    let (encoders, register) = add_fonts(&mut doc, fonts, &used)?;
    // The logo, once, under a name of ours (printpdf's own are random), if a page shows it.
    if let (Some(logo), true) = (info.logo, shows_logo(pages)) {
        doc.resources.xobjects.map.insert(
            XObjectId(LOGO.to_owned()),
            XObject::Image(logo.image.clone()),
        );
    }

    // Every content stream, written and compressed in parallel.
    let mut streams: Vec<Content> = backgrounds
        .par_iter()
        .map_init(Scratch::new, |z, bg| content(z, &encoders, bg))
        .chain(pages.par_iter().map_init(Scratch::new, |z, page| {
            content(z, &encoders, &page.graphics)
        }))
        .collect::<Result<_, _>>()?;
    let (background_streams, page_streams) = streams.split_at(backgrounds.len());
    let id = document_id(
        info,
        pages,
        background_streams,
        page_streams,
        &page_background,
    );

    // printpdf makes the document with the first page only, which registers the glyphs;
    // the pages are added below, with the contents written above.
    doc.with_pages(vec![PdfPage::new(
        Mm(first.width / MM),
        Mm(first.height / MM),
        register,
    )]);
    let mut lo = to_lopdf(&doc)?;
    // The id's two halves (the file's first and latest version) are the same: each build
    // writes the file anew.
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    tidy_info(&mut lo, info.language);
    // The font programs and their maps to Unicode: page contents are compressed already.
    lo.compress();
    let page_streams = streams.split_off(backgrounds.len());
    write_file(lo, pages, &streams, &page_streams, &page_background)
}

/// The backgrounds shared by several pages, each once, in order of first use; and for each
/// page, which of them it has.
fn shared_backgrounds(pages: &[Page]) -> (Vec<&Arc<Vec<Graphic>>>, Vec<Option<usize>>) {
    let mut backgrounds: Vec<&Arc<Vec<Graphic>>> = Vec::new();
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
    (backgrounds, page_background)
}

/// The characters each weight shows, with those the fonts lack replaced (content warnings
/// have named them already).
fn used_chars(fonts: &Fonts, pages: &[Page], backgrounds: &[&Arc<Vec<Graphic>>]) -> Used {
    pages
        .par_iter()
        .map(|page| page.graphics.as_slice())
        .chain(backgrounds.par_iter().map(|bg| bg.as_slice()))
        .fold(Used::default, |mut used, graphics| {
            used.add(fonts, graphics);
            used
        })
        .reduce(Used::default, Used::merge)
}

/// printpdf's document with its metadata, dated [`FIXED_DATE`].
fn new_document(info: &Info<'_>) -> Result<PdfDocument, EmitError> {
    let mut doc = PdfDocument::new(info.title);
    let date =
        printpdf::OffsetDateTime::from_unix_timestamp(FIXED_DATE).map_err(EmitError::Date)?;
    let meta = &mut doc.metadata.info;
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    meta.subject = info.subject.to_owned();
    meta.creator = "decksmith".to_owned();
    meta.producer = "decksmith (printpdf)".to_owned();
    Ok(doc)
}

/// One subset font per weight shown, added to `doc`: the codes of its glyphs, and the
/// operations of the page that shows printpdf each character once.
///
/// printpdf learns which glyphs a font shows (for its widths and its map back to Unicode)
/// from the text its pages show: the first page shows every character once, and its
/// content is replaced with the real one. Highest first, so where two characters share a
/// glyph, the map names the lower (printpdf keeps the last).
fn add_fonts(
    doc: &mut PdfDocument,
    fonts: &Fonts,
    used: &Used,
) -> Result<(BTreeMap<Weight, Encoder>, Vec<Op>), EmitError> {
    let mut encoders: BTreeMap<Weight, Encoder> = BTreeMap::new();
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
    Ok((encoders, register))
}

/// The document id, hashed from everything drawn: 16 bytes, two FNV-1a halves.
fn document_id(
    info: &Info<'_>,
    pages: &[Page],
    background_streams: &[Content],
    page_streams: &[Content],
    page_background: &[Option<usize>],
) -> Vec<u8> {
    let mut id = (Fnv::new(), Fnv::with_basis(0x84222325cbf29ce4));
    let mut feed = |bytes: &[u8]| {
        id.0.write(bytes);
        id.1.write(bytes);
    };
    feed(info.title.as_bytes());
    // Only a document that shows the logo has it (its streams draw it).
    if let Some(logo) = info.logo
        && shows_logo(pages)
    {
        feed(&logo.hash.to_le_bytes());
    }
    for stream in background_streams {
        feed(&stream.hash.to_le_bytes());
    }
    for ((page, stream), background) in pages.iter().zip(page_streams).zip(page_background) {
        feed(&page.width.to_bits().to_le_bytes());
        feed(&page.height.to_bits().to_le_bytes());
        feed(&background.map_or(u64::MAX, |b| b as u64).to_le_bytes());
        feed(&stream.hash.to_le_bytes());
    }
    let mut bytes = id.0.finish().to_be_bytes().to_vec();
    bytes.extend_from_slice(&id.1.finish().to_be_bytes());
    bytes
}

/// printpdf's document as lopdf objects: fonts (subsets as given), catalog, metadata, the
/// first page.
fn to_lopdf(doc: &PdfDocument) -> Result<lopdf::Document, EmitError> {
    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        // The logo, the only image: compressed losslessly, as it is (no greyscale, no
        // resampling), which printpdf does only when asked.
        image_optimization: Some(ImageOptimizationOptions {
            quality: None,
            max_image_size: None,
            dither_greyscale: Some(false),
            convert_to_greyscale: Some(false),
            auto_optimize: Some(false),
            format: Some(ImageCompression::Flate),
        }),
    };
    let lo = doc.to_lopdf_document(&options, &mut warnings);
    match warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        Some(w) => Err(EmitError::Printpdf(w.msg.clone())),
        None => Ok(lo),
    }
}

/// The resource name of a weight's font.
fn font_name(weight: Weight) -> &'static str {
    match weight {
        Weight::Regular => "F1",
        Weight::Bold => "F2",
        Weight::Italic => "F3",
        Weight::BoldItalic => "F4",
    }
}

/// The file: the document printpdf made, with its first page, and the pages with their
/// contents. The first page keeps printpdf's dictionary, with its real content; every other
/// is a dictionary of our own. What every page would repeat goes to the page tree's root,
/// which pages inherit from (ISO 32000-1, 7.7.3.4): the resources (printpdf's, the same for
/// every page) and the media box when all pages have the same size; trim and crop boxes
/// equal to the media box, and empty annotation lists, go, being what a reader assumes
/// without them.
fn write_file(
    mut doc: lopdf::Document,
    pages: &[Page],
    backgrounds: &[Content],
    contents: &[Content],
    page_background: &[Option<usize>],
) -> Result<Vec<u8>, EmitError> {
    let FirstPage {
        root_id,
        first_id,
        first_contents,
        resources,
    } = first_page(&mut doc)?;
    let same_media = pages
        .windows(2)
        .all(|w| w[0].width == w[1].width && w[0].height == w[1].height);

    // Numbers for the new objects, after printpdf's: the shared backgrounds, then each
    // page's content and dictionary (the first page's are printpdf's).
    let mut next = doc.max_id + 1;
    let mut number = || {
        next += 1;
        next - 1
    };
    let background_ids: Vec<u32> = backgrounds.iter().map(|_| number()).collect();
    let page_ids: Vec<(u32, u32)> = (0..pages.len())
        .map(|i| {
            if i == 0 {
                (first_contents.0, first_id.0)
            } else {
                (number(), number())
            }
        })
        .collect();
    let contents_of = |i: usize| {
        let own = Object::Reference((page_ids[i].0, 0));
        match page_background[i].and_then(|b| background_ids.get(b)) {
            Some(&bg) => Object::Array(vec![Object::Reference((bg, 0)), own]),
            None => own,
        }
    };
    let first = doc
        .get_object_mut(first_id)
        .and_then(Object::as_dict_mut)
        .map_err(unexpected("a page that is not a dictionary"))?;
    first.set("Contents", contents_of(0));
    if let (false, Some(page)) = (same_media, pages.first()) {
        first.set("MediaBox", media_box(page));
    }
    let root = doc
        .get_object_mut(root_id)
        .and_then(Object::as_dict_mut)
        .map_err(unexpected("a page tree that is not a dictionary"))?;
    root.set("Count", Object::Integer(pages.len() as i64));
    root.set(
        "Kids",
        Object::Array(
            page_ids
                .iter()
                .map(|&(_, page)| Object::Reference((page, 0)))
                .collect(),
        ),
    );
    if let Some(resources) = resources {
        root.set("Resources", resources);
    }
    if let (true, Some(page)) = (same_media, pages.first()) {
        root.set("MediaBox", media_box(page));
    }

    let numbers = Numbers {
        root: root_id.0,
        first_contents,
        backgrounds: &background_ids,
        pages: &page_ids,
        next,
    };
    serialize(
        &doc,
        pages,
        backgrounds,
        contents,
        &numbers,
        same_media,
        contents_of,
    )
}

/// The objects' numbers in the file.
struct Numbers<'a> {
    /// The page tree's root.
    root: u32,
    /// The first page's content stream (printpdf's object, given our content).
    first_contents: lopdf::ObjectId,
    /// Each shared background's content stream.
    backgrounds: &'a [u32],
    /// Each page's content stream and dictionary.
    pages: &'a [(u32, u32)],
    /// The first number not used.
    next: u32,
}

/// An error for printpdf's document not being shaped as expected: `what` it has instead.
fn unexpected(what: &'static str) -> impl Fn(lopdf::Error) -> EmitError {
    move |e| EmitError::Unexpected {
        what,
        source: Some(e),
    }
}

/// What [`write_file`] takes from the first page printpdf made.
struct FirstPage {
    root_id: lopdf::ObjectId,
    first_id: lopdf::ObjectId,
    first_contents: lopdf::ObjectId,
    resources: Option<Object>,
}

/// The page tree's root, and the first page with what every page shares taken out of it
/// (its resources) and the boxes and lists a reader assumes removed.
fn first_page(doc: &mut lopdf::Document) -> Result<FirstPage, EmitError> {
    let root_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(unexpected("no page tree"))?;
    let first_id = doc
        .get_pages()
        .into_values()
        .next()
        .ok_or(EmitError::Unexpected {
            what: "no page",
            source: None,
        })?;
    let first = doc
        .get_object_mut(first_id)
        .and_then(Object::as_dict_mut)
        .map_err(unexpected("a page that is not a dictionary"))?;
    let first_contents = first
        .get(b"Contents")
        .and_then(Object::as_reference)
        .map_err(unexpected("a page without contents"))?;
    let resources = first.remove(b"Resources");
    for key in [b"MediaBox".as_slice(), b"TrimBox", b"CropBox", b"Annots"] {
        first.remove(key);
    }
    Ok(FirstPage {
        root_id,
        first_id,
        first_contents,
        resources,
    })
}

/// The file's bytes: printpdf's objects (the first page's content replaced by ours), the
/// shared backgrounds, every page's content, and the other pages' dictionaries.
fn serialize(
    doc: &lopdf::Document,
    pages: &[Page],
    backgrounds: &[Content],
    contents: &[Content],
    numbers: &Numbers<'_>,
    same_media: bool,
    contents_of: impl Fn(usize) -> Object,
) -> Result<Vec<u8>, EmitError> {
    let size: usize = contents.iter().map(|c| c.bytes.len() + 64).sum();
    let mut file = file::Writer::new(size + (256 << 10));
    let first_contents = numbers.first_contents;
    for (&(number, generation), object) in &doc.objects {
        if generation != 0 {
            return Err(EmitError::Generation { number, generation });
        }
        if (number, generation) == first_contents {
            continue;
        }
        match object {
            Object::Stream(stream) => file.stream(number, &stream.dict, &stream.content),
            other => file.object(number, other),
        }
    }
    for (bg, &number) in backgrounds.iter().zip(numbers.backgrounds) {
        file.deflated(number, &bg.bytes);
    }
    let mut dict = Vec::new();
    for (i, (content, &(content_id, page_id))) in contents.iter().zip(numbers.pages).enumerate() {
        file.deflated(content_id, &content.bytes);
        if i == 0 {
            continue;
        }
        dict.clear();
        dict.extend_from_slice(b"<</Type/Page/Parent ");
        file::int(&mut dict, u64::from(numbers.root));
        dict.extend_from_slice(b" 0 R/Contents");
        let contents = contents_of(i);
        if matches!(contents, Object::Reference(_)) {
            dict.push(b' ');
        }
        file::object(&mut dict, &contents);
        if !same_media {
            dict.extend_from_slice(b"/MediaBox");
            file::object(&mut dict, &media_box(&pages[i]));
        }
        dict.extend_from_slice(b">>");
        file.packed(page_id, dict.clone());
    }
    file.finish(numbers.next, &doc.trailer)
}

/// A page's media box.
fn media_box(page: &Page) -> Object {
    Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        Object::Real(page.width),
        Object::Real(page.height),
    ])
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
    /// Adds the characters of the text among `graphics`, as they will be drawn.
    fn add(&mut self, fonts: &Fonts, graphics: &[Graphic]) {
        for graphic in graphics {
            let Graphic::Text(t) = graphic else { continue };
            for (style, run) in styled::runs(&t.text) {
                let weight = style.weight(t.weight);
                let face = fonts.face(weight);
                let (dense, sparse) = self
                    .weights
                    .entry(weight)
                    .or_insert_with(|| (vec![0; DENSE / 64], BTreeSet::new()));
                for c in run.chars() {
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

/// What writing content streams needs, made once per thread and used for each of its pages:
/// the compressor (its tables are too big to make anew for each of thousands of pages) and
/// the buffers a page is written and compressed into.
struct Scratch {
    /// The compressor, or why there is none.
    deflater: Result<libdeflater::Compressor, libdeflater::CompressionLvlError>,
    /// The stream being written.
    ops: Vec<u8>,
    /// Room for the stream compressed.
    packed: Vec<u8>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            deflater: libdeflater::CompressionLvl::new(CONTENT_LEVEL)
                .map(libdeflater::Compressor::new),
            ops: Vec::new(),
            packed: Vec::new(),
        }
    }
}

/// The content stream of `graphics`, compressed: lines first, then all text in one text
/// object, each piece of state set only when it changes.
fn content(
    scratch: &mut Scratch,
    encoders: &BTreeMap<Weight, Encoder>,
    graphics: &[Graphic],
) -> Result<Content, EmitError> {
    let mut buffer = std::mem::take(&mut scratch.ops);
    buffer.clear();
    let mut out = Ops(buffer);
    draw_lines(&mut out, graphics);
    draw_logos(&mut out, graphics);
    draw_text(&mut out, encoders, graphics);
    let content = compress(scratch, &out.0);
    scratch.ops = out.0;
    content
}

/// The lines and rectangles of `graphics`, each stroke setting written only when it changes.
fn draw_lines(out: &mut Ops, graphics: &[Graphic]) {
    // The stroke in force: width, grey, dash.
    type Pen = (f32, f32, Option<(f32, f32)>);
    let mut stroke: Option<Pen> = None;
    for graphic in graphics {
        let (width, level, dash) = match graphic {
            Graphic::Line {
                width, grey, dash, ..
            } => (*width, *grey, *dash),
            Graphic::Rect { stroke, grey, .. } => (*stroke, *grey, None),
            Graphic::Text(_) | Graphic::Logo { .. } => continue,
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
        match graphic {
            Graphic::Line { from, to, .. } => {
                out.point(*from);
                out.raw(b" m ");
                out.point(*to);
                out.raw(b" l S\n");
            }
            Graphic::Rect {
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
            Graphic::Text(_) | Graphic::Logo { .. } => {}
        }
    }
}

/// Whether a page shows the logo.
fn shows_logo(pages: &[Page]) -> bool {
    pages
        .iter()
        .any(|p| p.graphics.iter().any(|i| matches!(i, Graphic::Logo { .. })))
}

/// The resource name of the logo's image.
const LOGO: &str = "Logo";

/// The logo wherever `graphics` place it: its image scaled into its box.
fn draw_logos(out: &mut Ops, graphics: &[Graphic]) {
    for graphic in graphics {
        let &Graphic::Logo {
            x,
            y,
            width,
            height,
        } = graphic
        else {
            continue;
        };
        out.raw(b"q\n");
        out.num(width, 3);
        out.raw(b" 0 0 ");
        out.num(height, 3);
        out.raw(b" ");
        out.num(x, 3);
        out.raw(b" ");
        out.num(y, 3);
        out.raw(b" cm\n/");
        out.raw(LOGO.as_bytes());
        out.raw(b" Do\nQ\n");
    }
}

/// The text of `graphics`, in one text object, each font, fill and rise written only when it
/// changes.
fn draw_text(out: &mut Ops, encoders: &BTreeMap<Weight, Encoder>, graphics: &[Graphic]) {
    let mut in_text = false;
    let mut font: Option<(Weight, f32)> = None;
    let mut fill: Option<f32> = None;
    let mut rise = 0.0f32;
    // Where the current line starts, in hundredths of a point: text is placed with `Td`,
    // relative to the line before, from numbers rounded once, so no error adds up.
    let mut at = (0i64, 0i64);
    for graphic in graphics {
        let Graphic::Text(t) = graphic else { continue };
        let mut runs = styled::runs(&t.text).peekable();
        let Some(&(first, _)) = runs.peek() else {
            continue;
        };
        if !in_text {
            out.raw(b"BT\n");
            in_text = true;
        }
        let mut set_font = |out: &mut Ops, style: styled::Marks| {
            let weight = style.weight(t.weight);
            let size = t.size * style.scale();
            if font != Some((weight, size)) {
                out.raw(b"/");
                out.raw(font_name(weight).as_bytes());
                out.raw(b" ");
                out.num(size, 3);
                out.raw(b" Tf\n");
                font = Some((weight, size));
            }
        };
        set_font(out, first);
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
        // Each run where the last ended: showing text moves the pen by its glyphs' widths.
        for (style, run) in runs {
            let Some(encoder) = encoders.get(&style.weight(t.weight)) else {
                continue;
            };
            set_font(out, style);
            let raised = style.rise() * t.size;
            if raised != rise {
                out.num(raised, 3);
                out.raw(b" Ts\n");
                rise = raised;
            }
            out.text(encoder, run);
            out.raw(b" Tj\n");
        }
    }
    if in_text {
        out.raw(b"ET\n");
    }
}

/// `input` deflated, with its hash.
fn compress(scratch: &mut Scratch, input: &[u8]) -> Result<Content, EmitError> {
    let z = scratch
        .deflater
        .as_mut()
        .map_err(|e| EmitError::Level(*e))?;
    let bound = z.zlib_compress_bound(input.len());
    if scratch.packed.len() < bound {
        scratch.packed.resize(bound, 0);
    }
    let written = z
        .zlib_compress(input, &mut scratch.packed)
        .map_err(EmitError::Deflate)?;
    let bytes = scratch.packed.get(..written).unwrap_or_default().to_vec();
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
        file::int(&mut self.0, int);
        if frac != 0 {
            self.0.push(b'.');
            let mut digits = decimals;
            while frac % 10 == 0 {
                frac /= 10;
                digits -= 1;
            }
            let start = self.0.len();
            file::int(&mut self.0, frac);
            // Leading zeros of the fraction (`0.05`).
            let written = (self.0.len() - start) as u32;
            for _ in written..digits {
                self.0.insert(start, b'0');
            }
        }
    }

    /// `text` as a literal string of glyph codes, escaped where PDF syntax needs it:
    /// parentheses and backslashes, and carriage returns, which a reader would take for
    /// line ends.
    fn text(&mut self, encoder: &Encoder, text: &str) {
        // Two bytes a character, at most (a character of one byte in UTF-8 takes two).
        self.0.reserve(text.len() * 2 + 2);
        self.0.push(b'(');
        for c in text.chars() {
            let code = encoder.code(c).to_be_bytes();
            if code
                .iter()
                .any(|b| matches!(b, b'(' | b')' | b'\\' | b'\r'))
            {
                for byte in code {
                    match byte {
                        b'(' | b')' | b'\\' => self.0.extend_from_slice(&[b'\\', byte]),
                        b'\r' => self.0.extend_from_slice(b"\\r"),
                        _ => self.0.push(byte),
                    }
                }
            } else {
                self.0.extend_from_slice(&code);
            }
        }
        self.0.push(b')');
    }
}
