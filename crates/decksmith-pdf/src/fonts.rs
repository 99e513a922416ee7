//! The fonts of every PDF: DejaVu Sans, regular and bold, upright and oblique (for a
//! teacher's italics), compiled into the binary.
//!
//! Each face is parsed once per build ([`Fonts::load`], by the driver): its character map and
//! advances become lookup tables for measuring text, and each PDF embeds a subset of it made
//! from the characters that PDF shows ([`Face::subset`]). printpdf subsets fonts only
//! with its `text_layout` feature (a whole layout engine), so the subset is made here with
//! the subsetter printpdf itself depends on, and printpdf embeds it as it is.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tag;
use printpdf::{FontType, ParsedFont};

use decksmith_model::hash::Fnv;

/// DejaVu Sans 2.37 (see `fonts/README.md` for why, `fonts/LICENSE` for its licence).
const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold 2.37.
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Oblique 2.37.
const ITALIC: &[u8] = include_bytes!("../fonts/DejaVuSans-Oblique.ttf");
/// DejaVu Sans Bold Oblique 2.37.
const BOLD_ITALIC: &[u8] = include_bytes!("../fonts/DejaVuSans-BoldOblique.ttf");

/// A font could not be read or subset: the embedded fonts are ours, so this is a bug.
#[derive(Debug)]
pub enum FontError {
    /// printpdf could not parse the face.
    Unparsed {
        /// The face.
        name: &'static str,
    },
    /// The face has no Unicode character map.
    NoCharacterMap {
        /// The face.
        name: &'static str,
    },
    /// The subsetter could not read the face.
    Read {
        /// The face.
        name: &'static str,
        /// What the subsetter said.
        source: allsorts::error::ReadWriteError,
    },
    /// The subsetter failed.
    Subset {
        /// The face.
        name: &'static str,
        /// What the subsetter said.
        source: allsorts::subset::SubsetError,
    },
}

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FontError::Unparsed { name } => {
                write!(f, "the embedded font {name} could not be parsed")
            }
            FontError::NoCharacterMap { name } => {
                write!(f, "the embedded font {name} has no Unicode character map")
            }
            FontError::Read { name, source } => write!(f, "failed to read font {name} ({source})"),
            FontError::Subset { name, source } => {
                write!(f, "failed to subset font {name} ({source})")
            }
        }
    }
}

impl std::error::Error for FontError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FontError::Read { source, .. } => Some(source),
            FontError::Subset { source, .. } => Some(source),
            FontError::Unparsed { .. } | FontError::NoCharacterMap { .. } => None,
        }
    }
}

/// Characters below this are looked up in a table indexed by code point (Latin, Greek,
/// Cyrillic, punctuation, arrows); the rest in a map.
const DENSE_LIMIT: u32 = 0x2400;

/// The faces the PDFs use: the layout sets text in regular or bold; a teacher's markup
/// makes it italic (see [`crate::styled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    /// For running text.
    Regular,
    /// For headings, numbers and the fronts of cards.
    Bold,
    /// A teacher's `*italics*`.
    Italic,
    /// A teacher's italics in bold text.
    BoldItalic,
}

/// The four faces, parsed.
#[derive(Debug)]
pub struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
    bold_italic: Face,
}

impl Fonts {
    /// Parses the embedded faces.
    pub fn load() -> Result<Fonts, FontError> {
        Ok(Fonts {
            regular: Face::parse("DejaVuSans", REGULAR)?,
            bold: Face::parse("DejaVuSans-Bold", BOLD)?,
            italic: Face::parse("DejaVuSans-Oblique", ITALIC)?,
            bold_italic: Face::parse("DejaVuSans-BoldOblique", BOLD_ITALIC)?,
        })
    }

    /// The face of a weight.
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
            Weight::Italic => &self.italic,
            Weight::BoldItalic => &self.bold_italic,
        }
    }

    /// The characters of `text` (with its markup) that the fonts cannot show, in order,
    /// without repeats: those the regular or the bold face lacks, since any text may be set
    /// in either (the faces differ only in a few mathematical letters), and in a teacher's
    /// italics those either oblique face lacks (they have no Arabic, N'Ko, Ogham or
    /// Tifinagh).
    pub fn missing(&self, text: &str) -> Vec<char> {
        let styled = crate::styled::styled(text);
        let mut italic = false;
        let mut missing: Vec<char> = Vec::new();
        for c in styled.chars() {
            if let Some(marks) = crate::styled::Marks::of_marker(c) {
                italic = marks.is_italic();
                continue;
            }
            // Line breaks and tabs lay text out; they are never drawn.
            if c.is_control() {
                continue;
            }
            let covered = if italic {
                self.italic.has(c) && self.bold_italic.has(c)
            } else {
                self.regular.has(c) && self.bold.has(c)
            };
            if !covered && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }
}

/// A glyph: its id in the full font and its advance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Glyph {
    /// The glyph id; 0 (`.notdef`) means the font has no glyph for the character.
    pub gid: u16,
    /// The advance in thousandths of an em, rounded exactly as the PDF's `/W` array has it,
    /// so what is measured is what a viewer draws.
    pub advance: u16,
}

/// One parsed face.
pub struct Face {
    name: &'static str,
    bytes: &'static [u8],
    parsed: ParsedFont,
    dense: Vec<Glyph>,
    sparse: BTreeMap<char, Glyph>,
    replacement: char,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("name", &self.name)
            .field("glyphs", &self.parsed.glyph_widths.len())
            .finish()
    }
}

