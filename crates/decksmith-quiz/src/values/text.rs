//! What options look like as text: their script, their article, their content words.
//!
//! Options of one question must read alike: the same script (no Russian word among English
//! ones), a form that fits the sentence (`a` or `an` before the blank), and no words taken
//! from the question's own text, which would point at them.

/// The writing system of a text, by its letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// No letters at all (`1998`, `107`).
    None,
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Other letters, or a mix.
    Other,
}

/// The script most of `text`'s letters are in.
pub fn script(text: &str) -> Script {
    let (mut latin, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c) {
            latin += 1;
        } else if ('\u{0400}'..='\u{04ff}').contains(&c) {
            cyrillic += 1;
        } else {
            other += 1;
        }
    }
    let total = latin + cyrillic + other;
    if total == 0 {
        Script::None
    } else if latin * 10 >= total * 9 {
        Script::Latin
    } else if cyrillic * 10 >= total * 9 {
        Script::Cyrillic
    } else {
        Script::Other
    }
}

/// Whether two options are written alike: the same script, or either without letters.
pub fn same_script(a: &str, b: &str) -> bool {
    match (script(a), script(b)) {
        (Script::None, Script::None) => true,
        (x, y) => x == y,
    }
}

/// The English indefinite article before a blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Article {
    /// `a`
    A,
    /// `an`
    An,
}

/// The article that ends `before` (the text up to a blank), if any.
pub fn article_before(before: &str) -> Option<Article> {
    let last = before.trim_end().rsplit(char::is_whitespace).next()?;
    match last {
        "a" | "A" => Some(Article::A),
        "an" | "An" => Some(Article::An),
        _ => None,
    }
}

/// The article English puts before `word`, by its sound: `an` before a vowel sound (`an
/// OEWG`, `an hour`, `an FBI agent`), `a` before a consonant sound (`a UN body`, `a
/// European`, `a one-off`).
pub fn article_for(word: &str) -> Article {
    let first = word
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let lower = first.to_lowercase();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphanumeric()).collect();
    let Some(&c) = letters.first() else {
        return Article::A;
    };
    if c.is_ascii_digit() {
        // "an 8", "an 11", "an 18", "an 80"; "a 1", "a 100".
        let digits: String = letters.iter().take_while(|c| c.is_ascii_digit()).collect();
        let vowel = digits.starts_with('8')
            || digits == "11"
            || digits == "18"
            || (digits.len() == 5 && (digits.starts_with("11") || digits.starts_with("18")));
        return if vowel { Article::An } else { Article::A };
    }
    let acronym = letters.len() >= 2
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    if acronym && !pronounced_as_word(first) {
        // Spelled out letter by letter: F, H, L, M, N, R, S, X and the vowels (but U) start
        // with a vowel sound.
        return if "AEFHILMNORSX".contains(c) {
            Article::An
        } else {
            Article::A
        };
    }
    const CONSONANT_SOUND: &[&str] = &[
        "uni", "use", "usu", "uti", "ura", "uro", "eu", "one", "once", "ubiq", "ukr", "uga", "uru",
    ];
    const VOWEL_SOUND: &[&str] = &["hour", "honest", "honor", "honour", "heir"];
    if VOWEL_SOUND.iter().any(|p| lower.starts_with(p)) {
        return Article::An;
    }
    if CONSONANT_SOUND.iter().any(|p| lower.starts_with(p)) {
        return Article::A;
    }
    if "aeiou".contains(c.to_ascii_lowercase()) {
        Article::An
    } else {
        Article::A
    }
}

/// Whether an acronym is said as a word (`NATO`, `UNESCO`, `OPEC`) rather than letter by
/// letter (`OEWG`, `FBI`): it has a vowel among its first three letters and is not all
/// consonants, with four letters or more.
fn pronounced_as_word(acronym: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.len() < 4 {
        return false;
    }
    let vowel = |c: &char| "AEIOU".contains(*c);
    let vowels = letters.iter().filter(|c| vowel(c)).count();
    // Said as words: consonant-vowel alternation, such as NATO, UNESCO, OPEC, ASEAN.
    vowels * 3 >= letters.len() && letters.windows(3).all(|w| w.iter().any(vowel))
}

/// Words too common to give an option away, sorted for a binary search.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "all",
    "also",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "called",
    "can",
    "could",
    "did",
    "do",
    "does",
    "done",
    "during",
    "each",
    "either",
    "every",
    "first",
    "five",
    "for",
    "four",
    "from",
    "had",
    "has",
    "have",
    "her",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "made",
    "make",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "named",
    "neither",
    "new",
    "no",
    "not",
    "of",
    "on",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "says",
    "second",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "third",
    "this",
    "those",
    "three",
    "through",
    "to",
    "two",
    "under",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
];

