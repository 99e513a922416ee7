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

/// The candidate closest to `name`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
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

/// `name` normalized for comparing answers: lowercase, single spaces, no surrounding
/// punctuation.
pub fn normalize_answer(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn answers_compare_loosely() {
        assert_eq!(normalize_answer("  First   Committee. "), "first committee");
    }
}
