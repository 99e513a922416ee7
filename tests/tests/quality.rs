//! An item-quality lint over every generated question and card of the bundled course and of
//! the fixture courses, written apart from the generator: it reads the questions as a
//! teacher would and fails on anything a teacher would have to edit.
//!
//! Per question: the options are distinct, exactly one is the answer, all in the answer's
//! script and (for generated options) of the answer's type; no option stands in the
//! question, no wrong option repeats the question's words, the answer is not by far the
//! longest; the explanation is more than the answer and more than the statement, never
//! "The answer is …"; no doubled punctuation; date spans written as people write them. Per
//! quiz: no answer appears in another question's text. Per card: one short answer (20 words
//! at most), no front that shows its answer, no two cards of a course with the same front.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use decksmith::content::{ContentDir, read_content};
use decksmith_model::{Course, EntryKind, load};
use decksmith_quiz::values::{Pools, ValueType, text};
use decksmith_quiz::{Body, Card, GenerateOptions, Question, generate};
use decksmith_tests::repo;

/// Words of a text, lowercase, for comparing as a teacher would (punctuation and articles
/// aside).
fn words(text: &str) -> String {
    decksmith_model::names::comparable(text)
}

/// Whether `needle` stands in `hay` as whole words.
fn stands_in(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (format!(" {} ", words(hay)), format!(" {} ", words(needle)));
    needle.trim().chars().count() >= 3 && hay.contains(&needle)
}

fn content_words(text: &str) -> Vec<String> {
    text::content_words(text)
}

/// The words of the generator's fixed question wording, in both languages.
fn template_words() -> Vec<String> {
    decksmith_quiz::phrases::PHRASES
        .iter()
        .filter(|(key, ..)| key.starts_with("q."))
        .flat_map(|(_, en, ru)| [*en, *ru])
        .flat_map(|t| content_words(&t.replace(['{', '}'], " ")))
        .collect()
}

/// Types that share a pool: a full name may be an organization's or an acronym's expansion;
/// a term may be an acronym or a title.
fn family(ty: ValueType) -> String {
    match ty {
        ValueType::Organization | ValueType::Expansion => "full-name".into(),
        ValueType::Term | ValueType::Acronym | ValueType::Title => "term".into(),
        ValueType::Year | ValueType::Date | ValueType::Month => "time".into(),
        ValueType::Place(_) => "place".into(),
        other => format!("{other:?}"),
    }
}

struct Lint<'c> {
    course: &'c Course,
    pools: Pools<'c>,
    problems: Vec<String>,
    /// Whether every matching and timeline must have an explanation.
    sets_explained: bool,
}

