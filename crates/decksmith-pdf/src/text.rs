//! Text that fits: word wrap by the font's own advances, shrinking to fit a box down to a
//! minimum size, and breaking words longer than a line.
//!
//! Text is measured once, in thousandths of an em, and wrapped at any size by scaling the
//! line width instead of re-measuring: shrinking a card's text through a dozen sizes costs
//! a dozen greedy passes over its words, nothing more.

use super::fonts::{Fonts, Weight};
use super::styled::{self, Marks, Pen};

/// The smallest size card text shrinks to, in points.
pub const MIN_SIZE: f32 = 8.0;
/// How much the size drops per try when shrinking.
const STEP: f32 = 0.5;
/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.2;
/// The horizontal ellipsis, ending text cut short.
const ELLIPSIS: char = '\u{2026}';

/// Splits text into [`Token`]s: the tokens so far, the word being read, and what comes
/// before the next token.
#[derive(Default)]
struct Tokenizer {
    tokens: Vec<Token>,
    word: Word,
    /// A space comes before the next token.
    space_before: bool,
    /// A line break comes before the next token.
    break_before: bool,
    /// Blanks so far.
    blanks: usize,
}

/// The word being read: where it starts, its width and length so far (measuring it again at
/// every character would make long words quadratic).
#[derive(Default)]
struct Word {
    start: usize,
    width: u32,
    chars: usize,
}

impl Tokenizer {
    /// Ends the word before `end`, if one was being read.
    fn end_word(&mut self, end: usize) {
        if self.word.chars > 0 {
            self.tokens.push(Token {
                range: self.word.start..end,
                width: std::mem::take(&mut self.word.width),
                space_before: self.space_before,
                break_before: self.break_before,
                blank: None,
            });
            self.word.chars = 0;
            self.space_before = false;
            self.break_before = false;
        }
    }

    /// A blank `width` thousandths of an em wide at `at`, after the word being read.
    fn blank(&mut self, at: usize, width: u32) {
        self.end_word(at);
        self.tokens.push(Token {
            range: at..at,
            width,
            space_before: self.space_before,
            break_before: self.break_before,
            blank: Some(self.blanks),
        });
        self.blanks += 1;
        self.space_before = false;
        self.break_before = false;
    }
}

/// A piece of text that is never split across lines, except when it is longer than a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Where its text is in the measured text, in bytes (empty for a blank): tokens do not
    /// each hold a copy, as a card's text is measured in thousands of tokens.
    pub range: std::ops::Range<usize>,
    /// Its width in thousandths of an em.
    pub width: u32,
    /// Whether a space separates it from the token before (else it is glued, as the part of
    /// a hyphenated word after its hyphen is).
    pub space_before: bool,
    /// Whether it starts a new line (the text had a line break).
    pub break_before: bool,
    /// A blank to write in, of fixed width, rather than text.
    pub blank: Option<usize>,
}

/// A paragraph, measured.
#[derive(Clone, Debug)]
pub struct Measured {
    /// The weight it was measured in.
    pub weight: Weight,
    /// The text its tokens are taken from.
    text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
    space: u32,
    /// Whether the text holds style markers (a teacher's markup): only then does wrapping
    /// follow the style from token to token.
    styled: bool,
}

/// A line of wrapped text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    /// What it says (blanks are not in it).
    pub text: String,
    /// Its width in thousandths of an em.
    pub width: u32,
    /// The blanks on the line: their index and where they start, in thousandths of an em
    /// from the start of the line.
    pub blanks: Vec<(usize, u32)>,
}

/// Units a number is never parted from at the end of a line (`25 °C`, `5 km`, `10 млн`).
const UNITS: &[&str] = &[
    "%", "‰", "°", "°C", "°F", "°С", "K", "km", "m", "cm", "mm", "µm", "nm", "kg", "g", "mg", "t",
    "l", "L", "ml", "h", "min", "s", "ms", "Hz", "kHz", "MHz", "GHz", "W", "kW", "MW", "GW", "kWh",
    "V", "J", "kJ", "kcal", "B", "kB", "KB", "MB", "GB", "TB", "km/h", "m/s", "m²", "km²", "ha",
    "€", "$", "£", "₽", "million", "billion", "trillion", "км", "м", "см", "мм", "кг", "г", "т",
    "л", "мл", "ч", "мин", "с", "руб", "млн", "млрд", "трлн", "тыс", "км²", "га",
];

