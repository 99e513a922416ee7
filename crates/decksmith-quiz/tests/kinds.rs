//! Each kind of question and card, on the faults a teacher's review found: wrong options of
//! another type, nonsense or true "false" statements, two right answers, giveaways,
//! explanations that only repeat the answer, awkward wording, cards that ask several things.
//! Small courses as YAML, and what must (not) be generated from them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decksmith_model::{
    ContentInput, Course, Diagnostic, LoadOptions, QuestionKind, SourceFile, load,
};
use decksmith_quiz::values::text::{Script, script};
use decksmith_quiz::{Body, DropKind, GenerateOptions, Generated, Question, generate};

const SOURCES: &str = "sources:\n  - id: s\n    title: S\n    kind: other\n  - id: t\n    title: T\n    kind: other\n";

/// A course of one deck whose entries are `entries` (YAML, indented as list items) and
/// whose quiz asks `kinds`; `course_extra` is added to course.yaml.
fn course(course_extra: &str, entries: &str, quiz: &str) -> Course {
    course_of(
        course_extra,
        &[("d", &format!("title: D\nentries:\n{entries}quiz:\n{quiz}"))],
    )
}

fn course_of(course_extra: &str, decks: &[(&str, &str)]) -> Course {
    let input = ContentInput {
        course: SourceFile::new("course.yaml", format!("title: C\nseed: 5\n{course_extra}")),
        sources: SourceFile::new("sources.yaml", SOURCES),
        decks: decks
            .iter()
            .map(|(id, text)| SourceFile::new(format!("decks/{id}.yaml"), *text))
            .collect(),
    };
    let loaded = load(&input, &LoadOptions::default());
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.diagnostics.render()
    );
    loaded.course.unwrap()
}

fn run(course: &Course) -> (Generated, Vec<Diagnostic>) {
    generate(course, &GenerateOptions::default())
}

/// The course generated with another seed than its own.
fn run_seed(course: &Course, seed: u64) -> Generated {
    let options = GenerateOptions {
        seed: Some(seed),
        ..GenerateOptions::default()
    };
    generate(course, &options).0
}

fn questions(generated: &Generated) -> Vec<&Question> {
    generated
        .decks
        .iter()
        .flat_map(|d| &d.quiz.questions)
        .collect()
}

fn find<'a>(generated: &'a Generated, id: &str) -> Option<&'a Question> {
    questions(generated).into_iter().find(|q| q.id == id)
}

fn options(q: &Question) -> &[String] {
    match &q.body {
        Body::MultipleChoice(c) | Body::Who(c) => &c.options,
        _ => panic!("{} has no options", q.id),
    }
}

fn dropped(generated: &Generated, id: &str) -> Option<DropKind> {
    generated
        .reports
        .iter()
        .flat_map(|r| &r.dropped)
        .find(|d| d.question == id)
        .map(|d| d.kind)
}

const PEOPLE: &str = "  - person: Ann Archer\n    role: Chair of the first panel\n    source: s\n  - person: Bob Baker\n    role: Head of the second office\n    source: s\n  - person: Cy Cole\n    role: Director of the third agency\n    source: s\n  - person: Di Dunn\n    role: Envoy to the fourth summit\n    source: s\n";

