//! The study pages rendered from the browser tests' fixture courses (`tests/browser/course`
//! and `tests/browser/course-ru`): structure, escaping, embedded data, the security policy,
//! localization. What the pages do when used is tested in a real browser by
//! `tests/browser/run.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use decksmith_html::{Assets, DeckSummary, FileLink, deck_files, file_label, index_file};
use decksmith_model::{ContentInput, Course, LoadOptions, SourceFile, load};
use decksmith_quiz::{Body, GenerateOptions, Generated, generate};
use sha2::{Digest, Sha256};

/// A fixture course from `tests/browser/`, loaded and generated with two variant forms.
fn fixture(name: &str) -> (Course, Generated) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/browser")
        .join(name);
    let read = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        SourceFile::new(path.display().to_string(), text)
    };
    let mut decks: Vec<SourceFile> = std::fs::read_dir(dir.join("decks"))
        .unwrap()
        .map(|e| read(&e.unwrap().path()))
        .collect();
    decks.sort_by_key(|f| f.path().to_owned());
    let input = ContentInput {
        course: read(&dir.join("course.yaml")),
        sources: read(&dir.join("sources.yaml")),
        decks,
    };
    let loaded = load(&input, &LoadOptions::default());
    let course = loaded
        .course
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let (generated, _) = generate(
        &course,
        &GenerateOptions {
            seed: None,
            variants: 2,
        },
    );
    (course, generated)
}

/// Every HTML page of a course, by path.
fn render(course: &Course, generated: &Generated) -> BTreeMap<String, String> {
    let assets = Assets::new();
    let mut out = BTreeMap::new();
    let mut summaries = Vec::new();
    for (deck, output) in course.decks.iter().zip(&generated.decks) {
        let files = deck_files(&assets, course, deck, output).unwrap();
        let mut links = Vec::new();
        for file in files {
            let name = file.path.rsplit('/').next().unwrap().to_owned();
            links.push(FileLink {
                label: file_label(&name, course),
                href: file.path.clone(),
            });
            out.insert(file.path, String::from_utf8(file.bytes).unwrap());
        }
        summaries.push(DeckSummary {
            deck,
            cards: output.cards.len(),
            questions: output.quiz.questions.len(),
            files: links,
        });
    }
    let index = index_file(&assets, course, &summaries).unwrap();
    out.insert(index.path, String::from_utf8(index.bytes).unwrap());
    out
}

