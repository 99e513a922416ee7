use super::gift::escape;
use super::{Words, html_attr, html_block, html_text};

#[test]
fn html_escapes_markup_and_drops_control_characters() {
    assert_eq!(
        html_text("<script>alert(\"x\")</script> & co"),
        "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; co"
    );
    assert_eq!(
        html_attr("a \"b\" & 'c'"),
        "a &quot;b&quot; &amp; &#39;c&#39;"
    );
    assert_eq!(html_text("a\u{1f}b\u{0}c\td"), "abc\td");
    assert_eq!(html_block("one\ntwo\r\nthree"), "one<br>two<br>three");
}

#[test]
fn gift_escapes_every_special_character() {
    assert_eq!(escape("~ = # { } : \\"), "\\~ \\= \\# \\{ \\} \\: \\\\");
    // A blank line would end the question.
    assert_eq!(escape("one\n\ntwo"), "one  two");
    assert_eq!(escape("plain text, 50% off"), "plain text, 50% off");
}

#[test]
fn timeline_positions_name_both_ends() {
    let en = Words::new("en");
    assert_eq!(en.position(1, 3), "1 (earliest)");
    assert_eq!(en.position(2, 3), "2");
    assert_eq!(en.position(3, 3), "3 (latest)");
    let ru = Words::new("ru");
    assert_eq!(ru.position(1, 2), "1 (самое раннее)");
    assert_eq!(ru.source(2), "Источники");
}
