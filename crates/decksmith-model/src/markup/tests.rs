use super::*;

/// The pieces written as HTML, for short assertions.
fn html(text: &str) -> String {
    let mut out = String::new();
    write_html(&mut out, text, |out, t| {
        out.push_str(t);
        Ok(())
    })
    .expect("a String takes anything");
    out
}

#[test]
fn pandoc_constructs_become_marks() {
    assert_eq!(html("*E. coli* grows"), "<em>E. coli</em> grows");
    assert_eq!(html("a **bold** claim"), "a <strong>bold</strong> claim");
    assert_eq!(html("H~2~O and CO~2~"), "H<sub>2</sub>O and CO<sub>2</sub>");
    assert_eq!(html("10^6^ km"), "10<sup>6</sup> km");
    assert_eq!(
        html("***both*** and *it **in** it*"),
        "<em><strong>both</strong></em> and <em>it <strong>in</strong> it</em>"
    );
    assert_eq!(html("*H~2~O*"), "<em>H<sub>2</sub>O</em>");
    assert_eq!(html("x^*n*^"), "x<sup><em>n</em></sup>");
}

#[test]
fn backslash_writes_the_character_itself() {
    assert_eq!(html(r"\*not italic\*"), "*not italic*");
    assert_eq!(html(r"a\~b\^c\\d"), r"a~b^c\d");
    assert_eq!(plain(r"2 \* 3 = 6"), "2 * 3 = 6");
    // A backslash before anything else is a backslash.
    assert_eq!(html(r"C:\dir\n"), r"C:\dir\n");
    assert_eq!(html(r"H~a\~b~"), "H<sub>a~b</sub>");
}

#[test]
fn what_opens_nothing_stays_text() {
    for text in [
        "5 * 3 * 2",
        "a * b",
        "*unclosed",
        "closed*",
        "~a b~",
        "x^ 2^",
        "~~strike~~",
        "^^",
        "~",
        "a ** b",
        "**",
    ] {
        assert_eq!(html(text), text, "{text:?}");
        assert_eq!(plain(text), text, "{text:?}");
        assert!(!has_marks(text), "{text:?}");
    }
    // What is left of an unmatched run stays as text, beside what was matched.
    assert_eq!(html("**a*"), "*<em>a</em>");
    assert_eq!(html("*a**"), "<em>a</em>*");
}

#[test]
fn marks_are_always_well_nested() {
    // Runs between an opener and its closer never pair with anything outside.
    for text in [
        "*a **b* c**",
        "**a *b** c*",
        "*a ~b*~ c*",
        "*a^b*^*",
        "***a* b**",
    ] {
        let mut open: Vec<Mark> = Vec::new();
        for piece in parse(text) {
            match piece {
                Piece::Open(m) => open.push(m),
                Piece::Close(m) => assert_eq!(open.pop(), Some(m), "{text:?}"),
                Piece::Text(_) => {}
            }
        }
        assert!(open.is_empty(), "{text:?}");
    }
}

#[test]
fn plain_text_is_what_a_reader_sees() {
    assert_eq!(plain("*E. coli*"), "E. coli");
    assert_eq!(plain("H~2~O"), "H2O");
    assert_eq!(plain("x^2^ + **y**"), "x2 + y");
    assert!(matches!(plain("no markup at all"), Cow::Borrowed(_)));
    assert!(has_marks("*a*"));
    assert!(!has_marks(r"\*a\*"));
}

#[test]
fn any_text_parses_without_losing_a_character() {
    // Every character of the text is in the pieces, except the markup's own delimiters and
    // the backslashes of escapes: so plain text never grows, and text without markup
    // characters is left exactly as it was.
    let samples = [
        "",
        "*",
        "**",
        "***",
        "\\",
        "\\\\",
        "~",
        "^",
        "*~^\\",
        "a*b*c",
        "~*~*",
        "é*é*é",
        "x^ü^",
        "Москва *слово* H~2~O",
    ];
    for text in samples {
        let plain = plain(text);
        assert!(plain.len() <= text.len(), "{text:?}");
        let kept: String = text.chars().filter(|c| !"*~^\\".contains(*c)).collect();
        let seen: String = plain.chars().filter(|c| !"*~^\\".contains(*c)).collect();
        assert_eq!(kept, seen, "{text:?}");
    }
}

#[test]
fn a_star_that_opens_what_nothing_closes_is_found() {
    assert_eq!(unclosed("the *E. coli bacterium"), Some("*E."));
    assert_eq!(unclosed("**bold"), Some("**bold"));
    assert_eq!(unclosed("a **bold* one"), Some("**bold*"));
    for fine in [
        "*E. coli*",
        "5 * 3",
        "2*3",
        "a * b *",
        r"\*not\*",
        "no stars",
        "word*",
    ] {
        assert_eq!(unclosed(fine), None, "{fine:?}");
    }
}
