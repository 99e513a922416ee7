//! `quiz.qti.zip`: the deck's quiz as an IMS content package with a QTI 1.2 assessment, as
//! Canvas (Classic Quizzes) exports and imports it, and as Brightspace imports it (tools made
//! for Blackboard write QTI 2.1 for it; this package is not tried there); `quiz-A.qti.zip`,
//! … the same for each variant form, so each form is a quiz of its own in the LMS, titled
//! with the form ("Cyber norms (Form A)").
//!
//! The package holds `imsmanifest.xml`, the assessment `<id>/<id>.xml` and Canvas's quiz
//! settings `<id>/assessment_meta.xml`. Each question is one `<item>` whose Canvas
//! `question_type` says what it is:
//!
//! - multiple-choice and who-questions: `multiple_choice_question`, one correct option;
//! - true/false: `true_false_question`, the options named in the course's language;
//! - cloze with one blank: `short_answer_question`, every accepted answer correct (Canvas
//!   compares them without regard to case); with several blanks:
//!   `fill_in_multiple_blanks_question`, the blanks written `[blank1]`, `[blank2]`, … in the
//!   text, each with all its accepted answers;
//! - matching: `matching_question`, answers that match no item offered too;
//! - timeline: `matching_question` of each event to its position (1 = earliest). Canvas's
//!   Classic Quizzes and Brightspace's QTI 1.2 import have no ordering
//!   question; the dates are in the feedback, as in GIFT;
//! - flashcard: `essay_question`, graded by the teacher: the card's front and what to write
//!   (the worksheet's instruction, "Write what it means."), its back (the expected answer) in
//!   the feedback: recall is what the card asks for, and Canvas shows the feedback after
//!   the answer is in.
//!
//! Every item has the explanation and the sources as its general feedback, its points
//! (`points_possible`), the question's stable id and its sources as metadata fields. Item
//! and answer identifiers are hashes of the deck, the question's stable id and the answer's
//! text ([`decksmith_model::hash`]), so a second build of unchanged content gives the same
//! identifiers, and a question has the same identifiers in every form; the assessment's and
//! the manifest's identifiers are the deck's and the form's. A matching question's answers
//! are a letter and nine digits, unique in the question: Canvas takes an answer's first run
//! of digits as its match id.
//!
//! The scoring reads as QTI 1.2 means it, not only as Canvas reads it (Canvas rebuilds the
//! scoring from which answers are right): each accepted answer of a short answer is a
//! condition of its own (the tests of one condition must all hold), and the conditions of a
//! blank or a matching row go on to the next (`continue="Yes"`), so every blank and row adds
//! its share. Every assessment is valid against the IMS QTI ASI 1.2.1 DTD, every manifest
//! against IMS CP 1.1.4 (tests/exports/qti_check.py). Texts are HTML (escaped teacher
//! text), then XML-escaped into `<mattext>`; typed answers are plain text, XML-escaped.

use decksmith_model::hash::Fnv;
use decksmith_model::{Course, Deck};
use decksmith_quiz::{Body, Choice, ClozeBody, DeckOutput, Matching, Question, Quiz, Timeline};

use super::bank::{full_feedback, name, name_text};
use super::{
    ExportError, html_attr, html_block, html_lang, html_text, position, sources_plain, truth,
};
use decksmith_files::OutFile;
use decksmith_quiz::phrases::Phrasebook;

/// The blank that generation writes in cloze texts.
const BLANK: &str = "____";

/// The gap shown in a short-answer question's text.
const GAP: &str = "_____";

/// `<deck>/quiz.qti.zip`, and `quiz-A.qti.zip`, … for the variant forms: one package, so
/// one quiz in the LMS, per form.
pub fn deck_files(
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
) -> Result<Vec<OutFile>, ExportError> {
    let mut files = Vec::new();
    for form in super::forms(output) {
        let path = super::form_path(deck, form, "qti.zip");
        match package(course, deck, form) {
            Ok(bytes) => files.push(OutFile::new(path, bytes)),
            Err(source) => return Err(ExportError::Qti { path, source }),
        }
    }
    Ok(files)
}