/// `text` with a no-break space between a number and the unit after it, so that no line
/// ends between them (`25 °C`, `2021 г.`).
pub fn keep_units(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(' ') || !text.bytes().any(|b| b.is_ascii_digit()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let is_number = |word: &str| {
        let word = word.trim_start_matches(['(', '[', '«', '"', '\'', '“', '~', '≈']);
        word.chars().any(|c| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–' | '−' | '+'))
    };
    let is_unit = |word: &str| {
        let word = word.trim_end_matches(['.', ',', ';', ':', ')', ']', '»', '"', '”', '!', '?']);
        UNITS.contains(&word)
    };
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 2);
    for (i, word) in words.iter().enumerate() {
        out.push_str(word);
        if let Some(next) = words.get(i + 1) {
            out.push(if is_number(word) && is_unit(next) {
                '\u{00A0}'
            } else {
                ' '
            });
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a character separates words.
fn is_space(c: char) -> bool {
    // No-break spaces (U+00A0, U+202F) keep words together, so they are not spaces here.
    c.is_whitespace() && c != '\u{00A0}' && c != '\u{202F}' && c != '\u{2007}'
}

/// Whether a line may break after this character inside a word.
fn breaks_after(c: char) -> bool {
    matches!(c, '-' | '/' | '\u{2010}' | '\u{2013}' | '\u{2014}')
}

impl Measured {
    /// Measures `text` in `weight`: words at spaces, line breaks at `\n`, and break
    /// opportunities after hyphens and slashes inside words.
    pub fn new(fonts: &Fonts, weight: Weight, text: &str) -> Measured {
        Measured::with_blanks(fonts, weight, text, None)
    }

    /// Like [`Measured::new`], with each `____` in `text` made a blank `blank_width`
    /// thousandths of an em wide (all blanks the same length, so none hints at its answer).
    pub fn with_blanks(
        fonts: &Fonts,
        weight: Weight,
        text: &str,
        blank_width: Option<u32>,
    ) -> Measured {
        let text = keep_units(text);
        let text = text.as_ref();
        let face = fonts.face(weight);
        // Text with a teacher's markup is measured in the face of each run; other text,
        // nearly all, in the paragraph's face without asking.
        let styled = styled::has_markers(text);
        let mut pen = Pen::new(fonts, weight, Marks::PLAIN);
        let mut t = Tokenizer::default();
        let mut offset = 0;
        for (n, paragraph) in text.split('\n').enumerate() {
            t.space_before = false;
            t.break_before = n > 0;
            let mut at = offset;
            let mut rest = paragraph;
            while !rest.is_empty() {
                if let (Some(width), Some(after)) = (blank_width, rest.strip_prefix("____")) {
                    t.blank(at, width);
                    let after = after.trim_start_matches('_');
                    at += rest.len() - after.len();
                    rest = after;
                    continue;
                }
                let Some(c) = rest.chars().next() else { break };
                let start = at;
                rest = &rest[c.len_utf8()..];
                at += c.len_utf8();
                if is_space(c) {
                    t.end_word(start);
                    t.space_before = !t.tokens.is_empty() && !t.break_before;
                    continue;
                }
                if t.word.chars == 0 {
                    t.word.start = start;
                }
                t.word.width += if styled {
                    pen.advance(c)
                } else {
                    face.advance(c)
                };
                t.word.chars += 1;
                let more_letters = rest.chars().next().is_some_and(|n| !is_space(n));
                if breaks_after(c) && more_letters && t.word.chars > 1 {
                    t.end_word(at);
                }
            }
            t.end_word(at);
            offset += paragraph.len() + 1;
        }
        Measured {
            weight,
            text: text.to_owned(),
            tokens: t.tokens,
            space: face.advance(' '),
            styled,
        }
    }

    /// What `token` says (empty for a blank).
    pub fn text_of(&self, token: &Token) -> &str {
        self.text.get(token.range.clone()).unwrap_or("")
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The width of the widest token, in thousandths of an em.
    pub fn widest(&self) -> u32 {
        self.tokens.iter().map(|t| t.width).max().unwrap_or(0)
    }

    /// Wraps into lines at most `limit` thousandths of an em wide. A token wider than that
    /// is broken between characters when `break_words` is set; otherwise there is no
    /// wrapping and the answer is `None`.
    pub fn wrap(&self, fonts: &Fonts, limit: f32, break_words: bool) -> Option<Vec<Line>> {
        let mut lines = Vec::new();
        self.wrap_into::<true>(fonts, limit, break_words, &mut lines)?;
        Some(lines)
    }

    /// How many lines [`Measured::wrap`] makes, without making them: shrinking text to fit
    /// tries many sizes, and only the one chosen needs its lines.
    fn count_lines(&self, fonts: &Fonts, limit: f32, break_words: bool) -> Option<usize> {
        self.wrap_into::<false>(fonts, limit, break_words, &mut Vec::new())
    }

    /// The line breaking of [`Measured::wrap`] and [`Measured::count_lines`], one algorithm
    /// for both so they cannot disagree: lines are pushed to `out` only when `BUILD` is set;
    /// the answer is the number of lines.
    fn wrap_into<const BUILD: bool>(
        &self,
        fonts: &Fonts,
        limit: f32,
        break_words: bool,
        out: &mut Vec<Line>,
    ) -> Option<usize> {
        let mut w = Wrapper::<BUILD> {
            measured: self,
            out,
            line: Line::default(),
            has_text: false,
            has_blanks: false,
            count: 0,
            style: Marks::PLAIN,
        };
        let fits = |width: u32| (width as f32) <= limit;
        for (i, token) in self.tokens.iter().enumerate() {
            if token.break_before && !w.is_empty() {
                w.end_line();
            }
            // A blank keeps the punctuation glued after it (its full stop, a closing
            // quote) on its line: a line never starts with a lone full stop.
            let glued = match self.tokens.get(i + 1) {
                Some(next)
                    if token.blank.is_some()
                        && next.blank.is_none()
                        && !next.space_before
                        && !next.break_before
                        && self
                            .text
                            .get(next.range.clone())
                            .is_some_and(|t| !t.chars().any(char::is_alphanumeric)) =>
                {
                    next.width
                }
                _ => 0,
            };
            if !fits(w.line.width + w.gap(token) + token.width + glued) && !w.is_empty() {
                w.end_line();
            }
            let gap = w.gap(token);
            if fits(w.line.width + gap + token.width) {
                w.place(token, gap);
                continue;
            }
            // Alone on a line and still too wide.
            if let Some(index) = token.blank {
                // A blank longer than the line is drawn as long as the line.
                if BUILD {
                    w.line.blanks.push((index, 0));
                }
                w.has_blanks = true;
                w.line.width = limit.max(0.0) as u32;
                continue;
            }
            if !break_words {
                return None;
            }
            w.break_word(fonts, token, fits);
        }
        if w.has_text || w.has_blanks {
            w.end_line();
        }
        Some(w.count)
    }
}

/// The line breaking of [`Measured::wrap_into`] under way: the line being filled (its text
/// and blanks only when `BUILD` is set, what it holds always), the lines so far.
struct Wrapper<'a, const BUILD: bool> {
    measured: &'a Measured,
    out: &'a mut Vec<Line>,
    line: Line,
    has_text: bool,
    has_blanks: bool,
    count: usize,
    /// The style the text is in at the end of the line so far: a line that starts inside
    /// a teacher's italics starts with their marker, so it can be drawn on its own.
    style: Marks,
}

impl<const BUILD: bool> Wrapper<'_, BUILD> {
    /// Whether the line holds nothing yet.
    fn is_empty(&self) -> bool {
        !self.has_text && !self.has_blanks
    }

    /// The space before `token` on this line.
    fn gap(&self, token: &Token) -> u32 {
        if token.space_before && !self.is_empty() {
            self.measured.space
        } else {
            0
        }
    }

    fn end_line(&mut self) {
        let done = std::mem::take(&mut self.line);
        if BUILD {
            self.out.push(done);
        }
        self.count += 1;
        self.has_text = false;
        self.has_blanks = false;
    }

    /// The start of a line's text: the marker of the style it continues, if any.
    fn mark_start(&mut self, style: Marks) {
        if BUILD && self.measured.styled && self.line.text.is_empty() && style != Marks::PLAIN {
            self.line.text.push(style.marker());
        }
    }

    /// `token`, which fits, after a space of `gap`.
    fn place(&mut self, token: &Token, gap: u32) {
        if gap > 0 {
            if BUILD {
                self.line.text.push(' ');
            }
            self.has_text = true;
        }
        self.line.width += gap;
        match token.blank {
            Some(index) => {
                if BUILD {
                    self.line.blanks.push((index, self.line.width));
                }
                self.has_blanks = true;
            }
            None => {
                let text = self.measured.text_of(token);
                self.mark_start(self.style);
                if BUILD {
                    self.line.text.push_str(text);
                }
                if self.measured.styled {
                    self.style = last_style(text, self.style);
                }
                self.has_text |= !text.is_empty();
            }
        }
        self.line.width += token.width;
    }

    /// A word longer than a line (a URL, a compound), broken between characters.
    fn break_word(&mut self, fonts: &Fonts, token: &Token, fits: impl Fn(u32) -> bool) {
        let measured = self.measured;
        let mut pen = Pen::new(fonts, measured.weight, self.style);
        for c in measured.text_of(token).chars() {
            let before = pen.style;
            let advance = pen.advance(c);
            if !fits(self.line.width + advance) && self.has_text {
                self.end_line();
            }
            self.mark_start(before);
            if BUILD {
                self.line.text.push(c);
            }
            self.has_text = true;
            self.line.width += advance;
        }
        self.style = pen.style;
    }
}

/// A paragraph to fit in a box with others.
#[derive(Clone, Debug)]
pub struct Para {
    /// The text, measured.
    pub text: Measured,
    /// Its size relative to the main size (1 for the main text, less for lines under it).
    pub scale: f32,
    /// Its grey level, 0 black.
    pub grey: f32,
    /// Space above it, in lines of its size (none above the first paragraph).
    pub gap_before: f32,
}

/// One placed line of a fitted box.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The text.
    pub text: String,
    /// The weight.
    pub weight: Weight,
    /// The size in points.
    pub size: f32,
    /// Its width in points.
    pub width: f32,
    /// The grey level.
    pub grey: f32,
    /// The baseline, in points below the top of the box.
    pub baseline: f32,
}

/// Paragraphs fitted into a box.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// The main size chosen.
    pub size: f32,
    /// The lines, top to bottom.
    pub lines: Vec<Placed>,
    /// The height they take, in points.
    pub height: f32,
    /// False when even the minimum size did not fit: the lines that did not fit are left
    /// out and the last one shown ends with an ellipsis. The caller must warn.
    pub fits: bool,
}

/// The size of a paragraph when the main text is `main` points.
fn para_size(para: &Para, main: f32) -> f32 {
    (main * para.scale).max(MIN_SIZE).min(main)
}

/// Lays the paragraphs out at one main size; `None` when a word would have to be broken and
/// `break_words` is off.
fn layout(
    fonts: &Fonts,
    paras: &[Para],
    main: f32,
    width: f32,
    break_words: bool,
) -> Option<(Vec<Placed>, f32)> {
    let mut placed = Vec::new();
    let mut y = 0.0;
    for (i, para) in paras.iter().enumerate() {
        if para.text.is_empty() {
            continue;
        }
        let size = para_size(para, main);
        let limit = width * 1000.0 / size;
        let lines = para.text.wrap(fonts, limit, break_words)?;
        if i > 0 && !placed.is_empty() {
            y += para.gap_before * size;
        }
        let face = fonts.face(para.text.weight);
        for line in lines {
            let lead = size * LEADING;
            let baseline = y + (lead - size) / 2.0 + face.ascent() * size;
            placed.push(Placed {
                width: line.width as f32 * size / 1000.0,
                text: line.text,
                weight: para.text.weight,
                size,
                grey: para.grey,
                baseline,
            });
            y += lead;
        }
    }
    Some((placed, y))
}

/// The height of [`layout`] without breaking words, without making its lines; `None` when a
/// word is wider than a line. The same sums in the same order as `layout`, so the two agree
/// to the last bit.
fn height_at(fonts: &Fonts, paras: &[Para], main: f32, width: f32) -> Option<f32> {
    let mut y = 0.0;
    let mut placed = false;
    for (i, para) in paras.iter().enumerate() {
        if para.text.is_empty() {
            continue;
        }
        let size = para_size(para, main);
        let limit = width * 1000.0 / size;
        let lines = para.text.count_lines(fonts, limit, false)?;
        if i > 0 && placed {
            y += para.gap_before * size;
        }
        for _ in 0..lines {
            y += size * LEADING;
        }
        placed |= lines > 0;
    }
    Some(y)
}

/// False when `main` certainly does not fit (without breaking words): a paragraph has a word
/// wider than its lines, or, with every line filled to the brim, the paragraphs are still
/// taller than `height`. `bounds` holds each paragraph's widest word and the sum of its words'
/// widths. A lower bound of what [`height_at`] finds, summed the same way, so it never rules
/// out a size that fits.
fn may_fit(paras: &[Para], bounds: &[(u32, u64)], main: f32, width: f32, height: f32) -> bool {
    let mut y = 0.0;
    let mut placed = false;
    for (i, (para, &(widest, total))) in paras.iter().zip(bounds).enumerate() {
        if para.text.is_empty() {
            continue;
        }
        let size = para_size(para, main);
        let limit = width * 1000.0 / size;
        if widest as f32 > limit {
            return false;
        }
        // Every line holds at most `limit` of the words' width.
        let lines = if total == 0 {
            0
        } else {
            ((total as f64 / f64::from(limit)) * (1.0 - 1e-9))
                .ceil()
                .max(1.0) as usize
        };
        if i > 0 && placed {
            y += para.gap_before * size;
        }
        for _ in 0..lines {
            y += size * LEADING;
        }
        placed |= lines > 0;
    }
    y <= height
}

/// Fits the paragraphs into `width` × `height` points: the largest main size from `max`
/// down to [`MIN_SIZE`] at which every word fits on a line and the lines fit the height;
/// failing that, the minimum size with over-long words broken; failing that, what fits at
/// the minimum size, cut short and marked `fits: false`.
pub fn fit(fonts: &Fonts, paras: &[Para], width: f32, height: f32, max: f32) -> Fitted {
    let max = max.max(MIN_SIZE);
    let steps = ((max - MIN_SIZE) / STEP).floor() as usize;
    let bounds = word_bounds(paras);
    for step in 0..=steps {
        let size = max - step as f32 * STEP;
        if !may_fit(paras, &bounds, size, width, height) {
            continue;
        }
        if let Some(h) = height_at(fonts, paras, size, width)
            && h <= height
            && let Some((lines, h)) = layout(fonts, paras, size, width, false)
        {
            return Fitted {
                size,
                lines,
                height: h,
                fits: true,
            };
        }
    }
    fit_at_minimum(fonts, paras, width, height)
}

/// The size [`fit`] would choose when the text fits without breaking words, found without
/// laying any line out (so cheaply); [`MIN_SIZE`] when it does not.
pub fn fit_size(fonts: &Fonts, paras: &[Para], width: f32, height: f32, max: f32) -> f32 {
    let max = max.max(MIN_SIZE);
    let steps = ((max - MIN_SIZE) / STEP).floor() as usize;
    let bounds = word_bounds(paras);
    (0..=steps)
        .map(|step| max - step as f32 * STEP)
        .find(|&size| {
            may_fit(paras, &bounds, size, width, height)
                && height_at(fonts, paras, size, width).is_some_and(|h| h <= height)
        })
        .unwrap_or(MIN_SIZE)
}

/// Per paragraph, its widest word and all its words' widths together: what rules a size out
/// before any wrapping (a word wider than a line, or more lines than the box holds even if
/// every line were full).
fn word_bounds(paras: &[Para]) -> Vec<(u32, u64)> {
    paras
        .iter()
        .map(|para| {
            let words = para.text.tokens.iter().filter(|t| t.blank.is_none());
            words.fold((0, 0), |(widest, total), t| {
                (widest.max(t.width), total + u64::from(t.width))
            })
        })
        .collect()
}

/// [`fit`] when no size fits whole: the minimum size with over-long words broken, or what
/// fits at it, cut short.
fn fit_at_minimum(fonts: &Fonts, paras: &[Para], width: f32, height: f32) -> Fitted {
    let (mut lines, h) = layout(fonts, paras, MIN_SIZE, width, true).unwrap_or_default();
    if h <= height {
        return Fitted {
            size: MIN_SIZE,
            lines,
            height: h,
            fits: true,
        };
    }
    // Keep the lines that fit and end the last with an ellipsis.
    let mut kept = 0;
    while kept < lines.len() {
        let line = &lines[kept];
        let bottom = line.baseline + line.size * (LEADING - 1.0) / 2.0 + line.size * 0.25;
        if bottom > height {
            break;
        }
        kept += 1;
    }
    lines.truncate(kept);
    if let Some(last) = lines.last_mut() {
        let (text, w) = ellipsize(
            fonts,
            last.weight,
            &format!("{}{ELLIPSIS}", last.text),
            last.size,
            width,
        );
        last.text = text;
        last.width = w;
    }
    let used = lines
        .last()
        .map(|l| l.baseline + l.size * 0.3)
        .unwrap_or(0.0);
    Fitted {
        size: MIN_SIZE,
        lines,
        height: used,
        fits: false,
    }
}

/// `text` at `size` points cut to `width` points, ending with an ellipsis if it was cut; with
/// its width in points.
pub fn ellipsize(
    fonts: &Fonts,
    weight: Weight,
    text: &str,
    size: f32,
    width: f32,
) -> (String, f32) {
    let face = fonts.face(weight);
    let limit = (width * 1000.0 / size) as u32;
    let full = styled::width(fonts, weight, text);
    if full <= limit {
        return (text.to_owned(), full as f32 * size / 1000.0);
    }
    let ellipsis = face.advance(ELLIPSIS);
    let mut out = String::new();
    let mut used = 0;
    let trimmed = text.trim_end_matches(ELLIPSIS);
    let mut pen = Pen::new(fonts, weight, Marks::PLAIN);
    for c in trimmed.chars() {
        let a = pen.advance(c);
        if used + a + ellipsis > limit {
            break;
        }
        out.push(c);
        used += a;
    }
    let mut out = out.trim_end().to_owned();
    // The ellipsis in the paragraph's own style, not in the one the cut ended in.
    let mut ended = Pen::new(fonts, weight, Marks::PLAIN);
    let used = ended.width(&out) + ellipsis;
    if ended.style != Marks::PLAIN {
        out.push(Marks::PLAIN.marker());
    }
    (format!("{out}{ELLIPSIS}"), used as f32 * size / 1000.0)
}

/// The style `text` leaves the pen in, starting in `style`: that of its last marker.
fn last_style(text: &str, style: Marks) -> Marks {
    text.chars()
        .rev()
        .find_map(Marks::of_marker)
        .unwrap_or(style)
}

/// Wraps `text` at a fixed `size` into lines at most `width` points wide, breaking words
/// longer than a line; with each line's width in points.
pub fn wrap_fixed(
    fonts: &Fonts,
    weight: Weight,
    text: &str,
    size: f32,
    width: f32,
) -> Vec<(String, f32)> {
    let measured = Measured::new(fonts, weight, text);
    measured
        .wrap(fonts, width * 1000.0 / size, true)
        .unwrap_or_default()
        .into_iter()
        .map(|l| (l.text, l.width as f32 * size / 1000.0))
        .collect()
}

#[cfg(test)]
mod tests;
