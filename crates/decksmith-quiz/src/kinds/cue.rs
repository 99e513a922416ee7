//! Whether a set of options gives the answer away by its form alone: the one option that
//! repeats the question's words, the odd one out, the only name among common words, the
//! longest by far.
//!
//! A question's stem and answer are read once ([`Cues::new`]); each set of options is then
//! judged against them ([`Cues::find`]), with what is read of each option kept, since the
//! search for a fair set ([`super::without_cue`]) tries many sets of the same options.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::HashMap;
use crate::values::text;

/// Why an option stands out among the others.
pub struct Cue {
    /// Why, for the generation report.
    pub why: String,
    /// Whether other wrong options of the type may not give the answer away: not when the
    /// answer alone repeats the question's words (in its own language) or letters, since
    /// the pickers of wrong options never take one that does.
    pub other_options_may_help: bool,
}

impl Cue {
    fn new(why: String, other_options_may_help: bool) -> Option<Cue> {
        Some(Cue {
            why,
            other_options_may_help,
        })
    }
}

/// A question's stem and answer, read for the cues a set of options may give.
pub struct Cues<'a> {
    stem: &'a str,
    answer: &'a str,
    stem_words: Vec<String>,
    answer_words: Vec<String>,
    /// The answer's words that echo the question's, as the report names them
    /// ([`Cues::only_repeats_stem`]), found when first needed.
    shared: OnceCell<Vec<String>>,
    /// The words of the names the question spells out ([`Cues::first_letter_reads`]).
    name_words: OnceCell<Vec<&'a str>>,
    /// The content words of each option judged so far.
    option_words: RefCell<HashMap<String, Rc<Vec<String>>>>,
}

