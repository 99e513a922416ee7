//! Cloze markup in facts: `In {November 2021}, ... the UNGA {First Committee|1st Committee}.`
//!
//! Braces mark a testable part; bars separate accepted alternatives after the main answer;
//! `\{`, `\}`, `\|` and `\\` stand for the characters themselves.

use serde::Serialize;

use crate::limits::{MAX_ANSWERS_PER_BLANK, MAX_BLANKS_PER_FACT};

/// A fact split into plain text and blanks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cloze {
    /// The pieces, in order.
    pub parts: Vec<ClozePart>,
}

/// A piece of a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClozePart {
    /// Text shown as is.
    Text(String),
    /// A testable part.
    Blank(Blank),
}

/// A testable part of a fact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Blank {
    /// The text as it stands in the fact.
    pub answer: String,
    /// Other answers to accept.
    pub alternatives: Vec<String>,
    /// The answer's type as the teacher gave it in `blanks:` (a built-in type or a class).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Wrong options the teacher gave in `blanks:`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub distractors: Vec<String>,
}

/// A mistake in cloze markup, at a character offset into the fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClozeError {
    /// Character offset of the offending brace or bar.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// A fact's markup being read, character by character.
#[derive(Default)]
struct Parser<'a> {
    text: &'a str,
    parts: Vec<ClozePart>,
    blanks: usize,
    /// The text since the last part in braces.
    plain: String,
    /// Inside braces: the answers so far, the one being read, where `{` was.
    open: Option<(Vec<String>, String, usize)>,
}

impl Parser<'_> {
    /// Where the next character of text goes: the answer being read, or the plain text.
    fn buffer(&mut self) -> &mut String {
        match &mut self.open {
            Some((_, current, _)) => current,
            None => &mut self.plain,
        }
    }

    /// `{` at `i`.
    fn open_part(&mut self, i: usize) -> Result<(), ClozeError> {
        if let Some((_, _, start)) = self.open {
            return Err(ClozeError {
                offset: i,
                message: "a cloze part cannot contain another `{`".into(),
                help: format!(
                    "close the part that starts with \"{}\" with `}}` before opening another, or write `\\{{` for a literal brace",
                    self.text
                        .chars()
                        .skip(start + 1)
                        .take(12)
                        .collect::<String>()
                ),
            });
        }
        self.blanks += 1;
        if self.blanks > MAX_BLANKS_PER_FACT {
            return Err(ClozeError {
                offset: i,
                message: format!("a fact can have at most {MAX_BLANKS_PER_FACT} parts in braces"),
                help: "split it into several facts: a card should ask one thing".into(),
            });
        }
        if !self.plain.is_empty() {
            self.parts
                .push(ClozePart::Text(std::mem::take(&mut self.plain)));
        }
        self.open = Some((Vec::new(), String::new(), i));
        Ok(())
    }

    /// `|` at `i`, inside braces: the answer read so far is done.
    fn next_answer(&mut self, i: usize) -> Result<(), ClozeError> {
        let Some((alternatives, current, _)) = &mut self.open else {
            return Ok(());
        };
        if current.trim().is_empty() {
            return Err(empty_alternative(i));
        }
        if alternatives.len() + 1 >= MAX_ANSWERS_PER_BLANK {
            return Err(ClozeError {
                offset: i,
                message: format!(
                    "a part in braces can have at most {MAX_ANSWERS_PER_BLANK} answers"
                ),
                help: "keep the answers a student might really give: the main one first, then a few others after `|`".into(),
            });
        }
        alternatives.push(current.trim().to_owned());
        current.clear();
        Ok(())
    }

    /// `}` at `i`: the part in braces becomes a blank.
    fn close_part(&mut self, i: usize) -> Result<(), ClozeError> {
        let Some((mut alternatives, current, start)) = self.open.take() else {
            return Err(ClozeError {
                offset: i,
                message: "`}` without a matching `{`".into(),
                help: "add the opening `{` before the part to test, or write `\\}` for a literal brace".into(),
            });
        };
        if current.trim().is_empty() {
            return Err(if alternatives.is_empty() {
                ClozeError {
                    offset: start,
                    message: "empty cloze part `{}`".into(),
                    help: "put the words to test inside the braces, or remove them".into(),
                }
            } else {
                empty_alternative(i)
            });
        }
        alternatives.push(current.trim().to_owned());
        let answer = alternatives.remove(0);
        self.parts.push(ClozePart::Blank(Blank {
            answer,
            alternatives,
            ..Blank::default()
        }));
        Ok(())
    }

    /// The end of the text: every `{` closed.
    fn finish(mut self) -> Result<Cloze, ClozeError> {
        if let Some((_, _, start)) = self.open {
            return Err(ClozeError {
                offset: start,
                message: "`{` is never closed".into(),
                help: "add `}` after the part to test, or write `\\{` for a literal brace".into(),
            });
        }
        if !self.plain.is_empty() {
            self.parts.push(ClozePart::Text(self.plain));
        }
        Ok(Cloze { parts: self.parts })
    }
}

