//! `decksmith serve`: build, serve the output on localhost, rebuild on every change, and
//! reload the open pages.
//!
//! Three threads share one `Live` state: the HTTP server (tiny_http; each request on a
//! thread of its own, since the pages' status requests wait for the next build), the file
//! watcher (notify, with bursts of events gathered by its debouncer), and the main thread,
//! which rebuilds through [`build`] and stops on Ctrl-C. A rebuild builds only the decks
//! whose files changed (with `--deck`), everything when another file changed. The output
//! folder is written by `build` alone, and only whole: while the course has errors, the last
//! good output keeps being served.
//!
//! The pages learn of builds from `/__decksmith/status`, a long poll: `?since=N` answers once
//! the build count passes N. Only served HTML carries the script that asks it,
//! `/__decksmith/live.js`: the response gets a `<script>` before `</body>`, and its
//! Content-Security-Policy gains `'self'` for scripts and requests. The built files never
//! change; they stay pages that work offline, opened from disk.

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use decksmith_model::{Diagnostic, Diagnostics, Severity};
use notify::{EventKind, RecursiveMode, Watcher};
use serde::Serialize;
use tiny_http::{Header, Request, Response, Server};

use crate::build::{BuildError, BuildOptions, build};
use crate::report::print_diagnostics;

/// The port `decksmith serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8484;

/// The URL path under which the server answers for itself rather than from the output.
const PREFIX: &str = "/__decksmith/";

/// How long a status request waits for a build before answering anyway.
const LONG_POLL: Duration = Duration::from_secs(20);

/// How long the builder waits for a burst of file events (one save) to end.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// The page script: waits for builds, reloads after a good one, shows the diagnostics.
const LIVE_JS: &str = include_str!("serve/live.js");

/// What to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The build: course folder, output folder and the rest. Its `decks` are ignored: serve
    /// chooses them per rebuild.
    pub build: BuildOptions,
    /// The port on 127.0.0.1; 0 for any free one.
    pub port: u16,
    /// Open the index page in the browser once serving.
    pub open: bool,
}

/// Why serving could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port cannot be listened on.
    Port(u16, io::Error),
    /// The course folder cannot be watched.
    Watch(String, notify::Error),
    /// The HTTP server or the Ctrl-C handler could not start.
    Start(String),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Port(port, e) if e.kind() == io::ErrorKind::AddrInUse => {
                write!(f, "port {port} on 127.0.0.1 is taken")
            }
            ServeError::Port(port, e) => write!(f, "cannot listen on 127.0.0.1:{port} ({e})"),
            ServeError::Watch(dir, e) => write!(f, "cannot watch the folder {dir} ({e})"),
            ServeError::Start(what) => write!(f, "cannot start: {what}"),
        }
    }
}

impl ServeError {
    /// How to get past it.
    pub fn help(&self) -> &'static str {
        match self {
            ServeError::Port(..) => {
                "another program (perhaps another decksmith serve) uses it: pass --port N for \
                 another port, or --port 0 for any free one"
            }
            ServeError::Watch(..) => "check that --content (and --theme) name folders you can read",
            ServeError::Start(..) => "try again; if it persists, report it",
        }
    }
}

/// One diagnostic as the page shows it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ShownDiagnostic {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// `file:line:col`.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl ShownDiagnostic {
    fn new(d: &Diagnostic) -> ShownDiagnostic {
        ShownDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            location: d.location.to_string(),
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }
}

/// What the pages are told: `/__decksmith/status` as JSON.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Status {
    /// Builds finished, good or not.
    pub version: u64,
    /// The build whose output is served (0 before the first good one).
    pub built: u64,
    /// Whether the last build succeeded.
    pub ok: bool,
    /// The last build's errors and warnings, sorted.
    pub diagnostics: Vec<ShownDiagnostic>,
}

/// The state the server and the builder share.
struct Live {
    status: Mutex<Status>,
    changed: Condvar,
    out: PathBuf,
}

impl Live {
    fn status(&self) -> MutexGuard<'_, Status> {
        // A thread that panicked holding the lock left a whole `Status` behind.
        self.status
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn publish(&self, ok: bool, diagnostics: &Diagnostics) {
        let mut status = self.status();
        status.version += 1;
        status.ok = ok;
        if ok {
            status.built = status.version;
        }
        status.diagnostics = diagnostics
            .sorted()
            .iter()
            .map(ShownDiagnostic::new)
            .collect();
        drop(status);
        self.changed.notify_all();
    }
}

/// What the watcher and Ctrl-C tell the main thread.
enum Message {
    Files(notify::Result<notify::Event>),
    Stop,
}

