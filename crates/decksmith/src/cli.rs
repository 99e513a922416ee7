//! The command line: `decksmith build`, `check`, `serve`, `init` and `schemas`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use decksmith_model::diag::count;
use decksmith_model::{CardLayout, Duplex, Paper};

use crate::build::{BuildError, BuildOptions, BuildReport, build};
use crate::check::check;
use crate::content::ContentDir;
use crate::init::{StarterLanguage, init, write_schemas};
use crate::render::Format;
use crate::report::{generation_report, print_diagnostics};
use crate::serve::{DEFAULT_PORT, ServeOptions, serve};

/// Turns a course written in YAML into study decks: flashcards and quizzes as HTML pages and
/// print-ready PDFs.
///
/// A course is a folder with course.yaml, sources.yaml and one YAML file per deck in decks/
/// (see content/README.md). `decksmith init DIR` starts a new one; `decksmith check` looks for
/// mistakes; `decksmith build` makes the decks.
#[derive(Debug, Parser)]
#[command(name = "decksmith", version, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the decks: study pages, printable PDFs and the quiz as JSON.
    ///
    /// Everything is written to the output folder at once, and only if every deck built: if
    /// the course has a mistake, the previous output stays exactly as it was. Files you put
    /// in the output folder yourself are kept. Two builds into one folder take turns. Exit
    /// code 0 on success, 1 when the course has errors, 2 when the command line is wrong, 3
    /// when the output folder cannot be used (it holds files decksmith did not make, is
    /// read-only, a mount point, …) or written.
    Build(BuildArgs),
    /// Check the course for mistakes without building anything.
    ///
    /// Every problem is reported at once, as `file:line:col: error: message` with a `help:`
    /// line saying how to fix it. Exit code 0 when the course is fine, 1 when it has errors.
    Check(CheckArgs),
    /// Build, serve the decks on http://127.0.0.1:PORT/ and rebuild on every change.
    ///
    /// The course folder is watched: a change to a deck file rebuilds that deck, any other
    /// change the whole course, and the open pages reload by themselves. When the course has
    /// errors, the last good build keeps being served, and the pages and the terminal show
    /// each error with its place and help. Only this computer can connect. Ctrl-C stops.
    /// Exit code 0 when stopped, 2 when the port is taken or the folder cannot be watched.
    Serve(ServeArgs),
    /// Start a new course: course.yaml, sources.yaml, a deck showing every kind of entry,
    /// and the JSON Schemas for editors.
    ///
    /// The folder is made if missing; an existing folder must be empty (nothing of yours is
    /// ever written over). The new course checks and builds at once. Exit code 0 on success,
    /// 3 when the folder cannot be used.
    Init(InitArgs),
    /// Write the JSON Schemas into DIR/schemas/, replacing older ones.
    ///
    /// Editors with the YAML language server (VS Code with the YAML extension, and others)
    /// read them through the first line of each course file, to complete keys and underline
    /// mistakes. Run it after updating decksmith. Exit code 0 on success, 3 when the folder
    /// cannot be written.
    Schemas(SchemasArgs),
}

/// Options of `decksmith init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new course: a new or empty folder.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The language of the course and of its example deck.
    #[arg(long, value_enum, default_value = "en")]
    pub language: LanguageArg,
}

/// The languages `decksmith init` writes a course in.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// Russian.
    Ru,
}

/// Options of `decksmith schemas`.
#[derive(Debug, Args)]
pub struct SchemasArgs {
    /// The course folder (the one with course.yaml); the schemas go into its schemas/.
    #[arg(value_name = "DIR", default_value = "content")]
    pub dir: PathBuf,
}

/// Options of `decksmith serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The course folder: the one with course.yaml, sources.yaml and decks/.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Where to write the decks, as for `decksmith build`.
    #[arg(long, value_name = "DIR", default_value = "target/decks")]
    pub out: PathBuf,
    /// The port to serve on; 0 for any free one.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// Open the index page in the web browser.
    #[arg(long)]
    pub open: bool,
    /// Make only this format (give it several times for several); all by default. `html`
    /// alone rebuilds fastest.
    #[arg(long = "format", value_name = "FORMAT", value_parser = parse_format)]
    pub formats: Vec<Format>,
    /// The folder with the pages' own stylesheet, `study.css`, instead of the course's
    /// `theme/` folder (see "A course's own look" in content/README.md).
    #[arg(long, value_name = "DIR")]
    pub theme: Option<PathBuf>,
}

