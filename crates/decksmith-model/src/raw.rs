//! serde mirrors of the YAML files, exactly as a teacher writes them.
//!
//! These types are the boundary with the YAML: they are deserialized, never built by hand,
//! and they also generate the JSON Schema that editors use (so their doc comments are what a
//! teacher sees on hover). Validation turns them into the domain types of [`crate::course`].
//! Entries are read one by one from `serde_yaml::Value`s, so that a mistake in one entry
//! does not hide the mistakes in the others.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// Text written by a teacher. YAML reads `answer: 107` as a number and `answer: true` as a
/// boolean; here both are taken as the text written, so teachers need not quote them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(pub String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                if v.trim().is_empty() {
                    Err(E::invalid_value(
                        de::Unexpected::Str(v),
                        &"text that is not empty",
                    ))
                } else {
                    Ok(Text(v.to_owned()))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number", "boolean"], "minLength": 1 })
    }
}

/// A date as a teacher writes it: `2021`, `2021-11` or `2021-11-16`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct RawDate(pub Text);

impl JsonSchema for RawDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A year (2021), a month (2021-11) or a day (2021-11-16).",
            "type": ["string", "integer"],
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

/// `course.yaml`: the course as a whole.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "decksmith course (course.yaml)")]
pub struct RawCourse {
    /// The course title, shown on the index page and on every printed sheet.
    pub title: Text,
    /// A paragraph about the course, shown on the index page.
    #[serde(default)]
    pub description: Option<Text>,
    /// The language of the course: `en` or `ru` have built-in interface text; any other
    /// language code needs `strings:` for the interface.
    #[serde(default)]
    pub language: Option<Text>,
    /// The seed for question generation: the same seed gives the same quizzes and the same
    /// printed exams. `--seed` overrides it for one build.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The decks in the order they appear: each is the name of a file in `decks/` without
    /// `.yaml`. Leave it out to build every deck file, in name order.
    #[serde(default)]
    pub decks: Option<Vec<Text>>,
    /// Quiz settings for every deck; a deck's own `quiz:` overrides them key by key.
    #[serde(default)]
    pub quiz: Option<RawQuiz>,
    /// Flashcard settings for every deck; a deck's own `cards:` overrides them.
    #[serde(default)]
    pub cards: Option<RawCards>,
    /// How the PDFs are printed.
    #[serde(default)]
    pub print: Option<RawPrint>,
    /// Interface text to replace, by key (for example `check: Check my answer`). See the
    /// content README for the keys.
    #[serde(default)]
    pub strings: Option<BTreeMap<String, Text>>,
    /// The source of every entry that names none itself, in every deck: a source id
    /// (`source: my-notes`), a citation, or `none` when the course cites no sources. A
    /// deck's own `source:` comes before it.
    #[serde(default)]
    pub source: Option<RawSourceRefs>,
    /// Named sets of values of one type, for wrong options the generator cannot find by
    /// itself: `classes: { malware: [TrickBot, Emotet, Zeus, WannaCry] }`. A blank whose answer
    /// is in a class is offered other values of the class; a fact's `blanks:` can also name a
    /// class as a blank's `type:`.
    #[serde(default)]
    pub classes: Option<BTreeMap<String, Vec<Text>>>,
}

/// `sources.yaml`: the bibliography that entries cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "decksmith sources (sources.yaml)")]
pub struct RawSourcesFile {
    /// The sources, each with an `id` that entries cite.
    #[schemars(with = "Vec<RawSource>")]
    pub sources: Vec<serde_yaml::Value>,
}

/// One source document.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The id entries cite it by (`source: news-2021`): lowercase letters, digits and hyphens.
    pub id: Text,
    /// The title, as the source gives it. Only `kind: notes` may leave it out.
    #[serde(default)]
    pub title: Option<Text>,
    /// A short name for the footers of cards and answers (for example `RIAC/EWI brief`);
    /// the title when left out.
    #[serde(default)]
    pub short: Option<Text>,
    /// Who wrote it: a name, or a list of names.
    #[serde(default)]
    pub author: Option<OneOrMany>,
    /// The organization that published it.
    #[serde(default)]
    pub publisher: Option<Text>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// When it appeared, as far as the document tells: `2021`, `2021-11` or `2021-11-16`.
    #[serde(default)]
    pub date: Option<RawDate>,
    /// Where to find it online.
    #[serde(default)]
    pub url: Option<Text>,
    /// The language the source is written in (for example `en`).
    #[serde(default)]
    pub language: Option<Text>,
    /// A note for teachers: which file it was written from, what it covers.
    #[serde(default)]
    pub note: Option<Text>,
    /// A plain-text or Markdown copy of the document, relative to the course folder
    /// (`sources/brief.txt`): `check` then makes sure every `quote:` citing this source
    /// occurs in it, exactly once.
    #[serde(default)]
    pub file: Option<Text>,
}

