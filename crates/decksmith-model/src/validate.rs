//! From raw types to the validated [`Course`], reporting every problem at its place.
//!
//! [`load`] is the model's entry point: it takes the content files as text (the driver reads
//! them) and gives back the course, or every diagnostic that stands in its way. Checks that
//! span files (ids unique across the course, citations of sources, `see` links) run after
//! every file is read, so one run reports everything.

mod entries;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_yaml::Value;

use crate::course::*;
use crate::date::PartialDate;
use crate::diag::{Diagnostic, Diagnostics, Location, Pos, Snippet, count, listing, short};
use crate::limits::MAX_ENTRIES_PER_DECK;
use crate::names::{did_you_mean, is_valid_id, normalize_answer, slug, tag_problem};
use crate::raw::*;
use crate::read::{Doc, RawEntry, Reader, describe, parse};
use crate::source::SourceFile;
use crate::spans::Path;

/// The content files of a course, read by the driver.
#[derive(Clone, Debug)]
pub struct ContentInput {
    /// `course.yaml`.
    pub course: SourceFile,
    /// `sources.yaml`.
    pub sources: SourceFile,
    /// The files in `decks/`, in any order; a deck's id is its file name without `.yaml`.
    pub decks: Vec<SourceFile>,
}

/// What loading knows beyond the files.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The interface-string keys a course may override in `strings:` (not checked when empty).
    pub string_keys: Vec<String>,
    /// Keys that were renamed, old → new: a course that still overrides the old one is told
    /// the new name.
    pub renamed_string_keys: Vec<(String, String)>,
}

/// The result of loading: the course when there were no errors, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The course, if it is valid.
    pub course: Option<Course>,
    /// Errors and warnings, in the order found (see [`Diagnostics::sorted`]).
    pub diagnostics: Diagnostics,
}

/// Loads and validates a course.
pub fn load(input: &ContentInput, options: &LoadOptions) -> Loaded {
    let mut diags = Diagnostics::new();
    let course_doc = parse(
        &input.course,
        "at least `title:` (and usually `decks:`, the deck files in order)",
        &mut diags,
    );
    let sources_doc = parse(
        &input.sources,
        "`sources:`, a list of the documents entries cite",
        &mut diags,
    );
    let raw_course: Option<RawCourse> = course_doc
        .as_ref()
        .and_then(|doc| reader(doc, &mut diags).read(&doc.root, &Path::root(), "the course"));
    let sources = match &sources_doc {
        Some(doc) => read_sources(doc, &mut diags),
        None => SourcesRead::default(),
    };
    let (course_quiz, course_cards) = match (&raw_course, &course_doc) {
        (Some(raw), Some(doc)) => course_settings(raw, &mut reader(doc, &mut diags)),
        _ => Default::default(),
    };

    // Which deck files to build, in which order.
    let files: BTreeMap<String, &SourceFile> = input
        .decks
        .iter()
        .map(|file| (deck_id(file.path()), file))
        .collect();
    let order = deck_order(raw_course.as_ref(), course_doc.as_ref(), &files, &mut diags);
    let classes = match (&raw_course, &course_doc) {
        (Some(raw), Some(doc)) => read_classes(raw, &mut reader(doc, &mut diags)),
        _ => BTreeMap::new(),
    };

    let mut builder = Builder::new(
        &mut diags,
        &sources,
        sources_doc.is_some(),
        &classes,
        course_doc.as_ref(),
    );
    if let Some(doc) = &course_doc {
        builder.note_tag_uses(doc, &course_quiz);
        if let Some(refs) = raw_course.as_ref().and_then(|raw| raw.source.as_ref()) {
            builder.course_default = Some(builder.default_source(doc, refs));
        }
    }
    let listed: Vec<(&String, &SourceFile)> = order
        .iter()
        .filter_map(|id| files.get(id).map(|file| (id, *file)))
        .collect();
    let mut decks = read_decks(&mut builder, &listed, &course_quiz, &course_cards);
    let (cited, complete) = builder.check_across(&mut decks);
    if complete {
        for (id, warning) in sources.uncited {
            if !cited.contains(&id) {
                diags.push(warning);
            }
        }
    }

    let course = match (raw_course, course_doc) {
        (Some(raw), Some(doc)) => {
            let mut reader = reader(&doc, &mut diags);
            let mut course = finish_course(
                raw,
                course_quiz,
                sources.sources,
                decks,
                options,
                &mut reader,
            );
            course.classes = classes;
            Some(course)
        }
        _ => None,
    };
    let course = if diags.has_errors() { None } else { course };
    Loaded {
        course,
        diagnostics: diags,
    }
}

/// The decks of the files `listed` (id and file, in the course's order), each read as far as
/// it is valid.
fn read_decks(
    builder: &mut Builder<'_>,
    listed: &[(&String, &SourceFile)],
    course_quiz: &QuizSettings,
    course_cards: &CardSettings,
) -> Vec<Deck> {
    let mut decks = Vec::new();
    // Deck files are parsed one ahead of the deck being read, on a thread of their own: the
    // two take about as long, and parsing needs nothing from what came before. The parse's
    // diagnostics join the others at the place they would have had.
    std::thread::scope(|scope| {
        let (send, parsed) = std::sync::mpsc::sync_channel(1);
        let files: Vec<&SourceFile> = listed.iter().map(|(_, file)| *file).collect();
        scope.spawn(move || {
            for file in files {
                let mut found = Diagnostics::new();
                let doc = parse(file, DECK_NEEDS, &mut found);
                if send.send((doc, found)).is_err() {
                    break;
                }
            }
        });
        for ((id, file), (doc, found)) in listed.iter().zip(parsed) {
            builder.diags.append(found);
            if let Some(deck) = builder.deck(id, file, doc, course_quiz, course_cards) {
                decks.push(deck);
            }
        }
    });
    decks
}

/// What a deck file must have, for the error when it has nothing.
const DECK_NEEDS: &str = "`title:` and `entries:`, the deck's terms, facts, events and questions";

/// What course.yaml says for every deck: its quiz settings and card settings.
fn course_settings(raw: &RawCourse, reader: &mut Reader<'_, '_>) -> (QuizSettings, CardSettings) {
    let quiz = merge_quiz(
        &QuizSettings::default(),
        raw.quiz.as_ref(),
        &Path::top("quiz"),
        reader,
    );
    let cards = CardSettings {
        reverse: raw.cards.as_ref().and_then(|c| c.reverse).unwrap_or(false),
    };
    (quiz, cards)
}

/// A deck's id: its file name without `.yaml`.
pub fn deck_id(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name)
        .to_owned()
}

