//! The flashcard sheets as data: page sizes, the grid of cells, which card goes in which cell
//! on the front and on the back, cut lines. Drawing reads this plan; tests check it without
//! making a PDF.
//!
//! Coordinates are PDF points (1/72 in) from the bottom-left corner of the page. Rows are
//! counted from the top, columns from the left.
//!
//! Duplex: the sheet is printed front, then back. Turned over its long edge (the usual
//! setting), what is behind a point `x` of the front is at `width - x` on the back page, so
//! columns are mirrored; turned over its short edge, rows are mirrored instead. The grid is
//! centred on the page, so a mirrored cell lies exactly behind its front.

use decksmith_model::{CardLayout, Duplex, Paper};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// The margin around a grid of cards, wide enough for any printer's unprintable edge.
pub const GRID_MARGIN: f32 = 10.0 * MM;

/// A width and a height, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A rectangle, in points from the page's bottom-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// The same rectangle moved by `(dx, dy)`.
    pub fn shifted(self, (dx, dy): (f32, f32)) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// Its centre.
    pub fn centre(self) -> (f32, f32) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Whether the point is inside (edges included).
    pub fn contains(self, (x, y): (f32, f32)) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }
}

/// A sheet of paper, portrait.
pub fn paper_size(paper: Paper) -> Size {
    match paper {
        Paper::A4 => Size {
            width: 210.0 * MM,
            height: 297.0 * MM,
        },
        Paper::Letter => Size {
            width: 8.5 * 72.0,
            height: 11.0 * 72.0,
        },
    }
}

/// How flashcards are printed: the course's print settings with the command line's
/// overrides applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PrintSetup {
    /// Paper for grid layouts and worksheets.
    pub paper: Paper,
    /// Cards per page.
    pub layout: CardLayout,
    /// Which edge the printer turns the sheet on.
    pub duplex: Duplex,
    /// Back pages are shifted by this much, in millimetres (x right, y up).
    pub back_offset_mm: (f32, f32),
    /// Whether a calibration sheet comes first.
    pub calibration: bool,
}

/// Where the cells are on a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    /// The page.
    pub page: Size,
    /// Columns of cards.
    pub columns: usize,
    /// Rows of cards.
    pub rows: usize,
    /// The bottom-left corner of the grid.
    pub origin: (f32, f32),
    /// One card.
    pub cell: Size,
}

impl Grid {
    /// The grid of a layout: cards filling the paper inside [`GRID_MARGIN`], or for an
    /// index-card layout one card filling a page of the card's size (landscape).
    pub fn new(layout: CardLayout, paper: Paper) -> Grid {
        let card = |w_mm: f32, h_mm: f32| {
            let cell = Size {
                width: w_mm * MM,
                height: h_mm * MM,
            };
            Grid {
                page: cell,
                columns: 1,
                rows: 1,
                origin: (0.0, 0.0),
                cell,
            }
        };
        let (columns, rows) = match layout {
            CardLayout::Grid2x4 => (2, 4),
            CardLayout::Grid2x5 => (2, 5),
            CardLayout::Grid3x3 => (3, 3),
            CardLayout::Index3x5 => return card(127.0, 76.2),
            CardLayout::A6 => return card(148.0, 105.0),
            CardLayout::A7 => return card(105.0, 74.0),
        };
        let page = paper_size(paper);
        Grid {
            page,
            columns,
            rows,
            origin: (GRID_MARGIN, GRID_MARGIN),
            cell: Size {
                width: (page.width - 2.0 * GRID_MARGIN) / columns as f32,
                height: (page.height - 2.0 * GRID_MARGIN) / rows as f32,
            },
        }
    }

    /// Cards per page.
    pub fn per_page(&self) -> usize {
        self.columns * self.rows
    }

    /// Whether each card is a page of its own (an index-card layout).
    pub fn is_index(&self) -> bool {
        self.per_page() == 1
    }

    /// The cell in `row` (from the top) and `column` (from the left).
    pub fn cell(&self, row: usize, column: usize) -> Rect {
        Rect {
            x: self.origin.0 + column as f32 * self.cell.width,
            y: self.origin.1 + (self.rows - 1 - row) as f32 * self.cell.height,
            width: self.cell.width,
            height: self.cell.height,
        }
    }

    /// Where the back of the card in front cell (`row`, `column`) goes.
    pub fn back_of(&self, duplex: Duplex, row: usize, column: usize) -> (usize, usize) {
        match duplex {
            Duplex::LongEdge => (row, self.columns - 1 - column),
            Duplex::ShortEdge => (self.rows - 1 - row, column),
        }
    }

