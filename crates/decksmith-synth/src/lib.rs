//! Synthetic courses of realistic shape, for benchmarks and scale tests.
//!
//! [`course`] writes the YAML of a course with a given number of entries spread over decks:
//! every entry kind in proportions like a real course's, short and long texts, some
//! Cyrillic, sources with locators and tags. The same arguments give the same text. The
//! course passes `decksmith check` without errors or warnings.
//!
//! [`hostile`] writes the opposite: small files that are mistakes of absurd size (twenty
//! thousand entries on one line, a fact of ten thousand blanks), on which loading must end
//! fast, in bounded memory, with a short report.
//!
//! A development crate (xtask, benchmarks, tests), not part of the model: it writes text only,
//! and its callers load that text as the driver would.

/// A synthetic course's files: paths relative to the course folder, and their text.
#[derive(Clone, Debug)]
pub struct SynthCourse {
    /// `course.yaml`, `sources.yaml` and `decks/*.yaml`.
    pub files: Vec<(String, String)>,
}

impl SynthCourse {
    /// The text of the file at `path`, if the course has one.
    pub fn file(&self, path: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| text.as_str())
    }

    /// The deck files, `decks/*.yaml`, in order.
    pub fn decks(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter(|(path, _)| path.starts_with("decks/"))
            .map(|(path, text)| (path.as_str(), text.as_str()))
    }
}

/// SplitMix64: a small, fixed generator, so synthetic courses never change with a library.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "security",
    "cooperation",
    "information",
    "network",
    "treaty",
    "agreement",
    "norms",
    "behaviour",
    "states",
    "infrastructure",
    "incident",
    "response",
    "capacity",
    "dialogue",
    "regional",
    "global",
    "resolution",
    "committee",
    "assembly",
    "working",
    "group",
    "experts",
    "platform",
    "convention",
    "criminal",
    "technologies",
    "sovereignty",
    "exchange",
    "protection",
    "critical",
    "digital",
    "divide",
    "attribution",
    "threats",
    "confidence",
    "measures",
    "consultations",
    "partnership",
    "framework",
    "principles",
];
const CYRILLIC: &[&str] = &[
    "безопасность",
    "сотрудничество",
    "информация",
    "договор",
    "нормы",
    "государства",
    "инфраструктура",
    "диалог",
    "резолюция",
    "комитет",
    "эксперты",
    "платформа",
];
const FIRST: &[&str] = &[
    "Anna", "Boris", "Clara", "Dmitry", "Elena", "Frank", "Galina", "Henry", "Irina", "James",
    "Katya", "Leon", "Maria", "Nikolai", "Olga", "Pavel",
];
const LAST: &[&str] = &[
    "Antonova", "Baker", "Chen", "Davies", "Egorov", "Fischer", "Gordon", "Hansen", "Ivanov",
    "Jensen", "Kowalski", "Larsen", "Morozov", "Novak", "Orlova", "Petrov",
];
const ROLES: &[&str] = &[
    "Deputy Minister of Foreign Affairs",
    "Ambassador to the United Nations",
    "Director of the Cybersecurity Centre",
    "Chair of the Working Group",
    "Senior Fellow at a research institute",
    "Head of the National Computer Emergency Response Team",
];