/// The text between `start` (exclusive) and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Every start tag of a page (teacher text is escaped, so a `<` and a letter start a tag).
fn tags(page: &str) -> Vec<&str> {
    page.match_indices('<')
        .filter(|(i, _)| page[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(|(i, _)| &page[i..i + page[i..].find('>').unwrap_or(page.len() - i)])
        .collect()
}

fn page_data(page: &str) -> serde_json::Value {
    let json = between(
        page,
        r#"<script type="application/json" id="page-data">"#,
        "</script>",
    )
    .unwrap();
    serde_json::from_str(json).unwrap()
}

#[test]
fn every_deck_has_flashcards_a_quiz_and_a_page_per_variant_form() {
    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "basics/flashcards.html",
            "basics/quiz-A.html",
            "basics/quiz-B.html",
            "basics/quiz.html",
            "chronology/flashcards.html",
            "chronology/quiz-A.html",
            "chronology/quiz-B.html",
            "chronology/quiz.html",
            "index.html",
            "people/flashcards.html",
            "people/quiz-A.html",
            "people/quiz-B.html",
            "people/quiz.html",
        ]
    );
    // Each form links to every form, itself marked as the current one.
    let a = &pages["basics/quiz-A.html"];
    let nav = between(a, r#"<nav class="forms""#, "</nav>").unwrap();
    assert!(nav.contains(r#"<a href="quiz.html">Main</a>"#), "{nav}");
    assert!(nav.contains(r#"<a href="quiz-A.html" aria-current="page">A</a>"#));
    assert!(nav.contains(r#"<a href="quiz-B.html">B</a>"#));
}

#[test]
fn pages_are_self_contained_and_allow_only_their_own_style_and_script() {
    let (course, generated) = fixture("course");
    for (path, page) in render(&course, &generated) {
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{path}"
        );
        let policy = between(
            &page,
            r#"<meta http-equiv="Content-Security-Policy" content=""#,
            "\"",
        )
        .unwrap();
        assert!(
            policy.starts_with("default-src 'none'; "),
            "{path}: {policy}"
        );
        let style = between(&page, "<style>", "</style>").unwrap();
        assert!(
            policy.contains(&format!("style-src {};", hash(style))),
            "{path}"
        );
        match between(&page, "<script>", "</script>") {
            Some(script) => {
                assert!(
                    policy.contains(&format!("script-src {};", hash(script))),
                    "{path}"
                );
            }
            None => assert!(policy.contains("script-src 'none'"), "{path}"),
        }
        assert!(policy.contains("form-action 'none'"));
        // Nothing is loaded from anywhere: no src attributes, no stylesheet links, no
        // remote addresses but links to the sources.
        for tag in tags(&page) {
            assert!(!tag.contains(" src="), "{path}: {tag}");
            assert!(!tag.starts_with("<link"), "{path}: {tag}");
        }
        assert!(!page.contains("@import"), "{path}");
        assert!(!page.contains("url("), "{path}");
        for (i, _) in page.match_indices("://") {
            let i = page[..i]
                .rfind(|c: char| !c.is_ascii_alphabetic())
                .map_or(0, |j| j + 1);
            let before = &page[..i];
            assert!(
                before.ends_with("<a href=\""),
                "{path}: a remote address outside a link"
            );
        }
    }
}

#[test]
fn teacher_text_is_escaped_and_embedded_data_cannot_end_its_element() {
    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    for (path, page) in &pages {
        // Only our own elements: the page data and the page script.
        let scripts = page.matches("<script").count();
        let ends = page.matches("</script").count();
        let expected = if path == "index.html" { 0 } else { 2 };
        assert_eq!((scripts, ends), (expected, expected), "{path}");
        assert!(!page.contains("<!--"), "{path}");
        assert!(!page.contains("<img"), "{path}");
        assert!(!page.contains("<b>"), "{path}");
    }
    let cards = &pages["basics/flashcards.html"];
    assert!(cards.contains(r#"<p class="main">&#60;script&#62;alert(1)&#60;/script&#62;</p>"#));
    assert!(cards.contains(
        "<p class=\"main\">A term that looks like markup: &#60;img src=x onerror=alert(2)&#62; \
         and &#60;/script&#62;&#60;!-- too</p>"
    ));
    let index = &pages["index.html"];
    assert!(index.contains("<h1>Browser fixture &#60;course&#62; &#38; &#34;friends&#34;</h1>"));
    // The data reads back exactly, markup characters included.
    let data = page_data(cards);
    assert_eq!(
        data["store"],
        "decksmith:Browser fixture <course> & \"friends\":basics:flashcards"
    );
}

#[test]
fn every_card_and_question_is_findable_with_its_data() {
    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    for output in &generated.decks {
        let cards = &pages[&format!("{}/flashcards.html", output.deck)];
        assert_eq!(cards.matches("data-card=\"").count(), output.cards.len());
        for card in &output.cards {
            assert!(cards.contains(&format!("data-card=\"{}\"", card.id)));
            // Progress is kept under the GUID deck.apkg gives the card's note.
            assert!(cards.contains(&format!(
                "data-card=\"{}\" data-guid=\"{}\"",
                card.id,
                decksmith_quiz::guid::guid(&course.title, &output.deck, &card.id)
            )));
        }
        for form in std::iter::once(&output.quiz).chain(&output.variants) {
            let name = match &form.variant {
                Some(v) => format!("{}/quiz-{v}.html", output.deck),
                None => format!("{}/quiz.html", output.deck),
            };
            let page = &pages[&name];
            let data = page_data(page);
            let questions = data["questions"].as_array().unwrap();
            assert_eq!(questions.len(), form.questions.len(), "{name}");
            let mut at = 0;
            for (q, d) in form.questions.iter().zip(questions) {
                let tag = format!(
                    "data-question=\"{}\" data-kind=\"{}\"",
                    q.id,
                    q.kind().name()
                );
                let found = page[at..]
                    .find(&tag)
                    .unwrap_or_else(|| panic!("{name}: {tag}"));
                at += found;
                // The script checks against the same answer generation made.
                match &q.body {
                    Body::MultipleChoice(c) | Body::Who(c) => {
                        assert_eq!(d["kind"], "choice");
                        assert_eq!(d["answer"], c.answer);
                    }
                    Body::TrueFalse { answer, .. } => assert_eq!(d["answer"], *answer),
                    Body::Cloze(c) => {
                        let accept: Vec<Vec<String>> =
                            serde_json::from_value(d["accept"].clone()).unwrap();
                        let expected: Vec<Vec<String>> =
                            c.blanks.iter().map(|b| b.accept.clone()).collect();
                        assert_eq!(accept, expected);
                        assert_eq!(
                            page[at..]
                                .split("</section>")
                                .next()
                                .unwrap()
                                .matches("class=\"blank\"")
                                .count(),
                            c.blanks.len()
                        );
                    }
                    Body::Matching(m) => {
                        let pairs: Vec<Option<usize>> =
                            serde_json::from_value(d["pairs"].clone()).unwrap();
                        assert_eq!(pairs.len(), m.left.len());
                        for (l, r) in &m.pairs {
                            assert_eq!(pairs[*l], Some(*r));
                        }
                    }
                    Body::Timeline(t) => {
                        let order: Vec<usize> = serde_json::from_value(d["order"].clone()).unwrap();
                        assert_eq!(order, t.order);
                    }
                    Body::Flashcard { .. } => assert_eq!(d["kind"], "flashcard"),
                }
            }
        }
    }
}

#[test]
fn the_answer_key_gives_each_answer_in_question_order() {
    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    let chronology = &generated.decks[2];
    let page = &pages["chronology/quiz.html"];
    let key = between(page, r#"<ol class="key">"#, "</section>").unwrap();
    assert_eq!(
        key.matches("<li value=").count(),
        chronology.quiz.questions.len()
    );
    let items: Vec<&str> = key.split("<li value=\"").skip(1).collect();
    for (q, item) in chronology.quiz.questions.iter().zip(items) {
        assert!(item.starts_with(&format!("{}\">", q.number)));
        match &q.body {
            Body::Timeline(t) => {
                // Earliest first, each with its date.
                let mut last = 0;
                for &i in &t.order {
                    let line = format!("{}: {}", t.dates[i], t.items[i]);
                    let at = item
                        .find(&line)
                        .unwrap_or_else(|| panic!("{line} in {item}"));
                    assert!(at >= last);
                    last = at;
                }
            }
            Body::MultipleChoice(c) => {
                let letter = char::from(b'A' + c.answer as u8);
                assert!(
                    item.contains(&format!("{letter}. {}", c.options[c.answer])),
                    "{item}"
                );
            }
            Body::TrueFalse { answer, .. } => {
                assert!(
                    item.contains(if *answer { "True" } else { "False" }),
                    "{item}"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn text_in_another_language_is_marked() {
    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    let cards = &pages["basics/flashcards.html"];
    // A translation is a card of its own, its answer marked with its language.
    assert!(cards.contains(r#"<p class="main" lang="ru">Рабочая группа открытого состава</p>"#));
    let (course, generated) = fixture("course-ru");
    let pages = render(&course, &generated);
    let cards = &pages["glossary/flashcards.html"];
    assert!(cards.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert!(cards.contains(r#"<p class="main" lang="en">Open-Ended Working Group</p>"#));
}

#[test]
fn the_interface_speaks_the_course_language_with_its_overrides() {
    let (course, generated) = fixture("course-ru");
    let pages = render(&course, &generated);
    let index = &pages["index.html"];
    assert!(
        index.contains("<p class=\"counts\">16 карточек · "),
        "{index}"
    );
    assert!(index.contains(">Карточки</a>"));
    let cards = &pages["glossary/flashcards.html"];
    assert!(
        cards.contains(">Перевернуть карточку</button>"),
        "the course's override"
    );
    assert!(cards.contains(">Перемешать</button>"));
    assert_eq!(
        page_data(cards)["strings"]["ui.card-of"],
        "Карточка {n} из {total}"
    );
    let quiz = &pages["glossary/quiz.html"];
    assert!(quiz.contains(">Проверить все</button>"));

    let (course, generated) = fixture("course");
    let pages = render(&course, &generated);
    assert!(pages["basics/quiz.html"].contains(">Check all answers</button>"));
    assert!(pages["basics/flashcards.html"].contains(">Flip</button>"));
}

#[test]
fn rendering_is_deterministic() {
    let (course, generated) = fixture("course");
    assert_eq!(render(&course, &generated), render(&course, &generated));
}

#[test]
fn the_content_readme_lists_every_interface_string_with_its_defaults() {
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/README.md"),
    )
    .unwrap();
    for (key, en, ru) in decksmith_html::strings::UI_STRINGS {
        let row = format!(
            "| `{key}` | {} | {} |",
            en.replace('|', "\\|"),
            ru.replace('|', "\\|")
        );
        assert!(
            readme.contains(&row),
            "content/README.md lacks the row {row}"
        );
    }
}

/// The quoted `ui.*` keys in a text.
fn ui_keys(text: &str) -> Vec<String> {
    text.match_indices("\"ui.")
        .filter_map(|(i, _)| {
            let rest = &text[i + 1..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

#[test]
fn templates_and_scripts_use_only_strings_that_exist() {
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let known: Vec<&str> = decksmith_html::strings::UI_STRINGS
        .iter()
        .map(|(key, ..)| *key)
        .collect();
    let script_keys = decksmith_html::strings::SCRIPT_KEYS;
    let mut files = vec![templates.join("flashcards.js"), templates.join("quiz.js")];
    for dir in [templates.clone(), templates.join("question")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                files.push(path);
            }
        }
    }
    let mut seen = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let script = path.extension().is_some_and(|e| e == "js");
        for key in ui_keys(&text) {
            seen += 1;
            if script {
                assert!(
                    script_keys.contains(&key.as_str()),
                    "{}: {key} is not given to the scripts",
                    path.display()
                );
            } else {
                assert!(
                    known.contains(&key.as_str()),
                    "{}: unknown {key}",
                    path.display()
                );
            }
        }
    }
    assert!(seen > 50);
}
