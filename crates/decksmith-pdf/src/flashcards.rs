//! `flashcards.pdf`: the cards drawn into the page plan, fronts and backs, and the
//! calibration sheet.

use std::sync::Arc;

use decksmith_model::Diagnostic;
use decksmith_quiz::{Card, LineRole, Side};
use rayon::prelude::*;

use super::Context;
use super::emit::{Graphic, Page};
use super::fonts::Weight;
use super::plan::{self, CardSide, MM, PageKind, PagePlan, PrintSetup, Rect, Segment, SegmentKind};
use super::text::{self, LEADING, MIN_SIZE, Measured, Para};

/// Space between a card's edge and its text.
const PADDING: f32 = 4.0 * MM;
/// The footer's font size.
const FOOTER_SIZE: f32 = 6.5;
/// A side's main text is set in bold only when no card of the deck has more than this on that
/// side: a whole sentence in bold is hard to read, and one weight per side keeps a printed
/// sheet even.
const BOLD_UP_TO: usize = 60;
/// A card whose text fits only below this share of the sheet's typical size shrinks on its
/// own rather than taking the others down with it.
const OUTLIER: f32 = 0.6;

/// The weight of the main text of each side, the same on every card of the deck.
#[derive(Clone, Copy, Debug)]
pub struct SideWeights {
    /// The fronts'.
    pub front: Weight,
    /// The backs'.
    pub back: Weight,
}

impl SideWeights {
    /// Bold for a side whose main text is short on every card, else regular.
    pub fn of(cards: &[Card]) -> SideWeights {
        let weight = |side: fn(&Card) -> &Side| {
            if cards
                .iter()
                .all(|c| side(c).text.chars().count() <= BOLD_UP_TO)
            {
                Weight::Bold
            } else {
                Weight::Regular
            }
        };
        SideWeights {
            front: weight(|c| &c.front),
            back: weight(|c| &c.back),
        }
    }

    fn of_side(self, side: CardSide) -> Weight {
        match side {
            CardSide::Front => self.front,
            CardSide::Back => self.back,
        }
    }
}

/// The pages of `flashcards.pdf`; warnings for cards whose text does not fit.
///
/// Pages are drawn in parallel; the pages and the warnings come out in page order all the
/// same.
pub fn pages(
    ctx: &Context<'_>,
    setup: &PrintSetup,
    cards: &[Card],
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let plan = plan::flashcards(setup, cards.len());
    let max_size = (plan.grid.cell.height / 9.0).clamp(12.0, 26.0);
    let weights = SideWeights::of(cards);
    // Every front page has the same cut lines: drawn once, shared by all of them.
    let cut_lines = plan
        .pages
        .iter()
        .find(|p| !p.lines.is_empty())
        .map(|p| (p.lines.clone(), Arc::new(cut_graphics(&p.lines))));
    let drawn: Vec<(Page, Vec<Diagnostic>)> = plan
        .pages
        .par_iter()
        .map(|page_plan| {
            let mut page = Page::new(page_plan.size.width, page_plan.size.height);
            let mut warnings = Vec::new();
            match page_plan.kind {
                PageKind::CalibrationFront => calibration_front(ctx, setup, &mut page),
                PageKind::CalibrationBack => calibration_back(ctx, page_plan, &mut page),
                PageKind::Cards { side, .. } => {
                    match &cut_lines {
                        Some((lines, shared)) if *lines == page_plan.lines => {
                            page.background = Some(Arc::clone(shared));
                        }
                        _ => page.graphics.extend(cut_graphics(&page_plan.lines)),
                    }
                    let mut footers = Footers::default();
                    let placed: Vec<(&Card, Rect)> = page_plan
                        .slots
                        .iter()
                        .filter_map(|slot| Some((cards.get(slot.card)?, slot.rect)))
                        .collect();
                    let weight = weights.of_side(side);
                    for ((card, cell), fitted) in placed
                        .iter()
                        .zip(fit_sheet(ctx, &placed, side, weight, max_size))
                    {
                        if !fitted.fits {
                            warnings.push(too_long(ctx, setup, card, side));
                        }
                        draw_text(&mut page, fitted, text_box(*cell));
                        draw_footer(ctx, card, *cell, &mut footers);
                    }
                    // The footers after all the cards' text, numbers then labels: they share
                    // one size and two greys, set once a page rather than once a card.
                    page.graphics.append(&mut footers.numbers.graphics);
                    page.graphics.append(&mut footers.labels.graphics);
                }
            }
            (page, warnings)
        })
        .collect();
    let mut pages = Vec::with_capacity(drawn.len());
    for (page, page_warnings) in drawn {
        pages.push(page);
        warnings.extend(page_warnings);
    }
    if pages.is_empty() {
        let size = plan.grid.page;
        let mut page = Page::new(size.width, size.height);
        let text = ctx.words.get("pdf.no-cards", &[]);
        page.text(
            GRID_TEXT_X,
            size.height - 30.0 * MM,
            12.0,
            Weight::Regular,
            0.0,
            text,
        );
        pages.push(page);
    }
    pages
}

