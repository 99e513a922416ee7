//! What the templates see: plain views of the course, cards and questions, with the
//! interface words already chosen. Askama escapes every value when it writes one.

use std::borrow::Cow;
use std::collections::BTreeMap;

use decksmith_files::Audience;
use decksmith_model::Course;
use decksmith_model::markup;
use decksmith_quiz::cards::BLANK;
use decksmith_quiz::{
    Body, Card, Choice, CitationView, ClozeBody, LineRole, Matching, Question, Side, Timeline,
};
use serde::Serialize;

use super::marked::{MadeHtml, Marked, MarkedBuf};
use super::strings::Ui;
use super::{DeckSummary, FileLink};

/// What every page has: its language, title, policy, stylesheet and script.
pub struct Page<'a> {
    pub lang: &'a str,
    pub title: String,
    pub csp: &'a str,
    pub css: &'a str,
    /// The page's script; empty for a page without one.
    pub script: &'a str,
}

/// A deck on the index page.
pub struct IndexDeck<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub counts: String,
    pub tags: Vec<&'a str>,
    /// The study pages (HTML).
    pub pages: Vec<&'a FileLink>,
    /// The other study material: PDFs, the Anki deck, the cards as TSV.
    pub files: Vec<&'a FileLink>,
    /// What holds the answers, for the teacher page only: answer keys, `quiz.json`, the
    /// question banks.
    pub answers: Vec<&'a FileLink>,
}

impl<'a> IndexDeck<'a> {
    pub fn new(ui: &Ui<'_>, summary: &'a DeckSummary<'a>) -> IndexDeck<'a> {
        let deck = summary.deck;
        let mut tags: Vec<&str> = Vec::new();
        for tag in deck
            .tags
            .iter()
            .chain(deck.entries.iter().flat_map(|e| &e.tags))
        {
            if !tags.contains(&tag.as_str()) {
                tags.push(tag);
            }
        }
        let (answers, study): (Vec<&FileLink>, Vec<&FileLink>) = summary
            .files
            .iter()
            .partition(|f| Audience::of(f.name()) == Audience::Teachers);
        let (pages, files) = study.into_iter().partition(|f| f.href.ends_with(".html"));
        IndexDeck {
            id: &deck.id,
            title: &deck.title,
            description: deck.description.as_deref(),
            counts: format!(
                "{} · {}",
                ui.count("ui.cards-count", summary.cards),
                ui.count("ui.questions-count", summary.questions)
            ),
            tags,
            pages,
            files,
            answers,
        }
    }
}

/// A source as a card or an answer shows it.
pub struct SourceView<'a> {
    pub text: String,
    pub title: &'a str,
    /// Only `http(s)` addresses become links.
    pub url: Option<&'a str>,
}

fn sources<'a>(ui: &Ui<'_>, citations: &'a [CitationView]) -> Vec<SourceView<'a>> {
    citations
        .iter()
        .map(|c| SourceView {
            text: c.label(ui.phrases()),
            title: &c.title,
            url: c
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        })
        .collect()
}

/// A line under a side's main text.
pub struct LineView<'a> {
    pub text: Marked<'a>,
    pub lang: Option<&'a str>,
    /// `detail`, `translation` or `note`, for styling.
    pub class: &'static str,
}

/// One side of a card.
pub struct SideView<'a> {
    pub text: Marked<'a>,
    pub lang: Option<&'a str>,
    pub lines: Vec<LineView<'a>>,
}

impl<'a> SideView<'a> {
    fn new(side: &'a Side) -> SideView<'a> {
        SideView {
            text: Marked(&side.text),
            lang: side.lang.as_deref(),
            lines: side
                .lines
                .iter()
                .map(|line| LineView {
                    text: Marked(&line.text),
                    lang: line.lang.as_deref(),
                    class: match line.role {
                        LineRole::Detail => "detail",
                        LineRole::Also => "detail also",
                        LineRole::Translation => "translation",
                        LineRole::Note => "note",
                    },
                })
                .collect(),
        }
    }
}

/// A flashcard.
pub struct CardView<'a> {
    pub id: &'a str,
    pub guid: &'a str,
    pub number: u32,
    pub kind: &'a str,
    pub kind_label: &'a str,
    pub position: String,
    pub front: SideView<'a>,
    pub back: SideView<'a>,
    pub sources: Vec<SourceView<'a>>,
}