/// One text or a list of texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<Text>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OneOrMany, D::Error> {
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::Sequence(items) => items
                .into_iter()
                .map(|item| Text::deserialize(item).map_err(de::Error::custom))
                .collect::<Result<_, _>>()
                .map(OneOrMany),
            other => Text::deserialize(other)
                .map(|t| OneOrMany(vec![t]))
                .map_err(de::Error::custom),
        }
    }
}

impl JsonSchema for OneOrMany {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMany".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        json_schema!({ "anyOf": [text, { "type": "array", "items": text }] })
    }
}

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A journal article or its abstract.
    Article,
    /// A policy brief or position paper.
    PolicyBrief,
    /// A news report.
    News,
    /// A report on an event or a study.
    Report,
    /// An explainer or encyclopaedia-style text.
    Explainer,
    /// A book or a chapter.
    Book,
    /// An official document: a resolution, a statement, a treaty.
    Official,
    /// A web page of another kind.
    Web,
    /// The course's own glossary: translations and equivalents the course adds itself. Its
    /// citations need no locator.
    Glossary,
    /// The teacher's own notes: needs no title, author or date, its citations no locator,
    /// and explanations do not name it as evidence.
    Notes,
    /// Anything else.
    Other,
}

/// A deck file in `decks/`: one topic's entries and quiz settings. The file name (without
/// `.yaml`) is the deck's id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "decksmith deck (decks/*.yaml)")]
pub struct RawDeck {
    /// The deck title, shown on its pages and sheets.
    pub title: Text,
    /// A short name for the deck (`UN track`), shown in the footer of each printed card,
    /// where a long title would be cut short. The title when not given.
    #[serde(default)]
    pub short: Option<Text>,
    /// A sentence or two about the deck, shown on the index page.
    #[serde(default)]
    pub description: Option<Text>,
    /// The language of this deck when it is not the course's (`ru`): its questions, pages
    /// and sheets use it.
    #[serde(default)]
    pub language: Option<Text>,
    /// Tags added to every entry of the deck.
    #[serde(default)]
    pub tags: Option<Vec<Text>>,
    /// The entries: each starts with its kind (`term:`, `fact:`, `event:`, `person:`,
    /// `organization:`, `quote:` or `question:`).
    #[schemars(with = "Vec<EntrySchema>")]
    pub entries: Vec<serde_yaml::Value>,
    /// The source of every entry of this deck that names none itself (over course.yaml's
    /// `source:`): a source id (`source: my-notes`), a citation, or `none`.
    #[serde(default)]
    pub source: Option<RawSourceRefs>,
    /// This deck's quiz settings, overriding the course's key by key.
    #[serde(default)]
    pub quiz: Option<RawQuiz>,
    /// This deck's flashcard settings, overriding the course's.
    #[serde(default)]
    pub cards: Option<RawCards>,
}

/// Quiz settings.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuiz {
    /// How many questions the quiz asks.
    #[serde(default)]
    pub questions: Option<u32>,
    /// Which kinds of question to ask: a list (equal shares) or a mapping from kind to weight
    /// (`multiple-choice: 3`). Without it, the kinds the deck's entries can give.
    #[serde(default)]
    pub kinds: Option<RawKinds>,
    /// Options per multiple-choice and who-question, the correct one included: 2 to 6.
    #[serde(default)]
    pub options: Option<u32>,
    /// `each`: one cloze question per marked part of a fact; `all`: one question that blanks
    /// every marked part at once.
    #[serde(default)]
    pub cloze: Option<ClozeMode>,
    /// Ask only about entries that carry at least one of these tags.
    #[serde(default)]
    pub include_tags: Option<Vec<Text>>,
    /// Never ask about entries that carry any of these tags.
    #[serde(default)]
    pub exclude_tags: Option<Vec<Text>>,
    /// Generated questions never to ask, by their ids (as in `quiz.json` and the generation
    /// report: `fact-107-co-sponsors:multiple-choice:blank-1`).
    #[serde(default)]
    pub exclude: Option<Vec<Text>>,
    /// Generated questions to always ask, by their ids, when they can be made.
    #[serde(default)]
    pub pin: Option<Vec<Text>>,
    /// Points per question of a kind, for marking worksheets (`matching: 4`): 1 to 100. The
    /// kinds not named keep theirs (1 each; 2 for matching and timeline).
    #[serde(default)]
    pub points: Option<BTreeMap<QuestionKind, u32>>,
}