/// The content words of `text`: lowercase, longer than three letters and not among the most
/// common words, reduced to a simple stem (`partnerships` → `partnership`).
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        // More than three letters (bytes first: a word of three bytes has at most three).
        if word.len() > 3
            && (word.is_ascii() || word.chars().count() > 3)
            && !stopwords().contains(word.as_str())
        {
            let mut stem = std::mem::take(word);
            cut_stem(&mut stem);
            if !out.contains(&stem) {
                out.push(stem);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// [`STOPWORDS`] as a set, made once.
fn stopwords() -> &'static crate::HashSet<&'static str> {
    static SET: std::sync::OnceLock<crate::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
}

/// A rough stem, cut in place: English plural and possessive endings off.
fn cut_stem(word: &mut String) {
    for suffix in ["ies", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.chars().count() >= 4
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
        {
            let base = base.len();
            word.truncate(base);
            if suffix == "ies" {
                word.push('y');
            }
            return;
        }
    }
}

/// Whether `option` repeats a content word of `stem` (the question's own text), or echoes
/// it in the other language.
pub fn repeats_stem(option: &str, stem_words: &[String]) -> bool {
    words_repeat_stem(&content_words(option), stem_words)
}

/// [`repeats_stem`] for an option's content words, found already.
pub fn words_repeat_stem(words: &[String], stem_words: &[String]) -> bool {
    words
        .iter()
        .any(|w| stem_words.iter().any(|s| echoes(w, s)))
}

/// Whether two content words are one word for a student: equal, or, in Cyrillic, of one
/// root (the first five letters alike: «космос» and «космонавт», «государство» and
/// «государственный»), since Russian words change their endings and grow suffixes.
pub fn same_word(a: &str, b: &str) -> bool {
    const ROOT: usize = 5;
    if a == b {
        return true;
    }
    if paraphrases(a, b) || paraphrases(b, a) {
        return true;
    }
    // Most pairs differ in their first letter: no need to look further.
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let cyrillic = |w: &str| script(w) == Script::Cyrillic && w.chars().count() >= ROOT;
    if cyrillic(a) && cyrillic(b) {
        return a.chars().take(ROOT).eq(b.chars().take(ROOT));
    }
    english_derived(a, b) || english_derived(b, a) || siblings(a, b) || long_common_start(a, b)
}

/// Whether a student reads `b` as another word for `a`: pairs that definitions put in
/// place of a term's own words (`intervene` for `interference`, `domestic` for `internal`,
/// `conduct` for `behavior`, `rules` for `norms`, `studies` for `research`), and `software`
/// for any `-ware` (`malware`, `ransomware`). A short list, of what the reviews found
/// echoed; content words come stemmed (`rules` → `rule`, `studies` → `study`; `studied`
/// is not).
fn paraphrases(a: &str, b: &str) -> bool {
    const STARTS: &[(&str, &str)] = &[
        ("interfer", "interven"),
        ("domestic", "internal"),
        ("conduct", "behavio"),
        ("police", "enforcement"),
        ("study", "research"),
        ("studie", "research"),
    ];
    const WORDS: &[(&str, &str)] = &[("rule", "norm")];
    STARTS
        .iter()
        .any(|(x, y)| a.starts_with(x) && b.starts_with(y))
        || WORDS.iter().any(|(x, y)| a == *x && b == *y)
        || (a == "software" && b.len() > 4 && b.ends_with("ware"))
}

/// The sex a text's words give a person (`the first woman in space`), if they give one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// A woman.
    Female,
    /// A man.
    Male,
}

/// The sex that a word of `text` gives the person it describes (`woman`, `chairman`,
/// «женщина»), if one does and no word gives the other.
pub fn gender(text: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "actress",
        "businesswoman",
        "chairwoman",
        "daughter",
        "female",
        "girl",
        "her",
        "herself",
        "mother",
        "queen",
        "she",
        "sister",
        "spokeswoman",
        "widow",
        "wife",
        "woman",
        "women",
        "женщина",
        "женщиной",
        "женщины",
        "дочь",
        "жена",
        "мать",
    ];
    const MALE: &[&str] = &[
        "boy",
        "brother",
        "businessman",
        "chairman",
        "father",
        "he",
        "him",
        "himself",
        "his",
        "husband",
        "king",
        "male",
        "man",
        "men",
        "son",
        "spokesman",
        "widower",
        "мужчина",
        "мужчиной",
        "мужчины",
        "сын",
        "муж",
        "отец",
    ];
    let mut found = None;
    // A word in the possessive names someone else: "King's College London", "a women's
    // rights lawyer" say nothing of the role's holder.
    let possessive = |token: &str| {
        let token = token.trim_end_matches(|c: char| !c.is_alphanumeric() && !"'’".contains(c));
        ["'s", "’s", "s'", "s’"]
            .iter()
            .any(|end| token.ends_with(end))
    };
    let words = (text.split_whitespace())
        .filter(|token| !possessive(token))
        .flat_map(|token| token.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    for word in words {
        let word = word.to_lowercase();
        let this = if FEMALE.contains(&word.as_str()) {
            Gender::Female
        } else if MALE.contains(&word.as_str()) {
            Gender::Male
        } else {
            continue;
        };
        match found {
            Some(g) if g != this => return None,
            _ => found = Some(this),
        }
    }
    found
}

/// Whether two English words are one root with sibling endings (`realism`, `realist`;
/// `globalism`, `globalize`), or one is a compass word and the other its adjective (`west`,
/// `western`).
fn siblings(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ism", "isms", "ist", "ists", "istic", "ize", "ized", "izes", "ization", "ise", "ised",
        "isation",
    ];
    const COMPASS: &[&str] = &["east", "north", "south", "west"];
    if !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let compass = |short: &str, long: &str| {
        COMPASS.contains(&short) && long.strip_prefix(short).is_some_and(|rest| rest == "ern")
    };
    if compass(a, b) || compass(b, a) {
        return true;
    }
    /// The roots of four letters or more that `w` is with one of the endings.
    fn roots(w: &str) -> impl Iterator<Item = &str> {
        ENDINGS
            .iter()
            .filter_map(move |e| w.strip_suffix(e))
            .filter(|root| root.len() >= 4)
    }
    roots(a).any(|root| roots(b).any(|other| other == root))
}