#[test]
fn a_month_is_offered_among_months_only() {
    let c = course(
        "",
        "  - fact: Sources expected the General Assembly to vote on the draft in {December}.\n    id: f\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "f:multiple-choice:blank-1").expect("a question on the month");
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    assert!(
        options(q).iter().all(|o| months.contains(&o.as_str())),
        "{:?}",
        options(q)
    );
}

#[test]
fn a_course_names_months_and_writes_dates_its_own_way() {
    let months = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let mut strings =
        String::from("language: de\nstrings:\n  date.day: \"{day}. {month} {year}\"\n");
    for (i, month) in months.iter().enumerate() {
        strings.push_str(&format!("  month.{}: {month}\n", i + 1));
    }
    let c = course(
        &strings,
        "  - fact: Die Generalversammlung sollte im {Dezember} abstimmen.\n    id: f\n    source: s\n  - event: Die Gruppe tagte zum ersten Mal.\n    date: 2021-06-16\n    id: e\n    source: s\n",
        "  questions: 2\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "f:multiple-choice:blank-1").expect("a question on the month");
    assert!(
        options(q).iter().all(|o| months.contains(&o.as_str())),
        "{:?}",
        options(q)
    );
    let cards = &g.decks[0].cards;
    let event = cards
        .iter()
        .find(|c| c.entry == "e")
        .expect("the event's card");
    assert_eq!(event.back.text, "16. Juni 2021");
}

#[test]
fn a_free_phrase_is_asked_typed_and_never_among_other_phrases() {
    let c = course(
        "",
        "  - fact: The article sees the two states as the {most active} players.\n    id: f\n    source: s\n  - fact: Tensions had been rising because of {human rights} disputes.\n    id: g\n    source: s\n  - fact: The norms must be made {actionable} at last.\n    id: h\n    source: s\n  - fact: The brief calls for a {legal basis} of cooperation.\n    id: i\n    source: s\n",
        "  questions: 4\n  kinds: [multiple-choice, cloze, true-false]\n",
    );
    let (g, _) = run(&c);
    for q in questions(&g) {
        assert!(
            matches!(q.body, Body::Cloze(_)),
            "{}: only typed answers",
            q.id
        );
    }
    assert_eq!(
        dropped(&g, "f:multiple-choice:blank-1"),
        Some(DropKind::NoOptions)
    );
    assert_eq!(dropped(&g, "f:true-false"), Some(DropKind::NoSwap));
}

#[test]
fn the_teachers_wrong_options_and_classes_are_used_but_not_for_a_list_item() {
    let c = course(
        "classes:\n  malware: [TrickBot, Emotet, Zeus, WannaCry]\n",
        "  - fact: Moscow thwarted a group using the {TrickBot} banking trojan.\n    id: f\n    source: s\n  - fact: The US named Evil Corp, Conti and {REvil}.\n    id: g\n    blanks: { REvil: [DarkSide, LockBit, Clop] }\n    source: s\n  - fact: The groups named were Emotet, Zeus and {WannaCry}.\n    id: h\n    source: s\n",
        "  questions: 3\n  kinds: [multiple-choice]\n  options: 3\n",
    );
    let (g, _) = run(&c);
    let f = find(&g, "f:multiple-choice:blank-1").expect("class values as options");
    assert!(
        options(f)
            .iter()
            .all(|o| ["TrickBot", "Emotet", "Zeus", "WannaCry"].contains(&o.as_str())),
        "{:?}",
        options(f)
    );
    let given = find(&g, "g:multiple-choice:blank-1").expect("the teacher's options");
    assert!(
        options(given)
            .iter()
            .all(|o| ["REvil", "DarkSide", "LockBit", "Clop"].contains(&o.as_str()))
    );
    // "Emotet, Zeus and ____": another malware could belong to the list too.
    assert_eq!(
        dropped(&g, "h:multiple-choice:blank-1"),
        Some(DropKind::TwoRight)
    );
}

#[test]
fn options_fit_the_article_before_the_blank() {
    let c = course(
        "classes:\n  fruit: [apple, orange, banana, pear, plum, olive]\n",
        "  - fact: She packed an {apple} for the trip.\n    id: f\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n  options: 3\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "f:multiple-choice:blank-1").expect("made");
    assert!(
        options(q)
            .iter()
            .all(|o| o.starts_with(['a', 'e', 'i', 'o', 'u'])),
        "\"an ____\" takes vowel sounds only: {:?}",
        options(q)
    );
}

#[test]
fn options_never_mix_scripts() {
    let c = course(
        "",
        "  - term: cybersecurity\n    meaning: Protection of networks against attacks\n    translation: { ru: кибербезопасность }\n    source: s\n  - term: malware\n    meaning: Software made to do harm\n    translation: { ru: вредоносное ПО }\n    source: s\n  - term: attribution\n    meaning: Finding who is behind an incident\n    translation: { ru: атрибуция }\n    source: s\n  - term: ransomware\n    meaning: Software that locks data for a ransom\n    translation: { ru: программа-вымогатель }\n    source: s\n  - term: hate speech\n    meaning: Speech that stirs up hatred against a group\n    translation: { ru: язык вражды }\n    source: s\n  - term: digital divide\n    meaning: The gap in access to computers and the internet\n    translation: { ru: цифровое неравенство }\n    source: s\n",
        "  questions: 8\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    let mut seen = 0;
    for q in questions(&g) {
        let o = options(q);
        let want = script(&o[0]);
        assert!(o.iter().all(|x| script(x) == want), "{:?}", o);
        seen += usize::from(want == Script::Cyrillic);
    }
    assert!(seen > 0, "some translation questions were made");
}

#[test]
fn a_bound_is_never_swapped_nor_offered_with_wrong_numbers() {
    let c = course(
        "",
        "  - fact: The forum drew more than {300} participants.\n    id: f\n    source: s\n  - fact: Participants came from over {40} countries.\n    id: g\n    source: s\n  - fact: Russia has called for such rules since {1998}.\n    id: h\n    source: s\n  - fact: Exactly {107} countries co-sponsored the draft.\n    id: i\n    source: s\n",
        "  questions: 4\n  kinds: [multiple-choice, true-false, cloze]\n",
    );
    let (g, _) = run(&c);
    for id in ["f", "g", "h"] {
        assert_eq!(
            dropped(&g, &format!("{id}:multiple-choice:blank-1")),
            Some(DropKind::NoOptions),
            "{id}"
        );
        assert_eq!(
            dropped(&g, &format!("{id}:true-false")),
            Some(DropKind::NoSwap),
            "{id}"
        );
    }
    // An exact number is fair game: its false twin is certainly false.
    assert!(dropped(&g, "i:true-false").is_none());
}

#[test]
fn an_explanation_says_what_the_wrong_options_are() {
    let people = [
        ("Ann Lee", "Chair of the board"),
        ("Bo Chen", "Head of research"),
        ("Cy Diaz", "Director of studies"),
        (
            "Di Eve",
            "Treasurer of the society, elected three times by the members for her careful accounts",
        ),
        ("Ed Fox", "Editor of the journal"),
    ];
    let entries: String = people
        .iter()
        .map(|(n, r)| format!("  - person: {n}\n    role: {r}\n    source: s\n"))
        .collect();
    // One question a quiz: in a longer one, what an explanation says of the wrong options is
    // left out where it gives another question's answer (see
    // `an_explanation_never_gives_another_questions_answer`).
    let quizzes: Vec<Generated> = ["multiple-choice", "who"]
        .iter()
        .map(|kind| {
            let c = course(
                "",
                &entries,
                &format!("  questions: 1\n  kinds: [{kind}]\n"),
            );
            run(&c).0
        })
        .collect();
    let (mut positions, mut people_asked) = (0, 0);
    for q in quizzes.iter().flat_map(questions) {
        match &q.body {
            // Positions: whose they are, every one of them.
            Body::MultipleChoice(choice) => {
                let others: Vec<&str> = people
                    .iter()
                    .filter(|(_, r)| {
                        choice
                            .options
                            .iter()
                            .enumerate()
                            .any(|(i, o)| i != choice.answer && o == r)
                    })
                    .map(|(n, _)| *n)
                    .collect();
                assert_eq!(others.len(), choice.options.len() - 1);
                assert!(
                    q.explanation.contains("The other positions are those of"),
                    "{}",
                    q.explanation
                );
                assert!(
                    others.iter().all(|n| q.explanation.contains(n)),
                    "{}",
                    q.explanation
                );
                positions += 1;
            }
            // People: each one's position, unless it is too long to add.
            Body::Who(choice) => {
                assert!(
                    q.explanation.contains("Of the other options: "),
                    "{}",
                    q.explanation
                );
                for (i, name) in choice.options.iter().enumerate() {
                    if i == choice.answer {
                        continue;
                    }
                    let (_, role) = people.iter().find(|(n, _)| n == name).unwrap();
                    let said = q.explanation.contains(&format!("{name}: {role}"));
                    assert_eq!(
                        said,
                        role.split_whitespace().count() <= 12,
                        "{name} in {}",
                        q.explanation
                    );
                }
                people_asked += 1;
            }
            _ => {}
        }
    }
    assert!(
        positions > 0 && people_asked > 0,
        "{positions} and {people_asked} questions checked"
    );
}

#[test]
fn a_name_given_with_its_years_is_never_swapped_nor_offered_among_other_names() {
    let orgs = [
        "Open-ended Working Group",
        "Group of Governmental Experts",
        "First Committee",
        "Security Council",
        "General Assembly",
    ];
    let mut entries: String = orgs
        .iter()
        .map(|o| format!("  - organization: {o}\n    description: A body of the UN named {o}\n    source: s\n"))
        .collect();
    entries.push_str("  - fact: The work of the 2021–2025 {Open-ended Working Group} was praised.\n    id: f\n    source: s\n  - fact: The {Open-ended Working Group} met in New York.\n    id: g\n    source: s\n");
    let c = course(
        "",
        &entries,
        "  questions: 4\n  kinds: [multiple-choice, true-false, cloze]\n",
    );
    let (g, _) = run(&c);
    // "The 2021–2025 Security Council" would be nonsense, not a false statement.
    assert_eq!(
        dropped(&g, "f:multiple-choice:blank-1"),
        Some(DropKind::NoOptions)
    );
    assert_eq!(dropped(&g, "f:true-false"), Some(DropKind::NoSwap));
    // Without the years, other bodies are fair wrong options.
    assert!(dropped(&g, "g:multiple-choice:blank-1").is_none());
}

#[test]
fn a_false_statement_keeps_case_and_its_explanation_gives_the_true_one() {
    use decksmith_quiz::kinds::{Ctx, truefalse};
    use decksmith_quiz::phrases::{PHRASES, Phrasebook};
    use decksmith_quiz::values::Pools;
    let c = course(
        "classes:\n  group: [REvil, Evil Corp, TrickBot, DarkSide]\n",
        "  - fact: The materials concerned the group {REvil}.\n    id: f\n    source: s\n",
        "  questions: 1\n  kinds: [true-false]\n",
    );
    let pools = Pools::new(&c);
    let phrases = Phrasebook::new(PHRASES, "en", &c.strings);
    let deck = &c.decks[0];
    let mut ctx = Ctx {
        course: &c,
        deck,
        pools: &pools,
        phrases: &phrases,
        seed: 3,
        distractors: 3,
        warnings: Vec::new(),
        dropped: Vec::new(),
        sites: Default::default(),
        sayings: Default::default(),
    };
    let both = truefalse::candidates(&mut ctx, &deck.entries[0]);
    assert_eq!(both.len(), 2, "a true statement and its false twin");
    let lie = both.iter().find(|c| c.truth == Some(false)).unwrap();
    let Body::TrueFalse { statement, .. } = &lie.body else {
        panic!()
    };
    let swapped = ["Evil Corp", "TrickBot", "DarkSide"]
        .iter()
        .find(|v| statement.contains(*v))
        .expect("another group, written as the class writes it");
    assert_eq!(
        statement,
        &format!("The materials concerned the group {swapped}.")
    );
    assert_eq!(
        lie.explanation.text(),
        format!(
            "False: “REvil”, not “{swapped}”. The materials concerned the group REvil. As the source gives it: S."
        )
    );
}

#[test]
fn two_people_with_one_role_make_no_who_question() {
    let c = course(
        "",
        "  - person: Sergey Ryabkov\n    role: Deputy Minister of Foreign Affairs\n    source: s\n  - person: Oleg Syromolotov\n    role: deputy minister of foreign affairs.\n    source: s\n  - person: Ann Archer\n    role: Chair of the first panel\n    source: s\n  - person: Bob Baker\n    role: Head of the second office\n    source: s\n  - person: Cy Cole\n    role: Director of the third agency\n    source: s\n",
        "  questions: 3\n  kinds: [who]\n",
    );
    let (g, warnings) = run(&c);
    let id = c.decks[0].entries[0].id.clone();
    assert_eq!(
        dropped(&g, &format!("{id}:who:is")),
        Some(DropKind::TwoRight)
    );
    for q in questions(&g) {
        let o = options(q);
        let both =
            o.contains(&"Sergey Ryabkov".to_owned()) && o.contains(&"Oleg Syromolotov".to_owned());
        assert!(!both || !q.id.ends_with(":who:is"), "{:?}", o);
    }
    let _ = warnings;
}

#[test]
fn an_acronym_next_to_its_words_is_not_asked() {
    let c = course(
        "",
        "  - fact: The brief abbreviates the UN Group of Governmental Experts as {UNGGE}.\n    id: f\n    source: s\n  - term: UNGA\n    expansion: United Nations General Assembly\n    meaning: The main deliberative body of the UN\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    let (g, _) = run(&c);
    assert_eq!(dropped(&g, "f:cloze"), Some(DropKind::GivesAway));
    // The acronym's card asks for its full form, typed: its letters give nothing away.
    let q = find(&g, "term-unga:cloze").expect("asked");
    let Body::Cloze(cloze) = &q.body else {
        panic!()
    };
    assert_eq!(cloze.text, "UNGA stands for ____.");
    assert_eq!(cloze.blanks[0].answer, "United Nations General Assembly");
}

#[test]
fn an_option_never_stands_in_the_question_and_the_answer_does_not_stand_out() {
    let c = course(
        "",
        "  - question: According to the summary, what do public-private partnerships ensure?\n    answer: Collaboration between governments and the private sector\n    distractors: [Coordination among member states, Information sharing between two countries, Dialogue among all nations]\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    let (g, warnings) = run(&c);
    assert!(questions(&g).is_empty());
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("the only option that repeats a word of the question (`private`)")),
        "{warnings:#?}"
    );
}

#[test]
fn wording_reads_naturally() {
    let c = course(
        "",
        &format!(
            "  - quote: Houston, we've had a problem.\n    id: houston\n    by: Di Dunn\n    source: s\n  - event: Apollo 8 flies around the Moon\n    date: 1968-12-21\n    end: 1968-12-27\n    source: s\n  - event: Apollo 11 lands\n    date: 1969-07\n    source: s\n  - organization: The Test Agency\n    description: The agency that ran the tests\n    source: s\n{PEOPLE}"
        ),
        "  questions: 8\n  kinds: [who, multiple-choice, flashcard]\n  pin: [houston:who:said]\n",
    );
    let (g, _) = run(&c);
    let all = questions(&g);
    for q in &all {
        if let Body::MultipleChoice(ch) | Body::Who(ch) = &q.body {
            assert!(
                !ch.prompt.contains(".”?") && !ch.prompt.contains("??"),
                "{}",
                ch.prompt
            );
            assert!(
                !ch.prompt.contains("Which organization is this: The"),
                "{}",
                ch.prompt
            );
            assert!(!ch.prompt.contains("does Ann Archer hold"), "{}", ch.prompt);
        }
    }
    let said = all
        .iter()
        .find(|q| q.id.ends_with(":who:said"))
        .expect("who said it");
    let Body::Who(ch) = &said.body else { panic!() };
    assert_eq!(
        ch.prompt,
        "Who said these words? “Houston, we've had a problem.”"
    );
    let began = all
        .iter()
        .find(|q| q.id.starts_with("event-apollo-8"))
        .expect("a date question");
    let Body::MultipleChoice(ch) = &began.body else {
        panic!()
    };
    assert!(
        ch.prompt
            .starts_with("On which day did this begin? Apollo 8 flies around the Moon."),
        "{}",
        ch.prompt
    );
    assert!(
        began.explanation.contains("21–27 December 1968"),
        "{}",
        began.explanation
    );
    let month = all
        .iter()
        .find(|q| q.id.starts_with("event-apollo-11"))
        .expect("a month question");
    let Body::MultipleChoice(ch) = &month.body else {
        panic!()
    };
    assert!(
        ch.prompt.starts_with("In which month did this happen?"),
        "{}",
        ch.prompt
    );
}

#[test]
fn explanations_teach() {
    let c = course(
        "",
        &format!(
            "  - event: The first event\n    date: 1998\n    source: s\n  - event: The middle event\n    id: middle\n    date: 2010\n    source: s\n  - event: The last event\n    date: 2024\n    source: s\n  - term: OEWG\n    expansion: Open-Ended Working Group\n    meaning: A UN group open to every state\n    translation: {{ ru: РГОС }}\n    source: s\n  - term: GGE\n    expansion: Group of Governmental Experts\n    meaning: A UN group of a few experts\n    source: s\n  - term: ITU\n    expansion: International Telecommunication Union\n    meaning: The UN agency for telecommunications\n    source: s\n  - term: BRICS\n    meaning: A group of emerging economies\n    source: s\n{PEOPLE}"
        ),
        "  questions: 12\n  kinds: [multiple-choice, true-false]\n",
    );
    let (g, _) = run(&c);
    for q in questions(&g) {
        assert!(
            !q.explanation.starts_with("The answer is"),
            "{}: {}",
            q.id,
            q.explanation
        );
        assert!(
            q.explanation.split_whitespace().count() >= 4,
            "{}: {}",
            q.id,
            q.explanation
        );
    }
    // The neighbours, in a quiz where no other question asks for them.
    let alone = course(
        "",
        "  - event: The first event\n    date: 1998\n    source: s\n  - event: The middle event\n    id: middle\n    date: 2010\n    source: s\n  - event: The last event\n    date: 2024\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [middle:multiple-choice:date]\n",
    );
    let (alone, _) = run(&alone);
    {
        let q = find(&alone, "middle:multiple-choice:date").expect("the pinned question");
        assert!(
            q.explanation.contains("1998") && q.explanation.contains("2024"),
            "the neighbours: {}",
            q.explanation
        );
    }
    if let Some(q) = find(&g, "term-oewg:multiple-choice:term") {
        assert!(
            q.explanation.contains("Open-Ended Working Group") && q.explanation.contains("РГОС"),
            "{}",
            q.explanation
        );
    }
    if let Some(q) = questions(&g)
        .into_iter()
        .find(|q| matches!(q.body, Body::TrueFalse { answer: false, .. }))
    {
        assert!(q.explanation.starts_with("False: “"), "{}", q.explanation);
    }
}

#[test]
fn cards_ask_one_thing_each() {
    let c = course_of(
        "decks: [a, b]\n",
        &[
            (
                "a",
                "title: A\nentries:\n  - fact: The {energy} and {food} industries were hit.\n    id: f\n    source: s\n  - term: OEWG\n    expansion: Open-Ended Working Group\n    meaning: A UN group open to every state\n    translation: { ru: РГОС }\n    source: s\n  - person: Pavel Sharikov\n    role: Ph.D. in Political Science; Director of the Applied Research Center and of an institute of the Russian Academy of Sciences; Assistant Professor at a faculty of Moscow State University; RIAC expert\n    source: s\n  - question: What does the OEWG stand for, the Open-Ended Working Group?\n    answer: Open-Ended Working Group\n    source: s\n",
            ),
            (
                "b",
                "title: B\nentries:\n  - organization: Open-ended Working Group 2021-2025\n    acronym: OEWG\n    description: The UN working group on ICT security for 2021–2025\n    source: s\n",
            ),
        ],
    );
    let (g, warnings) = run(&c);
    let cards = &g.decks[0].cards;
    let ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert!(
        ids.contains(&"f") && ids.contains(&"f-2"),
        "one card per blank: {ids:?}"
    );
    let f2 = cards.iter().find(|c| c.id == "f-2").unwrap();
    assert_eq!(f2.front.text, "The energy and ____ industries were hit.");
    assert_eq!(f2.back.text, "food");
    for id in ["term-oewg", "term-oewg-meaning", "term-oewg-ru"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let said = |needle: &str| warnings.iter().any(|w| w.message.contains(needle));
    assert!(
        said("the back of card `person-pavel-sharikov` has 31 words"),
        "{warnings:#?}"
    );
    assert!(said("would show its own answer"), "{warnings:#?}");
    // "OEWG" fronts two cards in two decks: each gets its deck's title.
    let front = |d: usize, id: &str| {
        g.decks[d]
            .cards
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .front
            .plain()
    };
    assert_ne!(front(0, "term-oewg"), front(1, "org-oewg"));
    assert!(
        front(1, "org-oewg").ends_with("\nB"),
        "{}",
        front(1, "org-oewg")
    );
}

/// Terms with Russian translations, in the bundled course's style: acronyms with their
/// expansions, and plain terms.
const TRANSLATED_TERMS: &str = "  - term: ICTs\n    id: term-icts\n    expansion: Information and Communications Technologies\n    meaning: The tools whose use lies at the heart of the debate\n    translation: { ru: информационно-коммуникационные технологии }\n    source: s\n  - term: OEWG\n    id: term-oewg\n    expansion: Open-Ended Working Group\n    meaning: A UN group open to every state\n    translation: { ru: Рабочая группа открытого состава }\n    source: s\n  - term: GGE\n    id: term-gge\n    expansion: Group of Governmental Experts\n    meaning: A UN group of experts from some states\n    translation: { ru: Группа правительственных экспертов }\n    source: s\n  - term: SCO\n    id: term-sco\n    expansion: Shanghai Cooperation Organization\n    meaning: A regional organization founded in 2001\n    translation: { ru: Шанхайская организация сотрудничества }\n    source: s\n  - term: CSTO\n    id: term-csto\n    expansion: Collective Security Treaty Organization\n    meaning: A military alliance of six states\n    translation: { ru: Организация Договора о коллективной безопасности }\n    source: s\n  - term: cyberattack\n    id: term-cyberattack\n    meaning: An attempt to damage a computer system\n    translation: { ru: кибератака }\n    source: s\n  - term: digital divide\n    id: term-digital-divide\n    meaning: The gap in access to computers and the internet\n    translation: { ru: цифровое неравенство }\n    source: s\n  - term: critical infrastructure\n    id: term-critical-infrastructure\n    meaning: The systems a country cannot do without\n    translation: { ru: критическая инфраструктура }\n    source: s\n  - term: information security\n    id: term-information-security\n    meaning: The protection of information and of the systems that hold it\n    translation: { ru: информационная безопасность }\n    source: s\n  - term: UNSC\n    id: term-unsc\n    expansion: United Nations Security Council\n    meaning: The UN body that answers for peace and security\n    translation: { ru: Совет Безопасности ООН }\n    source: s\n  - term: ITU\n    id: term-itu\n    expansion: International Telecommunication Union\n    meaning: The UN agency for telecommunications\n    translation: { ru: Международный союз электросвязи }\n    source: s\n";

#[test]
fn an_acronyms_translation_is_asked_with_what_it_stands_for() {
    let c = course(
        "",
        TRANSLATED_TERMS,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [term-oewg:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    let card = |id: &str| g.decks[0].cards.iter().find(|c| c.id == id).unwrap();
    // One thing to recall: the translation. What "ICTs" stands for is given on the front.
    let icts = card("term-icts-ru");
    assert_eq!(
        icts.front.plain(),
        "Information and Communications Technologies (ICTs)\nIn Russian?"
    );
    assert_eq!(icts.back.text, "информационно-коммуникационные технологии");
    // The card that asks what it stands for still shows the bare acronym.
    assert_eq!(
        card("term-icts").front.plain(),
        "ICTs\nWhat does it stand for?"
    );
    // A term that is no acronym is shown as it is.
    assert_eq!(
        card("term-cyberattack-ru").front.plain(),
        "cyberattack\nIn Russian?"
    );
    // So do the quiz's questions on it.
    let q = find(&g, "term-oewg:multiple-choice:translation-ru")
        .unwrap_or_else(|| panic!("pinned: {warnings:#?}"));
    let Body::MultipleChoice(choice) = &q.body else {
        panic!("{q:?}")
    };
    assert_eq!(
        choice.prompt,
        "What is the Russian for “Open-Ended Working Group (OEWG)”?"
    );
    assert!(
        warnings.iter().all(|w| !w.message.contains("abbreviation")),
        "{warnings:#?}"
    );
    // A translation that adds its own abbreviation asks two things: `check` says so.
    let c = course(
        "",
        &TRANSLATED_TERMS.replace("открытого состава }", "открытого состава (РГОС) }"),
        "  questions: 1\n  kinds: [flashcard]\n",
    );
    let (_, warnings) = run(&c);
    let warning = warnings
        .iter()
        .find(|w| w.message.contains("abbreviation"))
        .expect("a warning");
    assert_eq!(
        warning.message,
        "the `ru` translation of `term-oewg` holds a full form and its abbreviation (\"Рабочая группа открытого состава (РГОС)\"), so its card asks for two things"
    );
    assert_eq!(warning.location.to_string(), "decks/d.yaml:9:5");
    // The flashcard question made from the same card, in a quiz of its own.
    let c = course(
        "",
        TRANSLATED_TERMS,
        "  questions: 1\n  kinds: [flashcard]\n  pin: [term-oewg-ru:flashcard]\n",
    );
    let (g, warnings) = run(&c);
    let q = find(&g, "term-oewg-ru:flashcard").unwrap_or_else(|| panic!("pinned: {warnings:#?}"));
    let Body::Flashcard { front, .. } = &q.body else {
        panic!("{q:?}")
    };
    assert_eq!(front, "Open-Ended Working Group (OEWG)\nIn Russian?");
}

/// Every accepted answer of the first blank of question `id`.
fn accepted<'a>(g: &'a Generated, id: &str) -> &'a [String] {
    let q = find(g, id).unwrap_or_else(|| panic!("no question {id}"));
    let Body::Cloze(cloze) = &q.body else {
        panic!("{q:?}")
    };
    &cloze.blanks[0].accept
}

#[test]
fn an_acronym_in_the_question_that_starts_only_the_answer_points_at_it() {
    let entries = "  - term: UNGA\n    id: unga\n    meaning: The main deliberative body of the UN\n    source: s\n  - term: OEWG\n    meaning: A working group open to all states\n    source: s\n  - term: CSTO\n    meaning: A military alliance of six states\n    source: s\n  - term: RIAC\n    meaning: A Russian think tank\n    source: s\n  - term: EWI\n    meaning: An American think tank\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [unga:multiple-choice:term]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "unga:multiple-choice:term").is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("the question's UN starts the answer")),
        "{warnings:#?}"
    );
}

#[test]
fn wrong_abbreviations_read_as_the_course_s_latin_ones_leave_too_few_rivals() {
    // «АНО» reads as ANO and «ИКТ» as ICT, both of the course: only «ГЧП» is left.
    let entries = "  - term: ANO\n    expansion: autonomous non-profit organization\n    meaning: A Russian legal form\n    translation: { ru: АНО }\n    source: s\n  - term: ICT\n    expansion: information and communication technology\n    meaning: Computers and networks\n    translation: { ru: ИКТ }\n    source: s\n  - term: PPP\n    expansion: public-private partnership\n    meaning: Work shared by a state and companies\n    translation: { ru: ГЧП }\n    source: s\n  - fact: In Russian, “international information security” is abbreviated {МИБ}.\n    id: mib\n    blanks: { МИБ: ru-abbreviation }\n    source: s\n";
    let c = course(
        "classes:\n  ru-abbreviation: [МИБ, АНО, ИКТ, ГЧП]\n",
        entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [mib:multiple-choice:blank-1]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "mib:multiple-choice:blank-1").is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("(АНО as ANO, ИКТ as ICT)")),
        "{warnings:#?}"
    );
}

#[test]
fn a_name_among_common_words_stands_out() {
    let entries = "  - term: Summit of the Future\n    id: summit\n    meaning: A meeting of world leaders held in 2024\n    source: s\n  - term: digital sovereignty\n    meaning: A state's control over its networks\n    source: s\n  - term: threat intelligence\n    meaning: Information about cyber dangers\n    source: s\n  - term: capacity building\n    meaning: Helping states gain skills\n    source: s\n  - term: incident response\n    meaning: The handling of an attack\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [summit:multiple-choice:term]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "summit:multiple-choice:term").is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("the only option written with a capital")),
        "{warnings:#?}"
    );
}

#[test]
fn a_full_form_with_a_named_body_inside_accepts_the_body_s_acronym() {
    let entries = "  - organization: United Nations\n    acronym: UN\n    description: The world body\n    source: s\n  - term: UNGA\n    id: unga\n    expansion: United Nations General Assembly\n    meaning: The UN's main deliberative body\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 1\n  kinds: [cloze]\n  pin: [unga:cloze]\n",
    );
    let (g, _) = run(&c);
    assert_eq!(
        accepted(&g, "unga:cloze"),
        ["United Nations General Assembly", "UN General Assembly"]
    );
}