/// The kinds of question decksmith generates.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// A card to recall and grade yourself.
    Flashcard,
    /// A fact with a part blanked out.
    Cloze,
    /// One correct option among distractors.
    MultipleChoice,
    /// A statement to judge true or false.
    TrueFalse,
    /// Pairs to match.
    Matching,
    /// Dated events to put in order.
    Timeline,
    /// Who said it, or who is it.
    Who,
}

impl QuestionKind {
    /// Every kind, in a fixed order.
    pub const ALL: [QuestionKind; 7] = [
        QuestionKind::Flashcard,
        QuestionKind::Cloze,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Matching,
        QuestionKind::Timeline,
        QuestionKind::Who,
    ];

    /// The name used in YAML and JSON (`multiple-choice`).
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Flashcard => "flashcard",
            QuestionKind::Cloze => "cloze",
            QuestionKind::MultipleChoice => "multiple-choice",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::Matching => "matching",
            QuestionKind::Timeline => "timeline",
            QuestionKind::Who => "who",
        }
    }
}

impl fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which kinds to ask: a list, or weights by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawKinds {
    /// These kinds in equal shares.
    List(Vec<QuestionKind>),
    /// These kinds in proportion to their weights.
    Weights(BTreeMap<QuestionKind, u32>),
}

impl<'de> Deserialize<'de> for RawKinds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawKinds, D::Error> {
        match serde_yaml::Value::deserialize(deserializer)? {
            v @ serde_yaml::Value::Sequence(_) => serde_yaml::from_value(v)
                .map(RawKinds::List)
                .map_err(de::Error::custom),
            v @ serde_yaml::Value::Mapping(_) => serde_yaml::from_value(v)
                .map(RawKinds::Weights)
                .map_err(de::Error::custom),
            _ => Err(de::Error::custom(
                "expected a list of kinds or a mapping from kind to weight",
            )),
        }
    }
}

impl JsonSchema for RawKinds {
    fn schema_name() -> Cow<'static, str> {
        "Kinds".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let kind = generator.subschema_for::<QuestionKind>();
        json_schema!({
            "anyOf": [
                { "type": "array", "items": kind, "uniqueItems": true },
                {
                    "type": "object",
                    "propertyNames": kind,
                    "additionalProperties": { "type": "integer", "minimum": 0 }
                }
            ]
        })
    }
}

/// How cloze questions are made from a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ClozeMode {
    /// One question per marked part.
    Each,
    /// One question with every marked part blanked.
    All,
}

/// Flashcard settings.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCards {
    /// Also make reverse cards (meaning → term, role → person, description → organization).
    #[serde(default)]
    pub reverse: Option<bool>,
}

/// Print settings for the PDFs.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPrint {
    /// Paper size: `a4` or `letter`.
    #[serde(default)]
    pub paper: Option<Paper>,
    /// Flashcard layout: cards per sheet (`2x4`, `2x5`, `3x3`) or one card per page at an
    /// index-card size (`index-3x5`, `a6`, `a7`).
    #[serde(default)]
    pub layout: Option<CardLayout>,
    /// How the sheet is turned for duplex printing: `long-edge` (the usual) or `short-edge`.
    #[serde(default)]
    pub duplex: Option<Duplex>,
    /// Shift of the back pages in millimetres, for printers that misalign the back side.
    #[serde(default)]
    pub back_offset: Option<RawOffset>,
    /// Add a calibration page to the flashcards PDF to measure the back-side offset.
    #[serde(default)]
    pub calibration: Option<bool>,
    /// A line printed at the top of every worksheet and answer key page: your school's or
    /// class's name, say. One line, at most 80 characters.
    #[serde(default)]
    pub header: Option<String>,
    /// A logo printed at the top left of every worksheet and answer key page, beside the
    /// header: a PNG or JPEG file, its path relative to the course folder
    /// (`theme/logo.png`). It is printed 12 mm high.
    #[serde(default)]
    pub logo: Option<String>,
}

