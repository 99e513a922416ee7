//! decksmith's exports: the generated decks in the formats other tools read.
//!
//! Each format is a module with a function from a generated deck to its files, returned as
//! values ([`OutFile`](decksmith_files::OutFile)s); none does IO.
//!
//! - [`json`]: `quiz.json`, the generated questions, machine-readable.
//! - [`apkg`]: `deck.apkg`, an Anki package (a SQLite collection in a zip); what Anki knows
//!   the notes by (deck name, GUIDs, tags, the revision history) is [`anki`]'s.
//! - [`moodle`]: `quiz.moodle.xml`, a Moodle XML question bank.
//! - [`gift`]: `quiz.gift`, the same questions in Moodle's GIFT text format.
//! - [`qti`]: `quiz.qti.zip`, an IMS content package with a QTI 1.2 assessment, for Canvas
//!   and Brightspace.
//! - [`tsv`]: `cards.tsv`, the flashcards as tab-separated text for Anki's and Quizlet's
//!   importers.
//!
//! Moodle XML and GIFT are two spellings of one question bank, built once by [`bank`], so
//! both hold the same questions and differ only in syntax and escaping.

pub mod anki;
pub mod apkg;
pub mod bank;
pub mod gift;
pub mod json;
pub mod moodle;
pub mod qti;
pub mod tsv;

#[cfg(test)]
mod tests;

use std::fmt;

use decksmith_model::markup;
use decksmith_model::{Course, Deck};
use decksmith_quiz::phrases::{PHRASES, Phrasebook};
use decksmith_quiz::{CitationView, DeckOutput, Line, LineRole, Quiz, Side};

/// The words the exports add to the teacher's text (labels, citations' locators), in the
/// deck's language with the course's `strings:`: the one phrasebook generation uses too.
pub fn phrases<'a>(course: &'a Course, deck: &Deck) -> Phrasebook<'a> {
    Phrasebook::new(PHRASES, course.language_of(deck), &course.strings)
}

/// The answers an LMS must accept for a typed blank to mark it as the quiz page does (see
/// `quiz.js`), as far as a list can: each of `accepted` (without repeats), and in an
/// English quiz the forms a student most often types for it: a name (capitalized) also with
/// or without a leading "the" ("the United States"), a common noun also in the other number
/// ("tension" for "tensions", "sanctions" for "sanction"). The quiz page accepts more (any
/// answer without an article, any word in either number); an LMS compares with a list,
/// which a teacher reads, so it holds no forms that are not English words.
pub fn typed_answers(accepted: &[String], english: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |answer: String| {
        if !answer.is_empty()
            && !out
                .iter()
                .any(|a| a.to_lowercase() == answer.to_lowercase())
        {
            out.push(answer);
        }
    };
    for answer in accepted {
        push(answer.trim().to_owned());
    }
    if !english {
        return out;
    }
    for answer in accepted {
        let answer = answer.trim();
        let latin = answer
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii_alphabetic());
        if !latin {
            continue;
        }
        let (article, bare) = ["the ", "The "]
            .iter()
            .find_map(|the| {
                answer
                    .strip_prefix(the)
                    .map(|rest| (true, rest.trim_start()))
            })
            .unwrap_or((false, answer));
        let name = bare.starts_with(|c: char| c.is_uppercase());
        if article || name {
            push(bare.to_owned());
            push(format!("the {bare}"));
        } else {
            for form in other_number(bare) {
                push(form);
            }
        }
    }
    out
}

/// `text` with its last word in the other number, if that word reads as a common noun: a
/// plural loses `s`, `es` (after ss, x, z, ch, sh) or `ies` (for `y`); a singular takes
/// them. Not an adverb (`internationally`), a word in `-is` or `-us` (`basis`, `status`),
/// a number (`forty`), nor a word of under four letters.
fn other_number(text: &str) -> Vec<String> {
    const NUMBERS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "million", "billion", "eleven", "twelve",
    ];
    let last = text.rsplit(' ').next().unwrap_or(text);
    if last.chars().count() < 4
        || !last.chars().all(|c| c.is_ascii_lowercase())
        || ["ly", "is", "us", "ous", "ful", "less"]
            .iter()
            .any(|e| last.ends_with(e))
        || NUMBERS.contains(&last)
    {
        return Vec::new();
    }
    let head = &text[..text.len() - last.len()];
    let sibilant = |stem: &str| {
        ["ss", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| stem.ends_with(e))
    };
    let form = if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = last.strip_suffix("es").filter(|stem| sibilant(stem)) {
        stem.to_owned()
    } else if let Some(stem) = last.strip_suffix('s').filter(|stem| !stem.ends_with('s')) {
        stem.to_owned()
    } else if let Some(stem) = last
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if sibilant(last) {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    vec![format!("{head}{form}")]
}

