use super::*;

fn fonts() -> Fonts {
    Fonts::load().expect("the embedded fonts load")
}

/// The runs of `text` as (italic, bold, script, text), for short assertions.
fn shown(text: &str) -> Vec<(Weight, f32, &str)> {
    runs(text)
        .map(|(marks, run)| (marks.weight(Weight::Regular), marks.scale(), run))
        .collect()
}

#[test]
fn markup_becomes_runs_in_their_faces_and_sizes() {
    let text = styled("The *E. coli* of **H~2~O** and x^2^.");
    assert_eq!(
        shown(&text),
        vec![
            (Weight::Regular, 1.0, "The "),
            (Weight::Italic, 1.0, "E. coli"),
            (Weight::Regular, 1.0, " of "),
            (Weight::Bold, 1.0, "H"),
            (Weight::Bold, SCRIPT_SCALE, "2"),
            (Weight::Bold, 1.0, "O"),
            (Weight::Regular, 1.0, " and x"),
            (Weight::Regular, SCRIPT_SCALE, "2"),
            (Weight::Regular, 1.0, "."),
        ]
    );
    // Italics in bold text are bold italics.
    let bold_italic = styled("*a*");
    let (marks, _) = runs(&bold_italic).next().expect("a run");
    assert_eq!(marks.weight(Weight::Bold), Weight::BoldItalic);
}

#[test]
fn text_without_markup_is_left_alone() {
    for text in ["plain", "5 * 3", r"no\ escape", "~ a ~"] {
        assert!(matches!(styled(text), Cow::Borrowed(_)) || !has_markers(&styled(text)));
    }
    assert!(matches!(styled("plain text"), Cow::Borrowed(_)));
    // Escapes are resolved: the star is text.
    assert_eq!(styled(r"\*a\*"), "*a*");
    // A noncharacter in the teacher's text cannot pass for a marker.
    assert_eq!(styled("a\u{FDD1}b*c*"), "ab\u{FDD1}c\u{FDD0}");
}

#[test]
fn markers_take_no_room_and_scripts_are_measured_smaller() {
    let fonts = fonts();
    let plain = width(&fonts, Weight::Regular, "H2O");
    let marked = width(&fonts, Weight::Regular, &styled("H~2~O"));
    assert!(marked < plain, "{marked} < {plain}");
    let two = fonts.face(Weight::Regular).advance('2');
    assert_eq!(
        plain - marked,
        two - (two as f32 * SCRIPT_SCALE).ceil() as u32
    );
    // Italics are measured in the oblique face, bold in the bold one.
    let bold = width(&fonts, Weight::Regular, &styled("**word**"));
    assert_eq!(bold, fonts.face(Weight::Bold).width("word"));
}

#[test]
fn a_line_wrapped_inside_italics_starts_in_them() {
    let fonts = fonts();
    let text = styled("*one two three four five six seven eight*");
    let measured = crate::text::Measured::new(&fonts, Weight::Regular, &text);
    let lines = measured
        .wrap(&fonts, 6000.0, false)
        .expect("words fit a line");
    assert!(lines.len() > 1);
    for line in &lines {
        let runs: Vec<_> = runs(&line.text).collect();
        assert!(
            runs.iter().all(|(m, _)| m.is_italic()),
            "every run of {:?} is italic",
            line.text
        );
    }
}