/// Whether two English words begin with the same eight letters or more, and so share a
/// root whatever their endings (`significant`, `significance`; `cooperation`,
/// `cooperative`), where shorter starts (`inter…`, `informa…`) part unrelated words.
fn long_common_start(a: &str, b: &str) -> bool {
    const ROOT: usize = 8;
    a.is_ascii()
        && b.is_ascii()
        && a.len() >= ROOT
        && b.len() >= ROOT
        && a.as_bytes()[..ROOT] == b.as_bytes()[..ROOT]
}

/// Whether the English word `long` is `short` with a derivational ending (`equal`,
/// `equality`; `secure`, `security`; `nation`, `national`), `short` of five letters or more.
/// Endings that make another word (`state`, `statement`) are not among them.
fn english_derived(short: &str, long: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "al", "ally", "ed", "er", "ers", "es", "ing", "ion", "ions", "ities", "ity", "ly", "ness",
        "s",
    ];
    if short.len() < 5 || long.len() <= short.len() || !short.is_ascii() || !long.is_ascii() {
        return false;
    }
    let ends = |stem: &str| {
        long.strip_prefix(stem)
            .is_some_and(|rest| ENDINGS.contains(&rest))
    };
    ends(short)
        || short
            .strip_suffix('e')
            .is_some_and(|stem| stem.len() >= 5 && ends(stem))
}

/// Whether a student hears one content word in the other: `same_word`, or a Russian word
/// and an English one that sound alike (`cognate`: «инциденты» and `incident`). An option
/// that alone echoes the question so is a cue to the answer; but a wrong option may share
/// a word's sound with a question in the other language (it is a fair lure there), so the
/// pickers of wrong options ask `same_word` only.
pub fn echoes(a: &str, b: &str) -> bool {
    if same_word(a, b) {
        return true;
    }
    let (Some(first_a), Some(first_b)) = (a.chars().next(), b.chars().next()) else {
        return false;
    };
    let cyrillic = |c: char| ('\u{0400}'..='\u{04ff}').contains(&c);
    match (cyrillic(first_a), cyrillic(first_b)) {
        (true, false) => first_b.is_ascii_lowercase() && cognate(a, b),
        (false, true) => first_a.is_ascii_lowercase() && cognate(b, a),
        _ => false,
    }
}