/// Options of `decksmith check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The course folder: the one with course.yaml, sources.yaml and decks/.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Treat warnings as errors (exit code 1 if there are any).
    #[arg(long)]
    pub deny_warnings: bool,
    /// List every possible question that was not made, with why (by default the report
    /// lists only those a change to the course could fix, and counts the others).
    #[arg(long)]
    pub report: bool,
    /// Check the pages' stylesheet `DIR/study.css` instead of the course's `theme/` folder,
    /// as `build --theme DIR` would read it.
    #[arg(long, value_name = "DIR")]
    pub theme: Option<PathBuf>,
}

/// Paper sizes on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// Flashcard layouts on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LayoutArg {
    /// Two columns, four rows: 8 cards per sheet.
    #[value(name = "2x4")]
    Grid2x4,
    /// Two columns, five rows: 10 cards per sheet.
    #[value(name = "2x5")]
    Grid2x5,
    /// Three columns, three rows: 9 cards per sheet.
    #[value(name = "3x3")]
    Grid3x3,
    /// One 3 × 5 inch index card per page.
    #[value(name = "index-3x5")]
    Index3x5,
    /// One A6 card (148 × 105 mm) per page.
    A6,
    /// One A7 card (105 × 74 mm) per page.
    A7,
}

/// Duplex edges on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DuplexArg {
    /// The sheet turns over its long edge (the usual setting): backs mirrored left to right.
    LongEdge,
    /// The sheet turns over its short edge: backs mirrored top to bottom.
    ShortEdge,
}

/// Options of `decksmith build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The course folder: the one with course.yaml, sources.yaml and decks/.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Where to write the decks. Created if missing; it must be empty or a folder decksmith
    /// made before. A symbolic link is followed to its folder.
    #[arg(long, value_name = "DIR", default_value = "target/decks")]
    pub out: PathBuf,
    /// The seed for question generation, instead of the course's `seed:`. The same seed
    /// always gives the same quizzes.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Build only this deck (give it several times for several decks); the other decks'
    /// earlier output is kept.
    #[arg(long = "deck", value_name = "ID")]
    pub decks: Vec<String>,
    /// Make only this format (give it several times for several): html (the study pages),
    /// pdf (card sheets, worksheet, answer key), json (quiz.json), and the exports: apkg
    /// (Anki), moodle (Moodle XML), gift (GIFT), qti (QTI 1.2 for Canvas and
    /// Brightspace), tsv (cards as text). All by default.
    #[arg(long = "format", value_name = "FORMAT", value_parser = parse_format)]
    pub formats: Vec<Format>,
    /// Paper size for the PDFs, instead of the course's `print: paper:`.
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// Flashcard layout for flashcards.pdf, instead of the course's `print: layout:`.
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
    /// Which edge your printer turns the sheet on when printing both sides, instead of the
    /// course's `print: duplex:`.
    #[arg(long, value_enum)]
    pub duplex: Option<DuplexArg>,
    /// Also make N variant forms of each quiz (A, B, …): the same questions in different
    /// orders, each with its own answer key. At most 26.
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=26))]
    pub variants: u8,
    /// Treat warnings as errors: fail, writing nothing, if there are any.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Build for students: only what holds no answers (the flashcards page, PDF, Anki deck
    /// and TSV, and the worksheets), safe to publish. No quiz pages (they check answers, so
    /// they hold them), answer keys, quiz.json, Moodle XML or GIFT, and no teacher page.
    #[arg(long)]
    pub student: bool,
    /// The folder with the pages' own stylesheet, `study.css`, instead of the course's
    /// `theme/` folder (see "A course's own look" in content/README.md).
    #[arg(long, value_name = "DIR")]
    pub theme: Option<PathBuf>,
    /// Print how long each stage took; with `--timings=FILE`, also write it there as JSON.
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true, default_missing_value = "-")]
    pub timings: Option<PathBuf>,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let all: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("no format `{name}`; the formats are: {}", all.join(", "))
    })
}