impl<'a> Cues<'a> {
    /// Reads a question's stem and its answer.
    pub fn new(stem: &'a str, answer: &'a str) -> Cues<'a> {
        Cues {
            stem,
            answer,
            stem_words: text::content_words(stem),
            answer_words: text::content_words(answer),
            shared: OnceCell::new(),
            name_words: OnceCell::new(),
            option_words: RefCell::new(HashMap::default()),
        }
    }

    /// Why showing the answer among `distractors` would give it away, if it would: the
    /// answer is the only option that repeats (or sounds like) a word of the question, the
    /// only one an acronym or a first letter of the question points at, the only one
    /// without a word all the others say, the only name among common words (or the
    /// reverse), or by far the longest.
    pub fn find(&self, distractors: &[String]) -> Option<Cue> {
        self.only_repeats_stem(distractors)
            .or_else(|| self.only_sounds_like_stem(distractors))
            .or_else(|| self.reads_as_stem(distractors))
            .or_else(|| self.acronym_starts_it(distractors))
            .or_else(|| self.first_letter_reads(distractors))
            .or_else(|| self.odd_one_out(distractors))
            .or_else(|| self.only_of_its_case(distractors))
            .or_else(|| self.much_longer(distractors))
    }

    fn words(&self, option: &str) -> Rc<Vec<String>> {
        if let Some(words) = self.option_words.borrow().get(option) {
            return Rc::clone(words);
        }
        let words = Rc::new(text::content_words(option));
        self.option_words
            .borrow_mut()
            .insert(option.to_owned(), Rc::clone(&words));
        words
    }

    /// The answer is the only option that repeats a word of the question.
    fn only_repeats_stem(&self, distractors: &[String]) -> Option<Cue> {
        let stem_words = &self.stem_words;
        // Each word of the answer that echoes one of the question, as the report names it:
        // `word`, or `word` (like `other`) when the question's word differs.
        let shared = self.shared.get_or_init(|| {
            (self.answer_words.iter())
                .filter_map(|w| {
                    let s = stem_words.iter().find(|s| text::echoes(w, s))?;
                    Some(if s == w {
                        format!("`{w}`")
                    } else {
                        format!("`{w}` like `{s}`")
                    })
                })
                .collect()
        });
        if shared.is_empty()
            || (distractors.iter()).any(|d| text::words_repeat_stem(&self.words(d), stem_words))
        {
            return None;
        }
        // The pickers never offer a wrong option that repeats a word of the question, but
        // may offer one that echoes it in the other language (a fair lure).
        let echoed = self.answer_words.iter().any(|w| {
            stem_words
                .iter()
                .any(|s| text::echoes(w, s) && !text::same_word(w, s))
        });
        Cue::new(
            format!(
                "the answer is the only option that repeats a word of the question ({})",
                shared.join(", ")
            ),
            echoed,
        )
    }

    /// A word of the question that only the answer echoes in the other alphabet («режим»
    /// for "regime"), though other options echo other words of it.
    fn only_sounds_like_stem(&self, distractors: &[String]) -> Option<Cue> {
        for w in &self.answer_words {
            let Some(s) =
                (self.stem_words.iter()).find(|s| text::echoes(w, s) && !text::same_word(w, s))
            else {
                continue;
            };
            let echoed_elsewhere =
                (distractors.iter()).any(|d| self.words(d).iter().any(|dw| text::echoes(dw, s)));
            if !echoed_elsewhere {
                return Cue::new(
                    format!(
                        "the answer is the only option that sounds like a word of the question (`{w}` like `{s}`)"
                    ),
                    true,
                );
            }
        }
        None
    }

    /// An answer that reads almost whole as the question's words in the other alphabet
    /// («кибератака» for "cyberattack"), among options that read so far less.
    fn reads_as_stem(&self, distractors: &[String]) -> Option<Cue> {
        if text::script(self.answer) == text::script(self.stem) {
            return None;
        }
        let answer_echo = text::words_echo_share(&self.answer_words, &self.stem_words);
        let alone = answer_echo >= 0.6
            && (distractors.iter()).all(|d| {
                text::words_echo_share(&self.words(d), &self.stem_words) * 2.0 < answer_echo
            });
        alone.then(|| Cue {
            why: "the answer reads as the question's own words written in the other alphabet"
                .to_owned(),
            other_options_may_help: true,
        })
    }

    /// An acronym in the question whose letters start only the answer's words ("The EU
    /// body…" → "European Union Agency for Cybersecurity"), or only the answer's own letters
    /// ("…body of the UN…" → "UNGA"), points at it.
    fn acronym_starts_it(&self, distractors: &[String]) -> Option<Cue> {
        for letters in self.stem.split(|c: char| !c.is_alphanumeric()) {
            if !looks_acronym(letters) {
                continue;
            }
            let starts = |s: &str| {
                text::initials(s).starts_with(letters)
                    || (looks_acronym(s) && s.len() > letters.len() && s.starts_with(letters))
            };
            if starts(self.answer) && !distractors.iter().any(|d| starts(d)) {
                return Cue::new(
                    format!("the question's {letters} starts the answer, and no other option"),
                    false,
                );
            }
        }
        None
    }

    /// An acronym in the other alphabet whose first letter reads best as the first letter
    /// of a word of a name the question spells out: «СНГ» for "the Commonwealth of
    /// Independent States", whose С looks like its C; «ШОС» for "Shanghai…" among options
    /// whose С reads as an S; «ОДКБ» for "…Treaty Organization", «Организация…» in Russian.
    fn first_letter_reads(&self, distractors: &[String]) -> Option<Cue> {
        if !looks_acronym(self.answer) {
            return None;
        }
        let names = self.name_words.get_or_init(|| text::name_words(self.stem));
        let reading = |option: &str| {
            // The best reading, the first word of the question among equals.
            names
                .iter()
                .map(|w| (text::initial_reading(option, w), *w))
                .fold(
                    (0, ""),
                    |best, next| if next.0 > best.0 { next } else { best },
                )
        };
        let (best, word) = reading(self.answer);
        (best > 0 && distractors.iter().all(|d| reading(d).0 < best)).then(|| Cue {
            why: format!(
                "the answer's first letter reads best as the first letter of `{word}` in the question"
            ),
            other_options_may_help: true,
        })
    }

    /// A word every wrong option says and the answer does not marks the odd one out
    /// ("Soviet cosmonaut…", "Chief designer of the Soviet…" against "Commander of…").
    fn odd_one_out(&self, distractors: &[String]) -> Option<Cue> {
        let (first, rest) = distractors.split_first()?;
        if rest.is_empty() {
            return None;
        }
        let mut common = self.words(first).as_ref().clone();
        for d in rest {
            let words = self.words(d);
            common.retain(|c| words.iter().any(|w| text::same_word(c, w)));
        }
        common.retain(|c| !self.answer_words.iter().any(|w| text::same_word(c, w)));
        (!common.is_empty()).then(|| Cue {
            why: format!(
                "every wrong option says `{}` and the answer does not, so it stands out",
                common.join("`, `")
            ),
            other_options_may_help: true,
        })
    }

    /// A name among common words, or a common word among names: "Summit of the Future"
    /// among "digital sovereignty", "threat intelligence", "critical infrastructure".
    fn only_of_its_case(&self, distractors: &[String]) -> Option<Cue> {
        let shape = |s: &str| {
            let first = s.chars().next()?;
            if !first.is_alphabetic() || looks_acronym(s.split_whitespace().next().unwrap_or(s)) {
                None
            } else {
                Some(first.is_uppercase())
            }
        };
        let answer_shape = shape(self.answer)?;
        let alone = distractors.len() >= 2
            && (distractors.iter()).all(|d| shape(d).is_some_and(|s| s != answer_shape));
        alone.then(|| Cue {
            why: if answer_shape {
                "the answer is the only option written with a capital, a name among common words"
            } else {
                "the answer is the only option without a capital, a common word among names"
            }
            .to_owned(),
            other_options_may_help: true,
        })
    }

    /// The answer is by far the longest option.
    fn much_longer(&self, distractors: &[String]) -> Option<Cue> {
        let len = |s: &str| s.chars().count();
        let longest = distractors.iter().map(|d| len(d)).max().unwrap_or(0);
        let answer_len = len(self.answer);
        let much =
            !distractors.is_empty() && answer_len * 2 >= longest * 3 && answer_len >= longest + 12;
        much.then(|| Cue {
            why: format!(
                "the answer ({answer_len} characters) is much longer than every wrong option (at most {longest})"
            ),
            other_options_may_help: true,
        })
    }
}

/// Whether a word is written as an acronym: two or more letters or digits, every letter a
/// capital (`OEWG`, `G20`, `СНГ`).
pub(super) fn looks_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}