/// An export could not be made: a bug, not a content mistake (those are diagnostics).
#[derive(Debug)]
pub enum ExportError {
    /// `deck.apkg`.
    Anki {
        /// The file, relative to the output folder.
        path: String,
        /// Why.
        source: apkg::PackageError,
    },
    /// `quiz.qti.zip`.
    Qti {
        /// The file, relative to the output folder.
        path: String,
        /// What the zip writer said.
        source: zip::result::ZipError,
    },
    /// `quiz.json`.
    Json {
        /// The file, relative to the output folder.
        path: String,
        /// What serde_json said.
        source: serde_json::Error,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Anki { path, source } => write!(f, "failed to render {path} ({source})"),
            ExportError::Json { path, source } => write!(f, "failed to render {path} ({source})"),
            ExportError::Qti { path, source } => write!(f, "failed to render {path} ({source})"),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Anki { source, .. } => Some(source),
            ExportError::Json { source, .. } => Some(source),
            ExportError::Qti { source, .. } => Some(source),
        }
    }
}

/// Escapes text for an HTML text node: `&`, `<` and `>`; control characters other than tab
/// and newline are dropped, since neither HTML nor XML can carry them.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text, false);
    out
}

/// The bytes [`push_escaped`] may change: every byte its `match` changes, and a few it then
/// keeps (tab, a newline without `breaks`, a C2 that starts no control character); with
/// `or_markup`, also the characters that can start markup (where [`push_html_block`] has to
/// look). A table, so that finding the next one is a single look at each byte.
const fn may_change(or_markup: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b < 0x20
            || matches!(b, b'&' | b'<' | b'>' | 0x7F | 0xC2)
            || (or_markup && markup::starts_markup(b));
        i += 1;
    }
    table
}

static MAY_CHANGE: [bool; 256] = may_change(false);
static MAY_CHANGE_OR_MARK: [bool; 256] = may_change(true);

/// Appends [`html_text`] of `text` to `out`, with each line break as `<br>` when `breaks` is
/// set: one pass over the bytes, copying the runs between the characters that change (all
/// of them ASCII, or the two bytes of a C1 control character, so every cut falls between
/// characters).
fn push_escaped(out: &mut String, text: &str, breaks: bool) {
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while let Some(skip) = bytes[i..].iter().position(|&b| MAY_CHANGE[usize::from(b)]) {
        i += skip;
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\n' if breaks => ("<br>", 1),
            // Control characters (C0, DEL and C1, U+0080 to U+009F) but tab and newline.
            0..=0x08 | 0x0B..=0x1F | 0x7F => ("", 1),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&text[run..]);
}

/// Escapes text for an HTML or XML attribute, quoted with `"` or `'`.
pub fn html_attr(text: &str) -> String {
    html_text(text)
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Teacher text as an HTML fragment: escaped, its inline markup (`*italics*`, `**bold**`,
/// `H~2~O`, `x^2^`) as `em`, `strong`, `sub` and `sup`, line breaks kept as `<br>`. For
/// plain text (names, titles, XML elements) there is [`html_text`], which keeps markup as
/// the characters it is written with.
pub fn html_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_html_block(&mut out, text);
    out
}

/// Appends [`html_block`] of `text` to `out`. Most text has neither markup nor a character
/// to escape, and one look at each byte up to the first that may be either tells.
pub fn push_html_block(out: &mut String, text: &str) {
    let Some(first) = text
        .bytes()
        .position(|b| MAY_CHANGE_OR_MARK[usize::from(b)])
    else {
        out.push_str(text);
        return;
    };
    if !markup::may_have_markup(&text[first..]) {
        // The bytes before `first` stay as they are (and it starts a character).
        out.push_str(&text[..first]);
        push_escaped(out, &text[first..], true);
        return;
    }
    // Writing to a String cannot fail.
    let _ = markup::write_html(out, text, |out, t| {
        push_escaped(out, t, true);
        Ok(())
    });
}

/// Text in a span marked with its language, when it is not the course's.
pub fn html_lang(text: &str, lang: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_html_lang(&mut out, text, lang);
    out
}

/// Appends [`html_lang`] of `text` to `out`.
fn push_html_lang(out: &mut String, text: &str, lang: Option<&str>) {
    match lang {
        Some(lang) => {
            out.push_str("<span lang=\"");
            out.push_str(&html_attr(lang));
            out.push_str("\">");
            push_html_block(out, text);
            out.push_str("</span>");
        }
        None => push_html_block(out, text),
    }
}

/// The main text of a card side, as HTML.
pub fn side_html(side: &Side) -> String {
    html_lang(&side.text, side.lang.as_deref())
}

/// Appends [`side_html`] of `side` to `out`.
pub fn push_side_html(out: &mut String, side: &Side) {
    push_html_lang(out, &side.text, side.lang.as_deref());
}

/// The further lines of a card side, each as a `div` whose class names its role.
pub fn lines_html(lines: &[Line]) -> String {
    let mut out = String::new();
    push_lines_html(&mut out, lines);
    out
}

/// Appends [`lines_html`] of `lines` to `out`.
pub fn push_lines_html<'a>(out: &mut String, lines: impl IntoIterator<Item = &'a Line>) {
    for line in lines {
        let class = match line.role {
            LineRole::Detail => "detail",
            LineRole::Also => "detail also",
            LineRole::Translation => "translation",
            LineRole::Note => "note",
        };
        out.push_str("<div class=\"");
        out.push_str(class);
        out.push_str("\">");
        push_html_lang(out, &line.text, line.lang.as_deref());
        out.push_str("</div>");
    }
}

