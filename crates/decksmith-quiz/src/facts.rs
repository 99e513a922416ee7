//! The blanks of a fact as questions see them: the sentence around each, its type, what else
//! would be right, and whether asking it would give it away.

use decksmith_model::names::normalize_answer;
use decksmith_model::{Blank, Entry, Fact};

use crate::cards::BLANK;
use crate::kinds::{Ctx, DropKind, padded, reveals};
use crate::values::{ValueType, is_acronym, text};

/// One blank of a fact, in its sentence.
#[derive(Clone, Debug)]
pub struct BlankSite {
    /// The blank's position among the fact's blanks, from 0.
    pub index: usize,
    /// The part of a question id that names the blank (`blank-1`).
    pub part: String,
    /// The blank.
    pub blank: Blank,
    /// The fact with this blank as `____` and the others filled in.
    pub text: String,
    /// The fact up to the blank.
    pub before: String,
    /// The answer's type.
    pub ty: ValueType,
    /// Every answer that is right too: alternatives, and the other names of what it names.
    pub also_right: Vec<String>,
    /// Why the blank gives itself away and cannot be asked at all, if it does.
    pub gives_itself_away: Option<String>,
    /// Why other values of its type could be right too (it is one item of a list), if so.
    pub in_list: Option<String>,
    /// Why values of its type would read as nonsense in its place (a term that qualifies
    /// the noun after it, as in "ransomware attacks"), if so.
    pub modifier: Option<String>,
}

impl BlankSite {
    /// Why the blank may not be asked with options drawn by type, nor swapped in a false
    /// statement, if so: it gives itself away, or other values of its type could be right
    /// too or would not read right. Wrong options the teacher listed for it lift the last two.
    pub fn no_options(&self) -> Option<(DropKind, String)> {
        if let Some(why) = &self.gives_itself_away {
            return Some((DropKind::GivesAway, why.clone()));
        }
        if !self.blank.distractors.is_empty() {
            return None;
        }
        if let Some(why) = &self.in_list {
            return Some((DropKind::TwoRight, why.clone()));
        }
        self.modifier
            .as_ref()
            .map(|why| (DropKind::NoOptions, why.clone()))
    }

    /// Whether the blank may be asked with options or swapped in a false statement.
    pub fn askable_with_options(&self, _ctx: &Ctx<'_>, _entry: &Entry) -> bool {
        self.no_options().is_none()
    }
}

/// Every blank of a fact, in order.
pub fn sites(ctx: &Ctx<'_>, fact: &Fact) -> Vec<BlankSite> {
    let blanks: Vec<&Blank> = fact.cloze.blanks().collect();
    blanks
        .iter()
        .enumerate()
        .map(|(i, blank)| {
            let text = fact.cloze.render(|j, b| {
                if j == i {
                    BLANK.to_owned()
                } else {
                    b.answer.clone()
                }
            });
            let before = text
                .split_once(BLANK)
                .map_or_else(String::new, |(b, _)| b.to_owned());
            let after = text
                .split_once(BLANK)
                .map_or_else(String::new, |(_, a)| a.to_owned());
            let ty = ctx
                .pools
                .classify_blank(&blank.answer, blank.kind.as_deref(), &before);
            let mut also_right: Vec<String> = Vec::new();
            for answer in std::iter::once(&blank.answer).chain(&blank.alternatives) {
                for name in std::iter::once(answer.clone()).chain(ctx.pools.aliases(answer)) {
                    if normalize_answer(&name) != normalize_answer(&blank.answer)
                        && !also_right.contains(&name)
                    {
                        also_right.push(name);
                    }
                }
            }
            let gives_itself_away = giveaway(ctx, blank, &text);
            let in_list = list_sibling(ctx, &ty, &before, &after);
            let modifier =
                modifier(&ty, &blank.answer, &after).or_else(|| dated(&ty, &blank.answer, &before));
            BlankSite {
                index: i,
                part: format!("blank-{}", i + 1),
                blank: (*blank).clone(),
                text,
                before,
                ty,
                also_right,
                gives_itself_away,
                in_list,
                modifier,
            }
        })
        .collect()
}

