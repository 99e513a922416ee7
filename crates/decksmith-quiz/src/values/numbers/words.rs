//! English number words for whole numbers from zero to [`MAX`]: every usual way of
//! spelling one (cardinal and ordinal), and the number a spelling stands for.
//!
//! A number has up to four spellings that differ in more than spaces and punctuation:
//! American ("one hundred one") and British ("one hundred and one"), each with its tens
//! hyphenated ("twenty-one") or not ("twenty one"); a leading "one hundred" or "one
//! thousand" may also be "a hundred", "a thousand". Typed answers are compared exactly by
//! Moodle and QTI players, so each counts as its own spelling.

/// The largest number spelled.
pub const MAX: u64 = 999_999;

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Ordinals whose word is not the cardinal with `th` (or `y` made `ieth`).
const IRREGULAR_ORDINALS: [(&str, &str); 7] = [
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("five", "fifth"),
    ("eight", "eighth"),
    ("nine", "ninth"),
    ("twelve", "twelfth"),
];

/// How a spelling is written.
#[derive(Clone, Copy)]
struct Style {
    /// British "and" after hundreds ("one hundred and one") and after thousands before a
    /// last part under a hundred ("one thousand and fifty").
    and: bool,
    /// "twenty-one" rather than "twenty one".
    hyphen: bool,
}

const STYLES: [Style; 4] = [
    Style {
        and: false,
        hyphen: true,
    },
    Style {
        and: true,
        hyphen: true,
    },
    Style {
        and: false,
        hyphen: false,
    },
    Style {
        and: true,
        hyphen: false,
    },
];

fn below_hundred(n: u64, style: Style, out: &mut String) {
    if n < 20 {
        out.push_str(ONES[n as usize]);
    } else {
        out.push_str(TENS[(n / 10) as usize]);
        if !n.is_multiple_of(10) {
            out.push(if style.hyphen { '-' } else { ' ' });
            out.push_str(ONES[(n % 10) as usize]);
        }
    }
}

/// 1 to 999.
fn below_thousand(n: u64, style: Style, out: &mut String) {
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds > 0 {
        out.push_str(ONES[hundreds as usize]);
        out.push_str(" hundred");
        if rest > 0 {
            out.push_str(if style.and { " and " } else { " " });
        }
    }
    if rest > 0 {
        below_hundred(rest, style, out);
    }
}

fn spell(n: u64, style: Style) -> String {
    if n == 0 {
        return ONES[0].to_owned();
    }
    let mut out = String::new();
    let (thousands, rest) = (n / 1000, n % 1000);
    if thousands > 0 {
        below_thousand(thousands, style, &mut out);
        out.push_str(" thousand");
        if rest > 0 {
            out.push_str(if style.and && rest < 100 {
                " and "
            } else {
                " "
            });
        }
    }
    if rest > 0 {
        below_thousand(rest, style, &mut out);
    }
    out
}

fn push_new(out: &mut Vec<String>, s: String) {
    if !out.contains(&s) {
        out.push(s);
    }
}

/// Every usual spelling of `n` in words, the American hyphenated one first ("one hundred
/// twenty-one", "one hundred and twenty-one", …, "a hundred and twenty-one"); none above
/// [`MAX`].
pub fn cardinals(n: u64) -> Vec<String> {
    if n > MAX {
        return Vec::new();
    }
    let mut out = Vec::new();
    for style in STYLES {
        push_new(&mut out, spell(n, style));
    }
    // "a hundred", "a thousand": of the British forms only, which read most naturally so
    // ("a hundred and one"), and are the same as the American for round numbers.
    for style in STYLES.iter().filter(|s| s.and) {
        let s = spell(n, *style);
        for lead in ["one hundred", "one thousand"] {
            if let Some(rest) = s.strip_prefix(lead) {
                push_new(&mut out, format!("a{}", &lead[3..]) + rest);
            }
        }
    }
    out
}

