use super::*;

const EPS: f32 = 0.01;

fn setup(layout: CardLayout, duplex: Duplex) -> PrintSetup {
    PrintSetup {
        paper: Paper::A4,
        layout,
        duplex,
        back_offset_mm: (0.0, 0.0),
        calibration: false,
    }
}

const LAYOUTS: [CardLayout; 6] = [
    CardLayout::Grid2x4,
    CardLayout::Grid2x5,
    CardLayout::Grid3x3,
    CardLayout::Index3x5,
    CardLayout::A6,
    CardLayout::A7,
];

#[test]
fn grid_layouts_fill_the_paper_inside_equal_margins() {
    for (layout, paper, per_page) in [
        (CardLayout::Grid2x4, Paper::A4, 8),
        (CardLayout::Grid2x5, Paper::A4, 10),
        (CardLayout::Grid3x3, Paper::A4, 9),
        (CardLayout::Grid2x4, Paper::Letter, 8),
        (CardLayout::Grid3x3, Paper::Letter, 9),
    ] {
        let grid = Grid::new(layout, paper);
        assert_eq!(grid.page, paper_size(paper));
        assert_eq!(grid.per_page(), per_page);
        // Centred: the same margin on every side, so a mirrored cell is behind its front.
        let right = grid.page.width - (grid.origin.0 + grid.columns as f32 * grid.cell.width);
        let top = grid.page.height - (grid.origin.1 + grid.rows as f32 * grid.cell.height);
        assert!(
            (right - GRID_MARGIN).abs() < EPS,
            "{layout:?} right margin {right}"
        );
        assert!(
            (top - GRID_MARGIN).abs() < EPS,
            "{layout:?} top margin {top}"
        );
        // Cells tile the grid without overlapping.
        for row in 0..grid.rows {
            for column in 0..grid.columns {
                let cell = grid.cell(row, column);
                if column + 1 < grid.columns {
                    let next = grid.cell(row, column + 1);
                    assert!((cell.x + cell.width - next.x).abs() < EPS);
                }
                if row + 1 < grid.rows {
                    let below = grid.cell(row + 1, column);
                    assert!(
                        (below.y + below.height - cell.y).abs() < EPS,
                        "row 0 is the top row"
                    );
                }
            }
        }
    }
}

#[test]
fn a4_and_letter_have_their_sizes() {
    let a4 = paper_size(Paper::A4);
    assert!((a4.width - 595.276).abs() < 0.01 && (a4.height - 841.89).abs() < 0.01);
    assert_eq!(
        paper_size(Paper::Letter),
        Size {
            width: 612.0,
            height: 792.0
        }
    );
}

#[test]
fn index_card_layouts_are_one_landscape_card_per_page_of_its_size() {
    for (layout, w_mm, h_mm) in [
        (CardLayout::Index3x5, 127.0, 76.2),
        (CardLayout::A6, 148.0, 105.0),
        (CardLayout::A7, 105.0, 74.0),
    ] {
        for paper in [Paper::A4, Paper::Letter] {
            let plan = flashcards(
                &PrintSetup {
                    paper,
                    ..setup(layout, Duplex::LongEdge)
                },
                3,
            );
            assert_eq!(
                plan.pages.len(),
                6,
                "{layout:?}: a front and a back per card"
            );
            for page in &plan.pages {
                assert!((page.size.width - w_mm * MM).abs() < EPS);
                assert!((page.size.height - h_mm * MM).abs() < EPS);
                assert_eq!(page.slots.len(), 1);
                let cell = page.slots[0].rect;
                assert_eq!(
                    (cell.width, cell.height),
                    (page.size.width, page.size.height)
                );
                assert!(
                    page.lines.is_empty(),
                    "no cut lines on a card that is the page"
                );
            }
        }
    }
}

