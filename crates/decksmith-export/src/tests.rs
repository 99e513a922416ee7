use super::gift::escape;
use std::collections::BTreeMap;

use decksmith_quiz::phrases::{BUILT_IN, PHRASES, Phrasebook};

use super::{html_attr, html_block, html_text, position, source_label};

/// A course with no decks, for questions made by hand (whose entries it does not know).
fn empty_course() -> decksmith_model::Course {
    decksmith_model::Course::new(
        "Course".into(),
        None,
        "en".into(),
        1,
        Default::default(),
        Default::default(),
        BTreeMap::new(),
        Vec::new(),
        Vec::new(),
    )
}

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
    assert_eq!(
        html_block("Д\u{85}а & <b>\u{7f}\n"),
        "Да &amp; &lt;b&gt;<br>"
    );
    assert_eq!(html_text(""), "");
}

#[test]
fn html_escaping_keeps_every_character_but_controls_and_escapes_markup() {
    for c in (0..0x3000).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        let expected = match c {
            '&' => "a&amp;b".to_owned(),
            '<' => "a&lt;b".to_owned(),
            '>' => "a&gt;b".to_owned(),
            '\t' | '\n' => text.clone(),
            c if c.is_control() => "ab".to_owned(),
            _ => text.clone(),
        };
        assert_eq!(html_text(&text), expected, "U+{:04X}", c as u32);
        let block = if c == '\n' {
            "a<br>b".to_owned()
        } else {
            expected
        };
        assert_eq!(html_block(&text), block, "U+{:04X}", c as u32);
    }
}

#[test]
fn html_blocks_escape_and_mark_up_wherever_the_first_special_character_is() {
    // Plain text is copied whole; escapes and markup are found after a plain start, at the
    // start, next to each other, and after a character that may but need not change.
    assert_eq!(
        html_block("plain words, no change"),
        "plain words, no change"
    );
    assert_eq!(html_block("Москва и Нью-Йорк"), "Москва и Нью-Йорк");
    assert_eq!(
        html_block("a long plain start & then <b>"),
        "a long plain start &amp; then &lt;b&gt;"
    );
    assert_eq!(html_block("&*x*"), "&amp;<em>x</em>");
    assert_eq!(
        html_block("H~2~O & CO~2~"),
        "H<sub>2</sub>O &amp; CO<sub>2</sub>"
    );
    assert_eq!(
        html_block("tab\there & **bold**"),
        "tab\there &amp; <strong>bold</strong>"
    );
    assert_eq!(
        html_block("«quoted»\u{a0}x^2^"),
        "«quoted»\u{a0}x<sup>2</sup>"
    );
    assert_eq!(html_block("a\u{85}b < c\n*d*"), "ab &lt; c<br><em>d</em>");
    assert_eq!(html_block("not \\*marked\\*"), "not *marked*");
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
    let en = Phrasebook::new(PHRASES, "en", &BUILT_IN);
    assert_eq!(position(&en, 1, 3), "1 (earliest)");
    assert_eq!(position(&en, 2, 3), "2");
    assert_eq!(position(&en, 3, 3), "3 (latest)");
    let ru = Phrasebook::new(PHRASES, "ru", &BUILT_IN);
    assert_eq!(position(&ru, 1, 2), "1 (самое раннее)");
    assert_eq!(source_label(&ru, 2), "Источники");
}

