//! `decksmith serve` as a teacher uses it, a real process on a free port: the pages served,
//! an edit rebuilt and announced, a mistake shown while the last good pages stay, the fix
//! clearing it, Ctrl-C stopping it; a port already taken refused with help.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/course")
}

fn copy_course(to: &Path) {
    for dir in ["", "decks"] {
        fs::create_dir_all(to.join(dir)).unwrap();
        for entry in fs::read_dir(fixture().join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
}

/// The server process, killed however the test ends.
struct Served {
    child: Child,
    lines: mpsc::Receiver<String>,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `decksmith serve` on a free port and waits for the address it prints.
fn serve(course: &Path, out: &Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(["serve", "--port", "0", "--format", "html", "--content"])
        .arg(course)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut served = Served {
        child,
        lines,
        url: String::new(),
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while served.url.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = served
            .lines
            .recv_timeout(left)
            .expect("serve printed no address");
        if let Some(rest) = line.strip_prefix("serving ") {
            served.url = rest.split_whitespace().next().unwrap().to_owned();
        }
    }
    assert!(
        served.url.starts_with("http://127.0.0.1:"),
        "{}",
        served.url
    );
    served
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// Status code, Content-Type and body of `url`.
fn get(url: &str) -> (u16, String, String) {
    let mut response = agent().get(url).call().unwrap();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap();
    (status, kind, body)
}

/// The status once a build after `since` finished (the long poll the pages make).
fn next_status(served: &Served, since: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (code, _, body) = get(&format!("{}__decksmith/status?since={since}", served.url));
        assert_eq!(code, 200);
        let status: Value = serde_json::from_str(&body).unwrap();
        if status["version"].as_u64().unwrap() > since {
            return status;
        }
        assert!(Instant::now() < deadline, "no build after {since}");
    }
}

#[test]
fn serve_rebuilds_on_change_and_shows_errors_over_the_last_good_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    let out = tmp.path().join("out");
    copy_course(&course);
    let served = serve(&course, &out);

    let (code, kind, index) = get(&served.url);
    assert_eq!(code, 200);
    assert_eq!(kind, "text/html; charset=utf-8");
    assert!(index.contains("UN basics"));
    assert!(index.contains("<script src=\"/__decksmith/live.js\" data-built=\"1\"></script>"));
    assert!(index.contains("script-src 'self'"));
    // The built file itself is untouched: it stays a page that works from disk.
    let on_disk = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!on_disk.contains("__decksmith"));
    let (code, kind, script) = get(&format!("{}__decksmith/live.js", served.url));
    assert_eq!(
        (code, kind.as_str()),
        (200, "text/javascript; charset=utf-8")
    );
    assert!(script.contains("location.reload()"));
    // Nothing outside the output folder is served.
    let (code, _, _) = get(&format!("{}%2e%2e/course/course.yaml", served.url));
    assert_eq!(code, 404);

    let page_url = format!("{}un-basics/flashcards.html", served.url);
    let (code, _, before) = get(&page_url);
    assert_eq!(code, 200);
    assert!(before.contains("led by Washington"));
    let (_, _, status) = get(&format!("{}__decksmith/status", served.url));
    let status: Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["version"], 1);
    assert_eq!(status["built"], 1);

    // An edit: rebuilt, announced to the waiting page, served.
    let deck = course.join("decks/un-basics.yaml");
    let good = fs::read_to_string(&deck).unwrap();
    let edited = good.replace("led by Washington", "chaired by Brazil");
    fs::write(&deck, &edited).unwrap();
    let status = next_status(&served, 1);
    assert_eq!(status["ok"], true, "{status}");
    let built = status["built"].as_u64().unwrap();
    assert_eq!(built, status["version"].as_u64().unwrap());
    let (_, _, after) = get(&page_url);
    assert!(after.contains("chaired by Brazil"));
    assert!(!after.contains("led by Washington"));
    assert!(after.contains(&format!("data-built=\"{built}\"")));

    // A mistake: the error is served with its place and help; the last good pages stay.
    let broken = edited.replace(
        "    source: forum\n  - id: sco",
        "    sorce: forum\n  - id: sco",
    );
    assert_ne!(broken, edited);
    fs::write(&deck, &broken).unwrap();
    let status = next_status(&served, built);
    assert_eq!(status["ok"], false, "{status}");
    assert_eq!(status["built"].as_u64().unwrap(), built);
    let error = status["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error");
    let location = error["location"].as_str().unwrap();
    let line = broken.lines().position(|l| l.contains("sorce:")).unwrap() + 1;
    assert!(
        location.ends_with(&format!("/decks/un-basics.yaml:{line}:5")),
        "{location}"
    );
    assert!(
        error["message"].as_str().unwrap().contains("sorce"),
        "{error}"
    );
    assert!(
        error["help"].as_str().unwrap().contains("source"),
        "{error}"
    );
    let (code, _, still) = get(&page_url);
    assert_eq!(code, 200);
    assert!(still.contains("chaired by Brazil"));

    // The fix: a good build, no diagnostics left.
    let failed = status["version"].as_u64().unwrap();
    fs::write(&deck, &edited).unwrap();
    let status = next_status(&served, failed);
    assert_eq!(status["ok"], true, "{status}");
    assert!(status["built"].as_u64().unwrap() > built);
    assert_eq!(
        status["diagnostics"].as_array().unwrap().len(),
        0,
        "{status}"
    );

    #[cfg(unix)]
    stops_on_ctrl_c(served);
}

/// Ctrl-C (SIGINT) ends the server with exit code 0.
#[cfg(unix)]
fn stops_on_ctrl_c(mut served: Served) {
    let pid = served.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(exit) = served.child.try_wait().unwrap() {
            assert_eq!(exit.code(), Some(0));
            break;
        }
        assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_taken_port_is_refused_with_help() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let tmp = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_decksmith"))
        .args(["serve", "--port", &port, "--content"])
        .arg(fixture())
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("error: port {port} on 127.0.0.1 is taken")),
        "{stderr}"
    );
    assert!(stderr.contains("--port 0"), "{stderr}");
    // Nothing was built.
    assert!(!tmp.path().join("out").exists());
}