/// Whether a Russian word reads as an English one to a student: its first five letters,
/// each spelled in Latin letters as English borrowings spell it (ц as `c` or `ts`, к as `k`
/// or `c`, и as `i` or `y`), begin the English word: «инциденты» and `incident`, «кибер…»
/// and `cyber…`, «контроль» and `control`. Both are lower-case content words.
fn cognate(russian: &str, english: &str) -> bool {
    const ROOT: usize = 5;
    let echoed = echo_len(russian, english);
    // A short word echoes by all but its ending («нормы», norms).
    let letters = russian.chars().filter(|c| !matches!(c, 'ъ' | 'ь')).count();
    echoed >= ROOT || (letters <= 6 && echoed >= 4 && echoed + 1 >= letters)
}

/// How many letters of a Russian word, from its start, can be spelled in Latin letters as
/// the start of an English word (the hard and soft signs are not counted):
/// «кибератака» and `cyberattack`, 9 of 10.
fn echo_len(russian: &str, english: &str) -> usize {
    let letters: Vec<char> = russian
        .chars()
        .filter(|c| !matches!(c, 'ъ' | 'ь'))
        .collect();
    spelled_as(&letters, english.as_bytes())
}

/// How many of `letters` (Cyrillic), from the first, can be spelled as the start of `latin`.
fn spelled_as(letters: &[char], latin: &[u8]) -> usize {
    let Some((first, rest)) = letters.split_first() else {
        return 0;
    };
    // «кс» is written `x` (`experts`, «экспертов»).
    let x = match (first, rest.first(), latin.strip_prefix(b"x")) {
        ('к', Some('с'), Some(after)) => 2 + spelled_as(&rest[1..], after),
        _ => 0,
    };
    let one = latin_spellings(*first)
        .iter()
        .filter_map(|spelling| {
            latin
                .strip_prefix(spelling.as_bytes())
                .map(|after| (spelling, after))
        })
        .map(|(spelling, after)| {
            // English doubles letters that Russian writes once (`attribution`, «атрибуция»).
            let doubled = match (spelling.as_bytes(), after.first()) {
                ([one], Some(next)) if one == next => 1 + spelled_as(rest, &after[1..]),
                _ => 0,
            };
            (1 + spelled_as(rest, after)).max(doubled)
        })
        .max()
        .unwrap_or(0);
    one.max(x)
}

/// How much of `option` a student can read as the question's words in the other script:
/// the share of its letters, from the start of each word, that spell the start of a word of
/// `stem_words` (0 when they share no script pair). «кибератака» reads as `cyberattack`
/// almost whole (0.9); «киберпреступность» only by its first part.
pub fn echo_share(option: &str, stem_words: &[String]) -> f64 {
    words_echo_share(&content_words(option), stem_words)
}

