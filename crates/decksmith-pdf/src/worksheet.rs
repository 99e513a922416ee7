//! `worksheet.pdf` and `answer-key.pdf`: a quiz laid out for paper, and its key.
//!
//! Each question becomes a block of rows; blocks are placed down the page and a block that
//! does not fit what is left of a page starts the next one, so a question is never split
//! (only one taller than a whole page is, between its rows, with a warning).

use decksmith_model::Diagnostic;
use decksmith_quiz::phrases::{PHRASES, Phrasebook, recall_hint};
use decksmith_quiz::{Body, Choice, ClozeBody, Matching, Question, Quiz, Timeline};

use super::Context;
use super::emit::{Graphic, Page, Text};
use super::fonts::Weight;
use super::plan::{MM, Size, paper_size};
use super::styled::{self, Marks, Pen};
use super::text::{LEADING, Measured, wrap_fixed};

/// Left and right page margin.
const MARGIN_X: f32 = 18.0 * MM;
/// Space above the first row.
const MARGIN_TOP: f32 = 16.0 * MM;
/// Space below the last row (the footer sits in it).
const MARGIN_BOTTOM: f32 = 18.0 * MM;
/// Where the footer's baseline is.
const FOOTER_Y: f32 = 10.0 * MM;
/// How far below the paper's top edge the print header's baseline is (in the top margin).
const HEADER_DOWN: f32 = 9.0 * MM;
/// How far below the paper's top edge the logo's top is: inside what most printers print.
const LOGO_DOWN: f32 = 5.0 * MM;
/// The question number's column.
const NUMBER_WIDTH: f32 = 9.0 * MM;
/// Space between questions.
const QUESTION_GAP: f32 = 5.0 * MM;
/// Body text size.
const BODY: f32 = 10.5;
/// Instructions and options' letters.
const SMALL: f32 = 8.5;
/// The side of a tick box.
const TICK_BOX: f32 = 3.4 * MM;
/// The width of a box to write a letter or number in.
const WRITE_BOX: f32 = 7.0 * MM;
/// The length of every cloze blank: the same for all, so none hints at its answer.
const BLANK: f32 = 30.0 * MM;
/// The column at the right of a question's first line for its points (`____ / 2`).
const POINTS_WIDTH: f32 = 18.0 * MM;
/// The line a teacher writes a question's mark on.
const MARK_LINE: f32 = 9.0 * MM;

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// Questions with room for answers, no answers.
    Worksheet,
    /// The answers, explanations and sources.
    AnswerKey,
}

/// Something drawn in a row, `dy` points below the row's top.
#[derive(Clone, Debug)]
enum Mark {
    Text {
        x: f32,
        dy: f32,
        size: f32,
        weight: Weight,
        grey: f32,
        text: String,
    },
    Line {
        x1: f32,
        x2: f32,
        dy: f32,
        width: f32,
    },
    Box {
        x: f32,
        dy: f32,
        width: f32,
        height: f32,
    },
}

/// How a paragraph's text is set.
#[derive(Clone, Copy, Debug)]
struct Style {
    /// The type size in points.
    size: f32,
    /// Regular or bold.
    weight: Weight,
    /// The grey level: 0 is black.
    grey: f32,
}

/// A question's own text.
const PLAIN: Style = Style {
    size: BODY,
    weight: Weight::Regular,
    grey: 0.0,
};

/// What to do ("Tick one box."), small and grey.
const HOW: Style = Style {
    size: SMALL,
    weight: Weight::Regular,
    grey: 0.45,
};

/// A strip of a question that is never split.
#[derive(Clone, Debug, Default)]
struct Row {
    height: f32,
    marks: Vec<Mark>,
}

impl Row {
    fn text(
        &mut self,
        x: f32,
        dy: f32,
        size: f32,
        weight: Weight,
        grey: f32,
        text: impl Into<String>,
    ) {
        self.marks.push(Mark::Text {
            x,
            dy,
            size,
            weight,
            grey,
            text: text.into(),
        });
    }

    /// Adds wrapped text at `x`, `width` wide, starting `top` below the row's top; returns
    /// the height it takes.
    fn para(
        &mut self,
        ctx: &Context<'_>,
        (x, top): (f32, f32),
        width: f32,
        style: Style,
        text: &str,
    ) -> f32 {
        let Style { size, weight, grey } = style;
        let face = ctx.fonts.face(weight);
        let lead = size * LEADING;
        let mut y = top;
        for (line, _) in wrap_fixed(ctx.fonts, weight, text, size, width) {
            let baseline = y + (lead - size) / 2.0 + face.ascent() * size;
            self.text(x, baseline, size, weight, grey, line);
            y += lead;
        }
        y - top
    }

    /// Adds a bold label (`1.`, `A.`) at `x` with `text` wrapped after it, the whole
    /// `width` wide, in body type; returns the height it takes.
    fn labelled(
        &mut self,
        ctx: &Context<'_>,
        x: f32,
        width: f32,
        label: String,
        text: &str,
    ) -> f32 {
        let lw = ctx.fonts.face(Weight::Bold).width(&label) as f32 * BODY / 1000.0;
        self.text(
            x,
            first_baseline(ctx, Weight::Bold, BODY, 0.5),
            BODY,
            Weight::Bold,
            0.0,
            label,
        );
        self.para(
            ctx,
            (x + lw + 1.5 * MM, 0.5),
            width - lw - 1.5 * MM,
            PLAIN,
            text,
        )
    }

