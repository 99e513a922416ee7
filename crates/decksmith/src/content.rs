//! Reading a course folder from disk: the only place content files are opened.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use decksmith_html::Theme;
use decksmith_model::quotes::{SourceText, check_quotes};
use decksmith_model::source::MAX_FILE_BYTES;
use decksmith_model::{ContentInput, Course, Diagnostic, Diagnostics, Location, Pos, SourceFile};
use decksmith_pdf::logo::Logo;

/// Where a course folder is, and how to show its paths in messages.
#[derive(Clone, Debug)]
pub struct ContentDir {
    /// The folder on disk.
    pub path: PathBuf,
    /// The folder as the user named it, for messages (`content`, `../course`).
    pub display: String,
}

impl ContentDir {
    /// A course folder, shown in messages as given.
    pub fn new(path: impl Into<PathBuf>) -> ContentDir {
        let path = path.into();
        let display = path.display().to_string().replace('\\', "/");
        let display = display.trim_end_matches('/').to_owned();
        ContentDir {
            path,
            display: if display.is_empty() {
                ".".into()
            } else {
                display
            },
        }
    }

    fn show(&self, relative: &str) -> String {
        if self.display == "." {
            relative.to_owned()
        } else {
            format!("{}/{relative}", self.display)
        }
    }
}