    /// The cut lines of a front page: every cell edge across the grid, each extended into
    /// the margin towards the paper's edge as a crop mark for a guillotine. None for
    /// index cards, which are the page.
    pub fn cut_lines(&self) -> Vec<Segment> {
        if self.is_index() {
            return Vec::new();
        }
        let (x0, y0) = self.origin;
        let x1 = x0 + self.columns as f32 * self.cell.width;
        let y1 = y0 + self.rows as f32 * self.cell.height;
        let mut lines = Vec::new();
        for c in 0..=self.columns {
            let x = x0 + c as f32 * self.cell.width;
            lines.push(Segment {
                from: (x, y0),
                to: (x, y1),
                kind: SegmentKind::Cut,
            });
            lines.push(Segment {
                from: (x, 0.0),
                to: (x, y0 - 2.0 * MM),
                kind: SegmentKind::Crop,
            });
            lines.push(Segment {
                from: (x, y1 + 2.0 * MM),
                to: (x, self.page.height),
                kind: SegmentKind::Crop,
            });
        }
        for r in 0..=self.rows {
            let y = y0 + r as f32 * self.cell.height;
            lines.push(Segment {
                from: (x0, y),
                to: (x1, y),
                kind: SegmentKind::Cut,
            });
            lines.push(Segment {
                from: (0.0, y),
                to: (x0 - 2.0 * MM, y),
                kind: SegmentKind::Crop,
            });
            lines.push(Segment {
                from: (x1 + 2.0 * MM, y),
                to: (self.page.width, y),
                kind: SegmentKind::Crop,
            });
        }
        lines
    }
}

/// A straight line on a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// One end.
    pub from: (f32, f32),
    /// The other end.
    pub to: (f32, f32),
    /// What it is for.
    pub kind: SegmentKind,
}

/// What a line on a card sheet is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// A cell edge, across the grid.
    Cut,
    /// A cell edge continued in the margin.
    Crop,
}

/// Which side of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardSide {
    /// The question side.
    Front,
    /// The answer side.
    Back,
}

/// One card's place on a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    /// The card: its index in the deck's cards.
    pub card: usize,
    /// Its row, from the top.
    pub row: usize,
    /// Its column, from the left.
    pub column: usize,
    /// Where it is drawn, the back offset included.
    pub rect: Rect,
}

/// What a page holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The calibration sheet's front: lines through the centre.
    CalibrationFront,
    /// Its back: scales to read where the front's lines show through.
    CalibrationBack,
    /// Cards, one side of sheet `sheet` (from 0).
    Cards {
        /// The sheet.
        sheet: usize,
        /// Which side.
        side: CardSide,
    },
}

/// One page of the flashcards PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct PagePlan {
    /// What is on it.
    pub kind: PageKind,
    /// Its size.
    pub size: Size,
    /// How far its content is shifted, in points: the back offset on back pages.
    pub offset: (f32, f32),
    /// The cards on it, in card order.
    pub slots: Vec<Slot>,
    /// Cut lines and crop marks (fronts only: a back printed a little off would draw them
    /// across the text).
    pub lines: Vec<Segment>,
}

impl PagePlan {
    /// Whether this is a back page (shifted by the back offset).
    pub fn is_back(&self) -> bool {
        matches!(
            self.kind,
            PageKind::CalibrationBack
                | PageKind::Cards {
                    side: CardSide::Back,
                    ..
                }
        )
    }
}

/// The pages of a deck's flashcards.
#[derive(Clone, Debug, PartialEq)]
pub struct FlashcardPlan {
    /// The grid every card page uses.
    pub grid: Grid,
    /// The pages in order: fronts on odd pages, each followed by its backs.
    pub pages: Vec<PagePlan>,
}

/// Plans `cards` cards: sheet by sheet, a front page with the cards in reading order and a
/// back page with each card behind its front, after the calibration sheet if asked for.
pub fn flashcards(setup: &PrintSetup, cards: usize) -> FlashcardPlan {
    let grid = Grid::new(setup.layout, setup.paper);
    let back_offset = (setup.back_offset_mm.0 * MM, setup.back_offset_mm.1 * MM);
    let mut pages = Vec::new();
    if setup.calibration {
        pages.push(PagePlan {
            kind: PageKind::CalibrationFront,
            size: grid.page,
            offset: (0.0, 0.0),
            slots: Vec::new(),
            lines: Vec::new(),
        });
        pages.push(PagePlan {
            kind: PageKind::CalibrationBack,
            size: grid.page,
            offset: back_offset,
            slots: Vec::new(),
            lines: Vec::new(),
        });
    }
    let per_page = grid.per_page();
    let sheets = cards.div_ceil(per_page);
    for sheet in 0..sheets {
        let first = sheet * per_page;
        let on_sheet = (cards - first).min(per_page);
        let mut front = Vec::with_capacity(on_sheet);
        let mut back = Vec::with_capacity(on_sheet);
        for i in 0..on_sheet {
            let (row, column) = (i / grid.columns, i % grid.columns);
            front.push(Slot {
                card: first + i,
                row,
                column,
                rect: grid.cell(row, column),
            });
            let (back_row, back_column) = grid.back_of(setup.duplex, row, column);
            back.push(Slot {
                card: first + i,
                row: back_row,
                column: back_column,
                rect: grid.cell(back_row, back_column).shifted(back_offset),
            });
        }
        pages.push(PagePlan {
            kind: PageKind::Cards {
                sheet,
                side: CardSide::Front,
            },
            size: grid.page,
            offset: (0.0, 0.0),
            slots: front,
            lines: grid.cut_lines(),
        });
        pages.push(PagePlan {
            kind: PageKind::Cards {
                sheet,
                side: CardSide::Back,
            },
            size: grid.page,
            offset: back_offset,
            slots: back,
            lines: Vec::new(),
        });
    }
    FlashcardPlan { grid, pages }
}

#[cfg(test)]
mod tests;