/// The citations as one plain line: `RIAC/EWI brief, “quote”; TASS report`.
pub fn sources_plain(sources: &[CitationView], phrases: &Phrasebook<'_>) -> String {
    sources
        .iter()
        .map(|s| s.label(phrases))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The citations as HTML, each linked to its source when it has an address.
pub fn sources_html(sources: &[CitationView], phrases: &Phrasebook<'_>) -> String {
    let mut out = String::new();
    push_sources_html(&mut out, sources, phrases);
    out
}

/// Appends [`sources_html`] of `sources` to `out`.
pub fn push_sources_html(out: &mut String, sources: &[CitationView], phrases: &Phrasebook<'_>) {
    for (i, source) in sources.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let label = source.label(phrases);
        match &source.url {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                out.push_str("<a href=\"");
                out.push_str(&html_attr(url));
                out.push_str("\">");
                push_escaped(out, &label, false);
                out.push_str("</a>");
            }
            _ => push_escaped(out, &label, false),
        }
    }
}

/// What a question is worth in the exports that carry points (Moodle XML, QTI): its points
/// as the worksheet shows them (its kind's default, or the deck's `quiz: points:`). Moodle
/// and Canvas both split a matching question's points among its pairs.
pub fn points(question: &decksmith_quiz::Question) -> u32 {
    question.points
}

/// The label before a question's citations ("Source", "Sources"), in the course's words.
pub fn source_label(phrases: &Phrasebook<'_>, count: usize) -> String {
    phrases.get(if count > 1 { "x.sources" } else { "x.source" }, &[])
}

/// The name of position `n` (from 1) of `of` in a timeline, as an answer to choose: both
/// ends are named ("1 (earliest)"), in the course's words.
pub fn position(phrases: &Phrasebook<'_>, n: usize, of: usize) -> String {
    let number = n.to_string();
    match n {
        1 => phrases.get("x.earliest", &[("n", &number)]),
        n if n == of => phrases.get("x.latest", &[("n", &number)]),
        _ => number,
    }
}

/// The name of a variant form, in the course's words ("Form A"): a Moodle category's, and
/// part of a form's title in an LMS.
pub fn form_name(phrases: &Phrasebook<'_>, form: &str) -> String {
    phrases.get("x.form", &[("form", form)])
}

/// The title of a quiz in an LMS: the deck's title, and the form's name for a variant form
/// ("Cyber norms (Form A)"), so that the forms of a deck can be told apart there.
pub fn quiz_title(quiz: &Quiz, phrases: &Phrasebook<'_>) -> String {
    match &quiz.variant {
        Some(form) => format!("{} ({})", quiz.title, form_name(phrases, form)),
        None => quiz.title.clone(),
    }
}

/// The name of a form's file: `quiz.<extension>` for the main quiz, `quiz-A.<extension>`, …
/// for the variant forms, as the other files of a form are named (`worksheet-A.pdf`).
pub fn form_path(deck: &Deck, quiz: &Quiz, extension: &str) -> String {
    match &quiz.variant {
        Some(form) => format!("{}/quiz-{form}.{extension}", deck.id),
        None => format!("{}/quiz.{extension}", deck.id),
    }
}

/// Every form of a deck's quiz, the main one first.
pub fn forms(output: &DeckOutput) -> impl Iterator<Item = &Quiz> {
    std::iter::once(&output.quiz).chain(&output.variants)
}

/// The name of a true/false question's option, in the course's words.
pub fn truth(phrases: &Phrasebook<'_>, value: bool) -> String {
    phrases.get(if value { "x.true" } else { "x.false" }, &[])
}