#[test]
fn a_number_blank_accepts_the_number_typed_out() {
    let entries = "  - fact: The forum drew more than {300} participants.\n    id: count\n    source: s\n  - fact: The forum met for its {XVIII} edition.\n    id: roman\n    source: s\n  - fact: It was the {21st} session.\n    id: ordinal\n    source: s\n  - fact: It lasted {three years}.\n    id: words\n    source: s\n  - fact: At Round Table No. {2}, experts met.\n    id: label\n    source: s\n  - fact: Russia has called for such rules since {1998}.\n    id: year\n    source: s\n";
    let c = course("", entries, "  questions: 6\n  kinds: [cloze]\n");
    let (g, _) = run(&c);
    assert_eq!(accepted(&g, "count:cloze"), ["300", "three hundred"]);
    assert_eq!(
        accepted(&g, "roman:cloze"),
        ["XVIII", "18", "18th", "eighteenth"]
    );
    assert_eq!(
        accepted(&g, "ordinal:cloze"),
        ["21st", "21", "twenty-first", "twenty first"]
    );
    assert_eq!(accepted(&g, "words:cloze"), ["three years", "3 years"]);
    assert_eq!(accepted(&g, "label:cloze"), ["2"]);
    assert_eq!(accepted(&g, "year:cloze"), ["1998"]);

    // Russian number words change with their noun ("более трёхсот"): none are made, and
    // a roman numeral is accepted in digits only.
    let c = course(
        "language: ru\n",
        "  - fact: Форум собрал более {300} участников.\n    id: count\n    source: s\n  - fact: Это был {XVIII} форум.\n    id: roman\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    let (g, _) = run(&c);
    assert_eq!(accepted(&g, "count:cloze"), ["300"]);
    assert_eq!(accepted(&g, "roman:cloze"), ["XVIII", "18"]);
}

#[test]
fn a_deck_in_another_language_speaks_it() {
    let c = course_of(
        "language: en\n",
        &[(
            "ru",
            "title: Термины\nlanguage: ru\nentries:\n  - term: МИБ\n    meaning: безопасность государств в информационном пространстве\n    source: s\n  - term: ГПЭ\n    meaning: группа правительственных экспертов ООН\n    source: s\n  - term: РГОС\n    meaning: рабочая группа открытого состава ООН\n    source: s\n  - term: ШОС\n    meaning: региональная организация сотрудничества\n    source: s\nquiz:\n  questions: 2\n  kinds: [multiple-choice]\n",
        )],
    );
    let (g, _) = run(&c);
    for q in questions(&g) {
        let Body::MultipleChoice(ch) = &q.body else {
            continue;
        };
        assert!(
            ch.prompt.starts_with("Какой термин имеет такое значение?"),
            "{}",
            ch.prompt
        );
    }
}

#[test]
fn pinned_questions_are_asked_and_excluded_ones_never() {
    let entries = "  - fact: Exactly {107} countries co-sponsored it.\n    id: a\n    source: s\n  - fact: It met in {2021}.\n    id: b\n    source: s\n  - fact: It had {12} members.\n    id: c\n    source: s\n  - fact: It met {3} times.\n    id: d\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: [cloze, true-false]\n  pin: [d:true-false:false]\n  exclude: [a:cloze, b:cloze, c:cloze]\n",
    );
    let (g, warnings) = run(&c);
    let ids: Vec<&str> = questions(&g).iter().map(|q| q.id.as_str()).collect();
    assert!(ids.contains(&"d:true-false:false"), "{ids:?}");
    assert!(
        !ids.iter()
            .any(|i| ["a:cloze", "b:cloze", "c:cloze"].contains(i)),
        "{ids:?}"
    );
    assert!(warnings.iter().all(|w| !w.is_error()), "{warnings:#?}");

    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: [cloze]\n  pin: [d:clozee]\n",
    );
    let (_, diagnostics) = run(&c);
    let error = diagnostics
        .iter()
        .find(|d| d.is_error())
        .expect("an unknown id is an error");
    assert_eq!(error.message, "no generated question `d:clozee`");
    assert_eq!(error.help.as_deref(), Some("did you mean `d:cloze`?"));
    assert_eq!(error.location.to_string(), "decks/d.yaml:18:9");
}

#[test]
fn every_phrase_is_listed_in_the_content_readme_and_every_key_used_exists() {
    use decksmith_quiz::phrases::PHRASES;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("../../content/README.md")).unwrap();
    for (key, en, ru) in PHRASES {
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
    // Every literal key the generator looks up is in the table (an unknown key would be
    // printed as itself in a question).
    let mut sources = String::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    for prefix in [
        "\"q.", "\"s.", "\"e.", "\"c.", "\"cite.", "\"date.", "\"dates.", "\"month.",
    ] {
        for (i, _) in sources.match_indices(prefix) {
            let key: String = sources[i + 1..].chars().take_while(|c| *c != '"').collect();
            // A prefix alone (`"month."`) is not a key.
            let example = key.contains("no-such-key") || key.ends_with('.');
            if !example
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-')
            {
                assert!(
                    PHRASES.iter().any(|(k, ..)| *k == key),
                    "unknown phrase key {key}"
                );
            }
        }
    }
}