/// The package: the manifest, the assessment and Canvas's quiz settings, zipped.
pub fn package(
    course: &Course,
    deck: &Deck,
    quiz: &Quiz,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let id = assessment_ident(quiz);
    let assessment_path = format!("{id}/{id}.xml");
    let meta_path = format!("{id}/assessment_meta.xml");
    let assessment = assessment(course, deck, quiz);
    let manifest = manifest(course, deck, quiz);
    let meta = meta(course, deck, quiz);
    super::apkg::archive(&[
        ("imsmanifest.xml", manifest.as_bytes()),
        (assessment_path.as_str(), assessment.as_bytes()),
        (meta_path.as_str(), meta.as_bytes()),
    ])
}

/// An identifier from stable labels: a letter (XML ids cannot start with a digit) and 16 hex
/// digits of their FNV-1a hash.
fn ident(prefix: char, parts: &[&str]) -> String {
    format!("{prefix}{:016x}", label_hash(parts))
}

/// The FNV-1a hash of labels, each ended by a zero byte.
fn label_hash(parts: &[&str]) -> u64 {
    let mut hash = Fnv::new();
    for part in parts {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    hash.finish()
}

/// The assessment's identifier: the deck's, and the form's for a variant.
pub fn assessment_ident(quiz: &Quiz) -> String {
    ident(
        'g',
        &[
            "assessment",
            &quiz.deck,
            quiz.variant.as_deref().unwrap_or(""),
        ],
    )
}

/// A question's identifier: the deck and the question's stable id, the same in every form.
pub fn item_ident(quiz: &Quiz, question: &Question) -> String {
    ident('i', &["item", &quiz.deck, &question.id])
}

/// `imsmanifest.xml`: one QTI resource, depending on its Canvas settings.
pub fn manifest(course: &Course, deck: &Deck, quiz: &Quiz) -> String {
    let id = assessment_ident(quiz);
    let manifest_id = ident(
        'm',
        &[
            "manifest",
            &quiz.deck,
            quiz.variant.as_deref().unwrap_or(""),
        ],
    );
    let meta_id = ident('r', &["meta", &id]);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{manifest_id}" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd">
  <metadata>
    <schema>IMS Content</schema>
    <schemaversion>1.1.3</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title>
          <imsmd:string>{course_title}: {title}</imsmd:string>
        </imsmd:title>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="{id}" type="imsqti_xmlv1p2">
      <file href="{id}/{id}.xml"/>
      <dependency identifierref="{meta_id}"/>
    </resource>
    <resource identifier="{meta_id}" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="{id}/assessment_meta.xml">
      <file href="{id}/assessment_meta.xml"/>
    </resource>
  </resources>
</manifest>
"#,
        course_title = html_text(&course.title),
        title = html_text(&super::quiz_title(quiz, &super::phrases(course, deck))),
    )
}

/// `assessment_meta.xml`: Canvas's settings for the quiz it makes (a practice quiz,
/// unpublished, answers shuffled, the right answers shown after an attempt).
pub fn meta(course: &Course, deck: &Deck, quiz: &Quiz) -> String {
    let id = assessment_ident(quiz);
    let points: u32 = quiz.questions.iter().map(super::points).sum();
    let description = deck
        .description
        .as_deref()
        .map(|d| format!("<p>{}</p>", html_block(d)))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz identifier="{id}" xmlns="http://canvas.instructure.com/xsd/cccv1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">
  <title>{title}</title>
  <description>{description}</description>
  <shuffle_answers>true</shuffle_answers>
  <scoring_policy>keep_highest</scoring_policy>
  <hide_results></hide_results>
  <quiz_type>practice_quiz</quiz_type>
  <points_possible>{points}.0</points_possible>
  <show_correct_answers>true</show_correct_answers>
  <allowed_attempts>-1</allowed_attempts>
  <one_question_at_a_time>false</one_question_at_a_time>
  <cant_go_back>false</cant_go_back>
  <available>false</available>
</quiz>
"#,
        title = html_text(&super::quiz_title(quiz, &super::phrases(course, deck))),
        description = html_text(&description),
    )
}