/// A shift in millimetres.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOffset {
    /// Rightwards, in millimetres (negative: leftwards).
    #[serde(default)]
    pub x: f32,
    /// Upwards, in millimetres (negative: downwards).
    #[serde(default)]
    pub y: f32,
}

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Flashcard layouts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
pub enum CardLayout {
    /// Two columns, four rows: 8 cards per sheet.
    #[default]
    #[serde(rename = "2x4")]
    Grid2x4,
    /// Two columns, five rows: 10 cards per sheet.
    #[serde(rename = "2x5")]
    Grid2x5,
    /// Three columns, three rows: 9 cards per sheet.
    #[serde(rename = "3x3")]
    Grid3x3,
    /// One 3 × 5 inch index card per page.
    #[serde(rename = "index-3x5")]
    Index3x5,
    /// One A6 card (105 × 148 mm) per page.
    #[serde(rename = "a6")]
    A6,
    /// One A7 card (74 × 105 mm) per page.
    #[serde(rename = "a7")]
    A7,
}

/// Which edge a duplex printer turns the sheet on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Duplex {
    /// Turned on the long edge: backs are mirrored left to right.
    #[default]
    LongEdge,
    /// Turned on the short edge: backs are mirrored top to bottom.
    ShortEdge,
}

/// The keys every entry may carry, whatever its kind.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCommon {
    /// A stable id for the entry: lowercase letters, digits and hyphens, unique in the course.
    /// Without one, an id is made from the entry's main text; set one if you want edits to
    /// the text to keep the same id (Anki then updates the card instead of adding a new one).
    #[serde(default)]
    pub id: Option<Text>,
    /// Tags, for choosing which entries a quiz asks about.
    #[serde(default)]
    pub tags: Option<Vec<Text>>,
    /// Where this comes from: a source id from `sources.yaml`, or `{ id: ..., quote: "..." }`
    /// with a short phrase from the passage (or `paragraph:` or `page:`); a list cites several.
    /// `none` says the entry has no source. Without it, the deck's or the course's `source:`.
    #[serde(default)]
    pub source: Option<RawSourceRefs>,
    /// A note shown with the answer: why it is so, or what else to know.
    #[serde(default)]
    pub explain: Option<Text>,
    /// Ids of related entries, shown as "see also".
    #[serde(default)]
    pub see: Option<Vec<Text>>,
    /// A note for teachers, shown in answer keys and never to students: where sources
    /// disagree, what was corrected and on whose evidence.
    #[serde(default)]
    pub note: Option<Text>,
}

/// One citation or several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSourceRefs(pub Vec<RawSourceRef>);

/// A citation: a source id with an optional locator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSourceRef {
    /// The id of a source in `sources.yaml`.
    pub id: Text,
    /// A short phrase quoted from the passage, to find it in the source.
    #[serde(default)]
    pub quote: Option<Text>,
    /// The paragraph of the source, counted from 1.
    #[serde(default)]
    pub paragraph: Option<u32>,
    /// The page of the source.
    #[serde(default)]
    pub page: Option<Text>,
}

impl<'de> Deserialize<'de> for RawSourceRefs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawSourceRefs, D::Error> {
        fn one<E: de::Error>(value: serde_yaml::Value) -> Result<RawSourceRef, E> {
            match value {
                serde_yaml::Value::Mapping(_) => {
                    RawSourceRef::deserialize(value).map_err(E::custom)
                }
                other => Text::deserialize(other)
                    .map(|id| RawSourceRef {
                        id,
                        ..RawSourceRef::default()
                    })
                    .map_err(E::custom),
            }
        }
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::Sequence(items) => items
                .into_iter()
                .map(one)
                .collect::<Result<_, _>>()
                .map(RawSourceRefs),
            other => one(other).map(|r| RawSourceRefs(vec![r])),
        }
    }
}

impl JsonSchema for RawSourceRefs {
    fn schema_name() -> Cow<'static, str> {
        "SourceRefs".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let full = generator.subschema_for::<RawSourceRef>();
        let one = json_schema!({ "anyOf": [{ "type": "string", "minLength": 1 }, full] });
        json_schema!({ "anyOf": [one, { "type": "array", "items": one, "minItems": 1 }] })
    }
}

