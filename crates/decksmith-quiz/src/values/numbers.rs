//! Numbers in answers, and wrong numbers written the same way: digits (`107`, `1,200`),
//! English number words (`three years`), ordinals (`76th`, `eighteenth`), roman numerals
//! (`XVIII`); and the words that make a number a bound (`more than 300`), which no wrong
//! option can be made for, since a smaller bound is still true.

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
}