/// The assessment: every question of the quiz as an item, in the quiz's order.
pub fn assessment(course: &Course, deck: &Deck, quiz: &Quiz) -> String {
    assessment_in(course, quiz, &super::phrases(course, deck))
}

/// [`assessment`], with the course's words (`phrases`) for the labels and instructions it
/// adds.
pub fn assessment_in(course: &Course, quiz: &Quiz, phrases: &Phrasebook<'_>) -> String {
    let title = super::quiz_title(quiz, phrases);
    let mut out = String::new();
    out.push_str(&format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
  <!-- made by decksmith from deck "{deck}" (seed {seed}) -->
  <assessment ident="{id}" title="{title}">
    <qtimetadata>
      <qtimetadatafield>
        <fieldlabel>cc_maxattempts</fieldlabel>
        <fieldentry>unlimited</fieldentry>
      </qtimetadatafield>
    </qtimetadata>
    <section ident="root_section">
"#,
        deck = html_text(&quiz.deck).replace("--", "- -"),
        seed = quiz.seed,
        id = assessment_ident(quiz),
        title = html_attr(&title),
    ));
    for question in &quiz.questions {
        item(&mut out, course, quiz, &title, question, phrases);
    }
    out.push_str("    </section>\n  </assessment>\n</questestinterop>\n");
    out
}

/// One response option: its identifier and its text (HTML).
struct Label {
    ident: String,
    html: String,
}

/// Labels for texts, identified by the item, a role and the text (and its occurrence, should
/// two texts be the same).
fn labels(item: &str, role: &str, texts: &[String]) -> Vec<Label> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let seen = texts[..i].iter().filter(|t| *t == text).count().to_string();
            Label {
                ident: ident('a', &[item, role, text, &seen]),
                html: html_block(text),
            }
        })
        .collect()
}

/// A `<material>` with HTML text.
fn material(html: &str, indent: &str) -> String {
    format!(
        "{indent}<material>\n{indent}  <mattext texttype=\"text/html\">{}</mattext>\n{indent}</material>\n",
        html_text(html)
    )
}

