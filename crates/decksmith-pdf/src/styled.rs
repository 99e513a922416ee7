//! A teacher's inline markup in the PDFs: italics and bold in the faces of DejaVu Sans,
//! sub- and superscripts smaller and shifted off the baseline.
//!
//! Layout handles strings, so the markup becomes part of them: before a deck is laid out
//! ([`styled_output`]), every text's markup ([`decksmith_model::markup`]) is replaced by
//! *style markers*, Unicode noncharacters (U+FDD0 to U+FDDF, which Unicode keeps for a
//! program's own use and no text has), each saying what the text after it looks like
//! until the next ([`Marks::marker`]). Markers take no width ([`Pen`]) and are never drawn;
//! wrapping starts each line with the marker of the style the line starts in, so every
//! line can be drawn on its own ([`runs`]). Text without markup has no markers and is laid
//! out and drawn exactly as before.

use std::borrow::Cow;

use decksmith_model::markup::{self, Mark, Piece};
use decksmith_quiz::{Body, Card, DeckOutput, Question, Quiz, Side};

use super::fonts::{Fonts, Weight};

/// The first style marker: U+FDD0 plus a style's bits is its marker.
const FIRST_MARKER: u32 = 0xFDD0;

/// What text looks like on top of the weight of its paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Marks(u8);

impl Marks {
    /// As the paragraph is.
    pub const PLAIN: Marks = Marks(0);
    const ITALIC: u8 = 1;
    const BOLD: u8 = 2;
    const SUB: u8 = 4;
    const SUP: u8 = 8;

    /// The style a marker stands for, if `c` is one.
    pub fn of_marker(c: char) -> Option<Marks> {
        let cp = c as u32;
        (FIRST_MARKER..FIRST_MARKER + 16)
            .contains(&cp)
            .then(|| Marks((cp - FIRST_MARKER) as u8))
    }

    /// The marker that starts text in this style.
    pub fn marker(self) -> char {
        char::from_u32(FIRST_MARKER + u32::from(self.0)).unwrap_or('\u{FDD0}')
    }

    fn bit(mark: Mark) -> u8 {
        match mark {
            Mark::Italic => Marks::ITALIC,
            Mark::Bold => Marks::BOLD,
            Mark::Sub => Marks::SUB,
            Mark::Sup => Marks::SUP,
        }
    }

    /// The face text of this style is set in, in a paragraph of weight `base`.
    pub fn weight(self, base: Weight) -> Weight {
        let bold = self.0 & Marks::BOLD != 0 || matches!(base, Weight::Bold | Weight::BoldItalic);
        let italic =
            self.0 & Marks::ITALIC != 0 || matches!(base, Weight::Italic | Weight::BoldItalic);
        match (bold, italic) {
            (false, false) => Weight::Regular,
            (true, false) => Weight::Bold,
            (false, true) => Weight::Italic,
            (true, true) => Weight::BoldItalic,
        }
    }

    /// Whether it is italic.
    pub fn is_italic(self) -> bool {
        self.0 & Marks::ITALIC != 0
    }

    /// Whether it is a sub- or superscript.
    fn is_script(self) -> bool {
        self.0 & (Marks::SUB | Marks::SUP) != 0
    }

    /// Its size as a fraction of the paragraph's (sub- and superscripts are smaller).
    pub fn scale(self) -> f32 {
        if self.is_script() { SCRIPT_SCALE } else { 1.0 }
    }

    /// How far its baseline is raised above the line's, as a fraction of the paragraph's
    /// size (negative: lowered).
    pub fn rise(self) -> f32 {
        if self.0 & Marks::SUP != 0 {
            0.33
        } else if self.0 & Marks::SUB != 0 {
            -0.15
        } else {
            0.0
        }
    }
}

/// The size of a sub- or superscript as a fraction of its text's: about what word
/// processors use, legible at the 8 pt minimum.
const SCRIPT_SCALE: f32 = 0.7;

/// Measures text that may hold style markers, character by character, in the face and size
/// each character is drawn in.
pub struct Pen<'f> {
    fonts: &'f Fonts,
    weight: Weight,
    /// The style of the characters now.
    pub style: Marks,
}

