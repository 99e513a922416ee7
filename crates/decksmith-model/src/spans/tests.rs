use super::*;

fn index(text: &str) -> SpanIndex {
    SpanIndex::build(&SourceFile::new("t.yaml", text))
}

/// A path written as `entries[0].source.id`, for keys without dots.
fn p(text: &str) -> Path {
    let mut path = Path::root();
    for part in text.split('.').filter(|part| !part.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|key| !key.is_empty()) {
            path = path.key(key);
        }
        for index in pieces {
            path = path.index(index.trim_end_matches(']').parse().unwrap());
        }
    }
    path
}

#[test]
fn finds_keys_and_values_by_path() {
    let idx = index(
        "title: Deck\nentries:\n  - term: OEWG\n    source: { id: news, quote: \"x\" }\n  - fact: y\n",
    );
    assert_eq!(idx.get(&p("title")).unwrap().value.pos, Pos::new(1, 8));
    assert_eq!(
        idx.get(&p("title")).unwrap().key.unwrap().pos,
        Pos::new(1, 1)
    );
    assert_eq!(idx.get(&p("entries[0]")).unwrap().value.pos, Pos::new(3, 5));
    assert_eq!(
        idx.get(&p("entries[0].term")).unwrap().value.pos,
        Pos::new(3, 11)
    );
    assert_eq!(idx.get(&p("entries[0].term")).unwrap().value.width, 4);
    assert_eq!(
        idx.get(&p("entries[0].source.id")).unwrap().value.pos,
        Pos::new(4, 19)
    );
    assert_eq!(
        idx.get(&p("entries[1].fact")).unwrap().key.unwrap().pos,
        Pos::new(5, 5)
    );
}

#[test]
fn missing_paths_fall_back_to_the_nearest_parent() {
    let idx = index("entries:\n  - term: x\n");
    assert_eq!(idx.value(&p("entries[0].meaning")).pos, Pos::new(2, 5));
    assert_eq!(idx.value(&p("nothing.here")).pos, Pos::new(1, 1));
    assert_eq!(p("entries[0].source.id").parent(), p("entries[0].source"));
    assert_eq!(p("entries[0]").parent(), p("entries"));
    assert_eq!(p("entries").parent(), Path::root());
}

#[test]
fn a_key_with_dots_is_one_key() {
    let idx = index("strings:\n  q.expansion: [a]\n  q:\n    other: b\n");
    let dotted = Path::top("strings").key("q.expansion");
    assert_eq!(idx.get(&dotted).unwrap().value.pos, Pos::new(2, 16));
    assert_eq!(
        idx.value(&dotted.index(5)).pos,
        Pos::new(2, 16),
        "a missing item falls back to the dotted key, not to `strings.q`"
    );
    assert!(idx.get(&p("strings.q.expansion")).is_none());
    assert_eq!(dotted.to_string(), "strings.\"q.expansion\"");
    assert_eq!(dotted.index(1).up_to_last_key(), dotted);
    assert_eq!(dotted.last_key(), Some("q.expansion"));
}

#[test]
fn duplicate_keys_are_recorded() {
    let idx = index("a: 1\nb:\n  c: 1\n  c: 2\n");
    assert_eq!(
        idx.duplicates(),
        &[Duplicate {
            path: p("b.c"),
            first: Place {
                pos: Pos::new(3, 3),
                width: 1
            },
            second: Place {
                pos: Pos::new(4, 3),
                width: 1
            },
        }]
    );
}

#[test]
fn complex_keys_and_aliases_do_not_confuse_the_walk() {
    let idx = index("? [a, b]\n: skipped\nx: &v 1\ny: *v\nz: [1, {k: 2}]\n");
    assert!(idx.get(&p("x")).is_some());
    assert_eq!(idx.get(&p("y")).unwrap().value.pos, Pos::new(4, 4));
    assert_eq!(idx.get(&p("z[1].k")).unwrap().value.pos, Pos::new(5, 12));
}

#[test]
fn a_hash_that_cuts_an_unquoted_text_short_is_recorded_where_it_is() {
    let idx = index(
        "a: Лекция #3 и далее\nb: fine # a comment\nc: \"quoted\" #x\nd: C# stays\ne:\n  - x #y\n",
    );
    assert_eq!(
        idx.cut_texts(),
        &[
            CutText {
                place: Place {
                    pos: Pos::new(1, 11),
                    width: 10
                },
                text: "Лекция".into(),
                comment: "#3 и далее".into(),
            },
            CutText {
                place: Place {
                    pos: Pos::new(6, 7),
                    width: 2
                },
                text: "x".into(),
                comment: "#y".into(),
            },
        ]
    );
}
