//! `quiz.gift`: the deck's quiz in Moodle's GIFT text format.
//!
//! The same bank as [`super::moodle`] (see [`super::bank`]). Every text is written on one
//! line, since a blank line ends a question; question texts and options are `[html]` with the
//! teacher's text HTML-escaped; typed answers stay plain. GIFT's special characters
//! `~ = # { } :` and the backslash are escaped with a backslash everywhere, names included.
//! `->`, which no backslash escapes, is kept from making Moodle read a question as matching:
//! `-&gt;` in HTML texts, and in typed answers as `typed_answers` says.

use decksmith_model::{Course, Deck};
use decksmith_quiz::{DeckOutput, Quiz};

use super::bank::{BankQuestion, MoodleType, questions};
use decksmith_files::OutFile;

/// `<deck>/quiz.gift`.
pub fn deck_file(course: &Course, deck: &Deck, output: &DeckOutput) -> OutFile {
    OutFile::new(
        format!("{}/quiz.gift", deck.id),
        quiz(course, deck, &output.quiz),
    )
}

/// Escapes GIFT's special characters; line breaks become spaces (a blank line would end the
/// question).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A category path for `$CATEGORY:`, where a `/` inside a name is written `//`.
fn category(course: &Course, deck: &Deck) -> String {
    let part = |s: &str| s.replace('\n', " ").replace('/', "//");
    format!(
        "$course$/top/{}/{}",
        part(course.title.trim()),
        part(deck.title.trim())
    )
}

/// The whole GIFT file of a quiz.
pub fn quiz(course: &Course, deck: &Deck, quiz: &Quiz) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "// {} — {}\n// Made by decksmith from deck `{}` (seed {}). Import in Moodle: Question bank → Import → GIFT format.\n\n",
        escape_comment(&course.title),
        escape_comment(&deck.title),
        escape_comment(&deck.id),
        quiz.seed
    ));
    out.push_str(&format!("$CATEGORY: {}\n\n", category(course, deck)));
    for bank_question in questions(course, quiz, &crate::phrases(course, deck)) {
        write_question(&mut out, &bank_question);
        out.push('\n');
    }
    out
}

fn escape_comment(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

fn write_question(out: &mut String, question: &BankQuestion) {
    out.push_str(&format!(
        "// {}\n::{}::",
        gift_type(&question.kind),
        escape(&question.name)
    ));
    let feedback = if question.feedback.is_empty() {
        String::new()
    } else {
        format!("\t####{}\n", escape(&question.feedback))
    };
    match &question.kind {
        MoodleType::MultiChoice {
            text,
            options,
            answer,
        } => {
            out.push_str(&format!("[html]{} {{\n", escape(text)));
            for (i, option) in options.iter().enumerate() {
                let mark = if i == *answer { '=' } else { '~' };
                out.push_str(&format!("\t{mark}{}\n", escape(option)));
            }
            out.push_str(&feedback);
            out.push_str("}\n");
        }
        MoodleType::TrueFalse { text, answer } => {
            let mark = if *answer { "TRUE" } else { "FALSE" };
            out.push_str(&format!("[html]{} {{{mark}\n", escape(text)));
            out.push_str(&feedback);
            out.push_str("}\n");
        }
        MoodleType::ShortAnswer {
            before,
            after,
            answers,
        } => {
            // The answer block stands where the gap is (GIFT's "missing word" form); Moodle
            // shows a gap there. A block at the very end is the plain short-answer form.
            // Written as it stands: the texts around the gap carry their own spaces.
            out.push_str(&format!("[html]{}{{\n", escape(before)));
            for line in typed_answers(answers) {
                out.push_str(&format!("\t{line}\n"));
            }
            out.push_str(&feedback);
            out.push('}');
            out.push_str(&escape(after));
            out.push('\n');
        }
        MoodleType::Matching { text, pairs, .. }
        | MoodleType::Ordering {
            text,
            positions: pairs,
            ..
        } => {
            // GIFT has no way to give answers that match no item; the generated matchings
            // have none. An ordering question is its events matched to their positions.
            out.push_str(&format!("[html]{} {{\n", escape(text)));
            for (left, right) in pairs {
                out.push_str(&format!(
                    "\t={} -> {}\n",
                    escape(&no_arrow(left)),
                    escape(&no_arrow(right))
                ));
            }
            out.push_str(&feedback);
            out.push_str("}\n");
        }
        MoodleType::Essay { text, .. } => {
            out.push_str(&format!("[html]{} {{\n", escape(text)));
            out.push_str(&feedback);
            out.push_str("}\n");
        }
    }
}

/// The Moodle type a question is written as in GIFT: an ordering question as matching.
fn gift_type(kind: &MoodleType) -> &'static str {
    match kind {
        MoodleType::Ordering { .. } => "matching",
        other => other.name(),
    }
}

/// A typed answer: Moodle's `*` wildcard written as a literal star.
fn shortanswer_plain(answer: &str) -> String {
    answer.trim().replace('*', "\\*")
}

/// The answer lines of a short-answer question.
///
/// Moodle's importer takes an answer block that holds both an unescaped `=` and `->` for a
/// matching question (`qformat_gift::readquestion`), and GIFT has no escape for `->`. So a
/// lone answer with an arrow is written without its `=` (an answer without a mark is a
/// full-credit answer), and Moodle and gift-pegjs read the text back as it is. Several
/// answers need their `=`; there the arrow is written `-*>`, with Moodle's wildcard, which
/// accepts the answer as typed (and shows the star in the answer it displays).
pub(crate) fn typed_answers(answers: &[String]) -> Vec<String> {
    let arrow = answers.iter().any(|a| a.contains("->"));
    answers
        .iter()
        .map(|answer| {
            let plain = escape(&shortanswer_plain(answer));
            match (arrow, answers.len()) {
                (false, _) => format!("={plain}"),
                (true, 1) => plain,
                (true, _) => format!("={}", plain.replace("->", "-*>")),
            }
        })
        .collect()
}

/// GIFT splits a matching pair at the first `->`, which no escape protects; the texts are
/// HTML, so `>` can be written as an entity (it already is, by escaping).
fn no_arrow(text: &str) -> String {
    text.replace("->", "-&gt;")
}