fn deck_order(
    raw: Option<&RawCourse>,
    doc: Option<&Doc<'_>>,
    files: &BTreeMap<String, &SourceFile>,
    diags: &mut Diagnostics,
) -> Vec<String> {
    for (id, file) in files {
        if !is_valid_id(id) {
            diags.push(
                file.error(
                    Pos::START,
                    1,
                    format!("deck file name `{}` is not a valid deck id", short(id)),
                )
                .with_help(format!(
                    "rename the file to `{}.yaml`: lowercase letters, digits and hyphens",
                    slug(id, 12)
                )),
            );
        }
    }
    let (Some(listed), Some(doc)) = (raw.and_then(|c| c.decks.as_ref()), doc) else {
        if files.is_empty()
            && let Some(doc) = doc
        {
            diags.push(
                doc.file
                    .error(Pos::START, 1, "the course has no decks")
                    .with_help("add deck files to the `decks/` folder next to course.yaml"),
            );
        }
        return files.keys().cloned().collect();
    };
    let mut reader = Reader {
        file: doc.file,
        index: &doc.index,
        diags,
    };
    let mut order: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    // The deck files that misspelt ids were taken to mean: read all the same (their own
    // mistakes are found now, the sources they cite are cited), and not "not listed".
    let mut meant: Vec<&str> = Vec::new();
    for (i, id) in listed.iter().enumerate() {
        let path = Path::top("decks").index(i);
        let id = id.as_str().trim();
        if !seen.insert(id) {
            reader
                .error_at(&path, format!("deck `{}` is listed twice", short(id)))
                .help = Some("remove the second mention".into());
        } else if files.contains_key(id) {
            order.push(id.to_owned());
        } else {
            let help = match did_you_mean(id, files.keys().map(String::as_str)) {
                Some(s) => {
                    meant.push(s);
                    format!("did you mean `{s}`?")
                }
                None if files.is_empty() => "the decks folder has no deck files".into(),
                None => format!(
                    "the deck files are: {}",
                    listing(files.keys().map(String::as_str), 20)
                ),
            };
            reader
                .error_at(&path, format!("no deck file `decks/{}.yaml`", short(id)))
                .help = Some(help);
        }
    }
    for id in meant {
        if seen.insert(id) {
            order.push(id.to_owned());
        }
    }
    if listed.is_empty() {
        reader
            .error_at(&Path::top("decks"), "`decks:` lists no decks")
            .help =
            Some("list the deck files to build, or remove `decks:` to build them all".into());
    }
    for (id, file) in files {
        if !seen.contains(id.as_str()) && is_valid_id(id) {
            reader.diags.push(
                file.warning(
                    Pos::START,
                    1,
                    format!("deck `{id}` is not listed in course.yaml, so it is not built"),
                )
                .with_help(format!(
                    "add `{id}` to `decks:` in course.yaml, or move the file out of decks/"
                )),
            );
        }
    }
    order
}

/// What reading sources.yaml gave.
#[derive(Default)]
struct SourcesRead {
    /// The sources that are valid.
    sources: Vec<Source>,
    /// For each valid source, the warning to give if no entry cites it.
    uncited: Vec<(String, Diagnostic)>,
    /// Ids of sources that could not be read (their mistakes are reported): citing them is
    /// not a second mistake.
    broken: HashSet<String>,
    /// Whether the file's list of sources was read at all.
    complete: bool,
}

fn read_sources(doc: &Doc<'_>, diags: &mut Diagnostics) -> SourcesRead {
    let mut reader = reader(doc, diags);
    let Some(raw): Option<RawSourcesFile> = reader.read(&doc.root, &Path::root(), "sources.yaml")
    else {
        return SourcesRead::default();
    };
    let mut out = SourcesRead {
        complete: true,
        ..SourcesRead::default()
    };
    let mut first_of: HashMap<String, Location> = HashMap::new();
    for (i, value) in raw.sources.iter().enumerate() {
        let path = Path::top("sources").index(i);
        let Value::Mapping(map) = value else {
            reader
                .error_at(
                    &path,
                    format!(
                        "a source should be a mapping with `id:`, `title:` and `kind:`, not {}",
                        describe(value)
                    ),
                )
                .help = Some(
                "write each source as `- id: ...` with `title:` and `kind:` indented below it"
                    .into(),
            );
            continue;
        };
        let Some(raw): Option<RawSource> = reader.read(map, &path, "this source") else {
            if let Some(id) = map.get("id").and_then(Value::as_str) {
                out.broken.insert(id.trim().to_owned());
            }
            continue;
        };
        let id = raw.id.as_str().trim().to_owned();
        if !source_id(&mut reader, &id, &path.key("id"), &mut out, &first_of) {
            continue;
        }
        if raw.title.is_none() && raw.kind != SourceKind::Notes {
            reader
                .error_at(&path, "this source has no `title:`")
                .help = Some("add `title:` (the title as the source gives it); only a source of `kind: notes`, your own notes, needs none".into());
            out.broken.insert(id);
            continue;
        }
        let source = source(&mut reader, raw, id, &path);
        first_of.insert(source.id.clone(), source.origin.clone());
        out.sources.push(source);
    }
    out
}

/// Checks a source's id: well formed (else the source is broken), and not the id of an
/// earlier source (whose place `first_of` holds). A valid id gets the warning to give if no
/// entry cites it. Whether the source is the first with its id.
fn source_id(
    reader: &mut Reader<'_, '_>,
    id: &str,
    at: &Path,
    out: &mut SourcesRead,
    first_of: &HashMap<String, Location>,
) -> bool {
    if id == NO_SOURCE {
        reader.error_at(at, "`none` cannot be a source id").help = Some(
            "`source: none` says that an entry has no source; give this source another id".into(),
        );
        out.broken.insert(id.to_owned());
    } else if is_valid_id(id) {
        let place = reader.index.value(at);
        out.uncited.push((
            id.to_owned(),
            reader
                .file
                .warning(
                    place.pos,
                    place.width,
                    format!("source `{}` is never cited", short(id)),
                )
                .with_help(format!(
                    "cite it from the entries that use it (`source: {}`), or remove it",
                    short(id)
                )),
        ));
    } else {
        reader
            .error_at(at, format!("`{}` is not a valid source id", short(id)))
            .help = Some(format!(
            "use lowercase letters, digits and hyphens, such as `{}`",
            slug(id, 6)
        ));
        out.broken.insert(id.to_owned());
        // Entries that cite it by the id the help suggests are not a second mistake.
        out.broken.insert(slug(id, 6));
    }
    let Some(first) = first_of.get(id) else {
        return true;
    };
    let diagnostic = reader.error_at(at, format!("source id `{}` is used twice", short(id)));
    diagnostic.note = Some((first.clone(), "the first source with this id is".into()));
    diagnostic.help = Some("give each source its own id, or remove the repeat".into());
    if is_valid_id(id) {
        out.uncited.pop();
    }
    false
}

