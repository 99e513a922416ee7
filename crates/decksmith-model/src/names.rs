//! Ids, slugs, tags and "did you mean" suggestions.

/// Whether `id` is a valid entry, source or deck id: lowercase letters (any script), digits
/// and single hyphens, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// A lowercase, hyphenated form of `text` with at most `max_words` words: the basis of
/// derived ids (`Anatoly Antonov` → `anatoly-antonov`).
pub fn slug(text: &str, max_words: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "Moscow's" → "moscows": an apostrophe does not split a word.
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.truncate(max_words);
    let mut slug = words.join("-");
    if slug.chars().count() > 60 {
        slug = slug.chars().take(60).collect();
        slug = slug.trim_end_matches('-').to_owned();
    }
    slug
}

/// Why a tag is not acceptable, if it is not.
pub fn tag_problem(tag: &str) -> Option<&'static str> {
    if tag.chars().any(char::is_whitespace) {
        Some("contains a space")
    } else if tag.contains(',') {
        Some("contains a comma")
    } else if tag.contains('"') {
        Some("contains a quotation mark")
    } else {
        None
    }
}

/// Names longer than this (in bytes) are never suggested nor matched: no one mistypes them,
/// and comparing them costs time and memory in proportion to their length squared.
const MAX_SUGGESTED_BYTES: usize = 200;

/// The candidate closest to `name`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if name.len() > MAX_SUGGESTED_BYTES {
        return None;
    }
    let lower = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate.len() > MAX_SUGGESTED_BYTES {
            continue;
        }
        let cand_lower = candidate.to_lowercase();
        if cand_lower == lower {
            return Some(candidate);
        }
        let distance = strsim::damerau_levenshtein(&lower, &cand_lower);
        let longest = lower.chars().count().max(cand_lower.chars().count());
        let allowed = (longest / 3).max(1);
        let close = distance <= allowed
            || (lower.len() >= 3 && cand_lower.starts_with(&lower))
            || (cand_lower.len() >= 3 && lower.starts_with(&cand_lower));
        if !close {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&lower, &cand_lower);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `name` normalized for comparing answers: its plain text (no markup), lowercase, single
/// spaces, no surrounding punctuation.
pub fn normalize_answer(name: &str) -> String {
    let name = crate::markup::plain(name);
    // From the first letter or digit to the last, each run of spaces made one.
    let core = name.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(core.len());
    let mut gap = false;
    for c in core.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.push(c);
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        // The whole text at once: a Greek capital sigma is lowercased by its place in a word.
        out.to_lowercase()
    }
}

/// `text` reduced to what decides whether two answers are the same: lowercase words, without
/// punctuation and without the articles "the", "a" and "an" ("The U.N. Security Council" and
/// "UN security council" compare equal).
pub fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() && !matches!(word.as_str(), "the" | "a" | "an") {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '.' | '\'' | '\u{2019}' | '*' | '~' | '^' | '\\') {
            // "U.N." is "UN", "Moscow's" is one word, and markup is not a word's end:
            // "H~2~O" is "H2O".
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Whether an option refers to the other options ("all of the above", "none of these"),
/// which cannot work when options are shuffled.
pub fn refers_to_other_options(option: &str) -> bool {
    const PHRASES: &[&str] = &[
        "all of the above",
        "none of the above",
        "all of these",
        "none of these",
        "all the above",
        "both of the above",
        "neither of the above",
        "все перечисленное",
        "всё перечисленное",
        "все вышеперечисленное",
        "всё вышеперечисленное",
        "ничего из перечисленного",
        "ни один из перечисленных",
    ];
    let norm = normalize_answer(option);
    PHRASES
        .iter()
        .any(|p| norm == *p || norm.starts_with(&format!("{p} ")))
        || (norm.starts_with("both ")
            && norm.contains(" and ")
            && norm.split_whitespace().count() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_that_refer_to_other_options() {
        assert!(refers_to_other_options("All of the above"));
        assert!(refers_to_other_options("None of the above."));
        assert!(refers_to_other_options("Both A and B"));
        assert!(refers_to_other_options("Всё перечисленное"));
        assert!(!refers_to_other_options("Offensive realism"));
        assert!(!refers_to_other_options(
            "Both countries and the UN agreed to cooperate on ICT"
        ));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("oewg-2021"));
        assert!(is_valid_id("мib"));
        assert!(!is_valid_id("OEWG"));
        assert!(!is_valid_id("un track"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Anatoly Antonov", 6), "anatoly-antonov");
        assert_eq!(
            slug("Open-Ended Working Group (OEWG)", 6),
            "open-ended-working-group-oewg"
        );
        assert_eq!(slug("Moscow's initiative", 6), "moscows-initiative");
        assert_eq!(
            slug("Международная информационная безопасность", 2),
            "международная-информационная"
        );
        assert_eq!(slug("a b c d e f g h", 3), "a-b-c");
    }

    #[test]
    fn suggestions() {
        let known = ["riac-brief", "news-2021", "journal-abstract"];
        assert_eq!(did_you_mean("riac-brif", known), Some("riac-brief"));
        assert_eq!(did_you_mean("News-2021", known), Some("news-2021"));
        assert_eq!(did_you_mean("journal", known), Some("journal-abstract"));
        assert_eq!(did_you_mean("zzz", known), None);
        assert_eq!(
            did_you_mean("sorce", ["source", "see", "tags"]),
            Some("source")
        );
        let huge = "a".repeat(1 << 20);
        assert_eq!(did_you_mean("aaa", [huge.as_str()]), None);
        assert_eq!(did_you_mean(&huge, ["aaa"]), None);
    }

    #[test]
    fn answers_compare_loosely() {
        assert_eq!(normalize_answer("  First   Committee. "), "first committee");
        // Spaces of every kind inside, punctuation and markup around, other alphabets.
        assert_eq!(
            normalize_answer("(*Open-ended*\u{a0}\tWorking  Group)"),
            "open-ended working group"
        );
        assert_eq!(
            normalize_answer("«Группа  ПРАВИТЕЛЬСТВЕННЫХ экспертов»"),
            "группа правительственных экспертов"
        );
        assert_eq!(normalize_answer("ΟΔΟΣ ΣΟΦΙΑΣ"), "οδος σοφιας");
        assert_eq!(normalize_answer(" ... "), "");
        assert_eq!(
            comparable("The U.N. Security Council's ÉLAN"),
            "un security councils élan"
        );
        assert_eq!(
            comparable("The U.N. Security Council"),
            comparable("UN security council")
        );
        assert_eq!(
            comparable("Deputy Minister, Foreign Affairs"),
            "deputy minister foreign affairs"
        );
        assert_ne!(comparable("Evil Corp"), comparable("REvil"));
    }
}