/// Parses the arguments and runs the command; the exit code is 0 on success, 1 for content
/// errors, 2 for usage errors (clap exits with 2 itself) and [`EXIT_FOLDER`] for a folder
/// decksmith cannot use.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Check(args) => run_check(&args),
        Command::Serve(args) => run_serve(&args),
        Command::Init(args) => run_init(&args),
        Command::Schemas(args) => run_schemas(&args),
    }
}

/// The exit code of a folder decksmith cannot use: an occupied or unwritable output folder,
/// a course folder `init` will not write into.
pub const EXIT_FOLDER: u8 = 3;

/// `decksmith init`.
pub fn run_init(args: &InitArgs) -> ExitCode {
    let language = match args.language {
        LanguageArg::En => StarterLanguage::English,
        LanguageArg::Ru => StarterLanguage::Russian,
    };
    match init(&args.dir, language) {
        Ok(files) => {
            let dir = ContentDir::new(&args.dir);
            println!("made a new course in {}:", dir.display);
            for file in files {
                println!("  {file}");
            }
            let shown = shell_word(&dir.display);
            let out = shell_word(&format!("{}-decks", dir.display));
            println!("next:");
            println!("  decksmith check --content {shown}");
            println!("  decksmith build --content {shown} --out {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}\n  = help: {}", e.help());
            ExitCode::from(EXIT_FOLDER)
        }
    }
}

/// A path as a shell reads it back: in single quotes when it holds anything but plain
/// characters.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "-_./+,:@".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `decksmith schemas`.
pub fn run_schemas(args: &SchemasArgs) -> ExitCode {
    match write_schemas(&args.dir) {
        Ok(files) => {
            let dir = ContentDir::new(&args.dir);
            for file in files {
                let what = if file.changed { "wrote" } else { "unchanged" };
                println!("{what} {}/{}", dir.display, file.name);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}\n  = help: {}", e.help());
            ExitCode::from(EXIT_FOLDER)
        }
    }
}

/// `decksmith serve`.
pub fn run_serve(args: &ServeArgs) -> ExitCode {
    let options = ServeOptions {
        build: BuildOptions {
            content: ContentDir::new(&args.content),
            out: args.out.clone(),
            seed: None,
            decks: Vec::new(),
            formats: args.formats.clone(),
            paper: None,
            layout: None,
            duplex: None,
            variants: 0,
            deny_warnings: false,
            student: false,
            theme: args.theme.clone(),
            notify: Some(|line| eprintln!("note: {line}")),
        },
        port: args.port,
        open: args.open,
    };
    match serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}\n  = help: {}", e.help());
            ExitCode::from(2)
        }
    }
}

/// `decksmith check`.
pub fn run_check(args: &CheckArgs) -> ExitCode {
    let dir = ContentDir::new(&args.content);
    let report = check(&dir, args.theme.as_deref());
    print_diagnostics(&report.diagnostics);
    print!("{}", generation_report(&report.generation, args.report));
    let failed = report.diagnostics.has_errors()
        || (args.deny_warnings && report.diagnostics.warning_count() > 0);
    match report.counts {
        Some((decks, entries)) if !failed => {
            println!(
                "{}: {}, {}; {}",
                dir.display,
                count(decks, "deck", "decks"),
                count(entries, "entry", "entries"),
                report.diagnostics.summary()
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "{}: {}{}",
                dir.display,
                report.diagnostics.summary(),
                if args.deny_warnings && !report.diagnostics.has_errors() {
                    " (warnings denied)"
                } else {
                    ""
                }
            );
            ExitCode::FAILURE
        }
    }
}