#[test]
fn bodies_are_offered_among_bodies_of_their_sort_and_an_acronym_in_the_question_is_a_cue() {
    let c = course(
        "",
        "  - organization: Cybersecurity Tech Accord\n    description: A pledge of technology companies to protect their users\n    source: s\n  - organization: Russian International Affairs Council\n    description: A Moscow think tank on foreign policy\n    source: s\n  - organization: Forum of Incident Response and Security Teams\n    description: A global consortium of response teams\n    source: s\n  - organization: International Criminal Police Organization\n    description: The world police cooperation body\n    source: s\n  - organization: European Union Agency for Cybersecurity\n    description: The EU body that coordinates cyber protection\n    source: s\n",
        "  questions: 5\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    // The only agreement among councils and forums would stand out: not asked.
    assert_eq!(
        dropped(
            &g,
            "org-cybersecurity-tech-accord:multiple-choice:description"
        ),
        Some(DropKind::TooFew)
    );
    for q in questions(&g) {
        assert!(
            !options(q).contains(&"Cybersecurity Tech Accord".to_owned()),
            "{:?}",
            options(q)
        );
    }
    assert_eq!(
        dropped(
            &g,
            "org-european-union-agency-for-cybersecurity:multiple-choice:description"
        ),
        Some(DropKind::GivesAway)
    );
}

/// Whether `text` holds `answer` as whole words, case aside.
fn holds(text: &str, answer: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (text, answer) = (words(text), words(answer));
    !answer.is_empty() && text.windows(answer.len()).any(|w| w == answer.as_slice())
}

#[test]
fn an_explanation_never_gives_another_questions_answer() {
    // Each date question's explanation names the events before and after it: in a quiz
    // that asks for those dates too, the neighbours are left out, and what the explanation
    // says of its own event stays.
    let events = [
        ("first", "The treaty is signed", "1998"),
        ("second", "The council first meets", "2004"),
        ("third", "The register opens", "2010"),
        ("fourth", "The review conference is held", "2016"),
    ];
    let entries: String = events
        .iter()
        .map(|(id, text, year)| {
            format!("  - event: {text}\n    id: {id}\n    date: {year}\n    source: s\n")
        })
        .collect();
    let c = course("", &entries, "  questions: 4\n  kinds: [multiple-choice]\n");
    let (g, _) = run(&c);
    let all = questions(&g);
    assert_eq!(all.len(), 4, "one date question per event");
    for q in &all {
        let (_, text, _) = events.iter().find(|(id, ..)| q.entry == *id).unwrap();
        assert!(q.explanation.contains(text), "{}", q.explanation);
        for other in all.iter().filter(|o| o.id != q.id) {
            let Body::MultipleChoice(choice) = &other.body else {
                panic!()
            };
            let answer = &choice.options[choice.answer];
            assert!(
                !holds(&q.explanation, answer),
                "{}'s explanation gives {}'s answer ({answer}): {}",
                q.id,
                other.id,
                q.explanation
            );
        }
    }
    // Alone in its quiz, the same question names its neighbours.
    let alone = course(
        "",
        &entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [second:multiple-choice:date]\n",
    );
    let (alone, _) = run(&alone);
    let q = find(&alone, "second:multiple-choice:date").expect("the pinned question");
    assert!(
        holds(&q.explanation, "1998") && holds(&q.explanation, "2010"),
        "{}",
        q.explanation
    );
}

/// The ids of the questions of the course's quiz.
fn quiz_ids(course: &Course) -> Vec<String> {
    questions(&run(course).0)
        .iter()
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn what_an_explanation_says_of_its_own_entry_keeps_apart_the_questions_it_answers() {
    // The first fact's note says who led the GGE, which answers the second fact's question:
    // the note is never left out, so the two are never in one quiz.
    let c = course(
        "",
        "  - fact: The {OEWG} was formed on Russia's initiative.\n    id: oewg\n    explain: Its rival, the GGE, was led by the United States.\n    source: s\n  - fact: The GGE was led by the {United States}.\n    id: gge\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn an_accepted_answer_shown_by_another_question_gives_it_away() {
    // The second fact shows "1st Committee", an accepted answer of the first fact's blank.
    let c = course(
        "",
        "  - fact: The draft went to the {First Committee|1st Committee}.\n    id: draft\n    source: s\n  - fact: In {2021}, the 1st Committee approved the draft.\n    id: approved\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn another_fair_word_the_teacher_accepts_is_given_away_where_a_text_uses_it() {
    // "global" is accepted for "transnational", and the second fact says "global": a
    // student who reads it there can type it for the marks, so one of the two is asked.
    let c = course(
        "",
        "  - fact: Cyber threats are {transnational|global|cross-border} in nature.\n    id: nature\n    source: s\n  - fact: In {2015}, the group called for global cooperation.\n    id: called\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn a_source_passage_printed_with_a_question_gives_its_words_away() {
    // The quiz page prints the quoted passage of a checked question's source: here it holds
    // the other question's answer.
    let c = course(
        "",
        "  - fact: The committee finished its draft in {2024}.\n    id: draft\n    source: { id: s, quote: the draft convention won approval }\n  - fact: The draft convention won {approval} in August.\n    id: won\n    source: s\n",
        "  questions: 2\n  kinds: [cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn the_decks_title_gives_no_answer_away() {
    let c = course_of(
        "",
        &[(
            "d",
            "title: The XVIII Forum (2024)\nentries:\n  - fact: The 2024 forum was the {XVIII} one.\n    id: edition\n    source: s\n  - fact: The forum drew more than {300} participants.\n    id: participants\n    source: s\nquiz:\n  questions: 2\n  kinds: [cloze]\n",
        )],
    );
    let (g, _) = run(&c);
    assert!(find(&g, "edition:cloze").is_none());
    assert!(find(&g, "participants:cloze").is_some());
    let why = g
        .reports
        .iter()
        .flat_map(|r| &r.dropped)
        .find(|d| d.question == "edition:cloze")
        .expect("reported");
    assert_eq!(why.kind, DropKind::GivesAway);
    assert!(why.reason.contains("the deck's title"), "{}", why.reason);
}

#[test]
fn the_teachers_note_follows_the_statement_it_is_about() {
    let c = course(
        "",
        "  - fact: The forum drew more than {300} participants.\n    id: participants\n    see: [org]\n    explain: It says so in its final report.\n    source: s\n  - organization: The Forum Society\n    id: org\n    description: The society that runs the forum\n    source: s\n",
        "  questions: 1\n  kinds: [cloze]\n  pin: [participants:cloze]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "participants:cloze").expect("the pinned question");
    assert!(
        q.explanation.starts_with(
            "The forum drew more than 300 participants. It says so in its final report. See also"
        ),
        "{}",
        q.explanation
    );
}

#[test]
fn a_matching_set_never_rules_out_another_questions_wrong_options() {
    let names = [
        "Ann Lee", "Bo Chen", "Cy Diaz", "Di Eve", "Ed Fox", "Flo Gray", "Gus Hale", "Hal Ives",
        "Ida Jay", "Jo King", "Kit Lamb", "Lou Moss",
    ];
    let roles = [
        "Chair",
        "Head",
        "Director",
        "Treasurer",
        "Editor",
        "Secretary",
        "Dean",
        "Rector",
        "Registrar",
        "Librarian",
        "Curator",
        "Archivist",
    ];
    // From as few people as a set and a question need (where they must share people) to
    // enough for both apart.
    let mut both = 0;
    for people in 7..=names.len() {
        let entries: String = names[..people]
            .iter()
            .zip(roles)
            .map(|(n, r)| format!("  - person: {n}\n    role: {r} of the society\n    source: s\n"))
            .collect();
        let c = course(
            "",
            &entries,
            "  questions: 2\n  kinds: { who: 1, matching: 1 }\n",
        );
        let (g, _) = run(&c);
        let all = questions(&g);
        let Some(shown) = all.iter().find_map(|q| match &q.body {
            Body::Matching(m) => Some(m.left.iter().chain(&m.right).cloned().collect::<Vec<_>>()),
            _ => None,
        }) else {
            continue;
        };
        for q in &all {
            let Body::Who(choice) = &q.body else { continue };
            both += 1;
            for option in &choice.options {
                assert!(
                    !shown.contains(option),
                    "{people} people: the matching set pairs {option}, an option of {}",
                    q.id
                );
            }
        }
    }
    assert!(both > 0, "no quiz had both a set and a question");
}

#[test]
fn no_explanation_dates_an_event_of_the_quizs_timeline() {
    let entries: String = [
        ("a", "The treaty is signed", "1998"),
        ("b", "The council first meets", "2004"),
        ("c", "The register opens", "2010"),
        ("d", "The review conference is held", "2016"),
        ("e", "The second review conference is held", "2022"),
        ("f", "The charter is drafted", "1992"),
        ("g", "The first report is published", "2001"),
        ("h", "The secretariat moves", "2013"),
    ]
    .iter()
    .map(|(id, text, year)| {
        format!("  - event: {text}\n    id: {id}\n    date: {year}\n    source: s\n")
    })
    .collect();
    let c = course(
        "",
        &entries,
        "  questions: 2\n  kinds: { multiple-choice: 1, timeline: 1 }\n",
    );
    let (g, _) = run(&c);
    let all = questions(&g);
    let items = all
        .iter()
        .find_map(|q| match &q.body {
            Body::Timeline(t) => Some(t.items.clone()),
            _ => None,
        })
        .expect("a timeline");
    let other = all
        .iter()
        .find(|q| !matches!(q.body, Body::Timeline(_)))
        .expect("a date question");
    for item in &items {
        assert!(
            !holds(&other.explanation, item),
            "{} dates \"{item}\": {}",
            other.id,
            other.explanation
        );
    }
}

#[test]
fn a_question_naming_an_answer_by_its_acronym_gives_it_away() {
    // The fact shows "OEWG", the acronym of the organization one description question asks
    // for: the two are never in one quiz.
    let c = course(
        "",
        "  - organization: Open-ended Working Group\n    id: oewg\n    acronym: OEWG\n    description: The UN body on ICT security that any state may join\n    source: s\n  - organization: Working Group on Internet Governance\n    id: wgig\n    description: A panel set up after the 2003 world summit on the information society\n    source: s\n  - organization: Intergovernmental Expert Group on Cybercrime\n    id: ieg\n    description: A Vienna body studying computer crime\n    source: s\n  - organization: Group of Governmental Experts\n    id: gge\n    description: A small UN panel on ICT norms\n    source: s\n  - organization: Group of Friends of the Chair\n    id: gof\n    description: An informal circle supporting a chair\n    source: s\n  - fact: In {2021}, the OEWG adopted its report.\n    id: report\n    source: s\n",
        "  questions: 2\n  kinds: { multiple-choice: 1, cloze: 1 }\n  pin: [oewg:multiple-choice:description]\n",
    );
    let ids = quiz_ids(&c);
    assert!(
        ids.contains(&"oewg:multiple-choice:description".to_owned()),
        "{ids:?}"
    );
    assert!(!ids.contains(&"report:cloze".to_owned()), "{ids:?}");
}

#[test]
fn a_flashcard_question_gives_the_teachers_note_once() {
    let c = course(
        "",
        "  - event: The register opens\n    id: register\n    date: 2010\n    explain: It was the first of its kind.\n    source: s\n",
        "  questions: 1\n  kinds: [flashcard]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "register:flashcard").expect("the flashcard question");
    let Body::Flashcard { back, .. } = &q.body else {
        panic!()
    };
    assert_eq!(back, "2010");
    assert_eq!(q.explanation, "It was the first of its kind.");
}

#[test]
fn texts_pairing_a_teachers_wrong_options_with_their_own_facts_rule_them_out() {
    // "Bilateral agreements enable information sharing" tells a student that the option
    // "Bilateral agreements" is not the channel that works with companies; with "Regional
    // bodies support coordination" too, only a guess between two options is left.
    let question = "  - question: Which channel ensures collaboration with companies?\n    id: ppp\n    answer: Public-private partnerships\n    distractors: [Bilateral agreements, Regional bodies, Multinational organizations]\n    source: s\n";
    let bilateral = "  - fact: Bilateral agreements enable {information sharing}.\n    id: bilateral\n    source: s\n";
    let regional = "  - fact: Regional bodies support {coordination} among member states.\n    id: regional\n    source: s\n";
    let both = course(
        "",
        &format!("{question}{bilateral}{regional}"),
        "  questions: 3\n  kinds: { multiple-choice: 1, cloze: 2 }\n  pin: [ppp:multiple-choice:answer]\n",
    );
    let ids = quiz_ids(&both);
    assert!(
        ids.contains(&"ppp:multiple-choice:answer".to_owned()),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 2, "{ids:?}");
    // One option ruled out leaves a real choice among three: the two stand together.
    let one = course(
        "",
        &format!("{question}{bilateral}"),
        "  questions: 2\n  kinds: { multiple-choice: 1, cloze: 1 }\n",
    );
    assert_eq!(quiz_ids(&one).len(), 2, "{:?}", quiz_ids(&one));
}

#[test]
fn an_acronym_spelled_out_by_another_questions_text_gives_it_away() {
    // The card's back, shown once it is turned, is the Russian full form whose initials are
    // МИБ: the cloze asking for МИБ cannot stand beside it.
    let entries = "  - fact: In Russian, “international information security” is abbreviated {МИБ}.\n    id: mib\n    source: s\n  - term: international information security\n    id: iis\n    meaning: Security of and in the use of ICTs among states\n    translation: { ru: международная информационная безопасность }\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: { cloze: 1, flashcard: 1 }\n  pin: [iis-ru:flashcard]\n",
    );
    let ids = quiz_ids(&c);
    assert!(ids.contains(&"iis-ru:flashcard".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"mib:cloze".to_owned()), "{ids:?}");
    // The card on what the term means spells nothing: the two can be asked together.
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: { cloze: 1, flashcard: 1 }\n  pin: [iis:flashcard]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 2, "{:?}", quiz_ids(&c));
}

#[test]
fn a_translation_is_offered_among_translations_of_its_sort() {
    let more = "  - term: Global Digital Compact\n    id: term-gdc\n    meaning: A UN framework on digital cooperation\n    translation: { ru: Глобальный цифровой договор }\n    source: s\n  - term: ransomware\n    id: term-ransomware\n    meaning: Software that locks data for a ransom\n    translation: { ru: программа-вымогатель }\n    source: s\n  - term: malware\n    id: term-malware\n    meaning: Software written to do harm\n    translation: { ru: вредоносное ПО }\n    source: s\n  - term: spyware\n    id: term-spyware\n    meaning: Software that secretly watches its user\n    translation: { ru: шпионская программа }\n    source: s\n  - term: worm\n    id: term-worm\n    meaning: Malicious software that copies itself across networks\n    translation: { ru: сетевой червь }\n    source: s\n";
    let c = course(
        "classes:\n  threats: [ransomware, malware, spyware, cyberattack, worm]\n",
        &format!("{TRANSLATED_TERMS}{more}"),
        "  questions: 2\n  kinds: [multiple-choice]\n  pin: [term-ransomware:multiple-choice:translation-ru, term-oewg:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    let offered = |id: &str| -> Vec<String> {
        options(find(&g, id).unwrap_or_else(|| panic!("{id}: {warnings:#?}"))).to_vec()
    };
    // Software among the class's other threats, never among principles or bodies.
    for option in offered("term-ransomware:multiple-choice:translation-ru") {
        assert!(
            [
                "программа-вымогатель",
                "вредоносное ПО",
                "шпионская программа",
                "кибератака",
                "сетевой червь"
            ]
            .contains(&option.as_str()),
            "{option}"
        );
    }
    // A body among bodies.
    for option in offered("term-oewg:multiple-choice:translation-ru") {
        assert!(
            option.starts_with("Рабочая")
                || option.starts_with("Группа")
                || option.contains("организация")
                || option.starts_with("Организация")
                || option.starts_with("Совет")
                || option.contains("союз"),
            "{option}"
        );
    }
    // The only document's title has no other titles to stand among: not made.
    assert!(find(&g, "term-gdc:multiple-choice:translation-ru").is_none());
    let why = g
        .reports
        .iter()
        .flat_map(|r| &r.dropped)
        .find(|d| d.question == "term-gdc:multiple-choice:translation-ru")
        .expect("reported");
    assert!(
        why.reason
            .contains("translation into `ru` of a document's title"),
        "{}",
        why.reason
    );
}

#[test]
fn an_organization_of_a_class_is_offered_among_its_class() {
    let entries = "  - organization: International Criminal Police Organization\n    id: interpol\n    description: The body through which its member countries share alerts on wanted persons\n    source: s\n  - organization: Russian International Affairs Council\n    id: riac\n    description: A Russian think tank on international affairs\n    source: s\n  - organization: Security Council of the Russian Federation\n    id: scrf\n    description: The Russian President's advisory body on security\n    source: s\n  - organization: Forum of Incident Response and Security Teams\n    id: first\n    description: A global consortium of incident response teams\n    source: s\n";
    let c = course(
        "classes:\n  international-body: [International Criminal Police Organization, International Telecommunication Union, International Committee of the Red Cross, Organization for Security and Co-operation in Europe]\n",
        entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [interpol:multiple-choice:description]\n",
    );
    let (g, warnings) = run(&c);
    let q =
        find(&g, "interpol:multiple-choice:description").unwrap_or_else(|| panic!("{warnings:#?}"));
    let mut offered = options(q).to_vec();
    offered.sort();
    assert_eq!(
        offered,
        [
            "International Committee of the Red Cross",
            "International Criminal Police Organization",
            "International Telecommunication Union",
            "Organization for Security and Co-operation in Europe"
        ]
    );
}

#[test]
fn a_source_is_named_for_an_answer_only_when_its_quote_holds_it() {
    // The quote backs the English name, not the Russian abbreviation the blank asks for.
    // Of a fact's two sources, the one whose quote holds the answer is named.
    let c = course(
        "",
        "  - fact: The Russian International Affairs Council is abbreviated in Russian as {РСМД}.\n    id: rsmd\n    source: { id: s, quote: \"the Russian International Affairs Council (RIAC)\" }\n  - fact: The forum drew more than {300} participants.\n    id: participants\n    source: [{ id: s, quote: \"more than 300 participants\" }, { id: t, quote: \"the forum\" }]\n  - fact: The forum met in {April}.\n    id: april\n    source: { id: s, quote: \"met in April\" }\n",
        "  questions: 3\n  kinds: [cloze]\n",
    );
    let (g, _) = run(&c);
    let explanation = |id: &str| find(&g, id).expect(id).explanation.clone();
    assert!(
        !explanation("rsmd:cloze").contains("As the source gives it"),
        "{}",
        explanation("rsmd:cloze")
    );
    assert!(
        explanation("participants:cloze").contains("As the source gives it: S."),
        "{}",
        explanation("participants:cloze")
    );
    // A statement with nothing else to say of it names its one source.
    assert!(
        explanation("april:cloze").contains("As the source gives it: S."),
        "{}",
        explanation("april:cloze")
    );
}

#[test]
fn a_blank_is_given_away_by_its_acronym_as_a_choice_question_is() {
    // The second fact shows "OEWG", the initials of the first fact's blank.
    let entries = "  - term: OEWG\n    id: oewg\n    expansion: Open-ended Working Group\n    meaning: A UN group open to every state\n    source: s\n  - fact: Khramov praised the work of the {Open-ended Working Group}.\n    id: praised\n    source: s\n  - fact: In {2021}, the OEWG began its second term.\n    id: began\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: [cloze]\n  exclude: [oewg:cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn a_flashcard_is_given_away_by_its_answers_acronym() {
    // The second fact shows "OEWG", the initials of what the first fact's card asks for.
    let entries = "  - term: OEWG\n    id: oewg\n    expansion: Open-ended Working Group\n    meaning: A UN group open to every state\n    source: s\n  - fact: Khramov praised the work of the {Open-ended Working Group}.\n    id: praised\n    source: s\n  - fact: In {2021}, the OEWG began its second term.\n    id: began\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: { flashcard: 1, cloze: 1 }\n  pin: [praised:flashcard, began:cloze]\n",
    );
    assert_eq!(quiz_ids(&c).len(), 1, "{:?}", quiz_ids(&c));
}

#[test]
fn an_option_spelling_an_acronym_gives_it_away() {
    // The only terms of the course: the translation question on one offers the others'
    // Russian, among them the full form whose initials are МИБ.
    let entries = "  - fact: In Russian, “international information security” is abbreviated {МИБ}.\n    id: mib\n    source: s\n  - term: international information security\n    id: iis\n    meaning: Security of and in the use of ICTs among states\n    translation: { ru: международная информационная безопасность }\n    source: s\n  - term: worldwide information space\n    id: gis\n    meaning: The worldwide sphere of information\n    translation: { ru: глобальное информационное пространство }\n    source: s\n  - term: information and communications technologies\n    id: ict\n    meaning: Computers, networks and telecommunications\n    translation: { ru: информационно-коммуникационные технологии }\n    source: s\n  - term: autonomous non-profit organization\n    id: ano\n    meaning: A Russian form of non-profit body without members\n    translation: { ru: автономная некоммерческая организация }\n    source: s\n  - term: digital divide\n    id: divide\n    meaning: The gap in access to computers and the internet\n    translation: { ru: цифровое неравенство }\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: { multiple-choice: 1, cloze: 1 }\n  pin: [gis:multiple-choice:translation-ru, mib:cloze]\n",
    );
    let (g, warnings) = run(&c);
    let q =
        find(&g, "gis:multiple-choice:translation-ru").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(options(q).contains(&"международная информационная безопасность".to_owned()));
    assert!(find(&g, "mib:cloze").is_none());
}

/// Four plain terms with their Russian: a translation question on one offers the other
/// three's Russian.
const TERMS_RU: &str = "  - term: digital divide\n    id: divide\n    meaning: The gap in access to computers and the internet\n    translation: { ru: цифровое неравенство }\n    source: s\n  - term: critical infrastructure\n    id: critical\n    meaning: The systems a country cannot do without\n    translation: { ru: критическая инфраструктура }\n    source: s\n  - term: information security\n    id: infosec\n    meaning: The protection of information and of the systems that hold it\n    translation: { ru: информационная безопасность }\n    source: s\n  - term: capacity building\n    id: capacity\n    meaning: Helping states gain the means to protect their networks\n    translation: { ru: наращивание потенциала }\n    source: s\n  - term: hate speech\n    id: hate\n    meaning: Speech that stirs up hatred against a group\n    translation: { ru: язык вражды }\n    source: s\n";

#[test]
fn a_translation_that_alone_sounds_like_the_question_is_not_asked() {
    // «критическая инфраструктура» is the only Russian option a student can match to
    // "critical infrastructure" by its sound; «наращивание потенциала» echoes nothing.
    let c = course(
        "",
        TERMS_RU,
        "  questions: 2\n  kinds: [multiple-choice]\n  pin: [critical:multiple-choice:translation-ru, capacity:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "critical:multiple-choice:translation-ru").is_none());
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("critical:multiple-choice:translation-ru")
            && w.message
                .contains("`критическая` like `critical`, `инфраструктура` like `infrastructure`")),
        "{warnings:#?}"
    );
    assert!(
        find(&g, "capacity:multiple-choice:translation-ru").is_some(),
        "{warnings:#?}"
    );
}

#[test]
fn questions_offering_each_others_answers_are_not_asked_together() {
    // Four terms: each translation question offers the other three's Russian, and each
    // explanation says which term a Russian word translates.
    let entries = TERMS_RU;
    let c = course(
        "",
        entries,
        "  questions: 3\n  kinds: [multiple-choice]\n  pin: [divide:multiple-choice:translation-ru, critical:multiple-choice:translation-ru, infosec:multiple-choice:translation-ru]\n",
    );
    // Any two offer each other's answers (a hidden matching, whatever the explanations
    // say), so one is asked.
    let ids = quiz_ids(&c);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn a_text_saying_what_a_wrong_option_is_rules_it_out() {
    // "SCO stands for Shanghai Cooperation Organization" tells a student that SCO is not the
    // UN panel the other question describes; "CIS stands for …" rules out CIS.
    let entries = "  - term: GGE\n    id: gge\n    expansion: Group of Governmental Experts\n    meaning: A UN panel drawn from a limited number of states\n    source: s\n  - term: SCO\n    id: sco\n    expansion: Shanghai Cooperation Organization\n    meaning: A regional organization founded in 2001\n    source: s\n  - term: CIS\n    id: cis\n    expansion: Commonwealth of Independent States\n    meaning: A body of post-Soviet states\n    source: s\n  - term: EWI\n    id: ewi\n    expansion: EastWest Institute\n    meaning: A think tank in New York\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 3\n  kinds: { multiple-choice: 1, cloze: 2 }\n  pin: [gge:multiple-choice:term, sco:cloze, cis:cloze]\n",
    );
    let (g, warnings) = run(&c);
    let q = find(&g, "gge:multiple-choice:term").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(options(q).contains(&"SCO".to_owned()), "{:?}", options(q));
    assert!(options(q).contains(&"CIS".to_owned()), "{:?}", options(q));
    // Either says what one wrong option is; both would leave a guess between two.
    assert!(find(&g, "sco:cloze").is_some());
    assert!(find(&g, "cis:cloze").is_none());
}

#[test]
fn a_typed_answer_accepts_british_and_american_spelling() {
    let c = course(
        "",
        "  - term: SCO\n    id: sco\n    expansion: Shanghai Cooperation Organization\n    meaning: A regional organization founded in 2001\n    source: s\n  - fact: The brief calls for norms of responsible state {behaviour}.\n    id: norms\n    source: s\n  - fact: The draft was meant to {institutionalize} the agreement.\n    id: verb\n    source: s\n  - fact: The committee met to {seize} the moment.\n    id: seize\n    source: s\n",
        "  questions: 4\n  kinds: [cloze]\n",
    );
    let (g, _) = run(&c);
    assert!(
        accepted(&g, "sco:cloze").contains(&"Shanghai Cooperation Organisation".to_owned()),
        "{:?}",
        accepted(&g, "sco:cloze")
    );
    assert!(
        accepted(&g, "norms:cloze").contains(&"behavior".to_owned()),
        "{:?}",
        accepted(&g, "norms:cloze")
    );
    assert!(
        accepted(&g, "verb:cloze").contains(&"institutionalise".to_owned()),
        "{:?}",
        accepted(&g, "verb:cloze")
    );
    assert_eq!(accepted(&g, "seize:cloze"), ["seize"]);
}

#[test]
fn a_typed_answer_accepts_the_other_ways_a_name_is_written() {
    // A spacecraft's number in Roman numerals, two words joined by a hyphen, a modifier in
    // the other number: each is how a student who knows the answer may write it.
    let c = course(
        "",
        "  - fact: The first American spacewalk was made from {Gemini 4}.\n    id: gemini\n    source: s\n  - fact: Ryabkov spoke of the {military and political} use of ICTs.\n    id: use\n    source: s\n  - term: ICTs\n    id: icts\n    expansion: Information and Communications Technologies\n    meaning: Technologies for handling information\n    source: s\n  - fact: The summit was held in {2024}.\n    id: year\n    source: s\n",
        "  questions: 4\n  kinds: [cloze]\n",
    );
    let (g, _) = run(&c);
    assert_eq!(accepted(&g, "gemini:cloze"), ["Gemini 4", "Gemini IV"]);
    assert!(
        accepted(&g, "use:cloze").contains(&"military-political".to_owned()),
        "{:?}",
        accepted(&g, "use:cloze")
    );
    assert!(
        accepted(&g, "icts:cloze")
            .contains(&"Information and Communication Technologies".to_owned()),
        "{:?}",
        accepted(&g, "icts:cloze")
    );
    assert!(
        !accepted(&g, "year:cloze").iter().any(|a| a.contains('M')),
        "{:?}",
        accepted(&g, "year:cloze")
    );
}

#[test]
fn positions_shown_with_their_holders_rule_each_other_out() {
    // Each question's explanation gives its person's post, and the questions on the posts
    // of four people all offer the same four posts: each answers the others, so one is
    // asked.
    let c = course(
        "",
        PEOPLE,
        "  questions: 3\n  kinds: [multiple-choice]\n  pin: [ann-archer:multiple-choice:role, bob-baker:multiple-choice:role, cy-cole:multiple-choice:role]\n",
    );
    let ids = quiz_ids(&c);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn an_explanations_added_sentence_never_rules_out_another_questions_option() {
    // The question on what "digital divide" means would add "In Russian: цифровое
    // неравенство", a wrong option of the question on the Russian for "capacity
    // building": the sentence is left out. (Its meaning names capacity, so that the
    // question on it never offers "capacity building", and the deck has terms enough for
    // the two to offer different sets: else they would answer each other.)
    let entries = &format!(
        "{}  - term: data localization\n    meaning: Keeping data on servers inside a country\n    translation: {{ ru: локализация данных }}\n    source: s\n  - term: cyber hygiene\n    meaning: Habits that keep computers safe\n    translation: {{ ru: кибергигиена }}\n    source: s\n  - term: supply chain\n    meaning: The firms that make and deliver a product\n    translation: {{ ru: цепочка поставок }}\n    source: s\n  - term: open source\n    meaning: Software whose code anyone may read\n    translation: {{ ru: открытый код }}\n    source: s\n",
        TERMS_RU.replace(
            "The gap in access to computers and the internet",
            "The gap in access to computers and the internet that capacity programmes narrow",
        )
    );
    let c = course(
        "",
        entries,
        "  questions: 2\n  kinds: [multiple-choice]\n  pin: [divide:multiple-choice:term, capacity:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    let capacity = find(&g, "capacity:multiple-choice:translation-ru")
        .unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(options(capacity).contains(&"цифровое неравенство".to_owned()));
    let divide = find(&g, "divide:multiple-choice:term").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        !divide.explanation.contains("цифровое неравенство"),
        "{}",
        divide.explanation
    );
    assert!(
        divide.explanation.contains("The gap in access"),
        "{}",
        divide.explanation
    );
}

#[test]
fn a_flashcard_saying_what_a_wrong_option_is_rules_it_out() {
    // Two cards say what two of the question's three wrong options mean: together they
    // would leave a guess between two.
    let entries = "  - term: GGE\n    id: gge\n    meaning: A UN group of experts from a limited number of states\n    source: s\n  - term: SCO\n    id: sco\n    meaning: A regional organization founded in 2001\n    source: s\n  - term: CIS\n    id: cis\n    meaning: A body of post-Soviet states\n    source: s\n  - term: EWI\n    id: ewi\n    meaning: A think tank in New York\n    source: s\n";
    let c = course(
        "",
        entries,
        "  questions: 3\n  kinds: { multiple-choice: 1, flashcard: 2 }\n  pin: [gge:multiple-choice:term, sco:flashcard, cis:flashcard]\n",
    );
    let ids = quiz_ids(&c);
    assert!(
        ids.contains(&"gge:multiple-choice:term".to_owned()),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 2, "{ids:?}");
}

#[test]
fn the_teachers_own_questions_are_asked_before_generated_ones() {
    // Ten people whose roles make generated questions, and three questions the teacher
    // wrote: a quiz of four multiple-choice questions asks the teacher's three, whatever
    // the seed; the fourth place is the generator's.
    let mut entries = String::new();
    for (i, name) in [
        "Ann Archer",
        "Bob Baker",
        "Cy Cole",
        "Di Dunn",
        "Ed Eyre",
        "Flo Ford",
        "Gus Gray",
        "Hal Hunt",
        "Ida Irwin",
        "Jo Jones",
    ]
    .iter()
    .enumerate()
    {
        entries.push_str(&format!(
            "  - person: {name}\n    role: Head of office number {}\n    source: s\n",
            i + 1
        ));
    }
    for (id, prompt, answer, distractors) in [
        (
            "q-capital",
            "Which city hosts the UN's European office?",
            "Geneva",
            "Zurich, Basel, Bern",
        ),
        (
            "q-river",
            "Which river flows through Vienna?",
            "Danube",
            "Rhine, Elbe, Oder",
        ),
        (
            "q-sea",
            "Which sea lies north of Turkey?",
            "Black Sea",
            "Red Sea, White Sea, Dead Sea",
        ),
    ] {
        entries.push_str(&format!(
            "  - question: {prompt}\n    id: {id}\n    answer: {answer}\n    distractors: [{distractors}]\n    source: s\n"
        ));
    }
    let quiz = "  questions: 4\n  kinds: [multiple-choice]\n";
    let c = course("", &entries, quiz);
    for seed in 0..8 {
        let g = run_seed(&c, seed);
        let ids: Vec<&str> = questions(&g).iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), 4, "seed {seed}: {ids:?}");
        for own in ["q-capital", "q-river", "q-sea"] {
            assert!(
                ids.contains(&format!("{own}:multiple-choice:answer").as_str()),
                "seed {seed}: the teacher's {own} is not asked: {ids:?}"
            );
        }
    }
}

#[test]
fn an_event_that_lasted_is_not_given_away_by_its_span_elsewhere() {
    // Another event's explanation names its neighbours with their dates: the span
    // "21–27 December 1968" gives away the first day a date question asks for.
    let entries = "  - event: Apollo 8 flies around the Moon\n    id: apollo-8\n    date: 1968-12-21\n    end: 1968-12-27\n    source: s\n  - event: Apollo 7 flies the first crewed Apollo mission\n    date: 1968-10-11\n    source: s\n  - event: Apollo 9 tests the lunar module\n    date: 1969-03-03\n    source: s\n  - event: Apollo 10 rehearses the landing\n    date: 1969-05-18\n    source: s\n";
    let c = course("", entries, "  questions: 3\n  kinds: [multiple-choice]\n");
    let mut asked = 0;
    for seed in 0..12 {
        let g = run_seed(&c, seed);
        let all = questions(&g);
        if !all.iter().any(|q| q.id == "apollo-8:multiple-choice:date") {
            continue;
        }
        asked += 1;
        for q in all
            .iter()
            .filter(|q| q.id != "apollo-8:multiple-choice:date")
        {
            let text = serde_json::to_string(q).unwrap();
            assert!(
                !text.contains("21–27 December 1968"),
                "seed {seed}: {} shows the span: {text}",
                q.id
            );
        }
    }
    assert!(asked > 0, "the span event's date question was never asked");
}

#[test]
fn a_short_quiz_says_why_and_how_long_it_can_be() {
    // Five events give a date question and a statement each, but each entry is asked about
    // once: the warning says why the others stay out and what `questions:` to set.
    let c = course(
        "",
        "  - event: The first group meets\n    date: 2004-07-12\n    source: s\n  - event: The second group meets\n    date: 2009-11-16\n    source: s\n  - event: The third group meets\n    date: 2014-07-14\n    source: s\n  - event: The fourth group meets\n    date: 2019-09-09\n    source: s\n  - event: The fifth group meets\n    date: 2021-06-01\n    source: s\n",
        "  questions: 9\n  kinds: [multiple-choice, true-false]\n",
    );
    let (g, warnings) = run(&c);
    let asked = questions(&g).len();
    assert!(asked < 9, "{asked}");
    let short = warnings
        .iter()
        .find(|w| w.message.contains("asks for 9 questions"))
        .expect("a warning about the short quiz");
    assert!(
        short
            .message
            .contains(&format!("but its quiz has only {asked}: of the "))
            && short
                .message
                .contains("asks about an entry the quiz already asks about"),
        "{}",
        short.message
    );
    assert_eq!(
        short.help.as_deref(),
        Some(
            format!("lower `questions:` to {asked} in the deck's quiz settings, or add entries")
                .as_str()
        )
    );
}

#[test]
fn a_russian_answer_of_the_questions_root_stands_out() {
    // «космонавт» shares its root with «космос» in the meaning: the only option that does.
    let c = course(
        "language: ru\n",
        "  - term: космонавт\n    meaning: Человек, летавший в космос на советском или российском корабле\n    source: s\n  - term: спутник\n    meaning: Тело, которое обращается вокруг планеты\n    source: s\n  - term: невесомость\n    meaning: Состояние, в котором тело не давит на опору\n    source: s\n  - term: луноход\n    meaning: Аппарат, который ездит по Луне\n    source: s\n",
        "  questions: 4\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    let id = c.decks[0].entries[0].id.clone();
    assert_eq!(
        dropped(&g, &format!("{id}:multiple-choice:term")),
        Some(DropKind::GivesAway)
    );
    let other = c.decks[0].entries[2].id.clone();
    assert_eq!(dropped(&g, &format!("{other}:multiple-choice:term")), None);
}

#[test]
fn a_power_is_never_offered_among_small_states() {
    // Two states that take "the" are well known (the United States, the United Kingdom);
    // the Marshall Islands or the Solomon Islands beside the Soviet Union are no option at
    // all: the question is not asked with options.
    let c = course(
        "",
        "  - fact: Sputnik 1 was launched by the {Soviet Union}.\n    id: launcher\n    blanks: { Soviet Union: country }\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    assert_eq!(
        dropped(&g, "launcher:multiple-choice:blank-1"),
        Some(DropKind::TooFew)
    );
    // A small state stands among others.
    let c = course(
        "",
        "  - fact: The summit was held in {Malta}.\n    id: venue\n    blanks: { Malta: country }\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "venue:multiple-choice:blank-1").expect("a question on a small state");
    assert_eq!(options(q).len(), 4);
}

#[test]
fn two_questions_whose_one_unshared_option_is_the_answer_are_not_asked_together() {
    // The same three wrong options beside different answers: set side by side, the one
    // option each question has and the other lacks is its answer.
    let mut entries = String::new();
    for (id, n) in [("first", 1), ("fifth", 5)] {
        let wrong: Vec<String> = (1..=5)
            .filter(|&k| k != n && (k == 2 || k == 3 || k == 4))
            .map(|k| format!("Round Table No. {k}"))
            .collect();
        entries.push_str(&format!(
            "  - question: Which round table took up topic {id}?\n    id: {id}\n    answer: Round Table No. {n}\n    distractors: [{}]\n    source: s\n",
            wrong.join(", ")
        ));
    }
    let c = course("", &entries, "  questions: 2\n  kinds: [multiple-choice]\n");
    for seed in 0..8 {
        let g = run_seed(&c, seed);
        assert_eq!(questions(&g).len(), 1, "seed {seed}");
    }
}

#[test]
fn a_position_that_names_a_sex_is_no_wrong_option_for_one_that_does_not() {
    let c = course(
        "",
        "  - person: Alexei Leonov\n    id: leonov\n    role: Soviet cosmonaut, the first person to walk in space\n    source: s\n  - person: Valentina Tereshkova\n    role: Soviet cosmonaut, the first woman in space\n    source: s\n  - person: Yuri Gagarin\n    role: Soviet cosmonaut, the first human in space\n    source: s\n  - person: Gherman Titov\n    role: Soviet cosmonaut, the first to spend a day in orbit\n    source: s\n  - person: Vladimir Komarov\n    role: Soviet cosmonaut, the first to fly twice in space\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [leonov:multiple-choice:role]\n",
    );
    for seed in 0..8 {
        let g = run_seed(&c, seed);
        let q = find(&g, "leonov:multiple-choice:role").expect("made");
        assert!(
            options(q).iter().all(|o| !o.contains("woman")),
            "seed {seed}: {:?}",
            options(q)
        );
    }
}

#[test]
fn the_teachers_other_spellings_of_an_answer_count_as_the_answer() {
    // "Russia and the US" in another question gives away "Russia and the United States".
    let c = course(
        "",
        "  - question: Which two countries sponsored the draft?\n    id: sponsors\n    answer: Russia and the United States\n    accept: [Russia and the US]\n    distractors: [Russia and China, China and the United Kingdom, France and the United Kingdom]\n    source: s\n  - fact: Russia and the US reached a {compromise} on the text.\n    id: text\n    source: s\n",
        "  questions: 2\n  kinds: [multiple-choice, cloze]\n",
    );
    for seed in 0..8 {
        let g = run_seed(&c, seed);
        let ids: Vec<&str> = questions(&g).iter().map(|q| q.id.as_str()).collect();
        assert!(
            !(ids.contains(&"sponsors:multiple-choice:answer") && ids.contains(&"text:cloze")),
            "seed {seed}: {ids:?}"
        );
    }
}

/// Four people, three of whom the sources call Soviet; with `more`, a fifth who is not.
fn soviet_and_american(more: &str) -> Course {
    course(
        "",
        &format!(
            "  - person: Gus Grissom\n    id: grissom\n    role: Commander of the first crewed Gemini flight\n    source: s\n  - person: Yuri Gagarin\n    role: Soviet cosmonaut, the first human in space\n    source: s\n  - person: Alexei Leonov\n    role: Soviet cosmonaut, the first person to walk in space\n    source: s\n  - person: Sergei Korolev\n    role: Chief designer of the Soviet space program\n    source: s\n{more}"
        ),
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [grissom:multiple-choice:role]\n",
    )
}

#[test]
fn the_only_option_without_a_word_all_the_others_say_stands_out() {
    // Every other position says "Soviet": the American's stands out.
    let c = soviet_and_american("");
    let (g, warnings) = run(&c);
    assert!(find(&g, "grissom:multiple-choice:role").is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("every wrong option says `soviet`")),
        "{warnings:#?}"
    );
    // With a fifth position that does not say it, that one is offered in place of a Soviet
    // one, and the question is asked.
    let c = soviet_and_american(
        "  - person: Jim Lovell\n    role: Commander of Apollo 13\n    source: s\n",
    );
    let (g, warnings) = run(&c);
    let q = find(&g, "grissom:multiple-choice:role").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        options(q).contains(&"Commander of Apollo 13".to_owned()),
        "{:?}",
        options(q)
    );
    let soviet = options(q).iter().filter(|o| o.contains("Soviet")).count();
    assert!(soviet < 3, "{:?}", options(q));
}

#[test]
fn a_date_or_number_answer_is_as_often_at_an_end_of_its_options_as_inside() {
    // Taking the nearest values on both sides would always put the answer in the middle,
    // and a student would rule out the smallest and the largest option.
    let c = course(
        "",
        "  - event: The first crewed flight\n    id: flight\n    date: 1961-04-12\n    source: s\n  - fact: The assembly had {107} co-sponsors.\n    id: sponsors\n    source: s\n  - fact: The group first met in {1998}.\n    id: met\n    source: s\n",
        "  questions: 3\n  kinds: [multiple-choice]\n",
    );
    let value = |q: &Question, o: &str| -> i64 {
        if q.id.starts_with("flight") {
            o.split(' ')
                .next()
                .and_then(|d| d.parse().ok())
                .expect("a day")
        } else {
            o.parse().expect("a number")
        }
    };
    for id in [
        "flight:multiple-choice:date",
        "sponsors:multiple-choice:blank-1",
        "met:multiple-choice:blank-1",
    ] {
        let mut places = [0usize; 4];
        for seed in 1..=200 {
            let g = run_seed(&c, seed);
            let q = find(&g, id).unwrap_or_else(|| panic!("{id} at seed {seed}"));
            let Body::MultipleChoice(choice) = &q.body else {
                panic!("{id}")
            };
            let answer = value(q, &choice.options[choice.answer]);
            let below = choice
                .options
                .iter()
                .filter(|o| value(q, o) < answer)
                .count();
            places[below] += 1;
        }
        let ends = places[0] + places[3];
        assert!(
            (60..=140).contains(&ends),
            "{id}: the answer's places {places:?}"
        );
        assert!(
            places.iter().all(|&p| p >= 25),
            "{id}: the answer's places {places:?}"
        );
    }
}

#[test]
fn a_false_date_is_off_by_a_month_not_by_a_day() {
    // "2 November" for an event of 3 November is a trap no student is expected to see.
    let c = course(
        "",
        "  - event: The committee adopts the draft\n    id: adopts\n    date: 2021-11-03\n    source: s\n  - fact: The forum closed on {18 September 2024}.\n    id: closed\n    blanks: { 18 September 2024: date }\n    source: s\n",
        "  questions: 2\n  kinds: [true-false]\n",
    );
    let mut lies = 0;
    for seed in 1..=40 {
        for q in questions(&run_seed(&c, seed)) {
            let Body::TrueFalse {
                statement,
                answer: false,
                ..
            } = &q.body
            else {
                continue;
            };
            lies += 1;
            let ok = if q.id.starts_with("adopts") {
                statement.starts_with("3 ") && !statement.contains("November 2021")
            } else {
                statement.contains(" 18 ") && !statement.contains("September")
            };
            assert!(ok, "{statement}");
        }
    }
    assert!(lies >= 20, "{lies} false statements in 40 seeds");
}

#[test]
fn people_the_teacher_puts_in_a_class_are_offered_among_their_class() {
    // Cosmonauts offered for an astronaut's words or post would stand out at once.
    let people = |quiz: &str| {
        course(
            "classes:\n  astronauts: [Neil Armstrong, Jim Lovell, Gus Grissom, John Glenn]\n  cosmonauts: [Yuri Gagarin, Valentina Tereshkova, Alexei Leonov]\n",
            "  - person: Neil Armstrong\n    id: armstrong\n    role: Commander of Apollo 11\n    source: s\n  - person: Jim Lovell\n    role: Commander of Apollo 13\n    source: s\n  - person: Gus Grissom\n    role: Commander of the first crewed Gemini flight\n    source: s\n  - person: John Glenn\n    id: glenn\n    role: The first American to orbit the Earth\n    source: s\n  - person: Yuri Gagarin\n    role: The first human in space\n    source: s\n  - person: Valentina Tereshkova\n    role: The first woman in space\n    source: s\n  - person: Alexei Leonov\n    role: The first person to walk in space\n    source: s\n  - quote: Houston, we've had a problem.\n    id: houston\n    by: Jim Lovell\n    source: s\n",
            quiz,
        )
    };
    // One at a time: over a class of four, the two would offer each other's answers.
    let said = people("  questions: 1\n  kinds: [who]\n  pin: [houston:who:said]\n");
    let is = people("  questions: 1\n  kinds: [who]\n  pin: [glenn:who:is]\n");
    let role = people(
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [armstrong:multiple-choice:role]\n",
    );
    let astronauts = ["Neil Armstrong", "Jim Lovell", "Gus Grissom", "John Glenn"];
    for seed in 1..=10 {
        for (c, id) in [(&said, "houston:who:said"), (&is, "glenn:who:is")] {
            let g = run_seed(c, seed);
            let q = find(&g, id).unwrap_or_else(|| panic!("{id} at seed {seed}: {:#?}", g.reports));
            assert!(
                options(q).iter().all(|o| astronauts.contains(&o.as_str())),
                "{id}: {:?}",
                options(q)
            );
        }
        let g = run_seed(&role, seed);
        let q = find(&g, "armstrong:multiple-choice:role").expect("the role question");
        assert!(
            options(q)
                .iter()
                .all(|o| o.starts_with("Commander") || o.contains("American")),
            "{:?}",
            options(q)
        );
    }
}

#[test]
fn a_kind_that_fills_in_far_beyond_its_share_is_a_warning() {
    // Four events make one timeline; the quiz of eight is filled with recall cards, where
    // `kinds:` gave them a quarter.
    let mut entries = String::new();
    for (i, year) in [1957, 1961, 1965, 1969].iter().enumerate() {
        entries.push_str(&format!(
            "  - event: Event number {i}\n    date: {year}\n    source: s\n"
        ));
    }
    for i in 0..8 {
        entries.push_str(&format!(
            "  - fact: The panel's finding number {i} was {{unanimous{i}}}.\n    source: s\n"
        ));
    }
    let c = course(
        "",
        &entries,
        "  questions: 8\n  kinds: { timeline: 3, flashcard: 1 }\n",
    );
    let (g, warnings) = run(&c);
    let cards = questions(&g)
        .iter()
        .filter(|q| matches!(q.body, Body::Flashcard { .. }))
        .count();
    assert!(cards >= 5, "{cards}");
    assert!(
        warnings.iter().any(|w| w.message.contains(&format!(
            "has {cards} flashcard questions of its 8, where `kinds:` gives them about 2"
        ))),
        "{warnings:#?}"
    );
}

#[test]
fn a_question_on_several_entries_says_whose_each_note_is() {
    let c = course(
        "",
        "  - event: The first event\n    date: 1998\n    note: Dated by the news report.\n    source: s\n  - event: The middle event\n    date: 2010\n    source: s\n  - event: The last event\n    date: 2024\n    note: The day is not known.\n    source: s\n",
        "  questions: 1\n  kinds: [timeline]\n",
    );
    let (g, _) = run(&c);
    let q = questions(&g)[0];
    assert_eq!(
        q.note.as_deref(),
        Some(
            "On “The first event”: Dated by the news report. On “The last event”: The day is not known."
        )
    );
}

/// Threats and their Russian, most of them loanwords a student reads by sight.
const THREATS: &str = "  - term: cyberattack\n    meaning: An attempt to damage or enter a computer system\n    translation: { ru: кибератака }\n    source: s\n  - term: computer incident\n    meaning: An event that harms a computer system\n    translation: { ru: компьютерный инцидент }\n    source: s\n  - term: cybercrime\n    meaning: Crime by means of computers\n    translation: { ru: киберпреступность }\n    source: s\n  - term: ransomware\n    id: ransomware\n    meaning: Software that locks data for a ransom\n    translation: { ru: программа-вымогатель }\n    source: s\n";

#[test]
fn wrong_options_a_student_reads_as_other_english_words_leave_too_few_rivals() {
    // «кибератака», «компьютерный инцидент» and «киберпреступность» read as
    // "cyberattack", "computer incident" and (by "кибер") "cyber…": none would stand
    // beside the answer.
    let c = course(
        "",
        THREATS,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [ransomware:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "ransomware:multiple-choice:translation-ru").is_none());
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("a student reads 3 of the wrong options as other English words")),
        "{warnings:#?}"
    );
    // With two more threats whose Russian reads as nothing English, the question is asked
    // with them.
    let more = format!(
        "{THREATS}  - term: phishing\n    meaning: Luring people into giving away passwords\n    translation: {{ ru: выуживание паролей }}\n    source: s\n  - term: botnet\n    meaning: A network of hijacked computers\n    translation: {{ ru: сеть заражённых машин }}\n    source: s\n"
    );
    let c = course(
        "",
        &more,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [ransomware:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    let q = find(&g, "ransomware:multiple-choice:translation-ru")
        .unwrap_or_else(|| panic!("{warnings:#?}"));
    let read = ["кибератака", "компьютерный инцидент"];
    assert!(
        options(q)
            .iter()
            .filter(|o| read.contains(&o.as_str()))
            .count()
            <= 1,
        "{:?}",
        options(q)
    );
}

#[test]
fn the_only_option_sounding_like_one_word_of_the_question_stands_out() {
    // Every option sounds like "information", only the answer like "regime".
    let c = course(
        "",
        "  - term: information security regime\n    id: regime\n    meaning: Rules on information security among states\n    translation: { ru: режим информационной безопасности }\n    source: s\n  - term: information space\n    meaning: The sphere of information\n    translation: { ru: информационное пространство }\n    source: s\n  - term: information warfare\n    meaning: Conflict waged with information\n    translation: { ru: информационная война }\n    source: s\n  - term: information society\n    meaning: A society built on information\n    translation: { ru: информационное общество }\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [regime:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "regime:multiple-choice:translation-ru").is_none());
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("sounds like a word of the question (`режим` like `regime`)")),
        "{warnings:#?}"
    );
}

#[test]
fn the_days_near_the_start_of_a_month_run_back_into_the_month_before() {
    // 3 November: the days before it are 2 and 1 November, then 31 October; the same day
    // of another month among them would be the odd one out.
    let c = course(
        "",
        "  - event: The committee adopts the draft\n    id: adopts\n    date: 2021-11-03\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    for seed in 1..=40 {
        let g = run_seed(&c, seed);
        let q = find(&g, "adopts:multiple-choice:date").expect("made");
        for o in options(q) {
            assert!(
                o.ends_with("November 2021")
                    || ["29 October 2021", "30 October 2021", "31 October 2021"]
                        .contains(&o.as_str()),
                "{:?}",
                options(q)
            );
        }
    }
}

#[test]
fn a_role_that_starts_with_the_reads_on_mid_sentence_and_classed_people_make_no_statements() {
    let people = |classes: &str, quiz: &str| {
        course(
            classes,
            "  - person: Neil Armstrong\n    role: Commander of Apollo 11\n    source: s\n  - person: Jim Lovell\n    role: Commander of Apollo 13\n    source: s\n  - person: Gus Grissom\n    role: Commander of the first crewed Gemini flight\n    source: s\n  - person: John Glenn\n    id: glenn\n    role: The first American to orbit the Earth\n    source: s\n",
            quiz,
        )
    };
    let classes = "classes:\n  astronauts: [Neil Armstrong, Jim Lovell, Gus Grissom, John Glenn]\n";
    let (g, warnings) = run(&people(
        classes,
        "  questions: 1\n  kinds: [who]\n  pin: [glenn:who:is]\n",
    ));
    let who = find(&g, "glenn:who:is").unwrap_or_else(|| panic!("{warnings:#?}"));
    let Body::Who(choice) = &who.body else {
        panic!()
    };
    assert!(
        choice.prompt.contains("as “the first American"),
        "{}",
        choice.prompt
    );
    // Without a class, a false statement swaps in another person, the role mid-sentence.
    let (g, warnings) = run(&people(
        "",
        "  questions: 1\n  kinds: [true-false]\n  pin: [glenn:true-false:false]\n",
    ));
    let lie = find(&g, "glenn:true-false:false").unwrap_or_else(|| panic!("{warnings:#?}"));
    let Body::TrueFalse { statement, .. } = &lie.body else {
        panic!()
    };
    assert!(statement.contains(" as the first American"), "{statement}");
    assert!(!statement.contains("John Glenn"), "{statement}");
    // In a class, the person is asked about in who questions only, and the report says so.
    let (g, _) = run(&people(classes, "  questions: 1\n  kinds: [true-false]\n"));
    assert!(questions(&g).is_empty());
    assert_eq!(dropped(&g, "glenn:true-false"), Some(DropKind::Classed));
}

#[test]
fn once_the_options_read_by_sight_are_ruled_out_the_answer_may_stand_out() {
    // «глобальное информационное пространство» reads as "global…", not asked: ruled out.
    // Of the two left, neither sounds like "information", which the answer does.
    let c = course(
        "",
        "  - term: information security\n    id: infosec\n    meaning: The protection of information\n    translation: { ru: информационная безопасность }\n    source: s\n  - term: global information space\n    meaning: The worldwide sphere of information\n    translation: { ru: глобальное информационное пространство }\n    source: s\n  - term: hate speech\n    meaning: Speech that stirs up hatred against a group\n    translation: { ru: язык вражды }\n    source: s\n  - term: digital divide\n    meaning: The gap in access to computers and the internet\n    translation: { ru: цифровое неравенство }\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [infosec:multiple-choice:translation-ru]\n",
    );
    let (g, warnings) = run(&c);
    assert!(find(&g, "infosec:multiple-choice:translation-ru").is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("once a student rules out the wrong options read as other English words («глобальное информационное пространство»)")),
        "{warnings:#?}"
    );
}