impl<'a> CardView<'a> {
    pub fn new(ui: &Ui<'a>, card: &'a Card, total: usize) -> CardView<'a> {
        let kind_label = match card.kind {
            "term" => ui.t("ui.kind.term"),
            "fact" => ui.t("ui.kind.fact"),
            "event" => ui.t("ui.kind.event"),
            "person" => ui.t("ui.kind.person"),
            "organization" => ui.t("ui.kind.organization"),
            "quote" => ui.t("ui.kind.quote"),
            "question" => ui.t("ui.kind.question"),
            other => other,
        };
        CardView {
            id: &card.id,
            guid: &card.guid,
            number: card.number,
            kind: card.kind,
            kind_label,
            position: ui.fill(
                "ui.card-of",
                &[
                    ("n", &card.number.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            front: SideView::new(&card.front),
            back: SideView::new(&card.back),
            sources: sources(ui, &card.sources),
        }
    }
}

/// What the flashcards script is given.
#[derive(Serialize)]
pub struct FlashcardsData<'a> {
    /// The `localStorage` key of this deck's progress.
    pub store: String,
    /// The course's title and the deck's id, written into exported progress files.
    pub course: &'a str,
    pub deck: &'a str,
    /// The name an exported progress file is given (`basics-progress.json`).
    pub file_name: String,
    /// How many new cards a day's session brings in.
    pub new_per_day: u32,
    /// The course seed, where shuffling starts.
    pub seed: u64,
    pub strings: BTreeMap<&'static str, &'a str>,
}

/// How many new cards the "due today" session brings in a day: Anki's default, a pace most
/// students keep up with (each new card brings its reviews on the following days).
pub const NEW_CARDS_PER_DAY: u32 = 20;

/// The `localStorage` key of a page: the course, the deck and the page, so that courses
/// opened from the same disk (one `file://` origin) keep apart.
pub fn store_key(course: &Course, deck: &decksmith_model::Deck, page: &str) -> String {
    format!("decksmith:{}:{}:{page}", course.title, deck.id)
}

/// A link to another form of the quiz.
pub struct FormLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// An option of a choice question.
pub struct OptionView<'a> {
    pub letter: char,
    pub text: Marked<'a>,
}

/// A piece of a cloze statement: text, then maybe a blank to type into.
pub struct ClozePiece {
    /// The statement's HTML up to the blank: an element may open in one piece and close in
    /// a later one (a blank inside italics).
    pub text: MadeHtml,
    /// The blank's number from 1, with its label.
    pub blank: Option<(usize, String)>,
}

/// The kind-specific part of a question.
pub enum BodyView<'a> {
    Choice {
        prompt: Marked<'a>,
        options: Vec<OptionView<'a>>,
        lang: Option<&'a str>,
    },
    TrueFalse {
        statement: Marked<'a>,
    },
    Cloze {
        pieces: Vec<ClozePiece>,
    },
    Matching {
        prompt: Marked<'a>,
        left: Vec<Marked<'a>>,
        right: Vec<OptionView<'a>>,
    },
    Timeline {
        prompt: Marked<'a>,
        /// Each event with its move-up and move-down labels.
        items: Vec<(Marked<'a>, String, String)>,
    },
    Flashcard {
        front: Marked<'a>,
        /// The answer, then any further lines (the note).
        back: Vec<Marked<'a>>,
    },
}

/// A line of a question's answer, for the feedback and the answer key.
pub struct AnswerLine<'a> {
    pub text: MarkedBuf,
    pub lang: Option<&'a str>,
}

