use std::sync::OnceLock;

use super::*;

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load().expect("the embedded fonts parse"))
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn measures_with_the_fonts_own_advances() {
    let face = fonts().face(Weight::Regular);
    assert_eq!(face.width("WiW"), 2 * face.advance('W') + face.advance('i'));
    assert!(
        face.advance('W') > 2 * face.advance('i'),
        "a proportional font"
    );
    assert!(
        fonts().face(Weight::Bold).width("information") > face.width("information"),
        "bold is wider"
    );
    // DejaVu Sans: 2048 units per em, `W` advances 2025 units.
    assert_eq!(face.advance('W'), 988);
}

#[test]
fn wrapped_lines_keep_every_word_in_order_and_stay_within_the_width() {
    let text = "The UN hosts two competing platforms on information security, the OEWG \
                (a Russian initiative) and the US-led GGE, between 2019 and 2021.";
    let measured = Measured::new(fonts(), Weight::Regular, text);
    for limit in [8000.0, 12000.0, 20000.0, 40000.0] {
        let lines = measured
            .wrap(fonts(), limit, false)
            .expect("no word is wider than 8 em");
        for line in &lines {
            assert!(line.width as f32 <= limit, "{line:?} wider than {limit}");
            assert_eq!(line.width, fonts().face(Weight::Regular).width(&line.text));
        }
        let joined: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
        assert_eq!(words(&joined.join(" ")).concat(), words(text).concat());
        // Greedy: the next line's first word would not have fitted.
        for pair in lines.windows(2) {
            let next = pair[1].text.split(' ').next().unwrap_or("");
            let face = fonts().face(Weight::Regular);
            assert!(pair[0].width + face.advance(' ') + face.width(next) > limit as u32);
        }
    }
}

#[test]
fn lines_break_after_hyphens_and_slashes_but_not_no_break_hyphens() {
    let measured = Measured::new(
        fonts(),
        Weight::Regular,
        "Russia–US cyber/ICT counter\u{2011}terrorism",
    );
    let texts: Vec<&str> = measured
        .tokens
        .iter()
        .map(|t| measured.text_of(t))
        .collect();
    assert_eq!(
        texts,
        ["Russia–", "US", "cyber/", "ICT", "counter\u{2011}terrorism"]
    );
    assert!(!measured.tokens[1].space_before && measured.tokens[2].space_before);
    let width = fonts().face(Weight::Regular).width("Russia–") as f32 + 1.0;
    let lines = measured.wrap(fonts(), width, true).expect("wraps");
    assert_eq!(lines[0].text, "Russia–");
    assert_eq!(lines[1].text, "US");
}

#[test]
fn a_word_longer_than_a_line_is_broken_only_when_allowed() {
    let word = "Informationssicherheitsgesetzgebungsverfahren";
    let measured = Measured::new(fonts(), Weight::Regular, &format!("das {word} ist lang"));
    let limit = fonts().face(Weight::Regular).width(word) as f32 / 3.0;
    assert_eq!(measured.wrap(fonts(), limit, false), None);
    let lines = measured.wrap(fonts(), limit, true).expect("broken");
    for line in &lines {
        assert!(line.width as f32 <= limit);
    }
    let joined: String = lines.iter().map(|l| l.text.replace(' ', "")).collect();
    assert_eq!(joined, format!("das{word}istlang"));
    assert!(lines.len() >= 4);
}

#[test]
fn line_breaks_in_the_text_are_kept() {
    let measured = Measured::new(fonts(), Weight::Regular, "first line\nsecond line");
    let lines = measured.wrap(fonts(), 1.0e6, false).expect("wraps");
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["first line", "second line"]);
}

#[test]
fn blanks_are_tokens_of_one_fixed_width() {
    let measured = Measured::with_blanks(
        fonts(),
        Weight::Regular,
        "the ____ and the ____.",
        Some(5000),
    );
    let blanks: Vec<&Token> = measured
        .tokens
        .iter()
        .filter(|t| t.blank.is_some())
        .collect();
    assert_eq!(blanks.len(), 2);
    assert!(
        blanks
            .iter()
            .all(|b| b.width == 5000 && measured.text_of(b).is_empty())
    );
    let lines = measured.wrap(fonts(), 1.0e6, false).expect("wraps");
    assert_eq!(lines[0].text, "the  and the .");
    assert_eq!(lines[0].blanks.len(), 2);
    let face = fonts().face(Weight::Regular);
    assert_eq!(lines[0].blanks[0], (0, face.width("the ")));
}