/// The ordinal word of a cardinal word ("one" → "first", "twenty" → "twentieth").
fn ordinal_word(word: &str) -> String {
    if let Some((_, ordinal)) = IRREGULAR_ORDINALS.iter().find(|(c, _)| *c == word) {
        (*ordinal).to_owned()
    } else if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ieth")
    } else {
        format!("{word}th")
    }
}

/// The cardinal word of an ordinal word ("first" → "one", "twentieth" → "twenty"), if it
/// is one.
fn cardinal_word(word: &str) -> Option<String> {
    if let Some((cardinal, _)) = IRREGULAR_ORDINALS.iter().find(|(_, o)| *o == word) {
        return Some((*cardinal).to_owned());
    }
    if let Some(stem) = word.strip_suffix("ieth") {
        return Some(format!("{stem}y"));
    }
    word.strip_suffix("th").map(str::to_owned)
}

/// Every usual spelling of the ordinal `n` in words ("twenty-first", "twenty first", "one
/// hundredth"); none for 0 or above [`MAX`]. ("A hundredth" is a fraction, so it is not one.)
pub fn ordinals(n: u64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for cardinal in cardinals(n).iter().filter(|c| !c.starts_with("a ")) {
        let cut = cardinal.rfind([' ', '-']).map_or(0, |i| i + 1);
        push_new(
            &mut out,
            format!("{}{}", &cardinal[..cut], ordinal_word(&cardinal[cut..])),
        );
    }
    out
}

/// The number `text` spells in words, if it is one of the spellings [`cardinals`] makes,
/// in any case ("Three Hundred", "a hundred and one"); `None` for anything else ("one two",
/// "hundred", "three hundreds").
pub fn parse_cardinal(text: &str) -> Option<u64> {
    let lower = text.trim().to_lowercase();
    let tokens: Vec<&str> = lower.split([' ', '-']).filter(|t| !t.is_empty()).collect();
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            "and" => {}
            "a" if i == 0 => current = 1,
            // Checked: a teacher's text may say "thousand" any number of times.
            "hundred" if current > 0 => current = current.checked_mul(100)?,
            "thousand" if total + current > 0 => {
                total = total.checked_add(current)?.checked_mul(1000)?;
                current = 0;
            }
            word => {
                let value = ONES.iter().position(|w| *w == word).or_else(|| {
                    TENS.iter()
                        .position(|w| !w.is_empty() && *w == word)
                        .map(|t| t * 10)
                })?;
                current = current.checked_add(value as u64)?;
            }
        }
    }
    let n = total + current;
    // Only the exact spellings count: no "one two", no "zero hundred".
    cardinals(n)
        .iter()
        .any(|s| *s == lower || s.replace('-', " ") == lower)
        .then_some(n)
}