/// What the quiz script needs to check a question.
#[derive(Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum QuestionData<'a> {
    /// Multiple choice and who: the correct option's index.
    Choice { answer: usize },
    /// The statement's truth.
    TrueFalse { answer: bool },
    /// For each blank, every accepted answer (the answer first).
    Cloze { accept: Vec<Vec<Cow<'a, str>>> },
    /// For each left item, the index of its partner on the right.
    Matching { pairs: Vec<Option<usize>> },
    /// The items' indices in chronological order.
    Timeline { order: &'a [usize] },
    /// Self-assessed: nothing to compare.
    Flashcard {},
}

/// A question.
pub struct QuestionView<'a> {
    pub id: &'a str,
    pub number: u32,
    pub kind: &'static str,
    pub title: String,
    pub body: BodyView<'a>,
    pub answer: Vec<AnswerLine<'a>>,
    /// Whether the answer is a list (matching pairs, events in order).
    pub answer_is_list: bool,
    pub explanation: Marked<'a>,
    pub sources: Vec<SourceView<'a>>,
    pub data: QuestionData<'a>,
}

fn letter(base: u8, i: usize) -> char {
    char::from(base + (i % 26) as u8)
}

/// A question kind's part of a [`QuestionView`]: its body, its answer lines, whether the
/// answer is a list, and what the script checks.
type KindView<'a> = (BodyView<'a>, Vec<AnswerLine<'a>>, bool, QuestionData<'a>);

fn line<'a>(text: String) -> AnswerLine<'a> {
    AnswerLine {
        text: MarkedBuf(text),
        lang: None,
    }
}

impl<'a> QuestionView<'a> {
    pub fn new(ui: &Ui<'a>, q: &'a Question) -> QuestionView<'a> {
        let (body, answer, answer_is_list, data) = match &q.body {
            Body::MultipleChoice(c) | Body::Who(c) => choice_view(c),
            Body::TrueFalse { statement, answer } => true_false_view(ui, statement, *answer),
            Body::Cloze(c) => cloze_view(ui, c),
            Body::Matching(m) => matching_view(m),
            Body::Timeline(t) => timeline_view(ui, t),
            Body::Flashcard { front, back } => flashcard_view(front, back),
        };
        QuestionView {
            id: &q.id,
            number: q.number,
            kind: q.kind().name(),
            title: ui.fill("ui.question", &[("n", &q.number.to_string())]),
            body,
            answer,
            answer_is_list,
            explanation: Marked(&q.explanation),
            sources: sources(ui, &q.sources),
            data,
        }
    }
}

fn choice_view(c: &Choice) -> KindView<'_> {
    let options: Vec<OptionView<'_>> = c
        .options
        .iter()
        .enumerate()
        .map(|(i, text)| OptionView {
            letter: letter(b'A', i),
            text: Marked(text),
        })
        .collect();
    let answer = c.options.get(c.answer).map_or_else(Vec::new, |text| {
        vec![AnswerLine {
            text: MarkedBuf(format!("{}. {text}", letter(b'A', c.answer))),
            lang: c.lang.as_deref(),
        }]
    });
    (
        BodyView::Choice {
            prompt: Marked(&c.prompt),
            options,
            lang: c.lang.as_deref(),
        },
        answer,
        false,
        QuestionData::Choice { answer: c.answer },
    )
}

fn true_false_view<'a>(ui: &Ui<'a>, statement: &'a str, answer: bool) -> KindView<'a> {
    (
        BodyView::TrueFalse {
            statement: Marked(statement),
        },
        vec![line(
            ui.t(if answer { "ui.true" } else { "ui.false" }).to_owned(),
        )],
        false,
        QuestionData::TrueFalse { answer },
    )
}