impl Face {
    fn parse(name: &'static str, bytes: &'static [u8]) -> Result<Face, FontError> {
        let mut warnings = Vec::new();
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(FontError::Unparsed { name })?;
        if parsed.codepoint_to_glyph.is_empty() {
            return Err(FontError::NoCharacterMap { name });
        }
        let upm = f32::from(parsed.units_per_em.max(1));
        let mut dense = vec![Glyph::default(); DENSE_LIMIT as usize];
        let mut sparse = BTreeMap::new();
        for (&cp, &gid) in &parsed.codepoint_to_glyph {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let width = parsed.glyph_widths.get(&gid).copied().unwrap_or(0);
            // The same arithmetic as printpdf's `/W` entries, truncation included.
            let advance = (f32::from(width) * 1000.0 / upm) as u16;
            let glyph = Glyph { gid, advance };
            if cp < DENSE_LIMIT {
                dense[cp as usize] = glyph;
            } else {
                sparse.insert(c, glyph);
            }
        }
        let has = |c: char| {
            parsed
                .codepoint_to_glyph
                .get(&(c as u32))
                .is_some_and(|&g| g != 0)
        };
        let replacement = if has('\u{FFFD}') { '\u{FFFD}' } else { '?' };
        Ok(Face {
            name,
            bytes,
            dense,
            sparse,
            replacement,
            parsed,
        })
    }

    /// The glyph for `c`, if the font has one.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        let cp = c as u32;
        let glyph = if cp < DENSE_LIMIT {
            self.dense[cp as usize]
        } else {
            self.sparse.get(&c).copied()?
        };
        (glyph.gid != 0).then_some(glyph)
    }

    /// Whether the font can show `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// What is drawn instead of a character the font lacks (a warning names the entry).
    pub fn replacement(&self) -> char {
        self.replacement
    }

    /// The advance of `c` in thousandths of an em (that of the replacement if it is missing;
    /// none for a style marker, which is never drawn).
    pub fn advance(&self, c: char) -> u32 {
        if let Some(g) = self.glyph(c) {
            return u32::from(g.advance);
        }
        // No face has a glyph for a marker, so it is looked for only here.
        if crate::styled::Marks::of_marker(c).is_some() {
            return 0;
        }
        self.glyph(self.replacement)
            .map_or(0, |g| u32::from(g.advance))
    }

    /// The width of `text` in thousandths of an em.
    pub fn width(&self, text: &str) -> u32 {
        text.chars().map(|c| self.advance(c)).sum()
    }

    /// The ascender, as a fraction of the font size.
    pub fn ascent(&self) -> f32 {
        f32::from(self.parsed.font_metrics.ascent) / f32::from(self.parsed.units_per_em.max(1))
    }

    /// A font holding only the glyphs of `chars` (characters the face lacks are skipped),
    /// ready to embed: glyphs are renumbered from 1 in the order of their old ids, and the
    /// character map and widths printpdf writes from are made to match.
    pub fn subset(&self, chars: &BTreeSet<char>) -> Result<ParsedFont, FontError> {
        let mut gids: Vec<u16> = chars
            .iter()
            .filter_map(|&c| self.glyph(c))
            .map(|g| g.gid)
            .collect();
        gids.push(0);
        gids.sort_unstable();
        gids.dedup();

        let read = |source: allsorts::error::ReadWriteError| FontError::Read {
            name: self.name,
            source,
        };
        let font = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| read(e.into()))?;
        let provider = font.table_provider(0).map_err(read)?;
        // The tables a PDF's TrueType font program needs (ISO 32000-1, 9.9): outlines,
        // metrics and the hinting programs the glyphs' instructions call; no `cmap`, `name`
        // or `post`, since the PDF maps codes to glyphs itself.
        let profile = SubsetProfile::Custom(vec![
            tag::HEAD,
            tag::HHEA,
            tag::HMTX,
            tag::MAXP,
            tag::CVT,
            tag::FPGM,
            tag::PREP,
        ]);
        let bytes = subset(&provider, &gids, &profile, CmapTarget::Unicode).map_err(|source| {
            FontError::Subset {
                name: self.name,
                source,
            }
        })?;

        // The subsetter keeps the given glyphs first, in the order given (components of
        // composite glyphs come after them), so a glyph's new id is its index in `gids`.
        let new_id = |gid: u16| {
            gids.binary_search(&gid)
                .ok()
                .and_then(|i| u16::try_from(i).ok())
        };
        let mut codepoint_to_glyph = BTreeMap::new();
        for &c in chars {
            if let Some(id) = self.glyph(c).and_then(|g| new_id(g.gid)) {
                codepoint_to_glyph.insert(c as u32, id);
            }
        }
        let mut glyph_widths = BTreeMap::new();
        let mut hash = Fnv::new();
        for (new, &old) in gids.iter().enumerate() {
            if let (Ok(new), Some(&w)) = (u16::try_from(new), self.parsed.glyph_widths.get(&old)) {
                glyph_widths.insert(new, w);
            }
            hash.write(&old.to_le_bytes());
        }
        hash.write(self.name.as_bytes());
        Ok(ParsedFont {
            original_bytes: bytes,
            font_index: 0,
            font_name: Some(format!("{}+{}", subset_tag(hash.finish()), self.name)),
            codepoint_to_glyph,
            glyph_widths,
            units_per_em: self.parsed.units_per_em,
            font_metrics: self.parsed.font_metrics.clone(),
            font_type: FontType::TrueType,
            pdf_font_metrics: self.parsed.pdf_font_metrics.clone(),
        })
    }
}

/// The six capital letters that mark a subset font's name (ISO 32000-1, 9.6.4), from a hash
/// of its glyphs: different subsets get different tags, the same subset the same one.
fn subset_tag(hash: u64) -> String {
    let mut h = hash;
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests;