/// A source as the course holds it, its date, address and file checked.
fn source(reader: &mut Reader<'_, '_>, raw: RawSource, id: String, path: &Path) -> Source {
    let date = raw
        .date
        .as_ref()
        .and_then(|d| date(reader, d, &path.key("date")));
    let url = raw.url.as_ref().map(clean);
    if let Some(url) = &url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        reader
            .error_at(
                &path.key("url"),
                "`url:` should start with https:// or http://",
            )
            .help = Some("copy the whole address from the browser's address bar".into());
    }
    // Notes without a title are named in the course's language when the course is read.
    let title = raw.title.as_ref().map(clean).unwrap_or_default();
    let origin = reader.file.location(reader.index.value(path).pos);
    let file = raw
        .file
        .as_ref()
        .map(clean)
        .and_then(|file| source_file(reader, file, &path.key("file")));
    Source {
        short: raw.short.as_ref().map(clean).unwrap_or_default(),
        id,
        title,
        authors: raw
            .author
            .map(|a| a.0.iter().map(clean).collect())
            .unwrap_or_default(),
        publisher: raw.publisher.as_ref().map(clean),
        kind: raw.kind,
        date,
        url,
        language: raw.language.as_ref().map(clean),
        note: raw.note.as_ref().map(clean),
        file,
        origin,
    }
}

/// A source's `file:`, with where it is written; `None` (reported) when it points outside
/// the course folder.
fn source_file(reader: &mut Reader<'_, '_>, file: String, at: &Path) -> Option<(String, Location)> {
    let absolute =
        file.starts_with('/') || file.starts_with('\\') || file.chars().nth(1) == Some(':');
    if absolute || file.split(['/', '\\']).any(|part| part == "..") {
        reader
            .error_at(
                at,
                format!("`file: {}` is outside the course folder", short(&file)),
            )
            .help = Some(
            "give a path inside the course folder, relative to it, such as `sources/brief.txt`"
                .into(),
        );
        return None;
    }
    Some((file, reader.file.location(reader.index.value(at).pos)))
}

/// The course's `print:` settings, checked: the back offset a printer can have, the header
/// one line that fits, the logo a relative path to a PNG or JPEG file.
fn print_settings(reader: &mut Reader<'_, '_>, p: &RawPrint) -> PrintSettings {
    let offset = p.back_offset.unwrap_or_default();
    for (axis, value) in [("x", offset.x), ("y", offset.y)] {
        if !value.is_finite() || value.abs() > 20.0 {
            reader
                .error_at(&Path::top("print").key("back_offset").key(axis), format!("a back offset of {value} mm is too large"))
                .help = Some("printers shift the back side by a few millimetres at most; measure it with the calibration page".into());
        }
    }
    let header = p.header.as_deref().map(str::trim).unwrap_or_default();
    let at = Path::top("print").key("header");
    if header.contains(['\n', '\r']) {
        reader
            .error_at(&at, "the print header is more than one line")
            .help = Some("write it on one line, such as `header: Lyceum No. 2, class 10B`".into());
    } else if header.chars().count() > MAX_PRINT_HEADER {
        reader
            .error_at(
                &at,
                format!(
                    "the print header is {} characters long; at most {MAX_PRINT_HEADER} fit across a sheet",
                    header.chars().count()
                ),
            )
            .help = Some("shorten it to your school's or class's name".into());
    }
    let logo = print_logo(reader, p.logo.as_deref());
    PrintSettings {
        paper: p.paper.unwrap_or_default(),
        layout: p.layout.unwrap_or_default(),
        duplex: p.duplex.unwrap_or_default(),
        back_offset_mm: (offset.x, offset.y),
        calibration: p.calibration.unwrap_or(false),
        header: (!header.is_empty()).then(|| PrintHeader {
            text: header.split_whitespace().collect::<Vec<_>>().join(" "),
            origin: reader.location_of(&at),
        }),
        logo,
    }
}

/// `print: logo:`: a path inside the course folder to a PNG or JPEG file (the driver reads
/// the file and reports what is wrong with what it holds).
fn print_logo(reader: &mut Reader<'_, '_>, logo: Option<&str>) -> Option<PrintLogo> {
    let path = logo.map(str::trim).filter(|p| !p.is_empty())?;
    let at = Path::top("print").key("logo");
    let path = path.replace('\\', "/");
    let lower = path.to_lowercase();
    if path.starts_with('/') || path.contains(':') || path.split('/').any(|part| part == "..") {
        reader.error_at(&at, format!("the logo `{path}` is not a path inside the course folder")).help =
            Some("put the image in the course folder, e.g. in `theme/`, and write `logo: theme/logo.png`".into());
        return None;
    }
    if ![".png", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        reader.error_at(&at, format!("the logo `{path}` is not a PNG or JPEG file")).help =
            Some("save the logo as PNG (best for a drawn logo) or JPEG, and name the file `.png` or `.jpg`".into());
        return None;
    }
    Some(PrintLogo {
        path,
        origin: reader.location_of(&at),
    })
}