fn cloze_view<'a>(ui: &Ui<'a>, c: &'a ClozeBody) -> KindView<'a> {
    // A `____` without an answer stays as text; an answer without a `____` gets a blank at
    // the end.
    let texts = Marked(&c.text).split_html(BLANK);
    let count = texts.len();
    let mut pieces: Vec<ClozePiece> = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        let blank = (i + 1 < count && i < c.blanks.len()).then(|| (i + 1, blank_label(ui, i + 1)));
        let stray = i + 1 < count && blank.is_none();
        pieces.push(ClozePiece { text, blank });
        if stray {
            pieces.push(ClozePiece {
                text: MadeHtml::of(BLANK),
                blank: None,
            });
        }
    }
    for i in count.saturating_sub(1)..c.blanks.len() {
        pieces.push(ClozePiece {
            text: MadeHtml::of(" "),
            blank: Some((i + 1, blank_label(ui, i + 1))),
        });
    }
    let answer = c
        .blanks
        .iter()
        .map(|b| b.answer.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let accept = c
        .blanks
        .iter()
        .map(|b| {
            // What a student types is plain text: `H2O` for `H~2~O`.
            let accept = if b.accept.is_empty() {
                std::slice::from_ref(&b.answer)
            } else {
                b.accept.as_slice()
            };
            accept.iter().map(|a| markup::plain(a)).collect()
        })
        .collect();
    (
        BodyView::Cloze { pieces },
        vec![line(answer)],
        false,
        QuestionData::Cloze { accept },
    )
}

fn matching_view(m: &Matching) -> KindView<'_> {
    let mut partner = vec![None; m.left.len()];
    for &(l, r) in &m.pairs {
        if let Some(p) = partner.get_mut(l) {
            *p = Some(r);
        }
    }
    let right: Vec<OptionView<'_>> = m
        .right
        .iter()
        .enumerate()
        .map(|(i, text)| OptionView {
            letter: letter(b'a', i),
            text: Marked(text),
        })
        .collect();
    let answer = m
        .left
        .iter()
        .zip(&partner)
        .map(|(l, &r)| match r.and_then(|r| Some((r, m.right.get(r)?))) {
            Some((r, text)) => line(format!("{l} → {}. {text}", letter(b'a', r))),
            None => line(l.clone()),
        })
        .collect();
    (
        BodyView::Matching {
            prompt: Marked(&m.prompt),
            left: m.left.iter().map(|l| Marked(l)).collect(),
            right,
        },
        answer,
        true,
        QuestionData::Matching { pairs: partner },
    )
}

fn timeline_view<'a>(ui: &Ui<'a>, t: &'a Timeline) -> KindView<'a> {
    let answer = t
        .order
        .iter()
        .filter_map(|&i| {
            let item = t.items.get(i)?;
            Some(line(match t.dates.get(i) {
                Some(date) if !date.is_empty() => format!("{date}: {item}"),
                _ => item.clone(),
            }))
        })
        .collect();
    let items = t
        .items
        .iter()
        .map(|item| {
            let plain = markup::plain(item);
            (
                Marked(item),
                ui.fill("ui.move-up", &[("item", &plain)]),
                ui.fill("ui.move-down", &[("item", &plain)]),
            )
        })
        .collect();
    (
        BodyView::Timeline {
            prompt: Marked(&t.prompt),
            items,
        },
        answer,
        true,
        QuestionData::Timeline { order: &t.order },
    )
}

fn flashcard_view<'a>(front: &'a str, back: &'a str) -> KindView<'a> {
    (
        BodyView::Flashcard {
            front: Marked(front),
            back: back.lines().map(Marked).collect(),
        },
        vec![line(back.to_owned())],
        false,
        QuestionData::Flashcard {},
    )
}

fn blank_label(ui: &Ui<'_>, n: usize) -> String {
    ui.fill("ui.blank", &[("n", &n.to_string())])
}

/// What the quiz script is given.
#[derive(Serialize)]
pub struct QuizData<'a> {
    pub strings: BTreeMap<&'static str, &'a str>,
    /// One per question, in page order.
    pub questions: Vec<QuestionData<'a>>,
}