/// The cut lines and crop marks of a card sheet, to draw.
fn cut_graphics(lines: &[Segment]) -> Vec<Graphic> {
    lines
        .iter()
        .map(|segment| {
            let (width, grey) = match segment.kind {
                SegmentKind::Cut => (0.3, 0.65),
                SegmentKind::Crop => (0.4, 0.0),
            };
            Graphic::Line {
                from: segment.from,
                to: segment.to,
                width,
                grey,
                dash: None,
            }
        })
        .collect()
}

const GRID_TEXT_X: f32 = 20.0 * MM;

fn too_long(ctx: &Context<'_>, setup: &PrintSetup, card: &Card, side: CardSide) -> Diagnostic {
    let side = match side {
        CardSide::Front => "front",
        CardSide::Back => "back",
    };
    Diagnostic::warning(
        card.origin.clone(),
        format!(
            "the {side} of card {} in deck `{}` does not fit on a card of the `{}` layout even at \
             {MIN_SIZE} pt; flashcards.pdf shows it cut short",
            card.number,
            ctx.deck.id,
            layout_name(setup.layout),
        ),
    )
    .with_help(
        "shorten the text, or choose a layout with larger cards (`print: layout:` or `--layout`)",
    )
}

fn layout_name(layout: decksmith_model::CardLayout) -> &'static str {
    use decksmith_model::CardLayout as L;
    match layout {
        L::Grid2x4 => "2x4",
        L::Grid2x5 => "2x5",
        L::Grid3x3 => "3x3",
        L::Index3x5 => "index-3x5",
        L::A6 => "a6",
        L::A7 => "a7",
    }
}

/// The text of one side of a sheet's cards, fitted: one size for all of them, the largest at
/// which they all fit (up to `max_size`), except a card that would need much smaller text
/// than the rest, which shrinks on its own.
fn fit_sheet(
    ctx: &Context<'_>,
    placed: &[(&Card, Rect)],
    side: CardSide,
    weight: Weight,
    max_size: f32,
) -> Vec<text::Fitted> {
    let paras: Vec<(Vec<Para>, Rect)> = placed
        .iter()
        .map(|&(card, cell)| {
            let content = match side {
                CardSide::Front => &card.front,
                CardSide::Back => &card.back,
            };
            (side_paras(ctx, content, weight), text_box(cell))
        })
        .collect();
    // Each card's own size first, found without laying lines out; then each card laid out
    // once, at the sheet's size or its own smaller one.
    let sizes: Vec<f32> = paras
        .iter()
        .map(|(p, area)| text::fit_size(ctx.fonts, p, area.width, area.height, max_size))
        .collect();
    let size = sheet_size(&sizes);
    paras
        .iter()
        .zip(&sizes)
        .map(|((p, area), &own)| text::fit(ctx.fonts, p, area.width, area.height, own.min(size)))
        .collect()
}

/// The one size of a side of a sheet, from the size at which each card fits on its own: the
/// smallest of them, leaving out the cards that need much less than the sheet's median.
pub fn sheet_size(sizes: &[f32]) -> f32 {
    let mut sorted = sizes.to_vec();
    sorted.sort_by(f32::total_cmp);
    let Some(&median) = sorted.get(sorted.len() / 2) else {
        return MIN_SIZE;
    };
    sorted
        .into_iter()
        .find(|&s| s >= median * OUTLIER)
        .unwrap_or(median)
}

