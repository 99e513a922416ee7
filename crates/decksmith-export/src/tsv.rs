//! `cards.tsv`: the flashcards as tab-separated text, for Anki's and Quizlet's importers.
//!
//! Anki reads the header lines (`#separator:tab`, `#html:true`, which column holds the deck,
//! the tags and a note id, so importing again updates the notes instead of adding them).
//! Quizlet takes the first column as the term and the second as the definition. Every field
//! is HTML (`#html:true`): the teacher's text is HTML-escaped, line breaks become `<br>`, and
//! a tab, which would start a new column, becomes a space. Quotes are escaped too, since
//! Anki's reader treats a field that starts with `"` as quoted.

use decksmith_files::OutFile;
use decksmith_model::{Course, Deck};
use decksmith_quiz::{Card, DeckOutput};

use crate::anki;
use crate::{lines_html, side_html, sources_html};

/// `<deck>/cards.tsv`.
pub fn deck_file(course: &Course, deck: &Deck, output: &DeckOutput) -> OutFile {
    OutFile::new(
        format!("{}/cards.tsv", deck.id),
        cards(course, deck, &output.cards),
    )
}

/// The columns, in order.
pub const COLUMNS: [&str; 6] = ["Front", "Back", "Source", "Deck", "Tags", "GUID"];

/// A field: no tab, no line break, and no `"`, which Anki's reader could take for CSV
/// quoting: in text it becomes `&quot;`, in our own tags (teacher text never makes a tag, its
/// `<` is escaped) the attribute quotes become `'`, which attribute values escape.
fn field(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(c);
            }
            '>' => {
                in_tag = false;
                out.push(c);
            }
            '"' if in_tag => out.push('\''),
            '"' => out.push_str("&quot;"),
            '\t' | '\r' => out.push(' '),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    // A line that starts with `#` is a header line to Anki.
    if out.starts_with('#') {
        out.replace_range(0..1, "&#35;");
    }
    out
}

/// A plain-text field (the deck's name, tags, ids), which Anki takes as it is: a field with
/// a quote is quoted, its quotes doubled, as Anki's reader expects.
fn plain_field(text: &str) -> String {
    let text = text.replace(['\t', '\r', '\n'], " ");
    if text.contains('"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The whole file for a deck's cards.
pub fn cards(course: &Course, deck: &Deck, cards: &[Card]) -> String {
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:true\n");
    out.push_str(&format!("#columns:{}\n", COLUMNS.join("\t")));
    out.push_str("#deck column:4\n#tags column:5\n#guid column:6\n");
    let deck_name = anki::deck_name(course, deck);
    for card in cards {
        let mut back = side_html(&card.back);
        back.push_str(&lines_html(&card.back.lines));
        let mut front = side_html(&card.front);
        front.push_str(&lines_html(&card.front.lines));
        let tags = anki::tags(card);
        let row = [
            field(&front),
            field(&back),
            field(&sources_html(&card.sources, &crate::phrases(course, deck))),
            plain_field(&deck_name),
            plain_field(&tags.join(" ")),
            plain_field(&anki::guid(course, deck, &format!("tsv:{}", card.id))),
        ];
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}