/// [`echo_share`] for an option's content words, found already.
pub fn words_echo_share(words: &[String], stem_words: &[String]) -> f64 {
    let (mut letters, mut echoed) = (0usize, 0usize);
    for word in words {
        let cyrillic = script(word) == Script::Cyrillic;
        letters += word.chars().filter(|c| !matches!(c, 'ъ' | 'ь')).count();
        echoed += stem_words
            .iter()
            .map(|s| match (cyrillic, script(s)) {
                (true, Script::Latin) => echo_len(word, s),
                (false, Script::Cyrillic) if script(word) == Script::Latin => echo_len(s, word),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
    }
    if letters == 0 {
        0.0
    } else {
        echoed as f64 / letters as f64
    }
}

/// How a lower-case Russian letter is spelled in English borrowings and transliterations.
fn latin_spellings(letter: char) -> &'static [&'static str] {
    match letter {
        'а' => &["a"],
        'б' => &["b"],
        'в' => &["v", "w"],
        'г' => &["g", "h"],
        'д' => &["d"],
        'е' => &["e", "ye"],
        'ё' => &["e", "yo"],
        'ж' => &["zh", "j", "g"],
        'з' => &["z", "s"],
        'и' => &["i", "y", "e"],
        'й' => &["y", "i", "j"],
        'к' => &["k", "c", "ch", "q"],
        'л' => &["l"],
        'м' => &["m"],
        'н' => &["n"],
        'о' => &["o"],
        'п' => &["p"],
        'р' => &["r"],
        'с' => &["s", "c"],
        'т' => &["t", "th"],
        'у' => &["u", "ou", "o"],
        'ф' => &["f", "ph"],
        'х' => &["kh", "h", "ch", "gh"],
        'ц' => &["c", "ts", "z"],
        'ч' => &["ch"],
        'ш' => &["sh"],
        'щ' => &["shch"],
        'ы' => &["y", "i"],
        'э' => &["e"],
        'ю' => &["yu", "u"],
        'я' => &["ya", "ia"],
        _ => &[],
    }
}

/// The ways an abbreviation in Cyrillic letters reads letter for letter in Latin ones, one
/// Latin letter for each (`ИКТ` as `ICT`, `IKT`…; `АНО` as `ANO`), uppercase; none when a
/// letter has no one-letter reading (`Ч`) or there would be more than 64.
pub fn latin_readings(acronym: &str) -> Vec<String> {
    const MOST: usize = 64;
    let mut readings = vec![String::new()];
    for letter in acronym.chars().flat_map(char::to_lowercase) {
        let ones: Vec<char> = latin_spellings(letter)
            .iter()
            .filter(|s| s.len() == 1)
            .filter_map(|s| s.chars().next())
            .collect();
        if ones.is_empty() || readings.len() * ones.len() > MOST {
            return Vec::new();
        }
        readings = readings
            .iter()
            .flat_map(|r| {
                ones.iter()
                    .map(move |c| format!("{r}{}", c.to_ascii_uppercase()))
            })
            .collect();
    }
    readings
}

/// The capitalized words of each name `text` spells out: a run of two or more capitalized
/// words, with `of`, `and`, `the` or `for` between them, that does not start with a word
/// such as `In` or `The` ("In Russian, the Commonwealth of Independent States is…" →
/// `Commonwealth`, `Independent`, `States`). Any of them may start the name's abbreviation
/// in another language, whose words come in another order (`Collective Security Treaty
/// Organization`, «ОДКБ»: «Организация…»).
pub fn name_words(text: &str) -> Vec<&str> {
    const JOINING: &[&str] = &["of", "and", "the", "for"];
    // The run being read: its capitalized words.
    fn close<'a>(run: &mut Option<Vec<&'a str>>, out: &mut Vec<&'a str>) {
        if let Some(words) = run.take()
            && words.len() >= 2
        {
            out.extend(words);
        }
    }
    let mut out = Vec::new();
    // Words that start a sentence, not a name.
    const OPENING: &[&str] = &[
        "in", "the", "a", "an", "on", "at", "by", "for", "of", "to", "this", "that", "its",
        "which", "what", "who", "when", "where",
    ];
    let mut run: Option<Vec<&str>> = None;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        // An opening bracket or quote starts something else.
        if !token.starts_with(|c: char| c.is_alphanumeric()) {
            close(&mut run, &mut out);
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let opening = run.is_none() && OPENING.contains(&word.to_lowercase().as_str());
        if capital && !opening {
            run.get_or_insert_with(Vec::new).push(word);
        } else if !(run.is_some() && JOINING.contains(&word)) {
            close(&mut run, &mut out);
        }
        // Punctuation after a word ends the run.
        if !token.ends_with(|c: char| c.is_alphanumeric()) {
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    out
}

/// How well a student reads the first letter of `acronym` as the first letter of `word` in
/// the other alphabet, as the number of Latin letters read (0 when not at all): by its sound
/// (Ш as the `Sh` of `Shanghai`, 2; Н as the `N` of `National`, 1) or by its look (С as the
/// `C` of `Commonwealth`, 1). Only across alphabets: in one alphabet an acronym's letters
/// are read off its name by other checks.
pub fn initial_reading(acronym: &str, word: &str) -> usize {
    let (Some(a), Some(w)) = (acronym.chars().next(), word.chars().next()) else {
        return 0;
    };
    let cyrillic = |c: char| ('\u{0400}'..='\u{04ff}').contains(&c);
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let sound = if cyrillic(a) && w.is_ascii_alphabetic() {
        // «ШОС» and `Shanghai`: the word begins as the letter is spelled.
        let word = word.to_lowercase();
        latin_spellings(lower(a))
            .iter()
            .filter(|spelling| word.starts_with(*spelling))
            .map(|spelling| spelling.len())
            .max()
    } else if a.is_ascii_alphabetic() && cyrillic(w) {
        // `SCO` and «Шанхайская»: the letter begins the word's first letter as spelled.
        let a = a.to_ascii_lowercase();
        latin_spellings(lower(w))
            .iter()
            .any(|spelling| spelling.starts_with(a))
            .then_some(1)
    } else {
        return 0;
    };
    let looks =
        |russian: char, latin: char| looks_like(russian) == Some(latin.to_ascii_uppercase());
    sound
        .unwrap_or(0)
        .max(usize::from(looks(a, w) || looks(w, a)))
}

/// The Latin capital a Cyrillic capital looks like, if any (С and `C`).
fn looks_like(letter: char) -> Option<char> {
    let pairs = [
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('У', 'Y'),
        ('Х', 'X'),
    ];
    let upper = letter.to_uppercase().next().unwrap_or(letter);
    pairs.iter().find(|(c, _)| *c == upper).map(|(_, l)| *l)
}

/// Whether the text before a blank ends with the word `the` ("blamed the ____").
pub fn ends_with_the(before: &str) -> bool {
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether a term names a doctrine, a theory or a school of thought by its `-ism`
/// (`defensive realism`, `оборонительный реализм`): among practices and things such a name
/// stands out, and a practice among doctrines as much. The `-isms` that name an act, a
/// threat, a device or a trade (`terrorism`, `mechanism`, `journalism`) are not doctrines.
pub fn names_a_doctrine(term: &str) -> bool {
    const NOT: &[&str] = &[
        "mechanism",
        "organism",
        "terrorism",
        "cyberterrorism",
        "tourism",
        "criticism",
        "journalism",
        "vandalism",
        "plagiarism",
        "hacktivism",
        "metabolism",
        "magnetism",
        "prism",
        "schism",
        "механизм",
        "организм",
        "терроризм",
        "кибертерроризм",
        "туризм",
        "журнализм",
        "вандализм",
        "плагиатизм",
        "хактивизм",
        "метаболизм",
        "магнетизм",
    ];
    term.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            let doctrine_like = (w.ends_with("ism") || w.ends_with("изм")) && w.chars().count() > 5;
            doctrine_like && !NOT.iter().any(|n| w.ends_with(n))
        })
}

/// Whether a single English word reads as a plural (`sanctions`, `ICTs`), so that options
/// agree in number with it.
pub fn looks_plural(text: &str) -> Option<bool> {
    let word = text.trim();
    if word.contains(char::is_whitespace) || script(word) != Script::Latin {
        return None;
    }
    let lower = word.to_lowercase();
    if lower.ends_with("ss")
        || lower.ends_with("us")
        || lower.ends_with("is")
        || lower.ends_with("ics")
    {
        return Some(false);
    }
    Some(lower.ends_with('s'))
}

/// The initials of the words of `name` that count for an acronym: capitalized words and words
/// of more than three letters, each hyphenated part on its own (`Open-Ended Working Group` →
/// `OEWG`; `Commonwealth of Independent States` → `CIS`).
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        push_initials(&mut out, word);
    }
    out
}