/// Draws fitted text centred in `area`.
fn draw_text(page: &mut Page, fitted: text::Fitted, area: Rect) {
    let top = area.y + area.height - (area.height - fitted.height).max(0.0) / 2.0;
    for line in fitted.lines {
        let x = area.x + (area.width - line.width) / 2.0;
        page.text(
            x,
            top - line.baseline,
            line.size,
            line.weight,
            line.grey,
            line.text,
        );
    }
}

/// The paragraphs of a card side: the main text in the side's `weight`, then its further
/// lines, smaller.
pub fn side_paras(ctx: &Context<'_>, side: &Side, weight: Weight) -> Vec<Para> {
    let mut paras = vec![Para {
        text: Measured::new(ctx.fonts, weight, &side.text),
        scale: 1.0,
        grey: 0.0,
        gap_before: 0.0,
    }];
    for (i, line) in side.lines.iter().enumerate() {
        let grey = match line.role {
            LineRole::Detail | LineRole::Also => 0.1,
            LineRole::Translation => 0.25,
            LineRole::Note => 0.4,
        };
        paras.push(Para {
            text: Measured::new(ctx.fonts, Weight::Regular, &line.text),
            scale: 0.72,
            grey,
            gap_before: if i == 0 { 0.5 } else { 0.25 },
        });
    }
    paras
}

/// The box a card's text is fitted into: the cell less its padding and footer.
pub fn text_box(cell: Rect) -> Rect {
    let footer = FOOTER_SIZE * LEADING + 1.5 * MM;
    Rect {
        x: cell.x + PADDING,
        y: cell.y + PADDING + footer,
        width: cell.width - 2.0 * PADDING,
        height: cell.height - 2.0 * PADDING - footer,
    }
}

/// The footers of a page's cards, drawn after their text.
#[derive(Default)]
struct Footers {
    /// The cards' numbers, in bold.
    numbers: Page,
    /// The deck titles and sources.
    labels: Page,
}

/// A card's footer: its number, the deck's short name and its source's short name (the
/// first, and how many more), each whole when they fit together, else shortened only as far
/// as they must be.
fn draw_footer(ctx: &Context<'_>, card: &Card, cell: Rect, footers: &mut Footers) {
    let baseline = cell.y + PADDING;
    let inner = cell.width - 2.0 * PADDING;
    let width = |weight: Weight, text: &str| {
        ctx.fonts.face(weight).width(text) as f32 * FOOTER_SIZE / 1000.0
    };
    let number = card.number.to_string();
    let number_width = width(Weight::Bold, &number);
    let source = match card.sources.as_slice() {
        [] => String::new(),
        [one] => one.short.clone(),
        [first, rest @ ..] => format!("{} +{}", first.short, rest.len()),
    };
    let gap = 2.0 * MM;
    let room = (inner - number_width - 2.0 * gap).max(0.0);
    let (deck_full, source_full) = (
        width(Weight::Regular, &ctx.deck.short),
        width(Weight::Regular, &source),
    );
    // Each gets what it needs if both fit; else the shorter keeps its width up to half the
    // room, and the other has the rest.
    let (deck_room, source_room) = if deck_full + source_full <= room {
        (deck_full, source_full)
    } else if deck_full <= room / 2.0 {
        (deck_full, room - deck_full)
    } else if source_full <= room / 2.0 {
        (room - source_full, source_full)
    } else {
        (room / 2.0, room / 2.0)
    };
    let (deck, _) = text::ellipsize(
        ctx.fonts,
        Weight::Regular,
        &ctx.deck.short,
        FOOTER_SIZE,
        deck_room + 0.01,
    );
    let (source, source_width) = text::ellipsize(
        ctx.fonts,
        Weight::Regular,
        &source,
        FOOTER_SIZE,
        source_room + 0.01,
    );
    footers.numbers.text(
        cell.x + PADDING,
        baseline,
        FOOTER_SIZE,
        Weight::Bold,
        0.35,
        number,
    );
    footers.labels.text(
        cell.x + PADDING + number_width + gap,
        baseline,
        FOOTER_SIZE,
        Weight::Regular,
        0.45,
        deck,
    );
    footers.labels.text(
        cell.x + cell.width - PADDING - source_width,
        baseline,
        FOOTER_SIZE,
        Weight::Regular,
        0.45,
        source,
    );
}