fn finish_course(
    raw: RawCourse,
    quiz: QuizSettings,
    mut sources: Vec<Source>,
    decks: Vec<Deck>,
    options: &LoadOptions,
    reader: &mut Reader<'_, '_>,
) -> Course {
    let language = raw.language.as_ref().map_or_else(|| "en".to_owned(), clean);
    if !is_language_code(&language) {
        reader
            .error_at(
                &Path::top("language"),
                format!("`{}` is not a language code", short(&language)),
            )
            .help = Some("use a code such as `en` or `ru`".into());
    }
    let mut strings = BTreeMap::new();
    for (key, value) in raw.strings.iter().flatten() {
        if !options.string_keys.is_empty() && !options.string_keys.iter().any(|k| k == key) {
            let renamed = (options.renamed_string_keys.iter()).find(|(old, _)| old == key);
            let help = if let Some((_, new)) = renamed {
                format!("this string is now called `{new}`: rename the key")
            } else {
                did_you_mean(key, options.string_keys.iter().map(String::as_str)).map_or_else(
                    || "see the content README for the interface strings you can change".into(),
                    |s| format!("did you mean `{s}`?"),
                )
            };
            reader
                .error_at_key(
                    &Path::top("strings").key(key),
                    format!("unknown interface string `{}`", short(key)),
                )
                .help = Some(help);
        }
        strings.insert(key.clone(), clean(value));
    }
    if is_language_code(&language)
        && !is_russian(&language)
        && language != "en"
        && !language.starts_with("en-")
        && strings.is_empty()
    {
        reader
            .warning_at(
                &Path::top("language"),
                format!(
                    "there is no built-in interface text for `{}`; English is used",
                    short(&language)
                ),
            )
            .help = Some("translate the interface with `strings:` in course.yaml".into());
    }
    for source in &mut sources {
        if source.title.is_empty() {
            source.title = if is_russian(&language) {
                "Записи преподавателя"
            } else {
                "Teacher's notes"
            }
            .to_owned();
        }
        if source.short.is_empty() {
            source.short = source.title.clone();
        }
    }
    let print = raw
        .print
        .as_ref()
        .map_or_else(PrintSettings::default, |p| print_settings(reader, p));
    Course::new(
        clean(&raw.title),
        raw.description.as_ref().map(clean),
        language,
        raw.seed.unwrap_or(1),
        quiz,
        print,
        strings,
        sources,
        decks,
    )
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Text as it is used: surrounding space trimmed, runs of white space (line breaks of a folded
/// YAML block included) made single spaces.
fn clean(text: &Text) -> String {
    text.as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(reader: &mut Reader<'_, '_>, raw: &RawDate, path: &Path) -> Option<PartialDate> {
    let text = raw.0.as_str().trim();
    match PartialDate::parse(text) {
        Ok(date) => Some(date),
        Err(e) => {
            // A date written the other way round is told so, not that its "year" is short.
            let (why, help) = match PartialDate::suggest(text) {
                Some(help) => (
                    "dates are written year first, with hyphens".to_owned(),
                    help,
                ),
                None => (
                    e.0,
                    "write a year (2021), a month (2021-11) or a day (2021-11-16)".to_owned(),
                ),
            };
            reader
                .error_at(path, format!("`{}` is not a date: {why}", short(text)))
                .help = Some(help);
            None
        }
    }
}

/// Applies a `quiz:` block over `base`, checking each value.
fn merge_quiz(
    base: &QuizSettings,
    raw: Option<&RawQuiz>,
    path: &Path,
    reader: &mut Reader<'_, '_>,
) -> QuizSettings {
    let mut quiz = base.clone();
    let Some(raw) = raw else { return quiz };
    quiz_counts(&mut quiz, raw, path, reader);
    if let Some(mode) = raw.cloze {
        quiz.cloze = mode;
    }
    if let Some(kinds) = &raw.kinds
        && let Some(list) = quiz_kinds(kinds, &path.key("kinds"), reader)
    {
        quiz.kinds = list;
        quiz.kinds_written = true;
    }
    if let Some(tags) = &raw.include_tags {
        quiz.include_tags = quiz_tags(tags, &path.key("include_tags"), reader);
    }
    if let Some(tags) = &raw.exclude_tags {
        quiz.exclude_tags = quiz_tags(tags, &path.key("exclude_tags"), reader);
    }
    if let Some(ids) = &raw.exclude {
        question_refs(&mut quiz.exclude, ids, &path.key("exclude"), reader);
    }
    if let Some(ids) = &raw.pin {
        question_refs(&mut quiz.pin, ids, &path.key("pin"), reader);
    }
    if let Some(points) = &raw.points {
        quiz_points(&mut quiz, points, &path.key("points"), reader);
    }
    pinned_and_excluded(&quiz, reader);
    quiz
}

/// `points:`, each kind's points within what a question can be worth; a kind not named keeps
/// what it had (from the course's `quiz:`, or the default).
fn quiz_points(
    quiz: &mut QuizSettings,
    points: &BTreeMap<QuestionKind, u32>,
    at: &Path,
    reader: &mut Reader<'_, '_>,
) {
    for (&kind, &n) in points {
        if (1..=MAX_POINTS).contains(&n) {
            quiz.points.insert(kind, n);
        } else {
            reader
                .error_at(
                    &at.key(&kind.to_string()),
                    format!("a `{kind}` question cannot be worth {n} points"),
                )
                .help = Some(format!(
                "give each kind 1 to {MAX_POINTS} points (by default {} for `{kind}`)",
                default_points(kind)
            ));
        }
    }
}

/// `questions:` and `options:`, each within what a quiz can have.
fn quiz_counts(quiz: &mut QuizSettings, raw: &RawQuiz, path: &Path, reader: &mut Reader<'_, '_>) {
    if let Some(n) = raw.questions {
        if n == 0 {
            reader
                .error_at(&path.key("questions"), "a quiz needs at least 1 question")
                .help = Some("set `questions:` to the number of questions to ask".into());
        } else {
            quiz.questions = n;
        }
    }
    if let Some(n) = raw.options {
        if (2..=6).contains(&n) {
            quiz.options = n;
        } else {
            reader
                .error_at(
                    &path.key("options"),
                    format!(
                        "{} per question is not possible",
                        count(n as usize, "option", "options")
                    ),
                )
                .help =
                Some("use 2 to 6 options (4 is usual: the answer and three distractors)".into());
        }
    }
}

/// `kinds:`, as a list or with weights, in a fixed order whatever order the teacher wrote;
/// `None` (reported) when it asks for no kind.
fn quiz_kinds(
    kinds: &RawKinds,
    at: &Path,
    reader: &mut Reader<'_, '_>,
) -> Option<Vec<(QuestionKind, u32)>> {
    let list: Vec<(QuestionKind, u32)> = match kinds {
        RawKinds::List(list) => {
            let mut seen = Vec::new();
            for (i, kind) in list.iter().enumerate() {
                if seen.iter().any(|(k, _)| k == kind) {
                    reader
                        .warning_at(&at.index(i), format!("`{kind}` is listed twice"))
                        .help = Some("give weights instead to ask some kinds more often: `kinds: { multiple-choice: 2, cloze: 1 }`".into());
                } else {
                    seen.push((*kind, 1));
                }
            }
            seen
        }
        RawKinds::Weights(weights) => weights
            .iter()
            .filter(|(_, w)| **w > 0)
            .map(|(k, w)| (*k, *w))
            .collect(),
    };
    if list.is_empty() {
        reader.error_at(at, "`kinds:` asks for no kind of question").help = Some(
            "name at least one kind: flashcard, cloze, multiple-choice, true-false, matching, timeline, who".into(),
        );
        return None;
    }
    let mut list = list;
    list.sort_by_key(|(k, _)| QuestionKind::ALL.iter().position(|a| a == k));
    Some(list)
}

/// `include_tags:` or `exclude_tags:`, each tag checked.
fn quiz_tags(tags: &[Text], at: &Path, reader: &mut Reader<'_, '_>) -> Vec<String> {
    let mut out = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let tag = clean(tag);
        if let Some(problem) = tag_problem(&tag) {
            reader
                .error_at(&at.index(i), format!("tag `{}` {problem}", short(&tag)))
                .help = Some("tags are single words; join words with hyphens".into());
        }
        out.push(tag);
    }
    out
}

/// The ids of `exclude:` or `pin:` added to `list` (without repeats), each shaped like a
/// generated question's id.
fn question_refs(
    list: &mut Vec<QuestionRef>,
    ids: &[Text],
    at: &Path,
    reader: &mut Reader<'_, '_>,
) {
    for (i, id) in ids.iter().enumerate() {
        let item = at.index(i);
        let id = id.as_str().trim().to_owned();
        if id.split(':').count() < 2 || id.contains(char::is_whitespace) {
            reader
                .error_at(&item, format!("`{id}` is not the id of a generated question"))
                .help = Some("question ids are written as in quiz.json and the generation report: the entry's id, the kind and a part, such as `fact-107-co-sponsors:multiple-choice:blank-1`".into());
            continue;
        }
        let origin = reader.file.location(reader.index.value(&item).pos);
        if !list.iter().any(|q| q.id == id) {
            list.push(QuestionRef { id, origin });
        }
    }
}

/// Reports each question both pinned and excluded.
fn pinned_and_excluded(quiz: &QuizSettings, reader: &mut Reader<'_, '_>) {
    for pinned in &quiz.pin {
        if let Some(excluded) = quiz.exclude.iter().find(|q| q.id == pinned.id) {
            reader.diags.push(
                Diagnostic::error(
                    pinned.origin.clone(),
                    format!("question `{}` is both pinned and excluded", pinned.id),
                )
                .with_note(excluded.origin.clone(), "it is excluded here")
                .with_help("keep it in one of `pin:` and `exclude:`"),
            );
        }
    }
}

/// What a deck file says for all its entries: its tags (each checked, without repeats), its
/// quiz settings over the course's, and its language.
fn deck_settings(
    raw: &RawDeck,
    course_quiz: &QuizSettings,
    reader: &mut Reader<'_, '_>,
) -> (Vec<String>, QuizSettings, Option<String>) {
    let mut tags = Vec::new();
    for (i, tag) in raw.tags.iter().flatten().enumerate() {
        let tag = clean(tag);
        if let Some(problem) = tag_problem(&tag) {
            reader
                .error_at(
                    &Path::top("tags").index(i),
                    format!("tag `{}` {problem}", short(&tag)),
                )
                .help = Some("tags are single words; join words with hyphens".into());
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let quiz = merge_quiz(course_quiz, raw.quiz.as_ref(), &Path::top("quiz"), reader);
    let language = raw.language.as_ref().map(clean);
    if let Some(language) = &language
        && !is_language_code(language)
    {
        reader
            .error_at(
                &Path::top("language"),
                format!("`{language}` is not a language code"),
            )
            .help = Some(
            "use a code such as `en` or `ru`, or remove `language:` to use the course's".into(),
        );
    }
    (tags, quiz, language)
}

/// The course's `classes:`: each a name (like an id) and its values, without repeats.
fn read_classes(raw: &RawCourse, reader: &mut Reader<'_, '_>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (name, values) in raw.classes.iter().flatten() {
        let at = Path::top("classes").key(name);
        if !is_valid_id(name) {
            reader
                .error_at_key(&at, format!("`{name}` is not a valid class name"))
                .help = Some(format!(
                "use lowercase letters, digits and hyphens, such as `{}`",
                slug(name, 4)
            ));
            continue;
        }
        if VALUE_TYPES.contains(&name.as_str()) {
            reader
                .error_at_key(
                    &at,
                    format!("`{name}` is a built-in type, not a class name"),
                )
                .help = Some(format!(
                "blanks of type `{name}` get wrong options of that type by themselves; name the class for what its values are, such as `{name}-of-the-course`"
            ));
            continue;
        }
        let mut list: Vec<String> = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let value = clean(value);
            if list
                .iter()
                .any(|v| normalize_answer(v) == normalize_answer(&value))
            {
                reader
                    .warning_at(
                        &at.index(i),
                        format!("\"{value}\" is listed twice in class `{name}`"),
                    )
                    .help = Some("remove the repeat".into());
                continue;
            }
            list.push(value);
        }
        if list.len() < 2 {
            reader
                .error_at(&at, format!("class `{name}` has fewer than 2 values"))
                .help = Some("a class gives wrong options for its values: list the answer and at least one more value of the same kind".into());
            continue;
        }
        out.insert(name.clone(), list);
    }
    out
}

/// Warns when two entries share what a question would ask for: a person's role, a term's
/// meaning, an organization's description. "Who is …?" or "Which term means …?" would then
/// have two right answers, so such questions are not made.
fn check_shared_answers(decks: &[Deck], diags: &mut Diagnostics) {
    let mut seen: HashMap<(&str, String), &Entry> = HashMap::new();
    for entry in decks.iter().flat_map(|d| &d.entries) {
        let (what, text) = match &entry.kind {
            EntryKind::Person(p) => ("role", &p.role),
            EntryKind::Term(t) => ("meaning", &t.meaning),
            EntryKind::Organization(o) => ("description", &o.description),
            _ => continue,
        };
        let key = (what, crate::names::comparable(text));
        match seen.get(&key) {
            Some(first) => diags.push(
                Diagnostic::warning(
                    entry.origin.clone(),
                    format!(
                        "`{}` has the same {what} as `{}`",
                        entry.id, first.id
                    ),
                )
                .with_note(first.origin.clone(), "the other entry is")
                .with_help(format!(
                    "a question that gives the {what} would have two right answers, so none is made: make each {what} say what sets the entry apart"
                )),
            ),
            None => {
                seen.insert(key, entry);
            }
        }
    }
}

/// What `source: none` says: no source, on purpose. No source can have this id.
const NO_SOURCE: &str = "none";

/// A `source:` in course.yaml or a deck file, for the entries that name none.
#[derive(Clone)]
enum DefaultSource {
    /// `source: none`: the entries have no source, on purpose.
    NoSource,
    /// The citations each such entry gets (where the default is written).
    Cite(Vec<Citation>),
}

/// Checks and converts entries, remembering what needs checking across decks.
struct Builder<'d> {
    diags: &'d mut Diagnostics,
    /// course.yaml's `source:`, if it has one.
    course_default: Option<DefaultSource>,
    /// The `source:` of the deck being read, if it has one.
    deck_default: Option<DefaultSource>,
    /// Where course.yaml's `quiz:` is, if it has one.
    course_quiz_origin: Option<Location>,
    sources: &'d [Source],
    /// The course's classes, for blanks that name one as their type.
    classes: &'d BTreeMap<String, Vec<String>>,
    /// Each source's place in `sources`, by id.
    source_index: HashMap<String, usize>,
    /// Ids of sources that could not be read: citing them is not a second mistake.
    broken_sources: &'d HashSet<String>,
    /// Whether sources.yaml was read (if not, no citation can be checked).
    sources_complete: bool,
    /// Every entry id seen, with where it was defined (entries with mistakes included).
    ids: HashMap<String, Location>,
    /// Ids of sources some entry cites.
    cited: BTreeSet<String>,
    /// `see:` links to check once every deck is read: (from entry, to id, where written).
    links: Vec<(String, String, Location, Option<Snippet>)>,
    /// Quiz tag filters to check against the tags in use: (tag, where written).
    tag_uses: Vec<(String, Location, Option<Snippet>)>,
    /// Whether every deck file could be parsed and its entries listed.
    decks_complete: bool,
    /// Whether every entry was read without a mistake in its keys.
    entries_complete: bool,
    /// "Did you mean" suggestions worked out so far: each compares a name with every id of
    /// the course, so past a limit they are left out (the diagnostics could not all be
    /// shown anyway).
    suggestions: usize,
}

/// "Did you mean" suggestions worked out per run for unknown sources and entries.
const MAX_SUGGESTIONS: usize = 200;

impl<'d> Builder<'d> {
    fn new(
        diags: &'d mut Diagnostics,
        sources: &'d SourcesRead,
        sources_file_read: bool,
        classes: &'d BTreeMap<String, Vec<String>>,
        course_doc: Option<&Doc<'_>>,
    ) -> Builder<'d> {
        let course_quiz_origin = course_doc.and_then(|doc| {
            doc.index
                .get(&Path::top("quiz"))
                .map(|n| doc.file.location(n.key.unwrap_or(n.value).pos))
        });
        Builder {
            diags,
            course_default: None,
            deck_default: None,
            course_quiz_origin,
            sources: &sources.sources,
            classes,
            source_index: sources
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect(),
            broken_sources: &sources.broken,
            sources_complete: sources.complete && sources_file_read,
            ids: HashMap::new(),
            cited: BTreeSet::new(),
            links: Vec::new(),
            tag_uses: Vec::new(),
            decks_complete: true,
            entries_complete: true,
            suggestions: 0,
        }
    }

    /// The checks across decks, once every deck is read: `see:` links, quotes' speakers,
    /// quiz tag filters, shared answers. The ids of the sources some entry cites, and
    /// whether every entry was read (only then can what no entry uses be told).
    fn check_across(mut self, decks: &mut [Deck]) -> (BTreeSet<String>, bool) {
        self.resolve_links(decks);
        let complete = self.decks_complete && self.entries_complete;
        if complete {
            self.check_quiz_tags(decks);
        }
        check_shared_answers(decks, self.diags);
        (self.cited, complete)
    }
}

impl Builder<'_> {
    fn deck(
        &mut self,
        id: &str,
        file: &SourceFile,
        doc: Option<Doc<'_>>,
        course_quiz: &QuizSettings,
        course_cards: &CardSettings,
    ) -> Option<Deck> {
        self.deck_default = None;
        let Some(doc) = doc else {
            self.decks_complete = false;
            return None;
        };
        let Some(raw): Option<RawDeck> =
            reader(&doc, self.diags).read(&doc.root, &Path::root(), "the deck")
        else {
            // The deck cannot be built, but its entries are still read: their own mistakes
            // are found now, and links to them are not taken for mistakes. Its `source:`
            // still counts for them, so that they are not said to cite no source and the
            // sources it cites are not said to be never cited; if it cannot be read either
            // (its mistake is reported), neither is said.
            if let Some(value) = doc.root.get("source") {
                match serde_yaml::from_value::<RawSourceRefs>(value.clone()) {
                    Ok(refs) => self.deck_default = Some(self.default_source(&doc, &refs)),
                    Err(_) => {
                        self.deck_default = Some(DefaultSource::NoSource);
                        self.decks_complete = false;
                    }
                }
            }
            match doc.root.get("entries") {
                Some(Value::Sequence(values)) => {
                    let limit = values.len().min(MAX_ENTRIES_PER_DECK);
                    self.entries(&doc, &values[..limit], &[]);
                }
                _ => self.decks_complete = false,
            }
            return None;
        };
        let (deck_tags, mut quiz, language) =
            deck_settings(&raw, course_quiz, &mut reader(&doc, self.diags));
        self.deck_default = raw
            .source
            .as_ref()
            .map(|refs| self.default_source(&doc, refs));
        self.note_tag_uses(&doc, &quiz);
        let cards = CardSettings {
            reverse: raw
                .cards
                .as_ref()
                .and_then(|c| c.reverse)
                .unwrap_or(course_cards.reverse),
        };
        if raw.entries.is_empty() {
            reader(&doc, self.diags)
                .error_at_key(&Path::top("entries"), "the deck has no entries")
                .help = Some(
                "add entries under `entries:`, each starting with its kind, such as `- term: OEWG`"
                    .into(),
            );
        }
        if doc
            .root
            .get("entries")
            .and_then(Value::as_sequence)
            .is_some_and(|all| all.len() > raw.entries.len())
        {
            // Past the limit: the rest were not read.
            self.decks_complete = false;
        }
        let entries = self.entries(&doc, &raw.entries, &deck_tags);
        quiz.fit_kinds(&entries);
        let quiz_origin = doc
            .index
            .get(&Path::top("quiz"))
            .map(|n| file.location(n.key.unwrap_or(n.value).pos))
            .or_else(|| self.course_quiz_origin.clone())
            .unwrap_or_else(|| file.location(Pos::START));
        Some(Deck {
            id: id.to_owned(),
            quiz_origin,
            title: clean(&raw.title),
            short: raw
                .short
                .as_ref()
                .map(clean)
                .unwrap_or_else(|| clean(&raw.title)),
            description: raw.description.as_ref().map(clean),
            language,
            tags: deck_tags,
            entries,
            quiz,
            cards,
            file: file.path().to_owned(),
        })
    }

    /// A `source:` of course.yaml or of a deck file (`doc`), for its entries that name none.
    fn default_source(&mut self, doc: &Doc<'_>, refs: &RawSourceRefs) -> DefaultSource {
        let mut ok = true;
        let mut reader = reader(doc, self.diags);
        let cited = citations(
            &Known {
                sources: self.sources,
                index: &self.source_index,
                broken: self.broken_sources,
                complete: self.sources_complete,
            },
            &mut self.cited,
            &mut self.suggestions,
            &mut reader,
            Some(refs),
            &Path::root(),
            &mut ok,
        );
        if says_none(refs) {
            DefaultSource::NoSource
        } else {
            DefaultSource::Cite(cited)
        }
    }

    /// Reads and converts a deck's entries; those with mistakes are reported and left out.
    fn entries(&mut self, doc: &Doc<'_>, values: &[Value], deck_tags: &[String]) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let path = Path::top("entries").index(i);
            let errors_before = self.diags.error_count();
            let raw_entry = {
                let mut reader = Reader {
                    file: doc.file,
                    index: &doc.index,
                    diags: self.diags,
                };
                reader.read_entry(value, &path)
            };
            let clean_read = self.diags.error_count() == errors_before;
            if !clean_read {
                self.entries_complete = false;
            }
            match raw_entry {
                Some(raw_entry) => match self.entry(doc, raw_entry, deck_tags, clean_read) {
                    Some(entry) => entries.push(entry),
                    None => self.entries_complete = false,
                },
                None => {
                    // Links to it are not a second mistake.
                    if let Some(id) = value.get("id").and_then(Value::as_str) {
                        self.ids
                            .entry(id.trim().to_owned())
                            .or_insert_with(|| doc.file.location(doc.index.value(&path).pos));
                    }
                }
            }
        }
        entries
    }

    /// Converts one entry; `clean_read` says whether reading it gave no errors (if it did, a
    /// missing source is probably a misspelled `source:` key, already reported).
    fn entry(
        &mut self,
        doc: &Doc<'_>,
        raw: RawEntry,
        deck_tags: &[String],
        clean_read: bool,
    ) -> Option<Entry> {
        let path = &raw.path;
        let (kind, kind_ok) =
            entries::kind(&mut reader(doc, self.diags), raw.kind, path, self.classes)?;
        let (id, explicit_id, id_ok) = self.entry_id(doc, raw.common.id.as_ref(), &kind, path);
        let (tags, tags_ok) = entries::tags(
            &mut reader(doc, self.diags),
            deck_tags,
            raw.common.tags.as_deref(),
            path,
        );
        let mut cited_ok = true;
        let mut reader = reader(doc, self.diags);
        let mut citations = citations(
            &Known {
                sources: self.sources,
                index: &self.source_index,
                broken: self.broken_sources,
                complete: self.sources_complete,
            },
            &mut self.cited,
            &mut self.suggestions,
            &mut reader,
            raw.common.source.as_ref(),
            path,
            &mut cited_ok,
        );
        if raw.common.source.is_none() {
            match self.deck_default.as_ref().or(self.course_default.as_ref()) {
                Some(DefaultSource::Cite(cited)) => citations.clone_from(cited),
                Some(DefaultSource::NoSource) => {}
                None if clean_read => {
                    let kind_name = entries::kind_name(&kind);
                    reader
                        .warning_at(path, format!("this {kind_name} entry cites no source"))
                        .help = Some("add `source:` with the id of a source in sources.yaml (`source: { id: ..., quote: \"...\" }`), or give the deck or course.yaml a `source:` for every entry that names none; `source: none` says there is none".into());
                }
                None => {}
            }
        }
        let origin = reader.file.location(reader.index.value(path).pos);
        let see = self.note_links(doc, &id, raw.common.see.as_deref(), path);
        (kind_ok && id_ok && tags_ok && cited_ok).then(|| Entry {
            id,
            explicit_id,
            kind,
            tags,
            citations,
            explain: raw.common.explain.as_ref().map(clean),
            note: raw.common.note.as_ref().map(clean),
            see,
            origin,
        })
    }

    /// An entry's id, written (and checked) or derived from its main text, unique in the
    /// course: (id, whether written, whether all is well).
    fn entry_id(
        &mut self,
        doc: &Doc<'_>,
        written: Option<&Text>,
        kind: &EntryKind,
        path: &Path,
    ) -> (String, bool, bool) {
        let mut reader = reader(doc, self.diags);
        let mut ok = true;
        let (id, explicit_id) = match written {
            Some(id) => {
                let id = id.as_str().trim().to_owned();
                if !is_valid_id(&id) {
                    reader
                        .error_at(
                            &path.key("id"),
                            format!("`{}` is not a valid id", short(&id)),
                        )
                        .help = Some(format!(
                        "use lowercase letters, digits and single hyphens, such as `{}`",
                        slug(&id, 8)
                    ));
                    ok = false;
                }
                (id, true)
            }
            None => (entries::derived_id(kind), false),
        };
        let id_place = if explicit_id {
            reader.index.value(&path.key("id"))
        } else {
            reader.index.value(path)
        };
        let id_location = reader.file.location(id_place.pos);
        if let Some(first) = self.ids.get(&id) {
            let message = format!("id `{}` is used twice in the course", short(&id));
            let help = if explicit_id {
                "ids must be unique across the course: choose another".to_owned()
            } else {
                "this id was made from the entry's text; give one of the two entries its own `id:`, or remove the repeat".to_owned()
            };
            let diagnostic = reader
                .file
                .error(id_place.pos, id_place.width, message)
                .with_note(first.clone(), "the first entry with this id is")
                .with_help(help);
            reader.diags.push(diagnostic);
            ok = false;
        } else {
            self.ids.insert(id.clone(), id_location);
        }
        (id, explicit_id, ok)
    }

    /// Remembers an entry's `see:` links, to check once every deck is read; the targets.
    fn note_links(
        &mut self,
        doc: &Doc<'_>,
        id: &str,
        see: Option<&[Text]>,
        path: &Path,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, target) in see.into_iter().flatten().enumerate() {
            let target = target.as_str().trim().to_owned();
            let place = doc.index.value(&path.key("see").index(i));
            self.links.push((
                id.to_owned(),
                target.clone(),
                doc.file.location(place.pos),
                doc.file.snippet(place.pos, place.width),
            ));
            out.push(target);
        }
        out
    }

    /// Checks `see:` links and links quotes to the person entries they name.
    fn resolve_links(&mut self, decks: &mut [Deck]) {
        // Every id the course defines, those of entries with mistakes included: a link to
        // one of them is not a second mistake.
        let mut known: Vec<&str> = self.ids.keys().map(String::as_str).collect();
        known.sort_unstable();
        for (from, to, location, snippet) in std::mem::take(&mut self.links) {
            if self.ids.contains_key(to.as_str()) {
                if from == to {
                    self.diags.push(
                        Diagnostic::warning(
                            location,
                            format!("entry `{}` refers to itself", short(&from)),
                        )
                        .with_snippet(snippet)
                        .with_help("remove it from `see:`"),
                    );
                }
                continue;
            }
            if !self.decks_complete {
                // The entry may be in a deck that could not be read.
                continue;
            }
            let suggestion =
                if self.suggestions < MAX_SUGGESTIONS && !self.diags.is_full(&location.file) {
                    self.suggestions += 1;
                    did_you_mean(&to, known.iter().copied())
                } else {
                    None
                };
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => "`see:` takes ids of entries in this course".into(),
            };
            self.diags.push(
                Diagnostic::error(location, format!("unknown entry `{}`", short(&to)))
                    .with_snippet(snippet)
                    .with_help(help),
            );
        }
        let persons: Vec<(String, Vec<String>)> = decks
            .iter()
            .flat_map(|d| d.entries.iter())
            .filter_map(|e| match &e.kind {
                EntryKind::Person(p) => Some((
                    e.id.clone(),
                    std::iter::once(p.name.clone())
                        .chain(p.aliases.iter().cloned())
                        .collect(),
                )),
                _ => None,
            })
            .collect();
        // Looked up once per quote: by the person's id, else by any of their names.
        let person_ids: HashMap<&str, &str> = persons
            .iter()
            .map(|(id, _)| (id.as_str(), id.as_str()))
            .collect();
        let mut person_names: HashMap<String, &str> = HashMap::new();
        for (id, names) in &persons {
            for name in names {
                person_names
                    .entry(normalize_answer(name))
                    .or_insert(id.as_str());
            }
        }
        for deck in decks.iter_mut() {
            for entry in &mut deck.entries {
                if let EntryKind::Quote(q) = &mut entry.kind {
                    let by = normalize_answer(&q.by);
                    q.person = person_ids
                        .get(q.by.as_str())
                        .or_else(|| person_names.get(&by))
                        .map(|id| (*id).to_owned());
                    if q.person.is_none() {
                        let names = persons
                            .iter()
                            .flat_map(|(_, n)| n.iter().map(String::as_str));
                        if let Some(close) = did_you_mean(&q.by, names)
                            && normalize_answer(close) != by
                        {
                            self.diags.push(
                                Diagnostic::warning(
                                    entry.origin.clone(),
                                    format!("`by: {}` is not the name of any person entry", q.by),
                                )
                                .with_help(format!("did you mean \"{close}\"? With the exact name, \"who said it\" questions can offer other people as options")),
                            );
                        }
                    }
                }
            }
        }
    }

    /// Remembers the quiz tag filters written in `doc`, to check once all tags are known.
    fn note_tag_uses(&mut self, doc: &Doc<'_>, quiz: &QuizSettings) {
        for (key, tags) in [
            ("include_tags", &quiz.include_tags),
            ("exclude_tags", &quiz.exclude_tags),
        ] {
            for (i, tag) in tags.iter().enumerate() {
                let path = Path::top("quiz").key(key).index(i);
                if doc.index.get(&path).is_some() && tag_problem(tag).is_none() {
                    let place = doc.index.value(&path);
                    self.tag_uses.push((
                        tag.clone(),
                        doc.file.location(place.pos),
                        doc.file.snippet(place.pos, place.width),
                    ));
                }
            }
        }
    }

    /// Warns about quiz tag filters that no entry could match.
    fn check_quiz_tags(&mut self, decks: &[Deck]) {
        let used: BTreeSet<&str> = decks
            .iter()
            .flat_map(|d| {
                d.entries
                    .iter()
                    .flat_map(|e| e.tags.iter().map(String::as_str))
            })
            .collect();
        for (tag, location, snippet) in std::mem::take(&mut self.tag_uses) {
            if !used.contains(tag.as_str()) {
                let help = did_you_mean(&tag, used.iter().copied()).map_or_else(
                    || "no entry in the course has this tag".to_owned(),
                    |s| format!("did you mean `{s}`?"),
                );
                self.diags.push(
                    Diagnostic::warning(location, format!("no entry has the tag `{tag}`"))
                        .with_snippet(snippet)
                        .with_help(help),
                );
            }
        }
    }
}

