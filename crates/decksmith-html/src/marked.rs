//! Teacher text in a page: its inline markup (`*italics*`, `**bold**`, `H~2~O`, `x^2^`) as
//! HTML elements, everything else escaped.
//!
//! [`Marked`] is what a template writes for a teacher's text: askama leaves it as it is
//! (it is `HtmlSafe`) because its `Display` escapes every piece of text itself and adds
//! nothing but the four elements of [`Mark::html_tag`]. Where HTML cannot go (an
//! attribute, an `<option>`), a template writes its [`Marked::plain`] text, which askama
//! escapes as any other.

use std::borrow::Cow;
use std::fmt;

use decksmith_model::markup;

/// A teacher's text, written as HTML with its markup.
#[derive(Clone, Copy, Debug)]
pub struct Marked<'a>(pub &'a str);

/// A text built from a teacher's texts (an answer line such as `1 → b. text`), written as
/// HTML with its markup.
#[derive(Clone, Debug)]
pub struct MarkedBuf(pub String);

/// HTML made by [`Marked`], cut into pieces (a cloze statement, at its blanks).
#[derive(Clone, Debug)]
pub struct MadeHtml(String);

impl<'a> Marked<'a> {
    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text as a reader sees it, without markup, for attributes and menus.
    pub fn plain(&self) -> Cow<'a, str> {
        markup::plain(self.0)
    }

    /// The HTML, cut at each `separator` (which must not hold `&`, `<`, `>`, `"` or `'`):
    /// the elements a piece opens close in a later one, so the pieces must be written in
    /// order with only void elements between them.
    pub fn split_html(&self, separator: &str) -> Vec<MadeHtml> {
        self.to_string()
            .split(separator)
            .map(|piece| MadeHtml(piece.to_owned()))
            .collect()
    }
}

impl MadeHtml {
    /// `text` (with any markup) as HTML.
    pub fn of(text: &str) -> MadeHtml {
        MadeHtml(Marked(text).to_string())
    }
}

/// Writes `text` escaped as askama escapes every other value of a page.
fn escape(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    match askama::filters::escape(text, askama::filters::Html) {
        Ok(escaped) => write!(f, "{escaped}"),
        Err(never) => match never {},
    }
}

fn write_marked(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    markup::write_html(f, text, escape)
}

impl fmt::Display for Marked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_marked(f, self.0)
    }
}

impl fmt::Display for MarkedBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_marked(f, &self.0)
    }
}

impl fmt::Display for MadeHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Each escapes its text itself and adds only the elements of its marks.
impl askama::filters::HtmlSafe for Marked<'_> {}
impl askama::filters::HtmlSafe for MarkedBuf {}
impl askama::filters::HtmlSafe for MadeHtml {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_inside_and_outside_marks_is_escaped_and_only_marks_become_elements() {
        assert_eq!(
            Marked("*<b>x</b>* & H~<2~ \"q\" 'a'").to_string(),
            "<em>&#60;b&#62;x&#60;/b&#62;</em> &#38; H<sub>&#60;2</sub> &#34;q&#34; &#39;a&#39;"
        );
        assert_eq!(Marked("*a*").plain(), "a");
        // A cloze statement cut at its blank: the italics close in the piece after it.
        let pieces: Vec<String> = Marked("*Escherichia ____*!")
            .split_html("____")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(pieces, ["<em>Escherichia ", "</em>!"]);
    }
}