/// The calibration sheet's front: a vertical line through the lower half and a horizontal
/// line across the middle, to be seen through the paper from the back; the instructions
/// above.
fn calibration_front(ctx: &Context<'_>, setup: &PrintSetup, page: &mut Page) {
    let (w, h) = (page.width, page.height);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let margin = 6.0 * MM;
    page.line((cx, margin), (cx, cy + 6.0 * MM), 0.5, 0.0);
    page.line((margin, cy), (w - margin, cy), 0.5, 0.0);

    let title = ctx.words.get("pdf.calibration.title", &[]);
    let (x, y) = setup.back_offset_mm;
    let body = ctx.words.get(
        "pdf.calibration.front",
        &[("x", &format_mm(x)), ("y", &format_mm(y))],
    );
    let paras = [
        Para {
            text: Measured::new(ctx.fonts, Weight::Bold, &title),
            scale: 1.0,
            grey: 0.0,
            gap_before: 0.0,
        },
        Para {
            text: Measured::new(ctx.fonts, Weight::Regular, &body),
            scale: 0.8,
            grey: 0.0,
            gap_before: 0.6,
        },
    ];
    let area = Rect {
        x: margin,
        y: cy + 10.0 * MM,
        width: w - 2.0 * margin,
        height: h / 2.0 - 10.0 * MM - margin,
    };
    let fitted = text::fit(ctx.fonts, &paras, area.width, area.height, 14.0);
    let top = area.y + area.height;
    for line in &fitted.lines {
        page.text(
            area.x,
            top - line.baseline,
            line.size,
            line.weight,
            line.grey,
            line.text.clone(),
        );
    }
}

fn format_mm(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The calibration sheet's back: a horizontal scale (for x) under the centre and a vertical
/// scale (for y) beside it, both with 0 where the front's line falls when the back is in
/// register, shifted by the current back offset like every back page.
fn calibration_back(ctx: &Context<'_>, plan: &PagePlan, page: &mut Page) {
    let (w, h) = (page.width, page.height);
    let (dx, dy) = plan.offset;
    let (cx, cy) = (w / 2.0 + dx, h / 2.0 + dy);
    let away = (0.3 * w.min(h)).min(40.0 * MM);
    let size = 6.0;
    // x: a horizontal scale below the centre, read against the front's vertical line.
    let sy = cy - away;
    page.line((cx - 10.0 * MM, sy), (cx + 10.0 * MM, sy), 0.4, 0.0);
    for mm in -10i32..=10 {
        let x = cx + mm as f32 * MM;
        let len = tick(mm);
        page.line((x, sy), (x, sy + len), 0.3, 0.0);
        if mm % 5 == 0 {
            let label = mm.to_string();
            let lw = ctx.fonts.face(Weight::Regular).width(&label) as f32 * size / 1000.0;
            page.text(
                x - lw / 2.0,
                sy - size - 1.0,
                size,
                Weight::Regular,
                0.0,
                label,
            );
        }
    }
    page.text(cx + 11.5 * MM, sy - 2.0, 9.0, Weight::Bold, 0.0, "x");
    // y: a vertical scale right of the centre, read against the front's horizontal line.
    let sx = cx + away;
    page.line((sx, cy - 10.0 * MM), (sx, cy + 10.0 * MM), 0.4, 0.0);
    for mm in -10i32..=10 {
        let y = cy + mm as f32 * MM;
        page.line((sx, y), (sx - tick(mm), y), 0.3, 0.0);
        if mm % 5 == 0 {
            page.text(
                sx + 1.5,
                y - size * 0.35,
                size,
                Weight::Regular,
                0.0,
                mm.to_string(),
            );
        }
    }
    page.text(sx - 1.0, cy + 11.5 * MM, 9.0, Weight::Bold, 0.0, "y");
    let note = ctx.words.get("pdf.calibration.back", &[]);
    let size = MIN_SIZE.max(9.0_f32.min(w / 40.0));
    let lines = text::wrap_fixed(ctx.fonts, Weight::Regular, &note, size, w - 12.0 * MM);
    let mut y = h - 6.0 * MM - size + dy;
    for (line, _) in lines {
        page.text(6.0 * MM + dx, y, size, Weight::Regular, 0.0, line);
        y -= size * LEADING;
    }
}

/// The length of the tick at `mm` on a calibration scale.
fn tick(mm: i32) -> f32 {
    if mm == 0 {
        5.0 * MM
    } else if mm % 5 == 0 {
        3.5 * MM
    } else {
        2.0 * MM
    }
}