/// Reads `course.yaml`, `sources.yaml` and every `decks/*.yaml` of a course folder. Every file
/// that cannot be read is a diagnostic; all of them are reported together.
pub fn read_content(dir: &ContentDir) -> Result<ContentInput, Diagnostics> {
    let mut diags = Diagnostics::new();
    if !dir.path.is_dir() {
        diags.push(
            Diagnostic::error(
                at(&dir.display),
                format!("the course folder `{}` does not exist", dir.display),
            )
            .with_help(
                "point --content at the folder that holds course.yaml, sources.yaml and decks/",
            ),
        );
        return Err(diags);
    }
    let course = read_one(dir, "course.yaml", &mut diags);
    let sources = read_one(dir, "sources.yaml", &mut diags);
    let mut decks = Vec::new();
    let decks_dir = dir.path.join("decks");
    match deck_files(&decks_dir) {
        Ok(names) => {
            for name in names {
                if let Some(file) = read_one(dir, &format!("decks/{name}"), &mut diags) {
                    decks.push(file);
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => diags.push(
            Diagnostic::error(
                at(&dir.show("decks")),
                format!("the course has no `decks` folder in `{}`", dir.display),
            )
            .with_help("create it and put one YAML file per deck in it"),
        ),
        Err(e) => diags.push(Diagnostic::error(
            at(&dir.show("decks")),
            format!("failed to list the decks folder ({e})"),
        )),
    }
    match (course, sources) {
        (Some(course), Some(sources)) if !diags.has_errors() => Ok(ContentInput {
            course,
            sources,
            decks,
        }),
        _ => Err(diags),
    }
}

/// Checks the course's `quote:` locators against the sources that name a text with `file:`:
/// a missing or unreadable file is an error at its `file:`, a quote not found (or found more
/// than once) a warning at the citation.
pub fn check_source_quotes(dir: &ContentDir, course: &Course) -> Vec<Diagnostic> {
    let mut texts = BTreeMap::new();
    let mut out = Vec::new();
    for source in &course.sources {
        let Some((relative, origin)) = &source.file else {
            continue;
        };
        let shown = dir.show(relative);
        match fs::read(dir.path.join(relative)) {
            Ok(bytes) => match SourceFile::decode(shown.clone(), &bytes) {
                Ok(file) => {
                    texts.insert(
                        source.id.clone(),
                        SourceText {
                            file: shown,
                            text: file.text().to_owned(),
                        },
                    );
                }
                Err(diagnostic) => out.push(
                    Diagnostic::error(
                        origin.clone(),
                        format!("the text of source `{}` cannot be read: {}", source.id, diagnostic.message),
                    )
                    .with_help("save the source's text as plain UTF-8 text or Markdown"),
                ),
            },
            Err(e) => out.push(
                Diagnostic::error(
                    origin.clone(),
                    format!("failed to read `{shown}`, the text of source `{}` ({})", source.id, io_reason(&e)),
                )
                .with_help("`file:` is a path relative to the course folder; check its spelling, or remove `file:` to skip checking this source's quotes"),
            ),
        }
    }
    out.extend(check_quotes(course, &texts));
    out
}

/// The deck file names in `dir`, sorted: `*.yaml` and `*.yml`, not hidden.
fn deck_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if yaml && !name.starts_with('.') && entry.file_type()?.is_file() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn read_one(dir: &ContentDir, relative: &str, diags: &mut Diagnostics) -> Option<SourceFile> {
    let shown = dir.show(relative);
    let path = dir.path.join(relative);
    let result = fs::metadata(&path).and_then(|meta| {
        if meta.len() > MAX_FILE_BYTES as u64 {
            // Not read at all: the size on disk says enough.
            Ok(Err(meta.len()))
        } else {
            fs::read(&path).map(Ok)
        }
    });
    let result = match result {
        Ok(Err(len)) => {
            diags.push(SourceFile::too_large(shown, len));
            return None;
        }
        Ok(Ok(bytes)) => Ok(bytes),
        Err(e) => Err(e),
    };
    match result {
        Ok(bytes) => match SourceFile::decode(shown, &bytes) {
            Ok(file) => Some(file),
            Err(diagnostic) => {
                diags.push(*diagnostic);
                None
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let help = match relative {
                "course.yaml" => {
                    "every course folder needs a course.yaml with at least `title:`; is --content pointing at the right folder?"
                }
                "sources.yaml" => {
                    "every course folder needs a sources.yaml listing the documents its entries cite"
                }
                _ => "",
            };
            diags.push(
                Diagnostic::error(at(&shown), format!("`{shown}` does not exist"))
                    .with_help_opt((!help.is_empty()).then(|| help.to_owned())),
            );
            None
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                at(&shown),
                format!("failed to read `{shown}` ({})", io_reason(&e)),
            ));
            None
        }
    }
}

fn at(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        pos: Pos::START,
    }
}

/// An IO error in a few words, without the OS error number.
pub fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The theme folder's stylesheet, which the pages use after (or instead of) the built-in one.
pub const THEME_CSS: &str = "study.css";

/// Reads the course's own look: `study.css` in `theme` (`--theme DIR`), or else in the
/// course's `theme/` folder if it has one. No theme folder is no theme, and so is a course's
/// `theme/` with no stylesheet in it (it may hold just the logo); a `--theme` without a
/// `study.css`, a `theme/` whose stylesheet has another name, an unreadable `study.css` or one
/// whose text would end the page's `<style>` element is an error at that file.
pub fn read_theme(
    dir: &ContentDir,
    theme: Option<&Path>,
) -> Result<Option<Theme>, Box<Diagnostic>> {
    let (folder, shown) = match theme {
        Some(path) => (path.to_path_buf(), ContentDir::new(path).display),
        None => {
            let path = dir.path.join("theme");
            if !path.exists() {
                return Ok(None);
            }
            (path, dir.show("theme"))
        }
    };
    if !folder.is_dir() {
        return Err(Box::new(
            Diagnostic::error(
                at(&shown),
                format!("the theme folder `{shown}` does not exist"),
            )
            .with_help(format!(
                "point --theme at a folder that holds a `{THEME_CSS}`, or leave --theme out"
            )),
        ));
    }
    let file = format!("{shown}/{THEME_CSS}");
    let bytes = match fs::metadata(folder.join(THEME_CSS)).and_then(|meta| {
        if meta.len() > MAX_FILE_BYTES as u64 {
            Err(io::Error::other(format!(
                "it is {} bytes; a theme's stylesheet can be at most {MAX_FILE_BYTES}",
                meta.len()
            )))
        } else {
            fs::read(folder.join(THEME_CSS))
        }
    }) {
        Ok(bytes) => bytes,
        // The course's own `theme/` may hold only its logo; a stylesheet by another name
        // is a mistake, and so is a `--theme` without one.
        Err(e) if e.kind() == io::ErrorKind::NotFound && theme.is_none() && !has_css(&folder) => {
            return Ok(None);
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Box::new(Diagnostic::error(
                at(&file),
                format!("the theme folder `{shown}` has no `{THEME_CSS}`"),
            )
            .with_help(format!(
                "put the pages' own styles in `{file}` (see \"A course's own look\" in content/README.md), or remove the folder"
            ))));
        }
        Err(e) => {
            return Err(Box::new(Diagnostic::error(
                at(&file),
                format!("failed to read `{file}` ({})", io_reason(&e)),
            )));
        }
    };
    let Ok(css) = String::from_utf8(bytes) else {
        return Err(Box::new(
            Diagnostic::error(at(&file), format!("`{file}` is not UTF-8 text"))
                .with_help("save the stylesheet as UTF-8 in your editor"),
        ));
    };
    if let Some(offset) = Theme::closing_tag(&css) {
        let before = &css[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        return Err(Box::new(
            Diagnostic::error(
                Location {
                    file,
                    pos: Pos {
                        line: u32::try_from(line).unwrap_or(u32::MAX),
                        col: u32::try_from(col).unwrap_or(u32::MAX),
                    },
                },
                "a stylesheet cannot hold `</style`: the page would end the styles there",
            )
            .with_help("remove it; to write it inside a CSS string, escape it as `<\\/style`"),
        ));
    }
    Ok(Some(Theme::from_css(&css)))
}

/// Whether `folder` holds a `.css` file.
fn has_css(folder: &Path) -> bool {
    fs::read_dir(folder).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            Path::new(&e.file_name())
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("css"))
        })
    })
}