/// Why a blank is answered by its own sentence: the answer (or an alternative) stands
/// elsewhere in it, or it is an acronym whose words the sentence spells out, or the words of
/// an acronym the sentence shows.
fn giveaway(ctx: &Ctx<'_>, blank: &Blank, text: &str) -> Option<String> {
    let shown = padded(text);
    for answer in std::iter::once(&blank.answer).chain(&blank.alternatives) {
        if answer.chars().count() >= 3 && reveals(&shown, &padded(answer)) {
            return Some(format!("\"{answer}\" stands elsewhere in the sentence"));
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty() && *w != BLANK)
        .collect();
    if is_acronym(&blank.answer) {
        if let Some(expansion) = ctx.pools.expansion_of(&blank.answer)
            && holds_words_of(text, expansion)
        {
            return Some(format!(
                "the sentence spells out what {} stands for",
                blank.answer
            ));
        }
        if let Some(phrase) = spelled_in(text, &blank.answer) {
            return Some(format!(
                "the sentence spells out what {} stands for (\"{phrase}\")",
                blank.answer
            ));
        }
    } else if blank.answer.split_whitespace().count() >= 2 {
        for word in &words {
            if is_acronym(word) && text::spells(word, &blank.answer) {
                return Some(format!(
                    "the sentence shows the acronym {word}, whose letters give \"{}\" away",
                    blank.answer
                ));
            }
        }
    }
    None
}

/// Whether `text` holds every content word of `name`, in any order ("a treaty on mutual
/// legal assistance" holds "Mutual Legal Assistance Treaty").
pub fn holds_words_of(text: &str, name: &str) -> bool {
    let words = text::content_words(name);
    let held = text::content_words(text);
    !words.is_empty() && words.iter().all(|w| held.contains(w))
}

/// The words of `text` whose initials spell `acronym`, if any: a sentence that holds them
/// gives the acronym away (and a lowercase phrase counts for acronyms of three letters or
/// more, as "mutual legal assistance treaty" spells MLAT).
pub fn spelled_in(text: &str, acronym: &str) -> Option<String> {
    if !is_acronym(acronym) {
        return None;
    }
    let first = acronym
        .chars()
        .find(|c| c.is_alphanumeric())
        .and_then(|c| c.to_uppercase().next())?;
    let letters = text::Letters::of(acronym);
    let short = acronym.chars().filter(|c| c.is_alphanumeric()).count() < 3;
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.' | ':' | '?'))
        .filter(|w| !w.is_empty() && *w != BLANK)
        .collect();
    let mut initials = String::new();
    for start in 0..words.len() {
        // Only a word that starts with the acronym's first letter can start its words.
        let initial = words[start]
            .chars()
            .find(|c| c.is_alphanumeric())
            .and_then(|c| c.to_uppercase().next());
        if initial != Some(first) {
            continue;
        }
        if !words[start].starts_with(char::is_uppercase) && short {
            continue;
        }
        // The initials of the words from `start` on, one word more each time: a phrase of
        // two words or more whose initials spell the acronym.
        initials.clear();
        text::push_initials(&mut initials, words[start]);
        for end in start + 2..=(start + 10).min(words.len()) {
            text::push_initials(&mut initials, words[end - 1]);
            if letters.shorter_than(initials.len()) {
                break;
            }
            if letters.spelled_by(&initials) {
                return Some(words[start..end].join(" "));
            }
        }
    }
    None
}

/// Words that may follow a noun without being a noun it qualifies.
const NOT_NOUNS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "into",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "than",
    "like",
    "while",
    "when",
    "where",
    "because",
    "if",
    "so",
    "yet",
    "after",
    "before",
    "since",
    "until",
    "among",
    "between",
    "against",
    "within",
    "without",
    "across",
    "through",
    "about",
    "over",
    "under",
    "via",
    "per",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "does",
    "did",
    "do",
    "not",
    "also",
    "only",
    "too",
    "itself",
    "themselves",
    "alone",
    "included",
    "including",
    "itself",
    "и",
    "или",
    "в",
    "на",
    "с",
    "по",
    "для",
    "от",
    "до",
    "из",
    "к",
    "о",
    "об",
    "что",
    "как",
];

/// Why a name in the blank is the one of the years just before it ("the 2021–2025 ____",
/// "the 2024 ____ forum"), so that another name would make a statement that is not false
/// but nonsense ("the 2021–2025 United Nations General Assembly"), if it is.
fn dated(ty: &ValueType, answer: &str, before: &str) -> Option<String> {
    if !matches!(
        ty,
        ValueType::Organization
            | ValueType::Acronym
            | ValueType::Term
            | ValueType::Title
            | ValueType::Expansion
    ) || !before.ends_with(char::is_whitespace)
    {
        return None;
    }
    let last = before.trim_end().rsplit(char::is_whitespace).next()?;
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    if !last.split(['-', '\u{2013}', '\u{2014}', '/']).all(is_year) {
        return None;
    }
    Some(format!(
        "\"{}\" is named with its years (\"{last}\" before it), where another value would not read right",
        crate::kinds::short(answer)
    ))
}