#[test]
fn fronts_are_on_odd_pages_and_their_backs_on_the_following_even_page() {
    for layout in LAYOUTS {
        let plan = flashcards(&setup(layout, Duplex::LongEdge), 23);
        let per_page = plan.grid.per_page();
        assert_eq!(plan.pages.len(), 2 * 23usize.div_ceil(per_page));
        for (i, page) in plan.pages.iter().enumerate() {
            let page_number = i + 1;
            let PageKind::Cards { sheet, side } = page.kind else {
                panic!("no calibration asked for");
            };
            assert_eq!(sheet, i / 2);
            assert_eq!(
                side == CardSide::Front,
                page_number % 2 == 1,
                "page {page_number}"
            );
            // Cards in deck order, the sheet's run of them.
            let cards: Vec<usize> = page.slots.iter().map(|s| s.card).collect();
            let first = sheet * per_page;
            let expected: Vec<usize> = (first..(first + per_page).min(23)).collect();
            assert_eq!(cards, expected);
        }
    }
}

/// The point behind `(x, y)` of a front page, on the back page, for a sheet turned over
/// `duplex`'s edge.
fn behind(page: Size, duplex: Duplex, (x, y): (f32, f32)) -> (f32, f32) {
    match duplex {
        Duplex::LongEdge => (page.width - x, y),
        Duplex::ShortEdge => (x, page.height - y),
    }
}

#[test]
fn every_back_is_printed_behind_its_front() {
    for layout in LAYOUTS {
        for duplex in [Duplex::LongEdge, Duplex::ShortEdge] {
            let plan = flashcards(&setup(layout, duplex), 20);
            for pair in plan.pages.chunks(2) {
                let (front, back) = (&pair[0], &pair[1]);
                for slot in &front.slots {
                    let back_slot = back
                        .slots
                        .iter()
                        .find(|s| s.card == slot.card)
                        .unwrap_or_else(|| panic!("card {} has no back", slot.card));
                    let (x, y) = behind(front.size, duplex, slot.rect.centre());
                    let (bx, by) = back_slot.rect.centre();
                    assert!(
                        (x - bx).abs() < EPS && (y - by).abs() < EPS,
                        "{layout:?} {duplex:?}: card {} front at {:?}, back at {:?}",
                        slot.card,
                        slot.rect,
                        back_slot.rect
                    );
                }
            }
        }
    }
}

#[test]
fn long_edge_mirrors_columns_and_short_edge_mirrors_rows() {
    let plan = flashcards(&setup(CardLayout::Grid3x3, Duplex::LongEdge), 9);
    let back = &plan.pages[1];
    // Card 0 is top left on the front: top right on the back.
    let slot = back.slots.iter().find(|s| s.card == 0).expect("card 0");
    assert_eq!((slot.row, slot.column), (0, 2));
    let slot = back.slots.iter().find(|s| s.card == 5).expect("card 5");
    assert_eq!((slot.row, slot.column), (1, 0));

    let plan = flashcards(&setup(CardLayout::Grid3x3, Duplex::ShortEdge), 9);
    let back = &plan.pages[1];
    let slot = back.slots.iter().find(|s| s.card == 0).expect("card 0");
    assert_eq!((slot.row, slot.column), (2, 0));
    let slot = back.slots.iter().find(|s| s.card == 5).expect("card 5");
    assert_eq!((slot.row, slot.column), (1, 2));
}

#[test]
fn a_part_sheet_keeps_its_backs_behind_their_fronts() {
    // 10 cards on 2x4: the second sheet has cards 8 and 9 in the top row; their backs are
    // in the same row, swapped.
    let plan = flashcards(&setup(CardLayout::Grid2x4, Duplex::LongEdge), 10);
    assert_eq!(plan.pages.len(), 4);
    let front = &plan.pages[2];
    let back = &plan.pages[3];
    let place = |page: &PagePlan, card| {
        let s = page.slots.iter().find(|s| s.card == card).expect("card");
        (s.row, s.column)
    };
    assert_eq!(place(front, 8), (0, 0));
    assert_eq!(place(front, 9), (0, 1));
    assert_eq!(place(back, 8), (0, 1));
    assert_eq!(place(back, 9), (0, 0));
}