/// One question as an item; `title` is the quiz's, which its name ends with.
fn item(
    out: &mut String,
    course: &Course,
    quiz: &Quiz,
    title: &str,
    question: &Question,
    phrases: &Phrasebook<'_>,
) {
    let ident = item_ident(quiz, question);
    let (kind, text) = match &question.body {
        Body::MultipleChoice(c) | Body::Who(c) => {
            ("multiple_choice_question", html_block(&c.prompt))
        }
        Body::TrueFalse { statement, .. } => ("true_false_question", html_block(statement)),
        Body::Cloze(c) if c.blanks.len() > 1 => {
            ("fill_in_multiple_blanks_question", blanks_text(c))
        }
        Body::Cloze(c) => (
            "short_answer_question",
            html_block(&c.text.replacen(BLANK, GAP, 1)),
        ),
        Body::Matching(m) => ("matching_question", html_block(&m.prompt)),
        Body::Timeline(t) => ("matching_question", html_block(&t.prompt)),
        Body::Flashcard { front, .. } => (
            "essay_question",
            super::bank::recall_text(course, question, front, phrases),
        ),
    };
    let points = super::points(question);
    out.push_str(&format!(
        "      <item ident=\"{ident}\" title=\"{}\">\n        <itemmetadata>\n          <qtimetadata>\n",
        html_attr(&name(question.number, &name_text(&question.body), title))
    ));
    for (label, entry) in [
        ("question_type", kind.to_owned()),
        ("points_possible", format!("{points}.0")),
        ("decksmith_id", question.id.clone()),
        (
            "decksmith_sources",
            sources_plain(&question.sources, phrases),
        ),
    ] {
        out.push_str(&format!(
            "            <qtimetadatafield>\n              <fieldlabel>{label}</fieldlabel>\n              <fieldentry>{}</fieldentry>\n            </qtimetadatafield>\n",
            html_text(&entry)
        ));
    }
    out.push_str("          </qtimetadata>\n        </itemmetadata>\n        <presentation>\n");
    out.push_str(&material(&text, "          "));
    let mut conditions = String::new();
    match &question.body {
        Body::MultipleChoice(c) | Body::Who(c) => choice(out, &mut conditions, &ident, c),
        Body::TrueFalse { answer, .. } => {
            let texts = [truth(phrases, true), truth(phrases, false)];
            let options = labels(&ident, "truth", &texts);
            single_choice(out, &mut conditions, &options, if *answer { 0 } else { 1 });
        }
        Body::Cloze(c) if c.blanks.len() > 1 => {
            blanks(out, &mut conditions, &ident, c, phrases.is_english())
        }
        Body::Cloze(c) => short_answer(out, &mut conditions, c, phrases.is_english()),
        Body::Matching(m) => matching(out, &mut conditions, &ident, &matching_rows(m)),
        Body::Timeline(t) => matching(out, &mut conditions, &ident, &timeline_rows(t, phrases)),
        Body::Flashcard { .. } => out.push_str(
            "          <response_str ident=\"response1\" rcardinality=\"Single\">\n            <render_fib>\n              <response_label ident=\"answer1\" rshuffle=\"No\"/>\n            </render_fib>\n          </response_str>\n",
        ),
    }
    out.push_str("        </presentation>\n        <resprocessing>\n          <outcomes>\n            <decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>\n          </outcomes>\n");
    let feedback = full_feedback(question, phrases);
    if !feedback.is_empty() {
        out.push_str("          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <other/>\n            </conditionvar>\n            <displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/>\n          </respcondition>\n");
    }
    out.push_str(&conditions);
    out.push_str("        </resprocessing>\n");
    if !feedback.is_empty() {
        out.push_str("        <itemfeedback ident=\"general_fb\">\n          <flow_mat>\n");
        out.push_str(&material(&feedback, "            "));
        out.push_str("          </flow_mat>\n        </itemfeedback>\n");
    }
    out.push_str("      </item>\n");
}

/// A cloze with several blanks, each written `[blankN]` where it stands, as Canvas's
/// fill-in-multiple-blanks question wants it.
fn blanks_text(cloze: &ClozeBody) -> String {
    let pieces: Vec<&str> = cloze.text.split(BLANK).collect();
    if pieces.len() != cloze.blanks.len() + 1 {
        // The teacher's text has `____` of its own: the blanks follow the whole text.
        let names: Vec<String> = (1..=cloze.blanks.len())
            .map(|n| format!("[blank{n}]"))
            .collect();
        return format!("{} {}", html_block(&cloze.text), names.join(" "));
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("[blank{i}]"));
        }
        out.push_str(&html_block(piece));
    }
    out
}

fn choice(out: &mut String, conditions: &mut String, item: &str, c: &Choice) {
    let mut options = labels(item, "option", &c.options);
    if let Some(lang) = &c.lang {
        for (option, text) in options.iter_mut().zip(&c.options) {
            option.html = html_lang(text, Some(lang));
        }
    }
    single_choice(out, conditions, &options, c.answer);
}