/// Why a term in the blank qualifies the noun after it ("____ attacks", "the ____ and food
/// industries"), so that another term would make nonsense, if it does.
fn modifier(ty: &ValueType, answer: &str, after: &str) -> Option<String> {
    // A class's values are the teacher's: "the ____ banking trojan" takes any of them.
    if !matches!(ty, ValueType::Term | ValueType::Title | ValueType::Phrase) {
        return None;
    }
    let rest = after.trim_start_matches([' ', '\u{201d}', '"', '»']);
    if rest.len() == after.len() && !after.is_empty() {
        // The blank runs into a following word ("____-related"): not a separate noun.
        return None;
    }
    let next: String = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or_default()
        .to_owned();
    let word_after_and = || {
        rest.strip_prefix("and ")
            .or_else(|| rest.strip_prefix("or "))
            .and_then(|r| r.split_whitespace().nth(1))
    };
    let noun_like = |w: &str| {
        !w.is_empty()
            && w.chars().next().is_some_and(char::is_lowercase)
            && !NOT_NOUNS.contains(&w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
    };
    if noun_like(&next) {
        return Some(format!(
            "\"{}\" qualifies the word after it (\"{next}\"), where another value would not read right",
            crate::kinds::short(answer)
        ));
    }
    // "the ____ and food industries": the blank shares the noun after the next item.
    if (next == "and" || next == "or")
        && let Some(noun) = word_after_and()
        && noun_like(noun.trim_end_matches(['.', ',', ';']))
        && rest
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().all(char::is_lowercase))
    {
        return Some(format!(
            "\"{}\" qualifies \"{}\" with the word after it, where another value would not read right",
            crate::kinds::short(answer),
            noun.trim_end_matches(['.', ',', ';'])
        ));
    }
    None
}

/// Whether two types are one family for a list: bodies by their names or acronyms, terms by
/// their words or acronyms.
fn same_family(a: &ValueType, b: &ValueType) -> bool {
    let family = |t: &ValueType| match t {
        ValueType::Organization | ValueType::Expansion | ValueType::Acronym => 1,
        ValueType::Term | ValueType::Title => 2,
        _ => 0,
    };
    a == b || (family(a) != 0 && family(a) == family(b))
}

/// Separators of the items of a list.
const SEPARATORS: &[&str] = &[", and ", ", or ", ", ", " and ", " or ", " и ", " или "];

/// Whether the blank is one item of a list whose other items are of its type ("Evil Corp,
/// TrickBot and ____"): another value of the type could then belong to the list too, so
/// neither a wrong option nor a false statement can be trusted.
fn list_sibling(ctx: &Ctx<'_>, ty: &ValueType, before: &str, after: &str) -> Option<String> {
    if !ty.has_distractors() {
        return None;
    }
    let strip_article = |s: &str| -> String {
        let s = s.trim();
        for article in ["the ", "The ", "a ", "an "] {
            if let Some(rest) = s.strip_prefix(article) {
                return rest.to_owned();
            }
        }
        s.to_owned()
    };
    let mut siblings: Vec<String> = Vec::new();
    // The item before: `before` ends with a separator (and maybe an article).
    let head = before.trim_end();
    let head = ["the", "The", "a", "an"]
        .iter()
        .find_map(|a| {
            head.strip_suffix(a)
                .filter(|h| h.ends_with(char::is_whitespace))
        })
        .unwrap_or(head);
    let head = format!("{} ", head.trim_end());
    for sep in SEPARATORS {
        let sep_trimmed = format!("{} ", sep.trim_end());
        if head.ends_with(&sep_trimmed) || head.ends_with(sep) {
            let rest = &head[..head.len() - sep_trimmed.len()];
            let item: String = rest
                .rsplit([',', ';', ':', '(', '.'])
                .next()
                .unwrap_or(rest)
                .split_whitespace()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join(" ");
            siblings.push(item);
            break;
        }
    }
    // The item after: `after` starts with a separator.
    for sep in SEPARATORS {
        if let Some(rest) = after.strip_prefix(sep) {
            let item: String = rest
                .split([',', ';', ':', ')', '.'])
                .next()
                .unwrap_or(rest)
                .split(" and ")
                .next()
                .unwrap_or(rest)
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            siblings.push(item);
            break;
        }
    }
    for sibling in siblings {
        let sibling = strip_article(&sibling);
        if sibling.is_empty() {
            continue;
        }
        // Any run of up to five of the sibling's words may be the value: "groups such as
        // Evil Corp" ends in one. A run starts with a capital or a digit unless the value
        // is a term or a class value, which may be lowercase.
        let words: Vec<&str> = sibling.split_whitespace().collect();
        let lowercase_ok = matches!(ty, ValueType::Term | ValueType::Class(_) | ValueType::Month);
        for start in 0..words.len() {
            let first = words[start].chars().next();
            if !lowercase_ok && !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            for end in start + 1..=(start + 5).min(words.len()) {
                let span = strip_article(&words[start..end].join(" "));
                if same_family(&ctx.pools.classify(&span), ty) {
                    return Some(format!(
                        "it is one item of a list beside \"{span}\", and another value of its type could belong to the list too"
                    ));
                }
            }
        }
    }
    None
}