/// Builds the course, serves the output and rebuilds on change until Ctrl-C.
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port)))
        .map_err(|e| ServeError::Port(options.port, e))?;
    let port = listener
        .local_addr()
        .map_err(|e| ServeError::Port(options.port, e))?
        .port();
    let server = Arc::new(
        Server::from_listener(listener, None).map_err(|e| ServeError::Start(e.to_string()))?,
    );

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(|e| ServeError::Start(e.to_string()))?;
    let content = &options.build.content;
    let Watching {
        watcher,
        watched,
        theme,
    } = watch(options, tx)?;

    let mut builder = Builder {
        options: options.build.clone(),
        live: Arc::new(Live {
            status: Mutex::new(Status::default()),
            changed: Condvar::new(),
            out: options.build.out.clone(),
        }),
        decks: deck_ids(&content.path),
        pending: Changes::None,
    };
    builder.run(&Changes::Everything);

    let http = answer_requests(&server, &builder.live);
    let url = format!("http://127.0.0.1:{port}/");
    println!("serving {url} (Ctrl-C stops)");
    match &theme {
        Some((dir, shown)) if dir.is_dir() => {
            println!("watching {} and {shown} for changes", content.display);
        }
        _ => println!("watching {} for changes", content.display),
    }
    if options.open {
        open_browser(&url);
    }

    let out = options
        .build
        .out
        .canonicalize()
        .unwrap_or_else(|_| options.build.out.clone());
    let mut stopping = false;
    while !stopping {
        let paths;
        (paths, stopping) = next_changes(&rx, &content.display, &watched);
        let theme_dir = theme.as_ref().map(|(dir, _)| dir.as_path());
        let changes = classify(&watched, theme_dir, &out, &builder.decks, &paths);
        if !stopping && changes != Changes::None {
            builder.run(&changes);
        }
    }
    println!("stopping");
    drop(watcher);
    server.unblock();
    let _ = http.join();
    Ok(())
}

/// What `serve` watches: the course folder, and a `--theme` folder outside it.
struct Watching {
    watcher: notify::RecommendedWatcher,
    /// The course folder, as the watcher gives paths in it.
    watched: PathBuf,
    /// The `--theme` folder, as the watcher gives paths in it, and as the teacher wrote it.
    theme: Option<(PathBuf, String)>,
}

/// Starts watching the course folder (and a `--theme` folder outside it), each change sent
/// to `tx`.
fn watch(options: &ServeOptions, tx: mpsc::Sender<Message>) -> Result<Watching, ServeError> {
    let content = &options.build.content;
    let watched = content
        .path
        .canonicalize()
        .unwrap_or_else(|_| content.path.clone());
    let mut watcher = notify::recommended_watcher(move |result| {
        let _ = tx.send(Message::Files(result));
    })
    .map_err(|e| ServeError::Watch(content.display.clone(), e))?;
    watcher
        .watch(&watched, RecursiveMode::Recursive)
        .map_err(|e| ServeError::Watch(content.display.clone(), e))?;
    // A theme folder outside the course (`--theme`) is watched too; a change there is a
    // change of every page.
    let theme = options.build.theme.as_ref().map(|dir| {
        (
            dir.canonicalize().unwrap_or_else(|_| dir.clone()),
            dir.display().to_string(),
        )
    });
    // A --theme folder that is not there is not watched: the build says so, in the page and
    // here, as for any other mistake.
    if let Some((dir, shown)) = &theme
        && dir.is_dir()
        && !dir.starts_with(&watched)
    {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| ServeError::Watch(shown.clone(), e))?;
    }
    Ok(Watching {
        watcher,
        watched,
        theme,
    })
}

/// Answers the server's requests, each on a thread of its own, until it is unblocked.
fn answer_requests(server: &Arc<Server>, live: &Arc<Live>) -> std::thread::JoinHandle<()> {
    let live = Arc::clone(live);
    let listening = Arc::clone(server);
    std::thread::spawn(move || {
        for request in listening.incoming_requests() {
            let live = Arc::clone(&live);
            std::thread::spawn(move || respond(&live, request));
        }
    })
}