impl<'f> Pen<'f> {
    /// A pen for a paragraph of `weight`, starting in `style`.
    pub fn new(fonts: &'f Fonts, weight: Weight, style: Marks) -> Pen<'f> {
        Pen {
            fonts,
            weight,
            style,
        }
    }

    /// The advance of `c` in thousandths of the paragraph's em; a marker changes the style
    /// and takes no room.
    pub fn advance(&mut self, c: char) -> u32 {
        if let Some(style) = Marks::of_marker(c) {
            self.style = style;
            return 0;
        }
        let advance = self.fonts.face(self.style.weight(self.weight)).advance(c);
        if self.style.is_script() {
            // Rounded up, so that what is measured never falls short of what is drawn.
            (advance as f32 * SCRIPT_SCALE).ceil() as u32
        } else {
            advance
        }
    }

    /// The width of `text`, from the pen's style on.
    pub fn width(&mut self, text: &str) -> u32 {
        text.chars().map(|c| self.advance(c)).sum()
    }
}

/// The width of `text` (markers and all) in a paragraph of `weight`, in thousandths of an
/// em.
pub fn width(fonts: &Fonts, weight: Weight, text: &str) -> u32 {
    if !has_markers(text) {
        return fonts.face(weight).width(text);
    }
    Pen::new(fonts, weight, Marks::PLAIN).width(text)
}

/// Whether `text` holds a style marker.
pub fn has_markers(text: &str) -> bool {
    // Every marker is encoded as EF B7 9x in UTF-8.
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xEF && w[1] == 0xB7)
        && text.chars().any(|c| Marks::of_marker(c).is_some())
}

/// The runs of one line of text: each piece of it with its style, markers left out, from
/// `Marks::PLAIN` on (a line starts with the marker of its style when it has one). Text
/// without markers is one run, found without allocating.
pub fn runs(text: &str) -> Runs<'_> {
    Runs {
        rest: text,
        marks: Marks::PLAIN,
        whole: !has_markers(text),
    }
}

/// The iterator of [`runs`].
pub struct Runs<'a> {
    rest: &'a str,
    marks: Marks,
    /// The text has no markers: it is one run, even when empty (an empty text is still
    /// drawn, as it always was, so that files stay byte for byte the same).
    whole: bool,
}

impl<'a> Iterator for Runs<'a> {
    type Item = (Marks, &'a str);

    fn next(&mut self) -> Option<(Marks, &'a str)> {
        if self.whole {
            self.whole = false;
            return Some((Marks::PLAIN, std::mem::take(&mut self.rest)));
        }
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let end = self
                .rest
                .char_indices()
                .find(|&(_, c)| Marks::of_marker(c).is_some())
                .map(|(i, _)| i);
            match end {
                // A marker first: it sets the style of what follows.
                Some(0) => {
                    let mut chars = self.rest.chars();
                    if let Some(marks) = chars.next().and_then(Marks::of_marker) {
                        self.marks = marks;
                    }
                    self.rest = chars.as_str();
                }
                Some(i) => {
                    let (run, rest) = self.rest.split_at(i);
                    self.rest = rest;
                    return Some((self.marks, run));
                }
                None => {
                    let run = std::mem::take(&mut self.rest);
                    return Some((self.marks, run));
                }
            }
        }
    }
}