fn para(text: &str, scale: f32) -> Para {
    Para {
        text: Measured::new(fonts(), Weight::Regular, text),
        scale,
        grey: 0.0,
        gap_before: 0.5,
    }
}

#[test]
fn short_text_gets_the_largest_size() {
    let fitted = fit(fonts(), &[para("OEWG", 1.0)], 200.0, 100.0, 20.0);
    assert!(fitted.fits);
    assert_eq!(fitted.size, 20.0);
    assert_eq!(fitted.lines.len(), 1);
}

#[test]
fn longer_text_shrinks_until_it_fits() {
    let text = "The worldwide sphere of information and ICTs in which, as Oleg V. Khramov put it, \
                the situation has been getting worse";
    let (width, height) = (250.0, 120.0);
    let fitted = fit(
        fonts(),
        &[
            para(text, 1.0),
            para("глобальное информационное пространство", 0.72),
        ],
        width,
        height,
        24.0,
    );
    assert!(fitted.fits);
    assert!(
        fitted.size < 24.0 && fitted.size >= MIN_SIZE,
        "size {}",
        fitted.size
    );
    assert!(fitted.height <= height);
    for line in &fitted.lines {
        assert!(line.width <= width + 0.01, "{line:?}");
        assert!(line.size <= fitted.size);
    }
    // The largest size that fits: half a point more does not.
    let bigger = layout(
        fonts(),
        &[
            para(text, 1.0),
            para("глобальное информационное пространство", 0.72),
        ],
        fitted.size + STEP,
        width,
        false,
    );
    assert!(bigger.is_none_or(|(_, h)| h > height));
    let all: String = fitted
        .lines
        .iter()
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains("Khramov") && all.contains("пространство"));
}

#[test]
fn smaller_lines_never_go_below_the_minimum_nor_above_the_main_text() {
    let paras = [para("Main", 1.0), para("detail", 0.5)];
    let fitted = fit(fonts(), &paras, 300.0, 300.0, 12.0);
    assert_eq!(fitted.lines[0].size, 12.0);
    assert_eq!(fitted.lines[1].size, MIN_SIZE);
}

#[test]
fn text_that_cannot_fit_is_cut_short_visibly_and_reported() {
    let text = "word ".repeat(400);
    let (width, height) = (150.0, 60.0);
    let fitted = fit(fonts(), &[para(&text, 1.0)], width, height, 18.0);
    assert!(!fitted.fits);
    assert_eq!(fitted.size, MIN_SIZE);
    assert!(fitted.height <= height);
    let last = fitted.lines.last().expect("some lines");
    assert!(last.text.ends_with('…'), "{last:?}");
    assert!(
        fitted
            .lines
            .iter()
            .all(|l| l.width <= width + 0.01 && l.baseline <= height)
    );
}

#[test]
fn a_long_word_is_broken_at_the_minimum_size_rather_than_reported() {
    let word = "Informationssicherheitsgesetzgebungsverfahren";
    let fitted = fit(fonts(), &[para(word, 1.0)], 60.0, 80.0, 16.0);
    assert!(fitted.fits);
    assert_eq!(fitted.size, MIN_SIZE);
    assert!(fitted.lines.len() > 1);
    assert!(fitted.lines.iter().all(|l| l.width <= 60.01));
    let joined: String = fitted.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, word);
}

#[test]
fn ellipsize_cuts_to_the_width() {
    let (text, width) = ellipsize(
        fonts(),
        Weight::Regular,
        "Key terms and acronyms (English–Russian)",
        6.5,
        60.0,
    );
    assert!(text.ends_with('…'));
    assert!(width <= 60.0);
    let (same, _) = ellipsize(fonts(), Weight::Regular, "Short", 6.5, 60.0);
    assert_eq!(same, "Short");
}

#[test]
fn a_blank_keeps_its_full_stop_on_its_line() {
    // The line has room for the blank but not for the full stop after it: both go to the
    // next line, rather than a line of a lone full stop.
    let measured =
        Measured::with_blanks(fonts(), Weight::Regular, "is abbreviated ____.", Some(5000));
    let face = fonts().face(Weight::Regular);
    let limit = (face.width("is abbreviated ") + 5000 + face.width(".") / 2) as f32;
    let lines = measured.wrap(fonts(), limit, false).expect("wraps");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].text, "is abbreviated");
    assert_eq!(lines[1].text, ".");
    assert_eq!(lines[1].blanks, [(0, 0)]);
}