fn single_choice(out: &mut String, conditions: &mut String, options: &[Label], answer: usize) {
    out.push_str("          <response_lid ident=\"response1\" rcardinality=\"Single\">\n            <render_choice>\n");
    for option in options {
        out.push_str(&format!(
            "              <response_label ident=\"{}\">\n",
            option.ident
        ));
        out.push_str(&material(&option.html, "                "));
        out.push_str("              </response_label>\n");
    }
    out.push_str("            </render_choice>\n          </response_lid>\n");
    if let Some(right) = options.get(answer) {
        conditions.push_str(&format!(
            "          <respcondition continue=\"No\">\n            <conditionvar>\n              <varequal respident=\"response1\">{}</varequal>\n            </conditionvar>\n            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n          </respcondition>\n",
            right.ident
        ));
    }
}

/// Every answer the quiz page accepts for a blank, the main one first, without repeats (see
/// [`super::typed_answers`]; `english`: the quiz's language is English).
fn accepted(blank: &decksmith_quiz::BlankAnswer, english: bool) -> Vec<String> {
    let answers: Vec<String> = std::iter::once(&blank.answer)
        .chain(&blank.accept)
        // What a student types is plain text: `H2O` for `H~2~O`.
        .map(|a| decksmith_model::markup::plain(a).trim().to_owned())
        .collect();
    super::typed_answers(&answers, english)
}

fn short_answer(out: &mut String, conditions: &mut String, cloze: &ClozeBody, english: bool) {
    out.push_str("          <response_str ident=\"response1\" rcardinality=\"Single\">\n            <render_fib>\n              <response_label ident=\"answer1\" rshuffle=\"No\"/>\n            </render_fib>\n          </response_str>\n");
    // One condition per accepted answer, not several tests in one condition: QTI 1.2 reads
    // the tests of a condition as all having to hold (the QTI 1.2 to 2.1 converter Canvas
    // runs makes them an `and`), and no typed answer equals two different texts. Conditions
    // that stop at the first match (`continue="No"`) make the "or".
    let first = cloze.blanks.first();
    for answer in first.map(|b| accepted(b, english)).unwrap_or_default() {
        conditions.push_str(&format!(
            "          <respcondition continue=\"No\">\n            <conditionvar>\n              <varequal respident=\"response1\">{}</varequal>\n            </conditionvar>\n            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n          </respcondition>\n",
            html_text(&answer)
        ));
    }
}

/// The share of the score one of `n` parts earns, as Canvas writes it.
fn share(n: usize) -> String {
    format!("{:.2}", 100.0 / n.max(1) as f64)
}

fn blanks(out: &mut String, conditions: &mut String, item: &str, cloze: &ClozeBody, english: bool) {
    let n = cloze.blanks.len();
    for (i, blank) in cloze.blanks.iter().enumerate() {
        let name = format!("blank{}", i + 1);
        let answers = accepted(blank, english);
        let options = labels(item, &name, &answers);
        out.push_str(&format!(
            "          <response_lid ident=\"response_{name}\">\n            <material>\n              <mattext>{name}</mattext>\n            </material>\n            <render_choice>\n"
        ));
        for (option, answer) in options.iter().zip(&answers) {
            out.push_str(&format!(
                "              <response_label ident=\"{}\">\n                <material>\n                  <mattext>{}</mattext>\n                </material>\n              </response_label>\n",
                option.ident,
                html_text(answer)
            ));
        }
        out.push_str("            </render_choice>\n          </response_lid>\n");
        // One condition per accepted answer: a response matches at most one of them. Each
        // goes on to the next (`continue="Yes"`), so every blank adds its share; QTI 1.2 stops
        // at the first condition that holds otherwise (Canvas's own export omits it: Canvas
        // reads which answers are right, not the scoring, but other LMSs score by it).
        for option in &options {
            conditions.push_str(&format!(
                "          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <varequal respident=\"response_{name}\">{}</varequal>\n            </conditionvar>\n            <setvar action=\"Add\" varname=\"SCORE\">{}</setvar>\n          </respcondition>\n",
                option.ident,
                share(n)
            ));
        }
    }
}

