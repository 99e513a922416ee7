//! Inline markup in a teacher's text, in Pandoc's syntax: `*italics*`, `**bold**`, `H~2~O`
//! (subscript), `x^2^` (superscript), and a backslash before `*`, `~`, `^` or `\` for the
//! character itself. Anything else is text: a `*` that opens nothing (`5 * 3`) stays a `*`.
//!
//! Texts keep their markup from the YAML to the renderers, which each spell it their way
//! ([`parse`]: HTML tags, the PDF's faces, plain text where a format has no markup); what
//! compares or measures words reads [`plain`] text.
//!
//! Emphasis is matched as CommonMark matches it (a delimiter stack, closers from the left,
//! each with the nearest opener before it, the delimiters between them left as text), so
//! what it makes is always well nested. Sub- and superscripts hold no spaces (`~a b~` is
//! text), as in Pandoc, and are read before emphasis, so a `*` never pairs across one.

use std::borrow::Cow;

/// A kind of inline markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// `*italics*`.
    Italic,
    /// `**bold**`.
    Bold,
    /// `H~2~O`.
    Sub,
    /// `x^2^`.
    Sup,
}

impl Mark {
    /// The HTML element that shows it.
    pub fn html_tag(self) -> &'static str {
        match self {
            Mark::Italic => "em",
            Mark::Bold => "strong",
            Mark::Sub => "sub",
            Mark::Sup => "sup",
        }
    }
}

/// `text` written as HTML to `out`: each piece of text through `escape` (each format escapes
/// its own way), each mark as its element ([`Mark::html_tag`]).
pub fn write_html<W: std::fmt::Write>(
    out: &mut W,
    text: &str,
    mut escape: impl FnMut(&mut W, &str) -> std::fmt::Result,
) -> std::fmt::Result {
    for piece in parse(text) {
        match piece {
            Piece::Text(t) => escape(out, t)?,
            Piece::Open(mark) => write!(out, "<{}>", mark.html_tag())?,
            Piece::Close(mark) => write!(out, "</{}>", mark.html_tag())?,
        }
    }
    Ok(())
}

/// A piece of marked-up text, in order: text, or where a mark starts or ends. The marks of
/// a text are always well nested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text, escapes resolved.
    Text(&'a str),
    /// A mark starts.
    Open(Mark),
    /// The mark opened last ends.
    Close(Mark),
}

/// The characters that can start markup.
const SPECIAL: [u8; 4] = [b'*', b'~', b'^', b'\\'];

/// Whether `b` is a character that can start markup (for a renderer's own scan of a text,
/// which [`may_have_markup`] would otherwise look at once more).
pub const fn starts_markup(b: u8) -> bool {
    let mut i = 0;
    while i < SPECIAL.len() {
        if SPECIAL[i] == b {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `text` may hold markup: whether it has any character that can start it. Most texts
/// have none, and they are their own plain text.
pub fn may_have_markup(text: &str) -> bool {
    text.bytes().any(|b| SPECIAL.contains(&b))
}

/// `text` without its markup: what a reader sees, letters only (`H~2~O` is `H2O`).
pub fn plain(text: &str) -> Cow<'_, str> {
    if !may_have_markup(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in parse(text) {
        if let Piece::Text(t) = piece {
            out.push_str(t);
        }
    }
    Cow::Owned(out)
}

/// Whether `text` has markup that changes how it looks (not only escapes or stray `*`s).
pub fn has_marks(text: &str) -> bool {
    may_have_markup(text)
        && parse(text)
            .iter()
            .any(|p| matches!(p, Piece::Open(_) | Piece::Close(_)))
}

/// The first `*` or `**` of `text` that starts italics or bold (after a space, or at the
/// start, and before a letter) which nothing closes, as the text from it to the end of its
/// word: `*E. coli` gives `*E.`. Such a star is shown as a star, which is hardly what the
/// teacher meant; a star inside a word (`2*3`) or before a space (`5 * 3`) is not reported.
pub fn unclosed(text: &str) -> Option<&str> {
    if !text.contains('*') {
        return None;
    }
    let tokens = match_emphasis(tokenize(text));
    tokens.iter().find_map(|token| match token {
        Token::Stars(s) if s.left > 0 && s.can_open && !s.can_close => {
            let start = (s.run.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
            let rest = text.get(start..)?;
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            Some(&rest[..end])
        }
        _ => None,
    })
}

/// `text` as pieces: text, and where each mark starts and ends.
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    if !may_have_markup(text) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(text)]
        };
    }
    let tokens = tokenize(text);
    let tokens = match_emphasis(tokens);
    let mut out = Vec::new();
    flatten(tokens, &mut out);
    out
}