/// Adds the initials of one word of a name (see [`initials`]) to `out`: one per hyphenated
/// or slashed part, none for a word an acronym skips.
pub fn push_initials(out: &mut String, word: &str) {
    // Words an acronym skips, in English and Russian ("Организация Договора о коллективной
    // безопасности" is ОДКБ, "Российский совет по международным делам" РСМД).
    const SMALL: &[&str] = &[
        "of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "о", "об", "и", "в",
        "во", "на", "по", "для", "с", "со", "к",
    ];
    for part in word.split(['-', '/']).filter(|w| !w.is_empty()) {
        let small = part.chars().count() <= 3 && SMALL.contains(&part.to_lowercase().as_str());
        if let Some(c) = part
            .chars()
            .find(|c| c.is_alphanumeric())
            .filter(|_| !small)
        {
            out.extend(c.to_uppercase());
        }
    }
}

/// The letters of an acronym as initials may spell it (see [`spells`]).
pub struct Letters {
    /// Its letters, upper case.
    letters: String,
    /// Without a plural `S`, if it ends with one.
    singular: Option<String>,
    /// With a leading `UN` read as `U` (for `United Nations`).
    un: String,
}

impl Letters {
    /// The letters of `acronym`.
    pub fn of(acronym: &str) -> Letters {
        let letters: String = acronym
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect();
        Letters {
            singular: letters.strip_suffix('S').map(str::to_owned),
            un: letters.replacen("UN", "U", 1),
            letters,
        }
    }

    /// Whether a name with these initials (see [`initials`]) spells the acronym.
    pub fn spelled_by(&self, initials: &str) -> bool {
        if self.letters.len() < 2 || initials.len() < 2 {
            return false;
        }
        let fits =
            |i: &str| self.letters == i || self.singular.as_deref() == Some(i) || self.un == i;
        fits(initials) || (initials.contains("UN") && fits(&initials.replacen("UN", "U", 1)))
    }

    /// Whether initials of `len` bytes, or more, are too many to spell the acronym, even
    /// with one `UN` read as `U`.
    pub fn shorter_than(&self, len: usize) -> bool {
        len > self.letters.len() + 1
    }
}

/// Whether `acronym` can be read off `name`'s initials (with an `s` for a plural, and a
/// leading `UN` for `United Nations`), so that showing one gives the other away.
pub fn spells(acronym: &str, name: &str) -> bool {
    Letters::of(acronym).spelled_by(&initials(name))
}