#[test]
fn a_teachers_wrong_option_that_does_not_read_after_the_is_a_warning() {
    let c = course(
        "",
        "  - fact: He blamed the {United States} and its allies.\n    blanks: { United States: [United Kingdom, Germany, France] }\n    source: s\n",
        "  questions: 1\n  kinds: [multiple-choice]\n",
    );
    let (_, warnings) = run(&c);
    assert!(
        warnings.iter().any(|w| w.message
            == "wrong options `Germany`, `France` for \"United States\" do not read after \"the\" (\"the Germany\")"),
        "{warnings:#?}"
    );
}

#[test]
fn true_false_questions_that_can_only_be_true_are_a_warning() {
    // The false versions are excluded: every statement the deck can make is true.
    let c = course(
        "classes:\n  channel: [treaties, forums, agencies, alliances]\n",
        "  - fact: Information is shared through {treaties}.\n    id: shared\n    source: s\n  - fact: Dialogue happens in {forums}.\n    id: dialogue\n    source: s\n",
        "  questions: 2\n  kinds: [true-false]\n  exclude: [shared:true-false:false, dialogue:true-false:false]\n",
    );
    let (g, warnings) = run(&c);
    assert_eq!(questions(&g).len(), 2);
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("has 2 true-false questions, but every statement its entries give is true")),
        "{warnings:#?}"
    );
}

