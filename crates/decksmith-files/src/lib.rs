//! The files of decksmith's renderers, as values.
//!
//! The renderers (`decksmith-html`, `decksmith-pdf`, `decksmith-export`) are siblings that
//! share nothing but what they read (the course and the generated decks) and what they give
//! back: files to write, each a path in the output folder and its bytes. This crate is that
//! one type, so the driver can gather every format's files and write them itself.

/// A file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    /// The path, with `/` separators (`un-track/quiz.json`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl OutFile {
    /// The file at `path` holding `bytes`.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    /// The file's name: the last part of its path (`quiz.json`).
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// Who a file of a deck is for: what the index page links, what the teacher page links, and
/// what a student build (`--student`) leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// Study material that holds no answers: the flashcards (page, PDF, Anki package, TSV)
    /// and the worksheets.
    Students,
    /// Study material that checks a student's answers, and so holds them: the quiz pages.
    /// The index of a full build links them; a student build leaves them out.
    SelfCheck,
    /// The answers: answer keys, `quiz.json` and the question banks (Moodle XML, GIFT). Only
    /// the teacher page links them, and a student build never has them.
    Teachers,
}

impl Audience {
    /// Who the file named `name` (`answer-key-A.pdf`) is for. A name decksmith does not know
    /// is taken for a teacher's, so that a new format is left out of a student build until
    /// someone says it holds no answers.
    pub fn of(name: &str) -> Audience {
        let form = |stem: &str, name: &str, extension: &str| {
            name.strip_prefix(stem)
                .and_then(|rest| rest.strip_suffix(extension))
                .is_some_and(|form| {
                    form.is_empty()
                        || form.strip_prefix('-').is_some_and(|v| {
                            v.len() == 1 && v.bytes().all(|b| b.is_ascii_uppercase())
                        })
                })
        };
        match name {
            "flashcards.html" | "flashcards.pdf" | "deck.apkg" | "cards.tsv" => Audience::Students,
            _ if form("worksheet", name, ".pdf") => Audience::Students,
            _ if form("quiz", name, ".html") => Audience::SelfCheck,
            _ => Audience::Teachers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Audience;

    #[test]
    fn answers_are_for_teachers_and_unknown_names_too() {
        for name in [
            "flashcards.html",
            "flashcards.pdf",
            "deck.apkg",
            "cards.tsv",
        ] {
            assert_eq!(Audience::of(name), Audience::Students, "{name}");
        }
        for name in ["worksheet.pdf", "worksheet-A.pdf", "worksheet-Z.pdf"] {
            assert_eq!(Audience::of(name), Audience::Students, "{name}");
        }
        for name in ["quiz.html", "quiz-B.html"] {
            assert_eq!(Audience::of(name), Audience::SelfCheck, "{name}");
        }
        for name in [
            "answer-key.pdf",
            "answer-key-A.pdf",
            "quiz.json",
            "quiz-A.json",
            "quiz.moodle.xml",
            "quiz.gift",
            "quiz.qti.zip",
            "worksheet-key.pdf",
            "worksheet-AB.pdf",
            "quiz-a.html",
        ] {
            assert_eq!(Audience::of(name), Audience::Teachers, "{name}");
        }
    }
}