#[test]
fn a_course_in_another_language_words_the_exports_itself() {
    // A German course gives its own words under `strings:`; the exports use them.
    let strings: BTreeMap<String, String> = [
        ("x.earliest", "{n} (frühestes)"),
        ("x.source", "Quelle"),
        ("cite.page", "{source}, S. {page}"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let de = Phrasebook::new(PHRASES, "de", &strings);
    assert_eq!(position(&de, 1, 4), "1 (frühestes)");
    assert_eq!(position(&de, 4, 4), "4 (latest)");
    assert_eq!(source_label(&de, 1), "Quelle");
    let cited = decksmith_quiz::CitationView {
        id: "lehrbuch".into(),
        short: "Lehrbuch".into(),
        title: "Ein Lehrbuch".into(),
        locator: Some(decksmith_quiz::LocatorView::Page("12".into())),
        url: None,
    };
    assert_eq!(super::sources_plain(&[cited], &de), "Lehrbuch, S. 12");
}

#[test]
fn a_cloze_with_two_blanks_becomes_two_short_answers_each_with_the_other_filled() {
    use super::bank::{MoodleType, questions};
    use decksmith_model::Location;
    use decksmith_quiz::{BlankAnswer, Body, ClozeBody, Question, Quiz};

    let question = Question {
        id: "fact:cloze".into(),
        number: 1,
        body: Body::Cloze(ClozeBody {
            text: "The ____ accord came before the ____ accord.".into(),
            blanks: vec![
                BlankAnswer {
                    answer: "Alpha".into(),
                    accept: vec!["Alpha".into(), "A".into()],
                },
                BlankAnswer {
                    answer: "Beta".into(),
                    accept: vec!["Beta".into()],
                },
            ],
        }),
        entry: "fact".into(),
        entries: vec!["fact".into()],
        explanation: "Alpha, then Beta.".into(),
        note: None,
        sources: Vec::new(),
        origin: Location::default(),
        points: 1,
    };
    let quiz = Quiz {
        deck: "d".into(),
        title: "D".into(),
        seed: 1,
        variant: None,
        questions: vec![question],
    };
    // A German quiz: its typed answers are the listed ones (an English quiz adds the forms
    // `typed_answers` tests).
    let bank = questions(
        &empty_course(),
        &quiz,
        &Phrasebook::new(PHRASES, "de", &BUILT_IN),
    );
    let gaps: Vec<(String, String, Vec<String>)> = bank
        .iter()
        .map(|question| match &question.kind {
            MoodleType::ShortAnswer {
                before,
                after,
                answers,
            } => (before.clone(), after.clone(), answers.clone()),
            other => panic!("expected a short answer, got {other:?}"),
        })
        .collect();
    assert_eq!(
        gaps,
        [
            (
                "The ".to_owned(),
                " accord came before the Beta accord.".to_owned(),
                vec!["Alpha".to_owned(), "A".to_owned()]
            ),
            (
                "The Alpha accord came before the ".to_owned(),
                " accord.".to_owned(),
                vec!["Beta".to_owned()]
            ),
        ]
    );
    assert_eq!(
        bank[0].name,
        "01 The ____ accord came before the ____ accord. — D (blank 1)"
    );
    assert_eq!(bank[1].id, "fact:cloze#2");
}

#[test]
fn question_names_show_the_start_of_the_text_and_the_deck() {
    use super::bank::name;
    assert_eq!(
        name(3, "Which  body\nmet first?", "Cyber norms"),
        "03 Which body met first? — Cyber norms"
    );
    // Cut at a word boundary, in characters (not bytes), with an ellipsis.
    let long = "Какой орган впервые собрался в Нью-Йорке в две тысячи девятнадцатом году";
    let named = name(12, long, "Д");
    assert_eq!(
        named,
        "12 Какой орган впервые собрался в Нью-Йорке в две… — Д"
    );
    // One word longer than the limit is cut inside it.
    let word = "x".repeat(80);
    assert_eq!(name(1, &word, "D"), format!("01 {}… — D", "x".repeat(50)));
}

#[test]
fn a_timeline_becomes_an_ordering_question_with_the_events_earliest_first() {
    use super::bank::{MoodleType, questions};
    use decksmith_model::Location;
    use decksmith_quiz::{Body, Question, Quiz, Timeline};

    let question = Question {
        id: "t:timeline".into(),
        number: 2,
        body: Body::Timeline(Timeline {
            prompt: "Put these in order.".into(),
            items: vec!["Second".into(), "Third & last".into(), "First".into()],
            order: vec![2, 0, 1],
            dates: vec!["2020".into(), "2021".into(), "2019".into()],
        }),
        entry: "t".into(),
        entries: vec!["t".into()],
        explanation: String::new(),
        note: None,
        sources: Vec::new(),
        origin: Location::default(),
        points: 1,
    };
    let quiz = Quiz {
        deck: "d".into(),
        title: "D".into(),
        seed: 1,
        variant: None,
        questions: vec![question],
    };
    let bank = questions(
        &empty_course(),
        &quiz,
        &Phrasebook::new(PHRASES, "en", &BUILT_IN),
    );
    let MoodleType::Ordering {
        events, positions, ..
    } = &bank[0].kind
    else {
        panic!("expected an ordering question, got {:?}", bank[0].kind);
    };
    assert_eq!(events, &["First", "Second", "Third &amp; last"]);
    assert_eq!(positions[0], ("Second".to_owned(), "2".to_owned()));
    assert_eq!(bank[0].kind.name(), "ordering");
    // The feedback gives the dates, earliest first.
    assert!(
        bank[0]
            .feedback
            .starts_with("<p>2019: First; 2020: Second; 2021: Third &amp; last</p>"),
        "{}",
        bank[0].feedback
    );
}

#[test]
fn qti_escapes_every_payload_twice_html_then_xml() {
    use decksmith_model::Location;
    use decksmith_quiz::{BlankAnswer, Body, Choice, ClozeBody, Question, Quiz};

    let payload = "a ]]> <script>alert(\"x\")</script> & 'q'";
    let question = |number: u32, body: Body| Question {
        id: format!("e{number}:kind"),
        number,
        body,
        entry: "e".into(),
        entries: vec!["e".into()],
        explanation: payload.into(),
        note: None,
        sources: Vec::new(),
        origin: Location::default(),
        points: 1,
    };
    let quiz = Quiz {
        deck: "d".into(),
        title: payload.into(),
        seed: 1,
        variant: None,
        questions: vec![
            question(
                1,
                Body::MultipleChoice(Choice {
                    prompt: payload.into(),
                    options: vec![payload.into(), "b".into()],
                    answer: 0,
                    lang: None,
                    ordered: false,
                }),
            ),
            question(
                2,
                Body::Cloze(ClozeBody {
                    text: format!("{payload} ____."),
                    blanks: vec![BlankAnswer {
                        answer: payload.into(),
                        accept: vec![payload.into(), "<b>".into()],
                    }],
                }),
            ),
        ],
    };
    let xml = super::qti::assessment_in(
        &empty_course(),
        &quiz,
        &Phrasebook::new(PHRASES, "en", &BUILT_IN),
    );
    assert!(!xml.contains("]]>"), "{xml}");
    assert!(!xml.contains("<script"), "{xml}");
    // HTML texts: escaped for HTML, then for XML.
    let html =
        "a ]]&amp;gt; &amp;lt;script&amp;gt;alert(\"x\")&amp;lt;/script&amp;gt; &amp;amp; 'q'";
    assert!(xml.contains(&format!("<mattext texttype=\"text/html\">{html}</mattext>")));
    assert!(
        xml.contains(&format!("&lt;p&gt;{html}&lt;/p&gt;")),
        "the explanation as feedback"
    );
    // Typed answers are plain text: escaped for XML once, every accepted answer once.
    let plain = "a ]]&gt; &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'";
    assert_eq!(
        xml.matches(&format!(
            "<varequal respident=\"response1\">{plain}</varequal>"
        ))
        .count(),
        1
    );
    assert!(xml.contains("<varequal respident=\"response1\">&lt;b&gt;</varequal>"));
    // Each accepted answer is a condition of its own: QTI 1.2 reads two tests in one
    // condition as both having to hold, which no typed answer can.
    for condition in xml.split("<conditionvar>").skip(1) {
        let tests = condition
            .split("</conditionvar>")
            .next()
            .unwrap_or_default();
        assert!(tests.matches("<varequal").count() <= 1, "{tests}");
    }
    // Attributes: quotes too.
    assert!(xml.contains(
        "title=\"01 a ]]&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
    ));
}

#[test]
fn qti_match_numbers_are_distinct_nine_digits_whatever_the_order() {
    use super::qti::match_numbers;
    // Three keys whose hashes give the same number, and one of its own.
    let keys: Vec<(u64, String)> = vec![
        (5, "b".into()),
        (5, "a".into()),
        (900_000_005, "c".into()),
        (7, "d".into()),
    ];
    let numbers = match_numbers(&keys);
    assert_eq!(
        numbers,
        vec![100_000_006, 100_000_005, 100_000_008, 100_000_007]
    );
    let mut reversed = keys.clone();
    reversed.reverse();
    let mut again = match_numbers(&reversed);
    again.reverse();
    assert_eq!(
        again, numbers,
        "the same key gets the same number in any order"
    );
    // The highest number wraps round to the lowest.
    let top = vec![(899_999_999, "x".into()), (899_999_999, "y".into())];
    assert_eq!(match_numbers(&top), vec![999_999_999, 100_000_000]);
}

#[test]
fn typed_answers_are_accepted_as_the_quiz_page_marks_them() {
    let answers = |list: &[&str], english| {
        crate::typed_answers(
            &list.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            english,
        )
    };
    // A name with or without "the"; a common noun in either number.
    assert_eq!(
        answers(&["sanctions", "the United States", "Soviet Union"], true),
        [
            "sanctions",
            "the United States",
            "Soviet Union",
            "sanction",
            "United States",
            "the Soviet Union"
        ]
    );
    assert_eq!(
        answers(
            &["policy", "processes", "defenses", "to other countries"],
            true
        ),
        [
            "policy",
            "processes",
            "defenses",
            "to other countries",
            "policies",
            "process",
            "defense",
            "to other country"
        ]
    );
    // No forms that are not words: adverbs, -is and -us words, numbers, short words, other
    // alphabets; and nothing added in another language.
    assert_eq!(
        answers(
            &[
                "internationally",
                "legal basis",
                "forty",
                "40",
                "ICT",
                "war",
                "Сирия"
            ],
            true
        ),
        [
            "internationally",
            "legal basis",
            "forty",
            "40",
            "ICT",
            "war",
            "Сирия",
            "the ICT"
        ]
    );
    assert_eq!(answers(&["sanctions"], false), ["sanctions"]);
}

#[test]
fn a_lone_gift_answer_with_an_arrow_has_no_mark_and_several_have_the_wildcard() {
    let one = crate::gift::typed_answers(&["a -> b".to_owned()]);
    assert_eq!(one, ["a -> b"]);
    let two = crate::gift::typed_answers(&["a -> b".to_owned(), "c".to_owned()]);
    assert_eq!(two, ["=a -*> b", "=c"]);
}