/// Translations of a name or term, by language code (`ru: Международная информационная
/// безопасность`).
pub type Translations = BTreeMap<String, Text>;

/// `term:` a term or acronym and what it means.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// The term or acronym, as it is written.
    pub term: Text,
    /// What it means, in a sentence or a phrase.
    pub meaning: Text,
    /// The full form, for an acronym (`Open-Ended Working Group` for `OEWG`).
    #[serde(default)]
    pub expansion: Option<Text>,
    /// Other ways of writing the term that count as the same answer.
    #[serde(default)]
    pub aliases: Option<Vec<Text>>,
    /// The term in other languages, by language code (`ru: ...`).
    #[serde(default)]
    pub translation: Option<Translations>,
}

/// `fact:` a statement with its testable parts in braces.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    /// The statement, with each testable part in braces: `In {November 2021}, ...`. Accepted
    /// alternatives go after a bar: `{First Committee|1st Committee}`. Write `\{` or `\}` for a
    /// literal brace.
    pub fact: Text,
    /// What the generator should know about a blank, keyed by the blank's answer: its type
    /// (`December: month`, or a class from course.yaml's `classes:`), or the wrong options
    /// to offer (`December: [October, November, January]`), or both
    /// (`{ type: month, distractors: [...] }`).
    #[serde(default)]
    pub blanks: Option<BTreeMap<String, RawBlank>>,
}

/// What a fact says about one of its blanks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawBlank {
    /// The answer's type: a built-in type (`year`, `month`, `place`, `person`, …) or a class.
    pub kind: Option<Text>,
    /// Wrong options to offer for this blank.
    pub distractors: Vec<Text>,
}

impl<'de> Deserialize<'de> for RawBlank {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawBlank, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(default, rename = "type")]
            kind: Option<Text>,
            #[serde(default)]
            distractors: Option<Vec<Text>>,
        }
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::Sequence(items) => items
                .into_iter()
                .map(|item| Text::deserialize(item).map_err(de::Error::custom))
                .collect::<Result<_, _>>()
                .map(|distractors| RawBlank {
                    kind: None,
                    distractors,
                }),
            v @ serde_yaml::Value::Mapping(_) => Full::deserialize(v)
                .map(|f| RawBlank {
                    kind: f.kind,
                    distractors: f.distractors.unwrap_or_default(),
                })
                .map_err(de::Error::custom),
            other => Text::deserialize(other)
                .map(|kind| RawBlank {
                    kind: Some(kind),
                    distractors: Vec::new(),
                })
                .map_err(de::Error::custom),
        }
    }
}

impl JsonSchema for RawBlank {
    fn schema_name() -> Cow<'static, str> {
        "Blank".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        json_schema!({
            "description": "A blank's type (a built-in type or a class), its wrong options, or both.",
            "anyOf": [
                { "type": "string", "minLength": 1, "description": "The blank's type: year, month, date, number, ordinal, person, organization, place, country, city, region, continent, term, acronym, title, language, role, phrase, or a class of course.yaml." },
                { "type": "array", "items": text, "description": "Wrong options for the blank." },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "type": { "type": "string", "minLength": 1, "description": "The blank's type." },
                        "distractors": { "type": "array", "items": text, "description": "Wrong options for the blank." }
                    }
                }
            ]
        })
    }
}

/// `event:` something that happened, and when.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// What happened, as a short sentence.
    pub event: Text,
    /// When: a year (`2021`), a month (`2021-11`) or a day (`2021-11-16`).
    pub date: RawDate,
    /// When it ended, for something that lasted (same forms as `date`).
    #[serde(default)]
    pub end: Option<RawDate>,
}

/// `person:` someone and their role.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    /// The name, as the sources write it.
    pub person: Text,
    /// Their position or role, as the sources give it.
    pub role: Text,
    /// Other ways of writing the name that count as the same answer.
    #[serde(default)]
    pub aliases: Option<Vec<Text>>,
    /// The name in other languages, by language code.
    #[serde(default)]
    pub translation: Option<Translations>,
}