/// `text` with its markup replaced by style markers (and any noncharacters it had dropped,
/// so that no text can pass for a marker).
pub fn styled(text: &str) -> Cow<'_, str> {
    if !markup::may_have_markup(text) && !text.chars().any(|c| Marks::of_marker(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut open: Vec<Mark> = Vec::new();
    let mut current = Marks::PLAIN;
    for piece in markup::parse(text) {
        match piece {
            Piece::Text(t) => {
                let style = Marks(open.iter().fold(0, |bits, &m| bits | Marks::bit(m)));
                if style != current {
                    out.push(style.marker());
                    current = style;
                }
                out.extend(t.chars().filter(|&c| Marks::of_marker(c).is_none()));
            }
            Piece::Open(mark) => open.push(mark),
            Piece::Close(_) => {
                open.pop();
            }
        }
    }
    if current != Marks::PLAIN {
        out.push(Marks::PLAIN.marker());
    }
    Cow::Owned(out)
}

/// The deck's output with every text styled, or `None` when no text has markup (the
/// common case: nothing is copied).
pub fn styled_output(output: &DeckOutput) -> Option<DeckOutput> {
    let mut any = false;
    let mut check = |s: &String| any |= markup::may_have_markup(s);
    for_each_text(output, &mut check);
    if !any {
        return None;
    }
    let mut copy = output.clone();
    for_each_text_mut(&mut copy, &mut |s: &mut String| {
        if let Cow::Owned(styled) = styled(s) {
            *s = styled;
        }
    });
    Some(copy)
}

fn for_each_text(output: &DeckOutput, f: &mut impl FnMut(&String)) {
    // The mutable walk on a copy would allocate; this one only reads.
    for card in &output.cards {
        card_texts(card).into_iter().for_each(&mut *f);
    }
    for quiz in std::iter::once(&output.quiz).chain(&output.variants) {
        for q in &quiz.questions {
            question_texts(q).into_iter().for_each(&mut *f);
        }
    }
}

fn card_texts(card: &Card) -> Vec<&String> {
    let mut out = Vec::new();
    for side in [&card.front, &card.back] {
        side_texts(side, &mut out);
    }
    out
}

fn side_texts<'a>(side: &'a Side, out: &mut Vec<&'a String>) {
    out.push(&side.text);
    out.extend(side.lines.iter().map(|l| &l.text));
}

fn question_texts(q: &Question) -> Vec<&String> {
    let mut out = vec![&q.explanation];
    out.extend(&q.note);
    match &q.body {
        Body::MultipleChoice(c) | Body::Who(c) => {
            out.push(&c.prompt);
            out.extend(&c.options);
        }
        Body::TrueFalse { statement, .. } => out.push(statement),
        Body::Cloze(c) => {
            out.push(&c.text);
            for b in &c.blanks {
                out.push(&b.answer);
                out.extend(&b.accept);
            }
        }
        Body::Matching(m) => {
            out.push(&m.prompt);
            out.extend(m.left.iter().chain(&m.right));
        }
        Body::Timeline(t) => {
            out.push(&t.prompt);
            out.extend(&t.items);
        }
        Body::Flashcard { front, back } => {
            out.push(front);
            out.push(back);
        }
    }
    out
}

fn for_each_text_mut(output: &mut DeckOutput, f: &mut impl FnMut(&mut String)) {
    for card in &mut output.cards {
        for side in [&mut card.front, &mut card.back] {
            f(&mut side.text);
            side.lines.iter_mut().for_each(|l| f(&mut l.text));
        }
    }
    let quizzes = std::iter::once(&mut output.quiz).chain(output.variants.iter_mut());
    quizzes.for_each(|quiz: &mut Quiz| {
        for q in &mut quiz.questions {
            question_texts_mut(q, f);
        }
    });
}

fn question_texts_mut(q: &mut Question, f: &mut impl FnMut(&mut String)) {
    f(&mut q.explanation);
    q.note.iter_mut().for_each(&mut *f);
    match &mut q.body {
        Body::MultipleChoice(c) | Body::Who(c) => {
            f(&mut c.prompt);
            c.options.iter_mut().for_each(&mut *f);
        }
        Body::TrueFalse { statement, .. } => f(statement),
        Body::Cloze(c) => {
            f(&mut c.text);
            for b in &mut c.blanks {
                f(&mut b.answer);
                b.accept.iter_mut().for_each(&mut *f);
            }
        }
        Body::Matching(m) => {
            f(&mut m.prompt);
            m.left
                .iter_mut()
                .chain(m.right.iter_mut())
                .for_each(&mut *f);
        }
        Body::Timeline(t) => {
            f(&mut t.prompt);
            t.items.iter_mut().for_each(&mut *f);
        }
        Body::Flashcard { front, back } => {
            f(front);
            f(back);
        }
    }
}

#[cfg(test)]
mod tests;