fn phrase(g: &mut Gen, min: usize, max: usize) -> String {
    let n = min + g.below(max - min + 1);
    let words: Vec<&str> = (0..n).map(|_| g.pick(WORDS)).collect();
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The YAML of a course with `entries` entries over `decks` decks.
pub fn course(entries: usize, decks: usize) -> SynthCourse {
    let decks = decks.max(1);
    let mut g = Gen(0x5eed_0000 ^ (entries as u64) << 8 ^ decks as u64);
    let deck_ids: Vec<String> = (0..decks).map(|d| format!("deck-{:03}", d + 1)).collect();
    let mut files = vec![
        ("course.yaml".to_owned(), course_yaml(entries, &deck_ids)),
        ("sources.yaml".to_owned(), sources_yaml()),
    ];
    let mut n = 0usize;
    for (d, deck_id) in deck_ids.iter().enumerate() {
        let count = entries / decks + usize::from(d < entries % decks);
        files.push((
            format!("decks/{deck_id}.yaml"),
            deck_yaml(&mut g, d, count, &mut n),
        ));
    }
    SynthCourse { files }
}

/// The synthetic course's sources.
const SOURCES: [&str; 4] = ["brief", "report", "article", "news"];

fn course_yaml(entries: usize, deck_ids: &[String]) -> String {
    format!(
        "# yaml-language-server: $schema=schemas/course.schema.json\ntitle: Synthetic course of {entries} entries\ndescription: Generated for benchmarks; every entry kind, some Cyrillic.\nlanguage: en\nseed: 42\ndecks: [{}]\nquiz:\n  questions: 20\n",
        deck_ids.join(", ")
    )
}

fn sources_yaml() -> String {
    let mut text =
        String::from("# yaml-language-server: $schema=schemas/sources.schema.json\nsources:\n");
    for (i, id) in SOURCES.iter().enumerate() {
        text.push_str(&format!(
            "  - id: {id}\n    title: Synthetic {id} {}\n    short: {id}\n    kind: {}\n    date: {}\n",
            i + 1,
            ["policy-brief", "report", "article", "news"][i],
            2018 + i
        ));
    }
    text
}

/// Deck `d` of the course, with `count` entries numbered on from `n`.
fn deck_yaml(g: &mut Gen, d: usize, count: usize, n: &mut usize) -> String {
    let mut text = format!(
        "# yaml-language-server: $schema=../schemas/deck.schema.json\ntitle: Deck {}\ndescription: {}.\ntags: [synthetic]\nentries:\n",
        d + 1,
        phrase(g, 4, 9)
    );
    // People first, so quotes in this deck can name them.
    let mut people: Vec<String> = Vec::new();
    for i in 0..count {
        *n += 1;
        let n = *n;
        let id = format!("e{n}");
        let source = format!(
            "{{ id: {}, quote: {} }}",
            SOURCES[n % SOURCES.len()],
            quote(&phrase(g, 2, 5).to_lowercase())
        );
        let tags = if g.below(3) == 0 {
            "\n    tags: [core]"
        } else {
            ""
        };
        let roll = if i < 4 { 3 } else { g.below(100) };
        let body = match roll {
            0..=19 => term_entry(g, n, &id),
            20..=44 => fact_entry(g, &id),
            45..=59 => event_entry(g, n, &id),
            60..=71 => {
                let name = format!("{} {} {n}", g.pick(FIRST), g.pick(LAST));
                people.push(name.clone());
                format!(
                    "  - id: {id}\n    person: {name}\n    role: {} {n}",
                    g.pick(ROLES)
                )
            }
            72..=81 => format!(
                "  - id: {id}\n    organization: {} {n}\n    acronym: ORG{n}\n    description: {}",
                phrase(g, 2, 5),
                quote(&phrase(g, 5, 14))
            ),
            82..=89 if !people.is_empty() => {
                let by = people[g.below(people.len())].clone();
                format!(
                    "  - id: {id}\n    quote: {}\n    by: {by}\n    date: {}",
                    quote(&format!("{}.", phrase(g, 8, 24))),
                    2000 + g.below(25)
                )
            }
            _ => question_entry(g, n, &id),
        };
        text.push_str(&body);
        text.push_str(tags);
        text.push_str(&format!("\n    source: {source}\n"));
    }
    text
}

fn term_entry(g: &mut Gen, n: usize, id: &str) -> String {
    let term = format!("{} {n}", phrase(g, 1, 3));
    let acronym: String = format!(
        "{}{}",
        term.split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_uppercase(),
        n
    );
    let translation = if g.below(4) == 0 {
        format!(
            "\n    translation: {{ ru: {} }}",
            quote(&format!("{} {n}", g.pick(CYRILLIC)))
        )
    } else {
        String::new()
    };
    format!(
        "  - id: {id}\n    term: {acronym}\n    expansion: {}\n    meaning: {}{translation}",
        quote(&term),
        quote(&phrase(g, 6, 18))
    )
}

fn fact_entry(g: &mut Gen, id: &str) -> String {
    let year = 1990 + g.below(35);
    let number = 3 + g.below(300);
    let word = g.pick(WORDS);
    format!(
        "  - id: {id}\n    fact: {}",
        quote(&format!(
            "In {{{year}}}, {} {{{number}}} {} about {{{word}}} {}.",
            phrase(g, 2, 5).to_lowercase(),
            phrase(g, 1, 3).to_lowercase(),
            phrase(g, 3, 12).to_lowercase()
        ))
    )
}

fn event_entry(g: &mut Gen, n: usize, id: &str) -> String {
    let date = match g.below(3) {
        0 => format!("{}", 1990 + g.below(35)),
        1 => format!("{}-{:02}", 1990 + g.below(35), 1 + g.below(12)),
        _ => format!(
            "{}-{:02}-{:02}",
            1990 + g.below(35),
            1 + g.below(12),
            1 + g.below(28)
        ),
    };
    format!(
        "  - id: {id}\n    event: {} {n}\n    date: {date}",
        phrase(g, 4, 10)
    )
}

fn question_entry(g: &mut Gen, n: usize, id: &str) -> String {
    let answer = format!("{} {n}", phrase(g, 1, 3));
    format!(
        "  - id: {id}\n    question: {}\n    answer: {}\n    distractors: [{}]",
        quote(&format!("Which {} {n}?", phrase(g, 3, 8).to_lowercase())),
        quote(&answer),
        (1..=3)
            .map(|k| quote(&format!("{} {}", phrase(g, 1, 3), n * 10 + k)))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A hostile input: a course with one absurd file.
#[derive(Clone, Debug)]
pub struct HostileCase {
    /// A short name (`entries-20k`), also a folder name.
    pub name: &'static str,
    /// What is absurd about it.
    pub what: &'static str,
    /// The course.
    pub course: SynthCourse,
}

/// The hostile courses' sources.
const HOSTILE_SOURCES: &str = "sources:\n  - id: news\n    title: A news report\n    kind: news\n";

/// A course whose one deck is `deck`.
fn with_deck(deck: String) -> SynthCourse {
    SynthCourse {
        files: vec![
            ("course.yaml".into(), "title: Hostile course\n".into()),
            ("sources.yaml".into(), HOSTILE_SOURCES.into()),
            ("decks/deck.yaml".into(), deck),
        ],
    }
}

/// `entries: [x, x, …]` on one line.
fn flow(n: usize) -> String {
    format!("title: Deck\nentries: [{}]\n", vec!["x"; n].join(", "))
}

/// One entry that links to `n` ids.
fn see(n: usize) -> String {
    let ids: Vec<String> = (0..n).map(|i| format!("term-t{i}")).collect();
    format!(
        "title: Deck\nentries:\n  - term: T\n    meaning: M\n    source: news\n    see: [{}]\n",
        ids.join(", ")
    )
}

/// One fact with `n` parts in braces.
fn blanks(n: usize) -> String {
    format!(
        "title: Deck\nentries:\n  - fact: \"{}\"\n    source: news\n",
        vec!["{a}"; n].join(" ")
    )
}

/// One fact's part with `n` answers.
fn answers(n: usize) -> String {
    let all: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    format!(
        "title: Deck\nentries:\n  - fact: \"The {{{}}} here\"\n    source: news\n",
        all.join("|")
    )
}

/// `n` nested `[`, each followed by `between`, then their `]`.
fn brackets(n: usize, between: &str) -> String {
    format!(
        "title: Deck\nentries: {}{}\n",
        format!("[{between}").repeat(n),
        "]".repeat(n)
    )
}

/// A 1 MB source id, and 100 entries citing sources that do not exist.
fn long_source_id() -> SynthCourse {
    let mut course = with_deck(
        std::iter::once("title: Deck\nentries:\n".to_owned())
            .chain(
                (0..100).map(|i| format!("  - term: T{i}\n    meaning: M\n    source: nope-{i}\n")),
            )
            .collect(),
    );
    course.files[1].1 = format!(
        "sources:\n  - id: {}\n    title: A source with a long id\n    kind: news\n",
        "a".repeat(1 << 20)
    );
    course
}

/// The hostile inputs of issue 14, each small enough for the file limit: loading each must
/// end in well under a second with one error or a short, bounded list of them.
pub fn hostile() -> Vec<HostileCase> {
    vec![
        HostileCase {
            name: "entries-20k",
            what: "`entries: [x, x, …]` with 20,000 items on one line",
            course: with_deck(flow(20_000)),
        },
        HostileCase {
            name: "entries-200k",
            what: "`entries: [x, x, …]` with 200,000 items on one line",
            course: with_deck(flow(200_000)),
        },
        HostileCase {
            name: "see-20k",
            what: "`see: [term-t0, …]` with 20,000 ids",
            course: with_deck(see(20_000)),
        },
        HostileCase {
            name: "blanks-10k",
            what: "one fact with 10,000 `{…}` parts",
            course: with_deck(blanks(10_000)),
        },
        HostileCase {
            name: "blanks-20k",
            what: "one fact with 20,000 `{…}` parts",
            course: with_deck(blanks(20_000)),
        },
        HostileCase {
            name: "answers-20k",
            what: "one part with 20,000 alternatives",
            course: with_deck(answers(20_000)),
        },
        HostileCase {
            name: "answers-50k",
            what: "one part with 50,000 alternatives",
            course: with_deck(answers(50_000)),
        },
        HostileCase {
            name: "brackets-200k",
            what: "`[` × 200,000 then `]` × 200,000 on one line",
            course: with_deck(brackets(200_000, "")),
        },
        HostileCase {
            name: "brackets-200k-lines",
            what: "`[` and a line break × 200,000, then `]` × 200,000",
            course: with_deck(brackets(200_000, "\n")),
        },
        HostileCase {
            name: "long-source-id",
            what: "a 1 MB source id and 100 citations of unknown sources",
            course: long_source_id(),
        },
    ]
}