    /// Keeps the row at least `h` tall.
    fn grow(&mut self, h: f32) {
        self.height = self.height.max(h);
    }
}

/// A question's rows, with the question (for the warning if it is split).
struct Block<'a> {
    rows: Vec<Row>,
    question: Option<&'a Question>,
    /// Starts a page of its own (the answer key's first explanation, after the grid).
    new_page: bool,
}

impl<'a> Block<'a> {
    /// Rows that are not a question.
    fn of(rows: Vec<Row>) -> Block<'a> {
        Block {
            rows,
            question: None,
            new_page: false,
        }
    }
}

/// The baseline of the first line of text set at `size` from `top`.
fn first_baseline(ctx: &Context<'_>, weight: Weight, size: f32, top: f32) -> f32 {
    top + (size * LEADING - size) / 2.0 + ctx.fonts.face(weight).ascent() * size
}

/// The pages of a worksheet or answer key for `quiz`.
pub fn pages(
    ctx: &Context<'_>,
    paper: decksmith_model::Paper,
    quiz: &Quiz,
    sheet: Sheet,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let size = paper_size(paper);
    let width = size.width - 2.0 * MARGIN_X;
    let mut blocks = vec![Block::of(vec![header(ctx, quiz, sheet, width)])];
    if quiz.questions.is_empty() {
        let mut row = Row::default();
        let h = row.para(
            ctx,
            (MARGIN_X, 0.0),
            width,
            PLAIN,
            &ctx.words.get("pdf.no-questions", &[]),
        );
        row.grow(h);
        blocks.push(Block::of(vec![row]));
    } else if sheet == Sheet::AnswerKey {
        blocks.push(Block::of(grid(ctx, quiz, width)));
    }
    for (i, question) in quiz.questions.iter().enumerate() {
        let rows = match sheet {
            Sheet::Worksheet => worksheet_question(ctx, question, width),
            Sheet::AnswerKey => key_question(ctx, question, width),
        };
        blocks.push(Block {
            rows,
            question: Some(question),
            // The grid has the first page; the explanations follow on their own.
            new_page: sheet == Sheet::AnswerKey && i == 0,
        });
    }
    paginate(ctx, size, quiz, sheet, &blocks, warnings)
}

