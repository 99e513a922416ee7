//! The decksmith driver: reads a course folder, runs the stages, writes the output folder.
//!
//! This crate is the only one that touches the file system. The stages it drives take values
//! and give values: [`decksmith_model::load`] (text to a validated course),
//! `decksmith_quiz::generate` (course to cards and questions) and the renderers, sibling
//! crates dispatched by [`render`]: `decksmith_html`, `decksmith_pdf` and `decksmith_export`
//! (questions to bytes). The `decksmith` binary and `cargo xtask` are thin layers over
//! [`cli`].

pub mod build;
pub mod check;
pub mod cli;
pub mod content;
pub mod init;
pub mod output;
pub mod render;
pub mod report;
pub mod serve;
pub mod timings;

pub use render::Format;