/// Waits for a change; then, since one save is a burst of events, takes them all until the
/// folder is quiet for [`DEBOUNCE`]: the changed paths, and whether to stop (Ctrl-C).
fn next_changes(rx: &mpsc::Receiver<Message>, shown: &str, watched: &Path) -> (Vec<PathBuf>, bool) {
    let mut paths = Vec::new();
    let mut quiet = None;
    loop {
        let message = match quiet {
            None => rx.recv().ok(),
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(message) => Some(message),
                Err(mpsc::RecvTimeoutError::Timeout) => return (paths, false),
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            },
        };
        match message {
            Some(Message::Files(Ok(event))) => {
                // Reading a file (as every build does) changes nothing.
                if !matches!(event.kind, EventKind::Access(_)) {
                    paths.extend(event.paths);
                }
            }
            Some(Message::Files(Err(e))) => {
                eprintln!("warning: watching {shown} failed ({e}); rebuilding");
                paths.push(watched.join("course.yaml"));
            }
            Some(Message::Stop) | None => return (paths, true),
        }
        if !paths.is_empty() {
            quiet = Some(DEBOUNCE);
        }
    }
}

/// Runs builds and tells the pages.
struct Builder {
    options: BuildOptions,
    live: Arc<Live>,
    /// The course's deck files' ids, as of the last build.
    decks: BTreeSet<String>,
    /// What changed since the last good build.
    pending: Changes,
}

/// What changed in the course folder.
#[derive(Debug, PartialEq, Eq)]
enum Changes {
    /// Nothing that is built.
    None,
    /// Only these decks' files.
    Decks(BTreeSet<String>),
    /// Anything else: build it all.
    Everything,
}

impl Changes {
    /// Both changes together.
    fn and(&self, other: &Changes) -> Changes {
        match (self, other) {
            (Changes::Everything, _) | (_, Changes::Everything) => Changes::Everything,
            (Changes::Decks(a), Changes::Decks(b)) => Changes::Decks(a | b),
            (Changes::Decks(a), Changes::None) | (Changes::None, Changes::Decks(a)) => {
                Changes::Decks(a.clone())
            }
            (Changes::None, Changes::None) => Changes::None,
        }
    }
}

impl Builder {
    /// Builds what `changes` and the failed builds since the last good one touched.
    fn run(&mut self, changes: &Changes) {
        let changes = self.pending.and(changes);
        let mut options = self.options.clone();
        options.decks = match &changes {
            Changes::Decks(ids) => ids.iter().cloned().collect(),
            _ => Vec::new(),
        };
        let started = Instant::now();
        let mut result = build(&options);
        // A deck file the course does not build (not in its `decks:` list): build it all.
        if let Err(BuildError::UnknownDeck { .. }) = result {
            options.decks.clear();
            result = build(&options);
        }
        let took = started.elapsed().as_millis();
        let what = if options.decks.is_empty() {
            "the course".to_owned()
        } else {
            options.decks.join(", ")
        };
        self.decks = deck_ids(&options.content.path);
        match result {
            Ok(report) => {
                print_diagnostics(&report.diagnostics);
                println!(
                    "built {what} in {took} ms; {}",
                    report.diagnostics.summary()
                );
                self.live.publish(true, &report.diagnostics);
                self.pending = Changes::None;
            }
            Err(error) => {
                let diagnostics = failure(&error);
                print_diagnostics(&diagnostics);
                eprintln!(
                    "{}; still serving the last good build",
                    diagnostics.summary()
                );
                self.live.publish(false, &diagnostics);
                // What a failed build did not build waits for the next one.
                self.pending = changes;
            }
        }
    }
}

/// The diagnostics of a failed build, the failure itself among them when it is not about the
/// content (a renderer or the output folder).
fn failure(error: &BuildError) -> Diagnostics {
    let (diagnostics, message, help) = match error {
        BuildError::Content(d) => return d.clone(),
        BuildError::UnknownDeck { id, help } => (
            Diagnostics::new(),
            format!("the course has no deck `{id}`"),
            Some(help.clone()),
        ),
        BuildError::Render(e, d) => (d.clone(), e.to_string(), None),
        BuildError::Write(e, d) => (d.clone(), e.to_string(), e.help()),
        BuildError::Environment(message) => (Diagnostics::new(), message.clone(), None),
    };
    let mut diagnostics = diagnostics;
    diagnostics
        .push(Diagnostic::error(decksmith_model::Location::default(), message).with_help_opt(help));
    diagnostics
}