impl Cloze {
    /// Parses a fact's markup. More than [`MAX_BLANKS_PER_FACT`] blanks, or more than
    /// [`MAX_ANSWERS_PER_BLANK`] answers in one, is an error at the first one too many.
    pub fn parse(text: &str) -> Result<Cloze, ClozeError> {
        let mut parser = Parser {
            text,
            ..Parser::default()
        };
        let mut chars = text.chars().enumerate();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    let buffer = parser.buffer();
                    match chars.next() {
                        Some((_, escaped @ ('{' | '}' | '|' | '\\'))) => buffer.push(escaped),
                        Some((_, other)) => {
                            buffer.push('\\');
                            buffer.push(other);
                        }
                        None => buffer.push('\\'),
                    }
                }
                '{' => parser.open_part(i)?,
                '|' if parser.open.is_some() => parser.next_answer(i)?,
                '}' => parser.close_part(i)?,
                _ => parser.buffer().push(c),
            }
        }
        parser.finish()
    }

    /// The blanks, in order.
    pub fn blanks(&self) -> impl Iterator<Item = &Blank> {
        self.parts.iter().filter_map(|part| match part {
            ClozePart::Blank(blank) => Some(blank),
            ClozePart::Text(_) => None,
        })
    }

    /// The fact as a plain sentence, every blank filled with its answer.
    pub fn plain(&self) -> String {
        self.render(|_, blank| blank.answer.clone())
    }

    /// The fact with each blank replaced by what `fill` returns for it (given its index).
    pub fn render(&self, mut fill: impl FnMut(usize, &Blank) -> String) -> String {
        let mut out = String::new();
        let mut n = 0;
        for part in &self.parts {
            match part {
                ClozePart::Text(text) => out.push_str(text),
                ClozePart::Blank(blank) => {
                    out.push_str(&fill(n, blank));
                    n += 1;
                }
            }
        }
        out
    }
}

fn empty_alternative(offset: usize) -> ClozeError {
    ClozeError {
        offset,
        message: "empty alternative in a cloze part".into(),
        help: "write an answer on each side of `|`, as in `{First Committee|1st Committee}`".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blanks_alternatives_and_escapes() {
        let cloze =
            Cloze::parse(r"In {November 2021}, the {First Committee | 1st Committee} \{sic\}.")
                .unwrap();
        let blanks: Vec<_> = cloze.blanks().collect();
        assert_eq!(blanks.len(), 2);
        assert_eq!(blanks[0].answer, "November 2021");
        assert_eq!(blanks[1].answer, "First Committee");
        assert_eq!(blanks[1].alternatives, ["1st Committee"]);
        assert_eq!(
            cloze.plain(),
            "In November 2021, the First Committee {sic}."
        );
        assert_eq!(
            cloze.render(|i, _| format!("[{i}]")),
            "In [0], the [1] {sic}."
        );
    }

    #[test]
    fn reports_unbalanced_and_empty_parts_with_offsets() {
        let err = |s| Cloze::parse(s).unwrap_err();
        assert_eq!(err("a {b").offset, 2);
        assert_eq!(err("a {b").message, "`{` is never closed");
        assert_eq!(err("a b}").offset, 3);
        assert_eq!(err("a {} b").message, "empty cloze part `{}`");
        assert_eq!(err("a {x {y}}").offset, 5);
        assert_eq!(err("a {x|}").message, "empty alternative in a cloze part");
    }

    #[test]
    fn blanks_and_answers_are_limited() {
        let many = "{a} ".repeat(MAX_BLANKS_PER_FACT + 1);
        let err = Cloze::parse(&many).unwrap_err();
        assert_eq!(err.offset, 4 * MAX_BLANKS_PER_FACT);
        assert!(Cloze::parse(&"{a} ".repeat(MAX_BLANKS_PER_FACT)).is_ok());
        let answers = |n: usize| format!("x {{{}}}", vec!["a"; n].join("|"));
        assert!(Cloze::parse(&answers(MAX_ANSWERS_PER_BLANK)).is_ok());
        let err = Cloze::parse(&answers(MAX_ANSWERS_PER_BLANK + 1)).unwrap_err();
        assert_eq!(err.offset, 3 + 2 * (MAX_ANSWERS_PER_BLANK - 1) + 1);
    }

    #[test]
    fn a_fact_without_braces_has_no_blanks() {
        assert_eq!(Cloze::parse("plain").unwrap().blanks().count(), 0);
    }
}
