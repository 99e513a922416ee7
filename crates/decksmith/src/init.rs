//! `decksmith init` and `decksmith schemas`: a new course folder that builds at once, and the
//! JSON Schemas editors read.
//!
//! The starter course is compiled in from `crates/decksmith/starter/<language>/`, so the
//! binary needs nothing beside it; the schemas are [`decksmith_model::schema::schema_files`],
//! the same text `content/schemas/` holds.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use decksmith_model::schema::schema_files;

/// The languages a starter course comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarterLanguage {
    /// English.
    English,
    /// Russian.
    Russian,
}

/// The files of the English starter course, by path inside the course folder.
const ENGLISH: &[(&str, &str)] = &[
    ("course.yaml", include_str!("../starter/en/course.yaml")),
    ("sources.yaml", include_str!("../starter/en/sources.yaml")),
    (
        "decks/double-helix.yaml",
        include_str!("../starter/en/decks/double-helix.yaml"),
    ),
];

/// The files of the Russian starter course.
const RUSSIAN: &[(&str, &str)] = &[
    ("course.yaml", include_str!("../starter/ru/course.yaml")),
    ("sources.yaml", include_str!("../starter/ru/sources.yaml")),
    (
        "decks/double-helix.yaml",
        include_str!("../starter/ru/decks/double-helix.yaml"),
    ),
];

/// The folder of the schemas inside a course folder, as the files' first lines name it.
pub const SCHEMAS: &str = "schemas";

/// Why a folder could not be made into a course, or given its schemas.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and holds something: `init` never writes over a teacher's files.
    NotEmpty {
        /// The folder, as the user named it.
        dir: PathBuf,
        /// One of the things in it, to show.
        example: String,
    },
    /// The path names something that is not a folder.
    NotAFolder(PathBuf),
    /// `schemas` was pointed at a folder that does not exist.
    Missing(PathBuf),
    /// A folder or file could not be made or written.
    Io {
        /// What could not be written.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::NotEmpty { dir, example } => write!(
                f,
                "the folder `{}` is not empty (it holds `{example}`)",
                dir.display()
            ),
            InitError::NotAFolder(path) => write!(f, "`{}` is not a folder", path.display()),
            InitError::Missing(path) => {
                write!(f, "the course folder `{}` does not exist", path.display())
            }
            InitError::Io { path, error } => {
                write!(f, "failed to write {} ({error})", path.display())
            }
        }
    }
}

impl std::error::Error for InitError {}

impl InitError {
    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            InitError::NotEmpty { .. } => {
                "give the name of a new folder (decksmith init my-course), or empty this one; nothing was written"
            }
            InitError::NotAFolder(_) => "give the name of a new folder; nothing was written",
            InitError::Missing(_) => {
                "give the folder that holds course.yaml (decksmith schemas my-course), or make a new course with decksmith init"
            }
            InitError::Io { .. } => "check that you can write in that folder",
        }
    }
}

/// Makes a new course in `dir`: `course.yaml`, `sources.yaml`, one deck with every kind of
/// entry, and the schemas. `dir` is made if missing; an existing folder must be empty.
/// Returns the files written, relative to `dir`.
pub fn init(dir: &Path, language: StarterLanguage) -> Result<Vec<String>, InitError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if let Some(entry) = entries.next() {
                let example = match entry {
                    Ok(entry) => entry.file_name().to_string_lossy().into_owned(),
                    Err(_) => String::from("…"),
                };
                return Err(InitError::NotEmpty {
                    dir: dir.to_owned(),
                    example,
                });
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if dir.symlink_metadata().is_ok() {
                // A dangling symbolic link, or some other thing that is not a folder.
                return Err(InitError::NotAFolder(dir.to_owned()));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            return Err(InitError::NotAFolder(dir.to_owned()));
        }
        Err(error) => {
            return Err(InitError::Io {
                path: dir.to_owned(),
                error,
            });
        }
    }
    let files = match language {
        StarterLanguage::English => ENGLISH,
        StarterLanguage::Russian => RUSSIAN,
    };
    let mut written = Vec::new();
    for (name, text) in files {
        write_new(&dir.join(name), text.as_bytes())?;
        written.push((*name).to_owned());
    }
    for (name, text) in schema_files() {
        write_new(&dir.join(SCHEMAS).join(name), text.as_bytes())?;
        written.push(format!("{SCHEMAS}/{name}"));
    }
    Ok(written)
}

/// A file's name and whether writing it changed anything.
#[derive(Debug, PartialEq, Eq)]
pub struct SchemaWrite {
    /// The path relative to the course folder (`schemas/deck.schema.json`).
    pub name: String,
    /// False when the file already held exactly this text.
    pub changed: bool,
}

/// Writes the JSON Schemas into `dir/schemas/`, replacing older ones. `dir` is a course
/// folder and must exist.
pub fn write_schemas(dir: &Path) -> Result<Vec<SchemaWrite>, InitError> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(InitError::NotAFolder(dir.to_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(InitError::Missing(dir.to_owned()));
        }
        Err(error) => {
            return Err(InitError::Io {
                path: dir.to_owned(),
                error,
            });
        }
    }
    let folder = dir.join(SCHEMAS);
    fs::create_dir_all(&folder).map_err(|error| InitError::Io {
        path: folder.clone(),
        error,
    })?;
    let mut written = Vec::new();
    for (name, text) in schema_files() {
        let path = folder.join(name);
        let changed = fs::read(&path).ok().as_deref() != Some(text.as_bytes());
        if changed {
            fs::write(&path, text).map_err(|error| InitError::Io {
                path: path.clone(),
                error,
            })?;
        }
        written.push(SchemaWrite {
            name: format!("{SCHEMAS}/{name}"),
            changed,
        });
    }
    Ok(written)
}

/// Writes a file that must not exist yet, making its folder: `init` never replaces a file,
/// even one that appeared while it ran.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), InitError> {
    let io_error = |error| InitError::Io {
        path: path.to_owned(),
        error,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)
}

#[cfg(test)]
mod tests;
