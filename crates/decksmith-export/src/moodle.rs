//! `quiz.moodle.xml`: the deck's quiz as a Moodle XML question bank.
//!
//! A file per form of the quiz (`quiz.moodle.xml`, `quiz-A.moodle.xml`, …). One category per
//! deck under the course's (`$course$/top/<course>/<deck>`; a variant form's inside it,
//! `…/<deck>/Form A`, its question names ending with the form), then the
//! questions of [`super::bank`], each named for the teacher (number, start of its text, deck)
//! after a comment with its stable id, with the explanation and the sources as its general
//! feedback. Timeline questions are Moodle's `ordering` type: the events in chronological
//! order (the order Moodle's importer takes as the right one), all shown, vertically,
//! graded by absolute position. HTML texts go in CDATA sections: the teacher's text is HTML-escaped first,
//! so a CDATA section can never contain `]]>`. Plain texts (names, typed answers) are
//! XML-escaped. Only the fractions 100 and 0 are used, both on Moodle's list.

use decksmith_model::{Course, Deck};
use decksmith_quiz::phrases::Phrasebook;
use decksmith_quiz::{DeckOutput, Quiz};

use super::bank::{BankQuestion, MoodleType, questions};
use super::html_text;
use decksmith_files::OutFile;

/// `<deck>/quiz.moodle.xml`, and `quiz-A.moodle.xml`, … for the variant forms.
pub fn deck_files(course: &Course, deck: &Deck, output: &DeckOutput) -> Vec<OutFile> {
    super::forms(output)
        .map(|form| {
            OutFile::new(
                super::form_path(deck, form, "moodle.xml"),
                quiz(course, deck, form),
            )
        })
        .collect()
}

/// Plain text for an XML element: `&`, `<`, `>` escaped, characters XML cannot hold dropped.
fn xml(text: &str) -> String {
    html_text(text)
}

/// An HTML fragment in a CDATA section.
fn cdata(html: &str) -> String {
    // The fragments are escaped teacher text and our own tags, so they hold no `]]>`; split
    // one anyway rather than write broken XML.
    format!("<![CDATA[{}]]>", html.replace("]]>", "]]]]><![CDATA[>"))
}

/// The category of a quiz's questions: the deck's under the course's, and for a variant form
/// the form's under the deck's (`$course$/top/<course>/<deck>/Form A`). Moodle's importer
/// (`qformat_default::create_category_path`) finds or makes each category of the path in
/// turn, so a form's file imported after the main one lands beside the deck's questions.
pub fn category_path(
    course: &Course,
    deck: &Deck,
    quiz: &Quiz,
    phrases: &Phrasebook<'_>,
) -> String {
    // A `/` in a name is written `//` (`qformat_default::split_category_path`).
    let part = |s: &str| s.trim().replace('\n', " ").replace('/', "//");
    let mut path = format!("$course$/top/{}/{}", part(&course.title), part(&deck.title));
    if let Some(form) = &quiz.variant {
        path.push('/');
        path.push_str(&part(&super::form_name(phrases, form)));
    }
    path
}

/// The whole question bank of a quiz.
pub fn quiz(course: &Course, deck: &Deck, quiz: &Quiz) -> String {
    let phrases = crate::phrases(course, deck);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    out.push_str(&format!(
        "  <!-- made by decksmith from deck \"{}\" (seed {}) -->\n",
        xml(&deck.id).replace("--", "- -"),
        quiz.seed
    ));
    out.push_str("  <question type=\"category\">\n");
    out.push_str(&format!(
        "    <category>\n      <text>{}</text>\n    </category>\n",
        xml(&category_path(course, deck, quiz, &phrases))
    ));
    let info = deck
        .description
        .as_deref()
        .map(|d| format!("<p>{}</p>", super::html_block(d)))
        .unwrap_or_default();
    out.push_str(&format!(
        "    <info format=\"html\">\n      <text>{}</text>\n    </info>\n",
        cdata(&info)
    ));
    out.push_str("  </question>\n");
    for bank_question in questions(course, quiz, &phrases) {
        write_question(&mut out, &bank_question);
    }
    out.push_str("</quiz>\n");
    out
}

fn text_element(out: &mut String, tag: &str, html: &str) {
    out.push_str(&format!(
        "    <{tag} format=\"html\">\n      <text>{}</text>\n    </{tag}>\n",
        cdata(html)
    ));
}

fn answer(out: &mut String, fraction: u32, format: &str, text: &str) {
    out.push_str(&format!(
        "    <answer fraction=\"{fraction}\" format=\"{format}\">\n      <text>{text}</text>\n      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n    </answer>\n"
    ));
}