/// The most bytes a logo file may have: a logo is a small picture.
const MAX_LOGO_BYTES: u64 = 8 * 1024 * 1024;

/// Reads and decodes the course's `print: logo:`, if it names one: a missing, unreadable or
/// broken image is an error at `logo:`.
pub fn read_logo(dir: &ContentDir, course: &Course) -> Result<Option<Logo>, Box<Diagnostic>> {
    let Some(logo) = &course.print.logo else {
        return Ok(None);
    };
    let shown = dir.show(&logo.path);
    let error = |message: String, help: &str| {
        Box::new(Diagnostic::error(logo.origin.clone(), message).with_help(help.to_owned()))
    };
    let path = dir.path.join(&logo.path);
    let bytes = match fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => {
            return Err(error(
                format!("the logo `{shown}` is not a file"),
                "`logo:` is the path of a PNG or JPEG file, relative to the course folder",
            ));
        }
        Ok(meta) if meta.len() > MAX_LOGO_BYTES => {
            return Err(error(
                format!(
                    "the logo `{shown}` is {} bytes; a logo can be at most {MAX_LOGO_BYTES}",
                    meta.len()
                ),
                "save a smaller copy of it: a logo 9 mm high needs a few hundred pixels",
            ));
        }
        Ok(_) => fs::read(&path),
        Err(e) => Err(e),
    };
    let bytes = bytes.map_err(|e| {
        error(
            format!("failed to read the logo `{shown}` ({})", io_reason(&e)),
            "`logo:` is the path of a PNG or JPEG file, relative to the course folder; check its spelling",
        )
    })?;
    Logo::decode(&bytes).map(Some).map_err(|reason| {
        error(
            format!("the logo `{shown}` cannot be printed: {reason}"),
            "save the logo as a PNG or JPEG file (any image program can)",
        )
    })
}