/// The ids of the deck files in the course folder: `decks/*.yaml` without `.yaml`.
fn deck_ids(content: &Path) -> BTreeSet<String> {
    std::fs::read_dir(content.join("decks"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".yaml"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the changed `paths` (absolute, under `content` or `theme`) ask to rebuild: the decks
/// whose files changed, or everything when another file did, a deck file came or went, or
/// the theme changed. Files hidden or left by editors (`.name`, `name~`, `*.swp`), and the
/// output folder and its build's siblings when they lie in the course folder, are not the
/// course's.
fn classify(
    content: &Path,
    theme: Option<&Path>,
    out: &Path,
    known: &BTreeSet<String>,
    paths: &[PathBuf],
) -> Changes {
    let mut decks = BTreeSet::new();
    for path in paths {
        if path.starts_with(out) {
            continue;
        }
        let relative = match (path.strip_prefix(content), theme) {
            (Ok(relative), _) => relative,
            (Err(_), Some(theme)) if path.starts_with(theme) => match path.strip_prefix(theme) {
                Ok(relative)
                    if relative.components().any(|c| {
                        c.as_os_str()
                            .to_str()
                            .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
                    }) =>
                {
                    continue;
                }
                _ => return Changes::Everything,
            },
            _ => continue,
        };
        let names: Vec<&str> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => name.to_str(),
                _ => None,
            })
            .collect();
        let ignored = |name: &&str| {
            name.starts_with('.')
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.contains(".decksmith-")
        };
        if names.is_empty() || names.iter().any(ignored) {
            continue;
        }
        match names.as_slice() {
            ["decks", file] => match file.strip_suffix(".yaml") {
                Some(id) if known.contains(id) && path.is_file() => {
                    decks.insert(id.to_owned());
                }
                Some(_) => return Changes::Everything,
                None => {}
            },
            ["schemas", ..] => {}
            _ => return Changes::Everything,
        }
    }
    if decks.is_empty() {
        Changes::None
    } else {
        Changes::Decks(decks)
    }
}

/// Answers one request: the server's own paths, or a file of the output.
fn respond(live: &Live, request: Request) {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let response = match path.strip_prefix(PREFIX) {
        Some("live.js") => bytes(200, "text/javascript; charset=utf-8", LIVE_JS.into()),
        Some("status") => {
            let since = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("since="))
                .and_then(|n| n.parse::<u64>().ok());
            let json = status_json(live, since);
            bytes(200, "application/json", json.into_bytes())
        }
        Some(_) => not_found(live),
        None => file(live, path),
    };
    let _ = request.respond(response);
}