#[test]
fn an_abbreviation_whose_first_letter_alone_reads_as_the_names_is_not_offered_with_options() {
    // С looks like the C of Commonwealth; no other abbreviation of the class starts so.
    let sng = |class: &str| {
        course(
            &format!("classes:\n  body-ru: [{class}]\n"),
            "  - fact: In Russian, the Commonwealth of Independent States is abbreviated {СНГ}.\n    id: sng\n    blanks: { СНГ: body-ru }\n    source: s\n",
            "  questions: 1\n  kinds: [multiple-choice]\n  pin: [sng:multiple-choice:blank-1]\n",
        )
    };
    let (g, warnings) = run(&sng("СНГ, ШОС, МККК, ГПЭ, ОДКБ"));
    assert!(find(&g, "sng:multiple-choice:blank-1").is_none());
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("the answer's first letter reads best as the first letter of `Commonwealth` in the question")),
        "{warnings:#?}"
    );
    // With other abbreviations that start with С (or look like a C), it is asked.
    let (g, warnings) = run(&sng("СНГ, ШОС, СВР, МККК, СБ ООН, ГПЭ"));
    let q = find(&g, "sng:multiple-choice:blank-1").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        options(q).iter().filter(|o| o.starts_with('С')).count() >= 2,
        "{:?}",
        options(q)
    );
}