#[test]
fn the_back_offset_moves_back_pages_only() {
    let mut s = setup(CardLayout::Grid2x4, Duplex::LongEdge);
    let plain = flashcards(&s, 8);
    s.back_offset_mm = (1.5, -2.0);
    let shifted = flashcards(&s, 8);
    let (front, back) = (&shifted.pages[0], &shifted.pages[1]);
    assert_eq!(front.slots, plain.pages[0].slots, "fronts do not move");
    assert_eq!(front.offset, (0.0, 0.0));
    assert_eq!(back.offset, (1.5 * MM, -2.0 * MM));
    for (moved, still) in back.slots.iter().zip(&plain.pages[1].slots) {
        assert!((moved.rect.x - still.rect.x - 1.5 * MM).abs() < EPS);
        assert!((moved.rect.y - still.rect.y + 2.0 * MM).abs() < EPS);
    }
}

#[test]
fn calibration_comes_first_as_a_sheet_of_its_own() {
    let mut s = setup(CardLayout::Grid2x5, Duplex::ShortEdge);
    s.calibration = true;
    s.back_offset_mm = (0.5, 0.5);
    let plan = flashcards(&s, 3);
    let kinds: Vec<PageKind> = plan.pages.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PageKind::CalibrationFront,
            PageKind::CalibrationBack,
            PageKind::Cards {
                sheet: 0,
                side: CardSide::Front
            },
            PageKind::Cards {
                sheet: 0,
                side: CardSide::Back
            },
        ]
    );
    assert_eq!(plan.pages[1].offset, (0.5 * MM, 0.5 * MM));
    assert!(plan.pages[1].is_back() && !plan.pages[0].is_back());
}

#[test]
fn cut_lines_are_on_fronts_along_every_cell_edge() {
    let plan = flashcards(&setup(CardLayout::Grid2x4, Duplex::LongEdge), 8);
    let front = &plan.pages[0];
    let back = &plan.pages[1];
    assert!(back.lines.is_empty());
    let cuts: Vec<&Segment> = front
        .lines
        .iter()
        .filter(|l| l.kind == SegmentKind::Cut)
        .collect();
    // 3 vertical edges for 2 columns, 5 horizontal for 4 rows.
    assert_eq!(cuts.len(), 3 + 5);
    for slot in &front.slots {
        let r = slot.rect;
        for corner in [(r.x, r.y), (r.x + r.width, r.y + r.height)] {
            assert!(
                cuts.iter().any(|c| on_segment(c, corner)),
                "corner {corner:?} of card {} is on a cut line",
                slot.card
            );
        }
    }
    // Crop marks stay in the margin.
    for mark in front.lines.iter().filter(|l| l.kind == SegmentKind::Crop) {
        let grid = Rect {
            x: plan.grid.origin.0,
            y: plan.grid.origin.1,
            width: plan.grid.cell.width * 2.0,
            height: plan.grid.cell.height * 4.0,
        };
        let mid = (
            (mark.from.0 + mark.to.0) / 2.0,
            (mark.from.1 + mark.to.1) / 2.0,
        );
        assert!(!grid.contains(mid), "crop mark {mark:?} inside the grid");
    }
}

fn on_segment(s: &Segment, (x, y): (f32, f32)) -> bool {
    let (minx, maxx) = (s.from.0.min(s.to.0) - EPS, s.from.0.max(s.to.0) + EPS);
    let (miny, maxy) = (s.from.1.min(s.to.1) - EPS, s.from.1.max(s.to.1) + EPS);
    x >= minx && x <= maxx && y >= miny && y <= maxy
}

#[test]
fn no_cards_no_pages() {
    let plan = flashcards(&setup(CardLayout::Grid2x4, Duplex::LongEdge), 0);
    assert!(plan.pages.is_empty());
}
