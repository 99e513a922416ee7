//! Numbers in answers, and wrong numbers written the same way: digits (`107`, `1,200`),
//! English number words (`three years`), ordinals (`76th`, `eighteenth`), roman numerals
//! (`XVIII`); and the words that make a number a bound (`more than 300`), which no wrong
//! option can be made for, since a smaller bound is still true. [`alike`] gives the other
//! ways of typing a number answer (`three hundred` for `300`, `18` and `eighteenth` for
//! `XVIII`), with the English number words of [`words`].

pub mod words;

/// English number words from one to twenty, then the tens.
const WORDS: [(&str, u64); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// English ordinal words from first to twentieth.
const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Words before a number that make it a bound rather than a value: "more than 300" stays
/// true for 200.
const NUMBER_BOUNDS: &[&str] = &[
    "more than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "at least",
    "at most",
    "up to",
    "fewer than",
    "less than",
    "under",
    "below",
    "above",
    "circa",
    "as many as",
    "as few as",
    "более",
    "более чем",
    "больше",
    "свыше",
    "около",
    "почти",
    "примерно",
    "менее",
    "меньше",
    "не менее",
    "не более",
    "до",
    "порядка",
];

/// Words before a year or a date that make it a bound: "since 1998" stays true for 2000.
const TIME_BOUNDS: &[&str] = &[
    "since",
    "by",
    "before",
    "after",
    "until",
    "till",
    "from",
    "no later than",
    "as early as",
    "up to",
    "с",
    "до",
    "после",
    "к",
    "начиная с",
];

/// Whether `before` (the text up to a value) or the answer itself starts with a bound: for a
/// year or a date when `time`, else for a number.
pub fn is_bounded(before: &str, answer: &str, time: bool) -> bool {
    let before = before.trim_end().to_lowercase();
    let answer = answer.trim().to_lowercase();
    let bounds = if time { TIME_BOUNDS } else { NUMBER_BOUNDS };
    bounds.iter().any(|b| {
        let ends = before.ends_with(b)
            && before[..before.len() - b.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        let starts = answer
            .strip_prefix(b)
            .is_some_and(|rest| rest.starts_with(' '));
        ends || starts
    })
}

/// `more than 300` → (prefix `more than `, 300, suffix ``, written in digits).
fn split_digits(text: &str) -> Option<(&str, u64, &str, bool)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    let digits = rest[..len].trim_end_matches(',');
    let value = digits.replace(',', "").parse().ok()?;
    Some((
        &text[..start],
        value,
        &text[start + digits.len()..],
        digits.contains(','),
    ))
}

/// `three years` → (``, 3, ` years`), the number in words.
fn split_words(text: &str) -> Option<(&str, u64, &str)> {
    let mut offset = 0;
    for word in text.split(' ') {
        let lower = word.to_lowercase();
        if let Some(&(_, value)) = WORDS.iter().find(|(w, _)| *w == lower) {
            return Some((&text[..offset], value, &text[offset + word.len()..]));
        }
        offset += word.len() + 1;
    }
    None
}

/// The number in `text`, if it has one.
pub fn value(text: &str) -> Option<u64> {
    split_digits(text)
        .map(|(_, v, _, _)| v)
        .or_else(|| split_words(text).map(|(_, v, _)| v))
}

/// Whether `text` is a number, maybe with a few words around it (`107`, `three years`).
pub fn is_number(text: &str) -> bool {
    text.split_whitespace().count() <= 5 && value(text).is_some()
}

/// Near numbers written like `answer`, with their distance in steps: the same words around
/// them, digits for digits and words for words. A number that would need another form of
/// its noun (`one year` for `three years`) is left out, and so are numbers in Russian text,
/// whose nouns change with the number.
pub fn variants(answer: &str) -> Vec<(u32, String)> {
    if answer
        .chars()
        .any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
    {
        return Vec::new();
    }
    if let Some((prefix, n, suffix, grouped)) = split_digits(answer) {
        let step = step_for(n);
        let plural_noun = !suffix.trim().is_empty() && n != 1;
        return (1..=5u64)
            .flat_map(|k| [n.checked_sub(k * step), n.checked_add(k * step)].map(move |v| (k, v)))
            .filter_map(|(k, v)| v.filter(|&v| v > 0).map(|v| (k, v)))
            .filter(|(_, v)| !(plural_noun && *v == 1))
            .map(|(k, v)| {
                let digits = if grouped {
                    group_thousands(v)
                } else {
                    v.to_string()
                };
                (k as u32, format!("{prefix}{digits}{suffix}"))
            })
            .collect();
    }
    let Some((prefix, n, suffix)) = split_words(answer) else {
        return Vec::new();
    };
    let capital = answer[prefix.len()..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let plural_noun = !suffix.trim().is_empty() && n != 1;
    WORDS
        .iter()
        .filter(|(_, v)| *v != n && !(plural_noun && *v == 1))
        .filter(|(_, v)| (n <= 20) == (*v <= 20))
        .map(|(w, v)| {
            let word = if capital {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                (*w).to_owned()
            };
            (
                v.abs_diff(n).min(10) as u32,
                format!("{prefix}{word}{suffix}"),
            )
        })
        .collect()
}

fn step_for(n: u64) -> u64 {
    if n >= 100 && n.is_multiple_of(100) {
        100
    } else if n >= 10 && n.is_multiple_of(10) {
        10
    } else if n < 10 {
        1
    } else {
        let tenth = (n as f64 * 0.1).round() as u64;
        let magnitude = 10u64.pow(tenth.max(1).ilog10());
        (tenth / magnitude).max(1) * magnitude
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The value of a canonical roman numeral (`XVIII` → 18; `IIII` is not one).
pub fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || !text.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let chars: Vec<i64> = text.chars().map(value).collect();
    let mut total: i64 = 0;
    for (i, v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == text).then_some(total)
}

/// A name ending in a small number in the other way of writing it (`Gemini 4` and `Gemini
/// IV`, `Apollo XI` and `Apollo 11`): spacecraft, missions and sessions go by both. Only
/// after a capitalized word, and only up to 39, so that years and counts stay as they are.
pub fn name_number_form(answer: &str) -> Option<String> {
    let (name, last) = answer.trim().rsplit_once(' ')?;
    let named = name.split(' ').next_back().is_some_and(|w| {
        w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
    });
    if !named {
        return None;
    }
    if let Ok(n) = last.parse::<u32>()
        && (1..40).contains(&n)
        && !last.starts_with('0')
    {
        return Some(format!("{name} {}", to_roman(n)));
    }
    roman_value(last)
        .filter(|n| (1..40).contains(n))
        .map(|n| format!("{name} {n}"))
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Near roman numerals.
pub fn roman_variants(answer: &str) -> Vec<(u32, String)> {
    let Some(n) = roman_value(answer.trim()) else {
        return Vec::new();
    };
    (1..=4u32)
        .flat_map(|k| [n.checked_sub(k), Some(n + k)].map(move |v| (k, v)))
        .filter_map(|(k, v)| v.filter(|&v| v > 0).map(|v| (k, to_roman(v))))
        .collect()
}

/// The value of an ordinal (`76th`, `22nd`, `eighteenth`).
pub fn ordinal_value(text: &str) -> Option<u32> {
    let text = text.trim();
    let lower = text.to_lowercase();
    if let Some(i) = ORDINAL_WORDS.iter().position(|w| *w == lower) {
        return Some(i as u32 + 1);
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let n: u32 = digits.parse().ok()?;
    (ordinal_suffix(n) == suffix).then_some(n)
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Near ordinals, written like `answer` (in figures or in words).
pub fn ordinal_variants(answer: &str) -> Vec<(u32, String)> {
    let Some(n) = ordinal_value(answer) else {
        return Vec::new();
    };
    let words = answer.trim().chars().all(char::is_alphabetic);
    let capital = answer.trim().chars().next().is_some_and(char::is_uppercase);
    (1..=4u32)
        .flat_map(|k| [n.checked_sub(k), Some(n + k)].map(move |v| (k, v)))
        .filter_map(|(k, v)| v.filter(|&v| v > 0).map(|v| (k, v)))
        .filter_map(|(k, v)| {
            if words {
                let word = ORDINAL_WORDS.get(v as usize - 1)?;
                let word = if capital {
                    let mut c = word.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                } else {
                    (*word).to_owned()
                };
                Some((k, word))
            } else {
                Some((k, format!("{v}{}", ordinal_suffix(v))))
            }
        })
        .collect()
}

/// What kind of number a typed answer is, for [`alike`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// A count, in digits or words, maybe with words around it (`300`, `more than 300`,
    /// `three years`).
    Cardinal,
    /// An ordinal, the whole answer (`18th`, `eighteenth`, `twenty-first`).
    Ordinal,
    /// A roman numeral, the whole answer (`XVIII`), read as an ordinal.
    Roman,
}

/// A typed number answer and what [`alike`] needs to know of it.
#[derive(Clone, Copy, Debug)]
pub struct Typed<'a> {
    /// The answer as the teacher wrote it.
    pub answer: &'a str,
    /// What kind of number it is.
    pub kind: Written,
    /// The fact's text up to the blank: a number right after a label (`No. 2`, `Table 5`)
    /// is a name, not a count, and gets no words.
    pub before: &'a str,
    /// Whether the course is in English: number words, ordinal suffixes and thousands
    /// commas are English; other languages get only the digits of a roman numeral.
    pub english: bool,
    /// Whether the teacher gave the blank's type (`number`, `ordinal`), so that it is read
    /// as a number even where it could be something else: a year-like `1998`, or a roman
    /// numeral with `L`, `C`, `D` or `M` (`DC`, `CD` are acronyms too).
    pub declared: bool,
}

/// The other ways of typing the number `typed.answer` that a student who knows it may use,
/// without the answer itself and without repeats: for `300`, `three hundred`; for `1,200
/// people`, `1200 people` and `one thousand two hundred people`; for `three years`, `3
/// years`; for `18th`, `18` and `eighteenth`; for `XVIII`, `18`, `18th` and `eighteenth`.
/// Nothing for what may not be a count: a number with other digits, symbols or a label next
/// to it (`No. 2`, `24/7`, `3.5`, `300%`), a year-like `1998`, a number in a Cyrillic text
/// (Russian number words change with their noun, so none are made), or words past
/// [`words::MAX`].
pub fn alike(typed: Typed<'_>) -> Vec<String> {
    let answer = typed.answer;
    let foreign_letters = answer.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let forms = match typed.kind {
        _ if foreign_letters => Vec::new(),
        Written::Cardinal if typed.english => cardinal_alike(typed),
        Written::Ordinal if typed.english => ordinal_alike(answer),
        Written::Roman => roman_alike(typed),
        Written::Cardinal | Written::Ordinal => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for form in forms {
        if form != answer && !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

/// Labels after which a number names something rather than counts it.
const LABELS: &[&str] = &["no.", "no", "nos.", "#", "№", "number", "numbers", "nr."];

/// Whether a number between `prefix` and `suffix` (within the answer, after `before`)
/// stands alone as a count: whole words, no other digits, no label before it.
fn stands_alone(before: &str, prefix: &str, suffix: &str) -> bool {
    let whole_words = (prefix.is_empty() || prefix.ends_with(' '))
        && (suffix.is_empty() || suffix.starts_with(' '));
    let other_digits = prefix
        .chars()
        .chain(suffix.chars())
        .any(|c| c.is_ascii_digit());
    if !whole_words || other_digits {
        return false;
    }
    let text = format!("{before}{prefix}");
    let mut words = text.split_whitespace().rev();
    let Some(previous) = words.next() else {
        return true;
    };
    if LABELS.contains(&previous.to_lowercase().as_str()) {
        return false;
    }
    // "Table 5", "Resolution 2222", "June 16": a capitalized word right before the number
    // (not the first word of the sentence, nor one that ends a clause) names it.
    let capitalized = previous.chars().next().is_some_and(char::is_uppercase);
    let ends_clause = previous.ends_with([',', ';', ':', '.', '!', '?', ')']);
    !(capitalized && !ends_clause && words.next().is_some())
}

fn capitalize_like(model: &str, word: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

fn cardinal_alike(typed: Typed<'_>) -> Vec<String> {
    let answer = typed.answer;
    if let Some((prefix, n, suffix, grouped)) = split_digits(answer) {
        let year_like = !grouped && (1000..3000).contains(&n);
        if !stands_alone(typed.before, prefix, suffix) || (year_like && !typed.declared) {
            return Vec::new();
        }
        let mut out = Vec::new();
        if grouped {
            out.push(format!("{prefix}{n}{suffix}"));
        } else if n >= 1000 {
            out.push(format!("{prefix}{}{suffix}", group_thousands(n)));
        }
        out.extend(
            words::cardinals(n)
                .into_iter()
                .map(|w| format!("{prefix}{w}{suffix}")),
        );
        return out;
    }
    let Some((start, end, n)) = word_run(answer) else {
        return Vec::new();
    };
    let (prefix, run, suffix) = (&answer[..start], &answer[start..end], &answer[end..]);
    if !stands_alone(typed.before, prefix, suffix) {
        return Vec::new();
    }
    let mut out = vec![format!("{prefix}{n}{suffix}")];
    if n >= 1000 {
        out.push(format!("{prefix}{}{suffix}", group_thousands(n)));
    }
    out.extend(
        words::cardinals(n)
            .into_iter()
            .map(|w| format!("{prefix}{}{suffix}", capitalize_like(run, &w))),
    );
    out
}

/// The one run of number words in `text` (byte range and value): `three hundred` in `three
/// hundred people`; none if there are two, or the words spell no number.
fn word_run(text: &str) -> Option<(usize, usize, u64)> {
    let is_number_word = |token: &str| {
        let lower = token.to_lowercase();
        !lower.is_empty()
            && lower.split('-').all(|part| {
                matches!(part, "hundred" | "thousand") || words::parse_cardinal(part).is_some()
            })
    };
    // Each token with its byte range.
    let mut tokens = Vec::new();
    let mut offset = 0;
    for token in text.split(' ') {
        tokens.push((offset, offset + token.len(), token));
        offset += token.len() + 1;
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let lead_a = tokens[i].2.eq_ignore_ascii_case("a")
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.2.to_lowercase().as_str(), "hundred" | "thousand"));
        if !(is_number_word(tokens[i].2) || lead_a) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len()
            && (is_number_word(tokens[end].2)
                || (tokens[end].2.eq_ignore_ascii_case("and")
                    && tokens.get(end + 1).is_some_and(|t| is_number_word(t.2))))
        {
            end += 1;
        }
        runs.push((tokens[start].0, tokens[end - 1].1));
        i = end;
    }
    match runs.as_slice() {
        [(start, end)] => words::parse_cardinal(&text[*start..*end]).map(|n| (*start, *end, n)),
        _ => None,
    }
}

fn ordinal_alike(answer: &str) -> Vec<String> {
    let text = answer.trim();
    let Some(n) = ordinal_value(text)
        .map(u64::from)
        .or_else(|| words::parse_ordinal(text))
    else {
        return Vec::new();
    };
    ordinal_forms(n, text)
}

/// `18th`, `18`, `eighteenth` (capitalized like `model`).
fn ordinal_forms(n: u64, model: &str) -> Vec<String> {
    let mut out = vec![n.to_string()];
    if let Ok(small) = u32::try_from(n) {
        out.push(format!("{n}{}", ordinal_suffix(small)));
    }
    out.extend(
        words::ordinals(n)
            .into_iter()
            .map(|w| capitalize_like(model, &w)),
    );
    out
}

fn roman_alike(typed: Typed<'_>) -> Vec<String> {
    let text = typed.answer.trim();
    let Some(n) = roman_value(text) else {
        return Vec::new();
    };
    // `I` is a pronoun, `DC` and `CD` are acronyms: only numerals of `I`, `V` and `X` (up
    // to 39: forum editions, centuries, world wars) unless the teacher said "ordinal".
    let numeral_like = text.len() > 1 && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if !(numeral_like || typed.declared) {
        return Vec::new();
    }
    if typed.english {
        ordinal_forms(u64::from(n), "x")
    } else {
        vec![n.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_words_and_stay_near() {
        let d = variants("107");
        assert!(
            d.iter().all(|(_, x)| x
                .parse::<u32>()
                .is_ok_and(|v| (57..=157).contains(&v) && v != 107)),
            "{d:?}"
        );
        let d: Vec<String> = variants("three years")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(
            d.contains(&"two years".to_owned()) && d.contains(&"four years".to_owned()),
            "{d:?}"
        );
        assert!(!d.contains(&"one years".to_owned()), "{d:?}");
        let d: Vec<String> = variants("1,200 people")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(d.contains(&"1,300 people".to_owned()), "{d:?}");
        assert!(variants("3 года").is_empty());
    }

    #[test]
    fn bounds() {
        assert!(is_bounded("The forum drew more than", "300", false));
        assert!(is_bounded("participants came from over", "40", false));
        assert!(is_bounded("", "more than 300", false));
        assert!(is_bounded("calling for rules since", "1998", true));
        assert!(!is_bounded("co-sponsored by", "107", false));
        assert!(is_bounded("to be adopted by", "2025", true));
        assert!(!is_bounded("Apart from them,", "107", false));
        assert!(!is_bounded("the cover", "3", false));
    }

    #[test]
    fn a_name_ending_in_a_number_is_written_both_ways() {
        assert_eq!(name_number_form("Gemini 4").as_deref(), Some("Gemini IV"));
        assert_eq!(name_number_form("Apollo XI").as_deref(), Some("Apollo 11"));
        assert_eq!(name_number_form("Vostok 1").as_deref(), Some("Vostok I"));
        for other in [
            "Summit 2024",
            "the 4",
            "4",
            "Apollo",
            "Round Table No. 40",
            "MIB 04",
        ] {
            assert_eq!(name_number_form(other), None, "{other}");
        }
    }

    #[test]
    fn numerals_and_ordinals() {
        let d: Vec<String> = roman_variants("XVIII")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(d.contains(&"XVII".to_owned()) && d.contains(&"XIX".to_owned()));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(ordinal_value("22nd"), Some(22));
        assert_eq!(ordinal_value("22th"), None);
        assert_eq!(ordinal_value("eighteenth"), Some(18));
        let d: Vec<String> = ordinal_variants("76th")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(d.contains(&"75th".to_owned()) && d.contains(&"77th".to_owned()));
        let d: Vec<String> = ordinal_variants("Eighteenth")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(d.contains(&"Seventeenth".to_owned()), "{d:?}");
    }

    fn typed(answer: &str, kind: Written) -> Typed<'_> {
        Typed {
            answer,
            kind,
            before: "The forum drew more than ",
            english: true,
            declared: false,
        }
    }

    #[test]
    fn a_count_in_digits_is_accepted_in_words() {
        let cases: &[(&str, &[&str])] = &[
            ("300", &["three hundred"]),
            ("0", &["zero"]),
            ("11", &["eleven"]),
            ("19", &["nineteen"]),
            ("100", &["one hundred", "a hundred"]),
            (
                "101",
                &[
                    "one hundred one",
                    "one hundred and one",
                    "a hundred and one",
                ],
            ),
            ("1,000", &["1000", "one thousand", "a thousand"]),
            (
                "1,200 people",
                &[
                    "1200 people",
                    "one thousand two hundred people",
                    "a thousand two hundred people",
                ],
            ),
            ("more than 40", &["more than forty"]),
            (
                "21 countries",
                &["twenty-one countries", "twenty one countries"],
            ),
            (
                "25000",
                &["25,000", "twenty-five thousand", "twenty five thousand"],
            ),
        ];
        for (answer, expected) in cases {
            assert_eq!(
                alike(typed(answer, Written::Cardinal)),
                *expected,
                "{answer}"
            );
        }
    }

    #[test]
    fn a_count_in_words_is_accepted_in_digits() {
        let cases: &[(&str, &[&str])] = &[
            ("three years", &["3 years"]),
            ("Forty", &["40"]),
            ("a hundred", &["100", "one hundred"]),
            ("twenty-one", &["21", "twenty one"]),
            (
                "one hundred and one",
                &["101", "one hundred one", "a hundred and one"],
            ),
            ("twelve thousand people", &["12000 people", "12,000 people"]),
        ];
        for (answer, expected) in cases {
            assert_eq!(
                alike(typed(answer, Written::Cardinal)),
                *expected,
                "{answer}"
            );
        }
    }

    #[test]
    fn ordinals_and_roman_numerals_are_accepted_every_way() {
        assert_eq!(alike(typed("18th", Written::Ordinal)), ["18", "eighteenth"]);
        assert_eq!(
            alike(typed("21st", Written::Ordinal)),
            ["21", "twenty-first", "twenty first"]
        );
        assert_eq!(
            alike(typed("100th", Written::Ordinal)),
            ["100", "one hundredth"]
        );
        assert_eq!(alike(typed("Eighteenth", Written::Ordinal)), ["18", "18th"]);
        assert_eq!(
            alike(typed("twenty-first", Written::Ordinal)),
            ["21", "21st", "twenty first"]
        );
        assert_eq!(
            alike(typed("XVIII", Written::Roman)),
            ["18", "18th", "eighteenth"]
        );
        assert_eq!(
            alike(typed("XXI", Written::Roman)),
            ["21", "21st", "twenty-first", "twenty first"]
        );
    }

    #[test]
    fn nothing_that_may_not_be_the_same_number_is_accepted() {
        for (answer, kind) in [
            // Not counts: a year, a label, a decimal, a share, a range, a fraction.
            ("1998", Written::Cardinal),
            ("3.5", Written::Cardinal),
            ("300%", Written::Cardinal),
            ("20–30", Written::Cardinal),
            ("24/7", Written::Cardinal),
            ("No. 5", Written::Cardinal),
            ("COVID-19", Written::Cardinal),
            ("$300", Written::Cardinal),
            ("2 of 3", Written::Cardinal),
            ("one or two", Written::Cardinal),
            ("1,000,000", Written::Cardinal),
            // Russian text: its number words change with the noun.
            ("300 участников", Written::Cardinal),
            // Acronyms and pronouns that are roman numerals too.
            ("DC", Written::Roman),
            ("CD", Written::Roman),
            ("I", Written::Roman),
            ("XL", Written::Roman),
            ("IIII", Written::Roman),
            ("22th", Written::Ordinal),
        ] {
            let words = alike(typed(answer, kind));
            let digits_only = answer == "1,000,000" && words == ["1000000"];
            assert!(words.is_empty() || digits_only, "{answer}: {words:?}");
        }
        let labelled = |before| Typed {
            before,
            ..typed("5", Written::Cardinal)
        };
        assert!(alike(labelled("At Round Table No. ")).is_empty());
        assert!(alike(labelled("as Resolution ")).is_empty());
        assert!(alike(labelled("on June ")).is_empty());
        assert_eq!(alike(labelled("Besides Russia, ")), ["five"]);
        assert_eq!(alike(labelled("")), ["five"]);
    }

    #[test]
    fn other_languages_get_only_the_digits_of_a_numeral() {
        let russian = |answer, kind| Typed {
            english: false,
            ..typed(answer, kind)
        };
        assert!(alike(russian("300", Written::Cardinal)).is_empty());
        assert!(alike(russian("1,200", Written::Cardinal)).is_empty());
        assert!(alike(russian("три года", Written::Cardinal)).is_empty());
        assert_eq!(alike(russian("XVIII", Written::Roman)), ["18"]);
        // What the teacher declared a number is read as one.
        let declared = Typed {
            declared: true,
            ..typed("1500", Written::Cardinal)
        };
        assert_eq!(
            alike(declared),
            [
                "1,500",
                "one thousand five hundred",
                "a thousand five hundred"
            ]
        );
        let declared = Typed {
            declared: true,
            ..typed("DC", Written::Roman)
        };
        assert_eq!(alike(declared), ["600", "600th", "six hundredth"]);
    }
}