/// The timeline sets of the course over seeds 1..=`seeds`, as lists of event ids.
fn timeline_sets(c: &Course, seeds: u64) -> Vec<Vec<String>> {
    let mut sets = Vec::new();
    for seed in 1..=seeds {
        let g = run_seed(c, seed);
        for q in questions(&g) {
            if matches!(q.body, Body::Timeline(_)) {
                sets.push(q.entries.clone());
            }
        }
    }
    sets
}

/// Events of one story (agree, submit, committee, assembly), periods (platforms, term) and
/// what happened in them, and two events sharing no rare word (summit, forum): id, text,
/// date, end.
const STORY_EVENTS: [(&str, &str, &str, &str); 10] = [
    (
        "agree",
        "Putin and Biden reach the agreement that a joint draft resolution was later meant to institutionalize",
        "2021-06-16",
        "",
    ),
    (
        "submit",
        "Russia and the United States submit a joint draft resolution to the First Committee",
        "2021-10",
        "",
    ),
    (
        "committee",
        "The First Committee adopts the Russia–US draft resolution without a vote",
        "2021-11-03",
        "",
    ),
    (
        "assembly",
        "The General Assembly adopts the resolution without a vote",
        "2021-12-06",
        "",
    ),
    (
        "calls",
        "Russia begins calling for international rules on information security",
        "1998",
        "",
    ),
    (
        "consortium",
        "A research consortium on information security is created",
        "2010",
        "",
    ),
    (
        "platforms",
        "Two competing platforms on information security hold their sessions",
        "2019",
        "2021",
    ),
    (
        "term",
        "The working group on information security runs its term",
        "2021",
        "2025",
    ),
    (
        "forum",
        "The forum on information security concludes in Moscow",
        "2024-09-18",
        "",
    ),
    ("summit", "The Moscow summit opens", "2016", ""),
];

#[test]
fn a_timeline_holds_no_two_steps_of_one_story_nor_a_period_and_what_happened_in_it() {
    let entries: String = STORY_EVENTS
        .iter()
        .map(|(id, text, date, end)| {
            let end = if end.is_empty() {
                String::new()
            } else {
                format!("    end: {end}\n")
            };
            format!("  - event: {text}\n    id: {id}\n    date: {date}\n{end}    source: s\n")
        })
        .collect();
    let quiz = "  questions: 2\n  kinds: [timeline]\n";
    let sets = timeline_sets(&course("", &entries, quiz), 20);
    assert!(!sets.is_empty());
    let story = ["agree", "submit", "committee", "assembly"];
    for set in &sets {
        // "adopts … draft resolution without a vote" twice, "joint draft resolution" twice:
        // one story, whose order a student reasons out.
        assert!(
            set.iter().filter(|id| story.contains(&id.as_str())).count() <= 1,
            "{set:?}"
        );
        // 2021–2025 holds 2024 and 2021; 2019–2021 holds 2021.
        let has = |id: &str| set.iter().any(|s| s == id);
        assert!(
            !(has("term") && (has("forum") || has("platforms"))),
            "{set:?}"
        );
        assert!(
            !(has("platforms") && set.iter().any(|s| story.contains(&s.as_str()))),
            "{set:?}"
        );
    }
}

/// A `see:` link makes one story too: the summit and the forum share no rare word, so only
/// the link keeps them apart.
#[test]
fn a_see_link_keeps_two_events_out_of_one_timeline() {
    let small: String = STORY_EVENTS
        .iter()
        .filter(|(id, ..)| ["calls", "consortium", "summit", "forum"].contains(id))
        .map(|(id, text, date, _)| {
            let see = if *id == "summit" {
                "    see: [forum]\n"
            } else {
                ""
            };
            format!("  - event: {text}\n    id: {id}\n    date: {date}\n{see}    source: s\n")
        })
        .collect();
    let together = |sets: &[Vec<String>]| {
        sets.iter()
            .any(|set| set.contains(&"summit".to_owned()) && set.contains(&"forum".to_owned()))
    };
    let quiz = "  questions: 1\n  kinds: [timeline]\n";
    let unlinked = small.replace("    see: [forum]\n", "");
    assert!(together(&timeline_sets(&course("", &unlinked, quiz), 5)));
    let linked = timeline_sets(&course("", &small, quiz), 5);
    assert!(!linked.is_empty() && !together(&linked), "{linked:?}");
}

#[test]
fn a_matching_or_a_timeline_explains_what_the_teacher_adds_about_its_items() {
    let c = course(
        "",
        "  - event: The treaty is signed\n    date: 1998\n    explain: It was the first of its kind.\n    source: s\n  - event: The council first meets\n    date: 2004\n    source: s\n  - event: The register opens\n    date: 2010\n    explain: Members report to it every year.\n    source: s\n",
        "  questions: 1\n  kinds: [timeline]\n",
    );
    let (g, _) = run(&c);
    let q = questions(&g)[0];
    assert!(matches!(q.body, Body::Timeline(_)));
    assert_eq!(
        q.explanation,
        "1998: It was the first of its kind. 2010: Members report to it every year."
    );
    // A person the teacher says nothing of is explained by the first fact that names them.
    let people = format!(
        "{PEOPLE}  - fact: The panel met under {{Ann Archer}}'s chair in Oslo.\n    source: s\n  - person: Eve Ennis\n    aliases: [Evelyn Ennis]\n    role: Clerk of the fifth court\n    explain: She kept the records.\n    source: s\n"
    );
    let (g, _) = run(&course(
        "",
        &people,
        "  questions: 1\n  kinds: [matching]\n",
    ));
    let q = questions(&g)[0];
    assert!(matches!(q.body, Body::Matching(_)));
    assert!(
        q.explanation
            .contains("Ann Archer: The panel met under Ann Archer's chair in Oslo.")
            && q.explanation.contains("Eve Ennis: She kept the records."),
        "{}",
        q.explanation
    );
    // Of people the course says nothing more of, the explanation is empty: the key shows
    // the pairs and the source already.
    let (g, _) = run(&course("", PEOPLE, "  questions: 1\n  kinds: [matching]\n"));
    assert_eq!(questions(&g)[0].explanation, "");
}

#[test]
fn a_facts_card_gives_the_other_right_answers_and_its_recall_question_the_whole_sentence() {
    let c = course(
        "",
        "  - fact: In Russian, information security is abbreviated {МИБ|MIB|ИБ}.\n    id: mib\n    explain: It is standard in official writing.\n    source: s\n",
        "  questions: 1\n  kinds: [flashcard]\n",
    );
    let (g, _) = run(&c);
    let card = &g.decks[0].cards[0];
    // The Latin spelling is for typing the answer, not to learn: it is not shown.
    assert_eq!(
        card.back
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["Also right: ИБ", "It is standard in official writing."]
    );
    let q = questions(&g)[0];
    let Body::Flashcard { back, .. } = &q.body else {
        panic!("{:?}", q.body)
    };
    assert_eq!(back, "МИБ\nAlso right: ИБ");
    // "It" in the note means the sentence's subject, which comes first.
    assert_eq!(
        q.explanation,
        "In Russian, information security is abbreviated МИБ. It is standard in official writing."
    );
}

#[test]
fn a_matching_set_has_the_same_id_whatever_the_seed() {
    // A teacher excludes or pins a set by its id: it is named after its first entry in the
    // deck, not after the seeded order its pairs are drawn in.
    let c = course("", PEOPLE, "  questions: 1\n  kinds: [matching]\n");
    for seed in 1..=12 {
        let g = run_seed(&c, seed);
        assert_eq!(
            questions(&g)[0].id,
            "person-ann-archer:matching:role",
            "seed {seed}"
        );
    }
}