/// `text` as a sentence of its own: the first letter capitalized, a full stop at the end
/// unless it ends with punctuation already.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    let closing = ['"', '\u{201d}', '»', ')', '\''];
    let last_real = out.trim_end_matches(closing).chars().last();
    if !matches!(last_real, Some('.' | '?' | '!' | '…')) {
        out.push('.');
    }
    out
}

/// `text` with its first letter made lowercase when it is a common word that only starts a
/// sentence (`The UN body…` → `the UN body…`), so it can continue one.
pub fn continuing(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    const LOWER: &[&str] = &["The", "A", "An", "One", "Its", "Their", "This", "That"];
    if LOWER.contains(&first) {
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definitions_other_word_for_a_terms_own_is_the_same_word() {
        assert!(same_word("intervene", "interference"));
        assert!(same_word("internal", "domestic"));
        assert!(same_word("conduct", "behavior"));
        assert!(same_word("norm", "rule"));
        assert!(same_word("study", "research"));
        assert!(same_word("malware", "software"));
        assert!(same_word("software", "ransomware"));
        assert!(!same_word("ware", "software"));
        assert!(!same_word("rule", "ruler"));
        assert!(!same_word("internal", "international"));
    }

    #[test]
    fn doctrines_are_told_from_acts_and_devices_by_their_ism() {
        for doctrine in [
            "defensive realism",
            "оборонительный реализм",
            "liberalism",
            "Marxism",
        ] {
            assert!(names_a_doctrine(doctrine), "{doctrine}");
        }
        for other in [
            "cyberterrorism",
            "terrorism",
            "a dispute-settlement mechanism",
            "механизм",
            "capacity building",
            "prism",
            "digital sovereignty",
        ] {
            assert!(!names_a_doctrine(other), "{other}");
        }
    }

    #[test]
    fn names_spelled_out_and_initials_read_across_alphabets() {
        assert_eq!(
            name_words("In Russian, the Commonwealth of Independent States is abbreviated ____."),
            ["Commonwealth", "Independent", "States"]
        );
        assert_eq!(
            name_words(
                "Which completes the statement? National Association for International Information Security (НАМИБ) was founded by Lomonosov Moscow State University."
            ),
            [
                "National",
                "Association",
                "International",
                "Information",
                "Security",
                "Lomonosov",
                "Moscow",
                "State",
                "University"
            ]
        );
        assert_eq!(
            name_words("The Shanghai Cooperation Organisation met."),
            ["Shanghai", "Cooperation", "Organisation"]
        );
        assert!(name_words("Russia said so, in Moscow.").is_empty());
        // By look (С as C) or by sound (Ш as Sh, better than С as S; Н as N), not otherwise.
        assert_eq!(initial_reading("СНГ", "Commonwealth"), 1);
        assert_eq!(initial_reading("ШОС", "Shanghai"), 2);
        assert_eq!(initial_reading("СНГ", "Shanghai"), 1);
        assert_eq!(initial_reading("НАМИБ", "National"), 1);
        assert_eq!(initial_reading("SCO", "Шанхайская"), 1);
        assert_eq!(initial_reading("ШОС", "Commonwealth"), 0);
        assert_eq!(initial_reading("МККК", "Commonwealth"), 0);
        assert_eq!(initial_reading("ГПЭ", "Commonwealth"), 0);
        assert_eq!(initial_reading("CIS", "Commonwealth"), 0);
    }

    #[test]
    fn cyrillic_abbreviations_read_in_latin_letters() {
        assert!(latin_readings("ИКТ").contains(&"ICT".to_owned()));
        assert!(latin_readings("АНО").contains(&"ANO".to_owned()));
        assert!(latin_readings("ГЧП").is_empty());
    }

    #[test]
    fn roles_that_give_a_sex() {
        assert_eq!(gender("the first woman in space"), Some(Gender::Female));
        assert_eq!(gender("Chairman of the committee"), Some(Gender::Male));
        assert_eq!(
            gender("Soviet cosmonaut, the first person to walk in space"),
            None
        );
        assert_eq!(gender("первая женщина в космосе"), Some(Gender::Female));
        assert_eq!(gender("the man who married the queen"), None);
        // A word in the possessive is someone else's.
        assert_eq!(gender("Physicist at King's College London"), None);
        assert_eq!(gender("a women’s rights lawyer"), None);
        assert_eq!(gender("the queen's husband"), Some(Gender::Male));
    }

    #[test]
    fn sibling_endings_are_one_word() {
        assert!(same_word("realist", "realism"));
        assert!(same_word("globalization", "globalism"));
        assert!(same_word("west", "western"));
        assert!(!same_word("west", "westminster"));
        assert!(!same_word("reality", "realism"));
        assert!(!same_word("artist", "art"));
    }

    #[test]
    fn scripts() {
        assert_eq!(script("критическая инфраструктура"), Script::Cyrillic);
        assert_eq!(script("Dyre/TrickBot"), Script::Latin);
        assert_eq!(script("1998"), Script::None);
        assert!(!same_script("Moscow", "Москва"));
        assert!(same_script("107", "97"));
    }

    #[test]
    fn articles_by_sound() {
        assert_eq!(article_for("OEWG"), Article::An);
        assert_eq!(article_for("UN body"), Article::A);
        assert_eq!(article_for("NATO summit"), Article::A);
        assert_eq!(article_for("FBI agent"), Article::An);
        assert_eq!(article_for("European Union"), Article::A);
        assert_eq!(article_for("hour"), Article::An);
        assert_eq!(article_for("infrastructure"), Article::An);
        assert_eq!(article_for("confrontational"), Article::A);
        assert_eq!(article_for("university"), Article::A);
        assert_eq!(article_for("8-point plan"), Article::An);
        assert_eq!(article_before("developed on a"), Some(Article::A));
        assert_eq!(article_before("the"), None);
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn content_words_and_stems() {
        let stem = content_words("What do public-private partnerships ensure?");
        assert!(stem.contains(&"partnership".to_owned()), "{stem:?}");
        assert!(repeats_stem("Collaboration with the private sector", &stem));
        // A Russian word shares its root with another of the question, whatever its ending.
        let stem = content_words("Человек, летавший в космос на советском корабле");
        assert!(repeats_stem("космонавт", &stem));
        assert!(!repeats_stem("невесомость", &stem));
        assert!(same_word("государство", "государственный"));
        assert!(!same_word("international", "internet"));
        // English words with a derivational ending, not words that make another word.
        assert!(same_word("equality", "equal"));
        assert!(same_word("secure", "security"));
        assert!(same_word("national", "nation"));
        assert!(!same_word("statement", "state"));
        assert!(same_word("significant", "significance"));
        assert!(!same_word("information", "informal"));
        assert!(echoes("суверенитет", "sovereignty"));
        // A Russian word echoes the English word it was borrowed from, either way round.
        assert!(echoes("инциденты", "incident"));
        assert!(echoes("cyberattack", "кибератака"));
        assert!(echoes("контроль", "control"));
        assert!(echoes("информационной", "information"));
        assert!(
            echoes("атрибуция", "attribution"),
            "a letter English doubles"
        );
        assert!(echoes("государство", "государственный"));
        assert!(!same_word("инциденты", "incident"));
        assert!(!echoes("страна", "strategy"));
        assert!(!echoes("безопасность", "base"));
        assert!(!echoes("мир", "mirror"), "a root needs five letters");
        let stem = content_words("What is the Russian for “incident response”?");
        assert!(repeats_stem("реагирование на инциденты", &stem));
        assert!(!repeats_stem("обмен информацией", &stem));
        assert!(!repeats_stem("Dialogue among all UN member states", &stem));
    }

    #[test]
    fn acronyms_read_off_names() {
        assert!(spells("OEWG", "Open-Ended Working Group"));
        assert!(spells("CIS", "Commonwealth of Independent States"));
        assert!(spells("UNGA", "United Nations General Assembly"));
        assert!(spells(
            "ICTs",
            "Information and Communications Technologies"
        ));
        assert!(spells("UNGGE", "UN Group of Governmental Experts"));
        assert!(!spells(
            "Interpol",
            "International Criminal Police Organization"
        ));
        assert!(!spells("ENISA", "European Union Agency for Cybersecurity"));
        // Russian acronyms skip Russian prepositions and conjunctions.
        assert!(spells(
            "ОДКБ",
            "Организация Договора о коллективной безопасности"
        ));
        assert!(spells("РСМД", "Российский совет по международным делам"));
    }

    #[test]
    fn sentences() {
        assert_eq!(sentence("the UN body which met"), "The UN body which met.");
        assert_eq!(
            sentence("“Houston, we've had a problem.”"),
            "“Houston, we've had a problem.”"
        );
        assert_eq!(continuing("The UN body"), "the UN body");
        assert_eq!(continuing("UN body"), "UN body");
        assert_eq!(looks_plural("sanctions"), Some(true));
        assert_eq!(looks_plural("propaganda"), Some(false));
        assert_eq!(looks_plural("human rights"), None);
    }
}