impl Lint<'_> {
    fn flag(&mut self, q: &Question, what: String) {
        self.problems.push(format!("{}: {what}", q.id));
    }

    fn hand_written(&self, q: &Question) -> bool {
        self.course
            .entry(&q.entry)
            .is_some_and(|(_, e)| matches!(e.kind, EntryKind::Question(_)))
    }

    /// The entry's own wrong options for a blank, which the teacher vouches for.
    fn teacher_options(&self, q: &Question) -> Vec<String> {
        match self.course.entry(&q.entry).map(|(_, e)| &e.kind) {
            Some(EntryKind::Fact(f)) => f
                .cloze
                .blanks()
                .flat_map(|b| b.distractors.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the teacher gave the blanks of the question's fact a type.
    fn typed_by_teacher(&self, q: &Question) -> bool {
        match self.course.entry(&q.entry).map(|(_, e)| &e.kind) {
            Some(EntryKind::Fact(f)) => f.cloze.blanks().any(|b| b.kind.is_some()),
            _ => false,
        }
    }

    fn choice(&mut self, q: &Question, prompt: &str, options: &[String], answer: usize) {
        self.options_apart(q, prompt, options, answer);
        self.wrong_options_fit(q, prompt, options, answer);
        self.answer_stands_out(q, prompt, options, answer);
    }

    /// Options given once each (loosely), in the answer's script, none standing in the
    /// question.
    fn options_apart(&mut self, q: &Question, prompt: &str, options: &[String], answer: usize) {
        let right = &options[answer];
        let mut seen = BTreeMap::new();
        for o in options {
            if seen.insert(words(o), ()).is_some() {
                self.flag(
                    q,
                    format!("option {o:?} is given twice (loosely): {options:?}"),
                );
            }
            if !text::same_script(o, right) {
                self.flag(
                    q,
                    format!("option {o:?} is in another script than {right:?}"),
                );
            }
            if stands_in(prompt, o) {
                self.flag(q, format!("option {o:?} stands in the question {prompt:?}"));
            }
        }
    }

    /// Generated wrong options of the answer's type (a person's position among positions),
    /// repeating no word of the question.
    fn wrong_options_fit(&mut self, q: &Question, prompt: &str, options: &[String], answer: usize) {
        let right = &options[answer];
        let teacher = self.hand_written(q);
        let given = self.teacher_options(q);
        let own = content_words(right);
        // The question's fixed wording ("Which organization does this describe?") is no
        // cue: only the words of its content count.
        let fixed = template_words();
        let stem: Vec<String> = content_words(prompt)
            .into_iter()
            .filter(|w| !own.contains(w) && !fixed.contains(w))
            .collect();
        // A position is offered among other people's positions, whatever their shape
        // ("Commander of Apollo 13" is no number).
        let roles: Vec<&str> = if q.id.ends_with(":multiple-choice:role") {
            self.course
                .decks
                .iter()
                .flat_map(|d| &d.entries)
                .filter_map(|e| match &e.kind {
                    EntryKind::Person(p) => Some(p.role.as_str()),
                    _ => None,
                })
                .collect()
        } else {
            Vec::new()
        };
        for (i, o) in options.iter().enumerate() {
            if i == answer || teacher || given.contains(o) {
                continue;
            }
            if !roles.is_empty() {
                if !roles.contains(&o.as_str()) {
                    self.flag(q, format!("option {o:?} is no person's position"));
                }
                continue;
            }
            let (a, b) = (
                family(self.pools.classify(right)),
                family(self.pools.classify(o)),
            );
            if a != b && !self.typed_by_teacher(q) {
                self.flag(
                    q,
                    format!("option {o:?} ({b}) is not of the answer's type ({a})"),
                );
            }
            if content_words(o).iter().any(|w| stem.contains(w)) {
                self.flag(q, format!("option {o:?} repeats a word of the question"));
            }
        }
    }

    /// The answer is not the only option sharing the question's words, nor by far the
    /// longest.
    fn answer_stands_out(&mut self, q: &Question, prompt: &str, options: &[String], answer: usize) {
        let right = &options[answer];
        let fixed = template_words();
        // The answer is not the only option sharing the question's words.
        let content: Vec<String> = content_words(prompt)
            .into_iter()
            .filter(|w| !fixed.contains(w))
            .collect();
        let shared = |o: &str| content_words(o).iter().any(|w| content.contains(w));
        if shared(right)
            && !options
                .iter()
                .enumerate()
                .any(|(i, o)| i != answer && shared(o))
        {
            let words: Vec<String> = content_words(right)
                .into_iter()
                .filter(|w| content.contains(w))
                .collect();
            self.flag(
                q,
                format!(
                    "the answer is the only option that repeats a word of the question: {words:?}"
                ),
            );
        }
        let len = |s: &str| s.chars().count();
        let longest = options
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != answer)
            .map(|(_, o)| len(o))
            .max()
            .unwrap_or(0);
        if len(right) * 2 >= longest * 3 && len(right) >= longest + 12 {
            self.flag(
                q,
                format!("the answer is by far the longest option: {options:?}"),
            );
        }
    }

    fn explanation(&mut self, q: &Question, answer: &str, statement: &str) {
        let e = q.explanation.trim();
        if e.is_empty() {
            self.flag(q, "no explanation".into());
            return;
        }
        if e.starts_with("The answer is") || e.starts_with("Ответ:") {
            self.flag(q, format!("the explanation only gives the answer: {e:?}"));
        }
        if e.chars().count() <= answer.chars().count() + 8 {
            self.flag(
                q,
                format!("the explanation {e:?} is no more than the answer {answer:?}"),
            );
        }
        if !statement.is_empty() && words(e) == words(statement) {
            self.flag(
                q,
                format!("the explanation only repeats the statement: {e:?}"),
            );
        }
    }

    /// A set's explanation (a matching's, a timeline's) says more than its items, which the
    /// key already shows; in the bundled course, whose teacher says more of every set,
    /// something.
    fn set_explanation(&mut self, q: &Question, items: &[String]) {
        let e = q.explanation.trim();
        if e.is_empty() {
            if self.sets_explained {
                self.flag(q, "no explanation".into());
            }
        } else if words(e) == words(&items.join(" ")) {
            self.flag(q, format!("the explanation only lists the items: {e:?}"));
        }
    }

    fn punctuation(&mut self, q: &Question, text: &str) {
        // A quotation that ends with its own mark, then the question's: "«Поехали!»?".
        for doubled in [
            "?”?", ".”?", "!”?", "??", ".?", "?.", "..", ":?", "?»?", ".»?", "!»?",
        ] {
            if text.contains(doubled) {
                self.flag(q, format!("doubled punctuation {doubled:?} in {text:?}"));
            }
        }
    }

    fn question(&mut self, q: &Question) {
        match &q.body {
            Body::MultipleChoice(c) | Body::Who(c) => {
                if c.options
                    .iter()
                    .filter(|o| words(o) == words(&c.options[c.answer]))
                    .count()
                    != 1
                {
                    self.flag(
                        q,
                        format!("the answer is not exactly one option: {:?}", c.options),
                    );
                }
                self.choice(q, &c.prompt, &c.options, c.answer);
                self.explanation(q, &c.options[c.answer], "");
                self.punctuation(q, &c.prompt);
            }
            Body::Cloze(c) => {
                let answers: Vec<&str> = c.blanks.iter().map(|b| b.answer.as_str()).collect();
                for a in &answers {
                    if stands_in(&c.text, a) {
                        self.flag(
                            q,
                            format!("the answer {a:?} stands in the sentence {:?}", c.text),
                        );
                    }
                }
                let mut full = c.text.clone();
                for a in &answers {
                    full = full.replacen("____", a, 1);
                }
                self.explanation(q, &answers.join(" "), &full);
                self.punctuation(q, &c.text);
            }
            Body::TrueFalse { statement, answer } => {
                self.explanation(q, if *answer { "True" } else { "False" }, statement);
                self.punctuation(q, statement);
                let e = &q.explanation;
                if !(*answer || e.starts_with("False") || e.starts_with("Неверно")) {
                    self.flag(
                        q,
                        format!("a false statement's explanation does not say so: {e:?}"),
                    );
                }
            }
            Body::Timeline(t) => {
                for d in &t.dates {
                    self.span(q, d);
                }
                self.set_explanation(q, &t.items);
            }
            Body::Matching(m) => self.set_explanation(q, &m.left),
            Body::Flashcard { .. } => {}
        }
        self.span(q, &q.explanation);
    }

    /// A span within one month or year is written once: "21–27 December 1968", not
    /// "21 December 1968 – 27 December 1968".
    fn span(&mut self, q: &Question, text: &str) {
        let parts: Vec<&str> = text.split(" – ").collect();
        for pair in parts.windows(2) {
            fn tail(s: &str) -> Vec<&str> {
                s.split_whitespace().rev().take(2).collect()
            }
            let (a, b) = (tail(pair[0]), tail(pair[1]));
            if a.len() == 2 && a == b && a[0].chars().all(|c| c.is_ascii_digit()) {
                self.flag(q, format!("a span repeats its month and year: {text:?}"));
            }
        }
    }

    /// No question's answer is printed in another question of the same quiz.
    fn quiz(&mut self, questions: &[Question]) {
        let answers = |q: &Question| -> Vec<String> {
            match &q.body {
                Body::MultipleChoice(c) | Body::Who(c) => vec![c.options[c.answer].clone()],
                Body::Cloze(c) => c.blanks.iter().map(|b| b.answer.clone()).collect(),
                _ => Vec::new(),
            }
        };
        let shown = |q: &Question| -> String {
            match &q.body {
                Body::MultipleChoice(c) | Body::Who(c) => c.prompt.clone(),
                Body::Cloze(c) => c.text.clone(),
                Body::TrueFalse { statement, .. } => statement.clone(),
                Body::Flashcard { front, .. } => front.clone(),
                Body::Matching(m) => format!("{} {}", m.left.join(" "), m.right.join(" ")),
                Body::Timeline(t) => t.items.join(" "),
            }
        };
        for q in questions {
            for answer in answers(q).iter().filter(|a| a.chars().count() >= 5) {
                for other in questions.iter().filter(|o| o.id != q.id) {
                    if stands_in(&shown(other), answer) {
                        self.flag(
                            q,
                            format!("its answer {answer:?} is printed in question {}", other.id),
                        );
                    }
                }
            }
        }
    }

    fn cards(&mut self, cards: &[Card], fronts: &mut BTreeMap<String, String>) {
        for card in cards.iter().filter(|c| !c.reverse) {
            let back = decksmith_quiz::cards::back_words(&card.back);
            if back > 20 {
                self.problems
                    .push(format!("card {}: {back} words on its back", card.id));
            }
            if stands_in(&card.front.plain(), &card.back.text) {
                self.problems
                    .push(format!("card {}: the front shows the answer", card.id));
            }
            if let Some(other) = fronts.insert(words(&card.front.plain()), card.id.clone()) {
                self.problems.push(format!(
                    "card {}: the same front as card {other}: {:?}",
                    card.id,
                    card.front.plain()
                ));
            }
        }
    }
}

fn lint(dir: &str) -> Vec<String> {
    lint_with(dir, false)
}

/// The problems a teacher would find in the course in `dir`; with `sets_explained`, a
/// matching or timeline without an explanation is one.
fn lint_with(dir: &str, sets_explained: bool) -> Vec<String> {
    let input = read_content(&ContentDir::new(repo().join(dir))).unwrap();
    let loaded = load(&input, &decksmith::build::load_options());
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.diagnostics.render()
    );
    let course = loaded.course.unwrap();
    let (generated, _) = generate(
        &course,
        &GenerateOptions {
            seed: None,
            variants: 1,
        },
    );
    let mut lint = Lint {
        course: &course,
        pools: Pools::new(&course),
        problems: Vec::new(),
        sets_explained,
    };
    let mut fronts = BTreeMap::new();
    for deck in &generated.decks {
        for quiz in std::iter::once(&deck.quiz).chain(&deck.variants) {
            for q in &quiz.questions {
                lint.question(q);
            }
            lint.quiz(&quiz.questions);
        }
        lint.cards(&deck.cards, &mut fronts);
    }
    let mut problems = lint.problems;
    problems.sort();
    problems.dedup();
    problems
}

#[test]
fn the_bundled_course_has_no_item_a_teacher_would_edit() {
    let problems = lint_with("content", true);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_fixture_courses_have_no_item_a_teacher_would_edit() {
    for dir in [
        "tests/fixtures/course",
        "tests/fixtures/space",
        "tests/browser/course",
        "tests/browser/course-ru",
    ] {
        let problems = lint(dir);
        assert!(
            problems.is_empty(),
            "{dir}: {} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