/// The ordinal `text` spells in words ("eighteenth", "twenty-first", "one hundredth"), if it
/// is one of the spellings [`ordinals`] makes.
pub fn parse_ordinal(text: &str) -> Option<u64> {
    let lower = text.trim().to_lowercase();
    let cut = lower.rfind([' ', '-']).map_or(0, |i| i + 1);
    let cardinal = format!("{}{}", &lower[..cut], cardinal_word(&lower[cut..])?);
    let n = parse_cardinal(&cardinal)?;
    ordinals(n)
        .iter()
        .any(|s| *s == lower || s.replace('-', " ") == lower)
        .then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinal_golden_vectors() {
        let cases: &[(u64, &[&str])] = &[
            (0, &["zero"]),
            (7, &["seven"]),
            (11, &["eleven"]),
            (12, &["twelve"]),
            (13, &["thirteen"]),
            (15, &["fifteen"]),
            (19, &["nineteen"]),
            (20, &["twenty"]),
            (21, &["twenty-one", "twenty one"]),
            (40, &["forty"]),
            (99, &["ninety-nine", "ninety nine"]),
            (100, &["one hundred", "a hundred"]),
            (
                101,
                &[
                    "one hundred one",
                    "one hundred and one",
                    "a hundred and one",
                ],
            ),
            (
                110,
                &[
                    "one hundred ten",
                    "one hundred and ten",
                    "a hundred and ten",
                ],
            ),
            (300, &["three hundred"]),
            (
                999,
                &[
                    "nine hundred ninety-nine",
                    "nine hundred and ninety-nine",
                    "nine hundred ninety nine",
                    "nine hundred and ninety nine",
                ],
            ),
            (1000, &["one thousand", "a thousand"]),
            (
                1001,
                &[
                    "one thousand one",
                    "one thousand and one",
                    "a thousand and one",
                ],
            ),
            (
                1200,
                &["one thousand two hundred", "a thousand two hundred"],
            ),
            (
                1050,
                &[
                    "one thousand fifty",
                    "one thousand and fifty",
                    "a thousand and fifty",
                ],
            ),
            (
                12_345,
                &[
                    "twelve thousand three hundred forty-five",
                    "twelve thousand three hundred and forty-five",
                    "twelve thousand three hundred forty five",
                    "twelve thousand three hundred and forty five",
                ],
            ),
            (100_000, &["one hundred thousand", "a hundred thousand"]),
            (
                999_999,
                &[
                    "nine hundred ninety-nine thousand nine hundred ninety-nine",
                    "nine hundred and ninety-nine thousand nine hundred and ninety-nine",
                    "nine hundred ninety nine thousand nine hundred ninety nine",
                    "nine hundred and ninety nine thousand nine hundred and ninety nine",
                ],
            ),
        ];
        for (n, expected) in cases {
            assert_eq!(cardinals(*n), *expected, "{n}");
        }
        assert!(cardinals(1_000_000).is_empty());
    }

    #[test]
    fn ordinal_golden_vectors() {
        let cases: &[(u64, &[&str])] = &[
            (1, &["first"]),
            (2, &["second"]),
            (3, &["third"]),
            (5, &["fifth"]),
            (8, &["eighth"]),
            (9, &["ninth"]),
            (11, &["eleventh"]),
            (12, &["twelfth"]),
            (18, &["eighteenth"]),
            (20, &["twentieth"]),
            (21, &["twenty-first", "twenty first"]),
            (22, &["twenty-second", "twenty second"]),
            (40, &["fortieth"]),
            (100, &["one hundredth"]),
            (101, &["one hundred first", "one hundred and first"]),
        ];
        for (n, expected) in cases {
            assert_eq!(ordinals(*n), *expected, "{n}");
        }
        assert_eq!(ordinals(1000), ["one thousandth"]);
        assert!(ordinals(0).is_empty());
    }

    #[test]
    fn every_spelling_reads_back_as_its_number() {
        for n in (0..=2_000).chain((2_000..=MAX).step_by(997)).chain([MAX]) {
            for s in cardinals(n) {
                assert_eq!(parse_cardinal(&s), Some(n), "{s}");
            }
            for s in ordinals(n) {
                assert_eq!(parse_ordinal(&s), Some(n), "{s}");
            }
        }
    }

    #[test]
    fn what_is_not_a_spelling_is_not_read() {
        for text in [
            "",
            "hundred",
            "one two",
            "zero hundred",
            "three hundreds",
            "twenty and one",
            "a",
            "a one",
            "thousand thousand",
            "one thousand thousand",
            "and one",
            "one million",
            "eleventy",
            "one thousand thousand thousand thousand thousand thousand thousand thousand",
            "one hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred",
            "seventeen hundred",
        ] {
            assert_eq!(parse_cardinal(text), None, "{text}");
        }
        assert_eq!(parse_cardinal("Three Hundred"), Some(300));
        assert_eq!(parse_cardinal("  a hundred and one "), Some(101));
        for text in [
            "firsts",
            "oneth",
            "twenty-firsth",
            "hundredth",
            "a hundredth",
            "zeroth",
        ] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
        assert_eq!(parse_ordinal("Eighteenth"), Some(18));
    }
}