/// Whether a `source:` is `none` alone: no source, on purpose.
fn says_none(refs: &RawSourceRefs) -> bool {
    matches!(refs.0.as_slice(), [only] if only.id.as_str().trim() == NO_SOURCE
        && only.quote.is_none() && only.paragraph.is_none() && only.page.is_none())
}

/// A reader of `doc` reporting into `diags`.
fn reader<'a, 'd>(doc: &'a Doc<'_>, diags: &'d mut Diagnostics) -> Reader<'a, 'd> {
    Reader {
        file: doc.file,
        index: &doc.index,
        diags,
    }
}

/// The sources citations are checked against.
struct Known<'a> {
    sources: &'a [Source],
    index: &'a HashMap<String, usize>,
    broken: &'a HashSet<String>,
    /// Whether sources.yaml was read: if not, no citation can be checked.
    complete: bool,
}

/// The error for a citation of a source sources.yaml does not define, with the source meant
/// (once it is suggested, it counts as cited) or the list of sources.
fn unknown_source(
    known: &Known<'_>,
    cited: &mut BTreeSet<String>,
    suggestions: &mut usize,
    reader: &mut Reader<'_, '_>,
    id: &str,
    id_path: &Path,
) {
    let ids = || known.sources.iter().map(|s| s.id.as_str());
    let suggestion = if *suggestions < MAX_SUGGESTIONS && !reader.is_full() {
        *suggestions += 1;
        did_you_mean(id, ids())
    } else {
        None
    };
    let help = match suggestion {
        Some(s) => {
            // The source meant is cited, if misspelt: not "never cited" as well.
            cited.insert(s.to_owned());
            format!("did you mean `{s}`?")
        }
        None if known.sources.is_empty() => "sources.yaml defines no sources".into(),
        None => format!("the sources are: {}", listing(ids(), 20)),
    };
    reader
        .error_at(id_path, format!("unknown source `{}`", short(id)))
        .help = Some(help);
}

