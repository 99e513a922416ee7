//! The course content model of decksmith.
//!
//! Teachers write a course as YAML: `course.yaml`, `sources.yaml` and one file per deck in
//! `decks/`. This crate reads those files from text (it does no IO: the driver hands it the
//! bytes), reports every problem with `file:line:col` and a way to fix it, and gives back a
//! validated [`Course`]. Question generation and rendering see only the types of [`course`].
//!
//! ```text
//! bytes ──SourceFile::decode──▶ text ──serde_yaml──▶ Value ──read──▶ raw types
//!       ──validate──▶ Course                 (SpanIndex: path → line:col, from saphyr)
//! ```

pub mod cloze;
pub mod course;
pub mod date;
pub mod diag;
pub mod hash;
pub mod limits;
pub mod markup;
pub mod names;
pub mod quotes;
pub mod raw;
mod read;
pub mod schema;
pub mod source;
pub mod spans;
mod validate;

pub use course::*;
pub use diag::{Diagnostic, Diagnostics, Location, Pos, Severity};
pub use source::SourceFile;
pub use validate::{ContentInput, LoadOptions, Loaded, deck_id, load};