/// A token before emphasis is matched.
#[derive(Debug)]
enum Token<'a> {
    Text(&'a str),
    /// A sub- or superscript, its inside already parsed.
    Group(Mark, Vec<Piece<'a>>),
    /// A run of `*`.
    Stars(Stars<'a>),
}

/// A run of `*`: how many are left unmatched, whether it can open or close emphasis, and
/// the marks it opened and closed.
#[derive(Debug)]
struct Stars<'a> {
    /// The run in the text, for what is left of it as text.
    run: &'a str,
    left: usize,
    can_open: bool,
    can_close: bool,
    /// Between an opener and its closer: no longer matched with anything.
    dead: bool,
    /// Marks closed here, inner first (they come before what is left).
    closes: Vec<Mark>,
    /// Marks opened here, outer first (they come after what is left).
    opens: Vec<Mark>,
}

fn tokenize<'a>(text: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut run) = (0, 0);
    let flush = |tokens: &mut Vec<Token<'a>>, from: usize, to: usize| {
        if from < to {
            tokens.push(Token::Text(&text[from..to]));
        }
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(|n| SPECIAL.contains(n)) => {
                flush(&mut tokens, run, i);
                tokens.push(Token::Text(&text[i + 1..i + 2]));
                i += 2;
                run = i;
            }
            b'*' => {
                flush(&mut tokens, run, i);
                let len = bytes[i..].iter().take_while(|&&c| c == b'*').count();
                let before = text[..i].chars().next_back();
                let after = text[i + len..].chars().next();
                tokens.push(Token::Stars(Stars {
                    run: &text[i..i + len],
                    left: len,
                    can_open: after.is_some_and(|c| !c.is_whitespace()),
                    can_close: before.is_some_and(|c| !c.is_whitespace()),
                    dead: false,
                    closes: Vec::new(),
                    opens: Vec::new(),
                }));
                i += len;
                run = i;
            }
            b'~' | b'^' => match script_end(text, i) {
                Some(end) => {
                    flush(&mut tokens, run, i);
                    let mark = if b == b'~' { Mark::Sub } else { Mark::Sup };
                    tokens.push(Token::Group(mark, parse(&text[i + 1..end])));
                    i = end + 1;
                    run = i;
                }
                None => {
                    // `~~` (Pandoc's strikeout) and `^^` are text, both characters.
                    i += if bytes.get(i + 1) == Some(&b) { 2 } else { 1 };
                }
            },
            _ => i += 1,
        }
    }
    flush(&mut tokens, run, bytes.len());
    tokens
}

/// Where the sub- or superscript opened at `start` closes: the next unescaped same
/// character, with something and no space (of any kind) between them.
fn script_end(text: &str, start: usize) -> Option<usize> {
    let delimiter = text[start..].chars().next()?;
    let mut escaped = false;
    for (j, c) in text[start + 1..].char_indices() {
        let at = start + 1 + j;
        if escaped {
            escaped = false;
        } else if c == delimiter {
            return (at > start + 1).then_some(at);
        } else if c == '\\'
            && text[at + 1..].starts_with(|n: char| n.is_ascii() && SPECIAL.contains(&(n as u8)))
        {
            escaped = true;
        } else if c.is_whitespace() {
            return None;
        }
    }
    None
}

/// Pairs runs of `*`: each closer, from the left, with the nearest live opener before it;
/// two stars each for bold when both have two, else one for italics; the runs between the
/// two are left as text.
fn match_emphasis(mut tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    for closer in 0..tokens.len() {
        while let Some(Token::Stars(c)) = tokens.get(closer) {
            if !c.can_close || c.left == 0 {
                break;
            }
            let opener = (0..closer).rev().find(
                |&o| matches!(&tokens[o], Token::Stars(s) if s.can_open && !s.dead && s.left > 0),
            );
            let Some(opener) = opener else { break };
            let (Token::Stars(o), Token::Stars(c)) = (&tokens[opener], &tokens[closer]) else {
                break;
            };
            let used = if o.left >= 2 && c.left >= 2 { 2 } else { 1 };
            let mark = if used == 2 { Mark::Bold } else { Mark::Italic };
            if let Token::Stars(o) = &mut tokens[opener] {
                o.left -= used;
                o.opens.insert(0, mark);
            }
            if let Token::Stars(c) = &mut tokens[closer] {
                c.left -= used;
                c.closes.push(mark);
            }
            for between in &mut tokens[opener + 1..closer] {
                if let Token::Stars(s) = between {
                    s.dead = true;
                }
            }
        }
    }
    tokens
}

fn flatten<'a>(tokens: Vec<Token<'a>>, out: &mut Vec<Piece<'a>>) {
    for token in tokens {
        match token {
            Token::Text(t) => out.push(Piece::Text(t)),
            Token::Group(mark, inner) => {
                out.push(Piece::Open(mark));
                out.extend(inner);
                out.push(Piece::Close(mark));
            }
            Token::Stars(s) => {
                out.extend(s.closes.into_iter().map(Piece::Close));
                // Unmatched stars: which ones of the run they are does not matter.
                if s.left > 0 {
                    out.push(Piece::Text(&s.run[..s.left]));
                }
                out.extend(s.opens.into_iter().map(Piece::Open));
            }
        }
    }
}

#[cfg(test)]
mod tests;