/// The status as JSON; with `since`, once the build count is past it (or after a while).
fn status_json(live: &Live, since: Option<u64>) -> String {
    let mut status = live.status();
    if let Some(since) = since {
        let deadline = Instant::now() + LONG_POLL;
        while status.version <= since {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            status = live
                .changed
                .wait_timeout(status, left)
                .map(|(guard, _)| guard)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }
    serde_json::to_string(&*status).unwrap_or_default()
}

/// A file of the output folder, HTML with the live script; 404 for anything else.
fn file(live: &Live, url_path: &str) -> Response<io::Cursor<Vec<u8>>> {
    let Some(path) = resolve(&live.out, url_path) else {
        return not_found(live);
    };
    let Ok(body) = std::fs::read(&path) else {
        return not_found(live);
    };
    let kind = content_type(&path);
    if kind.starts_with("text/html") {
        let built = live.status().built;
        bytes(
            200,
            kind,
            inject(&String::from_utf8_lossy(&body), built).into_bytes(),
        )
    } else {
        bytes(200, kind, body)
    }
}

/// The file a URL path names in `out`: percent-decoded, `index.html` for a folder, and
/// nothing when it would leave the folder (`..`, a link out of it) or does not exist.
pub fn resolve(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = out.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part if part.contains('\\') || part.contains(':') => return None,
            part => path.push(part),
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let root = out.canonicalize().ok()?;
    let real = path.canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

/// `%xx` escapes decoded; `None` when they are malformed or not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = tail.get(..2)?;
            let hex = std::str::from_utf8(hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The Content-Type of an output file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("pdf") => "application/pdf",
        Some("xml") => "application/xml",
        Some("txt" | "gift" | "tsv") => "text/plain; charset=utf-8",
        Some("zip") => "application/zip",
        Some("apkg") => "application/octet-stream",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The page as served: the live script before `</body>` (at the end without one), and the
/// page's Content-Security-Policy letting this server's scripts and requests through.
pub fn inject(html: &str, built: u64) -> String {
    let tag = format!("<script src=\"{PREFIX}live.js\" data-built=\"{built}\"></script>");
    let mut page = allow_self(html);
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, &tag),
        None => page.push_str(&tag),
    }
    page
}

/// `html` with its CSP meta tag's `script-src` and `connect-src` allowing `'self'`.
fn allow_self(html: &str) -> String {
    const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let Some(start) = html.find(META).map(|at| at + META.len()) else {
        return html.to_owned();
    };
    let Some(length) = html[start..].find('"') else {
        return html.to_owned();
    };
    let mut directives: Vec<String> = Vec::new();
    let mut connect = false;
    for directive in html[start..start + length].split(';') {
        let directive = directive.trim();
        let name = directive.split_whitespace().next().unwrap_or("");
        if name == "script-src" || name == "connect-src" {
            connect |= name == "connect-src";
            let sources = directive[name.len()..].replace("'none'", "");
            directives.push(
                format!("{name} 'self' {}", sources.trim())
                    .trim()
                    .to_owned(),
            );
        } else if !directive.is_empty() {
            directives.push(directive.to_owned());
        }
    }
    if !directives.iter().any(|d| d.starts_with("script-src")) {
        directives.push("script-src 'self'".into());
    }
    if !connect {
        directives.push("connect-src 'self'".into());
    }
    format!(
        "{}{}{}",
        &html[..start],
        directives.join("; "),
        &html[start + length..]
    )
}

/// The page for a path with no file: says so, and reloads when a build makes it.
fn not_found(live: &Live) -> Response<io::Cursor<Vec<u8>>> {
    let built = live.status().built;
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                <title>Not found</title></head><body><h1>Not found</h1><p>The output has no \
                such file (yet): it appears here once a build makes it.</p></body></html>";
    bytes(
        404,
        "text/html; charset=utf-8",
        inject(page, built).into_bytes(),
    )
}

fn bytes(status: u16, kind: &str, body: Vec<u8>) -> Response<io::Cursor<Vec<u8>>> {
    let mut response = Response::from_data(body).with_status_code(status);
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store")] {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
}

/// Opens `url` in the default browser, or says how to.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        eprintln!("note: could not open a browser ({e}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csp_lets_the_live_script_and_its_requests_through() {
        let page = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src \
                    'none'; style-src 'sha256-a'; script-src 'none'; base-uri 'none'\"></head>\
                    <body>x</body>";
        let served = inject(page, 3);
        assert!(served.contains(
            "content=\"default-src 'none'; style-src 'sha256-a'; script-src 'self'; \
             base-uri 'none'; connect-src 'self'\""
        ));
        assert!(
            served.ends_with(
                "x<script src=\"/__decksmith/live.js\" data-built=\"3\"></script></body>"
            )
        );
        let hashed = inject(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-b'\">",
            1,
        );
        assert!(hashed.contains("script-src 'self' 'sha256-b'; connect-src 'self'"));
    }

    #[test]
    fn paths_out_of_the_output_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        std::fs::write(dir.path().join("out/index.html"), "i").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let out = dir.path().join("out");
        assert!(resolve(&out, "/").is_some_and(|p| p.ends_with("index.html")));
        assert!(resolve(&out, "/index.html").is_some());
        assert_eq!(resolve(&out, "/../secret.txt"), None);
        assert_eq!(resolve(&out, "/%2e%2e/secret.txt"), None);
        assert_eq!(resolve(&out, "/..%2fsecret.txt"), None);
        assert_eq!(resolve(&out, "/%zz"), None);
        assert_eq!(resolve(&out, "/missing.html"), None);
    }

    #[test]
    fn changes_name_the_decks_or_everything() {
        let content = Path::new("/c");
        let out = Path::new("/o");
        let known: BTreeSet<String> = ["a".to_owned()].into();
        let at = |p: &str| vec![content.join(p)];
        // Deck files that do not exist on disk (as here) came or went: build everything.
        assert_eq!(
            classify(content, None, out, &known, &at("decks/a.yaml")),
            Changes::Everything
        );
        assert_eq!(
            classify(content, None, out, &known, &at("course.yaml")),
            Changes::Everything
        );
        assert_eq!(
            classify(content, None, out, &known, &at("decks/.a.yaml.swp")),
            Changes::None
        );
        assert_eq!(
            classify(content, None, out, &known, &at("decks/a.yaml~")),
            Changes::None
        );
        assert_eq!(
            classify(content, None, out, &known, &at("schemas/deck.json")),
            Changes::None
        );
        assert_eq!(
            classify(content, None, out, &known, &[out.join("index.html")]),
            Changes::None
        );
        // The course's own theme folder, or one given with --theme, changes every page.
        assert_eq!(
            classify(content, None, out, &known, &at("theme/study.css")),
            Changes::Everything
        );
        let theme = Path::new("/t");
        assert_eq!(
            classify(
                content,
                Some(theme),
                out,
                &known,
                &[theme.join("study.css")]
            ),
            Changes::Everything
        );
        assert_eq!(
            classify(
                content,
                Some(theme),
                out,
                &known,
                &[theme.join(".study.css.swp")]
            ),
            Changes::None
        );
    }
}
