use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::tables::{FontTableProvider, MaxpTable};

use super::*;

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load().expect("the embedded fonts parse"))
}

/// What course text is written in: Latin with accents, Cyrillic, Greek, the punctuation and
/// arrows teachers type.
const COVERED: &str = "AZaz09 ÀÉÎÕÜçñßøłžœ АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў \
                       ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω \
                       “”‘’«»„‹›–—‑…•·§№°±×÷€£ ←→↑↓↔⇒⇐⇔";

#[test]
fn both_weights_cover_latin_cyrillic_greek_punctuation_and_arrows() {
    for weight in [Weight::Regular, Weight::Bold] {
        let face = fonts().face(weight);
        let missing: Vec<char> = COVERED
            .chars()
            .filter(|&c| c != ' ' && !face.has(c))
            .collect();
        assert!(missing.is_empty(), "{weight:?} lacks {missing:?}");
    }
    assert!(fonts().missing(COVERED).is_empty());
}

#[test]
fn characters_the_font_lacks_are_found_once_each() {
    assert_eq!(fonts().missing("漢字 and 漢 and 한\n"), ['漢', '字', '한']);
    assert_eq!(fonts().face(Weight::Regular).replacement(), '\u{FFFD}');
}

fn glyph_count(bytes: &[u8]) -> u16 {
    let font = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .expect("a font");
    let provider = font.table_provider(0).expect("one face");
    let maxp = provider.read_table_data(tag::MAXP).expect("maxp");
    ReadScope::new(&maxp)
        .read::<MaxpTable>()
        .expect("maxp parses")
        .num_glyphs
}

#[test]
fn a_subset_holds_only_the_glyphs_used_renumbered_with_their_widths() {
    let face = fonts().face(Weight::Regular);
    let chars: BTreeSet<char> = "Привет, OEWG!".chars().collect();
    let subset = face.subset(&chars).expect("subsets");
    let full = glyph_count(REGULAR);
    let count = glyph_count(&subset.original_bytes);
    assert!(full > 5000);
    // .notdef and the 13 different characters (the space is one) first; then the parts of
    // composite glyphs (DejaVu builds some Cyrillic letters from their Latin twins).
    assert_eq!(chars.len(), 13);
    assert!((1 + 13..1 + 13 + 6).contains(&count), "{count} glyphs");
    assert!(
        subset.original_bytes.len() < 20_000,
        "{} bytes",
        subset.original_bytes.len()
    );
    for c in chars {
        let gid = subset.lookup_glyph_index(c as u32).expect("mapped");
        assert!(gid > 0 && gid < 14);
        let width = subset.get_glyph_width(gid).expect("has a width");
        let original = face.parsed.glyph_widths[&face.glyph(c).expect("has").gid];
        assert_eq!(width, original, "{c}");
    }
    let name = subset.font_name.clone().expect("named");
    let (tag, family) = name.split_once('+').expect("a subset tag");
    assert_eq!(family, "DejaVuSans");
    assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
    // The same characters give the same subset, byte for byte.
    assert_eq!(
        face.subset(&"Привет, OEWG!".chars().collect())
            .expect("subsets"),
        subset
    );
}

#[test]
fn composite_glyphs_bring_their_parts() {
    // `й` and `ё` are built from other glyphs in DejaVu Sans: the subset must carry them.
    let face = fonts().face(Weight::Regular);
    let chars: BTreeSet<char> = "йё".chars().collect();
    let subset = face.subset(&chars).expect("subsets");
    assert!(glyph_count(&subset.original_bytes) > 3);
}