/// `organization:` a body, platform or initiative.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization {
    /// The full name.
    pub organization: Text,
    /// Its acronym, if it has one (`NAIIS`).
    #[serde(default)]
    pub acronym: Option<Text>,
    /// What it is or does.
    pub description: Text,
    /// Other names that count as the same answer.
    #[serde(default)]
    pub aliases: Option<Vec<Text>>,
    /// The name in other languages, by language code.
    #[serde(default)]
    pub translation: Option<Translations>,
}

/// `quote:` words someone said or wrote.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    /// The words, exactly as the source gives them, without quotation marks.
    pub quote: Text,
    /// Who said them: the name as in a `person:` entry, so that "who said it" questions can
    /// offer other people as options.
    pub by: Text,
    /// When they were said: `2021`, `2021-11` or `2021-11-16`.
    #[serde(default)]
    pub date: Option<RawDate>,
    /// Where or in what setting they were said.
    #[serde(default)]
    pub context: Option<Text>,
}

/// `question:` a question written by hand.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// The question.
    pub question: Text,
    /// The correct answer, short.
    pub answer: Text,
    /// Other answers to accept when typed (spellings, abbreviations).
    #[serde(default)]
    pub accept: Option<Vec<Text>>,
    /// Wrong but plausible answers, of the same type and length as the answer.
    #[serde(default)]
    pub distractors: Option<Vec<Text>>,
}

/// The kinds of entry, by the key that introduces each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKindName {
    /// `term:`
    Term,
    /// `fact:`
    Fact,
    /// `event:`
    Event,
    /// `person:`
    Person,
    /// `organization:`
    Organization,
    /// `quote:`
    Quote,
    /// `question:`
    Question,
}

impl EntryKindName {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [EntryKindName; 7] = [
        EntryKindName::Term,
        EntryKindName::Fact,
        EntryKindName::Event,
        EntryKindName::Person,
        EntryKindName::Organization,
        EntryKindName::Quote,
        EntryKindName::Question,
    ];

    /// The key that introduces an entry of this kind.
    pub fn key(self) -> &'static str {
        match self {
            EntryKindName::Term => "term",
            EntryKindName::Fact => "fact",
            EntryKindName::Event => "event",
            EntryKindName::Person => "person",
            EntryKindName::Organization => "organization",
            EntryKindName::Quote => "quote",
            EntryKindName::Question => "question",
        }
    }

    /// The kind a key introduces.
    pub fn from_key(key: &str) -> Option<EntryKindName> {
        EntryKindName::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The schema of this kind's own keys.
    pub(crate) fn schema(self, generator: &mut SchemaGenerator) -> Schema {
        match self {
            EntryKindName::Term => RawTerm::json_schema(generator),
            EntryKindName::Fact => RawFact::json_schema(generator),
            EntryKindName::Event => RawEvent::json_schema(generator),
            EntryKindName::Person => RawPerson::json_schema(generator),
            EntryKindName::Organization => RawOrganization::json_schema(generator),
            EntryKindName::Quote => RawQuote::json_schema(generator),
            EntryKindName::Question => RawQuestion::json_schema(generator),
        }
    }
}

impl fmt::Display for EntryKindName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The schema of one entry: any kind's keys plus the common keys. Used only to generate the
/// JSON Schema; entries are read by [`crate::load`], which picks the kind from its key.
pub struct EntrySchema;

impl JsonSchema for EntrySchema {
    fn schema_name() -> Cow<'static, str> {
        "Entry".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let common = RawCommon::json_schema(generator);
        let common_props = common
            .get("properties")
            .cloned()
            .unwrap_or_else(|| serde_json::json!({}));
        let variants: Vec<serde_json::Value> = EntryKindName::ALL
            .into_iter()
            .map(|kind| {
                let mut schema = kind.schema(generator).to_value();
                if let (Some(props), Some(common)) = (
                    schema.get_mut("properties").and_then(|p| p.as_object_mut()),
                    common_props.as_object(),
                ) {
                    for (key, value) in common {
                        props.insert(key.clone(), value.clone());
                    }
                }
                if let Some(obj) = schema.as_object_mut() {
                    obj.insert(
                        "title".into(),
                        serde_json::Value::String(format!("{} entry", kind.key())),
                    );
                }
                schema
            })
            .collect();
        json_schema!({
            "description": "An entry: one of term, fact, event, person, organization, quote or question, with its keys.",
            "anyOf": variants
        })
    }
}