/// A matching question as rows: each item (text) with the index of its answer, and every
/// answer (text), those that match no item included.
struct Rows {
    items: Vec<(String, usize)>,
    answers: Vec<String>,
}

fn matching_rows(m: &Matching) -> Rows {
    Rows {
        items: m
            .pairs
            .iter()
            .filter_map(|&(l, r)| Some((m.left.get(l)?.clone(), r)))
            .collect(),
        answers: m.right.clone(),
    }
}

/// A timeline as a matching: each event, in the order shown, with its position.
fn timeline_rows(t: &Timeline, phrases: &Phrasebook<'_>) -> Rows {
    let n = t.order.len();
    Rows {
        items: t
            .items
            .iter()
            .enumerate()
            .filter_map(|(shown, event)| {
                let position = t.order.iter().position(|&i| i == shown)?;
                Some((event.clone(), position))
            })
            .collect(),
        answers: (1..=n).map(|p| position(phrases, p, n)).collect(),
    }
}

/// The answers of a matching question: Canvas takes the first run of digits in an answer's
/// identifier as its match id (`get_canvas_matches` in its QTI importer), so each identifier
/// is a letter and nine digits, unique in the question. The digits are a hash of the answer,
/// as for every other label.
fn match_labels(item: &str, texts: &[String]) -> Vec<Label> {
    let keys: Vec<(u64, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let seen = texts[..i].iter().filter(|t| *t == text).count().to_string();
            let key = format!("{text}\0{seen}");
            (label_hash(&[item, "answer", text, &seen]), key)
        })
        .collect();
    texts
        .iter()
        .zip(match_numbers(&keys))
        .map(|(text, number)| Label {
            ident: format!("m{number}"),
            html: html_block(text),
        })
        .collect()
}

/// A distinct nine-digit number for each (hash, text) key, from its hash. Should two hashes
/// meet, the key that sorts later takes the next free number, so the numbers do not depend
/// on the order the keys come in.
pub(crate) fn match_numbers(keys: &[(u64, String)]) -> Vec<u64> {
    const FIRST: u64 = 100_000_000;
    const COUNT: u64 = 900_000_000;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut numbers = vec![0; keys.len()];
    let mut taken = std::collections::BTreeSet::new();
    for i in order {
        let mut number = FIRST + keys[i].0 % COUNT;
        while !taken.insert(number) {
            number = FIRST + (number - FIRST + 1) % COUNT;
        }
        numbers[i] = number;
    }
    numbers
}

fn matching(out: &mut String, conditions: &mut String, item: &str, rows: &Rows) {
    let answers = match_labels(item, &rows.answers);
    let lefts: Vec<String> = rows.items.iter().map(|(text, _)| text.clone()).collect();
    let left_labels = labels(item, "item", &lefts);
    let n = rows.items.len();
    for ((_, right), left) in rows.items.iter().zip(&left_labels) {
        out.push_str(&format!(
            "          <response_lid ident=\"response_{}\">\n",
            left.ident
        ));
        out.push_str(&material(&left.html, "            "));
        out.push_str("            <render_choice>\n");
        for answer in &answers {
            out.push_str(&format!(
                "              <response_label ident=\"{}\">\n",
                answer.ident
            ));
            out.push_str(&material(&answer.html, "                "));
            out.push_str("              </response_label>\n");
        }
        out.push_str("            </render_choice>\n          </response_lid>\n");
        // Each row adds its share and goes on to the next row (see `blanks`).
        if let Some(answer) = answers.get(*right) {
            conditions.push_str(&format!(
                "          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <varequal respident=\"response_{}\">{}</varequal>\n            </conditionvar>\n            <setvar action=\"Add\" varname=\"SCORE\">{}</setvar>\n          </respcondition>\n",
                left.ident,
                answer.ident,
                share(n)
            ));
        }
    }
}