/// Places the blocks on pages, then adds each page's footer.
fn paginate(
    ctx: &Context<'_>,
    size: Size,
    quiz: &Quiz,
    sheet: Sheet,
    blocks: &[Block<'_>],
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let top = size.height - MARGIN_TOP;
    let bottom = MARGIN_BOTTOM;
    let room = top - bottom;
    let mut pages = vec![Page::new(size.width, size.height)];
    let mut y = top;
    for block in blocks {
        let height: f32 = block.rows.iter().map(|r| r.height).sum();
        let on_this_page = y < top;
        if (y - height < bottom || block.new_page) && on_this_page {
            pages.push(Page::new(size.width, size.height));
            y = top;
        }
        if height > room
            && let Some(q) = block.question
        {
            warnings.push(
                Diagnostic::warning(
                    q.origin.clone(),
                    format!(
                        "question {} of deck `{}` is taller than a page, so it is split across pages",
                        q.number, ctx.deck.id
                    ),
                )
                .with_help("shorten its text"),
            );
        }
        for row in &block.rows {
            if y - row.height < bottom && y < top {
                pages.push(Page::new(size.width, size.height));
                y = top;
            }
            let page = pages.last_mut();
            if let Some(page) = page {
                place(page, row, y);
            }
            y -= row.height;
        }
        y -= QUESTION_GAP;
    }
    furnish(ctx, size, quiz, sheet, &mut pages);
    pages
}

/// Each page's footer (the deck, the sheet, the form; the page number) and the course's
/// print header.
fn furnish(ctx: &Context<'_>, size: Size, quiz: &Quiz, sheet: Sheet, pages: &mut [Page]) {
    let total = pages.len();
    let label = match sheet {
        Sheet::Worksheet => ctx.words.get("pdf.worksheet", &[]),
        Sheet::AnswerKey => ctx.words.get("pdf.answer-key", &[]),
    };
    let form = quiz
        .variant
        .as_ref()
        .map(|v| format!(" · {}", ctx.words.get("pdf.form", &[("form", v)])))
        .unwrap_or_default();
    let left = format!("{} · {label}{form}", ctx.deck.title);
    for (i, page) in pages.iter_mut().enumerate() {
        let n = (i + 1).to_string();
        let m = total.to_string();
        let right = ctx.words.get("pdf.page", &[("n", &n), ("m", &m)]);
        let face = ctx.fonts.face(Weight::Regular);
        let rw = face.width(&right) as f32 * 8.0 / 1000.0;
        let (left, _) = super::text::ellipsize(
            ctx.fonts,
            Weight::Regular,
            &left,
            8.0,
            size.width - 2.0 * MARGIN_X - rw - 6.0 * MM,
        );
        page.text(MARGIN_X, FOOTER_Y, 8.0, Weight::Regular, 0.4, left);
        // The course's `print: logo:` and `print: header:` (a school's or class's name), on
        // every page: the logo at the left, the header beside it, level with its middle.
        let (mut header_x, mut header_y) = (MARGIN_X, size.height - HEADER_DOWN);
        if let Some(logo) = ctx.logo {
            let (width, height) = logo.size();
            let top = size.height - LOGO_DOWN;
            page.graphics.push(Graphic::Logo {
                x: MARGIN_X,
                y: top - height,
                width,
                height,
            });
            header_x += width + 3.0 * MM;
            header_y = top - height / 2.0 - 8.5 * 0.35;
        }
        if let Some(header) = &ctx.course.print.header {
            let (header, _) = super::text::ellipsize(
                ctx.fonts,
                Weight::Bold,
                &header.text,
                8.5,
                size.width - MARGIN_X - header_x,
            );
            page.text(header_x, header_y, 8.5, Weight::Bold, 0.25, header);
        }
        page.text(
            size.width - MARGIN_X - rw,
            FOOTER_Y,
            8.0,
            Weight::Regular,
            0.4,
            right,
        );
    }
}

/// Draws a row whose top is at `top` points from the page's bottom.
fn place(page: &mut Page, row: &Row, top: f32) {
    for mark in &row.marks {
        match mark {
            Mark::Text {
                x,
                dy,
                size,
                weight,
                grey,
                text,
            } => page.graphics.push(Graphic::Text(Text {
                x: *x,
                y: top - dy,
                size: *size,
                weight: *weight,
                grey: *grey,
                text: text.clone(),
            })),
            Mark::Line { x1, x2, dy, width } => {
                page.line((*x1, top - dy), (*x2, top - dy), *width, 0.0)
            }
            Mark::Box {
                x,
                dy,
                width,
                height,
            } => page.rect(*x, top - dy - height, *width, *height, 0.6, 0.0),
        }
    }
}

/// The title block: course, deck, which sheet; on a worksheet the name, class and date
/// line.
fn header(ctx: &Context<'_>, quiz: &Quiz, sheet: Sheet, width: f32) -> Row {
    let mut row = Row::default();
    let x = MARGIN_X;
    let mut y = 0.0;
    y += row.para(
        ctx,
        (x, y),
        width,
        Style {
            size: 9.0,
            weight: Weight::Regular,
            grey: 0.4,
        },
        &ctx.course.title,
    );
    y += 1.0 * MM;
    let what = match sheet {
        Sheet::Worksheet => ctx.words.get("pdf.worksheet", &[]),
        Sheet::AnswerKey => ctx.words.get("pdf.answer-key", &[]),
    };
    let what = match &quiz.variant {
        Some(v) => format!("{what} · {}", ctx.words.get("pdf.form", &[("form", v)])),
        None => what,
    };
    let face = ctx.fonts.face(Weight::Bold);
    let what_width = face.width(&what) as f32 * 11.0 / 1000.0;
    let title_width = width - what_width - 6.0 * MM;
    let title_top = y;
    y += row.para(
        ctx,
        (x, y),
        title_width,
        Style {
            size: 16.0,
            weight: Weight::Bold,
            grey: 0.0,
        },
        &quiz.title,
    );
    row.text(
        x + width - what_width,
        first_baseline(ctx, Weight::Bold, 16.0, title_top),
        11.0,
        Weight::Bold,
        0.3,
        what,
    );
    y += 3.0 * MM;
    if sheet == Sheet::Worksheet {
        let labels = [
            (ctx.words.get("pdf.name", &[]), 0.5),
            (ctx.words.get("pdf.class", &[]), 0.22),
            (ctx.words.get("pdf.date", &[]), 0.28),
        ];
        let baseline = first_baseline(ctx, Weight::Regular, BODY, y) + 2.0 * MM;
        let mut lx = x;
        for (label, share) in labels {
            let cell = width * share;
            let lw = ctx.fonts.face(Weight::Regular).width(&label) as f32 * BODY / 1000.0;
            row.text(lx, baseline, BODY, Weight::Regular, 0.0, label);
            let start = lx + lw + 2.0 * MM;
            let end = lx + cell - 5.0 * MM;
            if end > start {
                row.marks.push(Mark::Line {
                    x1: start,
                    x2: end,
                    dy: baseline + 1.0,
                    width: 0.5,
                });
            }
            lx += cell;
        }
        y = baseline + 4.0 * MM;
    }
    y = total_points(ctx, &mut row, quiz, sheet, (x + width, y));
    row.marks.push(Mark::Line {
        x1: x,
        x2: x + width,
        dy: y,
        width: 0.8,
    });
    row.height = y + 4.0 * MM;
    row
}

/// The sheet's points under its title, at the right: on a worksheet a line for the
/// student's total out of the quiz's (`Points ______ / 13`), on the key the quiz's total.
/// Returns where the header goes on below it.
fn total_points(
    ctx: &Context<'_>,
    row: &mut Row,
    quiz: &Quiz,
    sheet: Sheet,
    (right, top): (f32, f32),
) -> f32 {
    let total: u32 = quiz.questions.iter().map(|q| q.points).sum();
    if total == 0 {
        return top;
    }
    let total = total.to_string();
    let baseline = first_baseline(ctx, Weight::Bold, BODY, top);
    let regular = ctx.fonts.face(Weight::Regular);
    let bold = ctx.fonts.face(Weight::Bold);
    match sheet {
        Sheet::Worksheet => {
            let out_of = format!("/ {total}");
            let ow = bold.width(&out_of) as f32 * BODY / 1000.0;
            row.text(right - ow, baseline, BODY, Weight::Bold, 0.0, out_of);
            let line_end = right - ow - 1.5 * MM;
            let line_start = line_end - 2.0 * MARK_LINE;
            row.marks.push(Mark::Line {
                x1: line_start,
                x2: line_end,
                dy: baseline + 1.0,
                width: 0.5,
            });
            let label = ctx.words.get("pdf.points", &[]);
            let lw = regular.width(&label) as f32 * BODY / 1000.0;
            row.text(
                line_start - 2.0 * MM - lw,
                baseline,
                BODY,
                Weight::Regular,
                0.0,
                label,
            );
        }
        Sheet::AnswerKey => {
            let text = ctx.words.get("pdf.points-total", &[("total", &total)]);
            let tw = bold.width(&text) as f32 * BODY / 1000.0;
            row.text(right - tw, baseline, BODY, Weight::Bold, 0.0, text);
        }
    }
    baseline + 3.0 * MM
}

/// The number in the left column, on the baseline of a first line set at `line_size`.
fn number(ctx: &Context<'_>, row: &mut Row, question: &Question, size: f32, line_size: f32) {
    let label = format!("{}.", question.number);
    let w = ctx.fonts.face(Weight::Bold).width(&label) as f32 * size / 1000.0;
    let baseline = first_baseline(ctx, Weight::Regular, line_size, 0.0);
    row.text(
        MARGIN_X + NUMBER_WIDTH - 2.0 * MM - w,
        baseline,
        size,
        Weight::Bold,
        0.0,
        label,
    );
}

/// A question's points at the right end of the line of small text that starts `top` below
/// the row's top, `right` being the right margin: on a worksheet after a line for the mark
/// (`____ / 2`) on the how-to line, in grey on the key (`/ 2`) on the question's last line.
/// Beside the end of a paragraph, never inside one, so that text read out of the PDF (by
/// copying, a screen reader, pdftotext) keeps the question whole.
fn points(
    ctx: &Context<'_>,
    row: &mut Row,
    question: &Question,
    sheet: Sheet,
    (right, top): (f32, f32),
) {
    let text = format!("/ {}", question.points);
    let size = SMALL + 0.5;
    let tw = ctx.fonts.face(Weight::Regular).width(&text) as f32 * size / 1000.0;
    let baseline = first_baseline(ctx, Weight::Regular, SMALL, top);
    let grey = match sheet {
        Sheet::Worksheet => 0.0,
        Sheet::AnswerKey => 0.45,
    };
    row.text(right - tw, baseline, size, Weight::Regular, grey, text);
    if sheet == Sheet::Worksheet {
        row.marks.push(Mark::Line {
            x1: right - tw - 1.0 * MM - MARK_LINE,
            x2: right - tw - 1.0 * MM,
            dy: baseline + 1.0,
            width: 0.5,
        });
    }
}

/// The question text, with its number and points; and the how-to line under it.
fn prompt_row(ctx: &Context<'_>, question: &Question, text: &str, how: &str, width: f32) -> Row {
    let mut row = Row::default();
    number(ctx, &mut row, question, BODY, BODY);
    let x = MARGIN_X + NUMBER_WIDTH;
    let w = width - NUMBER_WIDTH - POINTS_WIDTH;
    let y = row.para(ctx, (x, 0.0), w, PLAIN, text);
    row.height = how_to(ctx, &mut row, (x, y), w, how) + 1.5 * MM;
    points(
        ctx,
        &mut row,
        question,
        Sheet::Worksheet,
        (MARGIN_X + width, y + 0.5 * MM),
    );
    row
}

/// The how-to line (`Tick one box.`) under a question's text that ends `top` below the
/// row's top, the same for every kind; returns where it ends.
fn how_to(ctx: &Context<'_>, row: &mut Row, (x, top): (f32, f32), width: f32, how: &str) -> f32 {
    let y = top + 0.5 * MM;
    y + row.para(ctx, (x, y), width, HOW, how)
}

fn letter(i: usize) -> String {
    match u8::try_from(i) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// A worksheet question: the prompt and room to answer, one function per kind.
fn worksheet_question(ctx: &Context<'_>, question: &Question, width: f32) -> Vec<Row> {
    match &question.body {
        Body::MultipleChoice(choice) | Body::Who(choice) => {
            worksheet_choice(ctx, question, choice, width)
        }
        Body::TrueFalse { statement, .. } => worksheet_true_false(ctx, question, statement, width),
        Body::Cloze(cloze) => vec![worksheet_cloze(ctx, question, cloze, width)],
        Body::Matching(m) => worksheet_matching(ctx, question, m, width),
        Body::Timeline(t) => worksheet_timeline(ctx, question, t, width),
        Body::Flashcard { front, .. } => worksheet_recall(ctx, question, front, width),
    }
}

/// Multiple choice and who-questions: the prompt, then the options with tick boxes.
fn worksheet_choice(
    ctx: &Context<'_>,
    question: &Question,
    choice: &Choice,
    width: f32,
) -> Vec<Row> {
    let how = ctx.words.get("pdf.how.choice", &[]);
    let mut rows = vec![prompt_row(ctx, question, &choice.prompt, &how, width)];
    rows.extend(options(
        ctx,
        choice,
        MARGIN_X + NUMBER_WIDTH,
        width - NUMBER_WIDTH,
    ));
    rows
}

/// True or false: the statement, then a tick box for each.
fn worksheet_true_false(
    ctx: &Context<'_>,
    question: &Question,
    statement: &str,
    width: f32,
) -> Vec<Row> {
    let how = ctx.words.get("pdf.how.true-false", &[]);
    let mut rows = vec![prompt_row(ctx, question, statement, &how, width)];
    let mut row = Row::default();
    let mut bx = MARGIN_X + NUMBER_WIDTH;
    for word in [
        ctx.words.get("pdf.true", &[]),
        ctx.words.get("pdf.false", &[]),
    ] {
        row.marks.push(Mark::Box {
            x: bx,
            dy: 0.5 * MM,
            width: TICK_BOX,
            height: TICK_BOX,
        });
        let baseline = 0.5 * MM + TICK_BOX - 1.0;
        row.text(
            bx + TICK_BOX + 2.0 * MM,
            baseline,
            BODY,
            Weight::Regular,
            0.0,
            word.clone(),
        );
        bx += TICK_BOX
            + 2.0 * MM
            + ctx.fonts.face(Weight::Regular).width(&word) as f32 * BODY / 1000.0
            + 12.0 * MM;
    }
    row.height = TICK_BOX + 1.5 * MM;
    rows.push(row);
    rows
}

/// A cloze: the sentence with blanks of one length to write in, then the how-to line as
/// close under the text as every other kind's.
fn worksheet_cloze(ctx: &Context<'_>, question: &Question, cloze: &ClozeBody, width: f32) -> Row {
    let x = MARGIN_X + NUMBER_WIDTH;
    let w = width - NUMBER_WIDTH - POINTS_WIDTH;
    let mut row = Row::default();
    number(ctx, &mut row, question, BODY, BODY);
    let blank = (BLANK.min(w * 0.6) * 1000.0 / BODY) as u32;
    let measured = Measured::with_blanks(ctx.fonts, Weight::Regular, &cloze.text, Some(blank));
    let numbered = cloze.blanks.len() > 1;
    // Lines with blanks are spaced wider, to leave room to write; the last line ends where
    // a line of text would, so the how-to line sits as it does under other questions.
    let lead = BODY * 1.9;
    let mut y = 0.0;
    let lines = measured
        .wrap(ctx.fonts, w * 1000.0 / BODY, true)
        .unwrap_or_default();
    let count = lines.len();
    for (n, line) in lines.into_iter().enumerate() {
        let baseline = first_baseline(ctx, Weight::Regular, BODY, y);
        cloze_line(ctx, &mut row, (x, baseline), w, blank, numbered, line);
        y += if n + 1 == count { BODY * LEADING } else { lead };
    }
    let how = ctx.words.get(
        if numbered {
            "pdf.how.cloze-many"
        } else {
            "pdf.how.cloze"
        },
        &[],
    );
    // A blank's line sits 1.5 pt under the baseline: keep the hint clear of it.
    let y = y + 1.0 * MM;
    row.height = how_to(ctx, &mut row, (x, y), w, &how) + 1.5 * MM;
    points(
        ctx,
        &mut row,
        question,
        Sheet::Worksheet,
        (MARGIN_X + width, y + 0.5 * MM),
    );
    row
}

/// One line of a cloze: its text and blanks drawn piece by piece (the line's text has no
/// blanks), each blank numbered when the sentence has several.
fn cloze_line(
    ctx: &Context<'_>,
    row: &mut Row,
    (x, baseline): (f32, f32),
    w: f32,
    blank: u32,
    numbered: bool,
    line: super::text::Line,
) {
    let mut text = String::new();
    let mut pieces: Vec<(u32, usize)> = line.blanks.iter().map(|&(i, at)| (at, i)).collect();
    pieces.sort_unstable();
    let mut chars = line.text.chars().peekable();
    let mut at = 0u32;
    let mut pen = Pen::new(ctx.fonts, Weight::Regular, Marks::PLAIN);
    let mut start = 0u32;
    for (blank_at, index) in pieces {
        // A piece after a blank inside a teacher's italics starts in them.
        if pen.style != Marks::PLAIN {
            text.push(pen.style.marker());
        }
        while at < blank_at {
            let Some(c) = chars.next() else { break };
            text.push(c);
            at += pen.advance(c);
        }
        row.text(
            x + start as f32 * BODY / 1000.0,
            baseline,
            BODY,
            Weight::Regular,
            0.0,
            std::mem::take(&mut text),
        );
        let bx = x + blank_at as f32 * BODY / 1000.0;
        let bw = (blank as f32 * BODY / 1000.0).min(x + w - bx);
        row.marks.push(Mark::Line {
            x1: bx,
            x2: bx + bw,
            dy: baseline + 1.5,
            width: 0.6,
        });
        if numbered {
            row.text(
                bx + 0.5,
                baseline + 1.5 + SMALL * 0.9,
                SMALL * 0.8,
                Weight::Regular,
                0.45,
                format!("({})", index + 1),
            );
        }
        at = blank_at + blank;
        start = at;
    }
    let rest: String = chars.collect();
    if !rest.is_empty() {
        if pen.style != Marks::PLAIN {
            text.push(pen.style.marker());
        }
        text.push_str(&rest);
        let rest = text;
        row.text(
            x + start as f32 * BODY / 1000.0,
            baseline,
            BODY,
            Weight::Regular,
            0.0,
            rest,
        );
    }
}

/// Matching: numbered items on the left with a box each for a letter, lettered on the right.
fn worksheet_matching(
    ctx: &Context<'_>,
    question: &Question,
    m: &Matching,
    width: f32,
) -> Vec<Row> {
    let x = MARGIN_X + NUMBER_WIDTH;
    let w = width - NUMBER_WIDTH;
    let how = ctx.words.get("pdf.how.matching", &[]);
    let mut rows = vec![prompt_row(ctx, question, &m.prompt, &how, width)];
    let left_x = x + WRITE_BOX + 2.0 * MM;
    let left_w = (w - WRITE_BOX - 2.0 * MM) * 0.36;
    let right_x = left_x + left_w + 5.0 * MM;
    let right_w = x + w - right_x;
    for i in 0..m.left.len().max(m.right.len()) {
        let mut row = Row::default();
        let mut h: f32 = 0.0;
        if let Some(item) = m.left.get(i) {
            row.marks.push(Mark::Box {
                x,
                dy: 0.0,
                width: WRITE_BOX,
                height: WRITE_BOX * 0.8,
            });
            h = h.max(row.labelled(ctx, left_x, left_w, format!("{}.", i + 1), item));
            h = h.max(WRITE_BOX * 0.8);
        }
        if let Some(item) = m.right.get(i) {
            let label = format!("{}.", letter(i));
            h = h.max(row.labelled(ctx, right_x, right_w, label, item));
        }
        row.height = h + 2.0 * MM;
        rows.push(row);
    }
    rows
}

/// A timeline: the events with a box each for their place in time.
fn worksheet_timeline(
    ctx: &Context<'_>,
    question: &Question,
    t: &Timeline,
    width: f32,
) -> Vec<Row> {
    let x = MARGIN_X + NUMBER_WIDTH;
    let w = width - NUMBER_WIDTH;
    let how = ctx.words.get("pdf.how.timeline", &[]);
    let mut rows = vec![prompt_row(ctx, question, &t.prompt, &how, width)];
    for item in &t.items {
        let mut row = Row::default();
        row.marks.push(Mark::Box {
            x,
            dy: 0.0,
            width: WRITE_BOX,
            height: WRITE_BOX * 0.8,
        });
        let h = row.para(
            ctx,
            (x + WRITE_BOX + 3.0 * MM, 0.5),
            w - WRITE_BOX - 3.0 * MM,
            PLAIN,
            item,
        );
        row.height = h.max(WRITE_BOX * 0.8) + 2.0 * MM;
        rows.push(row);
    }
    rows
}

/// Recall: the card's front and two lines to write the answer on.
fn worksheet_recall(ctx: &Context<'_>, question: &Question, front: &str, width: f32) -> Vec<Row> {
    let x = MARGIN_X + NUMBER_WIDTH;
    let w = width - NUMBER_WIDTH;
    let phrases = Phrasebook::new(
        PHRASES,
        ctx.course.language_of(ctx.deck),
        &ctx.course.strings,
    );
    let how = recall_hint(&phrases, ctx.course, question).unwrap_or_default();
    let mut rows = vec![prompt_row(ctx, question, front, &how, width)];
    let mut row = Row::default();
    for i in 1..=2 {
        row.marks.push(Mark::Line {
            x1: x,
            x2: x + w,
            dy: i as f32 * 8.0 * MM,
            width: 0.4,
        });
    }
    row.height = 17.0 * MM;
    rows.push(row);
    rows
}

/// Options with a tick box and a letter each: two columns when every option is short.
fn options(ctx: &Context<'_>, choice: &Choice, x: f32, w: f32) -> Vec<Row> {
    let indent = TICK_BOX + 7.0 * MM;
    let column = (w - 6.0 * MM) / 2.0;
    let short = choice.options.iter().all(|o| {
        styled::width(ctx.fonts, Weight::Regular, o) as f32 * BODY / 1000.0 <= column - indent
    });
    let per_row = if short { 2 } else { 1 };
    let cell = if short { column + 6.0 * MM } else { w };
    let mut rows = Vec::new();
    for (r, chunk) in choice.options.chunks(per_row).enumerate() {
        let mut row = Row::default();
        let mut h: f32 = 0.0;
        for (c, option) in chunk.iter().enumerate() {
            let i = r * per_row + c;
            let ox = x + c as f32 * cell;
            let baseline = first_baseline(ctx, Weight::Regular, BODY, 0.0);
            row.marks.push(Mark::Box {
                x: ox,
                dy: baseline - TICK_BOX + 1.0,
                width: TICK_BOX,
                height: TICK_BOX,
            });
            row.text(
                ox + TICK_BOX + 2.0 * MM,
                baseline,
                BODY,
                Weight::Bold,
                0.0,
                letter(i),
            );
            let tw = if short { column - indent } else { w - indent };
            h = h.max(row.para(ctx, (ox + indent, 0.0), tw, PLAIN, option));
        }
        row.height = h + 1.2 * MM;
        rows.push(row);
    }
    rows
}

/// The answer grid at the head of the key: every question's number, its answer in a word
/// or a letter, and its points, in two columns read down, for marking a class set quickly.
fn grid(ctx: &Context<'_>, quiz: &Quiz, width: f32) -> Vec<Row> {
    let mut title = Row::default();
    let h = title.para(
        ctx,
        (MARGIN_X, 0.0),
        width,
        Style {
            size: 12.0,
            weight: Weight::Bold,
            grey: 0.0,
        },
        &ctx.words.get("pdf.grid", &[]),
    );
    title.height = h + 2.0 * MM;
    let mut rows = vec![title];
    let gap = 8.0 * MM;
    let column = (width - gap) / 2.0;
    let half = quiz.questions.len().div_ceil(2);
    for i in 0..half {
        let mut row = Row::default();
        let mut h: f32 = 0.0;
        for (c, question) in [quiz.questions.get(i), quiz.questions.get(i + half)]
            .into_iter()
            .enumerate()
        {
            let Some(question) = question else { continue };
            let x = MARGIN_X + c as f32 * (column + gap);
            h = h.max(grid_cell(ctx, &mut row, question, x, column));
        }
        row.height = h + 1.5 * MM;
        row.marks.push(Mark::Line {
            x1: MARGIN_X,
            x2: MARGIN_X + width,
            dy: row.height - 0.6 * MM,
            width: 0.3,
        });
        rows.push(row);
    }
    let mut then = Row::default();
    let h = then.para(
        ctx,
        (MARGIN_X, 1.5 * MM),
        width,
        HOW,
        &ctx.words.get("pdf.grid-then", &[]),
    );
    then.height = h + 1.5 * MM;
    rows.push(then);
    rows
}

/// One question in the grid: its number, short answer and points; returns the height.
fn grid_cell(ctx: &Context<'_>, row: &mut Row, question: &Question, x: f32, column: f32) -> f32 {
    let label = format!("{}.", question.number);
    let lw = ctx.fonts.face(Weight::Bold).width(&label) as f32 * BODY / 1000.0;
    let baseline = first_baseline(ctx, Weight::Regular, BODY, 0.5);
    row.text(
        x + NUMBER_WIDTH - 2.0 * MM - lw,
        baseline,
        BODY,
        Weight::Bold,
        0.0,
        label,
    );
    let pts = format!("/ {}", question.points);
    let pw = ctx.fonts.face(Weight::Regular).width(&pts) as f32 * SMALL / 1000.0;
    row.text(x + column - pw, baseline, SMALL, Weight::Regular, 0.45, pts);
    row.para(
        ctx,
        (x + NUMBER_WIDTH, 0.5),
        column - NUMBER_WIDTH - pw - 3.0 * MM,
        PLAIN,
        &short_answer(ctx, question),
    )
}

/// A question's answer as the grid gives it: a letter, a word, the blanks' words, the
/// matches, the order.
fn short_answer(ctx: &Context<'_>, question: &Question) -> String {
    match &question.body {
        Body::MultipleChoice(c) | Body::Who(c) => letter(c.answer),
        Body::TrueFalse { answer, .. } => ctx
            .words
            .get(if *answer { "pdf.true" } else { "pdf.false" }, &[]),
        Body::Cloze(c) if c.blanks.len() > 1 => c
            .blanks
            .iter()
            .enumerate()
            .map(|(i, b)| format!("({}) {}", i + 1, b.answer))
            .collect::<Vec<_>>()
            .join("; "),
        Body::Cloze(c) => c
            .blanks
            .first()
            .map(|b| b.answer.clone())
            .unwrap_or_default(),
        Body::Matching(m) => m
            .pairs
            .iter()
            .map(|&(l, r)| format!("{}\u{a0}→\u{a0}{}", l + 1, letter(r)))
            .collect::<Vec<_>>()
            .join(", "),
        Body::Timeline(t) => timeline_ranks(t).join(", "),
        Body::Flashcard { back, .. } => back.clone(),
    }
}

/// The number each box of a timeline gets, in the order the items are shown.
fn timeline_ranks(t: &Timeline) -> Vec<String> {
    let mut rank = vec![0; t.items.len()];
    for (pos, &item) in t.order.iter().enumerate() {
        if let Some(r) = rank.get_mut(item) {
            *r = pos + 1;
        }
    }
    rank.iter().map(|r| r.to_string()).collect()
}

/// An answer-key entry being written: its row and how far down it has got.
struct KeyEntry<'c, 'a> {
    ctx: &'c Context<'a>,
    row: Row,
    y: f32,
    x: f32,
    w: f32,
}

/// The answer's own size in the key.
const KEY_ANSWER: f32 = 10.0;

impl KeyEntry<'_, '_> {
    /// Adds a paragraph (nothing for empty text).
    fn para(&mut self, text: &str, weight: Weight, size: f32, grey: f32) {
        if !text.is_empty() {
            self.y += self.row.para(
                self.ctx,
                (self.x, self.y),
                self.w,
                Style { size, weight, grey },
                text,
            );
        }
    }

    /// Adds the answer itself, in bold.
    fn answer(&mut self, text: &str) {
        self.para(text, Weight::Bold, KEY_ANSWER, 0.0);
    }

    /// Adds a bold label with text wrapped beside it.
    fn hanging(&mut self, label: &str, text: &str) {
        const SIZE: f32 = 9.0;
        let ctx = self.ctx;
        let label_width =
            ctx.fonts.face(Weight::Bold).width(label) as f32 * SIZE / 1000.0 + 1.5 * MM;
        self.row.text(
            self.x,
            first_baseline(ctx, Weight::Regular, SIZE, self.y),
            SIZE,
            Weight::Bold,
            0.0,
            label,
        );
        self.y += self.row.para(
            ctx,
            (self.x + label_width, self.y),
            self.w - label_width,
            Style {
                size: SIZE,
                weight: Weight::Regular,
                grey: 0.0,
            },
            text,
        );
    }
}

/// An answer-key entry: the question in grey, the answer (one function per kind), the
/// explanation, the teacher's note, the sources.
fn key_question(ctx: &Context<'_>, question: &Question, width: f32) -> Vec<Row> {
    let mut key = KeyEntry {
        ctx,
        row: Row::default(),
        y: 0.0,
        x: MARGIN_X + NUMBER_WIDTH,
        w: width - NUMBER_WIDTH - POINTS_WIDTH,
    };
    number(ctx, &mut key.row, question, KEY_ANSWER, SMALL);
    let asked = match &question.body {
        Body::MultipleChoice(c) | Body::Who(c) => &c.prompt,
        Body::TrueFalse { statement, .. } => statement,
        Body::Cloze(c) => &c.text,
        Body::Matching(m) => &m.prompt,
        Body::Timeline(t) => &t.prompt,
        Body::Flashcard { front, .. } => front,
    };
    key.para(asked, Weight::Regular, SMALL, 0.45);
    let last_line = (key.y - SMALL * LEADING).max(0.0);
    points(
        ctx,
        &mut key.row,
        question,
        Sheet::AnswerKey,
        (MARGIN_X + width, last_line),
    );
    key.y += 0.5 * MM;
    key.w = width - NUMBER_WIDTH;
    match &question.body {
        Body::MultipleChoice(c) | Body::Who(c) => key_choice(&mut key, c),
        Body::TrueFalse { answer, .. } => key_true_false(&mut key, *answer),
        Body::Cloze(c) => key_cloze(&mut key, c),
        Body::Matching(m) => key_matching(&mut key, m),
        Body::Timeline(t) => key_timeline(&mut key, t),
        Body::Flashcard { back, .. } => key.answer(back),
    }
    key_why(&mut key, question);
    key.row.height = key.y;
    vec![key.row]
}

/// The right option, with its letter.
fn key_choice(key: &mut KeyEntry<'_, '_>, c: &Choice) {
    let answer = c.options.get(c.answer).map(String::as_str).unwrap_or("");
    key.answer(&format!("{}. {answer}", letter(c.answer)));
}

/// True or False.
fn key_true_false(key: &mut KeyEntry<'_, '_>, answer: bool) {
    let word = if answer { "pdf.true" } else { "pdf.false" };
    let word = key.ctx.words.get(word, &[]);
    key.answer(&word);
}

/// Each blank's answer, numbered when there are several, with what else is accepted.
fn key_cloze(key: &mut KeyEntry<'_, '_>, c: &ClozeBody) {
    let numbered = c.blanks.len() > 1;
    for (i, blank) in c.blanks.iter().enumerate() {
        let text = if numbered {
            format!("({}) {}", i + 1, blank.answer)
        } else {
            blank.answer.clone()
        };
        key.answer(&text);
        let others: Vec<&str> = blank
            .accept
            .iter()
            .map(String::as_str)
            .filter(|a| *a != blank.answer)
            .collect();
        if !others.is_empty() {
            let text = key
                .ctx
                .words
                .get("pdf.also", &[("values", &others.join(", "))]);
            key.para(&text, Weight::Regular, SMALL, 0.3);
        }
    }
}

/// Each pair: number → letter, with both sides.
fn key_matching(key: &mut KeyEntry<'_, '_>, m: &Matching) {
    for &(l, r) in &m.pairs {
        let label = format!("{} → {}", l + 1, letter(r));
        let text = format!(
            "{} — {}",
            m.left.get(l).map(String::as_str).unwrap_or(""),
            m.right.get(r).map(String::as_str).unwrap_or("")
        );
        key.hanging(&label, &text);
    }
}

/// The numbers of the boxes, then the events in order with their dates.
fn key_timeline(key: &mut KeyEntry<'_, '_>, t: &Timeline) {
    let order = timeline_ranks(t).join(", ");
    let text = key.ctx.words.get("pdf.order", &[("order", &order)]);
    key.answer(&text);
    for (pos, &item) in t.order.iter().enumerate() {
        let date = t.dates.get(item).map(String::as_str).unwrap_or("");
        let what = t.items.get(item).map(String::as_str).unwrap_or("");
        key.hanging(&format!("{}.", pos + 1), &format!("{date} — {what}"));
    }
}

/// The explanation, the teacher's note and the sources under the answer.
fn key_why(key: &mut KeyEntry<'_, '_>, question: &Question) {
    let ctx = key.ctx;
    if !question.explanation.is_empty() {
        key.y += 0.5 * MM;
        key.para(&question.explanation, Weight::Regular, 9.0, 0.15);
    }
    if let Some(note) = &question.note {
        let text = ctx.words.get("pdf.note", &[("note", note)]);
        key.para(&text, Weight::Regular, 8.0, 0.3);
    }
    if !question.sources.is_empty() {
        let phrases = Phrasebook::new(
            PHRASES,
            ctx.course.language_of(ctx.deck),
            &ctx.course.strings,
        );
        let cited: Vec<String> = question.sources.iter().map(|s| s.label(&phrases)).collect();
        let text = if cited.len() == 1 {
            ctx.words
                .get("pdf.source", &[("source", &cited.join("; "))])
        } else {
            ctx.words
                .get("pdf.sources", &[("sources", &cited.join("; "))])
        };
        key.para(&text, Weight::Regular, 8.0, 0.45);
    }
}