/// `decksmith build`.
pub fn run_build(args: &BuildArgs) -> ExitCode {
    if args.student
        && let Some(format) = args.formats.iter().find(|f| !f.for_students())
    {
        eprintln!(
            "error: `--format {format}` makes answers, which a `--student` build leaves out\n  \
             = help: leave out `--format {format}`, or build without `--student`"
        );
        return ExitCode::from(2);
    }
    let unchanged = format!("{} was not changed", args.out.display());
    match build(&build_options(args)) {
        Ok(report) => print_built(&report, args),
        Err(BuildError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!("{}; {unchanged}", diagnostics.summary());
            ExitCode::FAILURE
        }
        Err(BuildError::UnknownDeck { id, help }) => {
            eprintln!("error: the course has no deck `{id}`\n  = help: {help}");
            ExitCode::from(2)
        }
        Err(BuildError::Render(e, diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!("error: {e}; {unchanged}");
            ExitCode::FAILURE
        }
        Err(BuildError::Environment(message)) => {
            eprintln!("error: {message}; {unchanged}");
            ExitCode::from(2)
        }
        Err(BuildError::Write(e, diagnostics)) => {
            print_diagnostics(&diagnostics);
            if e.out_unchanged() {
                eprintln!("error: {e}; {unchanged}");
            } else {
                eprintln!("error: {e}");
            }
            if let Some(help) = e.help() {
                eprintln!("  = help: {help}");
            }
            ExitCode::from(EXIT_FOLDER)
        }
    }
}

/// The build's options from `build`'s command line.
fn build_options(args: &BuildArgs) -> BuildOptions {
    BuildOptions {
        content: ContentDir::new(&args.content),
        out: args.out.clone(),
        seed: args.seed,
        decks: args.decks.clone(),
        formats: args.formats.clone(),
        paper: args.paper.map(|p| match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }),
        layout: args.layout.map(|l| match l {
            LayoutArg::Grid2x4 => CardLayout::Grid2x4,
            LayoutArg::Grid2x5 => CardLayout::Grid2x5,
            LayoutArg::Grid3x3 => CardLayout::Grid3x3,
            LayoutArg::Index3x5 => CardLayout::Index3x5,
            LayoutArg::A6 => CardLayout::A6,
            LayoutArg::A7 => CardLayout::A7,
        }),
        duplex: args.duplex.map(|d| match d {
            DuplexArg::LongEdge => Duplex::LongEdge,
            DuplexArg::ShortEdge => Duplex::ShortEdge,
        }),
        variants: usize::from(args.variants),
        deny_warnings: args.deny_warnings,
        student: args.student,
        theme: args.theme.clone(),
        notify: Some(|line| eprintln!("note: {line}")),
    }
}

/// What a good build tells the user: the warnings, a line per deck, the generation report,
/// what happened to their own files, the timings (written to `--timings=FILE` too), and
/// where the pages are.
fn print_built(report: &BuildReport, args: &BuildArgs) -> ExitCode {
    print_diagnostics(&report.diagnostics);
    let width = report.decks.iter().map(|d| d.id.len()).max().unwrap_or(0);
    for deck in &report.decks {
        println!(
            "{:width$}  {:>4} cards  {:>3} questions  {}",
            deck.id,
            deck.cards,
            deck.questions,
            deck.files.join(" "),
        );
    }
    print!("{}", generation_report(&report.generation, false));
    for file in &report.carried.user_files {
        println!("kept your file {file}");
    }
    for folder in &report.carried.user_folders {
        println!("kept your empty folder {folder}/");
    }
    for (from, to) in &report.carried.renamed {
        println!("your file {from} is now {to}: decksmith writes a file of that name");
    }
    for warning in &report.carried.warnings {
        eprintln!("warning: {warning}");
    }
    if report.diagnostics.warning_count() > 0 {
        println!("{}", report.diagnostics.summary());
    }
    if let Some(path) = &args.timings {
        print!("{}", report.timings.table());
        if path.as_os_str() != "-"
            && let Err(e) = std::fs::write(path, report.timings.to_json())
        {
            eprintln!("error: failed to write {} ({e})", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("open {}", report.index.display());
    if let Some(teacher) = &report.teacher {
        println!(
            "answer keys and question banks: {} (keep them from students; \
             `--student` builds an output without them)",
            teacher.display()
        );
    }
    ExitCode::SUCCESS
}