fn write_question(out: &mut String, question: &BankQuestion) {
    out.push_str(&format!(
        "  <!-- {} -->\n  <question type=\"{}\">\n    <name>\n      <text>{}</text>\n    </name>\n",
        xml(&question.id).replace("--", "- -"),
        question.kind.name(),
        xml(&question.name)
    ));
    let question_text = match &question.kind {
        MoodleType::MultiChoice { text, .. }
        | MoodleType::TrueFalse { text, .. }
        | MoodleType::Matching { text, .. }
        | MoodleType::Ordering { text, .. }
        | MoodleType::Essay { text, .. } => text.clone(),
        MoodleType::ShortAnswer { before, after, .. } => {
            format!("{before}{}{after}", super::bank::GAP)
        }
    };
    text_element(out, "questiontext", &question_text);
    text_element(out, "generalfeedback", &question.feedback);
    out.push_str(&format!(
        "    <defaultgrade>{}</defaultgrade>\n",
        question.points
    ));
    let penalty = match question.kind {
        MoodleType::TrueFalse { .. } => "1",
        MoodleType::Essay { .. } => "0",
        _ => "0.3333333",
    };
    out.push_str(&format!("    <penalty>{penalty}</penalty>\n"));
    out.push_str("    <hidden>0</hidden>\n");
    kind_elements(out, &question.kind);
    out.push_str("  </question>\n");
}

/// The elements of a question that depend on its type: its answers and their settings.
fn kind_elements(out: &mut String, kind: &MoodleType) {
    match kind {
        MoodleType::MultiChoice {
            options, answer: a, ..
        } => {
            out.push_str("    <single>true</single>\n");
            out.push_str("    <shuffleanswers>true</shuffleanswers>\n");
            out.push_str("    <answernumbering>abc</answernumbering>\n");
            out.push_str("    <showstandardinstruction>0</showstandardinstruction>\n");
            for (i, option) in options.iter().enumerate() {
                let fraction = if i == *a { 100 } else { 0 };
                answer(out, fraction, "html", &cdata(option));
            }
        }
        MoodleType::TrueFalse { answer: a, .. } => {
            answer(out, if *a { 100 } else { 0 }, "moodle_auto_format", "true");
            answer(out, if *a { 0 } else { 100 }, "moodle_auto_format", "false");
        }
        MoodleType::ShortAnswer { answers, .. } => {
            // Case does not matter to the answer; `*` is Moodle's wildcard, so a literal
            // one is escaped.
            out.push_str("    <usecase>0</usecase>\n");
            for a in answers {
                answer(
                    out,
                    100,
                    "moodle_auto_format",
                    &xml(&a.trim().replace('*', "\\*")),
                );
            }
        }
        MoodleType::Matching { pairs, extra, .. } => {
            out.push_str("    <shuffleanswers>true</shuffleanswers>\n");
            let rows = pairs
                .iter()
                .map(|(l, r)| (l.as_str(), r.as_str()))
                .chain(extra.iter().map(|r| ("", r.as_str())));
            for (left, right) in rows {
                // The answer is shown as text in a menu: it is already escaped, so it is
                // written as XML text, not HTML.
                out.push_str(&format!(
                    "    <subquestion format=\"html\">\n      <text>{}</text>\n      <answer>\n        <text>{}</text>\n      </answer>\n    </subquestion>\n",
                    cdata(left),
                    xml(right)
                ));
            }
        }
        MoodleType::Ordering { events, .. } => {
            // Moodle's importer (`qtype_ordering::import_from_xml`) takes the answers in the
            // order written as the right order and renumbers their fractions 1, 2, …, as its
            // own export writes them.
            let n = events.len();
            out.push_str("    <layouttype>VERTICAL</layouttype>\n");
            out.push_str("    <selecttype>ALL</selecttype>\n");
            out.push_str(&format!("    <selectcount>{n}</selectcount>\n"));
            out.push_str("    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n");
            out.push_str("    <showgrading>SHOW</showgrading>\n");
            out.push_str("    <numberingstyle>none</numberingstyle>\n");
            for (i, event) in events.iter().enumerate() {
                out.push_str(&format!(
                    "    <answer fraction=\"{}\" format=\"html\">\n      <text>{}</text>\n    </answer>\n",
                    i + 1,
                    cdata(event)
                ));
            }
        }
        MoodleType::Essay { answer: a, .. } => {
            out.push_str("    <responseformat>editor</responseformat>\n");
            out.push_str("    <responserequired>1</responserequired>\n");
            out.push_str("    <responsefieldlines>5</responsefieldlines>\n");
            out.push_str("    <attachments>0</attachments>\n");
            out.push_str("    <attachmentsrequired>0</attachmentsrequired>\n");
            text_element(out, "graderinfo", a);
            text_element(out, "responsetemplate", "");
        }
    }
}