/// A citation's one locator (`quote:`, `paragraph:` or `page:`), if it gives one; more than
/// one, or paragraph 0, is an error (and clears `ok`).
fn locator(
    reader: &mut Reader<'_, '_>,
    r: &RawSourceRef,
    item: &Path,
    ok: &mut bool,
) -> Option<Locator> {
    let given = [r.quote.is_some(), r.paragraph.is_some(), r.page.is_some()]
        .iter()
        .filter(|g| **g)
        .count();
    if given > 1 {
        reader
            .error_at(item, "a citation has more than one locator")
            .help = Some(
            "give one of `quote:`, `paragraph:` or `page:`; cite the source twice for two places"
                .into(),
        );
        *ok = false;
    }
    match (&r.quote, r.paragraph, &r.page) {
        (Some(q), _, _) => Some(Locator::Quote(clean(q))),
        (None, Some(0), _) => {
            reader
                .error_at(&item.key("paragraph"), "paragraphs are counted from 1")
                .help = Some("the first paragraph of the source is `paragraph: 1`".into());
            *ok = false;
            None
        }
        (None, Some(p), _) => Some(Locator::Paragraph(p)),
        (None, None, Some(page)) => Some(Locator::Page(clean(page))),
        (None, None, None) => None,
    }
}

fn citations(
    known: &Known<'_>,
    cited: &mut BTreeSet<String>,
    suggestions: &mut usize,
    reader: &mut Reader<'_, '_>,
    refs: Option<&RawSourceRefs>,
    path: &Path,
    ok: &mut bool,
) -> Vec<Citation> {
    let Some(refs) = refs else { return Vec::new() };
    let base = path.key("source");
    let listed = reader.index.get(&base.index(0)).is_some();
    if says_none(refs) {
        return Vec::new();
    }
    if let Some(i) = refs
        .0
        .iter()
        .position(|r| r.id.as_str().trim() == NO_SOURCE)
    {
        let item = if listed { base.index(i) } else { base.clone() };
        reader
            .error_at(&item, "`none` cannot stand with a source or a locator")
            .help = Some("write `source: none` alone, for no source, or name the sources".into());
        *ok = false;
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, r) in refs.0.iter().enumerate() {
        let item = if listed { base.index(i) } else { base.clone() };
        let id = r.id.as_str().trim().to_owned();
        let id_path = if reader.index.get(&item.key("id")).is_some() {
            item.key("id")
        } else {
            item.clone()
        };
        if !known.index.contains_key(&id) {
            // Already reported where the source is, or sources.yaml could not be read.
            if known.complete && !known.broken.contains(&id) {
                unknown_source(known, cited, suggestions, reader, &id, &id_path);
            }
            *ok = false;
            continue;
        }
        cited.insert(id.clone());
        let locator = locator(reader, r, &item, ok);
        // A quote is pointed at by its own text, so that a check of it lands there.
        let quote_at = item.key("quote");
        let at = if reader.index.get(&quote_at).is_some() {
            quote_at
        } else {
            item.clone()
        };
        let origin = reader.file.location(reader.index.value(&at).pos);
        out.push(Citation {
            source: id,
            locator,
            origin,
        });
    }
    out
}