#[test]
fn a_recall_card_on_an_entry_without_a_note_is_explained_by_what_the_deck_says_of_it() {
    let c = course(
        "",
        "  - person: Ann Archer\n    id: ann\n    role: Chair of the first panel\n    source: s\n  - quote: We have agreed.\n    by: Ann Archer\n    source: s\n",
        "  questions: 1\n  kinds: [flashcard]\n  pin: [ann:flashcard]\n",
    );
    let (g, _) = run(&c);
    let q = find(&g, "ann:flashcard").expect("the card");
    assert_eq!(q.explanation, "Ann Archer said: “We have agreed.”");
}

#[test]
fn a_doctrine_is_asked_among_doctrines_only() {
    // "Defensive realism", a theory, among practices is ruled out by anyone who hears its
    // "-ism"; a practice's question never offers it, and a doctrine with no rival doctrine
    // in the course is not asked with options (the report says why).
    let term = |id: &str, name: &str, meaning: &str| {
        format!("  - term: {name}\n    id: {id}\n    meaning: {meaning}\n    source: s\n")
    };
    let entries = [
        term(
            "realism",
            "defensive realism",
            "A theory holding that states seek security above all",
        ),
        term(
            "capacity",
            "capacity building",
            "Helping states gain the means to protect their networks",
        ),
        term(
            "response",
            "incident response",
            "The organized handling of an attack on computer systems",
        ),
        term(
            "intel",
            "threat intelligence",
            "Information about cyber dangers and those behind them",
        ),
        term(
            "attribution",
            "attribution",
            "Identifying who is responsible for a cyberattack",
        ),
    ]
    .concat();
    let c = course(
        "",
        &entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [capacity:multiple-choice:term]\n",
    );
    let (g, warnings) = run(&c);
    let capacity =
        find(&g, "capacity:multiple-choice:term").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        !options(capacity).contains(&"defensive realism".to_owned()),
        "{:?}",
        options(capacity)
    );
    assert_eq!(
        dropped(&g, "realism:multiple-choice:term"),
        Some(DropKind::TooFew)
    );
    // With two more theories the doctrine is asked, among them.
    let more = [
        entries,
        term(
            "liberalism",
            "liberalism",
            "A theory holding that institutions make cooperation possible",
        ),
        term(
            "constructivism",
            "constructivism",
            "A theory holding that shared ideas shape state interests",
        ),
        term(
            "offensive",
            "offensive realism",
            "A theory holding that states seek as much power as they can",
        ),
    ]
    .concat();
    let c = course(
        "",
        &more,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [realism:multiple-choice:term]\n",
    );
    let (g, warnings) = run(&c);
    let realism =
        find(&g, "realism:multiple-choice:term").unwrap_or_else(|| panic!("{warnings:#?}"));
    for option in options(realism) {
        assert!(option.ends_with("ism"), "{:?}", options(realism));
    }
}

#[test]
fn an_abbreviation_whose_full_name_the_definition_says_is_not_asked_by_it() {
    // "A UN group of experts" says two words of "Group of Governmental Experts": a student
    // who knows no abbreviation reads the answer off the definition.
    let term = |id: &str, name: &str, full: &str, meaning: &str| {
        format!(
            "  - term: {name}\n    id: {id}\n    expansion: {full}\n    meaning: {meaning}\n    source: s\n"
        )
    };
    let entries = [
        term(
            "gge",
            "GGE",
            "Group of Governmental Experts",
            "A UN group of experts from a limited number of states",
        ),
        term(
            "mlat",
            "MLAT",
            "Mutual Legal Assistance Treaty",
            "A treaty through which two states help each other in criminal matters",
        ),
        term(
            "sco",
            "SCO",
            "Shanghai Cooperation Organization",
            "A regional body founded in 2001",
        ),
        term(
            "cis",
            "CIS",
            "Commonwealth of Independent States",
            "A body of post-Soviet countries",
        ),
        term(
            "ewi",
            "EWI",
            "EastWest Institute",
            "A think tank in New York",
        ),
        term(
            "ppp",
            "PPP",
            "public-private partnership",
            "Cooperation between governments and companies",
        ),
        term(
            "ict",
            "ICT",
            "information technology",
            "Means of handling data",
        ),
        term(
            "ddos",
            "DDoS",
            "distributed denial of service",
            "An attack that floods a server",
        ),
        term(
            "osint",
            "OSINT",
            "open-source intelligence",
            "What is gathered from public material",
        ),
    ]
    .concat();
    let c = course("", &entries, "  questions: 2\n  kinds: [multiple-choice]\n");
    let (g, warnings) = run(&c);
    assert_eq!(
        dropped(&g, "gge:multiple-choice:term"),
        Some(DropKind::GivesAway),
        "{warnings:#?}"
    );
    // A treaty's abbreviation is offered among treaties' only; here there are none, and
    // the others' full names would not echo "treaty" either.
    assert_eq!(
        dropped(&g, "mlat:multiple-choice:term"),
        Some(DropKind::TooFew),
        "{warnings:#?}"
    );
    assert_eq!(dropped(&g, "ewi:multiple-choice:term"), None);
}

#[test]
fn options_in_two_languages_are_the_same_options() {
    // «спутник» and "satellite" are one option: the question on the English for «спутник»
    // and the one on the term meaning weightlessness offer the same four things, each one's
    // answer among the other's wrong options.
    let term = |id: &str, name: &str, meaning: &str, en: &str| {
        format!(
            "  - term: {name}\n    id: {id}\n    meaning: {meaning}\n    translation: {{ en: {en} }}\n    source: s\n"
        )
    };
    let entries = [
        term(
            "sputnik",
            "спутник",
            "тело, которое обращается вокруг планеты",
            "satellite",
        ),
        term(
            "zero-g",
            "невесомость",
            "состояние, в котором тело не давит на опору",
            "weightlessness",
        ),
        term(
            "rover",
            "луноход",
            "самоходный аппарат для поездок по Луне",
            "lunar rover",
        ),
        term(
            "cosmonaut",
            "космонавт",
            "человек, летавший в космос",
            "cosmonaut",
        ),
    ]
    .concat();
    let c = course(
        "",
        &entries,
        "  questions: 2\n  kinds: [multiple-choice]\n  pin: [sputnik:multiple-choice:translation-en, zero-g:multiple-choice:term]\n",
    );
    let ids = quiz_ids(&c);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn a_matching_set_never_mixes_names_abbreviations_and_common_words() {
    // Four concepts make a set; two names and two abbreviations are too few for one each,
    // and among the concepts they would be matched by their look alone.
    let term = |name: &str, meaning: &str| {
        format!("  - term: {name}\n    meaning: {meaning}\n    source: s\n")
    };
    let entries = [
        term("attribution", "Identifying who is behind an attack"),
        term(
            "ransomware",
            "A program that locks data until a ransom is paid",
        ),
        term("cyber hygiene", "Habits that keep computers safe"),
        term("digital divide", "The gap in access to computers"),
        term("Global South", "The developing countries taken together"),
        term("Summit of the Future", "A meeting of world leaders in 2024"),
        term("ICTs", "Technologies for handling information"),
        term("ANO", "A Russian form of non-profit body"),
    ]
    .concat();
    let c = course("", &entries, "  questions: 3\n  kinds: [matching]\n");
    let (g, _) = run(&c);
    let sets: Vec<&Vec<String>> = questions(&g)
        .iter()
        .filter_map(|q| match &q.body {
            Body::Matching(m) => Some(&m.left),
            _ => None,
        })
        .collect();
    assert_eq!(sets.len(), 1, "{sets:?}");
    assert!(
        sets[0].iter().all(|t| t.starts_with(char::is_lowercase)),
        "{sets:?}"
    );
}

#[test]
fn an_option_the_question_names_by_its_acronym_is_not_offered() {
    // "…the forum NAIIS holds" names the association; its full name among the options
    // would be a wrong option the question itself vouches for.
    let org = |id: &str, name: &str, acronym: &str, description: &str| {
        format!(
            "  - organization: {name}\n    id: {id}\n    acronym: {acronym}\n    description: {description}\n    source: s\n"
        )
    };
    let entries = [
        org(
            "iisrc",
            "International Information Security Research Consortium",
            "IISRC",
            "The body created at the annual forum that NAIIS now holds",
        ),
        org(
            "naiis",
            "National Association for International Information Security",
            "NAIIS",
            "A Russian association that holds a yearly forum",
        ),
        org(
            "riac",
            "Russian International Affairs Council",
            "RIAC",
            "A Russian think tank on world affairs",
        ),
        org(
            "scrf",
            "Security Council of the Russian Federation",
            "SCRF",
            "The Russian President's advisory body on security",
        ),
        org(
            "ewi",
            "EastWest Institute",
            "EWI",
            "An international think tank",
        ),
        org(
            "mfa",
            "Ministry of Foreign Affairs of Russia",
            "MID",
            "The ministry that directs Russia's embassies",
        ),
    ]
    .concat();
    let c = course(
        "",
        &entries,
        "  questions: 1\n  kinds: [multiple-choice]\n  pin: [iisrc:multiple-choice:description]\n",
    );
    let (g, warnings) = run(&c);
    let q =
        find(&g, "iisrc:multiple-choice:description").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        !options(q)
            .iter()
            .any(|o| o == "National Association for International Information Security"),
        "{:?}",
        options(q)
    );
}

/// Terms for a deck of terms alone: each a term and its meaning, with `extra` under it.
fn terms(extra: &str) -> String {
    [
        (
            "mitochondrion",
            "The organelle that makes most of a cell's chemical energy",
        ),
        (
            "ribosome",
            "The particle that builds proteins from amino acids",
        ),
        (
            "chloroplast",
            "The organelle where photosynthesis takes place",
        ),
        ("vacuole", "A sac that stores water and other substances"),
        ("lysosome", "A sac of enzymes that breaks down waste"),
    ]
    .iter()
    .map(|(term, meaning)| {
        format!("  - term: {term}\n    meaning: {meaning}\n    source: s\n{extra}")
    })
    .collect()
}

/// The warnings about kinds the quiz asks for that its deck cannot give at all (not those
/// that could be made but were not chosen: "its quiz has none").
fn kinds_asked_but_missing(warnings: &[Diagnostic]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.message.contains(" asks for ") && w.message.contains(" questions, but "))
        .filter(|w| !w.message.contains(", but its quiz has "))
        .map(|w| w.message.clone())
        .collect()
}

/// Without `kinds:`, a deck is asked only for the kinds its entries can give: a deck of
/// terms alone gets multiple-choice and matching, and no warning about timelines, who
/// questions, cloze or true-false it was never going to have. A `kinds:` the teacher wrote
/// (in the deck or in course.yaml) is kept whole, and warned about.
#[test]
fn unwritten_kinds_are_those_the_entries_can_give() {
    let c = course("", &terms(""), "  questions: 4\n");
    assert_eq!(
        c.decks[0].quiz.kinds,
        vec![
            (QuestionKind::MultipleChoice, 4),
            (QuestionKind::Matching, 1)
        ]
    );
    assert!(!c.decks[0].quiz.kinds_written);
    let (_, warnings) = run(&c);
    assert_eq!(kinds_asked_but_missing(&warnings), Vec::<String>::new());

    // Written in the deck: every kind stays, and the ones the deck cannot give are warned of.
    let c = course(
        "",
        &terms(""),
        "  questions: 4\n  kinds: [multiple-choice, timeline, who]\n",
    );
    assert_eq!(c.decks[0].quiz.kinds.len(), 3);
    let (_, warnings) = run(&c);
    let missing = kinds_asked_but_missing(&warnings);
    assert!(
        missing
            .iter()
            .any(|m| m.contains("asks for timeline questions"))
            && missing.iter().any(|m| m.contains("asks for who questions")),
        "{missing:#?}"
    );

    // Written in course.yaml: the same, for every deck.
    let c = course(
        "quiz:\n  kinds: { multiple-choice: 4, cloze: 3, true-false: 2, matching: 1, timeline: 1, who: 1 }\n",
        &terms(""),
        "  questions: 4\n",
    );
    assert!(c.decks[0].quiz.kinds_written);
    assert_eq!(c.decks[0].quiz.kinds.len(), 6);
    let (_, warnings) = run(&c);
    let missing = kinds_asked_but_missing(&warnings);
    for kind in ["cloze", "true-false", "timeline", "who"] {
        assert!(
            missing
                .iter()
                .any(|m| m.contains(&format!("asks for {kind} questions"))),
            "{kind}: {missing:#?}"
        );
    }
}

/// The kinds left in are those of the entries the quiz asks about (its tags), with the
/// default weights; a matching needs 4 pairs of one sort, a timeline 3 events.
#[test]
fn unwritten_kinds_follow_the_entries_the_quiz_asks_about() {
    let events = "  - event: The first event\n    date: 1901\n    source: s\n  - event: The second event\n    date: 1925\n    source: s\n  - event: The third event\n    date: 1950\n    source: s\n";
    let person = "  - person: Ada Lovelace\n    role: Mathematician who wrote the first published program\n    source: s\n";
    let fact = "  - fact: Water boils at {100} degrees Celsius at sea level.\n    source: s\n";
    let all = format!("{events}{person}{fact}");
    let c = course("", &all, "  questions: 4\n");
    assert_eq!(
        c.decks[0].quiz.kinds,
        vec![
            (QuestionKind::MultipleChoice, 4),
            (QuestionKind::Cloze, 3),
            (QuestionKind::TrueFalse, 2),
            (QuestionKind::Timeline, 1),
            (QuestionKind::Who, 1),
        ]
    );
    // Two events are no timeline; the fact tagged out of the quiz gives no cloze.
    let two = events.rsplit_once("  - event:").unwrap().0;
    let tagged = fact.replace("    source: s\n", "    source: s\n    tags: [later]\n");
    let c = course(
        "",
        &format!("{two}{person}{tagged}"),
        "  questions: 4\n  exclude_tags: [later]\n",
    );
    assert_eq!(
        c.decks[0].quiz.kinds,
        vec![
            (QuestionKind::MultipleChoice, 4),
            (QuestionKind::TrueFalse, 2),
            (QuestionKind::Who, 1),
        ]
    );
    // Five terms of which two are not asked about: three pairs are no matching.
    let c = course(
        "",
        &terms("    tags: [basic]\n").replacen("    tags: [basic]\n", "", 2),
        "  questions: 4\n  include_tags: [basic]\n",
    );
    assert_eq!(
        c.decks[0].quiz.kinds,
        vec![(QuestionKind::MultipleChoice, 4)]
    );
}
